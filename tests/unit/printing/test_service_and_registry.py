"""The registry and the service: real data from a real database, masking, audit, permission."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditEntry
from dangqun.core.errors import NotFound, PermissionDenied, ValidationError
from dangqun.core.privacy import mask_id_number, mask_phone
from dangqun.core.security import Actor, Role
from dangqun.demo import generate_demo_data
from dangqun.members.codes import EDUCATIONS
from dangqun.members.documents.member_roster import load_member_roster
from dangqun.members.models import Member, Organization
from dangqun.members.vocabulary import MemberKind, MemberStatus, OrganizationLevel
from dangqun.printing.batch import render_to_file
from dangqun.printing.fonts import DocumentFonts
from dangqun.printing.page_kit import PrintContext
from dangqun.printing.registry import build_document, document_kind, document_kinds
from dangqun.printing.service import (
    PERSONAL_DATA_AUDIT_ACTION,
    print_context_for,
    print_record,
    write_samples,
)
from dangqun.printing.verification import verification_key_path
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import compact_text, make_context, pdf_info

STAFF = Actor(user_id=None, username="staff", display_name="工作人员甲", role=Role.STAFF)


def test_registry_lists_every_kind_with_builder_and_sample(context: PrintContext) -> None:
    assert list(document_kinds()) == [
        "member_roster",
        "registration_receipt",
        "political_birthdays",
        "volunteer_certificate",
        "time_statement",
        "time_ledger",
        "service_report",
        "booking_slip",
        "sign_in_sheet",
        "menu_brochure",
        "bases_statistics",
        "minutes",
        "minutes_sign_in",
        "minutes_compliance",
    ]
    for definition in document_kinds().values():
        data = definition.sample(context)
        assert isinstance(data, definition.data_type)
        plan = build_document(definition.kind, data, context)
        assert plan.kind == definition.kind and plan.story
        assert definition.label and definition.id_meaning


def test_unknown_kind_names_the_kinds_that_exist() -> None:
    with pytest.raises(ValidationError, match="volunteer_certificate"):
        document_kind("certificate")


def test_wrong_dataclass_is_refused(context: PrintContext) -> None:
    with pytest.raises(TypeError, match="MinutesRecordData"):
        build_document("minutes", document_kinds()["booking_slip"].sample(context), context)


@pytest.fixture
def demo_application(application: Application, admin: Actor) -> Application:
    generate_demo_data(application.database, admin, 120, seed=7)
    return application


def first_branch_id(application: Application) -> int:
    with application.database.reading() as session:
        return int(
            session.scalars(
                select(Organization.id).where(Organization.level == "grid_branch")
            ).first()
            or 0
        )


def test_context_names_the_center_and_makes_the_key(application: Application, admin: Actor) -> None:
    context = print_context_for(application.database, application.paths.keys, admin)
    assert context.center_name == "翠湖社区党群服务中心"
    assert context.verification_key is not None
    assert verification_key_path(application.paths.keys).exists()
    assert not context.may_see_personal_data
    assert context.operator_name == "王芳"


def test_full_personal_data_needs_the_permission(application: Application) -> None:
    with pytest.raises(PermissionDenied):
        print_context_for(
            application.database, application.paths.keys, STAFF, full_personal_data=True
        )


@requires_poppler
def test_roster_of_a_branch_from_the_database_is_masked(
    demo_application: Application, admin: Actor, tmp_path: Path
) -> None:
    application = demo_application
    branch = first_branch_id(application)
    context = print_context_for(application.database, application.paths.keys, admin)
    path = tmp_path / "roster.pdf"
    print_record(application.database, admin, context, "member_roster", str(branch), path)
    with application.database.reading() as session:
        organizations = {row.id: row for row in session.scalars(select(Organization))}
        included = {branch} | {row.id for row in organizations.values() if row.parent_id == branch}
        members = session.scalars(
            select(Member)
            .where(Member.organization_id.in_(included))
            .where(Member.status == MemberStatus.ACTIVE.value)
        ).all()
        someone = members[0]
        name, id_number = someone.name, someone.id_number
    text = compact_text(path)
    assert organizations[branch].name + "党员花名册" in text
    assert f"在册党员{len(members)}名" in text
    assert name in text
    assert id_number not in text and id_number[:4] + "*" * 14 in text
    assert pdf_info(path).width > pdf_info(path).height  # landscape


@requires_poppler
def test_full_personal_data_print_is_audited(
    demo_application: Application, admin: Actor, tmp_path: Path
) -> None:
    application = demo_application
    branch = first_branch_id(application)
    context = print_context_for(
        application.database, application.paths.keys, admin, full_personal_data=True
    )
    path = tmp_path / "roster-full.pdf"
    print_record(application.database, admin, context, "member_roster", str(branch), path)
    with application.database.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == PERSONAL_DATA_AUDIT_ACTION)
        ).all()
    assert len(entries) == 1
    assert entries[0].username == "admin"
    assert f"member_roster:{branch}" == entries[0].entity_id


@requires_poppler
def test_registration_receipt_for_an_in_service_member(
    demo_application: Application, admin: Actor, tmp_path: Path
) -> None:
    application = demo_application
    with application.database.reading() as session:
        member = session.scalars(
            select(Member).where(Member.kind == MemberKind.IN_SERVICE_REGISTERED.value)
        ).first()
        assert member is not None
        member_id, name, origin = member.id, member.name, member.origin_organization
    context = print_context_for(application.database, application.paths.keys, admin)
    path = tmp_path / "receipt.pdf"
    print_record(application.database, admin, context, "registration_receipt", str(member_id), path)
    text = compact_text(path)
    assert "在职党员到社区报到回执" in text and name in text
    if origin:
        assert origin.replace(" ", "") in text
    assert "HZ-20" in text


def test_receipt_refuses_a_member_who_did_not_register(
    demo_application: Application, admin: Actor, tmp_path: Path
) -> None:
    application = demo_application
    with application.database.reading() as session:
        local = session.scalars(
            select(Member.id).where(Member.kind == MemberKind.LOCAL.value)
        ).first()
    context = print_context_for(application.database, application.paths.keys, admin)
    with pytest.raises(ValidationError, match="不是到社区报到的在职党员"):
        print_record(
            application.database,
            admin,
            context,
            "registration_receipt",
            str(local),
            tmp_path / "x.pdf",
        )
    assert not (tmp_path / "x.pdf").exists()


def test_missing_and_malformed_ids_are_explained(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    context = print_context_for(application.database, application.paths.keys, admin)
    output = tmp_path / "out"
    with pytest.raises(NotFound, match="找不到编号为 999"):
        print_record(application.database, admin, context, "member_roster", "999", output / "a.pdf")
    with pytest.raises(ValidationError, match="数字编号"):
        print_record(
            application.database, admin, context, "member_roster", "第一支部", output / "b.pdf"
        )
    with pytest.raises(NotFound, match="会议记录 12 不存在"):
        print_record(application.database, admin, context, "minutes", "12", output / "c.pdf")
    assert not output.exists() or list(output.iterdir()) == []


@requires_poppler
def test_samples_one_file_per_kind(context: PrintContext, tmp_path: Path) -> None:
    written = write_samples(context, tmp_path / "samples")
    assert [path.stem for path in written] == list(document_kinds())
    for path in written:
        assert pdf_info(path).pages >= 1


def test_the_roster_names_education_with_the_words_of_the_member_form(
    demo_application: Application, admin: Actor
) -> None:
    """学历 prints as the member form shows it (GB/T 4658 labels of members/codes.py)."""
    application = demo_application
    branch = first_branch_id(application)
    roster = load_member_roster(application.database, admin, branch, date(2026, 11, 22))

    printed = {member.education for member in roster.members}
    assert printed and printed <= {item.label for item in EDUCATIONS.items}
    assert EDUCATIONS.label("40") == "中等职业教育"  # once printed as 中专 beside the screens' word


def _branch_with_a_building_group(application: Application) -> tuple[int, str]:
    """A 网格党支部 of the demo center with 在册 members recorded on one of its 楼栋党小组."""
    with application.database.reading() as session:
        group = session.scalars(
            select(Organization)
            .join(Member, Member.organization_id == Organization.id)
            .where(Organization.level == OrganizationLevel.BUILDING_GROUP.value)
            .where(Member.status == MemberStatus.ACTIVE.value)
        ).first()
        assert group is not None and group.parent_id is not None
        return group.parent_id, group.name


def test_roster_printed_by_staff_is_masked_and_lists_each_member_once(
    demo_application: Application,
) -> None:
    """The loader reads as the printing user may see the records (not only the print masks),
    and a branch's roster holds its own members and its building groups' members, once each."""
    application = demo_application
    branch, group_name = _branch_with_a_building_group(application)
    context = print_context_for(application.database, application.paths.keys, STAFF)

    roster = document_kind("member_roster").load(application.database, str(branch), context)

    with application.database.reading() as session:
        below = set(
            session.scalars(select(Organization.id).where(Organization.parent_id == branch))
        )
        names = dict(session.execute(select(Organization.id, Organization.name)).all())
        stored = session.execute(
            select(Member.name, Member.organization_id, Member.id_number, Member.phone)
            .where(Member.organization_id.in_({branch} | below))
            .where(Member.status == MemberStatus.ACTIVE.value)
        ).all()
    expected = Counter(
        (name, "" if organization == branch else names[organization])
        for name, organization, _id_number, _phone in stored
    )
    assert Counter((member.name, member.group) for member in roster.members) == expected
    assert any(member.group == group_name for member in roster.members)
    assert sorted(member.id_number for member in roster.members) == sorted(
        mask_id_number(id_number) for *_rest, id_number, _phone in stored
    )
    assert sorted(member.phone for member in roster.members) == sorted(
        mask_phone(phone) for *_rest, phone in stored
    )


@requires_poppler
def test_a_masked_roster_stays_masked_when_the_print_would_show_full_data(
    demo_application: Application, tmp_path: Path
) -> None:
    """A mobile number the loader masked for a 工作人员 prints as the screen shows it
    (``*******5678``): never unmasked, even when the print context would show full data."""
    application = demo_application
    branch, _group_name = _branch_with_a_building_group(application)
    context = print_context_for(application.database, application.paths.keys, STAFF)
    roster = document_kind("member_roster").load(application.database, str(branch), context)
    phone = next(member.phone for member in roster.members if member.phone)
    path = tmp_path / "roster.pdf"

    plan = build_document("member_roster", roster, replace(context, may_see_personal_data=True))
    render_to_file([plan], context, path)

    text = compact_text(path)
    assert phone in text and "*" in phone


def test_documents_read_records_only_for_a_user(
    demo_application: Application, fonts: DocumentFonts, tmp_path: Path
) -> None:
    application = demo_application
    branch, _group_name = _branch_with_a_building_group(application)
    with application.database.reading() as session:
        registered = session.scalars(
            select(Member.id).where(Member.kind == MemberKind.IN_SERVICE_REGISTERED.value)
        ).first()
    anonymous = make_context(fonts)
    for kind, record_id in (("member_roster", branch), ("registration_receipt", registered)):
        with pytest.raises(PermissionDenied, match="当前用户的权限"):
            document_kind(kind).load(application.database, str(record_id), anonymous)
