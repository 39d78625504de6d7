"""What a feature puts on 首页: a group of figure cards, read off the GUI thread.

A feature lists its groups in ``Feature.home_cards`` (``"module:Class"``); the home page
(:mod:`dangqun.ui.pages.home_page`) builds each group once, loads every group's figures together
on a worker thread, and fills the cards when they arrive. So the home page names no feature,
and a new module's headline figures appear by declaring them.

A group has three steps, kept apart because they run in different places:

* :meth:`HomeCards.definitions` — the cards, in reading order (built on the GUI thread);
* :meth:`HomeCards.load` — a static method run on the worker thread with the
  :class:`~dangqun.bootstrap.Application` and the signed-in :class:`~dangqun.core.security.Actor`
  only; it returns plain values (a frozen dataclass), never a widget or an ORM row;
* :meth:`HomeCards.fill` — puts those values on the cards (GUI thread).

:attr:`HomeCards.shows` names the kinds of entities the figures count: the home page refreshes
when a change touches one of them (:mod:`dangqun.core.changes`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from dangqun.core.changes import Entity
from dangqun.core.security import Actor
from dangqun.ui.widgets.stat_card import StatCard

if TYPE_CHECKING:
    from dangqun.bootstrap import Application

Figures = TypeVar("Figures")


@dataclass(frozen=True)
class CardDefinition:
    """One card: its key (``<key>Card`` is its object name), icon name and translated title."""

    key: str
    icon: str
    title: str
    compact: bool = False
    """Draw the value smaller, for text such as a date instead of a count."""


class HomeCards(ABC, Generic[Figures]):
    """A feature's group of cards on the home page (see the module docstring)."""

    shows: ClassVar[tuple[Entity, ...]] = ()
    """The kinds of entities the figures count; a change to one refreshes the home page."""

    def __init__(self, parent: QWidget) -> None:
        self.cards: dict[str, StatCard] = {}
        for definition in self.definitions():
            card = StatCard(definition.icon, definition.title, parent, definition.compact)
            card.setObjectName(f"{definition.key}Card")
            self.cards[definition.key] = card

    @abstractmethod
    def definitions(self) -> Sequence[CardDefinition]:
        """The group's cards in reading order, titles translated."""

    @staticmethod
    @abstractmethod
    def load(application: Application, actor: Actor) -> Figures:
        """Read the figures. Runs on a worker thread: plain values in, plain values out."""

    @abstractmethod
    def fill(self, figures: Figures) -> None:
        """Show ``figures`` on :attr:`cards`."""

    def empty_note(self, figures: Figures) -> str:
        """A sentence for the home page's note when there is nothing to count yet, else ``""``."""
        del figures
        return ""
