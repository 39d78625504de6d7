"""Roles, permissions and the acting user, with no database involved.

管理员 = administrator: everything, user management, full personal data.
工作人员 = staff: daily work; personal data (ID numbers, phones, addresses) masked.
只读 = read-only: views only.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from dangqun.core.errors import PermissionDenied


class Permission(enum.Enum):
    VIEW = "view"
    EDIT_RECORDS = "edit_records"
    SEE_PERSONAL_DATA = "see_personal_data"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    VIEW_AUDIT_LOG = "view_audit_log"
    BACKUP = "backup"
    RESTORE = "restore"


class Role(enum.Enum):
    ADMIN = "admin"
    STAFF = "staff"
    READ_ONLY = "readonly"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def permissions(self) -> frozenset[Permission]:
        return ROLE_PERMISSIONS[self]


ROLE_LABELS = {Role.ADMIN: "管理员", Role.STAFF: "工作人员", Role.READ_ONLY: "只读"}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.STAFF: frozenset({Permission.VIEW, Permission.EDIT_RECORDS, Permission.BACKUP}),
    Role.READ_ONLY: frozenset({Permission.VIEW}),
}

PERMISSION_LABELS = {
    Permission.VIEW: "查看",
    Permission.EDIT_RECORDS: "录入和修改",
    Permission.SEE_PERSONAL_DATA: "查看完整个人信息",
    Permission.MANAGE_USERS: "管理用户",
    Permission.MANAGE_SETTINGS: "修改系统设置",
    Permission.VIEW_AUDIT_LOG: "查看操作日志",
    Permission.BACKUP: "备份数据",
    Permission.RESTORE: "恢复数据",
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in user, or the command line / system acting for the operator."""

    user_id: int | None
    username: str
    display_name: str
    role: Role
    withheld: frozenset[Permission] = frozenset()
    """Permissions of the role this actor does not use: the command line withholds
    ``SEE_PERSONAL_DATA`` unless ``--full-personal-data`` was asked for, so output is masked by
    default even for an administrator."""

    def can(self, permission: Permission) -> bool:
        return permission in self.role.permissions and permission not in self.withheld

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"当前用户“{self.display_name}”（{self.role.label}）没有“"
                f"{PERMISSION_LABELS[permission]}”的权限。"
            )


def system_actor(name: str = "system") -> Actor:
    """The actor for start-up tasks and CLI commands, which run with the operator's authority."""
    return Actor(user_id=None, username=name, display_name=name, role=Role.ADMIN)


Authenticator = Callable[[str, str], Actor]
"""Checks a user name and password and returns who signed in, or raises the service's refusal.

:func:`dangqun.core.users.authenticate` bound to a database; the sign-in and lock dialogs take
one instead of the database, so they can be shown before the ORM is loaded.
"""
