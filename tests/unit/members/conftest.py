"""Shared helpers for the members tests: a fixed "today", a small organization tree, valid
ID numbers made on demand, and a form that passes every rule unless a test changes it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dangqun.core.parsing import id_number_for
from dangqun.core.security import Actor, Role
from dangqun.members.organizations import add_organization
from dangqun.members.validation import MemberForm
from dangqun.members.vocabulary import MemberCategory, MemberKind, OrganizationLevel

TODAY = date(2026, 11, 22)


def make_id(area: str = "530102", birth: date = date(1985, 6, 15), sequence: int = 123) -> str:
    """A valid 18-character number; an odd ``sequence`` is a man, an even one a woman."""
    return id_number_for(area, birth, sequence)


def make_form(organization_id: int | None, **changes: object) -> MemberForm:
    base = MemberForm(
        name="张三丰",
        id_number=make_id(),
        ethnicity_code="01",
        education_code="20",
        kind=MemberKind.LOCAL,
        category=MemberCategory.FULL,
        organization_id=organization_id,
        joined_on=date(2010, 7, 1),
        confirmed_on=date(2011, 7, 1),
        phone="13812345678",
        address="五华区翠湖北路 12 号 3 栋 2 单元 501 室",
        household_registration="云南省昆明市",
        work_unit="云南大学 教师",
    )
    return base.with_changes(**changes)


def staff_actor() -> Actor:
    return Actor(user_id=None, username="staff", display_name="李敏", role=Role.STAFF)


def readonly_actor() -> Actor:
    return Actor(user_id=None, username="viewer", display_name="赵静", role=Role.READ_ONLY)


class Tree:
    """街道党工委 → 社区党委 → 第一/第二网格党支部 → 1栋党小组 (under the first grid)."""

    def __init__(self, application, admin) -> None:
        database = application.database
        self.street = add_organization(database, admin, None, "翠湖街道党工委")
        self.community = add_organization(database, admin, self.street.id, "翠湖社区党委")
        self.grid_one = add_organization(database, admin, self.community.id, "第一网格党支部")
        self.grid_two = add_organization(database, admin, self.community.id, "第二网格党支部")
        self.group = add_organization(database, admin, self.grid_one.id, "1栋党小组")
        assert self.group.level is OrganizationLevel.BUILDING_GROUP


@pytest.fixture
def tree(application, admin) -> Tree:
    return Tree(application, admin)


@pytest.fixture
def database(application):
    return application.database


def workbook_path(tmp_path: Path, name: str = "roster.xlsx") -> Path:
    return tmp_path / name
