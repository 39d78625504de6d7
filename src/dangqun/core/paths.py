"""Where a center's data lives: one directory holding the database and everything beside it.

Chosen by ``--data-dir``, else ``DANGQUN_DATA_DIR``, else the platform's user data directory
(platformdirs), so a USB-stick install or a test can point the whole app elsewhere.

Everything in it is owner-only (issue 10: a 0644 backup let another account of the computer read
the verification key and forge a certificate): directories 0700, files 0600 on POSIX, an
owner-only ACL on Windows where ``icacls`` can set one. :meth:`DataPaths.prepare` sets the
process umask to 077, so whatever this process creates afterwards — the database, the -wal and
-shm files SQLite creates with the database's own mode, backups, logs, the lock — is born
owner-only, and it tightens what an older version left readable. Code that writes personal data
or keys *outside* the data directory (an export the user placed on the desktop) calls
:func:`make_private_file` on it.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from dangqun.core.errors import DataDirectoryError

DATA_DIR_ENVIRONMENT_VARIABLE = "DANGQUN_DATA_DIR"
DATABASE_FILE_NAME = "dangqun.sqlite3"
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIRECTORY_MODE = 0o700
PRIVATE_UMASK = 0o077

_log = logging.getLogger(__name__)


def make_private_file(path: str | os.PathLike[str]) -> None:
    """Let only the account running dangqun read or write ``path`` (0600; owner-only ACL)."""
    _make_private(Path(path), PRIVATE_FILE_MODE, directory=False)


def make_private_directory(path: str | os.PathLike[str]) -> None:
    """Let only the account running dangqun list or enter ``path`` (0700; owner-only ACL)."""
    _make_private(Path(path), PRIVATE_DIRECTORY_MODE, directory=True)


def write_private_file(target: Path, content: bytes) -> None:
    """Write ``target`` owner-only from its first byte, complete or not at all: the bytes go to
    a partial file beside it, are synced, and the partial file is renamed over ``target``.
    Raises the ``OSError``; the partial file never stays behind."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        make_private_file(partial)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def restrict_new_files() -> None:
    """Make every file and folder this process creates from now on owner-only (umask 077).

    SQLite creates the database with 0644 masked by the umask and gives its -wal, -shm and
    journal files the database's mode, so the umask is what keeps those private from birth;
    Windows has no umask (the data directory's inherited ACL does that job there).
    """
    if sys.platform != "win32":
        os.umask(PRIVATE_UMASK)


if sys.platform == "win32":

    def _make_private(path: Path, mode: int, directory: bool) -> None:
        """Best effort: an ACL granting only the current user, inherited by what is created inside.

        ``icacls`` ships with every Windows since Vista; when it fails (a FAT stick, a network
        share, a locked-down PC) the file keeps its ACL and the failure is logged, never fatal —
        the data is then as private as the folder the administrator chose for it.
        """
        import getpass
        import subprocess

        os.chmod(path, stat.S_IREAD | stat.S_IWRITE)  # clears the read-only flag only
        grant = f"{getpass.getuser()}:(OI)(CI)F" if directory else f"{getpass.getuser()}:F"
        try:
            result = subprocess.run(
                ["icacls", str(path), "/inheritance:r", "/grant:r", grant],
                capture_output=True,
                check=False,
                creationflags=subprocess.CREATE_NO_WINDOW,
            )
        except OSError as error:
            _log.warning("无法设置“%s”的访问权限（%s）", path, error)
            return
        if result.returncode != 0:
            _log.warning("无法设置“%s”的访问权限（icacls 返回 %s）", path, result.returncode)

else:

    def _make_private(path: Path, mode: int, directory: bool) -> None:
        os.chmod(path, mode, follow_symlinks=False)


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def lock_file(self) -> Path:
        return self.root / "dangqun.lock"

    @property
    def ui_settings(self) -> Path:
        """Per-machine window geometry and similar; not center data, never synced."""
        return self.root / "ui-state.ini"

    @property
    def private_directories(self) -> tuple[Path, ...]:
        return (self.root, self.backups, self.keys, self.exports, self.logs)

    def prepare(self) -> None:
        """Create the directory tree owner-only, tighten what is already there, and prove it is
        writable, or explain in Chinese why not (issue 10: owner-only files)."""
        restrict_new_files()
        try:
            for directory in self.private_directories:
                directory.mkdir(mode=PRIVATE_DIRECTORY_MODE, parents=True, exist_ok=True)
            self.tighten_permissions()
            # os.open, not tempfile: that module's imports cost ~5 ms before the first window.
            probe = self.root / f".write-test-{os.getpid()}"
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
            probe.unlink()
        except OSError as error:
            raise DataDirectoryError(
                f"数据目录“{self.root}”无法写入（{error.strerror or error}）。"
                "请检查文件夹权限，或用 --data-dir 指定另一个目录。"
            ) from error

    def tighten_permissions(self) -> None:
        """Owner-only for our folders and every file in them, as older versions left 0644 files.

        On POSIX a few dozen ``chmod`` calls (well under a millisecond). On Windows only the
        data directory's ACL is set: the files inside inherit it, and one ``icacls`` per file
        would cost a process start each on the way to the first window.
        """
        if sys.platform == "win32":
            _tighten(self.root, PRIVATE_DIRECTORY_MODE, directory=True)
            return
        for directory in self.private_directories:
            _tighten(directory, PRIVATE_DIRECTORY_MODE, directory=True)
        # The root's own files (database, -wal, -shm, lock, ui-state.ini), our folders whole;
        # never the root's other folders, in case --data-dir points somewhere shared.
        for name in os.listdir(self.root):
            _tighten(self.root / name, PRIVATE_FILE_MODE, directory=False)
        for directory in self.private_directories[1:]:
            for folder, subfolders, names in os.walk(directory):
                for name in subfolders:
                    _tighten(Path(folder) / name, PRIVATE_DIRECTORY_MODE, directory=True)
                for name in names:
                    _tighten(Path(folder) / name, PRIVATE_FILE_MODE, directory=False)


def _tighten(path: Path, mode: int, directory: bool) -> None:
    """Clear group and other bits of one file or folder we own; symbolic links are left alone."""
    try:
        status = path.lstat()
    except FileNotFoundError:
        return  # removed meanwhile (a rotated log)
    if stat.S_ISLNK(status.st_mode) or stat.S_ISDIR(status.st_mode) != directory:
        return
    if stat.S_IMODE(status.st_mode) & ~mode == 0:
        return
    try:
        _make_private(path, mode, directory)
    except OSError as error:
        # Another account's file in our folder: report it, the app can still run.
        _log.warning("无法收紧“%s”的访问权限（%s）", path, error.strerror or error)


def resolve_data_paths(explicit: str | os.PathLike[str] | None = None) -> DataPaths:
    if explicit:
        return DataPaths(Path(explicit).expanduser().resolve())
    from_environment = os.environ.get(DATA_DIR_ENVIRONMENT_VARIABLE)
    if from_environment:
        return DataPaths(Path(from_environment).expanduser().resolve())
    return DataPaths(Path(platformdirs.user_data_dir("dangqun", appauthor=False)))
