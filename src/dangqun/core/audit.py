"""The audit log: who changed what, when, with before/after as JSON.

Append-only is enforced by the database itself (triggers created in migration 0001 abort any
UPDATE or DELETE), not only by the absence of an edit screen.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from dangqun.core.clock import utc_now
from dangqun.core.db import Database
from dangqun.core.model_base import Base, UTCDateTime
from dangqun.core.security import Actor, Permission

AUDIT_PAGE_SIZE = 200

ACTION_LABELS = {
    "center.create": "创建服务中心",
    "center.update": "修改中心信息",
    "user.create": "新增用户",
    "user.update": "修改用户",
    "user.reset_password": "重置密码",
    "user.change_password": "修改密码",
    "user.disable": "停用用户",
    "user.enable": "启用用户",
    "login.success": "登录",
    "login.failed": "登录失败",
    "login.locked": "账户锁定",
    "logout": "退出登录",
    "settings.update": "修改设置",
    "backup.create": "备份数据",
    "backup.restore": "恢复数据",
    "demo.generate": "生成演示数据",
}


def register_action_labels(labels: Mapping[str, str]) -> None:
    """Features name their own audit actions; called from each feature package's __init__,
    which ``dangqun.schema`` imports at start-up, so the audit viewer labels every entry."""
    ACTION_LABELS.update(labels)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def to_json(value: Mapping[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)


def append_audit_entry(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=utc_now(),
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity_type=entity_type,
        entity_id=None if entity_id is None else str(entity_id),
        before_json=to_json(before),
        after_json=to_json(after),
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    action: str | None = None
    entity_type: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None


def query_audit_log(
    session: Session,
    actor: Actor,
    audit_filter: AuditFilter,
    offset: int = 0,
    limit: int = AUDIT_PAGE_SIZE,
) -> tuple[list[AuditEntry], int]:
    """A page of entries, newest first, and the total matching count (admins only)."""
    actor.require(Permission.VIEW_AUDIT_LOG)
    conditions = []
    if audit_filter.username:
        conditions.append(AuditEntry.username == audit_filter.username)
    if audit_filter.action:
        conditions.append(AuditEntry.action == audit_filter.action)
    if audit_filter.entity_type:
        conditions.append(AuditEntry.entity_type == audit_filter.entity_type)
    if audit_filter.since:
        conditions.append(AuditEntry.at >= audit_filter.since)
    if audit_filter.until:
        conditions.append(AuditEntry.at < audit_filter.until)
    if audit_filter.text:
        pattern = f"%{audit_filter.text}%"
        conditions.append(
            AuditEntry.before_json.like(pattern)
            | AuditEntry.after_json.like(pattern)
            | AuditEntry.entity_id.like(pattern)
        )
    total = session.execute(
        select(func.count()).select_from(AuditEntry).where(*conditions)
    ).scalar_one()
    rows = session.scalars(
        select(AuditEntry)
        .where(*conditions)
        .order_by(AuditEntry.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return list(rows), int(total)


def audit_usernames(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.username).distinct().order_by("username")))


@dataclass(frozen=True)
class AuditRecord:
    """One entry as the audit viewer shows it: plain values, read inside the transaction."""

    entry_id: int
    at: datetime
    username: str
    action: str
    action_label: str
    entity_type: str
    entity_id: str | None
    before_json: str | None
    after_json: str | None


@dataclass(frozen=True)
class AuditPage:
    records: list[AuditRecord]
    total: int
    """How many entries match the filter (all pages)."""


def read_audit_page(
    database: Database,
    actor: Actor,
    audit_filter: AuditFilter,
    offset: int = 0,
    limit: int = AUDIT_PAGE_SIZE,
) -> AuditPage:
    """A page of the log, newest first, for a viewer that holds no session (admins only)."""
    with database.reading() as session:
        entries, total = query_audit_log(session, actor, audit_filter, offset, limit)
        records = [
            AuditRecord(
                entry.id,
                entry.at,
                entry.username,
                entry.action,
                entry.action_label,
                entry.entity_type,
                entry.entity_id,
                entry.before_json,
                entry.after_json,
            )
            for entry in entries
        ]
    return AuditPage(records, total)


def read_audit_usernames(database: Database, actor: Actor) -> list[str]:
    """Everyone who appears in the log, for the viewer's user filter (admins only)."""
    actor.require(Permission.VIEW_AUDIT_LOG)
    with database.reading() as session:
        return audit_usernames(session)
