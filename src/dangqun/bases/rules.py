"""The booking rules (issue 14, "Rules"; DOMAIN.md §2), checked inside the booking's own
write transaction.

Every function here takes the session of a unit of work, whose SQLite transaction began with
``BEGIN IMMEDIATE`` (:mod:`dangqun.core.db`) before its first read. So the reads that decide "is
there room?" and the insert that takes the places are one transaction holding the write lock:
two bookings made at the same moment — two threads, or the GUI and the CLI in two processes —
queue at ``BEGIN`` and the second one sees the first one's places taken. A check made before
the transaction (in the dialog) is only a courtesy.

* Capacity counts people: bookings of one room overlapping in time share its capacity while
  their headcounts fit at every moment (:func:`dangqun.bases.schedule.peak_load`); an exclusive
  room takes one booking at a time.
* Buffer minutes (setting): a room is held that long after each booking, so a booking starting
  sooner after another counts as overlapping it. Lecturers and materials are plain overlaps.
* Inside the base's opening hours, on no closed date, at least the minimum notice ahead and at
  most the maximum advance (settings), and never in the past.
* A lecturer cannot be in two places at once (bookings of any base); materials are not lent
  twice over; an organization holds at most the monthly quota (setting) of bookings.

Each refusal is a :class:`Finding` with its :class:`~dangqun.bases.vocabulary.Problem` (the reason
a recurring series gives for a skipped date), the form field it belongs to and a Chinese message.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangqun.bases.booking_settings import (
    BUFFER_MINUTES,
    MAX_ADVANCE_DAYS,
    MIN_NOTICE_MINUTES,
    MONTHLY_QUOTA,
    TIME_ZONE,
    zone_named,
)
from dangqun.bases.models import (
    BaseSite,
    Booking,
    BookingMaterial,
    Closure,
    Material,
    OpeningHours,
    Room,
)
from dangqun.bases.schedule import (
    ClosureRule,
    Interval,
    clock_text,
    closure_on,
    hours_text,
    local_instant,
    peak_load,
)
from dangqun.bases.vocabulary import OCCUPYING_STATUSES, WEEKDAY_LABELS, ClosureKind, Problem
from dangqun.core.clock import utc_now
from dangqun.core.settings import get_setting


@dataclass(frozen=True)
class Finding:
    """One reason a slot cannot be booked."""

    problem: Problem
    field: str
    message: str


@dataclass(frozen=True)
class RuleContext:
    """The settings and the center's clock, read once per transaction."""

    zone_name: str
    zone: tzinfo
    now: datetime
    """The present instant in the center's zone."""
    min_notice_minutes: int
    max_advance_days: int
    buffer_minutes: int
    monthly_quota: int

    @property
    def today(self) -> date:
        return self.now.date()


def rule_context(session: Session, now: datetime | None = None) -> RuleContext:
    """``now``: an aware instant (tests fix it); the present by default."""
    zone_name = str(get_setting(session, TIME_ZONE))
    zone = zone_named(zone_name)
    return RuleContext(
        zone_name=zone_name,
        zone=zone,
        now=(now or utc_now()).astimezone(zone),
        min_notice_minutes=int(get_setting(session, MIN_NOTICE_MINUTES)),
        max_advance_days=int(get_setting(session, MAX_ADVANCE_DAYS)),
        buffer_minutes=int(get_setting(session, BUFFER_MINUTES)),
        monthly_quota=int(get_setting(session, MONTHLY_QUOTA)),
    )


@dataclass(frozen=True)
class SlotRequest:
    """What a booking would hold: a room at a time for so many people, with its lecturer and
    materials. ``exclude_booking_id``: the booking being moved, which does not clash with
    itself."""

    room: Room
    on_date: date
    start_minute: int
    end_minute: int
    headcount: int
    organization_id: int | None = None
    lecturer_id: int | None = None
    materials: Mapping[int, int] = field(default_factory=dict)
    """Material id → quantity held."""
    exclude_booking_id: int | None = None


def calendar_findings(
    session: Session, context: RuleContext, request: SlotRequest
) -> list[Finding]:
    """Past, notice, advance, closed date, opening hours."""
    findings: list[Finding] = []
    starts = local_instant(request.on_date, request.start_minute, context.zone)
    when = f"{request.on_date.isoformat()} {clock_text(request.start_minute)}"
    if starts <= context.now:
        findings.append(Finding(Problem.PAST, "on_date", f"预约时间 {when} 已经过去，不能预约"))
    elif starts < context.now + timedelta(minutes=context.min_notice_minutes):
        findings.append(
            Finding(
                Problem.NOTICE,
                "starts_at",
                f"预约须至少提前 {context.min_notice_minutes} 分钟（{when} 太近了）",
            )
        )
    if request.on_date > context.today + timedelta(days=context.max_advance_days):
        findings.append(
            Finding(
                Problem.ADVANCE,
                "on_date",
                f"最多只能提前 {context.max_advance_days} 天预约（{request.on_date.isoformat()} "
                "太远了）",
            )
        )
    base_id = request.room.base_id
    closed = closure_on(closure_rules(session, base_id), request.on_date)
    if closed is not None:
        findings.append(
            Finding(
                Problem.CLOSED, "on_date", f"{request.on_date.isoformat()} 阵地闭馆：{closed.text}"
            )
        )
        return findings
    intervals = opening_intervals(session, base_id, request.on_date.weekday())
    if not any(i.holds(request.start_minute, request.end_minute) for i in intervals):
        weekday = WEEKDAY_LABELS[request.on_date.weekday()]
        slot = f"{clock_text(request.start_minute)}–{clock_text(request.end_minute)}"
        findings.append(
            Finding(
                Problem.OUTSIDE_HOURS,
                "starts_at",
                f"{slot} 不在开放时间内（{weekday}：{hours_text(intervals)}）",
            )
        )
    return findings


def occupancy_findings(
    session: Session, context: RuleContext, request: SlotRequest
) -> list[Finding]:
    """Room places, lecturer, materials and quota, against the bookings already held."""
    findings: list[Finding] = []
    room = request.room
    buffer = context.buffer_minutes
    neighbours = _occupying(
        session.execute(
            select(
                Booking.id,
                Booking.number,
                Booking.start_minute,
                Booking.end_minute,
                Booking.headcount,
            ).where(
                Booking.room_id == room.id,
                Booking.on_date == request.on_date,
                Booking.status.in_(OCCUPYING_STATUSES),
                Booking.start_minute < request.end_minute + buffer,
                Booking.end_minute + buffer > request.start_minute,
            )
        ).all(),
        request.exclude_booking_id,
    )
    if room.exclusive and neighbours:
        findings.append(
            Finding(
                Problem.FULL,
                "starts_at",
                f"活动室“{room.name}”独占使用，该时段已有预约 {_numbers(neighbours)}"
                + (f"（含前后 {buffer} 分钟间隔）" if buffer else ""),
            )
        )
    elif not room.exclusive:
        # Each booking holds its room until ``buffer`` minutes after its end.
        held = [(row[2], row[3] + buffer, row[4]) for row in neighbours]
        taken = peak_load(held, request.start_minute, request.end_minute + buffer)
        if taken + request.headcount > room.capacity:
            left = max(room.capacity - taken, 0)
            findings.append(
                Finding(
                    Problem.FULL,
                    "headcount",
                    f"活动室“{room.name}”该时段只剩 {left} 个位置（容纳 {room.capacity} 人，"
                    f"已预约 {taken} 人），放不下 {request.headcount} 人",
                )
            )
    if request.lecturer_id is not None:
        busy = lecturer_clashes(session, request, request.lecturer_id)
        if busy:
            findings.append(
                Finding(
                    Problem.LECTURER_BUSY,
                    "lecturer_id",
                    f"讲师该时段已有安排（预约 {_numbers(busy)}），不能同时在两处",
                )
            )
    findings.extend(_material_findings(session, request))
    if context.monthly_quota and request.organization_id is not None:
        month_start = request.on_date.replace(day=1)
        next_month = (month_start + timedelta(days=32)).replace(day=1)
        query = select(func.count()).where(
            Booking.organization_id == request.organization_id,
            Booking.on_date >= month_start,
            Booking.on_date < next_month,
            Booking.status.in_(OCCUPYING_STATUSES),
        )
        if request.exclude_booking_id is not None:
            query = query.where(Booking.id != request.exclude_booking_id)
        held_count = session.scalar(query) or 0
        if held_count >= context.monthly_quota:
            findings.append(
                Finding(
                    Problem.QUOTA,
                    "organization",
                    f"该组织 {month_start:%Y 年 %m 月}已有 {held_count} 次预约，达到每月限额 "
                    f"{context.monthly_quota} 次",
                )
            )
    return findings


def lecturer_clashes(
    session: Session, request: SlotRequest, lecturer_id: int
) -> list[tuple[int, str]]:
    """(id, number) of the bookings that hold ``lecturer_id`` at an overlapping time."""
    return _occupying(
        session.execute(
            select(Booking.id, Booking.number).where(
                Booking.lecturer_id == lecturer_id,
                Booking.on_date == request.on_date,
                Booking.status.in_(OCCUPYING_STATUSES),
                Booking.start_minute < request.end_minute,
                Booking.end_minute > request.start_minute,
            )
        ).all(),
        request.exclude_booking_id,
    )


def _material_findings(session: Session, request: SlotRequest) -> list[Finding]:
    if not request.materials:
        return []
    findings = []
    rows = session.execute(
        select(
            BookingMaterial.material_id,
            BookingMaterial.quantity,
            Booking.id,
            Booking.start_minute,
            Booking.end_minute,
        )
        .join(Booking, Booking.id == BookingMaterial.booking_id)
        .where(
            Booking.base_id == request.room.base_id,
            Booking.on_date == request.on_date,
            Booking.status.in_(OCCUPYING_STATUSES),
            Booking.start_minute < request.end_minute,
            Booking.end_minute > request.start_minute,
            BookingMaterial.material_id.in_(list(request.materials)),
        )
    ).all()
    held: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for material_id, quantity, booking_id, start, end in rows:
        if booking_id != request.exclude_booking_id:
            held[material_id].append((start, end, quantity))
    for material_id, wanted in sorted(request.materials.items()):
        material = session.get(Material, material_id)
        assert material is not None  # menu items name materials of their base
        in_use = peak_load(held[material_id], request.start_minute, request.end_minute)
        if in_use + wanted > material.quantity:
            findings.append(
                Finding(
                    Problem.MATERIALS,
                    "menu_item_ids",
                    f"物资“{material.name}”该时段已借出 {in_use} 件（共 {material.quantity} 件），"
                    f"不够再用 {wanted} 件",
                )
            )
    return findings


def closure_rules(session: Session, base_id: int) -> list[ClosureRule]:
    return [
        ClosureRule(
            name=row.name,
            kind=ClosureKind(row.kind),
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            yearly_from=row.yearly_from,
            yearly_to=row.yearly_to,
        )
        for row in session.scalars(select(Closure).where(Closure.base_id == base_id))
    ]


def opening_intervals(session: Session, base_id: int, weekday: int) -> list[Interval]:
    return [
        Interval(opens, closes)
        for opens, closes in session.execute(
            select(OpeningHours.opens_minute, OpeningHours.closes_minute)
            .where(OpeningHours.base_id == base_id, OpeningHours.weekday == weekday)
            .order_by(OpeningHours.opens_minute)
        )
    ]


def base_is_retired(session: Session, base_id: int) -> bool:
    return bool(session.scalar(select(BaseSite.retired).where(BaseSite.id == base_id)))


def crowded_bookings(
    rows: Iterable[tuple[int, str, int, int, int]], capacity: int, exclusive: bool
) -> list[list[str]]:
    """Groups of booking numbers of one room on one day that break its capacity: for an
    exclusive room each pair that overlaps, for a shared one each moment over capacity (the
    bookings present then). ``rows``: (id, number, start, end, headcount)."""
    ordered = sorted(rows, key=lambda row: (row[2], row[3]))
    groups: list[list[str]] = []
    if exclusive:
        for index, first in enumerate(ordered):
            for second in ordered[index + 1 :]:
                if second[2] >= first[3]:
                    break
                groups.append([first[1], second[1]])
        return groups
    moments = sorted({row[2] for row in ordered})
    for moment in moments:
        present = [row for row in ordered if row[2] <= moment < row[3]]
        if sum(row[4] for row in present) > capacity:
            numbers = sorted(row[1] for row in present)
            if numbers not in groups:
                groups.append(numbers)
    return groups


def room_overloads(session: Session, room_id: int, capacity: int, exclusive: bool) -> list[str]:
    """Numbers of the bookings from today on that would not fit ``room_id`` resized to
    ``capacity`` (or made exclusive): a room is not shrunk under bookings already taken."""
    context = rule_context(session)
    by_day: dict[date, list[tuple[int, str, int, int, int]]] = defaultdict(list)
    for booking_id, number, on_date, start, end, headcount in session.execute(
        select(
            Booking.id,
            Booking.number,
            Booking.on_date,
            Booking.start_minute,
            Booking.end_minute,
            Booking.headcount,
        ).where(
            Booking.room_id == room_id,
            Booking.on_date >= context.today,
            Booking.status.in_(OCCUPYING_STATUSES),
        )
    ):
        by_day[on_date].append((booking_id, number, start, end, headcount))
    found: list[str] = []
    for rows in by_day.values():
        found.extend(n for group in crowded_bookings(rows, capacity, exclusive) for n in group)
        found.extend(row[1] for row in rows if row[4] > capacity)
    return sorted(set(found))


def _occupying(rows: Sequence[tuple], exclude: int | None) -> list:  # type: ignore[type-arg]
    return [row for row in rows if row[0] != exclude]


def _numbers(rows: Sequence[tuple]) -> str:  # type: ignore[type-arg]
    return "、".join(sorted(str(row[1]) for row in rows))
