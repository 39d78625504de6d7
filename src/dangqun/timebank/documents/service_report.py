"""在职党员社区服务情况报告 — the 双报告 of an in-service member (issue 13, "Certificates").

In-service members (在职党员) register at the community where they live (双报到) and the
community reports their service back to their home organization (双报告, seeds 000–002; the
registration receipt of :mod:`dangqun.members.documents.registration_receipt` is the first
report). This is the periodic one: addressed to the member's 原单位党组织, it states the verified
community service of a period — times, minutes, categories and each service — under the
community's seal, with the handler and a contact for questions. Only verified service counts
(DOMAIN.md §3: records must be 真实、准确); the services are streamed from the time bank's
records a page at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.printing.page_kit import (
    Column,
    DocumentPlan,
    Emphasis,
    PageLayout,
    PrintContext,
    SealArea,
    TypeSize,
    chinese_date,
    data_table,
    fill_in,
    format_duration,
    gap,
    handler_name,
    paragraph,
    rich_paragraph,
    written_in,
)
from dangqun.printing.streamed_table import StreamedColumn, StreamedTable

KIND = "service_report"
RECORDS_PAGE = 200


@dataclass(frozen=True)
class CategoryLine:
    category: str
    services: int
    minutes: int


@dataclass(frozen=True)
class ServiceLine:
    served_on: date
    category: str
    content: str
    beneficiary: str
    minutes: int


@dataclass(frozen=True)
class ServiceReportData:
    member_name: str
    work_unit: str
    home_organization: str
    volunteer_number: str
    period_from: date
    period_to: date
    served_minutes: int
    services: int
    categories: Sequence[CategoryLine]
    lines: Iterable[ServiceLine]
    """Each verified service of the period, oldest first; consumed once."""
    reporting_organization: str
    handler: str
    contact: str
    issued_on: date


def _rows(lines: Iterable[ServiceLine]) -> Iterator[list[str]]:
    for line in lines:
        yield [
            chinese_date(line.served_on),
            line.category,
            line.content,
            line.beneficiary,
            format_duration(line.minutes),
        ]


def build_service_report(data: ServiceReportData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    specification = context.layout(PageLayout.PORTRAIT)
    width = specification.frame_width
    organization = data.reporting_organization or context.contact.party_organization
    period = f"{chinese_date(data.period_from)}至{chinese_date(data.period_to)}"
    body = rich_paragraph(
        [
            "贵单位党员",
            Emphasis(f" {data.member_name} "),
            f"同志（{data.work_unit or '工作单位未登记'}）已到我社区报到。{period}，该同志在社区"
            "参加志愿服务",
            Emphasis(f" {data.services} "),
            "次，经核实累计服务时长",
            Emphasis(format_duration(data.served_minutes)),
            "。现将服务情况报告如下：",
        ],
        styles.body,
        fonts,
    )
    categories = data_table(
        [Column("服务类别", 60), Column("次数", 30, "right"), Column("服务时长", 50, "right")],
        [
            [item.category, str(item.services), format_duration(item.minutes)]
            for item in data.categories
        ]
        or [["（本期没有已核实的服务）", "", ""]],
        context,
        width * 0.8,
        TypeSize.XIAOSI,
        total_row=["合计", str(data.services), format_duration(data.served_minutes)],
    )
    story: list[Any] = [
        paragraph("在职党员参加社区志愿服务情况报告", styles.title, fonts),
        paragraph("（双报告）", styles.subtitle, fonts),
        paragraph(f"{fill_in(data.home_organization, 12)}：", styles.body_plain, fonts),
        body,
        paragraph("一、服务时长（按类别）", styles.label, fonts),
        categories,
        gap(2),
        paragraph("二、服务明细", styles.label, fonts),
        StreamedTable(
            (
                StreamedColumn("服务日期", 34, "center"),
                StreamedColumn("服务类别", 22, "center"),
                StreamedColumn("服务内容", 48),
                StreamedColumn("服务对象", 28),
                StreamedColumn("时长", 24, "right"),
            ),
            _rows(data.lines),
            context,
            specification.frame_height,
            font_size=TypeSize.XIAOSI,
            empty_row=["", "", "本期没有已核实的服务", "", ""],
        ),
        gap(2),
        paragraph(
            "以上服务均经社区工作人员核实，服务时长为实际服务时间，不含往返路程。特此报告。",
            styles.body,
            fonts,
        ),
        gap(4),
        SealArea(organization or context.center_name, data.issued_on, context),
        gap(2),
        rich_paragraph(
            [
                "经办人：",
                written_in(handler_name(context, data.handler), 4),
                "　联系电话：",
                written_in(data.contact or context.contact.contact_phone, 7),
            ],
            styles.body_plain,
            fonts,
        ),
    ]
    return DocumentPlan(
        KIND, f"在职党员社区服务情况报告 {data.member_name}", PageLayout.PORTRAIT, story
    )


def load_service_report(
    database: Database, context: PrintContext, number: str, start: date, end: date
) -> ServiceReportData:
    """The report of volunteer ``number`` — who must be an in-service member registered at the
    community — for ``start``–``end``, read as ``context.actor`` may."""
    from dangqun.members.documents.personal_data import reading_actor
    from dangqun.members.service import get_member
    from dangqun.members.vocabulary import MemberKind
    from dangqun.timebank import service

    actor = reading_actor(context, "双报告")
    volunteer = service.find_volunteer(database, actor, number)
    member = get_member(database, actor, volunteer.member_id) if volunteer.member_id else None
    if member is None or member.kind is not MemberKind.IN_SERVICE_REGISTERED:
        raise ValidationError.single(
            "volunteer",
            f"{volunteer.name}（{volunteer.number}）不是到社区报到的在职党员，"
            "双报告只为在职党员向其原单位党组织报告。",
        )
    facts = service.certificate_data(database, actor, volunteer.id, start, end)
    query = service.RecordQuery(
        volunteer_id=volunteer.id, status=service.RecordStatus.VERIFIED, start=start, end=end
    )

    def lines() -> Iterator[ServiceLine]:
        offset = 0
        while True:
            page = service.list_service_records(database, actor, query, offset, RECORDS_PAGE)
            for record in sorted(page.rows, key=lambda item: (item.served_on, item.starts_at)):
                yield ServiceLine(
                    record.served_on,
                    record.category_name,
                    record.content,
                    record.beneficiary,
                    record.minutes,
                )
            offset += len(page.rows)
            if not page.rows or offset >= page.total:
                return

    return ServiceReportData(
        member_name=member.name,
        work_unit=member.work_unit or "",
        home_organization=member.origin_organization or "",
        volunteer_number=volunteer.number,
        period_from=start,
        period_to=end,
        served_minutes=facts.served_minutes,
        services=facts.records,
        categories=[
            CategoryLine(item.category, item.records, item.minutes) for item in facts.categories
        ],
        lines=lines(),
        reporting_organization="",
        handler="",
        contact="",
        issued_on=context.print_date,
    )


def sample_service_report(context: PrintContext) -> ServiceReportData:
    services = [
        ("助学", "“四点半课堂”作业辅导", "翠湖小学三年级学生", 90),
        ("养老助老", "独居老人走访、代购药品", "独居老人张奶奶", 60),
        ("环境整治", "楼道卫生清扫", "翠湖北路 8 号 2 栋", 120),
    ]
    lines = [
        ServiceLine(date(2026, month, 6 + index * 7), category, content, whom, minutes)
        for month in range(1, 7)
        for index, (category, content, whom, minutes) in enumerate(services)
    ]
    totals: dict[str, list[int]] = {}
    for line in lines:
        total = totals.setdefault(line.category, [0, 0])
        total[0] += 1
        total[1] += line.minutes
    return ServiceReportData(
        member_name="张伟",
        work_unit="云南某科技有限公司 研发部经理",
        home_organization="中共云南某科技有限公司支部委员会",
        volunteer_number="ZY202600318",
        period_from=date(2026, 1, 1),
        period_to=date(2026, 6, 30),
        served_minutes=sum(line.minutes for line in lines),
        services=len(lines),
        categories=[
            CategoryLine(name, count, minutes)
            for name, (count, minutes) in sorted(totals.items(), key=lambda item: -item[1][1])
        ],
        lines=tuple(lines),
        reporting_organization="中共翠湖社区委员会",
        handler="",
        contact="",
        issued_on=context.print_date,
    )
