"""Every synced table gets uuid, timestamps, a change number and tombstones (DOMAIN.md §5)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from sqlalchemy.exc import StatementError

from dangqun.bootstrap import Application, check_application
from dangqun.core.center import find_center
from dangqun.core.db import Database
from dangqun.core.model_base import (
    Tombstone,
    current_change_number,
    insert_synced_rows,
    new_uuid,
    reserve_change_numbers,
)
from dangqun.core.security import Actor
from dangqun.members.models import Organization
from dangqun.members.vocabulary import OrganizationLevel

SENDER_TIME = datetime(2025, 3, 1, 8, 30, tzinfo=UTC)


def _add_organization(application: Application, actor: Actor, name: str) -> int:
    with application.database.unit_of_work(actor) as work:
        organization = Organization(level=OrganizationLevel.GRID_BRANCH.value, name=name)
        work.session.add(organization)
        work.session.flush()
        work.commit()
        return organization.id


def test_new_synced_row_gets_uuid_timestamps_and_change_number(application, admin):
    with application.database.reading() as session:
        before = current_change_number(session)
    organization_id = _add_organization(application, admin, "第一网格党支部")
    with application.database.reading() as session:
        organization = session.get(Organization, organization_id)
        assert organization is not None
        assert len(organization.uuid) == 36
        assert organization.created_at.tzinfo is not None
        assert organization.updated_at == organization.created_at
        assert organization.change_seq == before + 1
        assert current_change_number(session) == before + 1


def test_update_bumps_change_number_and_updated_at_but_keeps_uuid(application, admin):
    organization_id = _add_organization(application, admin, "第一网格党支部")
    with application.database.reading() as session:
        first = session.get(Organization, organization_id)
        assert first is not None
        first_uuid, first_seq, first_updated = first.uuid, first.change_seq, first.updated_at
    with application.database.unit_of_work(admin) as work:
        row = work.session.get(Organization, organization_id)
        assert row is not None
        row.name = "第一网格党支部（更名）"
        work.commit()
    with application.database.reading() as session:
        row = session.get(Organization, organization_id)
        assert row is not None
        assert row.uuid == first_uuid
        assert row.change_seq > first_seq
        assert row.updated_at >= first_updated


def test_unchanged_flush_does_not_bump_counter(application, admin):
    organization_id = _add_organization(application, admin, "第二网格党支部")
    with application.database.reading() as session:
        before = current_change_number(session)
    with application.database.unit_of_work(admin) as work:
        row = work.session.get(Organization, organization_id)
        assert row is not None
        row.name = row.name  # same value: not a change
        work.commit()
    with application.database.reading() as session:
        assert current_change_number(session) == before


def test_delete_leaves_tombstone_with_change_number(application, admin):
    organization_id = _add_organization(application, admin, "待删除支部")
    with application.database.unit_of_work(admin) as work:
        row = work.session.get(Organization, organization_id)
        assert row is not None
        deleted_uuid = row.uuid
        work.session.delete(row)
        work.commit()
    with application.database.reading() as session:
        tombstone = session.scalars(select(Tombstone)).one()
        assert tombstone.record_uuid == deleted_uuid
        assert tombstone.table_name == "organizations"
        assert tombstone.change_seq == current_change_number(session)


def test_rolled_back_change_does_not_consume_counter(application, admin):
    with application.database.reading() as session:
        before = current_change_number(session)
    with application.database.unit_of_work(admin) as work:
        work.session.add(Organization(level=OrganizationLevel.GRID_BRANCH.value, name="未提交"))
        work.session.flush()
        # leaving without commit() rolls back the row and the counter together
    with application.database.reading() as session:
        assert current_change_number(session) == before
        assert session.scalars(select(Organization)).all() == []


operations = st.lists(
    st.tuples(st.sampled_from(["create", "update", "delete"]), st.integers(0, 20)),
    min_size=1,
    max_size=25,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=operations)
def test_change_numbers_are_unique_increasing_and_never_ahead_of_counter(application, admin, steps):
    """Property: whatever the mix of edits, "changed since N" is exactly the later edits."""
    with application.database.unit_of_work(admin) as work:
        for row in work.session.scalars(select(Organization)):
            work.session.delete(row)
        work.commit()
    live: list[int] = []
    seen_numbers: list[int] = []
    for action, pick in steps:
        with application.database.unit_of_work(admin) as work:
            if action == "create" or not live:
                row = Organization(level=OrganizationLevel.GRID_BRANCH.value, name=f"支部{pick}")
                work.session.add(row)
                work.session.flush()
                live.append(row.id)
                work.commit()
                seen_numbers.append(row.change_seq)
                continue
            target = work.session.get(Organization, live[pick % len(live)])
            assert target is not None
            if action == "update":
                target.name = f"{target.name}·{pick}"
                work.commit()
                seen_numbers.append(target.change_seq)
            else:
                live.remove(target.id)
                work.session.delete(target)
                work.commit()
                with application.database.reading() as session:
                    seen_numbers.append(current_change_number(session))
    assert seen_numbers == sorted(seen_numbers)
    assert len(set(seen_numbers)) == len(seen_numbers)
    with application.database.reading() as session:
        counter = current_change_number(session)
        assert counter == seen_numbers[-1]
        numbers = [r.change_seq for r in session.scalars(select(Organization))]
        numbers += [t.change_seq for t in session.scalars(select(Tombstone))]
        assert max(numbers) <= counter
        assert len(set(numbers)) == len(numbers)


def test_instants_come_back_as_aware_utc(application, admin):
    with application.database.reading() as session:
        center = find_center(session)
        assert center is not None
        offset = center.created_at.utcoffset()
        assert offset is not None and offset.total_seconds() == 0


def test_naive_datetime_is_refused_for_utc_columns(application, admin):
    with application.database.unit_of_work(admin) as work:
        center = find_center(work.session)
        assert center is not None
        center.created_at = datetime(2026, 1, 1, 8, 0)  # naive: ambiguous, must not be stored
        with pytest.raises(StatementError, match="naive datetime"):
            work.session.flush()


# --- who stamps: the center's write sessions only -------------------------------------------


def test_an_import_session_keeps_the_senders_uuid_timestamps_and_change_number(application, admin):
    with application.database.reading() as session:
        before = current_change_number(session)
    sender_uuid = new_uuid()
    with application.database.unit_of_work(admin, stamping=False) as work:
        work.session.add(
            Organization(
                level=OrganizationLevel.GRID_BRANCH.value,
                name="外来支部",
                uuid=sender_uuid,
                created_at=SENDER_TIME,
                updated_at=SENDER_TIME,
                change_seq=4242,
            )
        )
        work.commit()
    with application.database.reading() as session:
        row = session.scalars(select(Organization).where(Organization.uuid == sender_uuid)).one()
        assert (row.created_at, row.updated_at, row.change_seq) == (SENDER_TIME, SENDER_TIME, 4242)
        assert current_change_number(session) == before


def test_an_import_session_edits_and_deletes_without_new_numbers_or_tombstones(application, admin):
    organization_id = _add_organization(application, admin, "第三网格党支部")
    with application.database.reading() as session:
        before = current_change_number(session)
    with application.database.unit_of_work(admin, stamping=False) as work:
        row = work.session.get(Organization, organization_id)
        assert row is not None
        row.name = "第三网格党支部（来自上级）"
        row.change_seq = 77
        work.session.flush()
        assert row.change_seq == 77
        work.session.delete(row)
        work.commit()
    with application.database.reading() as session:
        assert session.scalars(select(Tombstone)).all() == []
        assert current_change_number(session) == before


def test_a_reading_session_never_stamps(application, admin):
    organization_id = _add_organization(application, admin, "第四网格党支部")
    with application.database.reading() as session:
        before = current_change_number(session)
        row = session.get(Organization, organization_id)
        assert row is not None
        seq = row.change_seq
        row.name = "只读会话里的改动"
        session.flush()  # autoflush would do the same before a query
        assert row.change_seq == seq
        assert current_change_number(session) == before


# --- the database location: a path or an SQLAlchemy URL -----------------------------------


def _pragmas(database: Database) -> tuple[str, int]:
    with database.engine.connect() as connection:
        journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one()
    return journal, foreign_keys


def test_a_database_opens_from_a_path_or_an_sqlite_url_with_the_same_settings(tmp_path):
    path = tmp_path / "center.sqlite3"
    by_path = Database(path)
    by_url = Database(f"sqlite:///{path}")
    try:
        assert by_path.path == by_url.path == path
        assert _pragmas(by_path) == _pragmas(by_url) == ("wal", 1)
        with by_url.reading() as session:
            session.execute(text("CREATE TABLE probe (id INTEGER)"))
        with by_url.new_write_session() as session, session.begin():
            session.execute(text("CREATE TABLE written (id INTEGER)"))
        with by_path.reading() as session:
            tables = session.execute(text("SELECT name FROM sqlite_master")).scalars().all()
        assert tables == ["written"]  # the reading session's work was never committed
    finally:
        by_path.dispose()
        by_url.dispose()


def test_a_url_that_is_not_an_sqlite_file_has_no_path(tmp_path):
    database = Database("sqlite://")
    try:
        assert database.path is None
        with database.reading() as session:
            assert session.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        database.dispose()
    assert not list(tmp_path.iterdir())


# --- bulk inserts ---------------------------------------------------------------------------


def _branch_rows(count: int, first_id: int = 100) -> list[dict[str, object]]:
    return [
        {"id": first_id + index, "parent_id": None, "level": OrganizationLevel.COMMUNITY.value,
         "name": f"批量支部{index}", "code": None, "sort_order": index}
        for index in range(count)
    ]  # fmt: skip


def test_bulk_insert_stamps_like_the_flush_hook_and_check_still_passes(application, admin):
    rows = _branch_rows(5)
    given_uuid = new_uuid()
    rows[0]["uuid"] = given_uuid  # a generator's seeded uuid is kept
    with application.database.unit_of_work(admin) as work:
        before = current_change_number(work.session)
        insert_synced_rows(work.session, Organization, rows, chunk_size=2)
        work.commit()
    with application.database.reading() as session:
        stored = session.scalars(select(Organization).order_by(Organization.id)).all()
        assert [row.name for row in stored] == [f"批量支部{index}" for index in range(5)]
        assert [row.change_seq for row in stored] == list(range(before + 1, before + 6))
        assert current_change_number(session) == before + 5
        assert stored[0].uuid == given_uuid
        assert len({row.uuid for row in stored}) == 5
        assert all(row.created_at == row.updated_at for row in stored)
        assert all(row.created_at.tzinfo is not None for row in stored)
    assert [row["uuid"] for row in rows] == [row.uuid for row in stored]  # stamped in place
    report = check_application(application)
    assert report.ok, report.problems
    assert {"change_counter", "tombstones"} <= set(report.checks_run)


def test_bulk_insert_in_an_import_session_keeps_the_senders_values(application, admin):
    rows = _branch_rows(3)
    for offset, row in enumerate(rows):
        row.update(
            uuid=new_uuid(), created_at=SENDER_TIME, updated_at=SENDER_TIME, change_seq=10 + offset
        )
    with application.database.unit_of_work(admin, stamping=False) as work:
        before = current_change_number(work.session)
        insert_synced_rows(work.session, Organization, rows)
        work.commit()
    with application.database.reading() as session:
        stored = session.scalars(select(Organization).order_by(Organization.id)).all()
        assert [row.change_seq for row in stored] == [10, 11, 12]
        assert {row.created_at for row in stored} == {SENDER_TIME}
        assert current_change_number(session) == before


def test_check_finds_bulk_rows_whose_numbers_were_never_reserved(application, admin):
    """The invariant that makes the bulk helper's reservation necessary."""
    with application.database.unit_of_work(admin) as work:
        ahead = current_change_number(work.session) + 1
        rows = _branch_rows(1)
        rows[0].update(uuid=new_uuid(), created_at=SENDER_TIME, updated_at=SENDER_TIME)
        rows[0]["change_seq"] = ahead
        work.session.execute(Organization.__table__.insert(), rows)
        work.commit()
    report = check_application(application)
    assert not report.ok
    with application.database.unit_of_work(admin) as work:
        reserve_change_numbers(work.session, 1)
        work.commit()
    assert check_application(application).ok
    with application.database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Organization)) == 1
