"""党员管理: the register's figures today; the register itself arrives with the members issue.

The figures come from :mod:`dangqun.members.queries` (COUNT/GROUP BY on indexes), so the page
opens instantly on 100,000 members.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dangqun.members.models import (
    ORGANIZATION_LEVEL_LABELS,
    MemberCategory,
    MemberKind,
    OrganizationLevel,
)
from dangqun.members.queries import member_overview, members_by_branch
from dangqun.ui.context import UiContext
from dangqun.ui.pages.figures import (
    floating_caption,
    left_register_caption,
    organizations_caption,
)
from dangqun.ui.pages.module_page import ModulePage, format_count


class MembersPage(ModulePage):
    icon_name = "members"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_texts(
            self.tr("Members"),
            self.tr(
                "The register of party members served by this center: members of the "
                "center's own branches, in-service members who registered here, and floating "
                "members."
            ),
            self.tr(
                "The members module keeps one record per person and the dated history of "
                "every change, so the front desk can answer “who belongs where” at any time."
            ),
            [
                self.tr(
                    "Register members with the 16 items of the national member information "
                    "system; the citizen ID number is checked (date of birth, gender and check "
                    "digit) and the same person can never be entered twice."
                ),
                self.tr(
                    "Dual registration: in-service members register at the community where "
                    "they live, with their home organization named, and their service here is "
                    "reported back."
                ),
                self.tr(
                    "Floating members coming in or going out, with their electronic activity "
                    "card; transfers of organizational relationship are kept as dated events, "
                    "never overwritten."
                ),
                self.tr(
                    "The branch tree: street working committee → community party organization "
                    "→ grid branch → building group, with grid codes built on the division "
                    "code."
                ),
                self.tr(
                    "Quick search by name, pinyin initials (type “zsf” for 张三丰), phone or "
                    "the last digits of the ID number; the month's political birthdays."
                ),
                self.tr(
                    "Import and export of rosters (Excel); ID numbers, phones and addresses "
                    "are masked on screen and in print unless your role may see them."
                ),
            ],
            self.tr(
                "This version shows the register's figures. Registering, searching, importing "
                "and printing members will be available in a later version of dangqun; the "
                "figures here will then follow every change at once."
            ),
        )
        self.add_cards(
            [
                ("inRegister", "members", self.tr("Members in the register")),
                ("full", "full_member", self.tr("Full members")),
                ("probationary", "probationary", self.tr("Probationary members")),
                ("organizations", "organizations", self.tr("Party organizations")),
                ("local", "home", self.tr("Members of this community")),
                ("inService", "in_service", self.tr("In-service, registered here")),
                ("floating", "floating", self.tr("Floating members")),
                ("retired", "retired", self.tr("Retired members")),
            ]
        )

    def refresh(self) -> None:
        overview = member_overview(self.context.application.database)
        self.set_card(
            "inRegister", format_count(overview.in_register), left_register_caption(overview)
        )
        self.set_card(
            "full",
            format_count(overview.category(MemberCategory.FULL)),
            self.tr("Have the right to vote"),
        )
        self.set_card(
            "probationary",
            format_count(overview.category(MemberCategory.PROBATIONARY)),
            self.tr("No vote until confirmed as full members"),
        )
        self.set_card(
            "organizations", format_count(overview.organizations), organizations_caption(overview)
        )
        self.set_card(
            "local",
            format_count(overview.kind(MemberKind.LOCAL)),
            self.tr("Relationship in our branches"),
        )
        self.set_card(
            "inService",
            format_count(overview.kind(MemberKind.IN_SERVICE_REGISTERED)),
            self.tr("Dual registration"),
        )
        self.set_card(
            "floating",
            format_count(
                overview.kind(MemberKind.FLOATING_IN) + overview.kind(MemberKind.FLOATING_OUT)
            ),
            floating_caption(overview),
        )
        self.set_card("retired", format_count(overview.kind(MemberKind.RETIRED)))
        self._show_branches()

    def _show_branches(self) -> None:
        branches = members_by_branch(self.context.application.database)
        if branches:
            caption = self.tr(
                "Members recorded on a building group are counted in its grid branch."
            )
        else:
            caption = self.tr(
                "No party organizations are recorded yet. The branch tree is set up together "
                "with the member register."
            )
        mixed_levels = any(branch.level is not OrganizationLevel.GRID_BRANCH for branch in branches)
        headers = [self.tr("Organization"), self.tr("Code")]
        if mixed_levels:
            headers.insert(1, self.tr("Level"))
        headers += [self.tr("Building groups"), self.tr("Members in the register")]
        rows = []
        for branch in branches:
            row = [branch.name, branch.code or "—"]
            if mixed_levels:
                row.insert(1, ORGANIZATION_LEVEL_LABELS[branch.level])
            row += [format_count(branch.groups), format_count(branch.in_register)]
            rows.append(row)
        self.show_details(
            self.tr("Members in the register by branch"),
            caption,
            headers,
            rows,
            numeric_columns=(len(headers) - 2, len(headers) - 1),
        )
