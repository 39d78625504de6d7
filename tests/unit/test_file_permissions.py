"""Owner-only files (issue 10): another account of the computer reads nothing of a center.

The attack this answers: backups were 0644, so ``nobody`` read the verification key out of one
and forged a certificate that ``verify`` called 有效. Everything under the data directory is
created 0700/0600 whatever the user's umask, including the -wal/-shm files SQLite creates with the
database's own mode, and what an older version left readable is tightened at the next start.
POSIX only: Windows gets an owner-only ACL best effort (core/paths.py says why it is not tested).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dangqun.bootstrap import open_application
from dangqun.core.paths import DataPaths, make_private_directory, make_private_file
from tests.cli_helpers import init, run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows uses ACLs")


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual desktop umask, under which files are world-readable unless we take care."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _entries(root: Path) -> list[Path]:
    return [root, *sorted(root.rglob("*"))]


def _loose(root: Path) -> list[str]:
    """Every file or folder under ``root`` that another account could read, enter or write."""
    return [
        f"{path.relative_to(root)} {stat.S_IMODE(path.lstat().st_mode):o}"
        for path in _entries(root)
        if stat.S_IMODE(path.lstat().st_mode) & 0o077
    ]


@pytest.mark.slow
def test_a_center_made_by_the_real_command_line_is_owner_only(tmp_path: Path, open_umask: None):
    data_dir = tmp_path / "center"
    assert init(data_dir).returncode == 0
    # A backup, a log, a key and the -wal/-shm of a database in use: everything a center holds.
    assert run_cli(data_dir, "backup").returncode == 0
    printed = run_cli(data_dir, "print", "volunteer_certificate", "--sample", "--out",
                      str(data_dir / "exports" / "sample.pdf"))  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    paths = DataPaths(data_dir)
    application = open_application(paths)  # holds the database open: -wal and -shm exist
    try:
        with application.database.reading() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM users").scalar()
        names = {path.name for path in _entries(data_dir)}
        for expected in ("dangqun.sqlite3", "dangqun.sqlite3-wal", "dangqun.sqlite3-shm",
                         "dangqun.lock", "verification.key", "sync-signing.key", "dangqun.log",
                         "sample.pdf"):  # fmt: skip
            assert expected in names
        assert any(path.suffix == ".sqlite3" for path in paths.backups.iterdir())
        assert _loose(data_dir) == []
        modes = {stat.S_IMODE(path.stat().st_mode) for path in _entries(data_dir)}
        assert modes == {0o700, 0o600}
    finally:
        application.close()


def test_loose_permissions_left_by_an_older_version_are_tightened_at_start(
    tmp_path: Path, open_umask: None
):
    paths = DataPaths(tmp_path / "center")
    open_application(paths).close()
    (paths.keys / "verification.key").write_text("00" * 32)
    (paths.backups / "dangqun-20260101-0000.sqlite3").write_bytes(b"old backup")
    (paths.exports / "nested").mkdir()
    (paths.exports / "nested" / "roster.xlsx").write_bytes(b"personal data")
    for path in _entries(paths.root):
        path.chmod(0o777 if path.is_dir() else 0o644)
    assert len(_loose(paths.root)) == len(_entries(paths.root))

    open_application(paths).close()

    assert _loose(paths.root) == []


def test_tightening_leaves_other_folders_in_the_data_directory_alone(
    tmp_path: Path, open_umask: None
):
    """A --data-dir pointed at a shared folder must not rewrite the modes of the user's folders."""
    paths = DataPaths(tmp_path / "center")
    shared = paths.root / "photos"
    shared.mkdir(parents=True)
    (shared / "team.jpg").write_bytes(b"jpeg")
    paths.prepare()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "team.jpg").stat().st_mode) == 0o644


def test_helpers_make_one_file_or_folder_private(tmp_path: Path, open_umask: None):
    report = tmp_path / "report.json"
    report.write_text("{}")
    folder = tmp_path / "exports"
    folder.mkdir()
    make_private_file(report)
    make_private_directory(folder)
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
