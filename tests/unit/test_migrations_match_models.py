"""The migrations build exactly the schema the models describe.

A model that gains a column, index or constraint without a revision works in every test that
creates tables from the models and breaks on the first real upgraded database; a revision that
drifts from its model does the reverse. Alembic's autogenerate comparison between a file
upgraded to head and :data:`dangqun.schema.metadata` (every feature's models, through the
registry) catches both.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, MetaData, String

from dangqun import migrations, schema
from dangqun.core.db import create_sqlite_engine

_WRAPPING_PARENTHESES = re.compile(r"^\((.*)\)$")


def _upgraded_database(tmp_path: Path) -> Any:
    engine = create_sqlite_engine(tmp_path / "head.sqlite3")
    migrations.upgrade_to_head(engine)
    return engine


def _model_default_sql(default: Any) -> str | None:
    if default is None:
        return None
    value = default.arg
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(getattr(value, "text", value))


def _is_noise(difference: Any) -> bool:
    """SQLite type-affinity and default-rendering details that are not differences.

    Only one is known: a column default written by a batch migration (the table copy SQLite
    needs to add a NOT NULL column, migration 0002) is stored as ``DEFAULT ('')``, and SQLite
    reflects the parentheses, while the model's ``server_default=""`` renders as ``''``. Both
    insert the same empty string, so a default difference is ignored exactly when the reflected
    text without its wrapping parentheses equals the model's literal.
    """
    if not isinstance(difference, list) or len(difference) != 1:
        return False
    operation = difference[0]
    if operation[0] != "modify_default":
        return False
    reflected, model = operation[5], operation[6]
    if reflected is None or model is None:
        return False
    text = str(getattr(reflected.arg, "text", reflected.arg)).strip()
    while match := _WRAPPING_PARENTHESES.match(text):
        text = match.group(1).strip()
    return text == _model_default_sql(model)


def schema_differences(
    engine: Any, metadata: MetaData, version_table: str = "alembic_version"
) -> list[Any]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "version_table": version_table,
            },
        )
        return [
            difference
            for difference in compare_metadata(context, metadata)
            if not _is_noise(difference)
        ]


def test_migrations_at_head_match_every_features_models(tmp_path):
    engine = _upgraded_database(tmp_path)
    try:
        assert schema_differences(engine, schema.metadata) == []
    finally:
        engine.dispose()


def test_a_model_column_without_a_migration_is_a_difference(tmp_path):
    """The comparison above can fail: the models plus one column no revision adds."""
    models_with_extra_column = MetaData(naming_convention=schema.metadata.naming_convention)
    for table in schema.metadata.sorted_tables:
        table.to_metadata(models_with_extra_column)
    members = models_with_extra_column.tables["members"]
    members.append_column(Column("nickname", String(32)))
    engine = _upgraded_database(tmp_path)
    try:
        differences = schema_differences(engine, models_with_extra_column)
    finally:
        engine.dispose()
    assert [(d[0], d[2], d[3].name) for d in differences] == [("add_column", "members", "nickname")]
