"""Who attended: the roster of the meeting date, filling the list from it, and the whole
list written at once with its checks (issue 15 "Rules and bad input", DOMAIN §4).

* An attendee not on the roster of the meeting date is refused — unless marked 列席
  (observer), which is never counted in 应到 or 实到;
* the host cannot be absent (a member host must be on the list as 出席,
  :func:`refuse_absent_host`);
* 缺席 and 请假 need a reason, 不计入应到 a written one; a make-up (补课) only for those 缺席 or
  请假, dated between the meeting and today;
* a list changed after votes were recorded has them judged again
  (:func:`dangqun.minutes.resolutions.restate_verdicts`): refused when a stored verdict would
  no longer hold.

Each line's voting and probationary facts are those of the meeting date
(:mod:`dangqun.minutes.roster`); the figures are :func:`dangqun.minutes.record.figures_of`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangqun.core.clock import utc_now
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.minutes.editing import (
    MEMBERS,
    clean_text,
    find_meeting,
    meeting_start,
    refuse_if_locked,
    refuse_if_not_started,
)
from dangqun.minutes.models import AttendanceLine, Meeting
from dangqun.minutes.record import AttendanceView, Figures, attendance_views, figures_of
from dangqun.minutes.resolutions import restate_verdicts
from dangqun.minutes.roster import RosterEntry, roster_as_of
from dangqun.minutes.vocabulary import ATTENDANCE_STATUS_LABELS, AbsenceReason, AttendanceStatus


@dataclass(frozen=True)
class AttendanceEntry:
    member_id: int
    status: AttendanceStatus
    reason: AbsenceReason | None = None
    """Required for 缺席 and 请假."""
    reason_note: str | None = None
    """Required for 不计入应到 (长期患病, 外出六个月以上 …)."""
    observer: bool = False
    makeup_on: date | None = None
    makeup_notes: str | None = None


def roster(
    database: Database, actor: Actor, organization_id: int, on_date: date
) -> list[RosterEntry]:
    """The expected list of an organization on a date (:mod:`dangqun.minutes.roster`)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return roster_as_of(session, organization_id, on_date)


def fill_attendance_from_roster(
    database: Database, actor: Actor, meeting_id: int, *, now: datetime | None = None
) -> int:
    """Put everyone on the roster of the meeting date on the list who is not on it yet: 出席,
    except 流出党员 as 请假 (其他, "流出外出") for the clerk to confirm. Lines already there keep
    what was typed. Returns how many lines were added."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = find_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        refuse_if_not_started(meeting, now, "attendance")
        entries = roster_as_of(session, meeting.organization_id, meeting.on_date)
        listed = set(
            session.scalars(
                select(AttendanceLine.member_id).where(AttendanceLine.meeting_id == meeting.id)
            )
        )
        position = len(listed)
        added = 0
        for entry in entries:
            if entry.member_id in listed:
                continue
            position += 1
            added += 1
            session.add(
                AttendanceLine(
                    meeting_id=meeting.id,
                    member_id=entry.member_id,
                    name=entry.name,
                    voting=entry.voting,
                    probationary=entry.probationary,
                    observer=False,
                    status=(
                        AttendanceStatus.LEAVE if entry.floating_out else AttendanceStatus.PRESENT
                    ).value,
                    reason=AbsenceReason.OTHER.value if entry.floating_out else None,
                    reason_note="流出外出" if entry.floating_out else None,
                    position=position,
                )
            )
        session.flush()
        restate_verdicts(session, meeting)
        work.audit(
            "minutes.attendance.update",
            "minutes_meeting",
            meeting.id,
            None,
            {"attendance": _figures_text(figures_of(attendance_views(session, meeting.id)))},
        )
        work.commit()
        return added


def _figures_text(figures: Figures) -> str:
    return (
        f"应到 {figures.should_attend} 人，实到 {figures.present} 人，缺席 {figures.absent} 人，"
        f"请假 {figures.on_leave} 人，不计入应到 {figures.excused} 人，列席 {figures.observers} 人"
    )


def refuse_absent_host(
    meeting: Meeting, lines: tuple[AttendanceView, ...] | list[AttendanceView]
) -> None:
    """The host cannot be absent: a member who chaired the meeting was there."""
    if meeting.host_member_id is None:
        return
    for line in lines:
        if (
            line.member_id == meeting.host_member_id
            and line.status != AttendanceStatus.PRESENT.value
        ):
            raise ValidationError.single(
                "attendance",
                f"主持人{meeting.host_name}不能登记为{ATTENDANCE_STATUS_LABELS[AttendanceStatus(line.status)]}",
            )


def set_attendance(
    database: Database,
    actor: Actor,
    meeting_id: int,
    entries: list[AttendanceEntry],
    *,
    now: datetime | None = None,
) -> Figures:
    """Replace the meeting's list with ``entries`` (the editor sends the whole list) and return
    its figures. Each line's voting and probationary facts are those of the meeting date."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = find_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        refuse_if_not_started(meeting, now, "attendance")
        on_roster = {
            entry.member_id: entry
            for entry in roster_as_of(session, meeting.organization_id, meeting.on_date)
        }
        names = dict(
            session.execute(
                select(MEMBERS.c.id, MEMBERS.c.name).where(
                    MEMBERS.c.id.in_([e.member_id for e in entries])
                )
            ).all()
        )
        errors: list[FieldError] = []
        seen: set[int] = set()
        views: list[AttendanceView] = []
        today = (now or utc_now()).astimezone(meeting_start(meeting).tzinfo).date()
        for index, entry in enumerate(entries):
            where = f"attendance[{index}]"
            name = names.get(entry.member_id)
            if name is None:
                errors.append(FieldError(where, f"第 {index + 1} 行：党员不存在"))
                continue
            if entry.member_id in seen:
                errors.append(FieldError(where, f"{name}在出席名单中出现了两次"))
                continue
            seen.add(entry.member_id)
            listed = on_roster.get(entry.member_id)
            if listed is None and not entry.observer:
                errors.append(
                    FieldError(
                        where, f"{name}不在 {meeting.on_date} 本组织的党员名单中，只能登记为列席"
                    )
                )
                continue
            if entry.observer and entry.status is not AttendanceStatus.PRESENT:
                errors.append(FieldError(where, f"列席人员{name}只能登记为出席"))
            if (
                entry.status in (AttendanceStatus.ABSENT, AttendanceStatus.LEAVE)
                and entry.reason is None
            ):
                errors.append(
                    FieldError(
                        where,
                        f"{name}{ATTENDANCE_STATUS_LABELS[entry.status]}，请选择原因（病假、事假、公假、其他）",
                    )
                )
            if entry.status is AttendanceStatus.EXCUSED and clean_text(entry.reason_note) is None:
                errors.append(
                    FieldError(
                        where, f"{name}不计入应到人数，须写明原因（如长期患病、外出六个月以上）"
                    )
                )
            if entry.status is AttendanceStatus.PRESENT and entry.reason is not None:
                errors.append(FieldError(where, f"{name}已出席，不需要缺席原因"))
            if entry.makeup_on is not None:
                if entry.status not in (AttendanceStatus.ABSENT, AttendanceStatus.LEAVE):
                    errors.append(FieldError(where, f"{name}没有缺席，不需要补课"))
                elif entry.makeup_on < meeting.on_date or entry.makeup_on > today:
                    errors.append(FieldError(where, f"{name}的补课日期须在会议之后、今天或以前"))
            if len(entry.reason_note or "") > 200 or len(entry.makeup_notes or "") > 300:
                errors.append(
                    FieldError(where, f"{name}的说明太长（原因 200 字、补课 300 字以内）")
                )
            views.append(
                AttendanceView(
                    member_id=entry.member_id,
                    name=name,
                    voting=bool(listed and listed.voting and not entry.observer),
                    probationary=bool(listed and listed.probationary),
                    observer=entry.observer,
                    status=entry.status.value,
                    reason=entry.reason.value if entry.reason else None,
                    reason_note=clean_text(entry.reason_note),
                    makeup_on=entry.makeup_on,
                    makeup_notes=clean_text(entry.makeup_notes),
                )
            )
        if errors:
            raise ValidationError(errors)
        refuse_absent_host(meeting, views)
        before = _figures_text(figures_of(attendance_views(session, meeting.id)))
        _replace_lines(session, meeting.id, views)
        session.flush()
        restate_verdicts(session, meeting)
        figures = figures_of(views)
        work.audit(
            "minutes.attendance.update",
            "minutes_meeting",
            meeting.id,
            {"attendance": before},
            {"attendance": _figures_text(figures)},
        )
        work.commit()
        return figures


def _line_values(view: AttendanceView) -> dict[str, Any]:
    return {
        "member_id": view.member_id,
        "name": view.name,
        "voting": view.voting,
        "probationary": view.probationary,
        "observer": view.observer,
        "status": view.status,
        "reason": view.reason,
        "reason_note": view.reason_note,
        "makeup_on": view.makeup_on,
        "makeup_notes": view.makeup_notes,
    }


def _replace_lines(session: Session, meeting_id: int, views: list[AttendanceView]) -> None:
    """Update lines in place (a line keeps its uuid, so the district sees an edit, not a
    delete and an insert), add the new ones and delete — with tombstones — the dropped ones."""
    existing = {
        line.member_id: line
        for line in session.scalars(
            select(AttendanceLine).where(AttendanceLine.meeting_id == meeting_id)
        )
    }
    for position, view in enumerate(views, start=1):
        line = existing.pop(view.member_id, None)
        if line is None:
            line = AttendanceLine(meeting_id=meeting_id)
            session.add(line)
        line.position = position
        for key, value in _line_values(view).items():
            setattr(line, key, value)
    for line in existing.values():
        session.delete(line)
    session.flush()
