"""系统设置: center identity, users, audit log, backup and restore, display and security.

Each tab appears only when the signed-in role may use it (``UiContext.can``); a hidden tab is
never built, so nothing on it can run for the wrong role. Every write goes through a service
that validates and audits; refusals are shown in the service's own Chinese words, beside the
field they concern. Backups and restores run off the GUI thread behind a wait dialog.

Signals for the shell:

* ``restore_completed()`` — the database was replaced from a backup; the shell must return to
  the login screen (the signed-in account may not even exist in the restored data).
* ``context.events.font_size_changed(int)`` — an administrator saved a new font size.
* ``context.events.data_changed(str)`` — "user", "center", "settings" or "*" after a restore.
* ``context.events.backup_taken()`` — a manual backup finished.
"""

from __future__ import annotations

import logging
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QWidget,
)

from dangqun.bootstrap import backup_now, restore_from_file
from dangqun.core.audit import ACTION_LABELS, AuditFilter, audit_usernames
from dangqun.core.backup import BackupFile, list_backups
from dangqun.core.center import CenterInfo, center_info, update_center
from dangqun.core.errors import DangqunError, ValidationError
from dangqun.core.security import Permission
from dangqun.core.settings import (
    FONT_POINT_SIZE,
    IDLE_LOCK_MINUTES,
    LOGIN_LOCKOUT_MINUTES,
    SettingDefinition,
    all_settings,
    update_settings,
)
from dangqun.core.users import UserSummary, list_users, update_user
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.password_dialog import PasswordDialog
from dangqun.ui.dialogs.user_dialog import UserDialog
from dangqun.ui.forms.ui_settings_page import Ui_SettingsPage
from dangqun.ui.icons import ICON_GREY, ICON_ON_ACCENT, icon
from dangqun.ui.models import audit_log_model, backup_table_model, user_table_model
from dangqun.ui.models.audit_log_model import AuditLogModel, AuditRow, pretty_json
from dangqun.ui.models.backup_table_model import BackupTableModel, format_size
from dangqun.ui.models.user_table_model import UserTableModel
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.background_task import BackgroundTask
from dangqun.ui.widgets.field_errors import FieldErrors

log = logging.getLogger(__name__)

NO_DATE = QDate(2000, 1, 1)
"""The minimum of the audit date filters, shown as "any date" (the filter is off)."""
STATUS_SECONDS = 4
SUCCESS_COLOR = "#2E7D32"


def _icon(name: str, on_accent: bool = False) -> QIcon:
    return icon(name, ICON_ON_ACCENT if on_accent else ICON_GREY, selected_color=None)


class _CalendarOnToday(QObject):
    """Open the popup of an "any date" QDateEdit on this month instead of January 2000."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        edit.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._edit.date() == self._edit.minimumDate():
            today = QDate.currentDate()
            self._edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False


class SettingsPage(QWidget):
    restore_completed = Signal()
    """The database was replaced from a backup: the shell must log out to the login screen."""
    backup_completed = Signal(str)
    """A manual backup finished; the argument is the new file's path."""
    busy_changed = Signal(bool)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self.active_dialog: QDialog | None = None
        """The user/password dialog currently open (non-blocking ``open()``), if any."""
        self._task: BackgroundTask | None = None
        self._status_timers: dict[str, QTimer] = {}

        self.has_users_tab = context.can(Permission.MANAGE_USERS)
        self.has_audit_tab = context.can(Permission.VIEW_AUDIT_LOG)
        self.may_back_up = context.can(Permission.BACKUP)
        self.may_restore = context.can(Permission.RESTORE)
        self.has_backup_tab = self.may_back_up or self.may_restore
        self.may_change_settings = context.can(Permission.MANAGE_SETTINGS)

        self._remove_forbidden_tabs()
        self._setup_center_tab()
        if self.has_users_tab:
            self._setup_users_tab()
        if self.has_audit_tab:
            self._setup_audit_tab()
        if self.has_backup_tab:
            self._setup_backup_tab()
        self._setup_interface_tab()

        self.refresh()
        self.ui.tabs.setCurrentIndex(0)
        self.ui.tabs.currentChanged.connect(self._refresh_current_tab)
        if self.has_backup_tab:
            context.events.backup_taken.connect(self.refresh_backups)

    # -- structure -------------------------------------------------------------------------

    def _remove_forbidden_tabs(self) -> None:
        tabs = self.ui.tabs
        allowed = {
            self.ui.usersTab: self.has_users_tab,
            self.ui.auditTab: self.has_audit_tab,
            self.ui.backupTab: self.has_backup_tab,
        }
        for tab, is_allowed in allowed.items():
            if not is_allowed:
                tabs.removeTab(tabs.indexOf(tab))
                tab.hide()
                tab.deleteLater()

    def tab_names(self) -> list[str]:
        """Object names of the tabs this user sees, in order (``centerTab``, ``usersTab``…)."""
        tabs = self.ui.tabs
        return [tabs.widget(index).objectName() for index in range(tabs.count())]  # type: ignore[union-attr]

    def show_tab(self, name: str) -> None:
        index = self.tab_names().index(name)  # ValueError for a tab this role does not see
        self.ui.tabs.setCurrentIndex(index)

    def refresh(self) -> None:
        """Reload every tab from the database (after a restore, or when the page is shown)."""
        self.refresh_center()
        if self.has_users_tab:
            self.refresh_users()
        if self.has_audit_tab:
            self.refresh_audit_log()
        if self.has_backup_tab:
            self.refresh_backups()
        self.refresh_preferences()

    def _refresh_current_tab(self) -> None:
        """Lists may have grown elsewhere; forms keep what the user is typing."""
        current = self.ui.tabs.currentWidget()
        name = current.objectName() if current is not None else ""
        if name == "centerTab":
            self.refresh_storage()
        elif name == "usersTab":
            self.refresh_users()
        elif name == "auditTab":
            self.refresh_audit_log()
        elif name == "backupTab":
            self.refresh_backups()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._task is None:
            self._refresh_current_tab()

    def _show_status(self, label_name: str, text: str) -> None:
        """A short confirmation beside the button ("已保存"), gone after a few seconds."""
        label = getattr(self.ui, label_name)
        label.setText(text)
        timer = self._status_timers.get(label_name)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(label.clear)
            self._status_timers[label_name] = timer
        timer.start(STATUS_SECONDS * 1000)

    def _show_error(self, title: str, error: BaseException) -> None:
        """An expected refusal in the service's words; anything else is a crash report."""
        if isinstance(error, DangqunError):
            message_boxes.show_error(self, title, error.message)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _open_dialog(self, dialog: QDialog, on_accepted: Any) -> None:
        self.active_dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    # -- 中心信息 ----------------------------------------------------------------------------

    def _setup_center_tab(self) -> None:
        ui = self.ui
        self.center_errors = FieldErrors(
            {"center_name": ui.centerNameError, "division_code": ui.divisionCodeError},
            inputs={"center_name": ui.centerNameEdit, "division_code": ui.divisionCodeEdit},
        )
        editable = self.may_change_settings
        ui.centerNameEdit.setReadOnly(not editable)
        ui.divisionCodeEdit.setReadOnly(not editable)
        ui.saveCenterButton.setVisible(editable)
        ui.centerStatusLabel.setVisible(editable)
        ui.centerReadOnlyNote.setVisible(not editable)
        ui.saveCenterButton.setIcon(_icon("save", on_accent=True))
        ui.saveCenterButton.clicked.connect(self.save_center)
        ui.centerNameEdit.returnPressed.connect(self.save_center)
        ui.divisionCodeEdit.returnPressed.connect(self.save_center)
        ui.copyCenterIdButton.setIcon(_icon("copy"))
        ui.copyCenterIdButton.clicked.connect(self.copy_center_id)
        ui.openDataDirectoryButton.setIcon(_icon("folder"))
        ui.openDataDirectoryButton.clicked.connect(
            lambda: self._open_folder(self.context.application.paths.root)
        )

    def refresh_center(self) -> None:
        ui = self.ui
        application = self.context.application
        try:
            info: CenterInfo | None = center_info(application.database)
        except DangqunError as error:
            info = None
            ui.centerIdEdit.setText(error.message)
        if info is not None:
            ui.centerNameEdit.setText(info.name)
            ui.divisionCodeEdit.setText(info.division_code)
            ui.centerIdEdit.setText(info.center_id)
            ui.centerIdEdit.setCursorPosition(0)
        self.center_errors.clear()
        self.refresh_storage()

    def refresh_storage(self) -> None:
        ui = self.ui
        paths = self.context.application.paths
        ui.dataDirectoryEdit.setText(str(paths.root))
        ui.dataDirectoryEdit.setCursorPosition(0)
        ui.databaseSizeLabel.setText(format_size(self._database_size(paths.database)))

    @staticmethod
    def _database_size(path: Path) -> int:
        """The database file plus its write-ahead log, which holds not-yet-merged pages."""
        total = 0
        for candidate in (path, path.with_name(path.name + "-wal")):
            if candidate.is_file():
                total += candidate.stat().st_size
        return total

    def save_center(self) -> None:
        if not self.may_change_settings:
            return
        ui = self.ui
        self.center_errors.clear()
        try:
            update_center(
                self.context.application.database,
                self.context.actor,
                ui.centerNameEdit.text(),
                ui.divisionCodeEdit.text(),
            )
        except ValidationError as error:
            for message in self.center_errors.show(error.errors):
                message_boxes.show_error(self, self.tr("Center information"), message)
            return
        except DangqunError as error:
            self._show_error(self.tr("Center information"), error)
            return
        self.refresh_center()
        self._show_status("centerStatusLabel", self.tr("Saved."))
        self.context.events.data_changed.emit("center")

    def copy_center_id(self) -> None:
        QGuiApplication.clipboard().setText(self.ui.centerIdEdit.text())
        self._flash_button(self.ui.copyCenterIdButton, self.tr("Copied"))

    def _flash_button(self, button: QPushButton, text: str) -> None:
        original = button.property("originalText") or button.text()
        button.setProperty("originalText", original)
        button.setText(text)
        QTimer.singleShot(2000, self, lambda: button.setText(original))

    def _open_folder(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            message_boxes.show_error(
                self,
                self.tr("Open folder"),
                self.tr("Could not open the folder. Its location is: {folder}").format(
                    folder=folder
                ),
            )

    # -- 用户管理 ----------------------------------------------------------------------------

    def _setup_users_tab(self) -> None:
        ui = self.ui
        self.user_model = UserTableModel(self)
        ui.usersView.setModel(self.user_model)
        header = ui.usersView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(90)
        ui.usersView.selectionModel().selectionChanged.connect(self._update_user_buttons)
        ui.usersView.doubleClicked.connect(lambda _index: self.edit_selected_user())
        ui.addUserButton.setIcon(_icon("user_add"))
        ui.editUserButton.setIcon(_icon("user_edit"))
        ui.resetPasswordButton.setIcon(_icon("password_reset"))
        ui.changeOwnPasswordButton.setIcon(_icon("lock"))
        ui.addUserButton.clicked.connect(self.add_user)
        ui.editUserButton.clicked.connect(self.edit_selected_user)
        ui.resetPasswordButton.clicked.connect(self.reset_selected_password)
        ui.toggleActiveButton.clicked.connect(self.toggle_selected_user)
        ui.changeOwnPasswordButton.clicked.connect(self.change_own_password)
        ui.changeOwnPasswordButton.setEnabled(self.context.actor.user_id is not None)
        self._update_user_buttons()

    def refresh_users(self, select_user_id: int | None = None) -> None:
        selected = self.selected_user()
        keep = select_user_id if select_user_id is not None else (selected and selected.id)
        try:
            users = list_users(self.context.application.database, self.context.actor)
        except DangqunError as error:
            self._show_error(self.tr("Users"), error)
            return
        self.user_model.set_users(users)
        view = self.ui.usersView
        view.resizeColumnsToContents()
        for column, minimum in (
            (user_table_model.USERNAME, 140),
            (user_table_model.DISPLAY_NAME, 140),
        ):
            view.setColumnWidth(column, max(view.columnWidth(column), minimum))
        if keep:
            row = self.user_model.row_of(keep)
            if row >= 0:
                view.selectRow(row)
        self._update_user_buttons()

    def selected_user(self) -> UserSummary | None:
        if not self.has_users_tab:
            return None
        rows = self.ui.usersView.selectionModel().selectedRows()
        return self.user_model.user_at(rows[0].row()) if rows else None

    def select_user(self, username: str) -> None:
        for row in range(self.user_model.rowCount()):
            user = self.user_model.user_at(row)
            if user is not None and user.username == username:
                self.ui.usersView.selectRow(row)
                return
        raise KeyError(username)

    def _update_user_buttons(self) -> None:
        ui = self.ui
        user = self.selected_user()
        for button in (ui.editUserButton, ui.resetPasswordButton, ui.toggleActiveButton):
            button.setEnabled(user is not None)
        if user is not None and not user.is_active:
            ui.toggleActiveButton.setText(self.tr("Enable"))
            ui.toggleActiveButton.setIcon(_icon("user_enable"))
        else:
            ui.toggleActiveButton.setText(self.tr("Disable"))
            ui.toggleActiveButton.setIcon(_icon("user_disable"))

    def add_user(self) -> None:
        dialog = UserDialog(self.context, None, self)
        self._open_dialog(dialog, lambda: self._user_saved(dialog.result_user))

    def edit_selected_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = UserDialog(self.context, user, self)
        self._open_dialog(dialog, lambda: self._user_saved(dialog.result_user))

    def _user_saved(self, user: UserSummary | None) -> None:
        self.refresh_users(select_user_id=user.id if user is not None else None)
        self.context.events.data_changed.emit("user")

    def reset_selected_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = PasswordDialog(self.context, user, self)
        self._open_dialog(dialog, lambda: self._password_reset(user))

    def _password_reset(self, user: UserSummary) -> None:
        self.refresh_users(select_user_id=user.id)
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
        try:
            update_user(
                self.context.application.database,
                self.context.actor,
                user.id,
                user.display_name,
                user.role,
                enable,
            )
        except DangqunError as error:
            self._show_error(self.tr("Users"), error)
            return
        self._user_saved(user)

    def change_own_password(self) -> None:
        dialog = PasswordDialog(self.context, None, self)
        self._open_dialog(
            dialog,
            lambda: message_boxes.show_info(
                self, self.tr("Change my password"), self.tr("Your password has been changed.")
            ),
        )

    # -- 操作日志 ----------------------------------------------------------------------------

    def _setup_audit_tab(self) -> None:
        ui = self.ui
        self.audit_model = AuditLogModel(self.context, parent=self)
        ui.auditView.setModel(self.audit_model)
        header = ui.auditView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {
            audit_log_model.TIME: 150,
            audit_log_model.USER: 110,
            audit_log_model.ACTION: 120,
            audit_log_model.ENTITY: 100,
            audit_log_model.ENTITY_ID: 110,
            audit_log_model.BEFORE: 230,
        }
        for column, width in widths.items():
            ui.auditView.setColumnWidth(column, width)
        ui.auditSplitter.setStretchFactor(0, 2)
        ui.auditSplitter.setStretchFactor(1, 1)
        ui.auditDetailEdit.setStyleSheet("font-family: 'Noto Sans Mono CJK SC', monospace;")

        ui.auditUserCombo.addItem(self.tr("All users"), None)
        ui.auditActionCombo.addItem(self.tr("All actions"), None)
        for action, label in ACTION_LABELS.items():
            ui.auditActionCombo.addItem(label, action)
        for edit in (ui.auditFromEdit, ui.auditToEdit):
            edit.setMinimumDate(NO_DATE)
            edit.setMaximumDate(QDate(2099, 12, 31))
            edit.setSpecialValueText(self.tr("Any date"))
            edit.setDate(NO_DATE)
            _CalendarOnToday(edit)
        ui.auditTextEdit.setMinimumWidth(200)
        ui.auditRefreshButton.setIcon(_icon("refresh"))
        ui.auditClearButton.setIcon(_icon("clear_filter"))

        ui.auditUserCombo.currentIndexChanged.connect(self.apply_audit_filter)
        ui.auditActionCombo.currentIndexChanged.connect(self.apply_audit_filter)
        ui.auditFromEdit.dateChanged.connect(self.apply_audit_filter)
        ui.auditToEdit.dateChanged.connect(self.apply_audit_filter)
        ui.auditTextEdit.returnPressed.connect(self.apply_audit_filter)
        ui.auditRefreshButton.clicked.connect(self.refresh_audit_log)
        ui.auditClearButton.clicked.connect(self.clear_audit_filter)
        ui.auditView.selectionModel().currentRowChanged.connect(self._show_audit_detail)
        self.audit_model.modelReset.connect(self._update_audit_count)
        self.audit_model.rowsInserted.connect(self._update_audit_count)
        self.audit_model.modelReset.connect(lambda: self._show_audit_detail())
        self.audit_model.load_failed.connect(ui.auditCountLabel.setText)

    def _reload_audit_usernames(self) -> None:
        combo = self.ui.auditUserCombo
        current = combo.currentData()
        try:
            with self.context.application.database.reading() as session:
                names = audit_usernames(session)
        except DangqunError as error:
            self.ui.auditCountLabel.setText(error.message)
            return
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for name in names:
                combo.addItem(name, name)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)

    def current_audit_filter(self) -> AuditFilter:
        ui = self.ui
        since = self._local_midnight(ui.auditFromEdit.date())
        until = self._local_midnight(ui.auditToEdit.date(), days_after=1)
        text = ui.auditTextEdit.text().strip()
        return AuditFilter(
            username=ui.auditUserCombo.currentData(),
            action=ui.auditActionCombo.currentData(),
            since=since,
            until=until,
            text=text or None,
        )

    @staticmethod
    def _local_midnight(day: QDate, days_after: int = 0) -> datetime | None:
        """Start of a local calendar day as an aware instant; None for "any date"."""
        if day == NO_DATE:
            return None
        local_day = date(day.year(), day.month(), day.day()) + timedelta(days=days_after)
        return datetime.combine(local_day, time.min).astimezone()

    def apply_audit_filter(self) -> None:
        self.audit_model.set_filter(self.current_audit_filter())

    def refresh_audit_log(self) -> None:
        self._reload_audit_usernames()
        self.apply_audit_filter()

    def clear_audit_filter(self) -> None:
        ui = self.ui
        widgets = (
            ui.auditUserCombo,
            ui.auditActionCombo,
            ui.auditFromEdit,
            ui.auditToEdit,
            ui.auditTextEdit,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            ui.auditUserCombo.setCurrentIndex(0)
            ui.auditActionCombo.setCurrentIndex(0)
            ui.auditFromEdit.setDate(NO_DATE)
            ui.auditToEdit.setDate(NO_DATE)
            ui.auditTextEdit.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.refresh_audit_log()

    def _update_audit_count(self) -> None:
        total = self.audit_model.total
        loaded = self.audit_model.rowCount()
        text = self.tr("{count} entries in total").format(count=total)
        if loaded < total:
            text += self.tr(" ({count} shown; scroll down to load more)").format(count=loaded)
        self.ui.auditCountLabel.setText(text)

    def _show_audit_detail(self, *_args: object) -> None:
        index = self.ui.auditView.currentIndex()
        row: AuditRow | None = self.audit_model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.ui.auditDetailEdit.clear()
            return
        lines = [
            self.tr("Time: {time}").format(time=row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")),
            self.tr("User: {username}").format(username=row.username),
            self.tr("Action: {label} ({code})").format(label=row.action_label, code=row.action),
            self.tr("Object: {kind} {id}").format(
                kind=self.audit_model.entity_label(row.entity_type), id=row.entity_id or ""
            ),
        ]
        for title, text in (
            (self.tr("Before:"), row.before_json),
            (self.tr("After:"), row.after_json),
        ):
            lines += ["", title, pretty_json(text) or self.tr("(none)")]
        self.ui.auditDetailEdit.setPlainText("\n".join(lines))

    # -- 备份与恢复 --------------------------------------------------------------------------

    def _setup_backup_tab(self) -> None:
        ui = self.ui
        self.backup_model = BackupTableModel(self)
        ui.backupsView.setModel(self.backup_model)
        header = ui.backupsView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in (
            (backup_table_model.TAKEN_AT, 190),
            (backup_table_model.KIND, 130),
            (backup_table_model.SIZE, 110),
        ):
            ui.backupsView.setColumnWidth(column, width)
        ui.backupStatusLabel.setStyleSheet(f"color: {SUCCESS_COLOR};")
        ui.backupFolderEdit.setText(str(self.context.application.paths.backups))
        ui.backupFolderEdit.setCursorPosition(0)
        ui.openBackupFolderButton.setIcon(_icon("folder"))
        ui.openBackupFolderButton.clicked.connect(
            lambda: self._open_folder(self.context.application.paths.backups)
        )
        ui.backupNowButton.setIcon(_icon("backup", on_accent=True))
        ui.restoreSelectedButton.setIcon(_icon("restore"))
        ui.restoreFromFileButton.setIcon(_icon("file_import"))
        ui.backupNowButton.setVisible(self.may_back_up)
        ui.restoreSelectedButton.setVisible(self.may_restore)
        ui.restoreFromFileButton.setVisible(self.may_restore)
        ui.backupNowButton.clicked.connect(self.start_backup)
        ui.restoreSelectedButton.clicked.connect(self.restore_selected_backup)
        ui.restoreFromFileButton.clicked.connect(self.restore_from_chosen_file)
        ui.backupsView.selectionModel().selectionChanged.connect(self._update_backup_buttons)
        self._update_backup_buttons()

    def refresh_backups(self, select_path: Path | None = None) -> None:
        ui = self.ui
        if select_path is None:
            selected = self.selected_backup()
            select_path = selected.path if selected is not None else None
        backups = list_backups(self.context.application.paths.backups)
        self.backup_model.set_backups(backups)
        ui.backupsStack.setCurrentWidget(ui.backupsView if backups else ui.backupsEmptyLabel)
        if select_path is not None:
            for row, backup in enumerate(backups):
                if backup.path == select_path:
                    ui.backupsView.selectRow(row)
                    break
        self._update_backup_buttons()

    def selected_backup(self) -> BackupFile | None:
        if not self.has_backup_tab:
            return None
        rows = self.ui.backupsView.selectionModel().selectedRows()
        return self.backup_model.backup_at(rows[0].row()) if rows else None

    @property
    def is_busy(self) -> bool:
        return self._task is not None

    def _update_backup_buttons(self) -> None:
        if not self.has_backup_tab:
            return
        ui = self.ui
        idle = self._task is None
        ui.backupNowButton.setEnabled(idle)
        ui.restoreSelectedButton.setEnabled(idle and self.selected_backup() is not None)
        ui.restoreFromFileButton.setEnabled(idle)

    def _run(self, function: Any, title: str, label: str, on_success: Any) -> BackgroundTask:
        task = BackgroundTask(self, function, title, label)
        self._task = task

        # The page is idle again before the result is handled, so a refresh may read.
        def succeeded(result: object) -> None:
            self._task_finished()
            on_success(result)

        def failed(error: BaseException) -> None:
            self._task_finished()
            self._show_error(title, error)

        task.succeeded.connect(succeeded)
        task.failed.connect(failed)
        self._set_busy(True)
        task.start()
        return task

    def _task_finished(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if self.has_audit_tab:
            self.audit_model.set_paused(busy)
        self._update_backup_buttons()
        self.busy_changed.emit(busy)

    def start_backup(self) -> None:
        if self._task is not None or not self.may_back_up:
            return
        application, actor = self.context.application, self.context.actor
        self._run(
            lambda: backup_now(application, actor),
            self.tr("Back up now"),
            self.tr("Backing up the database. Please wait…"),
            self._backup_finished,
        )

    def _backup_finished(self, backup: BackupFile) -> None:
        self.refresh_backups(select_path=backup.path)
        self._show_status(
            "backupStatusLabel",
            self.tr("Backed up to {file} ({size}).").format(
                file=backup.path.name, size=format_size(backup.size_bytes)
            ),
        )
        self.backup_completed.emit(str(backup.path))
        self.context.events.backup_taken.emit()

    def restore_selected_backup(self) -> None:
        backup = self.selected_backup()
        if backup is not None:
            self.restore(
                backup.path,
                self.tr("{time} ({kind})").format(
                    time=backup.taken_at.strftime("%Y-%m-%d %H:%M:%S"), kind=backup.kind_label
                ),
            )

    def restore_from_chosen_file(self) -> None:
        path, _selected_filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup file"),
            str(self.context.application.paths.backups),
            self.tr("dangqun backups (*.sqlite3);;All files (*)"),
        )
        if path:
            self.restore(Path(path), Path(path).name)

    def restore(self, path: Path, description: str) -> None:
        """Confirm, then replace the database with ``path`` off the GUI thread."""
        if self._task is not None or not self.may_restore:
            return
        if not message_boxes.confirm(
            self,
            self.tr("Restore from backup"),
            self.tr("Replace ALL current data with the backup “{backup}”?").format(
                backup=description
            ),
            self.tr("Restore"),
            self.tr(
                "Before restoring, the program first backs up the current data (type "
                "“before restore”), so this step can be undone by restoring that backup.\n\n"
                "Everything entered after the chosen backup was taken will no longer be shown.\n\n"
                "When the restore is finished the program returns to the sign-in screen; "
                "please sign in again."
            ),
        ):
            return
        application, actor = self.context.application, self.context.actor
        self._run(
            lambda: restore_from_file(application, actor, path),
            self.tr("Restore from backup"),
            self.tr("Restoring the data. Please wait and do not turn off the computer…"),
            self._restore_finished,
        )

    def _restore_finished(self, safety: BackupFile) -> None:
        self.refresh()
        self.context.events.data_changed.emit("*")
        message_boxes.show_info(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "The data has been restored. The data as it was before the restore is kept in "
                "the backup {file}.\n\nThe program now returns to the sign-in screen."
            ).format(file=safety.path.name),
        )
        self.restore_completed.emit()

    # -- 界面与安全 --------------------------------------------------------------------------

    def _preference_spins(self) -> dict[str, tuple[SettingDefinition, QSpinBox]]:
        ui = self.ui
        return {
            FONT_POINT_SIZE.key: (FONT_POINT_SIZE, ui.fontSizeSpin),
            IDLE_LOCK_MINUTES.key: (IDLE_LOCK_MINUTES, ui.idleLockSpin),
            LOGIN_LOCKOUT_MINUTES.key: (LOGIN_LOCKOUT_MINUTES, ui.lockoutSpin),
        }

    def _setup_interface_tab(self) -> None:
        ui = self.ui
        # Wide ranges on purpose: the service's rule (and its message) decides what is allowed.
        ui.fontSizeSpin.setRange(1, 99)
        ui.fontSizeSpin.setSuffix(self.tr(" pt"))
        ui.idleLockSpin.setRange(0, 9999)
        ui.idleLockSpin.setSuffix(self.tr(" minutes"))
        ui.lockoutSpin.setRange(0, 99999)
        ui.lockoutSpin.setSuffix(self.tr(" minutes"))
        self.settings_errors = FieldErrors(
            {
                FONT_POINT_SIZE.key: ui.fontSizeError,
                IDLE_LOCK_MINUTES.key: ui.idleLockError,
                LOGIN_LOCKOUT_MINUTES.key: ui.lockoutError,
            },
            inputs={key: spin for key, (_definition, spin) in self._preference_spins().items()},
        )
        editable = self.may_change_settings
        for _definition, spin in self._preference_spins().values():
            spin.setMinimumWidth(140)
            spin.setMaximumWidth(200)
            # Read-only keeps its (then inactive) arrows: with NoButtons, the theme's style sheet
            # squeezes the text field of a QSpinBox to nothing.
            spin.setReadOnly(not editable)
        ui.saveSettingsButton.setVisible(editable)
        ui.saveSettingsButton.setIcon(_icon("save", on_accent=True))
        ui.saveSettingsButton.clicked.connect(self.save_preferences)
        ui.settingsStatusLabel.setVisible(editable)
        ui.settingsReadOnlyNote.setVisible(not editable)
        ui.centerStatusLabel.setStyleSheet(f"color: {SUCCESS_COLOR};")
        ui.settingsStatusLabel.setStyleSheet(f"color: {SUCCESS_COLOR};")

        actor = self.context.actor
        ui.signedInAsValue.setText(
            self.tr("{name} (user name {username}, {role})").format(
                name=actor.display_name, username=actor.username, role=actor.role.label
            )
        )
        ui.changeMyPasswordButton.setIcon(_icon("lock"))
        ui.changeMyPasswordButton.setEnabled(actor.user_id is not None)
        ui.changeMyPasswordButton.clicked.connect(self.change_own_password)

    def refresh_preferences(self) -> None:
        with self.context.application.database.reading() as session:
            values = all_settings(session)
        for key, (definition, spin) in self._preference_spins().items():
            spin.setValue(int(values.get(key, definition.default)))
        self.settings_errors.clear()

    def save_preferences(self) -> None:
        if not self.may_change_settings:
            return
        self.settings_errors.clear()
        database = self.context.application.database
        with database.reading() as session:
            before = all_settings(session)
        changes = {key: spin.value() for key, (_d, spin) in self._preference_spins().items()}
        try:
            update_settings(database, self.context.actor, changes)
        except ValidationError as error:
            for message in self.settings_errors.show(error.errors):
                message_boxes.show_error(self, self.tr("Display and security"), message)
            return
        except DangqunError as error:
            self._show_error(self.tr("Display and security"), error)
            return
        self._show_status("settingsStatusLabel", self.tr("Saved."))
        self.context.events.data_changed.emit("settings")
        font_size = changes[FONT_POINT_SIZE.key]
        if before.get(FONT_POINT_SIZE.key) != font_size:
            self.context.events.font_size_changed.emit(font_size)
