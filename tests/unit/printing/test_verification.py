"""Verification codes: valid, tampered, malformed, other center; a key made once and kept.

Issue 10: the MAC covers what the document certifies (a certificate's content, period and
issuer; the minutes' body), and ``verify`` claims 内容未被改动 only for what it checked.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangqun.minutes.documents.minutes_record import (
    CorrectionLine,
    MinutesRecordData,
    ResolutionLine,
    body_lines,
    build_minutes_record,
    record_facts,
    sample_minutes_record,
)
from dangqun.printing import verification as v
from dangqun.printing.batch import render_to_file
from dangqun.printing.page_kit import PrintContext
from dangqun.printing.verification import (
    VerificationKeyError,
    VerificationStatus,
    check_code_of,
    content_digest,
    load_or_create_verification_key,
    make_verification_code,
    verification_key_path,
    verify_code,
)
from dangqun.timebank.documents.volunteer_certificate import (
    build_volunteer_certificate,
    certificate_code,
    sample_volunteer_certificate,
)
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import CENTER_ID, KEY, compact_text

CONTENT = "为辖区独居老人上门送餐"
FACTS = [
    "李秀英",
    "53010220180032145",
    "2850",
    "20260106-20261120",
    CONTENT,
    "翠湖社区党群服务中心",
    "20261122",
]


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
        "志愿者编号": "53010220180032145",
        "服务时长": "47 小时 30 分钟",
        "服务期间": "2026年1月6日至2026年11月20日",
        "服务内容": CONTENT,
        "出具单位": "翠湖社区党群服务中心",
        "出具日期": "2026年11月22日",
    }
    assert "有效" in result.report_lines()[0]
    assert "内容未被改动" in result.message


@pytest.mark.parametrize(
    ("original", "forged"),
    [
        ("|2850|", "|2950|"),
        ("|李秀英|", "|李秀荣|"),
        ("ZYZM-2026-000123", "ZYZM-2026-000124"),
        ("上门送餐", "上门理发"),
        ("-20261120|", "-20261231|"),
        ("|翠湖社区党群服务中心|", "|翠湖街道办事处|"),
    ],
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


@pytest.mark.parametrize(
    "typed_check",
    [
        lambda check: check.replace("-", ""),
        lambda check: check.replace("-", "").lower(),
        lambda check: " " + check.replace("-", " ").lower() + " ",
        lambda check: check[:7] + " - " + check[7:].lower(),
    ],
)
def test_check_code_typed_without_dashes_in_lower_case_or_with_spaces(typed_check) -> None:
    message, check = code().rsplit("|", 1)
    typed = f"{message.lower().replace('dq2|vc', 'dq2 | vc ')}|{typed_check(check)}"
    result = verify_code(typed, KEY, CENTER_ID)
    assert result.valid, result.message
    assert result.number == "ZYZM-2026-000123"


def test_codes_of_the_old_version_are_refused_with_a_reason() -> None:
    old = (
        "DQ1|VC|ZYZM-2026-000123|" + CENTER_ID.replace("-", "") + "|李秀英|0027|2850|20261122|AAAA"
    )
    result = verify_code(old, KEY, CENTER_ID)
    assert result.status is VerificationStatus.MALFORMED
    assert "旧版" in result.message


def test_separator_inside_a_fact_cannot_shift_the_fields() -> None:
    tricky = make_verification_code(
        "volunteer_certificate", "ZYZM-1", CENTER_ID, ["张|三", *FACTS[1:]], KEY
    )
    result = verify_code(tricky, KEY, CENTER_ID)
    assert result.valid
    assert result.facts[0].value == "张｜三"


def body_digest(data: MinutesRecordData) -> str:
    """The 正文摘要 a signed record's code carries."""
    return content_digest(body_lines(data))


def test_minutes_code_round_trip(context: PrintContext) -> None:
    data = sample_minutes_record(context)
    text = make_verification_code("minutes", data.number, CENTER_ID, record_facts(data), KEY)
    result = verify_code(text, KEY, CENTER_ID)
    assert result.valid
    assert result.kind_label == "会议记录"
    facts = {fact.label: fact.value for fact in result.facts}
    assert facts["党组织"] == data.organization
    assert facts["正文摘要"] == body_digest(data)


def test_minutes_verify_never_claims_the_body_it_cannot_see(context: PrintContext) -> None:
    data = sample_minutes_record(context)
    text = make_verification_code("minutes", data.number, CENTER_ID, record_facts(data), KEY)
    result = verify_code(text, KEY, CENTER_ID)
    assert result.valid
    assert "内容未被改动" not in result.message
    assert "无法核对纸面上的正文" in result.message


@pytest.mark.parametrize(
    "change",
    [
        lambda data: {
            "resolutions": (ResolutionLine("决议", "不同意接收宋佳同志为中共预备党员。", "", ""),)
        },
        lambda data: {"place": "社区居委会会议室"},
        lambda data: {
            "agenda": tuple(dataclasses.replace(item, speeches=()) for item in data.agenda)
        },
        lambda data: {
            "corrections": (
                *data.corrections,
                CorrectionLine(date(2026, 11, 21), "赵丽", "漏记", "补记一位缺席人员"),
            )
        },
    ],
    ids=["resolutions", "place", "speeches", "corrections"],
)
def test_minutes_body_is_covered_by_the_code(context: PrintContext, change) -> None:
    original = sample_minutes_record(context)
    altered = dataclasses.replace(original, **change(original))
    assert body_digest(altered) != body_digest(original)
    signed = make_verification_code(
        "minutes", original.number, CENTER_ID, record_facts(original), KEY
    )
    # A forger keeps the signed heading and MAC but puts the altered body's digest in the code.
    forged = signed.replace(body_digest(original), body_digest(altered))
    assert verify_code(forged, KEY, CENTER_ID).status is VerificationStatus.TAMPERED


def test_certificate_code_carries_no_part_of_the_id_number(context: PrintContext) -> None:
    """The printed mask hides all but the first four characters; the QR must not give them back."""
    data = sample_volunteer_certificate(context)
    text = certificate_code(data, context)
    assert data.id_number[-4:] not in text and data.id_number[4:10] not in text


def test_an_overlong_fact_travels_as_a_digest_and_is_named_unchecked() -> None:
    long_content = "为辖区独居老人上门送餐" * 20
    facts = [*FACTS[:4], long_content, *FACTS[5:]]
    text = make_verification_code("volunteer_certificate", "ZYZM-1", CENTER_ID, facts, KEY)
    assert long_content not in text and len(text.encode()) < 600
    result = verify_code(text, KEY, CENTER_ID)
    assert result.valid
    assert "内容未被改动" not in result.message and "服务内容（过长）" in result.message
    assert "摘要" in {fact.label: fact.value for fact in result.facts}["服务内容"]
    other = make_verification_code(
        "volunteer_certificate",
        "ZYZM-1",
        CENTER_ID,
        [*facts[:4], long_content + "。", *facts[5:]],
        KEY,
    )
    assert other.split("|")[8] != text.split("|")[8]


def test_content_digest_keeps_items_apart() -> None:
    from dangqun.printing.verification import content_digest

    assert content_digest(["决议：甲", "决议：乙"]) != content_digest(["决议：甲决议：乙"])
    assert content_digest(["决议：甲  乙 "]) == content_digest(["决议：甲 乙"])


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
    draft = dataclasses.replace(sample_minutes_record(context), signed=False, signed_on=None)
    path = tmp_path / "draft.pdf"
    render_to_file([build_minutes_record(draft, context)], context, path)
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


# -- issue 12: samples never verify; the printed short code -----------------------------------

RECEIPT_FACTS = [
    "张伟",
    "某公司党支部",
    "20260315",
    "中共翠湖社区委员会",
    "第一网格党支部",
    "20261206",
]


def test_a_sample_code_is_recognised_whatever_the_key() -> None:
    code = v.make_verification_code(
        "registration_receipt", "HZ-2026-000318", CENTER_ID, RECEIPT_FACTS, v.SAMPLE_KEY
    )
    check = v.check_code_of(code)
    assert check.startswith("YANG-ZHAN-") and len(v.short_check_code(check) or "") == 12
    for key in (KEY, v.SAMPLE_KEY, bytes(32)):
        result = v.verify_code(code, key, CENTER_ID)
        assert result.status is v.VerificationStatus.SAMPLE and not result.valid
        assert result.message.startswith("样张，不是正式文书")
    real = v.make_verification_code(
        "registration_receipt", "HZ-2026-000318", CENTER_ID, RECEIPT_FACTS, KEY
    )
    assert v.verify_code(real, KEY, CENTER_ID).valid
    assert not v.is_sample_check_code(v.check_code_of(real))
    # Swapping a sample's check code onto a real code's facts never makes it valid.
    forged = real.rsplit("|", 1)[0] + "|" + check
    assert v.verify_code(forged, KEY, CENTER_ID).status is v.VerificationStatus.SAMPLE


def test_the_receipt_certifies_its_facts_and_carries_no_id_number() -> None:
    code = v.make_verification_code(
        "registration_receipt", "hz-2026-000001", CENTER_ID, RECEIPT_FACTS, KEY
    )
    result = v.verify_code(code, KEY, CENTER_ID)
    assert result.valid and result.number == "HZ-2026-000001"
    assert [fact.label for fact in result.facts] == [
        "党员",
        "原单位党组织",
        "报到日期",
        "报到社区党组织",
        "编入支部",
        "出具日期",
    ]
    assert result.facts[2].value == "2026年3月15日"
    altered = code.replace("|第一网格党支部|", "|第二网格党支部|")
    assert v.verify_code(altered, KEY, CENTER_ID).status is v.VerificationStatus.TAMPERED


@given(
    facts=st.lists(st.text(min_size=1, max_size=40), min_size=6, max_size=6),
    number=st.from_regex(r"HZ-20[0-9]{2}-[0-9]{6}", fullmatch=True),
)
def test_short_codes_are_read_however_they_are_typed(facts: list[str], number: str) -> None:
    code = v.make_verification_code("registration_receipt", number, CENTER_ID, facts, KEY)
    check = v.check_code_of(code)
    plain = v.ungrouped_check_code(code)
    assert len(plain) == 16 and not v.is_sample_check_code(plain)
    for typed in (check, check.lower(), check.replace("-", ""), " ".join(check.split("-"))):
        assert v.short_check_code(typed) == plain
    sample = v.make_verification_code(
        "registration_receipt", number, CENTER_ID, facts, v.SAMPLE_KEY
    )
    assert v.verify_code(sample, KEY, CENTER_ID).status is v.VerificationStatus.SAMPLE


def test_what_is_not_a_short_code() -> None:
    for text in ("", "ZRAE-XX7Q", "ZRAE-XX7Q-EVPI-YUX1", "ZRAE-XX7Q-EVPI-YUX2-AAAA", "核验码"):
        assert v.short_check_code(text) is None, text
    assert v.short_check_code("zrae xx7q-evpi yux2") == "ZRAEXX7QEVPIYUX2"
