"""The booking dialog (issue 14, "Bookings", "Bad input"): a booking is taken with its
organization, room, time, headcount, menu and channel; a refusal is shown beside its field in
Chinese and writes nothing; a series lists the dates it skipped with their reasons, and a
skipped date is added later; cancelling one occurrence leaves the others alone."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QWidget

from dangqun.bases.service import (
    BookingQuery,
    BookingStatus,
    ClosureForm,
    ClosureKind,
    Problem,
    add_closure,
    delete_closure,
    get_booking,
    list_bookings,
)
from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.bases.booking_dialog import BookingDialog, SeriesResultDialog, open_booking
from dangqun.ui.bases.checkin_dialog import BookingDetailDialog, CancelDialog
from tests.ui.bases_ui_support import Site, context_of, make_site, open_day
from tests.ui.settings_support import settle


@pytest.fixture
def site(application: Application, admin_actor: Actor) -> Site:
    return make_site(application.database, admin_actor)


def page_of(qtbot, application: Application, actor: Actor) -> QWidget:
    """A stand-in page: what ``open_booking`` needs is a widget with a ``context``."""
    page = QWidget()
    page.context = context_of(application, actor)  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    page.show()
    return page


def opened(qtbot, application: Application, actor: Actor, site: Site, day: date, start: int):
    page = page_of(qtbot, application, actor)
    dialog = open_booking(page, site.base_id, site.hall, day, start)
    qtbot.waitUntil(lambda: dialog.room_combo.count() == 2, timeout=20_000)
    settle(qtbot)
    return page, dialog


def fill(dialog: BookingDialog, headcount: int = 20, phone: str = "13888001234") -> None:
    dialog.organization_combo.setEditText("五华区某科技公司党支部")
    dialog.org_type_combo.setCurrentIndex(2)  # 两新组织
    dialog.contact_edit.setText("陈立")
    dialog.phone_edit.setText(phone)
    dialog.headcount_spin.setValue(headcount)


def counts(application: Application) -> tuple[int, int]:
    with sqlite3.connect(application.paths.database) as connection:
        return (
            connection.execute("SELECT count(*) FROM bases_bookings").fetchone()[0],
            connection.execute("SELECT count(*) FROM audit_log").fetchone()[0],
        )


def test_a_booking_is_taken_with_its_menu_and_who_took_the_call(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    day = open_day(application, 2)
    _page, dialog = opened(qtbot, application, admin_actor, site, day, 9 * 60)
    fill(dialog)
    lesson_row = next(
        row
        for row in range(dialog.menu_list.count())
        if dialog.menu_list.item(row).data(Qt.ItemDataRole.UserRole) == site.lesson
    )
    dialog.menu_list.item(lesson_row).setCheckState(Qt.CheckState.Checked)
    assert "投影仪" in dialog.materials_label.text()  # the lesson's materials follow it
    assert dialog.lecturer_combo.count() == 3  # any free one, 张建国, 李红
    qtbot.waitUntil(lambda: "40" in dialog.capacity_label.text(), timeout=20_000)
    assert dialog.capacity_label.text() == "此时段还剩 40 个位置。"
    dialog.accept()
    settle(qtbot)
    assert dialog.saved is not None
    detail = get_booking(application.database, admin_actor, dialog.saved)
    assert (detail.on_date, detail.slot_text, detail.headcount) == (day, "09:00–11:00", 20)
    assert detail.menu_items == ("专题党课",) and detail.lecturer in ("张建国", "李红")
    assert detail.channel_label == "电话" and detail.taken_by == admin_actor.display_name


def test_a_refusal_is_shown_beside_its_field_and_writes_nothing(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    day = open_day(application, 2)
    _page, dialog = opened(qtbot, application, admin_actor, site, day, 9 * 60)
    fill(dialog, headcount=41, phone="12345")
    before = counts(application)
    dialog.accept()
    settle(qtbot)
    assert dialog.isVisible() and dialog.saved is None
    phone_error = dialog.findChild(type(dialog.general_error), "phoneError")
    assert phone_error.isVisible() and "电话" in phone_error.text()
    dialog.phone_edit.setText("13888001234")
    dialog.accept()
    settle(qtbot)
    headcount_error = dialog.findChild(type(dialog.general_error), "headcountError")
    assert headcount_error.isVisible() and "40" in headcount_error.text()
    assert counts(application) == before


def test_a_series_lists_each_skipped_date_and_one_is_added_later(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    first = open_day(application, 3)
    while first + timedelta(days=21) >= date(2027, 2, 5) and first <= date(2027, 2, 11):
        first += timedelta(days=7)
    closed = first + timedelta(days=7)
    closure = add_closure(
        application.database,
        admin_actor,
        site.base_id,
        ClosureForm("布展", ClosureKind.DATES, closed),
    )
    page, dialog = opened(qtbot, application, admin_actor, site, first, 14 * 60)
    fill(dialog)
    dialog.repeat_box.setChecked(True)
    dialog.rule_combo.setCurrentIndex(0)  # every week
    dialog.weekday_combo.setCurrentIndex(first.weekday())
    last = first + timedelta(days=21)
    dialog.until_edit.setDate(QDate(last.year, last.month, last.day))
    dialog.accept()
    settle(qtbot)
    result = page.series_result
    assert isinstance(result, SeriesResultDialog)
    assert len(result.series.booking_ids) + len(result.series.skipped) == 4
    skipped_closure = [s for s in result.series.skipped if s.on_date == closed]
    assert skipped_closure and skipped_closure[0].problem is Problem.CLOSED
    texts = [result.skipped_list.item(row).text() for row in range(result.skipped_list.count())]
    assert any(closed.isoformat() in text and "闭馆" in text for text in texts)

    row = next(i for i, text in enumerate(texts) if closed.isoformat() in text)
    result.skipped_list.setCurrentRow(row)
    result.add_chosen()  # still closed: refused, the date stays listed
    settle(qtbot)
    assert result.message_label.text() and result.skipped_list.count() == len(texts)
    delete_closure(application.database, admin_actor, closure)
    result.add_chosen()
    settle(qtbot)
    assert result.skipped_list.count() == len(texts) - 1
    series = list_bookings(
        application.database, admin_actor, BookingQuery(room_id=site.hall, starts_on=first)
    )
    assert closed in [b.on_date for b in series]


def test_cancelling_one_occurrence_leaves_the_others(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    first = open_day(application, 3)
    page, dialog = opened(qtbot, application, admin_actor, site, first, 15 * 60)
    fill(dialog)
    dialog.repeat_box.setChecked(True)
    dialog.weekday_combo.setCurrentIndex(first.weekday())
    last = first + timedelta(days=14)
    dialog.until_edit.setDate(QDate(last.year, last.month, last.day))
    dialog.accept()
    settle(qtbot)
    ids = page.series_result.series.booking_ids
    assert len(ids) >= 2
    detail = get_booking(application.database, admin_actor, ids[1])
    details = BookingDetailDialog(context_of(application, admin_actor), detail, page)
    qtbot.addWidget(details)
    assert details.action_buttons["cancel"].text() == "取消本次"
    details.cancel()
    cancel = details.sub_dialog
    assert isinstance(cancel, CancelDialog)
    cancel.accept()
    settle(qtbot)
    assert cancel.findChild(type(cancel.general_error), "reasonError").isVisible()
    cancel.reason_edit.setText("场地另有安排")
    cancel.accept()
    settle(qtbot)
    statuses = [get_booking(application.database, admin_actor, i).status for i in ids]
    assert statuses[1] is BookingStatus.CANCELLED
    assert [s for n, s in enumerate(statuses) if n != 1] == [BookingStatus.PENDING] * (len(ids) - 1)
    assert details.detail.status is BookingStatus.CANCELLED


def test_a_pending_booking_is_changed_and_moved(
    qtbot, application: Application, admin_actor: Actor, site: Site
) -> None:
    from tests.ui.bases_ui_support import book_on

    day = open_day(application, 2)
    booking_id = book_on(application, admin_actor, site.hall, day)
    page = page_of(qtbot, application, admin_actor)
    detail = get_booking(application.database, admin_actor, booking_id)
    dialog = BookingDialog(
        context_of(application, admin_actor), site.base_id, page, existing=detail
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.room_combo.count() == 2, timeout=20_000)
    assert not dialog.repeat_box.isVisibleTo(dialog)
    dialog.start_edit.setTime(QTime(16, 0))
    dialog.end_edit.setTime(QTime(17, 30))
    dialog.accept()
    settle(qtbot)
    assert get_booking(application.database, admin_actor, booking_id).slot_text == "16:00–17:30"
