"""导入签到表: a sign-in sheet checked row by row, the report as Excel numbers it, then a choice.

The roster import's story (:mod:`dangqun.ui.dialogs.import_dialog`) for the time bank (issue 13):

1. The user chooses an .xlsx and whether people without an account get one (为未开户的人开户).
2. The sheet is checked off the GUI thread: ``import_services(dry_run=True)`` runs the whole
   import — the core's rules for every row, accounts opened — and rolls it back, so the report
   counts exactly what would be written.
3. The report: totals and a table (Excel row, column as the file names it, the cell, the reason
   in Chinese), rows already imported listed as notes (已导入过).
4. 全部不导入 writes nothing; 导入有效的 N 行 imports them in one transaction as 待核实 records,
   and announces the records (and accounts) it added. Importing the same sheet again adds
   nothing.

The dialog opens no session: both runs go through :func:`~dangqun.ui.operations.run_service`.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QSize
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import NOTHING, Changes
from dangqun.core.clock import local_today
from dangqun.core.errors import ValidationError
from dangqun.core.parsing import id_number_for
from dangqun.core.security import Actor
from dangqun.timebank.changes import SERVICE_RECORD, VOLUNTEER
from dangqun.timebank.service import (
    ImportMode,
    ServiceImportReport,
    SheetError,
    VolunteerStatus,
    hours_in_words,
    import_services,
    list_volunteers,
)
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.models.import_report_model import COLUMN, REASON, ROW, VALUE, ImportReportModel
from dangqun.ui.operations import run_service
from dangqun.ui.widgets import file_dialogs
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.window_fit import fit_to_layout

CHOOSE, PROGRESS, REPORT, RESULT = range(4)
WRAPPED_ROWS_LIMIT = 1000
STATE_KEY = "timebank_import"
"""ui-state key of the folder the last sheet came from."""


class HasContext(Protocol):
    context: UiContext


def run_import(
    database: Any,
    actor: Actor,
    path: Path,
    open_accounts: bool,
    dry_run: bool,
    progress: Any = None,
) -> ServiceImportReport:
    """The dry run or the import of the valid rows. A file that is no sign-in sheet is a finding
    about the dialog's one field, the file, shown beside it."""
    try:
        return import_services(
            database,
            actor,
            path,
            ImportMode.VALID_ROWS,
            open_accounts=open_accounts,
            dry_run=dry_run,
            progress=progress,
        )
    except SheetError as error:
        raise ValidationError.single("path", error.message) from error


def imported_changes(report: object) -> Changes:
    """Records, and accounts when the import opened some."""
    if not isinstance(report, ServiceImportReport) or not report.written:
        return NOTHING
    if report.opened_accounts:
        return Changes.of(SERVICE_RECORD, VOLUNTEER)
    return Changes.of(SERVICE_RECORD)


class ServiceImportDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path: Path | None = None
        self.report: ServiceImportReport | None = None
        """The dry run: what importing the valid rows would do."""
        self.written: ServiceImportReport | None = None
        self.running = False
        self.setWindowTitle(self.tr("Import a sign-in sheet"))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._report_page())
        self.pages.addWidget(self._result_page())
        self.again_button = QPushButton(self.tr("Choose another file…"))
        self.nothing_button = QPushButton(self.tr("Import nothing"))
        self.import_button = QPushButton()
        self.import_button.setProperty("role", "primary")
        self.check_button = QPushButton(self.tr("Check the sheet"))
        self.check_button.setProperty("role", "primary")
        self.close_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        for button in (self.nothing_button, self.import_button, self.check_button):
            buttons.addWidget(button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose_file)
        self.again_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check)
        self.nothing_button.clicked.connect(self.import_nothing)
        self.import_button.clicked.connect(self.import_valid)
        self.close_button.clicked.connect(self.reject)
        self.errors = FieldErrors({"path": self.choose_error}, self.choose_error)
        self.show_page(CHOOSE)
        self.resize(940, 640)

    def showEvent(self, event: QShowEvent) -> None:
        """As large as its text needs at the user's font size, within the window (issue 11)."""
        super().showEvent(event)
        fit_to_layout(self)

    # -- pages ------------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "One line per volunteer and service. Columns, in any order: name, ID number or "
                "volunteer number, date, start time, end time, category, beneficiary, content, "
                "and the slip number if the paper has one. Other columns are ignored. Every "
                "row is checked before anything is written; imported records wait for "
                "verification like records entered by hand."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(icon("folder"), self.tr("Choose file…"))
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.choose_error = QLabel()
        layout.addWidget(self.choose_error)
        self.open_accounts_check = QCheckBox(self.tr("Open accounts for people who have none"))
        self.open_accounts_check.setToolTip(
            self.tr(
                "A member gets an account linked to the member record; anyone else is opened "
                "as a resident with the name and ID number on the sheet."
            )
        )
        layout.addWidget(self.open_accounts_check)
        layout.addStretch(1)
        return page

    def _progress_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addStretch(1)
        return page

    def _report_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        counts = QGridLayout()
        self.count_values: dict[str, QLabel] = {}
        titles = (
            ("total", self.tr("Rows")),
            ("valid", self.tr("Valid")),
            ("invalid", self.tr("With problems")),
            ("imported", self.tr("New records")),
            ("already", self.tr("Imported before")),
        )
        for column, (key, title) in enumerate(titles):
            caption = QLabel(title)
            caption.setProperty("role", "hint")
            value = QLabel()
            value.setProperty("role", "figure")
            counts.addWidget(caption, 0, column)
            counts.addWidget(value, 1, column)
            self.count_values[key] = value
        layout.addLayout(counts)
        self.problems_title = QLabel()
        self.problems_title.setProperty("role", "section")
        layout.addWidget(self.problems_title)
        self.model = ImportReportModel(self)
        self.problems_view = QTableView()
        self.problems_view.setModel(self.model)
        self.problems_view.verticalHeader().setVisible(False)
        self.problems_view.setAlternatingRowColors(True)
        metrics = self.problems_view.fontMetrics()
        header = self.problems_view.horizontalHeader()
        header.resizeSection(ROW, metrics.horizontalAdvance("行号 0000") + 24)
        header.resizeSection(COLUMN, metrics.horizontalAdvance("公民身份号码") + 24)
        header.resizeSection(VALUE, metrics.horizontalAdvance("53010219850601123X") + 32)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        # Three rows at least: at the largest font on 1024×768 a fourth pushed the buttons off.
        self.problems_view.setMinimumHeight(
            3 * (metrics.height() + 14) + header.sizeHint().height()
        )
        layout.addWidget(self.problems_view, 1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        self.result_icon = QLabel()
        layout.addWidget(self.result_icon)
        text = QVBoxLayout()
        self.result_title = QLabel()
        self.result_title.setProperty("role", "section")
        self.result_text = QLabel()
        self.result_text.setWordWrap(True)
        text.addWidget(self.result_title)
        text.addWidget(self.result_text)
        text.addStretch(1)
        layout.addLayout(text, 1)
        return page

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.again_button.setVisible(page == REPORT)
        self.nothing_button.setVisible(page == REPORT)
        self.import_button.setVisible(page == REPORT)
        self.check_button.setVisible(page == CHOOSE)
        self.check_button.setEnabled(self.path is not None)
        self.close_button.setVisible(page in (CHOOSE, RESULT))
        self.close_button.setText(self.tr("Done") if page == RESULT else self.tr("Cancel"))
        if page == CHOOSE:
            self.check_button.setDefault(True)
        elif page == RESULT:
            self.close_button.setDefault(True)

    def choose_file(self) -> None:
        if self.running:
            return
        ui_state = self.context.ui_state
        path = file_dialogs.open_file(
            self,
            self.tr("Choose a sign-in sheet"),
            file_dialogs.last_directory(ui_state, STATE_KEY),
            self.tr("Excel workbooks (*.xlsx);;All files (*)"),
        )
        if path is None:
            if self.report is not None:
                self.show_page(REPORT)
            return
        file_dialogs.remember_directory(ui_state, STATE_KEY, path)
        self.set_file(path)
        self.check()

    def set_file(self, path: Path) -> None:
        self.path = Path(path)
        self.report = None
        self.file_edit.setText(str(self.path))
        self.errors.clear()
        self.show_page(CHOOSE)

    # -- checking and importing -------------------------------------------------------------

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

    def import_valid(self) -> None:
        if self.running or self.report is None or self.report.valid == 0:
            return
        self._start(
            self.tr("Importing {count} rows…").format(count=f"{self.report.imported:,}"),
            dry_run=False,
            on_success=self._imported,
        )

    def _start(self, text: str, dry_run: bool, on_success: Any) -> None:
        assert self.path is not None
        self.running = True
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, 0)
        self.show_page(PROGRESS)
        call = run_service(
            self,
            self.context,
            partial(
                run_import,
                self.context.application.database,
                self.context.actor,
                self.path,
                self.open_accounts_check.isChecked(),
                dry_run,
            ),
            changes=NOTHING if dry_run else imported_changes,
            on_success=on_success,
            field_errors=self.errors,
            failure_title=self.tr("Import a sign-in sheet"),
            on_progress=self._progress,
            with_progress=True,
        )
        call.finished.connect(self._stopped)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _stopped(self) -> None:
        """A run that ended without a report (refused, or a crash already reported) goes back
        to choosing the file."""
        self.running = False
        if self.pages.currentIndex() == PROGRESS:
            self.report = None
            self.show_page(CHOOSE)

    def _checked(self, report: object) -> None:
        self.running = False
        if isinstance(report, ServiceImportReport):
            self.show_report(report)

    def show_report(self, report: ServiceImportReport) -> None:
        """The dry run's findings; the user chooses what to write."""
        self.report = report
        self.model.set_report(report)
        self.problems_view.setCurrentIndex(QModelIndex())  # no focus frame on the first cell
        wrap = self.model.rowCount() <= WRAPPED_ROWS_LIMIT
        self.problems_view.setWordWrap(wrap)
        self.problems_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Fixed
        )
        figures = {
            "total": report.total,
            "valid": report.valid,
            "invalid": report.invalid_rows,
            "imported": report.imported,
            "already": report.already_imported,
        }
        for key, value in figures.items():
            self.count_values[key].setText(f"{value:,}")
        self.count_values["invalid"].setStyleSheet("color: #C8161D;" if report.invalid_rows else "")
        self.summary_label.setText(self._summary(report))
        has_lines = bool(report.invalid or report.warnings)
        self.problems_title.setVisible(has_lines)
        self.problems_view.setVisible(has_lines)
        self.problems_title.setText(
            self.tr("Rows to correct")
            if report.invalid
            else self.tr("Worth a look (these rows are not imported again)")
        )
        self.import_button.setEnabled(report.imported > 0)
        if report.all_valid:
            self.import_button.setText(
                self.tr("Import {count} records").format(count=f"{report.imported:,}")
            )
        else:
            self.import_button.setText(
                self.tr("Import the {count} valid rows only").format(count=f"{report.imported:,}")
            )
        self.show_page(REPORT)
        self.nothing_button.setDefault(not report.all_valid or report.imported == 0)
        self.import_button.setDefault(report.all_valid and report.imported > 0)

    def _summary(self, report: ServiceImportReport) -> str:
        lines = [
            self.tr("“{file}”, sheet “{sheet}”, header in row {row}.").format(
                file=report.file_name, sheet=report.sheet_name, row=report.header_row
            )
        ]
        if report.ignored_columns:
            lines[0] += " " + self.tr("Columns not used: {columns}.").format(
                columns="、".join(report.ignored_columns)
            )
        time = hours_in_words(report.minutes)
        if report.total == 0:
            lines.append(self.tr("The sheet has no service rows under its header."))
        elif report.valid == 0:
            lines.append(
                self.tr(
                    "None of the {total} rows can be imported. Correct the sheet (the row numbers "
                    "below are those Excel shows) and import it again."
                ).format(total=f"{report.total:,}")
            )
        elif report.imported == 0:
            lines.append(self.tr("Every valid row was imported before: nothing new to import."))
        elif report.all_valid:
            lines.append(
                self.tr(
                    "All {total} rows are valid: {count} new records ({time}), waiting for "
                    "verification."
                ).format(total=f"{report.total:,}", count=f"{report.imported:,}", time=time)
            )
        else:
            lines.append(
                self.tr(
                    "{invalid} of {total} rows have problems (listed below with the row numbers "
                    "Excel shows). Import nothing and correct the sheet, or import the {count} "
                    "valid rows now ({time})."
                ).format(
                    invalid=f"{report.invalid_rows:,}",
                    total=f"{report.total:,}",
                    count=f"{report.imported:,}",
                    time=time,
                )
            )
        if report.opened_accounts:
            lines.append(
                self.tr("Accounts that will be opened: {names}.").format(
                    names="、".join(report.opened_accounts)
                )
            )
        return "\n".join(lines)

    def import_nothing(self) -> None:
        if self.running:
            return
        self.written = None
        self.result_icon.setPixmap(icon("info", "#2E4A6B", None).pixmap(QSize(48, 48)))
        self.result_title.setText(self.tr("Nothing was imported"))
        self.result_text.setText(
            self.tr(
                "The database is unchanged. Correct the sheet and import it again; rows already "
                "imported are recognised and not doubled."
            )
        )
        self.show_page(RESULT)

    def _imported(self, report: object) -> None:
        self.running = False
        if not isinstance(report, ServiceImportReport):
            return
        self.written = report
        self.result_icon.setPixmap(icon("success", "#1E7B34", None).pixmap(QSize(48, 48)))
        self.result_title.setText(self.tr("Sign-in sheet imported"))
        text = self.tr(
            "{count} service records ({time}) were entered and wait for verification."
        ).format(count=f"{report.imported:,}", time=hours_in_words(report.minutes))
        if report.opened_accounts:
            text += "\n" + self.tr("Accounts opened: {names}.").format(
                names="、".join(report.opened_accounts)
            )
        if report.invalid_rows:
            text += "\n" + self.tr(
                "{count} rows with problems were left out; correct them and import the sheet again."
            ).format(count=f"{report.invalid_rows:,}")
        self.result_text.setText(text)
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


def open_service_import(page: HasContext) -> ServiceImportDialog:
    """导入签到表 over the time bank page, window-modal (through the page's ``open_dialog`` when
    it keeps track of its dialogs); the file chooser opens at once, the dialog's first question."""
    parent = page if isinstance(page, QWidget) else None
    dialog = ServiceImportDialog(page.context, parent)
    dialog.finished.connect(dialog.deleteLater)
    opener = getattr(page, "open_dialog", None)
    if callable(opener):
        opener(dialog)
    else:
        dialog.open()
    dialog.choose_file()
    return dialog


SCREENSHOT_DIALOGS = ("timebank_import_report",)


def write_sign_in_sheet(
    path: Path, people: list[tuple[str | None, str, str | None]], served_on: date
) -> Path:
    """A sign-in sheet as a front desk types it up: a title row, varying headers, extra columns,
    times written every way — and the mistakes paper brings: an unknown number, an end before
    the start, a category not in the list, a date in the future. ``people``: three (volunteer
    number, name, ID number) — a number for an account holder, an ID number for anyone."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "签到表"
    sheet.append(["翠湖社区“邻里守望”志愿服务签到表"])
    sheet.append(["序号", "志愿者编号", "姓名", "身份证号", "服务日期", "签到时间", "签退时间",
                  "服务类别", "服务对象", "服务内容", "登记单号", "签名"])  # fmt: skip
    day = served_on
    future = served_on + timedelta(days=30)
    one, two, three = ([*person] for person in people[:3])
    rows = [
        [*one, day, "19:00", "20:30", "养老助老", "独居老人张奶奶", "陪聊、读报", "QD-2601"],
        [*two, day, "19:00", "21:00", "环境整治", "翠湖小区3栋", "清理楼道杂物", "QD-2602"],
        [*three, day, "21:00", "19:30", "文体", "社区老年合唱团", "组织排练", "QD-2603"],
        ["ZY209900001", "王建华", None, day, "19:00", "20:00", "助学", "四年级学生",
         "作业辅导", "QD-2604"],
        [*one, day, "21:00", "21:30", "跳广场舞", "社区居民", "带领健身操", "QD-2605"],
        [*two, future, "19:00", "20:00", "养老助老", "李大爷", "代购药品", "QD-2606"],
        [*three, day, "8:30", "10点", "便民服务", "翠湖小区居民", "义务理发", "QD-2607"],
    ]  # fmt: skip
    for number, row in enumerate(rows, 1):
        sheet.append([number, *row, "（手写签名）"])
    sheet.append([])
    sheet.append(["填表人：王芳", None, None, "审核人：李华"])
    workbook.save(path)
    return path


def _screenshot_people(context: UiContext) -> list[tuple[str | None, str, str | None]]:
    """Three account holders of the data by number; made-up residents by ID number (opened by
    the import) where the data has fewer."""
    database, actor = context.application.database, context.actor
    page = list_volunteers(database, actor, "", VolunteerStatus.ACTIVE, 0, 3)
    people: list[tuple[str | None, str, str | None]] = [
        (row.number, row.name, None) for row in page.rows
    ]
    residents = (
        ("刘桂兰", date(1952, 4, 9)),
        ("陈淑珍", date(1958, 10, 2)),
        ("周丽华", date(1961, 3, 8)),
    )
    for name, birth in residents[len(people) :]:
        people.append((None, name, id_number_for("530102", birth, 246)))
    return people


def open_dialog(name: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    """``dangqun screenshot``: the report of a messy sign-in sheet of accounts in the data
    (checked with a dry run: nothing is written)."""
    if name != "timebank_import_report":
        raise ValueError(f"not a time bank import dialog: {name!r}")
    database, actor = context.application.database, context.actor
    sheet = write_sign_in_sheet(
        scratch / "邻里守望签到表.xlsx",
        _screenshot_people(context),
        local_today() - timedelta(days=2),
    )
    dialog = ServiceImportDialog(context, parent)
    dialog.set_file(sheet)
    dialog.open_accounts_check.setChecked(True)
    report = import_services(
        database, actor, sheet, ImportMode.VALID_ROWS, open_accounts=True, dry_run=True
    )
    dialog.show_report(report)
    return dialog
