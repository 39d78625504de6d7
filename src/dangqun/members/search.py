"""As-you-type member search and the paged list behind the 党员管理 page.

What a front desk types decides what is matched (DOMAIN.md §1):

* Chinese characters, Simplified or Traditional → the name (converted to Simplified, like
  the stored ``name_simplified``): names starting with it, then names containing it;
* letters → pinyin initials (``zsf`` → 张三丰) or full pinyin (``zhangsanf``), from the start;
* digits (an ``X`` may end them) → a phone starting (3+ digits) or ending (4+) with them, an ID
  number ending with them (4+, "身份证后四位") or starting with them (6+).

Text that is nothing but separators (a lone ``'``, ``-`` or ``..``) matches nobody, and says so
(:attr:`MemberPage.hint`); only a box left empty lists everyone. Text a terminal could not
decode (invalid UTF-8 arrives as lone surrogates) is refused on the field ``query``.

A role that may not see personal data (issue 10) finds people by ID number or phone only with
the *whole* value: matching part of the hidden digits would answer "is the next digit a 7?",
and ten or fourteen searches would spell out a number the list masks. Each such search is
audited (``member.search_personal_data``) with the masked value and the people it found, never
the number typed. Sorted by birth date, that role's list is ordered by birth year-month and then
by name, so the order of the rows does not tell the days the list hides.

Every text match is a prefix search on an indexed column (migration 0002), so each answers in
milliseconds on 100,000 members; only "name contains" scans, and it scans the small name index
rather than the table. Filters: organization *including everything below it*, kinds,
categories, statuses. Results are sorted (by pinyin of the name by default) and paged either
by offset (a lazy table model jumping to any row) or by keyset (``list_members_after``, for
``fetchMore``-style appending). :func:`search_members` gives the total and the first page in
one call, which is what the search box needs.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, tuple_
from sqlalchemy.orm import Session

from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.privacy import (
    PersonalField,
    can_see_personal_data,
    shown,
    shown_birth_date,
    shown_if,
)
from dangqun.core.security import Actor, Permission
from dangqun.members.codes import MemberCodeLabels
from dangqun.members.models import Member, Organization
from dangqun.members.organizations import MEMBER_LEVELS, descendant_ids
from dangqun.members.search_keys import first_syllable, to_simplified
from dangqun.members.validation import clean_text, is_han_character
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus

AnySelect = TypeVar("AnySelect", bound=Select[*tuple[Any, ...]])
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000


class MemberSort(enum.Enum):
    NAME = "name"  # by pinyin of the name (how Chinese lists are ordered)
    JOINED_ON = "joined_on"
    BIRTH_DATE = "birth_date"
    RECENT = "recent"  # most recently registered first


class QueryKind(enum.Enum):
    EMPTY = "empty"  # nothing typed: everyone (the list view)
    NOTHING = "nothing"  # only separators typed: nobody
    NAME = "name"
    PINYIN = "pinyin"
    DIGITS = "digits"
    UNRECOGNIZED = "unrecognized"


@dataclass(frozen=True)
class MemberQuery:
    """What the list shows: search text and filters; empty sets mean "all"."""

    text: str = ""
    organization_id: int | None = None
    """This organization and everything below it."""
    kinds: frozenset[MemberKind] = field(default_factory=frozenset)
    categories: frozenset[MemberCategory] = field(default_factory=frozenset)
    statuses: frozenset[MemberStatus] = field(default_factory=frozenset)
    sort: MemberSort = MemberSort.NAME
    descending: bool = False


@dataclass(frozen=True)
class MemberRow(MemberCodeLabels):
    """One line of the member list; personal data shown as the actor may see it."""

    id: int
    name: str
    gender_code: str
    birth_date: date
    """For a masked row the first day of the birth month: the day is never handed out."""
    id_number: str
    phone: str
    address: str
    kind: MemberKind
    category: MemberCategory
    status: MemberStatus
    organization_id: int | None
    organization_name: str
    joined_on: date
    confirmed_on: date | None
    work_unit: str | None
    sort_key: tuple[Any, ...]
    """The values the list is sorted by; hand the last row to :func:`list_members_after`."""
    personal_data_masked: bool = False

    @property
    def birth_date_text(self) -> str:
        """``1985-06-15``, or ``1985-06`` for a role without personal-data permission."""
        return shown_birth_date(self.birth_date, not self.personal_data_masked)


@dataclass(frozen=True)
class MemberPage:
    total: int
    offset: int
    rows: list[MemberRow]
    personal_data_masked: bool
    hint: str | None = None
    """Why the text can match nobody (only separators; part of a number for a masked role)."""


ID_NUMBER_LENGTH = 18
PHONE_DIGITS = range(7, 13)
"""A whole phone: a 7–8 digit local number, a mobile (11), or a local number with its area
code (10–12 digits, extension left out)."""
ENTER_SOMETHING = "请输入姓名、拼音、证件号或手机号"
WHOLE_NUMBER_ONLY = "您的角色只能用完整的证件号（18 位）或完整的电话号码查找，不能只输入其中几位"


@dataclass(frozen=True)
class ParsedQuery:
    kind: QueryKind
    text: str

    @property
    def whole_value_field(self) -> PersonalField | None:
        """Which personal value the digits would be in full: what a masked role may match."""
        if self.kind is not QueryKind.DIGITS:
            return None
        if len(self.text) == ID_NUMBER_LENGTH:
            return PersonalField.ID_NUMBER
        if self.text.isdigit() and len(self.text) in PHONE_DIGITS:
            return PersonalField.PHONE
        return None


_DIGITS_QUERY = re.compile(r"^\d+X?$")
_PINYIN_QUERY = re.compile(r"^[a-z]+$")
_SEPARATORS = re.compile(r"[\s\-'’·.]+")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def parse_query(text: str) -> ParsedQuery:
    """Decide what the typed text is; full-width characters and separators are forgiven.

    Raises ValidationError (field ``query``) for text holding lone surrogates: invalid UTF-8
    from a terminal, which Python keeps as ``\\udcXX`` and SQLite cannot store or compare."""
    if _SURROGATES.search(text):
        raise ValidationError.single(
            "query", "搜索内容中有无法识别的字符（终端或输入法的编码不是 UTF-8），请重新输入"
        )
    cleaned = unicodedata.normalize("NFKC", clean_text(text))
    compact = _SEPARATORS.sub("", cleaned)
    if not compact:
        return ParsedQuery(QueryKind.NOTHING if cleaned else QueryKind.EMPTY, "")
    upper = compact.upper()
    if _DIGITS_QUERY.match(upper):
        return ParsedQuery(QueryKind.DIGITS, upper)
    lower = compact.lower()
    if _PINYIN_QUERY.match(lower):
        return ParsedQuery(QueryKind.PINYIN, lower)
    if any(is_han_character(character) for character in compact):
        return ParsedQuery(QueryKind.NAME, to_simplified(compact))
    return ParsedQuery(QueryKind.UNRECOGNIZED, compact)


def _upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _plain(column: Any, walk: bool) -> Any:
    """The column, or (when walking the sort index) an expression SQLite cannot index."""
    if not walk:
        return column
    return column + 0 if column is Member.id or column is Member.organization_id else column + ""


def _starts_with(column: Any, prefix: str, walk: bool = False) -> ColumnElement[bool]:
    """``column LIKE 'prefix%'`` written as a range, which SQLite answers from the index."""
    column = _plain(column, walk)
    return and_(column >= prefix, column < _upper_bound(prefix))


MAX_LISTED_IDS = 20_000
WALK_THRESHOLD = 2_000
"""Above this many matches a page is read by walking the sort column's index and skipping
non-matching rows; below it SQLite finds the matches by their own indexes and sorts them.
(Walking costs ~0.5 µs a row, sorting ~3 µs a match; SQLite without ANALYZE statistics cannot
know which is cheaper, so the count decides.)"""


@dataclass(frozen=True)
class _Conditions:
    """The WHERE terms of one query, resolved once per call (names scanned at most once)."""

    parsed: ParsedQuery
    name_ids: list[int] | None
    organization_ids: list[int] | None
    organization_selective: bool
    query: MemberQuery
    full: bool
    """The actor may see personal data: partial ID/phone digits match, birth days sort."""

    @property
    def audited_field(self) -> PersonalField | None:
        """The personal value a masked role is looking up in full (audited), if any."""
        return None if self.full else self.parsed.whole_value_field

    def where(self, walk: bool = False) -> list[ColumnElement[bool]]:
        """The terms; ``walk`` when the page is read along the sort column's index."""
        query = self.query
        conditions: list[ColumnElement[bool]] = []
        text = self._text(walk)
        # With text typed, its index is the way in and filters are checked row by row.
        plain_filters = walk or text is not None
        if text is not None:
            conditions.append(text)
        if self.organization_ids is not None:
            # A branch with its groups is a small part of the center: its index is a good way
            # in whatever else is asked. A community or street (most of the center) is not.
            unindexed = walk or not self.organization_selective
            column = _plain(Member.organization_id, unindexed)
            conditions.append(
                column.in_(self.organization_ids) if self.organization_ids else column.is_not(None)
            )
        for column, chosen, majority in (
            (Member.kind, query.kinds, MemberKind.LOCAL),
            (Member.category, query.categories, MemberCategory.FULL),
            (Member.status, query.statuses, MemberStatus.ACTIVE),
        ):
            if chosen:
                # An index helps only to find the few (预备党员, 流入党员, 已转出 …); asked for
                # the many (在册, 正式党员, 本社区), SQLite would read most of the table through it.
                unindexed = plain_filters or majority in chosen
                values = sorted(item.value for item in chosen)
                conditions.append(_plain(column, unindexed).in_(values))
        return conditions

    def _text(self, walk: bool) -> ColumnElement[bool] | None:
        parsed = self.parsed
        text = parsed.text
        # Walking the pinyin index, a match must lie in the stretch of it that starts with the
        # first syllable (a surname) or letter typed: saying so lets SQLite walk only that.
        walk_pinyin = walk and self.query.sort is MemberSort.NAME
        if parsed.kind is QueryKind.EMPTY:
            return None
        if parsed.kind is QueryKind.NOTHING:
            return false()
        if parsed.kind is QueryKind.NAME:
            if self.name_ids is not None:
                listed: ColumnElement[bool] = _plain(Member.id, walk).in_(self.name_ids)
                return listed
            if len(text) == 1:
                condition = _starts_with(Member.name_simplified, text, walk)
                syllable = first_syllable(text)
                if walk_pinyin and syllable:
                    condition = and_(condition, _starts_with(Member.pinyin_full, syllable))
                return condition
            contains: ColumnElement[bool] = (
                func.instr(_plain(Member.name_simplified, walk), text) > 0
            )
            return contains
        if parsed.kind is QueryKind.PINYIN:
            if len(text) == 1:  # one letter: the initials and the pinyin begin alike
                return _starts_with(Member.pinyin_full, text, walk and not walk_pinyin)
            condition = or_(
                _starts_with(Member.pinyin_initials, text, walk),
                _starts_with(Member.pinyin_full, text, walk),
            )
            if walk_pinyin:
                condition = and_(_starts_with(Member.pinyin_full, text[0]), condition)
            return condition
        if parsed.kind is QueryKind.DIGITS and not self.full:
            return self._whole_value(walk)
        if parsed.kind is QueryKind.DIGITS:
            conditions: list[ColumnElement[bool]] = []
            digits_only = text.isdigit()
            if len(text) < 4:  # three digits match one person in ten: keep typing
                return false()
            if digits_only:
                conditions.append(_starts_with(Member.phone, text, walk))
            backwards = text[::-1]
            conditions.append(_starts_with(Member.id_number_reversed, backwards, walk))
            if digits_only:
                conditions.append(_starts_with(Member.phone_reversed, backwards, walk))
            if len(text) >= 10:
                conditions.append(_starts_with(Member.id_number, text, walk))
            return or_(*conditions)
        return false()

    def _whole_value(self, walk: bool) -> ColumnElement[bool]:
        """A masked role's digits: equal to a whole ID number or a whole phone, nothing less
        (a prefix or tail of hidden digits is an oracle, module docstring)."""
        text = self.parsed.text
        field = self.parsed.whole_value_field
        equal: ColumnElement[bool]
        if field is PersonalField.ID_NUMBER:
            equal = _plain(Member.id_number, walk) == text
        elif field is PersonalField.PHONE:
            equal = _plain(Member.phone_reversed, walk) == text[::-1]
        else:
            equal = false()
        return equal


def _conditions(session: Session, actor: Actor, query: MemberQuery) -> _Conditions:
    """Resolve the query. One Han character is a surname typed first: names starting with it.
    Two or more match anywhere in the name (a given name, or a name whose surname is unsure);
    that needs one scan of the name index, done here once and kept as a list of ids."""
    parsed = parse_query(query.text)
    name_ids = None
    if parsed.kind is QueryKind.NAME and len(parsed.text) > 1:
        found = list(
            session.scalars(
                select(Member.id).where(func.instr(Member.name_simplified, parsed.text) > 0)
            )
        )
        name_ids = found if len(found) <= MAX_LISTED_IDS else None
    organization_ids = None
    selective = False
    if query.organization_id is not None:
        organization_ids = descendant_ids(session, query.organization_id)
        holders = set(
            session.scalars(
                select(Organization.id).where(
                    Organization.level.in_([level.value for level in MEMBER_LEVELS])
                )
            )
        )
        if holders <= set(organization_ids):
            # Every branch and group is below it (members are only ever recorded on those):
            # "recorded on some organization" is the same filter, and far cheaper.
            organization_ids = []
        selective = 0 < len(organization_ids) <= max(5, len(holders) // 10)
    return _Conditions(
        parsed, name_ids, organization_ids, selective, query, can_see_personal_data(actor)
    )


_SORT_COLUMNS: dict[MemberSort, tuple[Any, ...]] = {
    # (column, status, id) is the order of the column's index (migration 0002), so a page is
    # read straight from it and "在册" is checked without reading the row; the status only
    # orders people whose names sound exactly alike or who joined on the same day.
    MemberSort.NAME: (Member.pinyin_full, Member.status, Member.id),
    MemberSort.JOINED_ON: (Member.joined_on, Member.status, Member.id),
    MemberSort.BIRTH_DATE: (Member.birth_date, Member.status, Member.id),
    MemberSort.RECENT: (Member.id,),
}
_BIRTH_MONTH = func.substr(Member.birth_date, 1, 7)  # SQLite keeps dates as 'YYYY-MM-DD'
_MASKED_BIRTH_ORDER = (_BIRTH_MONTH, Member.pinyin_full, Member.id)
"""Birth-date order for a role that sees year-month only: the days must not order the rows."""


def _sort_columns(sort: MemberSort, full: bool) -> tuple[Any, ...]:
    if sort is MemberSort.BIRTH_DATE and not full:
        return _MASKED_BIRTH_ORDER
    return _SORT_COLUMNS[sort]


def _sort_key(record: Any, sort: MemberSort, full: bool) -> tuple[Any, ...]:
    if sort is MemberSort.BIRTH_DATE and not full:
        return (f"{record.birth_date:%Y-%m}", record.pinyin_full, record.id)
    return tuple(getattr(record, column.key) for column in _SORT_COLUMNS[sort])


def _descending(query: MemberQuery) -> bool:
    return query.descending != (query.sort is MemberSort.RECENT)


def _ordered(statement: AnySelect, query: MemberQuery, full: bool) -> AnySelect:
    columns = _sort_columns(query.sort, full)
    if _descending(query):
        return statement.order_by(*(column.desc() for column in columns))
    return statement.order_by(*columns)


_ROW_COLUMNS = (
    Member.id,
    Member.name,
    Member.gender_code,
    Member.birth_date,
    Member.id_number,
    Member.phone,
    Member.address,
    Member.kind,
    Member.category,
    Member.status,
    Member.organization_id,
    Member.joined_on,
    Member.confirmed_on,
    Member.work_unit,
    Member.pinyin_full,
)


def filtered_member_ids(session: Session, actor: Actor, query: MemberQuery) -> Select[Any]:
    """``SELECT id`` of *all* the matching members, sorted, as ``actor`` may search; for the
    lazy list, exports and printing. (Walking the sort index pays only when stopping after a
    page: reading every match, a filter's own index and a sort is faster, or the covering
    pinyin index is used.)"""
    conditions = _conditions(session, actor, query)
    return _ordered(select(Member.id).where(*conditions.where()), query, conditions.full)


def _rows(
    session: Session, actor: Actor, query: MemberQuery, statement: Select[*tuple[Any, ...]]
) -> list[MemberRow]:
    full = can_see_personal_data(actor)
    records = session.execute(statement).all()
    organization_ids = {record.organization_id for record in records} - {None}
    names = (
        dict(
            session.execute(
                select(Organization.id, Organization.name).where(
                    Organization.id.in_(organization_ids)
                )
            ).all()
        )
        if organization_ids
        else {}
    )
    rows = []
    for record in records:
        birth = record.birth_date
        rows.append(
            MemberRow(
                id=record.id,
                name=record.name,
                gender_code=record.gender_code,
                birth_date=birth if full else birth.replace(day=1),
                id_number=shown(actor, PersonalField.ID_NUMBER, record.id_number),
                phone=shown(actor, PersonalField.PHONE, record.phone),
                address=shown(actor, PersonalField.ADDRESS, record.address),
                kind=MemberKind(record.kind),
                category=MemberCategory(record.category),
                status=MemberStatus(record.status),
                organization_id=record.organization_id,
                organization_name=names.get(record.organization_id, ""),
                joined_on=record.joined_on,
                confirmed_on=record.confirmed_on,
                work_unit=record.work_unit,
                sort_key=_sort_key(record, query.sort, full),
                personal_data_masked=not full,
            )
        )
    return rows


def _checked_limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_PAGE_SIZE))


def count_members(database: Database, actor: Actor, query: MemberQuery) -> int:
    actor.require(Permission.VIEW)
    with database.reading() as session:
        conditions = _conditions(session, actor, query)
        total = _count(session, conditions)
        found = _audited_ids(session, conditions)
    _audit_whole_value_search(database, actor, conditions, found)
    return total


def _count(session: Session, conditions: _Conditions) -> int:
    statement = select(func.count()).select_from(Member).where(*conditions.where())
    return int(session.execute(statement).scalar_one())


def _audited_ids(session: Session, conditions: _Conditions) -> list[int]:
    """Who a masked role's whole-value search found (a few people at most), for its audit."""
    if conditions.audited_field is None:
        return []
    statement = select(Member.id).where(*conditions.where()).order_by(Member.id)
    return list(session.scalars(statement.limit(MAX_PAGE_SIZE)))


def _audit_whole_value_search(
    database: Database, actor: Actor, conditions: _Conditions, found: list[int]
) -> None:
    """One audit entry for a search by a whole ID number or phone from a role that sees them
    masked (issue 10): the masked value and the people found, never the number typed."""
    personal_field = conditions.audited_field
    if personal_field is None:
        return
    with database.unit_of_work(actor) as work:
        work.audit(
            "member.search_personal_data",
            "member",
            None,
            None,
            {
                "field": personal_field.value,
                "value": shown_if(personal_field, conditions.parsed.text, False),
                "found": found,
            },
        )
        work.commit()


def _page(
    session: Session,
    actor: Actor,
    conditions: _Conditions,
    total: int,
    offset: int,
    limit: int,
    after: tuple[Any, ...] | None = None,
) -> list[MemberRow]:
    query = conditions.query
    where = conditions.where(walk=total > WALK_THRESHOLD)
    if after is not None:
        columns = _sort_columns(query.sort, conditions.full)
        if len(after) != len(columns):
            raise ValueError("after must be the sort_key of a row listed with the same sort")
        if len(columns) == 1:
            where.append(columns[0] < after[0] if _descending(query) else columns[0] > after[0])
        elif _descending(query):
            where.append(tuple_(*columns) < tuple_(*after))
        else:
            where.append(tuple_(*columns) > tuple_(*after))
    statement = _ordered(select(*_ROW_COLUMNS).where(*where), query, conditions.full)
    statement = statement.offset(max(0, offset)).limit(_checked_limit(limit))
    return _rows(session, actor, query, statement)


def list_members(
    database: Database,
    actor: Actor,
    query: MemberQuery,
    offset: int = 0,
    limit: int = DEFAULT_PAGE_SIZE,
) -> list[MemberRow]:
    """Rows ``offset`` … ``offset + limit`` of the sorted result (a lazy model's page)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        conditions = _conditions(session, actor, query)
        total = _count(session, conditions)
        rows = _page(session, actor, conditions, total, offset, limit)
        found = _audited_ids(session, conditions)
    _audit_whole_value_search(database, actor, conditions, found)
    return rows


def list_members_after(
    database: Database,
    actor: Actor,
    query: MemberQuery,
    after: tuple[Any, ...] | None,
    limit: int = DEFAULT_PAGE_SIZE,
) -> list[MemberRow]:
    """The rows after the row whose ``sort_key`` is ``after`` (keyset paging: as fast at row
    99,900 as at row 0, for a ``fetchMore`` model); ``after=None`` starts at the top."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        conditions = _conditions(session, actor, query)
        total = _count(session, conditions)
        rows = _page(session, actor, conditions, total, 0, limit, after)
        found = _audited_ids(session, conditions)
    _audit_whole_value_search(database, actor, conditions, found)
    return rows


def search_hint(parsed: ParsedQuery, full: bool) -> str | None:
    """Why typed text can match nobody, whatever is on record (None when it can match)."""
    if parsed.kind is QueryKind.NOTHING:
        return ENTER_SOMETHING
    if parsed.kind is QueryKind.DIGITS and not full and parsed.whole_value_field is None:
        return WHOLE_NUMBER_ONLY
    return None


def search_members(
    database: Database,
    actor: Actor,
    query: MemberQuery,
    limit: int = DEFAULT_PAGE_SIZE,
) -> MemberPage:
    """Total and first page in one read transaction: what the search box shows as you type."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        conditions = _conditions(session, actor, query)
        total = _count(session, conditions)
        rows = _page(session, actor, conditions, total, 0, limit)
        found = _audited_ids(session, conditions)
    _audit_whole_value_search(database, actor, conditions, found)
    hint = search_hint(conditions.parsed, conditions.full)
    return MemberPage(total, 0, rows, not conditions.full, hint)


def list_member_ids(database: Database, actor: Actor, query: MemberQuery) -> list[int]:
    """The ids of every matching member, in list order: the index of a lazy table model.

    Like Anki's browser, the 党员管理 list keeps the ids of the current search (100,000 ints,
    ~100 ms to read in the background) and loads rows by id (:func:`member_rows`) as they
    scroll into view, so row 99,950 costs what row 0 costs.
    """
    actor.require(Permission.VIEW)
    with database.reading() as session:
        conditions = _conditions(session, actor, query)
        statement = select(Member.id).where(*conditions.where())
        ids = list(session.scalars(_ordered(statement, query, conditions.full)))
    if conditions.audited_field is not None:
        _audit_whole_value_search(database, actor, conditions, sorted(ids))
    return ids


def member_rows(
    database: Database,
    actor: Actor,
    ids: list[int],
    sort: MemberSort = MemberSort.NAME,
) -> list[MemberRow]:
    """The list rows of ``ids``, in the order given, masked as ``actor`` may see them; ids no
    longer on record are left out."""
    actor.require(Permission.VIEW)
    if not ids:
        return []
    if len(ids) > MAX_PAGE_SIZE:
        raise ValueError(f"at most {MAX_PAGE_SIZE} rows at a time")
    with database.reading() as session:
        statement = select(*_ROW_COLUMNS).where(Member.id.in_(ids))
        found = {row.id: row for row in _rows(session, actor, MemberQuery(sort=sort), statement)}
    return [found[member_id] for member_id in ids if member_id in found]
