"""兑换, 转赠, 捐赠 and 冲正 dialogs (issue 13, "Ledger", "Limits as settings", "Bad input").

Over real SQLite files: a posting with the dialog's one request id posts once however often it
is saved; NEAR the limit asks first, OVER is refused with the reason; giving to oneself and
reversing a reversal are refused with the service's message; a reversal needs a reason.
"""

from __future__ import annotations

import sqlite3

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.core.settings import update_settings
from dangqun.timebank.service import (
    get_balances,
    get_transfer,
    record_service,
    verify_service_record,
)
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.timebank.transfer_dialog import (
    ReversalDialog,
    TransferDialog,
    TransferKindChoice,
    VolunteerChoice,
    open_reversal,
    open_transfer,
)
from dangqun.ui.widgets import message_boxes
from tests.ui.layout_checks import layout_problems
from tests.ui.settings_support import settle
from tests.unit.timebank.conftest import NOW, category_id, open_resident, row_counts, service_form


class Page:
    def __init__(self, context: UiContext) -> None:
        self.context = context


def context_of(application: Application, actor: Actor) -> UiContext:
    return UiContext(application, actor, open_ui_state(application.paths), AppEvents())


def earned(application: Application, admin: Actor, sequence: int = 123) -> int:
    """A volunteer with 120 verified minutes."""
    database = application.database
    volunteer = open_resident(database, admin, sequence, name=f"刘{chr(0x4E00 + sequence)}")
    record = record_service(
        database, admin, service_form(volunteer, category_id(database, admin)), now=NOW
    )
    verify_service_record(database, admin, record.id, f"earn-{sequence}")
    return volunteer


def transfers(application: Application) -> int:
    with sqlite3.connect(application.paths.database) as connection:
        return connection.execute("SELECT count(*) FROM timebank_transfers").fetchone()[0]


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot)
    return dialog


def test_a_spend_shows_the_balance_and_posts_once_however_often_saved(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteer = earned(application, admin_actor)
    context = context_of(application, admin_actor)
    dialog = shown(qtbot, TransferDialog(context, volunteer, TransferKindChoice.SPEND))
    assert "可用 2 小时" in dialog.balance_label.text()
    dialog.received_edit.setText("爱心米 5 斤")
    dialog.minutes_spin.setValue(30)
    before = transfers(application)

    dialog.post()
    dialog._call = None  # a retried save: the first call's answer never arrived
    dialog.post()
    settle(qtbot)

    assert transfers(application) == before + 1
    assert get_balances(application.database, admin_actor, volunteer).spendable == 90
    assert dialog.result_transfer is not None and dialog.result_transfer.repeated
    assert dialog.result() == TransferDialog.DialogCode.Accepted


def test_ok_checks_the_limit_then_posts(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteer = earned(application, admin_actor)
    dialog = shown(
        qtbot,
        TransferDialog(context_of(application, admin_actor), volunteer, TransferKindChoice.DONATE),
    )
    dialog.minutes_spin.setValue(45)
    dialog.accept()
    settle(qtbot)
    assert dialog.result_transfer is not None and dialog.result_transfer.minutes == 45
    assert get_balances(application.database, admin_actor, volunteer).spendable == 75


def test_near_the_limit_warns_in_yellow_and_posts_only_when_confirmed(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    volunteer = earned(application, admin_actor)
    asked: list[str] = []
    answer = [False]

    def confirm(_parent, _title, text, _accept, _details=""):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    dialog = shown(
        qtbot,
        TransferDialog(context_of(application, admin_actor), volunteer, TransferKindChoice.DONATE),
    )
    dialog.minutes_spin.setValue(90)  # leaves 30, within the 60-minute warning level
    before = row_counts(application.paths.database)

    dialog.accept()
    settle(qtbot)
    assert len(asked) == 1 and "30 分钟" in asked[0]
    assert dialog.warning_label.isVisible() and "接近" in dialog.warning_label.text()
    assert row_counts(application.paths.database) == before and dialog.isVisible()

    answer[0] = True
    dialog.accept()
    settle(qtbot)
    assert len(asked) == 2
    assert get_balances(application.database, admin_actor, volunteer).spendable == 30


def test_over_the_limit_is_refused_with_the_reason_and_nothing_posted(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    volunteer = earned(application, admin_actor)
    monkeypatch.setattr(message_boxes, "confirm", lambda *_args, **_kw: True)
    dialog = shown(
        qtbot,
        TransferDialog(context_of(application, admin_actor), volunteer, TransferKindChoice.SPEND),
    )
    dialog.received_edit.setText("理发一次")
    dialog.minutes_spin.setValue(150)
    before = row_counts(application.paths.database)

    dialog.accept()
    settle(qtbot)

    assert row_counts(application.paths.database) == before
    assert dialog.errors.message("minutes") == (
        "余额不足：现有 2 小时，本次需要 2 小时 30 分钟，余额不能为负。"
    )
    update_settings(application.database, admin_actor, {"timebank_overdraft_minutes": 60})
    dialog.accept()
    settle(qtbot)
    assert get_balances(application.database, admin_actor, volunteer).spendable == -30


def test_giving_to_oneself_is_refused_and_giving_to_another_posts(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    giver = earned(application, admin_actor, 123)
    other = earned(application, admin_actor, 124)
    dialog = shown(
        qtbot, TransferDialog(context_of(application, admin_actor), giver, TransferKindChoice.GIVE)
    )
    before = row_counts(application.paths.database)

    dialog.accept()
    settle(qtbot)
    assert dialog.errors.message("to_volunteer_id") == "请选择接受转赠的志愿者"

    dialog.choose_target(VolunteerChoice(giver, "", "自己"))
    dialog.accept()
    settle(qtbot)
    assert "不能转赠给自己" in dialog.errors.message("to_volunteer_id")
    assert row_counts(application.paths.database) == before

    dialog.target_picker.edit.setText("刘")
    dialog.target_picker.search()
    settle(qtbot)
    other_action = next(
        action for action in dialog.target_picker.menu.actions() if action.data().id == other
    )
    other_action.trigger()
    dialog.minutes_spin.setValue(15)
    dialog.accept()
    settle(qtbot)
    assert get_balances(application.database, admin_actor, other).spendable == 135


def test_a_reversal_needs_a_reason_and_a_reversal_cannot_be_reversed(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteer = earned(application, admin_actor)
    context = context_of(application, admin_actor)
    spend_dialog = shown(qtbot, TransferDialog(context, volunteer, TransferKindChoice.DONATE))
    spend_dialog.minutes_spin.setValue(15)
    spend_dialog.post()
    settle(qtbot)
    donated = spend_dialog.result_transfer
    assert donated is not None

    dialog = shown(qtbot, ReversalDialog(context, donated.id))
    assert "捐赠公益池" in dialog.summary_label.text() and "15 分钟" in dialog.summary_label.text()
    dialog.accept()
    settle(qtbot)
    assert dialog.errors.message("reason") == "请填写冲正的原因"
    dialog.reason_edit.setText("捐错了")
    dialog.accept()
    settle(qtbot)
    reversal = dialog.result_transfer
    assert reversal is not None and reversal.reverses_id == donated.id
    assert get_balances(application.database, admin_actor, volunteer).spendable == 120

    again = shown(qtbot, ReversalDialog(context, reversal.id))
    assert f"这是账目 {donated.id} 的冲正账目" in again.summary_label.text()
    again.reason_edit.setText("再冲一次")
    before = row_counts(application.paths.database)
    again.accept()
    settle(qtbot)
    assert again.errors.general_message() == "冲正账目不能再冲正"
    assert row_counts(application.paths.database) == before
    assert get_transfer(application.database, admin_actor, donated.id).reversed_by == reversal.id


def test_the_dialogs_open_over_the_page_and_fit_1024_by_768(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteer = earned(application, admin_actor)
    page = Page(context_of(application, admin_actor))
    for kind in ("spend", "give", "donate"):
        dialog = open_transfer(page, volunteer, kind)
        qtbot.addWidget(dialog)
        qtbot.waitExposed(dialog)
        settle(qtbot)
        assert dialog.width() <= 1024 and dialog.height() <= 768
        assert layout_problems(dialog) == [], kind
        dialog.reject()
    chooser = open_transfer(page, None, "spend")
    qtbot.addWidget(chooser)
    chooser.accept()
    assert chooser.errors.message("volunteer_id") == "请先选择志愿者"
    chooser.volunteer_picker.take(VolunteerChoice(volunteer, "ZY", "刘"))
    settle(qtbot)
    assert chooser.volunteer_id == volunteer and "可用 2 小时" in chooser.balance_label.text()
    reversal = open_reversal(page, 1)
    qtbot.addWidget(reversal)
    settle(qtbot)
    assert reversal.transfer is not None and layout_problems(reversal) == []
