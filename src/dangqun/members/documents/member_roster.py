"""花名册 — the member roster of a branch, on landscape A4 (DOMAIN.md §1).

Columns follow the items of the 党员管理信息系统 that a branch's roster usually shows. ID
numbers, phones and addresses are read as the person printing may see them and masked again
unless full data was asked for (the caller decides, and audits a full print). The roster of a
branch includes the members recorded on its building groups, because the branch is the unit
named as 所在党支部. Column titles are the glossary's words (issue 11: 党员类型, not 人员类型).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from sqlalchemy import select

from dangqun.core.db import Database
from dangqun.core.errors import NotFound
from dangqun.core.privacy import PersonalField, shown
from dangqun.core.security import Actor, Permission
from dangqun.members import glossary
from dangqun.members.codes import CATEGORIES, EDUCATIONS, ETHNICITIES, GENDERS, KINDS
from dangqun.members.documents.personal_data import printed
from dangqun.members.models import Member, Organization
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus
from dangqun.printing.page_kit import (
    Column,
    DocumentPlan,
    PageLayout,
    PrintContext,
    TypeSize,
    chinese_date,
    data_table,
    gap,
    paragraph,
    signature_lines,
)

KIND = "member_roster"


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
class MemberRosterData:
    organization_name: str
    as_of: date
    members: Sequence[RosterMember]


def _month(value: date | None) -> str:
    return f"{value:%Y.%m}" if value else ""


def build_member_roster(data: MemberRosterData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.LANDSCAPE).frame_width
    full = context.may_see_personal_data
    probationary = sum(
        1 for member in data.members if member.category == glossary.PROBATIONARY_MEMBER
    )
    show_group = any(member.group for member in data.members)
    columns = [
        Column("序号", 8, "center"),
        Column("姓名", 15, "center"),
        Column("性别", 8, "center"),
        Column("民族", 12, "center"),
        Column("出生年月", 15, "center"),
        Column("公民身份号码", 38, "center"),
        Column("学历", 15, "center"),
        Column(glossary.CATEGORY, 15, "center"),
        Column("入党时间", 15, "center"),
        Column("转正时间", 15, "center"),
        Column("工作单位及职务", 27),
        Column("联系电话", 25, "center"),
        Column("现居住地址", 27),
        Column(glossary.KIND, 16, "center"),
    ]
    if show_group:
        columns.append(Column(glossary.GROUP, 18, "center"))
    rows: list[list[str]] = []
    for number, member in enumerate(data.members, 1):
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
        if show_group:
            row.append(member.group)
        rows.append(row)
    summary_style = ParagraphStyle("summary", parent=styles.cell, alignment=TA_CENTER)
    privacy = (
        "本表含完整个人信息，请妥善保管，不得外传。"
        if full
        else "公民身份号码、联系电话、住址已按规定部分隐藏。"
    )
    story: list[object] = [
        paragraph(f"{data.organization_name}党员花名册", styles.title, fonts),
        paragraph(
            f"统计截至{chinese_date(data.as_of)}　在册党员 {len(data.members)} 名"
            f"（正式党员 {len(data.members) - probationary} 名，预备党员 {probationary} 名）",
            summary_style,
            fonts,
        ),
        gap(3),
        data_table(
            columns,
            rows or [["—"] + [""] * (len(columns) - 1)],
            context,
            width,
            font_size=TypeSize.XIAOWU,
        ),
        gap(2),
        paragraph(privacy, styles.note, fonts),
        gap(4),
        signature_lines(["制表人", "审核人", "制表日期"], context, width, per_row=3),
    ]
    return DocumentPlan(KIND, f"{data.organization_name}党员花名册", PageLayout.LANDSCAPE, story)


def load_member_roster(
    database: Database, actor: Actor, organization_id: int, as_of: date
) -> MemberRosterData:
    """The organization's 在册 members with those of everything below it, as ``actor`` may
    see them: the subtree is the members module's own (the one the member list filters by),
    so a roster and the list of the same branch always show the same people."""
    # The tree module brings the validation rules along: only when a roster is loaded, so the
    # registry (every ``dangqun print``, every preview) stays light.
    from dangqun.members.organizations import descendant_ids

    actor.require(Permission.VIEW)
    with database.reading() as session:
        organization = session.get(Organization, organization_id)
        if organization is None:
            raise NotFound(f"找不到编号为 {organization_id} 的党组织。")
        included = descendant_ids(session, organization_id)
        names = dict(
            session.execute(
                select(Organization.id, Organization.name).where(Organization.id.in_(included))
            ).all()
        )
        members = session.scalars(
            select(Member)
            .where(Member.organization_id.in_(included))
            .where(Member.status == MemberStatus.ACTIVE.value)
            .order_by(Member.joined_on, Member.id)
        ).all()
        rows = [
            RosterMember(
                name=member.name,
                gender=GENDERS.label(member.gender_code),
                ethnicity=ethnicity_label(member.ethnicity_code),
                birth_date=member.birth_date,
                id_number=shown(actor, PersonalField.ID_NUMBER, member.id_number),
                education=EDUCATIONS.label(member.education_code),
                category=CATEGORIES.label(MemberCategory(member.category)),
                joined_on=member.joined_on,
                confirmed_on=member.confirmed_on,
                work_unit=member.work_unit or "",
                phone=shown(actor, PersonalField.PHONE, member.phone),
                address=shown(actor, PersonalField.ADDRESS, member.address),
                kind=KINDS.label(MemberKind(member.kind)),
                group=""
                if member.organization_id in (organization_id, None)
                else names.get(member.organization_id, ""),
            )
            for member in members
        ]
        name = organization.name
    return MemberRosterData(name, as_of, rows)


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
    return MemberRosterData("翠湖社区第一网格党支部", context.print_date, members)
