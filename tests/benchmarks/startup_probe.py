"""Run in a fresh process by bench_startup.py; prints one JSON line of timestamps.

``bare``: PySide6's minimum — import, QApplication, an empty QMainWindow shown.
``floor``: ``bare`` after importing SQLAlchemy's ORM (what any SQLAlchemy app pays up front).
``dangqun``: the real command, ``dangqun --data-dir DIR`` (:func:`dangqun.cli.main`), watched
from inside its event loop: ``shown_at`` is when the main window, with its sign-in card, is on
screen. The probe then types the password as a user would, once the database
has opened behind the sign-in (``database_open_at``), and reports when the home page's figures
are on screen (``home_ready_at``) and the resident memory then, and ends the process (the exit
backup is not start-up).
``dangqun-hasty``: the same, but the password is submitted the instant the window is shown, so
the sign-in waits for the database: the worst case of ``home_ready_at``.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable
from functools import partial
from types import ModuleType
from typing import Any


def resident_megabytes() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def bare() -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    application = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    application.processEvents()
    report(shown_at=time.time())


def floor() -> None:
    import sqlalchemy.orm  # noqa: F401

    bare()


def dangqun(data_dir: str, password: str, hasty: bool) -> None:
    from dangqun import cli

    figures: dict[str, float] = {}

    def watch(session_module: ModuleType) -> None:
        start = session_module.SessionController.start

        def start_and_watch(controller: Any) -> Any:
            window = start(controller)
            when(
                partial(_on_screen, controller),
                partial(_sign_in, controller, password, hasty, figures),
            )
            return window

        session_module.SessionController.start = start_and_watch

    # Importing the session here would import Qt and the whole UI before the command does (and
    # before it pauses the garbage collector); instead patch it the moment the app imports it.
    sys.meta_path.insert(0, _AfterImport("dangqun.ui.session", watch))
    cli.main(["--data-dir", data_dir])
    raise SystemExit("the window closed before the probe had its figures")


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs ``then(module)`` right after ``name`` is first imported, by whoever imports it."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self.name, self.then = name, then

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.loader is not None
        execute = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            execute(module)
            self.then(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _on_screen(controller: Any) -> bool:
    window = controller.main_window
    handle = None if window is None else window.windowHandle()
    return handle is not None and handle.isExposed() and window.sign_in_panel.isVisible()


def _sign_in(controller: Any, password: str, hasty: bool, figures: dict[str, float]) -> None:
    figures["shown_at"] = time.time()
    panel = controller.sign_in_panel

    def type_and_sign_in() -> None:
        figures["database_open_at"] = time.time()
        panel.ui.usernameEdit.setText("admin")
        panel.ui.passwordEdit.setText(password)
        panel.ui.signInButton.click()
        when(partial(_home_ready, controller), partial(_finish, controller, figures))

    if hasty:
        type_and_sign_in()
    else:  # a user types for longer than the database takes to open
        when(lambda: panel.database_ready, type_and_sign_in)


def _home_ready(controller: Any) -> bool:
    window = controller.main_window
    home = None if window is None or not window.signed_in else window.page("home")
    return home is not None and home.is_ready()


def _finish(controller: Any, figures: dict[str, float]) -> None:
    figures["home_ready_at"] = time.time()
    figures["rss_mb"] = round(resident_megabytes(), 1)
    report(**figures)
    # Leave without the exit backup: it is not start-up, and a copy of the whole database each
    # run would churn the page cache under the next run's start-up, bare or not.
    os._exit(0)


def when(condition: Callable[[], bool], then: Callable[[], None]) -> None:
    """Call ``then`` on the event loop as soon as ``condition`` holds (polled every ms)."""
    from PySide6.QtCore import QTimer

    if condition():
        then()
    else:
        QTimer.singleShot(1, partial(when, condition, then))


def report(**figures: float) -> None:
    print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "floor":
        floor()
    else:
        dangqun(sys.argv[2], sys.argv[3], hasty=sys.argv[1] == "dangqun-hasty")
