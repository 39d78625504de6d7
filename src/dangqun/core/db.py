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

Faults (issue 10): every engine hides its bound parameters, so an error's text — which reaches
the log file and the crash dialog — names the statement but never the ID numbers and phones it
carried (a staff import on a full disk once wrote twenty of them into ``logs/dangqun.log``).
And the four ways SQLite fails for want of a working disk — full, read-only, I/O error, cannot
open — become :class:`~dangqun.core.errors.StorageError` subclasses with a Chinese message
(:func:`storage_error`): the unit of work and :meth:`Database.reading` translate them, so an
import, an export's audit entry or the demo generator ends in a sentence, not a traceback.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from dangqun.core.database_file import ensure_sqlite_file
from dangqun.core.errors import (
    DatabaseReadOnly,
    DatabaseUnavailable,
    DiskFull,
    StorageError,
)
from dangqun.core.model_base import STAMPS_CHANGES

if TYPE_CHECKING:
    from dangqun.core.security import Actor
    from dangqun.core.uow import UnitOfWork

BUSY_TIMEOUT_MILLISECONDS = 10_000
_BEGIN_MODE_OPTION = "dangqun_begin_mode"

log = logging.getLogger(__name__)


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
    engine = create_engine(url, hide_parameters=True)
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


def storage_error(error: BaseException, path: Path | None, *, writing: bool) -> StorageError | None:
    """The :class:`StorageError` SQLite's ``error`` means, or None for any other failure.

    Decided by SQLite's primary result code (``SQLITE_FULL``, ``SQLITE_READONLY``,
    ``SQLITE_IOERR``, ``SQLITE_CANTOPEN``), which Python 3.11 hands over with the error.
    ``writing``: the action was a write, so the message says that nothing of it was saved (the
    transaction was rolled back); a read says that the data was not touched.
    """
    original = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(original, sqlite3.Error):
        return None
    code = (getattr(original, "sqlite_errorcode", None) or 0) & 0xFF
    where = f"“{path}”" if path is not None else "数据库文件"
    outcome = "本次操作没有保存任何内容" if writing else "数据库中的数据没有被改动"
    translated: StorageError
    if code == sqlite3.SQLITE_FULL:
        translated = DiskFull(
            f"磁盘空间已满，数据库无法写入，{outcome}。请在存放数据的磁盘上腾出空间（删除不需要的"
            "文件，或把旧的备份移到别处）后再试。"
        )
    elif code == sqlite3.SQLITE_READONLY:
        translated = DatabaseReadOnly(
            f"数据库文件是只读的，无法写入，{outcome}。请确认{where}和它所在的文件夹允许当前"
            "账户写入（文件没有设为只读，也不在只读的 U 盘、光盘或网络位置上），然后重新打开"
            "程序再试。"
        )
    elif code == sqlite3.SQLITE_IOERR:
        translated = DatabaseUnavailable(
            f"读写数据库时磁盘出错，{outcome}。请检查存放数据的磁盘或 U 盘是否仍然连接、是否"
            "有故障，然后运行数据检查（dangqun check）。"
        )
    elif code == sqlite3.SQLITE_CANTOPEN:
        translated = DatabaseUnavailable(
            f"无法打开数据库文件{where}，{outcome}。请检查该文件和所在磁盘是否仍然可用、当前"
            "账户是否有权限读写它，然后再试。"
        )
    else:
        return None
    # SQLite's own words ("database or disk is full") carry no row values, unlike the statement.
    log.error(
        "database %s refused: %s (%s)",
        "write" if writing else "read",
        getattr(original, "sqlite_errorname", type(original).__name__),
        original,
    )
    return translated


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
        except DBAPIError as error:
            translated = storage_error(error, self.path, writing=False)
            if translated is None:
                raise
            raise translated from error
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
