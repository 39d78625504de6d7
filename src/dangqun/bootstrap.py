"""The composition root: the one place that opens a data directory and wires what uses it.

Order matters and each step can refuse with a Chinese message, leaving data untouched:
data directory writable → single-instance lock → database file is SQLite → not from a newer
version → automatic backup → migrate → open. The GUI and every CLI command go through
:func:`open_application`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from dangqun import migrations, schema
from dangqun.core.backup import (
    BackupFile,
    create_backup,
    has_automatic_backup_on,
    restore_backup,
    rotate_backups,
)
from dangqun.core.center import Center, CenterInfo, center_info, find_center, validate_center
from dangqun.core.db import Database, create_sqlite_engine, read_schema_revision
from dangqun.core.errors import DatabaseFileInvalid, DatabaseTooNew, ValidationError
from dangqun.core.instance_lock import InstanceLock
from dangqun.core.invariants import CheckReport, run_checks
from dangqun.core.logging_setup import configure_logging
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor, Permission, Role, system_actor
from dangqun.core.users import add_user_in_session, validate_new_account

log = logging.getLogger(__name__)


@dataclass
class MigrationOutcome:
    from_revision: str | None
    to_revision: str
    safety_backup: BackupFile | None = None

    @property
    def migrated(self) -> bool:
        return self.from_revision != self.to_revision


@dataclass
class Application:
    """An opened data directory: its paths, its database and the lock that makes it ours."""

    paths: DataPaths
    database: Database
    lock: InstanceLock
    migration: MigrationOutcome
    closed: bool = field(default=False)

    def close(self) -> None:
        if not self.closed:
            self.database.dispose()
            self.lock.release()
            self.closed = True


def prepare_database(paths: DataPaths) -> MigrationOutcome:
    """Refuse foreign or newer files; back up, then migrate an older schema to head."""
    path = paths.database
    revision = read_schema_revision(path)
    known = migrations.known_revisions()
    head = known[-1]
    if revision is not None and revision not in known:
        raise DatabaseTooNew(
            f"这个数据库由更新版本的 dangqun 写入（数据库版本 {revision}，本程序最高支持 {head}）。"
            "为保护数据，程序不会打开或降级它。请安装最新版本的 dangqun。"
        )
    if revision is None and path.exists() and path.stat().st_size > 0 and _has_tables(path):
        raise DatabaseFileInvalid(
            f"“{path.name}”是 SQLite 文件，但不是 dangqun 的数据库，程序没有改动它。"
        )
    outcome = MigrationOutcome(revision, head)
    if revision == head:
        return outcome
    if revision is not None:
        outcome.safety_backup = create_backup(
            path, paths.backups, "pre-migration", keys_dir=paths.keys
        )
        log.info("backed up %s before migrating from %s", outcome.safety_backup.path, revision)
    engine = create_sqlite_engine(path)
    try:
        migrations.upgrade_to_head(engine)
    finally:
        engine.dispose()
    log.info("database migrated from %s to %s", revision, head)
    return outcome


def _has_tables(path: Path) -> bool:
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0)
    finally:
        connection.close()


def open_application(paths: DataPaths) -> Application:
    paths.prepare()
    configure_logging(paths.logs)
    lock = InstanceLock(paths.lock_file)
    lock.acquire()
    try:
        outcome = prepare_database(paths)
        database = Database(paths.database)
    except BaseException:
        lock.release()
        raise
    return Application(paths, database, lock, outcome)


def is_initialized(database: Database) -> bool:
    with database.reading() as session:
        return find_center(session) is not None


@dataclass(frozen=True)
class FirstRunAnswers:
    center_name: str
    division_code: str
    admin_username: str
    admin_display_name: str
    admin_password: str
    admin_password_again: str | None = None


def initialize_center(database: Database, answers: FirstRunAnswers) -> CenterInfo:
    """Create the center identity and the first administrator in one audited transaction."""
    errors = validate_center(answers.center_name, answers.division_code)
    errors += validate_new_account(
        answers.admin_username,
        answers.admin_display_name,
        answers.admin_password,
        answers.admin_password_again,
    )
    if errors:
        raise ValidationError(errors)
    actor = system_actor("首次设置")
    with database.unit_of_work(actor) as work:
        if work.session.scalar(select(Center.id)) is not None:
            raise ValidationError.single(
                "center_name", "这个数据目录已经初始化过服务中心，不能重复初始化。"
            )
        center = Center(
            name=answers.center_name.strip(), division_code=answers.division_code.strip()
        )
        work.session.add(center)
        admin = add_user_in_session(
            work.session,
            answers.admin_username,
            answers.admin_display_name,
            Role.ADMIN,
            answers.admin_password,
        )
        work.session.flush()
        work.audit(
            "center.create",
            "center",
            center.uuid,
            None,
            {"name": center.name, "division_code": center.division_code},
        )
        work.audit("user.create", "user", admin.id, None, admin.audit_view())
        work.commit()
    return center_info(database)


def backup_now(application: Application, actor: Actor, kind: str = "manual") -> BackupFile:
    actor.require(Permission.BACKUP)
    backup = create_backup(
        application.paths.database, application.paths.backups, kind, keys_dir=application.paths.keys
    )
    rotate_backups(application.paths.backups)
    with application.database.unit_of_work(actor) as work:
        work.audit("backup.create", "backup", backup.path.name, None, {"kind": kind})
        work.commit()
    return backup


def run_automatic_backup_if_due(
    application: Application, now: datetime | None = None
) -> BackupFile | None:
    """The daily backup, taken the first time the app runs on a given day."""
    now = now or datetime.now()
    if has_automatic_backup_on(application.paths.backups, now):
        return None
    backup = create_backup(
        application.paths.database,
        application.paths.backups,
        "daily",
        now,
        keys_dir=application.paths.keys,
    )
    rotate_backups(application.paths.backups)
    return backup


def backup_on_exit(application: Application) -> BackupFile:
    backup = create_backup(
        application.paths.database,
        application.paths.backups,
        "exit",
        keys_dir=application.paths.keys,
    )
    rotate_backups(application.paths.backups)
    return backup


def restore_from_file(application: Application, actor: Actor, backup_path: Path) -> BackupFile:
    """Replace the live database with a backup; the application's database is reopened.

    Returns the safety backup of the database as it was just before.
    """
    actor.require(Permission.RESTORE)
    application.database.dispose()
    safety = restore_backup(
        backup_path,
        application.paths.database,
        application.paths.backups,
        migrations.known_revisions(),
        keys_dir=application.paths.keys,
    )
    application.migration = prepare_database(application.paths)
    application.database = Database(application.paths.database)
    with application.database.unit_of_work(actor) as work:
        work.audit(
            "backup.restore",
            "backup",
            backup_path.name,
            {"safety_backup": safety.path.name},
            {"restored_from": str(backup_path)},
        )
        work.commit()
    return safety


def check_application(application: Application) -> CheckReport:
    """Every registered rule, the features' included, on a read-only session."""
    schema.load_feature_invariants()
    with application.database.reading() as session:
        return run_checks(session)
