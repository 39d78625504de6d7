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
    chinese_date,
    form_grid,
    gap,
    paragraph,
    rich_paragraph,
)

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


def build_registration_receipt(
    data: RegistrationReceiptData, context: PrintContext
) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.SLIP).frame_width
    full = context.may_see_personal_data
    number_style = ParagraphStyle("number", parent=styles.note, alignment=TA_RIGHT)
    service = data.service_intentions or "（待认领）"
    body = rich_paragraph(
        [
            "贵单位党员",
            Emphasis(f" {data.member_name} "),
            f"同志（{data.gender}，公民身份号码 {printed(PersonalField.ID_NUMBER, data.id_number, full)}）已于",
            Emphasis(chinese_date(data.registered_on)),
            "到",
            Emphasis(data.community_organization),
            "报到，编入",
            Emphasis(data.assigned_branch),
            "，认领服务岗位：",
            Emphasis(service),
            "。社区党组织将如实记录该同志参加组织生活和志愿服务情况，并定期向贵单位反馈。",
        ],
        styles.body_compact,
        fonts,
    )
    stub_fields = [
        FormField("姓名", data.member_name),
        FormField("性别", data.gender),
        FormField("公民身份号码", printed(PersonalField.ID_NUMBER, data.id_number, full)),
        FormField("联系电话", printed(PersonalField.PHONE, data.phone, full)),
        FormField("工作单位及职务", data.work_unit, wide=True),
        FormField(glossary.HOME_ORGANIZATION, data.home_organization, wide=True),
        FormField("现居住地址", printed(PersonalField.ADDRESS, data.address, full), wide=True),
        FormField("报到日期", chinese_date(data.registered_on)),
        FormField("编入支部", data.assigned_branch),
        FormField("认领岗位", service, wide=True),
        FormField("经办人", data.handler),
        FormField("联系电话", data.contact),
    ]
    story: list[object] = [
        paragraph(f"编号：{data.receipt_number}", number_style, fonts),
        paragraph("在职党员到社区报到回执", styles.title, fonts),
        paragraph(f"{data.home_organization}：", styles.body_plain, fonts),
        gap(1),
        body,
        paragraph("特此回执。", styles.body_compact, fonts),
        gap(2),
        SealArea(data.community_organization, data.issued_on, context, block_width=78 * mm),
        paragraph(f"社区联系人：{data.handler}　联系电话：{data.contact}", styles.note, fonts),
        gap(3),
        CutLine(context),
        gap(1),
        paragraph("在职党员到社区报到登记存根（社区党组织留存）", styles.subtitle, fonts),
        paragraph(f"编号：{data.receipt_number}", number_style, fonts),
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


def load_registration_receipt(
    database: Database, actor: Actor, member_id: int, issued_on: date, contact: str
) -> RegistrationReceiptData:
    """The receipt of a member who registered at the community, read through the members
    service as ``actor`` may see the record; the handler is the person printing."""
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
        receipt_number=f"BD-{registered_on:%Y}-{member.id:06d}",
        member_name=member.name,
        gender=member.gender_label,
        id_number=member.id_number,
        phone=member.phone,
        work_unit=member.work_unit or "",
        home_organization=member.origin_organization or "（原单位党组织）",
        registered_on=registered_on,
        community_organization=community or "社区党组织",
        assigned_branch=branch or "（待编入）",
        service_intentions="",
        address=member.address,
        handler=actor.display_name,
        contact=contact,
        issued_on=issued_on,
    )


def sample_registration_receipt(context: PrintContext) -> RegistrationReceiptData:
    return RegistrationReceiptData(
        receipt_number="BD-2026-000318",
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
        handler="赵丽",
        contact="0871-65123456",
        issued_on=context.print_date,
    )
