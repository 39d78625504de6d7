"""系统设置 → 时间银行 (issue 13): categories added, renamed, retired and restored (never
deleted); limits saved through the settings registry, audited; read-only for 工作人员."""

from __future__ import annotations

import sqlite3

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, Role
from dangqun.core.settings import read_all_settings
from dangqun.core.users import create_user
from dangqun.timebank.service import list_categories
from dangqun.ui.settings.page import SettingsPage
from dangqun.ui.settings.timebank_tab import TimebankTab
from tests.ui.conftest import actor_of
from tests.ui.settings_support import make_page, settle


def tab_of(qtbot, application: Application, actor: Actor) -> tuple[SettingsPage, TimebankTab]:
    """The page too: a page no longer referenced takes its tab with it."""
    page = make_page(qtbot, application, actor)
    page.show_tab("timebank")
    settle(qtbot)
    tab = page.findChild(TimebankTab)
    assert tab is not None
    return page, tab


def audit_actions(application: Application) -> list[str]:
    with sqlite3.connect(application.paths.database) as connection:
        return [row[0] for row in connection.execute("SELECT action FROM audit_log ORDER BY id")]


def test_categories_are_added_renamed_retired_and_restored_never_deleted(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    _page, tab = tab_of(qtbot, application, admin_actor)
    assert tab.category_list.count() == len(list_categories(application.database, admin_actor))

    tab.category_list.clearSelection()
    tab.category_edit.setText("助残")
    tab.add_category()
    settle(qtbot)
    names = [tab.category_list.item(row).text() for row in range(tab.category_list.count())]
    assert "助残" in names

    tab.category_list.setCurrentRow(names.index("助残"))
    tab.category_edit.setText("助残服务")
    tab.rename_category()
    settle(qtbot)
    tab.toggle_retired()
    settle(qtbot)
    row = next(
        r
        for r in range(tab.category_list.count())
        if "助残服务" in tab.category_list.item(r).text()
    )
    assert tab.category_list.item(row).text() == "助残服务（已停用）"
    assert tab.retire_button.text() == "恢复"
    assert "助残服务" not in [c.name for c in list_categories(application.database, admin_actor)]
    tab.category_list.setCurrentRow(row)
    tab.toggle_retired()
    settle(qtbot)
    assert "助残服务" in [c.name for c in list_categories(application.database, admin_actor)]
    assert audit_actions(application)[-4:] == [
        "timebank.category.create",
        "timebank.category.rename",
        "timebank.category.retire",
        "timebank.category.restore",
    ]


def test_a_duplicate_category_name_is_refused_beside_the_field(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    _page, tab = tab_of(qtbot, application, admin_actor)
    count = tab.category_list.count()
    tab.category_list.clearSelection()
    tab.category_edit.setText("养老助老")
    tab.add_category()
    settle(qtbot)
    assert tab.category_error.isVisible() and "养老助老" in tab.category_error.text()
    assert tab.category_list.count() == count


def test_limits_are_saved_audited_and_refused_beside_the_field(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    _page, tab = tab_of(qtbot, application, admin_actor)
    _definition, overdraft, words = tab.spins["timebank_overdraft_minutes"]
    assert overdraft.value() == 0 and words.text().startswith("0 分钟")
    assert "两名及以上" in tab.verifier_help.text()

    overdraft.setValue(90)
    tab.spins["timebank_yearly_cap_minutes"][1].setValue(60_000)
    tab.verifier_combo.setCurrentIndex(2)
    assert "录入人可以自己核实" in tab.verifier_help.text()
    tab.save_limits()
    settle(qtbot)

    values = read_all_settings(application.database)
    assert values["timebank_overdraft_minutes"] == 90
    assert values["timebank_yearly_cap_minutes"] == 60_000
    assert values["timebank_verifier_rule"] == "never"
    assert audit_actions(application)[-1] == "settings.update"

    tab.spins["timebank_daily_cap_minutes"][1].setValue(5)
    tab.save_limits()
    settle(qtbot)
    assert tab.limit_errors.message("timebank_daily_cap_minutes") != ""
    assert read_all_settings(application.database)["timebank_daily_cap_minutes"] == 720


def test_staff_read_the_tab_but_cannot_change_it(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    create_user(application.database, admin_actor, "clerk", "李华", Role.STAFF, "staff-pass-123")
    _page, tab = tab_of(qtbot, application, actor_of(application, "clerk"))
    assert tab.category_list.count() > 0
    assert not tab.save_button.isVisible() and not tab.add_button.isVisible()
    assert tab.read_only_note.isVisible() and not tab.verifier_combo.isEnabled()
    assert all(spin.isReadOnly() for _d, spin, _w in tab.spins.values())
    before = audit_actions(application)
    tab.save_limits()
    tab.add_category()
    settle(qtbot)
    assert audit_actions(application) == before
