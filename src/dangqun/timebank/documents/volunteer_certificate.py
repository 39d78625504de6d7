"""志愿服务证明 — the volunteer service certificate (issue 13, "Certificates").

Content follows 民政部《志愿服务记录与证明出具办法（试行）》(2021) art. 11 and 民发〔2015〕149号
(DOMAIN.md §3): the volunteer's name, ID type and number, volunteer number; service hours and
content; issuing organization, its person in charge, the handler and a contact; certificate
number and issue date; notes; the seal. "谁记录谁证明": the center recorded the service, so the
center (its party organization, 中心信息) issues the certificate, free of charge.

Hours are minutes served — verified service records only, whatever was given or spent since
(issue 13, "Served vs spendable") — in a period, or in one activity for the certificates printed
for an activity's batch entry. The ID number is printed as the role and the print allow (masked
unless full personal data was asked for and permitted): the paper travels by hand.

Every certificate printed from records is entered in the register of issued documents (issue 12,
:mod:`dangqun.printing.register`): its number (``ZYZM-2026-000001``) and issue date come from the
register, a re-print of the same certificate is the same paper, a void is recorded and the next
print gets a new number. The verification code's MAC covers everything it certifies — who, how
long, when, doing what, issued by whom — and the printed short code finds it in the register
(``dangqun verify SHORT``). No part of the ID number travels in the code.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.core.privacy import PersonalField
from dangqun.core.security import Actor
from dangqun.members.documents.personal_data import printed, reading_actor
from dangqun.printing.batch import ProgressCallback, RenderSummary, render_to_bytes, render_to_file
from dangqun.printing.kinds import DocumentKind, IssuedAs
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
    fill_in,
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
        FormField(
            "证件号码",
            printed(PersonalField.ID_NUMBER, data.id_number, context.may_see_personal_data),
            one_line=True,
        ),
        FormField("服务时长", format_duration(data.service_minutes)),
        FormField("联系电话", fill_in(data.contact or context.contact.contact_phone, 6)),
        FormField("负责人", fill_in(data.person_in_charge, 5)),
        FormField("经办人", fill_in(handler_name(context, data.handler), 5)),
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


def issued_certificate(
    data: VolunteerCertificateData, issued: IssuedAs
) -> VolunteerCertificateData:
    """The data with the register's number and issue date put in (a re-print: the first ones)."""
    return replace(data, certificate_number=issued.number, issued_on=issued.issued_on)


def certificate_subject(data: VolunteerCertificateData) -> str:
    return f"{data.volunteer_name}（{data.volunteer_number}）"


def _content(categories: Sequence[tuple[str, int]], contents: Sequence[str]) -> str:
    """What the service was, in words: the categories (most minutes first) and the main
    contents (at most four; the code carries them, so the QR stays readable)."""
    kinds = "、".join(name for name, _minutes in categories)
    main = "、".join(text.strip().rstrip("。") for text in contents[:4] if text.strip())
    if kinds and main:
        return f"{kinds}，主要有{main}"
    return kinds or main


def load_volunteer_certificate(
    database: Database, record_id: str, context: PrintContext
) -> VolunteerCertificateData:
    """The certificate of the volunteer (and period, or activity) ``record_id`` names (see
    :mod:`~dangqun.timebank.documents.record_ids`), read as ``context.actor`` may. Refused
    when there is no verified service to certify: a certificate of 0 hours certifies nothing."""
    from dangqun.timebank import service
    from dangqun.timebank.documents.record_ids import parse_volunteer_id

    key = parse_volunteer_id(record_id)
    actor = reading_actor(context, "志愿服务证明")
    volunteer = service.find_volunteer(database, actor, key.number)
    facts = service.certificate_data(
        database, actor, volunteer.id, key.start, key.end, batch_uuid=key.batch_uuid
    )
    if facts.served_minutes <= 0 or facts.first_served_on is None or facts.last_served_on is None:
        where = "在这次活动中" if key.batch_uuid else "在这段期间" if key.start else ""
        raise ValidationError.single(
            "volunteer",
            f"{facts.name}（{facts.volunteer_number}）{where}没有已核实的服务记录，"
            "不能出具志愿服务证明（只有核实后的服务才计入服务时长）。",
        )
    if key.batch_uuid is not None:
        notes = f"本证明所列为{chinese_date(facts.first_served_on)}一次服务活动中的服务。"
    else:
        notes = f"共 {facts.records} 次服务，均已核实；服务时长为实际服务时间，不含往返路程。"
    return VolunteerCertificateData(
        certificate_number="",  # numbered by the register of issued documents (issue 12)
        volunteer_name=facts.name,
        id_type=facts.id_type,
        id_number=facts.id_number,
        volunteer_number=facts.volunteer_number,
        service_minutes=facts.served_minutes,
        service_content=_content(
            [(item.category, item.minutes) for item in facts.categories], facts.contents
        ),
        service_from=key.start or facts.first_served_on,
        service_to=key.end or facts.last_served_on,
        issuing_organization=context.contact.party_organization or context.center_name,
        person_in_charge="",
        handler="",
        contact="",
        issued_on=context.print_date,
        notes=notes,
    )


def activity_certificate_ids(database: Database, actor: Actor, batch_uuid: str) -> list[str]:
    """One certificate id per volunteer with verified service in the activity's batch entry,
    by volunteer number; refused when nobody's service there is verified yet."""
    from dangqun.timebank import service
    from dangqun.timebank.documents.record_ids import activity_id

    numbers: set[str] = set()
    offset = 0
    query = service.RecordQuery(status=service.RecordStatus.VERIFIED, batch_uuid=batch_uuid)
    while True:
        page = service.list_service_records(database, actor, query, offset, 500)
        numbers.update(record.volunteer_number for record in page.rows)
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            break
    if not numbers:
        raise ValidationError.single(
            "activity", "这次活动还没有已核实的服务记录，核实后才能出具志愿服务证明。"
        )
    return [activity_id(number, batch_uuid) for number in sorted(numbers)]


def _issue_all(
    database: Database,
    actor: Actor,
    context: PrintContext,
    record_ids: Sequence[str],
    render: Any,
) -> Any:
    """Load every certificate, then issue them all in the register and lay them out in one
    unit of work: a cancelled or failed batch registers nothing (issue 12)."""
    from dangqun.printing.register import issue_document
    from dangqun.printing.registry import document_kind
    from dangqun.printing.service import PERSONAL_DATA_AUDIT_ACTION

    definition: DocumentKind[Any] = document_kind(KIND)
    loaded = [
        (record_id, load_volunteer_certificate(database, record_id, context))
        for record_id in record_ids
    ]
    with database.unit_of_work(actor) as work:
        issued = [
            issue_document(work, definition, record_id, data, context) for record_id, data in loaded
        ]
        result = render(build_volunteer_certificate(data, context) for data in issued)
        if context.may_see_personal_data:
            work.audit(
                PERSONAL_DATA_AUDIT_ACTION,
                "document",
                f"{KIND}:{record_ids[0]}",
                None,
                {"kind": KIND, "documents": len(issued)},
            )
        work.commit()
    return result


def print_certificates(
    database: Database,
    actor: Actor,
    context: PrintContext,
    record_ids: Sequence[str],
    path: Path,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> RenderSummary:
    """Several certificates (an activity's) into one PDF file, one registered number each."""

    def render(plans: Any) -> RenderSummary:
        title = "志愿服务证明（批量）" if len(record_ids) > 1 else ""
        return render_to_file(plans, context, path, title, len(record_ids), progress, cancel)

    summary: RenderSummary = _issue_all(database, actor, context, record_ids, render)
    return summary


def certificates_pdf(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    record_ids: Sequence[str],
    title: str,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> bytes:
    """:func:`print_certificates` as PDF bytes for the preview window (off the GUI thread)."""
    from dangqun.printing.service import print_context_for

    context = print_context_for(database, keys_directory, actor)

    def render(plans: Any) -> bytes:
        return render_to_bytes(plans, context, title, len(record_ids), progress, cancel)

    pdf: bytes = _issue_all(database, actor, context, record_ids, render)
    return pdf


def activity_certificates_pdf(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    batch_uuid: str,
    title: str,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> bytes:
    """Every certificate of one activity as PDF bytes (the page's 打印本次活动的证明)."""
    record_ids = activity_certificate_ids(database, actor, batch_uuid)
    return certificates_pdf(database, keys_directory, actor, record_ids, title, progress, cancel)
