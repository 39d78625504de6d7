"""The main window and the sign-in are on screen before SQLAlchemy is imported.

Importing SQLAlchemy and our models costs more than starting Qt and showing a window
(tests/benchmarks/bench_startup.py), so ``dangqun.opening`` puts it behind the sign-in. One
module-level import of a service in ``app``, ``session``, ``main_window`` or the dialogs they
show would quietly undo that; this test notices. It runs the real ``SessionController.start``
in a fresh interpreter, with the database opening held back until the check is done.

Some Qt classes are expensive in PySide too: it creates a class's Python type and all its enums
the first time the class is named. Those the first window does without stay unnamed until it
is up (``EXPENSIVE_QT_TYPES``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from dangqun.core.paths import DataPaths

HEAVY_PACKAGES = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "pypinyin", "qtawesome")
EXPENSIVE_QT_TYPES = {"Qt": "QtCore", "QStyle": "QtWidgets"}
"""Qt types that cost PySide milliseconds of enum creation when first named, and which the
first window does without (measured: the Qt namespace ~20 ms, QStyle ~8 ms).

When this fails after a change, name the type where it is needed after the window instead:
``from PySide6.QtCore import Qt`` inside the method, an alignment or other enum property in
``resources/theme.qss`` (``qproperty-alignment: AlignCenter``), a widget's style through
``widgets.style_role``. PySide also names ``Qt`` while it resolves some overloaded calls
(``QAction.setShortcut``, ``QPainter.setPen``), so the sign-in cover avoids those."""

SCRIPT = """
import json, sys, threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication

import dangqun.app  # the GUI entry point and everything it imports
from dangqun.core.paths import DataPaths
from dangqun.opening import claim_data_directory, read_opening_facts
from dangqun.ui.session import SessionController
from dangqun.ui.startup import configure_qt_application, create_qt_application

HEAVY = {heavy!r}
EXPENSIVE_QT_TYPES = {expensive_qt_types!r}


def loaded():
    return sorted({{name.split(".")[0] for name in sys.modules}} & set(HEAVY))


def qt_types():  # PySide creates a Qt class's Python type, enums and all, when first named
    import PySide6.QtCore, PySide6.QtWidgets

    return sorted(
        name
        for name, module in EXPENSIVE_QT_TYPES.items()
        if name in vars(getattr(PySide6, module))
    )


claimed = claim_data_directory(DataPaths(Path({root!r})))
facts = read_opening_facts(claimed.paths.database)
qt_application = create_qt_application(["probe"])
configure_qt_application(qt_application, facts.font_point_size)
gate = threading.Event()


def open_after_the_check():
    gate.wait(30)
    from dangqun.bootstrap import finish_opening

    return finish_opening(claimed)


controller = SessionController(claimed.paths, facts, open_after_the_check)
window = controller.start()
QCoreApplication.processEvents()
before = loaded()
types_before = qt_types()
shown = window.isVisible() and controller.sign_in_panel.isVisible()
qt_application.setStyleSheet("")  # the theme wraps the style; without it, the style itself
style = qt_application.style().name()
gate.set()
while not controller.database_open:
    QCoreApplication.processEvents()
after = loaded()
controller.shutdown()
controller.application.close()
print(
    json.dumps(
        {{"shown": shown, "before": before, "after": after, "types": types_before, "style": style}}
    )
)
"""


def test_nothing_heavy_is_imported_before_the_window_is_up(initialized_paths: DataPaths) -> None:
    script = SCRIPT.format(
        heavy=HEAVY_PACKAGES,
        expensive_qt_types=EXPENSIVE_QT_TYPES,
        root=str(initialized_paths.root),
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])

    assert figures["shown"]
    assert figures["before"] == []
    assert "sqlalchemy" in figures["after"]  # the check can fail: the ORM does load afterwards
    assert figures["types"] == []
    assert figures["style"] == "fusion"  # the style came from the command line
