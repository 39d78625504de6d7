"""The database file seen with the standard library alone: is it SQLite, which schema, which facts.

Kept free of SQLAlchemy on purpose: the main window is on screen before the ORM is imported
(``dangqun.opening``), so everything it needs first — refusing a foreign or newer file, the
center's name, the font size — is read here with :mod:`sqlite3` over a read-only connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dangqun.core.errors import DatabaseFileInvalid

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
