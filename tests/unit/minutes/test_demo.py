"""The minutes demo (issue 15): ``dangqun check`` passes on a fresh demo center (locked hashes,
verdicts, search index), the same seed gives the same minutes, attendance is the roster of each
meeting's date, tallies fit those present, most records are signed with a few drafts and
corrections, one branch falls behind, and the texts are searchable."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dangqun.bootstrap import Application, open_application
from dangqun.core.paths import DataPaths
from dangqun.demo import generate_demo_data
from dangqun.minutes import service
from dangqun.minutes.roster import roster_as_of
from tests.cli_helpers import run_cli
from tests.conftest import actor_of, demo_center, read_rows


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Application]:
    application = demo_center(tmp_path_factory.mktemp("minutes-demo") / "center", 120, 7)
    yield application
    application.close()


@pytest.mark.slow
def test_a_fresh_demo_center_passes_dangqun_check(initialized_paths: DataPaths) -> None:
    application = open_application(initialized_paths)
    try:
        generate_demo_data(application.database, actor_of(application, "admin"), 200, seed=3)
    finally:
        application.close()

    result = run_cli(initialized_paths.root, "check")

    assert result.returncode == 0, result.stdout + result.stderr
    for rule in ("minutes_locked_hash", "minutes_verdicts", "minutes_search_index"):
        assert rule in result.stdout


@pytest.mark.slow
def test_the_same_seed_gives_the_same_minutes(tmp_path: Path) -> None:
    sql = (
        "SELECT m.uuid, m.on_date, m.meeting_type, m.organization_id, m.status, m.content_hash, "
        "(SELECT group_concat(a.member_id || a.status) FROM minutes_attendance a "
        "WHERE a.meeting_id = m.id) FROM minutes_meetings m ORDER BY m.id"
    )
    made = []
    for name in ("one", "two"):
        application = demo_center(tmp_path / name, 60, 9)
        made.append(read_rows(application, sql))
        application.close()
    assert made[0] == made[1] and len(made[0]) > 100


def test_every_type_is_there_and_most_records_are_signed(demo: Application) -> None:
    by_type = dict(
        read_rows(demo, "SELECT meeting_type, count(*) FROM minutes_meetings GROUP BY 1")
    )
    for meeting_type in (
        "general_meeting",
        "committee",
        "group_meeting",
        "party_lesson",
        "theme_day",
        "life_meeting",
        "evaluation",
    ):
        assert by_type.get(meeting_type, 0) > 0, meeting_type
    statuses = dict(read_rows(demo, "SELECT status, count(*) FROM minutes_meetings GROUP BY 1"))
    assert statuses["signed"] > 0.85 * sum(statuses.values())
    assert statuses["draft"] > 0
    [(corrections,)] = read_rows(demo, "SELECT count(*) FROM minutes_corrections")
    assert corrections > 0


def test_attendance_is_the_roster_of_the_meeting_date(demo: Application) -> None:
    meetings = read_rows(
        demo,
        "SELECT id, organization_id, on_date FROM minutes_meetings "
        "WHERE meeting_type IN ('general_meeting', 'group_meeting') ORDER BY id",
    )
    with demo.database.reading() as session:
        for meeting_id, organization_id, on_date in meetings[:: max(1, len(meetings) // 12)]:
            expected = {
                (entry.member_id, entry.voting, entry.probationary)
                for entry in roster_as_of(session, organization_id, date.fromisoformat(on_date))
            }
            listed = set(
                read_rows(
                    demo,
                    "SELECT member_id, voting, probationary FROM minutes_attendance "
                    f"WHERE meeting_id = {meeting_id}",
                )
            )
            assert {(m, bool(v), bool(p)) for m, v, p in listed} == expected


def test_tallies_fit_the_voting_members_present(demo: Application) -> None:
    rows = read_rows(
        demo,
        "SELECT r.yes_count + r.no_count + r.abstain_count, r.present, r.should_attend, "
        "(SELECT count(*) FROM minutes_attendance a WHERE a.meeting_id = r.meeting_id "
        "AND a.voting AND a.status = 'present') FROM minutes_resolutions r WHERE r.voted",
    )
    assert rows
    for cast, present, should_attend, counted in rows:
        assert cast <= present == counted <= should_attend


def test_one_branch_is_behind_schedule(demo: Application) -> None:
    admin = actor_of(demo, "admin")
    overdue = service.overdue_meetings(demo.database, admin)
    assert overdue
    assert len({item.organization_id for item in overdue}) < len(
        read_rows(
            demo, "SELECT id FROM organizations WHERE level IN ('grid_branch', 'building_group')"
        )
    )


def test_the_texts_are_searchable(demo: Application) -> None:
    admin = actor_of(demo, "admin")
    found = service.search_meetings(demo.database, admin, "主题党日活动方案")
    assert found.hits and not found.substring_scan


@pytest.mark.slow
def test_the_demo_is_fast_for_two_hundred_members(initialized_paths: DataPaths) -> None:
    import dangqun.minutes.demo as minutes_demo

    spent: list[float] = []
    original = minutes_demo.generate_minutes_demo

    def timed(*arguments):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        made = original(*arguments)
        spent.append(time.perf_counter() - started)
        return made

    application = open_application(initialized_paths)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(minutes_demo, "generate_minutes_demo", timed)
            generate_demo_data(application.database, actor_of(application, "admin"), 200, seed=1)
    finally:
        application.close()
    assert spent and spent[0] < 2.0  # about 0.8 s measured on the shared 2-core machine
