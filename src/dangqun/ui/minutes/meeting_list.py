"""会议 tab of 会议记录: the center's meetings, newest first, with filters (issue 15).

Filters: organization (with the groups below a branch), type, year and status (草稿 / 已签字锁定),
applied by :func:`dangqun.minutes.service.list_meetings` off the GUI thread; columns 日期, 类型,
组织, 议题, 主持人, 应到/实到, 状态. A double-click or Enter opens the meeting (the page decides
how: :attr:`MeetingList.open_requested`). At most :data:`LIMIT` rows are shown, and the count
line says so when there are more.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.security import Actor
from dangqun.members.organizations import OrganizationNode, organization_tree
from dangqun.minutes.service import MeetingSummary, list_meetings
from dangqun.minutes.vocabulary import (
    MEETING_STATUS_LABELS,
    MEETING_TYPE_LABELS,
    MeetingStatus,
    MeetingType,
)
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.widgets.responsive import FlowLayout

LIMIT = 500
YEARS_OFFERED = 10
MEETING_ID = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Filters:
    organization_id: int | None = None
    meeting_type: MeetingType | None = None
    year: int | None = None
    status: MeetingStatus | None = None


@dataclass(frozen=True)
class MeetingRows:
    organizations: list[OrganizationNode]
    meetings: list[MeetingSummary]


def read_meetings(database: Database, actor: Actor, filters: Filters) -> MeetingRows:
    """The organizations for the chooser and the meetings of the filters, in one worker call
    (one more row than shown, to know whether there are more)."""
    return MeetingRows(
        organization_tree(database),
        list_meetings(
            database,
            actor,
            organization_id=filters.organization_id,
            year=filters.year,
            meeting_type=filters.meeting_type,
            status=filters.status,
            limit=LIMIT + 1,
        ),
    )


def clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def meeting_subject(meeting: MeetingSummary) -> str:
    """The topic, else the meeting's own name, else a dash."""
    return meeting.topic or meeting.title or "—"


class MeetingTable(QTableView):
    """Enter opens the current meeting, as a double-click does."""

    open_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open(self, index: QModelIndex) -> None:
        meeting_id = index.siblingAtColumn(0).data(MEETING_ID)
        if meeting_id is not None:
            self.open_requested.emit(int(meeting_id))


class MeetingList(QWidget):
    open_requested = Signal(int)

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, *, may_create: bool = False
    ) -> None:
        """``may_create``: the page offers "新建会议…", so the empty list may point to it."""
        super().__init__(parent)
        self.context = context
        self.may_create = may_create
        self.loading = False
        self._generation = 0
        self._organizations_shown: list[int] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        filters = QWidget(self)
        filters.setObjectName("meetingFilters")
        flow = FlowLayout(filters)
        self.organization_combo = self._combo("organizationFilter", self.tr("Organization"), flow)
        self.organization_combo.addItem(self.tr("All organizations"), None)
        self.type_combo = self._combo("typeFilter", self.tr("Type"), flow)
        self.type_combo.addItem(self.tr("All types"), None)
        for meeting_type, label in MEETING_TYPE_LABELS.items():
            self.type_combo.addItem(label, meeting_type.value)
        self.year_combo = self._combo("yearFilter", self.tr("Year"), flow)
        self.year_combo.addItem(self.tr("All years"), None)
        this_year = local_today().year
        for year in range(this_year, this_year - YEARS_OFFERED, -1):
            self.year_combo.addItem(str(year), year)
        self.status_combo = self._combo("statusFilter", self.tr("Status"), flow)
        self.status_combo.addItem(self.tr("All"), None)
        for status, label in MEETING_STATUS_LABELS.items():
            self.status_combo.addItem(label, status.value)
        layout.addWidget(filters)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("meetingCount")
        self.count_label.setProperty("role", "muted")
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Type"),
                self.tr("Organization"),
                self.tr("Topic"),
                self.tr("Host"),
                self.tr("Expected / present"),
                self.tr("Status"),
            ]
        )
        self.table = MeetingTable(self)
        self.table.setObjectName("meetingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.table._open)
        self.table.open_requested.connect(self.open_requested)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("meetingsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setVisible(False)
        layout.addWidget(self.empty_label, 1)
        for combo in (self.organization_combo, self.type_combo, self.year_combo, self.status_combo):
            combo.currentIndexChanged.connect(lambda _index: self.refresh())

    def _combo(self, name: str, caption: str, flow: FlowLayout) -> QComboBox:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 8, 0)
        label = QLabel(caption, holder)
        combo = QComboBox(holder)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        flow.addWidget(holder)
        return combo

    def filters(self) -> Filters:
        organization = self.organization_combo.currentData()
        meeting_type = self.type_combo.currentData()
        status = self.status_combo.currentData()
        year = self.year_combo.currentData()
        return Filters(
            None if organization is None else int(organization),
            None if meeting_type is None else MeetingType(meeting_type),
            None if year is None else int(year),
            None if status is None else MeetingStatus(status),
        )

    def is_ready(self) -> bool:
        return not self.loading

    def refresh(self) -> None:
        self.loading = True
        self._generation += 1
        database, actor = self.context.application.database, self.context.actor
        run_service(
            self,
            self.context,
            partial(read_meetings, database, actor, self.filters()),
            on_success=partial(self._loaded, self._generation),
            on_failure=self._failed,
            failure_title=self.tr("Cannot read the meetings"),
        )

    def _failed(self, _error: BaseException) -> None:
        self.loading = False

    def _loaded(self, generation: int, rows: MeetingRows) -> None:
        if generation != self._generation:
            return
        self._show_organizations(rows.organizations)
        shown = rows.meetings[:LIMIT]
        model = self.model
        model.removeRows(0, model.rowCount())
        for meeting in shown:
            items = [
                QStandardItem(f"{meeting.on_date:%Y-%m-%d} {clock_text(meeting.start_minute)}"),
                QStandardItem(MEETING_TYPE_LABELS[MeetingType(meeting.meeting_type)]),
                QStandardItem(meeting.organization_name),
                QStandardItem(meeting_subject(meeting)),
                QStandardItem(meeting.host_name),
                QStandardItem(f"{meeting.should_attend} / {meeting.present}"),
                QStandardItem(MEETING_STATUS_LABELS[MeetingStatus(meeting.status)]),
            ]
            items[0].setData(meeting.id, MEETING_ID)
            items[3].setToolTip(meeting_subject(meeting))
            items[5].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            model.appendRow(items)
        if len(rows.meetings) > LIMIT:
            count = self.tr(
                "The newest %n meeting(s) are shown; narrow the filters for more.", "", LIMIT
            )
        else:
            count = self.tr("%n meeting(s)", "", len(shown))
        self.count_label.setText(count)
        filtered = self.filters() != Filters()
        if filtered:
            empty = self.tr("No meeting matches these filters.")
        elif not self.may_create:
            empty = self.tr("No meeting recorded yet.")
        else:
            empty = self.tr(
                "No meeting recorded yet. Use “New meeting…” to record a branch meeting, a "
                "party lesson or a theme party day."
            )
        self.empty_label.setText(empty)
        self.table.setVisible(bool(shown))
        self.count_label.setVisible(bool(shown))
        self.empty_label.setVisible(not shown)
        self.loading = False

    def _show_organizations(self, organizations: list[OrganizationNode]) -> None:
        ids = [node.id for node in organizations]
        if ids == self._organizations_shown:
            return
        self._organizations_shown = ids
        combo = self.organization_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for node in organizations:
            combo.addItem("　" * node.depth + node.name, node.id)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
