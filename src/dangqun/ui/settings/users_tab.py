"""系统设置 → 用户管理 (``MANAGE_USERS``): add, edit, disable, reset a password.

The dialogs call the services themselves and announce ``USER``; this tab listens for it and
reads the list again (off the GUI thread), keeping or moving the selection.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from dangqun.core.changes import USER, Changes
from dangqun.core.users import UserSummary, list_users, update_user
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.password_dialog import PasswordDialog
from dangqun.ui.dialogs.user_dialog import UserDialog
from dangqun.ui.forms.ui_settings_users_tab import Ui_UsersTab
from dangqun.ui.models import user_table_model
from dangqun.ui.models.user_table_model import UserTableModel
from dangqun.ui.operations import run_service
from dangqun.ui.settings.tab_kit import DialogHost, tab_icon
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.widgets import message_boxes


class UsersTab(QWidget):
    users_loaded = Signal()
    """The list was read again and is on screen."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_UsersTab()
        self.ui.setupUi(self)
        self.dialogs = DialogHost()
        self._read_call: BackgroundCall | None = None
        self._read_again = False
        self._select_user_id: int | None = None
        ui = self.ui
        self.user_model = UserTableModel(self)
        ui.usersView.setModel(self.user_model)
        header = ui.usersView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(90)
        ui.usersView.selectionModel().selectionChanged.connect(self._update_buttons)
        ui.usersView.doubleClicked.connect(lambda _index: self.edit_selected_user())
        ui.addUserButton.setIcon(tab_icon("user_add"))
        ui.editUserButton.setIcon(tab_icon("user_edit"))
        ui.resetPasswordButton.setIcon(tab_icon("password_reset"))
        ui.changeOwnPasswordButton.setIcon(tab_icon("lock"))
        ui.addUserButton.clicked.connect(self.add_user)
        ui.editUserButton.clicked.connect(self.edit_selected_user)
        ui.resetPasswordButton.clicked.connect(self.reset_selected_password)
        ui.toggleActiveButton.clicked.connect(self.toggle_selected_user)
        ui.changeOwnPasswordButton.clicked.connect(self.change_own_password)
        ui.changeOwnPasswordButton.setEnabled(context.actor.user_id is not None)
        context.events.subscribe(self, (USER,), lambda _changes: self.refresh_users())
        self._update_buttons()

    @property
    def active_dialog(self) -> UserDialog | PasswordDialog | None:
        dialog = self.dialogs.active_dialog
        return dialog if isinstance(dialog, UserDialog | PasswordDialog) else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh_users()  # a lock-out may have begun or ended meanwhile

    @property
    def is_loading(self) -> bool:
        return self._read_call is not None

    def refresh_users(self, select_user_id: int | None = None) -> None:
        """Read the list off the GUI thread; a request during a read starts one more after it."""
        if select_user_id is not None:
            self._select_user_id = select_user_id
        if self._read_call is not None:
            self._read_again = True
            return
        selected = self.selected_user()
        if self._select_user_id is None and selected is not None:
            self._select_user_id = selected.id
        self._read_call = run_service(
            self,
            self.context,
            partial(list_users, self.context.application.database, self.context.actor),
            on_success=self._users_read,
            failure_title=self.tr("Users"),
        )
        self._read_call.finished.connect(self._read_finished)

    def _users_read(self, users: list[UserSummary]) -> None:
        self.user_model.set_users(users)
        view = self.ui.usersView
        view.resizeColumnsToContents()
        for column, minimum in (
            (user_table_model.USERNAME, 140),
            (user_table_model.DISPLAY_NAME, 140),
        ):
            view.setColumnWidth(column, max(view.columnWidth(column), minimum))
        keep, self._select_user_id = self._select_user_id, None
        if keep is not None:
            row = self.user_model.row_of(keep)
            if row >= 0:
                view.selectRow(row)
        self._update_buttons()

    def _read_finished(self) -> None:
        self._read_call = None
        if self._read_again:
            self._read_again = False
            self.refresh_users()
        else:
            self.users_loaded.emit()

    def selected_user(self) -> UserSummary | None:
        rows = self.ui.usersView.selectionModel().selectedRows()
        return self.user_model.user_at(rows[0].row()) if rows else None

    def select_user(self, username: str) -> None:
        for row in range(self.user_model.rowCount()):
            user = self.user_model.user_at(row)
            if user is not None and user.username == username:
                self.ui.usersView.selectRow(row)
                return
        raise KeyError(username)

    def _update_buttons(self) -> None:
        ui = self.ui
        user = self.selected_user()
        for button in (ui.editUserButton, ui.resetPasswordButton, ui.toggleActiveButton):
            button.setEnabled(user is not None)
        if user is not None and not user.is_active:
            ui.toggleActiveButton.setText(self.tr("Enable"))
            ui.toggleActiveButton.setIcon(tab_icon("user_enable"))
        else:
            ui.toggleActiveButton.setText(self.tr("Disable"))
            ui.toggleActiveButton.setIcon(tab_icon("user_disable"))

    def add_user(self) -> None:
        dialog = UserDialog(self.context, None, self)
        self.dialogs.open_dialog(dialog, lambda: self._user_saved(dialog.result_user))

    def edit_selected_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = UserDialog(self.context, user, self)
        self.dialogs.open_dialog(dialog, lambda: self._user_saved(dialog.result_user))

    def _user_saved(self, user: UserSummary | None) -> None:
        """The dialog announced ``USER`` (a read is under way); select the saved user in it."""
        if user is not None:
            self.refresh_users(select_user_id=user.id)

    def reset_selected_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = PasswordDialog(self.context, user, self)
        self.dialogs.open_dialog(dialog, lambda: self._password_reset(user))

    def _password_reset(self, user: UserSummary) -> None:
        message_boxes.show_info(
            self,
            self.tr("Reset password"),
            self.tr("The password of {name} has been reset. They can sign in with it now.").format(
                name=user.display_name
            ),
        )

    def toggle_selected_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        enable = not user.is_active
        if not enable and not message_boxes.confirm(
            self,
            self.tr("Disable user"),
            self.tr("Disable the account of {name} ({username})?").format(
                name=user.display_name, username=user.username
            ),
            self.tr("Disable"),
            self.tr(
                "A disabled user cannot sign in. Everything they recorded is kept, and the "
                "account can be enabled again at any time."
            ),
        ):
            return
        self.ui.toggleActiveButton.setEnabled(False)
        call = run_service(
            self,
            self.context,
            partial(
                update_user,
                self.context.application.database,
                self.context.actor,
                user.id,
                user.display_name,
                user.role,
                enable,
            ),
            changes=Changes.of(USER),
            on_success=self._user_saved,
            failure_title=self.tr("Users"),
        )
        call.finished.connect(self._update_buttons)

    def change_own_password(self) -> None:
        dialog = PasswordDialog(self.context, None, self)
        self.dialogs.open_dialog(
            dialog,
            lambda: message_boxes.show_info(
                self, self.tr("Change my password"), self.tr("Your password has been changed.")
            ),
        )
