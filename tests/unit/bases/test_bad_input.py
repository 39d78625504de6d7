"""Issue 14, "Bad input": each refused with a Chinese message naming the field, nothing written."""

from __future__ import annotations

from datetime import date, time

import pytest

from dangqun.bases.service import book
from dangqun.core.errors import ValidationError
from tests.unit.bases.conftest import NOW, booking_form, row_counts


def assert_refused(application, admin, form, field: str, message: str) -> None:
    before = row_counts(application.paths.database)
    with pytest.raises(ValidationError) as caught:
        book(application.database, admin, form, now=NOW)
    assert caught.value.message_for(field) == message, caught.value.errors
    assert row_counts(application.paths.database) == before


def test_end_before_start(application, admin, site):
    assert_refused(
        application,
        admin,
        booking_form(site.hall, starts_at=time(11, 0), ends_at=time(10, 0)),
        "ends_at",
        "结束时间 10:00 必须晚于开始时间 11:00（预约时段不能跨过午夜）",
    )


def test_a_slot_across_midnight(application, admin, site):
    assert_refused(
        application,
        admin,
        booking_form(site.hall, starts_at=time(19, 0), ends_at=time(1, 0), ends_next_day=True),
        "ends_at",
        "预约时段不能跨过午夜：请在当天结束，第二天另行预约",
    )


def test_headcount_zero(application, admin, site):
    assert_refused(
        application,
        admin,
        booking_form(site.hall, headcount=0),
        "headcount",
        "预计人数必须在 1 到 2000 之间（现在是 0）",
    )


def test_headcount_above_capacity(application, admin, site):
    assert_refused(
        application,
        admin,
        booking_form(site.hall, headcount=41),
        "headcount",
        "预计人数 41 超过活动室“党员活动室”的容纳人数 40",
    )


def test_a_booking_in_the_past(application, admin, site):
    assert_refused(
        application,
        admin,
        booking_form(site.hall, on_date=date(2026, 11, 30)),
        "on_date",
        "预约时间 2026-11-30 09:00 已经过去，不能预约",
    )


def test_a_phone_that_is_not_a_phone(application, admin, site):
    assert_refused(
        application,
        admin,
        booking_form(site.hall, phone="12345"),
        "phone",
        "联系电话有误：手机号码应为 11 位，现在是 5 位",
    )


def test_an_unknown_room(application, admin, site):
    assert_refused(application, admin, booking_form(9999), "room_id", "活动室（编号 9999）不存在")


def test_a_closed_date(application, admin, site):
    assert_refused(
        application,
        admin,
        booking_form(site.hall, on_date=date(2026, 12, 9)),
        "on_date",
        "2026-12-09 阵地闭馆：设备检修（2026-12-09）",
    )


def test_every_form_error_is_named_at_once(application, admin, site):
    with pytest.raises(ValidationError) as caught:
        book(
            application.database,
            admin,
            booking_form(site.hall, phone="abc", contact=" ", organization=""),
            now=NOW,
        )
    assert {error.field for error in caught.value.errors} == {"phone", "contact", "organization"}
