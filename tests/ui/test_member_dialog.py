"""登记党员 / 党员信息 dialog and its dated changes, through the real members service."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.clock import local_today
from dangqun.core.security import Actor, system_actor
from dangqun.core.setting_definitions import LARGEST_FONT_POINT_SIZE
from dangqun.demo import generate_demo_data
from dangqun.members.codes import EventType
from dangqun.members.models import Member
from dangqun.members.service import branch_choices, get_member, member_history
from dangqun.members.vocabulary import MemberKind, MemberStatus
from dangqun.ui.dialogs.base import ServiceDialog
from dangqun.ui.dialogs.member_change_dialog import MemberChangeDialog
from dangqun.ui.dialogs.member_dialog import MemberDialog
from dangqun.ui.pages.members_page import MembersPage
from tests.ui.layout_checks import layout_problems
from tests.ui.members_support import (
    READ_ONLY,
    STAFF,
    WAIT_MS,
    Recorder,
    audit_entries,
    id_number,
    install_recorder,
    make_context,
    make_page,
    settle,
    sql_count,
)

LONG_NAME = "阿卜杜热合曼·买买提艾力·阿不都克尤木·库尔班江·吐尔逊江"


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return install_recorder(monkeypatch)


@pytest.fixture
def demo_application(application: Application) -> Application:
    generate_demo_data(application.database, system_actor("测试"), 120, seed=11)
    return application


@pytest.fixture
def page(qtbot, demo_application: Application, admin_actor: Actor, recorder: Recorder):
    return make_page(qtbot, demo_application, admin_actor)


def open_new(page: MembersPage) -> MemberDialog:
    page.ui.registerButton.click()
    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog) and dialog.isVisible()
    return dialog


def save_button(dialog: MemberDialog):
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)


def saved(qtbot, dialog: ServiceDialog) -> bool:
    """Save as the Save button does and wait for the background call: True when it closed
    the dialog (which the members page then deletes, so ask the signal, not the widget)."""
    closed: list[bool] = []
    dialog.accepted.connect(lambda: closed.append(True))
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)
    return bool(closed)


def fill_valid(dialog: MemberDialog, application: Application, number: str) -> None:
    ui = dialog.ui
    ui.nameEdit.setText(LONG_NAME)
    ui.idNumberEdit.setText(number)
    ui.idNumberEdit.textEdited.emit(number)
    ui.ethnicityCombo.setCurrentIndex(ui.ethnicityCombo.findData("05"))
    ui.organizationPicker.set_organization_id(branch_choices(application.database)[0].id)
    ui.joinedOnEdit.line_edit.setText("2010年7月1日")
    ui.confirmedOnEdit.line_edit.setText("2011.07.01")
    ui.phoneEdit.setText("139 8712 3456")


def test_a_bad_id_number_is_refused_beside_the_field_and_nothing_is_written(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    before = sql_count(demo_application)
    dialog = open_new(page)
    good = id_number("530102", date(1980, 5, 17), 131)
    fill_valid(dialog, demo_application, good)
    wrong_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    dialog.ui.idNumberEdit.setText(wrong_check)

    save_button(dialog).click()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)

    assert dialog.isVisible()
    assert dialog.error_for("id_number") == "公民身份号码校验位不正确，请逐位核对是否录入有误"
    assert dialog.ui.idNumberError.isVisible()
    assert not dialog.ui.nameError.isVisible()
    assert "1 处需要改正" in dialog.ui.generalError.text()
    assert sql_count(demo_application) == before
    assert audit_entries(demo_application, "member.create") == []


def test_the_id_number_fills_birth_date_and_sex_and_warns_about_an_unknown_area(
    page: MembersPage,
) -> None:
    dialog = open_new(page)
    number = id_number("990102", date(1975, 2, 28), 242)  # even sequence: female

    dialog.ui.idNumberEdit.setText(number)
    dialog.ui.idNumberEdit.textEdited.emit(number)

    assert dialog.ui.birthDateEdit.value() == date(1975, 2, 28)
    assert dialog.ui.genderCombo.currentText() == "女"
    assert dialog.ui.idNumberWarning.isVisible()
    assert "地区代码" in dialog.ui.idNumberWarning.text()
    assert not dialog.ui.idNumberError.isVisible()


def test_unreadable_dates_and_the_services_findings_show_together(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    dialog = open_new(page)
    fill_valid(dialog, demo_application, id_number("530102", date(1980, 5, 17), 131))
    dialog.ui.joinedOnEdit.line_edit.setText("2010.13.01")
    dialog.ui.phoneEdit.setText("1381234")

    assert not saved(qtbot, dialog)

    assert "不存在" in dialog.error_for("joined_on")
    assert "11 位" in dialog.error_for("phone")


def test_a_valid_registration_appears_in_the_list_and_in_the_audit_log(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    dialog = open_new(page)
    number = id_number("530102", date(1980, 5, 17), 131)
    fill_valid(dialog, demo_application, number)

    save_button(dialog).click()

    qtbot.waitUntil(lambda: page.active_dialog is None, timeout=WAIT_MS)  # closed
    with demo_application.database.reading() as session:
        member = session.scalar(select(Member).where(Member.id_number == number))
        assert member is not None
        assert member.name == LONG_NAME
        assert member.phone == "13987123456"
        assert member.birth_date == date(1980, 5, 17)
        member_id = member.id
    created = audit_entries(demo_application, "member.create")
    assert created and created[0]["after"]["id_number"] == number
    settle(qtbot, page)
    assert page.model.row_of(member_id) >= 0
    assert page.selected_member_id() == member_id
    assert LONG_NAME in page.notice()


def test_a_new_member_starts_in_the_branch_the_list_shows(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    branch = branch_choices(demo_application.database)[1]
    page.ui.branchPicker.set_organization_id(branch.id, notify=True)
    settle(qtbot, page)

    dialog = open_new(page)

    assert dialog.ui.organizationPicker.organization_id() == branch.id


def test_fields_follow_the_kind(page: MembersPage) -> None:
    dialog = open_new(page)
    ui = dialog.ui

    def shown() -> set[str]:
        fields = {
            "registered_on": ui.registeredOnEdit,
            "origin": ui.originOrganizationEdit,
            "card": ui.activityCardEdit,
            "outflow": ui.outflowDestinationEdit,
        }
        return {name for name, widget in fields.items() if widget.isVisibleTo(dialog)}

    assert shown() == set() and not ui.kindGroup.isVisibleTo(dialog)
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(MemberKind.IN_SERVICE_REGISTERED))
    assert shown() == {"registered_on", "origin"}
    assert ui.registeredOnLabel.text() == "报到日期"
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(MemberKind.FLOATING_IN))
    assert shown() == {"registered_on", "origin", "card"}
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(MemberKind.FLOATING_OUT))
    assert shown() == {"card", "outflow"}


def test_an_in_service_member_needs_the_home_organization_and_the_report_date(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    dialog = open_new(page)
    fill_valid(dialog, demo_application, id_number("530102", date(1980, 5, 17), 131))
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(MemberKind.IN_SERVICE_REGISTERED))

    assert not saved(qtbot, dialog)
    assert dialog.error_for("origin_organization")
    assert dialog.error_for("registered_on")

    ui.originOrganizationEdit.setText("云南省财政厅机关党委")
    ui.registeredOnEdit.line_edit.setText("2024-03-05")
    assert saved(qtbot, dialog)
    events = member_history(demo_application.database, system_actor("测试"), dialog.saved.member.id)
    assert {event.event_type for event in events} == {EventType.CREATED, EventType.REPORT}


def first_local_member(application: Application) -> int:
    with application.database.reading() as session:
        member_id = session.scalar(
            select(Member.id)
            .where(
                Member.kind == MemberKind.LOCAL.value,
                Member.status == MemberStatus.ACTIVE.value,
            )
            .order_by(Member.id)
        )
        assert member_id is not None
        return int(member_id)


def test_editing_the_branch_records_a_dated_event(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    member_id = first_local_member(demo_application)
    page.open_member(member_id)
    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog)
    current = dialog.ui.organizationPicker.organization_id()
    other = next(
        node.id for node in branch_choices(demo_application.database) if node.id != current
    )

    dialog.ui.organizationPicker.set_organization_id(other)
    save_button(dialog).click()

    qtbot.waitUntil(lambda: page.active_dialog is None, timeout=WAIT_MS)  # closed
    events = member_history(demo_application.database, system_actor("测试"), member_id)
    assert events[-1].event_type is EventType.BRANCH_CHANGE
    assert events[-1].occurred_on == local_today()
    updates = audit_entries(demo_application, "member.update")
    assert updates and updates[0]["after"]["organization_id"] == other


def test_staff_save_an_edit_without_unmasking_the_stored_id_number(
    qtbot, demo_application: Application, recorder: Recorder
) -> None:
    page = make_page(qtbot, demo_application, STAFF)
    member_id = first_local_member(demo_application)
    page.open_member(member_id)
    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog)
    admin = system_actor("测试")
    stored = get_member(demo_application.database, admin, member_id)
    # Issue 10: the year-month of birth only, in a field staff cannot change; the number
    # keeps nothing of its date, sequence or check character.
    assert dialog.ui.idNumberEdit.text() == stored.id_number[:4] + "*" * 14
    assert dialog.ui.birthDateEdit.text() == f"{stored.birth_date:%Y-%m}"
    assert not dialog.ui.birthDateEdit.isEnabled()
    assert dialog.ui.phoneEdit.text() in ("", "*******" + (stored.phone or "")[-4:])
    dialog.ui.workUnitEdit.setText("翠湖社区居委会 主任")

    assert saved(qtbot, dialog), dialog.ui.generalError.text()

    detail = get_member(demo_application.database, admin, member_id)
    assert (detail.id_number, detail.birth_date, detail.phone) == (
        stored.id_number, stored.birth_date, stored.phone,
    )  # fmt: skip
    assert detail.work_unit == "翠湖社区居委会 主任"


def test_staff_typing_a_new_number_in_full_get_its_birth_date(
    qtbot, demo_application: Application, recorder: Recorder
) -> None:
    member_id = first_local_member(demo_application)
    dialog = MemberDialog(make_context(demo_application, STAFF), member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.birth_date_masked

    qtbot.keyClicks(dialog.ui.idNumberEdit, "530102199001011231")

    assert dialog.ui.idNumberEdit.text() == "530102199001011231"
    assert dialog.ui.birthDateEdit.isEnabled() and not dialog.birth_date_masked
    assert dialog.ui.birthDateEdit.text() == "1990-01-01"


def test_transfer_out_from_the_history_tab_is_a_dated_event(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    member_id = first_local_member(demo_application)
    page.open_member(member_id)
    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog)
    dialog.ui.transferOutButton.click()
    change = dialog.change_dialog
    assert isinstance(change, MemberChangeDialog) and change.isVisible()

    ok = change.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # no destination yet
    qtbot.waitUntil(lambda: not change.is_saving, timeout=WAIT_MS)
    assert change.isVisible()
    assert change.errors.message("destination") == "请填写转往的党组织"

    change.ui.dateEdit.line_edit.setText("2026.01.05")
    change.ui.destinationEdit.setText("五华区华山街道党工委")
    closed: list[bool] = []
    change.accepted.connect(lambda: closed.append(True))
    ok.click()

    qtbot.waitUntil(lambda: bool(closed), timeout=WAIT_MS)  # then the member dialog deletes it
    detail = get_member(demo_application.database, system_actor("测试"), member_id)
    assert detail.status is MemberStatus.TRANSFERRED_OUT
    events = member_history(demo_application.database, system_actor("测试"), member_id)
    assert events[-1].event_type is EventType.TRANSFER_OUT
    assert events[-1].occurred_on == date(2026, 1, 5)
    assert dialog.header_facts.full_text().startswith("社区党员 · 已转出")
    assert dialog.history_model.item(0, 1).text() == "组织关系转出"
    assert dialog.ui.transferInButton.isVisibleTo(dialog)
    # Saving the (untouched) form afterwards must not undo the transfer.
    assert saved(qtbot, dialog)
    detail = get_member(demo_application.database, system_actor("测试"), member_id)
    assert detail.status is MemberStatus.TRANSFERRED_OUT
    settle(qtbot, page)


def test_a_kind_change_asks_for_what_the_new_kind_needs(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    member_id = first_local_member(demo_application)
    page.open_member(member_id)
    dialog = page.active_dialog
    dialog.ui.kindChangeButton.click()
    change = dialog.change_dialog
    ui = change.ui
    ui.newKindCombo.setCurrentIndex(ui.newKindCombo.findData(MemberKind.FLOATING_OUT))
    assert ui.destinationEdit.isVisibleTo(change) and ui.destinationLabel.text() == "外出流向"
    assert not ui.registeredEdit.isVisibleTo(change)

    ui.destinationEdit.setText("广东省深圳市南山区")
    ui.dateEdit.line_edit.setText("2025-12-01")
    assert saved(qtbot, change)

    events = member_history(demo_application.database, system_actor("测试"), member_id)
    assert events[-1].event_type is EventType.FLOATING_OUT
    assert events[-1].occurred_on == date(2025, 12, 1)
    assert dialog.ui.kindCombo.currentData() is MemberKind.FLOATING_OUT


def test_the_read_only_role_sees_a_member_without_buttons_that_write(
    qtbot, demo_application: Application, recorder: Recorder
) -> None:
    member_id = first_local_member(demo_application)
    dialog = MemberDialog(make_context(demo_application, READ_ONLY), member_id)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.ui.nameEdit.isReadOnly()
    assert not dialog.ui.organizationPicker.isEnabled()
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save) is None
    for button in (
        dialog.ui.transferOutButton,
        dialog.ui.kindChangeButton,
        dialog.ui.statusChangeButton,
        dialog.ui.changeKindButton,
    ):
        assert not button.isVisibleTo(dialog)
    assert not saved(qtbot, dialog)


def test_the_history_lists_the_members_events_newest_first(
    qtbot, demo_application: Application, admin_actor: Actor
) -> None:
    with demo_application.database.reading() as session:
        member_id = session.scalar(
            select(Member.id).where(Member.kind == MemberKind.FLOATING_IN.value).limit(1)
        )
    dialog = MemberDialog(make_context(demo_application, admin_actor), member_id)
    qtbot.addWidget(dialog)
    events = member_history(demo_application.database, admin_actor, member_id)

    assert dialog.history_model.rowCount() == len(events) > 0
    assert dialog.history_model.item(0, 2).text() == events[-1].description
    assert dialog.ui.tabs.tabText(1) == f"历史记录（{len(events)}）"
    assert dialog.ui.kindGroup.isVisibleTo(dialog)
    assert dialog.ui.activityCardEdit.isVisibleTo(dialog)


def first_of_kind(application: Application, kind: MemberKind) -> int:
    with application.database.reading() as session:
        member_id = session.scalar(select(Member.id).where(Member.kind == kind.value).limit(1))
    assert member_id is not None, kind
    return member_id


def test_the_form_speaks_the_glossary(
    qtbot, demo_application: Application, admin_actor: Actor
) -> None:
    """Issue 11: 所在党组织 (the picker lists 党小组 too), 报到党组织 for those registered here,
    never 服务党支部; kinds by their glossary names."""
    context = make_context(demo_application, admin_actor)
    words = {
        MemberKind.LOCAL: ("所在党组织", "社区党员"),
        MemberKind.IN_SERVICE_REGISTERED: ("报到党组织", "在职党员"),
        MemberKind.FLOATING_IN: ("报到党组织", "流入党员"),
        MemberKind.FLOATING_OUT: ("所在党组织", "流出党员"),
    }
    for kind, (organization, kind_label) in words.items():
        dialog = MemberDialog(context, first_of_kind(demo_application, kind))
        qtbot.addWidget(dialog)
        assert dialog.ui.organizationLabel.text() == organization
        assert dialog.ui.kindCombo.currentText() == kind_label
        assert dialog.header_facts.full_text().startswith(kind_label)
        assert dialog.ui.categoryLabel.text() == "人员类别"
        assert dialog.ui.kindLabel.text() == "党员类型"
    floating = MemberDialog(context, first_of_kind(demo_application, MemberKind.FLOATING_IN))
    qtbot.addWidget(floating)
    assert floating.ui.kindGroup.title() == "流入党员"


@pytest.mark.parametrize("font_size", [13, LARGEST_FONT_POINT_SIZE])
def test_the_member_dialogs_fit_a_1024_by_768_screen(
    qtbot, demo_application: Application, admin_actor: Actor, font_size: int
) -> None:
    """Issue 11: every text whole and nothing drawn over anything at 1024×768, at the default
    and at the largest font; a long header line is shortened with its full text as tooltip."""
    from PySide6.QtWidgets import QApplication

    from dangqun.members.service import organization_tree
    from dangqun.ui.dialogs.member_change_dialog import ChangeKind
    from dangqun.ui.startup import DEFAULT_FONT_POINT_SIZE, apply_appearance

    application = QApplication.instance()
    assert isinstance(application, QApplication)
    apply_appearance(application, font_size)
    try:
        context = make_context(demo_application, admin_actor)
        organizations = organization_tree(demo_application.database)
        dialogs = [MemberDialog(context, None)] + [
            MemberDialog(context, first_of_kind(demo_application, kind))
            for kind in MemberKind
            if kind is not MemberKind.RETIRED
        ]
        local = first_of_kind(demo_application, MemberKind.LOCAL)
        dialogs += [
            MemberChangeDialog(context, local, change, organizations) for change in ChangeKind
        ]
        problems = []
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            hint = dialog.sizeHint()
            dialog.resize(min(max(hint.width(), dialog.width()), 1024), min(hint.height(), 768))
            qtbot.wait(20)
            assert dialog.minimumSizeHint().width() <= 1024
            problems += [f"{type(dialog).__name__}: {p}" for p in layout_problems(dialog)]
        assert problems == []
    finally:
        apply_appearance(application, DEFAULT_FONT_POINT_SIZE)
