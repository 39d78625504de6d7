"""``dangqun sync …``: export a package, read a receipt, show or install keys (issue 16).

Exit codes as every command (:mod:`dangqun.cli_kit`): 0 done, 1 refused or failed (the reason
in Chinese on standard error), 2 bad usage. An export without an installed district key still
succeeds (0) and prints its warning on standard error (and under ``"warnings"`` in ``--json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

from dangqun.cli_kit import EXIT_OK, CliKit


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """Register ``sync`` and its sub-commands on the CLI's ``add_subparsers()`` object."""
    sync = commands.add_parser("sync", help="数据同步：生成上报数据包、导入区级回执、密钥")
    actions = sync.add_subparsers(dest="sync_command", metavar="操作", required=True)

    export = actions.add_parser("export", help="生成上报数据包（默认只含区里确认以后的变更）")
    export.add_argument("--out", required=True, metavar="DIR", help="写入哪个文件夹（如 U 盘）")
    export.add_argument("--full", action="store_true", help="导出全部数据（全量包）")
    export.add_argument("--json", action="store_true", help="以 JSON 输出")
    export.set_defaults(handler=partial(command_export, kit=kit))

    receipt = actions.add_parser("receipt", help="导入区级回执，确认已上报的数据包")
    receipt.add_argument("file", metavar="FILE", help="回执文件（.dqrcpt）")
    receipt.add_argument("--json", action="store_true", help="以 JSON 输出")
    receipt.set_defaults(handler=partial(command_receipt, kit=kit))

    inbound = actions.add_parser("import", help="导入区级下发的数据包（共享目录、转入党员、通知）")
    inbound.add_argument("file", metavar="FILE", help="区级数据包（.dqdist）")
    inbound.add_argument("--branch", metavar="组织编码", help="转入党员所进的党支部")
    inbound.add_argument("--json", action="store_true", help="以 JSON 输出")
    inbound.set_defaults(handler=partial(command_import, kit=kit))

    keys = actions.add_parser("keys", help="显示本中心的公钥，或安装区级公钥")
    choice = keys.add_mutually_exclusive_group(required=True)
    choice.add_argument(
        "--show", action="store_true", help="显示本中心公钥文件的位置和指纹，以及已安装的区级公钥"
    )
    choice.add_argument("--install-district", metavar="FILE", help="安装区委组织部发来的公钥文件")
    keys.set_defaults(handler=partial(command_keys, kit=kit))


def command_export(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.sync.export import export_package

    def report(done: int, total: int) -> None:
        if not arguments.json and sys.stderr.isatty():
            print(f"\r已写入 {done}/{total} 条", end="", file=sys.stderr, flush=True)

    with kit.initialized(arguments) as application:
        result = export_package(
            application.database,
            application.paths.database,
            application.paths.keys,
            kit.actor(),
            Path(arguments.out),
            full=arguments.full,
            progress=report,
        )
    for warning in result.warnings:
        print(f"警告：{warning}", file=sys.stderr)
    if arguments.json:
        payload = {
            "file": str(result.path),
            "seq": result.seq,
            "sha256": result.sha256,
            "size": result.size,
            "full": result.full,
            "encrypted": result.encrypted,
            "counter_from": result.counter_from,
            "counter_to": result.counter_to,
            "rows": result.rows,
            "tombstones": result.tombstones,
            "tables": result.tables,
            "database_id": result.database_id,
            "warnings": result.warnings,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    kind = "全量" if result.full else "增量"
    secrecy = "已加密" if result.encrypted else "未加密"
    print(f"已生成第 {result.seq} 号数据包（{kind}，{secrecy}）：{result.path}")
    print(
        f"  {result.rows} 条记录，{result.tombstones} 条删除记录；"
        f"变更号 {result.counter_from} 之后至 {result.counter_to}"
    )
    print(f"  SHA-256：{result.sha256}")
    return EXIT_OK


def command_receipt(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.sync.receipts import import_receipt

    with kit.initialized(arguments) as application:
        outcome = import_receipt(
            application.database, application.paths.keys, kit.actor(), Path(arguments.file)
        )
    if arguments.json:
        payload = {
            "district": outcome.district_name,
            "acknowledged": list(outcome.acknowledged),
            "already_acknowledged": list(outcome.already_acknowledged),
            "unmatched": list(outcome.unmatched),
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"已导入{outcome.district_name}的回执。")
    if outcome.acknowledged:
        print("  本次确认的数据包：" + "、".join(f"第 {seq} 号" for seq in outcome.acknowledged))
    if outcome.already_acknowledged:
        print("  此前已确认：" + "、".join(f"第 {seq} 号" for seq in outcome.already_acknowledged))
    if outcome.unmatched:
        print(
            "  与本中心记录对不上（未确认，下次导出仍会包含其中的变更）："
            + "、".join(f"第 {seq} 号" for seq in outcome.unmatched)
        )
    return EXIT_OK


def command_import(arguments: argparse.Namespace, kit: CliKit) -> int:
    """``sync import`` (issue 17): a district package, verified and applied by
    :func:`dangqun.sync.inbound.import_district_package`."""
    from dangqun.sync.inbound import import_district_package

    with kit.initialized(arguments) as application:
        outcome = import_district_package(
            application.database,
            application.paths.keys,
            kit.actor(),
            Path(arguments.file),
            branch_code=arguments.branch,
        )
    if arguments.json:
        print(json.dumps(outcome.as_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(outcome.lines()))
    return EXIT_OK


def command_keys(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.sync.crypto import grouped_fingerprint
    from dangqun.sync.keys import install_district_key, show_keys

    with kit.initialized(arguments) as application:
        if arguments.install_district:
            document = install_district_key(
                application.database,
                application.paths.keys,
                kit.actor(),
                Path(arguments.install_district),
            )
            print(f"已安装区级公钥：{document.name}")
            print(f"  签名指纹：{grouped_fingerprint(document.signing_fingerprint)}")
            print("  请与区委组织部电话核对指纹。以后的数据包将为区级加密。")
            return EXIT_OK
        overview = show_keys(application.database, application.paths.keys, kit.actor())
    print(f"本中心公钥文件：{overview.public_key_path}")
    print(f"  指纹：{overview.grouped_fingerprint}")
    if overview.district is None:
        print("区级公钥：尚未安装（数据包将不加密）")
    else:
        print(f"区级公钥：{overview.district.name}")
        print(f"  签名指纹：{grouped_fingerprint(overview.district.signing_fingerprint)}")
    return EXIT_OK
