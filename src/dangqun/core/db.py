"""Opening the SQLite database the way every part of the app needs it.

WAL lets the GUI read while a backup copies; ``foreign_keys=ON`` because SQLite leaves it off;
a busy timeout so a short lock held by another connection waits instead of failing. Write
transactions start with ``BEGIN IMMEDIATE`` so two writers queue at the start rather than
failing half-way (later: two bookings for the last places).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from dangqun.core.database_file import ensure_sqlite_file

if TYPE_CHECKING:
    from dangqun.core.security import Actor
    from dangqun.core.uow import UnitOfWork

BUSY_TIMEOUT_MILLISECONDS = 10_000
_BEGIN_MODE_OPTION = "dangqun_begin_mode"


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
