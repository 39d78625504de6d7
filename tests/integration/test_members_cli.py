"""``dangqun members import|export|template|search`` as real processes on a real data directory."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from dangqun.members.validation import id_check_character
from tests.cli_helpers import CLI, init, run_cli
from tests.conftest import ADMIN_PASSWORD

pytestmark = pytest.mark.slow  # each test sets a center up through two CLI processes first


def make_id(sequence: int, birth: str = "19850615") -> str:
    first = f"530102{birth}{sequence:03d}"
    return first + id_check_character(first)


def write_roster(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["翠湖社区党员花名册"])
    sheet.append(
        [
            "序号",
            "姓名",
            "性别",
            "民族",
            "公民身份号码",
            "所在党支部",
            "入党日期",
            "转正日期",
            "联系电话",
        ]
    )
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


GOOD = [
    [1, "张三丰", "男", "汉", make_id(101), "第一网格党支部", "2010.07.01", "2011-7-1", "13812345678"],
    [2, "王芳", "女", "汉族", make_id(102), "第一网格党支部", date(2012, 7, 1), "2013年7月1日", None],
]  # fmt: skip
BAD = [3, "李强", "男", "汉族", make_id(103)[:17] + "0" if make_id(103)[17] != "0" else make_id(103)[:17] + "1",
       "第一网格党支部", "2010-07-01", "2011-07-01", None]  # fmt: skip


@pytest.fixture
def center(tmp_path: Path) -> Path:
    data_dir = tmp_path / "center"
    assert init(data_dir).returncode == 0
    assert run_cli(data_dir, "demo", "--members", "30").returncode == 0  # builds the branch tree
    return data_dir


def members(data_dir: Path) -> int:
    connection = sqlite3.connect(data_dir / "dangqun.sqlite3")
    try:
        return int(connection.execute("SELECT count(*) FROM members").fetchone()[0])
    finally:
        connection.close()


def test_import_exits_0_when_every_row_is_valid_and_reimport_adds_nobody(center, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", GOOD)
    result = run_cli(center, "members", "import", str(roster), "--report", str(tmp_path / "r.json"))
    assert result.returncode == 0, result.stderr
    assert "共 2 行，有效 2 行" in result.stdout and "已新增 2 人" in result.stdout
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert {k: report[k] for k in ("total", "valid", "imported", "updated", "unchanged")} == {
        "total": 2, "valid": 2, "imported": 2, "updated": 0, "unchanged": 0,
    }  # fmt: skip
    assert report["invalid"] == [] and members(center) == 32
    again = run_cli(center, "members", "import", str(roster), "--report", str(tmp_path / "r2.json"))
    assert again.returncode == 0
    second = json.loads((tmp_path / "r2.json").read_text(encoding="utf-8"))
    assert (second["imported"], second["unchanged"]) == (0, 2) and members(center) == 32


def test_import_exits_3_with_invalid_rows_and_writes_nothing_unless_skip_invalid(center, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", [*GOOD, BAD])
    result = run_cli(center, "members", "import", str(roster), "--report", str(tmp_path / "r.json"))
    assert result.returncode == 3
    assert "第 5 行 公民身份号码" in result.stderr and "校验位不正确" in result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (report["total"], report["valid"], report["imported"]) == (3, 2, 0)
    assert report["invalid"] == [
        {
            "row": 5,
            "column": "公民身份号码",
            "value": BAD[4],
            "reason": "公民身份号码校验位不正确，请逐位核对是否录入有误",
        }
    ]
    assert members(center) == 30
    dry = run_cli(center, "members", "import", str(roster), "--dry-run", "--skip-invalid")
    assert dry.returncode == 3 and "将新增 2 人" in dry.stdout and members(center) == 30
    skipped = run_cli(center, "members", "import", str(roster), "--skip-invalid")
    assert skipped.returncode == 3 and "已新增 2 人" in skipped.stdout
    assert members(center) == 32


def test_unknown_branches_need_create_branches(center, tmp_path):
    row = [
        1,
        "赵敏",
        "女",
        "汉族",
        make_id(104),
        "第九十九网格党支部",
        "2010-07-01",
        "2011-07-01",
        None,
    ]
    roster = write_roster(tmp_path / "roster.xlsx", [row])
    refused = run_cli(center, "members", "import", str(roster))
    assert refused.returncode == 3 and "第九十九网格党支部" in refused.stderr
    created = run_cli(center, "members", "import", str(roster), "--create-branches")
    assert created.returncode == 0, created.stderr
    assert "已建立党支部：第九十九网格党支部" in created.stdout and members(center) == 31


def test_import_of_a_file_that_is_no_roster_fails_with_exit_1(center, tmp_path):
    bogus = tmp_path / "bogus.xlsx"
    bogus.write_bytes(b"not a workbook")
    result = run_cli(center, "members", "import", str(bogus))
    assert result.returncode == 1 and "不是有效的 Excel 工作簿" in result.stderr


def test_export_and_search(center, tmp_path):
    write_roster(tmp_path / "roster.xlsx", GOOD)
    assert run_cli(center, "members", "import", str(tmp_path / "roster.xlsx")).returncode == 0
    exported = run_cli(center, "members", "export", str(tmp_path / "out.xlsx"))
    assert exported.returncode == 0 and "已导出 32 名党员" in exported.stdout
    sheet = load_workbook(tmp_path / "out.xlsx").active
    assert sheet.max_row == 33 and sheet["A1"].value == "姓名"
    found = run_cli(center, "members", "search", "zsf", "--json")
    assert found.returncode == 0, found.stderr
    payload = json.loads(found.stdout)
    assert payload["total"] >= 1 and "张三丰" in [row["name"] for row in payload["rows"]]
    by_tail = run_cli(center, "members", "search", make_id(102)[-4:], "--full-personal-data")
    assert "王芳" in by_tail.stdout
    template = run_cli(center, "members", "template", str(tmp_path / "t.xlsx"))
    assert template.returncode == 0 and (tmp_path / "t.xlsx").exists()
    connection = sqlite3.connect(center / "dangqun.sqlite3")
    actions = [r[0] for r in connection.execute("SELECT action FROM audit_log")]
    connection.close()
    assert "members.export" in actions and "members.import" in actions


@pytest.mark.parametrize("where", ["missing folder", "a folder", "read-only folder"])
def test_a_report_that_cannot_be_written_is_refused_before_anything_is_imported(
    center, tmp_path, where
):
    """Issue 10: a bad ``--report`` path after a committed import ended in a traceback."""
    roster = write_roster(tmp_path / "roster.xlsx", GOOD)
    if where == "missing folder":
        report = tmp_path / "no-such-folder" / "r.json"
    elif where == "a folder":
        report = tmp_path / "reports"
        report.mkdir()
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        report = folder / "r.json"
    result = run_cli(center, "members", "import", str(roster), "--report", str(report))
    assert result.returncode == 1
    assert "--report" in result.stderr and "Traceback" not in result.stderr
    assert members(center) == 30


def test_the_report_is_written_owner_only(center, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", [*GOOD, BAD])
    report = tmp_path / "r.json"
    assert (
        run_cli(center, "members", "import", str(roster), "--report", str(report)).returncode == 3
    )
    assert report.stat().st_mode & 0o077 == 0
    assert not list(tmp_path.glob(".*partial*"))


SIGN_IN = ("--user", "admin", "--password-stdin")
NOT_UTF8 = os.fsdecode(b"\xff\xfe\xc3")


def test_a_search_that_is_not_valid_utf8_is_refused_in_chinese(center):
    """Issue 10: invalid UTF-8 from a terminal gave a traceback."""
    result = subprocess.run(
        [*CLI, "--data-dir", str(center), *SIGN_IN, "members", "search", NOT_UTF8],
        input=ADMIN_PASSWORD + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("错误：") and "Traceback" not in result.stderr


# -- Issue 11: a first day that works ----------------------------------------------------------


def test_a_dry_run_counts_the_valid_rows_and_says_a_real_run_would_write_nothing(center, tmp_path):
    """ "将新增 0 人" for a file with a valid new row and an invalid one told the user nothing."""
    roster = write_roster(tmp_path / "roster.xlsx", [GOOD[0], BAD])
    dry = run_cli(center, "members", "import", str(roster), "--dry-run")
    assert dry.returncode == 3, dry.stderr
    assert "将新增 0 人" not in dry.stdout
    assert (
        "有无效行：照现在这样导入将不写入任何数据。若用 --skip-invalid 只导入有效的 1 行，"
        "将新增 1 人，将更新 0 人，0 人无变化。"
    ) in dry.stdout
    assert members(center) == 30


def test_skip_invalid_is_not_suggested_when_no_row_is_valid(center, tmp_path):
    roster = write_roster(tmp_path / "roster.xlsx", [BAD])
    for extra in ((), ("--skip-invalid",), ("--skip-invalid", "--dry-run")):
        result = run_cli(center, "members", "import", str(roster), *extra)
        assert result.returncode == 3
        assert "--skip-invalid" not in result.stdout + result.stderr, extra
        assert "没有一行有效" in result.stdout
    assert members(center) == 30


def test_the_fill_rules_marks_import_and_unknown_branches_name_create_branches(center, tmp_path):
    """转正日期 “无” and 联系电话 “—” were refused; the 人员类别 rule is said once; an unknown
    branch tells the user which option creates it."""
    rows = [
        [1, "赵敏", "女", "汉族", make_id(104), "第一网格党支部", "2010-07-01", "无", "—"],
        [2, "钱红", "女", "汉族", make_id(106), "第九十九网格党支部", "2010-07-01", "2011-7-1", "／"],
    ]  # fmt: skip
    roster = write_roster(tmp_path / "roster.xlsx", rows)
    result = run_cli(center, "members", "import", str(roster), "--dry-run")
    assert result.returncode == 3
    assert "第 3 行" not in result.stderr  # 赵敏's row is valid
    assert "第 4 行 所在党支部 “第九十九网格党支部”" in result.stderr
    assert result.stdout.count("说明：花名册没有“人员类别”列") == 1
    assert (
        "这些党支部还不存在：第九十九网格党支部（1 行只因此无效）。名称无误的话，加 "
        "--create-branches 重新运行"
    ) in result.stdout
    created = run_cli(center, "members", "import", str(roster), "--create-branches")
    assert created.returncode == 0, created.stderr
    assert members(center) == 32


@pytest.mark.parametrize("command", ["export", "template"])
def test_writing_into_a_missing_folder_prints_only_the_chinese_message(center, tmp_path, command):
    """Issue 11: a Python "Exception ignored" trace followed the message."""
    target = tmp_path / "no-such-folder" / "members.xlsx"
    result = run_cli(center, "members", command, str(target))
    assert result.returncode == 1
    assert result.stderr == f"错误：文件夹“{target.parent}”不存在。请另选一个保存位置。\n"


def test_a_failed_workbook_save_leaves_no_exception_ignored_trace(tmp_path):
    """The trace's cause: openpyxl's write-only sheet streams rows through a generator that holds
    an open XML element; when ``save`` fails, the generator is finalised at exit against a closed
    file and Python prints "Exception ignored in: <generator … _write_rows>". The exporter
    closes it itself (exporter._discard_row_buffer)."""
    script = (
        "from pathlib import Path\n"
        "from dangqun.members.exporter import _fill_workbook\n"
        "try:\n"
        f"    _fill_workbook(Path({str(tmp_path / 'missing' / 'x.xlsx')!r}), [['张三'] * 22])\n"
        "except FileNotFoundError:\n"
        "    print('refused')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.stdout == "refused\n" and result.stderr == ""
