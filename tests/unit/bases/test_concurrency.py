"""Issue 14: two bookings made at the same moment cannot both take the last places — the check
and the write are one ``BEGIN IMMEDIATE`` transaction. Raced many times from two threads here;
from two processes running the real CLI in tests/integration/test_bases_race.py."""

from __future__ import annotations

import threading
from datetime import date, timedelta

from dangqun.bases.service import book
from dangqun.core.errors import ValidationError
from tests.unit.bases.conftest import NOW, booking_form

ROUNDS = 40


def test_two_threads_never_take_the_last_places_twice(database, admin, site, application):
    outcomes: list[tuple[int, str]] = []
    lock = threading.Lock()

    def attempt(day: date, organization: str, start: threading.Barrier) -> None:
        start.wait()
        try:
            book(
                database,
                admin,
                booking_form(site.hall, on_date=day, headcount=10, organization=organization),
                now=NOW,
            )
            result = "booked"
        except ValidationError as error:
            assert "只剩 5 个位置" in (error.message_for("headcount") or ""), error.message
            result = "full"
        with lock:
            outcomes.append((day.toordinal(), result))

    for round_number in range(ROUNDS):
        day = date(2026, 12, 4) + timedelta(days=round_number)
        if day == date(2026, 12, 9):
            continue  # closed
        book(
            database,
            admin,
            booking_form(site.hall, on_date=day, headcount=25, organization="先到的支部"),
            now=NOW,
        )
        start = threading.Barrier(2)
        threads = [
            threading.Thread(target=attempt, args=(day, name, start))
            for name in ("甲支部", "乙支部")
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    by_day: dict[int, list[str]] = {}
    for day, result in outcomes:
        by_day.setdefault(day, []).append(result)
    assert all(sorted(results) == ["booked", "full"] for results in by_day.values()), by_day
    import sqlite3

    with sqlite3.connect(application.paths.database) as connection:
        over = connection.execute(
            "SELECT on_date, sum(headcount) FROM bases_bookings WHERE room_id = ? "
            "GROUP BY on_date HAVING sum(headcount) > 40",
            (site.hall,),
        ).fetchall()
    assert over == []
