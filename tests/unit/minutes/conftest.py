"""Shared helpers for the minutes tests: a real center (tests/conftest.py) with a small tree —
a branch with one group, a second branch — and members whose history makes the roster of a
date interesting: a probationary member, one under 留党察看, a 双报到 member (not listed), one
who joined after the meeting, one transferred out after it; and a general meeting held on
2026-11-10 that passes every rule unless a test changes it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import pytest

from dangqun.core.parsing import id_number_for
from dangqun.members import service as members
from dangqun.members.organizations import add_organization
from dangqun.members.validation import MemberForm
from dangqun.members.vocabulary import MemberCategory, MemberKind
from dangqun.minutes import service
from dangqun.minutes.vocabulary import MeetingType

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
"""2026-12-01 10:00 in Shanghai: the moment "future" is judged by."""
MEETING_DAY = date(2026, 11, 10)
REGISTERED = date(2026, 1, 5)


@dataclass
class Center:
    community: int
    branch: int
    group: int
    other_branch: int
    secretary: int
    """书记 王建国: full member, hosts the meetings."""
    voters: list[int]
    """Full local members of the branch (the secretary first), five in all."""
    probationary: int
    on_probation: int
    """留党察看."""
    registered: int
    """在职党员（双报到）: not on the branch's list."""
    late: int
    """Joined the party on 2026-11-20, after the meeting."""
    leaving: int
    """Transferred out on 2026-11-15: on the list of 11-10, not of 11-20."""
    other: int
    """A member of the other branch."""


def _member(database, actor, name, organization_id, sequence, today=REGISTERED, **changes) -> int:
    form = MemberForm(
        name=name,
        id_number=id_number_for("530102", date(1970, 1, 1 + sequence % 27), sequence),
        ethnicity_code="01",
        kind=MemberKind.LOCAL,
        category=MemberCategory.FULL,
        organization_id=organization_id,
        joined_on=date(2000, 7, 1),
        confirmed_on=date(2001, 7, 1),
    )
    form = form.with_changes(**changes)
    return members.register_member(database, actor, form, today=today).member.id


def make_center(database, actor) -> Center:
    street = add_organization(database, actor, None, "翠湖街道党工委")
    community = add_organization(database, actor, street.id, "翠湖社区党委")
    branch = add_organization(database, actor, community.id, "第一网格党支部")
    group = add_organization(database, actor, branch.id, "1栋党小组")
    other_branch = add_organization(database, actor, community.id, "第二网格党支部")
    voters = [
        _member(database, actor, name, branch.id if i != 4 else group.id, 101 + 2 * i)
        for i, name in enumerate(["王建国", "李秀英", "张伟", "刘洋", "陈静"])
    ]
    center = Center(
        community=community.id,
        branch=branch.id,
        group=group.id,
        other_branch=other_branch.id,
        secretary=voters[0],
        voters=voters,
        probationary=_member(
            database,
            actor,
            "赵磊",
            branch.id,
            131,
            category=MemberCategory.PROBATIONARY,
            joined_on=date(2026, 3, 1),
            today=date(2026, 3, 1),
            confirmed_on=None,
        ),
        on_probation=_member(database, actor, "孙强", branch.id, 133, party_standing="留党察看"),
        registered=_member(
            database,
            actor,
            "周敏",
            branch.id,
            135,
            kind=MemberKind.IN_SERVICE_REGISTERED,
            registered_on=date(2025, 3, 1),
            origin_organization="市财政局机关党支部",
            work_unit="市财政局",
        ),
        late=_member(
            database,
            actor,
            "吴军",
            branch.id,
            137,
            category=MemberCategory.PROBATIONARY,
            joined_on=date(2026, 11, 20),
            today=date(2026, 11, 20),
            confirmed_on=None,
        ),
        leaving=_member(database, actor, "郑芳", branch.id, 139),
        other=_member(database, actor, "冯涛", other_branch.id, 141),
    )
    members.transfer_member_out(
        database,
        actor,
        center.leaving,
        date(2026, 11, 15),
        "昆明市盘龙区某支部",
        today=date(2026, 11, 15),
    )
    return center


def meeting_form(center: Center, **changes: object) -> service.MeetingForm:
    values: dict[str, object] = {
        "organization_id": center.branch,
        "meeting_type": MeetingType.GENERAL_MEETING,
        "on_date": MEETING_DAY,
        "starts_at": time(9, 0),
        "ends_at": time(11, 0),
        "place": "社区党群服务中心二楼会议室",
        "host_name": "王建国",
        "host_member_id": center.secretary,
        "recorder_name": "李秀英",
        "recorder_member_id": center.voters[1],
        "topic": "学习贯彻党的二十届四中全会精神",
    }
    values.update(changes)
    return service.MeetingForm(**values)  # type: ignore[arg-type]


@pytest.fixture
def database(application):
    return application.database


@pytest.fixture
def center(database, admin) -> Center:
    return make_center(database, admin)


def row_counts(database) -> dict[str, int]:
    """Rows of every minutes table and the audit log, to prove a refusal wrote nothing."""
    tables = (
        "minutes_meetings",
        "minutes_attendance",
        "minutes_agenda_items",
        "minutes_speeches",
        "minutes_resolutions",
        "minutes_votes",
        "minutes_written_opinions",
        "minutes_attachments",
        "minutes_signatures",
        "minutes_corrections",
        "audit_log",
    )
    with sqlite3.connect(database.path) as connection:
        return {
            name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in tables
        }
