"""Bookings (issue 14, "Bookings", "Rules", "Bad input"): taking, moving, cancelling, the
status path 待确认 → 已确认 → 已签到 → 已完成 (or 已取消 / 未到), recurring series and check-in.

The write path of every booking is one unit of work: permission → the form's own checks → in
the ``BEGIN IMMEDIATE`` transaction, the rules of :mod:`dangqun.bases.rules` against the
bookings already held → the rows (booking, its menu items, the materials it holds) and the
audit entry → commit. A refusal raises :class:`~dangqun.core.errors.ValidationError` whose
fields are the form's, in Chinese, and nothing is written.

Choosing menu items books the room, a lecturer and the materials together, or nothing: the
lecturer is the one asked for, or else the first of the lecturers able to give every chosen
item who is free then; the materials are those the items need.

A series (:func:`book_series`) creates, in one transaction, every date of its rule that passes
the rules and returns every other date with its reason; a skipped date can be added later
(:func:`add_series_date`). Each occurrence is an ordinary booking: editing or cancelling one
leaves the others alone. Dates come from the rule as local dates and every occurrence keeps
the template's local times, so a series never drifts.

A booking's 介绍信 scan is kept in the database (``bases_booking_letters``, migration 0010), so
a backup — a copy of the SQLite file — carries it and a restore brings it back. It is written
in the same transaction as the booking or the change that brings it (nothing is left behind
when that fails), read from disk before the transaction so no 20 MB read holds the write lock,
and its type is judged by content (``%PDF``, the PNG and JPEG signatures), not by its name.
Every role sees that a letter is there, its name and size; its content only an actor who may
see personal data (:func:`booking_letter`): the scan shows the visiting unit's people and
cannot be masked (ARCHITECTURE "Personal data"), so each opening is audited like any other
request for full personal data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangqun.bases.fields import optional_text, phone_number, required_text, whole_number
from dangqun.bases.models import (
    Attendee,
    Booking,
    BookingItem,
    BookingLetter,
    BookingMaterial,
    Lecturer,
    MenuItem,
    MenuLecturer,
    MenuMaterial,
    Organization,
    Room,
    Series,
)
from dangqun.bases.rules import (
    Finding,
    RuleContext,
    SlotRequest,
    base_is_retired,
    calendar_findings,
    lecturer_clashes,
    occupancy_findings,
    rule_context,
)
from dangqun.bases.schedule import RecurrenceRule, clock_text, local_instant, minute_of
from dangqun.bases.vocabulary import (
    BOOKING_NUMBER_PREFIX,
    BOOKING_STATUS_LABELS,
    MOVABLE_STATUSES,
    OCCUPYING_STATUSES,
    ORGANIZATION_TYPE_LABELS,
    BookingStatus,
    Channel,
    OrganizationType,
    Problem,
    RecurrenceKind,
)
from dangqun.core.clock import utc_now
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotFound, ValidationError
from dangqun.core.parsing import check_name
from dangqun.core.privacy import PersonalField, is_masked_form_of
from dangqun.core.security import Actor, Permission

MAX_HEADCOUNT = 2000
MAX_SERIES_DATES = 400
LETTER_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")
LETTER_MAX_BYTES = 20 * 1024 * 1024
LETTER_SIGNATURES = (
    (b"%PDF", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
"""What a scan's first bytes must be: the file's content decides, not its suffix."""
LETTER_FLAG_PREFIX = "sha256:"
"""``Booking.letter_path`` of a booking with a letter: this prefix and the letter's SHA-256."""


@dataclass(frozen=True)
class BookingForm:
    """What taking (or changing) a booking needs. Times are the center's local wall-clock
    times on ``on_date``; a slot may not run past midnight (``ends_next_day`` says the user
    meant it to: refused with its own message)."""

    room_id: int
    on_date: date
    starts_at: time
    ends_at: time
    headcount: int
    organization: str
    org_type: OrganizationType
    contact: str
    phone: str
    menu_item_ids: tuple[int, ...] = ()
    lecturer_id: int | None = None
    channel: Channel = Channel.PHONE
    ends_next_day: bool = False
    letter_file: Path | None = None
    """A 介绍信 scan to keep with the booking (PDF, JPEG or PNG, at most 20 MB); on a change
    (:func:`update_booking`) it replaces the letter the booking had, None keeps it."""
    notes: str | None = None
    confirmed: bool = False
    """True: the booking is 已确认 at once (taken in person with the letter in hand)."""


@dataclass(frozen=True)
class SeriesForm:
    """A recurring booking: the rule, its date range (inclusive) and the booking every date
    copies (``template.on_date`` is ignored)."""

    rule: RecurrenceRule
    starts_on: date
    ends_on: date
    template: BookingForm


@dataclass(frozen=True)
class SkippedDate:
    on_date: date
    problem: Problem
    message: str


@dataclass(frozen=True)
class SeriesResult:
    series_id: int
    booking_ids: tuple[int, ...]
    numbers: tuple[str, ...]
    skipped: tuple[SkippedDate, ...]


@dataclass(frozen=True)
class AttendeeForm:
    """A named attendee: a member (``member_id``, found with the member search) or a visitor
    whose name is typed in."""

    member_id: int | None = None
    name: str | None = None


@dataclass(frozen=True)
class CheckInForm:
    headcount: int
    attendees: tuple[AttendeeForm, ...] = ()


@dataclass
class _Plan:
    """A booking resolved against the database, everything but its date."""

    room: Room
    start_minute: int
    end_minute: int
    headcount: int
    organization: Organization
    contact: str
    phone: str
    channel: Channel
    items: list[MenuItem]
    lecturer_ids: list[int] | None
    """Lecturers who may give the booking (the one asked for, or those able to give every
    chosen item); None when no lecturer is needed."""
    materials: dict[int, int]
    notes: str | None
    letter: Path | None
    status: BookingStatus


# ---------------------------------------------------------------- the form's own checks


def _form_errors(form: BookingForm) -> tuple[list[FieldError], dict[str, object]]:
    """Checks needing no database: times, headcount, organization, contact, phone, letter."""
    errors: list[FieldError] = []
    start, end = minute_of(form.starts_at), minute_of(form.ends_at)
    if form.ends_next_day:
        errors.append(FieldError("ends_at", "预约时段不能跨过午夜：请在当天结束，第二天另行预约"))
    elif end <= start:
        errors.append(
            FieldError(
                "ends_at",
                f"结束时间 {clock_text(end)} 必须晚于开始时间 {clock_text(start)}"
                "（预约时段不能跨过午夜）",
            )
        )
    values: dict[str, object] = {
        "headcount": whole_number(
            errors, "headcount", "预计人数", form.headcount, 1, MAX_HEADCOUNT
        ),
        "organization": required_text(
            errors, "organization", "来访组织名称", form.organization, 100
        ),
        "contact": required_text(errors, "contact", "联系人", form.contact, 64),
        "phone": phone_number(errors, "phone", "联系电话", form.phone, required=True),
        "notes": optional_text(errors, "notes", "备注", form.notes, 2000),
    }
    if not isinstance(form.org_type, OrganizationType):
        errors.append(
            FieldError("org_type", "请选择来访组织类型（支部、驻区单位、两新组织、流动党员小组）")
        )
    if not isinstance(form.channel, Channel):
        errors.append(FieldError("channel", "请选择预约方式（电话、现场、线上）"))
    if form.letter_file is not None:
        problem = _letter_problem(Path(form.letter_file))
        if problem is not None:
            errors.append(FieldError("letter_file", problem))
    return errors, values


def _plan(session: Session, form: BookingForm) -> _Plan | list[FieldError]:
    """The booking resolved against the database, or every error found (form and database)."""
    errors, values = _form_errors(form)
    room = session.get(Room, form.room_id) if isinstance(form.room_id, int) else None
    if room is None:
        errors.append(FieldError("room_id", f"活动室（编号 {form.room_id}）不存在"))
    elif room.retired or base_is_retired(session, room.base_id):
        errors.append(FieldError("room_id", f"活动室“{room.name}”已停用，不能预约"))
    headcount = int(values["headcount"]) if isinstance(values["headcount"], int) else 0
    if room is not None and headcount > room.capacity:
        errors.append(
            FieldError(
                "headcount",
                f"预计人数 {headcount} 超过活动室“{room.name}”的容纳人数 {room.capacity}",
            )
        )
    organization = None
    if isinstance(form.org_type, OrganizationType) and values["organization"]:
        organization = session.scalar(
            select(Organization).where(Organization.name == values["organization"])
        )
        if organization is not None and organization.org_type != form.org_type.value:
            registered = ORGANIZATION_TYPE_LABELS[OrganizationType(organization.org_type)]
            errors.append(
                FieldError(
                    "org_type",
                    f"来访组织“{organization.name}”已登记为{registered}，组织类型应一致",
                )
            )
        if organization is None:
            organization = Organization(
                name=values["organization"],
                org_type=form.org_type.value,
                contact=values["contact"] or None,
                phone=values["phone"],
            )
    items, lecturer_ids, materials = _menu(session, form, room, headcount, errors)
    if errors or room is None or organization is None:
        return errors
    return _Plan(
        room=room,
        start_minute=minute_of(form.starts_at),
        end_minute=minute_of(form.ends_at),
        headcount=headcount,
        organization=organization,
        contact=str(values["contact"]),
        phone=str(values["phone"]),
        channel=form.channel,
        items=items,
        lecturer_ids=lecturer_ids,
        materials=materials,
        notes=values["notes"],  # type: ignore[arg-type]
        letter=Path(form.letter_file) if form.letter_file is not None else None,
        status=BookingStatus.CONFIRMED if form.confirmed else BookingStatus.PENDING,
    )


def _menu(
    session: Session,
    form: BookingForm,
    room: Room | None,
    headcount: int,
    errors: list[FieldError],
) -> tuple[list[MenuItem], list[int] | None, dict[int, int]]:
    """The chosen menu items (group size, base, duration), the lecturers who may give the
    booking, and the materials it needs."""
    items: list[MenuItem] = []
    for item_id in dict.fromkeys(form.menu_item_ids):
        item = session.get(MenuItem, item_id)
        if item is None or item.retired:
            errors.append(FieldError("menu_item_ids", f"特色菜单（编号 {item_id}）不存在或已停用"))
            continue
        if room is not None and item.base_id != room.base_id:
            errors.append(FieldError("menu_item_ids", f"特色菜单“{item.name}”不属于这个阵地"))
            continue
        if headcount and not item.min_group <= headcount <= item.max_group:
            errors.append(
                FieldError(
                    "headcount",
                    f"特色菜单“{item.name}”适合 {item.min_group}–{item.max_group} 人，"
                    f"预计人数是 {headcount}",
                )
            )
        items.append(item)
    length = minute_of(form.ends_at) - minute_of(form.starts_at)
    needed = sum(item.duration_minutes for item in items)
    if items and 0 < length < needed:
        errors.append(
            FieldError("ends_at", f"所选特色菜单共需 {needed} 分钟，预约时段只有 {length} 分钟")
        )
    materials: dict[int, int] = {}
    for material_id, quantity in session.execute(
        select(MenuMaterial.material_id, MenuMaterial.quantity).where(
            MenuMaterial.menu_item_id.in_([item.id for item in items])
        )
    ):
        materials[material_id] = max(materials.get(material_id, 0), quantity)
    able: set[int] | None = None
    for item in items:
        givers = set(
            session.scalars(
                select(MenuLecturer.lecturer_id)
                .join(Lecturer, Lecturer.id == MenuLecturer.lecturer_id)
                .where(MenuLecturer.menu_item_id == item.id, Lecturer.retired.is_(False))
            )
        )
        if givers:
            able = givers if able is None else able & givers
    if form.lecturer_id is not None:
        lecturer = session.get(Lecturer, form.lecturer_id)
        if lecturer is None or lecturer.retired:
            errors.append(
                FieldError("lecturer_id", f"讲师（编号 {form.lecturer_id}）不存在或已停用")
            )
        elif able is not None and form.lecturer_id not in able:
            errors.append(FieldError("lecturer_id", "这位讲师不能讲授所选的特色菜单"))
        return items, [form.lecturer_id], materials
    if able is not None and not able:
        errors.append(FieldError("lecturer_id", "没有一位讲师能讲授所选的全部特色菜单，请分开预约"))
    return items, (sorted(able) if able is not None else None), materials


# ---------------------------------------------------------------- placing one date


def _findings(
    session: Session,
    context: RuleContext,
    plan: _Plan,
    on_date: date,
    exclude: int | None = None,
    keep: int | None = None,
) -> tuple[list[Finding], int | None]:
    """Every rule finding for ``plan`` on ``on_date``, and the lecturer it would take
    (``keep``, the lecturer a moved booking already has, when still able and free)."""
    request = SlotRequest(
        room=plan.room,
        on_date=on_date,
        start_minute=plan.start_minute,
        end_minute=plan.end_minute,
        headcount=plan.headcount,
        organization_id=plan.organization.id,
        materials=plan.materials,
        exclude_booking_id=exclude,
    )
    findings = calendar_findings(session, context, request)
    findings += occupancy_findings(session, context, request)
    lecturer_id = None
    if plan.lecturer_ids is not None:
        candidates = sorted(plan.lecturer_ids, key=lambda i: i != keep)
        free = [i for i in candidates if not lecturer_clashes(session, request, i)]
        if free:
            lecturer_id = free[0]
        else:
            who = "讲师" if len(plan.lecturer_ids) == 1 else "能讲授所选菜单的讲师"
            findings.append(
                Finding(
                    Problem.LECTURER_BUSY, "lecturer_id", f"{who}该时段都已有安排，不能同时在两处"
                )
            )
    return findings, lecturer_id


def _next_number(session: Session, year: int) -> str:
    prefix = f"{BOOKING_NUMBER_PREFIX}-{year:04d}-"
    highest = session.scalar(
        select(func.max(Booking.number)).where(Booking.number.like(prefix + "%"))
    )
    sequence = int(highest[-6:]) + 1 if highest else 1
    return f"{prefix}{sequence:06d}"


def _insert(
    session: Session,
    context: RuleContext,
    actor: Actor,
    plan: _Plan,
    on_date: date,
    lecturer_id: int | None,
    series_id: int | None = None,
) -> Booking:
    booking = Booking(
        number=_next_number(session, context.today.year),
        base_id=plan.room.base_id,
        room_id=plan.room.id,
        organization_id=plan.organization.id,
        series_id=series_id,
        on_date=on_date,
        start_minute=plan.start_minute,
        end_minute=plan.end_minute,
        time_zone=context.zone_name,
        headcount=plan.headcount,
        lecturer_id=lecturer_id,
        contact=plan.contact,
        phone=plan.phone,
        channel=plan.channel.value,
        taken_by=actor.display_name,
        taken_by_user_id=actor.user_id,
        status=plan.status.value,
        notes=plan.notes,
    )
    session.add(booking)
    session.flush()
    _write_holdings(session, booking.id, plan)
    return booking


def _write_holdings(session: Session, booking_id: int, plan: _Plan) -> None:
    session.add_all(BookingItem(booking_id=booking_id, menu_item_id=item.id) for item in plan.items)
    session.add_all(
        BookingMaterial(booking_id=booking_id, material_id=material_id, quantity=quantity)
        for material_id, quantity in sorted(plan.materials.items())
    )


def _ensure_organization(session: Session, plan: _Plan) -> None:
    if plan.organization.id is None:
        session.add(plan.organization)
        session.flush()


def _refused(findings: Sequence[Finding]) -> ValidationError:
    return ValidationError([FieldError(f.field, f.message) for f in findings])


def _audit_values(booking: Booking, plan: _Plan) -> dict[str, object]:
    return {
        "number": booking.number,
        "base": booking.base_id,
        "room": plan.room.name,
        "organization": plan.organization.name,
        "on_date": booking.on_date.isoformat(),
        "starts_at": clock_text(booking.start_minute),
        "ends_at": clock_text(booking.end_minute),
        "time_zone": booking.time_zone,
        "headcount": booking.headcount,
        "menu_items": [item.name for item in plan.items],
        "lecturer": booking.lecturer_id,
        "contact": booking.contact,
        "channel": booking.channel,
        "taken_by": booking.taken_by,
        "status": booking.status,
    }


# ---------------------------------------------------------------- the services


def book(
    database: Database, actor: Actor, form: BookingForm, *, now: datetime | None = None
) -> int:
    """Take one booking; returns its id (:func:`dangqun.bases.queries.get_booking` reads it).
    Refused with every reason at once when the form is wrong or a rule says no."""
    actor.require(Permission.EDIT_RECORDS)
    upload = _read_letter(form.letter_file)
    with database.unit_of_work(actor) as work:
        session = work.session
        context = rule_context(session, now)
        plan = _plan(session, form)
        if isinstance(plan, list):
            raise ValidationError(plan)
        _ensure_organization(session, plan)
        findings, lecturer_id = _findings(session, context, plan, form.on_date)
        if findings:
            raise _refused(findings)
        booking = _insert(session, context, actor, plan, form.on_date, lecturer_id)
        values = _audit_values(booking, plan)
        if plan.letter is not None:
            values["letter"] = _store_letter(session, actor, booking, plan.letter, upload)
        work.audit("bases.booking.create", "bases_booking", booking.id, None, values)
        work.commit()
        return booking.id


def update_booking(
    database: Database,
    actor: Actor,
    booking_id: int,
    form: BookingForm,
    *,
    now: datetime | None = None,
) -> None:
    """Move or change a booking that has not happened yet (待确认 or 已确认): every rule is
    checked again, the booking not clashing with itself. A booking checked in or completed
    cannot be moved (issue 14); cancelled and no-show bookings are history."""
    actor.require(Permission.EDIT_RECORDS)
    upload = _read_letter(form.letter_file)
    with database.unit_of_work(actor) as work:
        session = work.session
        booking = _booking(session, booking_id)
        if booking.status not in MOVABLE_STATUSES:
            label = BOOKING_STATUS_LABELS[BookingStatus(booking.status)]
            raise ValidationError.single("status", f"预约 {booking.number} {label}，不能再改动")
        if is_masked_form_of(form.phone, booking.phone, PersonalField.PHONE):
            form = replace(form, phone=booking.phone)  # shown masked, sent back unchanged
        context = rule_context(session, now)
        plan = _plan(session, form)
        if isinstance(plan, list):
            raise ValidationError(plan)
        _ensure_organization(session, plan)
        findings, lecturer_id = _findings(
            session, context, plan, form.on_date, booking.id, keep=booking.lecturer_id
        )
        if findings:
            raise _refused(findings)
        before = _booking_values(booking)
        booking.base_id = plan.room.base_id
        booking.room_id = plan.room.id
        booking.organization_id = plan.organization.id
        booking.on_date = form.on_date
        booking.start_minute = plan.start_minute
        booking.end_minute = plan.end_minute
        booking.headcount = plan.headcount
        booking.lecturer_id = lecturer_id
        booking.contact = plan.contact
        booking.phone = plan.phone
        booking.channel = plan.channel.value
        booking.notes = plan.notes
        for model in (BookingItem, BookingMaterial):
            for row in session.scalars(select(model).where(model.booking_id == booking.id)):
                session.delete(row)
        session.flush()
        _write_holdings(session, booking.id, plan)
        after = _audit_values(booking, plan)
        if plan.letter is not None:
            before["letter"] = _current_letter_text(session, booking.id)
            after["letter"] = _store_letter(session, actor, booking, plan.letter, upload)
        work.audit("bases.booking.update", "bases_booking", booking.id, before, after)
        work.commit()


def confirm_booking(database: Database, actor: Actor, booking_id: int) -> None:
    """待确认 → 已确认 (the front desk called back, or the letter arrived)."""
    _transition(
        database, actor, booking_id, (BookingStatus.PENDING,), BookingStatus.CONFIRMED, "confirm"
    )


def cancel_booking(database: Database, actor: Actor, booking_id: int, reason: str) -> None:
    """待确认/已确认 → 已取消 with a reason; the places, lecturer and materials are free at once."""
    errors: list[FieldError] = []
    text = required_text(errors, "reason", "取消原因", reason, 500)
    if errors:
        raise ValidationError(errors)
    _transition(
        database,
        actor,
        booking_id,
        (BookingStatus.PENDING, BookingStatus.CONFIRMED),
        BookingStatus.CANCELLED,
        "cancel",
        reason=text,
    )


def complete_booking(database: Database, actor: Actor, booking_id: int) -> None:
    """已签到 → 已完成."""
    _transition(
        database,
        actor,
        booking_id,
        (BookingStatus.CHECKED_IN,),
        BookingStatus.COMPLETED,
        "complete",
    )


def mark_no_show(
    database: Database, actor: Actor, booking_id: int, *, now: datetime | None = None
) -> None:
    """待确认/已确认 → 未到, only once the slot has ended (issue 14: "a no-show is marked from
    that list after the slot ends")."""
    _transition(
        database,
        actor,
        booking_id,
        (BookingStatus.PENDING, BookingStatus.CONFIRMED),
        BookingStatus.NO_SHOW,
        "no_show",
        now=now,
    )


def _transition(
    database: Database,
    actor: Actor,
    booking_id: int,
    allowed: tuple[BookingStatus, ...],
    target: BookingStatus,
    action: str,
    *,
    reason: str | None = None,
    now: datetime | None = None,
) -> None:
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        booking = _booking(work.session, booking_id)
        current = BookingStatus(booking.status)
        if current not in allowed:
            raise ValidationError.single(
                "status",
                f"预约 {booking.number} 现在是“{BOOKING_STATUS_LABELS[current]}”，不能"
                f"改为“{BOOKING_STATUS_LABELS[target]}”",
            )
        if target is BookingStatus.NO_SHOW:
            context = rule_context(work.session, now)
            ends = local_instant(booking.on_date, booking.end_minute, context.zone)
            if ends > context.now:
                raise ValidationError.single(
                    "status", f"预约 {booking.number} 的时段还没有结束，不能标记未到"
                )
        booking.status = target.value
        if reason is not None:
            booking.cancel_reason = reason
        after: dict[str, object] = {"status": target.value}
        if reason is not None:
            after["reason"] = reason
        work.audit(
            f"bases.booking.{action}",
            "bases_booking",
            booking.id,
            {"number": booking.number, "status": current.value},
            after,
        )
        work.commit()


def check_in(
    database: Database,
    actor: Actor,
    booking_id: int,
    form: CheckInForm,
    *,
    now: datetime | None = None,
) -> None:
    """The visitors arrived: the real headcount (what statistics count as 人次) and, if the
    front desk takes them, the named attendees (members by id, visitors by name)."""
    actor.require(Permission.EDIT_RECORDS)
    errors: list[FieldError] = []
    headcount = whole_number(
        errors, "actual_headcount", "实到人数", form.headcount, 1, MAX_HEADCOUNT
    )
    if len(form.attendees) > max(headcount, 0):
        errors.append(
            FieldError("attendees", f"签到人员 {len(form.attendees)} 人，多于实到人数 {headcount}")
        )
    visitors: list[tuple[int | None, str | None]] = []
    for attendee in form.attendees:
        if attendee.member_id is not None:
            visitors.append((attendee.member_id, None))
            continue
        name, name_errors, _warnings = check_name(attendee.name)
        errors.extend(FieldError("attendees", f"签到人员{message}") for message in name_errors)
        visitors.append((None, name))
    if errors:
        raise ValidationError(errors)
    from dangqun.bases.catalogue import MEMBERS

    with database.unit_of_work(actor) as work:
        session = work.session
        booking = _booking(session, booking_id)
        if booking.status not in MOVABLE_STATUSES:
            label = BOOKING_STATUS_LABELS[BookingStatus(booking.status)]
            raise ValidationError.single(
                "status", f"预约 {booking.number} 现在是“{label}”，不能签到"
            )
        context = rule_context(session, now)
        if booking.on_date > context.today:
            raise ValidationError.single(
                "status",
                f"预约 {booking.number} 在 {booking.on_date.isoformat()}，还没到签到的日子",
            )
        member_ids = {member_id for member_id, _ in visitors if member_id is not None}
        known = set(session.scalars(select(MEMBERS.c.id).where(MEMBERS.c.id.in_(member_ids))))
        missing = sorted(member_ids - known)
        if missing:
            raise ValidationError.single(
                "attendees", "签到人员中的党员（编号 " + "、".join(map(str, missing)) + "）不存在"
            )
        before = {"number": booking.number, "status": booking.status}
        booking.status = BookingStatus.CHECKED_IN.value
        booking.actual_headcount = headcount
        booking.checked_in_at = utc_now()
        session.add_all(
            Attendee(booking_id=booking.id, member_id=member_id, name=name)
            for member_id, name in visitors
        )
        work.audit(
            "bases.booking.check_in",
            "bases_booking",
            booking.id,
            before,
            {
                "status": BookingStatus.CHECKED_IN.value,
                "actual_headcount": headcount,
                "attendees": len(visitors),
            },
        )
        work.commit()


@dataclass(frozen=True)
class LetterFile:
    """A booking's 介绍信 as stored: the name the clerk chose, its media type and its bytes."""

    booking_number: str
    file_name: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class _Upload:
    """A scan read from disk before the transaction, with the media type its content shows."""

    file_name: str
    media_type: str
    content: bytes


def attach_letter(database: Database, actor: Actor, booking_id: int, path: Path) -> None:
    """Attach (or replace) a booking's 介绍信 scan: the bytes go into the database with the
    audit entry, in one transaction (ARCHITECTURE "Writes")."""
    actor.require(Permission.EDIT_RECORDS)
    source = Path(path)
    problem = _letter_problem(source)
    if problem is not None:
        raise ValidationError.single("letter_file", problem)
    upload = _read_letter(source)
    with database.unit_of_work(actor) as work:
        booking = _booking(work.session, booking_id)
        before = _current_letter_text(work.session, booking.id)
        after = _store_letter(work.session, actor, booking, source, upload)
        work.audit(
            "bases.booking.letter",
            "bases_booking",
            booking.id,
            {"letter": before},
            {"letter": after},
        )
        work.commit()


def remove_letter(database: Database, actor: Actor, booking_id: int) -> None:
    """Remove a booking's 介绍信 (attached to the wrong booking, or not the unit's letter);
    audited with the name, size and SHA-256 of what was removed."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        booking = _booking(work.session, booking_id)
        letter = _letter_row(work.session, booking.id)
        if letter is None:
            raise ValidationError.single("letter_file", f"预约 {booking.number} 没有介绍信可移除")
        before = _letter_text(letter)
        work.session.delete(letter)
        booking.letter_path = None
        work.audit(
            "bases.booking.letter_remove",
            "bases_booking",
            booking.id,
            {"letter": before},
            {"letter": None},
        )
        work.commit()


def booking_letter(database: Database, actor: Actor, booking_id: int) -> LetterFile:
    """The 介绍信 of a booking, bytes and all, for the viewer.

    Needs ``VIEW`` and ``SEE_PERSONAL_DATA``: a letter names the unit's people (often with ID
    numbers and phones) and a scan cannot be masked, so staff and read-only users see that a
    letter is there (name, size, :class:`~dangqun.bases.queries.LetterSummary`) but only an
    administrator opens it — the rule every personal field follows (core/privacy.py). Each
    opening is in the audit log, as every request for full personal data is."""
    actor.require(Permission.VIEW)
    actor.require(Permission.SEE_PERSONAL_DATA)
    with database.unit_of_work(actor) as work:
        booking = _booking(work.session, booking_id)
        letter = _letter_row(work.session, booking.id)
        if letter is None:
            raise NotFound(f"预约 {booking.number} 没有介绍信")
        found = LetterFile(booking.number, letter.file_name, letter.media_type, letter.content)
        work.audit(
            "bases.booking.letter_view",
            "bases_booking",
            booking.id,
            None,
            {"letter": _letter_text(letter)},
        )
        work.commit()
    return found


def _letter_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a 介绍信 (in Chinese, naming the field), or None."""
    try:
        if not path.is_file():
            return f"介绍信文件“{path}”不存在"
        if path.suffix.lower() not in LETTER_SUFFIXES:
            return "介绍信只能是 PDF、JPG 或 PNG 文件"
        size = path.stat().st_size
        if size == 0:
            return f"介绍信文件“{path.name}”是空的"
        if size > LETTER_MAX_BYTES:
            return "介绍信文件太大（最大 20 MB）"
        with path.open("rb") as stream:
            head = stream.read(16)
    except OSError:
        return f"介绍信文件“{path.name}”无法读取"
    if _media_type(head) is None:
        return f"介绍信文件“{path.name}”的内容不是 PDF、JPG 或 PNG（可能已损坏，或只是改了扩展名）"
    return None


def _media_type(content: bytes) -> str | None:
    return next((kind for magic, kind in LETTER_SIGNATURES if content.startswith(magic)), None)


def _read_letter(path: Path | None) -> _Upload | None:
    """The scan's bytes, read before the transaction; None without a file, or when the file
    fails the checks — :func:`_letter_problem` then says why, with every other error."""
    if path is None:
        return None
    source = Path(path)
    if _letter_problem(source) is not None:
        return None
    try:
        content = source.read_bytes()
    except OSError:
        return None
    media_type = _media_type(content)
    if media_type is None or len(content) > LETTER_MAX_BYTES:
        return None
    return _Upload(source.name[:200], media_type, content)


def _store_letter(
    session: Session, actor: Actor, booking: Booking, source: Path, upload: _Upload | None
) -> str:
    """Put the letter read before the transaction into ``booking``'s row (replacing one) and
    the booking's flag; returns the audit text. The file changed between the checks and the
    read (or vanished): refused, nothing written."""
    if upload is None:
        raise ValidationError.single(
            "letter_file", f"介绍信文件“{source.name}”无法读取，请重新选择"
        )
    digest = hashlib.sha256(upload.content).hexdigest()
    letter = _letter_row(session, booking.id)
    if letter is None:
        letter = BookingLetter(booking_id=booking.id)
        session.add(letter)
    letter.file_name = upload.file_name
    letter.media_type = upload.media_type
    letter.size = len(upload.content)
    letter.sha256 = digest
    letter.content = upload.content
    letter.attached_at = utc_now()
    letter.attached_by = actor.display_name
    booking.letter_path = LETTER_FLAG_PREFIX + digest
    return _letter_text(letter)


def _letter_row(session: Session, booking_id: int) -> BookingLetter | None:
    return session.scalar(select(BookingLetter).where(BookingLetter.booking_id == booking_id))


def _current_letter_text(session: Session, booking_id: int) -> str | None:
    letter = _letter_row(session, booking_id)
    return _letter_text(letter) if letter is not None else None


def _letter_text(letter: BookingLetter) -> str:
    """How the audit log names a letter: enough to tell two versions apart, no content."""
    return f"{letter.file_name}（{letter.size} 字节，SHA-256 {letter.sha256}）"


# ---------------------------------------------------------------- series


def book_series(
    database: Database, actor: Actor, form: SeriesForm, *, now: datetime | None = None
) -> SeriesResult:
    """Every date of the rule that passes the rules, booked in one transaction; the others
    come back with their reasons. A form error (a bad phone, an unknown room) refuses the whole
    series; so does a series of which no date fits. A 介绍信 chosen for the series is the unit's
    one letter for all its dates: it is kept once, with the first booking placed."""
    actor.require(Permission.EDIT_RECORDS)
    upload = _read_letter(form.template.letter_file)
    rule_problems = form.rule.problems()
    errors = [FieldError("rule", message) for message in rule_problems]
    if form.ends_on < form.starts_on:
        errors.append(FieldError("ends_on", "周期预约的结束日期不能早于开始日期"))
    dates = [] if errors else list(form.rule.dates(form.starts_on, form.ends_on))
    if not errors and not dates:
        errors.append(
            FieldError("rule", f"{form.starts_on} 至 {form.ends_on} 之间没有{form.rule.text}")
        )
    if len(dates) > MAX_SERIES_DATES:
        errors.append(FieldError("ends_on", f"一个周期预约最多 {MAX_SERIES_DATES} 次"))
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        session = work.session
        context = rule_context(session, now)
        plan = _plan(session, form.template)
        if isinstance(plan, list):
            raise ValidationError(plan)
        _ensure_organization(session, plan)
        series = Series(
            kind=form.rule.kind.value,
            weekday=form.rule.weekday,
            ordinal=form.rule.ordinal,
            day_of_month=form.rule.day_of_month,
            starts_on=form.starts_on,
            ends_on=form.ends_on,
            template_json=_template_json(form.template, plan),
        )
        session.add(series)
        session.flush()
        placed: list[Booking] = []
        skipped: list[SkippedDate] = []
        for on_date in dates:
            findings, lecturer_id = _findings(session, context, plan, on_date)
            if findings:
                skipped.append(SkippedDate(on_date, findings[0].problem, findings[0].message))
                continue
            placed.append(_insert(session, context, actor, plan, on_date, lecturer_id, series.id))
        if not placed:
            raise ValidationError.single(
                "rule",
                "没有一个日期可以预约："
                + "；".join(f"{s.on_date.isoformat()} {s.message}" for s in skipped[:5]),
            )
        work.audit(
            "bases.series.create",
            "bases_series",
            series.id,
            None,
            {
                **_audit_values(placed[0], plan),
                "number": None,
                "on_date": None,
                "rule": form.rule.text,
                "starts_on": form.starts_on.isoformat(),
                "ends_on": form.ends_on.isoformat(),
                "created": [b.number for b in placed],
                "skipped": {s.on_date.isoformat(): s.message for s in skipped},
                "letter": None
                if plan.letter is None
                else _store_letter(session, actor, placed[0], plan.letter, upload),
            },
        )
        work.commit()
        return SeriesResult(
            series_id=series.id,
            booking_ids=tuple(b.id for b in placed),
            numbers=tuple(b.number for b in placed),
            skipped=tuple(skipped),
        )


def add_series_date(
    database: Database,
    actor: Actor,
    series_id: int,
    on_date: date,
    *,
    now: datetime | None = None,
) -> int:
    """Book a date of the series that was skipped (or cancelled) before, as the others were."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        series = session.get(Series, series_id)
        if series is None:
            raise NotFound(f"周期预约（编号 {series_id}）不存在")
        rule = RecurrenceRule(
            RecurrenceKind(series.kind), series.weekday, series.ordinal, series.day_of_month
        )
        if on_date not in set(rule.dates(series.starts_on, series.ends_on)):
            raise ValidationError.single(
                "on_date",
                f"{on_date.isoformat()} 不是这个周期预约（{rule.text}，{series.starts_on} 至 "
                f"{series.ends_on}）的日期",
            )
        taken = session.scalar(
            select(Booking.number).where(
                Booking.series_id == series_id,
                Booking.on_date == on_date,
                Booking.status.in_(OCCUPYING_STATUSES),
            )
        )
        if taken is not None:
            raise ValidationError.single("on_date", f"{on_date.isoformat()} 已有预约 {taken}")
        template = _template_form(json.loads(series.template_json), on_date)
        context = rule_context(session, now)
        plan = _plan(session, template)
        if isinstance(plan, list):
            raise ValidationError(plan)
        findings, lecturer_id = _findings(session, context, plan, on_date)
        if findings:
            raise _refused(findings)
        booking = _insert(session, context, actor, plan, on_date, lecturer_id, series_id)
        work.audit(
            "bases.series.add_date",
            "bases_booking",
            booking.id,
            None,
            {**_audit_values(booking, plan), "series": series_id},
        )
        work.commit()
        return booking.id


def _template_json(form: BookingForm, plan: _Plan) -> str:
    return json.dumps(
        {
            "room_id": plan.room.id,
            "starts_at": clock_text(plan.start_minute),
            "ends_at": clock_text(plan.end_minute),
            "headcount": plan.headcount,
            "organization": plan.organization.name,
            "org_type": plan.organization.org_type,
            "contact": plan.contact,
            "phone": plan.phone,
            "menu_item_ids": [item.id for item in plan.items],
            "lecturer_id": form.lecturer_id,
            "channel": plan.channel.value,
            "notes": plan.notes,
            "confirmed": form.confirmed,
        },
        ensure_ascii=False,
    )


def _template_form(template: dict[str, object], on_date: date) -> BookingForm:
    return BookingForm(
        room_id=int(template["room_id"]),  # type: ignore[call-overload]
        on_date=on_date,
        starts_at=time.fromisoformat(str(template["starts_at"])),
        ends_at=time.fromisoformat(str(template["ends_at"])),
        headcount=int(template["headcount"]),  # type: ignore[call-overload]
        organization=str(template["organization"]),
        org_type=OrganizationType(template["org_type"]),
        contact=str(template["contact"]),
        phone=str(template["phone"]),
        menu_item_ids=tuple(template["menu_item_ids"]),  # type: ignore[arg-type]
        lecturer_id=template["lecturer_id"],  # type: ignore[arg-type]
        channel=Channel(template["channel"]),
        notes=template["notes"],  # type: ignore[arg-type]
        confirmed=bool(template["confirmed"]),
    )


# ---------------------------------------------------------------- helpers


def _booking(session: Session, booking_id: int) -> Booking:
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise NotFound(f"预约（编号 {booking_id}）不存在")
    return booking


def _booking_values(booking: Booking) -> dict[str, object]:
    return {
        "number": booking.number,
        "room": booking.room_id,
        "organization": booking.organization_id,
        "on_date": booking.on_date.isoformat(),
        "starts_at": clock_text(booking.start_minute),
        "ends_at": clock_text(booking.end_minute),
        "headcount": booking.headcount,
        "lecturer": booking.lecturer_id,
        "contact": booking.contact,
        "status": booking.status,
    }
