"""A booking's details and what can be done with it: 确认, 签到, 完成, 取消 (with a reason), 未到
(only after the slot has ended), 修改 while it has not happened, and — for an occurrence of a
series — cancelling that one date, which leaves the others alone (issue 14, "Bookings",
"Check-in").

签到 takes the real headcount (what statistics count as 人次), optionally the named attendees —
members found with the member search the time bank uses, visitors typed in — or the two
numbers read off a printed 签到表 (members and other visitors who signed), added up as the
headcount. Each action is one service call; its refusal is shown in Chinese beside its field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.changes import BOOKING
from dangqun.bases.service import (
    AttendeeForm,
    BookingDetail,
    BookingStatus,
    CheckInForm,
    cancel_booking,
    check_in,
    complete_booking,
    confirm_booking,
    get_booking,
    handoff_possible,
    mark_no_show,
)
from dangqun.core.changes import Changes
from dangqun.core.security import Permission
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.form_kit import FormRows, TimeBankDialog
from dangqun.ui.timebank.volunteer_dialog import find_members
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.window_fit import fit_to_layout

MOVABLE = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


def slot_has_ended(detail: BookingDetail, now: datetime | None = None) -> bool:
    """True once the booking's slot is over on the center's wall clock (未到 may be marked)."""
    from dangqun.bases.booking_settings import zone_named

    zone = zone_named(detail.time_zone)
    moment = now or datetime.now(zone)
    ends = datetime.combine(detail.on_date, detail.ends_at, tzinfo=zone)
    return moment >= ends


class CancelDialog(TimeBankDialog):
    """取消 with the reason the service requires (kept on the booking and in the audit log)."""

    changes = Changes.of(BOOKING)

    def __init__(self, context: UiContext, detail: BookingDetail, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.detail = detail
        self.setObjectName("cancelBookingDialog")
        self.setWindowTitle(self.tr("Cancel booking {number}").format(number=detail.number))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        text = self.tr(
            "{organization}, {date} {slot}: cancelling frees the places at once."
        ).format(
            organization=detail.organization, date=detail.on_date.isoformat(), slot=detail.slot_text
        )
        if detail.series_id is not None:
            text += self.tr(" Only this date of the series is cancelled; the others stay.")
        explanation = QLabel(text)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        layout.addLayout(form)
        rows = FormRows(form)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        rows.add("reason", self.tr("Reason"), self.reason_edit)
        self.general_error = QLabel()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        confirm = self.buttons.addButton(
            self.tr("Cancel the booking"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        confirm.setObjectName("confirmButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = rows.errors(self.general_error)

    def service_call(self) -> Callable[[], object]:
        return partial(
            cancel_booking,
            self.context.application.database,
            self.context.actor,
            self.detail.id,
            self.reason_edit.text(),
        )


class CheckInDialog(TimeBankDialog):
    """签到: the real headcount, named attendees, or the numbers of a printed 签到表."""

    changes = Changes.of(BOOKING)
    members_found = Signal()

    def __init__(self, context: UiContext, detail: BookingDetail, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.detail = detail
        self.attendees: list[AttendeeForm] = []
        self._search_generation = 0
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.search_members)
        self.setObjectName("checkInDialog")
        self.setWindowTitle(self.tr("Check in {number}").format(number=detail.number))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("{organization}, {date} {slot}, {room}: {headcount} people expected.").format(
                organization=detail.organization,
                date=detail.on_date.isoformat(),
                slot=detail.slot_text,
                room=detail.room_name,
                headcount=detail.headcount,
            )
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        layout.addLayout(form)
        rows = FormRows(form)
        self.headcount_spin = QSpinBox()
        self.headcount_spin.setObjectName("actualHeadcountSpin")
        self.headcount_spin.setRange(0, 9999)
        self.headcount_spin.setValue(detail.headcount)
        self.headcount_spin.setSuffix(self.tr(" people"))
        rows.add("actual_headcount", self.tr("Real headcount"), self.headcount_spin)

        sheet = QGroupBox(self.tr("From the printed sign-in sheet"))
        sheet_layout = QHBoxLayout(sheet)
        self.sheet_members_spin = QSpinBox()
        self.sheet_members_spin.setObjectName("sheetMembersSpin")
        self.sheet_members_spin.setRange(0, 9999)
        self.sheet_members_spin.setPrefix(self.tr("members "))
        self.sheet_others_spin = QSpinBox()
        self.sheet_others_spin.setObjectName("sheetOthersSpin")
        self.sheet_others_spin.setRange(0, 9999)
        self.sheet_others_spin.setPrefix(self.tr("others "))
        sheet_button = QPushButton(self.tr("Use as headcount"))
        sheet_button.setObjectName("useSheetButton")
        sheet_button.clicked.connect(self.use_sheet)
        sheet_layout.addWidget(self.sheet_members_spin)
        sheet_layout.addWidget(self.sheet_others_spin)
        sheet_layout.addWidget(sheet_button)
        sheet_layout.addStretch(1)
        layout.addWidget(sheet)

        named = QGroupBox(self.tr("Named attendees (optional)"))
        named_layout = QVBoxLayout(named)
        search_row = QHBoxLayout()
        self.member_search = QLineEdit()
        self.member_search.setObjectName("memberSearchEdit")
        self.member_search.setPlaceholderText(self.tr("Find a member: name, pinyin or number"))
        self.member_search.textChanged.connect(lambda _t: self._search_timer.start())
        search_row.addWidget(self.member_search, 1)
        self.visitor_edit = QLineEdit()
        self.visitor_edit.setObjectName("visitorEdit")
        self.visitor_edit.setPlaceholderText(self.tr("Or type a visitor's name"))
        self.visitor_edit.returnPressed.connect(self.add_visitor)
        search_row.addWidget(self.visitor_edit, 1)
        add_visitor = QPushButton(self.tr("Add visitor"))
        add_visitor.setObjectName("addVisitorButton")
        add_visitor.clicked.connect(self.add_visitor)
        search_row.addWidget(add_visitor)
        named_layout.addLayout(search_row)
        lists = QHBoxLayout()
        self.found_list = QListWidget()
        self.found_list.setObjectName("foundMembersList")
        self.found_list.itemActivated.connect(self.add_member)
        self.found_list.itemDoubleClicked.connect(self.add_member)
        self.attendee_list = QListWidget()
        self.attendee_list.setObjectName("attendeeList")
        for widget in (self.found_list, self.attendee_list):
            widget.setMinimumHeight(110)
            lists.addWidget(widget, 1)
        named_layout.addLayout(lists)
        row_buttons = QHBoxLayout()
        add_member = QPushButton(self.tr("Add the member →"))
        add_member.setObjectName("addMemberButton")
        add_member.clicked.connect(lambda: self.add_member(self.found_list.currentItem()))
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("removeAttendeeButton")
        remove.clicked.connect(self.remove_attendee)
        row_buttons.addWidget(add_member)
        row_buttons.addStretch(1)
        row_buttons.addWidget(remove)
        named_layout.addLayout(row_buttons)
        self.attendees_error = QLabel()
        self.attendees_error.setObjectName("attendeesError")
        named_layout.addWidget(self.attendees_error)
        layout.addWidget(named, 1)
        rows.labels["attendees"] = self.attendees_error
        rows.inputs["attendees"] = self.member_search

        self.general_error = QLabel()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        confirm = self.buttons.addButton(
            self.tr("Check in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        confirm.setObjectName("confirmButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.errors = rows.errors(self.general_error)
        self.headcount_spin.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)

    def use_sheet(self) -> None:
        self.headcount_spin.setValue(
            self.sheet_members_spin.value() + self.sheet_others_spin.value()
        )

    def search_members(self) -> None:
        self._search_timer.stop()
        self._search_generation += 1
        run_service(
            self,
            self.context,
            partial(find_members, self.context, self.member_search.text()),
            on_success=partial(self._members_read, self._search_generation),
            failure_title=self.windowTitle(),
        )

    def _members_read(self, generation: int, members: object) -> None:
        if generation != self._search_generation or not isinstance(members, list):
            return
        self.found_list.clear()
        for member in members:
            item = QListWidgetItem(f"{member.name}  {member.organization_name}", self.found_list)
            item.setData(Qt.ItemDataRole.UserRole, (member.id, member.name))
        if members:
            self.found_list.setCurrentRow(0)
        self.members_found.emit()

    def add_member(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        member_id, name = item.data(Qt.ItemDataRole.UserRole)
        if any(a.member_id == member_id for a in self.attendees):
            return
        self.attendees.append(AttendeeForm(member_id=member_id))
        self.attendee_list.addItem(self.tr("{name} (member)").format(name=name))
        self._count_named()

    def add_visitor(self) -> None:
        name = self.visitor_edit.text().strip()
        if not name:
            return
        self.attendees.append(AttendeeForm(name=name))
        self.attendee_list.addItem(name)
        self.visitor_edit.clear()
        self._count_named()

    def remove_attendee(self) -> None:
        row = self.attendee_list.currentRow()
        if row < 0:
            return
        self.attendee_list.takeItem(row)
        del self.attendees[row]

    def _count_named(self) -> None:
        """Named attendees are at least the headcount: raise it when they outnumber it."""
        if len(self.attendees) > self.headcount_spin.value():
            self.headcount_spin.setValue(len(self.attendees))

    def service_call(self) -> Callable[[], object]:
        return partial(
            check_in,
            self.context.application.database,
            self.context.actor,
            self.detail.id,
            CheckInForm(self.headcount_spin.value(), tuple(self.attendees)),
        )


class BookingDetailDialog(QDialog):
    """One booking: what was booked, and the buttons its status allows."""

    changed = Signal()

    def __init__(self, context: UiContext, detail: BookingDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.detail = detail
        self.setObjectName("bookingDetailDialog")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.message_label = QLabel()
        self.message_label.setObjectName("actionMessage")
        self.message_label.setProperty("role", "error")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        self.refusals = FieldErrors({}, self.message_label)
        self.action_row = QHBoxLayout()
        layout.addLayout(self.action_row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.action_buttons: dict[str, QPushButton] = {}
        self._show(detail)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)

    def _show(self, detail: BookingDetail) -> None:
        self.detail = detail
        self.setWindowTitle(self.tr("Booking {number}").format(number=detail.number))
        while self.form.rowCount():
            self.form.removeRow(0)
        rows = [
            (self.tr("Status"), detail.status_label),
            (self.tr("Visiting organization"), f"{detail.organization}（{detail.org_type_label}）"),
            (self.tr("When"), f"{detail.on_date.isoformat()} {detail.slot_text}"),
            (self.tr("Where"), f"{detail.base_name} · {detail.room_name}"),
            (self.tr("Expected headcount"), str(detail.headcount)),
            (self.tr("Menu items"), "、".join(detail.menu_items) or "—"),
            (self.tr("Lecturer"), detail.lecturer or "—"),
            (self.tr("Contact"), f"{detail.contact}  {detail.phone}"),
            (
                self.tr("Booked by"),
                self.tr("{channel}, taken by {name}").format(
                    channel=detail.channel_label, name=detail.taken_by
                ),
            ),
        ]
        if detail.cancel_reason:
            rows.append((self.tr("Reason"), detail.cancel_reason))
        if detail.actual_headcount is not None:
            rows.append((self.tr("Real headcount"), str(detail.actual_headcount)))
        if detail.attendees:
            rows.append((self.tr("Attendees"), "、".join(a.name for a in detail.attendees)))
        if detail.series_id is not None:
            rows.append((self.tr("Series"), self.tr("One date of a recurring booking")))
        if detail.notes:
            rows.append((self.tr("Notes"), detail.notes))
        for caption, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(caption, label)
        while self.action_row.count():
            taken = self.action_row.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()  # type: ignore[union-attr]
        self.action_buttons = {}
        status = detail.status
        actions: list[tuple[str, str, Callable[[], None]]] = []
        if status is not BookingStatus.CANCELLED:
            actions.append(("print_slip", self.tr("Print confirmation"), self.print_slip))
        if status in MOVABLE:
            actions.append(("print_sheet", self.tr("Print sign-in sheet"), self.print_sheet))
        if not self.context.can(Permission.EDIT_RECORDS):
            self._add_actions(actions)
            return
        if status is BookingStatus.PENDING:
            actions.append(("confirm", self.tr("Confirm"), self.confirm))
        if status in MOVABLE:
            actions.append(("check_in", self.tr("Check in"), self.check_in))
            actions.append(("edit", self.tr("Change…"), self.edit))
            actions.append(
                (
                    "cancel",
                    self.tr("Cancel this date")
                    if detail.series_id is not None
                    else self.tr("Cancel…"),
                    self.cancel,
                )
            )
            if slot_has_ended(detail):
                actions.append(("no_show", self.tr("No-show"), self.no_show))
        if status is BookingStatus.CHECKED_IN:
            actions.append(("complete", self.tr("Complete"), self.complete))
        self._add_actions(actions)
        if status is BookingStatus.COMPLETED:
            database, actor = self.context.application.database, self.context.actor
            run_service(
                self,
                self.context,
                partial(handoff_possible, database, actor, detail.id),
                on_success=self._offer_handoff,
                failure_title=self.windowTitle(),
            )
            from dangqun.minutes.service import meeting_handoff_possible

            run_service(
                self,
                self.context,
                partial(meeting_handoff_possible, database, actor, detail.id),
                on_success=self._offer_meeting_draft,
                failure_title=self.windowTitle(),
            )

    def _add_actions(self, actions: list[tuple[str, str, Callable[[], None]]]) -> None:
        for key, text, slot in actions:
            button = QPushButton(text, self)
            button.setObjectName(f"{key}Button")
            button.clicked.connect(slot)
            self.action_row.addWidget(button)
            self.action_buttons[key] = button
        self.action_row.addStretch(1)

    def _offer_handoff(self, possible: object) -> None:
        """The lecturer's service goes to the time bank in one click, reviewed before saving —
        offered only when it can succeed (issue 14, "hand-off": no button that can only fail)."""
        if possible is not True or "handoff" in self.action_buttons:
            return
        button = QPushButton(self.tr("Lecturer's volunteer service…"), self)
        button.setObjectName("handoffButton")
        button.clicked.connect(self.hand_off)
        self.action_row.insertWidget(max(self.action_row.count() - 1, 0), button)
        self.action_buttons["handoff"] = button
        fit_to_layout(self)

    def _offer_meeting_draft(self, possible: object) -> None:
        """A visit by a branch of this center drafts its meeting record for review (issue 14
        "Hand-offs", issue 15) — offered only when it can succeed, like the lecturer's."""
        if possible is not True or "meeting_draft" in self.action_buttons:
            return
        button = QPushButton(self.tr("Draft the meeting record…"), self)
        button.setObjectName("meetingDraftButton")
        button.clicked.connect(self.draft_meeting)
        self.action_row.insertWidget(max(self.action_row.count() - 1, 0), button)
        self.action_buttons["meeting_draft"] = button
        fit_to_layout(self)

    # -- actions ----------------------------------------------------------------------------

    def _run(self, call: Callable[[], object]) -> None:
        self.refusals.clear()
        run_service(
            self,
            self.context,
            call,
            changes=Changes.of(BOOKING),
            on_success=lambda _result: self.reload(),
            field_errors=self.refusals,
            failure_title=self.windowTitle(),
        )

    def reload(self) -> None:
        run_service(
            self,
            self.context,
            partial(
                get_booking, self.context.application.database, self.context.actor, self.detail.id
            ),
            on_success=self._reloaded,
            failure_title=self.windowTitle(),
        )

    def _reloaded(self, detail: BookingDetail) -> None:
        self._show(detail)
        self.changed.emit()

    def confirm(self) -> None:
        database, actor = self.context.application.database, self.context.actor
        self._run(partial(confirm_booking, database, actor, self.detail.id))

    def complete(self) -> None:
        database, actor = self.context.application.database, self.context.actor
        self._run(partial(complete_booking, database, actor, self.detail.id))

    def no_show(self) -> None:
        database, actor = self.context.application.database, self.context.actor
        self._run(partial(mark_no_show, database, actor, self.detail.id))

    def _sub_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload)
        dialog.open()
        self.sub_dialog = dialog

    def print_slip(self) -> None:
        from dangqun.ui.bases.print_actions import print_booking_slip

        print_booking_slip(self, self.detail.id)

    def print_sheet(self) -> None:
        from dangqun.ui.bases.print_actions import print_sign_in_sheet

        print_sign_in_sheet(self, self.detail.id)

    def hand_off(self) -> None:
        from dangqun.ui.bases.handoff_dialog import open_handoff

        open_handoff(self, self.detail.id)

    def draft_meeting(self) -> None:
        from dangqun.ui.bases.handoff_dialog import open_meeting_draft

        open_meeting_draft(self, self.detail.id)

    def check_in(self) -> None:
        self._sub_dialog(CheckInDialog(self.context, self.detail, self))

    def cancel(self) -> None:
        self._sub_dialog(CancelDialog(self.context, self.detail, self))

    def edit(self) -> None:
        from dangqun.ui.bases.booking_dialog import BookingDialog

        self._sub_dialog(
            BookingDialog(self.context, self.detail.base_id, self, existing=self.detail)
        )


def open_booking_detail(page: QWidget, booking_id: int) -> None:
    """Read the booking and open its details over ``page`` (which carries ``context``)."""
    context: UiContext = page.context  # type: ignore[attr-defined]

    def opened(detail: BookingDetail) -> None:
        dialog = BookingDetailDialog(context, detail, page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        page.booking_detail = dialog  # type: ignore[attr-defined]

    run_service(
        page,
        context,
        partial(get_booking, context.application.database, context.actor, booking_id),
        on_success=opened,
        failure_title=QCoreApplication.translate("BookingDetailDialog", "Booking"),
    )
