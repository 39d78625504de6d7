"""生成上报数据包: the center's export (issue 16, DOMAIN.md §5).

What a package holds: every synced table's rows with ``counter_from < change_seq <=
counter_to`` and the tombstones in that range, where ``counter_from`` is the highest counter a
package *acknowledged by the district* under this database id ended at (0 for a full package)
and ``counter_to`` is the change counter when the export's read transaction began. So:

* until the district acknowledges, every export starts from the same place and carries the same
  changes again (plus newer ones): a lost USB stick loses nothing;
* ``--full`` (and the first package under a database id: a new, restored or copied database)
  carries everything, ``counter_from`` 0;
* ``seq`` is one more than the last package made here, and ``previous_sha256`` that package's
  file hash, whether or not it was acknowledged.

The rows are read in one read transaction (a consistent snapshot, WAL readers never block the
clerk) with ``yield_per`` and streamed into the zip by :func:`dangqun.sync.package.write_package`,
so memory stays flat whatever the size. A foreign key is written as the referenced row's uuid
(a correlated sub-select on the referenced table's primary key).

Which tables: every table whose model inherits ``SyncedRecord`` (found in the metadata after
all features' models are imported); none is named here, so a module's tables travel the day it
lands.

Privacy: the package holds personal data unmasked (the district needs the register), so making
one needs a role with :attr:`~dangqun.core.security.Permission.SEE_PERSONAL_DATA`; without an installed
district key it travels in clear, and :attr:`ExportResult.warnings` says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

import dangqun
from dangqun.core.center import find_center
from dangqun.core.clock import utc_now
from dangqun.core.db import Database
from dangqun.core.errors import NotInitialized, ValidationError
from dangqun.core.model_base import Tombstone, current_change_number, new_uuid
from dangqun.core.security import Actor, Permission
from dangqun.sync import package
from dangqun.sync.keys import center_signing_key, installed_district_key
from dangqun.sync.models import DatabaseIdentity, SentPackage

EXPORT_AUDIT_ACTION = "sync.export"
DATABASE_ID_AUDIT_ACTION = "sync.database_id"
PACKAGE_AUDIT_ENTITY = "sync_package"
YIELD_PER = 2_000
CLEAR_TEXT_WARNING = (
    "尚未安装区级公钥：数据包没有加密，其中的个人信息将以明文传送。"
    "请向区委组织部索取公钥文件，用“dangqun sync keys --install-district 文件”安装。"
)

ExportProgress = Callable[[int, int], None]
"""``(rows written, rows in the package)``, called every thousand rows and at the end."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    seq: int
    sha256: str
    size: int
    full: bool
    encrypted: bool
    counter_from: int
    counter_to: int
    rows: int
    tombstones: int
    tables: dict[str, int]
    database_id: str
    warnings: list[str] = field(default_factory=list)


def file_identity(database_path: Path) -> str:
    """What the database id is bound to: the file's resolved path and inode (models docstring)."""
    resolved = database_path.resolve()
    return f"{resolved}|{os.stat(resolved).st_ino}"


def current_database_id(database: Database, database_path: Path, actor: Actor) -> str:
    """This database's sync id, made anew (and audited) when there is none yet or the one kept
    belongs to another file — a restored backup, a copied or moved data directory."""
    identity = file_identity(database_path)
    with database.reading() as session:
        row = session.get(DatabaseIdentity, 1)
        if row is not None and row.bound_to == identity:
            return row.database_id
    with database.unit_of_work(actor) as work:
        row = work.session.get(DatabaseIdentity, 1)
        before = None if row is None else {"database_id": row.database_id}
        if row is None:
            row = DatabaseIdentity(id=1, database_id=new_uuid(), created_at=utc_now())
            work.session.add(row)
        elif row.bound_to == identity:
            return row.database_id
        else:
            row.database_id = new_uuid()
            row.created_at = utc_now()
        row.bound_to = identity
        work.audit(
            DATABASE_ID_AUDIT_ACTION,
            "sync_database",
            row.database_id,
            before,
            {"database_id": row.database_id},
        )
        database_id = row.database_id
        work.commit()
    return database_id


def acknowledged_counter(session: Session, database_id: str) -> int | None:
    """Where the next incremental package starts: the highest ``counter_to`` the district has
    acknowledged under ``database_id`` (None: nothing yet, the next package is full)."""
    return session.scalar(
        select(func.max(SentPackage.counter_to)).where(
            SentPackage.database_id == database_id, SentPackage.acknowledged_at.is_not(None)
        )
    )


def _rows_statement(table: Table, counter_from: int, counter_to: int) -> Any:
    columns: list[Any] = []
    for name in package.table_columns(table):
        column = table.c[name]
        foreign_keys = list(column.foreign_keys)
        if foreign_keys:
            # An alias, so a table referring to itself (organizations.parent_id) gets its own
            # subquery instead of one correlated to the outer row, which read NULL.
            referenced = foreign_keys[0].column.table.alias()
            columns.append(
                select(referenced.c.uuid)
                .where(referenced.c.id == column)
                .scalar_subquery()
                .label(name)
            )
        else:
            columns.append(column)
    return (
        select(*columns)
        .where(table.c.change_seq > counter_from, table.c.change_seq <= counter_to)
        .order_by(table.c.id)
        .execution_options(yield_per=YIELD_PER)
    )


def _stream(session: Session, statement: Any) -> Iterator[Mapping[Any, Any]]:
    for row in session.execute(statement):
        yield row._mapping


def _tombstones(session: Session, counter_from: int, counter_to: int) -> Iterator[dict[str, Any]]:
    statement = (
        select(Tombstone)
        .where(Tombstone.change_seq > counter_from, Tombstone.change_seq <= counter_to)
        .order_by(Tombstone.change_seq)
        .execution_options(yield_per=YIELD_PER)
    )
    for tombstone in session.scalars(statement):
        yield {
            "table": tombstone.table_name,
            "uuid": tombstone.record_uuid,
            "change_seq": tombstone.change_seq,
            "deleted_at": tombstone.deleted_at,
        }


def export_package(
    database: Database,
    database_path: Path,
    keys_directory: Path,
    actor: Actor,
    out_directory: Path,
    *,
    full: bool = False,
    progress: ExportProgress | None = None,
) -> ExportResult:
    """Write the next package into ``out_directory`` and record it in the history (audited).

    ``database_path`` is the database file (its identity guards the database id),
    ``keys_directory`` the data directory's ``keys/``. Raises ``ValidationError`` for an
    unusable output folder, ``PermissionDenied`` without SEE_PERSONAL_DATA, ``KeyFileError``
    for a damaged installed district key.
    """
    # The role decides, not the CLI's masking switch (``withheld``): that switch governs what is
    # shown on a screen or terminal; a package goes to the district whole and is audited here.
    replace(actor, withheld=frozenset()).require(Permission.SEE_PERSONAL_DATA)
    if not out_directory.is_dir():
        raise ValidationError.single("out", f"输出文件夹“{out_directory}”不存在或不是文件夹")
    district = installed_district_key(keys_directory)
    signing_key = center_signing_key(keys_directory)
    database_id = current_database_id(database, database_path, actor)
    schema = package.synced_schema()
    from dangqun.migrations import head_revision

    with database.reading() as session:
        center = find_center(session)
        if center is None:
            raise NotInitialized("这个数据目录还没有初始化服务中心，请先完成首次设置。")
        counter_to = current_change_number(session)
        acknowledged = acknowledged_counter(session, database_id)
        full = full or acknowledged is None
        counter_from = 0 if full else int(acknowledged or 0)
        last = session.scalars(
            select(SentPackage).order_by(SentPackage.seq.desc()).limit(1)
        ).first()
        seq = 1 if last is None else last.seq + 1
        counts = {
            name: session.scalar(
                select(func.count())
                .select_from(table)
                .where(table.c.change_seq > counter_from, table.c.change_seq <= counter_to)
            )
            or 0
            for name, table in schema.items()
        }
        total = sum(counts.values()) + (
            session.scalar(
                select(func.count())
                .select_from(Tombstone)
                .where(Tombstone.change_seq > counter_from, Tombstone.change_seq <= counter_to)
            )
            or 0
        )
        header = package.PackageHeader(
            center_uuid=center.uuid,
            center_name=center.name,
            division_code=center.division_code,
            database_id=database_id,
            seq=seq,
            previous_sha256=None if last is None else last.sha256,
            counter_from=counter_from,
            counter_to=counter_to,
            full=full,
            schema_revision=head_revision(),
            schema_hash=package.schema_hash(schema.values()),
            app_version=dangqun.__version__,
            created_at=utc_now(),
        )
        tables = [
            package.TableData(
                name,
                package.table_columns(table),
                package.table_references(table),
                _stream(session, _rows_statement(table, counter_from, counter_to)),
            )
            for name, table in schema.items()
            if counts[name]
        ]
        written = package.write_package(
            out_directory,
            header,
            tables,
            _tombstones(session, counter_from, counter_to),
            signing_key,
            None if district is None else district.encryption_public_key,
            None if progress is None else (lambda done: progress(done, total)),
        )
    try:
        with database.unit_of_work(actor) as work:
            work.session.add(
                SentPackage(
                    seq=seq,
                    database_id=database_id,
                    file_name=written.path.name,
                    sha256=written.sha256,
                    size=written.size,
                    counter_from=counter_from,
                    counter_to=counter_to,
                    full=full,
                    encrypted=district is not None,
                    rows=written.rows,
                    tombstones=written.tombstones,
                    created_at=header.created_at,
                    created_by=actor.username,
                )
            )
            work.audit(
                EXPORT_AUDIT_ACTION,
                PACKAGE_AUDIT_ENTITY,
                seq,
                None,
                {
                    "file": written.path.name,
                    "sha256": written.sha256,
                    "full": full,
                    "encrypted": district is not None,
                    "counter_from": counter_from,
                    "counter_to": counter_to,
                    "rows": written.rows,
                    "tombstones": written.tombstones,
                },
            )
            work.commit()
    except BaseException:
        written.path.unlink(missing_ok=True)
        raise
    return ExportResult(
        path=written.path,
        seq=seq,
        sha256=written.sha256,
        size=written.size,
        full=full,
        encrypted=district is not None,
        counter_from=counter_from,
        counter_to=counter_to,
        rows=written.rows,
        tombstones=written.tombstones,
        tables={name: count for name, count in counts.items() if count},
        database_id=database_id,
        warnings=[] if district is not None else [CLEAR_TEXT_WARNING],
    )


@dataclass(frozen=True)
class PackageHistoryRow:
    seq: int
    file_name: str
    sha256: str
    full: bool
    encrypted: bool
    counter_from: int
    counter_to: int
    rows: int
    tombstones: int
    created_at: Any
    created_by: str
    acknowledged_at: Any
    receipt_status: str | None
    size: int
    """The file's size in bytes (the 数据同步 page shows it: will it fit the USB stick)."""


def package_history(database: Database, actor: Actor) -> list[PackageHistoryRow]:
    """The packages made here, newest first (the 数据同步 page's history)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return [
            PackageHistoryRow(
                row.seq,
                row.file_name,
                row.sha256,
                row.full,
                row.encrypted,
                row.counter_from,
                row.counter_to,
                row.rows,
                row.tombstones,
                row.created_at,
                row.created_by,
                row.acknowledged_at,
                row.receipt_status,
                row.size,
            )
            for row in session.scalars(select(SentPackage).order_by(SentPackage.seq.desc()))
        ]
