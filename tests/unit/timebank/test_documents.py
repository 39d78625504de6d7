"""The time bank on paper (issue 13, "Statements", "Certificates"): real PDFs from real SQLite
files, read back with pdftotext — the passbook's balances and large print, the month's ledger
whose totals equal the sums of the entries, certificates numbered by the register of issued
documents (a re-print keeps the number, a void then a re-print issues a new one), an activity's
certificates in one PDF (cancel registers nothing), and the 双报告 to a member's home
organization."""

from __future__ import annotations

import re
import sqlite3
import threading
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.core.errors import ValidationError
from dangqun.members.models import Member
from dangqun.members.vocabulary import MemberKind
from dangqun.printing.batch import PrintCancelled
from dangqun.printing.register import list_documents, void_document
from dangqun.printing.service import print_context_for, print_record
from dangqun.timebank.documents.record_ids import activity_id, volunteer_period_id
from dangqun.timebank.documents.time_statement import FONT_SIZE
from dangqun.timebank.documents.volunteer_certificate import (
    KIND as CERTIFICATE,
)
from dangqun.timebank.documents.volunteer_certificate import (
    activity_certificate_ids,
    print_certificates,
)
from dangqun.timebank.service import (
    ActivityForm,
    BatchRow,
    BeneficiaryKind,
    ReceivedKind,
    VolunteerForm,
    close_month,
    donate,
    give,
    open_volunteer,
    record_batch,
    record_service,
    reverse_transfer,
    spend,
    verify_service_record,
)
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import compact_text, pdf_info, pdf_text, pdf_words
from tests.unit.timebank.conftest import NOW, category_id, open_resident, service_form

pytestmark = requires_poppler


@pytest.fixture
def history(database, admin):
    """ZY202600001 with movements in October and November 2026 (the core's statement fixture):
    earns of 2 h, 3 h and 1 h, a spend of 60, a gift of 30, a donation of 15, the 1 h earn
    reversed; and 45 minutes entered, not verified."""
    one, two = open_resident(database, admin, 101), open_resident(database, admin, 103)
    care, tidy = category_id(database, admin), category_id(database, admin, "环境整治")
    earns = []
    for day, category, hours in ((3, care, 2), (10, tidy, 3), (17, care, 1)):
        record = record_service(
            database,
            admin,
            service_form(one, category, served_on=date(2026, 10, day), ends_at=time(9 + hours, 0)),
            now=NOW,
        )
        earns.append(
            verify_service_record(
                database, admin, record.id, f"v-{day}", today=date(2026, 10, day + 1)
            )
        )
    spend(
        database, admin, one, 60, ReceivedKind.ITEM, "爱心米一袋", "s-1", today=date(2026, 10, 20)
    )
    give(database, admin, one, two, 30, "g-1", today=date(2026, 11, 2))
    donate(database, admin, one, 15, "d-1", today=date(2026, 11, 3))
    reverse_transfer(database, admin, earns[2].id, "重复登记", "r-1", today=date(2026, 11, 4))
    record_service(
        database,
        admin,
        service_form(one, care, served_on=date(2026, 11, 20), ends_at=time(9, 45)),
        now=NOW,
    )
    return one, two


def _context(application, actor, full: bool = False):
    return print_context_for(
        application.database,
        application.paths.keys,
        actor,
        full_personal_data=full,
        print_date=date(2026, 12, 6),
    )


def _print(application, actor, kind: str, record_id: str, path: Path) -> Path:
    context = _context(application, actor)
    print_record(application.database, actor, context, kind, record_id, path)
    return path


def _amount_rows(path: Path) -> list[tuple[str, str, str]]:
    """The passbook's 存入, 支出 and 余额 cells, row by row, read from pdftotext's word boxes
    (a description may take several lines; the amounts take one)."""
    words = pdf_words(path)
    rows: list[tuple[str, str, str]] = []
    for page in sorted({word.page for word in words}):
        on_page = [word for word in words if word.page == page]
        headers = {w.text: w for w in on_page if w.text in ("存入", "支出", "余额")}
        if len(headers) < 3:
            continue
        edges = [headers["存入"].x_min - 8, headers["支出"].x_min - 8, headers["余额"].x_min - 8]
        cells: dict[float, list[str]] = {}
        for word in on_page:
            below_header = word.y_min > headers["存入"].y_max
            if below_header and word.x_min >= edges[0] and re.fullmatch(r"\d+", word.text):
                column = sum(word.x_min >= edge for edge in edges) - 1
                row = cells.setdefault(round(word.y_min), ["", "", ""])
                row[column] = word.text
        rows.extend(tuple(cells[y]) for y in sorted(cells))  # type: ignore[misc]
    return rows


# --- the passbook ------------------------------------------------------------------------------


def test_the_passbook_states_opening_each_movement_totals_closing_and_the_three_figures(
    application, admin, history, tmp_path
):
    record_id = volunteer_period_id("zy202600001", date(2026, 10, 1), date(2026, 11, 30))
    path = _print(application, admin, "time_statement", record_id, tmp_path / "passbook.pdf")
    text = compact_text(path)
    assert "时间银行存折" in text and "刘桂兰" in text and "ZY202600001" in text
    assert "期初余额0分钟" in text and "期末余额3小时15分钟" in text
    assert "本期存入6小时" in text and "本期支出2小时45分钟" in text
    # Served: 2 h + 3 h (the 1 h earn was reversed); spendable 195; pending 45.
    assert "已服务时长5小时（" in text and "可用余额3小时15分钟" in text
    assert "待核实时长45分钟" in text
    assert _amount_rows(path) == [
        ("", "", "0"),  # 期初余额
        ("120", "", "120"),
        ("180", "", "300"),
        ("60", "", "360"),
        ("", "60", "300"),
        ("", "30", "270"),
        ("", "15", "255"),
        ("", "60", "195"),
        ("360", "165", ""),  # 本期合计
        ("", "", "195"),  # 期末余额
    ]
    assert "服务存入" in text and "兑换支出" in text and "转赠给ZY202600002" in text
    assert "冲正第" in text and "捐赠公益池" in text
    assert "本期合计（共7笔）" in text


def test_the_passbook_is_printed_large_and_streams_a_long_period(
    application, admin, database, tmp_path
):
    volunteer = open_resident(database, admin, 101)
    care = category_id(database, admin)
    record = record_service(
        database, admin, service_form(volunteer, care, ends_at=time(17, 0)), now=NOW
    )
    verify_service_record(database, admin, record.id, "v-1", today=date(2026, 11, 21))
    for index in range(230):  # more than one page of the service's statement reads (200)
        donate(database, admin, volunteer, 2, f"d-{index}", today=date(2026, 11, 22))
    record_id = volunteer_period_id("ZY202600001", date(2026, 11, 1), date(2026, 11, 30))
    path = _print(application, admin, "time_statement", record_id, tmp_path / "long.pdf")
    text = compact_text(path)
    assert "本期合计（共231笔）" in text
    assert _amount_rows(path)[-2:] == [("480", "460", ""), ("", "", "20")]
    assert text.count("捐赠到公益池") == 230
    assert pdf_info(path).pages > 10
    # Every word of the passbook's table and figures is 四号 (14 pt) or larger: pdftotext's
    # word boxes are the font's height, at least the point size.
    words = [
        word for word in pdf_words(path) if re.fullmatch(r"2026年11月\d+日|捐赠公益池", word.text)
    ]
    assert len(words) > 400
    assert min(word.y_max - word.y_min for word in words) >= FONT_SIZE
    figures = [word for word in pdf_words(path) if word.text.startswith(("可用余额", "待核实时长"))]
    assert figures and min(word.y_max - word.y_min for word in figures) >= FONT_SIZE


def test_a_statement_of_an_unknown_volunteer_or_a_bad_period_is_refused(application, admin):
    with pytest.raises(ValidationError, match="应写作"):
        _print(application, admin, "time_statement", "ZY202600001", Path("/nonexistent/x.pdf"))
    with pytest.raises(ValidationError, match="结束日期早于开始日期"):
        _print(
            application,
            admin,
            "time_statement",
            "ZY202600001/2026-11-30/2026-11-01",
            Path("/nonexistent/x.pdf"),
        )


# --- the month's ledger -----------------------------------------------------------------------


def _sums(path: Path, through: str, first: str) -> dict[str, tuple[int, int, int]]:
    """(in, out, closing) by account kind, summed from the entries with sqlite3 alone."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT a.kind,"
            " sum(CASE WHEN e.booked_on >= ? AND e.amount > 0 THEN e.amount ELSE 0 END),"
            " sum(CASE WHEN e.booked_on >= ? AND e.amount < 0 THEN -e.amount ELSE 0 END),"
            " sum(e.amount)"
            " FROM timebank_entries e JOIN timebank_accounts a ON a.id = e.account_id"
            " WHERE e.booked_on <= ? GROUP BY a.kind",
            (first, first, through),
        ).fetchall()
    return {kind: (moved_in, moved_out, closing) for kind, moved_in, moved_out, closing in rows}


def test_the_printed_month_ledger_totals_equal_the_sums_of_the_entries(
    application, admin, history, tmp_path
):
    close_month(application.database, admin, "2026-10", today=date(2026, 12, 1))
    close_month(application.database, admin, "2026-11", today=date(2026, 12, 1))
    path = _print(application, admin, "time_ledger", "2026-11", tmp_path / "ledger.pdf")
    layout = [re.sub(r"\s+", " ", line).strip() for line in pdf_text(path, True).splitlines()]
    sums = _sums(application.paths.database, "2026-11-30", "2026-11-01")
    labels = {
        "volunteer": "志愿者账户",
        "issuance": "发行账户",
        "donation_pool": "公益池",
        "catalogue": "兑换目录",
    }
    printed = {}
    for kind, label in labels.items():
        line = next(line for line in layout if line.startswith(label + " "))
        printed[kind] = [int(value.replace(",", "")) for value in line.split()[1:]]
    for kind, (moved_in, moved_out, closing) in sums.items():
        _accounts, opening, got_in, got_out, got_closing, *_served = printed[kind]
        assert (got_in, got_out, got_closing) == (moved_in, moved_out, closing), kind
        assert opening == closing - moved_in + moved_out
    [total] = [line for line in layout if line.startswith("合计 ") and len(line.split()) == 7]
    accounts, opening, moved_in, moved_out, closing, served = (
        int(value.replace(",", "")) for value in total.split()[1:]
    )
    assert (accounts, closing, served) == (5, 0, 300)  # 2 volunteers and the center's 3
    assert moved_in == moved_out == sum(moved for moved, _out, _closing in sums.values())
    assert sum(closing for _i, _o, closing in sums.values()) == 0
    text = compact_text(path)
    assert "全部账户月末余额合计0分钟" in text
    assert "转赠" in text and "冲正第" in text and "捐赠公益池" in text
    # By kind: November moved 30 (give) + 15 (donate) + 60 (reversal of the 1 h earn).
    kinds = {
        line.split()[0]: line.split()[1:] for line in layout if line[:2] in ("转赠", "捐赠", "冲正")
    }
    assert kinds["转赠"][:2] == ["1", "30"] and kinds["冲正"][:2] == ["1", "60"]
    assert kinds["捐赠公益池"][:2] == ["1", "15"]


def test_only_a_closed_month_is_printed_and_a_month_closes_once(application, admin, history):
    with pytest.raises(ValidationError, match="还没有结账"):
        _print(application, admin, "time_ledger", "2026-11", Path("/nonexistent/x.pdf"))
    close_month(application.database, admin, "2026-11", today=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="已经结账，不能重复结账"):
        close_month(application.database, admin, "2026-11", today=date(2026, 12, 1))


# --- certificates -----------------------------------------------------------------------------


def test_a_certificate_states_the_fields_of_the_rules_and_served_minutes_only(
    application, admin, history, tmp_path
):
    path = _print(application, admin, CERTIFICATE, "ZY202600001", tmp_path / "cert.pdf")
    text = compact_text(path)
    for expected in (
        "志愿服务证明",
        "ZYZM-2026-000001",
        "刘桂兰",
        "居民身份证",
        "ZY202600001",
        "5小时",  # served, verified only: gifts, spending and the reversed hour do not count
        "环境整治、养老助老",
        "2026年10月3日至2026年10月10日",
        "出具单位",
        "负责人",
        "经办人",
        "联系电话",
        "2026年12月6日",
        "共2次服务，均已核实",
        "核验码",
    ):
        assert expected in text, expected
    assert "5小时45分钟" not in text and "6小时" not in text
    assert "530102195204090" not in text, "the ID number is masked unless full data is asked"


def test_a_reprint_keeps_the_number_a_void_then_a_reprint_issues_a_new_one(
    application, admin, history, tmp_path
):
    first = compact_text(_print(application, admin, CERTIFICATE, "ZY202600001", tmp_path / "1.pdf"))
    again = compact_text(_print(application, admin, CERTIFICATE, "ZY202600001", tmp_path / "2.pdf"))
    code = re.search(r"核验码：([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})", first)
    assert code and code.group(1) in again
    assert "ZYZM-2026-000001" in again
    [entry] = list_documents(application.database, admin, CERTIFICATE)
    assert entry.reprint_count == 1 and entry.subject == "刘桂兰（ZY202600001）"
    void_document(application.database, admin, entry.number, "服务时长登记有误，已收回")
    third = compact_text(_print(application, admin, CERTIFICATE, "ZY202600001", tmp_path / "3.pdf"))
    assert "ZYZM-2026-000002" in third and code.group(1) not in third
    period = volunteer_period_id("ZY202600001", date(2026, 10, 1), date(2026, 10, 5))
    fourth = compact_text(_print(application, admin, CERTIFICATE, period, tmp_path / "4.pdf"))
    assert "ZYZM-2026-000003" in fourth and "2小时" in fourth


def test_no_certificate_without_verified_service_and_nothing_registered(
    application, admin, database
):
    volunteer = open_resident(database, admin, 101)
    record_service(database, admin, service_form(volunteer, category_id(database, admin)), now=NOW)
    with pytest.raises(ValidationError, match="没有已核实的服务记录"):
        _print(application, admin, CERTIFICATE, "ZY202600001", Path("/nonexistent/x.pdf"))
    assert list_documents(application.database, admin, CERTIFICATE) == []


def _activity(database, admin) -> tuple[str, list[int]]:
    volunteers = [open_resident(database, admin, sequence) for sequence in (101, 103, 105)]
    batch = record_batch(
        database,
        admin,
        ActivityForm(
            category_id=category_id(database, admin, "环境整治"),
            served_on=date(2026, 11, 14),
            beneficiary_kind=BeneficiaryKind.ACTIVITY,
            beneficiary="翠湖北路",
            content="周末卫生大扫除",
        ),
        [BatchRow(volunteer, time(8, 30), time(11, 0)) for volunteer in volunteers],
        now=NOW,
    )
    for record in batch.records[:2]:  # the third is not verified yet: no certificate for it
        verify_service_record(database, admin, record.id, f"v-{record.id}")
    return batch.batch_uuid, volunteers


def test_an_activity_prints_one_registered_certificate_per_verified_volunteer(
    application, admin, database, tmp_path
):
    batch_uuid, _volunteers = _activity(database, admin)
    record_ids = activity_certificate_ids(database, admin, batch_uuid)
    assert record_ids == [
        activity_id("ZY202600001", batch_uuid),
        activity_id("ZY202600002", batch_uuid),
    ]
    progress: list[tuple[int, int | None]] = []
    context = _context(application, admin)
    summary = print_certificates(
        database, admin, context, record_ids, tmp_path / "all.pdf",
        progress=lambda done, total: progress.append((done, total)),
    )  # fmt: skip
    assert summary.documents == 2 and pdf_info(tmp_path / "all.pdf").pages == 2
    assert progress[-1] == (2, 2)
    text = compact_text(tmp_path / "all.pdf")
    assert "ZYZM-2026-000001" in text and "ZYZM-2026-000002" in text
    assert text.count("2小时30分钟") >= 2 and "周末卫生大扫除" in text
    assert "2026年11月14日一次服务活动中的服务" in text
    assert {entry.subject_key for entry in list_documents(database, admin, CERTIFICATE)} == set(
        record_ids
    )


def test_a_cancelled_batch_registers_nothing(application, admin, database, tmp_path):
    batch_uuid, _volunteers = _activity(database, admin)
    record_ids = activity_certificate_ids(database, admin, batch_uuid)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(PrintCancelled):
        print_certificates(
            database, admin, _context(application, admin), record_ids, tmp_path / "x.pdf",
            cancel=cancel,
        )  # fmt: skip
    assert list_documents(database, admin, CERTIFICATE) == []
    assert not (tmp_path / "x.pdf").exists()


# --- 双报告 --------------------------------------------------------------------------------------


@pytest.mark.demo_members(60)
def test_the_service_report_is_addressed_to_the_home_organization(
    application, admin, database, tmp_path
):
    with database.reading() as session:
        member = session.scalars(
            select(Member).where(Member.kind == MemberKind.IN_SERVICE_REGISTERED.value)
        ).first()
        assert member is not None
        member_id, name, origin = member.id, member.name, member.origin_organization
    volunteer = open_volunteer(database, admin, VolunteerForm(member_id=member_id)).id
    care = category_id(database, admin)
    for day in (6, 13):
        record = record_service(
            database, admin, service_form(volunteer, care, served_on=date(2026, 11, day)), now=NOW
        )
        verify_service_record(database, admin, record.id, f"v-{day}")
    resident = open_resident(database, admin, 101)
    record_id = volunteer_period_id("ZY202600001", date(2026, 11, 1), date(2026, 11, 30))
    path = _print(application, admin, "service_report", record_id, tmp_path / "report.pdf")
    text = compact_text(path)
    assert f"{origin}：" in text and name in text
    assert "参加志愿服务2次，经核实累计服务时长4小时" in text
    assert "2026年11月6日" in text and "2026年11月13日" in text and "打扫卫生、陪同就医" in text
    assert resident
    other = volunteer_period_id("ZY202600002", date(2026, 11, 1), date(2026, 11, 30))
    with pytest.raises(ValidationError, match="不是到社区报到的在职党员"):
        _print(application, admin, "service_report", other, tmp_path / "no.pdf")
