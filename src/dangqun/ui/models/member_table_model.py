"""The 党员管理 list: every matching member, loaded lazily in small pages (Anki's browser).

The model holds the sorted ids of the current search (:func:`list_member_ids`, read in the
background by the page) and nothing else up front. A row's data is read the first time the
view asks for it: the page of :data:`PAGE_SIZE` ids around it is loaded by id
(:func:`member_rows`) and kept in a bounded cache. Reading rows by id costs the same at row
99,950 as at row 0, so dragging the scroll bar to the end of 100,000 members loads two or
three pages, not 100,000 rows, and no widget ever holds an item per member.

``pages_loaded`` and ``rows_loaded`` count what was really read, for tests and benchmarks.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from dangqun.members.service import MemberCategory, MemberKind, MemberRow, MemberStatus

(
    NAME,
    GENDER,
    BIRTH_DATE,
    ID_NUMBER,
    CATEGORY,
    KIND,
    BRANCH,
    JOINED_ON,
    PHONE,
    STATUS,
) = range(10)
COLUMN_COUNT = 10
COLUMN_KEYS = (
    "name",
    "gender",
    "birth_date",
    "id_number",
    "category",
    "kind",
    "branch",
    "joined_on",
    "phone",
    "status",
)
"""Stable names of the columns, for the user's column choices kept in the ui-state."""
PAGE_SIZE = 50
MAX_CACHED_PAGES = 200
"""10,000 rows at most in memory; a page dropped from the cache is read again if needed."""
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, MEMBER_ROLE)`` is the row's :class:`MemberRow` (None while unknown)."""
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 2

RowLoader = Callable[[list[int]], list[MemberRow]]
_Index = QModelIndex | QPersistentModelIndex
_CENTERED = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_FORMER_MEMBER_COLOR = QColor("#8A919C")


class MemberTableModel(QAbstractTableModel):
    def __init__(self, load_rows: RowLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, MemberRow]] = OrderedDict()
        self.pages_loaded = 0
        self.rows_loaded = 0
        self._short_labels: dict[object, str] | None = None

    # -- contents ---------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int], first_rows: Sequence[MemberRow] = ()) -> None:
        """Show ``ids`` (sorted as listed); ``first_rows`` may bring rows read in advance."""
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        if first_rows:
            self._store(0, list(first_rows))
        self.endResetModel()

    def set_row_loader(self, load_rows: RowLoader) -> None:
        self._load_rows = load_rows
        self.forget_rows()

    def forget_rows(self) -> None:
        """Read every row again when next shown (after an edit); the ids stay."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, COLUMN_COUNT - 1)
            )

    def ids(self) -> list[int]:
        return list(self._ids)

    def member_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def member_at(self, row: int) -> MemberRow | None:
        member_id = self.member_id_at(row)
        if member_id is None:
            return None
        return self._page(row // PAGE_SIZE).get(member_id)

    def row_of(self, member_id: int) -> int:
        try:
            return self._ids.index(member_id)
        except ValueError:
            return -1

    def cached_rows(self) -> int:
        return sum(len(page) for page in self._pages.values())

    # -- paging -----------------------------------------------------------------------------

    def _page(self, number: int) -> dict[int, MemberRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        start = number * PAGE_SIZE
        ids = self._ids[start : start + PAGE_SIZE]
        return self._store(number, self._load_rows(ids) if ids else [])

    def _store(self, number: int, rows: list[MemberRow]) -> dict[int, MemberRow]:
        page = {row.id: row for row in rows}
        self._pages[number] = page
        self.pages_loaded += 1
        self.rows_loaded += len(rows)
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles().get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        return None

    def column_titles(self) -> dict[int, str]:
        return {
            NAME: self.tr("Name"),
            GENDER: self.tr("Sex"),
            BIRTH_DATE: self.tr("Date of birth"),
            ID_NUMBER: self.tr("Citizen ID number"),
            CATEGORY: self.tr("Category"),
            KIND: self.tr("Kind"),
            BRANCH: self.tr("Branch"),
            JOINED_ON: self.tr("Joined the party"),
            PHONE: self.tr("Phone"),
            STATUS: self.tr("Status"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == MEMBER_ID_ROLE:
            return self.member_id_at(row)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ForegroundRole,
            MEMBER_ROLE,
        ):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTERED if column in (GENDER, STATUS) else _LEFT
        member = self.member_at(row)
        if member is None:
            return None
        if role == MEMBER_ROLE:
            return member
        if role == Qt.ItemDataRole.ForegroundRole:
            return _FORMER_MEMBER_COLOR if member.status is not MemberStatus.ACTIVE else None
        text = self.cell_text(member, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long names and branch names may be cut by the column: the tip shows them whole.
            if column == KIND:
                return member.kind_label
            return text if column in (NAME, BRANCH) and text else None
        return text

    def short_labels(self) -> dict[object, str]:
        """Kind and category as a roster column writes them (the filters use the full names)."""
        if self._short_labels is None:
            self._short_labels = {
                MemberKind.LOCAL: self.tr("Local"),
                MemberKind.IN_SERVICE_REGISTERED: self.tr("In-service"),
                MemberKind.FLOATING_IN: self.tr("Floating in"),
                MemberKind.FLOATING_OUT: self.tr("Floating out"),
                MemberKind.RETIRED: self.tr("Retired"),
                MemberCategory.FULL: self.tr("Full"),
                MemberCategory.PROBATIONARY: self.tr("Probationary"),
            }
        return self._short_labels

    def cell_text(self, member: MemberRow, column: int) -> str:
        if column == NAME:
            return member.name
        if column == GENDER:
            return member.gender_label
        if column == BIRTH_DATE:
            return member.birth_date_text  # year-month only for a masked role (issue 10)
        if column == ID_NUMBER:
            return member.id_number
        if column == CATEGORY:
            return self.short_labels().get(member.category, member.category_label)
        if column == KIND:
            return self.short_labels().get(member.kind, member.kind_label)
        if column == BRANCH:
            return member.organization_name
        if column == JOINED_ON:
            return f"{member.joined_on:%Y-%m-%d}"
        if column == PHONE:
            return member.phone
        if column == STATUS:
            return member.status_label
        return ""
