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

from dangqun.bootstrap import (
    FirstRunAnswers,
    backup_now,
    initialize_center,
    open_application,
    restore_from_file,
    run_automatic_backup_if_due,
)
from dangqun.core import restore
from dangqun.core.audit import AuditEntry
from dangqun.core.backup import (
    BackupFile,
    backups_to_delete,
    create_backup,
    list_backups,
)
from dangqun.core.center import center_info
from dangqun.core.errors import BackupError, OtherCenterBackup, PermissionDenied
from dangqun.core.paths import DataPaths
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


@pytest.mark.slow
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
        restore_from_file(application, admin, damaged)
    application.database.dispose()
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


def _tables(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
    finally:
        connection.close()


def _actions(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT action FROM audit_log ORDER BY id")]
    finally:
        connection.close()


def test_ordinary_backups_carry_no_key_and_are_owner_only(application, admin):
    (application.paths.keys / "verification.key").write_text("ab" * 32)
    backup = backup_now(application, admin)
    assert "dangqun_backup_key_files" not in _tables(backup.path)
    assert b"abab" * 16 not in backup.path.read_bytes()
    if os.name == "posix":
        assert backup.path.stat().st_mode & 0o777 == 0o600


def _as_old_backup_with_keys(backup: Path, keys: dict[str, bytes]) -> None:
    """What a backup made before issue 10 looks like: ``keys/`` in a table of its own."""
    connection = sqlite3.connect(backup)
    connection.execute(
        "CREATE TABLE dangqun_backup_key_files (path TEXT PRIMARY KEY, content BLOB)"
    )
    connection.executemany("INSERT INTO dangqun_backup_key_files VALUES (?, ?)", keys.items())
    connection.commit()
    connection.close()


def test_an_old_backups_keys_come_back_only_where_missing_and_owner_only(application, admin):
    keys = application.paths.keys
    backup = backup_now(application, admin)
    _as_old_backup_with_keys(
        backup.path,
        {
            "verification.key": b"ab" * 32,
            "district/public.pem": b"-----BEGIN PUBLIC KEY-----",
            "../outside.key": b"must not escape keys/",
        },
    )
    (keys / "district").mkdir()
    (keys / "district" / "public.pem").write_text("a newer key that must survive")
    safety = restore_from_file(application, admin, backup.path)
    assert (keys / "verification.key").read_bytes() == b"ab" * 32
    if os.name == "posix":
        assert (keys / "verification.key").stat().st_mode & 0o777 == 0o600
    assert (keys / "district" / "public.pem").read_text() == "a newer key that must survive"
    assert not (application.paths.root / "outside.key").exists()
    assert safety.restored_key_files == ("verification.key",)
    assert "dangqun_backup_key_files" not in _tables(application.paths.database)
    # The next backup and restore work (the table once stayed and broke every later one).
    again = backup_now(application, admin)
    restore_from_file(application, admin, again.path)


def test_backup_and_restore_are_audited_as_started_before_and_finished_after(application, admin):
    backup = backup_now(application, admin)
    application.database.dispose()
    assert _actions(application.paths.database)[-2:] == ["backup.started", "backup.create"]
    assert _actions(backup.path)[-1] == "backup.started"  # the copy was taken in between
    safety = restore_from_file(application, admin, backup.path)
    assert _actions(safety.path)[-1] == "restore.started"
    application.database.dispose()
    assert _actions(application.paths.database)[-1] == "backup.restore"
    from dangqun.core.audit import ACTION_LABELS

    assert ACTION_LABELS["backup.started"] == "开始备份"
    assert ACTION_LABELS["restore.started"] == "开始恢复"


def test_a_file_holding_only_the_schema_revision_is_refused(application, admin, tmp_path):
    with application.database.reading() as session:
        from sqlalchemy import text

        head = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    bare = tmp_path / "bare.sqlite3"
    connection = sqlite3.connect(bare)
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    connection.execute("INSERT INTO alembic_version VALUES (?)", (head,))
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="缺少数据表：") as refused:
        restore_from_file(application, admin, bare)
    assert "当前数据没有改动" in refused.value.message
    assert _usernames(application) == ["admin"]
    assert not restore.prepared_path(application.paths.database).exists()


def test_a_backup_whose_invariants_fail_is_refused_with_the_problems(application, admin):
    backup = backup_now(application, admin)
    connection = sqlite3.connect(backup.path)
    connection.execute("DELETE FROM change_counter")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="变更计数器应有 1 行，实有 0 行"):
        restore_from_file(application, admin, backup.path)
    with application.database.reading() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-1] == "restore.started"  # the attempt is on record, nothing was replaced


def _other_center_backup(tmp_path: Path) -> Path:
    paths = DataPaths(tmp_path / "other")
    other = open_application(paths)
    try:
        initialize_center(
            other.database,
            FirstRunAnswers("滇池街道服务中心", "530112002003", "boss", "王五", "password-123456"),
        )
        return create_backup(paths.database, paths.backups, "manual").path
    finally:
        other.close()


def test_another_centers_backup_is_refused_unless_asked_for(application, admin, tmp_path):
    ours = center_info(application.database)
    backup = _other_center_backup(tmp_path)
    with pytest.raises(OtherCenterBackup) as refused:
        restore_from_file(application, admin, backup)
    assert refused.value.backup_center == "滇池街道服务中心（区划代码 530112002003）"
    assert ours.name in refused.value.this_center
    assert center_info(application.database) == ours
    restore_from_file(application, admin, backup, allow_other_center=True)
    assert center_info(application.database).division_code == "530112002003"


def test_stale_partial_files_are_removed_at_the_next_start(initialized_paths):
    initialized_paths.backups.mkdir(parents=True, exist_ok=True)
    stale = initialized_paths.backups / "dangqun-20261122-143005-manual.sqlite3.partial"
    stale.write_bytes(b"half of a copy full of personal data")
    open_application(initialized_paths).close()
    assert not stale.exists()


def test_a_restore_killed_before_the_rename_is_rolled_back_at_the_next_open(application, admin):
    backup = backup_now(application, admin)
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    application.close()
    database = application.paths.database
    restore.copy_to_prepared(backup.path, database)
    restore.journal_path(database).write_text("switching")
    reopened = open_application(application.paths)
    try:
        assert _usernames(reopened) == ["admin", "liming"]
    finally:
        reopened.close()
    assert not restore.prepared_path(database).exists()
    assert not restore.journal_path(database).exists()


def test_a_stale_wal_is_never_replayed_onto_the_switched_in_file(application, admin, tmp_path):
    """Killed after the rename: the old database's -wal (here full of a user the backup lacks)
    must not be applied to the new file; the next open completes the switch without it."""
    backup = backup_now(application, admin)
    database = application.paths.database
    application.database.dispose()
    keep = tmp_path / "keep"
    keep.mkdir()
    writer = sqlite3.connect(database)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE users SET display_name = 'from the stale wal' WHERE username = 'admin'")
    writer.commit()
    shutil.copy(database.with_name(database.name + "-wal"), keep / "stale-wal")
    writer.close()
    application.lock.release()
    application.closed = True
    restore.copy_to_prepared(backup.path, database)
    restore.journal_path(database).write_text("switching")
    os.replace(restore.prepared_path(database), database)
    shutil.copy(keep / "stale-wal", database.with_name(database.name + "-wal"))
    reopened = open_application(application.paths)
    try:
        with reopened.database.reading() as session:
            names = list(session.scalars(select(User.display_name)))
        assert "from the stale wal" not in names
        assert not restore.journal_path(database).exists()
    finally:
        reopened.close()


@pytest.mark.slow
def test_a_backup_that_finds_the_database_busy_gives_up_with_a_message(application, monkeypatch):
    """Issue 10: the backup step answers BUSY while the file is held, and Python's backup()
    retried that forever at full speed; now it gives up after a bounded wait."""
    monkeypatch.setattr("dangqun.core.backup.GIVE_UP_AFTER_SECONDS", 0.5)
    application.database.dispose()
    holder = sqlite3.connect(application.paths.database)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(BackupError, match="一直被占用或无法读取"):
            create_backup(application.paths.database, application.paths.backups, "manual")
    finally:
        holder.rollback()
        holder.close()
    assert list(application.paths.backups.iterdir()) == []


_READ_ONLY_SCRIPT = """
import sys
from pathlib import Path
from dangqun.bootstrap import backup_now, open_application
from dangqun.core.errors import DangqunError
from dangqun.core.paths import DataPaths
from dangqun.core.security import system_actor

application = open_application(DataPaths(Path(sys.argv[1])))
try:
    backup_now(application, system_actor("测试"))
    print("no error")
except DangqunError as error:
    print(error.message)
application.close()
"""


@pytest.mark.skipif(os.name != "posix" or shutil.which("setpriv") is None, reason="POSIX")
def test_backup_of_a_read_only_database_ends_with_a_clear_message(initialized_paths, tmp_path):
    """The database belongs to another account and is 0444 for this one (which runs as an
    ordinary account: root writes read-only files anyway, and start-up tightens the modes of
    files it owns)."""
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="dangqun-read-only-"))
    try:
        data = root / "data"
        shutil.copytree(initialized_paths.root, data)
        prefix: list[str] = []
        if os.geteuid() == 0:
            os.chmod(root, 0o755)
            subprocess.run(["chown", "-R", "nobody", str(data)], check=True)
            os.chown(data / "dangqun.sqlite3", 0, 0)
            prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        (data / "dangqun.sqlite3").chmod(0o444)
        if not prefix:
            pytest.skip("needs root to give the database to another account")
        result = subprocess.run(
            [*prefix, sys.executable, "-c", _READ_ONLY_SCRIPT, str(data)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            cwd="/",
        )
        assert result.returncode == 0, result.stderr
        assert "只读" in result.stdout, result.stdout
        assert "Traceback" not in result.stderr
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_a_partial_backup_and_the_journal_a_full_disk_left_are_removed_at_start(tmp_path):
    """A full disk can leave the rollback journal of a failed copy after its partial file is
    gone; both hold personal data and are removed at the next start."""
    from dangqun.core.restore import remove_stale_partials

    finished = tmp_path / "dangqun-20261206-095353-daily.sqlite3"
    finished.write_bytes(b"a finished backup")
    leftovers = [
        tmp_path / "dangqun-20261206-095353-manual.sqlite3.partial",
        tmp_path / "dangqun-20261206-095353-manual.sqlite3.partial-journal",
        tmp_path / "dangqun-20261206-100000-exit.sqlite3.partial-journal",  # its partial is gone
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"personal data")

    removed = remove_stale_partials(tmp_path)

    assert sorted(removed) == sorted(leftovers)
    assert list(tmp_path.iterdir()) == [finished]
