"""导入签到表 in the GUI (issue 13): choose a file, the dry run's per-row report, then import
nothing or the valid rows; a second import adds nothing; a file that is no sign-in sheet is
explained beside the file field; the pages are whole at 1024×768 and 1280×800, up to the
largest font, for 管理员 and 工作人员."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, Role
from dangqun.core.setting_definitions import LARGEST_FONT_POINT_SIZE
from dangqun.timebank.service import (
    ImportMode,
    RecordQuery,
    RecordStatus,
    import_services,
    list_service_records,
)
from dangqun.ui.models.import_report_model import COLUMN, REASON, ROW, VALUE
from dangqun.ui.timebank.import_dialog import (
    CHOOSE,
    PROGRESS,
    REPORT,
    RESULT,
    ServiceImportDialog,
    open_service_import,
    write_sign_in_sheet,
)
from tests.ui.members_support import WAIT_MS, Recorder, install_recorder, make_context
from tests.unit.timebank.conftest import open_resident, resident_form, row_counts

STAFF = Actor(user_id=None, username="staff", display_name="李华", role=Role.STAFF)
SERVED_ON = date(2026, 11, 20)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return install_recorder(monkeypatch)


@pytest.fixture
def sheet(application: Application, admin_actor: Actor, tmp_path: Path) -> Path:
    """The screenshot's messy sheet: 刘桂兰 by volunteer number, two people without an account
    by ID number; four rows with mistakes."""
    open_resident(application.database, admin_actor, 123)
    people = [
        ("ZY202600001", "刘桂兰", None),
        (None, "陈淑珍", resident_form(131).id_number),
        (None, "周丽华", resident_form(133).id_number),
    ]
    return write_sign_in_sheet(tmp_path / "签到表.xlsx", people, SERVED_ON)


class Page:
    """What :func:`open_service_import` needs of the time bank page."""

    def __init__(self, application: Application, actor: Actor) -> None:
        self.context = make_context(application, actor)


def report_rows(dialog: ServiceImportDialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [
        tuple(model.data(model.index(row, column)) for column in (ROW, COLUMN, VALUE, REASON))
        for row in range(model.rowCount())
    ]


def test_the_report_then_the_valid_rows_then_nothing_twice(
    qtbot, application: Application, admin_actor: Actor, recorder: Recorder, sheet: Path
) -> None:
    recorder.open_path = sheet
    dialog = open_service_import(Page(application, admin_actor))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == REPORT, timeout=WAIT_MS)
    before = row_counts(application.paths.database)

    rows = report_rows(dialog)
    without_account = resident_form(131).id_number, resident_form(133).id_number
    assert [row[:3] for row in rows] == [
        ("4", "身份证号", without_account[0]),
        ("5", "身份证号", without_account[1]),
        ("6", "志愿者编号", "ZY209900001"),
        ("7", "服务类别", "跳广场舞"),
        ("8", "身份证号", without_account[0]),
        ("9", "身份证号", without_account[1]),
    ]
    assert rows[0][3] == "这个人还没有开立时间银行账户；请先开户，或导入时选择“为未开户的人开户”"
    assert rows[2][3] == "没有编号为“ZY209900001”的志愿者"
    assert dialog.count_values["invalid"].text() == "6"
    assert dialog.import_button.text() == "只导入有效的 1 行"
    assert "7 行中有 6 行有问题" in dialog.summary_label.text()

    dialog.open_accounts_check.setChecked(True)  # check again with accounts opened
    dialog.again_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == REPORT, timeout=WAIT_MS)
    assert dialog.report is not None and dialog.report.imported == 3
    assert [row[:2] for row in report_rows(dialog)] == [
        ("5", "签退时间"), ("6", "志愿者编号"), ("7", "服务类别"), ("8", "服务日期"),
    ]  # fmt: skip
    assert "将开户：ZY202600002 陈淑珍、ZY202600003 周丽华。" in dialog.summary_label.text()
    assert row_counts(application.paths.database) == before  # dry runs write nothing

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == RESULT, timeout=WAIT_MS)
    assert "已登记 3 条服务记录（5 小时），等待核实。" in dialog.result_text.text()
    assert "已开户：ZY202600002 陈淑珍、ZY202600003 周丽华。" in dialog.result_text.text()
    stored = list_service_records(application.database, admin_actor, RecordQuery()).rows
    assert len(stored) == 3 and {r.status for r in stored} == {RecordStatus.PENDING}

    again = import_services(
        application.database, admin_actor, sheet, ImportMode.VALID_ROWS, open_accounts=True
    )
    assert (again.imported, again.already_imported) == (0, 3)


def test_import_nothing_writes_nothing(
    qtbot, application: Application, admin_actor: Actor, recorder: Recorder, sheet: Path
) -> None:
    before = row_counts(application.paths.database)
    dialog = ServiceImportDialog(make_context(application, admin_actor))
    qtbot.addWidget(dialog)
    dialog.set_file(sheet)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == REPORT, timeout=WAIT_MS)
    dialog.nothing_button.click()
    assert dialog.pages.currentIndex() == RESULT
    assert dialog.result_title.text() == "没有导入任何内容"
    assert row_counts(application.paths.database) == before


def test_a_file_that_is_no_sign_in_sheet_is_explained_beside_the_file(
    qtbot, application: Application, admin_actor: Actor, recorder: Recorder, tmp_path: Path
) -> None:
    path = tmp_path / "笔记.xlsx"
    path.write_text("not a workbook")
    dialog = ServiceImportDialog(make_context(application, admin_actor))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(path)
    dialog.check()
    qtbot.waitUntil(lambda: bool(dialog.choose_error.text()), timeout=WAIT_MS)
    assert dialog.pages.currentIndex() == CHOOSE
    assert "不是有效的 Excel 工作簿" in dialog.choose_error.text()
    assert recorder.errors == []


@pytest.mark.parametrize("font_size", [13, LARGEST_FONT_POINT_SIZE])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
@pytest.mark.parametrize("actor", ["admin", "staff"])
def test_every_page_is_whole(
    qtbot,
    application: Application,
    admin_actor: Actor,
    sheet: Path,
    tmp_path: Path,
    font_size: int,
    size: tuple[int, int],
    actor: str,
) -> None:
    from PySide6.QtWidgets import QApplication

    from dangqun.ui.startup import apply_appearance
    from tests.ui.layout_checks import layout_problems

    qt = QApplication.instance()
    old_size = qt.font().pointSize()
    apply_appearance(qt, font_size)
    user = admin_actor if actor == "admin" else STAFF
    try:
        dialog = ServiceImportDialog(make_context(application, user))
        qtbot.addWidget(dialog)
        dialog.resize(min(940, size[0]), size[1] - 60)  # a title bar and a task bar
        dialog.show()
        dialog.set_file(sheet)
        problems = {}
        qtbot.wait(50)
        problems["choose"] = layout_problems(dialog)
        dialog.progress_label.setText("正在检查“签到表.xlsx”的每一行……尚未写入任何内容。")
        dialog.show_page(PROGRESS)
        qtbot.wait(50)
        problems["progress"] = layout_problems(dialog)
        dialog.show_report(
            import_services(application.database, user, sheet, ImportMode.VALID_ROWS, dry_run=True)
        )
        qtbot.wait(50)
        problems["report"] = layout_problems(dialog)
        dialog.grab().save(str(tmp_path / f"report-{font_size}-{size[0]}-{actor}.png"))
        dialog.import_nothing()
        qtbot.wait(50)
        problems["result"] = layout_problems(dialog)
    finally:
        apply_appearance(qt, old_size)
    assert problems == {"choose": [], "progress": [], "report": [], "result": []}
