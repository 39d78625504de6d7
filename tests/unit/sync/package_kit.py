"""Small packages for the sync tests: real synced tables, made-up rows, keys made per session."""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dangqun.migrations import head_revision
from dangqun.sync import crypto, package

CENTER_UUID = "5a1d3c4e-0000-4000-8000-000000000001"
CREATED_AT = datetime(2027, 1, 5, 8, 0, tzinfo=UTC)


def organization_rows(count: int, names: list[str] | None = None) -> list[dict[str, Any]]:
    table = package.synced_schema()["organizations"]
    rows = []
    for number in range(count):
        row: dict[str, Any] = {name: None for name in package.table_columns(table)}
        row.update(
            uuid=str(uuid.UUID(int=number + 1)),
            name=f"第{number}党支部" if names is None else names[number],
            created_at=CREATED_AT,
            updated_at=CREATED_AT,
            change_seq=number + 1,
        )
        rows.append(row)
    return rows


def header(seq: int = 1, **changes: Any) -> package.PackageHeader:
    values: dict[str, Any] = {
        "center_uuid": CENTER_UUID,
        "center_name": "翠湖社区党群服务中心",
        "division_code": "530102001001",
        "database_id": "db-0001",
        "seq": seq,
        "previous_sha256": None,
        "counter_from": 0,
        "counter_to": 40,
        "full": True,
        "schema_revision": head_revision(),
        "schema_hash": package.schema_hash(package.synced_schema().values()),
        "app_version": "0.1.0",
        "created_at": CREATED_AT,
    }
    values.update(changes)
    return package.PackageHeader(**values)


def make_package(
    directory: Path,
    signing_key: Ed25519PrivateKey,
    recipient: bytes | None,
    rows: int = 40,
    seq: int = 1,
    names: list[str] | None = None,
) -> package.WrittenPackage:
    table = package.synced_schema()["organizations"]
    data = package.TableData(
        "organizations",
        package.table_columns(table),
        package.table_references(table),
        organization_rows(rows, names),
    )
    tombstones = [
        {
            "table": "members",
            "uuid": str(uuid.UUID(int=999)),
            "change_seq": 41,
            "deleted_at": CREATED_AT,
        }
    ]
    directory.mkdir(parents=True, exist_ok=True)
    return package.write_package(directory, header(seq), [data], tombstones, signing_key, recipient)


def members_of(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def canonical_zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    """A zip laid out as write_package lays one out (so the structure check passes and the
    check under test is the one that speaks)."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=package.ZIP_DATE_TIME)
            info.compress_type = package.member_method(name)
            info.create_system = package.ZIP_CREATE_SYSTEM
            info.external_attr = package.ZIP_EXTERNAL_ATTR
            archive.writestr(info, content, compresslevel=package.COMPRESS_LEVEL)
    return path


def resigned(
    members: list[tuple[str, bytes]], key: Ed25519PrivateKey, **manifest_changes: Any
) -> list[tuple[str, bytes]]:
    """The members with manifest fields changed and the manifest signed again by ``key``."""
    contents = dict(members)
    manifest = json.loads(contents[package.MANIFEST])
    manifest.update(manifest_changes)
    manifest_bytes = package.manifest_to_bytes(manifest)
    contents[package.MANIFEST] = manifest_bytes
    contents[package.SIGNATURE] = crypto.sign(key, manifest_bytes)
    sums = {package.MANIFEST: hashlib.sha256(manifest_bytes).hexdigest(), **manifest["files"]}
    contents[package.CHECKSUMS] = package.checksums_to_bytes(sums)
    return list(contents.items())


def read_everything(opened: package.OpenedPackage) -> int:
    count = 0
    for table in opened.tables:
        count += sum(1 for _ in opened.rows(table))
    count += sum(1 for _ in opened.tombstones())
    return count


def sealed_package(
    path: Path,
    members: list[tuple[str, bytes]],
    key: Ed25519PrivateKey,
    recipient: bytes,
    streams: dict[str, bytes],
    **manifest_changes: Any,
) -> Path:
    """A package made from ``members`` whose data files are ``streams`` (what goes inside the
    encryption: in version 2 a zlib stream of the NDJSON) sealed under a fresh key, with the
    manifest's hashes updated, ``manifest_changes`` applied and all signed by ``key`` — what a
    faulty or malicious but registered sender could make."""
    contents = dict(members)
    manifest = json.loads(contents[package.MANIFEST])
    encryptor = crypto.PackageEncryptor(recipient)
    for name, stream in streams.items():
        sealer = encryptor.file_sealer(name)
        contents[name] = b"".join([*sealer.feed(stream), sealer.finish()])
    files = {name: hashlib.sha256(contents[name]).hexdigest() for name in manifest["files"]}
    changes = {"encryption": encryptor.header.to_json(), "files": files, **manifest_changes}
    return canonical_zip(path, resigned(list(contents.items()), key, **changes))
