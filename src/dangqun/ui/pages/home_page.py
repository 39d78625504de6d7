"""首页: what a front desk wants to see first thing in the morning.

Who the center is, a greeting with today's date, each feature's headline figures (the cards
its ``Feature.home_cards`` declare, :mod:`dangqun.ui.home_cards` — the register and this
month's political birthdays for members), when the data were last backed up, and one click to
every page. Figures are read when the page is shown and whenever a change touches what a card
counts, all together on a worker thread: the window appears at once and never freezes on a
large register; the cards fill in a moment later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from dangqun import features
from dangqun.bootstrap import Application
from dangqun.core.backup import BackupFile, latest_backup
from dangqun.core.center import center_info
from dangqun.core.changes import BACKUP, CENTER, Changes
from dangqun.core.clock import local_today
from dangqun.core.security import Actor
from dangqun.ui.context import UiContext
from dangqun.ui.formatting import describe_backup, long_date
from dangqun.ui.forms.ui_home_page import Ui_HomePage
from dangqun.ui.home_cards import HomeCards
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.pages import available_pages
from dangqun.ui.widgets.link_button import LinkButton
from dangqun.ui.widgets.stat_card import (
    CARD_COLUMNS,
    StatCard,
    columns_for_width,
    place_in_grid,
)

LINK_COLUMNS = 6
MIN_CARD_WIDTH = 180
"""The narrowest a figure card may get: four a row still fit beside the compact navigation of
a 1024×768 screen, so the quick links show without scrolling (issue 11)."""


FigureLoader = Callable[[Application, Actor], Any]
"""A card group's :meth:`~dangqun.ui.home_cards.HomeCards.load` (a static method: no widget)."""


@dataclass(frozen=True)
class HomeFigures:
    """Everything the cards show, read together on a worker thread."""

    generation: int
    groups: tuple[Any, ...]
    """Each card group's figures, in the order of the groups."""
    backup: BackupFile | None


def load_home_figures(
    application: Application,
    actor: Actor,
    loaders: tuple[FigureLoader, ...],
    generation: int,
) -> HomeFigures:
    """Runs on a worker thread, so it holds no widget: only the application and plain values."""
    return HomeFigures(
        generation,
        tuple(load(application, actor) for load in loaders),
        latest_backup(application.paths.backups),
    )


class HomePage(QWidget):
    navigate_requested = Signal(str)
    """A quick link was clicked: the main window switches to that page key."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_HomePage()
        self.ui.setupUi(self)
        # Only the spacer at the bottom takes the extra height of a tall window, not the cards.
        self.ui.contentLayout.setStretch(self.ui.contentLayout.count() - 1, 1)
        self.ui.emptyNoteIcon.setPixmap(icon("info", "#2E4A6B", None).pixmap(QSize(22, 22)))
        self.cards: dict[str, StatCard] = {}
        """Every card on the page by key: the features' groups, then the shell's own."""
        self.card_groups: list[HomeCards[Any]] = []
        self.link_buttons: dict[str, LinkButton] = {}
        self._stale = True
        self._figures_generation = 0
        self._figures_shown = 0
        self._build_cards()
        self._build_links()
        shown = {CENTER, BACKUP}
        for group in self.card_groups:
            shown.update(group.shows)
        context.events.subscribe(self, shown, self._mark_stale)

    def _build_cards(self) -> None:
        for _feature, group_class in features.loaded("home_cards"):
            group: HomeCards[Any] = group_class(self)
            self.card_groups.append(group)
            self._add_cards(group.cards)
        backup = StatCard("backup", self.tr("Last backup"), self, compact=True)
        backup.setObjectName("backupCard")
        self._add_cards({"backup": backup})
        place_in_grid(self.ui.figuresGrid, list(self.cards.values()))

    def _add_cards(self, cards: dict[str, StatCard]) -> None:
        for key, card in cards.items():
            if key in self.cards:
                raise ValueError(f"two home-page cards share the key {key!r}")
            self.cards[key] = card

    def _build_links(self) -> None:
        for spec in available_pages():
            if spec.key == "home":
                continue
            button = LinkButton(icon(spec.icon), spec.title, spec.summary, self, show_summary=False)
            button.setObjectName(f"{spec.key}Link")
            button.setProperty("pageKey", spec.key)
            button.clicked.connect(self._on_link_clicked)
            self.link_buttons[spec.key] = button
        place_in_grid(self.ui.linksGrid, list(self.link_buttons.values()), LINK_COLUMNS)
        self._columns = (CARD_COLUMNS, LINK_COLUMNS)

    def _reflow(self) -> None:
        """Fewer cards and links a row when the window is narrow (see columns_for_width)."""
        margins = self.ui.contentLayout.contentsMargins()
        available = self.ui.pageScroll.viewport().width() - margins.left() - margins.right()
        spacing = self.ui.figuresGrid.horizontalSpacing()
        for widget in (*self.cards.values(), *self.link_buttons.values()):
            widget.ensurePolished()  # measure with the theme's fonts, not the defaults
        card_width = max(card.minimumSizeHint().width() for card in self.cards.values())
        link_width = max(
            (button.sizeHint().width() for button in self.link_buttons.values()), default=1
        )
        columns = (
            columns_for_width(available, max(card_width, MIN_CARD_WIDTH), spacing, CARD_COLUMNS),
            columns_for_width(available, link_width, spacing, LINK_COLUMNS),
        )
        if columns != self._columns:
            self._columns = columns
            place_in_grid(self.ui.figuresGrid, list(self.cards.values()), columns[0])
            place_in_grid(self.ui.linksGrid, list(self.link_buttons.values()), columns[1])

    def _on_link_clicked(self) -> None:
        button = self.sender()
        if button is not None:
            self.navigate_requested.emit(str(button.property("pageKey")))

    # -- figures ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        application = self.context.application
        database = application.database
        info = center_info(database)
        self.ui.centerNameLabel.setText(info.name)
        self.ui.divisionCodeLabel.setText(
            self.tr("Division code {code}").format(code=info.division_code)
        )
        now = datetime.now()
        today = local_today()
        self.ui.greetingLabel.setText(
            self._greeting(now.hour).format(name=self.context.actor.display_name)
        )
        self.ui.dateLabel.setText(long_date(today))

        self._figures_generation += 1
        loaders = tuple(type(group).load for group in self.card_groups)
        load = partial(
            load_home_figures,
            application,
            self.context.actor,
            loaders,
            self._figures_generation,
        )
        run_service(self, self.context, load, on_success=self._show_figures)

    def is_ready(self) -> bool:
        """True once the latest figures are on the cards (screenshots wait for this)."""
        return self._figures_shown == self._figures_generation

    def _show_figures(self, figures: HomeFigures) -> None:
        if figures.generation != self._figures_generation:
            return  # a newer load is on its way
        self._figures_shown = figures.generation
        notes = []
        for group, group_figures in zip(self.card_groups, figures.groups, strict=True):
            group.fill(group_figures)
            note = group.empty_note(group_figures)
            if note:
                notes.append(note)
        self.ui.emptyNoteText.setText("\n".join(notes))
        self.ui.emptyNote.setVisible(bool(notes))
        self.cards["backup"].set_value(*describe_backup(figures.backup, local_today()))

    def _greeting(self, hour: int) -> str:
        if 5 <= hour < 9:
            return self.tr("Good morning, {name}")
        if 9 <= hour < 12:
            return self.tr("Good day, {name}")
        if 12 <= hour < 14:
            return self.tr("Good noon, {name}")
        if 14 <= hour < 18:
            return self.tr("Good afternoon, {name}")
        return self.tr("Good evening, {name}")

    def _mark_stale(self, _changes: Changes) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        self._reflow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()
