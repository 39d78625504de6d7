"""A figure on a card: what it counts, the number, and a line or two of context.

Used by the home page and the module overview pages, so every figure in the app reads the same
way: icon and grey title, a large number, a small caption ("流入 120" / "流出 80").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dangqun.ui.icons import icon

CARD_COLUMNS = 4


class StatCard(QFrame):
    def __init__(
        self, icon_name: str, title: str, parent: QWidget | None = None, compact: bool = False
    ) -> None:
        """``compact`` draws the value smaller, for text such as a date instead of a count."""
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setMinimumWidth(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(2)
        title_row = QHBoxLayout()
        title_row.setSpacing(8)
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(icon(icon_name).pixmap(QSize(22, 22)))
        title_row.addWidget(self.icon_label)
        self.title_label = QLabel(title, self)
        self.title_label.setProperty("role", "figureTitle")  # no wrap: pages reflow instead
        title_row.addWidget(self.title_label, 1)
        layout.addLayout(title_row)
        self.value_label = QLabel("—", self)
        self.value_label.setProperty("role", "figureCompact" if compact else "figure")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption_label = QLabel("", self)
        self.caption_label.setProperty("role", "figureCaption")
        self.caption_label.setWordWrap(True)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addStretch(1)  # row-mates may be taller: keep the text at the top

    def set_value(self, value: str, caption: str = "") -> None:
        self.value_label.setText(value)
        self.caption_label.setText(caption)
        self.caption_label.setVisible(bool(caption))
        self.setAccessibleName(f"{self.title_label.text()} {value} {caption}".strip())

    @property
    def value(self) -> str:
        return self.value_label.text()

    @property
    def caption(self) -> str:
        return self.caption_label.text()


def place_in_grid(
    grid: QGridLayout, widgets: Sequence[QWidget], columns: int = CARD_COLUMNS
) -> None:
    """Row by row, ``columns`` wide, every column the same width; calling again re-flows."""
    for widget in widgets:
        grid.removeWidget(widget)
    for column in range(max(grid.columnCount(), columns)):
        grid.setColumnStretch(column, 1 if column < columns else 0)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)


def columns_for_width(available: int, minimum_item_width: int, spacing: int, most: int) -> int:
    """How many items of at least ``minimum_item_width`` fit side by side (1 to ``most``).

    Pages use it to go from 4 cards a row on a 1280-pixel screen to 2 on a small laptop, so the
    text in them never gets cut or needs a sideways scroll.
    """
    for columns in range(most, 1, -1):
        if columns * minimum_item_width + (columns - 1) * spacing <= available:
            return columns
    return 1
