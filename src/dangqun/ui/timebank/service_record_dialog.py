"""登记服务: one service record from a paper slip (issue 13, "Service records").

Who served is the volunteer chosen on the page; the form asks for the category (the editable
list of 系统设置, retired ones left out), whom or what for (a kind and a text), the date, the
local start and end time (with 跨午夜 for a night shift), the minutes — computed from the times
and editable in 15-minute steps — the slip number, the content and notes. The record is saved
待核实; it credits nothing until someone verifies it. Every refusal of the service (future
service, overlap, cap, duplicate slip, …) appears under the field it names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from functools import partial

from PySide6.QtCore import QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.clock import local_today
from dangqun.core.errors import FieldError
from dangqun.timebank.changes import LEDGER, SERVICE_RECORD, VOLUNTEER
from dangqun.timebank.service import (
    BeneficiaryKind,
    CategoryView,
    ServiceForm,
    VolunteerDetail,
    hours_in_words,
    list_categories,
    record_service,
)
from dangqun.timebank.vocabulary import BENEFICIARY_KIND_LABELS
from dangqun.ui.context import UiContext
from dangqun.ui.timebank.form_kit import FormRows, TimeBankDialog
from dangqun.ui.widgets.date_field import DateField
from dangqun.ui.widgets.spin_boxes import pad_spin_boxes
from dangqun.ui.widgets.window_fit import fit_to_layout

MINUTE_STEP = 15
MINUTES_IN_A_DAY = 24 * 60


def span_minutes(starts_at: time, ends_at: time, crosses_midnight: bool) -> int:
    """Minutes from start to end, through midnight when said so (as the service counts them)."""
    span = (ends_at.hour * 60 + ends_at.minute) - (starts_at.hour * 60 + starts_at.minute)
    return span + MINUTES_IN_A_DAY if crosses_midnight else span


def _time_of(edit: QTimeEdit) -> time:
    value = edit.time()
    return time(value.hour(), value.minute())


class ServiceRecordDialog(TimeBankDialog):
    changes = Changes.of(SERVICE_RECORD, VOLUNTEER, LEDGER)

    def __init__(
        self, context: UiContext, volunteer: VolunteerDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.volunteer = volunteer
        self._minutes_edited = False
        self.setObjectName("serviceRecordDialog")
        self.setWindowTitle(self.tr("Record a service"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        who = QLabel(
            self.tr("Volunteer: {name} ({number})").format(
                name=volunteer.name, number=volunteer.number
            )
        )
        who.setObjectName("volunteerLabel")
        who.setProperty("role", "subtitle")
        layout.addWidget(who)
        form_layout = QFormLayout()
        layout.addLayout(form_layout)
        rows = FormRows(form_layout)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("categoryCombo")
        for category in self._categories():
            self.category_combo.addItem(category.name, category.id)
        rows.add("category_id", self.tr("Category"), self.category_combo, "category")
        self.beneficiary_kind_combo = QComboBox()
        self.beneficiary_kind_combo.setObjectName("beneficiaryKindCombo")
        for kind, label in BENEFICIARY_KIND_LABELS.items():
            self.beneficiary_kind_combo.addItem(label, kind)
        self.beneficiary_edit = QLineEdit()
        self.beneficiary_edit.setObjectName("beneficiaryEdit")
        self.beneficiary_edit.setPlaceholderText(self.tr("e.g. Grandma Zhang, Building 3"))
        whom = QWidget()
        whom_row = QHBoxLayout(whom)
        whom_row.setContentsMargins(0, 0, 0, 0)
        whom_row.addWidget(self.beneficiary_kind_combo)
        whom_row.addWidget(self.beneficiary_edit, 1)
        rows.add("beneficiary", self.tr("For whom"), whom, "beneficiary_kind")
        self.date_field = DateField()
        self.date_field.setObjectName("servedOnField")
        self.date_field.set_value(local_today())
        rows.add("served_on", self.tr("Date"), self.date_field)
        self.start_edit = QTimeEdit(QTime(9, 0))
        self.start_edit.setObjectName("startEdit")
        self.end_edit = QTimeEdit(QTime(11, 0))
        self.end_edit.setObjectName("endEdit")
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        self.midnight_check = QCheckBox(self.tr("Ends after midnight"))
        self.midnight_check.setObjectName("midnightCheck")
        times = QWidget()
        times_row = QHBoxLayout(times)
        times_row.setContentsMargins(0, 0, 0, 0)
        times_row.addWidget(self.start_edit)
        times_row.addWidget(QLabel(self.tr("to")))
        times_row.addWidget(self.end_edit)
        times_row.addWidget(self.midnight_check)
        times_row.addStretch(1)
        rows.add("starts_at", self.tr("Time"), times, "ends_at", "crosses_midnight")
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("minutesSpin")
        self.minutes_spin.setRange(0, MINUTES_IN_A_DAY)
        self.minutes_spin.setSingleStep(MINUTE_STEP)
        self.minutes_spin.setSuffix(self.tr(" minutes"))
        self.minutes_words = QLabel()
        self.minutes_words.setObjectName("minutesWords")
        self.minutes_words.setWordWrap(True)
        minutes = QWidget()
        minutes_row = QHBoxLayout(minutes)
        minutes_row.setContentsMargins(0, 0, 0, 0)
        minutes_row.addWidget(self.minutes_spin)
        minutes_row.addWidget(self.minutes_words, 1)
        rows.add("minutes", self.tr("Duration"), minutes)
        self.slip_edit = QLineEdit()
        self.slip_edit.setObjectName("slipEdit")
        self.slip_edit.setPlaceholderText(self.tr("The number on the paper slip, if any"))
        rows.add("slip_number", self.tr("Slip number"), self.slip_edit)
        self.content_edit = QPlainTextEdit()
        self.content_edit.setObjectName("contentEdit")
        self.content_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        rows.add("content", self.tr("Content"), self.content_edit)
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("notesEdit")
        rows.add("notes", self.tr("Notes"), self.notes_edit)
        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = rows.errors(self.general_error)
        pad_spin_boxes(self)
        for edit in (self.start_edit, self.end_edit):
            edit.timeChanged.connect(self._times_changed)
        self.midnight_check.toggled.connect(self._times_changed)
        self.minutes_spin.valueChanged.connect(self._minutes_changed)
        self._times_changed()

    def showEvent(self, event: QShowEvent) -> None:
        """As large as its text needs at the user's font size, within the window (issue 11)."""
        super().showEvent(event)
        fit_to_layout(self)

    def _categories(self) -> list[CategoryView]:
        return list_categories(self.context.application.database, self.context.actor)

    def span(self) -> int:
        return span_minutes(
            _time_of(self.start_edit), _time_of(self.end_edit), self.midnight_check.isChecked()
        )

    def _times_changed(self, *_arguments: object) -> None:
        """The duration follows the times until the user sets it himself."""
        if not self._minutes_edited:
            self.minutes_spin.blockSignals(True)
            self.minutes_spin.setValue(max(self.span(), 0))
            self.minutes_spin.blockSignals(False)
        self._show_words()

    def _minutes_changed(self, _value: int) -> None:
        self._minutes_edited = True
        self._show_words()

    def _show_words(self) -> None:
        span = self.span()
        self.minutes_words.setText(
            self.tr("{minutes} (start to end: {span})").format(
                minutes=hours_in_words(self.minutes_spin.value()),
                span=hours_in_words(span) if span > 0 else "—",
            )
        )

    def form(self, served_on: date) -> ServiceForm:
        minutes = self.minutes_spin.value()
        kind = self.beneficiary_kind_combo.currentData()
        return ServiceForm(
            volunteer_id=self.volunteer.id,
            category_id=int(self.category_combo.currentData() or 0),
            served_on=served_on,
            starts_at=_time_of(self.start_edit),
            ends_at=_time_of(self.end_edit),
            beneficiary_kind=kind
            if isinstance(kind, BeneficiaryKind)
            else BeneficiaryKind.RESIDENT,
            beneficiary=self.beneficiary_edit.text(),
            content=self.content_edit.toPlainText(),
            minutes=None if minutes == self.span() else minutes,
            crosses_midnight=self.midnight_check.isChecked(),
            slip_number=self.slip_edit.text() or None,
            notes=self.notes_edit.text() or None,
        )

    def service_call(self) -> Callable[[], object] | None:
        assert self.errors is not None
        problem = self.date_field.error()
        served_on = self.date_field.value_or_none()
        if problem is not None or served_on is None:
            self.errors.show([FieldError("served_on", problem or self.tr("Enter the date"))])
            return None
        return partial(
            record_service,
            self.context.application.database,
            self.context.actor,
            self.form(served_on),
        )
