"""``dangqun check`` finds broken data; the demo generator makes valid, repeatable people."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from sqlalchemy import func, select, text

from dangqun import features
from dangqun.bootstrap import check_application
from dangqun.core.errors import NotInitialized, PermissionDenied, ValidationError
from dangqun.core.feature_kit import Feature
from dangqun.core.invariants import invariant, registered_invariants
from dangqun.core.parsing import has_valid_checksum
from dangqun.core.security import Actor, Role, system_actor
from dangqun.demo import DemoCount, DemoOptions, generate_demo_data
from dangqun.members.models import Member, Organization
from dangqun.members.vocabulary import MemberCategory, MemberKind


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


@pytest.mark.slow
def test_demo_people_are_valid_and_follow_membership_rules(application, admin):
    summary = generate_demo_data(application.database, admin, 2000, seed=5)
    assert summary.members == 2000 and summary.organizations > 5
    with application.database.reading() as session:
        members = session.scalars(select(Member)).all()
        kinds = {member.kind for member in members}
        assert kinds == {kind.value for kind in MemberKind}
        for member in members:
            assert has_valid_checksum(member.id_number), member.id_number
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


@pytest.mark.slow
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


def fake_visits_demo(work, options: DemoOptions, progress) -> tuple[DemoCount, ...]:
    """A later feature's generator (declared by module path below): it runs after 党员管理's,
    in the same transaction, so it finds the members already made."""
    members = work.session.execute(select(func.count()).select_from(Member)).scalar_one()
    assert members == options.member_count and options.seed == 8
    return (DemoCount("visits", "走访记录", "条", members * 2),)


def failing_demo(work, options, progress):
    raise ValidationError.single("visits", "走访演示数据生成失败")


def _fake_feature(generator: str) -> Feature:
    return Feature(
        key="visits", title="走访", demo=(f"tests.unit.test_check_and_demo:{generator}",)
    )


def test_demo_runs_every_features_generator_in_order_with_one_audit_entry(application, admin):
    with features.feature_added(_fake_feature("fake_visits_demo")):
        summary = generate_demo_data(application.database, admin, 30, seed=8)
    assert [item.key for item in summary.made] == [
        "organizations", "members", "events",
        "volunteers", "service_records", "transfers", "closings",  # 时间银行 (issue 13)
        "bases", "bookings",  # 阵地预约 (issue 14)
        "minutes", "minutes_signed",  # 会议记录 (issue 15)
        "visits",
    ]  # fmt: skip
    assert summary.count("visits") == 60 and summary.members == 30
    assert summary.description().startswith(f"组织 {summary.organizations} 个，党员 30 名，")
    assert summary.description().endswith("走访记录 60 条")
    with application.database.reading() as session:
        entries = session.execute(
            text("SELECT after_json FROM audit_log WHERE action = 'demo.generate'")
        ).scalars()
        assert [json.loads(entry) for entry in entries] == [
            {"members": 30, "seed": 8, "organizations": summary.organizations,
             "events": summary.events, "visits": 60}
            | {key: summary.count(key)
               for key in ("volunteers", "service_records", "transfers", "closings",
                           "bases", "bookings", "minutes", "minutes_signed")}
        ]  # fmt: skip


def test_a_failing_generator_leaves_the_center_empty(application, admin):
    with (
        features.feature_added(_fake_feature("failing_demo")),
        pytest.raises(ValidationError, match="走访演示数据生成失败"),
    ):
        generate_demo_data(application.database, admin, 30)
    with application.database.reading() as session:
        assert session.execute(select(func.count()).select_from(Member)).scalar_one() == 0
        assert session.execute(select(func.count()).select_from(Organization)).scalar_one() == 0
    assert generate_demo_data(application.database, admin, 5).members == 5


def test_demo_needs_the_permission_and_an_initialised_center(empty_application):
    reader = Actor(user_id=None, username="guest", display_name="访客", role=Role.READ_ONLY)
    with pytest.raises(PermissionDenied):
        generate_demo_data(empty_application.database, reader, 10)
    with pytest.raises(NotInitialized, match="请先完成首次设置"):
        generate_demo_data(empty_application.database, system_actor("测试"), 10)
    with empty_application.database.reading() as session:
        assert session.execute(select(func.count()).select_from(Organization)).scalar_one() == 0
        assert session.execute(text("SELECT count(*) FROM audit_log")).scalar_one() == 0


def test_check_reports_a_damaged_file_instead_of_crashing(application, admin):
    """Issue 10: 64 bytes of 0xFF in the middle of the file made ``check`` end in a traceback."""
    generate_demo_data(application.database, admin, 300, seed=1)
    application.database.dispose()
    path = application.paths.database
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    report = _check(application)
    assert not report.ok
    assert any("数据库文件已损坏" in line and "从备份恢复" in line for line in report.problems)
