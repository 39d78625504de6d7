"""The members dialogs as ``dangqun screenshot`` draws them (over the 党员管理 page).

* ``member_dialog`` — the first 流动党员流入 member of the data (a kind with its own fields),
  or the empty registration form when there is none;
* ``member_import_report`` — the report of a small messy roster written to a temporary file:
  a title row, varying headers, dates typed every way, a bad check character, a minor, a
  duplicate, an unknown branch (checked with a dry run: nothing is written);
* ``organization_tree`` — the organization editor on the current tree.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from dangqun.core.parsing import id_number_for
from dangqun.members.service import (
    ImportMode,
    MemberKind,
    MemberQuery,
    branch_choices,
    import_roster,
    list_member_ids,
)
from dangqun.ui.context import UiContext


def _id_number(area: str, birth: date, sequence: int) -> str:
    return id_number_for(area, birth, sequence)


def write_messy_roster(path: Path, branch: str) -> Path:
    """A roster as a front desk receives them; ``branch`` is a branch that exists."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "花名册"
    sheet.append(["翠湖社区党员花名册（2026年11月）"])
    sheet.append(
        [
            "序号",
            "姓名",
            "性别",
            "民族",
            "身份证号",
            "学历",
            "人员类别",
            "所在支部",
            "入党时间",
            "转正时间",
            "手机号码",
            "家庭住址",
        ]
    )
    good = _id_number("530102", date(1968, 3, 12), 131)
    rows = [
        [1, "赵建国", "男", "汉", good, "大专", "正式", branch, "1990.07.01", "1991年7月1日",
         "139 8712 3456", "五华区翠湖南路12号"],
        [2, "阿依古丽·买买提", "女", "维吾尔", _id_number("650102", date(1985, 6, 1), 242),
         "本科", "正式党员", branch, date(2008, 6, 30), "2009-7-1", "13812345678", ""],
        [3, "錢淑芬", "女", "汉族", _id_number("530102", date(1979, 11, 2), 362), "高中",
         "预备", branch, "2026.03", None, "0871-65123456", "盘龙区北京路"],
        [4, "李明", "男", "汉", _id_number("530102", date(1980, 1, 5), 111)[:-1] + "0",
         "本科", "正式", branch, "2001.07.01", "2002.07.01", "13512345678", ""],
        [5, "王小红", "女", "汉", _id_number("530102", date(2010, 5, 5), 222), "初中", "正式",
         branch, "2024.07.01", "2025.07.01", "13612345678", ""],
        [6, "陈卫东", "男", "汉", good, "中专", "正式", branch, "1995.07.01", "1996.07.01",
         "13712345678", ""],
        [7, "周思远", "男", "汉", _id_number("530102", date(1990, 8, 8), 171), "硕士", "正式",
         "第九十九网格党支部", "2015.06.01", "2016.06.01", "1581234567", ""],
        [8, "欧阳娜仁其其格", "女", "蒙古", _id_number("150102", date(1988, 2, 29), 282),
         "大学", "正式", branch, "2011年7月1日", "2012.7", "18612345678", ""],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    sheet.append([])
    sheet.append(["填表人：王芳", None, None, "审核人：李华"])
    workbook.save(path)
    return path


def open_member_dialog(context: UiContext, parent: QWidget) -> QDialog:
    from dangqun.ui.dialogs.member_dialog import MemberDialog

    database, actor = context.application.database, context.actor
    ids = list_member_ids(database, actor, MemberQuery(kinds=frozenset({MemberKind.FLOATING_IN})))
    return MemberDialog(context, ids[0] if ids else None, None, parent)


def open_import_report(context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    from dangqun.ui.dialogs.import_dialog import ImportDialog

    database, actor = context.application.database, context.actor
    branches = branch_choices(database)
    roster = write_messy_roster(
        scratch / "翠湖社区党员花名册.xlsx", branches[0].name if branches else "第一网格党支部"
    )
    dialog = ImportDialog(context, parent)
    dialog.set_file(roster)
    report = import_roster(database, actor, roster, ImportMode.VALID_ROWS, dry_run=True)
    dialog.show_report(report)
    return dialog


def open_organization_tree(context: UiContext, parent: QWidget) -> QDialog:
    from dangqun.ui.dialogs.organization_dialog import OrganizationDialog

    dialog = OrganizationDialog(context, parent)
    branches = branch_choices(context.application.database)
    if branches:
        dialog.select(branches[0].id)
    return dialog


def open_dialog(page: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    if page == "member_dialog":
        return open_member_dialog(context, parent)
    if page == "member_import_report":
        return open_import_report(context, parent, scratch)
    if page == "organization_tree":
        return open_organization_tree(context, parent)
    raise ValueError(f"not a members dialog: {page!r}")
