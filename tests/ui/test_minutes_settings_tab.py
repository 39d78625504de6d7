"""系统设置 → 会议记录 (issue 15): the 党课 and 支部委员会 periods and the attachment limit saved
through the settings registry and audited, a period that does not divide 12 refused beside its
field, read-only for 工作人员."""

from __future__ import annotations

import sqlite3

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, Role
from dangqun.core.settings import read_all_settings
from dangqun.core.users import create_user
from dangqun.ui.settings.minutes_tab import MinutesTab
from dangqun.ui.settings.page import SettingsPage
from tests.ui.conftest import actor_of
from tests.ui.settings_support import make_page, settle


def tab_of(qtbot, application: Application, actor: Actor) -> tuple[SettingsPage, MinutesTab]:
    page = make_page(qtbot, application, actor)
    page.show_tab("minutes")
    settle(qtbot)
    tab = page.findChild(MinutesTab)
    assert tab is not None
    qtbot.waitUntil(tab.is_ready, timeout=20_000)
    return page, tab


def audit_actions(application: Application) -> list[str]:
    with sqlite3.connect(application.paths.database) as connection:
        return [row[0] for row in connection.execute("SELECT action FROM audit_log ORDER BY id")]


def test_the_rules_are_saved_audited_and_checked(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    _page, tab = tab_of(qtbot, application, admin_actor)
    spins = tab.spins
    assert spins["minutes_party_lesson_months"].value() == 3
    assert spins["minutes_committee_months"].value() == 1
    assert spins["minutes_attachment_max_mb"].value() == 10
    before = len(audit_actions(application))

    spins["minutes_party_lesson_months"].setValue(5)
    tab.save()
    qtbot.waitUntil(lambda: tab._save_call is None, timeout=20_000)
    assert "整除 12" in tab.errors._labels["minutes_party_lesson_months"].text()
    assert read_all_settings(application.database)["minutes_party_lesson_months"] == 3
    assert len(audit_actions(application)) == before

    spins["minutes_party_lesson_months"].setValue(6)
    spins["minutes_attachment_max_mb"].setValue(20)
    tab.save()
    qtbot.waitUntil(lambda: tab.saved_label.text() == "已保存。", timeout=20_000)
    values = read_all_settings(application.database)
    assert values["minutes_party_lesson_months"] == 6
    assert values["minutes_attachment_max_mb"] == 20
    assert audit_actions(application)[before:] == ["settings.update"] * 2  # one per setting


def test_staff_see_the_rules_but_cannot_change_them(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    create_user(application.database, admin_actor, "clerk", "李华", Role.STAFF, "staff-pass-123")
    _page, tab = tab_of(qtbot, application, actor_of(application, "clerk"))
    assert not tab.save_button.isVisible()
    assert tab.read_only_note.isVisible()
    assert all(spin.isReadOnly() for spin in tab.spins.values())
