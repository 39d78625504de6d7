"""What ``--id`` names for the time bank's documents, read and written in one place.

The register of issued documents (issue 12) keys a document on its ``--id``: the same id is the
same paper (a re-print), another id is another document. So an id is written one canonical way
— the volunteer number in capitals, dates as ``YYYY-MM-DD`` — by :func:`volunteer_period_id`
and :func:`activity_id`, which the CLI and the UI use, and read back by :func:`parse_volunteer_id`:

* ``ZY202600001`` — a volunteer, all their time (certificate);
* ``ZY202600001/2026-01-01/2026-06-30`` — a volunteer in a period (statement, certificate,
  双报告);
* ``ZY202600001/activity/<batch uuid>`` — a volunteer's part in one activity (certificate).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dangqun.core.errors import ValidationError

ACTIVITY = "activity"


@dataclass(frozen=True)
class VolunteerId:
    number: str
    start: date | None = None
    end: date | None = None
    batch_uuid: str | None = None


def volunteer_period_id(number: str, start: date | None = None, end: date | None = None) -> str:
    """The canonical id of a volunteer (and a period, when both dates are given)."""
    key = number.strip().upper()
    if start is None and end is None:
        return key
    if start is None or end is None:
        raise ValidationError.single(
            "start" if start is None else "end", "请同时给出开始和结束日期"
        )
    return f"{key}/{start.isoformat()}/{end.isoformat()}"


def activity_id(number: str, batch_uuid: str) -> str:
    return f"{number.strip().upper()}/{ACTIVITY}/{batch_uuid.strip()}"


def _date(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError.single(field, f"日期“{text}”应写作 2026-11-30") from None


def parse_volunteer_id(record_id: str, needs_period: bool = False) -> VolunteerId:
    """``record_id`` as one of the forms above, or a Chinese message naming the forms."""
    parts = [part.strip() for part in record_id.strip().split("/")]
    number = parts[0].upper()
    if not number:
        raise ValidationError.single("id", "请给出志愿者编号，如 ZY202600001/2026-01-01/2026-06-30")
    if len(parts) == 3 and parts[1] == ACTIVITY and not needs_period:
        return VolunteerId(number, batch_uuid=parts[2])
    if len(parts) == 3:
        start, end = _date(parts[1], "start"), _date(parts[2], "end")
        if end < start:
            raise ValidationError.single("end", "结束日期早于开始日期")
        return VolunteerId(number, start, end)
    if len(parts) == 1 and not needs_period:
        return VolunteerId(number)
    wanted = "志愿者编号/开始日期/结束日期" if needs_period else "志愿者编号[/开始日期/结束日期]"
    raise ValidationError.single(
        "id", f"“{record_id}”应写作 {wanted}，如 ZY202600001/2026-01-01/2026-06-30"
    )
