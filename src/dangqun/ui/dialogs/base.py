"""Dialogs whose OK button runs a service call and closes only when it succeeded."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


class ServiceDialog(QDialog):
    def save(self) -> bool:
        """Write through the service; show the refusal and return False to stay open."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.save():
            super().accept()
        else:
            self.fit_messages()

    def fit_messages(self) -> None:
        """Grow to show every (wrapped) error message: a top-level window's minimum size does
        not follow its labels' height-for-width, so Qt would clip a two-line message."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed < 0:
            needed = layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)
