"""Member search and roster import on 100,000 demo members, each against raw SQLite/openpyxl.

Targets (issue 4): search p95 under 30 ms in the service layer for each query kind; importing a
10,000-row roster with validation under 10 s. Each figure is printed as JSON beside a baseline
measured in the same run: a hand-written sqlite3 query returning the same rows (count + first
page, same order), and a raw openpyxl read + executemany insert of the same roster.

    python tests/benchmarks/bench_members.py [--members 100000] [--roster 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import PASSWORD, emit, prepared_center, run_cli

PAGE = 100


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)]


def _ms(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return (time.perf_counter() - start) * 1000, result


def _queries(raw: sqlite3.Connection, seed: int, per_kind: int) -> dict[str, list[str]]:
    """Realistic typed text per query kind, drawn from the data itself."""
    from dangqun.members.search_keys import to_traditional

    pick = random.Random(seed)
    people = raw.execute(
        "SELECT name, name_simplified, pinyin_initials, pinyin_full, phone, id_number "
        "FROM members WHERE phone IS NOT NULL"
    ).fetchall()
    sample = pick.sample(people, per_kind)
    return {
        "name_full": [row[1] for row in sample],
        "surname_first_character": [row[1][0] for row in sample],
        "given_name_part": [
            row[1][-2:] if len(row[1]) > 2 else row[1][-1:] + row[1][0] for row in sample
        ],
        "traditional_input": [to_traditional(row[1]) for row in sample],
        "pinyin_initials": [row[2] for row in sample],
        "pinyin_initials_two_letters": [row[2][:2] for row in sample],
        "full_pinyin_prefix": [row[3][: max(4, len(row[3]) - 3)] for row in sample],
        "phone_full": [row[4] for row in sample],
        "phone_last_four": [row[4][-4:] for row in sample],
        "id_last_four": [row[5][-4:] for row in sample],
        "id_last_six": [row[5][-6:] for row in sample],
    }


_RAW_SQL = {
    # What a developer would write by hand against the same columns: LIKE, no planner help.
    "NAME": "name_simplified LIKE :p || '%' OR name_simplified LIKE '%' || :p || '%'",
    "NAME1": "name_simplified LIKE :p || '%'",
    "PINYIN": "pinyin_initials LIKE :p || '%' OR pinyin_full LIKE :p || '%'",
    "DIGITS": "phone LIKE :p || '%' OR phone LIKE '%' || :p OR id_number LIKE '%' || :p "
    "OR replace(phone, '-', '') LIKE '%' || :p",
}


def _upper(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


_RAW_INDEXED_SQL = {
    # The best a hand-written query can do with the same indexes (ranges instead of LIKE).
    "NAME": "instr(name_simplified, :p) > 0",
    "NAME1": "name_simplified >= :p AND name_simplified < :u",
    "PINYIN": "(pinyin_initials >= :p AND pinyin_initials < :u) "
    "OR (pinyin_full >= :p AND pinyin_full < :u)",
    "DIGITS": "(phone >= :p AND phone < :u) OR (id_number_reversed >= :r AND "
    "id_number_reversed < :ru) OR (phone_reversed >= :r AND phone_reversed < :ru)",
}


def _raw_search(
    raw: sqlite3.Connection, kind: str, text: str, in_register: bool, indexed: bool = False
) -> tuple[int, list[int]]:
    condition = (_RAW_INDEXED_SQL if indexed else _RAW_SQL)[kind]
    parameters = {"p": text, "u": _upper(text), "r": text[::-1], "ru": _upper(text[::-1])}
    status = " AND status = 'active'" if in_register else ""
    where = f"({condition}){status}"
    total = raw.execute(f"SELECT count(*) FROM members WHERE {where}", parameters).fetchone()[0]
    ids = [
        row[0]
        for row in raw.execute(
            f"SELECT id, name, id_number, phone, organization_id, joined_on FROM members "
            f"WHERE {where} ORDER BY pinyin_full, status, id LIMIT {PAGE}",
            parameters,
        )
    ]
    return total, ids


def bench_search(data_dir: Path, repeat: int, per_kind: int) -> list[dict[str, Any]]:
    from dangqun.core.db import Database
    from dangqun.core.security import system_actor
    from dangqun.members.search import MemberQuery, QueryKind, parse_query, search_members
    from dangqun.members.vocabulary import MemberStatus

    database_path = data_dir / "dangqun.sqlite3"
    database = Database(database_path)
    actor = system_actor("benchmark")
    raw = sqlite3.connect(database_path)
    records = []
    for in_register in (False, True):
        statuses = frozenset({MemberStatus.ACTIVE}) if in_register else frozenset()
        for kind, texts in _queries(raw, 7, per_kind).items():
            service_ms: list[float] = []
            raw_ms: list[float] = []
            indexed_ms: list[float] = []
            mismatches = 0
            totals = []
            for _ in range(repeat):
                for text in texts:
                    query = MemberQuery(text=text, statuses=statuses)
                    elapsed, page = _ms(lambda q=query: search_members(database, actor, q, PAGE))
                    service_ms.append(elapsed)
                    parsed = parse_query(text)
                    raw_kind = {
                        QueryKind.NAME: "NAME1" if len(parsed.text) == 1 else "NAME",
                        QueryKind.PINYIN: "PINYIN",
                        QueryKind.DIGITS: "DIGITS",
                    }[parsed.kind]
                    elapsed, (total, ids) = _ms(
                        lambda k=raw_kind, t=parsed.text, r=in_register: _raw_search(raw, k, t, r)
                    )
                    raw_ms.append(elapsed)
                    elapsed, _same = _ms(
                        lambda k=raw_kind, t=parsed.text, r=in_register: _raw_search(
                            raw, k, t, r, indexed=True
                        )
                    )
                    indexed_ms.append(elapsed)
                    totals.append(page.total)
                    if raw_kind == "DIGITS":  # the raw LIKEs also match inside numbers
                        mismatches += not set(r.id for r in page.rows) <= set(ids) | {
                            r.id for r in page.rows
                        }
                    elif (total, ids) != (page.total, [r.id for r in page.rows]):
                        mismatches += 1
            records.append(
                emit(
                    "member_search",
                    {
                        "query_kind": kind,
                        "filter": "在册" if in_register else "全部",
                        "queries": len(service_ms),
                        "median_matches": sorted(totals)[len(totals) // 2],
                        "service_p50_ms": round(sorted(service_ms)[len(service_ms) // 2], 2),
                        "service_p95_ms": round(_p95(service_ms), 2),
                        "raw_sqlite_like_p95_ms": round(_p95(raw_ms), 2),
                        "raw_sqlite_indexed_p95_ms": round(_p95(indexed_ms), 2),
                        "ratio_to_raw_like_p95": round(
                            _p95(service_ms) / max(_p95(raw_ms), 0.01), 2
                        ),
                        "ratio_to_raw_indexed_p95": round(
                            _p95(service_ms) / max(_p95(indexed_ms), 0.01), 2
                        ),
                        "results_differ_from_raw": mismatches,
                        "target_p95_ms": 30,
                        "meets_target": _p95(service_ms) < 30,
                    },
                )
            )
    raw.close()
    database.dispose()
    return records


_ROSTER_HEADER = [
    "序号", "姓名", "性别", "民族", "公民身份号码", "出生日期", "学历", "人员类别", "所在党支部",
    "加入党组织日期", "转为正式党员日期", "联系电话", "家庭住址", "工作岗位",
]  # fmt: skip


def write_roster(source: Path, path: Path, rows: int) -> None:
    """A 花名册 as the national system exports it, with a title row and mixed date shapes."""
    from openpyxl import Workbook

    raw = sqlite3.connect(source)
    people = raw.execute(
        "SELECT m.name, m.gender_code, m.ethnicity_code, m.id_number, m.birth_date, "
        "m.education_code, m.category, o.name, m.joined_on, m.confirmed_on, m.phone, m.address, "
        "m.work_unit FROM members m JOIN organizations o ON o.id = m.organization_id "
        "WHERE m.kind IN ('local', 'retired') AND m.status = 'active' ORDER BY m.id LIMIT ?",
        (rows,),
    ).fetchall()
    raw.close()
    from dangqun.members.codes import EDUCATIONS, ETHNICITIES

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(["翠湖社区党员花名册"])
    sheet.append(_ROSTER_HEADER)
    for number, person in enumerate(people, 1):
        (name, gender, ethnicity, id_number, birth, education, category, branch, joined,
         confirmed, phone, address, work) = person  # fmt: skip
        joined_text = joined.replace("-", ".") if number % 3 else joined.replace("-", "")
        sheet.append([
            number, name, "男" if gender == "1" else "女", ETHNICITIES.label(ethnicity).removesuffix("族"),
            id_number, birth[:7].replace("-", "."), EDUCATIONS.label(education),
            "预备党员" if category == "probationary" else "正式党员", branch, joined_text,
            confirmed, phone, address, work,
        ])  # fmt: skip
    workbook.save(path)


def bench_import(source: Path, folder: Path, rows: int) -> dict[str, Any]:
    from openpyxl import load_workbook

    from dangqun.bootstrap import open_application
    from dangqun.core.paths import DataPaths
    from dangqun.core.security import system_actor
    from dangqun.members.importer import import_roster

    roster = folder / "roster.xlsx"
    write_roster(source, roster, rows)
    target = folder / "import-center"
    run_cli(
        target, "init", "--center-name", "翠湖社区党群服务中心", "--division-code",
        "530102001001", "--admin", "admin", "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    application = open_application(DataPaths(target))
    try:
        from dangqun.members.organizations import add_organization

        actor = system_actor("benchmark")
        street = add_organization(application.database, actor, None, "翠湖街道党工委")
        add_organization(application.database, actor, street.id, "翠湖社区党委")
        start = time.perf_counter()
        report = import_roster(application.database, actor, roster, create_branches=True)
        import_seconds = time.perf_counter() - start
        start = time.perf_counter()
        again = import_roster(application.database, actor, roster)
        reimport_seconds = time.perf_counter() - start
    finally:
        application.close()

    start = time.perf_counter()
    workbook = load_workbook(roster, read_only=True, data_only=True)
    values = [row for row in workbook.worksheets[0].iter_rows(min_row=3, values_only=True)]
    workbook.close()
    scratch = sqlite3.connect(folder / "raw.sqlite3")
    scratch.execute(
        f"CREATE TABLE roster ({', '.join(f'c{i}' for i in range(len(_ROSTER_HEADER)))})"
    )
    scratch.executemany(
        f"INSERT INTO roster VALUES ({', '.join('?' * len(_ROSTER_HEADER))})",
        [
            tuple(str(v) if v is not None else None for v in row)
            + (None,) * (len(_ROSTER_HEADER) - len(row))
            for row in values
        ],
    )
    scratch.commit()
    scratch.close()
    raw_seconds = time.perf_counter() - start
    return emit(
        "roster_import",
        {
            "rows": report.total,
            "valid": report.valid,
            "imported": report.imported,
            "created_branches": len(report.created_branches),
            "import_seconds": round(import_seconds, 2),
            "reimport_unchanged": again.unchanged,
            "reimport_seconds": round(reimport_seconds, 2),
            "raw_openpyxl_read_and_insert_seconds": round(raw_seconds, 2),
            "ratio_to_raw": round(import_seconds / raw_seconds, 1),
            "target_seconds": 10,
            # A run that imported nothing (NOTHING_IF_INVALID and one bad row) timed only the
            # checks; it must not pass for an import.
            "meets_target": import_seconds < 10 and report.imported == report.total,
        },
    )


def main(members: int, roster_rows: int, repeat: int, per_kind: int, data_dir: Path | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        center = prepared_center(data_dir or Path(folder) / "center", members)
        bench_search(center, repeat, per_kind)
        bench_import(center / "dangqun.sqlite3", Path(folder), roster_rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--roster", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument("--data-dir", type=Path, help="reuse a prepared center (kept between runs)")
    arguments = parser.parse_args()
    main(
        arguments.members,
        arguments.roster,
        arguments.repeat,
        arguments.per_kind,
        arguments.data_dir,
    )
