"""Exporting the member list to Excel, and the blank import template.

The export is exactly the list on screen: the same :class:`MemberQuery` (search text, filters,
sort) and the same masking (:func:`dangqun.core.privacy.shown`), written with the headers
the importer prefers, so an unmasked export imports back unchanged. Who exported how many
people, with or without full personal data, goes to the audit log (个人信息保护法).

Files open in Excel, WPS and LibreOffice: dates are real date cells, ID numbers and phones
are text (an 18-digit number would lose its last digits as an Excel number). A role without
personal-data permission gets the birth date as year and month only
(:func:`~dangqun.core.privacy.shown_birth_date`, issue 10): beside a masked ID number a full
birth date would leave a handful of candidates.

Also from issue 10:

* Text is always text. A notes cell ``=HYPERLINK("http://…"&E2,…)`` typed or imported as text
  must not come back as a live formula that sends the row to a web site when the file is
  opened; any text starting with ``= + - @``, a tab or a carriage return is written as a string
  cell with Excel's quote prefix (:func:`_text_cell`).
* No partial files. The workbook is written to an owner-only temporary file beside the target
  and renamed over it only when complete and audited (:func:`_write_workbook`,
  :func:`_move_into_place`); a full disk, a missing folder or a file held open by Excel each
  get their own message, and an older file of that name is left as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from dangqun.core.db import Database
from dangqun.core.errors import DangqunError
from dangqun.core.paths import make_private_file
from dangqun.core.privacy import (
    PersonalField,
    can_see_personal_data,
    masked_numbers,
    shown,
    shown_birth_date,
)
from dangqun.core.security import Actor, Permission
from dangqun.members.codes import CATEGORIES, EDUCATIONS, ETHNICITIES, GENDERS, KINDS, STATUSES
from dangqun.members.importer import PREFERRED_HEADERS, TEMPLATE_FIELDS
from dangqun.members.models import Member, Organization
from dangqun.members.search import MemberQuery, filtered_member_ids
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus

DATE_FORMAT = "yyyy-mm-dd"
_CHUNK = 900
_WIDTHS = {
    "name": 12, "id_number": 22, "phone": 16, "branch": 20, "work_unit": 28, "address": 32,
    "household_registration": 20, "origin_organization": 24, "outflow_destination": 20,
    "notes": 24, "activity_card_number": 18,
}  # fmt: skip
ProgressCallback = Callable[[int, int], None]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""How a cell's text starts when Excel, WPS or LibreOffice would read it as a formula."""
_NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT})


class ExportError(DangqunError):
    """The file could not be written (folder missing, file open in Excel, disk full)."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    personal_data_masked: bool


def _write_workbook(path: Path, rows: Iterable[list[Any]]) -> Path:
    """The workbook, complete, in a new owner-only temporary file beside ``path``.

    Beside, so that :func:`_move_into_place` is a rename within one folder; owner-only, because
    an export may hold everyone's personal data (issue 10). Any failure removes the temporary
    file before it is reported.
    """
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}.", suffix=".xlsx.partial", dir=path.parent
        )
    except OSError as error:
        raise _export_error(error, path, replacing=False) from error
    os.close(handle)
    temporary = Path(name)
    try:
        make_private_file(temporary)
        _fill_workbook(temporary, rows)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _export_error(error, path, replacing=False) from error
        raise
    return temporary


def _move_into_place(temporary: Path, path: Path) -> None:
    """The finished file takes ``path``'s name in one step (an older file is replaced whole)."""
    try:
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise _export_error(error, path, replacing=True) from error


def _export_error(error: OSError, path: Path, *, replacing: bool) -> ExportError:
    """What went wrong, in words a front desk can act on; never "close Excel" for a full disk."""
    if error.errno in _NO_SPACE:
        return ExportError(
            f"磁盘空间不足，无法写完“{path.name}”，没有留下不完整的文件。请在“{path.parent}”所在的"
            "磁盘上腾出空间，或另选一个位置再导出。"
        )
    if isinstance(error, FileNotFoundError) and not replacing:
        return ExportError(f"文件夹“{path.parent}”不存在。请另选一个保存位置。")
    if isinstance(error, PermissionError) and replacing:
        return ExportError(
            f"无法保存为“{path}”：这个文件可能正在 Excel 或 WPS 中打开。请先关闭它再导出，"
            "或换一个文件名。"
        )
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        return ExportError(
            f"无法在文件夹“{path.parent}”中写入文件（没有写入权限，或是只读的位置）。请另选一个"
            "保存位置。"
        )
    return ExportError(
        f"无法写入“{path}”：{error.strerror or error}。没有留下不完整的文件，请另选一个位置再试。"
    )


def _text_cell(sheet: Any, value: str) -> Any:
    """A cell that stays text whatever it starts with (see the module docstring).

    openpyxl reads ``"=…"`` as a formula; the string type undoes that, and the quote prefix keeps
    Excel from making it a formula when someone edits the cell.
    """
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def _fill_workbook(target: Path, rows: Iterable[list[Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("党员名单")
    sheet.freeze_panes = "A2"
    for index, field_name in enumerate(TEMPLATE_FIELDS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(field_name, 12)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="F2DCDB")
    header = []
    for field_name in TEMPLATE_FIELDS:
        cell = WriteOnlyCell(sheet, value=PREFERRED_HEADERS[field_name])
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    sheet.append(header)
    for values in rows:
        line: list[Any] = []
        for value in values:
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = DATE_FORMAT
                line.append(cell)
            elif isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
                line.append(_text_cell(sheet, value))
            else:
                line.append(value)
        sheet.append(line)
    try:
        workbook.save(target)
    finally:
        _discard_row_buffer(sheet)


def _discard_row_buffer(sheet: Any) -> None:
    """Remove the copy of the rows openpyxl's write-only sheet streams into a temporary file of
    its own (in the system's temp folder); only a completed save removes it, so after a full
    disk it would keep everyone's personal data there until the app quits."""
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    writer = sheet._writer
    if writer is None or writer.out not in ALL_TEMP_FILES:
        return  # never started, or saved and removed
    with contextlib.suppress(Exception):  # the half-written stream may refuse to close cleanly
        if sheet._rows is not None:
            sheet._rows.close()
    with contextlib.suppress(Exception):
        writer.close()
    Path(writer.out).unlink(missing_ok=True)
    ALL_TEMP_FILES.remove(writer.out)


def write_import_template(path: Path) -> Path:
    """A blank roster with the headers the importer prefers (nothing personal: not audited)."""
    path = Path(path)
    _move_into_place(_write_workbook(path, []), path)
    return path


def _row_values(
    member: Member, organization_names: dict[int, str], actor: Actor, full: bool
) -> list[Any]:
    # In full a date cell, as the other dates; otherwise the year-month text.
    birth_date = member.birth_date if full else shown_birth_date(member.birth_date, full) or None
    values: dict[str, Any] = {
        "name": member.name,
        "gender_code": GENDERS.label(member.gender_code),
        "ethnicity_code": ETHNICITIES.label(member.ethnicity_code),
        "birth_date": birth_date,
        "id_number": shown(actor, PersonalField.ID_NUMBER, member.id_number),
        "education_code": EDUCATIONS.label(member.education_code) or None,
        "category": CATEGORIES.label(MemberCategory(member.category)),
        "kind": KINDS.label(MemberKind(member.kind)),
        "status": STATUSES.label(MemberStatus(member.status)),
        "branch": organization_names.get(member.organization_id or 0),
        "joined_on": member.joined_on,
        "confirmed_on": member.confirmed_on,
        "work_unit": member.work_unit,
        "phone": shown(actor, PersonalField.PHONE, member.phone) or None,
        "household_registration": member.household_registration,
        "address": shown(actor, PersonalField.ADDRESS, member.address) or None,
        "registered_on": member.registered_on,
        "origin_organization": member.origin_organization,
        "outflow_destination": member.outflow_destination,
        "activity_card_number": member.activity_card_number,
        "lost_contact_on": member.lost_contact_on,
        "notes": member.notes,
    }
    return [values[field_name] for field_name in TEMPLATE_FIELDS]


def export_members(
    database: Database,
    actor: Actor,
    query: MemberQuery,
    path: Path,
    progress: ProgressCallback | None = None,
) -> ExportResult:
    """Write the members ``query`` selects to ``path`` (.xlsx), masked as ``actor`` sees them."""
    actor.require(Permission.VIEW)
    path = Path(path)
    full = can_see_personal_data(actor)
    with database.reading() as session:
        ids = list(session.scalars(filtered_member_ids(session, actor, query)))
        organization_names = dict(session.execute(select(Organization.id, Organization.name)).all())

        def rows() -> Any:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                members = {
                    member.id: member
                    for member in session.scalars(select(Member).where(Member.id.in_(chunk)))
                }
                for member_id in chunk:
                    yield _row_values(members[member_id], organization_names, actor, full)
                session.expunge_all()
                if progress is not None:
                    progress(min(start + _CHUNK, len(ids)), len(ids))

        temporary = _write_workbook(path, rows())
    try:
        _audit_and_move(database, actor, query, temporary, path, len(ids), full)
    finally:
        temporary.unlink(missing_ok=True)
    return ExportResult(path, len(ids), not full)


def _audit_and_move(
    database: Database,
    actor: Actor,
    query: MemberQuery,
    temporary: Path,
    path: Path,
    rows: int,
    full: bool,
) -> None:
    """The audit entry and the file appear together: no export of personal data unrecorded.

    The entry is flushed first, so a full or read-only database refuses before the file takes
    its name; should the commit itself fail, the file just placed is removed again.
    """
    with database.unit_of_work(actor) as work:
        work.audit(
            "members.export",
            "member_list",
            path.name,
            None,
            {
                "file": str(path),
                "rows": rows,
                "full_personal_data": full,
                "query": {
                    "text": masked_numbers(query.text),
                    "organization_id": query.organization_id,
                    "kinds": sorted(kind.value for kind in query.kinds),
                    "categories": sorted(category.value for category in query.categories),
                    "statuses": sorted(status.value for status in query.statuses),
                },
            },
        )
        work.session.flush()
        _move_into_place(temporary, path)
        try:
            work.commit()
        except BaseException:
            path.unlink(missing_ok=True)
            raise
