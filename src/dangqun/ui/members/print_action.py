"""打印花名册: the roster of the branch chosen in the page's organization filter; 打印报到回执:
the registration receipt of the selected in-service member.

The PDF comes from the same loader, masking and layout as ``dangqun print member_roster --id
N`` — built on the thread pool behind a
cancellable progress dialog, then shown in the preview window.

Issue 12: the roster of a big branch is long (a 20,000-member community is about 750 pages),
so before anything is laid out the action says how many members and pages it will print —
an estimate from three COUNT queries, no layout — and asks when it is more than a few pages;
the progress dialog then counts pages of that one document, and Cancel stops between pages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dangqun.core.security import Actor
from dangqun.members.vocabulary import MemberKind
from dangqun.ui.widgets import message_boxes

if TYPE_CHECKING:
    from dangqun.core.db import Database
    from dangqun.members.search import MemberRow
    from dangqun.ui.pages.members_page import MembersPage

RECEIPT_KIND = "registration_receipt"
"""The 在职党员报到回执's document kind (``dangqun.members.documents.registration_receipt``)."""

LONG_ROSTER_PAGES = 10
"""From this many pages on, printing asks first (a short roster just opens)."""


@dataclass(frozen=True)
class RosterEstimate:
    members: int
    pages: int


def print_roster(page: MembersPage) -> None:
    picker = page.ui.branchPicker
    organization_id = picker.organization_id()
    if organization_id is None:
        message_boxes.show_info(
            page,
            QCoreApplication.translate("MembersPage", "Print roster"),
            QCoreApplication.translate(
                "MembersPage",
                "Choose the branch whose roster you want to print in the organization "
                "filter first. The roster lists its members in the register, with those of "
                "its building groups.",
            ),
        )
        return
    node = picker.selected_node()
    name = node.name if node is not None else str(organization_id)
    title = QCoreApplication.translate("MembersPage", "{name} member roster").format(name=name)
    from dangqun.ui.operations import run_service

    context = page.context
    run_service(
        page,
        context,
        partial(
            estimate_roster,
            context.application.database,
            context.application.paths.keys,
            context.actor,
            organization_id,
        ),
        on_success=partial(_estimated, page, organization_id, title),
        failure_title=QCoreApplication.translate("MembersPage", "Print roster"),
    )


def _estimated(page: MembersPage, organization_id: int, title: str, result: object) -> None:
    if not isinstance(result, RosterEstimate):
        return
    if result.pages >= LONG_ROSTER_PAGES and not message_boxes.confirm(
        page,
        QCoreApplication.translate("MembersPage", "Print roster"),
        QCoreApplication.translate(
            "MembersPage", "The roster lists {members} members on about {pages} pages."
        ).format(members=f"{result.members:,}", pages=f"{result.pages:,}"),
        QCoreApplication.translate("MembersPage", "Prepare the roster"),
        QCoreApplication.translate(
            "MembersPage",
            "Preparing takes about a second for every 30 pages and can be cancelled. "
            "To print fewer pages, choose one branch or building group in the organization "
            "filter.",
        ),
    ):
        return
    from dangqun.ui.print_preview import ProgressUnit, preview_pdf_job

    context = page.context
    job = partial(
        roster_pdf,
        context.application.database,
        context.application.paths.keys,
        context.actor,
        organization_id,
        title,
        result.pages,
    )
    preview_pdf_job(
        page,
        context.ui_state,
        title,
        job,
        f"{title}.pdf",
        page.preview_shown,
        unit=ProgressUnit.PAGES,
    )


def estimate_roster(
    database: Database, keys_directory: Path, actor: Actor, organization_id: int
) -> RosterEstimate:
    """Members and pages of the roster, read off the GUI thread (COUNT queries only)."""
    from dangqun.members.documents.member_roster import count_roster, estimate_roster_pages
    from dangqun.printing.service import print_context_for

    counts = count_roster(database, actor, organization_id)
    context = print_context_for(database, keys_directory, actor)
    return RosterEstimate(counts.total, estimate_roster_pages(counts, "", context))


def roster_pdf(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    organization_id: int,
    title: str,
    expected_pages: int,
    report: Callable[[int, int | None], None],
    cancel: threading.Event,
) -> bytes:
    """The branch's 花名册 as PDF bytes, masked as ``actor`` may see it (off the GUI thread,
    where ReportLab is imported: the page must not spend ~0.35 s on it when it opens).
    Progress is reported in pages of ``expected_pages`` (the estimate, raised if exceeded);
    ``cancel`` is checked after every page."""
    from dangqun.members.documents.member_roster import build_member_roster, load_member_roster
    from dangqun.printing.batch import render_to_bytes
    from dangqun.printing.service import print_context_for

    context = print_context_for(database, keys_directory, actor)
    data = load_member_roster(database, actor, organization_id, context.print_date)

    def pages_done(pages: int) -> None:
        report(pages, max(expected_pages, pages))

    return render_to_bytes(
        [build_member_roster(data, context)], context, title, 1, None, cancel, pages_done
    )


def receipt_member(page: MembersPage) -> MemberRow | None:
    """The selected member when a 报到回执 can be printed for them: an in-service member who
    registered at the community (what ``load_registration_receipt`` accepts)."""
    indexes = page.ui.membersView.selectionModel().selectedRows()
    if not indexes:
        return None
    member = page.model.member_at(indexes[0].row())
    if member is None or member.kind is not MemberKind.IN_SERVICE_REGISTERED:
        return None
    return member


def print_receipt(page: MembersPage) -> None:
    """打印报到回执 for the selected in-service member: numbered and entered in the register of
    issued documents by the same ``record_pdf`` as ``dangqun print registration_receipt --id
    N`` (a second print is a re-print of the same number), shown in the preview first."""
    member = receipt_member(page)
    if member is None:
        message_boxes.show_info(
            page,
            QCoreApplication.translate("MembersPage", "Print registration receipt"),
            QCoreApplication.translate(
                "MembersPage",
                "Select an in-service member who registered at the community first. The "
                "receipt confirms their registration to their own organization.",
            ),
        )
        return
    from dangqun.printing.service import record_pdf
    from dangqun.ui.print_preview import preview_pdf_job

    context = page.context
    title = QCoreApplication.translate("MembersPage", "Registration receipt {name}").format(
        name=member.name
    )
    job = partial(
        record_pdf,
        context.application.database,
        context.application.paths.keys,
        context.actor,
        RECEIPT_KIND,
        str(member.id),
        title,
    )
    preview_pdf_job(page, context.ui_state, title, job, f"{title}.pdf", page.preview_shown)
