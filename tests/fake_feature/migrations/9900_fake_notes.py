"""The fake feature's table, chained after whatever the real features' newest revision is."""

import sqlalchemy as sa
from alembic import op

from dangqun.migrations import known_revisions

revision = "9900"
down_revision = [known for known in known_revisions() if known != revision][-1]
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fake_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fake_notes")),
        sa.UniqueConstraint("uuid", name=op.f("uq_fake_notes_uuid")),
    )
    op.create_index(op.f("ix_fake_notes_change_seq"), "fake_notes", ["change_seq"])


def downgrade() -> None:
    op.drop_table("fake_notes")
