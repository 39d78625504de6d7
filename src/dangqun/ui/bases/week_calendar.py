"""The week calendar of one base's room (issue 14: "Week calendar per base and room: days ×
hours, bookings as blocks coloured by status, free capacity visible, keyboard navigation, click
an empty slot to book").

The figures come from :func:`dangqun.bases.service.week_view` (one indexed read, well under
100 ms with five years of bookings) on a worker thread; the grid only draws them:

* columns are the seven days, rows the hours from the week's earliest opening to its latest
  closing; open hours are white, closed hours shaded, a closed date hatched with its reason;
* a free slot is white and a full one pink; a shared room's slot that is partly taken shows its
  free places (余N, 满) in a narrow strip at the right of the day, beside the blocks and never
  over their text (at 1024 px a badge over a block hid the organization's name);
* bookings are blocks coloured by status (the legend above names the colours); overlapping
  bookings of a shared room stand side by side;
* the arrow keys move a focused slot, Enter (or a click) books an empty slot — the booking
  dialog opens with the room, date and time filled in — or opens the booking under it.

At 1024×768 the seven days fit the width; a long opening day scrolls vertically.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.booking_settings import zone_named
from dangqun.bases.changes import BASE, BOOKING
from dangqun.bases.service import (
    BOOKING_STATUS_LABELS,
    TIME_ZONE,
    BaseDetail,
    BookingBlock,
    BookingStatus,
    RoomWeek,
    WeekView,
    get_base,
    week_view,
)
from dangqun.core.db import Database
from dangqun.core.security import Permission
from dangqun.core.settings import read_setting
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service

STATUS_COLOURS = {
    BookingStatus.PENDING: QColor("#F2B84B"),
    BookingStatus.CONFIRMED: QColor("#3C7DD9"),
    BookingStatus.CHECKED_IN: QColor("#2E9E5B"),
    BookingStatus.COMPLETED: QColor("#5F6B7A"),
    BookingStatus.CANCELLED: QColor("#C9CDD3"),
    BookingStatus.NO_SHOW: QColor("#C0392B"),
}
"""Block colours by status: amber waits, blue is settled, green is here, grey is over."""
DARK_TEXT_STATUSES = (BookingStatus.PENDING, BookingStatus.CANCELLED)
CLOSED_SHADE = QColor("#ECEEF1")
OPEN_FILL = QColor("#FFFFFF")
FULL_FILL = QColor("#FBE3E1")
FOCUS_PEN = QColor("#C62828")
GRID_PEN = QColor("#D5D9DF")
WEEKDAY_NAMES = ("一", "二", "三", "四", "五", "六", "日")
DEFAULT_FIRST_HOUR = 8
DEFAULT_LAST_HOUR = 18
HOUR_HEIGHT = 46
TIME_COLUMN = 52
HEADER_HEIGHT = 40
SLOT_MINUTES = 60
FREE_FONT_SCALE = 0.85
"""The free-places strip's text is a little smaller than the blocks' so a day keeps room."""


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def center_today(database: Database) -> date:
    """Today on the center's wall clock (setting ``bases_time_zone``), not the computer's:
    the two differ for eight hours a day on a machine kept in UTC."""
    return datetime.now(zone_named(read_setting(database, TIME_ZONE))).date()


def _week_and_today(
    context: UiContext, starts_on: date | None, room_id: int
) -> tuple[WeekView, date]:
    """The room's week from ``starts_on`` (None: the center's current week) and today."""
    database, actor = context.application.database, context.actor
    today = center_today(database)
    first = starts_on or monday_of(today)
    return week_view(database, actor, first, room_id=room_id, slot_minutes=SLOT_MINUTES), today


@dataclass(frozen=True)
class _Placed:
    block: BookingBlock
    rect: QRectF


class WeekGrid(QWidget):
    """The painted days × hours of one room's week; emits what a click or Enter means."""

    slot_activated = Signal(object, int)
    """(date, start minute) of an empty slot inside opening hours: book it."""
    block_activated = Signal(int)
    """The id of the booking clicked or entered: open it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.week: RoomWeek | None = None
        self.today = date.today()
        self.first_minute = DEFAULT_FIRST_HOUR * 60
        self.last_minute = DEFAULT_LAST_HOUR * 60
        self.focus_day = 0
        self.focus_minute = self.first_minute
        self._placed: list[_Placed] = []
        self.setMinimumWidth(TIME_COLUMN + 7 * 96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # -- data -------------------------------------------------------------------------------

    def show_week(self, week: RoomWeek, today: date) -> None:
        self.week = week
        self.today = today
        opens = [i.opens for d in week.days for i in d.hours]
        closes = [i.closes for d in week.days for i in d.hours]
        self.first_minute = min(opens, default=DEFAULT_FIRST_HOUR * 60) // 60 * 60
        self.last_minute = -(-max(closes, default=DEFAULT_LAST_HOUR * 60) // 60) * 60
        if self.last_minute <= self.first_minute:
            self.last_minute = self.first_minute + 60
        if today in [d.on_date for d in week.days]:
            self.focus_day = [d.on_date for d in week.days].index(today)
        self.focus_minute = min(max(self.focus_minute, self.first_minute), self.last_minute - 60)
        self.setFixedHeight(self.sizeHint().height())
        self._place_blocks()
        self.update()

    def sizeHint(self) -> QSize:
        hours = (self.last_minute - self.first_minute) // 60
        return QSize(TIME_COLUMN + 7 * 120, HEADER_HEIGHT + hours * HOUR_HEIGHT + 1)

    # -- geometry ---------------------------------------------------------------------------

    def _day_width(self) -> float:
        return (self.width() - TIME_COLUMN - 1) / 7

    def _x_of(self, day: int) -> float:
        return TIME_COLUMN + day * self._day_width()

    def _y_of(self, minute: int) -> float:
        return HEADER_HEIGHT + (minute - self.first_minute) * HOUR_HEIGHT / 60

    def _minute_at(self, y: float) -> int:
        return self.first_minute + int((y - HEADER_HEIGHT) * 60 / HOUR_HEIGHT)

    def _place_blocks(self) -> None:
        """Blocks of one day that overlap share the column side by side (first fit lanes)."""
        self._placed = []
        if self.week is None:
            return
        dates = [d.on_date for d in self.week.days]
        width = self._day_width()
        for index, on_date in enumerate(dates):
            day_blocks = sorted(
                (b for b in self.week.blocks if b.on_date == on_date),
                key=lambda b: (b.start_minute, b.end_minute),
            )
            lanes: list[int] = []
            lane_of: list[int] = []
            for block in day_blocks:
                lane = next((n for n, end in enumerate(lanes) if end <= block.start_minute), None)
                if lane is None:
                    lanes.append(block.end_minute)
                    lane = len(lanes) - 1
                else:
                    lanes[lane] = block.end_minute
                lane_of.append(lane)
            count = max(len(lanes), 1)
            lane_width = (width - 4 - self._strip_width()) / count
            for block, lane in zip(day_blocks, lane_of, strict=True):
                top = self._y_of(block.start_minute)
                bottom = self._y_of(block.end_minute)
                self._placed.append(
                    _Placed(
                        block,
                        QRectF(
                            self._x_of(index) + 2 + lane * lane_width,
                            top + 1,
                            lane_width - 2,
                            max(bottom - top - 2, 10),
                        ),
                    )
                )

    def _strip_width(self) -> float:
        """Width kept at the right of each day for a shared room's free places (0 when the
        room is exclusive: its blocks fill the slot and pink says full)."""
        if self.week is None or self.week.room.exclusive:
            return 0
        widest = max(
            (
                self.fontMetrics().horizontalAdvance(_free_text(slot.free))
                for day in self.week.days
                for slot in day.slots
                if slot.free < self.week.room.capacity
            ),
            default=0,
        )
        return widest * FREE_FONT_SCALE + 4 if widest else 0

    def resizeEvent(self, event: object) -> None:
        self._place_blocks()
        super().resizeEvent(event)  # type: ignore[arg-type]

    # -- what is where ----------------------------------------------------------------------

    def slot_at(self, day: int, minute: int) -> tuple[int, int, int] | None:
        """(start, end, free) of the opening slot of ``day`` holding ``minute``."""
        if self.week is None or not 0 <= day < 7:
            return None
        for slot in self.week.days[day].slots:
            if slot.start_minute <= minute < slot.end_minute:
                return slot.start_minute, slot.end_minute, slot.free
        return None

    def block_at(self, day: int, minute: int) -> BookingBlock | None:
        """A booking covering ``minute`` of ``day`` (one still holding places first)."""
        if self.week is None or not 0 <= day < 7:
            return None
        on_date = self.week.days[day].on_date
        covering = [
            b
            for b in self.week.blocks
            if b.on_date == on_date and b.start_minute <= minute < b.end_minute
        ]
        covering.sort(key=lambda b: b.status in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW))
        return covering[0] if covering else None

    def activate(self, day: int, minute: int, block: BookingBlock | None = None) -> None:
        """Open ``block`` or the booking at the slot, else book the slot if it is open."""
        if self.week is None:
            return
        block = block or self.block_at(day, minute)
        slot = self.slot_at(day, minute)
        if block is not None and (slot is None or slot[2] == 0 or self.week.room.exclusive):
            self.block_activated.emit(block.id)
            return
        if slot is not None:
            self.slot_activated.emit(self.week.days[day].on_date, slot[0])
        elif block is not None:
            self.block_activated.emit(block.id)

    # -- input ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        if point.x() < TIME_COLUMN or point.y() < HEADER_HEIGHT or self.week is None:
            return super().mousePressEvent(event)
        day = min(int((point.x() - TIME_COLUMN) / self._day_width()), 6)
        minute = self._minute_at(point.y())
        self.focus_day, self.focus_minute = day, minute // SLOT_MINUTES * SLOT_MINUTES
        self.setFocus()
        self.update()
        clicked = next((p.block for p in self._placed if p.rect.contains(point)), None)
        if clicked is not None:
            self.block_activated.emit(clicked.id)
        else:
            self.activate(day, minute)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        over = next((p for p in self._placed if p.rect.contains(point)), None)
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if over is not None else Qt.CursorShape.ArrowCursor
        )
        if over is not None:
            block = over.block
            self.setToolTip(
                f"{block.number}  {block.organization}\n"
                f"{_clock(block.start_minute)}–{_clock(block.end_minute)}  "
                f"{block.headcount} 人  {BOOKING_STATUS_LABELS[block.status]}"
            )
        else:
            self.setToolTip("")
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Left:
            self.focus_day = max(self.focus_day - 1, 0)
        elif key == Qt.Key.Key_Right:
            self.focus_day = min(self.focus_day + 1, 6)
        elif key == Qt.Key.Key_Up:
            self.focus_minute = max(self.focus_minute - SLOT_MINUTES, self.first_minute)
        elif key == Qt.Key.Key_Down:
            self.focus_minute = min(
                self.focus_minute + SLOT_MINUTES, self.last_minute - SLOT_MINUTES
            )
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate(self.focus_day, self.focus_minute)
            return
        else:
            super().keyPressEvent(event)
            return
        self._ensure_focus_visible()
        self.update()

    def _ensure_focus_visible(self) -> None:
        scroller = self.parentWidget()
        while scroller is not None and not isinstance(scroller, QScrollArea):
            scroller = scroller.parentWidget()
        if isinstance(scroller, QScrollArea):
            top = int(self._y_of(self.focus_minute))
            scroller.ensureVisible(int(self._x_of(self.focus_day)), top + HOUR_HEIGHT // 2, 0, 60)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # -- drawing ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), CLOSED_SHADE)
        metrics = painter.fontMetrics()
        width = self._day_width()
        bottom = self._y_of(self.last_minute)
        painter.setPen(QPen(GRID_PEN))
        for minute in range(self.first_minute, self.last_minute + 1, 60):
            y = self._y_of(minute)
            painter.drawLine(QPoint(TIME_COLUMN, int(y)), QPoint(self.width(), int(y)))
            if minute < self.last_minute:
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QRect(0, int(y) + 2, TIME_COLUMN - 6, metrics.height()),
                    Qt.AlignmentFlag.AlignRight,
                    _clock(minute),
                )
                painter.setPen(QPen(GRID_PEN))
        if self.week is None:
            painter.end()
            return
        for index, day in enumerate(self.week.days):
            x = self._x_of(index)
            header = QRect(int(x), 0, int(width), HEADER_HEIGHT)
            is_today = day.on_date == self.today
            painter.setPen(FOCUS_PEN if is_today else self.palette().text().color())
            font = painter.font()
            font.setBold(is_today)
            painter.setFont(font)
            painter.drawText(
                header,
                Qt.AlignmentFlag.AlignCenter,
                f"周{WEEKDAY_NAMES[day.on_date.weekday()]} {day.on_date.month}/{day.on_date.day}",
            )
            font.setBold(False)
            painter.setFont(font)
            if day.closed is not None:
                area = QRectF(x, HEADER_HEIGHT, width, bottom - HEADER_HEIGHT)
                painter.fillRect(area, QBrush(QColor("#DADDE2"), Qt.BrushStyle.BDiagPattern))
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    area.adjusted(4, 8, -4, 0),
                    Qt.AlignmentFlag.AlignHCenter
                    | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap,
                    f"闭馆\n{day.closed}",
                )
                continue
            for slot in day.slots:
                rect = QRectF(
                    x + 1,
                    self._y_of(slot.start_minute) + 1,
                    width - 2,
                    self._y_of(slot.end_minute) - self._y_of(slot.start_minute) - 1,
                )
                painter.fillRect(rect, FULL_FILL if slot.free == 0 else OPEN_FILL)
        for placed in self._placed:
            block = placed.block
            colour = STATUS_COLOURS[block.status]
            painter.setPen(QPen(colour.darker(130)))
            painter.setBrush(colour)
            painter.drawRoundedRect(placed.rect, 4, 4)
            painter.setPen(
                QColor("#1F2329") if block.status in DARK_TEXT_STATUSES else QColor("#FFFFFF")
            )
            text_rect = placed.rect.adjusted(3, 2, -2, -2)
            line_height = metrics.height()
            visible = max(int(text_rect.height() // line_height), 1)
            shown = _block_lines(block, metrics, int(text_rect.width()), visible)
            for row, line in enumerate(shown):
                painter.drawText(
                    QRectF(
                        text_rect.x(),
                        text_rect.y() + row * line_height,
                        text_rect.width(),
                        line_height,
                    ),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    line,
                )
        self._paint_free_places(painter)
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(FOCUS_PEN, 2))
            painter.drawRect(
                QRectF(
                    self._x_of(self.focus_day) + 1,
                    self._y_of(self.focus_minute) + 1,
                    width - 2,
                    HOUR_HEIGHT * SLOT_MINUTES / 60 - 2,
                )
            )
        painter.end()

    def _paint_free_places(self, painter: QPainter) -> None:
        """A shared room's partly taken or full slots: 余N (or 满 in red) in the day's strip.

        An untouched slot says nothing (the caption above gives the room's capacity), so the
        eye finds the busy hours at once instead of reading "余 25" in every cell.
        """
        assert self.week is not None
        if self.week.room.exclusive:
            return
        capacity = self.week.room.capacity
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * FREE_FONT_SCALE)
        painter.setFont(font)
        strip = self._strip_width()
        for index, day in enumerate(self.week.days):
            right = self._x_of(index) + self._day_width() - 2
            for slot in day.slots:
                if slot.free >= capacity:
                    continue
                text = _free_text(slot.free)
                area = QRectF(
                    right - strip,
                    self._y_of(slot.start_minute) + 2,
                    strip,
                    self._y_of(slot.end_minute) - self._y_of(slot.start_minute) - 4,
                )
                painter.setPen(FOCUS_PEN if slot.free == 0 else QColor("#4A525C"))
                painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)
        font.setPointSizeF(font.pointSizeF() / FREE_FONT_SCALE)
        painter.setFont(font)


def _free_text(free: int) -> str:
    return "满" if free == 0 else f"余{free}"


def _block_lines(block: BookingBlock, metrics: QFontMetrics, width: int, rows: int) -> list[str]:
    """What a block of ``rows`` lines says: the organization, wrapped character by character
    (Chinese names have no spaces) over all but the last line, then its headcount; the status
    is the block's colour. One line shows the name alone, elided."""
    if rows <= 1:
        return [metrics.elidedText(block.organization, Qt.TextElideMode.ElideRight, width)]
    lines: list[str] = []
    rest = block.organization
    while rest and len(lines) < rows - 1:
        take = len(rest)
        while take > 1 and metrics.horizontalAdvance(rest[:take]) > width:
            take -= 1
        if len(lines) == rows - 2 and take < len(rest):
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            rest = ""
        else:
            lines.append(rest[:take])
            rest = rest[take:]
    lines.append(metrics.elidedText(f"{block.headcount} 人", Qt.TextElideMode.ElideRight, width))
    return lines


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


class WeekCalendar(QWidget):
    """A base's week calendar: room, week navigation, legend and the grid (B2's page embeds
    it and calls :meth:`show_base`)."""

    loaded = Signal()
    """A week was read and drawn (tests wait for it)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("weekCalendar")
        self.base: BaseDetail | None = None
        self.base_id: int | None = None
        self.view: WeekView | None = None
        self.starts_on: date | None = None
        """Monday of the week shown; None: the center's current week, known once read."""
        self.today = date.today()
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        bar = QHBoxLayout()
        self.room_combo = QComboBox(self)
        self.room_combo.setObjectName("roomCombo")
        self.room_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.room_combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.room_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        room_label = QLabel(self.tr("Room"), self)
        room_label.setBuddy(self.room_combo)
        bar.addWidget(room_label)
        bar.addWidget(self.room_combo)
        self.previous_button = QPushButton(self.tr("‹ Previous week"), self)
        self.previous_button.setObjectName("previousWeekButton")
        self.previous_button.clicked.connect(partial(self.move_weeks, -1))
        self.today_button = QPushButton(self.tr("This week"), self)
        self.today_button.setObjectName("thisWeekButton")
        self.today_button.clicked.connect(self.go_to_today)
        self.next_button = QPushButton(self.tr("Next week ›"), self)
        self.next_button.setObjectName("nextWeekButton")
        self.next_button.clicked.connect(partial(self.move_weeks, 1))
        for button in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(button)
        self.week_label = QLabel(self)
        self.week_label.setObjectName("weekLabel")
        self.week_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        bar.addStretch(1)
        layout.addLayout(bar)

        legend = QHBoxLayout()
        legend.setSpacing(10)
        for status, label in BOOKING_STATUS_LABELS.items():
            swatch = QLabel(self)
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(
                f"background: {STATUS_COLOURS[status].name()}; border-radius: 3px;"
            )
            legend.addWidget(swatch)
            legend.addWidget(QLabel(label, self))
        self.capacity_label = QLabel(self)
        self.capacity_label.setObjectName("capacityLabel")
        legend.addStretch(1)
        layout.addLayout(legend)
        self.capacity_label.setWordWrap(True)
        week_row = QHBoxLayout()
        week_row.addWidget(self.week_label)
        week_row.addWidget(self.capacity_label, 1)
        layout.addLayout(week_row)

        self.grid = WeekGrid(self)
        self.grid.slot_activated.connect(self.book_slot)
        self.grid.block_activated.connect(self.open_block)
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("weekScroller")
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.grid)
        layout.addWidget(self.scroller, 1)
        self.hint_label = QLabel(
            self.tr(
                "Click an empty slot (or move with the arrow keys and press Enter) to book it; "
                "click a booking to see it."
            ),
            self,
        )
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        context.events.subscribe(self, (BOOKING, BASE), lambda _changes: self.reload())

    # -- reading ----------------------------------------------------------------------------

    def show_base(self, base_id: int) -> None:
        """Show ``base_id``'s rooms, the current week of its first room."""
        self.base_id = base_id
        run_service(
            self,
            self.context,
            partial(get_base, self.context.application.database, self.context.actor, base_id),
            on_success=self._base_read,
            failure_title=self.tr("Week calendar"),
        )

    def reload(self) -> None:
        if self.base_id is not None:
            self.show_base(self.base_id)

    def _base_read(self, base: BaseDetail) -> None:
        chosen = self.room_id
        self.base = base
        self.room_combo.blockSignals(True)
        self.room_combo.clear()
        for room in base.rooms:
            if room.retired:
                continue
            self.room_combo.addItem(room.name, room.id)
        index = self.room_combo.findData(chosen)
        self.room_combo.setCurrentIndex(max(index, 0))
        self.room_combo.blockSignals(False)
        self.refresh()

    @property
    def room_id(self) -> int | None:
        data = self.room_combo.currentData()
        return int(data) if data is not None else None

    def move_weeks(self, weeks: int) -> None:
        self.starts_on = (self.starts_on or monday_of(self.today)) + timedelta(days=7 * weeks)
        self.refresh()

    def go_to_today(self) -> None:
        self.starts_on = None
        self.refresh()

    def show_week_of(self, day: date) -> None:
        self.starts_on = monday_of(day)
        self.refresh()

    def refresh(self) -> None:
        room_id = self.room_id
        if room_id is None:
            return
        self._generation += 1
        run_service(
            self,
            self.context,
            partial(_week_and_today, self.context, self.starts_on, room_id),
            on_success=partial(self._week_read, self._generation),
            failure_title=self.tr("Week calendar"),
        )

    def _week_read(self, generation: int, found: tuple[WeekView, date]) -> None:
        view, today = found
        if generation != self._generation or not view.rooms:
            return
        self.view = view
        self.today = today
        self.starts_on = view.starts_on
        ends_on = self.starts_on + timedelta(days=6)
        self.week_label.setText(
            self.tr("{start} to {end}").format(
                start=self.starts_on.strftime("%Y-%m-%d"), end=ends_on.strftime("%m-%d")
            )
        )
        room_week = view.rooms[0]
        self.grid.show_week(room_week, today)
        room = room_week.room
        self.capacity_label.setText(
            self.tr("{room}: holds {capacity} people, one booking at a time").format(
                room=room.name, capacity=room.capacity
            )
            if room.exclusive
            else self.tr("{room}: holds {capacity} people; bookings share it").format(
                room=room.name, capacity=room.capacity
            )
        )
        self.loaded.emit()

    # -- acting -----------------------------------------------------------------------------

    def book_slot(self, on_date: date, start_minute: int) -> None:
        if self.base_id is None or not self.context.can(Permission.EDIT_RECORDS):
            return
        from dangqun.ui.bases.booking_dialog import open_booking

        open_booking(self, self.base_id, self.room_id, on_date, start_minute)

    def open_block(self, booking_id: int) -> None:
        from dangqun.ui.bases.checkin_dialog import open_booking_detail

        open_booking_detail(self, booking_id)
