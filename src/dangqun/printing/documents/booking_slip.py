"""预约单 — the booking slip for an open organizational-life base (DOMAIN.md §2).

Handed to the visiting branch at the front desk (or read out on the phone): what was booked,
when, for how many people, who lectures. The lower part is the stub (存根) the base keeps,
so the slip and the stub share the booking number. Capacity counts people, so the party size
is printed as 人数, and the status as the booking module last saw it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether

from dangqun.core.privacy import PersonalField, shown_if
from dangqun.printing.page_kit import (
    CutLine,
    DocumentPlan,
    FormField,
    PageLayout,
    PrintContext,
    chinese_date,
    form_grid,
    gap,
    handler_name,
    paragraph,
    signature_lines,
)

KIND = "booking_slip"

DEFAULT_NOTICES = (
    "请提前 10 分钟到达，凭本预约单在前台签到；",
    "如需取消或改期，请至少提前一天致电基地；",
    "活动期间请遵守基地管理规定，爱护展陈设施；",
    "人数如有变化请及时告知，以便安排场地和讲解。",
)


@dataclass(frozen=True)
class BookingSlipData:
    booking_number: str
    status: str  # 待确认 / 已确认 / 已签到 / 已完成 / 已取消 / 未到
    base_name: str
    base_type: str  # 基础型 / 红色型 / 公益型 / 科技型
    base_address: str
    base_phone: str
    room: str
    activity: str  # an item of the base's 特色菜单
    lecturer: str
    visit_date: date
    starts_at: time
    ends_at: time
    organization: str  # the visiting branch or unit
    contact_name: str
    contact_phone: str
    party_size: int
    booked_at: datetime
    handler: str
    """Who took the booking; empty = the person printing the slip (issue 12)."""
    notes: str = ""
    notices: Sequence[str] = DEFAULT_NOTICES


def _when(data: BookingSlipData) -> str:
    return f"{chinese_date(data.visit_date)} {data.starts_at:%H:%M}—{data.ends_at:%H:%M}"


def build_booking_slip(data: BookingSlipData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.SLIP).frame_width
    phone = shown_if(PersonalField.PHONE, data.contact_phone, context.may_see_personal_data)
    number_style = ParagraphStyle("number", parent=styles.note, alignment=TA_RIGHT)
    fields = [
        FormField("预约单位", data.organization, wide=True),
        FormField("联系人", data.contact_name),
        FormField("联系电话", phone),
        FormField("活动日期", _when(data), wide=True),
        FormField("活动基地", f"{data.base_name}（{data.base_type}）", wide=True),
        FormField("活动场地", data.room),
        FormField("参加人数", f"{data.party_size} 人"),
        FormField("活动项目", data.activity),
        FormField("讲解/授课", data.lecturer),
        FormField("基地地址", data.base_address, wide=True),
        FormField("基地电话", data.base_phone),
        FormField("预约状态", data.status),
    ]
    fields += [
        FormField("登记时间", f"{chinese_date(data.booked_at.date())} {data.booked_at:%H:%M}"),
        FormField("经办人", handler_name(context, data.handler)),
    ]
    if data.notes:
        fields.append(FormField("备注", data.notes, wide=True))
    stub_fields = [
        FormField("预约单位", data.organization, wide=True),
        FormField("活动日期", _when(data), wide=True),
        FormField("活动项目", data.activity),
        FormField("参加人数", f"{data.party_size} 人"),
        FormField("联系人", data.contact_name),
        FormField("联系电话", phone),
        FormField("签到时间", ""),
        FormField("签到确认", ""),
    ]
    story: list[object] = [
        paragraph(f"预约编号：{data.booking_number}", number_style, fonts),
        paragraph("开放式组织生活基地活动预约单", styles.title, fonts),
        form_grid(fields, context, width),
        gap(3),
        paragraph("预约须知", styles.label, fonts),
    ]
    story += [
        paragraph(f"{number}. {notice}", styles.cell, fonts)
        for number, notice in enumerate(data.notices, 1)
    ]
    story += [
        gap(2),
        signature_lines(["经办人", "预约人"], context, width),
        gap(4),
        KeepTogether(
            [
                CutLine(context),
                gap(2),
                paragraph(f"预约单存根（{data.base_name}留存）", styles.subtitle, fonts),
                paragraph(
                    f"预约编号：{data.booking_number}　状态：{data.status}", number_style, fonts
                ),
                gap(1),
                form_grid(stub_fields, context, width),
            ]
        ),
    ]
    return DocumentPlan(KIND, f"预约单 {data.booking_number}", PageLayout.SLIP, story)


def sample_booking_slip(context: PrintContext) -> BookingSlipData:
    return BookingSlipData(
        booking_number="YY-20261128-007",
        status="已确认",
        base_name="翠湖红色记忆馆",
        base_type="红色型",
        base_address="五华区翠湖南路 8 号",
        base_phone="0871-65123457",
        room="一楼展厅及多功能室",
        activity="重温入党誓词 + 专题党课《红色翠湖》",
        lecturer="讲师团 杨红梅",
        visit_date=date(2026, 11, 28),
        starts_at=time(9, 30),
        ends_at=time(11, 0),
        organization="云南某科技有限公司党支部（“两新”组织）",
        contact_name="陈志强",
        contact_phone="13887654321",
        party_size=28,
        booked_at=datetime(2026, 11, 20, 15, 42),
        handler="",
        notes="其中 3 名同志为流动党员，需开具参加组织生活证明。",
    )
