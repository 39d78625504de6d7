"""数据同步: self-verifying packages for the district, carried by USB stick (DOMAIN.md §5).

The page shows the identity every package will carry — the center id and division code — so a
front desk can read it to the district on the phone today; the note at the top says the module
is not available yet and what to do meanwhile (issue 11: no false claims).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dangqun.core.backup import latest_backup
from dangqun.core.center import center_info
from dangqun.core.changes import BACKUP, CENTER
from dangqun.members.changes import MEMBER, ORGANIZATION
from dangqun.members.queries import member_overview
from dangqun.ui.context import UiContext
from dangqun.ui.formatting import describe_backup
from dangqun.ui.pages.figures import organizations_caption
from dangqun.ui.pages.module_page import ModulePage, format_count


class SyncPage(ModulePage):
    icon_name = "sync"
    shows = (CENTER, BACKUP, MEMBER, ORGANIZATION)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_texts(
            self.tr("Data sync"),
            self.tr(
                "The district organization department collects data from every center by "
                "package — on a USB stick or by e-mail — not over the network."
            ),
            self.tr(
                "Data sync is not yet available in this version: it will come in a later version."
            ),
            self.tr(
                "Today: in “{members}”, use “Export…” to save the register as an Excel file "
                "when the district asks for it; give the district the center's identity below "
                "when it asks."
            ).format(members=self.page_title("members")),
            self.tr(
                "Once the sync module is released, it will export what changed since the last "
                "package and import the district's packages, safely and more than once "
                "without harm:"
            ),
            [
                self.tr(
                    "Packages will verify themselves: every file will have a hash, and the "
                    "package will be signed with this center's key."
                ),
                self.tr(
                    "Packages will be encrypted for the district once a district key is set, so "
                    "a lost USB stick reveals nothing."
                ),
                self.tr(
                    "Incremental: only what changed since the last package will be exported; "
                    "deletions will travel too."
                ),
                self.tr(
                    "Idempotent: importing the same package twice will change nothing, and a "
                    "missing package in the sequence will be reported."
                ),
                self.tr(
                    "After an import, a summary will list what was added, updated, ignored and "
                    "in conflict."
                ),
            ],
        )
        self.set_flow(
            self.tr("A package's journey (planned)"),
            [
                self.tr("Export at the center"),
                self.tr("USB stick or e-mail"),
                self.tr("Verify at the district"),
                self.tr("Import summary"),
            ],
        )
        self.add_cards(
            [
                ("division", "organizations", self.tr("Division code")),
                ("members", "members", self.tr("Members in the register")),
                ("organizations", "building", self.tr("Party organizations")),
                ("backup", "backup", self.tr("Last backup")),
            ],
            compact=("division", "backup"),
        )

    def refresh(self) -> None:
        database = self.context.application.database
        info = center_info(database)
        overview = member_overview(database)
        code = info.division_code
        self.set_card(
            "division",
            code,
            "\n".join(
                (
                    self.tr("County {county}").format(county=code[:6]),
                    self.tr("Street {street} · community {community}").format(
                        street=code[6:9], community=code[9:12]
                    ),
                )
            ),
        )
        self.set_card(
            "members",
            format_count(overview.in_register),
            self.tr("All records: {count}").format(count=format_count(overview.total_records)),
        )
        self.set_card(
            "organizations", format_count(overview.organizations), organizations_caption(overview)
        )
        self.set_card(
            "backup", *describe_backup(latest_backup(self.context.application.paths.backups))
        )
        self.show_details(
            self.tr("This center's identity"),
            self.tr("Every package will carry these values; the center id never changes."),
            [self.tr("Item"), self.tr("Value")],
            [
                [self.tr("Center name"), info.name],
                [self.tr("Center id"), info.center_id],
                [self.tr("Division code"), info.division_code],
                [self.tr("County (district) code"), info.county_code],
            ],
            stretch_column=1,
        )
