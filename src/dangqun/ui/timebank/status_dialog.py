"""暂停, 恢复 or 注销 an account, confirmed with a reason (issue 13: "status (active, suspended,
closed — a closed account keeps its history)").

The dialog is the confirmation: it says what the change does before the button is pressed, and
the reason it asks for goes to the audit log with the change. Closing is final; the service
refuses it while records of the volunteer still wait for verification, shown under the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.timebank.changes import VOLUNTEER
from dangqun.timebank.service import VolunteerDetail, VolunteerStatus, set_volunteer_status
from dangqun.ui.context import UiContext
from dangqun.ui.timebank.form_kit import FormRows, TimeBankDialog


class StatusDialog(TimeBankDialog):
    changes = Changes.of(VOLUNTEER)

    def __init__(
        self,
        context: UiContext,
        volunteer: VolunteerDetail,
        status: VolunteerStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.volunteer = volunteer
        self.status = status
        self.setObjectName("volunteerStatusDialog")
        who = f"{volunteer.name}（{volunteer.number}）"
        title, text, action = {
            VolunteerStatus.SUSPENDED: (
                self.tr("Suspend the account"),
                self.tr(
                    "While suspended, {who} takes no new service records and no postings. "
                    "The balance and the history stay; the account can be resumed."
                ),
                self.tr("Suspend"),
            ),
            VolunteerStatus.ACTIVE: (
                self.tr("Resume the account"),
                self.tr("{who} may serve, spend, give and donate again."),
                self.tr("Resume"),
            ),
            VolunteerStatus.CLOSED: (
                self.tr("Close the account"),
                self.tr(
                    "Closing is final: {who} takes no records or postings any more. The "
                    "history, the served hours and the balance are kept and can still be "
                    "printed."
                ),
                self.tr("Close the account"),
            ),
        }[status]
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        explanation = QLabel(text.format(who=who))
        explanation.setObjectName("explanationLabel")
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form_layout = QFormLayout()
        layout.addLayout(form_layout)
        rows = FormRows(form_layout)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Why (kept in the audit log)"))
        rows.add("reason", self.tr("Reason"), self.reason_edit, "status")
        self.general_error = QLabel()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setObjectName("confirmButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = rows.errors(self.general_error)
        self.reason_edit.setFocus()

    def service_call(self) -> Callable[[], object]:
        return partial(
            set_volunteer_status,
            self.context.application.database,
            self.context.actor,
            self.volunteer.id,
            self.status,
            self.reason_edit.text(),
        )
