"""Shared by the 系统设置 tests: a page over a real data directory, and waiting for its workers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QThreadPool

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.settings.page import SettingsPage

SETTLE_TIMEOUT = 60_000


def make_page(qtbot, application: Application, actor: Actor) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(
        UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    )
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    settle(qtbot)
    return page


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every service call has run and its outcome reached the widgets (an outcome
    may start another call: a save announces a change, the list reads again)."""

    pool = QThreadPool.globalInstance()
    quiet_rounds = [0]

    def quiet() -> bool:
        pool.waitForDone()
        QCoreApplication.processEvents()  # outcomes reach their callbacks, which may start more
        quiet_rounds[0] = quiet_rounds[0] + 1 if pool.activeThreadCount() == 0 else 0
        return quiet_rounds[0] >= 3

    qtbot.waitUntil(quiet, timeout=SETTLE_TIMEOUT)
