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
    """One call on the thread pool; deletes itself once its outcome has been delivered.

    The callbacks are kept as plain attributes and called from this object's own slots instead
    of being connected to signals: PySide wraps a connected closure in a hidden receiver object,
    and such receivers outliving their sender have crashed the test suite.
    """

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
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        super().__init__(parent)
        self._function = function
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress_callback = on_progress
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
        try:
            if self._on_success is not None:
                self._on_success(result)
            self.succeeded.emit(result)
        finally:
            self._done()

    @Slot(object)
    def _on_error(self, error: BaseException) -> None:
        self.running = False
        try:
            if self._on_failure is not None:
                self._on_failure(error)
            else:
                sys.excepthook(type(error), error, error.__traceback__)
            self.failed.emit(error)
        finally:
            self._done()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._on_progress_callback is not None:
            self._on_progress_callback(done, total)
        self.progressed.emit(done, total)

    def _done(self) -> None:
        self.finished.emit()
        self._on_success = self._on_failure = self._on_progress_callback = None
        self.deleteLater()


def run_in_background(
    parent: QObject,
    function: Callable[[ProgressCallback], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: ProgressCallback | None = None,
) -> BackgroundCall:
    """Start ``function(report_progress)``; the callbacks run on the GUI thread.

    Without ``on_failure``, an exception goes to ``sys.excepthook`` (logged and shown).
    """
    return BackgroundCall(function, parent, on_success, on_failure, on_progress).start()
