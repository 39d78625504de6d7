"""Read-only counts of members and organizations for the home page and the members overview.

Counts must stay fast on 100,000 members (a front desk opens the home page all day), so every
figure is a ``COUNT``/``GROUP BY`` that SQLite answers from one of the single-column indexes of
migration 0001 without touching the table ("covering index scan", a few ms each):

* figures "in the register" (在册, status ``active``) are *all rows* grouped by the indexed
  column, minus the rows that left the register (已转出 / 已去世 / 已出党), which are few and
  found through the status index. Filtering ``status = 'active'`` directly would make SQLite
  visit every row of the table (≈ 10× slower on 100,000 members).
* a composite index ``(status, kind, category)`` would let the plain query be as fast; until
  one exists, the subtraction is the fast way and gives the same numbers.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, literal_column, select
from sqlalchemy.orm import Session

from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.members.models import Member, Organization
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus, OrganizationLevel

IN_REGISTER = MemberStatus.ACTIVE
_LEFT_REGISTER = tuple(status.value for status in MemberStatus if status is not IN_REGISTER)

EnumType = TypeVar("EnumType", bound=enum.Enum)


@dataclass(frozen=True)
class MemberOverview:
    """Headline figures; the ``in_register_*`` maps count members whose status is 在册 only."""

    total_records: int
    by_status: Mapping[MemberStatus, int]
    in_register_by_kind: Mapping[MemberKind, int]
    in_register_by_category: Mapping[MemberCategory, int]
    organizations_by_level: Mapping[OrganizationLevel, int]

    @property
    def in_register(self) -> int:
        return self.by_status.get(IN_REGISTER, 0)

    @property
    def organizations(self) -> int:
        return sum(self.organizations_by_level.values())

    def kind(self, kind: MemberKind) -> int:
        return self.in_register_by_kind.get(kind, 0)

    def category(self, category: MemberCategory) -> int:
        return self.in_register_by_category.get(category, 0)

    def status(self, status: MemberStatus) -> int:
        return self.by_status.get(status, 0)

    def level(self, level: OrganizationLevel) -> int:
        return self.organizations_by_level.get(level, 0)


@dataclass(frozen=True)
class BranchCount:
    """One branch (网格党支部) or higher organization with the members registered under it.

    Members recorded on a building group (楼栋党小组) count toward the group's branch, because
    the branch is the unit that holds 三会一课 and is named as 所在党支部.
    """

    organization_id: int
    name: str
    level: OrganizationLevel
    code: str | None
    groups: int
    in_register: int


def _grouped(session: Session, query: Select[Any]) -> Counter[Any]:
    return Counter({key: int(count) for key, count in session.execute(query).all()})


def _to_enum_counts(enum_type: type[EnumType], counts: Counter[Any]) -> dict[EnumType, int]:
    """Stored codes → enum members; an unknown code (a newer version's kind) is left out."""
    known = {member.value: member for member in enum_type}
    result: dict[EnumType, int] = {}
    for code, count in counts.items():
        if code in known and count:
            result[known[code]] = count
    return result


def _count_by(session: Session, column: Any) -> Counter[Any]:
    return _grouped(session, select(column, func.count()).group_by(column))


def _left_register_by(session: Session, *columns: Any) -> Counter[Any]:
    """Counts of members no longer in the register, keyed by a tuple of ``columns``."""
    query = (
        select(*columns, func.count()).where(Member.status.in_(_LEFT_REGISTER)).group_by(*columns)
    )
    return Counter({tuple(row[:-1]): int(row[-1]) for row in session.execute(query).all()})


def member_overview(database: Database) -> MemberOverview:
    with database.reading() as session:
        by_status = _count_by(session, Member.status)
        by_kind = _count_by(session, Member.kind)
        by_category = _count_by(session, Member.category)
        left = _left_register_by(session, Member.kind, Member.category)
        for (kind, category), count in left.items():
            by_kind[kind] -= count
            by_category[category] -= count
        levels = _count_by(session, Organization.level)
    return MemberOverview(
        total_records=sum(by_status.values()),
        by_status=_to_enum_counts(MemberStatus, by_status),
        in_register_by_kind=_to_enum_counts(MemberKind, by_kind),
        in_register_by_category=_to_enum_counts(MemberCategory, by_category),
        organizations_by_level=_to_enum_counts(OrganizationLevel, levels),
    )


def political_birthday_conditions(month: int, year: int) -> tuple[ColumnElement[bool], ...]:
    """在册 members who joined in ``month`` of a year before ``year``: those with an anniversary
    to mark in ``year`` (政治生日, DOMAIN.md §1). The home page counts exactly whom the
    政治生日 list and its printout show (:func:`dangqun.members.service.political_birthdays`).
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1–12, not {month}")
    prefix = f"{month:02d}-"
    return (
        Member.joined_month_day.between(f"{prefix}01", f"{prefix}31"),
        # Unary + keeps SQLite off the status index (most members are 在册), so it reads the
        # month's few thousand rows by joined_month_day: 267 ms → 20 ms on 100,000 members.
        literal_column(f"+{Member.__tablename__}.status") == IN_REGISTER.value,
        Member.joined_on < date(year, 1, 1),
    )


def political_birthdays_in_month(database: Database, month: int, year: int | None = None) -> int:
    """How many 政治生日 fall in ``month`` of ``year`` (default this year)."""
    conditions = political_birthday_conditions(month, year or local_today().year)
    with database.reading() as session:
        return int(session.execute(select(func.count()).where(*conditions)).scalar_one())


def _branch_of(
    organization_id: int, parents: Mapping[int, int | None], levels: Mapping[int, str]
) -> int:
    """The grid branch above a building group; any other organization stands for itself."""
    seen: set[int] = set()
    current: int | None = organization_id
    while current is not None and current not in seen:
        seen.add(current)
        if levels.get(current) != OrganizationLevel.BUILDING_GROUP.value:
            return current
        current = parents.get(current)
    return organization_id


def members_by_branch(database: Database) -> list[BranchCount]:
    """Every grid branch, in tree order, with its in-register members.

    Higher organizations (社区党委, 街道党工委) appear only when members are recorded on them
    directly, so a tidy tree gives a table of branches and an untidy one hides nobody.
    """
    with database.reading() as session:
        organizations = session.execute(
            select(
                Organization.id,
                Organization.parent_id,
                Organization.level,
                Organization.name,
                Organization.code,
            ).order_by(Organization.sort_order, Organization.id)
        ).all()
        all_members = _count_by(session, Member.organization_id)
        left = _left_register_by(session, Member.organization_id)
    parents = {row.id: row.parent_id for row in organizations}
    levels = {row.id: row.level for row in organizations}
    per_branch: Counter[int] = Counter()
    for organization_id, count in all_members.items():
        if organization_id is not None:
            per_branch[_branch_of(organization_id, parents, levels)] += count
    for (organization_id,), count in left.items():
        if organization_id is not None:
            per_branch[_branch_of(organization_id, parents, levels)] -= count
    groups = Counter(
        _branch_of(row.id, parents, levels)
        for row in organizations
        if row.level == OrganizationLevel.BUILDING_GROUP.value
    )
    known_levels = {level.value: level for level in OrganizationLevel}
    return [
        BranchCount(
            organization_id=row.id,
            name=row.name,
            level=known_levels[row.level],
            code=row.code,
            groups=groups.get(row.id, 0),
            in_register=per_branch.get(row.id, 0),
        )
        for row in organizations
        if row.level in known_levels
        and (
            row.level == OrganizationLevel.GRID_BRANCH.value
            or (
                row.level != OrganizationLevel.BUILDING_GROUP.value
                and per_branch.get(row.id, 0) > 0
            )
        )
    ]
