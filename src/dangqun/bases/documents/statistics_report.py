"""开放式组织生活基地活动统计 — a base's (or every base's) visits for a month, quarter or year
on GB/T 9704 paper (issue 14, "Statistics … Prints: statistics").

The figures are those of :func:`dangqun.bases.service.statistics` — only visits that happened
(已签到, 已完成) with the real headcount — so the paper, the statistics panel and the Excel
export (:mod:`dangqun.bases.export`) always agree. The running text states them the way a
report to the district does (DOMAIN.md §2): "先后有X批X余名党员到基地开展活动"; the tables
break them down by period, base, visitor type, organization and menu item.

``--id`` names the base and the dates (:func:`statistics_id` / :func:`parse_statistics_id`):
``1/2026-01-01/2026-12-31`` (base 1) or ``全部/2026-07-01/2026-09-30/month``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dangqun.bases.vocabulary import Granularity
from dangqun.core.db import Database
from dangqun.core.errors import ValidationError
from dangqun.printing.page_kit import (
    Column,
    DocumentPlan,
    PageLayout,
    PrintContext,
    SealArea,
    chinese_date,
    data_table,
    gap,
    paragraph,
)

KIND = "bases_statistics"
ALL_BASES = "全部"
STATISTICS_ID_MEANING = "阵地编号（或“全部”）/开始日期/结束日期，如 1/2026-01-01/2026-12-31"
GRANULARITY_LABELS = {
    Granularity.MONTH: "按月",
    Granularity.QUARTER: "按季度",
    Granularity.YEAR: "按年",
}


@dataclass(frozen=True)
class StatisticsKey:
    base_id: int | None
    starts_on: date
    ends_on: date
    granularity: Granularity = Granularity.MONTH


def statistics_id(key: StatisticsKey) -> str:
    """The one way a statistics print is named (the panel, the CLI and ``--id`` agree)."""
    base = ALL_BASES if key.base_id is None else str(key.base_id)
    return f"{base}/{key.starts_on.isoformat()}/{key.ends_on.isoformat()}/{key.granularity.value}"


def parse_statistics_id(record_id: str) -> StatisticsKey:
    """``--id`` as a :class:`StatisticsKey`, or a Chinese message saying how to write it."""
    parts = [part.strip() for part in record_id.split("/")]
    refusal = ValidationError.single(
        "id",
        f"统计的编号“{record_id}”应写作 {STATISTICS_ID_MEANING}（可再加 /month、/quarter 或 /year）",
    )
    if len(parts) not in (3, 4) or not (parts[0] == ALL_BASES or parts[0].isdigit()):
        raise refusal
    try:
        starts_on, ends_on = date.fromisoformat(parts[1]), date.fromisoformat(parts[2])
        granularity = Granularity(parts[3]) if len(parts) == 4 else Granularity.MONTH
    except ValueError:
        raise refusal from None
    if ends_on < starts_on:
        raise ValidationError.single("id", "结束日期不能早于开始日期")
    base_id = None if parts[0] == ALL_BASES else int(parts[0])
    return StatisticsKey(base_id, starts_on, ends_on, granularity)


def people_phrase(people: int) -> str:
    """``340 名`` when exact, ``340 余名`` for 347: the count to two significant figures, as a
    report says it ("X余名党员", DOMAIN.md §2)."""
    if people < 20:
        return f"{people} 名"
    step = 10 ** (len(str(people)) - 2)
    rounded = people // step * step
    return f"{rounded} 名" if rounded == people else f"{rounded} 余名"


def summary_sentence(period: str, visits: int, people: int) -> str:
    """The report's sentence: ``2026年，先后有 12 批 340 余名党员到基地开展活动。``"""
    if visits == 0:
        return f"{period}，没有党员到基地开展活动。"
    return f"{period}，先后有 {visits} 批 {people_phrase(people)}党员到基地开展活动。"


def period_text(starts_on: date, ends_on: date) -> str:
    """``2026年``, ``2026年第三季度``, ``2026年7月`` for whole periods, else the two dates."""
    whole_year = (starts_on.month, starts_on.day, ends_on.month, ends_on.day) == (1, 1, 12, 31)
    if whole_year and starts_on.year == ends_on.year:
        return f"{starts_on.year}年"
    following = date(ends_on.year + (ends_on.month == 12), ends_on.month % 12 + 1, 1)
    whole_months = starts_on.day == 1 and (following - ends_on).days == 1
    if whole_months and starts_on.year == ends_on.year:
        if starts_on.month == ends_on.month:
            return f"{starts_on.year}年{starts_on.month}月"
        if ends_on.month - starts_on.month == 2 and starts_on.month % 3 == 1:
            quarter = "一二三四"[starts_on.month // 3]
            return f"{starts_on.year}年第{quarter}季度"
    return f"{chinese_date(starts_on)}至{chinese_date(ends_on)}"


@dataclass(frozen=True)
class TallyLine:
    label: str
    visits: int
    people: int


@dataclass(frozen=True)
class StatisticsReportData:
    scope: str
    """The base's name, or 各开放式组织生活基地."""
    starts_on: date
    ends_on: date
    granularity: Granularity
    visits: int
    people: int
    by_period: Sequence[TallyLine]
    by_base: Sequence[TallyLine]
    """Empty when the report is of one base."""
    by_org_type: Sequence[TallyLine]
    by_organization: Sequence[TallyLine]
    by_menu_item: Sequence[TallyLine]


def _table(
    title: str, lines: Sequence[TallyLine], context: PrintContext, width: float
) -> list[object]:
    rows = [[line.label, f"{line.visits:,}", f"{line.people:,}"] for line in lines]
    total = [
        "合计",
        f"{sum(line.visits for line in lines):,}",
        f"{sum(line.people for line in lines):,}",
    ]
    columns = [Column(title, 90), Column("批次", 33, "right"), Column("人次", 33, "right")]
    return [data_table(columns, rows, context, width, total_row=total), gap(4)]


def build_statistics_report(data: StatisticsReportData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.PORTRAIT).frame_width
    period = period_text(data.starts_on, data.ends_on)
    story: list[object] = [
        paragraph(f"{data.scope}活动情况统计", styles.title, fonts),
        paragraph(f"（{period}）", styles.subtitle, fonts),
        paragraph(summary_sentence(period, data.visits, data.people), styles.body, fonts),
        paragraph(
            "以上按实际签到统计：每次到基地开展活动计 1 批，人次为签到时的实到人数；已取消、"
            "未到和尚未签到的预约不计入。",
            styles.body,
            fonts,
        ),
        gap(3),
    ]
    sections = [
        (section, lines)
        for section, lines in (
            (("时间", f"{GRANULARITY_LABELS[data.granularity]}统计"), data.by_period),
            (("阵地", "按阵地统计"), data.by_base),
            (("来访组织类型", "按来访组织类型统计"), data.by_org_type),
            (("来访组织", "按来访组织统计"), data.by_organization),
            (("特色菜单", "按特色菜单统计"), data.by_menu_item),
        )
        if lines
    ]
    for number, ((column, heading), lines) in enumerate(sections):
        story.append(paragraph(f"{'一二三四五'[number]}、{heading}", styles.heading, fonts))
        story += _table(column, lines, context, width)
    if data.by_menu_item:
        story.append(
            paragraph(
                "注：一次活动选了几项特色菜单，在按特色菜单统计中各计一次。", styles.note, fonts
            )
        )
    story += [gap(8), SealArea(context.center_name, context.print_date, context)]
    return DocumentPlan(KIND, f"{data.scope}活动情况统计（{period}）", PageLayout.PORTRAIT, story)


def load_statistics_report(
    database: Database, record_id: str, context: PrintContext
) -> StatisticsReportData:
    """The report named by ``record_id`` from the core's statistics query."""
    from dangqun.bases.service import get_base, statistics

    assert context.actor is not None, "records are printed by a signed-in user"
    key = parse_statistics_id(record_id)
    scope = "各开放式组织生活基地"
    if key.base_id is not None:
        scope = get_base(database, context.actor, key.base_id).name
    result = statistics(
        database,
        context.actor,
        key.starts_on,
        key.ends_on,
        base_id=key.base_id,
        granularity=key.granularity,
    )

    def lines(tallies: Sequence[object]) -> list[TallyLine]:
        return [TallyLine(t.label, t.visits, t.people) for t in tallies]  # type: ignore[attr-defined]

    return StatisticsReportData(
        scope=scope,
        starts_on=key.starts_on,
        ends_on=key.ends_on,
        granularity=key.granularity,
        visits=result.visits,
        people=result.people,
        by_period=lines(result.by_period),
        by_base=lines(result.by_base) if key.base_id is None else [],
        by_org_type=lines(result.by_org_type),
        by_organization=lines(result.by_organization),
        by_menu_item=lines(result.by_menu_item),
    )


def sample_statistics_report(context: PrintContext) -> StatisticsReportData:
    return StatisticsReportData(
        scope="翠湖红色记忆馆",
        starts_on=date(2026, 7, 1),
        ends_on=date(2026, 9, 30),
        granularity=Granularity.MONTH,
        visits=23,
        people=647,
        by_period=[
            TallyLine("2026 年 7 月", 12, 351),
            TallyLine("2026 年 8 月", 5, 128),
            TallyLine("2026 年 9 月", 6, 168),
        ],
        by_base=[],
        by_org_type=[
            TallyLine("支部", 14, 402),
            TallyLine("驻区单位", 4, 121),
            TallyLine("两新组织", 3, 86),
            TallyLine("流动党员小组", 2, 38),
        ],
        by_organization=[
            TallyLine("翠湖社区第一网格党支部", 4, 96),
            TallyLine("云南某科技有限公司党支部", 3, 86),
            TallyLine("五华区税务局机关党支部", 2, 71),
        ],
        by_menu_item=[
            TallyLine("重温入党誓词", 18, 512),
            TallyLine("专题党课《红色翠湖》", 11, 330),
        ],
    )
