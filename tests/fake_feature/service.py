"""The fake feature's service: what its page and command call (the UI opens no session)."""

from sqlalchemy import func, select

from dangqun.core.db import Database
from dangqun.core.security import Actor, Permission
from tests.fake_feature.models import FakeNote


def count_notes(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(FakeNote)) or 0)


def add_note(database: Database, actor: Actor, text: str) -> int:
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        note = FakeNote(text=text)
        work.session.add(note)
        work.session.flush()
        work.audit("fake_note.create", "fake_note", str(note.id), None, {"text": text})
        work.commit()
        return note.id
