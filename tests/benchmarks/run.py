"""Run every benchmark; each prints its figures as JSON lines next to its same-run baseline.

    python tests/benchmarks/run.py [--quick] [--only startup,members]

One prepared 100,000-member center (in a temporary folder, or ``--data-dir`` to keep it between
runs) is shared by the benchmarks that read one. ``--quick`` uses smaller sizes for a smoke run.
The targets are ratios against the baseline measured in the same run (bare Qt window, raw
sqlite3, raw ReportLab, raw openpyxl, a raw read of the audit log), never wall-clock asserts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import prepared_center

HERE = Path(__file__).parent
BENCHMARKS = (
    "demo",
    "startup",
    "members",
    "members_ui",
    "printing",
    "audit",
    "timebank",
    "timebank_import",
    "bases",
    "minutes",
    "district",
    "sync",
)


def arguments_for(name: str, center: Path, quick: bool) -> list[str]:
    members = ["--members", "5000" if quick else "100000"]
    shared = ["--data-dir", str(center)]
    return {
        "demo": members,
        "startup": [*members, *shared, "--runs", "2" if quick else "7"],
        "members": [*members, *shared, *(["--roster", "1000", "--repeat", "1"] if quick else [])],
        "members_ui": [*members, *shared],
        "printing": (
            [
                "--certificates",
                "50",
                "--repeat",
                "1",
                "--roster",
                "2000",
                "--roster-memory",
                "10000",
            ]
            if quick
            else []
        ),
        "audit": ["--entries", "5000" if quick else "100000"],
        "timebank_import": ["--rows", "500" if quick else "2000"],
        "timebank": ["--quick"] if quick else [],
        "bases": ["--quick"] if quick else [],
        "minutes": ["--quick"] if quick else [],
        "district": ["--quick"] if quick else [],
        "sync": [*members, *shared],
    }[name]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--only", help="comma-separated subset of: " + ", ".join(BENCHMARKS))
    parser.add_argument("--data-dir", type=Path, help="keep the prepared center here")
    options = parser.parse_args()
    chosen = options.only.split(",") if options.only else list(BENCHMARKS)
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as folder:
        center = options.data_dir or Path(folder) / "center"
        prepared_center(center, 5000 if options.quick else 100_000)
        failed = []
        for name in chosen:
            command = [
                sys.executable,
                str(HERE / f"bench_{name}.py"),
                *arguments_for(name, center, options.quick),
            ]
            if subprocess.run(command, check=False).returncode != 0:
                failed.append(name)
    if failed:
        print(f"benchmarks that failed to run: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
