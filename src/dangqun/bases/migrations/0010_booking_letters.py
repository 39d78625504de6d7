"""介绍信 scans kept inside the database (issue 14, "a 介绍信 scan may be attached").

Revision ID: 0010
Revises: 0009
Create Date: 2027-01-12 09:00:00.000000

Until now a booking's scan was copied to ``<data dir>/letters/<booking number>.<ext>`` and
``bases_bookings.letter_path`` held that relative path. A backup is a copy of the SQLite file
only, so a restored or moved center lost every scan (or kept scans that no longer matched).
This revision creates ``bases_booking_letters`` and reads every file named by a booking into
it; ``letter_path`` becomes the derived flag ``sha256:<hex>`` (see the model for why the column
is kept). The data directory is the folder of the database file, asked of SQLite itself
(``PRAGMA database_list``), so the same code serves the live file and a restore's prepared copy.

* A file that is missing, unreadable or outside the data directory: the booking loses its
  ``letter_path`` and the log names the booking — the upgrade never fails for it.
* Each changed booking gets a new change number, so the district's copy of the flag follows.
* The files are left where they are: the upgrade's transaction may still roll back after they
  are read, and the pre-migration backup (:func:`dangqun.bootstrap.migrate_to_head`) still names
  them — restoring it upgrades again and reads them from here. Nothing reads or writes
  ``letters/`` any more; the README tells the administrator it may be deleted.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_log = logging.getLogger("dangqun.bases.migrations")

_SUFFIX_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
_TYPE_SUFFIXES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
_MIGRATED_BY = "升级时迁入"
"""``attached_by`` of a letter read from the old folder: who attached it was never stored."""

_bookings = sa.table(
    "bases_bookings",
    sa.column("id", sa.Integer()),
    sa.column("number", sa.String()),
    sa.column("letter_path", sa.String()),
    sa.column("updated_at", sa.DateTime()),
    sa.column("change_seq", sa.Integer()),
)
_letters = sa.table(
    "bases_booking_letters",
    sa.column("booking_id", sa.Integer()),
    sa.column("file_name", sa.String()),
    sa.column("media_type", sa.String()),
    sa.column("size", sa.Integer()),
    sa.column("sha256", sa.String()),
    sa.column("attached_at", sa.DateTime()),
    sa.column("attached_by", sa.String()),
    sa.column("content", sa.LargeBinary()),
)


def upgrade() -> None:
    op.create_table(
        "bases_booking_letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("booking_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=32), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.Column("attached_by", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bases_bookings.id"],
            name=op.f("fk_bases_booking_letters_booking_id_bases_bookings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bases_booking_letters")),
        sa.UniqueConstraint("booking_id", name=op.f("uq_bases_booking_letters_booking_id")),
    )
    connection = op.get_bind()
    data_dir = _data_directory(connection)
    rows = connection.execute(
        sa.select(_bookings.c.id, _bookings.c.number, _bookings.c.letter_path)
        .where(_bookings.c.letter_path.is_not(None))
        .order_by(_bookings.c.id)
    ).all()
    if not rows:
        return
    now = datetime.now(UTC).replace(tzinfo=None)
    connection.execute(
        sa.text("UPDATE change_counter SET value = value + :n WHERE id = 1"), {"n": len(rows)}
    )
    last = connection.execute(sa.text("SELECT value FROM change_counter WHERE id = 1")).scalar_one()
    for change_seq, (booking_id, number, stored) in enumerate(rows, start=last - len(rows) + 1):
        source = _letter_file(data_dir, stored)
        content = _read(source) if source is not None else None
        flag = None
        if content is None:
            _log.warning(
                "预约 %s 的介绍信文件“%s”找不到或无法读取，升级后该预约不再有介绍信", number, stored
            )
        else:
            assert source is not None
            digest = hashlib.sha256(content).hexdigest()
            connection.execute(
                _letters.insert().values(
                    booking_id=booking_id,
                    file_name=source.name[:200],
                    media_type=_media_type(content, source.suffix),
                    size=len(content),
                    sha256=digest,
                    attached_at=datetime.fromtimestamp(source.stat().st_mtime, UTC).replace(
                        tzinfo=None
                    ),
                    attached_by=_MIGRATED_BY,
                    content=content,
                )
            )
            flag = f"sha256:{digest}"
            _log.info("预约 %s 的介绍信已存入数据库（%d 字节）", number, len(content))
        connection.execute(
            _bookings.update()
            .where(_bookings.c.id == booking_id)
            .values(letter_path=flag, updated_at=now, change_seq=change_seq)
        )


def downgrade() -> None:
    """Write each letter back to ``letters/<number><ext>`` and the path back to the booking."""
    connection = op.get_bind()
    data_dir = _data_directory(connection)
    for number, booking_id, media_type, content in connection.execute(
        sa.text(
            "SELECT b.number, b.id, l.media_type, l.content FROM bases_booking_letters l "
            "JOIN bases_bookings b ON b.id = l.booking_id"
        )
    ):
        path = None
        if data_dir is not None:
            relative = f"letters/{number}{_TYPE_SUFFIXES.get(media_type, '.pdf')}"
            folder = data_dir / "letters"
            folder.mkdir(mode=0o700, exist_ok=True)
            (data_dir / relative).write_bytes(content)
            (data_dir / relative).chmod(0o600)
            path = relative
        connection.execute(
            _bookings.update().where(_bookings.c.id == booking_id).values(letter_path=path)
        )
    connection.execute(
        sa.text("UPDATE bases_bookings SET letter_path = NULL WHERE letter_path LIKE 'sha256:%'")
    )
    op.drop_table("bases_booking_letters")


def _data_directory(connection: sa.Connection) -> Path | None:
    """The folder of the main database file (None for a database in memory)."""
    for _seq, name, file_name in connection.exec_driver_sql("PRAGMA database_list"):
        if name == "main" and file_name:
            return Path(file_name).parent
    return None


def _letter_file(data_dir: Path | None, stored: str) -> Path | None:
    """The file ``stored`` names, if it is a file inside the data directory."""
    if data_dir is None or not stored:
        return None
    base = data_dir.resolve()
    candidate = (base / stored).resolve()
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _media_type(content: bytes, suffix: str) -> str:
    """By content first (what the viewer will be told), else by the old file's suffix."""
    if content.startswith(b"%PDF"):
        return "application/pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return _SUFFIX_TYPES.get(suffix.lower(), "application/octet-stream")
