"""签到表 — the sign-in sheet of a booking, printed before the event (issue 14, "Check-in: a
printable sign-in sheet before the event, its numbers typed back").

One numbered line per expected visitor plus a margin for those who come unannounced
(:func:`lines_for`), columns 序号 / 姓名 / 单位 / 联系电话 / 签名 tall enough for a hand, and a
header naming the booking number, organization, date, time and room, so a sheet found in a
drawer still says which visit it belongs to. The totals line (应到 / 实到) is what the front
desk types back through the check-in dialog; this module only prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from reportlab.lib.units import mm

from dangqun.bases.documents.booking_slip import full_date
from dangqun.core.db import Database
from dangqun.printing.page_kit import (
    DocumentPlan,
    FormField,
    PageLayout,
    PrintContext,
    fill_in,
    form_grid,
    gap,
    paragraph,
    signature_lines,
    signing_grid,
)

KIND = "sign_in_sheet"
LINE_HEIGHT = 9 * mm
"""A signature needs about 9 mm of height (a 小四 line is 5.6 mm)."""
COLUMNS = (("序号", 15), ("姓名", 30), ("单位", 49), ("联系电话", 34), ("签名", 28))
"""Header and width in millimetres (the GB/T 9704 text block is 156 mm wide)."""


def lines_for(headcount: int) -> int:
    """The expected headcount plus a margin of one in ten (at least 3) for the unannounced."""
    return headcount + max(3, -(-headcount // 10))


@dataclass(frozen=True)
class SignInSheetData:
    booking_number: str
    base_name: str
    room: str
    organization: str
    visit_date: date
    starts_at: time
    ends_at: time
    headcount: int
    activity: str


def build_sign_in_sheet(data: SignInSheetData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.PORTRAIT).frame_width
    header = form_grid(
        [
            FormField("预约编号", data.booking_number),
            FormField("预计人数", f"{data.headcount} 人"),
            FormField("来访组织", data.organization, wide=True),
            FormField(
                "活动时间",
                f"{full_date(data.visit_date)} {data.starts_at:%H:%M}—{data.ends_at:%H:%M}",
                wide=True,
            ),
            FormField("活动场地", f"{data.base_name} {data.room}", wide=True),
            FormField("活动项目", data.activity or "自主活动", wide=True),
        ],
        context,
        width,
    )
    total = sum(share for _, share in COLUMNS)
    widths = [width * share / total for _, share in COLUMNS]
    rows: list[list[Any]] = [[paragraph(title, styles.cell_header, fonts) for title, _ in COLUMNS]]
    rows += [
        [paragraph(str(number), styles.cell_center, fonts), "", "", "", ""]
        for number in range(1, lines_for(data.headcount) + 1)
    ]
    table = signing_grid(rows, widths, fonts, LINE_HEIGHT)
    story: list[object] = [
        paragraph(f"{data.base_name}活动签到表", styles.title, fonts),
        header,
        gap(3),
        table,
        gap(3),
        paragraph(
            f"应到 {data.headcount} 人，实到 {fill_in('', 3)} 人（其中党员 {fill_in('', 3)} 人）。",
            styles.body_plain,
            fonts,
        ),
        signature_lines(["来访组织联系人", "基地经办人"], context, width),
    ]
    return DocumentPlan(KIND, f"签到表 {data.booking_number}", PageLayout.PORTRAIT, story)


def load_sign_in_sheet(
    database: Database, record_id: str, context: PrintContext
) -> SignInSheetData:
    """The sheet of booking ``record_id`` (its number), read as the printing user may."""
    from dangqun.bases.service import find_booking

    assert context.actor is not None, "records are printed by a signed-in user"
    booking = find_booking(database, context.actor, record_id.strip())
    return SignInSheetData(
        booking_number=booking.number,
        base_name=booking.base_name,
        room=booking.room_name,
        organization=booking.organization,
        visit_date=booking.on_date,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        headcount=booking.headcount,
        activity="、".join(booking.menu_items),
    )


def sample_sign_in_sheet(context: PrintContext) -> SignInSheetData:
    return SignInSheetData(
        booking_number="YY-2026-000007",
        base_name="翠湖红色记忆馆",
        room="一楼多功能室",
        organization="云南某科技有限公司党支部",
        visit_date=date(2026, 11, 28),
        starts_at=time(9, 30),
        ends_at=time(11, 0),
        headcount=28,
        activity="重温入党誓词、专题党课《红色翠湖》",
    )
