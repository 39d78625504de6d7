"""Issue 14, "Rules": each rule has a test named after it, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import date, time, timedelta

import pytest

from dangqun.bases.service import (
    BaseForm,
    BaseType,
    BookingQuery,
    BookingStatus,
    CheckInForm,
    MenuItemForm,
    RoomForm,
    book,
    cancel_booking,
    check_in,
    complete_booking,
    create_base,
    create_menu_item,
    create_room,
    get_booking,
    list_bookings,
    set_opening_hours,
    update_booking,
)
from dangqun.core.errors import ValidationError
from tests.unit.bases.conftest import FRIDAY, NOW, OPEN_HOURS, booking_form, row_counts, set_rules


def refused(callable_, *arguments, **keywords) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        callable_(*arguments, **keywords)
    return caught.value


def test_capacity_counts_people_overlapping_bookings_share_the_room_while_headcounts_fit(
    database, admin, site
):
    book(database, admin, booking_form(site.hall, headcount=25), now=NOW)
    book(
        database,
        admin,
        booking_form(
            site.hall,
            headcount=15,
            organization="翠湖社区第一党支部",
            org_type=booking_form(site.hall).org_type,
        ),
        now=NOW,
    )  # 25 + 15 = 40 fits exactly
    error = refused(
        book,
        database,
        admin,
        booking_form(site.hall, headcount=1, organization="第三支部"),
        now=NOW,
    )
    assert error.message_for("headcount") == (
        "活动室“党员活动室”该时段只剩 0 个位置（容纳 40 人，已预约 40 人），放不下 1 人"
    )


def test_capacity_is_a_limit_at_every_moment_not_over_the_whole_slot(database, admin, site):
    book(database, admin, booking_form(site.hall, headcount=30, ends_at=time(10, 0)), now=NOW)
    book(
        database,
        admin,
        booking_form(site.hall, headcount=30, starts_at=time(10, 0), ends_at=time(11, 0)),
        now=NOW,
    )
    # 09:30–10:30 overlaps both, but never more than 30 people are there at once.
    book(
        database,
        admin,
        booking_form(site.hall, headcount=10, starts_at=time(9, 30), ends_at=time(10, 30)),
        now=NOW,
    )
    error = refused(
        book,
        database,
        admin,
        booking_form(site.hall, headcount=1, starts_at=time(9, 30), ends_at=time(10, 30)),
        now=NOW,
    )
    assert "只剩 0 个位置" in error.message_for("headcount")


def test_an_exclusive_room_takes_one_booking_at_a_time(database, admin, site):
    first = book(database, admin, booking_form(site.meeting_room, headcount=3), now=NOW)
    number = get_booking(database, admin, first).number
    error = refused(
        book,
        database,
        admin,
        booking_form(site.meeting_room, headcount=2, starts_at=time(10, 30), ends_at=time(11, 30)),
        now=NOW,
    )
    assert error.message_for("starts_at") == f"活动室“会议室”独占使用，该时段已有预约 {number}"
    book(
        database,
        admin,
        booking_form(site.meeting_room, headcount=2, starts_at=time(11, 0), ends_at=time(12, 0)),
        now=NOW,
    )  # back to back is fine without a buffer


def test_booking_inside_opening_hours_only(database, admin, site):
    error = refused(
        book,
        database,
        admin,
        booking_form(site.hall, starts_at=time(11, 0), ends_at=time(14, 30)),
        now=NOW,
    )
    assert error.message_for("starts_at") == (
        "11:00–14:30 不在开放时间内（星期五：09:00–12:00、14:00–20:00）"
    )
    set_opening_hours(database, admin, site.base_id, {0: OPEN_HOURS})  # Mondays only now
    error = refused(book, database, admin, booking_form(site.hall), now=NOW)
    assert "星期五：不开放" in error.message_for("starts_at")


def test_booking_outside_closed_dates(database, admin, site):
    set_rules(database, admin, max_advance_days=730)
    cases = {
        date(2026, 12, 9): "2026-12-09 阵地闭馆：设备检修（2026-12-09）",
        date(2027, 2, 8): "2027-02-08 阵地闭馆：春节（2027-02-05 至 2027-02-11）",
        date(2027, 10, 3): "2027-10-03 阵地闭馆：国庆（每年 10-01 至 10-07）",
    }
    for day, message in cases.items():
        error = refused(book, database, admin, booking_form(site.hall, on_date=day), now=NOW)
        assert error.message_for("on_date") == message
    book(database, admin, booking_form(site.hall, on_date=date(2027, 10, 8)), now=NOW)


def test_minimum_notice_and_maximum_advance(database, admin, site):
    set_rules(database, admin, min_notice_minutes=120, max_advance_days=30)
    today = date(2026, 12, 1)  # NOW is 09:00 local
    error = refused(
        book,
        database,
        admin,
        booking_form(site.hall, on_date=today, starts_at=time(10, 0), ends_at=time(11, 0)),
        now=NOW,
    )
    assert error.message_for("starts_at").startswith("预约须至少提前 120 分钟")
    book(
        database,
        admin,
        booking_form(site.hall, on_date=today, starts_at=time(11, 0), ends_at=time(12, 0)),
        now=NOW,
    )
    error = refused(
        book, database, admin, booking_form(site.hall, on_date=today + timedelta(days=31)), now=NOW
    )
    assert error.message_for("on_date") == "最多只能提前 30 天预约（2027-01-01 太远了）"
    book(database, admin, booking_form(site.hall, on_date=today + timedelta(days=30)), now=NOW)


def test_buffer_minutes_between_bookings(database, admin, site):
    set_rules(database, admin, buffer_minutes=30)
    book(database, admin, booking_form(site.meeting_room, headcount=5), now=NOW)  # 09:00–11:00
    error = refused(
        book,
        database,
        admin,
        booking_form(site.meeting_room, headcount=5, starts_at=time(11, 15), ends_at=time(12, 0)),
        now=NOW,
    )
    assert "含前后 30 分钟间隔" in error.message_for("starts_at")
    book(
        database,
        admin,
        booking_form(site.meeting_room, headcount=5, starts_at=time(14, 0), ends_at=time(15, 0)),
        now=NOW,
    )
    # Before another booking too: 13:xx is closed, so try the hall at capacity.
    book(
        database,
        admin,
        booking_form(site.hall, headcount=40, starts_at=time(15, 0), ends_at=time(16, 0)),
        now=NOW,
    )
    error = refused(
        book,
        database,
        admin,
        booking_form(site.hall, headcount=1, starts_at=time(14, 0), ends_at=time(14, 45)),
        now=NOW,
    )
    assert "只剩 0 个位置" in error.message_for("headcount")


def test_cancelling_frees_the_places(database, admin, site):
    full = book(database, admin, booking_form(site.hall, headcount=40), now=NOW)
    refused(book, database, admin, booking_form(site.hall, headcount=10), now=NOW)
    error = refused(cancel_booking, database, admin, full, "  ")
    assert error.message_for("reason") == "请填写取消原因"
    cancel_booking(database, admin, full, "支部改期")
    assert get_booking(database, admin, full).status is BookingStatus.CANCELLED
    assert get_booking(database, admin, full).cancel_reason == "支部改期"
    book(database, admin, booking_form(site.hall, headcount=40), now=NOW)


def test_a_completed_booking_cannot_be_moved(database, admin, site):
    booking_id = book(database, admin, booking_form(site.hall), now=NOW)
    on_the_day = NOW + timedelta(days=3, hours=3)
    check_in(database, admin, booking_id, CheckInForm(18), now=on_the_day)
    complete_booking(database, admin, booking_id)
    error = refused(
        update_booking,
        database,
        admin,
        booking_id,
        booking_form(site.hall, on_date=FRIDAY + timedelta(days=7)),
        now=NOW,
    )
    assert (
        error.message_for("status")
        == f"预约 {get_booking(database, admin, booking_id).number} 已完成，不能再改动"
    )
    assert get_booking(database, admin, booking_id).on_date == FRIDAY


def test_moving_a_booking_checks_the_rules_again_without_clashing_with_itself(
    database, admin, site
):
    booking_id = book(database, admin, booking_form(site.hall, headcount=40), now=NOW)
    update_booking(
        database,
        admin,
        booking_id,
        booking_form(site.hall, headcount=40, ends_at=time(11, 30)),
        now=NOW,
    )
    other = book(
        database,
        admin,
        booking_form(site.hall, headcount=40, on_date=FRIDAY + timedelta(days=1)),
        now=NOW,
    )
    error = refused(
        update_booking, database, admin, other, booking_form(site.hall, headcount=40), now=NOW
    )
    assert "只剩 0 个位置" in error.message_for("headcount")
    assert get_booking(database, admin, booking_id).end_minute == 11 * 60 + 30


def test_group_size_within_the_menu_items_limits(database, admin, site):
    error = refused(
        book,
        database,
        admin,
        booking_form(site.hall, headcount=3, menu_item_ids=(site.lesson,)),
        now=NOW,
    )
    assert error.message_for("headcount") == "特色菜单“专题党课”适合 5–40 人，预计人数是 3"
    book(
        database, admin, booking_form(site.hall, headcount=5, menu_item_ids=(site.lesson,)), now=NOW
    )


def test_a_lecturer_cannot_be_in_two_places_at_once(database, admin, site):
    other_base = create_base(database, admin, BaseForm("南屏科技基地", BaseType.TECHNOLOGY))
    set_opening_hours(database, admin, other_base.id, {4: OPEN_HOURS})
    room = create_room(database, admin, RoomForm(other_base.id, "报告厅", 100))
    talk = create_menu_item(
        database,
        admin,
        MenuItemForm(other_base.id, "科技党课", 60, 1, 100, lecturer_ids=(site.lecturer_zhang,)),
    )
    book(
        database,
        admin,
        booking_form(site.hall, menu_item_ids=(site.lesson,), lecturer_id=site.lecturer_zhang),
        now=NOW,
    )
    error = refused(
        book,
        database,
        admin,
        booking_form(room.id, starts_at=time(10, 0), ends_at=time(11, 0), menu_item_ids=(talk.id,)),
        now=NOW,
    )
    assert "不能同时在两处" in error.message_for("lecturer_id")
    book(
        database,
        admin,
        booking_form(room.id, starts_at=time(14, 0), ends_at=time(15, 0), menu_item_ids=(talk.id,)),
        now=NOW,
    )


def test_materials_not_over_booked(database, admin, site):
    book(
        database, admin, booking_form(site.hall, headcount=10, menu_item_ids=(site.oath,)), now=NOW
    )
    error = refused(
        book,
        database,
        admin,
        booking_form(site.meeting_room, headcount=10, menu_item_ids=(site.oath,)),
        now=NOW,
    )
    assert (
        error.message_for("menu_item_ids")
        == "物资“党旗”该时段已借出 1 件（共 1 件），不够再用 1 件"
    )
    book(
        database,
        admin,
        booking_form(
            site.meeting_room,
            headcount=10,
            starts_at=time(11, 0),
            ends_at=time(12, 0),
            menu_item_ids=(site.oath,),
        ),
        now=NOW,
    )


def test_choosing_a_menu_item_books_room_lecturer_and_materials_together_or_nothing(
    database, admin, site, application
):
    first = book(
        database,
        admin,
        booking_form(site.hall, headcount=10, menu_item_ids=(site.lesson,)),
        now=NOW,
    )
    detail = get_booking(database, admin, first)
    assert (detail.menu_items, detail.lecturer) == (("专题党课",), "张建国")
    # The second lesson at the same time gets the other lecturer, but the one projector is lent.
    before = row_counts(application.paths.database)
    error = refused(
        book,
        database,
        admin,
        booking_form(site.meeting_room, headcount=10, menu_item_ids=(site.lesson,)),
        now=NOW,
    )
    assert "投影仪" in error.message_for("menu_item_ids")
    assert row_counts(application.paths.database) == before
    with sqlite3.connect(application.paths.database) as connection:
        held = connection.execute(
            "SELECT material_id, quantity FROM bases_booking_materials WHERE booking_id = ?",
            (first,),
        ).fetchall()
    assert held == [(site.projector, 1)]


def test_monthly_quota_per_visiting_organization(database, admin, site):
    set_rules(database, admin, monthly_quota=2)
    for day in (FRIDAY, FRIDAY + timedelta(days=1)):
        book(database, admin, booking_form(site.hall, on_date=day), now=NOW)
    error = refused(
        book, database, admin, booking_form(site.hall, on_date=FRIDAY + timedelta(days=2)), now=NOW
    )
    assert (
        error.message_for("organization") == "该组织 2026 年 12 月已有 2 次预约，达到每月限额 2 次"
    )
    book(database, admin, booking_form(site.hall, on_date=date(2027, 1, 8)), now=NOW)


def test_times_are_stored_as_local_wall_clock_with_the_zone(database, admin, site, application):
    booking_id = book(database, admin, booking_form(site.hall), now=NOW)
    with sqlite3.connect(application.paths.database) as connection:
        row = connection.execute(
            "SELECT on_date, start_minute, end_minute, time_zone, number, status, taken_by, channel "
            "FROM bases_bookings WHERE id = ?",
            (booking_id,),
        ).fetchone()
    assert row == (
        "2026-12-04",
        540,
        660,
        "Asia/Shanghai",
        "YY-2026-000001",
        "pending",
        "王芳",
        "phone",
    )
    listed = list_bookings(database, admin, BookingQuery(base_id=site.base_id))
    assert [b.slot_text for b in listed] == ["09:00–11:00"]
    assert listed[0].phone == "13888001234"  # an administrator sees it in full


def test_staff_see_phones_masked_and_a_masked_phone_sent_back_keeps_the_stored_one(
    database, admin, site, application
):
    from dangqun.core.security import Actor, Role

    staff = Actor(None, "limin", "李敏", Role.STAFF)
    booking_id = book(database, staff, booking_form(site.hall), now=NOW)
    shown = get_booking(database, staff, booking_id)
    assert shown.phone == "*******1234"
    update_booking(
        database,
        staff,
        booking_id,
        booking_form(site.hall, phone=shown.phone, headcount=22),
        now=NOW,
    )
    assert get_booking(database, admin, booking_id).phone == "13888001234"
