"""How the shell writes dates, times and backups, the same way on every page and in the bar."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from dangqun.core.backup import BackupFile


def long_date(day: date) -> str:
    """``2026年11月22日 星期日`` in Chinese; the pattern itself is translated."""
    pattern = QCoreApplication.translate("Formatting", "dddd, MMMM d, yyyy")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def moment(when: datetime, today: date | None = None) -> str:
    """``今天 14:05``, ``昨天 18:30`` or ``2026-11-20 18:30`` (local wall-clock time)."""
    today = today or date.today()
    clock = when.strftime("%H:%M")
    days = (today - when.date()).days
    if days == 0:
        return QCoreApplication.translate("Formatting", "today {time}").format(time=clock)
    if days == 1:
        return QCoreApplication.translate("Formatting", "yesterday {time}").format(time=clock)
    return when.strftime("%Y-%m-%d %H:%M")


def describe_backup(backup: BackupFile | None, today: date | None = None) -> tuple[str, str]:
    """(when, what kind) for a card, or a nudge when there is none."""
    if backup is None:
        return (
            QCoreApplication.translate("Formatting", "None yet"),
            QCoreApplication.translate("Formatting", "Nothing has been backed up yet"),
        )
    kind = QCoreApplication.translate("Formatting", "{kind} backup").format(kind=backup.kind_label)
    return moment(backup.taken_at, today), kind
