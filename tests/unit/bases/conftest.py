"""Shared helpers for the bases tests: a real center (tests/conftest.py) with one base — two
rooms (a shared hall for 40, an exclusive meeting room for 12), opening hours, closed dates
(国庆 every year, 春节 2027 as a named range), materials, lecturers and a menu — a booking form
that passes every rule unless a test changes it, and row counts of every bases table and the
audit log, to prove that a refusal wrote nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from dangqun.bases.service import (
    BaseForm,
    BaseType,
    BookingForm,
    Channel,
    ClosureForm,
    ClosureKind,
    LecturerForm,
    MaterialForm,
    MaterialNeed,
    MenuItemForm,
    OrganizationType,
    RoomForm,
    add_closure,
    create_base,
    create_lecturer,
    create_material,
    create_menu_item,
    create_room,
    set_opening_hours,
)
from dangqun.core.settings import update_settings

NOW = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
"""2026-12-01 09:00 in Shanghai (a Tuesday): the moment "past" and "notice" are judged by."""
FRIDAY = date(2026, 12, 4)
TABLES = (
    "bases_organizations",
    "bases_series",
    "bases_bookings",
    "bases_booking_items",
    "bases_booking_materials",
    "bases_attendees",
    "audit_log",
)
OPEN_HOURS = [(time(9, 0), time(12, 0)), (time(14, 0), time(20, 0))]


@dataclass(frozen=True)
class Site:
    base_id: int
    hall: int
    """党员活动室: shared, 40 people."""
    meeting_room: int
    """会议室: exclusive, 12 people."""
    projector: int
    flag: int
    lecturer_zhang: int
    lecturer_li: int
    lesson: int
    """专题党课: 60 minutes, 5–40 people, 张 or 李, needs the projector."""
    oath: int
    """重温入党誓词: 30 minutes, 1–40 people, no lecturer, needs the flag."""


def make_site(database, actor, name: str = "翠湖红色教育基地") -> Site:
    base = create_base(
        database,
        actor,
        BaseForm(
            name=name,
            base_type=BaseType.RED,
            address="五华区翠湖南路 1 号",
            contact="赵敏",
            phone="0871-65123456",
            introduction="红色教育与主题党日活动",
        ),
    )
    set_opening_hours(database, actor, base.id, {weekday: OPEN_HOURS for weekday in range(7)})
    add_closure(
        database,
        actor,
        base.id,
        ClosureForm("国庆", ClosureKind.YEARLY, yearly_from="10-01", yearly_to="10-07"),
    )
    add_closure(
        database,
        actor,
        base.id,
        ClosureForm("春节", ClosureKind.DATES, date(2027, 2, 5), date(2027, 2, 11)),
    )
    add_closure(
        database, actor, base.id, ClosureForm("设备检修", ClosureKind.DATES, date(2026, 12, 9))
    )
    hall = create_room(database, actor, RoomForm(base.id, "党员活动室", 40))
    meeting = create_room(database, actor, RoomForm(base.id, "会议室", 12, exclusive=True))
    projector = create_material(database, actor, MaterialForm(base.id, "投影仪", 1))
    flag = create_material(database, actor, MaterialForm(base.id, "党旗", 1))
    zhang = create_lecturer(database, actor, LecturerForm(name="张建国", topics=("党史",)))
    li = create_lecturer(database, actor, LecturerForm(name="李红", topics=("党章",)))
    lesson = create_menu_item(
        database,
        actor,
        MenuItemForm(
            base.id,
            "专题党课",
            60,
            5,
            40,
            "党史专题",
            lecturer_ids=(zhang.id, li.id),
            materials=(MaterialNeed(projector.id, 1),),
        ),
    )
    oath = create_menu_item(
        database,
        actor,
        MenuItemForm(base.id, "重温入党誓词", 30, 1, 40, materials=(MaterialNeed(flag.id, 1),)),
    )
    return Site(
        base.id, hall.id, meeting.id, projector.id, flag.id, zhang.id, li.id, lesson.id, oath.id
    )


def booking_form(room_id: int, **changes: object) -> BookingForm:
    form = BookingForm(
        room_id=room_id,
        on_date=FRIDAY,
        starts_at=time(9, 0),
        ends_at=time(11, 0),
        headcount=20,
        organization="云南某科技有限公司党支部",
        org_type=OrganizationType.TWO_NEW,
        contact="陈立",
        phone="13888001234",
        channel=Channel.PHONE,
    )
    return replace(form, **changes)  # type: ignore[arg-type]


def row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES
        }


def set_rules(database, actor, **values: object) -> None:
    update_settings(database, actor, {f"bases_{key}": value for key, value in values.items()})


@pytest.fixture
def database(application):
    return application.database


@pytest.fixture
def site(database, admin) -> Site:
    return make_site(database, admin)
