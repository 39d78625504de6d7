"""What every write of a minutes record shares (issue 15 "Rules and bad input", DOMAIN §4):
finding the meeting, the two refusals that guard a record, cleaning and bounding typed text,
and keeping the full-text index in step within the write's own unit of work.

* A locked record (host and recorder have signed) refuses edits; later changes are dated
  corrections (:func:`dangqun.minutes.signing.add_correction`), the original never rewritten
  (:func:`refuse_if_locked`).
* A meeting that has not started yet cannot have attendance, resolutions or signatures
  (:func:`refuse_if_not_started`, judged on the center's wall clock stored with the meeting).

Used by :mod:`~dangqun.minutes.meetings`, :mod:`~dangqun.minutes.attendance`,
:mod:`~dangqun.minutes.resolutions`, :mod:`~dangqun.minutes.attachments` and
:mod:`~dangqun.minutes.signing`; it imports none of them.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import column, table
from sqlalchemy.orm import Session

from dangqun.core.clock import utc_now
from dangqun.core.errors import FieldError, NotFound, ValidationError
from dangqun.minutes.models import Meeting
from dangqun.minutes.search import reindex_meeting
from dangqun.minutes.vocabulary import MeetingStatus

ORGANIZATIONS = table("organizations", column("id"), column("name"), column("level"))
MEMBERS = table("members", column("id"), column("name"))
NOT_YET = "会议还没有开始，不能登记"


def meeting_start(meeting: Meeting) -> datetime:
    """When the meeting starts, on the wall clock of the zone stored with it (times are local
    date + minutes, as bookings are; a zone unknown to this machine is read as UTC+8)."""
    try:
        zone: tzinfo = ZoneInfo(meeting.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = timezone(timedelta(hours=8), meeting.time_zone)
    start = time(meeting.start_minute // 60, meeting.start_minute % 60)
    return datetime.combine(meeting.on_date, start, tzinfo=zone)


def find_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting, or :class:`NotFound` with a Chinese message (never a traceback)."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"会议记录 {meeting_id} 不存在（可能已被删除）")
    return meeting


def refuse_if_locked(meeting: Meeting) -> None:
    """A locked record refuses edits (DOMAIN §4: "later changes are dated corrections")."""
    if meeting.status == MeetingStatus.SIGNED.value:
        raise ValidationError.single(
            "status", "会议记录已签字锁定，不能再修改；如需补充或更正，请添加更正说明"
        )


def refuse_if_not_started(meeting: Meeting, now: datetime | None, field_name: str) -> None:
    """A meeting in the future cannot have attendance (issue 15)."""
    if meeting_start(meeting) > (now or utc_now()):
        raise ValidationError.single(field_name, f"{NOT_YET}（会议 {meeting.on_date} 尚未开始）")


def clean_text(value: str | None) -> str | None:
    """Typed text without surrounding blanks; None when nothing is left."""
    cleaned = (value or "").strip()
    return cleaned or None


def required_text(
    errors: list[FieldError], name: str, label: str, value: str | None, limit: int
) -> str:
    """Cleaned text that must be there and fit ``limit`` characters; a problem is added to
    ``errors`` as a :class:`FieldError` naming ``label``, so a form reports everything at once."""
    cleaned = clean_text(value)
    if cleaned is None:
        errors.append(FieldError(name, f"请填写{label}"))
        return ""
    if len(cleaned) > limit:
        errors.append(FieldError(name, f"{label}不能超过 {limit} 个字"))
    return cleaned


def optional_text(
    errors: list[FieldError], name: str, label: str, value: str | None, limit: int
) -> str | None:
    """Cleaned text that may be empty but must fit ``limit`` characters (see
    :func:`required_text`)."""
    cleaned = clean_text(value)
    if cleaned is not None and len(cleaned) > limit:
        errors.append(FieldError(name, f"{label}不能超过 {limit} 个字"))
    return cleaned


def reindex(work: Any, meeting: Meeting) -> None:
    """Bring the meeting's search index rows up to date inside the write's unit of work, so
    the index never lags a committed record (:mod:`dangqun.minutes.search`)."""
    reindex_meeting(work.session, meeting.id)
