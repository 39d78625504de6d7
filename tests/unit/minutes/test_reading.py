"""Reading a large record: issue 15 asks that a meeting with 200 attendees opens under 100 ms."""

from __future__ import annotations

import time as clock
from datetime import time, timedelta

import pytest
from sqlalchemy import text

from dangqun.core.clock import local_today, utc_now
from dangqun.minutes import service
from dangqun.minutes.vocabulary import MeetingType


@pytest.mark.slow
@pytest.mark.demo_members(260)
def test_a_meeting_with_200_attendees_opens_under_100_ms(application, admin):
    database = application.database
    with database.reading() as session:
        community = session.execute(
            text("SELECT id FROM organizations WHERE level = 'community' ORDER BY id LIMIT 1")
        ).scalar_one()
    day = local_today() - timedelta(days=1)
    meeting_id = service.create_meeting(
        database,
        admin,
        service.MeetingForm(
            organization_id=community,
            meeting_type=MeetingType.GENERAL_MEETING,
            on_date=day,
            starts_at=time(9, 0),
            ends_at=time(11, 0),
            place="社区党群服务中心大会议室",
            host_name="王建国",
            recorder_name="李秀英",
        ),
    )
    added = service.fill_attendance_from_roster(database, admin, meeting_id, now=utc_now())
    assert added >= 200
    service.set_agenda(
        database,
        admin,
        meeting_id,
        [
            service.AgendaEntry(
                f"议程 {n}",
                speeches=tuple(service.SpeechEntry("发言人", "要点" * 50) for _ in range(5)),
            )
            for n in range(5)
        ],
    )
    service.get_meeting(database, admin, meeting_id)  # warm the mappers, as an open editor has
    timings = []
    for _ in range(5):
        started = clock.perf_counter()
        detail = service.get_meeting(database, admin, meeting_id)
        timings.append(clock.perf_counter() - started)
    assert len(detail.attendance) == added and detail.figures.should_attend == added
    assert min(timings) < 0.100, f"opening took {min(timings) * 1000:.1f} ms"
    print(f"get_meeting with {added} attendees: best {min(timings) * 1000:.1f} ms")
