"""One GUI run over an opened data directory: sign in → work → lock / log out → sign in again.

The controller owns what outlives a single window: the ui-state file, the application events,
the idle watcher and the daily backup started after the first sign-in. Windows ask for session
changes with signals and never create each other, so each can be tested alone.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from dangqun.bootstrap import Application, run_automatic_backup_if_due
from dangqun.core.backup import BackupFile
from dangqun.core.center import center_info
from dangqun.core.errors import DangqunError
from dangqun.core.security import Actor
from dangqun.core.settings import IDLE_LOCK_MINUTES, read_setting
from dangqun.core.users import record_logout
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.dialogs.lock_dialog import LockDialog
from dangqun.ui.dialogs.login_dialog import LoginDialog
from dangqun.ui.idle_lock import IdleWatcher
from dangqun.ui.main_window import MainWindow
from dangqun.ui.startup import apply_appearance
from dangqun.ui.threads import run_in_background

log = logging.getLogger(__name__)

MILLISECONDS_PER_MINUTE = 60_000


class SessionController(QObject):
    finished = Signal()
    """The user quit (closed the main window, chose 退出, or cancelled the login)."""

    def __init__(
        self,
        application: Application,
        idle_timeout_milliseconds: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``idle_timeout_milliseconds`` overrides the idle-lock setting (tests use a few ms)."""
        super().__init__(parent)
        self.application = application
        self.ui_state = open_ui_state(application)
        self.events = AppEvents(self)
        self.context: UiContext | None = None
        self.login_dialog: LoginDialog | None = None
        self.main_window: MainWindow | None = None
        self.lock_dialog: LockDialog | None = None
        self._fixed_idle_timeout = idle_timeout_milliseconds
        self._ending_session = False
        self._automatic_backup_started = False
        self.idle_watcher = IdleWatcher(self.idle_timeout_milliseconds(), self)
        self.idle_watcher.idle.connect(self._lock_after_idle)
        self.events.font_size_changed.connect(self._apply_font_size)
        self.events.data_changed.connect(self._on_data_changed)

    # -- signing in -------------------------------------------------------------------------

    def start(self) -> None:
        self.show_login()

    def show_login(self) -> LoginDialog:
        dialog = LoginDialog(
            self.application.database, self.ui_state, center_info(self.application.database).name
        )
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(self._login_cancelled)
        self.login_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _login_cancelled(self) -> None:
        self._forget_login_dialog()
        self.finished.emit()

    def _forget_login_dialog(self) -> None:
        if self.login_dialog is not None:
            self.login_dialog.deleteLater()
            self.login_dialog = None

    def _signed_in(self, actor: Actor) -> None:
        self._forget_login_dialog()
        self.context = UiContext(self.application, actor, self.ui_state, self.events)
        window = MainWindow(self.context)
        window.lock_requested.connect(self.lock)
        window.log_out_requested.connect(self.log_out)
        window.restore_completed.connect(self._after_restore)
        window.closed.connect(self._main_window_closed)
        self.main_window = window
        window.show()
        self.idle_watcher.set_timeout(self.idle_timeout_milliseconds())
        self.idle_watcher.start()
        if not self._automatic_backup_started:
            self._automatic_backup_started = True
            self._start_automatic_backup()

    # -- locking ----------------------------------------------------------------------------

    def idle_timeout_milliseconds(self) -> int:
        if self._fixed_idle_timeout is not None:
            return self._fixed_idle_timeout
        return self.idle_minutes() * MILLISECONDS_PER_MINUTE

    def idle_minutes(self) -> int:
        return int(read_setting(self.application.database, IDLE_LOCK_MINUTES))

    def _lock_after_idle(self) -> None:
        self.lock(idle_minutes=self.idle_minutes())

    def lock(self, idle_minutes: int | None = None) -> LockDialog | None:
        window, context = self.main_window, self.context
        if window is None or context is None or self.lock_dialog is not None:
            return self.lock_dialog
        self.idle_watcher.stop()
        window.set_locked(True)
        dialog = LockDialog(self.application.database, context.actor, idle_minutes, window)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.unlocked.connect(self._unlocked)
        dialog.log_out_requested.connect(self.log_out)
        self.lock_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        log.info("workbench locked (%s)", "idle" if idle_minutes else "by the user")
        return dialog

    def _unlocked(self) -> None:
        self._forget_lock_dialog()
        if self.main_window is not None:
            self.main_window.set_locked(False)
            self.idle_watcher.start()

    def _forget_lock_dialog(self) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.deleteLater()
            self.lock_dialog = None

    # -- logging out and quitting -----------------------------------------------------------

    def log_out(self) -> None:
        self._end_session(record=True)
        self.show_login()

    def _after_restore(self) -> None:
        """The database was replaced: the signed-in account may not exist in it any more."""
        self._end_session(record=False)
        self.show_login()

    def _end_session(self, record: bool) -> None:
        self.idle_watcher.stop()
        self._forget_lock_dialog()
        window, context = self.main_window, self.context
        if context is not None and record:
            self._record_logout()
        self.main_window = None
        self.context = None
        if window is not None:
            self._ending_session = True
            try:
                window.close()
            finally:
                self._ending_session = False
            window.deleteLater()

    def _record_logout(self) -> None:
        if self.context is None:
            return
        try:
            record_logout(self.application.database, self.context.actor)
        except DangqunError as error:  # the audit entry is not worth keeping a user waiting
            log.warning("logout not recorded: %s", error.message)

    def _main_window_closed(self) -> None:
        if self._ending_session:
            return
        self.idle_watcher.stop()
        self._forget_lock_dialog()
        self._record_logout()
        self.main_window = None
        self.context = None
        self.finished.emit()

    def shutdown(self) -> None:
        """Stop watching input; used when the event loop has ended."""
        self.idle_watcher.stop()

    # -- background backup, settings --------------------------------------------------------

    def _start_automatic_backup(self) -> None:
        if self.main_window is not None:
            self.main_window.show_status_message(self.tr("Checking today's automatic backup …"), 0)
        application = self.application
        run_in_background(
            self,
            lambda _progress: run_automatic_backup_if_due(application),
            on_success=self._automatic_backup_done,
            on_failure=self._automatic_backup_failed,
        )

    def _automatic_backup_done(self, backup: BackupFile | None) -> None:
        window = self.main_window
        if backup is not None:
            log.info("daily backup written to %s", backup.path)
            self.events.backup_taken.emit()
        if window is not None:
            if backup is not None:
                window.show_status_message(self.tr("Today's automatic backup is done."))
            else:
                window.ui.statusBar.clearMessage()

    def _automatic_backup_failed(self, error: BaseException) -> None:
        if not isinstance(error, DangqunError):
            sys.excepthook(type(error), error, error.__traceback__)
            return
        log.error("daily backup failed: %s", error.message)
        if self.main_window is not None:
            self.main_window.show_status_message(
                self.tr("Automatic backup failed: {reason}").format(reason=error.message), 0
            )

    def _apply_font_size(self, points: int) -> None:
        application = QApplication.instance()
        if isinstance(application, QApplication):
            apply_appearance(application, int(points))

    def _on_data_changed(self, entity: str) -> None:
        if entity in ("settings", "*") and self.idle_watcher.watching:
            self.idle_watcher.set_timeout(self.idle_timeout_milliseconds())
