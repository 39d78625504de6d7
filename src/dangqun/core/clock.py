"""The one decision about time, made once for the whole application.

* Instants (created/updated times, audit times, lock-outs) are timezone-aware UTC
  ``datetime`` objects in Python and stored as naive UTC in SQLite by :class:`UTCDateTime`.
* Calendar facts (birth dates, 入党日期, meeting days) are plain ``datetime.date`` values with no
  time zone: they are what the paper says.
* "Today" for a front desk is the local calendar date of the machine.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_today() -> date:
    return datetime.now().astimezone().date()


def to_local(instant: datetime) -> datetime:
    """An instant in the machine's local zone, for display."""
    return instant.astimezone()


def format_local(instant: datetime | None, empty: str = "—") -> str:
    """``2026-11-22 14:05`` in local time; ``empty`` for a missing instant."""
    if instant is None:
        return empty
    return to_local(instant).strftime("%Y-%m-%d %H:%M")
