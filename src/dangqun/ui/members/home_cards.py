"""The register's headline figures on 首页, and this month's political birthdays.

政治生日 (DOMAIN.md §1): centers send greetings on the anniversary of 入党日期, so the front desk
sees each morning how many fall in the month. Counts come from indexed COUNT queries
(:mod:`dangqun.members.queries`) on the home page's worker thread, so a large register never
freezes the window. Texts keep the home page's translation context: they are its cards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dangqun.core.clock import local_today
from dangqun.core.security import Actor
from dangqun.members.changes import MEMBER, ORGANIZATION
from dangqun.members.queries import MemberOverview, member_overview, political_birthdays_in_month
from dangqun.members.vocabulary import MemberKind
from dangqun.ui.home_cards import CardDefinition, HomeCards
from dangqun.ui.pages.figures import (
    category_caption,
    floating_caption,
    format_count,
    organizations_caption,
)

if TYPE_CHECKING:
    from dangqun.bootstrap import Application


@dataclass(frozen=True)
class MemberHomeFigures:
    overview: MemberOverview
    birthdays: int
    month: int


class MemberHomeCards(HomeCards[MemberHomeFigures]):
    shows = (MEMBER, ORGANIZATION)

    def definitions(self) -> Sequence[CardDefinition]:
        return (
            CardDefinition(
                "inRegister",
                "members",
                QCoreApplication.translate("HomePage", "Members in the register"),
            ),
            CardDefinition(
                "local", "home", QCoreApplication.translate("HomePage", "Members of this community")
            ),
            CardDefinition(
                "inService",
                "in_service",
                QCoreApplication.translate("HomePage", "In-service, registered here"),
            ),
            CardDefinition(
                "floating", "floating", QCoreApplication.translate("HomePage", "Floating members")
            ),
            CardDefinition(
                "retired", "retired", QCoreApplication.translate("HomePage", "Retired members")
            ),
            CardDefinition(
                "organizations",
                "organizations",
                QCoreApplication.translate("HomePage", "Party organizations"),
            ),
            CardDefinition(
                "birthdays",
                "birthday",
                QCoreApplication.translate("HomePage", "Political birthdays this month"),
            ),
        )

    @staticmethod
    def load(application: Application, actor: Actor) -> MemberHomeFigures:
        del actor  # the register's counts are shown to every role
        month = local_today().month
        database = application.database
        return MemberHomeFigures(
            member_overview(database), political_birthdays_in_month(database, month), month
        )

    def fill(self, figures: MemberHomeFigures) -> None:
        overview, card = figures.overview, self.cards
        card["inRegister"].set_value(format_count(overview.in_register), category_caption(overview))
        card["local"].set_value(
            format_count(overview.kind(MemberKind.LOCAL)),
            QCoreApplication.translate("HomePage", "Relationship in our branches"),
        )
        card["inService"].set_value(
            format_count(overview.kind(MemberKind.IN_SERVICE_REGISTERED)),
            QCoreApplication.translate("HomePage", "Dual registration"),
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
            QCoreApplication.translate(
                "HomePage", "Members whose party anniversary falls in month {month}"
            ).format(month=figures.month),
        )

    def empty_note(self, figures: MemberHomeFigures) -> str:
        """Where members come from, as it is: registration and import exist (issue 11: no
        screen may deny a capability, and the note once said they "will be" available)."""
        if figures.overview.total_records:
            return ""
        return QCoreApplication.translate(
            "HomePage",
            "No party members are registered yet. Members are registered one by one or "
            "imported from a roster under “Members”; the figures below count them from then on.",
        )
