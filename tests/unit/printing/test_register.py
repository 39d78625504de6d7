"""The register of issued documents (issue 12) on a real SQLite file: issue, re-print, void,
re-issue, verification by the printed short code, and the migration from 0004."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, update

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditEntry
from dangqun.core.db import create_sqlite_engine
from dangqun.core.errors import NotFound, PermissionDenied, ValidationError
from dangqun.core.security import Actor, Role
from dangqun.members.models import Member
from dangqun.members.vocabulary import MemberKind
from dangqun.migrations import upgrade_to_head
from dangqun.printing.register import (
    ISSUE_AUDIT_ACTION,
    REPRINT_AUDIT_ACTION,
    VOID_AUDIT_ACTION,
    list_documents,
    verify_in_data_directory,
    void_document,
)
from dangqun.printing.service import print_context_for, print_record
from dangqun.printing.verification import VerificationStatus, check_code_of
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import compact_text

KIND = "registration_receipt"
STAFF = Actor(user_id=None, username="staff", display_name="工作人员甲", role=Role.STAFF)
READER = Actor(user_id=None, username="reader", display_name="只读乙", role=Role.READ_ONLY)


def _registered_member(application: Application) -> int:
    with application.database.reading() as session:
        member_id = session.scalars(
            select(Member.id).where(Member.kind == MemberKind.IN_SERVICE_REGISTERED.value)
        ).first()
    assert member_id is not None
    return member_id


def _print(application: Application, actor: Actor, member_id: int, path: Path) -> None:
    context = print_context_for(application.database, application.paths.keys, actor)
    print_record(application.database, actor, context, KIND, str(member_id), path)


def _audit_actions(application: Application) -> list[str]:
    with application.database.reading() as session:
        return list(
            session.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity_type == "issued_document")
                .order_by(AuditEntry.id)
            )
        )


@pytest.mark.demo_members(120)
@requires_poppler
def test_a_receipt_is_issued_once_and_reprinted_as_the_same_paper(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    member_id = _registered_member(application)
    _print(application, admin, member_id, tmp_path / "first.pdf")
    _print(application, STAFF, member_id, tmp_path / "again.pdf")
    entries = list_documents(application.database, admin)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.number.startswith("HZ-") and entry.number.endswith("-000001")
    assert entry.reprint_count == 1 and entry.issued_by == admin.display_name
    assert not entry.voided
    first, again = compact_text(tmp_path / "first.pdf"), compact_text(tmp_path / "again.pdf")
    for paper in (first, again):  # the same number, issue date and code on both
        assert entry.number in paper and entry.check_code in paper
        assert f"{entry.issued_on.year}年{entry.issued_on.month}月" in paper
    assert check_code_of(entry.full_code) == entry.check_code
    assert "公民身份号码" not in entry.full_code and "4401" not in entry.full_code
    assert _audit_actions(application) == [ISSUE_AUDIT_ACTION, REPRINT_AUDIT_ACTION]


@pytest.mark.demo_members(120)
def test_the_printed_short_code_verifies_in_any_case_and_a_void_answers_voided(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    member_id = _registered_member(application)
    _print(application, admin, member_id, tmp_path / "r.pdf")
    (entry,) = list_documents(application.database, admin)
    database, keys = application.database, application.paths.keys
    typed = entry.check_code.lower().replace("-", " ")
    verdict = verify_in_data_directory(database, keys, typed)
    assert verdict.status is VerificationStatus.VALID and verdict.valid
    assert verdict.entry is not None and verdict.entry.number == entry.number
    assert verdict.result is not None and verdict.result.number == entry.number
    assert any(fact.value == entry.subject for fact in verdict.result.facts)
    assert verify_in_data_directory(database, keys, entry.full_code).entry == entry

    with pytest.raises(PermissionDenied):
        void_document(database, READER, entry.number, "姓名有误")
    with pytest.raises(ValidationError, match="作废原因"):
        void_document(database, STAFF, entry.number, "  ")
    voided = void_document(database, STAFF, entry.number.lower(), "姓名有误，已收回原件")
    assert voided.voided and voided.voided_by == STAFF.display_name
    for text in (entry.check_code, entry.full_code):
        verdict = verify_in_data_directory(database, keys, text)
        assert verdict.status is VerificationStatus.VOIDED and not verdict.valid
        assert "已作废" in verdict.message and "姓名有误" in verdict.message
    with pytest.raises(ValidationError, match="不能再次作废"):
        void_document(database, STAFF, entry.number, "again")
    with pytest.raises(NotFound):
        void_document(database, STAFF, "HZ-1999-000001", "无")

    # Voided, the record is issued again under a new number; the old entry stays.
    _print(application, admin, member_id, tmp_path / "new.pdf")
    numbers = [item.number for item in list_documents(application.database, admin)]
    assert numbers == [entry.number.replace("000001", "000002"), entry.number]
    assert _audit_actions(application) == [
        ISSUE_AUDIT_ACTION,
        VOID_AUDIT_ACTION,
        ISSUE_AUDIT_ACTION,
    ]
    found = list_documents(application.database, admin, search=entry.subject[:1])
    assert len(found) == 2
    assert [e.number for e in list_documents(database, admin, search=entry.number)] == [
        entry.number
    ]


@pytest.mark.demo_members(120)
def test_a_reprint_after_the_record_changed_is_refused_until_voided(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    member_id = _registered_member(application)
    _print(application, admin, member_id, tmp_path / "r.pdf")
    with application.database.unit_of_work(admin) as work:
        work.session.execute(
            update(Member).where(Member.id == member_id).values(origin_organization="新单位党委")
        )
        work.commit()
    with pytest.raises(ValidationError, match=r"原单位党组织已经改变.*documents void"):
        _print(application, admin, member_id, tmp_path / "changed.pdf")
    assert not (tmp_path / "changed.pdf").exists()
    (entry,) = list_documents(application.database, admin)
    assert entry.reprint_count == 0


def test_unknown_and_malformed_short_codes_are_answered_in_chinese(
    application: Application,
) -> None:
    database, keys = application.database, application.paths.keys
    unknown = verify_in_data_directory(database, keys, "ZRAE-XX7Q-EVPI-YUX2")
    assert unknown.status is VerificationStatus.UNKNOWN and "登记簿中没有" in unknown.message
    malformed = verify_in_data_directory(database, keys, "ZRAE-XX7Q")
    assert malformed.status is VerificationStatus.MALFORMED and "不是核验码" in malformed.message
    assert verify_in_data_directory(database, keys, "yang zhan q7k2").status is (
        VerificationStatus.SAMPLE
    )


def test_migration_0005_upgrades_a_0004_database(tmp_path: Path) -> None:
    """A database at 0004 (before the register) gains the table and its in-force index."""
    from alembic import command
    from alembic.config import Config

    from dangqun import migrations
    from dangqun.features import migration_directories

    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.set_main_option("path_separator", "os")
    config.set_main_option(
        "version_locations", ":".join(str(folder) for folder in migration_directories())
    )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    with sqlite3.connect(path) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
    assert "issued_documents" not in tables
    upgrade_to_head(engine)
    engine.dispose()
    with sqlite3.connect(path) as raw:
        index_sql = raw.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_issued_documents_in_force'"
        ).fetchone()[0]
        assert "WHERE voided_at IS NULL" in index_sql
        raw.execute(
            "INSERT INTO issued_documents VALUES (1,'HZ-2026-000001','registration_receipt',"
            "2026,1,'7','张三','[]','c','AAAA',  '2026-01-01','甲',0,NULL,'','','u1',"
            "'2026-01-01','2026-01-01',1)"
        )
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute(
                "INSERT INTO issued_documents VALUES (2,'HZ-2026-000002','registration_receipt',"
                "2026,2,'7','张三','[]','c','BBBB','2026-01-01','甲',0,NULL,'','','u2',"
                "'2026-01-01','2026-01-01',2)"
            )
