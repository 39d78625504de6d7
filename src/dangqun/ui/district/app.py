"""``dangqun district gui --db URL``: start the district workbench (issue 17)."""

from __future__ import annotations

import sys

from dangqun.cli_kit import EXIT_FAILED, EXIT_OK
from dangqun.core.errors import DangqunError


def run_district_gui(db_text: str) -> int:
    """Open the district database, then the window with its sign-in cover; the event loop
    runs until the window closes. A refusal (no database, no user yet) is said in Chinese on
    standard error, as the command line says it, before any window."""
    from dangqun.district import service, users

    try:
        db = service.open_district(db_text)
        db.identity()
        if not users.has_users(db):
            db.dispose()
            print(
                "错误：区级数据库还没有用户，无法登录工作台。请在初始化时用 "
                "dangqun district init … --admin 用户名 --password-stdin 建立管理员。",
                file=sys.stderr,
            )
            return EXIT_FAILED
    except DangqunError as error:
        print(f"错误：{error.message}", file=sys.stderr)
        return EXIT_FAILED
    from PySide6.QtCore import QSettings

    from dangqun.ui.district.window import district_data_paths, district_window
    from dangqun.ui.startup import configure_qt_application, create_qt_application

    application = create_qt_application([sys.argv[0]])
    configure_qt_application(application)
    paths = district_data_paths(db)
    ui_state = QSettings(str(paths.ui_settings), QSettings.Format.IniFormat)
    window = district_window(db, ui_state)
    window.sign_in_panel.quit_requested.connect(window.close)
    window.resize(1280, 800)
    window.show()
    try:
        application.exec()
    finally:
        db.dispose()
    return EXIT_OK
