"""导入花名册 (report, then import nothing or the valid rows), 组织架构 and 政治生日 dialogs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, system_actor
from dangqun.core.setting_definitions import LARGEST_FONT_POINT_SIZE
from dangqun.demo import generate_demo_data
from dangqun.members.models import Member, Organization
from dangqun.members.service import branch_choices, organization_tree, political_birthdays
from dangqun.members.vocabulary import MemberStatus, OrganizationLevel
from dangqun.ui.dialogs.import_dialog import REPORT, RESULT, ImportDialog
from dangqun.ui.dialogs.organization_dialog import OrganizationDialog
from dangqun.ui.dialogs.political_birthdays_dialog import PoliticalBirthdaysDialog
from dangqun.ui.models.import_report_model import COLUMN, REASON, ROW, VALUE
from dangqun.ui.pages.members_page import MembersPage
from dangqun.ui.screenshot_members import write_messy_roster
from tests.ui.members_support import (
    READ_ONLY,
    WAIT_MS,
    Recorder,
    audit_entries,
    id_number,
    install_recorder,
    make_context,
    make_page,
    settle,
    sql_count,
)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return install_recorder(monkeypatch)


@pytest.fixture
def demo_application(application: Application) -> Application:
    generate_demo_data(application.database, system_actor("测试"), 60, seed=5)
    return application


@pytest.fixture
def page(qtbot, demo_application: Application, admin_actor: Actor, recorder: Recorder):
    return make_page(qtbot, demo_application, admin_actor)


@pytest.fixture
def roster(demo_application: Application, tmp_path: Path) -> Path:
    branch = branch_choices(demo_application.database)[0].name
    return write_messy_roster(tmp_path / "花名册.xlsx", branch)


def open_import(page: MembersPage, recorder: Recorder, roster: Path, qtbot) -> ImportDialog:
    recorder.open_path = roster
    page.ui.importButton.click()
    dialog = page.active_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.ui.pages.currentIndex() == REPORT, timeout=WAIT_MS)
    return dialog


def report_rows(dialog: ImportDialog) -> list[tuple[str, str, str, str]]:
    model = dialog.model
    return [
        tuple(model.data(model.index(row, column)) for column in (ROW, COLUMN, VALUE, REASON))
        for row in range(model.rowCount())
    ]


def test_the_report_names_bad_rows_by_their_excel_row_and_writes_nothing_yet(
    qtbot, page: MembersPage, demo_application: Application, recorder: Recorder, roster: Path
) -> None:
    before = sql_count(demo_application)

    dialog = open_import(page, recorder, roster, qtbot)

    rows = report_rows(dialog)
    problems = {(row, column) for row, column, _value, _reason in rows}
    assert ("6", "身份证号") in problems  # wrong check character (row 6 as Excel shows it)
    assert ("7", "入党时间") in problems  # joined before 18
    assert ("8", "身份证号") in problems  # the same person twice in the file
    assert ("9", "所在支部") in problems  # unknown branch
    assert ("9", "手机号码") in problems  # ten digits
    assert not any(row == "12" for row, *_ in rows)  # 填表人/审核人 under the table: no person
    reason = next(reason for row, column, _v, reason in rows if (row, column) == ("6", "身份证号"))
    assert "校验位" in reason
    report = dialog.report
    assert report is not None and report.total == 8 and report.valid == 4
    assert dialog.ui.validValue.text() == "4" and dialog.ui.invalidValue.text() == "4"
    assert dialog.ui.importValidButton.text() == "只导入有效行（4 行）"
    assert "行号与 Excel 中一致" in dialog.ui.reportSummary.text()
    assert sql_count(demo_application) == before


def test_importing_the_valid_rows_only_is_one_write_and_a_second_import_doubles_nobody(
    qtbot, page: MembersPage, demo_application: Application, recorder: Recorder, roster: Path
) -> None:
    before = sql_count(demo_application)
    dialog = open_import(page, recorder, roster, qtbot)

    dialog.ui.importValidButton.click()
    qtbot.waitUntil(lambda: dialog.ui.pages.currentIndex() == RESULT, timeout=WAIT_MS)

    assert dialog.written is not None and dialog.written.imported == 4
    assert "新增 4 人" in dialog.ui.resultText.text()
    assert sql_count(demo_application) == before + 4
    with demo_application.database.reading() as session:
        names = set(session.scalars(select(Member.name).order_by(Member.id.desc()).limit(4)))
    assert names == {"赵建国", "阿依古丽·买买提", "錢淑芬", "欧阳娜仁其其格"}
    assert audit_entries(demo_application, "members.import")[0]["after"]["imported"] == 4
    settle(qtbot, page)
    assert page.model.rowCount() == sql_count(
        demo_application, Member.status == MemberStatus.ACTIVE.value
    )
    dialog.ui.closeButton.click()

    again = open_import(page, recorder, roster, qtbot)
    assert again.report is not None
    assert (again.report.imported, again.report.unchanged) == (0, 4)
    again.ui.importValidButton.click()
    qtbot.waitUntil(lambda: again.ui.pages.currentIndex() == RESULT, timeout=WAIT_MS)
    assert sql_count(demo_application) == before + 4


def test_import_nothing_leaves_the_database_as_it_was(
    qtbot, page: MembersPage, demo_application: Application, recorder: Recorder, roster: Path
) -> None:
    before = sql_count(demo_application)
    dialog = open_import(page, recorder, roster, qtbot)

    dialog.ui.importNothingButton.click()

    assert dialog.ui.pages.currentIndex() == RESULT
    assert dialog.ui.resultTitle.text() == "没有导入任何数据"
    assert dialog.written is None
    assert sql_count(demo_application) == before
    assert audit_entries(demo_application, "members.import") == []


def test_unknown_branches_may_be_created_when_the_user_ticks_the_box(
    qtbot, demo_application: Application, admin_actor: Actor, recorder: Recorder, roster: Path
) -> None:
    dialog = ImportDialog(make_context(demo_application, admin_actor))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.createBranchesCheck.setChecked(True)
    dialog.set_file(roster)

    dialog.ui.checkButton.click()
    qtbot.waitUntil(lambda: dialog.ui.pages.currentIndex() == REPORT, timeout=WAIT_MS)

    assert dialog.report is not None
    problems = {(row, column) for row, column, *_ in report_rows(dialog)}
    assert ("9", "所在支部") not in problems
    assert ("9", "手机号码") in problems  # the row still cannot be imported: no branch is made
    assert dialog.report.created_branches == []


def write_branchless_roster(path: Path) -> Path:
    """A first roster: every row right, but its two branches are not in the tree yet."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "性别", "民族", "公民身份号码", "所在党支部", "入党时间", "转正时间"])
    sheet.append(["周思远", "男", "汉族", id_number("530102", date(1990, 8, 8), 171),
                  "第九十八网格党支部", "2015-06-01", "2016-06-01"])  # fmt: skip
    sheet.append(["吴丽", "女", "汉族", id_number("530102", date(1986, 3, 3), 182),
                  "第九十九网格党支部", "2012-06-01", "无"])  # fmt: skip
    workbook.save(path)
    return path


def test_the_report_offers_to_create_the_missing_branches_and_imports(
    qtbot, page: MembersPage, demo_application: Application, recorder: Recorder, tmp_path: Path
) -> None:
    """Issue 11: a first roster failed on every row and the "create branches" choice was on a
    page the report does not show."""
    before = sql_count(demo_application)
    dialog = open_import(page, recorder, write_branchless_roster(tmp_path / "first.xlsx"), qtbot)
    ui = dialog.ui

    assert ui.branchesBox.isVisible() and ui.createBranchesButton.isVisible()
    assert ui.createBranchesButton.text() == "新建这 2 个党支部并导入"
    assert "第九十八网格党支部、第九十九网格党支部" in ui.branchesText.text()
    assert "说明" not in ui.reportSummary.text() and "转正时间" in ui.reportSummary.text()
    assert ui.createBranchesButton.isDefault()

    ui.createBranchesButton.click()
    qtbot.waitUntil(lambda: ui.pages.currentIndex() == RESULT, timeout=WAIT_MS)

    assert dialog.written is not None and dialog.written.imported == 2
    assert dialog.written.created_branches == ["第九十八网格党支部", "第九十九网格党支部"]
    assert sql_count(demo_application) == before + 2
    with demo_application.database.reading() as session:
        names = set(session.scalars(select(Organization.name)))
    assert {"第九十八网格党支部", "第九十九网格党支部"} <= names


def test_with_other_problems_too_creating_the_branches_checks_again_without_importing(
    qtbot, page: MembersPage, demo_application: Application, recorder: Recorder, roster: Path
) -> None:
    before = sql_count(demo_application)
    dialog = open_import(page, recorder, roster, qtbot)
    ui = dialog.ui
    assert ui.createBranchesButton.text() == "新建这 1 个党支部并重新检查"
    assert "第九十九网格党支部" in ui.branchesText.text()

    ui.createBranchesButton.click()
    qtbot.waitUntil(
        lambda: ui.pages.currentIndex() == REPORT and not dialog.running, timeout=WAIT_MS
    )

    assert dialog.report is not None and dialog.report.missing_branches == []
    problems = {(row, column) for row, column, *_ in report_rows(dialog)}
    assert ("9", "所在支部") not in problems and ("9", "手机号码") in problems
    assert not ui.branchesBox.isVisible()
    assert dialog.written is None and sql_count(demo_application) == before


@pytest.mark.parametrize("font_size", [13, LARGEST_FONT_POINT_SIZE])
def test_every_page_of_the_import_dialog_fits_1024_by_768(
    qtbot,
    demo_application: Application,
    admin_actor: Actor,
    tmp_path: Path,
    font_size: int,
) -> None:
    """Issue 11: at 1024×768 nothing is cut or drawn over something else, on any page."""
    from PySide6.QtWidgets import QApplication

    from dangqun.members.service import ImportMode, import_roster
    from dangqun.ui.dialogs.import_dialog import CHOOSE, PROGRESS
    from dangqun.ui.startup import apply_appearance
    from tests.ui.layout_checks import layout_problems

    application = QApplication.instance()
    old_size = application.font().pointSize()
    apply_appearance(application, font_size)
    try:
        dialog = ImportDialog(make_context(demo_application, admin_actor))
        qtbot.addWidget(dialog)
        dialog.resize(1024, 768 - 60)  # a window title and a task bar take the rest
        dialog.show()
        branch = branch_choices(demo_application.database)[0].name
        path = write_messy_roster(tmp_path / "花名册.xlsx", branch)
        dialog.set_file(path)
        problems = {}
        qtbot.wait(50)
        problems["choose"] = layout_problems(dialog)
        dialog.ui.progressLabel.setText("正在检查“花名册.xlsx”的每一行……还没有写入任何数据。")
        dialog.show_page(PROGRESS)
        qtbot.wait(50)
        problems["progress"] = layout_problems(dialog)
        database, actor = demo_application.database, admin_actor
        dialog.show_report(
            import_roster(database, actor, path, ImportMode.VALID_ROWS, dry_run=True)
        )
        qtbot.wait(50)
        problems["report"] = layout_problems(dialog)
        dialog.grab().save(str(tmp_path / f"report-{font_size}.png"))
        dialog.import_nothing()
        qtbot.wait(50)
        problems["result"] = layout_problems(dialog)
        dialog.show_page(CHOOSE)
    finally:
        apply_appearance(application, old_size)
    assert problems == {"choose": [], "progress": [], "report": [], "result": []}


def test_a_file_that_is_not_a_roster_is_explained_on_the_first_page(
    qtbot, demo_application: Application, admin_actor: Actor, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    path = tmp_path / "会议签到.xlsx"
    workbook = Workbook()
    workbook.active.append(["日期", "地点"])
    workbook.save(path)
    dialog = ImportDialog(make_context(demo_application, admin_actor))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(path)

    dialog.check()
    qtbot.waitUntil(lambda: dialog.ui.chooseError.isVisible(), timeout=WAIT_MS)

    assert "没有找到表头" in dialog.ui.chooseError.text()
    assert dialog.ui.pages.currentIndex() == 0


# -- 组织架构 -------------------------------------------------------------------------------


def test_the_organization_tree_adds_renames_and_deletes_only_empty_organizations(
    qtbot, demo_application: Application, admin_actor: Actor, recorder: Recorder
) -> None:
    dialog = OrganizationDialog(make_context(demo_application, admin_actor))
    qtbot.addWidget(dialog)
    dialog.show()
    branch = branch_choices(demo_application.database)[0]
    assert dialog.model.rowCount() >= 1
    assert dialog.select(branch.id)
    assert dialog.ui.addChildButton.text() == "新增楼栋党小组…"

    recorder.texts = ["99号楼党小组"]
    dialog.ui.addChildButton.click()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)

    added = dialog.selected_node()
    assert added is not None and added.name == "99号楼党小组"
    assert added.parent_id == branch.id
    assert added.level is OrganizationLevel.BUILDING_GROUP
    assert added.code is not None and added.code.startswith(branch.code or "-")
    assert len(added.code) == 17
    assert "已新增" in dialog.ui.messageLabel.text()

    recorder.texts = ["99栋党小组"]
    dialog.ui.renameButton.click()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)
    assert dialog.selected_node().name == "99栋党小组"

    dialog.ui.deleteButton.click()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)
    assert recorder.confirmations
    with demo_application.database.reading() as session:
        assert session.get(Organization, added.id) is None
    assert [entry["entity"] for entry in audit_entries(demo_application, "organization.delete")]

    dialog.select(branch.id)
    dialog.ui.deleteButton.click()  # it has building groups and members
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)
    assert "不能删除" in dialog.ui.messageLabel.text()
    assert any(node.id == branch.id for node in organization_tree(demo_application.database))


def test_the_tree_counts_members_with_everything_below(
    qtbot, demo_application: Application, admin_actor: Actor
) -> None:
    dialog = OrganizationDialog(make_context(demo_application, admin_actor))
    qtbot.addWidget(dialog)
    top = dialog.model.item(0, 3).text()

    assert top == f"{sql_count(demo_application, Member.status == 'active'):,}"


def test_an_empty_center_starts_its_tree_with_a_community_organization(
    qtbot, application: Application, admin_actor: Actor, recorder: Recorder
) -> None:
    dialog = OrganizationDialog(make_context(application, admin_actor))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "还没有党组织" in dialog.ui.messageLabel.text()

    recorder.texts = ["翠湖社区党委"]
    dialog.ui.addTopButton.click()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=WAIT_MS)

    node = dialog.selected_node()
    assert node is not None and node.level is OrganizationLevel.COMMUNITY
    assert node.code == "530102001001"


def test_the_read_only_role_cannot_change_the_tree(qtbot, demo_application: Application) -> None:
    dialog = OrganizationDialog(make_context(demo_application, READ_ONLY))
    qtbot.addWidget(dialog)
    dialog.show()

    for button in (dialog.ui.addChildButton, dialog.ui.renameButton, dialog.ui.deleteButton):
        assert not button.isVisible()


# -- 本月政治生日 ----------------------------------------------------------------------------


def test_the_political_birthdays_of_a_month_are_listed(
    qtbot, demo_application: Application, admin_actor: Actor
) -> None:
    month = 7
    dialog = PoliticalBirthdaysDialog(make_context(demo_application, admin_actor), month=month)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=WAIT_MS)
    expected = political_birthdays(demo_application.database, admin_actor, month)

    assert dialog.model.rowCount() == len(expected) > 0
    assert dialog.model.data(dialog.model.index(0, 1)) == expected[0].name
    assert dialog.model.data(dialog.model.index(0, 0)).startswith("7月")
    assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "党龄"
    assert f"{len(expected):,}" in dialog.ui.countLabel.text()
