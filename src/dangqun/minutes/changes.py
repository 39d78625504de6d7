"""The minutes module's entity kinds for typed change notices (:mod:`dangqun.core.changes`)."""

from dangqun.core.changes import Entity

MEETING = Entity("minutes_meeting")
"""Meetings and everything recorded in them: attendance, agenda, resolutions, attachments,
signatures and corrections — so editors, lists, the compliance view and the home page."""
DRAFT = Entity("minutes_draft")
"""A user's autosaved typing (the editor offers to restore it)."""
