"""The district workbench's pages (issue 17): 中心, 导入, 党员, 统计 (核查 and 下发 are in
:mod:`.checks_page` and :mod:`.send_page`).

Each page reads through the district's services on a worker (:func:`dangqun.ui.operations.
run_service`) and shows plain data; the tables are small (a district's 30 centers, a search's
200 rows, a report's centers), so they are filled as item tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.clock import local_today
from dangqun.core.security import Permission
from dangqun.ui.district.window import DistrictContext
from dangqun.ui.formatting import moment
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service

if TYPE_CHECKING:
    from dangqun.district.checks import OverdueCenter
    from dangqun.district.database import DistrictDatabase
    from dangqun.district.people import MemberSearch
    from dangqun.district.report import ImportReport
    from dangqun.district.reports.figures import DistrictReport
    from dangqun.district.status import CenterStatus

GAP_COLOUR = QColor("#C8161D")


@dataclass(frozen=True)
class CentersView:
    """What the 中心 page shows, read in one call: the centers, which are overdue (by the
    district's own setting, :func:`dangqun.district.checks.overdue_centers`) and the limit."""

    centers: list[CenterStatus]
    overdue: dict[str, OverdueCenter]
    limit: int


def centers_view(db: DistrictDatabase) -> CentersView:
    from dangqun.district import checks, service

    overdue = {center.uuid: center for center in checks.overdue_centers(db)}
    return CentersView(service.status(db), overdue, checks.overdue_days(db))


def item_of(text: object, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def table_of(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class DistrictPage(QWidget):
    """A title, a line saying what the page is for, then the page's own content.

    ``title`` and ``tagline`` come translated from the subclass (its ``self.tr`` context)."""

    def __init__(self, context: DistrictContext) -> None:
        super().__init__()
        self.context = context
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 16)
        self.layout_.setSpacing(12)
        self.heading = QLabel()
        self.heading.setProperty("role", "pageTitle")
        self.tagline = QLabel()
        self.tagline.setWordWrap(True)
        self.tagline.setProperty("role", "muted")
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.tagline)

    def set_heading(self, title: str, tagline: str) -> None:
        self.heading.setText(title)
        self.tagline.setText(tagline)


class DistrictCentersPage(DistrictPage):
    """中心: every registered center, its last package, gaps and days since its last report;
    a center is red when a package is missing or it is overdue by the district's setting
    (核查 → 逾期未报, issue 17)."""

    def __init__(self, context: DistrictContext) -> None:
        super().__init__(context)
        self.set_heading(self.tr("Centers"), "")
        self.headers = (
            self.tr("Center"),
            self.tr("Division code"),
            self.tr("Packages"),
            self.tr("Latest no."),
            self.tr("Last imported"),
            self.tr("Days since"),
            self.tr("Missing"),
            self.tr("Records"),
        )
        row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        refresh = QPushButton(icon("refresh"), self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        row.addWidget(self.summary, 1)
        row.addWidget(refresh)
        self.layout_.addLayout(row)
        self.table = table_of(self.headers)
        self.layout_.addWidget(self.table, 1)
        self.view: CentersView | None = None
        self.refresh()

    def refresh(self) -> None:
        run_service(self, self.context, partial(centers_view, self.context.db),
                    on_success=self._show)  # fmt: skip

    def _show(self, view: CentersView) -> None:
        self.view = view
        self.tagline.setText(
            self.tr(
                "The registered service centers and the packages they sent. A center with a "
                "missing package, or none made for more than {days} days (the setting on "
                "Checks), is red: ask it to send what is missing."
            ).format(days=view.limit)
        )
        today = local_today()
        self.table.setRowCount(len(view.centers))
        late_count = 0
        for row, center in enumerate(view.centers):
            days = (
                None
                if center.last_imported_at is None
                else (today - center.last_imported_at.astimezone().date()).days
            )
            overdue = view.overdue.get(center.uuid)
            late = overdue is not None or bool(center.missing)
            late_count += late
            values = (
                center.name,
                center.division_code,
                center.packages,
                center.last_seq if center.last_seq is not None else "—",
                moment(center.last_imported_at)
                if center.last_imported_at
                else self.tr("Not received yet"),
                "—" if days is None else days,
                self.tr(", ").join(str(seq) for seq in center.missing) or self.tr("None"),
                f"{center.records:,}",
            )
            for column, value in enumerate(values):
                item = item_of(value, align_right=column in (2, 3, 5, 7))
                if late:
                    item.setForeground(QBrush(GAP_COLOUR))
                if overdue is not None:
                    item.setToolTip(overdue.line())
                self.table.setItem(row, column, item)
        self.summary.setText(
            self.tr("{count} centers; {late} to ask for missing packages.").format(
                count=len(view.centers), late=late_count
            )
            if view.centers
            else self.tr(
                "No service center is registered yet: register a center's public key with "
                "dangqun district register-center."
            )
        )


class DistrictImportPage(DistrictPage):
    """导入: packages or a USB folder, with the DHIS2-style report on screen; dry run first."""

    def __init__(self, context: DistrictContext) -> None:
        super().__init__(context)
        self.set_heading(
            self.tr("Import"),
            self.tr(
                "Choose the packages (.dqpkg) a center handed in, or a whole USB folder. Each "
                "package's signature, checksums and format are checked first and it is written "
                "only when all pass; a dry run checks without writing."
            ),
        )
        row = QHBoxLayout()
        self.files_button = QPushButton(icon("file_import"), self.tr("Choose packages…"))
        self.folder_button = QPushButton(icon("usb"), self.tr("Choose a folder…"))
        self.dry_run = QCheckBox(self.tr("Dry run (check only, write nothing)"))
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addWidget(self.dry_run)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.table = table_of(
            (
                self.tr("Package"),
                self.tr("Center"),
                self.tr("No."),
                self.tr("Result"),
                self.tr("Remarks"),
            )
        )
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr("The import's report appears here."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.report)
        self.layout_.addWidget(splitter, 1)

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose packages"),
            "",
            self.tr("Packages (*.dqpkg);;All files (*)"),
        )
        if names:
            self.import_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of packages"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        from dangqun.district import service

        self.files_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.report.setPlainText(self.tr("Importing …"))
        run_service(
            self,
            self.context,
            partial(
                service.import_packages, self.context.db, paths, dry_run=self.dry_run.isChecked()
            ),
            on_success=self.show_report,
            on_failure=self._done,
            failure_title=self.tr("Cannot import"),
        )

    def _done(self, _error: object = None) -> None:
        self.files_button.setEnabled(True)
        self.folder_button.setEnabled(True)

    def show_report(self, report: ImportReport) -> None:
        from dangqun.district.report import STATUS_LABELS

        self._done()
        self.table.setRowCount(len(report.packages))
        for row, package in enumerate(report.packages):
            values = (
                package.file,
                package.center_name,
                package.seq if package.seq is not None else "",
                STATUS_LABELS.get(package.status, package.status),
                package.reason or "；".join(package.warnings),
            )
            for column, value in enumerate(values):
                item = item_of(value, align_right=column == 2)
                if package.status == "rejected":
                    item.setForeground(QBrush(GAP_COLOUR))
                self.table.setItem(row, column, item)
        self.report.setPlainText(report.text())


class DistrictMembersPage(DistrictPage):
    """党员: one search across the centers, masked by role as at a center."""

    def __init__(self, context: DistrictContext) -> None:
        super().__init__(context)
        tagline = self.tr(
            "Search the members every center of the district reported: type a name (or its "
            "pinyin initials), or a whole ID number."
        )
        if not context.can(Permission.SEE_PERSONAL_DATA):
            tagline += self.tr(" ID numbers and phones are masked for your role.")
        self.set_heading(self.tr("Party members"), tagline)
        headers = (
            self.tr("Name"),
            self.tr("Sex"),
            self.tr("ID number"),
            self.tr("Phone"),
            self.tr("Center"),
            self.tr("Party organization"),
            self.tr("Kind"),
            self.tr("Status"),
        )
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, pinyin initials or a whole ID number"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.run_search)
        button = QPushButton(icon("search"), self.tr("Search"))
        button.clicked.connect(self.run_search)
        row.addWidget(self.search, 1)
        row.addWidget(button)
        self.layout_.addLayout(row)
        self.count = QLabel("")
        self.layout_.addWidget(self.count)
        self.table = table_of(headers)
        self.layout_.addWidget(self.table, 1)

    def run_search(self) -> None:
        from dangqun.district.people import search_members

        run_service(
            self,
            self.context,
            partial(search_members, self.context.db, self.context.actor, self.search.text()),
            on_success=self.show_members,
            failure_title=self.tr("Cannot search"),
        )

    def show_members(self, found: MemberSearch) -> None:
        self.table.setRowCount(len(found.members))
        for row, member in enumerate(found.members):
            values = (
                member.name,
                member.gender,
                member.id_number,
                member.phone,
                member.center_name,
                member.organization,
                member.kind,
                member.status,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, item_of(value))
        self.count.setText(
            self.tr("Only the first {count} found are listed: type more of the name.").format(
                count=len(found.members)
            )
            if found.more
            else self.tr("Found {count}.").format(count=len(found.members))
        )


class DistrictReportsPage(DistrictPage):
    """统计: the district report of a period (D1's service) on screen, as PDF or as Excel."""

    def __init__(self, context: DistrictContext) -> None:
        super().__init__(context)
        self.set_heading(
            self.tr("Statistics"),
            self.tr(
                "Figures by month, quarter or year for each center and the district in total; "
                "export them as a PDF or Excel report."
            ),
        )
        headers = (
            self.tr("Center"),
            self.tr("Registered members"),
            self.tr("Dual registration"),
            self.tr("Service (minutes)"),
            self.tr("Floating in"),
            self.tr("Floating out"),
            self.tr("Base visits"),
            self.tr("People"),
            self.tr("Earned (minutes)"),
            self.tr("Spent (minutes)"),
            self.tr("Overdue meetings"),
        )
        row = QHBoxLayout()
        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.addItems(_recent_periods(local_today()))
        self.compute_button = QPushButton(icon("refresh"), self.tr("Compute"))
        self.pdf_button = QPushButton(icon("save_pdf"), self.tr("Export PDF…"))
        self.excel_button = QPushButton(icon("export"), self.tr("Export Excel…"))
        self.compute_button.clicked.connect(self.compute)
        self.pdf_button.clicked.connect(partial(self.export, ".pdf"))
        self.excel_button.clicked.connect(partial(self.export, ".xlsx"))
        row.addWidget(QLabel(self.tr("Period")))
        row.addWidget(self.period)
        row.addWidget(self.compute_button)
        row.addStretch(1)
        row.addWidget(self.pdf_button)
        row.addWidget(self.excel_button)
        self.layout_.addLayout(row)
        self.headline = QLabel("")
        self.headline.setWordWrap(True)
        self.layout_.addWidget(self.headline)
        self.table = table_of(headers)
        self.bars = QChartView()
        self.pie = QChartView()
        for view in (self.bars, self.pie):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.bars)
        charts.addWidget(self.pie)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(charts)
        self.layout_.addWidget(splitter, 1)
        self.report: DistrictReport | None = None
        self._set_export_enabled(False)
        self.compute()

    def _set_export_enabled(self, enabled: bool) -> None:
        self.pdf_button.setEnabled(enabled)
        self.excel_button.setEnabled(enabled)

    def compute(self) -> None:
        text = self.period.currentText()
        self.compute_button.setEnabled(False)
        run_service(
            self,
            self.context,
            partial(_report_of, self.context.db, text),
            on_success=self.show_report,
            on_failure=lambda _error: self.compute_button.setEnabled(True),
            failure_title=self.tr("Cannot compute"),
        )

    def show_report(self, report: DistrictReport) -> None:
        self.report = report
        self.compute_button.setEnabled(True)
        self._set_export_enabled(True)
        total = report.total
        self.headline.setText(
            self.tr(
                "{period}: {centers} centers, {members} registered members, {dual} in dual "
                "registration, {visits} base visits with {people} people, {overdue} meetings "
                "overdue."
            ).format(
                period=report.period.label,
                centers=len(report.centers),
                members=f"{total.members_total:,}",
                dual=f"{total.dual_registered:,}",
                visits=f"{total.visits.visits:,}",
                people=f"{total.visits.people:,}",
                overdue=total.overdue,
            )
        )
        rows = [*report.centers, total]
        self.table.setRowCount(len(rows))
        for row, figures in enumerate(rows):
            values = (
                figures.name if figures is not total else self.tr("District total"),
                figures.members_total,
                figures.dual_registered,
                figures.dual_service_minutes,
                figures.floating_in,
                figures.floating_out,
                figures.visits.visits,
                figures.visits.people,
                figures.minutes_earned,
                figures.minutes_spent,
                figures.overdue,
            )
            for column, value in enumerate(values):
                text = f"{value:,}" if isinstance(value, int) else value
                item = item_of(text, align_right=column > 0)
                if column == len(values) - 1 and figures.overdue:
                    item.setForeground(QBrush(GAP_COLOUR))
                if figures is total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self._draw_charts(report)

    def _draw_charts(self, report: DistrictReport) -> None:
        bars = QChart()
        bars.setTitle(self.tr("Registered members by center"))
        members = QBarSet(self.tr("Registered members"))
        members.setColor(QColor("#C8161D"))
        for figures in report.centers:
            members.append(figures.members_total)
        series = QBarSeries()
        series.append(members)
        bars.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([figures.name for figures in report.centers])
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setMin(0)
        bars.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        bars.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        bars.legend().setVisible(False)
        self.bars.setChart(bars)
        pie = QChart()
        pie.setTitle(self.tr("Members of the district by kind"))
        slices = QPieSeries()
        from dangqun.district.reports.figures import KIND_LABELS

        for kind, label in KIND_LABELS.items():
            count = report.total.members_of_kind(kind)
            if count:
                slices.append(f"{label} {count:,}", count)
        pie.addSeries(slices)
        pie.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.pie.setChart(pie)

    def export(self, suffix: str) -> None:
        from dangqun.district.reports import service as reports

        if self.report is None:
            return
        kind = self.tr("PDF files (*.pdf)") if suffix == ".pdf" else self.tr("Excel files (*.xlsx)")
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the report"),
            self.tr("Report-{period}").format(period=self.report.period.code) + suffix,
            kind,
        )
        if not name:
            return
        path = Path(name if name.endswith(suffix) else name + suffix)
        run_service(
            self,
            self.context,
            partial(reports.write_report, self.context.db, self.report, path),
            on_success=lambda _none: self.headline.setText(
                self.tr("Exported: {path}").format(path=path)
            ),
            failure_title=self.tr("Cannot export"),
        )


def _report_of(db: DistrictDatabase, text: str) -> DistrictReport:
    from dangqun.district.reports import service as reports

    return reports.district_report(db, reports.parse_period(text))


def _recent_periods(today: date) -> list[str]:
    """The last quarter first (the district's routine), then this year's months and years."""
    quarter = (today.month - 1) // 3
    year = today.year if quarter else today.year - 1
    last_quarter = quarter or 4
    periods = [f"{year}-Q{last_quarter}"]
    periods += [f"{today.year}-{month:02d}" for month in range(today.month, 0, -1)]
    periods += [str(today.year), str(today.year - 1)]
    return periods
