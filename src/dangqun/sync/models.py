"""The center's sync bookkeeping: its database id, the packages it made, the receipts it read.

None of these tables is synced (they describe the exchange, they are not the center's records):
they inherit :class:`~dangqun.core.model_base.Base` only.

Database id (issue 16, Morango's rule): the district tracks ``(database_id, change_seq)`` per
center, so a restored or copied database must never reuse the id its counters were sent under.
:class:`DatabaseIdentity` holds one row: the id and what it is bound to — the database file's
resolved path and inode (``<path>|<st_ino>``). A restore drops the row while preparing the
restored file (:func:`dangqun.core.restore.seal_prepared`); a copied or moved data directory is
a different file (another inode, another path), so the binding no longer matches. Either way
the next export makes a new id (:func:`dangqun.sync.export.current_database_id`), and the first
package under a new id is a full one. A false alarm (a data directory moved, not copied) costs
only one full package; a copy that went unnoticed would make two databases send different rows
under one counter, which is why the binding errs on the side of a new id.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from dangqun.core.model_base import Base, UTCDateTime


class DatabaseIdentity(Base):
    """One row: this database's id for sync and the file identity it belongs to."""

    __tablename__ = "database_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    database_id: Mapped[str] = mapped_column(String(36))
    bound_to: Mapped[str] = mapped_column(String(1024), default="", server_default="")
    """``<resolved database path>|<inode>``; empty until the first export binds it."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SentPackage(Base):
    """A package this center made (issue 16: history of packages sent, with status)."""

    __tablename__ = "sync_packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    database_id: Mapped[str] = mapped_column(String(36))
    file_name: Mapped[str] = mapped_column(String(128))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    counter_from: Mapped[int] = mapped_column(Integer)
    counter_to: Mapped[int] = mapped_column(Integer)
    full: Mapped[bool] = mapped_column(Boolean)
    encrypted: Mapped[bool] = mapped_column(Boolean)
    rows: Mapped[int] = mapped_column(Integer)
    tombstones: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    receipt_status: Mapped[str | None] = mapped_column(String(32), nullable=True)
    """The district's word: ``imported`` or ``already_imported``."""


class ReceivedReceipt(Base):
    """A district receipt read at this center (history page; the audit log has the actor)."""

    __tablename__ = "sync_receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(128))
    district_name: Mapped[str] = mapped_column(String(100))
    district_fingerprint: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[str] = mapped_column(String(40))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged: Mapped[int] = mapped_column(Integer)
    """How many packages it acknowledged for the first time."""
