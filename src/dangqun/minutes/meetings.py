"""The meeting itself: its header form (date, times, place, host, recorder, 党课 lecturer and
topic), creating, changing and deleting a draft, its agenda with the main points of each speech,
and the autosaved drafts of what the clerk is typing (issue 15, DOMAIN §4).

Every write checks ``EDIT_RECORDS``, validates the whole form at once (:class:`ValidationError`
with a Chinese :class:`FieldError` per field) and writes rows, the full-text index and one audit
entry in one unit of work; a signed record is refused (:func:`~dangqun.minutes.editing.
refuse_if_locked`) and is never deleted. Moving a meeting that has attendance is held to the
attendance rules (:func:`dangqun.minutes.attendance.refuse_absent_host`). Autosaved drafts are
local, per user and meeting, and not audited: they are nobody's record yet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import column, delete, select, table
from sqlalchemy.orm import Session

from dangqun.core.clock import utc_now
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.core.setting_definitions import registered_setting
from dangqun.core.settings import get_setting
from dangqun.minutes.attendance import refuse_absent_host
from dangqun.minutes.editing import (
    MEMBERS,
    ORGANIZATIONS,
    clean_text,
    find_meeting,
    optional_text,
    refuse_if_locked,
    refuse_if_not_started,
    reindex,
    required_text,
)
from dangqun.minutes.models import (
    AgendaItem,
    Attachment,
    AttachmentContent,
    AttendanceLine,
    Draft,
    Meeting,
    Speech,
)
from dangqun.minutes.record import attendance_views
from dangqun.minutes.resolutions import delete_resolutions
from dangqun.minutes.search import reindex_meeting
from dangqun.minutes.vocabulary import MEETING_TYPE_LABELS, MeetingStatus, MeetingType

DEFAULT_TIME_ZONE = "Asia/Shanghai"
_ZONE_SETTING = "bases_time_zone"
"""The center's wall-clock zone is one setting, kept by the bases module (DOMAIN §2); read by
key through the core registry, so this module imports nothing of bases."""
ROOMS = table("bases_rooms", column("id"), column("name"))


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
class SpeechEntry:
    speaker_name: str
    points: str
    speaker_member_id: int | None = None


@dataclass(frozen=True)
class AgendaEntry:
    title: str
    content: str | None = None
    speeches: tuple[SpeechEntry, ...] = ()


def _zone(session: Session) -> tuple[str, tzinfo]:
    definition = registered_setting(_ZONE_SETTING)
    name = str(get_setting(session, definition)) if definition else DEFAULT_TIME_ZONE
    try:
        return name, ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return name, timezone(timedelta(hours=8), name)


def _minute(value: time) -> int:
    return value.hour * 60 + value.minute


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


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
    values["place"] = required_text(errors, "place", "会议地点", form.place, 200)
    values["host_name"] = required_text(errors, "host_name", "主持人", form.host_name, 64)
    values["recorder_name"] = required_text(
        errors, "recorder_name", "记录人", form.recorder_name, 64
    )
    values["title"] = optional_text(errors, "title", "会议名称", form.title, 200)
    values["lecturer_name"] = optional_text(
        errors, "lecturer_name", "讲课人", form.lecturer_name, 64
    )
    values["topic"] = optional_text(errors, "topic", "主题", form.topic, 200)
    values["observers"] = optional_text(errors, "observers", "列席人员", form.observers, 2000)
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
        reindex(work, meeting)
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
        meeting = find_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        values = _checked_form(session, form)
        before = _meeting_values(meeting)
        for key, value in values.items():
            setattr(meeting, key, value)
        lines = attendance_views(session, meeting.id)
        if lines:
            refuse_if_not_started(meeting, now, "on_date")
            refuse_absent_host(meeting, lines)
        reindex(work, meeting)
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
        meeting = find_meeting(session, meeting_id)
        refuse_if_locked(meeting)
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
    delete_resolutions(session, meeting_id)


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
        required_text(errors, where, f"第 {index + 1} 项议程的标题", item.title, 200)
        optional_text(errors, where, f"第 {index + 1} 项议程的内容", item.content, 20000)
        for number, speech in enumerate(item.speeches, start=1):
            required_text(
                errors,
                where,
                f"第 {index + 1} 项议程第 {number} 个发言的发言人",
                speech.speaker_name,
                64,
            )
            required_text(
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
        meeting = find_meeting(session, meeting_id)
        refuse_if_locked(meeting)
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
                content=clean_text(item.content),
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
        reindex(work, meeting)
        work.audit(
            "minutes.agenda.update",
            "minutes_meeting",
            meeting.id,
            {"agenda": before},
            {"agenda": [item.title.strip() for item in items]},
        )
        work.commit()


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
