"""``dangqun check`` finds broken data; the demo generator makes valid, repeatable people."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import func, select, text

from dangqun.bootstrap import check_application
from dangqun.core.errors import ValidationError
from dangqun.core.invariants import invariant, registered_invariants
from dangqun.demo import generate_demo_data
from dangqun.members.demo import id_check_character
from dangqun.members.models import Member, MemberCategory, MemberKind, Organization


def _check(application):
    return check_application(application)


def test_fresh_center_passes_every_check(application):
    report = _check(application)
    assert report.ok, report.problems
    assert {"integrity_check", "foreign_key_check", "change_counter", "tombstones"} <= set(
        report.checks_run
    )


def test_check_reports_row_changed_behind_the_counters_back(application, admin):
    generate_demo_data(application.database, admin, 50, seed=1)
    with application.database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE members SET change_seq = 999999 WHERE id = 1")
    report = _check(application)
    assert not report.ok
    assert any("members 的变更序号 999999 超过计数器" in line for line in report.problems)


def test_check_reports_broken_foreign_keys(application, admin):
    generate_demo_data(application.database, admin, 20, seed=1)
    raw = sqlite3.connect(application.paths.database)  # foreign_keys is off by default here
    raw.execute("UPDATE members SET organization_id = 4242 WHERE id = 3")
    raw.commit()
    raw.close()
    report = _check(application)
    assert any(
        "外键检查：表 members" in line and "organizations" in line for line in report.problems
    )


def test_modules_can_register_invariants(application):
    @invariant("test_always_broken", "测试规则")
    def always_broken(session):
        return ["示例问题"]

    try:
        assert "测试规则：示例问题" in _check(application).problems
    finally:
        from dangqun.core import invariants

        invariants._REGISTRY.pop("test_always_broken")
    assert "test_always_broken" not in {i.name for i in registered_invariants()}


def _valid_id_number(number: str) -> bool:
    return len(number) == 18 and id_check_character(number[:17]) == number[17]


def test_demo_people_are_valid_and_follow_membership_rules(application, admin):
    summary = generate_demo_data(application.database, admin, 2000, seed=5)
    assert summary.members == 2000 and summary.organizations > 5
    with application.database.reading() as session:
        members = session.scalars(select(Member)).all()
        kinds = {member.kind for member in members}
        assert kinds == {kind.value for kind in MemberKind}
        for member in members:
            assert _valid_id_number(member.id_number), member.id_number
            assert member.id_number[6:14] == member.birth_date.strftime("%Y%m%d")
            assert int(member.id_number[16]) % 2 == (1 if member.gender_code == "1" else 0)
            eighteenth = date(member.birth_date.year + 18, member.birth_date.month, 1)
            assert member.joined_on >= eighteenth
            if member.category == MemberCategory.PROBATIONARY.value:
                assert member.confirmed_on is None
            else:
                assert member.confirmed_on is not None and member.confirmed_on > member.joined_on
            assert member.joined_month_day == member.joined_on.strftime("%m-%d")
            assert 2 <= len(member.name) <= 4
        assert len({m.id_number for m in members}) == 2000
    assert _check(application).ok


def test_demo_is_deterministic_for_a_seed(tmp_path, application, admin):
    from dangqun.bootstrap import initialize_center, open_application
    from dangqun.core.paths import DataPaths
    from dangqun.core.users import authenticate
    from tests.conftest import ADMIN_PASSWORD, CENTER_ANSWERS

    generate_demo_data(application.database, admin, 300, seed=42)
    other = open_application(DataPaths(tmp_path / "other"))
    try:
        initialize_center(other.database, CENTER_ANSWERS)
        generate_demo_data(
            other.database, authenticate(other.database, "admin", ADMIN_PASSWORD), 300, seed=42
        )

        def people(app):
            with app.database.reading() as session:
                return session.execute(
                    select(Member.uuid, Member.name, Member.id_number, Member.address).order_by(
                        Member.id
                    )
                ).all()

        assert people(application) == people(other)
    finally:
        other.close()


def test_demo_refuses_bad_counts_and_a_non_empty_database(application, admin):
    with pytest.raises(ValidationError, match="演示党员人数必须在"):
        generate_demo_data(application.database, admin, 0)
    generate_demo_data(application.database, admin, 10)
    with pytest.raises(ValidationError, match="已有党员或组织数据"):
        generate_demo_data(application.database, admin, 10)
    with application.database.reading() as session:
        assert session.execute(select(func.count()).select_from(Member)).scalar_one() == 10
        assert session.execute(select(func.count()).select_from(Organization)).scalar_one() > 0
        assert (
            session.execute(
                text("SELECT count(*) FROM audit_log WHERE action='demo.generate'")
            ).scalar_one()
            == 1
        )
