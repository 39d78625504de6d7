"""新增用户: a title inside the dialog and the three roles explained (issue 11).

The role lines come from ``ROLE_PERMISSIONS``: what the dialog says a role may do is what the
services let it do. The dialog fits a 1024×768 screen with nothing cut or overlapping.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from dangqun.bootstrap import Application
from dangqun.core.security import PERMISSION_LABELS, ROLE_PERMISSIONS, Actor, Role
from dangqun.core.users import list_users
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.dialogs.user_dialog import UserDialog
from tests.ui.layout_checks import layout_problems


def plain(text: str) -> str:
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def shown_dialog(qtbot, application: Application, actor: Actor, user=None) -> UserDialog:
    context = UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    dialog = UserDialog(context, user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_new_user_dialog_has_a_title_and_explains_every_role(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    dialog = shown_dialog(qtbot, application, admin_actor)

    assert dialog.ui.titleLabel.isVisible() and dialog.ui.titleLabel.text() == "新增用户"
    lines = plain(dialog.ui.roleHelp.text()).splitlines()
    assert [line.split("：")[0] for line in lines] == ["管理员", "工作人员", "只读"]
    for role, line in zip(Role, lines, strict=True):
        for permission, label in PERMISSION_LABELS.items():
            assert (label in line) == (permission in ROLE_PERMISSIONS[role]), (role, label)
    assert "隐藏显示" not in lines[0] and "隐藏显示" in lines[1] and "隐藏显示" in lines[2]


def test_the_chosen_role_is_the_highlighted_line(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    dialog = shown_dialog(qtbot, application, admin_actor)
    combo = dialog.ui.roleCombo

    assert "<b>工作人员" in dialog.ui.roleHelp.text()  # the default choice
    combo.setCurrentIndex(combo.findData(Role.READ_ONLY))
    assert "<b>只读" in dialog.ui.roleHelp.text()
    assert dialog.ui.roleHelp.text().count("<b>") == 1


def test_edit_dialog_names_the_user_in_its_title(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    admin = next(user for user in list_users(application.database, admin_actor))
    dialog = shown_dialog(qtbot, application, admin_actor, admin)

    assert dialog.ui.titleLabel.text() == dialog.windowTitle() == f"编辑用户 {admin.username}"


def test_user_dialog_fits_1024_by_768_with_nothing_cut(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    dialog = shown_dialog(qtbot, application, admin_actor)

    assert dialog.width() <= 1024 and dialog.height() <= 768
    assert layout_problems(dialog) == []
