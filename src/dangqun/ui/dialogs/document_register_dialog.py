"""文书登记簿: the documents this center issued, searchable by number, name or check code.

Each row is one issued document (number, kind, person, issue date, issued by, check code,
re-prints, in force or voided with the reason). A role that may void
(:data:`dangqun.printing.register.VOID_PERMISSION`) selects a document in force and voids it
with a reason; the void runs through the service (audited) and the list reloads.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.printing.register import (
    ISSUED_DOCUMENTS,
    VOID_PERMISSION,
    RegisterEntry,
    list_documents,
    void_document,
)
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.threads import BackgroundCall


class DocumentRegisterDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entries: list[RegisterEntry] = []
        self._call: BackgroundCall | None = None
        self.setWindowTitle(self.tr("Register of issued documents"))
        self.setObjectName("documentRegisterDialog")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Number, name or check code"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.reload)
        row.addWidget(self.search_edit, 1)
        search_button = QPushButton(icon("search"), self.tr("Search"))
        search_button.clicked.connect(self.reload)
        row.addWidget(search_button)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setObjectName("voidButton")
        self.void_button.setEnabled(False)
        self.void_button.setVisible(context.can(VOID_PERMISSION))
        self.void_button.clicked.connect(self.void_selected)
        row.addWidget(self.void_button)
        layout.addLayout(row)
        headers = [
            self.tr("Number"),
            self.tr("Document"),
            self.tr("Person"),
            self.tr("Issued on"),
            self.tr("Issued by"),
            self.tr("Check code"),
            self.tr("Reprints"),
            self.tr("State"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("registerTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 520)
        context.events.subscribe(self, {ISSUED_DOCUMENTS}, lambda _changes: self.reload())
        self.reload()

    def _query(self) -> partial[list[RegisterEntry]]:
        context = self.context
        return partial(
            list_documents,
            context.application.database,
            context.actor,
            None,
            self.search_edit.text(),
        )

    def load_now(self) -> None:
        """Read the register on this thread (screenshots, tests)."""
        self.show_entries(self._query()())

    def reload(self) -> None:
        if self._call is not None:
            return
        self._call = run_service(
            self,
            self.context,
            self._query(),
            on_success=self._loaded,
            on_failure=self._settle,
            failure_title=self.windowTitle(),
        )

    def _settle(self, _error: object = None) -> None:
        self._call = None

    def _loaded(self, entries: object) -> None:
        self._settle()
        if isinstance(entries, list):
            self.show_entries(entries)

    def show_entries(self, entries: list[RegisterEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            state = (
                self.tr("Voided {date}: {reason}").format(
                    date=f"{entry.voided_at:%Y-%m-%d}", reason=entry.void_reason
                )
                if entry.voided_at is not None
                else self.tr("In force")
            )
            values = [
                entry.number,
                entry.kind_label,
                entry.subject,
                f"{entry.issued_on:%Y-%m-%d}",
                entry.issued_by,
                entry.check_code,
                str(entry.reprint_count),
                state,
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        voided = sum(1 for entry in entries if entry.voided)
        self.summary_label.setText(
            self.tr("{count} documents, {voided} voided.").format(count=len(entries), voided=voided)
            if entries
            else self.tr("No document matches the search.")
            if self.search_edit.text().strip()
            else self.tr(
                "No documents yet. Documents that carry a verification code and are printed "
                "from records (registration receipts) are entered here when printed."
            )
        )
        self._selection_changed()

    def selected_entry(self) -> RegisterEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.entries[rows[0].row()]

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        self.void_button.setEnabled(entry is not None and not entry.voided)

    def void_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.voided:
            return
        reason, accepted = QInputDialog.getText(
            self,
            self.tr("Void {number}").format(number=entry.number),
            self.tr(
                "Why is {number} ({person}) voided? Verifying it will answer that it was "
                "voided, with this reason; printing the record again issues a new number."
            ).format(number=entry.number, person=entry.subject),
        )
        if accepted:
            self.void(entry.number, reason)

    def void(self, number: str, reason: str) -> None:
        context = self.context
        run_service(
            self,
            context,
            partial(void_document, context.application.database, context.actor, number, reason),
            changes=Changes.of(ISSUED_DOCUMENTS),
            failure_title=self.tr("Void document"),
        )
