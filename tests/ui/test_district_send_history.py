"""下发 keeps the history of packages sent (issue 17): the 已下发的数据包 table under the form,
newest first and selected right after a send, narrowed to the chosen center on request, an
empty state that says nothing was sent, and the page with rows laid out at 1024×768 and
1280×800 for an administrator and for staff."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool

from dangqun.core.security import Role
from dangqun.district import service, users
from dangqun.district.database import DistrictDatabase
from dangqun.ui.district.window import DistrictWindow, district_window
from tests.ui.layout_checks import layout_problems
from tests.unit.district.packages import FakeCenter

PASSWORD = "district-secret-1"
CENTERS = ("翠湖社区党群服务中心", "金碧社区党群服务中心")
CONTENT = (
    '{"notices": [{"title": "关于报送四季度数据的通知", "text": "请按时报送。", '
    '"date": "2026-12-01"}], "service_categories": ["理论宣讲"]}'
)
SHOTS = os.environ.get("DANGQUN_DISTRICT_SHOTS")
"""A folder to write the page's screenshots to (looked at by hand; not needed by the asserts)."""


@pytest.fixture
def district_db(tmp_path: Path) -> Iterator[DistrictDatabase]:
    """A district with two registered centers, an administrator (wang) and staff (li)."""
    folder = tmp_path / "district"
    folder.mkdir()
    db = service.open_district(str(folder / "district.sqlite3"), create=True)
    service.init_district(db, "五华区委组织部", folder, folder / "keys")
    for name in CENTERS:
        service.register_center(db, FakeCenter(name).public_key_file(folder))
    users.create_first_administrator(db, "wang", "王主任", PASSWORD)
    users.create_user(db, users.authenticate(db, "wang", PASSWORD), "li", "李干事",
                      Role.STAFF, PASSWORD)  # fmt: skip
    users.act_as(db, None)
    yield db
    db.dispose()


@pytest.fixture
def window(qtbot, district_db: DistrictDatabase, tmp_path: Path) -> Iterator[DistrictWindow]:
    state = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    shown = district_window(district_db, state)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    yield shown
    QThreadPool.globalInstance().waitForDone()


def _settle(qtbot) -> None:
    for _round in range(3):  # a send, then the page's refresh
        QThreadPool.globalInstance().waitForDone()
        qtbot.wait(30)


def _send_page(qtbot, window: DistrictWindow, username: str):
    panel = window.sign_in_panel
    panel.ui.usernameEdit.setText(username)
    panel.ui.passwordEdit.setText(PASSWORD)
    panel.sign_in()
    assert window.signed_in
    page = window.show_page("send")
    _settle(qtbot)
    return page


def _send(qtbot, page, center: str, tmp_path: Path) -> None:
    content = tmp_path / "下发内容.json"
    content.write_text(CONTENT, encoding="utf-8")
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    page.center.setCurrentIndex(page.center.findText(center, Qt.MatchFlag.MatchStartsWith))
    page.content.setText(str(content))
    page.out.setText(str(usb))
    page.send()
    _settle(qtbot)


def test_nothing_sent_yet_is_said_under_the_form(qtbot, window) -> None:
    page = _send_page(qtbot, window, "li")

    assert page.history_table.rowCount() == 0
    assert page.history_empty.isVisible()
    assert page.history_empty.text() == "尚未向任何中心下发数据包。"
    window.resize(1024, 768)
    assert layout_problems(window) == []
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "district-send-empty-1024.png"))


def test_each_send_puts_the_new_package_on_top_selected(qtbot, window, tmp_path: Path) -> None:
    page = _send_page(qtbot, window, "li")
    _send(qtbot, page, CENTERS[1], tmp_path)
    assert page.history_table.rowCount() == 1
    first = page.sent
    _send(qtbot, page, CENTERS[0], tmp_path)
    second = page.sent
    assert first is not None and second is not None and second.seq == 1

    table = page.history_table
    assert table.rowCount() == 2
    assert not page.history_empty.isVisible()
    assert [table.item(row, 1).text() for row in range(2)] == [CENTERS[0], CENTERS[1]]
    assert table.item(0, 2).text() == "第 1 号"
    assert table.item(0, 3).text() == "服务类别 1，通知 1"
    assert table.item(0, 4).text() == second.path.name
    assert table.item(1, 4).text() == first.path.name
    assert second.sha256 in table.item(0, 0).toolTip()
    assert [index.row() for index in table.selectionModel().selectedRows()] == [0]
    assert table.horizontalHeaderItem(0).text() == "生成时间"

    page.only_chosen.setChecked(True)  # the form's center: 翠湖, sent to last
    assert [table.isRowHidden(row) for row in range(2)] == [False, True]
    page.center.setCurrentIndex(page.center.findText(CENTERS[1], Qt.MatchFlag.MatchStartsWith))
    assert [table.isRowHidden(row) for row in range(2)] == [True, False]
    page.only_chosen.setChecked(False)
    assert not any(table.isRowHidden(row) for row in range(2))


def test_a_center_with_nothing_sent_is_named_when_filtered(qtbot, window, tmp_path) -> None:
    page = _send_page(qtbot, window, "wang")
    _send(qtbot, page, CENTERS[1], tmp_path)
    page.center.setCurrentIndex(page.center.findText(CENTERS[0], Qt.MatchFlag.MatchStartsWith))
    page.only_chosen.setChecked(True)

    assert page.history_table.isRowHidden(0)
    assert page.history_empty.isVisible()
    assert page.history_empty.text().startswith(f"尚未向 {CENTERS[0]}")


@pytest.mark.parametrize("username", ["wang", "li"])
def test_the_send_page_with_rows_fits_small_screens(qtbot, window, tmp_path, username) -> None:
    page = _send_page(qtbot, window, username)
    for center in (*CENTERS, CENTERS[0]):
        _send(qtbot, page, center, tmp_path)
    assert page.history_table.rowCount() == 3
    for size in ((1024, 768), (1280, 800)):
        window.resize(*size)
        _settle(qtbot)
        assert layout_problems(window) == [], size
        assert page.history_table.isVisible() and page.history_table.height() > 100
        header = page.history_table.horizontalHeader()
        viewport = page.history_table.viewport().width()
        assert header.sectionPosition(4) < viewport  # the file name column starts on screen
        if SHOTS:
            window.grab().save(str(Path(SHOTS) / f"district-send-{username}-{size[0]}.png"))
