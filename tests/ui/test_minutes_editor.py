"""The meeting editor (issue 15): header, attendance with live figures, agenda, resolutions with
the quorum verdict as typed, attachments, signatures and corrections; drafts kept while typing
and offered back; refusals shown in Chinese beside the field, nothing typed lost."""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.minutes import service
from dangqun.minutes.vocabulary import AttendanceStatus, MeetingType, SignatureRole
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.minutes.attendance_table import NAME, STATUS, cell
from dangqun.ui.minutes.meeting_editor import MeetingEditor, open_meeting_editor
from tests.ui.conftest import actor_of
from tests.unit.minutes.conftest import NOW, Center, make_center, meeting_form

WAIT_MS = 20_000


def context_of(application: Application, actor: Actor) -> UiContext:
    return UiContext(application, actor, open_ui_state(application.paths), AppEvents())


WINDOWS: list[QWidget] = []
"""The windows the editors belong to, kept alive until the session ends (qtbot holds widgets
weakly; a parent collected with the helper's frame would delete its editor)."""


def opened(qtbot, application: Application, actor: Actor, meeting_id: int | None) -> MeetingEditor:
    parent = QWidget()
    qtbot.addWidget(parent)
    WINDOWS.append(parent)
    parent.resize(1280, 800)
    editor = open_meeting_editor(parent, context_of(application, actor), meeting_id)
    qtbot.waitUntil(editor.is_ready, timeout=WAIT_MS)
    return editor


def saved(qtbot, editor: MeetingEditor) -> None:
    editor.save_current()
    qtbot.waitUntil(lambda: editor._save_call is None and editor.is_ready(), timeout=WAIT_MS)


def held(application: Application, admin: Actor, center: Center) -> int:
    """The general meeting of 2026-11-10 with no attendance yet."""
    return service.create_meeting(application.database, admin, meeting_form(center))


def row_of(editor: MeetingEditor, name: str) -> int:
    table = editor.attendance.table
    return next(row for row in range(table.rowCount()) if cell(table, row, NAME).text() == name)


def set_status(editor: MeetingEditor, name: str, status: AttendanceStatus, label: str) -> None:
    item = cell(editor.attendance.table, row_of(editor, name), STATUS)
    item.setData(Qt.ItemDataRole.UserRole, status.value)
    item.setText(label)


def test_a_new_meeting_is_created_from_its_header(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    editor = opened(qtbot, application, admin_actor, None)
    assert editor.windowTitle() == "新建会议"
    assert not editor.tabs.isTabEnabled(editor.tabs.indexOf(editor.attendance))
    header = editor.header
    header.organization_combo.setCurrentIndex(header.organization_combo.findData(center.branch))
    header.type_combo.setCurrentIndex(header.type_combo.findText("党课"))
    header.date_edit.setDate(QDate(2026, 11, 12))
    header.place_edit.setText("社区党群服务中心")
    header.host_combo.setEditText("王建国")
    header.recorder_combo.setEditText("李秀英")
    header.topic_edit.setText("党章学习")
    saved(qtbot, editor)
    assert editor.meeting_id is None
    assert "党课须填写讲课人" in header.errors.message("lecturer_name")

    header.lecturer_edit.setText("王建国")
    saved(qtbot, editor)
    assert editor.meeting_id is not None
    detail = service.get_meeting(application.database, admin_actor, editor.meeting_id)
    assert (detail.meeting_type, detail.lecturer_name, detail.topic) == (
        "party_lesson",
        "王建国",
        "党章学习",
    )
    assert editor.tabs.isTabEnabled(editor.tabs.indexOf(editor.attendance))


def test_attendance_comes_from_the_roster_and_its_figures_follow_the_typing(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = held(application, admin_actor, center)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    editor.show_tab("attendance")
    names = [item["name"] for item in editor.attendance.lines()]
    # The roster of 2026-11-10: no 双报到 member, no one who joined later, the one who left since.
    assert "周敏" not in names and "吴军" not in names and "郑芳" in names
    assert editor.attendance.figures().should_attend == len(names)
    assert f"应到 {len(names)}" in editor.attendance.figures_label.text()

    set_status(editor, "张伟", AttendanceStatus.ABSENT, "缺席")
    assert editor.attendance.figures().present == len(names) - 1
    assert f"实到 {len(names) - 1}" in editor.attendance.figures_label.text()
    assert "attendance" in editor.dirty
    saved(qtbot, editor)
    assert "张伟缺席，请选择原因" in editor.attendance.error_label.text()
    assert editor.attendance.lines()[row_of(editor, "张伟")]["status"] == "absent"  # kept

    set_status(editor, "王建国", AttendanceStatus.LEAVE, "请假")
    reason = cell(editor.attendance.table, row_of(editor, "王建国"), 3)
    reason.setData(Qt.ItemDataRole.UserRole, "sick")
    reason = cell(editor.attendance.table, row_of(editor, "张伟"), 3)
    reason.setData(Qt.ItemDataRole.UserRole, "personal")
    saved(qtbot, editor)
    assert "主持人王建国不能登记为请假" in editor.attendance.error_label.text()
    assert service.get_meeting(application.database, admin_actor, meeting_id).attendance == ()

    set_status(editor, "王建国", AttendanceStatus.PRESENT, "出席")
    saved(qtbot, editor)
    figures = service.get_meeting(application.database, admin_actor, meeting_id).figures
    assert (figures.should_attend, figures.present, figures.absent) == (
        len(names),
        len(names) - 1,
        1,
    )
    assert editor.dirty == set()


def test_the_verdict_is_shown_as_typed_and_a_failed_vote_cannot_be_recorded_as_passed(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = held(application, admin_actor, center)
    service.fill_attendance_from_roster(application.database, admin_actor, meeting_id, now=NOW)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    voters = editor.attendance.figures().voting_present
    editor.show_tab("resolutions")
    editor.resolutions.add_item()
    editor.resolutions.text_edit.setPlainText("同意接收赵磊为预备党员")
    editor.resolutions.yes_spin.setValue(voters + 1)
    assert "不能多于实到人数" in editor.resolutions.verdict_label.text()

    editor.resolutions.yes_spin.setValue(1)
    recorded = editor.resolutions.recorded_combo
    recorded.setCurrentIndex(recorded.findText("通过"))
    assert "第十一条" in editor.resolutions.verdict_label.text()
    assert "不能记为通过" in editor.resolutions.verdict_label.text()
    saved(qtbot, editor)
    assert "未获通过，不能记为通过" in editor.resolutions.error_label.text()
    assert editor.resolutions.items[0]["text"] == "同意接收赵磊为预备党员"  # nothing lost

    editor.resolutions.yes_spin.setValue(voters)
    assert "不能记为通过" not in editor.resolutions.verdict_label.text()
    saved(qtbot, editor)
    (resolution,) = service.get_meeting(application.database, admin_actor, meeting_id).resolutions
    assert (resolution.yes, resolution.passed) == (voters, True)


def test_typing_is_kept_as_a_draft_and_offered_back_on_reopening(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = held(application, admin_actor, center)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    editor.autosave_timer.setInterval(50)
    editor.show_tab("agenda")
    editor.agenda.add_item()
    editor.agenda.title_edit.setText("传达学习文件")
    editor.agenda.title_edit.textEdited.emit("传达学习文件")
    qtbot.waitUntil(
        lambda: service.load_draft(application.database, admin_actor, meeting_id) is not None,
        timeout=WAIT_MS,
    )
    payload, _saved_at = service.load_draft(application.database, admin_actor, meeting_id)
    assert payload["agenda"][0]["title"] == "传达学习文件"

    editor.agenda.content_edit.setPlainText("书记传达了全会精神。")  # typed just before closing
    editor.close()
    payload, _saved_at = service.load_draft(application.database, admin_actor, meeting_id)
    assert payload["agenda"][0]["content"] == "书记传达了全会精神。"

    again = opened(qtbot, application, admin_actor, meeting_id)
    assert again.draft_banner.isVisibleTo(again)
    assert "议程与发言" in again.draft_label.text()
    assert again.agenda.items == []
    again.restore_draft()
    assert again.agenda.items[0]["title"] == "传达学习文件"
    assert again.agenda.content_edit.toPlainText() == "书记传达了全会精神。"
    assert again.current_section() == "agenda" and "agenda" in again.dirty
    saved(qtbot, again)
    qtbot.waitUntil(
        lambda: service.load_draft(application.database, admin_actor, meeting_id) is None,
        timeout=WAIT_MS,
    )
    detail = service.get_meeting(application.database, admin_actor, meeting_id)
    assert [item.title for item in detail.agenda] == ["传达学习文件"]


def test_signing_locks_the_record_which_then_takes_only_corrections(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = held(application, admin_actor, center)
    service.fill_attendance_from_roster(application.database, admin_actor, meeting_id, now=NOW)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    editor.show_tab("sign")
    editor.agenda.add_item()  # unsaved typing blocks signing
    editor.sign.ask_to_sign(SignatureRole.HOST)
    assert "议程与发言" in editor.sign.error_label.text()
    editor.show_tab("agenda")
    editor.agenda.remove_item()
    saved(qtbot, editor)
    editor.show_tab("sign")
    for role in (SignatureRole.HOST, SignatureRole.RECORDER):
        editor.sign.ask_to_sign(role)
        qtbot.waitUntil(lambda: editor.is_ready(), timeout=WAIT_MS)
    qtbot.waitUntil(editor.locked, timeout=WAIT_MS)
    assert "已签字锁定" in editor.windowTitle()
    assert editor.header.place_edit.isReadOnly()
    assert not editor.save_button.isVisibleTo(editor)
    assert editor.sign.correction_button.isVisibleTo(editor)

    dialog = editor.sign.open_correction()
    assert dialog is not None
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)
    assert "请填写更正原因" in dialog.errors.message("reason")
    dialog.reason_edit.setText("记录人笔误")
    dialog.text_edit.setPlainText("会议地点应为社区党群服务中心三楼")
    dialog.accept()
    qtbot.waitUntil(lambda: editor.sign.corrections.rowCount() == 1, timeout=WAIT_MS)
    assert cell(editor.sign.corrections, 0, 1).text() == "记录人笔误"
    assert cell(editor.sign.corrections, 0, 3).text() == admin_actor.display_name


def test_a_read_only_user_changes_nothing_and_keeps_no_draft(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    from dangqun.core.security import Role
    from dangqun.core.users import create_user

    center = make_center(application.database, admin_actor)
    meeting_id = held(application, admin_actor, center)
    create_user(
        application.database, admin_actor, "viewer", "周读", Role.READ_ONLY, "view-pass-123"
    )
    editor = opened(qtbot, application, actor_of(application, "viewer"), meeting_id)
    assert editor.header.place_edit.isReadOnly()
    assert not editor.save_button.isVisibleTo(editor)
    editor.show_tab("sign")
    assert not editor.sign.host_button.isVisibleTo(editor)


def test_attachments_are_added_within_the_size_limit(
    qtbot, application: Application, admin_actor: Actor, tmp_path
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = held(application, admin_actor, center)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    editor.show_tab("attachments")
    assert "10 MB" in editor.attachments.hint_label.text()
    photo = tmp_path / "会场.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 2048)
    editor.attachments.add_file(photo, "会议现场")
    qtbot.waitUntil(lambda: editor.attachments.table.rowCount() == 1, timeout=WAIT_MS)
    assert cell(editor.attachments.table, 0, 2).text() == "会议现场"
    big = tmp_path / "扫描件.pdf"
    big.write_bytes(b"%PDF" + b"0" * (11 * 1024 * 1024))
    editor.attachments.add_file(big, "")
    qtbot.waitUntil(lambda: editor.attachments.error_label.text() != "", timeout=WAIT_MS)
    assert "附件太大（最大 10 MB）" in editor.attachments.error_label.text()
    with sqlite3.connect(application.database.path) as connection:
        assert connection.execute("SELECT count(*) FROM minutes_attachments").fetchone()[0] == 1


def test_a_meeting_still_ahead_offers_no_attendance_yet(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = service.create_meeting(
        application.database,
        admin_actor,
        meeting_form(center, meeting_type=MeetingType.COMMITTEE, on_date=date(2099, 1, 5)),
    )
    editor = opened(qtbot, application, admin_actor, meeting_id)
    assert editor.attendance.table.rowCount() == 0
    assert "会议召开后" in editor.attendance.hint_label.text()
    editor.show_tab("attendance")
    editor.attendance.fill_from_roster()
    saved(qtbot, editor)
    assert "会议还没有开始" in editor.attendance.error_label.text()


def test_a_list_of_200_people_opens_and_recounts_quickly(qtbot) -> None:
    """Issue 15: a long list stays quick — shown at once, its figures recounted per change."""
    from time import perf_counter

    from dangqun.ui.minutes.attendance_table import AttendanceTable

    table = AttendanceTable()
    qtbot.addWidget(table)
    lines = [
        {
            "member_id": number,
            "name": f"欧阳{number:03d}",
            "voting": number % 10 != 0,
            "probationary": number % 10 == 0,
            "observer": False,
            "status": "present",
            "reason": None,
            "reason_note": None,
            "makeup_on": None,
            "makeup_notes": None,
        }
        for number in range(1, 201)
    ]
    started = perf_counter()
    table.set_lines(lines)
    shown = perf_counter() - started
    started = perf_counter()
    set_status_item = cell(table.table, 150, STATUS)
    set_status_item.setData(Qt.ItemDataRole.UserRole, "absent")
    recounted = perf_counter() - started
    assert (table.figures().should_attend, table.figures().present) == (200, 199)
    assert table.figures().voting_should_attend == 180
    assert shown < 0.5 and recounted < 0.1, (shown, recounted)
