"""One field of a record's JSON document, written so SQLite and PostgreSQL both read it (issue 17).

The district keeps each synced row's columns in ``DistrictRecord.data`` (JSON on SQLite, jsonb
on PostgreSQL). SQLite reads a field with ``json_extract(data, '$.kind')``, which returns the
JSON value's own type (text, integer); PostgreSQL with ``data ->> 'kind'``, which is always text.
The path is written into the SQL as a literal, never a bound parameter: an expression index can
then match the query's expression, and PostgreSQL plans the same text the index was built on.
Keys are column names of the center's schema, so only ``[a-z_][a-z0-9_]*`` is accepted.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Integer, String, cast, func, literal_column
from sqlalchemy.sql.elements import ColumnElement

KEY = re.compile(r"^[a-z_][a-z0-9_]{0,63}$")


def _checked(key: str) -> str:
    if not KEY.match(key):
        raise ValueError(f"not a column name: {key!r}")
    return key


def json_text(dialect: str, document: Any, key: str) -> ColumnElement[str]:
    """The field ``key`` of ``document`` as text (an ISO date, a uuid, a code)."""
    key = _checked(key)
    if dialect == "postgresql":
        text: ColumnElement[str] = document.op("->>", return_type=String)(
            literal_column(f"'{key}'")
        )
        return text
    return func.json_extract(document, literal_column(f"'$.{key}'"), type_=String)


def json_integer(dialect: str, document: Any, key: str) -> ColumnElement[int]:
    """The field ``key`` of ``document`` as an integer (minutes, a headcount); NULL if absent."""
    key = _checked(key)
    if dialect == "postgresql":
        return cast(document.op("->>", return_type=String)(literal_column(f"'{key}'")), Integer)
    return func.json_extract(document, literal_column(f"'$.{key}'"), type_=Integer)
