"""The import report table: each problem of a roster as Excel shows it (row, column, cell, why).

Problems (the row is not imported) come first, then warnings (imported, but worth a look),
both in row order, because that is how the user walks through the sheet to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from dangqun.core.spreadsheets import SheetProblem

ROW, COLUMN, VALUE, REASON = range(4)
COLUMN_COUNT = 4
_Index = QModelIndex | QPersistentModelIndex
_PROBLEM_COLOR = QColor("#C8161D")
_WARNING_COLOR = QColor("#8A5A00")


class ProblemReport(Protocol):
    """An import's report: the roster's, the sign-in sheet's (time bank)."""

    @property
    def invalid(self) -> Sequence[SheetProblem]: ...

    @property
    def warnings(self) -> Sequence[SheetProblem]: ...


@dataclass(frozen=True)
class ReportLine:
    problem: SheetProblem
    blocking: bool


class ImportReportModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[ReportLine] = []

    def set_report(self, report: ProblemReport | None) -> None:
        self.beginResetModel()
        self.lines = []
        if report is not None:
            self.lines = [ReportLine(problem, True) for problem in report.invalid] + [
                ReportLine(problem, False) for problem in report.warnings
            ]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            alignment = (
                Qt.AlignmentFlag.AlignRight if section == ROW else Qt.AlignmentFlag.AlignLeft
            )
            return int(alignment | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            ROW: self.tr("Row"),
            COLUMN: self.tr("Column"),
            VALUE: self.tr("Value in the file"),
            REASON: self.tr("Reason"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        problem = line.problem
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ROW:
                return str(problem.row) if problem.row else "—"
            if column == COLUMN:
                return problem.column
            if column == VALUE:
                return problem.value
            if column == REASON:
                if line.blocking:
                    return problem.reason
                return self.tr("Note: {reason}").format(reason=problem.reason)
        if role == Qt.ItemDataRole.ToolTipRole and column in (VALUE, REASON):
            return problem.value if column == VALUE else problem.reason
        if role == Qt.ItemDataRole.ForegroundRole and column == REASON:
            return _PROBLEM_COLOR if line.blocking else _WARNING_COLOR
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == ROW:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None
