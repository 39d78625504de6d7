"""``dangqun verify`` with the printed short code and ``dangqun documents`` as real processes
(issue 12): exit codes, a clerk voiding, a read-only user refused, samples never valid."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from dangqun.bootstrap import open_application
from dangqun.core.paths import DataPaths
from dangqun.core.security import Role, system_actor
from dangqun.core.users import create_user
from dangqun.members.models import Member
from dangqun.members.vocabulary import MemberKind
from tests.cli_helpers import PASSWORDS, init, run_cli
from tests.conftest import requires_poppler

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def center(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("register") / "center"
    assert init(data_dir).returncode == 0
    assert run_cli(data_dir, "demo", "--members", "60").returncode == 0
    application = open_application(DataPaths(data_dir))
    try:
        for name, display, role in (
            ("clerk", "李明", Role.STAFF),
            ("viewer", "王五", Role.READ_ONLY),
        ):
            create_user(application.database, system_actor(), name, display, role, "pass-word-77")
            PASSWORDS[name] = "pass-word-77"
    finally:
        application.close()
    return data_dir


def _registered_member(data_dir: Path) -> int:
    application = open_application(DataPaths(data_dir))
    try:
        with application.database.reading() as session:
            member_id = session.scalars(
                select(Member.id).where(Member.kind == MemberKind.IN_SERVICE_REGISTERED.value)
            ).first()
    finally:
        application.close()
    assert member_id is not None
    return member_id


def test_issue_verify_by_short_code_void_and_reissue(center: Path, tmp_path: Path) -> None:
    member = str(_registered_member(center))
    for name in ("a.pdf", "b.pdf"):
        printed = run_cli(
            center, "print", "registration_receipt", "--id", member, "--out", str(tmp_path / name),
            user="clerk",
        )  # fmt: skip
        assert printed.returncode == 0, printed.stderr
    listing = run_cli(center, "documents", "list", "--json", user="viewer")
    assert listing.returncode == 0, listing.stderr
    (entry,) = json.loads(listing.stdout)
    assert entry["reprint_count"] == 1 and entry["issued_by"] == "李明"

    verified = run_cli(center, "verify", entry["check_code"].lower(), user=None)
    assert verified.returncode == 0 and verified.stdout.startswith("有效"), verified.stderr
    assert entry["number"] in verified.stdout and "登记簿" in verified.stdout

    refused = run_cli(center, "documents", "void", entry["number"], "--reason", "x", user="viewer")
    assert refused.returncode == 1 and "录入和修改" in refused.stderr
    voided = run_cli(
        center, "documents", "void", entry["number"], "--reason", "姓名有误", user="clerk"
    )
    assert voided.returncode == 0, voided.stderr
    answer = run_cli(center, "verify", entry["check_code"], "--json", user=None)
    assert answer.returncode == 1
    verdict = json.loads(answer.stdout)
    assert verdict["status"] == "voided" and verdict["register"]["void_reason"] == "姓名有误"

    again = run_cli(
        center, "print", "registration_receipt", "--id", member, "--out", str(tmp_path / "c.pdf")
    )
    assert again.returncode == 0, again.stderr
    numbers = [
        e["number"] for e in json.loads(run_cli(center, "documents", "list", "--json").stdout)
    ]
    assert len(numbers) == 2 and numbers[1] == entry["number"] and numbers[0] != numbers[1]

    unknown = run_cli(center, "verify", "ZZZZ-ZZZZ-ZZZZ-ZZZZ", user=None)
    assert unknown.returncode == 1 and unknown.stdout.startswith("未找到")
    assert run_cli(center, "check").returncode == 0


@requires_poppler
def test_printed_sample_codes_answer_sample(center: Path, tmp_path: Path) -> None:
    from tests.unit.printing.pdf_tools import compact_text

    samples = tmp_path / "samples"
    assert run_cli(center, "print", "samples", "--out", str(samples)).returncode == 0
    codes = [
        match.group(1)
        for pdf in sorted(samples.glob("*.pdf"))
        if (match := re.search(r"核验码：([A-Z0-9-]+)", compact_text(pdf)))
    ]
    assert len(codes) >= 3
    for code in codes:
        answer = run_cli(center, "verify", code, user=None)
        assert answer.returncode == 1 and answer.stdout.startswith("样张，不是正式文书"), code
