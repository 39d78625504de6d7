"""The meeting editor as ``dangqun screenshot`` draws it, over the 会议记录 page (issue 15).

* ``minutes_editor`` — 会议信息 of the draft with the longest attendance list (a new meeting
  when the center has none);
* ``minutes_attendance`` — its 出席 tab;
* ``minutes_resolution`` — 决议 of the largest draft that has a resolution;
* ``minutes_locked`` — 签字锁定 of the latest signed record, with its corrections.

The demo center's minutes (``dangqun demo``) give each a real record; the clipping test
(tests/ui/test_clipping.py) checks them at 1024×768 and 1280×800, as admin and staff, and at
the largest font.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from dangqun.minutes.service import get_meeting, list_meetings
from dangqun.minutes.vocabulary import MeetingStatus, MeetingType
from dangqun.ui.context import UiContext
from dangqun.ui.minutes.meeting_editor import MeetingEditor

TABS = {
    "minutes_editor": "header",
    "minutes_attendance": "attendance",
    "minutes_resolution": "resolutions",
    "minutes_locked": "sign",
}


def _chosen_meeting(page: str, context: UiContext) -> int | None:
    database, actor = context.application.database, context.actor
    if page == "minutes_locked":
        signed = list_meetings(database, actor, status=MeetingStatus.SIGNED, limit=1)
        return signed[0].id if signed else None
    meetings = list_meetings(database, actor, status=MeetingStatus.DRAFT, limit=200)
    meetings = meetings or list_meetings(database, actor, limit=200)
    meetings.sort(key=lambda meeting: meeting.should_attend, reverse=True)
    if page != "minutes_resolution":
        return meetings[0].id if meetings else None
    # A vote shows the engine's verdict and its article: a general meeting's first.
    voting = list_meetings(database, actor, meeting_type=MeetingType.GENERAL_MEETING, limit=40)
    for meeting in [*voting, *meetings[:40]]:
        if get_meeting(database, actor, meeting.id).resolutions:
            return meeting.id
    return meetings[0].id if meetings else None


def open_dialog(page: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    del scratch  # the editor writes no file while it is only shown
    if page not in TABS:
        raise ValueError(f"not a minutes dialog: {page!r}")
    editor = MeetingEditor(context, _chosen_meeting(page, context), parent)
    editor.show_tab(TABS[page])
    return editor
