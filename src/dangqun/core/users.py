"""Accounts, login with lock-out, and the admin's user management.

Lock-out: five wrong passwords in a row lock the account for ``login_lockout_minutes``; the
counter and the lock are committed even though the login fails, and each failure is audited.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Protocol

from sqlalchemy import Boolean, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dangqun.core.clock import utc_now
from dangqun.core.db import Database
from dangqun.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    FieldError,
    NotFound,
    ValidationError,
)
from dangqun.core.model_base import Base, UTCDateTime
from dangqun.core.passwords import hash_password, verify_password
from dangqun.core.security import Actor, Permission, Role
from dangqun.core.setting_definitions import LOGIN_LOCKOUT_MINUTES
from dangqun.core.settings import get_setting

MAX_FAILED_LOGINS = 5
MIN_PASSWORD_LENGTH = 8
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.\-]{2,32}$")


class User(Base):
    """A local account. Never synced: password hashes do not leave the center."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def to_actor(self) -> Actor:
        return Actor(self.id, self.username, self.display_name, Role(self.role))

    def audit_view(self) -> dict[str, object]:
        """What the audit log records of a user: never the hash."""
        return {
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "is_active": self.is_active,
        }


@dataclass(frozen=True)
class UserSummary:
    id: int
    username: str
    display_name: str
    role: Role
    is_active: bool
    locked_until: datetime | None
    last_login_at: datetime | None

    @classmethod
    def of(cls, user: User) -> UserSummary:
        return cls(
            user.id,
            user.username,
            user.display_name,
            Role(user.role),
            user.is_active,
            user.locked_until,
            user.last_login_at,
        )


def validate_new_account(
    username: str, display_name: str, password: str, password_again: str | None = None
) -> list[FieldError]:
    errors: list[FieldError] = []
    if not username.strip():
        errors.append(FieldError("username", "用户名不能为空"))
    elif not USERNAME_PATTERN.match(username.strip()):
        errors.append(
            FieldError("username", "用户名只能用 2–32 个英文字母、数字或 _ . -（例如 zhangsan）")
        )
    if not display_name.strip():
        errors.append(FieldError("display_name", "姓名不能为空"))
    elif len(display_name.strip()) > 64:
        errors.append(FieldError("display_name", "姓名不能超过 64 个字符"))
    errors.extend(validate_password(password, password_again))
    return errors


def validate_password(password: str, password_again: str | None = None) -> list[FieldError]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [FieldError("password", f"密码至少需要 {MIN_PASSWORD_LENGTH} 位")]
    if password_again is not None and password != password_again:
        return [FieldError("password_again", "两次输入的密码不一致")]
    return []


def add_user_in_session(
    session: Session, username: str, display_name: str, role: Role, password: str
) -> User:
    username = username.strip()
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        raise ValidationError.single("username", f"用户名“{username}”已被使用")
    user = User(
        username=username,
        display_name=display_name.strip(),
        role=role.value,
        password_hash=hash_password(password),
        is_active=True,
        failed_logins=0,
        created_at=utc_now(),
    )
    session.add(user)
    session.flush()
    return user


def create_user(
    database: Database,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    password_again: str | None = None,
) -> UserSummary:
    actor.require(Permission.MANAGE_USERS)
    errors = validate_new_account(username, display_name, password, password_again)
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        user = add_user_in_session(work.session, username, display_name, role, password)
        work.audit("user.create", "user", user.id, None, user.audit_view())
        summary = UserSummary.of(user)
        work.commit()
    return summary


def list_users(database: Database, actor: Actor) -> list[UserSummary]:
    actor.require(Permission.MANAGE_USERS)
    with database.reading() as session:
        users = session.scalars(select(User).order_by(User.username)).all()
        return [UserSummary.of(user) for user in users]


def _load_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("找不到这个用户，可能已被删除。")
    return user


def _active_admin_count(session: Session, excluding: int | None = None) -> int:
    query = (
        select(func.count())
        .select_from(User)
        .where(User.role == Role.ADMIN.value, User.is_active.is_(True))
    )
    if excluding is not None:
        query = query.where(User.id != excluding)
    return int(session.execute(query).scalar_one())


def update_user(
    database: Database,
    actor: Actor,
    user_id: int,
    display_name: str,
    role: Role,
    is_active: bool,
) -> UserSummary:
    """Change name, role or enabled state; the last active administrator cannot be demoted."""
    actor.require(Permission.MANAGE_USERS)
    if not display_name.strip():
        raise ValidationError.single("display_name", "姓名不能为空")
    with database.unit_of_work(actor) as work:
        user = _load_user(work.session, user_id)
        before = user.audit_view()
        stays_admin = role is Role.ADMIN and is_active
        if (
            user.role == Role.ADMIN.value
            and not stays_admin
            and _active_admin_count(work.session, excluding=user.id) == 0
        ):
            raise ValidationError.single(
                "role", "这是最后一个可用的管理员账户，不能停用或改为其他角色"
            )
        user.display_name = display_name.strip()
        user.role = role.value
        if user.is_active != is_active:
            user.is_active = is_active
            action = "user.enable" if is_active else "user.disable"
        else:
            action = "user.update"
        if is_active:
            user.failed_logins = 0
            user.locked_until = None
        work.audit(action, "user", user.id, before, user.audit_view())
        summary = UserSummary.of(user)
        work.commit()
    return summary


def reset_password(
    database: Database,
    actor: Actor,
    user_id: int,
    new_password: str,
    password_again: str | None = None,
) -> None:
    """An admin sets a new password for someone who forgot theirs; also lifts a lock-out."""
    actor.require(Permission.MANAGE_USERS)
    errors = validate_password(new_password, password_again)
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        user = _load_user(work.session, user_id)
        user.password_hash = hash_password(new_password)
        user.failed_logins = 0
        user.locked_until = None
        work.audit("user.reset_password", "user", user.id, None, {"username": user.username})
        work.commit()


def change_own_password(
    database: Database,
    actor: Actor,
    current_password: str,
    new_password: str,
    password_again: str | None = None,
) -> None:
    if actor.user_id is None:
        raise ValidationError.single("current_password", "命令行身份没有密码可改")
    with database.unit_of_work(actor) as work:
        user = _load_user(work.session, actor.user_id)
        if not verify_password(current_password, user.password_hash):
            raise ValidationError.single("current_password", "当前密码不正确")
        errors = validate_password(new_password, password_again)
        if errors:
            raise ValidationError(errors)
        user.password_hash = hash_password(new_password)
        work.audit("user.change_password", "user", user.id, None, {"username": user.username})
        work.commit()


UNKNOWN_ACCOUNT_MESSAGE = "用户名或密码不正确。"
"""For an unknown user name: the wording of a wrong password, so names cannot be probed."""


class LockableAccount(Protocol):
    """What the sign-in rule reads and updates of an account: a center's :class:`User` or a
    district's ``DistrictUser``."""

    is_active: bool
    password_hash: str
    failed_logins: int
    locked_until: datetime | None
    last_login_at: datetime | None


class SignInVerdict(Enum):
    DISABLED = "disabled"
    LOCKED = "locked"
    """Still locked from earlier failures: refused without checking the password."""
    WRONG_PASSWORD = "wrong_password"
    LOCKED_NOW = "locked_now"
    """This failure was the last one allowed: the account is locked from now."""
    ACCEPTED = "accepted"


@dataclass(frozen=True)
class PasswordCheck:
    verdict: SignInVerdict
    failure: Exception | None
    """What to raise once the caller has audited and committed (None when accepted)."""
    lockout_minutes: int | None = None
    """How long the account was locked for (``LOCKED_NOW`` only)."""


def check_password(
    account: LockableAccount, password: str, now: datetime, lockout_minutes: Callable[[], int]
) -> PasswordCheck:
    """The sign-in rule a center and the district share: a disabled or locked account is
    refused; a wrong password counts, and the :data:`MAX_FAILED_LOGINS`-th in a row locks the
    account for ``lockout_minutes()`` (read only then); a right one clears the count and notes
    the time. Updates ``account``; the caller audits the verdict and commits before raising."""
    if not account.is_active:
        return PasswordCheck(
            SignInVerdict.DISABLED, AuthenticationFailed("该账户已被停用，请联系管理员。")
        )
    if account.locked_until is not None and account.locked_until > now:
        return PasswordCheck(SignInVerdict.LOCKED, locked_error(account.locked_until, now))
    if not verify_password(password, account.password_hash):
        account.failed_logins += 1
        if account.failed_logins >= MAX_FAILED_LOGINS:
            minutes = lockout_minutes()
            account.locked_until = now + timedelta(minutes=minutes)
            account.failed_logins = 0
            return PasswordCheck(
                SignInVerdict.LOCKED_NOW, locked_error(account.locked_until, now), minutes
            )
        remaining = MAX_FAILED_LOGINS - account.failed_logins
        return PasswordCheck(
            SignInVerdict.WRONG_PASSWORD,
            AuthenticationFailed(f"用户名或密码不正确。再错 {remaining} 次，账户将被暂时锁定。"),
        )
    account.failed_logins = 0
    account.locked_until = None
    account.last_login_at = now
    return PasswordCheck(SignInVerdict.ACCEPTED, None)


def authenticate(database: Database, username: str, password: str) -> Actor:
    """Check a login (:func:`check_password`); failures and lock-outs are committed and
    audited, then raised."""
    username = username.strip()
    if not username:
        raise ValidationError.single("username", "请输入用户名")
    if not password:
        raise ValidationError.single("password", "请输入密码")
    failure: Exception | None = None
    with database.unit_of_work(Actor(None, username, username, Role.READ_ONLY)) as work:
        session = work.session
        user = session.scalar(select(User).where(func.lower(User.username) == username.lower()))
        if user is None:
            failure = AuthenticationFailed(UNKNOWN_ACCOUNT_MESSAGE)
            work.audit("login.failed", "user", None, None, {"username": username})
        else:
            check = check_password(
                user,
                password,
                utc_now(),
                lambda: int(get_setting(session, LOGIN_LOCKOUT_MINUTES)),
            )
            failure = check.failure
            if check.verdict is SignInVerdict.DISABLED:
                work.audit("login.failed", "user", user.id, None, {"reason": "disabled"})
            elif check.verdict is SignInVerdict.LOCKED_NOW:
                work.audit(
                    "login.locked", "user", user.id, None, {"minutes": check.lockout_minutes}
                )
            elif check.verdict is SignInVerdict.WRONG_PASSWORD:
                work.audit("login.failed", "user", user.id, None, {"attempt": user.failed_logins})
            elif check.verdict is SignInVerdict.ACCEPTED:
                actor = user.to_actor()
                work.actor = actor
                work.audit("login.success", "user", user.id)
        work.commit()
    if failure is not None:
        raise failure
    return actor


def locked_error(until: datetime, now: datetime) -> AccountLocked:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return AccountLocked(
        f"密码连续输错 {MAX_FAILED_LOGINS} 次，账户已被锁定，请 {minutes} 分钟后再试，"
        "或请管理员重置密码。"
    )


def record_logout(database: Database, actor: Actor) -> None:
    with database.unit_of_work(actor) as work:
        work.audit("logout", "user", actor.user_id)
        work.commit()


def first_active_admin(database: Database) -> Actor:
    """The administrator the CLI renders screenshots as (the first one created)."""
    with database.reading() as session:
        user = session.scalar(
            select(User)
            .where(User.role == Role.ADMIN.value, User.is_active.is_(True))
            .order_by(User.id)
            .limit(1)
        )
        if user is None:
            from dangqun.core.security import system_actor

            return system_actor("系统")
        return user.to_actor()
