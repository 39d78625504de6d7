"""系统设置: center identity, users, audit log, backup and restore, printing, display, security.

Each tab appears only when the signed-in role may use it (``UiContext.can``); a hidden tab is
never built, so nothing on it can run for the wrong role. Every write goes through a service
that validates and audits; refusals are shown in the service's own Chinese words, beside the
field they concern. Backups and restores run off the GUI thread behind a wait dialog.

The 打印 tab imports the printing engine only when the page is built (ReportLab is not loaded
at start-up) and finds and loads fonts on the thread pool the first time the tab is shown.

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
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from dangqun.bootstrap import backup_now, restore_from_file
from dangqun.core.audit import ACTION_LABELS, AuditFilter, audit_usernames
from dangqun.core.backup import BackupFile, list_backups
from dangqun.core.center import CenterInfo, center_info, update_center
from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import DangqunError, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.core.setting_definitions import (
    FONT_POINT_SIZE,
    IDLE_LOCK_MINUTES,
    LOGIN_LOCKOUT_MINUTES,
    SettingDefinition,
)
from dangqun.core.settings import all_settings, read_setting, update_settings
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
from dangqun.ui.threads import BackgroundCall, run_in_background
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.background_task import BackgroundTask
from dangqun.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from dangqun.printing.fonts import FontChoice

log = logging.getLogger(__name__)

NO_DATE = QDate(2000, 1, 1)
"""The minimum of the audit date filters, shown as "any date" (the filter is off)."""
STATUS_SECONDS = 4
SUCCESS_COLOR = "#2E7D32"
UNUSABLE_FONT_COLOR = "#8A919C"
"""Greyed text for a font that cannot be used (the theme's style sheet hides the palette's)."""
PRINT_FONT_KEY = "print_font_path"
"""The setting registered by ``dangqun.printing.fonts`` (imported when the page is built)."""
FONT_VALUE_ROLE = Qt.ItemDataRole.UserRole
"""The ``print_font_path`` value an entry of the font list stands for ("" = automatic)."""


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
    print_fonts_loaded = Signal()
    """The 打印 tab finished reading the fonts (in use and, for administrators, available)."""
    print_font_saved = Signal(str)
    """An administrator saved the print font; the argument is the new setting ("" = automatic)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self.active_dialog: QDialog | None = None
        """The user/password dialog currently open (non-blocking ``open()``), if any."""
        self._task: BackgroundTask | None = None
        self._status_timers: dict[str, QTimer] = {}
        self._print_fonts_call: BackgroundCall | None = None
        self._print_save_call: BackgroundCall | None = None
        self._print_fonts_requested = False
        self._print_fonts_rescan = False
        self.saved_print_font = ""
        """The ``print_font_path`` setting as last read ("" = automatic)."""
        self.print_font_edited = False
        """The administrator changed the chosen font since it was last loaded or saved."""

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
        self._setup_print_tab()
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
        if self._print_fonts_requested:
            self.refresh_print_fonts()

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
        elif name == "printTab" and not self._print_fonts_requested:
            self.refresh_print_fonts()

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

    # -- 打印 ------------------------------------------------------------------------------

    def _setup_print_tab(self) -> None:
        # Registers the print_font_path setting; the engine (ReportLab) loads here, when the
        # page is built, never at start-up.
        from dangqun.printing import fonts as print_fonts

        ui = self.ui
        self.print_font_errors = FieldErrors(
            {PRINT_FONT_KEY: ui.printFontPathError}, inputs={PRINT_FONT_KEY: ui.printFontPathEdit}
        )
        editable = self.may_change_settings
        ui.printFontGroup.setVisible(editable)
        ui.printFontReadOnlyNote.setVisible(not editable)
        ui.printFontsSummaryLabel.setText(self.tr("Looking for the fonts on this computer…"))
        ui.printFontStatusLabel.setStyleSheet(f"color: {SUCCESS_COLOR};")
        ui.printSampleButton.setIcon(icon("print_sample", ICON_GREY, selected_color=None))
        ui.rescanFontsButton.setIcon(_icon("refresh"))
        ui.chooseFontFileButton.setIcon(_icon("folder"))
        ui.savePrintFontButton.setIcon(_icon("save", on_accent=True))
        ui.printFontPathEdit.setPlaceholderText(self.tr("Automatic (recommended)"))
        ui.printFontList.setMinimumHeight(130)
        ui.printSampleButton.clicked.connect(self.print_font_sample)
        ui.rescanFontsButton.clicked.connect(self.rescan_fonts)
        ui.chooseFontFileButton.clicked.connect(self.choose_font_file)
        ui.savePrintFontButton.clicked.connect(self.save_print_font)
        ui.printFontPathEdit.returnPressed.connect(self.save_print_font)
        ui.printFontPathEdit.textEdited.connect(self._print_font_typed)
        ui.printFontList.currentItemChanged.connect(self._print_font_picked)
        self._font_search_directory = next(
            (
                directory
                for directory in print_fonts.default_font_search().directories
                if directory.is_dir()
            ),
            Path.home(),
        )
        self._update_print_buttons()

    @property
    def print_fonts_loading(self) -> bool:
        return self._print_fonts_call is not None

    def refresh_print_fonts(self, rescan: bool = False) -> None:
        """Read the fonts in use (and, for administrators, the fonts available) off the GUI thread."""
        self._print_fonts_requested = True
        self._print_fonts_rescan = self._print_fonts_rescan or rescan
        if self._print_fonts_call is not None:
            return  # _print_fonts_done starts another round
        rescan, self._print_fonts_rescan = self._print_fonts_rescan, False
        if self.may_change_settings and self.ui.printFontList.count() == 0:
            placeholder = QListWidgetItem(self.tr("Looking for the fonts on this computer…"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.ui.printFontList.addItem(placeholder)
        self._print_fonts_call = run_in_background(
            self,
            partial(
                _read_print_fonts,
                self.context.application.database,
                self.may_change_settings,
                rescan,
            ),
            on_success=self._print_fonts_read,
            on_failure=self._print_fonts_failed,
        )
        self._update_print_buttons()

    def rescan_fonts(self) -> None:
        """Forget what was found, so a font installed meanwhile appears."""
        self.refresh_print_fonts(rescan=True)

    def _print_fonts_read(self, state: PrintFontState) -> None:
        self._print_fonts_done()
        ui = self.ui
        self.saved_print_font = state.setting_value
        ui.printFontsSummaryLabel.setText("\n".join(state.summary_lines))
        if state.choices is not None:
            self._fill_font_list(state.choices)
            if not self.print_font_edited:
                ui.printFontPathEdit.setText(state.setting_value)
                ui.printFontPathEdit.setCursorPosition(0)
            self._select_font_value(ui.printFontPathEdit.text().strip())
        self.print_fonts_loaded.emit()

    def _print_fonts_failed(self, error: BaseException) -> None:
        self._print_fonts_done()
        if isinstance(error, DangqunError):
            self.ui.printFontsSummaryLabel.setText(error.message)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _print_fonts_done(self) -> None:
        self._print_fonts_call = None
        self._update_print_buttons()
        if self._print_fonts_rescan:
            self.refresh_print_fonts()

    def _fill_font_list(self, choices: list[FontChoice]) -> None:
        from dangqun.printing.fonts import GLYPH_STYLE_LABELS

        font_list = self.ui.printFontList
        font_list.blockSignals(True)
        try:
            font_list.clear()
            automatic = QListWidgetItem(self.tr("Automatic (recommended)"))
            automatic.setData(FONT_VALUE_ROLE, "")
            automatic.setToolTip(self.ui.printFontHint.text())
            font_list.addItem(automatic)
            for choice in choices:
                if choice.usable:
                    text = self.tr("{family} ({style})   {file}").format(
                        family=choice.family,
                        style=GLYPH_STYLE_LABELS[choice.style],
                        file=choice.setting_value,
                    )
                else:
                    text = self.tr("{family}   {file}\nCannot be used: {reason}").format(
                        family=choice.family, file=choice.path, reason=choice.reason
                    )
                item = QListWidgetItem(text)
                item.setData(FONT_VALUE_ROLE, choice.setting_value if choice.usable else None)
                item.setToolTip(choice.reason or choice.setting_value)
                if not choice.usable:
                    # Shown (so the admin learns why a font they expected is missing), never chosen.
                    item.setFlags(Qt.ItemFlag.ItemNeverHasChildren)
                    item.setForeground(QColor(UNUSABLE_FONT_COLOR))
                font_list.addItem(item)
            for row in range(font_list.count()):
                item = font_list.item(row)
                if item.data(FONT_VALUE_ROLE) == self.saved_print_font:
                    item.setText(item.text() + self.tr("  (current setting)"))
        finally:
            font_list.blockSignals(False)

    def font_list_values(self) -> list[str | None]:
        """The setting value of each entry, None for a font that cannot be used (tests)."""
        font_list = self.ui.printFontList
        return [font_list.item(row).data(FONT_VALUE_ROLE) for row in range(font_list.count())]

    def _select_font_value(self, value: str) -> None:
        """Highlight the entry for ``value``; none when it is a file the list does not offer."""
        font_list = self.ui.printFontList
        font_list.blockSignals(True)
        try:
            for row in range(font_list.count()):
                if font_list.item(row).data(FONT_VALUE_ROLE) == value:
                    font_list.setCurrentRow(row)
                    font_list.scrollToItem(font_list.item(row))
                    return
            font_list.setCurrentRow(-1)
            font_list.clearSelection()
        finally:
            font_list.blockSignals(False)

    def _print_font_picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        value = item.data(FONT_VALUE_ROLE)
        if not isinstance(value, str):
            return
        self.ui.printFontPathEdit.setText(value)
        self.ui.printFontPathEdit.setCursorPosition(0)
        self._print_font_changed()

    def _print_font_typed(self, text: str) -> None:
        self._select_font_value(text.strip())
        self._print_font_changed()

    def _print_font_changed(self) -> None:
        self.print_font_edited = True
        self.print_font_errors.clear()

    def choose_font_file(self) -> None:
        current = self.ui.printFontPathEdit.text().strip()
        start = Path(current).parent if current else self._font_search_directory
        path, _selected_filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a font file"),
            str(start),
            self.tr("TrueType fonts (*.ttf *.ttc *.TTF *.TTC);;All files (*)"),
        )
        if path:
            self.set_chosen_font(str(Path(path)))

    def set_chosen_font(self, value: str) -> None:
        """Put a font file (``path`` or ``path#face``) in the field, as the file dialog does."""
        self.ui.printFontPathEdit.setText(value)
        self.ui.printFontPathEdit.setCursorPosition(0)
        self._select_font_value(value.strip())
        self._print_font_changed()

    def save_print_font(self) -> None:
        """Save the chosen font; the service checks the file can be embedded (off the GUI thread)."""
        if not self.may_change_settings or self._print_save_call is not None:
            return
        self.print_font_errors.clear()
        value = self.ui.printFontPathEdit.text().strip()
        self._print_save_call = run_in_background(
            self,
            partial(_save_print_font, self.context.application.database, self.context.actor, value),
            on_success=self._print_font_save_succeeded,
            on_failure=self._print_font_save_failed,
        )
        self._update_print_buttons()

    def _print_font_save_succeeded(self, value: str) -> None:
        self._print_save_call = None
        self.print_font_edited = False
        self.saved_print_font = value
        self._update_print_buttons()
        self._show_status("printFontStatusLabel", self.tr("Saved."))
        self.context.events.data_changed.emit("settings")
        self.print_font_saved.emit(value)
        self.refresh_print_fonts()

    def _print_font_save_failed(self, error: BaseException) -> None:
        self._print_save_call = None
        self._update_print_buttons()
        if isinstance(error, ValidationError):
            for message in self.print_font_errors.show(error.errors):
                message_boxes.show_error(self, self.tr("Print font"), message)
        else:
            self._show_error(self.tr("Print font"), error)

    def _update_print_buttons(self) -> None:
        ui = self.ui
        loading = self._print_fonts_call is not None
        ui.rescanFontsButton.setEnabled(not loading)
        ui.printFontList.setEnabled(not loading)
        ui.savePrintFontButton.setEnabled(self._print_save_call is None)

    def print_font_sample(self) -> None:
        """Every kind of document, with sample data, in the chosen (even not yet saved) font."""
        from dangqun.ui.print_preview import preview_pdf_job

        if self.may_change_settings:
            value = self.ui.printFontPathEdit.text().strip()
        else:
            value = self.saved_print_font
        title = self.tr("Print font sample")
        job = partial(
            _font_sample_pdf, self.context.application.database, self.context.actor, value, title
        )
        preview_pdf_job(self, self.context.ui_state, title, job, f"{title}.pdf")

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


@dataclass(frozen=True)
class PrintFontState:
    """What the 打印 tab shows, read off the GUI thread."""

    setting_value: str
    summary_lines: list[str]
    choices: list[FontChoice] | None
    """The fonts found on this computer; None for a role that cannot choose one."""


def _read_print_fonts(
    database: Database, with_choices: bool, rescan: bool, _progress: object
) -> PrintFontState:
    """The setting, the fonts it leads to, and (loading each one) the fonts to choose from."""
    from dangqun.printing import fonts

    if rescan:
        fonts.reset_font_cache()
    stored = read_setting(database, fonts.PRINT_FONT_PATH)
    value = stored if isinstance(stored, str) else ""
    in_use = fonts.document_fonts_for(database)
    # summary_lines() ends with one line per skipped font. Fonts skipped while searching the
    # system are listed (greyed, with the reason) in the font list; only a problem with the
    # configured file stays here, where everyone sees it.
    lines = in_use.summary_lines()
    base_count = len(lines) - len(in_use.skipped)
    configured = fonts.parse_font_setting(value)[0] if value.strip() else None
    summary = lines[:base_count] + [
        line
        for line, skipped in zip(lines[base_count:], in_use.skipped, strict=True)
        if skipped.path == configured
    ]
    choices = fonts.available_font_choices() if with_choices else None
    return PrintFontState(value, summary, choices)


def _save_print_font(database: Database, actor: Actor, value: str, _progress: object) -> str:
    """The validator loads the font to prove it embeds: a few tenths of a second for a big one."""
    update_settings(database, actor, {PRINT_FONT_KEY: value})
    return value


def _font_sample_pdf(
    database: Database,
    actor: Actor,
    value: str,
    title: str,
    report: Callable[[int, int | None], None],
    cancel: threading.Event,
) -> bytes:
    """One sample of every document kind set in the font ``value`` ("" = automatic).

    The sample center's name and no verification key: a sample must never look like, or
    verify as, a real document of this center.
    """
    from dangqun.printing import fonts
    from dangqun.printing.batch import render_to_bytes
    from dangqun.printing.page_kit import PrintContext
    from dangqun.printing.registry import document_kinds, sample_plan
    from dangqun.printing.service import SAMPLE_CENTER_ID, SAMPLE_CENTER_NAME

    definition = fonts.PRINT_FONT_PATH
    reason = definition.validate(value)
    if reason:
        raise ValidationError.single(PRINT_FONT_KEY, f"{definition.label}{reason}")
    context = PrintContext(
        center_name=SAMPLE_CENTER_NAME,
        center_id=SAMPLE_CENTER_ID,
        print_date=local_today(),
        fonts=fonts.choose_document_fonts(value),
        operator_name=actor.display_name,
    )
    plans = [sample_plan(kind, context) for kind in document_kinds()]
    return render_to_bytes(plans, context, title, len(plans), report, cancel)
