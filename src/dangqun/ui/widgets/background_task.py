"""A slow service call off the GUI thread behind a modal "please wait" dialog.

STYLE.md: work longer than ~100 ms (backups, restores, imports) must not freeze the window.
The thread work is :func:`dangqun.ui.threads.run_in_background`; this adds the wait dialog the
user cannot dismiss. No cancel button: backups and restores are not safe to stop half-way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

from dangqun.ui.threads import run_in_background


class WaitDialog(QProgressDialog):
    """A busy indicator that the user cannot close while the job runs."""

    def __init__(self, parent: QWidget, title: str, label: str) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setCancelButton(None)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self._may_close = False

    def finish(self) -> None:
        self._may_close = True
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self._may_close:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            super().closeEvent(event)
        else:
            event.ignore()


class BackgroundTask(QObject):
    """``succeeded(result)`` or ``failed(exception)``, then ``finished()``, on the GUI thread.

    Every exception, expected or not, goes to ``failed``: the caller decides how to show it.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self, parent: QWidget, function: Callable[[], Any], title: str, label: str
    ) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._function = function
        self._title = title
        self._label = label
        self.dialog: WaitDialog | None = None
        self.running = False

    def start(self) -> None:
        if self.running:
            raise RuntimeError("task already running")
        self.running = True
        self.dialog = WaitDialog(self._parent_widget, self._title, self._label)
        self.dialog.show()
        function = self._function
        run_in_background(
            self,
            lambda _report_progress: function(),
            on_success=self._on_succeeded,
            on_failure=self._on_failed,
        )

    def _end(self) -> None:
        self.running = False
        if self.dialog is not None:
            self.dialog.finish()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._end()
        self.failed.emit(error)
        self.finished.emit()
