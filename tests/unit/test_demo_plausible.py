"""Demo data does not contradict itself (issue 11: "5,008 of 15,453 在职报到 members born before
1961, 1,097 预备党员 born before 1960, sample minutes with 18 present and 19 votes")."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.clock import local_today
from dangqun.core.security import Actor
from dangqun.demo import generate_demo_data
from dangqun.members.demo import AGE_RANGES, PROBATIONARY_AGES, years_before
from dangqun.members.models import Member
from dangqun.members.vocabulary import MemberCategory, MemberKind
from dangqun.minutes.documents.minutes_record import sample_minutes_record
from dangqun.printing.fonts import choose_document_fonts
from tests.unit.printing.pdf_tools import make_context

DEMO_MEMBERS = 3_000
TALLY = re.compile(
    r"赞成 (\d+) 票，反对 (\d+) 票，弃权 (\d+) 票（应到有表决权党员 (\d+) 人，实到 (\d+) 人"
)
"""A resolution's printed tally: yes, no, abstain, voters who should attend, voters present."""


def age_on(day: date, birth: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@pytest.mark.slow
def test_demo_people_have_ages_and_dates_that_fit_their_kind_and_category(
    application: Application, admin: Actor
) -> None:
    generate_demo_data(application.database, admin, DEMO_MEMBERS, seed=11)
    today = local_today()
    with application.database.reading() as session:
        members = session.scalars(select(Member)).all()
    problems: list[str] = []
    for member in members:
        kind, category = MemberKind(member.kind), MemberCategory(member.category)
        age = age_on(today, member.birth_date)
        youngest, oldest = AGE_RANGES[kind]
        if category is MemberCategory.PROBATIONARY:
            youngest, oldest = max(youngest, PROBATIONARY_AGES[0]), PROBATIONARY_AGES[1]
        if not youngest <= age <= oldest:
            problems.append(f"{member.id} {kind.value}/{category.value} aged {age}")
        if member.joined_on < years_before(member.birth_date, -18):
            problems.append(f"{member.id} joined before 18")
        if category is MemberCategory.PROBATIONARY:
            if member.confirmed_on is not None or (today - member.joined_on).days >= 365:
                problems.append(f"{member.id} probationary for over a year")
        elif member.confirmed_on is None or (member.confirmed_on - member.joined_on).days < 365:
            problems.append(f"{member.id} 转正 less than a year after joining")
        if member.registered_on is not None and member.registered_on < member.joined_on:
            problems.append(f"{member.id} registered as a member before joining")

    assert problems == []
    in_service = [m for m in members if m.kind == MemberKind.IN_SERVICE_REGISTERED.value]
    probationary = [m for m in members if m.category == MemberCategory.PROBATIONARY.value]
    assert in_service and probationary  # the checks above saw both kinds
    assert all(age_on(today, m.birth_date) <= 59 for m in in_service)
    assert all(age_on(today, m.birth_date) <= 45 for m in probationary)
    assert not any(m.kind == MemberKind.RETIRED.value for m in probationary)


def test_sample_minutes_add_up(chinese_font: Path) -> None:
    """votes ≤ present ≤ expected, and the outcome follows art. 11 (more than half of those
    with a vote who should attend)."""
    minutes = sample_minutes_record(make_context(choose_document_fonts(str(chinese_font))))

    present = len(minutes.present)
    assert present + len(minutes.absent) + len(minutes.on_leave) == minutes.should_attend
    assert minutes.resolutions
    for line in minutes.resolutions:
        tally = TALLY.match(line.tally)
        assert tally is not None, line.tally
        in_favour, against, abstaining, eligible, voters_present = map(int, tally.groups())
        cast = in_favour + against + abstaining
        assert cast <= voters_present <= present <= minutes.should_attend, line.text
        assert cast <= eligible <= minutes.should_attend, line.text
        assert line.verdict.startswith("通过") == (in_favour * 2 > eligible), line.text
