"""Center contact details for paper: the party organization's full name, address, contact
person and phone (issue 11, "center information gains what paper needs").

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10 09:00:00.000000

Four NOT NULL text columns defaulting to the empty string, added in place with
``ALTER TABLE ADD COLUMN`` (no table copy: nothing to fill, and an existing center simply has
no contact details yet — 系统设置 → 中心信息 adds them). Adding them does not bump the center's
``change_seq``: the row's content the district sees is unchanged until someone fills them in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("party_organization", 100),
    ("address", 200),
    ("contact_person", 64),
    ("contact_phone", 32),
)


def upgrade() -> None:
    for name, length in _COLUMNS:
        op.add_column(
            "center",
            sa.Column(name, sa.String(length=length), nullable=False, server_default=""),
        )


def downgrade() -> None:
    # SQLite ≥ 3.35 drops a column in place.
    for name, _length in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE center DROP COLUMN {name}")
