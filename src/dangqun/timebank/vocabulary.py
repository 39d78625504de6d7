"""The time bank's stored codes and their Chinese labels (DOMAIN.md §3, issue 13).

No Qt, no ORM — the standard library only, so the UI, the CLI and printed documents import the
same words. A code is what the database stores; a label is what a person reads.
"""

from __future__ import annotations

import enum


class VolunteerStatus(enum.Enum):
    """An account's state. Closed is final and keeps its history (issue 13: "a closed account
    keeps its history"); suspended can be made active again."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"


VOLUNTEER_STATUS_LABELS = {
    VolunteerStatus.ACTIVE: "正常",
    VolunteerStatus.SUSPENDED: "暂停",
    VolunteerStatus.CLOSED: "已注销",
}


class RecordStatus(enum.Enum):
    """A service record's state: 待核实 → 已核实 or 已退回; a verified record whose earn was
    reversed becomes 已冲正 and no longer counts as served (issue 13, "served vs spendable")."""

    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"
    REVERSED = "reversed"


RECORD_STATUS_LABELS = {
    RecordStatus.PENDING: "待核实",
    RecordStatus.VERIFIED: "已核实",
    RecordStatus.REJECTED: "已退回",
    RecordStatus.REVERSED: "已冲正",
}

OCCUPYING_STATUSES = (RecordStatus.PENDING.value, RecordStatus.VERIFIED.value)
"""Records that take the volunteer's time: they count for overlaps and the daily/yearly caps."""


class BeneficiaryKind(enum.Enum):
    """Whom or what a service was for (issue 13)."""

    RESIDENT = "resident"
    HOUSEHOLD = "household"
    WISH = "wish"
    ACTIVITY = "activity"
    BASE_BOOKING = "base_booking"


BENEFICIARY_KIND_LABELS = {
    BeneficiaryKind.RESIDENT: "居民",
    BeneficiaryKind.HOUSEHOLD: "家庭",
    BeneficiaryKind.WISH: "微心愿",
    BeneficiaryKind.ACTIVITY: "活动",
    BeneficiaryKind.BASE_BOOKING: "阵地预约",
}


class AccountKind(enum.Enum):
    """Ledger accounts: one per volunteer, and the center's own three (created by migration 0006)."""

    VOLUNTEER = "volunteer"
    ISSUANCE = "issuance"
    """发行: every earned minute comes from here, so its balance is minus all minutes earned."""
    DONATION_POOL = "donation_pool"
    """公益池: minutes volunteers donate."""
    CATALOGUE = "catalogue"
    """兑换目录: where spent minutes go, against an item or a service of the center's catalogue."""


ACCOUNT_KIND_LABELS = {
    AccountKind.VOLUNTEER: "志愿者账户",
    AccountKind.ISSUANCE: "发行账户",
    AccountKind.DONATION_POOL: "公益池",
    AccountKind.CATALOGUE: "兑换目录",
}

CENTER_ACCOUNT_NAMES = {
    AccountKind.ISSUANCE: "时间银行发行",
    AccountKind.DONATION_POOL: "公益池",
    AccountKind.CATALOGUE: "兑换目录",
}


class TransferKind(enum.Enum):
    EARN = "earn"
    SPEND = "spend"
    GIVE = "give"
    DONATE = "donate"
    REVERSAL = "reversal"


TRANSFER_KIND_LABELS = {
    TransferKind.EARN: "服务存入",
    TransferKind.SPEND: "兑换支出",
    TransferKind.GIVE: "转赠",
    TransferKind.DONATE: "捐赠公益池",
    TransferKind.REVERSAL: "冲正",
}


class ReceivedKind(enum.Enum):
    """What a volunteer received for spent minutes."""

    ITEM = "item"
    SERVICE = "service"


RECEIVED_KIND_LABELS = {ReceivedKind.ITEM: "物品", ReceivedKind.SERVICE: "服务"}


class VerifierRule(enum.Enum):
    """The setting ``timebank_verifier_rule``: who may verify a record (issue 13: "not the one
    who entered it when the center has two or more staff")."""

    AUTO = "auto"
    """Another user must verify when the center has two or more active 管理员/工作人员 accounts."""
    ALWAYS = "always"
    NEVER = "never"


VERIFIER_RULE_LABELS = {
    VerifierRule.AUTO: "自动（两人以上时由他人核实）",
    VerifierRule.ALWAYS: "始终须由录入人以外的人核实",
    VerifierRule.NEVER: "录入人可以自己核实",
}


class LimitLevel(enum.Enum):
    """How a posting leaves an account against its limit (the UI warns on NEAR, refuses OVER)."""

    OK = "ok"
    NEAR = "near"
    OVER = "over"


DEFAULT_CATEGORIES = (
    "养老助老",
    "环境整治",
    "助学",
    "文体",
    "疫情防控",
    "微心愿",
    "便民服务",
    "其他",
)
"""The categories migration 0006 seeds; 系统设置 adds, renames and retires them."""

VOLUNTEER_NUMBER_PREFIX = "ZY"
"""志愿者编号: ``ZY`` + year of opening + five digits (``ZY202600001``), allocated once."""


def hours_in_words(minutes: int) -> str:
    """``12 小时 30 分钟`` for people (integers only; ``0 分钟``; a minus sign kept)."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if hours and rest:
        return f"{sign}{hours} 小时 {rest} 分钟"
    if hours:
        return f"{sign}{hours} 小时"
    return f"{sign}{rest} 分钟"
