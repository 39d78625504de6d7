"""Document templates of modules still to come, with their sample data.

Each module here holds a plain dataclass, a builder and a sample. Their features (minutes,
bases) will fill the dataclass from their own records, register a loader and take the
template into their own folder; until then ``dangqun print KIND --sample`` and ``print samples``
print them, and no ``--id`` is accepted. A feature's own documents live in its folder
(``members/documents/``) and are declared in its ``feature.py``.
"""

from __future__ import annotations

from typing import Any

from dangqun.printing.documents import booking_slip, minutes
from dangqun.printing.kinds import DocumentKind

TEMPLATE_KINDS: tuple[DocumentKind[Any], ...] = (
    DocumentKind(
        minutes.KIND,
        "会议记录",
        minutes.MinutesData,
        minutes.build_minutes,
        minutes.sample_minutes,
        id_meaning="会议记录编号（会议记录模块完成后可用）",
        carries_verification_code=True,
    ),
    DocumentKind(
        booking_slip.KIND,
        "基地活动预约单",
        booking_slip.BookingSlipData,
        booking_slip.build_booking_slip,
        booking_slip.sample_booking_slip,
        id_meaning="预约编号（基地预约模块完成后可用）",
    ),
)
