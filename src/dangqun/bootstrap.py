"""The composition root: the one place that opens a data directory and wires what uses it.

Order matters and each step can refuse with a Chinese message, leaving data untouched:
data directory writable → single-instance lock → database file is SQLite → not from a newer
version (:mod:`dangqun.opening`, no SQLAlchemy) → automatic backup → migrate → open (here).
Every CLI command goes through :func:`open_application`; the GUI runs the two halves apart.
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
from dangqun.core.db import Database, create_sqlite_engine
from dangqun.core.errors import ValidationError
from dangqun.core.instance_lock import InstanceLock
from dangqun.core.invariants import CheckReport, run_checks
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor, Permission, Role, system_actor
from dangqun.core.users import add_user_in_session, validate_new_account
from dangqun.opening import ClaimedDirectory, checked_schema_revision, claim_data_directory

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


def migrate_to_head(claimed: ClaimedDirectory) -> MigrationOutcome:
    """Back up, then migrate an older schema to head (nothing to do when it is current)."""
    outcome = MigrationOutcome(claimed.revision, claimed.head)
    if not claimed.needs_migration:
        return outcome
    paths = claimed.paths
    if claimed.revision is not None:
        outcome.safety_backup = create_backup(
            paths.database, paths.backups, "pre-migration", keys_dir=paths.keys
        )
        log.info(
            "backed up %s before migrating from %s", outcome.safety_backup.path, claimed.revision
        )
    engine = create_sqlite_engine(paths.database)
    try:
        migrations.upgrade_to_head(engine)
    finally:
        engine.dispose()
    log.info("database migrated from %s to %s", claimed.revision, claimed.head)
    return outcome


def finish_opening(claimed: ClaimedDirectory) -> Application:
    """Step 2 of :mod:`dangqun.opening`: migrate if needed and open the engine.

    On failure the lock is released, so the caller is left holding nothing.
    """
    try:
        outcome = migrate_to_head(claimed)
        database = Database(claimed.paths.database)
    except BaseException:
        claimed.lock.release()
        raise
    return Application(claimed.paths, database, claimed.lock, outcome)


def open_application(paths: DataPaths) -> Application:
    """Both steps at once: what the CLI, screenshots and tests use."""
    return finish_opening(claim_data_directory(paths))


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
    paths = application.paths
    restored = ClaimedDirectory(
        paths, application.lock, checked_schema_revision(paths.database), migrations.head_revision()
    )
    application.migration = migrate_to_head(restored)
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
