"""Verification codes: a paper certificate or signed minutes can be checked offline.

Every certificate and signed minutes carries a QR code whose text is the whole code::

    DQ1|VC|ZYZM-2026-000123|<center id, 32 hex>|张三|1234|750|20261122|K7Q2-M4XD-9A3F-TB6P

— version, kind, document number, issuing center, the certified facts, and a keyed hash
(HMAC-SHA256, truncated to 80 bits, base32) of everything before it. So the code itself says
what it certifies (who, how long, when), and only the holder of the center's key can make a
valid one: changing a digit of the hours on a photocopy makes the check fail.

Why these facts and not the whole document: ``dangqun verify CODE`` must work from the code
alone, without the center's database, so every hashed fact travels inside the code. ID
numbers never do (only their last four characters, 个人信息保护法).

The key is 32 random bytes made once per data directory in ``<data dir>/keys/verification.key``
and never replaced: old paper stays verifiable only with it (it is in every backup, and will
travel to the district with the sync key exchange).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dangqun.core.errors import DangqunError

CODE_VERSION = "DQ1"
SEPARATOR = "|"
KEY_FILE_NAME = "verification.key"
KEY_BYTES = 32
MAC_BYTES = 10  # 80 bits: guessing is hopeless, and the code still fits a small QR
_HMAC_DOMAIN = b"dangqun-verification-v1\n"
SAMPLE_KEY = b"dangqun-sample-key-not-for-real-documents"
"""Signs codes of samples printed without a center key; they never verify against a center."""


class VerificationKeyError(DangqunError):
    """The key file exists but cannot be read or is damaged; it is never overwritten."""


def _format_minutes(value: str) -> str:
    if not value.isdigit():
        return value
    hours, minutes = divmod(int(value), 60)
    if hours and minutes:
        return f"{hours} 小时 {minutes} 分钟"
    return f"{hours} 小时" if hours else f"{minutes} 分钟"


def _format_date(value: str) -> str:
    if len(value) == 8 and value.isdigit():
        return f"{int(value[:4])}年{int(value[4:6])}月{int(value[6:])}日"
    return value


def _plain(value: str) -> str:
    return value


@dataclass(frozen=True)
class CertifiedField:
    label: str
    display: Callable[[str], str] = _plain


@dataclass(frozen=True)
class VerifiableKind:
    """A document kind that carries a code: its short code, name and certified fields."""

    kind: str
    code: str
    label: str
    fields: tuple[CertifiedField, ...]


VERIFIABLE_KINDS: tuple[VerifiableKind, ...] = (
    VerifiableKind(
        "volunteer_certificate",
        "VC",
        "志愿服务证明",
        (
            CertifiedField("志愿者"),
            CertifiedField("证件号码后四位"),
            CertifiedField("服务时长", _format_minutes),
            CertifiedField("出具日期", _format_date),
        ),
    ),
    VerifiableKind(
        "minutes",
        "MN",
        "会议记录",
        (
            CertifiedField("党组织"),
            CertifiedField("会议"),
            CertifiedField("会议日期", _format_date),
            CertifiedField("应到/实到人数"),
            CertifiedField("签定日期", _format_date),
        ),
    ),
)
_BY_KIND = {item.kind: item for item in VERIFIABLE_KINDS}
_BY_CODE = {item.code: item for item in VERIFIABLE_KINDS}


class VerificationStatus(enum.Enum):
    VALID = "valid"
    TAMPERED = "tampered"  # well-formed, but the hash does not match: altered or forged
    MALFORMED = "malformed"  # not a dangqun code at all, or cut short
    OTHER_CENTER = "other_center"  # issued by a center whose key we do not hold


@dataclass(frozen=True)
class CertifiedFact:
    label: str
    value: str


@dataclass(frozen=True)
class VerificationResult:
    """What ``dangqun verify`` prints: the verdict and what the code certifies."""

    status: VerificationStatus
    message: str
    kind: str = ""
    kind_label: str = ""
    number: str = ""
    center_id: str = ""
    facts: tuple[CertifiedFact, ...] = ()

    @property
    def valid(self) -> bool:
        return self.status is VerificationStatus.VALID

    def report_lines(self) -> list[str]:
        lines = [self.message]
        if self.kind_label:
            lines.append(f"文书：{self.kind_label}　编号：{self.number}")
        if self.center_id:
            lines.append(f"出具中心编号：{self.center_id}")
        lines.extend(f"{fact.label}：{fact.value}" for fact in self.facts)
        return lines


def clean_field(value: str) -> str:
    """Facts as they are hashed: one line, no separator characters, no outer spaces."""
    return " ".join(value.replace(SEPARATOR, "｜").split())


def compact_center_id(center_id: str) -> str:
    return center_id.replace("-", "").lower()


def _expand_center_id(compact: str) -> str:
    if len(compact) == 32:
        return f"{compact[:8]}-{compact[8:12]}-{compact[12:16]}-{compact[16:20]}-{compact[20:]}"
    return compact


def _mac(key: bytes, message: str) -> str:
    digest = hmac.new(key, _HMAC_DOMAIN + message.encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(digest[:MAC_BYTES]).decode("ascii")


def group_check_code(mac: str) -> str:
    """``K7Q2M4XD9A3FTB6P`` → ``K7Q2-M4XD-9A3F-TB6P``, easier to read aloud over the phone."""
    return "-".join(mac[index : index + 4] for index in range(0, len(mac), 4))


def make_verification_code(
    kind: str, number: str, center_id: str, facts: Sequence[str], key: bytes
) -> str:
    """The code for a document of ``kind``; ``facts`` follow the kind's field order."""
    definition = _BY_KIND.get(kind)
    if definition is None:
        raise ValueError(f"document kind {kind!r} carries no verification code")
    if len(facts) != len(definition.fields):
        raise ValueError(f"{kind} needs {len(definition.fields)} facts, got {len(facts)}")
    parts = [
        CODE_VERSION,
        definition.code,
        clean_field(number),
        compact_center_id(center_id),
        *(clean_field(fact) for fact in facts),
    ]
    message = SEPARATOR.join(parts)
    return f"{message}{SEPARATOR}{group_check_code(_mac(key, message))}"


def check_code_of(code: str) -> str:
    """The grouped check code at the end of a verification code (printed under the QR)."""
    return code.rsplit(SEPARATOR, 1)[-1]


def verify_code(code: str, key: bytes, expected_center_id: str | None = None) -> VerificationResult:
    """Check a code read from paper (typed or scanned) against the center's key."""
    text = code.strip()
    parts = text.split(SEPARATOR)
    if len(parts) < 5 or parts[0] != CODE_VERSION:
        return VerificationResult(
            VerificationStatus.MALFORMED,
            "无效：这不是 dangqun 出具的核验码（格式不对或不完整）。",
        )
    definition = _BY_CODE.get(parts[1])
    if definition is None or len(parts) != 5 + len(definition.fields):
        return VerificationResult(
            VerificationStatus.MALFORMED,
            "无效：核验码不完整或文书类型未知，请检查是否漏扫或漏输了部分内容。",
        )
    number, center_compact = parts[2], parts[3]
    values = parts[4:-1]
    facts = tuple(
        CertifiedFact(field.label, field.display(value))
        for field, value in zip(definition.fields, values, strict=True)
    )
    center_id = _expand_center_id(center_compact)
    details = {
        "kind": definition.kind,
        "kind_label": definition.label,
        "number": number,
        "center_id": center_id,
        "facts": facts,
    }
    if expected_center_id is not None and compact_center_id(expected_center_id) != center_compact:
        return VerificationResult(
            VerificationStatus.OTHER_CENTER,
            "无法核验：这份文书由另一个服务中心出具，需要用该中心的核验密钥核验。"
            "以下内容未经核验。",
            **details,  # type: ignore[arg-type]
        )
    message = SEPARATOR.join(parts[:-1])
    expected = group_check_code(_mac(key, message))
    given = parts[-1].strip().upper()
    if not hmac.compare_digest(expected, given):
        return VerificationResult(
            VerificationStatus.TAMPERED,
            "无效：核验码与内容不符。文书内容可能被改动过，或不是本中心出具的。",
            **details,  # type: ignore[arg-type]
        )
    return VerificationResult(
        VerificationStatus.VALID,
        f"有效：核验码与内容相符，这份{definition.label}确由出具中心签发，内容未被改动。",
        **details,  # type: ignore[arg-type]
    )


def signing_key(key: bytes | None) -> bytes:
    return key if key else SAMPLE_KEY


def verification_key_path(keys_directory: Path) -> Path:
    return keys_directory / KEY_FILE_NAME


def load_or_create_verification_key(keys_directory: Path) -> bytes:
    """The center's key, made once with ``secrets`` and never overwritten.

    Creation uses an exclusive open so two processes starting together cannot both write one.
    """
    path = verification_key_path(keys_directory)
    if not path.exists():
        keys_directory.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(KEY_BYTES)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first: read theirs
        except OSError as error:
            raise VerificationKeyError(
                f"无法创建核验密钥文件“{path}”（{error.strerror or error}）。"
            ) from error
        else:
            with os.fdopen(descriptor, "w", encoding="ascii") as handle:
                handle.write(key.hex() + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            return key
    return read_verification_key(path)


def read_verification_key(path: Path) -> bytes:
    """A key file as written above (hex text); a district reads other centers' keys too."""
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise VerificationKeyError(
            f"核验密钥文件“{path}”无法读取或已损坏。请从备份恢复这个文件；"
            "不要删除它，否则已打印文书的核验码将无法核验。"
        ) from error
    if len(key) != KEY_BYTES:
        raise VerificationKeyError(
            f"核验密钥文件“{path}”已损坏（长度不对）。请从备份恢复这个文件。"
        )
    return key
