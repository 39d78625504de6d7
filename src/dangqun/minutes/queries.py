"""The reads: one record in full, the meeting list, full-text search, a member's attendance
history and the statutory schedule (issue 15; every read needs ``VIEW``).

List and search rows are :class:`MeetingSummary` with 应到/实到 counted for the listed meetings
only (issue 15 "Performance": search under 50 ms); search is :mod:`dangqun.minutes.search`,
the schedule :mod:`dangqun.minutes.compliance`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.security import Actor, Permission
from dangqun.minutes.compliance import (
    ComplianceTable,
    OverdueMeeting,
    compliance_table_in,
    overdue_in,
)
from dangqun.minutes.editing import ORGANIZATIONS
from dangqun.minutes.models import AttendanceLine, Meeting
from dangqun.minutes.record import MeetingDetail, read_meeting
from dangqun.minutes.roster import subtree
from dangqun.minutes.search import find_text
from dangqun.minutes.vocabulary import AttendanceStatus, MeetingStatus, MeetingType


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    organization_id: int
    organization_name: str
    meeting_type: str
    title: str | None
    topic: str | None
    on_date: date
    start_minute: int
    status: str
    should_attend: int
    present: int
    host_name: str = ""


@dataclass(frozen=True)
class MeetingHit:
    meeting: MeetingSummary
    source: str
    snippet: str
    marks: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SearchResult:
    hits: list[MeetingHit]
    substring_scan: bool
    """True when the query was shorter than three characters and was matched with ``LIKE``
    (trigrams need three); the UI may say "短词按包含查找"."""


@dataclass(frozen=True)
class AttendanceRecord:
    meeting_id: int
    on_date: date
    meeting_type: str
    organization_name: str
    status: str
    observer: bool
    makeup_on: date | None


@dataclass(frozen=True)
class MemberAttendance:
    records: list[AttendanceRecord] = field(default_factory=list)
    should_attend: int = 0
    present: int = 0
    made_up: int = 0

    @property
    def rate(self) -> float | None:
        return self.present / self.should_attend if self.should_attend else None


def get_meeting(database: Database, actor: Actor, meeting_id: int) -> MeetingDetail:
    """Everything of one record, as plain data (names only: no personal data is stored)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return read_meeting(session, meeting_id)


def _summaries(
    session: Session, meeting_ids: list[int] | None, where: list[Any], limit: int | None
) -> list[MeetingSummary]:
    """The meetings first, then the 应到/实到 counts of those meetings only: counting in a
    grouped subquery joined to the meetings made SQLite count every attendance line of every
    year (80 ms at two years of 50 branches, issue 15 "Performance": search under 50 ms)."""
    statement = (
        select(Meeting, ORGANIZATIONS.c.name)
        .join(ORGANIZATIONS, ORGANIZATIONS.c.id == Meeting.organization_id)
        .where(*where)
        .order_by(Meeting.on_date.desc(), Meeting.start_minute.desc(), Meeting.id.desc())
    )
    if meeting_ids is not None:
        statement = statement.where(Meeting.id.in_(meeting_ids))
    if limit is not None:
        statement = statement.limit(limit)
    found = session.execute(statement).all()
    present = func.sum(case((AttendanceLine.status == AttendanceStatus.PRESENT.value, 1), else_=0))
    should = func.sum(case((AttendanceLine.status != AttendanceStatus.EXCUSED.value, 1), else_=0))
    counts: dict[int, tuple[int, int]] = {}
    listed = [meeting.id for meeting, _name in found]
    for start in range(0, len(listed), 500):
        for meeting_id, should_count, present_count in session.execute(
            select(AttendanceLine.meeting_id, should, present)
            .where(
                AttendanceLine.meeting_id.in_(listed[start : start + 500]),
                AttendanceLine.observer.is_(False),
            )
            .group_by(AttendanceLine.meeting_id)
        ):
            counts[meeting_id] = (int(should_count or 0), int(present_count or 0))
    return [
        MeetingSummary(
            id=meeting.id,
            organization_id=meeting.organization_id,
            organization_name=name,
            meeting_type=meeting.meeting_type,
            title=meeting.title,
            topic=meeting.topic,
            on_date=meeting.on_date,
            start_minute=meeting.start_minute,
            status=meeting.status,
            should_attend=counts.get(meeting.id, (0, 0))[0],
            present=counts.get(meeting.id, (0, 0))[1],
            host_name=meeting.host_name,
        )
        for meeting, name in found
    ]


def list_meetings(
    database: Database,
    actor: Actor,
    *,
    organization_id: int | None = None,
    year: int | None = None,
    meeting_type: MeetingType | None = None,
    status: MeetingStatus | None = None,
    limit: int = 500,
) -> list[MeetingSummary]:
    """Meetings newest first, filtered by organization (with those below it), year, type and
    status (草稿 / 已签字锁定, for the page's filter)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        where: list[Any] = []
        if organization_id is not None:
            where.append(Meeting.organization_id.in_(subtree(session, organization_id)))
        if year is not None:
            where.append(Meeting.on_date.between(date(year, 1, 1), date(year, 12, 31)))
        if meeting_type is not None:
            where.append(Meeting.meeting_type == meeting_type.value)
        if status is not None:
            where.append(Meeting.status == status.value)
        return _summaries(session, None, where, limit)


def search_meetings(
    database: Database, actor: Actor, query: str, *, limit: int = 50
) -> SearchResult:
    """Full-text search over topics, agenda, speeches, resolutions and corrections
    (:mod:`dangqun.minutes.search`), each hit with its snippet and the ranges to highlight."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        hits, scanned = find_text(session, query, limit)
        summaries = {
            s.id: s for s in _summaries(session, sorted({h.meeting_id for h in hits}), [], None)
        }
        return SearchResult(
            [
                MeetingHit(summaries[h.meeting_id], h.source, h.snippet, h.marks)
                for h in hits
                if h.meeting_id in summaries
            ],
            scanned,
        )


def member_attendance(database: Database, actor: Actor, member_id: int) -> MemberAttendance:
    """A member's attendance history, newest first, and rate (present / should attend, lines
    left out of 应到 and 列席 not counted) — for the member detail."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        rows = session.execute(
            select(AttendanceLine, Meeting.on_date, Meeting.meeting_type, ORGANIZATIONS.c.name)
            .join(Meeting, Meeting.id == AttendanceLine.meeting_id)
            .join(ORGANIZATIONS, ORGANIZATIONS.c.id == Meeting.organization_id)
            .where(AttendanceLine.member_id == member_id)
            .order_by(Meeting.on_date.desc(), Meeting.id.desc())
        ).all()
        records = [
            AttendanceRecord(
                line.meeting_id,
                on_date,
                meeting_type,
                organization_name,
                line.status,
                line.observer,
                line.makeup_on,
            )
            for line, on_date, meeting_type, organization_name in rows
        ]
        counted = [
            r for r in records if not r.observer and r.status != AttendanceStatus.EXCUSED.value
        ]
        return MemberAttendance(
            records=records,
            should_attend=len(counted),
            present=sum(1 for r in counted if r.status == AttendanceStatus.PRESENT.value),
            made_up=sum(1 for r in counted if r.makeup_on is not None),
        )


def compliance_table(
    database: Database, actor: Actor, organization_id: int, year: int, *, today: date | None = None
) -> ComplianceTable:
    """The statutory schedule of one branch or group for a year against the meetings held
    (:mod:`dangqun.minutes.compliance`)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return compliance_table_in(session, organization_id, year, today or local_today())


def overdue_meetings(
    database: Database, actor: Actor, *, today: date | None = None
) -> list[OverdueMeeting]:
    """What is overdue now across every branch and group, for the home page."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return overdue_in(session, today or local_today())


def export_compliance(
    database: Database,
    actor: Actor,
    organization_id: int,
    year: int,
    path: Path,
    *,
    today: date | None = None,
) -> Path:
    """The yearly compliance table of one branch or group written as an Excel workbook
    (:mod:`dangqun.minutes.export`; issue 15: "a yearly table per branch, exportable")."""
    from dangqun.minutes.export import write_compliance_workbook

    table = compliance_table(database, actor, organization_id, year, today=today)
    return write_compliance_workbook(path, table)
