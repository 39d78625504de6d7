"""Issue 11, "a first day that works": the first run registers the 社区党组织 (so the first
roster import finds it), and the center keeps what paper needs (party organization, address,
contact person, phone)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from alembic import command
from openpyxl import Workbook
from sqlalchemy import func, select, text

from dangqun import features, schema
from dangqun.bootstrap import initialize_center
from dangqun.core.audit import AuditEntry
from dangqun.core.center import (
    FIRST_RUN_ACTOR,
    CenterContact,
    center_info,
    default_party_organization,
    update_center,
)
from dangqun.core.db import create_sqlite_engine
from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.core.feature_kit import Feature
from dangqun.core.invariants import run_checks
from dangqun.core.parsing import id_number_for
from dangqun.core.security import Actor, Role, system_actor
from dangqun.demo import generate_demo_data
from dangqun.members.importer import import_roster
from dangqun.members.models import Member, Organization
from dangqun.members.organizations import add_organization
from dangqun.members.vocabulary import OrganizationLevel
from tests.conftest import CENTER_ANSWERS, actor_of
from tests.migration_support import run_alembic

FIRST_RUN = replace(CENTER_ANSWERS, feature_setup=True)
"""What the wizard and ``dangqun init`` do (the shared fixture leaves the tree empty)."""


@pytest.mark.parametrize(
    ("center_name", "expected"),
    [
        ("翠湖社区党群服务中心", "中共翠湖社区委员会"),
        ("  翠湖社区党群服务中心 ", "中共翠湖社区委员会"),
        ("翠湖社区党群服务站", "中共翠湖社区委员会"),
        ("翠湖社区服务中心", "中共翠湖社区委员会"),
        ("幸福里党群服务中心", "中共幸福里社区委员会"),
        ("大营村党群服务中心", "中共大营村委员会"),
        ("翠湖社区", "中共翠湖社区委员会"),
        ("中共翠湖社区党群服务中心", "中共翠湖社区委员会"),
        ("党群服务中心", ""),
    ],
)
def test_the_party_organization_name_is_derived_from_the_center_name(center_name, expected):
    assert default_party_organization(center_name) == expected


def _organizations(database) -> list[tuple[str | None, str, str, str | None]]:
    with database.reading() as session:
        return [
            (row.parent_id and str(row.parent_id), row.level, row.name, row.code)
            for row in session.scalars(select(Organization).order_by(Organization.id))
        ]


def test_first_run_registers_the_community_organization_audited(empty_application):
    info = initialize_center(empty_application.database, FIRST_RUN)
    assert info.party_organization == "中共翠湖社区委员会"
    assert _organizations(empty_application.database) == [
        (None, OrganizationLevel.COMMUNITY.value, "中共翠湖社区委员会", "530102001001")
    ]
    with empty_application.database.reading() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [(entry.username, entry.action) for entry in entries] == [
        (FIRST_RUN_ACTOR, "center.create"),
        (FIRST_RUN_ACTOR, "user.create"),
        (FIRST_RUN_ACTOR, "organization.create"),
    ]
    assert json.loads(entries[0].after_json)["party_organization"] == "中共翠湖社区委员会"


def test_a_name_given_wins_and_without_one_the_center_name_must_give_it(empty_application):
    with pytest.raises(ValidationError) as caught:
        initialize_center(
            empty_application.database, replace(FIRST_RUN, center_name="党群服务中心")
        )
    assert "请填写社区党组织的全称" in (caught.value.message_for("party_organization") or "")
    initialize_center(
        empty_application.database,
        replace(FIRST_RUN, center_name="党群服务中心", party_organization="中共青云社区委员会"),
    )
    assert _organizations(empty_application.database)[0][2] == "中共青云社区委员会"
    assert center_info(empty_application.database).party_organization == "中共青云社区委员会"


def failing_step(work, center) -> None:
    """A feature's first-run step that refuses, after the center and 党员管理's step ran."""
    raise ValidationError.single("party_organization", "测试：这一步失败")


def test_first_run_is_all_or_nothing_with_the_features_steps(empty_application):
    broken = Feature(key="broken", title="坏功能", first_run=(f"{__name__}:failing_step",))
    with features.feature_added(broken), pytest.raises(ValidationError):
        initialize_center(empty_application.database, FIRST_RUN)
    with empty_application.database.reading() as session:
        for table in ("center", "users", "organizations", "audit_log"):
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_contact_details_are_validated_stored_and_read_by_everyone(empty_application):
    bad = replace(
        FIRST_RUN,
        contact=CenterContact(address="五华区翠湖南路 1 号", contact_phone="0871-65 12345 转"),
    )
    with pytest.raises(ValidationError) as caught:
        initialize_center(empty_application.database, bad)
    assert (caught.value.message_for("contact_phone") or "").startswith("联系电话：")
    good = replace(
        FIRST_RUN,
        contact=CenterContact(
            address=" 五华区翠湖南路 1 号 ", contact_person="李敏", contact_phone="138 1234 5678"
        ),
    )
    info = initialize_center(empty_application.database, good)
    assert (info.address, info.contact_person, info.contact_phone) == (
        "五华区翠湖南路 1 号",
        "李敏",
        "13812345678",
    )


def test_update_center_changes_contact_audited_and_none_keeps_it(application, admin):
    database = application.database
    contact = CenterContact("中共翠湖社区委员会", "五华区翠湖南路 1 号", "李敏", "0871-65123456")
    update_center(database, admin, "翠湖社区党群服务中心", "530102001001", contact)
    assert center_info(database).contact == contact
    update_center(database, admin, "翠湖社区党群服务中心（新址）", "530102001001")
    assert center_info(database).contact == contact  # None: the contact is kept
    with pytest.raises(ValidationError) as caught:
        update_center(
            database, admin, "翠湖", "530102001001", replace(contact, contact_person="李" * 65)
        )
    assert caught.value.message_for("contact_person") == "联系人不能超过 64 个字符"
    clerk = Actor(user_id=None, username="clerk", display_name="李敏", role=Role.STAFF)
    with pytest.raises(PermissionDenied):
        update_center(database, clerk, "翠湖", "530102001001", CenterContact())
    with database.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "center.update").order_by(AuditEntry.id)
        ).all()
    assert len(entries) == 2
    assert json.loads(entries[0].before_json)["contact_phone"] == ""
    assert json.loads(entries[0].after_json)["contact_phone"] == "0871-65123456"


def test_migration_0004_gives_an_existing_center_empty_contact_details(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    run_alembic(engine, command.upgrade, "0003")
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO center (id, name, division_code, uuid, created_at, updated_at, change_seq) "
        "VALUES (1, '翠湖社区党群服务中心', '530102001001', 'u-1', '2026-11-01 08:00:00', "
        "'2026-11-01 08:00:00', 1)"
    )
    raw.commit()
    raw.close()
    run_alembic(engine, command.upgrade, "head")
    with engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT name, party_organization, address, contact_person, contact_phone, "
                "change_seq FROM center"
            )
        ).one()
    engine.dispose()
    assert tuple(row) == ("翠湖社区党群服务中心", "", "", "", "", 1)


def test_demo_data_grow_around_the_first_runs_community(empty_application):
    database = empty_application.database
    initialize_center(database, FIRST_RUN)
    with database.reading() as session:
        first_uuid = session.scalar(select(Organization.uuid))
    summary = generate_demo_data(database, system_actor("测试"), 40, seed=3)
    assert summary.members == 40
    with database.reading() as session:
        community = session.scalars(
            select(Organization).where(Organization.level == OrganizationLevel.COMMUNITY.value)
        ).one()
        parent = session.get(Organization, community.parent_id)
        schema.load_feature_invariants()
        report = run_checks(session)
    assert (community.uuid, community.name, community.code) == (
        first_uuid,
        "中共翠湖社区委员会",
        "530102001001",
    )
    assert parent is not None and parent.level == OrganizationLevel.STREET_COMMITTEE.value
    assert report.ok, report.problems


def test_demo_data_still_refuse_a_center_with_more_than_the_first_run(empty_application, admin_of):
    database = empty_application.database
    initialize_center(database, FIRST_RUN)
    community_id = _organization_id(database, "中共翠湖社区委员会")
    add_organization(database, admin_of(empty_application), community_id, "第一网格党支部")
    with pytest.raises(ValidationError, match="演示数据只能生成到新的空数据库"):
        generate_demo_data(database, system_actor("测试"), 10)


def _organization_id(database, name: str) -> int:
    with database.reading() as session:
        found = session.scalar(select(Organization.id).where(Organization.name == name))
    assert found is not None
    return found


def test_the_first_roster_import_with_create_branches_works_on_a_fresh_center(
    empty_application, tmp_path, admin_of
):
    database = empty_application.database
    initialize_center(database, FIRST_RUN)
    roster = tmp_path / "roster.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "性别", "民族", "公民身份号码", "所在党支部", "入党日期", "转正日期"])
    for number, branch in enumerate(("第一网格党支部", "第二网格党支部", "第一网格党支部")):
        id_number = id_number_for("530102", date(1980, 3, 1), 101 + 2 * number)
        sheet.append(["张三", "男", "汉族", id_number, branch, "2005-07-01", "2006-07-01"])
    workbook.save(roster)
    report = import_roster(database, admin_of(empty_application), roster, create_branches=True)
    assert report.invalid == [] and report.imported == 3, report.invalid
    assert report.created_branches == ["第一网格党支部", "第二网格党支部"]
    with database.reading() as session:
        branches = session.scalars(
            select(Organization).where(Organization.level == OrganizationLevel.GRID_BRANCH.value)
        ).all()
        assert {branch.code for branch in branches} == {"530102001001001", "530102001001002"}
        assert session.scalar(select(func.count(Member.id))) == 3


@pytest.fixture
def admin_of():
    return lambda application: actor_of(application, "admin")
