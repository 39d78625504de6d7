"""Combo boxes as wide as their texts are laid out (issue 11).

QComboBox's ``AdjustToContents`` measures its items by their ink (``boundingRect``), which at
large fonts is a few pixels narrower than the advance the text is laid out with: "全部用户" at
24 pt needs 128 px and was given 126. :class:`WholeTextComboSizer` keeps a combo's minimum
width at what its widest item really needs, again whenever its items or font change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox


class WholeTextComboSizer(QObject):
    """Watches ``combo`` (its parent) and widens it by what its size hint falls short."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._combo = combo
        combo.installEventFilter(self)
        model = combo.model()
        model.rowsInserted.connect(self.fit)
        model.rowsRemoved.connect(self.fit)
        model.modelReset.connect(self.fit)
        self.fit()

    def fit(self) -> None:
        combo = self._combo
        metrics = combo.fontMetrics()
        shortfall = max(
            (
                metrics.horizontalAdvance(text) - metrics.boundingRect(text).width()
                for text in (combo.itemText(row) for row in range(combo.count()))
            ),
            default=0,
        )
        combo.setMinimumWidth(0)
        combo.setMinimumWidth(combo.sizeHint().width() + max(0, shortfall))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._combo and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self.fit()
        return False
