"""The GUI: :func:`run_gui`, started by ``dangqun`` with no command and by ``dangqun-gui``
(both through :func:`dangqun.cli.start_gui`).

Start-up order, fastest path first (``dangqun.opening``): QApplication → exception hook → claim
the data directory (folders, lock, file checks; a refusal is shown in Chinese and the exit code
is 1) → translators, theme and the center's font size → the main window with its sign-in card,
while the database opens on a worker thread → main window after sign-in → daily backup
off the GUI thread. A new directory (first-run wizard) or an old schema (backup + migration)
opens the database first, on the GUI thread. On the way out: wait for background work, back up
("exit" kind), close the database and release the lock.

This module is on the start-up path, before SQLAlchemy is imported: what needs the ORM is
imported where the slow paths use it. ``tests/ui/test_start_up_path.py`` keeps it so.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication

from dangqun.core.errors import DangqunError
from dangqun.core.paths import resolve_data_paths
from dangqun.opening import ClaimedDirectory, claim_data_directory, read_opening_facts
from dangqun.ui.exception_hook import ExceptionReporter
from dangqun.ui.session import SessionController
from dangqun.ui.startup import (
    DEFAULT_FONT_POINT_SIZE,
    apply_appearance,
    choose_backup_instead_of_new_center,
    configure_qt_application,
    create_qt_application,
)

if TYPE_CHECKING:
    from dangqun.bootstrap import Application

EXIT_OK = 0
EXIT_FAILED = 1

log = logging.getLogger(__name__)


def run_gui(data_dir: str | None, qt_arguments: Sequence[str] = ()) -> int:
    """Run the whole GUI over ``data_dir`` (None: environment variable or platform default)."""
    program = sys.argv[0] if sys.argv and sys.argv[0] else "dangqun"
    qt_application = create_qt_application([program, *qt_arguments])
    reporter = ExceptionReporter(qt_application).install()
    try:
        try:
            claimed = claim_data_directory(resolve_data_paths(data_dir))
        except DangqunError as error:
            configure_qt_application(qt_application)
            return refuse_start(error)
        controller: SessionController | None = None
        try:
            controller = start_session(qt_application, claimed)
            if controller is None:  # the first-run wizard was cancelled
                return EXIT_OK
            if controller.main_window is not None:
                controller.main_window.on_screen.connect(resume_garbage_collection)
            exit_code = qt_application.exec()
            return finish_session(controller, exit_code)
        except DangqunError as error:
            return refuse_start(error)
        finally:
            QThreadPool.globalInstance().waitForDone()
            application = None if controller is None else controller.application
            if application is not None:
                application.close()
            else:
                claimed.lock.release()
    finally:
        reporter.uninstall()
        resume_garbage_collection()


def resume_garbage_collection() -> None:
    """Resume the collector :func:`dangqun.cli.start_gui` paused, once the window is up.

    One collection frees what start-up left behind; the survivors — modules, classes, the
    window, all living as long as the app — then move out of every future collection
    (``gc.freeze``), so later collections no longer walk them.
    """
    if not gc.isenabled():
        gc.collect()
        gc.freeze()
        gc.enable()


def refuse_start(error: DangqunError) -> int:
    log.error("start-up refused: %s", error.message)
    show_startup_error(error.message)
    return EXIT_FAILED


def show_startup_error(message: str) -> None:
    """The one message box shown before any window: second instance, read-only folder …"""
    from PySide6.QtWidgets import QMessageBox  # only when start-up is refused

    QMessageBox.critical(
        None, QCoreApplication.translate("Startup", "The workbench cannot start"), message
    )


def start_session(
    qt_application: QApplication, claimed: ClaimedDirectory
) -> SessionController | None:
    """Show the main window and the sign-in; None when the first-run wizard was cancelled.

    A migrated, registered center takes the fast path: its database opens behind the sign-in.
    Otherwise the database is opened here — migration, or the wizard, needs it at once.
    """
    facts = None if claimed.needs_migration else read_opening_facts(claimed.paths.database)
    font_size = DEFAULT_FONT_POINT_SIZE if facts is None else facts.font_point_size
    configure_qt_application(qt_application, font_size)
    if facts is not None and facts.initialized:
        controller = SessionController(claimed.paths, facts, partial(open_database, claimed))
    else:
        resume_garbage_collection()  # a migration or the wizard's demo data may make garbage
        application = open_and_register(claimed)
        if application is None:
            return None
        controller = SessionController.for_open_application(application)
        apply_appearance(qt_application, controller.facts.font_point_size)
    qt_application.setQuitOnLastWindowClosed(False)
    controller.finished.connect(qt_application.quit)
    controller.start()
    return controller


def open_database(claimed: ClaimedDirectory) -> Application:
    """Step 2 of :mod:`dangqun.opening`; run by the session on a worker thread, so SQLAlchemy
    and the models are imported there, not on the way to the first window."""
    from dangqun.bootstrap import finish_opening

    return finish_opening(claimed)


def open_and_register(claimed: ClaimedDirectory) -> Application | None:
    """Open the database now; run the first-run wizard if the center is not registered yet.

    A missing or empty database beside backups is offered the newest backup first (issue 10);
    a refused restore (damaged file …) ends the start with its reason, data untouched.
    """
    from PySide6.QtWidgets import QDialog

    from dangqun.bootstrap import is_initialized, missing_database_backup, restore_from_file
    from dangqun.core.security import system_actor
    from dangqun.ui.context import open_ui_state
    from dangqun.ui.dialogs.first_run_wizard import FirstRunWizard
    from dangqun.ui.sign_in_panel import LAST_USERNAME_KEY

    chosen_backup = None
    newest = missing_database_backup(claimed.paths)
    if newest is not None:  # issue 10: a lost database is restored, not silently replaced
        chosen_backup = choose_backup_instead_of_new_center(newest)
    application = open_database(claimed)
    if chosen_backup is not None:
        try:
            restore_from_file(application, system_actor("恢复备份"), chosen_backup)
        except BaseException:
            application.close()
            raise
    if is_initialized(application.database):
        return application
    wizard = FirstRunWizard(application.database)
    if wizard.exec() != QDialog.DialogCode.Accepted or wizard.center is None:
        application.close()
        return None
    ui_state = open_ui_state(application.paths)
    ui_state.setValue(LAST_USERNAME_KEY, wizard.answers().admin_username.strip())
    ui_state.sync()
    return application


def finish_session(controller: SessionController, exit_code: int) -> int:
    """After the event loop: the exit backup, unless the database never opened."""
    from dangqun.bootstrap import backup_on_exit  # ORM: the database is open if we back up

    controller.shutdown()
    application = controller.application
    if controller.failed:
        return EXIT_FAILED
    if application is None:
        return exit_code
    try:
        backup = backup_on_exit(application)
        log.info("exit backup written to %s", backup.path)
    except DangqunError as error:
        log.error("exit backup failed: %s", error.message)
    return exit_code
