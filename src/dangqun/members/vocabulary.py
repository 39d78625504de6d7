"""The members module's words: kinds, categories, statuses and levels, with their Chinese labels.

Kept apart from :mod:`dangqun.members.models` so the UI, printing loaders and the command line
can name a member kind without importing SQLAlchemy: the tables store the enum *values*
(``Member.kind == MemberKind.LOCAL.value``). No Qt, no ORM — the standard library only.
"""

from __future__ import annotations

import enum


class OrganizationLevel(enum.Enum):
    STREET_COMMITTEE = "street_committee"  # 街道党工委
    COMMUNITY = "community"  # 社区党组织（党委/党总支）
    GRID_BRANCH = "grid_branch"  # 网格党支部
    BUILDING_GROUP = "building_group"  # 楼栋党小组


ORGANIZATION_LEVEL_LABELS = {
    OrganizationLevel.STREET_COMMITTEE: "街道党工委",
    OrganizationLevel.COMMUNITY: "社区党组织",
    OrganizationLevel.GRID_BRANCH: "网格党支部",
    OrganizationLevel.BUILDING_GROUP: "楼栋党小组",
}


class MemberKind(enum.Enum):
    LOCAL = "local"  # 本社区党员
    IN_SERVICE_REGISTERED = "in_service"  # 在职党员报到
    FLOATING_IN = "floating_in"  # 流动党员流入
    FLOATING_OUT = "floating_out"  # 流动党员流出
    RETIRED = "retired"  # 离退休党员


MEMBER_KIND_LABELS = {
    MemberKind.LOCAL: "本社区",
    MemberKind.IN_SERVICE_REGISTERED: "在职党员报到",
    MemberKind.FLOATING_IN: "流动党员流入",
    MemberKind.FLOATING_OUT: "流动党员流出",
    MemberKind.RETIRED: "离退休",
}


class MemberCategory(enum.Enum):
    FULL = "full"  # 正式党员
    PROBATIONARY = "probationary"  # 预备党员


MEMBER_CATEGORY_LABELS = {MemberCategory.FULL: "正式党员", MemberCategory.PROBATIONARY: "预备党员"}


class MemberStatus(enum.Enum):
    ACTIVE = "active"  # 在册
    TRANSFERRED_OUT = "transferred_out"  # 已转出
    DECEASED = "deceased"  # 已去世
    LEFT = "left"  # 出党/停止党籍


MEMBER_STATUS_LABELS = {
    MemberStatus.ACTIVE: "在册",
    MemberStatus.TRANSFERRED_OUT: "已转出",
    MemberStatus.DECEASED: "已去世",
    MemberStatus.LEFT: "已出党",
}
