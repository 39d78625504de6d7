"""Accounts and postings: residents validated and masked like members, members read from their
record; spend, give, donate and reversal with their refusals; request ids that post once; the
ledger refusing UPDATE and DELETE in the database itself; ``dangqun check`` naming breaches."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from dangqun.core.errors import ValidationError
from dangqun.core.invariants import run_checks
from dangqun.core.security import Actor, Role
from dangqun.core.settings import update_settings
from dangqun.members.service import register_member
from dangqun.schema import load_feature_invariants
from dangqun.timebank.service import (
    LimitLevel,
    ReceivedKind,
    RecordQuery,
    RecordStatus,
    VolunteerForm,
    VolunteerStatus,
    check_outgoing,
    donate,
    get_balances,
    get_volunteer,
    give,
    list_service_records,
    list_volunteers,
    open_volunteer,
    record_service,
    reverse_transfer,
    set_volunteer_status,
    spend,
    update_volunteer,
    verify_service_record,
)
from tests.unit.members.conftest import Tree, make_form
from tests.unit.timebank.conftest import (
    NOW,
    category_id,
    open_resident,
    resident_form,
    row_counts,
    service_form,
)


def _earned(database, admin, volunteer: int, request: str = "earn", **changes) -> int:
    record = record_service(
        database, admin, service_form(volunteer, category_id(database, admin), **changes), now=NOW
    )
    return verify_service_record(database, admin, record.id, request).id


def _check_problems(database) -> list[str]:
    load_feature_invariants()
    with database.reading() as session:
        return run_checks(session).problems


def test_a_resident_gets_a_number_and_is_masked_for_staff(database, admin):
    first = open_volunteer(database, admin, resident_form(101), today=date(2026, 3, 1))
    second = open_volunteer(database, admin, resident_form(103), today=date(2026, 3, 2))
    assert (first.number, second.number) == ("ZY202600001", "ZY202600002")
    staff = Actor(None, "staff", "李敏", Role.STAFF)
    seen = get_volunteer(database, staff, first.id)
    assert seen.id_number == "5301**************" and seen.phone == "*******4321"
    assert seen.personal_data_masked and not first.personal_data_masked
    assert seen.skills == ("理发", "陪聊")
    # A form sent back with the masked values keeps the stored ones.
    update_volunteer(
        database,
        staff,
        first.id,
        VolunteerForm(
            name="刘桂兰",
            id_number=seen.id_number,
            phone=seen.phone,
            address=seen.address,
            skills=("理发",),
        ),
    )
    again = get_volunteer(database, admin, first.id)
    assert again.id_number == resident_form(101).id_number and again.skills == ("理发",)


def test_a_residents_bad_identity_is_refused_field_by_field(application, admin):
    before = row_counts(application.paths.database)
    with pytest.raises(ValidationError) as refused:
        open_volunteer(
            application.database,
            admin,
            resident_form(101, name="", id_number="530102195204090000", phone="12345"),
        )
    fields = {error.field for error in refused.value.errors}
    assert fields == {"name", "id_number", "phone"}
    assert row_counts(application.paths.database) == before
    open_volunteer(application.database, admin, resident_form(101))
    with pytest.raises(ValidationError) as duplicate:
        open_volunteer(application.database, admin, resident_form(101, name="刘桂芝"))
    assert "已开立账户（编号 ZY" in (duplicate.value.message_for("id_number") or "")


def test_a_member_volunteer_is_read_from_the_member_record(application, admin):
    database = application.database
    tree = Tree(application, admin)
    member = register_member(database, admin, make_form(tree.grid_one.id)).member
    volunteer = open_volunteer(
        database, admin, VolunteerForm(member_id=member.id, skills=("电脑维修",))
    )
    assert volunteer.name == "张三丰" and volunteer.is_member
    assert volunteer.id_number == member.id_number
    with pytest.raises(ValidationError) as twice:
        open_volunteer(database, admin, VolunteerForm(member_id=member.id))
    assert "已开立时间银行账户" in (twice.value.message_for("member_id") or "")
    with pytest.raises(ValidationError) as as_resident:
        open_volunteer(database, admin, resident_form(name="张三丰", id_number=member.id_number))
    assert "属于党员 张三丰" in (as_resident.value.message_for("id_number") or "")
    assert list_volunteers(database, admin, "三丰").total == 1


def test_spend_give_and_donate_move_spendable_but_never_served(database, admin):
    one, two = open_resident(database, admin, 101), open_resident(database, admin, 103)
    _earned(database, admin, one)
    spend(database, admin, one, 30, ReceivedKind.SERVICE, "理发一次", "s-1")
    give(database, admin, one, two, 45, "g-1", note="给母亲")
    donate(database, admin, one, 15, "d-1")
    mine, theirs = get_balances(database, admin, one), get_balances(database, admin, two)
    assert (mine.served, mine.spendable) == (120, 30)
    assert (theirs.served, theirs.spendable) == (0, 45)
    assert _check_problems(database) == []


def test_a_repeated_request_id_posts_once(application, admin):
    database = application.database
    one, two = open_resident(database, admin, 101), open_resident(database, admin, 103)
    _earned(database, admin, one)
    first = give(database, admin, one, two, 60, "dialog-7")
    before = row_counts(application.paths.database)
    again = give(database, admin, one, two, 60, "dialog-7")
    assert again.repeated and again.id == first.id
    assert row_counts(application.paths.database) == before
    with pytest.raises(ValidationError) as other:
        donate(database, admin, one, 10, "dialog-7")
    assert other.value.message_for("request_id") is not None
    assert get_balances(database, admin, one).spendable == 60


BAD_POSTINGS = [
    (
        "more than the balance",
        lambda db, a, one, two: spend(db, a, one, 121, ReceivedKind.ITEM, "米", "x"),
        "minutes",
        "余额不足",
    ),
    ("zero minutes", lambda db, a, one, two: donate(db, a, one, 0, "x"), "minutes", "大于 0"),
    (
        "to oneself",
        lambda db, a, one, two: give(db, a, one, one, 10, "x"),
        "to_volunteer_id",
        "不能转赠给自己",
    ),
    (
        "nothing received",
        lambda db, a, one, two: spend(db, a, one, 10, ReceivedKind.ITEM, " ", "x"),
        "received",
        "请填写",
    ),
    (
        "no request id",
        lambda db, a, one, two: donate(db, a, one, 10, " "),
        "request_id",
        "请求编号",
    ),
]


@pytest.mark.parametrize(
    ("post", "field", "words"),
    [case[1:] for case in BAD_POSTINGS],
    ids=[case[0] for case in BAD_POSTINGS],
)
def test_bad_postings_are_refused_and_write_nothing(application, admin, post, field, words):
    database = application.database
    one, two = open_resident(database, admin, 101), open_resident(database, admin, 103)
    _earned(database, admin, one)
    before = row_counts(application.paths.database)
    with pytest.raises(ValidationError) as refused:
        post(database, admin, one, two)
    assert words in (refused.value.message_for(field) or ""), refused.value.errors
    assert row_counts(application.paths.database) == before


def test_an_overdraft_allowed_by_the_admin_and_its_warning(database, admin):
    one = open_resident(database, admin, 101)
    _earned(database, admin, one)
    assert check_outgoing(database, admin, one, 30).level is LimitLevel.OK
    assert check_outgoing(database, admin, one, 90).level is LimitLevel.NEAR
    assert check_outgoing(database, admin, one, 121).level is LimitLevel.OVER
    update_settings(database, admin, {"timebank_overdraft_minutes": 60})
    assert check_outgoing(database, admin, one, 121).level is LimitLevel.NEAR
    spend(database, admin, one, 180, ReceivedKind.ITEM, "爱心米一袋", "s-1")
    assert get_balances(database, admin, one).spendable == -60
    with pytest.raises(ValidationError):
        spend(database, admin, one, 1, ReceivedKind.ITEM, "鸡蛋", "s-2")
    assert _check_problems(database) == []


def test_reversing_an_earn_keeps_the_original_and_stops_it_counting_as_served(application, admin):
    database = application.database
    one = open_resident(database, admin, 101)
    earn = _earned(database, admin, one)
    reversal = reverse_transfer(database, admin, earn, "登记错了志愿者", "r-1")
    assert reversal.reverses_id == earn and reversal.minutes == 120
    balances = get_balances(database, admin, one)
    assert (balances.served, balances.spendable, balances.pending) == (0, 0, 0)
    records = list_service_records(database, admin, RecordQuery(volunteer_id=one)).rows
    assert [record.status for record in records] == [RecordStatus.REVERSED]
    assert _check_problems(database) == []
    before = row_counts(application.paths.database)
    with pytest.raises(ValidationError) as twice:
        reverse_transfer(database, admin, earn, "再来一次", "r-2")
    assert "已冲正过" in (twice.value.message_for("transfer_id") or "")
    with pytest.raises(ValidationError) as of_reversal:
        reverse_transfer(database, admin, reversal.id, "冲正冲正", "r-3")
    assert "冲正账目不能再冲正" in (of_reversal.value.message_for("transfer_id") or "")
    with pytest.raises(ValidationError) as no_reason:
        reverse_transfer(database, admin, reversal.id, "", "r-4")
    assert no_reason.value.message_for("reason") == "请填写冲正的原因"
    assert row_counts(application.paths.database) == before


def test_a_reversal_that_would_overdraw_is_refused(database, admin):
    one, two = open_resident(database, admin, 101), open_resident(database, admin, 103)
    earn = _earned(database, admin, one)
    give(database, admin, one, two, 100, "g-1")
    with pytest.raises(ValidationError) as refused:
        reverse_transfer(database, admin, earn, "登记错了", "r-1")
    assert "余额不足" in (refused.value.message_for("transfer_id") or "")


def test_a_closed_account_keeps_its_history_and_refuses_postings(application, admin):
    database = application.database
    one, two = open_resident(database, admin, 101), open_resident(database, admin, 103)
    pending = record_service(
        database, admin, service_form(one, category_id(database, admin)), now=NOW
    )
    with pytest.raises(ValidationError) as refused:
        set_volunteer_status(database, admin, one, VolunteerStatus.CLOSED, "搬走")
    assert "待核实" in (refused.value.message_for("status") or "")
    verify_service_record(database, admin, pending.id, "v-1")
    set_volunteer_status(database, admin, one, VolunteerStatus.CLOSED, "搬走")
    before = row_counts(application.paths.database)
    for post in (
        lambda: give(database, admin, one, two, 10, "g"),
        lambda: give(database, admin, two, one, 10, "g"),
        lambda: donate(database, admin, one, 10, "d"),
    ):
        with pytest.raises(ValidationError):
            post()
    with pytest.raises(ValidationError):
        set_volunteer_status(database, admin, one, VolunteerStatus.ACTIVE, "回来了")
    assert row_counts(application.paths.database) == before
    assert get_balances(database, admin, one).served == 120


def test_the_database_refuses_to_edit_or_delete_the_ledger(application, admin):
    database = application.database
    one = open_resident(database, admin, 101)
    _earned(database, admin, one)
    with sqlite3.connect(application.paths.database) as connection:
        for statement in (
            "UPDATE timebank_entries SET amount = amount * 2",
            "DELETE FROM timebank_entries",
            "UPDATE timebank_transfers SET reason = 'x'",
            "DELETE FROM timebank_transfers",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                connection.execute(statement)
    assert _check_problems(database) == []


def test_check_names_a_ledger_edited_behind_the_triggers(application, admin):
    database = application.database
    one = open_resident(database, admin, 101)
    earn = _earned(database, admin, one)
    with sqlite3.connect(application.paths.database) as connection:
        connection.execute("DROP TRIGGER timebank_entries_no_update")
        connection.execute(
            "UPDATE timebank_entries SET amount = 150 WHERE transfer_id = ? AND amount > 0", (earn,)
        )
    problems = _check_problems(database)
    joined = "\n".join(problems)
    assert f"账目 {earn} 的分录合计 30 分钟" in joined
    assert "全部账户余额合计 30 分钟" in joined
    assert "timebank_entries_no_update 缺失" in joined
    assert "与存入账目" in joined
