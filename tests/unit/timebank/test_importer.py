"""Importing a sign-in sheet (issue 13): real .xlsx files written with openpyxl, every refusal with
its Excel row, column and reason, a dry run and a refused import that write nothing (row counts
read with sqlite3), a re-import that adds nothing, accounts opened only when asked, one audited
action, and the core's rules (overlaps, caps, future, slips) applied across the sheet's rows."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from dangqun.core.errors import PermissionDenied
from dangqun.core.security import Actor, Role
from dangqun.members.service import register_member
from dangqun.timebank.importer import parse_time
from dangqun.timebank.service import (
    ImportMode,
    RecordQuery,
    RecordStatus,
    SheetError,
    VolunteerStatus,
    find_volunteer,
    get_volunteer,
    import_services,
    list_service_records,
    open_volunteer,
    set_volunteer_status,
)
from tests.unit.members.conftest import Tree, make_form
from tests.unit.timebank.conftest import NOW, open_resident, resident_form, row_counts

HEADER = ["序号", "姓名", "公民身份号码", "服务日期", "开始时间", "结束时间", "服务类别",
          "服务对象", "服务内容", "登记单号", "签名"]  # fmt: skip


def sheet(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    """A sign-in sheet as a front desk types it: a title row, the header, the rows, a footer."""
    workbook = Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = "签到表"
    worksheet.append(["翠湖社区志愿服务签到表（2026年11月）"])
    worksheet.append(header)
    for row in rows:
        worksheet.append(row)
    worksheet.append([])
    worksheet.append(["填表人：王芳"])
    workbook.save(path)
    return path


def line(name: str, id_number: str, slip: str | None = None, **changes: object) -> list[object]:
    values: dict[str, object] = {
        "序号": 1,
        "姓名": name,
        "公民身份号码": id_number,
        "服务日期": date(2026, 11, 20),
        "开始时间": time(9, 0),
        "结束时间": time(11, 0),
        "服务类别": "养老助老",
        "服务对象": "独居老人张奶奶",
        "服务内容": "打扫卫生",
        "登记单号": slip,
        "签名": "（手写）",
    }
    values.update(changes)
    return [values[column] for column in HEADER]


@pytest.fixture
def resident(database, admin):
    """刘桂兰, an account holder (resident)."""
    return get_volunteer(database, admin, open_resident(database, admin, 123))


def records(database, admin) -> list:
    return list(list_service_records(database, admin, RecordQuery(), limit=1000).rows)


def test_a_clean_sheet_imports_every_row_as_pending_in_one_batch(
    application, database, admin, resident, tmp_path
):
    number = resident_form(123).id_number
    path = sheet(
        tmp_path / "签到表.xlsx",
        [
            line("刘桂兰", number, "DJ-0001"),
            line("刘桂兰", number, "dj-0002", 开始时间="14:00", 结束时间="16：30"),
            line("刘桂兰", number, None, 服务日期="2026.11.21", 开始时间=0.375, 结束时间="10点"),
        ],
    )
    report = import_services(database, admin, path, now=NOW)

    assert report.written and report.all_valid and report.invalid == []
    assert (report.total, report.imported, report.already_imported) == (3, 3, 0)
    assert report.minutes == 120 + 150 + 60
    assert (report.sheet_name, report.header_row, report.ignored_columns) == (
        "签到表",
        2,
        ["序号", "签名"],
    )
    stored = records(database, admin)
    assert {record.status for record in stored} == {RecordStatus.PENDING}
    assert {record.batch_uuid for record in stored} == {report.batch_uuid}
    assert sorted(record.slip_number or "" for record in stored) == ["", "DJ-0001", "DJ-0002"]
    with sqlite3.connect(application.paths.database) as connection:
        audit = connection.execute(
            "SELECT entity_type, entity_id, after_json FROM audit_log "
            "WHERE action = 'timebank.record.import'"
        ).fetchall()
    assert len(audit) == 1 and audit[0][:2] == ("timebank_import", report.batch_uuid)
    counts = json.loads(audit[0][2])
    assert (counts["records"], counts["already_imported"], counts["total_minutes"]) == (3, 0, 330)


def test_reimporting_the_same_sheet_adds_nothing_and_says_already_imported(
    application, database, admin, resident, tmp_path
):
    number = resident_form(123).id_number
    path = sheet(
        tmp_path / "s.xlsx",
        [line("刘桂兰", number, "DJ-0001"), line("刘桂兰", number, None, 开始时间="14:00",
                                                 结束时间="15:00")],
    )  # fmt: skip
    import_services(database, admin, path, now=NOW)
    before = row_counts(application.paths.database)

    again = import_services(database, admin, path, now=NOW)

    assert again.all_valid and (again.imported, again.already_imported) == (0, 2)
    assert [problem.row for problem in again.warnings] == [3, 4]
    assert all(problem.reason.startswith("已导入过：2026-11-20") for problem in again.warnings)
    assert "登记单号 DJ-0001" in again.warnings[0].reason
    assert not again.written
    assert row_counts(application.paths.database) == before


def test_a_slip_number_used_for_another_service_is_refused_not_skipped(
    database, admin, resident, tmp_path
):
    number = resident_form(123).id_number
    import_services(database, admin, sheet(tmp_path / "a.xlsx", [line("刘桂兰", number, "DJ-7")]),
                    now=NOW)  # fmt: skip
    report = import_services(
        database,
        admin,
        sheet(
            tmp_path / "b.xlsx",
            [line("刘桂兰", number, "DJ-7", 开始时间="14:00", 结束时间="15:00")],
        ),
        now=NOW,
    )
    assert [(p.row, p.column, p.value) for p in report.invalid] == [(3, "登记单号", "DJ-7")]
    assert "已登记过" in report.invalid[0].reason


def test_every_refusal_names_its_row_column_value_and_reason_and_nothing_is_written(
    application, database, admin, resident, tmp_path
):
    number = resident_form(123).id_number
    stranger = resident_form(555).id_number
    rows = [
        line("刘桂兰", number, "A1"),  # row 3: valid
        line("刘桂兰", number, "A2", 结束时间=time(8, 0)),  # 4: end before start
        line("刘桂兰", number, "A3", 服务日期="2026-13-01"),  # 5: no such date
        line("刘桂兰", number, "A4", 开始时间="九点"),  # 6: unreadable time
        line("刘桂兰", number, "A5", 服务类别="跳广场舞"),  # 7: unknown category
        line(
            "刘桂兰", number, "A6", 服务对象=None, 开始时间="15:00", 结束时间="16:00"
        ),  # 8: core: beneficiary required
        line("刘桂芝", number, "A7", 开始时间="13:00", 结束时间="14:00"),  # 9: name mismatch
        line("张三", stranger, "A8"),  # 10: nobody with this number
        line("刘桂兰", "530102195204090000", "A9"),  # 11: bad check character
        line("刘桂兰", number, "A10", 开始时间="10:00", 结束时间="12:00"),  # 12: overlaps row 3
        line("刘桂兰", number, "A11", 服务日期=date(2026, 11, 30)),  # 13: in the future
        line("刘桂兰", number, "A1", 服务日期=date(2026, 11, 19)),  # 14: slip used on row 3
        line("刘桂兰", 53010219520409123, "A12"),  # 15: ID stored as a number
        line("刘桂兰", number, "A13", 服务日期="2026.11"),  # 16: a month, not a day
    ]
    path = sheet(tmp_path / "bad.xlsx", rows)
    before = row_counts(application.paths.database)

    report = import_services(database, admin, path, now=NOW)

    assert not report.written and (report.total, report.valid) == (14, 1)
    found = {(p.row, p.column): (p.value, p.reason) for p in report.invalid}
    assert found[(4, "结束时间")] == (
        "08:00",
        "结束时间 08:00 早于开始时间 09:00；如服务跨过午夜，请在“跨午夜”列填“是”",
    )
    assert found[(5, "服务日期")] == ("2026-13-01", "日期“2026-13-01”不存在（2026 年 13 月 1 日）")
    assert found[(6, "开始时间")] == ("九点", "无法识别的时间“九点”（可写作 9:00、14:30）")
    assert found[(7, "服务类别")][1].startswith("服务类别“跳广场舞”不在类别表中（可选：养老助老")
    assert found[(8, "服务对象")] == ("", "请填写服务对象")
    assert found[(9, "姓名")] == (
        "刘桂芝",
        f"姓名与志愿者 {resident.number} 登记的姓名“刘桂兰”不符，请核对",
    )
    assert "还没有开立时间银行账户" in found[(10, "公民身份号码")][1]
    assert found[(11, "公民身份号码")][1] == "公民身份号码校验位不正确，请逐位核对是否录入有误"
    assert "服务时间重叠" in found[(12, "开始时间")][1]
    assert "晚于今天，不能登记未来的服务" in found[(13, "服务日期")][1]
    assert found[(14, "登记单号")][1] == "登记单号 A1 在本批中重复"
    assert "被 Excel 存成了数字" in found[(15, "公民身份号码")][1]
    assert found[(16, "服务日期")][1] == "服务日期要写到哪一天（如 2026-11-20）"
    assert len(report.invalid) == 13
    assert row_counts(application.paths.database) == before


def test_skip_invalid_writes_the_valid_rows_only_and_a_dry_run_writes_nothing(
    application, database, admin, resident, tmp_path
):
    number = resident_form(123).id_number
    path = sheet(
        tmp_path / "mixed.xlsx",
        [line("刘桂兰", number, "B1"), line("刘桂兰", number, "B2", 结束时间=time(8, 0))],
    )
    before = row_counts(application.paths.database)
    for mode in ImportMode:
        dry = import_services(database, admin, path, mode, dry_run=True, now=NOW)
        assert (dry.dry_run, dry.written, dry.valid, dry.imported) == (True, False, 1, 1)
        assert row_counts(application.paths.database) == before

    refused = import_services(database, admin, path, now=NOW)
    assert not refused.written and row_counts(application.paths.database) == before

    skipped = import_services(database, admin, path, ImportMode.VALID_ROWS, now=NOW)
    assert skipped.written and (skipped.imported, skipped.invalid_rows) == (1, 1)
    assert [record.slip_number for record in records(database, admin)] == ["B1"]


def test_open_accounts_opens_a_resident_and_a_member_once_each(
    application, database, admin, tmp_path
):
    tree = Tree(application, admin)
    member = register_member(database, admin, make_form(tree.grid_one.id)).member
    resident = resident_form(131).id_number
    unknown = resident_form(133).id_number
    rows = [
        line("王秀英", resident, "C1"),
        line("王秀英", resident, "C2", 开始时间="14:00", 结束时间="15:00"),
        line("张三丰", member.id_number, "C3"),
        line("", unknown, "C4"),  # no name: a resident cannot be opened
    ]
    path = sheet(tmp_path / "new.xlsx", rows)
    without = import_services(database, admin, path, ImportMode.VALID_ROWS, dry_run=True, now=NOW)
    assert {(p.row, p.column) for p in without.invalid} == {
        (3, "公民身份号码"), (4, "公民身份号码"), (5, "公民身份号码"), (6, "公民身份号码"),
    }  # fmt: skip
    assert "党员 张三丰 还没有开立时间银行账户" in without.invalid[2].reason

    report = import_services(
        database, admin, path, ImportMode.VALID_ROWS, open_accounts=True, now=NOW
    )

    assert report.written and report.imported == 3
    assert [(p.row, p.column, p.reason) for p in report.invalid] == [(6, "姓名", "请填写姓名")]
    assert [label.split(" ")[1] for label in report.opened_accounts] == ["王秀英", "张三丰"]
    opened = [
        find_volunteer(database, admin, label.split(" ")[0]) for label in report.opened_accounts
    ]
    assert opened[0].member_id is None and opened[1].member_id == member.id
    again = import_services(database, admin, path, ImportMode.VALID_ROWS, open_accounts=True,
                            now=NOW)  # fmt: skip
    assert (again.imported, again.already_imported, again.opened_accounts) == (0, 3, [])


def test_a_volunteer_number_identifies_and_must_agree_with_the_id_number(
    database, admin, resident, tmp_path
):
    other = open_volunteer(database, admin, resident_form(141, name="赵桂芳"))
    header = ["志愿者编号", "姓名", "公民身份号码", "日期", "签到时间", "签退时间", "服务类型",
              "服务对象", "内容", "单号"]  # fmt: skip
    base = [date(2026, 11, 18), "8:00", "9:00", "环境整治", "第一网格", "清扫楼道"]
    path = sheet(
        tmp_path / "numbers.xlsx",
        [
            [resident.number.lower(), "刘桂兰", None, *base, "D1"],
            ["ZY209900001", "刘桂兰", None, *base, "D2"],
            [other.number, "赵桂芳", resident_form(123).id_number, *base, "D3"],
        ],
        header=header,
    )
    report = import_services(database, admin, path, now=NOW)
    assert [(p.row, p.column, p.reason) for p in report.invalid] == [
        (4, "志愿者编号", "没有编号为“ZY209900001”的志愿者"),
        (5, "公民身份号码", f"这个身份号码与志愿者 {other.number} 的账户不符"),
    ]


def test_a_suspended_account_and_a_daily_cap_are_the_cores_refusals(
    database, admin, resident, tmp_path
):
    number = resident_form(123).id_number
    suspended = open_volunteer(database, admin, resident_form(151, name="钱秀兰"))
    set_volunteer_status(database, admin, suspended.id, VolunteerStatus.SUSPENDED, "外出")
    path = sheet(
        tmp_path / "caps.xlsx",
        [
            line("刘桂兰", number, "E1", 开始时间="00:00", 结束时间="12:00"),
            line("刘桂兰", number, "E2", 开始时间="12:00", 结束时间="16:00"),
            line("钱秀兰", resident_form(151).id_number, "E3"),
        ],
    )
    report = import_services(database, admin, path, now=NOW)
    reasons = {p.row: p.reason for p in report.invalid}
    assert "超过每日上限" in reasons[4]
    assert "暂停" in reasons[5] and "不能登记新的服务" in reasons[5]


def test_across_midnight_is_read_from_its_column(database, admin, resident, tmp_path):
    header = [*HEADER, "跨午夜"]
    number = resident_form(123).id_number
    rows = [
        [*line("刘桂兰", number, "F1", 服务日期=date(2026, 11, 10), 开始时间="22:00",
               结束时间="02:00"), "是"],
        [*line("刘桂兰", number, "F2", 服务日期=date(2026, 11, 12), 开始时间="22:00",
               结束时间="02:00"), None],
    ]  # fmt: skip
    report = import_services(database, admin, sheet(tmp_path / "m.xlsx", rows, header), now=NOW)
    assert report.imported == 1 and report.minutes == 240
    assert [(p.row, p.column) for p in report.invalid] == [(4, "结束时间")]
    assert "跨午夜" in report.invalid[0].reason


def test_a_file_that_is_no_sign_in_sheet_is_refused_whole(database, admin, tmp_path):
    not_xlsx = tmp_path / "notes.xlsx"
    not_xlsx.write_text("hello")
    with pytest.raises(SheetError, match="不是有效的 Excel 工作簿"):
        import_services(database, admin, not_xlsx, now=NOW)
    roster = sheet(tmp_path / "roster.xlsx", [["张三"]], header=["姓名", "民族"])
    with pytest.raises(SheetError, match="没有找到表头"):
        import_services(database, admin, roster, now=NOW)
    partial = sheet(tmp_path / "partial.xlsx", [], header=["姓名", "身份证号", "服务日期"])
    with pytest.raises(
        SheetError, match="缺少这些列：开始时间、结束时间、服务类别、服务对象、服务内容"
    ):
        import_services(database, admin, partial, now=NOW)
    with pytest.raises(SheetError, match="找不到文件"):
        import_services(database, admin, tmp_path / "missing.xlsx", now=NOW)


def test_a_read_only_user_may_not_import(database, tmp_path):
    viewer = Actor(user_id=None, username="viewer", display_name="赵静", role=Role.READ_ONLY)
    with pytest.raises(PermissionDenied):
        import_services(database, viewer, tmp_path / "any.xlsx", now=NOW)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (time(9, 30, 15), time(9, 30)),
        (datetime(2026, 11, 20, 14, 5), time(14, 5)),
        (0.5, time(12, 0)),
        ("9:05", time(9, 5)),
        ("９：３０", time(9, 30)),
        ("14.30", time(14, 30)),
        ("8点", time(8, 0)),
        ("8点30分", time(8, 30)),
        ("0730", time(7, 30)),
    ],
)
def test_times_are_read_as_sheets_write_them(raw, expected):
    assert parse_time(raw) == expected


@pytest.mark.parametrize("raw", ["25:00", "9:75", "上午", True])
def test_impossible_times_are_refused_in_chinese(raw):
    with pytest.raises(ValueError, match="时间"):
        parse_time(raw)
