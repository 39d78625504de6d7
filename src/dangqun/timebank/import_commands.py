"""``dangqun timebank import-services FILE.xlsx``: a sign-in sheet into service records (issue 13).

Registered by :func:`dangqun.timebank.cli_commands.add_commands`. The same story as ``members
import`` (:mod:`dangqun.members.cli_commands`): every row is checked first; with an invalid row
nothing is written unless ``--skip-invalid``; ``--dry-run`` writes nothing and counts what the
valid rows would do; ``--report R.json`` keeps every finding (written owner-only, its folder
checked before anything is imported); ``--json`` prints the report instead of sentences.
Exit codes: 0 every row imported (or 已导入过); 3 some rows invalid (with ``--skip-invalid`` the
others were imported), so a script notices; 1 refused — not a sign-in sheet, no permission —
printed in Chinese.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dangqun.cli_kit import (
    EXIT_OK,
    EXIT_SOME_INVALID,
    CliKit,
    check_writable_output,
    write_report,
)

if TYPE_CHECKING:
    from dangqun.timebank.service import ServiceImportReport

SHOWN_PROBLEMS = 30


def add_import_command(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """``timebank import-services`` on the ``timebank`` group's sub-parsers."""
    importing = actions.add_parser(
        "import-services",
        help="从 Excel 签到表导入服务记录（先检查每一行；有错误时默认一行也不导入）",
        description="列：姓名、公民身份号码或志愿者编号、服务日期、开始时间、结束时间、服务类别、"
        "服务对象、服务内容、登记单号（可选），顺序不限。导入的记录为“待核实”；同一张签到表再导入"
        "不会重复登记。退出码：0 全部有效；3 有无效行（用 --skip-invalid 时其余行已导入）；1 失败。",
    )
    importing.add_argument("file", help="签到表文件（.xlsx）")
    importing.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    importing.add_argument(
        "--skip-invalid", action="store_true", help="导入有效的行，跳过有错误的行"
    )
    importing.add_argument(
        "--open-accounts",
        action="store_true",
        help="为未开户的人开立时间银行账户（党员按党员开户，其他人按居民以表中姓名和身份号码开户）",
    )
    importing.add_argument("--report", help="把检查结果写入 JSON 文件")
    importing.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    importing.set_defaults(handler=partial(command_import_services, kit=kit))


def command_import_services(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.core.errors import DangqunError
    from dangqun.timebank.service import ImportMode, SheetError, import_services

    report_path = Path(arguments.report) if arguments.report else None
    if report_path is not None:
        check_writable_output(report_path, "--report")
    with kit.initialized(arguments) as application:
        try:
            report = import_services(
                application.database,
                kit.actor(),
                Path(arguments.file),
                ImportMode.VALID_ROWS if arguments.skip_invalid else ImportMode.NOTHING_IF_INVALID,
                open_accounts=arguments.open_accounts,
                dry_run=arguments.dry_run,
            )
        except SheetError as error:
            raise DangqunError(error.message) from None
    if arguments.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    if report_path is not None:
        write_report(report_path, report.as_json())
    return EXIT_OK if report.all_valid else EXIT_SOME_INVALID


def _print_report(report: ServiceImportReport) -> None:
    """The outcome in words, then each problem on stderr (as ``members import`` prints them)."""
    action = "检查" if report.dry_run else "导入"
    print(
        f"{action}“{report.file_name}”（工作表“{report.sheet_name}”，表头在第 "
        f"{report.header_row} 行）：共 {report.total} 行，有效 {report.valid} 行，"
        f"无效 {report.invalid_rows} 行。"
    )
    _print_outcome(report)
    if report.opened_accounts:
        verb = "将开户" if not report.written else "已开户"
        print(f"{verb}：{'、'.join(report.opened_accounts)}")
    if report.ignored_columns:
        print(f"未使用的列：{'、'.join(report.ignored_columns)}")
    for problem in report.invalid[:SHOWN_PROBLEMS]:
        value = f"“{problem.value}”" if problem.value else "（空）"
        print(f"  第 {problem.row} 行 {problem.column} {value}：{problem.reason}", file=sys.stderr)
    if len(report.invalid) > SHOWN_PROBLEMS:
        print(f"  ……共 {len(report.invalid)} 个问题，完整列表请用 --report", file=sys.stderr)


def _print_outcome(report: ServiceImportReport) -> None:
    from dangqun.timebank.service import ImportMode, hours_in_words

    def counts(prefix: str) -> str:
        text = (
            f"{prefix}登记 {report.imported} 条服务记录（{hours_in_words(report.minutes)}，待核实）"
        )
        if report.already_imported:
            text += f"，{report.already_imported} 行已导入过（不重复登记）"
        return text

    if report.total == 0:
        print("签到表的表头下面没有服务记录。")
        return
    refused = not report.all_valid and report.mode is ImportMode.NOTHING_IF_INVALID
    if report.valid == 0:
        print("没有一行有效，没有可导入的数据；请按下面列出的问题改正后重新导入。")
    elif report.written or (report.imported == 0 and not refused):
        print(f"{counts('已' if report.written else '将')}。")
    elif report.dry_run and not refused:
        print(f"{counts('将')}。")
    elif report.dry_run:
        print(
            f"有无效行：照现在这样导入将不写入任何数据。若用 --skip-invalid 只导入有效的 "
            f"{report.valid} 行，{counts('将')}。"
        )
    else:
        print(
            f"有无效行，没有导入任何数据（可改正后重新导入，或用 --skip-invalid 只导入有效的 "
            f"{report.valid} 行）。"
        )
