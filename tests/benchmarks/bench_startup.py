"""Start-up to the main window with 100,000 members, against a bare PySide6 QMainWindow.

Targets (foundation issue): at most 2× the bare window's start-up, measured in the same run,
and resident memory under 250 MB after start-up. Each figure is the median of several runs,
timed from process spawn (interpreter start and imports included) by startup_probe.py, which
runs the real ``dangqun --data-dir DIR`` command.

"Start-up" ends when the main window is on screen with its sign-in card, ready for the
password. The database opens behind the sign-in (``dangqun.opening``), so the figures that
follow are reported too: how long after the window the database is open, how long a user waits
from pressing 登录 to the home page with its figures, and the worst case — the password sent
the instant the window appears — from spawn to the home page.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import PASSWORD, emit, prepared_center

PROBE = Path(__file__).with_name("startup_probe.py")


def launch(*arguments: str) -> dict[str, float]:
    """The probe's figures, its timestamps made relative to the spawn.

    Flushing what the previous run wrote (its sign-in's audit entries, the WAL) first keeps one
    run's write-back out of the next run's start-up, bare or not.
    """
    os.sync()
    started = time.time()
    result = subprocess.run(
        [sys.executable, str(PROBE), *arguments], capture_output=True, text=True, check=True
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return {
        name: value - started if name.endswith("_at") else value for name, value in figures.items()
    }


def take_todays_automatic_backup(center: Path) -> None:
    """The app backs up once a day after the first sign-in, on a worker thread; taken here, no
    measured run copies the whole database behind its own start-up."""
    from dangqun.bootstrap import open_application, run_automatic_backup_if_due
    from dangqun.core.paths import DataPaths

    application = open_application(DataPaths(center))
    try:
        run_automatic_backup_if_due(application)
    finally:
        application.close()


def byte_compile_package() -> None:
    """What ``pip install`` does: without it an editable checkout run with
    PYTHONDONTWRITEBYTECODE=1 would recompile every module of ours on each start."""
    import compileall

    import dangqun

    compileall.compile_dir(Path(dangqun.__file__).parent, quiet=1)


def main(members: int, runs: int, data_dir: Path | None) -> dict[str, object]:
    byte_compile_package()
    with tempfile.TemporaryDirectory() as folder:
        center = str(prepared_center(data_dir or Path(folder) / "center", members))
        take_todays_automatic_backup(Path(center))
        launch("bare")  # warm the file cache for both sides alike
        launch("dangqun", center, PASSWORD)
        bare, floor, typed, hasty = [], [], [], []
        for _ in range(runs):
            bare.append(launch("bare"))
            floor.append(launch("floor"))
            typed.append(launch("dangqun", center, PASSWORD))
            hasty.append(launch("dangqun-hasty", center, PASSWORD))

    def median(
        samples: list[dict[str, float]], figure: Callable[[dict[str, float]], float]
    ) -> float:
        return round(statistics.median(figure(sample) for sample in samples), 3)

    bare_seconds = median(bare, lambda run: run["shown_at"])
    window_seconds = median(typed + hasty, lambda run: run["shown_at"])
    memory = max(run["rss_mb"] for run in typed + hasty)
    ratio = round(window_seconds / bare_seconds, 2)
    return emit(
        "startup",
        {
            "members": members,
            "runs": runs,
            "bare_qmainwindow_seconds": bare_seconds,
            "bare_plus_sqlalchemy_import_seconds": median(floor, lambda run: run["shown_at"]),
            "dangqun_main_window_seconds": window_seconds,
            "ratio": ratio,
            "target_ratio": 2.0,
            "database_open_after_window_seconds": median(
                typed, lambda run: run["database_open_at"] - run["shown_at"]
            ),
            "sign_in_to_home_page_seconds": median(
                typed, lambda run: run["home_ready_at"] - run["database_open_at"]
            ),
            "password_at_once_spawn_to_home_page_seconds": median(
                hasty, lambda run: run["home_ready_at"]
            ),
            "rss_mb": memory,
            "target_rss_mb": 250,
            "meets_targets": ratio <= 2.0 and memory < 250,
        },
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, help="reuse a prepared center (faster reruns)")
    options = parser.parse_args()
    main(options.members, options.runs, options.data_dir)
