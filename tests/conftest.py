"""Fixtures shared by every test: a real data directory with a real SQLite file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dangqun.bootstrap import (
    Application,
    FirstRunAnswers,
    initialize_center,
    open_application,
)
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor
from dangqun.core.users import authenticate

ADMIN_PASSWORD = "correct-horse-9"
CENTER_ANSWERS = FirstRunAnswers(
    center_name="翠湖社区党群服务中心",
    division_code="530102001001",
    admin_username="admin",
    admin_display_name="王芳",
    admin_password=ADMIN_PASSWORD,
)


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def empty_application(data_paths: DataPaths) -> Iterator[Application]:
    """An opened data directory with the schema but no center yet."""
    application = open_application(data_paths)
    yield application
    application.close()


@pytest.fixture
def application(empty_application: Application) -> Application:
    """An opened data directory with a center and its first administrator."""
    initialize_center(empty_application.database, CENTER_ANSWERS)
    return empty_application


@pytest.fixture
def admin(application: Application) -> Actor:
    return authenticate(application.database, "admin", ADMIN_PASSWORD)
