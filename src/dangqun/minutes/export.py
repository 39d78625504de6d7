"""The yearly compliance table as an Excel workbook (issue 15: "a yearly table per branch
(months × meeting types), exportable").

One sheet: a title row naming the organization and the year, a header row (月份 and the meeting
types) frozen under it, one row per month with the number of meetings held, each scheduled
cell filled with its state's colour (已召开 green, 逾期未开 red, 本期待开 amber) and the state's
word beside the count where none was held; a 合计 row; then the periods that ended without a
meeting, listed under the table so a district clerk reads them without the colours. The
figures are :func:`dangqun.minutes.service.compliance_table` unchanged — the screen, the paper
and the workbook agree.

The file is written owner-only and whole or not at all (:func:`dangqun.core.paths.
write_private_file`), as the bases statistics are; a failure is a Chinese
:class:`~dangqun.core.errors.DangqunError`.
"""

from __future__ import annotations

import io
from pathlib import Path

from dangqun.core.errors import DangqunError
from dangqun.core.paths import write_private_file
from dangqun.minutes.compliance import ComplianceTable
from dangqun.minutes.vocabulary import (
    COMPLIANCE_STATE_LABELS,
    MEETING_TYPE_LABELS,
    ComplianceState,
)

STATE_FILLS = {
    ComplianceState.HELD: "C8E6C9",
    ComplianceState.MISSING: "F4C7C3",
    ComplianceState.DUE: "FFE0B2",
}
"""Cell colours by state (upcoming periods stay white); the screen uses the same hues."""


def compliance_cell_text(held: int, state: ComplianceState | None) -> str:
    """What a cell says: the count held, or the state's word where nothing was held and the
    period is scheduled (逾期未开, 本期待开); empty for an unscheduled type with no meeting."""
    if held:
        return str(held)
    if state in (ComplianceState.MISSING, ComplianceState.DUE):
        return COMPLIANCE_STATE_LABELS[state]
    return ""


def compliance_workbook(table: ComplianceTable) -> bytes:
    """The workbook's bytes (see the module docstring)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{table.year}年"
    columns = len(table.types) + 1
    sheet.append([f"{table.organization_name} {table.year}年三会一课落实情况"])
    sheet.append(["月份", *(MEETING_TYPE_LABELS[t] for t in table.types)])
    for month in range(1, 13):
        cells = [table.cell(month, meeting_type) for meeting_type in table.types]
        sheet.append(
            [f"{month}月", *(c.held or compliance_cell_text(c.held, c.state) for c in cells)]
        )
        for index, cell in enumerate(cells, start=2):
            target = sheet.cell(sheet.max_row, index)
            target.alignment = Alignment(horizontal="center")
            if cell.state in STATE_FILLS:
                target.fill = PatternFill("solid", fgColor=STATE_FILLS[cell.state])
    sheet.append(["合计", *(sum(table.cell(m, t).held for m in range(1, 13)) for t in table.types)])
    total_row = sheet.max_row
    sheet.append([])
    missing = table.missing
    sheet.append([f"逾期未开：{len(missing)} 项" if missing else "逾期未开：无"])
    for period in missing:
        sheet.append(
            [
                f"{MEETING_TYPE_LABELS[period.meeting_type]}"
                f"（{period.starts_on:%Y-%m-%d} 至 {period.ends_on:%Y-%m-%d}）"
            ]
        )
    bold = Font(bold=True)
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    for column in range(1, columns + 1):
        sheet.cell(2, column).font = bold
        sheet.cell(2, column).alignment = Alignment(horizontal="center", wrap_text=True)
        sheet.cell(total_row, column).font = bold
        letter = sheet.cell(2, column).column_letter
        sheet.column_dimensions[letter].width = 8 if column == 1 else 14
    sheet.freeze_panes = "B3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_compliance_workbook(path: Path, table: ComplianceTable) -> Path:
    """Write the workbook to ``path`` owner-only, whole or not at all."""
    path = Path(path)
    try:
        write_private_file(path, compliance_workbook(table))
    except OSError as error:
        raise DangqunError(
            f"无法写入“{path}”：{error.strerror or error}。没有留下不完整的文件，请另选一个位置，"
            "或先在 Excel、WPS 中关闭同名文件再导出。"
        ) from error
    return path
