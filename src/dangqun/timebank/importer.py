"""Importing service records from a paper sign-in sheet typed into Excel (issue 13, "Import from a
sign-in sheet"; DOMAIN.md §3).

A center hands out 签到表 at an activity and types them up later: one line per volunteer and
service — 姓名, 公民身份号码 or 志愿者编号, 服务日期, 开始时间, 结束时间, 服务类别, 服务对象,
服务内容, 登记单号 — header names in any order and wording (志愿者编号/编号, 签到时间/开始时间 …,
:data:`HEADER_SYNONYMS`), a title row above, extra columns (序号, 签名) ignored. Like the roster
import (:mod:`dangqun.members.importer`, whose sheet reading and bomb limits are shared in
:mod:`dangqun.core.spreadsheets`) the importer

1. reads every row and checks it with the core's own rules — :func:`~dangqun.timebank.records.
   check_service`, the validation of :func:`~dangqun.timebank.service.record_service` and
   ``record_batch``, against the database *and* the rows above it (overlaps, daily and yearly
   caps, 24 hours a day, slip numbers, future services, closed or suspended accounts);
2. reports each problem as (Excel's row number, the column as the file names it, the cell, the
   reason in Chinese);
3. writes nothing, or only the valid rows (``--skip-invalid``), in ONE transaction for the whole
   sheet; records enter as 待核实 like hand-entered ones and share one ``batch_uuid``, so the
   import can be listed (``RecordQuery(batch_uuid=…)``); one audit entry
   (``timebank.record.import``) carries the counts.

Who served: the row's 志愿者编号 when given, else its 公民身份号码 — an account holder's (a
resident's) or a member's who has an account. Anyone else is refused unless ``open_accounts``:
then an account is opened in the same transaction — linked to the member when the number is a
member's, else a resident with the row's name and number, checked by the same rules as the
account form (:func:`~dangqun.timebank.volunteers.validate_volunteer`; each opening audited as
``timebank.volunteer.open``). A 姓名 that differs from the account's is refused: a sheet with
the wrong number next to a name must not credit someone else.

Importing the same sheet again adds nothing. A row is 已导入过 (reported, not written, not an
error) when a record of the same volunteer, date, start and end exists, whatever its state (a
rejected or reversed one included: the slip was entered once) — and when the row has a slip
number, that record must carry it; a slip number already used for another service is the
core's refusal ("已登记过"). Two lines of the same volunteer, date and times within one sheet
are refused as one service written twice.

Across midnight: a 跨午夜 column (是/否) says so; without it "22:00–02:00" is refused like the
form refuses it. 服务对象类型 (居民, 家庭, 微心愿, 活动, 阵地预约) is optional, 居民 by default.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.model_base import new_uuid
from dangqun.core.parsing import (
    check_id_number,
    clean_text,
    is_month_only,
    normalize_name,
    parse_date,
)
from dangqun.core.security import Actor, Permission
from dangqun.core.spreadsheets import (
    HEADER_SEARCH_ROWS,
    ImportMode,
    SheetError,
    SheetLimits,
    SheetProblem,
    cell_text,
    header_lookup,
    is_blank,
    read_table,
    shortened,
    shortened_quotes,
    shown_value,
)
from dangqun.core.uow import UnitOfWork
from dangqun.timebank.models import ServiceCategory, ServiceRecord, Volunteer
from dangqun.timebank.records import (
    CleanService,
    Planned,
    ServiceForm,
    check_service,
    new_record,
)
from dangqun.timebank.vocabulary import (
    BENEFICIARY_KIND_LABELS,
    RECORD_STATUS_LABELS,
    BeneficiaryKind,
    RecordStatus,
)
from dangqun.timebank.volunteers import (
    MEMBERS,
    VolunteerForm,
    new_volunteer,
    person_of,
    validate_volunteer,
    volunteer_values,
)

MAX_SHEET_ROWS = 50_000
"""A sign-in sheet is a day's or a month's lines; 50,000 (far above a 2,000-row month of a big
center) keeps a mistaken file from holding the database for minutes."""
PROGRESS_EVERY = 100

HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "志愿者姓名"),
    "id_number": (
        "公民身份号码", "身份证号", "身份证号码", "公民身份证号码", "身份号码", "身份证",
        "公民身份证号", "证件号码",
    ),
    "volunteer_number": ("志愿者编号", "志愿者号", "编号"),
    "served_on": ("服务日期", "日期", "活动日期"),
    "starts_at": ("开始时间", "签到时间", "开始"),
    "ends_at": ("结束时间", "签退时间", "结束"),
    "crosses_midnight": ("跨午夜", "是否跨午夜"),
    "category": ("服务类别", "服务类型"),
    "beneficiary_kind": ("服务对象类型",),
    "beneficiary": ("服务对象",),
    "content": ("服务内容", "内容", "服务项目"),
    "slip_number": ("登记单号", "单号", "登记单编号"),
    "notes": ("备注",),
}  # fmt: skip
PREFERRED_HEADERS = {name: headers[0] for name, headers in HEADER_SYNONYMS.items()}
REQUIRED_COLUMNS = ("served_on", "starts_at", "ends_at", "category", "beneficiary", "content")
_LOOKUP = header_lookup(HEADER_SYNONYMS)
_YES = frozenset({"是", "Y", "YES", "√", "✓", "1"})
_NO = frozenset({"否", "N", "NO", "×", "0"})
_TIME = re.compile(r"^(\d{1,2})\s*(?:[:.点时]\s*(\d{1,2})?\s*分?)?$")
_COMPACT_TIME = re.compile(r"^(\d{2})(\d{2})$")
_TICK_MIDNIGHT = "请勾选“跨午夜”"
_SHEET_MIDNIGHT = "请在“跨午夜”列填“是”"
_FIELD_COLUMNS = {
    "volunteer_id": "volunteer",
    "category_id": "category",
    "minutes": "ends_at",
}
"""The core's form fields → the sheet's (the duration is read from the end time)."""


def _is_header(fields: set[str]) -> bool:
    return "name" in fields and bool({"id_number", "volunteer_number"} & fields)


@dataclass
class ServiceImportReport:
    """What a check or an import of a sign-in sheet found and did.

    ``valid`` rows are importable or 已导入过 (``already_imported``, listed in ``warnings`` with
    their earlier record); ``imported`` are the records written (or, in a dry run, that importing
    the valid rows would write, in either mode — with ``NOTHING_IF_INVALID`` and an invalid row
    the real import writes nothing, and the caller says so).
    """

    file_name: str
    sheet_name: str = ""
    header_row: int = 0
    total: int = 0
    valid: int = 0
    imported: int = 0
    already_imported: int = 0
    minutes: int = 0
    """Minutes of the records imported (pending: they count once verified)."""
    opened_accounts: list[str] = field(default_factory=list)
    """``ZY202600012 刘桂兰`` for each account opened (``open_accounts``)."""
    invalid: list[SheetProblem] = field(default_factory=list)
    warnings: list[SheetProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    batch_uuid: str | None = None
    """The records' ``batch_uuid`` once written."""
    written: bool = False
    dry_run: bool = False
    mode: ImportMode = ImportMode.NOTHING_IF_INVALID

    @property
    def invalid_rows(self) -> int:
        return self.total - self.valid

    @property
    def all_valid(self) -> bool:
        return self.valid == self.total

    def as_json(self) -> dict[str, object]:
        """The REPORT.json of ``dangqun timebank import-services --report`` (the roster
        report's shape: total, valid, invalid rows with row/column/value/reason)."""
        return {
            "total": self.total,
            "valid": self.valid,
            "imported": self.imported,
            "already_imported": self.already_imported,
            "minutes": self.minutes,
            "opened_accounts": self.opened_accounts,
            "invalid": [problem.as_json() for problem in self.invalid],
            "warnings": [problem.as_json() for problem in self.warnings],
            "ignored_columns": self.ignored_columns,
            "header_row": self.header_row,
            "sheet": self.sheet_name,
            "batch": self.batch_uuid,
            "written": self.written,
            "dry_run": self.dry_run,
        }


@dataclass
class _Row:
    number: int
    cells: dict[str, tuple[str, object]]
    problems: list[SheetProblem] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    def column(self, name: str) -> str:
        if name == "volunteer":
            name = next(
                (key for key in ("volunteer_number", "id_number", "name") if key in self.cells),
                "name",
            )
        if name in self.cells:
            return self.cells[name][0]
        return PREFERRED_HEADERS.get(name, name)

    def finding(self, name: str, reason: str) -> SheetProblem:
        source = self.column(name)
        raw = next((raw for header, raw in self.cells.values() if header == source), None)
        return SheetProblem(
            self.number,
            shortened(source),
            shortened(shown_value(raw)),
            shortened_quotes(reason),
        )

    def problem(self, name: str, reason: str) -> None:
        self.problems.append(self.finding(_FIELD_COLUMNS.get(name, name), reason))


def read_sign_in_sheet(path: Path) -> tuple[str, int, list[str], list[_Row]]:
    """(sheet name, header row, ignored columns, rows) of the first sheet with a header."""
    table = read_table(
        path,
        SheetLimits("签到表", MAX_SHEET_ROWS),
        _LOOKUP,
        _is_header,
        f"“{shortened(path.name)}”中没有找到表头：前 {HEADER_SEARCH_ROWS} 行里没有同时写有“姓名”和"
        "“公民身份号码”（或“志愿者编号”）的一行。请检查是否选错了文件。",
    )
    present = {name for name, _header in table.columns.values()}
    missing = [PREFERRED_HEADERS[name] for name in REQUIRED_COLUMNS if name not in present]
    if missing:
        raise SheetError(
            f"“{shortened(path.name)}”的表头（第 {table.header_row} 行）缺少这些列："
            f"{'、'.join(missing)}。签到表须有：姓名、公民身份号码或志愿者编号、"
            f"{'、'.join(PREFERRED_HEADERS[name] for name in REQUIRED_COLUMNS)}，登记单号可选。"
        )
    rows = [_Row(row.number, row.cells) for row in table.rows]
    return table.name, table.header_row, table.ignored, rows


def parse_time(raw: object) -> time:
    """A time cell: Excel's time (or date-time, or fraction of a day), ``9:00``, ``9：30``,
    ``9.30``, ``9点30分``, ``0930``; seconds are dropped. ``ValueError`` with a Chinese reason."""
    if isinstance(raw, datetime):
        return raw.time().replace(second=0, microsecond=0)
    if isinstance(raw, time):
        return raw.replace(second=0, microsecond=0)
    if isinstance(raw, bool):
        raise ValueError(f"无法识别的时间“{raw}”（可写作 9:00、14:30）")
    if isinstance(raw, int | float) and 0 <= raw < 1:
        minutes = round(raw * 24 * 60)
        if minutes < 24 * 60:
            return time(minutes // 60, minutes % 60)
    text = unicodedata.normalize("NFKC", cell_text(raw)).replace(" ", "")
    match = _TIME.match(text) or _COMPACT_TIME.match(text)
    if match is None:
        raise ValueError(f"无法识别的时间“{text}”（可写作 9:00、14:30）")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"时间“{text}”不存在（时 0–23，分 0–59）")
    return time(hour, minute)


def _convert(row: _Row, categories: dict[str, ServiceCategory], today: date) -> None:
    """Cells → typed values in ``row.values``; a cell that cannot be read is a problem."""
    values = row.values
    for name, (_header, raw) in row.cells.items():
        if is_blank(raw):
            continue
        text = cell_text(raw)
        if name == "served_on":
            try:
                values[name] = parse_date(raw)
            except ValueError as error:
                row.problem(name, str(error))
                continue
            if is_month_only(raw):
                row.problem(name, "服务日期要写到哪一天（如 2026-11-20）")
                del values[name]
        elif name in ("starts_at", "ends_at"):
            try:
                values[name] = parse_time(raw)
            except ValueError as error:
                row.problem(name, str(error))
        elif name == "id_number":
            if isinstance(raw, float) or (isinstance(raw, int) and len(str(raw)) >= 16):
                row.problem(
                    name,
                    "身份证号被 Excel 存成了数字，后几位已经丢失；请把这一列设为“文本”后"
                    "重新录入这个号码",
                )
                continue
            facts, errors = check_id_number(text, today)
            if facts is None:
                row.problem(name, errors[0])
            else:
                values[name] = facts.number
        elif name == "category":
            category = categories.get(_key(text))
            if category is None:
                known = "、".join(c.name for c in categories.values() if not c.retired)
                row.problem(name, f"服务类别“{text}”不在类别表中（可选：{known}）")
            else:
                values[name] = category.id
        elif name == "beneficiary_kind":
            kind = next((k for k, label in BENEFICIARY_KIND_LABELS.items() if label == text), None)
            if kind is None:
                labels = "、".join(BENEFICIARY_KIND_LABELS.values())
                row.problem(name, f"服务对象类型应为：{labels}")
            else:
                values[name] = kind
        elif name == "crosses_midnight":
            if text.upper() in _YES:
                values[name] = True
            elif text.upper() in _NO:
                values[name] = False
            else:
                row.problem(name, "跨午夜应填“是”或“否”")
        elif name == "volunteer_number":
            values[name] = text.upper().replace(" ", "")
        elif name == "name":
            values[name] = normalize_name(text)
        else:
            values[name] = text
    reported = {problem.column for problem in row.problems}
    for name in ("served_on", "starts_at", "ends_at", "category"):
        if name not in values and row.column(name) not in reported:
            row.problem(name, f"请填写{PREFERRED_HEADERS[name]}")
    identified = values.get("volunteer_number") or values.get("id_number")
    if not identified and row.column("id_number") not in reported:
        row.problem("volunteer", "请填写志愿者编号或公民身份号码，才能确定是谁服务的")


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", clean_text(text)))


@dataclass
class _Who:
    """Who served on a row: an account (``volunteer_id``) or one to open (``opening``)."""

    volunteer_id: int | None = None
    opening: VolunteerForm | None = None
    id_number: str | None = None


CHUNK = 500
"""Values per ``IN (…)``: well under SQLite's limit on bound parameters."""


def _chunks(values: set[Any]) -> list[list[Any]]:
    ordered = sorted(values)
    return [ordered[start : start + CHUNK] for start in range(0, len(ordered), CHUNK)]


class _People:
    """Finds each row's volunteer. The sheet's numbers are looked up in a few queries before the
    rows are checked (a 2,000-row sheet names a few hundred people), and the accounts stay
    referenced, so the core's checks find them in the session without asking the database."""

    def __init__(self, session: Session, open_accounts: bool, rows: list[_Row]) -> None:
        self.session = session
        self.open_accounts = open_accounts
        numbers = {
            row.values["volunteer_number"] for row in rows if "volunteer_number" in row.values
        }
        ids = {row.values["id_number"] for row in rows if "id_number" in row.values}
        self.by_number: dict[str, Volunteer] = {}
        self.by_id_number: dict[str, Volunteer] = {}
        self.members: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(numbers):
            for volunteer in session.scalars(select(Volunteer).where(Volunteer.number.in_(chunk))):
                self.by_number[volunteer.number] = volunteer
        for chunk in _chunks(ids):
            for volunteer in session.scalars(
                select(Volunteer).where(Volunteer.id_number.in_(chunk))
            ):
                assert volunteer.id_number is not None
                self.by_id_number[volunteer.id_number] = volunteer
            query = select(MEMBERS.c.id, MEMBERS.c.name, MEMBERS.c.id_number).where(
                MEMBERS.c.id_number.in_(chunk)
            )
            for member_id, name, number in session.execute(query):
                self.members[number.upper()] = (member_id, name)
        member_ids = {member_id: number for number, (member_id, _name) in self.members.items()}
        for chunk in _chunks(set(member_ids)):
            for volunteer in session.scalars(
                select(Volunteer).where(Volunteer.member_id.in_(chunk))
            ):
                assert volunteer.member_id is not None
                self.by_id_number[member_ids[volunteer.member_id]] = volunteer
        self.names: dict[int, tuple[str, str]] = {}
        """volunteer id → (name, ID number), read once."""

    def person(self, volunteer: Volunteer) -> tuple[str, str]:
        if volunteer.id not in self.names:
            person = person_of(self.session, volunteer)
            self.names[volunteer.id] = (person.name, (person.id_number or "").upper())
        return self.names[volunteer.id]

    def who(self, row: _Row) -> _Who | None:
        values = row.values
        number, id_number = values.get("volunteer_number"), values.get("id_number")
        if number:
            volunteer = self.by_number.get(number)
            if volunteer is None:
                row.problem("volunteer_number", f"没有编号为“{number}”的志愿者")
                return None
            name, stored = self.person(volunteer)
            if id_number and stored != id_number:
                row.problem("id_number", f"这个身份号码与志愿者 {volunteer.number} 的账户不符")
                return None
            return self.named(row, volunteer, name)
        assert id_number
        volunteer = self.by_id_number.get(id_number)
        if volunteer is not None:
            return self.named(row, volunteer, self.person(volunteer)[0])
        member = self.members.get(id_number)
        if not self.open_accounts:
            whose = f"党员 {member[1]} " if member is not None else "这个人"
            row.problem(
                "id_number",
                f"{whose}还没有开立时间银行账户；请先开户，或导入时选择“为未开户的人开户”",
            )
            return None
        if member is not None:
            if not self._same_name(row, member[1]):
                return None
            return _Who(opening=VolunteerForm(member_id=member[0]), id_number=id_number)
        return _Who(
            opening=VolunteerForm(name=values.get("name"), id_number=id_number),
            id_number=id_number,
        )

    def opened(self, id_number: str, volunteer: Volunteer) -> None:
        self.by_id_number[id_number] = volunteer

    def named(self, row: _Row, volunteer: Volunteer, name: str) -> _Who | None:
        if not self._same_name(row, name, volunteer.number):
            return None
        return _Who(volunteer_id=volunteer.id)

    @staticmethod
    def _same_name(row: _Row, name: str, number: str | None = None) -> bool:
        given = row.values.get("name")
        if given and normalize_name(name) != given:
            whose = f"志愿者 {number} " if number else "这个身份号码的党员"
            row.problem("name", f"姓名与{whose}登记的姓名“{name}”不符，请核对")
            return False
        return True


def _categories(session: Session) -> dict[str, ServiceCategory]:
    return {_key(category.name): category for category in session.scalars(select(ServiceCategory))}


_Key = tuple[int, date, time, time]


def _earlier_records(session: Session, forms: list[ServiceForm]) -> dict[_Key, ServiceRecord]:
    """The stored records these rows may already be: same volunteer, date, start and end (any
    state), in one query per 500 volunteers over the sheet's dates."""
    if not forms:
        return {}
    first = min(form.served_on for form in forms)
    last = max(form.served_on for form in forms)
    found: dict[_Key, ServiceRecord] = {}
    for chunk in _chunks({form.volunteer_id for form in forms}):
        query = select(ServiceRecord).where(
            ServiceRecord.volunteer_id.in_(chunk),
            ServiceRecord.served_on >= first,
            ServiceRecord.served_on <= last,
        )
        for record in session.scalars(query.order_by(ServiceRecord.id)):
            key = (record.volunteer_id, record.served_on, record.starts_at, record.ends_at)
            found.setdefault(key, record)
    return found


def _stored_slips(session: Session, rows: list[_Row]) -> dict[str, date]:
    """The sheet's slip numbers already used (as the core writes them: upper case), with the
    date of their service, so the core's slip rule need not ask for each row."""
    slips = {clean_text(row.values.get("slip_number")).upper() for row in rows} - {""}
    used: dict[str, date] = {}
    for chunk in _chunks(slips):
        query = select(ServiceRecord.slip_number, ServiceRecord.served_on).where(
            ServiceRecord.slip_number.in_(chunk)
        )
        used.update({slip: served_on for slip, served_on in session.execute(query) if slip})
    return used


def _form(row: _Row, volunteer_id: int) -> ServiceForm:
    values = row.values
    return ServiceForm(
        volunteer_id=volunteer_id,
        category_id=values["category"],
        served_on=values["served_on"],
        starts_at=values["starts_at"],
        ends_at=values["ends_at"],
        beneficiary_kind=values.get("beneficiary_kind", BeneficiaryKind.RESIDENT),
        beneficiary=values.get("beneficiary", ""),
        content=values.get("content", ""),
        crosses_midnight=values.get("crosses_midnight", False),
        slip_number=values.get("slip_number"),
        notes=values.get("notes"),
    )


def _refused(row: _Row, error: ValidationError) -> None:
    """The core's reasons, worded for a sheet where the form says "tick 跨午夜"."""
    for item in error.errors:
        row.problem(item.field, item.message.replace(_TICK_MIDNIGHT, _SHEET_MIDNIGHT))


ProgressCallback = Callable[[int, int], None]


@dataclass
class _Outcome:
    services: list[CleanService] = field(default_factory=list)
    opened: list[Volunteer] = field(default_factory=list)


def _check_rows(
    work: UnitOfWork,
    rows: list[_Row],
    report: ServiceImportReport,
    open_accounts: bool,
    now: datetime,
    progress: ProgressCallback | None,
) -> _Outcome:
    """Every row through the core's rules, in order; accounts to open are opened in a savepoint
    that a refused row rolls back, so only rows that import open accounts."""
    session = work.session
    today = now.date()
    categories = _categories(session)
    for row in rows:
        _convert(row, categories, today)
    readable = [row for row in rows if not row.problems]
    people = _People(session, open_accounts, readable)
    found = [(row, who) for row in readable if (who := people.who(row)) is not None]
    earlier = _earlier_records(
        session, [_form(row, who.volunteer_id) for row, who in found if who.volunteer_id]
    )
    planned = Planned(stored_slips=_stored_slips(session, readable))
    outcome = _Outcome()
    seen: dict[_Key, int] = {}
    for done, (row, who) in enumerate(found, 1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(found))
        if who.id_number is not None and who.id_number in people.by_id_number:
            # Opened for an earlier row of this sheet.
            opened = people.by_id_number[who.id_number]
            named = people.named(row, opened, people.person(opened)[0])
            if named is None:
                continue
            who = named
        if who.volunteer_id is not None:
            form = _form(row, who.volunteer_id)
            key = (who.volunteer_id, form.served_on, form.starts_at, form.ends_at)
            if key in seen:
                row.problem(
                    "starts_at",
                    f"与第 {seen[key]} 行是同一次服务（同一志愿者、日期和起止时间），请删去一行",
                )
                continue
            record = earlier.get(key)
            slip = clean_text(form.slip_number).upper() or None
            if record is not None and (slip is None or record.slip_number == slip):
                seen[key] = row.number
                report.already_imported += 1
                report.warnings.append(row.finding("starts_at", _already(record)))
                continue
            try:
                clean = check_service(session, form, now, planned)
            except ValidationError as error:
                _refused(row, error)
                continue
            seen[key] = row.number
            planned.services.append(clean)
            continue
        assert who.opening is not None and who.id_number is not None
        try:
            with session.begin_nested():
                volunteer = new_volunteer(
                    session, validate_volunteer(session, who.opening, today, None), today
                )
                clean = check_service(session, _form(row, volunteer.id), now, planned)
        except ValidationError as error:
            _refused(row, error)
            continue
        people.opened(who.id_number, volunteer)
        seen[(volunteer.id, clean.served_on, clean.starts_at, clean.ends_at)] = row.number
        planned.services.append(clean)
        outcome.opened.append(volunteer)
    outcome.services = planned.services
    return outcome


def _already(record: ServiceRecord) -> str:
    slip = f"，登记单号 {record.slip_number}" if record.slip_number else ""
    status = RECORD_STATUS_LABELS[RecordStatus(record.status)]
    return (
        f"已导入过：{record.served_on:%Y-%m-%d} {record.starts_at:%H:%M}–{record.ends_at:%H:%M}"
        f"{slip}，{status}（记录编号 {record.id}），这一行不再重复导入"
    )


def import_services(
    database: Database,
    actor: Actor,
    path: Path,
    mode: ImportMode = ImportMode.NOTHING_IF_INVALID,
    *,
    open_accounts: bool = False,
    dry_run: bool = False,
    now: datetime | None = None,
    progress: ProgressCallback | None = None,
) -> ServiceImportReport:
    """Check and (unless ``dry_run``) import a sign-in sheet; see the module docstring.

    One unit of work: a dry run does everything and rolls it back, so its counts are what
    importing the valid rows would do. ``now``: the local time "future" is judged against.
    Raises :class:`~dangqun.core.spreadsheets.SheetError` when the file is no sign-in sheet.
    """
    actor.require(Permission.EDIT_RECORDS)
    now = now or datetime.now().replace(second=0, microsecond=0)
    path = Path(path)
    sheet_name, header_row, ignored, rows = read_sign_in_sheet(path)
    report = ServiceImportReport(
        file_name=path.name,
        sheet_name=sheet_name,
        header_row=header_row,
        total=len(rows),
        ignored_columns=ignored,
        dry_run=dry_run,
        mode=mode,
    )
    with database.unit_of_work(actor) as work:
        outcome = _check_rows(work, rows, report, open_accounts, now, progress)
        for row in rows:
            report.invalid.extend(row.problems)
        report.valid = sum(1 for row in rows if not row.problems)
        report.imported = len(outcome.services)
        report.minutes = sum(service.minutes for service in outcome.services)
        report.opened_accounts = [_account_label(work.session, v) for v in outcome.opened]
        report.warnings.sort(key=lambda problem: problem.row)
        refused = not report.all_valid and mode is ImportMode.NOTHING_IF_INVALID
        if not outcome.services or (refused and not dry_run):
            return report
        batch_uuid = new_uuid()
        for volunteer in outcome.opened:
            work.audit(
                "timebank.volunteer.open",
                "timebank_volunteer",
                volunteer.id,
                None,
                volunteer_values(volunteer),
            )
        for service in outcome.services:
            new_record(work.session, actor, service, batch_uuid)
        work.session.flush()
        work.audit(
            "timebank.record.import",
            "timebank_import",
            batch_uuid,
            None,
            {
                "file": report.file_name,
                "mode": mode.value,
                "total": report.total,
                "valid": report.valid,
                "records": report.imported,
                "already_imported": report.already_imported,
                "invalid": report.invalid_rows,
                "total_minutes": report.minutes,
                "opened_accounts": [volunteer.number for volunteer in outcome.opened],
            },
        )
        if progress is not None:
            progress(len(rows), len(rows))
        if dry_run:
            return report
        work.commit()
        report.batch_uuid = batch_uuid
        report.written = True
    return report


def _account_label(session: Session, volunteer: Volunteer) -> str:
    return f"{volunteer.number} {person_of(session, volunteer).name}"
