"""重置密码 (an administrator for someone else) and 修改我的密码 (anyone, for themselves).

The change runs off the GUI thread (``run_service``; scrypt takes a noticeable moment) and
announces ``USER`` (a reset also lifts a lock-out the user list shows).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dangqun.core.changes import USER, Changes
from dangqun.core.users import (
    MIN_PASSWORD_LENGTH,
    UserSummary,
    change_own_password,
    reset_password,
)
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.base import ServiceDialog
from dangqun.ui.forms.ui_password_dialog import Ui_PasswordDialog
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.window_fit import fit_to_layout


class PasswordDialog(ServiceDialog):
    def __init__(
        self, context: UiContext, user: UserSummary | None = None, parent: QWidget | None = None
    ) -> None:
        """``user`` given: an administrator resets that user's password; None: change my own."""
        super().__init__(parent)
        self.context = context
        self.user = user
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        # The services call the first password "password" (validate_password) or name the
        # current one; both new-password spellings map to the same label.
        self.errors = FieldErrors(
            {
                "current_password": ui.currentPasswordError,
                "password": ui.newPasswordError,
                "password_again": ui.passwordAgainError,
            },
            general=ui.generalError,
            inputs={
                "current_password": ui.currentPasswordEdit,
                "password": ui.newPasswordEdit,
                "password_again": ui.passwordAgainEdit,
            },
        )
        ui.newPasswordEdit.setPlaceholderText(
            self.tr("At least {count} characters").format(count=MIN_PASSWORD_LENGTH)
        )
        if user is None:
            self.setWindowTitle(self.tr("Change my password"))
            ui.introLabel.setText(
                self.tr(
                    "Enter your current password, then the new one twice. "
                    "Use the new password the next time you sign in."
                )
            )
            ui.currentPasswordEdit.setFocus()
        else:
            self.setWindowTitle(self.tr("Reset password"))
            ui.introLabel.setText(
                self.tr(
                    "Set a new password for {name} ({username}). Tell them the new password in "
                    "person; a lock-out after wrong passwords is lifted as well."
                ).format(name=user.display_name, username=user.username)
            )
            for widget in (ui.currentPasswordEdit, ui.currentPasswordError):
                ui.formLayout.setRowVisible(widget, False)
            ui.newPasswordEdit.setFocus()
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.setMinimumWidth(560)
        self.adjustSize()

    def showEvent(self, event: QShowEvent) -> None:
        """As tall as the wrapped text needs at the chosen font (issue 11)."""
        super().showEvent(event)
        fit_to_layout(self)

    def accept(self) -> None:
        """Save through the service; the dialog closes when it succeeded."""
        if self.is_saving:
            return
        ui = self.ui
        self.errors.clear()
        database = self.context.application.database
        call: Callable[[], object]
        if self.user is None:
            call = partial(
                change_own_password,
                database,
                self.context.actor,
                ui.currentPasswordEdit.text(),
                ui.newPasswordEdit.text(),
                ui.passwordAgainEdit.text(),
            )
        else:
            call = partial(
                reset_password,
                database,
                self.context.actor,
                self.user.id,
                ui.newPasswordEdit.text(),
                ui.passwordAgainEdit.text(),
            )
        self.save_in_background(
            self.context,
            call,
            changes=Changes.of(USER),
            field_errors=self.errors,
            buttons=ui.buttonBox,
            on_success=self._saved,
        )

    def _saved(self, _result: object) -> None:
        QDialog.accept(self)  # closes; ServiceDialog.accept is the synchronous save
