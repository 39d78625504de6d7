"""Where a center's data lives: one directory holding the database and everything beside it.

Chosen by ``--data-dir``, else ``DANGQUN_DATA_DIR``, else the platform's user data directory
(platformdirs), so a USB-stick install or a test can point the whole app elsewhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from dangqun.core.errors import DataDirectoryError

DATA_DIR_ENVIRONMENT_VARIABLE = "DANGQUN_DATA_DIR"
DATABASE_FILE_NAME = "dangqun.sqlite3"


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

    def prepare(self) -> None:
        """Create the directory tree and prove it is writable, or explain in Chinese why not."""
        try:
            for directory in (self.root, self.backups, self.keys, self.exports, self.logs):
                directory.mkdir(parents=True, exist_ok=True)
            # os.open, not tempfile: that module's imports cost ~5 ms before the first window.
            probe = self.root / f".write-test-{os.getpid()}"
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
            probe.unlink()
        except OSError as error:
            raise DataDirectoryError(
                f"数据目录“{self.root}”无法写入（{error.strerror or error}）。"
                "请检查文件夹权限，或用 --data-dir 指定另一个目录。"
            ) from error


def resolve_data_paths(explicit: str | os.PathLike[str] | None = None) -> DataPaths:
    if explicit:
        return DataPaths(Path(explicit).expanduser().resolve())
    from_environment = os.environ.get(DATA_DIR_ENVIRONMENT_VARIABLE)
    if from_environment:
        return DataPaths(Path(from_environment).expanduser().resolve())
    return DataPaths(Path(platformdirs.user_data_dir("dangqun", appauthor=False)))
