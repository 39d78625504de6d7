"""The time bank's ledger on 1,000,000 entries over 20,000 accounts, each against raw sqlite3.

    python tests/benchmarks/bench_timebank.py [--entries 1000000] [--samples 50]

Targets (issue 13): one volunteer's balances and the first page of their statement under 20 ms,
posting a transfer under 10 ms, the monthly closing under 10 s — all through
:mod:`dangqun.timebank.service`, as the UI calls it. The ledger is built with raw bulk inserts
(two years of earns for verified service records, spends, gifts and donations; every transfer's
legs sum to zero) because building it through the services would take an hour. Each figure is
printed as JSON beside a baseline measured in the same run with the standard library's sqlite3:
the same three sums for one account and the same first page; one INSERT of a transfer and its
two legs and a COMMIT; the GROUP BYs of every account's balance and served minutes through the month's end
and an INSERT of the snapshot. The
targets are ratios to those baselines (and the issue's milliseconds for reference), never
wall-clock asserts in unit tests.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dangqun.bootstrap import FirstRunAnswers, initialize_center, open_application
from dangqun.core.parsing import id_number_for
from dangqun.core.paths import DataPaths
from dangqun.core.security import system_actor
from tests.benchmarks.common import emit

ENTRIES_PER_ACCOUNT = 50
"""1,000,000 entries over 20,000 accounts (the issue's size); --quick keeps the proportion."""
FIRST_DAY = date(2024, 12, 1)
MONTHS = 24
"""Two years of history, the last month the one the benchmark closes."""
PAGE = 50
TARGET_RATIOS = {"balances_and_first_page": 10.0, "posting": 4.0, "closing": 3.0}
"""How many times its raw baseline a service call may take: the service also checks the
permission, the account, the limits and the request id, writes the audit entry and the change
numbers, and builds plain dataclasses."""


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)]


def _ms(function: Callable[[], Any]) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def _sequential_uuid(prefix: int, number: int) -> str:
    """Unique uuids in index order, so building a million rows does not thrash the index."""
    return f"{prefix:08x}-0000-4000-8000-{number:012x}"


class _Builder:
    """Bulk rows through one sqlite3 connection, with the sync columns filled in as
    :func:`dangqun.core.model_base.insert_synced_rows` would (a change number each)."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.raw = raw
        self.change = raw.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()[0]
        self.stamp = "2026-12-01 08:00:00.000000"

    def insert(self, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> int:
        names = (*columns, "uuid", "created_at", "updated_at", "change_seq")
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        prefix = zlib.crc32(table.encode())
        count = 0

        def stamped() -> Iterator[tuple[Any, ...]]:
            nonlocal count
            for row in rows:
                count += 1
                self.change += 1
                yield (*row, _sequential_uuid(prefix, count), self.stamp, self.stamp, self.change)

        self.raw.executemany(sql, stamped())
        return count

    def finish(self) -> None:
        self.raw.execute("UPDATE change_counter SET value = ? WHERE id = 1", (self.change,))
        self.raw.commit()


def build_ledger(database: Path, entries: int, seed: int) -> dict[str, Any]:
    """Volunteers, their accounts, verified service records and ``entries`` ledger entries."""
    accounts = max(100, entries // ENTRIES_PER_ACCOUNT)
    transfers = entries // 2
    pick = random.Random(seed)
    raw = sqlite3.connect(database)
    raw.execute("PRAGMA cache_size = -262144")
    builder = _Builder(raw)
    center = dict(raw.execute("SELECT kind, id FROM timebank_accounts").fetchall())
    care = raw.execute("SELECT id FROM timebank_categories WHERE name = '养老助老'").fetchone()[0]
    first_volunteer = 1 + (
        raw.execute("SELECT max(id) FROM timebank_volunteers").fetchone()[0] or 0
    )
    first_account = 1 + raw.execute("SELECT max(id) FROM timebank_accounts").fetchone()[0]
    volunteer_ids = range(first_volunteer, first_volunteer + accounts)
    account_of = {v: first_account + i for i, v in enumerate(volunteer_ids)}
    builder.insert(
        "timebank_volunteers",
        ("id", "number", "name", "id_number", "skills_json", "service_areas_json", "status",
         "opened_on"),
        (
            (v, f"ZY2024{i + 1:05d}", f"志愿者{i + 1}",
             id_number_for("530102", date(1950, 1, 1) + timedelta(days=i // 500), i % 500 * 2 + 1),
             "[]", "[]", "active", FIRST_DAY.isoformat())
            for i, v in enumerate(volunteer_ids)
        ),
    )  # fmt: skip
    builder.insert(
        "timebank_accounts",
        ("id", "kind", "volunteer_id", "name"),
        (
            (account_of[v], "volunteer", v, f"ZY2024{i + 1:05d}")
            for i, v in enumerate(volunteer_ids)
        ),
    )
    span = MONTHS * 30
    days = sorted(FIRST_DAY + timedelta(days=pick.randrange(span)) for _ in range(transfers))
    days = [min(day, date(2026, 11, 30)) for day in days]
    kinds = pick.choices(("earn", "spend", "give", "donate"), (80, 14, 4, 2), k=transfers)
    records: list[tuple[Any, ...]] = []
    transfer_rows: list[tuple[Any, ...]] = []
    entry_rows: list[tuple[Any, ...]] = []
    balance = dict.fromkeys(volunteer_ids, 0)
    for number, (day, kind) in enumerate(zip(days, kinds, strict=True), 1):
        volunteer = pick.choice(volunteer_ids)
        minutes = pick.choice((30, 60, 90, 120))
        record_id = None
        if kind != "earn" and balance[volunteer] < minutes:
            kind = "earn"  # never below zero, as the service would refuse
        if kind == "earn":
            record_id = len(records) + 1
            served = day - timedelta(days=2)
            records.append(
                (record_id, volunteer, "resident", "独居老人", care, served.isoformat(),
                 "09:00:00.000000", f"{9 + minutes // 60:02d}:{minutes % 60:02d}:00.000000", 0,
                 minutes, "陪同就医", "verified", "admin", "admin")
            )  # fmt: skip
            legs = ((center["issuance"], -minutes), (account_of[volunteer], minutes))
        elif kind == "give":
            other = pick.choice(volunteer_ids)
            if other == volunteer:
                other = volunteer_ids[(volunteer_ids.index(volunteer) + 1) % accounts]
            legs = ((account_of[volunteer], -minutes), (account_of[other], minutes))
            balance[other] += minutes
        else:
            target = center["catalogue" if kind == "spend" else "donation_pool"]
            legs = ((account_of[volunteer], -minutes), (target, minutes))
        balance[volunteer] += minutes if kind == "earn" else -minutes
        transfer_rows.append(
            (number, kind, f"bench-{number}", day.isoformat(), record_id,
             "item" if kind == "spend" else None, "爱心米" if kind == "spend" else None, "admin")
        )  # fmt: skip
        for account, amount in legs:
            entry_rows.append((len(entry_rows) + 1, number, account, amount, day.isoformat()))
    started = time.perf_counter()
    builder.insert(
        "timebank_service_records",
        ("id", "volunteer_id", "beneficiary_kind", "beneficiary", "category_id", "served_on",
         "starts_at", "ends_at", "crosses_midnight", "minutes", "content", "status", "entered_by",
         "decided_by"),
        iter(records),
    )  # fmt: skip
    builder.insert(
        "timebank_transfers",
        ("id", "kind", "request_id", "booked_on", "service_record_id", "received_kind",
         "received", "posted_by"),
        iter(transfer_rows),
    )  # fmt: skip
    builder.insert(
        "timebank_entries",
        ("id", "transfer_id", "account_id", "amount", "booked_on"),
        iter(entry_rows),
    )
    builder.finish()
    raw.execute("ANALYZE")
    raw.commit()
    raw.close()
    return {
        "accounts": accounts,
        "entries": len(entry_rows),
        "transfers": len(transfer_rows),
        "service_records": len(records),
        "build_seconds": round(time.perf_counter() - started, 1),
        "rich": sorted(volunteer_ids, key=lambda v: balance[v], reverse=True),
    }


def _raw_balances(raw: sqlite3.Connection, volunteer: int, account: int) -> tuple[int, ...]:
    spendable = raw.execute(
        "SELECT coalesce(sum(amount), 0) FROM timebank_entries WHERE account_id = ?", (account,)
    ).fetchone()[0]
    served, pending = (
        raw.execute(
            "SELECT coalesce(sum(minutes), 0) FROM timebank_service_records "
            "WHERE volunteer_id = ? AND status = ?",
            (volunteer, status),
        ).fetchone()[0]
        for status in ("verified", "pending")
    )
    return served, spendable, pending


def _raw_first_page(raw: sqlite3.Connection, account: int, start: str, end: str) -> list[Any]:
    return raw.execute(
        "SELECT e.id, e.amount, e.booked_on, t.kind, t.received FROM timebank_entries e "
        "JOIN timebank_transfers t ON t.id = e.transfer_id WHERE e.account_id = ? "
        "AND e.booked_on BETWEEN ? AND ? ORDER BY e.booked_on, e.id LIMIT ?",
        (account, start, end, PAGE),
    ).fetchall()


def bench_reads(
    application: Any, raw: sqlite3.Connection, volunteers: list[int], entries: int
) -> dict[str, Any]:
    from dangqun.timebank import service as timebank

    actor = system_actor("benchmark")
    database = application.database
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    timebank.get_balances(database, actor, volunteers[-1])  # warm the statement caches
    timebank.statement(database, actor, volunteers[-1], start, end)
    service_ms: list[float] = []
    statement_ms: list[float] = []
    raw_ms: list[float] = []
    differ = 0
    for volunteer in volunteers:
        account = raw.execute(
            "SELECT id FROM timebank_accounts WHERE volunteer_id = ?", (volunteer,)
        ).fetchone()[0]
        balances: Any = None
        page: Any = None

        def read(v: int = volunteer) -> None:
            nonlocal balances, page
            balances = timebank.get_balances(database, actor, v)
            page = timebank.statement(database, actor, v, start, end, 0, PAGE)

        elapsed = _ms(read)
        service_ms.append(elapsed)
        statement_ms.append(
            _ms(partial(timebank.statement, database, actor, volunteer, start, end))
        )
        expected: Any = None
        rows: Any = None

        def raw_read(a: int = account, v: int = volunteer) -> None:
            nonlocal expected, rows
            expected = _raw_balances(raw, v, a)
            rows = _raw_first_page(raw, a, start.isoformat(), end.isoformat())

        raw_ms.append(_ms(raw_read))
        differ += (balances.served, balances.spendable, balances.pending) != expected or [
            m.entry_id for m in page.movements
        ] != [row[0] for row in rows]
    ratio = _p95(service_ms) / max(_p95(raw_ms), 0.01)
    return emit(
        "timebank_balances_and_first_page",
        {
            "entries": entries,
            "samples": len(volunteers),
            "service_p50_ms": round(statistics.median(service_ms), 2),
            "service_p95_ms": round(_p95(service_ms), 2),
            "statement_page_alone_p95_ms": round(_p95(statement_ms), 2),
            "raw_sqlite_p95_ms": round(_p95(raw_ms), 2),
            "ratio_to_raw_p95": round(ratio, 1),
            "results_differ_from_raw": differ,
            "target_ms": 20,
            "target_ratio": TARGET_RATIOS["balances_and_first_page"],
            "meets_target": _p95(service_ms) < 20
            and ratio <= TARGET_RATIOS["balances_and_first_page"]
            and differ == 0,
        },
    )


def bench_posting(
    application: Any, raw: sqlite3.Connection, volunteers: list[int], entries: int
) -> dict[str, Any]:
    from dangqun.timebank import service as timebank

    actor = system_actor("benchmark")
    database = application.database
    timebank.donate(database, actor, volunteers[-1], 1, str(uuid.uuid4()))  # warm the caches
    service_ms = [
        _ms(
            partial(
                timebank.spend,
                database,
                actor,
                volunteer,
                30,
                timebank.ReceivedKind.ITEM,
                "爱心米",
                str(uuid.uuid4()),
            )
        )
        for volunteer in volunteers
    ]
    catalogue = raw.execute("SELECT id FROM timebank_accounts WHERE kind = 'catalogue'").fetchone()[
        0
    ]
    raw_ms = []
    for number, volunteer in enumerate(volunteers):
        account = raw.execute(
            "SELECT id FROM timebank_accounts WHERE volunteer_id = ?", (volunteer,)
        ).fetchone()[0]

        def insert(n: int = number, a: int = account) -> None:
            stamp = "2026-12-06 08:00:00.000000"
            cursor = raw.execute(
                "INSERT INTO timebank_transfers (kind, request_id, booked_on, received_kind, "
                "received, posted_by, uuid, created_at, updated_at, change_seq) "
                "VALUES ('spend', ?, '2026-12-06', 'item', '爱心米', 'raw', ?, ?, ?, 0)",
                (f"raw-{n}", str(uuid.uuid4()), stamp, stamp),
            )
            for leg_account, amount in ((a, -30), (catalogue, 30)):
                raw.execute(
                    "INSERT INTO timebank_entries (transfer_id, account_id, amount, booked_on, "
                    "uuid, created_at, updated_at, change_seq) VALUES (?, ?, ?, '2026-12-06', ?, "
                    "?, ?, 0)",
                    (cursor.lastrowid, leg_account, amount, str(uuid.uuid4()), stamp, stamp),
                )
            raw.commit()

        raw_ms.append(_ms(insert))
    ratio = _p95(service_ms) / max(_p95(raw_ms), 0.01)
    return emit(
        "timebank_posting",
        {
            "entries": entries,
            "postings": len(service_ms),
            "service_p50_ms": round(statistics.median(service_ms), 2),
            "service_p95_ms": round(_p95(service_ms), 2),
            "raw_sqlite_insert_and_commit_p95_ms": round(_p95(raw_ms), 2),
            "ratio_to_raw_p95": round(ratio, 1),
            "target_ms": 10,
            "target_ratio": TARGET_RATIOS["posting"],
            "meets_target": _p95(service_ms) < 10 and ratio <= TARGET_RATIOS["posting"],
        },
    )


_RAW_SERVED = (
    "SELECT e.account_id, sum(e.amount) FROM timebank_entries e "
    "JOIN timebank_transfers t ON t.id = e.transfer_id "
    "LEFT JOIN timebank_transfers o ON o.id = t.reverses_id "
    "JOIN timebank_accounts a ON a.id = e.account_id "
    "WHERE e.booked_on <= ? AND a.volunteer_id IS NOT NULL "
    "AND (t.kind = 'earn' OR o.kind = 'earn') GROUP BY e.account_id"
)
"""The minutes served through the month's end, as ``closing_snapshot`` sums them."""


def bench_closing(application: Any, raw: sqlite3.Connection, entries: int) -> dict[str, Any]:
    from dangqun.timebank import service as timebank

    month, last_day = "2026-11", "2026-11-30"
    started = time.perf_counter()
    raw_rows = raw.execute(
        "SELECT account_id, sum(amount) FROM timebank_entries WHERE booked_on <= ? "
        "GROUP BY account_id",
        (last_day,),
    ).fetchall()
    served = dict(raw.execute(_RAW_SERVED, (last_day,)).fetchall())
    raw.execute("CREATE TEMP TABLE snapshot (account_id, balance, served)")
    raw.executemany(
        "INSERT INTO snapshot VALUES (?, ?, ?)",
        [(account, balance, served.get(account, 0)) for account, balance in raw_rows],
    )
    raw.commit()
    raw_seconds = time.perf_counter() - started
    started = time.perf_counter()
    result = timebank.close_month(
        application.database, system_actor("benchmark"), month, today=date(2026, 12, 6)
    )
    seconds = time.perf_counter() - started
    ratio = seconds / max(raw_seconds, 0.001)
    return emit(
        "timebank_monthly_closing",
        {
            "entries": entries,
            "accounts_closed": result.accounts,
            "snapshot_total_minutes": result.total,
            "service_seconds": round(seconds, 2),
            "raw_sqlite_group_by_and_insert_seconds": round(raw_seconds, 3),
            "raw_accounts": len(raw_rows),
            "ratio_to_raw": round(ratio, 1),
            "target_seconds": 10,
            "target_ratio": TARGET_RATIOS["closing"],
            "meets_target": seconds < 10
            and ratio <= TARGET_RATIOS["closing"]
            and result.total == 0
            and result.accounts == len(raw_rows),
        },
    )


def main(entries: int, samples: int, seed: int) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder) / "center")
        application = open_application(paths)
        initialize_center(
            application.database,
            FirstRunAnswers(
                "翠湖社区党群服务中心", "530102001001", "admin", "王芳", "bench-pass-1"
            ),
        )
        application.close()
        built = build_ledger(paths.database, entries, seed)
        emit(
            "timebank_ledger_built",
            {key: value for key, value in built.items() if key != "rich"},
        )
        pick = random.Random(seed)
        application = open_application(paths)
        raw = sqlite3.connect(paths.database)
        try:
            readers = pick.sample(built["rich"], min(samples, len(built["rich"])))
            spenders = built["rich"][:samples]
            results = [
                bench_reads(application, raw, readers, built["entries"]),
                bench_posting(application, raw, spenders, built["entries"]),
                bench_closing(application, raw, built["entries"]),
            ]
        finally:
            raw.close()
            application.close()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="100,000 entries, for a smoke run")
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--seed", type=int, default=13)
    arguments = parser.parse_args()
    main(100_000 if arguments.quick else arguments.entries, arguments.samples, arguments.seed)
