"""The minutes on paper (issue 15, "Prints"): the formal record with its header block, agenda,
tallies and the rule's verdict, corrections after the original text and signature lines; a
signed record registered with a number and short code that ``verify`` finds, a draft marked
草稿 that registers nothing; the 签到表 of the date; the yearly compliance table with the
overdue months — real PDFs from a real SQLite file, read back with pdftotext and pdffonts."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from dangqun.core.errors import NotFound, ValidationError
from dangqun.minutes import service
from dangqun.minutes.documents.compliance_table import parse_sheet_id
from dangqun.minutes.vocabulary import (
    AbsenceReason,
    AttendanceStatus,
    MeetingType,
    SignatureRole,
)
from dangqun.printing.register import list_documents, verify_in_data_directory
from dangqun.printing.service import print_context_for, print_record
from tests.conftest import requires_poppler
from tests.unit.minutes.conftest import NOW, meeting_form
from tests.unit.printing.pdf_tools import compact_text

pytestmark = requires_poppler


def _print(application, actor, kind: str, record_id: str, path):
    context = print_context_for(application.database, application.paths.keys, actor)
    summary = print_record(application.database, actor, context, kind, record_id, path)
    return summary, compact_text(path)


@pytest.fixture
def held(database, admin, center) -> int:
    """The general meeting of 2026-11-10: four voters present, 陈静 on sick leave, one
    resolution voted 3–0–1 (the rule: more than half of the five voters present)."""
    meeting_id = service.create_meeting(database, admin, meeting_form(center))
    present = [
        service.AttendanceEntry(member, AttendanceStatus.PRESENT) for member in center.voters[:4]
    ]
    service.set_attendance(
        database,
        admin,
        meeting_id,
        [
            *present,
            service.AttendanceEntry(
                center.voters[4], AttendanceStatus.LEAVE, reason=AbsenceReason.SICK
            ),
            service.AttendanceEntry(center.probationary, AttendanceStatus.PRESENT),
        ],
        now=NOW,
    )
    service.set_agenda(
        database,
        admin,
        meeting_id,
        [
            service.AgendaEntry(
                "研究老旧小区加装电梯",
                "听取党员对3栋加装电梯的意见",
                (service.SpeechEntry("张伟", "低层住户担心采光，建议召开楼栋议事会"),),
            )
        ],
    )
    service.set_resolutions(
        database,
        admin,
        meeting_id,
        [service.ResolutionEntry("同意3栋加装电梯协调方案", yes=3, no=0, abstain=1)],
        now=NOW,
    )
    return meeting_id


def _layout_lines(path) -> list[str]:
    """The page as laid out, one table row a line, spaces removed."""
    layout = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True
    )
    return ["".join(line.split()) for line in layout.stdout.splitlines()]


def _sign(database, admin, meeting_id: int) -> None:
    service.sign_meeting(database, admin, meeting_id, SignatureRole.HOST, now=NOW)
    service.sign_meeting(database, admin, meeting_id, SignatureRole.RECORDER, now=NOW)


def test_a_draft_prints_marked_and_registers_nothing(application, admin, held, tmp_path):
    summary, text = _print(application, admin, "minutes", str(held), tmp_path / "草稿.pdf")

    assert summary.pages >= 1
    assert "草稿（未经主持人、记录人签字，不作为正式记录）" in text
    assert "核验码" not in text and "记录编号" not in text
    assert list_documents(application.database, admin, kind="minutes") == []


def test_the_formal_record_states_header_agenda_tallies_and_verdict(
    application, admin, center, held, tmp_path
):
    _sign(application.database, admin, held)
    service.add_correction(
        application.database,
        admin,
        held,
        "记录人笔误",
        "陈静同志请假原因应为公假",
        today=date(2026, 11, 20),
    )
    path = tmp_path / "记录.pdf"
    _summary, text = _print(application, admin, "minutes", str(held), path)

    assert "第一网格党支部" in text and "支部党员大会记录" in text
    assert "2026年11月10日09:00—11:00" in text
    lines = _layout_lines(path)
    assert any("主持人王建国" in line for line in lines)
    assert any(line.startswith("记录人李秀英") for line in lines)
    assert "实到5人，请假1人，缺" in text  # four voters and the probationary present
    assert "出席人员王建国、李秀英、张伟、刘洋、赵磊" in text
    assert "陈静（病假）" in text
    assert "研究老旧小区加装电梯" in text and "张伟发言：低层住户担心采光" in text
    assert "赞成3票，反对0票，弃权1票（应到有表决权党员5人，实到4人）" in text
    assert "结果：通过" in text and "依据：" in text
    assert "草稿" not in text
    original, correction = text.index("决议和表决"), text.index("2026年11月20日，")
    assert original < correction, "corrections follow the original text"
    assert "更正（原因：记录人笔误）：陈静同志请假原因应为公假" in text
    assert "主持人（签字）" in text and "记录人（签字）" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Helvetica" not in fonts and "Times" not in fonts


def test_a_signed_record_is_registered_and_verifies(application, admin, held, tmp_path):
    _sign(application.database, admin, held)
    _summary, text = _print(application, admin, "minutes", str(held), tmp_path / "一.pdf")
    _again, reprinted = _print(application, admin, "minutes", str(held), tmp_path / "二.pdf")

    [entry] = list_documents(application.database, admin, kind="minutes")
    assert entry.number.startswith("HY-") and f"记录编号：{entry.number}" in text
    assert entry.check_code.replace("-", "") in text.replace("-", "")
    assert entry.reprint_count == 1 and reprinted == text
    verdict = verify_in_data_directory(
        application.database, application.paths.keys, entry.check_code
    )
    assert verdict.entry is not None and verdict.entry.number == entry.number


def test_a_record_changed_after_printing_is_not_reprinted_silently(
    application, admin, held, tmp_path
):
    _sign(application.database, admin, held)
    _print(application, admin, "minutes", str(held), tmp_path / "一.pdf")
    service.add_correction(application.database, admin, held, "漏记", "补记一条发言")

    with pytest.raises(ValidationError):
        _print(application, admin, "minutes", str(held), tmp_path / "二.pdf")


def test_the_sign_in_sheet_lists_the_roster_of_the_date(application, admin, center, tmp_path):
    meeting_id = service.create_meeting(application.database, admin, meeting_form(center))
    path = tmp_path / "签到.pdf"
    _summary, text = _print(application, admin, "minutes_sign_in", str(meeting_id), path)
    lines = _layout_lines(path)

    assert "第一网格党支部支部党员大会签到表" in text  # two title lines
    for name in ("王建国", "李秀英", "陈静", "赵磊", "孙强", "郑芳"):
        assert name in text
    assert "吴军" not in text, "joined after the meeting date"
    assert "周敏" not in text, "在职党员 meet with their own unit"
    assert any(line.endswith("赵磊预备党员") for line in lines)
    assert any(line.endswith("孙强正式党员（无表决权）") for line in lines)
    assert "应到8人" in text


def test_the_compliance_table_marks_the_overdue_months(application, admin, center, tmp_path):
    service.create_meeting(
        application.database,
        admin,
        meeting_form(center, meeting_type=MeetingType.COMMITTEE, on_date=date(2026, 3, 5)),
    )
    _summary, text = _print(
        application, admin, "minutes_compliance", f"{center.branch}/2026", tmp_path / "表.pdf"
    )

    assert "第一网格党支部2026年三会一课落实情况" in text
    assert "逾期未开：" in text
    assert "支部委员会：1月、2月、4月" in text  # March held
    assert "党小组会" in text  # the branch has a group


def test_bad_ids_are_explained_in_chinese(application, admin, center, tmp_path):
    with pytest.raises(ValidationError, match="应是数字编号"):
        _print(application, admin, "minutes", "第一次", tmp_path / "x.pdf")
    with pytest.raises(NotFound):
        _print(application, admin, "minutes", "999", tmp_path / "x.pdf")
    with pytest.raises(ValidationError, match="党组织编号/年份"):
        parse_sheet_id("2026")
    assert parse_sheet_id(" 3/2026 ") == (3, 2026)
    assert not (tmp_path / "x.pdf").exists()
