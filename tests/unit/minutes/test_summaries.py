"""Meeting lists and search hits carry each meeting's 应到 / 实到, counted for the listed
meetings only (issue 15 "Performance": the counts were once grouped over every attendance line
of every year, which kept search over ten years of minutes above 50 ms)."""

from __future__ import annotations

from dangqun.minutes import service
from tests.unit.minutes.conftest import NOW, meeting_form


def test_listed_meetings_carry_their_own_counts(database, admin, center):
    held = service.create_meeting(database, admin, meeting_form(center, topic="加装电梯协商"))
    service.fill_attendance_from_roster(database, admin, held, now=NOW)
    figures = service.get_meeting(database, admin, held).figures
    empty = service.create_meeting(database, admin, meeting_form(center, topic="加装电梯回访"))

    listed = {s.id: s for s in service.list_meetings(database, admin)}
    found = {
        h.meeting.id: h.meeting for h in service.search_meetings(database, admin, "加装电梯").hits
    }

    for summaries in (listed, found):
        assert (summaries[held].should_attend, summaries[held].present) == (
            figures.should_attend,
            figures.present,
        )
        assert (summaries[empty].should_attend, summaries[empty].present) == (0, 0)
    assert figures.should_attend > 0
