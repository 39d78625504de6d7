"""The main window: navigation from the page registry, shortcuts, status bar, roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from dangqun import features
from dangqun.bootstrap import Application
from dangqun.core.backup import list_backups
from dangqun.core.center import update_center
from dangqun.core.changes import BACKUP, CENTER, Changes
from dangqun.core.feature_kit import Feature, PageDeclaration
from dangqun.core.security import Actor
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.main_window import GEOMETRY_KEY, MainWindow, signed_in_window
from dangqun.ui.pages import available_pages, page_keys, page_spec, pages
from tests.ui.layout_checks import clipped_texts

NAVIGATION_TITLES = ["首页", "党员管理", "阵地预约", "时间银行", "会议记录", "数据同步", "系统设置"]
PAGE_KEYS = ("home", "members", "bases", "timebank", "minutes", "sync", "settings")


def make_window(qtbot, application: Application, actor: Actor, remember: bool = False):
    context = UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    window = signed_in_window(context, remember_state=remember)
    qtbot.addWidget(window)
    if not remember:
        window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, application: Application, admin_actor: Actor) -> MainWindow:
    return make_window(qtbot, application, admin_actor)


def test_the_registry_has_the_seven_pages_in_order() -> None:
    assert page_keys() == PAGE_KEYS
    assert [spec.title for spec in pages()] == NAVIGATION_TITLES
    assert page_spec("members").module == "dangqun.ui.pages.members_page"  # from members/feature


def test_a_feature_page_takes_its_position_and_a_shared_key_is_refused() -> None:
    """A module's page lands where its position says, with no edit elsewhere; two pages with
    one key would make one of them unreachable, so the page list refuses them."""
    feature = Feature(
        key="later",
        title="后续模块",
        pages=(PageDeclaration("later", "Later", "info", "later.page:LaterPage", "", position=50),),
    )
    with features.feature_added(feature):
        keys = page_keys()
        available = [spec.key for spec in available_pages()]
    assert keys.index("later") == keys.index("minutes") + 1
    assert "later" not in available  # its module does not exist
    assert page_keys() == PAGE_KEYS
    clash = Feature(
        key="clash",
        title="重复",
        pages=(PageDeclaration("sync", "Sync", "sync", "later.sync_page:SyncPage", "", 60),),
    )
    with features.feature_added(clash), pytest.raises(ValueError, match="sync"):
        page_keys()


def test_navigation_lists_all_seven_pages_with_icons(window: MainWindow) -> None:
    navigation = window.workspace.ui.navigationList
    assert [navigation.item(row).text() for row in range(navigation.count())] == (NAVIGATION_TITLES)
    assert all(not navigation.item(row).icon().isNull() for row in range(navigation.count()))
    assert window.page_keys() == list(PAGE_KEYS)
    assert window.current_page_key() == "home"
    assert window.workspace.ui.pageStack.currentWidget() is window.page("home")


@pytest.mark.parametrize("number, key", list(enumerate(PAGE_KEYS, start=1)))
def test_ctrl_number_switches_to_the_page(qtbot, window: MainWindow, number: int, key: str):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)

    assert window.current_page_key() == key
    assert window.workspace.ui.pageStack.currentWidget() is window.page(key)
    assert window.page_actions[key].shortcut().toString() == f"Ctrl+{number}"


def test_clicking_the_navigation_switches_pages(window: MainWindow) -> None:
    window.workspace.ui.navigationList.setCurrentRow(4)
    assert window.current_page_key() == "minutes"
    assert window.page("minutes").title_label.text() == "会议记录"


def test_pages_are_built_only_when_first_shown(window: MainWindow) -> None:
    assert window.page("members") is None
    page = window.show_page("members")
    assert window.page("members") is page
    assert window.show_page("members") is page


def test_status_bar_shows_center_user_role_and_backup(
    window: MainWindow, application: Application
) -> None:
    assert window.center_label.text() == "翠湖社区党群服务中心"
    assert window.user_label.text() == "当前用户：王芳（管理员）"
    assert window.backup_label.text() == "尚未备份"
    assert window.windowTitle() == "翠湖社区党群服务中心 — 党群服务中心工作台"


def test_status_bar_follows_a_center_change(
    window: MainWindow, application: Application, admin_actor: Actor
) -> None:
    update_center(application.database, admin_actor, "翠湖社区新名称", "530102001001")
    assert window.center_label.text() == "翠湖社区党群服务中心"  # until the change is announced

    window.context.events.announce(Changes.of(CENTER))

    assert window.center_label.text() == "翠湖社区新名称"
    assert window.windowTitle().startswith("翠湖社区新名称 — ")


def test_back_up_now_runs_off_the_gui_thread_and_updates_the_status(
    qtbot, window: MainWindow, application: Application
) -> None:
    assert window.ui.backupNowAction.isVisible()
    with qtbot.waitSignal(
        window.context.events.changed,
        timeout=10_000,
        check_params_cb=lambda changes: changes == Changes.of(BACKUP),
    ):
        window.ui.backupNowAction.trigger()

    assert [backup.kind for backup in list_backups(application.paths.backups)] == ["manual"]
    assert window.backup_label.text().startswith("上次备份：今天 ")


def test_read_only_role_gets_no_edit_actions(
    qtbot, application: Application, read_only_actor: Actor
) -> None:
    window = make_window(qtbot, application, read_only_actor)

    assert not window.ui.backupNowAction.isVisible()
    assert not window.ui.backupNowAction.isEnabled()
    assert window.user_label.text() == "当前用户：访客（只读）"
    window.back_up_now()  # even if called, nothing is written
    assert list_backups(application.paths.backups) == []
    assert window.ui.lockAction.isEnabled() and window.ui.logOutAction.isEnabled()


def test_lock_cover_hides_the_pages(window: MainWindow) -> None:
    assert window.ui.lockCoverIcon.pixmap().isNull()  # drawn when first needed
    window.set_locked(True)
    assert window.locked
    assert not window.ui.lockCoverIcon.pixmap().isNull()
    assert not window.workspace.isVisible()
    assert not window.page_actions["members"].isEnabled()

    window.set_locked(False)
    assert not window.locked
    assert window.workspace.isVisible()
    assert window.page_actions["members"].isEnabled()


def test_window_geometry_is_remembered_in_the_ui_state(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    first = make_window(qtbot, application, admin_actor, remember=True)
    first.resize(1100, 700)
    first.close()
    assert open_ui_state(application.paths).value(GEOMETRY_KEY)

    second = make_window(qtbot, application, admin_actor, remember=True)
    # Qt fits a restored window on the screen; the offscreen screen is only 800 px wide.
    assert second.height() == 700
    assert second.width() == min(1100, max(960, second.screen().availableGeometry().width()))


def test_lock_and_exit_have_their_shortcuts(window: MainWindow) -> None:
    assert window.ui.lockAction.shortcut().toString() == "Ctrl+L"
    assert window.ui.exitAction.shortcut().toString() == "Ctrl+Q"
    assert {window.ui.lockAction, window.ui.exitAction} <= set(window.actions())


def test_the_covers_are_centred_by_the_theme(
    qtbot, application: Application, admin_actor: Actor
) -> None:
    window = make_window(qtbot, application, admin_actor)
    window.end_session()  # back on the sign-in cover
    ui = window.ui
    for label in (ui.signInCoverMark, ui.signInCoverCenter, ui.signInCoverApplication):
        assert label.alignment() == Qt.AlignmentFlag.AlignCenter, label.objectName()
    panel = window.sign_in_panel
    assert abs(panel.geometry().center().x() - ui.signInCover.rect().center().x()) <= 1
    window.set_locked(True)
    for label in (ui.lockCoverIcon, ui.lockCoverText):
        assert label.alignment() == Qt.AlignmentFlag.AlignCenter, label.objectName()


def test_lock_log_out_and_exit_are_asked_for_with_signals(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.lock_requested):
        window.ui.lockAction.trigger()
    with qtbot.waitSignal(window.log_out_requested):
        window.ui.logOutAction.trigger()
    with qtbot.waitSignal(window.closed):
        window.ui.exitAction.trigger()


def test_a_page_that_fails_to_build_does_not_take_the_window_down(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dangqun.ui.pages.sync_page as sync_page

    def broken(_context: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(sync_page, "SyncPage", broken)
    reported: list[object] = []
    monkeypatch.setattr("sys.excepthook", lambda *exc_info: reported.append(exc_info[1]))

    page = window.show_page("sync")

    assert isinstance(page, QLabel)
    assert "数据同步" in page.text() and "未能打开" in page.text()
    assert [str(error) for error in reported] == ["boom"]
    assert window.show_page("home") is window.page("home")


LONG_CENTER_NAME = (
    "云南省昆明市五华区华山街道办事处翠湖社区居民委员会党群服务中心（新时代文明实践站）"
)


def test_a_long_center_name_is_shortened_and_the_user_and_backup_stay_visible(
    qtbot, window: MainWindow, application: Application, admin_actor: Actor
) -> None:
    update_center(application.database, admin_actor, LONG_CENTER_NAME, "530102001001")
    window.context.events.announce(Changes.of(CENTER))
    window.resize(1024, 768)
    qtbot.wait(10)

    bar = window.ui.statusBar
    for label in (window.user_label, window.backup_label):
        assert label.isVisible()
        assert bar.rect().contains(label.geometry()), label.text()
    assert window.user_label.text() == "当前用户：王芳（管理员）"
    assert window.backup_label.text() == "尚未备份"
    center = window.center_label
    assert center.height() < 2 * center.fontMetrics().lineSpacing()  # one line, not five
    assert center.text().endswith("…") and center.property("elided")
    assert center.toolTip() == LONG_CENTER_NAME
    assert clipped_texts(bar) == []

    window.resize(2400, 800)  # room enough: the whole name, no tooltip
    qtbot.wait(10)
    assert center.text() == LONG_CENTER_NAME and not center.property("elided")
    assert center.toolTip() == ""


def navigation_problems(window: MainWindow) -> list[str]:
    """Navigation items whose icon and name do not fit the panel."""
    navigation = window.workspace.ui.navigationList
    problems = []
    for row in range(navigation.count()):
        item = navigation.item(row)
        needed = navigation.fontMetrics().horizontalAdvance(item.text())
        needed += navigation.iconSize().width()
        if needed > navigation.visualItemRect(item).width():
            problems.append(item.text())
    return problems


def test_the_navigation_narrows_on_a_1024_wide_screen(qtbot, window: MainWindow) -> None:
    panel = window.workspace.ui.navigationPanel
    title = window.workspace.ui.applicationTitle
    assert not window.navigation_compact
    full_width = panel.width()
    assert title.isVisible() and clipped_texts(panel) == []

    window.resize(1024, 768)
    qtbot.wait(10)

    assert window.navigation_compact
    assert panel.width() <= full_width - 80
    assert not title.isVisible()
    assert window.workspace.ui.applicationMark.toolTip() == "党群服务中心工作台"
    assert navigation_problems(window) == [] and clipped_texts(panel) == []

    window.resize(1280, 800)
    qtbot.wait(10)
    assert not window.navigation_compact and panel.width() == full_width
