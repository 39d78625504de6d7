"""阵地预约: the bases, and for the chosen base its week calendar and its statistics (issue 14).

A line chooses the base (name, then its type and address; retired ones are managed in 基地设置
and not offered here); below it, across the page's whole width, the chosen base's tabs 周历 and
统计 (scrolling when a large font makes them wider than the window). The calendar, the booking
dialog, today's arrivals, the statistics and the prints are other modules of issue 14
(:data:`PART_MODULES`): each is imported when used, and an action or tab whose module is not
installed is simply not there — no placeholder claims a feature that does not work (issue 11).

Roles (DOMAIN.md §3): 只读 sees; bookings need 工作人员; 基地设置 opens for everyone, editable as
far as the role goes (:mod:`dangqun.ui.bases.base_editor`). The page listens to
:data:`~dangqun.bases.changes.BASE` and reloads its list when a base changes.
"""

from __future__ import annotations

import importlib
import importlib.util
from functools import partial
from types import ModuleType
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dangqun.bases.changes import BASE
from dangqun.bases.service import BaseDetail, list_bases
from dangqun.core.changes import Changes
from dangqun.core.security import Permission
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.widgets.responsive import FlowLayout

PART_MODULES = {
    "calendar": "dangqun.ui.bases.week_calendar",
    "statistics": "dangqun.ui.bases.statistics_panel",
    "booking": "dangqun.ui.bases.booking_dialog",
    "arrivals": "dangqun.ui.bases.arrivals",
    "print": "dangqun.ui.bases.print_actions",
}
"""The parts of issue 14 the page offers, by module; a part shows when its module exists."""


def part_available(part: str) -> bool:
    try:
        return importlib.util.find_spec(PART_MODULES[part]) is not None
    except (ImportError, ValueError):
        return False


def part(name: str) -> ModuleType:
    return importlib.import_module(PART_MODULES[name])


class PartsScroll(QScrollArea):
    """Scrolls the calendar and statistics when a large font makes them larger than the page.

    Its size hint is small, so the page's height-for-width (its header flows) never asks for
    the calendar's whole height and the window is not pushed past the screen: the area takes
    whatever room is left and scrolls within it."""

    def sizeHint(self) -> QSize:
        return QSize(320, 200)


class BasesPage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.may_book = context.can(Permission.EDIT_RECORDS)
        self.bases: list[BaseDetail] = []
        self.active_dialog: QDialog | None = None
        self.loading = False
        self._stale = True
        self._generation = 0
        self.setObjectName("basesPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        self._build_header(layout)
        layout.addLayout(self._build_selector())
        layout.addWidget(self.base_label)  # its own line: wrapped beside the combo it grew tall
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(False)
        layout.addWidget(self.empty_label)
        self.parts_scroll = PartsScroll()
        self.parts_scroll.setObjectName("basesScroll")
        self.parts_scroll.setWidgetResizable(True)
        self.parts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()  # a layout passes the parts' growing minimum on to the scroll area
        holder.setObjectName("partsHolder")
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self._build_parts())
        self.parts_scroll.setWidget(holder)
        self.parts_scroll.setVisible(self.tabs.count() > 0)
        layout.addWidget(self.parts_scroll, 1)
        context.events.subscribe(self, (BASE,), self._on_changes)
        self._update_actions()

    # -- building ---------------------------------------------------------------------------

    def _build_header(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        row.setSpacing(16)
        self.title_label = QLabel(self.tr("Base bookings"))
        self.title_label.setObjectName("titleLabel")
        self.title_label.setProperty("role", "pageTitle")
        row.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignTop)
        bar = QWidget()
        bar.setObjectName("actionBar")
        flow = FlowLayout(bar)
        self.book_button = self._button("bookButton", self.tr("New booking…"), "calendar")
        self.book_button.setProperty("role", "primary")
        self.book_button.setIcon(icon("calendar", "#FFFFFF", None))
        self.book_button.clicked.connect(self.new_booking)
        self.arrivals_button = self._button("arrivalsButton", self.tr("Today's arrivals…"), "clock")
        self.arrivals_button.clicked.connect(self.open_arrivals)
        self.print_button = QToolButton()
        self.print_button.setObjectName("printButton")
        self.print_button.setText(self.tr("Print"))
        self.print_button.setIcon(icon("print"))
        self.print_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_menu.setObjectName("printMenu")
        self.brochure_action = self.print_menu.addAction(self.tr("Menu brochure…"))
        self.brochure_action.triggered.connect(partial(self._print, "print_menu_brochure"))
        self.statistics_action = self.print_menu.addAction(self.tr("Visit statistics…"))
        self.statistics_action.triggered.connect(partial(self._print, "print_statistics"))
        self.print_button.setMenu(self.print_menu)
        self.settings_button = self._button("settingsButton", self.tr("Base settings…"), "settings")
        self.settings_button.clicked.connect(self.open_settings)
        self.book_button.setVisible(self.may_book and part_available("booking"))
        self.arrivals_button.setVisible(part_available("arrivals"))
        self.print_button.setVisible(part_available("print"))
        for widget in (
            self.book_button,
            self.arrivals_button,
            self.print_button,
            self.settings_button,
        ):
            flow.addWidget(widget)
        row.addWidget(bar, 1)
        layout.addLayout(row)

    def _button(self, name: str, text: str, glyph: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setIcon(icon(glyph))
        return button

    def _build_selector(self) -> QHBoxLayout:
        """The base chooser on one line, its type and address under it: the calendar below gets
        the page's whole width."""
        row = QHBoxLayout()
        caption = QLabel(self.tr("Base"))
        caption.setObjectName("baseCaption")
        self.base_combo = QComboBox()
        self.base_combo.setObjectName("baseCombo")
        self.base_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.base_combo.currentIndexChanged.connect(self._base_chosen)
        caption.setBuddy(self.base_combo)
        self.base_label = QLabel()
        self.base_label.setObjectName("baseLabel")
        self.base_label.setProperty("role", "muted")
        self.base_label.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setProperty("role", "muted")
        row.addWidget(caption)
        row.addWidget(self.base_combo)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _build_parts(self) -> QWidget:
        """The calendar and statistics tabs, each only when its module is installed."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName("baseTabs")
        self.tabs.setDocumentMode(True)
        self.calendar: Any = None
        self.statistics: Any = None
        if part_available("calendar"):
            self.calendar = part("calendar").WeekCalendar(self.context, self)
            self.tabs.addTab(self.calendar, self.tr("Week"))
        if part_available("statistics"):
            self.statistics = part("statistics").StatisticsPanel(self.context, self)
            self.tabs.addTab(self.statistics, self.tr("Statistics"))
        return self.tabs

    # -- reading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changes(self, _changes: Changes) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        self.loading = True
        self._generation += 1
        database, actor = self.context.application.database, self.context.actor
        run_service(
            self,
            self.context,
            partial(list_bases, database, actor),
            on_success=partial(self._loaded, self._generation),
            on_failure=self._failed,
            failure_title=self.tr("Cannot read the bases"),
        )

    def is_ready(self) -> bool:
        return not self.loading

    def _failed(self, _error: BaseException) -> None:
        self.loading = False

    def _loaded(self, generation: int, bases: object) -> None:
        if generation != self._generation or not isinstance(bases, list):
            return
        chosen = self.selected_base_id()
        self.bases = bases
        self.base_combo.blockSignals(True)
        self.base_combo.clear()
        for base in bases:
            self.base_combo.addItem(base.name, base.id)
        self.base_combo.blockSignals(False)
        self.count_label.setText(self.tr("%n base(s)", "", len(bases)))
        self.empty_label.setText(
            self.tr(
                "No base yet. Add the center's bases, their rooms and hours in “{settings}”."
            ).format(settings=self.settings_button.text().rstrip("…"))
        )
        self.empty_label.setVisible(not bases)
        self.parts_scroll.setVisible(bool(bases) and self.tabs.count() > 0)
        self.loading = False
        ids = [base.id for base in bases]
        self.select_base(chosen if chosen in ids else (ids[0] if ids else None))

    # -- choosing ---------------------------------------------------------------------------

    def selected_base_id(self) -> int | None:
        data = self.base_combo.currentData()
        return None if data is None else int(data)

    def select_base(self, base_id: int | None) -> None:
        index = self.base_combo.findData(base_id) if base_id is not None else -1
        self.base_combo.blockSignals(True)
        self.base_combo.setCurrentIndex(index)
        self.base_combo.blockSignals(False)
        self._base_chosen(index)

    def _base_chosen(self, _index: int) -> None:
        base_id = self.selected_base_id()
        base = next((base for base in self.bases if base.id == base_id), None)
        self.base_label.setText(
            ""
            if base is None
            else self.tr("{type} · {address}").format(
                type=base.base_type_label, address=base.address or self.tr("no address")
            )
        )
        self.base_label.setToolTip("" if base is None else base.introduction)
        self.tabs.setEnabled(base_id is not None)
        if base_id is not None:
            for widget in (self.calendar, self.statistics):
                if widget is not None:
                    widget.show_base(base_id)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.selected_base_id() is not None
        self.book_button.setEnabled(chosen)
        self.brochure_action.setEnabled(chosen)
        self.statistics_action.setEnabled(chosen)

    # -- actions ----------------------------------------------------------------------------

    def new_booking(self) -> None:
        base_id = self.selected_base_id()
        if base_id is not None:
            part("booking").open_booking(self, base_id)

    def open_arrivals(self) -> None:
        part("arrivals").open_arrivals(self)

    def _print(self, function: str) -> None:
        base_id = self.selected_base_id()
        if base_id is not None:
            getattr(part("print"), function)(self, base_id)

    def open_settings(self) -> None:
        from dangqun.ui.bases.base_editor import BaseSettingsDialog

        dialog = BaseSettingsDialog(self.context, self.selected_base_id(), self)
        self.active_dialog = dialog
        dialog.finished.connect(self._settings_closed)
        dialog.open()

    def _settings_closed(self, _result: int) -> None:
        self.active_dialog = None
