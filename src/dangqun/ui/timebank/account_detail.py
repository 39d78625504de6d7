"""账户详情: one volunteer's personal data, balances, latest service records and ledger movements
(issue 13: "每个志愿者一个账户 … 收支明细").

The 时间银行 page keeps its height for the account list — a front desk searches a person and
acts on them — and shows only a summary strip of the selected account; this dialog, opened by
double-click, Enter or 详情, holds the history. The page loads the detail on the thread pool
(:func:`load_detail`) and pushes every reload into an open dialog, so a 冲正 or a verification
made meanwhile shows at once. Two actions belong to a line of the history and live here:
冲正 of a selected movement and 打印本次活动的证明 of a selected record of a batch entry; both run
through the flows of the other time bank modules, with the dialog as their parent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.clock import local_today
from dangqun.core.security import Actor
from dangqun.timebank.service import (
    Balances,
    Movement,
    RecordQuery,
    ServiceRecordView,
    VolunteerDetail,
    get_balances,
    get_volunteer,
    hours_in_words,
    list_service_records,
    statement,
)
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon

RECENT = 10
"""Records and movements shown in the detail; the statement (打印存折) prints the rest."""


@dataclass(frozen=True)
class DetailResult:
    volunteer: VolunteerDetail
    balances: Balances
    records: tuple[ServiceRecordView, ...]
    movements: tuple[Movement, ...]


def load_detail(database: Any, actor: Actor, volunteer_id: int) -> DetailResult:
    """The volunteer, balances, latest records and the latest ledger movements (the last page
    of the statement since the account was opened)."""
    volunteer = get_volunteer(database, actor, volunteer_id)
    today = max(local_today(), volunteer.opened_on)
    first = statement(database, actor, volunteer_id, volunteer.opened_on, today, 0, 1)
    latest = statement(
        database,
        actor,
        volunteer_id,
        volunteer.opened_on,
        today,
        max(first.total_movements - RECENT, 0),
        RECENT,
    )
    records = list_service_records(
        database, actor, RecordQuery(volunteer_id=volunteer_id), 0, RECENT
    )
    return DetailResult(
        volunteer,
        get_balances(database, actor, volunteer_id),
        records.rows,
        tuple(reversed(latest.movements)),
    )


class AccountDetailDialog(QDialog):
    """The detail of one account; :meth:`show_result` refreshes it in place.

    ``flow(name)`` imports the module of another part of the time bank (the page's
    ``FLOW_MODULES``); ``may_reverse`` and ``may_print_activity`` say whether the role and the
    installed modules offer 冲正 and 打印本次活动的证明.
    """

    def __init__(
        self,
        context: UiContext,
        result: DetailResult,
        flow: Callable[[str], Any],
        may_reverse: bool,
        may_print_activity: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.flow = flow
        self.shown = result
        self.setObjectName("accountDetailDialog")
        self.setWindowTitle(self.tr("Account details"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        column = QVBoxLayout(self)
        self.name_label = QLabel()
        self.name_label.setObjectName("detailName")
        self.name_label.setProperty("role", "sectionTitle")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.name_label)
        top = QHBoxLayout()
        top.setSpacing(32)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("detailFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.facts_label, 1)
        figures = QGridLayout()
        figures.setHorizontalSpacing(16)
        figures.setVerticalSpacing(0)
        self.balance_labels: dict[str, QLabel] = {}
        for place, (key, title) in enumerate(
            (
                ("served", self.tr("Served")),
                ("spendable", self.tr("Spendable")),
                ("pending", self.tr("Pending")),
            )
        ):
            caption = QLabel(title)
            caption.setProperty("role", "muted")
            value = QLabel("—")
            value.setObjectName(f"{key}Value")
            value.setProperty("role", "figureCompact")
            figures.addWidget(caption, place, 0)
            figures.addWidget(value, place, 1)
            self.balance_labels[key] = value
        figures.setRowStretch(3, 1)
        top.addLayout(figures)
        column.addLayout(top)
        self.history_tabs = QTabWidget()
        self.history_tabs.setObjectName("historyTabs")
        self.records_model = QStandardItemModel(0, 5, self)
        self.records_model.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Category"),
                self.tr("Duration"),
                self.tr("Status"),
                self.tr("For whom"),
            ]
        )
        self.records_view = self._table("recordsView", self.records_model)
        self.activity_button = QPushButton(
            icon("print"), self.tr("Certificates for this activity…")
        )
        self.activity_button.setObjectName("activityCertificatesButton")
        self.activity_button.setToolTip(
            self.tr("Choose a record entered in a batch (one activity) to print its certificates")
        )
        self.activity_button.clicked.connect(self.print_activity_certificates)
        self.activity_button.setVisible(may_print_activity)
        self.history_tabs.addTab(
            self._tab(self.records_view, self.activity_button), self.tr("Latest service")
        )
        self.movements_model = QStandardItemModel(0, 5, self)
        self.movements_model.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Minutes"),
                self.tr("Balance"),
                self.tr("Description"),
            ]
        )
        self.movements_view = self._table("movementsView", self.movements_model)
        self.reverse_button = QPushButton(icon("restore"), self.tr("Reverse…"))
        self.reverse_button.setObjectName("reverseButton")
        self.reverse_button.setToolTip(self.tr("Choose a spending, gift or donation to reverse"))
        self.reverse_button.clicked.connect(self.open_reversal)
        self.reverse_button.setVisible(may_reverse)
        self.history_tabs.addTab(
            self._tab(self.movements_view, self.reverse_button), self.tr("Latest movements")
        )
        # A tooltip rather than a line of text: at 1024×768 and the largest font every line
        # counts.
        self.history_tabs.setToolTip(
            self.tr("The latest {count} of each; the passbook statement prints them all.").format(
                count=RECENT
            )
        )
        column.addWidget(self.history_tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.show_result(result)
        self.resize(self._comfortable_size())

    def _comfortable_size(self) -> Any:
        """Wide enough for the five columns, never taller or wider than the window it opens
        over (1024×768 leaves a dialog about 700 pixels)."""
        hint = self.sizeHint()
        width = max(hint.width(), self.fontMetrics().horizontalAdvance("M") * 60)
        height = max(hint.height(), self.fontMetrics().height() * 26)
        parent = self.parentWidget()
        if parent is not None:
            window = parent.window()
            width = min(width, window.width() - 48)
            height = min(height, window.height() - 48)
        hint.setWidth(width)
        hint.setHeight(height)
        return hint

    def _table(self, name: str, model: QStandardItemModel) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        view.selectionModel().selectionChanged.connect(self._update_buttons)
        return view

    def _tab(self, view: QTableView, button: QPushButton) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(view, 1)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return tab

    def show_result(self, result: DetailResult) -> None:
        """Show ``result`` (the page calls this after each reload), keeping the selected lines
        where they still are."""
        self.shown = result
        volunteer = result.volunteer
        self.setWindowTitle(self.tr("Account details — {name}").format(name=volunteer.name))
        self.name_label.setText(f"{volunteer.name}  {volunteer.number}")
        self.facts_label.setText("\n".join(self._facts(volunteer)))
        balances = result.balances
        self.balance_labels["served"].setText(hours_in_words(balances.served))
        self.balance_labels["spendable"].setText(hours_in_words(balances.spendable))
        self.balance_labels["pending"].setText(hours_in_words(balances.pending))
        self.records_model.setRowCount(0)
        self.movements_model.setRowCount(0)
        for record in result.records:
            items = [
                QStandardItem(f"{record.served_on:%Y-%m-%d}"),
                QStandardItem(record.category_name),
                QStandardItem(hours_in_words(record.minutes)),
                QStandardItem(record.status_label),
                QStandardItem(record.beneficiary),
            ]
            items[0].setData(record.id, Qt.ItemDataRole.UserRole)
            items[0].setData(record.batch_uuid, Qt.ItemDataRole.UserRole + 1)
            self.records_model.appendRow(items)
        for movement in result.movements:
            items = [
                QStandardItem(f"{movement.booked_on:%Y-%m-%d}"),
                QStandardItem(movement.kind_label),
                QStandardItem(f"{movement.amount:+d}"),
                QStandardItem(hours_in_words(movement.balance)),
                QStandardItem(movement.description),
            ]
            items[0].setData(movement.transfer_id, Qt.ItemDataRole.UserRole)
            self.movements_model.appendRow(items)
        self._update_buttons()

    def _facts(self, volunteer: VolunteerDetail) -> list[str]:
        """The account's facts, one a line; personal data comes masked from the service unless
        the role may see it (core/privacy.py)."""
        kind = self.tr("Member") if volunteer.is_member else self.tr("Resident")
        facts = [
            self.tr("{kind} · {status} · opened {opened}").format(
                kind=kind, status=volunteer.status_label, opened=f"{volunteer.opened_on:%Y-%m-%d}"
            ),
            self.tr("ID number {id_number}").format(id_number=volunteer.id_number or "—"),
            self.tr("Phone {phone}").format(phone=volunteer.phone or "—"),
        ]
        if volunteer.address:
            facts.append(self.tr("Address {address}").format(address=volunteer.address))
        if volunteer.skills:
            facts.append(self.tr("Skills {skills}").format(skills="、".join(volunteer.skills)))
        if volunteer.service_areas:
            facts.append(
                self.tr("Service areas {areas}").format(areas="、".join(volunteer.service_areas))
            )
        return facts

    def _selected_data(self, view: QTableView, role: int) -> Any:
        rows = view.selectionModel().selectedRows()
        return rows[0].data(role) if rows else None

    def selected_transfer_id(self) -> int | None:
        found = self._selected_data(self.movements_view, Qt.ItemDataRole.UserRole)
        return int(found) if found is not None else None

    def selected_activity(self) -> str | None:
        found = self._selected_data(self.records_view, Qt.ItemDataRole.UserRole + 1)
        return str(found) if found else None

    def _update_buttons(self, *_arguments: object) -> None:
        self.reverse_button.setEnabled(self.selected_transfer_id() is not None)
        self.activity_button.setEnabled(self.selected_activity() is not None)

    def open_reversal(self) -> None:
        transfer_id = self.selected_transfer_id()
        if transfer_id is not None:
            self.flow("transfer").open_reversal(self, transfer_id)

    def print_activity_certificates(self) -> None:
        activity = self.selected_activity()
        if activity is not None:
            self.flow("print").print_activity_certificates(self, activity)
