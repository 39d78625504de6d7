"""打印花名册: the roster of the branch chosen in the page's organization filter.

The PDF comes from :func:`dangqun.printing.service.record_pdf` — the same loader, masking and
layout as ``dangqun print member_roster --id N`` — built on the thread pool behind a
cancellable progress dialog, then shown in the preview window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from dangqun.core.security import Actor
from dangqun.ui.widgets import message_boxes

if TYPE_CHECKING:
    from dangqun.core.db import Database
    from dangqun.ui.pages.members_page import MembersPage

ROSTER_KIND = "member_roster"
"""The members feature's document kind, as ``dangqun print`` names it."""


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
    from dangqun.ui.print_preview import preview_pdf_job

    context = page.context
    job = partial(
        roster_pdf,
        context.application.database,
        context.application.paths.keys,
        context.actor,
        organization_id,
        title,
    )
    preview_pdf_job(page, context.ui_state, title, job, f"{title}.pdf", page.preview_shown)


def roster_pdf(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    organization_id: int,
    title: str,
    report: Callable[[int, int | None], None],
    cancel: threading.Event,
) -> bytes:
    """The branch's 花名册 as PDF bytes, masked as ``actor`` may see it (off the GUI thread,
    where ReportLab is imported: the page must not spend ~0.35 s on it when it opens)."""
    from dangqun.printing.service import record_pdf

    return record_pdf(
        database, keys_directory, actor, ROSTER_KIND, str(organization_id), title, report, cancel
    )
