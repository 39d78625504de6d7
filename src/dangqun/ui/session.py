"""One GUI run over a data directory: sign in → work → lock / log out → sign in again.

The controller owns what outlives a single sign-in: the main window, the ui-state file, the
application events, the idle watcher and the daily backup started after the first sign-in.
Windows ask for session changes with signals and never create each other, so each can be
tested alone.

Start-up (``dangqun.opening``): the main window with its sign-in card is shown first, from
facts read with sqlite3 alone; the database — SQLAlchemy, our models, the engine — is opened
on a worker thread while the user types. This module is on that path, so services that need
the ORM are imported in the methods that run once the database is open.
``tests/ui/test_start_up_path.py`` keeps it so.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from dangqun.core.backup import BackupFile
from dangqun.core.changes import BACKUP, SETTINGS, Changes
from dangqun.core.errors import DangqunError
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor, Authenticator
from dangqun.core.setting_definitions import IDLE_LOCK_MINUTES
from dangqun.opening import OpeningFacts, read_opening_facts
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.idle_lock import IdleWatcher
from dangqun.ui.main_window import MainWindow
from dangqun.ui.sign_in_panel import SignInPanel
from dangqun.ui.startup import apply_appearance
from dangqun.ui.threads import ProgressCallback, run_in_background
from dangqun.ui.widgets import message_boxes

if TYPE_CHECKING:
    from dangqun.bootstrap import Application
    from dangqun.ui.dialogs.lock_dialog import LockDialog

log = logging.getLogger(__name__)

MILLISECONDS_PER_MINUTE = 60_000
OPEN_AT_THE_LATEST_MILLISECONDS = 1_000

ApplicationOpener = Callable[[], "Application"]
"""Opens the database (step 2 of ``dangqun.opening``); runs on a worker thread."""


def _open_on_worker(opener: ApplicationOpener, _progress: ProgressCallback) -> Application:
    return opener()


def _already_open(application: Application) -> Application:
    return application


def _authenticate(application: Application, username: str, password: str) -> Actor:
    from dangqun.core.users import authenticate  # ORM: imported once the database is open

    return authenticate(application.database, username, password)


class SessionController(QObject):
    finished = Signal()
    """The user quit (closed the main window, or chose 退出 in the menu or on the sign-in
    card), or the database could not be opened (:attr:`failed`)."""

    def __init__(
        self,
        paths: DataPaths,
        facts: OpeningFacts,
        opener: ApplicationOpener,
        idle_timeout_milliseconds: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``idle_timeout_milliseconds`` overrides the idle-lock setting (tests use a few ms)."""
        super().__init__(parent)
        self.paths = paths
        self.facts = facts
        self._opener = opener
        self.application: Application | None = None
        self.failed = False
        self.ui_state = open_ui_state(paths)
        self.events = AppEvents(self)
        self.context: UiContext | None = None
        self.main_window: MainWindow | None = None
        self.lock_dialog: LockDialog | None = None
        self._closed_window: MainWindow | None = None
        self._fixed_idle_timeout = idle_timeout_milliseconds
        self._shut_down = False
        self._opening_started = False
        self._automatic_backup_started = False
        self.idle_watcher = IdleWatcher(idle_timeout_milliseconds or MILLISECONDS_PER_MINUTE, self)
        self.idle_watcher.idle.connect(self._lock_after_idle)
        self.events.font_size_changed.connect(self._apply_font_size)
        self.events.subscribe(self, (SETTINGS,), self._on_settings_changed)

    @classmethod
    def for_open_application(
        cls, application: Application, idle_timeout_milliseconds: int | None = None
    ) -> SessionController:
        """A session over a database that is already open (after the first-run wizard, tests)."""
        return cls(
            application.paths,
            read_opening_facts(application.paths.database),
            partial(_already_open, application),
            idle_timeout_milliseconds,
        )

    # -- starting: the window first, the database behind it --------------------------------

    def start(self) -> MainWindow:
        window = MainWindow(self.paths, self.facts, self.ui_state, self.events)
        window.lock_requested.connect(self.lock)
        window.log_out_requested.connect(self.log_out)
        window.restore_completed.connect(self._after_restore)
        window.closed.connect(self._main_window_closed)
        window.sign_in_panel.signed_in.connect(self._signed_in)
        window.sign_in_panel.quit_requested.connect(window.close)
        self.main_window = window
        # Opening the database competes with painting for the interpreter, so it starts once
        # the window is on screen — or after a moment if it is never painted (minimized).
        window.on_screen.connect(self._begin_opening)
        QTimer.singleShot(OPEN_AT_THE_LATEST_MILLISECONDS, self._begin_opening)
        window.show()
        window.activateWindow()
        return window

    def _begin_opening(self) -> None:
        if self._opening_started:
            return
        self._opening_started = True
        run_in_background(
            self,
            partial(_open_on_worker, self._opener),
            on_success=self._database_opened,
            on_failure=self._database_failed,
        )

    @property
    def database_open(self) -> bool:
        return self.application is not None

    def _database_opened(self, application: Application) -> None:
        self.application = application
        if self._shut_down:
            return
        log.info("database opened behind the sign-in")
        if self.main_window is not None:  # while the password is typed, not after 登录
            self.main_window.prepare_workspace()
        if self.sign_in_panel is not None:
            self.sign_in_panel.set_authenticator(self._authenticator(application))

    def _database_failed(self, error: BaseException) -> None:
        """A refusal (damaged file, full disk during migration …) ends the run with its reason."""
        if isinstance(error, DangqunError):
            message = error.message
            log.error("database could not be opened: %s", message)
        else:
            log.error(
                "database could not be opened", exc_info=(type(error), error, error.__traceback__)
            )
            message = self.tr(
                "The database could not be opened ({error}). The details were written to the "
                "log file; please tell your technical support."
            ).format(error=error)
        self.failed = True
        if self._shut_down:
            return
        message_boxes.show_error(self.main_window, self.tr("The workbench cannot start"), message)
        self.finished.emit()

    @staticmethod
    def _authenticator(application: Application) -> Authenticator:
        """Checks against ``application.database`` as it is at sign-in time (a restore
        replaces it)."""
        return partial(_authenticate, application)

    # -- signing in -------------------------------------------------------------------------

    @property
    def sign_in_panel(self) -> SignInPanel | None:
        """The sign-in card on the window's cover (visible whenever nobody is signed in)."""
        return None if self.main_window is None else self.main_window.sign_in_panel

    def _signed_in(self, actor: Actor) -> None:
        application, window = self.application, self.main_window
        assert application is not None and window is not None  # only an open database signs in
        self.context = UiContext(application, actor, self.ui_state, self.events)
        window.begin_session(self.context)
        window.activateWindow()
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
        from dangqun.core.settings import read_setting  # ORM: the database is open by now

        assert self.application is not None
        return int(read_setting(self.application.database, IDLE_LOCK_MINUTES))

    def _lock_after_idle(self) -> None:
        self.lock(idle_minutes=self.idle_minutes())

    def lock(self, idle_minutes: int | None = None) -> LockDialog | None:
        window, context = self.main_window, self.context
        if window is None or context is None or self.lock_dialog is not None:
            return self.lock_dialog
        from PySide6.QtCore import Qt  # neither is needed for the first window

        from dangqun.ui.dialogs.lock_dialog import LockDialog

        self.idle_watcher.stop()
        window.set_locked(True)
        dialog = LockDialog(
            self._authenticator(context.application), context.actor, idle_minutes, window
        )
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
        """Back to the sign-in card, in the same window, for a colleague."""
        self._end_session(record=True)

    def _after_restore(self) -> None:
        """The database was replaced: the signed-in account may not exist in it any more."""
        self._end_session(record=False)

    def _end_session(self, record: bool) -> None:
        self.idle_watcher.stop()
        self._forget_lock_dialog()
        if record:
            self._record_logout()
        self.context = None
        if self.main_window is not None:
            self.main_window.end_session()

    def _record_logout(self) -> None:
        from dangqun.core.users import record_logout  # ORM: only a session logs out

        if self.context is None:
            return
        try:
            record_logout(self.context.application.database, self.context.actor)
        except DangqunError as error:  # the audit entry is not worth keeping a user waiting
            log.warning("logout not recorded: %s", error.message)

    def _main_window_closed(self) -> None:
        self.idle_watcher.stop()
        self._forget_lock_dialog()
        self._record_logout()
        # We may be inside one of the window's own signals (退出 on the sign-in card): dropping
        # the last reference now would delete it mid-emission. Qt deletes it once back in the
        # event loop; until then this reference keeps the wrapper alive.
        self._closed_window = self.main_window
        if self._closed_window is not None:
            self._closed_window.deleteLater()
        self.main_window = None
        self.context = None
        self.finished.emit()

    def shutdown(self) -> None:
        """The event loop has ended: stop watching input and collect a database still opening.

        Its outcome is delivered by a queued signal, which needs the posted events sent once
        the worker is done; nothing on screen reacts any more.
        """
        self._shut_down = True
        self.idle_watcher.stop()
        QThreadPool.globalInstance().waitForDone()
        QCoreApplication.sendPostedEvents()

    # -- background backup, settings --------------------------------------------------------

    def _start_automatic_backup(self) -> None:
        from dangqun.bootstrap import run_automatic_backup_if_due  # ORM: the database is open

        if self.main_window is not None:
            self.main_window.show_status_message(self.tr("Checking today's automatic backup …"), 0)
        application = self.application
        assert application is not None
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
            self.events.announce(Changes.of(BACKUP))
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

    def _on_settings_changed(self, _changes: Changes) -> None:
        if self.idle_watcher.watching:
            self.idle_watcher.set_timeout(self.idle_timeout_milliseconds())
