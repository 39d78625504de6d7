"""Alembic environment: always given a connection by :func:`dangqun.migrations.upgrade_to_head`.

For a developer generating a new revision: ``alembic -c src/dangqun/migrations/alembic.ini
revision --autogenerate -m name`` with ``DANGQUN_DATABASE`` pointing at a current database.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, create_engine

from dangqun.schema import metadata

connection = context.config.attributes.get("connection")


def _run(connection_to_use: Connection) -> None:
    context.configure(
        connection=connection_to_use,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    engine = create_engine(f"sqlite:///{os.environ['DANGQUN_DATABASE']}")
    with engine.begin() as own_connection:
        _run(own_connection)
