"""The register of issued documents (文书登记簿, issue 12): one row per document issued.

A row is written the first time a registered kind (a document carrying a verification code,
printed from a record: :attr:`dangqun.printing.kinds.DocumentKind.registration`) is printed for
a record, and kept for good: a re-print counts on the same row, a void is recorded on it (who,
when, why) and never deletes it. The short check code printed under the QR code is the key a
clerk types into ``dangqun verify``; the full code stored beside it is what is then verified
with the center's key. A synced table, so the district can carry the register later.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from dangqun.core.model_base import Base, SyncedRecord, UTCDateTime


class IssuedDocument(SyncedRecord, Base):
    __tablename__ = "issued_documents"
    __table_args__ = (
        UniqueConstraint("kind", "year", "sequence", name="uq_issued_documents_kind_year_sequence"),
        # At most one document in force per record and kind: a re-print finds it, and a new
        # number is issued only after it was voided.
        Index(
            "ix_issued_documents_in_force",
            "kind",
            "subject_key",
            unique=True,
            sqlite_where=text("voided_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    subject_key: Mapped[str] = mapped_column(String(64))
    """The record the document was printed from (what ``--id`` named)."""
    subject: Mapped[str] = mapped_column(String(100))
    """The person (or record) it names, as printed."""
    facts_json: Mapped[str] = mapped_column(Text)
    """The certified facts as printed, a JSON list in the kind's field order."""
    full_code: Mapped[str] = mapped_column(Text)
    check_code: Mapped[str] = mapped_column(String(24), unique=True)
    """Ungrouped, upper case (``ZRAEXX7QEVPIYUX2``): what a typed short code is looked up by."""
    issued_on: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[str] = mapped_column(String(64))
    """The issuing user's display name, as the paper names the handler."""
    reprint_count: Mapped[int] = mapped_column(Integer, default=0)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    voided_by: Mapped[str] = mapped_column(String(64), default="")
    void_reason: Mapped[str] = mapped_column(String(200), default="")
