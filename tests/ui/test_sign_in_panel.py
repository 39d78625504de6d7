"""登录: the service's Chinese refusals appear on the card; Enter works; the name is remembered."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt

from dangqun.bootstrap import Application
from dangqun.core.errors import AccountLocked, AuthenticationFailed
from dangqun.core.security import Role
from dangqun.core.users import authenticate, create_user, update_user
from dangqun.ui.context import open_ui_state
from dangqun.ui.sign_in_panel import LAST_USERNAME_KEY, SignInPanel

from .conftest import ADMIN_PASSWORD

STAFF_PASSWORD = "staff-pass-42"


@pytest.fixture
def panel(qtbot, application: Application) -> SignInPanel:
    login = SignInPanel(
        open_ui_state(application.paths), partial(authenticate, application.database)
    )
    qtbot.addWidget(login)
    login.show()
    return login


def sign_in(panel: SignInPanel, username: str, password: str) -> None:
    panel.ui.usernameEdit.setText(username)
    panel.ui.passwordEdit.setText(password)
    panel.ui.signInButton.click()


def test_wrong_password_shows_the_chinese_message_and_keeps_the_name(panel: SignInPanel) -> None:
    sign_in(panel, "admin", "not-the-password")

    assert panel.ui.messageLabel.isVisible()
    assert panel.ui.messageLabel.text() == "用户名或密码不正确。再错 4 次，账户将被暂时锁定。"
    assert panel.isVisible()
    assert panel.ui.passwordEdit.text() == ""
    assert panel.actor is None


def test_field_errors_sit_right_under_their_input(panel: SignInPanel) -> None:
    sign_in(panel, "  ", "")

    top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    assert panel.ui.usernameError.alignment() == top_left  # theme.qss: QLabel[role="error"]


def test_unknown_user_reads_like_a_wrong_password(panel: SignInPanel) -> None:
    sign_in(panel, "nobody", "whatever-123")

    assert panel.ui.messageLabel.text() == "用户名或密码不正确。"


def test_empty_fields_are_named_beside_the_field(panel: SignInPanel) -> None:
    sign_in(panel, "  ", "")
    assert panel.errors.message("username") == "请输入用户名"
    assert panel.ui.usernameError.isVisible()

    sign_in(panel, "admin", "")
    assert panel.errors.message("password") == "请输入密码"
    assert panel.errors.message("username") == ""


def test_locked_account_message(panel: SignInPanel, application: Application) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            authenticate(application.database, "admin", "wrong-password")

    sign_in(panel, "admin", "wrong-password")
    assert "已被锁定" in panel.ui.messageLabel.text()

    sign_in(panel, "admin", ADMIN_PASSWORD)  # even the right password waits for the lock
    assert "已被锁定" in panel.ui.messageLabel.text()
    assert panel.actor is None
    with pytest.raises(AccountLocked):
        authenticate(application.database, "admin", ADMIN_PASSWORD)


def test_disabled_account_message(
    panel: SignInPanel, application: Application, admin_actor
) -> None:
    staff = create_user(
        application.database, admin_actor, "liming", "李明", Role.STAFF, STAFF_PASSWORD
    )
    update_user(application.database, admin_actor, staff.id, "李明", Role.STAFF, False)

    sign_in(panel, "liming", STAFF_PASSWORD)

    assert panel.ui.messageLabel.text() == "该账户已被停用，请联系管理员。"


def test_success_signs_in_and_remembers_the_user_name(
    qtbot, panel: SignInPanel, application: Application
) -> None:
    with qtbot.waitSignal(panel.signed_in) as signal:
        sign_in(panel, " admin ", ADMIN_PASSWORD)

    actor = signal.args[0]
    assert (actor.username, actor.display_name, actor.role) == ("admin", "王芳", Role.ADMIN)
    assert panel.ui.passwordEdit.text() == ""  # nothing left for the next person
    assert open_ui_state(application.paths).value(LAST_USERNAME_KEY) == "admin"

    again = SignInPanel(open_ui_state(application.paths))
    qtbot.addWidget(again)
    assert again.ui.usernameEdit.text() == "admin"
    assert again.ui.passwordEdit.text() == ""


def test_enter_moves_from_the_name_to_the_password_and_signs_in_from_there(
    qtbot, panel: SignInPanel
) -> None:
    panel.ui.usernameEdit.setText("admin")
    panel.ui.usernameEdit.setFocus()
    qtbot.keyClick(panel.ui.usernameEdit, Qt.Key.Key_Return)
    assert panel.ui.passwordEdit.hasFocus()

    panel.ui.passwordEdit.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(panel.signed_in):
        qtbot.keyClick(panel.ui.passwordEdit, Qt.Key.Key_Return)
    assert panel.actor is not None and panel.actor.username == "admin"


def test_reset_readies_the_card_for_the_next_person(panel: SignInPanel) -> None:
    sign_in(panel, "admin", "not-the-password")
    assert panel.ui.messageLabel.isVisible()

    panel.reset()

    assert not panel.ui.messageLabel.isVisible()
    assert panel.ui.passwordEdit.text() == "" and panel.actor is None


def test_quit_is_asked_for_with_a_signal(qtbot, panel: SignInPanel) -> None:
    with qtbot.waitSignal(panel.quit_requested):
        panel.ui.quitButton.click()
