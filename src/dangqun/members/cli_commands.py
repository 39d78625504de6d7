"""``dangqun members import|export|template|search``: the members feature's commands.

Declared in ``members/feature.py``; :mod:`dangqun.cli` calls :func:`add_commands` with the
shared :class:`~dangqun.cli_kit.CliKit`, which opens the data directory like every command
(lock, checks, migrations) and names the actor. Handlers return an exit code: 0 done; 3 the
roster had invalid rows (``--skip-invalid`` imports the valid ones and still returns 3, so a
script notices); 1 refused (raised as :class:`DangqunError`, which the CLI prints in Chinese).
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
    from dangqun.members.importer import ImportReport

SHOWN_PROBLEMS = 30


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """Register ``members`` and its sub-commands on the CLI's ``add_subparsers()`` object."""
    members = commands.add_parser("members", help="党员花名册：导入、导出、模板、查找")
    actions = members.add_subparsers(dest="members_command", metavar="操作", required=True)

    importing = actions.add_parser(
        "import",
        help="从 Excel 花名册导入党员（先检查每一行；有错误时默认一行也不导入）",
        description="退出码：0 全部有效；3 有无效行（用 --skip-invalid 时其余行已导入）；1 失败。",
    )
    importing.add_argument("file", help="花名册文件（.xlsx）")
    importing.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    importing.add_argument(
        "--skip-invalid", action="store_true", help="导入有效的行，跳过有错误的行"
    )
    importing.add_argument(
        "--create-branches",
        action="store_true",
        help="花名册中不存在的党支部自动建立（建在社区党组织之下）",
    )
    importing.add_argument("--report", help="把检查结果写入 JSON 文件")
    importing.set_defaults(handler=partial(command_import, kit=kit))

    exporting = actions.add_parser("export", help="把党员名单导出为 Excel（按权限遮盖个人信息）")
    exporting.add_argument("file", help="输出的 .xlsx 文件")
    exporting.add_argument("--search", default="", help="只导出符合查找条件的党员")
    exporting.add_argument(
        "--in-register", action="store_true", help="只导出党籍状态为“在册”的党员"
    )
    exporting.set_defaults(handler=partial(command_export, kit=kit))

    template = actions.add_parser("template", help="生成空白的导入模板（.xlsx）")
    template.add_argument("file", help="输出的 .xlsx 文件")
    template.set_defaults(handler=command_template)

    searching = actions.add_parser(
        "search", help="查找党员：姓名、拼音首字母、全拼、电话、身份证号后几位，简繁体均可"
    )
    searching.add_argument("query", help="查找内容，如 张三丰、zsf、zhangsanfeng、5678")
    searching.add_argument("--json", action="store_true", help="以 JSON 输出")
    searching.add_argument("--limit", type=int, default=50, help="最多列出多少人（默认 50）")
    searching.set_defaults(handler=partial(command_search, kit=kit))


def _print_report(report: ImportReport) -> None:
    """The outcome in words, then each problem on stderr.

    Issue 11: a dry run's counts are those of importing the valid rows, and it says so when the
    same command without ``--dry-run`` would write nothing; ``--skip-invalid`` is suggested only
    when there are valid rows to import; unknown branches name ``--create-branches``.
    """
    action = "检查" if report.dry_run else "导入"
    print(
        f"{action}“{report.file_name}”（工作表“{report.sheet_name}”，表头在第 "
        f"{report.header_row} 行）：共 {report.total} 行，有效 {report.valid} 行，"
        f"无效 {report.invalid_rows} 行。"
    )
    for note in report.notes:
        print(f"说明：{note}")
    _print_outcome(report)
    if report.created_branches:
        print(f"{'将' if report.dry_run else '已'}建立党支部：{'、'.join(report.created_branches)}")
    if report.missing_branches:
        print(
            f"这些党支部还不存在：{'、'.join(report.missing_branches)}（{report.rows_waiting_for_branches}"
            " 行只因此无效）。名称无误的话，加 --create-branches 重新运行，导入时会在社区党组织下"
            "建立它们。"
        )
    if report.ignored_columns:
        print(f"未使用的列：{'、'.join(report.ignored_columns)}")
    for problem in report.invalid[:SHOWN_PROBLEMS]:
        value = f"“{problem.value}”" if problem.value else "（空）"
        print(f"  第 {problem.row} 行 {problem.column} {value}：{problem.reason}", file=sys.stderr)
    if len(report.invalid) > SHOWN_PROBLEMS:
        print(f"  ……共 {len(report.invalid)} 个问题，完整列表请用 --report", file=sys.stderr)


def _print_outcome(report: ImportReport) -> None:
    """What was (or would be) written, and what to do about invalid rows."""
    from dangqun.members.importer import ImportMode

    def counts(prefix: str) -> str:
        return (
            f"{prefix}新增 {report.imported} 人，{prefix}更新 {report.updated} 人，"
            f"{report.unchanged} 人无变化"
        )

    if report.total == 0:
        return
    refused = not report.all_valid and report.mode is ImportMode.NOTHING_IF_INVALID
    if report.valid == 0:
        print("没有一行有效，没有可导入的数据；请按下面列出的问题改正后重新导入。")
    elif report.written:
        print(f"{counts('已')}。")
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


def command_import(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.members.importer import ImportMode, import_roster

    report_path = Path(arguments.report) if arguments.report else None
    if report_path is not None:
        check_writable_output(report_path, "--report")
    with kit.initialized(arguments) as application:
        report = import_roster(
            application.database,
            kit.actor(),
            Path(arguments.file),
            ImportMode.VALID_ROWS if arguments.skip_invalid else ImportMode.NOTHING_IF_INVALID,
            create_branches=arguments.create_branches,
            dry_run=arguments.dry_run,
        )
    _print_report(report)
    if report_path is not None:
        write_report(report_path, report.as_json())
    return EXIT_OK if report.all_valid else EXIT_SOME_INVALID


def command_export(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.members.exporter import export_members
    from dangqun.members.search import MemberQuery
    from dangqun.members.vocabulary import MemberStatus

    query = MemberQuery(
        text=arguments.search,
        statuses=frozenset({MemberStatus.ACTIVE}) if arguments.in_register else frozenset(),
    )
    with kit.initialized(arguments) as application:
        result = export_members(application.database, kit.actor(), query, Path(arguments.file))
    masked = (
        "（个人信息已遮盖）"
        if result.personal_data_masked
        else "（含完整个人信息，已记入操作日志）"
    )
    print(f"已导出 {result.rows} 名党员到：{result.path}{masked}")
    return EXIT_OK


def command_template(arguments: argparse.Namespace) -> int:
    """Needs no data directory: the template is the same for every center."""
    from dangqun.members.exporter import write_import_template

    path = write_import_template(Path(arguments.file))
    print(f"已生成导入模板：{path}")
    return EXIT_OK


def command_search(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.core.privacy import can_see_personal_data, shown_birth_date
    from dangqun.members.search import MemberQuery, search_members

    with kit.initialized(arguments) as application:
        actor = kit.actor()
        page = search_members(
            application.database,
            actor,
            MemberQuery(text=arguments.query),
            limit=max(1, arguments.limit),
        )
    full = can_see_personal_data(actor)
    rows = [
        {
            "id": row.id,
            "name": row.name,
            "gender": row.gender_label,
            "birth_date": shown_birth_date(row.birth_date, full),
            "id_number": row.id_number,
            "phone": row.phone,
            "branch": row.organization_name,
            "kind": row.kind_label,
            "category": row.category_label,
            "status": row.status_label,
            "joined_on": row.joined_on.isoformat(),
        }
        for row in page.rows
    ]
    if arguments.json:
        print(json.dumps({"total": page.total, "rows": rows}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print(page.hint or f"没有找到与“{arguments.query}”相符的党员。")
        return EXIT_OK
    shown = f"，列出前 {len(rows)} 名" if page.total > len(rows) else ""
    print(f"找到 {page.total} 名党员{shown}：")
    for row in rows:
        print(
            f"  {row['id']:>7}  {row['name']}\t{row['gender']}  {row['birth_date']}  "
            f"{row['id_number']}  {row['phone']}  {row['branch']}  {row['kind']}  "
            f"{row['category']}  {row['status']}"
        )
    return EXIT_OK
