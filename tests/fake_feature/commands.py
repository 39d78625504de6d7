"""``dangqun fake-note TEXT``: the fake feature's command, added through the one signature."""

import argparse
from functools import partial

from dangqun.cli_kit import EXIT_OK, CliKit
from tests.fake_feature.service import add_note


def add_commands(commands: argparse._SubParsersAction, kit: CliKit) -> None:
    note = commands.add_parser("fake-note", help="记下一条测试便条")
    note.add_argument("text", help="便条内容")
    note.set_defaults(handler=partial(command_fake_note, kit=kit))


def command_fake_note(arguments: argparse.Namespace, kit: CliKit) -> int:
    with kit.initialized(arguments) as application:
        number = add_note(application.database, kit.actor(), arguments.text)
    print(f"已记下第 {number} 条便条")
    return EXIT_OK
