"""One synced table: rows get uuid and change numbers from the core like any feature's."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from dangqun.core.model_base import Base, SyncedRecord


class FakeNote(SyncedRecord, Base):
    __tablename__ = "fake_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(200))
