"""Import bombs (issue 10): refused in well under two seconds with little memory, each with a
message naming the limit, and no huge cell ever echoed in full.

The files are built here as an attacker would: a small real roster whose zip gets a huge,
highly compressible part (250 MB of shared strings in ~0.6 MB; the reported one was 1.5 GB in
1.4 MB — the same refusal, cheaper to build), or a sheet of a million rows.
"""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from dangqun.members import importer
from dangqun.members.importer import RosterError, import_roster, read_roster
from tests.unit.members.conftest import TODAY, make_id

HEADER = ["姓名", "民族", "身份证号码", "所在支部", "备注"]
SHARED_STRINGS = "xl/sharedStrings.xml"
SHEET = "xl/worksheets/sheet1.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def small_roster(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["张三丰", "汉族", make_id(sequence=101), "第一网格党支部", "居民代表"])
    workbook.save(path)
    return path


def with_part(
    source: Path,
    target: Path,
    name: str,
    chunks: Callable[[], Iterator[bytes]],
    compresslevel: int = 9,
) -> Path:
    """``source`` with the part ``name`` replaced by the streamed ``chunks``."""
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as bomb,
    ):
        for part in original.infolist():
            if part.filename == name:
                continue
            bomb.writestr(part, original.read(part.filename))
        with bomb.open(name, "w", force_zip64=True) as stream:
            for chunk in chunks():
                stream.write(chunk)
    return target


def refused_quickly(path: Path) -> RosterError:
    """The refusal, timed and its memory measured."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(RosterError) as raised:
            read_roster(path)
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 2.0
    assert peak < 20_000_000
    return raised.value


@pytest.fixture(scope="module")
def shared_strings_bomb(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bomb")

    def strings() -> Iterator[bytes]:
        yield f'<sst xmlns="{MAIN}">'.encode()
        chunk = b"<si><t>AAAAAAAAAAAAAAAAAAAAAAAA</t></si>" * 25_000  # 1 MB
        for _ in range(250):
            yield chunk
        yield b"</sst>"

    return with_part(
        small_roster(folder / "roster.xlsx"), folder / "bomb.xlsx", SHARED_STRINGS, strings
    )


def test_a_zip_bomb_is_refused_by_its_unpacked_size_before_parsing(shared_strings_bomb):
    assert shared_strings_bomb.stat().st_size < 2_000_000
    error = refused_quickly(shared_strings_bomb)
    assert "解压后有 250 MB" in error.message
    assert "超过了花名册的上限 200 MB" in error.message
    assert "没有导入任何内容" in error.message


def test_a_part_compressed_beyond_any_roster_is_refused(tmp_path):
    def strings() -> Iterator[bytes]:  # 30 MB: under the size limit, but 1,000× compressed
        yield f'<sst xmlns="{MAIN}">'.encode()
        for _ in range(30):
            yield b"<si><t>B</t></si>" * 62_500
        yield b"</sst>"

    bomb = with_part(
        small_roster(tmp_path / "r.xlsx"), tmp_path / "b.xlsx", SHARED_STRINGS, strings
    )
    error = refused_quickly(bomb)
    assert "压缩比异常" in error.message and "不会超过 100 倍" in error.message
    assert "xl/sharedStrings.xml" in error.message


def million_rows(dimension: str, rows: int) -> Callable[[], Iterator[bytes]]:
    def sheet() -> Iterator[bytes]:
        yield f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/><sheetData>'.encode()
        cells = "".join(
            f'<c r="{column}1" t="inlineStr"><is><t>{title}</t></is></c>'
            for column, title in zip("ABCDE", HEADER, strict=True)
        )
        yield f'<row r="1">{cells}</row>'.encode()
        for start in range(2, rows + 2, 50_000):
            yield b"".join(
                b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (row, row)
                for row in range(start, min(start + 50_000, rows + 2))
            )
        yield b"</sheetData></worksheet>"

    return sheet


def test_a_million_row_sheet_is_refused_by_its_declared_dimension(tmp_path):
    bomb = with_part(
        small_roster(tmp_path / "r.xlsx"),
        tmp_path / "million.xlsx",
        SHEET,
        million_rows("A1:E1000001", 1_000_000),
        compresslevel=1,  # ~14× still: a plain sheet, not a zip bomb
    )
    error = refused_quickly(bomb)
    assert "有 1,000,001 行，超过了花名册的上限 200,000 行" in error.message


def test_rows_beyond_the_limit_are_refused_while_streaming_when_the_dimension_lies(
    tmp_path, monkeypatch, database, admin
):
    """A missing or wrong ``<dimension>`` does not help: the rows are counted as they come."""
    monkeypatch.setattr(importer, "MAX_ROSTER_ROWS", 1_000)
    bomb = with_part(
        small_roster(tmp_path / "r.xlsx"),
        tmp_path / "lying.xlsx",
        SHEET,
        million_rows("A1:E2", 5_000),
    )
    with pytest.raises(RosterError, match="超过了花名册的上限 1,000 行，没有导入任何内容"):
        import_roster(database, admin, bomb, today=TODAY)


def test_a_sheet_declaring_too_many_columns_is_refused(tmp_path):
    bomb = with_part(
        small_roster(tmp_path / "r.xlsx"), tmp_path / "wide.xlsx", SHEET, million_rows("A1:XFD3", 3)
    )
    assert "有 16,384 列，超过了花名册的上限 1,000 列" in refused_quickly(bomb).message


def test_a_huge_cell_is_never_echoed_in_full(tmp_path, database, admin, tree):
    huge = "火" * 32_767  # the most a cell holds in Excel
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([*HEADER, huge])
    sheet.append(["张三丰", huge, make_id(sequence=101), huge, huge])
    workbook.save(tmp_path / "huge.xlsx")

    report = import_roster(database, admin, tmp_path / "huge.xlsx", today=TODAY)

    assert not report.written and report.invalid
    texts = [
        text
        for problem in report.invalid
        for text in (problem.column, problem.value, problem.reason)
    ] + report.ignored_columns
    assert max(len(text) for text in texts) < 120
    ethnicity = next(problem for problem in report.invalid if problem.column == "民族")
    assert ethnicity.value == "火" * 50 + "…"
    assert ethnicity.reason.startswith("民族“" + "火" * 50 + "…”不在")
    assert report.ignored_columns == ["火" * 50 + "…"]
