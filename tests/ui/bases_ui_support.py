"""Shared by the 阵地预约 calendar, booking and check-in tests: the base of the core's tests
(tests/unit/bases/conftest.py) on a real data directory, dates counted from the center's
today (the dialogs judge "past" and "notice" by the real clock), and a context for widgets."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from dangqun.bases.booking_settings import zone_named
from dangqun.bases.service import BookingForm, book
from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.bases.week_calendar import center_today
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from tests.unit.bases.conftest import Site, booking_form, make_site

__all__ = ["Site", "book_on", "booking_form", "context_of", "make_site", "open_day"]


def context_of(application: Application, actor: Actor) -> UiContext:
    return UiContext(application, actor, open_ui_state(application.paths), AppEvents())


def open_day(application: Application, days_ahead: int) -> date:
    """The first date ``days_ahead`` or more after the center's today on which the test base
    is open (its closures: 国庆, 春节 2027, 2026-12-09)."""
    day = center_today(application.database) + timedelta(days=days_ahead)
    while (
        (day.month == 10 and day.day <= 7)
        or date(2027, 2, 5) <= day <= date(2027, 2, 11)
        or day == date(2026, 12, 9)
    ):
        day += timedelta(days=1)
    return day


def book_on(
    application: Application, actor: Actor, room_id: int, day: date, **changes: object
) -> int:
    """A booking on ``day`` (any day, past ones too) taken "the day before" it."""
    form: BookingForm = replace(booking_form(room_id), on_date=day, **changes)  # type: ignore[arg-type]
    zone = zone_named("Asia/Shanghai")
    taken = datetime.combine(day - timedelta(days=1), time(8), tzinfo=zone).astimezone(UTC)
    return book(application.database, actor, form, now=taken)
