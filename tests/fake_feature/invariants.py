"""A rule ``dangqun check`` must run once the fake feature is registered."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangqun.core.invariants import invariant
from tests.fake_feature.models import FakeNote


@invariant("fake_notes_have_text", "测试便条")
def fake_notes_have_text(session: Session) -> list[str]:
    empty = session.scalars(select(FakeNote.id).where(FakeNote.text == "")).all()
    return [f"第 {number} 条便条没有内容" for number in empty]
