"""``dangqun timebank import-services`` as a real process on a real data directory (issue 13):
exit 0 / 3 / 1, nothing written on a dry run or with an invalid row, only the valid rows with
``--skip-invalid``, a re-import that adds nothing, ``--open-accounts``, ``--report`` and
``--json``."""

from __future__ import annotations

import json
from datetime import date, timedelta

from dangqun.bootstrap import open_application
from tests.cli_helpers import run_cli
from tests.conftest import actor_of
from tests.unit.timebank.conftest import open_resident, resident_form, row_counts
from tests.unit.timebank.test_importer import line, sheet

SERVED = date.today() - timedelta(days=3)
"""The CLI judges "future" by the clock: the services are three days old."""


def _records(paths) -> dict[str, int]:
    """The time bank's tables (the audit log gains each run's sign-in)."""
    counts = row_counts(paths.database)
    counts.pop("audit_log")
    return counts


def _with_resident(paths) -> str:
    application = open_application(paths)
    try:
        open_resident(application.database, actor_of(application, "admin"), 123)
    finally:
        application.close()
    return resident_form(123).id_number


def test_a_clean_sheet_imports_and_a_second_run_adds_nothing(initialized_paths, tmp_path):
    number = _with_resident(initialized_paths)
    path = sheet(
        tmp_path / "签到表.xlsx",
        [line("刘桂兰", number, "S-1", 服务日期=SERVED), line("刘桂兰", number, None,
         服务日期=SERVED, 开始时间="14:00", 结束时间="15:30")],
    )  # fmt: skip
    first = run_cli(initialized_paths.root, "timebank", "import-services", str(path))
    assert first.returncode == 0, first.stderr
    assert "共 2 行，有效 2 行，无效 0 行" in first.stdout
    assert "已登记 2 条服务记录（3 小时 30 分钟，待核实）" in first.stdout
    before = _records(initialized_paths)

    again = run_cli(initialized_paths.root, "timebank", "import-services", str(path), "--json")
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert (report["imported"], report["already_imported"], report["written"]) == (0, 2, False)
    assert [warning["row"] for warning in report["warnings"]] == [3, 4]
    assert _records(initialized_paths) == before


def test_invalid_rows_exit_3_and_write_nothing_unless_skipped(initialized_paths, tmp_path):
    number = _with_resident(initialized_paths)
    path = sheet(
        tmp_path / "s.xlsx",
        [line("刘桂兰", number, "T-1", 服务日期=SERVED), line("刘桂兰", number, "T-2",
         服务日期=SERVED, 服务类别="跳广场舞")],
    )  # fmt: skip
    report_file = tmp_path / "r.json"
    before = _records(initialized_paths)

    dry = run_cli(initialized_paths.root, "timebank", "import-services", str(path), "--dry-run")
    assert dry.returncode == 3
    assert "照现在这样导入将不写入任何数据" in dry.stdout
    assert "第 4 行 服务类别 “跳广场舞”：服务类别“跳广场舞”不在类别表中" in dry.stderr
    refused = run_cli(
        initialized_paths.root, "timebank", "import-services", str(path), "--report",
        str(report_file),
    )  # fmt: skip
    assert refused.returncode == 3 and "没有导入任何数据" in refused.stdout
    assert _records(initialized_paths) == before
    written = json.loads(report_file.read_text(encoding="utf-8"))
    assert written["invalid"] == [
        {
            "row": 4,
            "column": "服务类别",
            "value": "跳广场舞",
            "reason": written["invalid"][0]["reason"],
        }
    ]
    assert (written["total"], written["valid"], written["written"]) == (2, 1, False)

    skipped = run_cli(
        initialized_paths.root, "timebank", "import-services", str(path), "--skip-invalid"
    )
    assert skipped.returncode == 3
    assert "已登记 1 条服务记录（2 小时，待核实）" in skipped.stdout
    after = _records(initialized_paths)
    assert after["timebank_service_records"] == before["timebank_service_records"] + 1


def test_unknown_people_need_open_accounts(initialized_paths, tmp_path):
    stranger = resident_form(777).id_number
    path = sheet(tmp_path / "new.xlsx", [line("周丽华", stranger, "U-1", 服务日期=SERVED)])
    refused = run_cli(initialized_paths.root, "timebank", "import-services", str(path))
    assert refused.returncode == 3
    assert "还没有开立时间银行账户" in refused.stderr
    opened = run_cli(
        initialized_paths.root, "timebank", "import-services", str(path), "--open-accounts"
    )
    assert opened.returncode == 0, opened.stderr
    assert f"已开户：ZY{date.today().year}00001 周丽华" in opened.stdout


def test_a_file_that_is_no_sign_in_sheet_exits_1_in_chinese(initialized_paths, tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook")
    result = run_cli(initialized_paths.root, "timebank", "import-services", str(path))
    assert result.returncode == 1
    assert "不是有效的 Excel 工作簿" in result.stderr and "Traceback" not in result.stderr
    missing_folder = run_cli(
        initialized_paths.root, "timebank", "import-services", str(path), "--report",
        str(tmp_path / "nowhere" / "r.json"),
    )  # fmt: skip
    assert missing_folder.returncode == 1 and "不存在" in missing_folder.stderr
