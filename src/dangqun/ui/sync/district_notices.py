"""区级通知 at the center: the notices the district sent (issue 17), as a tab of 数据同步.

``dangqun sync import FILE`` brings the district's package in (:mod:`dangqun.sync.inbound`);
its notices are kept in the center's audit of district items and read back by
:func:`~dangqun.sync.inbound.district_notices` (查看: every signed-in user, the front desk
included). The tab lists them newest first — date, title, when received — and shows the
selected one's text below.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.sync.inbound import Notice, district_notices
from dangqun.ui.context import UiContext
from dangqun.ui.formatting import moment
from dangqun.ui.operations import run_service


class DistrictNoticesView(QWidget):
    """The district's notices (module docstring); :meth:`refresh` reads them on a worker."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtNotices")
        self.context = context
        self.notices: list[Notice] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.summary = QLabel(self.tr("Reading…"))
        self.summary.setObjectName("noticesSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("noticesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Title"), self.tr("Received")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.text = QPlainTextEdit()
        self.text.setObjectName("noticeText")
        self.text.setReadOnly(True)
        self.text.setPlaceholderText(self.tr("Choose a notice to read it."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        run_service(
            self,
            self.context,
            partial(district_notices, self.context.application.database, self.context.actor),
            on_success=self.show_notices,
            failure_title=self.tr("Cannot read the district's notices"),
        )

    def show_notices(self, notices: list[Notice]) -> None:
        self.notices = notices
        self.summary.setText(
            self.tr("{count} notices from the district, newest first.").format(count=len(notices))
            if notices
            else self.tr(
                "No notice from the district yet. They arrive in the district's packages "
                "(dangqun sync import FILE)."
            )
        )
        self.table.setRowCount(len(notices))
        for row, notice in enumerate(notices):
            for column, text in enumerate(
                (notice.issued_on, notice.title, moment(notice.received_at))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if notices:
            self.table.selectRow(0)
        else:
            self.text.clear()

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.notices):
            self.text.clear()
            return
        notice = self.notices[rows[0].row()]
        self.text.setPlainText(f"{notice.title}\n{notice.issued_on}\n\n{notice.text}")
