"""The district database's tables: its own metadata, never the center's (issue 16).

The district merges many centers, so it keeps none of the center's tables. One generic store,
:class:`DistrictRecord`, takes a row of every synced table as the package carries it: the
center's uuid, timestamps and change number in columns of their own, the other columns in one
JSON document (``jsonb`` on PostgreSQL) with foreign keys as the referenced rows' uuids. A table
a module adds later (the minutes, …) therefore flows to the district without a district
migration, and the workbench (issue 17) queries the same documents for its reports. Two
columns are derived for speed (revision d0004): a 在册 member's person key, which the
cross-center duplicate check groups by, and each center's count of live records.

A record belongs to the center that first sent it; its uuid is unique per table across the
district. The packages table is the ledger of what each center sent (seq, sha256, counter
range, database id), which makes a re-import idempotent, a replay detectable and a gap visible.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from dangqun.core.model_base import NAMING_CONVENTION, UTCDateTime

RECORD_DATA = JSON().with_variant(JSONB(), "postgresql")
"""A row's columns as the package carries them: JSON on SQLite, jsonb (indexable) on PostgreSQL."""
MEMBERS_TABLE = "members"
ACTIVE_MEMBER_STATUS = "active"
"""``MemberStatus.ACTIVE`` (在册): a 已转出 record is a closed transfer, not a second registration."""


def person_key(id_number: str) -> str:
    """SHA-256 hex of a 身份号码 (trimmed, upper case): how the district names a person without
    keeping a second copy of the number (the duplicate check and its decisions, issue 17)."""
    return hashlib.sha256(id_number.strip().upper().encode()).hexdigest()


def live_member_key(table: str, data: Mapping[str, Any]) -> str | None:
    """The :func:`person_key` of a 在册 ``members`` row with a 身份号码; None for any other row.

    The loader stores it with the row (:attr:`DistrictRecord.person_key`), so the cross-center
    duplicate check groups an indexed column instead of reading every member's JSON document
    (600,000 of them in a district of 30 centers: issue 17's 5-second target)."""
    if table != MEMBERS_TABLE or data.get("status") != ACTIVE_MEMBER_STATUS:
        return None
    number = data.get("id_number")
    if not isinstance(number, str) or not number.strip():
        return None
    return person_key(number)


def _inserted_person_key(context: Any) -> str | None:
    """The default of :attr:`DistrictRecord.person_key`, from the inserted row's own values."""
    row = context.get_current_parameters()
    if row.get("deleted"):
        return None
    return live_member_key(row["table_name"], row.get("data") or {})


class DistrictBase(DeclarativeBase):
    """The district's declarative base; its metadata is migrated by district/migrations only."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DistrictIdentity(DistrictBase):
    """The district itself (one row): its name and the fingerprints of its two public keys, so
    an import can tell that the private keys it found are this district's."""

    __tablename__ = "district_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    signing_fingerprint: Mapped[str] = mapped_column(String(64))
    encryption_fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DistrictCenter(DistrictBase):
    """A center the district trusts: a package is accepted only when signed by this key."""

    __tablename__ = "district_centers"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    division_code: Mapped[str] = mapped_column(String(12))
    public_key: Mapped[str] = mapped_column(Text)
    """The center's Ed25519 public key file as registered (PEM text)."""
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    live_records: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Records of this center not deleted, recounted by every import (revision d0004): the 中心
    page shows it for every center without counting the whole store on each opening."""


class DistrictPackage(DistrictBase):
    """A package imported from a center. Only imported packages are recorded: a rejected one
    leaves the database as it was (issue 16)."""

    __tablename__ = "district_packages"
    __table_args__ = (UniqueConstraint("center_id", "seq", name="uq_district_packages_center_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("district_centers.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(255))
    database_id: Mapped[str] = mapped_column(String(64))
    previous_sha256: Mapped[str | None] = mapped_column(String(64))
    counter_from: Mapped[int] = mapped_column(Integer)
    counter_to: Mapped[int] = mapped_column(Integer)
    full: Mapped[bool] = mapped_column(Boolean)
    schema_revision: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    """When the center made the package (its manifest)."""
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))
    """``imported`` (every row applied) or ``partial`` (some rows rejected; see summary)."""
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    """The import report's counts per table, kept for ``district status`` and the workbench."""


class DistrictRecord(DistrictBase):
    """One row of a center's synced table, as the newest package that touched it carried it."""

    __tablename__ = "district_records"
    __table_args__ = (
        UniqueConstraint("table_name", "uuid", name="uq_district_records_table_uuid"),
        Index("ix_district_records_center_table", "center_uuid", "table_name", "deleted"),
        Index("ix_district_records_person_key", "person_key", "center_uuid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    center_uuid: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(64))
    uuid: Mapped[str] = mapped_column(String(36))
    change_seq: Mapped[int] = mapped_column(Integer)
    database_id: Mapped[str] = mapped_column(String(64))
    """The center database that made this version (a restored database has a new id)."""
    package_seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    data: Mapped[dict[str, Any]] = mapped_column(RECORD_DATA)
    person_key: Mapped[str | None] = mapped_column(String(64), default=_inserted_person_key)
    """:func:`live_member_key` of this version (revision d0004): set on a 在册 member only. An
    insert that does not give it derives it from the row; the loader gives it on every write."""


class DistrictAuditEntry(DistrictBase):
    """Who did what to the district database. The CLI takes no center sign-in, so the actor is
    the operating-system account and computer (and the database role on PostgreSQL); users and
    roles of the district GUI come with issue 17."""

    __tablename__ = "district_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    os_user: Mapped[str] = mapped_column(String(128))
    host: Mapped[str] = mapped_column(String(255))
    database_user: Mapped[str] = mapped_column(String(128))
    username: Mapped[str] = mapped_column(String(32), server_default="")
    """The district user signed in to the workbench (issue 17); empty for a command-line run."""
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
