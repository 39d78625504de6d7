"""下发: a package back to one center (issue 17), signed by the district's key.

The clerk chooses the center, the content file the district keeps (bases and their menus,
service categories, notices — :mod:`dangqun.district.outbound` documents it; optional, since
members transferred to the center travel without it) and the folder to write into (a USB
stick), then sends; :func:`~dangqun.district.outbound.send_package` checks the content, writes
the ``.dqdist`` file and records it (编辑记录). The page shows the file and what it carries; the
center imports it with ``dangqun sync import FILE``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from dangqun.core.security import Permission
from dangqun.ui.district.pages import DistrictPage
from dangqun.ui.district.window import DistrictContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from dangqun.district.outbound import SentPackage
    from dangqun.district.status import CenterStatus


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
        self.layout_.addWidget(self.result, 1)
        self.sent: SentPackage | None = None
        self.refresh()

    def _with_browse(self, edit: QLineEdit, choose: object) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        button = QPushButton(icon("folder"), self.tr("Browse…"))
        button.clicked.connect(choose)
        row.addWidget(button)
        return row

    def refresh(self) -> None:
        from dangqun.district import service

        run_service(self, self.context, partial(service.status, self.context.db),
                    on_success=self._show_centers)  # fmt: skip

    def _show_centers(self, centers: list[CenterStatus]) -> None:
        chosen = self.center.currentData()
        self.center.clear()
        for center in centers:
            self.center.addItem(
                self.tr("{name} ({code})").format(name=center.name, code=center.division_code),
                center.uuid,
            )
        index = self.center.findData(chosen)
        if index >= 0:
            self.center.setCurrentIndex(index)
        self.send_button.setEnabled(bool(centers))

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
