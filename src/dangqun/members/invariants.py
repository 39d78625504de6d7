"""What must always hold of members and organizations, checked by ``dangqun check``.

Registered on import (``dangqun.members`` imports this module), so the check sees them whenever
the schema is loaded. Each check lists at most :data:`SHOWN` offending records and the total.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangqun.core.invariants import invariant
from dangqun.members.codes import GENDER_FEMALE, GENDER_MALE
from dangqun.members.models import Member, Organization
from dangqun.members.organizations import CODE_LENGTHS, MEMBER_LEVELS, ROOT_LEVELS, child_level
from dangqun.members.search_keys import compute_search_keys
from dangqun.members.validation import adulthood, has_valid_checksum
from dangqun.members.vocabulary import MemberCategory, OrganizationLevel

SHOWN = 10


def _summarize(problems: Iterable[str]) -> list[str]:
    found = list(problems)
    if len(found) > SHOWN:
        return [*found[:SHOWN], f"……共 {len(found)} 处"]
    return found


_MEMBER_FACTS = (
    Member.id,
    Member.name,
    Member.id_number,
    Member.phone,
    Member.birth_date,
    Member.gender_code,
    Member.category,
    Member.joined_on,
    Member.joined_month_day,
    Member.confirmed_on,
    Member.name_simplified,
    Member.pinyin_initials,
    Member.pinyin_full,
    Member.id_number_reversed,
    Member.phone_reversed,
)


@invariant("member_search_keys", "党员检索字段")
def _search_keys_match_names(session: Session) -> list[str]:
    problems = []
    for row in session.execute(select(*_MEMBER_FACTS)):
        keys = compute_search_keys(row.name, row.id_number, row.phone)
        stored = (
            row.name_simplified,
            row.pinyin_initials,
            row.pinyin_full,
            row.id_number_reversed,
            row.phone_reversed,
        )
        expected = (
            keys.name_simplified,
            keys.pinyin_initials,
            keys.pinyin_full,
            keys.id_number_reversed,
            keys.phone_reversed,
        )
        if stored != expected:
            problems.append(f"党员 {row.name}（编号 {row.id}）的检索字段与姓名、号码不一致")
    return _summarize(problems)


@invariant("member_rules", "党员记录规则")
def _members_keep_the_rules(session: Session) -> list[str]:
    problems = []
    for row in session.execute(select(*_MEMBER_FACTS)):
        who = f"党员 {row.name}（编号 {row.id}）"
        number = row.id_number
        if not has_valid_checksum(number):
            problems.append(f"{who}的公民身份号码校验位不正确或格式不对")
        else:
            if number[6:14] != f"{row.birth_date:%Y%m%d}":
                problems.append(f"{who}的出生日期与公民身份号码不符")
            gender = GENDER_MALE if int(number[16]) % 2 else GENDER_FEMALE
            if row.gender_code != gender:
                problems.append(f"{who}的性别与公民身份号码不符")
        if row.category == MemberCategory.PROBATIONARY.value and row.confirmed_on is not None:
            problems.append(f"{who}是预备党员却有转正日期")
        if row.confirmed_on is not None and row.confirmed_on <= row.joined_on:
            problems.append(f"{who}的转正日期不晚于入党日期")
        if row.joined_on < adulthood(row.birth_date):
            problems.append(f"{who}入党时未满 18 周岁")
        if row.joined_month_day != f"{row.joined_on:%m-%d}":
            problems.append(f"{who}的政治生日字段与入党日期不一致")
    duplicates = session.execute(
        select(func.upper(Member.id_number), func.count())
        .group_by(func.upper(Member.id_number))
        .having(func.count() > 1)
    ).all()
    problems.extend(f"公民身份号码 {number} 登记了 {count} 次" for number, count in duplicates)
    return _summarize(problems)


@invariant("organization_tree", "组织层级")
def _organization_tree_keeps_levels(session: Session) -> list[str]:
    organizations = {row.id: row for row in session.scalars(select(Organization))}
    problems = []
    for organization in organizations.values():
        level = OrganizationLevel(organization.level)
        parent = organizations.get(organization.parent_id or 0)
        if parent is None:
            if level not in ROOT_LEVELS:
                problems.append(f"“{organization.name}”没有上级组织，但它是下级层级")
        elif child_level(OrganizationLevel(parent.level)) is not level:
            problems.append(f"“{organization.name}”的层级与上级“{parent.name}”不相配")
        if organization.code is not None:
            if len(organization.code) != CODE_LENGTHS[level] or not organization.code.isdigit():
                problems.append(f"“{organization.name}”的编码 {organization.code} 位数不对")
            elif (
                parent is not None and parent.code and not organization.code.startswith(parent.code)
            ):
                problems.append(f"“{organization.name}”的编码不以上级组织的编码开头")
    misplaced = session.execute(
        select(Organization.name, func.count())
        .join(Member, Member.organization_id == Organization.id)
        .where(Organization.level.not_in([level.value for level in MEMBER_LEVELS]))
        .group_by(Organization.name)
    ).all()
    problems.extend(
        f"{count} 名党员登记在“{name}”上（应登记在网格党支部或楼栋党小组）"
        for name, count in misplaced
    )
    return _summarize(problems)
