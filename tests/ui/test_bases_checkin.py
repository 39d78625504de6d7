"""签到, 完成 and 未到 (issue 14, "Check-in"; "a no-show is marked from that list after the slot
ends"): the real headcount, named attendees (a member found by the member search, a visitor
typed in) or the numbers of a printed sign-in sheet; 未到 only once the slot is over; today's
arrivals and tomorrow's call list, with the phone masked for staff."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtWidgets import QWidget

from dangqun.bases.service import BookingStatus, get_booking
from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.bases.arrivals import ArrivalsDialog
from dangqun.ui.bases.checkin_dialog import BookingDetailDialog, CheckInDialog
from dangqun.ui.bases.week_calendar import center_today
from tests.ui.bases_ui_support import Site, book_on, context_of, make_site
from tests.ui.settings_support import settle


@pytest.fixture
def site(application: Application, admin_actor: Actor) -> Site:
    return make_site(application.database, admin_actor)


def detail_dialog(qtbot, application: Application, actor: Actor, booking_id: int):
    detail = get_booking(application.database, actor, booking_id)
    dialog = BookingDetailDialog(context_of(application, actor), detail)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.demo_members(20)
def test_check_in_takes_the_sheet_numbers_and_named_attendees_then_completes(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    today = center_today(application.database)
    booking_id = book_on(application, admin_actor, site.hall, today)
    details = detail_dialog(qtbot, application, admin_actor, booking_id)
    assert set(details.action_buttons) >= {"confirm", "check_in", "cancel", "edit"}
    details.confirm()
    settle(qtbot)
    assert details.detail.status is BookingStatus.CONFIRMED
    details.check_in()
    check_in = details.sub_dialog
    assert isinstance(check_in, CheckInDialog)
    check_in.sheet_members_spin.setValue(12)
    check_in.sheet_others_spin.setValue(5)
    check_in.use_sheet()
    assert check_in.headcount_spin.value() == 17
    check_in.visitor_edit.setText("周青")
    check_in.add_visitor()
    with qtbot.waitSignal(check_in.members_found, timeout=20_000):
        check_in.member_search.setText("")
        check_in.search_members()
    assert check_in.found_list.count() >= 1
    check_in.add_member(check_in.found_list.item(0))
    check_in.accept()
    settle(qtbot)
    stored = get_booking(application.database, admin_actor, booking_id)
    assert stored.status is BookingStatus.CHECKED_IN and stored.actual_headcount == 17
    assert "周青" in [a.name for a in stored.attendees]
    assert any(a.member_id is not None for a in stored.attendees)
    assert set(details.action_buttons) == {"complete", "print_slip"}
    details.complete()
    settle(qtbot)
    assert get_booking(application.database, admin_actor, booking_id).status is (
        BookingStatus.COMPLETED
    )


def test_a_headcount_of_zero_is_refused_beside_the_field(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    booking_id = book_on(application, admin_actor, site.hall, center_today(application.database))
    detail = get_booking(application.database, admin_actor, booking_id)
    dialog = CheckInDialog(context_of(application, admin_actor), detail)
    qtbot.addWidget(dialog)
    dialog.headcount_spin.setValue(0)
    dialog.accept()
    settle(qtbot)
    error = dialog.findChild(type(dialog.general_error), "actual_headcountError")
    assert not error.isHidden() and "实到人数" in error.text()
    assert get_booking(application.database, admin_actor, booking_id).status is (
        BookingStatus.PENDING
    )


def test_no_show_is_offered_only_after_the_slot_has_ended(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    today = center_today(application.database)
    yesterday = book_on(application, admin_actor, site.hall, today - timedelta(days=1))
    tomorrow = book_on(application, admin_actor, site.hall, today + timedelta(days=1))
    assert "no_show" not in detail_dialog(qtbot, application, admin_actor, tomorrow).action_buttons
    past = detail_dialog(qtbot, application, admin_actor, yesterday)
    past.action_buttons["no_show"].click()
    settle(qtbot)
    assert get_booking(application.database, admin_actor, yesterday).status is (
        BookingStatus.NO_SHOW
    )


def test_arrivals_list_today_and_tomorrow_with_phones_masked_for_staff(
    qtbot, application: Application, admin_actor: Actor, read_only_actor: Actor, site: Site
) -> None:
    today = center_today(application.database)
    book_on(application, admin_actor, site.hall, today, starts_at=time(9), ends_at=time(10))
    book_on(application, admin_actor, site.meeting_room, today + timedelta(days=1), headcount=8)
    page = QWidget()
    qtbot.addWidget(page)
    page.context = context_of(application, admin_actor)  # type: ignore[attr-defined]
    dialog = ArrivalsDialog(page.context, page)  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.loaded, timeout=20_000):
        dialog.show()
    assert dialog.arrivals_table.rowCount() == 1 and dialog.calls_table.rowCount() == 1
    assert dialog.calls_table.item(0, 5).text() == "13888001234"
    dialog.arrivals_table.selectRow(0)
    assert dialog.check_in_button.isEnabled()
    staff = ArrivalsDialog(context_of(application, read_only_actor))
    qtbot.addWidget(staff)
    with qtbot.waitSignal(staff.loaded, timeout=20_000):
        staff.show()
    assert "*" in staff.calls_table.item(0, 5).text()
