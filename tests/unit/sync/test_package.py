"""The package format and open_package's checks, each refusal with its Chinese reason (issue 16)."""

from __future__ import annotations

import hashlib
import json
import secrets
import subprocess
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dangqun.sync import crypto, package
from dangqun.sync.package import PackageRejected, open_package
from tests.unit.sync.package_kit import (
    canonical_zip,
    make_package,
    members_of,
    read_everything,
    resigned,
)


def test_round_trip_in_clear_gives_back_every_row_and_tombstone(
    tmp_path, center_key, center_public
):
    written = make_package(tmp_path, center_key, None, rows=25)
    assert written.path.name == "530102001001-5a1d3c4e-000001.dqpkg"
    with open_package(written.path, [center_public]) as opened:
        rows = list(opened.rows("organizations"))
        tombstones = list(opened.tombstones())
        assert opened.sha256 == hashlib.sha256(written.path.read_bytes()).hexdigest()
        assert opened.manifest["tables"]["organizations"]["rows"] == 25
        assert opened.manifest["encryption"] is None
    assert [row["name"] for row in rows] == [f"第{n}党支部" for n in range(25)]
    assert "id" not in rows[0]
    assert rows[0]["created_at"] == "2027-01-05T08:00:00.000000Z"
    assert tombstones[0]["table"] == "members"
    table = package.synced_schema()["organizations"]
    decoded = package.decode_row(table, rows[0])
    assert decoded["created_at"].isoformat() == "2027-01-05T08:00:00+00:00"


def test_encrypted_round_trip_needs_the_district_key(
    tmp_path, center_key, center_public, district_keys, district_encryption_public
):
    written = make_package(tmp_path, center_key, district_encryption_public, rows=30)
    names = [name for name, _ in members_of(written.path)]
    assert "data/organizations.ndjson.enc" in names
    assert "第1党支部".encode() not in written.path.read_bytes()
    with open_package(written.path, [center_public], district_keys.encryption) as opened:
        assert read_everything(opened) == 31
    with pytest.raises(PackageRejected, match="数据包已加密，需要区级加密私钥"):
        open_package(written.path, [center_public])
    other = crypto.generate_district_keys()
    with pytest.raises(PackageRejected, match="不是为本区的加密密钥加密的"):
        open_package(written.path, [center_public], other.encryption)


def test_the_same_data_gives_the_same_bytes_and_sha256sum_checks_it(tmp_path, center_key):
    first = make_package(tmp_path / "a", center_key, None)
    second = make_package(tmp_path / "b", center_key, None)
    assert first.path.read_bytes() == second.path.read_bytes()
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    subprocess.run(["unzip", "-q", str(first.path)], cwd=unpacked, check=True)
    checked = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=unpacked, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout
    assert "data/organizations.ndjson: OK" in checked.stdout


def test_large_tables_stream_through_chunks(
    tmp_path, center_key, center_public, district_keys, district_encryption_public
):
    """More than one encryption chunk (random names: the zlib stream stays over 1 MiB), more than
    one write buffer and more than one inflated block."""
    names = [secrets.token_hex(100) for _ in range(12_000)]
    written = make_package(tmp_path, center_key, district_encryption_public, 12_000, names=names)
    sealed = dict(members_of(written.path))["data/organizations.ndjson.enc"]
    assert len(sealed) > crypto.CHUNK_BYTES + crypto.TAG_BYTES
    with open_package(written.path, [center_public], district_keys.encryption) as opened:
        assert [row["name"] for row in opened.rows("organizations")] == names


def _rejected(path: Path, trusted: list[bytes], key=None) -> str:
    with pytest.raises(PackageRejected) as caught, open_package(path, trusted, key) as opened:
        read_everything(opened)
    return caught.value.message


def test_a_package_signed_by_an_unknown_key_is_refused(tmp_path, center_key):
    written = make_package(tmp_path, center_key, None)
    stranger = crypto.raw_public_key(Ed25519PrivateKey.generate().public_key())
    assert "不是由已登记的服务中心密钥签名的" in _rejected(written.path, [stranger])


def test_a_manifest_signed_by_another_key_under_the_center_fingerprint_is_refused(
    tmp_path, center_key, center_public
):
    members = members_of(make_package(tmp_path, center_key, None).path)
    forged = resigned(members, Ed25519PrivateKey.generate(), seq=2)
    path = canonical_zip(tmp_path / "forged.dqpkg", forged)
    assert "签名无效" in _rejected(path, [center_public])


def test_unsigned_and_missing_files_are_refused(tmp_path, center_key, center_public):
    members = members_of(make_package(tmp_path, center_key, None).path)
    unsigned = [(n, c) for n, c in members if n != package.SIGNATURE]
    path = canonical_zip(tmp_path / "unsigned.dqpkg", unsigned)
    assert "缺少签名文件 manifest.sig" in _rejected(path, [center_public])
    no_data = [(n, c) for n, c in members if n != "data/organizations.ndjson"]
    path = canonical_zip(tmp_path / "nodata.dqpkg", no_data)
    assert "缺少文件“data/organizations.ndjson”" in _rejected(path, [center_public])


def test_changed_data_with_matching_sha256sums_is_refused_by_the_signed_manifest(
    tmp_path, center_key, center_public
):
    members = dict(members_of(make_package(tmp_path, center_key, None).path))
    data = members["data/organizations.ndjson"].replace("第1党支部".encode(), "第9党支部".encode())
    members["data/organizations.ndjson"] = data
    digest = hashlib.sha256(data).hexdigest()
    sums = members[package.CHECKSUMS].decode().splitlines()
    members[package.CHECKSUMS] = "".join(
        (f"{digest}  data/organizations.ndjson" if line.endswith("organizations.ndjson") else line)
        + "\n"
        for line in sums
    ).encode()
    path = canonical_zip(tmp_path / "tampered.dqpkg", list(members.items()))
    assert "SHA256SUMS 与签名的清单不符" in _rejected(path, [center_public])
    members[package.CHECKSUMS] = b"".join(
        line + b"\n"
        for line in members_of(make_package(tmp_path / "x", center_key, None).path)[-1][
            1
        ].splitlines()
    )
    path = canonical_zip(tmp_path / "tampered2.dqpkg", list(members.items()))
    assert "SHA-256 校验不符" in _rejected(path, [center_public])


@pytest.mark.parametrize("name", ["../evil.ndjson", "/etc/passwd", "data/../../x", "C:\\x"])
def test_path_traversal_names_are_refused(tmp_path, center_key, center_public, name):
    members = members_of(make_package(tmp_path, center_key, None).path)
    path = canonical_zip(tmp_path / "traversal.dqpkg", [*members, (name, b"{}\n")])
    message = _rejected(path, [center_public])
    assert "不安全的文件名" in message or "不应有的文件" in message


def test_extra_and_duplicate_files_are_refused(tmp_path, center_key, center_public):
    members = members_of(make_package(tmp_path, center_key, None).path)
    path = canonical_zip(tmp_path / "extra.dqpkg", [*members, ("data/members.ndjson", b"{}\n")])
    assert "清单未列出的文件“data/members.ndjson”" in _rejected(path, [center_public])
    path = canonical_zip(tmp_path / "readme.dqpkg", [*members, ("README.txt", b"hi")])
    assert "不应有的文件“README.txt”" in _rejected(path, [center_public])
    with pytest.warns(UserWarning):
        path = canonical_zip(tmp_path / "twice.dqpkg", [*members, members[0]])
    assert "出现了两次" in _rejected(path, [center_public])


def test_a_zip_bomb_is_refused_before_inflating(tmp_path, center_key, center_public):
    members = members_of(make_package(tmp_path, center_key, None).path)
    bomb = ("data/members.ndjson", b"\n" * (20 * 2**20))
    path = canonical_zip(tmp_path / "bomb.dqpkg", [*members, bomb])
    assert "疑似 zip 炸弹" in _rejected(path, [center_public])


def test_a_member_larger_than_declared_stops_at_the_declared_size(
    tmp_path, center_key, center_public
):
    written = make_package(tmp_path, center_key, None)
    raw = bytearray(written.path.read_bytes())
    # Lower the declared size of the first member (the data file) in both headers.
    with open_zip_layout(written.path) as (local_offset, central_offset, size):
        for offset in (local_offset + 22, central_offset + 24):
            raw[offset : offset + 4] = (size - 10).to_bytes(4, "little")
    path = tmp_path / "liar.dqpkg"
    path.write_bytes(bytes(raw))
    message = _rejected(path, [center_public])
    assert "比声明的大" in message or "损坏" in message


class open_zip_layout:
    """(local header offset, central entry offset, uncompressed size) of the first member."""

    def __init__(self, path: Path) -> None:
        self.data = path.read_bytes()

    def __enter__(self):
        end = self.data.rfind(b"PK\x05\x06")
        central = int.from_bytes(self.data[end + 16 : end + 20], "little")
        size = int.from_bytes(self.data[central + 24 : central + 28], "little")
        return 0, central, size

    def __exit__(self, *exc):
        return False


def test_a_set_padding_bit_at_the_end_of_a_deflate_stream_is_refused(
    tmp_path, center_key, center_public
):
    """Inflate ignores the last byte's padding bits: flipping one must still be noticed."""
    written = make_package(tmp_path, center_key, None)
    data = bytearray(written.path.read_bytes())
    with open_zip_layout(written.path) as (local, _central, _size):
        name_length = int.from_bytes(data[local + 26 : local + 28], "little")
        compressed = int.from_bytes(data[local + 18 : local + 22], "little")
        last = local + 30 + name_length + compressed - 1
    stream = bytes(data[local + 30 + name_length : last + 1])
    expected = zlib.decompress(stream, -15)
    padding = [
        bit
        for bit in range(8)
        if not data[last] >> bit & 1
        and _inflates_to(stream[:-1] + bytes([data[last] | 1 << bit]), expected)
    ]
    assert padding, "this stream ends on a byte boundary; the test needs padding bits"
    data[last] |= 1 << padding[-1]
    path = tmp_path / "padded.dqpkg"
    path.write_bytes(bytes(data))
    assert "压缩流被改动" in _rejected(path, [center_public])


def _inflates_to(stream: bytes, expected: bytes) -> bool:
    try:
        return zlib.decompress(stream, -15) == expected
    except zlib.error:
        return False


def test_a_newer_schema_or_format_is_refused_with_upgrade_advice(
    tmp_path, center_key, center_public
):
    members = members_of(make_package(tmp_path, center_key, None).path)
    path = canonical_zip(tmp_path / "v3.dqpkg", resigned(members, center_key, format_version=3))
    assert "格式版本 3 本程序不认识，请升级本程序" in _rejected(path, [center_public])
    path = canonical_zip(
        tmp_path / "new.dqpkg", resigned(members, center_key, schema_revision="9999")
    )
    assert "来自更新版本的程序（数据库版本 9999）" in _rejected(path, [center_public])
    path = canonical_zip(
        tmp_path / "hash.dqpkg", resigned(members, center_key, schema_hash="0" * 64)
    )
    assert "结构指纹不同" in _rejected(path, [center_public])


def test_signed_but_inconsistent_manifests_are_refused(tmp_path, center_key, center_public):
    members = members_of(make_package(tmp_path, center_key, None).path)
    manifest = json.loads(dict(members)[package.MANIFEST])
    tables = manifest["tables"]
    tables["organizations"]["rows"] = 41
    path = canonical_zip(tmp_path / "rows.dqpkg", resigned(members, center_key, tables=tables))
    assert "有 40 行，清单写的是 41 行" in _rejected(path, [center_public])
    path = canonical_zip(
        tmp_path / "range.dqpkg", resigned(members, center_key, counter_from=50, full=False)
    )
    assert "变更计数范围颠倒" in _rejected(path, [center_public])
    path = canonical_zip(tmp_path / "seq.dqpkg", resigned(members, center_key, seq="1"))
    assert "序号无效" in _rejected(path, [center_public])


def test_not_a_package_at_all(tmp_path, center_public):
    text = tmp_path / "notes.dqpkg"
    text.write_text("这不是数据包", encoding="utf-8")
    assert "不是有效的 zip 文件" in _rejected(text, [center_public])
    assert "找不到数据包" in _rejected(tmp_path / "missing.dqpkg", [center_public])
    assert "是文件夹" in _rejected(tmp_path, [center_public])


def test_public_key_files_round_trip_and_refuse_a_changed_fingerprint(tmp_path, district_keys):
    document = crypto.district_public_key_file(district_keys, "某区委组织部")
    path = tmp_path / "district.dqkey"
    crypto.write_public_key_file(path, document)
    assert crypto.read_public_key_file(path, role="district") == document
    with pytest.raises(crypto.KeyFileError, match="不是服务中心的公钥文件"):
        crypto.read_public_key_file(path, role="center")
    changed = json.loads(path.read_text(encoding="utf-8"))
    changed["signing_fingerprint"] = "0" * 64
    path.write_text(json.dumps(changed), encoding="utf-8")
    with pytest.raises(crypto.KeyFileError, match="指纹与公钥不符"):
        crypto.read_public_key_file(path)
    assert crypto.grouped_fingerprint("0123456789abcdef") == "0123 4567 89ab cdef"


def test_the_signing_key_is_owner_only_and_made_once(tmp_path):
    path = tmp_path / "keys" / crypto.CENTER_SIGNING_KEY_FILE
    first = crypto.load_or_create_signing_key(path)
    second = crypto.load_or_create_signing_key(path)
    assert crypto.raw_public_key(first.public_key()) == crypto.raw_public_key(second.public_key())
    assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "keys").stat().st_mode & 0o777 == 0o700
