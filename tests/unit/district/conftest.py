"""Every district test runs on SQLite and on PostgreSQL (see :mod:`.databases`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.district.databases import BACKENDS, district_database_url


@pytest.fixture(params=BACKENDS)
def district_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from district_database_url(request.param, tmp_path)
