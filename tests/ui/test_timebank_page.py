"""时间银行 page (issue 13): the account list, the detail, 开户 / 修改 / 暂停 / 恢复 / 注销, 登记服务,
the 待核实 to-do with the own-record rule, 首页's cards, roles — on real centers, through the
real services, with every refusal read under the field it names."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from dangqun.bootstrap import Application
from dangqun.core.clock import local_today
from dangqun.core.parsing import id_number_for
from dangqun.core.security import Actor, Role
from dangqun.core.users import create_user
from dangqun.timebank.service import (
    BeneficiaryKind,
    RecordQuery,
    RecordStatus,
    ServiceForm,
    VolunteerForm,
    VolunteerStatus,
    get_balances,
    get_volunteer,
    list_categories,
    list_service_records,
    list_volunteers,
    open_volunteer,
    record_service,
)
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.main_window import MainWindow, signed_in_window
from dangqun.ui.pages import timebank_page
from dangqun.ui.pages.timebank_page import TimeBankPage
from dangqun.ui.timebank.home_cards import TimeBankHomeCards
from dangqun.ui.timebank.service_record_dialog import ServiceRecordDialog
from dangqun.ui.timebank.status_dialog import StatusDialog
from dangqun.ui.timebank.verification_panel import RejectDialog
from dangqun.ui.timebank.volunteer_dialog import VolunteerDialog
from dangqun.ui.timebank.volunteer_model import PAGE_SIZE
from tests.ui.conftest import actor_of
from tests.ui.layout_checks import layout_problems

WAIT_MS = 20_000
SERVED_ON = local_today() - timedelta(days=2)


def resident(sequence: int, name: str = "刘桂兰") -> VolunteerForm:
    return VolunteerForm(
        name=name,
        id_number=id_number_for("530102", date(1952, 4, 9), sequence),
        phone="13987654321",
        address="五华区翠湖北路 8 号",
        skills=("理发",),
    )


DIGITS = "甲乙丙丁戊己庚辛壬癸"


def numbered_name(number: int) -> str:
    """居民 + three "digits" a name may hold (``居民甲乙丙`` for 12): names take no digits."""
    return "居民" + "".join(DIGITS[int(digit)] for digit in f"{number:03d}")


def open_residents(application: Application, actor: Actor, count: int) -> list[int]:
    return [
        open_volunteer(application.database, actor, resident(100 + n, numbered_name(n))).id
        for n in range(count)
    ]


def care(application: Application, actor: Actor) -> int:
    return next(c.id for c in list_categories(application.database, actor) if c.name == "养老助老")


def enter_record(application: Application, actor: Actor, volunteer_id: int, hour: int = 9) -> int:
    return record_service(
        application.database,
        actor,
        ServiceForm(
            volunteer_id=volunteer_id,
            category_id=care(application, actor),
            served_on=SERVED_ON,
            starts_at=time(hour, 0),
            ends_at=time(hour + 1, 30),
            beneficiary_kind=BeneficiaryKind.RESIDENT,
            beneficiary="张奶奶",
            content="陪同就医",
        ),
    ).id


def make_window(qtbot, application: Application, actor: Actor, size=(1280, 800)) -> MainWindow:
    context = UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    window = signed_in_window(context, remember_state=False)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_page(qtbot, window: MainWindow) -> TimeBankPage:
    page = window.show_page("timebank")
    assert isinstance(page, TimeBankPage)
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)
    return page


def add_clerk(application: Application, admin: Actor) -> Actor:
    create_user(application.database, admin, "clerk", "李华", Role.STAFF, "staff-pass-123")
    return actor_of(application, "clerk")


def settle(qtbot, page: TimeBankPage) -> None:
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)


def save_and_wait(qtbot, dialog: QDialog) -> None:
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)


# -- the list -------------------------------------------------------------------------------


def test_the_list_pages_searches_and_shows_time_in_words(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    ids = open_residents(application, admin_actor, PAGE_SIZE * 2 + 5)
    window = make_window(qtbot, application, admin_actor)
    page = shown_page(qtbot, window)

    assert page.count_label.text() == f"共 {PAGE_SIZE * 2 + 5} 个账户"
    assert page.model.rowCount() == PAGE_SIZE * 2 + 5
    assert page.model.pages_loaded == 0  # the first page came with the search
    last = page.model.index(PAGE_SIZE * 2 + 4, 1)
    assert last.data() == numbered_name(PAGE_SIZE * 2 + 4)  # read on demand, one page
    assert page.model.pages_loaded == 1
    assert page.model.index(0, 4).data() == "0 分钟"
    assert page.model.index(0, 2).data() == "居民"
    assert page.model.index(0, 7).data() == "理发"

    page.search_edit.setText(numbered_name(10)[:-1])  # 居民甲乙*: ten of them
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=WAIT_MS)
    settle(qtbot, page)
    number = get_volunteer(application.database, admin_actor, ids[3]).number
    page.search_edit.setText(number.lower())
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    settle(qtbot, page)
    assert page.model.index(0, 0).data() == number
    # the first account's detail is shown rather than an empty half page
    assert page.name_label.text() == f"{numbered_name(3)}  {number}"
    assert page.balance_labels["served"].text() == "0 分钟"


@pytest.mark.demo_members(40)
def test_a_member_volunteer_is_found_by_pinyin(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    from dangqun.members.service import MemberQuery, list_member_ids, member_rows

    database = application.database
    member = member_rows(
        database, admin_actor, list_member_ids(database, admin_actor, MemberQuery())[:1]
    )[0]
    open_volunteer(database, admin_actor, VolunteerForm(member_id=member.id))
    from dangqun.members.search_keys import compute_search_keys

    initials = compute_search_keys(member.name, "", None).pinyin_initials
    found = list_volunteers(database, admin_actor, initials)
    assert member.name in {row.name for row in found.rows}


# -- 开户 and 修改 ------------------------------------------------------------------------------


def test_opening_a_resident_account_shows_refusals_beside_the_fields(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    window = make_window(qtbot, application, admin_actor)
    page = shown_page(qtbot, window)
    assert page.count_label.text() == "还没有账户"
    assert "开户" in page.empty_detail.text()

    page.open_button.click()
    dialog = page.active_dialog
    assert isinstance(dialog, VolunteerDialog)
    dialog.resident_radio.setChecked(True)
    dialog.name_edit.setText("刘桂兰")
    dialog.id_number_edit.setText("530102195204091230")  # wrong check character
    dialog.phone_edit.setText("123")
    save_and_wait(qtbot, dialog)

    assert dialog.isVisible()
    assert "身份号码" in dialog.errors.message("id_number") or "校验" in dialog.errors.message(
        "id_number"
    )
    assert dialog.errors.message("phone")
    assert list_volunteers(application.database, admin_actor).total == 0

    dialog.id_number_edit.setText(id_number_for("530102", date(1952, 4, 9), 123))
    dialog.phone_edit.setText("13987654321")
    dialog.skills_edit.setText("理发、陪聊")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        save_and_wait(qtbot, dialog)
    settle(qtbot, page)
    assert page.model.rowCount() == 1
    detail = page.selected_volunteer()
    assert detail is not None and detail.name == "刘桂兰" and detail.skills == ("理发", "陪聊")


@pytest.mark.demo_members(40)
def test_opening_an_account_for_a_member_picks_from_the_register(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    window = make_window(qtbot, application, admin_actor)
    page = shown_page(qtbot, window)
    page.open_button.click()
    dialog = page.active_dialog
    assert isinstance(dialog, VolunteerDialog) and dialog.is_member()
    save_and_wait(qtbot, dialog)  # nobody chosen
    assert dialog.errors.message("member_id") == "请先查找并选择要开户的党员"

    qtbot.waitUntil(lambda: dialog.member_list.count() > 0, timeout=WAIT_MS)
    dialog.member_list.setCurrentRow(0)
    chosen = dialog.member_id
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        save_and_wait(qtbot, dialog)
    settle(qtbot, page)
    detail = page.selected_volunteer()
    assert detail is not None and detail.member_id == chosen and detail.is_member

    # the same member again: the service's refusal, beside the member field
    page.open_button.click()
    again = page.active_dialog
    assert isinstance(again, VolunteerDialog)
    again.member_id = chosen
    save_and_wait(qtbot, again)
    assert "已开立时间银行账户" in again.errors.message("member_id")
    again.reject()


def test_staff_without_personal_data_see_masked_values_and_keep_them_on_save(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    clerk = add_clerk(application, admin_actor)
    window = make_window(qtbot, application, clerk)
    page = shown_page(qtbot, window)
    detail = page.selected_volunteer()
    assert detail is not None and detail.personal_data_masked
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter opens 账户详情
    details = page.details_dialog()
    assert details is not None
    facts = details.facts_label.text()
    assert "*" in facts and "13987654321" not in facts
    details.reject()

    page.edit_button.click()
    dialog = page.active_dialog
    assert isinstance(dialog, VolunteerDialog)
    assert "*" in dialog.id_number_edit.text()
    dialog.skills_edit.setText("理发、维修")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        save_and_wait(qtbot, dialog)
    stored = get_volunteer(application.database, admin_actor, volunteer_id)
    assert stored.skills == ("理发", "维修")
    assert stored.id_number == id_number_for("530102", date(1952, 4, 9), 123)


# -- 暂停 / 恢复 / 注销 ---------------------------------------------------------------------------


def test_suspend_resume_and_close_are_confirmed_with_a_reason(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    enter_record(application, admin_actor, volunteer_id)
    window = make_window(qtbot, application, admin_actor)
    page = shown_page(qtbot, window)

    page.suspend_button.click()
    dialog = page.active_dialog
    assert isinstance(dialog, StatusDialog)
    save_and_wait(qtbot, dialog)
    assert dialog.errors.message("reason") == "请填写变更账户状态的原因"
    dialog.reason_edit.setText("外出探亲三个月")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        save_and_wait(qtbot, dialog)
    settle(qtbot, page)
    status = get_volunteer(application.database, admin_actor, volunteer_id).status
    assert status is VolunteerStatus.SUSPENDED
    assert page.resume_button.isVisible() and not page.suspend_button.isVisible()
    assert not page.record_button.isEnabled()

    page.resume_button.click()
    resume = page.active_dialog
    assert isinstance(resume, StatusDialog)
    resume.reason_edit.setText("已回社区")
    with qtbot.waitSignal(resume.finished, timeout=WAIT_MS):
        save_and_wait(qtbot, resume)
    settle(qtbot, page)

    page.close_button.click()
    closing = page.active_dialog
    assert isinstance(closing, StatusDialog)
    assert "不能恢复" in closing.findChild(type(page.count_label), "explanationLabel").text()
    closing.reason_edit.setText("搬离本社区")
    save_and_wait(qtbot, closing)
    assert "待核实" in closing.errors.message("reason")  # a record still waits
    assert get_volunteer(application.database, admin_actor, volunteer_id).status is (
        VolunteerStatus.ACTIVE
    )
    closing.reject()


# -- 登记服务 ---------------------------------------------------------------------------------


def test_recording_a_service_refuses_beside_the_fields_then_saves_pending(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    window = make_window(qtbot, application, admin_actor)
    page = shown_page(qtbot, window)
    page.record_button.click()
    dialog = page.active_dialog
    assert isinstance(dialog, ServiceRecordDialog)
    assert dialog.minutes_spin.value() == 120  # from 09:00 to 11:00

    dialog.date_field.set_value(SERVED_ON)
    dialog.start_edit.setTime(dialog.end_edit.time().addSecs(3600))  # 12:00 – 11:00
    dialog.beneficiary_edit.setText("张奶奶")
    dialog.content_edit.setPlainText("陪同就医")
    save_and_wait(qtbot, dialog)
    assert "早于开始时间" in dialog.errors.message("ends_at")
    assert "跨午夜" in dialog.errors.message("ends_at")

    dialog.start_edit.setTime(dialog.end_edit.time().addSecs(-2 * 3600))  # 09:00 – 11:00
    dialog.minutes_spin.setValue(50)
    save_and_wait(qtbot, dialog)
    assert "15 分钟" in dialog.errors.message("minutes")

    dialog.minutes_spin.setValue(105)
    dialog.date_field.set_value(local_today() + timedelta(days=3))
    save_and_wait(qtbot, dialog)
    assert dialog.errors.message("served_on")

    dialog.date_field.set_value(SERVED_ON)
    dialog.slip_edit.setText("DJ-0042")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        save_and_wait(qtbot, dialog)
    records = list_service_records(
        application.database, admin_actor, RecordQuery(volunteer_id=volunteer_id)
    ).rows
    assert [(r.minutes, r.status, r.slip_number) for r in records] == [
        (105, RecordStatus.PENDING, "DJ-0042")
    ]
    settle(qtbot, page)
    assert page.balance_labels["pending"].text() == "1 小时 45 分钟"
    page.open_details()
    details = page.details_dialog()
    assert details is not None and details.records_model.item(0, 3).text() == "待核实"
    details.reject()

    # the same slip again: refused beside the slip number
    page.record_button.click()
    second = page.active_dialog
    assert isinstance(second, ServiceRecordDialog)
    second.date_field.set_value(SERVED_ON - timedelta(days=1))
    second.beneficiary_edit.setText("李爷爷")
    second.content_edit.setPlainText("理发")
    second.slip_edit.setText("DJ-0042")
    save_and_wait(qtbot, second)
    assert "DJ-0042" in second.errors.message("slip_number")
    second.reject()


# -- 待核实 -----------------------------------------------------------------------------------


def test_verifying_ones_own_record_is_refused_and_another_user_verifies(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    clerk = add_clerk(application, admin_actor)  # two staff: the rule is on ("auto")
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    record_id = enter_record(application, admin_actor, volunteer_id)
    window = make_window(qtbot, application, admin_actor)
    page = shown_page(qtbot, window)
    assert page.todo_button.isVisible() and page.todo_button.text() == "1 条记录待核实"
    page.todo_button.click()
    panel = page.pending_panel
    assert page.tabs.currentWidget() is panel
    assert page.tabs.tabText(1) == "待核实（1）"
    assert "录入人以外" in panel.rule_label.text()

    assert panel.select_record(record_id)
    panel.verify_button.click()
    qtbot.waitUntil(lambda: bool(panel.message()), timeout=WAIT_MS)
    assert panel.message() == (
        "这条记录是您录入的，须由另一名工作人员核实（系统设置：服务记录的核实人）"
    )
    assert get_balances(application.database, admin_actor, volunteer_id).spendable == 0
    window.close()

    other = make_window(qtbot, application, clerk)
    clerk_page = shown_page(qtbot, other)
    clerk_page.show_pending()
    clerk_panel = clerk_page.pending_panel
    assert clerk_panel.select_record(record_id)
    clerk_panel.verify_button.click()
    qtbot.waitUntil(lambda: clerk_panel.notice_label.isVisibleTo(clerk_panel), timeout=WAIT_MS)
    settle(qtbot, clerk_page)
    assert clerk_panel.notice_label.text() == "已核实：存入 1 小时 30 分钟。"
    balances = get_balances(application.database, admin_actor, volunteer_id)
    assert (balances.served, balances.spendable, balances.pending) == (90, 90, 0)
    assert clerk_panel.model.rowCount() == 0 and not clerk_page.todo_button.isVisible()
    assert clerk_page.balance_labels["spendable"].text() == "1 小时 30 分钟"
    clerk_page.open_details()
    details = clerk_page.details_dialog()
    assert details is not None and details.movements_model.item(0, 1).text() == "服务存入"
    details.reject()


def test_returning_a_record_needs_a_reason(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    record_id = enter_record(application, admin_actor, volunteer_id)
    window = make_window(qtbot, application, admin_actor)
    page = shown_page(qtbot, window)
    page.show_pending()
    panel = page.pending_panel
    assert "也可以核实" in panel.rule_label.text()  # one staff account: the rule is off
    panel.select_record(record_id)
    panel.reject_button.click()
    dialog = panel.active_dialog
    assert isinstance(dialog, RejectDialog)
    save_and_wait(qtbot, dialog)
    assert dialog.errors.message("reason") == "请填写退回的原因"
    dialog.reason_edit.setText("登记单上没有服务对象签字")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        save_and_wait(qtbot, dialog)
    settle(qtbot, page)
    record = list_service_records(
        application.database, admin_actor, RecordQuery(volunteer_id=volunteer_id)
    ).rows[0]
    assert record.status is RecordStatus.REJECTED
    assert record.rejection_reason == "登记单上没有服务对象签字"
    assert panel.model.rowCount() == 0


# -- roles and the other flows ----------------------------------------------------------------


def test_read_only_sees_but_changes_nothing(
    qtbot, application: Application, admin_actor: Actor, read_only_actor: Actor
) -> None:
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    enter_record(application, admin_actor, volunteer_id)
    window = make_window(qtbot, application, read_only_actor)
    page = shown_page(qtbot, window)
    assert page.model.rowCount() == 1 and page.selected_volunteer() is not None
    hidden = (
        page.open_button,
        page.record_button,
        page.batch_button,
        page.import_button,
        page.edit_button,
        page.suspend_button,
        page.close_button,
        page.exchange_button,
        page.pending_panel.verify_button,
        page.pending_panel.reject_button,
    )
    assert not any(button.isVisibleTo(page) for button in hidden)
    assert not page.todo_button.isVisibleTo(page)
    # looking is allowed: 账户详情 opens, its 冲正 and 打印本次活动的证明 do not show
    assert page.details_button.isVisibleTo(page) and page.details_button.isEnabled()
    page.open_details()
    details = page.details_dialog()
    assert details is not None and details.records_model.rowCount() == 1
    assert not details.reverse_button.isVisibleTo(details)
    assert not details.activity_button.isVisibleTo(details)


def test_flows_of_other_modules_show_only_when_their_module_exists(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    open_volunteer(application.database, admin_actor, resident(123))
    monkeypatch.setattr(timebank_page, "flow_available", lambda flow: False)
    window = make_window(qtbot, application, admin_actor)
    page = shown_page(qtbot, window)
    for button in (
        page.batch_button,
        page.import_button,
        page.exchange_button,
        page.print_button,
    ):
        assert not button.isVisibleTo(page), button.objectName()
    page.open_details()
    details = page.details_dialog()
    assert details is not None
    for button in (details.reverse_button, details.activity_button):
        assert not button.isVisibleTo(details), button.objectName()


def test_flow_entries_call_the_named_functions_lazily(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    window = make_window(qtbot, application, admin_actor)
    page = shown_page(qtbot, window)
    calls = []

    class Flow:
        def __getattr__(self, name):
            return lambda *arguments: calls.append((name, arguments[1:]))

    monkeypatch.setattr(page, "_flow", lambda flow: Flow())
    page.open_transfer("give")
    page.print_statement()
    page.print_certificate()
    page.print_service_report()
    page.open_batch_entry()
    page.open_import()
    assert calls == [
        ("open_transfer", (volunteer_id, "give")),
        ("print_statement", (volunteer_id,)),
        ("print_certificate", (volunteer_id,)),
        ("print_service_report", (volunteer_id,)),
        ("open_batch_entry", ()),
        ("open_service_import", ()),
    ]


def test_account_details_offer_reversal_and_the_activity_certificates(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    from dangqun.timebank.records import ActivityForm, BatchRow
    from dangqun.timebank.service import donate, record_batch, verify_service_record

    clerk = add_clerk(application, admin_actor)
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    batch = record_batch(
        application.database,
        admin_actor,
        ActivityForm(care(application, admin_actor), SERVED_ON, BeneficiaryKind.RESIDENT, "张奶奶", "陪同就医"),
        [BatchRow(volunteer_id, time(9, 0), time(10, 30))],
    )  # fmt: skip
    record = batch.records[0]
    verify_service_record(application.database, clerk, record.id, "details-verify")
    donation = donate(application.database, admin_actor, volunteer_id, 30, "details-donate")
    window = make_window(qtbot, application, admin_actor, (1024, 768))
    page = shown_page(qtbot, window)
    calls = []

    class Flow:
        def __getattr__(self, name):
            return lambda *arguments: calls.append((name, arguments[1:]))

    monkeypatch.setattr(page, "_flow", lambda flow: Flow())
    assert page.balance_labels["spendable"].text() == "1 小时"
    index = page.model.index(0, 1)
    rect = page.view.visualRect(index)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    details = page.details_dialog()
    assert details is not None and details.balance_labels["spendable"].text() == "1 小时"
    assert not details.reverse_button.isEnabled() and not details.activity_button.isEnabled()
    details.records_view.selectRow(0)
    details.activity_button.click()
    details.movements_view.selectRow(0)  # the newest first: the donation
    details.reverse_button.click()
    assert calls == [
        ("print_activity_certificates", (record.batch_uuid,)),
        ("open_reversal", (donation.id,)),
    ]


# -- 首页 ------------------------------------------------------------------------------------


def test_home_cards_show_the_month_and_the_to_do_opens_the_pending_list(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    from dangqun.timebank.service import verify_service_record

    clerk = add_clerk(application, admin_actor)
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    verified = enter_record(application, admin_actor, volunteer_id, hour=9)
    verify_service_record(application.database, clerk, verified, "home-card-request")
    enter_record(application, admin_actor, volunteer_id, hour=14)
    window = make_window(qtbot, application, admin_actor)
    home = window.page("home")
    qtbot.waitUntil(home.is_ready, timeout=WAIT_MS)
    assert any(isinstance(group, TimeBankHomeCards) for group in home.card_groups)
    month = home.cards["timebankMonth"]
    assert month.value == "存入 1 小时 30 分钟"
    assert month.caption.splitlines()[0] == "兑换 0 分钟"
    if SERVED_ON.month == local_today().month:
        assert month.caption.splitlines()[1] == "最多：养老助老"
    assert home.cards["timebankPending"].value == "1"
    assert home.cards["timebankPending"].caption.startswith("共 1 小时 30 分钟")

    qtbot.mouseClick(home.cards["timebankPending"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "timebank"
    page = window.page("timebank")
    assert isinstance(page, TimeBankPage)
    assert page.tabs.currentWidget() is page.pending_panel


# -- layout -----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
@pytest.mark.parametrize("role", ["admin", "staff"])
def test_the_page_and_its_dialogs_fit_the_screens(
    qtbot, application: Application, admin_actor: Actor, size, role: str
) -> None:
    clerk = add_clerk(application, admin_actor)
    actor = admin_actor if role == "admin" else clerk
    volunteer_id = open_volunteer(application.database, admin_actor, resident(123)).id
    enter_record(application, admin_actor, volunteer_id)
    window = make_window(qtbot, application, actor, size)
    page = shown_page(qtbot, window)
    qtbot.wait(100)  # pending layout requests, as a screenshot lets them settle
    problems = layout_problems(window)
    assert problems == [], "\n".join(problems)
    page.show_pending()
    qtbot.waitUntil(lambda: page.pending_panel.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.wait(100)
    assert layout_problems(window) == []
    for open_dialog in (
        page.open_account,
        page.record_service,
        page.edit_selected,
        page.open_details,
    ):
        open_dialog()
        dialog = page.active_dialog
        assert dialog is not None
        qtbot.waitExposed(dialog)
        qtbot.wait(100)
        assert layout_problems(dialog) == [], type(dialog).__name__
        assert dialog.frameGeometry().height() <= size[1]
        dialog.reject()
