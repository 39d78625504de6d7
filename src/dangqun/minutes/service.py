"""The minutes module's one import: every write and read the UI, prints, demo and CLI use.

Each write checks the role (``EDIT_RECORDS``; reads ``VIEW``), validates everything at once
(:class:`ValidationError` with a Chinese :class:`FieldError` per field), writes rows, the
full-text index and one audit entry in one unit of work, and commits — a refusal writes nothing.
The rules (issue 15 "Rules and bad input", DOMAIN §4), each with a test named after it:

* a locked record (host and recorder have signed) refuses edits; later changes are dated
  corrections (:func:`add_correction`), the original never rewritten;
* a meeting that has not started yet cannot have attendance, resolutions or signatures;
* an attendee not on the roster of the meeting date is refused — unless marked 列席 (observer),
  which is never counted in 应到 or 实到;
* the host cannot be absent (a member host must be on the list as 出席);
* tallies larger than the voting members present are refused (:func:`dangqun.minutes.quorum.judge`
  with the meeting's own figures), and a resolution the engine says failed cannot be recorded
  as passed;
* written opinions submitted before the meeting count only in votes on admitting a member
  (《中国共产党发展党员工作细则》: 因故不能到会的有表决权的正式党员在会前提出的书面意见应当统计在票数内),
  only from voting members 缺席 or 请假 (:func:`may_give_written_opinion`), submitted on or
  before the meeting date, one each; they count in the tally, never in the quorum.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import case, column, delete, func, select, table
from sqlalchemy.orm import Session

from dangqun.core.clock import local_today, utc_now
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotFound, ValidationError
from dangqun.core.paths import make_private_directory, write_private_file
from dangqun.core.security import Actor, Permission
from dangqun.core.setting_definitions import registered_setting
from dangqun.core.settings import get_setting
from dangqun.minutes import quorum
from dangqun.minutes.compliance import (
    ComplianceCell,
    CompliancePeriod,
    ComplianceTable,
    OverdueMeeting,
    compliance_table_in,
    overdue_in,
)
from dangqun.minutes.handoff import MeetingDraft, meeting_handoff_draft, meeting_handoff_possible
from dangqun.minutes.minutes_settings import ATTACHMENT_MAX_MB
from dangqun.minutes.models import (
    AgendaItem,
    Attachment,
    AttachmentContent,
    AttendanceLine,
    Correction,
    Draft,
    Meeting,
    PersonalVote,
    Resolution,
    Signature,
    Speech,
    WrittenOpinion,
)
from dangqun.minutes.record import (
    AgendaItemView,
    AttachmentView,
    AttendanceView,
    CorrectionView,
    Figures,
    MeetingDetail,
    ResolutionView,
    SignatureView,
    SpeechView,
    attendance_views,
    content_hash,
    figures_of,
    read_meeting,
)
from dangqun.minutes.roster import RosterEntry, roster_as_of, subtree
from dangqun.minutes.search import find_text, reindex_meeting
from dangqun.minutes.vocabulary import (
    ATTENDANCE_STATUS_LABELS,
    DECISION_KIND_LABELS,
    MEETING_TYPE_LABELS,
    SIGNATURE_ROLE_LABELS,
    AbsenceReason,
    AttendanceStatus,
    DecisionKind,
    MeetingStatus,
    MeetingType,
    SignatureRole,
    Vote,
)

__all__ = [
    "AgendaEntry",
    "AgendaItemView",
    "AttachmentView",
    "AttendanceEntry",
    "AttendanceView",
    "ComplianceCell",
    "CompliancePeriod",
    "ComplianceTable",
    "CorrectionView",
    "Figures",
    "MeetingDetail",
    "MeetingDraft",
    "MeetingForm",
    "MeetingHit",
    "MeetingSummary",
    "MemberAttendance",
    "OpinionEntry",
    "OverdueMeeting",
    "ResolutionEntry",
    "ResolutionView",
    "RosterEntry",
    "SearchResult",
    "SignatureView",
    "SpeechEntry",
    "SpeechView",
    "figures_of",
    "meeting_handoff_draft",
    "meeting_handoff_possible",
]

ATTACHMENTS_FOLDER = "attachments"
ATTACHMENT_SUFFIXES = (".jpg", ".jpeg", ".png", ".pdf", ".docx", ".doc", ".xlsx", ".txt")
MAX_ATTACHMENTS_PER_MEETING = 30
DEFAULT_TIME_ZONE = "Asia/Shanghai"
_ZONE_SETTING = "bases_time_zone"
"""The center's wall-clock zone is one setting, kept by the bases module (DOMAIN §2); read by
key through the core registry, so this module imports nothing of bases."""
ORGANIZATIONS = table("organizations", column("id"), column("name"), column("level"))
MEMBERS = table("members", column("id"), column("name"))
ROOMS = table("bases_rooms", column("id"), column("name"))
NOT_YET = "会议还没有开始，不能登记"


# ---------------------------------------------------------------- forms


@dataclass(frozen=True)
class MeetingForm:
    organization_id: int
    meeting_type: MeetingType
    on_date: date
    starts_at: time
    ends_at: time
    place: str
    host_name: str
    recorder_name: str
    host_member_id: int | None = None
    recorder_member_id: int | None = None
    room_id: int | None = None
    """A base room (``bases_rooms.id``) when the meeting was held there; ``place`` still names it."""
    title: str | None = None
    lecturer_name: str | None = None
    """讲课人: required for a 党课."""
    topic: str | None = None
    """党课主题 (required for a 党课) or the meeting's subject."""
    observers: str | None = None
    """列席 who are not members, as typed (names and units)."""


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


@dataclass(frozen=True)
class SpeechEntry:
    speaker_name: str
    points: str
    speaker_member_id: int | None = None


@dataclass(frozen=True)
class AgendaEntry:
    title: str
    content: str | None = None
    speeches: tuple[SpeechEntry, ...] = ()


@dataclass(frozen=True)
class OpinionEntry:
    member_id: int
    vote: Vote
    submitted_on: date
    text: str | None = None


@dataclass(frozen=True)
class ResolutionEntry:
    text: str
    decision_kind: DecisionKind = DecisionKind.RESOLUTION
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    votes: tuple[tuple[int, Vote], ...] = ()
    """Per-person votes ``(member_id, vote)`` instead of tallies; the tallies are counted."""
    opinions: tuple[OpinionEntry, ...] = ()
    on_admission: bool = False
    recorded_as_passed: bool | None = None
    """What the paper says (通过 True / 未通过 False); None: take the engine's verdict. Recording
    a failed resolution as passed is refused."""


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


# ---------------------------------------------------------------- helpers


def _zone(session: Session) -> tuple[str, tzinfo]:
    definition = registered_setting(_ZONE_SETTING)
    name = str(get_setting(session, definition)) if definition else DEFAULT_TIME_ZONE
    try:
        return name, ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return name, timezone(timedelta(hours=8), name)


def _starts(meeting: Meeting) -> datetime:
    try:
        zone: tzinfo = ZoneInfo(meeting.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = timezone(timedelta(hours=8), meeting.time_zone)
    start = time(meeting.start_minute // 60, meeting.start_minute % 60)
    return datetime.combine(meeting.on_date, start, tzinfo=zone)


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"会议记录 {meeting_id} 不存在（可能已被删除）")
    return meeting


def _editable(meeting: Meeting) -> None:
    """A locked record refuses edits (DOMAIN §4: "later changes are dated corrections")."""
    if meeting.status == MeetingStatus.SIGNED.value:
        raise ValidationError.single(
            "status", "会议记录已签字锁定，不能再修改；如需补充或更正，请添加更正说明"
        )


def _started(meeting: Meeting, now: datetime | None, field_name: str) -> None:
    """A meeting in the future cannot have attendance (issue 15)."""
    if _starts(meeting) > (now or utc_now()):
        raise ValidationError.single(field_name, f"{NOT_YET}（会议 {meeting.on_date} 尚未开始）")


def _text(value: str | None) -> str | None:
    cleaned = (value or "").strip()
    return cleaned or None


def _required(
    errors: list[FieldError], name: str, label: str, value: str | None, limit: int
) -> str:
    cleaned = _text(value)
    if cleaned is None:
        errors.append(FieldError(name, f"请填写{label}"))
        return ""
    if len(cleaned) > limit:
        errors.append(FieldError(name, f"{label}不能超过 {limit} 个字"))
    return cleaned


def _optional(
    errors: list[FieldError], name: str, label: str, value: str | None, limit: int
) -> str | None:
    cleaned = _text(value)
    if cleaned is not None and len(cleaned) > limit:
        errors.append(FieldError(name, f"{label}不能超过 {limit} 个字"))
    return cleaned


def _minute(value: time) -> int:
    return value.hour * 60 + value.minute


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _changes_meeting(work: Any, meeting: Meeting) -> None:
    reindex_meeting(work.session, meeting.id)


# ---------------------------------------------------------------- meetings


def _checked_form(session: Session, form: MeetingForm) -> dict[str, Any]:
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    organization = session.execute(
        select(ORGANIZATIONS.c.id).where(ORGANIZATIONS.c.id == form.organization_id)
    ).first()
    if organization is None:
        errors.append(FieldError("organization_id", "请选择召开会议的党组织"))
    if not isinstance(form.meeting_type, MeetingType):
        errors.append(FieldError("meeting_type", "请选择会议类型"))
    start, end = _minute(form.starts_at), _minute(form.ends_at)
    if end <= start:
        errors.append(FieldError("ends_at", "结束时间必须晚于开始时间"))
    values["place"] = _required(errors, "place", "会议地点", form.place, 200)
    values["host_name"] = _required(errors, "host_name", "主持人", form.host_name, 64)
    values["recorder_name"] = _required(errors, "recorder_name", "记录人", form.recorder_name, 64)
    values["title"] = _optional(errors, "title", "会议名称", form.title, 200)
    values["lecturer_name"] = _optional(errors, "lecturer_name", "讲课人", form.lecturer_name, 64)
    values["topic"] = _optional(errors, "topic", "主题", form.topic, 200)
    values["observers"] = _optional(errors, "observers", "列席人员", form.observers, 2000)
    if form.meeting_type is MeetingType.PARTY_LESSON:
        if values["lecturer_name"] is None:
            errors.append(FieldError("lecturer_name", "党课须填写讲课人"))
        if values["topic"] is None:
            errors.append(FieldError("topic", "党课须填写党课主题"))
    for name, label, member_id in (
        ("host_member_id", "主持人", form.host_member_id),
        ("recorder_member_id", "记录人", form.recorder_member_id),
    ):
        if (
            member_id is not None
            and session.execute(select(MEMBERS.c.id).where(MEMBERS.c.id == member_id)).first()
            is None
        ):
            errors.append(FieldError(name, f"{label}不在党员名册中"))
    if (
        form.room_id is not None
        and session.execute(select(ROOMS.c.id).where(ROOMS.c.id == form.room_id)).first() is None
    ):
        errors.append(FieldError("room_id", "所选活动室不存在"))
    if errors:
        raise ValidationError(errors)
    values.update(
        organization_id=form.organization_id,
        meeting_type=form.meeting_type.value,
        on_date=form.on_date,
        start_minute=start,
        end_minute=end,
        room_id=form.room_id,
        host_member_id=form.host_member_id,
        recorder_member_id=form.recorder_member_id,
    )
    return values


def _meeting_values(meeting: Meeting) -> dict[str, Any]:
    return {
        "organization": meeting.organization_id,
        "meeting_type": MEETING_TYPE_LABELS[MeetingType(meeting.meeting_type)],
        "title": meeting.title,
        "on_date": meeting.on_date.isoformat(),
        "starts_at": _clock(meeting.start_minute),
        "ends_at": _clock(meeting.end_minute),
        "time_zone": meeting.time_zone,
        "place": meeting.place,
        "room": meeting.room_id,
        "host": meeting.host_name,
        "recorder": meeting.recorder_name,
        "lecturer": meeting.lecturer_name,
        "topic": meeting.topic,
        "observers": meeting.observers,
    }


def create_meeting(database: Database, actor: Actor, form: MeetingForm) -> int:
    """A new draft record; returns its id. The date may be ahead (a meeting planned), but
    attendance waits until it has started."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        values = _checked_form(work.session, form)
        zone_name, _zone_info = _zone(work.session)
        meeting = Meeting(**values, time_zone=zone_name, status=MeetingStatus.DRAFT.value)
        work.session.add(meeting)
        work.session.flush()
        _changes_meeting(work, meeting)
        work.audit(
            "minutes.meeting.create", "minutes_meeting", meeting.id, None, _meeting_values(meeting)
        )
        work.commit()
        return meeting.id


def update_meeting(
    database: Database,
    actor: Actor,
    meeting_id: int,
    form: MeetingForm,
    *,
    now: datetime | None = None,
) -> None:
    """Change a draft's header. Moving a meeting that already has attendance to a date still
    ahead is refused (its list would be of a meeting that has not happened), and so is a
    member host who is on the list but not 出席."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = _meeting(session, meeting_id)
        _editable(meeting)
        values = _checked_form(session, form)
        before = _meeting_values(meeting)
        for key, value in values.items():
            setattr(meeting, key, value)
        lines = attendance_views(session, meeting.id)
        if lines:
            _started(meeting, now, "on_date")
            _host_present(meeting, lines)
        _changes_meeting(work, meeting)
        work.audit(
            "minutes.meeting.update",
            "minutes_meeting",
            meeting.id,
            before,
            _meeting_values(meeting),
        )
        work.commit()


def delete_meeting(database: Database, actor: Actor, meeting_id: int) -> None:
    """Delete a draft entered by mistake (a signed record is never deleted)."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = _meeting(session, meeting_id)
        _editable(meeting)
        before = _meeting_values(meeting)
        _delete_children(session, meeting.id)
        for attachment in session.scalars(
            select(Attachment).where(Attachment.meeting_id == meeting.id)
        ):
            session.execute(
                delete(AttachmentContent).where(AttachmentContent.attachment_id == attachment.id)
            )
            session.delete(attachment)
        session.delete(meeting)
        session.flush()
        reindex_meeting(session, meeting_id)
        work.audit("minutes.meeting.delete", "minutes_meeting", meeting_id, before, None)
        work.commit()


def _delete_children(session: Session, meeting_id: int) -> None:
    for line in session.scalars(
        select(AttendanceLine).where(AttendanceLine.meeting_id == meeting_id)
    ):
        session.delete(line)
    _delete_agenda(session, meeting_id)
    _delete_resolutions(session, meeting_id)


# ---------------------------------------------------------------- attendance


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
        meeting = _meeting(session, meeting_id)
        _editable(meeting)
        _started(meeting, now, "attendance")
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


def _host_present(
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
        meeting = _meeting(session, meeting_id)
        _editable(meeting)
        _started(meeting, now, "attendance")
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
        today = (now or utc_now()).astimezone(_starts(meeting).tzinfo).date()
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
            if entry.status is AttendanceStatus.EXCUSED and _text(entry.reason_note) is None:
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
                    reason_note=_text(entry.reason_note),
                    makeup_on=entry.makeup_on,
                    makeup_notes=_text(entry.makeup_notes),
                )
            )
        if errors:
            raise ValidationError(errors)
        _host_present(meeting, views)
        before = _figures_text(figures_of(attendance_views(session, meeting.id)))
        _replace_lines(session, meeting.id, views)
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


# ---------------------------------------------------------------- agenda and speeches


def _delete_agenda(session: Session, meeting_id: int) -> None:
    items = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()
    if items:
        for speech in session.scalars(
            select(Speech).where(Speech.agenda_item_id.in_([i.id for i in items]))
        ):
            session.delete(speech)
        session.flush()
    for item in items:
        session.delete(item)
    session.flush()


def set_agenda(database: Database, actor: Actor, meeting_id: int, items: list[AgendaEntry]) -> None:
    """Replace the agenda: items in order, each with the main points of its speeches."""
    actor.require(Permission.EDIT_RECORDS)
    errors: list[FieldError] = []
    for index, item in enumerate(items):
        where = f"agenda[{index}]"
        _required(errors, where, f"第 {index + 1} 项议程的标题", item.title, 200)
        _optional(errors, where, f"第 {index + 1} 项议程的内容", item.content, 20000)
        for number, speech in enumerate(item.speeches, start=1):
            _required(
                errors,
                where,
                f"第 {index + 1} 项议程第 {number} 个发言的发言人",
                speech.speaker_name,
                64,
            )
            _required(
                errors,
                where,
                f"第 {index + 1} 项议程第 {number} 个发言的要点",
                speech.points,
                20000,
            )
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = _meeting(session, meeting_id)
        _editable(meeting)
        before = [
            item.title
            for item in session.scalars(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == meeting.id)
                .order_by(AgendaItem.position)
            )
        ]
        _delete_agenda(session, meeting.id)
        for position, item in enumerate(items, start=1):
            row = AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=item.title.strip(),
                content=_text(item.content),
            )
            session.add(row)
            session.flush()
            for number, speech in enumerate(item.speeches, start=1):
                session.add(
                    Speech(
                        agenda_item_id=row.id,
                        position=number,
                        speaker_member_id=speech.speaker_member_id,
                        speaker_name=speech.speaker_name.strip(),
                        points=speech.points.strip(),
                    )
                )
        _changes_meeting(work, meeting)
        work.audit(
            "minutes.agenda.update",
            "minutes_meeting",
            meeting.id,
            {"agenda": before},
            {"agenda": [item.title.strip() for item in items]},
        )
        work.commit()


# ---------------------------------------------------------------- resolutions


def _delete_resolutions(session: Session, meeting_id: int) -> None:
    rows = session.scalars(select(Resolution).where(Resolution.meeting_id == meeting_id)).all()
    if rows:
        ids = [row.id for row in rows]
        for model in (PersonalVote, WrittenOpinion):
            for child in session.scalars(select(model).where(model.resolution_id.in_(ids))):
                session.delete(child)
        session.flush()
    for row in rows:
        session.delete(row)
    session.flush()


def may_give_written_opinion(line: AttendanceView) -> bool:
    """Whether ``line``'s member may have a written opinion counted: a voting member on the list
    (not 列席) who was 缺席 or 请假 — "因故不能到会的有表决权的正式党员" (《中国共产党发展党员工作
    细则》, quoted above). Those left out of 应到 (不计入应到) are not among the members the vote
    is measured against, so their opinion cannot count either. The editor offers exactly these
    members (:func:`written_opinion_candidates`)."""
    return (
        line.voting
        and not line.observer
        and line.status in (AttendanceStatus.ABSENT.value, AttendanceStatus.LEAVE.value)
    )


def written_opinion_candidates(
    lines: tuple[AttendanceView, ...] | list[AttendanceView],
) -> list[AttendanceView]:
    """The members of an attendance list whose written opinion may count in a vote on admitting
    a member (:func:`may_give_written_opinion`), in list order — what the editor offers."""
    return [line for line in lines if may_give_written_opinion(line)]


def judge_resolution(
    meeting_type: MeetingType,
    decision_kind: DecisionKind,
    figures: Figures,
    counts: tuple[int, int, int],
    opinions: tuple[Vote, ...] = (),
) -> quorum.Verdict:
    """The verdict on a vote with the meeting's figures: :func:`quorum.judge` on 应到 and 实到
    有表决权党员; written opinions (their votes) are added to the tally and to those who took
    part after the quorum was judged on the members present — they count in the tally, never in
    the quorum (发展党员工作细则) — and the explanation says so ("计入书面意见 N 份后：").
    The service stores this verdict; the editor shows it while the clerk types. Raises
    ValidationError for figures that cannot happen."""
    count = quorum.VoteCount(figures.voting_should_attend, figures.voting_present, *counts)
    verdict = quorum.judge(meeting_type, decision_kind, count)
    if not opinions:
        return verdict
    extra = {vote: opinions.count(vote) for vote in Vote}
    with_opinions = quorum.judge(
        meeting_type,
        decision_kind,
        quorum.VoteCount(
            figures.voting_should_attend,
            figures.voting_present + len(opinions),
            counts[0] + extra[Vote.YES],
            counts[1] + extra[Vote.NO],
            counts[2] + extra[Vote.ABSTAIN],
        ),
    )
    return quorum.Verdict(
        may_vote=verdict.may_vote,
        passed=verdict.may_vote and with_opinions.passed,
        rule=verdict.rule,
        explanation=f"{verdict.explanation}；计入书面意见 {len(opinions)} 份后：{with_opinions.explanation}",
        present_needed=verdict.present_needed,
        yes_needed=with_opinions.yes_needed,
    )


@dataclass
class _Judged:
    entry: ResolutionEntry
    voted: bool
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    verdict: quorum.Verdict | None = None
    should_attend: int | None = None
    present: int | None = None


def _judge_one(
    meeting_type: MeetingType,
    index: int,
    entry: ResolutionEntry,
    figures: Figures,
    lines: dict[int, AttendanceView],
    on_date: date,
    errors: list[FieldError],
) -> _Judged:
    where = f"resolutions[{index}]"
    label = f"第 {index + 1} 项决议"
    _required(errors, where, f"{label}的内容", entry.text, 20000)
    typed = (entry.yes, entry.no, entry.abstain)
    if not quorum.voting_rule_applies(meeting_type):
        if any(value is not None for value in typed) or entry.votes or entry.opinions:
            errors.append(
                FieldError(
                    where, f"{MEETING_TYPE_LABELS[meeting_type]}不进行表决，{label}不能登记票数"
                )
            )
        if entry.recorded_as_passed is not None:
            errors.append(
                FieldError(
                    where,
                    f"{MEETING_TYPE_LABELS[meeting_type]}不进行表决，{label}不能记为通过或未通过",
                )
            )
        return _Judged(entry, voted=False)
    if entry.votes:
        counted = {vote: 0 for vote in Vote}
        for member_id, vote in entry.votes:
            line = lines.get(member_id)
            if (
                line is None
                or line.observer
                or not line.voting
                or line.status != AttendanceStatus.PRESENT.value
            ):
                name = line.name if line else f"党员 {member_id}"
                errors.append(FieldError(where, f"{label}：{name}不是到会的有表决权党员，不能计票"))
            counted[vote] += 1
        if len({member_id for member_id, _vote in entry.votes}) != len(entry.votes):
            errors.append(FieldError(where, f"{label}：同一人投了两票"))
        counts = (counted[Vote.YES], counted[Vote.NO], counted[Vote.ABSTAIN])
        if any(value is not None for value in typed) and typed != counts:
            errors.append(FieldError(where, f"{label}的票数与逐人表决不一致"))
    else:
        if any(value is None for value in typed):
            errors.append(FieldError(where, f"{label}请填写赞成、反对、弃权票数"))
            return _Judged(entry, voted=True)
        counts = (int(entry.yes or 0), int(entry.no or 0), int(entry.abstain or 0))
    if any(value < 0 for value in counts):
        errors.append(FieldError(where, f"{label}的票数不能是负数"))
        return _Judged(entry, voted=True)
    if sum(counts) > figures.voting_present:
        errors.append(
            FieldError(
                where,
                f"{label}的票数合计 {sum(counts)} 超过到会的有表决权党员 {figures.voting_present} 人",
            )
        )
        return _Judged(entry, voted=True)
    if entry.opinions and not entry.on_admission:
        errors.append(FieldError(where, f"{label}：只有讨论接收（或转正）党员的表决才计入书面意见"))
    for opinion in entry.opinions:
        line = lines.get(opinion.member_id)
        if line is None or not may_give_written_opinion(line):
            name = line.name if line else f"党员 {opinion.member_id}"
            errors.append(
                FieldError(where, f"{label}：{name}不是因故未到会的有表决权党员，书面意见不能计入")
            )
        if opinion.submitted_on > on_date:
            errors.append(FieldError(where, f"{label}：书面意见须在会议召开前提交"))
    if len({o.member_id for o in entry.opinions}) != len(entry.opinions):
        errors.append(FieldError(where, f"{label}：同一人提交了两份书面意见"))
    try:
        verdict = judge_resolution(
            meeting_type,
            entry.decision_kind,
            figures,
            counts,
            tuple(opinion.vote for opinion in entry.opinions),
        )
    except ValidationError as refusal:
        errors.extend(FieldError(where, f"{label}：{e.message}") for e in refusal.errors)
        return _Judged(entry, voted=True)
    if entry.recorded_as_passed and not verdict.passed:
        errors.append(FieldError(where, f"{label}未获通过，不能记为通过（{verdict.explanation}）"))
    return _Judged(
        entry, True, *counts, verdict, figures.voting_should_attend, figures.voting_present
    )


def set_resolutions(
    database: Database,
    actor: Actor,
    meeting_id: int,
    entries: list[ResolutionEntry],
    *,
    now: datetime | None = None,
) -> list[ResolutionView]:
    """Replace the resolutions. Each vote is judged with the meeting's own figures (应到 and
    实到有表决权党员 from its attendance) by :func:`dangqun.minutes.quorum.judge`; the verdict, its
    rule and explanation are stored with the resolution."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = _meeting(session, meeting_id)
        _editable(meeting)
        if entries:
            _started(meeting, now, "resolutions")
        views = attendance_views(session, meeting.id)
        figures = figures_of(views)
        lines = {view.member_id: view for view in views}
        meeting_type = MeetingType(meeting.meeting_type)
        errors: list[FieldError] = []
        judged = [
            _judge_one(meeting_type, index, entry, figures, lines, meeting.on_date, errors)
            for index, entry in enumerate(entries)
        ]
        if errors:
            raise ValidationError(errors)
        before = _resolution_summary(session, meeting.id)
        _delete_resolutions(session, meeting.id)
        for position, item in enumerate(judged, start=1):
            verdict = item.verdict
            row = Resolution(
                meeting_id=meeting.id,
                position=position,
                decision_kind=item.entry.decision_kind.value,
                text=item.entry.text.strip(),
                on_admission=item.entry.on_admission,
                voted=item.voted,
                yes_count=item.yes,
                no_count=item.no,
                abstain_count=item.abstain,
                should_attend=item.should_attend,
                present=item.present,
                may_vote=verdict.may_vote if verdict else None,
                passed=verdict.passed if verdict else None,
                rule=verdict.rule if verdict else None,
                explanation=verdict.explanation if verdict else None,
            )
            session.add(row)
            session.flush()
            for member_id, vote in item.entry.votes:
                session.add(
                    PersonalVote(resolution_id=row.id, member_id=member_id, vote=vote.value)
                )
            for opinion in item.entry.opinions:
                session.add(
                    WrittenOpinion(
                        resolution_id=row.id,
                        member_id=opinion.member_id,
                        vote=opinion.vote.value,
                        submitted_on=opinion.submitted_on,
                        text=_text(opinion.text),
                    )
                )
        _changes_meeting(work, meeting)
        work.audit(
            "minutes.resolution.update",
            "minutes_meeting",
            meeting.id,
            {"resolutions": before},
            {"resolutions": _resolution_summary(session, meeting.id)},
        )
        work.commit()
        return list(read_meeting(session, meeting.id).resolutions)


def _resolution_summary(session: Session, meeting_id: int) -> list[str]:
    summary = []
    for row in session.scalars(
        select(Resolution).where(Resolution.meeting_id == meeting_id).order_by(Resolution.position)
    ):
        kind = DECISION_KIND_LABELS[DecisionKind(row.decision_kind)]
        if not row.voted:
            summary.append(f"{kind}：{row.text[:40]}")
        else:
            outcome = "通过" if row.passed else "未通过"
            summary.append(
                f"{kind}（赞成 {row.yes_count}，反对 {row.no_count}，弃权 {row.abstain_count}，{outcome}）：{row.text[:40]}"
            )
    return summary


# ---------------------------------------------------------------- attachments


def add_attachment(
    database: Database, actor: Actor, meeting_id: int, path: Path, caption: str | None = None
) -> int:
    """Attach a photo or scan: copied owner-only to ``attachments/<meeting uuid>/`` and kept in
    the database too (``minutes_attachment_contents``), so backups carry it. Returns its id."""
    actor.require(Permission.EDIT_RECORDS)
    source = Path(path)
    errors: list[FieldError] = []
    if not source.is_file():
        errors.append(FieldError("file", f"文件“{source}”不存在"))
    elif source.suffix.lower() not in ATTACHMENT_SUFFIXES:
        errors.append(FieldError("file", "附件只能是照片（JPG、PNG）、PDF、Word、Excel 或文本文件"))
    cleaned_caption = _optional(errors, "caption", "附件说明", caption, 200)
    if errors:
        raise ValidationError(errors)
    if database.path is None:
        raise ValidationError.single("file", "这个数据库不在本机文件夹中，不能保存附件")
    written: Path | None = None
    try:
        with database.unit_of_work(actor) as work:
            session = work.session
            meeting = _meeting(session, meeting_id)
            _editable(meeting)
            limit = int(get_setting(session, ATTACHMENT_MAX_MB))
            size = source.stat().st_size
            if size > limit * 1024 * 1024:
                raise ValidationError.single(
                    "file", f"附件太大（最大 {limit} MB），请压缩照片后再添加"
                )
            count = session.scalar(
                select(func.count())
                .select_from(Attachment)
                .where(Attachment.meeting_id == meeting.id)
            )
            if (count or 0) >= MAX_ATTACHMENTS_PER_MEETING:
                raise ValidationError.single(
                    "file", f"一次会议最多 {MAX_ATTACHMENTS_PER_MEETING} 个附件"
                )
            data = source.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            relative = f"{ATTACHMENTS_FOLDER}/{meeting.uuid}/{digest}{source.suffix.lower()}"
            attachment = Attachment(
                meeting_id=meeting.id,
                file_name=source.name[:200],
                stored_path=relative,
                size=len(data),
                sha256=digest,
                caption=cleaned_caption,
            )
            session.add(attachment)
            session.flush()
            session.add(AttachmentContent(attachment_id=attachment.id, data=data))
            target = database.path.parent / relative
            if not target.exists():
                _private_folders(database.path.parent, target.parent)
                write_private_file(target, data)
                written = target
            work.audit(
                "minutes.attachment.add",
                "minutes_meeting",
                meeting.id,
                None,
                {"file_name": attachment.file_name, "size": attachment.size, "sha256": digest},
            )
            work.commit()
            return attachment.id
    except BaseException:
        if written is not None:
            written.unlink(missing_ok=True)
        raise


def _private_folders(root: Path, folder: Path) -> None:
    for part in (root / ATTACHMENTS_FOLDER, folder):
        part.mkdir(mode=0o700, exist_ok=True)
        make_private_directory(part)


def remove_attachment(database: Database, actor: Actor, attachment_id: int) -> None:
    """Remove an attachment of a draft (the file goes once no other attachment shares it)."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise NotFound(f"附件 {attachment_id} 不存在（可能已被删除）")
        meeting = _meeting(session, attachment.meeting_id)
        _editable(meeting)
        stored, name = attachment.stored_path, attachment.file_name
        session.execute(
            delete(AttachmentContent).where(AttachmentContent.attachment_id == attachment.id)
        )
        session.delete(attachment)
        session.flush()
        shared = session.scalar(
            select(func.count()).select_from(Attachment).where(Attachment.stored_path == stored)
        )
        work.audit(
            "minutes.attachment.remove", "minutes_meeting", meeting.id, {"file_name": name}, None
        )
        work.commit()
    if not shared and database.path is not None:
        (database.path.parent / stored).unlink(missing_ok=True)


def attachment_file(database: Database, actor: Actor, attachment_id: int) -> Path:
    """The attachment's file, for the system viewer; written again from the database when it
    is missing or damaged (after a restore, or a file deleted by hand)."""
    actor.require(Permission.VIEW)
    if database.path is None:
        raise ValidationError.single("file", "这个数据库不在本机文件夹中，没有附件文件")
    with database.reading() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise NotFound(f"附件 {attachment_id} 不存在（可能已被删除）")
        target = database.path.parent / attachment.stored_path
        if (
            target.is_file()
            and hashlib.sha256(target.read_bytes()).hexdigest() == attachment.sha256
        ):
            return target
        content = session.get(AttachmentContent, attachment.id)
        if content is None:
            raise NotFound(
                f"附件“{attachment.file_name}”的内容不在本机（同步来的记录只带附件信息）"
            )
        _private_folders(database.path.parent, target.parent)
        write_private_file(target, content.data)
        return target


# ---------------------------------------------------------------- sign, lock, correct


def sign_meeting(
    database: Database,
    actor: Actor,
    meeting_id: int,
    role: SignatureRole,
    *,
    now: datetime | None = None,
) -> bool:
    """Record that the host or the recorder signed. When both have, the record is locked with
    its content hash; returns True then. A record without attendance cannot be signed."""
    actor.require(Permission.EDIT_RECORDS)
    moment = now or utc_now()
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = _meeting(session, meeting_id)
        _editable(meeting)
        _started(meeting, moment, "signature")
        if not attendance_views(session, meeting.id):
            raise ValidationError.single("signature", "请先登记出席情况，再签字")
        if (
            session.scalar(
                select(Signature.id).where(
                    Signature.meeting_id == meeting.id, Signature.role == role.value
                )
            )
            is not None
        ):
            raise ValidationError.single("signature", f"{SIGNATURE_ROLE_LABELS[role]}已经签过字")
        signer = meeting.host_name if role is SignatureRole.HOST else meeting.recorder_name
        session.add(
            Signature(
                meeting_id=meeting.id,
                role=role.value,
                signer_name=signer,
                signed_at=moment,
                entered_by=actor.display_name,
            )
        )
        session.flush()
        work.audit(
            "minutes.meeting.sign",
            "minutes_meeting",
            meeting.id,
            None,
            {"role": SIGNATURE_ROLE_LABELS[role], "signer": signer},
        )
        roles = set(
            session.scalars(select(Signature.role).where(Signature.meeting_id == meeting.id))
        )
        locked = roles >= {r.value for r in SignatureRole}
        if locked:
            meeting.status = MeetingStatus.SIGNED.value
            meeting.locked_at = moment
            meeting.content_hash = content_hash(read_meeting(session, meeting.id))
            work.audit(
                "minutes.meeting.lock",
                "minutes_meeting",
                meeting.id,
                None,
                {"content_hash": meeting.content_hash},
            )
        work.commit()
        return locked


def add_correction(
    database: Database,
    actor: Actor,
    meeting_id: int,
    reason: str,
    text: str,
    *,
    today: date | None = None,
) -> int:
    """A dated correction of a locked record, with reason and author; the original stays as
    signed (DOMAIN §4). A draft is simply edited, so it takes none."""
    actor.require(Permission.EDIT_RECORDS)
    errors: list[FieldError] = []
    cleaned_reason = _required(errors, "reason", "更正原因", reason, 300)
    cleaned_text = _required(errors, "text", "更正内容", text, 20000)
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = _meeting(session, meeting_id)
        if meeting.status != MeetingStatus.SIGNED.value:
            raise ValidationError.single("status", "会议记录还没有签字锁定，请直接修改记录")
        correction = Correction(
            meeting_id=meeting.id,
            made_on=today or local_today(),
            reason=cleaned_reason,
            text=cleaned_text,
            author=actor.display_name,
            author_user_id=actor.user_id,
        )
        session.add(correction)
        session.flush()
        _changes_meeting(work, meeting)
        work.audit(
            "minutes.correction.add",
            "minutes_meeting",
            meeting.id,
            None,
            {
                "made_on": correction.made_on.isoformat(),
                "reason": cleaned_reason,
                "text": cleaned_text,
            },
        )
        work.commit()
        return correction.id


# ---------------------------------------------------------------- drafts (autosave)


def save_draft(database: Database, actor: Actor, meeting_key: int, payload: dict[str, Any]) -> None:
    """Keep what the user is typing (``meeting_key`` = the meeting's id, 0 for a new one), so a
    crash loses nothing. Not audited: a draft is nobody's record until it is saved through the
    services above, which are; it is local to this computer and this user."""
    actor.require(Permission.EDIT_RECORDS)
    text_payload = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
    if len(text_payload) > 2_000_000:
        raise ValidationError.single("draft", "草稿太大，无法自动保存")
    with database.unit_of_work(actor) as work:
        session = work.session
        draft = session.scalar(
            select(Draft).where(Draft.username == actor.username, Draft.meeting_key == meeting_key)
        )
        if draft is None:
            draft = Draft(username=actor.username, meeting_key=meeting_key)
            session.add(draft)
        draft.payload_json = text_payload
        draft.saved_at = utc_now()
        work.commit()


def load_draft(
    database: Database, actor: Actor, meeting_key: int
) -> tuple[dict[str, Any], datetime] | None:
    """The user's autosaved typing for the meeting and when it was saved, or None."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        draft = session.scalar(
            select(Draft).where(Draft.username == actor.username, Draft.meeting_key == meeting_key)
        )
        if draft is None:
            return None
        return json.loads(draft.payload_json), draft.saved_at


def discard_draft(database: Database, actor: Actor, meeting_key: int) -> None:
    """Forget the autosaved typing (after a save, or when the user declines to restore it)."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        work.session.execute(
            delete(Draft).where(Draft.username == actor.username, Draft.meeting_key == meeting_key)
        )
        work.commit()


# ---------------------------------------------------------------- reads


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
