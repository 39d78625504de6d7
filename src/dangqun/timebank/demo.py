"""时间银行's demo data: a year of service in the demo center (issue 13, "Demo data").

Run by :func:`dangqun.demo.generate_demo_data` after the members demo, in the same unit of work
(declared in ``timebank/feature.py``). The year before ``options.today`` is simulated day by day
as the services would have written it, then written in bulk with
:func:`~dangqun.core.model_base.insert_synced_rows` — going through the services would take a
minute for a year of a large center (a record is checked against overlaps and caps, a posting
against the balance, each in its own transaction). So the rules the services enforce are kept
here by construction, and ``dangqun check``'s nine time bank invariants prove it:

* volunteers are active members (mostly retired and 在职报到, of plausible ages) and residents
  who are not members (valid ID numbers matching their birth dates, none a member's), among them
  elderly parents of member volunteers who receive their children's minutes;
* a volunteer serves at most once a day, never in the future, four hours at most (the daily cap
  and overlaps hold); slip numbers are unique;
* categories follow the season (DOMAIN §3): 环境整治 in spring, 助学 in the summer holidays and in
  term time (四点半课堂), 文体 around festivals, 养老助老 all year, 疫情防控 rarely;
* records are verified days later by another staff user when the center has two (the verifier
  rule), a few wait (待核实) or are returned (已退回) with a reason; each verification posts its
  earn on its date;
* spends (a catalogue of items and services), gifts to relatives and donations to the 公益池
  are posted in date order and only when the balance allows (no negative balance); a few earns
  and spends are reversed, with reasons; a reversed earn's record is 已冲正;
* every past month is closed with :func:`~dangqun.timebank.statements.closing_snapshot`, the
  function ``close_month`` uses, after everything booked in it.

All randomness comes from ``options.seed``: the same seed and center give the same time bank.
"""

from __future__ import annotations

import json
import random
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Date, column, func, select, table
from sqlalchemy.orm import Session

from dangqun.core.model_base import insert_synced_rows
from dangqun.core.parsing import id_number_for
from dangqun.core.security import Role
from dangqun.core.uow import UnitOfWork
from dangqun.core.users import User
from dangqun.demo import DemoCount, DemoOptions, ProgressCallback
from dangqun.demo import vocabulary as words
from dangqun.timebank.models import (
    ClosingBalance,
    Entry,
    LedgerAccount,
    MonthlyClosing,
    ServiceCategory,
    ServiceRecord,
    Transfer,
    Volunteer,
)
from dangqun.timebank.statements import closing_snapshot, month_bounds
from dangqun.timebank.vocabulary import (
    VOLUNTEER_NUMBER_PREFIX,
    AccountKind,
    BeneficiaryKind,
    ReceivedKind,
    RecordStatus,
    TransferKind,
    VolunteerStatus,
)

MEMBERS_PER_VOLUNTEER = 12
"""One active member in twelve keeps a time bank account (2,000 members → about 166)."""
MAX_MEMBER_VOLUNTEERS = 400
"""A community's time bank has hundreds of volunteers, not tens of thousands: a demo of
1,000,000 members keeps the time bank of a large community (and adds seconds, not minutes)."""
RESIDENT_SHARE = 4
"""One resident who is not a member for every four member volunteers."""
PARENT_SHARE = 15
"""One in fifteen member volunteers has an elderly parent with an account, to give minutes to."""
OLDEST_SERVING_AGE = 78
_UUID_CLEAR = ~((0xF << 76) | (0xC << 60))
_UUID_SET = (0x4 << 76) | (0x8 << 60)
_MEMBERS = table(
    "members",
    column("id"),
    column("name"),
    column("gender_code"),
    column("birth_date", Date),
    column("kind"),
    column("status"),
    column("address"),
    column("id_number"),
)
"""The member columns the demo reads (by table name, like :data:`volunteers.MEMBERS`)."""

_SKILLS = (
    "理发",
    "量血压",
    "家电维修",
    "书法",
    "辅导作业",
    "文艺表演",
    "摄影",
    "烹饪",
    "法律咨询",
    "手机使用教学",
    "心理疏导",
    "驾驶",
    "缝纫",
    "中医推拿",
    "电脑维修",
    "英语辅导",
)

_CATALOGUE = (
    (ReceivedKind.ITEM, "大米（5 公斤）", 120),
    (ReceivedKind.ITEM, "食用油（1.8 升）", 90),
    (ReceivedKind.ITEM, "洗衣液", 60),
    (ReceivedKind.ITEM, "毛巾两条", 30),
    (ReceivedKind.ITEM, "抽纸一提", 30),
    (ReceivedKind.ITEM, "保温杯", 90),
    (ReceivedKind.ITEM, "雨伞", 60),
    (ReceivedKind.SERVICE, "上门理发", 30),
    (ReceivedKind.SERVICE, "家电维修", 60),
    (ReceivedKind.SERVICE, "助浴服务", 120),
    (ReceivedKind.SERVICE, "代购代办", 60),
    (ReceivedKind.SERVICE, "中医推拿", 60),
    (ReceivedKind.SERVICE, "陪同就医", 120),
)
"""The center's 兑换目录: what a volunteer may take for their minutes, and its price."""
_PARENT_CATALOGUE = tuple(item for item in _CATALOGUE if item[0] is ReceivedKind.SERVICE)

_REJECTIONS = (
    "登记单缺少服务对象签字，请补签后重新登记",
    "与活动签到表核对，服务时间不符",
    "重复登记：同一服务已在活动中批量登记",
    "服务内容填写不清，请补充后重新登记",
)
_EARN_REVERSALS = (
    "核对签到表，该志愿者当天未到场",
    "服务对象反映未接受该项服务，经核查属误登",
    "服务时长多记，经核实撤销",
)
_SPEND_REVERSALS = ("兑换物品缺货，退回时长", "志愿者放弃兑换该服务，退回时长")

_FIXED_FESTIVALS = {
    (1, 1): "元旦",
    (3, 5): "学雷锋纪念日",
    (7, 1): "建党节",
    (10, 1): "国庆节",
}
_LUNAR_FESTIVALS = {
    # 春节, 端午, 中秋, 重阳 (Gregorian dates from the 农历)
    2024: (date(2024, 2, 10), date(2024, 6, 10), date(2024, 9, 17), date(2024, 10, 11)),
    2025: (date(2025, 1, 29), date(2025, 5, 31), date(2025, 10, 6), date(2025, 10, 29)),
    2026: (date(2026, 2, 17), date(2026, 6, 19), date(2026, 9, 25), date(2026, 10, 18)),
    2027: (date(2027, 2, 6), date(2027, 6, 9), date(2027, 9, 15), date(2027, 10, 8)),
    2028: (date(2028, 1, 26), date(2028, 5, 28), date(2028, 10, 3), date(2028, 10, 26)),
    2029: (date(2029, 2, 13), date(2029, 6, 16), date(2029, 9, 22), date(2029, 10, 16)),
    2030: (date(2030, 2, 3), date(2030, 6, 5), date(2030, 9, 12), date(2030, 10, 5)),
}
_TYPICAL_LUNAR = ((2, 5), (6, 10), (9, 20), (10, 20))
"""Outside the table, a typical date of each (the demo needs a plausible season, not an almanac)."""


def lunar_festivals(year: int) -> tuple[date, date, date, date]:
    """春节, 端午, 中秋 and 重阳 of ``year``."""
    known = _LUNAR_FESTIVALS.get(year)
    if known is not None:
        return known
    spring, dragon, autumn, ninth = (date(year, m, d) for m, d in _TYPICAL_LUNAR)
    return spring, dragon, autumn, ninth


def is_summer_holiday(day: date) -> bool:
    return (7, 10) <= (day.month, day.day) <= (8, 31)


def is_winter_holiday(day: date) -> bool:
    spring = lunar_festivals(day.year)[0]
    return spring - timedelta(days=21) <= day <= spring + timedelta(days=14)


def is_term_time(day: date) -> bool:
    """School days of 四点半课堂: weekdays outside the holidays."""
    return (
        day.weekday() < 5
        and not is_summer_holiday(day)
        and not is_winter_holiday(day)
        and day.month not in (7, 8)
    )


# ---------------------------------------------------------------------------------------------
# People


@dataclass
class _Person:
    """A volunteer as the simulation sees them."""

    id: int
    kind: str
    """``retired``, ``in_service``, ``local`` (members), ``resident``, ``student``, ``parent``."""
    name: str
    male: bool
    birth: date
    address: str
    member_id: int | None
    opened_on: date
    active_until: date
    """The last day the account posts anything (the day before it was suspended or closed)."""
    zeal: float
    """How often this person serves, relative to others of their kind."""
    status: VolunteerStatus = VolunteerStatus.ACTIVE
    closed_on: date | None = None
    notes: str | None = None
    account_id: int = 0
    busy: set[date] = field(default_factory=set)
    parent: _Person | None = None

    @property
    def surname(self) -> str:
        return self.name[0]

    def available(self, day: date) -> bool:
        return self.opened_on <= day <= self.active_until and day not in self.busy


class _Draw:
    """The seeded random generator and the people-shaped things drawn from it."""

    def __init__(self, seed: int, today: date) -> None:
        self.random = random.Random(f"timebank-{seed}")
        self.today = today
        self.used_ids: set[str] = set()

    def uuid(self) -> str:
        """A version-4 UUID from the seeded generator (what ``uuid.UUID(int=…, version=4)``
        gives, formatted directly: the demo draws one for each of ~100,000 rows)."""
        value = self.random.getrandbits(128) & _UUID_CLEAR | _UUID_SET
        text = f"{value:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    def name(self, male: bool, surname: str | None = None) -> str:
        pick = self.random
        family = surname or pick.choices(words.SURNAMES, weights=words.SURNAME_WEIGHTS)[0]
        pool = words.GIVEN_NAME_CHARACTERS_MALE if male else words.GIVEN_NAME_CHARACTERS_FEMALE
        return family + "".join(pick.choice(pool) for _ in range(1 if pick.random() < 0.3 else 2))

    def birth(self, youngest: int, oldest: int) -> date:
        latest = _years_before(self.today, youngest)
        earliest = _years_before(self.today, oldest + 1) + timedelta(days=1)
        return earliest + timedelta(days=self.random.randint(0, (latest - earliest).days))

    def id_number(self, birth: date, male: bool) -> str:
        while True:
            area = self.random.choice(words.LOCAL_AREA_CODES)
            number = id_number_for(area, birth, self.random.randrange(0, 500) * 2 + int(male))
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def phone(self) -> str:
        prefix = self.random.choice(("138", "139", "150", "158", "177", "186", "189"))
        return prefix + f"{self.random.randrange(10**8):08d}"

    def address(self) -> str:
        pick = self.random
        return (
            f"五华区{pick.choice(words.RESIDENTIAL_COMPOUNDS)}{pick.randint(1, 30)}栋"
            f"{pick.randint(1, 4)}单元{pick.randint(1, 28)}{pick.randint(1, 4):02d}室"
        )

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.random.randint(0, max(0, (end - start).days)))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 3, 1)


def _age(today: date, birth: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


# ---------------------------------------------------------------------------------------------
# The calendar of a year of service


@dataclass(frozen=True)
class _Kind:
    category: str
    content: str
    beneficiary_kind: BeneficiaryKind
    beneficiary: str
    starts_at: time
    minutes: int
    crosses_midnight: bool = False


@dataclass
class _Record:
    person: _Person
    day: date
    kind: _Kind
    batch_uuid: str | None
    slip: str | None
    """登记单号 of an individual record's paper slip (``""`` until numbered in date order)."""
    minutes: int
    entered_by: tuple[int | None, str]
    status: RecordStatus = RecordStatus.PENDING
    decided_on: date | None = None
    decided_by: tuple[int | None, str] | None = None
    rejection: str | None = None
    id: int = 0
    earn_id: int | None = None


def _ends_at(kind: _Kind) -> time:
    minute = (kind.starts_at.hour * 60 + kind.starts_at.minute + kind.minutes) % (24 * 60)
    return time(minute // 60, minute % 60)


@dataclass(frozen=True)
class _Activity:
    """One activity entered as a batch (issue 13, "Batch entry")."""

    day: date
    kind: _Kind
    size: int
    who: frozenset[str]
    """The kinds of volunteer who come."""


_EVERYONE = frozenset({"retired", "in_service", "local", "resident", "student"})
_WEEKDAY_PEOPLE = frozenset({"retired", "local", "resident"})


def _saturdays(start: date, end: date) -> Iterator[date]:
    day = start + timedelta(days=(5 - start.weekday()) % 7)
    while day <= end:
        yield day
        day += timedelta(days=7)


def _activities(draw: _Draw, start: date, end: date, community: str) -> list[_Activity]:
    """The year's activities, by season and festival."""
    pick = draw.random
    found: list[_Activity] = []

    def add(day: date, kind: _Kind, size: tuple[int, int], who: frozenset[str]) -> None:
        if start <= day <= end:
            found.append(_Activity(day, kind, pick.randint(*size), who))

    for saturday in _saturdays(start, end):
        if saturday.month in (3, 4, 5) and pick.random() < 0.7:
            content, place = pick.choice(
                (
                    ("春季爱国卫生运动：清理楼道堆物和卫生死角", "小区楼道及公共区域"),
                    ("爱国卫生月：清理绿化带白色垃圾", f"{community}沿街绿化带"),
                    ("清理小区积水容器，消除蚊虫孳生地", "小区公共区域"),
                    ("翠湖周边环境整治，劝导文明游园", "翠湖公园周边"),
                )
            )
            add(
                saturday,
                _Kind(
                    "环境整治",
                    content,
                    BeneficiaryKind.ACTIVITY,
                    place,
                    time(8, 30),
                    pick.choice((120, 150, 180)),
                ),
                (8, 24),
                _EVERYONE,
            )
        elif saturday.day <= 7:
            # 主题党日 on the first Saturday: members serve the community together
            content, category = pick.choice(
                (
                    ("主题党日：清扫小区公共区域", "环境整治"),
                    ("主题党日：走访慰问独居老人", "养老助老"),
                    ("主题党日：义务理发、量血压、家电维修", "便民服务"),
                )
            )
            add(
                saturday,
                _Kind(
                    category,
                    content,
                    BeneficiaryKind.ACTIVITY,
                    f"{community}主题党日",
                    time(9, 0),
                    120,
                ),
                (6, 20),
                frozenset({"retired", "in_service", "local"}),
            )
    day = start
    while day <= end:
        if is_summer_holiday(day) and day.weekday() < 5 and pick.random() < 0.45:
            add(
                day,
                _Kind(
                    "助学",
                    "暑期爱心托管班：辅导作业、安全教育、阅读陪伴",
                    BeneficiaryKind.ACTIVITY,
                    "暑期爱心托管班",
                    time(9, 0),
                    150,
                ),
                (3, 8),
                frozenset({"student", "retired", "resident"}),
            )
        day += timedelta(days=1)
    for year in range(start.year, end.year + 1):
        spring, dragon, autumn, ninth = lunar_festivals(year)
        for (month, number), name in _FIXED_FESTIVALS.items():
            festive = date(year, month, number)
            if name == "学雷锋纪念日":
                add(
                    festive,
                    _Kind(
                        "便民服务",
                        "学雷锋志愿服务日：义务理发、家电维修、量血压",
                        BeneficiaryKind.ACTIVITY,
                        "社区居民",
                        time(9, 0),
                        180,
                    ),
                    (8, 20),
                    _EVERYONE,
                )
            elif name == "元旦":
                add(
                    festive - timedelta(days=2),
                    _Kind(
                        "文体",
                        "迎新年文艺汇演：排练与演出",
                        BeneficiaryKind.ACTIVITY,
                        f"{community}迎新年文艺汇演",
                        time(19, 0),
                        120,
                    ),
                    (6, 16),
                    _EVERYONE,
                )
            elif name == "建党节":
                add(
                    festive - timedelta(days=1),
                    _Kind(
                        "文体",
                        "庆七一红歌会：组织排练、布置会场",
                        BeneficiaryKind.ACTIVITY,
                        "庆七一红歌会",
                        time(14, 30),
                        150,
                    ),
                    (8, 20),
                    frozenset({"retired", "in_service", "local"}),
                )
            else:
                add(
                    festive,
                    _Kind(
                        "文体",
                        "国庆升旗仪式及文艺表演",
                        BeneficiaryKind.ACTIVITY,
                        "国庆升旗仪式",
                        time(8, 0),
                        180,
                    ),
                    (8, 20),
                    _EVERYONE,
                )
        add(
            spring - timedelta(days=5),
            _Kind(
                "文体",
                "写春联、送福字",
                BeneficiaryKind.ACTIVITY,
                "迎春写春联活动",
                time(9, 30),
                150,
            ),
            (5, 12),
            _EVERYONE,
        )
        add(
            spring - timedelta(days=1),
            _Kind(
                "便民服务",
                "除夕夜消防安全巡逻",
                BeneficiaryKind.ACTIVITY,
                "除夕夜平安巡逻",
                time(22, 0),
                150,
                crosses_midnight=True,
            ),
            (4, 8),
            frozenset({"retired", "in_service", "local"}),
        )
        add(
            spring + timedelta(days=14),
            _Kind(
                "文体",
                "猜灯谜、闹元宵游园活动",
                BeneficiaryKind.ACTIVITY,
                "元宵游园会",
                time(18, 30),
                150,
            ),
            (6, 14),
            _EVERYONE,
        )
        add(
            dragon - timedelta(days=1),
            _Kind(
                "文体",
                "邻里端午：包粽子、送粽子给高龄老人",
                BeneficiaryKind.ACTIVITY,
                "邻里端午活动",
                time(9, 0),
                180,
            ),
            (8, 20),
            _EVERYONE,
        )
        add(
            autumn - timedelta(days=1),
            _Kind(
                "文体",
                "中秋游园会：布置场地、组织游戏",
                BeneficiaryKind.ACTIVITY,
                "中秋游园会",
                time(18, 30),
                150,
            ),
            (8, 20),
            _EVERYONE,
        )
        add(
            ninth,
            _Kind(
                "文体",
                "重阳敬老文艺汇演",
                BeneficiaryKind.ACTIVITY,
                "重阳敬老文艺汇演",
                time(14, 30),
                150,
            ),
            (6, 16),
            _EVERYONE,
        )
        add(
            ninth + timedelta(days=1),
            _Kind(
                "养老助老",
                "重阳节上门慰问高龄老人",
                BeneficiaryKind.ACTIVITY,
                "重阳节慰问高龄老人",
                time(9, 0),
                180,
            ),
            (6, 16),
            _WEEKDAY_PEOPLE | {"in_service"},
        )
        add(
            date(year, 11, 20),
            _Kind(
                "疫情防控",
                "秋冬季呼吸道传染病防控宣传、协助疫苗接种点秩序维护",
                BeneficiaryKind.ACTIVITY,
                "社区卫生服务站疫苗接种点",
                time(9, 0),
                180,
            ),
            (4, 10),
            _WEEKDAY_PEOPLE,
        )
    return sorted(found, key=lambda activity: activity.day)


class _Beneficiaries:
    """The elderly, households and wishes a community's volunteers serve, again and again."""

    def __init__(self, draw: _Draw, size: int) -> None:
        pick = draw.random
        self.elderly = [
            f"独居老人{draw.name(male)}（{pick.choice(words.RESIDENTIAL_COMPOUNDS)}"
            f"{pick.randint(1, 30)}栋）"
            for male in (pick.random() < 0.4 for _ in range(size))
        ]
        self.households = [f"困难家庭：{draw.name(True)}家" for _ in range(max(3, size // 3))]
        self.pick = pick

    def individual(self, person: _Person, day: date) -> _Kind:
        """An individual service on ``day``, its category by the season and the person."""
        pick = self.pick
        if person.kind == "student":
            return _Kind(
                "助学",
                "寒暑假作业辅导",
                BeneficiaryKind.HOUSEHOLD,
                pick.choice(self.households),
                time(15, 0),
                pick.choice((90, 120)),
            )
        weights = {"养老助老": 60, "便民服务": 12, "微心愿": 5, "环境整治": 4, "疫情防控": 0.3}
        if day.month in (3, 4, 5):
            weights["环境整治"] = 14
        if is_term_time(day):
            weights["助学"] = 10 if person.kind in ("retired", "resident", "local") else 0
        category = pick.choices(tuple(weights), weights=tuple(weights.values()))[0]
        if category == "养老助老":
            content = pick.choice(
                (
                    "上门打扫卫生",
                    "陪同就医",
                    "代买生活用品",
                    "陪聊读报",
                    "助餐送餐",
                    "协助洗浴",
                    "测量血压、提醒服药",
                )
            )
            return _Kind(
                category,
                content,
                BeneficiaryKind.RESIDENT,
                pick.choice(self.elderly),
                pick.choice((time(8, 30), time(9, 0), time(14, 30), time(15, 0))),
                pick.choice((60, 90, 120, 120, 180)),
            )
        if category == "便民服务":
            content = pick.choice(
                ("义务理发", "家电维修", "手机使用教学", "代缴水电费", "法律咨询")
            )
            return _Kind(
                category,
                content,
                BeneficiaryKind.RESIDENT,
                pick.choice(self.elderly),
                pick.choice((time(9, 0), time(14, 30))),
                pick.choice((60, 90)),
            )
        if category == "微心愿":
            wish = pick.choice(("一台收音机", "一副老花镜", "学会用手机视频通话", "一套学习用品"))
            return _Kind(
                category,
                f"帮助实现微心愿：{wish}",
                BeneficiaryKind.WISH,
                f"微心愿：{pick.choice(self.elderly)}",
                time(10, 0),
                60,
            )
        if category == "助学":
            return _Kind(
                category,
                "四点半课堂：辅导作业",
                BeneficiaryKind.ACTIVITY,
                "四点半课堂",
                time(16, 30),
                90,
            )
        if category == "环境整治":
            return _Kind(
                category,
                "清理楼道小广告和堆物",
                BeneficiaryKind.HOUSEHOLD,
                pick.choice(self.households),
                time(9, 0),
                60,
            )
        return _Kind(
            category,
            "入户宣传传染病防控知识",
            BeneficiaryKind.HOUSEHOLD,
            pick.choice(self.households),
            time(14, 30),
            90,
        )


# ---------------------------------------------------------------------------------------------
# The generator


@dataclass
class _Ids:
    """The next primary key of each table (the demo runs on an empty time bank, but the center's
    own accounts and categories exist)."""

    volunteer: int
    account: int
    record: int
    transfer: int
    entry: int
    closing: int

    @classmethod
    def after(cls, session: Session) -> _Ids:
        def next_id(column_: Any) -> int:
            return int(session.scalar(select(func.max(column_))) or 0) + 1

        return cls(
            next_id(Volunteer.id),
            next_id(LedgerAccount.id),
            next_id(ServiceRecord.id),
            next_id(Transfer.id),
            next_id(Entry.id),
            next_id(MonthlyClosing.id),
        )


def _staff(session: Session, work: UnitOfWork) -> list[tuple[int | None, str]]:
    """Who enters and verifies: the demo's actor and the center's other active staff users."""
    actor = work.actor
    found: list[tuple[int | None, str]] = [(actor.user_id, actor.username)]
    for user_id, username in session.execute(
        select(User.id, User.username)
        .where(User.is_active.is_(True), User.role.in_([Role.ADMIN.value, Role.STAFF.value]))
        .order_by(User.id)
    ):
        if username != actor.username:
            found.append((user_id, username))
    return found


class _Simulation:
    """A year of the time bank, drawn and then posted in date order."""

    def __init__(self, session: Session, work: UnitOfWork, options: DemoOptions) -> None:
        self.session = session
        self.work = work
        self.options = options
        self.today = options.today
        self.yesterday = options.today - timedelta(days=1)
        self.start = _years_before(options.today, 1)
        self.draw = _Draw(options.seed, options.today)
        self.ids = _Ids.after(session)
        self.staff = _staff(session, work)
        self.people: list[_Person] = []
        self.records: list[_Record] = []
        self.transfers: list[dict[str, Any]] = []
        self.entries: list[dict[str, Any]] = []
        self.balances: dict[int, int] = {}
        self.accounts = {
            AccountKind(kind): account_id
            for kind, account_id in session.execute(
                select(LedgerAccount.kind, LedgerAccount.id).where(
                    LedgerAccount.volunteer_id.is_(None)
                )
            )
        }
        self.categories = dict(
            session.execute(select(ServiceCategory.name, ServiceCategory.id)).all()
        )

    # -- volunteers -----------------------------------------------------------------------

    def _opened(self, birth: date) -> date:
        """Most accounts predate the demo year; some open during it (never before 18)."""
        eighteenth = _years_before(birth, -18)
        earliest = max(eighteenth, self.start - timedelta(days=700))
        latest = max(earliest, self.start + timedelta(days=200))
        return min(self.draw.day_between(earliest, latest), self.yesterday)

    def choose_people(self) -> None:
        pick = self.draw.random
        oldest_birth = _years_before(self.today, OLDEST_SERVING_AGE + 1)
        members = self.session.execute(
            select(
                _MEMBERS.c.id,
                _MEMBERS.c.name,
                _MEMBERS.c.gender_code,
                _MEMBERS.c.birth_date,
                _MEMBERS.c.kind,
                _MEMBERS.c.address,
            )
            .where(
                _MEMBERS.c.status == "active",
                _MEMBERS.c.kind.in_(("retired", "in_service", "local")),
                _MEMBERS.c.birth_date > oldest_birth,
            )
            .order_by(_MEMBERS.c.id)
        ).all()
        self.draw.used_ids.update(
            number for number in self.session.scalars(select(_MEMBERS.c.id_number)) if number
        )
        wanted = min(
            len(members),
            MAX_MEMBER_VOLUNTEERS,
            max(3, self.options.member_count // MEMBERS_PER_VOLUNTEER),
        )
        weight = {"retired": 12.0, "in_service": 6.0, "local": 1.0}
        # Efraimidis–Spirakis: a weighted sample without replacement, retirees most likely
        keyed = sorted(
            members, key=lambda row: pick.random() ** (1.0 / weight[row.kind]), reverse=True
        )
        for row in sorted(keyed[:wanted], key=lambda row: row.id):
            self._add(
                row.kind,
                row.name,
                row.gender_code == "1",
                row.birth_date,
                row.address or self.draw.address(),
                row.id,
            )
        for _ in range(max(1, wanted // RESIDENT_SHARE)):
            student = pick.random() < 0.2
            male = pick.random() < 0.4
            birth = self.draw.birth(18, 22) if student else self.draw.birth(30, 75)
            self._add(
                "student" if student else "resident",
                self.draw.name(male),
                male,
                birth,
                self.draw.address(),
                None,
            )
        children = [p for p in self.people if p.kind == "in_service"]
        for child in pick.sample(children, min(len(children), max(1, wanted // PARENT_SHARE))):
            parent_birth = _years_before(child.birth, pick.randint(24, 34))
            if _age(self.today, parent_birth) > 92:
                continue
            male = pick.random() < 0.4
            name = self.draw.name(male, child.surname if male else None)
            parent = self._add("parent", name, male, parent_birth, child.address, None)
            child.parent = parent
        self._suspend_and_close()

    def _add(
        self, kind: str, name: str, male: bool, birth: date, address: str, member_id: int | None
    ) -> _Person:
        zeal = self.draw.random.lognormvariate(0, 0.6)
        person = _Person(
            id=0,
            kind=kind,
            name=name,
            male=male,
            birth=birth,
            address=address,
            member_id=member_id,
            opened_on=self._opened(birth),
            active_until=self.yesterday,
            zeal=0.0 if kind == "parent" else zeal,
        )
        self.people.append(person)
        return person

    def _suspend_and_close(self) -> None:
        pick = self.draw.random
        for person in self.people:
            if person.kind == "parent" or person.parent is not None:
                continue
            roll = pick.random()
            if roll < 0.02 and person.opened_on < self.today - timedelta(days=150):
                person.status = VolunteerStatus.SUSPENDED
                since = self.draw.day_between(
                    self.today - timedelta(days=120), self.today - timedelta(days=20)
                )
                person.active_until = since - timedelta(days=1)
                person.notes = f"{since:%Y 年 %m 月}起外出务工，账户暂停"
            elif roll < 0.03 and person.opened_on < self.today - timedelta(days=150):
                person.status = VolunteerStatus.CLOSED
                person.closed_on = self.draw.day_between(
                    self.today - timedelta(days=120), self.today - timedelta(days=20)
                )
                person.active_until = person.closed_on - timedelta(days=1)
                person.notes = "迁出本社区，账户注销"

    def volunteer_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Numbers ``ZY`` + year opened + sequence, in the order the accounts were opened."""
        volunteers: list[dict[str, Any]] = []
        accounts: list[dict[str, Any]] = []
        sequence: dict[int, int] = {}
        grids = words.GRID_ORDINALS[:4]
        pick = self.draw.random
        for person in sorted(self.people, key=lambda p: (p.opened_on, p.member_id or 0, p.name)):
            person.id, self.ids.volunteer = self.ids.volunteer, self.ids.volunteer + 1
            person.account_id, self.ids.account = self.ids.account, self.ids.account + 1
            year = person.opened_on.year
            sequence[year] = sequence.get(year, 0) + 1
            number = f"{VOLUNTEER_NUMBER_PREFIX}{year:04d}{sequence[year]:05d}"
            resident = person.member_id is None
            skills = [] if person.kind == "parent" else pick.sample(_SKILLS, pick.randint(0, 3))
            volunteers.append(
                {
                    "id": person.id,
                    "uuid": self.draw.uuid(),
                    "number": number,
                    "member_id": person.member_id,
                    "name": person.name if resident else None,
                    "id_number": self.draw.id_number(person.birth, person.male)
                    if resident
                    else None,
                    "phone": self.draw.phone() if resident and pick.random() < 0.9 else None,
                    "address": person.address if resident else None,
                    "skills_json": _json_list(skills),
                    "service_areas_json": _json_list([f"第{pick.choice(grids)}网格"]),
                    "status": person.status.value,
                    "opened_on": person.opened_on,
                    "closed_on": person.closed_on,
                    "notes": person.notes,
                }
            )
            accounts.append(
                {
                    "id": person.account_id,
                    "uuid": self.draw.uuid(),
                    "kind": AccountKind.VOLUNTEER.value,
                    "volunteer_id": person.id,
                    "name": number,
                }
            )
            self.balances[person.account_id] = 0
        for account_id in self.accounts.values():
            self.balances.setdefault(account_id, 0)
        return volunteers, accounts

    # -- service --------------------------------------------------------------------------

    def plan_service(self, community: str) -> None:
        pick = self.draw.random
        end = self.yesterday
        slips: dict[str, int] = {}
        for activity in _activities(self.draw, self.start, end, community):
            if activity.kind.crosses_midnight and activity.day >= self.today - timedelta(days=2):
                continue  # it would end after now
            came = [p for p in self.people if p.kind in activity.who and p.available(activity.day)]
            if activity.day.weekday() < 5:
                came = [p for p in came if p.kind != "in_service"]
            if not came:
                continue
            batch = self.draw.uuid()
            clerk = pick.choice(self.staff)
            chosen = pick.sample(came, min(len(came), activity.size))
            for person in sorted(chosen, key=lambda p: p.id):
                person.busy.add(activity.day)
                minutes = activity.kind.minutes
                if not activity.kind.crosses_midnight and pick.random() < 0.1:
                    minutes -= 30  # came late or left early: the duration edited down
                self.records.append(
                    _Record(person, activity.day, activity.kind, batch, None, minutes, clerk)
                )
        beneficiaries = _Beneficiaries(self.draw, max(12, len(self.people) // 4))
        every_day = [self.start + timedelta(days=n) for n in range((end - self.start).days + 1)]
        year_days = {
            "any": every_day,
            "in_service": [day for day in every_day if day.weekday() >= 5],
            "student": [
                day for day in every_day if is_summer_holiday(day) or is_winter_holiday(day)
            ],
        }
        rate = {
            "retired": 0.07,
            "in_service": 0.12,
            "local": 0.04,
            "resident": 0.05,
            "student": 0.12,
        }
        for person in self.people:
            if person.kind == "parent":
                continue
            calendar = year_days.get(person.kind, year_days["any"])
            first = max(self.start, person.opened_on)
            days = calendar[
                bisect_left(calendar, first) : bisect_right(calendar, person.active_until)
            ]
            count = min(len(days), int(len(days) * rate[person.kind] * person.zeal + pick.random()))
            for day in sorted(pick.sample(days, count)):
                if day in person.busy:
                    continue
                person.busy.add(day)
                kind = beneficiaries.individual(person, day)
                slip = "" if pick.random() < 0.85 else None  # numbered below, in date order
                self.records.append(
                    _Record(person, day, kind, None, slip, kind.minutes, pick.choice(self.staff))
                )
        self.records.sort(key=lambda r: (r.day, r.kind.starts_at, r.batch_uuid or "", r.person.id))
        for record in self.records:
            record.id, self.ids.record = self.ids.record, self.ids.record + 1
            if record.slip is not None:
                month = f"{record.day:%Y%m}"
                slips[month] = slips.get(month, 0) + 1
                record.slip = f"DJ{month}{slips[month]:04d}"
            self._decide(record)

    def _decide(self, record: _Record) -> None:
        """Verified days later by another staff user if there is one; some wait, a few are
        returned. A closed or suspended account's records were all decided before."""
        pick = self.draw.random
        lag = pick.choice((1, 1, 2, 2, 3, 4, 5, 7, 10))
        decided_on = record.day + timedelta(days=lag)
        ending = record.person.status is not VolunteerStatus.ACTIVE
        if ending:
            decided_on = min(decided_on, record.person.active_until)
        elif decided_on > self.yesterday or pick.random() < 0.005:
            return  # 待核实: recent, or waiting for a signature
        others = [user for user in self.staff if user != record.entered_by]
        record.decided_by = pick.choice(others) if others else record.entered_by
        record.decided_on = decided_on
        if pick.random() < 0.015:
            record.status = RecordStatus.REJECTED
            record.rejection = pick.choice(_REJECTIONS)
        else:
            record.status = RecordStatus.VERIFIED

    # -- postings -------------------------------------------------------------------------

    def _post(
        self,
        kind: TransferKind,
        day: date,
        legs: list[tuple[int, int]],
        posted_by: tuple[int | None, str],
        **extra: Any,
    ) -> int:
        transfer_id, self.ids.transfer = self.ids.transfer, self.ids.transfer + 1
        self.transfers.append(
            {
                "id": transfer_id,
                "uuid": self.draw.uuid(),
                "kind": kind.value,
                "request_id": self.draw.uuid(),
                "booked_on": day,
                "service_record_id": extra.get("service_record_id"),
                "reverses_id": extra.get("reverses_id"),
                "received_kind": extra.get("received_kind"),
                "received": extra.get("received"),
                "reason": extra.get("reason"),
                "posted_by_user_id": posted_by[0],
                "posted_by": posted_by[1],
            }
        )
        for account_id, amount in legs:
            entry_id, self.ids.entry = self.ids.entry, self.ids.entry + 1
            self.entries.append(
                {
                    "id": entry_id,
                    "uuid": self.draw.uuid(),
                    "transfer_id": transfer_id,
                    "account_id": account_id,
                    "amount": amount,
                    "booked_on": day,
                }
            )
            self.balances[account_id] += amount
        return transfer_id

    def post_year(self) -> None:
        """Every posting in date order: earns, then reversals, gifts, spends and donations,
        each only when the balance it takes from allows it."""
        pick = self.draw.random
        by_day: dict[date, list[tuple[int, Any]]] = {}

        def plan(day: date, order: int, what: Any) -> None:
            if day <= self.yesterday:
                by_day.setdefault(day, []).append((order, what))

        for record in self.records:
            if record.status is RecordStatus.VERIFIED and record.decided_on is not None:
                plan(record.decided_on, 0, ("earn", record))
                if record.person.status is VolunteerStatus.ACTIVE and pick.random() < 0.004:
                    plan(
                        record.decided_on + timedelta(days=pick.randint(1, 20)),
                        1,
                        ("reverse_earn", record),
                    )
        for person in self.people:
            first = max(self.start, person.opened_on)
            if person.kind == "parent":
                continue
            if person.parent is not None:
                for _ in range(pick.randint(1, 3)):
                    plan(self.draw.day_between(first, person.active_until), 2, ("give", person))
            spends = pick.randint(0, 5 if person.kind == "retired" else 3)
            for _ in range(spends):
                plan(
                    self.draw.day_between(first + timedelta(days=30), person.active_until),
                    3,
                    ("spend", person),
                )
            if pick.random() < 0.12:
                plan(
                    self.draw.day_between(first + timedelta(days=60), person.active_until),
                    4,
                    ("donate", person),
                )
        for day in sorted(by_day):
            for _order, what in sorted(by_day[day], key=lambda item: item[0]):
                self._posting(day, what)

    def _posting(self, day: date, what: tuple[str, Any]) -> None:
        pick = self.draw.random
        action, subject = what
        clerk = pick.choice(self.staff)
        issuance = self.accounts[AccountKind.ISSUANCE]
        if action == "earn":
            record: _Record = subject
            assert record.decided_by is not None
            record.earn_id = self._post(
                TransferKind.EARN,
                day,
                [(issuance, -record.minutes), (record.person.account_id, record.minutes)],
                record.decided_by,
                service_record_id=record.id,
            )
            return
        if action == "reverse_earn":
            record = subject
            account = record.person.account_id
            if record.earn_id is None or self.balances[account] < record.minutes:
                return  # already spent: the service would refuse the reversal
            self._post(
                TransferKind.REVERSAL,
                day,
                [(issuance, record.minutes), (account, -record.minutes)],
                clerk,
                reverses_id=record.earn_id,
                reason=pick.choice(_EARN_REVERSALS),
            )
            record.status = RecordStatus.REVERSED
            return
        person: _Person = subject
        if not person.opened_on <= day <= person.active_until:
            return
        account = person.account_id
        balance = self.balances[account]
        if action == "give" and person.parent is not None:
            minutes = pick.choice((60, 120, 180, 240))
            if balance < minutes or not person.parent.opened_on <= day:
                return
            relation = ("父亲" if person.parent.male else "母亲") + person.parent.name
            self._post(
                TransferKind.GIVE,
                day,
                [(account, -minutes), (person.parent.account_id, minutes)],
                clerk,
                reason=f"赠予{relation}",
            )
            self._parent_spends(person.parent, day)
        elif action == "spend":
            received_kind, received, minutes = pick.choice(_CATALOGUE)
            if balance >= minutes:
                self._spend(person, day, received_kind, received, minutes, clerk)
        elif action == "donate":
            minutes = pick.choice((30, 60, 60, 120))
            if balance >= minutes:
                self._post(
                    TransferKind.DONATE,
                    day,
                    [(account, -minutes), (self.accounts[AccountKind.DONATION_POOL], minutes)],
                    clerk,
                )

    def _spend(
        self,
        person: _Person,
        day: date,
        received_kind: ReceivedKind,
        received: str,
        minutes: int,
        clerk: tuple[int | None, str],
    ) -> None:
        pick = self.draw.random
        catalogue = self.accounts[AccountKind.CATALOGUE]
        spent = self._post(
            TransferKind.SPEND,
            day,
            [(person.account_id, -minutes), (catalogue, minutes)],
            clerk,
            received_kind=received_kind.value,
            received=received,
        )
        returned = day + timedelta(days=pick.randint(1, 7))
        if pick.random() < 0.02 and returned <= min(self.yesterday, person.active_until):
            self._post(
                TransferKind.REVERSAL,
                returned,
                [(catalogue, -minutes), (person.account_id, minutes)],
                clerk,
                reverses_id=spent,
                reason=pick.choice(_SPEND_REVERSALS),
            )

    def _parent_spends(self, parent: _Person, day: date) -> None:
        """A parent spends what a child gave on services at home, some days later."""
        pick = self.draw.random
        when = day + timedelta(days=pick.randint(3, 20))
        received_kind, received, minutes = pick.choice(_PARENT_CATALOGUE)
        if when <= self.yesterday and self.balances[parent.account_id] >= minutes:
            self._spend(parent, when, received_kind, received, minutes, pick.choice(self.staff))

    def record_rows(self) -> list[dict[str, Any]]:
        rows = []
        for record in self.records:
            kind = record.kind
            decided_at = (
                None
                if record.decided_on is None
                else datetime.combine(
                    record.decided_on, time(9 + record.id % 8, (record.id * 7) % 60)
                ).astimezone()
            )
            rows.append(
                {
                    "id": record.id,
                    "uuid": self.draw.uuid(),
                    "volunteer_id": record.person.id,
                    "beneficiary_kind": kind.beneficiary_kind.value,
                    "beneficiary": kind.beneficiary,
                    "category_id": self.categories[kind.category],
                    "served_on": record.day,
                    "starts_at": kind.starts_at,
                    "ends_at": _ends_at(kind),
                    "crosses_midnight": kind.crosses_midnight,
                    "minutes": record.minutes,
                    "slip_number": record.slip,
                    "content": kind.content,
                    "notes": None,
                    "status": record.status.value,
                    "batch_uuid": record.batch_uuid,
                    "entered_by_user_id": record.entered_by[0],
                    "entered_by": record.entered_by[1],
                    "decided_by_user_id": None
                    if record.decided_by is None
                    else record.decided_by[0],
                    "decided_by": None if record.decided_by is None else record.decided_by[1],
                    "decided_at": decided_at,
                    "rejection_reason": record.rejection,
                }
            )
        return rows

    # -- closings -------------------------------------------------------------------------

    def close_past_months(self) -> int:
        """Each month of the year that has ended, closed once after all it holds."""
        months = []
        month = date(self.start.year, self.start.month, 1)
        while month_bounds(f"{month:%Y-%m}")[1] < self.today:
            months.append(f"{month:%Y-%m}")
            month = month_bounds(f"{month:%Y-%m}")[1] + timedelta(days=1)
        closer = self.staff[0][1]
        for label in months:
            closing_id, self.ids.closing = self.ids.closing, self.ids.closing + 1
            insert_synced_rows(
                self.session,
                MonthlyClosing,
                [{"id": closing_id, "uuid": self.draw.uuid(), "month": label, "closed_by": closer}],
            )
            snapshot = closing_snapshot(self.session, month_bounds(label)[1])
            insert_synced_rows(
                self.session,
                ClosingBalance,
                [
                    {
                        "uuid": self.draw.uuid(),
                        "closing_id": closing_id,
                        "account_id": account_id,
                        "balance": balance,
                        "served": served,
                    }
                    for account_id, (balance, served) in sorted(snapshot.items())
                ],
            )
        return len(months)


def _json_list(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)


def generate_timebank_demo(
    work: UnitOfWork, options: DemoOptions, progress: ProgressCallback | None
) -> tuple[DemoCount, ...]:
    """Volunteers, a year of service records, the ledger's postings and the monthly closings."""
    del progress  # counted in members, which the members demo has already reported
    session = work.session
    simulation = _Simulation(session, work, options)
    simulation.choose_people()
    volunteers, accounts = simulation.volunteer_rows()
    community = options.center_name.replace("党群服务中心", "") or "示范社区"
    simulation.plan_service(community)
    simulation.post_year()
    insert_synced_rows(session, Volunteer, volunteers)
    insert_synced_rows(session, LedgerAccount, accounts)
    insert_synced_rows(session, ServiceRecord, simulation.record_rows())
    insert_synced_rows(session, Transfer, simulation.transfers)
    insert_synced_rows(session, Entry, simulation.entries)
    closings = simulation.close_past_months()
    return (
        DemoCount("volunteers", "志愿者", "名", len(volunteers)),
        DemoCount("service_records", "服务记录", "条", len(simulation.records)),
        DemoCount("transfers", "时间账目", "笔", len(simulation.transfers)),
        DemoCount("closings", "月末结账", "次", closings),
    )
