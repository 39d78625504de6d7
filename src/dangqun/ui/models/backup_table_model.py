"""The backup files of 系统设置 → 备份与恢复, fed by ``dangqun.core.backup.list_backups``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from dangqun.core.backup import BackupFile

TAKEN_AT, KIND, SIZE, FILE_NAME = range(4)
COLUMN_COUNT = 4
BACKUP_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, BACKUP_ROLE)`` is the row's :class:`BackupFile`."""

_Index = QModelIndex | QPersistentModelIndex


def format_size(size_bytes: int) -> str:
    """``832 KB``, ``12.4 MB``: binary units, as file managers on Windows show them."""
    if size_bytes < 1024:
        return QCoreApplication.translate("BackupTableModel", "{count} bytes").format(
            count=size_bytes
        )
    kilobytes = size_bytes / 1024
    if kilobytes < 1024:
        return f"{kilobytes:.0f} KB"
    megabytes = kilobytes / 1024
    if megabytes < 1024:
        return f"{megabytes:.1f} MB"
    return f"{megabytes / 1024:.1f} GB"


class BackupTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backups: list[BackupFile] = []

    def set_backups(self, backups: list[BackupFile]) -> None:
        self.beginResetModel()
        self._backups = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupFile | None:
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._backups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            TAKEN_AT: self.tr("Time"),
            KIND: self.tr("Type"),
            SIZE: self.tr("Size"),
            FILE_NAME: self.tr("File name"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        backup = self.backup_at(index.row()) if index.isValid() else None
        if backup is None:
            return None
        column = index.column()
        if role == BACKUP_ROLE:
            return backup
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TAKEN_AT:
                return backup.taken_at.strftime("%Y-%m-%d %H:%M:%S")
            if column == KIND:
                return backup.kind_label
            if column == SIZE:
                return format_size(backup.size_bytes)
            if column == FILE_NAME:
                return backup.path.name
        if role == Qt.ItemDataRole.ToolTipRole and column == FILE_NAME:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
