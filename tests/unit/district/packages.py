"""Real signed (and encrypted) packages made with the sync library's writer, for district tests.

Rows go in the ``center`` table (a synced table every build has), so these tests need no demo
data; the CLI round trip (tests/integration/test_sync_round_trip.py) covers every table.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dangqun import __version__
from dangqun.migrations import head_revision
from dangqun.sync import crypto
from dangqun.sync.package import PackageHeader, TableData, schema_hash, synced_schema, write_package

TABLE = "center"
COLUMNS = ["uuid", "created_at", "updated_at", "change_seq", "name", "division_code"]


def center_row(record_uuid: str, change_seq: int, name: str) -> dict[str, Any]:
    instant = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    return {
        "uuid": record_uuid,
        "created_at": instant,
        "updated_at": instant,
        "change_seq": change_seq,
        "name": name,
        "division_code": "530102001001",
    }


@dataclass
class FakeCenter:
    """A center as far as packages go: its key, identity and the chain of packages it made."""

    name: str
    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
    database_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    division_code: str = "530102001001"
    last_sha256: str | None = None
    seq: int = 0

    def public_key_file(self, folder: Path) -> Path:
        path = folder / f"{self.uuid[:8]}-center.dqkey"
        crypto.write_public_key_file(
            path, crypto.center_public_key_file(self.key, self.name, self.uuid, self.division_code)
        )
        return path

    def package(
        self,
        folder: Path,
        rows: list[dict[str, Any]],
        tombstones: list[dict[str, Any]] | None = None,
        *,
        district_key_file: Path | None = None,
        counter_from: int = 0,
        seq: int | None = None,
    ) -> Path:
        """The next package of the chain (or ``seq`` again, for a replay)."""
        if seq is None:
            self.seq += 1
            seq = self.seq
        counter_to = max(
            [
                counter_from,
                *(row["change_seq"] for row in rows),
                *(t["change_seq"] for t in tombstones or []),
            ]
        )
        recipient = None
        if district_key_file is not None:
            recipient = crypto.read_public_key_file(
                district_key_file, "district"
            ).encryption_public_key
        folder.mkdir(parents=True, exist_ok=True)
        written = write_package(
            folder,
            PackageHeader(
                center_uuid=self.uuid,
                center_name=self.name,
                division_code=self.division_code,
                database_id=self.database_id,
                seq=seq,
                previous_sha256=self.last_sha256,
                counter_from=counter_from,
                counter_to=counter_to,
                full=counter_from == 0,
                schema_revision=head_revision(),
                schema_hash=schema_hash(synced_schema().values()),
                app_version=__version__,
                created_at=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
            ),
            [TableData(TABLE, COLUMNS, {}, rows)] if rows else [],
            tombstones or [],
            self.key,
            recipient,
        )
        self.last_sha256 = written.sha256
        return written.path
