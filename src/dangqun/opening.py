"""Opening a data directory in two steps, so the main window is on screen before the ORM loads.

1. :func:`claim_data_directory` — standard library only, a few milliseconds: create the folders,
   start logging, take the single-instance lock, refuse a file that is not SQLite, not ours or
   from a newer version. :func:`read_opening_facts` then reads what the first window shows.
2. :func:`dangqun.bootstrap.finish_opening` — SQLAlchemy (and Alembic when the schema is old):
   back up and migrate if needed, open the engine.

Importing SQLAlchemy and our models costs more than starting Qt and showing a window, so the GUI
runs step 2 on a worker thread while the user types the password (``dangqun.ui.session``). The
CLI and tests run both steps at once through :func:`dangqun.bootstrap.open_application`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from dangqun import migrations
from dangqun.core.database_file import (
    has_any_table,
    has_table,
    read_only_connection,
    read_schema_revision,
)
from dangqun.core.errors import DatabaseFileInvalid, DatabaseTooNew
from dangqun.core.instance_lock import InstanceLock
from dangqun.core.logging_setup import configure_logging
from dangqun.core.paths import DataPaths
from dangqun.core.restore import tidy_after_interruption
from dangqun.core.setting_definitions import FONT_POINT_SIZE, decode_setting

log = logging.getLogger(__name__)


@dataclass
class ClaimedDirectory:
    """A data directory this process holds the lock of, with a database file it may open."""

    paths: DataPaths
    lock: InstanceLock
    revision: str | None
    """The schema revision stamped in the file; None for a new (or empty) database."""
    head: str

    @property
    def needs_migration(self) -> bool:
        return self.revision != self.head


def claim_data_directory(paths: DataPaths) -> ClaimedDirectory:
    """Folders, logging, lock and file checks; each refusal is a Chinese message, data untouched."""
    paths.prepare()
    configure_logging(paths.logs)
    lock = InstanceLock(paths.lock_file)
    lock.acquire()
    try:
        # Issue 10: finish or undo a restore a kill interrupted, drop killed backups' .partial.
        for note in tidy_after_interruption(paths.database, paths.backups):
            log.warning("%s", note)
        revision = checked_schema_revision(paths.database)
    except BaseException:
        lock.release()
        raise
    return ClaimedDirectory(paths, lock, revision, migrations.head_revision())


def checked_schema_revision(path: Path) -> str | None:
    """The file's revision, after refusing one written by a newer dangqun or by another program."""
    revision = read_schema_revision(path)
    known = migrations.known_revisions()
    if revision is not None and revision not in known:
        raise DatabaseTooNew(
            f"这个数据库由更新版本的 dangqun 写入（数据库版本 {revision}，本程序最高支持 "
            f"{known[-1]}）。为保护数据，程序不会打开或降级它。请安装最新版本的 dangqun。"
        )
    if revision is None and path.exists() and path.stat().st_size > 0 and has_any_table(path):
        raise DatabaseFileInvalid(
            f"“{path.name}”是 SQLite 文件，但不是 dangqun 的数据库，程序没有改动它。"
        )
    return revision


@dataclass(frozen=True)
class OpeningFacts:
    """What the main window shows before the ORM is loaded."""

    center_name: str
    """Empty until the first-run wizard has registered the center."""
    font_point_size: int

    @property
    def initialized(self) -> bool:
        return bool(self.center_name)


def read_opening_facts(path: Path) -> OpeningFacts:
    """The center's name and the font size, read with :mod:`sqlite3` from a migrated database.

    Reads the ``center`` and ``settings`` tables of :mod:`dangqun.core.center` and
    :mod:`dangqun.core.settings` by name; tests/unit/test_opening_data_directory.py checks the
    result against those services.
    """
    default_facts = OpeningFacts("", int(FONT_POINT_SIZE.default))
    if not path.exists() or path.stat().st_size == 0:
        return default_facts
    with read_only_connection(path) as connection:
        if not (has_table(connection, "center") and has_table(connection, "settings")):
            return default_facts
        center = connection.execute("SELECT name FROM center LIMIT 1").fetchone()
        stored = connection.execute(
            "SELECT value_json FROM settings WHERE key = ?", (FONT_POINT_SIZE.key,)
        ).fetchone()
    font_size = decode_setting(FONT_POINT_SIZE, None if stored is None else str(stored[0]))
    if FONT_POINT_SIZE.validate(font_size) is not None:
        font_size = FONT_POINT_SIZE.default
    return OpeningFacts("" if center is None else str(center[0]), int(font_size))
