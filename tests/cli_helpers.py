"""The real ``dangqun`` command line in a separate process, signed in as a test user.

Every command that reads or changes center data needs ``--user`` and a password (issue 10), so
:func:`run_cli` adds ``--user NAME --password-stdin`` and puts the password on the first line of
standard input, before whatever else the command reads there (``init``'s new password, a key
passphrase). ``user=None`` runs without signing in (``init``, ``verify``, refusals).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ADMIN_PASSWORD, CENTER_ANSWERS

CLI = [sys.executable, "-m", "dangqun"]
PASSWORDS = {"admin": ADMIN_PASSWORD}
"""Passwords of the users tests create; a test adding a user adds it here for its run."""


def run_cli(
    data_dir: Path,
    *arguments: str,
    user: str | None = "admin",
    password: str | None = None,
    stdin: str | None = None,
    timeout: int = 240,
) -> subprocess.CompletedProcess[str]:
    """``dangqun --data-dir DIR [--user USER --password-stdin] ARGUMENTS``."""
    sign_in: list[str] = []
    if user is not None:
        sign_in = ["--user", user, "--password-stdin"]
        secret = password if password is not None else PASSWORDS.get(user, ADMIN_PASSWORD)
        stdin = secret + "\n" + (stdin or "")
    return run_words(
        "--data-dir", str(data_dir), *sign_in, *arguments, stdin=stdin, timeout=timeout
    )


def run_words(
    *arguments: str, stdin: str | None = None, timeout: int = 240
) -> subprocess.CompletedProcess[str]:
    """``dangqun`` with exactly these words, without a display or a default data directory."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.pop("QT_QPA_PLATFORM", None)  # the CLI must cope without being told
    environment.pop("DANGQUN_DATA_DIR", None)
    return subprocess.run(
        [*CLI, *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        check=False,
    )


def init(
    data_dir: Path, code: str = CENTER_ANSWERS.division_code
) -> subprocess.CompletedProcess[str]:
    """``dangqun init`` of the test center, its administrator ``admin`` with the test password."""
    return run_cli(
        data_dir,
        "init",
        "--center-name",
        CENTER_ANSWERS.center_name,
        "--division-code",
        code,
        "--admin",
        CENTER_ANSWERS.admin_username,
        "--admin-name",
        CENTER_ANSWERS.admin_display_name,
        "--password-stdin",
        user=None,
        stdin=ADMIN_PASSWORD + "\n",
    )
