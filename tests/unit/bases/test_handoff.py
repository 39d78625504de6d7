"""The hand-off to the time bank (issue 14, "Hand-offs"): a completed booking whose lecturer is
a volunteer drafts the lecturer's service record, saved through the time bank as 待核实, once."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest

from dangqun import features
from dangqun.bases import handoff
from dangqun.bases import service as bases
from dangqun.core.errors import ValidationError
from dangqun.timebank import service as timebank
from tests.unit.bases.conftest import FRIDAY, NOW, booking_form
from tests.unit.timebank.conftest import open_resident

AFTER = datetime(2026, 12, 4, 6, 0, tzinfo=UTC)
"""14:00 in Shanghai on the day of the visit."""


def _completed_booking(database, admin, site, lecturer_id: int, days_later: int = 0) -> int:
    bases.update_menu_item(
        database,
        admin,
        site.lesson,
        bases.MenuItemForm(
            site.base_id,
            "专题党课",
            60,
            5,
            40,
            "党史专题",
            lecturer_ids=(lecturer_id,),
            materials=(bases.MaterialNeed(site.projector, 1),),
        ),
    )
    on_date = FRIDAY + timedelta(days=days_later)
    form = booking_form(site.hall, menu_item_ids=(site.lesson,), on_date=on_date)
    booking_id = bases.book(database, admin, form, now=NOW)
    later = AFTER + timedelta(days=days_later)
    bases.check_in(database, admin, booking_id, bases.CheckInForm(18), now=later)
    bases.complete_booking(database, admin, booking_id)
    return booking_id


@pytest.fixture
def volunteer_lecturer(database, admin) -> tuple[int, int]:
    volunteer_id = open_resident(database, admin)
    lecturer = bases.create_lecturer(
        database, admin, bases.LecturerForm(volunteer_id=volunteer_id, topics=("志愿服务",))
    )
    return volunteer_id, lecturer.id


def test_a_volunteer_lecturer_gets_a_pending_service_record_once(
    database, admin, site, volunteer_lecturer
):
    volunteer_id, lecturer_id = volunteer_lecturer
    booking_id = _completed_booking(database, admin, site, lecturer_id)

    draft = handoff.handoff_draft(database, admin, booking_id)

    assert draft is not None and not draft.already_recorded
    assert (draft.volunteer_id, draft.served_on) == (volunteer_id, FRIDAY)
    assert (draft.starts_at, draft.ends_at) == (time(9, 0), time(11, 0))
    assert draft.beneficiary == "云南某科技有限公司党支部"
    assert "专题党课" in draft.content and draft.booking_number in draft.content
    assert dict(draft.categories)[draft.category_id] == handoff.DEFAULT_CATEGORY

    record_id = handoff.record_handoff(
        database, admin, draft, category_id=draft.category_id, content=draft.content
    )

    record = timebank.list_service_records(
        database, admin, timebank.RecordQuery(volunteer_id=volunteer_id)
    ).rows[0]
    assert record.id == record_id
    assert record.status is timebank.RecordStatus.PENDING
    assert record.beneficiary_kind is timebank.BeneficiaryKind.BASE_BOOKING
    assert record.slip_number == draft.booking_number and record.minutes == 120
    again = handoff.handoff_draft(database, admin, booking_id)
    assert again is not None and again.already_recorded
    with pytest.raises(ValidationError) as refused:
        handoff.record_handoff(
            database, admin, again, category_id=draft.category_id, content=draft.content
        )
    assert refused.value.errors[0].field == "slip_number"


def test_a_booking_not_yet_completed_is_refused_with_its_status(
    database, admin, site, volunteer_lecturer
):
    _completed_booking(database, admin, site, volunteer_lecturer[1])
    later = booking_form(site.hall, menu_item_ids=(site.lesson,), starts_at=time(14, 0))
    booking_id = bases.book(database, admin, replace(later, ends_at=time(16, 0)), now=NOW)

    with pytest.raises(ValidationError) as refused:
        handoff.handoff_draft(database, admin, booking_id)

    assert "待确认" in refused.value.errors[0].message


def test_no_hand_off_for_a_guest_lecturer_or_without_the_time_bank(
    database, admin, site, volunteer_lecturer, monkeypatch
):
    guest_booking = _completed_booking(database, admin, site, site.lecturer_zhang)
    assert handoff.handoff_draft(database, admin, guest_booking) is None

    volunteer_booking = _completed_booking(database, admin, site, volunteer_lecturer[1], 1)
    assert handoff.handoff_draft(database, admin, volunteer_booking) is not None
    registered = features.registered_features()
    monkeypatch.setattr(
        features,
        "registered_features",
        lambda: tuple(f for f in registered if f.key != "timebank"),
    )
    assert not handoff.timebank_registered()
    assert handoff.handoff_draft(database, admin, volunteer_booking) is None


def test_the_button_shows_only_for_a_completed_booking_with_a_volunteer_lecturer(
    database, admin, site, volunteer_lecturer
):
    guest_booking = _completed_booking(database, admin, site, site.lecturer_zhang)
    volunteer_booking = _completed_booking(database, admin, site, volunteer_lecturer[1], 1)
    pending = bases.book(
        database,
        admin,
        booking_form(site.hall, menu_item_ids=(site.lesson,), on_date=FRIDAY + timedelta(2)),
        now=NOW,
    )

    assert handoff.handoff_possible(database, admin, volunteer_booking)
    assert not handoff.handoff_possible(database, admin, guest_booking)
    assert not handoff.handoff_possible(database, admin, pending)
