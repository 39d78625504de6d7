"""会议记录: the meetings of the center, full-text 线上调阅 and the 合规 calendar (issue 15).

Three tabs over the whole width: 会议 (:mod:`dangqun.ui.minutes.meeting_list`: filters by
organization, type, year and status; newest first), 线上调阅 (:mod:`dangqun.ui.minutes.
search_panel`: answers while typing, hits marked) and 合规 (:mod:`dangqun.ui.minutes.
compliance_panel`: a branch's year, months × meeting types, overdue cells red, Excel export).
"新建会议…" and opening a meeting from the list or a search hit go to the meeting editor
(:data:`EDITOR_MODULE`, ``open_meeting_editor(parent, context, meeting_id | None)``); while it is
not installed the button is not there and rows do not open — no placeholder claims a feature
that does not work (issue 11).

Roles (DOMAIN.md §3): everyone who may sign in reads; "新建会议…" needs ``EDIT_RECORDS`` (the
service checks again). The page listens to :data:`~dangqun.minutes.changes.MEETING` and to
organization changes, and reloads the tab in view when it is shown.
"""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.security import Permission
from dangqun.members.changes import ORGANIZATION
from dangqun.minutes.changes import MEETING
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.minutes.compliance_panel import CompliancePanel
from dangqun.ui.minutes.meeting_list import MeetingList
from dangqun.ui.minutes.search_panel import SearchPanel

EDITOR_MODULE = "dangqun.ui.minutes.meeting_editor"


def editor_available() -> bool:
    try:
        return importlib.util.find_spec(EDITOR_MODULE) is not None
    except (ImportError, ValueError):
        return False


class MinutesPage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("minutesPage")
        self._stale: set[QWidget] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.title_label = QLabel(self.tr("Meeting minutes"))
        self.title_label.setObjectName("titleLabel")
        self.title_label.setProperty("role", "pageTitle")
        row.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        self.new_button = QPushButton(self.tr("New meeting…"))
        self.new_button.setObjectName("newMeetingButton")
        self.new_button.setProperty("role", "primary")
        self.new_button.setIcon(icon("minutes", "#FFFFFF", None))
        self.new_button.clicked.connect(lambda: self.open_meeting(None))
        may_create = context.can(Permission.EDIT_RECORDS) and editor_available()
        self.new_button.setVisible(may_create)
        row.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("minutesTabs")
        self.tabs.setDocumentMode(True)
        self.meetings = MeetingList(context, self, may_create=may_create)
        self.search = SearchPanel(context, self)
        self.compliance = CompliancePanel(context, self)
        self.tabs.addTab(self.meetings, icon("minutes"), self.tr("Meetings"))
        self.tabs.addTab(self.search, icon("search"), self.tr("Search the minutes"))
        self.tabs.addTab(self.compliance, icon("calendar_month"), self.tr("Compliance"))
        self.tabs.currentChanged.connect(lambda _index: self._refresh_current())
        layout.addWidget(self.tabs, 1)
        for panel in (self.meetings, self.search):
            panel.open_requested.connect(self.open_meeting)
        self._stale = {self.meetings, self.compliance}
        context.events.subscribe(self, (MEETING, ORGANIZATION), self._on_changes)

    def show_tab(self, key: str) -> None:
        """``meetings``, ``search`` or ``compliance`` (for screenshots and the home cards)."""
        panel = {"meetings": self.meetings, "search": self.search, "compliance": self.compliance}
        self.tabs.setCurrentWidget(panel[key])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_current()

    def _on_changes(self, _changes: Changes) -> None:
        self._stale = {self.meetings, self.compliance, self.search}
        if self.isVisible():
            self._refresh_current()

    def _refresh_current(self) -> None:
        current = self.tabs.currentWidget()
        if current not in self._stale:
            return
        self._stale.discard(current)
        if current is self.search:
            if self.search.query_edit.text().strip():
                self.search.search()
        elif current is self.meetings:
            self.meetings.refresh()
        elif current is self.compliance:
            self.compliance.refresh()

    def is_ready(self) -> bool:
        return all(panel.is_ready() for panel in (self.meetings, self.search, self.compliance))

    def open_meeting(self, meeting_id: int | None) -> None:
        """The meeting editor on ``meeting_id`` (None: a new meeting), when it is installed."""
        if editor_available():
            editor = importlib.import_module(EDITOR_MODULE)
            editor.open_meeting_editor(self, self.context, meeting_id)
