"""Every document the app prints, in one list: kind → builder → sample data → loader.

A newcomer looking for "what can dangqun print?" reads :data:`DOCUMENT_KINDS`. Adding a kind
means: a module in :mod:`dangqun.printing.documents` with a dataclass, a builder and a sample,
and one entry here; ``dangqun print samples``, the CLI and the tests pick it up from this list.

``load`` turns a record id into the document's data straight from the database, or through a
feature's service as ``context.actor`` (set by ``print_context_for``) may see it. Kinds whose
data belongs to a module that does not exist yet (time bank, minutes, bases) have no loader:
those modules will fill the dataclass themselves and call :mod:`dangqun.printing.service`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from dangqun.core.db import Database
from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.printing.documents import (
    booking_slip,
    member_roster,
    minutes,
    political_birthdays,
    registration_receipt,
    time_statement,
    volunteer_certificate,
)
from dangqun.printing.page_kit import DocumentPlan, PrintContext

DataType = TypeVar("DataType")

Loader = Callable[[Database, str, PrintContext], Any]


@dataclass(frozen=True)
class DocumentKind(Generic[DataType]):
    kind: str
    label: str
    data_type: type[DataType]
    build: Callable[[DataType, PrintContext], DocumentPlan]
    sample: Callable[[PrintContext], DataType]
    load: Callable[[Database, str, PrintContext], DataType] | None = None
    id_meaning: str = ""
    """What ``--id`` names for this kind (shown in the CLI help)."""
    carries_verification_code: bool = False


def _integer_id(record_id: str, meaning: str) -> int:
    text = record_id.strip()
    if not text.isdigit():
        raise ValidationError.single("id", f"{meaning}应是数字编号，而不是“{record_id}”。")
    return int(text)


def _load_roster(
    database: Database, record_id: str, context: PrintContext
) -> member_roster.MemberRosterData:
    return member_roster.load_member_roster(
        database, _integer_id(record_id, "党组织编号"), context.print_date
    )


def _load_receipt(
    database: Database, record_id: str, context: PrintContext
) -> registration_receipt.RegistrationReceiptData:
    return registration_receipt.load_registration_receipt(
        database,
        _integer_id(record_id, "党员编号"),
        issued_on=context.print_date,
        handler=context.operator_name,
        contact="",
    )


def _load_political_birthdays(
    database: Database, record_id: str, context: PrintContext
) -> political_birthdays.PoliticalBirthdaysData:
    year, month = political_birthdays.parse_month(record_id)
    if context.actor is None:
        raise PermissionDenied(
            "政治生日名单按当前用户的权限读取，请通过 print_context_for 取得打印上下文。"
        )
    return political_birthdays.load_political_birthdays(database, context.actor, year, month)


DOCUMENT_KINDS: dict[str, DocumentKind[Any]] = {
    kind.kind: kind
    for kind in (
        DocumentKind(
            volunteer_certificate.KIND,
            "志愿服务证明",
            volunteer_certificate.VolunteerCertificateData,
            volunteer_certificate.build_volunteer_certificate,
            volunteer_certificate.sample_volunteer_certificate,
            id_meaning="证明编号（时间银行模块完成后可用）",
            carries_verification_code=True,
        ),
        DocumentKind(
            minutes.KIND,
            "会议记录",
            minutes.MinutesData,
            minutes.build_minutes,
            minutes.sample_minutes,
            id_meaning="会议记录编号（会议记录模块完成后可用）",
            carries_verification_code=True,
        ),
        DocumentKind(
            booking_slip.KIND,
            "基地活动预约单",
            booking_slip.BookingSlipData,
            booking_slip.build_booking_slip,
            booking_slip.sample_booking_slip,
            id_meaning="预约编号（基地预约模块完成后可用）",
        ),
        DocumentKind(
            time_statement.KIND,
            "时间银行对账单",
            time_statement.TimeStatementData,
            time_statement.build_time_statement,
            time_statement.sample_time_statement,
            id_meaning="时间银行账户编号（时间银行模块完成后可用）",
        ),
        DocumentKind(
            member_roster.KIND,
            "党员花名册",
            member_roster.MemberRosterData,
            member_roster.build_member_roster,
            member_roster.sample_member_roster,
            load=_load_roster,
            id_meaning="党组织编号（含其下属党小组的党员）",
        ),
        DocumentKind(
            registration_receipt.KIND,
            "在职党员报到回执",
            registration_receipt.RegistrationReceiptData,
            registration_receipt.build_registration_receipt,
            registration_receipt.sample_registration_receipt,
            load=_load_receipt,
            id_meaning="党员编号（须为到社区报到的在职党员）",
        ),
        DocumentKind(
            political_birthdays.KIND,
            "本月政治生日名单",
            political_birthdays.PoliticalBirthdaysData,
            political_birthdays.build_political_birthdays,
            political_birthdays.sample_political_birthdays,
            load=_load_political_birthdays,
            id_meaning=f"年月 {political_birthdays.MONTH_FORMAT}，如 2026-11",
        ),
    )
}


def document_kind(kind: str) -> DocumentKind[Any]:
    """The registered kind, or a Chinese message listing the kinds that exist."""
    found = DOCUMENT_KINDS.get(kind)
    if found is None:
        choices = "、".join(f"{item.kind}（{item.label}）" for item in DOCUMENT_KINDS.values())
        raise ValidationError.single("kind", f"没有名为“{kind}”的文书类型。可选：{choices}")
    return found


def build_document(kind: str, data: Any, context: PrintContext) -> DocumentPlan:
    """Build one document, refusing data of the wrong dataclass with a clear message."""
    definition = document_kind(kind)
    if not isinstance(data, definition.data_type):
        raise TypeError(f"{kind} needs {definition.data_type.__name__}, got {type(data).__name__}")
    return definition.build(data, context)


def sample_plan(kind: str, context: PrintContext) -> DocumentPlan:
    definition = document_kind(kind)
    return definition.build(definition.sample(context), context)
