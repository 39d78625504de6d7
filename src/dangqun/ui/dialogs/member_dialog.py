"""登记党员 / 党员信息: every item of the national roster, checked by the members service.

* The code lists (性别 GB/T 2261.1, 民族 GB/T 3304, 学历 GB/T 4658, 人员类别, kind, status) come
  from :mod:`dangqun.members.codes`, so the form, the importer and the export read the same words.
* The organization is chosen in the organization tree; only a 网格党支部 or 楼栋党小组 can hold
  members, so the field is 所在党组织 (报到党组织 for an 在职党员 or 流入党员, whose relationship
  stays elsewhere) — the words of :mod:`dangqun.members.glossary` (issue 11).
* The fields of the kind are shown by kind: 报到日期 + 来源组织 for 在职党员; 来源组织 +
  活动证 for 流入党员; 外出流向 for 流出党员.
* Birth date and sex are filled from the ID number as it is typed; a wrong check character is
  said at once, a doubtful area code only warns (a genuine card must never be refused).
* Saving calls ``register_member``/``update_member`` off the GUI thread and announces ``MEMBER``:
  all bad fields come back at once and are shown under their inputs in red; nothing is
  written. Warnings never block.
* Kind and status of a registered member change only as dated events (history tab), so the
  history says when someone came, left or became a floating member.
* ID number, phone and address arrive masked for roles that may not see them; sent back
  untouched, the service keeps the stored values. Typing into such a field replaces it.
  Such a role sees the birth year-month only (issue 10), in a field it cannot edit: the birth
  date is the ID number's, and a new number typed in full brings its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.clock import format_local, local_today
from dangqun.core.db import Database
from dangqun.core.errors import DangqunError, FieldError, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.members.changes import MEMBER
from dangqun.members.service import (
    CATEGORIES,
    EDUCATIONS,
    ETHNICITIES,
    GENDERS,
    KINDS,
    STATUSES,
    MemberDetail,
    MemberForm,
    MemberKind,
    MemberStatus,
    OrganizationNode,
    SavedMember,
    check_member_form,
    derive_from_id_number,
    get_member,
    member_form,
    member_history,
    organization_tree,
    register_member,
    update_member,
)
from dangqun.members.validation import normalize_id_number
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.base import ServiceDialog
from dangqun.ui.dialogs.member_change_dialog import ChangeKind, MemberChangeDialog
from dangqun.ui.forms.ui_member_dialog import Ui_MemberDialog
from dangqun.ui.widgets.date_field import DateField
from dangqun.ui.widgets.elided_label import ElidedLabel
from dangqun.ui.widgets.field_errors import FieldErrors

MASK = "*"
PREFERRED_SIZE = (1000, 720)


def _save_member(
    database: Database,
    actor: Actor,
    member_id: int | None,
    form: MemberForm,
    unreadable: list[FieldError],
    today: date,
) -> SavedMember:
    """One save, on the thread pool. Dates the form could not read are refused together with
    the service's other findings, so the user sees everything to correct at once."""
    if unreadable:
        fields = {problem.field for problem in unreadable}
        try:
            check_member_form(database, actor, form, member_id, today)
        except ValidationError as error:
            found = [item for item in error.errors if item.field not in fields]
            raise ValidationError(unreadable + found) from None
        raise ValidationError(unreadable)
    if member_id is None:
        return register_member(database, actor, form, today)
    return update_member(database, actor, member_id, form, today=today)


class _FormErrors(FieldErrors):
    """The member form has two tabs and scrolls: a refusal is brought into view once shown."""

    def __init__(
        self,
        labels: Mapping[str, QLabel],
        general: QLabel,
        inputs: Mapping[str, QWidget],
        shown: Callable[[list[FieldError]], None],
    ) -> None:
        super().__init__(labels, general=general, inputs=inputs)
        self._shown = shown

    def show(self, errors: list[FieldError]) -> list[str]:
        left = super().show(errors)
        self._shown(errors)
        return left


def _select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class MemberDialog(ServiceDialog):
    member_changed = Signal(int)
    """A dated change (transfer, kind, status) was written from the history tab."""

    def __init__(
        self,
        context: UiContext,
        member_id: int | None,
        organizations: list[OrganizationNode] | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
        branch_id: int | None = None,
    ) -> None:
        """``branch_id``: for a new member, the branch to start with (the list's filter)."""
        super().__init__(parent)
        self.context = context
        self.member_id = member_id
        self.branch_id = branch_id
        self.today = today or local_today()
        self.may_edit = context.can(Permission.EDIT_RECORDS)
        self.saved: SavedMember | None = None
        database, actor = context.application.database, context.actor
        self.detail: MemberDetail | None = None
        self.form: MemberForm | None = None
        if member_id is not None:
            self.detail = get_member(database, actor, member_id)
            self.form = member_form(database, actor, member_id)
        self.organizations = organizations or organization_tree(database)
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        self.header_facts = self._eliding_header_facts()
        self._masked: dict[str, str] = {}
        self.birth_date_masked = False
        """The birth field shows the year-month of a record whose ID number stays masked."""
        self._fill_code_lists()
        self._connect()
        self.errors = self._field_errors()
        self.history_model = QStandardItemModel(self)
        self._setup_history()
        if self.form is None:
            self._start_new()
        else:
            self._show_member(self.form)
        self._apply_kind()
        self._apply_permissions()
        self._align_labels()
        self.ui.warningsLabel.setVisible(False)
        self.ui.idNumberWarning.setVisible(False)
        self._fit_to_screen()

    # -- set-up -----------------------------------------------------------------------------

    def _fill_code_lists(self) -> None:
        ui = self.ui
        ui.genderCombo.addItem(self.tr("From the ID number"), None)
        for gender in GENDERS.items:
            ui.genderCombo.addItem(gender.label, gender.code)
        ui.ethnicityCombo.addItem(self.tr("Please choose"), None)
        for ethnicity in ETHNICITIES.items:
            ui.ethnicityCombo.addItem(ethnicity.label, ethnicity.code)
        ui.ethnicityCombo.setMaxVisibleItems(16)
        ui.educationCombo.addItem(self.tr("Not recorded"), None)
        for education in EDUCATIONS.items:
            ui.educationCombo.addItem(education.label, education.code)
        for category in CATEGORIES.items:
            ui.categoryCombo.addItem(category.label, category.code)
        for kind in KINDS.items:
            ui.kindCombo.addItem(kind.label, kind.code)
        for status in STATUSES.items:
            ui.statusCombo.addItem(status.label, status.code)
        ui.organizationPicker.set_nodes(self.organizations, members_only=True)
        ui.organizationPicker.set_placeholder(self.tr("Choose the grid branch or building group"))
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save"))
        save.setProperty("role", "primary")

    def _connect(self) -> None:
        ui = self.ui
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.idNumberEdit.textEdited.connect(self._id_number_edited)
        ui.phoneEdit.textEdited.connect(partial(self._masked_edited, "phone", ui.phoneEdit))
        ui.addressEdit.textEdited.connect(partial(self._masked_edited, "address", ui.addressEdit))
        ui.kindCombo.currentIndexChanged.connect(self._apply_kind)
        ui.lostContactCheck.toggled.connect(ui.lostContactOnEdit.setEnabled)
        ui.changeKindButton.clicked.connect(partial(self.record_change, ChangeKind.KIND))
        ui.kindChangeButton.clicked.connect(partial(self.record_change, ChangeKind.KIND))
        ui.changeStatusButton.clicked.connect(partial(self.record_change, ChangeKind.STATUS))
        ui.statusChangeButton.clicked.connect(partial(self.record_change, ChangeKind.STATUS))
        ui.transferOutButton.clicked.connect(partial(self.record_change, ChangeKind.TRANSFER_OUT))
        ui.transferInButton.clicked.connect(partial(self.record_change, ChangeKind.TRANSFER_IN))

    def _field_errors(self) -> FieldErrors:
        ui = self.ui
        rows: dict[str, tuple[QWidget, QLabel]] = {
            "name": (ui.nameEdit, ui.nameError),
            "id_number": (ui.idNumberEdit, ui.idNumberError),
            "gender_code": (ui.genderCombo, ui.genderError),
            "birth_date": (ui.birthDateEdit, ui.birthDateError),
            "ethnicity_code": (ui.ethnicityCombo, ui.ethnicityError),
            "education_code": (ui.educationCombo, ui.educationError),
            "category": (ui.categoryCombo, ui.categoryError),
            "kind": (ui.kindCombo, ui.kindError),
            "status": (ui.statusCombo, ui.statusError),
            "organization_id": (ui.organizationPicker, ui.organizationError),
            "joined_on": (ui.joinedOnEdit, ui.joinedOnError),
            "confirmed_on": (ui.confirmedOnEdit, ui.confirmedOnError),
            "lost_contact_on": (ui.lostContactOnEdit, ui.lostContactOnError),
            "registered_on": (ui.registeredOnEdit, ui.registeredOnError),
            "activity_card_number": (ui.activityCardEdit, ui.activityCardError),
            "origin_organization": (ui.originOrganizationEdit, ui.originOrganizationError),
            "outflow_destination": (ui.outflowDestinationEdit, ui.outflowDestinationError),
            "phone": (ui.phoneEdit, ui.phoneError),
            "household_registration": (ui.householdEdit, ui.householdError),
            "address": (ui.addressEdit, ui.addressError),
            "work_unit": (ui.workUnitEdit, ui.workUnitError),
            "notes": (ui.notesEdit, ui.notesError),
        }
        self.error_labels = {field: label for field, (_widget, label) in rows.items()}
        self.inputs = {field: widget for field, (widget, _label) in rows.items()}
        return _FormErrors(
            self.error_labels,
            general=ui.generalError,
            inputs={field: widget for field, (widget, _label) in rows.items()},
            shown=self._bring_errors_into_view,
        )

    def _setup_history(self) -> None:
        ui = self.ui
        model = self.history_model
        model.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Details"), self.tr("Recorded")]
        )
        ui.historyView.setModel(model)
        ui.historyView.verticalHeader().setVisible(False)
        ui.historyView.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        ui.historyView.verticalHeader().setDefaultSectionSize(
            ui.historyView.fontMetrics().height() + 14
        )
        header = ui.historyView.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

    def _align_labels(self) -> None:
        """One label width per column in every group, so the inputs line up down the form."""
        ui = self.ui
        for column in (0, 2):
            labels: list[QWidget] = []
            for group_layout in (
                ui.identityGroupLayout,
                ui.membershipGroupLayout,
                ui.kindGroupLayout,
                ui.contactGroupLayout,
            ):
                for position in range(group_layout.count()):
                    _row, item_column, _rows, columns = cast(
                        tuple[int, int, int, int], group_layout.getItemPosition(position)
                    )
                    item = group_layout.itemAt(position)
                    widget = item.widget() if item is not None else None
                    if item_column == column and columns == 1 and widget is not None:
                        labels.append(widget)
            width = max(label.sizeHint().width() for label in labels)
            for label in labels:
                label.setMinimumWidth(width)

    def _fit_to_screen(self) -> None:
        """The preferred size, within the main window (or the screen when there is none)."""
        width, height = PREFERRED_SIZE
        parent = self.parentWidget()
        if parent is not None:
            room = parent.window().size()
        else:
            screen = self.screen()
            room = screen.availableGeometry().size() if screen is not None else None
        if room is not None and room.width() > 0:
            width = min(width, room.width() - 40)
            height = min(height, room.height() - 40)
        self.resize(width, height)

    def _eliding_header_facts(self) -> ElidedLabel:
        """The line beside the title, shortened with "…" (full text as tooltip) instead of
        widening the dialog: at the largest font a long branch name or the registration hint
        made it wider than a 1024×768 screen (issue 11). The form's label is replaced here
        because uic builds custom widgets with the parent as first argument."""
        facts = ElidedLabel(parent=self)
        facts.setObjectName("headerFacts")
        facts.setProperty("role", "muted")
        self.ui.headerLayout.replaceWidget(self.ui.headerFacts, facts)
        self.ui.headerFacts.deleteLater()
        return facts

    # -- showing ----------------------------------------------------------------------------

    def _start_new(self) -> None:
        ui = self.ui
        self.setWindowTitle(self.tr("Register a member"))
        ui.headerTitle.setText(self.tr("Register a member"))
        self.header_facts.set_full_text(
            self.tr("Birth date and sex are taken from the ID number. Red messages must be fixed.")
        )
        _select_data(ui.ethnicityCombo, "01")
        _select_data(ui.statusCombo, MemberStatus.ACTIVE)
        if self.branch_id is not None and any(
            node.id == self.branch_id and node.can_hold_members for node in self.organizations
        ):
            ui.organizationPicker.set_organization_id(self.branch_id)
        ui.lostContactOnEdit.setEnabled(False)
        ui.changeKindButton.setVisible(False)
        ui.changeStatusButton.setVisible(False)
        ui.statusCombo.setEnabled(False)
        ui.statusCombo.setToolTip(self.tr("A new member is in the register"))
        ui.tabs.setTabEnabled(ui.tabs.indexOf(ui.historyTab), False)
        ui.nameEdit.setFocus()

    def _show_member(self, form: MemberForm) -> None:
        ui = self.ui
        detail = self.detail
        assert detail is not None
        self.setWindowTitle(self.tr("Member — {name}").format(name=detail.name))
        self._show_header(detail)
        ui.nameEdit.setText(form.name)
        self._set_maskable(ui.idNumberEdit, "id_number", form.id_number)
        _select_data(ui.genderCombo, form.gender_code)
        if form.birth_date is None and detail.personal_data_masked:
            self._show_birth_month(detail.birth_date_text)
        else:
            ui.birthDateEdit.set_value(form.birth_date)
        _select_data(ui.ethnicityCombo, form.ethnicity_code)
        _select_data(ui.educationCombo, form.education_code)
        _select_data(ui.categoryCombo, form.category)
        ui.organizationPicker.set_organization_id(form.organization_id)
        ui.joinedOnEdit.set_value(form.joined_on)
        ui.confirmedOnEdit.set_value(form.confirmed_on)
        self._show_kind_and_status(form)
        ui.lostContactCheck.setChecked(form.lost_contact_on is not None)
        ui.lostContactOnEdit.set_value(form.lost_contact_on)
        ui.lostContactOnEdit.setEnabled(form.lost_contact_on is not None)
        self._set_maskable(ui.phoneEdit, "phone", form.phone or "")
        ui.householdEdit.setText(form.household_registration or "")
        self._set_maskable(ui.addressEdit, "address", form.address or "")
        ui.workUnitEdit.setText(form.work_unit or "")
        ui.notesEdit.setPlainText(form.notes or "")
        # Kind and status change as dated events (history tab), not by editing the record.
        ui.kindCombo.setEnabled(False)
        ui.statusCombo.setEnabled(False)
        tip = self.tr("Changes are recorded with their date: use “Change…”")
        ui.kindCombo.setToolTip(tip)
        ui.statusCombo.setToolTip(tip)
        self.load_history()
        from dangqun.ui.minutes.attendance_history import add_attendance_tab  # issue 15

        self.attendance_history = add_attendance_tab(ui.tabs, self.context, detail.id)

    def _show_header(self, detail: MemberDetail) -> None:
        facts = [detail.kind_label, detail.status_label]
        if detail.organization_name:
            facts.append(detail.organization_name)
        facts.append(self.tr("record made {date}").format(date=f"{detail.created_at:%Y-%m-%d}"))
        self.ui.headerTitle.setText(detail.name)
        self.header_facts.set_full_text(" · ".join(facts))

    def _show_kind_and_status(self, form: MemberForm) -> None:
        """The fields a dated change may touch; other (possibly edited) fields stay."""
        ui = self.ui
        _select_data(ui.kindCombo, form.kind)
        _select_data(ui.statusCombo, form.status)
        ui.organizationPicker.set_organization_id(form.organization_id)
        ui.registeredOnEdit.set_value(form.registered_on)
        ui.originOrganizationEdit.setText(form.origin_organization or "")
        ui.activityCardEdit.setText(form.activity_card_number or "")
        ui.outflowDestinationEdit.setText(form.outflow_destination or "")
        self._update_history_buttons(form)

    def _update_history_buttons(self, form: MemberForm) -> None:
        ui = self.ui
        editable = self.may_edit and self.member_id is not None
        active = form.status is MemberStatus.ACTIVE
        ui.transferOutButton.setVisible(editable and active)
        ui.transferInButton.setVisible(editable and form.status is MemberStatus.TRANSFERRED_OUT)
        ui.kindChangeButton.setVisible(editable)
        ui.statusChangeButton.setVisible(editable)
        ui.changeKindButton.setVisible(editable)
        ui.changeStatusButton.setVisible(editable)

    def _show_birth_month(self, year_month: str) -> None:
        """Year and month only, not editable: the day stays with the masked ID number."""
        field = self.ui.birthDateEdit
        field.line_edit.setText(year_month)
        field.setReadOnly(True)  # no calendar, no clear button
        field.setEnabled(False)  # never focused, so never "tidied" into a date
        field.setToolTip(
            self.tr(
                "Only the year and month are shown for your role. The birth date follows the "
                "ID number: type a new number in full to change it."
            )
        )
        self.birth_date_masked = True

    def _set_maskable(self, edit: QLineEdit, field: str, value: str) -> None:
        edit.setText(value)
        if MASK in value and self.detail is not None and self.detail.personal_data_masked:
            self._masked[field] = value
            edit.setToolTip(
                self.tr("Partly hidden for your role. Type to replace it; leave it to keep it.")
            )

    def _masked_edited(self, field: str, edit: QLineEdit, text: str) -> None:
        """Typing into a masked value starts a new value instead of editing the asterisks."""
        masked = self._masked.pop(field, None)
        if masked is None:
            return
        if text.startswith(masked):
            replacement = text[len(masked) :]
        elif len(text) < len(masked) and MASK in text:
            replacement = ""
        else:
            replacement = text
        edit.setText(replacement)
        edit.setToolTip("")

    def _apply_kind(self, _index: int = 0) -> None:
        ui = self.ui
        kind = ui.kindCombo.currentData()
        in_service = kind is MemberKind.IN_SERVICE_REGISTERED
        floating_in = kind is MemberKind.FLOATING_IN
        floating_out = kind is MemberKind.FLOATING_OUT
        ui.kindGroup.setVisible(in_service or floating_in or floating_out)
        if in_service:
            ui.kindGroup.setTitle(self.tr("In-service member registered here (双报到)"))
            ui.registeredOnLabel.setText(self.tr("Registered on"))
            ui.originOrganizationLabel.setText(self.tr("Home organization"))
            ui.originOrganizationEdit.setPlaceholderText(
                self.tr("The party organization of the employer, where the relationship stays")
            )
        elif floating_in:
            ui.kindGroup.setTitle(self.tr("Floating member, came here"))
            ui.registeredOnLabel.setText(self.tr("Arrived on"))
            ui.originOrganizationLabel.setText(self.tr("Came from"))
            ui.originOrganizationEdit.setPlaceholderText(
                self.tr("The party organization that holds the relationship")
            )
        elif floating_out:
            ui.kindGroup.setTitle(self.tr("Floating member, gone elsewhere"))
        rows: list[tuple[bool, tuple[QWidget, ...]]] = [
            (
                in_service or floating_in,
                (ui.registeredOnLabel, ui.registeredOnEdit, ui.registeredOnError),
            ),
            (
                in_service or floating_in,
                (ui.originOrganizationLabel, ui.originOrganizationEdit, ui.originOrganizationError),
            ),
            (
                floating_in or floating_out,
                (ui.activityCardLabel, ui.activityCardEdit, ui.activityCardError),
            ),
            (
                floating_out,
                (ui.outflowDestinationLabel, ui.outflowDestinationEdit, ui.outflowDestinationError),
            ),
        ]
        for shown, widgets in rows:
            for widget in widgets:
                if widget.objectName().endswith("Error"):
                    if not shown:
                        widget.setVisible(False)
                else:
                    widget.setVisible(shown)
        needs_branch = kind in (MemberKind.LOCAL, MemberKind.RETIRED, MemberKind.FLOATING_OUT)
        ui.organizationLabel.setText(
            self.tr("Branch") if needs_branch else self.tr("Serves in branch")
        )

    def _apply_permissions(self) -> None:
        if self.may_edit:
            return
        ui = self.ui
        for edit in self.findChildren(QLineEdit):
            edit.setReadOnly(True)
        for field in self.findChildren(DateField):
            field.setReadOnly(True)
        for combo in self.findChildren(QComboBox):
            combo.setEnabled(False)
        ui.notesEdit.setReadOnly(True)
        ui.lostContactCheck.setEnabled(False)
        ui.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        ui.buttonBox.rejected.connect(self.reject)
        self._update_history_buttons(self.form or MemberForm(name="", id_number=""))

    # -- ID number --------------------------------------------------------------------------

    def _id_number_edited(self, text: str) -> None:
        ui = self.ui
        if "id_number" in self._masked:
            self._masked_edited("id_number", ui.idNumberEdit, text)
            text = ui.idNumberEdit.text()
        ui.idNumberError.clear()
        ui.idNumberError.setVisible(False)
        ui.idNumberWarning.clear()
        ui.idNumberWarning.setVisible(False)
        number = normalize_id_number(text)
        if len(number) < 18:
            return
        try:
            facts = derive_from_id_number(number, self.today)
        except ValidationError as error:
            ui.idNumberError.setText("\n".join(item.message for item in error.errors))
            ui.idNumberError.setVisible(True)
            return
        if self.birth_date_masked:
            self.birth_date_masked = False
            ui.birthDateEdit.setReadOnly(False)
            ui.birthDateEdit.setEnabled(True)
            ui.birthDateEdit.setToolTip("")
        ui.birthDateEdit.set_value(facts.birth_date)
        _select_data(ui.genderCombo, facts.gender_code)
        if facts.warnings:
            ui.idNumberWarning.setText("\n".join(facts.warnings))
            ui.idNumberWarning.setVisible(True)

    # -- history ----------------------------------------------------------------------------

    def load_history(self) -> None:
        if self.member_id is None:
            return
        events = member_history(
            self.context.application.database, self.context.actor, self.member_id
        )
        model = self.history_model
        model.removeRows(0, model.rowCount())
        for event in reversed(events):  # newest first
            items = [
                QStandardItem(f"{event.occurred_on:%Y-%m-%d}"),
                QStandardItem(event.label),
                QStandardItem(event.description),
                QStandardItem(format_local(event.recorded_at)),
            ]
            items[2].setToolTip(event.description)
            for item in items:
                item.setEditable(False)
            model.appendRow(items)
        title = self.tr("History ({count})").format(count=len(events))
        self.ui.tabs.setTabText(self.ui.tabs.indexOf(self.ui.historyTab), title)

    def record_change(self, change: ChangeKind) -> None:
        if self.member_id is None or not self.may_edit:
            return
        try:
            dialog = MemberChangeDialog(
                self.context, self.member_id, change, self.organizations, self, self.today
            )
        except DangqunError as error:
            self.errors.show_general(error.message)
            return
        self.change_dialog = dialog
        dialog.accepted.connect(self._change_recorded)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _change_recorded(self) -> None:
        assert self.member_id is not None
        database, actor = self.context.application.database, self.context.actor
        self.detail = get_member(database, actor, self.member_id)
        fresh = member_form(database, actor, self.member_id)
        if self.form is not None:
            self.form = self.form.with_changes(
                kind=fresh.kind,
                status=fresh.status,
                organization_id=fresh.organization_id,
                registered_on=fresh.registered_on,
                origin_organization=fresh.origin_organization,
                activity_card_number=fresh.activity_card_number,
                outflow_destination=fresh.outflow_destination,
            )
        self._show_header(self.detail)
        self._show_kind_and_status(fresh)
        self._apply_kind()
        self.load_history()
        self.ui.tabs.setCurrentWidget(self.ui.historyTab)
        self.member_changed.emit(self.member_id)

    # -- saving -----------------------------------------------------------------------------

    def current_form(self) -> tuple[MemberForm, list[FieldError]]:
        """The form as typed, and the dates that could not be read."""
        ui = self.ui
        problems: list[FieldError] = []
        dates: dict[str, date | None] = {}
        date_fields = [
            ("birth_date", ui.birthDateEdit),
            ("joined_on", ui.joinedOnEdit),
            ("confirmed_on", ui.confirmedOnEdit),
            ("lost_contact_on", ui.lostContactOnEdit),
            ("registered_on", ui.registeredOnEdit),
        ]
        if self.birth_date_masked:  # shows a year-month: the service keeps the stored date
            date_fields = date_fields[1:]
        for field, widget in date_fields:
            error = widget.error()
            if error and (field != "lost_contact_on" or ui.lostContactCheck.isChecked()):
                problems.append(FieldError(field, error))
            dates[field] = widget.value_or_none()
        if ui.lostContactCheck.isChecked() and dates["lost_contact_on"] is None and not problems:
            problems.append(
                FieldError("lost_contact_on", self.tr("Please enter the date contact was lost"))
            )
        base = self.form or MemberForm(name="", id_number="")
        kind = ui.kindCombo.currentData()
        changes: dict[str, object] = {
            "name": ui.nameEdit.text(),
            "id_number": ui.idNumberEdit.text(),
            "gender_code": ui.genderCombo.currentData(),
            "birth_date": dates.get("birth_date"),
            "ethnicity_code": ui.ethnicityCombo.currentData(),
            "education_code": ui.educationCombo.currentData(),
            "category": ui.categoryCombo.currentData(),
            "kind": kind,
            "status": ui.statusCombo.currentData(),
            "organization_id": ui.organizationPicker.organization_id(),
            "joined_on": dates["joined_on"],
            "confirmed_on": dates["confirmed_on"],
            "lost_contact_on": dates["lost_contact_on"]
            if ui.lostContactCheck.isChecked()
            else None,
            "phone": ui.phoneEdit.text(),
            "household_registration": ui.householdEdit.text(),
            "address": ui.addressEdit.text(),
            "work_unit": ui.workUnitEdit.text(),
            "notes": ui.notesEdit.toPlainText(),
        }
        kind_fields: dict[str, tuple[QWidget, object]] = {
            "registered_on": (ui.registeredOnEdit, dates["registered_on"]),
            "origin_organization": (ui.originOrganizationEdit, ui.originOrganizationEdit.text()),
            "activity_card_number": (ui.activityCardEdit, ui.activityCardEdit.text()),
            "outflow_destination": (ui.outflowDestinationEdit, ui.outflowDestinationEdit.text()),
        }
        for field, (kind_widget, value) in kind_fields.items():
            if kind_widget.isVisibleTo(self):
                changes[field] = value
            elif self.form is None:
                changes[field] = None  # typed for another kind, then the kind was changed
                problems = [problem for problem in problems if problem.field != field]
        return base.with_changes(**changes), problems

    def accept(self) -> None:
        """Save off the GUI thread; the dialog closes when it succeeded, else stays open with
        the messages under the fields."""
        if self.is_saving or not self.may_edit:
            return
        self.errors.clear()
        self.ui.warningsLabel.setVisible(False)
        form, problems = self.current_form()
        self.save_in_background(
            self.context,
            partial(
                _save_member,
                self.context.application.database,
                self.context.actor,
                self.member_id,
                form,
                problems,
                self.today,
            ),
            changes=Changes.of(MEMBER),
            field_errors=self.errors,
            buttons=self.ui.buttonBox,
            on_success=self._saved,
        )

    def _saved(self, saved: SavedMember) -> None:
        self.saved = saved
        QDialog.accept(self)  # closes; ServiceDialog.accept is the synchronous save

    def _bring_errors_into_view(self, errors: list[FieldError]) -> None:
        ui = self.ui
        ui.tabs.setCurrentWidget(ui.detailsTab)
        if not ui.generalError.isVisibleTo(self):
            # The form scrolls: say how many fields need attention, wherever they are.
            self.errors.show_general(
                self.tr("{count} item(s) to correct, marked in red under the fields.").format(
                    count=len({error.field for error in errors})
                )
            )
        for error in errors:
            label = self.error_labels.get(error.field)
            if label is not None and label.isVisibleTo(self):
                ui.detailsScroll.ensureWidgetVisible(label, 40, 80)
                break

    def error_for(self, field: str) -> str:
        return self.errors.message(field)
