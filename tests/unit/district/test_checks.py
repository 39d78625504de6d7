"""Cross-center checks (issue 17): the same 身份号码 在册 at two centers listed side by side,
masked unless allowed, resolved by a recorded decision that survives re-imports and reopens when
the records change; centers overdue by the district's setting. SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from dangqun import __version__
from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.core.security import Actor, Role
from dangqun.district import checks, service
from dangqun.district.database import DistrictDatabase
from dangqun.district.models import DistrictAuditEntry, person_key
from dangqun.migrations import head_revision
from dangqun.sync import crypto
from dangqun.sync.package import PackageHeader, TableData, schema_hash, synced_schema, write_package
from tests.unit.district.packages import FakeCenter

SHARED = "11010519491231002X"
MEMBER_COLUMNS = [
    "uuid",
    "created_at",
    "updated_at",
    "change_seq",
    "name",
    "id_number",
    "birth_date",
    "kind",
    "status",
    "organization_id",
    "outflow_destination",
    "joined_on",
]
INSTANT = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def member(
    name: str,
    id_number: str,
    change_seq: int,
    *,
    status: str = "active",
    kind: str = "local",
    record_uuid: str | None = None,
    destination: str | None = None,
) -> dict[str, Any]:
    return {
        "uuid": record_uuid or str(uuid.uuid4()),
        "created_at": INSTANT,
        "updated_at": INSTANT,
        "change_seq": change_seq,
        "name": name,
        "id_number": id_number,
        "birth_date": "1949-12-31",
        "kind": kind,
        "status": status,
        "organization_id": None,
        "outflow_destination": destination,
        "joined_on": "1975-07-01",
    }


def members_package(
    center: FakeCenter,
    folder: Path,
    rows: list[dict[str, Any]],
    district_key_file: Path,
    *,
    created_at: datetime = INSTANT,
    extra: list[TableData] | None = None,
    tombstones: list[dict[str, Any]] | None = None,
) -> Path:
    """The next package of ``center`` holding these members rows (and other tables)."""
    center.seq += 1
    recipient = crypto.read_public_key_file(district_key_file, "district").encryption_public_key
    written = write_package(
        folder,
        PackageHeader(
            center_uuid=center.uuid,
            center_name=center.name,
            division_code=center.division_code,
            database_id=center.database_id,
            seq=center.seq,
            previous_sha256=center.last_sha256,
            counter_from=0,
            counter_to=max(row["change_seq"] for row in [*rows, *(tombstones or [])]),
            full=True,
            schema_revision=head_revision(),
            schema_hash=schema_hash(synced_schema().values()),
            app_version=__version__,
            created_at=created_at,
        ),
        [TableData("members", MEMBER_COLUMNS, {"organization_id": "organizations"}, rows)]
        + (extra or []),
        tombstones or [],
        center.key,
        recipient,
    )
    center.last_sha256 = written.sha256
    return written.path


@dataclass
class District:
    db: DistrictDatabase
    folder: Path
    public_key: Path
    keys: Path
    centers: list[FakeCenter]

    def load(self, center: FakeCenter, rows: list[dict[str, Any]], **keywords: Any) -> None:
        path = members_package(center, self.folder / "usb", rows, self.public_key, **keywords)
        report = service.import_packages(self.db, [path], keys_directory=self.keys)
        assert not report.any_rejected, report.text()


def make_district(url: str, folder: Path, names: tuple[str, ...]) -> District:
    db = service.open_district(url, create=True)
    out = folder / "out"
    out.mkdir()
    setup = service.init_district(db, "五华区委组织部", out, folder / "keys")
    centers = [FakeCenter(name) for name in names]
    for center in centers:
        service.register_center(db, center.public_key_file(folder))
    (folder / "usb").mkdir()
    return District(db, folder, setup.public_key_file, folder / "keys", centers)


@pytest.fixture
def district(district_url: str, tmp_path: Path) -> Iterator[District]:
    made = make_district(district_url, tmp_path, ("翠湖社区党群服务中心", "金碧社区党群服务中心"))
    yield made
    made.db.dispose()


STAFF = Actor(2, "clerk", "办事员", Role.STAFF)
READER = Actor(3, "reader", "只读", Role.READ_ONLY)


def test_duplicates_are_listed_side_by_side_and_masked(district: District) -> None:
    first, second = district.centers
    district.load(first, [member("张三", SHARED, 1), member("李四", "530102198001010011", 2)])
    district.load(
        second,
        [
            member("张三", SHARED, 1, kind="floating_in"),
            member("王五", "530102198001010011", 2, status="transferred_out"),  # closed transfer
        ],
    )

    (group,) = checks.list_duplicates(district.db, full_personal_data=False)

    assert group.open and group.decision is None
    assert [r.center_name for r in group.records] == [
        "翠湖社区党群服务中心",
        "金碧社区党群服务中心",
    ]
    assert [r.kind for r in group.records] == ["社区党员", "流入党员"]
    assert {r.id_number for r in group.records} == {"1101**************"}
    assert {r.birth_date for r in group.records} == {"1949-12"}
    full = checks.list_duplicates(district.db, full_personal_data=True)[0]
    assert {r.id_number for r in full.records} == {SHARED}
    assert group.check_number == person_key(SHARED)[: checks.KEY_LENGTH]


def test_a_decision_is_recorded_survives_reimport_and_reopens_when_records_change(
    district: District,
) -> None:
    first, second = district.centers
    kept = member("张三", SHARED, 1)
    district.load(first, [kept])
    district.load(second, [member("张三", SHARED, 1)])
    group = checks.list_duplicates(district.db, full_personal_data=False)[0]

    with pytest.raises(ValidationError) as refused:
        checks.decide(district.db, STAFF, group.check_number, note=" ")
    assert {e.field for e in refused.value.errors} == {"note", "resolution"}
    with pytest.raises(PermissionDenied):
        checks.decide(district.db, READER, group.check_number, both=True, note="流动党员")
    with pytest.raises(ValidationError, match="不是这组重复登记中的一条记录"):
        checks.decide(district.db, STAFF, group.check_number, current="ffffffff", note="转接未完")

    decided = checks.decide(
        district.db, STAFF, group.check_number, current=kept["uuid"][:8], note="翠湖为正式关系"
    )
    assert decided.decision is not None and not decided.open
    assert decided.decision.current_uuid == kept["uuid"]
    assert decided.decision.decided_by == "clerk"
    with district.db.reading() as session:
        entry = session.execute(
            select(DistrictAuditEntry).where(
                DistrictAuditEntry.action == "district.duplicate.decide"
            )
        ).scalar_one()
    assert entry.detail["after"]["note"] == "翠湖为正式关系" and entry.detail["before"] is None
    assert SHARED not in str(entry.detail)

    district.load(first, [{**kept, "change_seq": 5, "name": "张三丰"}])  # a later package
    (after_reimport,) = checks.list_duplicates(district.db, full_personal_data=False)
    assert not after_reimport.open
    assert after_reimport.decision is not None and after_reimport.decision.note == "翠湖为正式关系"

    third = FakeCenter("大观社区党群服务中心")
    service.register_center(district.db, third.public_key_file(district.folder))
    district.load(third, [member("张三", SHARED, 1)])
    (reopened,) = checks.list_duplicates(district.db, full_personal_data=False)
    assert reopened.open and len(reopened.records) == 3
    assert reopened.decision is not None  # the earlier decision is still shown


def test_a_closed_transfer_or_a_deleted_record_ends_the_duplicate(district: District) -> None:
    """The person key the listing groups by follows each newer version of a record."""
    first, second = district.centers
    moved = member("张三", SHARED, 1)
    district.load(first, [moved])
    stays = member("张三", SHARED, 1)
    district.load(second, [stays])
    assert len(checks.list_duplicates(district.db, full_personal_data=False)) == 1

    district.load(first, [{**moved, "change_seq": 2, "status": "transferred_out"}])
    assert checks.list_duplicates(district.db, full_personal_data=False) == []

    district.load(first, [{**moved, "change_seq": 3, "status": "active"}])
    assert len(checks.list_duplicates(district.db, full_personal_data=False)) == 1

    gone = {
        "table": "members",
        "uuid": stays["uuid"],
        "change_seq": 2,
        "deleted_at": "2026-03-02T00:00:00Z",
    }
    district.load(second, [], tombstones=[gone])
    assert checks.list_duplicates(district.db, full_personal_data=False) == []
    statuses = {status.name: status.records for status in service.status(district.db)}
    assert statuses == {"翠湖社区党群服务中心": 1, "金碧社区党群服务中心": 0}


def test_the_records_are_read_in_batches_of_keys(
    district: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checks, "KEYS_PER_QUERY", 2)
    numbers = [f"5301021980010100{n}X" for n in range(10, 15)]
    first, second = district.centers
    district.load(first, [member(f"甲{n}", number, n + 1) for n, number in enumerate(numbers)])
    district.load(second, [member(f"乙{n}", number, n + 1) for n, number in enumerate(numbers)])

    groups = checks.list_duplicates(district.db, full_personal_data=True)

    assert sorted(g.records[0].id_number for g in groups) == numbers
    assert all(len(g.records) == 2 for g in groups)


def test_unknown_check_number_is_refused(district: District) -> None:
    with pytest.raises(ValidationError, match="没有这个核查编号的重复登记"):
        checks.decide(district.db, None, "abcdef123456", both=True, note="两处都合规")


def test_overdue_centers_follow_the_setting(district: District) -> None:
    first = district.centers[0]
    made = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    district.load(first, [member("张三", SHARED, 1)], created_at=made)
    now = made + timedelta(days=36)

    overdue = checks.overdue_centers(district.db, now)
    late = {c.name: c for c in overdue}
    assert late["翠湖社区党群服务中心"].days == 36
    assert late["翠湖社区党群服务中心"].limit == checks.DEFAULT_OVERDUE_DAYS
    assert "已 36 天（期限 35 天）" in late["翠湖社区党群服务中心"].line()
    assert "金碧社区党群服务中心" not in late  # registered today, never sent: not yet overdue

    with pytest.raises(ValidationError, match="逾期天数"):
        checks.set_overdue_days(district.db, None, 0)
    with pytest.raises(PermissionDenied):
        checks.set_overdue_days(district.db, STAFF, 40)
    checks.set_overdue_days(district.db, None, 40)
    assert checks.overdue_days(district.db) == 40
    assert checks.overdue_centers(district.db, now) == []
    assert checks.overdue_centers(district.db, now + timedelta(days=100))[0].days == 136
