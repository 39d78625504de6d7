"""Every write appends who/when/what with before/after JSON; the log is append-only and its
entries are hash-chained, so ``dangqun check`` names an entry edited behind its back (issue 10)."""

from __future__ import annotations

import json
import sqlite3
import tracemalloc
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from dangqun.bootstrap import check_application
from dangqun.core.audit import (
    GENESIS_HASH,
    AuditEntry,
    AuditFilter,
    AuditRecord,
    append_audit_entry,
    append_audit_rows,
    audit_usernames,
    query_audit_log,
    read_audit_page,
    read_audit_usernames,
)
from dangqun.core.audit_chain import EXPECTED_TRIGGERS, audit_log_problems
from dangqun.core.center import update_center
from dangqun.core.clock import to_local, utc_now
from dangqun.core.db import create_sqlite_engine
from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.core.security import Role
from dangqun.core.setting_definitions import FONT_POINT_SIZE, IDLE_LOCK_MINUTES
from dangqun.core.settings import read_all_settings, read_setting, update_settings
from dangqun.core.users import authenticate, create_user
from tests.migration_support import run_alembic


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
    assert raised.value.message_for("font_point_size") == "界面字号（磅）必须在 9 到 20 磅 之间"
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


# --- The chain and its triggers (issue 10) -------------------------------------------------


def _raw(application) -> sqlite3.Connection:
    """The database as someone holding the file sees it: plain sqlite3, autocommit."""
    return sqlite3.connect(application.paths.database, isolation_level=None)


def _append(application, actor, count: int) -> list[int]:
    """``count`` ordinary entries, one transaction each; their ids."""
    ids = []
    for number in range(count):
        with application.database.unit_of_work(actor) as work:
            entry = append_audit_entry(
                work.session, actor, "settings.update", "setting", f"key-{number}", None, {"n": 1}
            )
            work.commit()
        ids.append(entry.id)
    return ids


def _problems(application) -> list[str]:
    with application.database.reading() as session:
        return audit_log_problems(session)


def _when(application, entry_id: int) -> str:
    with application.database.reading() as session:
        at = session.get(AuditEntry, entry_id).at
    return to_local(at).strftime("%Y-%m-%d %H:%M:%S")


def test_a_new_center_has_an_intact_chain_and_every_trigger(application, admin):
    _append(application, admin, 3)
    with application.database.reading() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        triggers = dict(
            session.execute(
                text(
                    "SELECT name, sql FROM sqlite_master "
                    "WHERE type = 'trigger' AND tbl_name = 'audit_log'"
                )
            ).all()
        )
    assert [entry.id for entry in entries] == list(range(1, len(entries) + 1))
    assert entries[0].previous_hash == GENESIS_HASH
    assert all(b.previous_hash == a.entry_hash for a, b in pairwise(entries))
    assert triggers == EXPECTED_TRIGGERS
    assert _problems(application) == []
    report = check_application(application)
    assert report.ok and "audit_chain" in report.checks_run


def test_replace_into_an_existing_entry_is_refused(application, admin):
    """REPLACE deletes the old row without firing the DELETE trigger; 0001 let it through."""
    _append(application, admin, 3)
    connection = _raw(application)
    try:
        original = connection.execute("SELECT * FROM audit_log WHERE id = 2").fetchone()
        for verb in ("REPLACE", "INSERT OR REPLACE"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                connection.execute(
                    f"{verb} INTO audit_log (id, at, username, action, entity_type, "
                    "previous_hash, entry_hash) SELECT id, at, 'someone-else', 'members.export', "
                    "entity_type, previous_hash, entry_hash FROM audit_log WHERE id = 2"
                )
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute(
                "INSERT INTO audit_log (id, at, username, action, entity_type, previous_hash, "
                "entry_hash) SELECT id, at, username, action, entity_type, previous_hash, "
                "entry_hash FROM audit_log WHERE id = 2 "
                "ON CONFLICT (id) DO UPDATE SET username = 'someone-else'"
            )
        assert connection.execute("SELECT * FROM audit_log WHERE id = 2").fetchone() == original
    finally:
        connection.close()
    assert _problems(application) == []


def test_update_and_delete_stay_refused_and_the_chain_intact(application, admin):
    _append(application, admin, 2)
    connection = _raw(application)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("UPDATE audit_log SET entry_hash = previous_hash")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("DELETE FROM audit_log WHERE id = 1")
    finally:
        connection.close()
    assert _problems(application) == []


def test_an_insert_must_take_the_next_id_and_link_to_the_newest_entry(application, admin):
    (newest,) = _append(application, admin, 1)
    connection = _raw(application)
    columns = "at, username, action, entity_type, previous_hash, entry_hash"
    try:
        tip = connection.execute(
            "SELECT entry_hash FROM audit_log WHERE id = ?", (newest,)
        ).fetchone()[0]
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # id left to SQLite
            connection.execute(
                f"INSERT INTO audit_log ({columns}) VALUES ('2026-01-01', 'x', 'a', 'b', ?, ?)",
                (tip, tip),
            )
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):  # into the future
            connection.execute(
                f"INSERT INTO audit_log (id, {columns}) "
                "VALUES (?, '2026-01-01', 'x', 'a', 'b', ?, ?)",
                (newest + 5, tip, tip),
            )
        with pytest.raises(sqlite3.IntegrityError, match="links to the newest one"):
            connection.execute(
                f"INSERT INTO audit_log (id, {columns}) "
                "VALUES (?, '2026-01-01', 'x', 'a', 'b', ?, ?)",
                (newest + 1, GENESIS_HASH, tip),
            )
        # Linked and numbered right, but its hash forged: the database cannot tell, the check can.
        connection.execute(
            f"INSERT INTO audit_log (id, {columns}) "
            "VALUES (?, '2026-01-01 00:00:00.000000', 'x', 'a', 'b', ?, ?)",
            (newest + 1, tip, tip),
        )
    finally:
        connection.close()
    assert _problems(application) == [
        f"记录 #{newest + 1}（{_when(application, newest + 1)}）的内容与其校验值不符："
        "这条记录被改动过"
    ]


def test_check_names_an_entry_edited_after_its_trigger_was_dropped(application, admin):
    ids = _append(application, admin, 4)
    connection = _raw(application)
    try:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET username = 'someone-else' WHERE id = ?", (ids[1],))
    finally:
        connection.close()
    report = check_application(application)
    assert report.problems == [
        "操作日志完整性：缺少保护触发器 audit_log_no_update：数据库不再拒绝对操作日志的改动",
        f"操作日志完整性：记录 #{ids[1]}（{_when(application, ids[1])}）的内容与其校验值不符："
        "这条记录被改动过",
    ]


def test_a_deleted_middle_entry_is_found(application, admin):
    ids = _append(application, admin, 5)
    connection = _raw(application)
    try:
        connection.execute("DROP TRIGGER audit_log_no_delete")
        connection.execute("DELETE FROM audit_log WHERE id = ?", (ids[2],))
    finally:
        connection.close()
    assert _problems(application) == [
        "缺少保护触发器 audit_log_no_delete：数据库不再拒绝对操作日志的改动",
        f"记录 #{ids[3]}（{_when(application, ids[3])}）与前一条记录 #{ids[1]} 的链接断开，"
        f"编号 #{ids[2]} 的记录不见了：其间的记录被删除、插入或改动过",
    ]


def test_deleted_first_entries_and_several_edits_are_counted(application, admin):
    ids = _append(application, admin, 6)
    connection = _raw(application)
    try:
        connection.execute("DROP TRIGGER audit_log_no_delete")
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("DELETE FROM audit_log WHERE id < 3")
        connection.execute("UPDATE audit_log SET after_json = '{}' WHERE id IN (?, ?)", ids[-2:])
    finally:
        connection.close()
    chain = _problems(application)[2:]
    assert chain == [
        f"第一条记录 #3（{_when(application, 3)}）不是日志的开头：更早的记录被删除或改动过",
        "共有 3 条记录未通过校验（上面是第一条）",
    ]


def test_a_time_overwritten_with_nonsense_is_a_finding_not_a_failed_check(application, admin):
    ids = _append(application, admin, 2)
    connection = _raw(application)
    try:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET at = 'yesterday' WHERE id = ?", (ids[0],))
    finally:
        connection.close()
    assert _problems(application)[1:] == [
        f"记录 #{ids[0]} 的时间“yesterday”无法识别：这条记录被改动过"
    ]


def test_an_altered_or_an_extra_trigger_is_reported(application, admin):
    connection = _raw(application)
    try:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )
        connection.execute(
            "CREATE TRIGGER audit_log_helper AFTER INSERT ON audit_log BEGIN SELECT 1; END"
        )
    finally:
        connection.close()
    assert _problems(application) == [
        "保护触发器 audit_log_no_update 已被改动：CREATE TRIGGER audit_log_no_update BEFORE "
        "UPDATE ON audit_log WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
        "多出的触发器 audit_log_helper：操作日志只应有系统自带的保护触发器",
    ]


_STEPS = st.sampled_from(["entry", "rows", "flush", "savepoint rolled back"])


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    transactions=st.lists(
        st.tuples(st.lists(_STEPS, max_size=8), st.booleans()), min_size=1, max_size=6
    )
)
def test_random_sequences_of_appends_chain_in_id_order(application, admin, transactions):
    """Several entries a transaction (engineer F's "started" + "finished"), bulk rows,
    flushes between them, savepoints and whole transactions rolled back: the chain holds."""
    for steps, committed in transactions:
        with application.database.unit_of_work(admin) as work:
            for step in steps:
                if step == "entry":
                    work.audit("settings.update", "setting", "key")
                elif step == "rows":
                    row = {
                        "at": utc_now(),
                        "user_id": admin.user_id,
                        "username": admin.username,
                        "action": "member.create",
                        "entity_type": "member",
                        "entity_id": "uuid",
                        "before_json": None,
                        "after_json": "{}",
                    }
                    append_audit_rows(work.session, [row, row, row])
                elif step == "flush":
                    work.session.flush()
                else:
                    savepoint = work.session.begin_nested()
                    work.audit("settings.update", "setting", "undone")
                    work.session.flush()
                    savepoint.rollback()
            if committed:
                work.commit()
    with application.database.reading() as session:
        ids = session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all()
        assert "undone" not in session.scalars(select(AuditEntry.entity_id)).all()
    assert ids == list(range(1, len(ids) + 1))
    assert _problems(application) == []


def test_migration_0003_chains_the_entries_written_before_it(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    run_alembic(engine, command.upgrade, "0002")
    raw = sqlite3.connect(path)
    for number in range(1, 8):
        raw.execute(
            "INSERT INTO audit_log (at, username, action, entity_type, entity_id, after_json) "
            "VALUES (?, '管理员', 'members.export', 'member', NULL, ?)",
            (f"2026-11-0{number} 08:00:00.000001", json.dumps({"行": number}, ensure_ascii=False)),
        )
    raw.commit()
    raw.close()
    run_alembic(engine, command.upgrade, "head")
    with engine.connect() as connection:
        session_rows = connection.execute(
            text("SELECT id, previous_hash, entry_hash FROM audit_log ORDER BY id")
        ).all()
        triggers = dict(
            connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            ).all()
        )
        indexes = {r[1] for r in connection.execute(text("PRAGMA index_list('audit_log')"))}
    assert [row[0] for row in session_rows] == list(range(1, 8))
    assert session_rows[0][1] == GENESIS_HASH
    assert all(b[1] == a[2] for a, b in pairwise(session_rows))
    assert triggers == EXPECTED_TRIGGERS
    assert {"ix_audit_log_at", "ix_audit_log_action", "ix_audit_log_username"} <= indexes
    from dangqun.core.db import Database

    database = Database(path)
    try:
        with database.reading() as session:
            assert audit_log_problems(session) == []
    finally:
        database.dispose()
    run_alembic(engine, command.downgrade, "0002")  # back to 0001's two triggers, entries kept
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT count(*) FROM audit_log").fetchone() == (7,)
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("UPDATE audit_log SET username = 'x'")
        columns = {r[1] for r in raw.execute("PRAGMA table_info('audit_log')")}
        assert "entry_hash" not in columns
    finally:
        raw.close()
    engine.dispose()


@pytest.mark.slow
def test_dangqun_check_on_a_tampered_log_exits_1_naming_the_entry(initialized_paths):
    from tests.cli_helpers import run_cli

    connection = sqlite3.connect(initialized_paths.database)
    try:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET username = 'someone-else' WHERE id = 1")
        connection.commit()
    finally:
        connection.close()
    result = run_cli(initialized_paths.root, "check")
    assert result.returncode == 1, result.stderr
    assert "操作日志完整性：缺少保护触发器 audit_log_no_update" in result.stderr
    assert "操作日志完整性：记录 #1（" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_verifying_the_log_streams_in_bounded_memory(application, admin):
    """``dangqun check`` walks the whole log in batches, so its memory follows the batch size,
    not the log's length: four times the entries, far less than four times the peak. (Its speed is measured
    against a raw sqlite3 read of the same rows by ``tests/benchmarks/bench_audit.py``: ~2 s for
    100,000 entries.)"""

    def append(first: int, count: int) -> None:
        start = utc_now()
        rows = [
            {
                "at": start + timedelta(seconds=number),
                "user_id": admin.user_id,
                "username": admin.username,
                "action": "member.create",
                "entity_type": "member",
                "entity_id": f"uuid-{number}",
                "before_json": None,
                "after_json": json.dumps({"姓名": "张三", "序号": number}, ensure_ascii=False),
            }
            for number in range(first, first + count)
        ]
        with application.database.unit_of_work(admin) as work:
            append_audit_rows(work.session, rows)
            work.commit()

    def peak_while_checking() -> int:
        with application.database.reading() as session:
            tracemalloc.start()
            try:
                assert audit_log_problems(session) == []
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

    append(0, 6_000)
    smaller = peak_while_checking()
    append(6_000, 18_000)
    larger = peak_while_checking()
    assert larger < 2 * smaller, (smaller, larger)  # held at once: about four times
