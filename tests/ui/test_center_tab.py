"""系统设置 → 中心信息 edits what paper needs (issue 11): the party organization's full name,
address, contact person and phone — administrators edit, everyone else reads."""

from __future__ import annotations

import json

import pytest

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditFilter, read_audit_page
from dangqun.core.center import CenterContact, center_info, update_center
from dangqun.core.security import Actor, Role
from dangqun.core.users import authenticate, create_user
from dangqun.ui.settings.center_tab import CenterTab
from dangqun.ui.settings.page import SettingsPage
from tests.ui.layout_checks import layout_problems
from tests.ui.settings_support import make_page, settle

CONTACT = CenterContact("中共翠湖社区总支部委员会", "五华区翠湖南路 1 号", "李敏", "0871-65123456")


def center_tab(qtbot, application: Application, actor: Actor) -> tuple[SettingsPage, CenterTab]:  # type: ignore[no-untyped-def]
    """The 系统设置 page (kept by the caller: the tab lives as long as it) and its 中心信息 tab."""
    page = make_page(qtbot, application, actor)
    tab = page.tab("center")
    assert isinstance(tab, CenterTab)
    return page, tab


def test_an_administrator_edits_the_contact_details_in_one_audited_save(
    qtbot, application: Application, admin: Actor
) -> None:
    _page, tab = center_tab(qtbot, application, admin)
    ui = tab.ui
    first_run = CenterContact("中共翠湖社区委员会")  # named at the first run, nothing else yet
    assert ui.partyOrganizationEdit.text() == first_run.party_organization
    assert ui.addressEdit.text() == "" and not ui.contactPhoneEdit.isReadOnly()
    ui.partyOrganizationEdit.setText(CONTACT.party_organization)
    ui.addressEdit.setText(CONTACT.address)
    ui.contactPersonEdit.setText(CONTACT.contact_person)
    ui.contactPhoneEdit.setText("0871 6512 3456 转")  # not a number
    ui.saveCenterButton.click()
    settle(qtbot)
    assert ui.contactPhoneError.text().startswith("联系电话：")
    assert center_info(application.database).contact == first_run

    ui.contactPhoneEdit.setText(CONTACT.contact_phone)
    ui.saveCenterButton.click()
    settle(qtbot)
    assert ui.contactPhoneError.text() == ""
    assert center_info(application.database).contact == CONTACT
    page = read_audit_page(application.database, admin, AuditFilter(action="center.update"), 0, 10)
    assert [json.loads(record.after_json or "{}")["address"] for record in page.records] == [
        CONTACT.address
    ]


@pytest.mark.parametrize("role", [Role.STAFF, Role.READ_ONLY])
def test_others_read_the_contact_details_but_cannot_change_them(
    qtbot, application: Application, admin: Actor, role: Role
) -> None:
    update_center(application.database, admin, "翠湖社区党群服务中心", "530102001001", CONTACT)
    create_user(application.database, admin, "other", "赵静", role, "other-pass-42")
    _page, tab = center_tab(
        qtbot, application, authenticate(application.database, "other", "other-pass-42")
    )
    ui = tab.ui
    shown = CenterContact(
        ui.partyOrganizationEdit.text(),
        ui.addressEdit.text(),
        ui.contactPersonEdit.text(),
        ui.contactPhoneEdit.text(),
    )
    assert shown == CONTACT
    for edit in (
        ui.partyOrganizationEdit,
        ui.addressEdit,
        ui.contactPersonEdit,
        ui.contactPhoneEdit,
    ):
        assert edit.isReadOnly()
    assert not ui.saveCenterButton.isVisible() and ui.centerReadOnlyNote.isVisible()


def test_the_tab_fits_the_settings_page_at_1024_by_768(
    qtbot, application: Application, admin: Actor
) -> None:
    page, tab = center_tab(qtbot, application, admin)
    page.resize(1024 - 200, 768 - 120)  # the main window less its sidebar, title and status bar
    settle(qtbot)
    assert layout_problems(tab) == []
