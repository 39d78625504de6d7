"""基地设置: the bases and everything a booking is checked against (issue 14, DOMAIN.md §2).

On the left every base, retired ones marked; on the right the chosen base in tabs: 基本信息
(name, type, address, contact, phone — the number the base publishes to visitors, shown in
full), 活动室, 开放时间
(intervals per weekday, typed as the front desk says them: ``9:00-12:00, 14:00-18:00``), 闭馆日期,
特色菜单 and 物资; and 讲师团, which serves every base.

Roles (DOMAIN.md §3, the core's rule): the places — bases, rooms, hours, closed dates — need
管理员 (MANAGE_SETTINGS); the menu, materials and lecturers need 工作人员 (EDIT_RECORDS); 只读
sees everything and changes nothing (no button is offered that the service would refuse).
Every write is one service call announcing :data:`~dangqun.bases.changes.BASE` or
:data:`~dangqun.bases.changes.MENU`; the window listens to both and reloads, so what another
window changed shows too. Refusals stay beside their field, in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.changes import BASE, MENU
from dangqun.bases.service import (
    BASE_TYPE_LABELS,
    BaseDetail,
    BaseForm,
    BaseType,
    LecturerDetail,
    MenuItemDetail,
    create_base,
    delete_closure,
    list_bases,
    list_lecturers,
    list_menu_items,
    set_base_retired,
    set_lecturer_retired,
    set_material_retired,
    set_menu_item_retired,
    set_opening_hours,
    set_room_retired,
    update_base,
)
from dangqun.bases.vocabulary import WEEKDAY_LABELS
from dangqun.core.changes import Changes
from dangqun.core.errors import FieldError
from dangqun.core.security import Permission
from dangqun.ui.bases.item_dialogs import (
    ClosureDialog,
    EditorDialog,
    LecturerDialog,
    MaterialDialog,
    MenuItemDialog,
    RoomDialog,
)
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.form_kit import FormRows
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.window_fit import fit_to_layout

_INTERVAL = re.compile(r"^\s*(\d{1,2})[:：](\d{2})\s*[-–—~～至到]\s*(\d{1,2})[:：](\d{2})\s*$")


def parse_intervals(text: str) -> list[tuple[time, time]]:
    """``9:00-12:00, 14:00-18:00`` (commas or 、 between) → the intervals; empty = closed. Raises
    ``ValueError`` with a Chinese message naming the part that is not a time range."""
    intervals = []
    for part in re.split(r"[,，、;；]+", text):
        if not part.strip():
            continue
        match = _INTERVAL.match(part)
        if match is None:
            raise ValueError(f"“{part.strip()}”不是时间段，应写作 9:00-12:00")
        opens_h, opens_m, closes_h, closes_m = (int(group) for group in match.groups())
        if max(opens_h, closes_h) > 23 or max(opens_m, closes_m) > 59:
            raise ValueError(f"“{part.strip()}”的时间不对：时间段须在当天结束，最晚 23:59")
        intervals.append((time(opens_h, opens_m), time(closes_h, closes_m)))
    return intervals


@dataclass(frozen=True)
class Snapshot:
    """What the window shows, read in one background call."""

    bases: list[BaseDetail]
    menu: list[MenuItemDetail]
    lecturers: list[LecturerDetail]


def read_snapshot(context: UiContext, base_id: int | None) -> Snapshot:
    database, actor = context.application.database, context.actor
    bases = list_bases(database, actor, include_retired=True)
    menu = (
        [] if base_id is None else list_menu_items(database, actor, base_id, include_retired=True)
    )
    return Snapshot(bases, menu, list_lecturers(database, actor, include_retired=True))


class BaseSettingsDialog(QDialog):
    def __init__(
        self, context: UiContext, base_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.may_manage = context.can(Permission.MANAGE_SETTINGS)
        self.may_edit = context.can(Permission.EDIT_RECORDS)
        self.snapshot = Snapshot([], [], [])
        self.base_id = base_id
        self.creating = False
        self.loading = False
        self.active_dialog: QDialog | None = None
        self._generation = 0
        self.setObjectName("baseSettingsDialog")
        self.setWindowTitle(self.tr("Base settings"))
        self.resize(960, 640)
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        layout.addLayout(body, 1)
        body.addWidget(self._build_bases(), 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self._scrolled(self._build_info()), self.tr("Base"))
        self.tabs.addTab(self._scrolled(self._build_rooms()), self.tr("Rooms"))
        self.tabs.addTab(self._scrolled(self._build_hours()), self.tr("Opening hours"))
        self.tabs.addTab(self._scrolled(self._build_closures()), self.tr("Closed dates"))
        self.tabs.addTab(self._scrolled(self._build_menu()), self.tr("Menu"))
        self.tabs.addTab(self._scrolled(self._build_materials()), self.tr("Materials"))
        self.tabs.addTab(self._scrolled(self._build_lecturers()), self.tr("Lecturers"))
        body.addWidget(self.tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        context.events.subscribe(self, (BASE, MENU), self._on_changes)
        self.reload()

    # -- building ---------------------------------------------------------------------------

    def _scrolled(self, panel: QWidget) -> QScrollArea:
        """A tab that scrolls rather than cut its rows at the largest font on 1024×768."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(panel)
        return scroll

    def _button(self, name: str, text: str, allowed: bool) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setVisible(allowed)
        return button

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _panel(self, widget: QWidget, *buttons: QPushButton) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.addWidget(widget, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        return panel

    def _build_bases(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.base_list = QListWidget()
        self.base_list.setObjectName("baseList")
        self.base_list.setFixedWidth(self.fontMetrics().horizontalAdvance("阵") * 13)
        self.base_list.currentItemChanged.connect(self._base_chosen)
        column.addWidget(self.base_list, 1)
        self.new_base_button = self._button("newBaseButton", self.tr("New base"), self.may_manage)
        self.new_base_button.clicked.connect(self.new_base)
        column.addWidget(self.new_base_button)
        self.retire_base_button = self._button(
            "retireBaseButton", self.tr("Retire"), self.may_manage
        )
        self.retire_base_button.clicked.connect(self.toggle_base_retired)
        column.addWidget(self.retire_base_button)
        return box

    def _build_info(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        form_layout = QFormLayout()
        column.addLayout(form_layout)
        self.info_rows = FormRows(form_layout)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.info_rows.add("name", self.tr("Name"), self.name_edit)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("typeCombo")
        for base_type, label in BASE_TYPE_LABELS.items():
            self.type_combo.addItem(label, base_type)
        self.info_rows.add("base_type", self.tr("Type"), self.type_combo)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("addressEdit")
        self.info_rows.add("address", self.tr("Address"), self.address_edit)
        self.contact_edit = QLineEdit()
        self.contact_edit.setObjectName("contactEdit")
        self.info_rows.add("contact", self.tr("Contact"), self.contact_edit)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        self.info_rows.add("phone", self.tr("Phone"), self.phone_edit)
        self.introduction_edit = QPlainTextEdit()
        self.introduction_edit.setObjectName("introductionEdit")
        self.info_rows.add("introduction", self.tr("Introduction"), self.introduction_edit)
        self.info_error = QLabel()
        self.info_error.setObjectName("infoError")
        column.addWidget(self.info_error)
        self.info_errors = self.info_rows.errors(self.info_error)
        self.save_info_button = self._button("saveInfoButton", self.tr("Save"), self.may_manage)
        self.save_info_button.setProperty("role", "primary")
        self.save_info_button.clicked.connect(self.save_info)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_info_button)
        column.addLayout(row)
        for edit in (self.name_edit, self.address_edit, self.contact_edit, self.phone_edit):
            edit.setReadOnly(not self.may_manage)
        self.introduction_edit.setReadOnly(not self.may_manage)
        self.type_combo.setEnabled(self.may_manage)
        return panel

    def _build_rooms(self) -> QWidget:
        self.room_table = self._table(
            "roomTable",
            [self.tr("Room"), self.tr("Capacity"), self.tr("Use"), self.tr("Status")],
        )
        self.room_table.doubleClicked.connect(self.edit_room)
        self.new_room_button = self._button("newRoomButton", self.tr("New room…"), self.may_manage)
        self.new_room_button.clicked.connect(self.new_room)
        self.edit_room_button = self._button("editRoomButton", self.tr("Edit…"), self.may_manage)
        self.edit_room_button.clicked.connect(self.edit_room)
        self.retire_room_button = self._button(
            "retireRoomButton", self.tr("Retire / restore"), self.may_manage
        )
        self.retire_room_button.clicked.connect(self.toggle_room_retired)
        return self._panel(
            self.room_table, self.new_room_button, self.edit_room_button, self.retire_room_button
        )

    def _build_hours(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        hint = QLabel(
            self.tr(
                "One or more time ranges a day, e.g. 9:00-12:00, 14:00-18:00; leave a day "
                "empty when the base is closed."
            )
        )
        hint.setObjectName("hoursHint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        form_layout = QFormLayout()
        column.addLayout(form_layout)
        self.hours_rows = FormRows(form_layout)
        self.hours_edits: list[QLineEdit] = []
        for weekday, label in enumerate(WEEKDAY_LABELS):
            edit = QLineEdit()
            edit.setObjectName(f"hoursEdit{weekday}")
            edit.setReadOnly(not self.may_manage)
            self.hours_rows.add(f"hours_{weekday}", label, edit)
            self.hours_edits.append(edit)
        self.hours_error = QLabel()
        self.hours_error.setObjectName("hoursError")
        column.addWidget(self.hours_error)
        self.hours_errors = FieldErrors(
            {**self.hours_rows.labels, "hours": self.hours_error}, None, self.hours_rows.inputs
        )
        self.save_hours_button = self._button(
            "saveHoursButton", self.tr("Save hours"), self.may_manage
        )
        self.save_hours_button.setProperty("role", "primary")
        self.save_hours_button.clicked.connect(self.save_hours)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_hours_button)
        column.addLayout(row)
        column.addStretch(1)
        return panel

    def _build_closures(self) -> QWidget:
        self.closure_list = QListWidget()
        self.closure_list.setObjectName("closureList")
        self.new_closure_button = self._button(
            "newClosureButton", self.tr("New closed date…"), self.may_manage
        )
        self.new_closure_button.clicked.connect(self.new_closure)
        self.delete_closure_button = self._button(
            "deleteClosureButton", self.tr("Remove"), self.may_manage
        )
        self.delete_closure_button.clicked.connect(self.remove_closure)
        return self._panel(self.closure_list, self.new_closure_button, self.delete_closure_button)

    def _build_menu(self) -> QWidget:
        self.menu_table = self._table(
            "menuTable",
            [
                self.tr("Menu item"),
                self.tr("Duration"),
                self.tr("Group size"),
                self.tr("Lecturers"),
                self.tr("Status"),
            ],
        )
        self.menu_table.doubleClicked.connect(self.edit_menu_item)
        self.new_menu_button = self._button(
            "newMenuButton", self.tr("New menu item…"), self.may_edit
        )
        self.new_menu_button.clicked.connect(self.new_menu_item)
        self.edit_menu_button = self._button("editMenuButton", self.tr("Edit…"), self.may_edit)
        self.edit_menu_button.clicked.connect(self.edit_menu_item)
        self.retire_menu_button = self._button(
            "retireMenuButton", self.tr("Retire / restore"), self.may_edit
        )
        self.retire_menu_button.clicked.connect(self.toggle_menu_retired)
        return self._panel(
            self.menu_table, self.new_menu_button, self.edit_menu_button, self.retire_menu_button
        )

    def _build_materials(self) -> QWidget:
        self.material_table = self._table(
            "materialTable", [self.tr("Material"), self.tr("In stock"), self.tr("Status")]
        )
        self.material_table.doubleClicked.connect(self.edit_material)
        self.new_material_button = self._button(
            "newMaterialButton", self.tr("New material…"), self.may_edit
        )
        self.new_material_button.clicked.connect(self.new_material)
        self.edit_material_button = self._button(
            "editMaterialButton", self.tr("Edit…"), self.may_edit
        )
        self.edit_material_button.clicked.connect(self.edit_material)
        self.retire_material_button = self._button(
            "retireMaterialButton", self.tr("Retire / restore"), self.may_edit
        )
        self.retire_material_button.clicked.connect(self.toggle_material_retired)
        return self._panel(
            self.material_table,
            self.new_material_button,
            self.edit_material_button,
            self.retire_material_button,
        )

    def _build_lecturers(self) -> QWidget:
        self.lecturer_table = self._table(
            "lecturerTable",
            [self.tr("Lecturer"), self.tr("Kind"), self.tr("Topics"), self.tr("Status")],
        )
        self.lecturer_table.doubleClicked.connect(self.edit_lecturer)
        self.new_lecturer_button = self._button(
            "newLecturerButton", self.tr("New lecturer…"), self.may_edit
        )
        self.new_lecturer_button.clicked.connect(self.new_lecturer)
        self.edit_lecturer_button = self._button(
            "editLecturerButton", self.tr("Edit…"), self.may_edit
        )
        self.edit_lecturer_button.clicked.connect(self.edit_lecturer)
        self.retire_lecturer_button = self._button(
            "retireLecturerButton", self.tr("Retire / restore"), self.may_edit
        )
        self.retire_lecturer_button.clicked.connect(self.toggle_lecturer_retired)
        return self._panel(
            self.lecturer_table,
            self.new_lecturer_button,
            self.edit_lecturer_button,
            self.retire_lecturer_button,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)

    # -- reading ----------------------------------------------------------------------------

    def _on_changes(self, _changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        self.loading = True
        self._generation += 1
        run_service(
            self,
            self.context,
            partial(read_snapshot, self.context, self.base_id),
            on_success=partial(self._loaded, self._generation),
            on_failure=self._failed,
            failure_title=self.windowTitle(),
        )

    def is_ready(self) -> bool:
        return not self.loading

    def _failed(self, _error: BaseException) -> None:
        self.loading = False

    def _loaded(self, generation: int, snapshot: object) -> None:
        if generation != self._generation or not isinstance(snapshot, Snapshot):
            return
        self.snapshot = snapshot
        ids = [base.id for base in snapshot.bases]
        if self.base_id not in ids and not self.creating:
            self.base_id = ids[0] if ids else None
            if self.base_id is not None:
                self.reload()  # the menu belongs to the base now chosen
                return
        self.base_list.blockSignals(True)
        self.base_list.clear()
        for base in snapshot.bases:
            text = (
                base.name
                if not base.retired
                else self.tr("{name} (retired)").format(name=base.name)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, base.id)
            self.base_list.addItem(item)
            if base.id == self.base_id and not self.creating:
                self.base_list.setCurrentItem(item)
        self.base_list.blockSignals(False)
        self._show_base()
        self.loading = False

    def base(self) -> BaseDetail | None:
        for base in self.snapshot.bases:
            if base.id == self.base_id:
                return base
        return None

    def _base_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.creating = False
        self.base_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.reload()

    def _show_base(self) -> None:
        base = None if self.creating else self.base()
        self.info_errors.clear()
        self.hours_errors.clear()
        self.name_edit.setText(base.name if base else "")
        self.type_combo.setCurrentIndex(
            self.type_combo.findData(base.base_type if base else BaseType.BASIC)
        )
        self.address_edit.setText(base.address if base else "")
        self.contact_edit.setText(base.contact if base else "")
        self.phone_edit.setText(base.phone if base else "")
        self.introduction_edit.setPlainText(base.introduction if base else "")
        self.save_info_button.setEnabled(base is not None or self.creating)
        self.retire_base_button.setEnabled(base is not None)
        if base is not None:
            self.retire_base_button.setText(
                self.tr("Restore") if base.retired else self.tr("Retire")
            )
        for index in range(1, 6):  # the base's own tabs wait for a saved base
            self.tabs.setTabEnabled(index, base is not None)
        if self.creating:
            self.tabs.setCurrentIndex(0)
        self._fill_rooms(base)
        self._fill_hours(base)
        self._fill_closures(base)
        self._fill_menu(base)
        self._fill_materials(base)
        self._fill_lecturers()

    def _status(self, retired: bool) -> str:
        return self.tr("Retired") if retired else self.tr("In use")

    def _fill_table(self, table: QTableWidget, rows: list[tuple[int, list[str]]]) -> None:
        table.setRowCount(len(rows))
        for row, (record_id, texts) in enumerate(rows):
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, record_id)
                table.setItem(row, column, cell)

    def _fill_rooms(self, base: BaseDetail | None) -> None:
        rooms = base.rooms if base else ()
        self._fill_table(
            self.room_table,
            [
                (
                    room.id,
                    [
                        room.name,
                        self.tr("%n people", "", room.capacity),
                        self.tr("Exclusive") if room.exclusive else self.tr("Shared"),
                        self._status(room.retired),
                    ],
                )
                for room in rooms
            ],
        )

    def _fill_hours(self, base: BaseDetail | None) -> None:
        for weekday, edit in enumerate(self.hours_edits):
            intervals = base.hours.get(weekday, ()) if base else ()
            edit.setText(", ".join(interval.text.replace("–", "-") for interval in intervals))

    def _fill_closures(self, base: BaseDetail | None) -> None:
        self.closure_list.clear()
        for closure in base.closures if base else ():
            item = QListWidgetItem(closure.text)
            item.setData(Qt.ItemDataRole.UserRole, closure.id)
            self.closure_list.addItem(item)

    def _fill_menu(self, base: BaseDetail | None) -> None:
        items = self.snapshot.menu if base else []
        self._fill_table(
            self.menu_table,
            [
                (
                    item.id,
                    [
                        item.name,
                        self.tr("%n min", "", item.duration_minutes),
                        self.tr("{low}–{high} people").format(
                            low=item.min_group, high=item.max_group
                        ),
                        "、".join(lecturer.name for lecturer in item.lecturers),
                        self._status(item.retired),
                    ],
                )
                for item in items
            ],
        )

    def _fill_materials(self, base: BaseDetail | None) -> None:
        self._fill_table(
            self.material_table,
            [
                (
                    material.id,
                    [material.name, str(material.quantity), self._status(material.retired)],
                )
                for material in (base.materials if base else ())
            ],
        )

    def _fill_lecturers(self) -> None:
        self._fill_table(
            self.lecturer_table,
            [
                (
                    lecturer.id,
                    [
                        lecturer.name,
                        lecturer.kind_label,
                        "、".join(lecturer.topics),
                        self._status(lecturer.retired),
                    ],
                )
                for lecturer in self.snapshot.lecturers
            ],
        )

    @staticmethod
    def selected_id(table: QTableWidget) -> int | None:
        row = table.currentRow()
        cell = table.item(row, 0) if row >= 0 else None
        return None if cell is None else int(cell.data(Qt.ItemDataRole.UserRole))

    # -- the base ---------------------------------------------------------------------------

    def new_base(self) -> None:
        self.creating = True
        self.base_list.setCurrentRow(-1)
        self._show_base()
        self.name_edit.setFocus()

    def base_form(self) -> BaseForm:
        return BaseForm(
            self.name_edit.text(),
            self.type_combo.currentData(),
            self.address_edit.text(),
            self.contact_edit.text(),
            self.phone_edit.text(),
            self.introduction_edit.toPlainText(),
        )

    def save_info(self) -> None:
        database, actor = self.context.application.database, self.context.actor
        call: Callable[[], object]
        if self.creating or self.base_id is None:
            call = partial(create_base, database, actor, self.base_form())
        else:
            call = partial(update_base, database, actor, self.base_id, self.base_form())
        self.info_errors.clear()
        self.save_info_button.setEnabled(False)
        run_service(
            self,
            self.context,
            call,
            changes=Changes.of(BASE),
            on_success=self._info_saved,
            on_failure=lambda _error: self.save_info_button.setEnabled(True),
            field_errors=self.info_errors,
            failure_title=self.tr("Cannot save the base"),
        )

    def _info_saved(self, base: object) -> None:
        assert isinstance(base, BaseDetail)
        self.creating = False
        self.base_id = base.id
        self.save_info_button.setEnabled(True)
        self.reload()

    def toggle_base_retired(self) -> None:
        base = self.base()
        if base is not None:
            self._write(partial(set_base_retired, *self._who(), base.id, not base.retired), BASE)

    # -- rooms, hours, closed dates ---------------------------------------------------------

    def _who(self) -> tuple[Any, Any]:
        return self.context.application.database, self.context.actor

    def _write(self, call: Callable[[], object], *entities: Any) -> None:
        """A one-click write (retire, restore, remove): refusals in a message box."""
        run_service(
            self,
            self.context,
            call,
            changes=Changes.of(*entities),
            failure_title=self.windowTitle(),
        )

    def _open(self, dialog: EditorDialog) -> None:
        self.active_dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        self.active_dialog = None

    def new_room(self) -> None:
        if self.base_id is not None and self.may_manage:
            self._open(RoomDialog(self.context, self.base_id, None, self))

    def edit_room(self, *_arguments: object) -> None:
        base, room_id = self.base(), self.selected_id(self.room_table)
        if base is None or room_id is None or not self.may_manage:
            return
        room = next(room for room in base.rooms if room.id == room_id)
        self._open(RoomDialog(self.context, base.id, room, self))

    def toggle_room_retired(self) -> None:
        base, room_id = self.base(), self.selected_id(self.room_table)
        if base is not None and room_id is not None:
            room = next(room for room in base.rooms if room.id == room_id)
            self._write(partial(set_room_retired, *self._who(), room_id, not room.retired), BASE)

    def hours(self) -> dict[int, list[tuple[time, time]]] | None:
        """The hours typed, or None after showing beside each day why it is not a time."""
        hours: dict[int, list[tuple[time, time]]] = {}
        errors = []
        for weekday, edit in enumerate(self.hours_edits):
            try:
                intervals = parse_intervals(edit.text())
            except ValueError as error:
                errors.append(FieldError(f"hours_{weekday}", str(error)))
                continue
            if intervals:
                hours[weekday] = intervals
        if errors:
            self.hours_errors.show(errors)
            return None
        return hours

    def save_hours(self) -> None:
        self.hours_errors.clear()
        hours = self.hours()
        if hours is None or self.base_id is None:
            return
        run_service(
            self,
            self.context,
            partial(set_opening_hours, *self._who(), self.base_id, hours),
            changes=Changes.of(BASE),
            field_errors=self.hours_errors,
            failure_title=self.tr("Cannot save the opening hours"),
        )

    def new_closure(self) -> None:
        if self.base_id is not None and self.may_manage:
            self._open(ClosureDialog(self.context, self.base_id, self))

    def remove_closure(self) -> None:
        item = self.closure_list.currentItem()
        if item is not None:
            closure_id = int(item.data(Qt.ItemDataRole.UserRole))
            self._write(partial(delete_closure, *self._who(), closure_id), BASE)

    # -- menu, materials, lecturers ---------------------------------------------------------

    def _menu_dialog(self, item: MenuItemDetail | None) -> MenuItemDialog | None:
        base = self.base()
        if base is None or not self.may_edit:
            return None
        lecturers = [lecturer for lecturer in self.snapshot.lecturers if not lecturer.retired]
        materials = [material for material in base.materials if not material.retired]
        return MenuItemDialog(self.context, base.id, lecturers, materials, item, self)

    def new_menu_item(self) -> None:
        dialog = self._menu_dialog(None)
        if dialog is not None:
            self._open(dialog)

    def edit_menu_item(self, *_arguments: object) -> None:
        item_id = self.selected_id(self.menu_table)
        if item_id is None:
            return
        dialog = self._menu_dialog(next(i for i in self.snapshot.menu if i.id == item_id))
        if dialog is not None:
            self._open(dialog)

    def toggle_menu_retired(self) -> None:
        item_id = self.selected_id(self.menu_table)
        if item_id is not None:
            item = next(i for i in self.snapshot.menu if i.id == item_id)
            self._write(
                partial(set_menu_item_retired, *self._who(), item_id, not item.retired), MENU
            )

    def new_material(self) -> None:
        if self.base_id is not None and self.may_edit:
            self._open(MaterialDialog(self.context, self.base_id, None, self))

    def edit_material(self, *_arguments: object) -> None:
        base, material_id = self.base(), self.selected_id(self.material_table)
        if base is None or material_id is None or not self.may_edit:
            return
        material = next(m for m in base.materials if m.id == material_id)
        self._open(MaterialDialog(self.context, base.id, material, self))

    def toggle_material_retired(self) -> None:
        base, material_id = self.base(), self.selected_id(self.material_table)
        if base is not None and material_id is not None:
            material = next(m for m in base.materials if m.id == material_id)
            self._write(
                partial(set_material_retired, *self._who(), material_id, not material.retired),
                BASE,
                MENU,
            )

    def new_lecturer(self) -> None:
        if self.may_edit:
            self._open(LecturerDialog(self.context, None, self))

    def edit_lecturer(self, *_arguments: object) -> None:
        lecturer_id = self.selected_id(self.lecturer_table)
        if lecturer_id is None or not self.may_edit:
            return
        lecturer = next(item for item in self.snapshot.lecturers if item.id == lecturer_id)
        self._open(LecturerDialog(self.context, lecturer, self))

    def toggle_lecturer_retired(self) -> None:
        lecturer_id = self.selected_id(self.lecturer_table)
        if lecturer_id is not None:
            lecturer = next(item for item in self.snapshot.lecturers if item.id == lecturer_id)
            self._write(
                partial(set_lecturer_retired, *self._who(), lecturer_id, not lecturer.retired),
                MENU,
            )
