"""Every page and dialog shows its full text on the screens front desks have (issue 11).

Service-center PCs run 1280×800 and 1024×768 with the default 13 pt font; some staff choose the
largest font. Each screen of ``dangqun screenshot`` (:func:`screenshot_pages`: pages, the
shell's sign-in/wizard/lock, the features' dialogs) and each tab of 系统设置 is shown exactly as
the screenshot draws it, as 管理员 and as 工作人员, and :func:`layout_problems` names every label,
button or combo box that cuts its text, every pair of widgets drawn over each other and every
layout squeezed below its minimum. A dialog must also fit on the screen.

At the largest font size the pages may scroll, but nothing may be cut; those variants are the
slowest and run at 1024×768 only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QScrollArea

from dangqun.bootstrap import Application
from dangqun.core.backup import BackupFile
from dangqun.core.security import Actor, Role
from dangqun.core.setting_definitions import LARGEST_FONT_POINT_SIZE
from dangqun.core.users import create_user
from dangqun.ui.screenshot import Screen, screenshot_pages, shown_screen
from dangqun.ui.settings.page import SettingsPage
from dangqun.ui.startup import DEFAULT_FONT_POINT_SIZE, apply_appearance, backup_choice
from tests.ui.conftest import actor_of
from tests.ui.layout_checks import layout_problems

SIZES = {"1024x768": (1024, 768), "1280x800": (1280, 800)}
ROLES = {"admin": Role.ADMIN, "staff": Role.STAFF}


def user_of(application: Application, admin: Actor, role: str) -> Actor:
    """The administrator, or a real 工作人员 account created for the test."""
    if ROLES[role] is Role.ADMIN:
        return admin
    create_user(application.database, admin, "clerk", "李华", Role.STAFF, "staff-pass-123")
    return actor_of(application, "clerk")


def screen_problems(screen: Screen) -> list[str]:
    """What looks broken on ``screen``: cut or overlapping widgets, a dialog off the screen.

    Checked as a screenshot shows it: after the last read's text has been laid out (a label
    whose text arrived a moment ago still has its old width until the layout runs).
    """
    screen.picture()
    problems = layout_problems(screen.front)
    if screen.dialog is not None:
        frame = screen.dialog.frameGeometry()
        width, height = screen.size
        if frame.width() > width or frame.height() > height:
            problems.append(
                f"the dialog is {frame.width()}×{frame.height()}, the screen {width}×{height}"
            )
    return problems


def settings_tab_problems(
    screen: Screen, may_scroll_sideways: bool = False
) -> dict[str, list[str]]:
    """Each 系统设置 tab this user sees → its problems (only tabs with problems).

    A tab may scroll down, but at the default font it must fit the width: a filter row that
    runs off to the right is as good as cut (the audit log's showed only "全部" at 1024).
    """
    assert screen.window is not None
    page = screen.window.page("settings")  # type: ignore[attr-defined]
    assert isinstance(page, SettingsPage)
    found = {}
    for key in page.tab_keys():
        page.show_tab(key)
        for _ in range(2):  # a read's result may start another (the audit log's names, rows)
            QThreadPool.globalInstance().waitForDone()
            screen.picture()  # delivers the results and settles the layouts like a screenshot
        problems = layout_problems(screen.window)
        scroll = page.findChild(QScrollArea, f"{key}Scroll")
        if not may_scroll_sideways and scroll.horizontalScrollBar().isVisible():
            problems.append(
                f"scrolls sideways: {scroll.widget().minimumSizeHint().width()}px wide content "
                f"in {scroll.viewport().width()}px"
            )
        if problems:
            found[key] = problems
    return found


@pytest.fixture
def largest_font(qapp: QApplication) -> Iterator[int]:
    """The whole UI at the largest font-size setting, back to the default afterwards."""
    apply_appearance(qapp, LARGEST_FONT_POINT_SIZE)
    try:
        yield LARGEST_FONT_POINT_SIZE
    finally:
        apply_appearance(qapp, DEFAULT_FONT_POINT_SIZE)


@pytest.mark.demo_members(200)  # pages with rows, cards and a tree, as a center has them
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", screenshot_pages())
def test_every_page_and_dialog_shows_its_full_text(
    qtbot, application: Application, admin_actor: Actor, page: str, role: str, size: str
) -> None:
    actor = user_of(application, admin_actor, role)
    with shown_screen(application, actor, page, SIZES[size]) as screen:
        problems = screen_problems(screen)
    assert problems == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("role", ROLES)
def test_every_settings_tab_shows_its_full_text(
    qtbot, application: Application, admin_actor: Actor, role: str, size: str
) -> None:
    actor = user_of(application, admin_actor, role)
    with shown_screen(application, actor, "settings", SIZES[size]) as screen:
        problems = settings_tab_problems(screen)
    assert problems == {}


@pytest.mark.slow
@pytest.mark.demo_members(200)
@pytest.mark.parametrize("page", screenshot_pages())
def test_the_largest_font_cuts_no_text_at_1024x768(
    qtbot, application: Application, admin_actor: Actor, largest_font: int, page: str
) -> None:
    with shown_screen(application, admin_actor, page, SIZES["1024x768"]) as screen:
        problems = screen_problems(screen)
        if page == "settings":
            problems.extend(
                f"{key}: {found}"
                for key, found in settings_tab_problems(screen, may_scroll_sideways=True).items()
            )
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("point_size", [DEFAULT_FONT_POINT_SIZE, LARGEST_FONT_POINT_SIZE])
def test_the_missing_database_question_shows_its_whole_buttons(
    qtbot, qapp: QApplication, point_size: int
) -> None:
    """Its three answers were cut to "然新建服务中" and "择其他备份" in QMessageBox's one row."""
    newest = BackupFile(
        Path("backups/dangqun-2026-12-05_183000-auto.sqlite3"),
        datetime(2026, 12, 5, 18, 30),
        "auto",
        52_000_000,
    )
    apply_appearance(qapp, point_size)
    try:
        choice = backup_choice(newest)
        qtbot.addWidget(choice.box)
        choice.box.show()
        qtbot.waitExposed(choice.box)
        problems = layout_problems(choice.box)
    finally:
        apply_appearance(qapp, DEFAULT_FONT_POINT_SIZE)
    assert {choice.restore.text(), choice.other.text(), choice.new_center.text()} == {
        "恢复",
        "选择其他备份…",
        "仍然新建服务中心",
    }
    assert problems == []
