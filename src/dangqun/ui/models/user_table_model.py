"""The user list of 系统设置 → 用户管理, fed by ``dangqun.core.users.list_users``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from dangqun.core.clock import format_local, utc_now
from dangqun.core.users import UserSummary

USERNAME, DISPLAY_NAME, ROLE, STATUS, LAST_LOGIN = range(5)
COLUMN_COUNT = 5
USER_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, USER_ROLE)`` is the row's :class:`UserSummary`."""

_Index = QModelIndex | QPersistentModelIndex


class UserTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[UserSummary] = []
        self._now = utc_now()

    def set_users(self, users: list[UserSummary], now: datetime | None = None) -> None:
        self.beginResetModel()
        self._users = list(users)
        self._now = now or utc_now()
        self.endResetModel()

    def user_at(self, row: int) -> UserSummary | None:
        return self._users[row] if 0 <= row < len(self._users) else None

    def row_of(self, user_id: int) -> int:
        for row, user in enumerate(self._users):
            if user.id == user_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            USERNAME: self.tr("Username"),
            DISPLAY_NAME: self.tr("Full name"),
            ROLE: self.tr("Role"),
            STATUS: self.tr("Status"),
            LAST_LOGIN: self.tr("Last sign-in"),
        }.get(section)

    def is_locked(self, user: UserSummary) -> bool:
        return user.locked_until is not None and user.locked_until > self._now

    def status_text(self, user: UserSummary) -> str:
        if not user.is_active:
            return self.tr("Disabled")
        if self.is_locked(user):
            return self.tr("Locked until {time}").format(time=format_local(user.locked_until))
        return self.tr("Enabled")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        user = self.user_at(index.row()) if index.isValid() else None
        if user is None:
            return None
        column = index.column()
        if role == USER_ROLE:
            return user
        if role == Qt.ItemDataRole.DisplayRole:
            if column == USERNAME:
                return user.username
            if column == DISPLAY_NAME:
                return user.display_name
            if column == ROLE:
                return user.role.label
            if column == STATUS:
                return self.status_text(user)
            if column == LAST_LOGIN:
                return format_local(user.last_login_at, self.tr("Never"))
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            if not user.is_active:
                return QColor("#757575")
            if self.is_locked(user):
                return QColor("#c62828")
        return None
