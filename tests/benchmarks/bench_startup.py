"""Start-up to the main window with 100,000 members, against a bare PySide6 QMainWindow.

Targets (foundation issue): at most 2× the bare window's start-up, measured in the same run,
and resident memory under 250 MB after start-up. Each figure is the median of several runs,
timed from process spawn (interpreter start and imports included) to the window shown.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import PASSWORD, emit, prepared_center

PROBE = Path(__file__).with_name("startup_probe.py")


def launch(*arguments: str) -> tuple[float, float]:
    started = time.time()
    result = subprocess.run(
        [sys.executable, str(PROBE), *arguments], capture_output=True, text=True, check=True
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return figures["shown_at"] - started, figures["rss_mb"]


def byte_compile_package() -> None:
    """What ``pip install`` does: without it an editable checkout run with
    PYTHONDONTWRITEBYTECODE=1 would recompile every module of ours on each start."""
    import compileall

    import dangqun

    compileall.compile_dir(Path(dangqun.__file__).parent, quiet=1)


def main(members: int, runs: int, data_dir: Path | None) -> dict[str, object]:
    byte_compile_package()
    with tempfile.TemporaryDirectory() as folder:
        center = prepared_center(data_dir or Path(folder) / "center", members)
        launch("bare")  # warm the file cache for both sides alike
        launch("dangqun", str(center), PASSWORD)
        bare_runs, floor_runs, app_runs, app_memory = [], [], [], []
        for _ in range(runs):
            bare_runs.append(launch("bare")[0])
            floor_runs.append(launch("floor")[0])
            seconds, megabytes = launch("dangqun", str(center), PASSWORD)
            app_runs.append(seconds)
            app_memory.append(megabytes)
    bare_seconds = statistics.median(bare_runs)
    app_seconds = statistics.median(app_runs)
    floor_seconds = statistics.median(floor_runs)
    return emit(
        "startup",
        {
            "members": members,
            "runs": runs,
            "bare_qmainwindow_seconds": round(bare_seconds, 3),
            "bare_plus_sqlalchemy_import_seconds": round(floor_seconds, 3),
            "dangqun_main_window_seconds": round(app_seconds, 3),
            "ratio": round(app_seconds / bare_seconds, 2),
            "target_ratio": 2.0,
            "rss_mb": max(app_memory),
            "target_rss_mb": 250,
            "meets_targets": app_seconds / bare_seconds <= 2.0 and max(app_memory) < 250,
        },
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="reuse a prepared center (faster reruns)")
    options = parser.parse_args()
    main(options.members, options.runs, options.data_dir)
