"""The workbench's two speed columns (issue 17, "Performance"): each record's person key, set on
a 在册 member, with an index the cross-center duplicate check groups by; and each center's count
of live records, which the 中心 page reads instead of counting the whole store.

Both are filled here from what the database already holds: the person key of every members
row (computed in Python, a chunk of rows at a time: SQLite has no SHA-256), the counts by one grouped update.

Revision ID: d0004
Revises: d0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from dangqun.district.models import MEMBERS_TABLE, live_member_key

revision = "d0004"
down_revision = "d0003"
branch_labels = None
depends_on = None

CHUNK_ROWS = 10_000
RECORD_DATA = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.add_column("district_records", sa.Column("person_key", sa.String(64), nullable=True))
    op.add_column(
        "district_centers",
        sa.Column("live_records", sa.Integer(), nullable=False, server_default="0"),
    )
    records = sa.table(
        "district_records",
        sa.column("id", sa.Integer()),
        sa.column("center_uuid", sa.String()),
        sa.column("table_name", sa.String()),
        sa.column("deleted", sa.Boolean()),
        sa.column("data", RECORD_DATA),
        sa.column("person_key", sa.String()),
    )
    centers = sa.table(
        "district_centers", sa.column("uuid", sa.String()), sa.column("live_records", sa.Integer())
    )
    connection = op.get_bind()
    set_key = (
        sa.update(records)
        .where(records.c.id == sa.bindparam("record_id"))
        .values(person_key=sa.bindparam("key"))
    )
    live_member_data = sa.case(
        (
            sa.and_(records.c.table_name == MEMBERS_TABLE, records.c.deleted.is_(False)),
            records.c.data,
        )
    )
    highest = connection.execute(sa.select(sa.func.max(records.c.id))).scalar() or 0
    for first in range(1, highest + 1, CHUNK_ROWS):
        # Ranges of the primary key, the members picked out in the select list: a WHERE on the
        # table name makes SQLite walk its (table, uuid) index instead, and every chunk would
        # rescan all the members (minutes instead of seconds for 600,000).
        chunk = connection.execute(
            sa.select(records.c.id, live_member_data).where(
                records.c.id.between(first, first + CHUNK_ROWS - 1)
            )
        ).all()
        keyed = [
            {"record_id": record_id, "key": key}
            for record_id, data in chunk
            if data is not None and (key := live_member_key(MEMBERS_TABLE, data)) is not None
        ]
        if keyed:
            connection.execute(set_key, keyed)
    live = (
        sa.select(sa.func.count())
        .where(records.c.center_uuid == centers.c.uuid, records.c.deleted.is_(False))
        .scalar_subquery()
    )
    connection.execute(sa.update(centers).values(live_records=live))
    op.create_index(
        "ix_district_records_person_key", "district_records", ["person_key", "center_uuid"]
    )


def downgrade() -> None:
    op.drop_index("ix_district_records_person_key", table_name="district_records")
    op.drop_column("district_centers", "live_records")
    op.drop_column("district_records", "person_key")
