"""What other modules call to print: a context for the acting user, one record, a batch.

Feature modules fill a document dataclass and call :func:`render_documents`; the CLI and the
preview window go through :func:`print_context_for` so fonts, key, center and masking are
decided in one place. Printing full personal data needs the 查看完整个人信息 permission and is
written to the audit log (个人信息保护法: log who exported it).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from dangqun.core.center import center_info
from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import NotInitialized, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.printing.batch import ProgressCallback, RenderSummary, render_to_bytes, render_to_file
from dangqun.printing.fonts import document_fonts_for
from dangqun.printing.page_kit import DocumentPlan, PrintContext
from dangqun.printing.registry import document_kind, document_kinds
from dangqun.printing.verification import load_or_create_verification_key

SAMPLE_CENTER_NAME = "示例社区党群服务中心"
SAMPLE_CENTER_ID = "00000000-0000-4000-8000-000000000000"
PERSONAL_DATA_AUDIT_ACTION = "print.personal_data"


def print_context_for(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    full_personal_data: bool = False,
    print_date: date | None = None,
) -> PrintContext:
    """The context for ``actor`` printing from this data directory.

    Personal data stays masked unless asked for *and* allowed; a data directory without a
    center yet (first run) prints as the sample center, so samples still work.
    """
    if full_personal_data:
        actor.require(Permission.SEE_PERSONAL_DATA)
    try:
        info = center_info(database)
        name, center_id = info.name, info.center_id
    except NotInitialized:
        name, center_id = SAMPLE_CENTER_NAME, SAMPLE_CENTER_ID
    return PrintContext(
        center_name=name,
        center_id=center_id,
        print_date=print_date or local_today(),
        fonts=document_fonts_for(database),
        verification_key=load_or_create_verification_key(keys_directory),
        may_see_personal_data=full_personal_data,
        operator_name=actor.display_name,
        actor=actor,
    )


def _audit_personal_data(
    database: Database, actor: Actor, kind: str, what: str, path: Path, count: int
) -> None:
    with database.unit_of_work(actor) as work:
        work.audit(
            PERSONAL_DATA_AUDIT_ACTION,
            "document",
            f"{kind}:{what}",
            None,
            {"kind": kind, "file": str(path), "documents": count},
        )
        work.commit()


def render_documents(
    kind: str,
    items: Iterable[Any],
    context: PrintContext,
    path: str | os.PathLike[str],
    total: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> RenderSummary:
    """Many documents of one kind into one PDF, built lazily as the layout reaches them."""
    definition = document_kind(kind)
    plans = (definition.build(item, context) for item in items)
    title = f"{definition.label}（批量）" if total != 1 else ""
    return render_to_file(plans, context, path, title, total, progress, cancel)


def print_record(
    database: Database,
    actor: Actor,
    context: PrintContext,
    kind: str,
    record_id: str,
    path: str | os.PathLike[str],
) -> RenderSummary:
    """One document loaded by id from the database (``dangqun print KIND --id ID``)."""
    plan = _load_plan(database, context, kind, record_id)
    summary = render_to_file([plan], context, path)
    if context.may_see_personal_data:
        _audit_personal_data(database, actor, kind, record_id, Path(path), 1)
    return summary


def record_pdf(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    kind: str,
    record_id: str,
    title: str = "",
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> bytes:
    """One document loaded by id, as PDF bytes for the preview window, masked as usual.

    Runs off the GUI thread with plain values only, so a page's print button is one line::

        preview_pdf_job(self, ui_state, title,
                        partial(record_pdf, database, keys, actor, KIND, record_id, title))
    """
    context = print_context_for(database, keys_directory, actor)
    plan = _load_plan(database, context, kind, record_id)
    return render_to_bytes([plan], context, title, 1, progress, cancel)


def _load_plan(
    database: Database, context: PrintContext, kind: str, record_id: str
) -> DocumentPlan:
    definition = document_kind(kind)
    if definition.load is None:
        raise ValidationError.single(
            "kind",
            f"{definition.label}的数据来自尚未完成的模块，暂时不能按编号打印。"
            f"可以先打印样张：dangqun print {kind} --sample --out 文件.pdf",
        )
    return definition.build(definition.load(database, record_id, context), context)


def sample_plans(context: PrintContext) -> list[DocumentPlan]:
    return [
        definition.build(definition.sample(context), context)
        for definition in document_kinds().values()
    ]


def write_samples(context: PrintContext, directory: str | os.PathLike[str]) -> list[Path]:
    """One PDF per document kind (``<kind>.pdf``) from sample data, for looking and testing."""
    target = Path(directory)
    written: list[Path] = []
    for definition in document_kinds().values():
        path = target / f"{definition.kind}.pdf"
        render_to_file([definition.build(definition.sample(context), context)], context, path)
        written.append(path)
    return written
