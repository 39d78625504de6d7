"""批量登记 (issue 13, "Batch entry"): one activity, a grid of volunteers, one transaction.

Driven like a user would, over real SQLite files: volunteers added by search and by a pasted
column of numbers, times that follow the activity, totals that follow the grid, a refused batch
that marks its rows and keeps everything typed, and 200 rows saved at once.
"""

from __future__ import annotations

import time as clock
from datetime import date, time, timedelta

from PySide6.QtCore import Qt, QTime

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, Role
from dangqun.timebank.service import (
    RecordQuery,
    RecordStatus,
    find_volunteer,
    list_service_records,
    list_volunteers,
)
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.timebank.batch_entry_dialog import (
    BatchEntryDialog,
    BatchGridModel,
    numbers_in,
    open_batch_entry,
)
from dangqun.ui.timebank.transfer_dialog import VolunteerChoice
from tests.ui.layout_checks import layout_problems
from tests.ui.settings_support import settle
from tests.unit.timebank.conftest import open_resident, row_counts

YESTERDAY = date.today() - timedelta(days=1)


class Page:
    """What a page offers ``open_batch_entry``: its context."""

    def __init__(self, context: UiContext) -> None:
        self.context = context


def context_of(application: Application, actor: Actor) -> UiContext:
    return UiContext(application, actor, open_ui_state(application.paths), AppEvents())


def residents(application: Application, admin: Actor, count: int) -> list[VolunteerChoice]:
    choices = []
    for sequence in range(count):
        name = f"居民{chr(0x4E00 + sequence)}"
        volunteer_id = open_resident(application.database, admin, 100 + sequence, name=name)
        choices.append(VolunteerChoice(volunteer_id, "", name))
    page = list_volunteers(application.database, admin, "", None, 0, 1000)
    numbers = {row.id: row.number for row in page.rows}
    return [VolunteerChoice(c.id, numbers[c.id], c.name) for c in choices]


def shown(qtbot, application: Application, actor: Actor) -> BatchEntryDialog:
    dialog = BatchEntryDialog(context_of(application, actor), today=YESTERDAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill_activity(dialog: BatchEntryDialog) -> None:
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findText("养老助老"))
    dialog.beneficiary_edit.setText("翠湖小区独居老人")
    dialog.content_edit.setText("重阳节上门理发")


def saved(qtbot, dialog: BatchEntryDialog) -> None:
    dialog.accept()
    settle(qtbot)


def test_a_batch_saves_every_row_in_one_transaction(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteers = residents(application, admin_actor, 3)
    dialog = shown(qtbot, application, admin_actor)
    fill_activity(dialog)
    dialog.add_volunteers(volunteers)
    model = dialog.model
    model.setData(model.index(1, BatchGridModel.MINUTES), 90, Qt.ItemDataRole.EditRole)
    model.setData(model.index(2, BatchGridModel.SLIP), "dj-7", Qt.ItemDataRole.EditRole)

    saved(qtbot, dialog)

    assert dialog.result() == BatchEntryDialog.DialogCode.Accepted
    batch = dialog.result_batch
    assert batch is not None and len(batch.records) == 3
    records = list_service_records(
        application.database, admin_actor, RecordQuery(batch_uuid=batch.batch_uuid)
    ).rows
    assert sorted(r.minutes for r in records) == [90, 120, 120]
    assert {r.status for r in records} == {RecordStatus.PENDING}
    assert {r.served_on for r in records} == {YESTERDAY}
    assert {r.slip_number for r in records} == {None, "DJ-7"}


def test_rows_follow_the_activitys_times_until_given_their_own_and_totals_follow(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteers = residents(application, admin_actor, 2)
    dialog = shown(qtbot, application, admin_actor)
    dialog.add_volunteers(volunteers)
    assert dialog.totals_label.text() == "2 名志愿者，合计 4 小时"

    model = dialog.model
    model.setData(model.index(0, BatchGridModel.ENDS), QTime(10, 0), Qt.ItemDataRole.EditRole)
    dialog.ends_edit.setTime(QTime(12, 0))

    assert (model.rows[0].starts_at, model.rows[0].ends_at) == (time(9, 0), time(10, 0))
    assert (model.rows[1].starts_at, model.rows[1].ends_at) == (time(9, 0), time(12, 0))
    assert dialog.totals_label.text() == "2 名志愿者，合计 4 小时"
    model.setData(model.index(1, BatchGridModel.MINUTES), 165, Qt.ItemDataRole.EditRole)
    assert dialog.totals_label.text() == "2 名志愿者，合计 3 小时 45 分钟"
    dialog.table.selectRow(0)
    dialog.remove_selected()
    assert [row.volunteer.id for row in model.rows] == [volunteers[1].id]
    assert dialog.totals_label.text() == "1 名志愿者，合计 2 小时 45 分钟"


def test_a_refused_batch_marks_each_bad_row_and_keeps_everything_typed(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteers = residents(application, admin_actor, 4)
    dialog = shown(qtbot, application, admin_actor)
    fill_activity(dialog)
    dialog.add_volunteers(volunteers)
    model = dialog.model
    model.setData(model.index(1, BatchGridModel.ENDS), QTime(8, 0), Qt.ItemDataRole.EditRole)
    for row in (2, 3):
        model.setData(model.index(row, BatchGridModel.SLIP), "DJ-9", Qt.ItemDataRole.EditRole)
    before = row_counts(application.paths.database)

    saved(qtbot, dialog)

    assert dialog.isVisible() and dialog.result_batch is None
    assert row_counts(application.paths.database) == before
    assert model.rows[0].errors == {} and model.rows[2].errors == {}
    assert "早于开始时间" in model.rows[1].errors["ends_at"]
    assert "本批中重复" in model.rows[3].errors["slip_number"]
    ends = model.index(1, BatchGridModel.ENDS)
    assert model.data(ends, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, BatchGridModel.NAME), Qt.ItemDataRole.BackgroundRole) is None
    assert "早于开始时间" in model.data(model.index(1, BatchGridModel.PROBLEM))
    assert "2 行" in dialog.general_error.text() and dialog.general_error.isVisible()
    assert dialog.beneficiary_edit.text() == "翠湖小区独居老人"
    assert len(model.rows) == 4 and model.rows[3].slip_number == "DJ-9"

    model.setData(model.index(1, BatchGridModel.ENDS), QTime(11, 0), Qt.ItemDataRole.EditRole)
    model.setData(model.index(3, BatchGridModel.SLIP), "DJ-10", Qt.ItemDataRole.EditRole)
    saved(qtbot, dialog)
    assert dialog.result_batch is not None and len(dialog.result_batch.records) == 4


def test_activity_errors_show_beside_the_activity_fields(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    dialog = shown(qtbot, application, admin_actor)
    dialog.date_field.set_value(date.today() + timedelta(days=3))
    before = row_counts(application.paths.database)

    saved(qtbot, dialog)

    assert row_counts(application.paths.database) == before
    assert "请至少添加一名志愿者" in dialog.errors.general_message()
    assert "请填写服务对象" in dialog.errors.message("beneficiary")
    assert "请填写服务内容" in dialog.errors.message("content")
    assert "未来" in dialog.errors.message("served_on")


def test_volunteers_are_added_by_search_and_by_a_pasted_column_of_numbers(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteers = residents(application, admin_actor, 3)
    dialog = shown(qtbot, application, admin_actor)

    dialog.picker.edit.setText(volunteers[0].number.lower())
    dialog.picker.search()
    settle(qtbot)
    assert [row.volunteer.id for row in dialog.model.rows] == [volunteers[0].id]
    assert dialog.picker.edit.text() == ""

    dialog.picker.edit.setText("居民")
    dialog.picker.search()
    settle(qtbot)
    assert dialog.picker.menu is not None and len(dialog.picker.menu.actions()) == 3
    dialog.picker.menu.actions()[2].trigger()
    assert [row.volunteer.id for row in dialog.model.rows] == [volunteers[0].id, volunteers[2].id]

    sheet = f"{volunteers[0].number}\n{volunteers[1].number}\r\nZY209900001\n\n"
    dialog.paste_numbers(sheet)
    settle(qtbot)
    assert [row.volunteer.id for row in dialog.model.rows] == [
        v.id for v in (volunteers[0], volunteers[2], volunteers[1])
    ]
    assert dialog.missing_numbers == ["ZY209900001"]
    assert "ZY209900001" in dialog.adding_note.text()


def test_numbers_are_read_from_a_column_a_row_or_a_list() -> None:
    assert numbers_in("ZY1\r\nZY2\n\n ZY3 \tZY4,ZY5，ZY6") == [
        "ZY1", "ZY2", "ZY3", "ZY4", "ZY5", "ZY6",
    ]  # fmt: skip


def test_two_hundred_rows_stay_usable_and_save_in_one_go(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteers = residents(application, admin_actor, 200)
    dialog = shown(qtbot, application, admin_actor)
    fill_activity(dialog)

    started = clock.perf_counter()
    dialog.add_volunteers(volunteers)
    dialog.ends_edit.setTime(QTime(10, 30))
    qtbot.wait(1)
    responsive = clock.perf_counter() - started
    assert dialog.totals_label.text() == "200 名志愿者，合计 300 小时"
    assert responsive < 1.0, responsive

    saved(qtbot, dialog)
    assert dialog.result_batch is not None and len(dialog.result_batch.records) == 200


def test_open_batch_entry_opens_over_the_page_and_fits_1024_by_768(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    residents(application, admin_actor, 12)
    dialog = open_batch_entry(Page(context_of(application, admin_actor)))
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.add_volunteers(
        [
            find_volunteer(application.database, admin_actor, row.number)
            and VolunteerChoice(row.id, row.number, row.name)
            for row in list_volunteers(application.database, admin_actor).rows
        ]
    )
    assert dialog.width() <= 1024 and dialog.height() <= 768
    assert layout_problems(dialog) == []


def test_staff_may_enter_a_batch(qtbot, application: Application, admin_actor: Actor) -> None:
    from dangqun.core.users import create_user
    from tests.ui.conftest import actor_of

    volunteers = residents(application, admin_actor, 1)
    create_user(application.database, admin_actor, "clerk", "李华", Role.STAFF, "staff-pass-123")
    dialog = shown(qtbot, application, actor_of(application, "clerk"))
    fill_activity(dialog)
    dialog.add_volunteers(volunteers)
    saved(qtbot, dialog)
    assert dialog.result_batch is not None
