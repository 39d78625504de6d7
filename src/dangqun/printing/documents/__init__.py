"""Document templates of modules still to come, with their sample data.

Each module here holds a plain dataclass, a builder and a sample. Their features (time bank,
minutes, bases) will fill the dataclass from their own records, register a loader and take the
template into their own folder; until then ``dangqun print KIND --sample`` and ``print samples``
print them, and no ``--id`` is accepted. A feature's own documents live in its folder
(``members/documents/``) and are declared in its ``feature.py``.
"""

from __future__ import annotations

from typing import Any

from dangqun.printing.documents import (
    booking_slip,
    minutes,
    time_statement,
    volunteer_certificate,
)
from dangqun.printing.kinds import DocumentKind

TEMPLATE_KINDS: tuple[DocumentKind[Any], ...] = (
    DocumentKind(
        volunteer_certificate.KIND,
        "志愿服务证明",
        volunteer_certificate.VolunteerCertificateData,
        volunteer_certificate.build_volunteer_certificate,
        volunteer_certificate.sample_volunteer_certificate,
        id_meaning="证明编号（时间银行模块完成后可用）",
        carries_verification_code=True,
    ),
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
    DocumentKind(
        time_statement.KIND,
        "时间银行对账单",
        time_statement.TimeStatementData,
        time_statement.build_time_statement,
        time_statement.sample_time_statement,
        id_meaning="时间银行账户编号（时间银行模块完成后可用）",
    ),
)
