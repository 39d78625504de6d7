"""The session: sign in, idle lock with the real password check, log out, quit, daily backup."""

from __future__ import annotations

from collections.abc import Iterator
from threading import Event

import pytest
from PySide6.QtCore import QThreadPool
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditEntry
from dangqun.core.backup import list_backups
from dangqun.core.changes import SETTINGS, USER, Changes
from dangqun.core.errors import DatabaseFileInvalid
from dangqun.core.security import Actor
from dangqun.core.settings import update_settings
from dangqun.opening import read_opening_facts
from dangqun.ui.main_window import MainWindow
from dangqun.ui.session import SessionController
from dangqun.ui.sign_in_panel import SignInPanel
from dangqun.ui.startup import DEFAULT_FONT_POINT_SIZE, apply_appearance
from dangqun.ui.widgets import message_boxes

from .conftest import ADMIN_PASSWORD

IDLE_MILLISECONDS = 300


def close_everything(session: SessionController) -> None:
    session.shutdown()
    for widget in (session.lock_dialog, session.main_window):
        if widget is not None:
            widget.close()
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def controller(qtbot, application: Application) -> Iterator[SessionController]:
    session = SessionController.for_open_application(
        application, idle_timeout_milliseconds=IDLE_MILLISECONDS
    )
    session.start()
    yield session
    close_everything(session)


def sign_in(qtbot, controller: SessionController, password: str = ADMIN_PASSWORD) -> MainWindow:
    panel = controller.sign_in_panel
    assert isinstance(panel, SignInPanel) and panel.isVisible()
    panel.ui.usernameEdit.setText("admin")
    panel.ui.passwordEdit.setText(password)
    panel.ui.signInButton.click()
    window = controller.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.signed_in)
    return window


def audit_actions(application: Application) -> list[str]:
    with application.database.reading() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_signing_in_opens_the_main_window_and_takes_the_daily_backup(
    qtbot, controller: SessionController, application: Application
) -> None:
    window = sign_in(qtbot, controller)

    assert not controller.sign_in_panel.isVisible()
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
        qtbot.mouseMove(window.workspace.ui.navigationList)
        qtbot.keyClick(window.workspace.ui.navigationList, "a")
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

    # The window stays, behind its sign-in cover; what the user had on screen is gone.
    assert controller.main_window is window and window.isVisible()
    assert not window.signed_in and window.page("home") is None
    assert window.ui.screenStack.currentWidget() is window.ui.signInCover
    assert window.user_label.text() == "未登录"
    assert window.ui.exitAction.isEnabled()  # the lock had disabled every action; 退出 is back
    assert controller.sign_in_panel.isVisible()
    assert controller.sign_in_panel.ui.passwordEdit.text() == ""
    assert audit_actions(application)[-1] == "logout"

    sign_in(qtbot, controller)  # a colleague (or the same person) signs in again
    assert window.signed_in and window.current_page_key() == "home"
    assert window.ui.exitAction.isEnabled() and window.ui.lockAction.isEnabled()


def test_log_out_action_returns_to_the_login(qtbot, controller: SessionController) -> None:
    window = sign_in(qtbot, controller)
    with qtbot.assertNotEmitted(controller.finished):
        window.ui.logOutAction.trigger()
    assert controller.sign_in_panel.isVisible() and not window.signed_in


def test_closing_the_main_window_ends_the_session(
    qtbot, controller: SessionController, application: Application
) -> None:
    window = sign_in(qtbot, controller)
    with qtbot.waitSignal(controller.finished):
        window.ui.exitAction.trigger()
    assert controller.main_window is None
    assert audit_actions(application)[-1] == "logout"


def test_quitting_from_the_sign_in_card_ends_the_run(qtbot, controller: SessionController) -> None:
    with qtbot.waitSignal(controller.finished):
        controller.sign_in_panel.ui.quitButton.click()
    assert controller.main_window is None


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


def test_a_new_idle_lock_setting_applies_once_announced(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    controller = SessionController.for_open_application(application)  # minutes from settings
    controller.start()
    try:
        sign_in(qtbot, controller)
        assert controller.idle_watcher.timeout_milliseconds == 10 * 60_000
        update_settings(application.database, admin_actor, {"idle_lock_minutes": 3})

        controller.events.announce(Changes.of(USER))  # not a settings change: nothing read
        assert controller.idle_watcher.timeout_milliseconds == 10 * 60_000
        controller.events.announce(Changes.of(SETTINGS))

        assert controller.idle_watcher.timeout_milliseconds == 3 * 60_000
    finally:
        close_everything(controller)


@pytest.fixture
def gated_opening(qtbot, application: Application) -> Iterator[tuple[SessionController, Event]]:
    """A session whose database opens only when the test sets the event (a slow disk)."""
    gate = Event()

    def open_when_allowed() -> Application:
        gate.wait(10)
        return application

    session = SessionController(
        application.paths,
        read_opening_facts(application.paths.database),
        open_when_allowed,
        idle_timeout_milliseconds=60_000,
    )
    session.start()
    yield session, gate
    gate.set()
    close_everything(session)


def test_the_window_and_the_sign_in_come_before_the_database(
    qtbot, gated_opening: tuple[SessionController, Event]
) -> None:
    controller, gate = gated_opening
    window, dialog = controller.main_window, controller.sign_in_panel
    assert window is not None and dialog is not None
    qtbot.waitExposed(window)
    assert dialog.isVisible() and not controller.database_open
    assert window.ui.screenStack.currentWidget() is window.ui.signInCover
    assert window.ui.signInCoverCenter.text() == "翠湖社区党群服务中心"
    assert window.center_label.text() == "翠湖社区党群服务中心"
    assert window.user_label.text() == "未登录"
    assert not any(action.isEnabled() for action in window.page_actions.values())
    assert window.ui.exitAction.isEnabled()

    dialog.ui.usernameEdit.setText("admin")
    dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
    dialog.ui.signInButton.click()  # faster than the disk: the sign-in waits, visibly
    assert dialog.waiting_for_database and not dialog.ui.signInButton.isEnabled()
    assert dialog.ui.signInButton.text() == "正在打开数据库 …"
    assert not window.signed_in

    gate.set()
    qtbot.waitUntil(lambda: window.signed_in)
    assert not dialog.isVisible()
    assert window.current_page_key() == "home"
    assert window.user_label.text() == "当前用户：王芳（管理员）"


def test_the_workspace_is_built_while_the_password_is_typed(
    qtbot, gated_opening: tuple[SessionController, Event]
) -> None:
    controller, gate = gated_opening
    window = controller.main_window
    assert window is not None
    qtbot.waitExposed(window)
    assert window.workspace is None  # not on the way to the first window

    gate.set()
    qtbot.waitUntil(lambda: controller.database_open)

    assert window.workspace is not None  # ready before 登录 is pressed
    assert window.ui.screenStack.currentWidget() is window.ui.signInCover
    assert not window.signed_in


def test_a_wrong_password_typed_before_the_database_opened_is_refused_after(
    qtbot, gated_opening: tuple[SessionController, Event]
) -> None:
    controller, gate = gated_opening
    dialog = controller.sign_in_panel
    dialog.ui.usernameEdit.setText("admin")
    dialog.ui.passwordEdit.setText("not-the-password")
    dialog.ui.signInButton.click()

    gate.set()
    qtbot.waitUntil(lambda: dialog.ui.messageLabel.isVisible())
    assert dialog.ui.messageLabel.text() == "用户名或密码不正确。再错 4 次，账户将被暂时锁定。"
    assert dialog.ui.signInButton.isEnabled() and dialog.ui.signInButton.text() == "登录(&S)"
    assert not controller.main_window.signed_in


@pytest.mark.parametrize(
    "error, message",
    [
        (  # a refusal says why itself
            DatabaseFileInvalid("数据库文件“dangqun.sqlite3”已损坏，无法读取。请从备份恢复。"),
            "数据库文件“dangqun.sqlite3”已损坏，无法读取。请从备份恢复。",
        ),
        (  # anything else is explained and its traceback logged
            RuntimeError("disk gone"),
            "无法打开数据库（disk gone）。详细信息已写入日志文件，请联系技术支持。",
        ),
    ],
)
def test_a_database_that_cannot_be_opened_is_explained_and_ends_the_run(
    qtbot,
    application: Application,
    monkeypatch: pytest.MonkeyPatch,
    caplog,
    error: Exception,
    message: str,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        message_boxes, "show_error", lambda _parent, _title, text: shown.append(text)
    )

    def failing_opener() -> Application:
        raise error

    session = SessionController(
        application.paths, read_opening_facts(application.paths.database), failing_opener
    )
    with qtbot.waitSignal(session.finished):
        session.start()
    assert session.failed and session.application is None
    assert shown == [message]
    logged = [record for record in caplog.records if "could not be opened" in record.getMessage()]
    assert len(logged) == 1
    assert (logged[0].exc_info is not None) == (not isinstance(error, DatabaseFileInvalid))
    close_everything(session)
