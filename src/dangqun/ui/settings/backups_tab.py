"""系统设置 → 备份与恢复 (``BACKUP``; restoring needs ``RESTORE``).

Backups and restores run off the GUI thread behind a wait dialog the user cannot dismiss
(neither is safe to stop half-way). A backup announces ``BACKUP``; a restore announces
everything (every page reads again) and then asks the shell to return to the sign-in screen:
the signed-in account may not even exist in the restored data.

Another center's backup is refused by the service (issue 10: one replaced a center's identity
silently); the tab then asks a second, explicit question naming both centers and only then
restores with ``allow_other_center``. The task's outcome reaches the tab through bound methods,
never closures: closures connected to signals of short-lived objects corrupted the heap in CI.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QHeaderView, QWidget

from dangqun.bootstrap import backup_now, restore_from_file
from dangqun.core.backup import BackupFile, list_backups
from dangqun.core.changes import BACKUP, Changes
from dangqun.core.errors import DangqunError, OtherCenterBackup
from dangqun.core.security import Permission
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_settings_backups_tab import Ui_BackupsTab
from dangqun.ui.models import backup_table_model
from dangqun.ui.models.backup_table_model import BackupTableModel, format_size
from dangqun.ui.settings.tab_kit import StatusNote, open_folder, tab_icon
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.background_task import BackgroundTask


class BackupsTab(QWidget):
    restore_completed = Signal()
    """The database was replaced from a backup: the shell must log out to the sign-in screen."""
    backup_completed = Signal(str)
    """A manual backup finished; the argument is the new file's path."""
    busy_changed = Signal(bool)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_BackupsTab()
        self.ui.setupUi(self)
        self._task: BackgroundTask | None = None
        self._task_title = ""
        self._on_task_success: Callable[[Any], None] | None = None
        self._restoring: tuple[Path, str] | None = None
        """The file and description of the restore under way (for the other-center question)."""
        self.may_back_up = context.can(Permission.BACKUP)
        self.may_restore = context.can(Permission.RESTORE)
        ui = self.ui
        self.backup_model = BackupTableModel(self)
        ui.backupsView.setModel(self.backup_model)
        ui.backupsView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in (
            (backup_table_model.TAKEN_AT, 190),
            (backup_table_model.KIND, 130),
            (backup_table_model.SIZE, 110),
        ):
            ui.backupsView.setColumnWidth(column, width)
        self.status = StatusNote(ui.backupStatusLabel)
        ui.backupFolderEdit.setText(str(context.application.paths.backups))
        ui.backupFolderEdit.setCursorPosition(0)
        ui.openBackupFolderButton.setIcon(tab_icon("folder"))
        ui.openBackupFolderButton.clicked.connect(
            lambda: open_folder(self, self.context.application.paths.backups)
        )
        ui.backupNowButton.setIcon(tab_icon("backup", on_accent=True))
        ui.restoreSelectedButton.setIcon(tab_icon("restore"))
        ui.restoreFromFileButton.setIcon(tab_icon("file_import"))
        ui.backupNowButton.setVisible(self.may_back_up)
        ui.restoreSelectedButton.setVisible(self.may_restore)
        ui.restoreFromFileButton.setVisible(self.may_restore)
        ui.backupNowButton.clicked.connect(self.start_backup)
        ui.restoreSelectedButton.clicked.connect(self.restore_selected_backup)
        ui.restoreFromFileButton.clicked.connect(self.restore_from_chosen_file)
        ui.backupsView.selectionModel().selectionChanged.connect(self._update_buttons)
        # Also a backup taken from the main window's menu, or the automatic one at sign-in.
        context.events.subscribe(self, (BACKUP,), lambda _changes: self.refresh_backups())
        self.refresh_backups()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._task is None:
            self.refresh_backups()

    def refresh_backups(self, select_path: Path | None = None) -> None:
        """List the backup folder (files only: quick, and no database is read)."""
        ui = self.ui
        if select_path is None:
            selected = self.selected_backup()
            select_path = selected.path if selected is not None else None
        backups = list_backups(self.context.application.paths.backups)
        self.backup_model.set_backups(backups)
        ui.backupsStack.setCurrentWidget(ui.backupsView if backups else ui.backupsEmptyLabel)
        if select_path is not None:
            for row, backup in enumerate(backups):
                if backup.path == select_path:
                    ui.backupsView.selectRow(row)
                    break
        self._update_buttons()

    def selected_backup(self) -> BackupFile | None:
        rows = self.ui.backupsView.selectionModel().selectedRows()
        return self.backup_model.backup_at(rows[0].row()) if rows else None

    @property
    def is_busy(self) -> bool:
        return self._task is not None

    def _update_buttons(self) -> None:
        ui = self.ui
        idle = self._task is None
        ui.backupNowButton.setEnabled(idle)
        ui.restoreSelectedButton.setEnabled(idle and self.selected_backup() is not None)
        ui.restoreFromFileButton.setEnabled(idle)

    def _run(
        self, function: Callable[[], Any], title: str, label: str, on_success: Callable[[Any], None]
    ) -> None:
        task = BackgroundTask(self, function, title, label)
        self._task = task
        self._task_title = title
        self._on_task_success = on_success
        task.succeeded.connect(self._task_succeeded)
        task.failed.connect(self._task_failed)
        self._set_busy(True)
        task.start()

    def _task_succeeded(self, result: object) -> None:
        on_success = self._on_task_success
        self._task_finished()  # idle again before the result is handled, so a refresh may read
        if on_success is not None:
            on_success(result)

    def _task_failed(self, error: BaseException) -> None:
        self._task_finished()
        if isinstance(error, OtherCenterBackup) and self._restoring is not None:
            self._confirm_other_center(error)
        elif isinstance(error, DangqunError):
            message_boxes.show_error(self, self._task_title, error.message)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _task_finished(self) -> None:
        task, self._task = self._task, None
        self._on_task_success = None
        if task is not None:
            task.deleteLater()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self._update_buttons()
        self.busy_changed.emit(busy)

    def start_backup(self) -> None:
        if self._task is not None or not self.may_back_up:
            return
        application, actor = self.context.application, self.context.actor
        self._run(
            partial(backup_now, application, actor),
            self.tr("Back up now"),
            self.tr("Backing up the database. Please wait…"),
            self._backup_finished,
        )

    def _backup_finished(self, backup: BackupFile) -> None:
        self.refresh_backups(select_path=backup.path)
        self.status.show(
            self.tr("Backed up to {file} ({size}).").format(
                file=backup.path.name, size=format_size(backup.size_bytes)
            )
        )
        self.context.events.announce(Changes.of(BACKUP))
        self.backup_completed.emit(str(backup.path))

    def restore_selected_backup(self) -> None:
        backup = self.selected_backup()
        if backup is not None:
            self.restore(
                backup.path,
                self.tr("{time} ({kind})").format(
                    time=backup.taken_at.strftime("%Y-%m-%d %H:%M:%S"), kind=backup.kind_label
                ),
            )

    def restore_from_chosen_file(self) -> None:
        path, _selected_filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup file"),
            str(self.context.application.paths.backups),
            self.tr("dangqun backups (*.sqlite3);;All files (*)"),
        )
        if path:
            self.restore(Path(path), Path(path).name)

    def restore(self, path: Path, description: str) -> None:
        """Confirm, then replace the database with ``path`` off the GUI thread."""
        if self._task is not None or not self.may_restore:
            return
        if not message_boxes.confirm(
            self,
            self.tr("Restore from backup"),
            self.tr("Replace ALL current data with the backup “{backup}”?").format(
                backup=description
            ),
            self.tr("Restore"),
            self.tr(
                "Before restoring, the program first backs up the current data (type "
                "“before restore”), so this step can be undone by restoring that backup.\n\n"
                "Everything entered after the chosen backup was taken will no longer be shown.\n\n"
                "When the restore is finished the program returns to the sign-in screen; "
                "please sign in again."
            ),
        ):
            return
        self._start_restore(path, description, allow_other_center=False)

    def _start_restore(self, path: Path, description: str, allow_other_center: bool) -> None:
        application, actor = self.context.application, self.context.actor
        self._restoring = (path, description)
        self._run(
            partial(restore_from_file, application, actor, path, allow_other_center),
            self.tr("Restore from backup"),
            self.tr("Restoring the data. Please wait and do not turn off the computer…"),
            self._restore_finished,
        )

    def _confirm_other_center(self, refusal: OtherCenterBackup) -> None:
        """The second, explicit question before another center's data replaces this one's."""
        assert self._restoring is not None
        path, description = self._restoring
        self._restoring = None
        if message_boxes.confirm(
            self,
            self.tr("Restore another center's backup"),
            self.tr(
                "The backup “{backup}” belongs to another center: {other}.\n\n"
                "This center is {this}."
            ).format(backup=description, other=refusal.backup_center, this=refusal.this_center),
            self.tr("Replace with the other center"),
            self.tr(
                "Restoring it replaces ALL data of this center, including its name, division "
                "code and identity, with the other center's. Only do this when this computer "
                "is to take over that center."
            ),
        ):
            self._start_restore(path, description, allow_other_center=True)

    def _restore_finished(self, safety: BackupFile) -> None:
        self._restoring = None
        self.context.events.announce(Changes.all())
        message_boxes.show_info(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "The data has been restored. The data as it was before the restore is kept in "
                "the backup {file}.\n\nThe program now returns to the sign-in screen."
            ).format(file=safety.path.name),
        )
        self.restore_completed.emit()
