"""The story every spreadsheet import tells, told once: choose a file → check it (a dry run off the
GUI thread, with progress; the dialog cannot be closed meanwhile) → the report, Excel's row
numbers → import nothing, or the valid rows in one transaction → the result.

The roster import (:mod:`dangqun.ui.dialogs.import_dialog`) and the sign-in-sheet import
(:mod:`dangqun.ui.timebank.import_dialog`) had each written this flow out in full; a fix to one
(a run refused, the close button during a write) had to be made twice. :class:`ImportFlowDialog`
keeps the flow; each dialog keeps what is its own: its widgets (a Designer form, or built in
code), its service call, its report's figures and summary, its texts.

Why the texts come from the subclasses (:class:`FlowTexts`): ``self.tr`` strings belong to the
translation context of the class they are written in (``pyside6-lupdate`` reads the code). Left
in each dialog, the strings keep their contexts ``ImportDialog`` and ``ServiceImportDialog`` in
``dangqun_zh_CN.ts``, and the two dialogs stay free to word the same step differently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from dangqun.core.changes import NOTHING, Changes
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.models.import_report_model import COLUMN, REASON, ROW, VALUE, ImportReportModel
from dangqun.ui.operations import run_service
from dangqun.ui.widgets import file_dialogs
from dangqun.ui.widgets.field_errors import FieldErrors

CHOOSE, PROGRESS, REPORT, RESULT = range(4)
WRAPPED_ROWS_LIMIT = 1000


class FlowReport(Protocol):
    """What the flow reads of a dry run's report (the roster's, the sign-in sheet's)."""

    @property
    def valid(self) -> int: ...

    @property
    def all_valid(self) -> bool: ...

    @property
    def invalid(self) -> Sequence[Any]: ...

    @property
    def warnings(self) -> Sequence[Any]: ...

    @property
    def file_name(self) -> str: ...

    @property
    def sheet_name(self) -> str: ...

    @property
    def header_row(self) -> int: ...

    @property
    def ignored_columns(self) -> Sequence[str]: ...


Report = TypeVar("Report", bound=FlowReport)


@dataclass(frozen=True)
class FlowWidgets:
    """The widgets the flow drives, whichever way the dialog built them."""

    pages: QStackedWidget
    """CHOOSE, PROGRESS, REPORT, RESULT, in that order."""
    file_edit: QLineEdit
    choose_error: QLabel
    """Where a file that is no roster/sheet at all is explained (the field error of ``path``)."""
    choose_button: QAbstractButton
    option_check: QAbstractButton
    """The file's one choice, passed to the service: create branches, open accounts."""
    progress_label: QLabel
    progress_bar: QProgressBar
    summary: QLabel
    problems_title: QLabel
    problems_view: QTableView
    again_button: QPushButton
    nothing_button: QPushButton
    import_button: QPushButton
    check_button: QPushButton
    close_button: QPushButton
    result_icon: QLabel
    result_title: QLabel
    result_text: QLabel


@dataclass(frozen=True)
class FlowTexts:
    """The flow's words, translated by the dialog (see the module's note on contexts). Fields in
    braces: ``{file}`` the file's name, ``{count}`` the rows to import."""

    done: str
    cancel: str
    choose_title: str
    file_filter: str
    checking: str
    importing: str
    failure_title: str
    where: str
    columns_not_used: str
    rows_to_correct: str
    worth_a_look: str
    import_all: str
    import_valid_only: str
    nothing_title: str
    nothing_text: str
    imported_title: str


def setup_problems_view(
    view: QTableView, model: ImportReportModel, column_sample: str, rows: int
) -> None:
    """The report's table: columns wide enough for a row number, the file's longest column name
    (``column_sample``) and an ID number, the reason taking the rest; tall enough for ``rows``
    rows even when the dialog is squeezed at the largest font."""
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    header.resizeSection(ROW, metrics.horizontalAdvance("行号 0000") + 24)
    header.resizeSection(COLUMN, metrics.horizontalAdvance(column_sample) + 24)
    header.resizeSection(VALUE, metrics.horizontalAdvance("53010219850601123X") + 32)
    header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
    view.setMinimumHeight(rows * (metrics.height() + 14) + header.sizeHint().height())


class ImportFlowDialog(QDialog, Generic[Report]):
    """The flow; a subclass builds its widgets, then calls :meth:`start_flow`, and fills in the
    hooks below the line "what each dialog says"."""

    report_type: type
    """The service's report class: a run's result of another type (none) shows no report."""
    service: Callable[..., object]
    """``(database, actor, path, option, dry_run, progress)``: the dry run or the import; a
    file that is no roster/sheet at all raised as the ``path`` field's ValidationError."""
    changes_of: Callable[[object], Changes]
    """What an import announces it changed, so the pages showing it follow."""
    state_key: str
    """ui-state key of the folder the last file came from."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path: Path | None = None
        self.report: Report | None = None
        """The dry run: what importing the valid rows would do."""
        self.written: Report | None = None
        """What was written (None until the user chose; also None after "import nothing")."""
        self.running = False
        self.model = ImportReportModel(self)

    def start_flow(self, widgets: FlowWidgets) -> None:
        """Wire the shared buttons and show the first page, once the subclass built them."""
        self.widgets = widgets
        self.texts = self.flow_texts()
        widgets.choose_button.clicked.connect(self.choose_file)
        widgets.again_button.clicked.connect(self.choose_file)
        widgets.check_button.clicked.connect(self.check)
        widgets.nothing_button.clicked.connect(self.import_nothing)
        widgets.import_button.clicked.connect(self.import_valid)
        widgets.close_button.clicked.connect(self.reject)
        self.errors = FieldErrors({"path": widgets.choose_error}, widgets.choose_error)
        self.show_page(CHOOSE)

    # -- pages ------------------------------------------------------------------------------

    def show_page(self, page: int) -> None:
        """The page, and the buttons that belong to it (one default a page)."""
        widgets = self.widgets
        widgets.pages.setCurrentIndex(page)
        widgets.again_button.setVisible(page == REPORT)
        widgets.nothing_button.setVisible(page == REPORT)
        widgets.import_button.setVisible(page == REPORT)
        widgets.check_button.setVisible(page == CHOOSE)
        widgets.check_button.setEnabled(self.path is not None)
        widgets.close_button.setVisible(page in (CHOOSE, RESULT))
        widgets.close_button.setText(self.texts.done if page == RESULT else self.texts.cancel)
        if page == CHOOSE:
            widgets.check_button.setDefault(True)
        elif page == RESULT:
            widgets.close_button.setDefault(True)

    def choose_file(self) -> None:
        """The file chooser, then the check at once; cancelled, it goes back to the report
        when there is one."""
        if self.running:
            return
        ui_state = self.context.ui_state
        path = file_dialogs.open_file(
            self,
            self.texts.choose_title,
            file_dialogs.last_directory(ui_state, self.state_key),
            self.texts.file_filter,
        )
        if path is None:
            if self.report is not None:
                self.show_page(REPORT)
            return
        file_dialogs.remember_directory(ui_state, self.state_key, path)
        self.set_file(path)
        self.check()

    def set_file(self, path: Path) -> None:
        self.path = Path(path)
        self.report = None
        self.widgets.file_edit.setText(str(self.path))
        self.errors.clear()
        self.show_page(CHOOSE)

    # -- checking and importing -------------------------------------------------------------

    def check(self) -> None:
        if self.path is None or self.running:
            return
        self._start(
            self.texts.checking.format(file=self.path.name),
            dry_run=True,
            on_success=self._checked,
        )

    def import_valid(self) -> None:
        if self.running or self.report is None or self.report.valid == 0:
            return
        self._start(
            self.texts.importing.format(count=f"{self.import_count(self.report):,}"),
            dry_run=False,
            on_success=self._imported,
        )

    def _start(self, text: str, dry_run: bool, on_success: Callable[[object], None]) -> None:
        """One run, the dry one or the import, through :func:`run_service`: off the GUI thread,
        errors on the file shown beside it, the import's changes announced."""
        assert self.path is not None
        self.running = True
        widgets = self.widgets
        widgets.progress_label.setText(text)
        widgets.progress_bar.setRange(0, 0)
        self.show_page(PROGRESS)
        call = run_service(
            self,
            self.context,
            partial(
                self.service,
                self.context.application.database,
                self.context.actor,
                self.path,
                widgets.option_check.isChecked(),
                dry_run,
            ),
            changes=NOTHING if dry_run else self.changes_of,
            on_success=on_success,
            field_errors=self.errors,
            failure_title=self.texts.failure_title,
            on_progress=self._progress,
            with_progress=True,
        )
        call.finished.connect(self._stopped)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.widgets.progress_bar.setRange(0, total)
            self.widgets.progress_bar.setValue(done)

    def _stopped(self) -> None:
        """After the outcome: a run that ended without a report (refused, or a crash already
        reported) goes back to choosing the file."""
        self.running = False
        with_report = self.widgets.pages.currentIndex() != PROGRESS
        if not with_report:
            self.report = None
            self.show_page(CHOOSE)
        self.run_ended(with_report)

    def _own_report(self, result: object) -> Report | None:
        """A run's result as this dialog's report; None when the run returned none."""
        return cast(Report, result) if isinstance(result, self.report_type) else None

    def _checked(self, result: object) -> None:
        self.running = False
        report = self._own_report(result)
        if report is not None:
            self.show_report(report)

    def show_report(self, report: Report) -> None:
        """The dry run's findings; the user chooses what to write."""
        self.report = report
        widgets, texts = self.widgets, self.texts
        self.model.set_report(report)
        # Reasons wrap onto a second line when the report is short enough to measure every
        # row; a 10,000-row file full of problems keeps one line per row (tooltips).
        wrap = self.model.rowCount() <= WRAPPED_ROWS_LIMIT
        widgets.problems_view.setWordWrap(wrap)
        widgets.problems_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Fixed
        )
        self.show_details(report)
        widgets.summary.setText(self.summary(report))
        has_lines = bool(report.invalid or report.warnings)
        widgets.problems_title.setVisible(has_lines)
        widgets.problems_view.setVisible(has_lines)
        widgets.problems_title.setText(
            texts.rows_to_correct if report.invalid else texts.worth_a_look
        )
        count = self.import_count(report)
        widgets.import_button.setEnabled(count > 0)
        template = texts.import_all if report.all_valid else texts.import_valid_only
        widgets.import_button.setText(template.format(count=f"{count:,}"))
        self.show_page(REPORT)
        self.choose_default(report)

    # -- deciding ---------------------------------------------------------------------------

    def import_nothing(self) -> None:
        if self.running:
            return
        self.written = None
        widgets = self.widgets
        widgets.result_icon.setPixmap(icon("info", "#2E4A6B", None).pixmap(QSize(48, 48)))
        widgets.result_title.setText(self.texts.nothing_title)
        widgets.result_text.setText(self.texts.nothing_text)
        self.show_page(RESULT)

    def _imported(self, result: object) -> None:
        self.running = False
        report = self._own_report(result)
        if report is None:
            return
        self.written = report
        widgets = self.widgets
        widgets.result_icon.setPixmap(icon("success", "#1E7B34", None).pixmap(QSize(48, 48)))
        widgets.result_title.setText(self.texts.imported_title)
        widgets.result_text.setText(self.result_summary(report))
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

    # -- what each dialog says --------------------------------------------------------------

    def flow_texts(self) -> FlowTexts:
        """Read once, by :meth:`start_flow` (the dialog is modal: the language cannot change
        while it is open)."""
        raise NotImplementedError

    def import_count(self, report: Report) -> int:
        """How many rows the import would write (the button's and the progress's count)."""
        raise NotImplementedError

    def show_details(self, report: Report) -> None:
        """The report's figures, and whatever else only this dialog's report shows."""
        raise NotImplementedError

    def summary(self, report: Report) -> str:
        """The report's words above its figures; :meth:`where_line` is its first line."""
        raise NotImplementedError

    def where_line(self, report: Report) -> str:
        """Which sheet was read and where its header was found, so a wrong sheet or header
        row is seen at once; and the columns left unread."""
        line = self.texts.where.format(
            file=report.file_name, sheet=report.sheet_name, row=report.header_row
        )
        if report.ignored_columns:
            line += " " + self.texts.columns_not_used.format(
                columns="、".join(report.ignored_columns)
            )
        return line

    def choose_default(self, report: Report) -> None:
        """The report page's default button: the way the report points to."""
        raise NotImplementedError

    def result_summary(self, report: Report) -> str:
        """The result page's words on what the import wrote."""
        raise NotImplementedError

    def run_ended(self, with_report: bool) -> None:
        """After every run, once the dialog is usable again; nothing to do by default."""
