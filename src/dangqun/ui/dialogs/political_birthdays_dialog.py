"""本月政治生日: members in the register whose 入党日期 falls in a month (DOMAIN.md §1, seed 004).

Centers send greetings and invite these members to the month's 主题党日. The list is read on
the thread pool (a month of a 100,000-member center is thousands of people); phones are
masked as the user's role requires.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from dangqun.core.clock import local_today
from dangqun.core.security import Actor
from dangqun.members.service import KINDS, PoliticalBirthday, political_birthdays
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_political_birthdays_dialog import Ui_PoliticalBirthdaysDialog
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service

_Index = QModelIndex | QPersistentModelIndex


def _load(
    database: Any, actor: Actor, month: int, year: int, _progress: Any = None
) -> tuple[int, list[PoliticalBirthday]]:
    return month, political_birthdays(database, actor, month, year)


class BirthdayTableModel(QAbstractTableModel):
    """The month's list: thousands of rows in a large center, so a model, not items."""

    DATE, NAME, YEARS, JOINED_ON, BRANCH, KIND, PHONE = range(7)
    SAMPLES = (
        "12月31日",
        "欧阳慕容思远",
        "100 年",
        "2000-12-31",
        "第一网格党支部",
        "流动党员流入",
        "138****5678",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.birthdays: list[PoliticalBirthday] = []

    def set_birthdays(self, birthdays: list[PoliticalBirthday]) -> None:
        self.beginResetModel()
        self.birthdays = list(birthdays)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.birthdays)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Date"),
            self.tr("Name"),
            self.tr("Years"),
            self.tr("Joined the party"),
            self.tr("Branch"),
            self.tr("Kind"),
            self.tr("Phone"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.birthdays):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.YEARS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        birthday = self.birthdays[index.row()]
        column = index.column()
        if column == self.DATE:
            return self.tr("{month}/{day}").format(
                month=birthday.anniversary.month, day=birthday.anniversary.day
            )
        if column == self.NAME:
            return birthday.name
        if column == self.YEARS:
            return self.tr("{years} years").format(years=birthday.years)
        if column == self.JOINED_ON:
            return f"{birthday.joined_on:%Y-%m-%d}"
        if column == self.BRANCH:
            return birthday.organization_name
        if column == self.KIND:
            return KINDS.label(birthday.kind)
        return birthday.phone


class PoliticalBirthdaysDialog(QDialog):
    def __init__(
        self, context: UiContext, parent: QWidget | None = None, month: int | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_PoliticalBirthdaysDialog()
        self.ui.setupUi(self)
        self.year = local_today().year
        self.birthdays: list[PoliticalBirthday] = []
        self.loading = False
        ui = self.ui
        for number in range(1, 13):
            ui.monthCombo.addItem(_month_name(number), number)
        ui.monthCombo.setCurrentIndex((month or local_today().month) - 1)
        ui.monthCombo.currentIndexChanged.connect(self.reload)
        self.model = BirthdayTableModel(self)
        ui.birthdaysView.setModel(self.model)
        ui.birthdaysView.verticalHeader().setVisible(False)
        vertical = ui.birthdaysView.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ui.birthdaysView.fontMetrics().height() + 14)
        header = ui.birthdaysView.horizontalHeader()
        metrics = ui.birthdaysView.fontMetrics()
        for column, sample in enumerate(BirthdayTableModel.SAMPLES):
            width = max(
                metrics.horizontalAdvance(sample),
                metrics.horizontalAdvance(
                    str(self.model.headerData(column, Qt.Orientation.Horizontal))
                ),
            )
            header.resizeSection(column, width + 32)
        header.setSectionResizeMode(BirthdayTableModel.BRANCH, QHeaderView.ResizeMode.Stretch)
        ui.closeButton.clicked.connect(self.accept)
        ui.printButton.setIcon(icon("print", selected_color=None))
        ui.printButton.clicked.connect(self.print_list)
        self.resize(860, 620)
        self.reload()

    def print_list(self) -> None:
        """The month's list as an A4 document in the print preview (masked per role)."""
        from dangqun.printing.service import record_pdf
        from dangqun.ui.print_preview import preview_pdf_job

        application = self.context.application
        month_code = f"{self.year}-{self.month():02d}"
        title = self.tr("Political birthdays {month}").format(month=month_code)
        job = partial(
            record_pdf,
            application.database,
            application.paths.keys,
            self.context.actor,
            "political_birthdays",
            month_code,
            title,
        )
        preview_pdf_job(self, self.context.ui_state, title, job, f"{title}.pdf")

    def is_ready(self) -> bool:
        return not self.loading

    def month(self) -> int:
        value = self.ui.monthCombo.currentData()
        return int(value) if value is not None else local_today().month

    def reload(self, _index: int = 0) -> None:
        self.loading = True
        self.ui.countLabel.setText(self.tr("Loading…"))
        call = run_service(
            self,
            self.context,
            partial(
                _load,
                self.context.application.database,
                self.context.actor,
                self.month(),
                self.year,
            ),
            on_success=self._loaded,
            failure_title=self.windowTitle(),
        )
        call.failed.connect(self._failed)

    def _loaded(self, result: object) -> None:
        if not isinstance(result, tuple):
            return
        month, birthdays = result
        if month != self.month():
            return  # the user chose another month meanwhile
        self.loading = False
        self.birthdays = birthdays
        self.model.set_birthdays(birthdays)
        self.ui.countLabel.setText(
            self.tr("{count} members celebrate their political birthday in {month}").format(
                count=f"{len(birthdays):,}", month=_month_name(month)
            )
        )

    def _failed(self, _error: object) -> None:
        """Shown by :func:`run_service` (or reported as a crash); the dialog stops waiting."""
        self.loading = False


def _month_name(number: int) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().standaloneMonthName(number)
