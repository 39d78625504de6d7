"""登记讲师志愿服务 (issue 14, "Hand-offs"): from a completed booking whose lecturer is a volunteer,
the drafted record is reviewed and saved as 待核实 once; the dialog fits small screens."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QWidget

from dangqun.bases import service as bases
from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.bases.handoff_dialog import HandoffDialog, open_handoff
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from tests.ui.layout_checks import layout_problems
from tests.ui.settings_support import settle
from tests.unit.bases.conftest import make_site
from tests.unit.bases.test_handoff import _completed_booking
from tests.unit.timebank.conftest import open_resident


class Page(QWidget):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context


def _records(application: Application) -> list[tuple]:
    with sqlite3.connect(application.paths.database) as connection:
        return connection.execute(
            "SELECT status, slip_number, beneficiary_kind, content FROM timebank_service_records"
        ).fetchall()


def _page_with_booking(qtbot, application: Application, admin: Actor) -> tuple[Page, int]:
    database = application.database
    site = make_site(database, admin)
    volunteer = open_resident(database, admin)
    lecturer = bases.create_lecturer(database, admin, bases.LecturerForm(volunteer_id=volunteer))
    booking_id = _completed_booking(database, admin, site, lecturer.id)
    page = Page(UiContext(application, admin, open_ui_state(application.paths), AppEvents()))
    qtbot.addWidget(page)
    return page, booking_id


def _opened(qtbot, page: Page, booking_id: int) -> HandoffDialog:
    open_handoff(page, booking_id)
    qtbot.waitUntil(lambda: page.findChild(HandoffDialog) is not None, timeout=5000)
    dialog = page.findChild(HandoffDialog)
    qtbot.waitExposed(dialog)
    settle(qtbot)
    return dialog


def test_the_reviewed_record_is_saved_pending_once(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    page, booking_id = _page_with_booking(qtbot, application, admin_actor)
    dialog = _opened(qtbot, page, booking_id)
    assert dialog.category_box.currentText() == "其他"
    dialog.content_edit.setPlainText("为来访支部讲授党史专题党课")

    dialog.accept()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=5000)

    number = bases.get_booking(application.database, admin_actor, booking_id).number
    assert _records(application) == [
        ("pending", number, "base_booking", "为来访支部讲授党史专题党课")
    ]
    told: list[str] = []
    monkeypatch.setattr(
        "dangqun.ui.bases.handoff_dialog.QMessageBox.information",
        lambda _parent, _title, text: told.append(text),
    )
    open_handoff(page, booking_id)
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert number in told[0] and len(_records(application)) == 1


def test_the_dialog_fits_small_screens(qtbot, application: Application, admin_actor: Actor) -> None:
    page, booking_id = _page_with_booking(qtbot, application, admin_actor)
    dialog = _opened(qtbot, page, booking_id)
    assert dialog.width() <= 1024 and dialog.height() <= 768
    assert layout_problems(dialog) == []
    dialog.reject()


def test_the_booking_offers_the_hand_off_only_when_it_can_succeed(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    """The completed booking's dialog shows 登记讲师志愿服务… when its lecturer is a volunteer
    and opens the review from it; a booking whose lecturer is a guest shows no such button."""
    from dangqun.ui.bases.checkin_dialog import BookingDetailDialog

    page, booking_id = _page_with_booking(qtbot, application, admin_actor)
    detail = bases.get_booking(application.database, admin_actor, booking_id)
    dialog = BookingDetailDialog(page.context, detail, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "handoff" in dialog.action_buttons, timeout=5000)
    assert "print_slip" in dialog.action_buttons
    dialog.action_buttons["handoff"].click()
    qtbot.waitUntil(lambda: dialog.findChild(HandoffDialog) is not None, timeout=5000)

    guest = bases.create_lecturer(
        application.database, admin_actor, bases.LecturerForm(name="张建国")
    )
    site = make_site(application.database, admin_actor, name="科技创新党建基地")
    other = _completed_booking(application.database, admin_actor, site, guest.id)
    detail = bases.get_booking(application.database, admin_actor, other)
    plain = BookingDetailDialog(page.context, detail, page)
    qtbot.addWidget(plain)
    plain.show()
    settle(qtbot)
    qtbot.wait(300)
    assert "handoff" not in plain.action_buttons
