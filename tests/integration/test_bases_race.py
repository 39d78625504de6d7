"""Issue 14: two bookings made at the same moment from two *processes* cannot both take the last
places. Each round starts two real ``dangqun bases book`` processes at once for the last places
of one slot; the room must never be over capacity and exactly one of them must win.

The instance lock keeps two dangqun programs out of one data directory, so a second process can
only reach the same database file through another path — here a second data directory whose
database is a symbolic link to the first one's (SQLite resolves the link, so both share one WAL
and one lock). That is exactly the case the database-level guard is for: the check and the write
are one ``BEGIN IMMEDIATE`` transaction, whoever holds which lock file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from dangqun.bases.service import BookingForm, OrganizationType, book
from dangqun.bootstrap import open_application
from dangqun.core.paths import DataPaths
from dangqun.core.security import system_actor
from tests.cli_helpers import CLI
from tests.conftest import ADMIN_PASSWORD
from tests.integration.test_bases_cli import book_words, prepare_base

ROUNDS = {"quick": 3, "thorough": 12}
"""Races per run: a few in the default run, many in CI's slow run (each round is two processes)."""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")


def _start(data_dir, words: list[str]) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    process = subprocess.Popen(
        [*CLI, "--data-dir", str(data_dir), "--user", "admin", "--password-stdin", *words],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert process.stdin is not None
    process.stdin.write(ADMIN_PASSWORD + "\n")
    process.stdin.close()
    return process


@pytest.mark.parametrize(
    "rounds",
    [
        pytest.param(ROUNDS["quick"], id="quick"),
        pytest.param(ROUNDS["thorough"], id="thorough", marks=pytest.mark.slow),
    ],
)
def test_two_processes_never_take_the_last_places_twice(initialized_paths, tmp_path, rounds):
    hall, _room = prepare_base(initialized_paths)
    second = DataPaths(tmp_path / "second")
    second.root.mkdir(mode=0o700)
    second.database.symlink_to(initialized_paths.database)
    first_day = (datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(days=2)).date()
    application = open_application(initialized_paths)
    try:
        for round_number in range(rounds):
            book(
                application.database,
                system_actor("测试"),
                BookingForm(
                    room_id=hall,
                    on_date=first_day + timedelta(days=round_number),
                    starts_at=time(9),
                    ends_at=time(11),
                    headcount=25,
                    organization="先到的支部",
                    org_type=OrganizationType.BRANCH,
                    contact="周青",
                    phone="13900001111",
                ),
            )
    finally:
        application.close()
    winners = []
    for round_number in range(rounds):
        day = (first_day + timedelta(days=round_number)).isoformat()
        processes = [
            _start(directory, book_words(hall, 10, date=day, org=name))
            for directory, name in ((initialized_paths.root, "甲支部"), (second.root, "乙支部"))
        ]
        results = [(p.wait(timeout=240), p.stdout.read(), p.stderr.read()) for p in processes]  # type: ignore[union-attr]
        codes = sorted(code for code, _out, _err in results)
        assert codes == [0, 1], results
        refused = next(err for code, _out, err in results if code == 1)
        assert "只剩 5 个位置" in refused, refused
        winners.append(next(out.strip() for code, out, _err in results if code == 0))
    assert len(set(winners)) == rounds  # every number allocated once
    with sqlite3.connect(initialized_paths.database) as connection:
        over = connection.execute(
            "SELECT on_date, sum(headcount) FROM bases_bookings WHERE room_id = ? "
            "AND status = 'pending' GROUP BY on_date HAVING sum(headcount) > 40",
            (hall,),
        ).fetchall()
        assert over == []
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
