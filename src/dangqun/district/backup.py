"""Backups of the district database (issue 17: "backups: SQLite file; for PostgreSQL say how to
use ``pg_dump``, and ``district backup`` runs it").

An SQLite district database is copied as a center's is (:func:`dangqun.core.backup.
create_backup`: SQLite's online backup API, an integrity check, an owner-only file named
``dangqun-<time>-manual.sqlite3``). A PostgreSQL one is dumped by PostgreSQL's own ``pg_dump``
in its custom format (``pg_restore`` reads it back), because only the server's tool copies a
live database consistently; the password travels in ``PGPASSWORD``, never on the command line
another account could read with ``ps``. Each backup is recorded in the district's audit.

The district's private keys are not in the database and are not in the backup: they are backed
up apart, as ``district init`` says (:mod:`dangqun.district.database`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dangqun.core.backup import create_backup
from dangqun.core.errors import BackupError
from dangqun.core.paths import make_private_directory
from dangqun.core.security import Actor, Permission
from dangqun.district.database import DistrictDatabase, DistrictError, shown

PG_DUMP = "pg_dump"
PG_DUMP_TIMEOUT_SECONDS = 3600


@dataclass(frozen=True)
class DistrictBackup:
    path: Path
    size_bytes: int
    tool: str
    """``sqlite`` (file copy) or ``pg_dump`` (custom-format dump)."""


def back_up_district(
    db: DistrictDatabase, out: Path, actor: Actor | None = None, now: datetime | None = None
) -> DistrictBackup:
    """Back the district database up into the folder ``out`` (created if missing).

    ``actor`` is the signed-in workbench user (who needs the 备份数据 permission); the command
    line passes none and runs with the operating-system account's authority.
    """
    if actor is not None:
        actor.require(Permission.BACKUP)
    if out.exists() and not out.is_dir():
        raise DistrictError(f"--out：“{out}”不是文件夹。")
    now = now or datetime.now()
    if db.path is not None:
        try:
            made = create_backup(db.path, out, "manual", now)
        except BackupError as error:
            raise DistrictError(error.message) from error
        result = DistrictBackup(made.path, made.size_bytes, "sqlite")
    else:
        result = _pg_dump(db, out, now)
    with db.writing() as session:
        db.audit(
            session,
            "district.backup",
            {"file": str(result.path), "tool": result.tool, "bytes": result.size_bytes},
        )
        session.commit()
    return result


def _pg_dump(db: DistrictDatabase, out: Path, now: datetime) -> DistrictBackup:
    program = shutil.which(PG_DUMP)
    if program is None:
        raise DistrictError(
            "找不到 PostgreSQL 的备份程序 pg_dump。请安装 PostgreSQL 客户端"
            "（Debian/Ubuntu：sudo apt install postgresql-client；Windows：安装 PostgreSQL 时勾选"
            "“Command Line Tools”，并把其 bin 文件夹加入 PATH），然后重试。数据库没有改动。"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
        make_private_directory(out)
    except OSError as error:
        raise DistrictError(f"无法创建备份文件夹“{out}”（{error.strerror or error}）。") from None
    url = db.url
    target = out / f"dangqun-district-{url.database}-{now:%Y%m%d-%H%M%S}.dump"
    partial = target.with_name(target.name + ".partial")
    environment = dict(os.environ)
    if url.password is not None:
        environment["PGPASSWORD"] = str(url.password)
    command = [program, "--format=custom", "--no-owner", f"--file={partial}"]
    if url.host:
        command.append(f"--host={url.host}")
    if url.port:
        command.append(f"--port={url.port}")
    if url.username:
        command.append(f"--username={url.username}")
    command.append(f"--dbname={url.database}")
    try:
        finished = subprocess.run(
            command,
            env=environment,
            capture_output=True,
            text=True,
            timeout=PG_DUMP_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        partial.unlink(missing_ok=True)
        raise DistrictError(f"pg_dump 没能运行完（{error}）。数据库没有改动。") from None
    if finished.returncode != 0:
        partial.unlink(missing_ok=True)
        reason = finished.stderr.strip().splitlines()[-1:] or [f"退出码 {finished.returncode}"]
        raise DistrictError(
            f"pg_dump 备份“{shown(url)}”失败：{reason[0]}。"
            "（pg_dump 的版本不能低于数据库服务器的版本。）数据库没有改动。"
        )
    partial.chmod(0o600)
    partial.replace(target)
    return DistrictBackup(target, target.stat().st_size, "pg_dump")
