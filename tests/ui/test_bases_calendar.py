"""The week calendar (issue 14): a room's days × hours with opening hours, closed dates,
bookings as blocks by status and free places per slot; the arrow keys move a focused slot and
Enter books it; a click on an empty slot opens the booking dialog filled in, a click on a
block opens the booking."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from dangqun.bases.service import cancel_booking
from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.bases.booking_dialog import BookingDialog
from dangqun.ui.bases.checkin_dialog import BookingDetailDialog
from dangqun.ui.bases.week_calendar import HEADER_HEIGHT, HOUR_HEIGHT, TIME_COLUMN, WeekCalendar
from tests.ui.bases_ui_support import Site, book_on, context_of, make_site, open_day
from tests.ui.settings_support import settle


@pytest.fixture
def site(application: Application, admin_actor: Actor) -> Site:
    return make_site(application.database, admin_actor)


def calendar_of(qtbot, application: Application, actor: Actor, site: Site) -> WeekCalendar:
    calendar = WeekCalendar(context_of(application, actor))
    qtbot.addWidget(calendar)
    calendar.resize(1000, 640)
    calendar.show()
    with qtbot.waitSignal(calendar.loaded, timeout=20_000):
        calendar.show_base(site.base_id)
    settle(qtbot)
    return calendar


def test_the_week_shows_hours_free_places_and_blocks_by_status(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    day = open_day(application, 2)
    kept = book_on(application, admin_actor, site.hall, day, headcount=25)
    gone = book_on(
        application, admin_actor, site.hall, day, headcount=5, organization="某社区第二支部"
    )
    cancel_booking(application.database, admin_actor, gone, "改期")
    calendar = calendar_of(qtbot, application, admin_actor, site)
    calendar.show_week_of(day)
    qtbot.waitUntil(lambda: calendar.starts_on is not None and calendar.starts_on <= day)
    settle(qtbot)
    grid = calendar.grid
    index = (day - calendar.starts_on).days
    assert grid.first_minute == 9 * 60 and grid.last_minute == 20 * 60
    assert grid.slot_at(index, 9 * 60 + 30) == (9 * 60, 10 * 60, 15)  # 40 − 25 held
    assert grid.slot_at(index, 12 * 60 + 30) is None  # lunch: closed
    blocks = {block.id: block.status.value for block in grid.week.blocks}
    assert blocks == {kept: "pending", gone: "cancelled"}
    assert grid.block_at(index, 9 * 60).id == kept  # the one still holding places first
    assert calendar.capacity_label.text() == "党员活动室：容纳 40 人，多个预约可共用"


def test_keyboard_moves_the_focused_slot_and_enter_books_it(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    calendar = calendar_of(qtbot, application, admin_actor, site)
    calendar.move_weeks(1)
    qtbot.waitSignal(calendar.loaded, timeout=20_000)
    settle(qtbot)
    grid = calendar.grid
    grid.setFocus()
    grid.focus_day, grid.focus_minute = 0, grid.first_minute
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert (grid.focus_day, grid.focus_minute) == (1, 10 * 60)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    dialog = calendar.findChild(BookingDialog)
    assert dialog is not None
    tuesday = calendar.starts_on + timedelta(days=1)
    assert dialog.date_edit.date().toPython() == tuesday
    assert dialog.start_edit.time().toString("HH:mm") == "10:00"
    qtbot.waitUntil(lambda: dialog.room_combo.count() == 2, timeout=20_000)
    assert dialog.room_combo.currentData() == site.hall
    dialog.reject()


def test_clicking_an_empty_slot_books_it_and_a_block_opens_the_booking(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    day = open_day(application, 2)
    booked = book_on(application, admin_actor, site.hall, day, starts_at=time(14), ends_at=time(16))
    calendar = calendar_of(qtbot, application, admin_actor, site)
    calendar.show_week_of(day)
    qtbot.waitUntil(
        lambda: (
            calendar.grid.week is not None and day in [d.on_date for d in calendar.grid.week.days]
        )
    )
    settle(qtbot)
    grid = calendar.grid
    index = (day - calendar.starts_on).days
    x = int(TIME_COLUMN + (index + 0.5) * grid._day_width())
    empty = QPoint(x, HEADER_HEIGHT + (11 * 60 - grid.first_minute) * HOUR_HEIGHT // 60 + 5)
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=empty)
    dialog = calendar.findChild(BookingDialog)
    assert dialog is not None
    assert dialog.date_edit.date().toPython() == day
    assert dialog.start_edit.time().toString("HH:mm") == "11:00"
    dialog.reject()
    settle(qtbot)
    on_block = QPoint(x, HEADER_HEIGHT + (15 * 60 - grid.first_minute) * HOUR_HEIGHT // 60)
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=on_block)
    qtbot.waitUntil(lambda: calendar.findChild(BookingDetailDialog) is not None, timeout=20_000)
    assert calendar.findChild(BookingDetailDialog).detail.id == booked


def test_a_closed_date_has_no_slot_to_book(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    from dangqun.bases.service import ClosureForm, ClosureKind, add_closure

    day = open_day(application, 3)
    add_closure(
        application.database, admin_actor, site.base_id, ClosureForm("布展", ClosureKind.DATES, day)
    )
    calendar = calendar_of(qtbot, application, admin_actor, site)
    calendar.show_week_of(day)
    qtbot.waitUntil(
        lambda: (
            calendar.grid.week is not None and day in [d.on_date for d in calendar.grid.week.days]
        )
    )
    settle(qtbot)
    index = (day - calendar.starts_on).days
    assert "布展" in calendar.grid.week.days[index].closed
    calendar.grid.activate(index, 10 * 60)
    assert calendar.findChild(BookingDialog) is None
