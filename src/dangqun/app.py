"""The GUI: :func:`run_gui`, started by ``dangqun`` with no command and by ``dangqun-gui``
(both through :func:`dangqun.cli.start_gui`).

Start-up order, fastest path first (``dangqun.opening``): on Linux, a display and the xcb
plugin's libraries (else a Chinese message and exit 1, never Qt's abort) → QApplication →
exception hook → claim the data directory (folders, lock, file checks; a refusal is shown in
Chinese and the exit code is 1) → translators, theme and the center's font size → the main window with its sign-in card,
while the database opens on a worker thread → main window after sign-in → daily backup
off the GUI thread. A new directory (first-run wizard) or an old schema (backup + migration)
opens the database first, on the GUI thread. On the way out: wait for background work, back up
("exit" kind), close the database and release the lock.

This module is on the start-up path, before SQLAlchemy is imported: what needs the ORM is
imported where the slow paths use it. ``tests/ui/test_start_up_path.py`` keeps it so.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import re
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
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


QT_SYSTEM_PACKAGES = (
    "libegl1 libgl1 libglib2.0-0 libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 "
    "libxcb-keysyms1 libxcb-shape0 fontconfig fonts-noto-cjk"
)
"""The Debian/UOS/Kylin packages Qt's xcb platform plugin of PySide6 needs beyond what those
systems always have (its NEEDED libraries and theirs, ``readelf -d libqxcb.so``), and a Chinese
font; the README's apt line says the same (``tests/integration/test_no_display.py``)."""

NO_DISPLAY_HELP = (
    "没有可用的图形显示（环境变量 DISPLAY 和 WAYLAND_DISPLAY 都没有设置），无法打开工作台窗口。\n"
    "请在桌面环境中启动；通过 SSH 登录时请用 ssh -X，"
    "在没有显示器的电脑上可以用 xvfb-run 启动。\n"
    "命令行功能不需要显示器：.venv/bin/dangqun --help 列出全部命令。"
)


def run_gui(data_dir: str | None, qt_arguments: Sequence[str] = ()) -> int:
    """Run the whole GUI over ``data_dir`` (None: environment variable or platform default)."""
    problem = display_problem()
    if problem is not None:
        print(f"错误：{problem}", file=sys.stderr)
        return EXIT_FAILED
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


def display_problem() -> str | None:
    """Why Qt could not open a window on this Linux machine, in Chinese, or None.

    Without a display, or with a system library of the xcb platform plugin missing, Qt prints
    "could not load the Qt platform plugin" and aborts (exit 134, a core dump): a front desk
    reads nothing it can act on (issue 11, "without a display, dangqun dies"). This asks first,
    in about a millisecond: loading the plugin here loads what Qt would load a moment later, and
    the test connection to the X server is the one Qt makes anyway. An explicit
    ``QT_QPA_PLATFORM`` (offscreen, wayland …) and other systems are left to Qt.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not os.environ.get("DISPLAY"):
        return None if os.environ.get("WAYLAND_DISPLAY") else NO_DISPLAY_HELP
    if os.environ.get("WAYLAND_DISPLAY"):
        return None  # a Wayland session: Qt may use its wayland plugin, not xcb
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None  # not the wheel's layout: let Qt speak for itself
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        return missing_library_help(str(error))
    return x_server_problem(os.environ["DISPLAY"])


def missing_library_help(loader_message: str) -> str:
    """The loader's "libxcb-icccm.so.4: cannot open shared object file" said in Chinese, with
    the package to install (Debian names a library's package after its soname)."""
    found = re.search(r"(lib[\w.+-]+?)\.so\.(\d+)", loader_message)
    library = f"{found.group(1)}.so.{found.group(2)}" if found else loader_message
    hint = ""
    if found:
        name, version = found.group(1).lower(), found.group(2)
        separator = "-" if name[-1].isdigit() else ""
        hint = f"（软件包 {name}{separator}{version}）"
    return (
        f"图形界面所需的系统库 {library} 没有安装{hint}，无法打开工作台窗口。\n"
        f"请由管理员安装：sudo apt-get install {QT_SYSTEM_PACKAGES}\n"
        "命令行功能不需要这些库：.venv/bin/dangqun --help 列出全部命令。"
    )


def x_server_problem(display: str) -> str | None:
    """A display that is named but cannot be reached (no X server, no permission)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")  # already loaded with the plugin
    except OSError as error:
        return missing_library_help(str(error))
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(None, None)
    failed = xcb.xcb_connection_has_error(connection) != 0
    xcb.xcb_disconnect(connection)
    if not failed:
        return None
    return (
        f"无法连接到图形显示 {display}（X 服务器没有运行，或当前用户无权使用它），"
        "无法打开工作台窗口。\n"
        "请在桌面环境中启动；通过 SSH 登录时请用 ssh -X。\n"
        "命令行功能不需要显示器：.venv/bin/dangqun --help 列出全部命令。"
    )


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
    wizard = FirstRunWizard(application.database, keys_directory=application.paths.keys)
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
