"""The district workbench for 30 centers × 20,000 members, on SQLite and PostgreSQL, against
raw SQL: the quarter's report, the cross-center duplicates and the 中心 page.

    python tests/benchmarks/bench_district.py [--centers 30] [--members 20000] [--runs 3]
                                              [--quick] [--no-postgres]

Targets (issue 17 "Performance"), for a district of 600,000 people, on SQLite and on
PostgreSQL: a quarter's report (:func:`dangqun.district.reports.service.district_report`, every
figure of the PDF and the workbook) under 10 s — also timed: rendering it as PDF and as Excel;
the cross-center duplicate listing (:func:`dangqun.district.checks.list_duplicates`) under 5 s;
the centers page opening under 200 ms (:func:`dangqun.ui.district.pages.centers_view`, the one
call the 中心 page makes: every center's packages, gaps and records, the overdue ones and the
limit).

The record store is filled in bulk (``INSERT`` of ``DistrictRecord`` rows in chunks, as the
loader writes them, with each live member's person key, and each center's count of live records
as an import leaves it) — not through 30 real centers, whose demo data and packages would take
hours. Each center has per member what the figures read, in proportions a center's year has:
20,000 members (the five kinds; a few transferred out, deleted or created after the period),
their 报到 / 流入 / 外出 events, 1,000 time-bank volunteers (half of them in-service members)
with 6,000 service records and the ledger of 6,000 earns and 1,000 spends (14,000 entries),
20 visiting organizations with 2,400 bookings, and 10 branches with 20 groups and a year of
their meetings. The JSON documents carry a member's full set of columns, so a scan reads what
a real store holds. Every center's 身份号码 are its own, except :data:`DUPLICATES_PER_CENTER`
members per center (after the first) registered under the 身份号码 of a member of the
previous center — some hundreds of people 在册 at two centers, the duplicates the
check lists (those whose two records are both 在册). Each center has a year of monthly packages
in the ledger, every third center with one missing (a gap the 中心 page shows).

Baseline, in the same run: the very SQL statements the report sends (recorded with SQLAlchemy's
``before_cursor_execute`` event), replayed through the raw DB-API connection with their
parameters, rows fetched — so the ratio is what the service adds (statement building, result
rows, the compliance schedule in Python, the report objects). PostgreSQL runs when
``DANGQUN_TEST_POSTGRES_URL`` names a server role that may create databases (a fresh database
is made and dropped).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, event, insert, make_url, text

from dangqun.district import checks
from dangqun.district import service as district
from dangqun.district.models import (
    DistrictCenter,
    DistrictIdentity,
    DistrictPackage,
    DistrictRecord,
    live_member_key,
)
from dangqun.district.reports import service as reports
from dangqun.district.reports.excel import report_workbook
from dangqun.district.reports.pdf import report_pdf
from dangqun.district.status import count_live_records
from dangqun.ui.district.pages import centers_view
from tests.benchmarks.common import emit

PERIOD = "2026-Q3"
TARGET_SECONDS = 10.0
DUPLICATES_TARGET_SECONDS = 5.0
CENTERS_PAGE_TARGET_SECONDS = 0.2
DUPLICATES_PER_CENTER = 20
PACKAGES_PER_CENTER = 12
CHUNK = 5_000
KINDS = (
    ("local", 0.55),
    ("in_service", 0.15),
    ("floating_in", 0.08),
    ("floating_out", 0.04),
    ("retired", 0.18),
)
MEETINGS = (
    ("general_meeting", 3),
    ("committee", 1),
    ("group_meeting", 1),
    ("party_lesson", 3),
    ("theme_day", 1),
    ("life_meeting", 12),
    ("evaluation", 12),
)
VISITOR_TYPES = ("branch", "stationed_unit", "two_new", "floating_group")
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def _day(random_: random.Random, year: int = 2026) -> str:
    return (date(year, 1, 1) + timedelta(days=random_.randrange(365))).isoformat()


class CenterRows:
    """One center's store rows, produced table by table in chunks (bounded memory)."""

    def __init__(self, center: str, number: int, members: int) -> None:
        self.center, self.number, self.members = center, number, members
        self.random = random.Random(number)
        self.seq = 0

    def row(self, table: str, data: dict[str, Any], **columns: Any) -> dict[str, Any]:
        self.seq += 1
        created = columns.get("created_at") or EPOCH
        return {
            "center_uuid": self.center,
            "table_name": table,
            "uuid": str(uuid.UUID(int=self.random.getrandbits(128), version=4)),
            "change_seq": self.seq,
            "database_id": self.center,
            "package_seq": 1,
            "created_at": created,
            "updated_at": created,
            "deleted": columns.get("deleted", False),
            "deleted_at": None,
            "data": data,
            "person_key": None if columns.get("deleted") else live_member_key(table, data),
        }

    def id_number(self, member: int) -> str:
        """18 characters, unique per center; a planted duplicate takes the number of the
        previous center's next member (itself never planted, so each pair is two centers)."""
        if self.number > 0 and member % max(self.members // DUPLICATES_PER_CENTER, 2) == 0:
            return f"53{self.number - 1:04d}1975{member + 1:07d}X"
        return f"53{self.number:04d}1975{member:07d}X"

    def tables(self) -> Iterator[dict[str, Any]]:
        r = self.random
        organizations = []
        for branch in range(10):
            row = self.row(
                "organizations",
                {
                    "name": f"第{branch + 1}网格党支部",
                    "level": "grid_branch",
                    "parent_id": None,
                    "code": None,
                },
            )
            organizations.append(row["uuid"])
            yield row
            for group in range(2):
                yield self.row(
                    "organizations",
                    {
                        "name": f"{group + 1}号楼党小组",
                        "level": "building_group",
                        "parent_id": row["uuid"],
                    },
                )
        for branch in organizations:
            for meeting_type, months in MEETINGS:
                for first in range(1, 13, months):
                    if r.random() < 0.1:
                        continue  # some periods without their meeting
                    on = date(2026, first, 1) + timedelta(days=r.randrange(27))
                    yield self.row(
                        "minutes_meetings",
                        {
                            "organization_id": branch,
                            "meeting_type": meeting_type,
                            "on_date": on.isoformat(),
                            "status": "signed",
                            "place": "党群服务中心",
                        },
                    )
        in_service: list[str] = []
        weights = [weight for _kind, weight in KINDS]
        for number in range(self.members):
            kind = r.choices([k for k, _w in KINDS], weights)[0]
            created = EPOCH + timedelta(days=r.randrange(365 * 7))
            status = "active" if r.random() > 0.03 else "transferred_out"
            data = {
                "name": "张三丰",
                "gender_code": "1",
                "ethnicity_code": "01",
                "birth_date": "1975-06-01",
                "id_number": self.id_number(number),
                "education_code": "20",
                "kind": kind,
                "category": "probationary" if r.random() < 0.04 else "full",
                "status": status,
                "organization_id": organizations[number % 10],
                "joined_on": "2001-07-01",
                "joined_month_day": "07-01",
                "confirmed_on": None,
                "work_unit": "云南省某某单位",
                "phone": "13800000000",
                "household_registration": "昆明市五华区",
                "address": "翠湖南路 1 号",
                "party_standing": "正常",
                "lost_contact_on": None,
                "outflow_destination": None,
                "registered_on": created.date().isoformat(),
                "origin_organization": None,
                "activity_card_number": None,
                "notes": None,
                "name_simplified": "张三丰",
                "pinyin_initials": "zsf",
                "pinyin_full": "zhangsanfeng",
                "id_number_reversed": "",
                "phone_reversed": "",
            }
            row = self.row("members", data, created_at=created, deleted=r.random() < 0.005)
            if kind == "in_service" and len(in_service) < 500:
                in_service.append(row["uuid"])
            yield row
            if kind in ("in_service", "floating_in", "floating_out") and r.random() < 0.2:
                event_type = {"in_service": "report"}.get(kind, kind)
                yield self.row(
                    "member_events",
                    {"member_id": row["uuid"], "event_type": event_type, "occurred_on": _day(r)},
                )
        volunteers = [
            self.row(
                "timebank_volunteers",
                {
                    "number": f"V{n:05d}",
                    "member_id": in_service[n] if n < len(in_service) else None,
                    "status": "active",
                    "opened_on": "2025-01-01",
                },
            )
            for n in range(1000)
        ]
        yield from volunteers
        accounts = [
            self.row("timebank_accounts", {"kind": kind, "name": kind})
            for kind in ("issuance", "donation_pool", "catalogue")
        ]
        own = [
            self.row(
                "timebank_accounts",
                {"kind": "volunteer", "volunteer_id": v["uuid"], "name": "志愿者"},
            )
            for v in volunteers
        ]
        yield from accounts
        yield from own
        issuance, catalogue = accounts[0]["uuid"], accounts[2]["uuid"]
        for _ in range(6000):
            who = r.randrange(1000)
            minutes, day = r.choice((30, 60, 90, 120)), _day(r)
            yield self.row(
                "timebank_service_records",
                {
                    "volunteer_id": volunteers[who]["uuid"],
                    "status": "verified",
                    "minutes": minutes,
                    "served_on": day,
                    "content": "助老服务",
                },
            )
            yield self.row(
                "timebank_entries", {"account_id": issuance, "amount": -minutes, "booked_on": day}
            )
            yield self.row(
                "timebank_entries",
                {"account_id": own[who]["uuid"], "amount": minutes, "booked_on": day},
            )
        for _ in range(1000):
            who, day = r.randrange(1000), _day(r)
            yield self.row(
                "timebank_entries",
                {"account_id": own[who]["uuid"], "amount": -30, "booked_on": day},
            )
            yield self.row(
                "timebank_entries", {"account_id": catalogue, "amount": 30, "booked_on": day}
            )
        visitors = [
            self.row(
                "bases_organizations", {"name": f"来访组织{n}", "org_type": VISITOR_TYPES[n % 4]}
            )
            for n in range(20)
        ]
        yield from visitors
        for _ in range(2400):
            status = r.choice(("completed", "completed", "checked_in", "cancelled", "no_show"))
            yield self.row(
                "bases_bookings",
                {
                    "organization_id": r.choice(visitors)["uuid"],
                    "status": status,
                    "on_date": _day(r),
                    "headcount": 30,
                    "actual_headcount": r.randrange(5, 30),
                },
            )


def fill(url: str, centers: int, members: int) -> tuple[Any, int, float]:
    db = district.open_district(url, create=True)
    started = time.perf_counter()
    rows = 0
    with db.writing() as session:
        session.add(
            DistrictIdentity(
                id=1,
                name="五华区委组织部",
                signing_fingerprint="s" * 64,
                encryption_fingerprint="e" * 64,
                created_at=EPOCH,
            )
        )
        for number in range(centers):
            center = str(uuid.UUID(int=number + 1, version=4))
            registered = DistrictCenter(
                uuid=center,
                name=f"第{number + 1}社区党群服务中心",
                division_code=f"530102001{number + 1:03d}",
                public_key="{}",
                fingerprint=f"{number:064d}",
                registered_at=EPOCH,
            )
            session.add(registered)
            session.flush()
            session.add_all(packages(registered, number))
            chunk: list[dict[str, Any]] = []
            for row in CenterRows(center, number, members).tables():
                chunk.append(row)
                if len(chunk) == CHUNK:
                    session.execute(insert(DistrictRecord), chunk)
                    rows += len(chunk)
                    chunk = []
            if chunk:
                session.execute(insert(DistrictRecord), chunk)
                rows += len(chunk)
            registered.live_records = count_live_records(session, center)
        session.commit()
    # PostgreSQL: VACUUM too — the state autovacuum leaves after a big import; without the
    # visibility map a count cannot be answered from an index alone (the 中心 page's records).
    analyze = "VACUUM ANALYZE" if db.database.engine.dialect.name == "postgresql" else "ANALYZE"
    autocommit = db.database.engine.execution_options(isolation_level="AUTOCOMMIT")
    with autocommit.connect() as connection:
        connection.execute(text(analyze))
    return db, rows, time.perf_counter() - started


def packages(center: DistrictCenter, number: int) -> list[DistrictPackage]:
    """A year of monthly packages as the import records them; every third center lacks one."""
    made = []
    for seq in range(1, PACKAGES_PER_CENTER + 1):
        if number % 3 == 2 and seq == PACKAGES_PER_CENTER // 2:
            continue
        at = datetime(2026, seq, 3, 9, tzinfo=UTC)
        made.append(
            DistrictPackage(
                center_id=center.id,
                seq=seq,
                sha256=f"{number:032d}{seq:032d}",
                file_name=f"{center.division_code}-{center.uuid[:8]}-{seq:06d}.dqpkg",
                database_id=center.uuid,
                previous_sha256=None if seq == 1 else f"{number:032d}{seq - 1:032d}",
                counter_from=(seq - 1) * 1000,
                counter_to=seq * 1000,
                full=seq == 1,
                schema_revision="0009",
                created_at=at,
                imported_at=at + timedelta(days=2),
                status="imported",
                summary={"members": {"applied": 1000}},
            )
        )
    return made


def recorded_statements(db: Any, function: Callable[[], Any]) -> list[tuple[str, Any]]:
    """The statements ``function`` sends, with their parameters, in order."""
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        statements.append((statement, parameters))

    event.listen(db.database.engine, "before_cursor_execute", record)
    try:
        function()
    finally:
        event.remove(db.database.engine, "before_cursor_execute", record)
    return statements


def raw_replay(db: Any, statements: list[tuple[str, Any]]) -> None:
    connection = db.database.engine.raw_connection()
    try:
        cursor = connection.cursor()
        for statement, parameters in statements:
            if statement.lstrip().upper().startswith("SELECT"):
                cursor.execute(statement, parameters)
                cursor.fetchall()
        cursor.close()
        connection.rollback()
    finally:
        connection.close()


def best(function: Callable[[], Any], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def measure(backend: str, url: str, options: argparse.Namespace) -> None:
    db, rows, fill_seconds = fill(url, options.centers, options.members)
    try:
        measure_report(db, backend, rows, fill_seconds, options)
        measure_checks(db, backend, options)
    finally:
        db.dispose()


def measure_report(
    db: Any, backend: str, rows: int, fill_seconds: float, options: argparse.Namespace
) -> None:
    period = reports.parse_period(PERIOD)
    report_best, report_median = best(lambda: reports.district_report(db, period), options.runs)
    statements = recorded_statements(db, lambda: reports.district_report(db, period))
    raw_best, raw_median = best(lambda: raw_replay(db, statements), options.runs)
    report = reports.district_report(db, period)
    pdf_best, _ = best(lambda: report_pdf(report), 1)
    xlsx_best, _ = best(lambda: report_workbook(report), 1)
    emit(
        "district_report",
        {
            "backend": backend,
            "centers": options.centers,
            "members": options.centers * options.members,
            "store_rows": rows,
            "fill_s": round(fill_seconds, 1),
            "period": PERIOD,
            "report_s": round(report_best, 3),
            "report_median_s": round(report_median, 3),
            "raw_sql_s": round(raw_best, 3),
            "raw_sql_median_s": round(raw_median, 3),
            "ratio": round(report_best / raw_best, 2),
            "statements": len(statements),
            "target_s": TARGET_SECONDS,
            "within_target": report_best < TARGET_SECONDS,
            "pdf_s": round(pdf_best, 3),
            "xlsx_s": round(xlsx_best, 3),
            "members_counted": report.total.members_total,
        },
    )


def measure_checks(db: Any, backend: str, options: argparse.Namespace) -> None:
    """The duplicate listing and the 中心 page's data, each against its own statements."""

    def duplicates() -> Any:
        return checks.list_duplicates(db, full_personal_data=False)

    def centers() -> Any:
        return centers_view(db)

    for name, function, target in (
        ("district_duplicates", duplicates, DUPLICATES_TARGET_SECONDS),
        ("district_centers_page", centers, CENTERS_PAGE_TARGET_SECONDS),
    ):
        function()  # warm: the first call of a process also imports and compiles
        took, median = best(function, options.runs)
        statements = recorded_statements(db, function)
        raw, raw_median = best(partial(raw_replay, db, statements), options.runs)
        result = function()
        figures: dict[str, Any] = (
            {"groups": len(result), "records": sum(len(g.records) for g in result)}
            if name == "district_duplicates"
            else {
                "centers_listed": len(result.centers),
                "with_gaps": sum(1 for c in result.centers if c.missing),
                "overdue": len(result.overdue),
            }
        )
        emit(
            name,
            {
                "backend": backend,
                "centers": options.centers,
                "members": options.centers * options.members,
                "s": round(took, 3),
                "median_s": round(median, 3),
                "raw_sql_s": round(raw, 3),
                "raw_sql_median_s": round(raw_median, 3),
                "ratio": round(took / raw, 2),
                "statements": len(statements),
                "target_s": target,
                "within_target": took < target,
                **figures,
            },
        )


def postgres_database(server: str) -> Iterator[str]:
    url = make_url(server)
    name = f"dq_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--centers", type=int, default=30)
    parser.add_argument("--members", type=int, default=20_000, help="per center")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="3 centers × 2,000 members")
    parser.add_argument("--no-postgres", action="store_true")
    options = parser.parse_args()
    if options.quick:
        options.centers, options.members, options.runs = 3, 2000, 1
    with tempfile.TemporaryDirectory() as folder:
        measure("sqlite", str(Path(folder) / "district.sqlite3"), options)
    server = os.environ.get("DANGQUN_TEST_POSTGRES_URL")
    if server and not options.no_postgres:
        for url in postgres_database(server):
            measure("postgresql", url, options)
    elif not options.no_postgres:
        print("DANGQUN_TEST_POSTGRES_URL not set: PostgreSQL not measured", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
