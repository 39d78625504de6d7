"""今日到访 and tomorrow's call list (issue 14: "Today's arrivals and the call list of
tomorrow's bookings … computed then, no background job; a no-show is marked from that list
after the slot ends").

Both lists are :func:`dangqun.bases.service.bookings_on` read when the dialog opens (or after
one of its actions): today's bookings still expected or arrived, with 签到 and — once the slot
is over — 未到; tomorrow's with the contact and phone to call (masked for a role without
personal data, as the service returns it).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.changes import BOOKING
from dangqun.bases.service import BookingDetail, BookingStatus, bookings_on, mark_no_show
from dangqun.core.changes import Changes
from dangqun.core.security import Permission
from dangqun.ui.bases.checkin_dialog import CheckInDialog, slot_has_ended
from dangqun.ui.bases.week_calendar import center_today
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.window_fit import fit_to_layout


def arrivals_of(
    context: UiContext, today: date | None
) -> tuple[date, list[BookingDetail], list[BookingDetail]]:
    """The center's today (unless given), its arrivals and tomorrow's call list, in one go on
    the worker thread."""
    database, actor = context.application.database, context.actor
    today = today or center_today(database)
    return (
        today,
        bookings_on(database, actor, today),
        bookings_on(database, actor, today + timedelta(days=1)),
    )


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class ArrivalsDialog(QDialog):
    loaded = Signal()

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, today: date | None = None
    ):
        super().__init__(parent)
        self.context = context
        self.today = today
        """None until read: the center's today (:func:`center_today`)."""
        self.arrivals: list[BookingDetail] = []
        self.calls: list[BookingDetail] = []
        self.setObjectName("arrivalsDialog")
        self.setWindowTitle(self.tr("Today's arrivals"))
        self.setMinimumSize(720, 520)
        layout = QVBoxLayout(self)
        self.today_label = QLabel()
        self.today_label.setObjectName("todayLabel")
        layout.addWidget(self.today_label)
        self.arrivals_table = _table(
            self,
            "arrivalsTable",
            [
                self.tr("Time"),
                self.tr("Organization"),
                self.tr("Room"),
                self.tr("People"),
                self.tr("Status"),
            ],
        )
        self.arrivals_table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.arrivals_table, 1)
        actions = QHBoxLayout()
        self.check_in_button = QPushButton(self.tr("Check in…"), self)
        self.check_in_button.setObjectName("checkInButton")
        self.check_in_button.clicked.connect(self.check_in)
        self.no_show_button = QPushButton(self.tr("No-show"), self)
        self.no_show_button.setObjectName("noShowButton")
        self.no_show_button.clicked.connect(self.no_show)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("arrivalsMessage")
        self.message_label.setProperty("role", "error")
        self.message_label.setWordWrap(True)
        self.refusals = FieldErrors({}, self.message_label)
        actions.addWidget(self.check_in_button)
        actions.addWidget(self.no_show_button)
        actions.addWidget(self.message_label, 1)
        layout.addLayout(actions)
        self.calls_label = QLabel()
        self.calls_label.setObjectName("callsLabel")
        layout.addWidget(self.calls_label)
        self.calls_table = _table(
            self,
            "callsTable",
            [
                self.tr("Time"),
                self.tr("Organization"),
                self.tr("Room"),
                self.tr("People"),
                self.tr("Contact"),
                self.tr("Phone"),
            ],
        )
        layout.addWidget(self.calls_table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for button in (self.check_in_button, self.no_show_button):
            button.setVisible(context.can(Permission.EDIT_RECORDS))
        self._selection_changed()
        context.events.subscribe(self, (BOOKING,), lambda _changes: self.refresh())
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)

    def refresh(self) -> None:
        run_service(
            self,
            self.context,
            partial(arrivals_of, self.context, self.today),
            on_success=self._read,
            failure_title=self.windowTitle(),
        )

    def _read(self, lists: tuple[date, list[BookingDetail], list[BookingDetail]]) -> None:
        self.today, self.arrivals, self.calls = lists
        self.today_label.setText(
            self.tr("Today, {date}: {count} bookings").format(
                date=self.today.isoformat(), count=len(self.arrivals)
            )
        )
        self.calls_label.setText(
            self.tr("Tomorrow, {date}: {count} bookings to call").format(
                date=(self.today + timedelta(days=1)).isoformat(), count=len(self.calls)
            )
        )
        _fill(
            self.arrivals_table,
            [
                [b.slot_text, b.organization, b.room_name, str(b.headcount), b.status_label]
                for b in self.arrivals
            ],
        )
        _fill(
            self.calls_table,
            [
                [b.slot_text, b.organization, b.room_name, str(b.headcount), b.contact, b.phone]
                for b in self.calls
            ],
        )
        self._selection_changed()
        self.loaded.emit()

    def selected(self) -> BookingDetail | None:
        row = self.arrivals_table.currentRow()
        return self.arrivals[row] if 0 <= row < len(self.arrivals) else None

    def _selection_changed(self) -> None:
        detail = self.selected()
        waiting = detail is not None and detail.status in (
            BookingStatus.PENDING,
            BookingStatus.CONFIRMED,
        )
        self.check_in_button.setEnabled(waiting)
        self.no_show_button.setEnabled(waiting and detail is not None and slot_has_ended(detail))
        self.no_show_button.setToolTip(
            "" if self.no_show_button.isEnabled() else self.tr("Only after the slot has ended")
        )

    def check_in(self) -> None:
        detail = self.selected()
        if detail is None:
            return
        dialog = CheckInDialog(self.context, detail, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.check_in_dialog = dialog

    def no_show(self) -> None:
        detail = self.selected()
        if detail is None:
            return
        self.refusals.clear()
        run_service(
            self,
            self.context,
            partial(mark_no_show, self.context.application.database, self.context.actor, detail.id),
            changes=Changes.of(BOOKING),
            field_errors=self.refusals,
            failure_title=self.windowTitle(),
        )


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))


def open_arrivals(page: QWidget) -> ArrivalsDialog:
    """今日到访 over ``page`` (which carries ``context``)."""
    dialog = ArrivalsDialog(page.context, page)  # type: ignore[attr-defined]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
