"""系统设置 → 中心信息: the center's name and division code, what paper needs (the party
organization's full name, address, contact person and phone; issue 11), its permanent id, and
where data lives.

Everyone sees it; only a role with ``MANAGE_SETTINGS`` may change it (the service checks it
again). One save sends every field, so the change is one audited action. The database size is
read from the files each time the tab is shown.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from dangqun.core.center import CenterContact, CenterInfo, center_info, update_center
from dangqun.core.changes import CENTER, Changes
from dangqun.core.security import Permission
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_settings_center_tab import Ui_CenterTab
from dangqun.ui.models.backup_table_model import format_size
from dangqun.ui.operations import run_service
from dangqun.ui.settings.tab_kit import StatusNote, open_folder, tab_icon
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.widgets.field_errors import FieldErrors


class CenterTab(QWidget):
    center_loaded = Signal()
    """The center's information arrived from the database and is on screen."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_CenterTab()
        self.ui.setupUi(self)
        self._save_call: BackgroundCall | None = None
        ui = self.ui
        self.inputs: dict[str, QLineEdit] = {
            "center_name": ui.centerNameEdit,
            "division_code": ui.divisionCodeEdit,
            "party_organization": ui.partyOrganizationEdit,
            "address": ui.addressEdit,
            "contact_person": ui.contactPersonEdit,
            "contact_phone": ui.contactPhoneEdit,
        }
        self.errors = FieldErrors(
            {
                "center_name": ui.centerNameError,
                "division_code": ui.divisionCodeError,
                "party_organization": ui.partyOrganizationError,
                "address": ui.addressError,
                "contact_person": ui.contactPersonError,
                "contact_phone": ui.contactPhoneError,
            },
            inputs=dict(self.inputs),
        )
        self.status = StatusNote(ui.centerStatusLabel)
        self.editable = context.can(Permission.MANAGE_SETTINGS)
        for edit in self.inputs.values():
            edit.setReadOnly(not self.editable)
            edit.returnPressed.connect(self.save_center)
        ui.saveCenterButton.setVisible(self.editable)
        ui.centerStatusLabel.setVisible(self.editable)
        ui.centerReadOnlyNote.setVisible(not self.editable)
        ui.saveCenterButton.setIcon(tab_icon("save", on_accent=True))
        ui.saveCenterButton.clicked.connect(self.save_center)
        ui.copyCenterIdButton.setIcon(tab_icon("copy"))
        ui.copyCenterIdButton.clicked.connect(self.copy_center_id)
        ui.openDataDirectoryButton.setIcon(tab_icon("folder"))
        ui.openDataDirectoryButton.clicked.connect(
            lambda: open_folder(self, self.context.application.paths.root)
        )
        context.events.subscribe(self, (CENTER,), lambda _changes: self.refresh_center())
        self.refresh_center()

    def refresh_center(self) -> None:
        run_service(
            self,
            self.context,
            partial(center_info, self.context.application.database),
            on_success=self._center_read,
            failure_title=self.tr("Center information"),
        )
        self.refresh_storage()

    def _center_read(self, info: CenterInfo) -> None:
        ui = self.ui
        ui.centerNameEdit.setText(info.name)
        ui.divisionCodeEdit.setText(info.division_code)
        ui.partyOrganizationEdit.setText(info.party_organization)
        ui.addressEdit.setText(info.address)
        ui.contactPersonEdit.setText(info.contact_person)
        ui.contactPhoneEdit.setText(info.contact_phone)
        ui.centerIdEdit.setText(info.center_id)
        ui.centerIdEdit.setCursorPosition(0)
        self.errors.clear()
        self.center_loaded.emit()

    def refresh_storage(self) -> None:
        ui = self.ui
        paths = self.context.application.paths
        ui.dataDirectoryEdit.setText(str(paths.root))
        ui.dataDirectoryEdit.setCursorPosition(0)
        ui.databaseSizeLabel.setText(format_size(database_size(paths.database)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh_storage()  # what the user types in the form is kept

    def save_center(self) -> None:
        if not self.editable or self._save_call is not None:
            return
        ui = self.ui
        self.errors.clear()
        ui.saveCenterButton.setEnabled(False)
        self._save_call = run_service(
            self,
            self.context,
            partial(
                update_center,
                self.context.application.database,
                self.context.actor,
                ui.centerNameEdit.text(),
                ui.divisionCodeEdit.text(),
                CenterContact(
                    ui.partyOrganizationEdit.text(),
                    ui.addressEdit.text(),
                    ui.contactPersonEdit.text(),
                    ui.contactPhoneEdit.text(),
                ),
            ),
            changes=Changes.of(CENTER),
            on_success=lambda _info: self.status.show(self.tr("Saved.")),
            field_errors=self.errors,
            failure_title=self.tr("Center information"),
        )
        self._save_call.finished.connect(self._save_finished)

    def _save_finished(self) -> None:
        self._save_call = None
        self.ui.saveCenterButton.setEnabled(True)

    @property
    def is_saving(self) -> bool:
        return self._save_call is not None

    def copy_center_id(self) -> None:
        QGuiApplication.clipboard().setText(self.ui.centerIdEdit.text())
        self._flash_button(self.ui.copyCenterIdButton, self.tr("Copied"))

    def _flash_button(self, button: QPushButton, text: str) -> None:
        original = button.property("originalText") or button.text()
        button.setProperty("originalText", original)
        button.setText(text)
        QTimer.singleShot(2000, self, lambda: button.setText(original))


def database_size(path: Path) -> int:
    """The database file plus its write-ahead log, which holds not-yet-merged pages."""
    total = 0
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.is_file():
            total += candidate.stat().st_size
    return total
