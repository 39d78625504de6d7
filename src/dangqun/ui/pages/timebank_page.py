"""时间银行: the accounts, one volunteer's balances and history, and the 待核实 to-do (issue 13).

The account list is a paged model (:mod:`dangqun.ui.timebank.volunteer_model`): a search —
name, volunteer number or a member's pinyin, as the front desk types — answers its total and
first page on the thread pool, and further pages are read by offset as they scroll into view,
so 20,000 accounts scroll smoothly. The list keeps the page's height (a front desk searches a
person and acts on them: at 1024×768 about a dozen rows show); under it a one-line strip names
the selected account — name, number, kind, status, served / spendable / pending time in 小时 and
分钟 — with the actions on it. Selecting an account loads its detail in the background; the
history (personal data masked unless the role may see it, the latest service records and
ledger movements, 冲正 and 打印本次活动的证明) opens in 账户详情 by double-click, Enter or 详情
(:mod:`dangqun.ui.timebank.account_detail`).

Roles (DOMAIN.md §3): 只读 sees; 工作人员 and 管理员 open and edit accounts, record and verify
service. Every write runs in a dialog through the time bank service and announces what it
changed (:mod:`dangqun.timebank.changes`); the page listens to those kinds and reloads.

The flows other modules of the time bank build — batch entry, spending, giving and donating,
reversals, the sign-in sheet import, statements and certificates — are offered by name
(:data:`FLOW_MODULES`), imported when used, and hidden while their module is not installed.
"""

from __future__ import annotations

import importlib
import importlib.util
import time
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.errors import DangqunError
from dangqun.core.security import Actor, Permission
from dangqun.timebank.changes import LEDGER, SERVICE_CATEGORY, SERVICE_RECORD, VOLUNTEER
from dangqun.timebank.service import (
    VolunteerDetail,
    VolunteerPage,
    VolunteerRow,
    VolunteerStatus,
    hours_in_words,
    list_volunteers,
)
from dangqun.timebank.vocabulary import VOLUNTEER_STATUS_LABELS
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.account_detail import AccountDetailDialog, DetailResult, load_detail
from dangqun.ui.timebank.verification_panel import VerificationPanel
from dangqun.ui.timebank.volunteer_model import (
    KIND,
    NAME,
    NUMBER,
    PAGE_SIZE,
    PENDING,
    SERVED,
    SKILLS,
    SPENDABLE,
    STATUS,
    VolunteerTableModel,
)
from dangqun.ui.widgets.responsive import FlowLayout

SEARCH_DELAY_MILLISECONDS = 150
SHOW_KEY = "timebank/show"
"""ui-state key the home page's to-do sets to ``pending``: the page opens on 待核实."""
FLOW_MODULES = {
    "batch": "dangqun.ui.timebank.batch_entry_dialog",
    "transfer": "dangqun.ui.timebank.transfer_dialog",
    "import": "dangqun.ui.timebank.import_dialog",
    "print": "dangqun.ui.timebank.print_actions",
}
"""The flows of the other parts of issue 13, by module; an entry shows when its module exists."""


def flow_available(flow: str) -> bool:
    try:
        return importlib.util.find_spec(FLOW_MODULES[flow]) is not None
    except (ImportError, ValueError):
        return False


@dataclass(frozen=True)
class ListResult:
    generation: int
    text: str
    status: VolunteerStatus | None
    page: VolunteerPage
    anyone: bool
    seconds: float


def run_list_query(
    database: Any, actor: Actor, text: str, status: VolunteerStatus | None, generation: int
) -> ListResult:
    started = time.perf_counter()
    page = list_volunteers(database, actor, text, status, 0, PAGE_SIZE)
    anyone = page.total > 0 or list_volunteers(database, actor, "", None, 0, 1).total > 0
    return ListResult(generation, text, status, page, anyone, time.perf_counter() - started)


class TimeBankPage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.may_edit = context.can(Permission.EDIT_RECORDS)
        self.active_dialog: QDialog | None = None
        self.detail: DetailResult | None = None
        self.last_result: ListResult | None = None
        self.searching = False
        self.detail_loading = False
        self._generation = 0
        self._detail_generation = 0
        self._selected_id: int | None = None
        self._stale = True
        self.setObjectName("timeBankPage")
        self.model = VolunteerTableModel(self._no_pages, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MILLISECONDS)
        self._search_timer.timeout.connect(self.start_search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        self._build_header(layout)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("timeBankTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_accounts(), self.tr("Accounts"))
        self.pending_panel = VerificationPanel(context, self)
        self.pending_panel.count_changed.connect(self._pending_counted)
        self.tabs.addTab(self.pending_panel, self.tr("Pending verification"))
        self.tabs.setCornerWidget(self.corner, Qt.Corner.TopRightCorner)
        layout.addWidget(self.tabs, 1)
        self._update_buttons()
        context.events.subscribe(
            self, (VOLUNTEER, SERVICE_RECORD, LEDGER, SERVICE_CATEGORY), self._on_changes
        )

    # -- building ---------------------------------------------------------------------------

    def _build_header(self, layout: QVBoxLayout) -> None:
        """The title and the actions on one line, the count and the to-do beside the tabs:
        every line above the list is a row of accounts fewer at 1024×768."""
        row = QHBoxLayout()
        row.setSpacing(16)
        self.title_label = QLabel(self.tr("Time bank"))
        self.title_label.setObjectName("titleLabel")
        self.title_label.setProperty("role", "pageTitle")
        row.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignTop)
        self.corner = QWidget()
        self.corner.setObjectName("tabsCorner")
        corner_row = QHBoxLayout(self.corner)
        corner_row.setContentsMargins(0, 0, 0, 0)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setProperty("role", "muted")
        corner_row.addWidget(self.count_label)
        self.todo_button = QPushButton()
        self.todo_button.setObjectName("todoButton")
        self.todo_button.setProperty("role", "link")
        self.todo_button.setIcon(icon("verified"))
        self.todo_button.clicked.connect(self.show_pending)
        self.todo_button.setVisible(False)
        corner_row.addWidget(self.todo_button)
        bar = QWidget()
        bar.setObjectName("actionBar")
        flow = FlowLayout(bar)
        self.open_button = self._button("openButton", self.tr("Open account…"), "user_add")
        self.open_button.setProperty("role", "primary")
        self.open_button.setIcon(icon("user_add", "#FFFFFF", None))
        self.open_button.clicked.connect(self.open_account)
        self.record_button = self._button("recordButton", self.tr("Record service…"), "clock")
        self.record_button.clicked.connect(self.record_service)
        self.batch_button = self._button("batchButton", self.tr("Batch entry…"), "calendar")
        self.batch_button.clicked.connect(self.open_batch_entry)
        self.import_button = self._button(
            "importButton", self.tr("Import sign-in sheet…"), "file_import"
        )
        self.import_button.clicked.connect(self.open_import)
        buttons = [self.open_button, self.record_button, self.batch_button, self.import_button]
        for button in buttons:
            button.setVisible(self.may_edit)
        self.batch_button.setVisible(self.may_edit and flow_available("batch"))
        self.import_button.setVisible(self.may_edit and flow_available("import"))
        flow.add_widgets(buttons)
        row.addWidget(bar, 1)
        layout.addLayout(row)

    def _button(self, name: str, text: str, glyph: str) -> QPushButton:
        button = QPushButton(icon(glyph), text)
        button.setObjectName(name)
        return button

    def _build_accounts(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 8, 0, 0)
        search_row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Find: name, volunteer number or a member's pinyin (e.g. zsf)")
        )
        self.search_edit.addAction(
            icon("search", selected_color=None), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_edit.textChanged.connect(self._search_text_changed)
        self.search_edit.returnPressed.connect(self.start_search)
        search_row.addWidget(self.search_edit, 1)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.addItem(self.tr("Any status"), None)
        for status, label in VOLUNTEER_STATUS_LABELS.items():
            self.status_combo.addItem(label, status)
        self.status_combo.currentIndexChanged.connect(self.start_search)
        search_row.addWidget(self.status_combo)
        column.addLayout(search_row)
        self.view = QTableView()
        self.view.setObjectName("volunteersView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        self._size_columns()
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        # Double-click and Enter (both "activated") open the account's detail.
        self.view.activated.connect(self._row_activated)
        column.addWidget(self.view, 1)
        column.addWidget(self._build_summary())
        return tab

    def _size_columns(self) -> None:
        """Widths from the font, never from the data (which would read every page)."""
        metrics = self.fontMetrics()
        samples = {
            NUMBER: "ZY202600000",
            NAME: "欧阳思远",
            KIND: "党员",
            STATUS: "已注销",
            SERVED: "999 小时 45 分钟",
            SPENDABLE: "99 小时 45 分钟",
            PENDING: "99 小时 45 分钟",
        }
        header = self.view.horizontalHeader()
        titles = self.model.column_titles()
        for column_number, sample in samples.items():
            width = (
                max(
                    metrics.horizontalAdvance(sample),
                    metrics.horizontalAdvance(titles[column_number]),
                )
                + 24
            )
            header.resizeSection(column_number, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SKILLS, QHeaderView.ResizeMode.Stretch)

    def _build_summary(self) -> QWidget:
        """The strip under the list: who is selected, their balances in words, and what can be
        done to them; it wraps onto more lines only when the window or the font needs it."""
        strip = QFrame()
        strip.setObjectName("summaryStrip")
        strip.setProperty("role", "card")
        column = QVBoxLayout(strip)
        column.setContentsMargins(12, 6, 12, 6)
        column.setSpacing(2)
        info = QWidget()
        info.setObjectName("summaryInfo")
        info_flow = FlowLayout(info)
        self.name_label = QLabel()
        self.name_label.setObjectName("summaryName")
        name_font = self.name_label.font()
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel()
        self.state_label.setObjectName("summaryState")
        self.state_label.setProperty("role", "muted")
        parts: list[QWidget] = [self.name_label, self.state_label]
        self.balance_labels: dict[str, QLabel] = {}
        for key, title in (
            ("served", self.tr("Served")),
            ("spendable", self.tr("Spendable")),
            ("pending", self.tr("Pending")),
        ):
            pair = QWidget()
            pair.setObjectName(f"{key}Pair")
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            caption = QLabel(title)
            caption.setProperty("role", "muted")
            value = QLabel("—")
            value.setObjectName(f"{key}Value")
            bold = value.font()
            bold.setBold(True)
            value.setFont(bold)
            row.addWidget(caption)
            row.addWidget(value)
            parts.append(pair)
            self.balance_labels[key] = value
        self.empty_detail = QLabel(self.tr("Choose a volunteer to see the balances and history."))
        self.empty_detail.setObjectName("emptyDetail")
        self.empty_detail.setProperty("role", "muted")
        self.empty_detail.setWordWrap(True)
        self.detail_parts: list[QWidget] = [info]
        column.addWidget(info)
        column.addWidget(self.empty_detail)
        self.details_button = self._button("detailsButton", self.tr("Details…"), "card")
        self.details_button.setToolTip(
            self.tr("Personal data, the latest service and movements (double-click or Enter)")
        )
        self.details_button.clicked.connect(self.open_details)
        self.edit_button = self._button("editButton", self.tr("Edit…"), "user_edit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.suspend_button = self._button("suspendButton", self.tr("Suspend…"), "user_disable")
        self.suspend_button.clicked.connect(partial(self.change_status, VolunteerStatus.SUSPENDED))
        self.resume_button = self._button("resumeButton", self.tr("Resume…"), "user_enable")
        self.resume_button.clicked.connect(partial(self.change_status, VolunteerStatus.ACTIVE))
        self.close_button = self._button("closeAccountButton", self.tr("Close account…"), "lock")
        self.close_button.clicked.connect(partial(self.change_status, VolunteerStatus.CLOSED))
        self.exchange_button = QToolButton()
        self.exchange_button.setObjectName("exchangeButton")
        self.exchange_button.setText(self.tr("Spend, give or donate"))
        self.exchange_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.exchange_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        exchange_menu = QMenu(self.exchange_button)
        for kind, text in (
            ("spend", self.tr("Spend on the catalogue…")),
            ("give", self.tr("Give to another volunteer…")),
            ("donate", self.tr("Donate to the pool…")),
        ):
            action = exchange_menu.addAction(text)
            action.setObjectName(f"{kind}Action")
            action.triggered.connect(partial(self.open_transfer, kind))
        self.exchange_button.setMenu(exchange_menu)
        self.print_button = QToolButton()
        self.print_button.setObjectName("printButton")
        self.print_button.setText(self.tr("Print"))
        self.print_button.setIcon(icon("print"))
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        print_menu = QMenu(self.print_button)
        self.statement_action = print_menu.addAction(self.tr("Passbook statement…"))
        self.statement_action.triggered.connect(self.print_statement)
        self.certificate_action = print_menu.addAction(self.tr("Volunteer service certificate…"))
        self.certificate_action.triggered.connect(self.print_certificate)
        self.report_action = print_menu.addAction(
            self.tr("Community service report to the home organization…")
        )
        self.report_action.triggered.connect(self.print_service_report)
        self.print_button.setMenu(print_menu)
        self.volunteer_buttons: list[QWidget] = [
            self.details_button,
            self.edit_button,
            self.suspend_button,
            self.resume_button,
            self.close_button,
            self.exchange_button,
            self.print_button,
        ]
        # One flow for the facts and the actions: the buttons follow the balances on the same
        # line when it has room, and a large font costs as few lines as possible.
        info_flow.add_widgets([*parts, *self.volunteer_buttons])
        return strip

    # -- the list ---------------------------------------------------------------------------

    def _no_pages(self, _offset: int, _limit: int) -> list[VolunteerRow]:
        return []

    def _load_page(
        self, text: str, status: VolunteerStatus | None, offset: int, limit: int
    ) -> list[VolunteerRow]:
        """A further page of the current search, read when the view first shows one of its
        rows (50 accounts by offset in number order: a few milliseconds)."""
        database, actor = self.context.application.database, self.context.actor
        return list(list_volunteers(database, actor, text, status, offset, limit).rows)

    def _search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def current_status(self) -> VolunteerStatus | None:
        status = self.status_combo.currentData()
        return status if isinstance(status, VolunteerStatus) else None

    def start_search(self, *_arguments: object) -> None:
        self._search_timer.stop()
        self._stale = False
        self._generation += 1
        self.searching = True
        call = run_service(
            self,
            self.context,
            partial(
                run_list_query,
                self.context.application.database,
                self.context.actor,
                self.search_edit.text(),
                self.current_status(),
                self._generation,
            ),
            on_success=self._list_loaded,
            failure_title=self.tr("Time bank"),
        )
        call.failed.connect(self._read_failed)
        if self.may_edit:
            self.pending_panel.reload()

    def _read_failed(self, _error: object) -> None:
        self.searching = False
        self.detail_loading = False

    def _list_loaded(self, result: ListResult) -> None:
        if result.generation != self._generation:
            return  # a newer search is on its way
        self.searching = False
        self.last_result = result
        self.model.set_result(
            result.page.total,
            result.page.rows,
            partial(self._load_page, result.text, result.status),
        )
        if not result.anyone:
            self.count_label.setText(self.tr("No accounts yet"))
        else:
            self.count_label.setText(
                self.tr("{count} accounts").format(count=f"{result.page.total:,}")
            )
        self.empty_detail.setText(
            self.tr("Choose a volunteer to see the balances and history.")
            if result.anyone
            else self.tr(
                "No volunteer has an account yet. Open one for a party member or a resident "
                "with “{open}”."
            ).format(open=self.open_button.text().rstrip("…"))
            if self.may_edit
            else self.tr("No volunteer has an account yet; staff open them.")
        )
        if self._selected_id is None or self.model.row_of(self._selected_id) < 0:
            # The first account's detail rather than an empty half page.
            self._selected_id = result.page.rows[0].id if result.page.rows else None
        if self._selected_id is not None:
            self.view.selectRow(self.model.row_of(self._selected_id))
            self.load_detail(self._selected_id)
        else:
            self._show_detail(None)
        self._update_buttons()

    def is_ready(self) -> bool:
        """Nothing loading (screenshots and tests wait for this)."""
        return (
            not self._stale
            and not self.searching
            and not self.detail_loading
            and not self.pending_panel.loading
        )

    def selected_volunteer_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.volunteer_id_at(rows[0].row())

    def select_volunteer(self, volunteer_id: int) -> bool:
        row = self.model.row_of(volunteer_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        volunteer_id = self.selected_volunteer_id()
        if volunteer_id is not None and volunteer_id != self._selected_id:
            self._selected_id = volunteer_id
            self.load_detail(volunteer_id)
        self._update_buttons()

    def _row_activated(self, index: QModelIndex) -> None:
        if self.model.volunteer_id_at(index.row()) is not None:
            self.open_details()

    # -- the detail -------------------------------------------------------------------------

    def load_detail(self, volunteer_id: int) -> None:
        self._detail_generation += 1
        self.detail_loading = True
        generation = self._detail_generation
        run_service(
            self,
            self.context,
            partial(
                load_detail, self.context.application.database, self.context.actor, volunteer_id
            ),
            on_success=partial(self._detail_loaded, generation),
            on_failure=partial(self._detail_failed, generation),
            failure_title=self.tr("Time bank"),
        )

    def _detail_failed(self, generation: int, _error: BaseException) -> None:
        if generation == self._detail_generation:
            self.detail_loading = False
            self._selected_id = None
            self._show_detail(None)

    def _detail_loaded(self, generation: int, result: DetailResult) -> None:
        if generation != self._detail_generation:
            return
        self.detail_loading = False
        self._show_detail(result)

    def _show_detail(self, result: DetailResult | None) -> None:
        self.detail = result
        shown = result is not None
        for part in self.detail_parts:
            part.setVisible(shown)
        self.empty_detail.setVisible(not shown)
        if result is None:
            self.name_label.clear()
            self.state_label.clear()
            for label in self.balance_labels.values():
                label.setText("—")
            self._update_buttons()
            return
        volunteer = result.volunteer
        kind = self.tr("Member") if volunteer.is_member else self.tr("Resident")
        self.name_label.setText(f"{volunteer.name}  {volunteer.number}")
        self.state_label.setText(f"{kind} · {volunteer.status_label}")
        balances = result.balances
        self.balance_labels["served"].setText(hours_in_words(balances.served))
        self.balance_labels["spendable"].setText(hours_in_words(balances.spendable))
        self.balance_labels["pending"].setText(hours_in_words(balances.pending))
        details = self.details_dialog()
        if details is not None and details.shown.volunteer.id == volunteer.id:
            details.show_result(result)
        self._update_buttons()

    def selected_volunteer(self) -> VolunteerDetail | None:
        if self.detail is None or self.detail.volunteer.id != self.selected_volunteer_id():
            return None
        return self.detail.volunteer

    def _update_buttons(self, *_arguments: object) -> None:
        volunteer = self.selected_volunteer()
        status = None if volunteer is None else volunteer.status
        active = status is VolunteerStatus.ACTIVE
        edit = self.may_edit
        self.record_button.setEnabled(active)
        self.record_button.setToolTip(
            "" if active else self.tr("Choose a volunteer whose account is active")
        )
        self.details_button.setEnabled(volunteer is not None)
        self.edit_button.setVisible(edit)
        self.edit_button.setEnabled(volunteer is not None and status is not VolunteerStatus.CLOSED)
        self.suspend_button.setVisible(edit and status is not VolunteerStatus.SUSPENDED)
        self.suspend_button.setEnabled(active)
        self.resume_button.setVisible(edit and status is VolunteerStatus.SUSPENDED)
        self.close_button.setVisible(edit)
        self.close_button.setEnabled(volunteer is not None and status is not VolunteerStatus.CLOSED)
        self.exchange_button.setVisible(edit and flow_available("transfer"))
        self.exchange_button.setEnabled(active)
        printing = flow_available("print")
        self.print_button.setVisible(printing)
        self.certificate_action.setVisible(edit)
        # 双报告 goes to a party member's home organization; residents have none.
        self.report_action.setVisible(edit and volunteer is not None and volunteer.is_member)

    # -- dialogs ----------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog) -> None:
        """Open ``dialog`` window-modal and keep it as :attr:`active_dialog` until it closes."""
        self.active_dialog = dialog
        dialog.accepted.connect(partial(self._dialog_accepted, dialog))
        dialog.finished.connect(partial(self._dialog_closed, dialog))
        dialog.open()

    def _dialog_accepted(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved", None)
        volunteer_id = getattr(saved, "id", None) if isinstance(saved, VolunteerDetail) else None
        if volunteer_id is not None:
            self._selected_id = volunteer_id

    def _dialog_closed(self, dialog: QDialog, _result: int) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def open_account(self) -> None:
        if not self.may_edit:
            return
        from dangqun.ui.timebank.volunteer_dialog import VolunteerDialog

        self.open_dialog(VolunteerDialog(self.context, None, self))

    def edit_selected(self) -> None:
        volunteer = self.selected_volunteer()
        if volunteer is None or not self.may_edit:
            return
        from dangqun.ui.timebank.volunteer_dialog import VolunteerDialog

        try:
            dialog = VolunteerDialog(self.context, volunteer.id, self)
        except DangqunError as error:
            self._show_error(error)
            return
        self.open_dialog(dialog)

    def change_status(self, status: VolunteerStatus) -> None:
        volunteer = self.selected_volunteer()
        if volunteer is None or not self.may_edit:
            return
        from dangqun.ui.timebank.status_dialog import StatusDialog

        self.open_dialog(StatusDialog(self.context, volunteer, status, self))

    def record_service(self) -> None:
        volunteer = self.selected_volunteer()
        if volunteer is None or not self.may_edit:
            return
        from dangqun.ui.timebank.service_record_dialog import ServiceRecordDialog

        self.open_dialog(ServiceRecordDialog(self.context, volunteer, self))

    def details_dialog(self) -> AccountDetailDialog | None:
        """The open 账户详情, if any (it is the active dialog while open)."""
        dialog = self.active_dialog
        return dialog if isinstance(dialog, AccountDetailDialog) else None

    def open_details(self) -> None:
        """账户详情 of the selected account (every role may look; its edits follow the role)."""
        if self.detail is None or self.selected_volunteer() is None:
            return
        self.open_dialog(
            AccountDetailDialog(
                self.context,
                self.detail,
                lambda flow: self._flow(flow),
                may_reverse=self.may_edit and flow_available("transfer"),
                may_print_activity=self.may_edit and flow_available("print"),
                parent=self,
            )
        )

    def show_pending(self) -> None:
        self.tabs.setCurrentWidget(self.pending_panel)

    def _pending_counted(self, count: int) -> None:
        self.tabs.setTabText(
            1,
            self.tr("Pending verification ({count})").format(count=count)
            if count
            else self.tr("Pending verification"),
        )
        self.todo_button.setText(self.tr("{count} records to verify").format(count=f"{count:,}"))
        self.todo_button.setToolTip(
            self.tr("Service records credit no hours until someone verifies them.")
        )
        self.todo_button.setVisible(bool(count) and self.may_edit)

    # -- the other flows of the time bank (imported when used) ------------------------------

    def _flow(self, flow: str) -> Any:
        return importlib.import_module(FLOW_MODULES[flow])

    def open_batch_entry(self) -> None:
        self._flow("batch").open_batch_entry(self)

    def open_import(self) -> None:
        self._flow("import").open_service_import(self)

    def open_transfer(self, kind: str) -> None:
        volunteer = self.selected_volunteer()
        if volunteer is not None:
            self._flow("transfer").open_transfer(self, volunteer.id, kind)

    def print_statement(self) -> None:
        volunteer = self.selected_volunteer()
        if volunteer is not None:
            self._flow("print").print_statement(self, volunteer.id)

    def print_certificate(self) -> None:
        volunteer = self.selected_volunteer()
        if volunteer is not None:
            self._flow("print").print_certificate(self, volunteer.id)

    def print_service_report(self) -> None:
        volunteer = self.selected_volunteer()
        if volunteer is not None:
            self._flow("print").print_service_report(self, volunteer.id)

    # -- changes ----------------------------------------------------------------------------

    def _show_error(self, error: DangqunError) -> None:
        from dangqun.ui.widgets import message_boxes

        message_boxes.show_error(self, self.tr("Time bank"), error.message)

    def _on_changes(self, _changes: Changes) -> None:
        self._stale = True
        if self.isVisible():
            self.start_search()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if str(self.context.ui_state.value(SHOW_KEY, "") or "") == "pending":
            self.context.ui_state.remove(SHOW_KEY)
            self.show_pending()
        if self._stale:
            self.start_search()
