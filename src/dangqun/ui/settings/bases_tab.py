"""系统设置 → 阵地预约: the booking rules a center sets for itself (issue 14, "Rules").

Minimum notice, maximum advance, buffer minutes between bookings and the monthly quota per
visiting organization — the settings :mod:`dangqun.bases.booking_settings` registered — saved
with :func:`dangqun.core.settings.update_settings`: audited, each value checked by its
registered rule, the Chinese reason shown beside the field, as the other tabs do. Everyone sees
them; only ``MANAGE_SETTINGS`` may change them (the service checks again).
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

from dangqun.bases.service import (
    BUFFER_MINUTES,
    MAX_ADVANCE_DAYS,
    MIN_NOTICE_MINUTES,
    MONTHLY_QUOTA,
)
from dangqun.core.changes import SETTINGS, Changes
from dangqun.core.security import Permission
from dangqun.core.settings import read_all_settings, update_settings
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.settings.tab_kit import StatusNote, tab_icon
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.spin_boxes import pad_spin_boxes


class BasesTab(QWidget):
    loaded = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editable = context.can(Permission.MANAGE_SETTINGS)
        self._save_call: BackgroundCall | None = None
        self._reading = False
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Booking rules"), self)
        box_layout = QVBoxLayout(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.spins: dict[str, QSpinBox] = {}
        labels: dict[str, QLabel] = {}
        for definition, caption, suffix, maximum, explanation in (
            (
                MIN_NOTICE_MINUTES,
                self.tr("Minimum notice"),
                self.tr(" minutes"),
                30 * 24 * 60,
                self.tr("A booking starts at least this long after it is taken; 0: walk-ins."),
            ),
            (
                MAX_ADVANCE_DAYS,
                self.tr("Maximum advance"),
                self.tr(" days"),
                730,
                self.tr("How far ahead a date may be booked."),
            ),
            (
                BUFFER_MINUTES,
                self.tr("Buffer between bookings"),
                self.tr(" minutes"),
                240,
                self.tr("The room is held this long after each booking for tidying."),
            ),
            (
                MONTHLY_QUOTA,
                self.tr("Monthly quota per organization"),
                self.tr(" bookings"),
                1000,
                self.tr("The most bookings one visiting organization holds in a month; 0: none."),
            ),
        ):
            spin = QSpinBox(box)
            spin.setObjectName(f"{definition.key}Spin")
            spin.setRange(0, maximum)
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
        self.save_button.setObjectName("saveBasesSettingsButton")
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
            failure_title=self.tr("Bookings"),
        )

    def _read_failed(self, _error: object) -> None:
        self._reading = False

    def _read(self, values: dict[str, Any]) -> None:
        for definition in (MIN_NOTICE_MINUTES, MAX_ADVANCE_DAYS, BUFFER_MINUTES, MONTHLY_QUOTA):
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
            failure_title=self.tr("Bookings"),
        )
        self._save_call.finished.connect(self._save_finished)

    def _save_finished(self) -> None:
        self._save_call = None
        self.save_button.setEnabled(True)
