"""Every write appends who/when/what with before/after JSON; the log is append-only."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import select

from dangqun.core.audit import (
    AuditEntry,
    AuditFilter,
    AuditRecord,
    audit_usernames,
    query_audit_log,
    read_audit_page,
    read_audit_usernames,
)
from dangqun.core.center import update_center
from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.core.security import Role
from dangqun.core.setting_definitions import FONT_POINT_SIZE, IDLE_LOCK_MINUTES
from dangqun.core.settings import read_all_settings, read_setting, update_settings
from dangqun.core.users import authenticate, create_user


def test_center_update_records_before_and_after(application, admin):
    update_center(application.database, admin, "翠湖社区党群服务中心（新址）", "530102001002")
    with application.database.reading() as session:
        entries, total = query_audit_log(session, admin, AuditFilter(action="center.update"))
    assert total == 1
    entry = entries[0]
    assert entry.username == "admin"
    assert json.loads(entry.before_json)["division_code"] == "530102001001"
    assert json.loads(entry.after_json)["name"] == "翠湖社区党群服务中心（新址）"
    assert entry.action_label == "修改中心信息"


def test_audit_log_refuses_update_and_delete_at_database_level(application, admin):
    connection = sqlite3.connect(application.paths.database)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("UPDATE audit_log SET username = 'someone-else'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("DELETE FROM audit_log")
    finally:
        connection.close()


def test_refused_input_leaves_no_audit_entry(application, admin):
    with application.database.reading() as session:
        before = session.scalars(select(AuditEntry.id)).all()
    with pytest.raises(ValidationError) as raised:
        update_settings(
            application.database, admin, {FONT_POINT_SIZE.key: 99, IDLE_LOCK_MINUTES.key: 5}
        )
    assert raised.value.message_for("font_point_size") == "界面字号（磅）必须在 9 到 24 磅 之间"
    assert read_setting(application.database, IDLE_LOCK_MINUTES) == 10  # nothing half-written
    with application.database.reading() as session:
        assert session.scalars(select(AuditEntry.id)).all() == before


def test_filters_by_user_action_and_text(application, admin):
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    authenticate(application.database, "liming", "password-123")
    update_settings(application.database, admin, {IDLE_LOCK_MINUTES.key: 30})
    with application.database.reading() as session:
        assert set(audit_usernames(session)) >= {"admin", "liming", "首次设置"}
        by_user, total = query_audit_log(session, admin, AuditFilter(username="liming"))
        assert total == 1 and by_user[0].action == "login.success"
        by_text, _ = query_audit_log(session, admin, AuditFilter(text="idle_lock_minutes"))
        assert [e.action for e in by_text] == ["settings.update"]
        everything, total_all = query_audit_log(session, admin, AuditFilter(), limit=2)
        assert len(everything) == 2 and total_all > 2
        assert everything[0].id > everything[1].id  # newest first


def test_only_admins_read_the_audit_log(application, admin):
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    staff = authenticate(application.database, "liming", "password-123")
    with application.database.reading() as session, pytest.raises(PermissionDenied):
        query_audit_log(session, staff, AuditFilter())


def test_audit_never_records_password_hashes(application, admin):
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    with application.database.reading() as session:
        texts = [e.after_json or "" for e in session.scalars(select(AuditEntry))]
    assert not any("scrypt$" in text or "password-123" in text for text in texts)


def test_every_audited_action_in_the_code_has_a_chinese_label():
    import re
    from pathlib import Path

    import dangqun
    import dangqun.schema  # what start-up imports: it registers every feature's labels
    from dangqun.core.audit import ACTION_LABELS

    source = Path(dangqun.__file__).parent
    pattern = re.compile(r'\.audit\(\s*"([a-z_]+(?:\.[a-z_]+)?)"')
    used = {m for path in source.rglob("*.py") for m in pattern.findall(path.read_text("utf-8"))}
    used |= {"user.enable", "user.disable", "user.update"}  # chosen at run time in update_user
    assert len(used) > 10
    missing = sorted(action for action in used if action not in ACTION_LABELS)
    assert missing == []
    assert all(re.search(r"[\u4e00-\u9fff]", ACTION_LABELS[action]) for action in used)


def test_the_viewer_reads_pages_of_plain_records_without_a_session(application, admin):
    create_user(application.database, admin, "liming", "李明", Role.STAFF, "password-123")
    first = read_audit_page(application.database, admin, AuditFilter(), offset=0, limit=1)
    rest = read_audit_page(application.database, admin, AuditFilter(), offset=1, limit=100)
    assert first.total == rest.total == 1 + len(rest.records)
    newest = first.records[0]
    assert isinstance(newest, AuditRecord)
    assert (newest.action, newest.action_label) == ("user.create", "新增用户")
    assert newest.entry_id > rest.records[0].entry_id
    assert read_audit_usernames(application.database, admin) == ["admin", "首次设置"]


def test_every_setting_reads_with_its_default_until_saved(application, admin):
    before = read_all_settings(application.database)
    assert before[FONT_POINT_SIZE.key] == FONT_POINT_SIZE.default
    update_settings(application.database, admin, {IDLE_LOCK_MINUTES.key: 30})
    after = read_all_settings(application.database)
    assert after == {**before, IDLE_LOCK_MINUTES.key: 30}
