"""The command line: ``dangqun [--data-dir DIR] <command>``; no command starts the GUI.

No command needs a display (``screenshot`` renders offscreen). Every command opens the data
directory through :func:`dangqun.bootstrap.open_application`, so it takes the same lock, the
same checks and the same migrations as the GUI. Exit codes: 0 success, 1 refused or failed,
2 bad usage (argparse), 3 reserved for "partly invalid input" (roster import, later).

Each command imports what it needs when it runs: starting the GUI goes through this module, and
whatever it imports at the top is paid before the first window appears.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dangqun import __version__
from dangqun.core.errors import DangqunError

if TYPE_CHECKING:
    from dangqun.bootstrap import Application
    from dangqun.core.security import Actor

EXIT_OK = 0
EXIT_FAILED = 1

CommandHandler = Callable[[argparse.Namespace], int]


def _cli_actor() -> Actor:
    import getpass

    from dangqun.core.security import system_actor

    try:
        user = getpass.getuser()
    except Exception:  # no login name on some service accounts
        user = "unknown"
    return system_actor(f"命令行:{user}")


def _open(arguments: argparse.Namespace) -> Application:
    from dangqun.bootstrap import open_application
    from dangqun.core.paths import resolve_data_paths

    return open_application(resolve_data_paths(arguments.data_dir))


def _require_initialized(application: Application) -> None:
    from dangqun.bootstrap import is_initialized
    from dangqun.core.errors import NotInitialized

    if not is_initialized(application.database):
        raise NotInitialized(
            "这个数据目录还没有初始化。请先运行：dangqun --data-dir 目录 init "
            "--center-name 名称 --division-code 代码 --admin 用户名 --password-stdin"
        )


def command_init(arguments: argparse.Namespace) -> int:
    from dangqun.bootstrap import FirstRunAnswers, initialize_center, is_initialized

    password = sys.stdin.readline().rstrip("\r\n") if arguments.password_stdin else ""
    if not arguments.password_stdin:
        print("错误：请用 --password-stdin 从标准输入提供管理员密码。", file=sys.stderr)
        return EXIT_FAILED
    application = _open(arguments)
    try:
        if is_initialized(application.database):
            print("错误：这个数据目录已经初始化过服务中心，不能重复初始化。", file=sys.stderr)
            return EXIT_FAILED
        info = initialize_center(
            application.database,
            FirstRunAnswers(
                center_name=arguments.center_name,
                division_code=arguments.division_code,
                admin_username=arguments.admin,
                admin_display_name=arguments.admin_name or arguments.admin,
                admin_password=password,
            ),
        )
    finally:
        application.close()
    print(f"已初始化：{info.name}（区划代码 {info.division_code}，中心编号 {info.center_id}）")
    print(f"数据目录：{application.paths.root}")
    return EXIT_OK


def command_demo(arguments: argparse.Namespace) -> int:
    from dangqun.demo import generate_demo_data

    application = _open(arguments)
    try:
        _require_initialized(application)

        def report(done: int, total: int) -> None:
            if done == total or done % 20_000 == 0:
                print(f"  已生成 {done:,}/{total:,} 名党员", file=sys.stderr)

        summary = generate_demo_data(
            application.database,
            _cli_actor(),
            arguments.members,
            arguments.seed,
            report,
        )
    finally:
        application.close()
    print(
        f"已生成演示数据：组织 {summary.organizations} 个，党员 {summary.members:,} 名，"
        f"历史记录 {summary.events:,} 条（随机种子 {arguments.seed}）"
    )
    return EXIT_OK


def command_backup(arguments: argparse.Namespace) -> int:
    from dangqun.bootstrap import backup_now

    application = _open(arguments)
    try:
        _require_initialized(application)
        backup = backup_now(application, _cli_actor())
    finally:
        application.close()
    print(f"已备份到：{backup.path}（{backup.size_bytes / 1024:.0f} KB）")
    return EXIT_OK


def command_restore(arguments: argparse.Namespace) -> int:
    from dangqun.bootstrap import restore_from_file

    application = _open(arguments)
    try:
        safety = restore_from_file(application, _cli_actor(), Path(arguments.file))
    finally:
        application.close()
    print(f"已从“{arguments.file}”恢复。恢复前的数据已备份到：{safety.path}")
    if safety.restored_key_files:
        print(f"已从备份找回缺失的密钥文件：{'、'.join(safety.restored_key_files)}")
    return EXIT_OK


def command_check(arguments: argparse.Namespace) -> int:
    from dangqun.bootstrap import check_application

    application = _open(arguments)
    try:
        report = check_application(application)
    finally:
        application.close()
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


def command_screenshot(arguments: argparse.Namespace) -> int:
    from dangqun.ui.screenshot import SCREENSHOT_PAGES, render_page

    if arguments.page not in SCREENSHOT_PAGES:
        print(
            f"错误：没有名为“{arguments.page}”的页面。可选：{' '.join(SCREENSHOT_PAGES)}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    from dangqun.core.users import first_active_admin

    application = _open(arguments)
    try:
        if arguments.page != "wizard":
            _require_initialized(application)
        actor = first_active_admin(application.database)
        out = Path(arguments.out)
        render_page(application, actor, arguments.page, arguments.size, out)
    finally:
        application.close()
    print(f"已保存截图：{out}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dangqun",
        description="党群服务中心工作台。不带命令时启动图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"dangqun {__version__}")
    parser.add_argument(
        "--data-dir",
        help="数据目录（默认取环境变量 DANGQUN_DATA_DIR，再默认为系统的用户数据目录）",
    )
    commands = parser.add_subparsers(dest="command", metavar="命令")

    init = commands.add_parser("init", help="初始化服务中心和第一个管理员")
    init.add_argument("--center-name", required=True, help="服务中心名称")
    init.add_argument("--division-code", required=True, help="12 位行政区划代码")
    init.add_argument("--admin", required=True, help="管理员用户名")
    init.add_argument("--admin-name", help="管理员姓名（默认同用户名）")
    init.add_argument("--password-stdin", action="store_true", help="从标准输入读取管理员密码")
    init.set_defaults(handler=command_init)

    demo = commands.add_parser("demo", help="生成演示数据（可复现）")
    demo.add_argument("--members", type=int, required=True, help="党员人数")
    demo.add_argument("--seed", type=int, default=20240701, help="随机种子")
    demo.set_defaults(handler=command_demo)

    backup = commands.add_parser("backup", help="立即备份数据库")
    backup.set_defaults(handler=command_backup)

    restore = commands.add_parser("restore", help="从备份文件恢复（先检查文件，并备份当前数据）")
    restore.add_argument("file", help="备份文件路径")
    restore.set_defaults(handler=command_restore)

    check = commands.add_parser("check", help="检查数据库完整性和数据规则")
    check.set_defaults(handler=command_check)

    screenshot = commands.add_parser("screenshot", help="在后台渲染一个页面并保存为 PNG")
    screenshot.add_argument("--page", required=True, help="页面名称，如 home members settings")
    screenshot.add_argument("--out", required=True, help="输出的 PNG 文件")
    screenshot.add_argument(
        "--size", type=_parse_size, default=(1280, 800), help="宽x高，默认 1280x800"
    )
    screenshot.set_defaults(handler=command_screenshot)

    from dangqun.members.cli_commands import add_member_commands
    from dangqun.printing.cli_commands import add_print_commands

    add_member_commands(commands, _open, _cli_actor)
    add_print_commands(commands, _open, _cli_actor)
    return parser


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
    arguments = build_parser().parse_args(argument_list)
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


if __name__ == "__main__":
    sys.exit(main())
