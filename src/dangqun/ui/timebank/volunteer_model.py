"""The 时间银行 account list: every matching account, read a page at a time (issue 13).

A search answers the total and its first page (on the thread pool, by the page); the model then
reads the page of :data:`PAGE_SIZE` accounts a row falls in the first time the view asks for
it, by offset in number order, and keeps a bounded cache. So 20,000 accounts scroll as fast as
50: dragging to the end reads the last page or two, never every account.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from dangqun.timebank.service import VolunteerRow, VolunteerStatus, hours_in_words
from dangqun.timebank.vocabulary import VOLUNTEER_STATUS_LABELS

NUMBER, NAME, KIND, STATUS, SERVED, SPENDABLE, PENDING, SKILLS = range(8)
COLUMN_COUNT = 8
PAGE_SIZE = 50
MAX_CACHED_PAGES = 100
VOLUNTEER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

PageLoader = Callable[[int, int], Sequence[VolunteerRow]]
"""``load(offset, limit)``: that slice of the current search."""
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_INACTIVE_COLOR = QColor("#8A919C")


class VolunteerTableModel(QAbstractTableModel):
    def __init__(self, load_page: PageLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_page = load_page
        self._total = 0
        self._pages: OrderedDict[int, list[VolunteerRow]] = OrderedDict()
        self.pages_loaded = 0

    def set_result(
        self, total: int, first_rows: Sequence[VolunteerRow], load_page: PageLoader
    ) -> None:
        """Show a new search: ``total`` accounts, the first page read already."""
        self.beginResetModel()
        self._total = total
        self._load_page = load_page
        self._pages.clear()
        self._pages[0] = list(first_rows)
        self.endResetModel()

    def row_at(self, row: int) -> VolunteerRow | None:
        if not 0 <= row < self._total:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = list(self._load_page(number * PAGE_SIZE, PAGE_SIZE))
            self._pages[number] = page
            self.pages_loaded += 1
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def volunteer_id_at(self, row: int) -> int | None:
        found = self.row_at(row)
        return None if found is None else found.id

    def row_of(self, volunteer_id: int) -> int:
        """The row of an account among the pages read so far, or -1."""
        for number, page in self._pages.items():
            for offset, found in enumerate(page):
                if found.id == volunteer_id:
                    return number * PAGE_SIZE + offset
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def column_titles(self) -> dict[int, str]:
        return {
            NUMBER: self.tr("Volunteer no."),
            NAME: self.tr("Name"),
            KIND: self.tr("Kind"),
            STATUS: self.tr("Status"),
            SERVED: self.tr("Served"),
            SPENDABLE: self.tr("Spendable"),
            PENDING: self.tr("Pending"),
            SKILLS: self.tr("Skills"),
        }

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles().get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in (SERVED, SPENDABLE, PENDING) else _LEFT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (SERVED, SPENDABLE, PENDING) else _LEFT
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            VOLUNTEER_ID_ROLE,
        ):
            return None
        volunteer = self.row_at(index.row())
        if volunteer is None:
            return None
        if role == VOLUNTEER_ID_ROLE:
            return volunteer.id
        if role == Qt.ItemDataRole.ForegroundRole:
            return _INACTIVE_COLOR if volunteer.status is not VolunteerStatus.ACTIVE else None
        text = self.cell_text(volunteer, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if column in (NAME, SKILLS) and text else None
        return text

    def cell_text(self, volunteer: VolunteerRow, column: int) -> str:
        if column == NUMBER:
            return volunteer.number
        if column == NAME:
            return volunteer.name
        if column == KIND:
            return self.tr("Member") if volunteer.is_member else self.tr("Resident")
        if column == STATUS:
            return VOLUNTEER_STATUS_LABELS[volunteer.status]
        if column == SERVED:
            return hours_in_words(volunteer.balances.served)
        if column == SPENDABLE:
            return hours_in_words(volunteer.balances.spendable)
        if column == PENDING:
            return hours_in_words(volunteer.balances.pending)
        if column == SKILLS:
            return "、".join(volunteer.skills)
        return ""
