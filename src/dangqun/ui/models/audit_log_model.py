"""The audit log as a lazily paged table (操作日志).

The log grows without bound, so the model loads ``AUDIT_PAGE_SIZE`` rows at a time through
``canFetchMore``/``fetchMore`` as the view scrolls. Each page is read off the GUI thread by
:func:`dangqun.core.audit.read_audit_page` from ``context.application.database`` (which a
restore replaces, so it is looked up every time); the model keeps plain
:class:`~dangqun.core.audit.AuditRecord` values and never holds a session.

Paging is by offset over "newest first". Entries written while the user scrolls shift later
pages down; rows already loaded are skipped by id, so nothing is shown twice or lost. A page
read for an earlier filter is dropped when it arrives after the filter changed.

Nothing raw reaches the reader (issue 11): entity types and the keys of the before/after
details are shown by the Chinese names core (:data:`dangqun.core.audit.ENTITY_LABELS`,
:data:`~dangqun.core.audit.FIELD_LABELS`) and each feature (``Feature.audit_entity_labels``,
``Feature.audit_field_labels``) declare, and the actor by its display name.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
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

from dangqun import features
from dangqun.core.audit import (
    AUDIT_PAGE_SIZE,
    ENTITY_LABELS,
    FIELD_LABELS,
    VALUE_LABELS,
    AuditFilter,
    AuditPage,
    AuditRecord,
    read_audit_page,
)
from dangqun.core.clock import format_local
from dangqun.core.db import Database
from dangqun.core.errors import DangqunError
from dangqun.core.security import Actor
from dangqun.ui.context import UiContext
from dangqun.ui.threads import BackgroundCall, run_in_background

TIME, USER, ACTION, ENTITY, ENTITY_ID, BEFORE, AFTER = range(7)
COLUMN_COUNT = 7
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, ROW_ROLE)`` is the row's :class:`~dangqun.core.audit.AuditRecord`."""

COMPACT_LIMIT = 80

_Index = QModelIndex | QPersistentModelIndex


def _scalar_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return "（空）"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _named_value(key: str, item: Any, values: Mapping[str, Mapping[str, str]]) -> str:
    """``item`` as the viewer shows it: a stored code by its Chinese name when one is known."""
    if isinstance(item, str):
        item = values.get(key, {}).get(item, item)
    return _scalar_text(item)


def compact_json(
    text: str | None,
    limit: int = COMPACT_LIMIT,
    labels: Mapping[str, str] | None = None,
    values: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """One line for a table cell: ``name: value, name: value``, cut at ``limit`` characters;
    ``labels`` names the keys and ``values`` the stored codes (anything unnamed is shown as
    stored)."""
    if not text:
        return ""
    names = labels or {}
    codes = values or {}
    try:
        value = json.loads(text)
    except ValueError:
        line = text
    else:
        if isinstance(value, dict):
            line = ", ".join(
                f"{names.get(key, key)}: {_named_value(key, item, codes)}"
                for key, item in value.items()
            )
        else:
            line = _scalar_text(value)
    line = " ".join(line.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def pretty_json(
    text: str | None,
    labels: Mapping[str, str] | None = None,
    values: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """The details for reading: one ``name：value`` line per key when they are a JSON object,
    keys named by ``labels`` and codes by ``values``; anything else as indented JSON (or as
    stored when it is no JSON)."""
    if not text:
        return ""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if not isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    names = labels or {}
    codes = values or {}
    return "\n".join(
        f"{names.get(key, key)}：{_named_value(key, item, codes)}"
        for key, item in sorted(value.items())
    )


class AuditLogModel(QAbstractTableModel):
    total_changed = Signal(int)
    page_loaded = Signal()
    """A page arrived and its rows are in the model (the first one after :meth:`reload` too)."""
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
        self._rows: list[AuditRecord] = []
        self._seen_ids: set[int] = set()
        self._offset = 0
        self._total = 0
        self._exhausted = True
        self._paused = False
        self._generation = 0
        """Counts reloads: a page read for an earlier filter is dropped on arrival."""
        self._reading: BackgroundCall | None = None
        self._entity_labels = {**ENTITY_LABELS, **features.audit_entity_labels()}
        self._field_labels: dict[str, dict[str, str]] = {
            entity_type: dict(fields) for entity_type, fields in FIELD_LABELS.items()
        }
        for entity_type, fields in features.audit_field_labels().items():
            self._field_labels.setdefault(entity_type, {}).update(fields)
        self._value_labels: dict[str, dict[str, dict[str, str]]] = {
            entity_type: {key: dict(codes) for key, codes in coded.items()}
            for entity_type, coded in VALUE_LABELS.items()
        }
        for entity_type, coded in features.audit_value_labels().items():
            for key, codes in coded.items():
                self._value_labels.setdefault(entity_type, {}).setdefault(key, {}).update(codes)

    # -- loading -------------------------------------------------------------------------

    @property
    def audit_filter(self) -> AuditFilter:
        return self._filter

    @property
    def total(self) -> int:
        """How many entries matched the filter when it was (re)applied."""
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._reading is not None

    def set_filter(self, audit_filter: AuditFilter) -> None:
        self._filter = audit_filter
        self.reload()

    def reload(self) -> None:
        """Start again from the newest entry with the current filter."""
        self._generation += 1
        self._reading = None
        self.beginResetModel()
        self._rows = []
        self._seen_ids = set()
        self._offset = 0
        self._total = 0
        self._exhausted = False
        self.endResetModel()
        self._read_page(with_total=True)

    def set_paused(self, paused: bool) -> None:
        """While a restore swaps the database file, no page may be read."""
        self._paused = paused

    def _read_page(self, with_total: bool = False) -> None:
        generation = self._generation
        self._reading = run_in_background(
            self,
            partial(
                _read_audit_page,
                self._context.application.database,
                self._context.actor,
                self._filter,
                self._offset,
                self._page_size,
            ),
            on_success=partial(self._page_read, generation, with_total),
            on_failure=partial(self._page_failed, generation),
        )

    def _page_read(self, generation: int, with_total: bool, page: AuditPage) -> None:
        if generation != self._generation:
            return
        self._reading = None
        if with_total:
            self._total = page.total
        self._offset += len(page.records)
        if len(page.records) < self._page_size:
            self._exhausted = True
        fresh = [record for record in page.records if record.entry_id not in self._seen_ids]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self._seen_ids.update(record.entry_id for record in fresh)
            self.endInsertRows()
        if with_total:
            self.total_changed.emit(self._total)
        self.page_loaded.emit()

    def _page_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._reading = None
        self._exhausted = True
        if isinstance(error, DangqunError):
            self.load_failed.emit(error.message)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._paused or self._reading is not None:
            return False
        return not self._exhausted and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._read_page()

    # -- reading ---------------------------------------------------------------------------

    def row_at(self, row: int) -> AuditRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def entity_label(self, entity_type: str) -> str:
        """The Chinese name of an entity type (the type itself when nobody declared one)."""
        return self._entity_labels.get(entity_type, entity_type)

    def field_labels(self, entity_type: str) -> dict[str, str]:
        """Detail key → Chinese name for entries about ``entity_type``."""
        return self._field_labels.get(entity_type, {})

    def value_labels(self, entity_type: str) -> dict[str, dict[str, str]]:
        """Detail key → {stored code → Chinese name} for entries about ``entity_type``."""
        return self._value_labels.get(entity_type, {})

    def details_text(self, row: AuditRecord, text: str | None) -> str:
        """Before or after details of ``row`` for the detail pane, keys and codes named."""
        return pretty_json(
            text, self.field_labels(row.entity_type), self.value_labels(row.entity_type)
        )

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
                return row.user_label
            if column == ACTION:
                return row.action_label
            if column == ENTITY:
                return self.entity_label(row.entity_type)
            if column == ENTITY_ID:
                return row.entity_id or ""
            if column == BEFORE:
                return compact_json(
                    row.before_json,
                    labels=self.field_labels(row.entity_type),
                    values=self.value_labels(row.entity_type),
                )
            if column == AFTER:
                return compact_json(
                    row.after_json,
                    labels=self.field_labels(row.entity_type),
                    values=self.value_labels(row.entity_type),
                )
        if role == Qt.ItemDataRole.ToolTipRole and column == ENTITY_ID:
            return row.entity_id
        if role == Qt.ItemDataRole.ToolTipRole and column in (BEFORE, AFTER):
            text = row.before_json if column == BEFORE else row.after_json
            return self.details_text(row, text) or None
        return None


def _read_audit_page(
    database: Database,
    actor: Actor,
    audit_filter: AuditFilter,
    offset: int,
    limit: int,
    _progress: object,
) -> AuditPage:
    return read_audit_page(database, actor, audit_filter, offset, limit)
