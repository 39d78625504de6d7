"""A date typed the way rosters write it, or picked from a calendar; may be left empty.

QDateEdit cannot be empty and makes people step through its sections; front-desk staff type
``1985.6.1`` or ``1985年6月1日``. This field accepts what the roster importer accepts
(:func:`dangqun.members.validation.parse_date`) and rewrites it as ``1985-06-01`` once the
user leaves it, so what was understood is visible.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dangqun.members.validation import parse_date
from dangqun.ui.icons import icon


class _CalendarPopup(QFrame):
    picked = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)

    def _picked(self, day: QDate) -> None:
        self.picked.emit(date(day.year(), day.month(), day.day()))
        self.close()


class DateField(QWidget):
    """``value()`` is the date, None when empty; it raises ValueError (Chinese) on bad text."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(self.tr("e.g. 2001-07-01"))
        self.line_edit.setClearButtonEnabled(True)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setIcon(icon("calendar_month"))
        self.calendar_button.setToolTip(self.tr("Pick from a calendar"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.line_edit)
        self.line_edit.textEdited.connect(self._text_edited)
        self.line_edit.editingFinished.connect(self.tidy)
        self.calendar_button.clicked.connect(self.show_calendar)
        self._popup: _CalendarPopup | None = None

    # -- value ------------------------------------------------------------------------------

    def value(self) -> date | None:
        return parse_date(self.line_edit.text())

    def value_or_none(self) -> date | None:
        """The date, or None when empty *or* unreadable (the caller reports the latter)."""
        try:
            return self.value()
        except ValueError:
            return None

    def error(self) -> str | None:
        """Why the typed text is not a date, or None."""
        try:
            self.value()
        except ValueError as problem:
            return str(problem)
        return None

    def set_value(self, day: date | None) -> None:
        self.line_edit.setText("" if day is None else f"{day:%Y-%m-%d}")

    def text(self) -> str:
        return self.line_edit.text()

    def setReadOnly(self, read_only: bool) -> None:
        self.line_edit.setReadOnly(read_only)
        self.line_edit.setClearButtonEnabled(not read_only)
        self.calendar_button.setVisible(not read_only)

    def isReadOnly(self) -> bool:
        return self.line_edit.isReadOnly()

    def setPlaceholderText(self, text: str) -> None:
        self.line_edit.setPlaceholderText(text)

    def tidy(self) -> None:
        """Rewrite a readable date as yyyy-mm-dd; leave unreadable text for the user to fix."""
        day = self.value_or_none()
        if day is not None and self.line_edit.text() != f"{day:%Y-%m-%d}":
            self.set_value(day)

    # -- calendar ---------------------------------------------------------------------------

    def show_calendar(self) -> None:
        if self.line_edit.isReadOnly():
            return
        if self._popup is None:
            self._popup = _CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        day = self.value_or_none() or date.today()
        self._popup.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._popup.adjustSize()
        self._popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup.show()
        self._popup.calendar.setFocus()

    def _picked(self, day: date) -> None:
        self.set_value(day)
        self.line_edit.setFocus()
        self.edited.emit()

    def _text_edited(self, _text: str) -> None:
        self.edited.emit()
