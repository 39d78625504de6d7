"""The command line: ``dangqun [--data-dir DIR] <command>``; no command starts the GUI.

No command needs a display (``screenshot`` renders offscreen). Every command opens the data
directory through :class:`dangqun.cli_kit.CliKit`, so it takes the same lock, the same checks
and the same migrations as the GUI. The commands of features (``members``, ``print``, …) come
from their declarations (:mod:`dangqun.features`); this module names none. Exit codes
(:mod:`dangqun.cli_kit`): 0 success, 1 refused or failed, 2 bad usage (argparse), 3 partly
invalid input (roster import).

Each command imports what it needs when it runs: starting the GUI goes through this module, and
whatever it imports at the top is paid before the first window appears.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dangqun import __version__

if TYPE_CHECKING:
    from dangqun.cli_kit import CliKit

CommandHandler = Callable[[argparse.Namespace], int]


INIT_OPTIONS = {
    "center_name": "--center-name",
    "division_code": "--division-code",
    "party_organization": "--community-org",
    "address": "--address",
    "contact_person": "--contact-person",
    "contact_phone": "--contact-phone",
    "username": "--admin",
    "display_name": "--admin-name",
    "password": "密码（标准输入）",
}
"""Which option gave each answer ``init`` checks, so a refusal names what to change."""


def command_init(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bootstrap import FirstRunAnswers, initialize_center, is_initialized
    from dangqun.cli_kit import EXIT_FAILED, EXIT_OK
    from dangqun.core.center import CenterContact
    from dangqun.core.errors import ValidationError

    if not arguments.password_stdin:
        print("错误：请用 --password-stdin 从标准输入提供管理员密码。", file=sys.stderr)
        return EXIT_FAILED
    password = sys.stdin.readline().rstrip("\r\n")
    kit.refuse_missing_database(kit.data_paths(arguments))
    with kit.opened(arguments, sign_in=False) as application:
        if is_initialized(application.database):
            print("错误：这个数据目录已经初始化过服务中心，不能重复初始化。", file=sys.stderr)
            return EXIT_FAILED
        answers = FirstRunAnswers(
            center_name=arguments.center_name,
            division_code=arguments.division_code,
            admin_username=arguments.admin,
            admin_display_name=arguments.admin_name or arguments.admin,
            admin_password=password,
            party_organization=arguments.community_org or "",
            contact=CenterContact(
                address=arguments.address or "",
                contact_person=arguments.contact_person or "",
                contact_phone=arguments.contact_phone or "",
            ),
        )
        try:
            info = initialize_center(application.database, answers, application.paths.keys)
        except ValidationError as error:
            for problem in error.errors:
                where = INIT_OPTIONS.get(problem.field, problem.field)
                print(f"错误：{where}：{problem.message}", file=sys.stderr)
            return EXIT_FAILED
    print(f"已初始化：{info.name}（区划代码 {info.division_code}，中心编号 {info.center_id}）")
    print(f"社区党组织：{info.party_organization}（编码 {info.division_code}，可导入花名册）")
    contact = "，".join(
        f"{label}：{value}"
        for label, value in (
            ("地址", info.address),
            ("联系人", info.contact_person),
            ("联系电话", info.contact_phone),
        )
        if value
    )
    print(f"联系信息：{contact or '未填写（可在“系统设置 → 中心信息”中补充）'}")
    print(f"管理员：{arguments.admin}")
    print(f"数据目录：{application.paths.root}")
    return EXIT_OK


def command_demo(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.cli_kit import EXIT_OK
    from dangqun.demo import generate_demo_data

    def report(done: int, total: int) -> None:
        if done == total or done % 20_000 == 0:
            print(f"  已生成 {done:,}/{total:,}", file=sys.stderr)

    with kit.initialized(arguments) as application:
        summary = generate_demo_data(
            application.database,
            kit.actor(),
            arguments.members,
            arguments.seed,
            report,
        )
    print(f"已生成演示数据：{summary.description()}（随机种子 {arguments.seed}）")
    return EXIT_OK


def command_backup(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bootstrap import backup_now
    from dangqun.cli_kit import EXIT_OK

    with kit.initialized(arguments) as application:
        backup = backup_now(application, kit.actor())
    print(f"已备份到：{backup.path}（{backup.size_bytes / 1024:.0f} KB）")
    return EXIT_OK


def command_restore(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bootstrap import restore_from_file
    from dangqun.cli_kit import EXIT_OK

    with kit.opened(arguments) as application:
        actor = kit.actor() if kit.signed_in else kit.operator()
        safety = restore_from_file(
            application, actor, Path(arguments.file), allow_other_center=arguments.other_center
        )
    print(f"已从“{arguments.file}”恢复。恢复前的数据已备份到：{safety.path}")
    if safety.restored_key_files:
        print(f"已从备份找回缺失的密钥文件：{'、'.join(safety.restored_key_files)}")
    return EXIT_OK


def command_check(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.bootstrap import check_application
    from dangqun.cli_kit import EXIT_FAILED, EXIT_OK

    with kit.initialized(arguments) as application:
        report = check_application(application)
    if report.ok:
        print(f"检查通过（{len(report.checks_run)} 项：{'、'.join(report.checks_run)}）")
        return EXIT_OK
    print(f"检查发现 {len(report.problems)} 个问题：", file=sys.stderr)
    for number, problem in enumerate(report.problems, 1):
        print(f"  {number}. {problem}", file=sys.stderr)
    return EXIT_FAILED


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"尺寸应写成 宽x高，例如 1280x800，而不是“{text}”"
        ) from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError("尺寸超出范围（宽 320–7680，高 240–4320）")
    return width, height


def command_screenshot(arguments: argparse.Namespace, kit: CliKit) -> int:
    from dangqun.cli_kit import EXIT_FAILED, EXIT_OK
    from dangqun.ui.screenshot import render_page, screenshot_pages

    known_pages = screenshot_pages()
    if arguments.page not in known_pages:
        print(
            f"错误：没有名为“{arguments.page}”的页面。可选：{' '.join(known_pages)}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    out = Path(arguments.out)
    if arguments.page == "wizard":  # drawn on a directory that has no center yet
        with kit.opened(arguments, sign_in=False) as application:
            render_page(application, kit.operator(), arguments.page, arguments.size, out)
    else:  # what the signed-in user sees, masked unless --full-personal-data
        with kit.initialized(arguments) as application:
            render_page(application, kit.actor(), arguments.page, arguments.size, out)
    print(f"已保存截图：{out}")
    return EXIT_OK


def build_parser(kit: CliKit) -> argparse.ArgumentParser:
    """The whole command line: the center's own commands, then every feature's."""
    from dangqun import features
    from dangqun.cli_kit import top_level_parser

    parser = top_level_parser(
        prog="dangqun",
        description="党群服务中心工作台。不带命令时启动图形界面。",
    )
    parser.add_argument(
        "--version", action="version", version=f"dangqun {__version__}", help="显示版本号并退出"
    )
    commands = parser.add_subparsers(dest="command", metavar="命令")

    init = commands.add_parser("init", help="初始化服务中心和第一个管理员")
    init.add_argument("--center-name", required=True, help="服务中心名称")
    init.add_argument("--division-code", required=True, help="12 位行政区划代码")
    init.add_argument("--admin", required=True, help="管理员用户名")
    init.add_argument("--admin-name", help="管理员姓名（默认同用户名）")
    init.add_argument(
        "--community-org",
        metavar="NAME",
        help="社区党组织全称（默认由中心名称推出，如 翠湖社区党群服务中心 → 中共翠湖社区委员会）；"
        "初始化时建立这个社区党组织，导入花名册时支部建在它下面",
    )
    init.add_argument("--address", help="中心地址（可选，打印材料用）")
    init.add_argument("--contact-person", help="联系人（可选）")
    init.add_argument("--contact-phone", help="联系电话（可选）")
    init.set_defaults(handler=partial(command_init, kit=kit))

    demo = commands.add_parser("demo", help="生成演示数据（可复现）")
    demo.add_argument("--members", type=int, required=True, help="党员人数")
    demo.add_argument("--seed", type=int, default=20240701, help="随机种子")
    demo.set_defaults(handler=partial(command_demo, kit=kit))

    backup = commands.add_parser("backup", help="立即备份数据库")
    backup.set_defaults(handler=partial(command_backup, kit=kit))

    restore = commands.add_parser("restore", help="从备份文件恢复（先检查文件，并备份当前数据）")
    restore.add_argument("file", help="备份文件路径")
    restore.add_argument(
        "--other-center",
        action="store_true",
        help="备份来自另一个服务中心时仍然恢复（会以那个中心的身份替换本中心的全部数据）",
    )
    restore.set_defaults(handler=partial(command_restore, kit=kit))

    check = commands.add_parser("check", help="检查数据库完整性和数据规则")
    check.set_defaults(handler=partial(command_check, kit=kit))

    screenshot = commands.add_parser("screenshot", help="在后台渲染一个页面并保存为 PNG")
    screenshot.add_argument(
        "--page", required=True, help="页面名称，如 home members settings（按 --user 的权限渲染）"
    )
    screenshot.add_argument("--out", required=True, help="输出的 PNG 文件")
    screenshot.add_argument(
        "--size", type=_parse_size, default=(1280, 800), help="宽x高，默认 1280x800"
    )
    screenshot.set_defaults(handler=partial(command_screenshot, kit=kit))

    for _feature, add_commands in features.loaded("cli_commands"):
        add_commands(commands, kit)
    # The district's commands: no feature of the center (dangqun.district.cli_commands says why).
    from dangqun.district.cli_commands import add_commands as add_district_commands

    add_district_commands(commands, kit, workbench=command_district_gui)
    return parser


def command_district_gui(arguments: argparse.Namespace) -> int:
    """``district gui``: the district workbench (issue 17). Started from here because the
    district package may not import the UI (import-linter layers)."""
    from dangqun.ui.district.app import run_district_gui

    return run_district_gui(arguments.db)


def _global_options_parser() -> argparse.ArgumentParser:
    """Just the options valid without a command, so starting the GUI builds no feature parsers."""
    parser = argparse.ArgumentParser(prog="dangqun", add_help=False)
    parser.add_argument("--data-dir")
    return parser


def gui_main(argv: Sequence[str] | None = None) -> int:
    """``dangqun-gui``: the GUI only (a windowed program on Windows); Qt's own options pass on."""
    parser = argparse.ArgumentParser(
        prog="dangqun-gui", description="党群服务中心工作台（图形界面）"
    )
    parser.add_argument("--data-dir", help="数据目录（默认取环境变量 DANGQUN_DATA_DIR）")
    arguments, qt_arguments = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    return start_gui(arguments.data_dir, qt_arguments)


def start_gui(data_dir: str | None, qt_arguments: Sequence[str] = ()) -> int:
    """The GUI, with the garbage collector paused while start-up builds what lives as long as
    the app (modules, classes, the window): ~10 ms of collections walking objects that stay.
    :func:`dangqun.app.resume_garbage_collection` freezes those objects and resumes it."""
    gc.disable()
    from dangqun.app import run_gui

    return run_gui(data_dir, qt_arguments)


def main(argv: Sequence[str] | None = None) -> int:
    argument_list = list(sys.argv[1:] if argv is None else argv)
    global_options, rest = _global_options_parser().parse_known_args(argument_list)
    if not rest:
        return start_gui(global_options.data_dir)
    from dangqun.cli_kit import EXIT_FAILED, EXIT_OK, CliKit
    from dangqun.core.errors import DangqunError

    arguments = build_parser(CliKit()).parse_args(argument_list)
    handler: CommandHandler = arguments.handler
    try:
        return int(handler(arguments))
    except DangqunError as error:
        print(f"错误：{error.message}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # Output piped into `head` and the like: the reader left, which is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        return _unexpected_error(error)


def _unexpected_error(error: Exception) -> int:
    """A bug, never a refusal: the traceback goes to the log file (when the data directory was
    opened far enough to have one), the user gets one Chinese line instead of a traceback."""
    import logging

    from dangqun.cli_kit import EXIT_FAILED

    root = logging.getLogger()
    if root.hasHandlers():
        logging.getLogger("dangqun.cli").error("unexpected error", exc_info=error)
        where = "详细信息已写入数据目录的 logs 文件夹"
    else:
        where = f"{type(error).__name__}"
    print(f"错误：发生了意外错误，没有完成（{where}）。请把这个情况告诉技术支持。", file=sys.stderr)
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
