"""核验文书 and 文书登记簿 (issue 12): the verdict a clerk reads, and voiding from the register."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.members.models import Member
from dangqun.members.vocabulary import MemberKind
from dangqun.printing.register import list_documents
from dangqun.printing.service import print_context_for, print_record
from dangqun.ui.dialogs.document_register_dialog import DocumentRegisterDialog
from dangqun.ui.dialogs.verify_dialog import VERDICT_COLOURS, VerifyDialog
from tests.ui.layout_checks import layout_problems
from tests.ui.members_support import WAIT_MS, make_context


@pytest.fixture
def window(qtbot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1024, 768)
    return parent


def _issue_receipt(application: Application, actor: Actor, tmp_path: Path) -> None:
    with application.database.reading() as session:
        member_id = session.scalars(
            select(Member.id).where(Member.kind == MemberKind.IN_SERVICE_REGISTERED.value)
        ).first()
    context = print_context_for(application.database, application.paths.keys, actor)
    print_record(
        application.database,
        actor,
        context,
        "registration_receipt",
        str(member_id),
        tmp_path / "receipt.pdf",
    )


@pytest.mark.demo_members(120)
def test_a_scanned_or_typed_code_shows_the_verdict_and_the_facts(
    qtbot, window: QWidget, application: Application, admin_actor: Actor, tmp_path: Path
) -> None:
    _issue_receipt(application, admin_actor, tmp_path)
    (entry,) = list_documents(application.database, admin_actor)
    dialog = VerifyDialog(make_context(application, admin_actor), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code_edit, entry.check_code.lower())
    qtbot.keyClick(dialog.code_edit, "\r")  # a scanner ends with Enter
    qtbot.waitUntil(lambda: dialog.verdict is not None, timeout=WAIT_MS)
    assert dialog.verdict is not None and dialog.verdict.valid
    assert dialog.verdict_label.text().startswith("有效")
    assert VERDICT_COLOURS["valid"] in dialog.verdict_label.styleSheet()
    details = dialog.details_label.text()
    assert entry.subject in details and entry.number in details and "登记簿" in details
    assert layout_problems(dialog) == []

    dialog.code_edit.setText("YANG-ZHAN-Q7K2")
    dialog.verdict = None
    dialog.verify()
    qtbot.waitUntil(lambda: dialog.verdict is not None, timeout=WAIT_MS)
    assert dialog.verdict_label.text().startswith("样张，不是正式文书")
    assert VERDICT_COLOURS["sample"] in dialog.verdict_label.styleSheet()


@pytest.mark.demo_members(120)
def test_the_register_lists_searches_and_voids_with_a_reason(
    qtbot,
    window: QWidget,
    application: Application,
    admin_actor: Actor,
    read_only_actor: Actor,
    tmp_path: Path,
) -> None:
    _issue_receipt(application, admin_actor, tmp_path)
    dialog = DocumentRegisterDialog(make_context(application, admin_actor), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT_MS)
    assert dialog.table.item(0, 0).text().startswith("HZ-")
    assert not dialog.void_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.void_button.isEnabled()
    number = dialog.entries[0].number
    dialog.void(number, "姓名有误")
    qtbot.waitUntil(lambda: bool(dialog.entries) and dialog.entries[0].voided, timeout=WAIT_MS)
    assert "姓名有误" in dialog.table.item(0, 7).text()
    assert layout_problems(dialog) == []

    dialog.search_edit.setText("没有这个人")
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=WAIT_MS)
    assert dialog.summary_label.text() == "没有符合查找条件的文书。"

    reader = DocumentRegisterDialog(make_context(application, read_only_actor), window)
    qtbot.addWidget(reader)
    assert reader.void_button.isHidden()
