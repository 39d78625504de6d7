"""What must always hold of the time bank, checked by ``dangqun check`` (issue 13, "Invariants").

Each rule names the offending ids (at most :data:`SHOWN`, then the count). The ledger keeps no
cached balance, so "a cached balance equals the sum of its entries" is checked where the ledger
does keep sums: every monthly closing's snapshot must equal the entries booked through its
month's end.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, aliased

from dangqun.core.invariants import invariant
from dangqun.core.settings import get_setting
from dangqun.timebank.limits import OVERDRAFT_MINUTES
from dangqun.timebank.models import (
    LEDGER_TRIGGERS,
    ClosingBalance,
    Entry,
    LedgerAccount,
    MonthlyClosing,
    ServiceRecord,
    Transfer,
)
from dangqun.timebank.statements import closing_snapshot, month_bounds
from dangqun.timebank.vocabulary import AccountKind, RecordStatus, TransferKind

SHOWN = 10


def _summarize(problems: Iterable[str]) -> list[str]:
    found = list(problems)
    if len(found) > SHOWN:
        return [*found[:SHOWN], f"……共 {len(found)} 处"]
    return found


@invariant("timebank_transfer_legs", "时间银行账目平衡")
def _legs_sum_to_zero(session: Session) -> list[str]:
    unbalanced = session.execute(
        select(Transfer.id, func.coalesce(func.sum(Entry.amount), 0), func.count(Entry.id))
        .outerjoin(Entry, Entry.transfer_id == Transfer.id)
        .group_by(Transfer.id)
        .having((func.coalesce(func.sum(Entry.amount), 0) != 0) | (func.count(Entry.id) < 2))
    ).all()
    zero = session.scalars(select(Entry.id).where(Entry.amount == 0)).all()
    return _summarize(
        [
            f"账目 {tid} 的分录合计 {total} 分钟（{count} 条分录）"
            for tid, total, count in unbalanced
        ]
        + [f"分录 {entry_id} 的金额为 0" for entry_id in zero]
    )


@invariant("timebank_ledger_total", "时间银行总账")
def _all_accounts_sum_to_zero(session: Session) -> list[str]:
    total = session.scalar(select(func.coalesce(func.sum(Entry.amount), 0))) or 0
    return [] if total == 0 else [f"全部账户余额合计 {total} 分钟，应为 0"]


@invariant("timebank_balance_limits", "时间银行余额下限")
def _balances_within_limits(session: Session) -> list[str]:
    floor = -int(get_setting(session, OVERDRAFT_MINUTES))
    problems = []
    for account_id, name, kind, balance in session.execute(
        select(LedgerAccount.id, LedgerAccount.name, LedgerAccount.kind, func.sum(Entry.amount))
        .join(Entry, Entry.account_id == LedgerAccount.id)
        .group_by(LedgerAccount.id)
    ):
        account = AccountKind(kind)
        if account is AccountKind.VOLUNTEER and balance < floor:
            problems.append(
                f"账户 {name}（编号 {account_id}）余额 {balance} 分钟，低于下限 {floor}"
            )
        elif account is AccountKind.ISSUANCE and balance > 0:
            problems.append(f"发行账户（编号 {account_id}）余额 {balance} 分钟，应不大于 0")
        elif account in (AccountKind.DONATION_POOL, AccountKind.CATALOGUE) and balance < 0:
            problems.append(f"账户 {name}（编号 {account_id}）余额 {balance} 分钟，应不小于 0")
    return _summarize(problems)


@invariant("timebank_reversals", "时间银行冲正")
def _reversals_reverse_once(session: Session) -> list[str]:
    original = aliased(Transfer)
    problems = [
        f"冲正账目 {rid} 冲正的是另一笔冲正 {oid}"
        for rid, oid in session.execute(
            select(Transfer.id, original.id)
            .join(original, original.id == Transfer.reverses_id)
            .where(original.kind == TransferKind.REVERSAL.value)
        )
    ]
    problems += [
        f"账目 {tid}（{kind}）：冲正与被冲正的关联不对"
        for tid, kind in session.execute(
            select(Transfer.id, Transfer.kind).where(
                (Transfer.kind == TransferKind.REVERSAL.value) != Transfer.reverses_id.is_not(None)
            )
        )
    ]
    problems += [
        f"账目 {oid} 被冲正了 {count} 次"
        for oid, count in session.execute(
            select(Transfer.reverses_id, func.count())
            .where(Transfer.reverses_id.is_not(None))
            .group_by(Transfer.reverses_id)
            .having(func.count() > 1)
        )
    ]
    mirrored = session.execute(
        select(Transfer.id, Transfer.reverses_id).where(Transfer.reverses_id.is_not(None))
    ).all()
    for reversal_id, original_id in mirrored:
        legs = sorted(
            session.execute(
                select(Entry.account_id, Entry.amount).where(Entry.transfer_id == reversal_id)
            ).all()
        )
        undone = sorted(
            (account_id, -amount)
            for account_id, amount in session.execute(
                select(Entry.account_id, Entry.amount).where(Entry.transfer_id == original_id)
            )
        )
        if [tuple(leg) for leg in legs] != undone:
            problems.append(f"冲正账目 {reversal_id} 的分录不是账目 {original_id} 的相反数")
    return _summarize(problems)


@invariant("timebank_slip_numbers", "时间银行登记单号")
def _slip_used_once(session: Session) -> list[str]:
    return _summarize(
        f"登记单号 {slip} 用了 {count} 次（记录 {ids}）"
        for slip, count, ids in session.execute(
            select(
                func.upper(ServiceRecord.slip_number),
                func.count(),
                func.group_concat(ServiceRecord.id),
            )
            .where(ServiceRecord.slip_number.is_not(None))
            .group_by(func.upper(ServiceRecord.slip_number))
            .having(func.count() > 1)
        )
    )


@invariant("timebank_served_minutes", "时间银行服务时长")
def _served_matches_verified_records(session: Session) -> list[str]:
    """Served minutes (verified records) equal what the ledger credits for them: every verified
    record has one earn of its minutes to its volunteer's account, not reversed; a reversed
    record's earn is reversed; pending and rejected records have none; every earn has a record."""
    reversal = aliased(Transfer)
    earns = {
        record_id: (transfer_id, reversed_by)
        for record_id, transfer_id, reversed_by in session.execute(
            select(Transfer.service_record_id, Transfer.id, reversal.id)
            .outerjoin(reversal, reversal.reverses_id == Transfer.id)
            .where(Transfer.kind == TransferKind.EARN.value)
        )
    }
    problems = [
        f"存入账目 {transfer_id} 没有关联服务记录"
        for record_id, (transfer_id, _reversed) in earns.items()
        if record_id is None
    ]
    credited = {
        transfer_id: (account_id, amount)
        for transfer_id, account_id, amount in session.execute(
            select(Entry.transfer_id, Entry.account_id, Entry.amount)
            .join(Transfer, Transfer.id == Entry.transfer_id)
            .where(Transfer.kind == TransferKind.EARN.value, Entry.amount > 0)
        )
    }
    accounts = dict(
        session.execute(
            select(LedgerAccount.volunteer_id, LedgerAccount.id).where(
                LedgerAccount.volunteer_id.is_not(None)
            )
        ).all()
    )
    for record_id, volunteer_id, minutes, status in session.execute(
        select(
            ServiceRecord.id,
            ServiceRecord.volunteer_id,
            ServiceRecord.minutes,
            ServiceRecord.status,
        )
    ):
        earn = earns.get(record_id)
        state = RecordStatus(status)
        if state in (RecordStatus.PENDING, RecordStatus.REJECTED):
            if earn is not None:
                problems.append(f"服务记录 {record_id} 未核实，却有存入账目 {earn[0]}")
            continue
        if earn is None:
            problems.append(f"服务记录 {record_id} 已核实，却没有存入账目")
            continue
        transfer_id, reversed_by = earn
        if credited.get(transfer_id) != (accounts.get(volunteer_id), minutes):
            problems.append(f"服务记录 {record_id} 的 {minutes} 分钟与存入账目 {transfer_id} 不符")
        if state is RecordStatus.VERIFIED and reversed_by is not None:
            problems.append(f"服务记录 {record_id} 的存入已被冲正（{reversed_by}），却仍计为已核实")
        if state is RecordStatus.REVERSED and reversed_by is None:
            problems.append(f"服务记录 {record_id} 标为已冲正，但存入账目 {transfer_id} 没有冲正")
    return _summarize(problems)


@invariant("timebank_request_ids", "时间银行请求编号")
def _request_posts_once(session: Session) -> list[str]:
    return _summarize(
        f"请求编号 {request_id} 记账 {count} 次"
        for request_id, count in session.execute(
            select(Transfer.request_id, func.count())
            .group_by(Transfer.request_id)
            .having(func.count() > 1)
        )
    )


@invariant("timebank_closings", "时间银行月末结账")
def _closings_equal_entries(session: Session) -> list[str]:
    problems = []
    for closing_id, month in session.execute(select(MonthlyClosing.id, MonthlyClosing.month)):
        _first, last = month_bounds(month)
        expected = closing_snapshot(session, last)
        stored: dict[int, tuple[int, int]] = {
            account_id: (balance, served)
            for account_id, balance, served in session.execute(
                select(
                    ClosingBalance.account_id, ClosingBalance.balance, ClosingBalance.served
                ).where(ClosingBalance.closing_id == closing_id)
            )
        }
        for account_id in sorted(set(expected) | set(stored)):
            if expected.get(account_id) != stored.get(account_id):
                problems.append(
                    f"{month} 结账中账户 {account_id} 的快照 {stored.get(account_id)} 与分录合计 "
                    f"{expected.get(account_id)} 不符"
                )
    return _summarize(problems)


@invariant("timebank_append_only", "时间银行账目只增不改")
def _ledger_triggers_present(session: Session) -> list[str]:
    stored: dict[str, str] = dict(
        session.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name IN ('timebank_transfers', 'timebank_entries')"
            )
        ).all()
    )
    return [
        f"防止修改和删除的触发器 {name} {'缺失' if name not in stored else '被改动'}"
        for name, sql in LEDGER_TRIGGERS.items()
        if stored.get(name) != sql
    ]
