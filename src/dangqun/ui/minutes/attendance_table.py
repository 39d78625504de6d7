"""出席: the attendance list of one meeting, its figures shown live (issue 15, DOMAIN.md §4).

One row per person on the roster of the meeting date (:func:`dangqun.minutes.service.roster`):
name, standing (有表决权 / 预备党员 / 无表决权 / 列席), 出席情况 (出席 / 缺席 / 请假 / 不计入应到),
the reason, its note, and 补课 (date and what was done) for an absentee. 应到 / 实到 / 出席率 and
the voting figures the quorum engine is given are recounted with
:func:`dangqun.minutes.service.figures_of` at every change, so the clerk sees them as they type.

列席 members (issue 15: "an attendee who is not on the roster … is marked as observer"): "添加列席
党员…" asks the editor for a member (:class:`~dangqun.ui.minutes.observer_dialog.ObserverDialog`)
and adds the line as 列席 — 出席 only, no vote, never in 应到 or 实到; "移除列席" takes such a
line off again. A member who turns out to be on the roster of the date is added as an ordinary
line instead. People who are not members stay in the header's free-text 列席人员.

The table is plain items with a combo box delegate for the two choice columns: 200 rows open in
a few milliseconds (a combo box widget per cell would not). The service validates on save;
the rows it names (``attendance[3]``) are marked red and the first is scrolled to.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.errors import FieldError
from dangqun.minutes.service import (
    AttendanceEntry,
    AttendanceView,
    Figures,
    RosterEntry,
    figures_of,
)
from dangqun.minutes.vocabulary import (
    ABSENCE_REASON_LABELS,
    ATTENDANCE_STATUS_LABELS,
    AbsenceReason,
    AttendanceStatus,
)

NAME, STANDING, STATUS, REASON, NOTE, MAKEUP_ON, MAKEUP_NOTES = range(7)
CODE = Qt.ItemDataRole.UserRole
ERROR_BACKGROUND = QColor("#FDECEA")
MINIMUM_WIDTHS = {NAME: 90, REASON: 70, NOTE: 180, MAKEUP_ON: 110}
"""Room to type into the columns that start empty (pixels at the default font)."""
EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.SelectedClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item at ``row``, ``column`` (every cell of these tables has one)."""
    item = table.item(row, column)
    assert item is not None
    return item


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box over ``(code, label)`` pairs; the item shows the label, keeps the code."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for code, label in self.choices:
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(CODE) or "")
        editor.setCurrentIndex(max(found, 0))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), CODE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


def parse_day(text: str) -> date | None:
    """``2026-11-20`` (also ``2026/11/20``, ``2026.11.20``) → the date; empty → None; raises
    ValueError for anything else."""
    cleaned = text.strip().replace("/", "-").replace(".", "-")
    if not cleaned:
        return None
    year, month, day = (int(part) for part in cleaned.split("-"))
    return date(year, month, day)


class AttendanceTable(QWidget):
    """The 出席 tab: the list, its figures and the buttons that fill it."""

    edited = Signal()
    observer_wanted = Signal()
    """"添加列席党员…" was pressed: the editor finds the member and calls :meth:`add_observer`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster: list[RosterEntry] = []
        self._loading = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.figures_label = QLabel()
        self.figures_label.setObjectName("attendanceFigures")
        self.figures_label.setWordWrap(True)
        top.addWidget(self.figures_label, 1)
        self.all_present_button = QPushButton(self.tr("All present"))
        self.all_present_button.setObjectName("allPresentButton")
        self.all_present_button.clicked.connect(self.set_all_present)
        top.addWidget(self.all_present_button, 0, Qt.AlignmentFlag.AlignTop)
        self.fill_button = QPushButton(self.tr("Add missing from roster"))
        self.fill_button.setObjectName("fillFromRosterButton")
        self.fill_button.clicked.connect(self.fill_from_roster)
        top.addWidget(self.fill_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("attendanceHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setVisible(False)
        layout.addWidget(self.hint_label)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("attendanceTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Standing"),
                self.tr("Attendance"),
                self.tr("Reason"),
                self.tr("Note"),
                self.tr("Make-up date"),
                self.tr("Make-up notes"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(EDIT_TRIGGERS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.status_delegate = ChoiceDelegate(
            [(status.value, label) for status, label in ATTENDANCE_STATUS_LABELS.items()],
            self.table,
        )
        self.reason_delegate = ChoiceDelegate(
            [("", ""), *((reason.value, label) for reason, label in ABSENCE_REASON_LABELS.items())],
            self.table,
        )
        self.table.setItemDelegateForColumn(STATUS, self.status_delegate)
        self.table.setItemDelegateForColumn(REASON, self.reason_delegate)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        observers = QHBoxLayout()
        self.add_observer_button = QPushButton(self.tr("Add member as observer…"))
        self.add_observer_button.setObjectName("addObserverButton")
        self.add_observer_button.clicked.connect(self.observer_wanted)
        observers.addWidget(self.add_observer_button)
        self.remove_observer_button = QPushButton(self.tr("Remove observer"))
        self.remove_observer_button.setObjectName("removeObserverButton")
        self.remove_observer_button.setEnabled(False)
        self.remove_observer_button.clicked.connect(self.remove_observer)
        observers.addWidget(self.remove_observer_button)
        self.observer_label = QLabel()
        self.observer_label.setObjectName("observerNote")
        self.observer_label.setWordWrap(True)
        observers.addWidget(self.observer_label, 1)
        layout.addLayout(observers)
        self.error_label = QLabel()
        self.error_label.setObjectName("attendanceError")
        layout.addWidget(self.error_label)
        self.show_figures()

    # ------------------------------------------------------------------ state

    def set_lines(self, lines: list[dict[str, Any]]) -> None:
        """Show ``lines`` (the draft form of :class:`AttendanceView`, see :meth:`lines`)."""
        self._loading = True
        self.table.setUpdatesEnabled(False)
        try:
            self.table.setRowCount(0)
            self.table.setRowCount(len(lines))
            for row, line in enumerate(lines):
                self._put_row(row, line)
            self.table.resizeColumnsToContents()
            for column, width in MINIMUM_WIDTHS.items():
                if self.table.columnWidth(column) < width:
                    self.table.setColumnWidth(column, width)
        finally:
            self.table.setUpdatesEnabled(True)
            self._loading = False
        self.show_figures()

    def show_views(self, views: tuple[AttendanceView, ...]) -> None:
        self.observer_label.clear()
        self.set_lines([line_of(view) for view in views])

    def _put_row(self, row: int, line: dict[str, Any]) -> None:
        name = QTableWidgetItem(str(line["name"]))
        name.setData(CODE, int(line["member_id"]))
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        standing = QTableWidgetItem(self._standing(line))
        standing.setData(
            CODE,
            {
                "voting": bool(line["voting"]),
                "probationary": bool(line["probationary"]),
                "observer": bool(line["observer"]),
            },
        )
        standing.setFlags(standing.flags() & ~Qt.ItemFlag.ItemIsEditable)
        status = AttendanceStatus(line["status"])
        status_item = QTableWidgetItem(ATTENDANCE_STATUS_LABELS[status])
        status_item.setData(CODE, status.value)
        reason_code = line.get("reason") or ""
        reason_item = QTableWidgetItem(
            ABSENCE_REASON_LABELS[AbsenceReason(reason_code)] if reason_code else ""
        )
        reason_item.setData(CODE, reason_code)
        texts = (
            line.get("reason_note") or "",
            line.get("makeup_on") or "",
            line.get("makeup_notes") or "",
        )
        for column, item in (
            (NAME, name),
            (STANDING, standing),
            (STATUS, status_item),
            (REASON, reason_item),
            (NOTE, QTableWidgetItem(texts[0])),
            (MAKEUP_ON, QTableWidgetItem(str(texts[1]))),
            (MAKEUP_NOTES, QTableWidgetItem(texts[2])),
        ):
            if line["observer"] and column != NAME:
                # An observer is 出席 and nothing else (the service refuses any other status).
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, item)

    def _standing(self, line: dict[str, Any]) -> str:
        if line["observer"]:
            return self.tr("Observer")
        if line["probationary"]:
            return self.tr("Probationary")
        return self.tr("Voting") if line["voting"] else self.tr("No vote")

    def lines(self) -> list[dict[str, Any]]:
        """The rows as plain values (what a draft keeps; dates as typed)."""
        found = []
        for row in range(self.table.rowCount()):
            facts = cell(self.table, row, STANDING).data(CODE)
            found.append(
                {
                    "member_id": int(cell(self.table, row, NAME).data(CODE)),
                    "name": cell(self.table, row, NAME).text(),
                    **facts,
                    "status": cell(self.table, row, STATUS).data(CODE),
                    "reason": cell(self.table, row, REASON).data(CODE) or None,
                    "reason_note": cell(self.table, row, NOTE).text().strip() or None,
                    "makeup_on": cell(self.table, row, MAKEUP_ON).text().strip() or None,
                    "makeup_notes": cell(self.table, row, MAKEUP_NOTES).text().strip() or None,
                }
            )
        return found

    def entries(self) -> tuple[list[AttendanceEntry], list[FieldError]]:
        """The service's entries, or the rows whose 补课日期 is not a date (refused here, with
        the row named, before anything is sent)."""
        entries, problems = [], []
        for index, line in enumerate(self.lines()):
            try:
                makeup_on = parse_day(line["makeup_on"] or "")
            except ValueError:
                problems.append(
                    FieldError(
                        f"attendance[{index}]",
                        self.tr("{name}: the make-up date should be written as 2026-11-20").format(
                            name=line["name"]
                        ),
                    )
                )
                continue
            entries.append(
                AttendanceEntry(
                    member_id=line["member_id"],
                    status=AttendanceStatus(line["status"]),
                    reason=AbsenceReason(line["reason"]) if line["reason"] else None,
                    reason_note=line["reason_note"],
                    observer=line["observer"],
                    makeup_on=makeup_on,
                    makeup_notes=line["makeup_notes"],
                )
            )
        return entries, problems

    def views(self) -> list[AttendanceView]:
        return [
            AttendanceView(
                member_id=line["member_id"],
                name=line["name"],
                voting=line["voting"] and not line["observer"],
                probationary=line["probationary"],
                observer=line["observer"],
                status=line["status"],
                reason=line["reason"],
                reason_note=line["reason_note"],
                makeup_on=None,
                makeup_notes=line["makeup_notes"],
            )
            for line in self.lines()
        ]

    def figures(self) -> Figures:
        return figures_of(self.views())

    # ------------------------------------------------------------------ editing

    def set_editable(self, editable: bool) -> None:
        self.table.setEditTriggers(
            EDIT_TRIGGERS if editable else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.all_present_button.setVisible(editable)
        self.fill_button.setVisible(editable)
        self.add_observer_button.setVisible(editable)
        self.remove_observer_button.setVisible(editable)
        self.observer_label.setVisible(editable)

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        self.remove_observer_button.setEnabled(
            0 <= row < self.table.rowCount()
            and bool(cell(self.table, row, STANDING).data(CODE)["observer"])
        )

    def add_observer(self, member_id: int, name: str) -> None:
        """Add the member found by "添加列席党员…" as 列席 — or, when the roster of the date has
        them after all, as an ordinary line — and say which, under the table."""
        lines = self.lines()
        if any(line["member_id"] == member_id for line in lines):
            self.observer_label.setText(self.tr("{name} is already on the list.").format(name=name))
            return
        listed = next((entry for entry in self.roster if entry.member_id == member_id), None)
        if listed is not None:
            lines.append(line_from_roster(listed))
            note = self.tr("{name} is on the list of the meeting date: added as an ordinary line.")
        else:
            lines.append(observer_line(member_id, name))
            note = self.tr("{name} added as observer: not counted in should attend or present.")
        self.set_lines(lines)
        self.table.selectRow(len(lines) - 1)
        self.table.scrollToBottom()
        self.observer_label.setText(note.format(name=name))
        self.edited.emit()

    def remove_observer(self) -> None:
        """Take the chosen 列席 line off the list (roster lines stay: mark them instead)."""
        row = self.table.currentRow()
        lines = self.lines()
        if not 0 <= row < len(lines) or not lines[row]["observer"]:
            return
        name = lines[row]["name"]
        del lines[row]
        self.set_lines(lines)
        self.observer_label.setText(self.tr("{name} removed.").format(name=name))
        self.edited.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == STATUS and item.data(CODE) in (
            AttendanceStatus.PRESENT.value,
            AttendanceStatus.EXCUSED.value,
        ):
            reason = cell(self.table, item.row(), REASON)
            if reason is not None and reason.data(CODE):
                self._loading = True
                reason.setData(CODE, "")
                reason.setText("")
                self._loading = False
        self.show_figures()
        self.edited.emit()

    def set_all_present(self) -> None:
        """Everyone on the list 出席 (the usual case; then mark the few who were not)."""
        lines = self.lines()
        for line in lines:
            line.update(status=AttendanceStatus.PRESENT.value, reason=None)
            line.update(makeup_on=None, makeup_notes=None)
        self.set_lines(lines)
        self.edited.emit()

    def fill_from_roster(self) -> int:
        """Add the people of the meeting date's roster who are not on the list yet (出席; 流出
        党员 as 请假 for the clerk to confirm, as the service fills them). Returns how many."""
        lines = self.lines()
        listed = {line["member_id"] for line in lines}
        added = [line_from_roster(entry) for entry in self.roster if entry.member_id not in listed]
        if added:
            self.set_lines(lines + added)
            self.edited.emit()
        return len(added)

    def show_figures(self) -> None:
        figures = self.figures()
        rate = "—" if figures.rate is None else f"{figures.rate:.0%}"
        self.figures_label.setText(
            self.tr(
                "Should attend {should}, present {present}, rate {rate}; absent {absent}, "
                "on leave {leave}, not counted {excused}, observers {observers}. "
                "Voting members: should attend {voting_should}, present {voting_present}."
            ).format(
                should=figures.should_attend,
                present=figures.present,
                rate=rate,
                absent=figures.absent,
                leave=figures.on_leave,
                excused=figures.excused,
                observers=figures.observers,
                voting_should=figures.voting_should_attend,
                voting_present=figures.voting_present,
            )
        )

    def mark_rows(self, errors: list[FieldError]) -> None:
        """Colour the rows the service named (``attendance[3]``) and scroll to the first."""
        wrong = set()
        for error in errors:
            if error.field.startswith("attendance[") and error.field.endswith("]"):
                wrong.add(int(error.field[len("attendance[") : -1]))
        self._loading = True
        for row in range(self.table.rowCount()):
            item = cell(self.table, row, NAME)
            item.setBackground(QBrush(ERROR_BACKGROUND) if row in wrong else QBrush())
        self._loading = False
        if wrong:
            self.table.scrollToItem(cell(self.table, min(wrong), NAME))


def line_of(view: AttendanceView) -> dict[str, Any]:
    return {
        "member_id": view.member_id,
        "name": view.name,
        "voting": view.voting,
        "probationary": view.probationary,
        "observer": view.observer,
        "status": view.status,
        "reason": view.reason,
        "reason_note": view.reason_note,
        "makeup_on": view.makeup_on.isoformat() if view.makeup_on else None,
        "makeup_notes": view.makeup_notes,
    }


def observer_line(member_id: int, name: str) -> dict[str, Any]:
    """A member not on the roster of the date, as 列席: present, no vote, never counted."""
    return {
        "member_id": member_id,
        "name": name,
        "voting": False,
        "probationary": False,
        "observer": True,
        "status": AttendanceStatus.PRESENT.value,
        "reason": None,
        "reason_note": None,
        "makeup_on": None,
        "makeup_notes": None,
    }


def line_from_roster(entry: RosterEntry) -> dict[str, Any]:
    return {
        "member_id": entry.member_id,
        "name": entry.name,
        "voting": entry.voting,
        "probationary": entry.probationary,
        "observer": False,
        "status": (
            AttendanceStatus.LEAVE if entry.floating_out else AttendanceStatus.PRESENT
        ).value,
        "reason": AbsenceReason.OTHER.value if entry.floating_out else None,
        "reason_note": "流出外出" if entry.floating_out else None,
        "makeup_on": None,
        "makeup_notes": None,
    }
