"""锁定: the screen after idle time or 锁定, opened again only by the signed-in user's password.

The password goes through :func:`dangqun.core.users.authenticate`, so wrong tries count toward the lock-out like
at the login screen: an idle workstation is no way round it. The only other way out is 注销
(log out), which brings back the login screen for a colleague. Escape and the window's close
button do nothing here.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from dangqun.core.errors import AccountLocked, AuthenticationFailed, ValidationError
from dangqun.core.security import Actor, Authenticator
from dangqun.ui.forms.ui_lock_dialog import Ui_LockDialog
from dangqun.ui.icons import accent_icon
from dangqun.ui.widgets.window_fit import fit_to_layout


class LockDialog(QDialog):
    unlocked = Signal()
    log_out_requested = Signal()

    def __init__(
        self,
        authenticator: Authenticator,
        actor: Actor,
        idle_minutes: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.authenticator = authenticator
        self.actor = actor
        self._finished = False
        self.ui = Ui_LockDialog()
        self.ui.setupUi(self)
        self.setWindowFlags(
            Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint
        )
        self.ui.lockIconLabel.setPixmap(accent_icon("lock").pixmap(QSize(48, 48)))
        self.ui.userLabel.setText(
            self.tr("Signed in: {name} ({role})").format(
                name=actor.display_name, role=actor.role.label
            )
        )
        if idle_minutes:
            explanation = self.tr(
                "Nobody used the workbench for {minutes} minutes, so it was locked to protect "
                "the personal data on screen. Enter the password of {name} to continue, or log "
                "out so that a colleague can sign in."
            ).format(minutes=idle_minutes, name=actor.display_name)
        else:
            explanation = self.tr(
                "The workbench is locked to protect the personal data on screen. Enter the "
                "password of {name} to continue, or log out so that a colleague can sign in."
            ).format(name=actor.display_name)
        self.ui.explanationLabel.setText(explanation)
        self.ui.errorLabel.setVisible(False)
        self.ui.unlockButton.clicked.connect(self.unlock)
        self.ui.logOutButton.clicked.connect(self.log_out)
        self.ui.passwordEdit.setFocus()

    @property
    def error_message(self) -> str:
        return self.ui.errorLabel.text() if self.ui.errorLabel.isVisible() else ""

    def unlock(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            actor = self.authenticator(self.actor.username, self.ui.passwordEdit.text())
        except (ValidationError, AuthenticationFailed, AccountLocked) as error:
            self._show_error(error.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if actor.user_id != self.actor.user_id:  # the account was replaced by a restore
            self._show_error(self.tr("This account has changed. Please log out and sign in again."))
            return
        self._finish()
        self.unlocked.emit()
        self.accept()

    def log_out(self) -> None:
        self._finish()
        self.log_out_requested.emit()
        self.accept()

    def _show_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(True)
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()
        fit_to_layout(self)

    def showEvent(self, event: QShowEvent) -> None:
        """As tall as the wrapped text needs at the chosen font (issue 11)."""
        super().showEvent(event)
        fit_to_layout(self)

    def _finish(self) -> None:
        self._finished = True

    def reject(self) -> None:
        """Escape must not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            super().closeEvent(event)
        else:
            event.ignore()
