"""预约确认单 — the booking confirmation of an open organizational-life base (DOMAIN.md §2,
issue 14 "Prints").

Handed to the visiting organization at the front desk (or sent after a phone booking): what was
booked, when (the full Chinese date with the weekday, so nobody mistakes the day), where (base,
room, address), the menu items and lecturer, for how many people, the notices, and whom at the
base to call. The lower part is the stub (存根) the base keeps, so the slip and the stub share
the booking number; the stub has blanks for the check-in. Capacity counts people, so the party
size is printed as 人数, and the status as the bookings module last saw it.

Loaded by booking number (``dangqun print booking_slip --id YY-2026-000001``) through
:mod:`dangqun.bases.service` as the printing user may see it: the contact's phone is masked
unless the role may see personal data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether

from dangqun.bases.vocabulary import WEEKDAY_LABELS
from dangqun.core.audit import CLI_ACTOR_PREFIX
from dangqun.core.db import Database
from dangqun.core.privacy import PersonalField, shown_if
from dangqun.printing.page_kit import (
    CutLine,
    DocumentPlan,
    FormField,
    PageLayout,
    PrintContext,
    chinese_date,
    fill_in,
    form_grid,
    gap,
    handler_name,
    paragraph,
    signature_lines,
)

KIND = "booking_slip"

DEFAULT_NOTICES = (
    "请提前 10 分钟到达，凭本确认单在前台签到；",
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
    activity: str
    """The booked items of the base's 特色菜单, joined with 、."""
    lecturer: str
    visit_date: date
    starts_at: time
    ends_at: time
    organization: str  # the visiting branch or unit
    organization_type: str  # 支部 / 驻区单位 / 两新组织 / 流动党员小组
    contact_name: str
    contact_phone: str
    party_size: int
    handler: str
    """Who took the booking; empty = the person printing the slip (issue 12)."""
    base_contact: str = ""
    notes: str = ""
    notices: Sequence[str] = DEFAULT_NOTICES


def full_date(day: date) -> str:
    """``2026年12月4日（星期五）``: the date and its weekday, as a confirmation states it."""
    return f"{chinese_date(day)}（{WEEKDAY_LABELS[day.weekday()]}）"


def _when(data: BookingSlipData) -> str:
    return f"{full_date(data.visit_date)} {data.starts_at:%H:%M}—{data.ends_at:%H:%M}"


def build_booking_slip(data: BookingSlipData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.SLIP).frame_width
    phone = shown_if(PersonalField.PHONE, data.contact_phone, context.may_see_personal_data)
    number_style = ParagraphStyle("number", parent=styles.note, alignment=TA_RIGHT)
    fields = [
        FormField("来访组织", f"{data.organization}（{data.organization_type}）", wide=True),
        FormField("联系人", data.contact_name),
        FormField("联系电话", fill_in(phone)),
        FormField("活动时间", _when(data), wide=True),
        FormField("活动基地", f"{data.base_name}（{data.base_type}）", wide=True),
        FormField("活动场地", data.room),
        FormField("参加人数", f"{data.party_size} 人"),
        FormField("活动项目", data.activity or "自主活动"),
        FormField("讲解/授课", data.lecturer or "无"),
        FormField("基地地址", fill_in(data.base_address, 16), wide=True),
        FormField("基地联系人", fill_in(data.base_contact)),
        FormField("基地电话", fill_in(data.base_phone)),
        FormField("预约状态", data.status),
        FormField("经办人", fill_in(handler_name(context, data.handler))),
    ]
    if data.notes:
        fields.append(FormField("备注", data.notes, wide=True))
    stub_fields = [
        FormField("来访组织", data.organization, wide=True),
        FormField("活动时间", f"{_when(data)}　{data.room}", wide=True),
        FormField("活动项目", data.activity or "自主活动"),
        FormField("参加人数", f"{data.party_size} 人"),
        FormField("联系人", data.contact_name),
        FormField("联系电话", fill_in(phone)),
        FormField("实到人数", fill_in("", 4)),
        FormField("签到时间", fill_in("", 6)),
    ]
    story: list[object] = [
        paragraph(f"预约编号：{data.booking_number}", number_style, fonts),
        paragraph("开放式组织生活基地活动预约确认单", styles.title, fonts),
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
                paragraph(f"预约确认单存根（{data.base_name}留存）", styles.subtitle, fonts),
                paragraph(
                    f"预约编号：{data.booking_number}　状态：{data.status}", number_style, fonts
                ),
                gap(1),
                form_grid(stub_fields, context, width),
            ]
        ),
    ]
    return DocumentPlan(KIND, f"预约确认单 {data.booking_number}", PageLayout.SLIP, story)


def load_booking_slip(database: Database, record_id: str, context: PrintContext) -> BookingSlipData:
    """The slip of booking ``record_id`` (its number, ``YY-2026-000001``) as the printing user
    may see it; an unknown number is the service's NotFound, in Chinese."""
    from dangqun.bases.service import find_booking, get_base

    assert context.actor is not None, "records are printed by a signed-in user"
    booking = find_booking(database, context.actor, record_id.strip())
    base = get_base(database, context.actor, booking.base_id)
    return BookingSlipData(
        booking_number=booking.number,
        status=booking.status_label,
        base_name=base.name,
        base_type=base.base_type_label,
        base_address=base.address,
        base_phone=base.phone,
        base_contact=base.contact,
        room=booking.room_name,
        activity="、".join(booking.menu_items),
        lecturer=booking.lecturer,
        visit_date=booking.on_date,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        organization=booking.organization,
        organization_type=booking.org_type_label,
        contact_name=booking.contact,
        contact_phone=booking.phone,
        party_size=booking.headcount,
        # A booking a script made names the command line, not a person: the paper leaves
        # the handler to whoever prints it (issue 12: never an account name).
        handler="" if booking.taken_by.startswith(CLI_ACTOR_PREFIX) else booking.taken_by,
        notes=booking.notes,
    )


def sample_booking_slip(context: PrintContext) -> BookingSlipData:
    return BookingSlipData(
        booking_number="YY-2026-000007",
        status="已确认",
        base_name="翠湖红色记忆馆",
        base_type="红色型",
        base_address="五华区翠湖南路 8 号",
        base_phone="0871-65123457",
        base_contact="赵敏",
        room="一楼展厅及多功能室",
        activity="重温入党誓词、专题党课《红色翠湖》",
        lecturer="杨红梅",
        visit_date=date(2026, 11, 28),
        starts_at=time(9, 30),
        ends_at=time(11, 0),
        organization="云南某科技有限公司党支部",
        organization_type="两新组织",
        contact_name="陈志强",
        contact_phone="13887654321",
        party_size=28,
        handler="",
        notes="其中 3 名同志为流动党员，需开具参加组织生活证明。",
    )
