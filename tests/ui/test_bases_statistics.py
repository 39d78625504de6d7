"""The bases page's statistics tab (issue 14, "Statistics per base and month, quarter, year …
exportable to Excel"; "Prints"): the chosen period's 批次 and 人次 from actual check-ins, the
breakdown tables, 导出 Excel… writing the figures shown, and the print jobs' PDFs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from dangqun.bases.service import CheckInForm, check_in, confirm_booking, get_booking
from dangqun.bases.vocabulary import OrganizationType
from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.bases.print_actions import booking_pdf
from dangqun.ui.bases.statistics_panel import StatisticsPanel, period_dates
from tests.ui.bases_ui_support import Site, book_on, context_of, make_site

VISIT_DAY = date(2026, 3, 6)


@pytest.fixture
def site(application: Application, admin_actor: Actor) -> Site:
    return make_site(application.database, admin_actor)


@pytest.fixture
def visits(application: Application, admin_actor: Actor, site: Site) -> list[int]:
    """Two visits in March 2026 (18 and 9 people) and one in May (12)."""
    ids = []
    for day, came, organization, org_type in (
        (VISIT_DAY, 18, "云南某科技有限公司党支部", OrganizationType.TWO_NEW),
        (VISIT_DAY + timedelta(days=1), 9, "翠湖社区第一网格党支部", OrganizationType.BRANCH),
        (date(2026, 5, 8), 12, "翠湖社区第一网格党支部", OrganizationType.BRANCH),
    ):
        booking_id = book_on(
            application,
            admin_actor,
            site.hall,
            day,
            organization=organization,
            org_type=org_type,
            menu_item_ids=(site.lesson,),
        )
        confirm_booking(application.database, admin_actor, booking_id)
        check_in(application.database, admin_actor, booking_id, CheckInForm(came))
        ids.append(booking_id)
    return ids


def panel_of(qtbot, application: Application, actor: Actor, site: Site) -> StatisticsPanel:
    panel = StatisticsPanel(context_of(application, actor))
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    panel.show_base(site.base_id)
    qtbot.waitUntil(panel.is_ready, timeout=20_000)
    return panel


def _cells(table) -> list[tuple[str, str, str]]:
    return [
        tuple(table.item(row, column).text() for column in range(3))  # type: ignore[misc]
        for row in range(table.rowCount())
    ]


def test_periods_are_whole_months_quarters_and_years():
    assert period_dates("month", 2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_dates("quarter", 2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))
    assert period_dates("year", 2026, 1) == (date(2026, 1, 1), date(2026, 12, 31))


def test_the_chosen_period_shows_visits_and_people_by_breakdown(
    qtbot, application: Application, admin_actor: Actor, site: Site, visits: list[int]
) -> None:
    panel = panel_of(qtbot, application, admin_actor, site)
    panel.choose_period("month", 2026, 3)
    qtbot.waitUntil(lambda: panel.is_ready() and panel.loaded.key.starts_on.month == 3)
    assert "先后有 2 批 27 名党员到基地开展活动" in panel.summary_label.text()
    assert _cells(panel.tables["organization"]) == [
        ("云南某科技有限公司党支部", "1", "18"),
        ("翠湖社区第一网格党支部", "1", "9"),
    ]
    panel.choose_period("year", 2026)
    qtbot.waitUntil(lambda: panel.is_ready() and panel.loaded.key.ends_on.month == 12)
    assert not panel.which_box.isVisible()
    assert _cells(panel.tables["period"]) == [
        ("2026 年 3 月", "2", "27"),
        ("2026 年 5 月", "1", "12"),
    ]
    assert ("支部", "2", "21") in _cells(panel.tables["org_type"])
    assert _cells(panel.tables["menu_item"]) == [("专题党课", "3", "39")]


def test_export_writes_the_figures_shown(
    qtbot, application: Application, admin_actor: Actor, site: Site, visits: list[int], tmp_path
) -> None:
    panel = panel_of(qtbot, application, admin_actor, site)
    panel.choose_period("quarter", 2026, 1)
    qtbot.waitUntil(lambda: panel.is_ready() and panel.loaded.key.ends_on.month == 3)
    assert panel.export_button.isEnabled()
    target = tmp_path / "第一季度"
    panel.export_to(target)
    written = tmp_path / "第一季度.xlsx"
    qtbot.waitUntil(written.exists, timeout=20_000)
    qtbot.waitUntil(panel.export_button.isEnabled)
    workbook = load_workbook(written)
    assert (workbook["总计"]["B3"].value, workbook["总计"]["B4"].value) == (2, 27)
    assert workbook["总计"]["A1"].value == "翠湖红色教育基地活动情况统计（2026年第一季度）"


def test_print_jobs_make_the_booking_papers(
    application: Application, admin_actor: Actor, visits: list[int]
) -> None:
    number = get_booking(application.database, admin_actor, visits[0]).number
    for kind in ("booking_slip", "sign_in_sheet"):
        pdf = booking_pdf(
            application.database, application.paths.keys, admin_actor, kind, visits[0], kind
        )
        assert pdf.startswith(b"%PDF")
    assert number.startswith("YY-")
