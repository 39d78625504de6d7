"""Every rule of a member record (DOMAIN.md §1), one test per rule, plus property tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum.cn import ric

from dangqun.core.errors import ValidationError
from dangqun.members.codes import EDUCATIONS, ETHNICITIES, GENDERS
from dangqun.members.validation import (
    check_id_number,
    check_name,
    derive_from_id_number,
    has_valid_checksum,
    normalize_name,
    normalize_phone,
    parse_date,
    validate_member,
)
from dangqun.members.vocabulary import MemberCategory, MemberKind
from tests.unit.members.conftest import TODAY, make_form, make_id

BRANCH = 7


def errors_of(form, today=TODAY) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        validate_member(form, today)
    return {error.field: error.message for error in caught.value.errors}


def test_a_complete_form_passes_and_fills_birth_date_and_gender():
    clean = validate_member(make_form(BRANCH), TODAY)
    assert clean.birth_date == date(1985, 6, 15)
    assert clean.gender_code == "1"  # sequence 123 is odd: a man
    assert clean.joined_on.strftime("%m-%d") == clean.column_values()["joined_month_day"]


# --- 公民身份号码 -------------------------------------------------------------------------


def test_rule_id_number_has_18_characters():
    assert (
        "应为 18 位，现在是 17 位"
        in errors_of(make_form(BRANCH, id_number=make_id()[:17]))["id_number"]
    )
    assert (
        "15 位旧身份证号码"
        in errors_of(make_form(BRANCH, id_number="530102850615123"))["id_number"]
    )
    assert (
        "前 17 位必须是数字"
        in errors_of(make_form(BRANCH, id_number="53010219850615A23X"))["id_number"]
    )


def test_rule_id_number_check_character_is_iso_7064_mod_11_2():
    good = make_id()
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    assert "校验位不正确" in errors_of(make_form(BRANCH, id_number=wrong_check))["id_number"]
    # the national standard's own example
    assert has_valid_checksum("11010519491231002X")


def test_rule_id_number_lower_case_x_is_accepted_and_stored_as_x():
    clean = validate_member(
        make_form(
            BRANCH,
            id_number="11010519491231002x",
            joined_on=date(1970, 1, 1),
            confirmed_on=date(1971, 1, 1),
        ),
        TODAY,
    )
    assert clean.id_number == "11010519491231002X"


def test_rule_id_number_full_width_digits_and_spaces_are_normalized():
    number = make_id()
    typed = " " + "".join(chr(ord(c) + 0xFEE0) for c in number[:6]) + " " + number[6:] + "\u200b"
    assert validate_member(make_form(BRANCH, id_number=typed), TODAY).id_number == number


def test_rule_id_number_birth_date_is_a_real_date():
    first = "53010219900230123"  # 30 February
    number = first + ric.calc_check_digit(first + "0")
    assert "不是有效日期" in errors_of(make_form(BRANCH, id_number=number))["id_number"]
    old = make_id(birth=date(1899, 12, 31))
    assert "早于 1900 年" in errors_of(make_form(BRANCH, id_number=old))["id_number"]


def test_rule_id_number_birth_date_is_not_in_the_future():
    future = make_id(birth=TODAY + timedelta(days=1))
    assert "晚于今天" in errors_of(make_form(BRANCH, id_number=future))["id_number"]


@pytest.mark.parametrize(
    ("number_area", "birth", "why"),
    [
        ("110112", date(1960, 3, 7), "通州区 exists only since 1997; people born before carry it"),
        ("412723", date(1980, 1, 1), "abolished county code (python-stdnum issue #442)"),
        ("460000", date(1980, 1, 1), "Hainan's provincial code from before its counties"),
        ("810000", date(1990, 5, 5), "Hong Kong residents' residence permit"),
        ("830000", date(1990, 5, 5), "Taiwan residents' residence permit"),
    ],
)
def test_rule_genuine_numbers_are_never_refused_for_their_area_code(number_area, birth, why):
    number = make_id(area=number_area, birth=birth, sequence=101)
    facts, errors = check_id_number(number, TODAY)
    assert errors == [], why
    assert facts is not None and facts.number == number


def test_rule_unknown_area_code_only_warns():
    number = make_id(area="999999", birth=date(1980, 1, 1))
    facts, errors = check_id_number(number, TODAY)
    assert errors == [] and facts is not None
    assert "不是已知的省级代码" in facts.warnings[0]
    clean = validate_member(
        make_form(
            BRANCH, id_number=number, joined_on=date(2005, 1, 1), confirmed_on=date(2006, 1, 1)
        ),
        TODAY,
    )
    assert [warning.field for warning in clean.warnings] == ["id_number"]
    stdnum_refuses = make_id(area="110112", birth=date(1960, 3, 7))
    assert not ric.is_valid(stdnum_refuses)  # the library alone would refuse this real shape
    facts, _ = check_id_number(stdnum_refuses, TODAY)
    assert facts is not None and facts.warnings == ()  # 通州区 is a real code: nothing to say
    never_a_county = make_id(area="530199", birth=date(1980, 1, 1))
    facts, errors = check_id_number(never_a_county, TODAY)
    assert errors == [] and facts is not None and "不在行政区划代码表中" in facts.warnings[0]


def test_rule_birth_date_and_gender_are_derived_from_the_id_number():
    facts = derive_from_id_number(make_id(birth=date(1972, 2, 29), sequence=124), TODAY)
    assert (facts.birth_date, facts.gender_code) == (date(1972, 2, 29), "2")
    with pytest.raises(ValidationError):
        derive_from_id_number("123", TODAY)


def test_rule_typed_birth_date_must_agree_with_the_id_number():
    errors = errors_of(make_form(BRANCH, birth_date=date(1985, 6, 16)))
    assert errors["birth_date"] == "出生日期 1985-06-16 与公民身份号码不符（号码中为 1985-06-15）"


def test_rule_typed_gender_must_agree_with_the_id_number():
    errors = errors_of(make_form(BRANCH, gender_code="2"))
    assert "性别“女”与公民身份号码不符" in errors["gender_code"]
    assert validate_member(make_form(BRANCH, gender_code="1"), TODAY).gender_code == "1"


# --- names ---------------------------------------------------------------------------------


def test_rule_name_is_trimmed_and_invisible_characters_removed():
    assert normalize_name("\ufeff 张\u200b三丰\u00a0 ") == "张三丰"
    assert normalize_name("王　芳") == "王芳"  # ideographic space padding a two-character name
    assert normalize_name("王\u2060芳\u00ad") == "王芳"
    assert normalize_name("Ｌｉ　Ｍｉｎｇ") == "Li Ming"


def test_rule_name_traditional_characters_are_kept_as_typed():
    assert validate_member(make_form(BRANCH, name="張三豐"), TODAY).name == "張三豐"


def test_rule_name_middle_dot_for_minority_names_is_allowed_and_unified():
    for typed in ("阿依古丽·买买提", "阿依古丽•买买提", "阿依古丽・买买提", "阿依古丽.买买提"):
        name, errors, _warnings = check_name(typed)
        assert (name, errors) == ("阿依古丽·买买提", []), typed
    _name, errors, _warnings = check_name("·阿依古丽")
    assert "间隔号" in errors[0]


def test_rule_name_is_required_and_has_no_digits_or_symbols():
    assert errors_of(make_form(BRANCH, name=" \u200b "))["name"] == "请填写姓名"
    assert "“3”" in errors_of(make_form(BRANCH, name="张3丰"))["name"]
    assert "“@”" in errors_of(make_form(BRANCH, name="张@丰"))["name"]


# --- phones --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("１３８－１２３４－５６７８", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("0871-12345678", "0871-12345678"),
        ("0871－12345678", "0871-12345678"),
        ("0871—12345678", "0871-12345678"),
        ("（0871）1234567", "0871-1234567"),
        ("087112345678", "0871-12345678"),
        ("010-87654321", "010-87654321"),
        ("01087654321", "010-87654321"),
        ("0871-12345678-123", "0871-12345678-123"),
        ("0871-12345678转123", "0871-12345678-123"),
        ("0871・1234・5678", "0871-12345678"),
    ],
)
def test_rule_phone_shapes_are_normalized(typed, stored):
    assert normalize_phone(typed)[:2] == (stored, None)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1381234567", "应为 11 位"),
        ("12812345678", "第二位应为 3–9"),
        ("0871-123", "固定电话号码不对"),
        ("138abc45678", "不是数字的字符"),
        ("13812345678/13912345678", "只能填写一个电话号码"),
        ("2345", "格式不对"),
    ],
)
def test_rule_phone_bad_shapes_are_refused(typed, reason):
    stored, error, _warning = normalize_phone(typed)
    assert stored is None and error is not None and reason in error


def test_rule_phone_without_area_code_only_warns():
    assert normalize_phone("5123456") == (
        "5123456",
        None,
        "固定电话没有区号，请核对（例如 0871-12345678）",
    )


# --- membership ----------------------------------------------------------------------------


def test_rule_joined_at_eighteen_or_older():
    form = make_form(BRANCH, joined_on=date(2003, 6, 14), confirmed_on=date(2004, 6, 14))
    assert "入党时未满 18 周岁" in errors_of(form)["joined_on"]
    ok = make_form(BRANCH, joined_on=date(2003, 6, 15), confirmed_on=date(2004, 6, 15))
    assert validate_member(ok, TODAY).joined_on == date(2003, 6, 15)
    leap = make_id(birth=date(1988, 2, 29))
    early = make_form(BRANCH, id_number=leap, joined_on=date(2006, 2, 28), confirmed_on=None)
    assert "未满 18 周岁" in errors_of(early)["joined_on"]
    on_time = make_form(
        BRANCH, id_number=leap, joined_on=date(2006, 3, 1), confirmed_on=date(2007, 3, 1)
    )
    assert validate_member(on_time, TODAY).joined_on == date(2006, 3, 1)


def test_rule_confirmed_after_joined():
    same_day = make_form(BRANCH, confirmed_on=date(2010, 7, 1))
    assert "应晚于入党日期" in errors_of(same_day)["confirmed_on"]
    before = make_form(BRANCH, confirmed_on=date(2009, 7, 1))
    assert "应晚于入党日期" in errors_of(before)["confirmed_on"]


def test_rule_probationary_members_have_no_confirmation_date():
    form = make_form(BRANCH, category=MemberCategory.PROBATIONARY, joined_on=date(2026, 1, 5))
    assert "预备党员没有转正日期" in errors_of(form)["confirmed_on"]
    fine = form.with_changes(confirmed_on=None)
    assert validate_member(fine, TODAY).confirmed_on is None


def test_rule_joined_not_before_the_party_was_founded():
    form = make_form(
        BRANCH,
        id_number=make_id(birth=date(1900, 1, 1)),
        joined_on=date(1921, 6, 30),
        confirmed_on=date(1922, 7, 1),
    )
    assert "早于 1921 年 7 月建党" in errors_of(form)["joined_on"]


def test_rule_dates_are_not_in_the_future():
    form = make_form(
        BRANCH,
        joined_on=TODAY + timedelta(days=1),
        confirmed_on=None,
        registered_on=TODAY + timedelta(days=2),
    )
    errors = errors_of(form)
    assert "晚于今天" in errors["joined_on"] and "晚于今天" in errors["registered_on"]


def test_rule_probation_length_only_warns():
    short = validate_member(make_form(BRANCH, confirmed_on=date(2010, 12, 1)), TODAY)
    assert any("不足一年" in w.message for w in short.warnings)
    long = validate_member(make_form(BRANCH, confirmed_on=date(2013, 7, 1)), TODAY)
    assert any("超过两年" in w.message for w in long.warnings)
    missing = validate_member(make_form(BRANCH, confirmed_on=None), TODAY)
    assert [w.message for w in missing.warnings] == ["正式党员未填写转正日期"]
    stale = validate_member(
        make_form(BRANCH, category=MemberCategory.PROBATIONARY, confirmed_on=None), TODAY
    )
    assert any("预备期最长两年" in w.message for w in stale.warnings)


def test_rule_each_kind_has_what_it_needs():
    in_service = errors_of(make_form(None, kind=MemberKind.IN_SERVICE_REGISTERED))
    assert set(in_service) == {"origin_organization", "registered_on"}
    floating_in = errors_of(make_form(None, kind=MemberKind.FLOATING_IN))
    assert set(floating_in) == {"origin_organization", "registered_on"}
    floating_out = errors_of(make_form(None, kind=MemberKind.FLOATING_OUT))
    assert set(floating_out) == {"organization_id", "outflow_destination"}
    local = errors_of(make_form(None))
    assert set(local) == {"organization_id"}
    fine = make_form(
        None,
        kind=MemberKind.IN_SERVICE_REGISTERED,
        origin_organization="云南大学党委",
        registered_on=date(2024, 3, 1),
    )
    assert validate_member(fine, TODAY).organization_id is None


def test_every_bad_field_is_reported_at_once():
    form = make_form(
        BRANCH,
        name="",
        id_number="123",
        ethnicity_code="",
        education_code="77",
        joined_on=None,
        phone="12345",
        address="长" * 301,
    )
    assert set(errors_of(form)) == {
        "name", "id_number", "ethnicity_code", "education_code", "joined_on", "phone", "address",
    }  # fmt: skip


def test_code_lists_follow_the_national_tables():
    assert len([i for i in ETHNICITIES.items if int(i.code) <= 56]) == 56
    assert ETHNICITIES.label("01") == "汉族" and ETHNICITIES.label("56") == "基诺族"
    assert ETHNICITIES.lookup("汉") == "01" and ETHNICITIES.lookup("彝族") == "07"
    assert ETHNICITIES.label("97") == "其他"
    assert EDUCATIONS.lookup("大专") == "30" and EDUCATIONS.label("20") == "大学本科"
    assert GENDERS.lookup("女") == "2"


# --- dates as rosters write them -----------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (date(2001, 7, 1), date(2001, 7, 1)),
        (datetime(2001, 7, 1, 0, 0), date(2001, 7, 1)),
        (36708, date(2000, 7, 1)),  # an Excel serial day number
        ("2001.07.01", date(2001, 7, 1)),
        ("2001-7-1", date(2001, 7, 1)),
        ("2001/7/1", date(2001, 7, 1)),
        ("2001年7月1日", date(2001, 7, 1)),
        ("2001 年 7 月", date(2001, 7, 1)),
        ("200107", date(2001, 7, 1)),
        (200107, date(2001, 7, 1)),
        ("20010701", date(2001, 7, 1)),
        ("２００１．０７．０１", date(2001, 7, 1)),
        ("2001-07-01 00:00:00", date(2001, 7, 1)),
        (2001.1, date(2001, 10, 1)),  # a number cell dropped the 0 of 2001.10
        ("2001.1", date(2001, 1, 1)),  # text keeps what was typed
        (None, None),
        ("  ", None),
    ],
)
def test_parse_date_reads_every_roster_shape(cell, expected):
    assert parse_date(cell) == expected


@pytest.mark.parametrize(
    "cell", ["2001-02-30", "2001.13.01", "七月一日", "1850-01-01", "abc", True]
)
def test_parse_date_refuses_what_is_not_a_date(cell):
    with pytest.raises(ValueError):
        parse_date(cell)


# --- properties ----------------------------------------------------------------------------

areas = st.sampled_from(["110105", "530102", "412723", "460000", "810000", "999999", "110112"])
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@given(area=areas, birth=births, sequence=st.integers(0, 999))
def test_property_generated_valid_numbers_always_pass(area, birth, sequence):
    number = make_id(area, birth, sequence)
    facts, errors = check_id_number(number, TODAY)
    assert errors == []
    assert facts is not None and facts.birth_date == birth
    assert facts.gender_code == ("1" if sequence % 2 else "2")
    assert check_id_number(number.lower(), TODAY)[0] == facts


@given(
    area=areas,
    birth=births,
    sequence=st.integers(0, 999),
    position=st.integers(0, 17),
    replacement=st.sampled_from("0123456789X"),
)
def test_property_any_single_character_change_fails_the_checksum(
    area, birth, sequence, position, replacement
):
    number = make_id(area, birth, sequence)
    assume(number[position] != replacement)
    assume(position == 17 or replacement != "X")
    changed = number[:position] + replacement + number[position + 1 :]
    assert not has_valid_checksum(changed)
    _facts, errors = check_id_number(changed, TODAY)
    assert errors  # refused: checksum (and maybe also the date)


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_property_every_written_shape_of_a_date_parses_back(day):
    shapes = [
        day,
        f"{day:%Y.%m.%d}",
        f"{day.year}-{day.month}-{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day:%Y/%m/%d}",
        f"{day:%Y%m%d}",
        int(f"{day:%Y%m%d}"),
    ]
    for shape in shapes:
        assert parse_date(shape) == day, shape
    assert parse_date(f"{day:%Y%m}") == day.replace(day=1)
    assert parse_date(f"{day.year}年{day.month}月") == day.replace(day=1)
