"""The members' glossary: one Chinese word for each member term, everywhere (issue 11).

Screens, exports, import templates, printed documents and the command line name a member's
category, kind and organization with the constants below, and nothing else. Before issue 11 the
same kind was 在职党员报到, 在职报到 and 在职党员 on three screens and neighbouring columns were
called 类别 and 类型; :data:`RETIRED_TERMS` lists those words and
``tests/unit/test_vocabulary.py`` fails when one comes back in a translation, a form, a Python
literal or this glossary.

Sources: the national 党员管理信息系统's 16-item 党员基本信息 record (DOMAIN.md §1) for the
record's fields; DOMAIN.md §1 "Kinds of people at a center" and the seed articles (000, 001,
002) for the kinds. Old words stay *readable*: a roster or export written with them still
imports (:data:`ACCEPTED_OLD_HEADERS`, :data:`ACCEPTED_OLD_KIND_WORDS`), they are only never
written again. Standard library only: the CLI and the printing loaders read this without Qt or
SQLAlchemy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# -- 人员类别: item 7 of the 16-item record ------------------------------------------------------

CATEGORY = "人员类别"
"""正式党员 or 预备党员: item 7 of the 16-item 党员基本信息 record (DOMAIN.md §1). Never bare 类别,
never 党员类别, never 党员类型 (that word is the kind below)."""

FULL_MEMBER = "正式党员"
"""人员类别 value (16-item record; 政治面貌 GB/T 4762 01 中共党员)."""

PROBATIONARY_MEMBER = "预备党员"
"""人员类别 value (16-item record; 政治面貌 GB/T 4762 02 中共预备党员); has no vote (支部工作条例)."""

# -- 党员类型: how the center holds the member (DOMAIN.md §1) --------------------------------------

KIND = "党员类型"
"""How the center holds the member: 社区党员, 在职党员, 流入党员, 流出党员, 离退休党员
(DOMAIN.md §1 "Kinds of people at a center"). Not 人员类型, never bare 类型 in a member column."""

LOCAL_MEMBER = "社区党员"
"""Organization relationship (组织关系) in one of the center's branches (DOMAIN.md §1; seed 002
"社区党员群众"). Replaces the truncated 本社区 and 本社区党员."""

IN_SERVICE_MEMBER = "在职党员"
"""Employed elsewhere, registered where they live: the "双报到" of seeds 000, 001, 002
("在职党员到常住地社区报到"). The relationship stays with the home organization. Replaces
在职党员报到 and 在职报到 (报到 is what they do, not what they are)."""

FLOATING_IN_MEMBER = "流入党员"
"""A 流动党员 who came here and is managed here (seed 001: "建立流入党员‘双报到、双报告、双管理、
双考核’工作机制"; DOMAIN.md §1 流动党员 流入). Replaces 流动党员流入, 流动党员·流入 and
流动党员（流入）."""

FLOATING_OUT_MEMBER = "流出党员"
"""A 流动党员 who left while the relationship stays here (DOMAIN.md §1 流动党员 流出)."""

RETIRED_MEMBER = "离退休党员"
"""Retired member (DOMAIN.md §1 离退休党员); not the bare 离退休."""

# -- Status and organization -----------------------------------------------------------------

STATUS = "党籍状态"
"""Item 14 of the 16-item record (在册, 已转出, 已去世, 已出党)."""

ORGANIZATION = "所在党组织"
"""The 网格党支部 *or* 楼栋党小组 a member is recorded on: the word for any column or field that
can list a 党小组 (issue 11: "所在党支部 lists 党小组")."""

BRANCH = "所在党支部"
"""Item 8 of the 16-item record: only where the value is always a 党支部 (a member on a 党小组
counts toward the group's branch, as on the 政治生日 list)."""

GROUP = "所在党小组"
"""The 楼栋党小组 of a member recorded on one (roster column next to 所在党支部)."""

REGISTERED_ORGANIZATION = "报到党组织"
"""Where an 在职党员 or 流入党员 registered (报到) and serves while the relationship stays
elsewhere (seed 000 "在职党员到常住地社区报到", seed 001 流入党员 "双报到"). Replaces 服务党支部,
which also named 党小组."""

HOME_ORGANIZATION = "组织关系所在党组织"
"""The party organization an 在职党员 or 流入党员's relationship stays with (the 双报到 receipt
goes back to it, seed 000 "由社区向机关单位上级党组织报告"); never 所在党组织, which is ours."""

JOINED_ON = "入党日期"
"""Item 9 of the 16-item record (加入党组织日期; still read on import)."""

CONFIRMED_ON = "转正日期"
"""Item 10 of the 16-item record (转为正式党员日期; still read on import)."""


# -- A member record's fields ---------------------------------------------------------------

MEMBER_FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "gender_code": "性别",
    "ethnicity_code": "民族",
    "birth_date": "出生日期",
    "id_number": "公民身份号码",
    "education_code": "学历",
    "kind": KIND,
    "category": CATEGORY,
    "status": STATUS,
    "organization_id": ORGANIZATION,
    "joined_on": JOINED_ON,
    "confirmed_on": CONFIRMED_ON,
    "work_unit": "工作单位及职务",
    "phone": "联系电话",
    "household_registration": "户籍地",
    "address": "现居住地址",
    "party_standing": "党籍情况",
    "lost_contact_on": "失联日期",
    "outflow_destination": "外出流向",
    "registered_on": "报到日期",
    "origin_organization": "来源组织",
    "activity_card_number": "流动党员活动证号",
    "notes": "备注",
}
"""Member field → its name on forms, in validation messages and in the audit log's details
(the 16-item record's names where it has the field, DOMAIN.md §1)."""

# -- Words that are no longer written ---------------------------------------------------------


@dataclass(frozen=True)
class RetiredTerm:
    """A word no screen, export, print or command may show, and what to say instead."""

    pattern: str
    """Regular expression searched in a text (``^…$`` for a whole label)."""
    preferred: str
    """The glossary word that replaces it."""
    only_in: tuple[str, ...] = ()
    """Translation contexts (``MemberTableModel``) or source file names (``member_roster.py``)
    the rule is limited to; empty for everywhere. 所在党支部 is right on the 政治生日 list and
    wrong where a 党小组 can appear."""

    def found_in(self, text: str) -> str | None:
        """The retired word as it appears in ``text``, or None."""
        match = re.search(self.pattern, text)
        return match.group(0) if match else None


MEMBER_SCREENS = ("MemberTableModel", "MemberDialog", "MemberChangeDialog", "BirthdayTableModel")
"""The translation contexts of the member screens, where bare 类型 means 党员类型."""

RETIRED_TERMS: tuple[RetiredTerm, ...] = (
    RetiredTerm("在职报到", IN_SERVICE_MEMBER),
    RetiredTerm("在职党员报到(?!回执)", IN_SERVICE_MEMBER),
    RetiredTerm("流动党员\\s*[·・（(]?\\s*流[入出]", f"{FLOATING_IN_MEMBER}/{FLOATING_OUT_MEMBER}"),
    RetiredTerm("流[入出]的流动党员", f"{FLOATING_IN_MEMBER}/{FLOATING_OUT_MEMBER}"),
    RetiredTerm("服务党支部", REGISTERED_ORGANIZATION),
    RetiredTerm("人员类型", KIND),
    RetiredTerm("党员类别", CATEGORY),
    RetiredTerm('党员类型\\s*[:：]?\\s*[“"]?(正式|预备)', CATEGORY),
    RetiredTerm("^类别$", CATEGORY),
    RetiredTerm("^类型$", KIND, only_in=MEMBER_SCREENS),
    RetiredTerm("^本社区$", LOCAL_MEMBER),
    RetiredTerm("本社区党员", LOCAL_MEMBER),
    RetiredTerm("^离退休$", RETIRED_MEMBER),
    RetiredTerm(
        "所在党支部",
        ORGANIZATION,
        only_in=("MemberTableModel", "MemberDialog", "MemberChangeDialog", "exporter.py"),
    ),
)
"""Issue 11's list of synonyms, with where each is wrong."""

ACCEPTED_OLD_HEADERS: dict[str, tuple[str, ...]] = {
    "category": ("党员类别", "类别", "政治面貌"),
    "kind": ("人员类型", "党员身份", "管理类型"),
    "branch": (
        "所在党支部", "所在支部", "党支部", "所属党支部", "所属支部", "支部", "所在网格党支部",
        "所属党组织",
    ),
}  # fmt: skip
"""Roster headers still read on import after the preferred one (exports before issue 11 wrote
党员类型 and 所在党支部; national exports write 所在党支部 and 人员类别)."""

ACCEPTED_OLD_KIND_WORDS: dict[str, tuple[str, ...]] = {
    LOCAL_MEMBER: ("本社区", "本社区党员"),
    IN_SERVICE_MEMBER: ("在职党员报到", "在职报到"),
    FLOATING_IN_MEMBER: ("流动党员流入", "流动党员·流入", "流动党员（流入）"),
    FLOATING_OUT_MEMBER: ("流动党员流出", "流动党员·流出", "流动党员（流出）"),
    RETIRED_MEMBER: ("离退休",),
}
"""Kind labels written before issue 11 (its exports, other screens' words): still imported."""
