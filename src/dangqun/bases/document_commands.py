"""``dangqun bases sign-in-sheet | brochure | export-stats``: the bases on paper and in Excel
from the command line (issue 14, "Prints", "Statistics … exportable to Excel").

The prints go through the same loaders and masking as ``dangqun print KIND --id ID``
(:mod:`dangqun.printing.service`; the confirmation is ``dangqun print booking_slip --id NO``).
``export-stats`` writes the workbook of :mod:`dangqun.bases.export` (owner-only) and, with
``--out``, the same figures on paper, so the two always agree. Exit codes: 0 done; 1 refused
(an unknown booking or base, dates the wrong way round, a file that cannot be written), with the
reason in Chinese.
"""

from __future__ import annotations

import argparse
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dangqun.cli_kit import EXIT_OK, CliKit
from dangqun.core.errors import ValidationError
from dangqun.printing.cli_commands import print_record_to

if TYPE_CHECKING:
    pass

GRANULARITY_WORDS = {"月": "month", "季": "quarter", "年": "year"}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写作 2026-11-30") from None


def add_document_commands(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """Register the printing and export sub-commands on ``dangqun bases``'s sub-parsers."""
    sheet = actions.add_parser(
        "sign-in-sheet",
        help="打印预约的签到表（活动前打印，按预计人数留足空行）",
        description="序号、姓名、单位、联系电话、签名，行数为预计人数再加一成（至少 3 行）；"
        "表头写明预约编号、来访组织、日期、时间和活动室。",
    )
    sheet.add_argument("number", metavar="NO", help="预约编号，如 YY-2026-000001")
    sheet.add_argument("--out", required=True, help="输出的 PDF 文件")
    sheet.set_defaults(handler=partial(command_sign_in_sheet, kit=kit))

    brochure = actions.add_parser(
        "brochure", help="打印阵地的特色菜单（简介、地址、开放时间、每项活动和讲师）"
    )
    brochure.add_argument("base", type=int, metavar="ID", help="阵地编号（bases list 列出）")
    brochure.add_argument("--out", required=True, help="输出的 PDF 文件")
    brochure.set_defaults(handler=partial(command_brochure, kit=kit))

    export = actions.add_parser(
        "export-stats",
        help="把批次、人次统计导出为 Excel（每种分类一个工作表），可同时打印",
        description="只统计实际签到（已签到、已完成）的预约，人次为实到人数。文件只有本账户可读。",
    )
    export.add_argument("--from", dest="start", required=True, type=_date, metavar="D")
    export.add_argument("--to", dest="end", required=True, type=_date, metavar="D")
    export.add_argument("--base", type=int, metavar="ID", help="只统计一个阵地")
    export.add_argument(
        "--by", choices=tuple(GRANULARITY_WORDS), default="月", help="按月（默认）、季或年分列"
    )
    export.add_argument("--xlsx", required=True, metavar="F", help="输出的 Excel 文件（.xlsx）")
    export.add_argument("--out", metavar="PDF", help="同时打印统计到这个 PDF 文件")
    export.set_defaults(handler=partial(command_export_stats, kit=kit))


def command_sign_in_sheet(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bases.documents.sign_in_sheet import KIND

    with kit.initialized(arguments) as application:
        print_record_to(application, kit.actor(), KIND, arguments.number, Path(arguments.out))
    return EXIT_OK


def command_brochure(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bases.documents.menu_brochure import KIND

    with kit.initialized(arguments) as application:
        print_record_to(application, kit.actor(), KIND, str(arguments.base), Path(arguments.out))
    return EXIT_OK


def command_export_stats(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bases.documents.statistics_report import (
        KIND,
        StatisticsKey,
        period_text,
        statistics_id,
        summary_sentence,
    )
    from dangqun.bases.export import export_statistics
    from dangqun.bases.service import Granularity, get_base, statistics

    if arguments.end < arguments.start:
        raise ValidationError.single("to", "--to 的日期早于 --from")
    granularity = Granularity(GRANULARITY_WORDS[arguments.by])
    with kit.initialized(arguments) as application:
        actor = kit.actor()
        database = application.database
        scope = "各开放式组织生活基地"
        if arguments.base is not None:
            scope = get_base(database, actor, arguments.base).name
        result = statistics(
            database,
            actor,
            arguments.start,
            arguments.end,
            base_id=arguments.base,
            granularity=granularity,
        )
        path = export_statistics(Path(arguments.xlsx), result, scope, granularity)
        period = period_text(arguments.start, arguments.end)
        print(summary_sentence(period, result.visits, result.people))
        print(f"已导出：{path}")
        if arguments.out:
            key = StatisticsKey(arguments.base, arguments.start, arguments.end, granularity)
            print_record_to(application, actor, KIND, statistics_id(key), Path(arguments.out))
    return EXIT_OK
