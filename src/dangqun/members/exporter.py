"""Exporting the member list to Excel, and the blank import template.

The export is exactly the list on screen: the same :class:`MemberQuery` (search text, filters,
sort) and the same masking (:func:`dangqun.core.privacy.shown`), written with the headers
the importer prefers, so an unmasked export imports back unchanged. Who exported how many
people, with or without full personal data, goes to the audit log (个人信息保护法).

Files open in Excel, WPS and LibreOffice: dates are real date cells, ID numbers and phones
are text (an 18-digit number would lose its last digits as an Excel number).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from dangqun.core.db import Database
from dangqun.core.errors import DangqunError
from dangqun.core.privacy import PersonalField, can_see_personal_data, shown
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


class ExportError(DangqunError):
    """The file could not be written (folder missing, file open in Excel, disk full)."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    personal_data_masked: bool


def _workbook(path: Path, rows: Any) -> None:
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
            else:
                line.append(value)
        sheet.append(line)
    try:
        workbook.save(path)
    except OSError as error:
        raise ExportError(
            f"无法写入“{path}”：{error.strerror or error}。如果该文件正在 Excel 或 WPS 中打开，"
            "请先关闭它。"
        ) from error


def write_import_template(path: Path) -> Path:
    """A blank roster with the headers the importer prefers (nothing personal: not audited)."""
    path = Path(path)
    _workbook(path, [])
    return path


def _row_values(member: Member, organization_names: dict[int, str], actor: Actor) -> list[Any]:
    values: dict[str, Any] = {
        "name": member.name,
        "gender_code": GENDERS.label(member.gender_code),
        "ethnicity_code": ETHNICITIES.label(member.ethnicity_code),
        "birth_date": member.birth_date,
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
        ids = list(session.scalars(filtered_member_ids(session, query)))
        organization_names = dict(session.execute(select(Organization.id, Organization.name)).all())

        def rows() -> Any:
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                members = {
                    member.id: member
                    for member in session.scalars(select(Member).where(Member.id.in_(chunk)))
                }
                for member_id in chunk:
                    yield _row_values(members[member_id], organization_names, actor)
                session.expunge_all()
                if progress is not None:
                    progress(min(start + _CHUNK, len(ids)), len(ids))

        _workbook(path, rows())
    with database.unit_of_work(actor) as work:
        work.audit(
            "members.export",
            "member_list",
            path.name,
            None,
            {
                "file": str(path),
                "rows": len(ids),
                "full_personal_data": full,
                "query": {
                    "text": query.text,
                    "organization_id": query.organization_id,
                    "kinds": sorted(kind.value for kind in query.kinds),
                    "categories": sorted(category.value for category in query.categories),
                    "statuses": sorted(status.value for status in query.statuses),
                },
            },
        )
        work.commit()
    return ExportResult(path, len(ids), not full)
