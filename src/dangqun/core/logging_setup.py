"""Log files in <data dir>/logs, so a front desk can send us what happened.

The log is rotated when the app starts, not while it runs: ``dangqun.log`` over 2 MB becomes
``dangqun.log.1`` (and so on, five kept) before this run appends to a fresh one. A day at a
front desk writes a few kilobytes, so a file never grows far past the limit. Rotating this way
needs only :class:`logging.FileHandler`; ``logging.handlers.RotatingFileHandler`` would pull in
``socket``, ``pickle`` and ``queue`` — ~10 ms on the way to the first window.

Nothing personal reaches the file (issue 10: a failed import once logged twenty ID numbers
with their phones, from SQLAlchemy's bound parameters). Engines hide their parameters
(:mod:`dangqun.core.db`); as a second line, every record — message and traceback — passes
:func:`redact_personal_data` on its way out, and the crash dialog shows the same redacted text.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

LOG_FILE_NAME = "dangqun.log"
ROTATE_AT_BYTES = 2_000_000
KEPT_OLD_FILES = 5

_LONG_DIGIT_RUN = re.compile(r"\d{11,}[Xx]?")
"""11 digits or more: a mobile number (``1`` + 10 digits), a 公民身份号码 (17 digits + check
character), or something longer that may hold either. Nothing a log needs is that long."""
_STATEMENT_PARAMETERS = re.compile(r"\[parameters: [^\n]*")
"""SQLAlchemy's ``[parameters: (…)]`` line, from an engine that did not hide them."""
_ROW_DETAIL = re.compile(r"^DETAIL: [^\n]*", re.MULTILINE)
"""PostgreSQL's ``DETAIL:  Key (id_number)=(…) already exists.``: the row's values."""


def redact_personal_data(text: str) -> str:
    """``text`` without statement parameters, row details and long digit runs (an ID number
    becomes ``**************1234``, a phone ``*******5678``): what a log or a crash report may
    carry. Names and addresses have no pattern; they stay out by never being formatted."""
    text = _STATEMENT_PARAMETERS.sub("[parameters hidden]", text)
    text = _ROW_DETAIL.sub("DETAIL: [hidden]", text)
    return _LONG_DIGIT_RUN.sub(_mask_digits, text)


def _mask_digits(match: re.Match[str]) -> str:
    digits = match.group()
    return "*" * (len(digits) - 4) + digits[-4:]


class RedactingFormatter(logging.Formatter):
    """The log line, traceback included, after :func:`redact_personal_data`."""

    def format(self, record: logging.LogRecord) -> str:
        return redact_personal_data(super().format(record))


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
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
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
