"""The meeting editor: one 三会一课 record, from its header to the signatures (issue 15, DOMAIN §4).

``open_meeting_editor(parent, context, meeting_id | None)`` opens it (the 会议记录 page's "新建
会议…" and its rows); with ``draft=`` a :class:`~dangqun.minutes.service.MeetingDraft` (a
completed booking's "生成会议记录草稿…", issue 14 "Hand-offs") a new meeting opens with the
booking's header, and once the clerk saves it, 出席 comes from the check-in. Tabs: 会议信息 (organization, type, date and time, place or a base room,
host, recorder, lecturer and topic for a 党课, observers who are not members), 出席
(:mod:`~dangqun.ui.minutes.attendance_table`; "添加列席党员…" finds a member not on the roster
with :mod:`~dangqun.ui.minutes.observer_dialog`), 议程与发言 and 决议 with written opinions
(:mod:`~dangqun.ui.minutes.meeting_sections`), 附件 and 签字锁定
(:mod:`~dangqun.ui.minutes.record_tabs`).

Saving: "保存本页" sends the tab in view through its one service call (``create_meeting`` /
``update_meeting``, ``set_attendance``, ``set_agenda``, ``set_resolutions``): one user action,
one transaction, refused as a whole — the service's Chinese message goes beside the field or
under the tab (the rows it names marked), and the typing stays. A new meeting saves its header
first; the other tabs open once it exists. Tabs with unsaved changes carry a dot.

Drafts (issue 15: "a crash loses no typing"): a few seconds after typing stops, and on close,
the unsaved tabs are kept with ``save_draft`` (local, per user and meeting, not audited); a
tab saved is dropped from the draft and a draft with nothing left is discarded. The draft keeps
each tab's plain form, so 列席 lines (``observer``) and each vote's written opinions
(``opinions``: member, vote, date handed in) come back with the rest. Opening a
meeting that has a draft offers it back above the tabs (恢复 / 丢弃).

Locked records (both signatures) and users without ``EDIT_RECORDS`` see everything read-only;
a locked record shows its corrections and, for editors, "添加更正…". The UI never opens a
session: reads and writes go through :func:`dangqun.ui.operations.run_service`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.service import list_bases
from dangqun.core.changes import Changes
from dangqun.core.clock import local_today
from dangqun.core.errors import DangqunError, FieldError, ValidationError
from dangqun.core.security import Permission
from dangqun.core.settings import read_setting
from dangqun.members.organizations import OrganizationNode, organization_tree
from dangqun.minutes.changes import DRAFT, MEETING
from dangqun.minutes.minutes_settings import ATTACHMENT_MAX_MB
from dangqun.minutes.service import (
    MeetingDetail,
    MeetingDraft,
    MeetingForm,
    RosterEntry,
    create_meeting,
    discard_draft,
    get_meeting,
    load_draft,
    roster,
    save_draft,
    set_agenda,
    set_attendance,
    set_resolutions,
    update_meeting,
)
from dangqun.minutes.vocabulary import (
    MEETING_TYPE_LABELS,
    AttendanceStatus,
    MeetingStatus,
    MeetingType,
)
from dangqun.ui.context import UiContext
from dangqun.ui.minutes.attendance_table import AttendanceTable, line_from_roster
from dangqun.ui.minutes.meeting_sections import AgendaEditor, ResolutionEditor
from dangqun.ui.minutes.observer_dialog import ObserverDialog
from dangqun.ui.minutes.record_tabs import AttachmentsTab, SignTab
from dangqun.ui.operations import run_service
from dangqun.ui.threads import BackgroundCall
from dangqun.ui.timebank.form_kit import FormRows
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.window_fit import fit_to_layout

AUTOSAVE_MS = 3000
"""How long after the last keystroke the draft is kept (issue 15: "every few seconds")."""
SECTIONS = ("header", "attendance", "agenda", "resolutions")
"""The tabs saved with 保存本页, in tab order; 附件 and 签字锁定 write at once."""


@dataclass(frozen=True)
class EditorData:
    """Everything the editor shows, read in one background call."""

    detail: MeetingDetail | None
    organizations: list[OrganizationNode]
    rooms: list[tuple[int, str]]
    roster: list[RosterEntry]
    draft: tuple[dict[str, Any], datetime] | None
    attachment_limit_mb: int
    today: date


def read_editor_data(
    context: UiContext, meeting_id: int | None, handoff: MeetingDraft | None = None
) -> EditorData:
    """Everything the editor shows; a new meeting drafted from a booking (``handoff``) gets the
    roster of the booking's branch and day, so its host and recorder can be picked from it."""
    database, actor = context.application.database, context.actor
    detail = None if meeting_id is None else get_meeting(database, actor, meeting_id)
    if detail is not None:
        listed = roster(database, actor, detail.organization_id, detail.on_date)
    elif handoff is not None:
        listed = roster(database, actor, handoff.organization_id, handoff.on_date)
    else:
        listed = []
    rooms = [
        (room.id, f"{base.name} · {room.name}")
        for base in list_bases(database, actor)
        for room in base.rooms
        if not room.retired
    ]
    return EditorData(
        detail=detail,
        organizations=organization_tree(database),
        rooms=rooms,
        roster=listed,
        draft=(
            load_draft(database, actor, meeting_id or 0)
            if actor.can(Permission.EDIT_RECORDS)
            else None
        ),
        attachment_limit_mb=int(read_setting(database, ATTACHMENT_MAX_MB)),
        today=local_today(),
    )


class HeaderForm(QScrollArea):
    """会议信息: the header of the record, scrolling at the largest font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inside = QWidget()
        column = QVBoxLayout(inside)
        form = QFormLayout()
        self.rows = FormRows(form)
        self.organization_combo = QComboBox()
        self.organization_combo.setObjectName("organizationCombo")
        self.rows.add("organization_id", self.tr("Organization"), self.organization_combo)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("meetingTypeCombo")
        for meeting_type, label in MEETING_TYPE_LABELS.items():
            self.type_combo.addItem(label, meeting_type.value)
        self.rows.add("meeting_type", self.tr("Meeting type"), self.type_combo)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("meetingTitle")
        self.title_edit.setPlaceholderText(self.tr("Optional, e.g. the third meeting of 2026"))
        self.rows.add("title", self.tr("Title"), self.title_edit)
        when = QHBoxLayout()
        when.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("meetingDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.starts_edit = QTimeEdit()
        self.starts_edit.setObjectName("startsAt")
        self.starts_edit.setDisplayFormat("HH:mm")
        self.ends_edit = QTimeEdit()
        self.ends_edit.setObjectName("endsAt")
        self.ends_edit.setDisplayFormat("HH:mm")
        when.addWidget(self.date_edit)
        when.addWidget(self.starts_edit)
        when.addWidget(QLabel("–"))
        when.addWidget(self.ends_edit)
        when.addStretch(1)
        when_holder = QWidget()
        when_holder.setLayout(when)
        self.rows.add("on_date", self.tr("Date and time"), when_holder, "starts_at", "ends_at")
        self.room_combo = QComboBox()
        self.room_combo.setObjectName("roomCombo")
        self.rows.add("room_id", self.tr("Base room"), self.room_combo)
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("place")
        self.rows.add("place", self.tr("Place"), self.place_edit)
        self.host_combo = self._person_combo("hostCombo")
        self.rows.add("host_name", self.tr("Host"), self.host_combo, "host_member_id", "attendance")
        self.recorder_combo = self._person_combo("recorderCombo")
        self.rows.add(
            "recorder_name", self.tr("Recorder"), self.recorder_combo, "recorder_member_id"
        )
        self.lecturer_edit = QLineEdit()
        self.lecturer_edit.setObjectName("lecturer")
        self.rows.add("lecturer_name", self.tr("Lecturer"), self.lecturer_edit)
        self.topic_edit = QLineEdit()
        self.topic_edit.setObjectName("topic")
        self.rows.add("topic", self.tr("Topic"), self.topic_edit)
        self.observers_edit = QPlainTextEdit()
        self.observers_edit.setObjectName("observers")
        self.observers_edit.setTabChangesFocus(True)
        self.observers_edit.setPlaceholderText(self.tr("Observers who are not members: name, unit"))
        self.observers_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.rows.add("observers", self.tr("Observers"), self.observers_edit)
        column.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("headerError")
        column.addWidget(self.error_label)
        column.addStretch(1)
        self.setWidget(inside)
        self.errors = self.rows.errors(self.error_label)
        self.member_ids: dict[str, int] = {}
        self.room_combo.currentIndexChanged.connect(self._room_chosen)
        self.type_combo.currentIndexChanged.connect(self._arrange)
        self._arrange()

    def _person_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    def inputs(self) -> list[QWidget]:
        return [
            self.organization_combo,
            self.type_combo,
            self.title_edit,
            self.date_edit,
            self.starts_edit,
            self.ends_edit,
            self.room_combo,
            self.place_edit,
            self.host_combo,
            self.recorder_combo,
            self.lecturer_edit,
            self.topic_edit,
            self.observers_edit,
        ]

    def connect_edits(self, edited: Any) -> None:
        for widget in self.inputs():
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(edited)
                if widget.isEditable():
                    widget.editTextChanged.connect(edited)
            elif isinstance(widget, QLineEdit):
                widget.textEdited.connect(edited)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(edited)
            elif isinstance(widget, QDateEdit | QTimeEdit):
                widget.dateTimeChanged.connect(edited)

    def set_editable(self, editable: bool) -> None:
        for widget in self.inputs():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)

    def _arrange(self) -> None:
        lesson = self.type_combo.currentData() == MeetingType.PARTY_LESSON.value
        self.rows.set_row_visible("lecturer_name", lesson)

    def _room_chosen(self) -> None:
        room = self.room_combo.currentData()
        if room is not None and not self.place_edit.text().strip():
            self.place_edit.setText(self.room_combo.currentText())

    def show_choices(self, data: EditorData, names: list[tuple[str, int]]) -> None:
        """The organizations, rooms and people to choose from (keeping what is chosen)."""
        chosen = self.organization_combo.currentData()
        self.organization_combo.blockSignals(True)
        self.organization_combo.clear()
        for node in data.organizations:
            self.organization_combo.addItem(node.name, node.id)
        self.organization_combo.setCurrentIndex(max(self.organization_combo.findData(chosen), 0))
        self.organization_combo.blockSignals(False)
        room = self.room_combo.currentData()
        self.room_combo.blockSignals(True)
        self.room_combo.clear()
        self.room_combo.addItem(self.tr("Not in a base room"), None)
        for room_id, label in data.rooms:
            self.room_combo.addItem(label, room_id)
        self.room_combo.setCurrentIndex(max(self.room_combo.findData(room), 0))
        self.room_combo.blockSignals(False)
        self.member_ids = dict(names)
        for combo in (self.host_combo, self.recorder_combo):
            typed = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([name for name, _id in names])
            combo.setEditText(typed)
            combo.blockSignals(False)

    def state(self) -> dict[str, Any]:
        return {
            "organization_id": self.organization_combo.currentData(),
            "meeting_type": self.type_combo.currentData(),
            "title": self.title_edit.text(),
            "on_date": self.date_edit.date().toString("yyyy-MM-dd"),
            "starts_at": self.starts_edit.time().toString("HH:mm"),
            "ends_at": self.ends_edit.time().toString("HH:mm"),
            "room_id": self.room_combo.currentData(),
            "place": self.place_edit.text(),
            "host_name": self.host_combo.currentText(),
            "recorder_name": self.recorder_combo.currentText(),
            "lecturer_name": self.lecturer_edit.text(),
            "topic": self.topic_edit.text(),
            "observers": self.observers_edit.toPlainText(),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        for combo, key in (
            (self.organization_combo, "organization_id"),
            (self.type_combo, "meeting_type"),
            (self.room_combo, "room_id"),
        ):
            found = combo.findData(state.get(key))
            if found >= 0:
                combo.setCurrentIndex(found)
        self.title_edit.setText(state.get("title") or "")
        self.date_edit.setDate(QDate.fromString(state["on_date"], "yyyy-MM-dd"))
        self.starts_edit.setTime(QTime.fromString(state["starts_at"], "HH:mm"))
        self.ends_edit.setTime(QTime.fromString(state["ends_at"], "HH:mm"))
        self.place_edit.setText(state.get("place") or "")
        self.host_combo.setEditText(state.get("host_name") or "")
        self.recorder_combo.setEditText(state.get("recorder_name") or "")
        self.lecturer_edit.setText(state.get("lecturer_name") or "")
        self.topic_edit.setText(state.get("topic") or "")
        self.observers_edit.setPlainText(state.get("observers") or "")
        self._arrange()

    def show_detail(self, detail: MeetingDetail) -> None:
        self.set_state(
            {
                "organization_id": detail.organization_id,
                "meeting_type": detail.meeting_type,
                "title": detail.title,
                "on_date": detail.on_date.isoformat(),
                "starts_at": f"{detail.start_minute // 60:02d}:{detail.start_minute % 60:02d}",
                "ends_at": f"{detail.end_minute // 60:02d}:{detail.end_minute % 60:02d}",
                "room_id": detail.room_id,
                "place": detail.place,
                "host_name": detail.host_name,
                "recorder_name": detail.recorder_name,
                "lecturer_name": detail.lecturer_name,
                "topic": detail.topic,
                "observers": detail.observers,
            }
        )

    def meeting_type(self) -> MeetingType:
        return MeetingType(self.type_combo.currentData())

    def meeting_date(self) -> date:
        """The date as typed: written opinions are handed in on or before it."""
        day = self.date_edit.date().toPython()
        assert isinstance(day, date)
        return day

    def form(self) -> MeetingForm | None:
        """The service's form, or None (the error shown) when no organization can be chosen."""
        organization = self.organization_combo.currentData()
        if organization is None:
            self.errors.show([FieldError("organization_id", self.tr("Add an organization first"))])
            return None
        state = self.state()
        start, end = self.starts_edit.time(), self.ends_edit.time()
        lecturer = state["lecturer_name"] if self.meeting_type() is MeetingType.PARTY_LESSON else ""
        return MeetingForm(
            organization_id=int(organization),
            meeting_type=self.meeting_type(),
            on_date=self.date_edit.date().toPython(),  # type: ignore[arg-type]
            starts_at=time(start.hour(), start.minute()),
            ends_at=time(end.hour(), end.minute()),
            place=state["place"],
            host_name=state["host_name"],
            recorder_name=state["recorder_name"],
            host_member_id=self.member_ids.get(state["host_name"].strip()),
            recorder_member_id=self.member_ids.get(state["recorder_name"].strip()),
            room_id=state["room_id"],
            title=state["title"],
            lecturer_name=lecturer,
            topic=state["topic"],
            observers=state["observers"],
        )


class MeetingEditor(QDialog):
    """One meeting record in tabs; see the module docstring."""

    def __init__(
        self,
        context: UiContext,
        meeting_id: int | None,
        parent: QWidget | None = None,
        draft: MeetingDraft | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.handoff = draft
        """The booking this new meeting is drafted from (nothing of it is stored until saved)."""
        self.data: EditorData | None = None
        self.dirty: set[str] = set()
        self._loading = False
        self._offered = False
        self._load_call: BackgroundCall | None = None
        self._save_call: BackgroundCall | None = None
        self.may_edit = context.can(Permission.EDIT_RECORDS)
        self.setObjectName("meetingEditor")
        self.setWindowTitle(self.tr("Meeting minutes"))
        layout = QVBoxLayout(self)
        self.draft_banner = QFrame()
        self.draft_banner.setObjectName("draftBanner")
        self.draft_banner.setProperty("role", "notice")
        banner = QHBoxLayout(self.draft_banner)
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        banner.addWidget(self.draft_label, 1)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("restoreDraftButton")
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setObjectName("discardDraftButton")
        self.discard_button.clicked.connect(self.discard_offered_draft)
        banner.addWidget(self.restore_button)
        banner.addWidget(self.discard_button)
        self.draft_banner.setVisible(False)
        layout.addWidget(self.draft_banner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("meetingTabs")
        self.header = HeaderForm()
        self.attendance = AttendanceTable()
        self.agenda = AgendaEditor()
        self.resolutions = ResolutionEditor(
            self.header.meeting_type, self.attendance.views, self.header.meeting_date
        )
        self.attachments = AttachmentsTab(context, self.reload)
        self.sign = SignTab(context, self.reload, self.unsaved_titles)
        self.titles = {
            "header": self.tr("Meeting"),
            "attendance": self.tr("Attendance"),
            "agenda": self.tr("Agenda and speeches"),
            "resolutions": self.tr("Resolutions"),
            "attachments": self.tr("Attachments"),
            "sign": self.tr("Signatures"),
        }
        self.pages: dict[str, QWidget] = {
            "header": self.header,
            "attendance": self.attendance,
            "agenda": self.agenda,
            "resolutions": self.resolutions,
            "attachments": self.attachments,
            "sign": self.sign,
        }
        for key, page in self.pages.items():
            self.tabs.addTab(page, self.titles[key])
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs, 1)
        self.section_errors: dict[str, FieldErrors] = {
            "header": self.header.errors,
            "attendance": FieldErrors({}, self.attendance.error_label),
            "agenda": FieldErrors({}, self.agenda.error_label),
            "resolutions": FieldErrors({}, self.resolutions.error_label),
        }
        bottom = QHBoxLayout()
        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("autosaveLabel")
        bottom.addWidget(self.autosave_label, 1)
        if draft is not None:
            self.autosave_label.setText(
                self.tr("Drafted from booking {number}; nothing is stored until you save.").format(
                    number=draft.booking_number
                )
            )
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save this tab"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.save_button.setObjectName("saveTabButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save_current)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.header.connect_edits(lambda *_args: self._edited("header"))
        self.attendance.edited.connect(lambda: self._edited("attendance"))
        self.attendance.observer_wanted.connect(self.ask_for_observer)
        self.observer_dialog: ObserverDialog | None = None
        self.agenda.edited.connect(lambda: self._edited("agenda"))
        self.resolutions.edited.connect(lambda: self._edited("resolutions"))
        self.resize(960, 640)
        self._arrange()
        self.reload()

    # ------------------------------------------------------------------ loading

    def is_ready(self) -> bool:
        return self.data is not None and self._load_call is None

    def reload(self) -> None:
        """Read the meeting again; tabs with unsaved typing keep it."""
        self._load_call = run_service(
            self,
            self.context,
            partial(read_editor_data, self.context, self.meeting_id, self.handoff),
            on_success=self._loaded,
            on_failure=self._load_failed,
            failure_title=self.tr("Cannot open the meeting"),
        )

    def _load_failed(self, _error: BaseException) -> None:
        self._load_call = None

    def _loaded(self, data: EditorData) -> None:
        self._load_call = None
        self.data = data
        detail = data.detail
        self._loading = True
        try:
            names = [(entry.name, entry.member_id) for entry in data.roster]
            self.header.show_choices(data, names)
            if detail is None and "header" not in self.dirty:
                self.header.set_state(self._new_header(data))
            elif detail is not None and "header" not in self.dirty:
                self.header.show_detail(detail)
            self.attendance.roster = data.roster
            if detail is not None and "attendance" not in self.dirty:
                self._show_attendance(data, detail)
            if detail is not None and "agenda" not in self.dirty:
                self.agenda.show_views(detail.agenda)
            if detail is not None and "resolutions" not in self.dirty:
                self.resolutions.show_views(detail.resolutions)
        finally:
            self._loading = False
        self.attachments.show_detail(detail, data.attachment_limit_mb, self._writable())
        self.sign.show_detail(detail, self.may_edit)
        self._arrange()
        if not self._offered:
            self._offered = True
            self._offer_draft(data)

    def _new_header(self, data: EditorData) -> dict[str, Any]:
        if self.handoff is not None:
            return self._handoff_header(self.handoff)
        first = next((node.id for node in data.organizations if node.members_in_register), None)
        return {
            "organization_id": first,
            "meeting_type": MeetingType.GENERAL_MEETING.value,
            "on_date": data.today.isoformat(),
            "starts_at": "09:00",
            "ends_at": "11:00",
        }

    @staticmethod
    def _handoff_header(draft: MeetingDraft) -> dict[str, Any]:
        """The booking's header: the checked-in people not on the roster are offered as 列席
        (issue 15: "an attendee who is not on the roster … is marked as observer")."""
        return {
            "organization_id": draft.organization_id,
            "meeting_type": draft.meeting_type.value,
            "on_date": draft.on_date.isoformat(),
            "starts_at": f"{draft.starts_at:%H:%M}",
            "ends_at": f"{draft.ends_at:%H:%M}",
            "room_id": draft.room_id,
            "place": draft.place,
            "lecturer_name": draft.lecturer_name,
            "topic": draft.topic,
            "observers": "、".join(draft.unmatched),
        }

    def _show_handoff_attendance(self, data: EditorData, draft: MeetingDraft) -> None:
        """The roster of the meeting date with the booking's checked-in members 出席 and the
        others 缺席 for the clerk to give a reason (流出党员 stay 请假, as the roster fills them).
        It counts as unsaved typing, so closing keeps it as the draft: reopening the meeting
        later could not rebuild it from the roster alone."""
        checked_in = {member_id for member_id, _name in draft.present}
        lines = []
        for entry in data.roster:
            line = line_from_roster(entry)
            if entry.member_id in checked_in:
                line.update(status=AttendanceStatus.PRESENT.value, reason=None, reason_note=None)
            elif not entry.floating_out:
                line.update(status=AttendanceStatus.ABSENT.value)
            lines.append(line)
        self.attendance.set_lines(lines)
        self.attendance.hint_label.setText(
            self.tr(
                "Filled in from the check-in of booking {number}: {count} checked-in members "
                "present, the others absent. Choose a reason for each absentee (or mark them "
                "present), then save."
            ).format(number=draft.booking_number, count=len(checked_in))
        )
        self.attendance.hint_label.setVisible(True)
        self.dirty.add("attendance")
        self.autosave_timer.start()

    def _show_attendance(self, data: EditorData, detail: MeetingDetail) -> None:
        """The saved list; for a meeting held without a list yet, the roster of its date (or,
        drafted from a booking whose check-in named members, that check-in)."""
        self.attendance.hint_label.setVisible(False)
        if (
            self.handoff is not None
            and self.handoff.present
            and not detail.attendance
            and detail.on_date <= data.today
        ):
            self._show_handoff_attendance(data, self.handoff)
            return
        if detail.attendance or detail.on_date > data.today:
            self.attendance.show_views(detail.attendance)
            if not detail.attendance:
                self.attendance.hint_label.setText(
                    self.tr("Attendance is recorded once the meeting has taken place.")
                )
                self.attendance.hint_label.setVisible(True)
            return
        self.attendance.set_lines([line_from_roster(entry) for entry in data.roster])
        self.attendance.hint_label.setText(
            self.tr(
                "Filled in from the roster of {date}; mark who was absent or on leave, then save."
            ).format(date=detail.on_date.isoformat())
        )
        self.attendance.hint_label.setVisible(True)

    def ask_for_observer(self) -> ObserverDialog:
        """ "添加列席党员…": find the member (window-modal); the 出席 tab adds the line."""
        listed = {int(line["member_id"]) for line in self.attendance.lines()}
        dialog = ObserverDialog(self.context, listed, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(partial(self._observer_chosen, dialog))
        dialog.finished.connect(partial(self._observer_dialog_closed, dialog))
        self.observer_dialog = dialog
        dialog.open()
        return dialog

    def _observer_chosen(self, dialog: ObserverDialog) -> None:
        if dialog.chosen is not None and self._writable():
            self.attendance.add_observer(*dialog.chosen)

    def _observer_dialog_closed(self, dialog: ObserverDialog, _result: int) -> None:
        if self.observer_dialog is dialog:
            self.observer_dialog = None

    def locked(self) -> bool:
        detail = None if self.data is None else self.data.detail
        return detail is not None and detail.status == MeetingStatus.SIGNED.value

    def _writable(self) -> bool:
        return self.may_edit and not self.locked()

    def _arrange(self) -> None:
        writable = self._writable()
        exists = self.meeting_id is not None
        self.header.set_editable(writable)
        self.attendance.set_editable(writable)
        self.agenda.set_editable(writable)
        self.resolutions.set_editable(writable)
        for key in ("attendance", "agenda", "resolutions", "attachments", "sign"):
            self.tabs.setTabEnabled(self.tabs.indexOf(self.pages[key]), exists)
        for key, page in self.pages.items():
            marker = " •" if key in self.dirty else ""
            self.tabs.setTabText(self.tabs.indexOf(page), self.titles[key] + marker)
        detail = None if self.data is None else self.data.detail
        if detail is None:
            self.setWindowTitle(self.tr("New meeting"))
        else:
            title = f"{MEETING_TYPE_LABELS[MeetingType(detail.meeting_type)]} · "
            title += f"{detail.organization_name} · {detail.on_date.isoformat()}"
            if self.locked():
                title += " · " + self.tr("signed and locked")
            self.setWindowTitle(title)
        self._tab_shown()

    def _tab_shown(self, _index: int = -1) -> None:
        key = self.current_section()
        self.save_button.setVisible(self._writable() and key in SECTIONS)
        if key == "resolutions":
            self.resolutions.refresh()

    def current_section(self) -> str:
        current = self.tabs.currentWidget()
        return next(key for key, page in self.pages.items() if page is current)

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.pages[key])

    # ------------------------------------------------------------------ drafts

    def _edited(self, section: str) -> None:
        if self._loading or not self._writable():
            return
        if section not in self.dirty:
            self.dirty.add(section)
            self._arrange()
        self.autosave_timer.start()

    def unsaved_titles(self) -> list[str]:
        return [self.titles[key] for key in SECTIONS if key in self.dirty]

    def draft_payload(self) -> dict[str, Any]:
        states = {
            "header": self.header.state,
            "attendance": self.attendance.lines,
            "agenda": lambda: self.agenda.items,
            "resolutions": lambda: self.resolutions.items,
        }
        return {key: states[key]() for key in SECTIONS if key in self.dirty}

    def _draft_key(self) -> int:
        return self.meeting_id or 0

    def autosave(self) -> None:
        """Keep the unsaved tabs (a few seconds after typing stops)."""
        self.autosave_timer.stop()
        if not self.dirty or not self._writable():
            return
        run_service(
            self,
            self.context,
            partial(
                save_draft,
                self.context.application.database,
                self.context.actor,
                self._draft_key(),
                self.draft_payload(),
            ),
            changes=Changes.of(DRAFT),
            on_success=lambda _result: self.autosave_label.setText(
                self.tr("Draft kept at {time}").format(time=datetime.now().strftime("%H:%M:%S"))
            ),
            failure_title=self.tr("Cannot keep the draft"),
        )

    def _offer_draft(self, data: EditorData) -> None:
        if data.draft is None or not self._writable() or not data.draft[0]:
            return
        payload, saved_at = data.draft
        names = "、".join(self.titles[key] for key in SECTIONS if key in payload)
        self.draft_label.setText(
            self.tr(
                "Typing kept automatically at {time} was not saved ({tabs}). Restore it?"
            ).format(time=saved_at.astimezone().strftime("%Y-%m-%d %H:%M"), tabs=names)
        )
        self.draft_banner.setVisible(True)

    def restore_draft(self) -> None:
        """Put the kept typing back into its tabs, which count as unsaved again."""
        self.draft_banner.setVisible(False)
        if self.data is None or self.data.draft is None:
            return
        payload = self.data.draft[0]
        self._loading = True
        try:
            if "header" in payload:
                self.header.set_state(payload["header"])
            if "attendance" in payload:
                self.attendance.set_lines(payload["attendance"])
            if "agenda" in payload:
                self.agenda.set_items(payload["agenda"])
            if "resolutions" in payload:
                self.resolutions.set_items(payload["resolutions"])
        finally:
            self._loading = False
        self.dirty |= {key for key in SECTIONS if key in payload}
        self._arrange()
        first = next(key for key in SECTIONS if key in payload)
        self.show_tab(first)

    def discard_offered_draft(self) -> None:
        self.draft_banner.setVisible(False)
        self._discard_draft(self._draft_key())

    def _discard_draft(self, key: int) -> None:
        run_service(
            self,
            self.context,
            partial(discard_draft, self.context.application.database, self.context.actor, key),
            changes=Changes.of(DRAFT),
            failure_title=self.tr("Cannot discard the draft"),
        )

    def done(self, result: int) -> None:
        """Closing keeps unsaved typing as the draft, written before the window goes (a
        background call could outlive it), so reopening offers it back."""
        self.autosave_timer.stop()
        if self.dirty and self._writable():
            try:
                save_draft(
                    self.context.application.database,
                    self.context.actor,
                    self._draft_key(),
                    self.draft_payload(),
                )
                self.context.events.announce(Changes.of(DRAFT))
            except DangqunError as error:
                self.autosave_label.setText(error.message)
        super().done(result)

    # ------------------------------------------------------------------ saving

    def save_current(self) -> None:
        """Save the tab in view through its one service call."""
        section = self.current_section()
        if section not in SECTIONS or self._save_call is not None or not self._writable():
            return
        errors = self.section_errors[section]
        errors.clear()
        self.attendance.mark_rows([])
        self.resolutions.clear_refusal()
        database, actor = self.context.application.database, self.context.actor
        meeting_id = self.meeting_id or 0  # only the header is shown before the meeting exists
        if section == "header":
            form = self.header.form()
            if form is None:
                return
            call: Any = (
                partial(create_meeting, database, actor, form)
                if self.meeting_id is None
                else partial(update_meeting, database, actor, self.meeting_id, form)
            )
        elif section == "attendance":
            entries, problems = self.attendance.entries()
            if problems:
                errors.show(problems)
                self.attendance.mark_rows(problems)
                return
            call = partial(set_attendance, database, actor, meeting_id, entries)
        elif section == "agenda":
            call = partial(set_agenda, database, actor, meeting_id, self.agenda.entries())
        else:
            call = partial(set_resolutions, database, actor, meeting_id, self.resolutions.entries())
        self.save_button.setEnabled(False)
        self._save_call = run_service(
            self,
            self.context,
            call,
            changes=Changes.of(MEETING),
            on_success=partial(self._saved, section),
            on_failure=partial(self._refused, section),
            field_errors=errors,
            failure_title=self.tr("Cannot save"),
        )

    def _refused(self, section: str, error: BaseException) -> None:
        self._save_call = None
        self.save_button.setEnabled(True)
        if section == "attendance" and isinstance(error, ValidationError):
            self.attendance.mark_rows(error.errors)
        if section == "resolutions" and isinstance(error, ValidationError):
            others = self.resolutions.show_refusal(error.errors)
            if others:
                self.section_errors[section].show(others)
            else:
                self.section_errors[section].clear()

    def _saved(self, section: str, result: object) -> None:
        self._save_call = None
        self.save_button.setEnabled(True)
        if section == "header" and self.meeting_id is None:
            assert isinstance(result, int)
            self.meeting_id = result
            self._discard_draft(0)
            if self.handoff is not None:
                self.show_tab("attendance")
        self.dirty.discard(section)
        if self.dirty:
            self.autosave()
        else:
            self.autosave_timer.stop()
            self._discard_draft(self._draft_key())
        self.autosave_label.setText(self.tr("Saved: {tab}").format(tab=self.titles[section]))
        self._arrange()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)


def open_meeting_editor(
    parent: QWidget,
    context: UiContext,
    meeting_id: int | None,
    draft: MeetingDraft | None = None,
) -> MeetingEditor:
    """Open the editor on ``meeting_id`` (None: a new meeting, prefilled from ``draft`` when
    given), window-modal, deleted on close."""
    editor = MeetingEditor(context, meeting_id, parent, draft)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.open()
    return editor
