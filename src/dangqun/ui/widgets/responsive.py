"""Rows of controls that fit a 1024×768 screen at a large font (issue 11).

At 1024×768 with the default 13 pt font the members page's buttons were cut mid-character and
its filters were drawn over each other: a row of fixed widgets needs more room than the window
has. Two ways out, both keeping every control whole:

* :class:`FlowLayout` — filters wrap onto a second row when they do not fit side by side
  (the layout then asks for the height of its rows, so the rows below move down);
* :class:`OverflowMenu` — a button row keeps what fits and moves the rest, last first, into a
  "更多" menu whose entries do what the buttons do.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QLayout,
    QLayoutItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line when the next one would not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._width: int | None = None
        """The width last laid out; its number of lines gives the height asked for."""
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_widgets(self, widgets: Sequence[QWidget]) -> None:
        for widget in widgets:
            self.addWidget(widget)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def setGeometry(self, rect: QRect) -> None:
        """Place the items; when the number of lines changed, ask the parent for the new
        height. (Not height-for-width: that would make every layout above it ask for its
        preferred rather than its minimum height.)"""
        super().setGeometry(rect)
        before = self._needed_height()
        self._width = rect.width()
        self._arrange(rect, move=True)
        parent = self.parentWidget()
        if parent is not None and self._needed_height() != before:
            parent.updateGeometry()

    def sizeHint(self) -> QSize:
        """All items on one line: the width that needs no wrapping."""
        return QSize(self._one_line_width(), self._needed_height())

    def minimumSize(self) -> QSize:
        """The widest single item (narrower, something would be cut), as high as the lines
        at the present width."""
        margins = self.contentsMargins()
        widest = max((item.sizeHint().width() for item in self._shown()), default=0)
        return QSize(widest + margins.left() + margins.right(), self._needed_height())

    def _one_line_width(self) -> int:
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in shown)
        return width + self.spacing() * max(len(shown) - 1, 0) + margins.left() + margins.right()

    def _needed_height(self) -> int:
        width = self._width if self._width is not None else self._one_line_width()
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, QSize, int]] = []

        def place_line() -> None:
            for item, size, item_x in line:
                offset = (line_height - size.height()) // 2
                item.setGeometry(QRect(QPoint(item_x, y + offset), size))

        for item in self._shown():
            size = item.sizeHint()
            if line and x + size.width() > area.right() + 1:
                if move:
                    place_line()
                line = []
                x = area.x()
                y += line_height + self.spacing()
                line_height = 0
            line.append((item, size, x))
            x += size.width() + self.spacing()
            line_height = max(line_height, size.height())
        if move:
            place_line()
        return y + line_height - rect.y() + margins.bottom()


class OverflowMenu(QObject):
    """Keeps a button row within its width: the buttons that do not fit go into ``more``'s
    menu, as entries with the same text, icon and state. ``collapsible`` is in order of
    importance: the last one goes first.

    ``row`` is the widget holding ``layout``; it gets an ignored horizontal size hint so that a
    narrow window can give it less than all buttons need — this class then decides what shows.
    Only buttons the user may use belong in ``collapsible`` (the others stay hidden).
    """

    def __init__(
        self,
        row: QWidget,
        layout: QBoxLayout,
        collapsible: Sequence[QAbstractButton],
        more: QPushButton,
    ) -> None:
        super().__init__(row)
        self.row = row
        self.layout = layout
        self.collapsible = list(collapsible)
        self.more = more
        self.menu = QMenu(more)
        self.menu.aboutToShow.connect(self._fill_menu)
        more.setMenu(self.menu)
        policy = row.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        row.setSizePolicy(policy)
        row.installEventFilter(self)
        self.refresh()

    def collapsed(self) -> list[QAbstractButton]:
        """The buttons currently offered in the menu instead of the row."""
        return [button for button in self.collapsible if button.isHidden()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # LayoutRequest: a button's size changed (the style sheet's font arrives when shown).
        watched_events = (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest)
        if watched is self.row and event.type() in watched_events:
            self.refresh()
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Show as many buttons as fit the row's current width. Measured, not tried out:
        showing and hiding would ask for a new layout, which would call this again."""
        margins = self.layout.contentsMargins()
        available = self.row.width() - margins.left() - margins.right()
        shown = list(self.collapsible)
        while shown and self._needed_width(shown) > available:
            shown.pop()
        self.row.setMinimumWidth(self._needed_width([]) + margins.left() + margins.right())
        for button in self.collapsible:
            if button.isHidden() == (button in shown):
                button.setVisible(button in shown)
        self.more.setVisible(len(shown) < len(self.collapsible))

    def _needed_width(self, shown: list[QAbstractButton]) -> int:
        """The row's width with ``shown`` of the collapsible buttons (and 更多 when not all):
        every item at its size hint, as a box layout short of room shrinks every item. A
        stretching spacer in the row should therefore have a zero width hint."""
        widths = []
        spacers = 0
        for index in range(self.layout.count()):
            item = self.layout.itemAt(index)
            if item is None:
                continue
            widget = item.widget()
            spacer = item.spacerItem()
            if spacer is not None:
                spacers += spacer.sizeHint().width()
            elif widget is self.more:
                if len(shown) < len(self.collapsible):
                    widths.append(widget.sizeHint().width())
            elif widget in self.collapsible:
                if widget in shown:
                    widths.append(widget.sizeHint().width())
            elif widget is not None and not widget.isHidden():
                widths.append(widget.sizeHint().width())
        return sum(widths) + spacers + self.layout.spacing() * max(len(widths) - 1, 0)

    def _fill_menu(self) -> None:
        self.menu.clear()
        for button in self.collapsed():
            action = QAction(button.icon(), button.text(), self.menu)
            action.setEnabled(button.isEnabled())
            action.setToolTip(button.toolTip())
            action.triggered.connect(button.click)
            self.menu.addAction(action)
