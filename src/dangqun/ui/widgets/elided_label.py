"""A one-line label that shortens its text with "…" when it has too little room (issue 11).

A long center name ("…街道…社区党群服务中心") wrapped to five lines in the status bar and pushed
the user and the red "尚未备份" out of it. This label never asks for more than
:attr:`ElidedLabel.minimum_characters` characters of width, draws what fits with "…" at the end,
and then offers the whole text as its tooltip. While shortened it sets the Qt property
``elided`` (the layout checks of ``tests/ui/layout_checks.py`` accept such a label as cut on
purpose).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """Shows :meth:`full_text`, elided at the right when the label is narrower than it."""

    def __init__(
        self, text: str = "", parent: QWidget | None = None, minimum_characters: int = 6
    ) -> None:
        super().__init__(parent)
        self.minimum_characters = minimum_characters
        self._full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setWordWrap(False)
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full_text

    def set_full_text(self, text: str) -> None:
        self._full_text = text
        self.updateGeometry()
        self._elide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._text_width(self._full_text), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        sample = self._full_text[: self.minimum_characters] + "…"
        return QSize(min(self._text_width(sample), self.sizeHint().width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _text_width(self, text: str) -> int:
        margins = self.contentsMargins()
        extra = margins.left() + margins.right() + 2 * self.margin() + 2
        return self.fontMetrics().horizontalAdvance(text) + extra

    def _elide(self) -> None:
        """Drop characters from the end until the rest and "…" fit. (By hand rather than
        ``QFontMetrics.elidedText``: its mode names PySide's ``Qt`` namespace, which the first
        frame does without — tests/ui/test_start_up_path.py.)"""
        room = self.contentsRect().width() - 2 * self.margin()
        metrics = self.fontMetrics()
        shown = self._full_text
        if metrics.horizontalAdvance(shown) > room:
            kept = len(shown)
            while kept > 0 and metrics.horizontalAdvance(shown[:kept] + "…") > room:
                kept -= 1
            shown = shown[:kept] + "…"
        elided = shown != self._full_text
        super().setText(shown)
        self.setProperty("elided", elided)
        self.setToolTip(self._full_text if elided else "")
