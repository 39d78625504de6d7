"""``dangqun timebank statement | close-month | certificate`` as real processes on a real data
directory (issue 13, "CLI", "Statements", "Certificates"): the certificate's printed short code
verifies through ``dangqun verify``, a re-print keeps the number, a void then a print issues a
new one, an activity prints one certificate per volunteer, a month closes once, and a sample's
code never verifies."""

from __future__ import annotations

import re
from datetime import date, time

import pytest

from dangqun.bootstrap import open_application
from dangqun.timebank.service import (
    ActivityForm,
    BatchRow,
    BeneficiaryKind,
    ReceivedKind,
    record_batch,
    record_service,
    spend,
    verify_service_record,
)
from tests.cli_helpers import run_cli
from tests.conftest import actor_of, requires_poppler
from tests.unit.printing.pdf_tools import compact_text
from tests.unit.timebank.conftest import NOW, category_id, open_resident, service_form

pytestmark = [pytest.mark.slow, requires_poppler]

CODE = re.compile(r"核验码：?([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})")


def _history(paths) -> str:
    """ZY202600001 served 2 h in October (verified) and spent 30 min; ZY202600002 and 03 served
    in one activity on 14 November (both verified). Returns the activity's batch id."""
    application = open_application(paths)
    try:
        database = application.database
        admin = actor_of(application, "admin")
        one = open_resident(database, admin, 101)
        care = category_id(database, admin)
        served = record_service(
            database, admin, service_form(one, care, served_on=date(2026, 10, 8)), now=NOW
        )
        verify_service_record(database, admin, served.id, "v-1", today=date(2026, 10, 9))
        spend(
            database, admin, one, 30, ReceivedKind.SERVICE, "理发", "s-1", today=date(2026, 10, 12)
        )
        others = [open_resident(database, admin, sequence) for sequence in (103, 105)]
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
            [BatchRow(volunteer, time(8, 30), time(10, 0)) for volunteer in others],
            now=NOW,
        )
        for record in batch.records:
            verify_service_record(database, admin, record.id, f"v-{record.id}")
    finally:
        application.close()
    return batch.batch_uuid


def test_statement_close_month_and_certificates_on_the_command_line(initialized_paths, tmp_path):
    batch_uuid = _history(initialized_paths)
    root = initialized_paths.root

    statement = run_cli(
        root, "timebank", "statement", "--volunteer", "zy202600001",
        "--from", "2026-10-01", "--to", "2026-10-31", "--out", str(tmp_path / "s.pdf"),
    )  # fmt: skip
    assert statement.returncode == 0, statement.stderr
    text = compact_text(tmp_path / "s.pdf")
    assert "时间银行存折" in text and "期末余额1小时30分钟" in text and "已服务时长2小时" in text

    closed = run_cli(root, "timebank", "close-month", "2026-10", "--out", str(tmp_path / "l.pdf"))
    assert closed.returncode == 0, closed.stderr
    assert "2026-10 已结账" in closed.stdout and "余额合计 0 分钟" in closed.stdout
    assert "全部账户月末余额合计0分钟" in compact_text(tmp_path / "l.pdf")
    again = run_cli(root, "timebank", "close-month", "2026-10")
    assert again.returncode == 1 and "2026-10 已经结账，不能重复结账" in again.stderr

    first = run_cli(
        root, "timebank", "certificate", "--volunteer", "ZY202600001", "--out", str(tmp_path / "c1.pdf")
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    paper = compact_text(tmp_path / "c1.pdf")
    code = CODE.search(paper)
    assert code and "ZYZM-2026-000001" in paper and "2小时" in paper
    assert f"ZYZM-2026-000001  刘桂兰（ZY202600001）  核验码 {code.group(1)}" in first.stdout
    verified = run_cli(root, "verify", code.group(1).lower(), user=None)
    assert verified.returncode == 0 and verified.stdout.startswith("有效"), verified.stdout
    assert "刘桂兰" in verified.stdout and "ZYZM-2026-000001" in verified.stdout

    reprint = run_cli(
        root, "timebank", "certificate", "--volunteer", "ZY202600001", "--out", str(tmp_path / "c2.pdf")
    )  # fmt: skip
    assert reprint.returncode == 0 and "ZYZM-2026-000001" in compact_text(tmp_path / "c2.pdf")
    assert code.group(1) in compact_text(tmp_path / "c2.pdf")

    voided = run_cli(root, "documents", "void", "ZYZM-2026-000001", "--reason", "时长登记有误")
    assert voided.returncode == 0, voided.stderr
    assert run_cli(root, "verify", code.group(1), user=None).returncode == 1
    renewed = run_cli(
        root, "timebank", "certificate", "--volunteer", "ZY202600001", "--out", str(tmp_path / "c3.pdf")
    )  # fmt: skip
    assert renewed.returncode == 0 and "ZYZM-2026-000002" in compact_text(tmp_path / "c3.pdf")

    activity = run_cli(
        root, "timebank", "certificate", "--activity", batch_uuid, "--out", str(tmp_path / "a.pdf")
    )  # fmt: skip
    assert activity.returncode == 0, activity.stderr
    assert "（2 份，2 页）" in activity.stdout
    assert "ZYZM-2026-000003" in activity.stdout and "ZYZM-2026-000004" in activity.stdout

    nothing = run_cli(
        root, "timebank", "certificate", "--volunteer", "ZY202600001",
        "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(tmp_path / "none.pdf"),
    )  # fmt: skip
    assert nothing.returncode == 1 and "没有已核实的服务记录" in nothing.stderr
    assert not (tmp_path / "none.pdf").exists()

    sample = run_cli(
        root, "print", "volunteer_certificate", "--sample", "--out", str(tmp_path / "x.pdf")
    )
    assert sample.returncode == 0
    sample_code = CODE.search(compact_text(tmp_path / "x.pdf"))
    assert (
        sample_code is None
        or run_cli(root, "verify", sample_code.group(1), user=None).returncode == 1
    )
    assert run_cli(root, "check").returncode == 0
