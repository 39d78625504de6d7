"""The whole exchange of issue 16, end to end through the real command line: centers made with
``dangqun init`` and ``dangqun demo``, keys exchanged (``sync keys``, ``district init``,
``district register-center``, ``sync keys --install-district``), packages up (``sync export``,
``district import``), receipts and district packages down (``sync receipt``, ``district send``,
``sync import``) — and after each import every synced table of every center compared field by
field with the district's record store (foreign keys as uuids, DOMAIN.md §5), on SQLite and on
PostgreSQL (the skip/fail rule of :mod:`tests.unit.district.databases`).

The comparison reads the center's SQLite file with the models' own tables and re-derives what
the district must hold, independently of the exporter: every column but ``id``, a foreign key
as the referenced row's uuid, a deleted row as a tombstoned record. Tables a module adds later
(the minutes, …) are compared without a change here: the synced tables are found in the
metadata, as the exporter finds them.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, create_engine, select

from dangqun.bases.catalogue import delete_closure
from dangqun.bases.models import Closure
from dangqun.bootstrap import Application, open_application
from dangqun.cli_kit import EXIT_OK
from dangqun.core.model_base import Tombstone
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor
from dangqun.district import service as district
from dangqun.district.models import DistrictRecord
from dangqun.members.models import Member, Organization
from dangqun.members.service import member_form, update_member
from dangqun.sync import crypto
from dangqun.sync.export import export_package
from dangqun.sync.keys import show_keys
from dangqun.sync.package import open_package, synced_schema
from tests.cli_helpers import run_cli, run_words
from tests.conftest import ADMIN_PASSWORD, actor_of
from tests.unit.district.databases import BACKENDS, district_database_url

CONTENT = {
    "bases": [
        {
            "name": "五华区党史教育基地",
            "base_type": "红色型",
            "address": "五华区翠湖南路 1 号",
            "introduction": "区级共享的党史教育阵地",
            "menu": [
                {"name": "重温入党誓词", "duration_minutes": 60, "min_group": 5, "max_group": 40}
            ],
        }
    ],
    "service_categories": ["理论宣讲"],
    "notices": [{"title": "关于报送数据的通知", "text": "请按月上报。", "date": "2026-09-01"}],
}


def ok(result: Any) -> str:
    """The command's standard output, after asserting it succeeded without a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    return str(result.stdout)


@dataclass
class Center:
    data: Path
    name: str
    uuid: str = ""

    def cli(self, *words: str) -> str:
        return ok(run_cli(self.data, *words))

    def export(self, usb: Path, full: bool = False) -> dict[str, Any]:
        words = ["sync", "export", "--out", str(usb), "--json", *(["--full"] if full else [])]
        payload: dict[str, Any] = json.loads(self.cli(*words))
        return payload


@dataclass
class District:
    url: str
    keys: Path
    folder: Path

    def run(self, *words: str) -> str:
        command, *rest = words
        return ok(run_words("district", command, "--db", self.url, *rest))

    def import_folder(self, usb: Path, receipts: Path | None = None) -> dict[str, Any]:
        report = self.folder / "report.json"
        extra = ["--receipt-out", str(receipts)] if receipts is not None else []
        self.run("import", str(usb), "--keys", str(self.keys), "--report", str(report), *extra)
        payload: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
        return payload


def make_center(folder: Path, name: str, code: str, seed: int | None) -> Center:
    center = Center(folder / code, name)
    ok(
        run_cli(
            center.data,
            "init",
            "--center-name",
            name,
            "--division-code",
            code,
            "--admin",
            "admin",
            "--password-stdin",
            user=None,
            stdin=ADMIN_PASSWORD + "\n",
        )
    )
    if seed is not None:
        center.cli("demo", "--members", "30", "--seed", str(seed))
    return center


def make_district(url: str, folder: Path) -> tuple[District, Path]:
    """``district init``; returns the district and its public key file for the centers."""
    out = folder / "to-centers"
    out.mkdir(parents=True)
    made = District(url, folder / "district-keys", folder)
    made.run("init", "--name", "五华区委组织部", "--out", str(out), "--keys", str(made.keys))
    (public_key_file,) = out.glob("*.dqkey")
    return made, public_key_file


def exchange_keys(center: Center, made: District, district_key_file: Path) -> None:
    shown = center.cli("sync", "keys", "--show")
    center_key_file = Path(shown.splitlines()[0].split("：", 1)[1])
    assert "已登记服务中心：" + center.name in made.run("register-center", str(center_key_file))
    assert "已安装区级公钥：五华区委组织部" in center.cli(
        "sync", "keys", "--install-district", str(district_key_file)
    )


# --- the comparison ---------------------------------------------------------------------------


def _as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _expected(value: Any) -> Any:
    """A center value as the district must hold it once parsed (dates and times as values)."""
    if isinstance(value, datetime):
        return _as_utc(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def _held(value: Any, expected: Any) -> Any:
    """The district's JSON value parsed the way the center's value is typed."""
    if isinstance(expected, datetime) and isinstance(value, str):
        return _as_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    if isinstance(expected, date) and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(expected, time) and isinstance(value, str):
        return time.fromisoformat(value)
    return value


def center_state(data: Path) -> tuple[str, dict[tuple[str, str], dict[str, Any]], set[Any]]:
    """The center's uuid, every synced row (keyed by table and uuid) as the district must hold
    it, and the tombstones (table, uuid)."""
    engine = create_engine(f"sqlite:///{DataPaths(data).database}")
    tables = synced_schema()
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    try:
        with engine.connect() as connection:
            uuids = {
                name: {
                    id_: uuid for id_, uuid in connection.execute(select(table.c.id, table.c.uuid))
                }
                for name, table in tables.items()
            }
            for name, table in tables.items():
                for row in connection.execute(select(table)).mappings():
                    rows[(name, row["uuid"])] = _expected_row(table, row, uuids)
            tombstones = {
                (table_name, uuid)
                for table_name, uuid in connection.execute(
                    select(Tombstone.table_name, Tombstone.record_uuid)
                )
            }
    finally:
        engine.dispose()
    (center_uuid,) = {uuid for (name, uuid) in rows if name == "center"}
    return center_uuid, rows, tombstones


def _expected_row(table: Table, row: Any, uuids: dict[str, dict[int, str]]) -> dict[str, Any]:
    expected: dict[str, Any] = {}
    for column in table.columns:
        if column.name == "id":
            continue
        value = row[column.name]
        foreign_keys = list(column.foreign_keys)
        if foreign_keys and value is not None:
            value = uuids[foreign_keys[0].column.table.name][value]
        expected[column.name] = _expected(value)
    return expected


def district_state(
    url: str, center_uuid: str
) -> dict[tuple[str, str], tuple[bool, dict[str, Any]]]:
    """The district's records of one center: (deleted, the row as stored) by (table, uuid)."""
    db = district.open_district(url)
    try:
        with db.reading() as session:
            records = session.scalars(
                select(DistrictRecord).where(DistrictRecord.center_uuid == center_uuid)
            ).all()
            return {
                (record.table_name, record.uuid): (
                    record.deleted,
                    {
                        **record.data,
                        "uuid": record.uuid,
                        "change_seq": record.change_seq,
                        "created_at": record.created_at,
                        "updated_at": record.updated_at,
                    },
                )
                for record in records
            }
    finally:
        db.dispose()


def assert_same(center: Center, url: str) -> int:
    """Every synced row of ``center`` is in the district, field by field; every tombstoned row
    is marked deleted there; nothing else of the center is. Returns the rows compared."""
    center_uuid, rows, tombstones = center_state(center.data)
    held = district_state(url, center_uuid)
    live = {key for key, (deleted, _data) in held.items() if not deleted}
    assert live == set(rows), set(rows) ^ live
    assert {key for key, (deleted, _data) in held.items() if deleted} == tombstones
    for key, expected in rows.items():
        stored = held[key][1]
        assert set(stored) == set(expected), (key, set(stored) ^ set(expected))
        for column, value in expected.items():
            assert _held(stored[column], value) == value, (key, column, stored[column], value)
    return len(rows)


def records_snapshot(url: str) -> list[tuple[Any, ...]]:
    db = district.open_district(url)
    try:
        with db.reading() as session:
            return [
                tuple(row)
                for row in session.execute(
                    select(
                        DistrictRecord.table_name,
                        DistrictRecord.uuid,
                        DistrictRecord.change_seq,
                        DistrictRecord.package_seq,
                        DistrictRecord.deleted,
                        DistrictRecord.updated_at,
                    ).order_by(DistrictRecord.id)
                )
            ]
    finally:
        db.dispose()


# --- the changes made at a center -------------------------------------------------------------


def change_and_delete(center: Center) -> tuple[str, str]:
    """Edit a member's work unit and delete a base's closure date (a tombstone), through the
    services, as the desktop app would; returns (member uuid, closure uuid)."""
    application = open_application(DataPaths(center.data))
    try:
        admin = actor_of(application, "admin")
        with application.database.reading() as session:
            member = session.scalars(select(Member).order_by(Member.id)).first()
            closure = session.scalars(select(Closure).order_by(Closure.id)).first()
            assert member is not None and closure is not None
            member_id, member_uuid = member.id, member.uuid
            closure_id, closure_uuid = closure.id, closure.uuid
        form = member_form(application.database, admin, member_id)
        edited = dataclasses.replace(form, work_unit="五华区同步测试单位")
        update_member(application.database, admin, member_id, edited)
        delete_closure(application.database, admin, closure_id)
    finally:
        application.close()
    return member_uuid, closure_uuid


@pytest.fixture(params=BACKENDS)
def district_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from district_database_url(request.param, tmp_path)


# --- the tests --------------------------------------------------------------------------------


@pytest.mark.demo_members(30)
def test_a_table_referring_to_itself_carries_the_parent_uuid(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    """organizations.parent_id refers to organizations: the exporter's uuid lookup must not be
    correlated to the outer row (it read NULL for every branch, found by the round trip)."""
    overview = show_keys(application.database, application.paths.keys, admin)
    result = export_package(
        application.database, application.paths.database, application.paths.keys, admin, tmp_path
    )
    with application.database.reading() as session:
        organizations = list(session.scalars(select(Organization)))
        uuids = {organization.id: organization.uuid for organization in organizations}
        parents = {
            organization.uuid: uuids[organization.parent_id]
            for organization in organizations
            if organization.parent_id is not None
        }
    assert parents
    own = crypto.read_public_key_file(overview.public_key_path).signing_public_key
    with open_package(result.path, [own]) as opened:
        carried = {row["uuid"]: row["parent_id"] for row in opened.rows("organizations")}
    assert {uuid: carried[uuid] for uuid in parents} == parents


def test_one_center_round_trip_on_sqlite(tmp_path: Path) -> None:
    """The quick round trip of the default run: a center without demo data (its center row
    and party organization), a full encrypted package, the field-by-field comparison, an
    idempotent re-import and the receipt that makes the next export incremental."""
    center = make_center(tmp_path, "翠湖社区党群服务中心", "530102001001", seed=None)
    made, district_key_file = make_district(str(tmp_path / "district.sqlite3"), tmp_path)
    exchange_keys(center, made, district_key_file)
    usb, receipts = tmp_path / "usb", tmp_path / "receipts"
    usb.mkdir()
    receipts.mkdir()

    first = center.export(usb)
    assert first["seq"] == 1 and first["full"] and first["encrypted"]
    report = made.import_folder(usb, receipts)
    assert report["counts"]["imported"] == 1 and report["counts"]["rejected"] == 0
    assert assert_same(center, made.url) == first["rows"]

    before = records_snapshot(made.url)
    again = made.import_folder(usb)
    assert again["counts"] == {**again["counts"], "already": 1, "imported": 0}
    assert records_snapshot(made.url) == before

    (receipt,) = receipts.glob("*.dqrcpt")
    assert json.loads(center.cli("sync", "receipt", "--json", str(receipt)))["acknowledged"] == [1]
    nothing_new = center.export(usb)
    assert (nothing_new["seq"], nothing_new["full"], nothing_new["rows"]) == (2, False, 0)
    assert nothing_new["counter_from"] == first["counter_to"]


@pytest.mark.slow  # two demo centers, about thirty processes per database backend
def test_two_centers_both_ways(district_url: str, tmp_path: Path) -> None:
    centers = [
        make_center(tmp_path, "翠湖社区党群服务中心", "530102001001", seed=11),
        make_center(tmp_path, "华山社区党群服务中心", "530102002001", seed=12),
    ]
    made, district_key_file = make_district(district_url, tmp_path / "district")
    usb, receipts = tmp_path / "usb", tmp_path / "receipts"
    usb.mkdir()
    receipts.mkdir()
    for center in centers:
        exchange_keys(center, made, district_key_file)
        assert center.export(usb)["full"]

    report = made.import_folder(usb, receipts)
    assert report["counts"]["imported"] == 2 and report["counts"]["rejected"] == 0
    assert report["gaps"] == []
    compared = [assert_same(center, made.url) for center in centers]
    assert min(compared) > 1000  # the demo's members, time bank, bookings and minutes

    before = records_snapshot(made.url)
    again = made.import_folder(usb)
    assert again["counts"]["already"] == 2 and again["counts"]["imported"] == 0
    assert records_snapshot(made.url) == before

    for center in centers:
        (receipt,) = receipts.glob(f"receipt-{center_state(center.data)[0][:8]}-*.dqrcpt")
        outcome = json.loads(center.cli("sync", "receipt", "--json", str(receipt)))
        assert outcome["acknowledged"] == [1]

    # An incremental package: an edited member and a deleted closure date (a tombstone).
    member_uuid, closure_uuid = change_and_delete(centers[0])
    second = centers[0].export(usb)
    assert second["seq"] == 2 and not second["full"]
    assert second["tables"].get("members") == 1 and second["tombstones"] == 1
    incremental = made.import_folder(usb, receipts)
    (package,) = [p for p in incremental["packages"] if p["status"] == "imported"]
    assert package["seq"] == 2 and package["tables"]["members"]["updated"] == 1
    assert package["tombstones"]["imported"] == 1
    held = district_state(made.url, center_state(centers[0].data)[0])
    assert held[("members", member_uuid)][1]["work_unit"] == "五华区同步测试单位"
    assert held[("bases_closures", closure_uuid)][0] is True
    for center in centers:
        assert_same(center, made.url)

    # Down: the same district catalogue to both centers, imported there, and sent back up.
    content = tmp_path / "下发内容.json"
    content.write_text(json.dumps(CONTENT, ensure_ascii=False), encoding="utf-8")
    down = tmp_path / "down"
    down.mkdir()
    for center in centers:
        center_uuid = center_state(center.data)[0]
        sent = json.loads(
            made.run(
                "send",
                "--center",
                center_uuid,
                "--out",
                str(down),
                "--content",
                str(content),
                "--keys",
                str(made.keys),
                "--json",
            )
        )
        center.cli("sync", "import", str(sent["file"]))
        assert center.export(usb)["rows"] > 0
    up = made.import_folder(usb, receipts)
    assert up["counts"]["rejected"] == 0 and up["counts"]["partial"] == 0
    for center in centers:
        assert_same(center, made.url)
