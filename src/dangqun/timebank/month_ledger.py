"""A closed month's ledger for the archive (issue 13, "a monthly closing that snapshots balances
and prints the month's ledger for the archive").

What the printed 月度账簿 needs, read in pages so a month of a busy center (tens of thousands of
transfers, 20,000 accounts) is laid out page by page and never held in memory:

* :func:`month_summary` — the closing (who, when), the month's transfers and minutes by kind,
  and the totals of the snapshot by account kind, the center's own accounts included. Every
  transfer's legs sum to zero, so the snapshot's grand total is 0 and the volunteers' balances
  equal minus the center's: the totals printed are the ones statistics read (the same sums of
  entries), never a second bookkeeping.
* :func:`month_transfers` — every transfer booked in the month with its legs, oldest first
  (keyset paging on the transfer id).
* :func:`month_accounts` — each account of the snapshot: opening (previous month's end), in,
  out and closing balance, and minutes served (keyset paging on the account id).

Only a closed month is printed: the archive copy shows the snapshot the closing took, which
nothing can change afterwards (no posting is booked into a closed month).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from dangqun.core.clock import to_local
from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.core.users import User
from dangqun.timebank.models import (
    ClosingBalance,
    Entry,
    LedgerAccount,
    MonthlyClosing,
    Transfer,
    Volunteer,
)
from dangqun.timebank.statements import month_bounds
from dangqun.timebank.vocabulary import ACCOUNT_KIND_LABELS, AccountKind, TransferKind
from dangqun.timebank.volunteers import MEMBERS

LEDGER_PAGE = 200


@dataclass(frozen=True)
class KindTotal:
    kind: TransferKind
    transfers: int
    minutes: int
    """The minutes moved: the sum of the positive legs."""


@dataclass(frozen=True)
class AccountKindTotal:
    """The snapshot summed over the accounts of one kind."""

    kind: AccountKind
    accounts: int
    opening: int
    minutes_in: int
    minutes_out: int
    closing: int
    served: int

    @property
    def label(self) -> str:
        return ACCOUNT_KIND_LABELS[self.kind]


@dataclass(frozen=True)
class MonthSummary:
    month: str
    first: date
    last: date
    closed_by: str
    closed_at: datetime
    transfers: int
    by_kind: tuple[KindTotal, ...]
    by_account_kind: tuple[AccountKindTotal, ...]
    """Volunteers first, then the center's own accounts (issuance, pool, catalogue)."""

    @property
    def grand_total(self) -> int:
        """The sum of every closing balance: 0 while every transfer balances."""
        return sum(total.closing for total in self.by_account_kind)


@dataclass(frozen=True)
class LedgerLeg:
    account: str
    """The volunteer number and name, or the center account's name."""
    amount: int


@dataclass(frozen=True)
class LedgerTransfer:
    id: int
    booked_on: date
    kind: TransferKind
    posted_by: str
    note: str
    """What was received (spend), the reason (reversal, with the transfer it reverses)."""
    legs: tuple[LedgerLeg, ...]


@dataclass(frozen=True)
class AccountLine:
    account_id: int
    kind: AccountKind
    account: str
    opening: int
    minutes_in: int
    minutes_out: int
    """Positive: the minutes that left the account in the month."""
    closing: int
    served: int


def _closing(session: Session, month: str) -> MonthlyClosing:
    first, _last = month_bounds(month)
    label = f"{first:%Y-%m}"
    closing = session.scalar(select(MonthlyClosing).where(MonthlyClosing.month == label))
    if closing is None:
        raise ValidationError.single(
            "month", f"{label} 还没有结账。月度账簿只打印已结账的月份（先执行月末结账）"
        )
    return closing


def _account_label() -> object:
    """The SQL expression naming an account as the ledger prints it."""
    person = func.coalesce(Volunteer.name, MEMBERS.c.name, "")
    return case(
        (LedgerAccount.volunteer_id.is_(None), LedgerAccount.name),
        else_=LedgerAccount.name + " " + person,
    )


def month_summary(database: Database, actor: Actor, month: str) -> MonthSummary:
    """The closed month's totals (see the module docstring); refused for a month not closed."""
    actor.require(Permission.VIEW)
    first, last = month_bounds(month)
    with database.reading() as session:
        closing = _closing(session, month)
        kinds = {
            TransferKind(kind): (int(count), int(minutes or 0))
            for kind, count, minutes in session.execute(
                select(
                    Transfer.kind,
                    func.count(func.distinct(Transfer.id)),
                    func.sum(case((Entry.amount > 0, Entry.amount), else_=0)),
                )
                .join(Entry, Entry.transfer_id == Transfer.id)
                .where(Transfer.booked_on >= first, Transfer.booked_on <= last)
                .group_by(Transfer.kind)
            )
        }
        by_kind = tuple(KindTotal(kind, *kinds.get(kind, (0, 0))) for kind in TransferKind)
        lines = _account_lines(session, closing, first, last, None, None)
        totals: dict[AccountKind, list[int]] = {kind: [0] * 6 for kind in AccountKind}
        for line in lines:
            total = totals[line.kind]
            for index, value in enumerate(
                (1, line.opening, line.minutes_in, line.minutes_out, line.closing, line.served)
            ):
                total[index] += value
        return MonthSummary(
            month=closing.month,
            first=first,
            last=last,
            closed_by=_people(session).get(closing.closed_by, closing.closed_by),
            closed_at=to_local(closing.created_at),
            transfers=sum(count for count, _minutes in kinds.values()),
            by_kind=by_kind,
            by_account_kind=tuple(AccountKindTotal(kind, *totals[kind]) for kind in AccountKind),
        )


def month_transfers(
    database: Database, actor: Actor, month: str, after_id: int = 0, limit: int = LEDGER_PAGE
) -> tuple[LedgerTransfer, ...]:
    """The month's transfers after ``after_id`` (oldest first by date, then id), with legs."""
    actor.require(Permission.VIEW)
    first, last = month_bounds(month)
    with database.reading() as session:
        _closing(session, month)
        transfers = list(
            session.scalars(
                select(Transfer)
                .where(Transfer.booked_on >= first, Transfer.booked_on <= last)
                .where(Transfer.id > after_id)
                .order_by(Transfer.id)
                .limit(max(limit, 1))
            )
        )
        legs: dict[int, list[LedgerLeg]] = {transfer.id: [] for transfer in transfers}
        people = _people(session)
        label = _account_label()
        for transfer_id, account, amount in session.execute(
            select(Entry.transfer_id, label, Entry.amount)  # type: ignore[call-overload]
            .join(LedgerAccount, LedgerAccount.id == Entry.account_id)
            .outerjoin(Volunteer, Volunteer.id == LedgerAccount.volunteer_id)
            .outerjoin(MEMBERS, MEMBERS.c.id == Volunteer.member_id)
            .where(Entry.transfer_id.in_(list(legs)))
            .order_by(Entry.transfer_id, Entry.amount, Entry.id)
        ):
            legs[transfer_id].append(LedgerLeg(account, int(amount)))
        return tuple(
            LedgerTransfer(
                transfer.id,
                transfer.booked_on,
                TransferKind(transfer.kind),
                people.get(transfer.posted_by, transfer.posted_by),
                _note(transfer),
                tuple(legs[transfer.id]),
            )
            for transfer in transfers
        )


def _people(session: Session) -> dict[str, str]:
    """Account name → the person's name: paper names people, never accounts (issue 12)."""
    rows = session.execute(select(User.username, User.display_name))
    return {username: name for username, name in rows}


def _note(transfer: Transfer) -> str:
    if transfer.kind == TransferKind.REVERSAL.value:
        return f"冲正第 {transfer.reverses_id} 号：{transfer.reason or ''}"
    if transfer.kind == TransferKind.SPEND.value:
        return transfer.received or ""
    if transfer.kind == TransferKind.EARN.value and transfer.service_record_id is not None:
        return f"服务记录 {transfer.service_record_id}"
    return transfer.reason or ""


def month_accounts(
    database: Database, actor: Actor, month: str, after_id: int = 0, limit: int = LEDGER_PAGE
) -> tuple[AccountLine, ...]:
    """The snapshot's accounts after ``after_id`` (by account id, the center's three first)."""
    actor.require(Permission.VIEW)
    first, last = month_bounds(month)
    with database.reading() as session:
        closing = _closing(session, month)
        return tuple(_account_lines(session, closing, first, last, after_id, max(limit, 1)))


def _account_lines(
    session: Session,
    closing: MonthlyClosing,
    first: date,
    last: date,
    after_id: int | None,
    limit: int | None,
) -> list[AccountLine]:
    """Accounts of the snapshot (or an account with movements in the month), with the month's
    movements summed from the entries and the opening as closing minus the movements."""
    moved = (
        select(
            Entry.account_id.label("account_id"),
            func.sum(case((Entry.amount > 0, Entry.amount), else_=0)).label("minutes_in"),
            func.sum(case((Entry.amount < 0, -Entry.amount), else_=0)).label("minutes_out"),
        )
        .where(Entry.booked_on >= first, Entry.booked_on <= last)
        .group_by(Entry.account_id)
        .subquery()
    )
    label = _account_label()
    query = (
        select(  # type: ignore[call-overload]
            ClosingBalance.account_id,
            LedgerAccount.kind,
            label,
            ClosingBalance.balance,
            ClosingBalance.served,
            func.coalesce(moved.c.minutes_in, 0),
            func.coalesce(moved.c.minutes_out, 0),
        )
        .join(LedgerAccount, LedgerAccount.id == ClosingBalance.account_id)
        .outerjoin(Volunteer, Volunteer.id == LedgerAccount.volunteer_id)
        .outerjoin(MEMBERS, MEMBERS.c.id == Volunteer.member_id)
        .outerjoin(moved, moved.c.account_id == ClosingBalance.account_id)
        .where(ClosingBalance.closing_id == closing.id)
        .order_by(ClosingBalance.account_id)
    )
    if after_id is not None:
        query = query.where(ClosingBalance.account_id > after_id)
    if limit is not None:
        query = query.limit(limit)
    return [
        AccountLine(
            account_id=account_id,
            kind=AccountKind(kind),
            account=account,
            opening=int(balance) - int(minutes_in) + int(minutes_out),
            minutes_in=int(minutes_in),
            minutes_out=int(minutes_out),
            closing=int(balance),
            served=int(served),
        )
        for account_id, kind, account, balance, served, minutes_in, minutes_out in session.execute(
            query
        )
    ]
