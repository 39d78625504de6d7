"""Audit chain: each audit entry hashed with the previous one's hash; triggers that refuse
REPLACE and out-of-order inserts besides UPDATE and DELETE (issue 10).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 06:20:00.000000

0001's triggers are dropped first (they refuse the UPDATE that fills the new columns). The
columns are added nullable, filled for the existing entries in id order with the same
:func:`~dangqun.core.audit.chain_hash` the application uses, then made NOT NULL by a table copy
(nothing references ``audit_log``, so the copy trips no foreign key). The copy drops every
trigger on the table, so all four are created at the end with the exact SQL
:data:`~dangqun.core.audit_chain.EXPECTED_TRIGGERS` that ``dangqun check`` compares with; a
later change to those triggers comes with its own revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BATCH = 5_000

_0001_TRIGGERS = {
    statement: (
        f"CREATE TRIGGER audit_log_no_{statement.lower()} BEFORE {statement} ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    for statement in ("UPDATE", "DELETE")
}


def _chain_existing_entries() -> None:
    from dangqun.core.audit import CHAINED_COLUMNS, GENESIS_HASH, chain_hash, stored_instant

    audit_log = sa.table("audit_log", *(sa.column(name) for name in CHAINED_COLUMNS))
    connection = op.get_bind()
    last_id, last_hash = 0, GENESIS_HASH
    while True:
        rows = connection.execute(
            sa.select(*audit_log.c)
            .where(audit_log.c.id > last_id)
            .order_by(audit_log.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        updates = []
        for entry_id, stored_at, *rest in rows:
            entry_hash = chain_hash([entry_id, stored_instant(stored_at), *rest], last_hash)
            updates.append({"entry_id": entry_id, "previous": last_hash, "entry": entry_hash})
            last_id, last_hash = entry_id, entry_hash
        connection.execute(
            sa.text(
                "UPDATE audit_log SET previous_hash = :previous, entry_hash = :entry "
                "WHERE id = :entry_id"
            ),
            updates,
        )


def upgrade() -> None:
    from dangqun.core.audit_chain import EXPECTED_TRIGGERS

    for statement in _0001_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{statement.lower()}")
    op.add_column("audit_log", sa.Column("previous_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("entry_hash", sa.String(length=64), nullable=True))
    _chain_existing_entries()
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("previous_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("entry_hash", existing_type=sa.String(length=64), nullable=False)
    for sql in EXPECTED_TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    from dangqun.core.audit_chain import EXPECTED_TRIGGERS

    for name in EXPECTED_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    # SQLite ≥ 3.35 drops a column in place; 0001's triggers come back afterwards.
    for column in ("entry_hash", "previous_hash"):
        op.execute(f"ALTER TABLE audit_log DROP COLUMN {column}")
    for sql in _0001_TRIGGERS.values():
        op.execute(sql)
