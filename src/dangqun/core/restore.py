"""Restore as one atomic switch, and what the next start does after a kill (issue 10).

Issue 10: "a crash during restore breaks every later backup" — a restore killed between copying
into the live file and dropping the key table left that table in the live database for good.
So nothing is ever written into the live file any more:

1. The backup is copied *aside* into ``dangqun.sqlite3.restoring`` (owner-only), migrated, its
   old key table taken out, checked and stamped with the restore's audit entry — all while the
   live database is untouched (:func:`copy_to_prepared`, :func:`take_key_files`,
   :func:`seal_prepared`; the ORM steps are in :func:`dangqun.bootstrap.restore_from_file`).
2. :func:`switch_to_prepared` takes the live file out of WAL mode (so no ``-wal`` can hold
   committed data, and no stale ``-wal`` can ever be replayed onto the new file), writes a small
   journal (``dangqun.sqlite3.restore-journal``), removes ``-wal``/``-shm``, renames the prepared
   file over the live one (one ``rename``: atomic on every file system we run on) and removes
   the journal.
3. :func:`tidy_after_interruption` runs at every start, under the data directory's lock: a
   journal beside a prepared file means the rename never happened — the switch is rolled back
   (the live file is the old database in full); a journal without one means it did — the switch
   is completed. Either way ``-wal``/``-shm`` are stale and go; so do a prepared file without a
   journal and the ``.partial`` files of killed backups (each a full copy of personal data).

Standard library only: :mod:`dangqun.opening` runs the tidying before the first window.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from dangqun.core.backup import KEY_FILES_TABLE, kill_point, remove_with_sidecars
from dangqun.core.database_file import create_private_database_file, has_table
from dangqun.core.errors import BackupError
from dangqun.core.paths import write_private_file

PREPARED_SUFFIX = ".restoring"
JOURNAL_SUFFIX = ".restore-journal"
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
"""SQLite's companions of a database file: write-ahead log, its index, rollback journal."""


def prepared_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + PREPARED_SUFFIX)


def journal_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + JOURNAL_SUFFIX)


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDE_FILE_SUFFIXES]


def remove_with_side_files(path: Path) -> None:
    for file in (path, *_side_files(path)):
        file.unlink(missing_ok=True)


def _sync_directory(directory: Path) -> None:
    """Make a rename or unlink durable (POSIX); Windows has no directory handles to flush."""
    if os.name != "posix":
        return
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def copy_to_prepared(backup_path: Path, database_path: Path) -> Path:
    """A complete, self-contained copy of the backup beside the live database (owner-only)."""
    prepared = prepared_path(database_path)
    remove_with_side_files(prepared)
    create_private_database_file(prepared)
    source = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
    target = sqlite3.connect(prepared)
    try:

        def step(_status: int, _remaining: int, _total: int) -> None:
            kill_point("restore-copy")

        source.backup(target, pages=256, progress=step)
        target.execute("PRAGMA journal_mode = DELETE")
        target.commit()
    finally:
        target.close()
        source.close()
    kill_point("restore-copied")
    return prepared


def take_key_files(prepared: Path, keys_dir: Path) -> list[str]:
    """Key files an old backup carries: written (0600) only where this directory has none.

    Backups no longer carry keys (the verification key is exported separately, engineer D);
    older ones hold them in ``dangqun_backup_key_files``. A key that exists here is never
    overwritten — certificates on the wall were signed with it — and a name that would land
    outside ``keys/`` or an empty file is ignored. The table never reaches the live database.
    """
    restored: list[str] = []
    connection = sqlite3.connect(prepared)
    try:
        if not has_table(connection, KEY_FILES_TABLE):
            return []
        rows = connection.execute(f"SELECT path, content FROM {KEY_FILES_TABLE}").fetchall()
        root = keys_dir.resolve()
        for relative, content in rows:
            target = keys_dir / str(relative)
            if root not in target.resolve().parents or target.exists():
                continue
            if not isinstance(content, bytes) or not content:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            write_private_file(target, content)
            restored.append(str(relative))
        kill_point("restore-keys-written")
        connection.execute(f"DROP TABLE {KEY_FILES_TABLE}")
        connection.commit()
    finally:
        connection.close()
    return restored


DATABASE_IDENTITY_TABLE = "database_identity"
"""Sync's database id (:mod:`dangqun.sync.models`), named here so core imports no feature."""


def forget_database_identity(connection: sqlite3.Connection) -> None:
    """A restored database gets a new sync id (issue 16, Morango's rule): its change counters
    go back to the backup's and would otherwise collide at the district with those already
    sent. Dropping the row makes the next export choose a new id and send a full package."""
    if has_table(connection, DATABASE_IDENTITY_TABLE):
        connection.execute(f"DELETE FROM {DATABASE_IDENTITY_TABLE}")
        connection.commit()


def seal_prepared(prepared: Path) -> None:
    """Back to one self-contained file: the ORM's WAL folded in, rollback journal mode."""
    connection = sqlite3.connect(prepared)
    try:
        forget_database_identity(connection)
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    leftovers = [p for p in _side_files(prepared) if p.exists()]
    if leftovers:
        raise BackupError(f"恢复失败：准备好的副本仍有未写完的日志文件“{leftovers[0].name}”。")


def _leave_wal_mode(database_path: Path) -> None:
    """Fold the live WAL into the file and leave WAL mode, so the old database is complete in
    its main file alone and deleting ``-wal`` can lose nothing."""
    if not database_path.exists() or database_path.stat().st_size == 0:
        return
    connection = sqlite3.connect(database_path, timeout=5)
    try:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as error:
        raise BackupError(
            f"恢复失败：当前数据库正被使用，无法切换（{error}）。请关闭其他使用它的程序后重试。"
        ) from error
    finally:
        connection.close()
    if mode is None or str(mode[0]).lower() != "delete":
        raise BackupError("恢复失败：当前数据库正被使用，无法切换。请关闭其他使用它的程序后重试。")


def switch_to_prepared(database_path: Path) -> None:
    """Put the prepared copy in place of the live database in one rename (see module doc).

    The caller has closed every connection of its own to ``database_path``.
    """
    prepared = prepared_path(database_path)
    journal = journal_path(database_path)
    _leave_wal_mode(database_path)
    kill_point("restore-wal-folded")
    write_private_file(journal, f"switching in {prepared.name}\n".encode())
    _sync_directory(database_path.parent)
    kill_point("restore-journal-written")
    for side_file in _side_files(database_path):
        side_file.unlink(missing_ok=True)
    kill_point("restore-before-rename")
    os.replace(prepared, database_path)
    _sync_directory(database_path.parent)
    kill_point("restore-renamed")
    journal.unlink()
    _sync_directory(database_path.parent)


def recover_interrupted_restore(database_path: Path) -> str | None:
    """Finish or undo a switch a kill interrupted; a sentence for the log, None if none was."""
    prepared = prepared_path(database_path)
    journal = journal_path(database_path)
    if not journal.exists():
        if prepared.exists():
            remove_with_side_files(prepared)
            return "removed a restore copy that was never switched in"
        return None
    for side_file in _side_files(database_path):
        side_file.unlink(missing_ok=True)
    if prepared.exists():
        remove_with_side_files(prepared)
        outcome = "rolled back an interrupted restore: the database is the one from before it"
    else:
        outcome = "completed an interrupted restore: the database is the restored one"
    journal.unlink()
    _sync_directory(database_path.parent)
    return outcome


def remove_stale_partials(backup_dir: Path) -> list[Path]:
    """``.partial`` files of backups that were killed: never finished, yet full of personal data."""
    if not backup_dir.is_dir():
        return []
    removed = []
    for partial in backup_dir.glob("*.partial"):
        removed.extend(remove_with_sidecars(partial))
    for journal in backup_dir.glob("*.partial-journal"):  # its partial is already gone
        removed.extend(remove_with_sidecars(journal.with_name(journal.name[: -len("-journal")])))
    return removed


def tidy_after_interruption(database_path: Path, backup_dir: Path) -> list[str]:
    """What a kill left behind, cleaned up at start under the lock; sentences for the log."""
    notes = []
    outcome = recover_interrupted_restore(database_path)
    if outcome is not None:
        notes.append(outcome)
    removed = remove_stale_partials(backup_dir)
    if removed:
        notes.append(f"removed {len(removed)} unfinished backup file(s) (.partial)")
    return notes
