"""首页: what a front desk wants to see first thing in the morning.

Who the center is, a greeting with today's date, the register's headline figures, this month's
political birthdays (政治生日, DOMAIN.md §1: centers send greetings), when the data were last
backed up, and one click to every module. Figures are read when the page is shown and whenever
another page reports a change, with indexed COUNT queries on a worker thread: the window appears
at once and never freezes on a large register; the cards fill in a moment later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from dangqun.bootstrap import Application
from dangqun.core.backup import BackupFile, latest_backup
from dangqun.core.center import center_info
from dangqun.core.clock import local_today
from dangqun.members.models import MemberKind
from dangqun.members.queries import MemberOverview, member_overview, political_birthdays_in_month
from dangqun.ui.context import UiContext
from dangqun.ui.formatting import describe_backup, long_date
from dangqun.ui.forms.ui_home_page import Ui_HomePage
from dangqun.ui.icons import icon
from dangqun.ui.pages import PAGES
from dangqun.ui.pages.figures import category_caption, floating_caption, organizations_caption
from dangqun.ui.pages.module_page import format_count
from dangqun.ui.threads import ProgressCallback, run_in_background
from dangqun.ui.widgets.link_button import LinkButton
from dangqun.ui.widgets.stat_card import (
    CARD_COLUMNS,
    StatCard,
    columns_for_width,
    place_in_grid,
)

LINK_COLUMNS = 6


@dataclass(frozen=True)
class HomeFigures:
    """Everything the cards show, read together on a worker thread."""

    generation: int
    overview: MemberOverview
    birthdays: int
    month: int
    backup: BackupFile | None


def load_home_figures(
    application: Application, generation: int, month: int, _progress: ProgressCallback
) -> HomeFigures:
    """Runs on a worker thread, so it holds no widget: only the application and plain values."""
    return HomeFigures(
        generation,
        member_overview(application.database),
        political_birthdays_in_month(application.database, month),
        month,
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
        self.link_buttons: dict[str, LinkButton] = {}
        self._stale = True
        self._figures_generation = 0
        self._figures_shown = 0
        self._build_cards()
        self._build_links()
        context.events.data_changed.connect(self._mark_stale)
        context.events.backup_taken.connect(self._mark_stale)

    def _build_cards(self) -> None:
        definitions = [
            ("inRegister", "members", self.tr("Members in the register")),
            ("local", "home", self.tr("Members of this community")),
            ("inService", "in_service", self.tr("In-service, registered here")),
            ("floating", "floating", self.tr("Floating members")),
            ("retired", "retired", self.tr("Retired members")),
            ("organizations", "organizations", self.tr("Party organizations")),
            ("birthdays", "birthday", self.tr("Political birthdays this month")),
            ("backup", "backup", self.tr("Last backup")),
        ]
        for key, icon_name, title in definitions:
            card = StatCard(icon_name, title, self, compact=key == "backup")
            card.setObjectName(f"{key}Card")
            self.cards[key] = card
        place_in_grid(self.ui.figuresGrid, list(self.cards.values()))

    def _build_links(self) -> None:
        for spec in PAGES:
            if spec.key == "home" or not spec.is_available():
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
            columns_for_width(available, max(card_width, 190), spacing, CARD_COLUMNS),
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
        load = partial(load_home_figures, application, self._figures_generation, today.month)
        run_in_background(self, load, self._show_figures)

    def is_ready(self) -> bool:
        """True once the latest figures are on the cards (screenshots wait for this)."""
        return self._figures_shown == self._figures_generation

    def _show_figures(self, figures: HomeFigures) -> None:
        if figures.generation != self._figures_generation:
            return  # a newer load is on its way
        overview = figures.overview
        self._figures_shown = figures.generation
        self.ui.emptyNote.setVisible(overview.total_records == 0)
        card = self.cards
        card["inRegister"].set_value(format_count(overview.in_register), category_caption(overview))
        card["local"].set_value(
            format_count(overview.kind(MemberKind.LOCAL)),
            self.tr("Relationship in our branches"),
        )
        card["inService"].set_value(
            format_count(overview.kind(MemberKind.IN_SERVICE_REGISTERED)),
            self.tr("Dual registration"),
        )
        card["floating"].set_value(
            format_count(
                overview.kind(MemberKind.FLOATING_IN) + overview.kind(MemberKind.FLOATING_OUT)
            ),
            floating_caption(overview),
        )
        card["retired"].set_value(format_count(overview.kind(MemberKind.RETIRED)))
        card["organizations"].set_value(
            format_count(overview.organizations), organizations_caption(overview)
        )
        card["birthdays"].set_value(
            format_count(figures.birthdays),
            self.tr("Members whose party anniversary falls in month {month}").format(
                month=figures.month
            ),
        )
        card["backup"].set_value(*describe_backup(figures.backup, local_today()))

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

    def _mark_stale(self, _entity: str = "*") -> None:
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
