"""``dangqun print booking_slip --id NO``, ``dangqun bases sign-in-sheet | brochure |
export-stats`` as real processes on a real data directory (issue 14, "Prints", "Statistics …
exportable to Excel"): exit 0 with the files written, the workbook's numbers equal to
``bases stats --json``; 1 with the reason in Chinese."""

from __future__ import annotations

import json
import stat
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from dangqun.bases.service import CheckInForm, book, check_in, confirm_booking, get_booking
from dangqun.bootstrap import open_application
from tests.cli_helpers import run_cli
from tests.conftest import actor_of, requires_poppler
from tests.unit.bases.conftest import NOW, booking_form, make_site
from tests.unit.printing.pdf_tools import compact_text

pytestmark = [pytest.mark.slow, requires_poppler]


@pytest.fixture
def center(initialized_paths):
    """A base, a visit of 18 checked in on 2026-12-04 and its booking number."""
    application = open_application(initialized_paths)
    try:
        database = application.database
        admin = actor_of(application, "admin")
        site = make_site(database, admin)
        booking_id = book(
            database, admin, booking_form(site.hall, menu_item_ids=(site.lesson,)), now=NOW
        )
        confirm_booking(database, admin, booking_id)
        check_in(database, admin, booking_id, CheckInForm(18), now=NOW + timedelta(days=4))
        number = get_booking(database, admin, booking_id).number
    finally:
        application.close()
    return initialized_paths.root, site.base_id, number


def test_prints_by_booking_number_and_base(center, tmp_path):
    root, base_id, number = center
    slip = tmp_path / "slip.pdf"
    result = run_cli(root, "print", "booking_slip", "--id", number, "--out", str(slip))
    assert result.returncode == 0, result.stderr
    assert number in compact_text(slip) and "预约确认单" in compact_text(slip)
    sheet = tmp_path / "sheet.pdf"
    result = run_cli(root, "bases", "sign-in-sheet", number, "--out", str(sheet))
    assert result.returncode == 0, result.stderr
    assert "活动签到表" in compact_text(sheet) and "应到20人" in compact_text(sheet)
    brochure = tmp_path / "brochure.pdf"
    result = run_cli(root, "bases", "brochure", str(base_id), "--out", str(brochure))
    assert result.returncode == 0, result.stderr
    assert "一、专题党课" in compact_text(brochure)


def test_export_stats_writes_the_query_numbers(center, tmp_path):
    root, base_id, _number = center
    workbook_path, pdf = tmp_path / "统计.xlsx", tmp_path / "统计.pdf"
    result = run_cli(
        root, "bases", "export-stats", "--from", "2026-12-01", "--to", "2026-12-31",
        "--base", str(base_id), "--xlsx", str(workbook_path), "--out", str(pdf),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "先后有 1 批 18 名党员到基地开展活动" in result.stdout
    assert stat.S_IMODE(workbook_path.stat().st_mode) == 0o600
    queried = json.loads(
        run_cli(root, "bases", "stats", "--from", "2026-12-01", "--to", "2026-12-31",
                "--base", str(base_id), "--json").stdout
    )  # fmt: skip
    workbook = load_workbook(workbook_path)
    assert (workbook["总计"]["B3"].value, workbook["总计"]["B4"].value) == (
        queried["visits"],
        queried["people"],
    )
    rows = list(workbook["按特色菜单"].iter_rows(min_row=3, values_only=True))
    expected = [(t["name"], t["visits"], t["people"]) for t in queried["by_menu_item"]]
    assert rows[:-1] == expected == [("专题党课", 1, 18)]
    assert "2026年12月，先后有1批18名党员到基地开展活动" in compact_text(pdf)


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        (["print", "booking_slip", "--id", "YY-2026-999999"], "YY-2026-999999"),
        (["bases", "brochure", "99"], "阵地"),
        (
            ["bases", "export-stats", "--from", "2026-12-31", "--to", "2026-12-01"],
            "--to 的日期早于 --from",
        ),
    ],
)
def test_bad_input_is_refused_in_chinese(center, tmp_path, words, reason):
    root = center[0]
    output = tmp_path / "out"
    output.mkdir()
    if words[0] == "print" or words[1] == "brochure":
        words = [*words, "--out", str(output / "x.pdf")]
    else:
        words = [*words, "--xlsx", str(output / "x.xlsx")]
    result = run_cli(root, *words)
    assert result.returncode == 1, result.stderr
    assert reason in result.stderr and "Traceback" not in result.stderr
    assert not list(output.iterdir())
