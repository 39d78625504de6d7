"""The minutes module's printed documents, declared in :mod:`dangqun.minutes.feature` (issue 15,
"Prints"):

* ``minutes`` — 会议记录, the formal record; ``--id`` is the meeting's number. A signed record
  is entered in the register of issued documents (``HY-年-序号``, QR code and short code,
  ``dangqun verify``); a draft prints marked 草稿 and registers nothing;
* ``minutes_sign_in`` — 签到表 of a meeting, printed before it; ``--id`` is the meeting's number;
* ``minutes_compliance`` — the yearly 三会一课 table of a branch or group; ``--id`` is
  ``党组织编号/年份``.

Each module holds the document's dataclass, builder, sample and loader; the loaders read through
:mod:`dangqun.minutes.service` as the printing user (``context.actor``) may.
"""

from __future__ import annotations

from typing import Any

from dangqun.minutes.documents import compliance_table, minutes_record, sign_in_sheet
from dangqun.printing.kinds import DocumentKind

DOCUMENT_KINDS: tuple[DocumentKind[Any], ...] = (
    DocumentKind(
        minutes_record.KIND,
        "会议记录",
        minutes_record.MinutesRecordData,
        minutes_record.build_minutes_record,
        minutes_record.sample_minutes_record,
        load=minutes_record.load_minutes_record,
        id_meaning=minutes_record.ID_MEANING,
        carries_verification_code=True,
        registration=minutes_record.REGISTRATION,
    ),
    DocumentKind(
        sign_in_sheet.KIND,
        "会议签到表",
        sign_in_sheet.MeetingSignInData,
        sign_in_sheet.build_meeting_sign_in,
        sign_in_sheet.sample_meeting_sign_in,
        load=sign_in_sheet.load_meeting_sign_in,
        id_meaning=minutes_record.ID_MEANING,
    ),
    DocumentKind(
        compliance_table.KIND,
        "三会一课落实情况表",
        compliance_table.ComplianceSheetData,
        compliance_table.build_compliance_sheet,
        compliance_table.sample_compliance_sheet,
        load=compliance_table.load_compliance_sheet,
        id_meaning=compliance_table.ID_MEANING,
    ),
)
