"""Importing packages at the district (issue 16), on SQLite and PostgreSQL: verified before the
database is touched, one transaction per package, idempotent, replays refused, gaps reported,
tombstones honoured, a rejected package leaves the database unchanged."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from dangqun.district import service
from dangqun.district.models import DistrictAuditEntry, DistrictPackage, DistrictRecord
from tests.unit.district.packages import TABLE, FakeCenter, center_row


@pytest.fixture
def district(district_url: str, tmp_path: Path) -> Any:
    db = service.open_district(district_url, create=True)
    keys = tmp_path / "district-keys"
    setup = service.init_district(db, "五华区委组织部", tmp_path, keys_directory=keys)
    db.keys = keys  # type: ignore[attr-defined]
    db.public_key_file = setup.public_key_file  # type: ignore[attr-defined]
    yield db
    db.dispose()


def snapshot(db: Any) -> tuple[Any, ...]:
    """Everything an import may change, to prove a rejected one changed nothing."""
    with db.reading() as session:
        records = session.execute(
            select(
                DistrictRecord.table_name,
                DistrictRecord.uuid,
                DistrictRecord.change_seq,
                DistrictRecord.deleted,
            ).order_by(DistrictRecord.uuid)
        ).all()
        packages = session.execute(
            select(DistrictPackage.sha256).order_by(DistrictPackage.sha256)
        ).all()
        audit = session.execute(select(func.count()).select_from(DistrictAuditEntry)).scalar()
    return tuple(records), tuple(packages), audit


def names(db: Any) -> dict[str, tuple[str, bool]]:
    with db.reading() as session:
        return {
            r.uuid: (r.data.get("name", ""), r.deleted)
            for r in session.execute(select(DistrictRecord)).scalars()
        }


def run_import(db: Any, *paths: Path, **options: Any) -> Any:
    return service.import_packages(db, list(paths), keys_directory=db.keys, **options)


def test_an_encrypted_package_imports_once_and_a_second_time_reports_already_imported(
    district: Any, tmp_path: Path
) -> None:
    center = FakeCenter("翠湖社区党群服务中心")
    service.register_center(district, center.public_key_file(tmp_path))
    record = str(uuid.uuid4())
    package = center.package(
        tmp_path / "out",
        [center_row(record, 1, "翠湖")],
        district_key_file=district.public_key_file,
    )
    first = run_import(district, package)
    assert [p.status for p in first.packages] == ["imported"]
    assert first.packages[0].tables[TABLE].imported == 1
    before = snapshot(district)
    again = run_import(district, package)
    assert [p.status for p in again.packages] == ["already"]
    assert "已导入过" in again.text()
    assert snapshot(district) == before


def test_the_same_seq_with_other_content_is_rejected_as_a_replay(
    district: Any, tmp_path: Path
) -> None:
    center = FakeCenter("翠湖社区党群服务中心")
    service.register_center(district, center.public_key_file(tmp_path))
    record = str(uuid.uuid4())
    run_import(district, center.package(tmp_path / "a", [center_row(record, 1, "原来")]))
    before = snapshot(district)
    replay = run_import(
        district, center.package(tmp_path / "b", [center_row(record, 2, "篡改")], seq=1)
    )
    assert replay.packages[0].status == "rejected"
    assert "重放" in replay.packages[0].reason
    assert snapshot(district) == before


def test_a_chain_of_twenty_with_one_lost_reports_the_gap_and_the_late_package_fills_it(
    district: Any, tmp_path: Path
) -> None:
    center = FakeCenter("翠湖社区党群服务中心")
    service.register_center(district, center.public_key_file(tmp_path))
    records = [str(uuid.uuid4()) for _ in range(20)]
    paths = []
    for number in range(1, 21):
        rows = [center_row(records[number - 1], number, f"第{number}版")]
        if number == 15:  # the lost package also changed record 3, changed again by package 16
            rows.append(center_row(records[2], number, "第15包的旧值"))
        if number == 16:
            rows.append(center_row(records[2], number, "第16包的新值"))
        paths.append(center.package(tmp_path / "usb", rows, counter_from=number - 1))
    lost = paths.pop(14)
    lost.rename(tmp_path / lost.name)
    report = run_import(district, tmp_path / "usb")
    assert [p.seq for p in report.packages] == [n for n in range(1, 21) if n != 15]
    assert report.gaps == ["中心 翠湖社区党群服务中心：缺第 15 号数据包"]
    assert records[14] not in names(district)
    late = run_import(district, tmp_path / lost.name)
    assert late.packages[0].status == "imported"
    assert late.packages[0].tables[TABLE].unchanged == 1  # record 3: package 16 is newer
    assert late.gaps == []
    stored = names(district)
    assert stored[records[14]] == ("第15版", False)
    assert stored[records[2]] == ("第16包的新值", False)
    (status,) = service.status(district)
    assert (status.packages, status.last_seq, status.missing) == (20, 20, ())


def test_tombstones_mark_records_deleted(district: Any, tmp_path: Path) -> None:
    center = FakeCenter("翠湖社区党群服务中心")
    service.register_center(district, center.public_key_file(tmp_path))
    kept, gone = str(uuid.uuid4()), str(uuid.uuid4())
    run_import(
        district,
        center.package(tmp_path / "a", [center_row(kept, 1, "留"), center_row(gone, 2, "删")]),
    )
    tombstone = {
        "table": TABLE,
        "uuid": gone,
        "change_seq": 3,
        "deleted_at": "2026-03-02T00:00:00Z",
    }
    report = run_import(district, center.package(tmp_path / "b", [], [tombstone], counter_from=2))
    assert report.packages[0].tombstones.imported == 1
    assert names(district) == {kept: ("留", False), gone: ("删", True)}


def test_tampered_unregistered_and_foreign_signed_packages_change_nothing(
    district: Any, tmp_path: Path
) -> None:
    center = FakeCenter("翠湖社区党群服务中心")
    service.register_center(district, center.public_key_file(tmp_path))
    stranger = FakeCenter("未登记的中心")
    package = center.package(tmp_path / "a", [center_row(str(uuid.uuid4()), 1, "甲")])
    tampered = tmp_path / "tampered.dqpkg"
    data = bytearray(package.read_bytes())
    data[len(data) // 3] ^= 0x40
    tampered.write_bytes(bytes(data))
    truncated = tmp_path / "truncated.dqpkg"
    truncated.write_bytes(package.read_bytes()[:-200])
    foreign = stranger.package(tmp_path / "b", [center_row(str(uuid.uuid4()), 1, "乙")])
    before = snapshot(district)
    report = run_import(district, tampered, truncated, foreign)
    assert [p.status for p in report.packages] == ["rejected"] * 3
    assert all(p.reason for p in report.packages)
    assert report.any_rejected
    assert snapshot(district) == before


def test_a_dry_run_reports_and_writes_nothing(district: Any, tmp_path: Path) -> None:
    center = FakeCenter("翠湖社区党群服务中心")
    service.register_center(district, center.public_key_file(tmp_path))
    package = center.package(tmp_path / "a", [center_row(str(uuid.uuid4()), 1, "甲")])
    before = snapshot(district)
    report = run_import(district, package, dry_run=True)
    assert report.packages[0].status == "dry_run"
    assert report.packages[0].tables[TABLE].imported == 1
    assert snapshot(district) == before


def test_a_wrong_keys_folder_is_named(district: Any, tmp_path: Path) -> None:
    other = tmp_path / "other-keys"
    second = service.open_district(str(tmp_path / "second.sqlite3"), create=True)
    service.init_district(second, "别的区", tmp_path, keys_directory=other)
    second.dispose()
    with pytest.raises(service.DistrictError, match="指纹不符"):
        service.import_packages(district, [tmp_path], keys_directory=other)


def test_a_receipt_per_center_is_signed_by_the_district_and_names_the_packages(
    district: Any, tmp_path: Path
) -> None:
    from dangqun.sync import crypto
    from dangqun.sync.receipts import read_receipt

    center = FakeCenter("翠湖社区党群服务中心")
    service.register_center(district, center.public_key_file(tmp_path))
    first = center.package(tmp_path / "usb", [center_row(str(uuid.uuid4()), 1, "甲")])
    run_import(district, first)
    second = center.package(
        tmp_path / "usb", [center_row(str(uuid.uuid4()), 2, "乙")], counter_from=1
    )
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    report = run_import(district, tmp_path / "usb", receipts=receipts)
    (path,) = report.receipts
    district_key = crypto.read_public_key_file(district.public_key_file, "district")
    receipt = read_receipt(Path(path), district_key.signing_public_key)
    assert receipt.center_uuid == center.uuid
    assert [(p.seq, p.sha256, p.counter_to, p.status) for p in receipt.packages] == [
        (1, crypto.sha256_file(first), 1, "already_imported"),
        (2, crypto.sha256_file(second), 2, "imported"),
    ]
