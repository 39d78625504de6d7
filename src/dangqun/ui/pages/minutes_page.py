"""会议记录: 三会一课 and organizational life, locked once signed (DOMAIN.md §4).

The table of meetings quotes the 《中国共产党支部工作条例（试行）》 (2018) as DOMAIN.md does; the
figures show who has a vote, since probationary members (预备党员) have none. Until the minutes
module lands, the page says it is not available yet and what to do meanwhile (issue 11: no
false claims).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dangqun.members.changes import MEMBER, ORGANIZATION
from dangqun.members.queries import member_overview
from dangqun.members.vocabulary import MEMBER_CATEGORY_LABELS, MemberCategory, OrganizationLevel
from dangqun.ui.context import UiContext
from dangqun.ui.pages.module_page import ModulePage, format_count


class MinutesPage(ModulePage):
    icon_name = "minutes"
    shows = (MEMBER, ORGANIZATION)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_texts(
            self.tr("Meeting minutes"),
            self.tr(
                "Minutes of the “three meetings and one lesson”, theme party days and "
                "organizational life meetings, kept the way the branch work regulations ask."
            ),
            self.tr(
                "Meeting minutes are not yet available in this version: they will come in a "
                "later version."
            ),
            self.tr(
                "Today: in “{members}”, choose a branch and use “Print roster” to check who "
                "should attend and who is a {full} with a vote; keep the minutes in the "
                "branch's paper minute book."
            ).format(
                members=self.page_title("members"),
                full=MEMBER_CATEGORY_LABELS[MemberCategory.FULL],
            ),
            self.tr(
                "Once the minutes module is released, it will record each meeting once and "
                "keep it: after the host and the recorder sign, the record will be locked:"
            ),
            [
                self.tr(
                    "Time, place, host, recorder, expected and actual attendance, absentees "
                    "with their reasons, observers, agenda, main points of speeches, votes and "
                    "resolutions."
                ),
                self.tr(
                    "Quorum and votes will be checked: more than half of the members with a "
                    "vote present; a motion passes with more than half of those who should "
                    "attend; elections need four fifths. Probationary members have no vote."
                ),
                self.tr(
                    "Signed minutes will be locked: later changes will be dated corrections, "
                    "never silent edits."
                ),
                self.tr(
                    "A compliance view per branch will show which required meetings of the "
                    "month, quarter or year are still missing."
                ),
            ],
        )
        self.add_cards(
            [
                ("branches", "organizations", self.tr("Grid branches")),
                ("groups", "building", self.tr("Building groups")),
                ("voting", "vote", self.tr("Full members")),
                ("probationary", "probationary", self.tr("Probationary members")),
            ]
        )
        self.show_details(
            self.tr("Meetings a branch holds"),
            self.tr(
                "From the Regulations on the Work of Party Branches (trial, 2018). Local "
                "frequencies, such as party lessons, become settings."
            ),
            [self.tr("Meeting"), self.tr("Usual frequency"), self.tr("Rule")],
            [
                [
                    self.tr("General meeting of branch members"),
                    self.tr("Once a quarter"),
                    self.tr("To vote, more than half of the members with a vote present"),
                ],
                [
                    self.tr("Branch committee meeting"),
                    self.tr("Monthly, or as needed"),
                    self.tr("More than half of the committee present"),
                ],
                [self.tr("Party group meeting"), self.tr("Monthly"), "—"],
                [
                    self.tr("Party lesson"),
                    self.tr("Regularly (often quarterly)"),
                    self.tr("The branch secretary gives at least one a year"),
                ],
                [self.tr("Theme party day"), self.tr("One fixed day each month"), "—"],
                [
                    self.tr("Organizational life meeting"),
                    self.tr("At least once a year"),
                    "—",
                ],
                [
                    self.tr("Democratic appraisal of members"),
                    self.tr("Usually once a year"),
                    self.tr("Self-assessment, peer assessment, then a vote"),
                ],
            ],
            stretch_column=2,
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
            "voting",
            format_count(overview.category(MemberCategory.FULL)),
            self.tr("Have the right to vote"),
        )
        self.set_card(
            "probationary",
            format_count(overview.category(MemberCategory.PROBATIONARY)),
            self.tr("Attend, but do not vote"),
        )
