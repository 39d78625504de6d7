"""Record a dated change of a member: 组织关系转出/转入, a new kind, a new status.

DOMAIN.md §1: transfers are dated events kept in the member's history, never overwrites. The
member's record changes *and* an event dated on the day the user gives is written, in one
unit of work, by the members service (``transfer_member_out`` / ``update_member`` with
``effective_on``). The dialog starts from the stored record (``member_form``) so nothing else
of the member changes. The write runs off the GUI thread and announces ``MEMBER``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from dangqun.core.changes import Changes
from dangqun.core.clock import local_today
from dangqun.core.errors import FieldError
from dangqun.members.changes import MEMBER
from dangqun.members.service import (
    KINDS,
    STATUSES,
    MemberForm,
    MemberKind,
    MemberStatus,
    OrganizationNode,
    SavedMember,
    member_form,
    transfer_member_out,
    update_member,
)
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.base import ServiceDialog
from dangqun.ui.forms.ui_member_change_dialog import Ui_MemberChangeDialog
from dangqun.ui.widgets.field_errors import FieldErrors

NEEDS_BRANCH = frozenset({MemberKind.LOCAL, MemberKind.RETIRED, MemberKind.FLOATING_OUT})
"""Kinds whose organization relationship is in one of the center's branches."""


class ChangeKind(enum.Enum):
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    KIND = "kind"
    STATUS = "status"


class MemberChangeDialog(ServiceDialog):
    def __init__(
        self,
        context: UiContext,
        member_id: int,
        change: ChangeKind,
        organizations: list[OrganizationNode],
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.member_id = member_id
        self.change = change
        self.today = today or local_today()
        self.saved: SavedMember | None = None
        self.ui = Ui_MemberChangeDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.form: MemberForm = member_form(context.application.database, context.actor, member_id)
        ui.organizationPicker.set_nodes(organizations, members_only=True)
        ui.organizationPicker.set_organization_id(self.form.organization_id)
        ui.dateEdit.set_value(self.today)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._rows: dict[str, tuple[QLabel, QWidget, QLabel]] = {
            "kind": (ui.newKindLabel, ui.newKindCombo, ui.newKindError),
            "status": (ui.newStatusLabel, ui.newStatusCombo, ui.newStatusError),
            "date": (ui.dateLabel, ui.dateEdit, ui.dateError),
            "organization_id": (ui.organizationLabel, ui.organizationPicker, ui.organizationError),
            "destination": (ui.destinationLabel, ui.destinationEdit, ui.destinationError),
            "origin_organization": (ui.originLabel, ui.originEdit, ui.originError),
            "registered_on": (ui.registeredLabel, ui.registeredEdit, ui.registeredError),
            "activity_card_number": (ui.cardLabel, ui.cardEdit, ui.cardError),
        }
        name = self.form.name
        if change is ChangeKind.TRANSFER_OUT:
            self._set_texts(
                self.tr("Transfer out — {name}").format(name=name),
                self.tr(
                    "The organization relationship leaves this center: the status becomes "
                    "“transferred out”, and the date and the receiving organization are kept "
                    "in the history."
                ),
            )
            ui.dateLabel.setText(self.tr("Transferred on"))
            ui.destinationLabel.setText(self.tr("Transferred to"))
            ui.destinationEdit.setPlaceholderText(
                self.tr("The receiving party organization, e.g. 五华区某街道党工委")
            )
            self._show_rows("date", "destination")
        elif change is ChangeKind.TRANSFER_IN:
            self._set_texts(
                self.tr("Transfer back in — {name}").format(name=name),
                self.tr(
                    "The organization relationship comes back to this center: the status "
                    "becomes “in the register” again, in the branch chosen here."
                ),
            )
            ui.dateLabel.setText(self.tr("Transferred in on"))
            ui.originLabel.setText(self.tr("Transferred from"))
            self._show_rows("date", "organization_id", "origin_organization")
        elif change is ChangeKind.KIND:
            self._set_texts(
                self.tr("Change kind — {name}").format(name=name),
                self.tr(
                    "Now: {kind}. The change is recorded on the date given; the fields the new "
                    "kind needs are asked below."
                ).format(kind=KINDS.label(self.form.kind)),
            )
            for item in KINDS.items:
                if item.code is not self.form.kind:
                    ui.newKindCombo.addItem(item.label, item.code)
            ui.newKindCombo.currentIndexChanged.connect(self._kind_chosen)
            ui.dateLabel.setText(self.tr("Changed on"))
            ui.originEdit.setText(self.form.origin_organization or "")
            ui.registeredEdit.set_value(self.form.registered_on)
            ui.cardEdit.setText(self.form.activity_card_number or "")
            ui.destinationEdit.setText(self.form.outflow_destination or "")
            self._kind_chosen()
        else:
            self._set_texts(
                self.tr("Change status — {name}").format(name=name),
                self.tr(
                    "Now: {status}. For a transfer of the organization relationship use "
                    "“Transfer out…” instead."
                ).format(status=STATUSES.label(self.form.status)),
            )
            for status in STATUSES.items:
                if status.code not in (self.form.status, MemberStatus.TRANSFERRED_OUT):
                    ui.newStatusCombo.addItem(status.label, status.code)
            ui.dateLabel.setText(self.tr("Changed on"))
            self._show_rows("status", "date")
        self.setMinimumWidth(620)
        self.adjustSize()

    def _set_texts(self, title: str, intro: str) -> None:
        self.setWindowTitle(title)
        self.ui.titleLabel.setText(title)
        self.ui.introLabel.setText(intro)

    def _show_rows(self, *names: str) -> None:
        for name, (label, field, error) in self._rows.items():
            label.setVisible(name in names)
            field.setVisible(name in names)
            error.setVisible(False)
        self.errors = FieldErrors(
            {self._field(name): self._rows[name][2] for name in names},
            general=self.ui.generalError,
            inputs={self._field(name): self._rows[name][1] for name in names},
        )

    def _field(self, row: str) -> str:
        """The service's name for what a row holds."""
        if row == "date":
            return "on" if self.change is ChangeKind.TRANSFER_OUT else "effective_on"
        if row == "destination" and self.change is not ChangeKind.TRANSFER_OUT:
            return "outflow_destination"
        return row

    def chosen_kind(self) -> MemberKind | None:
        value = self.ui.newKindCombo.currentData()
        return value if isinstance(value, MemberKind) else None

    def _kind_chosen(self, _index: int = 0) -> None:
        kind = self.chosen_kind()
        ui = self.ui
        rows = ["kind", "date"]
        if kind in NEEDS_BRANCH:
            rows.append("organization_id")
        if kind is MemberKind.IN_SERVICE_REGISTERED:
            ui.registeredLabel.setText(self.tr("Registered on"))
            ui.originLabel.setText(self.tr("Home organization"))
            rows += ["registered_on", "origin_organization"]
        elif kind is MemberKind.FLOATING_IN:
            ui.registeredLabel.setText(self.tr("Arrived on"))
            ui.originLabel.setText(self.tr("Came from"))
            rows += ["registered_on", "origin_organization", "activity_card_number"]
        elif kind is MemberKind.FLOATING_OUT:
            ui.destinationLabel.setText(self.tr("Gone to"))
            rows += ["destination", "activity_card_number"]
        self._show_rows(*rows)
        self.adjustSize()

    # -- saving -----------------------------------------------------------------------------

    def _date(self, field: str, widget_error: str | None, errors: list[FieldError]) -> None:
        if widget_error:
            errors.append(FieldError(field, widget_error))

    def accept(self) -> None:
        """Dates that cannot be read are said at once; the change itself is written off the
        GUI thread, and the dialog closes when it succeeded."""
        if self.is_saving:
            return
        ui = self.ui
        self.errors.clear()
        parse_errors: list[FieldError] = []
        self._date(self._field("date"), ui.dateEdit.error(), parse_errors)
        day = ui.dateEdit.value_or_none()
        if day is None and not parse_errors:
            parse_errors.append(FieldError(self._field("date"), self.tr("Please enter the date")))
        if ui.registeredEdit.isVisibleTo(self):
            self._date("registered_on", ui.registeredEdit.error(), parse_errors)
        if parse_errors:
            self.errors.show(parse_errors)
            self.fit_messages()
            return
        assert day is not None
        database, actor = self.context.application.database, self.context.actor
        call: Callable[[], SavedMember]
        if self.change is ChangeKind.TRANSFER_OUT:
            call = partial(
                transfer_member_out,
                database,
                actor,
                self.member_id,
                day,
                ui.destinationEdit.text(),
                self.today,
            )
        else:
            call = partial(
                update_member,
                database,
                actor,
                self.member_id,
                self.changed_form(),
                effective_on=day,
                today=self.today,
            )
        self.save_in_background(
            self.context,
            call,
            changes=Changes.of(MEMBER),
            field_errors=self.errors,
            buttons=ui.buttonBox,
            on_success=self._saved,
        )

    def _saved(self, saved: SavedMember) -> None:
        self.saved = saved
        QDialog.accept(self)  # closes; ServiceDialog.accept is the synchronous save

    def changed_form(self) -> MemberForm:
        ui = self.ui
        form = self.form
        if self.change is ChangeKind.TRANSFER_IN:
            return form.with_changes(
                status=MemberStatus.ACTIVE,
                organization_id=ui.organizationPicker.organization_id(),
                origin_organization=ui.originEdit.text(),
            )
        if self.change is ChangeKind.STATUS:
            status = ui.newStatusCombo.currentData()
            return form.with_changes(status=status if status is not None else form.status)
        kind = self.chosen_kind() or form.kind
        changes: dict[str, object] = {"kind": kind}
        if kind in NEEDS_BRANCH:
            changes["organization_id"] = ui.organizationPicker.organization_id()
        if kind in (MemberKind.IN_SERVICE_REGISTERED, MemberKind.FLOATING_IN):
            changes["registered_on"] = ui.registeredEdit.value_or_none()
            changes["origin_organization"] = ui.originEdit.text()
        if kind in (MemberKind.FLOATING_IN, MemberKind.FLOATING_OUT):
            changes["activity_card_number"] = ui.cardEdit.text()
        if kind is MemberKind.FLOATING_OUT:
            changes["outflow_destination"] = ui.destinationEdit.text()
        return form.with_changes(**changes)
