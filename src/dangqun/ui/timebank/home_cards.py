"""The time bank on 首页: the month's minutes earned and spent with its top categories, and the
待核实 to-do — two cards, so the quick links still show without scrolling at 1024×768.

The figures are one cheap read (:func:`~dangqun.timebank.service.month_overview`: indexed sums
over the center's own accounts, so they agree with the ledger) on the home page's worker thread.
The pending card is the front desk's to-do: clicking it opens 时间银行 on its 待核实 tab.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from dangqun.core.security import Actor
from dangqun.timebank.changes import LEDGER, SERVICE_RECORD
from dangqun.timebank.service import MonthOverview, hours_in_words, month_overview
from dangqun.ui.home_cards import CardDefinition, HomeCards
from dangqun.ui.pages.figures import format_count

if TYPE_CHECKING:
    from dangqun.bootstrap import Application

PAGE_KEY = "timebank"
SHOW_KEY = "timebank/show"
"""The page reads it on show (:data:`dangqun.ui.pages.timebank_page.SHOW_KEY`)."""


class _OpenPending(QObject):
    """Turns a click on the pending card into "show 时间银行, on 待核实"."""

    def __init__(self, home: QWidget) -> None:
        super().__init__(home)
        self._home = home

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            context = getattr(self._home, "context", None)
            navigate = getattr(self._home, "navigate_requested", None)
            if context is not None and navigate is not None:
                context.ui_state.setValue(SHOW_KEY, "pending")
                navigate.emit(PAGE_KEY)
                return True
        return super().eventFilter(watched, event)


class TimeBankHomeCards(HomeCards[MonthOverview]):
    shows = (SERVICE_RECORD, LEDGER)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        pending = self.cards["timebankPending"]
        pending.setCursor(Qt.CursorShape.PointingHandCursor)
        pending.setToolTip(
            QCoreApplication.translate("HomePage", "Open the time bank's pending verification")
        )
        self._opener = _OpenPending(parent)
        pending.installEventFilter(self._opener)

    def definitions(self) -> Sequence[CardDefinition]:
        return (
            CardDefinition(
                "timebankMonth",
                "timebank",
                QCoreApplication.translate("HomePage", "Time bank this month"),
                compact=True,
            ),
            CardDefinition(
                "timebankPending",
                "verified",
                QCoreApplication.translate("HomePage", "Records to verify"),
            ),
        )

    @staticmethod
    def load(application: Application, actor: Actor) -> MonthOverview:
        return month_overview(application.database, actor)

    def fill(self, figures: MonthOverview) -> None:
        """Earned as the value; spent and the month's leading categories (at most three)
        under it, one line each."""
        top = figures.top_categories
        lines = [
            QCoreApplication.translate("HomePage", "Spent {minutes}").format(
                minutes=hours_in_words(figures.spent_minutes)
            ),
            QCoreApplication.translate("HomePage", "Most: {categories}").format(
                categories="、".join(entry.category for entry in top)
            )
            if top
            else QCoreApplication.translate("HomePage", "No verified service yet"),
        ]
        self.cards["timebankMonth"].set_value(
            QCoreApplication.translate("HomePage", "Earned {minutes}").format(
                minutes=hours_in_words(figures.earned_minutes)
            ),
            "\n".join(lines),
        )
        self.cards["timebankPending"].set_value(
            format_count(figures.pending_records),
            QCoreApplication.translate("HomePage", "{minutes} in all\nClick to verify").format(
                minutes=hours_in_words(figures.pending_minutes)
            )
            if figures.pending_records
            else QCoreApplication.translate("HomePage", "Nothing waits"),
        )
