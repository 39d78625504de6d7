"""District users and who signed in: the accounts of the district workbench (issue 17), and the
signed-in user's name on every district audit entry.

Revision ID: d0002
Revises: d0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dangqun.core.model_base import UTCDateTime

revision = "d0002"
down_revision = "d0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "district_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(32), nullable=False),
        sa.Column("display_name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_login_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_district_users"),
        sa.UniqueConstraint("username", name="uq_district_users_username"),
    )
    with op.batch_alter_table("district_audit") as batch:
        batch.add_column(sa.Column("username", sa.String(32), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("district_audit") as batch:
        batch.drop_column("username")
    op.drop_table("district_users")
