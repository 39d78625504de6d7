"""Foundation: center, users, settings, audit log, sync bookkeeping, organizations, members.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 04:04:57.983796
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity_type", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("before_json", sa.Text(), nullable=True),
        sa.Column("after_json", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_username"), ["username"], unique=False)

    op.create_table(
        "center",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("division_code", sa.String(length=12), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_center")),
        sa.UniqueConstraint("uuid", name=op.f("uq_center_uuid")),
    )
    with op.batch_alter_table("center", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_center_change_seq"), ["change_seq"], unique=False)

    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_counter")),
    )
    op.create_table(
        "organizations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("level", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["organizations.id"],
            name=op.f("fk_organizations_parent_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("code", name=op.f("uq_organizations_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_organizations_uuid")),
    )
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organizations_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organizations_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "tombstones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tombstones")),
    )
    with op.batch_alter_table("tombstones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tombstones_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_tombstones_record_uuid"), ["record_uuid"], unique=False
        )

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=32), nullable=False),
        sa.Column("display_name", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("gender_code", sa.String(length=1), nullable=False),
        sa.Column("ethnicity_code", sa.String(length=2), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("education_code", sa.String(length=2), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("joined_month_day", sa.String(length=5), nullable=False),
        sa.Column("confirmed_on", sa.Date(), nullable=True),
        sa.Column("work_unit", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("household_registration", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("party_standing", sa.String(length=16), nullable=False),
        sa.Column("lost_contact_on", sa.Date(), nullable=True),
        sa.Column("outflow_destination", sa.String(length=200), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("origin_organization", sa.String(length=200), nullable=True),
        sa.Column("activity_card_number", sa.String(length=32), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_members_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("id_number", name=op.f("uq_members_id_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_members_uuid")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_members_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index("ix_members_joined_month_day", ["joined_month_day"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_kind"), ["kind"], unique=False)
        batch_op.create_index("ix_members_name", ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_members_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_members_phone"), ["phone"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_status"), ["status"], unique=False)

    op.create_table(
        "member_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("details_json", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_events_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_events")),
        sa.UniqueConstraint("uuid", name=op.f("uq_member_events_uuid")),
    )
    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_member_events_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_member_events_member_id"), ["member_id"], unique=False)
    op.execute("INSERT INTO change_counter (id, value) VALUES (1, 0)")
    # The audit log is append-only: the database itself refuses edits and deletions.
    for statement in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{statement.lower()} BEFORE {statement} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_events_member_id"))
        batch_op.drop_index(batch_op.f("ix_member_events_change_seq"))

    op.drop_table("member_events")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_status"))
        batch_op.drop_index(batch_op.f("ix_members_phone"))
        batch_op.drop_index(batch_op.f("ix_members_organization_id"))
        batch_op.drop_index("ix_members_name")
        batch_op.drop_index(batch_op.f("ix_members_kind"))
        batch_op.drop_index("ix_members_joined_month_day")
        batch_op.drop_index(batch_op.f("ix_members_change_seq"))
        batch_op.drop_index(batch_op.f("ix_members_category"))

    op.drop_table("members")
    op.drop_table("users")
    with op.batch_alter_table("tombstones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tombstones_record_uuid"))
        batch_op.drop_index(batch_op.f("ix_tombstones_change_seq"))

    op.drop_table("tombstones")
    op.drop_table("settings")
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organizations_parent_id"))
        batch_op.drop_index(batch_op.f("ix_organizations_change_seq"))

    op.drop_table("organizations")
    op.drop_table("change_counter")
    with op.batch_alter_table("center", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_center_change_seq"))

    op.drop_table("center")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_username"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))
        batch_op.drop_index(batch_op.f("ix_audit_log_action"))

    op.drop_table("audit_log")
