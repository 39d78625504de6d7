"""Deterministic demo data: the same seed gives the same people, branches and addresses.

Used by the first-run wizard ("加载演示数据？"), ``dangqun demo``, screenshots and benchmarks.
Each feature declares its generator (``Feature.demo``, e.g.
``"dangqun.members.demo:generate_member_demo"``); :func:`generate_demo_data` checks once what
every generator would otherwise check again — the permission, an initialised and still empty
center — then runs the generators in feature order inside ONE unit of work with ONE audit entry,
so a failure in any of them leaves the center as empty as it was. A later feature's generator
(bookings, hours, minutes) finds the members an earlier one made in the same session. A disk
that fills up half-way (a million demo members need ~1 GB) is such a failure: the unit of work
turns SQLite's "database or disk is full" into :class:`~dangqun.core.errors.DiskFull`, whose
message the wizard and ``dangqun demo`` show instead of a traceback (issue 10).

A generator is ``generate(work, options, progress) -> tuple[DemoCount, ...]``: it writes through
``work.session`` (bulk rows with :func:`dangqun.core.model_base.insert_synced_rows`), draws its
randomness from ``options.seed`` only, and reports what it made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select, text

from dangqun.core.audit import AuditEntry
from dangqun.core.center import FIRST_RUN_ACTOR, Center, find_center
from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import NotInitialized, ValidationError
from dangqun.core.model_base import synced_tables
from dangqun.core.security import Actor, Permission
from dangqun.core.uow import UnitOfWork

MAX_DEMO_MEMBERS = 1_000_000
_BULK_CACHE_KIB = 131_072

ProgressCallback = Callable[[int, int], None]
"""``(done, total)`` in the generator's own unit (members for 党员管理)."""


@dataclass(frozen=True)
class DemoOptions:
    """What every generator is given: the size and seed asked for, and the center's facts."""

    member_count: int
    """The size of the demo center, counted in party members; other data scales with it."""
    seed: int
    today: date
    center_name: str
    division_code: str


@dataclass(frozen=True)
class DemoCount:
    """One kind of thing a generator made, as the summary reports it (组织 12 个)."""

    key: str
    label: str
    unit: str
    count: int


DemoGenerator = Callable[[UnitOfWork, DemoOptions, ProgressCallback | None], Sequence[DemoCount]]


@dataclass(frozen=True)
class DemoSummary:
    """What the generators made, in feature order."""

    made: tuple[DemoCount, ...]

    def count(self, key: str) -> int:
        return sum(item.count for item in self.made if item.key == key)

    def description(self) -> str:
        """``组织 12 个，党员 1,000 名，历史记录 345 条``: the line a user is shown."""
        return "，".join(f"{item.label} {item.count:,} {item.unit}" for item in self.made)

    @property
    def organizations(self) -> int:
        return self.count("organizations")

    @property
    def members(self) -> int:
        return self.count("members")

    @property
    def events(self) -> int:
        return self.count("events")


def generate_demo_data(
    database: Database,
    actor: Actor,
    member_count: int,
    seed: int = 20240701,
    progress: ProgressCallback | None = None,
) -> DemoSummary:
    """Fill an initialised, still empty center with every feature's demo data."""
    from dangqun import features

    actor.require(Permission.EDIT_RECORDS)
    if isinstance(member_count, bool) or not 0 < member_count <= MAX_DEMO_MEMBERS:
        raise ValidationError.single(
            "members", f"演示党员人数必须在 1 到 {MAX_DEMO_MEMBERS:,} 之间"
        )
    features.import_models()  # every synced table, for the emptiness check below
    generators: list[DemoGenerator] = [generate for _feature, generate in features.loaded("demo")]
    made: list[DemoCount] = []
    with database.unit_of_work(actor) as work:
        session = work.session
        if session.get_bind().dialect.name == "sqlite":
            # Bulk rows reach the indexes in random order (pinyin, reversed ID numbers): with
            # SQLite's default 2 MB page cache most of the time would go to re-reading pages.
            session.execute(text(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}"))
        center = find_center(session)
        if center is None:
            raise NotInitialized("请先完成首次设置（或运行 dangqun init），再生成演示数据。")
        if _holds_data(work):
            raise ValidationError.single(
                "members", "数据库里已有党员或组织数据；演示数据只能生成到新的空数据库。"
            )
        options = DemoOptions(member_count, seed, local_today(), center.name, center.division_code)
        for generate in generators:
            made.extend(generate(work, options, progress))
        summary = DemoSummary(tuple(made))
        work.audit(
            "demo.generate",
            "demo",
            None,
            None,
            {"members": member_count, "seed": seed} | {item.key: item.count for item in made},
        )
        work.commit()
    return summary


def _holds_data(work: UnitOfWork) -> bool:
    """Whether any synced table other than the center's own row holds a row the first run did
    not make (issue 11: its 社区党组织, named by the first run's audit entries, is adopted by
    the members demo). Rows older than the center's own row were seeded by a migration before
    anyone could sign in (issue 13: the time bank's categories and center accounts)."""
    first_run = select(AuditEntry.entity_id).where(
        AuditEntry.username == FIRST_RUN_ACTOR, AuditEntry.entity_id.is_not(None)
    )
    center_created = select(Center.created_at).scalar_subquery()
    return any(
        work.session.scalar(
            select(
                exists().where(table.c.uuid.not_in(first_run), table.c.created_at >= center_created)
            )
        )
        for table in synced_tables()
        if table is not Center.__table__
    )
