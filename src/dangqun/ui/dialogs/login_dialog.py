"""登录: user name and password, with the service's own Chinese refusals shown in the dialog.

Wrong passwords count toward the lock-out (five in a row, ``dangqun.core.users``); the dialog
only shows what the authenticator says, so the wording never reveals which user names exist.
The last user name is remembered per machine (ui-state.ini), never the password.

The dialog is on screen before the database is open (``dangqun.opening``): the user types
while the session opens it in the background. A sign-in pressed before then waits, with the
button saying so, and goes ahead by itself once :meth:`LoginDialog.set_authenticator` is called.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from dangqun.core.errors import AccountLocked, AuthenticationFailed, ValidationError
from dangqun.core.security import Actor, Authenticator
from dangqun.ui.forms.ui_login_dialog import Ui_LoginDialog
from dangqun.ui.icons import accent_icon
from dangqun.ui.widgets.field_errors import FieldErrors

LAST_USERNAME_KEY = "login/last_username"


class LoginDialog(QDialog):
    signed_in = Signal(object)
    """Emitted with the :class:`Actor` just before the dialog accepts."""

    def __init__(
        self,
        ui_state: QSettings,
        center_name: str = "",
        authenticator: Authenticator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui_state = ui_state
        self.actor: Actor | None = None
        self._authenticator = authenticator
        self._sign_in_waiting = False
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("Sign in — Party–Masses Service Center Workbench"))
        self.ui.logoLabel.setPixmap(accent_icon("app").pixmap(QSize(48, 48)))
        self.ui.centerNameLabel.setText(center_name)
        self.ui.centerNameLabel.setVisible(bool(center_name))
        self.errors = FieldErrors(
            {"username": self.ui.usernameError, "password": self.ui.passwordError},
            general=self.ui.messageLabel,
            inputs={"username": self.ui.usernameEdit, "password": self.ui.passwordEdit},
        )
        self._sign_in_text = self.ui.signInButton.text()
        self.resize(self.width(), self.sizeHint().height())
        self.ui.signInButton.clicked.connect(self.sign_in)
        self.ui.quitButton.clicked.connect(self.reject)
        last_username = str(ui_state.value(LAST_USERNAME_KEY, "") or "")
        self.ui.usernameEdit.setText(last_username)
        (self.ui.passwordEdit if last_username else self.ui.usernameEdit).setFocus()

    @property
    def database_ready(self) -> bool:
        return self._authenticator is not None

    @property
    def waiting_for_database(self) -> bool:
        """Sign-in was pressed before the database was open; it goes ahead once it is."""
        return self._sign_in_waiting

    def set_authenticator(self, authenticator: Authenticator) -> None:
        """The database is open; a sign-in pressed meanwhile goes ahead now."""
        self._authenticator = authenticator
        if self._sign_in_waiting:
            self._sign_in_waiting = False
            self.ui.signInButton.setText(self._sign_in_text)
            self.ui.signInButton.setEnabled(True)
            self.sign_in()

    def sign_in(self) -> None:
        self.errors.clear()
        if self._authenticator is None:
            self._sign_in_waiting = True
            self.ui.signInButton.setEnabled(False)
            self.ui.signInButton.setText(self.tr("Opening the database …"))
            return
        username = self.ui.usernameEdit.text()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            actor = self._authenticator(username, self.ui.passwordEdit.text())
        except ValidationError as error:
            self.errors.show(error.errors)
            return
        except (AuthenticationFailed, AccountLocked) as error:
            self.errors.show_general(error.message)
            self.ui.passwordEdit.clear()
            self.ui.passwordEdit.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.ui_state.setValue(LAST_USERNAME_KEY, username.strip())
        self.ui_state.sync()
        self.actor = actor
        self.signed_in.emit(actor)
        self.accept()
