"""``dangqun check``'s audit-chain walk against reading the same rows with raw sqlite3.

    python tests/benchmarks/bench_audit.py [--entries 100000]

A center writing 50 audit entries a day for five years has ~100,000 of them, and ``check`` (and
every restore) re-hashes them all (issue 10). The baseline is one ``SELECT`` of the same
columns with the standard library's sqlite3 in the same run; the target is a ratio.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dangqun.bootstrap import FirstRunAnswers, initialize_center, open_application
from dangqun.core.audit import append_audit_rows
from dangqun.core.audit_chain import audit_log_problems
from dangqun.core.clock import utc_now
from dangqun.core.paths import DataPaths
from dangqun.core.security import system_actor
from tests.benchmarks.common import emit

TARGET_RATIO = 12.0
"""Hashing every entry in Python may cost this many times a bare read of the same rows."""


def main(entries: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        application = open_application(DataPaths(Path(folder) / "center"))
        try:
            initialize_center(
                application.database,
                FirstRunAnswers(
                    "翠湖社区党群服务中心", "530102001001", "admin", "王芳", "bench-pass-1"
                ),
            )
            actor = system_actor("benchmark")
            start = utc_now()
            rows = [
                {
                    "at": start + timedelta(seconds=number),
                    "user_id": None,
                    "username": actor.username,
                    "action": "member.create",
                    "entity_type": "member",
                    "entity_id": f"uuid-{number}",
                    "before_json": None,
                    "after_json": json.dumps({"姓名": "张三", "序号": number}, ensure_ascii=False),
                }
                for number in range(entries)
            ]
            with application.database.unit_of_work(actor) as work:
                append_audit_rows(work.session, rows)
                work.commit()
            database_file = application.paths.database
            began = time.perf_counter()
            connection = sqlite3.connect(database_file)
            raw_rows = connection.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
            connection.close()
            raw_seconds = time.perf_counter() - began
            with application.database.reading() as session:
                began = time.perf_counter()
                problems = audit_log_problems(session)
                chain_seconds = time.perf_counter() - began
        finally:
            application.close()
    ratio = chain_seconds / raw_seconds
    return emit(
        "audit_chain",
        {
            "entries": entries,
            "raw_sqlite_read_seconds": round(raw_seconds, 3),
            "chain_check_seconds": round(chain_seconds, 3),
            "ratio": round(ratio, 2),
            "target_ratio": TARGET_RATIO,
            "rows_read": len(raw_rows),
            "chain_intact": problems == [],
            "meets_targets": ratio <= TARGET_RATIO and problems == [],
        },
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    main(parser.parse_args().entries)
