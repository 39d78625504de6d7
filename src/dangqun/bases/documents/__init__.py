"""The bases module's printed documents, declared in :mod:`dangqun.bases.feature` (issue 14,
"Prints"):

* ``booking_slip`` — 预约确认单 with the stub the base keeps; ``--id`` is the booking number;
* ``sign_in_sheet`` — 签到表 printed before the event; ``--id`` is the booking number;
* ``menu_brochure`` — a base's 特色菜单 brochure; ``--id`` is the base's number;
* ``bases_statistics`` — 批次 and 人次 of a period on GB/T 9704 paper; ``--id`` names the base
  and the dates (:func:`~dangqun.bases.documents.statistics_report.statistics_id`).

Each module holds the document's dataclass, builder, sample and loader; the loaders read through
:mod:`dangqun.bases.service` as the printing user (``context.actor``) may, so phones are masked
as the role requires. None is entered in the register of issued documents: they certify nothing.
"""

from __future__ import annotations

from typing import Any

from dangqun.bases.documents import booking_slip, menu_brochure, sign_in_sheet, statistics_report
from dangqun.printing.kinds import DocumentKind

BOOKING_ID = "预约编号，如 YY-2026-000001"

DOCUMENT_KINDS: tuple[DocumentKind[Any], ...] = (
    DocumentKind(
        booking_slip.KIND,
        "基地活动预约确认单",
        booking_slip.BookingSlipData,
        booking_slip.build_booking_slip,
        booking_slip.sample_booking_slip,
        load=booking_slip.load_booking_slip,
        id_meaning=BOOKING_ID,
    ),
    DocumentKind(
        sign_in_sheet.KIND,
        "基地活动签到表",
        sign_in_sheet.SignInSheetData,
        sign_in_sheet.build_sign_in_sheet,
        sign_in_sheet.sample_sign_in_sheet,
        load=sign_in_sheet.load_sign_in_sheet,
        id_meaning=BOOKING_ID,
    ),
    DocumentKind(
        menu_brochure.KIND,
        "基地特色菜单",
        menu_brochure.MenuBrochureData,
        menu_brochure.build_menu_brochure,
        menu_brochure.sample_menu_brochure,
        load=menu_brochure.load_menu_brochure,
        id_meaning="阵地编号（dangqun bases list 列出）",
    ),
    DocumentKind(
        statistics_report.KIND,
        "基地活动情况统计",
        statistics_report.StatisticsReportData,
        statistics_report.build_statistics_report,
        statistics_report.sample_statistics_report,
        load=statistics_report.load_statistics_report,
        id_meaning=statistics_report.STATISTICS_ID_MEANING,
    ),
)
