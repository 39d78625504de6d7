"""Time bank (issue 13): volunteers, service categories and records, the minute ledger, closings.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 09:00:00.000000

Besides the tables, the revision creates what every center starts with: the service categories
of DOMAIN.md §3 (养老助老, 环境整治 …) and the center's three ledger accounts (发行, 公益池,
兑换目录). They are synced rows, so they take change numbers from the change counter here, as
:func:`dangqun.core.model_base.insert_synced_rows` would. Last come the triggers that make
transfers and entries append-only (:data:`dangqun.timebank.models.LEDGER_TRIGGERS`, the exact
SQL ``dangqun check`` compares with).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_CATEGORIES = ("养老助老", "环境整治", "助学", "文体", "疫情防控", "微心愿", "便民服务", "其他")
_CENTER_ACCOUNTS = (
    ("issuance", "时间银行发行"),
    ("donation_pool", "公益池"),
    ("catalogue", "兑换目录"),
)
_TABLES = (
    "timebank_closing_balances",
    "timebank_entries",
    "timebank_transfers",
    "timebank_closings",
    "timebank_accounts",
    "timebank_service_records",
    "timebank_categories",
    "timebank_volunteers",
)


def _create_tables() -> None:
    op.create_table(
        "timebank_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_categories")),
        sa.UniqueConstraint("name", name=op.f("uq_timebank_categories_name")),
        sa.UniqueConstraint("uuid", name=op.f("uq_timebank_categories_uuid")),
    )
    with op.batch_alter_table("timebank_categories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timebank_categories_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "timebank_closings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_closings")),
        sa.UniqueConstraint("month", name=op.f("uq_timebank_closings_month")),
        sa.UniqueConstraint("uuid", name=op.f("uq_timebank_closings_uuid")),
    )
    with op.batch_alter_table("timebank_closings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timebank_closings_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "timebank_volunteers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("skills_json", sa.Text(), nullable=False),
        sa.Column("service_areas_json", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_timebank_volunteers_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_volunteers")),
        sa.UniqueConstraint("id_number", name=op.f("uq_timebank_volunteers_id_number")),
        sa.UniqueConstraint("member_id", name=op.f("uq_timebank_volunteers_member_id")),
        sa.UniqueConstraint("number", name=op.f("uq_timebank_volunteers_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_timebank_volunteers_uuid")),
    )
    with op.batch_alter_table("timebank_volunteers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timebank_volunteers_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index("ix_timebank_volunteers_name", ["name"], unique=False)

    op.create_table(
        "timebank_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["timebank_volunteers.id"],
            name=op.f("fk_timebank_accounts_volunteer_id_timebank_volunteers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_accounts")),
        sa.UniqueConstraint("uuid", name=op.f("uq_timebank_accounts_uuid")),
        sa.UniqueConstraint("volunteer_id", name=op.f("uq_timebank_accounts_volunteer_id")),
    )
    with op.batch_alter_table("timebank_accounts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timebank_accounts_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_timebank_accounts_kind"), ["kind"], unique=False)

    op.create_table(
        "timebank_service_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("beneficiary_kind", sa.String(length=16), nullable=False),
        sa.Column("beneficiary", sa.String(length=200), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("served_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=False),
        sa.Column("crosses_midnight", sa.Boolean(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("slip_number", sa.String(length=32), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("batch_uuid", sa.String(length=36), nullable=True),
        sa.Column("entered_by_user_id", sa.Integer(), nullable=True),
        sa.Column("entered_by", sa.String(length=64), nullable=False),
        sa.Column("decided_by_user_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["timebank_categories.id"],
            name=op.f("fk_timebank_service_records_category_id_timebank_categories"),
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["timebank_volunteers.id"],
            name=op.f("fk_timebank_service_records_volunteer_id_timebank_volunteers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_service_records")),
        sa.UniqueConstraint("slip_number", name=op.f("uq_timebank_service_records_slip_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_timebank_service_records_uuid")),
    )
    with op.batch_alter_table("timebank_service_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timebank_service_records_batch_uuid"), ["batch_uuid"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_timebank_service_records_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            "ix_timebank_service_records_status", ["status", "served_on"], unique=False
        )
        batch_op.create_index(
            "ix_timebank_service_records_volunteer",
            ["volunteer_id", "served_on", "status"],
            unique=False,
        )

    op.create_table(
        "timebank_closing_balances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("closing_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("balance", sa.Integer(), nullable=False),
        sa.Column("served", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["timebank_accounts.id"],
            name=op.f("fk_timebank_closing_balances_account_id_timebank_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["closing_id"],
            ["timebank_closings.id"],
            name=op.f("fk_timebank_closing_balances_closing_id_timebank_closings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_closing_balances")),
        sa.UniqueConstraint(
            "closing_id", "account_id", name=op.f("uq_timebank_closing_balances_closing_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_timebank_closing_balances_uuid")),
    )
    with op.batch_alter_table("timebank_closing_balances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timebank_closing_balances_change_seq"), ["change_seq"], unique=False
        )

    op.create_table(
        "timebank_transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("service_record_id", sa.Integer(), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("received_kind", sa.String(length=16), nullable=True),
        sa.Column("received", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("posted_by_user_id", sa.Integer(), nullable=True),
        sa.Column("posted_by", sa.String(length=64), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["timebank_transfers.id"],
            name=op.f("fk_timebank_transfers_reverses_id_timebank_transfers"),
        ),
        sa.ForeignKeyConstraint(
            ["service_record_id"],
            ["timebank_service_records.id"],
            name=op.f("fk_timebank_transfers_service_record_id_timebank_service_records"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_transfers")),
        sa.UniqueConstraint("request_id", name=op.f("uq_timebank_transfers_request_id")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_timebank_transfers_reverses_id")),
        sa.UniqueConstraint(
            "service_record_id", name=op.f("uq_timebank_transfers_service_record_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_timebank_transfers_uuid")),
    )
    with op.batch_alter_table("timebank_transfers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timebank_transfers_booked_on"), ["booked_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_timebank_transfers_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_timebank_transfers_kind"), ["kind"], unique=False)

    op.create_table(
        "timebank_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["timebank_accounts.id"],
            name=op.f("fk_timebank_entries_account_id_timebank_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["timebank_transfers.id"],
            name=op.f("fk_timebank_entries_transfer_id_timebank_transfers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timebank_entries")),
        sa.UniqueConstraint("uuid", name=op.f("uq_timebank_entries_uuid")),
    )
    with op.batch_alter_table("timebank_entries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_timebank_entries_account", ["account_id", "booked_on", "amount"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_timebank_entries_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_timebank_entries_transfer_id"), ["transfer_id"], unique=False
        )


def _synced_columns() -> tuple[sa.ColumnClause[object], ...]:
    return (
        sa.column("uuid"),
        sa.column("created_at", sa.DateTime()),
        sa.column("updated_at", sa.DateTime()),
        sa.column("change_seq"),
    )


def _seed() -> None:
    """The categories and the center's accounts, stamped with change numbers taken here."""
    connection = op.get_bind()
    count = len(_CATEGORIES) + len(_CENTER_ACCOUNTS)
    connection.execute(
        sa.text("UPDATE change_counter SET value = value + :n WHERE id = 1"), {"n": count}
    )
    last = connection.execute(sa.text("SELECT value FROM change_counter WHERE id = 1")).scalar_one()
    numbers = iter(range(last - count + 1, last + 1))
    now = datetime.now(UTC).replace(tzinfo=None)
    categories = sa.table(
        "timebank_categories",
        *(sa.column(name) for name in ("name", "sort_order", "retired")),
        *_synced_columns(),
    )
    connection.execute(
        sa.insert(categories),
        [
            {
                "name": name,
                "sort_order": index,
                "retired": False,
                "uuid": str(uuid.uuid4()),
                "created_at": now,
                "updated_at": now,
                "change_seq": next(numbers),
            }
            for index, name in enumerate(_CATEGORIES, start=1)
        ],
    )
    accounts = sa.table(
        "timebank_accounts",
        *(sa.column(name) for name in ("kind", "volunteer_id", "name")),
        *_synced_columns(),
    )
    connection.execute(
        sa.insert(accounts),
        [
            {
                "kind": kind,
                "volunteer_id": None,
                "name": name,
                "uuid": str(uuid.uuid4()),
                "created_at": now,
                "updated_at": now,
                "change_seq": next(numbers),
            }
            for kind, name in _CENTER_ACCOUNTS
        ],
    )


def upgrade() -> None:
    from dangqun.timebank.models import LEDGER_TRIGGERS

    _create_tables()
    _seed()
    for sql in LEDGER_TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    from dangqun.timebank.models import LEDGER_TRIGGERS

    for name in LEDGER_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in _TABLES:
        op.drop_table(table)
