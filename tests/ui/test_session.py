"""The session: sign in, idle lock with the real password check, log out, quit, daily backup."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditEntry
from dangqun.core.backup import list_backups
from dangqun.ui.dialogs.login_dialog import LoginDialog
from dangqun.ui.main_window import MainWindow
from dangqun.ui.session import SessionController
from dangqun.ui.startup import DEFAULT_FONT_POINT_SIZE, apply_appearance

from .conftest import ADMIN_PASSWORD

IDLE_MILLISECONDS = 300


@pytest.fixture
def controller(qtbot, application: Application) -> Iterator[SessionController]:
    session = SessionController(application, idle_timeout_milliseconds=IDLE_MILLISECONDS)
    session.start()
    yield session
    session.shutdown()
    for widget in (session.lock_dialog, session.main_window, session.login_dialog):
        if widget is not None:
            session._ending_session = True
            widget.close()
    QThreadPool.globalInstance().waitForDone()


def sign_in(qtbot, controller: SessionController, password: str = ADMIN_PASSWORD) -> MainWindow:
    dialog = controller.login_dialog
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    dialog.ui.usernameEdit.setText("admin")
    dialog.ui.passwordEdit.setText(password)
    dialog.ui.signInButton.click()
    assert controller.main_window is not None
    qtbot.waitExposed(controller.main_window)
    return controller.main_window


def audit_actions(application: Application) -> list[str]:
    with application.database.reading() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_signing_in_opens_the_main_window_and_takes_the_daily_backup(
    qtbot, controller: SessionController, application: Application
) -> None:
    window = sign_in(qtbot, controller)

    assert controller.login_dialog is None
    assert window.context.actor.username == "admin"
    qtbot.waitUntil(lambda: any(b.kind == "daily" for b in list_backups(application.paths.backups)))
    qtbot.waitUntil(lambda: window.backup_label.text().startswith("上次备份：今天"))


def test_idle_time_covers_the_window_with_the_lock_dialog(
    qtbot, controller: SessionController
) -> None:
    window = sign_in(qtbot, controller)

    qtbot.waitUntil(lambda: controller.lock_dialog is not None, timeout=5_000)

    dialog = controller.lock_dialog
    assert dialog.isVisible() and window.locked
    assert dialog.ui.userLabel.text() == "当前用户：王芳（管理员）"
    assert "分钟无人操作" in dialog.ui.explanationLabel.text()


def test_activity_postpones_the_lock(qtbot, controller: SessionController) -> None:
    window = sign_in(qtbot, controller)
    for _ in range(4):
        qtbot.wait(IDLE_MILLISECONDS // 2)
        qtbot.mouseMove(window.ui.navigationList)
        qtbot.keyClick(window.ui.navigationList, "a")
    assert controller.lock_dialog is None


def test_the_lock_opens_only_with_the_password_and_wrong_tries_count(
    qtbot, controller: SessionController, application: Application
) -> None:
    window = sign_in(qtbot, controller)
    dialog = controller.lock(idle_minutes=None)
    assert window.locked

    dialog.ui.passwordEdit.setText("wrong-password")
    dialog.ui.unlockButton.click()
    assert dialog.error_message == "用户名或密码不正确。再错 4 次，账户将被暂时锁定。"
    assert window.locked

    dialog.reject()  # Escape does not unlock
    assert dialog.isVisible() and window.locked

    dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
    dialog.ui.unlockButton.click()
    assert not window.locked
    assert controller.lock_dialog is None
    assert controller.idle_watcher.watching
    assert audit_actions(application)[-2:] == ["login.failed", "login.success"]


def test_log_out_from_the_lock_returns_to_the_login(
    qtbot, controller: SessionController, application: Application
) -> None:
    window = sign_in(qtbot, controller)
    dialog = controller.lock()

    dialog.ui.logOutButton.click()

    assert controller.main_window is None and not window.isVisible()
    assert controller.login_dialog is not None and controller.login_dialog.isVisible()
    assert audit_actions(application)[-1] == "logout"

    sign_in(qtbot, controller)  # a colleague (or the same person) signs in again
    assert controller.main_window is not None


def test_log_out_action_returns_to_the_login(qtbot, controller: SessionController) -> None:
    window = sign_in(qtbot, controller)
    with qtbot.assertNotEmitted(controller.finished):
        window.ui.logOutAction.trigger()
    assert controller.login_dialog is not None


def test_closing_the_main_window_ends_the_session(
    qtbot, controller: SessionController, application: Application
) -> None:
    window = sign_in(qtbot, controller)
    with qtbot.waitSignal(controller.finished):
        window.ui.exitAction.trigger()
    assert controller.main_window is None
    assert audit_actions(application)[-1] == "logout"


def test_cancelling_the_login_ends_the_session(qtbot, controller: SessionController) -> None:
    with qtbot.waitSignal(controller.finished):
        controller.login_dialog.ui.quitButton.click()


def test_a_new_font_size_applies_to_the_whole_application(
    qtbot, qapp, controller: SessionController
) -> None:
    sign_in(qtbot, controller)
    try:
        controller.events.font_size_changed.emit(18)
        assert qapp.font().pointSize() == 18
        assert "font-size: 26pt" in qapp.styleSheet()  # titles grow with the text
    finally:
        apply_appearance(qapp, DEFAULT_FONT_POINT_SIZE)
