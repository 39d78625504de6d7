"""The registry and the service: real data from a real database, masking, audit, permission."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditEntry
from dangqun.core.errors import NotFound, PermissionDenied, ValidationError
from dangqun.core.security import Actor, Role
from dangqun.demo import generate_demo_data
from dangqun.members.codes import EDUCATIONS
from dangqun.members.models import Member, MemberKind, MemberStatus, Organization
from dangqun.members.documents.member_roster import load_member_roster
from dangqun.printing.page_kit import PrintContext
from dangqun.printing.registry import document_kinds, build_document, document_kind
from dangqun.printing.service import (
    PERSONAL_DATA_AUDIT_ACTION,
    print_context_for,
    print_record,
    write_samples,
)
from dangqun.printing.verification import verification_key_path
from tests.unit.printing.pdf_tools import compact_text, pdf_info, requires_poppler

STAFF = Actor(user_id=None, username="staff", display_name="工作人员甲", role=Role.STAFF)


def test_registry_lists_every_kind_with_builder_and_sample(context: PrintContext) -> None:
    assert list(document_kinds()) == [
        "volunteer_certificate",
        "minutes",
        "booking_slip",
        "time_statement",
        "member_roster",
        "registration_receipt",
        "political_birthdays",
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
    with pytest.raises(TypeError, match="MinutesData"):
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
    assert id_number not in text and f"{id_number[:4]}**********{id_number[-4:]}" in text
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
    assert "BD-" in text


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
    with pytest.raises(ValidationError, match="样张"):
        print_record(application.database, admin, context, "minutes", "12", output / "c.pdf")
    assert not output.exists() or list(output.iterdir()) == []


@requires_poppler
def test_samples_one_file_per_kind(context: PrintContext, tmp_path: Path) -> None:
    written = write_samples(context, tmp_path / "samples")
    assert [path.stem for path in written] == list(document_kinds())
    for path in written:
        assert pdf_info(path).pages >= 1


def test_the_roster_names_education_with_the_words_of_the_member_form(
    demo_application: Application,
) -> None:
    """学历 prints as the member form shows it (GB/T 4658 labels of members/codes.py)."""
    application = demo_application
    branch = first_branch_id(application)
    roster = load_member_roster(application.database, branch, date(2026, 11, 22))

    printed = {member.education for member in roster.members}
    assert printed and printed <= {item.label for item in EDUCATIONS.items}
    assert EDUCATIONS.label("40") == "中等职业教育"  # once printed as 中专 beside the screens' word
