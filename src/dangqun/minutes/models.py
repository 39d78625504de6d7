"""Tables of the minutes module (DOMAIN.md §4, issue 15); created by migration 0008.

Synced (:class:`SyncedRecord`, they travel to the district — "三会一课线上调阅"):

* ``minutes_meetings``: one meeting of an organization (branch, group or the community
  organization, ``organizations.id``): type, local date and wall-clock minutes with the zone's
  name (as bases stores bookings, DOMAIN §2), place text and an optional base room, host,
  recorder, lecturer and topic (党课), observers who are not members, status and, once locked,
  the content hash.
* ``minutes_attendance``: the list as of the meeting date, each line a member with the facts of
  that date (voting, probationary) copied in, so a later 转正 or transfer never changes an old
  record; status, reason, the recorded reason for leaving a member out of 应到, and 补课.
* ``minutes_agenda_items`` and ``minutes_speeches`` (main points of each speech).
* ``minutes_resolutions`` with ``minutes_votes`` (per-person votes, optional) and
  ``minutes_written_opinions`` (submitted before the meeting where the rules allow); the verdict
  of :func:`dangqun.minutes.quorum.judge` and its rule text are stored with the resolution.
* ``minutes_attachments`` (name, size, SHA-256, the file's place under ``attachments/``),
  ``minutes_signatures`` and ``minutes_corrections`` (dated addenda; the original is never
  rewritten).

Local only (plain :class:`Base`, never in a sync package):

* ``minutes_attachment_contents``: the attachment's bytes, so the SQLite online backup
  (:mod:`dangqun.core.backup`, which copies the database file only) carries them and a restore
  brings them back; the file under ``attachments/`` is the copy the system viewer opens and is
  written again from here when missing.
* ``minutes_drafts``: what a user was typing (autosave), per user and meeting.

The full-text index ``minutes_search`` (FTS5, trigram) is derived data, not a model: see
:mod:`dangqun.minutes.search`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

import dangqun.minutes.minutes_settings  # noqa: F401  (registers the settings with the schema)
from dangqun.core.model_base import Base, SyncedRecord, UTCDateTime


class Meeting(SyncedRecord, Base):
    __tablename__ = "minutes_meetings"
    __table_args__ = (
        Index("ix_minutes_meetings_organization", "organization_id", "on_date", "meeting_type"),
        Index("ix_minutes_meetings_date", "on_date", "meeting_type"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    meeting_type: Mapped[str] = mapped_column(String(24))
    title: Mapped[str | None] = mapped_column(String(200))
    on_date: Mapped[date] = mapped_column(Date)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    time_zone: Mapped[str] = mapped_column(String(64))
    place: Mapped[str] = mapped_column(String(200))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("bases_rooms.id"))
    host_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    host_name: Mapped[str] = mapped_column(String(64))
    recorder_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    recorder_name: Mapped[str] = mapped_column(String(64))
    lecturer_name: Mapped[str | None] = mapped_column(String(64))
    topic: Mapped[str | None] = mapped_column(String(200))
    observers: Mapped[str | None] = mapped_column(Text)
    """列席 who are not members (names and units, as typed)."""
    status: Mapped[str] = mapped_column(String(16))
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    """SHA-256 of the record's canonical content at lock (:func:`dangqun.minutes.record.content_hash`)."""


class AttendanceLine(SyncedRecord, Base):
    __tablename__ = "minutes_attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id"),
        Index("ix_minutes_attendance_member", "member_id", "meeting_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("minutes_meetings.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    name: Mapped[str] = mapped_column(String(64))
    voting: Mapped[bool] = mapped_column(Boolean)
    probationary: Mapped[bool] = mapped_column(Boolean)
    observer: Mapped[bool] = mapped_column(Boolean, default=False)
    """列席: present but not on the roster of the date, so never counted in 应到 or 实到."""
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(16))
    reason_note: Mapped[str | None] = mapped_column(String(200))
    """For 不计入应到 the recorded reason (长期患病, 外出六个月以上); otherwise free notes."""
    makeup_on: Mapped[date | None] = mapped_column(Date)
    makeup_notes: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)


class AgendaItem(SyncedRecord, Base):
    __tablename__ = "minutes_agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("minutes_meetings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[str | None] = mapped_column(Text)


class Speech(SyncedRecord, Base):
    __tablename__ = "minutes_speeches"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("minutes_agenda_items.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    speaker_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    speaker_name: Mapped[str] = mapped_column(String(64))
    points: Mapped[str] = mapped_column(Text)


class Resolution(SyncedRecord, Base):
    __tablename__ = "minutes_resolutions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("minutes_meetings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    decision_kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    on_admission: Mapped[bool] = mapped_column(Boolean, default=False)
    """A vote on admitting (or confirming) a member: written opinions count (发展党员工作细则)."""
    voted: Mapped[bool] = mapped_column(Boolean)
    """False for a conclusion recorded without a vote (meeting types that do not vote)."""
    yes_count: Mapped[int | None] = mapped_column(Integer)
    no_count: Mapped[int | None] = mapped_column(Integer)
    abstain_count: Mapped[int | None] = mapped_column(Integer)
    should_attend: Mapped[int | None] = mapped_column(Integer)
    present: Mapped[int | None] = mapped_column(Integer)
    may_vote: Mapped[bool | None] = mapped_column(Boolean)
    passed: Mapped[bool | None] = mapped_column(Boolean)
    rule: Mapped[str | None] = mapped_column(Text)
    explanation: Mapped[str | None] = mapped_column(Text)


class PersonalVote(SyncedRecord, Base):
    __tablename__ = "minutes_votes"
    __table_args__ = (UniqueConstraint("resolution_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resolution_id: Mapped[int] = mapped_column(ForeignKey("minutes_resolutions.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    vote: Mapped[str] = mapped_column(String(8))


class WrittenOpinion(SyncedRecord, Base):
    __tablename__ = "minutes_written_opinions"
    __table_args__ = (UniqueConstraint("resolution_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resolution_id: Mapped[int] = mapped_column(ForeignKey("minutes_resolutions.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    vote: Mapped[str] = mapped_column(String(8))
    submitted_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str | None] = mapped_column(Text)


class Attachment(SyncedRecord, Base):
    __tablename__ = "minutes_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("minutes_meetings.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    stored_path: Mapped[str] = mapped_column(String(300))
    """Relative to the data directory: ``attachments/<meeting uuid>/<sha256><suffix>``."""
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    caption: Mapped[str | None] = mapped_column(String(200))


class AttachmentContent(Base):
    """The bytes of an attachment (local only; see the module docstring)."""

    __tablename__ = "minutes_attachment_contents"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("minutes_attachments.id"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Signature(SyncedRecord, Base):
    __tablename__ = "minutes_signatures"
    __table_args__ = (UniqueConstraint("meeting_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("minutes_meetings.id"))
    role: Mapped[str] = mapped_column(String(16))
    signer_name: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    entered_by: Mapped[str] = mapped_column(String(64))
    """The user who recorded the signature (the host signs on paper or at the desk)."""


class Correction(SyncedRecord, Base):
    __tablename__ = "minutes_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("minutes_meetings.id"), index=True)
    made_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    author_user_id: Mapped[int | None] = mapped_column(Integer)


class Draft(Base):
    """Autosaved typing (local only): one row per user and meeting (0 = a new meeting)."""

    __tablename__ = "minutes_drafts"
    __table_args__ = (UniqueConstraint("username", "meeting_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    meeting_key: Mapped[int] = mapped_column(Integer)
    payload_json: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)
