"""The GUI entry point: ``dangqun-gui`` runs :func:`main`; ``dangqun`` with no command runs
:func:`run_gui`.

Start-up order: QApplication with translators, theme and font → exception hook → open the data
directory (lock, checks, migrations; a refusal is shown in Chinese and the exit code is 1) →
first-run wizard when the directory is new → login → main window → daily backup off the GUI
thread. On the way out: wait for background work, back up ("exit" kind), close the database
and release the lock.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dangqun.bootstrap import Application, backup_on_exit, is_initialized, open_application
from dangqun.core.errors import DangqunError
from dangqun.core.paths import resolve_data_paths
from dangqun.core.settings import FONT_POINT_SIZE, read_setting
from dangqun.ui.context import open_ui_state
from dangqun.ui.dialogs.first_run_wizard import FirstRunWizard
from dangqun.ui.dialogs.login_dialog import LAST_USERNAME_KEY
from dangqun.ui.exception_hook import ExceptionReporter
from dangqun.ui.session import SessionController
from dangqun.ui.startup import apply_appearance, configure_qt_application, create_qt_application

EXIT_OK = 0
EXIT_FAILED = 1

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dangqun-gui", description="党群服务中心工作台（图形界面）"
    )
    parser.add_argument("--data-dir", help="数据目录（默认取环境变量 DANGQUN_DATA_DIR）")
    arguments, qt_arguments = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    return run_gui(arguments.data_dir, qt_arguments)


def run_gui(data_dir: str | None, qt_arguments: Sequence[str] = ()) -> int:
    """Run the whole GUI over ``data_dir`` (None: environment variable or platform default)."""
    program = sys.argv[0] if sys.argv and sys.argv[0] else "dangqun"
    qt_application = create_qt_application([program, *qt_arguments])
    configure_qt_application(qt_application)
    reporter = ExceptionReporter(qt_application).install()
    try:
        try:
            application = open_application(resolve_data_paths(data_dir))
        except DangqunError as error:
            log.error("start-up refused: %s", error.message)
            show_startup_error(error.message)
            return EXIT_FAILED
        try:
            return run_session(qt_application, application)
        finally:
            QThreadPool.globalInstance().waitForDone()
            application.close()
    finally:
        reporter.uninstall()


def show_startup_error(message: str) -> None:
    """The one message box shown before any window: second instance, read-only folder …"""
    QMessageBox.critical(
        None, QCoreApplication.translate("Startup", "The workbench cannot start"), message
    )


def run_session(qt_application: QApplication, application: Application) -> int:
    """Wizard if needed, then sign-in and the main window until the user quits."""
    database = application.database
    apply_appearance(qt_application, int(read_setting(database, FONT_POINT_SIZE)))
    if not is_initialized(database):
        wizard = FirstRunWizard(database)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.center is None:
            return EXIT_OK
        ui_state = open_ui_state(application)
        ui_state.setValue(LAST_USERNAME_KEY, wizard.answers().admin_username.strip())
        ui_state.sync()
    qt_application.setQuitOnLastWindowClosed(False)
    controller = SessionController(application)
    controller.finished.connect(qt_application.quit)
    controller.start()
    exit_code = qt_application.exec()
    controller.shutdown()
    QThreadPool.globalInstance().waitForDone()
    try:
        backup = backup_on_exit(application)
        log.info("exit backup written to %s", backup.path)
    except DangqunError as error:
        log.error("exit backup failed: %s", error.message)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
