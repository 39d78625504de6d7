"""Sync packages (issue 16): the database id, the packages made and the receipts read.

Revision ID: 0009
Revises: 0008
Create Date: 2027-01-05 09:00:00.000000

The tables of :mod:`dangqun.sync.models`, empty. The database id is made when sync first needs
it and bound to the database file then (see the models' docstring): an id made here, unbound,
would be shared by every copy of the data directory taken before the first export.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "database_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("database_id", sa.String(length=36), nullable=False),
        sa.Column("bound_to", sa.String(length=1024), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_identity")),
    )
    op.create_table(
        "sync_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("database_id", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=128), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("counter_from", sa.Integer(), nullable=False),
        sa.Column("counter_to", sa.Integer(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("tombstones", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("receipt_status", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_packages")),
        sa.UniqueConstraint("seq", name=op.f("uq_sync_packages_seq")),
    )
    op.create_table(
        "sync_receipts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=128), nullable=False),
        sa.Column("district_name", sa.String(length=100), nullable=False),
        sa.Column("district_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.String(length=40), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_receipts")),
    )


def downgrade() -> None:
    op.drop_table("sync_receipts")
    op.drop_table("sync_packages")
    op.drop_table("database_identity")
