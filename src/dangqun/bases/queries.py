"""What the bases pages, the CLI and prints read (issue 14): bookings, the week calendar and
statistics. Plain data out, never a session; phones masked unless the actor may see them.

Performance (issue 14, measured with 50,000+ bookings): the week view reads one index range
(``ix_bases_bookings_room`` or ``ix_bases_bookings_base``: room or base, date, status) and
computes free places per slot in Python; statistics group by SQL over ``ix_bases_bookings_date``
/ ``ix_bases_bookings_base``, whose last column is the real headcount, so a year's 批次 and 人次
never read the booking rows themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from dangqun.bases.catalogue import MEMBERS, RoomDetail, closure_rule, lecturer_details
from dangqun.bases.models import (
    Attendee,
    BaseSite,
    Booking,
    BookingItem,
    BookingLetter,
    Closure,
    MenuItem,
    OpeningHours,
    Organization,
    Room,
)
from dangqun.bases.rules import rule_context
from dangqun.bases.schedule import Interval, closure_on, peak_load, time_of
from dangqun.bases.vocabulary import (
    BOOKING_STATUS_LABELS,
    CHANNEL_LABELS,
    OCCUPYING_STATUSES,
    ORGANIZATION_TYPE_LABELS,
    VISITED_STATUSES,
    BookingStatus,
    Channel,
    Granularity,
    OrganizationType,
)
from dangqun.core.db import Database
from dangqun.core.errors import NotFound
from dangqun.core.privacy import PersonalField, shown
from dangqun.core.security import Actor, Permission

MAX_LISTED = 500


@dataclass(frozen=True)
class AttendeeDetail:
    member_id: int | None
    name: str


@dataclass(frozen=True)
class LetterSummary:
    """What every role sees of a booking's 介绍信: the file, not its content (the scan cannot
    be masked; :func:`dangqun.bases.bookings.booking_letter` gives the bytes to those allowed)."""

    file_name: str
    media_type: str
    size: int
    attached_at: datetime
    attached_by: str


@dataclass(frozen=True)
class BookingDetail:
    """One booking as screens and prints show it; ``phone`` masked unless allowed."""

    id: int
    number: str
    base_id: int
    base_name: str
    room_id: int
    room_name: str
    organization_id: int
    organization: str
    org_type: OrganizationType
    on_date: date
    start_minute: int
    end_minute: int
    time_zone: str
    headcount: int
    menu_items: tuple[str, ...]
    menu_item_ids: tuple[int, ...]
    lecturer_id: int | None
    lecturer: str
    contact: str
    phone: str
    channel: Channel
    taken_by: str
    letter: LetterSummary | None
    status: BookingStatus
    cancel_reason: str | None
    actual_headcount: int | None
    checked_in_at: datetime | None
    series_id: int | None
    notes: str
    attendees: tuple[AttendeeDetail, ...] = ()

    @property
    def starts_at(self) -> time:
        return time_of(self.start_minute)

    @property
    def ends_at(self) -> time:
        return time_of(self.end_minute)

    @property
    def slot_text(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def status_label(self) -> str:
        return BOOKING_STATUS_LABELS[self.status]

    @property
    def org_type_label(self) -> str:
        return ORGANIZATION_TYPE_LABELS[self.org_type]

    @property
    def channel_label(self) -> str:
        return CHANNEL_LABELS[self.channel]


@dataclass(frozen=True)
class BookingQuery:
    """Filters of the booking list; dates inclusive."""

    base_id: int | None = None
    room_id: int | None = None
    organization_id: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    statuses: tuple[BookingStatus, ...] = ()
    number: str | None = None


@dataclass(frozen=True)
class WeekSlot:
    """One slot of a room's day: ``free`` places left at its fullest moment (0 when an
    exclusive room is taken)."""

    start_minute: int
    end_minute: int
    free: int


@dataclass(frozen=True)
class WeekDay:
    on_date: date
    closed: str | None
    """The closure's text on a closed date (then there are no slots)."""
    hours: tuple[Interval, ...]
    slots: tuple[WeekSlot, ...]


@dataclass(frozen=True)
class BookingBlock:
    """A booking as the calendar draws it (coloured by status)."""

    id: int
    number: str
    room_id: int
    on_date: date
    start_minute: int
    end_minute: int
    headcount: int
    status: BookingStatus
    organization: str


@dataclass(frozen=True)
class RoomWeek:
    room: RoomDetail
    days: tuple[WeekDay, ...]
    blocks: tuple[BookingBlock, ...]


@dataclass(frozen=True)
class WeekView:
    starts_on: date
    rooms: tuple[RoomWeek, ...]


@dataclass(frozen=True)
class Tally:
    """批次 (visits) and 人次 (people, the real headcounts) of one group."""

    key: str
    label: str
    visits: int
    people: int


@dataclass(frozen=True)
class Statistics:
    starts_on: date
    ends_on: date
    base_id: int | None
    visits: int
    people: int
    by_period: tuple[Tally, ...] = ()
    by_base: tuple[Tally, ...] = ()
    by_org_type: tuple[Tally, ...] = ()
    by_organization: tuple[Tally, ...] = ()
    by_menu_item: tuple[Tally, ...] = ()
    summary: str = field(default="")


@dataclass(frozen=True)
class OrganizationDetail:
    id: int
    name: str
    org_type: OrganizationType
    contact: str
    phone: str

    @property
    def org_type_label(self) -> str:
        return ORGANIZATION_TYPE_LABELS[self.org_type]


# ---------------------------------------------------------------- bookings


def get_booking(database: Database, actor: Actor, booking_id: int) -> BookingDetail:
    actor.require(Permission.VIEW)
    with database.reading() as session:
        booking = session.get(Booking, booking_id)
        if booking is None:
            raise NotFound(f"预约（编号 {booking_id}）不存在")
        return booking_details(session, actor, [booking], with_attendees=True)[0]


def find_booking(database: Database, actor: Actor, number: str) -> BookingDetail:
    """A booking by its number (``YY-2026-000001``, any letter case)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        booking = session.scalar(select(Booking).where(Booking.number == number.strip().upper()))
        if booking is None:
            raise NotFound(f"没有编号为“{number.strip()}”的预约")
        return booking_details(session, actor, [booking], with_attendees=True)[0]


def list_bookings(
    database: Database, actor: Actor, query: BookingQuery, *, limit: int = MAX_LISTED
) -> list[BookingDetail]:
    """Bookings matching ``query`` by date and start time (at most ``limit``)."""
    actor.require(Permission.VIEW)
    statement: Select[tuple[Booking]] = select(Booking)
    if query.base_id is not None:
        statement = statement.where(Booking.base_id == query.base_id)
    if query.room_id is not None:
        statement = statement.where(Booking.room_id == query.room_id)
    if query.organization_id is not None:
        statement = statement.where(Booking.organization_id == query.organization_id)
    if query.starts_on is not None:
        statement = statement.where(Booking.on_date >= query.starts_on)
    if query.ends_on is not None:
        statement = statement.where(Booking.on_date <= query.ends_on)
    if query.statuses:
        statement = statement.where(Booking.status.in_([s.value for s in query.statuses]))
    if query.number:
        statement = statement.where(Booking.number == query.number.strip().upper())
    statement = statement.order_by(Booking.on_date, Booking.start_minute, Booking.id).limit(limit)
    with database.reading() as session:
        return booking_details(session, actor, list(session.scalars(statement)))


def bookings_on(
    database: Database, actor: Actor, day: date, *, base_id: int | None = None
) -> list[BookingDetail]:
    """A day's bookings still expected or arrived (待确认, 已确认, 已签到): today's arrivals,
    and tomorrow's call list, computed when asked (DOMAIN §2: no background jobs)."""
    statuses = (BookingStatus.PENDING, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN)
    return list_bookings(
        database,
        actor,
        BookingQuery(base_id=base_id, starts_on=day, ends_on=day, statuses=statuses),
    )


def series_bookings(database: Database, actor: Actor, series_id: int) -> list[BookingDetail]:
    actor.require(Permission.VIEW)
    with database.reading() as session:
        rows = session.scalars(
            select(Booking).where(Booking.series_id == series_id).order_by(Booking.on_date)
        )
        return booking_details(session, actor, list(rows))


def booking_details(
    session: Session, actor: Actor, bookings: Sequence[Booking], *, with_attendees: bool = False
) -> list[BookingDetail]:
    if not bookings:
        return []
    ids = [b.id for b in bookings]
    rooms = {
        room_id: (room_name, base_id, base_name)
        for room_id, room_name, base_id, base_name in session.execute(
            select(Room.id, Room.name, BaseSite.id, BaseSite.name)
            .join(BaseSite, BaseSite.id == Room.base_id)
            .where(Room.id.in_({b.room_id for b in bookings}))
        )
    }
    organizations = {
        o.id: o
        for o in session.scalars(
            select(Organization).where(Organization.id.in_({b.organization_id for b in bookings}))
        )
    }
    items: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for booking_id, item_id, name in session.execute(
        select(BookingItem.booking_id, MenuItem.id, MenuItem.name)
        .join(MenuItem, MenuItem.id == BookingItem.menu_item_id)
        .where(BookingItem.booking_id.in_(ids))
        .order_by(BookingItem.id)
    ):
        items[booking_id].append((item_id, name))
    lecturers = {
        lecturer.id: lecturer.name
        for lecturer in lecturer_details(
            session, sorted({b.lecturer_id for b in bookings if b.lecturer_id is not None})
        )
    }
    with_letter = [b.id for b in bookings if b.letter_path]  # the flag spares most lists a query
    letters = {
        booking_id: LetterSummary(file_name, media_type, size, attached_at, attached_by)
        for booking_id, file_name, media_type, size, attached_at, attached_by in (
            session.execute(
                select(
                    BookingLetter.booking_id,
                    BookingLetter.file_name,
                    BookingLetter.media_type,
                    BookingLetter.size,
                    BookingLetter.attached_at,
                    BookingLetter.attached_by,
                ).where(BookingLetter.booking_id.in_(with_letter))
            )
            if with_letter
            else ()
        )
    }
    attendees: dict[int, list[AttendeeDetail]] = defaultdict(list)
    if with_attendees:
        for booking_id, member_id, name, member_name in session.execute(
            select(Attendee.booking_id, Attendee.member_id, Attendee.name, MEMBERS.c.name)
            .outerjoin(MEMBERS, MEMBERS.c.id == Attendee.member_id)
            .where(Attendee.booking_id.in_(ids))
            .order_by(Attendee.id)
        ):
            attendees[booking_id].append(AttendeeDetail(member_id, member_name or name or ""))
    details = []
    for b in bookings:
        room_name, base_id, base_name = rooms[b.room_id]
        organization = organizations[b.organization_id]
        details.append(
            BookingDetail(
                id=b.id,
                number=b.number,
                base_id=base_id,
                base_name=base_name,
                room_id=b.room_id,
                room_name=room_name,
                organization_id=organization.id,
                organization=organization.name,
                org_type=OrganizationType(organization.org_type),
                on_date=b.on_date,
                start_minute=b.start_minute,
                end_minute=b.end_minute,
                time_zone=b.time_zone,
                headcount=b.headcount,
                menu_items=tuple(name for _, name in items[b.id]),
                menu_item_ids=tuple(item_id for item_id, _ in items[b.id]),
                lecturer_id=b.lecturer_id,
                lecturer=lecturers.get(b.lecturer_id, "") if b.lecturer_id is not None else "",
                contact=b.contact,
                phone=shown(actor, PersonalField.PHONE, b.phone),
                channel=Channel(b.channel),
                taken_by=b.taken_by,
                letter=letters.get(b.id),
                status=BookingStatus(b.status),
                cancel_reason=b.cancel_reason,
                actual_headcount=b.actual_headcount,
                checked_in_at=b.checked_in_at,
                series_id=b.series_id,
                notes=b.notes or "",
                attendees=tuple(attendees[b.id]),
            )
        )
    return details


def list_organizations(
    database: Database, actor: Actor, text: str | None = None, *, limit: int = 50
) -> list[OrganizationDetail]:
    """Visiting organizations by name (a part of the name is enough), for the booking dialog."""
    actor.require(Permission.VIEW)
    statement = select(Organization).order_by(Organization.name).limit(limit)
    if text and text.strip():
        statement = statement.where(Organization.name.contains(text.strip()))
    with database.reading() as session:
        return [
            OrganizationDetail(
                o.id,
                o.name,
                OrganizationType(o.org_type),
                o.contact or "",
                shown(actor, PersonalField.PHONE, o.phone) if o.phone else "",
            )
            for o in session.scalars(statement)
        ]


# ---------------------------------------------------------------- the week calendar


def week_view(
    database: Database,
    actor: Actor,
    starts_on: date,
    *,
    base_id: int | None = None,
    room_id: int | None = None,
    slot_minutes: int = 60,
) -> WeekView:
    """Seven days from ``starts_on`` for every room of ``base_id`` (or the one ``room_id``):
    opening hours, closed dates, the bookings as blocks and the free places of each slot
    (slots start at each opening interval's start, ``slot_minutes`` long). Cancelled and
    no-show bookings are blocks too (the calendar greys them) but hold no places."""
    actor.require(Permission.VIEW)
    if (base_id is None) == (room_id is None):
        raise ValueError("week_view needs exactly one of base_id and room_id")
    ends_on = starts_on + timedelta(days=6)
    with database.reading() as session:
        rooms_query = select(Room).order_by(Room.id)
        if room_id is not None:
            rooms_query = rooms_query.where(Room.id == room_id)
        else:
            rooms_query = rooms_query.where(Room.base_id == base_id, Room.retired.is_(False))
        rooms = list(session.scalars(rooms_query))
        if not rooms:
            raise NotFound("没有找到要显示的活动室")
        base = rooms[0].base_id
        buffer = rule_context(session).buffer_minutes
        closures = [
            closure_rule(c) for c in session.scalars(select(Closure).where(Closure.base_id == base))
        ]
        hours: dict[int, list[Interval]] = defaultdict(list)
        for row in session.scalars(
            select(OpeningHours)
            .where(OpeningHours.base_id == base)
            .order_by(OpeningHours.opens_minute)
        ):
            hours[row.weekday].append(Interval(row.opens_minute, row.closes_minute))
        booking_query = (
            select(
                Booking.id,
                Booking.number,
                Booking.room_id,
                Booking.on_date,
                Booking.start_minute,
                Booking.end_minute,
                Booking.headcount,
                Booking.status,
                Organization.name,
            )
            .join(Organization, Organization.id == Booking.organization_id)
            .where(Booking.on_date >= starts_on, Booking.on_date <= ends_on)
            .order_by(Booking.on_date, Booking.start_minute)
        )
        if room_id is not None:
            booking_query = booking_query.where(Booking.room_id == room_id)
        else:
            booking_query = booking_query.where(Booking.base_id == base)
        blocks = [
            BookingBlock(i, n, r, d, s, e, h, BookingStatus(st), org)
            for i, n, r, d, s, e, h, st, org in session.execute(booking_query)
        ]
    by_room: dict[int, list[BookingBlock]] = defaultdict(list)
    for block in blocks:
        by_room[block.room_id].append(block)
    weeks = []
    for room in rooms:
        room_blocks = by_room[room.id]
        days = []
        for offset in range(7):
            day = starts_on + timedelta(days=offset)
            closed = closure_on(closures, day)
            intervals = tuple(hours.get(day.weekday(), ()))
            slots: list[WeekSlot] = []
            if closed is None:
                held = [
                    (b.start_minute, b.end_minute + buffer, b.headcount)
                    for b in room_blocks
                    if b.on_date == day and b.status.value in OCCUPYING_STATUSES
                ]
                for interval in intervals:
                    for start in range(interval.opens, interval.closes, slot_minutes):
                        end = min(start + slot_minutes, interval.closes)
                        taken = peak_load(held, start, end)
                        free = (
                            (0 if taken else room.capacity)
                            if room.exclusive
                            else room.capacity - taken
                        )
                        slots.append(WeekSlot(start, end, max(free, 0)))
            days.append(
                WeekDay(
                    day,
                    closed.text if closed else None,
                    intervals if closed is None else (),
                    tuple(slots),
                )
            )
        weeks.append(
            RoomWeek(
                RoomDetail(
                    room.id, room.base_id, room.name, room.capacity, room.exclusive, room.retired
                ),
                tuple(days),
                tuple(room_blocks),
            )
        )
    return WeekView(starts_on, tuple(weeks))


# ---------------------------------------------------------------- statistics


def period_key(day_text: str, granularity: Granularity) -> tuple[str, str]:
    """(sortable key, Chinese label) of the period holding ``YYYY-MM``."""
    year, month = int(day_text[:4]), int(day_text[5:7])
    if granularity is Granularity.YEAR:
        return f"{year}", f"{year} 年"
    if granularity is Granularity.QUARTER:
        quarter = (month - 1) // 3 + 1
        return f"{year}-Q{quarter}", f"{year} 年第 {quarter} 季度"
    return f"{year}-{month:02d}", f"{year} 年 {month} 月"


def statistics(
    database: Database,
    actor: Actor,
    starts_on: date,
    ends_on: date,
    *,
    base_id: int | None = None,
    granularity: Granularity = Granularity.MONTH,
) -> Statistics:
    """批次 (visits) and 人次 (people) from actual check-ins (已签到 and 已完成, counted with the
    real headcount) between two dates inclusive: in all, by period, by base, by visitor type,
    by visiting organization and by menu item (a visit with two items counts for each)."""
    actor.require(Permission.VIEW)
    people = func.coalesce(func.sum(Booking.actual_headcount), 0)
    visited = [
        Booking.on_date >= starts_on,
        Booking.on_date <= ends_on,
        Booking.status.in_(VISITED_STATUSES),
    ]
    if base_id is not None:
        visited.append(Booking.base_id == base_id)
    with database.reading() as session:
        months = session.execute(
            select(Booking.base_id, func.substr(Booking.on_date, 1, 7), func.count(), people)
            .where(*visited)
            .group_by(Booking.base_id, func.substr(Booking.on_date, 1, 7))
        ).all()
        base_names = dict(session.execute(select(BaseSite.id, BaseSite.name)).all())
        by_type = session.execute(
            select(Organization.org_type, func.count(), people)
            .join(Organization, Organization.id == Booking.organization_id)
            .where(*visited)
            .group_by(Organization.org_type)
        ).all()
        by_organization = session.execute(
            select(Organization.id, Organization.name, func.count(), people)
            .join(Organization, Organization.id == Booking.organization_id)
            .where(*visited)
            .group_by(Organization.id)
            .order_by(func.count().desc(), Organization.name)
        ).all()
        by_item = session.execute(
            select(MenuItem.id, MenuItem.name, func.count(), people)
            .select_from(Booking)
            .join(BookingItem, BookingItem.booking_id == Booking.id)
            .join(MenuItem, MenuItem.id == BookingItem.menu_item_id)
            .where(*visited)
            .group_by(MenuItem.id)
            .order_by(func.count().desc(), MenuItem.name)
        ).all()
    periods: dict[str, list[object]] = {}
    bases: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for base, month, count, total in months:
        key, label = period_key(month, granularity)
        entry = periods.setdefault(key, [label, 0, 0])
        entry[1] = int(entry[1]) + count  # type: ignore[call-overload]
        entry[2] = int(entry[2]) + total  # type: ignore[call-overload]
        bases[base][0] += count
        bases[base][1] += total
    visits = sum(v for v, _ in bases.values())
    people_total = sum(p for _, p in bases.values())
    type_counts = {t: (int(c), int(p or 0)) for t, c, p in by_type}
    return Statistics(
        starts_on=starts_on,
        ends_on=ends_on,
        base_id=base_id,
        visits=visits,
        people=people_total,
        by_period=tuple(
            Tally(key, str(v[0]), int(v[1]), int(v[2]))  # type: ignore[call-overload]
            for key, v in sorted(periods.items())
        ),
        by_base=tuple(
            Tally(str(b), base_names.get(b, str(b)), v, p)
            for b, (v, p) in sorted(bases.items(), key=lambda kv: base_names.get(kv[0], ""))
        ),
        by_org_type=tuple(
            Tally(t.value, label, *type_counts.get(t.value, (0, 0)))
            for t, label in ORGANIZATION_TYPE_LABELS.items()
        ),
        by_organization=tuple(Tally(str(i), n, c, int(p or 0)) for i, n, c, p in by_organization),
        by_menu_item=tuple(Tally(str(i), n, c, int(p or 0)) for i, n, c, p in by_item),
        summary=f"先后有 {visits} 批 {people_total} 人次到基地开展活动",
    )
