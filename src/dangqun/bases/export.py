"""The bases statistics as an Excel workbook (issue 14, "Statistics … exportable to Excel").

One sheet per breakdown (总计, by period, base, visitor type, organization, menu item), each with
a title row naming the scope and period, a header row frozen under it, and the 批次 / 人次
columns as numbers, so the district can sum and chart them. The figures are the core's
:func:`dangqun.bases.service.statistics` unchanged — the panel, the paper
(:mod:`dangqun.bases.documents.statistics_report`) and the workbook agree.

The file is written owner-only from its first byte and complete or not at all
(:func:`dangqun.core.paths.write_private_file`): organization names and counts are the center's
records. A failure is a :class:`~dangqun.core.errors.DangqunError` in Chinese.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dangqun.bases.documents.statistics_report import (
    GRANULARITY_LABELS,
    period_text,
    summary_sentence,
)
from dangqun.bases.vocabulary import Granularity
from dangqun.core.errors import DangqunError
from dangqun.core.paths import write_private_file

if TYPE_CHECKING:
    from dangqun.bases.queries import Statistics, Tally

FORMULA_PREFIXES = ("=", "+", "-", "@")
"""A cell starting with these would be read as a formula (an organization named "=…")."""


def statistics_sheets(
    result: Statistics, granularity: Granularity
) -> list[tuple[str, str, Sequence[Tally]]]:
    """(sheet name, first column's header, rows) of each breakdown, in the paper's order; the
    by-base sheet only when the statistics cover every base."""
    sheets: list[tuple[str, str, Sequence[Tally]]] = [
        (GRANULARITY_LABELS[granularity], "时间", result.by_period),
    ]
    if result.base_id is None:
        sheets.append(("按阵地", "阵地", result.by_base))
    sheets += [
        ("按来访组织类型", "来访组织类型", result.by_org_type),
        ("按来访组织", "来访组织", result.by_organization),
        ("按特色菜单", "特色菜单", result.by_menu_item),
    ]
    return sheets


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def statistics_workbook(
    result: Statistics, scope: str, granularity: Granularity = Granularity.MONTH
) -> bytes:
    """The workbook's bytes: 总计 first (the summary sentence and the totals), then one sheet
    per breakdown with a 合计 row."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    period = period_text(result.starts_on, result.ends_on)
    title = f"{scope}活动情况统计（{period}）"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="F2DCDB")
    workbook = Workbook()
    summary = workbook.active
    summary.title = "总计"
    summary.append([title])
    summary.append(["项目", "数值"])
    summary.append(["批次", result.visits])
    summary.append(["人次", result.people])
    summary.append(["说明", summary_sentence(period, result.visits, result.people)])
    summary.freeze_panes = "A3"
    sheets = [(summary, 2)]
    for name, header, tallies in statistics_sheets(result, granularity):
        sheet = workbook.create_sheet(name)
        sheet.append([title])
        sheet.append([header, "批次", "人次"])
        for tally in tallies:
            sheet.append([_text(tally.label), tally.visits, tally.people])
        sheet.append(["合计", sum(t.visits for t in tallies), sum(t.people for t in tallies)])
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.freeze_panes = "A3"
        sheets.append((sheet, 3))
    for sheet, columns in sheets:
        sheet.cell(1, 1).font = Font(bold=True, size=14)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
        for column in range(1, columns + 1):
            cell = sheet.cell(2, column)
            cell.font = bold
            cell.fill = fill
            cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions["A"].width = 36
        for letter in "BC"[: columns - 1]:
            sheet.column_dimensions[letter].width = 12
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_statistics(
    path: Path, result: Statistics, scope: str, granularity: Granularity = Granularity.MONTH
) -> Path:
    """Write the workbook to ``path`` owner-only, whole or not at all."""
    path = Path(path)
    content = statistics_workbook(result, scope, granularity)
    try:
        write_private_file(path, content)
    except OSError as error:
        raise DangqunError(
            f"无法写入“{path}”：{error.strerror or error}。没有留下不完整的文件，请另选一个位置，"
            "或先在 Excel、WPS 中关闭同名文件再导出。"
        ) from error
    return path
