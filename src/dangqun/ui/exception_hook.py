"""Unhandled exceptions are logged and shown, and the application keeps running.

Without a hook, an exception in a slot prints to a console nobody sees (a GUI-script has none
on Windows) and a worker thread's exception vanishes; worse, PySide may abort the process. The
front desk must instead see a calm Chinese message, and support must find the traceback in
``<data dir>/logs/dangqun.log`` (configured by :func:`dangqun.bootstrap.open_application`).

Both hooks may run on any thread; the dialog is always shown from the GUI thread's event loop,
by an event posted to the reporter (thread-safe, and never delivered inside the failing call).
While the dialog is open, further errors are added to it instead of stacking dialogs.

The report — logged, shown, copied — is redacted (:func:`dangqun.core.logging_setup.
redact_personal_data`): an exception's text may quote a statement's parameters or a row's
values, and a crash report is mailed to support (issue 10).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtWidgets import QApplication

from dangqun import __version__
from dangqun.core.logging_setup import redact_personal_data

if TYPE_CHECKING:  # the dialog's module loads with the first error, not on the way to the window
    from dangqun.ui.dialogs.error_dialog import ErrorDialog

log = logging.getLogger("dangqun.crash")

_SHOW_REPORTS = QEvent.Type(QEvent.registerEventType())


def current_log_file() -> str | None:
    """The file the root logger writes to, as configured by ``configure_logging``."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "dangqun_handler", False):
            return str(getattr(handler, "baseFilename", "")) or None
    return None


def format_exception(
    exception_type: type[BaseException],
    exception: BaseException,
    exception_traceback: TracebackType | None,
    thread_name: str | None = None,
) -> str:
    where = f" (thread {thread_name})" if thread_name else ""
    header = f"dangqun {__version__}, Python {sys.version.split()[0]}{where}\n"
    body = "".join(traceback.format_exception(exception_type, exception, exception_traceback))
    return redact_personal_data(header + body)


class ExceptionReporter(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook``; shows :class:`ErrorDialog`."""

    def __init__(self, parent: QObject | None = None, show_dialog: bool = True) -> None:
        super().__init__(parent)
        self.show_dialog = show_dialog
        self.dialog: ErrorDialog | None = None
        self.reported: list[str] = []
        self._to_show: list[str] = []
        self._to_show_lock = threading.Lock()
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._installed = False

    def install(self) -> ExceptionReporter:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle_exception
        threading.excepthook = self.handle_thread_exception
        self._installed = True
        return self

    def uninstall(self) -> None:
        if self._installed:
            sys.excepthook = self._previous_hook
            threading.excepthook = self._previous_thread_hook
            self._installed = False

    def handle_exception(
        self,
        exception_type: type[BaseException],
        exception: BaseException,
        exception_traceback: TracebackType | None,
    ) -> None:
        if issubclass(exception_type, KeyboardInterrupt):
            sys.__excepthook__(exception_type, exception, exception_traceback)
            return
        self._record(format_exception(exception_type, exception, exception_traceback))

    def handle_thread_exception(self, arguments: threading.ExceptHookArgs) -> None:
        if arguments.exc_value is None or issubclass(arguments.exc_type, SystemExit):
            return
        thread_name = arguments.thread.name if arguments.thread is not None else None
        self._record(
            format_exception(
                arguments.exc_type, arguments.exc_value, arguments.exc_traceback, thread_name
            )
        )

    def _record(self, details: str) -> None:
        with contextlib.suppress(Exception):  # logging must never turn one error into two
            log.critical("unhandled exception:\n%s", details)
        self.reported.append(details)
        if self.show_dialog and QApplication.instance() is not None:
            with self._to_show_lock:
                self._to_show.append(details)
            QCoreApplication.postEvent(self, QEvent(_SHOW_REPORTS))
        else:
            sys.stderr.write(details)

    def customEvent(self, event: QEvent) -> None:
        if event.type() != _SHOW_REPORTS:
            return
        with self._to_show_lock:
            to_show, self._to_show = self._to_show, []
        for details in to_show:
            self._show(details)

    def _show(self, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_error(details)
            return
        # Qt's namespace and the dialog load with the first error: the first window needs neither.
        from PySide6.QtCore import Qt

        from dangqun.ui.dialogs.error_dialog import ErrorDialog

        self.dialog = ErrorDialog(details, current_log_file(), QApplication.activeWindow())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None
