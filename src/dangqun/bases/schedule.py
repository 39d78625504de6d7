"""Calendar facts of a base: the center's wall clock, opening hours, closed dates, recurrence.

Pure functions on plain values (no session), so the booking rules, the week view and the tests
share them. Times of day are minutes since local midnight; dates are local dates (DOMAIN §2).
A series is generated as dates, never as instants, so it cannot drift by an hour or onto another
weekday whatever the zone does (issue 14, "Rules").
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from dangqun.bases.vocabulary import ORDINAL_LABELS, WEEKDAY_LABELS, ClosureKind, RecurrenceKind

MINUTES_IN_A_DAY = 24 * 60


def minute_of(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def time_of(minute: int) -> time:
    """Minutes since midnight as a time of day (``24:00`` cannot be one: a slot ends by 23:59)."""
    return time(minute // 60, minute % 60)


def clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def local_instant(on_date: date, minute: int, zone: tzinfo) -> datetime:
    """The aware instant of a local wall-clock time on a local date."""
    return datetime.combine(on_date, time_of(minute), tzinfo=zone)


@dataclass(frozen=True)
class Interval:
    """An opening interval ``[opens, closes)`` in minutes since midnight."""

    opens: int
    closes: int

    @property
    def text(self) -> str:
        return f"{clock_text(self.opens)}–{clock_text(self.closes)}"

    def holds(self, start: int, end: int) -> bool:
        return self.opens <= start and end <= self.closes


def hours_text(intervals: Sequence[Interval]) -> str:
    return "、".join(interval.text for interval in intervals) or "不开放"


@dataclass(frozen=True)
class ClosureRule:
    """A closed date or range, as :class:`dangqun.bases.models.Closure` stores it."""

    name: str
    kind: ClosureKind
    starts_on: date | None = None
    ends_on: date | None = None
    yearly_from: str | None = None
    yearly_to: str | None = None

    def covers(self, day: date) -> bool:
        if self.kind is ClosureKind.DATES:
            assert self.starts_on is not None and self.ends_on is not None
            return self.starts_on <= day <= self.ends_on
        assert self.yearly_from is not None and self.yearly_to is not None
        month_day = f"{day.month:02d}-{day.day:02d}"
        if self.yearly_from <= self.yearly_to:
            return self.yearly_from <= month_day <= self.yearly_to
        return month_day >= self.yearly_from or month_day <= self.yearly_to  # over new year

    @property
    def text(self) -> str:
        if self.kind is ClosureKind.DATES:
            assert self.starts_on is not None and self.ends_on is not None
            if self.starts_on == self.ends_on:
                return f"{self.name}（{self.starts_on.isoformat()}）"
            return f"{self.name}（{self.starts_on.isoformat()} 至 {self.ends_on.isoformat()}）"
        return f"{self.name}（每年 {self.yearly_from} 至 {self.yearly_to}）"


def closure_on(rules: Iterable[ClosureRule], day: date) -> ClosureRule | None:
    """The first closure covering ``day``, or None when the base is not closed then."""
    return next((rule for rule in rules if rule.covers(day)), None)


def valid_month_day(text: str) -> bool:
    """``MM-DD`` naming a day that exists in some year (02-29 does, in leap years)."""
    try:
        date.fromisoformat(f"2000-{text}")
    except ValueError:
        return False
    return len(text) == 5


@dataclass(frozen=True)
class RecurrenceRule:
    """每周星期X (``weekday``), 每月第N个星期X (``ordinal`` 1–5 or -1 = last, ``weekday``) or
    每月N日 (``day_of_month``; a month without that day has no occurrence)."""

    kind: RecurrenceKind
    weekday: int | None = None
    ordinal: int | None = None
    day_of_month: int | None = None

    @property
    def text(self) -> str:
        if self.kind is RecurrenceKind.WEEKLY:
            assert self.weekday is not None
            return f"每周{WEEKDAY_LABELS[self.weekday]}"
        if self.kind is RecurrenceKind.MONTHLY_WEEKDAY:
            assert self.weekday is not None and self.ordinal is not None
            return f"每月{ORDINAL_LABELS[self.ordinal]}{WEEKDAY_LABELS[self.weekday]}"
        return f"每月 {self.day_of_month} 日"

    def problems(self) -> list[str]:
        """Chinese reasons the rule is incomplete (empty when it is sound)."""
        found = []
        if self.kind in (RecurrenceKind.WEEKLY, RecurrenceKind.MONTHLY_WEEKDAY) and (
            self.weekday is None or not 0 <= self.weekday <= 6
        ):
            found.append("请选择星期几")
        if self.kind is RecurrenceKind.MONTHLY_WEEKDAY and self.ordinal not in ORDINAL_LABELS:
            found.append("请选择每月第几个（第一个至第五个或最后一个）")
        if self.kind is RecurrenceKind.MONTHLY_DAY and (
            self.day_of_month is None or not 1 <= self.day_of_month <= 31
        ):
            found.append("每月几日必须在 1 到 31 之间")
        return found

    def dates(self, starts_on: date, ends_on: date) -> Iterator[date]:
        """Every date of the rule from ``starts_on`` to ``ends_on`` inclusive."""
        if self.kind is RecurrenceKind.WEEKLY:
            assert self.weekday is not None
            day = starts_on + timedelta(days=(self.weekday - starts_on.weekday()) % 7)
            while day <= ends_on:
                yield day
                day += timedelta(days=7)
            return
        year, month = starts_on.year, starts_on.month
        while date(year, month, 1) <= ends_on:
            day_or_none = self._in_month(year, month)
            if day_or_none is not None and starts_on <= day_or_none <= ends_on:
                yield day_or_none
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def _in_month(self, year: int, month: int) -> date | None:
        days = calendar.monthrange(year, month)[1]
        if self.kind is RecurrenceKind.MONTHLY_DAY:
            assert self.day_of_month is not None
            return date(year, month, self.day_of_month) if self.day_of_month <= days else None
        assert self.weekday is not None and self.ordinal is not None
        matching = [
            date(year, month, d)
            for d in range(1, days + 1)
            if date(year, month, d).weekday() == self.weekday
        ]
        if self.ordinal == -1:
            return matching[-1]
        return matching[self.ordinal - 1] if self.ordinal <= len(matching) else None


def peak_load(intervals: Iterable[tuple[int, int, int]], start: int, end: int) -> int:
    """The largest sum of headcounts of ``(start, end, headcount)`` intervals present at one
    moment of ``[start, end)``. Two bookings that overlap the window but not each other do not
    add up: capacity is a limit at every moment, not over the whole slot (DOMAIN §2)."""
    events: list[tuple[int, int]] = []
    for begins, finishes, people in intervals:
        lower, upper = max(begins, start), min(finishes, end)
        if lower < upper:
            events.append((lower, people))
            events.append((upper, -people))
    events.sort(key=lambda event: (event[0], event[1]))  # departures before arrivals
    load = peak = 0
    for _moment, change in events:
        load += change
        peak = max(peak, load)
    return peak
