"""What the 数据同步 page shows, read in one call on the thread pool, and how it is worded.

:func:`load_overview` gathers the keys (the center's public key file and fingerprint, the
installed district key), the packages sent and the receipts read through the sync services
(:mod:`dangqun.sync`), so the page never opens a session. A damaged district key file is not a
failure of the page: it is reported in :attr:`SyncOverview.district_problem`, so the clerk sees
the history and is told to install the key again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from dangqun.core.db import Database
from dangqun.core.security import Actor
from dangqun.sync import crypto, export, keys, receipts
from dangqun.ui.formatting import moment


@dataclass(frozen=True)
class SyncOverview:
    public_key_path: Path
    grouped_fingerprint: str
    district: crypto.PublicKeyFile | None
    district_problem: str
    """Why the installed district key file cannot be used (Chinese), or empty."""
    packages: list[export.PackageHistoryRow]
    receipts: list[receipts.ReceiptHistoryRow]

    @property
    def district_fingerprint(self) -> str:
        return "" if self.district is None else self.district.signing_fingerprint

    @property
    def waiting(self) -> int:
        """Packages the district has not acknowledged yet (待确认)."""
        return sum(1 for row in self.packages if row.acknowledged_at is None)


def load_overview(database: Database, keys_directory: Path, actor: Actor) -> SyncOverview:
    """Everything the page shows (VIEW; makes the center's signing key on first use)."""
    problem = ""
    try:
        overview = keys.show_keys(database, keys_directory, actor)
        district = overview.district
    except crypto.KeyFileError as error:
        # Only the district file can be damaged here: the center's own key is made if missing.
        problem = error.message
        district = None
        overview = keys.KeyOverview(
            keys_directory / keys.CENTER_PUBLIC_KEY_FILE,
            crypto.fingerprint(keys.center_signing_key(keys_directory).public_key()),
            None,
        )
    return SyncOverview(
        overview.public_key_path,
        overview.grouped_fingerprint,
        district,
        problem,
        export.package_history(database, actor),
        receipts.receipt_history(database, actor),
    )


def local_moment(when: datetime) -> str:
    """A stored UTC instant as the clerk's wall clock reads it (``今天 14:05``)."""
    aware = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return moment(aware.astimezone().replace(tzinfo=None))


def issued_moment(text: str) -> str:
    """A receipt's signed ``created_at`` (UTC ISO text) in local time; unreadable text as is."""
    try:
        return local_moment(datetime.fromisoformat(text))
    except ValueError:
        return text


def file_size(size: int) -> str:
    """``812 KB``, ``3.4 MB``: enough to judge whether it fits the USB stick or an e-mail."""
    if size < 1024 * 1024:
        return QCoreApplication.translate("SyncOverview", "{size} KB").format(
            size=max(1, round(size / 1024))
        )
    return QCoreApplication.translate("SyncOverview", "{size} MB").format(
        size=f"{size / (1024 * 1024):.1f}"
    )


def counter_range(counter_from: int, counter_to: int) -> str:
    """The change counter range a package covers: after ``counter_from`` up to ``counter_to``
    (exclusive/inclusive, as the manifest states it)."""
    if counter_to <= counter_from:
        return QCoreApplication.translate("SyncOverview", "no changes")
    return QCoreApplication.translate("SyncOverview", "{start}–{end}").format(
        start=f"{counter_from + 1:,}", end=f"{counter_to:,}"
    )


def status_text(acknowledged_at: datetime | None, receipt_status: str | None) -> str:
    """待确认 until a receipt names the package, then 已确认 (the district's word kept)."""
    if acknowledged_at is None:
        return QCoreApplication.translate("SyncOverview", "Awaiting confirmation")
    if receipt_status == "already_imported":
        return QCoreApplication.translate("SyncOverview", "Confirmed (already imported)")
    return QCoreApplication.translate("SyncOverview", "Confirmed")
