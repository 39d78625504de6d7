"""Service records: every bad input of issue 13 is refused with a Chinese message naming the
field and writes nothing (row counts and the audit log compared before and after); a batch is
all-or-nothing with per-row errors; verification credits hours, by another user when the rule is
on."""

from __future__ import annotations

from datetime import date, time

import pytest

from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.core.security import Actor, Role
from dangqun.core.settings import update_settings
from dangqun.timebank.service import (
    ActivityForm,
    BatchRefused,
    BatchRow,
    BeneficiaryKind,
    RecordQuery,
    RecordStatus,
    VolunteerStatus,
    get_balances,
    list_service_records,
    record_batch,
    record_service,
    reject_service_record,
    set_category_retired,
    set_volunteer_status,
    verification_needs_another_user,
    verify_service_record,
)
from tests.unit.timebank.conftest import (
    NOW,
    SERVED_ON,
    category_id,
    open_resident,
    row_counts,
    service_form,
    staff_actor,
)


@pytest.fixture
def volunteer(database, admin) -> int:
    return open_resident(database, admin)


def test_a_record_waits_for_verification_and_counts_as_pending(database, admin, volunteer):
    record = record_service(
        database, admin, service_form(volunteer, category_id(database, admin)), now=NOW
    )
    assert record.status is RecordStatus.PENDING
    assert record.minutes == 120
    balances = get_balances(database, admin, volunteer)
    assert (balances.served, balances.spendable, balances.pending) == (0, 0, 120)


def test_verification_credits_the_minutes_in_the_same_transaction(database, admin, volunteer):
    record = record_service(
        database, admin, service_form(volunteer, category_id(database, admin)), now=NOW
    )
    posted = verify_service_record(database, admin, record.id, "verify-1")
    assert posted.minutes == 120 and posted.service_record_id == record.id
    balances = get_balances(database, admin, volunteer)
    assert (balances.served, balances.spendable, balances.pending) == (120, 120, 0)
    again = verify_service_record(database, admin, record.id, "verify-1")
    assert again.repeated and again.id == posted.id
    with pytest.raises(ValidationError) as refused:
        verify_service_record(database, admin, record.id, "verify-2")
    assert refused.value.message_for("status") == "这条服务记录已核实，不能再核实或退回"


def test_minutes_are_editable_in_fifteen_minute_steps_below_the_span(database, admin, volunteer):
    category = category_id(database, admin)
    kept = record_service(
        database, admin, service_form(volunteer, category, ends_at=time(9, 50)), now=NOW
    )
    assert kept.minutes == 50  # the span itself, computed
    lowered = record_service(
        database,
        admin,
        service_form(volunteer, category, starts_at=time(13, 0), ends_at=time(15, 0), minutes=90),
        now=NOW,
    )
    assert lowered.minutes == 90


def test_across_midnight_counts_when_declared(database, admin, volunteer):
    record = record_service(
        database,
        admin,
        service_form(
            volunteer,
            category_id(database, admin),
            starts_at=time(22, 0),
            ends_at=time(2, 0),
            crosses_midnight=True,
        ),
        now=NOW,
    )
    assert record.minutes == 240


BAD_RECORDS = [
    ("zero duration", {"ends_at": time(9, 0)}, "ends_at", "服务时长为 0"),
    ("negative minutes", {"minutes": -15}, "minutes", "必须大于 0"),
    ("zero minutes", {"minutes": 0}, "minutes", "必须大于 0"),
    (
        "end before start",
        {"starts_at": time(11, 0), "ends_at": time(9, 0)},
        "ends_at",
        "早于开始时间",
    ),
    (
        "across midnight undeclared",
        {"starts_at": time(22, 0), "ends_at": time(2, 0)},
        "ends_at",
        "跨午夜",
    ),
    ("future date", {"served_on": date(2026, 11, 23)}, "served_on", "晚于今天"),
    ("ends later today", {"served_on": NOW.date(), "ends_at": time(19, 0)}, "ends_at", "还没有到"),
    ("minutes above the span", {"minutes": 135}, "minutes", "超过开始到结束"),
    ("minutes off the 15-minute steps", {"minutes": 100}, "minutes", "15 分钟"),
    ("empty content", {"content": "  "}, "content", "请填写服务内容"),
    ("empty beneficiary", {"beneficiary": ""}, "beneficiary", "请填写服务对象"),
]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [case[1:] for case in BAD_RECORDS],
    ids=[case[0] for case in BAD_RECORDS],
)
def test_bad_record_is_refused_naming_the_field_and_writes_nothing(
    application, admin, volunteer, changes, field, words
):
    database = application.database
    before = row_counts(application.paths.database)
    with pytest.raises(ValidationError) as refused:
        record_service(
            database,
            admin,
            service_form(volunteer, category_id(database, admin), **changes),
            now=NOW,
        )
    message = refused.value.message_for(field)
    assert message is not None and words in message, refused.value.errors
    assert row_counts(application.paths.database) == before


def _refused_after(application, admin, form, field: str) -> str:
    before = row_counts(application.paths.database)
    with pytest.raises(ValidationError) as refused:
        record_service(application.database, admin, form, now=NOW)
    assert row_counts(application.paths.database) == before
    message = refused.value.message_for(field)
    assert message is not None, refused.value.errors
    return message


def test_overlapping_services_of_one_volunteer_are_refused(application, admin, volunteer):
    database = application.database
    category = category_id(database, admin)
    record_service(database, admin, service_form(volunteer, category), now=NOW)
    message = _refused_after(
        application,
        admin,
        service_form(volunteer, category, starts_at=time(10, 30), ends_at=time(12, 0)),
        "starts_at",
    )
    assert "重叠" in message and "2026-11-20 09:00–11:00" in message


def test_overlap_across_midnight_with_the_next_day(application, admin, volunteer):
    database = application.database
    category = category_id(database, admin)
    record_service(
        database,
        admin,
        service_form(
            volunteer, category, starts_at=time(22, 0), ends_at=time(2, 0), crosses_midnight=True
        ),
        now=NOW,
    )
    next_day = service_form(
        volunteer, category, served_on=date(2026, 11, 21), starts_at=time(1, 0), ends_at=time(3, 0)
    )
    assert "重叠" in _refused_after(application, admin, next_day, "starts_at")


def test_above_the_daily_cap_and_above_24_hours(application, admin, volunteer):
    database = application.database
    category = category_id(database, admin)
    record_service(
        database,
        admin,
        service_form(volunteer, category, starts_at=time(0, 0), ends_at=time(11, 0)),
        now=NOW,
    )
    message = _refused_after(
        application,
        admin,
        service_form(volunteer, category, starts_at=time(12, 0), ends_at=time(14, 0)),
        "minutes",
    )
    assert "每日上限 12 小时" in message
    update_settings(database, admin, {"timebank_daily_cap_minutes": 1440})
    record_service(
        database,
        admin,
        service_form(volunteer, category, starts_at=time(12, 0), ends_at=time(23, 30)),
        now=NOW,
    )
    message = _refused_after(
        application,
        admin,
        service_form(
            volunteer,
            category,
            served_on=date(2026, 11, 20),
            starts_at=time(23, 30),
            ends_at=time(2, 0),
            crosses_midnight=True,
        ),
        "minutes",
    )
    assert "超过 24 小时" in message


def test_above_the_yearly_cap(application, admin, volunteer):
    database = application.database
    update_settings(database, admin, {"timebank_yearly_cap_minutes": 150})
    category = category_id(database, admin)
    record_service(database, admin, service_form(volunteer, category), now=NOW)
    message = _refused_after(
        application,
        admin,
        service_form(volunteer, category, served_on=date(2026, 3, 1)),
        "minutes",
    )
    assert "每年上限" in message


def test_a_slip_number_is_used_once(application, admin, volunteer):
    database = application.database
    category = category_id(database, admin)
    record_service(
        database, admin, service_form(volunteer, category, slip_number="dj-0042"), now=NOW
    )
    other = open_resident(database, admin, sequence=135)
    message = _refused_after(
        application, admin, service_form(other, category, slip_number=" DJ-0042 "), "slip_number"
    )
    assert "登记单号 DJ-0042 已登记过" in message


def test_a_closed_or_suspended_account_takes_no_record(application, admin, volunteer):
    database = application.database
    category = category_id(database, admin)
    set_volunteer_status(database, admin, volunteer, VolunteerStatus.SUSPENDED, "外出半年")
    assert "暂停" in _refused_after(
        application, admin, service_form(volunteer, category), "volunteer_id"
    )
    set_volunteer_status(database, admin, volunteer, VolunteerStatus.CLOSED, "搬离社区")
    assert "已注销" in _refused_after(
        application, admin, service_form(volunteer, category), "volunteer_id"
    )


def test_a_retired_category_takes_no_new_record(application, admin, volunteer):
    database = application.database
    category = category_id(database, admin, "疫情防控")
    set_category_retired(database, admin, category, True)
    assert "已停用" in _refused_after(
        application, admin, service_form(volunteer, category), "category_id"
    )


def test_read_only_users_cannot_enter_records(database, admin, volunteer):
    viewer = Actor(None, "viewer", "赵静", Role.READ_ONLY)
    with pytest.raises(PermissionDenied):
        record_service(
            database, viewer, service_form(volunteer, category_id(database, admin)), now=NOW
        )


def test_verifying_ones_own_entry_is_refused_when_the_center_has_two_staff(
    application, admin, volunteer
):
    database = application.database
    assert not verification_needs_another_user(database)  # "auto" with one account
    staff = staff_actor(application, admin)
    assert verification_needs_another_user(database)
    record = record_service(
        database, staff, service_form(volunteer, category_id(database, admin)), now=NOW
    )
    before = row_counts(application.paths.database)
    with pytest.raises(ValidationError) as refused:
        verify_service_record(database, staff, record.id, "own")
    assert "另一名工作人员" in (refused.value.message_for("verified_by") or "")
    assert row_counts(application.paths.database) == before
    verify_service_record(database, admin, record.id, "other")
    assert get_balances(database, admin, volunteer).served == 120


def test_the_verifier_rule_setting_fixes_it_either_way(application, admin, volunteer):
    database = application.database
    update_settings(database, admin, {"timebank_verifier_rule": "always"})
    record = record_service(
        database, admin, service_form(volunteer, category_id(database, admin)), now=NOW
    )
    with pytest.raises(ValidationError):
        verify_service_record(database, admin, record.id, "own")
    update_settings(database, admin, {"timebank_verifier_rule": "never"})
    verify_service_record(database, admin, record.id, "own")
    with pytest.raises(ValidationError):
        update_settings(database, admin, {"timebank_verifier_rule": "sometimes"})


def test_a_rejected_record_never_credits(database, admin, volunteer):
    record = record_service(
        database, admin, service_form(volunteer, category_id(database, admin)), now=NOW
    )
    with pytest.raises(ValidationError) as refused:
        reject_service_record(database, admin, record.id, " ")
    assert refused.value.message_for("reason") == "请填写退回的原因"
    rejected = reject_service_record(database, admin, record.id, "登记单上没有服务对象签字")
    assert rejected.status is RecordStatus.REJECTED
    assert get_balances(database, admin, volunteer).pending == 0
    with pytest.raises(ValidationError):
        verify_service_record(database, admin, record.id, "late")


def _activity(category: int) -> ActivityForm:
    return ActivityForm(
        category_id=category,
        served_on=SERVED_ON,
        beneficiary_kind=BeneficiaryKind.ACTIVITY,
        beneficiary="翠湖社区环境整治日",
        content="清理楼道杂物、捡拾垃圾",
    )


def test_a_batch_is_saved_in_one_transaction(application, admin):
    database = application.database
    volunteers = [open_resident(database, admin, sequence) for sequence in (101, 103, 105)]
    result = record_batch(
        database,
        admin,
        _activity(category_id(database, admin, "环境整治")),
        [
            BatchRow(volunteers[0], time(8, 0), time(10, 0), slip_number="A-1"),
            BatchRow(volunteers[1], time(8, 0), time(10, 0), minutes=90, slip_number="A-2"),
            BatchRow(volunteers[2], time(8, 30), time(10, 0)),
        ],
        now=NOW,
    )
    assert [record.minutes for record in result.records] == [120, 90, 90]
    assert result.total_minutes == 300
    page = list_service_records(database, admin, RecordQuery(batch_uuid=result.batch_uuid))
    assert page.total == 3


def test_a_batch_with_bad_rows_saves_nothing_and_names_each_row(application, admin):
    database = application.database
    first, second = (open_resident(database, admin, sequence) for sequence in (101, 103))
    record_service(
        database,
        admin,
        service_form(second, category_id(database, admin), slip_number="A-9"),
        now=NOW,
    )
    before = row_counts(application.paths.database)
    with pytest.raises(BatchRefused) as refused:
        record_batch(
            database,
            admin,
            _activity(category_id(database, admin, "环境整治")),
            [
                BatchRow(first, time(8, 0), time(10, 0), slip_number="A-1"),
                BatchRow(first, time(9, 0), time(9, 30)),  # overlaps row 0
                BatchRow(second, time(13, 0), time(14, 0), slip_number="A-1"),  # slip of row 0
                BatchRow(second, time(15, 0), time(14, 0)),  # end before start
                BatchRow(second, time(16, 0), time(17, 0), slip_number="a-9"),  # stored slip
            ],
            now=NOW,
        )
    assert row_counts(application.paths.database) == before
    where = [(error.row, error.field) for error in refused.value.row_errors]
    assert where == [(1, "starts_at"), (2, "slip_number"), (3, "ends_at"), (4, "slip_number")]
    assert (
        refused.value.message_for(
            "rows[3].ends_at",
        )
        is not None
    )
    assert str(refused.value).startswith("第 2 行：")
