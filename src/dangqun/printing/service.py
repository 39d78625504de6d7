"""What other modules call to print: a context for the acting user, one record, a batch.

Feature modules fill a document dataclass and call :func:`render_documents`; the CLI and the
preview window go through :func:`print_context_for` so fonts, key, center and masking are
decided in one place. Printing full personal data needs the 查看完整个人信息 permission and is
written to the audit log (个人信息保护法: log who exported it).

The verification key's export and import (issue 10) live here too: only an administrator
(``MANAGE_SETTINGS``) moves the key that signs certificates, every move is audited by the key's
fingerprint (never the key), and the file is written owner-only.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dangqun.core.center import CenterContact, center_info
from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import DangqunError, NotInitialized, ValidationError
from dangqun.core.paths import write_private_file
from dangqun.core.security import Actor, Permission
from dangqun.core.uow import UnitOfWork
from dangqun.printing.batch import ProgressCallback, RenderSummary, render_to_bytes, render_to_file
from dangqun.printing.fonts import document_fonts_for
from dangqun.printing.key_transfer import (
    KeyFileError,
    check_passphrase,
    key_fingerprint,
    unwrap_key,
    wrap_key,
)
from dangqun.printing.kinds import DocumentKind
from dangqun.printing.page_kit import DocumentPlan, PrintContext
from dangqun.printing.page_settings import read_page_settings
from dangqun.printing.register import issue_document
from dangqun.printing.registry import document_kind, document_kinds
from dangqun.printing.verification import (
    load_or_create_verification_key,
    read_verification_key,
    verification_key_path,
)

SAMPLE_CENTER_NAME = "示例社区党群服务中心"
SAMPLE_CENTER_ID = "00000000-0000-4000-8000-000000000000"
NO_CONTACT = CenterContact("", "", "", "")
PERSONAL_DATA_AUDIT_ACTION = "print.personal_data"
KEY_EXPORT_AUDIT_ACTION = "print.key_export"
KEY_IMPORT_AUDIT_ACTION = "print.key_import"
KEY_AUDIT_ENTITY = "verification_key"


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
        name, center_id, contact = info.name, info.center_id, info.contact
    except NotInitialized:
        name, center_id, contact = SAMPLE_CENTER_NAME, SAMPLE_CENTER_ID, NO_CONTACT
    return PrintContext(
        center_name=name,
        center_id=center_id,
        print_date=print_date or local_today(),
        fonts=document_fonts_for(database),
        verification_key=load_or_create_verification_key(keys_directory),
        may_see_personal_data=full_personal_data,
        operator_name=actor.display_name,
        actor=actor,
        contact=contact,
        page=read_page_settings(database),
    )


def _audit_personal_data(work: UnitOfWork, kind: str, what: str, path: Path, count: int) -> None:
    work.audit(
        PERSONAL_DATA_AUDIT_ACTION,
        "document",
        f"{kind}:{what}",
        None,
        {"kind": kind, "file": str(path), "documents": count},
    )


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
    """One document loaded by id from the database (``dangqun print KIND --id ID``).

    A registered kind is issued (or re-printed) in the register in the same unit of work as
    the rendering: a document that failed to render leaves no entry behind (issue 12).
    """
    definition = document_kind(kind)
    data = _load(definition, database, record_id, context)
    target = Path(path)
    if definition.registration is None:
        summary = render_to_file(_built(definition, data, context), context, target)
        if context.may_see_personal_data:
            with database.unit_of_work(actor) as work:
                _audit_personal_data(work, kind, record_id, target, 1)
                work.commit()
        return summary
    with database.unit_of_work(actor) as work:
        data = issue_document(work, definition, record_id, data, context)
        summary = render_to_file(_built(definition, data, context), context, target)
        if context.may_see_personal_data:
            _audit_personal_data(work, kind, record_id, target, 1)
        work.commit()
    return summary


def _built(
    definition: DocumentKind[Any], data: Any, context: PrintContext
) -> Iterator[DocumentPlan]:
    """The document's plan, built when the render asks for it: inside the render, so the
    characters no font has that building finds are in the summary it returns (issue 12)."""
    yield definition.build(data, context)


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

    The preview is what gets printed or saved, so a registered kind is issued here as by
    ``dangqun print`` (a second preview is a re-print of the same number).
    """
    context = print_context_for(database, keys_directory, actor)
    definition = document_kind(kind)
    data = _load(definition, database, record_id, context)
    if definition.registration is None:
        return render_to_bytes(
            [definition.build(data, context)], context, title, 1, progress, cancel
        )
    with database.unit_of_work(actor) as work:
        data = issue_document(work, definition, record_id, data, context)
        pdf = render_to_bytes(
            [definition.build(data, context)], context, title, 1, progress, cancel
        )
        work.commit()
    return pdf


def _load(
    definition: DocumentKind[Any], database: Database, record_id: str, context: PrintContext
) -> Any:
    if definition.load is None:
        raise ValidationError.single(
            "kind",
            f"{definition.label}的数据来自尚未完成的模块，暂时不能按编号打印。"
            f"可以先打印样张：dangqun print {definition.kind} --sample --out 文件.pdf",
        )
    return definition.load(database, record_id, context)


def sample_plans(context: PrintContext) -> list[DocumentPlan]:
    context = context.as_sample()
    return [
        definition.build(definition.sample(context), context)
        for definition in document_kinds().values()
    ]


def write_samples(context: PrintContext, directory: str | os.PathLike[str]) -> list[Path]:
    """One PDF per document kind (``<kind>.pdf``) from sample data, for looking and testing."""
    context = context.as_sample()
    target = Path(directory)
    written: list[Path] = []
    for definition in document_kinds().values():
        path = target / f"{definition.kind}.pdf"
        render_to_file([definition.build(definition.sample(context), context)], context, path)
        written.append(path)
    return written


class KeyReplacementRefused(DangqunError):
    """Importing would replace a different key: asked again, with what that costs."""


@dataclass(frozen=True)
class KeyImportOutcome:
    key_id: str
    replaced_key_id: str | None
    """The fingerprint of the key that was replaced (kept beside it); None if there was none."""
    unchanged: bool
    """The file held the key already in use: nothing was written."""

    def report(self) -> str:
        if self.unchanged:
            return f"这个数据目录已在使用这把核验密钥（指纹 {self.key_id}），无需导入。"
        if self.replaced_key_id:
            return (
                f"已导入核验密钥（指纹 {self.key_id}）。原密钥（指纹 {self.replaced_key_id}）"
                "已改名保留在 keys 文件夹中，用它出具的文书需以 verify --key-file 指定它核验。"
            )
        return f"已导入核验密钥（指纹 {self.key_id}）。本中心出具的文书在这台电脑上可以核验了。"


def verification_key_id(keys_directory: Path) -> str | None:
    """The fingerprint of this data directory's key, None before the first one is made."""
    path = verification_key_path(keys_directory)
    return key_fingerprint(read_verification_key(path)) if path.exists() else None


def export_verification_key(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    path: str | os.PathLike[str],
    passphrase: str,
) -> str:
    """Write the key, wrapped with ``passphrase``, to ``path``; returns its fingerprint.

    The key is made here if nothing has been printed yet, so it can go into the safe on day one.
    """
    actor.require(Permission.MANAGE_SETTINGS)
    check_passphrase(passphrase)
    target = Path(path)
    center_id = center_info(database).center_id
    key = load_or_create_verification_key(keys_directory)
    content = wrap_key(key, passphrase, center_id)
    key_id = key_fingerprint(key)
    with database.unit_of_work(actor) as work:
        work.audit(
            KEY_EXPORT_AUDIT_ACTION,
            KEY_AUDIT_ENTITY,
            key_id,
            None,
            {"key_id": key_id, "file": str(target)},
        )
        _write_private(target, content, "导出的密钥文件")
        work.commit()
    return key_id


def import_verification_key(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    path: str | os.PathLike[str],
    passphrase: str,
    replace_existing: bool = False,
) -> KeyImportOutcome:
    """Install the key of a file made by :func:`export_verification_key` for this center.

    A different key already here is replaced only with ``replace_existing``: documents it signed
    stop verifying with this directory's key, so it is kept beside it (named by its fingerprint)
    for ``verify --key-file``, never deleted.
    """
    actor.require(Permission.MANAGE_SETTINGS)
    source = Path(path)
    try:
        content = source.read_bytes()
    except OSError as error:
        raise KeyFileError(f"无法读取密钥文件“{source}”（{error.strerror or error}）。") from None
    unwrapped = unwrap_key(content, passphrase)
    center = center_info(database)
    if unwrapped.center_id != center.center_id:
        raise KeyFileError(
            f"这个密钥文件属于另一个服务中心（中心编号 {unwrapped.center_id}），"
            f"不是本中心（{center.center_id}）的，不能导入。"
        )
    key_path = verification_key_path(keys_directory)
    current = read_verification_key(key_path) if key_path.exists() else None
    if current == unwrapped.key:
        return KeyImportOutcome(unwrapped.key_id, None, unchanged=True)
    current_id = key_fingerprint(current) if current is not None else None
    if current_id is not None and not replace_existing:
        raise KeyReplacementRefused(
            f"这个数据目录已有另一把核验密钥（指纹 {current_id}），导入的密钥指纹为 "
            f"{unwrapped.key_id}。替换后，用现有密钥出具的证明和会议记录将不能再用本机核验"
            "（原密钥会改名保留在 keys 文件夹中）。确认要替换，请再次导入并确认替换"
            "（命令行加 --replace-existing-key）。"
        )
    with database.unit_of_work(actor) as work:
        work.audit(
            KEY_IMPORT_AUDIT_ACTION,
            KEY_AUDIT_ENTITY,
            unwrapped.key_id,
            {"key_id": current_id} if current_id else None,
            {"key_id": unwrapped.key_id, "file": str(source)},
        )
        if current_id is not None:
            key_path.replace(keys_directory / f"verification-{current_id}.replaced.key")
        _write_private(key_path, (unwrapped.key.hex() + "\n").encode("ascii"), "核验密钥文件")
        work.commit()
    return KeyImportOutcome(unwrapped.key_id, current_id, unchanged=False)


def _write_private(target: Path, content: bytes, what: str) -> None:
    """Owner-only from the first byte, complete or not at all; a failure in Chinese."""
    try:
        write_private_file(target, content)
    except OSError as error:
        raise DangqunError(f"{what}“{target}”无法写入（{error.strerror or error}）。") from None
