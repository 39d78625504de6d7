"""登录: the sign-in card on the main window's cover, with the service's own Chinese refusals.

Wrong passwords count toward the lock-out (five in a row, ``dangqun.core.users``); the panel
only shows what the authenticator says, so the wording never reveals which user names exist.
The last user name is remembered per machine (ui-state.ini), never the password.

The panel is part of the main window, not a dialog of its own: the app's first frame is one
window, on screen before the database is open (``dangqun.opening``). The user types while the
session opens the database in the background; a sign-in pressed before then waits, with the
button saying so, and goes ahead by itself once :meth:`SignInPanel.set_authenticator` is called.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QWidget

from dangqun.core.errors import AccountLocked, AuthenticationFailed, ValidationError
from dangqun.core.security import Actor, Authenticator
from dangqun.ui.forms.ui_sign_in_panel import Ui_SignInPanel
from dangqun.ui.widgets.field_errors import FieldErrors

LAST_USERNAME_KEY = "login/last_username"


class SignInPanel(QFrame):
    signed_in = Signal(object)
    """Emitted with the :class:`Actor` who signed in."""
    quit_requested = Signal()
    """退出 was pressed: the user leaves without signing in."""

    def __init__(
        self,
        ui_state: QSettings,
        authenticator: Authenticator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui_state = ui_state
        self.actor: Actor | None = None
        self._authenticator = authenticator
        self._sign_in_waiting = False
        self.ui = Ui_SignInPanel()
        self.ui.setupUi(self)
        self.errors = FieldErrors(
            {"username": self.ui.usernameError, "password": self.ui.passwordError},
            general=self.ui.messageLabel,
            inputs={"username": self.ui.usernameEdit, "password": self.ui.passwordEdit},
        )
        self._sign_in_text = self.ui.signInButton.text()
        self.ui.signInButton.clicked.connect(self.sign_in)
        self.ui.quitButton.clicked.connect(self.quit_requested)
        # No dialog, so no default button: Enter moves on from the name and signs in from the
        # password, as it did in the dialog this panel replaced.
        self.ui.usernameEdit.returnPressed.connect(self.ui.passwordEdit.setFocus)
        self.ui.passwordEdit.returnPressed.connect(self.sign_in)
        self.reset()

    def reset(self) -> None:
        """Ready for the next person: the last user name, an empty password, no messages."""
        self.actor = None
        self.errors.clear()
        self.ui.passwordEdit.clear()
        last_username = str(self.ui_state.value(LAST_USERNAME_KEY, "") or "")
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
        if self._sign_in_waiting:
            return
        self.errors.clear()
        if self._authenticator is None:
            self._sign_in_waiting = True
            self.ui.signInButton.setEnabled(False)
            self.ui.signInButton.setText(self.tr("Opening the database …"))
            return
        from PySide6.QtCore import Qt  # once someone signs in, not on the way to the window

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
        self.ui.passwordEdit.clear()
        self.signed_in.emit(actor)
