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
The flow (pages, runs, closing) is :class:`~dangqun.ui.dialogs.import_flow.ImportFlowDialog`,
shared with the roster import; this module keeps the sign-in sheet's own parts.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
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
from dangqun.ui.icons import icon
from dangqun.ui.widgets.window_fit import fit_to_layout

__all__ = [
    "CHOOSE",
    "PROGRESS",
    "REPORT",
    "RESULT",
    "ServiceImportDialog",
    "imported_changes",
    "open_dialog",
    "open_service_import",
    "run_import",
    "write_sign_in_sheet",
]
"""The pages are the flow's; tests and callers name them by this module."""
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


class ServiceImportDialog(ImportFlowDialog[ServiceImportReport]):
    """导入签到表: the shared import flow, with widgets built in code (no Designer form) and the
    choice to open accounts for people who have none."""

    report_type = ServiceImportReport
    service = staticmethod(run_import)
    changes_of = staticmethod(imported_changes)
    state_key = STATE_KEY

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
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
        self.start_flow(
            FlowWidgets(
                pages=self.pages,
                file_edit=self.file_edit,
                choose_error=self.choose_error,
                choose_button=self.choose_button,
                option_check=self.open_accounts_check,
                progress_label=self.progress_label,
                progress_bar=self.progress_bar,
                summary=self.summary_label,
                problems_title=self.problems_title,
                problems_view=self.problems_view,
                again_button=self.again_button,
                nothing_button=self.nothing_button,
                import_button=self.import_button,
                check_button=self.check_button,
                close_button=self.close_button,
                result_icon=self.result_icon,
                result_title=self.result_title,
                result_text=self.result_text,
            )
        )
        self.resize(940, 640)

    def flow_texts(self) -> FlowTexts:
        return FlowTexts(
            done=self.tr("Done"),
            cancel=self.tr("Cancel"),
            choose_title=self.tr("Choose a sign-in sheet"),
            file_filter=self.tr("Excel workbooks (*.xlsx);;All files (*)"),
            checking=self.tr("Checking every row of “{file}”… Nothing is written yet."),
            importing=self.tr("Importing {count} rows…"),
            failure_title=self.tr("Import a sign-in sheet"),
            where=self.tr("“{file}”, sheet “{sheet}”, header in row {row}."),
            columns_not_used=self.tr("Columns not used: {columns}."),
            rows_to_correct=self.tr("Rows to correct"),
            worth_a_look=self.tr("Worth a look (these rows are not imported again)"),
            import_all=self.tr("Import {count} records"),
            import_valid_only=self.tr("Import the {count} valid rows only"),
            nothing_title=self.tr("Nothing was imported"),
            nothing_text=self.tr(
                "The database is unchanged. Correct the sheet and import it again; rows already "
                "imported are recognised and not doubled."
            ),
            imported_title=self.tr("Sign-in sheet imported"),
        )

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
        self.problems_view = QTableView()
        self.problems_view.setAlternatingRowColors(True)
        # Three rows at least: at the largest font on 1024×768 a fourth pushed the buttons off.
        setup_problems_view(self.problems_view, self.model, "公民身份号码", rows=3)
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

    # -- the report -------------------------------------------------------------------------

    def import_count(self, report: ServiceImportReport) -> int:
        """Rows imported before are valid but not written again."""
        return report.imported

    def show_details(self, report: ServiceImportReport) -> None:
        self.problems_view.setCurrentIndex(QModelIndex())  # no focus frame on the first cell
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

    def choose_default(self, report: ServiceImportReport) -> None:
        self.nothing_button.setDefault(not report.all_valid or report.imported == 0)
        self.import_button.setDefault(report.all_valid and report.imported > 0)

    def summary(self, report: ServiceImportReport) -> str:
        lines = [self.where_line(report)]
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

    # -- the result -------------------------------------------------------------------------

    def result_summary(self, report: ServiceImportReport) -> str:
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
        return text


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
