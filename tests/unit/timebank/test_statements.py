"""Statements (opening balance, movements with running balance, closing balance; paged), the
monthly closing (once; refused again; nothing booked into a closed month) and certificate data."""

from __future__ import annotations

from datetime import date, time

import pytest

from dangqun.core.errors import ValidationError
from dangqun.core.invariants import run_checks
from dangqun.core.security import Actor, Role
from dangqun.schema import load_feature_invariants
from dangqun.timebank.service import (
    ReceivedKind,
    TransferKind,
    certificate_data,
    close_month,
    donate,
    give,
    record_service,
    reverse_transfer,
    spend,
    statement,
    verify_service_record,
)
from tests.unit.timebank.conftest import NOW, category_id, open_resident, row_counts, service_form


@pytest.fixture
def history(database, admin):
    """One volunteer with movements in October and November 2026."""
    one, two = open_resident(database, admin, 101), open_resident(database, admin, 103)
    care, tidy = category_id(database, admin), category_id(database, admin, "环境整治")
    earns = []
    for day, category, hours in ((3, care, 2), (10, tidy, 3), (17, care, 1)):
        record = record_service(
            database,
            admin,
            service_form(one, category, served_on=date(2026, 10, day), ends_at=time(9 + hours, 0)),
            now=NOW,
        )
        earns.append(
            verify_service_record(
                database, admin, record.id, f"v-{day}", today=date(2026, 10, day + 1)
            )
        )
    spend(
        database, admin, one, 60, ReceivedKind.ITEM, "爱心米一袋", "s-1", today=date(2026, 10, 20)
    )
    give(database, admin, one, two, 30, "g-1", today=date(2026, 11, 2))
    donate(database, admin, one, 15, "d-1", today=date(2026, 11, 3))
    reverse_transfer(database, admin, earns[2].id, "重复登记", "r-1", today=date(2026, 11, 4))
    return one, two


def test_a_statement_has_opening_movements_with_running_balance_and_closing(
    database, admin, history
):
    one, _two = history
    october = statement(database, admin, one, date(2026, 10, 1), date(2026, 10, 31))
    assert october.opening_balance == 0 and october.closing_balance == 300
    assert [m.amount for m in october.movements] == [120, 180, 60, -60]
    assert [m.balance for m in october.movements] == [120, 300, 360, 300]
    assert october.movements[0].description.startswith("养老助老：打扫卫生")
    assert october.movements[3].description == "兑换物品：爱心米一袋"
    november = statement(database, admin, one, date(2026, 11, 1), date(2026, 11, 30))
    assert november.opening_balance == 300 and november.closing_balance == 195
    assert [m.kind for m in november.movements] == [
        TransferKind.GIVE,
        TransferKind.DONATE,
        TransferKind.REVERSAL,
    ]
    assert november.movements[0].description.startswith("转赠给 ZY")
    assert november.movements[2].description.startswith("冲正第 ")


def test_a_later_page_starts_from_the_running_balance(database, admin, history):
    one, _two = history
    whole = statement(database, admin, one, date(2026, 10, 1), date(2026, 11, 30))
    page = statement(database, admin, one, date(2026, 10, 1), date(2026, 11, 30), offset=3, limit=2)
    assert page.total_movements == 7 and page.has_more
    assert page.movements == whole.movements[3:5]


def test_a_statement_period_must_run_forwards(database, admin, history):
    with pytest.raises(ValidationError) as refused:
        statement(database, admin, history[0], date(2026, 11, 1), date(2026, 10, 1))
    assert refused.value.message_for("end") == "结束日期早于开始日期"


def test_a_month_is_closed_once_and_nothing_is_booked_into_it(application, admin, history):
    database = application.database
    one, _two = history
    result = close_month(database, admin, "2026-10")
    assert result.month == "2026-10" and result.total == 0
    assert result.accounts == 3  # the volunteer, 发行, 兑换目录
    before = row_counts(application.paths.database)
    with pytest.raises(ValidationError) as again:
        close_month(database, admin, "2026-10")
    assert again.value.message_for("month") == "2026-10 已经结账，不能重复结账"
    with pytest.raises(ValidationError) as backdated:
        donate(database, admin, one, 5, "late", today=date(2026, 10, 31))
    assert "已结账" in (backdated.value.message_for("booked_on") or "")
    with pytest.raises(ValidationError) as unfinished:
        close_month(database, admin, "2026-12", today=date(2026, 12, 6))
    assert "还没有结束" in (unfinished.value.message_for("month") or "")
    with pytest.raises(ValidationError):
        close_month(database, admin, "2026-13")
    assert row_counts(application.paths.database) == before
    load_feature_invariants()
    with database.reading() as session:
        assert run_checks(session).problems == []


def test_certificate_data_counts_served_minutes_only(database, admin, history):
    one, _two = history
    data = certificate_data(database, admin, one)
    assert data.served_minutes == 300  # the third record was reversed; giving never counts
    assert data.records == 2 and data.served_text == "5 小时"
    assert [(c.category, c.minutes) for c in data.categories] == [
        ("环境整治", 180),
        ("养老助老", 120),
    ]
    assert data.first_served_on == date(2026, 10, 3) and data.last_served_on == date(2026, 10, 10)
    assert data.id_type == "居民身份证" and not data.personal_data_masked
    staff = Actor(None, "staff", "李敏", Role.STAFF)
    masked = certificate_data(database, staff, one, date(2026, 10, 5), date(2026, 10, 31))
    assert masked.served_minutes == 180 and masked.id_number == "5301**************"
