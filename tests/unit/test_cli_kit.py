"""The command line's shared kit: Chinese argparse, ``--data-dir`` anywhere, opening and the actor."""

from __future__ import annotations

import argparse
import io
import re
import sys
from functools import partial
from pathlib import Path

import pytest

from dangqun import cli
from dangqun.bootstrap import Application
from dangqun.cli import build_parser
from dangqun.cli_kit import EXIT_OK, CliKit, SignInRequired
from dangqun.core.errors import NotInitialized
from dangqun.core.feature_kit import Feature
from dangqun.core.paths import DataPaths
from dangqun.core.security import Permission, Role
from dangqun.features import feature_added
from tests.conftest import ADMIN_PASSWORD


def usage_error(capsys: pytest.CaptureFixture[str], *words: str) -> list[str]:
    """argparse's stderr lines for ``dangqun WORDS``, after checking it exits with 2."""
    with pytest.raises(SystemExit) as exit_info:
        build_parser(CliKit()).parse_args(list(words))
    assert exit_info.value.code == 2
    return capsys.readouterr().err.splitlines()


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (("demo",), "dangqun demo：错误：缺少必需的参数：--members"),
        (("demo", "--members"), "dangqun demo：错误：参数 --members：需要一个值"),
        (("demo", "--members", "many"), "dangqun demo：错误：参数 --members：“many”不是整数"),
        (("check", "--bogus"), "dangqun：错误：无法识别的参数：--bogus"),
        (("members",), "dangqun members：错误：缺少必需的参数：操作"),
        (
            ("members", "import", "a.xlsx", "--dry-run=yes"),
            "dangqun members import：错误：参数 --dry-run：这个选项不接受值，多余的值 'yes'",
        ),
    ],
)
def test_argparse_errors_are_chinese(
    capsys: pytest.CaptureFixture[str], words: tuple[str, ...], message: str
) -> None:
    lines = usage_error(capsys, *words)
    program = message.split("：")[0]  # the parser that refused: a sub-command's, or the top's
    assert lines[0].startswith(f"用法：{program} [-h] [--data-dir DIR]")
    assert lines[-1] == message


def test_an_unknown_command_lists_the_choices_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    last = usage_error(capsys, "chek")[-1]
    assert last.startswith("dangqun：错误：参数 命令：无效的选择 'chek'（可选：'init', 'demo', ")
    assert last.endswith("）") and "'members'" in last and "'print'" in last


def test_help_is_chinese_on_every_level(capsys: pytest.CaptureFixture[str]) -> None:
    for words in (["--help"], ["members", "search", "--help"]):
        with pytest.raises(SystemExit) as exit_info:
            build_parser(CliKit()).parse_args(words)
        assert exit_info.value.code == 0
        help_text = capsys.readouterr().out
        assert help_text.startswith("用法：dangqun")
        assert "\n选项:\n  -h, --help" in help_text and "显示本帮助并退出" in help_text
        assert "--data-dir DIR" in help_text
        assert "usage" not in help_text and "options" not in help_text
    assert "位置参数:" in help_text and "查找内容" in help_text


def test_other_argparse_users_in_the_process_keep_their_english() -> None:
    build_parser(CliKit()).format_help()
    plain = argparse.ArgumentParser(prog="other")
    plain.add_argument("--count", type=int)
    help_text = plain.format_help()
    assert help_text.startswith("usage: other") and "show this help message and exit" in help_text
    with pytest.raises(argparse.ArgumentError, match="invalid int value: 'x'"):
        plain.exit_on_error = False
        plain.parse_args(["--count", "x"])


def test_data_dir_before_or_after_the_command_and_the_later_one_wins() -> None:
    parser = build_parser(CliKit())
    assert parser.parse_args(["check"]).data_dir is None
    assert parser.parse_args(["--data-dir", "a", "check"]).data_dir == "a"
    assert parser.parse_args(["check", "--data-dir", "b"]).data_dir == "b"
    assert parser.parse_args(["--data-dir", "a", "check", "--data-dir", "b"]).data_dir == "b"
    nested = parser.parse_args(["members", "--data-dir", "c", "import", "r.xlsx"])
    assert (nested.data_dir, nested.file) == ("c", "r.xlsx")
    assert parser.parse_args(["members", "import", "r.xlsx", "--data-dir", "d"]).data_dir == "d"


def test_no_command_starts_the_gui_without_building_the_command_parsers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[str | None] = []

    def fail(kit: CliKit) -> argparse.ArgumentParser:
        raise AssertionError("the GUI's path built the command parsers")

    monkeypatch.setattr(cli, "build_parser", fail)
    monkeypatch.setattr(cli, "start_gui", lambda data_dir: started.append(data_dir) or 0)
    assert cli.main(["--data-dir", "somewhere"]) == 0
    assert cli.main([]) == 0
    assert started == ["somewhere", None]


def _namespace(root: Path, **options: object) -> argparse.Namespace:
    """What the parser gives a command: the directory, signed in as the test administrator."""
    signed_in: dict[str, object] = {
        "user": "admin",
        "password_stdin": True,
        "full_personal_data": False,
    }
    return argparse.Namespace(data_dir=str(root), **{**signed_in, **options})


@pytest.fixture
def password_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(ADMIN_PASSWORD + "\n"))


def test_initialized_refuses_a_directory_without_a_database_and_creates_nothing(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "typo"
    refused = pytest.raises(
        NotInitialized, match="还没有初始化。请先运行：dangqun --data-dir 目录 init"
    )
    with refused, CliKit().initialized(_namespace(missing)):
        pytest.fail("the block ran")
    assert not missing.exists()


def test_initialized_refuses_a_database_without_a_center(empty_application: Application) -> None:
    root = empty_application.paths.root
    empty_application.close()
    refused = pytest.raises(NotInitialized, match=re.escape(str(root)))
    with refused, CliKit().initialized(_namespace(root)):
        pytest.fail("the block ran")


@pytest.mark.usefixtures("password_on_stdin")
def test_initialized_opens_and_closes_an_initialised_directory(application: Application) -> None:
    root = application.paths.root
    application.close()
    kit = CliKit()
    with kit.initialized(_namespace(root)) as opened:
        assert opened.paths == DataPaths(root) and not opened.closed
    assert opened.closed
    sys.stdin = io.StringIO(ADMIN_PASSWORD + "\n")
    with kit.opened(_namespace(root)) as again:  # the lock was released
        assert again.paths.root == root


@pytest.mark.usefixtures("password_on_stdin")
def test_a_command_acts_as_the_signed_in_user_with_personal_data_withheld(
    application: Application,
) -> None:
    root = application.paths.root
    application.close()
    kit = CliKit()
    with pytest.raises(SignInRequired):
        kit.actor()
    with kit.initialized(_namespace(root)):
        actor = kit.actor()
    assert actor.username == "admin" and actor.role is Role.ADMIN and actor.user_id is not None
    assert actor.can(Permission.RESTORE)
    assert not actor.can(Permission.SEE_PERSONAL_DATA)


@pytest.mark.usefixtures("password_on_stdin")
def test_full_personal_data_is_granted_to_an_administrator_who_asks(
    application: Application,
) -> None:
    root = application.paths.root
    application.close()
    kit = CliKit()
    with kit.initialized(_namespace(root, full_personal_data=True)):
        assert kit.actor().can(Permission.SEE_PERSONAL_DATA)


def add_hello_commands(commands: argparse._SubParsersAction, kit: CliKit) -> None:
    hello = commands.add_parser("hello", help="测试命令")
    hello.add_argument("--name", required=True)
    hello.set_defaults(handler=partial(command_hello, kit=kit))


def command_hello(arguments: argparse.Namespace, kit: CliKit) -> int:
    print(f"你好，{arguments.name}（{'已登录' if kit.signed_in else '未登录'}）")
    return EXIT_OK


def test_a_features_commands_come_from_its_declaration(
    capsys: pytest.CaptureFixture[str],
) -> None:
    hello = Feature(key="hello", title="问候", cli_commands=(f"{__name__}:add_hello_commands",))
    with feature_added(hello):
        assert re.search(r"\n    hello +测试命令\n", build_parser(CliKit()).format_help())
        assert cli.main(["hello", "--name", "王芳", "--data-dir", "unused"]) == EXIT_OK
    assert capsys.readouterr().out == "你好，王芳（未登录）\n"
    assert "hello" not in build_parser(CliKit()).format_help()
