"""党员管理 list: lazy model over real SQLite, search as you type, filters, masking, export."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, system_actor
from dangqun.demo import generate_demo_data
from dangqun.members.models import Member
from dangqun.members.organizations import descendant_ids
from dangqun.members.service import (
    MemberQuery,
    count_members,
    list_member_ids,
    member_rows,
    organization_tree,
)
from dangqun.members.vocabulary import MemberKind, MemberStatus
from dangqun.printing.register import list_documents
from dangqun.ui import print_preview
from dangqun.ui.models.member_table_model import (
    BIRTH_DATE,
    ID_NUMBER,
    KIND,
    NAME,
    PAGE_SIZE,
    PHONE,
    MemberTableModel,
)
from dangqun.ui.pages.members_page import MembersPage
from tests.ui.members_support import (
    READ_ONLY,
    STAFF,
    WAIT_MS,
    Recorder,
    active_count,
    add_copies,
    audit_entries,
    install_recorder,
    make_page,
    settle,
    sql_count,
)

DEMO_MEMBERS = 300


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return install_recorder(monkeypatch)


@pytest.fixture
def demo_application(application: Application) -> Application:
    generate_demo_data(application.database, system_actor("测试"), DEMO_MEMBERS, seed=7)
    return application


@pytest.fixture
def page(qtbot, demo_application: Application, admin_actor: Actor, recorder: Recorder):
    return make_page(qtbot, demo_application, admin_actor)


def names_in(page: MembersPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, NAME)) for row in range(model.rowCount())]


def a_member(application: Application, *conditions) -> Member:
    with application.database.reading() as session:
        member = session.scalars(
            select(Member)
            .where(Member.status == MemberStatus.ACTIVE.value, *conditions)
            .order_by(Member.id)
        ).first()
        assert member is not None
        session.expunge(member)
        return member


def type_search(qtbot, page: MembersPage, text: str) -> None:
    page.ui.searchEdit.clear()
    if text.isascii():
        qtbot.keyClicks(page.ui.searchEdit, text)
    else:  # QTest cannot type Chinese; an input method hands over the text like this
        page.ui.searchEdit.setText(text)
    settle(qtbot, page)


# -- the list -----------------------------------------------------------------------------


def test_the_list_shows_every_member_in_the_register_and_the_count(
    page: MembersPage, demo_application: Application
) -> None:
    in_register = active_count(demo_application)

    assert page.model.rowCount() == in_register
    assert page.ui.countLabel.text() == f"共 {in_register:,} 人"
    assert page.ui.resultStack.currentWidget() is page.ui.tablePage
    first = page.model.member_at(0)
    assert first is not None
    assert page.model.data(page.model.index(0, NAME)) == first.name
    assert page.model.headerData(NAME, Qt.Orientation.Horizontal) == "姓名"
    assert page.model.headerData(ID_NUMBER, Qt.Orientation.Horizontal) == "公民身份号码"


def test_the_list_is_sorted_by_pinyin_and_a_header_click_sorts_by_date(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    keys = [page.model.member_at(row).sort_key for row in range(20)]
    assert keys == sorted(keys)

    page.ui.membersView.horizontalHeader().sectionClicked.emit(2)  # 出生日期
    settle(qtbot, page)

    births = [page.model.member_at(row).birth_date for row in range(page.model.rowCount())]
    assert births == sorted(births)


def test_typing_pinyin_initials_finds_the_person(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    member = a_member(demo_application, Member.pinyin_initials.like("___"))

    type_search(qtbot, page, member.pinyin_initials)

    assert member.name in names_in(page)
    expected = count_members(
        demo_application.database,
        system_actor("测试"),
        MemberQuery(text=member.pinyin_initials, statuses=frozenset({MemberStatus.ACTIVE})),
    )
    assert page.model.rowCount() == expected < active_count(demo_application)
    assert page.ui.countLabel.text() == f"找到 {expected:,} 人"
    assert page.last_search_latency is not None


def test_typing_a_name_or_a_phone_tail_narrows_the_list(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    member = a_member(demo_application, Member.phone.is_not(None))

    type_search(qtbot, page, member.name)
    assert member.name in names_in(page)
    assert all(member.name in name for name in names_in(page))

    type_search(qtbot, page, member.phone[-4:])
    assert member.name in names_in(page)
    phones = [page.model.member_at(row).phone for row in range(page.model.rowCount())]
    ids = [page.model.member_at(row).id_number for row in range(page.model.rowCount())]
    assert all(
        phone.endswith(member.phone[-4:])
        or phone.startswith(member.phone[-4:])
        or id_.endswith(member.phone[-4:])
        for phone, id_ in zip(phones, ids, strict=True)
    )


def test_a_traditional_name_finds_the_simplified_one(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    member = a_member(demo_application, Member.name.like("张%"))

    type_search(qtbot, page, "張" + member.name[1:])

    assert member.name in names_in(page)


def test_only_the_latest_keystroke_is_answered(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    member = a_member(demo_application, Member.pinyin_initials.like("___"))
    answered: list[int] = []
    original = page._list_loaded

    def spy(result: object) -> None:
        answered.append(getattr(result, "generation", -1))
        original(result)

    page._list_loaded = spy  # type: ignore[method-assign]
    for end in range(1, 4):  # three searches in flight at once, like fast typing
        page.ui.searchEdit.setText(member.pinyin_initials[:end])
        page.start_search()
    settle(qtbot, page)
    qtbot.waitUntil(lambda: len(answered) == 3, timeout=WAIT_MS)

    assert page.last_result is not None
    assert page.last_result.query.text == member.pinyin_initials
    assert page.last_result.generation == max(answered)
    assert member.name in names_in(page)


def test_filters_narrow_the_list(qtbot, page: MembersPage, demo_application: Application) -> None:
    ui = page.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(MemberKind.FLOATING_IN))
    settle(qtbot, page)

    floating = active_count(demo_application, Member.kind == MemberKind.FLOATING_IN.value)
    assert 0 < page.model.rowCount() == floating
    assert {page.model.member_at(row).kind for row in range(floating)} == {MemberKind.FLOATING_IN}
    assert page.model.data(page.model.index(0, KIND)) == "流入党员"

    ui.kindCombo.setCurrentIndex(0)
    branch = next(node for node in page.organizations if node.level.value == "grid_branch")
    ui.branchPicker.set_organization_id(branch.id, notify=True)
    settle(qtbot, page)

    with demo_application.database.reading() as session:
        below = descendant_ids(session, branch.id)
    assert len(below) > 1  # the branch and its building groups
    assert page.model.rowCount() == active_count(
        demo_application, Member.organization_id.in_(below)
    )

    ui.statusCombo.setCurrentIndex(0)  # any status
    settle(qtbot, page)
    assert page.model.rowCount() == sql_count(demo_application, Member.organization_id.in_(below))


def test_the_keyboard_goes_from_the_search_box_to_the_person(
    qtbot, page: MembersPage, demo_application: Application
) -> None:
    from dangqun.ui.dialogs.member_dialog import MemberDialog

    page.ui.searchEdit.setFocus()
    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Return)
    assert page.active_dialog is None  # Enter in the search box searches, opens nobody

    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Down)
    assert page.selected_member_id() == page.model.member_id_at(0)
    qtbot.keyClick(page.ui.membersView, Qt.Key.Key_Return)

    dialog = page.active_dialog
    assert isinstance(dialog, MemberDialog)
    assert dialog.member_id == page.model.member_id_at(0)
    dialog.reject()


def test_no_result_and_clearing_the_filters(qtbot, page: MembersPage) -> None:
    type_search(qtbot, page, "zzzzzzq")

    assert page.ui.resultStack.currentWidget() is page.ui.noResultPage
    assert "zzzzzzq" in page.ui.noResultText.text()

    page.ui.clearSearchButton.click()
    settle(qtbot, page)
    assert page.ui.resultStack.currentWidget() is page.ui.tablePage
    assert page.ui.searchEdit.text() == ""


def test_an_empty_center_shows_how_to_start(
    qtbot, application: Application, admin_actor: Actor, recorder: Recorder
) -> None:
    page = make_page(qtbot, application, admin_actor)

    assert page.ui.resultStack.currentWidget() is page.ui.emptyPage
    assert page.ui.emptyTitle.text() == "还没有登记党员"
    assert page.ui.registerFirstButton.isVisible()
    assert page.ui.countLabel.text() == "共 0 人"
    assert not page.ui.exportButton.isEnabled()


# -- personal data ------------------------------------------------------------------------


def test_staff_see_masked_id_numbers_and_phones_the_administrator_sees_them_whole(
    qtbot, demo_application: Application, admin_actor: Actor, recorder: Recorder
) -> None:
    staff_page = make_page(qtbot, demo_application, STAFF)
    admin_page = make_page(qtbot, demo_application, admin_actor)
    staff_model, admin_model = staff_page.model, admin_page.model

    for row in range(10):
        masked = staff_model.data(staff_model.index(row, ID_NUMBER))
        whole = admin_model.data(admin_model.index(row, ID_NUMBER))
        assert len(whole) == 18 and "*" not in whole
        assert masked == whole[:4] + "*" * 14  # issue 10: nothing of the tail
        phone = staff_model.data(staff_model.index(row, PHONE))
        assert not phone or "*" in phone
        born = staff_model.data(staff_model.index(row, BIRTH_DATE))
        assert born == admin_model.data(admin_model.index(row, BIRTH_DATE))[:7]
        assert len(born) == 7  # 1985-06: the year and month only


def test_staff_sorted_by_birth_date_see_months_in_order_and_names_within_them(
    qtbot, demo_application: Application, recorder: Recorder
) -> None:
    """Issue 10: the order of the rows must not tell the days the column hides."""
    page = make_page(qtbot, demo_application, STAFF)
    page.ui.membersView.horizontalHeader().sectionClicked.emit(BIRTH_DATE)
    settle(qtbot, page)

    rows = [page.model.member_at(row) for row in range(200)]
    keys = [(row.birth_date_text, row.sort_key[1], row.id) for row in rows]
    assert keys == sorted(keys)
    assert {row.birth_date.day for row in rows} == {1}


def test_a_query_of_separators_only_lists_nobody_and_says_what_to_type(
    qtbot, page: MembersPage
) -> None:
    """Issue 10: a lone ' became the empty query and listed everyone."""
    type_search(qtbot, page, "'")

    assert page.model.rowCount() == 0
    assert page.ui.resultStack.currentWidget() is page.ui.noResultPage
    assert page.ui.noResultText.text() == "请输入姓名、拼音、证件号或手机号"


def test_staff_typing_part_of_a_number_are_told_to_type_it_whole(
    qtbot, demo_application: Application, recorder: Recorder
) -> None:
    member = a_member(demo_application, Member.phone.like("1%"))
    page = make_page(qtbot, demo_application, STAFF)

    type_search(qtbot, page, member.phone[-4:])
    assert page.model.rowCount() == 0
    assert page.ui.noResultText.text() == "请输入完整的证件号或电话号码"

    type_search(qtbot, page, member.id_number)
    assert member.id in page.model.ids()


def test_read_only_role_has_no_buttons_that_write(
    qtbot, demo_application: Application, recorder: Recorder
) -> None:
    page = make_page(qtbot, demo_application, READ_ONLY)

    assert not page.ui.registerButton.isVisible()
    assert not page.ui.importButton.isVisible()
    assert page.ui.editButton.text() == "查看…"
    assert page.ui.exportButton.isVisible()


# -- export and template ------------------------------------------------------------------


def test_export_writes_the_filtered_list_masked_for_staff(
    qtbot, demo_application: Application, recorder: Recorder, tmp_path: Path
) -> None:
    page = make_page(qtbot, demo_application, STAFF)
    page.ui.kindCombo.setCurrentIndex(page.ui.kindCombo.findData(MemberKind.RETIRED))
    settle(qtbot, page)
    recorder.save_path = tmp_path / "名单.xlsx"

    page.ui.exportButton.click()
    qtbot.waitUntil(lambda: "已导出" in page.notice(), timeout=WAIT_MS)

    sheet = openpyxl.load_workbook(recorder.save_path).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    assert rows[1:] and len(rows) - 1 == page.model.rowCount()
    numbers = [row[header.index("公民身份号码")] for row in rows[1:]]
    assert all("*" in number and len(number) == 18 for number in numbers)
    assert {row[header.index("党员类型")] for row in rows[1:]} == {"离退休党员"}
    assert "隐藏" in page.notice()
    entry = audit_entries(demo_application, "members.export")[0]
    assert entry["after"]["rows"] == page.model.rowCount()
    assert entry["after"]["full_personal_data"] is False


def test_the_template_is_saved_where_the_user_chooses(
    qtbot, page: MembersPage, recorder: Recorder, tmp_path: Path
) -> None:
    recorder.save_path = tmp_path / "模板.xlsx"

    page.ui.templateButton.click()
    qtbot.waitUntil(lambda: "模板已保存" in page.notice(), timeout=WAIT_MS)

    header = next(openpyxl.load_workbook(recorder.save_path).active.iter_rows(values_only=True))
    assert header[:2] == ("姓名", "性别") and "公民身份号码" in header
    assert "模板已保存" in page.notice()


def test_print_roster_asks_for_a_branch_then_previews_its_roster(
    qtbot, page: MembersPage, recorder: Recorder
) -> None:
    page.ui.printButton.click()
    assert recorder.infos and "党支部" in recorder.infos[0]
    assert page.preview_window is None

    branch = next(node for node in page.organizations if node.level.value == "grid_branch")
    page.ui.branchPicker.set_organization_id(branch.id, notify=True)
    settle(qtbot, page)
    page.ui.printButton.click()
    qtbot.waitUntil(lambda: page.preview_window is not None, timeout=30_000)

    window = page.preview_window
    assert window.page_count >= 1
    assert branch.name in window.windowTitle()
    window.close()


def test_the_roster_progress_counts_pages(
    qtbot, page: MembersPage, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A roster reports the pages of one document (issue 12): the progress says 页, not 份."""
    labels: list[str] = []
    report = print_preview.PrintJobProgress.report

    def spy(progress: print_preview.PrintJobProgress, done: int, total: int) -> None:
        report(progress, done, total)
        labels.append(progress.labelText())

    monkeypatch.setattr(print_preview.PrintJobProgress, "report", spy)
    branch = next(node for node in page.organizations if node.level.value == "grid_branch")
    page.ui.branchPicker.set_organization_id(branch.id, notify=True)
    settle(qtbot, page)
    page.ui.printButton.click()
    qtbot.waitUntil(lambda: page.preview_window is not None, timeout=30_000)
    qtbot.waitUntil(lambda: bool(labels), timeout=WAIT_MS)
    assert all("页" in label and "份" not in label for label in labels), labels
    page.preview_window.close()


def test_the_receipt_button_prints_the_selected_in_service_members_receipt(
    qtbot, page: MembersPage, demo_application: Application, admin_actor: Actor
) -> None:
    """打印报到回执 beside 打印花名册: only for an in-service member who registered at the
    community; the receipt is previewed and entered in the register of issued documents."""
    button = page.receiptButton
    other = a_member(demo_application, Member.kind == MemberKind.RETIRED.value)
    registered = a_member(demo_application, Member.kind == MemberKind.IN_SERVICE_REGISTERED.value)
    assert page.select_member(other.id)
    assert not button.isEnabled()
    assert page.select_member(registered.id)
    assert button.isEnabled() and button.isVisible()
    assert button.text() == "打印报到回执"

    button.click()
    qtbot.waitUntil(lambda: page.preview_window is not None, timeout=30_000)
    window = page.preview_window
    assert window.page_count >= 1 and registered.name in window.windowTitle()
    window.close()
    entries = list_documents(demo_application.database, admin_actor, "registration_receipt")
    assert [entry.subject for entry in entries] == [registered.name]


# -- the lazy model -----------------------------------------------------------------------


@pytest.mark.slow
def test_scrolling_to_the_end_of_100000_members_reads_a_few_pages_only(
    qtbot, demo_application: Application, admin_actor: Actor, recorder: Recorder
) -> None:
    add_copies(demo_application, 100_000 - DEMO_MEMBERS)
    page = make_page(qtbot, demo_application, admin_actor)
    model, view = page.model, page.ui.membersView
    total = sql_count(demo_application)
    page.ui.statusCombo.setCurrentIndex(0)  # everybody
    settle(qtbot, page)
    assert model.rowCount() == total == 100_000
    loaded_before = model.rows_loaded

    view.scrollToBottom()
    view.viewport().repaint()
    last = model.rowCount() - 1

    assert (
        model.member_id_at(last)
        == list_member_ids(demo_application.database, admin_actor, MemberQuery())[-1]
    )
    assert model.data(model.index(last, NAME))
    read_for_the_end = model.rows_loaded - loaded_before
    assert 0 < read_for_the_end <= 3 * PAGE_SIZE
    assert model.cached_rows() <= 4 * PAGE_SIZE
    assert view.rowAt(view.viewport().height() - 2) >= last - 2


def test_the_model_reads_rows_by_page_and_forgets_old_pages() -> None:
    requested: list[list[int]] = []

    def rows(ids: list[int]) -> list:
        requested.append(ids)
        return []

    model = MemberTableModel(rows)
    model.set_ids(range(100_000))

    for row in (0, 1, PAGE_SIZE - 1, 99_999, 50_000):
        model.data(model.index(row, NAME))

    assert [batch[0] for batch in requested] == [0, 99_950, 50_000]
    assert all(len(batch) <= PAGE_SIZE for batch in requested)
    assert model.rows_loaded == 0 and model.pages_loaded == 3


def test_rows_read_by_id_keep_the_order_they_were_asked_in(
    demo_application: Application, admin_actor: Actor
) -> None:
    ids = list_member_ids(demo_application.database, admin_actor, MemberQuery())[:30]
    shuffled = ids[::-1]

    rows = member_rows(demo_application.database, admin_actor, shuffled)

    assert [row.id for row in rows] == shuffled
    assert organization_tree(demo_application.database)
