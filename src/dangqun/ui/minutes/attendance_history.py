"""会议出席 in 党员信息: a member's attendance history and rate (issue 15, "Member view").

:func:`dangqun.minutes.service.member_attendance` read off the GUI thread: one line with the
rate (实到 / 应到, lines left out of 应到 and 列席 not counted, 补课 said apart) and the
meetings newest first — date, type, organization, status, 补课. :func:`add_attendance_tab` puts
it on the member dialog's tabs; the dialog names nothing else of the minutes module.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangqun.minutes.service import MemberAttendance, member_attendance
from dangqun.minutes.vocabulary import (
    ATTENDANCE_STATUS_LABELS,
    MEETING_TYPE_LABELS,
    AttendanceStatus,
    MeetingType,
)
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service


class AttendanceHistory(QWidget):
    def __init__(self, context: UiContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.member_id = member_id
        self.loading = True
        self.attendance: MemberAttendance | None = None
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("attendanceSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Meeting"),
                self.tr("Organization"),
                self.tr("Attendance"),
                self.tr("Make-up"),
            ]
        )
        self.table = QTableView(self)
        self.table.setObjectName("attendanceHistory")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        run_service(
            self,
            context,
            partial(member_attendance, context.application.database, context.actor, member_id),
            on_success=self._loaded,
            on_failure=self._failed,
            failure_title=self.tr("Cannot read the attendance"),
        )

    def is_ready(self) -> bool:
        return not self.loading

    def _failed(self, _error: BaseException) -> None:
        self.loading = False

    def _loaded(self, attendance: MemberAttendance) -> None:
        self.attendance = attendance
        rate = attendance.rate
        if rate is None:
            self.summary_label.setText(self.tr("No meeting with this member recorded yet."))
        else:
            self.summary_label.setText(
                self.tr(
                    "Attendance rate {rate:.0%}: present at {present} of {expected} meetings "
                    "they should attend; {made_up} made up afterwards."
                ).format(
                    rate=rate,
                    present=attendance.present,
                    expected=attendance.should_attend,
                    made_up=attendance.made_up,
                )
            )
        self.model.removeRows(0, self.model.rowCount())
        for record in attendance.records:
            status = ATTENDANCE_STATUS_LABELS[AttendanceStatus(record.status)]
            if record.observer:
                status = self.tr("Observer")
            self.model.appendRow(
                [
                    QStandardItem(f"{record.on_date:%Y-%m-%d}"),
                    QStandardItem(MEETING_TYPE_LABELS[MeetingType(record.meeting_type)]),
                    QStandardItem(record.organization_name),
                    QStandardItem(status),
                    QStandardItem(
                        "" if record.makeup_on is None else f"{record.makeup_on:%Y-%m-%d}"
                    ),
                ]
            )
        self.table.setVisible(bool(attendance.records))
        self.loading = False


def add_attendance_tab(tabs: QTabWidget, context: UiContext, member_id: int) -> AttendanceHistory:
    """Append 会议出席 to a member's tabs."""
    history = AttendanceHistory(context, member_id, tabs)
    tabs.addTab(history, QCoreApplication.translate("AttendanceHistory", "Meeting attendance"))
    return history
