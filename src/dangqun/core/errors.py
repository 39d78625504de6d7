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
