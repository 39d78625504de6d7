"""One month of the time bank at a glance, for 首页 (issue 13, "Home page").

The figures come from the center's own accounts, so they agree with the ledger and every report
(issue 13: "totals that include the center's own accounts, so statistics and reports always
agree"): every earned minute leaves 发行 and every spent minute arrives in 兑换目录, so the
month's earned minutes are minus the sum of the issuance account's entries booked in the month,
and its spent minutes the sum of the catalogue's — a reversal booked in the month counts against
its kind by itself. Each is one indexed sum (``ix_timebank_entries_account``). Pending records
and the month's categories come from ``ix_timebank_service_records_status``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.security import Actor, Permission
from dangqun.timebank.ledger import center_account_id
from dangqun.timebank.models import Entry, ServiceCategory, ServiceRecord
from dangqun.timebank.statements import CategoryMinutes, month_bounds
from dangqun.timebank.vocabulary import AccountKind, RecordStatus

TOP_CATEGORIES = 3


@dataclass(frozen=True)
class MonthOverview:
    month: str
    """``2026-11``."""
    earned_minutes: int
    """Minutes credited by verification in the month, net of reversals booked in it."""
    spent_minutes: int
    """Minutes spent on the exchange catalogue in the month, net of reversals booked in it."""
    pending_records: int
    """Records waiting for verification now (any month): the front desk's to-do."""
    pending_minutes: int
    top_categories: tuple[CategoryMinutes, ...]
    """The month's verified service by category, most minutes first (at most three)."""


def month_overview(database: Database, actor: Actor, today: date | None = None) -> MonthOverview:
    """The figures of the month of ``today`` (the local date by default)."""
    actor.require(Permission.VIEW)
    month = f"{today or local_today():%Y-%m}"
    first, last = month_bounds(month)
    with database.reading() as session:

        def booked(kind: AccountKind) -> int:
            total = session.scalar(
                select(func.coalesce(func.sum(Entry.amount), 0)).where(
                    Entry.account_id == center_account_id(session, kind),
                    Entry.booked_on >= first,
                    Entry.booked_on <= last,
                )
            )
            return int(total or 0)

        pending = session.execute(
            select(func.count(), func.coalesce(func.sum(ServiceRecord.minutes), 0)).where(
                ServiceRecord.status == RecordStatus.PENDING.value
            )
        ).one()
        minutes = func.sum(ServiceRecord.minutes)
        categories = session.execute(
            select(ServiceCategory.name, minutes, func.count())
            .join(ServiceCategory, ServiceCategory.id == ServiceRecord.category_id)
            .where(
                ServiceRecord.status == RecordStatus.VERIFIED.value,
                ServiceRecord.served_on >= first,
                ServiceRecord.served_on <= last,
            )
            .group_by(ServiceCategory.id, ServiceCategory.name)
            .order_by(minutes.desc(), ServiceCategory.name)
            .limit(TOP_CATEGORIES)
        ).all()
        return MonthOverview(
            month=month,
            earned_minutes=-booked(AccountKind.ISSUANCE),
            spent_minutes=booked(AccountKind.CATALOGUE),
            pending_records=int(pending[0]),
            pending_minutes=int(pending[1]),
            top_categories=tuple(
                CategoryMinutes(name, int(total), int(count)) for name, total, count in categories
            ),
        )
