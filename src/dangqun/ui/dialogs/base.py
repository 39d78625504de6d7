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
