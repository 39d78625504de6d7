"""系统设置 → 会议记录: the local rules of the minutes module (issue 15, DOMAIN §4: "党课
frequency and other local rules are settings").

How often a branch must give a 党课 and hold a 支部委员会 (months per period; the compliance
calendar and the home page's overdue list follow them at once) and the largest attachment a
meeting takes — the settings :mod:`dangqun.minutes.minutes_settings` registered — saved with
:func:`dangqun.core.settings.update_settings`: audited, each value checked by its registered
rule (a period must divide 12), the Chinese reason shown beside the field, as the other tabs
do. Everyone sees them; only ``MANAGE_SETTINGS`` may change them (the service checks again).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import SETTINGS, Changes
from dangqun.core.security import Permission
from dangqun.core.settings import read_all_settings, update_settings
from dangqun.minutes.minutes_settings import (
    ATTACHMENT_MAX_MB,
    COMMITTEE_MONTHS,
    PARTY_LESSON_MONTHS,
)
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.settings.tab_kit import StatusNote, tab_icon
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.spin_boxes import pad_spin_boxes

SETTINGS_SHOWN = (PARTY_LESSON_MONTHS, COMMITTEE_MONTHS, ATTACHMENT_MAX_MB)


class MinutesTab(QWidget):
    loaded = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editable = context.can(Permission.MANAGE_SETTINGS)
        self._save_call: BackgroundCall | None = None
        self._reading = False
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Meeting schedule and attachments"), self)
        box_layout = QVBoxLayout(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.spins: dict[str, QSpinBox] = {}
        labels: dict[str, QLabel] = {}
        for definition, caption, suffix, minimum, maximum, explanation in (
            (
                PARTY_LESSON_MONTHS,
                self.tr("Party lesson at least every"),
                self.tr(" months"),
                1,
                12,
                self.tr(
                    "A branch gives a party lesson at least once in this many months "
                    "(quarterly is the usual local rule; 12: once a year). It must divide 12."
                ),
            ),
            (
                COMMITTEE_MONTHS,
                self.tr("Branch committee at least every"),
                self.tr(" months"),
                1,
                12,
                self.tr(
                    "The regulations say monthly, or as needed; a center whose committees meet "
                    "every two months sets 2. It must divide 12."
                ),
            ),
            (
                ATTACHMENT_MAX_MB,
                self.tr("Largest attachment"),
                self.tr(" MB"),
                1,
                50,
                self.tr(
                    "Photos and scans of a meeting are kept in the database so every backup "
                    "carries them: keep this small."
                ),
            ),
        ):
            spin = QSpinBox(box)
            spin.setObjectName(f"{definition.key}Spin")
            spin.setRange(minimum, maximum)
            spin.setSuffix(suffix)
            spin.setMinimumWidth(160)
            spin.setMaximumWidth(220)
            spin.setReadOnly(not self.editable)
            holder = QWidget(box)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            row = QHBoxLayout()
            row.addWidget(spin)
            help_label = QLabel(explanation, holder)
            help_label.setWordWrap(True)
            row.addWidget(help_label, 1)
            column.addLayout(row)
            error = QLabel(holder)
            column.addWidget(error)
            form.addRow(caption, holder)
            self.spins[definition.key] = spin
            labels[definition.key] = error
        box_layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tab_icon("save", on_accent=True), self.tr("Save"), box)
        self.save_button.setObjectName("saveMinutesSettingsButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(self.editable)
        buttons.addWidget(self.save_button)
        self.saved_label = QLabel(box)
        buttons.addWidget(self.saved_label, 1)
        box_layout.addLayout(buttons)
        self.read_only_note = QLabel(
            self.tr("Only an administrator can change these settings."), box
        )
        self.read_only_note.setVisible(not self.editable)
        box_layout.addWidget(self.read_only_note)
        layout.addWidget(box)
        layout.addStretch(1)
        self.errors = FieldErrors(labels, inputs=dict(self.spins))
        self.status = StatusNote(self.saved_label)
        pad_spin_boxes(self)
        context.events.subscribe(self, (SETTINGS,), lambda _changes: self.refresh())
        self.refresh()

    def is_ready(self) -> bool:
        return not self._reading

    def refresh(self) -> None:
        self._reading = True
        run_service(
            self,
            self.context,
            partial(read_all_settings, self.context.application.database),
            on_success=self._read,
            on_failure=self._read_failed,
            failure_title=self.tr("Meeting minutes"),
        )

    def _read_failed(self, _error: object) -> None:
        self._reading = False

    def _read(self, values: dict[str, Any]) -> None:
        for definition in SETTINGS_SHOWN:
            self.spins[definition.key].setValue(int(values.get(definition.key, definition.default)))
        self.errors.clear()
        self._reading = False
        self.loaded.emit()

    def values(self) -> dict[str, Any]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def save(self) -> None:
        if not self.editable or self._save_call is not None:
            return
        self.errors.clear()
        self.save_button.setEnabled(False)
        self._save_call = run_service(
            self,
            self.context,
            partial(
                update_settings,
                self.context.application.database,
                self.context.actor,
                self.values(),
            ),
            changes=Changes.of(SETTINGS),
            on_success=lambda _result: self.status.show(self.tr("Saved.")),
            field_errors=self.errors,
            failure_title=self.tr("Meeting minutes"),
        )
        self._save_call.finished.connect(self._save_finished)

    def _save_finished(self) -> None:
        self._save_call = None
        self.save_button.setEnabled(True)
