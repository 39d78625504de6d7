"""批量登记: one activity, many volunteers, saved in one transaction (issue 13, "Batch entry").

The form above says what every row shares (date, category, beneficiary, content, the usual
start and end); the grid below holds one line per volunteer with their own times, minutes and
paper slip number. Why it works as it does:

* **All or nothing** (issue 13: "saved in one transaction"): the rows go to
  :func:`~dangqun.timebank.service.record_batch` together. A refused batch writes nothing and
  comes back as :class:`~dangqun.timebank.service.BatchRefused`: each row's problem is shown on
  that row (the cell of the field turns red, the 问题 column says why) and everything typed
  stays, so the user fixes the few bad lines and saves again.
* **Times default from the activity**: a row follows the activity's start and end until the
  user gives it its own; minutes follow the span and may be lowered in 15-minute steps
  (``records.MINUTE_STEP``), the rule the service enforces.
* **Two hundred rows stay quick**: the grid is a :class:`QAbstractTableModel` (no widget per
  cell) and the totals are sums over plain Python rows.
* Volunteers are added by number or name (:class:`~dangqun.ui.timebank.transfer_dialog.VolunteerPicker`)
  or by pasting a column of 志愿者编号 copied from a sign-in sheet; numbers not found are listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotFound
from dangqun.core.security import Actor
from dangqun.timebank.changes import SERVICE_RECORD
from dangqun.timebank.service import (
    ActivityForm,
    BatchRefused,
    BatchResult,
    BatchRow,
    BeneficiaryKind,
    CategoryView,
    VolunteerStatus,
    find_volunteer,
    hours_in_words,
    list_categories,
    list_volunteers,
    record_batch,
)
from dangqun.timebank.vocabulary import BENEFICIARY_KIND_LABELS
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.base import ServiceDialog
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.timebank.transfer_dialog import (
    HasContext,
    VolunteerChoice,
    VolunteerPicker,
    show_non_blocking,
)
from dangqun.ui.widgets.date_field import DateField
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.spin_boxes import pad_spin_boxes

MINUTE_STEP = 15
MINUTES_IN_A_DAY = 24 * 60
ERROR_BACKGROUND = QColor("#FDE7E9")
ERROR_TEXT = QColor("#B3261E")


@dataclass
class GridRow:
    """One volunteer's line. ``own_times``: the user changed this row's times, so the
    activity's default no longer moves them; ``minutes`` None follows the span."""

    volunteer: VolunteerChoice
    starts_at: time
    ends_at: time
    crosses_midnight: bool = False
    minutes: int | None = None
    slip_number: str = ""
    own_times: bool = False
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def span(self) -> int:
        span = (self.ends_at.hour * 60 + self.ends_at.minute) - (
            self.starts_at.hour * 60 + self.starts_at.minute
        )
        return span + MINUTES_IN_A_DAY if self.crosses_midnight else span

    @property
    def shown_minutes(self) -> int:
        return self.span if self.minutes is None else self.minutes

    def as_batch_row(self) -> BatchRow:
        return BatchRow(
            volunteer_id=self.volunteer.id,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            minutes=self.minutes,
            crosses_midnight=self.crosses_midnight,
            slip_number=self.slip_number or None,
        )


class BatchGridModel(QAbstractTableModel):
    """The volunteers of a batch; a row's errors (field → message) colour its cells."""

    NUMBER, NAME, STARTS, ENDS, MIDNIGHT, MINUTES, SLIP, PROBLEM = range(8)
    FIELD_COLUMNS: ClassVar[dict[str, int]] = {
        "volunteer_id": NAME,
        "starts_at": STARTS,
        "ends_at": ENDS,
        "crosses_midnight": MIDNIGHT,
        "minutes": MINUTES,
        "slip_number": SLIP,
    }
    """Which cell a :class:`RowError` field belongs to (others: the 问题 column only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[GridRow] = []
        self.headers = [
            self.tr("Number"),
            self.tr("Name"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Past midnight"),
            self.tr("Minutes"),
            self.tr("Slip number"),
            self.tr("Problem"),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if column in (self.STARTS, self.ENDS, self.MINUTES, self.SLIP):
            flags |= Qt.ItemFlag.ItemIsEditable
        if column == self.MIDNIGHT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _cell_error(self, row: GridRow, column: int) -> str | None:
        for name, message in row.errors.items():
            if self.FIELD_COLUMNS.get(name) == column:
                return message
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == self.STARTS:
                return QTime(row.starts_at.hour, row.starts_at.minute)
            if column == self.ENDS:
                return QTime(row.ends_at.hour, row.ends_at.minute)
            if column == self.MINUTES:
                return row.shown_minutes
            if column == self.SLIP:
                return row.slip_number
            return None
        if role == Qt.ItemDataRole.CheckStateRole and column == self.MIDNIGHT:
            return Qt.CheckState.Checked if row.crosses_midnight else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and (
            self._cell_error(row, column) is not None or (column == self.PROBLEM and row.errors)
        ):
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PROBLEM and row.errors:
            return QBrush(ERROR_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_error(row, column) or (
                "\n".join(row.errors.values()) if column == self.PROBLEM and row.errors else None
            )
        return None

    def _display(self, row: GridRow, column: int) -> str | None:
        if column == self.NUMBER:
            return row.volunteer.number
        if column == self.NAME:
            return row.volunteer.name
        if column == self.STARTS:
            return f"{row.starts_at:%H:%M}"
        if column == self.ENDS:
            return f"{row.ends_at:%H:%M}"
        if column == self.MINUTES:
            return str(row.shown_minutes)
        if column == self.SLIP:
            return row.slip_number
        if column == self.PROBLEM:
            return "；".join(row.errors.values())
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        column = index.column()
        if column == self.MIDNIGHT and role == Qt.ItemDataRole.CheckStateRole:
            row.crosses_midnight = Qt.CheckState(value) == Qt.CheckState.Checked
            row.own_times = True
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column in (self.STARTS, self.ENDS):
            moment = value.toPython() if isinstance(value, QTime) else value
            if not isinstance(moment, time):
                return False
            if column == self.STARTS:
                row.starts_at = moment.replace(second=0, microsecond=0)
            else:
                row.ends_at = moment.replace(second=0, microsecond=0)
            row.own_times = True
        elif column == self.MINUTES:
            minutes = int(value)
            row.minutes = None if minutes == row.span else minutes
        elif column == self.SLIP:
            row.slip_number = str(value).strip()
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.PROBLEM))
        return True

    # -- rows ---------------------------------------------------------------------------------

    def contains(self, volunteer_id: int) -> bool:
        return any(row.volunteer.id == volunteer_id for row in self.rows)

    def add(self, volunteers: Sequence[VolunteerChoice], starts_at: time, ends_at: time) -> int:
        """Append the volunteers not in the grid yet; returns how many were added."""
        fresh: list[VolunteerChoice] = []
        for volunteer in volunteers:
            if not self.contains(volunteer.id) and all(v.id != volunteer.id for v in fresh):
                fresh.append(volunteer)
        if not fresh:
            return 0
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self.rows.extend(GridRow(volunteer, starts_at, ends_at) for volunteer in fresh)
        self.endInsertRows()
        return len(fresh)

    def remove(self, row_numbers: Sequence[int]) -> None:
        for number in sorted(set(row_numbers), reverse=True):
            self.beginRemoveRows(QModelIndex(), number, number)
            del self.rows[number]
            self.endRemoveRows()

    def follow_activity(self, starts_at: time, ends_at: time) -> None:
        """Rows without their own times take the activity's new default."""
        for row in self.rows:
            if not row.own_times:
                row.starts_at, row.ends_at = starts_at, ends_at
        if self.rows:
            self.dataChanged.emit(
                self.index(0, self.STARTS), self.index(len(self.rows) - 1, self.MINUTES)
            )

    def show_errors(self, errors_by_row: dict[int, dict[str, str]]) -> None:
        for number, row in enumerate(self.rows):
            row.errors = errors_by_row.get(number, {})
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.PROBLEM))

    @property
    def total_minutes(self) -> int:
        return sum(row.shown_minutes for row in self.rows)


class _TimeDelegate(QStyledItemDelegate):
    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QTimeEdit(parent)
        editor.setDisplayFormat("HH:mm")
        return editor


class _MinutesDelegate(QStyledItemDelegate):
    """Minutes in 15-minute steps (the service's ``MINUTE_STEP``)."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(MINUTE_STEP, MINUTES_IN_A_DAY)
        editor.setSingleStep(MINUTE_STEP)
        return editor


@dataclass(frozen=True)
class PastedNumbers:
    found: list[VolunteerChoice]
    missing: list[str]


def look_up_numbers(database: Database, actor: Actor, numbers: Sequence[str]) -> PastedNumbers:
    """志愿者编号 pasted from a sheet → the active accounts; the others are listed back.
    Runs on a worker thread."""
    found: list[VolunteerChoice] = []
    missing: list[str] = []
    for number in numbers:
        try:
            detail = find_volunteer(database, actor, number)
        except NotFound:
            missing.append(number)
            continue
        if detail.status is VolunteerStatus.ACTIVE:
            found.append(VolunteerChoice(detail.id, detail.number, detail.name))
        else:
            missing.append(number)
    return PastedNumbers(found, missing)


def numbers_in(text: str) -> list[str]:
    """The cells of a pasted column (or row): one number a line, tabs and commas also split."""
    cells = text.replace("\t", "\n").replace(",", "\n").replace("，", "\n").splitlines()
    return [cell.strip() for cell in cells if cell.strip()]


class BatchEntryDialog(ServiceDialog):
    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        categories: list[CategoryView] | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.result_batch: BatchResult | None = None
        self.missing_numbers: list[str] = []
        self._call: BackgroundCall | None = None
        self._paste_call: BackgroundCall | None = None
        self.setObjectName("batchEntryDialog")
        self.setWindowTitle(self.tr("Batch entry"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "One activity, many volunteers: the rows are saved together or not at all. "
                "Each record waits for verification before its minutes are credited."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.date_field = DateField(self)
        self.date_field.setObjectName("servedOnField")
        self.date_field.set_value(today or local_today())
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("categoryCombo")
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("beneficiaryKindCombo")
        for kind, label in BENEFICIARY_KIND_LABELS.items():
            self.kind_combo.addItem(label, kind)
        self.beneficiary_edit = QLineEdit(self)
        self.beneficiary_edit.setObjectName("beneficiaryEdit")
        self.beneficiary_edit.setPlaceholderText(self.tr("e.g. 翠湖小区独居老人"))
        self.content_edit = QLineEdit(self)
        self.content_edit.setObjectName("contentEdit")
        self.content_edit.setPlaceholderText(self.tr("e.g. 重阳节上门理发、打扫卫生"))
        self.starts_edit = QTimeEdit(QTime(9, 0), self)
        self.starts_edit.setObjectName("defaultStartsEdit")
        self.starts_edit.setDisplayFormat("HH:mm")
        self.ends_edit = QTimeEdit(QTime(11, 0), self)
        self.ends_edit.setObjectName("defaultEndsEdit")
        self.ends_edit.setDisplayFormat("HH:mm")
        self.error_labels: dict[str, QLabel] = {}

        def cell(name: str, *widgets: QWidget) -> QWidget:
            holder = QWidget(self)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
            column.addLayout(row)
            error = QLabel(holder)
            error.setObjectName(f"{name}Error")
            column.addWidget(error)
            self.error_labels[name] = error
            return holder

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(self.tr("Date"), cell("served_on", self.date_field))
        left.addRow(self.tr("Category"), cell("category_id", self.category_combo))
        times = QWidget(self)
        times_row = QHBoxLayout(times)
        times_row.setContentsMargins(0, 0, 0, 0)
        times_row.addWidget(self.starts_edit)
        times_row.addWidget(QLabel(self.tr("to"), times))
        times_row.addWidget(self.ends_edit)
        times_row.addStretch(1)
        left.addRow(self.tr("Usual times"), times)
        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right.addRow(self.tr("For"), cell("beneficiary", self.kind_combo, self.beneficiary_edit))
        right.addRow(self.tr("Content"), cell("content", self.content_edit))
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout.addLayout(grid)

        adding = QHBoxLayout()
        self.picker = VolunteerPicker(context, self)
        self.picker.setObjectName("batchVolunteerPicker")
        self.picker.chosen.connect(self.add_volunteer)
        self.picker.nothing_found.connect(self._nothing_found)
        adding.addWidget(self.picker, 1)
        self.paste_button = QPushButton(icon("file_import"), self.tr("Paste numbers"), self)
        self.paste_button.setObjectName("pasteNumbersButton")
        self.paste_button.setAutoDefault(False)
        self.paste_button.setToolTip(
            self.tr("Paste a column of volunteer numbers copied from a sign-in sheet")
        )
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        adding.addWidget(self.paste_button)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.setObjectName("removeRowsButton")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        adding.addWidget(self.remove_button)
        layout.addLayout(adding)
        self.adding_note = QLabel(self)
        self.adding_note.setObjectName("addingNote")
        self.adding_note.setWordWrap(True)
        self.adding_note.setVisible(False)
        layout.addWidget(self.adding_note)

        self.model = BatchGridModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("batchGrid")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(BatchGridModel.STARTS, _TimeDelegate(self.table))
        self.table.setItemDelegateForColumn(BatchGridModel.ENDS, _TimeDelegate(self.table))
        self.table.setItemDelegateForColumn(BatchGridModel.MINUTES, _MinutesDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BatchGridModel.PROBLEM, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        layout.addWidget(self.table, 1)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Paste, self.table, self.paste_from_clipboard)

        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("totalsLabel")
        layout.addWidget(self.totals_label)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("batchError")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save all"))
        self.ok_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = FieldErrors(
            {**self.error_labels, "rows": self.general_error},
            self.general_error,
            inputs={
                "served_on": self.date_field,
                "category_id": self.category_combo,
                "beneficiary": self.beneficiary_edit,
                "content": self.content_edit,
            },
        )
        self.starts_edit.timeChanged.connect(self._activity_times_changed)
        self.ends_edit.timeChanged.connect(self._activity_times_changed)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.dataChanged,
            self.model.modelReset,
        ):
            signal.connect(self.update_totals)
        pad_spin_boxes(self)
        self.update_totals()
        self.resize(980, 640)
        if categories is None:
            categories = list_categories(context.application.database, context.actor)
        self.set_categories(categories)

    # -- the activity -----------------------------------------------------------------------

    def set_categories(self, categories: list[CategoryView]) -> None:
        self.category_combo.clear()
        for category in categories:
            if not category.retired:
                self.category_combo.addItem(category.name, category.id)

    def default_times(self) -> tuple[time, time]:
        return self.starts_edit.time().toPython(), self.ends_edit.time().toPython()  # type: ignore[return-value]

    def _activity_times_changed(self) -> None:
        self.model.follow_activity(*self.default_times())

    def activity(self) -> ActivityForm | None:
        """The activity as typed; None (and the reason beside the date) when the date is bad."""
        problem = self.date_field.error()
        served_on = self.date_field.value_or_none()
        if problem or served_on is None:
            self.errors.show(
                [FieldError("served_on", problem or self.tr("Give the date of the service."))]
            )
            return None
        category = self.category_combo.currentData()
        kind = self.kind_combo.currentData()
        assert isinstance(kind, BeneficiaryKind)
        return ActivityForm(
            category_id=int(category) if category is not None else 0,
            served_on=served_on,
            beneficiary_kind=kind,
            beneficiary=self.beneficiary_edit.text(),
            content=self.content_edit.text(),
        )

    # -- volunteers -------------------------------------------------------------------------

    def add_volunteer(self, choice: VolunteerChoice) -> None:
        self.add_volunteers([choice])
        self.picker.edit.clear()
        self.picker.edit.setFocus()

    def add_volunteers(self, choices: Sequence[VolunteerChoice]) -> int:
        added = self.model.add(choices, *self.default_times())
        skipped = len(choices) - added
        if skipped:
            self._note(
                self.tr("{count} already in the list, not added again.").format(count=skipped)
            )
        elif added:
            self.adding_note.setVisible(False)
        if added:
            self.table.scrollToBottom()
        return added

    def _note(self, text: str) -> None:
        self.adding_note.setText(text)
        self.adding_note.setVisible(True)

    def _nothing_found(self, text: str) -> None:
        self._note(self.tr("No active volunteer matches “{text}”.").format(text=text))

    def paste_from_clipboard(self) -> None:
        self.paste_numbers(QGuiApplication.clipboard().text())

    def paste_numbers(self, text: str) -> None:
        """Look the pasted 志愿者编号 up off the GUI thread and add the active ones."""
        numbers = numbers_in(text)
        if not numbers or self._paste_call is not None:
            if not numbers:
                self._note(self.tr("The clipboard holds no volunteer numbers."))
            return
        self.paste_button.setEnabled(False)
        self._paste_call = run_service(
            self,
            self.context,
            partial(
                look_up_numbers, self.context.application.database, self.context.actor, numbers
            ),
            on_success=self._numbers_found,
            on_failure=self._paste_settled,
            failure_title=self.windowTitle(),
        )

    @property
    def is_pasting(self) -> bool:
        return self._paste_call is not None

    def _paste_settled(self, _error: object = None) -> None:
        self._paste_call = None
        self.paste_button.setEnabled(True)

    def _numbers_found(self, pasted: PastedNumbers) -> None:
        self._paste_settled()
        self.missing_numbers = pasted.missing
        self.add_volunteers(pasted.found)
        if pasted.missing:
            self._note(
                self.tr("Not found or not active, not added: {numbers}").format(
                    numbers="、".join(pasted.missing)
                )
            )

    def remove_selected(self) -> None:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        self.model.remove(rows)

    def update_totals(self) -> None:
        people = len(self.model.rows)
        minutes = self.model.total_minutes
        self.totals_label.setText(
            self.tr("{people} volunteers, {minutes} in all").format(
                people=people, minutes=hours_in_words(minutes)
            )
        )

    # -- saving -----------------------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        return self._call is not None

    def accept(self) -> None:
        """Save every row in one transaction; a refusal marks the rows and keeps all typed."""
        if self._call is not None:
            return
        self.errors.clear()
        self.model.show_errors({})
        activity = self.activity()
        if activity is None:
            self.fit_messages()
            return
        rows = [row.as_batch_row() for row in self.model.rows]
        self.buttons.setEnabled(False)
        self._call = run_service(
            self,
            self.context,
            partial(
                record_batch, self.context.application.database, self.context.actor, activity, rows
            ),
            changes=Changes.of(SERVICE_RECORD),
            on_success=self._saved,
            on_failure=self._refused,
            field_errors=self.errors,
            failure_title=self.windowTitle(),
        )

    def _settle(self) -> None:
        self._call = None
        self.buttons.setEnabled(True)

    def _refused(self, error: BaseException) -> None:
        self._settle()
        if isinstance(error, BatchRefused) and error.row_errors:
            by_row: dict[int, dict[str, str]] = {}
            for problem in error.row_errors:
                shown = by_row.setdefault(problem.row, {})
                shown[problem.field] = (
                    f"{shown[problem.field]}；{problem.message}"
                    if problem.field in shown
                    else problem.message
                )
            self.model.show_errors(by_row)
            first = min(by_row)
            self.table.scrollTo(self.model.index(first, 0))
            self.table.selectRow(first)
            self.errors.show_general(
                self.tr(
                    "Nothing was saved: {count} rows have a problem, marked red in the list "
                    "(first: row {first}). Correct them and save again."
                ).format(count=len(by_row), first=first + 1)
            )
        self.fit_messages()

    def _saved(self, result: BatchResult) -> None:
        self._settle()
        self.result_batch = result
        QDialog.accept(self)


def open_batch_entry(page: HasContext) -> BatchEntryDialog:
    """批量登记 over ``page``: window-modal, deleted when closed."""
    dialog = BatchEntryDialog(page.context, page if isinstance(page, QWidget) else None)
    show_non_blocking(dialog)
    return dialog


SCREENSHOT_DIALOGS = ("timebank_batch_entry",)


def open_dialog(name: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    """``dangqun screenshot``: a 重阳节 activity with the first dozen active volunteers, one
    of them with a shorter stay."""
    del scratch
    if name != "timebank_batch_entry":
        raise ValueError(f"not a time bank batch dialog: {name!r}")
    dialog = BatchEntryDialog(context, parent)
    care = dialog.category_combo.findText("养老助老")
    if care >= 0:
        dialog.category_combo.setCurrentIndex(care)
    dialog.beneficiary_edit.setText("翠湖小区独居老人")
    dialog.content_edit.setText("重阳节上门理发、打扫卫生、陪聊")
    page = list_volunteers(
        context.application.database, context.actor, "", VolunteerStatus.ACTIVE, 0, 12
    )
    dialog.add_volunteers([VolunteerChoice(row.id, row.number, row.name) for row in page.rows])
    if dialog.model.rows:
        dialog.model.setData(
            dialog.model.index(0, BatchGridModel.ENDS), QTime(10, 30), Qt.ItemDataRole.EditRole
        )
        for number, row in enumerate(dialog.model.rows):
            row.slip_number = f"DJ-{1001 + number}"
    return dialog
