"""Offscreen Qt with the app's own translators, theme and font, over real data directories.

The data directories come from ``tests/conftest.py`` (a copy of the center prepared once per
session); here the ``application`` fixture also waits for the pages' background loaders, which
must not outlive the database they read.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, Role
from dangqun.ui.startup import configure_qt_application
from tests.conftest import ADMIN_PASSWORD, CENTER_ANSWERS, actor_of

__all__ = ["ADMIN_PASSWORD", "CENTER_ANSWERS", "actor_of"]


@pytest.fixture(scope="session", autouse=True)
def dangqun_look(qapp: QApplication) -> QApplication:
    """The session's QApplication dressed exactly like the real app (zh_CN, theme, 13 pt)."""
    configure_qt_application(qapp)
    return qapp


@pytest.fixture(autouse=True)
def collect_garbage_between_tests(qapp: QApplication) -> Iterator[None]:
    """Cyclic garbage is collected between tests, once the thread pool is idle, never mid-test.

    One clean-clone run crashed natively in a collection on the GUI thread while a home-page
    loader ran on a worker (tests/ui/test_main_window.py, not reproduced in isolation). The app
    itself pauses the collector while start-up builds its window (dangqun.cli.start_gui); the
    tests make the same choice for every test body and collect at a quiet point instead.
    """
    gc.disable()
    try:
        yield
    finally:
        QThreadPool.globalInstance().waitForDone()
        qapp.processEvents()
        gc.enable()
        gc.collect()


@pytest.fixture
def application(application: Application) -> Iterator[Application]:
    """The shared ``application``, closed only once Qt's thread pool has finished its loads."""
    yield application
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def admin_actor(admin: Actor) -> Actor:
    """The UI tests' name for the signed-in administrator of ``tests/conftest.py``."""
    return admin


@pytest.fixture
def read_only_actor(application: Application) -> Actor:
    """A read-only identity (the main window trusts the actor it is given)."""
    return Actor(user_id=None, username="guest", display_name="访客", role=Role.READ_ONLY)
