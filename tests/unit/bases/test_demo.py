"""The bases demo (issue 14, "Demo data"): ``dangqun check`` passes on a fresh demo center, the
same seed gives the same bookings, and the two years look like a community's: 七一 peaks,
主题党日 Fridays, quiet 春节 and summer, statuses that follow the date, every kind of visitor."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from dangqun.bases import service as bases
from dangqun.bases.demo import spring_festival
from dangqun.bootstrap import Application, open_application
from dangqun.core.clock import local_today
from dangqun.core.paths import DataPaths
from dangqun.demo import generate_demo_data
from tests.cli_helpers import run_cli
from tests.conftest import actor_of, demo_center, read_rows


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Application]:
    application = demo_center(tmp_path_factory.mktemp("bases-demo") / "center", 400, 11)
    yield application
    application.close()


@pytest.mark.slow
def test_a_fresh_demo_center_passes_dangqun_check(initialized_paths: DataPaths) -> None:
    application = open_application(initialized_paths)
    try:
        generate_demo_data(application.database, actor_of(application, "admin"), 300, seed=3)
    finally:
        application.close()

    result = run_cli(initialized_paths.root, "check")

    assert result.returncode == 0, result.stdout + result.stderr
    for rule in ("bases_room_capacity", "bases_exclusive_rooms", "bases_lecturers"):
        assert rule in result.stdout


@pytest.mark.slow
def test_the_same_seed_gives_the_same_bookings(tmp_path: Path) -> None:
    sql = (
        "SELECT b.number, b.on_date, b.start_minute, r.name, o.name, b.status, b.headcount, "
        "b.actual_headcount, b.lecturer_id, b.uuid FROM bases_bookings b "
        "JOIN bases_rooms r ON r.id = b.room_id "
        "JOIN bases_organizations o ON o.id = b.organization_id ORDER BY b.number"
    )
    made = []
    for name in ("one", "two"):
        application = demo_center(tmp_path / name, 60, 9)
        made.append(read_rows(application, sql))
        application.close()
    assert made[0] == made[1] and len(made[0]) > 500


def test_every_base_type_and_visitor_type_and_status_is_there(demo: Application) -> None:
    types = {row[0] for row in read_rows(demo, "SELECT base_type FROM bases_bases")}
    visitors = {
        row[0]
        for row in read_rows(
            demo,
            "SELECT DISTINCT o.org_type FROM bases_bookings b "
            "JOIN bases_organizations o ON o.id = b.organization_id",
        )
    }
    assert types == {kind.value for kind in bases.BaseType}
    assert visitors == {kind.value for kind in bases.OrganizationType}
    lecturer_kinds = read_rows(
        demo,
        "SELECT count(member_id), count(volunteer_id), count(name) FROM bases_lecturers",
    )[0]
    assert all(count > 0 for count in lecturer_kinds)


def test_statuses_follow_the_date(demo: Application) -> None:
    today = local_today().isoformat()
    past = Counter(
        dict(
            read_rows(
                demo,
                f"SELECT status, count(*) FROM bases_bookings WHERE on_date < '{today}' GROUP BY 1",
            )
        )
    )
    future = Counter(
        dict(
            read_rows(
                demo,
                f"SELECT status, count(*) FROM bases_bookings WHERE on_date > '{today}' GROUP BY 1",
            )
        )
    )
    assert set(past) == {"completed", "cancelled", "no_show"}
    assert past["completed"] > 5 * (past["cancelled"] + past["no_show"])
    assert {"pending", "confirmed"} <= set(future) <= {"pending", "confirmed", "cancelled"}
    assert not read_rows(
        demo,
        "SELECT number FROM bases_bookings WHERE status = 'cancelled' "
        "AND coalesce(cancel_reason, '') = ''",
    )
    assert read_rows(demo, "SELECT count(*) FROM bases_attendees")[0][0] > 0
    # taken before the day, never in the future, within the 180-day advance
    for created, on_date in read_rows(demo, "SELECT created_at, on_date FROM bases_bookings"):
        taken = date.fromisoformat(created[:10])
        assert taken < date.fromisoformat(on_date) and taken <= local_today()
        assert (date.fromisoformat(on_date) - taken).days <= 181


def test_seasons_peak_at_july_first_and_quieten_in_spring_festival(demo: Application) -> None:
    by_day = Counter(
        {
            date.fromisoformat(day): count
            for day, count in read_rows(
                demo,
                "SELECT on_date, count(*) FROM bases_bookings WHERE status != 'cancelled' GROUP BY 1",
            )
        }
    )
    year = local_today().year - 1
    peak = sum(by_day[date(year, 6, 10) + timedelta(days=i)] for i in range(21))
    summer = sum(by_day[date(year, 8, 1) + timedelta(days=i)] for i in range(21))
    spring = spring_festival(year)
    assert peak > 2 * summer
    assert all(by_day[spring + timedelta(days=i)] == 0 for i in range(-1, 6))
    fridays = [day for day in by_day if day.weekday() == 4]
    first = [by_day[day] for day in fridays if day.day <= 7]
    other = [by_day[day] for day in fridays if day.day > 7]
    assert sum(first) / len(first) > sum(other) / len(other)


def test_series_week_view_and_statistics_read_the_demo(demo: Application) -> None:
    admin = actor_of(demo, "admin")
    series = read_rows(demo, "SELECT id, kind FROM bases_series")
    assert len(series) == 3
    for series_id, _kind in series:
        assert bases.series_bookings(demo.database, admin, series_id)
    base_id = bases.list_bases(demo.database, admin)[1].id
    view = bases.week_view(demo.database, admin, local_today(), base_id=base_id)
    assert view.rooms
    report = bases.statistics(
        demo.database,
        admin,
        date(local_today().year - 1, 1, 1),
        date(local_today().year - 1, 12, 31),
    )
    assert report.visits > 100 and "批" in report.summary
