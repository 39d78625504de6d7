"""Importing a 2,000-row sign-in sheet against a raw sqlite3 ``executemany`` of the same rows.

    python tests/benchmarks/bench_timebank_import.py [--rows 2000] [--volunteers 200]

Issue 13: "importing a 2,000-row sign-in sheet under 5 s". The import reads the .xlsx, checks
every row with the core's rules (volunteer, category, overlaps, daily and yearly caps, slip
numbers, future) against the database and the rows above it, writes the records and the audit
entry in one transaction. The baseline inserts the same rows, already typed, into a table of
the same schema with the standard library's sqlite3 in the same run; the figure is a ratio, and
the issue's absolute budget is reported beside it.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from openpyxl import Workbook

from dangqun.bootstrap import FirstRunAnswers, initialize_center, open_application
from dangqun.core.parsing import id_number_for
from dangqun.core.paths import DataPaths
from dangqun.core.security import system_actor
from dangqun.timebank.service import ImportMode, VolunteerForm, import_services, open_volunteer
from tests.benchmarks.common import emit

BUDGET_SECONDS = 5.0
"""The issue's target for 2,000 rows."""
TARGET_RATIO = 400.0
"""Checking each row by the core's rules (three indexed queries a row after the sheet's people,
slips and earlier records are read in a few) may cost this many times a bare insert of the typed
row: measured ≈ 190× (2.3 s against 12 ms for 2,000 rows); 400× is the 5 s budget."""
FIRST_DAY = date(2026, 1, 5)
NOW = datetime(2026, 12, 1, 8, 0)


def _sheet(path: Path, people: list[tuple[str, str]], rows: int) -> list[tuple[object, ...]]:
    """The sign-in sheet (one service a day per volunteer, 2 h) and the same rows, typed."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet("签到表")
    worksheet.append(["姓名", "公民身份号码", "服务日期", "开始时间", "结束时间", "服务类别",
                      "服务对象", "服务内容", "登记单号"])  # fmt: skip
    typed = []
    for index in range(rows):
        name, number = people[index % len(people)]
        served_on = FIRST_DAY + timedelta(days=index // len(people))
        slip = f"QD-{index + 1:05d}"
        worksheet.append([name, number, served_on, clock(9, 0), clock(11, 0), "养老助老",
                          "独居老人", "打扫卫生、陪同就医", slip])  # fmt: skip
        typed.append((index % len(people) + 1, served_on.isoformat(), "09:00:00.000000",
                      "11:00:00.000000", 120, slip))  # fmt: skip
    workbook.save(path)
    return typed


def _raw_seconds(database_file: Path, scratch: Path, typed: list[tuple[object, ...]]) -> float:
    """``executemany`` of the typed rows into a copy of the records table's schema."""
    with sqlite3.connect(database_file) as source:
        schema = source.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'timebank_service_records'"
        ).fetchone()[0]
    connection = sqlite3.connect(scratch)
    connection.execute(schema)
    connection.commit()
    began = time.perf_counter()
    connection.executemany(
        "INSERT INTO timebank_service_records (uuid, created_at, updated_at, change_seq, "
        "volunteer_id, "
        "beneficiary_kind, beneficiary, category_id, served_on, starts_at, ends_at, "
        "crosses_midnight, minutes, slip_number, content, status, entered_by) VALUES "
        "(lower(hex(randomblob(16))), '2026-12-01 08:00:00', '2026-12-01 08:00:00', 1, ?, "
        "'resident', '独居老人', 1, ?, "
        "?, ?, 0, ?, ?, '打扫卫生、陪同就医', 'pending', 'admin')",
        typed,
    )
    connection.commit()
    seconds = time.perf_counter() - began
    connection.close()
    return seconds


def main(rows: int, volunteers: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        application = open_application(DataPaths(Path(folder) / "center"))
        try:
            database = application.database
            initialize_center(
                database,
                FirstRunAnswers(
                    "翠湖社区党群服务中心", "530102001001", "admin", "王芳", "bench-pass-1"
                ),
            )
            actor = system_actor("benchmark")
            people = []
            for sequence in range(volunteers):
                number = id_number_for("530102", date(1955, 1, 1) + timedelta(days=sequence), 101)
                name = f"志愿者{'甲乙丙丁戊己庚辛壬癸'[sequence % 10]}{'子丑寅卯辰巳午未申酉'[sequence // 10 % 10]}"
                open_volunteer(database, actor, VolunteerForm(name=name, id_number=number))
                people.append((name, number))
            sheet = Path(folder) / "签到表.xlsx"
            typed = _sheet(sheet, people, rows)
            began = time.perf_counter()
            report = import_services(database, actor, sheet, ImportMode.NOTHING_IF_INVALID, now=NOW)
            import_seconds = time.perf_counter() - began
            began = time.perf_counter()
            again = import_services(database, actor, sheet, now=NOW)
            reimport_seconds = time.perf_counter() - began
            raw_seconds = _raw_seconds(
                application.paths.database, Path(folder) / "raw.sqlite", typed
            )
        finally:
            application.close()
    ratio = import_seconds / raw_seconds
    return emit(
        "timebank_import",
        {
            "rows": rows,
            "volunteers": volunteers,
            "raw_sqlite_executemany_seconds": round(raw_seconds, 4),
            "import_seconds": round(import_seconds, 3),
            "reimport_seconds": round(reimport_seconds, 3),
            "ratio": round(ratio, 1),
            "target_ratio": TARGET_RATIO,
            "budget_seconds": BUDGET_SECONDS,
            "imported": report.imported,
            "already_imported_on_reimport": again.already_imported,
            "meets_targets": report.imported == rows
            and again.already_imported == rows
            and ratio <= TARGET_RATIO
            and import_seconds < BUDGET_SECONDS,
        },
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--volunteers", type=int, default=200)
    options = parser.parse_args()
    main(options.rows, options.volunteers)
