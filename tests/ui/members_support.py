"""Shared helpers of the 党员管理 UI tests: a page over real SQLite, recorders for the modal
boxes and file choosers, valid ID numbers, plain SQL counts to compare with."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditFilter, query_audit_log
from dangqun.core.parsing import id_number_for
from dangqun.core.security import Actor, Role, system_actor
from dangqun.members.models import Member
from dangqun.members.vocabulary import MemberStatus
from dangqun.ui.context import AppEvents, UiContext, open_ui_state
from dangqun.ui.pages.members_page import MembersPage
from dangqun.ui.widgets import file_dialogs, message_boxes

STAFF = Actor(user_id=None, username="staff", display_name="李华", role=Role.STAFF)
READ_ONLY = Actor(user_id=None, username="guest", display_name="访客", role=Role.READ_ONLY)
WAIT_MS = 10_000
id_number = id_number_for


@dataclass
class Recorder:
    """Stands in for message boxes and file choosers; the answers are what the user picks."""

    confirm_answer: bool = True
    save_path: Path | None = None
    open_path: Path | None = None
    texts: list[str | None] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    confirmations: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)


def install_recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Replace the modal boxes and file choosers for a test (each module's ``recorder``)."""
    answers = Recorder()

    def confirm(
        _parent: object, _title: str, message: str, _accept: str, details: str = ""
    ) -> bool:
        answers.confirmations.append(f"{message}\n{details}")
        return answers.confirm_answer

    def ask_text(_parent: object, _title: str, label: str, _text: str = "") -> str | None:
        answers.asked.append(label)
        return answers.texts.pop(0) if answers.texts else None

    monkeypatch.setattr(message_boxes, "confirm", confirm)
    monkeypatch.setattr(
        message_boxes, "show_error", lambda _p, _t, message: answers.errors.append(message)
    )
    monkeypatch.setattr(
        message_boxes, "show_info", lambda _p, _t, message: answers.infos.append(message)
    )
    monkeypatch.setattr(file_dialogs, "save_file", lambda *_args, **_kw: answers.save_path)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *_args, **_kw: answers.open_path)
    monkeypatch.setattr(file_dialogs, "ask_text", ask_text)
    return answers


def make_context(application: Application, actor: Actor) -> UiContext:
    return UiContext(application, actor, open_ui_state(application.paths), AppEvents())


def make_page(qtbot: Any, application: Application, actor: Actor) -> MembersPage:
    page = MembersPage(make_context(application, actor))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(page.is_ready, timeout=WAIT_MS)
    return page


def settle(qtbot: Any, page: MembersPage) -> None:
    """Wait for the debounced, backgrounded search to land."""
    qtbot.waitUntil(lambda: not page._search_timer.isActive() and page.is_ready(), timeout=WAIT_MS)


def sql_count(application: Application, *conditions: Any) -> int:
    with application.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Member).where(*conditions)))


def active_count(application: Application, *conditions: Any) -> int:
    return sql_count(application, Member.status == MemberStatus.ACTIVE.value, *conditions)


def audit_entries(application: Application, action: str) -> list[dict[str, Any]]:
    admin = system_actor("测试")
    with application.database.reading() as session:
        entries, _total = query_audit_log(session, admin, AuditFilter(action=action), 0, 1000)
        return [
            {"entity": entry.entity_id, "after": json.loads(entry.after_json or "{}")}
            for entry in entries
        ]


def add_copies(application: Application, copies: int) -> None:
    """Make the register ``copies`` members large in one SQL statement (seconds, not the
    minutes the demo generator would take for 100,000): copies of the first member with
    distinct ID numbers, uuids and names in the pinyin order."""
    statement = text(
        """
        WITH RECURSIVE counter(n) AS (
            SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < :copies
        )
        INSERT INTO members (
            name, gender_code, ethnicity_code, birth_date, id_number, education_code, kind,
            category, status, organization_id, joined_on, joined_month_day, confirmed_on,
            work_unit, phone, household_registration, address, party_standing, uuid,
            created_at, updated_at, change_seq, name_simplified, pinyin_initials, pinyin_full,
            id_number_reversed, phone_reversed
        )
        SELECT m.name, m.gender_code, m.ethnicity_code, m.birth_date,
               printf('9%017d', n), m.education_code, m.kind, m.category, m.status,
               m.organization_id, m.joined_on, m.joined_month_day, m.confirmed_on,
               m.work_unit, m.phone, m.household_registration, m.address, m.party_standing,
               printf('00000000-0000-4000-8000-%012d', n), m.created_at, m.updated_at,
               m.change_seq, m.name_simplified, m.pinyin_initials,
               m.pinyin_full || printf('%06d', n), '', m.phone_reversed
        FROM counter, (SELECT * FROM members ORDER BY id LIMIT 1) AS m
        """
    )
    with application.database.unit_of_work(system_actor("测试")) as work:
        work.session.execute(statement, {"copies": copies})
        work.commit()
