"""The record store's rules (issue 16), on SQLite and PostgreSQL: a row replaces the district's
version only when newer, tombstones win and are remembered, a uuid belongs to one center, bad
rows are rejected with a reason while the rest of the package loads."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from dangqun.district.database import DistrictError, open_district
from dangqun.district.loader import (
    REASON_BAD_SEQ,
    REASON_BAD_TIME,
    REASON_OTHER_CENTER,
    Source,
    apply_package_rows,
)
from dangqun.district.models import DistrictRecord
from dangqun.district.report import PackageOutcome

CENTER_A = "aaaaaaaa-0000-4000-8000-000000000001"
CENTER_B = "bbbbbbbb-0000-4000-8000-000000000002"
MEMBER = "11111111-1111-4111-8111-111111111111"


def row(uuid: str, change_seq: int, **data: Any) -> dict[str, Any]:
    return {
        "uuid": uuid,
        "change_seq": change_seq,
        "created_at": "2026-01-02T03:04:05Z",
        "updated_at": f"2026-01-0{min(change_seq, 9)}T00:00:00Z",
        **data,
    }


def load(
    district: Any,
    source: Source,
    tables: dict[str, list[dict[str, Any]]],
    tombstones: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> PackageOutcome:
    outcome = PackageOutcome(file="test", status="imported")
    with district.writing() as session:
        apply_package_rows(session, source, tables, tombstones, outcome)
        session.commit()
    return outcome


def stored(district: Any, uuid: str) -> DistrictRecord:
    with district.reading() as session:
        return session.execute(
            select(DistrictRecord).where(DistrictRecord.uuid == uuid)
        ).scalar_one()


@pytest.fixture
def district(district_url: str) -> Any:
    database = open_district(district_url, create=True)
    yield database
    database.dispose()


def test_rows_keep_the_centers_uuid_timestamps_counter_and_foreign_keys_as_uuids(
    district: Any,
) -> None:
    source = Source(CENTER_A, "db-1", seq=1, counter_to=10)
    outcome = load(
        district, source, {"members": [row(MEMBER, 3, name="张三", organization_id="org-uuid")]}
    )
    assert outcome.tables["members"].imported == 1
    record = stored(district, MEMBER)
    assert (record.center_uuid, record.table_name, record.change_seq) == (CENTER_A, "members", 3)
    assert (
        record.created_at is not None
        and record.created_at.isoformat() == "2026-01-02T03:04:05+00:00"
    )
    assert record.data == {"name": "张三", "organization_id": "org-uuid"}


def test_a_row_is_replaced_only_by_a_newer_change_from_the_same_database(district: Any) -> None:
    load(district, Source(CENTER_A, "db-1", 2, 20), {"members": [row(MEMBER, 15, name="新")]})
    late = load(district, Source(CENTER_A, "db-1", 1, 10), {"members": [row(MEMBER, 5, name="旧")]})
    assert late.tables["members"].unchanged == 1
    assert stored(district, MEMBER).data["name"] == "新"
    newer = load(
        district, Source(CENTER_A, "db-1", 3, 30), {"members": [row(MEMBER, 25, name="更新")]}
    )
    assert newer.tables["members"].updated == 1
    assert stored(district, MEMBER).data["name"] == "更新"


def test_a_restored_center_database_wins_by_package_order_even_with_a_lower_counter(
    district: Any,
) -> None:
    load(district, Source(CENTER_A, "db-1", 4, 500), {"members": [row(MEMBER, 400, name="恢复前")]})
    after_restore = load(
        district, Source(CENTER_A, "db-2", 5, 300), {"members": [row(MEMBER, 290, name="恢复后")]}
    )
    assert after_restore.tables["members"].updated == 1
    assert stored(district, MEMBER).data["name"] == "恢复后"


def test_a_tombstone_deletes_and_a_late_older_package_cannot_bring_the_row_back(
    district: Any,
) -> None:
    deleted = load(
        district,
        Source(CENTER_A, "db-1", 2, 20),
        {},
        [
            {
                "table": "members",
                "uuid": MEMBER,
                "change_seq": 12,
                "deleted_at": "2026-02-01T00:00:00Z",
            }
        ],
    )
    assert deleted.tombstones.imported == 1
    late = load(
        district, Source(CENTER_A, "db-1", 1, 10), {"members": [row(MEMBER, 4, name="已删")]}
    )
    assert late.tables["members"].unchanged == 1
    record = stored(district, MEMBER)
    assert record.deleted and record.change_seq == 12


def test_the_same_uuid_from_another_center_is_rejected_not_merged(district: Any) -> None:
    load(district, Source(CENTER_A, "db-1", 1, 10), {"members": [row(MEMBER, 3, name="甲")]})
    other = load(
        district, Source(CENTER_B, "db-9", 1, 10), {"members": [row(MEMBER, 9, name="乙")]}
    )
    assert other.tables["members"].rejected == 1
    assert other.tables["members"].reasons[REASON_OTHER_CENTER] == 1
    assert stored(district, MEMBER).data["name"] == "甲"


def test_bad_rows_are_rejected_with_reasons_and_the_rest_loads(district: Any) -> None:
    good = "22222222-2222-4222-8222-222222222222"
    outcome = load(
        district,
        Source(CENTER_A, "db-1", 1, 10),
        {
            "members": [
                row(good, 2),
                row("33333333-3333-4333-8333-333333333333", 11),
                {**row("44444444-4444-4444-8444-444444444444", 3), "created_at": "yesterday"},
            ]
        },
    )
    table = outcome.tables["members"]
    assert (table.imported, table.rejected) == (1, 2)
    assert set(table.reasons) == {REASON_BAD_SEQ, REASON_BAD_TIME}
    assert stored(district, good).change_seq == 2


def test_a_center_database_is_refused_as_a_district_database(tmp_path: Any) -> None:
    import sqlite3

    center = tmp_path / "dangqun.sqlite3"
    with sqlite3.connect(center) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    with pytest.raises(DistrictError, match="服务中心的数据库"):
        open_district(str(center))


def test_a_missing_sqlite_file_is_not_created_except_by_init(tmp_path: Any) -> None:
    with pytest.raises(DistrictError, match="不存在"):
        open_district(str(tmp_path / "nothing.sqlite3"))
    assert not (tmp_path / "nothing.sqlite3").exists()
