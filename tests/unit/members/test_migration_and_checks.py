"""Migration 0002 on a real 0001 database, the demo's new columns, and ``dangqun check``."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from sqlalchemy import select, text

from dangqun.core.db import create_sqlite_engine
from dangqun.core.invariants import run_checks
from dangqun.demo import generate_demo_data
from dangqun.members import service
from dangqun.members.models import Member
from dangqun.members.search import MemberQuery
from dangqun.members.search_keys import compute_search_keys
from dangqun.schema import load_feature_invariants
from tests.migration_support import run_alembic
from tests.unit.members.conftest import TODAY, make_form

load_feature_invariants()  # what `dangqun check` does before running the rules


def test_migration_0002_fills_search_columns_of_existing_members(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    run_alembic(engine, command.upgrade, "0001")
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO organizations (id, level, name, sort_order, uuid, created_at, updated_at, "
        "change_seq) VALUES (1, 'grid_branch', '第一网格党支部', 0, 'o1', '2026-01-01', "
        "'2026-01-01', 1)"
    )
    raw.execute(
        "INSERT INTO members (id, name, gender_code, ethnicity_code, birth_date, id_number, kind, "
        "category, status, organization_id, joined_on, joined_month_day, phone, party_standing, "
        "uuid, created_at, updated_at, change_seq) VALUES (1, '張三豐', '1', '01', '1985-06-15', "
        "'530102198506151235', 'local', 'full', 'active', 1, '2010-07-01', '07-01', "
        "'0871-65123456', '正常', 'm1', '2026-01-01', '2026-01-01', 2)"
    )
    raw.execute(
        "INSERT INTO member_events (member_id, event_type, occurred_on, uuid, created_at, "
        "updated_at, change_seq) VALUES (1, 'report', '2020-01-01', 'e1', '2026-01-01', "
        "'2026-01-01', 3)"
    )
    raw.commit()
    raw.close()
    run_alembic(engine, command.upgrade, "head")
    with engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT name_simplified, pinyin_initials, pinyin_full, id_number_reversed, "
                "phone_reversed, change_seq FROM members"
            )
        ).one()
        indexes = {r[1] for r in connection.execute(text("PRAGMA index_list('members')"))}
        assert connection.execute(text("SELECT count(*) FROM member_events")).scalar_one() == 1
    assert tuple(row) == ("张三丰", "zsf", "zhangsanfeng", "532151605891201035", "654321561780", 2)
    assert {"ix_members_pinyin_full", "ix_members_list_filters", "ix_members_joined_on"} <= indexes
    run_alembic(engine, command.downgrade, "0001")  # the way back works too (events kept)
    with engine.connect() as connection:
        columns = {r[1] for r in connection.execute(text("PRAGMA table_info('members')"))}
        assert "pinyin_full" not in columns
        assert connection.execute(text("SELECT count(*) FROM member_events")).scalar_one() == 1
    engine.dispose()


@pytest.mark.slow
def test_demo_members_have_search_columns_and_some_traditional_names(application, admin):
    generate_demo_data(application.database, admin, 3000, seed=11)
    with application.database.reading() as session:
        members = session.scalars(select(Member)).all()
        report = run_checks(session)
    assert report.ok, report.problems
    assert any(member.name != member.name_simplified for member in members)
    for member in members[:500]:
        keys = compute_search_keys(member.name, member.id_number, member.phone)
        assert (member.pinyin_full, member.id_number_reversed) == (
            keys.pinyin_full,
            keys.id_number_reversed,
        )
    traditional = next(m for m in members if m.name != m.name_simplified)
    page = service.search_members(
        application.database, admin, MemberQuery(text=traditional.name_simplified)
    )
    assert traditional.id in {row.id for row in page.rows}


def test_check_reports_broken_member_rules(database, admin, tree):
    member_id = service.register_member(
        database, admin, make_form(tree.grid_one.id), today=TODAY
    ).member.id
    with database.engine.begin() as connection:
        connection.exec_driver_sql(
            f"UPDATE members SET pinyin_full = 'wrong', category = 'probationary', "
            f"joined_month_day = '01-01', organization_id = {tree.community.id} WHERE id = {member_id}"
        )
    with database.reading() as session:
        problems = run_checks(session).problems
    joined = "\n".join(problems)
    assert "党员检索字段：党员 张三丰（编号 1）的检索字段与姓名、号码不一致" in joined
    assert "党员记录规则：党员 张三丰（编号 1）是预备党员却有转正日期" in joined
    assert "政治生日字段与入党日期不一致" in joined
    assert "1 名党员登记在“翠湖社区党委”上" in joined
