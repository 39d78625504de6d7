"""Login, lock-out, roles and the admin's user management."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from dangqun.core.audit import AuditEntry
from dangqun.core.clock import utc_now
from dangqun.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    PermissionDenied,
    ValidationError,
)
from dangqun.core.security import Permission, Role
from dangqun.core.setting_definitions import LOGIN_LOCKOUT_MINUTES
from dangqun.core.settings import update_settings
from dangqun.core.users import (
    MAX_FAILED_LOGINS,
    User,
    authenticate,
    change_own_password,
    create_user,
    list_users,
    reset_password,
    update_user,
)
from tests.conftest import ADMIN_PASSWORD


def _audit_actions(application) -> list[str]:
    with application.database.reading() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_password_is_stored_as_scrypt_hash_never_plain(application):
    with application.database.reading() as session:
        stored = session.scalars(select(User.password_hash)).one()
    assert stored.startswith("scrypt$")
    assert ADMIN_PASSWORD not in stored


def test_wrong_password_is_refused_in_chinese_and_counted(application):
    with pytest.raises(AuthenticationFailed, match="用户名或密码不正确") as raised:
        authenticate(application.database, "admin", "wrong-password")
    assert f"再错 {MAX_FAILED_LOGINS - 1} 次" in raised.value.message
    with application.database.reading() as session:
        assert session.scalars(select(User.failed_logins)).one() == 1
    assert _audit_actions(application)[-1] == "login.failed"


def test_unknown_user_gets_the_same_message_as_wrong_password(application):
    with pytest.raises(AuthenticationFailed, match=r"^用户名或密码不正确。$"):
        authenticate(application.database, "nobody", "whatever-1")


def test_empty_fields_name_the_field(application):
    with pytest.raises(ValidationError) as raised:
        authenticate(application.database, "  ", "x")
    assert raised.value.message_for("username") == "请输入用户名"
    with pytest.raises(ValidationError) as raised:
        authenticate(application.database, "admin", "")
    assert raised.value.message_for("password") == "请输入密码"


def test_account_locks_after_five_wrong_passwords_even_for_the_right_one(application):
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(AuthenticationFailed):
            authenticate(application.database, "admin", "wrong-password")
    with pytest.raises(AccountLocked, match="账户已被锁定，请 15 分钟后再试"):
        authenticate(application.database, "admin", "wrong-password")
    with pytest.raises(AccountLocked):
        authenticate(application.database, "admin", ADMIN_PASSWORD)
    assert "login.locked" in _audit_actions(application)


def test_lock_expires_after_the_configured_minutes(application, admin):
    update_settings(application.database, admin, {LOGIN_LOCKOUT_MINUTES.key: 3})
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            authenticate(application.database, "admin", "wrong-password")
    with application.database.reading() as session:
        locked_until = session.scalars(select(User.locked_until)).one()
    assert locked_until is not None
    assert timedelta(minutes=2) < locked_until - utc_now() <= timedelta(minutes=3)
    with application.database.unit_of_work(admin) as work:  # time passes
        user = work.session.scalars(select(User)).one()
        user.locked_until = utc_now() - timedelta(seconds=1)
        work.commit()
    assert authenticate(application.database, "admin", ADMIN_PASSWORD).username == "admin"


def test_admin_adds_staff_who_can_log_in_with_masked_role(application, admin):
    created = create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    staff = authenticate(application.database, "liming", "password-123")
    assert created.role is Role.STAFF
    assert staff.can(Permission.EDIT_RECORDS)
    assert not staff.can(Permission.SEE_PERSONAL_DATA)
    assert not staff.can(Permission.MANAGE_USERS)
    assert "user.create" in _audit_actions(application)


def test_read_only_role_may_only_view(application, admin):
    create_user(application.database, admin, "guest", "访客", Role.READ_ONLY, "password-123")
    viewer = authenticate(application.database, "guest", "password-123")
    assert viewer.role.permissions == frozenset({Permission.VIEW})
    with pytest.raises(PermissionDenied, match="没有“管理用户”的权限"):
        list_users(application.database, viewer)


def test_staff_cannot_create_users_and_nothing_is_written(application, admin):
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    staff = authenticate(application.database, "liming", "password-123")
    before = _audit_actions(application)
    with pytest.raises(PermissionDenied):
        create_user(application.database, staff, "other", "他人", Role.ADMIN, "password-123")
    assert _audit_actions(application) == before
    assert [u.username for u in list_users(application.database, admin)] == ["admin", "liming"]


def test_bad_new_user_names_each_field_and_writes_nothing(application, admin):
    with pytest.raises(ValidationError) as raised:
        create_user(application.database, admin, "", " ", Role.STAFF, "short", "other")
    fields = {error.field for error in raised.value.errors}
    assert fields == {"username", "display_name", "password"}
    assert raised.value.message_for("password") == "密码至少需要 8 位"
    with pytest.raises(ValidationError, match="两次输入的密码不一致"):
        create_user(
            application.database, admin, "abc", "甲", Role.STAFF, "password-1", "password-2"
        )
    assert len(list_users(application.database, admin)) == 1


def test_duplicate_username_is_refused_case_insensitively(application, admin):
    with pytest.raises(ValidationError, match="用户名“ADMIN”已被使用"):
        create_user(application.database, admin, "ADMIN", "重复", Role.STAFF, "password-123")


def test_disabled_account_cannot_log_in(application, admin):
    user = create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    update_user(application.database, admin, user.id, "李明", Role.STAFF, is_active=False)
    with pytest.raises(AuthenticationFailed, match="该账户已被停用"):
        authenticate(application.database, "liming", "password-123")
    assert "user.disable" in _audit_actions(application)


def test_last_active_admin_cannot_be_demoted_or_disabled(application, admin):
    with pytest.raises(ValidationError, match="最后一个可用的管理员"):
        update_user(application.database, admin, admin.user_id, "王芳", Role.STAFF, is_active=True)
    with pytest.raises(ValidationError, match="最后一个可用的管理员"):
        update_user(application.database, admin, admin.user_id, "王芳", Role.ADMIN, is_active=False)


def test_reset_password_lifts_lock_and_new_password_works(application, admin):
    user = create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            authenticate(application.database, "liming", "bad-password")
    reset_password(application.database, admin, user.id, "new-password-9", "new-password-9")
    assert authenticate(application.database, "liming", "new-password-9").user_id == user.id
    with pytest.raises(AuthenticationFailed):
        authenticate(application.database, "liming", "password-123")


def test_change_own_password_checks_the_current_one(application, admin):
    with pytest.raises(ValidationError) as raised:
        change_own_password(application.database, admin, "not-it", "brand-new-pass")
    assert raised.value.message_for("current_password") == "当前密码不正确"
    change_own_password(application.database, admin, ADMIN_PASSWORD, "brand-new-pass")
    assert authenticate(application.database, "admin", "brand-new-pass").username == "admin"


def test_a_font_size_stored_by_an_earlier_version_is_shown_within_the_range() -> None:
    """Issue 11: the screens are made for 9–20 pt; an older 24 pt is shown at 20."""
    from dangqun.core.setting_definitions import (
        LARGEST_FONT_POINT_SIZE,
        SMALLEST_FONT_POINT_SIZE,
        clamped_font_point_size,
    )

    assert clamped_font_point_size(24) == LARGEST_FONT_POINT_SIZE == 20
    assert clamped_font_point_size(4) == SMALLEST_FONT_POINT_SIZE
    assert clamped_font_point_size(13) == 13
