"""One user action = one transaction that also writes its audit record.

Services open ``with database.unit_of_work(actor) as work:``, change rows through
``work.session``, call ``work.audit(...)`` and finally ``work.commit()``. Leaving the block
without ``commit()`` — by an exception or by forgetting — rolls everything back, audit included,
so nothing is ever half-written (Cosmic Python's unit of work).

It is also the one place every write passes, so it is where a disk that refuses the write —
full, read-only, failing — turns from SQLAlchemy's ``OperationalError`` into a
:class:`~dangqun.core.errors.StorageError` saying that nothing was saved and what to do
(issue 10; :func:`dangqun.core.db.storage_error`). An import, the demo generator or an export's
audit entry all end in that message whether SQLite refused at a flush or at the commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from dangqun.core.audit import append_audit_entry
from dangqun.core.db import Database, storage_error
from dangqun.core.security import Actor


class UnitOfWork:
    def __init__(self, database: Database, actor: Actor, *, stamping: bool = True) -> None:
        self.database = database
        self.actor = actor
        self.stamping = stamping
        """False for an import keeping the sender's sync columns (:meth:`Database.unit_of_work`)."""
        self._session: Session | None = None
        self._committed = False

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its 'with' block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self.database.new_write_session(stamping=self.stamping)
        self._session.begin()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        session = self.session
        failure = exc
        try:
            if not self._committed:
                session.rollback()
        except DBAPIError as rollback_error:
            # A failing disk may refuse the rollback too; the first error is the one to tell.
            if failure is None:
                failure = rollback_error
        finally:
            session.close()
            self._session = None
        if isinstance(failure, DBAPIError):
            translated = storage_error(failure, self.database.path, writing=True)
            if translated is not None:
                raise translated from failure
        if failure is not None and failure is not exc:
            raise failure

    def audit(
        self,
        action: str,
        entity_type: str,
        entity_id: object | None = None,
        before: Mapping[str, Any] | None = None,
        after: Mapping[str, Any] | None = None,
    ) -> None:
        append_audit_entry(self.session, self.actor, action, entity_type, entity_id, before, after)

    def commit(self) -> None:
        self.session.commit()
        self._committed = True
