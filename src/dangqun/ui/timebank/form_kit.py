"""Form rows with their error labels, as every time bank dialog lays them out.

Each input gets a small red label under it (:class:`~dangqun.ui.widgets.field_errors.FieldErrors`)
named by the service's field, so a refusal is read beside the field it is about (issue 13: "every
refusal shown beside its field in Chinese").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import NOTHING, Changes
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.base import ServiceDialog
from dangqun.ui.widgets.field_errors import FieldErrors


class FormRows:
    """A :class:`QFormLayout` whose rows are an input above its error label."""

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.labels: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}
        self.captions: dict[str, QLabel] = {}
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def add(self, field: str, caption: str, widget: QWidget, *also: str) -> QWidget:
        """Add ``widget`` for the service's ``field`` (and the ``also`` fields it stands for)."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"{field}Error")
        column.addWidget(error)
        label = QLabel(caption)
        label.setBuddy(widget)
        self.layout.addRow(label, holder)
        for name in (field, *also):
            self.labels[name] = error
            self.inputs[name] = widget
        self.captions[field] = label
        return holder

    def set_row_visible(self, field: str, visible: bool) -> None:
        self.layout.setRowVisible(self.captions[field], visible)

    def errors(self, general: QLabel) -> FieldErrors:
        return FieldErrors(self.labels, general, self.inputs)


class TimeBankDialog(ServiceDialog):
    """A dialog whose save runs one service call off the GUI thread (:class:`ServiceDialog`):
    the buttons are disabled meanwhile, so a double click saves once; a refusal stays beside
    the fields; success keeps the result in :attr:`saved` and closes."""

    changes: Changes = NOTHING

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved: Any = None
        self.errors: FieldErrors | None = None
        self.buttons: QDialogButtonBox | None = None

    def service_call(self) -> Callable[[], object] | None:
        """The call to run, or None when the form itself shows why not (nothing to save)."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.is_saving:
            return
        assert self.errors is not None and self.buttons is not None
        self.errors.clear()
        call = self.service_call()
        if call is None:
            self.fit_messages()
            return
        self.save_in_background(
            self.context,
            call,
            changes=self.changes,
            field_errors=self.errors,
            buttons=self.buttons,
            on_success=self._saved,
        )

    def _saved(self, result: object) -> None:
        self.saved = result
        QDialog.accept(self)  # closes; ServiceDialog.accept is the synchronous save
