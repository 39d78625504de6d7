"""三会一课 compliance by center and branch, from the synced rows (issue 17, DOMAIN.md §4).

The minutes module's calendar (:mod:`dangqun.minutes.compliance`) reads a center's own tables
and settings through an ORM session, so it cannot run on the district's JSON documents; this
module computes the same schedule on plain rows: a 网格党支部 owes, in every period of N months
counted from January, a 支部党员大会 (3, 条例 art. 11), 支部委员会 (art. 12), 党小组会 (1, art. 13,
only when it has 楼栋党小组 — a group meeting of any of its groups counts), 党课, 主题党日 (1),
组织生活会 (12, art. 17) and 民主评议党员 (12) — the fixed lengths are the minutes module's
:data:`~dangqun.minutes.compliance.FIXED_MONTHS`. The two local settings (支部委员会 and 党课
every how many months) stay at the center and do not travel in packages, so the district
applies their defaults (:mod:`dangqun.minutes.minutes_settings`: monthly and quarterly), the
district-wide rule. A meeting counts whether its minutes are signed or still a draft, as at the
center.

For the report's period, each branch's schedule periods that overlap it are judged as at the
center: 已召开 with a meeting in it, 逾期未开 when it ended (before today) without one — these
are the overdue rows the PDF and the workbook highlight — otherwise still running or to come.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangqun.district.models import DistrictRecord
from dangqun.district.reports.json_fields import json_text
from dangqun.district.reports.periods import Period
from dangqun.minutes.compliance import FIXED_MONTHS, period_state, statutory_period
from dangqun.minutes.minutes_settings import COMMITTEE_MONTHS, PARTY_LESSON_MONTHS
from dangqun.minutes.vocabulary import (
    COMPLIANCE_STATE_LABELS,
    MEETING_TYPE_LABELS,
    ComplianceState,
    MeetingType,
)

BRANCH, GROUP = "grid_branch", "building_group"


def branch_schedule(has_groups: bool) -> dict[MeetingType, int]:
    """Meeting type → months per period for a 网格党支部 (module docstring)."""
    months = dict(FIXED_MONTHS)
    if not has_groups:
        months.pop(MeetingType.GROUP_MEETING)
    months[MeetingType.COMMITTEE] = int(COMMITTEE_MONTHS.default)
    months[MeetingType.PARTY_LESSON] = int(PARTY_LESSON_MONTHS.default)
    return months


@dataclass(frozen=True)
class ScheduledPeriod:
    meeting_type: MeetingType
    starts_on: date
    ends_on: date
    held: int
    state: ComplianceState

    @property
    def label(self) -> str:
        return (
            f"{MEETING_TYPE_LABELS[self.meeting_type]}（{self.starts_on:%Y-%m-%d}至"
            f"{self.ends_on:%Y-%m-%d}）"
        )


@dataclass(frozen=True)
class BranchCompliance:
    center_uuid: str
    branch_name: str
    periods: tuple[ScheduledPeriod, ...]

    @property
    def overdue(self) -> tuple[ScheduledPeriod, ...]:
        return tuple(p for p in self.periods if p.state is ComplianceState.MISSING)

    @property
    def periods_held(self) -> int:
        return sum(1 for p in self.periods if p.state is ComplianceState.HELD)

    @property
    def periods_due(self) -> int:
        """Periods judged: held, or ended without a meeting."""
        return self.periods_held + len(self.overdue)

    def as_json(self) -> dict[str, Any]:
        return {
            "branch": self.branch_name,
            "periods_due": self.periods_due,
            "periods_held": self.periods_held,
            "overdue": [
                {
                    "meeting_type": p.meeting_type.value,
                    "starts_on": p.starts_on.isoformat(),
                    "ends_on": p.ends_on.isoformat(),
                    "state": COMPLIANCE_STATE_LABELS[p.state],
                }
                for p in self.overdue
            ],
        }


def _periods_overlapping(period: Period, months: int) -> list[tuple[date, date]]:
    year = period.starts_on.year
    found = []
    for first in range(1, 13, months):
        starts_on, ends_on = statutory_period(year, first, months)
        if starts_on <= period.ends_on and ends_on >= period.starts_on:
            found.append((starts_on, ends_on))
    return found


def branch_compliance(
    session: Session, dialect: str, period: Period, today: date
) -> list[BranchCompliance]:
    """Every branch of every center, by center then branch name."""
    record = DistrictRecord

    def text(key: str) -> Any:
        return json_text(dialect, record.data, key)

    live = record.deleted.is_(False)
    organizations = session.execute(
        select(
            record.center_uuid, record.uuid, text("name"), text("level"), text("parent_id")
        ).where(record.table_name == "organizations", live, text("level").in_((BRANCH, GROUP)))
    ).all()
    branches = {row[1]: row for row in organizations if row[3] == BRANCH}
    group_parent = {row[1]: row[4] for row in organizations if row[3] == GROUP}
    year_start = date(period.starts_on.year, 1, 1).isoformat()
    year_end = date(period.starts_on.year, 12, 31).isoformat()
    held: dict[tuple[str, str], list[date]] = defaultdict(list)
    for organization, type_code, on_date in session.execute(
        select(text("organization_id"), text("meeting_type"), text("on_date")).where(
            record.table_name == "minutes_meetings",
            live,
            text("on_date").between(year_start, year_end),
        )
    ):
        day = date.fromisoformat(str(on_date))
        if organization in branches:
            held[(organization, type_code)].append(day)
        elif type_code == MeetingType.GROUP_MEETING.value and organization in group_parent:
            held[(group_parent[organization], type_code)].append(day)
    with_groups = set(group_parent.values())
    found = []
    for center_uuid, uuid, name, _level, _parent in sorted(
        branches.values(), key=lambda row: (row[0], str(row[2]))
    ):
        periods = []
        for meeting_type, months in branch_schedule(uuid in with_groups).items():
            dates = held.get((uuid, meeting_type.value), [])
            for starts_on, ends_on in _periods_overlapping(period, months):
                count = sum(1 for day in dates if starts_on <= day <= ends_on)
                state = period_state(starts_on, ends_on, count, today)
                periods.append(ScheduledPeriod(meeting_type, starts_on, ends_on, count, state))
        found.append(BranchCompliance(center_uuid, str(name), tuple(periods)))
    return found
