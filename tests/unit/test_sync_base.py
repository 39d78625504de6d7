"""Every synced table gets uuid, timestamps, a change number and tombstones (DOMAIN.md §5)."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from dangqun.bootstrap import Application
from dangqun.core.center import find_center
from dangqun.core.model_base import Tombstone, current_change_number
from dangqun.core.security import Actor
from dangqun.members.models import Organization, OrganizationLevel


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
