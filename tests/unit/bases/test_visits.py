"""Check-in, the status path, statistics, the week calendar and ``dangqun check``'s invariants."""

from __future__ import annotations

import sqlite3
from datetime import date, time, timedelta

import pytest

from dangqun.bases.service import (
    AttendeeForm,
    BookingStatus,
    CheckInForm,
    Granularity,
    book,
    bookings_on,
    check_in,
    complete_booking,
    confirm_booking,
    get_booking,
    mark_no_show,
    statistics,
    week_view,
)
from dangqun.bases.vocabulary import OrganizationType
from dangqun.core.errors import ValidationError
from dangqun.core.invariants import run_checks
from dangqun.features import load_invariants
from tests.unit.bases.conftest import FRIDAY, NOW, booking_form

ON_THE_DAY = NOW + timedelta(days=3, hours=1)  # Friday 10:00 local


def test_the_status_path_from_pending_to_completed(database, admin, site):
    booking_id = book(database, admin, booking_form(site.hall), now=NOW)
    with pytest.raises(ValidationError) as caught:
        complete_booking(database, admin, booking_id)
    assert "不能改为“已完成”" in caught.value.message_for("status")
    confirm_booking(database, admin, booking_id)
    with pytest.raises(ValidationError) as caught:
        check_in(database, admin, booking_id, CheckInForm(18), now=NOW)
    assert "还没到签到的日子" in caught.value.message_for("status")
    check_in(
        database,
        admin,
        booking_id,
        CheckInForm(18, (AttendeeForm(name="陈立"), AttendeeForm(name="周青"))),
        now=ON_THE_DAY,
    )
    complete_booking(database, admin, booking_id)
    detail = get_booking(database, admin, booking_id)
    assert detail.status is BookingStatus.COMPLETED
    assert detail.actual_headcount == 18
    assert [a.name for a in detail.attendees] == ["陈立", "周青"]


def test_check_in_refuses_more_named_attendees_than_people(database, admin, site):
    booking_id = book(database, admin, booking_form(site.hall), now=NOW)
    with pytest.raises(ValidationError) as caught:
        check_in(
            database,
            admin,
            booking_id,
            CheckInForm(1, (AttendeeForm(name="陈立"), AttendeeForm(name="周青"))),
            now=ON_THE_DAY,
        )
    assert caught.value.message_for("attendees") == "签到人员 2 人，多于实到人数 1"
    with pytest.raises(ValidationError) as caught:
        check_in(
            database,
            admin,
            booking_id,
            CheckInForm(3, (AttendeeForm(member_id=999),)),
            now=ON_THE_DAY,
        )
    assert "（编号 999）不存在" in caught.value.message_for("attendees")


def test_a_no_show_is_marked_only_after_the_slot_ends(database, admin, site):
    booking_id = book(database, admin, booking_form(site.hall), now=NOW)
    with pytest.raises(ValidationError):
        mark_no_show(database, admin, booking_id, now=ON_THE_DAY)
    mark_no_show(database, admin, booking_id, now=ON_THE_DAY + timedelta(hours=2))
    assert get_booking(database, admin, booking_id).status is BookingStatus.NO_SHOW


def test_statistics_count_visits_and_people_from_actual_check_ins(database, admin, site):
    visits = [
        (FRIDAY, "翠湖社区第一党支部", OrganizationType.BRANCH, 18, (site.lesson,)),
        (
            FRIDAY + timedelta(days=1),
            "翠湖社区第一党支部",
            OrganizationType.BRANCH,
            22,
            (site.oath,),
        ),
        (
            FRIDAY + timedelta(days=2),
            "云南某科技有限公司党支部",
            OrganizationType.TWO_NEW,
            9,
            (site.lesson,),
        ),
    ]
    for day, organization, org_type, people, items in visits:
        booking_id = book(
            database,
            admin,
            booking_form(
                site.hall,
                on_date=day,
                organization=organization,
                org_type=org_type,
                headcount=20,
                menu_item_ids=items,
            ),
            now=NOW,
        )
        check_in(database, admin, booking_id, CheckInForm(people), now=NOW + timedelta(days=30))
    book(
        database, admin, booking_form(site.hall, on_date=FRIDAY + timedelta(days=3)), now=NOW
    )  # not visited
    result = statistics(database, admin, date(2026, 12, 1), date(2026, 12, 31))
    assert (result.visits, result.people) == (3, 49)
    assert result.summary == "先后有 3 批 49 人次到基地开展活动"
    assert {t.label: (t.visits, t.people) for t in result.by_org_type if t.visits} == {
        "支部": (2, 40),
        "两新组织": (1, 9),
    }
    assert [(t.label, t.visits, t.people) for t in result.by_organization] == [
        ("翠湖社区第一党支部", 2, 40),
        ("云南某科技有限公司党支部", 1, 9),
    ]
    assert {t.label: (t.visits, t.people) for t in result.by_menu_item} == {
        "专题党课": (2, 27),
        "重温入党誓词": (1, 22),
    }
    assert [(t.label, t.people) for t in result.by_period] == [("2026 年 12 月", 49)]
    quarter = statistics(
        database, admin, date(2026, 10, 1), date(2026, 12, 31), granularity=Granularity.QUARTER
    )
    assert [(t.label, t.visits) for t in quarter.by_period] == [("2026 年第 4 季度", 3)]
    assert statistics(database, admin, date(2027, 1, 1), date(2027, 12, 31)).visits == 0


def test_the_week_view_shows_free_places_per_slot_and_closed_days(database, admin, site):
    book(
        database,
        admin,
        booking_form(site.hall, headcount=25, starts_at=time(9, 30), ends_at=time(10, 30)),
        now=NOW,
    )
    book(database, admin, booking_form(site.meeting_room, headcount=2), now=NOW)
    view = week_view(database, admin, date(2026, 12, 4), base_id=site.base_id, slot_minutes=60)
    hall = next(r for r in view.rooms if r.room.id == site.hall)
    friday = hall.days[0]
    assert [(s.start_minute // 60, s.free) for s in friday.slots[:4]] == [
        (9, 15),
        (10, 15),
        (11, 40),
        (14, 40),
    ]
    closed = hall.days[5]  # 2026-12-09
    assert (closed.on_date, closed.closed, closed.slots) == (
        date(2026, 12, 9),
        "设备检修（2026-12-09）",
        (),
    )
    meeting = next(r for r in view.rooms if r.room.id == site.meeting_room)
    assert [s.free for s in meeting.days[0].slots[:3]] == [0, 0, 12]
    assert [b.organization for b in hall.blocks] == ["云南某科技有限公司党支部"]
    assert len(bookings_on(database, admin, FRIDAY, base_id=site.base_id)) == 2


def test_check_names_bookings_that_break_the_invariants(database, admin, site, application):
    first = book(database, admin, booking_form(site.meeting_room, headcount=5), now=NOW)
    second = book(
        database,
        admin,
        booking_form(site.meeting_room, headcount=5, on_date=FRIDAY + timedelta(days=1)),
        now=NOW,
    )
    third = book(
        database,
        admin,
        booking_form(site.hall, headcount=30, lecturer_id=site.lecturer_li),
        now=NOW,
    )
    fourth = book(
        database,
        admin,
        booking_form(
            site.hall,
            headcount=10,
            lecturer_id=site.lecturer_li,
            on_date=FRIDAY + timedelta(days=1),
        ),
        now=NOW,
    )
    load_invariants()
    with database.reading() as session:
        assert [p for p in run_checks(session).problems if "阵地" in p] == []
    numbers = {i: get_booking(database, admin, i).number for i in (first, second, third, fourth)}
    with sqlite3.connect(application.paths.database) as connection:
        # What a bad import could leave: two in the exclusive room, the hall overfull, 李 twice.
        connection.execute(
            "UPDATE bases_bookings SET on_date = '2026-12-04' WHERE id IN (?, ?)", (second, fourth)
        )
        connection.execute("UPDATE bases_bookings SET headcount = 11 WHERE id = ?", (fourth,))
        connection.execute("UPDATE bases_bookings SET status = 'checked_in' WHERE id = ?", (first,))
    with database.reading() as session:
        problems = [p for p in run_checks(session).problems if "阵地" in p]
    assert problems == [
        f"阵地活动室容量：活动室“党员活动室” 2026-12-04 同一时刻超过容纳人数 40：{numbers[third]}、{numbers[fourth]}",
        f"阵地独占活动室：活动室“会议室” 2026-12-04 同时有预约：{numbers[first]}、{numbers[second]}",
        f"阵地讲师安排：讲师 {site.lecturer_li} 在 2026-12-04 同时有两处安排：{numbers[third]}、{numbers[fourth]}",
        f"阵地预约状态：预约 {numbers[first]} 已签到，但没有实到人数或签到时间",
    ]
