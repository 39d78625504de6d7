"""``dangqun minutes list | compliance | sign-in-sheet``: the meetings, the schedule and the
paper of 三会一课 from the command line (issue 15, "Prints", "Compliance calendar").

``list`` shows the meetings newest first with the IDs the print commands take.

``compliance`` prints the yearly table of one branch or group — or of every branch and group,
without ``--branch`` — as :mod:`dangqun.minutes.documents.compliance_table` lays it out (the
same cells, so terminal and paper agree), ``--json`` for scripts, ``--out`` for the PDF.
``sign-in-sheet`` prints a meeting's 签到表 through the same loader and register as ``dangqun
print minutes_sign_in --id ID`` (the formal record is ``dangqun print minutes --id ID``).
Exit codes: 0 done; 1 refused (a year outside 1901–2999, an unknown branch or meeting, a file
that cannot be written), with the reason in Chinese.
"""

from __future__ import annotations

import argparse
import json
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dangqun.cli_kit import EXIT_OK, CliKit, check_writable_output
from dangqun.core.errors import ValidationError
from dangqun.printing.cli_commands import print_record_to

if TYPE_CHECKING:
    from dangqun.bootstrap import Application
    from dangqun.core.security import Actor
    from dangqun.minutes.documents.compliance_table import ComplianceSheetData

LEVELS_WITH_A_SCHEDULE = ("grid_branch", "building_group")


def add_document_commands(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """Register ``list``, ``compliance`` and ``sign-in-sheet`` on ``dangqun minutes``'s
    sub-parsers."""
    compliance = actions.add_parser(
        "compliance",
        help="三会一课落实情况：按月份和会议类型列出召开次数，标出逾期未开",
        description="网格党支部按规定周期召开支部党员大会、支部委员会、党小组会、党课、主题党日、"
        "组织生活会和民主评议党员；楼栋党小组每月召开党小组会。数字为当月召开次数，"
        "“逾期”为规定周期已过仍未召开，“待开”为本期尚未召开。",
    )
    compliance.add_argument("--year", required=True, metavar="Y", help="年份，如 2026")
    compliance.add_argument(
        "--branch", metavar="ID", help="只列一个党支部或党小组（党组织编号）；不写则列出全部"
    )
    compliance.add_argument("--json", action="store_true", help="以 JSON 输出")
    compliance.add_argument(
        "--out", metavar="PDF", help="同时打印到这个 PDF 文件（须指定 --branch）"
    )
    compliance.set_defaults(handler=partial(command_compliance, kit=kit))

    listing = actions.add_parser(
        "list",
        help="列出会议记录（编号、日期、类型、党组织、议题、应到/实到、状态），新的在前",
        description="会议记录编号用于 print minutes --id、minutes sign-in-sheet --id。",
    )
    listing.add_argument("--year", metavar="Y", help="只列这一年")
    listing.add_argument(
        "--branch", metavar="ID", help="只列这个党组织（含下级党小组）的会议（党组织编号）"
    )
    listing.add_argument("--type", dest="meeting_type", metavar="TYPE", help="会议类型，如 党课")
    listing.add_argument("--limit", default="200", metavar="N", help="最多列出多少条，默认 200")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=partial(command_list, kit=kit))

    sheet = actions.add_parser(
        "sign-in-sheet",
        help="打印会议的签到表（会前打印：当日应到名单，签名栏留空）",
        description="名单为会议记录已登记的出席名单；尚未登记时为会议日期该党组织的应到名单。",
    )
    sheet.add_argument("--id", required=True, dest="meeting", metavar="ID", help="会议记录编号")
    sheet.add_argument("--out", required=True, help="输出的 PDF 文件")
    sheet.set_defaults(handler=partial(command_sign_in_sheet, kit=kit))


def _whole_number(text: str | None, field: str, label: str) -> int | None:
    if text is None:
        return None
    if not text.strip().isdigit():
        raise ValidationError.single(field, f"{label}应是数字，而不是“{text}”")
    return int(text)


def _organizations(application: Application, actor: Actor) -> list[int]:
    """Every branch and group, in the tree's order (the ones with a statutory schedule)."""
    from dangqun.core.security import Permission
    from dangqun.members.organizations import organization_tree

    actor.require(Permission.VIEW)
    return [
        node.id
        for node in organization_tree(application.database)
        if node.level.value in LEVELS_WITH_A_SCHEDULE
    ]


def command_list(arguments: argparse.Namespace, kit: CliKit) -> int:
    """The meetings newest first, so a script or district IT finds the ID ``print minutes``
    takes (the page shows the same list)."""
    from dangqun.minutes import service
    from dangqun.minutes.vocabulary import (
        MEETING_STATUS_LABELS,
        MEETING_TYPE_LABELS,
        MeetingStatus,
        MeetingType,
        meeting_type_named,
    )

    year = _whole_number(arguments.year, "year", "--year 年份")
    branch = _whole_number(arguments.branch, "branch", "--branch 党组织编号")
    limit = _whole_number(arguments.limit, "limit", "--limit 条数")
    if year is not None and not 1900 < year < 3000:
        raise ValidationError.single("year", f"--year 年份“{arguments.year}”不正确")
    if not limit:
        raise ValidationError.single("limit", "--limit 条数至少为 1")
    meeting_type = None
    if arguments.meeting_type is not None:
        meeting_type = meeting_type_named(arguments.meeting_type)
        if meeting_type is None:
            names = "、".join(MEETING_TYPE_LABELS.values())
            raise ValidationError.single(
                "meeting_type", f"--type 会议类型“{arguments.meeting_type}”不认识（可用：{names}）"
            )
    with kit.initialized(arguments) as application:
        meetings = service.list_meetings(
            application.database,
            kit.actor(),
            organization_id=branch,
            year=year,
            meeting_type=meeting_type,
            limit=limit,
        )
    rows = [
        {
            "id": meeting.id,
            "date": meeting.on_date.isoformat(),
            "time": f"{meeting.start_minute // 60:02d}:{meeting.start_minute % 60:02d}",
            "type": MEETING_TYPE_LABELS[MeetingType(meeting.meeting_type)],
            "organization": meeting.organization_name,
            "topic": meeting.topic or meeting.title or "",
            "should_attend": meeting.should_attend,
            "present": meeting.present,
            "status": MEETING_STATUS_LABELS[MeetingStatus(meeting.status)],
        }
        for meeting in meetings
    ]
    if arguments.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("没有符合条件的会议记录。")
    for row in rows:
        print(
            f"{row['id']:>6}  {row['date']} {row['time']}  {row['type']}  {row['organization']}"
            f"  {row['topic']}  应到 {row['should_attend']} 实到 {row['present']}  {row['status']}"
        )
    return EXIT_OK


def command_compliance(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.core.clock import local_today
    from dangqun.minutes import service
    from dangqun.minutes.documents.compliance_table import KIND, sheet_of

    year = _whole_number(arguments.year, "year", "--year 年份")
    branch = _whole_number(arguments.branch, "branch", "--branch 党组织编号")
    assert year is not None
    if not 1900 < year < 3000:
        raise ValidationError.single("year", f"--year 年份“{arguments.year}”不正确")
    if arguments.out and branch is None:
        raise ValidationError.single("out", "--out 打印一个党组织的表，请同时指定 --branch")
    if arguments.out:
        check_writable_output(Path(arguments.out), "--out")
    today = local_today()
    with kit.initialized(arguments) as application:
        actor = kit.actor()
        chosen = [branch] if branch is not None else _organizations(application, actor)
        sheets = []
        for organization in chosen:
            table = service.compliance_table(
                application.database, actor, organization, year, today=today
            )
            sheets.append((organization, sheet_of(table, today)))
        if arguments.json:
            print(json.dumps([_as_json(i, s) for i, s in sheets], ensure_ascii=False, indent=2))
        else:
            for organization, sheet in sheets:
                _print_sheet(organization, sheet)
        if arguments.out:
            print_record_to(application, actor, KIND, f"{branch}/{year}", Path(arguments.out))
    return EXIT_OK


def _as_json(organization: int, sheet: ComplianceSheetData) -> dict[str, object]:
    return {
        "organization_id": organization,
        "organization": sheet.organization,
        "year": sheet.year,
        "columns": ["月份", *sheet.columns],
        "rows": [list(row) for row in sheet.rows],
        "overdue": list(sheet.overdue),
    }


def _print_sheet(organization: int, sheet: ComplianceSheetData) -> None:
    """A fixed-width table: each column as wide as its header (CJK characters count two)."""

    def width(text: str) -> int:
        return sum(2 if ord(character) > 0x2E7F else 1 for character in text)

    def cell(text: str, size: int) -> str:
        return text + " " * (size - width(text))

    headers = ["月份", *sheet.columns]
    sizes = [max(width(h), 6) for h in headers]
    print(f"{sheet.organization}（编号 {organization}）{sheet.year}年三会一课落实情况")
    print("  ".join(cell(h, s) for h, s in zip(headers, sizes, strict=True)).rstrip())
    for row in sheet.rows:
        print("  ".join(cell(c or "·", s) for c, s in zip(row, sizes, strict=True)).rstrip())
    if sheet.overdue:
        print("逾期未开：" + "；".join(sheet.overdue))
    else:
        print("本年度没有逾期未开的会议。")
    print()


def command_sign_in_sheet(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.minutes.documents.sign_in_sheet import KIND

    with kit.initialized(arguments) as application:
        print_record_to(application, kit.actor(), KIND, arguments.meeting, Path(arguments.out))
    return EXIT_OK
