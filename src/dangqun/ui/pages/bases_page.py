"""阵地预约: open organizational-life bases and their bookings (DOMAIN.md §2).

Until the bookings module lands, the page says it is not available yet, what to do meanwhile,
the booking rules the module will enforce, and the real counts of who will use the bases: the
branches and the members who have no venue of their own (issue 11: no false claims).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dangqun.members.changes import MEMBER, ORGANIZATION
from dangqun.members.queries import member_overview
from dangqun.members.vocabulary import MEMBER_KIND_LABELS, MemberKind, OrganizationLevel
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
                "Base bookings are not yet available in this version: they will come in a "
                "later version."
            ),
            self.tr(
                "Today: in “{members}”, filter by kind to find the {floating_in} and "
                "{in_service} members and their branches; keep recording bookings the way the "
                "center does now (for example in a paper register)."
            ).format(
                members=self.page_title("members"),
                floating_in=MEMBER_KIND_LABELS[MemberKind.FLOATING_IN],
                in_service=MEMBER_KIND_LABELS[MemberKind.IN_SERVICE_REGISTERED],
            ),
            self.tr(
                "Once the bookings module is released, the front desk will take bookings "
                "online and offline, plan the day's arrivals and count every visit:"
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
                    "Capacity will count people, not bookings: a group of 30 in a room for 40 "
                    "leaves 10 places. Two bookings made at the same moment will never both "
                    "take the last places."
                ),
                self.tr(
                    "Overlapping bookings of one room will be refused; a recurring booking will "
                    "skip closed dates instead of failing as a whole."
                ),
                self.tr(
                    "Statistics by visits (批次) and by people (人次), as the district reports "
                    "them, with the day's arrivals and call list ready when the program opens."
                ),
            ],
        )
        self.set_flow(
            self.tr("Booking status (planned)"),
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
            self.tr("In the organization tree"),
        )
        self.set_card(
            "groups",
            format_count(overview.level(OrganizationLevel.BUILDING_GROUP)),
            self.tr("In the organization tree"),
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
