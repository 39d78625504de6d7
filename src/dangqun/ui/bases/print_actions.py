"""The bases module's print buttons (issue 14, "Prints"): 预约确认单, 签到表, 特色菜单,
活动情况统计 — for the bases page, the booking dialogs and the statistics panel to call.

Each PDF comes from the same loaders and masking as ``dangqun print KIND --id ID`` and
``dangqun bases sign-in-sheet | brochure | export-stats`` (:mod:`dangqun.bases.documents`),
built on the thread pool behind a cancellable progress dialog and shown in the preview window
first (:func:`dangqun.ui.print_preview.preview_pdf_job`), as the time bank prints its passbooks.
A booking is named by its id here and by its number on paper: the job reads the number off the
GUI thread.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from dangqun.bases.documents.statistics_report import StatisticsKey, statistics_id
from dangqun.bases.vocabulary import Granularity
from dangqun.core.clock import local_today
from dangqun.core.security import Actor

if TYPE_CHECKING:
    from dangqun.core.db import Database
    from dangqun.ui.context import UiContext

SLIP_KIND = "booking_slip"
SHEET_KIND = "sign_in_sheet"
BROCHURE_KIND = "menu_brochure"
STATISTICS_KIND = "bases_statistics"


class PrintingPage(Protocol):
    """What the actions need of the page: its context (and it is the dialogs' parent)."""

    context: UiContext


def booking_pdf(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    kind: str,
    booking_id: int,
    title: str,
    progress: Callable[[int, int | None], None] | None = None,
    cancel: threading.Event | None = None,
) -> bytes:
    """A document of one booking as PDF bytes (off the GUI thread), loaded by its number."""
    from dangqun.bases.service import get_booking
    from dangqun.printing.service import record_pdf

    number = get_booking(database, actor, booking_id).number
    return record_pdf(database, keys_directory, actor, kind, number, title, progress, cancel)


def _preview(page: PrintingPage, title: str, job: Callable[..., bytes]) -> None:
    from dangqun.ui.print_preview import preview_pdf_job

    parent = page if isinstance(page, QWidget) else None
    assert parent is not None, "the page is a widget"
    on_shown = getattr(page, "preview_shown", None)
    preview_pdf_job(parent, page.context.ui_state, title, job, f"{title}.pdf", on_shown)


def _booking(page: PrintingPage, kind: str, booking_id: int, title: str) -> None:
    context = page.context
    application = context.application
    job = partial(
        booking_pdf,
        application.database,
        application.paths.keys,
        context.actor,
        kind,
        booking_id,
        title,
    )
    _preview(page, title, job)


def _record(page: PrintingPage, kind: str, record_id: str, title: str) -> None:
    from dangqun.printing.service import record_pdf

    context = page.context
    application = context.application
    job = partial(
        record_pdf,
        application.database,
        application.paths.keys,
        context.actor,
        kind,
        record_id,
        title,
    )
    _preview(page, title, job)


def print_booking_slip(page: PrintingPage, booking_id: int) -> None:
    """打印预约确认单: the confirmation for the visitors with the stub the base keeps."""
    title = QCoreApplication.translate("BasesPrint", "Booking confirmation")
    _booking(page, SLIP_KIND, booking_id, title)


def print_sign_in_sheet(page: PrintingPage, booking_id: int) -> None:
    """打印签到表: a numbered line for each expected visitor and a margin, before the event."""
    title = QCoreApplication.translate("BasesPrint", "Sign-in sheet")
    _booking(page, SHEET_KIND, booking_id, title)


def print_menu_brochure(page: PrintingPage, base_id: int) -> None:
    """打印特色菜单: the base's brochure of activities, lecturers and hours."""
    title = QCoreApplication.translate("BasesPrint", "Menu brochure")
    _record(page, BROCHURE_KIND, str(base_id), title)


def this_year(base_id: int | None) -> StatisticsKey:
    """This year so far, by month: what statistics print when no period was chosen."""
    today = local_today()
    return StatisticsKey(base_id, date(today.year, 1, 1), today, Granularity.MONTH)


def print_statistics(page: PrintingPage, base_id: int, key: StatisticsKey | None = None) -> None:
    """打印活动情况统计: the period chosen in the page's statistics panel (``key``, else the
    panel's own choice, else this year so far)."""
    if key is None:
        panel = getattr(page, "statistics", None)
        chosen = getattr(panel, "statistics_key", None)
        key = chosen() if callable(chosen) else this_year(base_id)
    key = dataclasses.replace(key, base_id=base_id)
    title = QCoreApplication.translate("BasesPrint", "Visit statistics")
    _record(page, STATISTICS_KIND, statistics_id(key), title)
