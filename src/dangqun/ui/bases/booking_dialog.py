"""预约 — take, change or repeat a booking of a base (issue 14, "Bookings").

One form for the front desk, the way a call goes: who is coming (a known visiting organization
picked from the list fills its type, contact and phone; a new one is typed), where and when
(room, date, start and end), how many, what they will do (menu items: their lecturer and
materials follow, or nothing is booked), how the booking came (电话 / 现场 / 线上; the signed-in
user is recorded as who took it), an optional 介绍信 scan and notes. The places left in the room
for the chosen time are shown before saving (read from the week view, as the calendar shows
them). Every refusal of :func:`dangqun.bases.service.book` is shown beside its field in Chinese.

重复 turns the booking into a series (每周星期X, 每月第N个星期X such as 每月第一个周五主题党日,
每月N日, until a date): after saving, :class:`SeriesResultDialog` lists the dates booked and each
skipped date with its reason, and books a skipped date later with 补加 once it fits.

The 介绍信 row of a booking that has one shows its name and size, 查看 and 移除 (the scan is kept
in the database, :mod:`dangqun.bases.bookings`). 查看 writes the bytes to an owner-only
temporary file for the system viewer — enabled only for a role that may see personal data, as
the service requires — and every such file goes when the application quits. 移除 asks first and
removes it at once (its own audited action); a file chosen and not yet saved is just dropped.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date, time, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.changes import BOOKING
from dangqun.bases.service import (
    CHANNEL_LABELS,
    ORGANIZATION_TYPE_LABELS,
    PROBLEM_LABELS,
    BaseDetail,
    BookingDetail,
    BookingForm,
    Channel,
    LecturerDetail,
    LetterFile,
    LetterSummary,
    MenuItemDetail,
    OrganizationDetail,
    OrganizationType,
    RecurrenceKind,
    RecurrenceRule,
    SeriesForm,
    SeriesResult,
    SkippedDate,
    add_series_date,
    book,
    book_series,
    booking_letter,
    get_base,
    list_lecturers,
    list_menu_items,
    list_organizations,
    remove_letter,
    update_booking,
    week_view,
)
from dangqun.bases.vocabulary import ORDINAL_LABELS, WEEKDAY_LABELS
from dangqun.core.changes import Changes
from dangqun.core.paths import write_private_file
from dangqun.core.security import Permission
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.form_kit import FormRows, TimeBankDialog
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.file_dialogs import open_file
from dangqun.ui.widgets.window_fit import fit_to_layout

CAPACITY_SLOT_MINUTES = 15
"""The capacity shown before saving is the fewest free places over quarter-hour slots."""
LETTER_SUFFIXES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
"""The suffix the viewer's copy gets: the content's type, whatever the chosen file was named."""

_viewer_folder: Path | None = None


def _letters_folder() -> Path:
    """This run's owner-only folder (``mkdtemp`` makes it 0700) for letters being viewed,
    removed with everything in it when the application quits (:func:`remove_viewer_files`)."""
    global _viewer_folder
    if _viewer_folder is None or not _viewer_folder.is_dir():
        _viewer_folder = Path(tempfile.mkdtemp(prefix="dangqun-letters-"))
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(remove_viewer_files)
    return _viewer_folder


def remove_viewer_files() -> None:
    """Remove every copy 查看 wrote: a scan of personal data does not outlive the session."""
    global _viewer_folder
    if _viewer_folder is not None:
        shutil.rmtree(_viewer_folder, ignore_errors=True)
        _viewer_folder = None


def letter_viewer_file(letter: LetterFile) -> Path:
    """Write ``letter`` to a file of its own (0600) for the system viewer. A folder per
    opening: a viewer still holding the last copy (Windows locks it) never blocks the next."""
    folder = Path(tempfile.mkdtemp(dir=_letters_folder()))
    stem = Path(letter.file_name).stem or letter.booking_number
    target = folder / f"{stem}{LETTER_SUFFIXES.get(letter.media_type, '.pdf')}"
    write_private_file(target, letter.content)
    return target


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def _minute(value: time) -> int:
    return value.hour * 60 + value.minute


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def _clock(edit: QTimeEdit) -> time:
    chosen = edit.time()
    return time(chosen.hour(), chosen.minute())


def _qtime(minute: int) -> QTime:
    return QTime(minute // 60, minute % 60)


def _choices(
    context: UiContext, base_id: int
) -> tuple[BaseDetail, list[MenuItemDetail], list[LecturerDetail], list[OrganizationDetail]]:
    """What the form offers, read in one go on the worker thread."""
    database, actor = context.application.database, context.actor
    return (
        get_base(database, actor, base_id),
        list_menu_items(database, actor, base_id),
        list_lecturers(database, actor),
        list_organizations(database, actor, limit=500),
    )


def free_places(
    context: UiContext, room_id: int, on_date: date, start: int, end: int
) -> tuple[int | None, bool]:
    """The fewest free places of ``room_id`` over ``[start, end)`` on ``on_date`` (None when
    the time is not inside the opening hours) and whether the room is exclusive."""
    view = week_view(
        context.application.database,
        context.actor,
        on_date,
        room_id=room_id,
        slot_minutes=CAPACITY_SLOT_MINUTES,
    )
    room_week = view.rooms[0]
    day = room_week.days[0]
    covering = [s.free for s in day.slots if s.start_minute < end and start < s.end_minute]
    return (min(covering) if covering else None), room_week.room.exclusive


class BookingDialog(TimeBankDialog):
    """Take a booking (or a series), or change one that has not happened (``existing``)."""

    changes = Changes.of(BOOKING)
    choices_loaded = Signal()

    def __init__(
        self,
        context: UiContext,
        base_id: int,
        parent: QWidget | None = None,
        *,
        room_id: int | None = None,
        on_date: date | None = None,
        start_minute: int | None = None,
        existing: BookingDetail | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("bookingDialog")
        self.base_id = base_id
        self.existing = existing
        self.menu_items: list[MenuItemDetail] = []
        self.lecturers: list[LecturerDetail] = []
        self.organizations: list[OrganizationDetail] = []
        self.letter_path: Path | None = None
        self._wanted_room = existing.room_id if existing else room_id
        self._capacity_generation = 0
        self.setWindowTitle(
            self.tr("Change booking {number}").format(number=existing.number)
            if existing
            else self.tr("New booking")
        )
        outer = QVBoxLayout(self)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroller)
        scroller.setWidget(body)
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        left_form = QFormLayout()
        right_form = QFormLayout()
        columns.addLayout(left_form, 1)
        columns.addLayout(right_form, 1)
        left = FormRows(left_form)
        right = FormRows(right_form)
        outer.addWidget(scroller, 1)

        # -- who ------------------------------------------------------------------------
        self.organization_combo = QComboBox()
        self.organization_combo.setObjectName("organizationCombo")
        self.organization_combo.setEditable(True)
        self.organization_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        typed_name = self.organization_combo.lineEdit()
        assert typed_name is not None
        typed_name.setPlaceholderText(self.tr("Pick a known organization or type a new one"))
        self.organization_combo.activated.connect(self._organization_chosen)
        left.add("organization", self.tr("Visiting organization"), self.organization_combo)
        self.org_type_combo = QComboBox()
        self.org_type_combo.setObjectName("orgTypeCombo")
        for org_type, label in ORGANIZATION_TYPE_LABELS.items():
            self.org_type_combo.addItem(label, org_type)
        left.add("org_type", self.tr("Type"), self.org_type_combo)
        self.contact_edit = QLineEdit()
        self.contact_edit.setObjectName("contactEdit")
        left.add("contact", self.tr("Contact"), self.contact_edit)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        left.add("phone", self.tr("Phone"), self.phone_edit)
        self.headcount_spin = QSpinBox()
        self.headcount_spin.setObjectName("headcountSpin")
        self.headcount_spin.setRange(0, 9999)
        self.headcount_spin.setValue(10)
        self.headcount_spin.setSuffix(self.tr(" people"))
        left.add("headcount", self.tr("Expected headcount"), self.headcount_spin)
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channelCombo")
        for channel, label in CHANNEL_LABELS.items():
            self.channel_combo.addItem(label, channel)
        left.add("channel", self.tr("Booked by"), self.channel_combo)
        self.taken_by_label = QLabel(
            self.tr("Taken by {name} (you)").format(name=context.actor.display_name)
        )
        self.taken_by_label.setObjectName("takenByLabel")
        left_form.addRow("", self.taken_by_label)
        letter_row = QWidget()  # the name on its own line: a unit's file names run long
        letter_layout = QVBoxLayout(letter_row)
        letter_layout.setContentsMargins(0, 0, 0, 0)
        letter_buttons = QHBoxLayout()
        self.letter_label = QLabel(self.tr("No file"))
        self.letter_label.setObjectName("letterLabel")
        self.letter_label.setWordWrap(True)
        self.letter_view_button = QPushButton(self.tr("View"))
        self.letter_view_button.setObjectName("letterViewButton")
        self.letter_view_button.clicked.connect(self.view_letter)
        self.letter_remove_button = QPushButton(self.tr("Remove"))
        self.letter_remove_button.setObjectName("letterRemoveButton")
        self.letter_remove_button.clicked.connect(self.remove_letter)
        letter_button = QPushButton(self.tr("Choose…"))
        letter_button.setObjectName("letterButton")
        letter_button.clicked.connect(self.choose_letter)
        letter_layout.addWidget(self.letter_label)
        for button in (self.letter_view_button, self.letter_remove_button, letter_button):
            letter_buttons.addWidget(button)
        letter_buttons.addStretch(1)
        letter_layout.addLayout(letter_buttons)
        left.add("letter_file", self.tr("Letter of introduction"), letter_row)
        self.stored_letter: LetterSummary | None = existing.letter if existing else None
        self.viewed_letter: Path | None = None
        """The temporary copy 查看 wrote last (the system viewer was given it)."""
        self._show_letter()
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("notesEdit")
        left.add("notes", self.tr("Notes"), self.notes_edit)

        # -- where, when, what ----------------------------------------------------------
        self.room_combo = QComboBox()
        self.room_combo.setObjectName("roomCombo")
        right.add("room_id", self.tr("Room"), self.room_combo)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        right.add("on_date", self.tr("Date"), self.date_edit)
        times = QWidget()
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        self.start_edit = QTimeEdit()
        self.start_edit.setObjectName("startEdit")
        self.start_edit.setDisplayFormat("HH:mm")
        self.end_edit = QTimeEdit()
        self.end_edit.setObjectName("endEdit")
        self.end_edit.setDisplayFormat("HH:mm")
        times_layout.addWidget(self.start_edit)
        times_layout.addWidget(QLabel("–"))
        times_layout.addWidget(self.end_edit)
        times_layout.addStretch(1)
        right.add("starts_at", self.tr("Time"), times, "ends_at", "ends_next_day")
        self.capacity_label = QLabel()
        self.capacity_label.setObjectName("capacityLeftLabel")
        self.capacity_label.setWordWrap(True)
        right_form.addRow("", self.capacity_label)
        self.menu_list = QListWidget()
        self.menu_list.setObjectName("menuList")
        self.menu_list.setMaximumHeight(110)
        self.menu_list.itemChanged.connect(lambda _item: self._menu_changed())
        right.add("menu_item_ids", self.tr("Menu items"), self.menu_list)
        self.materials_label = QLabel()
        self.materials_label.setObjectName("materialsLabel")
        self.materials_label.setWordWrap(True)
        right_form.addRow("", self.materials_label)
        self.lecturer_combo = QComboBox()
        self.lecturer_combo.setObjectName("lecturerCombo")
        right.add("lecturer_id", self.tr("Lecturer"), self.lecturer_combo)

        # -- repeat ---------------------------------------------------------------------
        self.repeat_box = QGroupBox(self.tr("Repeat"))
        self.repeat_box.setObjectName("repeatBox")
        self.repeat_box.setCheckable(True)
        self.repeat_box.setChecked(False)
        repeat_layout = QVBoxLayout(self.repeat_box)
        self.repeat_fields = QWidget(self.repeat_box)
        self.repeat_fields.setVisible(False)
        self.repeat_box.setFlat(True)
        self.repeat_box.toggled.connect(self._repeat_toggled)
        repeat_layout.addWidget(self.repeat_fields)
        repeat_form = QFormLayout(self.repeat_fields)
        repeat_form.setContentsMargins(0, 0, 0, 0)
        repeat = FormRows(repeat_form)
        self.rule_combo = QComboBox()
        self.rule_combo.setObjectName("ruleKindCombo")
        self.rule_combo.addItem(self.tr("Every week"), RecurrenceKind.WEEKLY)
        self.rule_combo.addItem(
            self.tr("Nth weekday of each month"), RecurrenceKind.MONTHLY_WEEKDAY
        )
        self.rule_combo.addItem(self.tr("Day of each month"), RecurrenceKind.MONTHLY_DAY)
        self.rule_combo.currentIndexChanged.connect(lambda _i: self._rule_kind_changed())
        rule_row = QWidget()
        rule_layout = QHBoxLayout(rule_row)
        rule_layout.setContentsMargins(0, 0, 0, 0)
        self.ordinal_combo = QComboBox()
        self.ordinal_combo.setObjectName("ordinalCombo")
        for ordinal, label in ORDINAL_LABELS.items():
            self.ordinal_combo.addItem(label, ordinal)
        self.weekday_combo = QComboBox()
        self.weekday_combo.setObjectName("weekdayCombo")
        for index, label in enumerate(WEEKDAY_LABELS):
            self.weekday_combo.addItem(label, index)
        self.day_spin = QSpinBox()
        self.day_spin.setObjectName("dayOfMonthSpin")
        self.day_spin.setRange(1, 31)
        self.day_spin.setPrefix(self.tr("day "))
        for widget in (self.rule_combo, self.ordinal_combo, self.weekday_combo, self.day_spin):
            rule_layout.addWidget(widget)
        rule_layout.addStretch(1)
        repeat.add("rule", self.tr("Rule"), rule_row)
        self.until_edit = QDateEdit()
        self.until_edit.setObjectName("untilEdit")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        repeat.add("ends_on", self.tr("Until"), self.until_edit)
        outer.addWidget(self.repeat_box)
        self.body = body
        self.scroller = scroller
        self.setMinimumWidth(880)
        self.repeat_box.setVisible(existing is None)

        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        outer.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.errors = _merged_errors(left, right, repeat, self.general_error)

        today = date.today()
        start_date = existing.on_date if existing else (on_date or today + timedelta(days=1))
        self.date_edit.setDate(QDate(start_date.year, start_date.month, start_date.day))
        until = start_date + timedelta(days=182)
        self.until_edit.setDate(QDate(until.year, until.month, until.day))
        start = (
            existing.start_minute
            if existing
            else (start_minute if start_minute is not None else 9 * 60)
        )
        end = existing.end_minute if existing else min(start + 120, 23 * 60 + 59)
        self.start_edit.setTime(_qtime(start))
        self.end_edit.setTime(_qtime(end))
        self.weekday_combo.setCurrentIndex(start_date.weekday())
        self.day_spin.setValue(start_date.day)
        self.ordinal_combo.setCurrentIndex(min((start_date.day - 1) // 7, 4))
        if existing is not None:
            self._fill_existing(existing)
        for signal in (
            self.room_combo.currentIndexChanged,
            self.date_edit.dateChanged,
            self.start_edit.timeChanged,
            self.end_edit.timeChanged,
            self.headcount_spin.valueChanged,
        ):
            signal.connect(lambda *_args: self.check_capacity())
        self._rule_kind_changed()
        run_service(
            self,
            context,
            partial(_choices, context, base_id),
            on_success=self._choices_read,
            failure_title=self.windowTitle(),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_body()

    def _fit_body(self) -> None:
        """The form shows whole when the window has room; only a small screen or the
        largest font makes it scroll."""
        self.scroller.setMinimumHeight(min(self.body.sizeHint().height() + 4, 560))
        fit_to_layout(self)

    def _repeat_toggled(self, on: bool) -> None:
        self.repeat_fields.setVisible(on)
        self.repeat_box.setFlat(not on)
        fit_to_layout(self)

    # -- filling --------------------------------------------------------------------------

    def _fill_existing(self, existing: BookingDetail) -> None:
        self.organization_combo.setEditText(existing.organization)
        self.org_type_combo.setCurrentIndex(self.org_type_combo.findData(existing.org_type))
        self.contact_edit.setText(existing.contact)
        if "*" not in existing.phone:
            self.phone_edit.setText(existing.phone)
        self.headcount_spin.setValue(existing.headcount)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(existing.channel))
        self.notes_edit.setText(existing.notes)

    def _choices_read(
        self,
        choices: tuple[
            BaseDetail, list[MenuItemDetail], list[LecturerDetail], list[OrganizationDetail]
        ],
    ) -> None:
        base, self.menu_items, self.lecturers, self.organizations = choices
        typed = self.organization_combo.currentText()
        self.organization_combo.clear()
        for organization in self.organizations:
            self.organization_combo.addItem(
                f"{organization.name}（{organization.org_type_label}）", organization.id
            )
        self.organization_combo.setCurrentIndex(-1)
        self.organization_combo.setEditText(typed)
        self.room_combo.blockSignals(True)
        for room in base.rooms:
            if not room.retired:
                self.room_combo.addItem(
                    self.tr("{name} ({capacity} people)").format(
                        name=room.name, capacity=room.capacity
                    ),
                    room.id,
                )
        index = self.room_combo.findData(self._wanted_room)
        self.room_combo.setCurrentIndex(max(index, 0))
        self.room_combo.blockSignals(False)
        chosen = set(self.existing.menu_item_ids) if self.existing else set()
        self.menu_list.blockSignals(True)
        for item in self.menu_items:
            entry = QListWidgetItem(
                self.tr("{name} ({minutes} min, {low}–{high} people)").format(
                    name=item.name,
                    minutes=item.duration_minutes,
                    low=item.min_group,
                    high=item.max_group,
                ),
                self.menu_list,
            )
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if item.id in chosen else Qt.CheckState.Unchecked
            )
        self.menu_list.blockSignals(False)
        self._menu_changed()
        if self.existing is not None and self.existing.lecturer_id is not None:
            index = self.lecturer_combo.findData(self.existing.lecturer_id)
            self.lecturer_combo.setCurrentIndex(max(index, 0))
        self.check_capacity()
        self.choices_loaded.emit()

    def _organization_chosen(self, index: int) -> None:
        organization_id = self.organization_combo.itemData(index)
        found = next((o for o in self.organizations if o.id == organization_id), None)
        if found is None:
            return
        self.organization_combo.setEditText(found.name)
        self.org_type_combo.setCurrentIndex(self.org_type_combo.findData(found.org_type))
        self.contact_edit.setText(found.contact)
        # A masked phone (staff without personal data) cannot be booked with: type it anew.
        self.phone_edit.setText("" if "*" in found.phone else found.phone)

    def chosen_menu_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.menu_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.menu_list.count())
            if self.menu_list.item(row).checkState() == Qt.CheckState.Checked
        )

    def _menu_changed(self) -> None:
        """The lecturers able to give every chosen item, and the materials they take."""
        chosen = [item for item in self.menu_items if item.id in self.chosen_menu_ids()]
        able = self.lecturers
        for item in chosen:
            ids = {lecturer.id for lecturer in item.lecturers}
            able = [lecturer for lecturer in able if lecturer.id in ids]
        previous = self.lecturer_combo.currentData()
        self.lecturer_combo.clear()
        self.lecturer_combo.addItem(
            self.tr("Any free lecturer of the menu") if chosen else self.tr("No lecturer"), None
        )
        for lecturer in able:
            topics = "、".join(lecturer.topics)
            self.lecturer_combo.addItem(
                f"{lecturer.name}（{lecturer.kind_label}{'：' + topics if topics else ''}）",
                lecturer.id,
            )
        self.lecturer_combo.setCurrentIndex(max(self.lecturer_combo.findData(previous), 0))
        needs = [f"{m.name} × {count}" for item in chosen for m, count in item.materials]
        self.materials_label.setText(
            self.tr("Materials held with it: {materials}").format(materials="、".join(needs))
            if needs
            else ""
        )
        self.materials_label.setVisible(bool(needs))
        if chosen and self.existing is None:
            longest = max(item.duration_minutes for item in chosen)
            start = _minute(_clock(self.start_edit))
            if _minute(_clock(self.end_edit)) - start < longest:
                self.end_edit.setTime(_qtime(min(start + longest, 23 * 60 + 59)))

    def _rule_kind_changed(self) -> None:
        kind = self.rule_combo.currentData()
        self.ordinal_combo.setVisible(kind is RecurrenceKind.MONTHLY_WEEKDAY)
        self.weekday_combo.setVisible(kind is not RecurrenceKind.MONTHLY_DAY)
        self.day_spin.setVisible(kind is RecurrenceKind.MONTHLY_DAY)

    def choose_letter(self) -> None:
        path = open_file(
            self, self.tr("Letter of introduction"), "", self.tr("Scans (*.pdf *.jpg *.jpeg *.png)")
        )
        if path is not None:
            self.set_letter(path)

    def set_letter(self, path: Path | None) -> None:
        """A file chosen to be saved with the booking (replacing the stored one on saving)."""
        self.letter_path = path
        self._show_letter()

    def _show_letter(self) -> None:
        """The chosen file, else the stored letter (name, size; 查看 for those allowed)."""
        chosen, stored = self.letter_path, self.stored_letter
        if chosen is not None:
            size = chosen.stat().st_size if chosen.is_file() else 0
            self.letter_label.setText(
                self.tr("{name} ({size}), kept when saved").format(
                    name=chosen.name, size=size_text(size)
                )
            )
        elif stored is not None:
            self.letter_label.setText(
                self.tr("{name} ({size})").format(
                    name=stored.file_name, size=size_text(stored.size)
                )
            )
        else:
            self.letter_label.setText(self.tr("No file"))
        self.letter_view_button.setVisible(chosen is None and stored is not None)
        allowed = self.context.actor.can(Permission.SEE_PERSONAL_DATA)
        self.letter_view_button.setEnabled(allowed)
        self.letter_view_button.setToolTip(
            ""
            if allowed
            else self.tr(
                "Only an administrator may open the letter: it shows the visiting unit's "
                "personal data, which cannot be masked on a scan."
            )
        )
        self.letter_remove_button.setVisible(chosen is not None or stored is not None)

    def view_letter(self) -> None:
        if self.existing is None or self.stored_letter is None:
            return
        run_service(
            self,
            self.context,
            partial(
                booking_letter,
                self.context.application.database,
                self.context.actor,
                self.existing.id,
            ),
            on_success=self._open_letter,
            field_errors=self.errors,
            failure_title=self.tr("Cannot open the letter"),
        )

    def _open_letter(self, letter: LetterFile) -> None:
        path = letter_viewer_file(letter)
        self.viewed_letter = path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_letter(self) -> None:
        """A chosen file is dropped; a stored letter is removed after asking."""
        if self.letter_path is not None:
            self.set_letter(None)
            return
        if self.existing is None or self.stored_letter is None:
            return
        if not message_boxes.confirm(
            self,
            self.tr("Remove the letter of introduction"),
            self.tr("Remove “{name}” from booking {number}?").format(
                name=self.stored_letter.file_name, number=self.existing.number
            ),
            self.tr("Remove"),
        ):
            return
        run_service(
            self,
            self.context,
            partial(
                remove_letter,
                self.context.application.database,
                self.context.actor,
                self.existing.id,
            ),
            changes=Changes.of(BOOKING),
            on_success=self._letter_removed,
            field_errors=self.errors,
            failure_title=self.tr("Cannot remove the letter"),
        )

    def _letter_removed(self, _result: object) -> None:
        self.stored_letter = None
        self._show_letter()

    # -- capacity ---------------------------------------------------------------------------

    def check_capacity(self) -> None:
        room_id = self.room_combo.currentData()
        if room_id is None:
            return
        start = _minute(_clock(self.start_edit))
        end = _minute(_clock(self.end_edit))
        if end <= start:
            self.capacity_label.setText(self.tr("The end must be after the start."))
            return
        self._capacity_generation += 1
        run_service(
            self,
            self.context,
            partial(
                free_places,
                self.context,
                int(room_id),
                _day(self.date_edit),
                start,
                end,
            ),
            on_success=partial(self._capacity_read, self._capacity_generation),
            on_failure=lambda _error: None,
            failure_title=self.windowTitle(),
        )

    def _capacity_read(self, generation: int, found: tuple[int | None, bool]) -> None:
        if generation != self._capacity_generation:
            return
        free, exclusive = found
        headcount = self.headcount_spin.value()
        if free is None:
            text = self.tr("Closed at this time (see the opening hours).")
        elif exclusive:
            text = (
                self.tr("Room free at this time.")
                if free > 0
                else self.tr("Room taken at this time.")
            )
        else:
            text = self.tr("{free} places left at this time.").format(free=free)
            if free and headcount > free:
                text += self.tr(" Not enough for {people} people.").format(people=headcount)
        self.capacity_label.setText(text)

    # -- saving -----------------------------------------------------------------------------

    def form(self) -> BookingForm:
        org_type = self.org_type_combo.currentData()
        channel = self.channel_combo.currentData()
        assert isinstance(org_type, OrganizationType) and isinstance(channel, Channel)
        name = self.organization_combo.currentText().strip()
        known = next(
            (o for o in self.organizations if name == f"{o.name}（{o.org_type_label}）"), None
        )
        return BookingForm(
            room_id=int(self.room_combo.currentData() or 0),
            on_date=_day(self.date_edit),
            starts_at=_clock(self.start_edit),
            ends_at=_clock(self.end_edit),
            headcount=self.headcount_spin.value(),
            organization=known.name if known else name,
            org_type=org_type,
            contact=self.contact_edit.text(),
            phone=self.phone_edit.text(),
            menu_item_ids=self.chosen_menu_ids(),
            lecturer_id=self.lecturer_combo.currentData(),
            channel=channel,
            letter_file=self.letter_path,
            notes=self.notes_edit.text() or None,
        )

    def rule(self) -> RecurrenceRule:
        kind = self.rule_combo.currentData()
        assert isinstance(kind, RecurrenceKind)
        if kind is RecurrenceKind.MONTHLY_DAY:
            return RecurrenceRule(kind, day_of_month=self.day_spin.value())
        if kind is RecurrenceKind.MONTHLY_WEEKDAY:
            return RecurrenceRule(
                kind,
                weekday=self.weekday_combo.currentData(),
                ordinal=self.ordinal_combo.currentData(),
            )
        return RecurrenceRule(kind, weekday=self.weekday_combo.currentData())

    def service_call(self) -> Callable[[], object]:
        database, actor = self.context.application.database, self.context.actor
        form = self.form()
        if self.existing is not None:
            return partial(update_booking, database, actor, self.existing.id, form)
        if self.repeat_box.isChecked():
            series = SeriesForm(self.rule(), form.on_date, _day(self.until_edit), form)
            return partial(book_series, database, actor, series)
        return partial(book, database, actor, form)


def _merged_errors(*parts: Any) -> FieldErrors:
    """One :class:`FieldErrors` over the rows of every part of the form."""
    *rows, general = parts
    labels: dict[str, QLabel] = {}
    inputs: dict[str, QWidget] = {}
    for part in rows:
        labels.update(part.labels)
        inputs.update(part.inputs)
    return FieldErrors(labels, general, inputs)


class SeriesResultDialog(QDialog):
    """What a series booked and what it skipped, each skipped date with its reason and 补加."""

    def __init__(
        self, context: UiContext, result: SeriesResult, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.series = result
        self.setObjectName("seriesResultDialog")
        self.setWindowTitle(self.tr("Recurring booking"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(
            self.tr("{booked} dates booked, {skipped} skipped.").format(
                booked=len(result.booking_ids), skipped=len(result.skipped)
            )
        )
        self.summary_label.setObjectName("seriesSummaryLabel")
        layout.addWidget(self.summary_label)
        self.booked_list = QListWidget(self)
        self.booked_list.setObjectName("bookedList")
        self.booked_list.setMaximumHeight(140)
        self.booked_list.addItems(list(result.numbers))
        layout.addWidget(QLabel(self.tr("Booked")))
        layout.addWidget(self.booked_list)
        layout.addWidget(QLabel(self.tr("Skipped (book one later with Add once it fits)")))
        self.skipped_list = QListWidget(self)
        self.skipped_list.setObjectName("skippedList")
        for skipped in result.skipped:
            self._add_skipped(skipped)
        layout.addWidget(self.skipped_list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add the chosen date"), self)
        self.add_button.setObjectName("addSkippedButton")
        self.add_button.clicked.connect(self.add_chosen)
        self.add_button.setEnabled(bool(result.skipped))
        row.addWidget(self.add_button)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("seriesMessageLabel")
        self.message_label.setWordWrap(True)
        row.addWidget(self.message_label, 1)
        layout.addLayout(row)
        self.refusals = FieldErrors({}, self.message_label)
        """A refusal of 补加 (still closed, full …) is read beside the button, not in a box."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if result.skipped:
            self.skipped_list.setCurrentRow(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)

    def _add_skipped(self, skipped: SkippedDate) -> None:
        item = QListWidgetItem(
            f"{skipped.on_date.isoformat()} {WEEKDAY_LABELS[skipped.on_date.weekday()]}："
            f"{PROBLEM_LABELS[skipped.problem]}，{skipped.message}",
            self.skipped_list,
        )
        item.setData(Qt.ItemDataRole.UserRole, skipped.on_date)

    def add_chosen(self) -> None:
        item = self.skipped_list.currentItem()
        if item is None:
            return
        on_date = item.data(Qt.ItemDataRole.UserRole)
        self.refusals.clear()
        run_service(
            self,
            self.context,
            partial(
                add_series_date,
                self.context.application.database,
                self.context.actor,
                self.series.series_id,
                on_date,
            ),
            changes=Changes.of(BOOKING),
            on_success=partial(self._added, item),
            field_errors=self.refusals,
            failure_title=self.windowTitle(),
        )

    def _added(self, item: QListWidgetItem, _booking_id: object) -> None:
        on_date = item.data(Qt.ItemDataRole.UserRole)
        self.skipped_list.takeItem(self.skipped_list.row(item))
        self.booked_list.addItem(self.tr("{date} (added)").format(date=on_date.isoformat()))
        self.message_label.setText(self.tr("{date} booked.").format(date=on_date.isoformat()))
        self.add_button.setEnabled(self.skipped_list.count() > 0)


def open_booking(
    page: QWidget,
    base_id: int,
    room_id: int | None = None,
    date: date | None = None,
    start: int | time | None = None,
    *,
    existing: BookingDetail | None = None,
) -> BookingDialog:
    """Open the booking dialog over ``page`` (which carries ``context``), filled with the room,
    date and start a calendar click chose; a saved series shows what it booked and skipped."""
    context: UiContext = page.context  # type: ignore[attr-defined]
    start_minute = _minute(start) if isinstance(start, time) else start
    dialog = BookingDialog(
        context,
        base_id,
        page,
        room_id=room_id,
        on_date=date,
        start_minute=start_minute,
        existing=existing,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(partial(_after_booking, page, dialog))
    dialog.open()
    return dialog


def _after_booking(page: QWidget, dialog: BookingDialog) -> None:
    if isinstance(dialog.saved, SeriesResult):
        context: UiContext = page.context  # type: ignore[attr-defined]
        result = SeriesResultDialog(context, dialog.saved, page)
        result.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        result.open()
        page.series_result = result  # type: ignore[attr-defined]
