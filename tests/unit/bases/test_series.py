"""Issue 14, recurring bookings: every date that fits in one transaction, the others with their
reasons; a skipped date re-added later; one occurrence changed alone; never a drift."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from dangqun.bases.service import (
    BookingStatus,
    Problem,
    RecurrenceKind,
    RecurrenceRule,
    SeriesForm,
    add_series_date,
    book,
    book_series,
    cancel_booking,
    get_booking,
    series_bookings,
    update_booking,
)
from dangqun.core.errors import ValidationError
from tests.unit.bases.conftest import NOW, booking_form, row_counts, set_rules

FIRST_FRIDAY = RecurrenceRule(RecurrenceKind.MONTHLY_WEEKDAY, weekday=4, ordinal=1)


def test_recurrence_rules_give_the_dates_they_name():
    dates = list(FIRST_FRIDAY.dates(date(2027, 1, 1), date(2027, 6, 30)))
    assert dates == [
        date(2027, 1, 1),
        date(2027, 2, 5),
        date(2027, 3, 5),
        date(2027, 4, 2),
        date(2027, 5, 7),
        date(2027, 6, 4),
    ]
    last_friday = RecurrenceRule(RecurrenceKind.MONTHLY_WEEKDAY, weekday=4, ordinal=-1)
    assert list(last_friday.dates(date(2027, 1, 1), date(2027, 2, 28))) == [
        date(2027, 1, 29),
        date(2027, 2, 26),
    ]
    day_31 = RecurrenceRule(RecurrenceKind.MONTHLY_DAY, day_of_month=31)
    assert list(day_31.dates(date(2027, 1, 1), date(2027, 4, 30))) == [
        date(2027, 1, 31),
        date(2027, 3, 31),
    ]
    weekly = RecurrenceRule(RecurrenceKind.WEEKLY, weekday=2)
    assert list(weekly.dates(date(2026, 12, 1), date(2026, 12, 20))) == [
        date(2026, 12, 2),
        date(2026, 12, 9),
        date(2026, 12, 16),
    ]


def test_recurring_series_creates_every_date_that_fits_and_lists_skipped_with_reasons(
    database, admin, site, application
):
    set_rules(database, admin, max_advance_days=365)
    # 2027-01-01 is taken by another organization: full. 2027-02-05 falls in 春节: closed.
    book(
        database,
        admin,
        booking_form(
            site.meeting_room,
            on_date=date(2027, 1, 1),
            starts_at=time(14, 0),
            ends_at=time(15, 0),
            headcount=2,
            organization="另一个支部",
        ),
        now=NOW,
    )
    form = SeriesForm(
        FIRST_FRIDAY,
        date(2026, 12, 1),
        date(2027, 4, 30),
        booking_form(site.meeting_room, headcount=8, starts_at=time(14, 30), ends_at=time(16, 0)),
    )
    result = book_series(database, admin, form, now=NOW)
    created = series_bookings(database, admin, result.series_id)
    assert [b.on_date for b in created] == [date(2026, 12, 4), date(2027, 3, 5), date(2027, 4, 2)]
    assert [(s.on_date, s.problem) for s in result.skipped] == [
        (date(2027, 1, 1), Problem.FULL),
        (date(2027, 2, 5), Problem.CLOSED),
    ]
    assert result.skipped[1].message == "2027-02-05 阵地闭馆：春节（2027-02-05 至 2027-02-11）"
    assert len(result.numbers) == 3


def test_a_series_skips_dates_whose_lecturer_is_busy_or_over_quota(database, admin, site):
    book(
        database,
        admin,
        booking_form(
            site.hall,
            on_date=date(2026, 12, 11),
            headcount=10,
            lecturer_id=site.lecturer_zhang,  # 张 is busy there (no lesson, so no projector)
            organization="别的单位",
        ),
        now=NOW,
    )
    set_rules(database, admin, monthly_quota=2)
    form = SeriesForm(
        RecurrenceRule(RecurrenceKind.WEEKLY, weekday=4),
        date(2026, 12, 1),
        date(2026, 12, 31),
        booking_form(
            site.meeting_room,
            headcount=10,
            menu_item_ids=(site.lesson,),
            lecturer_id=site.lecturer_zhang,
        ),
    )
    result = book_series(database, admin, form, now=NOW)
    assert [(s.on_date, s.problem) for s in result.skipped] == [
        (date(2026, 12, 11), Problem.LECTURER_BUSY),
        (date(2026, 12, 25), Problem.QUOTA),
    ]


def test_a_skipped_date_can_be_re_added_later(database, admin, site):
    blocker = book(
        database,
        admin,
        booking_form(
            site.meeting_room, on_date=date(2026, 12, 11), headcount=2, organization="另一个支部"
        ),
        now=NOW,
    )
    form = SeriesForm(
        RecurrenceRule(RecurrenceKind.WEEKLY, weekday=4),
        date(2026, 12, 1),
        date(2026, 12, 20),
        booking_form(site.meeting_room, headcount=6),
    )
    result = book_series(database, admin, form, now=NOW)
    assert [s.on_date for s in result.skipped] == [date(2026, 12, 11)]
    with pytest.raises(ValidationError):
        add_series_date(database, admin, result.series_id, date(2026, 12, 11), now=NOW)
    cancel_booking(database, admin, blocker, "改到下周")
    added = add_series_date(database, admin, result.series_id, date(2026, 12, 11), now=NOW)
    detail = get_booking(database, admin, added)
    assert (detail.series_id, detail.slot_text, detail.headcount) == (
        result.series_id,
        "09:00–11:00",
        6,
    )
    with pytest.raises(ValidationError) as caught:
        add_series_date(database, admin, result.series_id, date(2026, 12, 12), now=NOW)
    assert "不是这个周期预约" in caught.value.message_for("on_date")
    with pytest.raises(ValidationError) as caught:
        add_series_date(database, admin, result.series_id, date(2026, 12, 4), now=NOW)
    assert caught.value.message_for("on_date").startswith("2026-12-04 已有预约")


def test_editing_or_cancelling_one_occurrence_leaves_the_others_alone(database, admin, site):
    form = SeriesForm(
        RecurrenceRule(RecurrenceKind.WEEKLY, weekday=4),
        date(2026, 12, 1),
        date(2026, 12, 31),
        booking_form(site.hall, headcount=10),
    )
    result = book_series(database, admin, form, now=NOW)
    first, second, *rest = result.booking_ids
    update_booking(
        database,
        admin,
        first,
        booking_form(site.hall, headcount=12, starts_at=time(14, 0), ends_at=time(15, 0)),
        now=NOW,
    )
    cancel_booking(database, admin, second, "那天有会")
    shown = {b.id: b for b in series_bookings(database, admin, result.series_id)}
    assert (shown[first].slot_text, shown[first].headcount) == ("14:00–15:00", 12)
    assert shown[second].status is BookingStatus.CANCELLED
    for other in rest:
        assert (shown[other].slot_text, shown[other].headcount, shown[other].status) == (
            "09:00–11:00",
            10,
            BookingStatus.PENDING,
        )


def test_a_series_never_drifts_an_hour_or_onto_another_weekday(database, admin, site):
    # A zone with daylight saving, across its change (2027-03-14 in New York): the wall clock
    # of every occurrence stays 14:30 on a Friday.
    set_rules(database, admin, time_zone="America/New_York", max_advance_days=365)
    form = SeriesForm(
        RecurrenceRule(RecurrenceKind.WEEKLY, weekday=4),
        date(2027, 2, 26),
        date(2027, 4, 2),
        booking_form(site.hall, starts_at=time(14, 30), ends_at=time(16, 0)),
    )
    now = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    result = book_series(database, admin, form, now=now)
    occurrences = series_bookings(database, admin, result.series_id)
    assert len(occurrences) == 6 and not result.skipped
    assert {(b.on_date.weekday(), b.slot_text, b.time_zone) for b in occurrences} == {
        (4, "14:30–16:00", "America/New_York")
    }
    assert [b.on_date for b in occurrences] == [
        date(2027, 2, 26) + timedelta(days=7 * week) for week in range(6)
    ]


def test_a_series_of_which_no_date_fits_writes_nothing(database, admin, site, application):
    before = row_counts(application.paths.database)
    form = SeriesForm(
        RecurrenceRule(RecurrenceKind.MONTHLY_DAY, day_of_month=9),
        date(2026, 12, 1),
        date(2026, 12, 31),
        booking_form(site.hall),
    )
    with pytest.raises(ValidationError) as caught:
        book_series(database, admin, form, now=NOW)
    assert "没有一个日期可以预约" in caught.value.message_for("rule")
    assert row_counts(application.paths.database) == before
