"""首页's month overview (earned and spent from the center's own accounts, net of reversals booked
in the month; pending records; top categories) and the account list's skills and member pinyin."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from dangqun.timebank.service import (
    ReceivedKind,
    VolunteerForm,
    list_volunteers,
    month_overview,
    open_volunteer,
    record_service,
    reverse_transfer,
    spend,
    verify_service_record,
)
from tests.unit.timebank.conftest import (
    NOW,
    category_id,
    open_resident,
    resident_form,
    service_form,
)


def test_the_month_overview_agrees_with_the_ledger(database, admin) -> None:
    one = open_resident(database, admin, 101)
    care, tidy = category_id(database, admin), category_id(database, admin, "环境整治")
    records = [
        record_service(
            database,
            admin,
            service_form(one, category, served_on=date(2026, 11, day), ends_at=time(9 + hours, 0)),
            now=NOW,
        )
        for day, category, hours in ((3, care, 2), (5, tidy, 3), (7, care, 2), (9, care, 1))
    ]
    earns = [
        verify_service_record(database, admin, record.id, f"v-{n}", today=date(2026, 11, 10))
        for n, record in enumerate(records[:3])
    ]
    spend(database, admin, one, 60, ReceivedKind.ITEM, "爱心米", "s-1", today=date(2026, 11, 11))
    reverse_transfer(database, admin, earns[1].id, "登记错了", "r-1", today=date(2026, 11, 12))

    november = month_overview(database, admin, date(2026, 11, 20))
    assert november.month == "2026-11"
    assert november.earned_minutes == 120 + 180 + 120 - 180  # the reversal counts against it
    assert november.spent_minutes == 60
    assert (november.pending_records, november.pending_minutes) == (1, 60)
    assert [(c.category, c.minutes, c.records) for c in november.top_categories] == [
        ("养老助老", 240, 2)  # the reversed 环境整治 record no longer counts
    ]
    december = month_overview(database, admin, date(2026, 12, 1))
    assert (december.earned_minutes, december.spent_minutes, december.top_categories) == (0, 0, ())
    assert december.pending_records == 1  # the to-do is "now", not per month


def test_the_account_list_carries_skills_and_finds_members_by_pinyin(
    application, database, admin
) -> None:
    from dangqun.demo import generate_demo_data
    from dangqun.members.search_keys import compute_search_keys
    from dangqun.members.service import MemberQuery, list_member_ids, member_rows

    generate_demo_data(database, admin, 20, seed=5)
    member = member_rows(database, admin, list_member_ids(database, admin, MemberQuery())[:1])[0]
    open_volunteer(database, admin, VolunteerForm(member_id=member.id, skills=("理发",)))
    open_volunteer(database, admin, replace(resident_form(123), skills=("陪聊", "读报")))

    keys = compute_search_keys(member.name, "", None)
    for text in (keys.pinyin_initials, keys.pinyin_full[:4], keys.pinyin_initials.upper()):
        found = list_volunteers(database, admin, text)
        assert [row.name for row in found.rows] == [member.name], text
        assert found.rows[0].skills == ("理发",)
    assert list_volunteers(database, admin, "刘桂兰").rows[0].skills == ("陪聊", "读报")
