"""Cross-center checks and packages back to centers (issue 17): the clerk's recorded decisions
on a 身份号码 found at two or more centers, the district's settings (the overdue limit), and the
ledger of packages sent back to each center.

Revision ID: d0003
Revises: d0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dangqun.core.model_base import UTCDateTime

revision = "d0003"
down_revision = "d0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "district_duplicate_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_key", sa.String(64), nullable=False),
        sa.Column("resolution", sa.String(16), nullable=False),
        sa.Column("current_uuid", sa.String(36), nullable=True),
        sa.Column("record_uuids", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(128), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_district_duplicate_decisions"),
        sa.UniqueConstraint("person_key", name="uq_district_duplicate_decisions_person_key"),
    )
    op.create_table(
        "district_settings",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_district_settings"),
    )
    op.create_table(
        "district_sent_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("center_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_id"],
            ["district_centers.id"],
            name="fk_district_sent_packages_center_id_district_centers",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_district_sent_packages"),
        sa.UniqueConstraint("center_id", "seq", name="uq_district_sent_packages_center_seq"),
    )


def downgrade() -> None:
    op.drop_table("district_sent_packages")
    op.drop_table("district_settings")
    op.drop_table("district_duplicate_decisions")
