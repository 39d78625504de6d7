"""The district's migrations build the schema its models describe, and revision d0004 fills its
two speed columns from what an older district database already holds. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, select, text

from dangqun.core.db import create_sqlite_engine
from dangqun.district import checks, migrations, outbound, users  # noqa: F401 (their tables)
from dangqun.district.models import DistrictBase, DistrictCenter, DistrictRecord, person_key
from tests.unit.test_migrations_match_models import schema_differences

CENTER = "8f0c6a55-6a4f-4b5e-9d51-0d7f1b7c2a11"
OTHER_CENTER = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
INSTANT = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.fixture
def engine(district_url: str) -> Iterator[Engine]:
    made = (
        create_engine(district_url)
        if district_url.startswith("postgresql")
        else create_sqlite_engine(district_url)
    )
    yield made
    made.dispose()


def test_the_migrations_at_head_match_the_district_models(engine: Engine) -> None:
    with engine.begin() as connection:
        migrations.upgrade_to_head(connection)

    assert schema_differences(engine, DistrictBase.metadata, migrations.VERSION_TABLE) == []


def _record(number: int, center: str, table: str, data: dict[str, object], deleted: bool) -> dict:
    return {
        "center_uuid": center,
        "table_name": table,
        "uuid": f"00000000-0000-4000-8000-{number:012d}",
        "change_seq": number,
        "database_id": center,
        "package_seq": 1,
        "deleted": deleted,
        "data": json.dumps(data, ensure_ascii=False),
    }


def test_d0004_keys_the_live_members_and_counts_each_centers_records(engine: Engine) -> None:
    rows = [
        _record(1, CENTER, "members", {"id_number": "11010519491231002x", "status": "active"}, False),
        _record(2, CENTER, "members", {"id_number": "530102198001010011", "status": "transferred_out"}, False),
        _record(3, CENTER, "members", {"id_number": "530102198001010022", "status": "active"}, True),
        _record(4, CENTER, "members", {"id_number": " ", "status": "active"}, False),
        _record(5, CENTER, "organizations", {"id_number": "530102198001010033", "status": "active"}, False),
        _record(6, OTHER_CENTER, "members", {"id_number": "11010519491231002X", "status": "active"}, False),
    ]  # fmt: skip
    with engine.begin() as connection:
        migrations.upgrade(connection, "d0003")
        for number, center in enumerate((CENTER, OTHER_CENTER)):
            connection.execute(
                text(
                    "INSERT INTO district_centers (uuid, name, division_code, public_key, "
                    "fingerprint, registered_at) VALUES (:uuid, :name, '530102001001', '{}', "
                    ":fingerprint, :at)"
                ),
                {
                    "uuid": center,
                    "name": f"中心{number}",
                    "fingerprint": str(number),
                    "at": INSTANT,
                },
            )
        cast = "CAST(:data AS jsonb)" if engine.dialect.name == "postgresql" else ":data"
        connection.execute(
            text(
                "INSERT INTO district_records (center_uuid, table_name, uuid, change_seq, "
                "database_id, package_seq, deleted, data) VALUES (:center_uuid, :table_name, "
                f":uuid, :change_seq, :database_id, :package_seq, :deleted, {cast})"
            ),
            rows,
        )
    with engine.begin() as connection:
        migrations.upgrade_to_head(connection)
        keys = dict(
            connection.execute(select(DistrictRecord.change_seq, DistrictRecord.person_key)).all()
        )
        counts = dict(
            connection.execute(select(DistrictCenter.uuid, DistrictCenter.live_records)).all()
        )

    shared = person_key("11010519491231002X")
    assert keys == {1: shared, 2: None, 3: None, 4: None, 5: None, 6: shared}
    assert counts == {CENTER: 4, OTHER_CENTER: 1}
