"""Format version 2: encrypted data files deflated before sealing (issue 16 follow-up).

A version 1 package still opens; inflation is bounded by the signed ``sizes`` before and while
inflating, and a stream that is a bomb, truncated, followed by more data or of another size than
declared is refused with a Chinese reason — at the district, with nothing of it left behind.
"""

from __future__ import annotations

import json
import tracemalloc
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from dangqun.district import service as district_service
from dangqun.district.models import DistrictAuditEntry, DistrictPackage, DistrictRecord
from dangqun.sync import crypto, package
from dangqun.sync.package import PackageRejected, open_package
from tests.unit.district.databases import BACKENDS, district_database_url
from tests.unit.district.packages import FakeCenter, center_row
from tests.unit.sync.package_kit import (
    canonical_zip,
    make_package,
    members_of,
    organization_rows,
    read_everything,
    resigned,
    sealed_package,
)

FIXTURES = Path(__file__).parent / "fixtures"
ORGANIZATIONS = "data/organizations.ndjson.enc"
TOMBSTONES = "data/_tombstones.ndjson.enc"


def ndjson(rows: list[dict[str, Any]]) -> bytes:
    """The NDJSON the writer makes of ``rows`` (what version 2 deflates before sealing)."""
    return b"".join(
        json.dumps(
            {key: package.encode_value(value) for key, value in row.items()},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode()
        + b"\n"
        for row in rows
    )


def test_an_encrypted_package_is_version_2_with_deflated_data_and_declared_sizes(
    tmp_path, center_key, center_public, district_keys, district_encryption_public
):
    written = make_package(tmp_path, center_key, district_encryption_public, rows=400)
    manifest = written.manifest
    assert manifest["format_version"] == 2
    assert manifest["compression"] == "zlib"
    plain = ndjson(organization_rows(400))
    assert manifest["sizes"][ORGANIZATIONS] == len(plain)
    assert set(manifest["sizes"]) == set(manifest["files"])
    sealed = dict(members_of(written.path))[ORGANIZATIONS]
    assert len(sealed) < len(plain) / 5
    with open_package(written.path, [center_public], district_keys.encryption) as opened:
        rows = list(opened.rows("organizations"))
        tombstones = list(opened.tombstones())
    assert (
        b"".join(
            json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
            for row in rows
        )
        == plain
    )
    assert [t["uuid"] for t in tombstones] == [str(uuid.UUID(int=999))]


def test_a_package_in_clear_stays_version_1_as_before(tmp_path, center_key, center_public):
    written = make_package(tmp_path, center_key, None)
    assert written.manifest["format_version"] == 1
    assert "compression" not in written.manifest and "sizes" not in written.manifest
    with open_package(written.path, [center_public]) as opened:
        assert read_everything(opened) == 41


def test_a_version_1_encrypted_package_still_opens():
    """``fixtures/format-v1-encrypted.dqpkg`` was written by the version 1 writer (data sealed
    uncompressed): three organizations and one tombstone; the keys are test-only."""
    center = crypto.read_public_key_file(FIXTURES / "format-v1-center.dqkey", "center")
    key = crypto.read_encryption_key(FIXTURES / "format-v1-district-encryption.key")
    path = FIXTURES / "format-v1-encrypted.dqpkg"
    with open_package(path, [center.signing_public_key], key) as opened:
        assert opened.manifest["format_version"] == 1
        assert "sizes" not in opened.manifest
        rows = list(opened.rows("organizations"))
        tombstones = list(opened.tombstones())
    table = package.synced_schema()["organizations"]
    expected = organization_rows(3)
    assert [package.decode_row(table, row) for row in rows] == expected
    assert [t["uuid"] for t in tombstones] == [str(uuid.UUID(int=999))]


class Sender:
    """A registered center that signs whatever streams it is given (faulty or malicious)."""

    def __init__(self, tmp_path: Path, center_key: Ed25519PrivateKey, recipient: bytes) -> None:
        self.tmp_path = tmp_path
        self.key = center_key
        self.recipient = recipient
        self.members = members_of(
            make_package(tmp_path / "good", center_key, recipient, rows=3).path
        )
        self.plain = ndjson(organization_rows(3))
        self.count = 0

    def package(self, stream: bytes, declared: int, **manifest_changes: Any) -> Path:
        """The organizations file as ``stream`` with ``declared`` bytes, no tombstones."""
        self.count += 1
        return sealed_package(
            self.tmp_path / f"sent-{self.count}.dqpkg",
            self.members,
            self.key,
            self.recipient,
            {ORGANIZATIONS: stream, TOMBSTONES: zlib.compress(b"")},
            sizes={ORGANIZATIONS: declared, TOMBSTONES: 0},
            tombstones=0,
            **manifest_changes,
        )


@pytest.fixture
def sender(tmp_path, center_key, district_encryption_public) -> Sender:
    return Sender(tmp_path, center_key, district_encryption_public)


def _rejected(path: Path, trusted: list[bytes], key: Any) -> str:
    with pytest.raises(PackageRejected) as caught, open_package(path, trusted, key) as opened:
        read_everything(opened)
    return caught.value.message


def test_the_sealed_stream_kit_makes_a_package_that_opens(sender, center_public, district_keys):
    """The refusals below are the defect's, not the kit's."""
    path = sender.package(zlib.compress(sender.plain), len(sender.plain))
    with open_package(path, [center_public], district_keys.encryption) as opened:
        assert read_everything(opened) == 3


def _bomb(size: int) -> bytes:
    compressor = zlib.compressobj(9)
    block = b" " * 2**20
    parts = [compressor.compress(block) for _ in range(size // len(block))]
    return b"".join([*parts, compressor.flush()])


def test_a_bomb_inside_the_ciphertext_stops_at_the_declared_size(
    sender, center_public, district_keys
):
    """256 MiB of spaces declared as 300 bytes: refused with memory staying small (inflation
    asks zlib for no more than the declared size and one byte)."""
    path = sender.package(_bomb(256 * 2**20), 300)
    tracemalloc.start()
    try:
        message = _rejected(path, [center_public], district_keys.encryption)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "解压后比清单声明的大（疑似压缩炸弹）" in message
    assert peak < 16 * 2**20


def test_a_declared_size_out_of_ratio_is_refused_before_anything_is_inflated(sender, center_public):
    """No decryption key is given: the refusal comes from the manifest and the zip alone."""
    path = sender.package(zlib.compress(sender.plain), 2**30)
    message = _rejected(path, [center_public], None)
    assert "声明的解压大小与其大小之比异常（疑似压缩炸弹）" in message


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda plain, stream: (stream, len(plain) + 1), "解压后有 {n} 字节，清单写的是 {d} 字节"),
        (lambda plain, stream: (stream, len(plain) - 1), "解压后比清单声明的大"),
        (lambda plain, stream: (stream[:-6], len(plain)), "压缩数据不完整（被截断）"),
        (lambda plain, stream: (stream + b"\x00", len(plain)), "压缩数据后面还有多余的内容"),
        (lambda plain, stream: (stream * 2, 2 * len(plain)), "压缩数据后面还有多余的内容"),
        (
            lambda plain, stream: (stream[:-1] + bytes([stream[-1] ^ 1]), len(plain)),
            "压缩数据已损坏",
        ),
        (lambda plain, stream: (plain, len(plain)), "压缩数据已损坏"),
    ],
    ids=["larger", "smaller", "truncated", "trailing", "second-stream", "checksum", "not-zlib"],
)
def test_a_signed_but_faulty_stream_is_refused(
    sender, center_public, district_keys, change, reason
):
    stream, declared = change(sender.plain, zlib.compress(sender.plain))
    message = _rejected(sender.package(stream, declared), [center_public], district_keys.encryption)
    assert reason.format(n=len(sender.plain), d=declared) in message


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"compression": "zstd"}, "压缩方式本程序不认识"),
        ({"compression": None}, "压缩方式本程序不认识"),
        ({"sizes": {ORGANIZATIONS: 10}}, "sizes"),
        ({"sizes": {ORGANIZATIONS: -1, TOMBSTONES: 0}}, "sizes"),
        ({"sizes": {ORGANIZATIONS: 2**31, TOMBSTONES: 0}}, "sizes"),
        ({"format_version": 1}, "版本 1 没有压缩"),
    ],
)
def test_a_signed_but_wrong_manifest_is_refused(sender, center_public, changes, reason):
    stream = zlib.compress(sender.plain)
    path = sealed_package(
        sender.tmp_path / "manifest.dqpkg",
        sender.members,
        sender.key,
        sender.recipient,
        {ORGANIZATIONS: stream, TOMBSTONES: zlib.compress(b"")},
        **{"sizes": {ORGANIZATIONS: len(sender.plain), TOMBSTONES: 0}, "tombstones": 0, **changes},
    )
    assert reason in _rejected(path, [center_public], None)


def test_a_newer_version_with_other_fields_gets_the_upgrade_advice(sender, center_public):
    """Version 3's fields are not judged by this program's rules: it asks to be upgraded."""
    path = sealed_package(
        sender.tmp_path / "v3.dqpkg",
        sender.members,
        sender.key,
        sender.recipient,
        {ORGANIZATIONS: b"", TOMBSTONES: b""},
        format_version=3,
        compression="zstd",
        sizes=[1, 2],
    )
    assert "格式版本 3 本程序不认识，请升级本程序" in _rejected(path, [center_public], None)


def test_version_2_in_clear_is_refused(tmp_path, center_key, center_public):
    members = members_of(make_package(tmp_path, center_key, None).path)
    path = canonical_zip(tmp_path / "v2.dqpkg", resigned(members, center_key, format_version=2))
    assert "版本 2 的数据包必须加密" in _rejected(path, [center_public], None)


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    names=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=60),
)
def test_random_rows_round_trip_through_compression_and_encryption(
    tmp_path_factory, center_key, center_public, district_keys, district_encryption_public, names
):
    folder = tmp_path_factory.mktemp("random")
    written = make_package(
        folder, center_key, district_encryption_public, rows=len(names), names=names
    )
    with open_package(written.path, [center_public], district_keys.encryption) as opened:
        assert [row["name"] for row in opened.rows("organizations")] == names


# --- at the district: a faulty stream found while loading leaves nothing behind ---------------


@pytest.fixture(params=BACKENDS)
def district(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    for url in district_database_url(request.param, tmp_path):
        db = district_service.open_district(url, create=True)
        keys = tmp_path / "district-keys"
        setup = district_service.init_district(db, "五华区委组织部", tmp_path, keys_directory=keys)
        db.keys = keys  # type: ignore[attr-defined]
        db.public_key_file = setup.public_key_file  # type: ignore[attr-defined]
        yield db
        db.dispose()


def _snapshot(db: Any) -> tuple[Any, ...]:
    with db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(DistrictRecord)),
            session.scalar(select(func.count()).select_from(DistrictPackage)),
            session.scalar(select(func.count()).select_from(DistrictAuditEntry)),
        )


def test_a_bomb_in_the_tombstones_rolls_back_the_rows_already_loaded(
    district: Any, tmp_path: Path
) -> None:
    """The center table's rows load first; the tombstones' stream then inflates past its
    declared size: the package is rejected with the reason and the database is as before."""
    center = FakeCenter("翠湖社区党群服务中心")
    district_service.register_center(district, center.public_key_file(tmp_path))
    recipient = crypto.read_public_key_file(district.public_key_file, "district")
    assert recipient.encryption_public_key is not None
    rows = [center_row(str(uuid.uuid4()), number, f"行{number}") for number in range(1, 4)]
    good = center.package(tmp_path / "good", rows, district_key_file=district.public_key_file)
    members = members_of(good)
    manifest = json.loads(dict(members)[package.MANIFEST])
    assert manifest["format_version"] == 2
    plain = ndjson(rows)
    bomb = sealed_package(
        tmp_path / "bomb.dqpkg",
        members,
        center.key,
        recipient.encryption_public_key,
        {"data/center.ndjson.enc": zlib.compress(plain), TOMBSTONES: _bomb(64 * 2**20)},
        sizes={"data/center.ndjson.enc": len(plain), TOMBSTONES: 100},
        tombstones=1,
    )
    before = _snapshot(district)
    report = district_service.import_packages(district, [bomb], keys_directory=district.keys)
    (outcome,) = report.packages
    assert outcome.status == "rejected"
    assert "疑似压缩炸弹" in outcome.reason
    assert _snapshot(district) == before
    report = district_service.import_packages(district, [good], keys_directory=district.keys)
    assert report.packages[0].status == "imported"
    assert _snapshot(district)[0] == 3
