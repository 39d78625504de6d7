"""The members module's printed documents, declared in :mod:`dangqun.members.feature`.

Each module holds the document's dataclass, its builder (ReportLab through
:mod:`dangqun.printing.page_kit`), its sample and its loader; the loaders read through the
members module (its service, its organization tree) as the printing user — ``context.actor`` —
may see the data, and a context without a user reads nothing.

The registration receipt carries a verification code and is entered in the register of issued
documents (issue 12): its number (``HZ-2026-000001``) and issue date come from the register, so a
re-print of the same member's receipt is the same paper.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from dangqun.core.db import Database
from dangqun.members.documents import member_roster, political_birthdays, registration_receipt
from dangqun.members.documents.personal_data import reading_actor
from dangqun.printing.kinds import (
    DocumentKind,
    IssuedAs,
    PageEstimate,
    Registration,
    integer_id,
)
from dangqun.printing.page_kit import PrintContext


def _load_roster(
    database: Database, record_id: str, context: PrintContext
) -> member_roster.MemberRosterData:
    organization_id = integer_id(record_id, "党组织编号")
    actor = reading_actor(context, "花名册")
    return member_roster.load_member_roster(database, actor, organization_id, context.print_date)


def _load_receipt(
    database: Database, record_id: str, context: PrintContext
) -> registration_receipt.RegistrationReceiptData:
    member_id = integer_id(record_id, "党员编号")
    actor = reading_actor(context, "报到回执")
    return registration_receipt.load_registration_receipt(
        database, actor, member_id, issued_on=context.print_date, contact=""
    )


def _load_political_birthdays(
    database: Database, record_id: str, context: PrintContext
) -> political_birthdays.PoliticalBirthdaysData:
    year, month, organization_id = political_birthdays.parse_list_id(record_id)
    actor = reading_actor(context, "政治生日名单")
    return political_birthdays.load_political_birthdays(
        database, actor, year, month, organization_id
    )


def _estimate_roster(database: Database, record_id: str, context: PrintContext) -> PageEstimate:
    organization_id = integer_id(record_id, "党组织编号")
    actor = reading_actor(context, "花名册")
    return member_roster.roster_estimate(database, actor, organization_id, context)


def _estimate_political_birthdays(
    database: Database, record_id: str, context: PrintContext
) -> PageEstimate:
    year, month, organization_id = political_birthdays.parse_list_id(record_id)
    actor = reading_actor(context, "政治生日名单")
    return political_birthdays.birthdays_estimate(
        database, actor, year, month, organization_id, context
    )


def _issued_receipt(
    data: registration_receipt.RegistrationReceiptData, issued: IssuedAs
) -> registration_receipt.RegistrationReceiptData:
    return dataclasses.replace(data, receipt_number=issued.number, issued_on=issued.issued_on)


RECEIPT_REGISTRATION = Registration(
    number_prefix="HZ",
    subject=lambda data: data.member_name,
    facts=registration_receipt.receipt_facts,
    issued=_issued_receipt,
)
"""回执 numbers: HZ-年-序号, one sequence a year."""


DOCUMENT_KINDS: tuple[DocumentKind[Any], ...] = (
    DocumentKind(
        member_roster.KIND,
        "党员花名册",
        member_roster.MemberRosterData,
        member_roster.build_member_roster,
        member_roster.sample_member_roster,
        load=_load_roster,
        id_meaning="党组织编号（含其下属党小组的党员）",
        estimate=_estimate_roster,
    ),
    DocumentKind(
        registration_receipt.KIND,
        "在职党员报到回执",
        registration_receipt.RegistrationReceiptData,
        registration_receipt.build_registration_receipt,
        registration_receipt.sample_registration_receipt,
        load=_load_receipt,
        id_meaning="党员编号（须为到社区报到的在职党员）",
        carries_verification_code=True,
        registration=RECEIPT_REGISTRATION,
    ),
    DocumentKind(
        political_birthdays.KIND,
        "本月政治生日名单",
        political_birthdays.PoliticalBirthdaysData,
        political_birthdays.build_political_birthdays,
        political_birthdays.sample_political_birthdays,
        load=_load_political_birthdays,
        estimate=_estimate_political_birthdays,
        id_meaning=f"年月 {political_birthdays.MONTH_FORMAT}，如 2026-11；只列一个党组织（含下属）"
        "时加 /党组织编号，如 2026-11/3",
    ),
)
