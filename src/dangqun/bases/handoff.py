"""The hand-off to the time bank (issue 14, "Hand-offs"): a completed booking whose lecturer
is a time-bank volunteer gives that volunteer a service record for the visit.

One click drafts the record from the booking — the volunteer, the day and times of the slot,
the content from the menu items, the visiting organization as the beneficiary (服务对象类型
阵地预约) and the booking number as the slip number — and the user reviews it in a dialog
before it is saved through :func:`dangqun.timebank.service.record_service`, as 待核实 like any
other record (issue 13: minutes are earned only when verified). The slip number makes the
hand-off once only: the time bank refuses a slip number already entered.

Only when the time bank is part of this dangqun (a registered feature) and the lecturer is a
volunteer is there anything to hand off: :func:`handoff_draft` returns None otherwise, and the
UI shows no button. The draft meeting record (会议记录) for a visiting branch is
:mod:`dangqun.minutes.handoff`: minutes sits above bases in the layers, so it reads the booking,
never the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from dangqun import features
from dangqun.bases.models import Booking, BookingItem, Lecturer, MenuItem, Organization
from dangqun.bases.schedule import time_of
from dangqun.bases.vocabulary import BOOKING_STATUS_LABELS, BookingStatus
from dangqun.core.db import Database
from dangqun.core.errors import NotFound, ValidationError
from dangqun.core.security import Actor, Permission

TIMEBANK_FEATURE = "timebank"
DEFAULT_CATEGORY = "其他"
"""The time bank's category a lecture falls under unless the user picks another (a lecture is
none of 养老助老, 环境整治 …; the seeded catalogue has 其他)."""


@dataclass(frozen=True)
class HandoffDraft:
    """The service record a booking would give its lecturer, for the user to review."""

    booking_id: int
    booking_number: str
    volunteer_id: int
    lecturer: str
    served_on: date
    starts_at: time
    ends_at: time
    beneficiary: str
    content: str
    categories: tuple[tuple[int, str], ...]
    """Active time bank categories (id, name), for the dialog's choice."""
    category_id: int | None
    """The suggested one: :data:`DEFAULT_CATEGORY` when there, else the first."""
    already_recorded: bool
    """The booking's slip number is already in the time bank: nothing more to hand off."""


def timebank_registered() -> bool:
    """Whether the time bank is part of this dangqun (features are declared, not assumed)."""
    return any(feature.key == TIMEBANK_FEATURE for feature in features.registered_features())


def handoff_possible(database: Database, actor: Actor, booking_id: int) -> bool:
    """Whether the booking's 登记志愿服务 button is shown: the time bank is registered, the
    booking is 已完成 and its lecturer is a volunteer (no button that can only fail)."""
    actor.require(Permission.VIEW)
    if not timebank_registered():
        return False
    with database.reading() as session:
        found = session.execute(
            select(Lecturer.volunteer_id)
            .join(Booking, Booking.lecturer_id == Lecturer.id)
            .where(Booking.id == booking_id, Booking.status == BookingStatus.COMPLETED.value)
        ).scalar_one_or_none()
    return found is not None


def handoff_draft(database: Database, actor: Actor, booking_id: int) -> HandoffDraft | None:
    """The draft record for ``booking_id``, or None when there is nothing to hand off (no time
    bank, no lecturer, or a lecturer who is not a volunteer). A booking that is not 已完成
    yet is refused with the reason."""
    actor.require(Permission.VIEW)
    if not timebank_registered():
        return None
    from dangqun.timebank import service as timebank

    with database.reading() as session:
        booking = session.get(Booking, booking_id)
        if booking is None:
            raise NotFound(f"预约（编号 {booking_id}）不存在")
        lecturer = session.get(Lecturer, booking.lecturer_id) if booking.lecturer_id else None
        if lecturer is None or lecturer.volunteer_id is None:
            return None
        if booking.status != BookingStatus.COMPLETED.value:
            label = BOOKING_STATUS_LABELS[BookingStatus(booking.status)]
            raise ValidationError.single(
                "status", f"预约 {booking.number} 现在是“{label}”，完成后才能登记讲师的志愿服务"
            )
        items = session.execute(
            select(MenuItem.name, MenuItem.description)
            .join(BookingItem, BookingItem.menu_item_id == MenuItem.id)
            .where(BookingItem.booking_id == booking.id)
            .order_by(BookingItem.id)
        ).all()
        organization = session.get(Organization, booking.organization_id)
        assert organization is not None  # a foreign key
        number, served_on = booking.number, booking.on_date
        start, end, volunteer_id = booking.start_minute, booking.end_minute, lecturer.volunteer_id
    volunteer = timebank.get_volunteer(database, actor, volunteer_id)
    categories = tuple(
        (category.id, category.name) for category in timebank.list_categories(database, actor)
    )
    suggested = next((cid for cid, name in categories if name == DEFAULT_CATEGORY), None)
    recorded = timebank.list_service_records(
        database,
        actor,
        timebank.RecordQuery(volunteer_id=volunteer_id, start=served_on, end=served_on),
    )
    content = "；".join(
        f"{name}：{description}" if description else name for name, description in items
    )
    return HandoffDraft(
        booking_id=booking_id,
        booking_number=number,
        volunteer_id=volunteer_id,
        lecturer=volunteer.name,
        served_on=served_on,
        starts_at=time_of(start),
        ends_at=time_of(end),
        beneficiary=organization.name,
        content=f"阵地预约 {number} 讲师：{content or '讲课'}",
        categories=categories,
        category_id=suggested
        if suggested is not None
        else (categories[0][0] if categories else None),
        already_recorded=any(row.slip_number == number for row in recorded.rows),
    )


def record_handoff(
    database: Database,
    actor: Actor,
    draft: HandoffDraft,
    *,
    category_id: int,
    content: str,
    notes: str | None = None,
    now: datetime | None = None,
) -> int:
    """Save the reviewed draft as the lecturer's service record (待核实); returns its id.

    The volunteer, day, times, beneficiary and slip number come from the booking and are not
    editable (the record must match the visit); the category, content and notes are the
    user's. One transaction: :func:`dangqun.timebank.service.record_service`, which checks
    the role, the volunteer, the daily cap and the slip number, and writes the audit entry."""
    from dangqun.timebank import service as timebank

    form = timebank.ServiceForm(
        volunteer_id=draft.volunteer_id,
        category_id=category_id,
        served_on=draft.served_on,
        starts_at=draft.starts_at,
        ends_at=draft.ends_at,
        beneficiary_kind=timebank.BeneficiaryKind.BASE_BOOKING,
        beneficiary=draft.beneficiary,
        content=content,
        slip_number=draft.booking_number,
        notes=notes,
    )
    return timebank.record_service(database, actor, form, now=now).id


__all__ = [
    "DEFAULT_CATEGORY",
    "HandoffDraft",
    "handoff_draft",
    "handoff_possible",
    "record_handoff",
    "timebank_registered",
]
