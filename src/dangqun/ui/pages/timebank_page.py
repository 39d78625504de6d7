"""时间银行: volunteer hours on a ledger that never loses an hour (DOMAIN.md §3).

Until the time bank lands, the page says it is not available yet, what to do meanwhile and
what the ledger will do, over real counts of the members who may volunteer (issue 11: no false
claims).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dangqun.members.changes import MEMBER
from dangqun.members.queries import member_overview
from dangqun.members.vocabulary import MemberKind
from dangqun.ui.context import UiContext
from dangqun.ui.pages.module_page import ModulePage, format_count


class TimeBankPage(ModulePage):
    icon_name = "timebank"
    shows = (MEMBER,)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_texts(
            self.tr("Time bank"),
            self.tr(
                "Residents and members serve — elderly care, cleaning, tutoring, small wishes — "
                "and earn hours they can later spend, give to relatives or donate."
            ),
            self.tr(
                "The time bank is not yet available in this version: it will come in a later "
                "version."
            ),
            self.tr(
                "Today: look up volunteers who are party members in “{members}”; keep "
                "recording service hours the way the center does now (for example on paper "
                "service slips). Volunteer certificates cannot be printed by dangqun yet."
            ).format(members=self.page_title("members")),
            self.tr(
                "Once the time bank is released, it will record every hour of service on a "
                "ledger that never loses an hour, and issue numbered volunteer service "
                "certificates:"
            ),
            [
                self.tr(
                    "Hours will be kept in whole minutes. Every transfer will have two sides "
                    "that add up to zero, and balances will always be the sum of the entries."
                ),
                self.tr(
                    "Entries will never be edited or deleted: a mistake will be corrected by a "
                    "linked reversal, with the reason and the person who made it."
                ),
                self.tr(
                    "Each paper service slip will have a unique number, so the same slip cannot "
                    "be entered twice."
                ),
                self.tr(
                    "Hours served (for certificates) and hours available to spend will be kept "
                    "apart: giving hours away will not reduce the hours a person has served."
                ),
                self.tr(
                    "Volunteer service certificates will follow the Ministry of Civil Affairs' "
                    "2021 rules: issued free of charge by whoever recorded the service, "
                    "numbered, registered and archived."
                ),
            ],
        )
        self.set_flow(
            self.tr("How an hour will travel (planned)"),
            [
                self.tr("Service recorded"),
                self.tr("Checked and booked"),
                self.tr("Spent, given or donated"),
                self.tr("Certificate issued"),
            ],
        )
        self.add_cards(
            [
                ("inRegister", "members", self.tr("Members in the register")),
                ("local", "home", self.tr("Members of this community")),
                ("inService", "in_service", self.tr("In-service, registered here")),
                ("retired", "retired", self.tr("Retired members")),
            ]
        )

    def refresh(self) -> None:
        overview = member_overview(self.context.application.database)
        self.set_card(
            "inRegister",
            format_count(overview.in_register),
            self.tr("Active records in the register"),
        )
        self.set_card(
            "local",
            format_count(overview.kind(MemberKind.LOCAL)),
            self.tr("Serve where they belong"),
        )
        self.set_card(
            "inService",
            format_count(overview.kind(MemberKind.IN_SERVICE_REGISTERED)),
            self.tr("Membership kept by their own unit"),
        )
        self.set_card(
            "retired",
            format_count(overview.kind(MemberKind.RETIRED)),
            self.tr("Often the most active volunteers"),
        )
