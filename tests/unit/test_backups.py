"""Online backups, rotation, a full disk, and restore with its safety checks."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.bootstrap import backup_now, restore_from_file, run_automatic_backup_if_due
from dangqun.core.backup import (
    BackupFile,
    backups_to_delete,
    create_backup,
    list_backups,
    restore_backup,
)
from dangqun.core.errors import BackupError, PermissionDenied
from dangqun.core.security import Role
from dangqun.core.users import User, authenticate, create_user
from dangqun.demo import generate_demo_data


def _usernames(application) -> list[str]:
    with application.database.reading() as session:
        return list(session.scalars(select(User.username).order_by(User.id)))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_is_a_complete_checked_sqlite_copy(application, admin):
    backup = backup_now(application, admin)
    assert backup.kind == "manual" and backup.path.parent == application.paths.backups
    connection = sqlite3.connect(backup.path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("SELECT username FROM users").fetchall() == [("admin",)]
    connection.close()
    assert list_backups(application.paths.backups)[0].path == backup.path
    assert not list(application.paths.backups.glob("*.partial"))


def test_read_only_user_may_not_back_up(application, admin):
    create_user(application.database, admin, "guest", "访客", Role.READ_ONLY, "password-123")
    viewer = authenticate(application.database, "guest", "password-123")
    with pytest.raises(PermissionDenied):
        backup_now(application, viewer)


def test_daily_backup_is_taken_once_a_day(application):
    first = run_automatic_backup_if_due(application)
    assert first is not None and first.kind == "daily"
    assert run_automatic_backup_if_due(application) is None


def _make_backup_file(directory: Path, taken_at: datetime, kind: str) -> BackupFile:
    path = directory / f"dangqun-{taken_at:%Y%m%d-%H%M%S}-{kind}.sqlite3"
    path.write_bytes(b"")
    return BackupFile(path, taken_at, kind, 0)


def test_rotation_keeps_seven_daily_and_four_weekly_and_every_manual(tmp_path):
    start = datetime(2026, 9, 1, 9, 0)
    backups = [
        _make_backup_file(tmp_path, start + timedelta(days=day), "daily") for day in range(60)
    ]
    backups += [
        _make_backup_file(tmp_path, start + timedelta(days=day, hours=9), "exit")
        for day in range(60)
    ]
    manual = _make_backup_file(tmp_path, start, "manual")
    deleted = {b.path for b in backups_to_delete([*backups, manual])}
    kept = [b for b in backups if b.path not in deleted]
    kept_days = sorted({b.taken_at.date() for b in kept})
    newest_day = (start + timedelta(days=59)).date()
    last_seven = [newest_day - timedelta(days=n) for n in range(7)]
    assert set(last_seven) <= set(kept_days)
    assert all(b.kind == "exit" for b in kept if b.taken_at.date() in last_seven)
    weeks = {b.taken_at.isocalendar()[:2] for b in kept}
    assert len(weeks) == 4
    assert len(kept) <= 7 + 4
    assert manual.path not in deleted


_FULL_DISK_SCRIPT = """
import sys
from pathlib import Path
import dangqun.core.backup as backup
from dangqun.core.errors import BackupError

database, target = Path(sys.argv[1]), Path(sys.argv[2])
real_usage = backup.shutil.disk_usage
# The disk looks roomy when the backup starts and fills up while it is written.
backup.shutil.disk_usage = lambda path: real_usage(path)._replace(free=10**12)
try:
    backup.create_backup(database, target, "manual")
    print("no error")
except BackupError as error:
    print(error.message)
print("left:", sorted(p.name for p in target.iterdir()))
"""


def _run_backup_on_full_disk(database: Path, tmp_path: Path) -> str:
    """Back up onto a real 192 KiB tmpfs in a private mount namespace (no trace left behind)."""
    tiny = tmp_path / "tiny-disk"
    tiny.mkdir()
    namespace = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    shell = 'mount -t tmpfs -o size=192k tmpfs "$2" && exec "$0" -c "$1" "$3" "$2"'
    command = [
        *namespace,
        "sh",
        "-c",
        shell,
        sys.executable,
        _FULL_DISK_SCRIPT,
        str(tiny),
        str(database),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_rotation_keeps_the_later_of_two_backups_taken_in_the_same_second(tmp_path):
    moment = datetime(2026, 11, 20, 17, 30, 5)
    daily = _make_backup_file(tmp_path, moment, "daily")
    exit_backup = _make_backup_file(tmp_path, moment, "exit")
    os.utime(daily.path, ns=(1_000_000_000, 1_000_000_000))
    os.utime(exit_backup.path, ns=(2_000_000_000, 2_000_000_000))
    assert [b.path for b in backups_to_delete([exit_backup, daily])] == [daily.path]
    assert [b.path for b in backups_to_delete([daily, exit_backup])] == [daily.path]


def test_backup_names_are_read_back_to_the_second_and_impossible_ones_ignored(tmp_path):
    (tmp_path / "dangqun-20261122-143005-daily.sqlite3").write_bytes(b"x")
    (tmp_path / "dangqun-20261122-143005-2-manual.sqlite3").write_bytes(b"x")
    (tmp_path / "dangqun-20261340-250000-daily.sqlite3").write_bytes(b"x")  # month 13
    (tmp_path / "dangqun-20261122-143005-daily.sqlite3.partial").write_bytes(b"x")

    found = list_backups(tmp_path)

    assert sorted((b.taken_at, b.kind) for b in found) == [
        (datetime(2026, 11, 22, 14, 30, 5), "daily"),
        (datetime(2026, 11, 22, 14, 30, 5), "manual"),
    ]


def test_full_disk_during_backup_leaves_no_file_and_original_untouched(
    application, admin, tmp_path
):
    generate_demo_data(application.database, admin, 1500, seed=3)  # about 1 MB: cannot fit
    application.database.dispose()  # checkpoints the WAL into the main file
    original = _digest(application.paths.database)
    output = _run_backup_on_full_disk(application.paths.database, tmp_path)
    assert "备份失败：磁盘已满" in output
    assert "left: []" in output
    assert _digest(application.paths.database) == original


def test_too_little_free_space_is_refused_before_writing(application, monkeypatch):
    usage = shutil.disk_usage(application.paths.backups)
    monkeypatch.setattr(
        "dangqun.core.backup.shutil.disk_usage", lambda _path: usage._replace(free=1024)
    )
    with pytest.raises(BackupError, match="剩余空间不足"):
        create_backup(application.paths.database, application.paths.backups, "manual")
    assert list(application.paths.backups.iterdir()) == []


def test_restore_brings_back_earlier_data_and_keeps_a_safety_copy(application, admin):
    backup = backup_now(application, admin)
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    assert _usernames(application) == ["admin", "liming"]
    safety = restore_from_file(application, admin, backup.path)
    assert _usernames(application) == ["admin"]
    assert safety.kind == "pre-restore"
    connection = sqlite3.connect(safety.path)
    assert connection.execute("SELECT count(*) FROM users").fetchone() == (2,)
    connection.close()
    with application.database.reading() as session:
        from dangqun.core.audit import AuditEntry

        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.action == "backup.restore"


def test_staff_may_not_restore(application, admin):
    backup = backup_now(application, admin)
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    staff = authenticate(application.database, "liming", "password-123")
    with pytest.raises(PermissionDenied):
        restore_from_file(application, staff, backup.path)


def test_restore_refuses_a_damaged_file_and_changes_nothing(application, admin, tmp_path):
    backup = backup_now(application, admin)
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(backup.path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(
        page_size * 2, len(data), 97
    ):  # scribble over every page after the first two
        data[offset] = 0xFF
    damaged.write_bytes(bytes(data))
    application.database.dispose()
    before = _digest(application.paths.database)
    with pytest.raises(BackupError, match=r"完整性检查未通过|已损坏"):
        restore_backup(damaged, application.paths.database, application.paths.backups, ["0001"])
    assert _digest(application.paths.database) == before
    assert [b.kind for b in list_backups(application.paths.backups)] == ["manual"]


def test_restore_refuses_non_sqlite_foreign_and_newer_files(application, admin, tmp_path):
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello")
    with pytest.raises(BackupError, match="不是 SQLite 数据库文件"):
        restore_from_file(application, admin, text_file)
    foreign = tmp_path / "foreign.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="不是 dangqun 的备份"):
        restore_from_file(application, admin, foreign)
    newer = backup_now(application, admin).path
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="更新版本"):
        restore_from_file(application, admin, newer)
    with pytest.raises(BackupError, match="找不到备份文件"):
        restore_from_file(application, admin, tmp_path / "missing.sqlite3")
    assert _usernames(application) == ["admin"]


def test_backups_carry_key_files_and_restore_brings_back_only_missing_ones(application, admin):
    keys = application.paths.keys
    (keys / "verification.key").write_text("ab" * 32)
    (keys / "district").mkdir()
    (keys / "district" / "public.pem").write_text("-----BEGIN PUBLIC KEY-----")
    backup = backup_now(application, admin)
    (keys / "verification.key").unlink()  # the PC was replaced: keys/ is empty again
    (keys / "district" / "public.pem").write_text("a newer key that must survive")
    safety = restore_from_file(application, admin, backup.path)
    assert (keys / "verification.key").read_text() == "ab" * 32
    assert (keys / "district" / "public.pem").read_text() == "a newer key that must survive"
    assert safety.restored_key_files == ("verification.key",)
    connection = sqlite3.connect(application.paths.database)
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    connection.close()
    assert "dangqun_backup_key_files" not in tables
