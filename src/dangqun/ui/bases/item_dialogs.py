"""The small dialogs of 基地设置: a room, a closed date, a material, a menu item, a lecturer.

Each saves with one service call off the GUI thread (:class:`EditorDialog`, the time bank's
:class:`~dangqun.ui.timebank.form_kit.TimeBankDialog` pattern): a refusal stays under the field
the service names — a room too small for its bookings shows the booking numbers under 容纳人数
(issue 14: "shrinking refused with the service's message") — and success announces the change
(:mod:`dangqun.bases.changes`) and closes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.changes import BASE, MENU
from dangqun.bases.service import (
    ClosureForm,
    ClosureKind,
    LecturerDetail,
    LecturerForm,
    MaterialDetail,
    MaterialForm,
    MaterialNeed,
    MenuItemDetail,
    MenuItemForm,
    RoomDetail,
    RoomForm,
    add_closure,
    create_lecturer,
    create_material,
    create_menu_item,
    create_room,
    update_lecturer,
    update_material,
    update_menu_item,
    update_room,
)
from dangqun.core.changes import Changes
from dangqun.core.errors import FieldError
from dangqun.members.service import MemberQuery, list_member_ids, member_rows
from dangqun.timebank.service import list_volunteers
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.form_kit import FormRows, TimeBankDialog
from dangqun.ui.widgets.window_fit import fit_to_layout

PEOPLE_LIMIT = 2000
"""The spin boxes' top: the service's own limits (capacity, group size) are no larger."""
CHOICES = 30
"""People listed for one search: enough to pick from, never a list of thousands."""
SEARCH_DELAY_MILLISECONDS = 200


def split_topics(text: str) -> tuple[str, ...]:
    """``党史、基层治理, 法律`` → the topics, whatever separator a front desk types."""
    return tuple(part.strip() for part in re.split(r"[,，、;；]+", text) if part.strip())


class EditorDialog(TimeBankDialog):
    """A form over rows with their error labels, Save and Cancel, one service call."""

    def __init__(self, context: UiContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.column = QVBoxLayout(self)
        form_layout = QFormLayout()
        self.column.addLayout(form_layout)
        self.rows = FormRows(form_layout)

    def finish(self) -> None:
        """Add the general error label and the buttons, once the rows are built."""
        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        self.column.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.column.addWidget(self.buttons)
        self.errors = self.rows.errors(self.general_error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)


def people_spin(name: str, minimum: int = 1) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(minimum, PEOPLE_LIMIT)
    return spin


# ---------------------------------------------------------------- rooms


class RoomDialog(EditorDialog):
    changes = Changes.of(BASE)

    def __init__(
        self,
        context: UiContext,
        base_id: int,
        room: RoomDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context,
            self.tr("New room") if room is None else self.tr("Edit room"),
            parent,
        )
        self.setObjectName("roomDialog")
        self.base_id = base_id
        self.room = room
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.rows.add("name", self.tr("Room name"), self.name_edit)
        self.capacity_spin = people_spin("capacitySpin")
        self.capacity_spin.setValue(30)
        self.rows.add("capacity", self.tr("Capacity (people)"), self.capacity_spin)
        self.exclusive_check = QCheckBox(self.tr("Exclusive use: one booking at a time"))
        self.exclusive_check.setObjectName("exclusiveCheck")
        self.rows.add("exclusive", "", self.exclusive_check)
        if room is not None:
            self.name_edit.setText(room.name)
            self.capacity_spin.setValue(room.capacity)
            self.exclusive_check.setChecked(room.exclusive)
        self.finish()

    def service_call(self) -> Callable[[], object]:
        database, actor = self.context.application.database, self.context.actor
        form = RoomForm(
            self.base_id,
            self.name_edit.text(),
            self.capacity_spin.value(),
            self.exclusive_check.isChecked(),
        )
        if self.room is None:
            return partial(create_room, database, actor, form)
        return partial(update_room, database, actor, self.room.id, form)


# ---------------------------------------------------------------- closed dates


class ClosureDialog(EditorDialog):
    """One day or a range of dates (a named range such as 春节, entered for each year), or the
    same month–day range every year (国庆 10-01 至 10-07)."""

    changes = Changes.of(BASE)

    def __init__(self, context: UiContext, base_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("New closed date"), parent)
        self.setObjectName("closureDialog")
        self.base_id = base_id
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. Spring Festival, National Day"))
        self.rows.add("name", self.tr("Name"), self.name_edit)
        kinds = QWidget()
        kind_row = QHBoxLayout(kinds)
        kind_row.setContentsMargins(0, 0, 0, 0)
        self.dates_radio = QRadioButton(self.tr("On dates"))
        self.dates_radio.setObjectName("datesRadio")
        self.yearly_radio = QRadioButton(self.tr("Every year"))
        self.yearly_radio.setObjectName("yearlyRadio")
        group = QButtonGroup(self)
        group.addButton(self.dates_radio)
        group.addButton(self.yearly_radio)
        self.dates_radio.setChecked(True)
        kind_row.addWidget(self.dates_radio)
        kind_row.addWidget(self.yearly_radio)
        kind_row.addStretch(1)
        self.rows.add("kind", self.tr("Repeats"), kinds)
        today = QDate.currentDate()
        self.starts_edit = self._date_edit("startsEdit", today)
        self.rows.add("starts_on", self.tr("From"), self.starts_edit)
        self.ends_edit = self._date_edit("endsEdit", today)
        self.rows.add("ends_on", self.tr("To"), self.ends_edit)
        self.yearly_from_edit = QLineEdit()
        self.yearly_from_edit.setObjectName("yearlyFromEdit")
        self.yearly_from_edit.setPlaceholderText(self.tr("month-day, e.g. 10-01"))
        self.rows.add("yearly_from", self.tr("Every year from"), self.yearly_from_edit)
        self.yearly_to_edit = QLineEdit()
        self.yearly_to_edit.setObjectName("yearlyToEdit")
        self.yearly_to_edit.setPlaceholderText(self.tr("month-day, e.g. 10-07"))
        self.rows.add("yearly_to", self.tr("Every year to"), self.yearly_to_edit)
        self.finish()
        self.dates_radio.toggled.connect(self._kind_changed)
        self._kind_changed()

    def _date_edit(self, name: str, day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _kind_changed(self, *_arguments: object) -> None:
        once = self.dates_radio.isChecked()
        for field in ("starts_on", "ends_on"):
            self.rows.set_row_visible(field, once)
        for field in ("yearly_from", "yearly_to"):
            self.rows.set_row_visible(field, not once)
        self.adjustSize()

    def form(self) -> ClosureForm:
        if self.dates_radio.isChecked():
            starts: date = self.starts_edit.date().toPython()  # type: ignore[assignment]
            ends: date = self.ends_edit.date().toPython()  # type: ignore[assignment]
            return ClosureForm(self.name_edit.text(), ClosureKind.DATES, starts, ends)
        return ClosureForm(
            self.name_edit.text(),
            ClosureKind.YEARLY,
            yearly_from=self.yearly_from_edit.text(),
            yearly_to=self.yearly_to_edit.text(),
        )

    def service_call(self) -> Callable[[], object]:
        database, actor = self.context.application.database, self.context.actor
        return partial(add_closure, database, actor, self.base_id, self.form())


# ---------------------------------------------------------------- materials


class MaterialDialog(EditorDialog):
    changes = Changes.of(BASE, MENU)

    def __init__(
        self,
        context: UiContext,
        base_id: int,
        material: MaterialDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context,
            self.tr("New material") if material is None else self.tr("Edit material"),
            parent,
        )
        self.setObjectName("materialDialog")
        self.base_id = base_id
        self.material = material
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. projector, party flag"))
        self.rows.add("name", self.tr("Material"), self.name_edit)
        self.quantity_spin = people_spin("quantitySpin", 0)
        self.quantity_spin.setValue(1)
        self.rows.add("quantity", self.tr("In stock"), self.quantity_spin)
        if material is not None:
            self.name_edit.setText(material.name)
            self.quantity_spin.setValue(material.quantity)
        self.finish()

    def service_call(self) -> Callable[[], object]:
        database, actor = self.context.application.database, self.context.actor
        form = MaterialForm(self.base_id, self.name_edit.text(), self.quantity_spin.value())
        if self.material is None:
            return partial(create_material, database, actor, form)
        return partial(update_material, database, actor, self.material.id, form)


# ---------------------------------------------------------------- menu items


class MenuItemDialog(EditorDialog):
    """特色菜单: what a visiting group can book, who can give it and what it needs."""

    changes = Changes.of(MENU)

    def __init__(
        self,
        context: UiContext,
        base_id: int,
        lecturers: Sequence[LecturerDetail],
        materials: Sequence[MaterialDetail],
        item: MenuItemDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context,
            self.tr("New menu item") if item is None else self.tr("Edit menu item"),
            parent,
        )
        self.setObjectName("menuItemDialog")
        self.setMinimumWidth(560)
        self.base_id = base_id
        self.item = item
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. renewing the oath, a party lecture"))
        self.rows.add("name", self.tr("Name"), self.name_edit)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("descriptionEdit")
        self.description_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 16)
        self.rows.add("description", self.tr("Description"), self.description_edit)
        self.duration_spin = QSpinBox()
        self.duration_spin.setObjectName("durationSpin")
        self.duration_spin.setRange(5, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setValue(60)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.rows.add("duration_minutes", self.tr("Duration"), self.duration_spin)
        group = QWidget()
        group_row = QHBoxLayout(group)
        group_row.setContentsMargins(0, 0, 0, 0)
        self.min_spin = people_spin("minGroupSpin")
        self.max_spin = people_spin("maxGroupSpin")
        self.max_spin.setValue(40)
        group_row.addWidget(self.min_spin)
        group_row.addWidget(QLabel(self.tr("to")))
        group_row.addWidget(self.max_spin)
        group_row.addWidget(QLabel(self.tr("people")))
        group_row.addStretch(1)
        self.rows.add("min_group", self.tr("Group size"), group, "max_group")
        self.lecturer_list = QListWidget()
        self.lecturer_list.setObjectName("lecturerList")
        self.lecturer_list.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        chosen = {lecturer.id for lecturer in item.lecturers} if item else set()
        for lecturer in lecturers:
            entry = QListWidgetItem(
                self.tr("{name} ({kind})").format(name=lecturer.name, kind=lecturer.kind_label)
            )
            entry.setData(Qt.ItemDataRole.UserRole, lecturer.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = lecturer.id in chosen
            entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.lecturer_list.addItem(entry)
        self.rows.add("lecturer_ids", self.tr("Lecturers who can give it"), self.lecturer_list)
        self.material_table = QTableWidget(len(materials), 2)
        self.material_table.setObjectName("materialTable")
        self.material_table.setHorizontalHeaderLabels([self.tr("Material"), self.tr("Needed")])
        self.material_table.verticalHeader().setVisible(False)
        self.material_table.horizontalHeader().setStretchLastSection(True)
        self.material_table.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 24)
        needed = {material.id: quantity for material, quantity in item.materials} if item else {}
        self.material_ids = [material.id for material in materials]
        for row, material in enumerate(materials):
            self.material_table.setItem(
                row,
                0,
                QTableWidgetItem(
                    self.tr("{name} (stock {quantity})").format(
                        name=material.name, quantity=material.quantity
                    )
                ),
            )
            spin = QSpinBox()
            spin.setRange(0, PEOPLE_LIMIT)
            spin.setValue(needed.get(material.id, 0))
            self.material_table.setCellWidget(row, 1, spin)
        self.material_table.resizeColumnToContents(0)
        self.rows.add("materials", self.tr("Materials needed"), self.material_table)
        if item is not None:
            self.name_edit.setText(item.name)
            self.description_edit.setPlainText(item.description)
            self.duration_spin.setValue(item.duration_minutes)
            self.min_spin.setValue(item.min_group)
            self.max_spin.setValue(item.max_group)
        self.finish()

    def form(self) -> MenuItemForm:
        lecturer_ids = tuple(
            int(entry.data(Qt.ItemDataRole.UserRole))
            for entry in (self.lecturer_list.item(row) for row in range(self.lecturer_list.count()))
            if entry.checkState() == Qt.CheckState.Checked
        )
        needs = []
        for row, material_id in enumerate(self.material_ids):
            spin = self.material_table.cellWidget(row, 1)
            assert isinstance(spin, QSpinBox)
            if spin.value() > 0:
                needs.append(MaterialNeed(material_id, spin.value()))
        return MenuItemForm(
            self.base_id,
            self.name_edit.text(),
            self.duration_spin.value(),
            self.min_spin.value(),
            self.max_spin.value(),
            self.description_edit.toPlainText(),
            lecturer_ids,
            tuple(needs),
        )

    def service_call(self) -> Callable[[], object]:
        database, actor = self.context.application.database, self.context.actor
        if self.item is None:
            return partial(create_menu_item, database, actor, self.form())
        return partial(update_menu_item, database, actor, self.item.id, self.form())


# ---------------------------------------------------------------- lecturers


def find_people(context: UiContext, volunteers: bool, text: str) -> list[tuple[int, str]]:
    """(id, line to show) of the first :data:`CHOICES` members or time-bank volunteers
    matching ``text`` (name, pinyin, number); personal data masked as the role requires."""
    database, actor = context.application.database, context.actor
    if volunteers:
        rows = list_volunteers(database, actor, text, None, 0, CHOICES).rows
        return [(row.id, f"{row.name}  {row.number}") for row in rows]
    ids = list_member_ids(database, actor, MemberQuery(text=text))[:CHOICES]
    return [
        (member.id, f"{member.name}  {member.organization_name}")
        for member in member_rows(database, actor, ids)
    ]


class LecturerDialog(EditorDialog):
    """讲师团: a party member or a time-bank volunteer found by search, or a guest by name."""

    changes = Changes.of(MENU)

    def __init__(
        self,
        context: UiContext,
        lecturer: LecturerDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context,
            self.tr("New lecturer") if lecturer is None else self.tr("Edit lecturer"),
            parent,
        )
        self.setObjectName("lecturerDialog")
        self.setMinimumWidth(520)
        self.lecturer = lecturer
        self.person_id: int | None = None
        self._generation = 0
        kinds = QWidget()
        kind_row = QHBoxLayout(kinds)
        kind_row.setContentsMargins(0, 0, 0, 0)
        self.member_radio = QRadioButton(self.tr("A party member"))
        self.member_radio.setObjectName("memberRadio")
        self.volunteer_radio = QRadioButton(self.tr("A time bank volunteer"))
        self.volunteer_radio.setObjectName("volunteerRadio")
        self.guest_radio = QRadioButton(self.tr("A guest"))
        self.guest_radio.setObjectName("guestRadio")
        group = QButtonGroup(self)
        for radio in (self.member_radio, self.volunteer_radio, self.guest_radio):
            group.addButton(radio)
            kind_row.addWidget(radio)
        kind_row.addStretch(1)
        self.member_radio.setChecked(True)
        self.rows.add("kind", self.tr("Lecturer is"), kinds)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Find: name or pinyin (e.g. zsf)"))
        self.person_list = QListWidget()
        self.person_list.setObjectName("personList")
        self.person_list.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.person_list.currentItemChanged.connect(self._person_chosen)
        self.person_label = QLabel()
        self.person_label.setObjectName("personLabel")
        self.person_label.setWordWrap(True)
        column.addWidget(self.search_edit)
        column.addWidget(self.person_list)
        column.addWidget(self.person_label)
        self.rows.add("member_id", self.tr("Person"), box, "volunteer_id")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.rows.add("name", self.tr("Guest's name"), self.name_edit)
        self.topics_edit = QLineEdit()
        self.topics_edit.setObjectName("topicsEdit")
        self.topics_edit.setPlaceholderText(self.tr("e.g. party history, grassroots governance"))
        self.rows.add("topics", self.tr("Topics"), self.topics_edit)
        self.finish()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MILLISECONDS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(self._timer.start)
        if lecturer is not None:
            self.topics_edit.setText("、".join(lecturer.topics))
            if lecturer.member_id is not None:
                self.person_id = lecturer.member_id
            elif lecturer.volunteer_id is not None:
                self.volunteer_radio.setChecked(True)
                self.person_id = lecturer.volunteer_id
            else:
                self.guest_radio.setChecked(True)
                self.name_edit.setText(lecturer.name)
            self.person_label.setText(self.tr("Chosen: {person}").format(person=lecturer.name))
        for radio in (self.member_radio, self.volunteer_radio, self.guest_radio):
            radio.toggled.connect(self._kind_changed)
        self._kind_changed(keep_person=True)

    def _kind_changed(self, *_arguments: object, keep_person: bool = False) -> None:
        guest = self.guest_radio.isChecked()
        self.rows.set_row_visible("member_id", not guest)
        self.rows.set_row_visible("name", guest)
        if not keep_person:
            self.person_id = None
            self.person_label.clear()
        if self.errors is not None:
            self.errors.clear()
        if not guest:
            self.search()
        self.adjustSize()

    def is_searching(self) -> bool:
        return self._timer.isActive()

    def search(self) -> None:
        self._timer.stop()
        self._generation += 1
        run_service(
            self,
            self.context,
            partial(
                find_people,
                self.context,
                self.volunteer_radio.isChecked(),
                self.search_edit.text(),
            ),
            on_success=partial(self._found, self._generation),
            failure_title=self.windowTitle(),
        )

    def _found(self, generation: int, people: object) -> None:
        if generation != self._generation or not isinstance(people, list):
            return
        self.person_list.blockSignals(True)
        self.person_list.clear()
        for person_id, text in people:
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, person_id)
            self.person_list.addItem(entry)
        self.person_list.blockSignals(False)
        if not people:
            self.person_label.setText(self.tr("Nobody matches."))

    def _person_chosen(self, entry: QListWidgetItem | None, _previous: object = None) -> None:
        if entry is None:
            return
        self.person_id = int(entry.data(Qt.ItemDataRole.UserRole))
        self.person_label.setText(self.tr("Chosen: {person}").format(person=entry.text()))

    def form(self) -> LecturerForm:
        topics = split_topics(self.topics_edit.text())
        if self.guest_radio.isChecked():
            return LecturerForm(name=self.name_edit.text(), topics=topics)
        if self.volunteer_radio.isChecked():
            return LecturerForm(volunteer_id=self.person_id, topics=topics)
        return LecturerForm(member_id=self.person_id, topics=topics)

    def service_call(self) -> Callable[[], object] | None:
        if not self.guest_radio.isChecked() and self.person_id is None:
            assert self.errors is not None
            self.errors.show([FieldError("member_id", self.tr("Find and choose the person first"))])
            return None
        database, actor = self.context.application.database, self.context.actor
        if self.lecturer is None:
            return partial(create_lecturer, database, actor, self.form())
        return partial(update_lecturer, database, actor, self.lecturer.id, self.form())
