"""The register of issued documents (issue 12, "a register of issued documents").

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-12 09:00:00.000000

A new synced table, empty on an existing database: documents printed before this version were
never registered, and their full QR code still verifies as before. The partial unique index
keeps one document in force per record and kind (a voided one no longer counts).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issued_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("subject_key", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("facts_json", sa.Text(), nullable=False),
        sa.Column("full_code", sa.Text(), nullable=False),
        sa.Column("check_code", sa.String(length=24), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("reprint_count", sa.Integer(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("voided_by", sa.String(length=64), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_documents")),
        sa.UniqueConstraint("check_code", name=op.f("uq_issued_documents_check_code")),
        sa.UniqueConstraint("number", name=op.f("uq_issued_documents_number")),
        sa.UniqueConstraint(
            "kind", "year", "sequence", name="uq_issued_documents_kind_year_sequence"
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_issued_documents_uuid")),
    )
    op.create_index(op.f("ix_issued_documents_change_seq"), "issued_documents", ["change_seq"])
    op.create_index(
        "ix_issued_documents_in_force",
        "issued_documents",
        ["kind", "subject_key"],
        unique=True,
        sqlite_where=sa.text("voided_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_table("issued_documents")
