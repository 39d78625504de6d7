"""Backups with SQLite's online backup API, their rotation, and the checks before a restore.

* A backup is written to ``<name>.partial`` (owner-only: it holds personal data) and renamed
  only when complete and verified, so a full disk or a crash never leaves a file that looks like
  a good backup; a ``.partial`` left by a kill is removed at the next start
  (:mod:`dangqun.core.restore`).
* Automatic backups ("daily" once a day, "exit" on closing) rotate: the newest per day for the
  last 7 days that have one, plus the newest per ISO week for the last 4 weeks. Manual and safety
  backups ("manual", "pre-migration", "pre-restore") are never deleted automatically.
* Backups no longer carry ``keys/`` (issue 10: every backup leaked the verification key); the
  key has its own passphrase-wrapped export. Backups made by older versions still hold the table
  ``dangqun_backup_key_files``, which a restore empties into ``keys/`` where a key is missing.
* The copy never waits forever: SQLite's backup step answers BUSY/LOCKED while another
  connection holds the file, and Python's ``backup()`` retries that without end (issue 10: a
  read-only database made ``backup`` spin). We give up after :data:`GIVE_UP_AFTER_SECONDS`.
* Restore itself (copy aside, check, one rename) is :mod:`dangqun.core.restore` and
  :func:`dangqun.bootstrap.restore_from_file`.

Test hook: :func:`kill_point` — ``DANGQUN_TEST_KILL_AT=<step>`` (or ``<step>:<n>``, the n-th
time the step is reached) kills this process with SIGKILL at that named step; the kill harness
``tests/integration/test_backup_restore_kills.py`` uses it to prove backups and restores survive
a kill anywhere. Unset, it costs one dictionary lookup.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dangqun.core.database_file import (
    SQLITE_HEADER,
    create_private_database_file,
    read_schema_revision,
)
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
"""Where backups made before issue 10 carried ``keys/``; read by a restore, never written."""
GIVE_UP_AFTER_SECONDS = 30.0
"""How long a backup may find the database busy (or unreadable) before it gives up."""
KILL_POINT_VARIABLE = "DANGQUN_TEST_KILL_AT"
_kill_point_visits: dict[str, int] = {}
_SQLITE_BUSY_OR_LOCKED = (5, 6)


def kill_point(step: str) -> None:
    """Test hook (see the module docstring): SIGKILL this process at ``step`` when asked."""
    wanted = os.environ.get(KILL_POINT_VARIABLE)
    if not wanted:
        return
    name, _colon, count = wanted.partition(":")
    if name != step:
        return
    _kill_point_visits[step] = _kill_point_visits.get(step, 0) + 1
    if _kill_point_visits[step] >= int(count or 1):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # local wall-clock time, as in the file name
    kind: str
    size_bytes: int
    restored_key_files: tuple[str, ...] = ()
    """After a restore: key files that were missing and came back from an old backup."""

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
    return sorted((b for b in found if b is not None), key=_newest_first_key, reverse=True)


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


SQLITE_SIDECAR_SUFFIXES = ("-journal", "-wal", "-shm")
"""Files SQLite keeps beside a database it writes; a failed copy can leave its rollback journal
(seen on a full disk: the partial file was deleted, its ``-journal`` stayed)."""


def remove_with_sidecars(path: Path) -> list[Path]:
    """Delete ``path`` and any SQLite sidecar files beside it; returns what existed."""
    removed = []
    for candidate in (path, *(path.with_name(path.name + s) for s in SQLITE_SIDECAR_SUFFIXES)):
        if candidate.exists():
            candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


def create_backup(
    database_path: Path,
    backup_dir: Path,
    kind: str,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BackupFile:
    """Copy the live database into ``backup_dir``; raise :class:`BackupError` in Chinese."""
    if kind not in ALL_KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if not database_path.exists() or database_path.stat().st_size == 0:
        raise BackupError("还没有数据库文件（或数据库文件是空的），无需备份。")
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
        create_private_database_file(partial)
        kill_point("backup-partial-created")
        _copy_database(database_path, partial, progress)
        kill_point("backup-copied")
        _verify_integrity(partial)
        os.replace(partial, target)
        kill_point("backup-renamed")
    except BaseException as error:
        remove_with_sidecars(partial)
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
    busy_since: list[float] = []
    try:

        def report(status: int, remaining: int, total: int) -> None:
            kill_point("backup-copy")
            if status in _SQLITE_BUSY_OR_LOCKED:
                if not busy_since:
                    busy_since.append(time.monotonic())
                elif time.monotonic() - busy_since[0] > GIVE_UP_AFTER_SECONDS:
                    raise BackupError(
                        f"备份失败：数据库文件“{source_path.name}”一直被占用或无法读取"
                        f"（已等待 {GIVE_UP_AFTER_SECONDS:.0f} 秒）。请关闭其他使用它的程序，"
                        "并检查文件是否被设为只读后重试。原数据库没有改动。"
                    )
                return
            busy_since.clear()
            if progress is not None:
                progress(total - remaining, total)

        source.backup(target, pages=_PAGES_PER_STEP, progress=report, sleep=0.05)
        target.execute("PRAGMA journal_mode = DELETE")
        target.commit()
    finally:
        target.close()
        source.close()


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
