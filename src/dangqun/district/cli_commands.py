"""``dangqun district …``: the district's command line (issue 16).

These commands open the district database ``--db`` names, never a center's data directory, so
they take no center sign-in (``--user``): the audit of the district names the operating-system
account and computer (and the PostgreSQL role) — see :mod:`dangqun.district.database`. Exit
codes as everywhere (:mod:`dangqun.cli_kit`): 0 done, 1 refused or failed, 2 bad usage,
3 an import in which some package or row was rejected (so a script notices).

Registered by :mod:`dangqun.cli` directly rather than as a feature: the district is no module of
the center's application (no tables in the center's schema, no pages, no demo data), and it uses
the sync package library (:mod:`dangqun.sync.package`), which a feature may not import from
another feature.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dangqun.cli_kit import CliKit

DB_HELP = "区级数据库：SQLite 文件路径，或 postgresql+psycopg://用户:密码@主机/库名"
KEYS_HELP = (
    "区级私钥所在的文件夹（默认：SQLite 数据库旁边的 keys 文件夹；PostgreSQL 时为系统的用户数据目录下"
    " dangqun-district/主机-端口-库名/keys）"
)


def add_commands(
    commands: Any,
    kit: CliKit,
    workbench: Callable[[argparse.Namespace], int] | None = None,
) -> None:
    """``workbench`` starts ``district gui`` (issue 17): given by :mod:`dangqun.cli`, since
    this package may not import the UI."""
    district = commands.add_parser("district", help="区级：汇总各服务中心上报的数据包")
    sub = district.add_subparsers(dest="district_command", metavar="子命令", required=True)

    init = sub.add_parser("init", help="建立区级数据库和区级密钥，输出交给各中心的公钥文件")
    init.add_argument("--db", required=True, help=DB_HELP)
    init.add_argument("--name", required=True, help="区级单位名称（如 五华区委组织部）")
    init.add_argument("--out", required=True, help="写出区级公钥文件的文件夹")
    init.add_argument("--keys", help=KEYS_HELP)
    init.add_argument(
        "--admin",
        metavar="用户名",
        help="同时建立第一个区级管理员（密码用 --password-stdin 从标准输入提供）",
    )
    init.add_argument("--admin-name", metavar="姓名", help="管理员的姓名（默认同用户名）")
    init.set_defaults(handler=partial(command_init, kit=kit))

    register = sub.add_parser("register-center", help="登记一个服务中心的公钥（信任它的数据包）")
    register.add_argument("--db", required=True, help=DB_HELP)
    register.add_argument(
        "public_key_file", metavar="公钥文件", help="中心 sync keys --show 给出的文件"
    )
    register.set_defaults(handler=partial(command_register_center, kit=kit))

    load = sub.add_parser("import", help="导入数据包（文件夹：按中心和序号依次导入，可中断后续传）")
    load.add_argument("--db", required=True, help=DB_HELP)
    load.add_argument("paths", nargs="+", metavar="数据包或文件夹")
    load.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    load.add_argument("--report", metavar="R.json", help="把导入结果写成 JSON 文件")
    load.add_argument("--receipt-out", metavar="DIR", help="为每个中心写出签名回执的文件夹")
    load.add_argument("--keys", help=KEYS_HELP)
    load.set_defaults(handler=partial(command_import, kit=kit))

    state = sub.add_parser("status", help="各中心的最新数据包和缺号")
    state.add_argument("--db", required=True, help=DB_HELP)
    state.add_argument("--json", action="store_true", help="以 JSON 输出")
    state.set_defaults(handler=partial(command_status, kit=kit))

    report = sub.add_parser("report", help="统计报表（PDF 或 Excel）：按月、季度或年，分中心和合计")
    report.add_argument("--db", required=True, help=DB_HELP)
    report.add_argument(
        "--period", required=True, help="统计期：月份 2026-07、季度 2026-Q3 或年份 2026"
    )
    report.add_argument(
        "--out", required=True, metavar="R.pdf|R.xlsx", help="报表文件（.pdf 或 .xlsx）"
    )
    report.add_argument("--json", action="store_true", help="同时把各项数字以 JSON 输出")
    report.set_defaults(handler=partial(command_report, kit=kit))

    backup = sub.add_parser(
        "backup", help="备份区级数据库（SQLite：复制文件；PostgreSQL：运行 pg_dump）"
    )
    backup.add_argument("--db", required=True, help=DB_HELP)
    backup.add_argument("--out", required=True, metavar="DIR", help="备份文件写入的文件夹")
    backup.set_defaults(handler=partial(command_backup, kit=kit))

    add_check_and_send_commands(sub, kit)

    if workbench is not None:
        gui = sub.add_parser("gui", help="打开区级工作台（图形界面）")
        gui.add_argument("--db", required=True, help=DB_HELP)
        gui.set_defaults(handler=workbench)


def _keys(arguments: argparse.Namespace) -> Path | None:
    return Path(arguments.keys) if arguments.keys else None


def command_init(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.cli_kit import EXIT_OK
    from dangqun.district import service
    from dangqun.sync.crypto import grouped_fingerprint

    admin = _first_administrator(arguments)
    db = service.open_district(arguments.db, create=True)
    try:
        setup = service.init_district(db, arguments.name, Path(arguments.out), _keys(arguments))
        if admin is not None:
            from dangqun.district import users

            users.create_first_administrator(db, *admin)
    finally:
        db.dispose()
    print(f"已建立区级数据库：{setup.name}")
    print(f"区级私钥：{setup.keys_directory}（只有本账户可读，请另行妥善备份）")
    print(f"交给各中心的公钥文件：{setup.public_key_file}")
    print(f"签名公钥指纹：{grouped_fingerprint(setup.signing_fingerprint)}")
    print(f"加密公钥指纹：{grouped_fingerprint(setup.encryption_fingerprint)}")
    if admin is not None:
        print(f"区级管理员：{admin[0]}（dangqun district gui --db 地址 登录工作台）")
    return EXIT_OK


def _first_administrator(arguments: argparse.Namespace) -> tuple[str, str, str] | None:
    """``--admin``'s name, display name and password, checked before anything is created, so
    a short password leaves no half-initialized district behind."""
    if arguments.admin is None:
        return None
    from dangqun.core.errors import ValidationError
    from dangqun.core.users import validate_new_account

    if not arguments.password_stdin:
        raise ValidationError.single(
            "password", "--admin：请用 --password-stdin 从标准输入提供管理员密码。"
        )
    password = sys.stdin.readline().rstrip("\r\n")
    name = arguments.admin_name or arguments.admin
    errors = validate_new_account(arguments.admin, name, password)
    if errors:
        options = {"username": "--admin", "display_name": "--admin-name", "password": "密码"}
        raise ValidationError.single(
            errors[0].field, f"{options.get(errors[0].field, '')}：{errors[0].message}"
        )
    return arguments.admin, name, password


def command_register_center(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.cli_kit import EXIT_OK
    from dangqun.district import service
    from dangqun.sync.crypto import grouped_fingerprint

    db = service.open_district(arguments.db)
    try:
        center = service.register_center(db, Path(arguments.public_key_file))
    finally:
        db.dispose()
    print(f"已登记服务中心：{center.name}（区划代码 {center.division_code}，编号 {center.uuid}）")
    print(f"公钥指纹：{grouped_fingerprint(center.fingerprint)}（请与中心核对）")
    return EXIT_OK


def command_import(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.cli_kit import EXIT_OK, EXIT_SOME_INVALID, check_writable_output, write_report
    from dangqun.district import service

    report_path = Path(arguments.report) if arguments.report else None
    if report_path is not None:
        check_writable_output(report_path, "--report")

    def progress(number: int, total: int, name: str) -> None:
        print(f"  [{number}/{total}] {name}", file=sys.stderr)

    db = service.open_district(arguments.db)
    try:
        report = service.import_packages(
            db,
            [Path(path) for path in arguments.paths],
            dry_run=arguments.dry_run,
            receipts=Path(arguments.receipt_out) if arguments.receipt_out else None,
            keys_directory=_keys(arguments),
            progress=progress,
        )
    finally:
        db.dispose()
    print(report.text())
    if report_path is not None:
        write_report(report_path, report.as_json())
    return EXIT_SOME_INVALID if report.any_rejected else EXIT_OK


def command_status(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.cli_kit import EXIT_OK
    from dangqun.district import service
    from dangqun.district.checks import overdue_centers

    db = service.open_district(arguments.db)
    try:
        centers = service.status(db)
        overdue = overdue_centers(db)
    finally:
        db.dispose()
    if arguments.json:
        print(
            json.dumps(
                {
                    "centers": [c.as_json() for c in centers],
                    "overdue": [o.as_json() for o in overdue],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    if not centers:
        print("还没有登记任何服务中心。")
    for center in centers:
        print(center.line())
    for center in centers:
        for line in center.gap_lines():
            print(line)
    for late in overdue:
        print(late.line())
    return EXIT_OK


def command_report(arguments: argparse.Namespace, kit: CliKit) -> int:
    """``district report`` (issue 17): the period and the file are checked before the database
    is opened, so a typo costs nothing and is named with its option."""
    from dangqun.cli_kit import EXIT_OK
    from dangqun.district import service
    from dangqun.district.reports import service as reports

    period = reports.parse_period(arguments.period)
    out = Path(arguments.out)
    reports.report_format(out)
    db = service.open_district(arguments.db)
    try:
        report = reports.district_report(db, period)
        reports.write_report(db, report, out)
    finally:
        db.dispose()
    if arguments.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        total = report.total
        print(
            f"已生成{report.period.label}统计报表：{out}（{len(report.centers)} 个中心，"
            f"在册党员 {total.members_total} 名，逾期未开会议 {total.overdue} 期）"
        )
    return EXIT_OK


def command_backup(arguments: argparse.Namespace, kit: CliKit) -> int:
    """``district backup`` (issue 17): an SQLite copy or a ``pg_dump`` (:mod:`..backup`)."""
    from dangqun.cli_kit import EXIT_OK
    from dangqun.district import service
    from dangqun.district.backup import back_up_district

    db = service.open_district(arguments.db)
    try:
        made = back_up_district(db, Path(arguments.out))
    finally:
        db.dispose()
    print(f"已备份到：{made.path}（{made.size_bytes / 1024:.0f} KB）")
    if made.tool == "pg_dump":
        print(f"恢复：pg_restore --clean --no-owner --dbname 库名 “{made.path}”")
    return EXIT_OK


def add_check_and_send_commands(sub: Any, kit: CliKit) -> None:
    """``district duplicates``, ``settings``, ``send`` and ``sent`` (issue 17: cross-center
    checks and packages back to centers, :mod:`dangqun.district.checks` and :mod:`.outbound`)."""
    duplicates = sub.add_parser(
        "duplicates", help="核查：同一身份号码在两个以上中心在册（可记录处理决定）"
    )
    duplicates.add_argument("--db", required=True, help=DB_HELP)
    duplicates.add_argument("--json", action="store_true", help="以 JSON 输出")
    duplicates.add_argument("--resolve", metavar="核查编号", help="记录对这组重复登记的处理决定")
    way = duplicates.add_mutually_exclusive_group()
    way.add_argument("--current", metavar="记录编号", help="以这条记录为准（与 --resolve 同用）")
    way.add_argument("--both", action="store_true", help="两处登记均合规（与 --resolve 同用）")
    duplicates.add_argument("--note", default="", help="处理说明（理由，必填）")
    duplicates.set_defaults(handler=partial(command_duplicates, kit=kit))

    settings = sub.add_parser("settings", help="区级设置：数据包逾期天数")
    settings.add_argument("--db", required=True, help=DB_HELP)
    settings.add_argument(
        "--overdue-days", type=int, metavar="天数", help="超过多少天未收到数据包算逾期（默认 35）"
    )
    settings.set_defaults(handler=partial(command_settings, kit=kit))

    send = sub.add_parser("send", help="生成下发给一个中心的区级数据包（共享目录、转入党员、通知）")
    send.add_argument("--db", required=True, help=DB_HELP)
    send.add_argument("--center", required=True, metavar="ID", help="中心编号（或其前 8 位）或名称")
    send.add_argument("--out", required=True, metavar="DIR", help="写入哪个文件夹（如 U 盘）")
    send.add_argument(
        "--content", metavar="FILE.json", help="下发内容文件（阵地与菜单、服务类别、通知）"
    )
    send.add_argument("--keys", help=KEYS_HELP)
    send.add_argument("--json", action="store_true", help="以 JSON 输出")
    send.set_defaults(handler=partial(command_send, kit=kit))

    sent = sub.add_parser(
        "sent", help="已下发的数据包：发给哪个中心、第几号、何时、内容（新的在前）"
    )
    sent.add_argument("--db", required=True, help=DB_HELP)
    sent.add_argument(
        "--center", metavar="ID", help="只列这个中心的（中心编号或其前 8 位，或名称）"
    )
    sent.add_argument("--json", action="store_true", help="以 JSON 输出")
    sent.set_defaults(handler=partial(command_sent, kit=kit))


def command_duplicates(arguments: argparse.Namespace, kit: CliKit) -> int:
    """Personal data masked unless ``--full-personal-data`` (audited in the district audit),
    as a center's CLI does."""
    from dangqun.cli_kit import EXIT_OK
    from dangqun.core.errors import ValidationError
    from dangqun.district import checks, service

    full = bool(arguments.full_personal_data)
    if arguments.resolve is None and (arguments.current or arguments.both or arguments.note):
        raise ValidationError.single(
            "resolve", "--current、--both 和 --note 只能与 --resolve 核查编号 同用"
        )
    db = service.open_district(arguments.db)
    try:
        if arguments.resolve is not None:
            group = checks.decide(
                db,
                None,
                arguments.resolve,
                current=arguments.current,
                both=arguments.both,
                note=arguments.note,
            )
            assert group.decision is not None
            print(f"已记录核查编号 {group.check_number} 的处理决定：{group.decision.line()}")
            return EXIT_OK
        groups = checks.list_duplicates(db, full_personal_data=full)
        if full:
            with db.writing() as session:
                db.audit(session, "district.full_personal_data", {"command": "duplicates"})
                session.commit()
    finally:
        db.dispose()
    if arguments.json:
        payload = {"groups": [g.as_json() for g in groups]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    open_groups = sum(1 for g in groups if g.open)
    print(f"同一身份号码在两个以上中心在册：{len(groups)} 人，其中待处理 {open_groups} 人。")
    for group in groups:
        state = "待处理" if group.open else "已处理"
        print(f"核查编号 {group.check_number}（{state}）")
        for record in group.records:
            print(
                f"  {record.center_name}｜记录 {record.record_uuid}｜{record.name}｜"
                f"{record.id_number}｜{record.birth_date}｜{record.kind}｜"
                f"{record.organization or '—'}｜入党 {record.joined_on or '—'}｜"
                f"来自 {record.origin_organization or '—'}"
            )
        if group.decision is not None:
            stale = "（此后记录有变，需重新处理）" if group.open else ""
            print(f"  处理决定{stale}：{group.decision.line()}")
    return EXIT_OK


def command_settings(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.cli_kit import EXIT_OK
    from dangqun.district import checks, service

    db = service.open_district(arguments.db)
    try:
        db.identity()
        if arguments.overdue_days is not None:
            checks.set_overdue_days(db, None, arguments.overdue_days)
        days = checks.overdue_days(db)
    finally:
        db.dispose()
    print(f"数据包逾期天数：{days}")
    return EXIT_OK


def command_send(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.cli_kit import EXIT_OK
    from dangqun.district import outbound, service

    db = service.open_district(arguments.db)
    try:
        sent = outbound.send_package(
            db,
            None,
            arguments.center,
            Path(arguments.out),
            content_file=Path(arguments.content) if arguments.content else None,
            keys_directory=_keys(arguments),
        )
    finally:
        db.dispose()
    if arguments.json:
        print(json.dumps(sent.as_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(sent.lines()))
    return EXIT_OK


def command_sent(arguments: argparse.Namespace, kit: CliKit) -> int:
    """``district sent`` (issue 17): the packages sent back, newest first, so the clerk can say
    which number a center got and when (:func:`dangqun.district.outbound.sent_packages`)."""
    from dangqun.cli_kit import EXIT_OK
    from dangqun.district import outbound, service

    db = service.open_district(arguments.db)
    try:
        records = outbound.sent_packages(db, arguments.center)
    finally:
        db.dispose()
    if arguments.json:
        payload = {"packages": [record.as_json() for record in records]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not records:
        print(
            "尚未向任何中心下发数据包。"
            if arguments.center is None
            else f"尚未向这个中心（{arguments.center}）下发数据包。"
        )
    for record in records:
        print(record.line())
    return EXIT_OK
