"""The district report as an Excel workbook: one sheet a figure, native charts (issue 17).

openpyxl writes the numbers as numbers (a clerk sums and filters them), each sheet's header row
frozen, and each figure's chart as an Excel chart (``openpyxl.chart``: bars per center, a pie of
member kinds) that Excel and WPS redraw from the cells. Overdue 三会一课 periods are in red, as
on paper. The caller writes the bytes owner-only.

Two details a spreadsheet program shows and a test of the cells would not: openpyxl 3.1 leaves
out an axis's ``delete`` flag, and recent Excel then draws a bar chart without its axes, so
every axis is written as kept (``delete = False``); and bars start at zero, since a value axis
that starts at the smallest center's figure makes a small difference look large. Each sheet
prints landscape, one page wide, with its header row on every page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dangqun.district.reports.figures import (
    CATEGORY_LABELS,
    KIND_LABELS,
    VISITOR_LABELS,
    CenterFigures,
    DistrictReport,
    Visits,
)
from dangqun.members.vocabulary import MemberCategory, MemberKind
from dangqun.minutes.vocabulary import MEETING_TYPE_LABELS

HEADER_FILL = PatternFill("solid", fgColor="F1F1F1")
BOLD = Font(bold=True)
RED = Font(color="C8161D")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)
"""Over the numbers' columns a left-aligned header reads as belonging to the column before."""


def _hours(minutes: int) -> float:
    return round(minutes / 60, 1)


def _sheet(
    book: Workbook,
    title: str,
    report: DistrictReport,
    headers: Sequence[str],
    cells: Callable[[CenterFigures], Sequence[Any]],
) -> Worksheet:
    """A sheet: the header row (frozen), a row per center, the total row in bold."""
    sheet = book.create_sheet(title)
    sheet.append(list(headers))
    for center in report.centers:
        sheet.append(list(cells(center)))
    sheet.append(list(cells(report.total)))
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, HEADER_ALIGNMENT
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.freeze_panes = "B2"
    _printed_landscape(sheet)
    sheet.column_dimensions["A"].width = 28
    for index in range(2, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = max(
            10, 2 * len(str(headers[index - 1])) + 2
        )
    return sheet


def _printed_landscape(sheet: Worksheet) -> None:
    """Landscape, as wide as one page, the header row repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _bars(sheet: Worksheet, title: str, first_column: int, last_column: int, anchor: str) -> None:
    """A clustered bar chart of the centers' rows (not the total) for these columns."""
    centers = sheet.max_row - 2
    if centers < 1:
        return
    chart = BarChart()
    chart.type, chart.title, chart.style = "col", title, 10
    chart.height, chart.width = 8, max(16, centers * 1.2)
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0
    data = Reference(
        sheet, min_col=first_column, max_col=last_column, min_row=1, max_row=centers + 1
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=centers + 1))
    sheet.add_chart(chart, anchor)


def report_workbook(report: DistrictReport) -> bytes:
    """The workbook's bytes."""
    book = Workbook()
    about = book.active
    assert about is not None
    about.title = "说明"
    for line in (
        [f"{report.district_name}党建工作统计报表"],
        ["统计期", report.period.label],
        ["起止日期", report.period.starts_on, report.period.ends_on],
        ["服务中心数", len(report.centers)],
        ["生成时间（UTC）", report.generated_at.replace(tzinfo=None)],
        ["说明", "数据截至各中心最后上报的数据包；党员按统计期末在册统计；时长单位为小时。"],
    ):
        about.append(line)
    about["A1"].font = Font(bold=True, size=14)
    for row in about.iter_rows(min_row=3, max_row=3, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    about["B5"].number_format = "yyyy-mm-dd hh:mm"
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 24
    about.column_dimensions["C"].width = 14
    _printed_landscape(about)

    kinds = [kind.value for kind in MemberKind]
    members = _sheet(
        book,
        "党员情况",
        report,
        [
            "服务中心",
            *(KIND_LABELS[kind] for kind in kinds),
            *(CATEGORY_LABELS[c.value] for c in MemberCategory),
            "合计",
        ],
        lambda c: [
            c.name,
            *(c.members_of_kind(kind) for kind in kinds),
            *(c.members_of_category(cat.value) for cat in MemberCategory),
            c.members_total,
        ],
    )
    _bars(members, "各中心党员类型", 2, 1 + len(kinds), "A" + str(members.max_row + 3))
    pie = PieChart()
    pie.title = "全区党员类型构成"
    total_row = members.max_row
    pie.add_data(
        Reference(members, min_col=2, max_col=1 + len(kinds), min_row=total_row), from_rows=True
    )
    pie.set_categories(Reference(members, min_col=2, max_col=1 + len(kinds), min_row=1))
    members.add_chart(pie, "J" + str(members.max_row + 3))

    dual = _sheet(
        book,
        "双报到",
        report,
        ["服务中心", "在职党员", "本期报到", "参加服务", "服务时长（小时）"],
        lambda c: [
            c.name,
            c.dual_registered,
            c.dual_reported_in_period,
            c.dual_serving,
            _hours(c.dual_service_minutes),
        ],
    )
    _bars(dual, "各中心在职党员服务时长（小时）", 5, 5, "A" + str(dual.max_row + 3))

    floating = _sheet(
        book,
        "流动党员",
        report,
        ["服务中心", "流入党员", "流出党员", "本期流入登记", "本期外出登记"],
        lambda c: [
            c.name,
            c.floating_in,
            c.floating_out,
            c.floating_in_registered,
            c.floating_out_registered,
        ],
    )
    _bars(floating, "各中心流动党员", 2, 3, "A" + str(floating.max_row + 3))

    types = list(VISITOR_LABELS)

    def visit_cells(c: CenterFigures) -> list[Any]:
        values: list[Any] = [c.name]
        for kind in types:
            visits = c.visits_by_type.get(kind, Visits())
            values += [visits.visits, visits.people]
        return [*values, c.visits.visits, c.visits.people]

    visits = _sheet(
        book,
        "阵地活动",
        report,
        [
            "服务中心",
            *(f"{VISITOR_LABELS[kind]}{what}" for kind in types for what in ("批次", "人次")),
            "合计批次",
            "合计人次",
        ],
        visit_cells,
    )
    batches = visits.max_column - 1
    _bars(visits, "各中心阵地活动（合计批次）", batches, batches, "A" + str(visits.max_row + 3))

    ledger = _sheet(
        book,
        "时间银行",
        report,
        ["服务中心", "本期存入（小时）", "本期兑换（小时）", "期末结余（小时）"],
        lambda c: [
            c.name,
            _hours(c.minutes_earned),
            _hours(c.minutes_spent),
            _hours(c.minutes_outstanding),
        ],
    )
    _bars(ledger, "各中心时间银行（小时）", 2, 3, "A" + str(ledger.max_row + 3))

    meetings = _sheet(
        book,
        "三会一课",
        report,
        ["服务中心", "党支部", "应开期数", "已开", "逾期未开", "完成率"],
        lambda c: [
            c.name,
            len(c.compliance),
            c.periods_due,
            c.periods_held,
            c.overdue,
            None if c.compliance_rate is None else round(c.compliance_rate, 4),
        ],
    )
    for overdue_cell, rate in meetings.iter_rows(min_row=2, min_col=5, max_col=6):
        rate.number_format = "0%"
        if overdue_cell.value:  # highlighted, as the overdue sheet and the paper are
            overdue_cell.font = Font(bold=True, color=RED.color)
    _bars(meetings, "各中心三会一课（期数）", 4, 5, "H2")

    overdue = book.create_sheet("逾期未开")
    overdue.append(["服务中心", "党支部", "会议", "应开起", "应开止"])
    for cell in overdue[1]:
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, HEADER_ALIGNMENT
    for center in report.centers:
        for branch in center.compliance:
            for period in branch.overdue:
                overdue.append(
                    [
                        center.name,
                        branch.branch_name,
                        MEETING_TYPE_LABELS[period.meeting_type],
                        period.starts_on,
                        period.ends_on,
                    ]
                )
                for cell in overdue[overdue.max_row]:
                    cell.font = RED
    overdue.freeze_panes = "A2"
    _printed_landscape(overdue)
    for letter, width in zip("ABCDE", (28, 24, 16, 12, 12), strict=True):
        overdue.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
