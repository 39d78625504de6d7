"""阵地预约 on 首页: today's arrivals and tomorrow's calls, computed when the home page loads
(issue 14: "on the home page when the app opens — computed then, no background job").

One read of :func:`dangqun.bases.service.bookings_on` for today and tomorrow on the home page's
worker thread; clicking either card opens 今日到访 (:func:`dangqun.ui.bases.arrivals.open_arrivals`),
where the front desk checks in, marks a no-show after the slot, and calls tomorrow's contacts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from dangqun.bases.changes import BOOKING
from dangqun.bases.service import bookings_on
from dangqun.core.security import Actor
from dangqun.ui.bases.week_calendar import center_today
from dangqun.ui.home_cards import CardDefinition, HomeCards
from dangqun.ui.pages.figures import format_count

if TYPE_CHECKING:
    from dangqun.bootstrap import Application


@dataclass(frozen=True)
class DayFigures:
    """Today's bookings (their people and the first's time) and tomorrow's, to call."""

    today: int
    today_people: int
    next_arrival: str
    tomorrow: int
    tomorrow_people: int


class _OpenArrivals(QObject):
    def __init__(self, home: QWidget) -> None:
        super().__init__(home)
        self._home = home

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and hasattr(self._home, "context"):
            from dangqun.ui.bases.arrivals import open_arrivals

            open_arrivals(self._home)
            return True
        return super().eventFilter(watched, event)


class BasesHomeCards(HomeCards[DayFigures]):
    shows = (BOOKING,)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._opener = _OpenArrivals(parent)
        for card in self.cards.values():
            card.setCursor(Qt.CursorShape.PointingHandCursor)
            card.setToolTip(QCoreApplication.translate("HomePage", "Open today's arrivals"))
            card.installEventFilter(self._opener)

    def definitions(self) -> Sequence[CardDefinition]:
        return (
            CardDefinition(
                "basesToday", "calendar", QCoreApplication.translate("HomePage", "Arrivals today")
            ),
            CardDefinition(
                "basesTomorrow",
                "clock",
                QCoreApplication.translate("HomePage", "Calls for tomorrow"),
            ),
        )

    @staticmethod
    def load(application: Application, actor: Actor) -> DayFigures:
        today = center_today(application.database)
        arriving = bookings_on(application.database, actor, today)
        calling = bookings_on(application.database, actor, today + timedelta(days=1))
        return DayFigures(
            len(arriving),
            sum(b.headcount for b in arriving),
            arriving[0].slot_text if arriving else "",
            len(calling),
            sum(b.headcount for b in calling),
        )

    def fill(self, figures: DayFigures) -> None:
        self.cards["basesToday"].set_value(
            format_count(figures.today),
            QCoreApplication.translate("HomePage", "{people} people\nfirst at {time}").format(
                people=figures.today_people, time=figures.next_arrival
            )
            if figures.today
            else QCoreApplication.translate("HomePage", "No visit booked today"),
        )
        self.cards["basesTomorrow"].set_value(
            format_count(figures.tomorrow),
            QCoreApplication.translate(
                "HomePage", "{people} people\nClick for the call list"
            ).format(people=figures.tomorrow_people)
            if figures.tomorrow
            else QCoreApplication.translate("HomePage", "Nobody to call"),
        )
