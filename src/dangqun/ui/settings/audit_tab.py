"""系统设置 → 操作日志 (``VIEW_AUDIT_LOG``): filter and read the append-only audit log.

Every read goes through :mod:`dangqun.core.audit` off the GUI thread: the user filter's names
here, the pages of entries in :class:`~dangqun.ui.models.audit_log_model.AuditLogModel`. The log
is read again each time the tab is shown (any action elsewhere may have added entries).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import partial

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDateEdit, QHeaderView, QWidget

from dangqun.core.audit import ACTION_LABELS, AuditFilter, AuditRecord, read_audit_usernames
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_settings_audit_tab import Ui_AuditTab
from dangqun.ui.models import audit_log_model
from dangqun.ui.models.audit_log_model import AuditLogModel
from dangqun.ui.operations import run_service
from dangqun.ui.settings.tab_kit import tab_icon
from dangqun.ui.widgets.combo_boxes import WholeTextComboSizer

NO_DATE = QDate(2000, 1, 1)
"""The minimum of the date filters, shown as "any date" (the filter is off)."""


class _CalendarOnToday(QObject):
    """Open the popup of an "any date" QDateEdit on this month instead of January 2000."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        edit.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._edit.date() == self._edit.minimumDate():
            today = QDate.currentDate()
            self._edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False


class AuditTab(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_AuditTab()
        self.ui.setupUi(self)
        ui = self.ui
        self.audit_model = AuditLogModel(context, parent=self)
        ui.auditView.setModel(self.audit_model)
        header = ui.auditView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {
            audit_log_model.TIME: 150,
            audit_log_model.USER: 110,
            audit_log_model.ACTION: 120,
            audit_log_model.ENTITY: 100,
            audit_log_model.ENTITY_ID: 110,
            audit_log_model.BEFORE: 230,
        }
        for column, width in widths.items():
            ui.auditView.setColumnWidth(column, width)
        ui.auditSplitter.setStretchFactor(0, 2)
        ui.auditSplitter.setStretchFactor(1, 1)
        ui.auditDetailEdit.setStyleSheet("font-family: 'Noto Sans Mono CJK SC', monospace;")

        ui.auditUserCombo.addItem(self.tr("All users"), None)
        ui.auditActionCombo.addItem(self.tr("All actions"), None)
        for action, label in ACTION_LABELS.items():
            ui.auditActionCombo.addItem(label, action)
        for edit in (ui.auditFromEdit, ui.auditToEdit):
            edit.setMinimumDate(NO_DATE)
            edit.setMaximumDate(QDate(2099, 12, 31))
            edit.setSpecialValueText(self.tr("Any date"))
            edit.setDate(NO_DATE)
            _CalendarOnToday(edit)
        ui.auditTextEdit.setMinimumWidth(200)
        for combo in (ui.auditUserCombo, ui.auditActionCombo):
            WholeTextComboSizer(combo)
        ui.auditRefreshButton.setIcon(tab_icon("refresh"))
        ui.auditClearButton.setIcon(tab_icon("clear_filter"))

        ui.auditUserCombo.currentIndexChanged.connect(self.apply_filter)
        ui.auditActionCombo.currentIndexChanged.connect(self.apply_filter)
        ui.auditFromEdit.dateChanged.connect(self.apply_filter)
        ui.auditToEdit.dateChanged.connect(self.apply_filter)
        ui.auditTextEdit.returnPressed.connect(self.apply_filter)
        ui.auditRefreshButton.clicked.connect(self.refresh)
        ui.auditClearButton.clicked.connect(self.clear_filter)
        ui.auditView.selectionModel().currentRowChanged.connect(self._show_detail)
        self.audit_model.modelReset.connect(self._update_count)
        self.audit_model.page_loaded.connect(self._update_count)
        self.audit_model.modelReset.connect(lambda: self._show_detail())
        self.audit_model.load_failed.connect(ui.auditCountLabel.setText)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def set_paused(self, paused: bool) -> None:
        """While a restore swaps the database file, no page may be read."""
        self.audit_model.set_paused(paused)

    def refresh(self) -> None:
        self._reload_usernames()
        self.apply_filter()

    def _reload_usernames(self) -> None:
        run_service(
            self,
            self.context,
            partial(read_audit_usernames, self.context.application.database, self.context.actor),
            on_success=self._usernames_read,
            failure_title=self.tr("Audit log"),
        )

    def _usernames_read(self, names: list[str]) -> None:
        combo = self.ui.auditUserCombo
        current = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for name in names:
                combo.addItem(name, name)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        ui = self.ui
        text = ui.auditTextEdit.text().strip()
        return AuditFilter(
            username=ui.auditUserCombo.currentData(),
            action=ui.auditActionCombo.currentData(),
            since=local_midnight(ui.auditFromEdit.date()),
            until=local_midnight(ui.auditToEdit.date(), days_after=1),
            text=text or None,
        )

    def apply_filter(self) -> None:
        self.audit_model.set_filter(self.current_filter())

    def clear_filter(self) -> None:
        ui = self.ui
        widgets = (
            ui.auditUserCombo,
            ui.auditActionCombo,
            ui.auditFromEdit,
            ui.auditToEdit,
            ui.auditTextEdit,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            ui.auditUserCombo.setCurrentIndex(0)
            ui.auditActionCombo.setCurrentIndex(0)
            ui.auditFromEdit.setDate(NO_DATE)
            ui.auditToEdit.setDate(NO_DATE)
            ui.auditTextEdit.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.refresh()

    def _update_count(self) -> None:
        model = self.audit_model
        if model.is_loading and model.rowCount() == 0:
            self.ui.auditCountLabel.setText(self.tr("Reading the log…"))
            return
        total, loaded = model.total, model.rowCount()
        text = self.tr("{count} entries in total").format(count=total)
        if loaded < total:
            text += self.tr(" ({count} shown; scroll down to load more)").format(count=loaded)
        self.ui.auditCountLabel.setText(text)

    def _show_detail(self, *_args: object) -> None:
        index = self.ui.auditView.currentIndex()
        row: AuditRecord | None = self.audit_model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.ui.auditDetailEdit.clear()
            return
        lines = [
            self.tr("Time: {time}").format(time=row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")),
            self.tr("User: {username}").format(username=row.user_label),
            self.tr("Action: {label} ({code})").format(label=row.action_label, code=row.action),
            self.tr("Object: {kind} {id}").format(
                kind=self.audit_model.entity_label(row.entity_type), id=row.entity_id or ""
            ),
        ]
        for title, text in (
            (self.tr("Before:"), row.before_json),
            (self.tr("After:"), row.after_json),
        ):
            lines += ["", title, self.audit_model.details_text(row, text) or self.tr("(none)")]
        self.ui.auditDetailEdit.setPlainText("\n".join(lines))


def local_midnight(day: QDate, days_after: int = 0) -> datetime | None:
    """Start of a local calendar day as an aware instant; None for "any date"."""
    if day == NO_DATE:
        return None
    local_day = date(day.year(), day.month(), day.day()) + timedelta(days=days_after)
    return datetime.combine(local_day, time.min).astimezone()
