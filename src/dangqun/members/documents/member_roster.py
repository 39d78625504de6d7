"""花名册 — the member roster of a branch, on landscape A4 (DOMAIN.md §1).

Columns follow the items of the 党员管理信息系统 that a branch's roster usually shows. ID
numbers, phones and addresses are read as the person printing may see them and masked again
unless full data was asked for (the caller decides, and audits a full print). The roster of a
branch includes the members recorded on its building groups, because the branch is the unit
named as 所在党支部. Column titles are the glossary's words (issue 11: 党员类型, not 人员类型).

Issue 12: the title names the community and the branch (翠湖社区第一网格党支部党员花名册); the
序号 column holds five digits; a masked address stays on one line; the personal-data notice is
on every page (a loose page of a register must say it); names run the Chinese way, by surname
then given name with surnames read as surnames (单 shàn, 曾 zēng, 解 xiè); and a 20,000-member
roster is streamed from the database into a :class:`~dangqun.printing.streamed_table.StreamedTable`
page by page, so memory holds one page of rows, never the whole register.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from sqlalchemy import LargeBinary, exists, func, select
from sqlalchemy.orm import Session

from dangqun.core.center import CENTER_SUFFIXES
from dangqun.core.db import Database
from dangqun.core.errors import NotFound
from dangqun.core.privacy import PersonalField, shown
from dangqun.core.security import Actor, Permission
from dangqun.members import glossary
from dangqun.members.codes import CATEGORIES, EDUCATIONS, ETHNICITIES, GENDERS, KINDS
from dangqun.members.documents.personal_data import printed
from dangqun.members.models import Member, Organization
from dangqun.members.search_keys import COMPOUND_SURNAME_READINGS, name_syllables, to_simplified
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus
from dangqun.printing.kinds import PageEstimate
from dangqun.printing.page_kit import (
    DocumentPlan,
    PageLayout,
    PrintContext,
    TypeSize,
    chinese_date,
    gap,
    paragraph,
    signature_lines,
)
from dangqun.printing.streamed_table import (
    StreamedColumn,
    StreamedTable,
    estimate_pages,
    header_lines,
)

KIND = "member_roster"
FONT_SIZE = TypeSize.XIAOWU
"""小五: fifteen columns across landscape A4, one line for the usual values."""


def ethnicity_label(code: str | None) -> str:
    return ETHNICITIES.label(code)


@dataclass(frozen=True)
class RosterMember:
    name: str
    gender: str
    ethnicity: str
    birth_date: date | None
    id_number: str
    education: str
    category: str
    joined_on: date | None
    confirmed_on: date | None
    work_unit: str
    phone: str
    address: str
    kind: str
    group: str = ""  # the building group (党小组) when the member is recorded on one


@dataclass(frozen=True)
class RosterCounts:
    """What the head of the roster says before the rows stream past."""

    total: int
    probationary: int
    with_group: bool
    """Whether any member is recorded on a building group (the 党小组 column is printed)."""
    lines: int = 0
    """The lines the rows take when work units wrap (masked addresses keep one line); 0 =
    one line a row. Only the page estimate reads it."""
    lines_full: int = 0
    """The same with addresses printed in full, which wrap too."""


@dataclass(frozen=True)
class MemberRosterData:
    organization_name: str
    as_of: date
    members: Iterable[RosterMember]
    """In print order. A list (samples, tests) or a stream read from the database while the
    pages are laid out (:func:`load_member_roster`); then ``counts`` says what it holds."""
    counts: RosterCounts | None = None
    """None: counted from ``members``, which must then be a sequence."""

    def tally(self) -> RosterCounts:
        if self.counts is not None:
            return self.counts
        members = self.members if isinstance(self.members, Sequence) else list(self.members)
        return RosterCounts(
            len(members),
            sum(1 for member in members if member.category == glossary.PROBATIONARY_MEMBER),
            any(member.group for member in members),
        )


WRAPPING_COLUMNS_MM = (24.0, 26.4)
"""工作单位及职务 and 现居住地址 in :func:`_columns`: the columns whose values wrap."""

MONTH_COLUMN_MM = 14.05
"""出生年月, 入党时间, 转正时间: a four-character header on one line at 小五 (with the
padding of a cell) when the 党小组 column is printed too."""


def characters_per_line(share_mm: float, with_group: bool) -> int:
    """Tenths of Chinese characters on one line of a column ``share_mm`` wide (the page
    estimate)."""
    scale = 269 / sum(column.share for column in _columns(False, with_group))
    return max(int(10 * (share_mm * scale - 1.5) / (FONT_SIZE * 25.4 / 72)), 10)


def _lines_of(column: Any, tenths_per_line: int) -> Any:
    """SQL: the lines ``column`` takes, from its width in tenths of a Chinese character —
    a Chinese character is 3 bytes of UTF-8 and 10 tenths wide, a digit or letter 1 byte
    and about 6 tenths (Noto Serif SC's figures)."""
    text = func.coalesce(column, "")
    characters = func.length(text)
    chinese = (func.length(func.cast(text, LargeBinary)) - characters) // 2
    tenths = 10 * chinese + 6 * (characters - chinese)
    return (tenths + tenths_per_line - 1) // tenths_per_line


def community_name(center_name: str) -> str:
    """The community a center serves: its name without the center suffix (翠湖社区党群服务中心
    → 翠湖社区, the same rule as :func:`dangqun.core.center.default_party_organization`)."""
    stem = "".join(center_name.split())
    for suffix in CENTER_SUFFIXES:
        if stem.endswith(suffix):
            return stem[: -len(suffix)]
    return stem


def community_and_branch(center_name: str, organization_name: str) -> str:
    """``翠湖社区第一网格党支部``: the community and the branch, the community once.

    A branch whose name already names its community (or any community, or the full 中共…
    name) is not prefixed again.
    """
    community = community_name(center_name)
    name = organization_name.strip()
    if not community or community in name or name.startswith("中共") or "社区" in name:
        return name
    return f"{community}{name}"


def roster_title(center_name: str, organization_name: str) -> str:
    """``翠湖社区第一网格党支部党员花名册`` (issue 12: the title names community and branch)."""
    return f"{community_and_branch(center_name, organization_name)}党员花名册"


def chinese_name_order(name: str) -> str:
    """The sort key of a name the Chinese way: the surname's pinyin (read as a surname:
    单 shan, 曾 zeng, 解 xie, 区 ou, 长孙 zhang sun), the surname, then the given name's
    pinyin and characters. Syllables are compared one by one (万 wan before 王 wang, whatever
    the given names), which sorting the joined pinyin would not do.
    """
    simplified = to_simplified(name)
    characters = [character for character in simplified if not character.isspace()]
    syllables = name_syllables(simplified)
    head = 2 if len(characters) > 2 and "".join(characters[:2]) in COMPOUND_SURNAME_READINGS else 1
    return "\x01".join(
        (
            " ".join(syllables[:head]),
            "".join(characters[:head]),
            " ".join(syllables[head:]),
            "".join(characters[head:]),
        )
    )


def _month(value: date | None) -> str:
    return f"{value:%Y.%m}" if value else ""


def _columns(full: bool, with_group: bool) -> list[StreamedColumn]:
    """Widths in millimetres of the 269 mm frame, each the usual widest value at 小五: 序号
    holds 99999; 学历 中等职业教育; 党员类型 离退休党员; a masked address (six characters
    and the mask) fits its column, and is cut rather than wrapped should it not; in full the
    address wraps like any text.

    Every header fits on one line: a header broken inside a word (入党时/间, 出生年/月)
    reads wrong. The three month columns are the width of their four-character header, which
    leaves a month (1995.07) more than a row's padding on each side instead of touching the
    rules; the work unit, which wraps anyway, gives up the room."""
    columns = [
        StreamedColumn("序号", 10.5, "center", one_line=True),
        StreamedColumn("姓名", 14.5, "center"),
        StreamedColumn("性别", 8, "center"),
        StreamedColumn("民族", 12, "center"),
        StreamedColumn("出生年月", MONTH_COLUMN_MM, "center"),
        StreamedColumn("公民身份号码", 32.5, "center"),
        StreamedColumn("学历", 20.5, "center"),
        StreamedColumn(glossary.CATEGORY, 14.5, "center"),
        StreamedColumn("入党时间", MONTH_COLUMN_MM, "center"),
        StreamedColumn("转正时间", MONTH_COLUMN_MM, "center"),
        StreamedColumn("工作单位及职务", WRAPPING_COLUMNS_MM[0]),
        StreamedColumn("联系电话", 20.7, "center"),
        StreamedColumn("现居住地址", WRAPPING_COLUMNS_MM[1], one_line=not full),
        StreamedColumn(glossary.KIND, 17.25, "center"),
    ]
    if with_group:
        columns.append(StreamedColumn(glossary.GROUP, 24, "center"))
    return columns


def _rows(members: Iterable[RosterMember], full: bool, with_group: bool) -> Iterator[list[str]]:
    for number, member in enumerate(members, 1):
        row = [
            str(number),
            member.name,
            member.gender,
            member.ethnicity,
            _month(member.birth_date),
            printed(PersonalField.ID_NUMBER, member.id_number, full),
            member.education,
            member.category,
            _month(member.joined_on),
            _month(member.confirmed_on),
            member.work_unit,
            printed(PersonalField.PHONE, member.phone, full),
            printed(PersonalField.ADDRESS, member.address, full),
            member.kind,
        ]
        if with_group:
            row.append(member.group)
        yield row


def privacy_notice(full: bool) -> str:
    if full:
        return "本表含完整个人信息，请妥善保管，不得外传。"
    return "公民身份号码、联系电话、住址已按规定部分隐藏，请妥善保管，不得外传。"


def _head(data: MemberRosterData, counts: RosterCounts, context: PrintContext) -> list[Any]:
    styles = context.styles
    fonts = context.fonts
    summary_style = ParagraphStyle("summary", parent=styles.cell, alignment=TA_CENTER)
    return [
        paragraph(roster_title(context.center_name, data.organization_name), styles.title, fonts),
        paragraph(
            f"统计截至{chinese_date(data.as_of)}　在册党员 {counts.total} 名"
            f"（正式党员 {counts.total - counts.probationary} 名，"
            f"预备党员 {counts.probationary} 名）",
            summary_style,
            fonts,
        ),
        gap(3),
    ]


def _tail(context: PrintContext, width: float) -> list[Any]:
    return [gap(4), signature_lines(["制表人", "审核人", "制表日期"], context, width, per_row=3)]


def build_member_roster(data: MemberRosterData, context: PrintContext) -> DocumentPlan:
    specification = context.layout(PageLayout.LANDSCAPE)
    width = specification.frame_width
    full = context.may_see_personal_data
    counts = data.tally()
    columns = _columns(full, counts.with_group)
    table = StreamedTable(
        columns,
        _rows(data.members, full, counts.with_group),
        context,
        specification.frame_height,
        font_size=FONT_SIZE,
        empty_row=["—"] + [""] * (len(columns) - 1),
    )
    story: list[object] = [*_head(data, counts, context), table, *_tail(context, width)]
    title = roster_title(context.center_name, data.organization_name)
    return DocumentPlan(KIND, title, PageLayout.LANDSCAPE, story, page_note=privacy_notice(full))


def _height(flowables: Sequence[Any], width: float, height: float) -> float:
    return float(sum(flowable.wrap(width, height)[1] for flowable in flowables))


def estimate_roster_pages(
    counts: RosterCounts, organization_name: str, context: PrintContext
) -> int:
    """How many pages the roster of ``counts.total`` members takes: from the row count and
    the rows a page holds, without laying the rows out (shown before printing, issue 12).
    Rows whose work unit or full address wraps make the real count a little higher."""
    specification = context.layout(PageLayout.LANDSCAPE)
    width, height = specification.frame_width, specification.frame_height
    data = MemberRosterData(organization_name, context.print_date, [], counts)
    full = context.may_see_personal_data
    lines = counts.lines_full if full else counts.lines
    return estimate_pages(
        counts.total,
        height,
        FONT_SIZE,
        header_lines=header_lines(_columns(full, counts.with_group), context, width, FONT_SIZE),
        lines_per_row=lines / counts.total if lines and counts.total else 1.0,
        first_page_used=_height(_head(data, counts, context), width, height),
        last_page_used=_height(_tail(context, width), width, height),
    )


def roster_estimate(
    database: Database, actor: Actor, organization_id: int, context: PrintContext
) -> PageEstimate:
    """The roster's pages and names from its counts, before any row is read (issue 12)."""
    counts = count_roster(database, actor, organization_id)
    with database.reading() as session:
        organization = session.get(Organization, organization_id)
        assert organization is not None  # count_roster refused a missing one
        name = organization.name
    return PageEstimate(estimate_roster_pages(counts, name, context), counts.total)


def _subtree(session: Session, organization_id: int) -> list[int]:
    # The tree module brings the validation rules along: only when a roster is loaded, so
    # the registry (every ``dangqun print``, every preview) stays light.
    from dangqun.members.organizations import descendant_ids

    if session.get(Organization, organization_id) is None:
        raise NotFound(f"找不到编号为 {organization_id} 的党组织。")
    return descendant_ids(session, organization_id)


def count_roster(database: Database, actor: Actor, organization_id: int) -> RosterCounts:
    """The roster's counts, three indexed COUNT queries: what the head says and what the
    page estimate needs, read before any row."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        included = _subtree(session, organization_id)
        active = (Member.organization_id.in_(included), Member.status == MemberStatus.ACTIVE.value)
        total = session.scalar(select(func.count()).select_from(Member).where(*active)) or 0
        probationary = (
            session.scalar(
                select(func.count())
                .select_from(Member)
                .where(*active, Member.category == MemberCategory.PROBATIONARY.value)
            )
            or 0
        )
        with_group = bool(
            session.scalar(
                select(exists().where(*active, Member.organization_id != organization_id))
            )
        )
        work, address = (characters_per_line(share, with_group) for share in WRAPPING_COLUMNS_MM)
        work_lines = func.max(1, _lines_of(Member.work_unit, work))
        address_lines = _lines_of(Member.address, address)
        lines, lines_full = session.execute(
            select(func.sum(work_lines), func.sum(func.max(work_lines, address_lines))).where(
                *active
            )
        ).one()
    return RosterCounts(total, probationary, with_group, lines or 0, lines_full or 0)


_NAME_ORDER_FUNCTION = "dangqun_chinese_name_order"


def _name_order(session: Session) -> Any:
    """The ORDER BY of a roster. SQLite sorts by :func:`chinese_name_order`, registered on the
    connection (the surname's length is not stored, so no column gives the surname-first
    order); other databases fall back to the indexed full pinyin."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return (Member.pinyin_full, Member.id)
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.create_function(_NAME_ORDER_FUNCTION, 1, chinese_name_order, deterministic=True)
    return (getattr(func, _NAME_ORDER_FUNCTION)(Member.name), Member.id)


class _RosterStream:
    """The roster's members read from the database as the layout asks for them: a reading
    session is open while the rows stream, fetched a thousand at a time, so no list of all
    members is ever made. Each iteration reads afresh."""

    def __init__(self, database: Database, actor: Actor, organization_id: int) -> None:
        self.database = database
        self.actor = actor
        self.organization_id = organization_id

    def __iter__(self) -> Iterator[RosterMember]:
        actor, organization_id = self.actor, self.organization_id
        with self.database.reading() as session:
            included = _subtree(session, organization_id)
            names = dict(
                session.execute(
                    select(Organization.id, Organization.name).where(Organization.id.in_(included))
                ).all()
            )
            result = session.execute(
                select(
                    Member.name,
                    Member.gender_code,
                    Member.ethnicity_code,
                    Member.birth_date,
                    Member.id_number,
                    Member.education_code,
                    Member.category,
                    Member.joined_on,
                    Member.confirmed_on,
                    Member.work_unit,
                    Member.phone,
                    Member.address,
                    Member.kind,
                    Member.organization_id,
                )
                .where(Member.organization_id.in_(included))
                .where(Member.status == MemberStatus.ACTIVE.value)
                .order_by(*_name_order(session))
                .execution_options(yield_per=1000)
            )
            for row in result:
                yield RosterMember(
                    name=row.name,
                    gender=GENDERS.label(row.gender_code),
                    ethnicity=ethnicity_label(row.ethnicity_code),
                    birth_date=row.birth_date,
                    id_number=shown(actor, PersonalField.ID_NUMBER, row.id_number),
                    education=EDUCATIONS.label(row.education_code),
                    category=CATEGORIES.label(MemberCategory(row.category)),
                    joined_on=row.joined_on,
                    confirmed_on=row.confirmed_on,
                    work_unit=row.work_unit or "",
                    phone=shown(actor, PersonalField.PHONE, row.phone),
                    address=shown(actor, PersonalField.ADDRESS, row.address),
                    kind=KINDS.label(MemberKind(row.kind)),
                    group=""
                    if row.organization_id in (organization_id, None)
                    else names.get(row.organization_id, ""),
                )


def load_member_roster(
    database: Database, actor: Actor, organization_id: int, as_of: date
) -> MemberRosterData:
    """The organization's 在册 members with those of everything below it, as ``actor`` may
    see them: the subtree is the members module's own (the one the member list filters by),
    so a roster and the list of the same branch always show the same people. The members
    stream while the pages are laid out; the counts are read now."""
    counts = count_roster(database, actor, organization_id)
    with database.reading() as session:
        organization = session.get(Organization, organization_id)
        assert organization is not None  # count_roster refused a missing one
        name = organization.name
    return MemberRosterData(name, as_of, _RosterStream(database, actor, organization_id), counts)


def sample_member_roster(context: PrintContext) -> MemberRosterData:
    people = [
        (
            "王建国",
            "1",
            "01",
            date(1968, 3, 12),
            "530102196803120031",
            "20",
            "full",
            date(1995, 7, 1),
            "昆明市五华区翠湖街道办事处 四级调研员",
            "13908712345",
            "五华区翠湖南路 12 号 3 栋 2 单元 501 室",
            "retired",
            "第一楼栋党小组",
        ),
        (
            "李秀英",
            "2",
            "01",
            date(1968, 5, 12),
            "530102196805120027",
            "30",
            "full",
            date(1998, 6, 20),
            "退休（原昆明市第三中学 教师）",
            "13808715678",
            "五华区翠湖南路 12 号 5 栋 1 单元 302 室",
            "retired",
            "第一楼栋党小组",
        ),
        (
            "张伟",
            "1",
            "07",
            date(1985, 9, 3),
            "530102198509031513",
            "20",
            "full",
            date(2010, 5, 4),
            "云南某科技有限公司 研发部经理",
            "13577012345",
            "五华区青云街 66 号 1 栋 801 室",
            "in_service",
            "第二楼栋党小组",
        ),
        (
            "刘洋",
            "2",
            "01",
            date(1992, 11, 21),
            "53011119921121442X",
            "10",
            "full",
            date(2016, 12, 1),
            "五华区人民法院 法官助理",
            "15087123456",
            "五华区翠湖北路 3 号 2 栋 601 室",
            "in_service",
            "第二楼栋党小组",
        ),
        (
            "杨帆",
            "1",
            "14",
            date(1979, 1, 30),
            "532901197901300519",
            "40",
            "full",
            date(2003, 7, 1),
            "个体经营（翠湖小吃店）",
            "13987654321",
            "五华区洪化桥 21 号 402 室",
            "floating_in",
            "第一楼栋党小组",
        ),
        (
            "宋佳",
            "2",
            "01",
            date(1999, 4, 16),
            "530102199904160048",
            "20",
            "probationary",
            date(2026, 11, 14),
            "翠湖社区居委会 网格员",
            "18725012345",
            "五华区翠湖南路 12 号 1 栋 101 室",
            "local",
            "第二楼栋党小组",
        ),
    ]
    members = [
        RosterMember(
            name=name,
            gender=GENDERS.label(gender),
            ethnicity=ethnicity_label(ethnicity),
            birth_date=born,
            id_number=id_number,
            education=EDUCATIONS.label(education),
            category=CATEGORIES.label(MemberCategory(category)),
            joined_on=joined,
            confirmed_on=None
            if category == "probationary"
            else date(joined.year + 1, joined.month, min(joined.day, 28)),
            work_unit=work,
            phone=phone,
            address=address,
            kind=KINDS.label(MemberKind(kind)),
            group=group,
        )
        for name, gender, ethnicity, born, id_number, education, category, joined, work, phone, address, kind, group in people
    ]
    return MemberRosterData("第一网格党支部", context.print_date, members)
