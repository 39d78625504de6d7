"""阵地预约 page (issue 14): the bases with type and address, the chosen base handed to the
calendar and statistics, the actions a role may use, and a reload when a base changes."""

from __future__ import annotations

from dangqun.bases.changes import BASE
from dangqun.bases.service import BaseForm, BaseType, create_base
from dangqun.bootstrap import Application
from dangqun.core.changes import Changes
from dangqun.core.security import Actor
from dangqun.ui.bases.base_editor import BaseSettingsDialog
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.main_window import MainWindow, signed_in_window
from dangqun.ui.pages import bases_page, page_spec
from dangqun.ui.pages.bases_page import BasesPage

WAIT_MS = 20_000


def make_window(qtbot, application: Application, actor: Actor) -> MainWindow:
    window = signed_in_window(
        UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    )
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return window


def shown(qtbot, application: Application, actor: Actor) -> BasesPage:
    page = make_window(qtbot, application, actor).show_page("bases")
    assert isinstance(page, BasesPage)
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)
    return page


def test_the_feature_declares_the_page_where_the_stand_in_was() -> None:
    spec = page_spec("bases")
    assert (spec.title, spec.icon, spec.position) == ("阵地预约", "bases", 20)
    assert spec.module == "dangqun.ui.pages.bases_page"


def test_an_empty_center_says_where_to_add_bases(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    page = shown(qtbot, application, admin_actor)
    assert page.count_label.text() == "共 0 个阵地"
    assert page.empty_label.isVisible() and "“基地设置”" in page.empty_label.text()
    assert not page.book_button.isEnabled()


def test_bases_are_listed_with_type_and_address_and_the_choice_reaches_the_parts(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    shown_bases: list[int] = []

    class Part:
        def show_base(self, base_id: int) -> None:
            shown_bases.append(base_id)

    red = create_base(
        application.database,
        admin_actor,
        BaseForm("翠湖红色教育基地", BaseType.RED, address="翠湖南路 12 号"),
    )
    basic = create_base(application.database, admin_actor, BaseForm("篆新中心", BaseType.BASIC))
    page = shown(qtbot, application, admin_actor)
    page.calendar = Part()
    texts = [page.base_combo.itemText(row) for row in range(page.base_combo.count())]

    assert texts == ["篆新中心", "翠湖红色教育基地"]
    assert page.selected_base_id() == basic.id
    assert page.base_label.text() == "基础型 · 未填地址"
    page.base_combo.setCurrentIndex(1)
    assert shown_bases == [red.id] and page.selected_base_id() == red.id
    assert page.base_label.text() == "红色型 · 翠湖南路 12 号"


def test_parts_not_installed_are_not_offered(
    qtbot, application: Application, admin_actor: Actor, monkeypatch
) -> None:
    monkeypatch.setattr(bases_page, "part_available", lambda _part: False)
    page = BasesPage(
        UiContext(application, admin_actor, open_ui_state(application.paths), AppEvents())
    )
    qtbot.addWidget(page)
    assert page.tabs.count() == 0 and page.parts_scroll.isHidden()
    assert page.book_button.isHidden() and page.arrivals_button.isHidden()
    assert page.print_button.isHidden() and not page.settings_button.isHidden()


def test_read_only_is_not_offered_a_booking(
    qtbot, application: Application, read_only_actor: Actor
) -> None:
    page = shown(qtbot, application, read_only_actor)
    assert page.book_button.isHidden()
    assert not page.settings_button.isHidden()


def test_the_page_reloads_when_a_base_changes_and_opens_the_settings(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    page = shown(qtbot, application, admin_actor)
    base = create_base(application.database, admin_actor, BaseForm("新阵地", BaseType.WELFARE))
    page.context.events.announce(Changes.of(BASE))
    qtbot.waitUntil(lambda: page.base_combo.count() == 1, timeout=WAIT_MS)
    assert page.selected_base_id() == base.id and not page.empty_label.isVisible()

    page.settings_button.click()
    dialog = page.active_dialog
    assert isinstance(dialog, BaseSettingsDialog) and dialog.base_id == base.id
    qtbot.waitUntil(dialog.is_ready, timeout=WAIT_MS)
    assert dialog.name_edit.text() == "新阵地"
    dialog.reject()
    assert page.active_dialog is None
