"""Is the audit log still what was written? The triggers that guard it and the hash chain.

Issue 10: ``REPLACE INTO audit_log`` overwrote an entry and ``DROP TRIGGER`` went unnoticed, so
``dangqun check`` and a restore (engineer F runs this on the prepared copy before switching)
ask :func:`audit_log_problems` for two things. The triggers of migration 0003 must be present
with exactly the SQL written here (compared with ``sqlite_master``); without them the database
accepts edits. And every entry must hash to its ``entry_hash`` and link to the entry before it
(:func:`dangqun.core.audit.chain_hash`), so an edit made with the triggers gone — a changed,
deleted, inserted or reordered entry — is named by its id and time.

What the chain cannot show: someone holding the file may drop the triggers, edit, recompute
every later hash and recreate the triggers, or cut off the newest entries. The chain has no
secret; it makes tampering evident to a check, it does not make it impossible.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, select, text, type_coerce
from sqlalchemy.orm import Session

from dangqun.core.audit import (
    CHAINED_COLUMNS,
    GENESIS_HASH,
    AuditEntry,
    chain_hash,
    stored_instant,
)
from dangqun.core.clock import to_local


def _refusing(name: str, event: str, condition: str, reason: str) -> str:
    return (
        f"CREATE TRIGGER {name} BEFORE {event} ON audit_log {condition}"
        f"BEGIN SELECT RAISE(ABORT, 'audit log is append-only{reason}'); END"
    )


EXPECTED_TRIGGERS: dict[str, str] = {
    "audit_log_no_update": _refusing("audit_log_no_update", "UPDATE", "", ""),
    "audit_log_no_delete": _refusing("audit_log_no_delete", "DELETE", "", ""),
    "audit_log_next_id_only": _refusing(
        "audit_log_next_id_only",
        "INSERT",
        "WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit_log) ",
        "",
    ),
    "audit_log_linked_only": _refusing(
        "audit_log_linked_only",
        "INSERT",
        "WHEN NEW.previous_hash IS NOT coalesce("
        f"(SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1), '{GENESIS_HASH}') ",
        ": an entry links to the newest one",
    ),
}
"""The triggers migration 0003 leaves on ``audit_log``, by name, as SQLite stores them.

UPDATE and DELETE are refused outright. An INSERT must take the next id — which refuses
``REPLACE INTO`` an existing id (REPLACE deletes the old row without firing the DELETE
trigger), writing into a gap, and an insert that leaves the id to SQLite — and must link to
the newest entry's hash, so the chain order is the id order.
"""

_BATCH = 5_000
"""Rows fetched at a time while walking the chain: memory stays bounded whatever the log's size."""


def audit_log_problems(session: Session) -> list[str]:
    """Chinese lines naming what is wrong with the audit log; empty when it is intact."""
    return [*_trigger_problems(session), *_chain_problems(session)]


def _trigger_problems(session: Session) -> list[str]:
    stored: dict[str, str] = dict(
        session.execute(
            text(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'trigger' AND tbl_name = 'audit_log'"
            )
        ).all()
    )
    problems = []
    for name, sql in EXPECTED_TRIGGERS.items():
        if name not in stored:
            problems.append(f"缺少保护触发器 {name}：数据库不再拒绝对操作日志的改动")
        elif stored[name] != sql:
            problems.append(f"保护触发器 {name} 已被改动：{stored[name]}")
    problems.extend(
        f"多出的触发器 {name}：操作日志只应有系统自带的保护触发器"
        for name in sorted(stored.keys() - EXPECTED_TRIGGERS.keys())
    )
    return problems


def _chain_problems(session: Session) -> list[str]:
    """Walk the log in id order, checking each entry's own hash and its link to the one before.

    After a broken entry the walk goes on from that entry's stored hash, so one edit is one
    finding, not a cascade down to the newest entry.
    """
    columns = [
        type_coerce(AuditEntry.at, String) if name == "at" else getattr(AuditEntry, name)
        for name in CHAINED_COLUMNS
    ]
    rows = session.execute(
        select(*columns, AuditEntry.previous_hash, AuditEntry.entry_hash)
        .order_by(AuditEntry.id)
        .execution_options(yield_per=_BATCH)
    )
    first_problem: str | None = None
    broken = 0
    expected_previous = GENESIS_HASH
    previous_id: int | None = None
    for row in rows:
        entry_id, stored_at, *rest, previous_hash, entry_hash = row
        problem = _entry_problem(entry_id, stored_at, rest, previous_hash, entry_hash)
        if problem is None and previous_hash != expected_previous:
            problem = _broken_link(entry_id, stored_instant(stored_at), previous_id)
        if problem is not None:
            broken += 1
            first_problem = first_problem or problem
        expected_previous = entry_hash
        previous_id = entry_id
    if first_problem is None:
        return []
    if broken == 1:
        return [first_problem]
    return [first_problem, f"共有 {broken} 条记录未通过校验（上面是第一条）"]


def _entry_problem(
    entry_id: int, stored_at: str, rest: list[Any], previous_hash: str, entry_hash: str
) -> str | None:
    """What is wrong with the entry itself: an unreadable time or fields that do not hash to
    its stored hash."""
    try:
        at = stored_instant(stored_at)
    except (TypeError, ValueError):
        return f"记录 #{entry_id} 的时间“{stored_at}”无法识别：这条记录被改动过"
    if chain_hash([entry_id, at, *rest], previous_hash) != entry_hash:
        return f"记录 #{entry_id}（{_when(at)}）的内容与其校验值不符：这条记录被改动过"
    return None


def _broken_link(entry_id: int, at: datetime, previous_id: int | None) -> str:
    if previous_id is None:
        return f"第一条记录 #{entry_id}（{_when(at)}）不是日志的开头：更早的记录被删除或改动过"
    missing = ""
    if entry_id == previous_id + 2:
        missing = f"，编号 #{previous_id + 1} 的记录不见了"
    elif entry_id > previous_id + 2:
        missing = f"，编号 #{previous_id + 1}–#{entry_id - 1} 的记录不见了"
    return (
        f"记录 #{entry_id}（{_when(at)}）与前一条记录 #{previous_id} 的链接断开"
        f"{missing}：其间的记录被删除、插入或改动过"
    )


def _when(at: datetime) -> str:
    return to_local(at).strftime("%Y-%m-%d %H:%M:%S")
