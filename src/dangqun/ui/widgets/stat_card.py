"""A figure on a card: what it counts, the number, and one line of context.

Used by the home page and the module overview pages, so every figure in the app reads the same
way: a grey title, a large number, a small caption ("流入 120 · 流出 80").
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dangqun.ui.icons import icon

CARD_COLUMNS = 4


class StatCard(QFrame):
    def __init__(
        self, icon_name: str, title: str, parent: QWidget | None = None, compact: bool = False
    ) -> None:
        """``compact`` draws the value smaller, for text such as a date instead of a count."""
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setMinimumWidth(200)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(14)
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(icon(icon_name).pixmap(QSize(30, 30)))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.icon_label)
        text_layout = QVBoxLayout()
        text_layout.setSpacing(2)
        self.title_label = QLabel(title, self)
        self.title_label.setProperty("role", "figureTitle")
        self.title_label.setWordWrap(True)
        self.value_label = QLabel("—", self)
        self.value_label.setProperty("role", "figureCompact" if compact else "figure")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption_label = QLabel("", self)
        self.caption_label.setProperty("role", "figureCaption")
        self.caption_label.setWordWrap(True)
        text_layout.addWidget(self.title_label)
        text_layout.addWidget(self.value_label)
        text_layout.addWidget(self.caption_label)
        layout.addLayout(text_layout, 1)
        text_layout.setAlignment(Qt.AlignmentFlag.AlignTop)  # row-mates may be taller

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


def place_in_grid(grid: QGridLayout, widgets: list[QWidget], columns: int = CARD_COLUMNS) -> None:
    """Row by row, ``columns`` wide, every column the same width."""
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
