"""The district database: identity, centers, packages, the generic record store, audit.

Revision ID: d0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from dangqun.core.model_base import UTCDateTime

revision = "d0001"
down_revision = None
branch_labels = None
depends_on = None

RECORD_DATA = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "district_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("signing_fingerprint", sa.String(64), nullable=False),
        sa.Column("encryption_fingerprint", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_district_identity"),
    )
    op.create_table(
        "district_centers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("registered_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_district_centers"),
        sa.UniqueConstraint("uuid", name="uq_district_centers_uuid"),
        sa.UniqueConstraint("fingerprint", name="uq_district_centers_fingerprint"),
    )
    op.create_table(
        "district_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("center_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("database_id", sa.String(64), nullable=False),
        sa.Column("previous_sha256", sa.String(64), nullable=True),
        sa.Column("counter_from", sa.Integer(), nullable=False),
        sa.Column("counter_to", sa.Integer(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("schema_revision", sa.String(32), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_id"],
            ["district_centers.id"],
            name="fk_district_packages_center_id_district_centers",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_district_packages"),
        sa.UniqueConstraint("center_id", "seq", name="uq_district_packages_center_seq"),
        sa.UniqueConstraint("sha256", name="uq_district_packages_sha256"),
    )
    op.create_index(
        "ix_district_packages_center_id", "district_packages", ["center_id"], unique=False
    )
    op.create_table(
        "district_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("center_uuid", sa.String(36), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("database_id", sa.String(64), nullable=False),
        sa.Column("package_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("data", RECORD_DATA, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_district_records"),
        sa.UniqueConstraint("table_name", "uuid", name="uq_district_records_table_uuid"),
    )
    op.create_index(
        "ix_district_records_center_table",
        "district_records",
        ["center_uuid", "table_name", "deleted"],
        unique=False,
    )
    op.create_table(
        "district_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("os_user", sa.String(128), nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("database_user", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_district_audit"),
    )


def downgrade() -> None:
    op.drop_table("district_audit")
    op.drop_index("ix_district_records_center_table", table_name="district_records")
    op.drop_table("district_records")
    op.drop_index("ix_district_packages_center_id", table_name="district_packages")
    op.drop_table("district_packages")
    op.drop_table("district_centers")
    op.drop_table("district_identity")
