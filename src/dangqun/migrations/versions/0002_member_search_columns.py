"""Member search columns (simplified name, pinyin initials, full pinyin, reversed ID and phone)
and indexes for sorting the member list by 入党日期 and 出生日期 and for counting its filters.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 04:21:19.246661

Columns are added with ``ALTER TABLE ADD COLUMN`` (no table copy: ``members`` is referenced by
``member_events`` and SQLite runs with foreign keys on), filled for existing members with the
same pure function the service uses, then indexed. Derived columns are not data the district
needs, so filling them does not bump ``change_seq``. Should
:func:`~dangqun.members.search_keys.compute_search_keys` ever change, a later revision refills
the columns; ``dangqun check`` reports rows that do not match.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 5_000


def _fill_search_columns() -> None:
    from dangqun.members.search_keys import compute_search_keys

    connection = op.get_bind()
    last_id = 0
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT id, name, id_number, phone FROM members WHERE id > :last "
                "ORDER BY id LIMIT :batch"
            ),
            {"last": last_id, "batch": _BATCH},
        ).all()
        if not rows:
            return
        updates = []
        for member_id, name, id_number, phone in rows:
            keys = compute_search_keys(name, id_number, phone)
            updates.append(
                {
                    "member_id": member_id,
                    "name_simplified": keys.name_simplified,
                    "pinyin_initials": keys.pinyin_initials,
                    "pinyin_full": keys.pinyin_full,
                    "id_number_reversed": keys.id_number_reversed,
                    "phone_reversed": keys.phone_reversed,
                }
            )
        connection.execute(
            sa.text(
                "UPDATE members SET name_simplified = :name_simplified, "
                "pinyin_initials = :pinyin_initials, pinyin_full = :pinyin_full, "
                "id_number_reversed = :id_number_reversed, phone_reversed = :phone_reversed "
                "WHERE id = :member_id"
            ),
            updates,
        )
        last_id = rows[-1][0]


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_simplified", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("pinyin_initials", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("pinyin_full", sa.String(length=255), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("id_number_reversed", sa.String(length=18), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("phone_reversed", sa.String(length=20), nullable=True))

    _fill_search_columns()

    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index("ix_members_birth_date", ["birth_date", "status"], unique=False)
        batch_op.create_index("ix_members_joined_on", ["joined_on", "status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_members_id_number_reversed"), ["id_number_reversed"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_members_phone_reversed"), ["phone_reversed"], unique=False
        )
        batch_op.create_index(
            "ix_members_list_filters",
            ["status", "kind", "category", "organization_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_members_name_simplified", ["name_simplified", "status"], unique=False
        )
        batch_op.create_index(
            "ix_members_pinyin_initials", ["pinyin_initials", "status"], unique=False
        )
        batch_op.create_index("ix_members_pinyin_full", ["pinyin_full", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        for index in (
            "ix_members_pinyin_full",
            "ix_members_pinyin_initials",
            "ix_members_name_simplified",
            "ix_members_list_filters",
            "ix_members_phone_reversed",
            "ix_members_id_number_reversed",
            "ix_members_joined_on",
            "ix_members_birth_date",
        ):
            batch_op.drop_index(index)
    # SQLite ≥ 3.35 drops a column in place, so the table holding member_events' parent rows is
    # never copied (a copy would trip the foreign keys).
    for column in (
        "phone_reversed",
        "id_number_reversed",
        "pinyin_full",
        "pinyin_initials",
        "name_simplified",
    ):
        op.execute(f"ALTER TABLE members DROP COLUMN {column}")
