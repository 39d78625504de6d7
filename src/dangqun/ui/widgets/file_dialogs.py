"""The file choosers and the one-line question the members screens ask, in one place.

Tests replace these functions (``monkeypatch.setattr(file_dialogs, "save_file", ...)``): a real
native dialog would block an offscreen test run. The folder last used is remembered per
purpose in the per-machine ui-state, so the roster folder on the USB stick is offered again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget


def _directory_key(purpose: str) -> str:
    return f"files/{purpose}_directory"


def last_directory(ui_state: QSettings, purpose: str) -> str:
    value = ui_state.value(_directory_key(purpose))
    if isinstance(value, str) and value and Path(value).is_dir():
        return value
    return str(Path.home())


def remember_directory(ui_state: QSettings, purpose: str, path: Path) -> None:
    ui_state.setValue(_directory_key(purpose), str(path.parent))


def open_file(parent: QWidget | None, title: str, directory: str, name_filter: str) -> Path | None:
    path, _selected = QFileDialog.getOpenFileName(parent, title, directory, name_filter)
    return Path(path) if path else None


def save_file(
    parent: QWidget | None, title: str, suggested: str, name_filter: str, suffix: str = ".xlsx"
) -> Path | None:
    """The path to write; the suffix is added when the user typed a bare name."""
    path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    if not path:
        return None
    chosen = Path(path)
    if suffix and chosen.suffix.lower() != suffix:
        chosen = chosen.with_name(chosen.name + suffix)
    return chosen


def ask_excel_save_path(
    parent: QWidget | None, ui_state: QSettings, title: str, default_name: str
) -> Path | None:
    """Where to write a workbook: offered in the folder of the last export, which is then
    remembered; None when cancelled."""
    suggested = Path(last_directory(ui_state, "export")) / default_name
    path = save_file(
        parent,
        title,
        str(suggested),
        QCoreApplication.translate("FileDialogs", "Excel workbooks (*.xlsx)"),
    )
    if path is not None:
        remember_directory(ui_state, "export", path)
    return path


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None when cancelled."""
    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if accepted else None
