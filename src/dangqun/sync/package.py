"""The sync package file: writing one, and opening one with every check (issue 16).

DOMAIN.md §5: packages travel by USB stick or e-mail, so each must prove by itself who made it
and that nothing in it changed. A package ``<division-code>-<center-id8>-<seq:06d>.dqpkg`` is a
zip (every entry dated 1980-01-01 00:00 with the same attributes, so the same data gives the
same bytes; clear NDJSON is ZIP_DEFLATED, everything else ZIP_STORED — ciphertext does not
compress, and deflate ignores some bits (block padding) that a stored byte cannot hide, so a
package in which any bit changed is always refused) holding exactly:

``data/<table>.ndjson`` (``.ndjson.enc`` when encrypted)
    one per synced table with rows, ordered by the row's integer id. Encrypted, the file is the
    sealed form (:mod:`dangqun.sync.crypto`) of the NDJSON deflated into one zlib stream
    (RFC 1950, level :data:`DATA_COMPRESS_LEVEL`) — format version 2, since ciphertext does not
    compress: a 100,000-member center's full package went from 124 MiB to 20 MiB (issue 16
    follow-up). Version 1 sealed the NDJSON itself; readers still open it. A line is a JSON
    object of the row's columns except the integer primary key ``id``; a foreign key column
    holds the referenced row's ``uuid`` (the district merges many centers, whose integer ids
    collide). Dates are ``YYYY-MM-DD``, times ``HH:MM:SS``, datetimes ISO UTC ending in ``Z``,
    booleans ``true``/``false``, bytes base64 under the same name (no synced column is binary
    today; :func:`encode_value` and :func:`decode_row` handle it when one arrives).
``data/_tombstones.ndjson`` (``.enc``)
    always present, possibly empty: ``{"table", "uuid", "change_seq", "deleted_at"}`` lines.
``manifest.json``
    UTF-8 JSON, keys sorted: ``format`` ("dangqun-sync"), ``format_version`` (2 when
    encrypted; 1 in clear, whose bytes version 2 did not change, so an older reader still reads
    it),
    ``schema_revision`` (Alembic head of the writer), ``schema_hash`` (:func:`schema_hash`),
    ``center`` {uuid, name, division_code}, ``database_id``, ``seq``, ``previous_sha256`` (of
    the previous package file, or null), ``counter_from`` / ``counter_to`` — the package holds
    the changes with ``counter_from < change_seq <= counter_to`` (exclusive, inclusive; a full
    package has ``counter_from`` 0) — ``full``, ``tables`` {name: {rows, file, columns,
    references {fk column: referenced table}}}, ``tombstones`` (count), ``files`` {data file
    name: sha256 hex} (so the signature covers the data, not only ``SHA256SUMS``, which nobody
    signs), ``created_at`` (UTC ISO), ``app_version``, ``encryption`` (null or the object of
    :class:`dangqun.sync.crypto.EncryptionHeader`), ``signing_key_fingerprint``; in version 2
    only (and always there) ``compression`` ("zlib") and ``sizes`` {data file name: bytes of its
    NDJSON}, so a reader bounds inflation before inflating.
``manifest.sig``
    the 64-byte Ed25519 signature of ``manifest.json``'s exact bytes by the center's key.
``SHA256SUMS``
    ``<hex>  <name>`` lines for ``manifest.json`` and every data file, in the format
    ``sha256sum -c SHA256SUMS`` checks after ``unzip``.

Members are written data first, then ``manifest.json``, ``manifest.sig`` and ``SHA256SUMS``
(the manifest's counts and hashes are known only after the data has streamed). No zip64: a
package is at most :data:`MAX_PACKAGE_BYTES` and each file at most :data:`MAX_FILE_BYTES`
uncompressed — ample for a center (100,000 members with their time bank and bookings are
124 MiB of NDJSON).

:func:`open_package` checks, in this order, and raises :class:`PackageRejected` (a Chinese
reason, never a traceback) at the first failure, before the caller touches its database:

1. zip sanity, before inflating anything — the file's structure walked byte by byte (every
   local header where the central directory says, contiguous, equal to its directory entry and
   to what :func:`write_package` writes: no prefix, gap, overlap, comment, extra field or other
   date), names (no path traversal, absolute or duplicate names; only the expected names),
   member count, each file's and the total declared size, and the compression ratio (a zip bomb
   is refused by its headers; reading, done by this module and not by ``zipfile``, stops at
   the declared size, checks CRC-32 and size, and refuses trailing bytes or set padding bits
   at the end of a deflate stream);
2. the manifest parsed and its fields typed, and the package's files exactly those it lists;
   for version 2, the declared ``sizes``: each at most :data:`MAX_FILE_BYTES`, together at most
   :data:`MAX_TOTAL_BYTES`, and none above :data:`MAX_COMPRESSION_RATIO` times its sealed size
   (the zip bomb rule of step 1 for the stream inside the ciphertext, which no zip header shows);
3. the signature, by one of the trusted center keys the caller gives;
4. ``SHA256SUMS`` and the manifest's ``files`` against every file's actual SHA-256;
5. schema compatibility: a known ``format_version`` (1 or 2); a ``schema_revision`` this
   program knows (not newer), the same ``schema_hash`` when the revision is this program's
   head; only known synced tables;
6. decryption with the caller's private key (the first chunk of every data file is opened now;
   the rest while :meth:`OpenedPackage.rows` streams — damage there would already have failed
   step 4, so only a faulty sender can make it fail, and the caller's transaction rolls back).
   A version 2 stream is inflated as it is decrypted, never past its declared size, and refused
   (the same way) when it would inflate further (a zip bomb inside the ciphertext), is damaged
   (zlib's Adler-32), ends early, is followed by anything, or inflates to another size.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Boolean, Date, DateTime, LargeBinary, Table, Time

from dangqun.core.errors import DangqunError
from dangqun.sync import crypto

FORMAT = "dangqun-sync"
FORMAT_VERSION = 2
"""What an encrypted package is written as: its data files deflated before they are sealed."""
PLAIN_FORMAT_VERSION = 1
"""What a package in clear is written as: the same bytes as before version 2 (its data files are
deflated by the zip), so a program that reads only version 1 still reads it."""
READABLE_FORMAT_VERSIONS = (PLAIN_FORMAT_VERSION, FORMAT_VERSION)
COMPRESSION = "zlib"
"""``compression`` of a version 2 manifest: each data file's NDJSON as one zlib stream (RFC 1950:
deflate with an Adler-32 of the NDJSON) before encryption."""
DATA_COMPRESS_LEVEL = 6
"""zlib level of the sealed data files. Measured on a 100,000-member center's full export
(193,000 records, 123.7 MiB of NDJSON; 2 shared cores): version 1 9.2–9.4 s → 123.7 MiB;
level 1 9.9 s → 24.9 MiB, level 3 9.2–9.7 s → 23.1 MiB, level 6 10.5–10.8 s → 20.4 MiB.
Deflating costs about what it saves in encrypting, hashing and writing; level 6 is the
smallest within 1.15× the time."""
PACKAGE_SUFFIX = ".dqpkg"
CENTER_KIND = "center"
DISTRICT_KIND = "district"
"""``kind`` in a district package's manifest (issue 17: packages back to a center, signed by
the district's key; :mod:`dangqun.sync.inbound`). A center's manifest has no ``kind``."""
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHECKSUMS = "SHA256SUMS"
TOMBSTONES_TABLE = "_tombstones"
MAX_PACKAGE_BYTES = 2**31 - 1
MAX_FILE_BYTES = 2**31 - 1
MAX_TOTAL_BYTES = 8 * 2**30
MAX_MANIFEST_BYTES = 4 * 2**20
MAX_CHECKSUMS_BYTES = 2**20
MAX_MEMBERS = 512
MAX_COMPRESSION_RATIO = 200
"""Uncompressed ÷ compressed above which a member is a zip bomb (real NDJSON stays below 30)."""
RATIO_APPLIES_ABOVE = 1 << 16
ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
ZIP_EXTERNAL_ATTR = 0o100644 << 16
ZIP_CREATE_SYSTEM = 3
ZIP_VERSION = 20
COMPRESS_LEVEL = 6
_ROW_BUFFER_BYTES = 1 << 20
_DATA_NAME = re.compile(r"^data/([a-z_][a-z0-9_]{0,63})\.ndjson(\.enc)?$")
_CHECKSUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S+)$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_COLUMN_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,63}$")

Progress = Callable[[int], None]
"""Called with the number of rows (or tombstones) written or read so far in the package."""


class PackageRejected(DangqunError):
    """A package failed a check; ``message`` says which, in Chinese, for the user and the report."""


# --- values ---------------------------------------------------------------------------------


def encode_value(value: Any) -> Any:
    """A column value as the package writes it (module docstring)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode()
    return value


def decode_row(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """A package row back in Python values for ``table``'s columns (foreign keys stay uuids:
    the loader maps them to its own ids). Raises :class:`PackageRejected` on a bad value."""
    decoded: dict[str, Any] = {}
    for name, value in row.items():
        column = table.columns.get(name)
        if column is None or value is None:
            decoded[name] = value
            continue
        column_type = column.type
        try:
            if isinstance(column_type, DateTime) or (
                getattr(column_type, "impl", None) is not None
                and isinstance(column_type.impl, DateTime)  # type: ignore[attr-defined]
            ):
                decoded[name] = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            elif isinstance(column_type, Date):
                decoded[name] = date.fromisoformat(str(value))
            elif isinstance(column_type, Time):
                decoded[name] = time.fromisoformat(str(value))
            elif isinstance(column_type, LargeBinary):
                decoded[name] = base64.b64decode(str(value), validate=True)
            elif isinstance(column_type, Boolean) and not isinstance(value, bool):
                raise ValueError(name)
            else:
                decoded[name] = value
        except (ValueError, binascii.Error) as error:
            raise PackageRejected(
                f"数据表 {table.name} 的字段 {name} 取值无效：{value!r}"
            ) from error
    return decoded


# --- schema description ---------------------------------------------------------------------


def table_columns(table: Table) -> list[str]:
    """The columns a package carries for ``table``: all but the integer primary key ``id``."""
    return [column.name for column in table.columns if column.name != "id"]


def table_references(table: Table) -> dict[str, str]:
    """Foreign key column → referenced table (the package holds the referenced row's uuid)."""
    references: dict[str, str] = {}
    for column in table.columns:
        for foreign_key in column.foreign_keys:
            references[column.name] = foreign_key.column.table.name
    return dict(sorted(references.items()))


def schema_hash(tables: Iterable[Table]) -> str:
    """SHA-256 of the synced tables' sorted ``(table, column, type)`` list, as JSON."""
    entries = sorted(
        (table.name, column.name, str(column.type.compile(dialect=_sqlite_dialect())))
        for table in tables
        for column in table.columns
    )
    return hashlib.sha256(json.dumps(entries, separators=(",", ":")).encode()).hexdigest()


def _sqlite_dialect() -> Any:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()


def synced_schema() -> dict[str, Table]:
    """Every synced table of this program, by name (all features' models imported)."""
    import dangqun.schema  # noqa: F401  (imports every feature's models into the metadata)
    from dangqun.core.model_base import synced_tables

    return {table.name: table for table in synced_tables()}


def package_file_name(division_code: str, center_uuid: str, seq: int) -> str:
    return f"{division_code}-{center_uuid.replace('-', '')[:8]}-{seq:06d}{PACKAGE_SUFFIX}"


# --- writing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableData:
    """One table's rows for :func:`write_package`: ``rows`` yields mappings of Python values
    (foreign keys already as uuids), in the order they go in the file."""

    name: str
    columns: list[str]
    references: dict[str, str]
    rows: Iterable[Mapping[str, Any]]


@dataclass(frozen=True)
class PackageHeader:
    """The manifest fields the caller decides (the rest the writer computes)."""

    center_uuid: str
    center_name: str
    division_code: str
    database_id: str
    seq: int
    previous_sha256: str | None
    counter_from: int
    counter_to: int
    full: bool
    schema_revision: str
    schema_hash: str
    app_version: str
    created_at: datetime
    kind: str = CENTER_KIND


@dataclass(frozen=True)
class WrittenPackage:
    path: Path
    sha256: str
    size: int
    manifest: dict[str, Any]
    rows: int
    tombstones: int


def member_method(name: str) -> int:
    """Deflate only the clear NDJSON; store the rest (module docstring: stored bytes cannot be
    altered without changing what they mean, while deflate ignores some bits)."""
    return zipfile.ZIP_DEFLATED if name.endswith(".ndjson") else zipfile.ZIP_STORED


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
    info.compress_type = member_method(name)
    info.create_system = ZIP_CREATE_SYSTEM
    info.external_attr = ZIP_EXTERNAL_ATTR
    return info


class _MemberWriter:
    """Streams one member: NDJSON lines buffered, sealed when encrypting, hashed as stored."""

    def __init__(
        self, archive: zipfile.ZipFile, name: str, sealer: crypto.ChunkSealer | None
    ) -> None:
        self.name = name
        self._handle = archive.open(_zip_info(name), "w")
        self._sealer = sealer
        self._compressor = None if sealer is None else zlib.compressobj(DATA_COMPRESS_LEVEL)
        self._digest = hashlib.sha256()
        self._buffer = io.BytesIO()
        self.stored_bytes = 0
        self.plain_bytes = 0
        """The NDJSON's size (a version 2 manifest's ``sizes``)."""

    def _too_big(self) -> PackageRejected:
        return PackageRejected(f"数据文件“{self.name}”超过 2 GB，无法写入一个数据包。")

    def _emit(self, data: bytes) -> None:
        self._digest.update(data)
        self.stored_bytes += len(data)
        if self.stored_bytes > MAX_FILE_BYTES:
            raise self._too_big()
        self._handle.write(data)

    def _seal(self, data: bytes) -> None:
        assert self._sealer is not None
        for sealed in self._sealer.feed(data):
            self._emit(sealed)

    def _flush(self) -> None:
        data = self._buffer.getvalue()
        self._buffer = io.BytesIO()
        self.plain_bytes += len(data)
        if self.plain_bytes > MAX_FILE_BYTES:
            raise self._too_big()
        if self._compressor is None:
            self._emit(data)
        else:
            self._seal(self._compressor.compress(data))

    def write_line(self, document: Mapping[str, Any]) -> None:
        self._buffer.write(
            json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        )
        if self._buffer.tell() >= _ROW_BUFFER_BYTES:
            self._flush()

    def close(self) -> str:
        self._flush()
        if self._sealer is not None and self._compressor is not None:
            self._seal(self._compressor.flush())
            self._emit(self._sealer.finish())
        self._handle.close()
        return self._digest.hexdigest()


def write_package(
    directory: Path,
    header: PackageHeader,
    tables: Iterable[TableData],
    tombstones: Iterable[Mapping[str, Any]],
    signing_key: Ed25519PrivateKey,
    recipient_public_key: bytes | None,
    progress: Progress | None = None,
) -> WrittenPackage:
    """Write the package into ``directory`` (see the module docstring) and return what it is.

    Streams: each table's rows go through a 1 MiB buffer into the zip (sealed chunk by chunk
    when ``recipient_public_key`` is given), so memory stays flat whatever the row count. The
    file is written as ``.<name>.partial`` and renamed when complete: an interrupted export
    never leaves a file that looks like a package. Raises ``OSError`` for a full or read-only
    disk (the caller words it).
    """
    name = package_file_name(header.division_code, header.center_uuid, header.seq)
    target = directory / name
    partial = directory / f".{name}.partial"
    encryptor = (
        None if recipient_public_key is None else crypto.PackageEncryptor(recipient_public_key)
    )
    suffix = "" if encryptor is None else ".enc"
    files: dict[str, str] = {}
    sizes: dict[str, int] = {}
    table_entries: dict[str, Any] = {}
    written_rows = 0
    tombstone_count = 0
    try:
        with zipfile.ZipFile(
            partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL
        ) as archive:
            for table in tables:
                member: _MemberWriter | None = None
                count = 0
                file_name = f"data/{table.name}.ndjson{suffix}"
                for row in table.rows:
                    if member is None:
                        member = _MemberWriter(
                            archive,
                            file_name,
                            None if encryptor is None else encryptor.file_sealer(file_name),
                        )
                    member.write_line({key: encode_value(value) for key, value in row.items()})
                    count += 1
                    written_rows += 1
                    if progress is not None and written_rows % 1000 == 0:
                        progress(written_rows + tombstone_count)
                if member is None:
                    continue
                files[file_name] = member.close()
                sizes[file_name] = member.plain_bytes
                table_entries[table.name] = {
                    "rows": count,
                    "file": file_name,
                    "columns": list(table.columns),
                    "references": dict(table.references),
                }
            tombstone_file = f"data/{TOMBSTONES_TABLE}.ndjson{suffix}"
            member = _MemberWriter(
                archive,
                tombstone_file,
                None if encryptor is None else encryptor.file_sealer(tombstone_file),
            )
            for tombstone in tombstones:
                member.write_line({key: encode_value(value) for key, value in tombstone.items()})
                tombstone_count += 1
            files[tombstone_file] = member.close()
            sizes[tombstone_file] = member.plain_bytes
            if progress is not None:
                progress(written_rows + tombstone_count)
            manifest = {
                "format": FORMAT,
                "format_version": PLAIN_FORMAT_VERSION if encryptor is None else FORMAT_VERSION,
                "schema_revision": header.schema_revision,
                "schema_hash": header.schema_hash,
                "center": {
                    "uuid": header.center_uuid,
                    "name": header.center_name,
                    "division_code": header.division_code,
                },
                "database_id": header.database_id,
                "seq": header.seq,
                "previous_sha256": header.previous_sha256,
                "counter_from": header.counter_from,
                "counter_to": header.counter_to,
                "full": header.full,
                "tables": table_entries,
                "tombstones": tombstone_count,
                "files": files,
                "created_at": encode_value(header.created_at),
                "app_version": header.app_version,
                "encryption": None if encryptor is None else encryptor.header.to_json(),
                "signing_key_fingerprint": crypto.fingerprint(signing_key.public_key()),
            }
            if header.kind != CENTER_KIND:
                manifest["kind"] = header.kind
            if encryptor is not None:
                manifest["compression"] = COMPRESSION
                manifest["sizes"] = sizes
            manifest_bytes = manifest_to_bytes(manifest)
            archive.writestr(_zip_info(MANIFEST), manifest_bytes)
            archive.writestr(_zip_info(SIGNATURE), crypto.sign(signing_key, manifest_bytes))
            checksums = {MANIFEST: hashlib.sha256(manifest_bytes).hexdigest(), **files}
            archive.writestr(_zip_info(CHECKSUMS), checksums_to_bytes(checksums))
        size = partial.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise PackageRejected("数据包超过 2 GB，请改用增量导出。")
        sha256 = crypto.sha256_file(partial)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return WrittenPackage(target, sha256, size, manifest, written_rows, tombstone_count)


def manifest_to_bytes(manifest: Mapping[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def checksums_to_bytes(checksums: Mapping[str, str]) -> bytes:
    return "".join(f"{digest}  {name}\n" for name, digest in checksums.items()).encode()


# --- opening: step 1, zip sanity ------------------------------------------------------------

_EOCD = struct.Struct("<4s4H2LH")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_LOCAL = struct.Struct("<4s5H3L2H")
_DOS_DATE = (ZIP_DATE_TIME[0] - 1980) << 9 | ZIP_DATE_TIME[1] << 5 | ZIP_DATE_TIME[2]


@dataclass(frozen=True)
class _Member:
    name: str
    offset: int
    crc: int
    compressed: int
    size: int
    method: int
    version: int
    flags: int

    @property
    def data_offset(self) -> int:
        return self.offset + _LOCAL.size + len(self.name)


def _refuse(reason: str) -> PackageRejected:
    return PackageRejected(reason)


def _walk_structure(handle: IO[bytes], total: int) -> list[_Member]:
    """The members, if the file is laid out exactly as :func:`write_package` lays it out."""
    broken = "数据包不是有效的 zip 文件（损坏、被截断或被改动）"
    if total < _EOCD.size:
        raise _refuse(broken)
    handle.seek(total - _EOCD.size)
    signature, disk, cd_disk, entries_here, entries, cd_size, cd_offset, comment = _EOCD.unpack(
        handle.read(_EOCD.size)
    )
    if signature != b"PK\x05\x06" or disk or cd_disk or comment or entries_here != entries:
        raise _refuse(broken)
    if entries > MAX_MEMBERS:
        raise _refuse(f"数据包中的文件过多（{entries} 个）")
    if cd_offset + cd_size != total - _EOCD.size:
        raise _refuse(broken)
    handle.seek(cd_offset)
    directory = handle.read(cd_size)
    members: list[_Member] = []
    position = 0
    for _ in range(entries):
        if position + _CENTRAL.size > len(directory):
            raise _refuse(broken)
        fields = _CENTRAL.unpack_from(directory, position)
        (sig, made_by, needed, flags, method, mtime, mdate, crc, compressed, size) = fields[:10]
        name_length, extra_length, comment_length, disk_start, internal, external, offset = fields[
            10:
        ]
        if (
            sig != b"PK\x01\x02"
            or made_by != (ZIP_CREATE_SYSTEM << 8 | ZIP_VERSION)
            or needed != ZIP_VERSION
            or flags != 0
            or method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
            or mtime != 0
            or mdate != _DOS_DATE
            or extra_length
            or comment_length
            or disk_start
            or internal
            or external != ZIP_EXTERNAL_ATTR
        ):
            raise _refuse(broken)
        start = position + _CENTRAL.size
        raw_name = directory[start : start + name_length]
        position = start + name_length
        try:
            name = raw_name.decode("ascii")
        except UnicodeDecodeError as error:
            raise _refuse(f"数据包中有不允许的文件名：{raw_name!r}") from error
        if method == zipfile.ZIP_STORED and compressed != size:
            raise _refuse(broken)
        members.append(_Member(name, offset, crc, compressed, size, method, needed, flags))
    if position != len(directory):
        raise _refuse(broken)
    expected = 0
    for member in members:
        if member.offset != expected:
            raise _refuse(broken)
        handle.seek(member.offset)
        local = handle.read(_LOCAL.size)
        if len(local) != _LOCAL.size:
            raise _refuse(broken)
        sig, needed, flags, method, mtime, mdate, crc, compressed, size, n_len, e_len = (
            _LOCAL.unpack(local)
        )
        if (
            sig != b"PK\x03\x04"
            or (needed, flags, method, mtime, mdate)
            != (ZIP_VERSION, 0, member.method, 0, _DOS_DATE)
            or (crc, compressed, size) != (member.crc, member.compressed, member.size)
            or e_len
            or handle.read(n_len) != member.name.encode("ascii")
        ):
            raise _refuse(broken)
        expected = member.offset + _LOCAL.size + n_len + member.compressed
    if expected != cd_offset:
        raise _refuse(broken)
    return members


def _check_names_and_sizes(members: list[_Member]) -> None:
    seen: set[str] = set()
    total = 0
    for member in members:
        name = member.name
        if name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/") or ":" in name:
            raise _refuse(f"数据包中有不安全的文件名“{name}”（路径穿越或绝对路径）")
        if name in seen:
            raise _refuse(f"数据包中的文件“{name}”出现了两次")
        seen.add(name)
        if name not in (MANIFEST, SIGNATURE, CHECKSUMS) and not _DATA_NAME.match(name):
            raise _refuse(f"数据包中有不应有的文件“{name}”")
        if member.method != member_method(name):
            raise _refuse("数据包不是有效的 zip 文件（损坏、被截断或被改动）")
        limit = {
            MANIFEST: MAX_MANIFEST_BYTES,
            SIGNATURE: crypto.SIGNATURE_BYTES,
            CHECKSUMS: MAX_CHECKSUMS_BYTES,
        }.get(name, MAX_FILE_BYTES)
        if member.size > limit:
            raise _refuse(f"数据包中的文件“{name}”过大（{member.size} 字节）")
        if member.size > RATIO_APPLIES_ABOVE and (
            member.size > MAX_COMPRESSION_RATIO * max(member.compressed, 1)
        ):
            raise _refuse(f"数据包中的文件“{name}”压缩比异常（疑似 zip 炸弹），拒绝解压")
        total += member.size
    if total > MAX_TOTAL_BYTES:
        raise _refuse("数据包解压后过大，拒绝解压")
    for required, label in ((MANIFEST, "清单"), (SIGNATURE, "签名"), (CHECKSUMS, "校验")):
        if required not in seen:
            raise _refuse(f"数据包缺少{label}文件 {required}")


_READ_BLOCK = 1 << 20


def _member_chunks(handle: IO[bytes], member: _Member) -> Iterator[bytes]:
    """A member's bytes, read straight from the file (no zipfile): never more than its declared
    size (a zip bomb stops here), its CRC-32 and size checked at the end, and for a deflated
    member the end of the stream exact — no trailing bytes, and the padding bits of the last
    byte zero as zlib writes them, so no bit of the file can change without a rejection."""
    damaged = f"数据包中的文件“{member.name}”已损坏"
    position = member.data_offset
    left = member.compressed
    produced = 0
    crc = 0
    inflater = zlib.decompressobj(-15) if member.method == zipfile.ZIP_DEFLATED else None
    while left:
        handle.seek(position)  # readers of two members may take turns
        block = handle.read(min(_READ_BLOCK, left))
        if not block:
            raise _refuse(damaged)
        left -= len(block)
        position += len(block)
        if inflater is None:
            pieces = [block]
        elif left:
            pieces = _inflate(inflater, block, member.size - produced, member.name)
        else:
            pieces = _inflate(inflater, block[:-1], member.size - produced, member.name)
            room = member.size - produced - sum(len(piece) for piece in pieces)
            if room >= 0 and not inflater.unconsumed_tail:
                _check_final_byte(inflater, block[-1], member)
                pieces += _inflate(inflater, block[-1:], room, member.name)
        for piece in pieces:
            produced += len(piece)
            if produced > member.size:
                raise _refuse(f"数据包中的文件“{member.name}”比声明的大，拒绝解压")
            crc = zlib.crc32(piece, crc)
            yield piece
    if inflater is not None and (
        not inflater.eof or inflater.unused_data or inflater.unconsumed_tail
    ):
        raise _refuse(damaged)
    if produced != member.size or crc != member.crc:
        raise _refuse(damaged)


def _inflate(inflater: Any, data: bytes, room: int, name: str) -> list[bytes]:
    """Inflate ``data`` yielding at most ``room + 1`` bytes in all (enough to see an excess)."""
    pieces: list[bytes] = []
    pending = data
    try:
        while pending or inflater.unconsumed_tail:
            piece = inflater.decompress(pending or inflater.unconsumed_tail, max(room, 0) + 1)
            pending = b""
            pieces.append(piece)
            room -= len(piece)
            if room < 0 or inflater.eof or not piece:
                break
    except zlib.error as error:
        raise _refuse(f"数据包中的文件“{name}”已损坏") from error
    return pieces


def _check_final_byte(inflater: Any, last: int, member: _Member) -> None:
    """Refuse a set padding bit in the stream's last byte: inflate ignores those bits, so a
    flipped one would otherwise go unnoticed (zlib always writes them as zero)."""
    reference = inflater.copy()
    try:
        expected = reference.decompress(bytes([last]), 1 << 16)
    except zlib.error:
        return
    if not reference.eof:
        return
    for bit in range(8):
        if not last >> bit & 1:
            continue
        variant = inflater.copy()
        try:
            same = variant.decompress(bytes([last ^ 1 << bit]), 1 << 16) == expected
        except zlib.error:
            continue
        if same and variant.eof:
            raise _refuse(f"数据包中的文件“{member.name}”已损坏（压缩流被改动）")


def _read_member(handle: IO[bytes], member: _Member) -> bytes:
    return b"".join(_member_chunks(handle, member))


def _hash_member(handle: IO[bytes], member: _Member) -> str:
    digest = hashlib.sha256()
    for piece in _member_chunks(handle, member):
        digest.update(piece)
    return digest.hexdigest()


# --- opening: the rest ----------------------------------------------------------------------


@dataclass
class OpenedPackage:
    """A package that passed every check of :func:`open_package`; read rows with :meth:`rows`.

    Keep it open only while loading (it holds the zip file open); use it as a context manager.
    """

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes
    sha256: str
    """SHA-256 of the whole package file (what the receipt and the next package name)."""
    signer_fingerprint: str
    _handle: IO[bytes]
    _members: dict[str, _Member]
    _decryptor: crypto.PackageDecryptor | None = field(default=None)

    def __enter__(self) -> OpenedPackage:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._handle.close()

    @property
    def tables(self) -> dict[str, dict[str, Any]]:
        return dict(self.manifest["tables"])

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """The table's rows as JSON objects (decode them with :func:`decode_row`)."""
        entry = self.manifest["tables"].get(table)
        if entry is None:
            return iter(())
        return self._lines(entry["file"], entry["rows"])

    def tombstones(self) -> Iterator[dict[str, Any]]:
        return self._lines(self._tombstone_file(), self.manifest["tombstones"])

    def _tombstone_file(self) -> str:
        suffix = "" if self.manifest["encryption"] is None else ".enc"
        return f"data/{TOMBSTONES_TABLE}.ndjson{suffix}"

    def _plain_chunks(self, name: str) -> Iterator[bytes]:
        chunks = _member_chunks(self._handle, self._members[name])
        if self._decryptor is None:
            yield from chunks
            return
        try:
            opened = self._decryptor.open_file(name, _ChunkReader(chunks))
            if self.manifest.get("compression") == COMPRESSION:
                yield from _inflated(opened, name, self.manifest["sizes"][name])
            else:
                yield from opened
        except crypto.DecryptionFailed as error:
            raise PackageRejected(error.message) from error

    def _lines(self, name: str, expected: int) -> Iterator[dict[str, Any]]:
        count = 0
        pending = b""
        for block in self._plain_chunks(name):
            pending += block
            *lines, pending = pending.split(b"\n")
            for line in lines:
                count += 1
                yield _parse_line(line, name, count)
        if pending:
            count += 1
            yield _parse_line(pending, name, count)
        if count != expected:
            raise PackageRejected(f"数据文件“{name}”有 {count} 行，清单写的是 {expected} 行")


def _inflated(chunks: Iterator[bytes], name: str, declared: int) -> Iterator[bytes]:
    """The NDJSON of a version 2 data file from its decrypted zlib stream, never more than
    ``declared`` bytes (the manifest's ``sizes``; a bomb inside the ciphertext stops there)
    and exactly that many, the stream complete (Adler-32 checked by zlib) with nothing after
    it. The sender signed all of it, so only a faulty or malicious sender fails here, while
    rows are read: the caller's transaction rolls back."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS)
    produced = 0
    for chunk in chunks:
        if inflater.eof:
            if chunk:
                raise _refuse(f"数据文件“{name}”的压缩数据后面还有多余的内容")
            continue
        pending = chunk
        while True:
            try:
                piece = inflater.decompress(pending, min(_READ_BLOCK, declared - produced + 1))
            except zlib.error as error:
                raise _refuse(f"数据文件“{name}”的压缩数据已损坏") from error
            pending = inflater.unconsumed_tail
            produced += len(piece)
            if produced > declared:
                raise _refuse(f"数据文件“{name}”解压后比清单声明的大（疑似压缩炸弹），拒绝解压")
            if piece:
                yield piece
            if inflater.eof or not (piece or pending):
                break
        if inflater.unused_data:
            raise _refuse(f"数据文件“{name}”的压缩数据后面还有多余的内容")
    if not inflater.eof:
        raise _refuse(f"数据文件“{name}”的压缩数据不完整（被截断）")
    if produced != declared:
        raise _refuse(f"数据文件“{name}”解压后有 {produced} 字节，清单写的是 {declared} 字节")


class _ChunkReader:
    """``read(n)`` over an iterator of byte chunks (what the decryptor reads from)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = bytearray()

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data


def _parse_line(line: bytes, name: str, number: int) -> dict[str, Any]:
    try:
        document = json.loads(line)
    except (UnicodeDecodeError, ValueError) as error:
        raise PackageRejected(f"数据文件“{name}”第 {number} 行不是有效的 JSON") from error
    if not isinstance(document, dict):
        raise PackageRejected(f"数据文件“{name}”第 {number} 行不是 JSON 对象")
    return document


def _require(condition: object, what: str) -> None:
    if not condition:
        raise _refuse(f"数据包清单无效：{what}")


def _is_int(value: Any, minimum: int = 0) -> bool:
    return type(value) is int and value >= minimum


def _check_manifest_fields(manifest: Any) -> None:
    """Step 2: every field present and of its type (values are judged in later steps)."""
    _require(isinstance(manifest, dict), "不是 JSON 对象")
    _require(manifest.get("format") == FORMAT, "不是党群服务中心的上报数据包")
    _require(manifest.get("kind", CENTER_KIND) in (CENTER_KIND, DISTRICT_KIND), "kind")
    _require(_is_int(manifest.get("format_version"), 1), "缺少格式版本")
    for key in ("schema_revision", "created_at", "app_version", "database_id"):
        _require(isinstance(manifest.get(key), str) and manifest[key] != "", f"缺少 {key}")
    for key in ("schema_hash", "signing_key_fingerprint"):
        _require(isinstance(manifest.get(key), str) and _HEX64.match(manifest[key]), key)
    center = manifest.get("center")
    _require(isinstance(center, dict), "缺少服务中心信息")
    for key in ("uuid", "name", "division_code"):
        _require(isinstance(center.get(key), str) and center[key] != "", f"center.{key}")
    _require(_is_int(manifest.get("seq"), 1), "序号无效")
    previous = manifest.get("previous_sha256")
    _require(previous is None or (isinstance(previous, str) and _HEX64.match(previous)), "上一包")
    counter_from, counter_to = manifest.get("counter_from"), manifest.get("counter_to")
    _require(_is_int(counter_from) and _is_int(counter_to), "变更计数范围无效")
    _require(counter_from <= counter_to, "变更计数范围颠倒")
    _require(type(manifest.get("full")) is bool, "full")
    _require(not manifest["full"] or counter_from == 0, "全量包的起始计数必须为 0")
    _require(_is_int(manifest.get("tombstones")), "删除记录数")
    tables = manifest.get("tables")
    _require(isinstance(tables, dict), "tables")
    suffix = "" if manifest.get("encryption") is None else ".enc"
    for name, entry in tables.items():
        _require(isinstance(entry, dict) and _COLUMN_NAME.match(name) is not None, name)
        _require(not name.startswith("_"), name)
        _require(entry.get("file") == f"data/{name}.ndjson{suffix}", f"{name} 的文件名")
        _require(_is_int(entry.get("rows"), 1), f"{name} 的行数")
        columns = entry.get("columns")
        _require(
            isinstance(columns, list)
            and all(isinstance(c, str) and _COLUMN_NAME.match(c) for c in columns),
            f"{name} 的字段",
        )
        references = entry.get("references")
        _require(
            isinstance(references, dict)
            and all(isinstance(v, str) and k in columns for k, v in references.items()),
            f"{name} 的外键",
        )
    files = manifest.get("files")
    _require(
        isinstance(files, dict)
        and all(isinstance(v, str) and _HEX64.match(v) for v in files.values()),
        "files",
    )
    expected_files = {entry["file"] for entry in tables.values()}
    expected_files.add(f"data/{TOMBSTONES_TABLE}.ndjson{suffix}")
    _require(set(files) == expected_files, "文件清单与数据表不符")
    encryption = manifest.get("encryption")
    if encryption is not None:
        try:
            crypto.encryption_header_from_json(encryption)
        except ValueError as error:
            raise _refuse(f"数据包清单无效：{error}") from error
    if manifest["format_version"] == PLAIN_FORMAT_VERSION:
        _require("compression" not in manifest and "sizes" not in manifest, "版本 1 没有压缩")
    elif manifest["format_version"] == FORMAT_VERSION:
        _require(encryption is not None, "版本 2 的数据包必须加密")
        _require(manifest.get("compression") == COMPRESSION, "压缩方式本程序不认识")
        sizes = manifest.get("sizes")
        _require(
            isinstance(sizes, dict)
            and set(sizes) == expected_files
            and all(_is_int(size) and size <= MAX_FILE_BYTES for size in sizes.values()),
            "sizes（各数据文件解压后的大小）",
        )
        _require(sum(sizes.values()) <= MAX_TOTAL_BYTES, "数据解压后过大")


def open_package(
    path: Path,
    trusted_keys: Iterable[bytes],
    decryption_key: X25519PrivateKey | None = None,
    *,
    known_revisions: Collection[str] | None = None,
    schema: Mapping[str, Table] | None = None,
    kind: str = CENTER_KIND,
) -> OpenedPackage:
    """Check ``path`` in the order of the module docstring and return it opened.

    ``trusted_keys``: raw Ed25519 public keys of the centers the caller trusts (the district's
    registered centers; a center checking its own package passes its own). ``decryption_key``:
    the district's X25519 private key, needed when the package is encrypted.
    ``known_revisions`` and ``schema`` default to this program's (tests may narrow them).
    ``kind``: the package kind the caller expects (a district package at the district, or a
    center's package at a center, is refused in step 2 by its manifest's ``kind``).
    """
    try:
        total = path.stat().st_size
        handle = path.open("rb")
    except FileNotFoundError as error:
        raise _refuse(f"找不到数据包“{path}”") from error
    except IsADirectoryError as error:
        raise _refuse(f"“{path}”是文件夹，不是数据包") from error
    except OSError as error:
        raise _refuse(f"无法读取数据包“{path}”（{error.strerror or error}）") from error
    if total > MAX_PACKAGE_BYTES:
        handle.close()
        raise _refuse("数据包超过 2 GB，不是本程序写的数据包")
    try:
        return _open(
            path, handle, total, trusted_keys, decryption_key, known_revisions, schema, kind
        )
    except BaseException:
        handle.close()
        raise


def _open(
    path: Path,
    handle: IO[bytes],
    total: int,
    trusted_keys: Iterable[bytes],
    decryption_key: X25519PrivateKey | None,
    known_revisions: Collection[str] | None,
    schema: Mapping[str, Table] | None,
    kind: str,
) -> OpenedPackage:
    # 1. zip sanity
    members = _walk_structure(handle, total)
    _check_names_and_sizes(members)
    by_name = {member.name: member for member in members}
    # 2. manifest
    manifest_bytes = _read_member(handle, by_name[MANIFEST])
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _refuse("数据包清单 manifest.json 不是有效的 JSON") from error
    _check_manifest_fields(manifest)
    if manifest.get("kind", CENTER_KIND) != kind:
        raise _refuse(
            "这是区级下发给服务中心的数据包，请在服务中心用“dangqun sync import”导入"
            if kind == CENTER_KIND
            else "这是服务中心的上报数据包，不是区级下发的数据包"
        )
    expected_names = {MANIFEST, SIGNATURE, CHECKSUMS, *manifest["files"]}
    missing = sorted(expected_names - by_name.keys())
    if missing:
        raise _refuse(f"数据包缺少文件“{missing[0]}”")
    extra = sorted(by_name.keys() - expected_names)
    if extra:
        raise _refuse(f"数据包中有清单未列出的文件“{extra[0]}”")
    _check_declared_sizes(manifest, by_name)
    # 3. signature
    signer = manifest["signing_key_fingerprint"]
    keys = {crypto.fingerprint(key): key for key in trusted_keys}
    if signer not in keys:
        raise _refuse("数据包不是由已登记的服务中心密钥签名的（密钥指纹不符）")
    signature = _read_member(handle, by_name[SIGNATURE])
    if not crypto.verify_signature(keys[signer], signature, manifest_bytes):
        raise _refuse("数据包签名无效：清单被改动，或签名不是该服务中心的")
    # 4. checksums
    checksums = _parse_checksums(_read_member(handle, by_name[CHECKSUMS]))
    wanted = {MANIFEST: hashlib.sha256(manifest_bytes).hexdigest(), **manifest["files"]}
    if checksums != wanted:
        raise _refuse("校验文件 SHA256SUMS 与签名的清单不符")
    for name, digest in manifest["files"].items():
        if _hash_member(handle, by_name[name]) != digest:
            raise _refuse(f"数据文件“{name}”的 SHA-256 校验不符，文件已被改动或损坏")
    # 5. schema compatibility
    _check_schema(manifest, known_revisions, schema)
    # 6. decryption
    decryptor = None
    if manifest["encryption"] is not None:
        if decryption_key is None:
            raise _refuse("数据包已加密，需要区级加密私钥才能打开")
        header = crypto.encryption_header_from_json(manifest["encryption"])
        try:
            decryptor = crypto.PackageDecryptor(header, decryption_key)
        except crypto.DecryptionFailed as error:
            raise _refuse(error.message) from error
    opened = OpenedPackage(
        path,
        manifest,
        manifest_bytes,
        crypto.sha256_file(path),
        signer,
        handle,
        by_name,
        decryptor,
    )
    if decryptor is not None:
        for name in manifest["files"]:
            next(opened._plain_chunks(name), b"")
    return opened


def _check_declared_sizes(manifest: dict[str, Any], members: Mapping[str, _Member]) -> None:
    """Before anything is inflated: a version 2 data file may not declare more NDJSON than
    :data:`MAX_COMPRESSION_RATIO` times its sealed size (the zip bomb rule of step 1, for the
    zlib stream inside the ciphertext, which the zip's headers cannot show)."""
    if manifest["format_version"] != FORMAT_VERSION:
        return
    for name, size in manifest["sizes"].items():
        if size > RATIO_APPLIES_ABOVE and size > MAX_COMPRESSION_RATIO * members[name].size:
            raise _refuse(
                f"数据文件“{name}”声明的解压大小与其大小之比异常（疑似压缩炸弹），拒绝解压"
            )


def _parse_checksums(data: bytes) -> dict[str, str]:
    checksums: dict[str, str] = {}
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError as error:
        raise _refuse("校验文件 SHA256SUMS 格式无效") from error
    for line in text.splitlines():
        match = _CHECKSUM_LINE.match(line)
        if match is None or match.group(2) in checksums:
            raise _refuse("校验文件 SHA256SUMS 格式无效")
        checksums[match.group(2)] = match.group(1)
    return checksums


def _check_schema(
    manifest: dict[str, Any],
    known_revisions: Collection[str] | None,
    schema: Mapping[str, Table] | None,
) -> None:
    if manifest["format_version"] not in READABLE_FORMAT_VERSIONS:
        raise _refuse(
            f"数据包格式版本 {manifest['format_version']} 本程序不认识，请升级本程序后再导入"
        )
    if known_revisions is None:
        from dangqun.migrations import known_revisions as program_revisions

        known_revisions = program_revisions()
    revision = manifest["schema_revision"]
    if revision not in known_revisions:
        raise _refuse(f"数据包来自更新版本的程序（数据库版本 {revision}），请先升级本程序")
    tables = synced_schema() if schema is None else schema
    if revision == max(known_revisions) and manifest["schema_hash"] != schema_hash(tables.values()):
        raise _refuse("数据包的数据结构与本程序不一致（数据库版本相同而结构指纹不同）")
    for name, entry in manifest["tables"].items():
        table = tables.get(name)
        if table is None:
            raise _refuse(f"数据包含有本程序不认识的数据表“{name}”")
        unknown = sorted(set(entry["columns"]) - set(table.columns.keys()))
        if unknown:
            raise _refuse(f"数据表“{name}”含有本程序不认识的字段“{unknown[0]}”")
