"""``dangqun print`` and ``dangqun verify`` through the real parser, in this process, on a real
data directory (so a refusal arrives as the ``DangqunError`` the CLI would print)."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from unittest.mock import patch

import pytest

from dangqun.bootstrap import open_application
from dangqun.cli import build_parser
from dangqun.cli_kit import CliKit
from dangqun.core.errors import DangqunError
from dangqun.core.paths import DataPaths
from dangqun.core.security import system_actor
from dangqun.demo import generate_demo_data
from dangqun.printing.registry import document_kinds
from tests.cli_helpers import run_cli
from tests.conftest import ADMIN_PASSWORD, requires_poppler
from tests.unit.printing.pdf_tools import compact_text, pdf_info


@pytest.fixture
def data_dir(initialized_paths: DataPaths) -> Path:
    application = open_application(initialized_paths)
    try:
        generate_demo_data(application.database, system_actor("test"), 60, seed=3)
    finally:
        application.close()
    return initialized_paths.root


def run(data_dir: Path, *words: str) -> int:
    """The command in this process, signed in as the test administrator (password on stdin)."""
    sign_in = ["--user", "admin", "--password-stdin"]
    arguments = build_parser(CliKit()).parse_args(["--data-dir", str(data_dir), *sign_in, *words])
    with patch.object(sys, "stdin", io.StringIO(ADMIN_PASSWORD + "\n")):
        return int(arguments.handler(arguments))


@requires_poppler
def test_print_samples_writes_one_pdf_per_kind(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(data_dir, "print", "samples", "--out", str(tmp_path / "samples")) == 0
    written = sorted(path.stem for path in (tmp_path / "samples").glob("*.pdf"))
    assert written == sorted(document_kinds())
    assert f"已生成 {len(document_kinds())} 份样张" in capsys.readouterr().out


@requires_poppler
def test_print_roster_by_organization_id(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "roster.pdf"
    assert run(data_dir, "print", "member_roster", "--id", "3", "--out", str(out)) == 0
    assert "党员花名册" in compact_text(out)


@requires_poppler
def test_print_political_birthdays_of_a_month(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "birthdays.pdf"
    assert run(data_dir, "print", "political_birthdays", "--id", "2026-11", "--out", str(out)) == 0
    text = compact_text(out)
    assert "2026年11月政治生日名单" in text and "翠湖社区党群服务中心" in text


@pytest.mark.parametrize("bad", ["11", "2026/11", "2026-13", "十一月"])
def test_print_political_birthdays_refuses_a_bad_month(
    data_dir: Path, tmp_path: Path, bad: str
) -> None:
    out = tmp_path / "birthdays.pdf"
    with pytest.raises(DangqunError, match="YYYY-MM") as refused:
        run(data_dir, "print", "political_birthdays", "--id", bad, "--out", str(out))
    assert bad in refused.value.message
    assert not out.exists()


def test_print_without_id_or_sample_is_refused(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(DangqunError, match="--id"):
        run(data_dir, "print", "member_roster", "--out", str(tmp_path / "x.pdf"))


def test_unknown_kind_is_a_usage_error(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(data_dir, "print", "certificate", "--out", str(tmp_path / "x.pdf"))
    assert exit_info.value.code == 2


@requires_poppler
def test_verify_the_code_printed_on_a_certificate(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "certificate.pdf"
    assert run(data_dir, "print", "volunteer_certificate", "--sample", "--out", str(out)) == 0
    from dangqun.core.center import center_info
    from dangqun.printing.service import print_context_for
    from dangqun.timebank.documents.volunteer_certificate import (
        certificate_code,
        sample_volunteer_certificate,
    )

    application = open_application(DataPaths(data_dir))
    try:
        context = print_context_for(
            application.database, application.paths.keys, system_actor("test")
        )
        code = certificate_code(sample_volunteer_certificate(context), context)
        assert center_info(application.database).center_id.replace("-", "") in code
    finally:
        application.close()
    capsys.readouterr()
    assert run(data_dir, "verify", code) == 0
    output = capsys.readouterr().out
    assert output.startswith("有效") and "李秀英" in output and "47 小时 30 分钟" in output
    assert run(data_dir, "verify", code.replace("|2850|", "|9850|")) == 1
    assert capsys.readouterr().out.startswith("无效")


def test_verify_with_another_centers_key_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dangqun.printing.verification import make_verification_code

    key = bytes(range(32))
    key_file = tmp_path / "center-b.key"
    key_file.write_text(key.hex(), encoding="ascii")
    code = make_verification_code(
        "volunteer_certificate",
        "ZYZM-9",
        "11111111-2222-3333-4444-555555555555",
        ["张三", "1234", "90", "20261101-20261120", "送餐", "翠湖社区党群服务中心", "20261122"],
        key,
    )
    assert run(data_dir, "verify", code, "--key-file", str(key_file)) == 0
    assert "有效" in capsys.readouterr().out


def _verification_codes(flowable: object) -> list[str]:
    """The full codes of every VerificationMark in a story (marks sit inside SideBySide etc.)."""
    from dangqun.printing.page_kit import VerificationMark

    if isinstance(flowable, VerificationMark):
        return [flowable.code]
    if isinstance(flowable, list | tuple):
        return [code for item in flowable for code in _verification_codes(item)]
    found: list[str] = []
    for name in ("left", "right", "content", "flowable", "_content"):
        inner = getattr(flowable, name, None)
        if inner is not None and inner is not flowable:
            found.extend(_verification_codes(inner))
    return found


@requires_poppler
def test_every_kinds_sample_code_verifies_as_a_sample_never_valid(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: samples printed in a data directory that has a center key never verify."""
    import re

    from dangqun.printing.registry import sample_plan
    from dangqun.printing.service import print_context_for

    assert run(data_dir, "print", "samples", "--out", str(tmp_path / "samples")) == 0
    printed: dict[str, str] = {}
    for pdf in (tmp_path / "samples").glob("*.pdf"):
        match = re.search(r"核验码：([A-Z0-9-]+)", compact_text(pdf))
        if match:
            printed[pdf.stem] = match.group(1)
    coded = {kind for kind, item in document_kinds().items() if item.carries_verification_code}
    assert set(printed) == coded and {"registration_receipt", "volunteer_certificate"} <= coded
    application = open_application(DataPaths(data_dir))
    try:
        context = print_context_for(
            application.database, application.paths.keys, system_actor("test")
        )
        full_codes = [
            code for kind in coded for code in _verification_codes(sample_plan(kind, context).story)
        ]
    finally:
        application.close()
    assert len(full_codes) == len(coded)
    capsys.readouterr()
    for code in [*printed.values(), *full_codes, printed["minutes"].lower().replace("-", "")]:
        assert run(data_dir, "verify", code) == 1, code
        assert capsys.readouterr().out.startswith("样张，不是正式文书")
    key_file = tmp_path / "other.key"
    key_file.write_text(bytes(range(32)).hex(), encoding="ascii")
    for code in full_codes:  # whatever key it is checked against
        assert run(data_dir, "verify", code, "--key-file", str(key_file)) == 1
        assert capsys.readouterr().out.startswith("样张")


def test_documents_list_void_and_verify_by_the_printed_short_code(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from sqlalchemy import select

    from dangqun.members.models import Member
    from dangqun.members.vocabulary import MemberKind

    application = open_application(DataPaths(data_dir))
    try:
        with application.database.reading() as session:
            member_id = session.scalars(
                select(Member.id).where(Member.kind == MemberKind.IN_SERVICE_REGISTERED.value)
            ).first()
    finally:
        application.close()
    out = str(tmp_path / "r.pdf")
    assert run(data_dir, "print", "registration_receipt", "--id", str(member_id), "--out", out) == 0
    capsys.readouterr()
    assert run(data_dir, "documents", "list", "--json", "--kind", "registration_receipt") == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["reprint_count"] == 0 and entry["voided"] is False
    short = entry["check_code"]
    assert run(data_dir, "verify", short.lower().replace("-", " "), "--json") == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["status"] == "valid" and verdict["register"]["number"] == entry["number"]
    assert {"label": "党员", "value": entry["subject"]} in verdict["facts"]
    assert run(data_dir, "documents", "void", entry["number"], "--reason", "报到日期有误") == 0
    assert "已作废" in capsys.readouterr().out
    assert run(data_dir, "verify", short) == 1
    output = capsys.readouterr().out
    assert output.startswith("已作废") and "报到日期有误" in output
    assert run(data_dir, "verify", "ZZZZ-ZZZZ-ZZZZ-ZZZZ") == 1
    assert capsys.readouterr().out.startswith("未找到")
    with pytest.raises(DangqunError, match="不能再次作废"):
        run(data_dir, "documents", "void", entry["number"], "--reason", "x")


@pytest.mark.slow
@requires_poppler
def test_print_estimate_says_pages_and_names_and_writes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    """Issue 12: a long list says how many pages it will take before it is printed."""
    result = run_cli(data_dir, "print", "member_roster", "--id", "3", "--estimate")
    assert result.returncode == 0, result.stderr
    match = re.fullmatch(r"党员花名册（--id 3）：约 (\d+) 页，(\d+) 名\n", result.stdout)
    assert match, result.stdout
    assert not list(tmp_path.rglob("*.pdf"))  # nothing written
    as_json = run_cli(data_dir, "print", "political_birthdays", "--id", "2026-11", "--estimate",
                      "--json")  # fmt: skip
    assert as_json.returncode == 0, as_json.stderr
    report = json.loads(as_json.stdout)
    assert report["kind"] == "political_birthdays" and report["id"] == "2026-11"
    out = tmp_path / "roster.pdf"
    assert run(data_dir, "print", "member_roster", "--id", "3", "--out", str(out)) == 0
    assert abs(pdf_info(out).pages - int(match[1])) <= 1
    assert f"在册党员{match[2]}名" in compact_text(out)
    birthdays = tmp_path / "birthdays.pdf"
    run(data_dir, "print", "political_birthdays", "--id", "2026-11", "--out", str(birthdays))
    assert pdf_info(birthdays).pages == report["pages"]
    assert f"共{report['names']}名党员过政治生日" in compact_text(birthdays) or (
        report["names"] == 0 and "没有在册党员过政治生日" in compact_text(birthdays)
    )


def test_print_estimate_is_refused_for_kinds_that_are_not_lists(data_dir: Path) -> None:
    result = run_cli(data_dir, "print", "minutes", "--id", "1", "--estimate")
    assert result.returncode == 1
    assert "只有长名单可以先估计页数" in result.stderr and "Traceback" not in result.stderr
    missing_id = run_cli(data_dir, "print", "member_roster", "--estimate")
    assert missing_id.returncode == 1 and "--id" in missing_id.stderr


def test_print_without_out_is_refused_naming_it(data_dir: Path) -> None:
    with pytest.raises(DangqunError, match="--out"):
        run(data_dir, "print", "member_roster", "--id", "3")
