"""One family of exceptions whose message is already the Chinese sentence a user reads.

The UI and the CLI show ``str(error)``; nothing above the core has to phrase a failure again.
Validation failures carry the field name so a form can show the message beside that field.
"""

from __future__ import annotations

from dataclasses import dataclass


class DangqunError(Exception):
    """Base of every expected failure; ``message`` is Simplified Chinese, ready to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    """One bad field: ``field`` is the service's parameter name, ``message`` the Chinese reason."""

    field: str
    message: str


class ValidationError(DangqunError):
    """Input refused before anything was written; may name several fields at once."""

    def __init__(self, errors: list[FieldError]) -> None:
        if not errors:
            raise ValueError("ValidationError needs at least one FieldError")
        self.errors = list(errors)
        super().__init__("；".join(error.message for error in self.errors))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls([FieldError(field, message)])

    def message_for(self, field: str) -> str | None:
        """The first message about ``field``, or None when that field is fine."""
        for error in self.errors:
            if error.field == field:
                return error.message
        return None


class PermissionDenied(DangqunError):
    """The signed-in user's role does not allow the action."""


class AuthenticationFailed(DangqunError):
    """Wrong user name or password, or a disabled account."""


class AccountLocked(DangqunError):
    """Too many wrong passwords; the account opens again at ``until``."""


class NotFound(DangqunError):
    """The record the action refers to does not exist (any more)."""


class DataDirectoryError(DangqunError):
    """The data directory cannot be created or written."""


class InstanceAlreadyRunning(DangqunError):
    """Another process holds the data directory's lock file."""


class DatabaseFileInvalid(DangqunError):
    """The database file is not an SQLite database, or it is damaged."""


class DatabaseTooNew(DangqunError):
    """The database was written by a newer dangqun; it is never migrated down."""


class BackupError(DangqunError):
    """A backup or restore could not be completed; the live database is unchanged."""


class NotInitialized(DangqunError):
    """The data directory has no center yet: run the first-run wizard or ``dangqun init``."""


class StorageError(DangqunError):
    """The database file could not be written or read: the disk is full, the file is
    read-only, or the disk failed. Raised instead of SQLAlchemy's own error, whose text names
    the statement, so that a user reads what happened, that nothing was saved and what to do
    (issue 10); :mod:`dangqun.core.db` decides which subclass."""


class DiskFull(StorageError):
    """SQLite's "database or disk is full": the disk holding the data directory has no room."""


class DatabaseReadOnly(StorageError):
    """SQLite's "attempt to write a readonly database": the file or its folder refuses writes."""


class DatabaseUnavailable(StorageError):
    """SQLite's "disk I/O error" or "unable to open database file": the disk failed or is gone."""


class OtherCenterBackup(BackupError):
    """The backup belongs to another center (issue 10: one replaced a center's identity
    silently). Restoring it anyway needs an explicit second "yes" (``allow_other_center``);
    ``backup_center`` and ``this_center`` name both, as "name（区划代码 …）", for that question."""

    def __init__(self, message: str, backup_center: str, this_center: str) -> None:
        super().__init__(message)
        self.backup_center = backup_center
        self.this_center = this_center
