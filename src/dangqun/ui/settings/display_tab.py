"""系统设置 → 界面与安全: font size and security timeouts for the center, and my own account.

Everyone sees the values; only ``MANAGE_SETTINGS`` may change them (the service checks again).
The spin boxes accept wide ranges on purpose: the settings registry's rule, and its Chinese
message beside the field, decides what is allowed. A new font size is passed to the shell
(``context.events.font_size_changed``), which applies it at once.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSpinBox, QWidget

from dangqun.core.changes import SETTINGS, Changes
from dangqun.core.security import Permission
from dangqun.core.setting_definitions import (
    FONT_POINT_SIZE,
    IDLE_LOCK_MINUTES,
    LOGIN_LOCKOUT_MINUTES,
    SettingDefinition,
)
from dangqun.core.settings import read_all_settings, update_settings
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.password_dialog import PasswordDialog
from dangqun.ui.forms.ui_settings_display_tab import Ui_DisplayTab
from dangqun.ui.operations import run_service
from dangqun.ui.settings.tab_kit import DialogHost, StatusNote, tab_icon
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.field_errors import FieldErrors


class DisplayTab(QWidget):
    preferences_loaded = Signal()
    """The saved values were read and are in the spin boxes."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_DisplayTab()
        self.ui.setupUi(self)
        self.dialogs = DialogHost()
        self._save_call: BackgroundCall | None = None
        self._saved_values: dict[str, Any] = {}
        ui = self.ui
        ui.fontSizeSpin.setRange(1, 99)
        ui.fontSizeSpin.setSuffix(self.tr(" pt"))
        ui.idleLockSpin.setRange(0, 9999)
        ui.idleLockSpin.setSuffix(self.tr(" minutes"))
        ui.lockoutSpin.setRange(0, 99999)
        ui.lockoutSpin.setSuffix(self.tr(" minutes"))
        self.errors = FieldErrors(
            {
                FONT_POINT_SIZE.key: ui.fontSizeError,
                IDLE_LOCK_MINUTES.key: ui.idleLockError,
                LOGIN_LOCKOUT_MINUTES.key: ui.lockoutError,
            },
            inputs={key: spin for key, (_definition, spin) in self._spins().items()},
        )
        self.status = StatusNote(ui.settingsStatusLabel)
        self.editable = context.can(Permission.MANAGE_SETTINGS)
        for _definition, spin in self._spins().values():
            spin.setMinimumWidth(140)
            spin.setMaximumWidth(200)
            # Read-only keeps its (then inactive) arrows: with NoButtons, the theme's style sheet
            # squeezes the text field of a QSpinBox to nothing.
            spin.setReadOnly(not self.editable)
        ui.saveSettingsButton.setVisible(self.editable)
        ui.saveSettingsButton.setIcon(tab_icon("save", on_accent=True))
        ui.saveSettingsButton.clicked.connect(self.save_preferences)
        ui.settingsStatusLabel.setVisible(self.editable)
        ui.settingsReadOnlyNote.setVisible(not self.editable)

        actor = context.actor
        ui.signedInAsValue.setText(
            self.tr("{name} (user name {username}, {role})").format(
                name=actor.display_name, username=actor.username, role=actor.role.label
            )
        )
        ui.changeMyPasswordButton.setIcon(tab_icon("lock"))
        ui.changeMyPasswordButton.setEnabled(actor.user_id is not None)
        ui.changeMyPasswordButton.clicked.connect(self.change_own_password)
        context.events.subscribe(self, (SETTINGS,), lambda _changes: self.refresh_preferences())
        self.refresh_preferences()

    @property
    def active_dialog(self) -> PasswordDialog | None:
        dialog = self.dialogs.active_dialog
        return dialog if isinstance(dialog, PasswordDialog) else None

    def _spins(self) -> dict[str, tuple[SettingDefinition, QSpinBox]]:
        ui = self.ui
        return {
            FONT_POINT_SIZE.key: (FONT_POINT_SIZE, ui.fontSizeSpin),
            IDLE_LOCK_MINUTES.key: (IDLE_LOCK_MINUTES, ui.idleLockSpin),
            LOGIN_LOCKOUT_MINUTES.key: (LOGIN_LOCKOUT_MINUTES, ui.lockoutSpin),
        }

    def refresh_preferences(self) -> None:
        run_service(
            self,
            self.context,
            partial(read_all_settings, self.context.application.database),
            on_success=self._preferences_read,
            failure_title=self.tr("Display and security"),
        )

    def _preferences_read(self, values: dict[str, Any]) -> None:
        self._saved_values = values
        for key, (definition, spin) in self._spins().items():
            spin.setValue(int(values.get(key, definition.default)))
        self.errors.clear()
        self.preferences_loaded.emit()

    @property
    def is_saving(self) -> bool:
        return self._save_call is not None

    def save_preferences(self) -> None:
        if not self.editable or self._save_call is not None:
            return
        self.errors.clear()
        changes = {key: spin.value() for key, (_definition, spin) in self._spins().items()}
        font_size_before = self._saved_values.get(FONT_POINT_SIZE.key)
        self.ui.saveSettingsButton.setEnabled(False)
        self._save_call = run_service(
            self,
            self.context,
            partial(
                update_settings, self.context.application.database, self.context.actor, changes
            ),
            changes=Changes.of(SETTINGS),
            on_success=lambda _result: self._saved(changes[FONT_POINT_SIZE.key], font_size_before),
            field_errors=self.errors,
            failure_title=self.tr("Display and security"),
        )
        self._save_call.finished.connect(self._save_finished)

    def _saved(self, font_size: int, font_size_before: object) -> None:
        self.status.show(self.tr("Saved."))
        if font_size != font_size_before:
            self.context.events.font_size_changed.emit(font_size)

    def _save_finished(self) -> None:
        self._save_call = None
        self.ui.saveSettingsButton.setEnabled(True)

    def change_own_password(self) -> None:
        dialog = PasswordDialog(self.context, None, self)
        self.dialogs.open_dialog(
            dialog,
            lambda: message_boxes.show_info(
                self, self.tr("Change my password"), self.tr("Your password has been changed.")
            ),
        )
