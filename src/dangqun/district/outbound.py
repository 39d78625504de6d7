"""Packages back to centers (issue 17: 下发): shared catalogues, transferred members, notices.

``dangqun district send --db URL --center ID --out DIR [--content 下发内容.json]`` writes one
package for one center, signed by the district's key, in the sync package format
(:mod:`dangqun.sync.package`, ``"kind": "district"``; its tables and the center's import are
specified in :mod:`dangqun.sync.inbound`). What it carries:

**Catalogues and notices: a content file the district keeps.** The clerk keeps one JSON file
(UTF-8) of what every center should have, edits it in any editor and names it with
``--content``; sending it again is harmless, since the center updates what it already has::

    {
      "bases": [{"name": "五华区党史教育基地", "base_type": "红色型", "address": "…",
                 "introduction": "…",
                 "menu": [{"name": "重温入党誓词", "description": "…",
                           "duration_minutes": 60, "min_group": 5, "max_group": 40}]}],
      "service_categories": ["理论宣讲", "助老助残"],
      "notices": [{"title": "关于报送三季度数据的通知", "text": "…", "date": "2026-09-01"}]
    }

``base_type`` is 基础型, 红色型, 公益型 or 科技型 (or ``basic``, ``red``, ``welfare``,
``technology``). Each item gets a stable uuid derived from the district's key and its name
(a menu item: its base's name and its own; a notice: its date and title), so a center matches
an item it received before and updates it in place; a renamed item is a new item.

**Transferred members: from the centers' own packages.** When a center records a 组织关系转出
whose destination (``转往的党组织``) is another center's registered name, the person is carried
to that center — with the old center and branch, and the date of the 转出 event — until the new
center's packages show them 在册 there. Nothing is typed twice.

Every package is recorded (``district_sent_packages``: center, seq, SHA-256, what it carried)
and audited in the same transaction; the seq counts per center from 1, and each package names
the SHA-256 of the previous one, as a center's packages do. ``district sent`` and the 下发 page
list them, newest first (:func:`sent_packages`). The file is written into a private
folder inside ``--out`` first and renamed, so a center package of the same name in that folder
(a USB stick used both ways) is never touched.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dangqun import __version__
from dangqun.bases.vocabulary import BASE_TYPE_LABELS, BaseType
from dangqun.core.clock import format_local, utc_now
from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.model_base import UTCDateTime
from dangqun.core.security import Actor, Permission
from dangqun.district.database import DistrictDatabase, DistrictError
from dangqun.district.models import DistrictBase, DistrictCenter, DistrictRecord
from dangqun.district.service import district_keys
from dangqun.migrations import head_revision
from dangqun.sync.inbound import (
    BASES,
    CATEGORIES,
    LABELS,
    MENU_ITEMS,
    NOTICES,
    ORDER,
    PACKAGE_TABLES,
    TRANSFERS,
    district_package_name,
)
from dangqun.sync.package import (
    DISTRICT_KIND,
    PackageHeader,
    TableData,
    schema_hash,
    table_columns,
    table_references,
    write_package,
)

TRANSFERRED_OUT = "transferred_out"
ACTIVE = "active"
CONTENT_LIMIT = 4 * 2**20
_BASE_TYPES = {
    **{base_type.value: base_type for base_type in BaseType},
    **{label: base_type for base_type, label in BASE_TYPE_LABELS.items()},
}


class DistrictSentPackage(DistrictBase):
    """A package the district sent back to a center (revision d0003)."""

    __tablename__ = "district_sent_packages"
    __table_args__ = (
        UniqueConstraint("center_id", "seq", name="uq_district_sent_packages_center_seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("district_centers.id"))
    seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    """Rows per table of the package (:data:`dangqun.sync.inbound.ORDER`)."""


@dataclass
class Content:
    """The content file, checked: rows for the catalogue and notice tables of the package."""

    rows: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {BASES: [], MENU_ITEMS: [], CATEGORIES: [], NOTICES: []}
    )


@dataclass(frozen=True)
class SentPackage:
    path: Path
    center_name: str
    seq: int
    sha256: str
    counts: dict[str, int]

    def lines(self) -> list[str]:
        carried = "，".join(
            f"{LABELS[name]} {self.counts[name]}" for name in ORDER if self.counts.get(name)
        )
        return [
            f"已生成发给 {self.center_name} 的第 {self.seq} 号区级数据包：{self.path}",
            f"  内容：{carried}",
            f"  SHA-256：{self.sha256}",
            "  请交给该中心，在中心运行：dangqun sync import 文件",
        ]

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "center": self.center_name,
            "seq": self.seq,
            "sha256": self.sha256,
            "counts": self.counts,
        }


# --- the content file -----------------------------------------------------------------------


def read_content(path: Path, namespace: str) -> Content:
    """Parse and check the content file; every fault is named with its place in the file.

    ``namespace``: the district's signing fingerprint, from which the items' uuids derive."""
    try:
        if path.stat().st_size > CONTENT_LIMIT:
            raise ValidationError.single("content", f"--content：文件“{path}”超过 4 MB")
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError.single("content", f"--content：找不到文件“{path}”") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ValidationError.single(
            "content", f"--content：“{path}”不是有效的 UTF-8 JSON 文件（{error}）"
        ) from None
    errors: list[FieldError] = []
    content = Content()
    if not isinstance(document, dict) or set(document) - {
        "bases",
        "service_categories",
        "notices",
    }:
        raise ValidationError.single(
            "content", "--content：文件应是一个对象，只含 bases、service_categories、notices"
        )
    for number, base in enumerate(_list(document, "bases", errors), 1):
        _base(base, f"bases 第 {number} 项", namespace, content, errors)
    for number, name in enumerate(_list(document, "service_categories", errors), 1):
        if not _text(name, 32):
            errors.append(
                FieldError("content", f"service_categories 第 {number} 项：请写 1–32 字的类别名称")
            )
            continue
        content.rows[CATEGORIES].append(
            {"uuid": _uuid(namespace, "category", name.strip()), "name": name.strip()}
        )
    for number, notice in enumerate(_list(document, "notices", errors), 1):
        _notice(notice, f"notices 第 {number} 项", namespace, content, errors)
    if errors:
        raise ValidationError(errors)
    return content


def _list(document: dict[str, Any], key: str, errors: list[FieldError]) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        errors.append(FieldError("content", f"{key}：应是一个列表"))
        return []
    return value


def _text(value: Any, limit: int) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= limit


def _uuid(namespace: str, *parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "dangqun-district:" + "/".join((namespace, *parts))))


def _base(
    base: Any, where: str, namespace: str, content: Content, errors: list[FieldError]
) -> None:
    if not isinstance(base, dict) or not _text(base.get("name"), 100):
        errors.append(FieldError("content", f"{where}：请写 1–100 字的阵地名称（name）"))
        return
    name = base["name"].strip()
    base_type = _BASE_TYPES.get(str(base.get("base_type", "")).strip())
    if base_type is None:
        errors.append(
            FieldError(
                "content",
                f"{where}（{name}）：阵地类型（base_type）应是基础型、红色型、公益型或科技型",
            )
        )
        return
    base_uuid = _uuid(namespace, "base", name)
    content.rows[BASES].append(
        {
            "uuid": base_uuid,
            "name": name,
            "base_type": base_type.value,
            "address": base.get("address"),
            "introduction": base.get("introduction"),
        }
    )
    menu = base.get("menu", [])
    if not isinstance(menu, list):
        errors.append(FieldError("content", f"{where}（{name}）：menu 应是一个列表"))
        return
    for number, item in enumerate(menu, 1):
        place = f"{where}（{name}）的 menu 第 {number} 项"
        if not isinstance(item, dict) or not _text(item.get("name"), 64):
            errors.append(FieldError("content", f"{place}：请写 1–64 字的菜单名称（name）"))
            continue
        numbers = {}
        for key, label in (
            ("duration_minutes", "活动时长"),
            ("min_group", "最少人数"),
            ("max_group", "最多人数"),
        ):
            value = item.get(key)
            if type(value) is not int or value < 1:
                errors.append(FieldError("content", f"{place}：{label}（{key}）应是正整数"))
            numbers[key] = value
        content.rows[MENU_ITEMS].append(
            {
                "uuid": _uuid(namespace, "menu", name, item["name"].strip()),
                "base_uuid": base_uuid,
                "name": item["name"].strip(),
                "description": item.get("description"),
                **numbers,
            }
        )


def _notice(
    notice: Any, where: str, namespace: str, content: Content, errors: list[FieldError]
) -> None:
    if not isinstance(notice, dict) or not _text(notice.get("title"), 100):
        errors.append(FieldError("content", f"{where}：请写 1–100 字的通知标题（title）"))
        return
    title = notice["title"].strip()
    if not _text(notice.get("text"), 5000):
        errors.append(FieldError("content", f"{where}（{title}）：请写通知正文（text）"))
    try:
        issued = date.fromisoformat(str(notice.get("date")))
    except ValueError:
        errors.append(FieldError("content", f"{where}（{title}）：日期（date）应写成 2026-09-01"))
        return
    content.rows[NOTICES].append(
        {
            "uuid": _uuid(namespace, "notice", issued.isoformat(), title),
            "title": title,
            "text": str(notice.get("text", "")).strip(),
            "issued_on": issued,
        }
    )


# --- transfers ------------------------------------------------------------------------------


def transfers_for(session: Session, center: DistrictCenter) -> list[dict[str, Any]]:
    """Members another center transferred out to ``center`` (by its registered name) and not
    yet 在册 there (module docstring), as rows of the package's transfers table."""
    data = DistrictRecord.data
    leaving = (
        session.execute(
            select(DistrictRecord).where(
                DistrictRecord.table_name == "members",
                DistrictRecord.deleted.is_(False),
                DistrictRecord.center_uuid != center.uuid,
                data["status"].as_string() == TRANSFERRED_OUT,
                func.trim(data["outflow_destination"].as_string()) == center.name,
            )
        )
        .scalars()
        .all()
    )
    if not leaving:
        return []
    arrived = set(
        session.execute(
            select(data["id_number"].as_string()).where(
                DistrictRecord.table_name == "members",
                DistrictRecord.deleted.is_(False),
                DistrictRecord.center_uuid == center.uuid,
                data["status"].as_string() == ACTIVE,
            )
        ).scalars()
    )
    names = {
        row.uuid: row.name
        for row in session.execute(select(DistrictCenter.uuid, DistrictCenter.name))
    }
    organizations = _names(
        session, "organizations", {r.data.get("organization_id") for r in leaving}
    )
    dates = _transfer_dates(session, [r.uuid for r in leaving])
    rows = []
    for record in sorted(leaving, key=lambda r: (r.center_uuid, r.uuid)):
        member = record.data
        if member.get("id_number") in arrived:
            continue
        rows.append(
            {
                "uuid": record.uuid,
                **{
                    key: member.get(key)
                    for key in (
                        "name",
                        "id_number",
                        "gender_code",
                        "ethnicity_code",
                        "birth_date",
                        "education_code",
                        "kind",
                        "category",
                        "joined_on",
                        "confirmed_on",
                        "work_unit",
                        "phone",
                        "household_registration",
                        "address",
                        "party_standing",
                    )
                },
                "from_center": names.get(record.center_uuid, ""),
                "from_organization": organizations.get(str(member.get("organization_id")), ""),
                "transferred_on": dates.get(record.uuid)
                or (record.updated_at.date().isoformat() if record.updated_at else None),
            }
        )
    return rows


def _names(session: Session, table: str, uuids: Iterable[Any]) -> dict[str, str]:
    wanted = {str(value) for value in uuids if value}
    if not wanted:
        return {}
    found = session.execute(
        select(DistrictRecord.uuid, DistrictRecord.data).where(
            DistrictRecord.table_name == table, DistrictRecord.uuid.in_(wanted)
        )
    )
    return {record_uuid: str(data.get("name") or "") for record_uuid, data in found}


def _transfer_dates(session: Session, member_uuids: list[str]) -> dict[str, str]:
    """Member uuid → the date of their latest 转出 event."""
    data = DistrictRecord.data
    found = session.execute(
        select(data["member_id"].as_string(), data["occurred_on"].as_string()).where(
            DistrictRecord.table_name == "member_events",
            DistrictRecord.deleted.is_(False),
            data["event_type"].as_string() == "transfer_out",
            data["member_id"].as_string().in_(member_uuids),
        )
    )
    dates: dict[str, str] = {}
    for member_uuid, occurred in found:
        if occurred and occurred > dates.get(member_uuid, ""):
            dates[member_uuid] = occurred
    return dates


# --- sending --------------------------------------------------------------------------------


def find_center(session: Session, reference: str) -> DistrictCenter:
    """``--center``: a center's uuid (or its first 8+ characters, as in its file names), or
    its registered name."""
    reference = reference.strip()
    centers = session.execute(select(DistrictCenter)).scalars().all()
    compact = reference.lower().replace("-", "")
    matches = [c for c in centers if c.name == reference] or [
        c for c in centers if len(compact) >= 8 and c.uuid.replace("-", "").startswith(compact)
    ]
    if len(matches) != 1:
        reason = "没有这个已登记的服务中心" if not matches else "对应多个中心，请写完整编号"
        raise ValidationError.single("center", f"--center“{reference}”：{reason}")
    return matches[0]


def send_package(
    db: DistrictDatabase,
    actor: Actor | None,
    center_reference: str,
    out: Path,
    *,
    content_file: Path | None = None,
    keys_directory: Path | None = None,
) -> SentPackage:
    """Write the package for one center into ``out`` and record it (module docstring).

    ``actor``: the signed-in workbench user (编辑记录); None at the command line, where the
    operating-system account is the boundary (:mod:`dangqun.district.database`).
    """
    if actor is not None:
        actor.require(Permission.EDIT_RECORDS)
    if not out.is_dir():
        raise ValidationError.single("out", f"--out：文件夹“{out}”不存在")
    identity = db.identity()
    keys = district_keys(db, keys_directory)
    content = (
        Content()
        if content_file is None
        else read_content(content_file, identity.signing_fingerprint)
    )
    with db.reading() as session:
        center = find_center(session, center_reference)
        rows = {**content.rows, TRANSFERS: transfers_for(session, center)}
        last = session.execute(
            select(DistrictSentPackage)
            .where(DistrictSentPackage.center_id == center.id)
            .order_by(DistrictSentPackage.seq.desc())
            .limit(1)
        ).scalar_one_or_none()
    counts = {name: len(rows[name]) for name in ORDER}
    if not any(counts.values()):
        raise DistrictError(
            f"没有要发给 {center.name} 的内容：内容文件为空（或未用 --content 指定），"
            "也没有转往该中心的党员。"
        )
    seq = 1 if last is None else last.seq + 1
    target = out / district_package_name(center.division_code, center.uuid, seq)
    if target.exists():
        raise DistrictError(f"“{target}”已经存在，程序不会覆盖它。")
    header = PackageHeader(
        center_uuid=center.uuid,
        center_name=center.name,
        division_code=center.division_code,
        database_id=identity.signing_fingerprint,
        seq=seq,
        previous_sha256=None if last is None else last.sha256,
        counter_from=0,
        counter_to=0,
        full=True,
        schema_revision=head_revision(),
        schema_hash=schema_hash(PACKAGE_TABLES.values()),
        app_version=__version__,
        created_at=utc_now(),
        kind=DISTRICT_KIND,
    )
    tables = [
        TableData(
            name,
            table_columns(PACKAGE_TABLES[name]),
            table_references(PACKAGE_TABLES[name]),
            rows[name],
        )
        for name in ORDER
    ]
    staging = Path(tempfile.mkdtemp(prefix=".dangqun-send-", dir=out))
    try:
        written = write_package(staging, header, tables, [], keys.signing, None)
        written.path.replace(target)
    except OSError as error:
        raise DistrictError(f"无法写入“{out}”（{error.strerror or error}）。") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    try:
        with db.writing() as session:
            session.add(
                DistrictSentPackage(
                    center_id=center.id,
                    seq=seq,
                    sha256=written.sha256,
                    file_name=target.name,
                    created_at=header.created_at,
                    summary=counts,
                )
            )
            db.audit(
                session,
                "district.send",
                {
                    "center_uuid": center.uuid,
                    "seq": seq,
                    "file": target.name,
                    "sha256": written.sha256,
                    "counts": counts,
                },
            )
            session.commit()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return SentPackage(target, center.name, seq, written.sha256, counts)


# --- the history of packages sent -----------------------------------------------------------


@dataclass(frozen=True)
class SentRecord:
    """One package the district sent, as ``district sent`` and the 下发 page list it (issue 17:
    the clerk asks "did we already send 翠湖社区 the new menu? which number? when?")."""

    center_uuid: str
    center_name: str
    division_code: str
    seq: int
    file_name: str
    sha256: str
    created_at: datetime
    counts: dict[str, int]

    def carried(self) -> str:
        """What the package carried, in the package's table order: ``服务类别 1，通知 1``."""
        return (
            "，".join(
                f"{LABELS[name]} {self.counts[name]}" for name in ORDER if self.counts.get(name)
            )
            or "—"
        )

    def line(self) -> str:
        return (
            f"{format_local(self.created_at)}  {self.center_name}（区划代码 {self.division_code}）"
            f"第 {self.seq} 号：{self.carried()}｜文件 {self.file_name}｜SHA-256 {self.sha256}"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "center": self.center_name,
            "center_uuid": self.center_uuid,
            "division_code": self.division_code,
            "seq": self.seq,
            "file": self.file_name,
            "sha256": self.sha256,
            "created_at": self.created_at.isoformat(),
            "counts": self.counts,
        }


def sent_packages(
    db: DistrictDatabase, center_reference: str | None = None, *, actor: Actor | None = None
) -> list[SentRecord]:
    """Every package sent back to a center (``district_sent_packages``), newest first; with
    ``center_reference`` only that center's (:func:`find_center`'s rules; an unknown one is a
    :class:`ValidationError` naming ``--center``).

    Read-only, so not audited (only what changes the district or shows full personal data is);
    ``actor``: the workbench user, who needs 查看 — None at the command line, as for
    :func:`send_package`."""
    if actor is not None:
        actor.require(Permission.VIEW)
    db.identity()
    with db.reading() as session:
        query = (
            select(DistrictSentPackage, DistrictCenter)
            .join(DistrictCenter, DistrictCenter.id == DistrictSentPackage.center_id)
            .order_by(DistrictSentPackage.created_at.desc(), DistrictSentPackage.id.desc())
        )
        if center_reference is not None:
            query = query.where(DistrictCenter.id == find_center(session, center_reference).id)
        return [
            SentRecord(
                center_uuid=center.uuid,
                center_name=center.name,
                division_code=center.division_code,
                seq=sent.seq,
                file_name=sent.file_name,
                sha256=sent.sha256,
                created_at=sent.created_at,
                counts={name: int(sent.summary.get(name, 0)) for name in ORDER},
            )
            for sent, center in session.execute(query)
        ]
