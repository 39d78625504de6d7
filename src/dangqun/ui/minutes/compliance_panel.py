"""合规 tab of 会议记录: one branch's year, months × meeting types (issue 15, DOMAIN §4).

The table is :func:`dangqun.minutes.service.compliance_table` as it stands: a cell shows the
meetings held that month; a scheduled period that ended without a meeting is 逾期未开 in red,
one still running 本期待开 in amber, held green — the colours of the Excel export
(:mod:`dangqun.minutes.export`, written by :func:`~dangqun.minutes.service.export_compliance`),
so screen and workbook agree. Types with no schedule here and no meeting in the year (议事协商, 其他 …) are left out, so
the rest reads at 1024 px. The chooser offers the organizations that carry a schedule: 网格党
支部 and 楼栋党小组. Under the table the overdue periods are listed in words, for those who do not
read colours.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.security import Actor
from dangqun.members.organizations import OrganizationNode, organization_tree
from dangqun.members.vocabulary import OrganizationLevel
from dangqun.minutes.export import STATE_FILLS, compliance_cell_text
from dangqun.minutes.service import ComplianceTable, compliance_table, export_compliance
from dangqun.minutes.vocabulary import (
    COMPLIANCE_STATE_LABELS,
    MEETING_TYPE_LABELS,
    ComplianceState,
)
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.widgets.file_dialogs import ask_excel_save_path
from dangqun.ui.widgets.responsive import FlowLayout

SCHEDULED_LEVELS = (OrganizationLevel.GRID_BRANCH, OrganizationLevel.BUILDING_GROUP)
FIRST_YEAR = 2000


def header_text(label: str) -> str:
    """A column heading on two lines, so nine types fit 1024 px: at the slash (议事协商/逢四说事),
    else before the last two characters of a six (支部党员/大会) or after the first two of a five
    (组织/生活会); four or fewer stay on one line."""
    if "/" in label:
        return label.replace("/", "/\n", 1)
    if len(label) >= 6:
        return f"{label[:-2]}\n{label[-2:]}"
    if len(label) == 5:
        return f"{label[:2]}\n{label[2:]}"
    return label


@dataclass(frozen=True)
class ComplianceRead:
    organizations: list[OrganizationNode]
    table: ComplianceTable | None


def read_compliance(
    database: Database, actor: Actor, organization_id: int | None, year: int
) -> ComplianceRead:
    """The organizations with a schedule and the table of the chosen one (the first when none
    is chosen yet), in one worker call."""
    scheduled = [n for n in organization_tree(database) if n.level in SCHEDULED_LEVELS]
    ids = [node.id for node in scheduled]
    chosen = organization_id if organization_id in ids else (ids[0] if ids else None)
    table = None if chosen is None else compliance_table(database, actor, chosen, year)
    return ComplianceRead(scheduled, table)


class CompliancePanel(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.loading = False
        self._generation = 0
        self.table_data: ComplianceTable | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QWidget(self)
        bar.setObjectName("complianceChooser")
        flow = FlowLayout(bar)
        holder = QWidget(bar)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 8, 0)
        caption = QLabel(self.tr("Branch or group"), holder)
        self.organization_combo = QComboBox(holder)
        self.organization_combo.setObjectName("complianceOrganization")
        self.organization_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption.setBuddy(self.organization_combo)
        row.addWidget(caption)
        row.addWidget(self.organization_combo)
        year_caption = QLabel(self.tr("Year"), holder)
        self.year_spin = QSpinBox(holder)
        self.year_spin.setObjectName("complianceYear")
        self.year_spin.setRange(FIRST_YEAR, local_today().year + 1)
        self.year_spin.setValue(local_today().year)
        self.year_spin.setMinimumWidth(self.year_spin.fontMetrics().horizontalAdvance("20000") + 48)
        year_caption.setBuddy(self.year_spin)
        row.addWidget(year_caption)
        row.addWidget(self.year_spin)
        flow.addWidget(holder)
        self.export_button = QPushButton(icon("export"), self.tr("Export to Excel…"), bar)
        self.export_button.setObjectName("complianceExport")
        self.export_button.clicked.connect(self.export)
        flow.addWidget(self.export_button)
        self.export_note = QLabel(bar)
        self.export_note.setObjectName("complianceExported")
        self.export_note.setProperty("role", "muted")
        self.export_note.setWordWrap(True)
        layout.addWidget(bar)
        layout.addWidget(self.export_note)
        self.export_note.setVisible(False)
        self.legend = QLabel(self)
        self.legend.setObjectName("complianceLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setText(
            "　".join(
                f'<span style="color:#{STATE_FILLS[state]}; font-size:large;">■</span>'
                f"{COMPLIANCE_STATE_LABELS[state]}"
                for state in (ComplianceState.HELD, ComplianceState.DUE, ComplianceState.MISSING)
            )
            + "　"
            + self.tr("Numbers: meetings held in the month.")
        )
        layout.addWidget(self.legend)
        self.grid = QTableWidget(self)
        self.grid.setObjectName("complianceTable")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.grid, 1)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("complianceMissing")
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        self.empty_label = QLabel(
            self.tr(
                "No grid branch or building group yet: the schedule of meetings applies to "
                "them. Add them in the organization tree of “Party members”."
            ),
            self,
        )
        self.empty_label.setObjectName("complianceEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setVisible(False)
        layout.addWidget(self.empty_label, 1)
        self.organization_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.year_spin.valueChanged.connect(lambda _value: self.refresh())

    def is_ready(self) -> bool:
        return not self.loading

    def chosen_organization(self) -> int | None:
        data = self.organization_combo.currentData()
        return None if data is None else int(data)

    def refresh(self) -> None:
        self.loading = True
        self._generation += 1
        database, actor = self.context.application.database, self.context.actor
        run_service(
            self,
            self.context,
            partial(
                read_compliance, database, actor, self.chosen_organization(), self.year_spin.value()
            ),
            on_success=partial(self._loaded, self._generation),
            on_failure=self._failed,
            failure_title=self.tr("Cannot read the compliance table"),
        )

    def _failed(self, _error: BaseException) -> None:
        self.loading = False

    def _loaded(self, generation: int, read: ComplianceRead) -> None:
        if generation != self._generation:
            return
        combo = self.organization_combo
        combo.blockSignals(True)
        combo.clear()
        for node in read.organizations:
            combo.addItem(node.name, node.id)
        if read.table is not None:
            combo.setCurrentIndex(combo.findData(read.table.organization_id))
        combo.blockSignals(False)
        self.table_data = read.table
        has_table = read.table is not None
        for widget in (self.grid, self.legend, self.missing_label):
            widget.setVisible(has_table)
        self.export_button.setEnabled(has_table)
        self.empty_label.setVisible(not has_table)
        if read.table is not None:
            self._show(read.table)
        self.loading = False

    def _show(self, table: ComplianceTable) -> None:
        grid = self.grid
        grid.clear()
        grid.setRowCount(12)
        grid.setColumnCount(len(table.types))
        headings = [header_text(MEETING_TYPE_LABELS[t]) for t in table.types]
        grid.setHorizontalHeaderLabels(headings)
        header = grid.horizontalHeader()
        header.ensurePolished()
        widest = max(
            header.fontMetrics().horizontalAdvance(line)
            for heading in headings
            for line in heading.splitlines()
        )
        cell_width = grid.fontMetrics().horizontalAdvance(
            COMPLIANCE_STATE_LABELS[ComplianceState.MISSING]
        )
        header.setMinimumSectionSize(max(widest, cell_width) + 24)
        for column, meeting_type in enumerate(table.types):
            cells = [table.cell(month, meeting_type) for month in range(1, 13)]
            unused = all(c.state is None and not c.held for c in cells)
            grid.setColumnHidden(column, unused)  # "the scheduled types, then the others held"
        grid.setVerticalHeaderLabels(
            [self.tr("Month {month}").format(month=m) for m in range(1, 13)]
        )
        for month in range(1, 13):
            for column, meeting_type in enumerate(table.types):
                cell = table.cell(month, meeting_type)
                item = QTableWidgetItem(compliance_cell_text(cell.held, cell.state))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if cell.state in STATE_FILLS:
                    item.setBackground(QBrush(QColor(f"#{STATE_FILLS[cell.state]}")))
                    item.setForeground(QBrush(QColor("#202020")))
                if cell.state is not None:
                    item.setToolTip(COMPLIANCE_STATE_LABELS[cell.state])
                grid.setItem(month - 1, column, item)
        missing = table.missing
        if missing:
            per_type = Counter(period.meeting_type for period in missing)
            names = self.tr(", ").join(
                self.tr("{type} {count}").format(type=MEETING_TYPE_LABELS[t], count=n)
                for t, n in per_type.items()
            )
            self.missing_label.setText(
                self.tr("Periods overdue in {year}: {periods}").format(
                    year=table.year, periods=names
                )
            )
            self.missing_label.setToolTip(
                "\n".join(
                    f"{MEETING_TYPE_LABELS[p.meeting_type]}"
                    f"（{p.starts_on:%Y-%m-%d}—{p.ends_on:%Y-%m-%d}）"
                    for p in missing
                )
            )
            self.missing_label.setStyleSheet("color: #B3261E;")
        else:
            self.missing_label.setText(self.tr("No required meeting is overdue in this year."))
            self.missing_label.setToolTip("")
            self.missing_label.setStyleSheet("")

    def export(self) -> None:
        table = self.table_data
        if table is None:
            return
        path = ask_excel_save_path(
            self,
            self.context.ui_state,
            self.tr("Export the compliance table"),
            f"{table.organization_name}{table.year}年三会一课落实情况.xlsx",
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        table = self.table_data
        if table is None:
            return
        database, actor = self.context.application.database, self.context.actor
        run_service(
            self,
            self.context,
            partial(export_compliance, database, actor, table.organization_id, table.year, path),
            on_success=self._exported,
            failure_title=self.tr("Export the compliance table"),
        )

    def _exported(self, written: Path) -> None:
        self.export_note.setText(self.tr("Exported to {path}").format(path=written))
        self.export_note.setVisible(True)
