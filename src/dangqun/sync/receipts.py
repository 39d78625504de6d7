"""The district's signed receipt, and what a center does with one (issue 16).

Issue 16 "Acknowledgement": the district's import produces a signed receipt file; importing it
at the center marks those packages acknowledged, and the next incremental export starts after
the highest acknowledged counter. Until then a re-export carries the same changes again, so a
lost USB stick loses nothing.

The file ``receipt-<center-id8>-<seq:06d>.dqrcpt`` (``seq`` the highest package it names) is one
UTF-8 JSON document with a detached signature over canonical bytes::

    {"receipt": {"format": "dangqun-receipt", "format_version": 1,
                 "district": {"name": …, "fingerprint": <hex of the district signing key>},
                 "center_uuid": …,
                 "packages": [{"seq": 7, "sha256": <hex of the package file>,
                               "counter_to": 812, "status": "imported" | "already_imported"}],
                 "created_at": "2026-12-01T08:00:00.000000Z"},
     "signature": <base64 of the Ed25519 signature>}

The signature is over :func:`canonical_bytes` of the ``receipt`` object: ``json.dumps`` with
sorted keys, ``(",", ":")`` separators and ``ensure_ascii=False``, UTF-8. The district writes it
with :func:`write_receipt`; the center reads it with :func:`read_receipt`, which checks it with
the installed district key, and applies it with :func:`dangqun.sync.export.import_receipt`. A
package is acknowledged only when the receipt names its seq *and* its sha256, so a receipt for
a different package with the same number (a re-made database) acknowledges nothing.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from dangqun.core.center import find_center
from dangqun.core.clock import utc_now
from dangqun.core.db import Database
from dangqun.core.errors import DangqunError
from dangqun.core.security import Actor, Permission
from dangqun.sync import crypto
from dangqun.sync.keys import installed_district_key
from dangqun.sync.models import ReceivedReceipt, SentPackage
from dangqun.sync.package import encode_value

RECEIPT_FORMAT = "dangqun-receipt"
RECEIPT_FORMAT_VERSION = 1
RECEIPT_SUFFIX = ".dqrcpt"
STATUSES = ("imported", "already_imported")
MAX_RECEIPT_BYTES = 4 * 2**20
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class ReceiptRejected(DangqunError):
    """A receipt failed a check (message in Chinese)."""


@dataclass(frozen=True)
class ReceiptEntry:
    seq: int
    sha256: str
    counter_to: int
    status: str


@dataclass(frozen=True)
class Receipt:
    district_name: str
    district_fingerprint: str
    center_uuid: str
    packages: tuple[ReceiptEntry, ...]
    created_at: str


def canonical_bytes(document: Mapping[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def receipt_file_name(center_uuid: str, seq: int) -> str:
    return f"receipt-{center_uuid.replace('-', '')[:8]}-{seq:06d}{RECEIPT_SUFFIX}"


def write_receipt(
    directory: Path,
    signing_key: Ed25519PrivateKey,
    district_name: str,
    center_uuid: str,
    packages: Iterable[ReceiptEntry],
    created_at: datetime,
) -> Path:
    """Write the signed receipt for ``packages`` into ``directory`` (the district's side)."""
    entries = sorted(packages, key=lambda entry: entry.seq)
    if not entries:
        raise ValueError("a receipt names at least one package")
    receipt = {
        "format": RECEIPT_FORMAT,
        "format_version": RECEIPT_FORMAT_VERSION,
        "district": {
            "name": district_name,
            "fingerprint": crypto.fingerprint(signing_key.public_key()),
        },
        "center_uuid": center_uuid,
        "packages": [
            {
                "seq": entry.seq,
                "sha256": entry.sha256,
                "counter_to": entry.counter_to,
                "status": entry.status,
            }
            for entry in entries
        ],
        "created_at": encode_value(created_at),
    }
    signature = crypto.sign(signing_key, canonical_bytes(receipt))
    document = {"receipt": receipt, "signature": base64.b64encode(signature).decode()}
    path = directory / receipt_file_name(center_uuid, entries[-1].seq)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def read_receipt(path: Path, district_public_key: bytes) -> Receipt:
    """The receipt at ``path``, if signed by ``district_public_key`` (raw Ed25519) and well
    formed; raises :class:`ReceiptRejected` with the reason otherwise."""
    try:
        if path.stat().st_size > MAX_RECEIPT_BYTES:
            raise ReceiptRejected(f"“{path.name}”太大，不是回执文件。")
        document = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError as error:
        raise ReceiptRejected(f"找不到回执文件“{path}”。") from error
    except IsADirectoryError as error:
        raise ReceiptRejected(f"“{path}”是文件夹，不是回执文件。") from error
    except OSError as error:
        raise ReceiptRejected(f"无法读取回执文件“{path}”（{error.strerror or error}）。") from error
    except (UnicodeDecodeError, ValueError) as error:
        raise ReceiptRejected(f"“{path.name}”不是区级回执文件。") from error
    if not isinstance(document, dict) or not isinstance(document.get("receipt"), dict):
        raise ReceiptRejected(f"“{path.name}”不是区级回执文件。")
    receipt = document["receipt"]
    try:
        signature = base64.b64decode(str(document.get("signature", "")), validate=True)
    except (binascii.Error, ValueError):
        signature = b""
    if not crypto.verify_signature(district_public_key, signature, canonical_bytes(receipt)):
        raise ReceiptRejected(
            f"回执“{path.name}”的签名无效：不是已安装的区级密钥签发的，或内容被改动。"
        )
    return _parse(receipt, path.name)


def _parse(receipt: dict[str, Any], name: str) -> Receipt:
    def bad(what: str) -> ReceiptRejected:
        return ReceiptRejected(f"回执“{name}”内容无效：{what}。")

    if receipt.get("format") != RECEIPT_FORMAT:
        raise bad("不是区级回执")
    if receipt.get("format_version") != RECEIPT_FORMAT_VERSION:
        raise ReceiptRejected(f"回执“{name}”的版本本程序不认识，请升级本程序。")
    district = receipt.get("district")
    if not isinstance(district, dict) or not isinstance(district.get("name"), str):
        raise bad("缺少区级名称")
    if not isinstance(district.get("fingerprint"), str):
        raise bad("缺少区级密钥指纹")
    center_uuid = receipt.get("center_uuid")
    if not isinstance(center_uuid, str):
        raise bad("缺少服务中心编号")
    packages = receipt.get("packages")
    if not isinstance(packages, list) or not packages:
        raise bad("没有列出数据包")
    entries = []
    for item in packages:
        if not isinstance(item, dict):
            raise bad("数据包条目无效")
        seq, sha256 = item.get("seq"), item.get("sha256")
        counter_to, status = item.get("counter_to"), item.get("status")
        if type(seq) is not int or seq < 1 or type(counter_to) is not int or counter_to < 0:
            raise bad("数据包序号或计数无效")
        if not isinstance(sha256, str) or not _HEX64.match(sha256):
            raise bad("数据包校验值无效")
        if status not in STATUSES:
            raise bad("数据包状态无效")
        entries.append(ReceiptEntry(seq, sha256, counter_to, status))
    created_at = receipt.get("created_at")
    if not isinstance(created_at, str):
        raise bad("缺少签发时间")
    return Receipt(
        district["name"], district["fingerprint"], center_uuid, tuple(entries), created_at
    )


@dataclass(frozen=True)
class ReceiptOutcome:
    """What reading a receipt changed: packages acknowledged now, acknowledged before, and
    entries that match no package made here (another database's, or altered)."""

    district_name: str
    acknowledged: tuple[int, ...]
    already_acknowledged: tuple[int, ...]
    unmatched: tuple[int, ...]


RECEIPT_AUDIT_ACTION = "sync.receipt"


def import_receipt(
    database: Database, keys_directory: Path, actor: Actor, path: Path
) -> ReceiptOutcome:
    """Check a receipt with the installed district key and mark the packages it names
    acknowledged, as one audited change (issue 16 "Acknowledgement").

    A package is matched by seq *and* sha256; an entry matching nothing is reported, never
    acknowledged, so the next export still carries those changes.
    """
    actor.require(Permission.EDIT_RECORDS)
    district = installed_district_key(keys_directory)
    if district is None:
        raise ReceiptRejected(
            "尚未安装区级公钥，无法核验回执。请先用“dangqun sync keys --install-district 文件”安装。"
        )
    receipt = read_receipt(path, district.signing_public_key)
    now = utc_now()
    with database.unit_of_work(actor) as work:
        center = find_center(work.session)
        if center is None or center.uuid != receipt.center_uuid:
            raise ReceiptRejected(f"回执“{path.name}”是发给另一个服务中心的，不能用于本中心。")
        acknowledged: list[int] = []
        already: list[int] = []
        unmatched: list[int] = []
        for entry in receipt.packages:
            sent = work.session.scalar(select(SentPackage).where(SentPackage.seq == entry.seq))
            if sent is None or sent.sha256 != entry.sha256 or sent.counter_to != entry.counter_to:
                unmatched.append(entry.seq)
            elif sent.acknowledged_at is not None:
                already.append(entry.seq)
            else:
                sent.acknowledged_at = now
                sent.receipt_status = entry.status
                acknowledged.append(entry.seq)
        work.session.add(
            ReceivedReceipt(
                file_name=path.name,
                district_name=receipt.district_name,
                district_fingerprint=receipt.district_fingerprint,
                issued_at=receipt.created_at,
                received_at=now,
                acknowledged=len(acknowledged),
            )
        )
        work.audit(
            RECEIPT_AUDIT_ACTION,
            "sync_receipt",
            path.name,
            None,
            {
                "district": receipt.district_name,
                "acknowledged": acknowledged,
                "already_acknowledged": already,
                "unmatched": unmatched,
            },
        )
        work.commit()
    return ReceiptOutcome(
        receipt.district_name, tuple(acknowledged), tuple(already), tuple(unmatched)
    )


@dataclass(frozen=True)
class ReceiptHistoryRow:
    file_name: str
    district_name: str
    issued_at: str
    """As the receipt states it (UTC ISO text, signed by the district)."""
    received_at: datetime
    acknowledged: int
    """How many packages it acknowledged for the first time (0: all were known already)."""


def receipt_history(database: Database, actor: Actor) -> list[ReceiptHistoryRow]:
    """The receipts read here, newest first (issue 16: the 数据同步 page's history of receipts
    received, beside the packages sent)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return [
            ReceiptHistoryRow(
                row.file_name,
                row.district_name,
                row.issued_at,
                row.received_at,
                row.acknowledged,
            )
            for row in session.scalars(
                select(ReceivedReceipt).order_by(
                    ReceivedReceipt.received_at.desc(), ReceivedReceipt.id.desc()
                )
            )
        ]
