"""Loading a verified package into the district's record store, in one transaction (issue 16).

The package has been verified whole before this module sees it (:func:`dangqun.sync.package.
open_package`: zip sanity, signature, SHA256SUMS, schema, decryption). Here every row of every
table and every tombstone is applied inside the caller's transaction, keeping the center's uuid,
timestamps and change number; the caller commits once, so a package is in the district whole or
not at all.

Which version wins (Morango's rule, DOMAIN.md §5): a row replaces the district's version only
when it is newer — from the same center database, a higher ``change_seq``; from another database
of the same center (restored or copied: a new database id, whose counter may restart below what
was already sent), the later package (higher ``seq``). So a package lost and re-sent after later
ones changes only the rows no later package touched, and a tombstone is kept even for a row the
district never saw, so an older package arriving late cannot bring a deleted row back.

A record belongs to the center that first sent it: the same uuid from another center is rejected
(a copied database registered as a second center), never merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from dangqun.district.models import DistrictRecord, live_member_key
from dangqun.district.report import PackageOutcome, TableOutcome

CHUNK_ROWS = 2_000
"""Rows looked up and written per statement: bounded memory for a 100,000-member package."""
SYNC_COLUMNS = ("uuid", "created_at", "updated_at", "change_seq")
"""Kept in columns of their own; the rest of a row is its ``data`` document."""
TABLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,63}$")
UUID_TEXT = re.compile(r"^[0-9A-Za-z-]{1,36}$")

REASON_OTHER_CENTER = "另一个中心已经上报过同一编号（uuid）的记录，不合并"
REASON_BAD_UUID = "记录编号（uuid）缺失或格式不对"
REASON_BAD_SEQ = "变更号（change_seq）缺失或超出数据包的变更范围"
REASON_BAD_TIME = "时间（created_at / updated_at / deleted_at）不是 ISO 格式的 UTC 时间"
REASON_DUPLICATE = "同一数据包里同一记录出现了两次"


@dataclass(frozen=True)
class Source:
    """Where the rows come from: the center, its database and the package's place in its chain."""

    center_uuid: str
    database_id: str
    seq: int
    counter_to: int


@dataclass(frozen=True)
class _Stored:
    id: int
    center_uuid: str
    change_seq: int
    database_id: str
    package_seq: int


def _supersedes(source: Source, change_seq: int, stored: _Stored) -> bool:
    """Whether a version (this change number, from this package) is newer than the stored one."""
    if stored.database_id == source.database_id:
        return change_seq > stored.change_seq
    return source.seq > stored.package_seq


def _instant(value: object) -> datetime | None:
    """An ISO UTC instant (``…Z``) as an aware datetime; None when absent; ValueError if bad."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(value)
    return parsed


def _chunks(rows: Iterable[Any]) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK_ROWS)):
        yield chunk


def _stored_versions(session: Session, table: str, uuids: list[str]) -> dict[str, _Stored]:
    found = session.execute(
        select(
            DistrictRecord.uuid,
            DistrictRecord.id,
            DistrictRecord.center_uuid,
            DistrictRecord.change_seq,
            DistrictRecord.database_id,
            DistrictRecord.package_seq,
        ).where(DistrictRecord.table_name == table, DistrictRecord.uuid.in_(uuids))
    )
    return {row.uuid: _Stored(*row[1:]) for row in found}


def _check_change_seq(value: object, source: Source) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= source.counter_to:
        raise ValueError(value)
    return value


def apply_table(
    session: Session,
    source: Source,
    table: str,
    rows: Iterable[Mapping[str, Any]],
    outcome: TableOutcome,
) -> None:
    """Apply one table's rows (see the module docstring), counting each in ``outcome``."""
    seen: set[str] = set()
    for chunk in _chunks(rows):
        valid: list[tuple[str, int, datetime | None, datetime | None, dict[str, Any]]] = []
        for row in chunk:
            uuid = row.get("uuid")
            if not isinstance(uuid, str) or not UUID_TEXT.match(uuid):
                outcome.reject(REASON_BAD_UUID, uuid)
                continue
            if uuid in seen:
                outcome.reject(REASON_DUPLICATE, uuid)
                continue
            seen.add(uuid)
            try:
                change_seq = _check_change_seq(row.get("change_seq"), source)
            except ValueError:
                outcome.reject(REASON_BAD_SEQ, uuid)
                continue
            try:
                created_at = _instant(row.get("created_at"))
                updated_at = _instant(row.get("updated_at"))
            except ValueError:
                outcome.reject(REASON_BAD_TIME, uuid)
                continue
            data = {key: value for key, value in row.items() if key not in SYNC_COLUMNS}
            valid.append((uuid, change_seq, created_at, updated_at, data))
        stored = _stored_versions(session, table, [entry[0] for entry in valid])
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for uuid, change_seq, created_at, updated_at, data in valid:
            version = {
                "change_seq": change_seq,
                "database_id": source.database_id,
                "package_seq": source.seq,
                "created_at": created_at,
                "updated_at": updated_at,
                "deleted": False,
                "deleted_at": None,
                "data": data,
                "person_key": live_member_key(table, data),
            }
            existing = stored.get(uuid)
            if existing is None:
                inserts.append(
                    {"center_uuid": source.center_uuid, "table_name": table, "uuid": uuid} | version
                )
                outcome.imported += 1
            elif existing.center_uuid != source.center_uuid:
                outcome.reject(REASON_OTHER_CENTER, uuid)
            elif _supersedes(source, change_seq, existing):
                updates.append({"id": existing.id} | version)
                outcome.updated += 1
            else:
                outcome.unchanged += 1
        _write(session, inserts, updates)


def apply_tombstones(
    session: Session,
    source: Source,
    tombstones: Iterable[Mapping[str, Any]],
    outcome: TableOutcome,
) -> None:
    """Mark deleted what the center deleted; remember a deletion even of a record never seen."""
    seen: set[tuple[str, str]] = set()
    for chunk in _chunks(tombstones):
        by_table: dict[str, list[tuple[str, int, datetime | None]]] = {}
        for tombstone in chunk:
            uuid = tombstone.get("uuid")
            table = tombstone.get("table")
            if (
                not isinstance(uuid, str)
                or not UUID_TEXT.match(uuid)
                or not isinstance(table, str)
                or not TABLE_NAME.match(table)
            ):
                outcome.reject(REASON_BAD_UUID, uuid)
                continue
            if (table, uuid) in seen:
                outcome.reject(REASON_DUPLICATE, uuid)
                continue
            seen.add((table, uuid))
            try:
                change_seq = _check_change_seq(tombstone.get("change_seq"), source)
            except ValueError:
                outcome.reject(REASON_BAD_SEQ, uuid)
                continue
            try:
                deleted_at = _instant(tombstone.get("deleted_at"))
            except ValueError:
                outcome.reject(REASON_BAD_TIME, uuid)
                continue
            by_table.setdefault(table, []).append((uuid, change_seq, deleted_at))
        for table, entries in by_table.items():
            stored = _stored_versions(session, table, [entry[0] for entry in entries])
            inserts: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            for uuid, change_seq, deleted_at in entries:
                version = {
                    "change_seq": change_seq,
                    "database_id": source.database_id,
                    "package_seq": source.seq,
                    "deleted": True,
                    "deleted_at": deleted_at,
                    "person_key": None,
                }
                existing = stored.get(uuid)
                if existing is None:
                    inserts.append(
                        {
                            "center_uuid": source.center_uuid,
                            "table_name": table,
                            "uuid": uuid,
                            "created_at": None,
                            "updated_at": None,
                            "data": {},
                        }
                        | version
                    )
                    outcome.imported += 1
                elif existing.center_uuid != source.center_uuid:
                    outcome.reject(REASON_OTHER_CENTER, uuid)
                elif _supersedes(source, change_seq, existing):
                    updates.append({"id": existing.id} | version)
                    outcome.imported += 1
                else:
                    outcome.unchanged += 1
            _write(session, inserts, updates)


def _write(session: Session, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]) -> None:
    if inserts:
        session.execute(insert(DistrictRecord), inserts)
    if updates:
        session.execute(update(DistrictRecord), updates)


def valid_table_name(name: object) -> bool:
    return isinstance(name, str) and bool(TABLE_NAME.match(name))


def apply_package_rows(
    session: Session,
    source: Source,
    tables: Mapping[str, Iterable[Mapping[str, Any]]],
    tombstones: Iterable[Mapping[str, Any]],
    outcome: PackageOutcome,
) -> None:
    """Every table's rows, then the tombstones (a row created and deleted between two packages
    arrives as both; the deletion has the higher change number and wins)."""
    for table, rows in tables.items():
        apply_table(session, source, table, rows, outcome.table(table))
    apply_tombstones(session, source, tombstones, outcome.tombstones)
