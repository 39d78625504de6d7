"""Reading a table out of an Excel workbook a person filled in: what every import shares.

Moved here from the roster import (members, issues 4, 10 and 11) when the time bank's sign-in
sheet import (issue 13) needed the same: one place that

* refuses import bombs before they cost minutes and gigabytes (issue 10: a 1.4 MB file that
  unpacked to 1.5 GB took 93 s and 7.5 GB before MemoryError; a 1,000,000-row sheet took 67 s)
  — the unpacked size and the compression ratio read from the zip's directory before anything
  is unpacked, the sheet's declared ``<dimension>`` before its rows, and the rows again while
  streaming (a declared dimension may be wrong or missing); each refusal names its limit
  (:class:`SheetLimits`, worded with the kind of sheet: "花名册", "签到表");
* finds the header among the first rows (a title row or two sits above it), tolerating header
  variants (``公民身份\\n号码（18位）*`` reads ``公民身份号码``, :func:`header_key`), ignoring
  extra columns and footer lines (``填表人：…``);
* reads the fill rule's "nothing here" marks (无, —, / …) as empty cells (:func:`empty_marker`);
* never echoes a cell in full (:func:`shortened`, 50 characters and "…");
* reports findings in one shape: Excel's row number, the column as the file names it, the
  cell's value, the reason in Chinese (:class:`SheetProblem`).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from itertools import chain
from pathlib import Path
from typing import Any

from dangqun.core.errors import DangqunError
from dangqun.core.parsing import clean_text

HEADER_SEARCH_ROWS = 15
MAX_UNPACKED_BYTES = 200_000_000
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 10_000_000
MAX_COLUMNS = 1_000
SHOWN_CELL_CHARACTERS = 50
_QUOTED = re.compile("“([^”]*)”")
_FOOTER_WORDS = ("填表", "审核", "制表", "负责人", "合计", "总计", "说明", "注：")
EMPTY_WORDS = frozenset({"无", "暂无"})
"""Words the fill rule (没有的可填‘无’或者划‘—’) writes for "nothing here"."""
_EMPTY_MARK = re.compile(r"[-‐‑‒–—―─━/]+")
"""A run of dashes or slashes after NFKC (which turns －, ／ into -, /): the drawn "—"."""


class SheetError(DangqunError):
    """The file cannot be read as the expected sheet at all (not .xlsx, no header, too large)."""


class ImportMode(enum.Enum):
    NOTHING_IF_INVALID = "nothing_if_invalid"  # one bad row: write nothing
    VALID_ROWS = "valid_rows"  # write the valid rows, report the others


@dataclass(frozen=True)
class SheetLimits:
    """What one kind of sheet may hold; ``noun`` names the kind in refusals ("花名册")."""

    noun: str
    max_rows: int
    max_columns: int = MAX_COLUMNS
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    max_compression_ratio: int = MAX_COMPRESSION_RATIO
    ratio_checked_from_bytes: int = RATIO_CHECKED_FROM_BYTES


@dataclass(frozen=True)
class SheetProblem:
    """One finding: Excel's row number, the column as the file names it, the cell, the reason."""

    row: int
    column: str
    value: str
    reason: str

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}


@dataclass
class TableRow:
    number: int
    """The row number as Excel shows it."""
    cells: dict[str, tuple[str, object]]
    """field → (header as written in the file, raw cell value)."""


@dataclass
class Table:
    name: str
    header_row: int
    columns: dict[int, tuple[str, str]]
    """column index → (field, header text)."""
    ignored: list[str]
    rows: list[TableRow] = field(default_factory=list)


def shortened(text: str) -> str:
    """``text`` as a message may quote it: at most :data:`SHOWN_CELL_CHARACTERS` characters."""
    if len(text) <= SHOWN_CELL_CHARACTERS:
        return text
    return text[:SHOWN_CELL_CHARACTERS] + "…"


def shortened_quotes(reason: str) -> str:
    """A reason with every “quoted cell” in it :func:`shortened`."""
    return _QUOTED.sub(lambda match: f"“{shortened(match.group(1))}”", reason)


def header_key(text: object) -> str:
    """``公民身份\\n号码（18位）*`` → ``公民身份号码``: spaces, notes in brackets, marks gone."""
    value = unicodedata.normalize("NFKC", clean_text(str(text or "")))
    value = re.sub(r"\s+", "", value)
    value = re.sub(r"[(\[【].*?[)\]】]", "", value)
    return value.strip("*＊:：")


def header_lookup(synonyms: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Header key → field, from field → the header names sheets use."""
    return {
        header_key(name): name_field for name_field, names in synonyms.items() for name in names
    }


def empty_marker(raw: object) -> str | None:
    """The cell's text when it only says "nothing here" by the fill rule, else None.

    ``无``, ``暂无``, ``无。``, ``—``, ``——``, ``-``, ``－``, ``/``, ``／``, with any spaces
    around them: the fill rule forbids blank cells and asks for these instead (issue 11).
    """
    if not isinstance(raw, str):
        return None
    text = clean_text(raw)
    if not text:
        return None
    key = unicodedata.normalize("NFKC", text).replace(" ", "").rstrip("。.")
    if key in EMPTY_WORDS or _EMPTY_MARK.fullmatch(key):
        return text
    return None


def is_blank(value: object) -> bool:
    """Nothing in the cell: None, spaces, or the fill rule's 无/— (:func:`empty_marker`)."""
    if value is None:
        return True
    return isinstance(value, str) and (not clean_text(value) or empty_marker(value) is not None)


def cell_text(raw: object) -> str:
    """A cell as text: ``12.0`` (Excel's number) reads ``12``."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return clean_text(str(raw))


def shown_value(raw: object) -> str:
    """A cell as a report shows it: dates as ``2026-11-20``, times as ``09:30``, whole numbers
    without ``.0``."""
    if raw is None:
        return ""
    if isinstance(raw, date):
        return f"{raw:%Y-%m-%d}"
    if isinstance(raw, time):
        return f"{raw:%H:%M}"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def is_footer(values: tuple[object, ...]) -> bool:
    """``填表人：王芳  审核人：李华`` under the table, spread over any columns: notes, not a
    person (the row's first filled cell starts with one of :data:`_FOOTER_WORDS`)."""
    for value in values:
        if not is_blank(value):
            return cell_text(value).startswith(_FOOTER_WORDS)
    return False


def check_package(path: Path, limits: SheetLimits) -> None:
    """Refuse a zip bomb from the zip's directory alone, before anything is unpacked."""
    from zipfile import ZipFile

    noun = limits.noun
    with ZipFile(path) as package:
        parts = package.infolist()
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limits.max_unpacked_bytes:
        raise SheetError(
            f"“{shortened(path.name)}”解压后有 {unpacked / 1e6:,.0f} MB，超过了{noun}的上限 "
            f"{limits.max_unpacked_bytes / 1e6:,.0f} MB，没有导入任何内容。这不像一份{noun}（可能"
            "已损坏或被人为构造）；如果确实是，请删除多余的工作表和内容后再试。"
        )
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if (
            part.file_size > limits.ratio_checked_from_bytes
            and ratio > limits.max_compression_ratio
        ):
            raise SheetError(
                f"“{shortened(path.name)}”中的“{shortened(part.filename)}”压缩比异常（{ratio:,.0f}"
                f" 倍，{noun}不会超过 {limits.max_compression_ratio} 倍），没有导入任何内容。这不像"
                f"一份{noun}（可能已损坏或被人为构造），请检查是否选错了文件。"
            )


def too_many_rows(
    path: Path, sheet_name: str, declared: int | None, limits: SheetLimits
) -> SheetError:
    """``declared``: the rows the sheet says it has; None when counting found the excess."""
    counted = "" if declared is None else f"有 {declared:,} 行，"
    return SheetError(
        f"“{shortened(path.name)}”的工作表“{shortened(sheet_name)}”{counted}超过了{limits.noun}"
        f"的上限 {limits.max_rows:,} 行，没有导入任何内容。请把名单分成几个文件，或删除多余的行后"
        "再试。"
    )


def check_declared_size(path: Path, sheet: Any, limits: SheetLimits) -> None:
    """The sheet's own ``<dimension>``, read before its rows: a million rows are refused at once."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows > limits.max_rows:
        raise too_many_rows(path, sheet.title, rows, limits)
    if columns > limits.max_columns:
        raise SheetError(
            f"“{shortened(path.name)}”的工作表“{shortened(sheet.title)}”有 {columns:,} 列，超过了"
            f"{limits.noun}的上限 {limits.max_columns:,} 列，没有导入任何内容。请删除多余的列后"
            "再试。"
        )


def open_rows(
    path: Path, limits: SheetLimits
) -> Iterator[tuple[str, Iterator[tuple[object, ...]]]]:
    """Each worksheet's title and its rows (values), streamed, after the bomb checks."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        check_package(path, limits)
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, ValueError) as error:
        raise SheetError(
            f"无法读取“{shortened(path.name)}”：不是有效的 Excel 工作簿（.xlsx）。"
            "如果是旧的 .xls 文件，请先在 Excel 或 WPS 中另存为 .xlsx。"
        ) from error
    except SheetError:
        raise
    except Exception as error:  # zipfile.BadZipFile and friends
        raise SheetError(f"无法读取“{shortened(path.name)}”：{error}") from error
    try:
        for sheet in workbook.worksheets:
            check_declared_size(path, sheet, limits)
            sheet.reset_dimensions()  # some programs write a wrong <dimension>
            yield sheet.title, sheet.iter_rows(values_only=True)
    finally:
        workbook.close()


def read_table(
    path: Path,
    limits: SheetLimits,
    lookup: Mapping[str, str],
    is_header: Callable[[set[str]], bool],
    no_header: str,
) -> Table:
    """The first sheet with a recognizable header, its columns and its filled rows.

    ``lookup`` maps :func:`header_key` of each accepted header to its field; a row among the
    first :data:`HEADER_SEARCH_ROWS` is the header when ``is_header`` accepts the fields it
    names (the one naming the most wins). A column named twice is used once; the rest are
    listed as ignored. ``no_header`` is the refusal when no sheet has one.
    """
    if not path.exists():
        raise SheetError(f"找不到文件“{path}”")
    for sheet_name, rows in open_rows(path, limits):
        buffered: list[tuple[object, ...]] = []
        header_index = None
        best = 0
        for values in rows:
            buffered.append(values)
            fields = {lookup.get(header_key(value)) for value in values} - {None}
            if is_header({name for name in fields if name}) and len(fields) > best:
                header_index, best = len(buffered), len(fields)
            if len(buffered) >= HEADER_SEARCH_ROWS:
                break
        if header_index is None:
            continue
        header = buffered[header_index - 1]
        columns: dict[int, tuple[str, str]] = {}
        ignored: list[str] = []
        taken: set[str] = set()
        for index, value in enumerate(header):
            text = clean_text(str(value)) if value is not None else ""
            field_name = lookup.get(header_key(value))
            if field_name is None or field_name in taken:
                if text:
                    ignored.append(shortened(text))
                continue
            taken.add(field_name)
            columns[index] = (field_name, text)
        table = Table(shortened(sheet_name), header_index, columns, ignored)
        remaining = chain(buffered[header_index:], rows)  # streamed: counted as they come
        for offset, values in enumerate(remaining, start=header_index + 1):
            if offset > limits.max_rows:
                raise too_many_rows(path, sheet_name, None, limits)
            cells = {
                field_name: (text, values[index] if index < len(values) else None)
                for index, (field_name, text) in columns.items()
            }
            if all(is_blank(raw) for _text, raw in cells.values()) or is_footer(values):
                continue
            table.rows.append(TableRow(offset, cells))
        return table
    raise SheetError(no_header)
