"""``dangqun timebank balance``: the time bank's commands (issue 13, "CLI").

Declared in ``timebank/feature.py``; signs in like every command (:class:`~dangqun.cli_kit.
CliKit`). ``statement``, ``certificate`` and ``import-services`` come with the engineers who
build those documents and the importer, on the queries of :mod:`dangqun.timebank.service`.
Exit codes: 0 done; 1 refused (an unknown volunteer number, no permission), printed in Chinese.
"""

from __future__ import annotations

import argparse
import json
from functools import partial

from dangqun.cli_kit import EXIT_OK, CliKit
from dangqun.timebank.document_commands import add_document_commands
from dangqun.timebank.import_commands import add_import_command


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], kit: CliKit
) -> None:
    """Register ``timebank`` and its sub-commands on the CLI's ``add_subparsers()`` object."""
    timebank = commands.add_parser("timebank", help="时间银行：查询志愿者的服务时长和余额")
    actions = timebank.add_subparsers(dest="timebank_command", metavar="操作", required=True)
    balance = actions.add_parser(
        "balance",
        help="一名志愿者的已服务、可用和待核实时长",
        description="已服务：已核实的服务时长（转赠、兑换不减少）；可用：账户余额；"
        "待核实：尚未核实的服务时长。",
    )
    balance.add_argument(
        "--volunteer", required=True, metavar="NO", help="志愿者编号，如 ZY202600001"
    )
    balance.add_argument("--json", action="store_true", help="以 JSON 输出（分钟数为整数）")
    balance.set_defaults(handler=partial(command_balance, kit=kit))
    add_document_commands(actions, kit)
    add_import_command(actions, kit)


def command_balance(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.timebank.service import find_volunteer, get_balances

    with kit.initialized(arguments) as application:
        actor = kit.actor()
        volunteer = find_volunteer(application.database, actor, arguments.volunteer)
        balances = get_balances(application.database, actor, volunteer.id)
    if arguments.json:
        print(
            json.dumps(
                {
                    "volunteer": volunteer.number,
                    "name": volunteer.name,
                    "status": volunteer.status.value,
                    "served_minutes": balances.served,
                    "spendable_minutes": balances.spendable,
                    "pending_minutes": balances.pending,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    print(f"志愿者 {volunteer.number} {volunteer.name}（{volunteer.status_label}）")
    print(f"  已服务：{balances.served_text}（{balances.served} 分钟）")
    print(f"  可  用：{balances.spendable_text}（{balances.spendable} 分钟）")
    print(f"  待核实：{balances.pending_text}（{balances.pending} 分钟）")
    return EXIT_OK
