"""A large, keyboard-friendly link to a page: icon, bold title, optionally a muted line under it.

A QPushButton underneath (focus, Enter/Space, clicked, accessibility), with labels laid out
inside because a push button's own text cannot mix a title and a smaller description.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class LinkButton(QPushButton):
    def __init__(
        self,
        icon: QIcon,
        title: str,
        summary: str,
        parent: QWidget | None = None,
        show_summary: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "link")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._layout = layout = QHBoxLayout(self)
        margin = 12 if show_summary else 10
        layout.setContentsMargins(margin + 2, margin, margin + 2, margin)
        layout.setSpacing(12)
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(icon.pixmap(QSize(28, 28)))
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        text_layout = QVBoxLayout()
        text_layout.setSpacing(2)
        self.title_label = QLabel(title, self)
        self.title_label.setProperty("role", "linkTitle")
        self.summary_label = QLabel(summary, self)
        self.summary_label.setProperty("role", "linkSummary")
        text_layout.addWidget(self.title_label)
        text_layout.addWidget(self.summary_label)
        self.summary_label.setVisible(show_summary)
        if not show_summary:
            self.setToolTip(summary)
        layout.addLayout(text_layout, 1)
        for label in (self.icon_label, self.title_label, self.summary_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    @property
    def title(self) -> str:
        return self.title_label.text()

    def sizeHint(self) -> QSize:
        return self._layout.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize()
