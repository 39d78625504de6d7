"""区级通知 at the center (issue 17): a notice the district sent (the real ``district send`` and
``sync import`` services, keys exchanged both ways) shows on the 数据同步 page's 区级通知 tab
for the front desk (工作人员), newest first, with its text; at 1024×768 nothing is cut."""

from __future__ import annotations

import json
from pathlib import Path

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, Role
from dangqun.core.users import create_user
from dangqun.district import outbound, service
from dangqun.sync import inbound, keys
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.main_window import signed_in_window
from dangqun.ui.pages.sync_page import SyncPage
from tests.conftest import actor_of
from tests.ui.layout_checks import layout_problems

WAIT_MS = 20_000
NOTICES = [
    {"title": "关于报送三季度数据的通知", "text": "请于 10 月 5 日前报送。", "date": "2026-09-01"},
    {"title": "关于开展冬季走访的通知", "text": "请各中心安排走访困难党员。", "date": "2026-12-01"},
]


def _district_notices_imported(application: Application, admin: Actor, folder: Path) -> None:
    """A district sends this center two notices; the center imports the package."""
    db = service.open_district(str(folder / "district.sqlite3"), create=True)
    try:
        setup = service.init_district(db, "五华区委组织部", folder)
        keys.install_district_key(
            application.database, application.paths.keys, admin, setup.public_key_file
        )
        center_key = keys.export_center_public_key(
            application.database, application.paths.keys, admin, folder
        )
        center = service.register_center(db, center_key)
        content = folder / "下发内容.json"
        content.write_text(json.dumps({"notices": NOTICES}, ensure_ascii=False), "utf-8")
        sent = outbound.send_package(db, None, center.uuid, folder, content_file=content)
    finally:
        db.dispose()
    inbound.import_district_package(application.database, application.paths.keys, admin, sent.path)


def test_the_front_desk_reads_the_districts_notices_on_the_sync_page(
    qtbot, application: Application, admin: Actor, tmp_path: Path
) -> None:
    _district_notices_imported(application, admin, tmp_path)
    create_user(application.database, admin, "front", "前台", Role.STAFF, "front-desk-secret-1")
    staff = actor_of(application, "front")
    window = signed_in_window(
        UiContext(application, staff, open_ui_state(application.paths), AppEvents())
    )
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    notices = page.notices
    qtbot.waitUntil(lambda: notices.table.rowCount() == 2, timeout=WAIT_MS)
    assert page.tabs.tabText(page.tabs.indexOf(notices)) == "区级通知"
    assert notices.table.item(0, 1).text() == "关于开展冬季走访的通知"  # newest first
    assert notices.table.item(1, 0).text() == "2026-09-01"
    assert "请各中心安排走访困难党员。" in notices.text.toPlainText()
    notices.table.selectRow(1)
    assert "请于 10 月 5 日前报送。" in notices.text.toPlainText()
    assert "2 条" in notices.summary.text()
    page.tabs.setCurrentWidget(notices)
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)
    assert layout_problems(window) == []


def test_a_center_without_notices_says_where_they_come_from(
    qtbot, application: Application, admin: Actor
) -> None:
    window = signed_in_window(
        UiContext(application, admin, open_ui_state(application.paths), AppEvents())
    )
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("sync")
    qtbot.waitUntil(lambda: "sync import" in page.notices.summary.text(), timeout=WAIT_MS)
    assert page.notices.table.rowCount() == 0
