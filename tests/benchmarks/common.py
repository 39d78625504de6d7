"""Helpers shared by the benchmarks: a prepared data directory and JSON output."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PASSWORD = "benchmark-pass-1"


def run_cli(data_dir: Path, *arguments: str, stdin: str | None = None) -> None:
    """``dangqun``, signed in as the benchmark's ``admin`` (not for ``init``, which passes its
    own ``--password-stdin`` and needs no user)."""
    sign_in: list[str] = []
    if "init" not in arguments:
        sign_in = ["--user", "admin", "--password-stdin"]
        stdin = PASSWORD + "\n" + (stdin or "")
    subprocess.run(
        [sys.executable, "-m", "dangqun", "--data-dir", str(data_dir), *sign_in, *arguments],
        input=stdin,
        text=True,
        check=True,
        capture_output=True,
    )


def prepared_center(data_dir: Path, members: int) -> Path:
    """An initialized center with ``members`` demo members (reused if already there)."""
    marker = data_dir / f".benchmark-{members}"
    if marker.exists():
        return data_dir
    run_cli(
        data_dir, "init", "--center-name", "翠湖社区党群服务中心", "--division-code",
        "530102001001", "--admin", "admin", "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    run_cli(data_dir, "demo", "--members", str(members))
    marker.touch()
    return data_dir


def timed(function: Any, *arguments: Any) -> float:
    start = time.perf_counter()
    function(*arguments)
    return time.perf_counter() - start


def emit(name: str, figures: dict[str, Any]) -> dict[str, Any]:
    record = {"benchmark": name, **figures}
    print(json.dumps(record, ensure_ascii=False), flush=True)
    return record
