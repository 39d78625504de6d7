"""One user action = one transaction that also writes its audit record.

Services open ``with database.unit_of_work(actor) as work:``, change rows through
``work.session``, call ``work.audit(...)`` and finally ``work.commit()``. Leaving the block
without ``commit()`` — by an exception or by forgetting — rolls everything back, audit included,
so nothing is ever half-written (Cosmic Python's unit of work).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any

from sqlalchemy.orm import Session

from dangqun.core.audit import append_audit_entry
from dangqun.core.db import Database
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
        try:
            if not self._committed:
                session.rollback()
        finally:
            session.close()
            self._session = None

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
