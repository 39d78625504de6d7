"""本月政治生日: members in the register whose 入党日期 falls in a month (DOMAIN.md §1, seed 004).

Centers send greetings and invite these members to the month's 主题党日. The list is read on
the thread pool (a month of a 100,000-member center is thousands of people); phones are
masked as the user's role requires. The organization picker limits the list and its printout
to one party organization and everything below it (issue 11: a branch prints its own list);
it starts on the members page's organization filter.

Issue 12: the count says how many pages the printout will take (an estimate from the row
count and the rows a page holds, made on the worker with the list), so a clerk of a
7,900-name month chooses a branch before sending two hundred pages to the printer.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QDialog, QHeaderView, QSizePolicy, QWidget

from dangqun.core.clock import local_today
from dangqun.core.security import Actor
from dangqun.members.service import (
    KINDS,
    OrganizationNode,
    PoliticalBirthday,
    organization_tree,
    political_birthdays,
)
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_political_birthdays_dialog import Ui_PoliticalBirthdaysDialog
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service

_Index = QModelIndex | QPersistentModelIndex


def _load(
    database: Any,
    keys_directory: Any,
    actor: Actor,
    month: int,
    year: int,
    organization_id: int | None,
    organization_name: str,
    _progress: Any = None,
) -> tuple[tuple[int, int | None], list[PoliticalBirthday], int]:
    """The month's list and the pages it prints on (estimated, no layout)."""
    from dangqun.members.documents.political_birthdays import (
        PoliticalBirthdaysData,
        estimate_birthday_pages,
    )
    from dangqun.printing.service import print_context_for

    birthdays = political_birthdays(database, actor, month, year, organization_id)
    context = print_context_for(database, keys_directory, actor)
    shape = PoliticalBirthdaysData(year, month, [], organization_name)
    pages = estimate_birthday_pages(shape, len(birthdays), context)
    return (month, organization_id), birthdays, pages


class BirthdayTableModel(QAbstractTableModel):
    """The month's list: thousands of rows in a large center, so a model, not items."""

    DATE, NAME, YEARS, JOINED_ON, BRANCH, KIND, PHONE = range(7)
    SAMPLES = (
        "12月31日",
        "欧阳思远",
        "100 年",
        "2000-12-31",
        "翠湖社区第一网格党支部",
        "",  # the widest kind label, see sample_texts()
        "13812345678",
    )
    """Typical widest values: the branch column gets what the others leave."""

    def sample_texts(self) -> list[str]:
        widest_kind = max((item.label for item in KINDS.items), key=len)
        return [
            widest_kind if column == self.KIND else text for column, text in enumerate(self.SAMPLES)
        ]

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
        self,
        context: UiContext,
        parent: QWidget | None = None,
        month: int | None = None,
        organizations: list[OrganizationNode] | None = None,
        organization_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_PoliticalBirthdaysDialog()
        self.ui.setupUi(self)
        self.year = local_today().year
        self.birthdays: list[PoliticalBirthday] = []
        self.pages = 0
        self.loading = False
        self._natural_widths: list[int] = []
        ui = self.ui
        for number in range(1, 13):
            ui.monthCombo.addItem(_month_name(number), number)
        ui.monthCombo.setCurrentIndex((month or local_today().month) - 1)
        ui.monthCombo.currentIndexChanged.connect(self.reload)
        ui.branchPicker.set_nodes(organizations or [], any_label=self.tr("All organizations"))
        ui.branchPicker.set_organization_id(organization_id)
        ui.branchPicker.organization_changed.connect(self.reload)
        self.model = BirthdayTableModel(self)
        ui.birthdaysView.setModel(self.model)
        ui.birthdaysView.verticalHeader().setVisible(False)
        ui.birthdaysView.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._size_columns()
        ui.closeButton.clicked.connect(self.accept)
        ui.printButton.setIcon(icon("print", selected_color=None))
        ui.printButton.clicked.connect(self.print_list)
        ui.monthCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        ui.monthCombo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        ui.birthdaysView.viewport().installEventFilter(self)
        self.resize(self._natural_width(), 620)
        if organizations is None:
            self._load_organizations()
        self.reload()

    def _load_organizations(self) -> None:
        run_service(
            self,
            self.context,
            partial(organization_tree, self.context.application.database),
            on_success=self._organizations_loaded,
            failure_title=self.windowTitle(),
        )

    def _organizations_loaded(self, nodes: object) -> None:
        if isinstance(nodes, list):
            self.ui.branchPicker.set_nodes(nodes, any_label=self.tr("All organizations"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._size_columns()  # the style sheet's font arrives when the dialog is shown

    def _natural_width(self) -> int:
        """Wide enough for every column at the present font, within the window behind."""
        margins = self.ui.dialogLayout.contentsMargins()
        # Plus the view's frame and scroll bar.
        wanted = sum(self._natural_widths) + margins.left() + margins.right() + 40
        parent = self.parentWidget()
        room = parent.window().width() - 48 if parent is not None else wanted
        return max(min(wanted, room), 560)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.birthdaysView.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Too narrow for all columns (a large font on 1024×768): 入党日期 goes first (党龄
        and the date tell the same), then 党员类型; the name, date, branch and phone stay."""
        view = self.ui.birthdaysView
        needed = sum(self._natural_widths)
        hidden = set()
        for column in (BirthdayTableModel.JOINED_ON, BirthdayTableModel.KIND):
            if needed <= view.viewport().width():
                break
            hidden.add(column)
            needed -= self._natural_widths[column]
        for column in range(self.model.columnCount()):
            view.setColumnHidden(column, column in hidden)

    def _size_columns(self) -> None:
        """Widths from the font the view really draws with and typical widest values, so
        that the 所在党支部 column is not cut while others have room (issue 11); the branch
        column takes what is left."""
        view = self.ui.birthdaysView
        metrics = view.fontMetrics()
        view.verticalHeader().setDefaultSectionSize(metrics.height() + 14)
        # The style sheet's combo padding is not in the combo's size hint: a few pixels more,
        # or "十二月" loses its last stroke at 18 pt.
        combo = self.ui.monthCombo
        combo.setMinimumWidth(0)
        combo.setMinimumWidth(combo.sizeHint().width() + combo.fontMetrics().averageCharWidth())
        header = view.horizontalHeader()
        header_font = QFont(header.font())
        header_font.setBold(True)
        header_metrics = QFontMetrics(header_font)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._natural_widths = []
        for column, sample in enumerate(self.model.sample_texts()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.horizontalAdvance(sample) + 16,
                header_metrics.horizontalAdvance(title) + 24,
            )
            header.resizeSection(column, width)
            self._natural_widths.append(width)
        header.setSectionResizeMode(BirthdayTableModel.BRANCH, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()

    def print_list(self) -> None:
        """The month's list as an A4 document in the print preview (masked per role)."""
        from dangqun.printing.service import record_pdf
        from dangqun.ui.print_preview import preview_pdf_job

        application = self.context.application
        month_code = f"{self.year}-{self.month():02d}"
        title = self.tr("Political birthdays {month}").format(month=month_code)
        record_id = month_code
        organization = self.ui.branchPicker.selected_node()
        if organization is not None:
            record_id = f"{month_code}/{organization.id}"
            title = f"{title} {organization.name}"
        job = partial(
            record_pdf,
            application.database,
            application.paths.keys,
            self.context.actor,
            "political_birthdays",
            record_id,
            title,
        )
        preview_pdf_job(self, self.context.ui_state, title, job, f"{title}.pdf")

    def is_ready(self) -> bool:
        return not self.loading

    def month(self) -> int:
        value = self.ui.monthCombo.currentData()
        return int(value) if value is not None else local_today().month

    def reload(self, *_arguments: object) -> None:
        organization = self.ui.branchPicker.selected_node()
        self.loading = True
        self.ui.countLabel.setText(self.tr("Loading…"))
        call = run_service(
            self,
            self.context,
            partial(
                _load,
                self.context.application.database,
                self.context.application.paths.keys,
                self.context.actor,
                self.month(),
                self.year,
                self.ui.branchPicker.organization_id(),
                organization.name if organization is not None else "",
            ),
            on_success=self._loaded,
            failure_title=self.windowTitle(),
        )
        call.failed.connect(self._failed)

    def _loaded(self, result: object) -> None:
        if not isinstance(result, tuple):
            return
        (month, organization_id), birthdays, pages = result
        if (month, organization_id) != (self.month(), self.ui.branchPicker.organization_id()):
            return  # the user chose another month or organization meanwhile
        self.loading = False
        self.birthdays = birthdays
        self.pages = pages
        self.model.set_birthdays(birthdays)
        self.ui.countLabel.setText(
            self.tr(
                "{count} members celebrate their political birthday in {month}; "
                "the list prints on about {pages} pages"
            ).format(count=f"{len(birthdays):,}", month=_month_name(month), pages=pages)
        )

    def _failed(self, _error: object) -> None:
        """Shown by :func:`run_service` (or reported as a crash); the dialog stops waiting."""
        self.loading = False


def _month_name(number: int) -> str:
    from PySide6.QtCore import QLocale

    return QLocale().standaloneMonthName(number)
