"""The bases page's statistics tab (issue 14, "Statistics per base and month, quarter, year:
批次 and 人次 from actual check-ins, by visitor type, by visiting organization and by menu item;
exportable to Excel").

A period chooser (月 / 季 / 年 and which one), the summary sentence and the totals, and one
table per breakdown — all one :func:`dangqun.bases.service.statistics` call on the worker
thread, so the figures are those of the paper (打印, :mod:`dangqun.ui.bases.print_actions`) and
of the workbook (导出 Excel…, :mod:`dangqun.bases.export`, written owner-only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.documents.statistics_report import (
    StatisticsKey,
    period_text,
    summary_sentence,
)
from dangqun.bases.service import Granularity, Statistics, Tally, get_base, statistics
from dangqun.core.clock import local_today
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service


@dataclass(frozen=True)
class Loaded:
    key: StatisticsKey
    scope: str
    result: Statistics


def load_statistics(context: UiContext, key: StatisticsKey) -> Loaded:
    """The base's name and its statistics for the period, in one go on the worker thread."""
    database, actor = context.application.database, context.actor
    assert key.base_id is not None
    scope = get_base(database, actor, key.base_id).name
    result = statistics(
        database,
        actor,
        key.starts_on,
        key.ends_on,
        base_id=key.base_id,
        granularity=key.granularity,
    )
    return Loaded(key, scope, result)


def period_dates(kind: str, year: int, which: int) -> tuple[date, date]:
    """The first and last day of month ``which``, quarter ``which`` or the year."""
    if kind == "year":
        return date(year, 1, 1), date(year, 12, 31)
    first_month, months = (which, 1) if kind == "month" else (3 * which - 2, 3)
    starts_on = date(year, first_month, 1)
    after = first_month + months
    following = date(year + 1, 1, 1) if after > 12 else date(year, after, 1)
    return starts_on, following - timedelta(days=1)


class StatisticsPanel(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("basesStatisticsPanel")
        self.context = context
        self.base_id: int | None = None
        self.loaded: Loaded | None = None
        self.loading = False
        self._generation = 0
        today = local_today()
        layout = QVBoxLayout(self)

        chooser = QHBoxLayout()
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("periodKind")
        self.kind_box.addItem(self.tr("Monthly"), "month")
        self.kind_box.addItem(self.tr("Quarterly"), "quarter")
        self.kind_box.addItem(self.tr("Yearly"), "year")
        self.year_box = QSpinBox()
        self.year_box.setObjectName("periodYear")
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(today.year)
        self.year_box.setSuffix(self.tr(" (year)"))
        self.which_box = QComboBox()
        self.which_box.setObjectName("periodWhich")
        self.export_button = QPushButton(icon("export"), self.tr("Export to Excel…"))
        self.export_button.setObjectName("exportStatisticsButton")
        self.export_button.clicked.connect(self.export_excel)
        self.print_button = QPushButton(icon("print"), self.tr("Print"))
        self.print_button.setObjectName("printStatisticsButton")
        self.print_button.clicked.connect(self.print_statistics)
        period_label = QLabel(self.tr("Period:"))
        period_label.setBuddy(self.kind_box)
        for widget in (period_label, self.kind_box, self.year_box, self.which_box):
            chooser.addWidget(widget)
        chooser.addStretch(1)
        chooser.addWidget(self.export_button)
        chooser.addWidget(self.print_button)
        layout.addLayout(chooser)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("statisticsSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)

        self.breakdowns = QTabWidget()
        self.breakdowns.setObjectName("statisticsBreakdowns")
        self.tables: dict[str, QTableWidget] = {}
        for name, title, header in (
            ("period", self.tr("By month"), self.tr("Month")),
            ("org_type", self.tr("By visitor type"), self.tr("Visitor type")),
            ("organization", self.tr("By organization"), self.tr("Visiting organization")),
            ("menu_item", self.tr("By menu item"), self.tr("Menu item")),
        ):
            table = QTableWidget(0, 3)
            table.setObjectName(f"{name}Table")
            table.setHorizontalHeaderLabels([header, self.tr("Visits"), self.tr("People")])
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in (1, 2):
                table.horizontalHeader().setSectionResizeMode(
                    column, QHeaderView.ResizeMode.ResizeToContents
                )
            self.tables[name] = table
            self.breakdowns.addTab(table, title)
        layout.addWidget(self.breakdowns, 1)

        self._fill_which(today.month)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.year_box.valueChanged.connect(self.reload)
        self.which_box.currentIndexChanged.connect(self.reload)
        self._set_enabled()

    # -- the period -------------------------------------------------------------------------

    def _fill_which(self, month: int) -> None:
        kind = self.kind_box.currentData()
        self.which_box.blockSignals(True)
        self.which_box.clear()
        if kind == "month":
            for number in range(1, 13):
                self.which_box.addItem(self.tr("Month %n", "", number), number)
            self.which_box.setCurrentIndex(month - 1)
        elif kind == "quarter":
            for number in range(1, 5):
                self.which_box.addItem(self.tr("Quarter %n", "", number), number)
            self.which_box.setCurrentIndex((month - 1) // 3)
        self.which_box.setVisible(kind != "year")
        self.which_box.blockSignals(False)

    def _kind_changed(self) -> None:
        self._fill_which(local_today().month)
        self.reload()

    def choose_period(self, kind: str, year: int, which: int = 1) -> None:
        """Choose a period as a user would (``kind``: month, quarter or year) and reload."""
        self.kind_box.blockSignals(True)
        self.year_box.blockSignals(True)
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
        self.year_box.setValue(year)
        self._fill_which(which if kind == "month" else 3 * which - 2)
        self.kind_box.blockSignals(False)
        self.year_box.blockSignals(False)
        self.reload()

    def statistics_key(self) -> StatisticsKey:
        """The chosen base and period, as the print and the CLI name them."""
        kind = str(self.kind_box.currentData())
        which = int(self.which_box.currentData() or 1)
        starts_on, ends_on = period_dates(kind, self.year_box.value(), which)
        return StatisticsKey(self.base_id, starts_on, ends_on, Granularity.MONTH)

    # -- reading ----------------------------------------------------------------------------

    def show_base(self, base_id: int) -> None:
        self.base_id = base_id
        self.reload()

    def is_ready(self) -> bool:
        return not self.loading

    def reload(self) -> None:
        if self.base_id is None:
            return
        self.loading = True
        self._generation += 1
        self._set_enabled()
        run_service(
            self,
            self.context,
            partial(load_statistics, self.context, self.statistics_key()),
            on_success=partial(self._loaded, self._generation),
            on_failure=self._failed,
            failure_title=self.tr("Cannot read the statistics"),
        )

    def _failed(self, _error: BaseException) -> None:
        self.loading = False
        self._set_enabled()

    def _loaded(self, generation: int, loaded: object) -> None:
        if generation != self._generation or not isinstance(loaded, Loaded):
            return
        self.loaded = loaded
        result = loaded.result
        period = period_text(result.starts_on, result.ends_on)
        self.summary_label.setText(
            self.tr("{scope}: {sentence} ({visits} visits, {people} people in all.)").format(
                scope=loaded.scope,
                sentence=summary_sentence(period, result.visits, result.people),
                visits=result.visits,
                people=result.people,
            )
        )
        for name, tallies in (
            ("period", result.by_period),
            ("org_type", result.by_org_type),
            ("organization", result.by_organization),
            ("menu_item", result.by_menu_item),
        ):
            self._fill(self.tables[name], tallies)
        self.loading = False
        self._set_enabled()

    def _fill(self, table: QTableWidget, tallies: tuple[Tally, ...]) -> None:
        table.setRowCount(len(tallies))
        for row, tally in enumerate(tallies):
            table.setItem(row, 0, QTableWidgetItem(tally.label))
            for column, value in ((1, tally.visits), (2, tally.people)):
                item = QTableWidgetItem(f"{value:,}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)

    def _set_enabled(self) -> None:
        ready = self.loaded is not None and not self.loading
        self.export_button.setEnabled(ready)
        self.print_button.setEnabled(self.base_id is not None)

    # -- actions ----------------------------------------------------------------------------

    def export_excel(self) -> None:
        """导出 Excel…: ask where, then write the workbook of the figures shown."""
        if self.loaded is None:
            return
        suggested = f"{self.loaded.scope}活动情况统计.xlsx"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export statistics"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the workbook of the figures shown to ``path`` (owner-only) off the GUI thread."""
        from dangqun.bases.export import export_statistics

        loaded = self.loaded
        if loaded is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self.export_button.setEnabled(False)
        run_service(
            self,
            self.context,
            partial(export_statistics, path, loaded.result, loaded.scope, loaded.key.granularity),
            on_success=lambda _path: self._set_enabled(),
            on_failure=lambda _error: self._set_enabled(),
            failure_title=self.tr("Cannot export the statistics"),
        )

    def print_statistics(self) -> None:
        """打印: the chosen period on paper, through the preview window."""
        from dangqun.ui.bases.print_actions import print_statistics

        if self.base_id is not None:
            print_statistics(self, self.base_id, self.statistics_key())
