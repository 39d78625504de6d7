"""The compliance calendar: the statutory schedule against the meetings held (issue 15, DOMAIN §4).

Each requirement is "at least one meeting of this type in every period of N months", periods
counted from January (a quarter is months 1–3, 4–6 …):

========================  ==========================================  =========================
meeting                   every                                        source
========================  ==========================================  =========================
支部党员大会              3 months                                     支部工作条例 art. 11
支部委员会                ``minutes_committee_months`` (default 1)     art. 12 ("monthly, or as needed")
党小组会                  1 month (a branch with groups: any group)    art. 13
党课                      ``minutes_party_lesson_months`` (default 3)  local rule (DOMAIN §4)
主题党日                  1 month                                      "one fixed day each month"
组织生活会                12 months                                    art. 17 (at least once a year)
民主评议党员              12 months                                    usual practice (DOMAIN §4)
========================  ==========================================  =========================

A 网格党支部 carries the whole schedule (党小组会 only when it has groups: a group meeting of
any of them, or of the branch, counts); a 楼栋党小组 carries 党小组会 alone. Other levels (the
community organization, the street committee) have no statutory 三会一课 schedule here.

A period is 已召开 when a meeting of the type (draft or signed) falls in it, 逾期未开 when it
ended without one, 本期待开 while it runs, 未到期 before it starts. The home page's list
(:func:`overdue_in`) names, per organization and type, the last period that ended without a
meeting, if it ended within the last twelve months.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Integer, cast, column, func, select, table
from sqlalchemy.orm import Session

from dangqun.core.errors import NotFound, ValidationError
from dangqun.core.settings import get_setting
from dangqun.minutes.minutes_settings import COMMITTEE_MONTHS, PARTY_LESSON_MONTHS
from dangqun.minutes.models import Meeting
from dangqun.minutes.vocabulary import ComplianceState, MeetingType

ORGANIZATIONS = table(
    "organizations", column("id"), column("parent_id"), column("name"), column("level")
)
BRANCH = "grid_branch"
GROUP = "building_group"
FIXED_MONTHS = {
    MeetingType.GENERAL_MEETING: 3,
    MeetingType.GROUP_MEETING: 1,
    MeetingType.THEME_DAY: 1,
    MeetingType.LIFE_MEETING: 12,
    MeetingType.EVALUATION: 12,
}
TABLE_TYPES = (
    MeetingType.GENERAL_MEETING,
    MeetingType.COMMITTEE,
    MeetingType.GROUP_MEETING,
    MeetingType.PARTY_LESSON,
    MeetingType.THEME_DAY,
    MeetingType.LIFE_MEETING,
    MeetingType.EVALUATION,
    MeetingType.DELIBERATION,
    MeetingType.OTHER,
)
"""The columns of the yearly table: the scheduled types, then the others held."""
LOOK_BACK_DAYS = 366


@dataclass(frozen=True)
class CompliancePeriod:
    meeting_type: MeetingType
    starts_on: date
    ends_on: date
    held: int
    state: ComplianceState


@dataclass(frozen=True)
class ComplianceCell:
    month: int
    meeting_type: MeetingType
    held: int
    state: ComplianceState | None
    """The state of the period holding this month; None for a type not scheduled here."""


@dataclass(frozen=True)
class ComplianceTable:
    organization_id: int
    organization_name: str
    year: int
    types: tuple[MeetingType, ...]
    cells: tuple[ComplianceCell, ...]
    """12 × len(types), month by month, in ``types`` order within a month."""
    periods: tuple[CompliancePeriod, ...]

    def cell(self, month: int, meeting_type: MeetingType) -> ComplianceCell:
        return self.cells[(month - 1) * len(self.types) + self.types.index(meeting_type)]

    @property
    def missing(self) -> tuple[CompliancePeriod, ...]:
        return tuple(p for p in self.periods if p.state is ComplianceState.MISSING)


@dataclass(frozen=True)
class OverdueMeeting:
    organization_id: int
    organization_name: str
    meeting_type: MeetingType
    starts_on: date
    ends_on: date
    last_held: date | None


def schedule(session: Session, level: str, has_groups: bool) -> dict[MeetingType, int]:
    """Meeting type → months per period for an organization of ``level``."""
    if level == GROUP:
        return {MeetingType.GROUP_MEETING: 1}
    if level != BRANCH:
        return {}
    months = dict(FIXED_MONTHS)
    if not has_groups:
        months.pop(MeetingType.GROUP_MEETING)
    months[MeetingType.COMMITTEE] = int(get_setting(session, COMMITTEE_MONTHS))
    months[MeetingType.PARTY_LESSON] = int(get_setting(session, PARTY_LESSON_MONTHS))
    return months


def statutory_period(year: int, first_month: int, months: int) -> tuple[date, date]:
    """The ``months``-long statutory period of ``year`` starting in ``first_month``: its first
    and last day (the district's report reads the same periods)."""
    last_month = first_month + months - 1
    following = date(year + 1, 1, 1) if last_month == 12 else date(year, last_month + 1, 1)
    return date(year, first_month, 1), following - timedelta(days=1)


def period_state(starts_on: date, ends_on: date, held: int, today: date) -> ComplianceState:
    """已召开 when a meeting was held; else 逾期未开 once the period has ended, 本期待开 while it
    runs, 未到期 before it starts."""
    if held:
        return ComplianceState.HELD
    if ends_on < today:
        return ComplianceState.MISSING
    if starts_on <= today:
        return ComplianceState.DUE
    return ComplianceState.UPCOMING


def _organizations(session: Session) -> tuple[dict[int, tuple[str, str, int | None]], set[int]]:
    rows = {
        org_id: (name, level, parent_id)
        for org_id, name, level, parent_id in session.execute(
            select(
                ORGANIZATIONS.c.id,
                ORGANIZATIONS.c.name,
                ORGANIZATIONS.c.level,
                ORGANIZATIONS.c.parent_id,
            )
        )
    }
    with_groups = {parent for _name, level, parent in rows.values() if level == GROUP and parent}
    return rows, with_groups


def _counted_as(
    rows: dict[int, tuple[str, str, int | None]], organization_id: int, meeting_type: str
) -> int:
    """A group meeting of a group counts for its branch as well (see the module docstring)."""
    _name, level, parent = rows[organization_id]
    if level == GROUP and meeting_type == MeetingType.GROUP_MEETING.value and parent is not None:
        return parent
    return organization_id


def compliance_table_in(
    session: Session, organization_id: int, year: int, today: date
) -> ComplianceTable:
    if not 1900 < year < 3000:
        raise ValidationError.single("year", "年份不正确")
    rows, with_groups = _organizations(session)
    if organization_id not in rows:
        raise NotFound(f"党组织 {organization_id} 不存在")
    name, level, _parent = rows[organization_id]
    children = [
        org for org, (_n, lvl, parent) in rows.items() if parent == organization_id and lvl == GROUP
    ]
    month = cast(func.strftime("%m", Meeting.on_date), Integer)
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for org, type_code, month_number, held in session.execute(
        select(Meeting.organization_id, Meeting.meeting_type, month, func.count())
        .where(
            Meeting.organization_id.in_([organization_id, *children]),
            Meeting.on_date.between(date(year, 1, 1), min(date(year, 12, 31), today)),
        )
        .group_by(Meeting.organization_id, Meeting.meeting_type, month)
    ):
        if org != organization_id and type_code != MeetingType.GROUP_MEETING.value:
            continue
        counts[(int(month_number), type_code)] += held
    required = schedule(session, level, organization_id in with_groups)
    periods: list[CompliancePeriod] = []
    state_of: dict[tuple[int, MeetingType], ComplianceState] = {}
    for meeting_type, months in required.items():
        for first in range(1, 13, months):
            starts_on, ends_on = statutory_period(year, first, months)
            held = sum(counts[(m, meeting_type.value)] for m in range(first, first + months))
            state = period_state(starts_on, ends_on, held, today)
            periods.append(CompliancePeriod(meeting_type, starts_on, ends_on, held, state))
            for m in range(first, first + months):
                state_of[(m, meeting_type)] = state
    cells = tuple(
        ComplianceCell(m, t, counts[(m, t.value)], state_of.get((m, t)))
        for m in range(1, 13)
        for t in TABLE_TYPES
    )
    return ComplianceTable(organization_id, name, year, TABLE_TYPES, cells, tuple(periods))


def overdue_in(session: Session, today: date) -> list[OverdueMeeting]:
    rows, with_groups = _organizations(session)
    since = today - timedelta(days=LOOK_BACK_DAYS + 366)
    held: dict[tuple[int, str], list[date]] = defaultdict(list)
    for org, type_code, on_date in session.execute(
        select(Meeting.organization_id, Meeting.meeting_type, Meeting.on_date).where(
            Meeting.on_date.between(since, today)
        )
    ):
        if org in rows:
            held[(org, type_code)].append(on_date)
            counted = _counted_as(rows, org, type_code)
            if counted != org:
                held[(counted, type_code)].append(on_date)
    found: list[OverdueMeeting] = []
    for org, (name, level, _parent) in sorted(rows.items(), key=lambda item: item[1][0]):
        for meeting_type, months in schedule(session, level, org in with_groups).items():
            starts_on, ends_on = _last_ended_period(today, months)
            if (today - ends_on).days > LOOK_BACK_DAYS:
                continue
            dates = held.get((org, meeting_type.value), [])
            if any(starts_on <= day <= ends_on for day in dates):
                continue
            found.append(
                OverdueMeeting(
                    org, name, meeting_type, starts_on, ends_on, max(dates, default=None)
                )
            )
    return found


def _last_ended_period(today: date, months: int) -> tuple[date, date]:
    first = ((today.month - 1) // months) * months + 1
    current_start, _end = statutory_period(today.year, first, months)
    previous_end = current_start - timedelta(days=1)
    first_previous = ((previous_end.month - 1) // months) * months + 1
    return statutory_period(previous_end.year, first_previous, months)
