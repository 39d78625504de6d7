"""系统设置 → 阵地预约 (issue 14, "Rules"): minimum notice, maximum advance, buffer minutes
and the monthly quota saved through the settings registry, audited, a bad value refused beside
its field; read-only for a role without MANAGE_SETTINGS."""

from __future__ import annotations

import sqlite3

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.core.settings import read_all_settings
from dangqun.ui.settings.bases_tab import BasesTab
from tests.ui.settings_support import make_page, settle


def tab_of(qtbot, application: Application, actor: Actor):
    page = make_page(qtbot, application, actor)
    page.show_tab("bases")
    settle(qtbot)
    tab = page.findChild(BasesTab)
    assert tab is not None
    return page, tab


def test_the_booking_rules_are_saved_and_audited(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    _page, tab = tab_of(qtbot, application, admin_actor)
    assert tab.spins["bases_min_notice_minutes"].value() == 60
    tab.spins["bases_min_notice_minutes"].setValue(120)
    tab.spins["bases_buffer_minutes"].setValue(15)
    tab.spins["bases_monthly_quota"].setValue(4)
    tab.spins["bases_max_advance_days"].setValue(90)
    tab.save()
    settle(qtbot)
    stored = read_all_settings(application.database)
    assert (
        stored["bases_min_notice_minutes"],
        stored["bases_buffer_minutes"],
        stored["bases_monthly_quota"],
        stored["bases_max_advance_days"],
    ) == (120, 15, 4, 90)
    assert tab.saved_label.text() == "已保存。"
    with sqlite3.connect(application.paths.database) as connection:
        audited = {
            row[0]
            for row in connection.execute(
                "SELECT entity_id FROM audit_log WHERE action = 'settings.update'"
            )
        }
    assert audited == {
        "bases_min_notice_minutes",
        "bases_buffer_minutes",
        "bases_monthly_quota",
        "bases_max_advance_days",
    }


def test_a_value_out_of_range_is_refused_beside_its_field(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    _page, tab = tab_of(qtbot, application, admin_actor)
    tab.spins["bases_max_advance_days"].setValue(0)  # the rule allows 1–730
    tab.save()
    settle(qtbot)
    error = tab.errors._labels["bases_max_advance_days"]
    assert not error.isHidden() and "730" in error.text()
    assert read_all_settings(application.database).get("bases_max_advance_days", 180) == 180


def test_staff_see_the_rules_read_only(
    qtbot, application: Application, read_only_actor: Actor
) -> None:
    _page, tab = tab_of(qtbot, application, read_only_actor)
    assert not tab.editable and tab.save_button.isHidden()
    assert all(spin.isReadOnly() for spin in tab.spins.values())
    assert not tab.read_only_note.isHidden()
