"""As-you-type member search and the paged list behind the 党员管理 page.

What a front desk types decides what is matched (DOMAIN.md §1):

* Chinese characters, Simplified or Traditional → the name (converted to Simplified, like
  the stored ``name_simplified``): names starting with it, then names containing it;
* letters → pinyin initials (``zsf`` → 张三丰) or full pinyin (``zhangsanf``), from the start;
* digits (an ``X`` may end them) → a phone starting (3+ digits) or ending (4+) with them, an ID
  number ending with them (4+, "身份证后四位") or starting with them (6+).

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
from dangqun.core.privacy import PersonalField, can_see_personal_data, shown
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
    EMPTY = "empty"
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


@dataclass(frozen=True)
class MemberPage:
    total: int
    offset: int
    rows: list[MemberRow]
    personal_data_masked: bool


@dataclass(frozen=True)
class ParsedQuery:
    kind: QueryKind
    text: str


_DIGITS_QUERY = re.compile(r"^\d+X?$")
_PINYIN_QUERY = re.compile(r"^[a-z]+$")
_SEPARATORS = re.compile(r"[\s\-'’·.]+")


def parse_query(text: str) -> ParsedQuery:
    """Decide what the typed text is; full-width characters and separators are forgiven."""
    cleaned = unicodedata.normalize("NFKC", clean_text(text))
    compact = _SEPARATORS.sub("", cleaned)
    if not compact:
        return ParsedQuery(QueryKind.EMPTY, "")
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


def _conditions(session: Session, query: MemberQuery) -> _Conditions:
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
    return _Conditions(parsed, name_ids, organization_ids, selective, query)


_SORT_COLUMNS: dict[MemberSort, tuple[Any, ...]] = {
    # (column, status, id) is the order of the column's index (migration 0002), so a page is
    # read straight from it and "在册" is checked without reading the row; the status only
    # orders people whose names sound exactly alike or who joined on the same day.
    MemberSort.NAME: (Member.pinyin_full, Member.status, Member.id),
    MemberSort.JOINED_ON: (Member.joined_on, Member.status, Member.id),
    MemberSort.BIRTH_DATE: (Member.birth_date, Member.status, Member.id),
    MemberSort.RECENT: (Member.id,),
}


def _descending(query: MemberQuery) -> bool:
    return query.descending != (query.sort is MemberSort.RECENT)


def _ordered(statement: AnySelect, query: MemberQuery) -> AnySelect:
    columns = _SORT_COLUMNS[query.sort]
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


def filtered_member_ids(session: Session, query: MemberQuery) -> Select[Any]:
    """``SELECT id`` of *all* the matching members, sorted; for the lazy list, exports and
    printing. (Walking the sort index pays only when stopping after a page: reading every
    match, a filter's own index and a sort is faster, or the covering pinyin index is used.)"""
    return _ordered(select(Member.id).where(*_conditions(session, query).where()), query)


def _rows(
    session: Session, actor: Actor, query: MemberQuery, statement: Select[*tuple[Any, ...]]
) -> list[MemberRow]:
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
        key = tuple(getattr(record, column.key) for column in _SORT_COLUMNS[query.sort])
        rows.append(
            MemberRow(
                id=record.id,
                name=record.name,
                gender_code=record.gender_code,
                birth_date=record.birth_date,
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
                sort_key=key,
            )
        )
    return rows


def _checked_limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_PAGE_SIZE))


def count_members(database: Database, actor: Actor, query: MemberQuery) -> int:
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return _count(session, _conditions(session, query))


def _count(session: Session, conditions: _Conditions) -> int:
    statement = select(func.count()).select_from(Member).where(*conditions.where())
    return int(session.execute(statement).scalar_one())


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
        columns = _SORT_COLUMNS[query.sort]
        if len(after) != len(columns):
            raise ValueError("after must be the sort_key of a row listed with the same sort")
        if len(columns) == 1:
            where.append(columns[0] < after[0] if _descending(query) else columns[0] > after[0])
        elif _descending(query):
            where.append(tuple_(*columns) < tuple_(*after))
        else:
            where.append(tuple_(*columns) > tuple_(*after))
    statement = _ordered(select(*_ROW_COLUMNS).where(*where), query)
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
        conditions = _conditions(session, query)
        return _page(session, actor, conditions, _count(session, conditions), offset, limit)


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
        conditions = _conditions(session, query)
        total = _count(session, conditions)
        return _page(session, actor, conditions, total, 0, limit, after)


def search_members(
    database: Database,
    actor: Actor,
    query: MemberQuery,
    limit: int = DEFAULT_PAGE_SIZE,
) -> MemberPage:
    """Total and first page in one read transaction: what the search box shows as you type."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        conditions = _conditions(session, query)
        total = _count(session, conditions)
        rows = _page(session, actor, conditions, total, 0, limit)
    return MemberPage(total, 0, rows, not can_see_personal_data(actor))


def list_member_ids(database: Database, actor: Actor, query: MemberQuery) -> list[int]:
    """The ids of every matching member, in list order: the index of a lazy table model.

    Like Anki's browser, the 党员管理 list keeps the ids of the current search (100,000 ints,
    ~100 ms to read in the background) and loads rows by id (:func:`member_rows`) as they
    scroll into view, so row 99,950 costs what row 0 costs.
    """
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return list(session.scalars(filtered_member_ids(session, query)))


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
