"""The 介绍信 row of the booking dialog (issue 14; migration 0010): a booking with a letter shows
its name and size; 查看 writes an owner-only temporary copy and hands it to the system viewer
(for a role that may see personal data only); 移除 asks, then removes it from the database."""

from __future__ import annotations

import sqlite3
import stat
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import SIGNAL, QCoreApplication, QUrl

from dangqun.bases.service import BookingForm, get_booking
from dangqun.bootstrap import Application
from dangqun.core.security import Actor, Role
from dangqun.ui.bases import booking_dialog
from dangqun.ui.bases.booking_dialog import BookingDialog
from dangqun.ui.widgets import message_boxes
from tests.ui.bases_ui_support import Site, book_on, context_of, make_site, open_day
from tests.ui.layout_checks import layout_problems
from tests.ui.settings_support import settle

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 12  # 3 KB
STAFF = Actor(None, "limin", "李敏", Role.STAFF)


@pytest.fixture
def site(application: Application, admin_actor: Actor) -> Site:
    return make_site(application.database, admin_actor)


@pytest.fixture
def booked(application: Application, admin_actor: Actor, site: Site, tmp_path: Path) -> int:
    scan = tmp_path / "某公司党支部介绍信.pdf"
    scan.write_bytes(PDF)
    day: date = open_day(application, 3)
    return book_on(application, admin_actor, site.hall, day, letter_file=scan)


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    urls: list[Path] = []

    def record(url: QUrl) -> bool:
        urls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(booking_dialog.QDesktopServices, "openUrl", record)
    return urls


def dialog_for(qtbot, application: Application, actor: Actor, site: Site, booking_id: int):
    existing = get_booking(application.database, actor, booking_id)
    dialog = BookingDialog(context_of(application, actor), site.base_id, existing=existing)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.room_combo.count() == 2, timeout=20_000)
    settle(qtbot)
    return dialog


def test_the_dialog_shows_the_letters_name_and_size_and_opens_it(
    qtbot, application: Application, admin_actor: Actor, site: Site, booked: int, opened_urls
) -> None:
    dialog = dialog_for(qtbot, application, admin_actor, site, booked)
    assert dialog.letter_label.text() == "某公司党支部介绍信.pdf（3 KB）"
    assert dialog.letter_view_button.text() == "查看"
    assert dialog.letter_view_button.isVisible() and dialog.letter_view_button.isEnabled()
    assert dialog.letter_remove_button.text() == "移除"
    assert layout_problems(dialog) == []  # the name, 查看, 移除 and 选择… fit beside each other
    dialog.letter_view_button.click()
    qtbot.waitUntil(lambda: len(opened_urls) == 1, timeout=20_000)
    viewed = opened_urls[0]
    assert viewed == dialog.viewed_letter
    assert viewed.name == "某公司党支部介绍信.pdf"
    assert viewed.read_bytes() == PDF
    if sys.platform != "win32":
        assert stat.S_IMODE(viewed.stat().st_mode) == 0o600
        assert stat.S_IMODE(viewed.parent.parent.stat().st_mode) == 0o700
    with sqlite3.connect(application.paths.database) as connection:
        assert connection.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'bases.booking.letter_view'"
        ).fetchone() == (1,)
    app = QCoreApplication.instance()
    assert app is not None and app.receivers(SIGNAL("aboutToQuit()")) >= 1
    booking_dialog.remove_viewer_files()  # what quitting runs
    assert not viewed.exists() and not viewed.parent.parent.exists()


def test_staff_see_the_letter_but_the_view_button_is_disabled(
    qtbot, application: Application, site: Site, booked: int, opened_urls
) -> None:
    dialog = dialog_for(qtbot, application, STAFF, site, booked)
    assert dialog.letter_label.text() == "某公司党支部介绍信.pdf（3 KB）"
    assert dialog.letter_view_button.isVisible()
    assert not dialog.letter_view_button.isEnabled()
    assert "管理员" in dialog.letter_view_button.toolTip()
    dialog.letter_view_button.click()
    settle(qtbot)
    assert opened_urls == []


def test_remove_asks_then_takes_the_letter_out_of_the_database(
    qtbot,
    application: Application,
    admin_actor: Actor,
    site: Site,
    booked: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def answer(_parent, _title, text, _accept, details="") -> bool:
        asked.append(text)
        return len(asked) > 1  # the first time the clerk cancels

    monkeypatch.setattr(message_boxes, "confirm", answer)
    dialog = dialog_for(qtbot, application, admin_actor, site, booked)
    dialog.letter_remove_button.click()
    settle(qtbot)
    assert get_booking(application.database, admin_actor, booked).letter is not None
    dialog.letter_remove_button.click()
    qtbot.waitUntil(lambda: dialog.stored_letter is None, timeout=20_000)
    assert "某公司党支部介绍信.pdf" in asked[-1]
    assert get_booking(application.database, admin_actor, booked).letter is None
    assert dialog.letter_label.text() == "未选择文件"
    assert not dialog.letter_view_button.isVisible()
    assert not dialog.letter_remove_button.isVisible()


def test_a_new_file_replaces_the_letter_when_the_change_is_saved(
    qtbot, application: Application, admin_actor: Actor, site: Site, booked: int, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, application, admin_actor, site, booked)
    replacement = tmp_path / "补交的介绍信.png"
    replacement.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    dialog.set_letter(replacement)
    assert "补交的介绍信.png" in dialog.letter_label.text()
    assert not dialog.letter_view_button.isVisible()
    form: BookingForm = dialog.form()
    assert form.letter_file == replacement
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.result() == BookingDialog.DialogCode.Accepted, timeout=20_000)
    letter = get_booking(application.database, admin_actor, booked).letter
    assert letter is not None and letter.file_name == "补交的介绍信.png"
