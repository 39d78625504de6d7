"""党员管理's demo data: organizations, then members in bulk, then their history events.

Run by :func:`dangqun.demo.generate_demo_data` (declared in ``members/feature.py``). Bulk inserts
bypass the ORM flush (100,000 members in seconds), so :func:`insert_synced_rows` stamps the
change numbers, and the search columns (migration 0002) are computed here with the same function
the ORM hook uses — the invariant checks prove both.
"""

from __future__ import annotations

import itertools
import json
import random
import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dangqun.core.model_base import insert_synced_rows
from dangqun.core.parsing import id_number_for
from dangqun.core.uow import UnitOfWork
from dangqun.demo import DemoCount, DemoOptions, ProgressCallback
from dangqun.demo import vocabulary as words
from dangqun.members.models import Member, MemberEvent, Organization
from dangqun.members.search_keys import compute_search_keys, to_traditional
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus, OrganizationLevel

TRADITIONAL_NAME_SHARE = 0.01
_CHUNK = 5_000
_KIND_WEIGHTS = {
    MemberKind.LOCAL: 58,
    MemberKind.IN_SERVICE_REGISTERED: 16,
    MemberKind.FLOATING_IN: 8,
    MemberKind.FLOATING_OUT: 5,
    MemberKind.RETIRED: 13,
}
_KINDS = tuple(_KIND_WEIGHTS)
AGE_RANGES = {
    MemberKind.LOCAL: (20, 88),
    MemberKind.IN_SERVICE_REGISTERED: (22, 59),
    MemberKind.FLOATING_IN: (20, 59),
    MemberKind.FLOATING_OUT: (20, 59),
    MemberKind.RETIRED: (55, 88),
}
"""Ages in whole years on the demo date, by kind (issue 11: demo people have plausible ages):
在职 and 流动 members are of working age, retired ones past retirement age. A full member is at
least 20, so that joining at 18 or later (党章 art. 1) still leaves the year of probation."""
PROBATIONARY_KINDS = frozenset(_KINDS) - {MemberKind.RETIRED}
PROBATIONARY_SHARE = 0.05
PROBATIONARY_AGES = (19, 45)
"""预备党员 joined within the last year, at 18 or later; most are young, none is retired."""
_KIND_CUMULATIVE_WEIGHTS = tuple(itertools.accumulate(_KIND_WEIGHTS.values()))
_SURNAME_CUMULATIVE_WEIGHTS = tuple(itertools.accumulate(words.SURNAME_WEIGHTS))


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (later when negative); 29 February → 1 March."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 3, 1)


class _DemoPeople:
    """Draws people from a seeded random generator; the only source of randomness here."""

    def __init__(self, seed: int, today: date) -> None:
        self.random = random.Random(seed)
        self.today = today
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.random.getrandbits(128), version=4))

    def name(self, male: bool) -> str:
        pick = self.random
        surname = (
            pick.choice(words.COMPOUND_SURNAMES)
            if pick.random() < 0.004
            else pick.choices(words.SURNAMES, cum_weights=_SURNAME_CUMULATIVE_WEIGHTS)[0]
        )
        pool = words.GIVEN_NAME_CHARACTERS_MALE if male else words.GIVEN_NAME_CHARACTERS_FEMALE
        length = 1 if pick.random() < 0.3 else 2
        name = surname + "".join(pick.choice(pool) for _ in range(length))
        if pick.random() < TRADITIONAL_NAME_SHARE:
            return to_traditional(name)  # some rosters are typed in Traditional (seed 004)
        return name

    def id_number(self, area: str, birth: date, male: bool) -> str:
        while True:
            sequence = self.random.randrange(0, 500) * 2 + (1 if male else 0)
            number = id_number_for(area, birth, sequence)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def phone(self) -> str:
        while True:
            prefix = self.random.choice(
                ("138", "139", "150", "151", "158", "177", "186", "187", "189", "199")
            )
            number = prefix + f"{self.random.randrange(10**8):08d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def date_between(self, start: date, end: date) -> date:
        span = (end - start).days
        return start + timedelta(days=self.random.randint(0, max(0, span)))

    def address(self) -> str:
        pick = self.random
        if pick.random() < 0.5:
            return f"五华区{pick.choice(words.ROADS)}{pick.randint(1, 300)}号"
        return (
            f"五华区{pick.choice(words.RESIDENTIAL_COMPOUNDS)}{pick.randint(1, 30)}栋"
            f"{pick.randint(1, 4)}单元{pick.randint(1, 28)}{pick.randint(1, 4):02d}室"
        )


def _build_organizations(
    people: _DemoPeople, division_code: str, center_name: str, member_count: int
) -> list[dict[str, Any]]:
    """街道党工委 → 社区党委 → 网格党支部 (with grid codes) → 楼栋党小组."""
    community = center_name.replace("党群服务中心", "") or "示范社区"
    grid_count = max(3, min(40, member_count // 2500 + 3))
    rows: list[dict[str, Any]] = [
        {"id": 1, "parent_id": None, "level": OrganizationLevel.STREET_COMMITTEE.value,
         "name": "翠湖街道党工委", "code": division_code[:9], "sort_order": 0},
        {"id": 2, "parent_id": 1, "level": OrganizationLevel.COMMUNITY.value,
         "name": f"{community}党委", "code": division_code, "sort_order": 0},
    ]  # fmt: skip
    next_id = 3
    for grid in range(1, grid_count + 1):
        ordinal = words.GRID_ORDINALS[grid - 1] if grid <= 10 else str(grid)
        grid_id = next_id
        rows.append(
            {"id": grid_id, "parent_id": 2, "level": OrganizationLevel.GRID_BRANCH.value,
             "name": f"第{ordinal}网格党支部", "code": f"{division_code}{grid:03d}", "sort_order": grid}
        )  # fmt: skip
        next_id += 1
        for building in range(1, people.random.randint(2, 5) + 1):
            rows.append(
                {"id": next_id, "parent_id": grid_id, "level": OrganizationLevel.BUILDING_GROUP.value,
                 "name": f"{grid}-{building}栋党小组", "code": f"{division_code}{grid:03d}{building:02d}",
                 "sort_order": building}
            )  # fmt: skip
            next_id += 1
    return rows


def _member_row(people: _DemoPeople, member_id: int, organization_ids: list[int]) -> dict[str, Any]:
    pick = people.random
    today = people.today
    kind = pick.choices(_KINDS, cum_weights=_KIND_CUMULATIVE_WEIGHTS)[0]
    male = pick.random() < 0.55
    probationary = kind in PROBATIONARY_KINDS and pick.random() < PROBATIONARY_SHARE
    youngest, oldest = AGE_RANGES[kind]
    if probationary:
        youngest, oldest = max(youngest, PROBATIONARY_AGES[0]), min(oldest, PROBATIONARY_AGES[1])
    birth = people.date_between(
        years_before(today, oldest + 1) + timedelta(days=1), years_before(today, youngest)
    )
    eighteenth = years_before(birth, -18)
    if probationary:
        joined = people.date_between(
            max(eighteenth, today - timedelta(days=360)), today - timedelta(days=7)
        )
        confirmed = None
    else:
        joined = people.date_between(
            eighteenth, min(today - timedelta(days=400), years_before(eighteenth, -30))
        )
        # 转正 one year after joining (党章 art. 7); a past event, never a future one
        confirmed = min(joined + timedelta(days=365 + pick.randint(0, 30)), today)
    area = pick.choice(
        words.LOCAL_AREA_CODES
        if kind in (MemberKind.LOCAL, MemberKind.RETIRED) or pick.random() < 0.5
        else words.OTHER_AREA_CODES
    )
    status = MemberStatus.ACTIVE
    roll = pick.random()
    if roll < 0.02:
        status = MemberStatus.TRANSFERRED_OUT
    elif roll < 0.03:
        status = MemberStatus.DECEASED
    row: dict[str, Any] = {
        "id": member_id,
        "uuid": people.uuid(),
        "name": people.name(male),
        "gender_code": "1" if male else "2",
        "ethnicity_code": pick.choice(words.ETHNICITY_CODES),
        "birth_date": birth,
        "id_number": people.id_number(area, birth, male),
        "education_code": pick.choice(words.EDUCATION_CODES),
        "kind": kind.value,
        "category": (MemberCategory.PROBATIONARY if probationary else MemberCategory.FULL).value,
        "status": status.value,
        "organization_id": pick.choice(organization_ids),
        "joined_on": joined,
        "joined_month_day": f"{joined:%m-%d}",
        "confirmed_on": confirmed,
        "work_unit": None,
        "phone": people.phone() if pick.random() < 0.97 else None,
        "household_registration": f"{area}（户籍地）"
        if area not in words.LOCAL_AREA_CODES
        else "云南省昆明市",
        "address": people.address(),
        "party_standing": "正常",
        "lost_contact_on": None,
        "outflow_destination": None,
        "registered_on": None,
        "origin_organization": None,
        "activity_card_number": None,
        "notes": None,
    }
    keys = compute_search_keys(row["name"], row["id_number"], row["phone"])
    row.update(
        name_simplified=keys.name_simplified,
        pinyin_initials=keys.pinyin_initials,
        pinyin_full=keys.pinyin_full,
        id_number_reversed=keys.id_number_reversed,
        phone_reversed=keys.phone_reversed,
    )
    if kind is MemberKind.IN_SERVICE_REGISTERED:
        row["work_unit"] = pick.choice(words.WORK_UNITS)
        row["origin_organization"] = f"{row['work_unit']}党委"
        row["registered_on"] = people.date_between(max(date(2018, 1, 1), joined), today)
    elif kind is MemberKind.FLOATING_IN:
        row["origin_organization"] = pick.choice(words.FLOATING_ORIGINS)
        row["registered_on"] = people.date_between(max(date(2019, 1, 1), joined), today)
        row["activity_card_number"] = f"LD{pick.randrange(10**10):010d}"
    elif kind is MemberKind.FLOATING_OUT:
        row["outflow_destination"] = pick.choice(words.FLOATING_DESTINATIONS)
        row["activity_card_number"] = f"LD{pick.randrange(10**10):010d}"
    elif kind is MemberKind.RETIRED:
        row["work_unit"] = pick.choice(words.RETIRED_FROM)
    else:
        row["work_unit"] = pick.choice(words.WORK_UNITS) if pick.random() < 0.6 else None
    return row


def _events_for(people: _DemoPeople, member: dict[str, Any]) -> list[dict[str, Any]]:
    kind = MemberKind(member["kind"])
    events: list[tuple[str, date, dict[str, str]]] = []
    if kind is MemberKind.IN_SERVICE_REGISTERED:
        events.append(
            ("report", member["registered_on"], {"organization": member["origin_organization"]})
        )
    elif kind is MemberKind.FLOATING_IN:
        events.append(
            ("floating_in", member["registered_on"], {"from": member["origin_organization"]})
        )
    elif kind is MemberKind.FLOATING_OUT:
        events.append(
            (
                "floating_out",
                people.date_between(date(2019, 1, 1), people.today),
                {"to": member["outflow_destination"]},
            )
        )
    if member["status"] == MemberStatus.TRANSFERRED_OUT.value:
        events.append(
            (
                "transfer_out",
                people.date_between(date(2020, 1, 1), people.today),
                {"to": "外区社区党委"},
            )
        )
    return [
        {"uuid": people.uuid(), "member_id": member["id"], "event_type": event_type,
         "occurred_on": occurred, "details_json": json.dumps(details, ensure_ascii=False)}
        for event_type, occurred, details in events
    ]  # fmt: skip


def _adopt_first_run_community(session: Session, organizations: list[dict[str, Any]]) -> None:
    """Issue 11: the first run registers the 社区党组织 (the demo's only precondition is that
    it is all the tree holds). The demo's community row takes its uuid, name and code, and the
    old row gives way, so the same organization now sits under the demo's 街道党工委."""
    existing = session.scalars(select(Organization).limit(2)).all()
    if len(existing) != 1 or existing[0].level != OrganizationLevel.COMMUNITY.value:
        return
    community = existing[0]
    row = next(r for r in organizations if r["level"] == OrganizationLevel.COMMUNITY.value)
    row.update(uuid=community.uuid, name=community.name, code=community.code)
    session.expunge(community)
    session.execute(delete(Organization).where(Organization.id == community.id))


def generate_member_demo(
    work: UnitOfWork, options: DemoOptions, progress: ProgressCallback | None
) -> tuple[DemoCount, ...]:
    """The center's organization tree and ``options.member_count`` members with their history."""
    session = work.session
    people = _DemoPeople(options.seed, options.today)
    organizations = _build_organizations(
        people, options.division_code, options.center_name, options.member_count
    )
    for organization in organizations:
        organization["uuid"] = people.uuid()
    _adopt_first_run_community(session, organizations)
    insert_synced_rows(session, Organization, organizations)
    leaf_ids = [
        row["id"]
        for row in organizations
        if row["level"]
        in (OrganizationLevel.GRID_BRANCH.value, OrganizationLevel.BUILDING_GROUP.value)
    ]
    member_count = options.member_count
    event_total = 0
    for start in range(0, member_count, _CHUNK):
        chunk_size = min(_CHUNK, member_count - start)
        members = [
            _member_row(people, start + offset + 1, leaf_ids) for offset in range(chunk_size)
        ]
        events = [event for member in members for event in _events_for(people, member)]
        insert_synced_rows(session, Member, members)
        insert_synced_rows(session, MemberEvent, events)
        event_total += len(events)
        if progress is not None:
            progress(start + chunk_size, member_count)
    return (
        DemoCount("organizations", "组织", "个", len(organizations)),
        DemoCount("members", "党员", "名", member_count),
        DemoCount("events", "历史记录", "条", event_total),
    )
