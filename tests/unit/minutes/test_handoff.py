"""The hand-off from bookings (issue 14 "Hand-offs", issue 15): a completed booking of a branch
of this center drafts its meeting record — type, time, place, topic and the checked-in roster
members as 出席 — and nothing is stored until the clerk saves it through the services."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from dangqun.bases import service as bases
from dangqun.core.errors import ValidationError
from dangqun.minutes import service
from dangqun.minutes.vocabulary import AttendanceStatus, MeetingType
from tests.unit.bases.conftest import NOW, booking_form, make_site
from tests.unit.minutes.conftest import row_counts

AFTER = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)
"""14:00 in Shanghai on the day of the visit (Friday 2026-12-04)."""


def _visit(
    database, admin, center, site, *, item: int, organization: str, complete=True, hour=9
) -> int:
    form = booking_form(
        site.hall,
        menu_item_ids=(item,),
        organization=organization,
        org_type=bases.OrganizationType.BRANCH,
        starts_at=time(hour, 0),
        ends_at=time(hour + 2, 0),
    )
    booking_id = bases.book(database, admin, form, now=NOW)
    attendees = (
        bases.AttendeeForm(member_id=center.secretary),
        bases.AttendeeForm(name="李秀英"),
        bases.AttendeeForm(member_id=center.other),
        bases.AttendeeForm(name="访客甲"),
    )
    bases.check_in(database, admin, booking_id, bases.CheckInForm(12, attendees), now=AFTER)
    if complete:
        bases.complete_booking(database, admin, booking_id)
    return booking_id


def test_a_branch_visit_drafts_its_meeting_record_and_stores_nothing(database, admin, center):
    site = make_site(database, admin)
    booking_id = _visit(
        database, admin, center, site, item=site.oath, organization="第一网格党支部"
    )
    before = row_counts(database)

    assert service.meeting_handoff_possible(database, admin, booking_id)
    draft = service.meeting_handoff_draft(database, admin, booking_id)

    assert row_counts(database) == before
    assert (draft.organization_id, draft.meeting_type) == (center.branch, MeetingType.THEME_DAY)
    assert (draft.on_date.isoformat(), draft.starts_at, draft.ends_at) == (
        "2026-12-04",
        time(9, 0),
        time(11, 0),
    )
    assert (draft.place, draft.room_id, draft.topic) == (
        "翠湖红色教育基地党员活动室",
        site.hall,
        "重温入党誓词",
    )
    assert draft.present == ((center.secretary, "王建国"), (center.voters[1], "李秀英"))
    assert draft.unmatched == ("冯涛", "访客甲")


def test_the_reviewed_draft_saves_through_the_services(database, admin, center):
    site = make_site(database, admin)
    booking_id = _visit(
        database, admin, center, site, item=site.oath, organization="第一网格党支部"
    )
    draft = service.meeting_handoff_draft(database, admin, booking_id)
    form = service.MeetingForm(
        organization_id=draft.organization_id,
        meeting_type=draft.meeting_type,
        on_date=draft.on_date,
        starts_at=draft.starts_at,
        ends_at=draft.ends_at,
        place=draft.place,
        room_id=draft.room_id,
        topic=draft.topic,
        host_name="王建国",
        host_member_id=center.secretary,
        recorder_name="李秀英",
    )
    meeting_id = service.create_meeting(database, admin, form)
    entries = [
        service.AttendanceEntry(member_id, AttendanceStatus.PRESENT)
        for member_id, _ in draft.present
    ]
    figures = service.set_attendance(database, admin, meeting_id, entries, now=AFTER)

    assert figures.present == 2
    assert service.get_meeting(database, admin, meeting_id).room_id == site.hall


def test_a_party_lesson_menu_item_makes_a_party_lesson_with_its_lecturer(database, admin, center):
    site = make_site(database, admin)
    booking_id = _visit(
        database, admin, center, site, item=site.lesson, organization="第一网格党支部"
    )

    draft = service.meeting_handoff_draft(database, admin, booking_id)

    assert draft.meeting_type is MeetingType.PARTY_LESSON
    assert draft.topic == "专题党课" and draft.lecturer_name in ("张建国", "李红")


def test_no_button_for_visitors_from_elsewhere_or_a_visit_not_completed(database, admin, center):
    site = make_site(database, admin)
    elsewhere = _visit(
        database, admin, center, site, item=site.oath, organization="云南某科技有限公司党支部"
    )
    checked_in = _visit(
        database,
        admin,
        center,
        site,
        item=site.oath,
        organization="第二网格党支部",
        complete=False,
        hour=14,
    )

    assert not service.meeting_handoff_possible(database, admin, elsewhere)
    assert not service.meeting_handoff_possible(database, admin, checked_in)
    with pytest.raises(ValidationError) as refused:
        service.meeting_handoff_draft(database, admin, elsewhere)
    assert "不是本中心的党支部" in refused.value.errors[0].message
    with pytest.raises(ValidationError) as refused:
        service.meeting_handoff_draft(database, admin, checked_in)
    assert "还没有完成" in refused.value.errors[0].message
