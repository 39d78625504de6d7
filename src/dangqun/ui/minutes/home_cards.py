"""会议记录 on 首页: the statutory meetings overdue now (issue 15: "overdue and missing meetings
on the home page"), computed when the home page loads, no background job.

One read of :func:`dangqun.minutes.service.overdue_meetings` on the home page's worker thread:
per organization and meeting type, the last period that ended without a meeting. The card
shows how many, the first lines in words ("第一网格党支部：2026年第3季度支部党员大会未开") and
the whole list in its tooltip; clicking it opens the 合规 tab of 会议记录.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from dangqun.core.security import Actor
from dangqun.minutes.changes import MEETING
from dangqun.minutes.service import OverdueMeeting, overdue_meetings
from dangqun.minutes.vocabulary import MEETING_TYPE_LABELS
from dangqun.ui.home_cards import CardDefinition, HomeCards
from dangqun.ui.pages.figures import format_count

if TYPE_CHECKING:
    from dangqun.bootstrap import Application

LINES_ON_CARD = 2
LINES_IN_TOOLTIP = 15


def period_text(starts_on: date, ends_on: date) -> str:
    """A period of the schedule in words: a month, a quarter, a year or a span of months."""
    months = (ends_on.year - starts_on.year) * 12 + ends_on.month - starts_on.month + 1
    if months == 1:
        return QCoreApplication.translate("HomePage", "{year}/{month}").format(
            year=starts_on.year, month=starts_on.month
        )
    if months == 3:
        return QCoreApplication.translate("HomePage", "Q{quarter} {year}").format(
            year=starts_on.year, quarter=(starts_on.month - 1) // 3 + 1
        )
    if months == 12:
        return QCoreApplication.translate("HomePage", "{year}").format(year=starts_on.year)
    return QCoreApplication.translate("HomePage", "{year}/{first} to {last}").format(
        year=starts_on.year, first=starts_on.month, last=ends_on.month
    )


def overdue_line(overdue: OverdueMeeting) -> str:
    return QCoreApplication.translate(
        "HomePage", "{organization}: {type} of {period} not held"
    ).format(
        organization=overdue.organization_name,
        type=MEETING_TYPE_LABELS[overdue.meeting_type],
        period=period_text(overdue.starts_on, overdue.ends_on),
    )


@dataclass(frozen=True)
class OverdueFigures:
    lines: tuple[str, ...]


class _OpenCompliance(QObject):
    def __init__(self, home: QWidget) -> None:
        super().__init__(home)
        self._home = home

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            window = self._home.window()
            show_page = getattr(window, "show_page", None)
            if show_page is not None:
                page = show_page("minutes")
                if hasattr(page, "show_tab"):
                    page.show_tab("compliance")
                return True
        return super().eventFilter(watched, event)


class MinutesHomeCards(HomeCards[OverdueFigures]):
    shows = (MEETING,)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._opener = _OpenCompliance(parent)
        card = self.cards["minutesOverdue"]
        card.setCursor(Qt.CursorShape.PointingHandCursor)
        card.installEventFilter(self._opener)

    def definitions(self) -> Sequence[CardDefinition]:
        return (
            CardDefinition(
                "minutesOverdue",
                "minutes",
                QCoreApplication.translate("HomePage", "Meetings overdue"),
            ),
        )

    @staticmethod
    def load(application: Application, actor: Actor) -> OverdueFigures:
        overdue = overdue_meetings(application.database, actor)
        return OverdueFigures(tuple(overdue_line(item) for item in overdue))

    def fill(self, figures: OverdueFigures) -> None:
        card = self.cards["minutesOverdue"]
        lines = figures.lines
        if not lines:
            card.set_value(
                "0", QCoreApplication.translate("HomePage", "Every branch is on schedule")
            )
            card.setToolTip(QCoreApplication.translate("HomePage", "Open the compliance table"))
            return
        shown = list(lines[:LINES_ON_CARD])
        if len(lines) > LINES_ON_CARD:
            shown.append(
                QCoreApplication.translate("HomePage", "and {count} more").format(
                    count=len(lines) - LINES_ON_CARD
                )
            )
        card.set_value(format_count(len(lines)), "\n".join(shown))
        listed = list(lines[:LINES_IN_TOOLTIP])
        if len(lines) > LINES_IN_TOOLTIP:
            listed.append("…")
        card.setToolTip("\n".join(listed))
