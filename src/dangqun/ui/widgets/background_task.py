"""Run one slow service call off the GUI thread behind a modal "please wait" dialog.

STYLE.md: work longer than ~100 ms (backups, restores, imports) must not freeze the window.
The function runs on ``QThreadPool.globalInstance()``; its result or exception comes back on the
GUI thread through a queued signal. Only use it for calls that are safe to run concurrently with
a blocked GUI (they open their own sessions and return plain data). No cancel button: backups
and restores are not safe to interrupt half-way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._function = function
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._function()
        except BaseException as error:  # reported on the GUI thread, never swallowed
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


class WaitDialog(QProgressDialog):
    """A busy indicator that the user cannot dismiss while the job runs."""

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
    """``succeeded(result)`` or ``failed(exception)``, then ``finished()``, on the GUI thread."""

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
        self._relay = _Relay()
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)
        self._job: _Job | None = None
        self.dialog: WaitDialog | None = None
        self.running = False

    def start(self) -> None:
        if self.running:
            raise RuntimeError("task already running")
        self.running = True
        self.dialog = WaitDialog(self._parent_widget, self._title, self._label)
        self.dialog.show()
        self._job = _Job(self._function, self._relay)
        self._job.setAutoDelete(False)  # Python keeps it until the result has arrived
        QThreadPool.globalInstance().start(self._job)

    def _end(self) -> None:
        self.running = False
        self._job = None
        if self.dialog is not None:
            self.dialog.finish()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_succeeded(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, error: object) -> None:
        self._end()
        if not isinstance(error, Exception):
            log.error("background task ended by %r", error)
        self.failed.emit(error)
        self.finished.emit()
