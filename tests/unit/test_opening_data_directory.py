"""Opening a data directory: each refusal is a clear Chinese message and touches nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect

from dangqun import migrations
from dangqun.bootstrap import (
    FirstRunAnswers,
    finish_opening,
    initialize_center,
    is_initialized,
    open_application,
)
from dangqun.core.backup import list_backups
from dangqun.core.center import center_info
from dangqun.core.database_file import read_schema_revision
from dangqun.core.errors import (
    DatabaseFileInvalid,
    DatabaseTooNew,
    DataDirectoryError,
    InstanceAlreadyRunning,
    ValidationError,
)
from dangqun.core.instance_lock import InstanceLock
from dangqun.core.paths import DataPaths, resolve_data_paths
from dangqun.core.setting_definitions import FONT_POINT_SIZE
from dangqun.core.settings import update_settings
from dangqun.opening import OpeningFacts, claim_data_directory, read_opening_facts
from dangqun.schema import metadata
from tests.conftest import CENTER_ANSWERS


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_from_empty_reach_head_and_match_the_models(empty_application):
    application = empty_application
    assert application.migration.from_revision is None
    assert read_schema_revision(application.paths.database) == migrations.head_revision()
    inspector = inspect(application.database.engine)
    tables = set(inspector.get_table_names()) - {"alembic_version"}
    assert tables == set(metadata.tables)
    for table in metadata.tables.values():
        database_columns = {column["name"] for column in inspector.get_columns(table.name)}
        assert database_columns == set(table.columns.keys()), table.name


def test_revision_list_comes_from_file_names_and_matches_alembic():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from dangqun.features import migration_directories

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.set_main_option("path_separator", "os")
    config.set_main_option(
        "version_locations", os.pathsep.join(str(folder) for folder in migration_directories())
    )
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == migrations.head_revision()
    assert sorted(rev.revision for rev in script.walk_revisions()) == migrations.known_revisions()


def test_connection_uses_wal_foreign_keys_and_busy_timeout(empty_application):
    with empty_application.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_file_that_is_not_sqlite_is_refused_and_left_untouched(data_paths):
    data_paths.prepare()
    data_paths.database.write_bytes(
        "这不是数据库 — a spreadsheet saved with the wrong name".encode()
    )
    before = _digest(data_paths.database)
    with pytest.raises(DatabaseFileInvalid, match="不是 SQLite 格式"):
        open_application(data_paths)
    assert _digest(data_paths.database) == before
    InstanceLock(data_paths.lock_file).acquire()  # the refused open released its lock


def test_foreign_sqlite_database_is_refused_and_left_untouched(data_paths):
    data_paths.prepare()
    connection = sqlite3.connect(data_paths.database)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    before = _digest(data_paths.database)
    with pytest.raises(DatabaseFileInvalid, match="不是 dangqun 的数据库"):
        open_application(data_paths)
    assert _digest(data_paths.database) == before


def test_database_from_newer_version_is_refused_never_downgraded(data_paths):
    application = open_application(data_paths)
    initialize_center(application.database, CENTER_ANSWERS)
    application.close()
    connection = sqlite3.connect(data_paths.database)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = _digest(data_paths.database)
    with pytest.raises(DatabaseTooNew, match="更新版本的 dangqun") as raised:
        open_application(data_paths)
    assert "9999" in raised.value.message
    assert _digest(data_paths.database) == before
    assert list_backups(data_paths.backups) == []


def test_older_schema_is_backed_up_before_migrating(data_paths, monkeypatch):
    application = open_application(data_paths)
    application.close()
    connection = sqlite3.connect(data_paths.database)
    connection.execute("UPDATE alembic_version SET version_num = '0000'")
    connection.commit()
    connection.close()
    upgraded_after_backup: list[bool] = []

    def fake_upgrade(engine):
        upgraded_after_backup.append(bool(list_backups(data_paths.backups)))
        with engine.begin() as connection:
            connection.exec_driver_sql(
                f"UPDATE alembic_version SET version_num = '{migrations.head_revision()}'"
            )

    monkeypatch.setattr(migrations, "known_revisions", lambda: ["0000", "0001"])
    monkeypatch.setattr(migrations, "upgrade_to_head", fake_upgrade)
    reopened = open_application(data_paths)
    reopened.close()
    outcome = reopened.migration
    assert upgraded_after_backup == [True]
    assert outcome.migrated and outcome.safety_backup is not None
    assert outcome.safety_backup.kind == "pre-migration"
    backup_connection = sqlite3.connect(outcome.safety_backup.path)
    assert backup_connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
        "0000",
    )
    backup_connection.close()


def test_second_instance_on_the_same_directory_is_refused(empty_application):
    with pytest.raises(InstanceAlreadyRunning, match="正在使用这个数据目录") as raised:
        open_application(empty_application.paths)
    assert str(os.getpid()) in raised.value.message


def test_lock_is_free_again_after_close(data_paths):
    open_application(data_paths).close()
    open_application(data_paths).close()


def _run_as_unprivileged_user(function) -> str:
    """Run ``function`` in a child that dropped root (root ignores permission bits)."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(read_end)
        try:
            os.setgid(65534)
            os.setuid(65534)
            result = function()
        except BaseException as error:
            result = f"{type(error).__name__}: {error}"
        os.write(write_end, result.encode())
        os._exit(0)
    os.close(write_end)
    output = b""
    while chunk := os.read(read_end, 65536):
        output += chunk
    os.waitpid(child, 0)
    return output.decode()


def test_read_only_data_directory_gives_clear_message(tmp_path):
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    tmp_path.chmod(0o755)

    def attempt() -> str:
        open_application(DataPaths(read_only))
        return "opened"

    if os.geteuid() == 0:
        result = _run_as_unprivileged_user(attempt)
    else:
        try:
            result = attempt()
        except DataDirectoryError as error:
            result = f"DataDirectoryError: {error}"
    assert result.startswith("DataDirectoryError: ")
    assert "无法写入" in result and str(read_only) in result
    assert list(read_only.iterdir()) == []


def test_data_directory_resolution_order(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGQUN_DATA_DIR", str(tmp_path / "from-env"))
    assert resolve_data_paths(tmp_path / "explicit").root == (tmp_path / "explicit").resolve()
    assert resolve_data_paths(None).root == (tmp_path / "from-env").resolve()
    monkeypatch.delenv("DANGQUN_DATA_DIR")
    assert "dangqun" in str(resolve_data_paths(None).root)


def test_first_run_refuses_bad_answers_naming_each_field(empty_application):
    bad = FirstRunAnswers("", "53010200100", "a", "", "short")
    with pytest.raises(ValidationError) as raised:
        initialize_center(empty_application.database, bad)
    fields = {error.field for error in raised.value.errors}
    assert fields == {"center_name", "division_code", "username", "display_name", "password"}
    assert "12 位数字" in (raised.value.message_for("division_code") or "")
    assert not is_initialized(empty_application.database)


@pytest.mark.parametrize(
    ("code", "reason"),
    [("990102001001", "省级代码"), ("530000001001", "县级"), ("5301020010a1", "12 位数字")],
)
def test_division_code_rules(empty_application, code, reason):
    answers = FirstRunAnswers("某社区党群服务中心", code, "admin", "王芳", "password-123")
    with pytest.raises(ValidationError, match=reason):
        initialize_center(empty_application.database, answers)


def test_center_is_created_once_with_a_random_permanent_id(empty_application):
    first = initialize_center(empty_application.database, CENTER_ANSWERS)
    assert len(first.center_id) == 36 and first.county_code == "530102"
    with pytest.raises(ValidationError, match="不能重复初始化"):
        initialize_center(empty_application.database, CENTER_ANSWERS)


def test_opening_facts_match_what_the_services_say(application, admin):
    update_settings(application.database, admin, {FONT_POINT_SIZE.key: 17})

    facts = read_opening_facts(application.paths.database)

    assert facts == OpeningFacts(center_info(application.database).name, 17)
    assert facts.initialized


def test_opening_facts_of_a_new_directory_are_the_defaults(empty_application):
    facts = read_opening_facts(empty_application.paths.database)
    assert facts == OpeningFacts("", FONT_POINT_SIZE.default)
    assert not facts.initialized


def test_an_out_of_range_stored_font_size_falls_back_to_the_default(application):
    with sqlite3.connect(application.paths.database) as connection:
        connection.execute(
            "INSERT INTO settings (key, value_json) VALUES (?, '99')", (FONT_POINT_SIZE.key,)
        )
    assert read_opening_facts(application.paths.database).font_point_size == 13


def test_claiming_takes_the_lock_and_finishing_opens_the_database(data_paths):
    claimed = claim_data_directory(data_paths)
    assert claimed.needs_migration and claimed.revision is None
    with pytest.raises(InstanceAlreadyRunning):
        claim_data_directory(data_paths)

    application = finish_opening(claimed)
    try:
        assert not is_initialized(application.database)
        assert read_schema_revision(data_paths.database) == claimed.head
    finally:
        application.close()
    claim_data_directory(data_paths).lock.release()  # the lock went with the application


def test_a_failed_finish_releases_the_lock(data_paths, monkeypatch):
    claimed = claim_data_directory(data_paths)

    def broken_upgrade(engine):
        raise OSError("disk gone")

    monkeypatch.setattr(migrations, "upgrade_to_head", broken_upgrade)
    with pytest.raises(OSError, match="disk gone"):
        finish_opening(claimed)
    claim_data_directory(data_paths).lock.release()


@pytest.fixture
def initialized_center_directory(data_paths) -> Path:
    opened = open_application(data_paths)
    initialize_center(opened.database, CENTER_ANSWERS)
    opened.close()
    return data_paths.root


def test_claiming_needs_no_sqlalchemy(initialized_center_directory):
    """The GUI shows its window after step 1 alone; importing the ORM there would cost ~0.5 s."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from dangqun.core.paths import DataPaths\n"
        "from dangqun.opening import claim_data_directory, read_opening_facts\n"
        f"claimed = claim_data_directory(DataPaths(Path({str(initialized_center_directory)!r})))\n"
        "facts = read_opening_facts(claimed.paths.database)\n"
        "print(facts.center_name, claimed.needs_migration,"
        " sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert output == f"{CENTER_ANSWERS.center_name} False []"


@pytest.mark.parametrize("damage", ["deleted", "emptied"])
def test_a_missing_or_empty_database_beside_backups_names_the_newest_backup(
    initialized_paths, damage
):
    """Issue 10: a deleted or zero-length database beside a center's backups looked like a new
    center (``check`` passed, ``init`` made a new one)."""
    from dangqun.bootstrap import missing_database_backup
    from dangqun.core.backup import create_backup

    paths = initialized_paths
    assert missing_database_backup(paths) is None  # no backups yet, a database present
    create_backup(paths.database, paths.backups, "daily")
    newest = create_backup(paths.database, paths.backups, "manual")
    assert missing_database_backup(paths) is None  # the database is there
    if damage == "deleted":
        paths.database.unlink()
    else:
        paths.database.write_bytes(b"")
    assert missing_database_backup(paths) == newest
    for backup in list_backups(paths.backups):
        backup.path.unlink()
    assert missing_database_backup(paths) is None  # a truly new directory
