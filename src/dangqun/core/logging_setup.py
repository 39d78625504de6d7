"""Log files in <data dir>/logs, so a front desk can send us what happened.

The log is rotated when the app starts, not while it runs: ``dangqun.log`` over 2 MB becomes
``dangqun.log.1`` (and so on, five kept) before this run appends to a fresh one. A day at a
front desk writes a few kilobytes, so a file never grows far past the limit. Rotating this way
needs only :class:`logging.FileHandler`; ``logging.handlers.RotatingFileHandler`` would pull in
``socket``, ``pickle`` and ``queue`` — ~10 ms on the way to the first window.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_FILE_NAME = "dangqun.log"
ROTATE_AT_BYTES = 2_000_000
KEPT_OLD_FILES = 5


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "dangqun_handler", False):
            root.removeHandler(handler)
            handler.close()
    rotate_if_large(log_path)
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.dangqun_handler = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return log_path


def rotate_if_large(log_path: Path) -> None:
    """``dangqun.log`` → ``.1`` → ``.2`` … when it has reached :data:`ROTATE_AT_BYTES`."""
    try:
        if log_path.stat().st_size < ROTATE_AT_BYTES:
            return
    except FileNotFoundError:
        return
    for number in range(KEPT_OLD_FILES, 0, -1):
        older = log_path.with_name(f"{log_path.name}.{number}")
        newer = log_path if number == 1 else log_path.with_name(f"{log_path.name}.{number - 1}")
        if newer.exists():
            os.replace(newer, older)
