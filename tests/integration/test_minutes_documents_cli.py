"""``dangqun print minutes --id ID``, ``dangqun minutes sign-in-sheet`` and ``dangqun minutes
compliance`` as real processes on a real data directory (issue 15, "Prints", "Compliance
calendar"): exit 0 with the PDF written or the table in Chinese, ``--json`` for scripts; 1 for a
bad year or branch, with the reason in Chinese and nothing written."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dangqun.bootstrap import open_application
from dangqun.minutes import service
from dangqun.minutes.vocabulary import MeetingType
from tests.cli_helpers import run_cli
from tests.conftest import actor_of, requires_poppler
from tests.unit.minutes.conftest import make_center, meeting_form
from tests.unit.printing.pdf_tools import compact_text

pytestmark = [pytest.mark.slow, requires_poppler]


@pytest.fixture
def center(initialized_paths):
    """The minutes test center with a general meeting on 2026-11-10 and a committee meeting
    in March; returns (branch id, general meeting id)."""
    application = open_application(initialized_paths)
    try:
        database = application.database
        admin = actor_of(application, "admin")
        made = make_center(database, admin)
        meeting_id = service.create_meeting(database, admin, meeting_form(made))
        service.create_meeting(
            database,
            admin,
            meeting_form(made, meeting_type=MeetingType.COMMITTEE, on_date=date(2026, 3, 5)),
        )
    finally:
        application.close()
    return made.branch, meeting_id


def test_the_record_and_its_sign_in_sheet_print_by_id(initialized_paths, center, tmp_path):
    _branch, meeting_id = center
    record, sheet = tmp_path / "记录.pdf", tmp_path / "签到表.pdf"

    printed = run_cli(
        initialized_paths.root, "print", "minutes", "--id", str(meeting_id), "--out", str(record)
    )
    signed_in = run_cli(
        initialized_paths.root,
        "minutes",
        "sign-in-sheet",
        "--id",
        str(meeting_id),
        "--out",
        str(sheet),
    )
    unknown = run_cli(
        initialized_paths.root, "minutes", "sign-in-sheet", "--id", "999", "--out", str(sheet)
    )

    assert printed.returncode == 0, printed.stderr
    assert "草稿" in compact_text(record)  # not signed yet
    assert signed_in.returncode == 0, signed_in.stderr
    assert "签到表" in compact_text(sheet) and "王建国" in compact_text(sheet)
    assert unknown.returncode == 1 and "999" in unknown.stderr and "Traceback" not in unknown.stderr


def test_compliance_prints_the_table_and_refuses_bad_years_and_branches(
    initialized_paths, center, tmp_path
):
    branch, _meeting = center
    root = initialized_paths.root

    table = run_cli(root, "minutes", "compliance", "--year", "2026", "--branch", str(branch))
    as_json = run_cli(root, "minutes", "compliance", "--year", "2026", "--json")
    paper = tmp_path / "落实情况.pdf"
    printed = run_cli(
        root,
        "minutes",
        "compliance",
        "--year",
        "2026",
        "--branch",
        str(branch),
        "--out",
        str(paper),
    )
    bad_year = run_cli(root, "minutes", "compliance", "--year", "二〇二六")
    far_year = run_cli(root, "minutes", "compliance", "--year", "99999")
    bad_branch = run_cli(root, "minutes", "compliance", "--year", "2026", "--branch", "999")

    assert table.returncode == 0, table.stderr
    assert "第一网格党支部" in table.stdout and "2026年三会一课落实情况" in table.stdout
    assert "逾期未开：" in table.stdout and "支部委员会：1月、2月、4月" in table.stdout
    assert as_json.returncode == 0, as_json.stderr
    sheets = {sheet["organization_id"]: sheet for sheet in json.loads(as_json.stdout)}
    assert branch in sheets and len(sheets) >= 3  # both branches and the group
    march = sheets[branch]["rows"][2]
    committee = sheets[branch]["columns"].index("支部委员会")
    assert march[0] == "3月" and march[committee] == "1"
    assert printed.returncode == 0 and "三会一课落实情况" in compact_text(paper)
    for refused, words in ((bad_year, "年份"), (far_year, "年份"), (bad_branch, "不存在")):
        assert refused.returncode == 1, refused.stdout
        assert words in refused.stderr and "Traceback" not in refused.stderr


def test_list_gives_the_ids_newest_first_and_refuses_an_unknown_type(initialized_paths, center):
    _branch, meeting_id = center
    listed = run_cli(initialized_paths.root, "minutes", "list", "--json")
    lessons = run_cli(initialized_paths.root, "minutes", "list", "--type", "支委会", "--json")
    unknown = run_cli(initialized_paths.root, "minutes", "list", "--type", "茶话会")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert rows[0]["id"] == meeting_id and rows[0]["date"] == "2026-11-10"
    assert [row["date"] for row in rows] == sorted((row["date"] for row in rows), reverse=True)
    assert [row["type"] for row in json.loads(lessons.stdout)] == ["支部委员会"]
    assert unknown.returncode == 1 and "--type" in unknown.stderr and "茶话会" in unknown.stderr
    assert "Traceback" not in unknown.stderr
