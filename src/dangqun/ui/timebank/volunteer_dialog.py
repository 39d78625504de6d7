"""开户 and 修改: a time bank account for a member (picked from 党员管理) or a resident.

A member's name, ID number, phone and address stay in the member record (DOMAIN.md §3), so the
member choice shows them as 党员管理 does — masked for a role without personal data — and the
dialog asks only for the time bank's own fields. A resident who is not a member is a person
too: name and 公民身份号码 are required, phone and address not, and a masked value sent back
unchanged keeps what is stored (the service's rule). Every refusal is shown under its field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.errors import FieldError
from dangqun.members.service import MemberQuery, MemberRow, list_member_ids, member_rows
from dangqun.timebank.changes import VOLUNTEER
from dangqun.timebank.service import (
    VolunteerDetail,
    VolunteerForm,
    get_volunteer,
    open_volunteer,
    update_volunteer,
)
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.form_kit import FormRows, TimeBankDialog

MEMBER_CHOICES = 30
"""Members listed for one search: enough to pick from, never a list of thousands."""
SEARCH_DELAY_MILLISECONDS = 200


def split_tags(text: str) -> tuple[str, ...]:
    """``理发、陪聊, 维修`` → the tags, whatever separator a front desk types."""
    return tuple(part.strip() for part in re.split(r"[,，、;；\s]+", text) if part.strip())


def find_members(context: UiContext, text: str) -> list[MemberRow]:
    """The first :data:`MEMBER_CHOICES` members matching ``text`` (name, pinyin, number)."""
    database, actor = context.application.database, context.actor
    ids = list_member_ids(database, actor, MemberQuery(text=text))[:MEMBER_CHOICES]
    return member_rows(database, actor, ids)


class VolunteerDialog(TimeBankDialog):
    changes = Changes.of(VOLUNTEER)

    def __init__(
        self, context: UiContext, volunteer_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.existing: VolunteerDetail | None = (
            None
            if volunteer_id is None
            else get_volunteer(context.application.database, context.actor, volunteer_id)
        )
        self.member_id: int | None = None if self.existing is None else self.existing.member_id
        self._search_generation = 0
        self.setObjectName("volunteerDialog")
        self.setWindowTitle(
            self.tr("Open a time bank account")
            if self.existing is None
            else self.tr("Edit volunteer {number}").format(number=self.existing.number)
        )
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self._build_kind(layout)
        form_layout = QFormLayout()
        layout.addLayout(form_layout)
        self.rows = FormRows(form_layout)
        self._build_member(self.rows)
        self._build_resident(self.rows)
        self.skills_edit = QLineEdit()
        self.skills_edit.setObjectName("skillsEdit")
        self.skills_edit.setPlaceholderText(self.tr("e.g. haircut, chatting, repairs"))
        self.rows.add("skills", self.tr("Skills"), self.skills_edit)
        self.areas_edit = QLineEdit()
        self.areas_edit.setObjectName("areasEdit")
        self.areas_edit.setPlaceholderText(self.tr("e.g. grid 1, grid 2"))
        self.rows.add("service_areas", self.tr("Service areas"), self.areas_edit)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.rows.add("notes", self.tr("Notes"), self.notes_edit)
        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = self.rows.errors(self.general_error)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MILLISECONDS)
        self._search_timer.timeout.connect(self.search_members)
        self._fill()
        self.member_radio.toggled.connect(self._kind_changed)
        self._kind_changed()

    # -- building ---------------------------------------------------------------------------

    def _build_kind(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.member_radio = QRadioButton(self.tr("A party member"))
        self.member_radio.setObjectName("memberRadio")
        self.resident_radio = QRadioButton(self.tr("A resident who is not a member"))
        self.resident_radio.setObjectName("residentRadio")
        group = QButtonGroup(self)
        group.addButton(self.member_radio)
        group.addButton(self.resident_radio)
        self.member_radio.setChecked(True)
        row.addWidget(self.member_radio)
        row.addWidget(self.resident_radio)
        row.addStretch(1)
        layout.addLayout(row)
        if self.existing is not None:
            self.member_radio.setChecked(self.existing.is_member)
            self.resident_radio.setChecked(not self.existing.is_member)
            self.member_radio.setEnabled(False)
            self.resident_radio.setEnabled(False)

    def _build_member(self, rows: FormRows) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.member_search = QLineEdit()
        self.member_search.setObjectName("memberSearch")
        self.member_search.setClearButtonEnabled(True)
        self.member_search.setPlaceholderText(self.tr("Find the member: name or pinyin (e.g. zsf)"))
        self.member_search.textChanged.connect(self._member_text_changed)
        self.member_list = QListWidget()
        self.member_list.setObjectName("memberList")
        self.member_list.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.member_list.currentItemChanged.connect(self._member_chosen)
        self.member_label = QLabel()
        self.member_label.setObjectName("memberLabel")
        self.member_label.setWordWrap(True)
        column.addWidget(self.member_search)
        column.addWidget(self.member_list)
        column.addWidget(self.member_label)
        rows.add("member_id", self.tr("Member"), box)

    def _build_resident(self, rows: FormRows) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        rows.add("name", self.tr("Name"), self.name_edit)
        self.id_number_edit = QLineEdit()
        self.id_number_edit.setObjectName("idNumberEdit")
        self.id_number_edit.setMaxLength(18)
        rows.add("id_number", self.tr("Citizen ID number"), self.id_number_edit)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        rows.add("phone", self.tr("Phone"), self.phone_edit)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("addressEdit")
        rows.add("address", self.tr("Address"), self.address_edit)

    def _fill(self) -> None:
        existing = self.existing
        if existing is None:
            return
        self.skills_edit.setText("、".join(existing.skills))
        self.areas_edit.setText("、".join(existing.service_areas))
        self.notes_edit.setPlainText(existing.notes or "")
        if existing.is_member:
            self.member_search.setVisible(False)
            self.member_list.setVisible(False)
            self.member_label.setText(
                self.tr(
                    "{name} — name, ID number, phone and address come from the member record "
                    "and are corrected in “{members}”."
                ).format(name=existing.name, members=self.tr("Members"))
            )
        else:
            self.name_edit.setText(existing.name)
            self.id_number_edit.setText(existing.id_number)
            self.phone_edit.setText(existing.phone)
            self.address_edit.setText(existing.address)

    def is_member(self) -> bool:
        return self.member_radio.isChecked()

    def _kind_changed(self, *_arguments: object) -> None:
        member = self.is_member()
        self.rows.set_row_visible("member_id", member)
        for field in ("name", "id_number", "phone", "address"):
            self.rows.set_row_visible(field, not member)
        if self.errors is not None:
            self.errors.clear()
        if member and self.existing is None:
            self.member_search.setFocus()
            self.search_members()
        elif not member:
            self.name_edit.setFocus()
        self.adjustSize()

    # -- picking a member -------------------------------------------------------------------

    def _member_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def search_members(self) -> None:
        self._search_timer.stop()
        self._search_generation += 1
        run_service(
            self,
            self.context,
            partial(find_members, self.context, self.member_search.text()),
            on_success=partial(self._members_found, self._search_generation),
            failure_title=self.windowTitle(),
        )

    def _members_found(self, generation: int, members: object) -> None:
        if generation != self._search_generation or not isinstance(members, list):
            return
        self.member_list.clear()
        for member in members:
            item = QListWidgetItem(
                self.tr("{name}  {branch}  {id_number}").format(
                    name=member.name, branch=member.organization_name, id_number=member.id_number
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.member_list.addItem(item)
            if member.id == self.member_id:
                self.member_list.setCurrentItem(item)
        if not members:
            self.member_label.setText(self.tr("No member matches."))

    def _member_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        self.member_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.member_label.setText(self.tr("Chosen: {member}").format(member=item.text()))

    def is_searching(self) -> bool:
        return self._search_timer.isActive()

    # -- saving -----------------------------------------------------------------------------

    def form(self) -> VolunteerForm:
        skills = split_tags(self.skills_edit.text())
        areas = split_tags(self.areas_edit.text())
        notes = self.notes_edit.toPlainText()
        if self.is_member():
            return VolunteerForm(
                member_id=self.member_id, skills=skills, service_areas=areas, notes=notes
            )
        return VolunteerForm(
            name=self.name_edit.text(),
            id_number=self.id_number_edit.text(),
            phone=self.phone_edit.text(),
            address=self.address_edit.text(),
            skills=skills,
            service_areas=areas,
            notes=notes,
        )

    def service_call(self) -> Callable[[], object] | None:
        if self.existing is None and self.is_member() and self.member_id is None:
            assert self.errors is not None
            self.errors.show([FieldError("member_id", self.tr("Find and choose the member first"))])
            return None
        database, actor = self.context.application.database, self.context.actor
        if self.existing is None:
            return partial(open_volunteer, database, actor, self.form())
        return partial(update_volunteer, database, actor, self.existing.id, self.form())
