"""区级下发: the center's import of a package the district sends back (issue 17).

The district sends each center, signed by the district's key, what it decides for all its
centers: shared catalogues (district-level 阵地 with their 特色菜单, and 服务类别 of the time
bank), members transferred in from another center of the district, and notices. The file is a
sync package (:mod:`dangqun.sync.package`: the same zip, manifest, ``SHA256SUMS`` and
signature, checked in the same order) whose manifest says ``"kind": "district"``; its
``center`` is the center it is addressed to, its ``database_id`` the district's signing key
fingerprint, and its tables are those of :data:`PACKAGE_TABLES` (not the center's own tables:
the district's rows get the center's own uuids here, since a uuid is unique per table across
the district). It is not encrypted — a center has no decryption key — so the transfers it
carries travel as a center's own package without an installed district key does (README).
File name: ``<division-code>-<center-id8>-district-<seq:06d>.dqdist``.

:func:`import_district_package` (``dangqun sync import FILE``):

1. the district key installed (``sync keys --install-district``) must have signed the package —
   any other signer, a center's package, a damaged or altered file is refused with the reason;
2. it must be addressed to this center; a package already imported (its SHA-256) reports
   "已导入过" and changes nothing; another package with the same seq is refused as a replay;
3. everything is applied in ONE unit of work, or nothing (a bad row names itself and rolls back):
   a catalogue item the district sent before is updated in place, one the center already has by
   that name is adopted (and updated), otherwise created; a transferred member already on the
   center's roll is passed over (reported), otherwise registered with the members module's
   rules (:func:`dangqun.members.validation.validate_member`) as 组织关系转入 — the origin
   names the old center, the history gets its dated 转入 event — in the branch ``--branch``
   names; a notice is kept.

What came from the district is recorded in the center's audit log, which is append-only and
hash-chained (:mod:`dangqun.core.audit_chain`): one ``sync.district_item`` entry per item
(entity: the center's table and row uuid; ``after`` carries the district's uuid and, for a
notice, its title, text and date) and one ``sync.district_import`` entry per package (entity id
its SHA-256; ``after`` its seq and counts). :func:`district_items` (which rows are
district-provided, for marks on the pages) and :func:`district_notices` read them back.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Text, func, select
from sqlalchemy.orm import Session

from dangqun.bases.catalogue import MAX_GROUP
from dangqun.bases.fields import optional_text, required_text, whole_number
from dangqun.bases.models import BaseSite, MenuItem
from dangqun.bases.vocabulary import BaseType
from dangqun.core.audit import AuditEntry
from dangqun.core.center import center_info
from dangqun.core.clock import local_today, utc_now
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.core.uow import UnitOfWork
from dangqun.members.models import Member, Organization
from dangqun.members.records import create_member_in, find_by_id_number, organization_errors
from dangqun.members.validation import MemberForm, validate_member
from dangqun.members.vocabulary import (
    MEMBER_STATUS_LABELS,
    MemberCategory,
    MemberKind,
    MemberStatus,
)
from dangqun.sync import keys
from dangqun.sync.package import (
    DISTRICT_KIND,
    PackageRejected,
    decode_row,
    open_package,
)
from dangqun.timebank.models import ServiceCategory

DISTRICT_PACKAGE_SUFFIX = ".dqdist"
IMPORT_ACTION = "sync.district_import"
ITEM_ACTION = "sync.district_item"
PACKAGE_ENTITY = "sync_district_package"
NOTICE_ENTITY = "sync_district_notice"
BASES = "district_bases"
MENU_ITEMS = "district_menu_items"
CATEGORIES = "district_service_categories"
TRANSFERS = "district_transfers"
NOTICES = "district_notices"
_SIGNER_REFUSAL = "密钥指纹不符"
"""The words of :func:`open_package`'s refusal of an unknown signer, told here in the center's terms."""

_METADATA = MetaData()
PACKAGE_TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table(
            BASES,
            _METADATA,
            Column("uuid", String(36)),
            Column("name", String(100)),
            Column("base_type", String(16)),
            Column("address", String(300)),
            Column("introduction", Text),
        ),
        Table(
            MENU_ITEMS,
            _METADATA,
            Column("uuid", String(36)),
            Column("base_uuid", String(36)),
            Column("name", String(64)),
            Column("description", Text),
            Column("duration_minutes", Integer),
            Column("min_group", Integer),
            Column("max_group", Integer),
        ),
        Table(
            CATEGORIES,
            _METADATA,
            Column("uuid", String(36)),
            Column("name", String(32)),
        ),
        Table(
            TRANSFERS,
            _METADATA,
            Column("uuid", String(36)),
            Column("name", String(64)),
            Column("id_number", String(18)),
            Column("gender_code", String(1)),
            Column("ethnicity_code", String(2)),
            Column("birth_date", Date),
            Column("education_code", String(2)),
            Column("kind", String(16)),
            Column("category", String(16)),
            Column("joined_on", Date),
            Column("confirmed_on", Date),
            Column("work_unit", String(200)),
            Column("phone", String(20)),
            Column("household_registration", String(200)),
            Column("address", String(300)),
            Column("party_standing", String(16)),
            Column("from_center", String(100)),
            Column("from_organization", String(100)),
            Column("transferred_on", Date),
        ),
        Table(
            NOTICES,
            _METADATA,
            Column("uuid", String(36)),
            Column("title", String(100)),
            Column("text", Text),
            Column("issued_on", Date),
        ),
    )
}
"""What a district package may carry, table by table (the district writes these columns)."""

ORDER = (BASES, MENU_ITEMS, CATEGORIES, TRANSFERS, NOTICES)
LABELS = {
    BASES: "阵地",
    MENU_ITEMS: "特色菜单",
    CATEGORIES: "服务类别",
    TRANSFERS: "转入党员",
    NOTICES: "通知",
}
_CENTER_TABLES = {
    BASES: BaseSite.__tablename__,
    MENU_ITEMS: MenuItem.__tablename__,
    CATEGORIES: ServiceCategory.__tablename__,
    TRANSFERS: Member.__tablename__,
    NOTICES: NOTICE_ENTITY,
}
_KEPT_KINDS = (MemberKind.LOCAL, MemberKind.RETIRED)
"""A transferred member keeps these kinds; a floating or 双报到 kind described their place at
the old center, and a 组织关系转入 makes them a 社区党员 here."""


def district_package_name(division_code: str, center_uuid: str, seq: int) -> str:
    return (
        f"{division_code}-{center_uuid.replace('-', '')[:8]}-district-{seq:06d}"
        f"{DISTRICT_PACKAGE_SUFFIX}"
    )


@dataclass(frozen=True)
class Notice:
    title: str
    text: str
    issued_on: str
    received_at: datetime


@dataclass
class InboundOutcome:
    """What ``sync import`` prints: per kind created / updated / unchanged, and what was passed
    over with the reason."""

    file: str
    district_name: str
    seq: int
    already: bool = False
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def lines(self) -> list[str]:
        if self.already:
            return [f"{self.file}：第 {self.seq} 号区级数据包已导入过，没有任何改动。"]
        lines = [f"已导入{self.district_name}下发的第 {self.seq} 号数据包：{self.file}"]
        for table in ORDER:
            counts = (
                self.created.get(table, 0),
                self.updated.get(table, 0),
                self.unchanged.get(table, 0),
            )
            if any(counts):
                lines.append(
                    f"  {LABELS[table]}：新增 {counts[0]}，更新 {counts[1]}，未变 {counts[2]}"
                )
        lines += [f"  未导入：{reason}" for reason in self.skipped]
        lines += [f"  通知（{n.issued_on}）{n.title}：{n.text}" for n in self.notices]
        return lines

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "district": self.district_name,
            "seq": self.seq,
            "already_imported": self.already,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "notices": [
                {"title": n.title, "text": n.text, "issued_on": n.issued_on} for n in self.notices
            ],
        }


def import_district_package(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    path: Path,
    *,
    branch_code: str | None = None,
    today: date | None = None,
) -> InboundOutcome:
    """Verify and apply a district package (module docstring); one transaction, audited."""
    actor.require(Permission.EDIT_RECORDS)
    today = today or local_today()
    district = keys.installed_district_key(keys_directory)
    if district is None:
        raise PackageRejected(
            "本中心还没有安装区级公钥，无法核验区级数据包。"
            "请先运行 dangqun sync keys --install-district 区级公钥文件"
        )
    try:
        opened = open_package(
            path, [district.signing_public_key], schema=PACKAGE_TABLES, kind=DISTRICT_KIND
        )
    except PackageRejected as rejection:
        if _SIGNER_REFUSAL in rejection.message:
            raise PackageRejected(
                f"数据包不是由本中心安装的区级公钥（{district.name}）签名的，拒绝导入"
            ) from rejection
        raise
    with opened:
        manifest = opened.manifest
        outcome = InboundOutcome(path.name, district.name, int(manifest["seq"]))
        center = center_info(database)
        addressee = manifest["center"]
        if addressee["uuid"] != center.center_id:
            raise PackageRejected(
                f"这个数据包是发给“{addressee['name']}”的，不是本中心（{center.name}）的，拒绝导入"
            )
        with database.unit_of_work(actor) as work:
            done = _imported_packages(work.session)
            if opened.sha256 in done:
                outcome.already = True
                return outcome
            if outcome.seq in done.values():
                raise PackageRejected(
                    f"第 {outcome.seq} 号区级数据包已经导入过，但内容不同（重放或伪造的数据包），拒绝导入"
                )
            rows = {
                name: [decode_row(PACKAGE_TABLES[name], row) for row in opened.rows(name)]
                for name in ORDER
            }
            _Applier(work, outcome, today, branch_code).apply(rows)
            work.audit(
                IMPORT_ACTION,
                PACKAGE_ENTITY,
                opened.sha256,
                None,
                {
                    "file": path.name,
                    "district": district.name,
                    "seq": outcome.seq,
                    "created": outcome.created,
                    "updated": outcome.updated,
                    "skipped": len(outcome.skipped),
                },
            )
            work.commit()
    return outcome


def _imported_packages(session: Session) -> dict[str, int]:
    """SHA-256 → seq of every district package imported here."""
    found = session.execute(
        select(AuditEntry.entity_id, AuditEntry.after_json).where(
            AuditEntry.action == IMPORT_ACTION
        )
    )
    return {str(sha): int(json.loads(after or "{}").get("seq", 0)) for sha, after in found}


def _items(session: Session) -> Iterator[tuple[str, str, dict[str, Any], datetime]]:
    """(center table, center uuid, the entry's ``after``, when) of every district item."""
    found = session.execute(
        select(AuditEntry.entity_type, AuditEntry.entity_id, AuditEntry.after_json, AuditEntry.at)
        .where(AuditEntry.action == ITEM_ACTION)
        .order_by(AuditEntry.id)
    )
    for table, entity_id, after, at in found:
        yield str(table), str(entity_id), json.loads(after or "{}"), at


def district_items(database: Database, actor: Actor) -> dict[str, set[str]]:
    """Center table → uuids of its rows that came from the district (the pages' 区级下发 mark)."""
    actor.require(Permission.VIEW)
    provided: dict[str, set[str]] = {}
    with database.reading() as session:
        for table, uuid, _after, _at in _items(session):
            if table != NOTICE_ENTITY:
                provided.setdefault(table, set()).add(uuid)
    return provided


def district_notices(database: Database, actor: Actor) -> list[Notice]:
    """The district's notices received here, newest first."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        notices = [
            Notice(
                str(after.get("title", "")),
                str(after.get("text", "")),
                str(after.get("issued_on", "")),
                at,
            )
            for table, _uuid, after, at in _items(session)
            if table == NOTICE_ENTITY
        ]
    notices.sort(key=lambda n: (n.issued_on, n.received_at), reverse=True)
    return notices


class _Applier:
    """Applies one package's rows inside the caller's unit of work."""

    def __init__(
        self, work: UnitOfWork, outcome: InboundOutcome, today: date, branch_code: str | None
    ) -> None:
        self.work = work
        self.session = work.session
        self.outcome = outcome
        self.today = today
        self.branch_code = branch_code
        self.known: dict[tuple[str, str], str] = {}
        """(center table, district uuid) → center uuid, from earlier packages."""
        for table, uuid, after, _at in _items(self.session):
            self.known[(table, str(after.get("district_uuid", "")))] = uuid

    def apply(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        bases: dict[str, BaseSite] = {}
        for row in rows[BASES]:
            bases[row["uuid"]] = self._base(row)
        for row in rows[MENU_ITEMS]:
            self._menu_item(row, bases)
        for row in rows[CATEGORIES]:
            self._category(row)
        transfers = [row for row in rows[TRANSFERS] if self._arrived(row) is None]
        if transfers:
            branch = self._branch(len(transfers))
            for row in transfers:
                self._transfer(row, branch)
        for row in rows[NOTICES]:
            self._notice(row)

    def _count(self, kind: dict[str, int], table: str) -> None:
        kind[table] = kind.get(table, 0) + 1

    def _record(self, table: str, center_table: str, uuid: str, district_uuid: str) -> None:
        if (center_table, district_uuid) not in self.known:
            self.work.audit(ITEM_ACTION, center_table, uuid, None, {"district_uuid": district_uuid})
            self.known[(center_table, district_uuid)] = uuid

    def _matched(self, model: Any, table: str, district_uuid: str, *by_name: Any) -> Any:
        uuid = self.known.get((_CENTER_TABLES[table], district_uuid))
        if uuid is not None:
            found = self.session.scalar(select(model).where(model.uuid == uuid))
            if found is not None:
                return found
        return self.session.scalar(select(model).where(*by_name))

    def _save(self, table: str, model: Any, found: Any, values: dict[str, Any], uuid: str) -> Any:
        center_table = _CENTER_TABLES[table]
        if found is None:
            found = model(**values)
            self.session.add(found)
            self.session.flush()
            self.work.audit(f"{ITEM_ACTION}.create", center_table, found.uuid, None, values)
            self._count(self.outcome.created, table)
        else:
            before = {key: getattr(found, key) for key in values}
            if before != values:
                for key, value in values.items():
                    setattr(found, key, value)
                self.session.flush()
                self.work.audit(f"{ITEM_ACTION}.update", center_table, found.uuid, before, values)
                self._count(self.outcome.updated, table)
            else:
                self._count(self.outcome.unchanged, table)
        self._record(table, center_table, found.uuid, uuid)
        return found

    def _invalid(self, table: str, row: dict[str, Any], errors: list[FieldError]) -> None:
        if errors:
            label = f"{LABELS[table]}“{row.get('name') or row.get('title') or row.get('uuid')}”"
            raise ValidationError([FieldError(e.field, f"{label}：{e.message}") for e in errors])

    def _base(self, row: dict[str, Any]) -> BaseSite:
        errors: list[FieldError] = []
        values: dict[str, Any] = {
            "name": required_text(errors, "name", "阵地名称", row.get("name"), 100),
            "address": optional_text(errors, "address", "地址", row.get("address"), 300),
            "introduction": optional_text(
                errors, "introduction", "简介", row.get("introduction"), 5000
            ),
        }
        try:
            values["base_type"] = BaseType(row.get("base_type")).value
        except ValueError:
            errors.append(FieldError("base_type", "阵地类型：不是基础型、红色型、公益型或科技型"))
        self._invalid(BASES, row, errors)
        found = self._matched(BaseSite, BASES, row["uuid"], BaseSite.name == values["name"])
        result: BaseSite = self._save(BASES, BaseSite, found, values, row["uuid"])
        return result

    def _menu_item(self, row: dict[str, Any], bases: dict[str, BaseSite]) -> None:
        errors: list[FieldError] = []
        base = bases.get(str(row.get("base_uuid")))
        if base is None:
            errors.append(FieldError("base_uuid", "所属阵地：不在这个数据包里"))
        values: dict[str, Any] = {
            "name": required_text(errors, "name", "菜单名称", row.get("name"), 64),
            "description": optional_text(
                errors, "description", "内容介绍", row.get("description"), 5000
            ),
            "duration_minutes": whole_number(
                errors, "duration_minutes", "活动时长（分钟）", row.get("duration_minutes"), 5, 720
            ),
            "min_group": whole_number(
                errors, "min_group", "最少人数", row.get("min_group"), 1, MAX_GROUP
            ),
            "max_group": whole_number(
                errors, "max_group", "最多人数", row.get("max_group"), 1, MAX_GROUP
            ),
        }
        if not errors and values["max_group"] < values["min_group"]:
            errors.append(FieldError("max_group", "最多人数：不能少于最少人数"))
        self._invalid(MENU_ITEMS, row, errors)
        assert base is not None
        values["base_id"] = base.id
        found = self._matched(
            MenuItem,
            MENU_ITEMS,
            row["uuid"],
            MenuItem.base_id == base.id,
            MenuItem.name == values["name"],
        )
        self._save(MENU_ITEMS, MenuItem, found, values, row["uuid"])

    def _category(self, row: dict[str, Any]) -> None:
        errors: list[FieldError] = []
        values: dict[str, Any] = {
            "name": required_text(errors, "name", "服务类别", row.get("name"), 32),
        }
        self._invalid(CATEGORIES, row, errors)
        found = self._matched(
            ServiceCategory, CATEGORIES, row["uuid"], ServiceCategory.name == values["name"]
        )
        if found is None:
            highest = self.session.scalar(select(func.max(ServiceCategory.sort_order)))
            values["sort_order"] = (highest or 0) + 1
        else:
            values["sort_order"] = found.sort_order
        self._save(CATEGORIES, ServiceCategory, found, values, row["uuid"])

    def _arrived(self, row: dict[str, Any]) -> Member | None:
        """The member already on this center's roll (passed over, reported), or None."""
        existing = find_by_id_number(self.session, str(row.get("id_number", "")).upper())
        if existing is not None:
            state = MEMBER_STATUS_LABELS[MemberStatus(existing.status)]
            self.outcome.skipped.append(
                f"转入党员 {existing.name}：本中心已有此人（{state}），没有重复登记"
            )
        return existing

    def _branch(self, count: int) -> Organization:
        if not self.branch_code:
            raise ValidationError.single(
                "branch",
                f"数据包里有 {count} 名转入党员：请用 --branch 组织编码 指定他们转入的党支部",
            )
        branch = self.session.scalar(
            select(Organization).where(Organization.code == self.branch_code.strip())
        )
        if branch is None:
            raise ValidationError.single(
                "branch", f"--branch：没有组织编码为“{self.branch_code}”的党组织"
            )
        errors = organization_errors(self.session, branch.id)
        if errors:
            raise ValidationError.single("branch", f"--branch：{errors[0].message}")
        return branch

    def _transfer(self, row: dict[str, Any], branch: Organization) -> None:
        try:
            source_kind = MemberKind(row.get("kind"))
        except ValueError:
            source_kind = MemberKind.LOCAL
        origin = "".join(
            str(part) for part in (row.get("from_center"), row.get("from_organization")) if part
        )
        form = MemberForm(
            name=str(row.get("name") or ""),
            id_number=str(row.get("id_number") or ""),
            ethnicity_code=row.get("ethnicity_code"),
            gender_code=row.get("gender_code"),
            birth_date=row.get("birth_date"),
            education_code=row.get("education_code"),
            kind=source_kind if source_kind in _KEPT_KINDS else MemberKind.LOCAL,
            category=MemberCategory(row.get("category") or MemberCategory.FULL.value),
            organization_id=branch.id,
            joined_on=row.get("joined_on"),
            confirmed_on=row.get("confirmed_on"),
            work_unit=row.get("work_unit"),
            phone=row.get("phone"),
            household_registration=row.get("household_registration"),
            address=row.get("address"),
            party_standing=row.get("party_standing") or "正常",
            registered_on=row.get("transferred_on") or self.today,
            origin_organization=origin or "区内其他服务中心",
        )
        try:
            clean = validate_member(form, self.today)
        except ValidationError as error:
            self._invalid(TRANSFERS, row, list(error.errors))
            raise
        member = create_member_in(self.work, clean, self.today)
        self._count(self.outcome.created, TRANSFERS)
        self._record(TRANSFERS, Member.__tablename__, member.uuid, str(row["uuid"]))

    def _notice(self, row: dict[str, Any]) -> None:
        errors: list[FieldError] = []
        title = required_text(errors, "title", "通知标题", row.get("title"), 100)
        text = required_text(errors, "text", "通知正文", row.get("text"), 5000)
        issued = row.get("issued_on")
        if not isinstance(issued, date):
            errors.append(FieldError("issued_on", "通知日期：缺少或无效"))
        self._invalid(NOTICES, row, errors)
        notice = Notice(title, text, str(issued), utc_now())
        district_uuid = str(row["uuid"])
        if (NOTICE_ENTITY, district_uuid) in self.known:
            self._count(self.outcome.unchanged, NOTICES)
            return
        self.work.audit(
            ITEM_ACTION,
            NOTICE_ENTITY,
            district_uuid,
            None,
            {
                "district_uuid": district_uuid,
                "title": title,
                "text": text,
                "issued_on": notice.issued_on,
            },
        )
        self.known[(NOTICE_ENTITY, district_uuid)] = district_uuid
        self._count(self.outcome.created, NOTICES)
        self.outcome.notices.append(notice)
