"""The precomputed search columns of a member, from the name, ID number and phone as stored.

Front desks search by name, pinyin initials (``zsf`` → 张三丰), full pinyin, phone and the
last digits of an ID number, in Simplified or Traditional characters (DOMAIN.md §1). SQLite
answers those quickly only from indexed columns that can be matched by prefix, so each member
carries:

* ``name_simplified`` – the name converted Traditional → Simplified *character by character*
  (OpenCC's tables via ``opencc-python-reimplemented``), so the conversion of a prefix is the
  prefix of the conversion and a half-typed name still matches;
* ``pinyin_initials`` / ``pinyin_full`` – from the simplified name with pypinyin, one syllable
  per character, and the surname read as a surname (单 shan, 曾 zeng, 解 xie …), which is how
  people say names; anything that is not a letter (the middle dot of minority names) is left out;
* ``id_number_reversed`` / ``phone_reversed`` – the digits backwards, so "ends with 1234" is a
  prefix search on an index.

These functions are pure and cached per character: the demo generator computes them for
100,000 people, and migration 0002 for an existing database. If they ever change, a new
migration recomputes the columns; ``dangqun check`` reports any row that differs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Surnames whose surname reading differs from the character's most common reading.
COMPOUND_SURNAME_READINGS = {
    "长孙": ("zhang", "sun"),
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"),
}
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou",
    "查": "zha", "盖": "ge", "缪": "miao", "覃": "qin", "翟": "zhai", "乐": "yue",
    "繁": "po", "种": "chong", "召": "shao", "折": "she", "员": "yun", "秘": "bi",
    "黑": "he", "华": "hua", "燕": "yan", "任": "ren", "宁": "ning", "纪": "ji",
    "句": "gou", "能": "nai", "阚": "kan", "沈": "shen", "柏": "bai", "薄": "bo",
    "隗": "wei", "洗": "xian", "莘": "shen", "逄": "pang", "过": "guo", "尉": "wei",
}  # fmt: skip

_NOT_LETTERS = re.compile(r"[^a-z]")
_NOT_DIGITS = re.compile(r"\D")


@dataclass(frozen=True)
class SearchKeys:
    name_simplified: str
    pinyin_initials: str
    pinyin_full: str
    id_number_reversed: str
    phone_reversed: str | None


@lru_cache(maxsize=2)
def _converter(config: str = "t2s") -> Any:
    import opencc  # opencc-python-reimplemented: pure Python, OpenCC's dictionaries

    return opencc.OpenCC(config)


@lru_cache(maxsize=20_000)
def _simplified_character(character: str) -> str:
    if ord(character) < 0x2E80:  # Latin, digits, punctuation: nothing to convert
        return character
    converted = str(_converter().convert(character))
    return converted if len(converted) == 1 else character


@lru_cache(maxsize=5_000)
def _traditional_character(character: str) -> str:
    if ord(character) < 0x2E80:
        return character
    converted = str(_converter("s2t").convert(character))
    return converted if len(converted) == 1 else character


def to_traditional(text: str) -> str:
    """Simplified → Traditional, one character at a time (demo data and tests)."""
    return "".join(_traditional_character(character) for character in text)


def to_simplified(text: str) -> str:
    """Traditional → Simplified, one character at a time (prefix-stable, see module doc)."""
    return "".join(_simplified_character(character) for character in text)


@lru_cache(maxsize=20_000)
def _syllable(character: str) -> str:
    if ord(character) < 0x2E80:
        return _NOT_LETTERS.sub("", character.lower())
    from pypinyin import Style, lazy_pinyin  # imported on first use: 0.3 s of dictionaries

    return _NOT_LETTERS.sub("", lazy_pinyin(character, style=Style.NORMAL)[0].lower())


def name_syllables(simplified_name: str) -> list[str]:
    """One pinyin syllable per character of a simplified name ('' for non-letters)."""
    characters = [character for character in simplified_name if not character.isspace()]
    syllables: list[str] = []
    head = "".join(characters[:2])
    if len(characters) > 2 and head in COMPOUND_SURNAME_READINGS:
        syllables.extend(COMPOUND_SURNAME_READINGS[head])
        characters = characters[2:]
    elif characters and characters[0] in SURNAME_READINGS:
        syllables.append(SURNAME_READINGS[characters[0]])
        characters = characters[1:]
    syllables.extend(_syllable(character) for character in characters)
    return syllables


_COMPOUND_SURNAME_HEADS = frozenset(compound[0] for compound in COMPOUND_SURNAME_READINGS)


def first_syllable(simplified_prefix: str) -> str | None:
    """The syllable every name starting with this one character begins with in ``pinyin_full``;
    None when it depends on what follows (长 of 长孙, 单 of 单于)."""
    if not simplified_prefix or simplified_prefix[0] in _COMPOUND_SURNAME_HEADS:
        return None
    return name_syllables(simplified_prefix[0])[0] or None


def pinyin_keys(name: str) -> tuple[str, str]:
    """(initials, full pinyin) of a name as stored, e.g. 張三豐 → ("zsf", "zhangsanfeng")."""
    syllables = [syllable for syllable in name_syllables(to_simplified(name)) if syllable]
    return "".join(syllable[0] for syllable in syllables), "".join(syllables)


def reversed_digits(text: str | None) -> str | None:
    """The digits of ``text`` backwards; a landline's extension is not part of it."""
    if not text:
        return None
    main = text.split("-")
    if len(main) == 3:  # 区号-号码-分机
        main = main[:2]
    digits = _NOT_DIGITS.sub("", "".join(main))
    return digits[::-1] or None


def compute_search_keys(name: str, id_number: str, phone: str | None) -> SearchKeys:
    initials, full = pinyin_keys(name)
    return SearchKeys(
        name_simplified=to_simplified(name),
        pinyin_initials=initials,
        pinyin_full=full,
        id_number_reversed=id_number[::-1],
        phone_reversed=reversed_digits(phone),
    )
