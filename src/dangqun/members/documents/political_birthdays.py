"""本月政治生日名单 — the members whose 入党日期 falls in a month (DOMAIN.md §1, seed 004).

Centers post the list, send greetings and invite these members to the month's 主题党日; the
home page shows the same month's count. Rows run by day of the month, then by name (the
members service orders names by pinyin), so the list reads like a calendar. 党龄 is the
number of years completed in the list's year. Phones are masked unless the person printing
may see personal data; the branch is the 网格党支部 even for members recorded on one of its
building groups, as on the roster. A list may be limited to one party organization (and
everything below it, issue 11): its id is then ``YYYY-MM/N`` and the organization is named
under the title.

Issue 12: a big center's month is 7,900 names, so the list is laid out by a
:class:`~dangqun.printing.streamed_table.StreamedTable` (page by page, bounded memory), names
of one day run the Chinese way (surname first, surnames read as surnames), the heading names
the community and the branch, the phone notice is on every page, and
:func:`estimate_birthday_pages` says how many pages a list takes before it is printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.privacy import PersonalField
from dangqun.core.security import Actor
from dangqun.members.codes import GENDERS
from dangqun.members.documents.member_roster import chinese_name_order, community_and_branch
from dangqun.members.documents.personal_data import printed
from dangqun.printing.kinds import PageEstimate
from dangqun.printing.page_kit import (
    DocumentPlan,
    PageLayout,
    PrintContext,
    SideBySide,
    TypeSize,
    chinese_date,
    gap,
    paragraph,
)
from dangqun.printing.streamed_table import (
    StreamedColumn,
    StreamedTable,
    estimate_pages,
    header_lines,
)

KIND = "political_birthdays"

MONTH_FORMAT = "YYYY-MM"
_MONTH_PATTERN = re.compile(r"^\s*(\d{4})\s*-\s*(\d{1,2})\s*$")


@dataclass(frozen=True)
class BirthdayMember:
    name: str
    gender: str
    branch: str
    joined_on: date
    years: int
    """Full years of membership completed on the anniversary in the list's year."""
    phone: str


@dataclass(frozen=True)
class PoliticalBirthdaysData:
    year: int
    month: int
    members: Sequence[BirthdayMember]
    """In the order to print: by day of the month, then by name."""
    organization: str = ""
    """The party organization the list is limited to; empty for the whole center."""


def parse_month(text: str, whole_id: str | None = None) -> tuple[int, int]:
    """``2026-11`` → (2026, 11); anything else is refused naming the expected form and what
    was typed (``whole_id``: the whole ``--id`` the month came from, quoted in the refusal)."""
    match = _MONTH_PATTERN.match(text or "")
    month = int(match[2]) if match else 0
    if match is None or not 1 <= month <= 12:
        typed = text if whole_id is None else whole_id
        raise ValidationError.single(
            "id",
            f"政治生日名单的 --id 应为年月，格式为 {MONTH_FORMAT}（如 2026-11），而不是“{typed}”。",
        )
    return int(match[1]), month


def parse_list_id(text: str) -> tuple[int, int, int | None]:
    """``2026-11`` → (2026, 11, None); ``2026-11/5`` → the list of organization 5 and below."""
    month_text, slash, organization_text = (text or "").partition("/")
    year, month = parse_month(month_text, text)
    if not slash:
        return year, month, None
    organization = organization_text.strip()
    if not organization.isdigit() or int(organization) <= 0:
        raise ValidationError.single(
            "id",
            f"政治生日名单的 --id 中“/”后应为党组织编号（正整数，如 2026-11/3），"
            f"而不是“{organization_text}”。",
        )
    return year, month, int(organization)


FONT_SIZE = TypeSize.WUHAO
COLUMNS = (
    # Shares in millimetres of the 160 mm frame, each the widest usual value with a cell's
    # padding: the date in full, 1975年11月30日 on one line (issue 12, after GB/T 9704-2012:
    # year, month and day in Arabic numerals); 联系电话 a masked 0871-65123456; 所在党支部
    # twelve characters (翠湖社区离退休党员党支部).
    StreamedColumn("序号", 12, "center", one_line=True),
    StreamedColumn("姓名", 16.7, "center"),
    StreamedColumn("性别", 9.1, "center"),
    StreamedColumn("所在党支部", 47.1),
    StreamedColumn("入党日期", 29.7, "center"),
    StreamedColumn("党龄\n（周年）", 16.7, "center"),
    StreamedColumn("联系电话", 28.7, "center"),
)


def _in_print_order(members: Sequence[BirthdayMember]) -> list[BirthdayMember]:
    """By day of the month, then by name the Chinese way (surname first)."""
    return sorted(
        members, key=lambda member: (member.joined_on.day, chinese_name_order(member.name))
    )


def _heading(data: PoliticalBirthdaysData, context: PrintContext) -> str:
    if data.organization:
        return community_and_branch(context.center_name, data.organization)
    return context.center_name


def _head(data: PoliticalBirthdaysData, context: PrintContext) -> list[Any]:
    styles = context.styles
    centered = ParagraphStyle("centered", parent=styles.subtitle, alignment=TA_CENTER)
    return [
        paragraph(f"{data.year}年{data.month}月政治生日名单", styles.title, context.fonts),
        paragraph(_heading(data, context), centered, context.fonts),
        gap(1),
    ]


def _tail(data: PoliticalBirthdaysData, count: int, context: PrintContext) -> list[Any]:
    styles = context.styles
    fonts = context.fonts
    whose = _heading(data, context) if data.organization else ""
    summary = (
        f"{whose}{data.month}月共 {count} 名党员过政治生日"
        if count
        else f"{whose}{data.month}月没有在册党员过政治生日"
    )
    return [
        gap(2),
        SideBySide(
            paragraph(summary, styles.body_plain, fonts),
            paragraph(f"打印日期：{chinese_date(context.print_date)}", styles.right, fonts),
            right_width=70 * mm,
        ),
        gap(1),
        paragraph(f"党龄为截至{data.year}年入党纪念日的整年数。", styles.note, fonts),
    ]


def privacy_notice(full: bool) -> str:
    if full:
        return "本表含完整联系电话，请妥善保管，不得外传。"
    return "联系电话已按规定部分隐藏，请妥善保管，不得外传。"


def build_political_birthdays(data: PoliticalBirthdaysData, context: PrintContext) -> DocumentPlan:
    specification = context.layout(PageLayout.PORTRAIT)
    full = context.may_see_personal_data
    members = _in_print_order(data.members)
    rows = (
        [
            str(number),
            member.name,
            member.gender,
            member.branch,
            chinese_date(member.joined_on),
            str(member.years),
            printed(PersonalField.PHONE, member.phone, full),
        ]
        for number, member in enumerate(members, 1)
    )
    table = StreamedTable(
        COLUMNS,
        rows,
        context,
        specification.frame_height,
        font_size=FONT_SIZE,
        empty_row=["—"] + [""] * (len(COLUMNS) - 1),
    )
    story: list[object] = [*_head(data, context), table, *_tail(data, len(members), context)]
    title = f"{data.year}年{data.month}月政治生日名单"
    return DocumentPlan(KIND, title, PageLayout.PORTRAIT, story, page_note=privacy_notice(full))


def estimate_birthday_pages(data: PoliticalBirthdaysData, count: int, context: PrintContext) -> int:
    """Pages of a list of ``count`` members (``data`` gives month and organization only): from
    the rows a page holds, without laying the rows out (issue 12: said before printing)."""
    specification = context.layout(PageLayout.PORTRAIT)
    width, height = specification.frame_width, specification.frame_height

    def used(flowables: Sequence[Any]) -> float:
        return float(sum(flowable.wrap(width, height)[1] for flowable in flowables))

    return estimate_pages(
        count,
        height,
        FONT_SIZE,
        header_lines=header_lines(COLUMNS, context, width, FONT_SIZE),
        first_page_used=used(_head(data, context)),
        last_page_used=used(_tail(data, count, context)),
    )


def birthdays_estimate(
    database: Database,
    actor: Actor,
    year: int,
    month: int,
    organization_id: int | None,
    context: PrintContext,
) -> PageEstimate:
    """The list's pages and names, read but not laid out (issue 12: said before printing)."""
    data = load_political_birthdays(database, actor, year, month, organization_id)
    count = len(data.members)
    return PageEstimate(estimate_birthday_pages(data, count, context), count)


def load_political_birthdays(
    database: Database, actor: Actor, year: int, month: int, organization_id: int | None = None
) -> PoliticalBirthdaysData:
    """The month's list from the members service, as ``actor`` may see it; with
    ``organization_id`` only that organization's members (incl. those below it)."""
    # The members service pulls in search, import and export: only when a list is loaded,
    # so the registry (every ``dangqun print``, every preview) stays light.
    from dangqun.members.organizations import organization_tree
    from dangqun.members.service import political_birthdays

    organization = ""
    if organization_id is not None:
        names = {node.id: node.name for node in organization_tree(database)}
        organization = names.get(organization_id, "")
    members = []
    for birthday in political_birthdays(database, actor, month, year, organization_id):
        members.append(
            BirthdayMember(
                name=birthday.name,
                gender=birthday.gender_label,
                branch=birthday.branch_name,
                joined_on=birthday.joined_on,
                years=birthday.years,
                phone=birthday.phone,
            )
        )
    return PoliticalBirthdaysData(year, month, members, organization)


def sample_political_birthdays(context: PrintContext) -> PoliticalBirthdaysData:
    # By day, then by name in pinyin order, as the members service returns them.
    people = [
        ("王建国", "1", "翠湖社区第一网格党支部", date(1975, 11, 3), "13908712345"),
        ("陈志强", "1", "翠湖社区第二网格党支部", date(1986, 11, 7), "0871-65123456"),
        ("李秀英", "2", "翠湖社区第一网格党支部", date(1968, 11, 7), "13808715678"),
        ("张伟", "1", "翠湖社区第二网格党支部", date(2010, 11, 12), "13577012345"),
        ("刘洋", "2", "翠湖社区第一网格党支部", date(2016, 11, 18), "15087123456"),
        ("杨帆", "1", "翠湖社区流动党员党支部", date(2003, 11, 21), "13987654321"),
        ("赵桂兰", "2", "翠湖社区离退休党员党支部", date(1956, 11, 25), "13769012345"),
        ("马超", "1", "翠湖社区第三网格党支部", date(2001, 11, 28), "18687112345"),
        ("宋佳", "2", "翠湖社区第二网格党支部", date(2024, 11, 30), "18725012345"),
    ]
    year, month = 2026, 11
    members = [
        BirthdayMember(
            name=name,
            gender=GENDERS.label(gender),
            branch=branch,
            joined_on=joined,
            years=year - joined.year,
            phone=phone,
        )
        for name, gender, branch, joined, phone in people
    ]
    return PoliticalBirthdaysData(year, month, members)
