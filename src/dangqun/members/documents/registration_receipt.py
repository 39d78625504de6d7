"""在职党员到社区报到回执 — the receipt for an in-service member's registration (双报到).

In-service members (在职党员) register at the community where they live; the community
reports back to their home organization ("双报到、双报告", seeds 000–002). The upper part is the
回执 sent to the home organization with the community's seal; the lower part is the stub the
community keeps. Both carry the same number. The ID number is masked unless the printing
user may see personal data: the receipt travels by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from dangqun.core.center import center_info
from dangqun.core.db import Database
from dangqun.core.errors import NotFound, ValidationError
from dangqun.core.privacy import PersonalField
from dangqun.core.security import Actor
from dangqun.members import glossary
from dangqun.members.documents.personal_data import printed
from dangqun.members.vocabulary import MemberKind, OrganizationLevel
from dangqun.printing.page_kit import (
    CutLine,
    DocumentPlan,
    Emphasis,
    FormField,
    PageLayout,
    PrintContext,
    SealArea,
    SideBySide,
    VerificationMark,
    chinese_date,
    fill_in,
    form_grid,
    gap,
    handler_name,
    paragraph,
    rich_paragraph,
    written_in,
)
from dangqun.printing.verification import check_code_of, make_verification_code, signing_key

if TYPE_CHECKING:
    from dangqun.members.organizations import OrganizationNode

KIND = "registration_receipt"


@dataclass(frozen=True)
class RegistrationReceiptData:
    receipt_number: str
    member_name: str
    gender: str
    id_number: str
    phone: str
    work_unit: str
    home_organization: str
    registered_on: date
    community_organization: str
    assigned_branch: str
    service_intentions: str
    address: str
    handler: str
    contact: str
    issued_on: date


def receipt_facts(data: RegistrationReceiptData) -> list[str]:
    """What the receipt's verification code certifies (issue 12), in :mod:`verification`'s
    field order: who registered, from which organization, when, where, into which branch, and
    the issue date. No ID number travels (see the verification module)."""
    return [
        data.member_name,
        data.home_organization,
        f"{data.registered_on:%Y%m%d}",
        data.community_organization,
        data.assigned_branch,
        f"{data.issued_on:%Y%m%d}",
    ]


def receipt_code(data: RegistrationReceiptData, context: PrintContext) -> str:
    key = signing_key(context.verification_key)
    return make_verification_code(
        KIND, data.receipt_number, context.center_id, receipt_facts(data), key
    )


def build_registration_receipt(
    data: RegistrationReceiptData, context: PrintContext
) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.SLIP).frame_width
    full = context.may_see_personal_data
    number_style = ParagraphStyle("number", parent=styles.note, alignment=TA_RIGHT)
    addressee_style = ParagraphStyle("addressee", parent=styles.body, firstLineIndent=0)
    # Issue 12: what the center has not recorded is a line to write on, never a placeholder.
    community = data.community_organization or context.contact.party_organization
    handler = handler_name(context, data.handler)
    phone = data.contact or context.contact.contact_phone
    body = rich_paragraph(
        [
            "贵单位党员",
            Emphasis(f" {data.member_name} "),
            f"同志（{data.gender}，公民身份号码 {printed(PersonalField.ID_NUMBER, data.id_number, full)}）已于",
            Emphasis(chinese_date(data.registered_on)),
            "到",
            written_in(community, 8),
            "报到，编入",
            written_in(data.assigned_branch, 8),
            "，认领服务岗位：",
            written_in(data.service_intentions, 8),
            "。社区党组织将如实记录该同志参加组织生活和志愿服务情况，并定期向贵单位反馈。",
        ],
        styles.body,
        fonts,
    )
    stub_fields = [
        FormField("姓名", data.member_name),
        FormField("性别", data.gender),
        FormField(
            "公民身份号码",
            printed(PersonalField.ID_NUMBER, data.id_number, full),
            one_line=True,
        ),
        FormField("联系电话", printed(PersonalField.PHONE, data.phone, full), one_line=True),
        FormField("工作单位及职务", data.work_unit, wide=True),
        FormField(glossary.HOME_ORGANIZATION, data.home_organization, wide=True),
        FormField("现居住地址", printed(PersonalField.ADDRESS, data.address, full), wide=True),
        FormField("报到日期", chinese_date(data.registered_on)),
        FormField("编入支部", data.assigned_branch),
        FormField("认领岗位", data.service_intentions, wide=True),
        FormField("经办人", handler),
        FormField("社区联系电话", phone),
    ]
    story: list[object] = [
        paragraph(f"编号：{data.receipt_number}", number_style, fonts),
        paragraph("在职党员到社区报到回执", styles.title, fonts),
        paragraph(f"{fill_in(data.home_organization, 12)}：", addressee_style, fonts),
        body,
        paragraph("特此回执。", styles.body, fonts),
        gap(2),
        SideBySide(
            VerificationMark(
                code := receipt_code(data, context),
                [
                    f"核验码：{check_code_of(code)}{'' if context.verification_key else '（样张，核验码无效）'}",
                    "凭二维码或核验码可核验本回执的真伪",
                ],
                context,
                size=22 * mm,
            ),
            SealArea(community or context.center_name, data.issued_on, context),
            right_width=78 * mm,
        ),
        paragraph(
            f"（联系人：{fill_in(context.contact.contact_person, 4)}，"
            f"联系电话：{fill_in(phone, 7)}）",
            styles.body,
            fonts,
        ),
        gap(1),
        CutLine(context, space=3 * mm),
        paragraph(
            f"在职党员到社区报到登记存根（社区党组织留存）　编号：{data.receipt_number}",
            styles.subtitle,
            fonts,
        ),
        form_grid(stub_fields, context, width),
    ]
    return DocumentPlan(KIND, f"报到回执 {data.receipt_number}", PageLayout.SLIP, story)


def _community_and_branch(
    organization_id: int | None, organizations: dict[int, OrganizationNode]
) -> tuple[str, str]:
    """The community organization above the member, and the branch they belong to."""
    branch = community = ""
    current = organizations.get(organization_id) if organization_id is not None else None
    while current is not None:
        if current.level is OrganizationLevel.GRID_BRANCH and not branch:
            branch = current.name
        if current.level is OrganizationLevel.COMMUNITY and not community:
            community = current.name
        current = organizations.get(current.parent_id) if current.parent_id is not None else None
    return community, branch


def _receiving_organization(database: Database) -> str:
    info = center_info(database)
    return info.contact.party_organization or info.name


def load_registration_receipt(
    database: Database, actor: Actor, member_id: int, issued_on: date, contact: str
) -> RegistrationReceiptData:
    """The receipt of a member who registered at the community, read through the members
    service as ``actor`` may see the record. The handler is the person printing (the builder
    takes it from the print context); what is not recorded stays empty and prints as a line
    to write on (issue 12). A member outside any community organization is received by the
    center's party organization (中心信息), else by the center."""
    # The members service pulls in search, import and export: only when a receipt is loaded,
    # so the registry (every ``dangqun print``, every preview) stays light.
    from dangqun.members.service import get_member, organization_tree

    try:
        member = get_member(database, actor, member_id)
    except NotFound:
        raise NotFound(f"找不到编号为 {member_id} 的党员。") from None
    if member.kind is not MemberKind.IN_SERVICE_REGISTERED:
        raise ValidationError.single(
            "member_id",
            f"{member.name}不是到社区报到的在职党员，不能打印报到回执。",
        )
    organizations = {node.id: node for node in organization_tree(database)}
    community, branch = _community_and_branch(member.organization_id, organizations)
    registered_on = member.registered_on or member.created_at.date()
    return RegistrationReceiptData(
        receipt_number="",  # numbered by the register of issued documents (issue 12)
        member_name=member.name,
        gender=member.gender_label,
        id_number=member.id_number,
        phone=member.phone,
        work_unit=member.work_unit or "",
        home_organization=member.origin_organization or "",
        registered_on=registered_on,
        community_organization=community or _receiving_organization(database),
        assigned_branch=branch,
        service_intentions="",
        address=member.address,
        handler="",
        contact=contact,
        issued_on=issued_on,
    )


def sample_registration_receipt(context: PrintContext) -> RegistrationReceiptData:
    return RegistrationReceiptData(
        receipt_number="HZ-2026-000318",
        member_name="张伟",
        gender="男",
        id_number="530102198509031513",
        phone="13577012345",
        work_unit="云南某科技有限公司 研发部经理",
        home_organization="中共云南某科技有限公司支部委员会",
        registered_on=date(2026, 3, 15),
        community_organization="中共翠湖社区委员会",
        assigned_branch="翠湖社区第一网格党支部",
        service_intentions="“四点半课堂”辅导志愿者、楼栋议事协调员",
        address="五华区青云街 66 号 1 栋 801 室",
        handler="",
        contact="",
        issued_on=context.print_date,
    )
