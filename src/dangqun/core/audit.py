"""The audit log: who changed what, when, with before/after as JSON.

Append-only is enforced by the database itself, not only by the absence of an edit screen:
triggers (migrations 0001 and 0003) abort any UPDATE or DELETE and any INSERT that does not take
the next id or does not link to the newest entry, which is how ``REPLACE INTO`` is caught (it
deletes without firing the DELETE trigger). Triggers can be dropped by whoever holds the file, so
the log is also tamper-evident (issue 10): each entry stores the SHA-256 of its own fields plus
the previous entry's hash, and :mod:`dangqun.core.audit_chain` re-walks that chain for
``dangqun check`` and before a restore.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Integer, String, Text, event, func, insert, select
from sqlalchemy.orm import Mapped, Session, SessionTransaction, mapped_column

from dangqun.core.clock import utc_now
from dangqun.core.db import Database
from dangqun.core.model_base import Base, UTCDateTime
from dangqun.core.security import ROLE_LABELS, Actor, Permission

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
    "cli.full_personal_data": "命令行显示完整个人信息",
}


ENTITY_LABELS = {
    "user": "用户",
    "center": "服务中心",
    "setting": "设置",
    "backup": "备份",
    "demo": "演示数据",
    "cli": "命令行",
}
"""Core's audit entity types → the Chinese names the audit viewer shows (issue 11); features
add theirs through ``Feature.audit_entity_labels``."""

FIELD_LABELS: dict[str, dict[str, str]] = {
    "user": {
        "username": "用户名",
        "display_name": "姓名",
        "role": "角色",
        "is_active": "启用",
        "reason": "原因",
        "attempt": "连续失败次数",
        "minutes": "锁定分钟数",
    },
    "center": {
        "name": "中心名称",
        "division_code": "行政区划代码",
        "party_organization": "党组织全称",
        "address": "地址",
        "contact_person": "联系人",
        "contact_phone": "联系电话",
    },
    "setting": {"value": "设置值"},
    "backup": {
        "kind": "备份类型",
        "safety_backup": "恢复前自动备份",
        "restore_from": "恢复自",
        "restored_from": "恢复自",
        "restored_key_files": "恢复的密钥文件",
    },
    "demo": {"members": "党员人数", "seed": "随机种子"},
    "cli": {"command": "命令"},
}
"""Core's entity type → {key of the before/after details → Chinese name} (issue 11: the log
showed ``display_name: …``); features add theirs through ``Feature.audit_field_labels``."""

VALUE_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "user": {"role": {role.value: label for role, label in ROLE_LABELS.items()}},
}
"""Core's stored codes as the audit viewer names them (``role: staff`` → 角色：工作人员);
features add theirs through ``Feature.audit_value_labels``."""

SYSTEM_ACTOR_LABELS = {"system": "系统"}
"""Actors without an account, as the log names them."""

CLI_ACTOR_PREFIX = "命令行:"
"""How entries by the command line's system actor (before issue 10's sign-in) name it."""


def actor_label(username: str, display_name: str | None) -> str:
    """Who acted, as a person reads it (issue 11): 王芳（admin）, 命令行（root）, 首次设置.

    The username stays visible because it is what the log stores and the user filter lists;
    the display name is read from the current users table (a renamed user shows the new name).
    """
    if display_name and display_name != username:
        return f"{display_name}（{username}）"
    if username.startswith(CLI_ACTOR_PREFIX):
        return f"命令行（{username.removeprefix(CLI_ACTOR_PREFIX)}）"
    return SYSTEM_ACTOR_LABELS.get(username, username)


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
    previous_hash: Mapped[str] = mapped_column(String(64))
    """The ``entry_hash`` of the entry before this one (:data:`GENESIS_HASH` for the first)."""
    entry_hash: Mapped[str] = mapped_column(String(64))
    """:func:`chain_hash` of this entry's :data:`CHAINED_COLUMNS` and ``previous_hash``."""

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


GENESIS_HASH = "0" * 64
"""What the first entry of a log links to."""

CHAINED_COLUMNS = (
    "id",
    "at",
    "user_id",
    "username",
    "action",
    "entity_type",
    "entity_id",
    "before_json",
    "after_json",
)
"""The fields an entry's hash covers, in the order of its canonical serialization. The id is
among them, so the chain order is the id order and an entry cannot be renumbered."""

_CANONICAL_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""Compact, non-ASCII kept: one encoder for every entry (``dumps`` would build one a call)."""

_CHAIN_TIP = "dangqun.audit_chain_tip"
"""``session.info`` key: ``(id, entry_hash)`` of the newest entry this transaction knows of."""


def chain_hash(fields: Sequence[Any], previous_hash: str) -> str:
    """SHA-256 (hex) over a canonical serialization of one entry (issue 10).

    ``fields`` are the values of :data:`CHAINED_COLUMNS` (``at`` an aware datetime, written as
    UTC to the microsecond, which is exactly what the column stores), then the previous hash: a
    compact JSON array, UTF-8. Migration 0003 chains the entries written before it with this
    same function, and :mod:`dangqun.core.audit_chain` re-computes it from the stored values.
    """
    entry_id, at, *rest = fields
    instant = at.astimezone(UTC).isoformat(timespec="microseconds")
    canonical = _CANONICAL_JSON.encode([entry_id, instant, *rest, previous_hash])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def stored_instant(stored: str) -> datetime:
    """The ``at`` column's text as SQLite holds it, read back as the instant that was hashed.

    The chain is walked over the stored text rather than through the column type, so an entry
    whose time was overwritten with something unreadable is a finding, not a failed check.
    Raises ValueError for text that is no ISO date and time.
    """
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


@event.listens_for(Session, "after_transaction_end")
def _forget_chain_tip(session: Session, transaction: SessionTransaction) -> None:
    """A tip remembered in a transaction (or savepoint) that ended may have been rolled back.

    The inner transactions a flush opens are not such an end: what they wrote stays.
    """
    if transaction.parent is None or transaction.nested:
        session.info.pop(_CHAIN_TIP, None)


def _chain_tip(session: Session) -> tuple[int, str]:
    """The newest entry's id and hash, read once a transaction.

    In SQLite the first read of a write transaction takes the write lock (``BEGIN IMMEDIATE``),
    so no other writer appends between this read and the commit; within the transaction the tip
    is carried in ``session.info``, so many entries appended before a flush chain in order.
    """
    tip = session.info.get(_CHAIN_TIP)
    if tip is None:
        newest = session.execute(
            select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
        tip = (0, GENESIS_HASH) if newest is None else (newest[0], newest[1])
    return tip


def _chained(session: Session, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (audit values without id or hashes) given the next ids and linked in order."""
    last_id, last_hash = _chain_tip(session)
    chained = []
    for row in rows:
        values = {**row, "id": last_id + 1, "previous_hash": last_hash}
        values["entry_hash"] = chain_hash(
            [values.get(column) for column in CHAINED_COLUMNS], last_hash
        )
        last_id, last_hash = values["id"], values["entry_hash"]
        chained.append(values)
    session.info[_CHAIN_TIP] = (last_id, last_hash)
    return chained


def append_audit_entry(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """One entry, chained to the newest one in this same writing transaction."""
    (values,) = _chained(
        session,
        [
            {
                "at": utc_now(),
                "user_id": actor.user_id,
                "username": actor.username,
                "action": action,
                "entity_type": entity_type,
                "entity_id": None if entity_id is None else str(entity_id),
                "before_json": to_json(before),
                "after_json": to_json(after),
            }
        ],
    )
    entry = AuditEntry(**values)
    session.add(entry)
    return entry


def append_audit_rows(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Many entries in one statement (an import's thousands of ``member.create``), chained.

    Each row holds ``at``, ``user_id``, ``username``, ``action``, ``entity_type``,
    ``entity_id``, ``before_json`` and ``after_json``. Entries appended earlier in the
    transaction and still pending in the session are flushed first: the database accepts
    entries only in chain order.
    """
    if not rows:
        return
    session.flush()
    session.execute(insert(AuditEntry), _chained(session, rows))


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
    user_label: str
    """:func:`actor_label`: the display name and username of whoever acted."""
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
    from dangqun.core.users import User  # users → uow → audit: imported here, not at the top

    with database.reading() as session:
        entries, total = query_audit_log(session, actor, audit_filter, offset, limit)
        user_ids = {entry.user_id for entry in entries if entry.user_id is not None}
        display_names: dict[int | None, str] = {
            user_id: name
            for user_id, name in session.execute(
                select(User.id, User.display_name).where(User.id.in_(user_ids))
            ).all()
        }
        records = [
            AuditRecord(
                entry.id,
                entry.at,
                entry.username,
                actor_label(entry.username, display_names.get(entry.user_id)),
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
