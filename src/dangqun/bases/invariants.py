"""What must always hold of the bases module, checked by ``dangqun check`` (issue 14).

Each rule names the offending booking numbers (at most :data:`SHOWN` lines, then the count):
no room over capacity at any moment, no exclusive room double-booked, no lecturer in two places,
no material lent beyond its quantity, statuses consistent with their facts. The booking write
path keeps all of them (:mod:`dangqun.bases.rules`); these find what an import, a sync or a hand
edit of the file broke.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangqun.bases.models import Booking, BookingLetter, BookingMaterial, Material, Room
from dangqun.bases.rules import crowded_bookings
from dangqun.bases.vocabulary import (
    BOOKING_STATUS_LABELS,
    OCCUPYING_STATUSES,
    VISITED_STATUSES,
    BookingStatus,
)
from dangqun.core.invariants import invariant

SHOWN = 10


def _summarize(problems: Iterable[str]) -> list[str]:
    found = list(problems)
    if len(found) > SHOWN:
        return [*found[:SHOWN], f"……共 {len(found)} 处"]
    return found


def _room_groups(session: Session, exclusive: bool) -> list[str]:
    rooms = {
        room.id: room for room in session.scalars(select(Room).where(Room.exclusive.is_(exclusive)))
    }
    days: dict[tuple[int, date], list[tuple[int, str, int, int, int]]] = defaultdict(list)
    for booking_id, number, room_id, on_date, start, end, headcount in session.execute(
        select(
            Booking.id,
            Booking.number,
            Booking.room_id,
            Booking.on_date,
            Booking.start_minute,
            Booking.end_minute,
            Booking.headcount,
        ).where(Booking.status.in_(OCCUPYING_STATUSES), Booking.room_id.in_(list(rooms)))
    ):
        days[(room_id, on_date)].append((booking_id, number, start, end, headcount))
    problems = []
    for (room_id, on_date), rows in sorted(days.items()):
        room = rooms[room_id]
        for group in crowded_bookings(rows, room.capacity, room.exclusive):
            what = "同时有预约" if exclusive else f"同一时刻超过容纳人数 {room.capacity}"
            problems.append(f"活动室“{room.name}” {on_date.isoformat()} {what}：{'、'.join(group)}")
    return _summarize(problems)


@invariant("bases_room_capacity", "阵地活动室容量")
def _rooms_within_capacity(session: Session) -> list[str]:
    return _room_groups(session, exclusive=False)


@invariant("bases_exclusive_rooms", "阵地独占活动室")
def _exclusive_rooms_one_at_a_time(session: Session) -> list[str]:
    return _room_groups(session, exclusive=True)


@invariant("bases_lecturers", "阵地讲师安排")
def _lecturers_in_one_place(session: Session) -> list[str]:
    days: dict[tuple[int, date], list[tuple[int, str, int, int, int]]] = defaultdict(list)
    for booking_id, number, lecturer_id, on_date, start, end in session.execute(
        select(
            Booking.id,
            Booking.number,
            Booking.lecturer_id,
            Booking.on_date,
            Booking.start_minute,
            Booking.end_minute,
        ).where(Booking.status.in_(OCCUPYING_STATUSES), Booking.lecturer_id.is_not(None))
    ):
        assert lecturer_id is not None  # filtered above
        days[(lecturer_id, on_date)].append((booking_id, number, start, end, 1))
    return _summarize(
        f"讲师 {lecturer_id} 在 {on_date.isoformat()} 同时有两处安排：{'、'.join(group)}"
        for (lecturer_id, on_date), rows in sorted(days.items())
        for group in crowded_bookings(rows, 1, exclusive=True)
    )


@invariant("bases_materials", "阵地物资借用")
def _materials_not_overbooked(session: Session) -> list[str]:
    quantities = dict(session.execute(select(Material.id, Material.quantity)).all())
    names = dict(session.execute(select(Material.id, Material.name)).all())
    days: dict[tuple[int, date], list[tuple[int, str, int, int, int]]] = defaultdict(list)
    for material_id, quantity, booking_id, number, on_date, start, end in session.execute(
        select(
            BookingMaterial.material_id,
            BookingMaterial.quantity,
            Booking.id,
            Booking.number,
            Booking.on_date,
            Booking.start_minute,
            Booking.end_minute,
        )
        .join(Booking, Booking.id == BookingMaterial.booking_id)
        .where(Booking.status.in_(OCCUPYING_STATUSES))
    ):
        days[(material_id, on_date)].append((booking_id, number, start, end, quantity))
    return _summarize(
        f"物资“{names[material_id]}” {on_date.isoformat()} 同时借出超过 {quantities[material_id]} "
        f"件：{'、'.join(group)}"
        for (material_id, on_date), rows in sorted(days.items())
        for group in crowded_bookings(rows, quantities[material_id], exclusive=False)
    )


@invariant("bases_booking_status", "阵地预约状态")
def _statuses_consistent(session: Session) -> list[str]:
    """已签到/已完成 have a real headcount and a check-in time; no other status has them;
    已取消 has its reason; every slot ends after it starts, on its day."""
    problems = []
    for number, status, actual, checked_in_at, reason, start, end, headcount in session.execute(
        select(
            Booking.number,
            Booking.status,
            Booking.actual_headcount,
            Booking.checked_in_at,
            Booking.cancel_reason,
            Booking.start_minute,
            Booking.end_minute,
            Booking.headcount,
        )
    ):
        try:
            label = BOOKING_STATUS_LABELS[BookingStatus(status)]
        except ValueError:
            problems.append(f"预约 {number} 的状态“{status}”无效")
            continue
        visited = status in VISITED_STATUSES
        if visited and (not actual or actual < 1 or checked_in_at is None):
            problems.append(f"预约 {number} {label}，但没有实到人数或签到时间")
        if not visited and (actual is not None or checked_in_at is not None):
            problems.append(f"预约 {number} {label}，却记有签到")
        if status == BookingStatus.CANCELLED.value and not (reason or "").strip():
            problems.append(f"预约 {number} 已取消，但没有取消原因")
        if not 0 <= start < end <= 24 * 60 or headcount < 1:
            problems.append(f"预约 {number} 的时段或人数无效")
    return _summarize(problems)


@invariant("bases_booking_letters", "阵地预约介绍信")
def _letter_flags_match(session: Session) -> list[str]:
    """A booking's ``letter_path`` flag is ``sha256:`` and the SHA-256 of the letter kept for
    it, or None without one (migration 0010), and the stored size is the content's size. The
    content is not hashed here: ``length()`` reads no blob, so a restore's check stays quick."""
    letters = {
        booking_id: (digest, size, length)
        for booking_id, digest, size, length in session.execute(
            select(
                BookingLetter.booking_id,
                BookingLetter.sha256,
                BookingLetter.size,
                func.length(BookingLetter.content),
            )
        )
    }
    problems = []
    for booking_id, number, flag in session.execute(
        select(Booking.id, Booking.number, Booking.letter_path).where(
            Booking.letter_path.is_not(None) | Booking.id.in_(list(letters))
        )
    ):
        found = letters.get(booking_id)
        if found is None:
            problems.append(f"预约 {number} 标记有介绍信，但数据库中没有")
        elif flag != f"sha256:{found[0]}":
            problems.append(f"预约 {number} 的介绍信标记与保存的介绍信不一致")
        elif found[1] != found[2]:
            problems.append(f"预约 {number} 的介绍信大小（{found[2]} 字节）与记录的不同")
    return _summarize(problems)
