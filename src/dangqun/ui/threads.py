"""Run a slow call on the thread pool and get its outcome back on the GUI thread.

STYLE.md: work longer than ~100 ms (backups, demo data) runs off the GUI thread. The function
runs on ``QThreadPool.globalInstance()``; results, failures and progress come back through
signals of a QObject that lives on the GUI thread, so the callbacks may touch widgets.

An unexpected exception (not a :class:`DangqunError`) from the function goes to
``sys.excepthook`` when no failure callback is given: it is logged and shown like any crash
instead of vanishing with the worker thread (QThreadPool threads bypass ``threading.excepthook``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

ProgressCallback = Callable[[int, int], None]


class BackgroundCall(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    finished = Signal()

    # Emitted from the worker thread; being signals of a GUI-thread object, they are queued.
    _result_ready = Signal(object)
    _error_raised = Signal(object)
    _progress_reported = Signal(int, int)

    def __init__(
        self,
        function: Callable[[ProgressCallback], Any],
        parent: QObject,
        handles_failure: bool = False,
    ) -> None:
        super().__init__(parent)
        self._function = function
        self._handles_failure = handles_failure
        self.running = False
        self._result_ready.connect(self._on_result)
        self._error_raised.connect(self._on_error)
        self._progress_reported.connect(self._on_progress)

    def start(self) -> BackgroundCall:
        self.running = True
        QThreadPool.globalInstance().start(QRunnable.create(self._run))
        return self

    def _run(self) -> None:
        try:
            result = self._function(self._progress_reported.emit)
        except BaseException as error:
            self._error_raised.emit(error)
        else:
            self._result_ready.emit(result)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        self.running = False
        self.succeeded.emit(result)
        self.finished.emit()
        self.deleteLater()

    @Slot(object)
    def _on_error(self, error: BaseException) -> None:
        self.running = False
        if self._handles_failure:
            self.failed.emit(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)
        self.finished.emit()
        self.deleteLater()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)


def run_in_background(
    parent: QObject,
    function: Callable[[ProgressCallback], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: ProgressCallback | None = None,
) -> BackgroundCall:
    """Start ``function(report_progress)``; the callbacks run on the GUI thread."""
    call = BackgroundCall(function, parent, handles_failure=on_failure is not None)
    if on_success is not None:
        call.succeeded.connect(on_success)
    if on_failure is not None:
        call.failed.connect(on_failure)
    if on_progress is not None:
        call.progressed.connect(on_progress)
    return call.start()
