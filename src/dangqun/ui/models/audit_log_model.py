"""The audit log as a lazily paged table (操作日志).

The log grows without bound, so the model loads ``AUDIT_PAGE_SIZE`` rows at a time through
``canFetchMore``/``fetchMore`` as the view scrolls. Each page opens its own short read session
via ``context.application.database`` (which a restore replaces, so it is looked up every time)
and keeps only plain :class:`AuditRow` tuples, never ORM objects or a Session.

Paging is by offset over "newest first". Entries written while the user scrolls shift later
pages down; rows already loaded are skipped by id, so nothing is shown twice or lost.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from dangqun.core.audit import AUDIT_PAGE_SIZE, AuditFilter, query_audit_log
from dangqun.core.clock import format_local
from dangqun.core.errors import DangqunError
from dangqun.ui.context import UiContext

TIME, USER, ACTION, ENTITY, ENTITY_ID, BEFORE, AFTER = range(7)
COLUMN_COUNT = 7
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, ROW_ROLE)`` is the row's :class:`AuditRow`."""

COMPACT_LIMIT = 80

_Index = QModelIndex | QPersistentModelIndex


class AuditRow(NamedTuple):
    entry_id: int
    at: datetime
    username: str
    action: str
    action_label: str
    entity_type: str
    entity_id: str | None
    before_json: str | None
    after_json: str | None


def _scalar_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def compact_json(text: str | None, limit: int = COMPACT_LIMIT) -> str:
    """One line for a table cell: ``key: value, key: value``, cut at ``limit`` characters."""
    if not text:
        return ""
    try:
        value = json.loads(text)
    except ValueError:
        line = text
    else:
        if isinstance(value, dict):
            line = ", ".join(f"{key}: {_scalar_text(item)}" for key, item in value.items())
        else:
            line = _scalar_text(value)
    line = " ".join(line.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def pretty_json(text: str | None) -> str:
    if not text:
        return ""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True)
    except ValueError:
        return text


class AuditLogModel(QAbstractTableModel):
    total_changed = Signal(int)
    load_failed = Signal(str)

    def __init__(
        self,
        context: UiContext,
        page_size: int = AUDIT_PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._page_size = page_size
        self._filter = AuditFilter()
        self._rows: list[AuditRow] = []
        self._seen_ids: set[int] = set()
        self._offset = 0
        self._total = 0
        self._exhausted = True
        self._paused = False

    # -- loading -------------------------------------------------------------------------

    @property
    def audit_filter(self) -> AuditFilter:
        return self._filter

    @property
    def total(self) -> int:
        """How many entries matched the filter when it was (re)applied."""
        return self._total

    def set_filter(self, audit_filter: AuditFilter) -> None:
        self._filter = audit_filter
        self.reload()

    def reload(self) -> None:
        """Start again from the newest entry with the current filter."""
        self.beginResetModel()
        self._rows = []
        self._seen_ids = set()
        self._offset = 0
        self._total = 0
        self._exhausted = False
        page = self._load_page(with_total=True)
        if page is not None:
            self._append(page)
        self.endResetModel()
        self.total_changed.emit(self._total)

    def set_paused(self, paused: bool) -> None:
        """While a restore swaps the database file, no page may be read."""
        self._paused = paused

    def _load_page(self, with_total: bool = False) -> list[AuditRow] | None:
        try:
            with self._context.application.database.reading() as session:
                entries, total = query_audit_log(
                    session, self._context.actor, self._filter, self._offset, self._page_size
                )
                page = [
                    AuditRow(
                        entry.id,
                        entry.at,
                        entry.username,
                        entry.action,
                        entry.action_label,
                        entry.entity_type,
                        entry.entity_id,
                        entry.before_json,
                        entry.after_json,
                    )
                    for entry in entries
                ]
        except DangqunError as error:
            self._exhausted = True
            self.load_failed.emit(error.message)
            return None
        if with_total:
            self._total = total
        self._offset += len(page)
        if len(page) < self._page_size:
            self._exhausted = True
        return [row for row in page if row.entry_id not in self._seen_ids]

    def _append(self, page: list[AuditRow]) -> None:
        self._rows.extend(page)
        self._seen_ids.update(row.entry_id for row in page)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._paused:
            return False
        return not self._exhausted and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = self._load_page()
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._append(page)
        self.endInsertRows()

    # -- reading ---------------------------------------------------------------------------

    def row_at(self, row: int) -> AuditRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def entity_label(self, entity_type: str) -> str:
        labels = {
            "user": self.tr("User"),
            "center": self.tr("Service center"),
            "setting": self.tr("Setting"),
            "backup": self.tr("Backup"),
        }
        return labels.get(entity_type, entity_type)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            TIME: self.tr("Time"),
            USER: self.tr("User"),
            ACTION: self.tr("Action"),
            ENTITY: self.tr("Object"),
            ENTITY_ID: self.tr("ID"),
            BEFORE: self.tr("Before"),
            AFTER: self.tr("After"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TIME:
                return format_local(row.at)
            if column == USER:
                return row.username
            if column == ACTION:
                return row.action_label
            if column == ENTITY:
                return self.entity_label(row.entity_type)
            if column == ENTITY_ID:
                return row.entity_id or ""
            if column == BEFORE:
                return compact_json(row.before_json)
            if column == AFTER:
                return compact_json(row.after_json)
        if role == Qt.ItemDataRole.ToolTipRole and column == ENTITY_ID:
            return row.entity_id
        if role == Qt.ItemDataRole.ToolTipRole and column in (BEFORE, AFTER):
            text = row.before_json if column == BEFORE else row.after_json
            return pretty_json(text) or None
        return None
