"""Every code list a member record uses, in one place, for forms, import, export and checks.

Sources (DOMAIN.md §1): 性别 GB/T 2261.1 ("1" 男, "2" 女); 民族 GB/T 3304 ("01" 汉族 …
"56" 基诺族, "97" 其他, "98" 外国血统中国籍人士); 学历 GB/T 4658-2006 top-level classes
("10" 研究生 … "90" 其他); 人员类别 (正式党员/预备党员), kinds and statuses are this app's enums
from :mod:`dangqun.members.models`.

Each list also knows the spellings real rosters use for its entries (``汉`` for 汉族, ``大专``
for 大学专科, ``预备`` for 预备党员), so the importer and the form read the same words.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from dangqun.members.vocabulary import (
    MEMBER_CATEGORY_LABELS,
    MEMBER_KIND_LABELS,
    MEMBER_KIND_OLD_WORDS,
    MEMBER_STATUS_LABELS,
    ORGANIZATION_LEVEL_LABELS,
    MemberCategory,
    MemberKind,
    MemberStatus,
    OrganizationLevel,
)

CodeType = TypeVar("CodeType")

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class CodeItem(Generic[CodeType]):
    """One entry: the stored ``code`` (a string code or an enum) and the label a user reads."""

    code: CodeType
    label: str


@dataclass(frozen=True)
class CodeList(Generic[CodeType]):
    """An ordered code table with the words that name each entry."""

    name: str
    items: tuple[CodeItem[CodeType], ...]
    synonyms: Mapping[str, CodeType] = field(default_factory=dict)

    def label(self, code: CodeType | None, empty: str = "") -> str:
        for item in self.items:
            if item.code == code:
                return item.label
        return empty if code is None else str(code)

    def codes(self) -> list[CodeType]:
        return [item.code for item in self.items]

    def __contains__(self, code: object) -> bool:
        return any(item.code == code for item in self.items)

    def lookup(self, text: str) -> CodeType | None:
        """The entry a roster cell or a typed word means; None when nothing matches."""
        key = _SPACES.sub("", text or "")
        if not key:
            return None
        for item in self.items:
            if key in (item.label, str(item.code)) or (
                isinstance(item.code, enum.Enum) and key == item.code.value
            ):
                return item.code
        return self.synonyms.get(key)


def _items(pairs: Iterable[tuple[CodeType, str]]) -> tuple[CodeItem[CodeType], ...]:
    return tuple(CodeItem(code, label) for code, label in pairs)


GENDER_MALE = "1"
GENDER_FEMALE = "2"
GENDERS: CodeList[str] = CodeList(
    "性别",
    _items([(GENDER_MALE, "男"), (GENDER_FEMALE, "女")]),
    {"男性": GENDER_MALE, "女性": GENDER_FEMALE, "M": GENDER_MALE, "F": GENDER_FEMALE},
)

_ETHNIC_GROUP_NAMES = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 "
    "哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 "
    "达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 "
    "乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 "
    "门巴族 珞巴族 基诺族"
)
_ETHNIC_GROUPS = tuple(_ETHNIC_GROUP_NAMES.split())
ETHNICITY_HAN = "01"
ETHNICITY_OTHER = "97"


def _ethnicity_synonyms() -> dict[str, str]:
    synonyms: dict[str, str] = {}
    for number, label in enumerate(_ETHNIC_GROUPS, 1):
        code = f"{number:02d}"
        synonyms[label.removesuffix("族")] = code  # 汉 → 汉族, 蒙古 → 蒙古族
        synonyms[str(number)] = code  # 1 → 01 (a code typed as a number)
    synonyms.update({"维族": "05", "穿青人": ETHNICITY_OTHER, "其它": ETHNICITY_OTHER})
    return synonyms


ETHNICITIES: CodeList[str] = CodeList(
    "民族",
    _items(
        [(f"{number:02d}", label) for number, label in enumerate(_ETHNIC_GROUPS, 1)]
        + [(ETHNICITY_OTHER, "其他"), ("98", "外国血统中国籍人士")]
    ),
    _ethnicity_synonyms(),
)

# fmt: off
EDUCATIONS: CodeList[str] = CodeList(
    "学历",
    _items(
        [
            ("10", "研究生"),
            ("20", "大学本科"),
            ("30", "大学专科"),
            ("40", "中等职业教育"),
            ("60", "高中"),
            ("70", "初中"),
            ("80", "小学"),
            ("90", "其他"),
        ]
    ),
    {
        "研究生教育": "10", "博士": "10", "博士研究生": "10", "硕士": "10", "硕士研究生": "10",
        "研究生及以上": "10",
        "本科": "20", "大学": "20", "大学本科教育": "20",
        "大专": "30", "专科": "30", "大学专科教育": "30", "高职": "30",
        "中专": "40", "中技": "40", "技校": "40", "职高": "40", "中等专科": "40",
        "中等专业学校": "40", "技工学校": "40", "中专及以下": "40",
        "普通高中": "60", "高级中学": "60", "普通高级中学教育": "60", "高中及以下": "60",
        "初级中学": "70", "初中及以下": "70", "初级中学教育": "70",
        "小学及以下": "80", "小学教育": "80",
        "文盲": "90", "半文盲": "90", "其它": "90",
    },
)
# fmt: on

CATEGORIES: CodeList[MemberCategory] = CodeList(
    "人员类别",
    _items(MEMBER_CATEGORY_LABELS.items()),
    {
        "正式": MemberCategory.FULL,
        "预备": MemberCategory.PROBATIONARY,
        "中共党员": MemberCategory.FULL,
        "中共预备党员": MemberCategory.PROBATIONARY,
        "01": MemberCategory.FULL,  # 政治面貌 GB/T 4762
        "02": MemberCategory.PROBATIONARY,
    },
)

KINDS: CodeList[MemberKind] = CodeList(
    "党员类型",
    _items(MEMBER_KIND_LABELS.items()),
    {
        **{word: kind for kind, words in MEMBER_KIND_OLD_WORDS.items() for word in words},
        "在职党员双报到": MemberKind.IN_SERVICE_REGISTERED,
        "双报到": MemberKind.IN_SERVICE_REGISTERED,
        "报到党员": MemberKind.IN_SERVICE_REGISTERED,
        "流入": MemberKind.FLOATING_IN,
        "流出": MemberKind.FLOATING_OUT,
        "退休": MemberKind.RETIRED,
        "离休": MemberKind.RETIRED,
        "退休党员": MemberKind.RETIRED,
    },
)

STATUSES: CodeList[MemberStatus] = CodeList(
    "党籍状态",
    _items(MEMBER_STATUS_LABELS.items()),
    {
        "正常": MemberStatus.ACTIVE,
        "在籍": MemberStatus.ACTIVE,
        "转出": MemberStatus.TRANSFERRED_OUT,
        "去世": MemberStatus.DECEASED,
        "死亡": MemberStatus.DECEASED,
        "出党": MemberStatus.LEFT,
    },
)

LEVELS: CodeList[OrganizationLevel] = CodeList(
    "组织层级", _items(ORGANIZATION_LEVEL_LABELS.items())
)


class EventType(enum.Enum):
    """Kinds of dated facts in a member's history (DOMAIN.md §1: transfers are events)."""

    CREATED = "created"  # 建档
    REPORT = "report"  # 在职党员到社区报到
    TRANSFER_IN = "transfer_in"  # 组织关系转入
    TRANSFER_OUT = "transfer_out"  # 组织关系转出
    FLOATING_IN = "floating_in"  # 流动党员流入登记
    FLOATING_OUT = "floating_out"  # 流动党员外出登记
    KIND_CHANGE = "kind_change"  # 党员类型变更
    CONFIRMED = "confirmed"  # 预备党员转正
    CATEGORY_CHANGE = "category_change"  # 人员类别更正（正式 → 预备）
    STATUS_CHANGE = "status_change"  # 党籍状态变更
    BRANCH_CHANGE = "branch_change"  # 所在党支部调整


EVENT_TYPES: CodeList[EventType] = CodeList(
    "历史记录",
    _items(
        [
            (EventType.CREATED, "建档"),
            (EventType.REPORT, "到社区报到"),
            (EventType.TRANSFER_IN, "组织关系转入"),
            (EventType.TRANSFER_OUT, "组织关系转出"),
            (EventType.FLOATING_IN, "流入党员登记"),
            (EventType.FLOATING_OUT, "流出党员登记"),
            (EventType.KIND_CHANGE, "党员类型变更"),
            (EventType.CONFIRMED, "转为正式党员"),
            (EventType.CATEGORY_CHANGE, "人员类别变更"),
            (EventType.STATUS_CHANGE, "党籍状态变更"),
            (EventType.BRANCH_CHANGE, "调整所在党组织"),
        ]
    ),
)

YES_WORDS = frozenset({"是", "Y", "y", "yes", "YES", "1", "√", "✓", "有"})
NO_WORDS = frozenset({"否", "N", "n", "no", "NO", "0", "×", "无", "不是"})


class MemberCodeLabels:
    """The Chinese labels of the coded fields every view of a member carries (list row, detail)."""

    gender_code: str
    kind: MemberKind
    category: MemberCategory
    status: MemberStatus

    @property
    def gender_label(self) -> str:
        return GENDERS.label(self.gender_code)

    @property
    def kind_label(self) -> str:
        return KINDS.label(self.kind)

    @property
    def category_label(self) -> str:
        return CATEGORIES.label(self.category)

    @property
    def status_label(self) -> str:
        return STATUSES.label(self.status)
