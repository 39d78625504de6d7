"""The declarative base, and the shared shape of every row the district will receive.

DOMAIN.md §5: packages are incremental ("only what changed since the last package") and
idempotent. That needs, from the very first table:

* a stable ``uuid`` per row, the same in every database that ever holds it;
* ``created_at``/``updated_at`` instants (UTC);
* ``change_seq``: a per-database counter value taken from :class:`ChangeCounter` in the same
  transaction as the change, so "everything with change_seq > N" is exactly what changed since
  a package that ended at N (Morango's per-device counters work the same way);
* deletions leave a :class:`Tombstone` carrying the deleted row's uuid and a counter value.

The counter is bumped by a ``before_flush`` hook, so a module gets all of this by inheriting
:class:`SyncedRecord` and writing through the ORM. Bulk writes that bypass the flush (the roster
import, the demo generator) go through :func:`insert_synced_rows`, which stamps the same way;
``dangqun check`` proves nobody forgot.

Only the center's write sessions stamp (``session.info[STAMPS_CHANGES]``, set by
:meth:`dangqun.core.db.Database.new_write_session`). An import of rows made elsewhere — the
district receiving a package, later — opens its unit of work with ``stamping=False`` and keeps
the sender's uuid, timestamps and change numbers; a reading session or one made by hand (Alembic)
never stamps.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    DateTime,
    Integer,
    MetaData,
    String,
    TypeDecorator,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from dangqun.core.clock import utc_now

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
STAMPS_CHANGES = "dangqun_stamps_changes"
"""``Session.info`` key: True in the center's write sessions, whose synced rows get stamped."""
BULK_INSERT_CHUNK = 5_000
"""Rows per executemany: large enough to be fast, small enough to keep memory flat."""


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in Python, naive UTC in SQLite (which has no time zone type)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column; use dangqun.core.clock")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_uuid() -> str:
    return str(uuid.uuid4())


class SyncedRecord:
    """Mixin for every table whose rows travel to the district in sync packages."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    change_seq: Mapped[int] = mapped_column(Integer, index=True)


class ChangeCounter(Base):
    """The database's single change counter (one row, id 1)."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Tombstone(Base):
    """What remains of a deleted synced row, so the district deletes it too."""

    __tablename__ = "tombstones"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    change_seq: Mapped[int] = mapped_column(Integer, index=True)


def reserve_change_numbers(session: Session, count: int) -> range:
    """Take ``count`` consecutive counter values inside the session's transaction.

    The UPDATE takes SQLite's write lock, so two processes can never hand out the same value.
    """
    if count <= 0:
        return range(0)
    session.execute(
        update(ChangeCounter)
        .where(ChangeCounter.id == 1)
        .values(value=ChangeCounter.value + count)
        .execution_options(synchronize_session=False)
    )
    last = session.execute(select(ChangeCounter.value).where(ChangeCounter.id == 1)).scalar_one()
    return range(last - count + 1, last + 1)


def current_change_number(session: Session) -> int:
    return session.execute(select(ChangeCounter.value).where(ChangeCounter.id == 1)).scalar_one()


def _stamp_synced_changes(session: Session, _flush_context: Any, _instances: Any) -> None:
    """Give every new, changed or deleted synced row a counter value in this flush."""
    if not session.info.get(STAMPS_CHANGES):
        return
    now = utc_now()
    new_rows = [row for row in session.new if isinstance(row, SyncedRecord)]
    changed_rows = [
        row
        for row in session.dirty
        if isinstance(row, SyncedRecord) and session.is_modified(row, include_collections=False)
    ]
    deleted_rows = [row for row in session.deleted if isinstance(row, SyncedRecord)]
    total = len(new_rows) + len(changed_rows) + len(deleted_rows)
    if total == 0:
        return
    numbers = iter(reserve_change_numbers(session, total))
    for row in new_rows:
        row.change_seq = next(numbers)
        if row.uuid is None:
            row.uuid = new_uuid()
        if row.created_at is None:
            row.created_at = now
        row.updated_at = row.created_at
    for row in changed_rows:
        row.change_seq = next(numbers)
        row.updated_at = now
    for row in deleted_rows:
        session.add(
            Tombstone(
                table_name=type(row).__tablename__,  # type: ignore[attr-defined]
                record_uuid=row.uuid,
                deleted_at=now,
                change_seq=next(numbers),
            )
        )


event.listen(Session, "before_flush", _stamp_synced_changes)


def insert_synced_rows(
    session: Session,
    model: type[SyncedRecord],
    rows: Sequence[dict[str, Any]],
    chunk_size: int = BULK_INSERT_CHUNK,
) -> None:
    """Insert many synced rows without the ORM flush (100,000 roster lines in seconds).

    In a stamping session each row is stamped as the flush hook would stamp a new object: a
    uuid unless one is given (the demo's are seeded), ``created_at`` unless given, ``updated_at``
    equal to it, and a change number reserved here in the same transaction. The dicts are
    stamped in place, so the caller can name the new uuids afterwards (audit entries). In an
    import session (``stamping=False``) the rows already carry the sender's values and go in as
    given.
    """
    if not rows:
        return
    if session.info.get(STAMPS_CHANGES):
        now = utc_now()
        numbers = reserve_change_numbers(session, len(rows))
        for row, number in zip(rows, numbers, strict=True):
            if row.get("uuid") is None:
                row["uuid"] = new_uuid()
            if row.get("created_at") is None:
                row["created_at"] = now
            row["updated_at"] = row["created_at"]
            row["change_seq"] = number
    # render_nulls: every row has the same columns, so each chunk is one batched executemany.
    statement = insert(model).execution_options(render_nulls=True)
    for start in range(0, len(rows), chunk_size):
        session.execute(statement, list(rows[start : start + chunk_size]))


def synced_tables() -> list[Any]:
    """Every table built on :class:`SyncedRecord`, for checks and (later) package export."""
    return sorted(
        (
            mapper.local_table
            for mapper in Base.registry.mappers
            if issubclass(mapper.class_, SyncedRecord) and mapper.local_table is not None
        ),
        key=lambda table: table.name,
    )
