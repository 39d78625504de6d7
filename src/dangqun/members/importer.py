"""Importing a 花名册 (member roster) from Excel, as real centers have them (DOMAIN.md §1).

Rosters come from the national 党员管理信息系统 and from local sheets: a title row (or two)
above the header, header names that vary (公民身份号码/身份证号/身份证号码 …), extra columns
(序号), dates typed every way, ``汉`` for 汉族. The importer

1. finds the header (the row among the first 15 naming both 姓名 and an ID-number column),
2. reads and validates *every* row before writing anything — the same rules as the form
   (:func:`dangqun.members.validation.validate_member`) plus branch names, duplicates inside
   the file and ID numbers already registered,
3. reports each problem as (row number as Excel shows it, column as the file names it, the
   cell's value, the reason in Chinese),
4. writes nothing, or only the valid rows (the user chooses), in one transaction either way.

Re-importing a file creates no duplicates: people are matched by 公民身份号码 and reported as
updated or unchanged. A cell left empty never erases what is already recorded.

Issue 11, a first day that works:

* The official fill rule of the 党员信息采集表 is "不能有空白栏，没有的可填‘无’或者划‘—’", so
  a cell holding only such a mark (无, 暂无, —, -, /, ／ and their runs and full-width forms,
  :func:`empty_marker`) is an empty cell, not a wrong value. A required field holding one is
  still missing, and the reason says the mark was read as empty.
* A roster without a 人员类别 column (the national 16-field record has none; 转正时间 says it)
  takes 正式党员 from a filled 转正时间 and 预备党员 from an empty one; the report says so once
  (:attr:`ImportReport.notes`), not on every row.
* Rows refused only because their 党支部 does not exist yet are counted
  (:attr:`ImportReport.missing_branches`, :attr:`ImportReport.rows_waiting_for_branches`), so
  the report can offer to create exactly those branches where the errors are shown.
* A dry run always counts what importing the valid rows would do, whatever the mode: "将新增 0
  人" for a file with one valid new row and one invalid row told the user nothing.

Import bombs are refused before they cost minutes and gigabytes (issue 10: a 1.4 MB file that
unpacks to 1.5 GB took 93 s and 7.5 GB before MemoryError; a 1,000,000-row sheet took 67 s).
The limits are far above any real roster — a 20,000-member center's roster unpacks to about
20 MB — and each refusal names its limit (the checks live in :mod:`dangqun.core.spreadsheets`,
shared with the time bank's sign-in sheets):

* :data:`MAX_UNPACKED_BYTES` (200 MB) for all parts of the .xlsx together, and
  :data:`MAX_COMPRESSION_RATIO` (100×) for any part over :data:`RATIO_CHECKED_FROM_BYTES`
  (10 MB; rosters compress about 10×), both read from the zip's directory before anything is
  unpacked — openpyxl unpacks all shared strings into memory even in read-only mode;
* :data:`MAX_ROSTER_ROWS` (200,000) and :data:`MAX_ROSTER_COLUMNS` (1,000), against the
  sheet's declared ``<dimension>`` before reading it, and the rows again while streaming (a
  declared dimension may be wrong or missing);
* no cell is echoed in full: a value or a quoted cell in a reason is cut to
  :data:`SHOWN_CELL_CHARACTERS` (50) characters with "…" (:func:`shortened`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.core.spreadsheets import (
    HEADER_SEARCH_ROWS,
    SheetError,
    SheetLimits,
    SheetProblem,
    empty_marker,
    header_lookup,
    read_table,
    shortened,
)
from dangqun.core.spreadsheets import ImportMode as ImportMode  # this module's API since issue 4
from dangqun.core.spreadsheets import cell_text as _text
from dangqun.core.spreadsheets import is_blank as _blank
from dangqun.core.spreadsheets import shortened_quotes as _shortened_quotes
from dangqun.core.uow import UnitOfWork
from dangqun.members import glossary
from dangqun.members.codes import (
    CATEGORIES,
    EDUCATIONS,
    ETHNICITIES,
    GENDERS,
    KINDS,
    NO_WORDS,
    STATUSES,
    YES_WORDS,
)
from dangqun.members.models import Member, Organization
from dangqun.members.organizations import MEMBER_LEVELS, add_organization_in
from dangqun.members.records import create_members_in, form_of, update_member_in
from dangqun.members.validation import (
    FIELD_LABELS,
    CleanMember,
    MemberForm,
    check_id_number,
    clean_text,
    is_month_only,
    normalize_id_number,
    parse_date,
    validate_member,
)
from dangqun.members.vocabulary import (
    MEMBER_CATEGORY_LABELS,
    MemberCategory,
    MemberKind,
    MemberStatus,
    OrganizationLevel,
)

PLACEHOLDER_BRANCH_ID = -1
MAX_ROSTER_ROWS = 200_000
MAX_ROSTER_COLUMNS = 1_000

# Canonical field → header names rosters use; the first is what the template and export write.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "党员姓名"),
    "gender_code": ("性别",),
    "ethnicity_code": ("民族",),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "出生时间"),
    "id_number": (
        "公民身份号码", "身份证号", "身份证号码", "公民身份证号码", "身份号码", "身份证",
        "公民身份证号", "证件号码",
    ),
    "education_code": ("学历", "文化程度", "最高学历", "全日制学历"),
    "category": (glossary.CATEGORY, *glossary.ACCEPTED_OLD_HEADERS["category"]),
    "kind": (glossary.KIND, *glossary.ACCEPTED_OLD_HEADERS["kind"]),
    "status": ("党籍状态", "党员状态", "状态"),
    "branch": (glossary.ORGANIZATION, *glossary.ACCEPTED_OLD_HEADERS["branch"]),
    "joined_on": ("加入党组织日期", "入党日期", "入党时间", "入党年月"),
    "confirmed_on": ("转为正式党员日期", "转正日期", "转正时间", "转正年月"),
    "work_unit": ("工作单位及职务", "工作岗位", "工作单位", "单位及职务", "工作单位及职务职称"),
    "phone": ("联系电话", "手机号码", "电话", "手机号", "联系方式", "手机", "电话号码"),
    "household_registration": ("户籍地", "户籍所在地", "户口所在地", "籍贯"),
    "address": ("现居住地址", "现居住地", "家庭住址", "居住地址", "住址", "家庭地址"),
    "registered_on": ("报到日期", "报到时间", "登记日期"),
    "origin_organization": (
        "来源组织", "组织关系所在单位", "原所在党组织", "原党组织", "组织关系所在党组织",
        "流出地党组织",
    ),
    "outflow_destination": ("外出流向", "流向", "流入地"),
    "is_floating": ("是否流动党员",),
    "is_lost": ("是否失联", "是否为失联党员"),
    "lost_contact_on": ("失联日期", "失去联系日期"),
    "activity_card_number": ("流动党员活动证号", "活动证号", "流动党员电子活动证号"),
    "notes": ("备注",),
}  # fmt: skip
TEMPLATE_FIELDS = (
    "name", "gender_code", "ethnicity_code", "birth_date", "id_number", "education_code",
    "category", "kind", "status", "branch", "joined_on", "confirmed_on", "work_unit", "phone",
    "household_registration", "address", "registered_on", "origin_organization",
    "outflow_destination", "activity_card_number", "lost_contact_on", "notes",
)  # fmt: skip
PREFERRED_HEADERS = {field_name: names[0] for field_name, names in HEADER_SYNONYMS.items()}
_DATE_FIELDS = frozenset(
    {"birth_date", "joined_on", "confirmed_on", "registered_on", "lost_contact_on"}
)
_TEXT_FIELDS = (
    "work_unit", "household_registration", "address", "origin_organization",
    "outflow_destination", "activity_card_number", "notes",
)  # fmt: skip
_HEADER_LOOKUP = header_lookup(HEADER_SYNONYMS)

RosterError = SheetError
"""The file cannot be read as a roster at all (not .xlsx, no header row, too large)."""


RosterProblem = SheetProblem
"""One finding: Excel's row number, the column as the file names it, the cell, the reason."""


@dataclass
class ImportReport:
    """What a check or an import found and did.

    A dry run counts (``imported``/``updated``/``unchanged``, ``created_branches``) what
    importing the valid rows would do, in either mode: with ``NOTHING_IF_INVALID`` and invalid
    rows the real import would write nothing, and the caller says so.
    """

    file_name: str
    sheet_name: str = ""
    header_row: int = 0
    total: int = 0
    valid: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: list[RosterProblem] = field(default_factory=list)
    warnings: list[RosterProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    created_branches: list[str] = field(default_factory=list)
    missing_branches: list[str] = field(default_factory=list)
    """Branch names the file uses that do not exist (without ``create_branches``), in order."""
    rows_waiting_for_branches: int = 0
    """Rows whose only problem is that their branch does not exist yet."""
    notes: list[str] = field(default_factory=list)
    """Said once for the whole file (how 人员类别 was decided), not a problem of any row."""
    written: bool = False
    dry_run: bool = False
    mode: ImportMode = ImportMode.NOTHING_IF_INVALID

    @property
    def invalid_rows(self) -> int:
        return self.total - self.valid

    @property
    def all_valid(self) -> bool:
        return self.valid == self.total

    @property
    def only_branches_missing(self) -> bool:
        """Every invalid row would be valid once its branch exists."""
        return bool(self.missing_branches) and self.rows_waiting_for_branches == self.invalid_rows

    def as_json(self) -> dict[str, object]:
        """The REPORT.json of ``dangqun members import --report`` (issue 4's shape + extras)."""
        return {
            "total": self.total,
            "valid": self.valid,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "invalid": [problem.as_json() for problem in self.invalid],
            "warnings": [problem.as_json() for problem in self.warnings],
            "ignored_columns": self.ignored_columns,
            "created_branches": self.created_branches,
            "missing_branches": self.missing_branches,
            "rows_waiting_for_branches": self.rows_waiting_for_branches,
            "notes": self.notes,
            "header_row": self.header_row,
            "sheet": self.sheet_name,
            "written": self.written,
            "dry_run": self.dry_run,
        }


@dataclass
class _Row:
    number: int
    cells: dict[str, tuple[str, object]]
    """field → (header as written in the file, raw cell value)."""
    problems: list[RosterProblem] = field(default_factory=list)
    warnings: list[RosterProblem] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    clean: CleanMember | None = None
    existing: Member | None = None
    markers: dict[str, str] = field(default_factory=dict)
    """field → the 无/—-style mark its cell held (read as empty)."""
    missing_branch: str | None = None

    def value_text(self, field_name: str) -> str:
        raw = self.cells.get(field_name, ("", None))[1]
        if raw is None:
            return ""
        if isinstance(raw, date):
            return f"{raw:%Y-%m-%d}"
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw))
        return str(raw)

    def column(self, field_name: str) -> str:
        if field_name in self.cells:
            return self.cells[field_name][0]
        if field_name == "organization_id":
            return self.cells.get("branch", (glossary.ORGANIZATION, None))[0]
        return FIELD_LABELS.get(field_name, PREFERRED_HEADERS.get(field_name, field_name))

    def problem(self, field_name: str, reason: str) -> None:
        source = "branch" if field_name == "organization_id" else field_name
        self.problems.append(self._finding(field_name, source, reason))

    def warn(self, field_name: str, reason: str) -> None:
        self.warnings.append(self._finding(field_name, field_name, reason))

    def _finding(self, field_name: str, source: str, reason: str) -> RosterProblem:
        return RosterProblem(
            self.number,
            shortened(self.column(field_name)),
            shortened(self.value_text(source)),
            _shortened_quotes(reason),
        )


@dataclass
class _Sheet:
    name: str
    header_row: int
    columns: dict[int, tuple[str, str]]
    """column index → (field, header text)."""
    ignored: list[str]
    rows: list[_Row]


def read_roster(path: Path) -> _Sheet:
    """The first sheet with a recognizable header, its columns and its person rows."""
    table = read_table(
        path,
        SheetLimits("花名册", MAX_ROSTER_ROWS, MAX_ROSTER_COLUMNS),
        _HEADER_LOOKUP,
        lambda fields: {"name", "id_number"} <= fields,
        f"“{shortened(path.name)}”中没有找到表头：前 {HEADER_SEARCH_ROWS} 行里没有同时写有“姓名”和"
        "“公民身份号码”（或“身份证号”）的一行。请检查是否选错了文件。",
    )
    rows = [_Row(row.number, row.cells) for row in table.rows]
    return _Sheet(table.name, table.header_row, table.columns, table.ignored, rows)


def _education(text: str) -> str | None:
    code = EDUCATIONS.lookup(text)
    if code is not None:
        return code
    # 党校/在职 degrees ("中央党校研究生", "省委党校大学") and other wordings, by keyword.
    for keyword, keyword_code in (
        ("研究生", "10"), ("博士", "10"), ("硕士", "10"), ("本科", "20"), ("大学", "20"),
        ("大专", "30"), ("专科", "30"), ("中专", "40"), ("中技", "40"), ("技校", "40"),
        ("职高", "40"), ("高中", "60"), ("初中", "70"), ("小学", "80"),
    ):  # fmt: skip
        if keyword in text:
            return keyword_code
    return None


def _convert(row: _Row, today: date) -> None:
    """Cells → typed values in ``row.values``; a cell that cannot be read is a problem."""
    values = row.values
    for field_name, (_header, raw) in row.cells.items():
        if _blank(raw):
            marker = empty_marker(raw)
            if marker is not None:
                row.markers[field_name] = marker
            continue
        text = _text(raw)
        if field_name in _DATE_FIELDS:
            try:
                values[field_name] = parse_date(raw)
            except ValueError as error:
                row.problem(field_name, str(error))
            else:
                if is_month_only(raw):
                    values[f"{field_name}_month_only"] = True
        elif field_name == "id_number":
            if isinstance(raw, float) or (isinstance(raw, int) and len(str(raw)) >= 16):
                row.problem(
                    field_name,
                    "身份证号被 Excel 存成了数字，后几位已经丢失；请把这一列设为“文本”后"
                    "重新录入这个号码",
                )
                continue
            values[field_name] = text
        elif field_name == "gender_code":
            code = GENDERS.lookup(text)
            if code is None:
                row.problem(field_name, "性别应填“男”或“女”")
            else:
                values[field_name] = code
        elif field_name == "ethnicity_code":
            code = ETHNICITIES.lookup(text)
            if code is None:
                row.problem(field_name, f"民族“{text}”不在 GB 3304 民族表中（如 汉族、彝族）")
            else:
                values[field_name] = code
        elif field_name == "education_code":
            code = _education(text)
            if code is None:
                row.problem(field_name, f"学历“{text}”无法对应 GB/T 4658 学历（如 大学本科、大专）")
            else:
                values[field_name] = code
        elif field_name == "category":
            category = CATEGORIES.lookup(text)
            if category is None:
                row.problem(field_name, "人员类别应填“正式党员”或“预备党员”")
            else:
                values[field_name] = category
        elif field_name == "kind":
            kind = KINDS.lookup(text)
            if kind is None:
                labels = "、".join(item.label for item in KINDS.items)
                row.problem(field_name, f"党员类型应为：{labels}")
            else:
                values[field_name] = kind
        elif field_name == "status":
            status = STATUSES.lookup(text) or (MemberStatus.LEFT if "停止党籍" in text else None)
            if status is None:
                labels = "、".join(item.label for item in STATUSES.items)
                row.problem(field_name, f"党籍状态应为：{labels}")
            else:
                values[field_name] = status
        elif field_name in ("is_floating", "is_lost"):
            if text in YES_WORDS:
                values[field_name] = True
            elif text in NO_WORDS:
                values[field_name] = False
            else:
                row.problem(field_name, "应填“是”或“否”")
        else:
            values[field_name] = text


def _form_for(row: _Row, organization_id: int | None, today: date) -> MemberForm:
    """The record the row describes: the stored one with the row's non-empty cells on top."""
    values = row.values
    existing = row.existing
    base: dict[str, Any] = {}
    if existing is not None:
        base = dict(form_of(existing).__dict__)
    else:
        base = {"name": "", "id_number": ""}
    birth = values.get("birth_date")
    if birth is not None and values.get("birth_date_month_only"):
        # 出生年月 names a month: it agrees with the number if the month is the number's.
        facts, _errors = check_id_number(values.get("id_number"), today)
        if facts is not None and (facts.birth_date.year, facts.birth_date.month) == (
            birth.year,
            birth.month,
        ):
            values["birth_date"] = facts.birth_date
    for field_name in ("name", "id_number", "ethnicity_code", "gender_code", "birth_date",
                       "education_code", "joined_on", "confirmed_on", "registered_on",
                       "lost_contact_on", "phone", *_TEXT_FIELDS):  # fmt: skip
        if field_name in values:
            base[field_name] = values[field_name]
    if "status" in values:
        base["status"] = values["status"]
    if "branch" in values:
        base["organization_id"] = organization_id
    # Kind: the column if there is one; else 是否流动党员 + 外出流向 mean 流出; else as stored.
    if "kind" in values:
        base["kind"] = values["kind"]
    elif values.get("is_floating") and values.get("outflow_destination"):
        base["kind"] = MemberKind.FLOATING_OUT
    elif existing is None:
        base["kind"] = MemberKind.LOCAL
    # Category: the column; else the roster's 转正时间 decides (filled: 正式, empty: 预备, as the
    # national record reads it; an empty cell keeps what is stored); a roster without either
    # makes a new person 预备 only while the year of probation is not over.
    if "category" in values:
        base["category"] = values["category"]
    elif values.get("confirmed_on") is not None:
        base["category"] = MemberCategory.FULL
    elif "confirmed_on" in row.cells:
        if existing is None:
            base["category"] = MemberCategory.PROBATIONARY
    elif existing is None:
        joined = values.get("joined_on")
        probation_over = joined is None or date(joined.year + 1, joined.month, 1) <= today
        base["category"] = MemberCategory.FULL if probation_over else MemberCategory.PROBATIONARY
    if values.get("is_lost") and values.get("lost_contact_on") is None and existing is None:
        row.warn("is_lost", "标记为失联，但没有填写失联日期")
    return MemberForm(**base)


def _branch_index(session: Session) -> dict[str, list[Organization]]:
    index: dict[str, list[Organization]] = {}
    holders = session.scalars(
        select(Organization).where(Organization.level.in_([lv.value for lv in MEMBER_LEVELS]))
    )
    for organization in holders:
        index.setdefault(_branch_key(organization.name), []).append(organization)
    return index


def _branch_key(name: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", clean_text(name)))


def _validate_rows(
    session: Session, sheet: _Sheet, create_branches: bool, today: date
) -> tuple[dict[str, str], list[str]]:
    """Validate every row; returns (branch key → name to create, names to create in order)."""
    branches = _branch_index(session)
    to_create: dict[str, str] = {}
    ids_seen: dict[str, int] = {}
    rows = sheet.rows
    for row in rows:
        _convert(row, today)
    numbers = {
        normalize_id_number(row.values["id_number"]) for row in rows if row.values.get("id_number")
    }
    existing = _existing_members(session, numbers)
    for row in rows:
        organization_id: int | None = None
        branch_name = row.values.get("branch")
        if branch_name:
            key = _branch_key(branch_name)
            found = branches.get(key, [])
            if len(found) == 1:
                organization_id = found[0].id
            elif len(found) > 1:
                row.problem(
                    "branch", f"有 {len(found)} 个组织都叫“{branch_name}”，无法确定是哪一个"
                )
            elif create_branches:
                to_create.setdefault(key, clean_text(branch_name))
                organization_id = PLACEHOLDER_BRANCH_ID
            else:
                row.missing_branch = clean_text(branch_name)
                row.problem("branch", f"党支部“{branch_name}”不存在，需要先建立")
        row.existing = existing.get(normalize_id_number(row.values.get("id_number")))
        form = _form_for(row, organization_id, today)
        try:
            clean = validate_member(form, today)
        except ValidationError as error:
            # Every field at once, but a cell already found unreadable is reported only once.
            reported = {_field_of(problem, row) for problem in row.problems}
            for item in error.errors:
                if item.field not in reported:
                    row.problem(item.field, _with_marker(row, item.field, item.message))
            continue
        if row.problems:
            continue
        for warning in clean.warnings:
            row.warn(warning.field, warning.message)
        first = ids_seen.setdefault(clean.id_number, row.number)
        if first != row.number:
            row.problem("id_number", f"与第 {first} 行的身份号码相同（同一人只能有一行）")
            continue
        row.clean = clean
    return to_create, list(to_create.values())


def _with_marker(row: _Row, field_name: str, message: str) -> str:
    """A required field whose cell says 无 or — is missing, and the reason says why it counts
    as empty: "“无”按未填写处理，请填写姓名"."""
    marker = row.markers.get("branch" if field_name == "organization_id" else field_name)
    if marker is None:
        return message
    return f"“{marker}”按未填写处理，{message}"


def _notes(sheet: _Sheet) -> list[str]:
    """How 人员类别 was decided, said once for the file (issue 11)."""
    columns = {field_name for field_name, _header in sheet.columns.values()}
    category = glossary.CATEGORY
    full = MEMBER_CATEGORY_LABELS[MemberCategory.FULL]
    probationary = MEMBER_CATEGORY_LABELS[MemberCategory.PROBATIONARY]
    confirmed = next(
        (header for field_name, header in sheet.columns.values() if field_name == "confirmed_on"),
        glossary.CONFIRMED_ON,
    )
    by_confirmation = (
        f"填有“{confirmed}”的按{full}、“{confirmed}”为空的按{probationary}导入（已在册的人"
        f"“{confirmed}”为空时保持原来的{category}）。"
    )
    if "category" not in columns:
        if "confirmed_on" in columns:
            return [f"花名册没有“{category}”列：{by_confirmation}"]
        return [
            f"花名册没有“{category}”和“{confirmed}”列：新登记的人入党满一年的按{full}、"
            f"不满一年的按{probationary}导入。"
        ]
    unfilled = sum(1 for row in sheet.rows if "category" not in row.values)
    if unfilled and "confirmed_on" in columns:
        return [f"有 {unfilled} 行没有填写“{category}”：{by_confirmation}"]
    return []


def _field_of(problem: RosterProblem, row: _Row) -> str:
    for field_name, (header, _raw) in row.cells.items():
        if header == problem.column:
            return "organization_id" if field_name == "branch" else field_name
    return problem.column


def _existing_members(session: Session, numbers: set[str]) -> dict[str, Member]:
    found: dict[str, Member] = {}
    ordered = sorted(numbers)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        for member in session.scalars(select(Member).where(Member.id_number.in_(chunk))):
            found[member.id_number] = member
    return found


def _community_for_new_branches(session: Session) -> Organization:
    community = session.scalar(
        select(Organization)
        .where(Organization.level == OrganizationLevel.COMMUNITY.value)
        .order_by(Organization.sort_order, Organization.id)
        .limit(1)
    )
    if community is None:
        raise RosterError(
            "组织结构中还没有社区党组织，无法自动建立党支部。请先在“组织架构”中建立社区党组织。"
        )
    return community


ProgressCallback = Callable[[int, int], None]


def import_roster(
    database: Database,
    actor: Actor,
    path: Path,
    mode: ImportMode = ImportMode.NOTHING_IF_INVALID,
    create_branches: bool = False,
    dry_run: bool = False,
    today: date | None = None,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Check and (unless ``dry_run``) import a roster; see the module docstring.

    ``dry_run`` writes the valid rows, counts, then rolls it all back: its counts are what
    importing the valid rows would do, in either ``mode`` (with ``NOTHING_IF_INVALID`` and an
    invalid row the real import writes nothing; the caller says so). The UI shows this report
    first and lets the user choose.
    """
    actor.require(Permission.EDIT_RECORDS)
    today = today or local_today()
    sheet = read_roster(Path(path))
    report = ImportReport(
        file_name=Path(path).name,
        sheet_name=sheet.name,
        header_row=sheet.header_row,
        total=len(sheet.rows),
        ignored_columns=sheet.ignored,
        dry_run=dry_run,
        mode=mode,
    )
    with database.unit_of_work(actor) as work:
        session = work.session
        _to_create, new_branch_names = _validate_rows(session, sheet, create_branches, today)
        valid_rows = [row for row in sheet.rows if row.clean is not None and not row.problems]
        report.valid = len(valid_rows)
        report.notes = _notes(sheet)
        for row in sheet.rows:
            report.invalid.extend(row.problems)
            report.warnings.extend(row.warnings)
            if row.missing_branch is not None:
                if row.missing_branch not in report.missing_branches:
                    report.missing_branches.append(row.missing_branch)
                if len(row.problems) == 1:
                    report.rows_waiting_for_branches += 1
        refused = report.valid < report.total and mode is ImportMode.NOTHING_IF_INVALID
        if not valid_rows or (refused and not dry_run):
            return report
        _write(work, valid_rows, new_branch_names, report, today, progress)
        work.audit(
            "members.import",
            "roster",
            report.file_name,
            None,
            {
                "file": report.file_name,
                "mode": mode.value,
                "total": report.total,
                "valid": report.valid,
                "imported": report.imported,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "created_branches": report.created_branches,
            },
        )
        if dry_run:
            return report
        work.commit()
        report.written = True
    return report


def _write(
    work: UnitOfWork,
    rows: list[_Row],
    new_branch_names: list[str],
    report: ImportReport,
    today: date,
    progress: ProgressCallback | None,
) -> None:
    session = work.session
    created_ids: dict[str, int] = {}
    if new_branch_names and any(
        row.clean is not None and row.clean.organization_id == PLACEHOLDER_BRANCH_ID for row in rows
    ):
        community = _community_for_new_branches(session)
        for name in new_branch_names:
            organization = add_organization_in(
                work, community.id, name, OrganizationLevel.GRID_BRANCH
            )
            created_ids[_branch_key(name)] = organization.id
            report.created_branches.append(name)
    new: list[CleanMember] = []
    for done, row in enumerate(rows, 1):
        clean = row.clean
        assert clean is not None
        if clean.organization_id == PLACEHOLDER_BRANCH_ID:
            branch_key = _branch_key(str(row.values.get("branch", "")))
            clean = _with_organization(clean, created_ids[branch_key])
        if row.existing is None:
            new.append(clean)
        elif update_member_in(work, row.existing, clean, today):
            report.updated += 1
        else:
            report.unchanged += 1
        if progress is not None and done % 500 == 0:
            progress(done, len(rows))
    create_members_in(work, new, today)
    report.imported = len(new)
    session.flush()
    if progress is not None:
        progress(len(rows), len(rows))


def _with_organization(clean: CleanMember, organization_id: int) -> CleanMember:
    from dataclasses import replace

    return replace(clean, organization_id=organization_id)
