"""Kill harness (issue 10): backup and restore SIGKILLed at every step, then the center opens whole.

A restore killed between the copy and dropping the key table once left the live database
holding ``dangqun_backup_key_files`` and broke every later backup. Here a child process runs a
backup or a restore with ``DANGQUN_TEST_KILL_AT=<step>[:<n>]`` (:func:`dangqun.core.backup.
kill_point`: SIGKILL at the n-th time the named step is reached), and after each kill the test
opens the data directory and asserts:

* the database is the old one or the new one in full (its users are exactly one or the other),
* ``check`` passes, and the keys are absent or complete and owner-only,
* no ``.partial``, restore copy or restore journal is left,
* a following backup and restore work.

Each step is killed ``DANGQUN_KILL_ROUNDS`` times (default 2, for CI), each in a fresh copy of
the center; in the copy loops round *n* kills at the *n*-th copy step. More::

    DANGQUN_KILL_ROUNDS=10 .venv/bin/python -m pytest -q -m slow \
        tests/integration/test_backup_restore_kills.py
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.bootstrap import backup_now, check_application, open_application, restore_from_file
from dangqun.core import restore
from dangqun.core.backup import create_backup
from dangqun.core.paths import DataPaths
from dangqun.core.security import Role, system_actor
from dangqun.core.users import User, create_user
from tests.conftest import copy_database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

ROUNDS = int(os.environ.get("DANGQUN_KILL_ROUNDS", "2"))
BACKUP_STEPS = ("backup-started", "backup-partial-created", "backup-copy", "backup-copied")
RESTORE_STEPS = (
    "restore-started",
    "restore-copy",
    "restore-copied",
    "restore-migrated",
    "restore-keys-written",
    "restore-prepared",
    "restore-wal-folded",
    "restore-journal-written",
    "restore-before-rename",
    "restore-renamed",
)
REPEATED_STEPS = {"backup-copy", "restore-copy"}
"""Reached once per copied chunk: round n kills at the n-th (none when the copy is shorter)."""
KEY = b"\x5a" * 32

CHILD = """
import sys
from pathlib import Path
from dangqun.bootstrap import backup_now, open_application, restore_from_file
from dangqun.core.paths import DataPaths
from dangqun.core.security import system_actor

application = open_application(DataPaths(Path(sys.argv[2])))
if sys.argv[1] == "backup":
    backup_now(application, system_actor("测试"))
else:
    restore_from_file(application, system_actor("测试"), Path(sys.argv[3]))
application.close()
"""


def _usernames(paths: DataPaths) -> list[str]:
    application = open_application(paths)
    try:
        with application.database.reading() as session:
            return list(session.scalars(select(User.username).order_by(User.id)))
    finally:
        application.close()


def _center_for_kills(prepared_centers, root: Path) -> tuple[DataPaths, Path]:
    """A center whose data holds admin + liming, and an old-style backup holding admin only
    with the verification key inside (so the key step of a restore is reached)."""
    paths = DataPaths(root / "data")
    copy_database(prepared_centers.database(demo_members=200), paths.database)
    application = open_application(paths)
    try:
        backup = create_backup(paths.database, root, "manual")
        connection = sqlite3.connect(backup.path)
        connection.execute(
            "CREATE TABLE dangqun_backup_key_files (path TEXT PRIMARY KEY, content BLOB)"
        )
        connection.execute(
            "INSERT INTO dangqun_backup_key_files VALUES ('verification.key', ?)", (KEY,)
        )
        connection.commit()
        connection.close()
        create_user(
            application.database, system_actor("测试"), "liming", "李明", Role.STAFF, "password-123"
        )
    finally:
        application.close()
    return paths, backup.path


def _run_child(paths: DataPaths, kill_at: str, backup: Path) -> int:
    mode = "backup" if kill_at.startswith("backup") else "restore"
    environment = {**os.environ, "DANGQUN_TEST_KILL_AT": kill_at}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(paths.root), str(backup)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode in (0, -signal.SIGKILL), result.stderr
    return result.returncode


def _leftovers(paths: DataPaths) -> list[str]:
    database = paths.database
    found = [p.name for p in paths.backups.glob("*.partial")]
    found += [
        p.name
        for p in (restore.prepared_path(database), restore.journal_path(database))
        if p.exists()
    ]
    return found


def _assert_whole_and_usable(paths: DataPaths, backup: Path, step: str) -> None:
    users = _usernames(paths)  # opening tidies up what the kill left
    assert users in (["admin", "liming"], ["admin"]), (step, users)
    assert _leftovers(paths) == [], step
    key = paths.keys / "verification.key"
    if key.exists():
        assert key.read_bytes() == KEY
        assert key.stat().st_mode & 0o777 == 0o600
    application = open_application(paths)
    try:
        report = check_application(application)
        assert report.ok, (step, report.problems)
        actor = system_actor("测试")
        again = backup_now(application, actor)
        restore_from_file(application, actor, again.path)
        restore_from_file(application, actor, backup)
        with application.database.reading() as session:
            assert list(session.scalars(select(User.username))) == ["admin"]
        assert check_application(application).ok
    finally:
        application.close()
    connection = sqlite3.connect(paths.database)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "dangqun_backup_key_files" not in tables, step


@pytest.mark.parametrize("step", [*BACKUP_STEPS, *RESTORE_STEPS])
def test_backup_and_restore_survive_a_kill_at_every_step(step, prepared_centers, tmp_path):
    killed = 0
    for round_number in range(1, ROUNDS + 1):
        paths, backup = _center_for_kills(prepared_centers, tmp_path / f"round-{round_number}")
        count = round_number if step in REPEATED_STEPS else 1
        if _run_child(paths, f"{step}:{count}", backup) == -signal.SIGKILL:
            killed += 1
        _assert_whole_and_usable(paths, backup, step)
    assert killed >= 1, f"the kill point {step} was never reached"
