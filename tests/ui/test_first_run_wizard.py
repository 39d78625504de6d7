"""首次设置: messages beside their fields, nothing written until 完成, then one transaction
holding the center, the administrator and the 社区党组织 (issue 11)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWizard

from dangqun.bootstrap import Application, initialize_center, is_initialized
from dangqun.core.center import CenterContact, center_info
from dangqun.core.users import authenticate
from dangqun.members.organizations import organization_tree
from dangqun.members.queries import member_overview
from dangqun.members.vocabulary import OrganizationLevel
from dangqun.ui.dialogs.first_run_wizard import DEFAULT_DEMO_MEMBERS, FirstRunWizard
from dangqun.ui.widgets import message_boxes

from .conftest import ADMIN_PASSWORD, CENTER_ANSWERS
from .layout_checks import layout_problems


@pytest.fixture
def wizard(qtbot, empty_application: Application) -> FirstRunWizard:
    dialog = FirstRunWizard(empty_application.database)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_center(wizard: FirstRunWizard, name: str, code: str) -> None:
    wizard.ui.centerNameEdit.setText(name)
    wizard.ui.divisionCodeEdit.setText(code)


def fill_administrator(
    wizard: FirstRunWizard, username: str, name: str, password: str, again: str
) -> None:
    wizard.ui.usernameEdit.setText(username)
    wizard.ui.displayNameEdit.setText(name)
    wizard.ui.passwordEdit.setText(password)
    wizard.ui.passwordAgainEdit.setText(again)


def go_to_last_page(wizard: FirstRunWizard) -> None:
    fill_center(wizard, CENTER_ANSWERS.center_name, CENTER_ANSWERS.division_code)
    wizard.next()
    assert wizard.currentPage() is wizard.ui.contactPage
    wizard.next()
    fill_administrator(wizard, "admin", "王芳", ADMIN_PASSWORD, ADMIN_PASSWORD)
    wizard.next()
    assert wizard.currentPage() is wizard.ui.demoPage


def finish(wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_center_page_shows_each_message_beside_its_field_and_stays(
    wizard: FirstRunWizard, empty_application: Application
) -> None:
    fill_center(wizard, "  ", "5301")

    wizard.next()

    assert wizard.currentPage() is wizard.ui.centerPage
    assert wizard.error_message("center_name") == "服务中心名称不能为空"
    assert "12 位数字" in wizard.error_message("division_code")
    assert wizard.ui.centerNameError.isVisible()
    assert not is_initialized(empty_application.database)


def test_a_corrected_field_loses_its_message(wizard: FirstRunWizard) -> None:
    fill_center(wizard, "", "110000001001")
    wizard.next()
    assert "不能以 0000 结尾" in wizard.error_message("division_code")

    fill_center(wizard, "翠湖社区党群服务中心", "110101001001")
    wizard.next()

    assert wizard.currentPage() is wizard.ui.contactPage
    assert wizard.error_message("center_name") == ""
    assert wizard.error_message("division_code") == ""


def test_administrator_page_shows_account_messages_beside_their_fields(
    wizard: FirstRunWizard, empty_application: Application
) -> None:
    fill_center(wizard, CENTER_ANSWERS.center_name, CENTER_ANSWERS.division_code)
    wizard.next()
    wizard.next()
    fill_administrator(wizard, "张", "", "short", "short")

    wizard.next()

    assert wizard.currentPage() is wizard.ui.administratorPage
    assert "英文字母" in wizard.error_message("username")
    assert wizard.error_message("display_name") == "姓名不能为空"
    assert wizard.error_message("password") == "密码至少需要 8 位"
    assert not is_initialized(empty_application.database)


def test_passwords_that_differ_are_refused_beside_the_second_field(
    wizard: FirstRunWizard, empty_application: Application
) -> None:
    fill_center(wizard, CENTER_ANSWERS.center_name, CENTER_ANSWERS.division_code)
    wizard.next()
    wizard.next()
    fill_administrator(wizard, "admin", "王芳", ADMIN_PASSWORD, ADMIN_PASSWORD + "x")

    wizard.next()

    assert wizard.error_message("password_again") == "两次输入的密码不一致"
    assert wizard.error_message("password") == ""
    assert not is_initialized(empty_application.database)


def test_finishing_creates_the_center_and_the_administrator(
    wizard: FirstRunWizard, empty_application: Application
) -> None:
    go_to_last_page(wizard)
    assert CENTER_ANSWERS.center_name in wizard.ui.summaryLabel.text()
    assert not wizard.ui.demoCheckBox.isChecked()
    assert wizard.ui.memberCountSpinBox.value() == DEFAULT_DEMO_MEMBERS == 2000

    finish(wizard)

    assert wizard.result() == QWizard.DialogCode.Accepted
    info = center_info(empty_application.database)
    assert (info.name, info.division_code) == (
        CENTER_ANSWERS.center_name,
        CENTER_ANSWERS.division_code,
    )
    assert wizard.center == info
    assert authenticate(empty_application.database, "admin", ADMIN_PASSWORD).display_name == "王芳"
    assert member_overview(empty_application.database).total_records == 0
    # Issue 11: the first roster import needs the 社区党组织; the wizard made it.
    [community] = organization_tree(empty_application.database)
    assert (community.level, community.name, community.code) == (
        OrganizationLevel.COMMUNITY,
        "中共翠湖社区委员会",
        "530102001001",
    )


def test_demo_data_are_generated_off_the_gui_thread_when_asked(
    wizard: FirstRunWizard, empty_application: Application
) -> None:
    go_to_last_page(wizard)
    wizard.ui.demoCheckBox.setChecked(True)
    assert wizard.ui.memberCountSpinBox.isEnabled()
    wizard.ui.memberCountSpinBox.setValue(60)

    finish(wizard)

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.demo_loaded
    assert member_overview(empty_application.database).total_records == 60
    communities = [
        node
        for node in organization_tree(empty_application.database)
        if node.level is OrganizationLevel.COMMUNITY
    ]
    assert [node.name for node in communities] == ["中共翠湖社区委员会"]


def test_a_refusal_at_the_end_goes_back_to_the_page_of_the_field(
    wizard: FirstRunWizard, empty_application: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_to_last_page(wizard)
    initialize_center(empty_application.database, CENTER_ANSWERS)  # another process was faster
    errors: list[str] = []
    monkeypatch.setattr(message_boxes, "show_error", lambda *args: errors.append(args[-1]))

    finish(wizard)

    assert wizard.result() != QWizard.DialogCode.Accepted
    assert wizard.currentPage() is wizard.ui.centerPage
    assert "已经初始化过" in wizard.error_message("center_name")
    assert errors == []


def test_the_party_organization_is_filled_from_the_center_name_until_edited(
    wizard: FirstRunWizard,
) -> None:
    fill_center(wizard, "幸福里党群服务中心", CENTER_ANSWERS.division_code)
    wizard.next()
    assert wizard.ui.partyOrganizationEdit.text() == "中共幸福里社区委员会"
    wizard.back()
    fill_center(wizard, "青云社区党群服务中心", CENTER_ANSWERS.division_code)
    wizard.next()
    assert wizard.ui.partyOrganizationEdit.text() == "中共青云社区委员会"
    wizard.ui.partyOrganizationEdit.clear()
    wizard.ui.partyOrganizationEdit.insert("中共青云社区总支部委员会")  # as typed: modified
    wizard.back()
    wizard.next()
    assert wizard.ui.partyOrganizationEdit.text() == "中共青云社区总支部委员会"


def test_contact_page_shows_its_messages_and_the_center_keeps_the_details(
    wizard: FirstRunWizard, empty_application: Application
) -> None:
    fill_center(wizard, "党群服务中心", CENTER_ANSWERS.division_code)
    wizard.next()
    assert wizard.ui.partyOrganizationEdit.text() == ""
    wizard.ui.contactPhoneEdit.setText("12345")
    wizard.next()
    assert wizard.currentPage() is wizard.ui.contactPage
    assert "请填写社区党组织的全称" in wizard.error_message("party_organization")
    assert wizard.error_message("contact_phone").startswith("联系电话：")

    wizard.ui.partyOrganizationEdit.setText("中共青云社区委员会")
    wizard.ui.addressEdit.setText("五华区青云路 8 号")
    wizard.ui.contactPersonEdit.setText("李敏")
    wizard.ui.contactPhoneEdit.setText("0871-65123456")
    wizard.next()
    assert wizard.currentPage() is wizard.ui.administratorPage
    fill_administrator(wizard, "admin", "王芳", ADMIN_PASSWORD, ADMIN_PASSWORD)
    wizard.next()
    summary = wizard.ui.summaryLabel.text()
    assert "中共青云社区委员会" in summary and "0871-65123456" in summary
    finish(wizard)

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert center_info(empty_application.database).contact == CenterContact(
        "中共青云社区委员会", "五华区青云路 8 号", "李敏", "0871-65123456"
    )
    assert [node.name for node in organization_tree(empty_application.database)] == [
        "中共青云社区委员会"
    ]


MNEMONIC = re.compile(r"&([^&\s])")


def shown_mnemonics(wizard: FirstRunWizard) -> list[str]:
    """The Alt+letter keys of what the current page and the wizard's buttons show."""
    texts = [
        widget.text()
        for widget in wizard.findChildren(QAbstractButton)
        if widget.isVisible() and widget.isEnabled()
    ]
    texts += [
        label.text()
        for label in wizard.currentPage().findChildren(QLabel)
        if label.isVisible() and label.buddy() is not None
    ]
    return [match.upper() for text in texts for match in MNEMONIC.findall(text)]


def test_no_page_gives_two_controls_the_same_mnemonic(wizard: FirstRunWizard) -> None:
    """Issue 11: 中心名称 and 下一步 were both Alt+N on page 1."""
    fill_center(wizard, CENTER_ANSWERS.center_name, CENTER_ANSWERS.division_code)
    seen: list[list[str]] = []
    for page in (
        wizard.ui.centerPage,
        wizard.ui.contactPage,
        wizard.ui.administratorPage,
        wizard.ui.demoPage,
    ):
        assert wizard.currentPage() is page
        mnemonics = shown_mnemonics(wizard)
        assert "N" in mnemonics or page is wizard.ui.demoPage  # the buttons are counted
        duplicates = [key for key, count in Counter(mnemonics).items() if count > 1]
        assert duplicates == [], (page.objectName(), mnemonics)
        seen.append(mnemonics)
        if page is wizard.ui.administratorPage:
            fill_administrator(wizard, "admin", "王芳", ADMIN_PASSWORD, ADMIN_PASSWORD)
        wizard.next()
    assert len(seen) == 4


def test_every_page_fits_1024_by_768(wizard: FirstRunWizard) -> None:
    """The wizard at the front desk's smallest screen: nothing cut, nothing drawn over."""
    assert wizard.width() <= 1024 and wizard.height() <= 768 - 40  # the taskbar
    fill_center(wizard, CENTER_ANSWERS.center_name, CENTER_ANSWERS.division_code)
    for page in (wizard.ui.centerPage, wizard.ui.contactPage, wizard.ui.administratorPage):
        assert wizard.currentPage() is page
        assert layout_problems(wizard) == [], page.objectName()
        if page is wizard.ui.administratorPage:
            fill_administrator(wizard, "admin", "王芳", ADMIN_PASSWORD, ADMIN_PASSWORD)
        wizard.next()
    assert wizard.currentPage() is wizard.ui.demoPage
    assert layout_problems(wizard) == []
