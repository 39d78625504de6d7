"""The register of issued documents (文书登记簿) and verification against it (issue 12).

Why a register: the check code printed under the QR code (``ZRAE-XX7Q-EVPI-YUX2``) is what a
clerk can type, but it is only the MAC — it carries no facts. Looked up in this center's
register, it finds the full code that was printed, which is verified with the center's key as if
it had been scanned, and the register adds what the code cannot: whether the document was
voided since, by whom and why.

What is registered: every kind that carries a verification code and is printed from a record
(:class:`dangqun.printing.kinds.Registration`). The first print of a record issues a number
(``HZ-2026-000001``: a sequence per kind per year); a re-print of the same record prints the
same number, date and code and counts on the same row (audited as a re-print); a re-print whose
record changed since is refused until the old document is voided, because the paper must match
the register. A void records who, when and why; the record may then be issued again under a new
number.

Who may void: :attr:`~dangqun.core.security.Permission.EDIT_RECORDS` — the role that issues the
documents (工作人员 print the receipts at the desk) is the one that finds the mistake and must
withdraw the paper to re-issue it after correcting the record. A void deletes nothing: the row
stays with the reason, and the audit log names who did it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select

from dangqun.core.center import center_info
from dangqun.core.changes import Entity
from dangqun.core.clock import utc_now
from dangqun.core.db import Database
from dangqun.core.errors import NotFound, NotInitialized, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.core.uow import UnitOfWork
from dangqun.printing.kinds import DocumentKind, IssuedAs, Registration
from dangqun.printing.models import IssuedDocument
from dangqun.printing.page_kit import PrintContext
from dangqun.printing.verification import (
    SAMPLE_KEY,
    SAMPLE_MESSAGE,
    VerificationKeyError,
    VerificationResult,
    VerificationStatus,
    group_check_code,
    is_sample_check_code,
    make_verification_code,
    read_verification_key,
    short_check_code,
    ungrouped_check_code,
    verifiable_kind,
    verification_key_path,
    verify_code,
)

ISSUED_DOCUMENTS = Entity("issued_document")
"""The change notice the register view subscribes to (a void, a document issued)."""
ISSUE_AUDIT_ACTION = "document.issue"
REPRINT_AUDIT_ACTION = "document.reprint"
VOID_AUDIT_ACTION = "document.void"
AUDIT_ENTITY = "issued_document"
REASON_MAX_LENGTH = 200
VOID_PERMISSION = Permission.EDIT_RECORDS


@dataclass(frozen=True)
class RegisterEntry:
    """One issued document as the register shows it (plain data for the CLI and the UI)."""

    number: str
    kind: str
    kind_label: str
    subject_key: str
    subject: str
    facts: tuple[str, ...]
    full_code: str
    check_code: str
    """Grouped, as printed (``ZRAE-XX7Q-EVPI-YUX2``)."""
    issued_on: date
    issued_by: str
    reprint_count: int
    voided_at: datetime | None
    voided_by: str
    void_reason: str

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "subject_key": self.subject_key,
            "subject": self.subject,
            "facts": list(self.facts),
            "check_code": self.check_code,
            "full_code": self.full_code,
            "issued_on": self.issued_on.isoformat(),
            "issued_by": self.issued_by,
            "reprint_count": self.reprint_count,
            "voided": self.voided,
            "voided_at": self.voided_at.isoformat() if self.voided_at else None,
            "voided_by": self.voided_by,
            "void_reason": self.void_reason,
        }

    def report_lines(self) -> list[str]:
        lines = [
            f"登记簿：{self.kind_label} {self.number}，对象 {self.subject}，"
            f"{_chinese_date(self.issued_on)}由{self.issued_by}出具，重印 {self.reprint_count} 次",
        ]
        if self.voided_at is not None:
            lines.append(
                f"已作废：{_chinese_date(self.voided_at.date())}由{self.voided_by}作废，"
                f"原因：{self.void_reason}"
            )
        return lines


def _chinese_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def _kind_label(kind: str) -> str:
    definition = verifiable_kind(kind)
    return definition.label if definition is not None else kind


def _entry(row: IssuedDocument) -> RegisterEntry:
    return RegisterEntry(
        number=row.number,
        kind=row.kind,
        kind_label=_kind_label(row.kind),
        subject_key=row.subject_key,
        subject=row.subject,
        facts=tuple(json.loads(row.facts_json)),
        full_code=row.full_code,
        check_code=group_check_code(row.check_code),
        issued_on=row.issued_on,
        issued_by=row.issued_by,
        reprint_count=row.reprint_count,
        voided_at=row.voided_at,
        voided_by=row.voided_by,
        void_reason=row.void_reason,
    )


# -- issuing ---------------------------------------------------------------------------------


def _signed(
    kind: str, registration: Registration[Any], data: Any, number: str, context: PrintContext
) -> tuple[list[str], str]:
    if context.verification_key is None:
        raise ValueError("a registered document is signed with the center's key, not as a sample")
    facts = [str(fact) for fact in registration.facts(data)]
    code = make_verification_code(kind, number, context.center_id, facts, context.verification_key)
    return facts, code


def issue_document(
    work: UnitOfWork,
    definition: DocumentKind[Any],
    record_id: str,
    data: Any,
    context: PrintContext,
) -> Any:
    """Enter the document printed for ``record_id`` in the register inside ``work`` (the print's
    unit of work) and return its data with the register's number and date put in.

    A record's document already in force is re-printed as it was: same number, date and code,
    ``reprint_count`` + 1. If the record changed since, the paper would no longer match the
    register, so the re-print is refused with the changed facts named.
    """
    registration = definition.registration
    if registration is None or (registration.applies and not registration.applies(data)):
        return data
    session = work.session
    subject_key = record_id.strip()
    current = session.scalars(
        select(IssuedDocument).where(
            IssuedDocument.kind == definition.kind,
            IssuedDocument.subject_key == subject_key,
            IssuedDocument.voided_at.is_(None),
        )
    ).one_or_none()
    if current is not None:
        stamped = registration.issued(data, IssuedAs(current.number, current.issued_on))
        facts, code = _signed(definition.kind, registration, stamped, current.number, context)
        if code != current.full_code:
            raise _changed_since_issue(definition, current, facts)
        current.reprint_count += 1
        work.audit(
            REPRINT_AUDIT_ACTION,
            AUDIT_ENTITY,
            current.number,
            {"reprint_count": current.reprint_count - 1},
            {"reprint_count": current.reprint_count},
        )
        return stamped
    issued_on = context.print_date
    sequence = (
        session.scalar(
            select(func.max(IssuedDocument.sequence)).where(
                IssuedDocument.kind == definition.kind, IssuedDocument.year == issued_on.year
            )
        )
        or 0
    ) + 1
    number = f"{registration.number_prefix}-{issued_on.year}-{sequence:06d}"
    stamped = registration.issued(data, IssuedAs(number, issued_on))
    facts, code = _signed(definition.kind, registration, stamped, number, context)
    subject = registration.subject(stamped)
    session.add(
        IssuedDocument(
            number=number,
            kind=definition.kind,
            year=issued_on.year,
            sequence=sequence,
            subject_key=subject_key,
            subject=subject,
            facts_json=json.dumps(facts, ensure_ascii=False),
            full_code=code,
            check_code=ungrouped_check_code(code),
            issued_on=issued_on,
            issued_by=context.operator_name or work.actor.display_name,
            reprint_count=0,
            voided_by="",
            void_reason="",
        )
    )
    work.audit(
        ISSUE_AUDIT_ACTION,
        AUDIT_ENTITY,
        number,
        None,
        {
            "kind": definition.kind,
            "subject": subject,
            "check_code": group_check_code(ungrouped_check_code(code)),
            "issued_on": issued_on.isoformat(),
        },
    )
    return stamped


def _changed_since_issue(
    definition: DocumentKind[Any], current: IssuedDocument, facts: Sequence[str]
) -> ValidationError:
    before = json.loads(current.facts_json)
    verifiable = verifiable_kind(definition.kind)
    labels = [field.label for field in verifiable.fields] if verifiable else []
    changed = [
        labels[index] if index < len(labels) else str(index + 1)
        for index, (old, new) in enumerate(zip(before, facts, strict=False))
        if old != new
    ]
    # The same facts and another code: the center's key was replaced (key-import).
    what = f"记录中的{'、'.join(changed)}已经改变" if changed else "本中心的核验密钥已经更换"
    return ValidationError.single(
        "id",
        f"{definition.label} {current.number}（{current.subject}）出具后，{what}，"
        "重印件将与登记簿中的原件不一致。请先作废原件（文书登记簿里点“作废”，或 dangqun "
        f"documents void {current.number} --reason 原因），再打印，将以新编号出具。",
    )


# -- reading and voiding ---------------------------------------------------------------------


def list_documents(
    database: Database, actor: Actor, kind: str | None = None, search: str = ""
) -> list[RegisterEntry]:
    """The register, newest first; ``search`` matches the number, the person or the check code."""
    actor.require(Permission.VIEW)
    statement = select(IssuedDocument).order_by(
        IssuedDocument.issued_on.desc(), IssuedDocument.id.desc()
    )
    if kind:
        statement = statement.where(IssuedDocument.kind == kind)
    words = search.strip()
    if words:
        pattern = f"%{words}%"
        conditions: list[ColumnElement[bool]] = [
            IssuedDocument.number.ilike(pattern),
            IssuedDocument.subject.like(pattern),
        ]
        plain = short_check_code(words)
        if plain is not None:
            conditions.append(IssuedDocument.check_code == plain)
        statement = statement.where(or_(*conditions))
    with database.reading() as session:
        return [_entry(row) for row in session.scalars(statement)]


def void_document(database: Database, actor: Actor, number: str, reason: str) -> RegisterEntry:
    """Record that the document ``number`` is void: who, when, why (audited). The row stays."""
    actor.require(VOID_PERMISSION)
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise ValidationError.single("reason", "请填写作废原因（例如：姓名有误，已收回原件）。")
    if len(cleaned) > REASON_MAX_LENGTH:
        raise ValidationError.single(
            "reason", f"作废原因最多 {REASON_MAX_LENGTH} 个字，现有 {len(cleaned)} 个字。"
        )
    wanted = number.strip().upper()
    with database.unit_of_work(actor) as work:
        row = work.session.scalars(
            select(IssuedDocument).where(IssuedDocument.number == wanted)
        ).one_or_none()
        if row is None:
            raise NotFound(f"文书登记簿中没有编号为“{number.strip()}”的文书。")
        if row.voided_at is not None:
            raise ValidationError.single(
                "number",
                f"{row.number} 已于{_chinese_date(row.voided_at.date())}由{row.voided_by}作废，"
                "不能再次作废。",
            )
        row.voided_at = utc_now()
        row.voided_by = actor.display_name
        row.void_reason = cleaned
        work.audit(
            VOID_AUDIT_ACTION,
            AUDIT_ENTITY,
            row.number,
            None,
            {"voided_at": row.voided_at.isoformat(), "void_reason": cleaned},
        )
        entry = _entry(row)
        work.commit()
    return entry


def _find_by_check_code(database: Database, plain: str) -> RegisterEntry | None:
    with database.reading() as session:
        row = session.scalars(
            select(IssuedDocument).where(IssuedDocument.check_code == plain)
        ).one_or_none()
        return _entry(row) if row is not None else None


# -- verifying -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentVerdict:
    """What ``dangqun verify`` and the 核验 dialog say: the verdict, the certified facts and,
    for a document of this center's register, its entry."""

    status: VerificationStatus
    message: str
    result: VerificationResult | None
    entry: RegisterEntry | None = None

    @property
    def valid(self) -> bool:
        return self.status is VerificationStatus.VALID

    def report_lines(self) -> list[str]:
        lines = [self.message]
        if self.result is not None:
            lines.extend(self.result.report_lines()[1:])
        if self.entry is not None:
            lines.extend(self.entry.report_lines())
        return lines

    def as_json(self) -> dict[str, Any]:
        result = self.result
        return {
            "status": self.status.value,
            "valid": self.valid,
            "message": self.message,
            "kind": result.kind if result else "",
            "kind_label": result.kind_label if result else "",
            "number": result.number if result else "",
            "center_id": result.center_id if result else "",
            "facts": [
                {"label": fact.label, "value": fact.value}
                for fact in (result.facts if result else ())
            ],
            "register": self.entry.as_json() if self.entry else None,
        }


def _voided_message(entry: RegisterEntry) -> str:
    assert entry.voided_at is not None
    return (
        f"已作废：这份{entry.kind_label}（{entry.number}）确由本中心出具，但已于"
        f"{_chinese_date(entry.voided_at.date())}由{entry.voided_by}作废，原因：{entry.void_reason}。"
        "它不再证明任何事项。"
    )


def verify_text(
    text: str,
    key: bytes | None,
    center_id: str | None,
    database: Database | None,
    key_path: Path | None = None,
) -> DocumentVerdict:
    """Verify what a clerk typed or a scanner sent: the full QR text or the printed check code.

    A full code is verified from itself and, when this center's register holds it, the
    register says whether it was voided. A short code alone carries no facts: it is looked up
    in the register (``database``) and the full code stored there is verified with ``key``.
    """
    given = text.strip()
    if "|" in given:
        result = verify_code(given, key or SAMPLE_KEY, center_id)
        if result.status is not VerificationStatus.SAMPLE:
            result = verify_code(given, _required(key, key_path), center_id)
        entry = None
        if database is not None and result.status is VerificationStatus.VALID:
            entry = _find_by_check_code(database, ungrouped_check_code(given))
        return _with_entry(result, entry)
    plain = short_check_code(given)
    if plain is None:
        return DocumentVerdict(
            VerificationStatus.MALFORMED,
            "无效：这不是核验码。纸面上二维码旁的核验码是 16 个字母和数字（如 "
            "ZRAE-XX7Q-EVPI-YUX2，大小写、短横线和空格均可）；扫描二维码得到的是以 DQ2| "
            "开头的全文。",
            None,
        )
    entry = _find_by_check_code(database, plain) if database is not None else None
    if entry is None:
        if is_sample_check_code(plain):
            return DocumentVerdict(VerificationStatus.SAMPLE, SAMPLE_MESSAGE, None)
        if database is None:
            return DocumentVerdict(
                VerificationStatus.UNKNOWN,
                "无法核验：只凭短核验码，只能核验本中心登记簿中的文书。核验其他中心出具的文书，"
                "请扫描二维码，用以 DQ2| 开头的完整核验码。",
                None,
            )
        return DocumentVerdict(
            VerificationStatus.UNKNOWN,
            f"未找到：本中心的文书登记簿中没有核验码为 {group_check_code(plain)} 的文书。"
            "请核对是否输错；其他中心出具的文书或未登记的证明，请扫描二维码用完整核验码核验。",
            None,
        )
    return _with_entry(verify_code(entry.full_code, _required(key, key_path), center_id), entry)


def _required(key: bytes | None, key_path: Path | None) -> bytes:
    """A sample is answered without a key; anything else needs the issuing center's."""
    if key is None:
        raise VerificationKeyError(
            f"找不到核验密钥“{key_path}”。这个数据目录还没有打印过带核验码的文书，"
            "或需要用 --key-file 指定出具中心的密钥。"
        )
    return key


def _with_entry(result: VerificationResult, entry: RegisterEntry | None) -> DocumentVerdict:
    if entry is not None and entry.voided and result.valid:
        return DocumentVerdict(VerificationStatus.VOIDED, _voided_message(entry), result, entry)
    return DocumentVerdict(result.status, result.message, result, entry)


def verify_in_data_directory(
    database: Database, keys_directory: Path, text: str
) -> DocumentVerdict:
    """:func:`verify_text` with this data directory's key, center and register (the 核验 dialog;
    plain values only, so it runs off the GUI thread)."""
    key_path = verification_key_path(keys_directory)
    key = read_verification_key(key_path) if key_path.exists() else None
    try:
        center_id: str | None = center_info(database).center_id
    except NotInitialized:
        center_id = None
    return verify_text(text, key, center_id, database, key_path)
