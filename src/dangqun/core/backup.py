"""Backups with SQLite's online backup API, their rotation, and restore.

* A backup is written to ``<name>.partial`` and renamed only when complete and verified, so a
  full disk or a crash never leaves a file that looks like a good backup.
* Automatic backups ("daily" once a day, "exit" on closing) rotate: the newest per day for the
  last 7 days that have one, plus the newest per ISO week for the last 4 weeks. Manual and safety
  backups ("manual", "pre-migration", "pre-restore") are never deleted automatically.
* Restore refuses a file that is not SQLite, fails ``integrity_check`` or comes from a newer
  schema, then backs up the current database before copying the file in — through the backup
  API again, so the WAL and the lock protocol are respected.
* The files of ``<data dir>/keys`` (the key that signs printed verification codes, later the
  package signing keys) travel inside the backup, in a table that exists only in backup copies.
  A restore puts back the key files that are missing and never overwrites one that exists: a
  lost key would make every certificate already on a wall unverifiable.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from dangqun.core.database_file import SQLITE_HEADER, read_schema_revision
from dangqun.core.errors import BackupError

AUTOMATIC_KINDS = ("daily", "exit")
ALL_KINDS = (*AUTOMATIC_KINDS, "manual", "pre-migration", "pre-restore")
KIND_LABELS = {
    "daily": "每日自动",
    "exit": "退出时自动",
    "manual": "手动",
    "pre-migration": "升级前",
    "pre-restore": "恢复前",
}
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_BACKUP_NAME = re.compile(r"^dangqun-(\d{8}-\d{6})(?:-\d+)?-([a-z-]+)\.sqlite3$")
_PAGES_PER_STEP = 256
KEY_FILES_TABLE = "dangqun_backup_key_files"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # local wall-clock time, as in the file name
    kind: str
    size_bytes: int
    restored_key_files: tuple[str, ...] = ()
    """After a restore: key files that were missing and came back from the backup."""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def _parse_backup_name(path: Path) -> BackupFile | None:
    match = _BACKUP_NAME.match(path.name)
    if not match or match.group(2) not in ALL_KINDS:
        return None
    taken_at = _parse_timestamp(match.group(1))
    if taken_at is None:
        return None
    return BackupFile(path, taken_at, match.group(2), path.stat().st_size)


def _parse_timestamp(text: str) -> datetime | None:
    """``20261122-143005`` → its datetime, None if no such moment. By hand: the status bar reads
    it before the first window is shown, and ``strptime``'s first call costs ~9 ms."""
    try:
        return datetime(
            int(text[0:4]), int(text[4:6]), int(text[6:8]),
            int(text[9:11]), int(text[11:13]), int(text[13:15]),
        )  # fmt: skip
    except ValueError:
        return None


def list_backups(backup_dir: Path) -> list[BackupFile]:
    """Finished backups, newest first (``.partial`` leftovers are ignored)."""
    if not backup_dir.is_dir():
        return []
    found = (_parse_backup_name(path) for path in backup_dir.glob("dangqun-*.sqlite3"))
    return sorted((b for b in found if b is not None), key=lambda b: b.taken_at, reverse=True)


def latest_backup(backup_dir: Path) -> BackupFile | None:
    backups = list_backups(backup_dir)
    return backups[0] if backups else None


def _is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
    return (
        isinstance(error, sqlite3.Error) and getattr(error, "sqlite_errorname", "") == "SQLITE_FULL"
    )


def _is_write_failure(error: BaseException) -> bool:
    """SQLite reports a file-size limit or a pulled USB stick as an I/O error, not "full"."""
    return isinstance(error, sqlite3.Error) and getattr(error, "sqlite_errorname", "").startswith(
        "SQLITE_IOERR"
    )


def _unique_target(backup_dir: Path, stamp: str, kind: str) -> Path:
    target = backup_dir / f"dangqun-{stamp}-{kind}.sqlite3"
    counter = 1
    while target.exists():
        target = backup_dir / f"dangqun-{stamp}-{counter}-{kind}.sqlite3"
        counter += 1
    return target


def create_backup(
    database_path: Path,
    backup_dir: Path,
    kind: str,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    keys_dir: Path | None = None,
) -> BackupFile:
    """Copy the live database into ``backup_dir``; raise :class:`BackupError` in Chinese."""
    if kind not in ALL_KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if not database_path.exists():
        raise BackupError("还没有数据库文件，无需备份。")
    now = now or datetime.now()
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"无法创建备份文件夹“{backup_dir}”：{error.strerror}") from error
    needed = database_path.stat().st_size
    free = shutil.disk_usage(backup_dir).free
    if free < needed:
        raise BackupError(
            f"备份失败：备份位置剩余空间不足（需要约 {needed // 1024 + 1} KB，"
            f"只剩 {free // 1024} KB）。原数据库没有改动，请清理磁盘后重试。"
        )
    target = _unique_target(backup_dir, now.strftime("%Y%m%d-%H%M%S"), kind)
    partial = target.with_name(target.name + ".partial")
    try:
        _copy_database(database_path, partial, progress)
        if keys_dir is not None:
            _store_key_files(partial, keys_dir)
        _verify_integrity(partial)
        os.replace(partial, target)
    except BaseException as error:
        partial.unlink(missing_ok=True)
        if isinstance(error, BackupError):
            raise
        if _is_disk_full(error):
            raise BackupError(
                "备份失败：磁盘已满，备份文件没有写完并已删除。原数据库没有改动，请清理磁盘后重试。"
            ) from error
        if _is_write_failure(error):
            raise BackupError(
                "备份失败：写入备份位置时出错（磁盘可能已满，或 U 盘已拔出）。"
                "未写完的备份已删除，原数据库没有改动。"
            ) from error
        if isinstance(error, OSError | sqlite3.Error):
            raise BackupError(f"备份失败：{error}。原数据库没有改动。") from error
        raise
    return BackupFile(target, now.replace(microsecond=0), kind, target.stat().st_size)


def _copy_database(
    source_path: Path, target_path: Path, progress: Callable[[int, int], None] | None
) -> None:
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(target_path)
    try:

        def report(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        source.backup(target, pages=_PAGES_PER_STEP, progress=report)
        target.execute("PRAGMA journal_mode = DELETE")
        target.commit()
    finally:
        target.close()
        source.close()


def _store_key_files(backup_path: Path, keys_dir: Path) -> None:
    files = sorted(p for p in keys_dir.rglob("*") if p.is_file()) if keys_dir.is_dir() else []
    connection = sqlite3.connect(backup_path)
    try:
        connection.execute(f"CREATE TABLE {KEY_FILES_TABLE} (path TEXT PRIMARY KEY, content BLOB)")
        connection.executemany(
            f"INSERT INTO {KEY_FILES_TABLE} VALUES (?, ?)",
            [(p.relative_to(keys_dir).as_posix(), p.read_bytes()) for p in files],
        )
        connection.commit()
    finally:
        connection.close()


def _restore_missing_key_files(database_path: Path, keys_dir: Path) -> list[str]:
    """Write back the backup's key files that are missing; drop the carrier table."""
    connection = sqlite3.connect(database_path)
    restored = []
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (KEY_FILES_TABLE,)
        ).fetchone()
        if not has_table:
            return []
        for relative, content in connection.execute(f"SELECT path, content FROM {KEY_FILES_TABLE}"):
            target = keys_dir / relative
            if keys_dir.resolve() not in target.resolve().parents or target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            restored.append(str(relative))
        connection.execute(f"DROP TABLE {KEY_FILES_TABLE}")
        connection.commit()
    finally:
        connection.close()
    return restored


def _verify_integrity(path: Path) -> None:
    """``PRAGMA integrity_check`` on a file opened read-only; raise when it is not ``ok``."""
    with open(path, "rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(f"“{path.name}”不是 SQLite 数据库文件，不能用来恢复。")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"“{path.name}”已损坏，不能用来恢复（{error}）。") from error
    finally:
        connection.close()
    if result != ["ok"]:
        raise BackupError(f"“{path.name}”完整性检查未通过：{'; '.join(result[:5])}")


def check_restorable(backup_path: Path, known_revisions: Iterable[str]) -> None:
    """Everything that must be true of a file before it may replace the live database."""
    if not backup_path.is_file():
        raise BackupError(f"找不到备份文件“{backup_path}”。")
    _verify_integrity(backup_path)
    revision = read_schema_revision(backup_path)
    if revision is None:
        raise BackupError(f"“{backup_path.name}”不是 dangqun 的备份（缺少数据库版本信息）。")
    if revision not in set(known_revisions):
        raise BackupError(
            f"“{backup_path.name}”来自更新版本的 dangqun（数据库版本 {revision}），"
            "当前程序无法使用它。请先升级程序。"
        )


def restore_backup(
    backup_path: Path,
    database_path: Path,
    backup_dir: Path,
    known_revisions: Iterable[str],
    keys_dir: Path | None = None,
) -> BackupFile:
    """Replace the live database with ``backup_path``; returns the safety backup taken first.

    The caller must have closed every connection of its own to ``database_path``.
    """
    check_restorable(backup_path, known_revisions)
    safety = create_backup(database_path, backup_dir, "pre-restore", keys_dir=keys_dir)
    source = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
    target = sqlite3.connect(database_path)
    try:
        source.backup(target, pages=_PAGES_PER_STEP)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(
            f"恢复失败：{error}。恢复前的数据已备份在“{safety.path.name}”。"
        ) from error
    finally:
        target.close()
        source.close()
    restored_keys = _restore_missing_key_files(
        database_path, keys_dir or database_path.parent / "keys"
    )
    return replace(safety, restored_key_files=tuple(restored_keys))


def _newest_first_key(backup: BackupFile) -> tuple[datetime, int]:
    """File names have one-second resolution; the file's own time orders a same-second pair."""
    try:
        modified = backup.path.stat().st_mtime_ns
    except OSError:
        modified = 0
    return backup.taken_at, modified


def backups_to_delete(backups: Iterable[BackupFile]) -> list[BackupFile]:
    """Automatic backups outside the 7-daily + 4-weekly window."""
    automatic = sorted(
        (b for b in backups if b.kind in AUTOMATIC_KINDS),
        key=_newest_first_key,
        reverse=True,
    )
    keep: set[Path] = set()
    days_seen: list[object] = []
    weeks_seen: list[object] = []
    for backup in automatic:
        day = backup.taken_at.date()
        if day not in days_seen and len(days_seen) < KEEP_DAILY:
            days_seen.append(day)
            keep.add(backup.path)
    for backup in automatic:
        week = backup.taken_at.isocalendar()[:2]
        if week not in weeks_seen and len(weeks_seen) < KEEP_WEEKLY:
            weeks_seen.append(week)
            keep.add(backup.path)
    return [b for b in automatic if b.path not in keep]


def rotate_backups(backup_dir: Path) -> list[Path]:
    deleted = []
    for backup in backups_to_delete(list_backups(backup_dir)):
        backup.path.unlink(missing_ok=True)
        deleted.append(backup.path)
    return deleted


def has_automatic_backup_on(backup_dir: Path, day: datetime) -> bool:
    return any(
        b.kind in AUTOMATIC_KINDS and b.taken_at.date() == day.date()
        for b in list_backups(backup_dir)
    )
