"""系统设置 page, driven offscreen against a real SQLite data directory.

The ``application`` and ``admin`` fixtures come from ``tests/conftest.py`` (a data directory with
a center and its first administrator). Modal message boxes are replaced by recorders, because a
real ``exec()`` would block the test run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from dangqun.bootstrap import Application, backup_now
from dangqun.core.audit import AuditFilter, query_audit_log
from dangqun.core.backup import list_backups
from dangqun.core.center import center_info
from dangqun.core.clock import format_local
from dangqun.core.errors import AuthenticationFailed
from dangqun.core.security import Actor, Role
from dangqun.core.setting_definitions import FONT_POINT_SIZE, IDLE_LOCK_MINUTES
from dangqun.core.settings import read_setting
from dangqun.core.users import authenticate, create_user, list_users
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.dialogs.password_dialog import PasswordDialog
from dangqun.ui.dialogs.user_dialog import UserDialog
from dangqun.ui.models.audit_log_model import AuditLogModel, compact_json
from dangqun.ui.models.user_table_model import STATUS
from dangqun.ui.pages.settings_page import SettingsPage
from dangqun.ui.widgets import message_boxes

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


def make_page(qtbot, application: Application, actor: Actor) -> SettingsPage:
    context = UiContext(application, actor, open_ui_state(application.paths), AppEvents())
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    return page


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
    with application.database.reading() as session:
        entries, _total = query_audit_log(session, admin, AuditFilter(action=action), 0, 1000)
        return [json.loads(entry.after_json or "{}") for entry in entries]


def open_add_user_dialog(page: SettingsPage) -> UserDialog:
    page.show_tab("usersTab")
    page.ui.addUserButton.click()
    dialog = page.active_dialog
    assert isinstance(dialog, UserDialog)
    assert dialog.isVisible()
    return dialog


# -- 用户管理 ---------------------------------------------------------------------------------


def test_adding_a_user_without_a_name_shows_the_message_beside_the_field_and_writes_nothing(
    page: SettingsPage, application: Application, admin: Actor
) -> None:
    dialog = open_add_user_dialog(page)
    dialog.ui.usernameEdit.setText("zhangsan")
    dialog.ui.displayNameEdit.setText("   ")
    dialog.ui.passwordEdit.setText("password-123")
    dialog.ui.passwordAgainEdit.setText("password-123")

    ok_button(dialog).click()

    assert dialog.isVisible(), "a refused save keeps the dialog open"
    assert dialog.ui.displayNameError.isVisible()
    assert dialog.ui.displayNameError.text() == "姓名不能为空"
    assert not dialog.ui.usernameError.isVisible()
    assert dialog.ui.displayNameEdit.hasFocus() or not dialog.isActiveWindow()
    assert [user.username for user in list_users(application.database, admin)] == ["admin"]
    assert len(audit_actions(application, admin, "user.create")) == 1  # only the first admin
    assert page.user_model.rowCount() == 1


def test_every_refused_field_gets_its_own_message(page: SettingsPage) -> None:
    dialog = open_add_user_dialog(page)
    dialog.ui.usernameEdit.setText("张 三")
    dialog.ui.passwordEdit.setText("short")

    ok_button(dialog).click()

    assert "英文字母" in dialog.ui.usernameError.text()
    assert dialog.ui.displayNameError.text() == "姓名不能为空"
    assert dialog.ui.passwordError.text() == "密码至少需要 8 位"
    # Fixing the input and saving again clears the old messages.
    dialog.ui.usernameEdit.setText("zhangsan")
    dialog.ui.displayNameEdit.setText("张三")
    dialog.ui.passwordEdit.setText("password-123")
    dialog.ui.passwordAgainEdit.setText("password-124")
    ok_button(dialog).click()
    assert dialog.ui.usernameError.text() == ""
    assert not dialog.ui.usernameError.isVisible()
    assert dialog.ui.passwordAgainError.text() == "两次输入的密码不一致"


def test_a_valid_new_user_appears_in_the_table_and_in_the_audit_log(
    page: SettingsPage, application: Application, admin: Actor
) -> None:
    changes: list[str] = []
    page.context.events.data_changed.connect(changes.append)
    dialog = open_add_user_dialog(page)
    dialog.ui.usernameEdit.setText("zhangsan")
    dialog.ui.displayNameEdit.setText("张三")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(Role.READ_ONLY))
    dialog.ui.passwordEdit.setText("password-123")
    dialog.ui.passwordAgainEdit.setText("password-123")

    ok_button(dialog).click()

    assert not dialog.isVisible()
    assert page.active_dialog is None
    usernames = [page.user_model.user_at(row).username for row in range(page.user_model.rowCount())]
    assert usernames == ["admin", "zhangsan"]
    assert page.selected_user().username == "zhangsan"
    assert changes == ["user"]
    stored = {user.username: user for user in list_users(application.database, admin)}
    assert stored["zhangsan"].role is Role.READ_ONLY

    page.show_tab("auditTab")
    model = page.audit_model
    newest = model.row_at(0)
    assert newest.action == "user.create"
    assert newest.username == "admin"
    assert "zhangsan" in (newest.after_json or "")
    assert model.index(0, 2).data() == "新增用户"
    page.ui.auditView.selectRow(0)
    assert '"display_name": "张三"' in page.ui.auditDetailEdit.toPlainText()


def test_editing_a_user_changes_role_and_name(
    page: SettingsPage, application: Application, admin: Actor, staff: Actor
) -> None:
    page.show_tab("usersTab")
    page.select_user("zhangsan")
    page.ui.editUserButton.click()
    dialog = page.active_dialog
    assert isinstance(dialog, UserDialog)
    assert not dialog.ui.usernameEdit.isEnabled()
    assert not dialog.ui.passwordEdit.isVisible()
    dialog.ui.displayNameEdit.setText("张三丰")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(Role.READ_ONLY))
    ok_button(dialog).click()

    assert not dialog.isVisible()
    user = {u.username: u for u in list_users(application.database, admin)}["zhangsan"]
    assert (user.display_name, user.role) == ("张三丰", Role.READ_ONLY)


def test_the_last_administrator_cannot_be_demoted_and_the_reason_shows_under_role(
    page: SettingsPage, application: Application, admin: Actor
) -> None:
    page.show_tab("usersTab")
    page.select_user("admin")
    page.ui.editUserButton.click()
    dialog = page.active_dialog
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(Role.STAFF))
    ok_button(dialog).click()

    assert dialog.isVisible()
    assert "最后一个可用的管理员" in dialog.ui.roleError.text()
    assert list_users(application.database, admin)[0].role is Role.ADMIN


def test_disabling_and_enabling_a_user(
    page: SettingsPage, application: Application, admin: Actor, staff: Actor, messages
) -> None:
    page.show_tab("usersTab")
    page.select_user("zhangsan")
    assert page.ui.toggleActiveButton.text() == page.tr("Disable")

    messages.confirm_answer = False
    page.ui.toggleActiveButton.click()
    assert all(user.is_active for user in list_users(application.database, admin))

    messages.confirm_answer = True
    page.ui.toggleActiveButton.click()
    assert "张三" in messages.confirmations[-1]
    assert page.user_model.index(page.user_model.row_of(staff.user_id), STATUS).data() == (
        page.user_model.tr("Disabled")
    )
    with pytest.raises(AuthenticationFailed, match="停用"):
        authenticate(application.database, "zhangsan", STAFF_PASSWORD)
    assert page.ui.toggleActiveButton.text() == page.tr("Enable")

    page.ui.toggleActiveButton.click()
    authenticate(application.database, "zhangsan", STAFF_PASSWORD)


def test_disabling_the_last_administrator_is_refused_with_the_service_message(
    page: SettingsPage, messages
) -> None:
    page.show_tab("usersTab")
    page.select_user("admin")
    page.ui.toggleActiveButton.click()
    assert messages.errors and "最后一个可用的管理员" in messages.errors[-1]


def test_reset_password_lets_the_user_sign_in_with_the_new_one(
    page: SettingsPage, application: Application, staff: Actor, messages
) -> None:
    page.show_tab("usersTab")
    page.refresh_users()
    page.select_user("zhangsan")
    page.ui.resetPasswordButton.click()
    dialog = page.active_dialog
    assert isinstance(dialog, PasswordDialog)
    assert not dialog.ui.currentPasswordEdit.isVisible()

    dialog.ui.newPasswordEdit.setText("brand-new-pass")
    dialog.ui.passwordAgainEdit.setText("brand-new-pasS")
    ok_button(dialog).click()
    assert dialog.isVisible()
    assert dialog.ui.passwordAgainError.text() == "两次输入的密码不一致"

    dialog.ui.passwordAgainEdit.setText("brand-new-pass")
    ok_button(dialog).click()
    assert not dialog.isVisible()
    assert messages.infos

    assert authenticate(application.database, "zhangsan", "brand-new-pass").username == "zhangsan"
    with pytest.raises(AuthenticationFailed):
        authenticate(application.database, "zhangsan", STAFF_PASSWORD)


def test_anyone_can_change_their_own_password(
    qtbot, application: Application, staff: Actor
) -> None:
    page = make_page(qtbot, application, staff)
    page.show_tab("interfaceTab")
    page.ui.changeMyPasswordButton.click()
    dialog = page.active_dialog
    assert isinstance(dialog, PasswordDialog)
    dialog.ui.currentPasswordEdit.setText("not-my-password")
    dialog.ui.newPasswordEdit.setText("my-new-password")
    dialog.ui.passwordAgainEdit.setText("my-new-password")
    ok_button(dialog).click()
    assert dialog.ui.currentPasswordError.text() == "当前密码不正确"

    dialog.ui.currentPasswordEdit.setText(STAFF_PASSWORD)
    ok_button(dialog).click()
    assert not dialog.isVisible()
    authenticate(application.database, "zhangsan", "my-new-password")


def test_staff_sees_no_users_or_audit_tab_and_cannot_edit_settings(
    qtbot, application: Application, staff: Actor
) -> None:
    page = make_page(qtbot, application, staff)

    assert page.tab_names() == ["centerTab", "backupTab", "printTab", "interfaceTab"]
    assert page.ui.centerNameEdit.isReadOnly()
    assert not page.ui.saveCenterButton.isVisible()
    assert page.ui.centerReadOnlyNote.isVisible()
    page.show_tab("backupTab")
    assert page.ui.backupNowButton.isVisible()
    assert not page.ui.restoreSelectedButton.isVisible()
    assert not page.ui.restoreFromFileButton.isVisible()
    page.show_tab("interfaceTab")
    assert page.ui.fontSizeSpin.isReadOnly()
    assert not page.ui.saveSettingsButton.isVisible()
    assert page.ui.changeMyPasswordButton.isEnabled()


def test_read_only_users_see_neither_backups_nor_user_management(
    qtbot, application: Application, admin: Actor
) -> None:
    create_user(application.database, admin, "guest", "访客", Role.READ_ONLY, "guest-pass-1")
    reader = authenticate(application.database, "guest", "guest-pass-1")
    page = make_page(qtbot, application, reader)
    assert page.tab_names() == ["centerTab", "printTab", "interfaceTab"]


# -- 操作日志 ---------------------------------------------------------------------------------


def test_audit_filter_by_action_narrows_the_rows(
    page: SettingsPage, application: Application, admin: Actor
) -> None:
    for username in ("user1", "user2", "user3"):
        create_user(application.database, admin, username, username, Role.STAFF, "password-123")
    page.show_tab("auditTab")
    everything = page.audit_model.rowCount()
    assert everything == page.audit_model.total > 4

    combo = page.ui.auditActionCombo
    combo.setCurrentIndex(combo.findData("user.create"))

    model = page.audit_model
    assert model.total == model.rowCount() == 4  # first admin + three
    assert {model.row_at(row).action for row in range(model.rowCount())} == {"user.create"}
    assert page.ui.auditCountLabel.text() == page.tr("{count} entries in total").format(count=4)

    page.ui.auditTextEdit.setText("user2")
    page.apply_audit_filter()
    assert model.rowCount() == 1

    page.ui.auditClearButton.click()
    assert model.rowCount() == everything
    assert combo.currentIndex() == 0


def test_audit_filter_by_user_and_date(
    page: SettingsPage, application: Application, admin: Actor, staff: Actor
) -> None:
    page.show_tab("auditTab")
    combo = page.ui.auditUserCombo
    assert combo.findData("zhangsan") > 0
    combo.setCurrentIndex(combo.findData("zhangsan"))
    model = page.audit_model
    assert model.rowCount() >= 1
    assert {model.row_at(row).username for row in range(model.rowCount())} == {"zhangsan"}

    page.ui.auditFromEdit.setDate(QDate.currentDate().addDays(1))
    assert model.rowCount() == 0
    assert page.ui.auditCountLabel.text() == page.tr("{count} entries in total").format(count=0)
    page.ui.auditFromEdit.setDate(QDate.currentDate().addDays(-1))
    page.ui.auditToEdit.setDate(QDate.currentDate())
    assert model.rowCount() >= 1


def test_the_audit_model_loads_pages_lazily_without_duplicates(
    qtbot, application: Application, admin: Actor
) -> None:
    for number in range(7):
        create_user(application.database, admin, f"u{number}", f"用户{number}", Role.STAFF, "p" * 8)
    context = UiContext(application, admin, open_ui_state(application.paths), AppEvents())
    model = AuditLogModel(context, page_size=3)
    model.reload()
    total = model.total
    assert model.rowCount() == 3 and model.canFetchMore()

    model.fetchMore()
    # Entries written while the user scrolls push older ones down a page; none may repeat.
    create_user(application.database, admin, "late", "后来", Role.STAFF, "p" * 8)
    while model.canFetchMore():
        model.fetchMore()
    ids = [model.row_at(row).entry_id for row in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == total
    assert ids == sorted(ids, reverse=True)


def test_compact_json_is_one_short_line() -> None:
    text = json.dumps({"display_name": "张三", "role": "staff", "is_active": True})
    assert compact_json(text) == "display_name: 张三, role: staff, is_active: true"
    assert compact_json(json.dumps({"note": "很长" * 100}), limit=20).endswith("…")
    assert compact_json(None) == ""


# -- 备份与恢复 -------------------------------------------------------------------------------


def test_backup_now_runs_in_the_background_and_lists_the_new_file(
    qtbot, page: SettingsPage, application: Application
) -> None:
    page.show_tab("backupTab")
    assert page.ui.backupsStack.currentWidget() is page.ui.backupsEmptyLabel
    taken: list[bool] = []
    page.context.events.backup_taken.connect(lambda: taken.append(True))

    with qtbot.waitSignal(page.backup_completed, timeout=20_000) as blocker:
        page.ui.backupNowButton.click()
        assert page.is_busy
        assert not page.ui.backupNowButton.isEnabled()
        assert not page.ui.restoreFromFileButton.isEnabled()

    path = Path(blocker.args[0])
    assert path.is_file()
    assert [b.path for b in list_backups(application.paths.backups)] == [path]
    assert page.ui.backupsStack.currentWidget() is page.ui.backupsView
    assert page.backup_model.rowCount() == 1
    assert page.backup_model.index(0, 1).data() == "手动"
    assert page.selected_backup().path == path
    assert page.ui.backupNowButton.isEnabled()
    assert path.name in page.ui.backupStatusLabel.text()
    assert taken


def test_restore_brings_back_earlier_data_and_keeps_a_pre_restore_backup(
    qtbot, page: SettingsPage, application: Application, admin: Actor, messages
) -> None:
    database = application.database
    create_user(database, admin, "first", "第一位", Role.STAFF, "password-123")
    earlier = backup_now(application, admin)
    create_user(database, admin, "second", "第二位", Role.STAFF, "password-123")
    page.show_tab("backupTab")
    page.ui.backupsView.selectRow(0)
    assert page.selected_backup().path == earlier.path
    changes: list[str] = []
    page.context.events.data_changed.connect(changes.append)

    with qtbot.waitSignal(page.restore_completed, timeout=20_000):
        page.ui.restoreSelectedButton.click()

    assert earlier.taken_at.strftime("%Y-%m-%d %H:%M:%S") in messages.confirmations[0]
    assert "手动" in messages.confirmations[0]
    names = {user.username for user in list_users(application.database, admin)}
    assert names == {"admin", "first"}
    kinds = [backup.kind for backup in list_backups(application.paths.backups)]
    assert "pre-restore" in kinds
    assert changes == ["*"]
    assert messages.infos and "pre-restore" in messages.infos[-1]
    assert not page.is_busy
    assert page.ui.backupNowButton.isEnabled()
    # The page shows the restored data (its table now lists the pre-restore backup too).
    assert page.backup_model.rowCount() == 2


def test_declining_the_restore_confirmation_changes_nothing(
    page: SettingsPage, application: Application, admin: Actor, messages
) -> None:
    backup_now(application, admin)
    create_user(application.database, admin, "second", "第二位", Role.STAFF, "password-123")
    page.show_tab("backupTab")
    page.ui.backupsView.selectRow(0)
    messages.confirm_answer = False
    page.ui.restoreSelectedButton.click()
    assert not page.is_busy
    assert len(list_users(application.database, admin)) == 2
    assert len(list_backups(application.paths.backups)) == 1


def test_restoring_a_file_that_is_not_a_backup_shows_the_reason(
    qtbot, page: SettingsPage, application: Application, admin: Actor, messages, tmp_path: Path
) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database", encoding="utf-8")
    page.show_tab("backupTab")
    with qtbot.waitSignal(page.busy_changed, timeout=20_000, check_params_cb=lambda b: not b):
        page.restore(bogus, bogus.name)
    assert messages.errors and "不是 SQLite" in messages.errors[-1]
    assert len(list_users(application.database, admin)) == 1


# -- 中心信息 / 界面与安全 ---------------------------------------------------------------------


def test_center_information_is_shown_and_a_bad_code_is_refused_beside_the_field(
    page: SettingsPage, application: Application
) -> None:
    info = center_info(application.database)
    assert page.ui.centerIdEdit.text() == info.center_id
    assert page.ui.centerIdEdit.isReadOnly()
    assert page.ui.dataDirectoryEdit.text() == str(application.paths.root)
    assert page.ui.databaseSizeLabel.text().endswith("KB")

    page.ui.divisionCodeEdit.setText("53010200100")
    page.ui.saveCenterButton.click()
    assert "12 位数字" in page.ui.divisionCodeError.text()
    assert center_info(application.database).division_code == "530102001001"

    page.ui.centerNameEdit.setText("翠湖社区党群服务中心（新址）")
    page.ui.divisionCodeEdit.setText("530102001002")
    page.ui.saveCenterButton.click()
    assert page.ui.divisionCodeError.text() == ""
    assert center_info(application.database).division_code == "530102001002"
    assert center_info(application.database).center_id == info.center_id


def test_copy_center_id_puts_it_on_the_clipboard(page: SettingsPage) -> None:
    from PySide6.QtGui import QGuiApplication

    page.ui.copyCenterIdButton.click()
    assert QGuiApplication.clipboard().text() == page.ui.centerIdEdit.text()


def test_font_size_out_of_range_is_refused_with_a_message(
    page: SettingsPage, application: Application
) -> None:
    sizes: list[int] = []
    page.context.events.font_size_changed.connect(sizes.append)
    page.show_tab("interfaceTab")
    assert page.ui.fontSizeSpin.value() == 13

    page.ui.fontSizeSpin.setValue(30)
    page.ui.idleLockSpin.setValue(20)
    page.ui.saveSettingsButton.click()

    assert page.ui.fontSizeError.isVisible()
    assert "9 到 24" in page.ui.fontSizeError.text()
    assert read_setting(application.database, FONT_POINT_SIZE) == 13
    assert read_setting(application.database, IDLE_LOCK_MINUTES) == 10  # nothing half-written
    assert sizes == []


def test_saving_a_new_font_size_announces_it_to_the_shell(
    page: SettingsPage, application: Application
) -> None:
    sizes: list[int] = []
    page.context.events.font_size_changed.connect(sizes.append)
    page.show_tab("interfaceTab")
    page.ui.fontSizeSpin.setValue(16)
    page.ui.saveSettingsButton.click()
    assert read_setting(application.database, FONT_POINT_SIZE) == 16
    assert sizes == [16]
    assert page.ui.settingsStatusLabel.text() == page.tr("Saved.")

    page.ui.idleLockSpin.setValue(30)
    page.ui.saveSettingsButton.click()
    assert sizes == [16], "no font signal when only another setting changed"


def test_user_table_shows_lock_out(qtbot, application: Application, admin: Actor, staff) -> None:
    for _attempt in range(5):
        with pytest.raises(Exception, match="密码"):
            authenticate(application.database, "zhangsan", "wrong-password")
    page = make_page(qtbot, application, admin)
    page.show_tab("usersTab")
    row = page.user_model.row_of(staff.user_id)
    status = page.user_model.index(row, STATUS)
    locked_until = page.user_model.user_at(row).locked_until
    assert locked_until is not None
    assert status.data() == page.user_model.tr("Locked until {time}").format(
        time=format_local(locked_until)
    )
    assert status.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_switching_tabs_keeps_what_the_user_is_typing(page: SettingsPage) -> None:
    page.show_tab("interfaceTab")
    page.ui.fontSizeSpin.setValue(18)
    page.ui.centerNameEdit.setText("新名称")
    page.show_tab("usersTab")
    page.show_tab("centerTab")
    page.show_tab("interfaceTab")
    assert page.ui.fontSizeSpin.value() == 18
    assert page.ui.centerNameEdit.text() == "新名称"
