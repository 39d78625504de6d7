"""Verification codes: valid, tampered, malformed, other center; a key made once and kept."""

from __future__ import annotations

import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest

from dangqun.printing.batch import render_to_file
from dangqun.printing.documents.minutes import build_minutes, minutes_facts, sample_minutes
from dangqun.printing.documents.volunteer_certificate import (
    build_volunteer_certificate,
    certificate_code,
    sample_volunteer_certificate,
)
from dangqun.printing.page_kit import PrintContext
from dangqun.printing.verification import (
    VerificationKeyError,
    VerificationStatus,
    check_code_of,
    load_or_create_verification_key,
    make_verification_code,
    verification_key_path,
    verify_code,
)
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import CENTER_ID, KEY, compact_text

FACTS = ["李秀英", "0027", "2850", "20261122"]


def code() -> str:
    return make_verification_code(
        "volunteer_certificate", "ZYZM-2026-000123", CENTER_ID, FACTS, KEY
    )


def test_valid_code_says_what_it_certifies() -> None:
    result = verify_code(code(), KEY, CENTER_ID)
    assert result.valid
    assert result.status is VerificationStatus.VALID
    assert result.kind_label == "志愿服务证明"
    assert result.number == "ZYZM-2026-000123"
    assert result.center_id == CENTER_ID
    facts = {fact.label: fact.value for fact in result.facts}
    assert facts == {
        "志愿者": "李秀英",
        "证件号码后四位": "0027",
        "服务时长": "47 小时 30 分钟",
        "出具日期": "2026年11月22日",
    }
    assert "有效" in result.report_lines()[0]


@pytest.mark.parametrize(
    ("original", "forged"),
    [("|2850|", "|2950|"), ("|李秀英|", "|李秀荣|"), ("ZYZM-2026-000123", "ZYZM-2026-000124")],
)
def test_tampered_code_is_invalid(original: str, forged: str) -> None:
    result = verify_code(code().replace(original, forged), KEY, CENTER_ID)
    assert not result.valid
    assert result.status is VerificationStatus.TAMPERED
    assert "不符" in result.message


def test_code_from_another_key_is_invalid() -> None:
    result = verify_code(code(), bytes(32), CENTER_ID)
    assert result.status is VerificationStatus.TAMPERED


@pytest.mark.parametrize(
    "text", ["", "hello", "DQ1|VC|ZYZM|abc", "DQ1|XX|a|b|c|d", code().rsplit("|", 2)[0]]
)
def test_malformed_codes_are_refused_with_a_reason(text: str) -> None:
    result = verify_code(text, KEY)
    assert result.status is VerificationStatus.MALFORMED
    assert result.message.startswith("无效")


def test_other_centers_code_is_not_judged_with_our_key() -> None:
    result = verify_code(code(), KEY, "11111111-2222-3333-4444-555555555555")
    assert result.status is VerificationStatus.OTHER_CENTER
    assert result.number == "ZYZM-2026-000123"


def test_typed_code_tolerates_lower_case_check_code_and_spaces() -> None:
    text = code()
    message, check = text.rsplit("|", 1)
    assert verify_code(f"  {message}|{check.lower()}  ", KEY, CENTER_ID).valid


def test_separator_inside_a_fact_cannot_shift_the_fields() -> None:
    tricky = make_verification_code(
        "volunteer_certificate", "ZYZM-1", CENTER_ID, ["张|三", "0027", "60", "20261122"], KEY
    )
    result = verify_code(tricky, KEY, CENTER_ID)
    assert result.valid
    assert result.facts[0].value == "张｜三"


def test_minutes_code_round_trip(context: PrintContext) -> None:
    data = sample_minutes(context)
    text = make_verification_code(
        "minutes", data.minutes_number, CENTER_ID, minutes_facts(data), KEY
    )
    result = verify_code(text, KEY, CENTER_ID)
    assert result.valid
    assert result.kind_label == "会议记录"
    assert {"党组织": data.organization_name}.items() <= {
        fact.label: fact.value for fact in result.facts
    }.items()


@requires_poppler
def test_certificate_prints_its_number_and_check_code(
    context: PrintContext, tmp_path: Path
) -> None:
    data = sample_volunteer_certificate(context)
    path = tmp_path / "certificate.pdf"
    render_to_file([build_volunteer_certificate(data, context)], context, path)
    text = compact_text(path)
    expected_code = certificate_code(data, context)
    assert verify_code(expected_code, KEY, CENTER_ID).valid
    assert check_code_of(expected_code) in text
    assert data.certificate_number in text


@requires_poppler
def test_unsigned_minutes_carry_no_code(context: PrintContext, tmp_path: Path) -> None:
    import dataclasses

    draft = dataclasses.replace(sample_minutes(context), signed_on=None)
    path = tmp_path / "draft.pdf"
    render_to_file([build_minutes(draft, context)], context, path)
    text = compact_text(path)
    assert "草稿" in text and "核验码" not in text


def test_key_is_created_once_and_kept(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    first = load_or_create_verification_key(keys)
    assert len(first) == 32
    assert load_or_create_verification_key(keys) == first
    if sys.platform != "win32":
        mode = stat.S_IMODE(os.stat(verification_key_path(keys)).st_mode)
        assert mode == 0o600


def test_damaged_key_is_refused_not_replaced(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    path = verification_key_path(keys)
    path.write_text("not hex", encoding="ascii")
    with pytest.raises(VerificationKeyError, match="已损坏"):
        load_or_create_verification_key(keys)
    assert path.read_text(encoding="ascii") == "not hex"


def test_sample_codes_never_verify_against_a_center(context: PrintContext) -> None:
    without_key = PrintContext(
        context.center_name, CENTER_ID, date(2026, 11, 22), context.fonts, verification_key=None
    )
    data = sample_volunteer_certificate(without_key)
    assert not verify_code(certificate_code(data, without_key), KEY, CENTER_ID).valid
