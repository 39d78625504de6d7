"""The bases module's settings (issue 14, "Rules"), registered with the core registry.

Imported by :mod:`dangqun.bases.models`, so wherever the schema is loaded the settings are
known. Standard library and :mod:`dangqun.core.setting_definitions` only. DOMAIN.md says local
practice is a setting, not a constant:

* ``bases_min_notice_minutes`` (default 60): a booking must start at least this long after it is
  made, so the base can prepare the room (0 = a walk-in may book on the spot).
* ``bases_max_advance_days`` (default 180): how far ahead a date may be booked.
* ``bases_buffer_minutes`` (default 0): the room is held this long after each booking for
  tidying; a booking starting sooner after another counts as overlapping it.
* ``bases_monthly_quota`` (default 0 = none): the most bookings one visiting organization may
  hold in one calendar month (cancelled ones do not count), so one busy branch cannot take the
  base from everybody else.
* ``bases_time_zone`` (default ``Asia/Shanghai``): the zone of the center's wall clock. Bookings
  store local dates and times with this zone's name, never a UTC guess (DOMAIN §2: a series
  stored in UTC drifted an hour and changed weekday in another booking system).
"""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dangqun.core.setting_definitions import SettingDefinition, integer_between, register_setting

DEFAULT_TIME_ZONE = "Asia/Shanghai"
_FIXED_ZONES = {DEFAULT_TIME_ZONE: timezone(timedelta(hours=8), DEFAULT_TIME_ZONE)}
"""China has kept UTC+8 without daylight saving since 1991, so where the operating system
ships no zone database (Windows without the ``tzdata`` package) the default zone is still
known exactly."""

MIN_NOTICE_MINUTES = register_setting(
    SettingDefinition(
        "bases_min_notice_minutes",
        "阵地预约至少提前（分钟）",
        60,
        integer_between(0, 30 * 24 * 60, " 分钟"),
    )
)
MAX_ADVANCE_DAYS = register_setting(
    SettingDefinition(
        "bases_max_advance_days", "阵地最多提前预约（天）", 180, integer_between(1, 730, " 天")
    )
)
BUFFER_MINUTES = register_setting(
    SettingDefinition(
        "bases_buffer_minutes",
        "两场预约之间的间隔（分钟）",
        0,
        integer_between(0, 240, " 分钟"),
    )
)
MONTHLY_QUOTA = register_setting(
    SettingDefinition(
        "bases_monthly_quota",
        "每个来访组织每月最多预约次数（0 为不限）",
        0,
        integer_between(0, 1000, " 次"),
    )
)


def zone_named(name: str) -> tzinfo:
    """The zone called ``name``; raises ``ZoneInfoNotFoundError`` for an unknown one."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if name in _FIXED_ZONES:
            return _FIXED_ZONES[name]
        raise ZoneInfoNotFoundError(name) from None


def _known_zone(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "必须是时区名称，如 Asia/Shanghai"
    try:
        zone_named(value)
    except ZoneInfoNotFoundError:
        return f"“{value}”不是已知的时区名称（如 Asia/Shanghai）"
    return None


TIME_ZONE = register_setting(
    SettingDefinition("bases_time_zone", "中心所在时区", DEFAULT_TIME_ZONE, _known_zone)
)
