"""The center's export: full then incremental, tombstones, re-export until acknowledged, the
receipt flow, and a new database id after a restore or a copy (issue 16)."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.bootstrap import backup_now, open_application, restore_from_file
from dangqun.core.audit import AuditEntry
from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.core.security import Role
from dangqun.core.users import create_user
from dangqun.members.models import Organization
from dangqun.sync import crypto, receipts
from dangqun.sync.export import export_package, package_history
from dangqun.sync.keys import install_district_key, show_keys
from dangqun.sync.package import open_package
from tests.conftest import actor_of


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _export(application, actor, out, **options):
    return export_package(
        application.database,
        application.paths.database,
        application.paths.keys,
        actor,
        out,
        **options,
    )


def _rows(application, result, key=None):
    public = show_keys(application.database, application.paths.keys, actor_of(application, "admin"))
    own = crypto.read_public_key_file(public.public_key_path).signing_public_key
    with open_package(result.path, [own], key) as opened:
        return (
            {table: list(opened.rows(table)) for table in opened.tables},
            list(opened.tombstones()),
            opened.manifest,
        )


def _rename_first_organization(application, actor, name):
    with application.database.unit_of_work(actor) as work:
        organization = work.session.scalars(select(Organization).order_by(Organization.id)).first()
        organization.name = name
        work.commit()
        return organization.uuid


def _acknowledge(application, district, results, tmp_path):
    with application.database.reading() as session:
        from dangqun.core.center import find_center

        center_uuid = find_center(session).uuid
    path = receipts.write_receipt(
        tmp_path,
        district.signing,
        "某区委组织部",
        center_uuid,
        [receipts.ReceiptEntry(r.seq, r.sha256, r.counter_to, "imported") for r in results],
        datetime.now(UTC),
    )
    return receipts.import_receipt(
        application.database, application.paths.keys, actor_of(application, "admin"), path
    )


def _install(application, tmp_path):
    district = crypto.generate_district_keys()
    key_file = tmp_path / "district.dqkey"
    crypto.write_public_key_file(
        key_file, crypto.district_public_key_file(district, "某区委组织部")
    )
    install_district_key(
        application.database, application.paths.keys, actor_of(application, "admin"), key_file
    )
    return district


@pytest.mark.demo_members(12)
def test_first_export_is_full_with_foreign_keys_as_uuids(application, admin, out):
    result = _export(application, admin, out)
    assert result.full and result.seq == 1 and result.counter_from == 0
    assert result.warnings and "明文" in result.warnings[0]
    tables, tombstones, manifest = _rows(application, result)
    assert len(tables["members"]) == 12
    organization_uuids = {row["uuid"] for row in tables["organizations"]}
    assert all(row["organization_id"] in organization_uuids for row in tables["members"])
    assert tables["members"][0]["birth_date"].count("-") == 2
    assert manifest["database_id"] == result.database_id
    assert manifest["tables"]["members"]["references"] == {"organization_id": "organizations"}
    assert tombstones == []
    with application.database.reading() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "sync.export")).all()
    assert len(audit) == 1


@pytest.mark.demo_members(12)
def test_until_acknowledged_every_export_carries_the_same_changes_again(
    application, admin, out, tmp_path
):
    district = _install(application, tmp_path)
    first = _export(application, admin, out)
    assert first.encrypted and not first.warnings
    _acknowledge(application, district, [first], tmp_path)
    changed_uuid = _rename_first_organization(application, admin, "第一网格党支部")
    second = _export(application, admin, out)
    third = _export(application, admin, out)  # the USB stick with 2 was lost
    for result in (second, third):
        assert not result.full and result.counter_from == first.counter_to
        tables, _tombstones, _manifest = _rows(application, result, district.encryption)
        assert [row["uuid"] for row in tables["organizations"]] == [changed_uuid]
        assert tables["organizations"][0]["name"] == "第一网格党支部"
    assert (third.seq, _rows(application, third, district.encryption)[2]["previous_sha256"]) == (
        3,
        second.sha256,
    )
    outcome = _acknowledge(application, district, [third], tmp_path)
    assert outcome.acknowledged == (3,)
    fourth = _export(application, admin, out)
    assert fourth.rows == 0 and fourth.counter_from == third.counter_to
    history = package_history(application.database, admin)
    assert [(row.seq, row.acknowledged_at is not None) for row in history] == [
        (4, False),
        (3, True),
        (2, False),
        (1, True),
    ]


def test_deletions_travel_as_tombstones(application, admin, out, tmp_path):
    district = _install(application, tmp_path)
    _acknowledge(application, district, [_export(application, admin, out)], tmp_path)
    with application.database.unit_of_work(admin) as work:
        organization = Organization(level="branch", name="临时党支部", sort_order=9)
        work.session.add(organization)
        work.commit()
        gone = organization.uuid
    with application.database.unit_of_work(admin) as work:
        work.session.delete(
            work.session.scalar(select(Organization).where(Organization.uuid == gone))
        )
        work.commit()
    result = _export(application, admin, out)
    _tables, tombstones, _manifest = _rows(application, result, district.encryption)
    assert [(t["table"], t["uuid"]) for t in tombstones] == [("organizations", gone)]
    assert result.tombstones == 1


def test_a_receipt_is_checked_before_it_acknowledges_anything(application, admin, out, tmp_path):
    first = _export(application, admin, out)
    with pytest.raises(receipts.ReceiptRejected, match="尚未安装区级公钥"):
        _acknowledge(application, crypto.generate_district_keys(), [first], tmp_path)
    _install(application, tmp_path)
    impostor = crypto.generate_district_keys()
    with pytest.raises(receipts.ReceiptRejected, match="签名无效"):
        _acknowledge(application, impostor, [first], tmp_path)
    assert package_history(application.database, admin)[0].acknowledged_at is None


def test_a_receipt_for_another_package_or_center_acknowledges_nothing(
    application, admin, out, tmp_path
):
    district = _install(application, tmp_path)
    first = _export(application, admin, out)
    path = receipts.write_receipt(
        tmp_path,
        district.signing,
        "某区委组织部",
        "another-center",
        [receipts.ReceiptEntry(1, first.sha256, first.counter_to, "imported")],
        datetime.now(UTC),
    )
    with pytest.raises(receipts.ReceiptRejected, match="另一个服务中心"):
        receipts.import_receipt(application.database, application.paths.keys, admin, path)
    wrong = first.__class__(**{**first.__dict__, "sha256": "0" * 64})
    outcome = _acknowledge(application, district, [wrong], tmp_path)
    assert outcome.unmatched == (1,) and outcome.acknowledged == ()
    assert _export(application, admin, out).full


def test_a_restored_database_gets_a_new_id_and_sends_everything(application, admin, out, tmp_path):
    district = _install(application, tmp_path)
    first = _export(application, admin, out)
    _acknowledge(application, district, [first], tmp_path)
    backup = backup_now(application, admin)
    restore_from_file(application, admin, backup.path)
    after = _export(application, admin, out)
    assert after.database_id != first.database_id
    assert after.full and after.counter_from == 0


def test_a_copied_data_directory_gets_a_new_id(application, admin, out, tmp_path):
    first = _export(application, admin, out)
    paths = application.paths
    application.close()
    copy = tmp_path / "copy"
    shutil.copytree(paths.root, copy)
    from dangqun.core.paths import DataPaths

    copied = open_application(DataPaths(copy))
    try:
        result = _export(copied, actor_of(copied, "admin"), out)
    finally:
        copied.close()
    assert result.database_id != first.database_id and result.full
    reopened = open_application(paths)
    try:
        again = _export(reopened, actor_of(reopened, "admin"), out)
    finally:
        reopened.close()
    assert again.database_id == first.database_id


def test_export_needs_personal_data_rights_and_a_real_folder(application, admin, tmp_path):
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    with pytest.raises(PermissionDenied):
        _export(application, actor_of(application, "liming"), tmp_path)
    with pytest.raises(ValidationError) as caught:
        _export(application, admin, tmp_path / "nowhere")
    assert caught.value.errors[0].field == "out"


def test_every_synced_table_is_exported_without_naming_it(application, admin, out):
    """A module's tables travel the day it lands: the exporter reads the metadata."""
    from dangqun.sync.package import synced_schema

    result = _export(application, admin, out)
    tables, _tombstones, manifest = _rows(application, result)
    assert set(manifest["tables"]) <= set(synced_schema())
    assert "center" in tables and "members" not in tables  # an empty table adds no file
    assert json.dumps(manifest, ensure_ascii=False)


def test_restore_forgets_the_database_id_of_the_backup(application, admin, out, tmp_path):
    """core/restore.py drops the id while sealing the restored copy, whatever the file's inode."""
    import sqlite3

    from dangqun.core import restore
    from tests.conftest import copy_database

    _export(application, admin, out)
    prepared = tmp_path / "prepared.sqlite3"
    copy_database(application.paths.database, prepared)
    restore.seal_prepared(prepared)
    connection = sqlite3.connect(prepared)
    try:
        assert connection.execute("SELECT count(*) FROM database_identity").fetchone() == (0,)
    finally:
        connection.close()
