"""The rules a member record keeps, checked before anything is written (DOMAIN.md §1).

Every check reports *all* bad fields at once as ``ValidationError([FieldError(field, 中文)])``,
``field`` being the :class:`MemberForm` attribute, so a form shows each message beside its
field and the importer beside its column. Things that are only doubtful (an area code missing
from the tables, a probation longer than two years) are :class:`FieldWarning`\\ s, returned
separately and never refusing a record.

公民身份号码 (GB 11643-1999): 6-digit area + YYYYMMDD + 3-digit sequence (odd = male) + the
ISO 7064 MOD 11-2 check character. Checksum and birth date are hard rules. The area code only
warns: it is where the person was registered when the number was issued, which python-stdnum's
``cn.ric.validate()`` does not always accept (its issue #442: abolished or later-created
counties), and a genuine card must never be refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from dangqun.core.errors import FieldError, ValidationError
from dangqun.members.codes import (
    EDUCATIONS,
    ETHNICITIES,
    GENDER_FEMALE,
    GENDER_MALE,
    GENDERS,
)
from dangqun.members.models import MemberCategory, MemberKind, MemberStatus

EARLIEST_BIRTH = date(1900, 1, 1)
PARTY_FOUNDED = date(1921, 7, 1)
"""No one joined the CPC before its founding congress; an earlier date is a typing error."""
ADULT_AGE = 18
"""党章 art. 1: 年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子."""

# GB/T 2260 province prefixes, plus 81/82/83 which residence permits for Hong Kong, Macao and
# Taiwan residents use (810000/820000/830000): genuine numbers that stdnum's table lacks.
_PROVINCES = frozenset(
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
        "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
        "63", "64", "65", "71", "81", "82", "83",
    }
)  # fmt: skip
_RESIDENCE_PERMIT_AREAS = frozenset({"810000", "820000", "830000"})
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARACTERS = "10X98765432"

TEXT_LIMITS = {
    "work_unit": 200,
    "household_registration": 200,
    "address": 300,
    "outflow_destination": 200,
    "origin_organization": 200,
    "activity_card_number": 32,
    "party_standing": 16,
    "notes": 2000,
}
FIELD_LABELS = {
    "name": "姓名",
    "gender_code": "性别",
    "ethnicity_code": "民族",
    "birth_date": "出生日期",
    "id_number": "公民身份号码",
    "education_code": "学历",
    "kind": "党员类型",
    "category": "人员类别",
    "status": "党籍状态",
    "organization_id": "所在党支部",
    "joined_on": "入党日期",
    "confirmed_on": "转正日期",
    "work_unit": "工作单位及职务",
    "phone": "联系电话",
    "household_registration": "户籍地",
    "address": "现居住地址",
    "party_standing": "党籍情况",
    "lost_contact_on": "失联日期",
    "outflow_destination": "外出流向",
    "registered_on": "报到日期",
    "origin_organization": "来源组织",
    "activity_card_number": "流动党员活动证号",
    "notes": "备注",
}


_Reporter = Callable[[str, str], None]


@dataclass(frozen=True)
class FieldWarning:
    """Something doubtful about a field that does not stop the record being saved."""

    field: str
    message: str


# ---------------------------------------------------------------------------------------------
# Text cleaning


# Format and control characters (zero-width space/joiners, BOM, soft hyphen, direction marks,
# tag characters); private-use characters are *kept*: rare name characters (生僻字) are often
# typed with private-use code points of a font's extension.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_SPACES = re.compile(r"\s+")  # Unicode-aware: NBSP, ideographic space, line breaks …
_MIDDLE_DOTS = "·•・‧∙･⋅᛫"


def clean_text(value: str | None) -> str:
    """Trimmed text without invisible characters; any run of spaces becomes one plain space.

    Zero-width spaces, BOMs, soft hyphens and direction marks come with text pasted from web
    pages and Word; NBSP and the ideographic space pad names in rosters. None of it is data.
    """
    if not value:
        return ""
    text = str(value)
    if text.isascii() and text.isprintable():
        return " ".join(text.split()) if "  " in text or text != text.strip() else text
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def optional_text(value: str | None) -> str | None:
    cleaned = clean_text(value)
    return cleaned or None


@lru_cache(maxsize=50_000)
def is_han_character(character: str) -> bool:
    if character == "〇":
        return True
    name = unicodedata.name(character, "")
    return name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def _fullwidth_to_ascii(text: str) -> str:
    return "".join(
        chr(ord(character) - 0xFEE0) if "\uff01" <= character <= "\uff5e" else character
        for character in text
    )


def normalize_name(value: str | None) -> str:
    """A name as it will be stored: cleaned, dots unified, padding between characters gone.

    Traditional characters are kept exactly as typed (search converts for matching only).
    """
    text = clean_text(_fullwidth_to_ascii(clean_text(value)))
    for dot in _MIDDLE_DOTS:
        text = text.replace(dot, "·")
    characters = list(text)
    for index, character in enumerate(characters):
        if (
            character == "."
            and 0 < index < len(characters) - 1
            and is_han_character(characters[index - 1])
            and is_han_character(characters[index + 1])
        ):
            characters[index] = "·"  # 阿依古丽.买买提 typed without a middle dot
    kept: list[str] = []
    for index, character in enumerate(characters):
        if character == " ":
            before = kept[-1] if kept else ""
            after = characters[index + 1] if index + 1 < len(characters) else ""
            if any(is_han_character(c) or c == "·" for c in (before, after) if c):
                continue  # 王　芳 padded to the width of three-character names
        kept.append(character)
    return "".join(kept).strip()


def check_name(value: str | None) -> tuple[str, list[str], list[str]]:
    """(normalized name, errors, warnings)."""
    name = normalize_name(value)
    if not name:
        return name, ["请填写姓名"], []
    errors: list[str] = []
    bad = sorted(
        {
            character
            for character in name
            if not (is_han_character(character) or character in "· " or character.isalpha())
            or character.isdigit()
        }
    )
    if bad:
        errors.append(f"姓名中不能有“{'”“'.join(bad)}”")
    if name.startswith("·") or name.endswith("·") or "··" in name:
        errors.append("姓名中的间隔号“·”只能在字与字之间，且不能连续")
    if len(name) > 64:
        errors.append(f"姓名太长（{len(name)} 个字，最多 64 个）")
    warnings = []
    if not errors and len(name) == 1:
        warnings.append("姓名只有一个字，请核对")
    return name, errors, warnings


# ---------------------------------------------------------------------------------------------
# 公民身份号码


@dataclass(frozen=True)
class IdNumberFacts:
    """What a valid number says: normalized number, birth date, gender code, area code."""

    number: str
    birth_date: date
    gender_code: str
    area_code: str
    warnings: tuple[str, ...] = ()


def normalize_id_number(value: str | None) -> str:
    """Full-width digits and x → ASCII, lower-case x → X, spaces and dashes removed."""
    text = _fullwidth_to_ascii(clean_text(value))
    return re.sub(r"[\s\-]", "", text).upper()


def id_check_character(first_seventeen: str) -> str:
    """GB 11643 / ISO 7064 MOD 11-2 check character of the first 17 digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_seventeen, _ID_WEIGHTS, strict=True)
    )
    return _ID_CHECK_CHARACTERS[total % 11]


def has_valid_checksum(number: str) -> bool:
    return (
        len(number) == 18
        and number[:17].isascii()
        and number[:17].isdigit()
        and number[17] == ric.calc_check_digit(number)
    )


def check_id_number(value: str | None, today: date) -> tuple[IdNumberFacts | None, list[str]]:
    """(facts, errors): errors are hard rules; facts carry the soft warnings."""
    number = normalize_id_number(value)
    if not number:
        return None, ["请填写公民身份号码"]
    if len(number) == 15 and number.isdigit():
        return None, ["这是 15 位旧身份证号码，已停止使用；请填写 18 位公民身份号码"]
    if len(number) != 18:
        return None, [f"公民身份号码应为 18 位，现在是 {len(number)} 位"]
    if not (number[:17].isascii() and number[:17].isdigit()) or number[17] not in "0123456789X":
        return None, ["公民身份号码前 17 位必须是数字，最后一位是数字或 X"]
    errors = []
    try:
        birth = ric.get_birth_date(number)
    except StdnumValidationError:
        return None, [f"公民身份号码中的出生日期“{number[6:14]}”不是有效日期"]
    if birth > today:
        errors.append(f"公民身份号码中的出生日期 {birth:%Y-%m-%d} 晚于今天")
    elif birth < EARLIEST_BIRTH:
        errors.append(f"公民身份号码中的出生日期 {birth:%Y-%m-%d} 早于 1900 年，不是有效日期")
    if number[17] != ric.calc_check_digit(number):
        errors.append("公民身份号码校验位不正确，请逐位核对是否录入有误")
    if errors:
        return None, errors
    warnings: list[str] = []
    area = number[:6]
    if area in _RESIDENCE_PERMIT_AREAS:
        pass  # 港澳台居民居住证: genuine, not in the GB/T 2260 tables
    elif area[:2] not in _PROVINCES:
        warnings.append(f"公民身份号码的地区代码“{area}”不是已知的省级代码，请核对")
    elif not _area_known(number):
        warnings.append(
            f"公民身份号码的地区代码“{area}”不在行政区划代码表中，号码校验正确，已接受；请核对"
        )
    gender = GENDER_MALE if int(number[16]) % 2 == 1 else GENDER_FEMALE
    return IdNumberFacts(number, birth, gender, area, tuple(warnings)), []


def _area_known(number: str) -> bool:
    return _county_code_known(number[:6])


@lru_cache(maxsize=4096)
def _county_code_known(area: str) -> bool:
    """Whether GB/T 2260 ever had this county code, in *any* year.

    ``ric.get_birth_place`` also requires the county to exist in the birth year, which refuses
    everyone born before their county was created (呈贡区 530114 dates from 2011) or registered
    under a code abolished later (412723 商水县, stdnum issue #442): the number records where
    the card was issued, not where the person was born.
    """
    from stdnum import numdb

    try:
        found = numdb.get("cn/loc").info(area)
    except (KeyError, ValueError, OSError):
        return True  # no table to judge by: say nothing rather than warn wrongly
    return any("county" in properties for _part, properties in found)


def derive_from_id_number(value: str | None, today: date) -> IdNumberFacts:
    """Birth date and gender for a form to fill in as the number is typed."""
    facts, errors = check_id_number(value, today)
    if facts is None:
        raise ValidationError([FieldError("id_number", error) for error in errors])
    return facts


# ---------------------------------------------------------------------------------------------
# Phones


_PHONE_LIST_SEPARATORS = re.compile(r"[/、,，;；]")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
_PHONE_SEPARATORS = re.compile(r"[\s\-—–‐‑−・·.()_~]+")
_PHONE_FORMAT_HELP = "手机为 11 位（1 开头），固定电话写作 区号-号码，如 0871-12345678"


def normalize_phone(value: str | None) -> tuple[str | None, str | None, str | None]:
    """(phone as stored, error, warning). Mobile ``13812345678``; landline ``0871-1234567[-分机]``."""
    text = clean_text(value)
    if not text:
        return None, None, None
    text = unicodedata.normalize("NFKC", text).strip()
    if len([part for part in _PHONE_LIST_SEPARATORS.split(text) if part.strip()]) > 1:
        return None, "只能填写一个电话号码（多余的号码可写在备注里）", None
    extension = None
    match = _EXTENSION.search(text)
    if match:
        extension = match.group(1)
        text = text[: match.start()]
    text = text.strip()
    text = re.sub(r"^(\+\s*86|0086)", "", text).strip()
    tokens = [token for token in _PHONE_SEPARATORS.split(text) if token]
    if not tokens or not all(token.isdigit() for token in tokens):
        return (
            None,
            f"电话号码“{clean_text(value)}”中有不是数字的字符（{_PHONE_FORMAT_HELP}）",
            None,
        )
    digits = "".join(tokens)
    if len(digits) == 13 and digits.startswith("861"):
        digits = digits[2:]
    if digits.startswith("1"):
        if extension is not None or len(digits) != 11:
            return None, f"手机号码应为 11 位，现在是 {len(digits)} 位", None
        if digits[1] not in "3456789":
            return None, "手机号码的第二位应为 3–9", None
        return digits, None, None
    if digits.startswith("0"):
        if len(tokens) >= 3 and extension is None and 7 <= len(tokens[1]) <= 8:
            extension = tokens[-1]  # 区号-号码-分机
            digits = "".join(tokens[:-1])
        area_length = 3 if digits[1:2] in ("1", "2") else 4
        if len(tokens) >= 2 and tokens[0].startswith("0") and len(tokens[0]) in (3, 4):
            area_length = len(tokens[0])
        area, local = digits[:area_length], digits[area_length:]
        if not 7 <= len(local) <= 8 or local[0] == "0":
            return None, f"固定电话号码不对（{_PHONE_FORMAT_HELP}）", None
        if extension is not None and not 1 <= len(extension) <= 6:
            return None, "分机号应为 1–6 位数字", None
        stored = f"{area}-{local}" + (f"-{extension}" if extension else "")
        return stored, None, None
    if 7 <= len(digits) <= 8 and extension is None:
        return digits, None, "固定电话没有区号，请核对（例如 0871-12345678）"
    return None, f"电话号码格式不对（{_PHONE_FORMAT_HELP}）", None


# ---------------------------------------------------------------------------------------------
# Dates as rosters write them


_DATE_SEPARATED = re.compile(
    r"^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*(?:[.\-/月]\s*(?:(\d{1,2})\s*日?)?)?$"
)
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")
_EXCEL_EPOCH = date(1899, 12, 30)
DATE_FORMAT_HELP = "可写作 2001-07-01、2001.07.01、2001年7月1日 或 200107"


def parse_date(value: object) -> date | None:
    """A date from a roster cell: Excel dates and serials, ``2001.07.01``, ``2001-7-1``,
    ``2001年7月1日``, ``20010701``, ``200107`` (a month alone means its first day).

    A number like ``2001.1`` in a numeric cell means October (Excel dropped the trailing zero of
    ``2001.10``), while the *text* ``2001.1`` means January. Raises ``ValueError`` with a Chinese
    reason; returns None for an empty cell.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"无法识别的日期“{value}”（{DATE_FORMAT_HELP}）")
    if isinstance(value, int):
        return _date_from_number_text(str(value), value)
    if isinstance(value, float):
        if value.is_integer():
            return _date_from_number_text(str(int(value)), int(value))
        if 1900 < value < 2100:
            year = int(value)
            month = round((value - year) * 100)
            return _make_date(year, month, 1, f"{value}")
        raise ValueError(f"无法识别的日期“{value}”（{DATE_FORMAT_HELP}）")
    text = unicodedata.normalize("NFKC", clean_text(str(value)))
    if not text:
        return None
    text = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", text).strip()
    match = _DATE_SEPARATED.match(text)
    if match:
        year_text, month_text, day_text = match.groups()
        return _make_date(int(year_text), int(month_text), int(day_text or 1), text)
    if text.isdigit():
        return _date_from_number_text(text, None)
    raise ValueError(f"无法识别的日期“{text}”（{DATE_FORMAT_HELP}）")


def is_month_only(value: object) -> bool:
    """True for a cell naming a month without a day (``1985.06``, ``198506``, ``1985年6月``):
    rosters' 出生年月 and 入党年月 columns are often kept that way."""
    if isinstance(value, bool | date):
        return False
    if isinstance(value, float) and not value.is_integer():
        return True
    text = unicodedata.normalize("NFKC", clean_text(str(value))) if value is not None else ""
    if isinstance(value, int | float):
        text = str(int(value))
    match = _DATE_SEPARATED.match(text)
    if match:
        return match.group(3) is None
    compact = _DATE_COMPACT.match(text)
    return bool(compact and compact.group(3) is None)


def _date_from_number_text(text: str, serial: int | None) -> date:
    match = _DATE_COMPACT.match(text)
    if match:
        year, month, day = match.groups()
        return _make_date(int(year), int(month), int(day) if day else 1, text)
    if serial is not None and 1 <= serial <= 73_050:  # an Excel serial day number (to 2099)
        return _EXCEL_EPOCH + timedelta(days=serial)
    raise ValueError(f"无法识别的日期“{text}”（{DATE_FORMAT_HELP}）")


def _make_date(year: int, month: int, day: int, text: str) -> date:
    if not 1900 <= year <= 2100:
        raise ValueError(f"日期“{text}”的年份 {year} 不合理")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"日期“{text}”不存在（{year} 年 {month} 月 {day} 日）") from None


# ---------------------------------------------------------------------------------------------
# The whole record


@dataclass(frozen=True)
class MemberForm:
    """What a user (or a roster row) gives for one member; text exactly as typed.

    ``gender_code`` and ``birth_date`` may be left None: they are taken from the ID number.
    Given, they must agree with it.
    """

    name: str
    id_number: str
    ethnicity_code: str | None = None
    gender_code: str | None = None
    birth_date: date | None = None
    education_code: str | None = None
    kind: MemberKind = MemberKind.LOCAL
    category: MemberCategory = MemberCategory.FULL
    status: MemberStatus = MemberStatus.ACTIVE
    organization_id: int | None = None
    joined_on: date | None = None
    confirmed_on: date | None = None
    work_unit: str | None = None
    phone: str | None = None
    household_registration: str | None = None
    address: str | None = None
    party_standing: str | None = "正常"
    lost_contact_on: date | None = None
    outflow_destination: str | None = None
    registered_on: date | None = None
    origin_organization: str | None = None
    activity_card_number: str | None = None
    notes: str | None = None

    def with_changes(self, **changes: object) -> MemberForm:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CleanMember:
    """A validated record, normalized and ready to store."""

    name: str
    id_number: str
    gender_code: str
    birth_date: date
    ethnicity_code: str
    education_code: str | None
    kind: MemberKind
    category: MemberCategory
    status: MemberStatus
    organization_id: int | None
    joined_on: date
    confirmed_on: date | None
    work_unit: str | None
    phone: str | None
    household_registration: str | None
    address: str | None
    party_standing: str
    lost_contact_on: date | None
    outflow_destination: str | None
    registered_on: date | None
    origin_organization: str | None
    activity_card_number: str | None
    notes: str | None
    warnings: tuple[FieldWarning, ...] = field(default=(), compare=False)

    def column_values(self) -> dict[str, object]:
        """The stored columns, enums as their codes."""
        return {
            "name": self.name,
            "id_number": self.id_number,
            "gender_code": self.gender_code,
            "birth_date": self.birth_date,
            "ethnicity_code": self.ethnicity_code,
            "education_code": self.education_code,
            "kind": self.kind.value,
            "category": self.category.value,
            "status": self.status.value,
            "organization_id": self.organization_id,
            "joined_on": self.joined_on,
            "joined_month_day": f"{self.joined_on:%m-%d}",
            "confirmed_on": self.confirmed_on,
            "work_unit": self.work_unit,
            "phone": self.phone,
            "household_registration": self.household_registration,
            "address": self.address,
            "party_standing": self.party_standing,
            "lost_contact_on": self.lost_contact_on,
            "outflow_destination": self.outflow_destination,
            "registered_on": self.registered_on,
            "origin_organization": self.origin_organization,
            "activity_card_number": self.activity_card_number,
            "notes": self.notes,
        }


def adulthood(birth: date) -> date:
    """The 18th birthday; someone born on 29 February comes of age on 1 March."""
    try:
        return birth.replace(year=birth.year + ADULT_AGE)
    except ValueError:
        return date(birth.year + ADULT_AGE, 3, 1)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def validate_member(form: MemberForm, today: date) -> CleanMember:
    """Check every rule of DOMAIN.md §1 at once; raise ``ValidationError`` naming each field."""
    errors: list[FieldError] = []
    warnings: list[FieldWarning] = []

    def error(field_name: str, message: str) -> None:
        errors.append(FieldError(field_name, message))

    def warn(field_name: str, message: str) -> None:
        warnings.append(FieldWarning(field_name, message))

    name, name_errors, name_warnings = check_name(form.name)
    for message in name_errors:
        error("name", message)
    for message in name_warnings:
        warn("name", message)

    facts, id_errors = check_id_number(form.id_number, today)
    for message in id_errors:
        error("id_number", message)
    birth = form.birth_date
    gender = form.gender_code
    if facts is not None:
        for message in facts.warnings:
            warn("id_number", message)
        if birth is not None and birth != facts.birth_date:
            error(
                "birth_date",
                f"出生日期 {birth:%Y-%m-%d} 与公民身份号码不符（号码中为 "
                f"{facts.birth_date:%Y-%m-%d}）",
            )
        birth = facts.birth_date
        if gender is not None and gender in GENDERS and gender != facts.gender_code:
            error(
                "gender_code",
                f"性别“{GENDERS.label(gender)}”与公民身份号码不符（号码第 17 位表示"
                f"{GENDERS.label(facts.gender_code)}）",
            )
        gender = facts.gender_code
    if gender is not None and gender not in GENDERS:
        error("gender_code", f"性别代码“{gender}”不在 GB/T 2261.1 表中（1 男，2 女）")

    ethnicity = clean_text(form.ethnicity_code)
    if not ethnicity:
        error("ethnicity_code", "请选择民族")
    elif ethnicity not in ETHNICITIES:
        error("ethnicity_code", f"民族代码“{ethnicity}”不在 GB/T 3304 民族表中")
    education = optional_text(form.education_code)
    if education is not None and education not in EDUCATIONS:
        error("education_code", f"学历代码“{education}”不在 GB/T 4658 学历表中")

    joined, confirmed = form.joined_on, form.confirmed_on
    _check_membership_dates(form, birth, joined, confirmed, today, error, warn)

    phone, phone_error, phone_warning = normalize_phone(form.phone)
    if phone_error:
        error("phone", phone_error)
    if phone_warning:
        warn("phone", phone_warning)

    texts: dict[str, str | None] = {}
    for field_name, limit in TEXT_LIMITS.items():
        value = optional_text(getattr(form, field_name))
        if value is not None and len(value) > limit:
            error(
                field_name, f"{FIELD_LABELS[field_name]}太长（{len(value)} 个字，最多 {limit} 个）"
            )
        texts[field_name] = value

    for field_name in ("registered_on", "lost_contact_on"):
        day = getattr(form, field_name)
        if day is not None and day > today:
            error(field_name, f"{FIELD_LABELS[field_name]} {day:%Y-%m-%d} 晚于今天")
    _check_kind_requirements(form, texts, error)

    if errors:
        raise ValidationError(errors)
    assert facts is not None and birth is not None and gender is not None and joined is not None
    return CleanMember(
        name=name,
        id_number=facts.number,
        gender_code=gender,
        birth_date=birth,
        ethnicity_code=ethnicity,
        education_code=education,
        kind=form.kind,
        category=form.category,
        status=form.status,
        organization_id=form.organization_id,
        joined_on=joined,
        confirmed_on=confirmed,
        work_unit=texts["work_unit"],
        phone=phone,
        household_registration=texts["household_registration"],
        address=texts["address"],
        party_standing=texts["party_standing"] or "正常",
        lost_contact_on=form.lost_contact_on,
        outflow_destination=texts["outflow_destination"],
        registered_on=form.registered_on,
        origin_organization=texts["origin_organization"],
        activity_card_number=texts["activity_card_number"],
        notes=texts["notes"],
        warnings=tuple(warnings),
    )


def _check_membership_dates(
    form: MemberForm,
    birth: date | None,
    joined: date | None,
    confirmed: date | None,
    today: date,
    error: _Reporter,
    warn: _Reporter,
) -> None:
    """入党 at 18 or older; 转正 after 入党; 预备党员 have no 转正日期 (党章 art. 1, 7)."""
    if joined is None:
        error("joined_on", "请填写入党日期（加入党组织日期）")
    elif joined > today:
        error("joined_on", f"入党日期 {joined:%Y-%m-%d} 晚于今天")
    elif joined < PARTY_FOUNDED:
        error("joined_on", f"入党日期 {joined:%Y-%m-%d} 早于 1921 年 7 月建党")
    elif birth is not None and joined < adulthood(birth):
        error(
            "joined_on",
            f"入党时未满 18 周岁（出生日期 {birth:%Y-%m-%d}，入党日期 {joined:%Y-%m-%d}）",
        )
    if form.category is MemberCategory.PROBATIONARY:
        if confirmed is not None:
            error("confirmed_on", "预备党员没有转正日期；已转正的请把人员类别改为正式党员")
        elif joined is not None and joined <= today and _add_years(joined, 2) < today:
            warn("category", "入党已超过两年仍是预备党员（预备期最长两年），请核对是否已转正")
        return
    if confirmed is None:
        if joined is not None and _add_years(joined, 1) > today:
            warn("confirmed_on", "入党不满一年即为正式党员，请核对人员类别和转正日期")
        else:
            warn("confirmed_on", "正式党员未填写转正日期")
        return
    if confirmed > today:
        error("confirmed_on", f"转正日期 {confirmed:%Y-%m-%d} 晚于今天")
    elif joined is not None and confirmed <= joined:
        error(
            "confirmed_on",
            f"转正日期 {confirmed:%Y-%m-%d} 应晚于入党日期 {joined:%Y-%m-%d}",
        )
    elif joined is not None and confirmed < _add_years(joined, 1) - timedelta(days=31):
        warn("confirmed_on", "转正日期距入党日期不足一年（预备期为一年），请核对")
    elif joined is not None and confirmed > _add_years(joined, 2) + timedelta(days=92):
        warn("confirmed_on", "转正日期距入党日期超过两年（预备期最长两年），请核对")


def _check_kind_requirements(
    form: MemberForm, texts: dict[str, str | None], error: _Reporter
) -> None:
    """What each kind of member must have (DOMAIN.md §1: 双报到, 流入, 流出)."""
    kind = form.kind
    if (
        kind in (MemberKind.LOCAL, MemberKind.RETIRED, MemberKind.FLOATING_OUT)
        and form.organization_id is None
    ):
        error("organization_id", "请选择所在党支部（组织关系在本社区的党员必须属于一个支部）")
    if kind is MemberKind.IN_SERVICE_REGISTERED:
        if texts["origin_organization"] is None:
            error("origin_organization", "在职党员请填写组织关系所在单位党组织")
        if form.registered_on is None:
            error("registered_on", "在职党员请填写到社区报到的日期")
    elif kind is MemberKind.FLOATING_IN:
        if texts["origin_organization"] is None:
            error("origin_organization", "流入党员请填写流出地党组织（组织关系所在党组织）")
        if form.registered_on is None:
            error("registered_on", "流入党员请填写来社区登记的日期")
    elif kind is MemberKind.FLOATING_OUT and texts["outflow_destination"] is None:
        error("outflow_destination", "流出党员请填写外出流向")
