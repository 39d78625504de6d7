"""时间银行对账单 — a time-bank account statement (DOMAIN.md §3).

The ledger is append-only and counted in whole minutes; the statement shows every entry of
the period with a running balance, so a resident can check each paper slip against it.
A correction appears as its own reversing line (冲正), never as a changed one. Certified
service time (what a certificate may state) and the spendable balance are different numbers
— giving hours away lowers the balance, not the time served — so both are printed, apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from dangqun.core.privacy import PersonalField, shown_if
from dangqun.printing.page_kit import (
    Column,
    DocumentPlan,
    FormField,
    PageLayout,
    PrintContext,
    TypeSize,
    chinese_date,
    data_table,
    form_grid,
    format_duration,
    gap,
    handler_name,
    paragraph,
    signature_lines,
)

KIND = "time_statement"


@dataclass(frozen=True)
class StatementEntry:
    """One ledger entry as the account holder sees it; amounts in whole minutes."""

    entry_date: date
    slip_number: str
    entry_type: str  # 服务获得 / 兑换支出 / 转赠转出 / 受赠转入 / 冲正
    description: str
    minutes_in: int = 0
    minutes_out: int = 0


@dataclass(frozen=True)
class TimeStatementData:
    statement_number: str
    account_number: str
    holder_name: str
    holder_id_number: str
    period_from: date
    period_to: date
    opening_balance_minutes: int
    entries: Sequence[StatementEntry]
    certified_service_minutes: int
    """All service time ever certified for this person (not reduced by gifts or spending)."""
    handler: str
    """Who handled the statement; empty = the person printing it (issue 12)."""


def _hours(minutes: int) -> str:
    """Table amounts as ``h:mm``, so columns line up; the summary spells them out."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}"


def build_time_statement(data: TimeStatementData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    width = context.layout(PageLayout.PORTRAIT).frame_width
    number_style = ParagraphStyle("number", parent=styles.note, alignment=TA_RIGHT)
    balance = data.opening_balance_minutes
    rows: list[list[str]] = []
    total_in = total_out = 0
    for entry in sorted(data.entries, key=lambda item: item.entry_date):
        balance += entry.minutes_in - entry.minutes_out
        total_in += entry.minutes_in
        total_out += entry.minutes_out
        rows.append(
            [
                chinese_date(entry.entry_date),
                entry.slip_number,
                entry.entry_type,
                entry.description,
                _hours(entry.minutes_in) if entry.minutes_in else "",
                _hours(entry.minutes_out) if entry.minutes_out else "",
                _hours(balance),
            ]
        )
    rows.insert(
        0,
        [
            chinese_date(data.period_from),
            "",
            "期初余额",
            "",
            "",
            "",
            _hours(data.opening_balance_minutes),
        ],
    )
    fields = [
        FormField("账户户名", data.holder_name),
        FormField("账户编号", data.account_number),
        FormField(
            "证件号码",
            shown_if(PersonalField.ID_NUMBER, data.holder_id_number, context.may_see_personal_data),
        ),
        FormField("经办人", handler_name(context, data.handler)),
        FormField(
            "对账期间",
            f"{chinese_date(data.period_from)}至{chinese_date(data.period_to)}",
            wide=True,
        ),
        FormField("期初余额", format_duration(data.opening_balance_minutes)),
        FormField("期末余额", format_duration(balance)),
        FormField("本期收入", format_duration(total_in)),
        FormField("本期支出", format_duration(total_out)),
        FormField(
            "认证服务时长",
            f"累计 {format_duration(data.certified_service_minutes)}（可据此出具志愿服务证明；"
            "转赠、兑换不减少服务时长）",
            wide=True,
        ),
    ]
    story: list[object] = [
        paragraph(f"对账单编号：{data.statement_number}", number_style, fonts),
        paragraph("“时间银行”志愿服务时间对账单", styles.title, fonts),
        form_grid(fields, context, width),
        gap(4),
        paragraph("收支明细（时间单位：小时:分钟）", styles.label, fonts),
        gap(1),
        data_table(
            [
                Column("日期", 29, "center"),
                Column("单号", 28, "center"),
                Column("类型", 18, "center"),
                Column("摘要", 41),
                Column("收入", 13, "right"),
                Column("支出", 13, "right"),
                Column("余额", 15, "right"),
            ],
            rows,
            context,
            width,
            font_size=TypeSize.WUHAO,
            total_row=[
                "合计",
                "",
                "",
                f"共 {len(data.entries)} 笔",
                _hours(total_in),
                _hours(total_out),
                _hours(balance),
            ],
        ),
        gap(4),
        paragraph(
            "说明：余额由逐笔记录累计得出；更正以“冲正”记录列示，原记录保留。"
            "如对明细有疑问，请在 30 日内携带服务单据到服务中心核对。",
            styles.note,
            fonts,
        ),
        gap(6),
        signature_lines(["经办人", "账户人确认"], context, width),
    ]
    return DocumentPlan(KIND, f"时间银行对账单 {data.statement_number}", PageLayout.PORTRAIT, story)


def sample_time_statement(context: PrintContext) -> TimeStatementData:
    services = [
        ("上门送餐", 90),
        ("陪伴聊天", 60),
        ("楼道卫生清扫", 120),
        ("“四点半课堂”作业辅导", 90),
        ("独居老人走访", 75),
        ("垃圾分类宣传值守", 120),
        ("社区义诊协助", 180),
        ("微心愿：帮助购买药品", 45),
    ]
    entries: list[StatementEntry] = []
    day = date(2026, 1, 3)
    for index in range(46):
        description, minutes = services[index % len(services)]
        entries.append(
            StatementEntry(
                date.fromordinal(day.toordinal() + index * 7),
                f"SJ-2026-{1001 + index:05d}",
                "服务获得",
                description,
                minutes_in=minutes,
            )
        )
        if index % 9 == 4:
            entries.append(
                StatementEntry(
                    date.fromordinal(day.toordinal() + index * 7 + 1),
                    f"DH-2026-{201 + index:04d}",
                    "兑换支出",
                    "兑换理发服务（社区“爱心理发”）",
                    minutes_out=60,
                )
            )
    entries.append(
        StatementEntry(
            date(2026, 6, 18),
            "ZZ-2026-0031",
            "转赠转出",
            "转赠给母亲 李桂芬（居家养老服务）",
            minutes_out=300,
        )
    )
    entries.append(
        StatementEntry(
            date(2026, 6, 20),
            "CZ-2026-0004",
            "冲正",
            "冲正 SJ-2026-01021（重复登记），经办人 赵丽",
            minutes_out=120,
        )
    )
    return TimeStatementData(
        statement_number="DZ-2026-11-0158",
        account_number="SJYH-530102-000158",
        holder_name="李秀英",
        holder_id_number="530102196805120027",
        period_from=date(2026, 1, 1),
        period_to=date(2026, 11, 30),
        opening_balance_minutes=735,
        entries=entries,
        certified_service_minutes=6_150,
        handler="",
    )
