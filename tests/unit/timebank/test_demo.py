"""The time bank's demo year keeps the ledger's rules and looks like a community's year
(issue 13, "Demo data"): ``dangqun check`` passes on a fresh demo center, the services carry on
from it, the same seed gives the same year, and the people, seasons and postings are plausible."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from dangqun.bootstrap import Application, check_application, open_application
from dangqun.core.clock import local_today
from dangqun.core.errors import ValidationError
from dangqun.core.parsing import birth_date_of_id_number, has_valid_checksum
from dangqun.core.paths import DataPaths
from dangqun.demo import generate_demo_data
from dangqun.timebank import service as timebank
from dangqun.timebank.demo import lunar_festivals
from tests.cli_helpers import run_cli
from tests.conftest import actor_of, demo_center, read_rows
from tests.unit.timebank.conftest import resident_form

DEMO_MEMBERS = 2_000
SEED = 5


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Application]:
    """One demo center of 2,000 members with two staff users, shared by the read-only tests."""
    application = demo_center(
        tmp_path_factory.mktemp("demo") / "center", DEMO_MEMBERS, SEED, with_staff=True
    )
    yield application
    application.close()


def _age(today: date, birth: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


@pytest.mark.slow
def test_a_fresh_demo_center_passes_dangqun_check(initialized_paths: DataPaths) -> None:
    application = open_application(initialized_paths)
    try:
        generate_demo_data(application.database, actor_of(application, "admin"), 600, seed=3)
    finally:
        application.close()

    result = run_cli(initialized_paths.root, "check")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "检查通过" in result.stdout
    for rule in ("timebank_served_minutes", "timebank_closings", "timebank_balance_limits"):
        assert rule in result.stdout


@pytest.mark.slow
def test_every_invariant_holds_for_large_and_tiny_centers(tmp_path: Path) -> None:
    for members, seed in ((5, 1), (8_000, 2)):
        application = demo_center(
            tmp_path / str(members),
            members,
            seed,
        )
        try:
            report = check_application(application)
            volunteers = read_rows(application, "SELECT count(*) FROM timebank_volunteers")[0][0]
        finally:
            application.close()
        assert report.ok, report.problems
        assert volunteers >= 1


@pytest.mark.slow
def test_the_demo_year_holds_every_kind_of_record_and_posting(demo: Application) -> None:
    statuses = dict(
        read_rows(demo, "SELECT status, count(*) FROM timebank_service_records GROUP BY 1")
    )
    kinds = dict(read_rows(demo, "SELECT kind, count(*) FROM timebank_transfers GROUP BY 1"))
    volunteer_statuses = {
        row[0] for row in read_rows(demo, "SELECT status FROM timebank_volunteers")
    }

    assert statuses["verified"] > 0.9 * sum(statuses.values())
    assert 0 < statuses["pending"] < 0.05 * sum(statuses.values())
    assert 0 < statuses["rejected"] < 0.05 * sum(statuses.values())
    assert statuses["reversed"] > 0
    assert {"earn", "spend", "give", "donate", "reversal"} <= set(kinds)
    assert volunteer_statuses == {"active", "suspended", "closed"}
    assert read_rows(
        demo,
        "SELECT count(*) FROM timebank_service_records WHERE batch_uuid IS NOT NULL "
        "GROUP BY batch_uuid HAVING count(*) >= 3",
    )
    assert read_rows(
        demo, "SELECT count(*) FROM timebank_service_records WHERE crosses_midnight = 1"
    )
    rejected = read_rows(
        demo, "SELECT rejection_reason FROM timebank_service_records WHERE status = 'rejected'"
    )
    reasons = read_rows(demo, "SELECT reason FROM timebank_transfers WHERE kind = 'reversal'")
    assert all(reason for (reason,) in rejected + reasons)


def test_records_are_verified_by_another_staff_user_days_after_the_service(
    demo: Application,
) -> None:
    decided = read_rows(
        demo,
        "SELECT entered_by, decided_by, served_on, decided_at "
        "FROM timebank_service_records WHERE decided_by IS NOT NULL",
    )
    assert decided
    assert all(entered != verifier for entered, verifier, _served, _at in decided)
    assert {verifier for _entered, verifier, _served, _at in decided} == {"admin", "limin"}
    earns = read_rows(
        demo,
        "SELECT r.served_on, t.booked_on, t.posted_by, r.decided_by "
        "FROM timebank_transfers t JOIN timebank_service_records r "
        "ON r.id = t.service_record_id",
    )
    for served_on, booked_on, posted_by, decided_by in earns:
        assert served_on < booked_on < local_today().isoformat()
        assert posted_by == decided_by


def test_categories_follow_the_seasons(demo: Application) -> None:
    by_month = Counter(
        {
            (category, int(month)): count
            for category, month, count in read_rows(
                demo,
                "SELECT c.name, substr(r.served_on, 6, 2), count(*) FROM "
                "timebank_service_records r JOIN timebank_categories c ON c.id = r.category_id "
                "GROUP BY 1, 2",
            )
        }
    )
    total = sum(by_month.values())

    def share(category: str, months: range | tuple[int, ...]) -> float:
        inside = sum(by_month[(category, m)] for m in months)
        everywhere = sum(by_month[(category, m)] for m in range(1, 13))
        return inside / everywhere

    assert share("环境整治", (3, 4, 5)) > 0.5  # spring: a quarter of the year, most of the work
    assert share("助学", (7, 8)) > 0.3  # the summer holidays' 托管班
    assert sum(by_month[("助学", m)] for m in (3, 4, 5, 10, 11)) > 0  # 四点半课堂 in term time
    assert 0 < sum(by_month[("疫情防控", m)] for m in range(1, 13)) < 0.03 * total
    assert min(by_month[("养老助老", m)] for m in range(1, 13)) > 0  # all year round
    culture = read_rows(
        demo,
        "SELECT DISTINCT r.served_on FROM timebank_service_records r "
        "JOIN timebank_categories c ON c.id = r.category_id WHERE c.name = '文体'",
    )
    today = local_today()
    festivals = [
        *(festival for year in (today.year - 1, today.year) for festival in lunar_festivals(year)),
        *(
            date(year, m, d)
            for year in (today.year - 1, today.year)
            for m, d in ((1, 1), (7, 1), (10, 1))
        ),
    ]
    for (served_on,) in culture:
        day = date.fromisoformat(served_on)
        assert min(abs((day - festival).days) for festival in festivals) <= 15, day


def test_volunteers_are_plausible_people(demo: Application) -> None:
    today = local_today()
    members = read_rows(
        demo,
        "SELECT m.kind, m.birth_date, m.status FROM timebank_volunteers v "
        "JOIN members m ON m.id = v.member_id",
    )
    residents = read_rows(
        demo, "SELECT name, id_number, opened_on FROM timebank_volunteers WHERE member_id IS NULL"
    )
    member_ids = {row[0] for row in read_rows(demo, "SELECT id_number FROM members")}

    kinds = Counter(kind for kind, _birth, _status in members)
    assert kinds["retired"] + kinds["in_service"] > len(members) / 2
    assert {status for _kind, _birth, status in members} == {"active"}
    assert all(_age(today, date.fromisoformat(birth)) <= 78 for _k, birth, _s in members)
    assert len(residents) >= len(members) / 5
    for name, id_number, opened_on in residents:
        assert 2 <= len(name) <= 3 and has_valid_checksum(id_number)
        born = birth_date_of_id_number(id_number)
        assert 18 <= _age(today, born) <= 92, (name, born)
        assert _age(date.fromisoformat(opened_on), born) >= 18
        assert id_number not in member_ids


def test_gifts_go_to_elderly_relatives_at_the_same_address(demo: Application) -> None:
    gifts = read_rows(
        demo,
        "SELECT t.reason, m.name, m.birth_date, m.address, p.name, p.id_number, p.address "
        "FROM timebank_transfers t "
        "JOIN timebank_entries give ON give.transfer_id = t.id AND give.amount < 0 "
        "JOIN timebank_entries take ON take.transfer_id = t.id AND take.amount > 0 "
        "JOIN timebank_accounts a ON a.id = give.account_id "
        "JOIN timebank_volunteers v ON v.id = a.volunteer_id JOIN members m ON m.id = v.member_id "
        "JOIN timebank_accounts b ON b.id = take.account_id "
        "JOIN timebank_volunteers p ON p.id = b.volunteer_id WHERE t.kind = 'give'",
    )
    assert gifts
    for reason, _child, child_birth, child_address, parent, parent_id, parent_address in gifts:
        assert reason in (f"赠予父亲{parent}", f"赠予母亲{parent}")
        assert parent_address == child_address
        assert (
            date.fromisoformat(child_birth) - birth_date_of_id_number(parent_id)
        ).days > 20 * 365


@pytest.mark.slow
def test_every_past_month_is_closed_and_the_services_carry_on(demo: Application) -> None:
    today = local_today()
    months = [
        row[0] for row in read_rows(demo, "SELECT month FROM timebank_closings ORDER BY month")
    ]
    assert len(months) == 12 and months[-1] == f"{today.replace(day=1) - timedelta(days=1):%Y-%m}"
    assert f"{today:%Y-%m}" not in months

    admin = actor_of(demo, "admin")
    clerk = actor_of(demo, "limin")
    with pytest.raises(ValidationError, match="已经结账"):
        timebank.close_month(demo.database, admin, months[-1])
    pending = timebank.list_service_records(
        demo.database, admin, timebank.RecordQuery(status=timebank.RecordStatus.PENDING)
    ).rows
    record = next(r for r in pending if r.entered_by != "limin")
    before = timebank.get_balances(demo.database, admin, record.volunteer_id)
    posted = timebank.verify_service_record(demo.database, clerk, record.id, str(uuid.uuid4()))
    after = timebank.get_balances(demo.database, admin, record.volunteer_id)
    assert posted.booked_on == today
    assert after.spendable == before.spendable + record.minutes
    opened = timebank.open_volunteer(demo.database, admin, resident_form(sequence=777))
    numbers = [
        row[0]
        for row in read_rows(
            demo, f"SELECT number FROM timebank_volunteers WHERE number LIKE 'ZY{today.year}%'"
        )
    ]
    assert opened.number == max(numbers)
    service = timebank.record_service(
        demo.database,
        admin,
        timebank.ServiceForm(
            volunteer_id=opened.id,
            category_id=record.category_id,
            served_on=today - timedelta(days=1),
            starts_at=time(9, 0),
            ends_at=time(10, 0),
            beneficiary_kind=timebank.BeneficiaryKind.RESIDENT,
            beneficiary="张奶奶",
            content="陪聊读报",
            slip_number=f"DJ{today - timedelta(days=1):%Y%m}9999",
        ),
        now=datetime.combine(today, time(8, 0)),
    )
    assert service.status is timebank.RecordStatus.PENDING
    assert check_application(demo).ok


@pytest.mark.slow
def test_the_same_seed_gives_the_same_year(tmp_path: Path) -> None:
    query = (
        "SELECT v.number, v.uuid, r.served_on, r.starts_at, r.minutes, r.status, r.slip_number, "
        "r.content FROM timebank_service_records r JOIN timebank_volunteers v "
        "ON v.id = r.volunteer_id ORDER BY r.id"
    )
    ledger = "SELECT kind, request_id, booked_on, reason FROM timebank_transfers ORDER BY id"
    years = []
    for folder, seed in (("one", 9), ("two", 9), ("three", 10)):
        application = demo_center(
            tmp_path / folder,
            300,
            seed,
        )
        try:
            years.append((read_rows(application, query), read_rows(application, ledger)))
        finally:
            application.close()
    assert years[0] == years[1]
    assert years[0][0] and years[0] != years[2]
