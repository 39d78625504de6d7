"""介绍信 scans kept inside the database (issue 14, "a 介绍信 scan may be attached"; migration
0010): attached with the booking or later, replaced and removed in one audited transaction,
judged by content, opened only by a role that may see personal data (each opening audited),
carried by a backup and brought back by a restore, never sent to the district; an upgrade from
0009 reads the old ``letters/`` folder into the table."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select

from dangqun import migrations
from dangqun.bases.models import BookingLetter
from dangqun.bases.service import (
    RecurrenceKind,
    RecurrenceRule,
    SeriesForm,
    attach_letter,
    book,
    book_series,
    booking_letter,
    get_booking,
    remove_letter,
    update_booking,
)
from dangqun.bootstrap import backup_now, restore_from_file
from dangqun.core.audit import AuditEntry
from dangqun.core.backup import create_backup
from dangqun.core.db import create_sqlite_engine
from dangqun.core.errors import NotFound, PermissionDenied, ValidationError
from dangqun.core.invariants import run_checks
from dangqun.core.model_base import SyncedRecord
from dangqun.core.security import Actor, Role
from dangqun.features import load_invariants, migration_directories
from dangqun.sync.package import synced_schema
from tests.unit.bases.conftest import NOW, booking_form, row_counts, set_rules

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + bytes(range(256)) * 8
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200)
STAFF = Actor(None, "limin", "李敏", Role.STAFF)


def _scan(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def _audit(database, action: str) -> list[AuditEntry]:
    with database.reading() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            )
        )


def _letter_rows(path: Path) -> list[tuple[int, str, str, int]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT booking_id, file_name, media_type, size FROM bases_booking_letters"
        ).fetchall()


def test_a_letter_taken_with_the_booking_is_kept_in_the_database(database, admin, site, tmp_path):
    scan = _scan(tmp_path, "某公司介绍信.pdf", PDF)
    booking_id = book(database, admin, booking_form(site.hall, letter_file=scan), now=NOW)
    scan.unlink()  # the clerk's copy may go: the database holds the letter
    detail = get_booking(database, admin, booking_id)
    assert detail.letter is not None
    assert (detail.letter.file_name, detail.letter.media_type, detail.letter.size) == (
        "某公司介绍信.pdf",
        "application/pdf",
        len(PDF),
    )
    assert detail.letter.attached_by == admin.display_name
    letter = booking_letter(database, admin, booking_id)
    assert (letter.file_name, letter.media_type, letter.content) == (
        "某公司介绍信.pdf",
        "application/pdf",
        PDF,
    )
    assert not (database.path.parent / "letters").exists()
    created = _audit(database, "bases.booking.create")[-1]
    assert "某公司介绍信.pdf" in json.loads(created.after_json)["letter"]


def test_a_series_keeps_its_letter_once_with_its_first_booking(database, admin, site, tmp_path):
    set_rules(database, admin, max_advance_days=365)
    scan = _scan(tmp_path, "全年主题党日介绍信.png", PNG)
    first_friday = RecurrenceRule(RecurrenceKind.MONTHLY_WEEKDAY, weekday=4, ordinal=1)
    form = SeriesForm(
        first_friday,
        date(2026, 12, 1),
        date(2027, 1, 31),
        booking_form(site.meeting_room, headcount=8, letter_file=scan),
    )

    result = book_series(database, admin, form, now=NOW)

    first, *others = result.booking_ids
    assert booking_letter(database, admin, first).content == PNG
    assert others and all(get_booking(database, admin, b).letter is None for b in others)
    assert len(_letter_rows(database.path)) == 1
    created = _audit(database, "bases.series.create")[-1]
    assert "全年主题党日介绍信.png" in json.loads(created.after_json)["letter"]


def test_attach_replace_and_remove_are_each_one_audited_transaction(
    database, admin, site, tmp_path
):
    booking_id = book(database, admin, booking_form(site.hall), now=NOW)
    assert get_booking(database, admin, booking_id).letter is None
    attach_letter(database, admin, booking_id, _scan(tmp_path, "第一版.pdf", PDF))
    attach_letter(database, admin, booking_id, _scan(tmp_path, "扫描件.png", PNG))
    assert _letter_rows(database.path) == [(booking_id, "扫描件.png", "image/png", len(PNG))]
    assert booking_letter(database, admin, booking_id).content == PNG
    attached = _audit(database, "bases.booking.letter")
    assert len(attached) == 2
    assert json.loads(attached[0].before_json)["letter"] is None
    assert "第一版.pdf" in json.loads(attached[1].before_json)["letter"]
    assert "扫描件.png" in json.loads(attached[1].after_json)["letter"]

    remove_letter(database, admin, booking_id)
    assert _letter_rows(database.path) == []
    assert get_booking(database, admin, booking_id).letter is None
    removed = _audit(database, "bases.booking.letter_remove")
    assert len(removed) == 1
    assert "扫描件.png" in json.loads(removed[0].before_json)["letter"]
    with pytest.raises(ValidationError) as refused:
        remove_letter(database, admin, booking_id)
    assert refused.value.errors[0].field == "letter_file"
    assert "介绍信" in refused.value.errors[0].message
    with pytest.raises(NotFound):
        booking_letter(database, admin, booking_id)


def test_changing_a_booking_with_a_new_file_replaces_its_letter(database, admin, site, tmp_path):
    booking_id = book(
        database,
        admin,
        booking_form(site.hall, letter_file=_scan(tmp_path, "旧.pdf", PDF)),
        now=NOW,
    )
    update_booking(
        database,
        admin,
        booking_id,
        booking_form(site.hall, headcount=25, letter_file=_scan(tmp_path, "新.png", PNG)),
        now=NOW,
    )
    assert _letter_rows(database.path) == [(booking_id, "新.png", "image/png", len(PNG))]
    update_booking(database, admin, booking_id, booking_form(site.hall, headcount=26), now=NOW)
    assert booking_letter(database, admin, booking_id).content == PNG  # None keeps the letter
    changed = _audit(database, "bases.booking.update")[0]
    assert "旧.pdf" in json.loads(changed.before_json)["letter"]
    assert "新.png" in json.loads(changed.after_json)["letter"]


def test_staff_see_that_a_letter_is_there_but_only_an_administrator_opens_it(
    database, admin, site, tmp_path
):
    booking_id = book(
        database,
        admin,
        booking_form(site.hall, letter_file=_scan(tmp_path, "介绍信.pdf", PDF)),
        now=NOW,
    )
    detail = get_booking(database, STAFF, booking_id)
    assert detail.letter is not None and detail.letter.file_name == "介绍信.pdf"
    with pytest.raises(PermissionDenied, match="查看完整个人信息"):
        booking_letter(database, STAFF, booking_id)
    assert _audit(database, "bases.booking.letter_view") == []
    booking_letter(database, admin, booking_id)
    viewed = _audit(database, "bases.booking.letter_view")
    assert [entry.username for entry in viewed] == [admin.username]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("介绍信.pdf", b"Dear sir, this is plain text, not a scan", "内容不是 PDF、JPG 或 PNG"),
        ("介绍信.png", PDF[:3] + b"x" * 40, "内容不是 PDF、JPG 或 PNG"),
        ("介绍信.docx", b"PK\x03\x04" + bytes(40), "只能是 PDF、JPG 或 PNG"),
        ("介绍信.pdf", b"", "是空的"),
    ],
)
def test_a_file_that_is_not_a_scan_is_refused_naming_the_field_and_nothing_is_written(
    database, admin, site, tmp_path, name, content, expected
):
    scan = _scan(tmp_path, name, content)
    before = row_counts(database.path)
    with pytest.raises(ValidationError) as refused:
        book(database, admin, booking_form(site.hall, letter_file=scan), now=NOW)
    assert [(e.field, expected in e.message) for e in refused.value.errors] == [
        ("letter_file", True)
    ]
    assert "介绍信" in refused.value.errors[0].message
    assert row_counts(database.path) == before
    assert _letter_rows(database.path) == []


def test_a_letter_over_20_mb_is_refused_before_it_is_read(database, admin, site, tmp_path):
    booking_id = book(database, admin, booking_form(site.hall), now=NOW)
    big = tmp_path / "太大.pdf"
    with big.open("wb") as stream:
        stream.write(b"%PDF-1.4\n")
        stream.truncate(20 * 1024 * 1024 + 1)  # sparse: no 20 MB written
    with pytest.raises(ValidationError, match="介绍信文件太大"):
        attach_letter(database, admin, booking_id, big)
    assert _letter_rows(database.path) == []


def test_a_refused_booking_keeps_no_letter_anywhere(database, admin, site, tmp_path):
    scan = _scan(tmp_path, "介绍信.pdf", PDF)
    with pytest.raises(ValidationError) as refused:
        book(database, admin, booking_form(site.hall, letter_file=scan, phone="12"), now=NOW)
    assert [e.field for e in refused.value.errors] == ["phone"]
    assert _letter_rows(database.path) == []
    assert sorted(p.name for p in database.path.parent.iterdir() if "letter" in p.name) == []


def test_a_backup_carries_the_letter_and_a_restore_brings_it_back(
    application, admin, site, tmp_path
):
    database = application.database
    booking_id = book(
        database,
        admin,
        booking_form(site.hall, letter_file=_scan(tmp_path, "介绍信.pdf", PDF)),
        now=NOW,
    )
    backup = backup_now(application, admin)
    remove_letter(database, admin, booking_id)
    assert get_booking(database, admin, booking_id).letter is None
    restore_from_file(application, admin, backup.path)
    restored = application.database
    assert get_booking(restored, admin, booking_id).letter is not None
    assert booking_letter(restored, admin, booking_id).content == PDF


def test_the_scan_is_never_sent_to_the_district(database, admin, site, tmp_path):
    """The sync export reads only SyncedRecord tables; the booking carries a flag (the
    letter's SHA-256), so the district sees that a letter is on file, not what it shows."""
    assert not issubclass(BookingLetter, SyncedRecord)
    assert "bases_booking_letters" not in synced_schema()
    booking_id = book(
        database,
        admin,
        booking_form(site.hall, letter_file=_scan(tmp_path, "介绍信.pdf", PDF)),
        now=NOW,
    )
    with sqlite3.connect(database.path) as connection:
        (flag,) = connection.execute(
            "SELECT letter_path FROM bases_bookings WHERE id = ?", (booking_id,)
        ).fetchone()
        (digest,) = connection.execute("SELECT sha256 FROM bases_booking_letters").fetchone()
    assert flag == f"sha256:{digest}"


def test_check_names_a_booking_whose_letter_flag_does_not_match(database, admin, site, tmp_path):
    with_letter = book(
        database,
        admin,
        booking_form(site.hall, letter_file=_scan(tmp_path, "介绍信.pdf", PDF)),
        now=NOW,
    )
    without = book(database, admin, booking_form(site.meeting_room, headcount=10), now=NOW)
    load_invariants()
    with database.reading() as session:
        assert [p for p in run_checks(session).problems if "介绍信" in p] == []
    numbers = {i: get_booking(database, admin, i).number for i in (with_letter, without)}
    with sqlite3.connect(database.path) as connection:
        connection.execute(
            "UPDATE bases_bookings SET letter_path = 'sha256:0' WHERE id = ?", (without,)
        )
        connection.execute("UPDATE bases_booking_letters SET size = 1")
    with database.reading() as session:
        problems = [p for p in run_checks(session).problems if "介绍信" in p]
    assert problems == [
        f"阵地预约介绍信：预约 {numbers[with_letter]} 的介绍信大小（{len(PDF)} 字节）与记录的不同",
        f"阵地预约介绍信：预约 {numbers[without]} 标记有介绍信，但数据库中没有",
    ]


# ---------------------------------------------------------------- migration 0010


def _alembic(engine, action, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.set_main_option("path_separator", "os")
    config.set_main_option(
        "version_locations", os.pathsep.join(str(f) for f in migration_directories())
    )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_upgrading_from_0009_moves_the_letters_folder_into_the_database(
    application, admin, site, caplog
):
    """A center of the previous version: bookings naming files under ``letters/``, one of
    them deleted by hand. The upgrade reads the one it finds, forgets the missing one with a
    line in the log, and does not fail."""
    database = application.database
    kept = book(database, admin, booking_form(site.hall), now=NOW)
    lost = book(database, admin, booking_form(site.meeting_room, headcount=10), now=NOW)
    path = database.path
    engine = create_sqlite_engine(path)
    _alembic(engine, command.downgrade, "0009")
    data_dir = path.parent
    (data_dir / "letters").mkdir(mode=0o700)
    with sqlite3.connect(path) as connection:
        numbers = dict(connection.execute("SELECT id, number FROM bases_bookings"))
        for booking_id in (kept, lost):
            connection.execute(
                "UPDATE bases_bookings SET letter_path = ? WHERE id = ?",
                (f"letters/{numbers[booking_id]}.pdf", booking_id),
            )
        (counter_before,) = connection.execute("SELECT value FROM change_counter").fetchone()
    (data_dir / "letters" / f"{numbers[kept]}.pdf").write_bytes(PDF)

    with caplog.at_level(logging.WARNING, logger="dangqun.bases.migrations"):
        _alembic(engine, command.upgrade, "head")
    engine.dispose()

    assert _letter_rows(path) == [(kept, f"{numbers[kept]}.pdf", "application/pdf", len(PDF))]
    assert booking_letter(database, admin, kept).content == PDF
    assert get_booking(database, admin, lost).letter is None
    assert numbers[lost] in caplog.text and numbers[kept] not in caplog.text
    with sqlite3.connect(path) as connection:
        flags = dict(connection.execute("SELECT id, letter_path FROM bases_bookings"))
        seqs = dict(connection.execute("SELECT id, change_seq FROM bases_bookings"))
        (counter_after,) = connection.execute("SELECT value FROM change_counter").fetchone()
    assert flags[kept].startswith("sha256:") and flags[lost] is None
    assert sorted((seqs[kept], seqs[lost])) == [counter_before + 1, counter_before + 2]
    assert counter_after == counter_before + 2  # the district's copy of the flag follows


def test_restoring_a_backup_from_before_0010_reads_the_letters_folder_again(
    application, admin, site, tmp_path
):
    """Why the upgrade leaves ``letters/`` in place: the backup taken before it (here a 0009
    file, made by the downgrade, which writes each letter back to the folder) names those files,
    and restoring it upgrades the copy, which reads them again."""
    database = application.database
    booking_id = book(
        database,
        admin,
        booking_form(site.hall, letter_file=_scan(tmp_path, "介绍信.pdf", PDF)),
        now=NOW,
    )
    engine = create_sqlite_engine(database.path)
    _alembic(engine, command.downgrade, "0009")
    number = get_booking_number(database.path, booking_id)
    assert (database.path.parent / "letters" / f"{number}.pdf").read_bytes() == PDF
    old = create_backup(database.path, application.paths.backups, "pre-migration")
    _alembic(engine, command.upgrade, "head")
    engine.dispose()
    remove_letter(database, admin, booking_id)
    restore_from_file(application, admin, old.path)
    assert booking_letter(application.database, admin, booking_id).content == PDF


def get_booking_number(path: Path, booking_id: int) -> str:
    with sqlite3.connect(path) as connection:
        (number,) = connection.execute(
            "SELECT number FROM bases_bookings WHERE id = ?", (booking_id,)
        ).fetchone()
    return str(number)
