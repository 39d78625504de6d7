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
members (and the branches it created) it changed, so the list and the home page follow. The
flow itself (pages, runs, closing) is :class:`~dangqun.ui.dialogs.import_flow.ImportFlowDialog`,
shared with the sign-in-sheet import; this module keeps the roster's own parts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QSizePolicy, QWidget

from dangqun.core.changes import NOTHING, Changes
from dangqun.core.errors import ValidationError
from dangqun.core.security import Actor
from dangqun.members.changes import MEMBER, ORGANIZATION
from dangqun.members.service import ImportMode, ImportReport, RosterError, import_roster
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.import_flow import (
    CHOOSE,
    PROGRESS,
    REPORT,
    RESULT,
    FlowTexts,
    FlowWidgets,
    ImportFlowDialog,
    setup_problems_view,
)
from dangqun.ui.forms.ui_import_dialog import Ui_ImportDialog
from dangqun.ui.icons import icon

__all__ = [
    "CHOOSE",
    "PROGRESS",
    "REPORT",
    "RESULT",
    "ImportDialog",
    "imported_changes",
    "run_import",
]
"""The pages are the flow's; tests and callers name them by this module."""


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


class ImportDialog(ImportFlowDialog[ImportReport]):
    """导入花名册: the shared import flow on a Designer form, with the roster's own offer to
    create the branches a first roster names (issue 11)."""

    report_type = ImportReport
    service = staticmethod(run_import)
    changes_of = staticmethod(imported_changes)
    state_key = "import"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.import_when_checked = False
        """Set by "create the branches and import": import as soon as the re-check is clean."""
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.problemsView.verticalHeader().setDefaultSectionSize(
            ui.problemsView.fontMetrics().height() + 14
        )
        # At the largest font the pages scroll (pagesScroll) rather than squeeze the table to
        # its header: it keeps room for a few rows.
        setup_problems_view(ui.problemsView, self.model, "转为正式党员日期", rows=4)
        ui.pagesScroll.viewport().setAutoFillBackground(False)  # the dialog's own surface
        ui.pagesContent.setAutoFillBackground(False)
        ui.chooseFileButton.setIcon(icon("folder"))
        ui.createBranchesButton.clicked.connect(self.create_branches_and_import)
        self.start_flow(
            FlowWidgets(
                pages=ui.pages,
                file_edit=ui.fileEdit,
                choose_error=ui.chooseError,
                choose_button=ui.chooseFileButton,
                option_check=ui.createBranchesCheck,
                progress_label=ui.progressLabel,
                progress_bar=ui.progressBar,
                summary=ui.reportSummary,
                problems_title=ui.problemsTitle,
                problems_view=ui.problemsView,
                again_button=ui.againButton,
                nothing_button=ui.importNothingButton,
                import_button=ui.importValidButton,
                check_button=ui.checkButton,
                close_button=ui.closeButton,
                result_icon=ui.resultIcon,
                result_title=ui.resultTitle,
                result_text=ui.resultText,
            )
        )
        self.resize(980, 680)

    def flow_texts(self) -> FlowTexts:
        return FlowTexts(
            done=self.tr("Done"),
            cancel=self.tr("Cancel"),
            choose_title=self.tr("Choose a roster"),
            file_filter=self.tr("Excel workbooks (*.xlsx);;All files (*)"),
            checking=self.tr("Checking every row of “{file}”… Nothing is written yet."),
            importing=self.tr("Importing {count} rows…"),
            failure_title=self.tr("Import roster"),
            where=self.tr("“{file}”, sheet “{sheet}”, header in row {row}."),
            columns_not_used=self.tr("Columns not used: {columns}."),
            rows_to_correct=self.tr("Rows to correct"),
            worth_a_look=self.tr("Worth a look (these rows are imported)"),
            import_all=self.tr("Import all {count} rows"),
            import_valid_only=self.tr("Import the {count} valid rows only"),
            nothing_title=self.tr("Nothing was imported"),
            nothing_text=self.tr(
                "The database is unchanged. Correct the roster and import it again; rows that "
                "were fine will be recognised and not doubled."
            ),
            imported_title=self.tr("Roster imported"),
        )

    # -- pages ------------------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        """The flow's page, sized alone: this form's pages sit in a scroll area."""
        super().show_page(page)
        ui = self.ui
        # The stack asks for the room of the current page only, so a short page does not
        # scroll (pagesScroll) for the height of the report.
        for index in range(ui.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == page else QSizePolicy.Policy.Ignored
            widget = ui.pages.widget(index)
            if widget is not None:
                widget.setSizePolicy(policy, policy)
        ui.pages.updateGeometry()

    # -- after a run -------------------------------------------------------------------------

    def run_ended(self, with_report: bool) -> None:
        """A clean re-check asked for by "create the branches and import" goes on to the
        import; a run that ended without a report drops that wish."""
        import_now = with_report and self.import_when_checked
        self.import_when_checked = False
        if import_now and self.report is not None and self.report.all_valid:
            self.import_valid()

    # -- the report -------------------------------------------------------------------------

    def import_count(self, report: ImportReport) -> int:
        return report.valid

    def show_details(self, report: ImportReport) -> None:
        ui = self.ui
        ui.totalValue.setText(f"{report.total:,}")
        ui.validValue.setText(f"{report.valid:,}")
        ui.invalidValue.setText(f"{report.invalid_rows:,}")
        ui.newValue.setText(f"{report.imported:,}")
        ui.updatedValue.setText(f"{report.updated:,}")
        ui.unchangedValue.setText(f"{report.unchanged:,}")
        ui.invalidValue.setStyleSheet("color: #C8161D;" if report.invalid_rows else "")
        ui.reportHint.setVisible(bool(report.invalid))
        self._offer_branches(report)
        ui.importNothingButton.setText(self.tr("Import nothing"))

    def choose_default(self, report: ImportReport) -> None:
        ui = self.ui
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

    def summary(self, report: ImportReport) -> str:
        lines = [self.where_line(report)]
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

    # -- the result -------------------------------------------------------------------------

    def result_summary(self, report: ImportReport) -> str:
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
        return text
