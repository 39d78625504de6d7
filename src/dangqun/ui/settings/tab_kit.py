"""What the tabs of 系统设置 share: icons, the short "Saved." note, dialogs, opening folders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from dangqun.ui.icons import ICON_GREY, ICON_ON_ACCENT, icon
from dangqun.ui.widgets import message_boxes

STATUS_SECONDS = 4
SUCCESS_COLOR = "#2E7D32"


def tab_icon(name: str, on_accent: bool = False) -> QIcon:
    return icon(name, ICON_ON_ACCENT if on_accent else ICON_GREY, selected_color=None)


class StatusNote(QObject):
    """A short confirmation beside a button ("已保存"), gone after a few seconds."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self._label = label
        label.setStyleSheet(f"color: {SUCCESS_COLOR};")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(label.clear)

    def show(self, text: str) -> None:
        self._label.setText(text)
        self._timer.start(STATUS_SECONDS * 1000)


class DialogHost:
    """Opens one non-blocking dialog at a time (``open()``, not ``exec()``: tests can drive it)."""

    def __init__(self) -> None:
        self.active_dialog: QDialog | None = None

    def open_dialog(self, dialog: QDialog, on_accepted: Callable[[], None]) -> None:
        self.active_dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()


def open_folder(parent: QWidget, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        message_boxes.show_error(
            parent,
            QCoreApplication.translate("SettingsTabs", "Open folder"),
            QCoreApplication.translate(
                "SettingsTabs", "Could not open the folder. Its location is: {folder}"
            ).format(folder=folder),
        )
