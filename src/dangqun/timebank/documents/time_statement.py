"""时间银行存折 — a volunteer's passbook statement for a period (issue 13, "Statements").

Who reads it: mostly elderly residents, at the desk or at home, so it is printed large — every
word on it at least 四号 (14 pt), rows with room between them, amounts in whole minutes with the
balance spelled out in hours at the head (DOMAIN.md §3: integers, never fractions of hours).

What it shows: the opening balance, each movement of the period (date, kind in words, what it
was for or with whom, in, out, running balance), the period's totals and the closing balance;
and apart from the balance, the three figures a volunteer asks about — minutes served (verified
service only: giving or spending does not reduce them, a certificate states them), spendable
(the balance) and pending (entered, not verified yet). A correction is its own 冲正 line; the
ledger is append-only, so nothing on an earlier passbook ever changes.

A long period is streamed: the lines are pulled from :func:`dangqun.timebank.service.statement`
a page at a time as the layout reaches them (:class:`~dangqun.printing.streamed_table.
StreamedTable`), so memory holds one page of lines, whatever the period.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from dangqun.core.db import Database
from dangqun.printing.page_kit import (
    LABEL_BACKGROUND,
    RULE_GREY,
    SPLIT_IN_ROW_MINIMUM,
    DocumentPlan,
    PageLayout,
    PrintContext,
    SplittingTable,
    TypeSize,
    chinese_date,
    fill_in,
    format_duration,
    gap,
    handler_name,
    paragraph,
    signature_lines,
)
from dangqun.printing.streamed_table import StreamedColumn, StreamedTable

KIND = "time_statement"
FONT_SIZE = TypeSize.SIHAO
"""四号 everywhere on the passbook: the smallest size an elderly reader takes in comfortably."""
LINES_PAGE = 200
"""Movements read from the ledger at a time while the table is laid out."""


@dataclass(frozen=True)
class PassbookLine:
    booked_on: date
    kind: str
    """The kind in words (服务存入, 兑换支出, 转赠, 捐赠公益池, 冲正)."""
    description: str
    amount: int
    """Signed whole minutes on the account."""
    balance: int
    """The balance after this line."""


@dataclass(frozen=True)
class TimeStatementData:
    volunteer_number: str
    holder_name: str
    period_from: date
    period_to: date
    opening_balance: int
    closing_balance: int
    minutes_in: int
    minutes_out: int
    """Positive: the minutes that left the account in the period."""
    movements: int
    served_minutes: int
    spendable_minutes: int
    pending_minutes: int
    lines: Iterable[PassbookLine]
    """The period's movements, oldest first; consumed once, as the layout reaches them."""
    handler: str = ""
    """Who handled the statement; empty = the person printing it (issue 12)."""


def _large(name: str, context: PrintContext, **extra: Any) -> ParagraphStyle:
    settings: dict[str, Any] = {"leading": 24, **extra}
    return ParagraphStyle(
        name, fontName=context.fonts.body.name, fontSize=FONT_SIZE, wordWrap="CJK", **settings
    )


def _summary_grid(data: TimeStatementData, context: PrintContext, width: float) -> SplittingTable:
    """The head: who, which period, and the figures, in 四号 (form_grid prints 小四)."""
    fonts = context.fonts
    label_style = _large("passbook_label", context)
    value_style = _large("passbook_value", context)
    pairs = [
        ("户　　名", data.holder_name, None, None),
        ("志愿者编号", data.volunteer_number, None, None),
        (
            "对账期间",
            f"{chinese_date(data.period_from)}至{chinese_date(data.period_to)}",
            None,
            None,
        ),
        (
            "期初余额",
            format_duration(data.opening_balance),
            "期末余额",
            format_duration(data.closing_balance),
        ),
        (
            "本期存入",
            format_duration(data.minutes_in),
            "本期支出",
            format_duration(data.minutes_out),
        ),
    ]
    label_width = 30 * mm
    value_width = (width - 2 * label_width) / 2
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.body.name),
        ("GRID", (0, 0), (-1, -1), 0.6, RULE_GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BACKGROUND),
    ]
    for index, (label, value, other_label, other_value) in enumerate(pairs):
        if other_label is None:
            rows.append(
                [paragraph(label, label_style, fonts), paragraph(value, value_style, fonts), "", ""]
            )
            commands.append(("SPAN", (1, index), (3, index)))
        else:
            rows.append(
                [
                    paragraph(label, label_style, fonts),
                    paragraph(value, value_style, fonts),
                    paragraph(other_label, label_style, fonts),
                    paragraph(other_value or "", value_style, fonts),
                ]
            )
            commands.append(("BACKGROUND", (2, index), (2, index), LABEL_BACKGROUND))
    table = SplittingTable(
        rows,
        colWidths=[label_width, value_width, label_width, value_width],
        splitByRow=1,
        splitInRow=SPLIT_IN_ROW_MINIMUM,
    )
    table.setStyle(TableStyle(commands))
    return table


def _figures(data: TimeStatementData, context: PrintContext) -> list[Any]:
    """Served, spendable and pending apart (issue 13, "Served vs spendable"), as of printing."""
    style = _large("passbook_figure", context, leftIndent=2 * FONT_SIZE)
    fonts = context.fonts
    return [
        paragraph(
            f"截至{chinese_date(context.print_date)}：", _large("passbook_as_of", context), fonts
        ),
        paragraph(
            f"已服务时长 {format_duration(data.served_minutes)}"
            "（已核实的服务，可据此出具志愿服务证明；转赠、兑换不减少）",
            style,
            fonts,
        ),
        paragraph(
            f"可用余额　 {format_duration(data.spendable_minutes)}（可兑换、转赠、捐赠）",
            style,
            fonts,
        ),
        paragraph(
            f"待核实时长 {format_duration(data.pending_minutes)}（核实后才存入）", style, fonts
        ),
    ]


COLUMNS = (
    StreamedColumn("日期", 41, "center"),
    StreamedColumn("类型", 26.5, "center"),
    StreamedColumn("摘要", 41.5),
    StreamedColumn("存入", 15, "right"),
    StreamedColumn("支出", 15, "right"),
    StreamedColumn("余额", 17, "right"),
)
"""Millimetres of the 156 mm GB/T 9704 text block. Dates in full (2026年11月30日, issue 12) and
every kind (捐赠公益池) keep one line; amounts are minutes (the head spells out hours), so the
three amount columns stay narrow and the description keeps eight characters a line in 四号."""


def _rows(data: TimeStatementData) -> Iterator[list[str]]:
    """Opening line, the movements, the period's totals and the closing line."""
    yield [chinese_date(data.period_from), "", "期初余额", "", "", str(data.opening_balance)]
    minutes_in = minutes_out = count = 0
    balance = data.opening_balance
    for line in data.lines:
        count += 1
        balance = line.balance
        if line.amount >= 0:
            minutes_in += line.amount
        else:
            minutes_out -= line.amount
        yield [
            chinese_date(line.booked_on),
            line.kind,
            line.description,
            str(line.amount) if line.amount >= 0 else "",
            str(-line.amount) if line.amount < 0 else "",
            str(line.balance),
        ]
    yield ["", "", f"本期合计（共 {count} 笔）", str(minutes_in), str(minutes_out), ""]
    yield [chinese_date(data.period_to), "", "期末余额", "", "", str(balance)]


def build_time_statement(data: TimeStatementData, context: PrintContext) -> DocumentPlan:
    fonts = context.fonts
    specification = context.layout(PageLayout.PORTRAIT)
    width = specification.frame_width
    # The one small line: the issuing center above the title, as the certificate's number sits
    # (its first line starts the GB/T 9704 text block exactly; 四号 would sit 1.2 mm lower).
    number_style = ParagraphStyle("passbook_center", parent=context.styles.note, alignment=TA_RIGHT)
    note_style = _large("passbook_note", context, firstLineIndent=2 * FONT_SIZE)
    story: list[Any] = [
        paragraph(context.center_name, number_style, fonts),
        paragraph("时间银行存折", context.styles.title, fonts),
        paragraph("志愿服务时间对账单", context.styles.subtitle, fonts),
        gap(2),
        _summary_grid(data, context, width),
        gap(3),
        *_figures(data, context),
        gap(3),
        paragraph(
            "收支明细（单位：分钟，60 分钟为 1 小时）", _large("passbook_head", context), fonts
        ),
        gap(1),
        StreamedTable(
            COLUMNS, _rows(data), context, specification.frame_height, font_size=FONT_SIZE
        ),
        gap(4),
        paragraph(
            "余额由逐笔记录累计得出；更正以“冲正”记录列示，原记录保留。"
            "如有疑问，请带上服务登记单到服务中心核对。",
            note_style,
            fonts,
        ),
        gap(2),
        paragraph(f"经办人：{fill_in(handler_name(context, data.handler), 4)}", note_style, fonts),
        signature_lines(["本人签字"], context, width),
    ]
    return DocumentPlan(
        KIND, f"时间银行存折 {data.volunteer_number} {data.holder_name}", PageLayout.PORTRAIT, story
    )


def load_time_statement(
    database: Database, context: PrintContext, number: str, start: date, end: date
) -> TimeStatementData:
    """The passbook of volunteer ``number`` for ``start``–``end``, read as ``context.actor``
    may (the time bank's service checks the permission); the lines are read lazily."""
    from dangqun.members.documents.personal_data import reading_actor
    from dangqun.timebank import service

    actor = reading_actor(context, "时间银行存折")
    volunteer = service.find_volunteer(database, actor, number)
    first = service.statement(database, actor, volunteer.id, start, end, 0, 1)
    totals = service.statement_totals(database, actor, volunteer.id, start, end)
    balances = service.get_balances(database, actor, volunteer.id)

    def lines() -> Iterator[PassbookLine]:
        offset = 0
        while True:
            page = service.statement(database, actor, volunteer.id, start, end, offset, LINES_PAGE)
            for movement in page.movements:
                yield PassbookLine(
                    movement.booked_on,
                    movement.kind_label,
                    movement.description,
                    movement.amount,
                    movement.balance,
                )
            if not page.has_more:
                return
            offset += len(page.movements)

    return TimeStatementData(
        volunteer_number=volunteer.number,
        holder_name=volunteer.name,
        period_from=start,
        period_to=end,
        opening_balance=first.opening_balance,
        closing_balance=first.closing_balance,
        minutes_in=totals.minutes_in,
        minutes_out=totals.minutes_out,
        movements=totals.movements,
        served_minutes=balances.served,
        spendable_minutes=balances.spendable,
        pending_minutes=balances.pending,
        lines=lines(),
    )


def sample_time_statement(context: PrintContext) -> TimeStatementData:
    services = [
        ("养老助老：上门送餐", 90),
        ("养老助老：陪伴聊天", 60),
        ("环境整治：楼道卫生清扫", 120),
        ("助学：“四点半课堂”作业辅导", 90),
        ("养老助老：独居老人走访", 75),
        ("环境整治：垃圾分类宣传值守", 120),
        ("便民服务：社区义诊协助", 180),
        ("微心愿：帮助购买药品", 45),
    ]
    opening = 735
    balance = opening
    lines: list[PassbookLine] = []

    def add(day: date, kind: str, description: str, amount: int) -> None:
        nonlocal balance
        balance += amount
        lines.append(PassbookLine(day, kind, description, amount, balance))

    start = date(2026, 1, 3)
    for index in range(17):
        description, minutes = services[index % len(services)]
        day = date.fromordinal(start.toordinal() + index * 7)
        add(day, "服务存入", description, minutes)
        if index % 9 == 4:
            add(
                date.fromordinal(day.toordinal() + 1),
                "兑换支出",
                "兑换服务：社区“爱心理发”",
                -60,
            )
        if index == 8:
            add(date(2026, 6, 18), "转赠", "转赠给 ZY202600158 李桂芬", -300)
            add(date(2026, 6, 20), "冲正", "冲正第 1021 号账目：重复登记", -120)
    minutes_in = sum(line.amount for line in lines if line.amount > 0)
    minutes_out = -sum(line.amount for line in lines if line.amount < 0)
    return TimeStatementData(
        volunteer_number="ZY201800032",
        holder_name="李秀英",
        period_from=date(2026, 1, 1),
        period_to=date(2026, 11, 30),
        opening_balance=opening,
        closing_balance=balance,
        minutes_in=minutes_in,
        minutes_out=minutes_out,
        movements=len(lines),
        served_minutes=6_150,
        spendable_minutes=balance,
        pending_minutes=90,
        lines=tuple(lines),
        handler="",
    )
