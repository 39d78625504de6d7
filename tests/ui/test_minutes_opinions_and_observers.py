"""The meeting editor's written opinions (书面意见) and 列席 members not on the roster (issue 15,
DOMAIN §4): opinions added to a vote on admitting a member change its verdict as the service
judges it; a refused opinion is explained in Chinese beside the opinions and nothing is saved; a
member found by search is added as 列席 and counted as such after saving and reopening; both
survive the autosaved draft; a signed record lists them read-only; and the editor showing them
cuts no text at 1024×768 and 1280×800 (the checks of tests/ui/test_clipping.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QScrollArea

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.minutes import service
from dangqun.minutes.vocabulary import AbsenceReason, AttendanceStatus, SignatureRole, Vote
from dangqun.ui.minutes.attendance_table import NAME, STANDING, STATUS, cell
from dangqun.ui.minutes.meeting_editor import MeetingEditor
from dangqun.ui.screenshot import shown_screen
from tests.ui.layout_checks import layout_problems
from tests.ui.test_clipping import SIZES, largest_font, screen_problems
from tests.ui.test_minutes_editor import WAIT_MS, opened, row_of, saved, set_status
from tests.unit.minutes.conftest import NOW, Center, make_center, meeting_form, row_counts

ADMISSION = "同意接收赵磊同志为预备党员"
__all__ = ["largest_font"]  # the fixture of tests/ui/test_clipping.py, used below


def _with_two_on_leave(application: Application, admin: Actor, center: Center) -> int:
    """The general meeting of 2026-11-10: 张伟 and 刘洋 on leave, everyone else on the roster
    present — six voting members should attend, four are present."""
    meeting_id = service.create_meeting(application.database, admin, meeting_form(center))
    listed = [*center.voters, center.probationary, center.on_probation, center.leaving]
    entries = [
        service.AttendanceEntry(member, AttendanceStatus.PRESENT)
        if member not in center.voters[2:4]
        else service.AttendanceEntry(member, AttendanceStatus.LEAVE, AbsenceReason.SICK)
        for member in listed
    ]
    service.set_attendance(application.database, admin, meeting_id, entries, now=NOW)
    return meeting_id


def _admission_vote(editor: MeetingEditor, yes: int) -> None:
    resolutions = editor.resolutions
    editor.show_tab("resolutions")
    resolutions.add_item()
    resolutions.text_edit.setPlainText(ADMISSION)
    resolutions.admission_check.setChecked(True)
    resolutions.yes_spin.setValue(yes)


def _add_opinion(editor: MeetingEditor, name: str, vote: str, on: QDate) -> None:
    resolutions = editor.resolutions
    combo: QComboBox = resolutions.opinion_member_combo
    combo.setCurrentIndex(combo.findText(name))
    resolutions.opinion_vote_combo.setCurrentIndex(resolutions.opinion_vote_combo.findText(vote))
    resolutions.opinion_date_edit.setDate(on)
    resolutions.add_opinion_button.click()


def _offered(editor: MeetingEditor) -> list[str]:
    combo = editor.resolutions.opinion_member_combo
    return [combo.itemText(index) for index in range(combo.count())]


def _opinion_rows(editor: MeetingEditor) -> list[tuple[str, str, str]]:
    table = editor.resolutions.opinions_table
    return [
        (cell(table, row, 0).text(), cell(table, row, 1).text(), cell(table, row, 2).text())
        for row in range(table.rowCount())
    ]


def _opinions_saved(application: Application, admin: Actor, center: Center) -> int:
    """The meeting with its admission vote passed on two written opinions."""
    meeting_id = _with_two_on_leave(application, admin, center)
    service.set_resolutions(
        application.database,
        admin,
        meeting_id,
        [
            service.ResolutionEntry(
                ADMISSION,
                yes=3,
                no=0,
                abstain=1,
                opinions=(
                    service.OpinionEntry(center.voters[2], Vote.YES, date(2026, 11, 8)),
                    service.OpinionEntry(center.voters[3], Vote.YES, date(2026, 11, 9)),
                ),
                on_admission=True,
            )
        ],
        now=NOW,
    )
    return meeting_id


def test_two_written_opinions_change_the_verdict_of_an_admission_vote(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = _with_two_on_leave(application, admin_actor, center)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    _admission_vote(editor, yes=3)  # 3 of the 6 who should attend: not more than half
    assert editor.resolutions.opinions_box.isVisibleTo(editor)
    assert "未通过" in editor.resolutions.verdict_label.text()
    # Only the voting members on leave are offered: not those present, not 赵磊 (预备党员).
    assert _offered(editor) == ["张伟", "刘洋"]
    assert editor.resolutions.opinion_date_edit.maximumDate() == QDate(2026, 11, 10)

    _add_opinion(editor, "张伟", "赞成", QDate(2026, 11, 8))
    assert _offered(editor) == ["刘洋"]
    _add_opinion(editor, "刘洋", "赞成", QDate(2026, 11, 9))
    assert _offered(editor) == [] and not editor.resolutions.add_opinion_button.isEnabled()
    assert _opinion_rows(editor) == [
        ("张伟", "赞成", "2026-11-08"),
        ("刘洋", "赞成", "2026-11-09"),
    ]
    verdict = editor.resolutions.verdict_label.text()
    assert "计入书面意见 2 份后：" in verdict and "结果：通过" in verdict
    saved(qtbot, editor)

    (stored,) = service.get_meeting(application.database, admin_actor, meeting_id).resolutions
    assert stored.passed and "计入书面意见 2 份后" in (stored.explanation or "")
    assert [(o.member_id, o.vote, o.submitted_on) for o in stored.opinions] == [
        (center.voters[2], "yes", date(2026, 11, 8)),
        (center.voters[3], "yes", date(2026, 11, 9)),
    ]
    again = opened(qtbot, application, admin_actor, meeting_id)
    again.show_tab("resolutions")
    assert _opinion_rows(again) == _opinion_rows(editor)

    again.resolutions.opinions_table.selectRow(0)
    again.resolutions.remove_opinion_button.click()
    assert _opinion_rows(again) == [("刘洋", "赞成", "2026-11-09")]
    assert "计入书面意见 1 份后：" in again.resolutions.verdict_label.text()
    again.resolutions.opinions_table.selectRow(0)
    again.resolutions.remove_opinion_button.click()
    assert _opinion_rows(again) == [] and _offered(again) == ["张伟", "刘洋"]
    assert "书面意见" not in again.resolutions.verdict_label.text()
    assert "结果：未通过" in again.resolutions.verdict_label.text()
    assert "resolutions" in again.dirty


def test_an_opinion_the_service_refuses_is_explained_beside_the_opinions_and_nothing_saved(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = _with_two_on_leave(application, admin_actor, center)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    _admission_vote(editor, yes=3)
    _add_opinion(editor, "张伟", "赞成", QDate(2026, 11, 8))
    # The clerk then finds 张伟 was at the meeting after all, and saves the list first.
    editor.show_tab("attendance")
    set_status(editor, "张伟", AttendanceStatus.PRESENT, "出席")
    reason = cell(editor.attendance.table, row_of(editor, "张伟"), 3)
    assert reason.data(Qt.ItemDataRole.UserRole) == ""  # cleared with the status
    saved(qtbot, editor)
    assert "attendance" not in editor.dirty
    before = row_counts(application.database)

    editor.show_tab("resolutions")
    marked = editor.resolutions.opinions_table.item(0, 0)
    assert marked is not None and marked.background().color().name() == "#fdecea"
    saved(qtbot, editor)
    message = editor.resolutions.opinions_error.text()
    assert "张伟不是因故未到会的有表决权党员，书面意见不能计入" in message
    assert editor.resolutions.opinions_error.isVisibleTo(editor)
    assert not editor.resolutions.error_label.isVisibleTo(editor)  # said once, where it applies
    refused_row = editor.resolutions.opinions_table.item(0, 0)
    assert refused_row is not None and refused_row.background().color().name() == "#fdecea"
    assert row_counts(application.database) == before
    assert service.get_meeting(application.database, admin_actor, meeting_id).resolutions == ()
    assert editor.resolutions.items[0]["text"] == ADMISSION  # the typing stays

    editor.resolutions.opinions_table.selectRow(0)
    editor.resolutions.remove_opinion_button.click()
    assert not editor.resolutions.opinions_error.isVisibleTo(editor)


def _add_observer(qtbot, editor: MeetingEditor, search: str, name: str) -> None:
    editor.show_tab("attendance")
    editor.attendance.add_observer_button.click()
    dialog = editor.observer_dialog
    assert dialog is not None
    dialog.search_edit.setText(search)
    dialog.search()
    qtbot.waitUntil(lambda: dialog.results.count() > 0, timeout=WAIT_MS)
    assert dialog.results.currentItem().text().startswith(name)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: editor.observer_dialog is None, timeout=WAIT_MS)


def test_a_member_not_on_the_roster_is_added_as_observer_and_never_counted(
    qtbot, application: Application, admin_actor: Actor, tmp_path: Path
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = _with_two_on_leave(application, admin_actor, center)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    figures = editor.attendance.figures()
    assert (figures.should_attend, figures.present, figures.observers) == (8, 6, 0)

    _add_observer(qtbot, editor, "冯涛", "冯涛")  # of the other branch
    row = row_of(editor, "冯涛")
    assert cell(editor.attendance.table, row, STANDING).text() == "列席"
    status = cell(editor.attendance.table, row, STATUS)
    assert status.text() == "出席" and not status.flags() & Qt.ItemFlag.ItemIsEditable
    figures = editor.attendance.figures()
    assert (figures.should_attend, figures.present, figures.observers) == (8, 6, 1)
    assert "不计入应到和实到" in editor.attendance.observer_label.text()
    assert "列席 1" in editor.attendance.figures_label.text()

    # A member already on the list is not offered again.
    editor.attendance.add_observer_button.click()
    dialog = editor.observer_dialog
    assert dialog is not None
    dialog.search_edit.setText("冯涛")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.status_label.text() != "", timeout=WAIT_MS)
    assert dialog.results.count() == 0 and "已在出席名单中" in dialog.status_label.text()
    assert layout_problems(dialog) == []
    assert dialog.grab().save(str(tmp_path / "observer-dialog.png"))
    dialog.reject()

    saved(qtbot, editor)
    detail = service.get_meeting(application.database, admin_actor, meeting_id)
    assert (
        detail.figures.should_attend,
        detail.figures.present,
        detail.figures.observers,
    ) == (8, 6, 1)
    again = opened(qtbot, application, admin_actor, meeting_id)
    again.show_tab("attendance")
    assert cell(again.attendance.table, row_of(again, "冯涛"), STANDING).text() == "列席"
    assert "应到 8 人，实到 6 人" in again.attendance.figures_label.text().replace("应到 8，", "")

    again.attendance.table.selectRow(row_of(again, "冯涛"))
    assert again.attendance.remove_observer_button.isEnabled()
    again.attendance.remove_observer()
    assert "冯涛" not in [
        cell(again.attendance.table, r, NAME).text()
        for r in range(again.attendance.table.rowCount())
    ]
    again.attendance.table.selectRow(row_of(again, "王建国"))
    assert not again.attendance.remove_observer_button.isEnabled()  # roster lines stay


def test_opinions_and_observers_come_back_from_the_draft(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = _with_two_on_leave(application, admin_actor, center)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    _add_observer(qtbot, editor, "冯涛", "冯涛")
    _admission_vote(editor, yes=3)
    _add_opinion(editor, "刘洋", "反对", QDate(2026, 11, 7))
    editor.close()  # unsaved: kept as the draft
    payload, _saved_at = service.load_draft(application.database, admin_actor, meeting_id)
    assert payload["resolutions"][0]["opinions"][0]["submitted_on"] == "2026-11-07"
    assert any(line["observer"] for line in payload["attendance"])

    again = opened(qtbot, application, admin_actor, meeting_id)
    assert again.draft_banner.isVisibleTo(again)
    again.restore_draft()
    again.show_tab("attendance")
    assert cell(again.attendance.table, row_of(again, "冯涛"), STANDING).text() == "列席"
    again.show_tab("resolutions")
    assert _opinion_rows(again) == [("刘洋", "反对", "2026-11-07")]
    assert "计入书面意见 1 份后：" in again.resolutions.verdict_label.text()


def test_a_signed_record_shows_its_opinions_and_observers_read_only(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = _opinions_saved(application, admin_actor, center)
    for role in (SignatureRole.HOST, SignatureRole.RECORDER):
        service.sign_meeting(application.database, admin_actor, meeting_id, role, now=NOW)
    editor = opened(qtbot, application, admin_actor, meeting_id)
    assert editor.locked()
    editor.show_tab("resolutions")
    assert _opinion_rows(editor) == [
        ("张伟", "赞成", "2026-11-08"),
        ("刘洋", "赞成", "2026-11-09"),
    ]
    assert editor.resolutions.opinions_box.isVisibleTo(editor)
    assert not editor.resolutions.opinion_adder.isVisibleTo(editor)
    assert not editor.resolutions.opinions_hint.isVisibleTo(editor)
    editor.show_tab("attendance")
    assert not editor.attendance.add_observer_button.isVisibleTo(editor)
    assert not editor.attendance.remove_observer_button.isVisibleTo(editor)


@pytest.mark.parametrize("size", SIZES)
def test_the_editor_with_opinions_and_an_observer_cuts_no_text(
    qtbot, application: Application, admin_actor: Actor, size: str, tmp_path: Path
) -> None:
    """The screens ``dangqun screenshot minutes_resolution`` / ``minutes_attendance`` draw, on
    a center whose only meeting has two opinions and a 列席 member; saved as PNG to look at."""
    _check_the_screens(application, admin_actor, size, tmp_path)


@pytest.mark.slow
def test_the_editor_with_opinions_cuts_no_text_at_the_largest_font(
    qtbot, application: Application, admin_actor: Actor, largest_font: int, tmp_path: Path
) -> None:
    _check_the_screens(application, admin_actor, "1024x768", tmp_path)


def _check_the_screens(
    application: Application, admin_actor: Actor, size: str, tmp_path: Path
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = _opinions_saved(application, admin_actor, center)
    detail = service.get_meeting(application.database, admin_actor, meeting_id)
    service.set_attendance(
        application.database,
        admin_actor,
        meeting_id,
        [
            *(
                service.AttendanceEntry(
                    line.member_id,
                    AttendanceStatus(line.status),
                    AbsenceReason(line.reason) if line.reason else None,
                )
                for line in detail.attendance
            ),
            service.AttendanceEntry(center.other, AttendanceStatus.PRESENT, observer=True),
        ],
        now=NOW,
    )
    for page, shown in (("minutes_resolution", "opinions"), ("minutes_attendance", "observer")):
        with shown_screen(application, admin_actor, page, SIZES[size]) as screen:
            editor = screen.dialog
            assert isinstance(editor, MeetingEditor)
            if shown == "opinions":
                assert editor.resolutions.opinions_table.rowCount() == 2
                assert editor.resolutions.opinions_box.isVisible()
            else:
                assert "列席 1" in editor.attendance.figures_label.text()
            problems = screen_problems(screen)
            assert screen.picture().save(str(tmp_path / f"{page}-{size}.png"))
            if shown == "opinions":  # the opinions under the verdict, scrolled to
                scroller = editor.resolutions.detail.parentWidget().parentWidget()
                assert isinstance(scroller, QScrollArea)
                scroller.ensureWidgetVisible(editor.resolutions.add_opinion_button)
                assert screen.picture().save(str(tmp_path / f"{page}-{size}-scrolled.png"))
        assert problems == [], (page, problems)
