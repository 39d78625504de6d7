"""The statistics in Excel (issue 14, "exportable to Excel"): the real .xlsx opened with
openpyxl holds the query's numbers, one sheet per breakdown under a title row with the header
frozen, owner-only, and a name that looks like a formula stays text."""

from __future__ import annotations

import stat
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from dangqun.bases.export import export_statistics
from dangqun.bases.service import (
    CheckInForm,
    Granularity,
    book,
    check_in,
    confirm_booking,
    statistics,
)
from dangqun.bases.vocabulary import OrganizationType
from dangqun.core.errors import DangqunError
from tests.unit.bases.conftest import FRIDAY, NOW, booking_form

DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))


@pytest.fixture
def result(database, admin, site):
    rows = [
        ("云南某科技有限公司党支部", OrganizationType.TWO_NEW, 18, (site.lesson,)),
        ("=翠湖社区第一网格党支部", OrganizationType.BRANCH, 28, (site.lesson, site.oath)),
        ("云南某科技有限公司党支部", OrganizationType.TWO_NEW, 11, ()),
    ]
    for offset, (organization, org_type, came, items) in enumerate(rows):
        booking_id = book(
            database,
            admin,
            booking_form(
                site.hall,
                on_date=FRIDAY + timedelta(days=offset),
                organization=organization,
                org_type=org_type,
                menu_item_ids=items,
                headcount=30,
            ),
            now=NOW,
        )
        confirm_booking(database, admin, booking_id)
        check_in(database, admin, booking_id, CheckInForm(came), now=NOW + timedelta(days=9))
    return statistics(database, admin, *DECEMBER, base_id=site.base_id)


def _rows(sheet) -> list[tuple[object, ...]]:
    return [tuple(row) for row in sheet.iter_rows(min_row=3, values_only=True)]


def test_workbook_holds_the_query_numbers(result, tmp_path):
    path = export_statistics(tmp_path / "统计.xlsx", result, "翠湖红色教育基地")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["总计", "按月", "按来访组织类型", "按来访组织", "按特色菜单"]
    summary = workbook["总计"]
    assert summary["A1"].value == "翠湖红色教育基地活动情况统计（2026年12月）"
    assert (summary["B3"].value, summary["B4"].value) == (result.visits, result.people) == (3, 57)
    assert "先后有 3 批 57 名党员" in summary["B5"].value
    for name, tallies in (
        ("按月", result.by_period),
        ("按来访组织类型", result.by_org_type),
        ("按来访组织", result.by_organization),
        ("按特色菜单", result.by_menu_item),
    ):
        sheet = workbook[name]
        assert sheet.freeze_panes == "A3"
        assert sheet["A1"].value.startswith("翠湖红色教育基地")
        assert [cell.value for cell in sheet[2]] == [sheet["A2"].value, "批次", "人次"]
        rows = _rows(sheet)
        expected = [(t.label.lstrip("="), t.visits, t.people) for t in tallies]
        assert [(str(r[0]).lstrip("'").lstrip("="), r[1], r[2]) for r in rows[:-1]] == expected
        assert rows[-1] == ("合计", sum(t.visits for t in tallies), sum(t.people for t in tallies))
    organizations = {row[0]: row[1:] for row in _rows(workbook["按来访组织"])}
    assert organizations["云南某科技有限公司党支部"] == (2, 29)
    assert organizations["'=翠湖社区第一网格党支部"] == (1, 28)  # text, never a formula


def test_every_base_gets_a_by_base_sheet(database, admin, result, tmp_path):
    everything = statistics(database, admin, *DECEMBER, granularity=Granularity.QUARTER)
    path = export_statistics(
        tmp_path / "all.xlsx", everything, "各开放式组织生活基地", Granularity.QUARTER
    )
    workbook = load_workbook(path)
    assert workbook.sheetnames[1:3] == ["按季度", "按阵地"]
    assert _rows(workbook["按季度"])[0] == ("2026 年第 4 季度", 3, 57)
    assert _rows(workbook["按阵地"])[0] == ("翠湖红色教育基地", 3, 57)


def test_an_unwritable_place_is_refused_in_chinese(result, tmp_path):
    with pytest.raises(DangqunError, match="无法写入"):
        export_statistics(tmp_path / "missing" / "x.xlsx", result, "翠湖红色教育基地")
    assert not (tmp_path / "missing").exists()
