"""阵地预约: open organizational-life bases and their bookings (DOMAIN.md §2).

Until the bookings module lands, the page explains the booking rules the module will enforce
and shows who may come: the branches and the members who have no venue of their own.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dangqun.members.changes import MEMBER, ORGANIZATION
from dangqun.members.queries import member_overview
from dangqun.members.vocabulary import MemberKind, OrganizationLevel
from dangqun.ui.context import UiContext
from dangqun.ui.pages.module_page import ModulePage, format_count


class BasesPage(ModulePage):
    icon_name = "bases"
    shows = (MEMBER, ORGANIZATION)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_texts(
            self.tr("Base bookings"),
            self.tr(
                "Open organizational-life bases: places where branches without a venue of "
                "their own, units stationed in the area, “two new” organizations and floating "
                "members hold their organizational life nearby."
            ),
            self.tr(
                "The bookings module lets the front desk take bookings online and offline, "
                "plan the day's arrivals and count every visit."
            ),
            [
                self.tr(
                    "Bases of four types — basic, red heritage, public welfare and technology — "
                    "each with opening hours and closed dates."
                ),
                self.tr(
                    "A featured activity menu for every base (renewing the oath, party lectures, "
                    "red films, volunteer practice …) with duration, capacity and a lecturer "
                    "from the lecturers' group."
                ),
                self.tr(
                    "Capacity counts people, not bookings: a group of 30 in a room for 40 "
                    "leaves 10 places. Two bookings made at the same moment can never both "
                    "take the last places."
                ),
                self.tr(
                    "Overlapping bookings of one room are refused; a recurring booking skips "
                    "closed dates instead of failing as a whole."
                ),
                self.tr(
                    "Statistics by visits (批次) and by people (人次), as the district reports "
                    "them; the day's arrivals and call list are ready when the program opens."
                ),
            ],
            self.tr(
                "Bases, activity menus, lecturers and bookings will be managed here in a later "
                "version of dangqun. The figures below show who can already book."
            ),
        )
        self.set_flow(
            self.tr("Booking status"),
            [
                self.tr("Pending"),
                self.tr("Confirmed"),
                self.tr("Checked in"),
                self.tr("Completed"),
            ],
            self.tr("or: Cancelled / No-show"),
        )
        self.add_cards(
            [
                ("branches", "organizations", self.tr("Grid branches")),
                ("groups", "building", self.tr("Building groups")),
                ("floatingIn", "floating", self.tr("Floating members (came in)")),
                ("inService", "in_service", self.tr("In-service, registered here")),
            ]
        )

    def refresh(self) -> None:
        overview = member_overview(self.context.application.database)
        self.set_card(
            "branches",
            format_count(overview.level(OrganizationLevel.GRID_BRANCH)),
            self.tr("Hold organizational life at the bases"),
        )
        self.set_card(
            "groups",
            format_count(overview.level(OrganizationLevel.BUILDING_GROUP)),
            self.tr("Can book small activities"),
        )
        self.set_card(
            "floatingIn",
            format_count(overview.kind(MemberKind.FLOATING_IN)),
            self.tr("Often without a venue of their own"),
        )
        self.set_card(
            "inService",
            format_count(overview.kind(MemberKind.IN_SERVICE_REGISTERED)),
            self.tr("Serve in the community they live in"),
        )
