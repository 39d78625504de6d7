"""生成上报数据包: choose a folder (the USB stick), incremental or full, then watch it being made.

Issue 16: the export runs on a worker thread with a progress bar and a Cancel that stops it —
the package is written as a hidden ``.partial`` file and removed when stopped
(:func:`dangqun.sync.package.write_package`), and nothing is recorded, so a cancelled export
leaves no trace but the log line. The result names the file, the rows per table and the change
counter range. Without an installed district key the package travels in clear: the dialog says
so all along and asks once more before it starts.

The call runs through :func:`dangqun.ui.threads.run_in_background` rather than
:func:`dangqun.ui.operations.run_service` only because a Cancel is not an error to show in a
message box; refusals are shown the same way (:func:`~dangqun.ui.operations.show_service_error`)
and the change is announced the same way.
"""

from __future__ import annotations

import sys
import threading
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.db import Database
from dangqun.core.errors import DangqunError, FieldError
from dangqun.core.security import Actor
from dangqun.sync.changes import SYNC
from dangqun.sync.export import ExportResult, export_package
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import show_service_error
from dangqun.ui.sync.overview import counter_range, file_size
from dangqun.ui.threads import BackgroundCall, ProgressCallback, run_in_background
from dangqun.ui.widgets import file_dialogs, message_boxes
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.window_fit import fit_to_layout

FOLDER_PURPOSE = "sync"
"""ui-state key of the folder last written to (the USB stick is offered again)."""


class ExportCancelled(DangqunError):
    """The clerk pressed Cancel; the partial file was removed and nothing was recorded."""


def choose_folder(parent: QWidget, title: str, directory: str) -> Path | None:
    """The native folder chooser (tests replace it: a modal dialog would block them)."""
    chosen = QFileDialog.getExistingDirectory(parent, title, directory)
    return Path(chosen) if chosen else None


def run_export(
    database: Database,
    database_path: Path,
    keys_directory: Path,
    actor: Actor,
    folder: Path,
    full: bool,
    cancel: threading.Event,
    report: ProgressCallback,
) -> ExportResult:
    """The export on the worker thread; ``cancel`` is checked at each progress report."""

    def progress(done: int, total: int) -> None:
        if cancel.is_set():
            raise ExportCancelled("已取消生成数据包，没有留下文件。")
        report(done, total)

    return export_package(
        database, database_path, keys_directory, actor, folder, full=full, progress=progress
    )


class ExportDialog(QDialog):
    """One export: options, then progress, then the result; it stays open to be read."""

    def __init__(
        self, context: UiContext, district_name: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.district_name = district_name
        self.outcome: ExportResult | None = None
        self.cancel_event = threading.Event()
        self._call: BackgroundCall | None = None
        self.setObjectName("syncExportDialog")
        self.setWindowTitle(self.tr("Make a package for the district"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(
            self.tr(
                "The package holds this center's records for the district, signed with this "
                "center's key. Save it on a USB stick and hand it to the district organization "
                "department."
            )
        )
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        self.key_label = QLabel()
        self.key_label.setObjectName("keyLabel")
        self.key_label.setWordWrap(True)
        if district_name is None:
            self.key_label.setText(
                self.tr(
                    "No district key is installed: the package will not be encrypted, and "
                    "anyone who finds the USB stick can read the personal data in it."
                )
            )
            self.key_label.setProperty("role", "warning")
        else:
            self.key_label.setText(
                self.tr("Encrypted for {district}: only the district can read it.").format(
                    district=district_name
                )
            )
            self.key_label.setProperty("role", "muted")
        layout.addWidget(self.key_label)

        form = QFormLayout()
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(file_dialogs.last_directory(context.ui_state, FOLDER_PURPOSE))
        self.folder_edit.setObjectName("folderEdit")
        folder_row.addWidget(self.folder_edit, 1)
        self.browse_button = QPushButton(icon("usb"), self.tr("Choose…"))
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(self.browse)
        folder_row.addWidget(self.browse_button)
        folder_box = QVBoxLayout()
        folder_box.addLayout(folder_row)
        self.folder_error = QLabel()
        folder_box.addWidget(self.folder_error)
        form.addRow(self.tr("Save in:"), folder_box)
        self.incremental_radio = QRadioButton(self.tr("Changes only (incremental)"))
        self.incremental_radio.setObjectName("incrementalRadio")
        self.incremental_radio.setChecked(True)
        self.full_radio = QRadioButton(self.tr("Everything (full)"))
        self.full_radio.setObjectName("fullRadio")
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.incremental_radio)
        self.kind_group.addButton(self.full_radio)
        kind_box = QVBoxLayout()
        kind_box.addWidget(self.incremental_radio)
        kind_box.addWidget(self.full_radio)
        self.kind_hint = QLabel(
            self.tr(
                "Changes only: whatever the district has not confirmed yet, so a lost USB "
                "stick loses nothing. Everything: the whole register, when the district asks "
                "for it. The first package is always a full one."
            )
        )
        self.kind_hint.setWordWrap(True)
        self.kind_hint.setProperty("role", "muted")
        kind_box.addWidget(self.kind_hint)
        form.addRow(self.tr("Contents:"), kind_box)
        layout.addLayout(form)

        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setVisible(False)
        layout.addWidget(self.progress_bar)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setVisible(False)
        layout.addWidget(self.status_label)
        self.tables_view = QTableWidget(0, 2)
        self.tables_view.setObjectName("tablesView")
        self.tables_view.setHorizontalHeaderLabels([self.tr("Table"), self.tr("Rows")])
        self.tables_view.verticalHeader().setVisible(False)
        self.tables_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tables_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.tables_view.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tables_view.setMinimumHeight(140)
        self.tables_view.setVisible(False)
        layout.addWidget(self.tables_view, 1)
        self.general_error = QLabel()
        layout.addWidget(self.general_error)
        self.errors = FieldErrors(
            {"out": self.folder_error}, self.general_error, {"out": self.folder_edit}
        )

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(
            self.tr("Make the package"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("startButton")
        self.start_button.setProperty("role", "primary")
        self.start_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)

    @property
    def running(self) -> bool:
        return self._call is not None

    def browse(self) -> None:
        chosen = choose_folder(self, self.tr("Save the package in"), self.folder_edit.text())
        if chosen is not None:
            self.folder_edit.setText(str(chosen))

    def start(self) -> None:
        """Ask once more without a district key, then export on the thread pool."""
        if self.running or self.outcome is not None:
            return
        self.errors.clear()
        text = self.folder_edit.text().strip()
        if not text:
            self.errors.show(
                [FieldError("out", self.tr("Choose the folder to save the package in."))]
            )
            return
        if self.district_name is None and not message_boxes.confirm(
            self,
            self.tr("Send the package unencrypted?"),
            self.tr(
                "No district key is installed, so the package cannot be encrypted: the "
                "personal data in it will be readable by anyone who gets the file."
            ),
            self.tr("Make it unencrypted"),
            self.tr(
                "To encrypt it, cancel and ask an administrator to install the district's "
                "key file first (数据同步 → 安装区级公钥…)."
            ),
        ):
            return
        folder = Path(text)
        application = self.context.application
        self.cancel_event.clear()
        self._set_running(True)
        self._call = run_in_background(
            self,
            partial(
                run_export,
                application.database,
                application.paths.database,
                application.paths.keys,
                self.context.actor,
                folder,
                self.full_radio.isChecked(),
                self.cancel_event,
            ),
            on_success=self._finished,
            on_failure=self._failed,
            on_progress=self._progressed,
        )

    def reject(self) -> None:
        """Cancel stops a running export (the worker stops at its next report); otherwise it
        closes."""
        if self.running:
            self.cancel_event.set()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Stopping…"))
            return
        super().reject()

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.folder_edit,
            self.browse_button,
            self.incremental_radio,
            self.full_radio,
            self.start_button,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        if running:
            self.progress_bar.setRange(0, 0)
            self.progress_bar.setVisible(True)
            self.status_label.setText(self.tr("Making the package…"))
            self.status_label.setVisible(True)

    def _progressed(self, done: int, total: int) -> None:
        if total > 0 and not self.cancel_event.is_set():
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
            self.status_label.setText(
                self.tr("Written {done} of {total} records…").format(
                    done=f"{done:,}", total=f"{total:,}"
                )
            )

    def _finished(self, result: object) -> None:
        self._call = None
        assert isinstance(result, ExportResult)
        self.outcome = result
        file_dialogs.remember_directory(self.context.ui_state, FOLDER_PURPOSE, result.path)
        self.context.events.announce(Changes.of(SYNC))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.status_label.setText(self.describe(result))
        self.tables_view.setRowCount(len(result.tables))
        for row, (table, rows) in enumerate(sorted(result.tables.items())):
            self.tables_view.setItem(row, 0, QTableWidgetItem(table))
            count = QTableWidgetItem(f"{rows:,}")
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tables_view.setItem(row, 1, count)
        self.tables_view.setVisible(bool(result.tables))
        self.start_button.setVisible(False)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setEnabled(True)
        fit_to_layout(self)

    def describe(self, result: ExportResult) -> str:
        lines = [
            self.tr("Saved as {file} in {folder}").format(
                file=result.path.name, folder=result.path.parent
            ),
            self.tr("Package no. {seq} · {kind} · {encrypted} · {size} · changes {range}").format(
                seq=result.seq,
                kind=self.tr("full") if result.full else self.tr("incremental"),
                encrypted=self.tr("encrypted") if result.encrypted else self.tr("not encrypted"),
                size=file_size(result.size),
                range=counter_range(result.counter_from, result.counter_to),
            ),
            self.tr("{rows} records and {tombstones} deletions.").format(
                rows=f"{result.rows:,}", tombstones=f"{result.tombstones:,}"
            ),
        ]
        lines.extend(result.warnings)
        return "\n".join(lines)

    def _failed(self, error: BaseException) -> None:
        self._call = None
        self._set_running(False)
        self.progress_bar.setVisible(False)
        if isinstance(error, ExportCancelled):
            self.status_label.setText(error.message)
            fit_to_layout(self)
            return
        self.status_label.setVisible(False)
        if isinstance(error, DangqunError):
            show_service_error(self, error, self.errors, self.windowTitle())
            return
        sys.excepthook(type(error), error, error.__traceback__)
