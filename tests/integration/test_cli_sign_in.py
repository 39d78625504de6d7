"""The command line signs in as a user of the center (issue 10: it used to act as 管理员 with
no login): role, masking, lock-out and audit hold as in the GUI."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from dangqun.bootstrap import open_application
from dangqun.core.paths import DataPaths
from dangqun.core.security import Role, system_actor
from dangqun.core.users import MAX_FAILED_LOGINS, create_user
from tests.cli_helpers import PASSWORDS, init, run_cli

STAFF_PASSWORD = "staff-password-7"
FULL_ID = re.compile(r"\d{17}[\dX]")
FULL_PHONE = re.compile(r"1\d{10}")
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def center(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One center with demo members and a 工作人员 ``clerk``, shared by the read-only tests."""
    data_dir = tmp_path_factory.mktemp("sign-in") / "center"
    assert init(data_dir).returncode == 0
    assert run_cli(data_dir, "demo", "--members", "40").returncode == 0
    application = open_application(DataPaths(data_dir))
    try:
        create_user(
            application.database, system_actor(), "clerk", "李明", Role.STAFF, STAFF_PASSWORD
        )
    finally:
        application.close()
    PASSWORDS["clerk"] = STAFF_PASSWORD
    return data_dir


def audit_actions(data_dir: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(data_dir / "dangqun.sqlite3")
    try:
        return connection.execute("SELECT action, username FROM audit_log ORDER BY id").fetchall()
    finally:
        connection.close()


def test_a_command_without_a_user_is_refused(center: Path) -> None:
    result = run_cli(center, "members", "search", "王", user=None)
    assert result.returncode == 1
    assert "请用 --user 用户名" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_password_neither_on_stdin_nor_typed_is_refused(center: Path) -> None:
    from tests.cli_helpers import run_words

    result = run_words("--data-dir", str(center), "--user", "admin", "check", stdin="")
    assert result.returncode == 1 and "--password-stdin" in result.stderr


@pytest.mark.slow
def test_a_wrong_password_is_refused_audited_and_locks_the_account(tmp_path: Path) -> None:
    data_dir = tmp_path / "center"
    assert init(data_dir).returncode == 0
    for attempt in range(1, MAX_FAILED_LOGINS):
        wrong = run_cli(data_dir, "check", password="not-it")
        assert wrong.returncode == 1
        assert f"再错 {MAX_FAILED_LOGINS - attempt} 次" in wrong.stderr
    locked = run_cli(data_dir, "check", password="not-it")
    assert locked.returncode == 1 and "账户已被锁定" in locked.stderr
    still_locked = run_cli(data_dir, "check")  # even with the right password
    assert still_locked.returncode == 1 and "账户已被锁定" in still_locked.stderr
    actions = [action for action, _user in audit_actions(data_dir)]
    assert actions.count("login.failed") == MAX_FAILED_LOGINS - 1
    assert "login.locked" in actions


def test_output_is_masked_by_default_even_for_the_administrator(center: Path) -> None:
    for user in ("admin", "clerk"):
        result = run_cli(center, "members", "search", "", "--json", "--limit", "5", user=user)
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)["rows"]
        assert rows
        for row in rows:
            assert "*" in row["id_number"] and not FULL_ID.search(row["id_number"])
            assert not FULL_PHONE.search(row["phone"] or "")
            assert re.fullmatch(r"\d{4}-\d{2}", row["birth_date"])


def test_full_personal_data_is_for_roles_that_may_see_it_and_is_audited(center: Path) -> None:
    refused = run_cli(
        center, "members", "search", "", "--json", "--full-personal-data", user="clerk"
    )
    assert refused.returncode == 1 and "查看完整个人信息" in refused.stderr
    assert not FULL_ID.search(refused.stdout)

    shown = run_cli(
        center, "members", "search", "", "--json", "--full-personal-data", "--limit", "5"
    )
    assert shown.returncode == 0, shown.stderr
    rows = json.loads(shown.stdout)["rows"]
    assert all(FULL_ID.fullmatch(row["id_number"]) for row in rows)
    assert all(FULL_DATE.fullmatch(row["birth_date"]) for row in rows)
    assert ("cli.full_personal_data", "admin") in audit_actions(center)
    connection = sqlite3.connect(center / "dangqun.sqlite3")
    try:
        (details,) = connection.execute(
            "SELECT after_json FROM audit_log WHERE action = 'cli.full_personal_data'"
        ).fetchone()
    finally:
        connection.close()
    assert json.loads(details) == {"command": "members search"}


def test_the_role_limits_what_a_command_may_do(center: Path, tmp_path: Path) -> None:
    staff_export = run_cli(center, "members", "export", str(tmp_path / "out.xlsx"), user="clerk")
    assert staff_export.returncode == 0, staff_export.stderr
    assert "个人信息已遮盖" in staff_export.stdout
    restore = run_cli(center, "restore", str(tmp_path / "whatever.sqlite3"), user="clerk")
    assert restore.returncode == 1 and "恢复数据" in restore.stderr


def test_commands_that_need_no_user(center: Path, tmp_path: Path) -> None:
    assert run_cli(center, "--help", user=None).returncode == 0
    assert run_cli(center, "--version", user=None).returncode == 0
    verify = run_cli(center, "verify", "DQ1-NOT-A-CODE", user=None)
    assert "请用 --user" not in verify.stderr and "Traceback" not in verify.stderr
    fresh = init(tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.stderr
