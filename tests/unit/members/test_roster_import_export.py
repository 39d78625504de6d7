"""Excel rosters in and out: real .xlsx files written with openpyxl in the test."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select, text

from dangqun.core.invariants import run_checks
from dangqun.core.privacy import mask_id_number, mask_phone
from dangqun.members import glossary, service
from dangqun.members.codes import EventType
from dangqun.members.importer import ImportMode, RosterError, import_roster
from dangqun.members.models import Member, MemberEvent, Organization
from dangqun.members.vocabulary import MemberKind
from tests.unit.members.conftest import TODAY, make_form, make_id, staff_actor

HEADER = [
    "序号", "姓  名", "性别", "民族", "出生\n年月", "身份证号码", "学历", "所在支部", "入党日期",
    "转为正式党员日期", "手机号码", "家庭住址", "备注",
]  # fmt: skip


def write_roster(path: Path, rows: list[list[object]], header=HEADER, title=True) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    if title:
        sheet.append(["翠湖社区党员花名册（2026年11月）"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        sheet.append(
            ["填报单位：翠湖社区党委", None, None, None, None, None, "填报日期：2026.11.20"]
        )
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def good_rows() -> list[list[object]]:
    return [
        [1, "张三丰", "男", "汉", "1985.06", make_id(sequence=101), "本科", "第一网格党支部",
         datetime(2010, 7, 1), "2011-7-1", "138 1234 5678", "五华区翠湖北路12号", None],
        [2, "王　芳", "女", "彝族", "198506", make_id(sequence=102), "大专", "第一网格党支部",
         "2012年7月1日", "2013.07.01", "0871-65123456", "五华区青年路8号", "居民代表"],
        [3, "阿依古丽·买买提", "女", "维吾尔", None, make_id(area="650102", sequence=104),
         "中央党校研究生", "第二网格党支部", "20050701", "200607", None, None, None],
        [4, "張三", None, "汉族", None, make_id(sequence=103).lower(), None, "1栋党小组",
         "2004-07-01", 200507, "13987654321", None, None],
    ]  # fmt: skip


def count(database, table: str) -> int:
    with database.reading() as session:
        return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_a_messy_but_valid_roster_imports_completely(database, admin, tree, tmp_path):
    path = write_roster(tmp_path / "roster.xlsx", good_rows())
    report = import_roster(database, admin, path, today=TODAY)
    assert (report.header_row, report.total, report.valid) == (3, 4, 4)
    assert (report.imported, report.updated, report.unchanged) == (4, 0, 0)
    assert report.written and report.invalid == []
    assert report.ignored_columns == ["序号"]
    with database.reading() as session:
        people = {m.name: m for m in session.scalars(select(Member))}
        assert set(people) == {"张三丰", "王芳", "阿依古丽·买买提", "張三"}
        assert people["王芳"].ethnicity_code == "07" and people["王芳"].phone == "0871-65123456"
        assert people["张三丰"].confirmed_on == date(2011, 7, 1)
        assert people["张三丰"].phone == "13812345678"
        assert people["阿依古丽·买买提"].education_code == "10"
        assert people["阿依古丽·买买提"].confirmed_on == date(2006, 7, 1)
        assert people["張三"].id_number == make_id(sequence=103).upper()
        assert people["張三"].confirmed_on == date(2005, 7, 1)
        assert session.get(Organization, people["張三"].organization_id).name == "1栋党小组"
    actions = audit_actions(database)
    assert actions.count("member.create") == 4 and actions.count("members.import") == 1
    with database.reading() as session:  # the bulk path left what one-by-one would leave
        report = run_checks(session)
    assert report.ok, report.problems
    assert [e.event_type for e in service.member_history(database, admin, 1)] == [EventType.CREATED]


def audit_actions(database) -> list[str]:
    with database.reading() as session:
        return list(session.scalars(text("SELECT action FROM audit_log ORDER BY id")))


def test_every_row_is_checked_and_nothing_is_written_when_one_is_bad(
    database, admin, tree, tmp_path
):
    rows = good_rows()
    bad_checksum = make_id(sequence=105)[:17] + ("1" if make_id(sequence=105)[17] != "1" else "2")
    rows += [
        [5, "钱伟", "男", "汉族", None, bad_checksum, "高中", "第一网格党支部", "2010-07-01", None,
         None, None, None],
        [6, "孙丽", "男", "火星族", None, make_id(sequence=106), "本科", "第九网格党支部",
         "2001-02-30", None, "12345678901", None, None],
        [7, "周强", "男", "汉族", None, 530102198506151071, "本科", "第一网格党支部", "2003-01-01",
         None, None, None, None],
        [8, "吴敏", "女", "汉族", None, make_id(sequence=102), "本科", "第一网格党支部",
         "2012-07-01", "2013-07-01", None, None, None],
        [None, None, None, None, None, None, None, None, None, None, None, None, None],
        ["填表人：王芳", None, None, None, None, None, None, None, None, None, None, None, None],
    ]  # fmt: skip
    path = write_roster(tmp_path / "roster.xlsx", rows)
    report = import_roster(database, admin, path, today=TODAY)
    assert not report.written and report.total == 8 and report.valid == 4
    found = {(p.row, p.column): (p.value, p.reason) for p in report.invalid}
    assert found[(8, "身份证号码")] == (
        bad_checksum,
        "公民身份号码校验位不正确，请逐位核对是否录入有误",
    )
    assert "民族“火星族”不在 GB 3304 民族表中" in found[(9, "民族")][1]
    assert "不存在" in found[(9, "所在支部")][1] and found[(9, "所在支部")][0] == "第九网格党支部"
    assert found[(9, "入党日期")][1].startswith("日期“2001-02-30”不存在")
    assert "手机号码的第二位" in found[(9, "手机号码")][1]
    assert "存成了数字" in found[(10, "身份证号码")][1]
    assert found[(11, "身份证号码")][1] == "与第 5 行的身份号码相同（同一人只能有一行）"
    assert (12, "姓名") not in found  # the empty row is not a person
    assert all(p.row != 13 for p in report.invalid)  # the footer (in 序号) is no person
    assert count(database, "members") == 0 and count(database, "member_events") == 0
    assert "members.import" not in audit_actions(database)


def test_skip_invalid_imports_only_the_valid_rows_in_one_transaction(
    database, admin, tree, tmp_path
):
    rows = [
        *good_rows(),
        [5, "钱伟", "男", "汉族", None, "123", "高中", "第一网格党支部", "2010-07-01", None, None,
         None, None],
    ]  # fmt: skip
    path = write_roster(tmp_path / "roster.xlsx", rows)
    report = import_roster(database, admin, path, ImportMode.VALID_ROWS, today=TODAY)
    assert report.written and (report.valid, report.imported) == (4, 4)
    assert [(p.row, p.column) for p in report.invalid] == [(8, "身份证号码")]
    assert count(database, "members") == 4


def test_reimport_creates_no_duplicates_and_reports_updated_and_unchanged(
    database, admin, tree, tmp_path
):
    path = write_roster(tmp_path / "roster.xlsx", good_rows())
    import_roster(database, admin, path, today=TODAY)
    events_before = count(database, "member_events")
    again = import_roster(database, admin, path, today=TODAY)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 4)
    rows = good_rows()
    rows[0][10] = "13900001111"  # a new phone
    rows[1][7] = "第二网格党支部"  # moved to the other branch
    changed = import_roster(database, admin, write_roster(tmp_path / "v2.xlsx", rows), today=TODAY)
    assert (changed.imported, changed.updated, changed.unchanged) == (0, 2, 2)
    assert count(database, "members") == 4
    with database.reading() as session:
        assert session.scalar(select(Member.phone).where(Member.name == "张三丰")) == "13900001111"
        moves = session.scalar(
            select(func.count())
            .select_from(MemberEvent)
            .where(MemberEvent.event_type == "branch_change")
        )
    assert moves == 1 and count(database, "member_events") == events_before + 1


def test_empty_cells_never_erase_recorded_data(database, admin, tree, tmp_path):
    service.register_member(
        database, admin, make_form(tree.grid_one.id, id_number=make_id(sequence=101)), today=TODAY
    )
    header = ["姓名", "公民身份号码", "民族", "所在党支部", "加入党组织日期", "联系电话"]
    rows = [["张三丰", make_id(sequence=101), "汉族", None, "2010-07-01", None]]
    report = import_roster(
        database, admin, write_roster(tmp_path / "r.xlsx", rows, header, title=False), today=TODAY
    )
    assert report.unchanged == 1
    with database.reading() as session:
        member = session.scalar(select(Member))
        assert member.phone == "13812345678" and member.organization_id == tree.grid_one.id


def test_unknown_branches_are_errors_unless_created(database, admin, tree, tmp_path):
    rows = [
        [1, "李强", "男", "汉族", None, make_id(sequence=111), "本科", "第五网格党支部",
         "2010-07-01", "2011-07-01", None, None, None],
    ]  # fmt: skip
    path = write_roster(tmp_path / "roster.xlsx", rows)
    refused = import_roster(database, admin, path, today=TODAY)
    assert refused.invalid[0].column == "所在支部" and not refused.written
    dry = import_roster(database, admin, path, create_branches=True, dry_run=True, today=TODAY)
    assert dry.created_branches == ["第五网格党支部"] and dry.imported == 1 and not dry.written
    assert count(database, "members") == 0 and count(database, "organizations") == 5
    done = import_roster(database, admin, path, create_branches=True, today=TODAY)
    assert done.written and done.created_branches == ["第五网格党支部"]
    with database.reading() as session:
        branch = session.scalar(select(Organization).where(Organization.name == "第五网格党支部"))
        assert branch.parent_id == tree.community.id and branch.code == "530102001001003"


def test_national_system_headers_and_floating_members(database, admin, tree, tmp_path):
    header = [
        "姓名", "性别", "民族", "公民身份号码", "出生日期", "学历", "人员类别", "所在党支部",
        "加入党组织日期", "转为正式党员日期", "工作岗位", "联系电话", "家庭住址", "党籍状态",
        "是否失联", "是否流动党员", "外出流向",
    ]  # fmt: skip
    rows = [
        ["赵敏", "女", "汉族", make_id(sequence=112), date(1985, 6, 15), "大学本科", "正式党员",
         "第二网格党支部", date(2008, 6, 1), date(2009, 6, 1), "个体", "15912345678",
         "五华区龙泉路1号", "正常", "否", "是", "广东省深圳市"],
        ["孙杰", "男", "汉族", make_id(sequence=113), None, "高中", "预备党员", "第二网格党支部",
         date(2026, 5, 4), None, "务工", None, None, "正常", "否", "否", None],
    ]  # fmt: skip
    report = import_roster(
        database, admin, write_roster(tmp_path / "n.xlsx", rows, header, title=False), today=TODAY
    )
    assert report.valid == 2, report.invalid
    with database.reading() as session:
        kinds = dict(session.execute(select(Member.name, Member.kind)).all())
    assert kinds == {"赵敏": MemberKind.FLOATING_OUT.value, "孙杰": MemberKind.LOCAL.value}


def test_files_that_are_not_rosters_are_refused_clearly(database, admin, tmp_path):
    not_excel = tmp_path / "roster.xlsx"
    not_excel.write_text("姓名,身份证号\n", encoding="utf-8")
    with pytest.raises(RosterError, match="不是有效的 Excel 工作簿"):
        import_roster(database, admin, not_excel)
    no_header = write_roster(tmp_path / "other.xlsx", [["a", "b"]], header=["名称", "数量"])
    with pytest.raises(RosterError, match="没有找到表头"):
        import_roster(database, admin, no_header)
    with pytest.raises(RosterError, match="找不到文件"):
        import_roster(database, admin, tmp_path / "missing.xlsx")


def test_export_follows_filters_and_masking_and_is_audited(database, admin, tree, tmp_path):
    import_roster(database, admin, write_roster(tmp_path / "in.xlsx", good_rows()), today=TODAY)
    full = service.export_members(database, admin, service.MemberQuery(), tmp_path / "all.xlsx")
    assert (full.rows, full.personal_data_masked) == (4, False)
    sheet = load_workbook(tmp_path / "all.xlsx").active
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["姓名", "性别", "民族", "出生日期", "公民身份号码"]
    first = {h: c.value for h, c in zip(header, sheet[2], strict=True)}
    assert first["姓名"] == "阿依古丽·买买提" and first["民族"] == "维吾尔族"
    assert isinstance(first["加入党组织日期"], datetime) and first["公民身份号码"] == make_id(
        area="650102", sequence=104
    )
    masked = service.export_members(
        database, staff_actor(), service.MemberQuery(text="zsf"), tmp_path / "staff.xlsx"
    )
    assert (masked.rows, masked.personal_data_masked) == (1, True)
    row = [cell.value for cell in load_workbook(tmp_path / "staff.xlsx").active[2]]
    assert row[0] == "张三丰" and row[4].startswith("5301") and "*" in row[4]
    assert mask_phone("13812345678") in row
    assert row[3] == "1985-06"  # year and month only beside a masked number (issue 10)
    with database.reading() as session:
        exports = [
            json.loads(after)
            for (after,) in session.execute(
                text("SELECT after_json FROM audit_log WHERE action='members.export'")
            )
        ]
    assert [(e["rows"], e["full_personal_data"]) for e in exports] == [(4, True), (1, False)]


def test_the_export_audit_keeps_no_searched_number(database, admin, tree, tmp_path):
    """A staff export filtered by a full ID number must not write that number into the log."""
    import_roster(database, admin, write_roster(tmp_path / "in.xlsx", good_rows()), today=TODAY)
    number = make_id(area="650102", sequence=104)
    query = service.MemberQuery(text=number)
    assert service.export_members(database, staff_actor(), query, tmp_path / "one.xlsx").rows == 1
    with database.reading() as session:
        (after,) = session.execute(
            text("SELECT after_json FROM audit_log WHERE action='members.export'")
        ).one()
    assert number not in after and number[:6] not in after
    assert json.loads(after)["query"]["text"] == mask_id_number(number)


def test_an_unmasked_export_imports_back_unchanged(database, admin, tree, tmp_path):
    import_roster(database, admin, write_roster(tmp_path / "in.xlsx", good_rows()), today=TODAY)
    service.export_members(database, admin, service.MemberQuery(), tmp_path / "out.xlsx")
    again = import_roster(database, admin, tmp_path / "out.xlsx", today=TODAY)
    assert (again.total, again.valid, again.unchanged, again.updated) == (4, 4, 4, 0)


def test_blank_template_has_the_preferred_headers_and_imports_as_empty(database, admin, tmp_path):
    path = service.write_import_template(tmp_path / "template.xlsx")
    header = [cell.value for cell in load_workbook(path).active[1]]
    assert header[:5] == ["姓名", "性别", "民族", "出生日期", "公民身份号码"]
    assert {glossary.ORGANIZATION, "加入党组织日期", "转为正式党员日期", "联系电话"} <= set(header)
    report = import_roster(database, admin, path)
    assert (report.total, report.valid, report.written) == (0, 0, False)


# -- Issue 11: a first day that works ----------------------------------------------------------

NATIONAL = [
    "姓名",
    "性别",
    "民族",
    "公民身份号码",
    "所在党支部",
    "入党时间",
    "转正时间",
    "联系电话",
]
"""A roster after the national 16-item record: no 人员类别 column, 转正时间 says it."""


def test_the_fill_rules_marks_are_empty_cells_not_errors(database, admin, tree, tmp_path):
    """不能有空白栏，没有的可填‘无’或者划‘—’: 转正时间 “无” and 联系电话 “—” were refused."""
    rows = [
        ["张三丰", "男", "汉族", make_id(sequence=101), "第一网格党支部", "2010-07-01",
         "2011-07-01", "—"],
        ["王芳", "女", "汉族", make_id(sequence=102, birth=date(2000, 6, 15)), "第一网格党支部",
         "2026-05-04", "无", " －－ "],
        ["李强", "男", "汉族", make_id(sequence=103), "第一网格党支部", "2010-07-01",
         "2011-07-01", "暂无"],
        ["赵敏", "女", "汉族", make_id(sequence=104), "第一网格党支部", "2010-07-01", "／",
         "无。"],
        ["孙杰", "男", "汉族", make_id(sequence=105), "第一网格党支部", "2010-07-01", "——", "/"],
        ["钱红", "女", "汉族", make_id(sequence=106), "第一网格党支部", "2010-07-01",
         "2011-07-01", "-"],
    ]  # fmt: skip
    path = write_roster(tmp_path / "marks.xlsx", rows, NATIONAL, title=False)

    report = import_roster(database, admin, path, today=TODAY)

    assert report.invalid == [] and (report.valid, report.imported) == (6, 6)
    with database.reading() as session:
        stored = dict(session.execute(select(Member.name, Member.phone)).all())
        confirmed = dict(session.execute(select(Member.name, Member.confirmed_on)).all())
    assert set(stored.values()) == {None}
    assert confirmed["王芳"] is None and confirmed["赵敏"] is None


def test_a_required_field_holding_only_a_mark_is_missing_and_says_so(
    database, admin, tree, tmp_path
):
    rows = [
        ["无", "男", "汉族", make_id(sequence=101), "第一网格党支部", "2010-07-01", None, None],
        ["王芳", "女", "汉族", "—", "第一网格党支部", "2010-07-01", None, None],
        ["李强", "男", "汉族", make_id(sequence=103), "第一网格党支部", "／", None, None],
    ]  # fmt: skip
    path = write_roster(tmp_path / "required.xlsx", rows, NATIONAL, title=False)

    report = import_roster(database, admin, path, today=TODAY)

    found = {(problem.row, problem.column): problem for problem in report.invalid}
    assert found[(2, "姓名")].reason == "“无”按未填写处理，请填写姓名"
    assert found[(2, "姓名")].value == "无"
    assert found[(3, "公民身份号码")].reason == "“—”按未填写处理，请填写公民身份号码"
    assert found[(4, "入党时间")].reason.startswith("“／”按未填写处理，请填写入党日期")
    assert report.valid == 0 and count(database, "members") == 0


def test_without_a_category_column_the_confirmation_date_decides_and_is_said_once(
    database, admin, tree, tmp_path
):
    rows = [
        ["张三丰", "男", "汉族", make_id(sequence=101), "第一网格党支部", "2010-07-01",
         "2011-07-01", None],
        ["王芳", "女", "汉族", make_id(sequence=102), "第一网格党支部", "2010-07-01", "无", None],
        ["李强", "男", "汉族", make_id(sequence=103), "第一网格党支部", "2026-05-04", None, None],
    ]  # fmt: skip
    path = write_roster(tmp_path / "national.xlsx", rows, NATIONAL, title=False)

    report = import_roster(database, admin, path, today=TODAY)

    assert report.valid == 3 and report.written
    with database.reading() as session:
        categories = dict(session.execute(select(Member.name, Member.category)).all())
    assert categories == {"张三丰": "full", "王芳": "probationary", "李强": "probationary"}
    assert report.notes == [
        "花名册没有“人员类别”列：填有“转正时间”的按正式党员、“转正时间”为空的按预备党员导入"
        "（已在册的人“转正时间”为空时保持原来的人员类别）。"
    ]
    assert report.as_json()["notes"] == report.notes
    assert not any("人员类别" in problem.reason for problem in report.invalid)


def test_a_roster_with_a_category_column_gets_no_note(database, admin, tree, tmp_path):
    header = [*NATIONAL, "人员类别"]
    rows = [["张三丰", "男", "汉族", make_id(sequence=101), "第一网格党支部", "2010-07-01",
             "2011-07-01", None, "正式党员"]]  # fmt: skip
    report = import_roster(
        database, admin, write_roster(tmp_path / "c.xlsx", rows, header, False), today=TODAY
    )
    assert report.valid == 1 and report.notes == []


def test_rows_waiting_only_for_their_branch_are_counted_with_the_branch_names(
    database, admin, tree, tmp_path
):
    rows = [
        ["张三丰", "男", "汉族", make_id(sequence=101), "第五网格党支部", "2010-07-01",
         "2011-07-01", None],
        ["王芳", "女", "汉族", make_id(sequence=102), "第六网格党支部", "2010-07-01",
         "2011-07-01", None],
        ["李强", "男", "汉族", make_id(sequence=103), "第五网格党支部", "2010-07-01",
         "2011-07-01", None],
    ]  # fmt: skip
    path = write_roster(tmp_path / "branches.xlsx", rows, NATIONAL, title=False)

    waiting = import_roster(database, admin, path, dry_run=True, today=TODAY)

    assert waiting.missing_branches == ["第五网格党支部", "第六网格党支部"]
    assert waiting.rows_waiting_for_branches == 3 and waiting.only_branches_missing
    assert waiting.invalid[0].reason == "党支部“第五网格党支部”不存在，需要先建立"
    rows.append(["钱红", "女", "汉族", "123", "第六网格党支部", "2010-07-01", None, None])
    path = write_roster(tmp_path / "mixed.xlsx", rows, NATIONAL, title=False)
    mixed = import_roster(database, admin, path, dry_run=True, today=TODAY)
    assert mixed.rows_waiting_for_branches == 3 and mixed.invalid_rows == 4
    assert not mixed.only_branches_missing
    created = import_roster(database, admin, path, dry_run=True, create_branches=True, today=TODAY)
    assert created.missing_branches == [] and created.valid == 3


def test_a_dry_run_counts_what_importing_the_valid_rows_would_do(database, admin, tree, tmp_path):
    """Issue 11: "将新增 0 人" for one valid new row and one invalid row."""
    rows = [
        ["张三丰", "男", "汉族", make_id(sequence=101), "第一网格党支部", "2010-07-01",
         "2011-07-01", None],
        ["王芳", "女", "汉族", "123", "第一网格党支部", "2010-07-01", "2011-07-01", None],
    ]  # fmt: skip
    path = write_roster(tmp_path / "half.xlsx", rows, NATIONAL, title=False)

    dry = import_roster(database, admin, path, dry_run=True, today=TODAY)

    assert (dry.valid, dry.invalid_rows, dry.imported, dry.written) == (1, 1, 1, False)
    assert dry.mode is ImportMode.NOTHING_IF_INVALID and count(database, "members") == 0
    real = import_roster(database, admin, path, today=TODAY)
    assert (real.imported, real.written) == (0, False) and count(database, "members") == 0
