"""District users: who may sign in to the district workbench, and as what (issue 17).

Issue 17 asks for "users, roles, audit and backups as at a center". The district keeps its
own accounts in its own database (``district_users``, revision d0002), never a center's: a
center's password hashes never leave the center (ARCHITECTURE "Local-only tables"). Two roles,
as the district office works: 管理员 (administrator — manages users, sees full personal data,
backs up) and 工作人员 (staff — imports, reports, checks; personal data masked as at a center,
:mod:`dangqun.core.privacy`). The roles and their permissions are the center's
(:class:`dangqun.core.security.Role`), so masking and ``Actor.require`` work unchanged.

Passwords are hashed with scrypt (:mod:`dangqun.core.passwords`) and checked by the same rules
as at a center (:func:`dangqun.core.users.validate_new_account`); five wrong passwords in a row
lock the account for :data:`LOCKOUT_MINUTES` (the center's default; the district has no
settings page), the counter and the lock committed although the sign-in fails, and every
attempt audited. A signed-in user's name goes on every later audit entry of the session
(:func:`act_as`): ``district_audit.username``.

The first administrator is made by ``dangqun district init --admin NAME --password-stdin``
(:func:`create_first_administrator`); every other account by an administrator
(:func:`create_user`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Boolean, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dangqun.core.clock import utc_now
from dangqun.core.errors import AuthenticationFailed, FieldError, ValidationError
from dangqun.core.model_base import UTCDateTime
from dangqun.core.passwords import hash_password
from dangqun.core.security import Actor, Permission, Role
from dangqun.core.users import (
    UNKNOWN_ACCOUNT_MESSAGE,
    SignInVerdict,
    check_password,
    validate_new_account,
)
from dangqun.district.database import DistrictDatabase
from dangqun.district.models import DistrictBase

LOCKOUT_MINUTES = 15
DISTRICT_ROLES = (Role.ADMIN, Role.STAFF)
"""管理员 and 工作人员: the district has no read-only desk (issue 17)."""


class DistrictUser(DistrictBase):
    """An account of the district workbench; local to the district database."""

    __tablename__ = "district_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def to_actor(self) -> Actor:
        return Actor(self.id, self.username, self.display_name, Role(self.role))


@dataclass(frozen=True)
class DistrictUserSummary:
    id: int
    username: str
    display_name: str
    role: Role
    is_active: bool
    last_login_at: datetime | None


def _summary(user: DistrictUser) -> DistrictUserSummary:
    return DistrictUserSummary(
        user.id,
        user.username,
        user.display_name,
        Role(user.role),
        user.is_active,
        user.last_login_at,
    )


def has_users(db: DistrictDatabase) -> bool:
    """Whether anyone can sign in yet (the workbench refuses to open without an account)."""
    with db.reading() as session:
        count = session.scalar(select(func.count()).select_from(DistrictUser))
    return bool(count)


def _validated(
    session: Session, username: str, display_name: str, role: Role, password: str
) -> None:
    errors = validate_new_account(username, display_name, password)
    if role not in DISTRICT_ROLES:
        errors.append(FieldError("role", "角色：区级只有“管理员”和“工作人员”两种"))
    if errors:
        raise ValidationError(errors)
    taken = session.scalar(
        select(DistrictUser.id).where(func.lower(DistrictUser.username) == username.lower())
    )
    if taken is not None:
        raise ValidationError.single("username", f"用户名“{username}”已被使用")


def _add(
    db: DistrictDatabase,
    session: Session,
    username: str,
    display_name: str,
    role: Role,
    password: str,
) -> DistrictUser:
    username, display_name = username.strip(), display_name.strip()
    _validated(session, username, display_name, role, password)
    user = DistrictUser(
        username=username,
        display_name=display_name,
        role=role.value,
        password_hash=hash_password(password),
        is_active=True,
        failed_logins=0,
        created_at=utc_now(),
    )
    session.add(user)
    session.flush()
    db.audit(
        session,
        "district.user.create",
        {"username": username, "display_name": display_name, "role": role.value},
    )
    return user


def create_first_administrator(
    db: DistrictDatabase, username: str, display_name: str, password: str
) -> DistrictUserSummary:
    """The first 管理员 (``district init --admin``): allowed only while there is no account,
    since no one is signed in yet to grant it; the operating-system account running ``init``
    is the boundary, as for the center's ``init``."""
    with db.writing() as session:
        if session.scalar(select(func.count()).select_from(DistrictUser)) != 0:
            raise ValidationError.single(
                "username", "区级数据库已经有用户，请由管理员登录工作台后添加新用户"
            )
        summary = _summary(_add(db, session, username, display_name, Role.ADMIN, password))
        session.commit()
    return summary


def create_user(
    db: DistrictDatabase,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str,
) -> DistrictUserSummary:
    """A new account, made by an administrator (管理用户 permission)."""
    actor.require(Permission.MANAGE_USERS)
    with db.writing() as session:
        summary = _summary(_add(db, session, username, display_name, role, password))
        session.commit()
    return summary


def list_users(db: DistrictDatabase, actor: Actor) -> list[DistrictUserSummary]:
    actor.require(Permission.MANAGE_USERS)
    with db.reading() as session:
        users = session.scalars(select(DistrictUser).order_by(DistrictUser.username)).all()
        return [_summary(user) for user in users]


def authenticate(db: DistrictDatabase, username: str, password: str) -> Actor:
    """Check a sign-in as a center does (:func:`dangqun.core.users.authenticate`): the same
    wording for an unknown name and a wrong password, lock-out after five failures, every
    attempt audited and committed before a refusal is raised. On success the database's
    operator carries the user's name from now on (:func:`act_as`)."""
    username = username.strip()
    if not username:
        raise ValidationError.single("username", "请输入用户名")
    if not password:
        raise ValidationError.single("password", "请输入密码")
    failure: Exception | None = None
    actor: Actor | None = None
    with db.writing() as session:
        user = session.scalar(
            select(DistrictUser).where(func.lower(DistrictUser.username) == username.lower())
        )
        if user is None:
            failure = AuthenticationFailed(UNKNOWN_ACCOUNT_MESSAGE)
            db.audit(session, "district.login.failed", {"username": username})
        else:
            check = check_password(user, password, utc_now(), lambda: LOCKOUT_MINUTES)
            failure = check.failure
            if check.verdict is SignInVerdict.DISABLED:
                db.audit(
                    session, "district.login.failed", {"username": username, "reason": "disabled"}
                )
            elif check.verdict is SignInVerdict.LOCKED_NOW:
                db.audit(session, "district.login.locked", {"username": user.username})
            elif check.verdict is SignInVerdict.WRONG_PASSWORD:
                db.audit(
                    session,
                    "district.login.failed",
                    {"username": user.username, "attempt": user.failed_logins},
                )
            elif check.verdict is SignInVerdict.ACCEPTED:
                actor = user.to_actor()
                act_as(db, actor)
                db.audit(session, "district.login.success", {"username": user.username})
        session.commit()
    if failure is not None:
        raise failure
    assert actor is not None
    return actor


def act_as(db: DistrictDatabase, actor: Actor | None) -> None:
    """Name ``actor`` (or no one, after signing out) on the district audit from now on."""
    db.operator = replace(db.operator, username="" if actor is None else actor.username)


def record_logout(db: DistrictDatabase, actor: Actor) -> None:
    with db.writing() as session:
        db.audit(session, "district.logout", {"username": actor.username})
        session.commit()
    act_as(db, None)
