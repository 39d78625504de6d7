"""The district workbench (issue 17): sign-in with a district user, the 中心, 导入, 党员, 统计,
核查 and 下发 pages over a real district database, masking by role, decisions and the overdue
setting by role, a package sent back, and the pages' layout at 1024×768 and 1280×800."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from sqlalchemy import select

from dangqun.core.security import Role
from dangqun.district import service as district
from dangqun.district import users
from dangqun.district.models import DistrictAuditEntry, DistrictCenter, DistrictRecord
from dangqun.district.status import count_live_records
from dangqun.ui.district.window import district_window
from tests.ui.layout_checks import layout_problems

PASSWORD = "district-secret-1"
ID_NUMBER = "11010519491231002X"
CENTERS = (("翠湖社区党群服务中心", "530102001001"), ("大观社区党群服务中心", "530102001002"))
SHOTS = os.environ.get("DANGQUN_DISTRICT_SHOTS")
"""A folder to write the pages' screenshots to (looked at by hand; not needed by the asserts)."""


@pytest.fixture(scope="module")
def district_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[district.DistrictDatabase]:
    folder = tmp_path_factory.mktemp("district")
    db = district.open_district(str(folder / "district.sqlite3"), create=True)
    district.init_district(db, "五华区委组织部", folder, folder / "keys")
    users.create_first_administrator(db, "wang", "王主任", PASSWORD)
    admin = users.authenticate(db, "wang", PASSWORD)
    users.create_user(db, admin, "li", "李干事", Role.STAFF, PASSWORD)
    now = datetime(2026, 7, 1, tzinfo=UTC)
    with db.writing() as session:
        for number, (name, code) in enumerate(CENTERS):
            center_uuid = str(uuid.UUID(int=number + 1))
            session.add(
                DistrictCenter(uuid=center_uuid, name=name, division_code=code,
                               public_key="{}", fingerprint=f"{number:064d}", registered_at=now)
            )  # fmt: skip
            branch = str(uuid.uuid4())
            rows = [("organizations", branch, {"name": f"第{number + 1}支部"})]
            for index in range(3 + number):
                rows.append(
                    (
                        "members",
                        str(uuid.uuid4()),
                        {
                            "name": "张三丰" if index == 0 else f"李{number}{index}",
                            "gender_code": "1",
                            "id_number": ID_NUMBER
                            if index == 0
                            else f"53010219800101{number}{index}1X",
                            "phone": "13912345678",
                            "kind": "local" if index else "in_service",
                            "category": "full",
                            "status": "active",
                            "organization_id": branch,
                            "pinyin_initials": "zsf" if index == 0 else "l",
                        },
                    )
                )
            for seq, (table, record_uuid, data) in enumerate(rows, 1):
                session.add(
                    DistrictRecord(center_uuid=center_uuid, table_name=table, uuid=record_uuid,
                                   change_seq=seq, database_id="db", package_seq=1,
                                   created_at=now, updated_at=now, deleted=False, data=data)
                )  # fmt: skip
            session.flush()
            center = session.execute(
                select(DistrictCenter).where(DistrictCenter.uuid == center_uuid)
            ).scalar_one()
            center.live_records = count_live_records(session, center_uuid)  # as an import does
        session.commit()
    users.act_as(db, None)
    yield db
    db.dispose()


@pytest.fixture
def window(qtbot, district_db, tmp_path: Path):
    state = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    shown = district_window(district_db, state)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    yield shown
    QThreadPool.globalInstance().waitForDone()


def _sign_in(window, username: str) -> None:
    panel = window.sign_in_panel
    panel.ui.usernameEdit.setText(username)
    panel.ui.passwordEdit.setText(PASSWORD)
    panel.sign_in()
    assert window.signed_in


def _settle(qtbot, window) -> None:
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)


def test_sign_in_opens_the_district_pages_and_audits_the_user(qtbot, window, district_db) -> None:
    panel = window.sign_in_panel
    panel.ui.usernameEdit.setText("wang")
    panel.ui.passwordEdit.setText("wrong-password")
    panel.sign_in()
    assert not window.signed_in
    assert "用户名或密码不正确" in panel.ui.messageLabel.text()
    _sign_in(window, "wang")
    assert window.page_keys() == ["centers", "imports", "members", "reports", "checks", "send"]
    assert "王主任" in window.user_label.text()
    centers = window.show_page("centers")
    _settle(qtbot, window)
    assert centers.table.rowCount() == 2
    assert centers.table.item(0, 0).text() == CENTERS[0][0]
    assert centers.table.item(0, 4).text() == "尚未收到"  # no package yet: coloured, asked for
    window.log_out_requested.emit()
    assert not window.signed_in
    with district_db.reading() as session:
        last = session.query(DistrictAuditEntry).order_by(DistrictAuditEntry.id.desc()).first()
        assert (last.action, last.username) == ("district.logout", "wang")


@pytest.mark.parametrize(("username", "shown_number"), [("wang", ID_NUMBER), ("li", None)])
def test_member_search_across_centers_masked_by_role(qtbot, window, username, shown_number) -> None:
    _sign_in(window, username)
    page = window.show_page("members")
    page.search.setText("张三")
    page.run_search()
    _settle(qtbot, window)
    assert page.table.rowCount() == 2  # the same person at both centers
    assert {page.table.item(row, 4).text() for row in range(2)} == {name for name, _ in CENTERS}
    number = page.table.item(0, 2).text()
    if shown_number is None:
        assert number != ID_NUMBER and "*" in number
        assert "1391234" not in page.table.item(0, 3).text()
    else:
        assert number == shown_number
    page.search.setText(ID_NUMBER[:10])  # part of a number finds nothing (not derivable)
    page.run_search()
    _settle(qtbot, window)
    assert page.table.rowCount() == 0


def test_reports_page_shows_the_period_and_writes_files(qtbot, window, tmp_path: Path) -> None:
    from dangqun.district.reports import service as reports

    _sign_in(window, "wang")
    page = window.show_page("reports")
    page.period.setCurrentText("2026")
    page.compute()
    _settle(qtbot, window)
    assert page.report is not None
    assert page.table.rowCount() == 3  # two centers and the total
    assert page.table.item(2, 0).text() == "全区合计"
    assert page.table.item(2, 1).text() == "7"
    assert page.bars.chart().series()[0].barSets()[0].count() == 2
    out = tmp_path / "R.xlsx"
    reports.write_report(window.db, page.report, out)
    assert out.stat().st_size > 0


@pytest.mark.parametrize(("username", "full"), [("wang", True), ("li", False)])
def test_checks_page_shows_the_duplicate_side_by_side_by_role(
    qtbot, window, username, full
) -> None:
    _sign_in(window, username)
    page = window.show_page("checks")
    _settle(qtbot, window)
    assert page.groups_table.rowCount() == 1  # 张三丰 at both centers
    names = sorted(name for name, _ in CENTERS)  # the service orders them by center name
    assert page.groups_table.item(0, 3).text() == "、".join(names)
    compare = page.compare_table
    assert compare.columnCount() == 3
    assert [compare.horizontalHeaderItem(c).text() for c in (1, 2)] == names
    numbers = {compare.item(1, column).text() for column in (1, 2)}
    assert compare.item(1, 0).text() == "公民身份号码"
    if full:
        assert numbers == {ID_NUMBER}
    else:
        assert ID_NUMBER not in numbers and all("*" in number for number in numbers)
    assert compare.item(4, 0).text() == "党组织"  # the branches differ: shown in bold
    assert compare.item(4, 1).font().bold()
    assert page.decide_button.isVisibleTo(page) and page.decide_button.isEnabled()
    assert (not page.save_days.isHidden()) is full  # only 管理员 may change the setting
    assert page.days.isEnabled() is full


def test_a_decision_needs_a_note_and_is_recorded_with_its_author(
    qtbot, window, district_db
) -> None:
    from dangqun.district.checks import DuplicateDecision

    _sign_in(window, "li")
    page = window.show_page("checks")
    _settle(qtbot, window)
    dialog = page.open_decision()
    assert dialog is not None
    assert not dialog.save_button.isEnabled()  # a choice first
    dialog.record_buttons[1][0].setChecked(True)
    dialog.save_button.click()
    _settle(qtbot, window)
    assert "处理说明" in dialog.errors.message("note")
    assert dialog.isVisible()
    assert layout_problems(dialog) == []
    dialog.note.setPlainText("已电话确认：组织关系已转入大观社区")
    dialog.save_button.click()
    _settle(qtbot, window)
    _settle(qtbot, window)
    assert page.groups_table.item(0, 4).text() == "已处理"
    assert "已电话确认" in page.decision_text()
    with district_db.reading() as session:
        decision = session.query(DuplicateDecision).one()
        assert (decision.resolution, decision.decided_by) == ("current", "li")
        assert decision.current_uuid == page.view.groups[0].records[1].record_uuid
        entry = session.query(DistrictAuditEntry).order_by(DistrictAuditEntry.id.desc()).first()
        assert (entry.action, entry.username) == ("district.duplicate.decide", "li")


def test_the_overdue_setting_colours_the_centers_page(qtbot, window) -> None:
    from dangqun.district import checks
    from dangqun.ui.district.pages import GAP_COLOUR

    _sign_in(window, "wang")
    page = window.show_page("checks")
    _settle(qtbot, window)
    assert page.days.value() == checks.DEFAULT_OVERDUE_DAYS
    assert page.overdue_table.rowCount() == 2  # registered 2026-07-01, nothing sent since
    centers = window.show_page("centers")
    _settle(qtbot, window)
    assert centers.table.item(0, 0).foreground().color() == GAP_COLOUR
    records = centers.table.columnCount() - 1  # each center's live records, as imported
    counted = {centers.table.item(row, records).text() for row in range(centers.table.rowCount())}
    assert counted == {"4", "5"}  # an organization and 3 + n members
    try:
        window.show_page("checks")
        page.days.setValue(3000)  # the spin box stops at the service's limit
        page.save_days.click()
        _settle(qtbot, window)
        _settle(qtbot, window)
        assert page.days.value() == checks.MAX_OVERDUE_DAYS
        assert page.overdue_table.rowCount() == 0
        centers = window.show_page("centers")
        centers.refresh()
        _settle(qtbot, window)
        assert centers.table.item(0, 0).foreground().color() != GAP_COLOUR
        assert str(checks.MAX_OVERDUE_DAYS) in centers.tagline.text()
    finally:
        checks.set_overdue_days(window.db, None, checks.DEFAULT_OVERDUE_DAYS)


def test_send_page_writes_a_signed_package_for_the_chosen_center(
    qtbot, window, tmp_path: Path
) -> None:
    _sign_in(window, "li")
    page = window.show_page("send")
    _settle(qtbot, window)
    assert page.center.count() == 2
    page.send()  # no folder chosen yet: said beside the form, nothing written
    assert "保存到" in page.error_label.text() and page.sent is None
    content = tmp_path / "下发内容.json"
    content.write_text(
        '{"notices": [{"title": "关于报送四季度数据的通知", "text": "请按时报送。", '
        '"date": "2026-12-01"}], "service_categories": ["理论宣讲"]}',
        encoding="utf-8",
    )
    usb = tmp_path / "usb"
    usb.mkdir()
    page.center.setCurrentIndex(1)
    page.content.setText(str(content))
    page.out.setText(str(usb))
    page.send()
    _settle(qtbot, window)
    assert page.sent is not None
    assert page.sent.center_name == page.center.currentText().split("（")[0]
    assert page.sent.path.parent == usb and page.sent.path.is_file()
    text = page.result.toPlainText()
    assert str(page.sent.path) in text
    assert "服务类别 1，通知 1" in text


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_district_pages_fit_small_screens(qtbot, window, size) -> None:
    _sign_in(window, "wang")
    window.resize(*size)
    for key in window.page_keys():
        page = window.show_page(key)
        _settle(qtbot, window)
        if key == "members":
            page.search.setText("李")
            page.run_search()
            _settle(qtbot, window)
        problems = layout_problems(window)
        assert problems == [], (key, problems)
        if SHOTS:
            window.grab().save(str(Path(SHOTS) / f"district-{key}-{size[0]}.png"))
