"""Alembic environment of the district database: always given a connection by
:func:`dangqun.district.migrations.upgrade_to_head`.

Imported outside a migration (tests/unit/test_module_kit.py imports every module to find the
synced models) Alembic has no context configured, and this script then does nothing.
"""

from __future__ import annotations

from alembic import context

from dangqun.district.migrations import VERSION_TABLE
from dangqun.district.models import DistrictBase


def _run() -> None:
    context.configure(
        connection=context.config.attributes["connection"],
        target_metadata=DistrictBase.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if getattr(context, "config", None) is not None:
    _run()
