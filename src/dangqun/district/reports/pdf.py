"""The district report on paper: the centers' printing engine, with ReportLab charts (issue 17).

Same page kit, fonts and layout rules as every center document (:mod:`dangqun.printing.
page_kit`: GB/T 9704 A4 portrait, the title in the title font, 三号 body, ruled tables that
repeat their header across pages, the footer with "第 X 页 共 Y 页", the district's name and the
print date, the seal area). Charts are ReportLab's own graphics (``reportlab.graphics.charts``:
a bar chart per figure across the centers, a pie of member kinds), their labels set in the
document's table font so a Chinese name never falls back to a font without its glyphs.
Overdue 三会一课 periods are listed and set in red, the colour of the centers' 逾期 marks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from dangqun.district.reports.compliance import ScheduledPeriod
from dangqun.district.reports.figures import (
    CATEGORY_LABELS,
    KIND_LABELS,
    VISITOR_LABELS,
    CenterFigures,
    DistrictReport,
    Visits,
)
from dangqun.members.vocabulary import MemberCategory, MemberKind
from dangqun.minutes.vocabulary import MEETING_TYPE_LABELS
from dangqun.printing.batch import render_to_bytes
from dangqun.printing.fonts import choose_document_fonts
from dangqun.printing.page_kit import (
    LABEL_BACKGROUND,
    OFFICIAL_RED,
    RULE_GREY,
    TEXT_BLACK,
    Column,
    DocumentPlan,
    PageLayout,
    PrintContext,
    SealArea,
    TypeSize,
    data_table,
    gap,
    paragraph,
)

KIND = "district_report"
SERIES_COLOURS = [
    colors.HexColor(value)
    for value in ("#B22222", "#D98C3A", "#3A6EA5", "#5B8C5A", "#7A5C99", "#8C8C8C")
]
CHART_HEIGHT = 62 * mm
NUMBERS = "一二三四五六七八九十"


def _number(value: int) -> str:
    return f"{value:,}"


def _hours(minutes: int) -> str:
    """Minutes as hours with one decimal, as the time bank's statements total them."""
    return f"{minutes / 60:,.1f}"


def _plain_hours(minutes: int) -> str:
    """Hours in running text: no thousands separator, where a line could break the number."""
    return f"{minutes / 60:.1f}"


def _visits(visits: Visits) -> str:
    return f"{_number(visits.visits)}/{_number(visits.people)}"


def _rate(figures: CenterFigures) -> str:
    rate = figures.compliance_rate
    return "—" if rate is None else f"{rate:.0%}"


def _short(name: str) -> str:
    """A center's name on a chart axis: without the common suffix, so thirty fit a row."""
    for suffix in ("党群服务中心", "服务中心"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _drawing(width: float, title: str, font: str) -> Drawing:
    """A chart's canvas, its initial font the document's (ReportLab starts a drawing in
    Helvetica, which would put a font that is not embedded into the PDF), with its title."""
    drawing = Drawing(width, CHART_HEIGHT)
    drawing.initialFontName = font
    drawing.add(String(0, CHART_HEIGHT - 10, title, fontName=font, fontSize=TypeSize.WUHAO))
    return drawing


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    width: float,
    font: str,
) -> Drawing:
    """Grouped bars, one group per center, one bar per series, with a legend above."""
    drawing = _drawing(width, title, font)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 34
    chart.width, chart.height = width - 36, CHART_HEIGHT - 70
    chart.data = [list(values) for _name, values in series] or [[0]]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7 if len(labels) <= 12 else 5.5
    chart.categoryAxis.labels.angle = 0 if len(labels) <= 8 else 45
    chart.categoryAxis.labels.boxAnchor = "n" if len(labels) <= 8 else "ne"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.barSpacing = 1
    chart.groupSpacing = 4
    for index in range(len(chart.data)):
        chart.bars[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = width * 0.56, CHART_HEIGHT - 6
        legend.fontName, legend.fontSize = font, 7
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx = legend.dy = 6
        legend.deltax = 60
        legend.colorNamePairs = [
            (SERIES_COLOURS[i % len(SERIES_COLOURS)], name) for i, (name, _v) in enumerate(series)
        ]
        drawing.add(legend)
    return drawing


def pie_chart(title: str, slices: Sequence[tuple[str, int]], width: float, font: str) -> Drawing:
    """A pie with a legend naming each slice and its count."""
    drawing = _drawing(width, title, font)
    shown = [(label, value) for label, value in slices if value > 0] or [("无", 1)]
    pie = Pie()
    size = CHART_HEIGHT - 30
    pie.x, pie.y, pie.width, pie.height = 20, 8, size, size
    pie.data = [value for _label, value in shown]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    for index in range(len(shown)):
        pie.slices[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
    drawing.add(pie)
    legend = Legend()
    legend.x, legend.y = size + 50, size
    legend.fontName, legend.fontSize = font, TypeSize.WUHAO
    legend.alignment = "right"
    legend.dy = legend.dx = 8
    legend.deltay = 16
    total = sum(value for _label, value in slices) or 1
    legend.colorNamePairs = [
        (SERIES_COLOURS[i % len(SERIES_COLOURS)], f"{label}  {value:,} 名（{value / total:.0%}）")
        for i, (label, value) in enumerate(slices)
    ]
    drawing.add(legend)
    return drawing


def _table(
    context: PrintContext,
    width: float,
    center_share: float,
    figures: Sequence[tuple[str, float]],
    report: DistrictReport,
    cells: Callable[[CenterFigures], list[str]],
    font_size: float = TypeSize.WUHAO,
) -> Any:
    """A row per center (its short name first), then the total row; ``figures`` are the
    right-aligned number columns after the center's (header, share of the width)."""
    rows = [[_short(center.name), *cells(center)] for center in report.centers]
    return data_table(
        [
            Column("服务中心", center_share),
            *(Column(header, share, "right") for header, share in figures),
        ],
        rows,
        context,
        width,
        font_size=font_size,
        total_row=[report.total.name, *cells(report.total)],
    )


def _overdue_table(
    overdue: Sequence[tuple[str, str, ScheduledPeriod]], context: PrintContext, width: float
) -> Table:
    """The overdue periods, every line in red (the centers' 逾期未开 colour), ruled as the kit's
    tables and with the header repeated on each page."""
    fonts, cell = context.fonts, context.styles.cell
    header = ParagraphStyle("overdue_header", parent=cell, fontSize=TypeSize.WUHAO, leading=14)
    red = ParagraphStyle("overdue", parent=header, textColor=OFFICIAL_RED)
    rows = [
        [paragraph(text, header, fonts) for text in ("服务中心", "党支部", "会议", "应开期间")],
        *(
            [
                paragraph(text, red, fonts)
                for text in (
                    _short(center),
                    branch,
                    MEETING_TYPE_LABELS[period.meeting_type],
                    f"{period.starts_on:%Y-%m-%d}至{period.ends_on:%Y-%m-%d}",
                )
            ]
            for center, branch, period in overdue
        ),
    ]
    shares = (0.22, 0.28, 0.16, 0.34)
    table = Table(rows, colWidths=[width * share for share in shares], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                # The table's own font (ReportLab's default is Helvetica, not embedded).
                ("FONTNAME", (0, 0), (-1, -1), fonts.table_font.name),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
                ("BOX", (0, 0), (-1, -1), 1.0, TEXT_BLACK),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def build_report(report: DistrictReport, context: PrintContext) -> DocumentPlan:
    """The report's story: a summary, then one section a figure, each a table and a chart."""
    styles, fonts = context.styles, context.fonts
    font = fonts.table_font.name
    width = context.layout(PageLayout.PORTRAIT).frame_width
    total = report.total
    labels = [_short(center.name) for center in report.centers]
    kinds = [kind.value for kind in MemberKind]
    visitor_types = list(VISITOR_LABELS)
    story: list[Any] = [
        paragraph(f"{report.district_name}党建工作统计报表", styles.title, fonts),
        paragraph(f"（{report.period.label}）", styles.subtitle, fonts),
        paragraph(
            f"{report.period.label}，全区 {len(report.centers)} 个党群服务中心在册党员 "
            f"{total.members_total} 名，其中在职党员（双报到）"
            f"{total.dual_registered} 名，本期社区服务 {_plain_hours(total.dual_service_minutes)}"
            f" 小时；流入党员 {total.floating_in} 名、流出党员 "
            f"{total.floating_out} 名；先后有 {total.visits.visits} 批 "
            f"{total.visits.people} 人次到阵地开展活动；时间银行存入 "
            f"{_plain_hours(total.minutes_earned)} 小时；三会一课应开 {total.periods_due} 期、"
            f"已开 {total.periods_held} 期，逾期未开 {total.overdue} 期。",
            styles.body,
            fonts,
        ),
        paragraph(
            f"数据截至各中心最后上报的数据包；党员按统计期末（{report.period.ends_on:%Y-%m-%d}）"
            "在册统计；表和图中的中心名称略去“党群服务中心”字样。",
            styles.note,
            fonts,
        ),
    ]

    def section(
        number: int,
        title: str,
        figures: Sequence[tuple[str, float]],
        cells: Callable[[CenterFigures], list[str]],
        charts: Sequence[Drawing] = (),
        *,
        center_share: float,
        font_size: float = TypeSize.WUHAO,
    ) -> None:
        """One figure's section, the same for every figure: its numbered heading, the table of
        the centers and the total (``figures``: its number columns, ``cells``: a center's
        numbers), then its charts (none for a figure a table says enough of)."""
        story.append(paragraph(f"{NUMBERS[number]}、{title}", styles.heading, fonts))
        story.extend(
            [
                _table(context, width, center_share, figures, report, cells, font_size),
                gap(3),
                *charts,
            ]
        )

    section(
        0,
        "党员情况",
        [
            *((KIND_LABELS[kind], 13) for kind in kinds),
            *((CATEGORY_LABELS[c.value], 12) for c in MemberCategory),
            ("合计", 14),
        ],
        lambda c: [
            *(_number(c.members_of_kind(kind)) for kind in kinds),
            *(_number(c.members_of_category(cat.value)) for cat in MemberCategory),
            _number(c.members_total),
        ],
        [
            pie_chart(
                "全区党员类型构成",
                [(KIND_LABELS[kind], total.members_of_kind(kind)) for kind in kinds],
                width,
                font,
            ),
            bar_chart(
                "各中心在册党员（名）",
                labels,
                [("在册党员", [c.members_total for c in report.centers])],
                width,
                font,
            ),
        ],
        center_share=24,
        font_size=TypeSize.XIAOWU,
    )
    section(
        1,
        "在职党员“双报到”",
        [("在职党员", 16), ("本期报到", 16), ("参加服务", 16), ("服务时长（小时）", 22)],
        lambda c: [
            _number(c.dual_registered),
            _number(c.dual_reported_in_period),
            _number(c.dual_serving),
            _hours(c.dual_service_minutes),
        ],
        [
            bar_chart(
                "各中心在职党员服务时长（小时）",
                labels,
                [("服务时长", [round(c.dual_service_minutes / 60) for c in report.centers])],
                width,
                font,
            )
        ],
        center_share=40,
    )
    section(
        2,
        "流动党员",
        [("流入党员", 17), ("流出党员", 17), ("本期流入登记", 20), ("本期外出登记", 20)],
        lambda c: [
            _number(c.floating_in),
            _number(c.floating_out),
            _number(c.floating_in_registered),
            _number(c.floating_out_registered),
        ],
        center_share=40,
    )
    section(
        3,
        "阵地活动（按实际签到）",
        [
            *((f"{VISITOR_LABELS[t]} 批次/人次", 17) for t in visitor_types),
            ("合计 批次/人次", 17),
        ],
        lambda c: [
            *(_visits(c.visits_by_type.get(t, Visits())) for t in visitor_types),
            _visits(c.visits),
        ],
        [
            bar_chart(
                "各中心阵地活动批次（按来访组织类型）",
                labels,
                [
                    (
                        VISITOR_LABELS[t],
                        [c.visits_by_type.get(t, Visits()).visits for c in report.centers],
                    )
                    for t in visitor_types
                ],
                width,
                font,
            )
        ],
        center_share=30,
        font_size=TypeSize.XIAOWU,
    )
    section(
        4,
        "时间银行",
        [("本期存入（小时）", 20), ("本期兑换（小时）", 20), ("期末结余（小时）", 20)],
        lambda c: [
            _hours(c.minutes_earned),
            _hours(c.minutes_spent),
            _hours(c.minutes_outstanding),
        ],
        [
            bar_chart(
                "各中心时间银行（小时）",
                labels,
                [
                    ("本期存入", [round(c.minutes_earned / 60) for c in report.centers]),
                    ("本期兑换", [round(c.minutes_spent / 60) for c in report.centers]),
                ],
                width,
                font,
            )
        ],
        center_share=40,
    )
    section(
        5,
        "三会一课",
        [("党支部", 13), ("应开期数", 15), ("已开", 13), ("逾期未开", 15), ("完成率", 13)],
        lambda c: [
            _number(len(c.compliance)),
            _number(c.periods_due),
            _number(c.periods_held),
            _number(c.overdue),
            _rate(c),
        ],
        center_share=40,
    )
    overdue = [
        (center.name, branch.branch_name, period)
        for center in report.centers
        for branch in center.compliance
        for period in branch.overdue
    ]
    if overdue:
        story.append(paragraph("逾期未开的会议：", styles.body_plain, fonts))
        story.append(_overdue_table(overdue, context, width))
    else:
        story.append(paragraph("本期没有逾期未开的会议。", styles.body_plain, fonts))
    story += [gap(8), SealArea(report.district_name, context.print_date, context)]
    return DocumentPlan(
        KIND,
        f"{report.district_name}党建工作统计报表（{report.period.label}）",
        PageLayout.PORTRAIT,
        story,
    )


def report_pdf(report: DistrictReport) -> bytes:
    """The PDF's bytes (the caller writes them owner-only)."""
    context = PrintContext(
        center_name=report.district_name,
        center_id="",
        print_date=report.today,
        fonts=choose_document_fonts(),
    )
    return render_to_bytes([build_report(report, context)], context)
