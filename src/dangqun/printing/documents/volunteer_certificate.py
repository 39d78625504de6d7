"""志愿服务证明 — the volunteer service certificate.

Content follows 民政部《志愿服务记录与证明出具办法（试行）》(2021) art. 11 and 民发〔2015〕149号
(DOMAIN.md §3): the volunteer's name, ID type and number, volunteer number; service hours and
content; issuing organization, its person in charge, the handler and a contact; certificate
number and issue date; notes; the seal. The ID number is always masked here — the holder
keeps this paper and hangs it on walls. Hours are certified service time in whole minutes
(never spendable time-bank balance), and the certificate carries a verification code whose MAC
covers everything it certifies — who, how long, when, doing what, issued by whom (issue 10) —
and which carries all of it, so ``dangqun verify`` can show it for comparison with the paper.
No part of the ID number travels in the code: the mask hides the rest of it on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from dangqun.core.privacy import mask_id_number
from dangqun.printing.page_kit import (
    OFFICIAL_RED,
    AtPageBottom,
    DocumentPlan,
    Emphasis,
    FormField,
    PageLayout,
    PrintContext,
    SealArea,
    SideBySide,
    SpacedTitle,
    TypeSize,
    VerificationMark,
    chinese_date,
    form_grid,
    format_duration,
    gap,
    handler_name,
    is_heavy_face,
    paragraph,
    rich_paragraph,
)
from dangqun.printing.verification import check_code_of, make_verification_code, signing_key

KIND = "volunteer_certificate"
SEAL_BLOCK_WIDTH = 80 * mm
"""Room for "出具单位（盖章）" in 三号 (a center's name of ten characters on one line)."""
QR_MODULE_SIZE = 0.33 * mm
"""The smallest printed QR module a phone camera reads reliably off an office laser print."""


@dataclass(frozen=True)
class VolunteerCertificateData:
    certificate_number: str
    volunteer_name: str
    id_type: str
    id_number: str
    volunteer_number: str
    service_minutes: int
    service_content: str
    service_from: date
    service_to: date
    issuing_organization: str
    person_in_charge: str
    handler: str
    """Who handled the certificate; empty = the person printing it (issue 12)."""
    contact: str
    """A phone for questions; empty = the center's contact phone (中心信息)."""
    issued_on: date
    notes: str = ""


def certificate_facts(data: VolunteerCertificateData) -> list[str]:
    """What the verification code certifies, in :mod:`verification`'s field order."""
    return [
        data.volunteer_name,
        data.volunteer_number,
        str(data.service_minutes),
        f"{data.service_from:%Y%m%d}-{data.service_to:%Y%m%d}",
        data.service_content.rstrip("。"),
        data.issuing_organization,
        data.issued_on.strftime("%Y%m%d"),
    ]


def certificate_code(data: VolunteerCertificateData, context: PrintContext) -> str:
    return make_verification_code(
        KIND,
        data.certificate_number,
        context.center_id,
        certificate_facts(data),
        signing_key(context.verification_key),
    )


def verification_mark_size(code: str, minimum: float) -> float:
    """Room for the QR code: the service content travels in it, so a long one needs more modules
    and the mark grows rather than shrinking each module below what a phone can read."""
    widget = QrCodeWidget(code, barLevel="M", barBorder=0)
    widget.qr.make()
    modules: int = widget.qr.getModuleCount()
    return max(minimum, float(modules * QR_MODULE_SIZE))


def build_volunteer_certificate(
    data: VolunteerCertificateData, context: PrintContext
) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.CERTIFICATE).frame_width
    number_style = ParagraphStyle("number", parent=styles.note, alignment=TA_RIGHT)
    if data.service_from == data.service_to:
        period = chinese_date(data.service_from)
    else:
        period = f"{chinese_date(data.service_from)}至{chinese_date(data.service_to)}"
    body = rich_paragraph(
        [
            "兹证明",
            Emphasis(f" {data.volunteer_name} "),
            "同志于",
            Emphasis(period),
            f"期间，在{data.issuing_organization}参加志愿服务，服务内容为：",
            data.service_content.rstrip("。"),
            "。经核实，累计服务时长",
            Emphasis(format_duration(data.service_minutes)),
            "。",
        ],
        styles.body,
        fonts,
    )
    details = [
        FormField("志愿者", data.volunteer_name),
        FormField("志愿者编号", data.volunteer_number),
        FormField("证件类型", data.id_type),
        FormField("证件号码", mask_id_number(data.id_number)),
        FormField("服务时长", format_duration(data.service_minutes)),
        FormField("联系电话", data.contact or context.contact.contact_phone),
        FormField("负责人", data.person_in_charge),
        FormField("经办人", handler_name(context, data.handler)),
        FormField("出具单位", data.issuing_organization, wide=True),
    ]
    if data.notes:
        details.append(FormField("备注", data.notes, wide=True))
    code = certificate_code(data, context)
    sample_note = "" if context.verification_key else "（样张，核验码无效）"
    mark = VerificationMark(
        code,
        [
            f"证明编号：{data.certificate_number}",
            f"核验码：{check_code_of(code)}{sample_note}",
            "扫描二维码可核验本证明的真伪",
        ],
        context,
        size=verification_mark_size(code, 22 * mm),
    )
    story = [
        paragraph(f"编号：{data.certificate_number}", number_style, fonts),
        gap(4),
        SpacedTitle(
            "志愿服务证明",
            fonts.title,
            fonts,
            TypeSize.XIAOCHU,
            color=OFFICIAL_RED,
            letter_spacing_ems=0.35,
            heavy=not is_heavy_face(fonts.title),
        ),
        gap(8),
        body,
        paragraph("特此证明。", styles.body, fonts),
        gap(5),
        form_grid(details, context, width),
        gap(3),
        paragraph(
            "本证明依据《志愿服务记录与证明出具办法（试行）》免费出具，服务时长为实际服务时间。",
            styles.note,
            fonts,
        ),
        gap(6),
        AtPageBottom(
            SideBySide(
                mark,
                SealArea(data.issuing_organization, data.issued_on, context),
                right_width=SEAL_BLOCK_WIDTH,
                gutter=2 * mm,
            )
        ),
    ]
    return DocumentPlan(
        KIND, f"志愿服务证明 {data.certificate_number}", PageLayout.CERTIFICATE, story
    )


def sample_volunteer_certificate(context: PrintContext) -> VolunteerCertificateData:
    return VolunteerCertificateData(
        certificate_number="ZYZM-2026-000123",
        volunteer_name="李秀英",
        id_type="居民身份证",
        id_number="530102196805120027",
        volunteer_number="53010220180032145",
        service_minutes=2_850,
        service_content="为辖区独居老人上门送餐、陪伴聊天，参与“周末卫生大扫除”和“微心愿”认领活动",
        service_from=date(2026, 1, 6),
        service_to=date(2026, 11, 20),
        issuing_organization=context.center_name,
        person_in_charge="王建国",
        handler="",
        contact="",
        issued_on=context.print_date,
        notes="以上服务时长已经服务对象和社区网格员确认。",
    )
