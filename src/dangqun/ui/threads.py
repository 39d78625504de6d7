"""Run a slow call on the thread pool and get its outcome back on the GUI thread.

STYLE.md: work longer than ~100 ms (backups, demo data) runs off the GUI thread. The function
runs on ``QThreadPool.globalInstance()``; results, failures and progress come back through
signals of a QObject that lives on the GUI thread, so the callbacks may touch widgets.

An unexpected exception (not a :class:`DangqunError`) from the function goes to
``sys.excepthook`` when no failure callback is given: it is logged and shown like any crash
instead of vanishing with the worker thread (QThreadPool threads bypass ``threading.excepthook``).

The worker never touches the :class:`BackgroundCall`, which belongs to a page and dies with it:
it emits on a :class:`_Relay` owned by the application object until its outcome is delivered. A
page closed while its query still runs simply never hears the answer — emitting on a deleted
object from a worker thread corrupted memory and crashed the interpreter at exit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

ProgressCallback = Callable[[int, int], None]


class _Relay(QObject):
    """The worker's end: a GUI-thread object owned by the application until delivery."""

    result_ready = Signal(object)
    error_raised = Signal(object)
    progress_reported = Signal(int, int)

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())

    @Slot(object)
    def release(self, _outcome: object) -> None:
        self.deleteLater()


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

    def __init__(
        self,
        function: Callable[[ProgressCallback], Any],
        parent: QObject,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        super().__init__(parent)
        self._function: Callable[[ProgressCallback], Any] | None = function
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress_callback = on_progress
        self.running = False

    def start(self) -> BackgroundCall:
        relay = _Relay()
        # Queued across threads; Qt drops these connections if this call is destroyed first.
        relay.progress_reported.connect(self._on_progress)
        relay.error_raised.connect(self._on_error)
        relay.result_ready.connect(self._on_result)
        # Connected last, so it runs after the call's slots; deleteLater waits for the loop.
        relay.error_raised.connect(relay.release)
        relay.result_ready.connect(relay.release)
        self.running = True
        function = self._function
        if function is None:
            raise RuntimeError("a BackgroundCall runs only once")
        self._function = None
        QThreadPool.globalInstance().start(QRunnable.create(partial(_run, function, relay)))
        return self

    @Slot(object)
    def _on_result(self, result: object) -> None:
        self.running = False
        try:
            if self._on_success is not None:
                self._on_success(result)
            if isValid(self):
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
            if isValid(self):
                self.failed.emit(error)
        finally:
            self._done()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._on_progress_callback is not None:
            self._on_progress_callback(done, total)
        self.progressed.emit(done, total)

    def _done(self) -> None:
        self._on_success = self._on_failure = self._on_progress_callback = None
        # A callback may have closed the window this call belongs to, and Qt may have deleted
        # it (and this child) already: then there is nobody left to tell, nothing to delete.
        if not isValid(self):
            return
        self.finished.emit()
        if isValid(self):
            self.deleteLater()


def _run(function: Callable[[ProgressCallback], Any], relay: _Relay) -> None:
    """The worker thread's whole job: call, then hand the outcome to the relay."""
    try:
        result = function(relay.progress_reported.emit)
    except BaseException as error:
        relay.error_raised.emit(error)
    else:
        relay.result_ready.emit(result)


def run_in_background(
    parent: QObject,
    function: Callable[[ProgressCallback], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: ProgressCallback | None = None,
) -> BackgroundCall:
    """Start ``function(report_progress)``; the callbacks run on the GUI thread.

    ``function`` must hold no widget (no bound method of a page, no closure over one): the
    worker thread drops the last reference to it, and a widget freed off the GUI thread
    corrupts Qt. Pass plain values — the Application, ids, query objects — with partial().

    Without ``on_failure``, an exception goes to ``sys.excepthook`` (logged and shown).
    """
    return BackgroundCall(function, parent, on_success, on_failure, on_progress).start()
