"""Cross-center checks (issue 17, DOMAIN.md §5): one person registered at two centers, and
centers whose packages are overdue.

**The same 身份号码 at two or more centers.** A 流动党员 who registered at a second center, or a
组织关系转接 that the old center never closed (its record still 在册), leaves one person with
two live records in the district. :func:`list_duplicates` finds every 身份号码 that is 在册 at
more than one center and lists the records side by side. Nothing is ever merged: the clerk
records a decision (:func:`decide`) — which record is the current one, or "both legitimate"
(a floating member kept by both centers) — with a note saying why, who decided and when. The
district does not change a center's data; the centers correct their own records, and their next
packages make the pair disappear.

A decision is keyed by the person (the SHA-256 of the 身份号码, so the decisions table adds no
second copy of the number) and remembers the records it judged. Re-importing packages changes
nothing of it; it stops covering the pair only when the set of records changes (a third center
registers the person, or one record is deleted), and the group is then open again with the old
decision shown beside it.

The check number the clerk types (``--resolve``) is the first :data:`KEY_LENGTH` hex digits
of that hash. Personal data is masked unless the caller may see it (:mod:`dangqun.core.privacy`;
at the command line only with ``--full-personal-data``, which is audited).

**Overdue packages.** A center is overdue when its last package was made more than
``overdue_days`` days ago (a district setting, :data:`DEFAULT_OVERDUE_DAYS`: a monthly
package with a few days' grace), or, never having sent one, it was registered that long ago.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import JSON, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dangqun.core.clock import format_local, utc_now
from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.model_base import UTCDateTime
from dangqun.core.privacy import PersonalField, shown_birth_date, shown_if
from dangqun.core.security import Actor, Permission
from dangqun.district.database import DistrictDatabase
from dangqun.district.models import (
    DistrictBase,
    DistrictCenter,
    DistrictPackage,
    DistrictRecord,
)

ORGANIZATIONS_TABLE = "organizations"
KEY_LENGTH = 12
KEYS_PER_QUERY = 500
"""Person keys per ``IN`` list when reading the duplicates' records (bounded statement size)."""
MIN_KEY_LENGTH = 6
NOTE_LIMIT = 500
OVERDUE_DAYS_SETTING = "overdue_days"
DEFAULT_OVERDUE_DAYS = 35
MAX_OVERDUE_DAYS = 366
CURRENT = "current"
BOTH = "both"
RESOLUTION_LABELS = {CURRENT: "以一条记录为准", BOTH: "两处均合规"}
STATUS_LABELS = {
    "active": "在册",
    "transferred_out": "已转出",
    "deceased": "已去世",
    "left": "已出党",
}
KIND_LABELS = {
    "local": "社区党员",
    "in_service": "在职党员",
    "floating_in": "流入党员",
    "floating_out": "流出党员",
    "retired": "离退休党员",
}


class DuplicateDecision(DistrictBase):
    """The clerk's decision on one person found at several centers (revision d0003)."""

    __tablename__ = "district_duplicate_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_key: Mapped[str] = mapped_column(String(64), unique=True)
    """SHA-256 hex of the 身份号码 (:func:`dangqun.district.models.person_key`)."""
    resolution: Mapped[str] = mapped_column(String(16))
    current_uuid: Mapped[str | None] = mapped_column(String(36))
    """The record judged current (``resolution == "current"``), else None."""
    record_uuids: Mapped[list[str]] = mapped_column(JSON)
    """The members records the decision judged, sorted: it covers exactly this set."""
    note: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DistrictSetting(DistrictBase):
    """A setting of the district (revision d0003); absent keys take their defaults."""

    __tablename__ = "district_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


@dataclass(frozen=True)
class DuplicateRecord:
    """One center's record of the person, as the check lists it (masked unless ``full``)."""

    center_uuid: str
    center_name: str
    record_uuid: str
    name: str
    id_number: str
    birth_date: str
    kind: str
    organization: str
    joined_on: str
    registered_on: str
    origin_organization: str
    updated_at: datetime | None
    package_seq: int

    def as_json(self) -> dict[str, Any]:
        return {
            "center_uuid": self.center_uuid,
            "center": self.center_name,
            "record_uuid": self.record_uuid,
            "name": self.name,
            "id_number": self.id_number,
            "birth_date": self.birth_date,
            "kind": self.kind,
            "organization": self.organization,
            "joined_on": self.joined_on,
            "registered_on": self.registered_on,
            "origin_organization": self.origin_organization,
            "updated_at": None if self.updated_at is None else self.updated_at.isoformat(),
            "package_seq": self.package_seq,
        }


@dataclass(frozen=True)
class DecisionView:
    resolution: str
    current_uuid: str | None
    note: str
    decided_by: str
    decided_at: datetime
    record_uuids: tuple[str, ...]

    def line(self) -> str:
        chosen = f"（{self.current_uuid}）" if self.current_uuid else ""
        return (
            f"{RESOLUTION_LABELS[self.resolution]}{chosen}；理由：{self.note}；"
            f"{self.decided_by} 于 {format_local(self.decided_at)}"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "resolution": self.resolution,
            "current_uuid": self.current_uuid,
            "note": self.note,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat(),
            "record_uuids": list(self.record_uuids),
        }


@dataclass(frozen=True)
class DuplicateGroup:
    """One person 在册 at several centers; ``open`` until a decision covers these records."""

    key: str
    records: tuple[DuplicateRecord, ...]
    decision: DecisionView | None

    @property
    def check_number(self) -> str:
        return self.key[:KEY_LENGTH]

    @property
    def open(self) -> bool:
        return self.decision is None or set(self.decision.record_uuids) != {
            record.record_uuid for record in self.records
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "check_number": self.check_number,
            "open": self.open,
            "records": [record.as_json() for record in self.records],
            "decision": None if self.decision is None else self.decision.as_json(),
        }


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def list_duplicates(db: DistrictDatabase, *, full_personal_data: bool) -> list[DuplicateGroup]:
    """Every 身份号码 在册 at two or more centers, with its records and decision.

    ``full_personal_data``: the caller decided it from the role (the workbench:
    ``can_see_personal_data(actor)``; the CLI: ``--full-personal-data``, audited there).
    A record's :attr:`~DistrictRecord.person_key` is set when it is a 在册 member (the loader,
    :func:`~dangqun.district.models.live_member_key`; a 已转出 record is a closed transfer,
    not a duplicate), so one grouped query over its index finds the people with records at
    more than one center, and a second reads just their records — by the keys it found, in
    batches, never as a subquery: PostgreSQL misjudges how many groups survive the HAVING and
    would scan the whole store (1.4 million records, two seconds) instead of the index.
    """
    db.identity()
    key = DistrictRecord.person_key
    with db.reading() as session:
        shared = (
            session.execute(
                select(key)
                .where(key.is_not(None))
                .group_by(key)
                .having(func.count(func.distinct(DistrictRecord.center_uuid)) > 1)
            )
            .scalars()
            .all()
        )
        records = [
            record
            for start in range(0, len(shared), KEYS_PER_QUERY)
            for record in session.execute(
                select(DistrictRecord).where(key.in_(shared[start : start + KEYS_PER_QUERY]))
            ).scalars()
        ]
        centers = {c.uuid: c.name for c in session.execute(select(DistrictCenter)).scalars()}
        organizations = _organization_names(session, records)
        by_person: dict[str, list[DistrictRecord]] = {}
        for record in records:
            by_person.setdefault(str(record.person_key), []).append(record)
        decisions = {
            d.person_key: d
            for d in session.execute(
                select(DuplicateDecision).where(DuplicateDecision.person_key.in_(list(by_person)))
            ).scalars()
        }
        groups = []
        for person, person_records in by_person.items():
            shown_records = tuple(
                _shown(record, centers, organizations, full_personal_data)
                for record in sorted(
                    person_records, key=lambda r: (centers.get(r.center_uuid, ""), r.uuid)
                )
            )
            decision = decisions.get(person)
            groups.append(
                DuplicateGroup(person, shown_records, None if decision is None else _view(decision))
            )
    groups.sort(key=lambda g: (not g.open, g.records[0].name, g.key))
    return groups


def _organization_names(session: Session, records: Any) -> dict[str, str]:
    wanted = {str(r.data["organization_id"]) for r in records if r.data.get("organization_id")}
    if not wanted:
        return {}
    rows = session.execute(
        select(DistrictRecord.uuid, DistrictRecord.data).where(
            DistrictRecord.table_name == ORGANIZATIONS_TABLE, DistrictRecord.uuid.in_(wanted)
        )
    )
    return {uuid: _text(data.get("name")) for uuid, data in rows}


def _shown(
    record: DistrictRecord, centers: dict[str, str], organizations: dict[str, str], full: bool
) -> DuplicateRecord:
    data = record.data
    birth = data.get("birth_date")
    return DuplicateRecord(
        center_uuid=record.center_uuid,
        center_name=centers.get(record.center_uuid, record.center_uuid),
        record_uuid=record.uuid,
        name=_text(data.get("name")),
        id_number=shown_if(PersonalField.ID_NUMBER, _text(data.get("id_number")), full),
        birth_date=shown_birth_date(date.fromisoformat(birth) if birth else None, full),
        kind=KIND_LABELS.get(_text(data.get("kind")), _text(data.get("kind"))),
        organization=organizations.get(_text(data.get("organization_id")), ""),
        joined_on=_text(data.get("joined_on")),
        registered_on=_text(data.get("registered_on")),
        origin_organization=_text(data.get("origin_organization")),
        updated_at=record.updated_at,
        package_seq=record.package_seq,
    )


def _view(decision: DuplicateDecision) -> DecisionView:
    return DecisionView(
        decision.resolution,
        decision.current_uuid,
        decision.note,
        decision.decided_by,
        decision.decided_at,
        tuple(decision.record_uuids),
    )


def decide(
    db: DistrictDatabase,
    actor: Actor | None,
    check_number: str,
    *,
    current: str | None = None,
    both: bool = False,
    note: str,
) -> DuplicateGroup:
    """Record the decision on one duplicate (replacing an earlier one, audited with both).

    ``actor``: the signed-in workbench user (needs 编辑记录); None at the command line, where
    the operating-system account is the boundary (:mod:`dangqun.district.database`).
    ``current``: the record judged current (its uuid, or an unambiguous beginning of it);
    ``both``: both records are legitimate. Exactly one of them, and a note saying why.
    """
    if actor is not None:
        actor.require(Permission.EDIT_RECORDS)
    errors: list[FieldError] = []
    note = note.strip()
    if not note:
        errors.append(FieldError("note", "处理说明：请写明为什么这样处理"))
    elif len(note) > NOTE_LIMIT:
        errors.append(FieldError("note", f"处理说明：不能超过 {NOTE_LIMIT} 个字"))
    if (current is None) == (not both):
        errors.append(
            FieldError(
                "resolution", "处理方式：请指定以哪条记录为准（--current），或两处均合规（--both）"
            )
        )
    check_number = check_number.strip().lower()
    if len(check_number) < MIN_KEY_LENGTH:
        errors.append(FieldError("check_number", f"核查编号：至少输入前 {MIN_KEY_LENGTH} 位"))
    if errors:
        raise ValidationError(errors)
    groups = [
        g for g in list_duplicates(db, full_personal_data=False) if g.key.startswith(check_number)
    ]
    if len(groups) != 1:
        reason = "没有这个核查编号的重复登记" if not groups else "核查编号不唯一，请多输入几位"
        raise ValidationError.single("check_number", f"核查编号“{check_number}”：{reason}")
    group = groups[0]
    uuids = sorted(record.record_uuid for record in group.records)
    chosen = None
    if current is not None:
        matches = [u for u in uuids if u.startswith(current.strip().lower())]
        if len(matches) != 1 or not current.strip():
            raise ValidationError.single(
                "current", f"--current：“{current}”不是这组重复登记中的一条记录（或不唯一）"
            )
        chosen = matches[0]
    who = actor.username if actor is not None else f"{db.operator.os_user}@{db.operator.host}"
    with db.writing() as session:
        decision = session.execute(
            select(DuplicateDecision).where(DuplicateDecision.person_key == group.key)
        ).scalar_one_or_none()
        before = None if decision is None else _view(decision).as_json()
        if decision is None:
            decision = DuplicateDecision(person_key=group.key)
            session.add(decision)
        decision.resolution = BOTH if both else CURRENT
        decision.current_uuid = chosen
        decision.record_uuids = uuids
        decision.note = note
        decision.decided_by = who
        decision.decided_at = utc_now()
        after = _view(decision)
        db.audit(
            session,
            "district.duplicate.decide",
            {"check_number": group.check_number, "before": before, "after": after.as_json()},
        )
        session.commit()
    return DuplicateGroup(group.key, group.records, after)


# --- overdue packages -----------------------------------------------------------------------


def overdue_days(db: DistrictDatabase) -> int:
    with db.reading() as session:
        stored = session.get(DistrictSetting, OVERDUE_DAYS_SETTING)
        return DEFAULT_OVERDUE_DAYS if stored is None else int(stored.value)


def set_overdue_days(db: DistrictDatabase, actor: Actor | None, days: int) -> int:
    """Change the overdue limit (管理设置 for a workbench user), audited with the old value."""
    if actor is not None:
        actor.require(Permission.MANAGE_SETTINGS)
    if not 1 <= days <= MAX_OVERDUE_DAYS:
        raise ValidationError.single(
            "overdue_days", f"逾期天数：请填写 1 到 {MAX_OVERDUE_DAYS} 之间的整数"
        )
    previous = overdue_days(db)
    with db.writing() as session:
        stored = session.get(DistrictSetting, OVERDUE_DAYS_SETTING)
        if stored is None:
            session.add(DistrictSetting(key=OVERDUE_DAYS_SETTING, value=str(days)))
        else:
            stored.value = str(days)
        db.audit(
            session,
            "district.setting.change",
            {"key": OVERDUE_DAYS_SETTING, "before": previous, "after": days},
        )
        session.commit()
    return days


@dataclass(frozen=True)
class OverdueCenter:
    uuid: str
    name: str
    last_package_at: datetime | None
    """When the center made its last package (the manifest's time), None if it never sent one."""
    days: int
    limit: int

    def line(self) -> str:
        if self.last_package_at is None:
            return (
                f"逾期：{self.name} 登记已 {self.days} 天，仍未收到数据包（期限 {self.limit} 天）"
            )
        return (
            f"逾期：{self.name} 上一个数据包生成于 {format_local(self.last_package_at)}，"
            f"已 {self.days} 天（期限 {self.limit} 天）"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "name": self.name,
            "last_package_at": (
                None if self.last_package_at is None else self.last_package_at.isoformat()
            ),
            "days": self.days,
            "limit": self.limit,
        }


def overdue_centers(db: DistrictDatabase, now: datetime | None = None) -> list[OverdueCenter]:
    """The centers overdue at ``now`` (default: the present), most overdue first."""
    now = now or utc_now()
    limit = overdue_days(db)
    with db.reading() as session:
        last = dict(
            session.execute(
                select(DistrictPackage.center_id, func.max(DistrictPackage.created_at)).group_by(
                    DistrictPackage.center_id
                )
            ).all()
        )
        centers = session.execute(select(DistrictCenter)).scalars().all()
    overdue = []
    for center in centers:
        made = last.get(center.id)
        since = made if made is not None else center.registered_at
        days = (now - since) // timedelta(days=1)
        if days > limit:
            overdue.append(OverdueCenter(center.uuid, center.name, made, days, limit))
    overdue.sort(key=lambda c: (-c.days, c.name))
    return overdue
