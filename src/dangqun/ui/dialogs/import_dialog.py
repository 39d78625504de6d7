"""导入花名册: check every row first, show what is wrong as Excel numbers it, then decide.

1. The user chooses an .xlsx (and whether unknown branches may be created).
2. The roster is checked off the GUI thread: ``import_roster(dry_run=True)`` runs the whole
   import and rolls it back, so the report counts exactly what would be new, updated or
   unchanged.
3. The report: totals and a table (Excel row number, column as the file names it, the cell,
   the reason in Chinese).
4. 全部不导入 writes nothing; 只导入有效行 imports the valid rows in one transaction. Either way a
   summary closes the story. Importing the same file again creates nobody twice.

Issue 11, a first day that works: a fresh center's first roster names branches that do not
exist yet, and the "create branches" choice sat on the first page, which the report does not
show. So the report offers it where the errors are: "新建这 N 个党支部并导入" with the names,
which checks again with ``create_branches`` and, when that leaves every row valid, imports at
once; when other rows have problems too it says "…并重新检查" and shows the new report. The
report's notes (how 人员类别 was decided) are part of its summary.

Both runs go through :func:`~dangqun.ui.operations.run_service`; the import announces the
members (and the branches it created) it changed, so the list and the home page follow.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QSizePolicy, QWidget

from dangqun.core.changes import NOTHING, Changes
from dangqun.core.errors import ValidationError
from dangqun.core.security import Actor
from dangqun.members.changes import MEMBER, ORGANIZATION
from dangqun.members.service import ImportMode, ImportReport, RosterError, import_roster
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_import_dialog import Ui_ImportDialog
from dangqun.ui.icons import icon
from dangqun.ui.models.import_report_model import (
    COLUMN,
    REASON,
    ROW,
    VALUE,
    ImportReportModel,
)
from dangqun.ui.operations import run_service
from dangqun.ui.widgets import file_dialogs
from dangqun.ui.widgets.field_errors import FieldErrors

CHOOSE, PROGRESS, REPORT, RESULT = range(4)
WRAPPED_ROWS_LIMIT = 1000


def run_import(
    database: Any,
    actor: Actor,
    path: Path,
    create_branches: bool,
    dry_run: bool,
    progress: Any = None,
) -> ImportReport:
    """The dry run or the import. A file that cannot be read as a roster at all is a finding
    about the dialog's one field, the file, so it is shown beside it, not in a message box."""
    try:
        return import_roster(
            database,
            actor,
            path,
            ImportMode.VALID_ROWS,
            create_branches=create_branches,
            dry_run=dry_run,
            progress=progress,
        )
    except RosterError as error:
        raise ValidationError.single("path", error.message) from error


def imported_changes(report: object) -> Changes:
    """What an import changed: members, and the organization tree when it created branches."""
    if not isinstance(report, ImportReport):
        return NOTHING
    if report.created_branches:
        return Changes.of(MEMBER, ORGANIZATION)
    return Changes.of(MEMBER)


class ImportDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path: Path | None = None
        self.report: ImportReport | None = None
        """The dry run: what importing the valid rows would do."""
        self.written: ImportReport | None = None
        """What was written (None until the user chose; also None after "import nothing")."""
        self.running = False
        self.import_when_checked = False
        """Set by "create the branches and import": import as soon as the re-check is clean."""
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.model = ImportReportModel(self)
        ui.problemsView.setModel(self.model)
        ui.problemsView.verticalHeader().setVisible(False)
        ui.problemsView.verticalHeader().setDefaultSectionSize(
            ui.problemsView.fontMetrics().height() + 14
        )
        header = ui.problemsView.horizontalHeader()
        metrics = ui.problemsView.fontMetrics()
        header.resizeSection(ROW, metrics.horizontalAdvance("行号 0000") + 24)
        header.resizeSection(COLUMN, metrics.horizontalAdvance("转为正式党员日期") + 24)
        header.resizeSection(VALUE, metrics.horizontalAdvance("53010219850601123X") + 32)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        # At the largest font the pages scroll (pagesScroll) rather than squeeze the table to
        # its header: it keeps room for a few rows.
        ui.pagesScroll.viewport().setAutoFillBackground(False)  # the dialog's own surface
        ui.pagesContent.setAutoFillBackground(False)
        ui.problemsView.setMinimumHeight(4 * (metrics.height() + 14) + header.sizeHint().height())
        ui.chooseFileButton.setIcon(icon("folder"))
        ui.chooseFileButton.clicked.connect(self.choose_file)
        ui.againButton.clicked.connect(self.choose_file)
        ui.checkButton.clicked.connect(self.check)
        ui.importNothingButton.clicked.connect(self.import_nothing)
        ui.importValidButton.clicked.connect(self.import_valid)
        ui.createBranchesButton.clicked.connect(self.create_branches_and_import)
        ui.closeButton.clicked.connect(self.reject)
        self.errors = FieldErrors({"path": ui.chooseError}, ui.chooseError)
        self.show_page(CHOOSE)
        self.resize(980, 680)

    # -- pages ------------------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        ui = self.ui
        ui.pages.setCurrentIndex(page)
        # The stack asks for the room of the current page only, so a short page does not
        # scroll (pagesScroll) for the height of the report.
        for index in range(ui.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == page else QSizePolicy.Policy.Ignored
            widget = ui.pages.widget(index)
            if widget is not None:
                widget.setSizePolicy(policy, policy)
        ui.pages.updateGeometry()
        ui.againButton.setVisible(page == REPORT)
        ui.importNothingButton.setVisible(page == REPORT)
        ui.importValidButton.setVisible(page == REPORT)
        ui.checkButton.setVisible(page == CHOOSE)
        ui.checkButton.setEnabled(self.path is not None)
        ui.closeButton.setVisible(page in (CHOOSE, RESULT))
        ui.closeButton.setText(self.tr("Done") if page == RESULT else self.tr("Cancel"))
        if page == CHOOSE:
            ui.checkButton.setDefault(True)
        elif page == RESULT:
            ui.closeButton.setDefault(True)

    def choose_file(self) -> None:
        if self.running:
            return
        ui_state = self.context.ui_state
        path = file_dialogs.open_file(
            self,
            self.tr("Choose a roster"),
            file_dialogs.last_directory(ui_state, "import"),
            self.tr("Excel workbooks (*.xlsx);;All files (*)"),
        )
        if path is None:
            if self.report is not None:
                self.show_page(REPORT)
            return
        file_dialogs.remember_directory(ui_state, "import", path)
        self.set_file(path)
        self.check()

    def set_file(self, path: Path) -> None:
        self.path = Path(path)
        self.report = None
        self.ui.fileEdit.setText(str(self.path))
        self.errors.clear()
        self.show_page(CHOOSE)

    # -- checking ---------------------------------------------------------------------------

    def check(self) -> None:
        if self.path is None or self.running:
            return
        self._start(
            self.tr("Checking every row of “{file}”… Nothing is written yet.").format(
                file=self.path.name
            ),
            dry_run=True,
            on_success=self._checked,
        )

    def _start(self, text: str, dry_run: bool, on_success: Any) -> None:
        assert self.path is not None
        self.running = True
        ui = self.ui
        ui.progressLabel.setText(text)
        ui.progressBar.setRange(0, 0)
        self.show_page(PROGRESS)
        call = run_service(
            self,
            self.context,
            partial(
                run_import,
                self.context.application.database,
                self.context.actor,
                self.path,
                ui.createBranchesCheck.isChecked(),
                dry_run,
            ),
            changes=NOTHING if dry_run else imported_changes,
            on_success=on_success,
            field_errors=self.errors,
            failure_title=self.tr("Import roster"),
            on_progress=self._progress,
            with_progress=True,
        )
        call.finished.connect(self._stopped)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.ui.progressBar.setRange(0, total)
            self.ui.progressBar.setValue(done)

    def _stopped(self) -> None:
        """After the outcome: a run that ended without a report (refused, or a crash already
        reported) goes back to choosing the file; a clean re-check asked for by "create the
        branches and import" goes on to the import."""
        self.running = False
        if self.ui.pages.currentIndex() == PROGRESS:
            self.report = None
            self.import_when_checked = False
            self.show_page(CHOOSE)
        elif self.import_when_checked:
            self.import_when_checked = False
            if self.report is not None and self.report.all_valid:
                self.import_valid()

    def _checked(self, report: object) -> None:
        self.running = False
        if not isinstance(report, ImportReport):
            return
        self.show_report(report)

    def show_report(self, report: ImportReport) -> None:
        """The dry run's findings; the user chooses what to write."""
        self.report = report
        ui = self.ui
        self.model.set_report(report)
        # Reasons wrap onto a second line when the report is short enough to measure every
        # row; a 10,000-row roster full of problems keeps one line per row (tooltips).
        wrap = self.model.rowCount() <= WRAPPED_ROWS_LIMIT
        ui.problemsView.setWordWrap(wrap)
        ui.problemsView.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Fixed
        )
        ui.totalValue.setText(f"{report.total:,}")
        ui.validValue.setText(f"{report.valid:,}")
        ui.invalidValue.setText(f"{report.invalid_rows:,}")
        ui.newValue.setText(f"{report.imported:,}")
        ui.updatedValue.setText(f"{report.updated:,}")
        ui.unchangedValue.setText(f"{report.unchanged:,}")
        ui.invalidValue.setStyleSheet("color: #C8161D;" if report.invalid_rows else "")
        ui.reportSummary.setText(self._summary(report))
        has_lines = bool(report.invalid or report.warnings)
        ui.problemsTitle.setVisible(has_lines)
        ui.problemsView.setVisible(has_lines)
        ui.reportHint.setVisible(bool(report.invalid))
        self._offer_branches(report)
        if report.invalid:
            ui.problemsTitle.setText(self.tr("Rows to correct"))
        else:
            ui.problemsTitle.setText(self.tr("Worth a look (these rows are imported)"))
        ui.importValidButton.setEnabled(report.valid > 0)
        if report.all_valid:
            ui.importValidButton.setText(
                self.tr("Import all {count} rows").format(count=f"{report.valid:,}")
            )
        else:
            ui.importValidButton.setText(
                self.tr("Import the {count} valid rows only").format(count=f"{report.valid:,}")
            )
        ui.importNothingButton.setText(self.tr("Import nothing"))
        self.show_page(REPORT)
        ui.importNothingButton.setDefault(not report.all_valid and not report.only_branches_missing)
        ui.importValidButton.setDefault(report.all_valid)
        ui.createBranchesButton.setDefault(report.only_branches_missing)

    def _offer_branches(self, report: ImportReport) -> None:
        """ "新建这 N 个党支部并导入", naming them, when rows wait for branches that do not exist."""
        ui = self.ui
        names = report.missing_branches
        ui.branchesBox.setVisible(bool(names))
        if not names:
            return
        count = len(names)
        text = self.tr("These branches do not exist yet: {names}.").format(names="、".join(names))
        if report.rows_waiting_for_branches:
            text += " " + self.tr("{rows} rows are refused for this alone.").format(
                rows=f"{report.rows_waiting_for_branches:,}"
            )
        text += " " + self.tr(
            "If the names are right, they can be created under the community party organization "
            "(rename or move them later under Organization)."
        )
        ui.branchesText.setText(text)
        button = ui.createBranchesButton
        if report.only_branches_missing:
            button.setText(self.tr("Create these %n branches and import", "", count))
        else:
            button.setText(self.tr("Create these %n branches and check again", "", count))
        # The main way on only when nothing else stands in the way (one red button a page).
        button.setProperty("role", "primary" if report.only_branches_missing else "")
        button.style().unpolish(button)
        button.style().polish(button)
        button.setToolTip("、".join(names))

    def create_branches_and_import(self) -> None:
        """Check again with ``create_branches``; import at once if that leaves no problem."""
        if self.running or self.report is None or not self.report.missing_branches:
            return
        self.import_when_checked = self.report.only_branches_missing
        self.ui.createBranchesCheck.setChecked(True)
        self.check()

    def _summary(self, report: ImportReport) -> str:
        lines = []
        where = self.tr("“{file}”, sheet “{sheet}”, header in row {row}.").format(
            file=report.file_name, sheet=report.sheet_name, row=report.header_row
        )
        if report.ignored_columns:
            where += " " + self.tr("Columns not used: {columns}.").format(
                columns="、".join(report.ignored_columns)
            )
        lines.append(where)
        lines.extend(report.notes)
        if report.total == 0:
            lines.append(self.tr("The sheet has no member rows under its header."))
        elif report.all_valid:
            lines.append(
                self.tr(
                    "All {total} rows are valid: {new} new, {updated} updated, {unchanged} "
                    "unchanged."
                ).format(
                    total=f"{report.total:,}",
                    new=f"{report.imported:,}",
                    updated=f"{report.updated:,}",
                    unchanged=f"{report.unchanged:,}",
                )
            )
        elif report.only_branches_missing:
            lines.append(
                self.tr(
                    "{invalid} of {total} rows cannot be imported yet because their branch does "
                    "not exist; nothing else is wrong with them."
                ).format(invalid=f"{report.invalid_rows:,}", total=f"{report.total:,}")
            )
        elif report.valid == 0:
            lines.append(
                self.tr(
                    "None of the {total} rows can be imported. Correct the file (the row "
                    "numbers below are those Excel shows) and import it again."
                ).format(total=f"{report.total:,}")
            )
        else:
            lines.append(
                self.tr(
                    "{invalid} of {total} rows have problems (listed below with the row numbers "
                    "Excel shows). Import nothing and correct the file, or import the {valid} "
                    "valid rows now ({new} new, {updated} updated, {unchanged} unchanged)."
                ).format(
                    invalid=f"{report.invalid_rows:,}",
                    total=f"{report.total:,}",
                    valid=f"{report.valid:,}",
                    new=f"{report.imported:,}",
                    updated=f"{report.updated:,}",
                    unchanged=f"{report.unchanged:,}",
                )
            )
        if report.created_branches:
            lines.append(
                self.tr("Branches that will be created: {names}.").format(
                    names="、".join(report.created_branches)
                )
            )
        return "\n".join(lines)

    # -- deciding ---------------------------------------------------------------------------

    def import_nothing(self) -> None:
        if self.running:
            return
        self.written = None
        ui = self.ui
        ui.resultIcon.setPixmap(icon("info", "#2E4A6B", None).pixmap(QSize(48, 48)))
        ui.resultTitle.setText(self.tr("Nothing was imported"))
        ui.resultText.setText(
            self.tr(
                "The database is unchanged. Correct the roster and import it again; rows that "
                "were fine will be recognised and not doubled."
            )
        )
        self.show_page(RESULT)

    def import_valid(self) -> None:
        if self.running or self.report is None or self.report.valid == 0:
            return
        self._start(
            self.tr("Importing {count} rows…").format(count=f"{self.report.valid:,}"),
            dry_run=False,
            on_success=self._imported,
        )

    def _imported(self, report: object) -> None:
        self.running = False
        if not isinstance(report, ImportReport):
            return
        self.written = report
        ui = self.ui
        ui.resultIcon.setPixmap(icon("success", "#1E7B34", None).pixmap(QSize(48, 48)))
        ui.resultTitle.setText(self.tr("Roster imported"))
        text = self.tr("{new} new, {updated} updated, {unchanged} unchanged.").format(
            new=f"{report.imported:,}",
            updated=f"{report.updated:,}",
            unchanged=f"{report.unchanged:,}",
        )
        if report.invalid_rows:
            text += "\n" + self.tr(
                "{count} rows with problems were left out; correct them and import the file again."
            ).format(count=f"{report.invalid_rows:,}")
        if report.created_branches:
            text += "\n" + self.tr("New branches: {names}.").format(
                names="、".join(report.created_branches)
            )
        ui.resultText.setText(text)
        self.show_page(RESULT)

    # -- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self.running:
            return  # the import is one transaction; it finishes or rolls back by itself
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)
