"""The few modal message boxes the pages use, in one place so tests can replace them.

Tests monkeypatch these functions (``monkeypatch.setattr(message_boxes, "confirm", ...)``):
a real modal ``exec()`` would block an offscreen test run.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    accept_label: str,
    details: str = "",
) -> bool:
    """Ask before something hard to undo; Cancel is the default button (Enter is safe)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    if details:
        box.setInformativeText(details)
    accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is accept
