"""Opening the SQLite database the way every part of the app needs it.

WAL lets the GUI read while a backup copies; ``foreign_keys=ON`` because SQLite leaves it off;
a busy timeout so a short lock held by another connection waits instead of failing. Write
transactions start with ``BEGIN IMMEDIATE`` so two writers queue at the start rather than
failing half-way (later: two bookings for the last places).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from dangqun.core.errors import DatabaseFileInvalid

if TYPE_CHECKING:
    from dangqun.core.security import Actor
    from dangqun.core.uow import UnitOfWork

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MILLISECONDS = 10_000
_BEGIN_MODE_OPTION = "dangqun_begin_mode"


def ensure_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database (never overwrite it)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseFileInvalid(
            f"“{path.name}”不是 dangqun 的数据库文件（不是 SQLite 格式），程序没有改动它。"
            "请检查数据目录，或从备份恢复。"
        )


def read_schema_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file, without importing Alembic (start-up speed)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    ensure_sqlite_file(path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except sqlite3.DatabaseError as error:
        raise DatabaseFileInvalid(
            f"数据库文件“{path.name}”已损坏，无法读取（{error}）。请从备份恢复。"
        ) from error
    finally:
        connection.close()


def create_sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below, not the driver, decide when transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MILLISECONDS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(_BEGIN_MODE_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """The engine and the two kinds of session the services use: reading and writing."""

    def __init__(self, path: Path) -> None:
        ensure_sqlite_file(path)
        self.path = path
        self.engine = create_sqlite_engine(path)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(**{_BEGIN_MODE_OPTION: "IMMEDIATE"}),
            expire_on_commit=False,
        )

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; never committed, so it can never write by accident.

        ``close()`` discards the transaction but, unlike ``rollback()``, leaves the rows already
        loaded readable, so a service may return them as plain data.
        """
        session = self._read_sessions()
        try:
            yield session
        finally:
            session.close()

    def new_write_session(self) -> Session:
        return self._write_sessions()

    def unit_of_work(self, actor: Actor) -> UnitOfWork:
        from dangqun.core.uow import UnitOfWork

        return UnitOfWork(self, actor)

    def dispose(self) -> None:
        self.engine.dispose()
