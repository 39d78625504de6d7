"""District databases for tests: an SQLite file, and a fresh PostgreSQL database per test.

PostgreSQL runs when ``DANGQUN_TEST_POSTGRES_URL`` names a server role allowed to create
databases (``.ci/run`` starts the installed cluster and exports it); without it the PostgreSQL
cases are skipped with the reason, except under ``CI=true``, where they fail: CI must really
test PostgreSQL (issue 16).
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import OperationalError

POSTGRES_ENVIRONMENT_VARIABLE = "DANGQUN_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def _postgres_server_url() -> str:
    url = os.environ.get(POSTGRES_ENVIRONMENT_VARIABLE)
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"CI must test the district on PostgreSQL, but {POSTGRES_ENVIRONMENT_VARIABLE} is not set"
        )
    pytest.skip(f"{POSTGRES_ENVIRONMENT_VARIABLE} not set: no PostgreSQL server to test against")


def district_database_url(backend: str, folder: Path) -> Iterator[str]:
    """A URL of an empty district database for ``backend``, removed afterwards (PostgreSQL)."""
    if backend == "sqlite":
        yield str(folder / "district.sqlite3")
        return
    server = make_url(_postgres_server_url())
    name = f"dq_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(admin, name)
        admin.dispose()


def _drop(admin: Engine, name: str) -> None:
    """Drop the test database; an autovacuum worker still in it is waited for, since a role
    without ``pg_signal_backend`` may not end the server's own processes (``WITH (FORCE)``)."""
    for _attempt in range(50):
        try:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            return
        except OperationalError:
            time.sleep(0.1)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
