"""时间银行月度账簿 — a closed month's ledger, printed for the archive (issue 13, "a monthly
closing that snapshots balances and prints the month's ledger for the archive").

Three parts, as an accountant's month file: the totals (transfers and minutes by kind; the
closing snapshot summed by account kind — volunteers and the center's own issuance, donation
pool and catalogue — with opening, in, out, closing and served), every transfer of the month
with its legs, and every account's closing balance. The totals include the center's accounts,
so they agree with the statistics and with each other: the grand total of the closing balances
is 0 because every transfer's legs sum to 0, and the paper says so.

The two long parts are streamed from :mod:`dangqun.timebank.service` a page at a time
(:class:`~dangqun.printing.streamed_table.StreamedTable`), so a month of a large center prints
without holding it in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from dangqun.core.db import Database
from dangqun.printing.page_kit import (
    Column,
    DocumentPlan,
    PageLayout,
    PrintContext,
    TypeSize,
    chinese_date,
    data_table,
    gap,
    paragraph,
    signature_lines,
)
from dangqun.printing.streamed_table import StreamedColumn, StreamedTable
from dangqun.timebank.vocabulary import (
    ACCOUNT_KIND_LABELS,
    TRANSFER_KIND_LABELS,
    AccountKind,
    TransferKind,
)

KIND = "time_ledger"
FONT_SIZE = TypeSize.WUHAO
PAGE = 500
"""Transfers or accounts read at a time while the tables are laid out."""


@dataclass(frozen=True)
class KindLine:
    kind: TransferKind
    transfers: int
    minutes: int


@dataclass(frozen=True)
class AccountKindLine:
    kind: AccountKind
    accounts: int
    opening: int
    minutes_in: int
    minutes_out: int
    closing: int
    served: int


@dataclass(frozen=True)
class LegLine:
    transfer_id: int
    booked_on: date
    kind: TransferKind
    account: str
    amount: int
    note: str
    posted_by: str
    first: bool
    """The transfer's first leg: the line that names the transfer."""


@dataclass(frozen=True)
class AccountLine:
    kind: AccountKind
    account: str
    opening: int
    minutes_in: int
    minutes_out: int
    closing: int
    served: int


@dataclass(frozen=True)
class MonthLedgerData:
    month: str
    first: date
    last: date
    closed_by: str
    closed_at: datetime
    transfers: int
    by_kind: Sequence[KindLine]
    by_account_kind: Sequence[AccountKindLine]
    legs: Iterable[LegLine]
    """Consumed once, as the layout reaches them."""
    accounts: Iterable[AccountLine]


def _number(value: int) -> str:
    return f"{value:,}"


def _kind_table(data: MonthLedgerData, context: PrintContext, width: float) -> Any:
    rows = [
        [TRANSFER_KIND_LABELS[line.kind], _number(line.transfers), _number(line.minutes)]
        for line in data.by_kind
    ]
    total = [
        "合计",
        _number(sum(line.transfers for line in data.by_kind)),
        _number(sum(line.minutes for line in data.by_kind)),
    ]
    columns = [Column("账目类型", 40), Column("笔数", 30, "right"), Column("分钟数", 40, "right")]
    return data_table(columns, rows, context, width * 0.5, FONT_SIZE, total_row=total)


def _account_kind_table(data: MonthLedgerData, context: PrintContext, width: float) -> Any:
    lines = data.by_account_kind
    rows = [
        [
            ACCOUNT_KIND_LABELS[line.kind],
            _number(line.accounts),
            _number(line.opening),
            _number(line.minutes_in),
            _number(line.minutes_out),
            _number(line.closing),
            _number(line.served) if line.kind is AccountKind.VOLUNTEER else "",
        ]
        for line in lines
    ]
    total = [
        "合计",
        _number(sum(line.accounts for line in lines)),
        _number(sum(line.opening for line in lines)),
        _number(sum(line.minutes_in for line in lines)),
        _number(sum(line.minutes_out for line in lines)),
        _number(sum(line.closing for line in lines)),
        _number(sum(line.served for line in lines)),
    ]
    columns = [
        Column("账户类别", 34),
        Column("账户数", 22, "right"),
        Column("月初余额", 30, "right"),
        Column("本月转入", 30, "right"),
        Column("本月转出", 30, "right"),
        Column("月末余额", 30, "right"),
        Column("累计已服务", 30, "right"),
    ]
    return data_table(columns, rows, context, width, FONT_SIZE, total_row=total)


LEG_COLUMNS = (
    StreamedColumn("账目编号", 20, "center"),
    StreamedColumn("记账日期", 30, "center"),
    StreamedColumn("类型", 22, "center"),
    StreamedColumn("账户", 58, one_line=True),
    StreamedColumn("转出", 20, "right"),
    StreamedColumn("转入", 20, "right"),
    StreamedColumn("摘要", 68),
    StreamedColumn("经办", 22, "center", one_line=True),
)
ACCOUNT_COLUMNS = (
    StreamedColumn("账户", 80, one_line=True),
    StreamedColumn("账户类型", 30, "center"),
    StreamedColumn("月初余额", 28, "right"),
    StreamedColumn("本月转入", 28, "right"),
    StreamedColumn("本月转出", 28, "right"),
    StreamedColumn("月末余额", 28, "right"),
    StreamedColumn("累计已服务", 28, "right"),
)


def _leg_rows(legs: Iterable[LegLine]) -> Iterator[list[str]]:
    for leg in legs:
        yield [
            str(leg.transfer_id) if leg.first else "",
            chinese_date(leg.booked_on) if leg.first else "",
            TRANSFER_KIND_LABELS[leg.kind] if leg.first else "",
            leg.account,
            _number(-leg.amount) if leg.amount < 0 else "",
            _number(leg.amount) if leg.amount > 0 else "",
            leg.note if leg.first else "",
            leg.posted_by if leg.first else "",
        ]


def _account_rows(accounts: Iterable[AccountLine]) -> Iterator[list[str]]:
    for line in accounts:
        yield [
            line.account,
            ACCOUNT_KIND_LABELS[line.kind],
            _number(line.opening),
            _number(line.minutes_in),
            _number(line.minutes_out),
            _number(line.closing),
            _number(line.served) if line.kind is AccountKind.VOLUNTEER else "",
        ]


def build_month_ledger(data: MonthLedgerData, context: PrintContext) -> DocumentPlan:
    styles = context.styles
    fonts = context.fonts
    specification = context.layout(PageLayout.LANDSCAPE)
    width = specification.frame_width
    center_style = ParagraphStyle("ledger_center", parent=styles.body_plain, alignment=TA_CENTER)
    grand_total = sum(line.closing for line in data.by_account_kind)
    year, month = data.month.split("-")
    story: list[Any] = [
        paragraph(f"时间银行月度账簿（{int(year)}年{int(month)}月）", styles.title, fonts),
        paragraph(
            f"{context.center_name}　账期：{chinese_date(data.first)}至{chinese_date(data.last)}"
            f"　{chinese_date(data.closed_at.date())} {data.closed_at:%H:%M} 由 {data.closed_by} 结账",
            center_style,
            fonts,
        ),
        gap(3),
        paragraph("一、本月账目汇总（单位：分钟）", styles.label, fonts),
        gap(1),
        _kind_table(data, context, width),
        gap(3),
        paragraph("二、月末余额汇总（含本中心的发行账户、公益池和兑换目录）", styles.label, fonts),
        gap(1),
        _account_kind_table(data, context, width),
        gap(1),
        paragraph(
            f"全部账户月末余额合计 {_number(grand_total)} 分钟"
            + (
                "：每笔账目转出与转入相等，志愿者余额合计等于本中心账户余额合计的相反数。"
                if grand_total == 0
                else "，不为 0：账目不平，请立即运行 dangqun check 并联系技术支持。"
            ),
            styles.note,
            fonts,
        ),
        gap(3),
        paragraph(f"三、本月账目明细（共 {_number(data.transfers)} 笔）", styles.label, fonts),
        gap(1),
        StreamedTable(
            LEG_COLUMNS,
            _leg_rows(data.legs),
            context,
            specification.frame_height,
            font_size=FONT_SIZE,
            empty_row=["", "", "", "本月没有账目", "", "", "", ""],
        ),
        gap(3),
        paragraph("四、各账户月末余额", styles.label, fonts),
        gap(1),
        StreamedTable(
            ACCOUNT_COLUMNS,
            _account_rows(data.accounts),
            context,
            specification.frame_height,
            font_size=FONT_SIZE,
            empty_row=["没有账户", "", "", "", "", "", ""],
        ),
        gap(6),
        signature_lines(["制表人", "复核人"], context, width, per_row=2),
    ]
    return DocumentPlan(
        KIND,
        f"时间银行月度账簿 {data.month}",
        PageLayout.LANDSCAPE,
        story,
        page_note=f"时间银行月度账簿（{int(year)}年{int(month)}月，已结账，存档）",
    )


def load_month_ledger(database: Database, month: str, context: PrintContext) -> MonthLedgerData:
    """The closed month ``month`` (``2026-11``) as ``context.actor`` may read it; the transfers
    and accounts are read lazily, a page at a time."""
    from dangqun.members.documents.personal_data import reading_actor
    from dangqun.timebank import service

    actor = reading_actor(context, "月度账簿")
    summary = service.month_summary(database, actor, month)

    def legs() -> Iterator[LegLine]:
        after = 0
        while True:
            page = service.month_transfers(database, actor, summary.month, after, PAGE)
            for transfer in page:
                for index, leg in enumerate(transfer.legs):
                    yield LegLine(
                        transfer.id,
                        transfer.booked_on,
                        transfer.kind,
                        leg.account,
                        leg.amount,
                        transfer.note,
                        transfer.posted_by,
                        index == 0,
                    )
            if len(page) < PAGE:
                return
            after = page[-1].id

    def accounts() -> Iterator[AccountLine]:
        after = 0
        while True:
            page = service.month_accounts(database, actor, summary.month, after, PAGE)
            for line in page:
                yield AccountLine(
                    line.kind,
                    line.account,
                    line.opening,
                    line.minutes_in,
                    line.minutes_out,
                    line.closing,
                    line.served,
                )
            if len(page) < PAGE:
                return
            after = page[-1].account_id

    return MonthLedgerData(
        month=summary.month,
        first=summary.first,
        last=summary.last,
        closed_by=summary.closed_by,
        closed_at=summary.closed_at,
        transfers=summary.transfers,
        by_kind=[KindLine(item.kind, item.transfers, item.minutes) for item in summary.by_kind],
        by_account_kind=[
            AccountKindLine(
                item.kind,
                item.accounts,
                item.opening,
                item.minutes_in,
                item.minutes_out,
                item.closing,
                item.served,
            )
            for item in summary.by_account_kind
        ],
        legs=legs(),
        accounts=accounts(),
    )


def sample_month_ledger(context: PrintContext) -> MonthLedgerData:
    """A small November: three volunteers' services, a spend, a gift, a donation, a reversal."""
    day = date(2026, 11, 1)
    names = ["ZY202600001 刘桂兰", "ZY202600002 王建国", "ZY202600003 李秀英"]
    issuance, pool, catalogue = "时间银行发行", "公益池", "兑换目录"
    transfers: list[tuple[TransferKind, str, list[tuple[str, int]], str]] = [
        (TransferKind.EARN, "服务记录 101", [(issuance, -120), (names[0], 120)], "赵丽"),
        (TransferKind.EARN, "服务记录 102", [(issuance, -90), (names[1], 90)], "赵丽"),
        (TransferKind.EARN, "服务记录 103", [(issuance, -180), (names[2], 180)], "李敏"),
        (TransferKind.SPEND, "爱心理发", [(names[0], -60), (catalogue, 60)], "赵丽"),
        (TransferKind.GIVE, "", [(names[2], -30), (names[1], 30)], "李敏"),
        (TransferKind.DONATE, "", [(names[1], -15), (pool, 15)], "赵丽"),
        (
            TransferKind.REVERSAL,
            "冲正第 102 号：登记错了志愿者",
            [(names[1], -90), (issuance, 90)],
            "赵丽",
        ),
    ]
    legs = [
        LegLine(
            100 + index, day.replace(day=3 + index * 3), kind, account, amount, note, who, i == 0
        )
        for index, (kind, note, parts, who) in enumerate(transfers)
        for i, (account, amount) in enumerate(parts)
    ]
    closing: dict[str, int] = {}
    moved_in: dict[str, int] = {}
    moved_out: dict[str, int] = {}
    for leg in legs:
        closing[leg.account] = closing.get(leg.account, 0) + leg.amount
        if leg.amount > 0:
            moved_in[leg.account] = moved_in.get(leg.account, 0) + leg.amount
        else:
            moved_out[leg.account] = moved_out.get(leg.account, 0) - leg.amount
    kinds = {issuance: AccountKind.ISSUANCE, pool: AccountKind.DONATION_POOL}
    kinds[catalogue] = AccountKind.CATALOGUE
    served = {names[0]: 120, names[1]: 0, names[2]: 180}
    accounts = [
        AccountLine(
            kinds.get(name, AccountKind.VOLUNTEER),
            name,
            0,
            moved_in.get(name, 0),
            moved_out.get(name, 0),
            closing[name],
            served.get(name, 0),
        )
        for name in [issuance, pool, catalogue, *names]
    ]
    by_account_kind = [
        AccountKindLine(
            kind,
            sum(1 for line in accounts if line.kind is kind),
            0,
            sum(line.minutes_in for line in accounts if line.kind is kind),
            sum(line.minutes_out for line in accounts if line.kind is kind),
            sum(line.closing for line in accounts if line.kind is kind),
            sum(line.served for line in accounts if line.kind is kind),
        )
        for kind in AccountKind
    ]
    by_kind = [
        KindLine(
            kind,
            sum(1 for item in transfers if item[0] is kind),
            sum(
                amount
                for item in transfers
                if item[0] is kind
                for _a, amount in item[2]
                if amount > 0
            ),
        )
        for kind in TransferKind
    ]
    return MonthLedgerData(
        month="2026-11",
        first=day,
        last=date(2026, 11, 30),
        closed_by="赵丽",
        closed_at=datetime(2026, 12, 1, 9, 30),
        transfers=len(transfers),
        by_kind=by_kind,
        by_account_kind=by_account_kind,
        legs=tuple(legs),
        accounts=tuple(accounts),
    )
