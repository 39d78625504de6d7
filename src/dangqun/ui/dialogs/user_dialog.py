"""新增用户 / 编辑用户: the dialog calls the service itself and stays open on refusal.

The save runs off the GUI thread (``run_service``) and announces ``USER``. A refused save
shows each ``FieldError`` under its field and writes nothing (the service validates before
opening a transaction); only a successful save closes the dialog.

The dialog carries its title inside (not only in the window frame) and explains the three
roles under the role choice — what each may do, read from ``ROLE_PERMISSIONS`` so the text
cannot drift from what the services enforce (issue 11, "the new-user dialog has no title and
does not explain the three roles").
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dangqun.core.changes import USER, Changes
from dangqun.core.security import PERMISSION_LABELS, Permission, Role
from dangqun.core.users import MIN_PASSWORD_LENGTH, UserSummary, create_user, update_user
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.base import ServiceDialog
from dangqun.ui.forms.ui_user_dialog import Ui_UserDialog
from dangqun.ui.widgets.field_errors import FieldErrors


class UserDialog(ServiceDialog):
    def __init__(
        self, context: UiContext, user: UserSummary | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.user = user
        """The user being edited, or None for a new one."""
        self.result_user: UserSummary | None = None
        """What the service returned after a successful save."""
        self.ui = Ui_UserDialog()
        self.ui.setupUi(self)
        ui = self.ui
        for role in Role:
            ui.roleCombo.addItem(role.label, role)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.errors = FieldErrors(
            {
                "username": ui.usernameError,
                "display_name": ui.displayNameError,
                "role": ui.roleError,
                "password": ui.passwordError,
                "password_again": ui.passwordAgainError,
            },
            general=ui.generalError,
            inputs={
                "username": ui.usernameEdit,
                "display_name": ui.displayNameEdit,
                "role": ui.roleCombo,
                "password": ui.passwordEdit,
                "password_again": ui.passwordAgainEdit,
            },
        )
        ui.passwordEdit.setPlaceholderText(
            self.tr("At least {count} characters").format(count=MIN_PASSWORD_LENGTH)
        )
        ui.roleCombo.currentIndexChanged.connect(self._show_role_help)
        if user is None:
            self.setWindowTitle(self.tr("Add user"))
            ui.roleCombo.setCurrentIndex(ui.roleCombo.findData(Role.STAFF))
            ui.formLayout.setRowVisible(ui.activeCheck, False)
            ui.usernameEdit.setFocus()
        else:
            self.setWindowTitle(self.tr("Edit user {username}").format(username=user.username))
            ui.usernameEdit.setText(user.username)
            ui.usernameEdit.setEnabled(False)  # the login name never changes
            ui.displayNameEdit.setText(user.display_name)
            ui.roleCombo.setCurrentIndex(ui.roleCombo.findData(user.role))
            ui.activeCheck.setChecked(user.is_active)
            for widget in (
                ui.passwordEdit,
                ui.passwordError,
                ui.passwordAgainEdit,
                ui.passwordAgainError,
            ):
                ui.formLayout.setRowVisible(widget, False)
            ui.displayNameEdit.setFocus()
        ui.titleLabel.setText(self.windowTitle())
        self._show_role_help()
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.setMinimumWidth(560)
        self.adjustSize()

    def role_help_lines(self) -> list[str]:
        """One line a role: what it may do, and whether personal data is masked for it."""
        lines = []
        for role in Role:
            allowed = "、".join(
                PERMISSION_LABELS[permission]
                for permission in Permission
                if permission in role.permissions
            )
            masked = (
                ""
                if Permission.SEE_PERSONAL_DATA in role.permissions
                else self.tr("; ID numbers, phones and addresses are shown masked")
            )
            lines.append(
                self.tr("{role}: may {permissions}{masked}").format(
                    role=role.label, permissions=allowed, masked=masked
                )
            )
        return lines

    def _show_role_help(self) -> None:
        selected = self.selected_role()
        lines = [
            f"<b>{html.escape(line)}</b>" if role is selected else html.escape(line)
            for role, line in zip(Role, self.role_help_lines(), strict=True)
        ]
        self.ui.roleHelp.setText("<br>".join(lines))

    def selected_role(self) -> Role:
        role = self.ui.roleCombo.currentData()
        return role if isinstance(role, Role) else Role.STAFF

    def accept(self) -> None:
        """Save through the service; the dialog closes when it succeeded."""
        if self.is_saving:
            return
        ui = self.ui
        self.errors.clear()
        database = self.context.application.database
        call: Callable[[], UserSummary]
        if self.user is None:
            call = partial(
                create_user,
                database,
                self.context.actor,
                ui.usernameEdit.text(),
                ui.displayNameEdit.text(),
                self.selected_role(),
                ui.passwordEdit.text(),
                ui.passwordAgainEdit.text(),
            )
        else:
            call = partial(
                update_user,
                database,
                self.context.actor,
                self.user.id,
                ui.displayNameEdit.text(),
                self.selected_role(),
                ui.activeCheck.isChecked(),
            )
        self.save_in_background(
            self.context,
            call,
            changes=Changes.of(USER),
            field_errors=self.errors,
            buttons=ui.buttonBox,
            on_success=self._saved,
        )

    def _saved(self, user: UserSummary) -> None:
        self.result_user = user
        QDialog.accept(self)  # closes; ServiceDialog.accept is the synchronous save
