"""A 系统设置 tab of one module's own settings, built from a description of its fields.

Several modules register a few center-wide settings (:mod:`dangqun.core.setting_definitions`)
and show them on a tab of their own — 会议记录 (issue 15), 阵地预约 (issue 14), the limits of
时间银行 (issue 13) — and those tabs work alike, so :class:`ModuleSettingsForm` does it once:

* a group box with a row a setting: its caption, a spin box (objectName ``<key>Spin``) with a
  line of explanation beside it, or a widget of the tab's own (:class:`WidgetField`), and the
  field's error under it;
* the values read with :func:`dangqun.core.settings.read_all_settings` (the stored value, else
  the registered default), and read again whenever the settings change;
* one Save for all of them: :func:`dangqun.core.settings.update_settings` checks
  ``MANAGE_SETTINGS``, checks each value by its registered rule and writes the audit log in the
  same unit of work, so the values are saved all together or not at all (one user action, one
  transaction); a refused value's Chinese reason stands under its field;
* read-only, without the Save button, for a role without ``MANAGE_SETTINGS`` (the service
  checks again).

How to use it: a tab that is only this form subclasses it and calls :meth:`build` with its
description (:class:`dangqun.ui.settings.minutes_tab.MinutesTab`); a tab with more on it makes
one with ``section=True`` and puts it among its other sections
(:class:`dangqun.ui.settings.timebank_tab.TimebankTab`). Captions, suffixes and explanations are
translated by the tab that describes them, so they keep its translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
from dangqun.core.setting_definitions import SettingDefinition
from dangqun.core.settings import read_all_settings, update_settings
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.settings.tab_kit import StatusNote, tab_icon
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.spin_boxes import pad_spin_boxes


@dataclass(frozen=True)
class SpinField:
    """A whole-number setting in a spin box; the registered rule, not the range, has the last
    word (a period must divide 12), the range only keeps the arrows sensible."""

    definition: SettingDefinition
    caption: str
    suffix: str
    explanation: str
    maximum: int
    minimum: int = 0
    step: int = 1


@dataclass(frozen=True)
class WidgetField:
    """A setting shown by widgets the tab made itself, stacked in its row (the time bank's
    verifier rule: a combo box and the line explaining the choice).

    Made without a parent: the form adopts them in the order of its rows, so the tab order runs
    through them after the spin boxes above and before the Save button.
    """

    definition: SettingDefinition
    caption: str
    widgets: Sequence[QWidget]
    """The first is the input, focused when the value is refused."""
    show: Callable[[Any], None]
    """Shows a stored value (the registered default when none is stored)."""
    value: Callable[[], Any]
    """The value to save."""


class ModuleSettingsForm(QWidget):
    loaded = Signal()
    """The values were read and are shown."""

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, *, section: bool = False
    ) -> None:
        """``section``: one section of a larger tab, without margins or a stretch of its own
        (the tab's layout has them); otherwise the whole tab."""
        super().__init__(parent)
        self.context = context
        self.editable = context.can(Permission.MANAGE_SETTINGS)
        self.spins: dict[str, QSpinBox] = {}
        """The spin box of each :class:`SpinField`, by setting key."""
        self.notes: dict[str, QLabel] = {}
        """The explanation beside each spin box, by setting key (a tab may rewrite it)."""
        self._section = section
        self._fields: tuple[SpinField | WidgetField, ...] = ()
        self._failure_title = ""
        self._save_call: BackgroundCall | None = None
        self._reading = False

    def build(
        self,
        title: str,
        fields: Sequence[SpinField | WidgetField],
        *,
        save_button_name: str,
        failure_title: str,
    ) -> None:
        """Lay out the rows, then read the values. ``save_button_name`` is the Save button's
        objectName (tests and screenshots find it by that); ``failure_title`` heads the
        message when reading or saving fails."""
        self._fields = tuple(fields)
        self._failure_title = failure_title
        layout = QVBoxLayout(self)
        box = QGroupBox(title, self)
        box_layout = QVBoxLayout(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        errors: dict[str, QLabel] = {}
        inputs: dict[str, QWidget] = {}
        for field in self._fields:
            key = field.definition.key
            holder = QWidget(box)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            if isinstance(field, SpinField):
                inputs[key] = self._spin_row(field, box, holder, column)
            else:
                for widget in field.widgets:
                    column.addWidget(widget)
                inputs[key] = field.widgets[0]
            errors[key] = QLabel(holder)
            column.addWidget(errors[key])
            form.addRow(field.caption, holder)
        box_layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tab_icon("save", on_accent=True), self.tr("Save"), box)
        self.save_button.setObjectName(save_button_name)
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
        if self._section:
            layout.setContentsMargins(0, 0, 0, 0)
        else:
            layout.addStretch(1)
        self.errors = FieldErrors(errors, inputs=inputs)
        self.status = StatusNote(self.saved_label)
        pad_spin_boxes(self)
        self.context.events.subscribe(self, (SETTINGS,), lambda _changes: self.refresh())
        self.refresh()

    def _spin_row(
        self, field: SpinField, box: QGroupBox, holder: QWidget, column: QVBoxLayout
    ) -> QSpinBox:
        spin = QSpinBox(box)
        spin.setObjectName(f"{field.definition.key}Spin")
        spin.setRange(field.minimum, field.maximum)
        spin.setSingleStep(field.step)
        spin.setSuffix(field.suffix)
        spin.setMinimumWidth(160)
        spin.setMaximumWidth(220)
        spin.setReadOnly(not self.editable)
        row = QHBoxLayout()
        row.addWidget(spin)
        note = QLabel(field.explanation, holder)
        note.setWordWrap(True)
        row.addWidget(note, 1)
        column.addLayout(row)
        self.spins[field.definition.key] = spin
        self.notes[field.definition.key] = note
        return spin

    # -- reading ----------------------------------------------------------------------------

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
            failure_title=self._failure_title,
        )

    def _read_failed(self, _error: object) -> None:
        self._reading = False

    def _read(self, values: dict[str, Any]) -> None:
        for field in self._fields:
            definition = field.definition
            value = values.get(definition.key, definition.default)
            if isinstance(field, SpinField):
                self.spins[definition.key].setValue(int(value))
            else:
                field.show(value)
        self.errors.clear()
        self._reading = False
        self.loaded.emit()

    # -- saving -----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {
            field.definition.key: (
                self.spins[field.definition.key].value()
                if isinstance(field, SpinField)
                else field.value()
            )
            for field in self._fields
        }

    def is_saving(self) -> bool:
        return self._save_call is not None

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
            failure_title=self._failure_title,
        )
        self._save_call.finished.connect(self._save_finished)

    def _save_finished(self) -> None:
        self._save_call = None
        self.save_button.setEnabled(True)
