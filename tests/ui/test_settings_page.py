"""系统设置, driven offscreen against a real SQLite data directory.

The ``application`` and ``admin`` fixtures come from ``tests/conftest.py`` (a data directory with
a center and its first administrator). Modal message boxes are replaced by recorders, because a
real ``exec()`` would block the test run. Every read and write runs on the thread pool, so the
tests ``settle`` after each action.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from dangqun.bootstrap import Application, backup_now
from dangqun.core.audit import AuditFilter, actor_label, read_audit_page, read_audit_usernames
from dangqun.core.backup import list_backups
from dangqun.core.center import center_info
from dangqun.core.changes import BACKUP, USER, Changes
from dangqun.core.clock import format_local
from dangqun.core.errors import AuthenticationFailed, PermissionDenied
from dangqun.core.feature_kit import Feature, SettingsTabDeclaration
from dangqun.core.security import Actor, Role, system_actor
from dangqun.core.setting_definitions import FONT_POINT_SIZE, IDLE_LOCK_MINUTES
from dangqun.core.settings import read_all_settings, read_setting
from dangqun.core.users import authenticate, create_user, list_users
from dangqun.features import feature_added
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.dialogs.password_dialog import PasswordDialog
from dangqun.ui.dialogs.user_dialog import UserDialog
from dangqun.ui.models.audit_log_model import AFTER as AFTER_COLUMN
from dangqun.ui.models.audit_log_model import BEFORE as BEFORE_COLUMN
from dangqun.ui.models.audit_log_model import ENTITY as ENTITY_COLUMN
from dangqun.ui.models.audit_log_model import USER as USER_COLUMN
from dangqun.ui.models.audit_log_model import AuditLogModel, compact_json
from dangqun.ui.models.user_table_model import STATUS
from dangqun.ui.settings.audit_tab import AuditTab
from dangqun.ui.settings.backups_tab import BackupsTab
from dangqun.ui.settings.center_tab import CenterTab
from dangqun.ui.settings.display_tab import DisplayTab
from dangqun.ui.settings.page import SettingsPage
from dangqun.ui.settings.users_tab import UsersTab
from dangqun.ui.widgets import message_boxes
from tests.ui.settings_support import make_page, settle

STAFF_PASSWORD = "staff-pass-42"


@dataclass
class MessageRecorder:
    """Stands in for the modal boxes; ``confirm_answer`` is what the "user" clicks."""

    confirm_answer: bool = True
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    confirmations: list[str] = field(default_factory=list)


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    recorder = MessageRecorder()

    def confirm(_parent: object, _title: str, text: str, _accept: str, details: str = "") -> bool:
        recorder.confirmations.append(f"{text}\n{details}")
        return recorder.confirm_answer

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    monkeypatch.setattr(
        message_boxes, "show_error", lambda _p, _t, message: recorder.errors.append(message)
    )
    monkeypatch.setattr(
        message_boxes, "show_info", lambda _p, _t, message: recorder.infos.append(message)
    )
    return recorder


@pytest.fixture
def page(qtbot, application: Application, admin: Actor) -> SettingsPage:
    return make_page(qtbot, application, admin)


@pytest.fixture
def staff(application: Application, admin: Actor) -> Actor:
    create_user(application.database, admin, "zhangsan", "张三", Role.STAFF, STAFF_PASSWORD)
    return authenticate(application.database, "zhangsan", STAFF_PASSWORD)


def ok_button(dialog: UserDialog | PasswordDialog):
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def audit_actions(application: Application, admin: Actor, action: str) -> list[dict]:
    page = read_audit_page(application.database, admin, AuditFilter(action=action), 0, 1000)
    return [json.loads(record.after_json or "{}") for record in page.records]


def show(qtbot, page: SettingsPage, key: str):  # type: ignore[no-untyped-def]
    """Switch to the tab and wait for what it reads when shown."""
    tab = page.show_tab(key)
    settle(qtbot)
    return tab


def save(qtbot, dialog: UserDialog | PasswordDialog) -> None:
    ok_button(dialog).click()
    settle(qtbot)


def open_add_user_dialog(qtbot, page: SettingsPage) -> tuple[UsersTab, UserDialog]:
    tab = show(qtbot, page, "users")
    tab.ui.addUserButton.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, UserDialog)
    assert dialog.isVisible()
    return tab, dialog


# -- the tabs --------------------------------------------------------------------------------


def test_the_tabs_come_from_the_shell_and_the_features_in_position_order(
    qtbot, page: SettingsPage
) -> None:
    assert page.tab_keys() == [
        "center",
        "users",
        "audit",
        "backups",
        "printing",
        "timebank",
        "bases",
        "minutes",
        "display",
    ]
    assert [page.tabs.tabText(index) for index in range(page.tabs.count())] == [
        "中心信息",
        "用户管理",
        "操作日志",
        "备份与恢复",
        "打印",
        "时间银行",
        "阵地预约",
        "会议记录",
        "界面与安全",
    ]


def test_a_tab_is_built_when_it_is_first_shown(qtbot, page: SettingsPage) -> None:
    assert len(page.findChildren(CenterTab)) == 1  # the first tab, shown with the page
    assert page.findChildren(DisplayTab) == []
    tab = show(qtbot, page, "display")
    assert isinstance(tab, DisplayTab)
    assert page.findChildren(DisplayTab) == [tab]
    assert page.findChildren(AuditTab) == [], "a tab never shown is never built"


def test_a_feature_adds_its_own_tab_with_its_permission(
    qtbot, application: Application, admin: Actor, staff: Actor
) -> None:
    feature = Feature(
        key="fake",
        title="演示",
        settings_tabs=(
            SettingsTabDeclaration(
                "fake",
                "Fake",
                "dangqun.ui.settings.display_tab:DisplayTab",
                position=15,
                permission="MANAGE_USERS",
            ),
        ),
    )
    with feature_added(feature):
        assert make_page(qtbot, application, admin).tab_keys()[:3] == ["center", "fake", "users"]
        assert "fake" not in make_page(qtbot, application, staff).tab_keys()


# -- 用户管理 ---------------------------------------------------------------------------------


def test_adding_a_user_without_a_name_shows_the_message_beside_the_field_and_writes_nothing(
    qtbot, page: SettingsPage, application: Application, admin: Actor
) -> None:
    tab, dialog = open_add_user_dialog(qtbot, page)
    dialog.ui.usernameEdit.setText("zhangsan")
    dialog.ui.displayNameEdit.setText("   ")
    dialog.ui.passwordEdit.setText("password-123")
    dialog.ui.passwordAgainEdit.setText("password-123")

    save(qtbot, dialog)

    assert dialog.isVisible(), "a refused save keeps the dialog open"
    assert dialog.ui.displayNameError.isVisible()
    assert dialog.ui.displayNameError.text() == "姓名不能为空"
    assert not dialog.ui.usernameError.isVisible()
    assert dialog.ui.displayNameEdit.hasFocus() or not dialog.isActiveWindow()
    assert dialog.ui.buttonBox.isEnabled()
    assert [user.username for user in list_users(application.database, admin)] == ["admin"]
    assert len(audit_actions(application, admin, "user.create")) == 1  # only the first admin
    assert tab.user_model.rowCount() == 1


def test_every_refused_field_gets_its_own_message(qtbot, page: SettingsPage) -> None:
    _tab, dialog = open_add_user_dialog(qtbot, page)
    dialog.ui.usernameEdit.setText("张 三")
    dialog.ui.passwordEdit.setText("short")

    save(qtbot, dialog)

    assert "英文字母" in dialog.ui.usernameError.text()
    assert dialog.ui.displayNameError.text() == "姓名不能为空"
    assert dialog.ui.passwordError.text() == "密码至少需要 8 位"
    # Fixing the input and saving again clears the old messages.
    dialog.ui.usernameEdit.setText("zhangsan")
    dialog.ui.displayNameEdit.setText("张三")
    dialog.ui.passwordEdit.setText("password-123")
    dialog.ui.passwordAgainEdit.setText("password-124")
    save(qtbot, dialog)
    assert dialog.ui.usernameError.text() == ""
    assert not dialog.ui.usernameError.isVisible()
    assert dialog.ui.passwordAgainError.text() == "两次输入的密码不一致"


def test_a_valid_new_user_appears_in_the_table_and_in_the_audit_log(
    qtbot, page: SettingsPage, application: Application, admin: Actor
) -> None:
    announced: list[Changes] = []
    page.context.events.changed.connect(announced.append)
    tab, dialog = open_add_user_dialog(qtbot, page)
    dialog.ui.usernameEdit.setText("zhangsan")
    dialog.ui.displayNameEdit.setText("张三")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(Role.READ_ONLY))
    dialog.ui.passwordEdit.setText("password-123")
    dialog.ui.passwordAgainEdit.setText("password-123")

    save(qtbot, dialog)

    assert tab.active_dialog is None, "a successful save closes the dialog"
    usernames = [tab.user_model.user_at(row).username for row in range(tab.user_model.rowCount())]
    assert usernames == ["admin", "zhangsan"]
    assert tab.selected_user().username == "zhangsan"
    assert announced == [Changes.of(USER)]
    stored = {user.username: user for user in list_users(application.database, admin)}
    assert stored["zhangsan"].role is Role.READ_ONLY

    audit = show(qtbot, page, "audit")
    assert isinstance(audit, AuditTab)
    model = audit.audit_model
    newest = model.row_at(0)
    assert newest.action == "user.create"
    assert newest.username == "admin"
    assert "zhangsan" in (newest.after_json or "")
    assert model.index(0, 2).data() == "新增用户"
    audit.ui.auditView.selectRow(0)
    detail = audit.ui.auditDetailEdit.toPlainText()
    assert "姓名：张三" in detail and "用户名：zhangsan" in detail, "keys named (issue 11)"
    assert "display_name" not in detail


def test_editing_a_user_changes_role_and_name(
    qtbot, page: SettingsPage, application: Application, admin: Actor, staff: Actor
) -> None:
    tab = show(qtbot, page, "users")
    tab.select_user("zhangsan")
    tab.ui.editUserButton.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, UserDialog)
    assert not dialog.ui.usernameEdit.isEnabled()
    assert not dialog.ui.passwordEdit.isVisible()
    dialog.ui.displayNameEdit.setText("张三丰")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(Role.READ_ONLY))
    save(qtbot, dialog)

    assert tab.active_dialog is None
    user = {u.username: u for u in list_users(application.database, admin)}["zhangsan"]
    assert (user.display_name, user.role) == ("张三丰", Role.READ_ONLY)
    shown = tab.user_model.user_at(tab.user_model.row_of(user.id))
    assert (shown.display_name, tab.selected_user().username) == ("张三丰", "zhangsan")


def test_the_last_administrator_cannot_be_demoted_and_the_reason_shows_under_role(
    qtbot, page: SettingsPage, application: Application, admin: Actor
) -> None:
    tab = show(qtbot, page, "users")
    tab.select_user("admin")
    tab.ui.editUserButton.click()
    dialog = tab.active_dialog
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(Role.STAFF))
    save(qtbot, dialog)

    assert dialog.isVisible()
    assert "最后一个可用的管理员" in dialog.ui.roleError.text()
    assert list_users(application.database, admin)[0].role is Role.ADMIN


def test_disabling_and_enabling_a_user(
    qtbot, page: SettingsPage, application: Application, admin: Actor, staff: Actor, messages
) -> None:
    tab = show(qtbot, page, "users")
    tab.select_user("zhangsan")
    assert tab.ui.toggleActiveButton.text() == tab.tr("Disable")

    messages.confirm_answer = False
    tab.ui.toggleActiveButton.click()
    settle(qtbot)
    assert all(user.is_active for user in list_users(application.database, admin))

    messages.confirm_answer = True
    tab.ui.toggleActiveButton.click()
    settle(qtbot)
    assert "张三" in messages.confirmations[-1]
    assert tab.user_model.index(tab.user_model.row_of(staff.user_id), STATUS).data() == (
        tab.user_model.tr("Disabled")
    )
    with pytest.raises(AuthenticationFailed, match="停用"):
        authenticate(application.database, "zhangsan", STAFF_PASSWORD)
    assert tab.ui.toggleActiveButton.text() == tab.tr("Enable")

    tab.ui.toggleActiveButton.click()
    settle(qtbot)
    authenticate(application.database, "zhangsan", STAFF_PASSWORD)


def test_disabling_the_last_administrator_is_refused_with_the_service_message(
    qtbot, page: SettingsPage, messages
) -> None:
    tab = show(qtbot, page, "users")
    tab.select_user("admin")
    tab.ui.toggleActiveButton.click()
    settle(qtbot)
    assert messages.errors and "最后一个可用的管理员" in messages.errors[-1]
    assert tab.ui.toggleActiveButton.isEnabled()


def test_reset_password_lets_the_user_sign_in_with_the_new_one(
    qtbot, page: SettingsPage, application: Application, staff: Actor, messages
) -> None:
    tab = show(qtbot, page, "users")
    tab.select_user("zhangsan")
    tab.ui.resetPasswordButton.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, PasswordDialog)
    assert not dialog.ui.currentPasswordEdit.isVisible()

    dialog.ui.newPasswordEdit.setText("brand-new-pass")
    dialog.ui.passwordAgainEdit.setText("brand-new-pasS")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.passwordAgainError.text() == "两次输入的密码不一致"

    dialog.ui.passwordAgainEdit.setText("brand-new-pass")
    save(qtbot, dialog)
    assert tab.active_dialog is None
    assert messages.infos

    assert authenticate(application.database, "zhangsan", "brand-new-pass").username == "zhangsan"
    with pytest.raises(AuthenticationFailed):
        authenticate(application.database, "zhangsan", STAFF_PASSWORD)


def test_anyone_can_change_their_own_password(
    qtbot, application: Application, staff: Actor
) -> None:
    page = make_page(qtbot, application, staff)
    tab = show(qtbot, page, "display")
    tab.ui.changeMyPasswordButton.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, PasswordDialog)
    dialog.ui.currentPasswordEdit.setText("not-my-password")
    dialog.ui.newPasswordEdit.setText("my-new-password")
    dialog.ui.passwordAgainEdit.setText("my-new-password")
    save(qtbot, dialog)
    assert dialog.ui.currentPasswordError.text() == "当前密码不正确"

    dialog.ui.currentPasswordEdit.setText(STAFF_PASSWORD)
    save(qtbot, dialog)
    assert tab.active_dialog is None
    authenticate(application.database, "zhangsan", "my-new-password")


def test_staff_sees_no_users_or_audit_tab_and_cannot_edit_settings(
    qtbot, application: Application, staff: Actor
) -> None:
    page = make_page(qtbot, application, staff)

    assert page.tab_keys() == [
        "center",
        "backups",
        "printing",
        "timebank",
        "bases",
        "minutes",
        "display",
    ]
    center = page.tab("center")
    assert center.ui.centerNameEdit.isReadOnly()
    assert not center.ui.saveCenterButton.isVisible()
    assert center.ui.centerReadOnlyNote.isVisible()
    backups = show(qtbot, page, "backups")
    assert backups.ui.backupNowButton.isVisible()
    assert not backups.ui.restoreSelectedButton.isVisible()
    assert not backups.ui.restoreFromFileButton.isVisible()
    display = show(qtbot, page, "display")
    assert display.ui.fontSizeSpin.isReadOnly()
    assert not display.ui.saveSettingsButton.isVisible()
    assert display.ui.changeMyPasswordButton.isEnabled()
    with pytest.raises(KeyError):
        page.tab("users")


def test_read_only_users_see_neither_backups_nor_user_management(
    qtbot, application: Application, admin: Actor
) -> None:
    create_user(application.database, admin, "guest", "访客", Role.READ_ONLY, "guest-pass-1")
    reader = authenticate(application.database, "guest", "guest-pass-1")
    page = make_page(qtbot, application, reader)
    assert page.tab_keys() == ["center", "printing", "timebank", "bases", "minutes", "display"]


# -- 操作日志 ---------------------------------------------------------------------------------


def test_audit_filter_by_action_narrows_the_rows(
    qtbot, page: SettingsPage, application: Application, admin: Actor
) -> None:
    for username in ("user1", "user2", "user3"):
        create_user(application.database, admin, username, username, Role.STAFF, "password-123")
    tab = show(qtbot, page, "audit")
    model = tab.audit_model
    everything = model.rowCount()
    assert everything == model.total > 4

    combo = tab.ui.auditActionCombo
    combo.setCurrentIndex(combo.findData("user.create"))
    settle(qtbot)

    assert model.total == model.rowCount() == 4  # first admin + three
    assert {model.row_at(row).action for row in range(model.rowCount())} == {"user.create"}
    assert tab.ui.auditCountLabel.text() == tab.tr("{count} entries in total").format(count=4)

    tab.ui.auditTextEdit.setText("user2")
    tab.apply_filter()
    settle(qtbot)
    assert model.rowCount() == 1

    tab.ui.auditClearButton.click()
    settle(qtbot)
    assert model.rowCount() == everything
    assert combo.currentIndex() == 0


def test_audit_filter_by_user_and_date(
    qtbot, page: SettingsPage, application: Application, admin: Actor, staff: Actor
) -> None:
    tab = show(qtbot, page, "audit")
    combo = tab.ui.auditUserCombo
    assert combo.findData("zhangsan") > 0
    combo.setCurrentIndex(combo.findData("zhangsan"))
    settle(qtbot)
    model = tab.audit_model
    assert model.rowCount() >= 1
    assert {model.row_at(row).username for row in range(model.rowCount())} == {"zhangsan"}

    tab.ui.auditFromEdit.setDate(QDate.currentDate().addDays(1))
    settle(qtbot)
    assert model.rowCount() == 0
    assert tab.ui.auditCountLabel.text() == tab.tr("{count} entries in total").format(count=0)
    tab.ui.auditFromEdit.setDate(QDate.currentDate().addDays(-1))
    tab.ui.auditToEdit.setDate(QDate.currentDate())
    settle(qtbot)
    assert model.rowCount() >= 1


def test_the_audit_model_loads_pages_lazily_without_duplicates(
    qtbot, application: Application, admin: Actor
) -> None:
    for number in range(7):
        create_user(application.database, admin, f"u{number}", f"用户{number}", Role.STAFF, "p" * 8)
    context = UiContext(application, admin, open_ui_state(application.paths), AppEvents())
    model = AuditLogModel(context, page_size=3)
    model.reload()
    assert model.rowCount() == 0 and not model.canFetchMore(), "nothing is read on the GUI thread"
    settle(qtbot)
    total = model.total
    assert model.rowCount() == 3 and model.canFetchMore()

    model.fetchMore()
    settle(qtbot)
    # Entries written while the user scrolls push older ones down a page; none may repeat.
    create_user(application.database, admin, "late", "后来", Role.STAFF, "p" * 8)
    while model.canFetchMore():
        model.fetchMore()
        settle(qtbot)
    ids = [model.row_at(row).entry_id for row in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == total
    assert ids == sorted(ids, reverse=True)


def test_a_page_read_for_an_earlier_filter_is_dropped(
    qtbot, application: Application, admin: Actor
) -> None:
    context = UiContext(application, admin, open_ui_state(application.paths), AppEvents())
    model = AuditLogModel(context)
    model.set_filter(AuditFilter(action="user.create"))
    model.set_filter(AuditFilter(action="no.such.action"))  # before the first page arrived
    settle(qtbot)
    assert model.rowCount() == 0 and model.total == 0


def test_the_audit_services_refuse_staff(application: Application, staff: Actor) -> None:
    with pytest.raises(PermissionDenied):
        read_audit_page(application.database, staff, AuditFilter())
    with pytest.raises(PermissionDenied):
        read_audit_usernames(application.database, staff)


def test_the_audit_model_names_entities_fields_and_actors_in_chinese(
    qtbot, application: Application, admin: Actor
) -> None:
    """Issue 11: no "document", "display_name: …" or "命令行:root" in the log."""
    create_user(application.database, admin, "wangfang", "王芳", Role.STAFF, "p" * 8)
    with application.database.unit_of_work(system_actor("命令行:root")) as work:
        work.audit(
            "print.personal_data", "document", "roster:1", None, {"kind": "roster", "documents": 2}
        )
        work.commit()
    context = UiContext(application, admin, open_ui_state(application.paths), AppEvents())
    model = AuditLogModel(context)
    model.reload()
    settle(qtbot)
    printed, created = model.row_at(0), model.row_at(1)
    assert printed is not None and created is not None
    assert model.index(0, USER_COLUMN).data() == "命令行（root）"
    assert model.index(0, ENTITY_COLUMN).data() == "文书"
    assert model.index(0, AFTER_COLUMN).data() == "份数: 2, 文书类型: roster"
    assert created.username == "admin"
    assert model.index(1, USER_COLUMN).data() == f"{admin.display_name}（admin）"
    assert model.index(1, ENTITY_COLUMN).data() == "用户"
    after = model.index(1, AFTER_COLUMN).data()
    assert "姓名: 王芳" in after and "角色: 工作人员" in after and "启用: 是" in after
    assert model.details_text(created, created.after_json).splitlines()[0] == "姓名：王芳"


def test_the_audit_model_names_stored_codes(qtbot, application: Application, admin: Actor) -> None:
    """Issue 11: a member's entry read ``党员类型: local, 性别: 1``; codes are named now."""
    with application.database.unit_of_work(admin) as work:
        work.audit(
            "member.update",
            "member",
            "m-1",
            {"kind": "local", "gender_code": "1"},
            {"kind": "floating_in", "gender_code": "2", "note": "local"},
        )
        work.commit()
    context = UiContext(application, admin, open_ui_state(application.paths), AppEvents())
    model = AuditLogModel(context)
    model.reload()
    settle(qtbot)
    before = model.index(0, BEFORE_COLUMN).data().split(", ")
    assert sorted(before) == ["党员类型: 社区党员", "性别: 男"]
    after = model.index(0, AFTER_COLUMN).data().split(", ")
    assert {"党员类型: 流入党员", "性别: 女"} <= set(after)
    assert any(part.endswith(": local") for part in after)  # free text keeps what was stored
    row = model.row_at(0)
    assert row is not None
    assert "党员类型：社区党员" in model.details_text(row, row.before_json)


def test_actors_read_as_people() -> None:
    assert actor_label("wangfang", "王芳") == "王芳（wangfang）"
    assert actor_label("admin", "admin") == "admin"
    assert actor_label("命令行:root", None) == "命令行（root）"
    assert actor_label("system", None) == "系统"
    assert actor_label("首次设置", None) == "首次设置"


def test_compact_json_is_one_short_line() -> None:
    text = json.dumps({"display_name": "张三", "role": "staff", "is_active": True})
    assert compact_json(text) == "display_name: 张三, role: staff, is_active: 是"
    assert compact_json(text, labels={"display_name": "姓名"}).startswith("姓名: 张三, ")
    assert compact_json(json.dumps({"note": "很长" * 100}), limit=20).endswith("…")
    assert compact_json(None) == ""


# -- 备份与恢复 -------------------------------------------------------------------------------


def test_backup_now_runs_in_the_background_and_lists_the_new_file(
    qtbot, page: SettingsPage, application: Application
) -> None:
    tab = show(qtbot, page, "backups")
    assert isinstance(tab, BackupsTab)
    assert tab.ui.backupsStack.currentWidget() is tab.ui.backupsEmptyLabel
    announced: list[Changes] = []
    page.context.events.changed.connect(announced.append)

    with qtbot.waitSignal(tab.backup_completed, timeout=20_000) as blocker:
        tab.ui.backupNowButton.click()
        assert tab.is_busy
        assert not tab.ui.backupNowButton.isEnabled()
        assert not tab.ui.restoreFromFileButton.isEnabled()

    path = Path(blocker.args[0])
    assert path.is_file()
    assert [b.path for b in list_backups(application.paths.backups)] == [path]
    assert tab.ui.backupsStack.currentWidget() is tab.ui.backupsView
    assert tab.backup_model.rowCount() == 1
    assert tab.backup_model.index(0, 1).data() == "手动"
    assert tab.selected_backup().path == path
    assert tab.ui.backupNowButton.isEnabled()
    assert path.name in tab.ui.backupStatusLabel.text()
    assert [changes.entities for changes in announced] == [frozenset({"backup"})]


def test_restore_brings_back_earlier_data_and_keeps_a_pre_restore_backup(
    qtbot, page: SettingsPage, application: Application, admin: Actor, messages
) -> None:
    database = application.database
    create_user(database, admin, "first", "第一位", Role.STAFF, "password-123")
    earlier = backup_now(application, admin)
    create_user(database, admin, "second", "第二位", Role.STAFF, "password-123")
    users = show(qtbot, page, "users")
    tab = show(qtbot, page, "backups")
    tab.ui.backupsView.selectRow(0)
    assert tab.selected_backup().path == earlier.path
    announced: list[Changes] = []
    page.context.events.changed.connect(announced.append)

    with qtbot.waitSignal(page.restore_completed, timeout=20_000):
        tab.ui.restoreSelectedButton.click()
    settle(qtbot)

    assert earlier.taken_at.strftime("%Y-%m-%d %H:%M:%S") in messages.confirmations[0]
    assert "手动" in messages.confirmations[0]
    names = {user.username for user in list_users(application.database, admin)}
    assert names == {"admin", "first"}
    kinds = [backup.kind for backup in list_backups(application.paths.backups)]
    assert "pre-restore" in kinds
    assert announced == [Changes.all()]
    assert messages.infos and "pre-restore" in messages.infos[-1]
    assert not tab.is_busy
    assert tab.ui.backupNowButton.isEnabled()
    # Every tab shows the restored data (the table now lists the pre-restore backup too).
    assert tab.backup_model.rowCount() == 2
    assert users.user_model.rowCount() == 2


def test_declining_the_restore_confirmation_changes_nothing(
    qtbot, page: SettingsPage, application: Application, admin: Actor, messages
) -> None:
    backup_now(application, admin)
    create_user(application.database, admin, "second", "第二位", Role.STAFF, "password-123")
    tab = show(qtbot, page, "backups")
    tab.ui.backupsView.selectRow(0)
    messages.confirm_answer = False
    tab.ui.restoreSelectedButton.click()
    assert not tab.is_busy
    assert len(list_users(application.database, admin)) == 2
    assert len(list_backups(application.paths.backups)) == 1


def test_a_backup_taken_elsewhere_appears_in_the_list(
    qtbot, page: SettingsPage, application: Application, admin: Actor
) -> None:
    tab = show(qtbot, page, "backups")
    backup = backup_now(application, admin)  # the main window's menu, the automatic one
    assert tab.backup_model.rowCount() == 0
    page.context.events.announce(Changes.of(BACKUP))
    assert tab.backup_model.backup_at(0).path == backup.path


def test_restoring_a_file_that_is_not_a_backup_shows_the_reason(
    qtbot, page: SettingsPage, application: Application, admin: Actor, messages, tmp_path: Path
) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database", encoding="utf-8")
    tab = show(qtbot, page, "backups")
    with qtbot.waitSignal(page.busy_changed, timeout=20_000, check_params_cb=lambda b: not b):
        tab.restore(bogus, bogus.name)
    assert messages.errors and "不是 SQLite" in messages.errors[-1]
    assert len(list_users(application.database, admin)) == 1


# -- 中心信息 / 界面与安全 ---------------------------------------------------------------------


def test_center_information_is_shown_and_a_bad_code_is_refused_beside_the_field(
    qtbot, page: SettingsPage, application: Application
) -> None:
    info = center_info(application.database)
    tab = page.tab("center")
    assert tab.ui.centerIdEdit.text() == info.center_id
    assert tab.ui.centerIdEdit.isReadOnly()
    assert tab.ui.dataDirectoryEdit.text() == str(application.paths.root)
    assert tab.ui.databaseSizeLabel.text().endswith("KB")

    tab.ui.divisionCodeEdit.setText("53010200100")
    tab.ui.saveCenterButton.click()
    settle(qtbot)
    assert "12 位数字" in tab.ui.divisionCodeError.text()
    assert center_info(application.database).division_code == "530102001001"

    tab.ui.centerNameEdit.setText("翠湖社区党群服务中心（新址）")
    tab.ui.divisionCodeEdit.setText("530102001002")
    tab.ui.saveCenterButton.click()
    settle(qtbot)
    assert tab.ui.divisionCodeError.text() == ""
    assert tab.ui.centerStatusLabel.text() == tab.tr("Saved.")
    assert center_info(application.database).division_code == "530102001002"
    assert center_info(application.database).center_id == info.center_id


def test_copy_center_id_puts_it_on_the_clipboard(page: SettingsPage) -> None:
    from PySide6.QtGui import QGuiApplication

    tab = page.tab("center")
    tab.ui.copyCenterIdButton.click()
    assert QGuiApplication.clipboard().text() == tab.ui.centerIdEdit.text() != ""


def test_font_size_out_of_range_is_refused_with_a_message(
    qtbot, page: SettingsPage, application: Application
) -> None:
    sizes: list[int] = []
    page.context.events.font_size_changed.connect(sizes.append)
    tab = show(qtbot, page, "display")
    assert tab.ui.fontSizeSpin.value() == 13

    tab.ui.fontSizeSpin.setValue(30)
    tab.ui.idleLockSpin.setValue(20)
    tab.ui.saveSettingsButton.click()
    settle(qtbot)

    assert tab.ui.fontSizeError.isVisible()
    assert "9 到 20" in tab.ui.fontSizeError.text()
    assert read_setting(application.database, FONT_POINT_SIZE) == 13
    assert read_setting(application.database, IDLE_LOCK_MINUTES) == 10  # nothing half-written
    assert sizes == []


def test_saving_a_new_font_size_announces_it_to_the_shell(
    qtbot, page: SettingsPage, application: Application
) -> None:
    sizes: list[int] = []
    page.context.events.font_size_changed.connect(sizes.append)
    tab = show(qtbot, page, "display")
    tab.ui.fontSizeSpin.setValue(16)
    tab.ui.saveSettingsButton.click()
    settle(qtbot)
    assert read_setting(application.database, FONT_POINT_SIZE) == 16
    assert sizes == [16]
    assert tab.ui.settingsStatusLabel.text() == tab.tr("Saved.")

    tab.ui.idleLockSpin.setValue(30)
    tab.ui.saveSettingsButton.click()
    settle(qtbot)
    assert read_all_settings(application.database)[IDLE_LOCK_MINUTES.key] == 30
    assert sizes == [16], "no font signal when only another setting changed"


def test_user_table_shows_lock_out(qtbot, application: Application, admin: Actor, staff) -> None:
    for _attempt in range(5):
        with pytest.raises(Exception, match="密码"):
            authenticate(application.database, "zhangsan", "wrong-password")
    page = make_page(qtbot, application, admin)
    tab = show(qtbot, page, "users")
    row = tab.user_model.row_of(staff.user_id)
    status = tab.user_model.index(row, STATUS)
    locked_until = tab.user_model.user_at(row).locked_until
    assert locked_until is not None
    assert status.data() == tab.user_model.tr("Locked until {time}").format(
        time=format_local(locked_until)
    )
    assert status.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_switching_tabs_keeps_what_the_user_is_typing(qtbot, page: SettingsPage) -> None:
    display = show(qtbot, page, "display")
    display.ui.fontSizeSpin.setValue(18)
    center = page.tab("center")
    center.ui.centerNameEdit.setText("新名称")
    show(qtbot, page, "users")
    show(qtbot, page, "center")
    show(qtbot, page, "display")
    assert display.ui.fontSizeSpin.value() == 18
    assert center.ui.centerNameEdit.text() == "新名称"


def test_restoring_another_centers_backup_asks_a_second_time_naming_both(
    qtbot, page: SettingsPage, application: Application, admin: Actor, messages, tmp_path
) -> None:
    """Issue 10: another center's backup once replaced this center's identity silently."""
    from dangqun.bootstrap import FirstRunAnswers, initialize_center, open_application
    from dangqun.core.backup import create_backup
    from dangqun.core.paths import DataPaths

    other_paths = DataPaths(tmp_path / "other")
    other = open_application(other_paths)
    try:
        initialize_center(
            other.database,
            FirstRunAnswers("滇池街道服务中心", "530112002003", "boss", "王五", "password-123456"),
        )
        backup = create_backup(other_paths.database, other_paths.backups, "manual").path
    finally:
        other.close()
    ours = center_info(application.database)
    tab = show(qtbot, page, "backups")

    with qtbot.waitSignal(page.restore_completed, timeout=20_000):
        tab.restore(backup, backup.name)
    settle(qtbot)

    assert len(messages.confirmations) == 2
    assert "滇池街道服务中心" in messages.confirmations[1]
    assert ours.name in messages.confirmations[1]
    assert center_info(application.database).division_code == "530112002003"
    assert not tab.is_busy


def squeezed_widgets(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Visible widgets with a layout that were given less height than that layout needs: Qt
    then draws their rows over each other (the printing tab at 1024×768 did)."""
    from PySide6.QtWidgets import QWidget

    squeezed = []
    for widget in root.findChildren(QWidget):
        layout = widget.layout()
        if layout is None or not widget.isVisible():
            continue
        needed = layout.totalMinimumSize().height()
        if layout.hasHeightForWidth():
            needed = max(needed, layout.totalHeightForWidth(widget.width()))
        if widget.height() + 1 < needed:
            squeezed.append(
                f"{widget.objectName() or type(widget).__name__}: {widget.height()} < {needed}"
            )
    return squeezed


@pytest.mark.parametrize("size", [(1024, 768 - 120), (1280, 800 - 120)])
def test_no_tab_is_squeezed_so_rows_overlap(qtbot, application: Application, admin: Actor, size):
    """Every tab fits or scrolls at the window sizes offices use (minus menus, status bar)."""
    page = make_page(qtbot, application, admin)
    page.resize(size[0] - 280, size[1])  # the navigation takes ~280 px
    for key in page.tab_keys():
        page.show_tab(key)
        settle(qtbot)
        assert squeezed_widgets(page.tab(key)) == [], key
