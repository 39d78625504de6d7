"""Demo generation of 100,000 members vs raw SQLite inserting the same rows.

Target (foundation issue): 100,000 members in under a minute. The raw baseline shows how much of
that is generation (names, valid ID numbers, dates) rather than writing.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import PASSWORD, emit, run_cli


def main(members: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "center"
        run_cli(
            data_dir, "init", "--center-name", "翠湖社区党群服务中心", "--division-code",
            "530102001001", "--admin", "admin", "--password-stdin", stdin=PASSWORD + "\n",
        )  # fmt: skip
        start = time.perf_counter()
        run_cli(data_dir, "demo", "--members", str(members))
        demo_seconds = time.perf_counter() - start

        source = sqlite3.connect(data_dir / "dangqun.sqlite3")
        schema = source.execute("SELECT sql FROM sqlite_master WHERE name = 'members'").fetchone()[
            0
        ]
        rows = source.execute("SELECT * FROM members").fetchall()
        source.close()
        target = sqlite3.connect(Path(folder) / "raw.sqlite3")
        target.execute(schema)
        placeholders = ",".join("?" * len(rows[0]))
        start = time.perf_counter()
        target.executemany(f"INSERT INTO members VALUES ({placeholders})", rows)
        target.commit()
        raw_seconds = time.perf_counter() - start
        target.close()
    return emit(
        "demo_generation",
        {
            "members": members,
            "demo_seconds_including_process_start": round(demo_seconds, 2),
            "raw_sqlite_insert_seconds": round(raw_seconds, 3),
            "ratio_to_raw_insert": round(demo_seconds / raw_seconds, 1),
            "target_seconds": 60,
            "meets_target": demo_seconds < 60,
        },
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    main(parser.parse_args().members)
