"""The friendly face of an unexpected error: what happened in plain Chinese, and a way out.

A front desk cannot read a traceback, but their support person can: "复制详细信息" puts the
whole text on the clipboard for a chat message or an e-mail. The app keeps running.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from dangqun.ui.forms.ui_error_dialog import Ui_ErrorDialog
from dangqun.ui.icons import accent_icon
from dangqun.ui.widgets.window_fit import fit_to_layout


class ErrorDialog(QDialog):
    def __init__(self, details: str, log_file: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ErrorDialog()
        self.ui.setupUi(self)
        self.error_count = 0
        self.ui.iconLabel.setPixmap(accent_icon("error").pixmap(QSize(44, 44)))
        self.ui.detailsText.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.ui.detailsText.setVisible(False)
        self.ui.detailsToggle.toggled.connect(self._show_details)
        self.ui.copyButton.clicked.connect(self.copy_details)
        if log_file:
            self.ui.logLabel.setText(
                self.tr("The details were also written to the log file: {path}").format(
                    path=log_file
                )
            )
        else:
            self.ui.logLabel.setVisible(False)
        self.add_error(details)
        self.ui.continueButton.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """As tall as the wrapped text needs at the chosen font (issue 11)."""
        super().showEvent(event)
        fit_to_layout(self)

    def add_error(self, details: str) -> None:
        """Another error while this dialog is open: keep one dialog, collect every text."""
        self.error_count += 1
        if self.error_count == 1:
            self.ui.detailsText.setPlainText(details)
        else:
            self.ui.detailsText.appendPlainText("\n" + "-" * 60 + "\n" + details)
            self.ui.headlineLabel.setText(
                self.tr("Sorry, something went wrong ({count} errors)").format(
                    count=self.error_count
                )
            )

    @property
    def details(self) -> str:
        return self.ui.detailsText.toPlainText()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.ui.copyButton.setText(self.tr("Copied"))
        QTimer.singleShot(2500, self._restore_copy_label)

    def _restore_copy_label(self) -> None:
        self.ui.copyButton.setText(self.tr("&Copy details"))

    def _show_details(self, shown: bool) -> None:
        self.ui.detailsText.setVisible(shown)
        self.ui.detailsToggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.ui.detailsToggle.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow or shrink to the text at the current width (adjustSize would also narrow the
        dialog and cut the word-wrapped sentences)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        height = layout.totalHeightForWidth(self.width())
        self.resize(self.width(), max(height, layout.totalMinimumSize().height()))
