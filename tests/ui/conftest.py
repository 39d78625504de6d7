"""Offscreen Qt with the app's own translators, theme and font, over real data directories.

Creating the first administrator hashes a password with scrypt (~50 ms), so each test module
initializes one template center and every test gets a fresh *copy* of that SQLite file (made
with SQLite's backup API), opened through the real :func:`open_application`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from dangqun.bootstrap import Application, initialize_center, open_application
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor, Role
from dangqun.core.users import User
from dangqun.ui.startup import configure_qt_application
from tests.conftest import ADMIN_PASSWORD, CENTER_ANSWERS

__all__ = ["ADMIN_PASSWORD", "CENTER_ANSWERS"]


@pytest.fixture(scope="session", autouse=True)
def dangqun_look(qapp: QApplication) -> QApplication:
    """The session's QApplication dressed exactly like the real app (zh_CN, theme, 13 pt)."""
    configure_qt_application(qapp)
    return qapp


@pytest.fixture(scope="module")
def center_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the center and its administrator, made once per test module."""
    paths = DataPaths(tmp_path_factory.mktemp("template") / "data")
    template = open_application(paths)
    try:
        initialize_center(template.database, CENTER_ANSWERS)
    finally:
        template.close()
    return paths.database


def copy_database(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as reader:
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
        finally:
            writer.close()


@pytest.fixture
def initialized_paths(data_paths: DataPaths, center_template: Path) -> DataPaths:
    """A data directory holding a copy of the template center, not opened yet."""
    copy_database(center_template, data_paths.database)
    return data_paths


@pytest.fixture
def application(initialized_paths: DataPaths) -> Iterator[Application]:
    """An opened data directory with a center and its first administrator ("admin")."""
    opened = open_application(initialized_paths)
    yield opened
    QThreadPool.globalInstance().waitForDone()
    opened.close()


def actor_of(application: Application, username: str) -> Actor:
    """The signed-in identity of ``username`` without paying for a password check."""
    with application.database.reading() as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None, username
        return user.to_actor()


@pytest.fixture
def admin_actor(application: Application) -> Actor:
    return actor_of(application, "admin")


@pytest.fixture
def read_only_actor(application: Application) -> Actor:
    """A read-only identity (the main window trusts the actor it is given)."""
    return Actor(user_id=None, username="guest", display_name="访客", role=Role.READ_ONLY)
