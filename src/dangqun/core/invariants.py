"""``dangqun check``: SQLite's own checks plus a registry of application invariants.

A module registers what must always hold of its data with :func:`invariant`; the check runs
them all on a read-only session and reports each broken one with a readable Chinese line.
Later modules add theirs (e.g. "a cached time-bank balance equals the sum of its entries").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from dangqun.core.audit_chain import audit_log_problems
from dangqun.core.model_base import ChangeCounter, Tombstone, synced_tables

InvariantFunction = Callable[[Session], list[str]]


@dataclass(frozen=True)
class Invariant:
    name: str
    description: str
    check: InvariantFunction


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checks_run: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


_REGISTRY: dict[str, Invariant] = {}


def invariant(name: str, description: str) -> Callable[[InvariantFunction], InvariantFunction]:
    def register(function: InvariantFunction) -> InvariantFunction:
        _REGISTRY[name] = Invariant(name, description, function)
        return function

    return register


def registered_invariants() -> list[Invariant]:
    return list(_REGISTRY.values())


def run_checks(session: Session) -> CheckReport:
    report = CheckReport()
    integrity = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
    report.checks_run.append("integrity_check")
    if integrity != ["ok"]:
        report.problems.extend(f"数据库完整性检查：{line}" for line in integrity)
    report.checks_run.append("foreign_key_check")
    for table, rowid, parent, _index in session.execute(text("PRAGMA foreign_key_check")):
        report.problems.append(f"外键检查：表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
    for item in registered_invariants():
        report.checks_run.append(item.name)
        try:
            found = item.check(session)
        except Exception as error:  # a broken check is itself a finding, not a crash
            found = [f"检查无法完成：{error}"]
        report.problems.extend(f"{item.description}：{problem}" for problem in found)
    return report


@invariant("change_counter", "同步变更计数")
def _change_counter_is_ahead(session: Session) -> list[str]:
    counters = session.scalars(select(ChangeCounter.value)).all()
    if len(counters) != 1:
        return [f"变更计数器应有 1 行，实有 {len(counters)} 行"]
    problems = []
    counter = counters[0]
    for table in [*synced_tables(), Tombstone.__table__]:
        column = table.c.change_seq
        missing = session.execute(
            select(func.count()).select_from(table).where(column.is_(None))
        ).scalar_one()
        if missing:
            problems.append(f"表 {table.name} 有 {missing} 行没有变更序号")
        highest = session.execute(select(func.max(column))).scalar_one()
        if highest is not None and highest > counter:
            problems.append(f"表 {table.name} 的变更序号 {highest} 超过计数器 {counter}")
    return problems


@invariant("tombstones", "删除记录")
def _tombstones_refer_to_deleted_rows(session: Session) -> list[str]:
    problems = []
    for table in synced_tables():
        alive = session.execute(
            select(func.count())
            .select_from(table.join(Tombstone.__table__, Tombstone.record_uuid == table.c.uuid))
            .where(Tombstone.table_name == table.name)
        ).scalar_one()
        if alive:
            problems.append(f"表 {table.name} 有 {alive} 条已标记删除的记录仍然存在")
    return problems


@invariant("audit_chain", "操作日志完整性")
def _audit_log_is_intact(session: Session) -> list[str]:
    """The audit log's triggers and hash chain (issue 10), a core rule: ``dangqun check`` names
    an edited, deleted or overwritten entry and a dropped or altered trigger."""
    return audit_log_problems(session)
