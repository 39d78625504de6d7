"""How people, ID numbers, phones and dates are written in rosters, read the same way by every
module (members now; time bank volunteers, base bookings and minutes' attendees later).

Everything here is a pure function of the text: it cleans, checks and reports problems as
Chinese messages, and knows no form, field or table — a feature's validation decides which
field a message belongs to and which problems refuse a record.

公民身份号码 (GB 11643-1999): 6-digit area + YYYYMMDD + 3-digit sequence (odd = male) + the
ISO 7064 MOD 11-2 check character. Checksum and birth date are hard rules. The area code only
warns: it is where the person was registered when the number was issued, which python-stdnum's
``cn.ric.validate()`` does not always accept (its issue #442: abolished or later-created
counties), and a genuine card must never be refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

EARLIEST_BIRTH = date(1900, 1, 1)

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
GENDER_CODE_MALE = "1"
GENDER_CODE_FEMALE = "2"
"""GB/T 2261.1 sex codes, as rosters and the district store them."""


# ---------------------------------------------------------------------------------------------
# Text and names


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


def fullwidth_to_ascii(text: str) -> str:
    return "".join(
        chr(ord(character) - 0xFEE0) if "\uff01" <= character <= "\uff5e" else character
        for character in text
    )


def normalize_name(value: str | None) -> str:
    """A name as it will be stored: cleaned, dots unified, padding between characters gone.

    Traditional characters are kept exactly as typed (search converts for matching only).
    """
    text = clean_text(fullwidth_to_ascii(clean_text(value)))
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
    """What a valid number says: normalized number, birth date, sex, area code."""

    number: str
    birth_date: date
    male: bool
    area_code: str
    warnings: tuple[str, ...] = ()

    @property
    def gender_code(self) -> str:
        """The GB/T 2261.1 code of the sex the number records (17th digit odd = male)."""
        return GENDER_CODE_MALE if self.male else GENDER_CODE_FEMALE


def normalize_id_number(value: str | None) -> str:
    """Full-width digits and x → ASCII, lower-case x → X, spaces and dashes removed."""
    text = fullwidth_to_ascii(clean_text(value))
    return re.sub(r"[\s\-]", "", text).upper()


def id_check_character(first_seventeen: str) -> str:
    """GB 11643 / ISO 7064 MOD 11-2 check character of the first 17 digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_seventeen, _ID_WEIGHTS, strict=True)
    )
    return _ID_CHECK_CHARACTERS[total % 11]


def id_number_for(area: str, birth: date, sequence: int) -> str:
    """The valid 18-character number of ``area`` + ``birth`` + 3-digit ``sequence`` (odd = male):
    what demo data, screenshots and tests write instead of a real person's number."""
    first = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return first + id_check_character(first)


def has_valid_checksum(number: str) -> bool:
    return (
        len(number) == 18
        and number[:17].isascii()
        and number[:17].isdigit()
        and number[17] == id_check_character(number[:17])
    )


def birth_date_of_id_number(number: str) -> date:
    """The birth date in positions 7–14; ``ValueError`` when it is no calendar date."""
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


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
        birth = birth_date_of_id_number(number)
    except ValueError:
        return None, [f"公民身份号码中的出生日期“{number[6:14]}”不是有效日期"]
    if birth > today:
        errors.append(f"公民身份号码中的出生日期 {birth:%Y-%m-%d} 晚于今天")
    elif birth < EARLIEST_BIRTH:
        errors.append(f"公民身份号码中的出生日期 {birth:%Y-%m-%d} 早于 1900 年，不是有效日期")
    if not has_valid_checksum(number):
        errors.append("公民身份号码校验位不正确，请逐位核对是否录入有误")
    if errors:
        return None, errors
    warnings: list[str] = []
    area = number[:6]
    if area in _RESIDENCE_PERMIT_AREAS:
        pass  # 港澳台居民居住证: genuine, not in the GB/T 2260 tables
    elif area[:2] not in _PROVINCES:
        warnings.append(f"公民身份号码的地区代码“{area}”不是已知的省级代码，请核对")
    elif not _county_code_known(area):
        warnings.append(
            f"公民身份号码的地区代码“{area}”不在行政区划代码表中，号码校验正确，已接受；请核对"
        )
    return IdNumberFacts(number, birth, int(number[16]) % 2 == 1, area, tuple(warnings)), []


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
