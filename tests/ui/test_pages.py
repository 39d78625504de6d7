"""首页 and the module pages: live figures from indexed counts, empty states, quick links."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, update

from dangqun.bootstrap import Application, backup_now
from dangqun.core.changes import BACKUP, USER, Changes
from dangqun.core.clock import local_today
from dangqun.core.security import Actor, system_actor
from dangqun.demo import generate_demo_data
from dangqun.members.changes import MEMBER, ORGANIZATION
from dangqun.members.models import Member
from dangqun.members.queries import (
    member_overview,
    members_by_branch,
    political_birthdays_in_month,
)
from dangqun.members.vocabulary import MemberKind, MemberStatus, OrganizationLevel
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.main_window import MainWindow, signed_in_window
from dangqun.ui.pages.figures import format_count
from dangqun.ui.pages.home_page import HomePage

DEMO_MEMBERS = 300


@pytest.fixture
def demo_application(application: Application) -> Application:
    generate_demo_data(application.database, system_actor("测试"), DEMO_MEMBERS, seed=7)
    return application


def make_window(qtbot, application: Application, actor: Actor) -> MainWindow:
    window = signed_in_window(
        UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def sql_count(application: Application, *conditions: object) -> int:
    with application.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Member).where(*conditions)))


def test_overview_counts_equal_plain_sql_counts(demo_application: Application) -> None:
    """The index-only subtraction gives exactly what a plain filtered COUNT gives."""
    with demo_application.database.unit_of_work(system_actor("测试")) as work:  # some leave
        work.session.execute(
            update(Member)
            .where(Member.id % 7 == 0)
            .values(status=MemberStatus.TRANSFERRED_OUT.value)
        )
        work.session.execute(
            update(Member).where(Member.id % 11 == 0).values(status=MemberStatus.DECEASED.value)
        )
        work.commit()
    overview = member_overview(demo_application.database)
    active = Member.status == MemberStatus.ACTIVE.value

    assert overview.total_records == DEMO_MEMBERS
    assert overview.in_register == sql_count(demo_application, active)
    for kind in MemberKind:
        assert overview.kind(kind) == sql_count(demo_application, active, Member.kind == kind.value)
    assert sum(branch.in_register for branch in members_by_branch(demo_application.database)) == (
        overview.in_register
    )
    month = local_today().month
    assert political_birthdays_in_month(demo_application.database, month) == sql_count(
        demo_application,
        active,
        Member.joined_month_day.like(f"{month:02d}-%"),
        Member.joined_on < date(local_today().year, 1, 1),  # no anniversary in the first year
    )


def test_home_page_shows_the_center_the_user_and_the_figures(
    qtbot, demo_application: Application, admin_actor: Actor
) -> None:
    window = make_window(qtbot, demo_application, admin_actor)
    home = window.page("home")
    assert isinstance(home, HomePage)
    qtbot.waitUntil(home.is_ready)  # the figures load on a worker thread
    overview = member_overview(demo_application.database)

    assert home.ui.centerNameLabel.text() == "翠湖社区党群服务中心"
    assert home.ui.divisionCodeLabel.text() == "行政区划代码 530102001001"
    assert home.ui.greetingLabel.text().endswith("好，王芳")
    today = date.today()
    assert home.ui.dateLabel.text().startswith(f"{today.year}年{today.month}月{today.day}日 星期")
    assert home.cards["inRegister"].value == format_count(overview.in_register)
    assert home.cards["inService"].value == format_count(
        overview.kind(MemberKind.IN_SERVICE_REGISTERED)
    )
    assert home.cards["organizations"].value == format_count(overview.organizations)
    assert f"网格党支部 {overview.level(OrganizationLevel.GRID_BRANCH)}" in (
        home.cards["organizations"].caption
    )
    birthdays = political_birthdays_in_month(demo_application.database, local_today().month)
    assert home.cards["birthdays"].value == format_count(birthdays)
    assert home.cards["backup"].value == "尚无"
    assert not home.ui.emptyNote.isVisible()


def test_home_page_follows_a_backup(
    qtbot, demo_application: Application, admin_actor: Actor
) -> None:
    window = make_window(qtbot, demo_application, admin_actor)
    home = window.page("home")
    backup_now(demo_application, admin_actor)

    window.context.events.announce(Changes.of(BACKUP))
    qtbot.waitUntil(home.is_ready)

    assert home.cards["backup"].value.startswith("今天 ")
    assert home.cards["backup"].caption == "手动备份"


def test_empty_center_shows_zeros_and_a_calm_note(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    window = make_window(qtbot, application, admin_actor)
    home = window.page("home")
    qtbot.waitUntil(home.is_ready)

    assert home.ui.emptyNote.isVisible()
    note = home.ui.emptyNoteText.text()
    assert "还没有登记党员" in note
    # Registration and import exist: the note says where they are, never that they "will be"
    # available (issue 11), and names the page as the navigation does.
    assert "将在" not in note and "在此之前" not in note
    assert "“党员管理”" in note and "登记" in note and "花名册导入" in note
    assert window.page_actions["members"].text() == "党员管理"
    assert home.cards["inRegister"].value == "0"

    members = window.show_page("members")
    qtbot.waitUntil(members.is_ready)
    assert members.ui.countLabel.text() == "共 0 人"
    assert members.ui.resultStack.currentWidget() is members.ui.emptyPage
    assert members.ui.emptyTitle.text() == "还没有登记党员"


def test_quick_links_open_their_pages(qtbot, application: Application, admin_actor: Actor) -> None:
    window = make_window(qtbot, application, admin_actor)
    home = window.page("home")
    assert list(home.link_buttons) == [
        "members",
        "bases",
        "timebank",
        "minutes",
        "sync",
        "settings",
    ]
    assert home.link_buttons["bases"].title == "阵地预约"

    home.link_buttons["minutes"].click()

    assert window.current_page_key() == "minutes"


def test_members_page_lists_the_register_and_the_tree_counts_every_branch(
    qtbot, demo_application: Application, admin_actor: Actor
) -> None:
    from dangqun.ui.dialogs.organization_dialog import OrganizationDialog

    window = make_window(qtbot, demo_application, admin_actor)
    page = window.show_page("members")
    qtbot.waitUntil(page.is_ready)
    overview = member_overview(demo_application.database)

    assert page.ui.titleLabel.text() == "党员管理"
    assert page.ui.countLabel.text() == f"共 {format_count(overview.in_register)} 人"
    assert page.model.rowCount() == overview.in_register
    page.ui.organizationsButton.click()
    dialog = page.active_dialog
    assert isinstance(dialog, OrganizationDialog)
    branches = {
        branch.organization_id: branch for branch in members_by_branch(demo_application.database)
    }
    shown = {
        node.id: node
        for node in dialog.nodes.values()
        if node.level is OrganizationLevel.GRID_BRANCH
    }
    assert set(shown) == set(branches)
    first = next(iter(branches.values()))
    dialog.select(first.organization_id)
    index = dialog.ui.treeView.currentIndex()
    assert index.siblingAtColumn(3).data() == format_count(first.in_register)
    dialog.close()


def test_pages_refresh_when_what_they_count_changes(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    window = make_window(qtbot, application, admin_actor)
    home = window.page("home")
    qtbot.waitUntil(home.is_ready)
    assert home.cards["inRegister"].value == "0"
    generate_demo_data(application.database, system_actor("测试"), 40, seed=3)

    window.context.events.announce(Changes.of(USER))  # not what the cards count
    assert home.is_ready() and home.cards["inRegister"].value == "0"

    window.context.events.announce(Changes.of(MEMBER))
    qtbot.waitUntil(home.is_ready)

    overview = member_overview(application.database)
    assert home.cards["inRegister"].value == format_count(overview.in_register)


def test_home_page_cards_come_from_the_features(qtbot, application, admin_actor) -> None:
    from dangqun.timebank.changes import LEDGER, SERVICE_RECORD
    from dangqun.ui.bases.home_cards import BasesHomeCards
    from dangqun.ui.members.home_cards import MemberHomeCards
    from dangqun.ui.minutes.home_cards import MinutesHomeCards
    from dangqun.ui.timebank.home_cards import TimeBankHomeCards

    window = make_window(qtbot, application, admin_actor)
    home = window.page("home")

    assert [type(group) for group in home.card_groups] == [
        MemberHomeCards,
        TimeBankHomeCards,
        BasesHomeCards,
        MinutesHomeCards,
    ]
    members, timebank, bases, minutes = home.card_groups
    assert list(home.cards) == [
        *members.cards,
        *timebank.cards,
        *bases.cards,
        *minutes.cards,
        "backup",
    ]
    assert set(members.shows) == {MEMBER, ORGANIZATION}
    assert set(timebank.shows) == {SERVICE_RECORD, LEDGER}


@pytest.mark.demo_members(200)
def test_the_home_page_fits_a_1024_wide_screen(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    """Four cards a row beside the compact navigation (issue 11; with three a row two rows of
    figures no longer showed). With every module's cards the page scrolls (issue 13: the time
    bank adds two): the first two rows of figures show at once, and the quick links — the
    sidebar's pages again — are reached by scrolling, never cut."""
    window = make_window(qtbot, application, admin_actor)
    window.resize(1024, 768)
    home = window.show_page("home")
    qtbot.waitUntil(home.is_ready)
    qtbot.wait(20)

    assert home._columns[0] == 4
    viewport = home.ui.pageScroll.viewport()
    cards = list(home.cards.values())
    second_row = cards[home._columns[0]]
    top = second_row.mapTo(viewport, second_row.rect().topLeft()).y()
    assert top + second_row.height() <= viewport.height()

    first_link = next(iter(home.link_buttons.values()))
    home.ui.pageScroll.ensureWidgetVisible(first_link)
    qtbot.wait(20)
    top = first_link.mapTo(viewport, first_link.rect().topLeft()).y()
    assert top >= 0 and top + first_link.height() <= viewport.height()
