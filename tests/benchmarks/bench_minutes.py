"""会议记录 on ten years of minutes for 50 branches, each figure against raw sqlite3 in the same run.

    python tests/benchmarks/bench_minutes.py [--years 10] [--branches 50] [--samples 30] [--quick]

Targets (issue 15 "Performance"): full-text search under 50 ms, the yearly compliance table of
a branch under 200 ms, opening a meeting with 200 attendees under 100 ms — all through
:mod:`dangqun.minutes.service`, as the UI calls it.

The center is made as the demo makes one: members and the organization tree by the members
demo's own generator (:func:`dangqun.members.demo.generate_member_demo`), then grid branches
added up to ``--branches`` and the members dealt out over them (one branch of 220, so a 支部党员
大会 has 200 and more attendees). The minutes are bulk-inserted with
:func:`dangqun.core.model_base.insert_synced_rows` in one unit of work (one service call per
meeting would take an hour): per branch and year 4 党员大会, 12 支委会, 12 党小组会, 4 党课, 12 主题党日,
组织生活会, 民主评议 and three 逢四说事, some left out so branches fall behind; each with two agenda
items of two speeches and, for votes, a resolution with tallies within those present. The
full-text index is then built by :func:`dangqun.minutes.search.ensure_index`, the code that
rebuilds it after a restore (its time is reported).

Baselines, with the standard library's sqlite3 in the same run: the FTS5 ``MATCH`` with
``snippet()`` and the hits' meeting rows; the compliance ``GROUP BY`` of the branch and year;
the meeting's row, attendance, agenda, speeches and resolutions. The targets are ratios to
those baselines (and the issue's milliseconds), never wall-clock asserts in unit tests.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dangqun.bootstrap import FirstRunAnswers, initialize_center, open_application
from dangqun.core.clock import local_today
from dangqun.core.paths import DataPaths
from dangqun.core.security import system_actor
from tests.benchmarks.common import emit

TARGET_MS = {"search": 50, "compliance": 200, "open_meeting": 100}
TARGET_RATIOS = {"search": 6.0, "compliance": 10.0, "open_meeting": 15.0}
"""How many times its raw baseline a service call may take: the service also checks the
permission, reads the organization tree (compliance), builds the periods and cells or the
plain dataclasses, and turns the snippet's markers into highlight ranges."""
BIG_BRANCH = 220
MEMBERS_PER_BRANCH = 30
SCHEDULE = (
    ("general_meeting", (2, 5, 8, 11)),
    ("committee", tuple(range(1, 13))),
    ("group_meeting", tuple(range(1, 13))),
    ("party_lesson", (3, 6, 9, 12)),
    ("theme_day", tuple(range(1, 13))),
    ("life_meeting", (12,)),
    ("evaluation", (12,)),
    ("deliberation", (4, 7, 10)),
)
BEHIND = 0.08
"""Share of scheduled meetings not held, so some branches fall behind (the compliance view)."""
SUBJECTS = (
    "学习贯彻党的二十大精神", "老旧小区改造", "垃圾分类宣传", "停车难问题", "加装电梯协商",
    "关爱空巢老人", "楼道杂物清理", "网格员走访", "发展党员", "预备党员转正", "党费收缴",
    "主题教育", "文明城市创建", "防汛安全", "反诈宣传", "志愿服务积分", "社区食堂运营",
    "物业服务评议", "困难党员慰问", "青少年暑期托管", "消防通道整治", "党史学习教育",
)  # fmt: skip
VERBS = ("讨论", "部署", "通报", "研究", "学习", "总结", "推进", "听取意见：")
SEARCHES = ("老旧小区改造", "垃圾分类", "加装电梯", "预备党员转正", "反诈宣传", "社区食堂运营")


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)]


def _ms(function: Callable[[], Any]) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def make_center(application: Any, branches: int) -> dict[int, list[tuple[int, str]]]:
    """The members demo's tree and members, with grid branches added up to ``branches`` and
    the members dealt out over them; returns each branch's members (id, name)."""
    from sqlalchemy import select, update

    from dangqun.core.model_base import insert_synced_rows
    from dangqun.demo import DemoOptions
    from dangqun.members.demo import generate_member_demo
    from dangqun.members.models import Member, Organization

    actor = system_actor("benchmark")
    total = BIG_BRANCH + MEMBERS_PER_BRANCH * (branches - 1)
    with application.database.unit_of_work(actor) as work:
        session = work.session
        options = DemoOptions(total, 15, local_today(), "翠湖社区党群服务中心", "530102001001")
        generate_member_demo(work, options, None)
        existing = list(
            session.scalars(
                select(Organization.id)
                .where(Organization.level == "grid_branch")
                .order_by(Organization.id)
            )
        )
        community = session.scalar(select(Organization.id).where(Organization.level == "community"))
        first_id = (
            session.scalar(select(Organization.id).order_by(Organization.id.desc())) or 0
        ) + 1
        added = [
            {
                "id": first_id + i,
                "parent_id": community,
                "level": "grid_branch",
                "name": f"第{len(existing) + i + 1}网格党支部",
                "code": f"530102001001{len(existing) + i + 1:03d}",
                "sort_order": len(existing) + i + 1,
            }
            for i in range(branches - len(existing))
        ]
        insert_synced_rows(session, Organization, added)
        branch_ids = existing + [row["id"] for row in added]
        members = list(session.execute(select(Member.id, Member.name).order_by(Member.id)))
        roster: dict[int, list[tuple[int, str]]] = {b: [] for b in branch_ids}
        for index, (member_id, name) in enumerate(members):
            branch = (
                branch_ids[0]
                if index < BIG_BRANCH
                else branch_ids[1 + (index - BIG_BRANCH) % (branches - 1)]
            )
            roster[branch].append((member_id, name))
        for branch, people in roster.items():
            session.execute(
                update(Member)
                .where(Member.id.in_([member_id for member_id, _name in people]))
                .values(organization_id=branch)
            )
        work.commit()
    return roster


def _text(pick: random.Random, subject: str) -> str:
    other = pick.choice(SUBJECTS)
    return (
        f"{pick.choice(VERBS)}{subject}工作，结合{other}，明确责任人和完成时限，"
        f"要求各党小组在{pick.randint(1, 4)}周内反馈群众意见。"
    )


def build_minutes(
    application: Any, roster: dict[int, list[tuple[int, str]]], years: int, seed: int
) -> dict[str, Any]:
    """Ten years of minutes per branch, bulk-inserted in one unit of work (see the docstring)."""
    from sqlalchemy import func, select

    from dangqun.core.model_base import insert_synced_rows
    from dangqun.minutes.models import AgendaItem, AttendanceLine, Meeting, Resolution, Speech
    from dangqun.minutes.search import ensure_index

    pick = random.Random(seed)
    actor = system_actor("benchmark")
    today = local_today()
    first_year = today.year - years + 1
    started = time.perf_counter()
    counts = {"meetings": 0, "attendance": 0, "agenda_items": 0, "speeches": 0, "resolutions": 0}
    with application.database.unit_of_work(actor) as work:
        session = work.session
        meeting_id = (session.scalar(select(func.max(Meeting.id))) or 0) + 1
        item_id = (session.scalar(select(func.max(AgendaItem.id))) or 0) + 1
        for year in range(first_year, today.year + 1):
            meetings: list[dict[str, Any]] = []
            lines: list[dict[str, Any]] = []
            items: list[dict[str, Any]] = []
            speeches: list[dict[str, Any]] = []
            resolutions: list[dict[str, Any]] = []
            for branch, people in roster.items():
                for meeting_type, months in SCHEDULE:
                    for month in months:
                        on_date = date(year, month, 4 if meeting_type == "deliberation" else 10)
                        if on_date > today or pick.random() < BEHIND:
                            continue
                        attending = (
                            people[:5]
                            if meeting_type == "committee"
                            else pick.sample(people, min(10, len(people)))
                            if meeting_type == "group_meeting"
                            else people
                        )
                        host, recorder = people[0], people[1]
                        subject = pick.choice(SUBJECTS)
                        meetings.append(
                            {
                                "id": meeting_id, "organization_id": branch,
                                "meeting_type": meeting_type, "title": None,
                                "on_date": on_date, "start_minute": 14 * 60 + 30,
                                "end_minute": 16 * 60, "time_zone": "Asia/Shanghai",
                                "place": "党群服务中心会议室", "room_id": None,
                                "host_member_id": host[0], "host_name": host[1],
                                "recorder_member_id": recorder[0], "recorder_name": recorder[1],
                                "lecturer_name": host[1] if meeting_type == "party_lesson" else None,
                                "topic": subject, "observers": None, "status": "draft",
                                "locked_at": None, "content_hash": None,
                            }
                        )  # fmt: skip
                        present = 0
                        for position, (member_id, name) in enumerate(attending, start=1):
                            absent = position > 2 and pick.random() < 0.12
                            present += not absent
                            lines.append(
                                {
                                    "meeting_id": meeting_id, "member_id": member_id,
                                    "name": name, "voting": True, "probationary": False,
                                    "observer": False,
                                    "status": "leave" if absent else "present",
                                    "reason": "personal" if absent else None,
                                    "reason_note": None, "makeup_on": None,
                                    "makeup_notes": None, "position": position,
                                }
                            )  # fmt: skip
                        for position in (1, 2):
                            items.append(
                                {
                                    "id": item_id, "meeting_id": meeting_id,
                                    "position": position, "title": f"{subject}（{position}）",
                                    "content": _text(pick, subject),
                                }
                            )  # fmt: skip
                            for order in (1, 2):
                                speaker = pick.choice(attending)
                                speeches.append(
                                    {
                                        "agenda_item_id": item_id, "position": order,
                                        "speaker_member_id": speaker[0],
                                        "speaker_name": speaker[1],
                                        "points": _text(pick, pick.choice(SUBJECTS)),
                                    }
                                )  # fmt: skip
                            item_id += 1
                        if meeting_type in ("general_meeting", "committee"):
                            should = len(attending)
                            yes = max(present - pick.randint(0, 2), 0)
                            passed = present * 2 > should and yes * 2 > should
                            resolutions.append(
                                {
                                    "meeting_id": meeting_id, "position": 1,
                                    "decision_kind": "resolution",
                                    "text": f"同意{subject}工作方案", "on_admission": False,
                                    "voted": True, "yes_count": yes, "no_count": present - yes,
                                    "abstain_count": 0, "should_attend": should,
                                    "present": present, "may_vote": present * 2 > should,
                                    "passed": passed, "rule": "支部工作条例第十一条",
                                    "explanation": None,
                                }
                            )  # fmt: skip
                        meeting_id += 1
            insert_synced_rows(session, Meeting, meetings)
            insert_synced_rows(session, AttendanceLine, lines)
            insert_synced_rows(session, AgendaItem, items)
            insert_synced_rows(session, Speech, speeches)
            insert_synced_rows(session, Resolution, resolutions)
            for key, rows in (
                ("meetings", meetings),
                ("attendance", lines),
                ("agenda_items", items),
                ("speeches", speeches),
                ("resolutions", resolutions),
            ):
                counts[key] += len(rows)
        work.commit()
    built = time.perf_counter()
    with application.database.unit_of_work(actor) as work:
        ensure_index(work.session)
        work.commit()
    indexed = time.perf_counter()
    raw = sqlite3.connect(application.database.path)
    raw.execute("ANALYZE")
    raw.commit()
    raw.close()
    return {
        **counts,
        "years": years,
        "branches": len(roster),
        "build_seconds": round(built - started, 1),
        "index_rebuild_seconds": round(indexed - built, 1),
    }


def bench_search(application: Any, raw: sqlite3.Connection, samples: int) -> dict[str, Any]:
    from dangqun.minutes import service

    actor = system_actor("benchmark")
    database = application.database
    service.search_meetings(database, actor, SEARCHES[0])  # warm the statement caches
    service_ms, raw_ms, differ, found = [], [], 0, 0
    for index in range(samples):
        query = SEARCHES[index % len(SEARCHES)]
        result: Any = None
        rows: Any = None

        def read(q: str = query) -> None:
            nonlocal result
            result = service.search_meetings(database, actor, q)

        def raw_read(q: str = query) -> None:
            nonlocal rows
            rows = raw.execute(
                "SELECT meeting_id, source, snippet(minutes_search, 0, '[', ']', '…', 24) "
                "FROM minutes_search WHERE minutes_search MATCH ? ORDER BY rank LIMIT 50",
                (f'"{q}"',),
            ).fetchall()
            ids = sorted({row[0] for row in rows})
            raw.execute(
                "SELECT m.*, o.name FROM minutes_meetings m JOIN organizations o "
                f"ON o.id = m.organization_id WHERE m.id IN ({','.join('?' * len(ids))})",
                ids,
            ).fetchall()
            raw.execute(
                "SELECT meeting_id, count(*) FROM minutes_attendance "
                f"WHERE meeting_id IN ({','.join('?' * len(ids))}) GROUP BY meeting_id",
                ids,
            ).fetchall()

        service_ms.append(_ms(read))
        raw_ms.append(_ms(raw_read))
        differ += len(result.hits) != len(rows)
        found += len(result.hits)
    figures = _figures("search", service_ms, raw_ms, differ)
    return emit("minutes_search", {**figures, "hits_per_query": round(found / samples, 1)})


def bench_compliance(
    application: Any, raw: sqlite3.Connection, branches: list[int], samples: int
) -> dict[str, Any]:
    from dangqun.minutes import service

    actor = system_actor("benchmark")
    database = application.database
    year = local_today().year - 1
    service.compliance_table(database, actor, branches[0], year)  # warm
    service_ms, raw_ms, differ = [], [], 0
    for index in range(samples):
        branch = branches[index % len(branches)]
        table: Any = None
        counted: Any = None

        def read(b: int = branch) -> None:
            nonlocal table
            table = service.compliance_table(database, actor, b, year)

        def raw_read(b: int = branch) -> None:
            nonlocal counted
            counted = raw.execute(
                "SELECT meeting_type, CAST(strftime('%m', on_date) AS INTEGER), count(*) "
                "FROM minutes_meetings WHERE organization_id = ? AND on_date BETWEEN ? AND ? "
                "GROUP BY 1, 2",
                (b, f"{year}-01-01", f"{year}-12-31"),
            ).fetchall()

        service_ms.append(_ms(read))
        raw_ms.append(_ms(raw_read))
        differ += sum(cell.held for cell in table.cells) != sum(row[2] for row in counted)
    return emit("minutes_compliance_table", _figures("compliance", service_ms, raw_ms, differ))


def bench_open_meeting(application: Any, raw: sqlite3.Connection, samples: int) -> dict[str, Any]:
    from dangqun.minutes import service

    actor = system_actor("benchmark")
    database = application.database
    big = [
        row[0]
        for row in raw.execute(
            "SELECT meeting_id FROM minutes_attendance GROUP BY meeting_id "
            "HAVING count(*) >= 200 ORDER BY meeting_id"
        )
    ]
    chosen = [big[i * len(big) // samples] for i in range(samples)]
    service.get_meeting(database, actor, chosen[0])  # warm
    service_ms, raw_ms, differ = [], [], 0
    for meeting_id in chosen:
        detail: Any = None
        lines: Any = None

        def read(m: int = meeting_id) -> None:
            nonlocal detail
            detail = service.get_meeting(database, actor, m)

        def raw_read(m: int = meeting_id) -> None:
            nonlocal lines
            raw.execute(
                "SELECT m.*, o.name FROM minutes_meetings m JOIN organizations o "
                "ON o.id = m.organization_id WHERE m.id = ?",
                (m,),
            ).fetchone()
            lines = raw.execute(
                "SELECT * FROM minutes_attendance WHERE meeting_id = ? "
                "ORDER BY observer, position, id",
                (m,),
            ).fetchall()
            raw.execute(
                "SELECT s.* FROM minutes_agenda_items a JOIN minutes_speeches s "
                "ON s.agenda_item_id = a.id WHERE a.meeting_id = ? ORDER BY a.position, s.position",
                (m,),
            ).fetchall()
            for table in ("minutes_resolutions", "minutes_attachments", "minutes_signatures"):
                raw.execute(f"SELECT * FROM {table} WHERE meeting_id = ?", (m,)).fetchall()
            raw.execute("SELECT * FROM minutes_corrections WHERE meeting_id = ?", (m,)).fetchall()

        service_ms.append(_ms(read))
        raw_ms.append(_ms(raw_read))
        differ += len(detail.attendance) != len(lines)
    figures = _figures("open_meeting", service_ms, raw_ms, differ)
    return emit("minutes_open_meeting", {**figures, "attendees": len(lines)})


def _figures(key: str, service_ms: list[float], raw_ms: list[float], differ: int) -> dict[str, Any]:
    ratio = _p95(service_ms) / max(_p95(raw_ms), 0.01)
    return {
        "samples": len(service_ms),
        "service_p50_ms": round(statistics.median(service_ms), 2),
        "service_p95_ms": round(_p95(service_ms), 2),
        "raw_sqlite_p95_ms": round(_p95(raw_ms), 2),
        "ratio_to_raw_p95": round(ratio, 1),
        "results_differ_from_raw": differ,
        "target_ms": TARGET_MS[key],
        "target_ratio": TARGET_RATIOS[key],
        "meets_target": _p95(service_ms) < TARGET_MS[key]
        and ratio <= TARGET_RATIOS[key]
        and differ == 0,
    }


def main(years: int, branches: int, samples: int, seed: int) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder) / "center")
        application = open_application(paths)
        initialize_center(
            application.database,
            FirstRunAnswers(
                "翠湖社区党群服务中心", "530102001001", "admin", "王芳", "bench-pass-1"
            ),
        )
        roster = make_center(application, branches)
        built = build_minutes(application, roster, years, seed)
        emit("minutes_built", built)
        application.close()
        application = open_application(paths)
        raw = sqlite3.connect(paths.database, isolation_level=None)
        try:
            results = [
                bench_search(application, raw, samples),
                bench_compliance(application, raw, list(roster), samples),
                bench_open_meeting(application, raw, samples),
            ]
        finally:
            raw.close()
            application.close()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--branches", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="two years, for a smoke run")
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--seed", type=int, default=15)
    arguments = parser.parse_args()
    main(
        2 if arguments.quick else arguments.years,
        arguments.branches,
        10 if arguments.quick else arguments.samples,
        arguments.seed,
    )
