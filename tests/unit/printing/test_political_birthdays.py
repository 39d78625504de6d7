"""本月政治生日名单: from a demo center's database to paper — names, 党龄, order, masking, pages."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditEntry
from dangqun.core.errors import NotFound, PermissionDenied, ValidationError
from dangqun.core.privacy import mask_phone
from dangqun.core.security import Actor, Role
from dangqun.demo import generate_demo_data
from dangqun.members.documents.political_birthdays import (
    BirthdayMember,
    PoliticalBirthdaysData,
    build_political_birthdays,
    parse_list_id,
    parse_month,
    sample_political_birthdays,
)
from dangqun.members.models import Member, Organization
from dangqun.members.service import political_birthdays
from dangqun.members.vocabulary import MemberStatus, OrganizationLevel
from dangqun.printing.batch import render_to_file
from dangqun.printing.fonts import DocumentFonts
from dangqun.printing.page_kit import PrintContext, chinese_date
from dangqun.printing.service import (
    PERSONAL_DATA_AUDIT_ACTION,
    print_context_for,
    print_record,
    record_pdf,
)
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import (
    compact_text,
    make_context,
    pdf_info,
    pdf_text,
    pdf_words,
)

STAFF = Actor(user_id=None, username="staff", display_name="工作人员甲", role=Role.STAFF)
YEAR = 2026
A4_PORTRAIT = (595.28, 841.89)


@dataclasses.dataclass(frozen=True)
class Expected:
    name: str
    joined_on: date
    years: int
    phone: str
    branch: str


@pytest.fixture
def demo_application(application: Application, admin: Actor) -> Application:
    generate_demo_data(application.database, admin, 120, seed=7)
    return application


def busiest_month(application: Application) -> tuple[int, list[Expected]]:
    """The month with the most political birthdays in YEAR, and who they are (from the rows)."""
    with application.database.reading() as session:
        organizations = {row.id: row for row in session.scalars(select(Organization))}
        members = session.scalars(
            select(Member).where(Member.status == MemberStatus.ACTIVE.value)
        ).all()
        by_month: dict[int, list[Expected]] = {}
        for member in members:
            if member.joined_on.year >= YEAR:
                continue
            organization = organizations.get(member.organization_id or -1)
            if (
                organization is not None
                and organization.level == OrganizationLevel.BUILDING_GROUP.value
                and organization.parent_id is not None
            ):
                organization = organizations[organization.parent_id]
            by_month.setdefault(member.joined_on.month, []).append(
                Expected(
                    member.name,
                    member.joined_on,
                    YEAR - member.joined_on.year,
                    member.phone or "",
                    organization.name if organization else "",
                )
            )
    month = max(by_month, key=lambda key: len(by_month[key]))
    return month, by_month[month]


def layout_rows(path: Path) -> list[str]:
    """Table rows as ``pdftotext -layout`` lines: those starting with a sequence number."""
    return [
        line for line in pdf_text(path, layout=True).splitlines() if re.match(r"\s*\d+\s", line)
    ]


@requires_poppler
def test_a_demo_centers_month_lists_names_and_years_of_membership(
    demo_application: Application, tmp_path: Path
) -> None:
    application = demo_application
    month, expected = busiest_month(application)
    assert len(expected) >= 3
    context = print_context_for(application.database, application.paths.keys, STAFF)
    path = tmp_path / "birthdays.pdf"
    print_record(
        application.database, STAFF, context, "political_birthdays", f"{YEAR}-{month:02d}", path
    )
    text = compact_text(path)
    assert f"{YEAR}年{month}月政治生日名单" in text
    assert "翠湖社区党群服务中心" in text
    assert f"{month}月共{len(expected)}名党员过政治生日" in text
    rows = layout_rows(path)
    assert len(rows) == len(expected)
    for person in expected:
        joined = chinese_date(person.joined_on)
        pattern = rf"\s{person.name}\s+[男女].*{joined}\s+{person.years}(\s|$)"
        assert any(re.search(pattern, row) for row in rows), (person, rows)
        assert any(person.name in row and person.branch in row for row in rows), person
    # By day of the month, numbered in that order.
    days = [int(re.search(r"\d{4}年\d{1,2}月(\d{1,2})日", row)[1]) for row in rows]  # type: ignore[index]
    assert days == sorted(days)
    assert [int(row.split()[0]) for row in rows] == list(range(1, len(rows) + 1))
    info = pdf_info(path)
    assert (info.width, info.height) == pytest.approx(A4_PORTRAIT, abs=0.5)
    assert f"第1页共{info.pages}页" in text


@requires_poppler
def test_phones_are_masked_for_staff_and_full_for_an_audited_full_print(
    demo_application: Application, admin: Actor, tmp_path: Path
) -> None:
    application = demo_application
    month, expected = busiest_month(application)
    phones = [person.phone for person in expected if person.phone]
    assert phones
    record_id = f"{YEAR}-{month:02d}"

    staff_context = print_context_for(application.database, application.paths.keys, STAFF)
    masked = tmp_path / "masked.pdf"
    print_record(
        application.database, STAFF, staff_context, "political_birthdays", record_id, masked
    )
    masked_text = compact_text(masked)
    for phone in phones:
        assert phone not in masked_text
        assert mask_phone(phone) in masked_text  # the roster's masking, not masked twice

    # An administrator printing without asking for full data still gets masked phones.
    admin_context = print_context_for(application.database, application.paths.keys, admin)
    admin_masked = tmp_path / "admin-masked.pdf"
    print_record(
        application.database, admin, admin_context, "political_birthdays", record_id, admin_masked
    )
    assert all(mask_phone(phone) in compact_text(admin_masked) for phone in phones)

    full_context = print_context_for(
        application.database, application.paths.keys, admin, full_personal_data=True
    )
    full = tmp_path / "full.pdf"
    print_record(application.database, admin, full_context, "political_birthdays", record_id, full)
    full_text = compact_text(full)
    assert all(phone in full_text for phone in phones)
    with application.database.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == PERSONAL_DATA_AUDIT_ACTION)
        ).all()
    assert [entry.entity_id for entry in entries] == [f"political_birthdays:{record_id}"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-11", (2026, 11)), ("2026-1", (2026, 1)), (" 2025-03 ", (2025, 3))],
)
def test_month_ids_in_the_expected_form_are_read(text: str, expected: tuple[int, int]) -> None:
    assert parse_month(text) == expected


@pytest.mark.parametrize("bad", ["", "11", "202611", "2026/11", "2026-13", "2026-00", "26-11"])
def test_a_bad_month_id_is_refused_naming_the_expected_form(
    application: Application, admin: Actor, tmp_path: Path, bad: str
) -> None:
    context = print_context_for(application.database, application.paths.keys, admin)
    path = tmp_path / "x.pdf"
    with pytest.raises(ValidationError, match="YYYY-MM") as refused:
        print_record(application.database, admin, context, "political_birthdays", bad, path)
    assert refused.value.errors[0].field == "id"
    assert "2026-11" in refused.value.message
    assert not path.exists()


def test_a_context_without_an_actor_cannot_load_the_list(
    application: Application, admin: Actor, tmp_path: Path, fonts: DocumentFonts
) -> None:
    with pytest.raises(PermissionDenied):
        print_record(
            application.database,
            admin,
            make_context(fonts),
            "political_birthdays",
            "2026-11",
            tmp_path / "x.pdf",
        )


def test_preview_bytes_for_the_ui(demo_application: Application, tmp_path: Path) -> None:
    application = demo_application
    month, _expected = busiest_month(application)
    reported: list[tuple[int, int | None]] = []
    pdf = record_pdf(
        application.database,
        application.paths.keys,
        STAFF,
        "political_birthdays",
        f"{YEAR}-{month:02d}",
        "政治生日名单",
        lambda done, total: reported.append((done, total)),
    )
    assert pdf.startswith(b"%PDF-") and reported


@requires_poppler
def test_sample_phones_masked_for_staff_and_full_when_allowed(
    fonts: DocumentFonts, tmp_path: Path
) -> None:
    masked_context = make_context(fonts)
    masked = tmp_path / "masked.pdf"
    data = sample_political_birthdays(masked_context)
    render_to_file([build_political_birthdays(data, masked_context)], masked_context, masked)
    text = compact_text(masked)
    assert "13908712345" not in text and "*******2345" in text
    assert "0871-65123456" not in text and "*********3456" in text
    assert "联系电话已按规定部分隐藏" in text

    full_context = make_context(fonts, full_personal_data=True)
    full = tmp_path / "full.pdf"
    render_to_file([build_political_birthdays(data, full_context)], full_context, full)
    text = compact_text(full)
    assert "13908712345" in text and "0871-65123456" in text
    assert "本表含完整联系电话" in text


@requires_poppler
def test_a_long_list_splits_across_pages_with_the_header_on_each(
    context: PrintContext, tmp_path: Path
) -> None:
    people = [
        BirthdayMember(
            name=f"党员{number:03d}",
            gender="男" if number % 2 else "女",
            branch=f"翠湖社区第{number % 5 + 1}网格党支部",
            joined_on=date(1960 + number % 60, 11, (number * 7) % 30 + 1),
            years=YEAR - (1960 + number % 60),
            phone=f"139{number:08d}",
        )
        for number in range(150)
    ]
    data = PoliticalBirthdaysData(YEAR, 11, people)
    path = tmp_path / "long.pdf"
    render_to_file([build_political_birthdays(data, context)], context, path)
    info = pdf_info(path)
    assert info.pages >= 3
    assert (info.width, info.height) == pytest.approx(A4_PORTRAIT, abs=0.5)
    text = compact_text(path)
    for page in range(1, info.pages + 1):
        assert f"第{page}页共{info.pages}页" in text
    header_pages = {word.page for word in pdf_words(path) if word.text == "所在党支部"}
    assert header_pages == set(range(1, info.pages + 1))
    assert "11月共150名党员过政治生日" in text
    rows = layout_rows(path)
    assert len(rows) == 150
    days = [int(re.search(r"\d{4}年11月(\d{1,2})日", row)[1]) for row in rows]  # type: ignore[index]
    assert days == sorted(days)


@requires_poppler
def test_join_dates_are_written_in_full_on_one_line(context: PrintContext, tmp_path: Path) -> None:
    """Issue 12 (after GB/T 9704-2012): 1975年11月3日, year, month and day in Arabic numerals,
    never 1975.11.03; the widest (…年11月30日) stays whole on one line of its cell."""
    days = [1, 3, 9, 10, 18, 28, 30]
    people = [
        BirthdayMember(
            name=f"党员{day:02d}",
            gender="男",
            branch="翠湖社区第一网格党支部",
            joined_on=date(1975 + day, 11, day),
            years=YEAR - 1975 - day,
            phone="0871-65123456",
        )
        for day in days
    ]
    path = tmp_path / "dates.pdf"
    render_to_file(
        [build_political_birthdays(PoliticalBirthdaysData(YEAR, 11, people), context)],
        context,
        path,
    )
    words = pdf_words(path)
    texts = [word.text for word in words]
    for person in people:
        assert chinese_date(person.joined_on) in texts, (person.joined_on, texts)
    assert "1976年11月1日" in texts and "2005年11月30日" in texts
    assert not any(re.fullmatch(r"\d{4}\.\d{2}\.\d{2}", text) for text in texts)


@requires_poppler
def test_a_month_without_birthdays_says_so(context: PrintContext, tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    data = PoliticalBirthdaysData(YEAR, 2, [])
    render_to_file([build_political_birthdays(data, context)], context, path)
    text = compact_text(path)
    assert "2026年2月政治生日名单" in text and "2月没有在册党员过政治生日" in text


# -- one party organization's list (issue 11) ----------------------------------------------


def grid_branch_with_birthdays(application: Application, month: int) -> Organization:
    """A 网格党支部 with members in ``month`` recorded on it or on its building groups."""
    with application.database.reading() as session:
        branches = session.scalars(
            select(Organization).where(Organization.level == OrganizationLevel.GRID_BRANCH.value)
        ).all()
        session.expunge_all()
    everyone = political_birthdays(application.database, STAFF, month, YEAR)
    for branch in branches:
        if any(person.branch_name == branch.name for person in everyone):
            return branch
    raise AssertionError("the demo center has no grid branch with birthdays that month")


def test_the_list_of_one_organization_holds_its_members_and_those_below_it(
    demo_application: Application,
) -> None:
    application = demo_application
    month, expected = busiest_month(application)
    branch = grid_branch_with_birthdays(application, month)

    everyone = political_birthdays(application.database, STAFF, month, YEAR)
    branch_only = political_birthdays(application.database, STAFF, month, YEAR, branch.id)

    assert len(everyone) == len(expected)
    assert 0 < len(branch_only) < len(everyone)
    # Members recorded on the branch's building groups count too (their branch_name is the
    # branch above them), as on the roster.
    assert {person.member_id for person in branch_only} == {
        person.member_id for person in everyone if person.branch_name == branch.name
    }


def test_an_organization_that_does_not_exist_is_refused_in_chinese(
    demo_application: Application,
) -> None:
    with pytest.raises(NotFound, match="党组织已不存在"):
        political_birthdays(demo_application.database, STAFF, 11, YEAR, 999_999)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-11", (2026, 11, None)), ("2026-11/3", (2026, 11, 3)), (" 2025-3 / 12 ", (2025, 3, 12))],
)
def test_list_ids_name_the_month_and_maybe_an_organization(
    text: str, expected: tuple[int, int, int | None]
) -> None:
    assert parse_list_id(text) == expected


@pytest.mark.parametrize("bad", ["2026-11/", "2026-11/abc", "2026-11/0", "2026-11/-3"])
def test_a_bad_organization_in_the_id_is_refused_naming_the_form(bad: str) -> None:
    with pytest.raises(ValidationError, match="党组织编号") as refused:
        parse_list_id(bad)
    assert refused.value.errors[0].field == "id"
    assert "2026-11/3" in refused.value.message


@requires_poppler
def test_the_printout_of_one_organization_names_it_and_lists_only_its_members(
    demo_application: Application, tmp_path: Path
) -> None:
    application = demo_application
    month, expected = busiest_month(application)
    branch = grid_branch_with_birthdays(application, month)
    members = [person for person in expected if person.branch == branch.name]
    others = [person for person in expected if person.branch != branch.name]
    context = print_context_for(application.database, application.paths.keys, STAFF)
    path = tmp_path / "branch.pdf"

    print_record(
        application.database,
        STAFF,
        context,
        "political_birthdays",
        f"{YEAR}-{month:02d}/{branch.id}",
        path,
    )

    text = compact_text(path)
    # Issue 12: the heading names the community and the branch (the community once).
    assert f"政治生日名单翠湖社区{branch.name}" in text
    assert f"翠湖社区{branch.name}{month}月共{len(members)}名党员过政治生日" in text
    rows = layout_rows(path)
    assert len(rows) == len(members)
    assert all(any(person.name in row for row in rows) for person in members)
    outsiders = {person.name for person in others} - {person.name for person in members}
    assert not any(name in row for name in outsiders for row in rows)
