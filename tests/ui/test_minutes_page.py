"""会议记录 page (issue 15): the meetings with their filters, 线上调阅 answering while typing
with the hits marked, the 合规 table coloured and exported, the home card of overdue meetings,
a member's attendance in 党员信息, and the way to the meeting editor."""

from __future__ import annotations

import sys
from datetime import date
from types import ModuleType

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from dangqun.bootstrap import Application
from dangqun.core.changes import Changes
from dangqun.core.security import Actor
from dangqun.minutes import service
from dangqun.minutes.changes import MEETING
from dangqun.minutes.export import STATE_FILLS
from dangqun.minutes.vocabulary import (
    AbsenceReason,
    AttendanceStatus,
    ComplianceState,
    MeetingType,
)
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.dialogs.member_dialog import MemberDialog
from dangqun.ui.main_window import signed_in_window
from dangqun.ui.minutes.home_cards import MinutesHomeCards, overdue_line
from dangqun.ui.pages import minutes_page, page_spec
from dangqun.ui.pages.minutes_page import EDITOR_MODULE, MinutesPage
from tests.unit.minutes.conftest import NOW, Center, make_center, meeting_form

WAIT_MS = 20_000


def shown(qtbot, application: Application, actor: Actor) -> MinutesPage:
    window = signed_in_window(
        UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    )
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    page = window.show_page("minutes")
    assert isinstance(page, MinutesPage)
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)
    return page


def held(application: Application, admin: Actor, center: Center, **changes: object) -> int:
    """A meeting of ``center``'s branch with its voters present and one agenda item."""
    database = application.database
    meeting_id = service.create_meeting(database, admin, meeting_form(center, **changes))
    service.set_attendance(
        database,
        admin,
        meeting_id,
        [service.AttendanceEntry(member, AttendanceStatus.PRESENT) for member in center.voters],
        now=NOW,
    )
    return meeting_id


def column(page: MinutesPage, index: int) -> list[str]:
    model = page.meetings.model
    return [model.item(row, index).text() for row in range(model.rowCount())]


def test_the_feature_declares_the_page_where_the_stand_in_was() -> None:
    spec = page_spec("minutes")
    assert (spec.title, spec.icon, spec.position) == ("会议记录", "minutes", 40)
    assert spec.module == "dangqun.ui.pages.minutes_page"
    assert "暂未" not in spec.summary and "Not in this version" not in spec.summary


def test_an_empty_center_says_how_to_record_a_meeting(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    monkeypatch.setattr(minutes_page, "editor_available", lambda: True)
    page = shown(qtbot, application, admin_actor)
    assert page.meetings.model.rowCount() == 0
    assert page.meetings.empty_label.isVisible()
    assert "新建会议" in page.meetings.empty_label.text()
    assert not page.meetings.table.isVisible()


def test_meetings_are_listed_newest_first_and_filtered(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    held(application, admin_actor, center)  # 2026-11-10, 支部党员大会
    lesson = held(
        application,
        admin_actor,
        center,
        meeting_type=MeetingType.PARTY_LESSON,
        on_date=date(2026, 11, 20),
        lecturer_name="王建国",
        topic="党章学习",
    )
    page = shown(qtbot, application, admin_actor)
    assert column(page, 0) == ["2026-11-20 09:00", "2026-11-10 09:00"]
    assert column(page, 1) == ["党课", "支部党员大会"]
    assert column(page, 2) == ["第一网格党支部"] * 2
    assert column(page, 3) == ["党章学习", "学习贯彻党的二十届四中全会精神"]
    assert column(page, 4) == ["王建国"] * 2
    assert column(page, 5) == ["5 / 5"] * 2
    assert column(page, 6) == ["草稿"] * 2
    assert page.meetings.count_label.text() == "共 2 次会议"

    page.meetings.type_combo.setCurrentIndex(page.meetings.type_combo.findText("党课"))
    qtbot.waitUntil(lambda: page.meetings.model.rowCount() == 1, timeout=WAIT_MS)
    assert page.meetings.model.item(0, 0).data(Qt.ItemDataRole.UserRole + 1) == lesson
    page.meetings.status_combo.setCurrentIndex(page.meetings.status_combo.findText("已签字锁定"))
    qtbot.waitUntil(lambda: page.meetings.model.rowCount() == 0, timeout=WAIT_MS)
    assert page.meetings.empty_label.text() == "没有符合筛选条件的会议。"
    page.meetings.organization_combo.setCurrentIndex(
        page.meetings.organization_combo.findText("第二网格党支部", Qt.MatchFlag.MatchEndsWith)
    )
    page.meetings.status_combo.setCurrentIndex(0)
    page.meetings.type_combo.setCurrentIndex(0)
    qtbot.waitUntil(page.meetings.is_ready, timeout=WAIT_MS)
    assert page.meetings.model.rowCount() == 0


def test_rows_and_search_hits_open_the_meeting_editor(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    center = make_center(application.database, admin_actor)
    meeting_id = held(application, admin_actor, center)
    service.set_agenda(
        application.database,
        admin_actor,
        meeting_id,
        [service.AgendaEntry("讨论社区垃圾分类志愿服务安排", "确定每周六上午在三个小区值守。")],
    )
    opened: list[int | None] = []
    editor = ModuleType(EDITOR_MODULE)
    editor.open_meeting_editor = lambda parent, context, chosen: opened.append(chosen)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, EDITOR_MODULE, editor)
    monkeypatch.setattr(minutes_page, "editor_available", lambda: True)
    page = shown(qtbot, application, admin_actor)

    page.meetings.table.doubleClicked.emit(page.meetings.model.index(0, 2))
    page.open_meeting(None)  # 新建会议…
    assert opened == [meeting_id, None]

    page.show_tab("search")
    page.search.query_edit.setText("垃圾分类")  # as typed: textChanged starts the pause
    assert not page.search.is_ready()  # it waits for typing to stop, then answers by itself
    qtbot.waitUntil(page.search.is_ready, timeout=WAIT_MS)
    result = page.search.last_result
    assert result is not None and [hit.meeting.id for hit in result.hits] == [meeting_id]
    assert page.search.status_label.text() == "找到 1 份会议记录"
    label = page.search.results.itemWidget(page.search.results.item(0))
    assert "#FFE08A" in label.text() and ">垃圾分类</span>" in label.text()
    assert "议程" in label.text()
    page.search.results.itemDoubleClicked.emit(page.search.results.item(0))
    assert opened[-1] == meeting_id

    page.search.query_edit.setText("没有这句话的会议")
    page.search.search()
    qtbot.waitUntil(page.search.is_ready, timeout=WAIT_MS)
    assert not page.search.results.isVisible()
    assert "没有这句话的会议" in page.search.status_label.text()


def test_the_editor_not_installed_offers_no_new_meeting(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    monkeypatch.setattr(minutes_page, "editor_available", lambda: False)
    page = shown(qtbot, application, admin_actor)
    assert not page.new_button.isVisible()
    assert page.meetings.empty_label.text() == "还没有会议记录。"  # no button to point to


def test_the_compliance_table_colours_held_and_overdue_and_exports(
    qtbot, application: Application, admin_actor: Actor, tmp_path
) -> None:
    center = make_center(application.database, admin_actor)
    held(application, admin_actor, center)
    page = shown(qtbot, application, admin_actor)
    page.show_tab("compliance")
    panel = page.compliance
    qtbot.waitUntil(panel.is_ready, timeout=WAIT_MS)
    panel.organization_combo.setCurrentIndex(panel.organization_combo.findText("第一网格党支部"))
    panel.year_spin.setValue(2026)
    qtbot.waitUntil(
        lambda: (
            panel.is_ready()
            and panel.table_data is not None
            and panel.table_data.organization_id == center.branch
            and panel.table_data.year == 2026
        ),
        timeout=WAIT_MS,
    )
    general = list(panel.table_data.types).index(MeetingType.GENERAL_MEETING)
    november = panel.grid.item(10, general)
    assert november.text() == "1"
    assert november.background().color().name().upper() == "#" + STATE_FILLS[ComplianceState.HELD]
    january = panel.grid.item(0, general)
    assert january.text() == "逾期未开"
    assert january.background().color().name().upper() == "#" + STATE_FILLS[ComplianceState.MISSING]
    assert "支部党员大会 " in panel.missing_label.text()
    assert "支部党员大会（2026-01-01—2026-03-31）" in panel.missing_label.toolTip()
    header = panel.grid.horizontalHeaderItem(general).text()
    assert header == "支部党员\n大会"

    panel.export_to(tmp_path / "合规.xlsx")
    qtbot.waitUntil(panel.export_note.isVisible, timeout=WAIT_MS)
    sheet = load_workbook(tmp_path / "合规.xlsx").active
    assert sheet["A1"].value == "第一网格党支部 2026年三会一课落实情况"


def test_the_home_card_names_the_overdue_meetings(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    held(application, admin_actor, center)
    overdue = service.overdue_meetings(application.database, admin_actor)
    figures = MinutesHomeCards.load(application, admin_actor)
    assert len(figures.lines) == len(overdue) > 0
    lines = [overdue_line(item) for item in overdue]
    assert any(line.startswith("第一网格党支部：") and "未开" in line for line in lines)
    page = shown(qtbot, application, admin_actor)
    cards = MinutesHomeCards(page)
    cards.fill(figures)
    card = cards.cards["minutesOverdue"]
    assert card.value_label.text() == str(len(overdue))
    assert lines[0] in card.caption_label.text()


def test_a_members_attendance_history_and_rate_in_the_member_detail(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    center = make_center(application.database, admin_actor)
    first = held(application, admin_actor, center)
    second = service.create_meeting(
        application.database, admin_actor, meeting_form(center, on_date=date(2026, 11, 20))
    )
    service.set_attendance(
        application.database,
        admin_actor,
        second,
        [
            service.AttendanceEntry(member, AttendanceStatus.PRESENT)
            for member in center.voters
            if member != center.voters[1]
        ]
        + [
            service.AttendanceEntry(
                center.voters[1],
                AttendanceStatus.ABSENT,
                reason=AbsenceReason.SICK,
                makeup_on=date(2026, 11, 25),
            )
        ],
        now=NOW,
    )
    del first
    context = UiContext(application, admin_actor, open_ui_state(application.paths), AppEvents())
    dialog = MemberDialog(context, center.voters[1])
    qtbot.addWidget(dialog)
    history = dialog.attendance_history
    qtbot.waitUntil(history.is_ready, timeout=WAIT_MS)
    tabs = dialog.ui.tabs
    assert tabs.tabText(tabs.indexOf(history)) == "会议出席"
    assert history.summary_label.text().startswith("出席率 50%")
    assert history.model.rowCount() == 2
    assert [history.model.item(0, c).text() for c in range(5)] == [
        "2026-11-20",
        "支部党员大会",
        "第一网格党支部",
        "缺席",
        "2026-11-25",
    ]


def test_a_hidden_page_reloads_when_shown_after_a_meeting_changed(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    page = shown(qtbot, application, admin_actor)
    window = page.window()
    window.show_page("home")
    held(application, admin_actor, make_center(application.database, admin_actor))
    window.context.events.announce(Changes.of(MEETING))
    assert page.meetings.model.rowCount() == 0  # hidden: nothing read yet
    window.show_page("minutes")
    qtbot.waitUntil(lambda: page.meetings.model.rowCount() == 1, timeout=WAIT_MS)
