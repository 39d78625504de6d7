"""Tables of the time bank (DOMAIN.md §3, issue 13); created by migration 0006.

* ``timebank_volunteers``: account holders. A member is linked by ``member_id`` and their name,
  ID number, phone and address are read from the member row (one truth); a resident who is not
  a member keeps them here, validated like members'.
* ``timebank_categories``: the editable list of service categories (retired, never deleted).
* ``timebank_service_records``: who served whom, when, for how long; 待核实 → 已核实/已退回.
* ``timebank_accounts``, ``timebank_transfers``, ``timebank_entries``: the double-entry ledger
  in integer minutes. Transfers and entries are append-only — migration 0006's triggers refuse
  UPDATE and DELETE (:data:`LEDGER_TRIGGERS`), so a correction can only be a linked reversal
  (TimeOverflow #845). Balances are never cached: an account's balance is the sum of its
  entries, read from the covering index ``ix_timebank_entries_account`` (account, booked_on,
  amount), so there is nothing to drift.
* ``timebank_closings`` + ``timebank_closing_balances``: monthly closings, a snapshot of every
  account's balance at the end of a month, taken once.

All are :class:`SyncedRecord` tables: the district sums the same ledger.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

import dangqun.timebank.limits  # noqa: F401  (registers the settings wherever the schema is)
from dangqun.core.model_base import Base, SyncedRecord, UTCDateTime


class Volunteer(SyncedRecord, Base):
    __tablename__ = "timebank_volunteers"
    __table_args__ = (Index("ix_timebank_volunteers_name", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    """志愿者编号, ``ZY`` + year + five digits, allocated once and never reused."""
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), unique=True)
    name: Mapped[str | None] = mapped_column(String(64))
    """Residents only; a member's name is read from the member row."""
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(300))
    skills_json: Mapped[str] = mapped_column(Text, default="[]")
    service_areas_json: Mapped[str] = mapped_column(Text, default="[]")
    status: Mapped[str] = mapped_column(String(16))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


class ServiceCategory(SyncedRecord, Base):
    __tablename__ = "timebank_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class ServiceRecord(SyncedRecord, Base):
    __tablename__ = "timebank_service_records"
    __table_args__ = (
        Index("ix_timebank_service_records_volunteer", "volunteer_id", "served_on", "status"),
        Index("ix_timebank_service_records_status", "status", "served_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("timebank_volunteers.id"))
    beneficiary_kind: Mapped[str] = mapped_column(String(16))
    beneficiary: Mapped[str] = mapped_column(String(200))
    category_id: Mapped[int] = mapped_column(ForeignKey("timebank_categories.id"))
    served_on: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[time] = mapped_column(Time)
    ends_at: Mapped[time] = mapped_column(Time)
    crosses_midnight: Mapped[bool] = mapped_column(Boolean, default=False)
    minutes: Mapped[int] = mapped_column(Integer)
    slip_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    """登记单号 of the paper slip: unique, so one slip is never entered twice (DOMAIN §3)."""
    content: Mapped[str] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    batch_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    """The batch entry (one activity) the record was saved with, if any."""
    entered_by_user_id: Mapped[int | None] = mapped_column(Integer)
    entered_by: Mapped[str] = mapped_column(String(64))
    decided_by_user_id: Mapped[int | None] = mapped_column(Integer)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rejection_reason: Mapped[str | None] = mapped_column(Text)


class LedgerAccount(SyncedRecord, Base):
    __tablename__ = "timebank_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("timebank_volunteers.id"), unique=True
    )
    name: Mapped[str] = mapped_column(String(64))


class Transfer(SyncedRecord, Base):
    """One posting: its entries sum to zero. Append-only (triggers)."""

    __tablename__ = "timebank_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    request_id: Mapped[str] = mapped_column(String(64), unique=True)
    """Made by the UI once per dialog: a retried save with the same id posts nothing new."""
    booked_on: Mapped[date] = mapped_column(Date, index=True)
    service_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("timebank_service_records.id"), unique=True
    )
    """Earn only: the verified record it credits (one earn per record)."""
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("timebank_transfers.id"), unique=True
    )
    """Reversal only: the transfer it undoes; unique, so a transfer is reversed at most once."""
    received_kind: Mapped[str | None] = mapped_column(String(16))
    received: Mapped[str | None] = mapped_column(String(200))
    """Spend only: what the volunteer received (an item or a service of the catalogue)."""
    reason: Mapped[str | None] = mapped_column(Text)
    posted_by_user_id: Mapped[int | None] = mapped_column(Integer)
    posted_by: Mapped[str] = mapped_column(String(64))


class Entry(SyncedRecord, Base):
    """One leg of a transfer: signed integer minutes on one account. Append-only (triggers)."""

    __tablename__ = "timebank_entries"
    __table_args__ = (Index("ix_timebank_entries_account", "account_id", "booked_on", "amount"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("timebank_transfers.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("timebank_accounts.id"))
    amount: Mapped[int] = mapped_column(Integer)
    booked_on: Mapped[date] = mapped_column(Date)
    """The transfer's date, repeated so a balance at a date is read from one index."""
    transfer: Mapped[Transfer] = relationship()


class MonthlyClosing(SyncedRecord, Base):
    __tablename__ = "timebank_closings"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)
    """``2026-11``: a month is closed once."""
    closed_by: Mapped[str] = mapped_column(String(64))


class ClosingBalance(SyncedRecord, Base):
    __tablename__ = "timebank_closing_balances"
    __table_args__ = (UniqueConstraint("closing_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    closing_id: Mapped[int] = mapped_column(ForeignKey("timebank_closings.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("timebank_accounts.id"))
    balance: Mapped[int] = mapped_column(Integer)
    served: Mapped[int] = mapped_column(Integer)
    """Minutes served (verified service to the month's end) by the account's volunteer; 0 for
    the center's accounts."""


def _refusing(table: str, statement: str) -> str:
    return (
        f"CREATE TRIGGER {table}_no_{statement.lower()} BEFORE {statement} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, 'time bank ledger is append-only'); END"
    )


LEDGER_TRIGGERS: dict[str, str] = {
    f"{table}_no_{statement.lower()}": _refusing(table, statement)
    for table in ("timebank_transfers", "timebank_entries")
    for statement in ("UPDATE", "DELETE")
}
"""The triggers migration 0006 leaves on the ledger, as SQLite stores them; ``dangqun check``
compares ``sqlite_master`` with these. A REPLACE over an existing id is an INSERT that first
deletes, which SQLite refuses only with recursive triggers; the primary keys are never given
by the application, and ``check``'s sums would show any rewritten leg."""
