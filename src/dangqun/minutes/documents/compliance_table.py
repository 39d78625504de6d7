"""三会一课落实情况 — the yearly compliance table of one branch or group (issue 15, "Prints").

Months down, meeting types across (the types the organization's schedule requires, then any
other type it held that year): a cell says how many were held that month, 逾期 when the
statutory period holding the month ended without one (:mod:`dangqun.minutes.compliance`), 待开
while the period runs. The overdue periods are listed under the table by type and dates, so the
sheet a 书记 takes to the 述职 names what is missing. ``dangqun minutes compliance`` prints the
same cells (:func:`cell_text`), so screen, terminal and paper agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.minutes.compliance import ComplianceCell, CompliancePeriod, ComplianceTable
from dangqun.minutes.vocabulary import MEETING_TYPE_LABELS, ComplianceState
from dangqun.printing.page_kit import (
    Column,
    DocumentPlan,
    PageLayout,
    PrintContext,
    chinese_date,
    data_table,
    gap,
    paragraph,
)

KIND = "minutes_compliance"
ID_MEANING = "党组织编号/年份，如 3/2026（dangqun minutes compliance 列出党组织编号）"
OVERDUE = "逾期"


@dataclass(frozen=True)
class ComplianceSheetData:
    organization: str
    year: int
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    """12 rows: the month (``1月``) then one cell per column."""
    overdue: tuple[str, ...]
    """One line per type: ``支部委员会：3月、5月``, the periods that ended without one."""
    as_of: date


def cell_text(cell: ComplianceCell) -> str:
    """``2`` held, ``逾期`` missed, ``待开`` due now, empty when not due or not required."""
    if cell.held:
        return str(cell.held)
    if cell.state is ComplianceState.MISSING:
        return OVERDUE
    if cell.state is ComplianceState.DUE:
        return "待开"
    return ""


def shown_types(table: ComplianceTable) -> list[int]:
    """Indexes into ``table.types`` of the columns worth a place: required or held."""
    required = {period.meeting_type for period in table.periods}
    return [
        index
        for index, meeting_type in enumerate(table.types)
        if meeting_type in required or any(table.cell(m, meeting_type).held for m in range(1, 13))
    ]


def sheet_of(table: ComplianceTable, as_of: date) -> ComplianceSheetData:
    columns = shown_types(table)
    types = [table.types[index] for index in columns]
    return ComplianceSheetData(
        organization=table.organization_name,
        year=table.year,
        columns=tuple(MEETING_TYPE_LABELS[t] for t in types),
        rows=tuple(
            (f"{month}月", *(cell_text(table.cell(month, t)) for t in types))
            for month in range(1, 13)
        ),
        overdue=tuple(
            f"{MEETING_TYPE_LABELS[meeting_type]}：{'、'.join(_period(p) for p in periods)}"
            for meeting_type in table.types
            if (periods := [p for p in table.missing if p.meeting_type is meeting_type])
        ),
        as_of=as_of,
    )


def _period(period: CompliancePeriod) -> str:
    """``3月``, ``4—6月`` or ``全年``: the period in the table's own words (its year is the
    table's)."""
    first, last = period.starts_on.month, period.ends_on.month
    if first == 1 and last == 12:
        return "全年"
    return f"{first}月" if first == last else f"{first}—{last}月"


def build_compliance_sheet(data: ComplianceSheetData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.LANDSCAPE).frame_width
    columns = [Column("月份", 12, "center"), *(Column(name, 18, "center") for name in data.columns)]
    story: list[object] = [
        paragraph(f"{data.organization}{data.year}年三会一课落实情况", styles.title, fonts),
        paragraph(
            f"统计至{chinese_date(data.as_of)}。数字为当月召开次数；“{OVERDUE}”为规定周期已过仍未召开，"
            "“待开”为本期尚未召开。",
            styles.note,
            fonts,
        ),
        gap(2),
        data_table(columns, [list(row) for row in data.rows], context, width),
        gap(4),
    ]
    if data.overdue:
        story.append(paragraph("逾期未开：", styles.body_plain, fonts))
        story += [paragraph(line, styles.body_plain, fonts) for line in data.overdue]
    else:
        story.append(paragraph("本年度没有逾期未开的会议。", styles.body_plain, fonts))
    return DocumentPlan(
        KIND, f"{data.organization}{data.year}年三会一课落实情况", PageLayout.LANDSCAPE, story
    )


def parse_sheet_id(record_id: str) -> tuple[int, int]:
    """``3/2026`` as (organization id, year), or a Chinese message naming the form."""
    organization, _, year = record_id.strip().partition("/")
    if not (organization.isdigit() and year.isdigit()):
        raise ValidationError.single(
            "id", f"应写作 党组织编号/年份，如 3/2026，而不是“{record_id}”"
        )
    return int(organization), int(year)


def load_compliance_sheet(
    database: Database, record_id: str, context: PrintContext
) -> ComplianceSheetData:
    from dangqun.minutes import service

    assert context.actor is not None, "records are printed by a signed-in user"
    organization, year = parse_sheet_id(record_id)
    table = service.compliance_table(
        database, context.actor, organization, year, today=context.print_date
    )
    return sheet_of(table, min(context.print_date, date(year, 12, 31)))


def sample_compliance_sheet(context: PrintContext) -> ComplianceSheetData:
    columns = (
        "支部党员大会",
        "支部委员会",
        "党小组会",
        "党课",
        "主题党日",
        "组织生活会",
        "民主评议党员",
    )
    rows = []
    for month in range(1, 13):
        quarter_end = month % 3 == 0
        rows.append(
            (
                f"{month}月",
                OVERDUE if month in (4, 5, 6) else ("1" if quarter_end else ""),
                OVERDUE if month == 4 else "1",
                "1",
                "1" if month % 3 == 2 else "",
                "1",
                "1" if month == 1 else "",
                "1" if month == 1 else "",
            )
        )
    return ComplianceSheetData(
        organization="第三网格党支部",
        year=2026,
        columns=columns,
        rows=tuple(rows),
        overdue=("支部党员大会：4—6月", "支部委员会：4月"),
        as_of=date(2026, 12, 31),
    )
