"""阵地预约's demo data: four bases and two years of visits (issue 14, "Demo data").

Run by :func:`dangqun.demo.generate_demo_data` after the members and time bank demos, in the
same unit of work (declared in ``bases/feature.py``). The bookings are drawn day by day as the
booking desk would have taken them and written in bulk with
:func:`~dangqun.core.model_base.insert_synced_rows`: the services open a unit of work of their
own for each booking, and the demo runs inside the one unit of work of ``dangqun demo``. So the
rules the services enforce (:mod:`dangqun.bases.rules`) are kept here by construction, and
``dangqun check``'s bases invariants prove it:

* four bases, one of each type (红色型, 基础型, 科技型, 公益型), with rooms (shared ones counted
  in people, exclusive ones), opening hours, closed dates (春节 each year as a named range,
  国庆 every year, a few one-off days), materials, a 特色菜单 and a 讲师团 of members, time-bank
  volunteers and guests;
* every booking lies in a fixed slot inside its base's opening hours (09:00–11:00,
  14:30–16:30, and 19:00–20:30 at the community center on weekdays), on no closed date; a room
  holds at most one booking per slot and its headcount fits the room and the menu items, so no
  room is over capacity and no exclusive room double-booked; a lecturer gives at most one
  booking per slot, and materials are counted per slot (DOMAIN §2);
* the seasons: a peak around 七一, more visits on Fridays and most on each month's first Friday
  (主题党日), fewer around 春节 and in the summer holidays;
* statuses follow the date: past visits are mostly 已完成 with a real headcount, a check-in time
  and, for some, the named attendees; some 已取消 with their reason and a few 未到; today's and
  future bookings are 待确认 or 已确认; bookings are taken days ahead, within the notice and the
  advance (settings), numbered ``YY-<year taken>-NNNNNN`` in the order they were taken;
* three recurring series (每月第一个周五, 每周三 evening …) whose dates on closed days were
  skipped, as :func:`~dangqun.bases.service.book_series` skips them.

All randomness comes from ``options.seed``: the same seed and center give the same bookings.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, timedelta
from typing import Any

from sqlalchemy import Date, column, func, select, table
from sqlalchemy.orm import Session

from dangqun.bases.booking_settings import TIME_ZONE, zone_named
from dangqun.bases.models import (
    Attendee,
    BaseSite,
    Booking,
    BookingItem,
    BookingMaterial,
    Closure,
    Lecturer,
    Material,
    MenuItem,
    MenuLecturer,
    MenuMaterial,
    OpeningHours,
    Organization,
    Room,
    Series,
)
from dangqun.bases.schedule import ClosureRule, clock_text, closure_on, local_instant
from dangqun.bases.vocabulary import (
    BOOKING_NUMBER_PREFIX,
    BaseType,
    BookingStatus,
    Channel,
    ClosureKind,
    OrganizationType,
    RecurrenceKind,
)
from dangqun.core.model_base import SyncedRecord, insert_synced_rows
from dangqun.core.security import Role
from dangqun.core.settings import get_setting
from dangqun.core.uow import UnitOfWork
from dangqun.core.users import User
from dangqun.demo import DemoCount, DemoOptions, ProgressCallback
from dangqun.demo import vocabulary as words

PAST_DAYS = 2 * 365
"""Two years of visits before today."""
FUTURE_DAYS = 90
"""Bookings already taken for the next three months (within the default 180-day advance)."""
_UUID_CLEAR = ~((0xF << 76) | (0xC << 60))
_UUID_SET = (0x4 << 76) | (0x8 << 60)
_MEMBERS = table(
    "members",
    column("id"),
    column("name"),
    column("kind"),
    column("status"),
    column("organization_id"),
    column("birth_date", Date),
)
_ORGANIZATIONS = table("organizations", column("id"), column("level"), column("name"))
_VOLUNTEERS = table(
    "timebank_volunteers", column("id"), column("member_id"), column("name"), column("status")
)
"""Read by table name: features share no models (bases/models.py)."""

MORNING = (9 * 60, 11 * 60)
AFTERNOON = (14 * 60 + 30, 16 * 60 + 30)
EVENING = (19 * 60, 20 * 60 + 30)
_SPRING_FESTIVALS = {
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 3),
    2031: date(2031, 1, 23),
    2032: date(2032, 2, 11),
}
"""春节 (正月初一) by year: the closed range runs from 除夕 to 初六, entered once a year
(ClosureKind.DATES: the lunar date moves)."""


def spring_festival(year: int) -> date:
    return _SPRING_FESTIVALS.get(year, date(year, 2, 5))


@dataclass(frozen=True)
class _MenuPlan:
    name: str
    description: str
    duration: int
    min_group: int
    max_group: int
    lecturers: str
    """"members", "volunteers", "all" or "" (no lecturer)."""
    materials: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class _BasePlan:
    name: str
    base_type: BaseType
    address: str
    introduction: str
    hours: dict[int, tuple[tuple[int, int], ...]]
    rooms: tuple[tuple[str, int, bool], ...]
    materials: tuple[tuple[str, int], ...]
    menu: tuple[_MenuPlan, ...]
    yearly_national_day: bool
    one_off: tuple[tuple[str, int, int], ...]
    """(name, days from today, length in days): one-off closures."""
    rate: float
    """Chance that a room's slot is booked on an ordinary day."""


_DAY = ((8 * 60 + 30, 12 * 60), (14 * 60, 17 * 60 + 30))
_LONG_DAY = ((8 * 60 + 30, 12 * 60), (14 * 60, 21 * 60))
_PLEDGE = _MenuPlan(
    "重温入党誓词",
    "面向党旗重温入党誓词，讲解誓词的由来",
    30,
    5,
    60,
    "members",
    (("党旗", 1),),
)
_LESSON = _MenuPlan(
    "专题党课",
    "讲师团成员讲授党史、党章党规和新时代理论等专题",
    90,
    5,
    80,
    "all",
    (("投影仪", 1),),
)
_PLANS = (
    _BasePlan(
        "翠湖红色记忆馆",
        BaseType.RED,
        "翠湖南路 12 号",
        "展陈本地革命先辈事迹的红色教育基地，适合重温入党誓词和现场党课。",
        {day: ((9 * 60, 12 * 60), (14 * 60, 17 * 60 + 30)) for day in range(1, 7)},
        (("序厅报告厅", 80, False), ("入党宣誓室", 30, True)),
        (("党旗", 2), ("投影仪", 1), ("讲解器", 40)),
        (
            _PLEDGE,
            _MenuPlan("红色观影", "观看红色经典影片并座谈", 120, 10, 80, "", (("投影仪", 1),)),
            _MenuPlan(
                "参观红色记忆展",
                "讲解员带领参观基本陈列",
                60,
                5,
                40,
                "",
                (("讲解器", 20),),
            ),
            _LESSON,
        ),
        False,
        (("展陈更新", -200, 3),),
        0.22,
    ),
    _BasePlan(
        "社区党群服务中心",
        BaseType.BASIC,
        "社区服务大楼一楼",
        "社区党组织的服务阵地，向没有活动场所的支部、驻区单位和两新组织开放。",
        {**{day: _LONG_DAY for day in range(5)}, 5: ((9 * 60, 12 * 60),)},
        (("党员活动室", 40, False), ("会议室", 12, True), ("多功能厅", 60, False)),
        (("党旗", 1), ("投影仪", 2), ("音响", 1)),
        (
            _PLEDGE,
            _LESSON,
            _MenuPlan(
                "主题党日活动", "支部自主安排的主题党日：学习、讨论、党费收缴", 120, 3, 60, ""
            ),
            _MenuPlan("党员政治生日", "为当月入党的党员过政治生日", 60, 5, 40, "", (("音响", 1),)),
        ),
        True,
        (("设备检修", -90, 1), ("消防设施检测", 20, 1)),
        0.2,
    ),
    _BasePlan(
        "科技创新党建基地",
        BaseType.TECHNOLOGY,
        "科创园 B 座三楼",
        "园区企业共建的科技型党建阵地，展示数字党建成果，适合两新组织交流。",
        {day: _DAY for day in range(5)},
        (("展示厅", 50, False), ("研讨室", 20, True)),
        (("投影仪", 1), ("VR 设备", 10)),
        (
            _MenuPlan(
                "数字党建体验", "体验 VR 红色场馆和数字党建平台", 60, 5, 30, "", (("VR 设备", 10),)
            ),
            _MenuPlan("科技企业参观", "参观园区科技企业党建工作", 90, 5, 50, "members"),
            _LESSON,
        ),
        True,
        (),
        0.12,
    ),
    _BasePlan(
        "公益服务站",
        BaseType.WELFARE,
        "社区东门便民服务点",
        "时间银行志愿者常驻的公益型阵地，组织党员参加志愿服务实践。",
        {day: ((9 * 60, 12 * 60), (14 * 60, 18 * 60)) for day in range(7)},
        (("志愿服务室", 25, False),),
        (("志愿者马甲", 30),),
        (
            _MenuPlan(
                "志愿服务实践",
                "在志愿者带领下开展敬老助老、环境整治等志愿服务",
                120,
                3,
                25,
                "volunteers",
                (("志愿者马甲", 25),),
            ),
            _MenuPlan("垃圾分类宣传", "入户宣传垃圾分类知识", 90, 3, 20, "volunteers"),
        ),
        False,
        (("消防演练", -30, 1),),
        0.15,
    ),
)

_STATIONED = (
    "区税务局第二党支部",
    "市供电局城区供电所党支部",
    "区人民医院内科党支部",
    "辖区派出所党支部",
    "区第一中学教工党支部",
    "市自来水公司营业所党支部",
)
_TWO_NEW = (
    "云智信息科技有限公司党支部",
    "安居物业服务有限公司党支部",
    "正和律师事务所党支部",
    "邻里社会工作服务中心党支部",
    "顺达快递网点党支部",
)
_FLOATING = ("外卖骑手流动党员小组", "快递行业流动党员小组", "建筑工地流动党员小组")
_CANCEL_REASONS = (
    "支部临时有会，改期再约",
    "单位工作安排冲突，取消本次活动",
    "天气原因，取消户外参观",
    "人数不足，支部决定合并到下月",
    "来访组织电话取消",
)
_GUESTS = (("李文华", ("党史", "地方革命史")), ("周建国", ("科技创新", "数字党建")))
_MEMBER_TOPICS = (("党史",), ("党章党规",), ("新时代理论",), ("党史", "红色家风"))
_VOLUNTEER_TOPICS = (("志愿服务",), ("敬老助老",), ("垃圾分类",), ("社区治理", "志愿服务"))


class _Draw:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(f"bases-{seed}")

    def uuid(self) -> str:
        """A version-4 UUID from the seeded generator (as timebank/demo.py draws them)."""
        value = self.random.getrandbits(128) & _UUID_CLEAR | _UUID_SET
        text = f"{value:032x}"
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"

    def name(self) -> str:
        pick = self.random
        family = pick.choices(words.SURNAMES, weights=words.SURNAME_WEIGHTS)[0]
        pool = (
            words.GIVEN_NAME_CHARACTERS_MALE
            if pick.random() < 0.5
            else words.GIVEN_NAME_CHARACTERS_FEMALE
        )
        return family + "".join(pick.choice(pool) for _ in range(1 if pick.random() < 0.3 else 2))

    def mobile(self) -> str:
        pick = self.random
        return f"1{pick.choice('3589')}{pick.randrange(10**9):09d}"


@dataclass
class _Site:
    """A base as the simulation sees it."""

    id: int
    plan: _BasePlan
    rooms: list[tuple[int, str, int, bool]]
    closures: list[ClosureRule]
    menu: list[tuple[int, _MenuPlan, tuple[int, ...], dict[int, int]]]
    """(id, plan, lecturer ids, material id → quantity)."""
    materials: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Visitor:
    id: int
    name: str
    org_type: OrganizationType
    contact: str
    phone: str
    branch_id: int | None
    """The members' organization id, for a branch (its members are named at check-in)."""


class _Ids:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.next: dict[type[SyncedRecord], int] = {}

    def take(self, model: type[SyncedRecord]) -> int:
        if model not in self.next:
            self.next[model] = (self.session.scalar(select(func.max(model.id))) or 0) + 1  # type: ignore[attr-defined]
        value = self.next[model]
        self.next[model] = value + 1
        return value


class _Demo:
    def __init__(self, work: UnitOfWork, options: DemoOptions) -> None:
        self.session = work.session
        self.options = options
        self.today = options.today
        self.draw = _Draw(options.seed)
        self.ids = _Ids(self.session)
        self.rows: dict[type[SyncedRecord], list[dict[str, Any]]] = defaultdict(list)
        self.zone_name = str(get_setting(self.session, TIME_ZONE))
        self.zone = zone_named(self.zone_name)
        self.staff = self._staff(work)
        self.sites: list[_Site] = []
        self.visitors: list[_Visitor] = []
        self.branch_members: dict[int, list[int]] = defaultdict(list)
        self.lecturer_busy: set[tuple[int, date, int]] = set()
        self.material_use: dict[tuple[int, date, int], int] = defaultdict(int)
        self.room_taken: set[tuple[int, date, int]] = set()
        self.bookings: list[dict[str, Any]] = []
        self.holdings: dict[int, tuple[list[int], dict[int, int]]] = {}
        self.series_taken: dict[int, date] = {}
        """Series id → the day it was taken (its bookings were all taken then)."""

    def _staff(self, work: UnitOfWork) -> list[tuple[int | None, str]]:
        actor = work.actor
        found: list[tuple[int | None, str]] = [(actor.user_id, actor.display_name)]
        for user_id, name, username in self.session.execute(
            select(User.id, User.display_name, User.username)
            .where(User.is_active.is_(True), User.role.in_([Role.ADMIN.value, Role.STAFF.value]))
            .order_by(User.id)
        ):
            if username != actor.username:
                found.append((user_id, name))
        return found

    def add(self, model: type[SyncedRecord], **values: Any) -> int:
        row_id = self.ids.take(model)
        self.rows[model].append({"id": row_id, "uuid": self.draw.uuid(), **values})
        return row_id

    # ------------------------------------------------------------------ the places

    def lecturers(self) -> dict[str, list[int]]:
        """The 讲师团: a few active (mostly retired) members, active volunteers and guests."""
        pick = self.draw.random
        volunteers = self.session.execute(
            select(_VOLUNTEERS.c.id, _VOLUNTEERS.c.member_id)
            .where(_VOLUNTEERS.c.status == "active")
            .order_by(_VOLUNTEERS.c.id)
        ).all()
        volunteer_members = {member_id for _id, member_id in volunteers if member_id}
        members = [
            member_id
            for member_id, kind in self.session.execute(
                select(_MEMBERS.c.id, _MEMBERS.c.kind)
                .where(_MEMBERS.c.status == "active")
                .order_by(_MEMBERS.c.id)
            )
            if member_id not in volunteer_members and kind in ("retired", "local")
        ]
        pools: dict[str, list[int]] = {"members": [], "volunteers": []}
        for member_id in sorted(pick.sample(members, min(4, len(members)))):
            pools["members"].append(
                self.add(
                    Lecturer,
                    member_id=member_id,
                    volunteer_id=None,
                    name=None,
                    topics_json=_topics(pick.choice(_MEMBER_TOPICS)),
                    retired=False,
                )
            )
        for volunteer_id, _member in pick.sample(volunteers, min(4, len(volunteers))):
            pools["volunteers"].append(
                self.add(
                    Lecturer,
                    member_id=None,
                    volunteer_id=volunteer_id,
                    name=None,
                    topics_json=_topics(pick.choice(_VOLUNTEER_TOPICS)),
                    retired=False,
                )
            )
        guests = [
            self.add(
                Lecturer,
                member_id=None,
                volunteer_id=None,
                name=name,
                topics_json=_topics(topics),
                retired=False,
            )
            for name, topics in _GUESTS
        ]
        pools["members"] += guests[:1] if not pools["members"] else []
        pools["volunteers"] += guests[1:] if not pools["volunteers"] else []
        pools["all"] = list(dict.fromkeys(pools["members"] + pools["volunteers"][:2] + guests))
        return pools

    def places(self) -> None:
        pools = self.lecturers()
        first_year = (self.today - timedelta(days=PAST_DAYS)).year
        last_year = (self.today + timedelta(days=FUTURE_DAYS)).year
        for plan in _PLANS:
            base_id = self.add(
                BaseSite,
                name=plan.name,
                base_type=plan.base_type.value,
                address=plan.address,
                contact=self.draw.name(),
                phone=self.draw.mobile(),
                introduction=plan.introduction,
                retired=False,
            )
            for weekday, intervals in sorted(plan.hours.items()):
                for opens, closes in intervals:
                    self.add(
                        OpeningHours,
                        base_id=base_id,
                        weekday=weekday,
                        opens_minute=opens,
                        closes_minute=closes,
                    )
            rules = [
                ClosureRule(
                    "春节",
                    ClosureKind.DATES,
                    spring - timedelta(days=1),
                    spring + timedelta(days=5),
                    None,
                    None,
                )
                for spring in (spring_festival(year) for year in range(first_year, last_year + 1))
            ]
            if plan.yearly_national_day:
                rules.append(ClosureRule("国庆", ClosureKind.YEARLY, None, None, "10-01", "10-07"))
            for name, offset, length in plan.one_off:
                starts = self.today + timedelta(days=offset)
                rules.append(
                    ClosureRule(
                        name,
                        ClosureKind.DATES,
                        starts,
                        starts + timedelta(days=length - 1),
                        None,
                        None,
                    )
                )
            for rule in rules:
                self.add(
                    Closure,
                    base_id=base_id,
                    name=rule.name,
                    kind=rule.kind.value,
                    starts_on=rule.starts_on,
                    ends_on=rule.ends_on,
                    yearly_from=rule.yearly_from,
                    yearly_to=rule.yearly_to,
                )
            rooms = [
                (
                    self.add(
                        Room,
                        base_id=base_id,
                        name=name,
                        capacity=capacity,
                        exclusive=exclusive,
                        retired=False,
                    ),
                    name,
                    capacity,
                    exclusive,
                )
                for name, capacity, exclusive in plan.rooms
            ]
            site = _Site(base_id, plan, rooms, rules, [])
            material_ids = {}
            for name, quantity in plan.materials:
                material_id = self.add(
                    Material, base_id=base_id, name=name, quantity=quantity, retired=False
                )
                material_ids[name] = material_id
                site.materials[material_id] = quantity
            for item in plan.menu:
                item_id = self.add(
                    MenuItem,
                    base_id=base_id,
                    name=item.name,
                    description=item.description,
                    duration_minutes=item.duration,
                    min_group=item.min_group,
                    max_group=item.max_group,
                    retired=False,
                )
                lecturer_ids = tuple(pools[item.lecturers]) if item.lecturers else ()
                for lecturer_id in lecturer_ids:
                    self.add(MenuLecturer, menu_item_id=item_id, lecturer_id=lecturer_id)
                needs = {material_ids[name]: quantity for name, quantity in item.materials}
                for material_id, quantity in needs.items():
                    self.add(
                        MenuMaterial,
                        menu_item_id=item_id,
                        material_id=material_id,
                        quantity=quantity,
                    )
                site.menu.append((item_id, item, lecturer_ids, needs))
            self.sites.append(site)

    def organizations(self) -> None:
        """The demo's branches, 驻区单位, 两新组织 and 流动党员小组."""
        branches = self.session.execute(
            select(_ORGANIZATIONS.c.id, _ORGANIZATIONS.c.name)
            .where(_ORGANIZATIONS.c.level == "grid_branch")
            .order_by(_ORGANIZATIONS.c.id)
        ).all()
        for member_id, organization_id in self.session.execute(
            select(_MEMBERS.c.id, _MEMBERS.c.organization_id)
            .where(_MEMBERS.c.status == "active")
            .order_by(_MEMBERS.c.id)
        ):
            self.branch_members[organization_id].append(member_id)
        named: list[tuple[str, OrganizationType, int | None]] = [
            (name, OrganizationType.BRANCH, branch_id) for branch_id, name in branches
        ]
        named += [(name, OrganizationType.STATIONED_UNIT, None) for name in _STATIONED]
        named += [(name, OrganizationType.TWO_NEW, None) for name in _TWO_NEW]
        named += [(name, OrganizationType.FLOATING_GROUP, None) for name in _FLOATING]
        seen: set[str] = set()
        for name, org_type, branch_id in named:
            if name in seen:
                continue
            seen.add(name)
            contact, phone = self.draw.name(), self.draw.mobile()
            visitor_id = self.add(
                Organization, name=name, org_type=org_type.value, contact=contact, phone=phone
            )
            self.visitors.append(_Visitor(visitor_id, name, org_type, contact, phone, branch_id))

    # ------------------------------------------------------------------ the bookings

    def slots(self, site: _Site, day: date) -> list[tuple[int, int]]:
        if closure_on(site.closures, day) is not None:
            return []
        intervals = site.plan.hours.get(day.weekday(), ())
        return [
            slot
            for slot in (MORNING, AFTERNOON, EVENING)
            if any(opens <= slot[0] and slot[1] <= closes for opens, closes in intervals)
        ]

    def season(self, day: date) -> float:
        """七一 peaks, 主题党日 Fridays, quiet 春节 weeks and summer holidays."""
        factor = 1.0
        july_first = date(day.year, 7, 1)
        if july_first - timedelta(days=21) <= day <= july_first + timedelta(days=4):
            factor *= 2.6
        elif (7, 10) <= (day.month, day.day) <= (8, 31):
            factor *= 0.45
        spring = spring_festival(day.year)
        if abs((day - spring).days) <= 14:
            factor *= 0.3
        if day.weekday() == 4:
            factor *= 3.0 if day.day <= 7 else 1.5
        if day.weekday() >= 5:
            factor *= 0.6
        return factor

    def try_book(
        self,
        site: _Site,
        room: tuple[int, str, int, bool],
        day: date,
        slot: tuple[int, int],
        visitor: _Visitor,
        series_id: int | None = None,
        item_ids: Sequence[int] | None = None,
    ) -> bool:
        """Place one booking if every rule allows it (room, lecturer, materials)."""
        pick = self.draw.random
        room_id, _name, capacity, _exclusive = room
        if (room_id, day, slot[0]) in self.room_taken:
            return False
        length = slot[1] - slot[0]
        menu = {entry[0]: entry for entry in site.menu}
        if item_ids is None:
            first = pick.choice(site.menu)
            chosen = [first]
            others = [m for m in site.menu if m[0] != first[0]]
            if others and pick.random() < 0.4:
                chosen.append(pick.choice(others))
        else:
            chosen = [menu[item_id] for item_id in item_ids]
        chosen = [
            m for i, m in enumerate(chosen) if sum(c[1].duration for c in chosen[: i + 1]) <= length
        ]
        if not chosen:
            return False
        low = max(m[1].min_group for m in chosen)
        high = min([capacity] + [m[1].max_group for m in chosen])
        if low > high:
            return False
        headcount = pick.randint(low, max(low, min(high, low + 35)))
        lecturer_id = None
        pools = [set(m[2]) for m in chosen if m[2]]
        if pools:
            candidates = sorted(set.intersection(*pools))
            pick.shuffle(candidates)
            free = [c for c in candidates if (c, day, slot[0]) not in self.lecturer_busy]
            if not free:
                return False
            lecturer_id = free[0]
        needs: dict[int, int] = defaultdict(int)
        for entry in chosen:
            for material_id, quantity in entry[3].items():
                needs[material_id] += quantity
        for material_id, quantity in needs.items():
            if (
                self.material_use[(material_id, day, slot[0])] + quantity
                > site.materials[material_id]
            ):
                return False
        status, reason = self.status(day)
        if status is not BookingStatus.CANCELLED:
            self.room_taken.add((room_id, day, slot[0]))
            if lecturer_id is not None:
                self.lecturer_busy.add((lecturer_id, day, slot[0]))
            for material_id, quantity in needs.items():
                self.material_use[(material_id, day, slot[0])] += quantity
        lead = pick.choice((1, 2, 3, 5, 7, 7, 10, 14, 21, 30))
        taken_on = min(day - timedelta(days=lead), self.today - timedelta(days=1))
        if series_id is not None:
            taken_on = min(taken_on, self.series_taken[series_id])
        user_id, taken_by = pick.choice(self.staff)
        taken_at = local_instant(taken_on, pick.randrange(9 * 60, 17 * 60), self.zone).astimezone(
            UTC
        )
        actual = checked_in = None
        if status is BookingStatus.COMPLETED:
            actual = max(1, headcount - pick.randint(0, headcount // 5))
            checked_in = local_instant(day, slot[0] - pick.randint(0, 15), self.zone).astimezone(
                UTC
            )
        booking_id = self.ids.take(Booking)
        self.bookings.append(
            {
                "id": booking_id,
                "taken_at": taken_at,
                "base_id": site.id,
                "room_id": room_id,
                "organization_id": visitor.id,
                "series_id": series_id,
                "on_date": day,
                "start_minute": slot[0],
                "end_minute": slot[1],
                "time_zone": self.zone_name,
                "headcount": headcount,
                "lecturer_id": lecturer_id,
                "contact": visitor.contact,
                "phone": visitor.phone,
                "channel": pick.choices(list(Channel), weights=(55, 35, 10))[0].value,
                "taken_by": taken_by,
                "taken_by_user_id": user_id,
                "letter_path": None,
                "status": status.value,
                "cancel_reason": reason,
                "actual_headcount": actual,
                "checked_in_at": checked_in,
                "notes": None,
            }
        )
        self.holdings[booking_id] = ([m[0] for m in chosen], dict(needs))
        if actual is not None and pick.random() < 0.35:
            self.attendees(booking_id, visitor, actual)
        return True

    def status(self, day: date) -> tuple[BookingStatus, str | None]:
        pick = self.draw.random
        roll = pick.random()
        if day < self.today:
            if roll < 0.10:
                return BookingStatus.CANCELLED, pick.choice(_CANCEL_REASONS)
            if roll < 0.14:
                return BookingStatus.NO_SHOW, None
            return BookingStatus.COMPLETED, None
        if day > self.today and roll < 0.05:
            return BookingStatus.CANCELLED, pick.choice(_CANCEL_REASONS)
        near = day <= self.today + timedelta(days=14)
        return (
            BookingStatus.CONFIRMED if roll < (0.8 if near else 0.4) else BookingStatus.PENDING
        ), None

    def attendees(self, booking_id: int, visitor: _Visitor, actual: int) -> None:
        pick = self.draw.random
        members = self.branch_members.get(visitor.branch_id or -1, [])
        if members:
            for member_id in sorted(pick.sample(members, min(actual, len(members)))):
                self.add(Attendee, booking_id=booking_id, member_id=member_id, name=None)
        else:
            for _ in range(min(actual, pick.randint(2, 6))):
                self.add(Attendee, booking_id=booking_id, member_id=None, name=self.draw.name())

    def series_plans(self) -> None:
        """Three series placed before the ordinary bookings; closed dates are skipped."""
        community = self.sites[1]
        branches = [v for v in self.visitors if v.org_type is OrganizationType.BRANCH]
        floating = [v for v in self.visitors if v.org_type is OrganizationType.FLOATING_GROUP]
        plans: list[
            tuple[
                _Visitor,
                tuple[int, str, int, bool],
                RecurrenceKind,
                int,
                int | None,
                tuple[int, int],
                date,
                int,
                tuple[int, ...],
            ]
        ] = []
        lesson = next(m[0] for m in community.menu if m[1].name == "主题党日活动")
        evening_lesson = next(m[0] for m in community.menu if m[1].name == "专题党课")
        if branches:
            plans.append(
                (
                    branches[0],
                    community.rooms[0],
                    RecurrenceKind.MONTHLY_WEEKDAY,
                    4,
                    1,
                    MORNING,
                    self.today - timedelta(days=330),
                    170,
                    (lesson,),
                )
            )
            plans.append(
                (
                    branches[-1],
                    community.rooms[0],
                    RecurrenceKind.MONTHLY_WEEKDAY,
                    4,
                    1,
                    AFTERNOON,
                    self.today - timedelta(days=40),
                    175,
                    (lesson,),
                )
            )
        plans.append(
            (
                floating[0],
                community.rooms[1],
                RecurrenceKind.WEEKLY,
                2,
                None,
                EVENING,
                self.today - timedelta(days=60),
                170,
                (evening_lesson,),
            )
        )
        for visitor, room, kind, weekday, ordinal, slot, starts, span, items in plans:
            ends = starts + timedelta(days=span)
            series_id = self.ids.take(Series)
            self.series_taken[series_id] = starts - timedelta(days=3)
            self.rows[Series].append(
                {
                    "id": series_id,
                    "uuid": self.draw.uuid(),
                    "kind": kind.value,
                    "weekday": weekday,
                    "ordinal": ordinal,
                    "day_of_month": None,
                    "starts_on": starts,
                    "ends_on": ends,
                    "template_json": json.dumps(
                        {
                            "room_id": room[0],
                            "starts_at": clock_text(slot[0]),
                            "ends_at": clock_text(slot[1]),
                            "headcount": min(room[2], 12),
                            "organization": visitor.name,
                            "org_type": visitor.org_type.value,
                            "contact": visitor.contact,
                            "phone": visitor.phone,
                            "menu_item_ids": list(items),
                            "lecturer_id": None,
                            "channel": Channel.ON_SITE.value,
                            "notes": None,
                            "confirmed": True,
                        },
                        ensure_ascii=False,
                    ),
                }
            )
            day = starts
            while day <= ends:
                matches = day.weekday() == weekday and (
                    ordinal is None or (day.day - 1) // 7 + 1 == ordinal
                )
                if matches and slot in self.slots(community, day):
                    self.try_book(community, room, day, slot, visitor, series_id, items)
                day += timedelta(days=1)

    def fill(self) -> None:
        pick = self.draw.random
        weights = [
            {
                OrganizationType.BRANCH: 50,
                OrganizationType.STATIONED_UNIT: 20,
                OrganizationType.TWO_NEW: 20,
                OrganizationType.FLOATING_GROUP: 10,
            }[v.org_type]
            / sum(1 for w in self.visitors if w.org_type is v.org_type)
            for v in self.visitors
        ]
        day = self.today - timedelta(days=PAST_DAYS)
        last = self.today + timedelta(days=FUTURE_DAYS)
        while day <= last:
            season = self.season(day)
            for site in self.sites:
                for slot in self.slots(site, day):
                    for room in site.rooms:
                        if pick.random() < site.plan.rate * season:
                            visitor = pick.choices(self.visitors, weights=weights)[0]
                            self.try_book(site, room, day, slot, visitor)
            day += timedelta(days=1)

    def write(self) -> int:
        """Numbers in the order the bookings were taken, then everything in bulk."""
        self.bookings.sort(key=lambda row: (row["taken_at"], row["id"]))
        sequence: dict[int, int] = defaultdict(int)
        booking_rows = []
        for row in self.bookings:
            taken_at = row.pop("taken_at")
            year = taken_at.astimezone(self.zone).year
            sequence[year] += 1
            row["number"] = f"{BOOKING_NUMBER_PREFIX}-{year:04d}-{sequence[year]:06d}"
            row["uuid"] = self.draw.uuid()
            row["created_at"] = taken_at
            booking_rows.append(row)
        booking_rows.sort(key=lambda row: row["id"])
        places: tuple[type[SyncedRecord], ...] = (
            BaseSite,
            OpeningHours,
            Closure,
            Room,
            Material,
            Lecturer,
            MenuItem,
            MenuLecturer,
            MenuMaterial,
            Organization,
            Series,
        )
        for model in places:
            insert_synced_rows(self.session, model, self.rows.pop(model, []))
        insert_synced_rows(self.session, Booking, booking_rows)
        items, materials = [], []
        for booking_id, (item_ids, needs) in sorted(self.holdings.items()):
            items += [
                {"uuid": self.draw.uuid(), "booking_id": booking_id, "menu_item_id": item_id}
                for item_id in item_ids
            ]
            materials += [
                {
                    "uuid": self.draw.uuid(),
                    "booking_id": booking_id,
                    "material_id": material_id,
                    "quantity": quantity,
                }
                for material_id, quantity in sorted(needs.items())
            ]
        insert_synced_rows(self.session, BookingItem, items)
        insert_synced_rows(self.session, BookingMaterial, materials)
        insert_synced_rows(self.session, Attendee, self.rows.pop(Attendee, []))
        return len(booking_rows)


def _topics(topics: Sequence[str]) -> str:
    return json.dumps(list(topics), ensure_ascii=False)


def generate_bases_demo(
    work: UnitOfWork, options: DemoOptions, progress: ProgressCallback | None
) -> tuple[DemoCount, ...]:
    """Four bases with their rooms, hours, menus and lecturers, and two years of bookings."""
    del progress  # counted in members, which the members demo has already reported
    demo = _Demo(work, options)
    demo.places()
    demo.organizations()
    demo.series_plans()
    demo.fill()
    bookings = demo.write()
    return (
        DemoCount("bases", "阵地", "个", len(demo.sites)),
        DemoCount("bookings", "阵地预约", "条", bookings),
    )
