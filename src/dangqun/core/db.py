"""Opening the database the way every part of the app needs it.

The center keeps one SQLite file; the district (later) a PostgreSQL server. :class:`Database`
takes either a file path or an SQLAlchemy URL, and only an SQLite database gets the SQLite
settings: WAL lets the GUI read while a backup copies; ``foreign_keys=ON`` because SQLite
leaves it off; a busy timeout so a short lock held by another connection waits instead of
failing. SQLite write transactions start with ``BEGIN IMMEDIATE`` so two writers queue at the
start rather than failing half-way (later: two bookings for the last places); a server database
has row locks and needs none of this.

Write sessions stamp synced rows (:mod:`dangqun.core.model_base`); a unit of work opened with
``stamping=False`` is an import that keeps the sender's uuids, timestamps and change numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

from dangqun.core.database_file import ensure_sqlite_file
from dangqun.core.model_base import STAMPS_CHANGES

if TYPE_CHECKING:
    from dangqun.core.security import Actor
    from dangqun.core.uow import UnitOfWork

BUSY_TIMEOUT_MILLISECONDS = 10_000
_BEGIN_MODE_OPTION = "dangqun_begin_mode"


def sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))


def sqlite_file_of(url: URL) -> Path | None:
    """The file an SQLite URL names (None for another database or an in-memory one)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def create_database_engine(url: URL | str) -> Engine:
    """An engine for ``url``, configured as above when it is SQLite."""
    url = make_url(url)
    engine = create_engine(url)
    if url.get_backend_name() != "sqlite":
        return engine

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


def create_sqlite_engine(path: Path) -> Engine:
    return create_database_engine(sqlite_url(path))


class Database:
    """The engine and the two kinds of session the services use: reading and writing."""

    def __init__(self, location: Path | URL | str) -> None:
        """``location``: the center's SQLite file, or an SQLAlchemy URL (``sqlite:///…``,
        ``postgresql+psycopg://…``). A path names a file the way the data directory does."""
        self.url = sqlite_url(location) if isinstance(location, Path) else make_url(location)
        self.path = sqlite_file_of(self.url)
        """The SQLite file (backups, ``dangqun check``); None for a server database."""
        if self.path is not None:
            ensure_sqlite_file(self.path)
        self.engine = create_database_engine(self.url)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        writing_engine = (
            self.engine.execution_options(**{_BEGIN_MODE_OPTION: "IMMEDIATE"})
            if self.engine.dialect.name == "sqlite"
            else self.engine
        )
        self._write_sessions = sessionmaker(writing_engine, expire_on_commit=False)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; never committed, so it can never write by accident.

        ``close()`` discards the transaction but, unlike ``rollback()``, leaves the rows already
        loaded readable, so a service may return them as plain data. It never stamps: nothing
        it flushes is ever kept.
        """
        session = self._read_sessions()
        try:
            yield session
        finally:
            session.close()

    def new_write_session(self, *, stamping: bool = True) -> Session:
        """A session whose transaction writes; ``stamping`` as in :meth:`unit_of_work`."""
        session = self._write_sessions()
        session.info[STAMPS_CHANGES] = stamping
        return session

    def unit_of_work(self, actor: Actor, *, stamping: bool = True) -> UnitOfWork:
        """One user action's transaction.

        ``stamping=False`` is for imports of rows made elsewhere (a sync package, a restored
        district copy): the rows keep the sender's uuid, timestamps and change numbers, so the
        flush hook and :func:`~dangqun.core.model_base.insert_synced_rows` leave them as given.
        Everything the center itself writes uses the default.
        """
        from dangqun.core.uow import UnitOfWork

        return UnitOfWork(self, actor, stamping=stamping)

    def dispose(self) -> None:
        self.engine.dispose()
