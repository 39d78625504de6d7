"""下发: a package back to one center (issue 17), signed by the district's key.

The clerk chooses the center, the content file the district keeps (bases and their menus,
service categories, notices — :mod:`dangqun.district.outbound` documents it; optional, since
members transferred to the center travel without it) and the folder to write into (a USB
stick), then sends; :func:`~dangqun.district.outbound.send_package` checks the content, writes
the ``.dqdist`` file and records it (编辑记录). The page shows the file and what it carries; the
center imports it with ``dangqun sync import FILE``.

Below the form, 已下发的数据包: every package the district sent, newest first
(:func:`~dangqun.district.outbound.sent_packages`, 查看), so the clerk can answer "did we already
send 翠湖社区 the new menu? which number? when?" without the command line. The table lists all
centers (the question is often about any of them); "Only the chosen center" narrows it to the
center chosen in the form. It is read again with the centers on every refresh and right after a
send, the new package on top and selected.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
)

from dangqun.core.clock import format_local
from dangqun.core.security import Actor, Permission
from dangqun.ui.district.pages import DistrictPage, item_of, table_of
from dangqun.ui.district.window import DistrictContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from dangqun.district.database import DistrictDatabase
    from dangqun.district.outbound import SentPackage, SentRecord
    from dangqun.district.status import CenterStatus


@dataclass(frozen=True)
class SendView:
    """What the page reads in one call: the centers for the form and the packages sent."""

    centers: list[CenterStatus]
    sent: list[SentRecord]


def send_view(db: DistrictDatabase, actor: Actor) -> SendView:
    from dangqun.district import outbound, service

    return SendView(service.status(db), outbound.sent_packages(db, actor=actor))


class DistrictSendPage(DistrictPage):
    """下发 (module docstring)."""

    def __init__(self, context: DistrictContext) -> None:
        super().__init__(context)
        self.may_send = context.can(Permission.EDIT_RECORDS)
        self.set_heading(
            self.tr("Send"),
            self.tr(
                "Make a package for one center, signed with the district's key: the shared "
                "bases, menus, service categories and notices of the content file, and the "
                "members another center transferred to it. The center imports it with dangqun "
                "sync import."
            ),
        )
        form = QFormLayout()
        self.center = QComboBox()
        self.center.setMinimumContentsLength(16)
        form.addRow(self.tr("Center"), self.center)
        self.content = QLineEdit()
        self.content.setPlaceholderText(self.tr("Optional: the district's content file (.json)"))
        self.content.setClearButtonEnabled(True)
        form.addRow(self.tr("Content file"), self._with_browse(self.content, self.choose_content))
        self.out = QLineEdit()
        self.out.setPlaceholderText(
            self.tr("The folder to write the package into, e.g. a USB stick")
        )
        form.addRow(self.tr("Save in"), self._with_browse(self.out, self.choose_folder))
        self.layout_.addLayout(form)
        self.error_label = QLabel()
        self.errors = FieldErrors({}, self.error_label)
        self.layout_.addWidget(self.error_label)
        row = QHBoxLayout()
        self.send_button = QPushButton(icon("export", "#FFFFFF", None), self.tr("Make the package"))
        self.send_button.setProperty("role", "primary")
        self.send_button.clicked.connect(self.send)
        self.send_button.setVisible(self.may_send)
        row.addWidget(self.send_button)
        if not self.may_send:
            note = QLabel(self.tr("Sending packages is for staff and administrators."))
            note.setProperty("role", "muted")
            row.addWidget(note)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.result = QPlainTextEdit()
        self.result.setReadOnly(True)
        self.result.setPlaceholderText(self.tr("The package made appears here."))
        self.result.ensurePolished()  # the theme's border and padding count in its margins
        margins = self.result.contentsMargins()
        lines = self.result.fontMetrics().lineSpacing()
        frame = margins.top() + margins.bottom() + 2 * int(self.result.document().documentMargin())
        self.result.setMinimumHeight(3 * lines + frame)
        self.result.setMaximumHeight(5 * lines + frame)  # the five lines of show_sent
        self.layout_.addWidget(self.result)
        self._build_history()
        self.sent: SentPackage | None = None
        self.history: list[SentRecord] = []
        self.refresh()

    def _build_history(self) -> None:
        """已下发的数据包 (module docstring)."""
        row = QHBoxLayout()
        caption = QLabel(self.tr("Packages sent"))
        caption.setProperty("role", "sectionTitle")
        row.addWidget(caption)
        self.only_chosen = QCheckBox(self.tr("Only the chosen center"))
        self.only_chosen.toggled.connect(self._filter_history)
        self.center.currentIndexChanged.connect(self._filter_history)
        row.addWidget(self.only_chosen)
        row.addStretch(1)
        refresh = QPushButton(icon("refresh"), self.tr("Refresh"))
        refresh.clicked.connect(lambda: self.refresh())  # not clicked's checked flag
        row.addWidget(refresh)
        self.layout_.addLayout(row)
        self.history_empty = QLabel()
        self.history_empty.setWordWrap(True)
        self.history_empty.setProperty("role", "muted")
        self.layout_.addWidget(self.history_empty)
        self.history_table = table_of(
            (
                self.tr("Made at"),
                self.tr("Center"),
                self.tr("No."),
                self.tr("Carries"),
                self.tr("File"),
            )
        )
        # The table takes the room left under the form (at least a few rows) rather than
        # asking for its default height, so the page fits 1024×768 with a package shown.
        table = self.history_table
        table.setWordWrap(False)  # a file name breaks at its hyphens otherwise
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # … and keeps its number
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        table.setMinimumHeight(
            table.horizontalHeader().sizeHint().height()
            + 3 * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        self.layout_.addWidget(table, 1)

    def _with_browse(self, edit: QLineEdit, choose: object) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        button = QPushButton(icon("folder"), self.tr("Browse…"))
        button.clicked.connect(choose)
        row.addWidget(button)
        return row

    def refresh(self, select_newest: bool = False) -> None:
        """Read the centers and the packages sent again; ``select_newest`` right after a send."""
        run_service(
            self,
            self.context,
            partial(send_view, self.context.db, self.context.actor),
            on_success=partial(self._show, select_newest=select_newest),
        )

    def _show(self, view: SendView, select_newest: bool = False) -> None:
        self._show_centers(view.centers)
        self._show_history(view.sent)
        if select_newest and view.sent:
            self.history_table.selectRow(0)
            self.history_table.scrollToTop()

    def _show_centers(self, centers: list[CenterStatus]) -> None:
        chosen = self.center.currentData()
        self.center.blockSignals(True)
        self.center.clear()
        for center in centers:
            self.center.addItem(
                self.tr("{name} ({code})").format(name=center.name, code=center.division_code),
                center.uuid,
            )
        index = self.center.findData(chosen)
        if index >= 0:
            self.center.setCurrentIndex(index)
        self.center.blockSignals(False)
        self.send_button.setEnabled(bool(centers))

    def _show_history(self, records: list[SentRecord]) -> None:
        self.history = records
        table = self.history_table
        table.clearSelection()
        table.setRowCount(len(records))
        for row, record in enumerate(records):
            values = (
                format_local(record.created_at),
                record.center_name,
                self.tr("No. {seq}").format(seq=record.seq),
                record.carried(),
                record.file_name,
            )
            tip = "\n".join(
                (record.file_name, self.tr("SHA-256: {sha256}").format(sha256=record.sha256))
            )
            for column, value in enumerate(values):
                item = item_of(value, align_right=column == 2)
                item.setToolTip(tip)
                table.setItem(row, column, item)
        self._filter_history()

    def _filter_history(self) -> None:
        """Hide other centers' rows when "Only the chosen center" is ticked; say when none
        is left to show."""
        chosen = self.center.currentData()
        only = self.only_chosen.isChecked()
        shown = 0
        for row, record in enumerate(self.history):
            hidden = only and record.center_uuid != chosen
            self.history_table.setRowHidden(row, hidden)
            shown += not hidden
        if not self.history:
            empty = self.tr("No package has been sent to any center yet.")
        elif not shown:
            empty = self.tr("No package has been sent to {center} yet.").format(
                center=self.center.currentText()
            )
        else:
            empty = ""
        self.history_empty.setText(empty)
        self.history_empty.setVisible(bool(empty))

    def choose_content(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the content file"), "", self.tr("Content files (*.json)")
        )
        if name:
            self.content.setText(name)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the package in"))
        if folder:
            self.out.setText(folder)

    def send(self) -> None:
        from dangqun.district import outbound

        self.errors.clear()
        center = self.center.currentData()
        if center is None:
            return
        out = self.out.text().strip()
        if not out:  # Path("") would be the working folder
            self.errors.show_general(self.tr("Save in: choose the folder to write into."))
            return
        content = self.content.text().strip()
        self.send_button.setEnabled(False)
        run_service(
            self,
            self.context,
            partial(
                outbound.send_package,
                self.context.db,
                self.context.actor,
                str(center),
                Path(out),
                content_file=Path(content) if content else None,
            ),
            on_success=self.show_sent,
            on_failure=lambda _error: self.send_button.setEnabled(True),
            field_errors=self.errors,
            failure_title=self.tr("Cannot make the package"),
        )

    def show_sent(self, sent: SentPackage) -> None:
        from dangqun.sync.inbound import LABELS, ORDER

        self.sent = sent
        self.refresh(select_newest=True)
        self.send_button.setEnabled(True)
        carried = self.tr(", ").join(
            f"{LABELS[name]} {sent.counts[name]}" for name in ORDER if sent.counts.get(name)
        )
        self.result.setPlainText(
            "\n".join(
                (
                    self.tr("Package no. {seq} for {center} is made:").format(
                        seq=sent.seq, center=sent.center_name
                    ),
                    str(sent.path),
                    self.tr("It carries: {carried}").format(carried=carried),
                    self.tr("SHA-256: {sha256}").format(sha256=sent.sha256),
                    self.tr(
                        "Hand it to the center; there it is imported with: dangqun sync import FILE"
                    ),
                )
            )
        )
