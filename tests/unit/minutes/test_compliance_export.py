"""The yearly compliance table as an Excel workbook (issue 15: "exportable"): the counts held,
the overdue periods named in words and coloured, the file owner-only and whole."""

from __future__ import annotations

import stat
from datetime import date

import pytest
from openpyxl import load_workbook

from dangqun.core.errors import DangqunError
from dangqun.minutes import service
from tests.unit.minutes.conftest import meeting_form

TODAY = date(2026, 12, 1)


def test_the_workbook_shows_the_months_held_and_missing(database, admin, center, tmp_path):
    service.create_meeting(database, admin, meeting_form(center))  # 2026-11-10
    path = service.export_compliance(
        database, admin, center.branch, 2026, tmp_path / "合规.xlsx", today=TODAY
    )
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "第一网格党支部 2026年三会一课落实情况"
    header = [cell.value for cell in sheet[2]]
    assert header[:3] == ["月份", "支部党员大会", "支部委员会"]
    general = header.index("支部党员大会") + 1
    november = [cell for cell in sheet[2 + 11]]
    assert november[0].value == "11月"
    assert november[general - 1].value == 1
    assert november[general - 1].fill.fgColor.rgb.endswith("C8E6C9")  # held: green
    january = [cell for cell in sheet[3]]
    assert january[general - 1].value == "逾期未开"  # no general meeting in the first quarter
    assert january[general - 1].fill.fgColor.rgb.endswith("F4C7C3")
    assert [cell.value for cell in sheet[15]][general - 1] == 1  # 合计
    listed = [row[0].value for row in sheet.iter_rows(min_row=17) if row[0].value]
    assert listed[0].startswith("逾期未开：")
    assert "支部党员大会（2026-01-01 至 2026-03-31）" in listed
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_unwritable_place_is_a_chinese_message_and_leaves_no_file(
    database, admin, center, tmp_path
):
    target = tmp_path / "missing-folder" / "合规.xlsx"
    with pytest.raises(DangqunError, match="无法写入"):
        service.export_compliance(database, admin, center.branch, 2026, target, today=TODAY)
    assert not target.exists()
