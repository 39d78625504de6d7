"""``dangqun bases list / book / cancel / stats`` as real processes on a real data directory
(issue 14, "CLI"): exit 0 with the booking number, 1 with the reason in Chinese."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from dangqun.bases.service import (
    BaseForm,
    BaseType,
    CheckInForm,
    RoomForm,
    check_in,
    create_base,
    create_room,
    find_booking,
    set_opening_hours,
)
from dangqun.bootstrap import open_application
from tests.cli_helpers import run_cli
from tests.conftest import actor_of

DAY = (datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(days=3)).date()
"""Three days ahead of the real clock: the CLI books against the present."""


def prepare_base(paths) -> tuple[int, int]:
    """A base with a shared hall (40) and an exclusive room (12), open 08:00–21:00 daily."""
    application = open_application(paths)
    try:
        database = application.database
        admin = actor_of(application, "admin")
        base = create_base(
            database, admin, BaseForm("翠湖红色教育基地", BaseType.RED, "翠湖南路 1 号")
        )
        set_opening_hours(database, admin, base.id, {d: [(time(8), time(21))] for d in range(7)})
        hall = create_room(database, admin, RoomForm(base.id, "党员活动室", 40))
        room = create_room(database, admin, RoomForm(base.id, "会议室", 12, exclusive=True))
        return hall.id, room.id
    finally:
        application.close()


def book_words(room: int, headcount: int = 10, /, **changes: str) -> list[str]:
    options = {
        "--room": str(room),
        "--date": DAY.isoformat(),
        "--start": "09:00",
        "--end": "11:00",
        "--headcount": str(headcount),
        "--org": "翠湖社区第一党支部",
        "--org-type": "支部",
        "--contact": "陈立",
        "--phone": "13888001234",
    }
    options.update({f"--{key.replace('_', '-')}": value for key, value in changes.items()})
    return ["bases", "book", *[word for pair in options.items() for word in pair]]


@pytest.fixture
def rooms(initialized_paths):
    return prepare_base(initialized_paths)


def test_list_shows_bases_rooms_with_ids_capacity_and_hours(initialized_paths, rooms):
    hall, room = rooms
    result = run_cli(initialized_paths.root, "bases", "list")
    assert result.returncode == 0, result.stderr
    assert f"活动室 {hall} 党员活动室：容纳 40 人" in result.stdout
    assert f"活动室 {room} 会议室：容纳 12 人，独占使用" in result.stdout
    assert "星期一 08:00–21:00" in result.stdout
    listed = json.loads(run_cli(initialized_paths.root, "bases", "list", "--json").stdout)
    assert listed[0]["rooms"] == [
        {"id": hall, "name": "党员活动室", "capacity": 40, "exclusive": False},
        {"id": room, "name": "会议室", "capacity": 12, "exclusive": True},
    ]


def test_book_prints_the_number_and_cancel_frees_the_places(initialized_paths, rooms):
    hall, _room = rooms
    result = run_cli(initialized_paths.root, *book_words(hall, 40))
    assert result.returncode == 0, result.stderr
    number = result.stdout.strip()
    assert number == f"YY-{datetime.now(ZoneInfo('Asia/Shanghai')).year}-000001"
    full = run_cli(initialized_paths.root, *book_words(hall, 1, org="另一个支部"))
    assert full.returncode == 1
    assert "只剩 0 个位置" in full.stderr
    cancelled = run_cli(initialized_paths.root, "bases", "cancel", number, "--reason", "支部改期")
    assert cancelled.returncode == 0, cancelled.stderr
    assert cancelled.stdout.strip() == f"已取消预约 {number}"
    again = run_cli(initialized_paths.root, *book_words(hall, 40, org="另一个支部"), "--json")
    assert again.returncode == 0, again.stderr
    booked = json.loads(again.stdout)
    assert (booked["start"], booked["time_zone"], booked["status"]) == (
        "09:00",
        "Asia/Shanghai",
        "pending",
    )


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"end": "08:30"}, "结束时间 08:30 必须晚于开始时间 09:00"),
        ({"headcount": "0"}, "预计人数必须在 1 到 2000 之间"),
        ({"phone": "12345"}, "联系电话有误"),
        ({"room": "999"}, "活动室（编号 999）不存在"),
        ({"org_type": "居委会"}, "组织类型“居委会”应为"),
        ({"date": "2020-01-03"}, "已经过去，不能预约"),
    ],
)
def test_book_refuses_bad_input_in_chinese_with_exit_1(initialized_paths, rooms, changes, reason):
    hall, _room = rooms
    result = run_cli(initialized_paths.root, *book_words(hall, **changes))
    assert result.returncode == 1
    assert reason in result.stderr
    assert "Traceback" not in result.stderr
    with sqlite3.connect(initialized_paths.database) as connection:
        assert connection.execute("SELECT count(*) FROM bases_bookings").fetchone() == (0,)


@pytest.mark.slow
def test_stats_counts_checked_in_visits(initialized_paths, rooms):
    hall, _room = rooms
    number = run_cli(initialized_paths.root, *book_words(hall, 20)).stdout.strip()
    application = open_application(initialized_paths)
    try:
        admin = actor_of(application, "admin")
        booking = find_booking(application.database, admin, number)
        on_the_day = datetime.combine(DAY, time(9, 30), tzinfo=ZoneInfo("Asia/Shanghai"))
        check_in(application.database, admin, booking.id, CheckInForm(18), now=on_the_day)
    finally:
        application.close()
    words = ["bases", "stats", "--from", DAY.replace(day=1).isoformat(), "--to", DAY.isoformat()]
    result = run_cli(initialized_paths.root, *words)
    assert result.returncode == 0, result.stderr
    assert "先后有 1 批 18 人次到基地开展活动" in result.stdout
    payload = json.loads(run_cli(initialized_paths.root, *words, "--json").stdout)
    assert (payload["visits"], payload["people"]) == (1, 18)
    assert payload["by_org_type"][0] == {"name": "支部", "visits": 1, "people": 18}
