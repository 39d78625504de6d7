"""The double-entry minute ledger (DOMAIN.md §3; issue 13, "Ledger").

A :class:`~dangqun.timebank.models.Transfer` has two or more entries whose amounts (integer
minutes, never zero) sum to zero; entries and transfers are only ever inserted (migration
0006's triggers refuse UPDATE and DELETE). Balances are sums of entries — never stored, so they
cannot disagree with the entries — read from the covering index on (account, booked_on, amount):
an account with a few hundred entries sums in well under a millisecond.

Three figures per volunteer, kept apart on purpose (issue 13, "served vs spendable"):

* **spendable** — the sum of the volunteer account's entries (earned, received, minus spent,
  given, donated);
* **served** — the minutes of their 已核实 service records; giving or spending never reduces
  it, and reversing an earn turns its record 已冲正, so it no longer counts;
* **pending** — the minutes of their 待核实 records, shown apart.

Everything here works inside a caller's session and checks no permission: the public entry
points are in :mod:`dangqun.timebank.service`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.security import Actor
from dangqun.core.settings import get_setting
from dangqun.timebank.limits import OVERDRAFT_MINUTES, WARNING_MINUTES, limit_level
from dangqun.timebank.models import Entry, LedgerAccount, ServiceRecord, Transfer, Volunteer
from dangqun.timebank.vocabulary import (
    AccountKind,
    LimitLevel,
    RecordStatus,
    TransferKind,
    hours_in_words,
)

MAX_REQUEST_ID_LENGTH = 64


@dataclass(frozen=True)
class Balances:
    """One volunteer's three figures, in minutes."""

    served: int
    spendable: int
    pending: int

    @property
    def served_text(self) -> str:
        return hours_in_words(self.served)

    @property
    def spendable_text(self) -> str:
        return hours_in_words(self.spendable)

    @property
    def pending_text(self) -> str:
        return hours_in_words(self.pending)


@dataclass(frozen=True)
class Leg:
    account_id: int
    amount: int


@dataclass(frozen=True)
class LimitCheck:
    """How an outgoing posting would leave a volunteer's spendable balance (the UI warns on
    ``NEAR`` before the user confirms, the service refuses ``OVER``)."""

    balance: int
    balance_after: int
    floor: int
    """The lowest balance allowed: minus the overdraft setting."""
    level: LimitLevel


def center_account_id(session: Session, kind: AccountKind) -> int:
    found = session.scalar(select(LedgerAccount.id).where(LedgerAccount.kind == kind.value))
    if found is None:
        raise RuntimeError(f"center account {kind.value} missing (migration 0006 creates it)")
    return found


def account_id_of(session: Session, volunteer_id: int) -> int:
    found = session.scalar(
        select(LedgerAccount.id).where(LedgerAccount.volunteer_id == volunteer_id)
    )
    if found is None:
        raise RuntimeError(f"volunteer {volunteer_id} has no ledger account")
    return found


def account_balance(session: Session, account_id: int, through: date | None = None) -> int:
    """The sum of the account's entries (booked on or before ``through`` when given)."""
    query = select(func.coalesce(func.sum(Entry.amount), 0)).where(Entry.account_id == account_id)
    if through is not None:
        query = query.where(Entry.booked_on <= through)
    return int(session.execute(query).scalar_one())


def record_minutes(
    session: Session,
    volunteer_id: int,
    status: RecordStatus,
    start: date | None = None,
    end: date | None = None,
) -> int:
    query = select(func.coalesce(func.sum(ServiceRecord.minutes), 0)).where(
        ServiceRecord.volunteer_id == volunteer_id, ServiceRecord.status == status.value
    )
    if start is not None:
        query = query.where(ServiceRecord.served_on >= start)
    if end is not None:
        query = query.where(ServiceRecord.served_on <= end)
    return int(session.execute(query).scalar_one())


def balances_of(session: Session, volunteer_id: int) -> Balances:
    return Balances(
        served=record_minutes(session, volunteer_id, RecordStatus.VERIFIED),
        spendable=account_balance(session, account_id_of(session, volunteer_id)),
        pending=record_minutes(session, volunteer_id, RecordStatus.PENDING),
    )


def limit_check(session: Session, account_id: int, outgoing: int) -> LimitCheck:
    """What taking ``outgoing`` minutes from a volunteer account would leave."""
    balance = account_balance(session, account_id)
    floor = -int(get_setting(session, OVERDRAFT_MINUTES))
    warning = int(get_setting(session, WARNING_MINUTES))
    after = balance - outgoing
    return LimitCheck(balance, after, floor, limit_level(after, floor, warning))


def refuse_over_limit(session: Session, legs: Sequence[Leg], field: str) -> None:
    """Every volunteer account a posting takes from must stay at or above its floor."""
    for leg in legs:
        if leg.amount >= 0:
            continue
        account = session.get(LedgerAccount, leg.account_id)
        assert account is not None
        if account.kind != AccountKind.VOLUNTEER.value:
            continue
        check = limit_check(session, leg.account_id, -leg.amount)
        if check.level is LimitLevel.OVER:
            allowed = "不能为负" if check.floor == 0 else f"最多透支 {hours_in_words(-check.floor)}"
            raise ValidationError.single(
                field,
                f"账户 {account.name} 余额不足：现有 {hours_in_words(check.balance)}，本次需要 "
                f"{hours_in_words(-leg.amount)}，余额{allowed}",
            )


def clean_request_id(request_id: str) -> str:
    text = (request_id or "").strip()
    if not text or len(text) > MAX_REQUEST_ID_LENGTH:
        raise ValidationError.single(
            "request_id", f"请求编号必须是 1–{MAX_REQUEST_ID_LENGTH} 个字符（由界面生成）"
        )
    return text


def transfer_by_request(session: Session, request_id: str) -> Transfer | None:
    return session.scalar(select(Transfer).where(Transfer.request_id == request_id))


def post_transfer(
    session: Session,
    actor: Actor,
    *,
    kind: TransferKind,
    request_id: str,
    legs: Sequence[Leg],
    booked_on: date,
    service_record_id: int | None = None,
    reverses_id: int | None = None,
    received_kind: str | None = None,
    received: str | None = None,
    reason: str | None = None,
) -> Transfer:
    """Append one transfer and its entries (the caller checked limits and the request id)."""
    if (
        len(legs) < 2
        or any(leg.amount == 0 for leg in legs)
        or sum(leg.amount for leg in legs) != 0
    ):
        raise ValueError("a transfer needs two or more non-zero legs summing to zero")
    transfer = Transfer(
        kind=kind.value,
        request_id=request_id,
        booked_on=booked_on,
        service_record_id=service_record_id,
        reverses_id=reverses_id,
        received_kind=received_kind,
        received=received,
        reason=reason,
        posted_by_user_id=actor.user_id,
        posted_by=actor.username,
    )
    session.add(transfer)
    session.add_all(
        Entry(transfer=transfer, account_id=leg.account_id, amount=leg.amount, booked_on=booked_on)
        for leg in legs
    )
    session.flush()  # one flush: one change-number reservation for the transfer and its legs
    return transfer


def legs_of(session: Session, transfer_id: int) -> list[Leg]:
    return [
        Leg(account_id, amount)
        for account_id, amount in session.execute(
            select(Entry.account_id, Entry.amount)
            .where(Entry.transfer_id == transfer_id)
            .order_by(Entry.id)
        )
    ]


def refuse_inactive(session: Session, volunteer_ids: Sequence[int], field: str) -> None:
    """A closed or suspended account takes part in no new posting (issue 13)."""
    from dangqun.timebank.vocabulary import VOLUNTEER_STATUS_LABELS, VolunteerStatus

    for volunteer_id in volunteer_ids:
        volunteer = session.get(Volunteer, volunteer_id)
        assert volunteer is not None
        status = VolunteerStatus(volunteer.status)
        if status is not VolunteerStatus.ACTIVE:
            raise ValidationError(
                [
                    FieldError(
                        field,
                        f"志愿者账户 {volunteer.number} {VOLUNTEER_STATUS_LABELS[status]}，"
                        "不能记账",
                    )
                ]
            )
