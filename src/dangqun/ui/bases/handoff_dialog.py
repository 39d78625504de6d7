"""The hand-offs of a completed booking (issue 14, "Hand-offs"): 登记讲师志愿服务 — the lecturer,
when a time-bank volunteer, gets a service record for the visit (:mod:`dangqun.bases.handoff`)
— and 生成会议记录草稿 — a visit by a branch or group of this center drafts its meeting record
(:mod:`dangqun.minutes.handoff`, issue 15).

The record is drafted from the booking and shown for review before it is saved as 待核实: the
volunteer, day, times, beneficiary and slip number (the booking number) come from the booking;
the category, content and notes may be changed. Callers show the button only when
:func:`dangqun.bases.handoff.handoff_possible` says so (read with the booking's details) and
call :func:`open_handoff`.

The meeting record opens in the meeting editor prefilled from the booking
(:func:`open_meeting_draft`; the button is shown when
:func:`dangqun.minutes.service.meeting_handoff_possible` says so); the clerk completes the host
and recorder and saves through the minutes services — nothing is stored before. This file is
UI, so it may name both modules; :mod:`dangqun.bases` itself may not know minutes (the layers
in pyproject).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.changes import BOOKING
from dangqun.bases.service import HandoffDraft, handoff_draft, record_handoff
from dangqun.core.changes import Changes
from dangqun.core.errors import FieldError
from dangqun.minutes.service import MeetingDraft, meeting_handoff_draft
from dangqun.timebank.changes import SERVICE_RECORD
from dangqun.ui.context import UiContext
from dangqun.ui.minutes.meeting_editor import open_meeting_editor
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.form_kit import FormRows, TimeBankDialog
from dangqun.ui.widgets.window_fit import fit_to_layout


class HandoffDialog(TimeBankDialog):
    """Review and save the lecturer's service record (待核实)."""

    changes = Changes.of(SERVICE_RECORD, BOOKING)

    def __init__(self, context: UiContext, draft: HandoffDraft, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.draft = draft
        self.setObjectName("handoffDialog")
        self.setWindowTitle(
            self.tr("Volunteer service for booking {number}").format(number=draft.booking_number)
        )
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "The lecturer {name} is a time bank volunteer. The record is saved as pending "
                "(待核实); the minutes are earned when it is verified."
            ).format(name=draft.lecturer)
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        layout.addLayout(form)
        rows = FormRows(form)
        slot = f"{draft.served_on.isoformat()} {draft.starts_at:%H:%M}–{draft.ends_at:%H:%M}"
        rows.add("volunteer_id", self.tr("Volunteer"), QLabel(draft.lecturer))
        rows.add("served_on", self.tr("Date and time"), QLabel(slot), "starts_at", "ends_at")
        rows.add("beneficiary", self.tr("Beneficiary"), QLabel(draft.beneficiary))
        rows.add("slip_number", self.tr("Slip number"), QLabel(draft.booking_number))
        self.category_box = QComboBox()
        self.category_box.setObjectName("categoryBox")
        for category_id, name in draft.categories:
            self.category_box.addItem(name, category_id)
        if draft.category_id is not None:
            self.category_box.setCurrentIndex(self.category_box.findData(draft.category_id))
        rows.add("category_id", self.tr("Category"), self.category_box)
        self.content_edit = QPlainTextEdit(draft.content)
        self.content_edit.setObjectName("contentEdit")
        self.content_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        rows.add("content", self.tr("Content"), self.content_edit)
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("notesEdit")
        rows.add("notes", self.tr("Notes"), self.notes_edit)
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.addButton(
            self.tr("Save as pending"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        save.setObjectName("saveButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = rows.errors(self.general_error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)

    def service_call(self) -> Callable[[], object] | None:
        category_id = self.category_box.currentData()
        if category_id is None:
            assert self.errors is not None
            self.errors.show([FieldError("category_id", self.tr("Choose the service category"))])
            return None
        return partial(
            record_handoff,
            self.context.application.database,
            self.context.actor,
            self.draft,
            category_id=int(category_id),
            content=self.content_edit.toPlainText(),
            notes=self.notes_edit.text() or None,
        )


def open_handoff(page: QWidget, booking_id: int) -> None:
    """Draft the lecturer's record for ``booking_id`` off the GUI thread, then show it for
    review. ``page``: the widget asking (it holds the UI context as ``page.context``, as every
    page does). A booking already handed off says so instead of offering a second record."""
    context: UiContext = page.context  # type: ignore[attr-defined]

    def drafted(draft: HandoffDraft | None) -> None:
        if draft is None:
            QMessageBox.information(
                page,
                QCoreApplication.translate("HandoffDialog", "Volunteer service"),
                QCoreApplication.translate(
                    "HandoffDialog", "This booking's lecturer is not a time bank volunteer."
                ),
            )
        elif draft.already_recorded:
            QMessageBox.information(
                page,
                QCoreApplication.translate("HandoffDialog", "Volunteer service"),
                QCoreApplication.translate(
                    "HandoffDialog",
                    "The lecturer's service for booking {number} is already recorded.",
                ).format(number=draft.booking_number),
            )
        else:
            dialog = HandoffDialog(context, draft, page)
            dialog.open()

    run_service(
        page,
        context,
        partial(handoff_draft, context.application.database, context.actor, booking_id),
        on_success=drafted,
    )


def open_meeting_draft(page: QWidget, booking_id: int) -> None:
    """Draft the meeting record of ``booking_id`` off the GUI thread, then open it in the
    meeting editor for review (``page`` carries ``page.context``, as in :func:`open_handoff`).
    A refusal (the booking changed since the button was shown) is shown in Chinese."""
    context: UiContext = page.context  # type: ignore[attr-defined]

    def drafted(draft: MeetingDraft) -> None:
        open_meeting_editor(page, context, None, draft=draft)

    run_service(
        page,
        context,
        partial(meeting_handoff_draft, context.application.database, context.actor, booking_id),
        on_success=drafted,
        failure_title=QCoreApplication.translate("HandoffDialog", "Meeting record"),
    )
