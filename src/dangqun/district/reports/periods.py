"""The report's period: a month ``2026-07``, a quarter ``2026-Q3`` or a year ``2026`` (issue 17).

Calendar facts are local dates (core.clock); a period runs from its first day to its last,
inclusive. Record timestamps are UTC instants, so "created by the end of the period" compares
with the local midnight after the last day, converted to UTC (:meth:`Period.end_instant`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dangqun.core.errors import ValidationError

PERIOD_FORMS = "月份 2026-07、季度 2026-Q3 或年份 2026"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
QUARTER_WORDS = "一二三四"


@dataclass(frozen=True)
class Period:
    code: str
    """As written on the command line and in file names: ``2026-Q3``."""
    kind: str
    """``month``, ``quarter`` or ``year``."""
    starts_on: date
    ends_on: date

    @property
    def label(self) -> str:
        """``2026年7月``, ``2026年第三季度``, ``2026年`` — as a report's title says it."""
        year = self.starts_on.year
        if self.kind == "month":
            return f"{year}年{self.starts_on.month}月"
        if self.kind == "quarter":
            return f"{year}年第{QUARTER_WORDS[(self.starts_on.month - 1) // 3]}季度"
        return f"{year}年"

    def end_instant(self) -> datetime:
        """The local midnight after the last day, in UTC (see the module docstring)."""
        following = datetime.combine(self.ends_on + timedelta(days=1), time.min)
        return following.astimezone().astimezone(UTC)


def parse_period(text: str, option: str = "period") -> Period:
    """``text`` as a :class:`Period`, or a :class:`ValidationError` naming ``option`` in Chinese."""
    value = text.strip()
    refusal = ValidationError.single(option, f"--{option}“{text}”不是统计期。请写{PERIOD_FORMS}。")
    if match := _MONTH.match(value):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise refusal
        following = date(year + month // 12, month % 12 + 1, 1)
        period = Period(value, "month", date(year, month, 1), following - timedelta(days=1))
    elif match := _QUARTER.match(value):
        year, quarter = int(match[1]), int(match[2])
        first = 3 * quarter - 2
        following = date(year + (quarter == 4), (first + 2) % 12 + 1, 1)
        period = Period(
            f"{year}-Q{quarter}", "quarter", date(year, first, 1), following - timedelta(days=1)
        )
    elif match := _YEAR.match(value):
        year = int(match[1])
        period = Period(value, "year", date(year, 1, 1), date(year, 12, 31))
    else:
        raise refusal
    if not 2000 <= period.starts_on.year <= 2999:
        raise ValidationError.single(option, f"--{option}“{text}”的年份应在 2000 到 2999 之间。")
    return period
