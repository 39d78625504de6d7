"""Reading the ledger for people and the archive: statements, monthly closings, certificate data.

* A **statement** (存折, issue 13) of one volunteer for a period: the balance before it, each
  movement with the running balance after it, the balance at its end; paged, because a
  statement of many years is long — the running balance of a later page starts from the
  opening balance plus the movements before the page, summed in the database.
* A **monthly closing** snapshots every account's balance (and each volunteer's minutes served
  through the ledger) at the end of a month, once: closing a month again is *refused*, not
  repeated, so the archive's printout and the stored snapshot can never differ. Postings are
  then never booked into a closed month (:func:`dangqun.timebank.service` checks the date), so
  a snapshot stays equal to the sums of entries — ``dangqun check`` proves it.
* **Certificate data** (志愿服务证明, 民政部《志愿服务记录与证明出具办法（试行）》): minutes served
  — verified service only, whatever was given or spent — in a period, with a summary of the
  content by category.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased

from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.model_base import insert_synced_rows
from dangqun.core.privacy import PersonalField, can_see_personal_data, shown
from dangqun.core.security import Actor, Permission
from dangqun.timebank.ledger import account_balance, account_id_of
from dangqun.timebank.models import (
    ClosingBalance,
    Entry,
    LedgerAccount,
    MonthlyClosing,
    ServiceCategory,
    ServiceRecord,
    Transfer,
)
from dangqun.timebank.vocabulary import (
    RECEIVED_KIND_LABELS,
    TRANSFER_KIND_LABELS,
    ReceivedKind,
    RecordStatus,
    TransferKind,
    hours_in_words,
)
from dangqun.timebank.volunteers import get_volunteer_row, person_of

ID_TYPE_RESIDENT_CARD = "居民身份证"
STATEMENT_PAGE = 50


@dataclass(frozen=True)
class Movement:
    entry_id: int
    transfer_id: int
    booked_on: date
    kind: TransferKind
    description: str
    amount: int
    """Signed minutes on this account."""
    balance: int
    """The balance after this movement."""

    @property
    def kind_label(self) -> str:
        return TRANSFER_KIND_LABELS[self.kind]


@dataclass(frozen=True)
class Statement:
    volunteer_id: int
    volunteer_number: str
    volunteer_name: str
    start: date
    end: date
    opening_balance: int
    closing_balance: int
    movements: tuple[Movement, ...]
    """This page's movements, oldest first."""
    total_movements: int
    offset: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.movements) < self.total_movements


@dataclass(frozen=True)
class ClosingResult:
    month: str
    closing_id: int
    accounts: int
    total: int
    """Sum of all snapshot balances: 0, as every transfer's legs sum to 0."""


@dataclass(frozen=True)
class CategoryMinutes:
    category: str
    minutes: int
    records: int


@dataclass(frozen=True)
class CertificateData:
    """What a 志愿服务证明 states (DOMAIN.md §3); the ID number as ``actor`` may see it."""

    volunteer_id: int
    volunteer_number: str
    name: str
    id_type: str
    id_number: str
    start: date | None
    end: date | None
    served_minutes: int
    records: int
    first_served_on: date | None
    last_served_on: date | None
    categories: tuple[CategoryMinutes, ...]
    contents: tuple[str, ...]
    """Distinct service contents, most minutes first (at most ten)."""
    personal_data_masked: bool

    @property
    def served_text(self) -> str:
        return hours_in_words(self.served_minutes)


def _period_errors(start: date, end: date) -> None:
    if end < start:
        raise ValidationError.single("end", "结束日期早于开始日期")


@dataclass(frozen=True)
class _PageFacts:
    """What the descriptions of one page need, read in two queries for the whole page."""

    services: dict[int, tuple[str, str, date, int]]
    """record id → (category, content, served_on, minutes)."""
    counterparts: dict[int, str]
    """transfer id → the name of the other account (转赠)."""


def _page_facts(session: Session, transfers: list[Transfer], account_id: int) -> _PageFacts:
    record_ids = [t.service_record_id for t in transfers if t.service_record_id is not None]
    services = {
        record_id: (category, content, served_on, minutes)
        for record_id, category, content, served_on, minutes in session.execute(
            select(
                ServiceRecord.id,
                ServiceCategory.name,
                ServiceRecord.content,
                ServiceRecord.served_on,
                ServiceRecord.minutes,
            )
            .join(ServiceCategory, ServiceCategory.id == ServiceRecord.category_id)
            .where(ServiceRecord.id.in_(record_ids))
        )
    }
    gives = [t.id for t in transfers if t.kind == TransferKind.GIVE.value]
    counterparts = dict(
        session.execute(
            select(Entry.transfer_id, LedgerAccount.name)
            .join(LedgerAccount, LedgerAccount.id == Entry.account_id)
            .where(Entry.transfer_id.in_(gives), Entry.account_id != account_id)
        ).all()
    )
    return _PageFacts(services, counterparts)


def _description(transfer: Transfer, amount: int, facts: _PageFacts) -> str:
    kind = TransferKind(transfer.kind)
    if kind is TransferKind.EARN and transfer.service_record_id in facts.services:
        category, content, served_on, minutes = facts.services[transfer.service_record_id]
        served = f"{served_on.year}年{served_on.month}月{served_on.day}日"  # printed: dates in full
        return f"{category}：{content}（{served}，{hours_in_words(minutes)}）"
    if kind is TransferKind.SPEND:
        what = RECEIVED_KIND_LABELS[ReceivedKind(transfer.received_kind or ReceivedKind.ITEM.value)]
        return f"兑换{what}：{transfer.received or ''}"
    if kind is TransferKind.GIVE:
        other = facts.counterparts.get(transfer.id, "")
        return f"收到 {other} 的转赠" if amount > 0 else f"转赠给 {other}"
    if kind is TransferKind.DONATE:
        return "捐赠到公益池"
    if kind is TransferKind.EARN:
        return "服务存入"
    return f"冲正第 {transfer.reverses_id} 号账目：{transfer.reason or ''}"


def account_statement(
    session: Session, account_id: int, start: date, end: date, offset: int, limit: int
) -> tuple[int, int, list[Movement], int]:
    """(opening, closing, page of movements, total movements) of any ledger account."""
    opening = account_balance(session, account_id, start - timedelta(days=1))
    closing = account_balance(session, account_id, end)
    in_period = (Entry.account_id == account_id, Entry.booked_on >= start, Entry.booked_on <= end)
    total = session.scalar(select(func.count()).select_from(Entry).where(*in_period)) or 0
    before_page = (
        select(Entry.amount).where(*in_period).order_by(Entry.booked_on, Entry.id).limit(offset)
    )
    running = opening + int(
        session.scalar(select(func.coalesce(func.sum(before_page.subquery().c.amount), 0))) or 0
    )
    rows = session.execute(
        select(Entry.id, Entry.amount, Entry.booked_on, Transfer)
        .join(Transfer, Transfer.id == Entry.transfer_id)
        .where(*in_period)
        .order_by(Entry.booked_on, Entry.id)
        .offset(offset)
        .limit(limit)
    ).all()
    facts = _page_facts(session, [row[3] for row in rows], account_id)
    movements = []
    for entry_id, amount, booked_on, transfer in rows:
        running += amount
        movements.append(
            Movement(
                entry_id,
                transfer.id,
                booked_on,
                TransferKind(transfer.kind),
                _description(transfer, amount, facts),
                amount,
                running,
            )
        )
    return opening, closing, movements, total


def statement(
    database: Database,
    actor: Actor,
    volunteer_id: int,
    start: date,
    end: date,
    offset: int = 0,
    limit: int = STATEMENT_PAGE,
) -> Statement:
    """A volunteer's passbook for ``start``–``end`` (both included), one page of movements."""
    actor.require(Permission.VIEW)
    _period_errors(start, end)
    with database.reading() as session:
        volunteer = get_volunteer_row(session, volunteer_id)
        opening, closing, movements, total = account_statement(
            session, account_id_of(session, volunteer_id), start, end, max(offset, 0), max(limit, 1)
        )
        return Statement(
            volunteer.id,
            volunteer.number,
            person_of(session, volunteer).name,
            start,
            end,
            opening,
            closing,
            tuple(movements),
            total,
            max(offset, 0),
        )


@dataclass(frozen=True)
class PeriodTotals:
    """A volunteer's movements in a period summed: what the passbook's head states before its
    (streamed) lines, so the totals are known without reading every line first."""

    movements: int
    minutes_in: int
    minutes_out: int
    """Positive: the minutes that left the account."""


def statement_totals(
    database: Database, actor: Actor, volunteer_id: int, start: date, end: date
) -> PeriodTotals:
    """The count and the in and out sums of a volunteer's movements in ``start``–``end``."""
    actor.require(Permission.VIEW)
    _period_errors(start, end)
    with database.reading() as session:
        get_volunteer_row(session, volunteer_id)
        count, minutes_in, minutes_out = session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(case((Entry.amount > 0, Entry.amount), else_=0)), 0),
                func.coalesce(func.sum(case((Entry.amount < 0, -Entry.amount), else_=0)), 0),
            ).where(
                Entry.account_id == account_id_of(session, volunteer_id),
                Entry.booked_on >= start,
                Entry.booked_on <= end,
            )
        ).one()
        return PeriodTotals(int(count), int(minutes_in), int(minutes_out))


def month_bounds(month: str) -> tuple[date, date]:
    try:
        year, number = (int(part) for part in month.split("-"))
        first = date(year, number, 1)
    except ValueError:
        raise ValidationError.single("month", f"月份“{month}”应写作 2026-11") from None
    following = date(year + number // 12, number % 12 + 1, 1)
    return first, following - timedelta(days=1)


def served_through(session: Session, account_id: int, through: date) -> int:
    """Minutes credited by earns minus their reversals, booked on or before ``through``."""
    original = aliased(Transfer)
    query = (
        select(func.coalesce(func.sum(Entry.amount), 0))
        .join(Transfer, Transfer.id == Entry.transfer_id)
        .outerjoin(original, original.id == Transfer.reverses_id)
        .where(
            Entry.account_id == account_id,
            Entry.booked_on <= through,
            or_(Transfer.kind == TransferKind.EARN.value, original.kind == TransferKind.EARN.value),
        )
    )
    return int(session.execute(query).scalar_one())


def closing_snapshot(session: Session, through: date) -> dict[int, tuple[int, int]]:
    """account id → (balance, served) at the end of ``through``, for accounts with entries."""
    balances = dict(
        session.execute(
            select(Entry.account_id, func.sum(Entry.amount))
            .where(Entry.booked_on <= through)
            .group_by(Entry.account_id)
        ).all()
    )
    original = aliased(Transfer)
    served = dict(
        session.execute(
            select(Entry.account_id, func.sum(Entry.amount))
            .join(Transfer, Transfer.id == Entry.transfer_id)
            .outerjoin(original, original.id == Transfer.reverses_id)
            .join(LedgerAccount, LedgerAccount.id == Entry.account_id)
            .where(
                Entry.booked_on <= through,
                LedgerAccount.volunteer_id.is_not(None),
                or_(
                    Transfer.kind == TransferKind.EARN.value,
                    original.kind == TransferKind.EARN.value,
                ),
            )
            .group_by(Entry.account_id)
        ).all()
    )
    return {
        account_id: (int(balance), int(served.get(account_id, 0)))
        for account_id, balance in balances.items()
    }


def close_month(
    database: Database, actor: Actor, month: str, *, today: date | None = None
) -> ClosingResult:
    """Snapshot every account at the end of ``month`` (``2026-11``), once.

    Refused when the month has not ended yet or was closed before (re-running is refused, not
    repeated). 20,000 accounts over 1,000,000 entries: one grouped pass over the entries.
    """
    actor.require(Permission.EDIT_RECORDS)
    first, last = month_bounds(month)
    if last >= (today or local_today()):
        raise ValidationError.single("month", f"{first:%Y-%m} 还没有结束，月末之后才能结账")
    label = f"{first:%Y-%m}"
    with database.unit_of_work(actor) as work:
        session = work.session
        if (
            session.scalar(select(MonthlyClosing.id).where(MonthlyClosing.month == label))
            is not None
        ):
            raise ValidationError.single("month", f"{label} 已经结账，不能重复结账")
        closing = MonthlyClosing(month=label, closed_by=actor.username)
        session.add(closing)
        session.flush()
        snapshot = closing_snapshot(session, last)
        insert_synced_rows(
            session,
            ClosingBalance,
            [
                {
                    "closing_id": closing.id,
                    "account_id": account_id,
                    "balance": balance,
                    "served": served,
                }
                for account_id, (balance, served) in sorted(snapshot.items())
            ],
        )
        total = sum(balance for balance, _served in snapshot.values())
        work.audit(
            "timebank.closing",
            "timebank_closing",
            closing.id,
            None,
            {"month": label, "accounts": len(snapshot), "total": total},
        )
        result = ClosingResult(label, closing.id, len(snapshot), total)
        work.commit()
    return result


def certificate_data(
    database: Database,
    actor: Actor,
    volunteer_id: int,
    start: date | None = None,
    end: date | None = None,
    *,
    batch_uuid: str | None = None,
) -> CertificateData:
    """The served minutes (verified records only) of a volunteer in a period (None: all time);
    ``batch_uuid``: only the records of one activity's batch entry (its certificates)."""
    actor.require(Permission.VIEW)
    if start is not None and end is not None:
        _period_errors(start, end)
    with database.reading() as session:
        volunteer = get_volunteer_row(session, volunteer_id)
        person = person_of(session, volunteer)
        conditions = [
            ServiceRecord.volunteer_id == volunteer_id,
            ServiceRecord.status == RecordStatus.VERIFIED.value,
        ]
        if start is not None:
            conditions.append(ServiceRecord.served_on >= start)
        if end is not None:
            conditions.append(ServiceRecord.served_on <= end)
        if batch_uuid is not None:
            conditions.append(ServiceRecord.batch_uuid == batch_uuid)
        minutes, records, first, last = session.execute(
            select(
                func.coalesce(func.sum(ServiceRecord.minutes), 0),
                func.count(),
                func.min(ServiceRecord.served_on),
                func.max(ServiceRecord.served_on),
            ).where(*conditions)
        ).one()
        categories = tuple(
            CategoryMinutes(name, int(total), int(count))
            for name, total, count in session.execute(
                select(ServiceCategory.name, func.sum(ServiceRecord.minutes), func.count())
                .join(ServiceCategory, ServiceCategory.id == ServiceRecord.category_id)
                .where(*conditions)
                .group_by(ServiceCategory.name)
                .order_by(func.sum(ServiceRecord.minutes).desc(), ServiceCategory.name)
            )
        )
        contents = tuple(
            session.scalars(
                select(ServiceRecord.content)
                .where(*conditions)
                .group_by(ServiceRecord.content)
                .order_by(func.sum(ServiceRecord.minutes).desc(), ServiceRecord.content)
                .limit(10)
            )
        )
        return CertificateData(
            volunteer_id=volunteer.id,
            volunteer_number=volunteer.number,
            name=person.name,
            id_type=ID_TYPE_RESIDENT_CARD,
            id_number=shown(actor, PersonalField.ID_NUMBER, person.id_number),
            start=start,
            end=end,
            served_minutes=int(minutes),
            records=int(records),
            first_served_on=first,
            last_served_on=last,
            categories=categories,
            contents=contents,
            personal_data_masked=not can_see_personal_data(actor),
        )
