"""One meeting's record read as plain data, its figures, and its content hash (issue 15).

:func:`read_meeting` reads a meeting in a fixed number of queries whatever its size (a meeting
of 200 attendees opens well under the issue's 100 ms). :func:`content_hash` is SHA-256 over a
canonical JSON of everything the signatures vouch for — header, attendance, agenda and speeches,
resolutions with votes and written opinions, attachments' SHA-256 and the signatures — computed
at lock and again by ``dangqun check``; corrections are outside it, being what may follow.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import column, select, table
from sqlalchemy.orm import Session

from dangqun.core.errors import NotFound
from dangqun.minutes.models import (
    AgendaItem,
    Attachment,
    AttendanceLine,
    Correction,
    Meeting,
    PersonalVote,
    Resolution,
    Signature,
    Speech,
    WrittenOpinion,
)
from dangqun.minutes.vocabulary import AttendanceStatus

ORGANIZATIONS = table("organizations", column("id"), column("name"))


@dataclass(frozen=True)
class AttendanceView:
    member_id: int
    name: str
    voting: bool
    probationary: bool
    observer: bool
    status: str
    reason: str | None
    reason_note: str | None
    makeup_on: date | None
    makeup_notes: str | None


@dataclass(frozen=True)
class SpeechView:
    speaker_member_id: int | None
    speaker_name: str
    points: str


@dataclass(frozen=True)
class AgendaItemView:
    title: str
    content: str | None
    speeches: tuple[SpeechView, ...]


@dataclass(frozen=True)
class OpinionView:
    member_id: int
    vote: str
    submitted_on: date
    text: str | None


@dataclass(frozen=True)
class ResolutionView:
    id: int
    decision_kind: str
    text: str
    on_admission: bool
    voted: bool
    yes: int | None
    no: int | None
    abstain: int | None
    should_attend: int | None
    present: int | None
    may_vote: bool | None
    passed: bool | None
    rule: str | None
    explanation: str | None
    votes: tuple[tuple[int, str], ...]
    """``(member_id, vote)`` when typed per person; empty when typed as tallies."""
    opinions: tuple[OpinionView, ...]


@dataclass(frozen=True)
class AttachmentView:
    id: int
    file_name: str
    stored_path: str
    size: int
    sha256: str
    caption: str | None


@dataclass(frozen=True)
class SignatureView:
    role: str
    signer_name: str
    signed_at: datetime
    entered_by: str


@dataclass(frozen=True)
class CorrectionView:
    id: int
    made_on: date
    reason: str
    text: str
    author: str
    recorded_at: datetime


@dataclass(frozen=True)
class Figures:
    """The attendance figures of a record (DOMAIN §4: expected and actual attendance)."""

    should_attend: int
    """应到: every line on the list but observers and those left out with a recorded reason."""
    present: int
    voting_should_attend: int
    """应到有表决权党员 — what :func:`dangqun.minutes.quorum.judge` is given."""
    voting_present: int
    absent: int
    on_leave: int
    excused: int
    observers: int

    @property
    def rate(self) -> float | None:
        """出席率 (present / should attend), None for a list that expects nobody."""
        return self.present / self.should_attend if self.should_attend else None


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    uuid: str
    organization_id: int
    organization_name: str
    meeting_type: str
    title: str | None
    on_date: date
    start_minute: int
    end_minute: int
    time_zone: str
    place: str
    room_id: int | None
    host_member_id: int | None
    host_name: str
    recorder_member_id: int | None
    recorder_name: str
    lecturer_name: str | None
    topic: str | None
    observers: str | None
    status: str
    locked_at: datetime | None
    content_hash: str | None
    attendance: tuple[AttendanceView, ...]
    agenda: tuple[AgendaItemView, ...]
    resolutions: tuple[ResolutionView, ...]
    attachments: tuple[AttachmentView, ...]
    signatures: tuple[SignatureView, ...]
    corrections: tuple[CorrectionView, ...]
    figures: Figures


def figures_of(lines: tuple[AttendanceView, ...] | list[AttendanceView]) -> Figures:
    listed = [line for line in lines if not line.observer]
    counted = [line for line in listed if line.status != AttendanceStatus.EXCUSED.value]
    present = [line for line in counted if line.status == AttendanceStatus.PRESENT.value]
    return Figures(
        should_attend=len(counted),
        present=len(present),
        voting_should_attend=sum(1 for line in counted if line.voting),
        voting_present=sum(1 for line in present if line.voting),
        absent=sum(1 for line in counted if line.status == AttendanceStatus.ABSENT.value),
        on_leave=sum(1 for line in counted if line.status == AttendanceStatus.LEAVE.value),
        excused=len(listed) - len(counted),
        observers=len(lines) - len(listed),
    )


def attendance_views(session: Session, meeting_id: int) -> tuple[AttendanceView, ...]:
    return tuple(
        AttendanceView(
            member_id=line.member_id,
            name=line.name,
            voting=line.voting,
            probationary=line.probationary,
            observer=line.observer,
            status=line.status,
            reason=line.reason,
            reason_note=line.reason_note,
            makeup_on=line.makeup_on,
            makeup_notes=line.makeup_notes,
        )
        for line in session.scalars(
            select(AttendanceLine)
            .where(AttendanceLine.meeting_id == meeting_id)
            .order_by(AttendanceLine.observer, AttendanceLine.position, AttendanceLine.id)
        )
    )


def read_meeting(session: Session, meeting_id: int) -> MeetingDetail:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(f"会议记录 {meeting_id} 不存在（可能已被删除）")
    organization_name = session.execute(
        select(ORGANIZATIONS.c.name).where(ORGANIZATIONS.c.id == meeting.organization_id)
    ).scalar_one_or_none()
    attendance = attendance_views(session, meeting_id)
    items = session.scalars(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
    ).all()
    speeches: dict[int, list[SpeechView]] = {item.id: [] for item in items}
    if items:
        for speech in session.scalars(
            select(Speech)
            .where(Speech.agenda_item_id.in_(list(speeches)))
            .order_by(Speech.agenda_item_id, Speech.position)
        ):
            speeches[speech.agenda_item_id].append(
                SpeechView(speech.speaker_member_id, speech.speaker_name, speech.points)
            )
    resolutions = session.scalars(
        select(Resolution).where(Resolution.meeting_id == meeting_id).order_by(Resolution.position)
    ).all()
    votes: dict[int, list[tuple[int, str]]] = {resolution.id: [] for resolution in resolutions}
    opinions: dict[int, list[OpinionView]] = {resolution.id: [] for resolution in resolutions}
    if resolutions:
        for vote in session.scalars(
            select(PersonalVote)
            .where(PersonalVote.resolution_id.in_(list(votes)))
            .order_by(PersonalVote.resolution_id, PersonalVote.member_id)
        ):
            votes[vote.resolution_id].append((vote.member_id, vote.vote))
        for opinion in session.scalars(
            select(WrittenOpinion)
            .where(WrittenOpinion.resolution_id.in_(list(opinions)))
            .order_by(WrittenOpinion.resolution_id, WrittenOpinion.member_id)
        ):
            opinions[opinion.resolution_id].append(
                OpinionView(opinion.member_id, opinion.vote, opinion.submitted_on, opinion.text)
            )
    return MeetingDetail(
        id=meeting.id,
        uuid=meeting.uuid,
        organization_id=meeting.organization_id,
        organization_name=organization_name or "",
        meeting_type=meeting.meeting_type,
        title=meeting.title,
        on_date=meeting.on_date,
        start_minute=meeting.start_minute,
        end_minute=meeting.end_minute,
        time_zone=meeting.time_zone,
        place=meeting.place,
        room_id=meeting.room_id,
        host_member_id=meeting.host_member_id,
        host_name=meeting.host_name,
        recorder_member_id=meeting.recorder_member_id,
        recorder_name=meeting.recorder_name,
        lecturer_name=meeting.lecturer_name,
        topic=meeting.topic,
        observers=meeting.observers,
        status=meeting.status,
        locked_at=meeting.locked_at,
        content_hash=meeting.content_hash,
        attendance=attendance,
        agenda=tuple(
            AgendaItemView(item.title, item.content, tuple(speeches[item.id])) for item in items
        ),
        resolutions=tuple(
            ResolutionView(
                id=resolution.id,
                decision_kind=resolution.decision_kind,
                text=resolution.text,
                on_admission=resolution.on_admission,
                voted=resolution.voted,
                yes=resolution.yes_count,
                no=resolution.no_count,
                abstain=resolution.abstain_count,
                should_attend=resolution.should_attend,
                present=resolution.present,
                may_vote=resolution.may_vote,
                passed=resolution.passed,
                rule=resolution.rule,
                explanation=resolution.explanation,
                votes=tuple(votes[resolution.id]),
                opinions=tuple(opinions[resolution.id]),
            )
            for resolution in resolutions
        ),
        attachments=tuple(
            AttachmentView(a.id, a.file_name, a.stored_path, a.size, a.sha256, a.caption)
            for a in session.scalars(
                select(Attachment)
                .where(Attachment.meeting_id == meeting_id)
                .order_by(Attachment.id)
            )
        ),
        signatures=tuple(
            SignatureView(s.role, s.signer_name, s.signed_at, s.entered_by)
            for s in session.scalars(
                select(Signature).where(Signature.meeting_id == meeting_id).order_by(Signature.role)
            )
        ),
        corrections=tuple(
            CorrectionView(c.id, c.made_on, c.reason, c.text, c.author, c.created_at)
            for c in session.scalars(
                select(Correction)
                .where(Correction.meeting_id == meeting_id)
                .order_by(Correction.made_on, Correction.id)
            )
        ),
        figures=figures_of(attendance),
    )


def content_hash(detail: MeetingDetail) -> str:
    """SHA-256 (hex) of what the signatures vouch for (see the module docstring)."""
    content: dict[str, Any] = _plain(detail)
    for key in (
        "id",
        "organization_name",
        "status",
        "locked_at",
        "content_hash",
        "corrections",
        "figures",
    ):
        content.pop(key)
    content["attachments"] = [
        {"file_name": a["file_name"], "sha256": a["sha256"], "size": a["size"]}
        for a in content["attachments"]
    ]
    for resolution in content["resolutions"]:
        resolution.pop("id")
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copy of every leaf (the values are immutable
    here): the same JSON, in a third of the time — ``dangqun check`` hashes every signed record
    and the demo hashes hundreds."""
    names = _field_names(type(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    if kind not in _FIELD_NAMES:
        _FIELD_NAMES[kind] = (
            tuple(field.name for field in fields(kind)) if is_dataclass(kind) else None
        )
    return _FIELD_NAMES[kind]
