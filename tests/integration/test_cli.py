"""Every CLI command, run as a real process on a real data directory, with no display."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from tests.cli_helpers import CLI, init, run_cli, run_words
from tests.conftest import ADMIN_PASSWORD

SIGN_IN = ("--user", "admin", "--password-stdin")
JSON_STDIN = ("--json", "--password-stdin")


@pytest.fixture
def initialized(tmp_path: Path) -> Path:
    data_dir = tmp_path / "center"
    result = init(data_dir)
    assert result.returncode == 0, result.stderr
    return data_dir


def test_init_creates_center_and_admin(tmp_path):
    result = init(tmp_path / "center")
    assert result.returncode == 0, result.stderr
    assert "已初始化：翠湖社区党群服务中心" in result.stdout
    database = tmp_path / "center" / "dangqun.sqlite3"
    connection = sqlite3.connect(database)
    assert connection.execute("SELECT username, role FROM users").fetchall() == [("admin", "admin")]
    assert connection.execute("SELECT division_code FROM center").fetchall() == [("530102001001",)]
    connection.close()
    for folder in ("backups", "keys", "exports", "logs"):
        assert (tmp_path / "center" / folder).is_dir()


def test_init_refuses_bad_code_and_writes_no_center(tmp_path):
    result = init(tmp_path / "center", code="1234")
    assert result.returncode == 1
    assert "行政区划代码必须是 12 位数字" in result.stderr
    connection = sqlite3.connect(tmp_path / "center" / "dangqun.sqlite3")
    assert connection.execute("SELECT count(*) FROM center").fetchone() == (0,)
    assert connection.execute("SELECT count(*) FROM users").fetchone() == (0,)
    connection.close()


def test_init_registers_the_community_organization_and_contact_details(tmp_path):
    """Issue 11: a fresh center had no 社区党组织, so the first roster import failed."""
    result = init(tmp_path / "center")
    assert result.returncode == 0, result.stderr
    assert "社区党组织：中共翠湖社区委员会（编码 530102001001" in result.stdout
    assert "联系信息：未填写" in result.stdout
    connection = sqlite3.connect(tmp_path / "center" / "dangqun.sqlite3")
    assert connection.execute(
        "SELECT parent_id, level, name, code FROM organizations"
    ).fetchall() == [(None, "community", "中共翠湖社区委员会", "530102001001")]
    connection.close()
    named = run_cli(
        tmp_path / "other", "init", "--center-name", "党群服务中心", "--division-code",
        "530102001002", "--admin", "admin", "--password-stdin", "--community-org",
        "中共青云社区委员会", "--address", "五华区青云路 8 号", "--contact-phone", "0871-65123456",
        user=None, stdin=ADMIN_PASSWORD + "\n",
    )  # fmt: skip
    assert named.returncode == 0, named.stderr
    assert "社区党组织：中共青云社区委员会" in named.stdout
    assert "联系信息：地址：五华区青云路 8 号，联系电话：0871-65123456" in named.stdout


def test_init_names_the_option_to_change(tmp_path):
    result = run_cli(
        tmp_path / "center", "init", "--center-name", "党群服务中心", "--division-code",
        "530102001001", "--admin", "admin", "--password-stdin", "--contact-phone", "12345",
        user=None, stdin=ADMIN_PASSWORD + "\n",
    )  # fmt: skip
    assert result.returncode == 1
    assert "错误：--community-org：请填写社区党组织的全称" in result.stderr
    assert "错误：--contact-phone：联系电话：" in result.stderr
    connection = sqlite3.connect(tmp_path / "center" / "dangqun.sqlite3")
    assert connection.execute("SELECT count(*) FROM center").fetchone() == (0,)
    connection.close()


@pytest.mark.slow
def test_init_then_the_first_roster_import_with_create_branches(tmp_path):
    """The first day in the CLI, from install to an imported roster, without a dead end."""
    from openpyxl import Workbook

    from dangqun.core.parsing import id_number_for

    data_dir = tmp_path / "center"
    assert init(data_dir).returncode == 0
    roster = tmp_path / "roster.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "性别", "民族", "公民身份号码", "所在党支部", "入党日期", "转正日期"])
    sheet.append(["张三丰", "男", "汉族", id_number_for("530102", date(1980, 3, 1), 101),
                  "第一网格党支部", "2005-07-01", "2006-07-01"])  # fmt: skip
    sheet.append(["王芳", "女", "汉族", id_number_for("530102", date(1982, 5, 9), 102),
                  "第二网格党支部", "2007-07-01", "2008-07-01"])  # fmt: skip
    workbook.save(roster)
    result = run_cli(data_dir, "members", "import", str(roster), "--create-branches")
    assert result.returncode == 0, result.stderr
    assert "第一网格党支部" in result.stdout and "第二网格党支部" in result.stdout
    connection = sqlite3.connect(data_dir / "dangqun.sqlite3")
    assert connection.execute("SELECT count(*) FROM members").fetchone() == (2,)
    assert connection.execute(
        "SELECT o.name FROM organizations o JOIN organizations p ON o.parent_id = p.id "
        "WHERE p.level = 'community' ORDER BY o.code"
    ).fetchall() == [("第一网格党支部",), ("第二网格党支部",)]
    connection.close()


@pytest.mark.slow
def test_init_twice_and_without_password_are_refused(initialized, tmp_path):
    assert "不能重复初始化" in init(initialized).stderr
    result = run_cli(
        tmp_path / "x",
        "init",
        "--center-name",
        "甲",
        "--division-code",
        "530102001001",
        "--admin",
        "a",
        user=None,
    )
    assert result.returncode == 1 and "--password-stdin" in result.stderr


@pytest.mark.slow
def test_demo_is_deterministic(tmp_path):
    tables = []
    for name in ("first", "second"):
        data_dir = tmp_path / name
        assert init(data_dir).returncode == 0
        result = run_cli(data_dir, "demo", "--members", "400", "--seed", "11")
        assert result.returncode == 0, result.stderr
        assert "党员 400 名" in result.stdout
        connection = sqlite3.connect(data_dir / "dangqun.sqlite3")
        tables.append(
            connection.execute(
                "SELECT uuid, name, id_number, phone FROM members ORDER BY id"
            ).fetchall()
        )
        connection.close()
    assert tables[0] == tables[1] and len(tables[0]) == 400


@pytest.mark.slow
def test_demo_rejects_bad_member_count(initialized):
    result = run_cli(initialized, "demo", "--members", "-5")
    assert result.returncode == 1 and "演示党员人数必须在" in result.stderr
    usage = run_cli(initialized, "demo", "--members", "many")
    assert usage.returncode == 2


@pytest.mark.slow
def test_backup_restore_and_check(initialized, tmp_path):
    assert run_cli(initialized, "demo", "--members", "50").returncode == 0
    backup = run_cli(initialized, "backup")
    assert backup.returncode == 0, backup.stderr
    backup_file = Path(backup.stdout.split("已备份到：")[1].split("（")[0])
    assert backup_file.is_file()
    connection = sqlite3.connect(initialized / "dangqun.sqlite3")
    connection.execute("DELETE FROM member_events")
    connection.execute("DELETE FROM members")
    connection.commit()
    connection.close()
    restored = run_cli(initialized, "restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert "恢复前的数据已备份到" in restored.stdout
    connection = sqlite3.connect(initialized / "dangqun.sqlite3")
    assert connection.execute("SELECT count(*) FROM members").fetchone() == (50,)
    connection.close()
    check = run_cli(initialized, "check")
    assert check.returncode == 0 and "检查通过" in check.stdout
    not_sqlite = tmp_path / "readme.txt"
    not_sqlite.write_text("not a database")
    refused = run_cli(initialized, "restore", str(not_sqlite))
    assert refused.returncode == 1 and "不是 SQLite 数据库文件" in refused.stderr


@pytest.mark.slow
def test_check_lists_problems_and_exits_one(initialized):
    assert run_cli(initialized, "demo", "--members", "20").returncode == 0
    connection = sqlite3.connect(initialized / "dangqun.sqlite3")
    connection.execute("UPDATE members SET change_seq = 10000000 WHERE id = 2")
    connection.execute("UPDATE members SET organization_id = 999 WHERE id = 3")
    connection.commit()
    connection.close()
    result = run_cli(initialized, "check")
    assert result.returncode == 1
    assert "检查发现 2 个问题" in result.stderr
    assert "1. " in result.stderr and "2. " in result.stderr


@pytest.mark.slow
def test_second_process_is_refused_while_the_first_holds_the_directory(initialized):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from dangqun.bootstrap import open_application\n"
            "from dangqun.core.paths import DataPaths\n"
            f"app = open_application(DataPaths(__import__('pathlib').Path({str(initialized)!r})))\n"
            "print('ready', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = run_cli(initialized, "backup")
        assert result.returncode == 1
        assert f"另一个 dangqun 程序（进程 {holder.pid}）正在使用这个数据目录" in result.stderr
    finally:
        holder.communicate("", timeout=30)
    deadline = time.monotonic() + 10
    while run_cli(initialized, "check").returncode != 0:
        assert time.monotonic() < deadline, "lock was not released when the holder exited"


def test_database_that_is_not_sqlite_is_refused_by_every_command(tmp_path):
    data_dir = tmp_path / "center"
    data_dir.mkdir()
    (data_dir / "dangqun.sqlite3").write_text("会议记录草稿")
    result = run_cli(data_dir, "check")
    assert result.returncode == 1 and "不是 SQLite 格式" in result.stderr
    assert (data_dir / "dangqun.sqlite3").read_text() == "会议记录草稿"


@pytest.mark.slow
def test_screenshot_renders_every_page_without_a_display(initialized, tmp_path):
    from dangqun.ui.screenshot import screenshot_pages

    assert {"home", "members", "bases", "timebank", "minutes", "sync", "settings"} <= set(
        screenshot_pages()
    )
    assert run_cli(initialized, "demo", "--members", "300").returncode == 0
    for page in ("home", "settings"):
        out = tmp_path / f"{page}.png"
        result = run_cli(
            initialized, "screenshot", "--page", page, "--out", str(out), "--size", "1024x700"
        )
        assert result.returncode == 0, result.stderr
        header = out.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert (int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")) == (
            1024,
            700,
        )


@pytest.mark.slow
def test_screenshot_refuses_unknown_page_and_bad_size(initialized, tmp_path):
    unknown = run_cli(
        initialized, "screenshot", "--page", "nowhere", "--out", str(tmp_path / "x.png")
    )
    assert unknown.returncode == 1 and "没有名为“nowhere”的页面" in unknown.stderr
    bad_size = run_cli(
        initialized,
        "screenshot",
        "--page",
        "home",
        "--out",
        str(tmp_path / "x.png"),
        "--size",
        "big",
    )
    assert bad_size.returncode == 2 and "宽x高" in bad_size.stderr


@pytest.mark.slow
def test_output_piped_into_a_reader_that_stops_early_is_not_an_error(initialized):
    assert run_cli(initialized, "demo", "--members", "200").returncode == 0
    process = subprocess.Popen(
        [*CLI, "--data-dir", str(initialized), *SIGN_IN, "members", "search", "王"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    process.stdin.write(ADMIN_PASSWORD + "\n")
    process.stdin.close()
    process.stdin = None  # communicate() below must not flush it again
    assert process.stdout is not None and process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "BrokenPipeError" not in errors


INIT_HINT = "还没有初始化。请先运行：dangqun --data-dir 目录 init --center-name"


@pytest.mark.parametrize(
    "command",
    [("check",), ("demo", "--members", "10"), ("backup",), ("members", "search", "王")],
    ids=lambda words: words[0],
)
def test_commands_on_a_directory_never_initialised_refuse_and_create_nothing(tmp_path, command):
    missing = tmp_path / "typo"
    result = run_cli(missing, *command)
    assert result.returncode == 1
    assert f"错误：数据目录“{missing}”{INIT_HINT}" in result.stderr
    assert not missing.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli(empty, *command)
    assert result.returncode == 1 and INIT_HINT in result.stderr
    assert list(empty.iterdir()) == []


def test_check_refuses_a_database_whose_center_was_never_set_up(tmp_path):
    data_dir = tmp_path / "center"
    assert init(data_dir, code="1234").returncode == 1  # leaves the schema, but no center
    result = run_cli(data_dir, "check")
    assert result.returncode == 1 and INIT_HINT in result.stderr
    connection = sqlite3.connect(data_dir / "dangqun.sqlite3")
    assert connection.execute("SELECT count(*) FROM center").fetchone() == (0,)
    connection.close()


@pytest.mark.slow
def test_data_dir_may_come_before_or_after_the_command(initialized, tmp_path):
    assert run_cli(initialized, "demo", "--members", "20").returncode == 0
    password = ADMIN_PASSWORD + "\n"
    sign_in = SIGN_IN
    before = run_words("--data-dir", str(initialized), *sign_in, "check", stdin=password)
    after = run_words("check", *sign_in, "--data-dir", str(initialized), stdin=password)
    assert before.returncode == after.returncode == 0, after.stderr
    assert before.stdout == after.stdout and "检查通过" in after.stdout
    for words in (
        ("members", "search", "王", "--json", "--data-dir", str(initialized), *sign_in),
        ("members", "--data-dir", str(initialized), "search", "--user", "admin", "王", *JSON_STDIN),
    ):
        found = run_words(*words, stdin=password)
        assert found.returncode == 0, found.stderr
        assert '"total"' in found.stdout
    # Given twice, the one after the command wins: the other directory stays untouched.
    elsewhere = tmp_path / "elsewhere"
    twice = run_words(
        "--data-dir",
        str(elsewhere),
        *sign_in,
        "check",
        "--data-dir",
        str(initialized),
        stdin=password,
    )
    assert twice.returncode == 0 and not elsewhere.exists()


@pytest.mark.slow
def test_usage_errors_are_reported_in_chinese_with_exit_2(tmp_path):
    result = run_words("demo", "--members", "many", "--data-dir", str(tmp_path / "x"))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith(
        "用法：dangqun demo [-h] [--data-dir DIR] [--user NAME]"
    )
    assert result.stderr.splitlines()[-1] == "dangqun demo：错误：参数 --members：“many”不是整数"
    assert not (tmp_path / "x").exists()
    help_text = run_words("members", "import", "--help")
    assert help_text.returncode == 0
    assert help_text.stdout.startswith(
        "用法：dangqun members import [-h] [--data-dir DIR] [--user NAME]"
    )
    assert "位置参数" in help_text.stdout and "显示本帮助并退出" in help_text.stdout


@pytest.mark.slow
@pytest.mark.parametrize("loss", ["deleted", "emptied"])
def test_a_lost_database_beside_backups_is_restored_never_replaced(initialized, loss):
    """Issue 10: with the database file deleted or zero-length and backups beside it, ``check``
    said 检查通过 and ``init`` made a new center. Both refuse and name the newest backup."""
    assert run_cli(initialized, "backup").returncode == 0
    database = initialized / "dangqun.sqlite3"
    for companion in initialized.glob("dangqun.sqlite3-*"):
        companion.unlink()
    if loss == "deleted":
        database.unlink()
    else:
        database.write_bytes(b"")
    newest = max((initialized / "backups").glob("*.sqlite3"), key=lambda path: path.name)
    for result in (run_cli(initialized, "check"), init(initialized)):
        assert result.returncode == 1
        assert newest.name in result.stderr and "restore" in result.stderr
        assert "Traceback" not in result.stderr
    assert not database.exists() or database.stat().st_size == 0
    restored = run_cli(initialized, "restore", str(newest), user=None)
    assert restored.returncode == 0, restored.stderr
    assert run_cli(initialized, "check").returncode == 0
