"""Run in a fresh process by bench_startup.py; prints one JSON line once a window is on screen.

``bare``: PySide6's minimum — import, QApplication, an empty QMainWindow shown.
``floor``: ``bare`` after importing SQLAlchemy's ORM.
``dangqun``: the app's real path — QApplication with translators/theme, open the data
directory (lock, file checks, schema check), font setting, sign in, build the main window with
its home page, show it. Only typing the password is skipped.
"""

from __future__ import annotations

import json
import os
import sys
import time


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
    report()


def floor() -> None:
    """The bare window plus what any SQLAlchemy app pays: the ORM import. Reported, to show
    how much of dangqun's start-up is the library floor and how much is our own."""
    import sqlalchemy.orm  # noqa: F401

    bare()


def dangqun(data_dir: str, password: str) -> None:
    from PySide6.QtTest import QTest

    from dangqun.bootstrap import open_application
    from dangqun.core.paths import DataPaths
    from dangqun.core.settings import FONT_POINT_SIZE, read_setting
    from dangqun.core.users import authenticate
    from dangqun.ui.context import AppEvents, UiContext, open_ui_state
    from dangqun.ui.main_window import MainWindow
    from dangqun.ui.startup import apply_appearance, configure_qt_application, create_qt_application

    qt_application = create_qt_application(sys.argv[:1])
    configure_qt_application(qt_application)
    application = open_application(DataPaths(__import__("pathlib").Path(data_dir)))
    apply_appearance(qt_application, int(read_setting(application.database, FONT_POINT_SIZE)))
    actor = authenticate(application.database, "admin", password)
    context = UiContext(application, actor, open_ui_state(application), AppEvents())
    window = MainWindow(context, remember_state=False)
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    qt_application.processEvents()
    report()
    application.close()


def report() -> None:
    print(
        json.dumps({"shown_at": time.time(), "rss_mb": round(resident_megabytes(), 1)}), flush=True
    )


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "floor":
        floor()
    else:
        dangqun(sys.argv[2], sys.argv[3])
