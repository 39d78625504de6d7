"""``dangqun timebank statement | close-month | certificate | service-report``: the time bank on
paper from the command line (issue 13, "CLI", "Statements", "Certificates").

Each command prints through the same loaders, register and masking as ``dangqun print KIND --id
ID`` (:mod:`dangqun.printing.service`), with the ids written one canonical way
(:mod:`dangqun.timebank.documents.record_ids`) so a re-print is the same registered paper.
Exit codes: 0 done; 1 refused (an unknown volunteer, a month already closed, no verified service
to certify, no permission), with the reason in Chinese.
"""

from __future__ import annotations

import argparse
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dangqun.cli_kit import EXIT_OK, CliKit
from dangqun.core.errors import ValidationError
from dangqun.printing.cli_commands import print_record_to, warn_missing_characters

if TYPE_CHECKING:
    from dangqun.core.db import Database
    from dangqun.core.security import Actor


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写作 2026-11-30") from None


def add_document_commands(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """Register the printing sub-commands on ``dangqun timebank``'s sub-parsers."""
    statement = actions.add_parser(
        "statement",
        help="打印一名志愿者一段期间的存折（对账单，大字）",
        description="期初余额、每笔收支（日期、类型、摘要、存入、支出、余额）、期末余额，"
        "以及已服务、可用、待核实时长，四号大字，方便老年人阅读。",
    )
    statement.add_argument("--volunteer", required=True, metavar="NO", help="志愿者编号")
    statement.add_argument("--from", dest="start", required=True, type=_date, metavar="D")
    statement.add_argument("--to", dest="end", required=True, type=_date, metavar="D")
    statement.add_argument("--out", required=True, help="输出的 PDF 文件")
    statement.set_defaults(handler=partial(command_statement, kit=kit))

    closing = actions.add_parser(
        "close-month",
        help="月末结账（每月一次），并可打印本月账簿存档",
        description="为月末的每个账户记下余额和已服务时长。一个月只能结账一次，再次结账会被拒绝；"
        "结账后不能再向该月记账。--out 同时打印本月账簿（已结账的月份也可以用 dangqun print "
        "time_ledger --id YYYY-MM 重新打印）。",
    )
    closing.add_argument("month", metavar="YYYY-MM", help="要结账的月份，如 2026-11")
    closing.add_argument("--out", help="同时打印本月账簿到这个 PDF 文件")
    closing.set_defaults(handler=partial(command_close_month, kit=kit))

    certificate = actions.add_parser(
        "certificate",
        help="出具志愿服务证明（记入文书登记簿，带核验码）",
        description="按《志愿服务记录与证明出具办法（试行）》出具志愿服务证明：服务时长只计已核实的"
        "服务。同一证明重印时编号和核验码不变；作废后再打印将以新编号出具。--activity 为一次活动"
        "的每位志愿者各出具一份，合成一个 PDF。",
    )
    whom = certificate.add_mutually_exclusive_group(required=True)
    whom.add_argument("--volunteer", metavar="NO", help="志愿者编号")
    whom.add_argument("--activity", metavar="BATCH", help="活动（批量登记）的批次编号")
    certificate.add_argument("--from", dest="start", type=_date, metavar="D")
    certificate.add_argument("--to", dest="end", type=_date, metavar="D")
    certificate.add_argument("--out", required=True, help="输出的 PDF 文件")
    certificate.set_defaults(handler=partial(command_certificate, kit=kit))

    report = actions.add_parser(
        "service-report",
        help="在职党员社区服务情况报告（双报告），报原单位党组织",
        description="一名到社区报到的在职党员在一段期间内已核实的社区志愿服务，写给其原单位党组织。",
    )
    report.add_argument("--volunteer", required=True, metavar="NO", help="志愿者编号")
    report.add_argument("--from", dest="start", required=True, type=_date, metavar="D")
    report.add_argument("--to", dest="end", required=True, type=_date, metavar="D")
    report.add_argument("--out", required=True, help="输出的 PDF 文件")
    report.set_defaults(handler=partial(command_service_report, kit=kit))


def _print_one(arguments: argparse.Namespace, kit: CliKit, kind: str, record_id: str) -> int:
    """``dangqun print KIND --id record_id --out …`` with this command's sign-in."""
    with kit.initialized(arguments) as application:
        print_record_to(
            application,
            kit.actor(),
            kind,
            record_id,
            Path(arguments.out),
            full_personal_data=arguments.full_personal_data,
        )
    return EXIT_OK


def _period(arguments: argparse.Namespace) -> None:
    if arguments.end < arguments.start:
        raise ValidationError.single("to", "--to 的日期早于 --from")


def command_statement(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.timebank.documents.record_ids import volunteer_period_id
    from dangqun.timebank.documents.time_statement import KIND

    _period(arguments)
    record_id = volunteer_period_id(arguments.volunteer, arguments.start, arguments.end)
    return _print_one(arguments, kit, KIND, record_id)


def command_service_report(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.timebank.documents.record_ids import volunteer_period_id
    from dangqun.timebank.documents.service_report import KIND

    _period(arguments)
    record_id = volunteer_period_id(arguments.volunteer, arguments.start, arguments.end)
    return _print_one(arguments, kit, KIND, record_id)


def command_close_month(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.timebank.documents.month_ledger import KIND
    from dangqun.timebank.service import close_month

    with kit.initialized(arguments) as application:
        actor = kit.actor()
        result = close_month(application.database, actor, arguments.month)
        print(
            f"{result.month} 已结账：{result.accounts} 个账户，余额合计 {result.total} 分钟"
            "（借贷相等时为 0）。"
        )
        if arguments.out:
            print_record_to(
                application,
                actor,
                KIND,
                result.month,
                Path(arguments.out),
                full_personal_data=arguments.full_personal_data,
            )
    return EXIT_OK


def command_certificate(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.printing.batch import terminal_page_progress
    from dangqun.printing.service import print_context_for
    from dangqun.timebank.documents.record_ids import volunteer_period_id
    from dangqun.timebank.documents.volunteer_certificate import (
        activity_certificate_ids,
        print_certificates,
    )

    if (arguments.start is None) != (arguments.end is None):
        raise ValidationError.single("from", "--from 和 --to 要同时给出（不给则为全部服务）")
    if arguments.start is not None:
        if arguments.activity:
            raise ValidationError.single(
                "from", "--activity 出具的是这次活动的证明，不用 --from/--to"
            )
        _period(arguments)
    output = Path(arguments.out)
    with kit.initialized(arguments) as application, terminal_page_progress():
        actor = kit.actor()
        database = application.database
        if arguments.activity:
            record_ids = activity_certificate_ids(database, actor, arguments.activity)
        else:
            record_ids = [volunteer_period_id(arguments.volunteer, arguments.start, arguments.end)]
        context = print_context_for(
            database,
            application.paths.keys,
            actor,
            full_personal_data=arguments.full_personal_data,
        )
        summary = print_certificates(database, actor, context, record_ids, output)
        numbers = _registered_numbers(database, actor, record_ids)
    print(f"已生成：{output}（{summary.documents} 份，{summary.pages} 页）")
    for number, check_code, subject in numbers:
        print(f"  {number}  {subject}  核验码 {check_code}")
    warn_missing_characters(summary.missing_characters)
    return EXIT_OK


def _registered_numbers(
    database: Database, actor: Actor, record_ids: list[str]
) -> list[tuple[str, str, str]]:
    """(number, printed check code, subject) of the certificates in force for ``record_ids``."""
    from dangqun.printing.register import list_documents
    from dangqun.timebank.documents.volunteer_certificate import KIND

    wanted = set(record_ids)
    return [
        (entry.number, entry.check_code, entry.subject)
        for entry in reversed(list_documents(database, actor, KIND))
        if entry.subject_key in wanted and not entry.voided
    ]
