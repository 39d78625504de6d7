"""生成会议记录草稿 (issue 14 "Hand-offs", issue 15): a completed booking of a branch of this
center offers the button; it opens the meeting editor prefilled from the booking, the checked-in
roster members become 出席 once the header is saved, and closing unsaved stores nothing.

The visit is the unit tests' (tests/unit/minutes/test_handoff.py): 第一网格党支部 on 2026-12-04
09:00–11:00 in the base's 党员活动室, checked in as 王建国 (picked), 李秀英 (typed, one roster
member of that name), 冯涛 (another branch) and 访客甲 (a visitor).
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from dangqun.bases import service as bases
from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.minutes import service
from dangqun.minutes.vocabulary import AttendanceStatus
from dangqun.ui.bases.checkin_dialog import BookingDetailDialog
from dangqun.ui.minutes.attendance_table import REASON, cell
from dangqun.ui.minutes.meeting_editor import MeetingEditor
from tests.ui.bases_ui_support import context_of
from tests.ui.layout_checks import layout_problems
from tests.ui.settings_support import settle
from tests.unit.bases.conftest import make_site
from tests.unit.minutes.conftest import make_center, row_counts
from tests.unit.minutes.test_handoff import _visit

WAIT_MS = 20_000
WINDOWS: list[QWidget] = []
"""The pages the dialogs belong to, kept alive until the session ends (qtbot holds widgets
weakly; a page collected with the helper's frame would delete its dialogs)."""


class Page(QWidget):
    def __init__(self, application: Application, actor: Actor) -> None:
        super().__init__()
        self.context = context_of(application, actor)


def _booking_dialog(qtbot, application: Application, actor: Actor, booking_id: int):
    page = Page(application, actor)
    qtbot.addWidget(page)
    WINDOWS.append(page)
    detail = bases.get_booking(application.database, actor, booking_id)
    dialog = BookingDetailDialog(page.context, detail, page)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    return page, dialog


def _branch_visit(application: Application, admin: Actor) -> int:
    database = application.database
    center = make_center(database, admin)
    site = make_site(database, admin)
    return _visit(database, admin, center, site, item=site.oath, organization="第一网格党支部")


def _drafted_editor(qtbot, application: Application, admin: Actor) -> MeetingEditor:
    """The editor opened with the booking dialog's 生成会议记录草稿… button."""
    booking_id = _branch_visit(application, admin)
    _page, dialog = _booking_dialog(qtbot, application, admin, booking_id)
    qtbot.waitUntil(lambda: "meeting_draft" in dialog.action_buttons, timeout=WAIT_MS)
    assert dialog.action_buttons["meeting_draft"].text() == "生成会议记录草稿…"
    dialog.action_buttons["meeting_draft"].click()
    qtbot.waitUntil(lambda: dialog.findChild(MeetingEditor) is not None, timeout=WAIT_MS)
    editor = dialog.findChild(MeetingEditor)
    qtbot.waitUntil(editor.is_ready, timeout=WAIT_MS)
    return editor


def _meetings(application: Application) -> list[tuple]:
    with sqlite3.connect(application.paths.database) as connection:
        return connection.execute(
            "SELECT id, organization_id, place, observers FROM minutes_meetings"
        ).fetchall()


def test_the_button_shows_only_for_a_completed_visit_of_a_branch_of_this_center(
    qtbot, application: Application, admin_actor: Actor, read_only_actor: Actor
) -> None:
    database = application.database
    center = make_center(database, admin_actor)
    site = make_site(database, admin_actor)
    branch = _visit(
        database, admin_actor, center, site, item=site.oath, organization="第一网格党支部"
    )
    elsewhere = _visit(
        database,
        admin_actor,
        center,
        site,
        item=site.oath,
        organization="云南某科技有限公司党支部",
        hour=14,
    )
    checked_in = _visit(
        database,
        admin_actor,
        center,
        site,
        item=site.oath,
        organization="第二网格党支部",
        complete=False,
        hour=17,
    )

    _page, offered = _booking_dialog(qtbot, application, admin_actor, branch)
    qtbot.waitUntil(lambda: "meeting_draft" in offered.action_buttons, timeout=WAIT_MS)
    assert layout_problems(offered) == [] and offered.width() <= 1024
    for booking_id, actor in (
        (elsewhere, admin_actor),
        (checked_in, admin_actor),
        (branch, read_only_actor),
    ):
        _page, plain = _booking_dialog(qtbot, application, actor, booking_id)
        qtbot.wait(300)
        settle(qtbot)
        assert "meeting_draft" not in plain.action_buttons


def test_the_editor_opens_prefilled_from_the_booking_and_stores_nothing(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    editor = _drafted_editor(qtbot, application, admin_actor)
    before = row_counts(application.database)
    header = editor.header

    assert editor.meeting_id is None and editor.windowTitle() == "新建会议"
    assert header.organization_combo.currentText() == "第一网格党支部"
    assert header.type_combo.currentText() == "主题党日"
    assert (
        header.date_edit.date().toString("yyyy-MM-dd"),
        header.starts_edit.time().toString("HH:mm"),
        header.ends_edit.time().toString("HH:mm"),
    ) == ("2026-12-04", "09:00", "11:00")
    assert header.room_combo.currentText() == "翠湖红色教育基地 · 党员活动室"
    assert header.place_edit.text() == "翠湖红色教育基地党员活动室"
    assert header.topic_edit.text() == "重温入党誓词"
    assert header.observers_edit.toPlainText() == "冯涛、访客甲"
    assert header.host_combo.findText("王建国") >= 0  # the branch's roster to pick from
    assert editor.handoff is not None
    assert editor.handoff.booking_number in editor.autosave_label.text()
    assert not editor.tabs.isTabEnabled(editor.tabs.indexOf(editor.attendance))

    editor.reject()
    settle(qtbot)
    assert row_counts(application.database) == before
    assert _meetings(application) == []
    with sqlite3.connect(application.paths.database) as connection:
        assert connection.execute("SELECT count(*) FROM minutes_drafts").fetchone() == (0,)


def test_saving_creates_the_meeting_with_the_checked_in_members_present(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    editor = _drafted_editor(qtbot, application, admin_actor)
    editor.header.host_combo.setEditText("王建国")
    editor.header.recorder_combo.setEditText("李秀英")
    editor.save_current()
    qtbot.waitUntil(lambda: editor._save_call is None and editor.is_ready(), timeout=WAIT_MS)

    ((meeting_id, _organization, place, observers),) = _meetings(application)
    assert (editor.meeting_id, place, observers) == (
        meeting_id,
        "翠湖红色教育基地党员活动室",
        "冯涛、访客甲",
    )
    assert editor.current_section() == "attendance" and "attendance" in editor.dirty
    assert editor.handoff is not None
    assert editor.handoff.booking_number in editor.attendance.hint_label.text()
    lines = {line["name"]: line["status"] for line in editor.attendance.lines()}
    assert lines["王建国"] == lines["李秀英"] == "present"
    assert {name for name, status in lines.items() if status == "present"} == {"王建国", "李秀英"}
    assert "冯涛" not in lines and set(lines.values()) == {"present", "absent"}

    table = editor.attendance.table
    for row in range(table.rowCount()):
        if editor.attendance.lines()[row]["status"] == AttendanceStatus.ABSENT.value:
            cell(table, row, REASON).setData(Qt.ItemDataRole.UserRole, "personal")
    editor.save_current()
    qtbot.waitUntil(lambda: editor._save_call is None and editor.is_ready(), timeout=WAIT_MS)

    detail = service.get_meeting(application.database, admin_actor, meeting_id)
    assert editor.dirty == set()
    assert {line.name for line in detail.attendance if line.status == "present"} == {
        "王建国",
        "李秀英",
    }
    assert detail.figures.present == 2 and detail.figures.absent == len(lines) - 2
    assert detail.host_member_id is not None and detail.room_id is not None
    editor.reject()
