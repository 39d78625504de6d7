"""兑换, 转赠, 捐赠 and 冲正: the postings a front desk makes from a volunteer's account (issue 13).

Why the dialogs work as they do:

* **One request id per opening** (issue 13, "Each posting carries a request id so a
  double-click or a retried save can never post twice"): the id is made when the dialog opens
  and every save of that dialog sends it, so the service posts once and answers a repeat with
  the first transfer (``repeated=True``).
* **Warn before the hard limit** (issue 13, "Limits as settings"): before posting, the dialog
  asks :func:`~dangqun.timebank.service.check_outgoing`. ``NEAR`` shows a yellow warning the
  user confirms; ``OVER`` is refused with the reason and nothing is posted (the service refuses
  it again, whatever the screen said).
* **A reversal needs a reason and is never reversed** (DOMAIN §3): the reason is required and
  the service's own message is shown when the transfer is a reversal or was reversed already.

Reads and writes run through :func:`dangqun.ui.operations.run_service` (off the GUI thread) and
announce ``LEDGER`` (and ``SERVICE_RECORD`` for a reversed earn).
"""

from __future__ import annotations

import enum
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotFound
from dangqun.core.security import Actor
from dangqun.timebank.changes import LEDGER, SERVICE_RECORD
from dangqun.timebank.service import (
    Balances,
    LimitCheck,
    LimitLevel,
    PostedTransfer,
    ReceivedKind,
    TransferView,
    VolunteerStatus,
    check_outgoing,
    donate,
    find_volunteer,
    get_balances,
    get_transfer,
    give,
    hours_in_words,
    list_volunteers,
    reverse_transfer,
    spend,
)
from dangqun.timebank.vocabulary import RECEIVED_KIND_LABELS
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.base import ServiceDialog
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.spin_boxes import pad_spin_boxes
from dangqun.ui.widgets.window_fit import fit_to_layout

WARNING_STYLE = "background: #FFF4CE; color: #6B4E00; border: 1px solid #E0C060; padding: 6px;"
"""The yellow of a warning the user confirms (not the red of a refusal)."""
SEARCH_LIMIT = 12
VOLUNTEER_NUMBER = re.compile(r"^\s*zy\d+\s*$", re.IGNORECASE)


class HasContext(Protocol):
    """What a page offers the dialogs it opens: the signed-in context."""

    context: UiContext


@dataclass(frozen=True)
class VolunteerChoice:
    """A volunteer as a picker found one."""

    id: int
    number: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.number} {self.name}"


def search_volunteers(database: Database, actor: Actor, text: str) -> list[VolunteerChoice]:
    """Active accounts by exact 志愿者编号, else whose name or number contains ``text``.

    Runs on a worker thread. Only active accounts: suspended and closed ones take no records
    and no postings (issue 13), so offering them would only lead to a refusal.
    """
    if VOLUNTEER_NUMBER.match(text):
        try:
            found = find_volunteer(database, actor, text)
        except NotFound:
            found = None
        if found is not None and found.status is VolunteerStatus.ACTIVE:
            return [VolunteerChoice(found.id, found.number, found.name)]
    page = list_volunteers(database, actor, text, VolunteerStatus.ACTIVE, 0, SEARCH_LIMIT)
    return [VolunteerChoice(row.id, row.number, row.name) for row in page.rows]


class VolunteerPicker(QWidget):
    """Type a 志愿者编号 or part of a name and press Enter: one match is taken at once, several
    are offered in a menu, none is said beside the field."""

    chosen = Signal(object)
    """A :class:`VolunteerChoice`."""
    nothing_found = Signal(str)
    """The text that matched no active volunteer."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.choice: VolunteerChoice | None = None
        self.menu: QMenu | None = None
        self._call: BackgroundCall | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("volunteerSearchEdit")
        self.edit.setPlaceholderText(self.tr("Volunteer number or name"))
        self.edit.returnPressed.connect(self.search)
        layout.addWidget(self.edit, 1)
        self.button = QPushButton(icon("search"), self.tr("Find"), self)
        self.button.setObjectName("volunteerSearchButton")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.search)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    @property
    def is_searching(self) -> bool:
        return self._call is not None

    def search(self) -> None:
        text = self.edit.text().strip()
        if not text or self._call is not None:
            return
        self.button.setEnabled(False)
        self._call = run_service(
            self,
            self.context,
            partial(search_volunteers, self.context.application.database, self.context.actor, text),
            on_success=self._found,
            on_failure=self._settle,
        )

    def _settle(self, _error: object = None) -> None:
        self._call = None
        self.button.setEnabled(True)

    def _found(self, choices: list[VolunteerChoice]) -> None:
        self._settle()
        if len(choices) == 1:
            self.take(choices[0])
            return
        if not choices:
            self.edit.setToolTip(self.tr("No active volunteer matches."))
            self.edit.selectAll()
            self.nothing_found.emit(self.edit.text().strip())
            return
        self.menu = QMenu(self)
        for choice in choices:
            action = QAction(choice.label, self.menu)
            action.setData(choice)
            action.triggered.connect(partial(self.take, choice))
            self.menu.addAction(action)
        self.menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))

    def take(self, choice: VolunteerChoice, _checked: bool = False) -> None:
        self.choice = choice
        self.chosen.emit(choice)


class TransferKindChoice(enum.Enum):
    """What ``open_transfer`` may be asked for."""

    SPEND = "spend"
    GIVE = "give"
    DONATE = "donate"


class TransferDialog(ServiceDialog):
    """兑换 / 转赠 / 捐赠 from one volunteer's account."""

    posted = Signal(object)
    """The :class:`PostedTransfer` (also when the request id had posted before)."""

    def __init__(
        self,
        context: UiContext,
        volunteer_id: int | None,
        kind: TransferKindChoice,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.volunteer_id = volunteer_id
        self.target: VolunteerChoice | None = None
        self.request_id = uuid.uuid4().hex
        """One per opening: every save of this dialog posts at most once (issue 13)."""
        self.balances: Balances | None = None
        self.result_transfer: PostedTransfer | None = None
        self.near_confirmed_for: int | None = None
        """The minutes the user confirmed a NEAR warning for (a new amount asks again)."""
        self._call: BackgroundCall | None = None
        self.setObjectName("transferDialog")
        self.setWindowTitle(
            {
                TransferKindChoice.SPEND: self.tr("Exchange minutes"),
                TransferKindChoice.GIVE: self.tr("Give minutes"),
                TransferKindChoice.DONATE: self.tr("Donate to the public pool"),
            }[kind]
        )
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            {
                TransferKindChoice.SPEND: self.tr(
                    "The volunteer spends minutes on an item or a service from the center's "
                    "exchange catalogue. Minutes served stay on the certificate."
                ),
                TransferKindChoice.GIVE: self.tr(
                    "Minutes go to another volunteer, e.g. a relative. Giving does not reduce "
                    "the minutes the giver has served."
                ),
                TransferKindChoice.DONATE: self.tr(
                    "Minutes go to the center's public pool, for residents who need help. "
                    "Donating does not reduce the minutes served."
                ),
            }[kind]
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.volunteer_label = QLabel(self)
        self.volunteer_label.setObjectName("volunteerLabel")
        self.volunteer_picker = VolunteerPicker(context, self)
        self.volunteer_picker.setObjectName("volunteerPicker")
        self.volunteer_picker.chosen.connect(self._volunteer_chosen)
        holder = QWidget(self)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.volunteer_picker)
        holder_layout.addWidget(self.volunteer_label)
        self.volunteer_error = QLabel(self)
        holder_layout.addWidget(self.volunteer_error)
        self.volunteer_picker.setVisible(volunteer_id is None)
        self.volunteer_label.setVisible(False)
        form.addRow(self.tr("Volunteer"), holder)
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("balanceLabel")
        self.balance_label.setWordWrap(True)
        self.balance_label.setText("—")
        form.addRow(self.tr("Balance"), self.balance_label)

        self.received_kind_combo = QComboBox(self)
        self.received_kind_combo.setObjectName("receivedKindCombo")
        for received_kind, label in RECEIVED_KIND_LABELS.items():
            self.received_kind_combo.addItem(label, received_kind)
        self.received_edit = QLineEdit(self)
        self.received_edit.setObjectName("receivedEdit")
        self.received_edit.setPlaceholderText(self.tr("e.g. 爱心米 5 斤, 理发一次"))
        self.received_error = QLabel(self)
        received = QWidget(self)
        received_layout = QVBoxLayout(received)
        received_layout.setContentsMargins(0, 0, 0, 0)
        received_row = QHBoxLayout()
        received_row.addWidget(self.received_kind_combo)
        received_row.addWidget(self.received_edit, 1)
        received_layout.addLayout(received_row)
        received_layout.addWidget(self.received_error)
        if kind is TransferKindChoice.SPEND:
            form.addRow(self.tr("Exchanged for"), received)
        else:
            received.setVisible(False)

        self.target_picker = VolunteerPicker(context, self)
        self.target_picker.setObjectName("targetPicker")
        self.target_picker.chosen.connect(self.choose_target)
        self.target_label = QLabel(self)
        self.target_label.setObjectName("targetLabel")
        self.target_error = QLabel(self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(self.tr("Optional, e.g. to my mother"))
        target = QWidget(self)
        target_layout = QVBoxLayout(target)
        target_layout.setContentsMargins(0, 0, 0, 0)
        target_layout.addWidget(self.target_picker)
        target_layout.addWidget(self.target_label)
        self.target_label.setVisible(False)
        target_layout.addWidget(self.target_error)
        if kind is TransferKindChoice.GIVE:
            form.addRow(self.tr("Give to"), target)
            form.addRow(self.tr("Note"), self.note_edit)
        else:
            target.setVisible(False)
            self.note_edit.setVisible(False)

        self.minutes_spin = QSpinBox(self)
        self.minutes_spin.setObjectName("minutesSpin")
        self.minutes_spin.setRange(1, 100_000)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setValue(60)
        self.minutes_spin.setSuffix(self.tr(" minutes"))
        self.minutes_spin.setMinimumWidth(160)
        self.minutes_spin.valueChanged.connect(self._minutes_changed)
        self.minutes_words = QLabel(self)
        self.minutes_error = QLabel(self)
        minutes = QWidget(self)
        minutes_layout = QVBoxLayout(minutes)
        minutes_layout.setContentsMargins(0, 0, 0, 0)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.minutes_spin)
        minutes_row.addWidget(self.minutes_words, 1)
        minutes_layout.addLayout(minutes_row)
        minutes_layout.addWidget(self.minutes_error)
        form.addRow(self.tr("Minutes"), minutes)
        layout.addLayout(form)

        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("limitWarningLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.setVisible(False)
        layout.addWidget(self.warning_label)
        self.general_error = QLabel(self)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Post"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = FieldErrors(
            {
                "volunteer_id": self.volunteer_error,
                "received": self.received_error,
                "to_volunteer_id": self.target_error,
                "minutes": self.minutes_error,
            },
            self.general_error,
            inputs={
                "received": self.received_edit,
                "to_volunteer_id": self.target_picker,
                "minutes": self.minutes_spin,
            },
        )
        pad_spin_boxes(self)
        self._minutes_changed()
        self.setMinimumWidth(560)
        self.resize(600, 420)
        if volunteer_id is not None:
            self._load_volunteer(volunteer_id)

    # -- reading ----------------------------------------------------------------------------

    def is_ready(self) -> bool:
        """For ``dangqun screenshot``: the volunteer's balances have been read."""
        return self.volunteer_id is None or self.balances is not None

    def _load_volunteer(self, volunteer_id: int) -> None:
        self.volunteer_id = volunteer_id
        run_service(
            self,
            self.context,
            partial(
                _volunteer_facts,
                self.context.application.database,
                self.context.actor,
                volunteer_id,
            ),
            on_success=self._volunteer_read,
            failure_title=self.windowTitle(),
        )

    def _volunteer_read(self, facts: tuple[VolunteerChoice, Balances]) -> None:
        choice, balances = facts
        self.volunteer_label.setText(choice.label)
        self.volunteer_label.setVisible(True)
        self.show_balances(balances)

    def show_balances(self, balances: Balances) -> None:
        self.balances = balances
        self.balance_label.setText(
            self.tr("Spendable {spendable} · served {served} · pending {pending}").format(
                spendable=balances.spendable_text,
                served=balances.served_text,
                pending=balances.pending_text,
            )
        )
        fit_to_layout(self)

    def _volunteer_chosen(self, choice: VolunteerChoice) -> None:
        self.volunteer_picker.edit.clear()
        self._load_volunteer(choice.id)

    def choose_target(self, choice: VolunteerChoice) -> None:
        self.target = choice
        self.target_picker.edit.clear()
        self.target_label.setText(choice.label)
        self.target_label.setVisible(True)
        fit_to_layout(self)

    def _minutes_changed(self) -> None:
        self.minutes_words.setText(hours_in_words(self.minutes_spin.value()))
        if self.near_confirmed_for != self.minutes_spin.value():
            self.warning_label.setVisible(False)

    # -- saving -----------------------------------------------------------------------------

    @property
    def is_busy(self) -> bool:
        return self._call is not None

    def accept(self) -> None:
        """Check the limit first (NEAR asks, OVER refuses), then post with this dialog's id."""
        if self._call is not None:
            return
        self.errors.clear()
        missing: list[FieldError] = []
        if self.volunteer_id is None:
            missing.append(FieldError("volunteer_id", self.tr("Choose the volunteer first.")))
        if self.kind is TransferKindChoice.GIVE and self.target is None:
            missing.append(
                FieldError("to_volunteer_id", self.tr("Choose the volunteer who receives."))
            )
        if missing:
            self.errors.show(missing)
            self.fit_messages()
            return
        assert self.volunteer_id is not None
        minutes = self.minutes_spin.value()
        self._busy(
            partial(
                check_outgoing,
                self.context.application.database,
                self.context.actor,
                self.volunteer_id,
                minutes,
            ),
            Changes(),
            partial(self._limit_checked, minutes),
        )

    def _busy(self, call: Callable[[], Any], changes: Changes, done: Callable[[Any], None]) -> None:
        self.buttons.setEnabled(False)

        def succeeded(result: Any) -> None:
            self._settle()
            done(result)

        self._call = run_service(
            self,
            self.context,
            call,
            changes=changes,
            on_success=succeeded,
            on_failure=self._failed,
            field_errors=self.errors,
            failure_title=self.windowTitle(),
        )

    def _settle(self) -> None:
        self._call = None
        self.buttons.setEnabled(True)

    def _failed(self, _error: BaseException) -> None:
        self._settle()
        self.fit_messages()

    def _limit_checked(self, minutes: int, check: LimitCheck) -> None:
        if check.level is LimitLevel.OVER:
            self.errors.show([FieldError("minutes", self.over_message(check, minutes))])
            self.fit_messages()
            return
        if check.level is LimitLevel.NEAR and self.near_confirmed_for != minutes:
            warning = self.near_message(check)
            self.warning_label.setText(warning)
            self.warning_label.setVisible(True)
            self.fit_messages()
            if not message_boxes.confirm(self, self.windowTitle(), warning, self.tr("Post anyway")):
                return
            self.near_confirmed_for = minutes
        self.post()

    def over_message(self, check: LimitCheck, minutes: int) -> str:
        allowed = (
            self.tr("the balance may not go below zero")
            if check.floor == 0
            else self.tr("the overdraft allowed is {limit}").format(
                limit=hours_in_words(-check.floor)
            )
        )
        return self.tr(
            "Not enough minutes: the balance is {balance}, this needs {minutes}; {allowed}."
        ).format(
            balance=hours_in_words(check.balance), minutes=hours_in_words(minutes), allowed=allowed
        )

    def near_message(self, check: LimitCheck) -> str:
        return self.tr(
            "After this the balance is {after}, close to the lowest allowed ({floor}). "
            "Post all the same?"
        ).format(after=hours_in_words(check.balance_after), floor=hours_in_words(check.floor))

    def post(self) -> None:
        """Post with this dialog's request id: a second call posts nothing new."""
        assert self.volunteer_id is not None
        database, actor = self.context.application.database, self.context.actor
        minutes = self.minutes_spin.value()
        call: Callable[[], PostedTransfer]
        if self.kind is TransferKindChoice.SPEND:
            received_kind = self.received_kind_combo.currentData()
            assert isinstance(received_kind, ReceivedKind)
            call = partial(
                spend,
                database,
                actor,
                self.volunteer_id,
                minutes,
                received_kind,
                self.received_edit.text(),
                self.request_id,
            )
        elif self.kind is TransferKindChoice.GIVE:
            assert self.target is not None
            call = partial(
                give,
                database,
                actor,
                self.volunteer_id,
                self.target.id,
                minutes,
                self.request_id,
                note=self.note_edit.text(),
            )
        else:
            call = partial(donate, database, actor, self.volunteer_id, minutes, self.request_id)
        self._busy(call, Changes.of(LEDGER), self._posted)

    def _posted(self, transfer: PostedTransfer) -> None:
        self.result_transfer = transfer
        self.posted.emit(transfer)
        QDialog.accept(self)


def _volunteer_facts(
    database: Database, actor: Actor, volunteer_id: int
) -> tuple[VolunteerChoice, Balances]:
    from dangqun.timebank.service import get_volunteer

    detail = get_volunteer(database, actor, volunteer_id)
    return (
        VolunteerChoice(detail.id, detail.number, detail.name),
        get_balances(database, actor, volunteer_id),
    )


class ReversalDialog(ServiceDialog):
    """冲正 one transfer: shows it, asks the reason, posts the linked counter-transfer."""

    def __init__(
        self,
        context: UiContext,
        transfer_id: int,
        parent: QWidget | None = None,
        transfer: TransferView | None = None,
    ) -> None:
        """``transfer``: already read (the page's row); otherwise it is read here."""
        super().__init__(parent)
        self.context = context
        self.transfer_id = transfer_id
        self.request_id = uuid.uuid4().hex
        self.transfer: TransferView | None = None
        self.result_transfer: PostedTransfer | None = None
        self._call: BackgroundCall | None = None
        self.setObjectName("reversalDialog")
        self.setWindowTitle(self.tr("Reverse a transfer"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A reversal posts the same minutes back the other way and keeps the original: "
                "nothing is edited or deleted. A transfer is reversed once; a reversal is "
                "never reversed."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("transferSummary")
        self.summary_label.setWordWrap(True)
        form.addRow(self.tr("Transfer"), self.summary_label)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Required, e.g. 登记错了志愿者"))
        self.reason_error = QLabel(self)
        reason = QWidget(self)
        reason_layout = QVBoxLayout(reason)
        reason_layout.setContentsMargins(0, 0, 0, 0)
        reason_layout.addWidget(self.reason_edit)
        reason_layout.addWidget(self.reason_error)
        form.addRow(self.tr("Reason"), reason)
        layout.addLayout(form)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("reversalError")
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reverse"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = FieldErrors(
            {"reason": self.reason_error},
            self.general_error,
            inputs={"reason": self.reason_edit},
        )
        self.setMinimumWidth(560)
        self.resize(600, 320)
        if transfer is not None:
            self.show_transfer(transfer)
        else:
            run_service(
                self,
                self.context,
                partial(get_transfer, context.application.database, context.actor, transfer_id),
                on_success=self.show_transfer,
                failure_title=self.windowTitle(),
            )

    def is_ready(self) -> bool:
        """For ``dangqun screenshot``: the transfer has been read."""
        return self.transfer is not None

    def show_transfer(self, transfer: TransferView) -> None:
        self.transfer = transfer
        lines = [
            self.tr("No. {id}, {kind}, booked on {day}, {minutes}").format(
                id=transfer.id,
                kind=transfer.kind_label,
                day=f"{transfer.booked_on:%Y-%m-%d}",
                minutes=hours_in_words(transfer.minutes),
            ),
            self.tr("From {source} to {destination}; posted by {user}").format(
                source=transfer.from_account,
                destination=transfer.to_account,
                user=transfer.posted_by,
            ),
        ]
        if transfer.received:
            lines.append(self.tr("Exchanged for: {received}").format(received=transfer.received))
        if transfer.reason:
            lines.append(self.tr("Reason given: {reason}").format(reason=transfer.reason))
        if transfer.reverses_id is not None:
            lines.append(
                self.tr("This is the reversal of No. {id}.").format(id=transfer.reverses_id)
            )
        if transfer.reversed_by is not None:
            lines.append(self.tr("Already reversed by No. {id}.").format(id=transfer.reversed_by))
        self.summary_label.setText("\n".join(lines))
        fit_to_layout(self)

    def accept(self) -> None:
        if self._call is not None:
            return
        self.errors.clear()
        self.buttons.setEnabled(False)
        self._call = run_service(
            self,
            self.context,
            partial(
                reverse_transfer,
                self.context.application.database,
                self.context.actor,
                self.transfer_id,
                self.reason_edit.text(),
                self.request_id,
            ),
            changes=Changes.of(LEDGER, SERVICE_RECORD),
            on_success=self._reversed,
            on_failure=self._failed,
            field_errors=self.errors,
            failure_title=self.windowTitle(),
        )

    def _failed(self, _error: BaseException) -> None:
        self._call = None
        self.buttons.setEnabled(True)
        self.fit_messages()

    def _reversed(self, transfer: PostedTransfer) -> None:
        self._call = None
        self.buttons.setEnabled(True)
        self.result_transfer = transfer
        QDialog.accept(self)


def show_non_blocking(dialog: QDialog) -> QDialog:
    """Window-modal over the page, gone when closed (``open()``: tests can drive it)."""
    from PySide6.QtCore import Qt

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_transfer(
    page: HasContext, volunteer_id: int | None, kind: str | TransferKindChoice
) -> TransferDialog:
    """兑换 (``"spend"``), 转赠 (``"give"``) or 捐赠 (``"donate"``) from ``volunteer_id``'s
    account (None: the user picks the volunteer in the dialog)."""
    parent = page if isinstance(page, QWidget) else None
    dialog = TransferDialog(page.context, volunteer_id, TransferKindChoice(kind), parent)
    show_non_blocking(dialog)
    return dialog


def open_reversal(page: HasContext, transfer_id: int) -> ReversalDialog:
    """冲正 of one transfer, with a required reason."""
    parent = page if isinstance(page, QWidget) else None
    dialog = ReversalDialog(page.context, transfer_id, parent)
    show_non_blocking(dialog)
    return dialog


SCREENSHOT_DIALOGS = ("timebank_exchange", "timebank_give", "timebank_reversal")


def _screenshot_transfer(context: UiContext) -> TransferView:
    """The newest transfer of the first volunteers' statements; a sample when there is none
    (a center without postings yet still has its dialog checked at every screen size)."""
    from datetime import date

    from dangqun.timebank.service import statement

    database, actor = context.application.database, context.actor
    for row in list_volunteers(database, actor, "", None, 0, 20).rows:
        found = statement(database, actor, row.id, date(2000, 1, 1), date.today(), limit=50)
        if found.movements:
            return get_transfer(database, actor, found.movements[-1].transfer_id)
    from dangqun.timebank.vocabulary import TransferKind

    return TransferView(
        id=1,
        kind=TransferKind.SPEND,
        booked_on=date.today(),
        minutes=90,
        from_account="ZY202600001 刘桂兰",
        to_account="兑换目录",
        received="爱心理发一次",
        reason=None,
        posted_by="admin",
        service_record_id=None,
        reverses_id=None,
        reversed_by=None,
    )


def open_dialog(name: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    """``dangqun screenshot``: 兑换 and 转赠 from the first active volunteer, 冲正 of a transfer."""
    del scratch
    database, actor = context.application.database, context.actor
    volunteers = list_volunteers(database, actor, "", VolunteerStatus.ACTIVE, 0, 2).rows
    first = volunteers[0].id if volunteers else None
    if name == "timebank_exchange":
        dialog = TransferDialog(context, first, TransferKindChoice.SPEND, parent)
        dialog.received_edit.setText("爱心理发一次")
        return dialog
    if name == "timebank_give":
        dialog = TransferDialog(context, first, TransferKindChoice.GIVE, parent)
        if len(volunteers) > 1:
            second = volunteers[1]
            dialog.choose_target(VolunteerChoice(second.id, second.number, second.name))
        dialog.note_edit.setText("转给母亲")
        return dialog
    if name == "timebank_reversal":
        transfer = _screenshot_transfer(context)
        reversal = ReversalDialog(context, transfer.id, parent, transfer)
        reversal.reason_edit.setText("登记错了志愿者")
        return reversal
    raise ValueError(f"not a time bank transfer dialog: {name!r}")
