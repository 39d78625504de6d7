"""Signing, locking and correcting a record (DOMAIN §4: "later changes are dated
corrections").

The second signature (host and recorder, in either order) locks the record and stores the
SHA-256 of its content (:func:`dangqun.minutes.record.content_hash`; ``dangqun check``
recomputes it). A locked record takes only dated corrections with reason and author; the
original stays as signed. A meeting that has not started, or has no attendance, cannot be signed.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from dangqun.core.clock import local_today, utc_now
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.minutes.editing import (
    find_meeting,
    refuse_if_locked,
    refuse_if_not_started,
    reindex,
    required_text,
)
from dangqun.minutes.models import Correction, Signature
from dangqun.minutes.record import attendance_views, content_hash, read_meeting
from dangqun.minutes.vocabulary import SIGNATURE_ROLE_LABELS, MeetingStatus, SignatureRole


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
        meeting = find_meeting(session, meeting_id)
        refuse_if_locked(meeting)
        refuse_if_not_started(meeting, moment, "signature")
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
    cleaned_reason = required_text(errors, "reason", "更正原因", reason, 300)
    cleaned_text = required_text(errors, "text", "更正内容", text, 20000)
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        session = work.session
        meeting = find_meeting(session, meeting_id)
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
        reindex(work, meeting)
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
