"""待核实: the records waiting for someone to verify them, with 核实 and 退回 (issue 13).

A record credits nothing until it is verified; verifying posts the earn in the same transaction
(:func:`~dangqun.timebank.service.verify_service_record`). When the center has two or more staff
(setting ``timebank_verifier_rule``) the one who entered a record may not verify it: the
service refuses and its message is shown above the list. Each record keeps one request id for
its verification, so a double click or a retry never posts twice. 退回 asks for the reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.security import Permission
from dangqun.timebank.changes import LEDGER, SERVICE_RECORD, VOLUNTEER
from dangqun.timebank.service import (
    RecordPage,
    RecordQuery,
    RecordStatus,
    ServiceRecordView,
    hours_in_words,
    list_service_records,
    reject_service_record,
    verification_needs_another_user,
    verify_service_record,
)
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.form_kit import FormRows, TimeBankDialog
from dangqun.ui.widgets.field_errors import FieldErrors

PENDING_SHOWN = 500
"""Records listed at once; the count above the list says how many wait in all."""
SERVED_ON, VOLUNTEER_COLUMN, CATEGORY, MINUTES, BENEFICIARY, SLIP, ENTERED_BY = range(7)
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PendingList:
    page: RecordPage
    needs_another_user: bool


def load_pending(context: UiContext) -> PendingList:
    database, actor = context.application.database, context.actor
    return PendingList(
        list_service_records(
            database, actor, RecordQuery(status=RecordStatus.PENDING), limit=PENDING_SHOWN
        ),
        verification_needs_another_user(database),
    )


class PendingRecordModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.records: list[ServiceRecordView] = []

    def set_records(self, records: list[ServiceRecordView]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            SERVED_ON: self.tr("Date"),
            VOLUNTEER_COLUMN: self.tr("Volunteer"),
            CATEGORY: self.tr("Category"),
            MINUTES: self.tr("Duration"),
            BENEFICIARY: self.tr("For whom"),
            SLIP: self.tr("Slip number"),
            ENTERED_BY: self.tr("Entered by"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        record = self.records[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.content
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == SERVED_ON:
            return f"{record.served_on:%Y-%m-%d} {record.starts_at:%H:%M}–{record.ends_at:%H:%M}"
        if column == VOLUNTEER_COLUMN:
            return f"{record.volunteer_name}（{record.volunteer_number}）"
        if column == CATEGORY:
            return record.category_name
        if column == MINUTES:
            return hours_in_words(record.minutes)
        if column == BENEFICIARY:
            return record.beneficiary
        if column == SLIP:
            return record.slip_number or ""
        return record.entered_by


class RejectDialog(TimeBankDialog):
    """退回 with the reason the volunteer and the one who entered the record will read."""

    changes = Changes.of(SERVICE_RECORD, VOLUNTEER)

    def __init__(
        self, context: UiContext, record: ServiceRecordView, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.record = record
        self.setObjectName("rejectRecordDialog")
        self.setWindowTitle(self.tr("Return the record"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        about = QLabel(
            self.tr("{name}, {date}, {category}, {minutes}: the record credits nothing.").format(
                name=record.volunteer_name,
                date=f"{record.served_on:%Y-%m-%d}",
                category=record.category_name,
                minutes=hours_in_words(record.minutes),
            )
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        form_layout = QFormLayout()
        layout.addLayout(form_layout)
        rows = FormRows(form_layout)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        rows.add("reason", self.tr("Reason"), self.reason_edit, "status")
        self.general_error = QLabel()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        confirm = self.buttons.addButton(self.tr("Return"), QDialogButtonBox.ButtonRole.AcceptRole)
        confirm.setObjectName("confirmButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = rows.errors(self.general_error)

    def service_call(self) -> Callable[[], object]:
        return partial(
            reject_service_record,
            self.context.application.database,
            self.context.actor,
            self.record.id,
            self.reason_edit.text(),
        )


class VerificationPanel(QWidget):
    """The to-do list; :attr:`count_changed` tells the page how many records wait."""

    count_changed = Signal(int)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.may_edit = context.can(Permission.EDIT_RECORDS)
        self.total = 0
        self.loading = False
        self.active_dialog: RejectDialog | None = None
        self._request_ids: dict[int, str] = {}
        self._generation = 0
        self.setObjectName("verificationPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.rule_label = QLabel()
        self.rule_label.setObjectName("ruleLabel")
        self.rule_label.setProperty("role", "muted")
        self.rule_label.setWordWrap(True)
        layout.addWidget(self.rule_label)
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        layout.addWidget(self.message_label)
        self.errors = FieldErrors({}, self.message_label)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setVisible(False)
        layout.addWidget(self.notice_label)
        self.model = PendingRecordModel(self)
        self.view = QTableView()
        self.view.setObjectName("pendingView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BENEFICIARY, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("pendingCountLabel")
        buttons.addWidget(self.count_label, 1)
        self.verify_button = QPushButton(icon("verified"), self.tr("Verify"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify_selected)
        self.reject_button = QPushButton(self.tr("Return…"))
        self.reject_button.setObjectName("rejectButton")
        self.reject_button.clicked.connect(self.reject_selected)
        for button in (self.verify_button, self.reject_button):
            button.setVisible(self.may_edit)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._update_buttons()

    def reload(self) -> None:
        self._generation += 1
        self.loading = True
        call = run_service(
            self,
            self.context,
            partial(load_pending, self.context),
            on_success=partial(self._loaded, self._generation),
            failure_title=self.tr("Pending verification"),
        )
        call.failed.connect(self._load_failed)

    def _load_failed(self, _error: object) -> None:
        self.loading = False

    def _loaded(self, generation: int, result: PendingList) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.total = result.page.total
        self.model.set_records(list(result.page.rows))
        if result.page.total > len(result.page.rows):
            count = self.tr("{total} records wait; the oldest {shown} are listed").format(
                total=result.page.total, shown=len(result.page.rows)
            )
        else:
            count = self.tr("{total} records wait for verification").format(total=result.page.total)
        self.count_label.setText(count)
        self.rule_label.setText(
            self.tr(
                "A record is verified by another staff member than the one who entered it "
                "(the center has two or more staff). Only verified service credits hours."
            )
            if result.needs_another_user
            else self.tr(
                "Whoever enters a record may also verify it. Only verified service credits hours."
            )
        )
        self._update_buttons()
        self.count_changed.emit(self.total)

    def selected_record(self) -> ServiceRecordView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.records[rows[0].row()]

    def select_record(self, record_id: int) -> bool:
        for row, record in enumerate(self.model.records):
            if record.id == record_id:
                self.view.selectRow(row)
                return True
        return False

    def _update_buttons(self, *_arguments: object) -> None:
        chosen = self.selected_record() is not None
        self.verify_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    def verify_selected(self) -> None:
        record = self.selected_record()
        if record is None or not self.may_edit:
            return
        request_id = self._request_ids.setdefault(record.id, str(uuid.uuid4()))
        self.errors.clear()
        self.notice_label.setVisible(False)
        self.verify_button.setEnabled(False)
        call = run_service(
            self,
            self.context,
            partial(
                verify_service_record,
                self.context.application.database,
                self.context.actor,
                record.id,
                request_id,
            ),
            changes=Changes.of(SERVICE_RECORD, VOLUNTEER, LEDGER),
            on_success=self._verified,
            field_errors=self.errors,
            failure_title=self.tr("Verify"),
        )
        call.failed.connect(self._update_buttons)

    def _verified(self, posted: Any) -> None:
        self.notice_label.setText(
            self.tr("Verified: {minutes} credited.").format(minutes=hours_in_words(posted.minutes))
        )
        self.notice_label.setVisible(True)

    def reject_selected(self) -> None:
        record = self.selected_record()
        if record is None or not self.may_edit:
            return
        self.errors.clear()
        dialog = RejectDialog(self.context, record, self)
        self.active_dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        dialog = self.active_dialog
        self.active_dialog = None
        if dialog is not None:
            dialog.deleteLater()

    def message(self) -> str:
        """The refusal shown above the list (empty when none): for tests and screen readers."""
        return self.message_label.text() if self.message_label.isVisibleTo(self) else ""
