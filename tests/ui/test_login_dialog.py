"""登录: the service's Chinese refusals appear in the dialog; the user name is remembered."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtWidgets import QDialog

from dangqun.bootstrap import Application
from dangqun.core.errors import AccountLocked, AuthenticationFailed
from dangqun.core.security import Role
from dangqun.core.users import authenticate, create_user, update_user
from dangqun.ui.context import open_ui_state
from dangqun.ui.dialogs.login_dialog import LAST_USERNAME_KEY, LoginDialog

from .conftest import ADMIN_PASSWORD

STAFF_PASSWORD = "staff-pass-42"


@pytest.fixture
def dialog(qtbot, application: Application) -> LoginDialog:
    login = LoginDialog(
        open_ui_state(application.paths),
        "翠湖社区党群服务中心",
        partial(authenticate, application.database),
    )
    qtbot.addWidget(login)
    login.show()
    return login


def sign_in(dialog: LoginDialog, username: str, password: str) -> None:
    dialog.ui.usernameEdit.setText(username)
    dialog.ui.passwordEdit.setText(password)
    dialog.ui.signInButton.click()


def test_wrong_password_shows_the_chinese_message_and_stays_open(dialog: LoginDialog) -> None:
    sign_in(dialog, "admin", "not-the-password")

    assert dialog.ui.messageLabel.isVisible()
    assert dialog.ui.messageLabel.text() == "用户名或密码不正确。再错 4 次，账户将被暂时锁定。"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.ui.passwordEdit.text() == ""
    assert dialog.actor is None


def test_unknown_user_reads_like_a_wrong_password(dialog: LoginDialog) -> None:
    sign_in(dialog, "nobody", "whatever-123")

    assert dialog.ui.messageLabel.text() == "用户名或密码不正确。"


def test_empty_fields_are_named_beside_the_field(dialog: LoginDialog) -> None:
    sign_in(dialog, "  ", "")
    assert dialog.errors.message("username") == "请输入用户名"
    assert dialog.ui.usernameError.isVisible()

    sign_in(dialog, "admin", "")
    assert dialog.errors.message("password") == "请输入密码"
    assert dialog.errors.message("username") == ""


def test_locked_account_message(dialog: LoginDialog, application: Application) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            authenticate(application.database, "admin", "wrong-password")

    sign_in(dialog, "admin", "wrong-password")
    assert "已被锁定" in dialog.ui.messageLabel.text()

    sign_in(dialog, "admin", ADMIN_PASSWORD)  # even the right password waits for the lock
    assert "已被锁定" in dialog.ui.messageLabel.text()
    assert dialog.actor is None
    with pytest.raises(AccountLocked):
        authenticate(application.database, "admin", ADMIN_PASSWORD)


def test_disabled_account_message(
    dialog: LoginDialog, application: Application, admin_actor
) -> None:
    staff = create_user(
        application.database, admin_actor, "liming", "李明", Role.STAFF, STAFF_PASSWORD
    )
    update_user(application.database, admin_actor, staff.id, "李明", Role.STAFF, False)

    sign_in(dialog, "liming", STAFF_PASSWORD)

    assert dialog.ui.messageLabel.text() == "该账户已被停用，请联系管理员。"


def test_success_signs_in_and_remembers_the_user_name(
    qtbot, dialog: LoginDialog, application: Application
) -> None:
    with qtbot.waitSignal(dialog.signed_in) as signal:
        sign_in(dialog, " admin ", ADMIN_PASSWORD)

    actor = signal.args[0]
    assert (actor.username, actor.display_name, actor.role) == ("admin", "王芳", Role.ADMIN)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert open_ui_state(application.paths).value(LAST_USERNAME_KEY) == "admin"

    again = LoginDialog(open_ui_state(application.paths))
    qtbot.addWidget(again)
    assert again.ui.usernameEdit.text() == "admin"
    assert again.ui.passwordEdit.text() == ""
