"""The time bank's print buttons (issue 13): 打印存折, 出具志愿服务证明, 打印本次活动的证明,
打印双报告 — for the page to call with the selected volunteer or activity.

Each PDF comes from the same loaders, register and masking as ``dangqun timebank statement |
certificate | service-report`` (the canonical ids of
:mod:`dangqun.timebank.documents.record_ids`, so a second print of a certificate is a re-print of
the same registered number), built on the thread pool behind a cancellable progress dialog and
shown in the preview window first (:func:`dangqun.ui.print_preview.preview_pdf_job`), as the
members page prints its roster. A refusal (no verified service to certify, not an in-service
member) is shown as the service's Chinese message.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from dangqun.core.clock import local_today
from dangqun.core.security import Actor

if TYPE_CHECKING:
    from dangqun.core.db import Database
    from dangqun.ui.context import UiContext

STATEMENT_KIND = "time_statement"
CERTIFICATE_KIND = "volunteer_certificate"
REPORT_KIND = "service_report"


class PrintingPage(Protocol):
    """What the actions need of the page: its context (and it is the dialogs' parent)."""

    context: UiContext


def volunteer_pdf(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    kind: str,
    volunteer_id: int,
    start: date | None,
    end: date | None,
    title: str,
    progress: Callable[[int, int | None], None] | None = None,
    cancel: threading.Event | None = None,
) -> bytes:
    """One time bank document of a volunteer as PDF bytes (off the GUI thread): the id is the
    canonical one, so the register sees a re-print as the same certificate."""
    from dangqun.printing.service import record_pdf
    from dangqun.timebank.documents.record_ids import volunteer_period_id
    from dangqun.timebank.service import get_volunteer

    number = get_volunteer(database, actor, volunteer_id).number
    record_id = volunteer_period_id(number, start, end)
    return record_pdf(database, keys_directory, actor, kind, record_id, title, progress, cancel)


def _preview(page: PrintingPage, title: str, job: Callable[..., bytes]) -> None:
    from dangqun.ui.print_preview import preview_pdf_job

    parent = page if isinstance(page, QWidget) else None
    assert parent is not None, "the page is a widget"
    on_shown = getattr(page, "preview_shown", None)
    preview_pdf_job(parent, page.context.ui_state, title, job, f"{title}.pdf", on_shown)


def _volunteer_job(
    page: PrintingPage,
    kind: str,
    volunteer_id: int,
    start: date | None,
    end: date | None,
    title: str,
) -> Callable[..., bytes]:
    context = page.context
    return partial(
        volunteer_pdf,
        context.application.database,
        context.application.paths.keys,
        context.actor,
        kind,
        volunteer_id,
        start,
        end,
        title,
    )


def _this_year() -> tuple[date, date]:
    today = local_today()
    return date(today.year, 1, 1), today


def print_statement(
    page: PrintingPage, volunteer_id: int, start: date | None = None, end: date | None = None
) -> None:
    """打印存折: the volunteer's passbook, this year to today unless a period is given."""
    if start is None or end is None:
        start, end = _this_year()
    title = QCoreApplication.translate("TimebankPrint", "Passbook {start} to {end}").format(
        start=start.isoformat(), end=end.isoformat()
    )
    _preview(page, title, _volunteer_job(page, STATEMENT_KIND, volunteer_id, start, end, title))


def print_certificate(
    page: PrintingPage, volunteer_id: int, start: date | None = None, end: date | None = None
) -> None:
    """出具志愿服务证明: all the volunteer's verified service (or a period), numbered in the
    register of issued documents; printing it again re-prints the same number."""
    title = QCoreApplication.translate("TimebankPrint", "Volunteer service certificate")
    _preview(page, title, _volunteer_job(page, CERTIFICATE_KIND, volunteer_id, start, end, title))


def print_service_report(
    page: PrintingPage, volunteer_id: int, start: date | None = None, end: date | None = None
) -> None:
    """打印双报告: an in-service member's community service this year (or a period), addressed to
    their home organization."""
    if start is None or end is None:
        start, end = _this_year()
    title = QCoreApplication.translate(
        "TimebankPrint", "Community service report to the home organization"
    )
    _preview(page, title, _volunteer_job(page, REPORT_KIND, volunteer_id, start, end, title))


def print_activity_certificates(page: PrintingPage, activity_id: str) -> None:
    """打印本次活动的证明: one registered certificate for every volunteer whose service in the
    activity (``activity_id``: the batch entry's id) is verified, all in one PDF; the progress
    dialog counts certificates and Cancel registers none."""
    from dangqun.timebank.documents.volunteer_certificate import activity_certificates_pdf

    context = page.context
    title = QCoreApplication.translate(
        "TimebankPrint", "Volunteer service certificates of the activity"
    )
    job = partial(
        activity_certificates_pdf,
        context.application.database,
        context.application.paths.keys,
        context.actor,
        activity_id,
        title,
    )
    _preview(page, title, job)
