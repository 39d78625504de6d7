"""The sync module's entity kind for typed change notices (:mod:`dangqun.core.changes`)."""

from dangqun.core.changes import Entity

SYNC = Entity("sync")
"""Packages made, receipts read, the district key installed: the 数据同步 page's history and
key status (issue 16)."""
