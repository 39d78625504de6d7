"""The database file seen with the standard library alone: is it SQLite, which schema, which facts.

Kept free of SQLAlchemy on purpose: the main window is on screen before the ORM is imported
(``dangqun.opening``), so everything it needs first — refusing a foreign or newer file, the
center's name, the font size — is read here with :mod:`sqlite3` over a read-only connection.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dangqun.core.errors import DatabaseFileInvalid
from dangqun.core.paths import make_private_file

SQLITE_HEADER = b"SQLite format 3\x00"


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


@contextmanager
def read_only_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection that turns "this file is damaged" into our Chinese message."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield connection
    except sqlite3.DatabaseError as error:
        raise DatabaseFileInvalid(
            f"数据库文件“{path.name}”已损坏，无法读取（{error}）。请从备份恢复。"
        ) from error
    finally:
        connection.close()


def has_table(connection: sqlite3.Connection, name: str) -> bool:
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
    ).fetchone()
    return found is not None


def read_schema_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file, without importing Alembic (start-up speed)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    ensure_sqlite_file(path)
    with read_only_connection(path) as connection:
        if not has_table(connection, "alembic_version"):
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])


def has_any_table(path: Path) -> bool:
    with read_only_connection(path) as connection:
        return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0)


def is_missing_or_empty(path: Path) -> bool:
    """No database yet — or one that was deleted or truncated to zero bytes (issue 10: both
    looked like a new center while backups of the real one lay beside them)."""
    return not path.exists() or path.stat().st_size == 0


def create_private_database_file(path: Path) -> None:
    """An empty owner-only file for SQLite to fill (backups, restore copies hold personal data):
    0600 from the start, so no other account can open it while it is written (issue 10)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    make_private_file(path)


def read_only_reason(path: Path) -> str | None:
    """Why this account cannot write the database, in Chinese; None when it can.

    SQLite opens a read-only file without complaint and fails at the first write with a bare
    "attempt to write a readonly database" (issue 10), so writers ask first.
    """
    if not path.exists():
        return None
    if not os.access(path, os.W_OK):
        return (
            f"数据库文件“{path}”是只读的，程序不能写入它。"
            "请在文件属性中取消“只读”（或改回当前用户可写的权限）后重试。"
        )
    if not os.access(path.parent, os.W_OK):
        return f"数据目录“{path.parent}”是只读的，程序不能写入数据库。请检查文件夹权限后重试。"
    return None
