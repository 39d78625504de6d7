"""What every page and dialog is given: the opened application and the signed-in user."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from dangqun.core.changes import Changes, Entity
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor, Permission

if TYPE_CHECKING:  # the window is built before the ORM is imported (dangqun.opening)
    from dangqun.bootstrap import Application


class AppEvents(QObject):
    """Application-wide notifications, so pages refresh without knowing each other.

    ``changed`` carries a :class:`~dangqun.core.changes.Changes`: what one user action changed.
    Writes announce it through :func:`dangqun.ui.operations.run_service` (or :meth:`announce`);
    pages listen with :meth:`subscribe` to the kinds of entities they show.
    """

    changed = Signal(object)
    font_size_changed = Signal(int)

    def announce(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)

    def subscribe(
        self, receiver: QObject, entities: Iterable[Entity], callback: Callable[[Changes], None]
    ) -> None:
        """Call ``callback(changes)`` when a change touches ``entities`` (or everything),
        for as long as ``receiver`` lives."""
        watched = frozenset(entities)
        relay = _ChangeFilter(receiver, watched, callback)
        self.changed.connect(relay.deliver)


class _ChangeFilter(QObject):
    """Owned by the subscribing widget, so the connection ends when the widget is deleted."""

    def __init__(
        self,
        receiver: QObject,
        entities: frozenset[Entity],
        callback: Callable[[Changes], None],
    ) -> None:
        super().__init__(receiver)
        self._entities = entities
        self._callback = callback

    def deliver(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes.touches(self._entities):
            self._callback(changes)


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
