"""Shared parsing (core/parsing.py): ID numbers, phones, names and roster dates, read the same
way by every module. The member rules built on it are tested in tests/unit/members."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from dangqun.core.parsing import (
    birth_date_of_id_number,
    check_id_number,
    check_name,
    has_valid_checksum,
    id_check_character,
    id_number_for,
    normalize_id_number,
    normalize_phone,
    parse_date,
)

TODAY = date(2026, 11, 22)


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_character_is_iso_7064_mod_11_2_as_stdnum_computes_it(first_seventeen):
    assert id_check_character(first_seventeen) == ric.calc_check_digit(first_seventeen + "0")


def test_known_number_has_its_published_check_character():
    assert id_check_character("11010519491231002") == "X"  # GB 11643-1999 appendix example
    assert has_valid_checksum("11010519491231002X")
    assert not has_valid_checksum("110105194912310021")


def test_birth_date_and_sex_come_from_the_number():
    man = id_number_for("530102", date(1972, 2, 29), 123)
    woman = id_number_for("530102", date(1990, 8, 8), 124)
    facts, errors = check_id_number(man, TODAY)
    assert errors == [] and facts is not None
    assert (facts.birth_date, facts.male, facts.gender_code, facts.area_code) == (
        date(1972, 2, 29), True, "1", "530102"
    )  # fmt: skip
    facts, _ = check_id_number(woman, TODAY)
    assert facts is not None and (facts.male, facts.gender_code) == (False, "2")
    with pytest.raises(ValueError):
        birth_date_of_id_number("530102197302290000")


def test_numbers_are_normalized_before_checking():
    assert normalize_id_number(" 110105 19491231 002x ") == "11010519491231002X"
    assert normalize_id_number("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"


def test_old_and_wrong_numbers_are_refused_with_the_reason():
    assert check_id_number("110105491231002", TODAY)[1][0].startswith("这是 15 位旧身份证号码")
    assert "校验位不正确" in check_id_number("110105194912310021", TODAY)[1][0]
    assert "晚于今天" in check_id_number(id_number_for("530102", date(2027, 1, 1), 1), TODAY)[1][0]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+86 138-1234-5678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("0871-6512 3456", "0871-65123456"),
        ("(010) 8765 4321 转 203", "010-87654321-203"),
        ("０８７１－６５１２３４５６", "0871-65123456"),
    ],
)
def test_mainland_mobiles_and_landlines_are_stored_one_way(typed, stored):
    assert normalize_phone(typed) == (stored, None, None)


def test_bad_phones_are_refused_and_a_missing_area_code_warns():
    assert normalize_phone("1381234567")[1] == "手机号码应为 11 位，现在是 10 位"
    assert normalize_phone("13812345678/13912345678")[1].startswith("只能填写一个电话号码")
    stored, error, warning = normalize_phone("65123456")
    assert (stored, error) == ("65123456", None) and warning is not None


def test_names_are_cleaned_and_checked():
    assert check_name("阿依古丽.买买提") == ("阿依古丽·买买提", [], [])
    assert check_name("王\u3000芳\u200b")[0] == "王芳"
    assert check_name("李2明")[1] == ["姓名中不能有“2”"]
    assert check_name("")[1] == ["请填写姓名"]


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2001.07.01", date(2001, 7, 1)),
        ("2001-7-1", date(2001, 7, 1)),
        ("2001年7月1日", date(2001, 7, 1)),
        ("2001/07", date(2001, 7, 1)),
        ("20010701", date(2001, 7, 1)),
        (37073, date(2001, 7, 1)),  # an Excel serial day number
        (2001.1, date(2001, 10, 1)),  # Excel dropped the trailing zero of 2001.10
        ("2001.1", date(2001, 1, 1)),
    ],
)
def test_roster_dates_in_every_common_format(cell, day):
    assert parse_date(cell) == day


def test_impossible_dates_are_refused_in_chinese():
    with pytest.raises(ValueError, match="不存在"):
        parse_date("2001.02.30")
    assert parse_date("  ") is None
