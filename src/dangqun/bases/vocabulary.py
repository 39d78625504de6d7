"""The bases module's stored codes and their Chinese labels (DOMAIN.md §2, issue 14).

No Qt, no ORM — the standard library only, so the UI, the CLI and printed documents import the
same words. A code is what the database stores; a label is what a person reads.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeVar


class BaseType(enum.Enum):
    """The four kinds of 开放式组织生活基地 (DOMAIN §2, seed 004)."""

    BASIC = "basic"
    RED = "red"
    WELFARE = "welfare"
    TECHNOLOGY = "technology"


BASE_TYPE_LABELS = {
    BaseType.BASIC: "基础型",
    BaseType.RED: "红色型",
    BaseType.WELFARE: "公益型",
    BaseType.TECHNOLOGY: "科技型",
}


class OrganizationType(enum.Enum):
    """Who comes to a base: branches without a venue of their own (DOMAIN §2)."""

    BRANCH = "branch"
    STATIONED_UNIT = "stationed_unit"
    TWO_NEW = "two_new"
    FLOATING_GROUP = "floating_group"


ORGANIZATION_TYPE_LABELS = {
    OrganizationType.BRANCH: "支部",
    OrganizationType.STATIONED_UNIT: "驻区单位",
    OrganizationType.TWO_NEW: "两新组织",
    OrganizationType.FLOATING_GROUP: "流动党员小组",
}


class BookingStatus(enum.Enum):
    """待确认 → 已确认 → 已签到 → 已完成, or 已取消 (with a reason) / 未到 (after the slot
    ends). DOMAIN §2's statuses, as booking software keeps them."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


BOOKING_STATUS_LABELS = {
    BookingStatus.PENDING: "待确认",
    BookingStatus.CONFIRMED: "已确认",
    BookingStatus.CHECKED_IN: "已签到",
    BookingStatus.COMPLETED: "已完成",
    BookingStatus.CANCELLED: "已取消",
    BookingStatus.NO_SHOW: "未到",
}

OCCUPYING_STATUSES = (
    BookingStatus.PENDING.value,
    BookingStatus.CONFIRMED.value,
    BookingStatus.CHECKED_IN.value,
    BookingStatus.COMPLETED.value,
)
"""Bookings that hold their room's places, their lecturer and their materials. A cancelled
booking frees them (issue 14: "cancelling frees the places"); a no-show is marked only after its
slot has ended, so freeing it changes nothing that could still be booked."""
MOVABLE_STATUSES = (BookingStatus.PENDING.value, BookingStatus.CONFIRMED.value)
"""A booking may be moved, changed or cancelled only before the visitors have arrived."""
VISITED_STATUSES = (BookingStatus.CHECKED_IN.value, BookingStatus.COMPLETED.value)
"""Bookings whose visit happened: statistics count these, with their real headcount."""


class Channel(enum.Enum):
    """How the booking reached the center (DOMAIN §2: "线上线下预约")."""

    PHONE = "phone"
    ON_SITE = "on_site"
    ONLINE = "online"


CHANNEL_LABELS = {Channel.PHONE: "电话", Channel.ON_SITE: "现场", Channel.ONLINE: "线上"}


class ClosureKind(enum.Enum):
    """A closed date: once (one day or a range of dates, e.g. 春节 2027-02-05 至 02-11, whose
    dates move with the lunar calendar and are entered for each year), or every year on the
    same month and day (国庆 10-01 至 10-07; a range may run over the new year)."""

    DATES = "dates"
    YEARLY = "yearly"


CLOSURE_KIND_LABELS = {ClosureKind.DATES: "指定日期", ClosureKind.YEARLY: "每年"}


class RecurrenceKind(enum.Enum):
    """A series' rule: 每周星期X; 每月第N个星期X (如每月第一个周五主题党日); 每月N日."""

    WEEKLY = "weekly"
    MONTHLY_WEEKDAY = "monthly_weekday"
    MONTHLY_DAY = "monthly_day"


RECURRENCE_KIND_LABELS = {
    RecurrenceKind.WEEKLY: "每周",
    RecurrenceKind.MONTHLY_WEEKDAY: "每月第几个星期几",
    RecurrenceKind.MONTHLY_DAY: "每月几日",
}


class Problem(enum.Enum):
    """Why a slot cannot be booked: the reason a recurring series gives for each skipped date,
    and the kind of each refusal of a single booking."""

    INVALID = "invalid"
    PAST = "past"
    NOTICE = "notice"
    ADVANCE = "advance"
    CLOSED = "closed"
    OUTSIDE_HOURS = "outside_hours"
    FULL = "full"
    LECTURER_BUSY = "lecturer_busy"
    MATERIALS = "materials"
    QUOTA = "quota"


PROBLEM_LABELS = {
    Problem.INVALID: "填写有误",
    Problem.PAST: "时间已过",
    Problem.NOTICE: "提前时间不足",
    Problem.ADVANCE: "超出可预约范围",
    Problem.CLOSED: "闭馆",
    Problem.OUTSIDE_HOURS: "不在开放时间",
    Problem.FULL: "已满",
    Problem.LECTURER_BUSY: "讲师没空",
    Problem.MATERIALS: "物资不足",
    Problem.QUOTA: "超出每月限额",
}


class LecturerKind(enum.Enum):
    """A 讲师团 member: a party member (by id), a time-bank volunteer (by id) or a named guest."""

    MEMBER = "member"
    VOLUNTEER = "volunteer"
    GUEST = "guest"


LECTURER_KIND_LABELS = {
    LecturerKind.MEMBER: "党员",
    LecturerKind.VOLUNTEER: "志愿者",
    LecturerKind.GUEST: "特邀",
}


class Granularity(enum.Enum):
    """How statistics are grouped in time."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


WEEKDAY_LABELS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
"""Indexed by ``date.weekday()`` (0 = Monday)."""
ORDINAL_LABELS = {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", 5: "第五个", -1: "最后一个"}
Coded = TypeVar("Coded", bound=enum.Enum)
BOOKING_NUMBER_PREFIX = "YY"
"""预约 → ``YY-2026-000001``: prefix, year the booking was taken, six-digit sequence."""


def parse_label(labels: Mapping[Coded, str], text: str) -> Coded | None:
    """The code whose stored value or Chinese label is ``text`` (the CLI, importers)."""
    cleaned = text.strip()
    for member, label in labels.items():
        if cleaned in (member.value, label):
            return member
    return None
