"""The members module's words: kinds, categories, statuses and levels, with their Chinese labels.

Kept apart from :mod:`dangqun.members.models` so the UI, printing loaders and the command line
can name a member kind without importing SQLAlchemy: the tables store the enum *values*
(``Member.kind == MemberKind.LOCAL.value``). No Qt, no ORM — the standard library only.

The Chinese words come from :mod:`dangqun.members.glossary`, the one vocabulary of issue 11.
"""

from __future__ import annotations

import enum

from dangqun.members import glossary


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
    LOCAL = "local"  # 社区党员
    IN_SERVICE_REGISTERED = "in_service"  # 在职党员（双报到）
    FLOATING_IN = "floating_in"  # 流入党员
    FLOATING_OUT = "floating_out"  # 流出党员
    RETIRED = "retired"  # 离退休党员


MEMBER_KIND_LABELS = {
    MemberKind.LOCAL: glossary.LOCAL_MEMBER,
    MemberKind.IN_SERVICE_REGISTERED: glossary.IN_SERVICE_MEMBER,
    MemberKind.FLOATING_IN: glossary.FLOATING_IN_MEMBER,
    MemberKind.FLOATING_OUT: glossary.FLOATING_OUT_MEMBER,
    MemberKind.RETIRED: glossary.RETIRED_MEMBER,
}

MEMBER_KIND_OLD_WORDS = {
    kind: glossary.ACCEPTED_OLD_KIND_WORDS.get(label, ())
    for kind, label in MEMBER_KIND_LABELS.items()
}
"""Labels a kind had before issue 11: still read from rosters and old exports, never written."""


class MemberCategory(enum.Enum):
    FULL = "full"  # 正式党员
    PROBATIONARY = "probationary"  # 预备党员


MEMBER_CATEGORY_LABELS = {
    MemberCategory.FULL: glossary.FULL_MEMBER,
    MemberCategory.PROBATIONARY: glossary.PROBATIONARY_MEMBER,
}


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
