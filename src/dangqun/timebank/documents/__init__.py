"""The time bank's printed documents, declared in :mod:`dangqun.timebank.feature` (issue 13).

* ``time_statement`` — 时间银行存折, a volunteer's passbook for a period, in large print;
* ``time_ledger`` — 时间银行月度账簿, a closed month's ledger for the archive;
* ``volunteer_certificate`` — 志愿服务证明, entered in the register of issued documents
  (issue 12): numbered ``ZYZM-年-序号``, a re-print is the same paper, a void is recorded;
* ``service_report`` — 在职党员社区服务情况报告 (双报告) to a member's home organization.

Each module holds the document's dataclass, builder, sample and loader; the loaders read through
:mod:`dangqun.timebank.service` as the printing user (``context.actor``) may. What ``--id`` names
is in :mod:`~dangqun.timebank.documents.record_ids`.
"""

from __future__ import annotations

from typing import Any

from dangqun.core.db import Database
from dangqun.printing.kinds import DocumentKind, Registration
from dangqun.printing.page_kit import PrintContext
from dangqun.timebank.documents import (
    month_ledger,
    service_report,
    time_statement,
    volunteer_certificate,
)
from dangqun.timebank.documents.record_ids import parse_volunteer_id


def _load_statement(
    database: Database, record_id: str, context: PrintContext
) -> time_statement.TimeStatementData:
    key = parse_volunteer_id(record_id, needs_period=True)
    assert key.start is not None and key.end is not None
    return time_statement.load_time_statement(database, context, key.number, key.start, key.end)


def _load_report(
    database: Database, record_id: str, context: PrintContext
) -> service_report.ServiceReportData:
    key = parse_volunteer_id(record_id, needs_period=True)
    assert key.start is not None and key.end is not None
    return service_report.load_service_report(database, context, key.number, key.start, key.end)


CERTIFICATE_REGISTRATION = Registration(
    number_prefix="ZYZM",
    subject=volunteer_certificate.certificate_subject,
    facts=volunteer_certificate.certificate_facts,
    issued=volunteer_certificate.issued_certificate,
)
"""证明 numbers: ZYZM-年-序号, one sequence a year (志愿服务证明)."""

PERIOD_ID = "志愿者编号/开始日期/结束日期，如 ZY202600001/2026-01-01/2026-06-30"

DOCUMENT_KINDS: tuple[DocumentKind[Any], ...] = (
    DocumentKind(
        volunteer_certificate.KIND,
        "志愿服务证明",
        volunteer_certificate.VolunteerCertificateData,
        volunteer_certificate.build_volunteer_certificate,
        volunteer_certificate.sample_volunteer_certificate,
        load=volunteer_certificate.load_volunteer_certificate,
        id_meaning="志愿者编号（全部服务），或 " + PERIOD_ID,
        carries_verification_code=True,
        registration=CERTIFICATE_REGISTRATION,
    ),
    DocumentKind(
        time_statement.KIND,
        "时间银行存折",
        time_statement.TimeStatementData,
        time_statement.build_time_statement,
        time_statement.sample_time_statement,
        load=_load_statement,
        id_meaning=PERIOD_ID,
    ),
    DocumentKind(
        month_ledger.KIND,
        "时间银行月度账簿",
        month_ledger.MonthLedgerData,
        month_ledger.build_month_ledger,
        month_ledger.sample_month_ledger,
        load=month_ledger.load_month_ledger,
        id_meaning="已结账的月份，如 2026-11",
    ),
    DocumentKind(
        service_report.KIND,
        "在职党员社区服务情况报告（双报告）",
        service_report.ServiceReportData,
        service_report.build_service_report,
        service_report.sample_service_report,
        load=_load_report,
        id_meaning=PERIOD_ID + "（须为到社区报到的在职党员）",
    ),
)
