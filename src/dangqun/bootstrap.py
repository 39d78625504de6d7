"""The composition root: the one place that opens a data directory and wires what uses it.

Order matters and each step can refuse with a Chinese message, leaving data untouched:
data directory writable → single-instance lock → database file is SQLite → not from a newer
version (:mod:`dangqun.opening`, no SQLAlchemy) → automatic backup → migrate → open (here).
Every CLI command goes through :func:`open_application`; the GUI runs the two halves apart.

Backups and restores (issue 10, "restores that cannot break a center"): each is audited as
started (committed before the copy) and then finished, so a kill in between still leaves a
record; a restore prepares the complete new database aside, checks that it is a dangqun
database of this center whose invariants hold, stamps its own audit entry into it and only then
switches it in with one rename (:mod:`dangqun.core.restore`).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.exc import DatabaseError as SqlAlchemyDatabaseError

from dangqun import features, migrations, schema
from dangqun.core import restore
from dangqun.core.audit import register_action_labels
from dangqun.core.backup import (
    BackupFile,
    check_restorable,
    create_backup,
    has_automatic_backup_on,
    kill_point,
    latest_backup,
    rotate_backups,
)
from dangqun.core.center import (
    FIRST_RUN_ACTOR,
    Center,
    CenterContact,
    CenterInfo,
    center_info,
    default_party_organization,
    find_center,
    validate_center,
    validate_contact,
)
from dangqun.core.database_file import is_missing_or_empty, read_only_reason, read_schema_revision
from dangqun.core.db import Database, create_sqlite_engine
from dangqun.core.errors import BackupError, FieldError, OtherCenterBackup, ValidationError
from dangqun.core.instance_lock import InstanceLock
from dangqun.core.invariants import CheckReport, run_checks
from dangqun.core.parsing import clean_text
from dangqun.core.paths import DataPaths
from dangqun.core.security import Actor, Permission, Role, system_actor
from dangqun.core.users import add_user_in_session, validate_new_account
from dangqun.opening import ClaimedDirectory, claim_data_directory

log = logging.getLogger(__name__)

register_action_labels({"backup.started": "开始备份", "restore.started": "开始恢复"})
"""The "started" halves of a backup or restore; "backup.create" / "backup.restore" finish them."""


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
        outcome.safety_backup = create_backup(paths.database, paths.backups, "pre-migration")
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
    party_organization: str = ""
    """The community party organization's full name; blank: derived from the center's name
    (:func:`~dangqun.core.center.default_party_organization`)."""
    contact: CenterContact = field(default_factory=CenterContact)
    """Address, contact person and phone (optional); ``party_organization`` above wins."""
    feature_setup: bool = True
    """Run the features' first-run steps (``Feature.first_run``: the 社区党组织). Tests that
    build a whole tree of their own from the 街道党工委 down turn it off."""

    @property
    def party_organization_name(self) -> str:
        return clean_text(self.party_organization) or default_party_organization(self.center_name)


def validate_first_run(answers: FirstRunAnswers) -> tuple[CenterContact, list[FieldError]]:
    """Every answer checked at once: the center, its party organization and contact details,
    the administrator. Returns the contact details as they will be stored."""
    errors = validate_center(answers.center_name, answers.division_code)
    contact, contact_errors = validate_contact(
        replace(answers.contact, party_organization=answers.party_organization_name)
    )
    if not contact.party_organization and not any(error.field == "center_name" for error in errors):
        contact_errors.insert(
            0,
            FieldError(
                "party_organization",
                "请填写社区党组织的全称（例如 中共翠湖社区委员会）：从中心名称看不出社区名",
            ),
        )
    errors += contact_errors
    errors += validate_new_account(
        answers.admin_username,
        answers.admin_display_name,
        answers.admin_password,
        answers.admin_password_again,
    )
    return contact, errors


def initialize_center(
    database: Database, answers: FirstRunAnswers, keys_directory: Path | None = None
) -> CenterInfo:
    """Create the center identity, the first administrator and what the features set up on the
    first run (the 社区党组织, issue 11) in one audited transaction: all or nothing. Then, given
    the data directory's ``keys/``, the features' first-run keys (the sync signing key)."""
    contact, errors = validate_first_run(answers)
    if errors:
        raise ValidationError(errors)
    actor = system_actor(FIRST_RUN_ACTOR)
    with database.unit_of_work(actor) as work:
        if work.session.scalar(select(Center.id)) is not None:
            raise ValidationError.single(
                "center_name", "这个数据目录已经初始化过服务中心，不能重复初始化。"
            )
        center = Center(
            name=answers.center_name.strip(),
            division_code=answers.division_code.strip(),
            party_organization=contact.party_organization,
            address=contact.address,
            contact_person=contact.contact_person,
            contact_phone=contact.contact_phone,
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
            {"name": center.name, "division_code": center.division_code}
            | center.contact.audit_view(),
        )
        work.audit("user.create", "user", admin.id, None, admin.audit_view())
        if answers.feature_setup:
            for _feature, set_up in features.loaded("first_run"):
                set_up(work, center.info)
        work.commit()
    if keys_directory is not None:
        for _feature, make_keys in features.loaded("first_run_keys"):
            make_keys(keys_directory)
    return center_info(database)


def backup_now(application: Application, actor: Actor, kind: str = "manual") -> BackupFile:
    """A backup a user asked for: audited as started before the copy, finished after it."""
    actor.require(Permission.BACKUP)
    refusal = read_only_reason(application.paths.database)
    if refusal is not None:
        raise BackupError(f"备份失败：{refusal}")
    with application.database.unit_of_work(actor) as work:
        work.audit("backup.started", "backup", None, None, {"kind": kind})
        work.commit()
    kill_point("backup-started")
    backup = create_backup(application.paths.database, application.paths.backups, kind)
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
    backup = create_backup(application.paths.database, application.paths.backups, "daily", now)
    rotate_backups(application.paths.backups)
    return backup


def backup_on_exit(application: Application) -> BackupFile:
    backup = create_backup(application.paths.database, application.paths.backups, "exit")
    rotate_backups(application.paths.backups)
    return backup


def missing_database_backup(paths: DataPaths) -> BackupFile | None:
    """The newest backup, when the database file is missing or empty but backups exist.

    Issue 10: with a deleted or zero-length database beside a center's backups, ``check`` said
    检查通过 and ``init`` made a new center. The CLI refuses and names this backup; the GUI
    offers to restore it instead of the first-run wizard.
    """
    if not is_missing_or_empty(paths.database):
        return None
    return latest_backup(paths.backups)


def _center_label(info: CenterInfo) -> str:
    return f"{info.name}（区划代码 {info.division_code}）"


def _prepared_problems(
    database: Database, backup_name: str, this_center: CenterInfo | None, allow_other_center: bool
) -> list[str]:
    """What makes the prepared copy unfit to replace this center's database (issue 10).

    A file holding only ``alembic_version`` was once restored: every table the models declare
    must be there, a center must be registered, and every registered invariant (the features',
    and the audit chain's) must hold. Another center's backup is refused unless asked for.
    """
    present = set(inspect(database.engine).get_table_names())
    missing = sorted(set(schema.metadata.tables) - present)
    if missing:
        return [f"缺少数据表：{'、'.join(missing)}"]
    schema.load_feature_invariants()
    with database.reading() as session:
        backup_center = find_center(session)
        report = run_checks(session)
    problems = list(report.problems)
    if backup_center is None:
        problems.insert(0, "备份中没有登记服务中心")
    elif (
        this_center is not None
        and backup_center.center_id != this_center.center_id
        and not allow_other_center
    ):
        theirs = _center_label(
            CenterInfo(backup_center.center_id, backup_center.name, backup_center.division_code)
        )
        ours = _center_label(this_center)
        raise OtherCenterBackup(
            f"“{backup_name}”是另一个服务中心“{theirs}”的备份，不是本中心“{ours}”的。"
            "用它恢复会用那个中心的全部数据（包括中心信息）替换本中心的数据；"
            "如确实要这样做，请明确确认（命令行：restore --other-center）。",
            theirs,
            ours,
        )
    return problems


def _this_center(database: Database) -> CenterInfo | None:
    with database.reading() as session:
        center = find_center(session)
        if center is None:
            return None
        return CenterInfo(center.center_id, center.name, center.division_code)


def restore_from_file(
    application: Application,
    actor: Actor,
    backup_path: Path,
    allow_other_center: bool = False,
) -> BackupFile:
    """Replace the live database with a backup, as one atomic switch; returns the safety backup.

    Order (issue 10, :mod:`dangqun.core.restore`): check the file → audit "restore.started"
    (committed) → back up the current data ("pre-restore") → copy the backup aside, migrate it,
    take an old backup's keys where this directory has none, check tables, center and
    invariants on the copy → stamp "backup.restore" into the copy → close our engine → one
    rename → reopen. A kill anywhere leaves either the old or the new database in full.
    Another center's backup raises :class:`OtherCenterBackup` unless ``allow_other_center``.
    """
    actor.require(Permission.RESTORE)
    paths = application.paths
    check_restorable(backup_path, migrations.known_revisions())
    this_center = _this_center(application.database)
    with application.database.unit_of_work(actor) as work:
        work.audit(
            "restore.started", "backup", backup_path.name, None, {"restore_from": str(backup_path)}
        )
        work.commit()
    kill_point("restore-started")
    safety = create_backup(paths.database, paths.backups, "pre-restore")
    prepared_path = restore.copy_to_prepared(backup_path, paths.database)
    try:
        revision = read_schema_revision(prepared_path)
        engine = create_sqlite_engine(prepared_path)
        try:
            migrations.upgrade_to_head(engine)
        finally:
            engine.dispose()
        kill_point("restore-migrated")
        prepared = Database(prepared_path)
        try:
            problems = _prepared_problems(
                prepared, backup_path.name, this_center, allow_other_center
            )
            if problems:
                listed = "\n".join(f"· {problem}" for problem in problems[:20])
                raise BackupError(
                    f"不能用“{backup_path.name}”恢复：它不是一份完整、可用的 dangqun 数据库。"
                    f"发现的问题：\n{listed}\n当前数据没有改动。"
                )
            restored_keys = restore.take_key_files(prepared_path, paths.keys)
            with prepared.unit_of_work(actor) as work:
                work.audit(
                    "backup.restore",
                    "backup",
                    backup_path.name,
                    {"safety_backup": safety.path.name},
                    {"restored_from": str(backup_path), "restored_key_files": restored_keys},
                )
                work.commit()
        finally:
            prepared.dispose()
        restore.seal_prepared(prepared_path)
        kill_point("restore-prepared")
    except BaseException:
        restore.remove_with_side_files(prepared_path)
        raise
    application.database.dispose()
    try:
        restore.switch_to_prepared(paths.database)
    except (OSError, BackupError) as error:
        restore.recover_interrupted_restore(paths.database)
        restore.remove_with_side_files(prepared_path)
        application.database = Database(paths.database)
        if isinstance(error, BackupError):
            raise
        raise BackupError(
            f"恢复失败：无法替换数据库文件（{error.strerror or error}）。当前数据没有改动。"
        ) from error
    application.migration = MigrationOutcome(revision, migrations.head_revision())
    application.database = Database(paths.database)
    return replace(safety, restored_key_files=tuple(restored_keys))


def check_application(application: Application) -> CheckReport:
    """Every registered rule, the features' included, on a read-only session.

    A damaged file (issue 10: 64 bytes of 0xFF mid-file) makes SQLite raise "database disk
    image is malformed" from whichever query reaches the bad page first; that is the finding,
    reported as a problem line, not a traceback.
    """
    schema.load_feature_invariants()
    try:
        with application.database.reading() as session:
            return run_checks(session)
    except (SqlAlchemyDatabaseError, sqlite3.DatabaseError) as error:
        original = getattr(error, "orig", None) or error
        return CheckReport(
            problems=[
                f"数据库文件已损坏，检查无法完成（{original}）。"
                "请从备份恢复（dangqun restore 备份文件）。"
            ],
            checks_run=["integrity_check"],
        )
