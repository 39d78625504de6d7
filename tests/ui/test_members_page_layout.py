"""党员管理 on the screens front desks have: 1024×768 and 1280×800, 13 pt to the largest font.

Issue 11: at 1024×768 the filters were drawn over each other (全部类型 covered 全部党组织), five
buttons were cut mid-character and 清除筛选 sat on the search box even at 1280×800. The page is
shown as ``dangqun screenshot`` shows it, in the states a front desk sees (the list, filters
set, no result), and :func:`layout_problems` must find nothing; the tool bar keeps what fits
and offers the rest under 更多, the list keeps its important columns, and the user's own
column choices stay.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from dangqun.bootstrap import Application
from dangqun.core.security import Actor, Role
from dangqun.core.setting_definitions import LARGEST_FONT_POINT_SIZE
from dangqun.core.users import create_user
from dangqun.members.vocabulary import MemberKind
from dangqun.ui.context import AppEvents, UiContext
from dangqun.ui.models.member_table_model import (
    BIRTH_DATE,
    BRANCH,
    CATEGORY,
    GENDER,
    ID_NUMBER,
    JOINED_ON,
    KIND,
    NAME,
    PHONE,
    STATUS,
)
from dangqun.ui.pages.members_page import COLUMN_CHOICES_KEY, MembersPage
from dangqun.ui.screenshot import shown_screen
from dangqun.ui.startup import DEFAULT_FONT_POINT_SIZE, apply_appearance
from tests.ui.conftest import actor_of
from tests.ui.layout_checks import layout_problems
from tests.ui.members_support import READ_ONLY, WAIT_MS, install_recorder, make_page

SIZES = {"1024x768": (1024, 768), "1280x800": (1280, 800)}
IMPORTANT_COLUMNS = (NAME, CATEGORY, KIND, BRANCH, PHONE, STATUS)
OPTIONAL_COLUMNS = (GENDER, BIRTH_DATE, ID_NUMBER, JOINED_ON)


def user_of(application: Application, admin: Actor, role: str) -> Actor:
    if role == "admin":
        return admin
    create_user(application.database, admin, "clerk", "李华", Role.STAFF, "staff-pass-123")
    return actor_of(application, "clerk")


def members_page_of(screen) -> MembersPage:
    page = screen.window.page("members")
    assert isinstance(page, MembersPage)
    return page


def set_state(qtbot, page: MembersPage, state: str) -> None:
    """The page as a front desk leaves it: the plain list, filters set, or nothing found."""
    ui = page.ui
    if state == "filtered":
        branch = next(node for node in page.organizations if node.can_hold_members)
        ui.branchPicker.set_organization_id(branch.id, notify=True)
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(MemberKind.LOCAL))
        ui.categoryCombo.setCurrentIndex(1)
    elif state == "no result":
        ui.searchEdit.setText("zzzzqqq")
    qtbot.waitUntil(lambda: not page._search_timer.isActive() and page.is_ready(), timeout=WAIT_MS)
    QThreadPool.globalInstance().waitForDone()


def problems_in(screen, qtbot, state: str) -> list[str]:
    page = members_page_of(screen)
    set_state(qtbot, page, state)
    screen.picture()  # settles the layouts as a screenshot does
    return layout_problems(screen.window)


@pytest.fixture
def font_size(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    apply_appearance(qapp, request.param)
    try:
        yield request.param
    finally:
        apply_appearance(qapp, DEFAULT_FONT_POINT_SIZE)


@pytest.mark.demo_members(200)
@pytest.mark.parametrize("state", ["list", "filtered", "no result"])
@pytest.mark.parametrize("role", ["admin", "staff"])
@pytest.mark.parametrize("size", SIZES)
def test_the_members_page_shows_every_control_whole(
    qtbot, application: Application, admin_actor: Actor, size: str, role: str, state: str
) -> None:
    actor = user_of(application, admin_actor, role)
    with shown_screen(application, actor, "members", SIZES[size]) as screen:
        assert problems_in(screen, qtbot, state) == []


@pytest.mark.demo_members(200)
@pytest.mark.parametrize("state", ["list", "no result"])
@pytest.mark.parametrize("font_size", [18, LARGEST_FONT_POINT_SIZE], indirect=True)
def test_a_large_font_at_1024x768_cuts_nothing_on_the_members_page(
    qtbot, application: Application, admin_actor: Actor, font_size: int, state: str
) -> None:
    with shown_screen(application, admin_actor, "members", SIZES["1024x768"]) as screen:
        problems = problems_in(screen, qtbot, state)
        page = members_page_of(screen)
        shown_columns = [
            column for column in IMPORTANT_COLUMNS if not page.ui.membersView.isColumnHidden(column)
        ]
    # The page's own widgets only: the window's frame (sidebar, status bar) is the shell's.
    assert [problem for problem in problems if not problem.startswith("MainWindow")] == []
    assert shown_columns == list(IMPORTANT_COLUMNS)


@pytest.mark.demo_members(200)
def test_at_1024x768_the_tool_bar_offers_the_rest_under_more(
    qtbot, application: Application, admin_actor: Actor, monkeypatch, tmp_path
) -> None:
    recorder = install_recorder(monkeypatch)
    recorder.save_path = tmp_path / "党员花名册模板.xlsx"
    with shown_screen(application, admin_actor, "members", SIZES["1024x768"]) as screen:
        page = members_page_of(screen)
        ui = page.ui
        collapsed = page.actions_overflow.collapsed()
        assert collapsed, "at 1024×768 not every button fits beside 登记党员"
        assert ui.moreActionsButton.isVisible() and ui.moreActionsButton.text() == "更多"
        assert ui.registerButton.isVisible() and ui.editButton.isVisible()
        # The menu holds exactly the buttons not shown, and an entry does what its button does.
        menu = page.actions_overflow.menu
        menu.aboutToShow.emit()
        assert [action.text() for action in menu.actions()] == [b.text() for b in collapsed]
        assert all(not button.isVisible() for button in collapsed)
        # The template goes first; its entry saves the template as the button does.
        assert collapsed[-1] is ui.templateButton
        menu.actions()[-1].trigger()
        qtbot.waitUntil(recorder.save_path.exists, timeout=WAIT_MS)

        screen.window.resize(1600, 900)
        screen.picture()
        assert page.actions_overflow.collapsed() == []
        assert not ui.moreActionsButton.isVisible()


def test_read_only_users_do_not_see_the_import_template(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    """只读 cannot import, so 下载模板 is of no use to it (issue 11)."""
    read_only = make_page(qtbot, application, READ_ONLY)
    read_only.resize(1600, 700)
    staff = make_page(qtbot, application, admin_actor)
    staff.resize(1600, 700)
    qtbot.wait(50)

    assert read_only.ui.resultStack.currentWidget() is read_only.ui.emptyPage
    assert read_only.ui.templateButton.isHidden()
    assert read_only.ui.templateFirstButton.isHidden()
    assert read_only.ui.templateButton not in read_only.actions_overflow.collapsible
    assert not staff.ui.templateButton.isHidden()
    assert not staff.ui.templateFirstButton.isHidden()


@pytest.mark.demo_members(60)
def test_a_narrow_list_keeps_the_important_columns_and_the_users_choices(
    qtbot, application: Application, admin_actor: Actor, tmp_path
) -> None:
    ui_state = QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)
    context = UiContext(application, admin_actor, ui_state, AppEvents())
    page = MembersPage(context)
    qtbot.addWidget(page)
    page.resize(700, 600)
    page.show()
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)
    view = page.ui.membersView

    def shown(columns: tuple[int, ...]) -> list[bool]:
        return [not view.isColumnHidden(column) for column in columns]

    assert shown(IMPORTANT_COLUMNS) == [True] * len(IMPORTANT_COLUMNS)
    assert not view.isColumnHidden(NAME)
    assert view.isColumnHidden(JOINED_ON) and view.isColumnHidden(BIRTH_DATE)

    page.resize(1800, 600)
    qtbot.waitUntil(lambda: not view.isColumnHidden(JOINED_ON), timeout=WAIT_MS)
    assert shown(OPTIONAL_COLUMNS) == [True] * len(OPTIONAL_COLUMNS)

    # The user's own choice wins over the width, and is remembered for the next session.
    page.choose_column(BIRTH_DATE, True)
    page.choose_column(PHONE, False)
    page.resize(700, 600)
    qtbot.waitUntil(lambda: view.isColumnHidden(JOINED_ON), timeout=WAIT_MS)
    assert not view.isColumnHidden(BIRTH_DATE)
    assert view.isColumnHidden(PHONE)
    assert ui_state.value(COLUMN_CHOICES_KEY) == "birth_date=1,phone=0"

    again = MembersPage(context)
    qtbot.addWidget(again)
    again.resize(1800, 600)
    again.show()
    qtbot.waitUntil(again.is_ready, timeout=WAIT_MS)
    assert again.ui.membersView.isColumnHidden(PHONE)

    again.forget_column_choices()
    assert not again.ui.membersView.isColumnHidden(PHONE)
    assert ui_state.value(COLUMN_CHOICES_KEY) == ""


def test_filters_wrap_onto_a_second_line_instead_of_overlapping(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    page = make_page(qtbot, application, admin_actor)
    ui = page.ui
    page.resize(1600, 700)
    qtbot.waitUntil(lambda: ui.statusCombo.y() == ui.branchPicker.y(), timeout=WAIT_MS)

    page.resize(560, 700)
    qtbot.waitUntil(lambda: ui.statusCombo.y() > ui.branchPicker.y(), timeout=WAIT_MS)
    # The bar asks for the second line's height: once the layouts settle, nothing is cut.
    qtbot.waitUntil(lambda: layout_problems(ui.filterBar) == [], timeout=WAIT_MS)
    assert ui.filterBar.height() >= ui.statusCombo.geometry().bottom()
