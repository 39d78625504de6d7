"""Typed change notices: what a service call changed, so pages know what to refresh.

In the spirit of Anki's ``OpChanges``: a write announces the kinds of entities it changed, and
each page subscribes to the kinds it shows (``dangqun.ui.operations``). An :class:`Entity` is a
typed name, so a misspelt string is a type error, not a page that silently never refreshes.
Core names its own kinds here; a feature names its kinds in its own ``changes.py``
(``dangqun.members.changes``). No Qt, no ORM: services, the CLI and the UI all import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NewType

Entity = NewType("Entity", str)
"""A kind of record that changes together (``member``, ``user``); declared once per kind."""

CENTER = Entity("center")
USER = Entity("user")
SETTINGS = Entity("settings")
BACKUP = Entity("backup")
"""A backup was taken (no record changed, but the status bar and home page show the newest)."""


@dataclass(frozen=True)
class Changes:
    """The kinds of entities one user action changed; ``everything`` after a restore."""

    entities: frozenset[Entity] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, *entities: Entity) -> Changes:
        return cls(frozenset(entities))

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    def touches(self, entities: Iterable[Entity]) -> bool:
        """True when a page showing ``entities`` must refresh."""
        return self.everything or not self.entities.isdisjoint(entities)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.entities | other.entities, self.everything or other.everything)

    def __bool__(self) -> bool:
        return self.everything or bool(self.entities)


NOTHING = Changes()
