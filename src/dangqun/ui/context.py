"""What every page and dialog is given: the opened application and the signed-in user."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor, Permission

if TYPE_CHECKING:  # the window is built before the ORM is imported (dangqun.opening)
    from dangqun.bootstrap import Application


class AppEvents(QObject):
    """Application-wide notifications, so pages refresh without knowing each other."""

    data_changed = Signal(str)  # an entity type ("member", "user", "settings", "*" after restore)
    backup_taken = Signal()
    font_size_changed = Signal(int)


@dataclass
class UiContext:
    application: Application
    actor: Actor
    ui_state: QSettings  # per-machine state (ini file in the data directory)
    events: AppEvents

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)


def open_ui_state(paths: DataPaths) -> QSettings:
    return QSettings(str(paths.ui_settings), QSettings.Format.IniFormat)
