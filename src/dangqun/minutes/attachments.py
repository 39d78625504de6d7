"""A meeting's attachments (photos, scans, PDF, Office, text; issue 15): added, removed and
opened again.

Each is copied owner-only to ``attachments/<meeting uuid>/`` and its bytes kept in the local
table ``minutes_attachment_contents``: ``core/backup.py`` copies the database file only, so
keeping the bytes in the database is what puts them in every backup; :func:`attachment_file`
rewrites a missing or damaged file from there. At most ``minutes_attachment_max_mb`` (setting)
each and :data:`MAX_ATTACHMENTS_PER_MEETING` per meeting; a signed record takes none.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import delete, func, select

from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotFound, ValidationError
from dangqun.core.paths import make_private_directory, write_private_file
from dangqun.core.security import Actor, Permission
from dangqun.core.settings import get_setting
from dangqun.minutes.editing import find_meeting, optional_text, refuse_if_locked
from dangqun.minutes.minutes_settings import ATTACHMENT_MAX_MB
from dangqun.minutes.models import Attachment, AttachmentContent

ATTACHMENTS_FOLDER = "attachments"
ATTACHMENT_SUFFIXES = (".jpg", ".jpeg", ".png", ".pdf", ".docx", ".doc", ".xlsx", ".txt")
MAX_ATTACHMENTS_PER_MEETING = 30


def add_attachment(
    database: Database, actor: Actor, meeting_id: int, path: Path, caption: str | None = None
) -> int:
    """Attach a photo or scan: copied owner-only to ``attachments/<meeting uuid>/`` and kept in
    the database too (``minutes_attachment_contents``), so backups carry it. Returns its id."""
    actor.require(Permission.EDIT_RECORDS)
    source = Path(path)
    errors: list[FieldError] = []
    if not source.is_file():
        errors.append(FieldError("file", f"文件“{source}”不存在"))
    elif source.suffix.lower() not in ATTACHMENT_SUFFIXES:
        errors.append(FieldError("file", "附件只能是照片（JPG、PNG）、PDF、Word、Excel 或文本文件"))
    cleaned_caption = optional_text(errors, "caption", "附件说明", caption, 200)
    if errors:
        raise ValidationError(errors)
    if database.path is None:
        raise ValidationError.single("file", "这个数据库不在本机文件夹中，不能保存附件")
    written: Path | None = None
    try:
        with database.unit_of_work(actor) as work:
            session = work.session
            meeting = find_meeting(session, meeting_id)
            refuse_if_locked(meeting)
            limit = int(get_setting(session, ATTACHMENT_MAX_MB))
            size = source.stat().st_size
            if size > limit * 1024 * 1024:
                raise ValidationError.single(
                    "file", f"附件太大（最大 {limit} MB），请压缩照片后再添加"
                )
            count = session.scalar(
                select(func.count())
                .select_from(Attachment)
                .where(Attachment.meeting_id == meeting.id)
            )
            if (count or 0) >= MAX_ATTACHMENTS_PER_MEETING:
                raise ValidationError.single(
                    "file", f"一次会议最多 {MAX_ATTACHMENTS_PER_MEETING} 个附件"
                )
            data = source.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            relative = f"{ATTACHMENTS_FOLDER}/{meeting.uuid}/{digest}{source.suffix.lower()}"
            attachment = Attachment(
                meeting_id=meeting.id,
                file_name=source.name[:200],
                stored_path=relative,
                size=len(data),
                sha256=digest,
                caption=cleaned_caption,
            )
            session.add(attachment)
            session.flush()
            session.add(AttachmentContent(attachment_id=attachment.id, data=data))
            target = database.path.parent / relative
            if not target.exists():
                _private_folders(database.path.parent, target.parent)
                write_private_file(target, data)
                written = target
            work.audit(
                "minutes.attachment.add",
                "minutes_meeting",
                meeting.id,
                None,
                {"file_name": attachment.file_name, "size": attachment.size, "sha256": digest},
            )
            work.commit()
            return attachment.id
    except BaseException:
        if written is not None:
            written.unlink(missing_ok=True)
        raise


def _private_folders(root: Path, folder: Path) -> None:
    for part in (root / ATTACHMENTS_FOLDER, folder):
        part.mkdir(mode=0o700, exist_ok=True)
        make_private_directory(part)


def remove_attachment(database: Database, actor: Actor, attachment_id: int) -> None:
    """Remove an attachment of a draft (the file goes once no other attachment shares it)."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        session = work.session
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise NotFound(f"附件 {attachment_id} 不存在（可能已被删除）")
        meeting = find_meeting(session, attachment.meeting_id)
        refuse_if_locked(meeting)
        stored, name = attachment.stored_path, attachment.file_name
        session.execute(
            delete(AttachmentContent).where(AttachmentContent.attachment_id == attachment.id)
        )
        session.delete(attachment)
        session.flush()
        shared = session.scalar(
            select(func.count()).select_from(Attachment).where(Attachment.stored_path == stored)
        )
        work.audit(
            "minutes.attachment.remove", "minutes_meeting", meeting.id, {"file_name": name}, None
        )
        work.commit()
    if not shared and database.path is not None:
        (database.path.parent / stored).unlink(missing_ok=True)


def attachment_file(database: Database, actor: Actor, attachment_id: int) -> Path:
    """The attachment's file, for the system viewer; written again from the database when it
    is missing or damaged (after a restore, or a file deleted by hand)."""
    actor.require(Permission.VIEW)
    if database.path is None:
        raise ValidationError.single("file", "这个数据库不在本机文件夹中，没有附件文件")
    with database.reading() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise NotFound(f"附件 {attachment_id} 不存在（可能已被删除）")
        target = database.path.parent / attachment.stored_path
        if (
            target.is_file()
            and hashlib.sha256(target.read_bytes()).hexdigest() == attachment.sha256
        ):
            return target
        content = session.get(AttachmentContent, attachment.id)
        if content is None:
            raise NotFound(
                f"附件“{attachment.file_name}”的内容不在本机（同步来的记录只带附件信息）"
            )
        _private_folders(database.path.parent, target.parent)
        write_private_file(target, content.data)
        return target
