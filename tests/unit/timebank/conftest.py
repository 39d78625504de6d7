"""Shared helpers for the time bank tests: real centers (tests/conftest.py), residents with valid
ID numbers made on demand, a service form that passes every rule unless a test changes it, and a
snapshot of every time bank table and the audit log to prove that a refusal wrote nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from dangqun.core.parsing import id_number_for
from dangqun.core.security import Actor, Role
from dangqun.core.users import create_user
from dangqun.timebank.service import (
    BeneficiaryKind,
    ServiceForm,
    VolunteerForm,
    list_categories,
    open_volunteer,
)

NOW = datetime(2026, 11, 22, 18, 0)
"""The local time "future" is judged against in these tests."""
SERVED_ON = date(2026, 11, 20)
TABLES = (
    "timebank_volunteers",
    "timebank_categories",
    "timebank_service_records",
    "timebank_accounts",
    "timebank_transfers",
    "timebank_entries",
    "timebank_closings",
    "timebank_closing_balances",
    "audit_log",
    "tombstones",
)


def resident_form(sequence: int = 123, **changes: object) -> VolunteerForm:
    form = VolunteerForm(
        name="刘桂兰",
        id_number=id_number_for("530102", date(1952, 4, 9), sequence),
        phone="13987654321",
        address="五华区翠湖北路 8 号 2 栋 301 室",
        skills=("理发", "陪聊"),
        service_areas=("第一网格",),
    )
    return replace(form, **changes)  # type: ignore[arg-type]


def open_resident(database, actor: Actor, sequence: int = 123, **changes: object) -> int:
    return open_volunteer(
        database, actor, resident_form(sequence, **changes), today=date(2026, 11, 1)
    ).id


def category_id(database, actor: Actor, name: str = "养老助老") -> int:
    return next(c.id for c in list_categories(database, actor) if c.name == name)


def service_form(volunteer_id: int, category: int, **changes: object) -> ServiceForm:
    form = ServiceForm(
        volunteer_id=volunteer_id,
        category_id=category,
        served_on=SERVED_ON,
        starts_at=time(9, 0),
        ends_at=time(11, 0),
        beneficiary_kind=BeneficiaryKind.RESIDENT,
        beneficiary="独居老人张奶奶",
        content="打扫卫生、陪同就医",
        slip_number=None,
    )
    return replace(form, **changes)  # type: ignore[arg-type]


def row_counts(path: Path) -> dict[str, int]:
    """Rows of every time bank table and the audit log, read with sqlite3 alone."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES
        }


def staff_actor(application, admin: Actor, username: str = "limin") -> Actor:
    """A second 工作人员 account: with two, the verifier rule ("auto") is on."""
    summary = create_user(
        application.database, admin, username, "李敏", Role.STAFF, "staff-password-1"
    )
    return Actor(summary.id, username, "李敏", Role.STAFF)


@pytest.fixture
def database(application):
    return application.database
