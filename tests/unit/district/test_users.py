"""District users (issue 17): the first administrator, sign-in with lock-out, roles, the signed-in
user on the district audit, and ``district init --admin`` / ``district backup`` from the CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    PermissionDenied,
    ValidationError,
)
from dangqun.core.security import Permission, Role
from dangqun.district import service as district
from dangqun.district import users
from dangqun.district.backup import back_up_district
from dangqun.district.models import DistrictAuditEntry
from tests.cli_helpers import run_cli

PASSWORD = "district-secret-1"


@pytest.fixture
def db(district_url: str, tmp_path: Path):
    opened = district.open_district(district_url, create=True)
    out = tmp_path / "out"
    out.mkdir()
    district.init_district(opened, "五华区委组织部", out, tmp_path / "keys")
    yield opened
    opened.dispose()


def _audit(db) -> list[tuple[str, str]]:
    with db.reading() as session:
        rows = session.execute(
            select(DistrictAuditEntry.action, DistrictAuditEntry.username).order_by(
                DistrictAuditEntry.id
            )
        ).all()
    return [(action, username) for action, username in rows]


def test_first_administrator_signs_in_and_is_named_on_the_audit(db) -> None:
    assert not users.has_users(db)
    users.create_first_administrator(db, "wang", "王主任", PASSWORD)
    actor = users.authenticate(db, "WANG", PASSWORD)
    assert (actor.username, actor.role) == ("wang", Role.ADMIN)
    assert actor.can(Permission.SEE_PERSONAL_DATA)
    staff = users.create_user(db, actor, "li", "李干事", Role.STAFF, PASSWORD)
    assert staff.role is Role.STAFF
    audit = _audit(db)
    assert ("district.user.create", "") in audit  # made by `init`, nobody signed in
    assert ("district.login.success", "wang") in audit
    assert audit[-1] == ("district.user.create", "wang")
    users.record_logout(db, actor)
    assert _audit(db)[-1] == ("district.logout", "wang")
    assert db.operator.username == ""


def test_a_second_first_administrator_is_refused(db) -> None:
    users.create_first_administrator(db, "wang", "王主任", PASSWORD)
    with pytest.raises(ValidationError):
        users.create_first_administrator(db, "zhao", "赵", PASSWORD)


def test_staff_may_not_manage_users_and_sees_masked_data(db) -> None:
    admin_summary = users.create_first_administrator(db, "wang", "王主任", PASSWORD)
    assert admin_summary.role is Role.ADMIN
    admin = users.authenticate(db, "wang", PASSWORD)
    users.create_user(db, admin, "li", "李干事", Role.STAFF, PASSWORD)
    staff = users.authenticate(db, "li", PASSWORD)
    assert not staff.can(Permission.SEE_PERSONAL_DATA)
    with pytest.raises(PermissionDenied):
        users.create_user(db, staff, "zhao", "赵", Role.STAFF, PASSWORD)
    with pytest.raises(PermissionDenied):
        users.list_users(db, staff)


def test_district_roles_are_administrator_and_staff_only(db) -> None:
    users.create_first_administrator(db, "wang", "王主任", PASSWORD)
    admin = users.authenticate(db, "wang", PASSWORD)
    with pytest.raises(ValidationError) as refused:
        users.create_user(db, admin, "zhao", "赵", Role.READ_ONLY, "short")
    fields = {problem.field for problem in refused.value.errors}
    assert fields == {"role", "password"}
    with pytest.raises(ValidationError):
        users.create_user(db, admin, "Wang", "另一个王", Role.STAFF, PASSWORD)
    assert [user.username for user in users.list_users(db, admin)] == ["wang"]


def test_five_wrong_passwords_lock_the_account_and_each_attempt_is_audited(db) -> None:
    users.create_first_administrator(db, "wang", "王主任", PASSWORD)
    with pytest.raises(AuthenticationFailed) as unknown:
        users.authenticate(db, "nobody", PASSWORD)
    with pytest.raises(AuthenticationFailed) as wrong:
        users.authenticate(db, "wang", "wrong-password")
    assert unknown.value.message == "用户名或密码不正确。"
    assert wrong.value.message.startswith("用户名或密码不正确。")
    for _attempt in range(3):
        with pytest.raises(AuthenticationFailed):
            users.authenticate(db, "wang", "wrong-password")
    with pytest.raises(AccountLocked):
        users.authenticate(db, "wang", "wrong-password")
    with pytest.raises(AccountLocked):
        users.authenticate(db, "wang", PASSWORD)  # the right password waits out the lock too
    actions = [action for action, _user in _audit(db)]
    assert actions.count("district.login.failed") == 5
    assert actions.count("district.login.locked") == 1


def test_sqlite_backup_is_a_checked_copy_and_audited(tmp_path: Path) -> None:
    opened = district.open_district(str(tmp_path / "district.sqlite3"), create=True)
    try:
        district.init_district(opened, "五华区委组织部", tmp_path, tmp_path / "keys")
        made = back_up_district(opened, tmp_path / "backups")
        assert made.tool == "sqlite" and made.path.parent == tmp_path / "backups"
        copy = sqlite3.connect(made.path)
        assert copy.execute("SELECT name FROM district_identity").fetchone() == ("五华区委组织部",)
        copy.close()
        assert _audit(opened)[-1][0] == "district.backup"
    finally:
        opened.dispose()


def test_init_with_admin_from_the_cli_and_backup(tmp_path: Path) -> None:
    database = tmp_path / "district.sqlite3"
    short = run_cli(
        tmp_path,
        "district", "init", "--db", str(database), "--name", "五华区", "--out", str(tmp_path),
        "--admin", "wang", "--password-stdin",
        user=None, stdin="short\n",
    )  # fmt: skip
    assert short.returncode == 1 and "密码" in short.stderr
    assert not (tmp_path / "keys").exists()  # refused before anything was made
    made = run_cli(
        tmp_path,
        "district", "init", "--db", str(database), "--name", "五华区", "--out", str(tmp_path),
        "--admin", "wang", "--admin-name", "王主任", "--password-stdin",
        user=None, stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "区级管理员：wang" in made.stdout
    opened = district.open_district(str(database))
    try:
        assert users.authenticate(opened, "wang", PASSWORD).display_name == "王主任"
    finally:
        opened.dispose()
    backup = run_cli(
        tmp_path, "district", "backup", "--db", str(database), "--out", str(tmp_path / "b"),
        user=None,
    )  # fmt: skip
    assert backup.returncode == 0, backup.stderr
    assert len(list((tmp_path / "b").glob("dangqun-*-manual.sqlite3"))) == 1


def test_postgresql_backup_runs_pg_dump(tmp_path: Path) -> None:
    from tests.unit.district.databases import district_database_url

    for url in district_database_url("postgresql", tmp_path):
        opened = district.open_district(url)
        try:
            district.init_district(opened, "五华区委组织部", tmp_path, tmp_path / "keys")
            made = back_up_district(opened, tmp_path / "dumps")
        finally:
            opened.dispose()
        assert made.tool == "pg_dump"
        assert made.path.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
        assert made.path.stat().st_mode & 0o077 == 0


def test_missing_pg_dump_is_said_in_chinese(tmp_path: Path, monkeypatch) -> None:
    from dangqun.district import backup
    from dangqun.district.database import DistrictError
    from tests.unit.district.databases import district_database_url

    monkeypatch.setattr(backup.shutil, "which", lambda _name: None)
    for url in district_database_url("postgresql", tmp_path):
        opened = district.open_district(url)
        try:
            with pytest.raises(DistrictError, match="找不到 PostgreSQL 的备份程序 pg_dump"):
                back_up_district(opened, tmp_path / "dumps")
        finally:
            opened.dispose()
