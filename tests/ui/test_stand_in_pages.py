"""The stand-in pages of modules this version lacks claim nothing that does not work (issue 11).

阵地预约, 时间银行, 会议记录 and 数据同步 have no module yet: each page must say so plainly, describe
the module only as planned, offer no action, and send the user to things that really exist
today — every page, button or filter it names in “…” is checked against the real window, as seen
by the role with the fewest rights.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.main_window import MainWindow, signed_in_window
from dangqun.ui.pages import STAND_IN_PAGES, page_spec

STAND_IN_KEYS = [page.key for page in STAND_IN_PAGES]

RETIRED_CLAIMS = (
    "模块帮助",
    "可预约",
    "可以预约",
    "目前可以",
    "可登记为",
    "帮助前台",
    "将在“党员管理”中提供",
)
"""Present-tense promises the pages made before issue 11 ("阵地预约模块帮助前台…")."""


def plain(text: str) -> str:
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def make_window(qtbot, application: Application, actor: Actor) -> MainWindow:
    window = signed_in_window(
        UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    )
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return window


def page_texts(page: QWidget) -> str:
    return "\n".join(plain(label.text()) for label in page.findChildren(QLabel))


def without_mnemonic(text: str) -> str:
    return re.sub(r"\(&.\)|&", "", text)


def things_the_user_can_use(window: MainWindow) -> set[str]:
    """Navigation titles, and every button, action and filter choice on the members page."""
    names = {page_spec(key).title for key in ("home", "members", "settings")}
    members = window.show_page("members")
    for button in members.findChildren(QAbstractButton):
        names.add(without_mnemonic(button.text()))
    for action in members.findChildren(QAction):
        if action.isEnabled():
            names.add(without_mnemonic(action.text()))
    for combo in members.findChildren(QComboBox):
        names.update(combo.itemText(index) for index in range(combo.count()))
    return {name for name in names if name}


@pytest.mark.demo_members(60)
@pytest.mark.parametrize("key", STAND_IN_KEYS)
def test_stand_in_page_says_the_module_is_not_available_yet(
    qtbot, application: Application, read_only_actor: Actor, key: str
) -> None:
    window = make_window(qtbot, application, read_only_actor)
    page = window.show_page(key)
    title = page_spec(key).title

    note = plain(page.ui.laterNoteText.text())
    assert "本版本尚未提供" in note and title in note
    assert page.ui.descriptionTitle.text() == "计划功能（后续版本提供，现在还不能使用）"
    plan = plain(page.ui.descriptionLabel.text())
    assert "推出后" in plan.splitlines()[0] and "将" in plan.splitlines()[0]

    texts = page_texts(page)
    assert [claim for claim in RETIRED_CLAIMS if claim in texts] == []
    assert [button.text() for button in page.findChildren(QAbstractButton) if button.text()] == []
    assert [action.text() for action in page.findChildren(QAction) if action.isVisible()] == []


@pytest.mark.demo_members(60)
@pytest.mark.parametrize("key", STAND_IN_KEYS)
def test_what_to_do_today_names_only_what_exists(
    qtbot, application: Application, read_only_actor: Actor, key: str
) -> None:
    """Even a read-only user finds every page, button and filter the advice names."""
    window = make_window(qtbot, application, read_only_actor)
    today = window.show_page(key).ui.todayText.text()
    usable = things_the_user_can_use(window)

    assert today.startswith("现在可以：")
    named = re.findall(r"“([^”]+)”", today)
    assert named, today
    assert [name for name in named if name not in usable] == []
