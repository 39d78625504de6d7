"""Opening the district database: an SQLite file by default, PostgreSQL by URL (issue 16).

``--db`` takes a file path (``district.sqlite3``), an ``sqlite:///…`` URL or a
``postgresql+psycopg://user:password@host/dbname`` URL; the same models and the same Alembic
chain (:mod:`dangqun.district.migrations`) serve both. The engine is the center's
(:class:`dangqun.core.db.Database`): SQLite gets WAL, foreign keys and ``BEGIN IMMEDIATE`` for
writes, every engine hides bound parameters from error texts, and a full or read-only disk ends
in a Chinese sentence.

A file that is a center's database is refused (the district never migrates a center's schema,
nor the other way round), as is a district database written by a newer dangqun.

Who acts: the district commands take no center sign-in (the district database is not a center's
data directory), so each audit entry names the operating-system account and the computer, and on
PostgreSQL the database role the URL signs in as — the server's own authentication is then the
boundary. Users and roles of the district GUI come with issue 17.

Keys: the district's private keys live in an owner-only ``keys/`` folder beside an SQLite
database (the folder holding the database is the district's data directory); for PostgreSQL in
the folder given by ``--keys DIR``, by default ``<user data dir>/dangqun-district/<host>-<port>-
<database>/keys`` (platformdirs), so two district databases on one computer never share keys.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import URL, inspect, make_url, select
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session

from dangqun.core.clock import utc_now
from dangqun.core.database_file import create_private_database_file
from dangqun.core.db import Database, storage_error
from dangqun.core.errors import DangqunError
from dangqun.district import migrations
from dangqun.district.models import DistrictAuditEntry, DistrictIdentity

KEYS_FOLDER = "keys"


class DistrictError(DangqunError):
    """A district command refused or failed; the message says why in Chinese."""


@dataclass(frozen=True)
class Operator:
    """Who runs a district command (see the module docstring)."""

    os_user: str
    host: str
    database_user: str
    username: str = ""
    """The district user signed in to the workbench (:mod:`dangqun.district.users`)."""

    @classmethod
    def current(cls, url: URL) -> Operator:
        try:
            os_user = getpass.getuser()
        except Exception:  # no login name on some service accounts
            os_user = "unknown"
        return cls(os_user, socket.gethostname(), url.username or "")


def district_url(text: str) -> URL:
    """The SQLAlchemy URL ``--db`` names: a URL as given, anything else an SQLite file path."""
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
    try:
        url = make_url(text)
    except ArgumentError:
        raise DistrictError(f"--db“{text}”不是有效的数据库地址。") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DistrictError(
            f"--db 只支持 SQLite 文件或 PostgreSQL（postgresql+psycopg://…），不支持“{url.drivername}”。"
        )
    return url


def shown(url: URL) -> str:
    """The URL as messages show it: never with its password."""
    return url.render_as_string(hide_password=True)


class DistrictDatabase:
    """An open, migrated district database and the operator acting on it."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.url = database.url
        self.path = database.path
        self.operator = Operator.current(database.url)

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def reading(self) -> Any:
        return self.database.reading()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction: committed only by the caller's ``session.commit()``, rolled back
        otherwise (by an exception or a dry run), with a failing disk told in Chinese."""
        session = self.database.new_write_session(stamping=False)
        try:
            session.begin()
            yield session
        except DBAPIError as error:
            session.rollback()
            translated = storage_error(error, self.path, writing=True)
            if translated is not None:
                raise translated from error
            raise
        finally:
            session.rollback()
            session.close()

    def audit(self, session: Session, action: str, detail: dict[str, Any]) -> None:
        session.add(
            DistrictAuditEntry(
                at=utc_now(),
                os_user=self.operator.os_user,
                host=self.operator.host,
                database_user=self.operator.database_user,
                username=self.operator.username,
                action=action,
                detail=detail,
            )
        )

    def identity(self) -> DistrictIdentity:
        with self.reading() as session:
            identity: DistrictIdentity | None = session.execute(
                select(DistrictIdentity)
            ).scalar_one_or_none()
        if identity is None:
            raise DistrictError(
                f"区级数据库“{shown(self.url)}”还没有初始化。请先运行："
                "dangqun district init --db 地址 --name 区名 --out 文件夹"
            )
        return identity

    def keys_directory(self, explicit: Path | None) -> Path:
        """Where the district's private keys are (see the module docstring)."""
        if explicit is not None:
            return explicit.expanduser().resolve()
        if self.path is not None:
            return self.path.parent / KEYS_FOLDER
        label = f"{self.url.host or 'localhost'}-{self.url.port or 5432}-{self.url.database}"
        return platformdirs.user_data_path("dangqun-district") / label / KEYS_FOLDER

    def dispose(self) -> None:
        self.database.dispose()


def open_district(text: str, *, create: bool = False) -> DistrictDatabase:
    """Open (and migrate) the district database ``--db`` names.

    ``create``: ``district init`` may make a new SQLite file; every other command refuses a
    missing one rather than leave an empty database behind a mistyped path.
    """
    url = district_url(text)
    database_file = None if url.get_backend_name() != "sqlite" else Path(url.database or "")
    if database_file is not None:
        if not database_file.parent.is_dir():
            raise DistrictError(f"区级数据库的文件夹“{database_file.parent}”不存在。")
        if not database_file.is_file():
            if not create:
                raise DistrictError(
                    f"区级数据库“{database_file}”不存在。请先运行：dangqun district init "
                    f"--db “{database_file}” --name 区名 --out 文件夹"
                )
            create_private_database_file(database_file)
    database = Database(url)
    try:
        _migrate(database)
    except OperationalError as error:
        database.dispose()
        translated = storage_error(error, database.path, writing=True)
        if translated is not None:
            raise translated from error
        raise DistrictError(
            f"无法连接区级数据库“{shown(url)}”。请检查地址、用户名、密码和数据库服务器是否在运行。"
        ) from None
    except BaseException:
        database.dispose()
        raise
    return DistrictDatabase(database)


def _migrate(database: Database) -> None:
    with database.engine.begin() as connection:
        tables = set(inspect(connection).get_table_names())
        if migrations.VERSION_TABLE not in tables:
            if "alembic_version" in tables or "center" in tables:
                raise DistrictError(
                    f"“{shown(database.url)}”是服务中心的数据库，不是区级数据库，程序没有改动它。"
                )
            if tables:
                raise DistrictError(
                    f"“{shown(database.url)}”里已经有别的数据表，不是 dangqun 的区级数据库，"
                    "程序没有改动它。请给一个空的数据库。"
                )
            current = None
        else:
            current = connection.exec_driver_sql(
                f"SELECT version_num FROM {migrations.VERSION_TABLE}"
            ).scalar()
        known = migrations.known_revisions()
        if current is not None and current not in known:
            raise DistrictError(
                f"区级数据库“{shown(database.url)}”由更新版本的 dangqun 写入（结构版本 {current}），"
                "请升级本程序后再打开。"
            )
        if current != known[-1]:
            migrations.upgrade_to_head(connection)
