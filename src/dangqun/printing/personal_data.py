"""Masking of personal data on paper (个人信息保护法; DOMAIN.md §1).

Printouts are masked by default, like screens: a roster left on the front desk must not leak
ID numbers. Only a caller whose role may see personal data prints them in full, and that
print is audited by the caller.
"""

from __future__ import annotations

MASK = "*"


def mask_id_number(value: str | None) -> str:
    """``1101**********1234``: the first four and last four characters stay (DOMAIN.md §1)."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) <= 8:
        return text[:1] + MASK * (len(text) - 1)
    return text[:4] + MASK * (len(text) - 8) + text[-4:]


def id_number_tail(value: str | None) -> str:
    """The last four characters, which the verification code carries instead of the number."""
    return (value or "").strip()[-4:]


def mask_phone(value: str | None) -> str:
    """``138****5678`` for mobiles; other numbers keep only their last four digits."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) == 11 and text.isdigit():
        return text[:3] + MASK * 4 + text[-4:]
    if len(text) <= 4:
        return MASK * len(text)
    return MASK * (len(text) - 4) + text[-4:]


def mask_address(value: str | None, kept_characters: int = 6) -> str:
    """The district and street part stays, the building and room do not."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) <= kept_characters:
        return text[:2] + MASK * max(len(text) - 2, 0)
    return text[:kept_characters] + MASK * 3


def shown_id_number(value: str | None, full: bool) -> str:
    return (value or "").strip() if full else mask_id_number(value)


def shown_phone(value: str | None, full: bool) -> str:
    return (value or "").strip() if full else mask_phone(value)


def shown_address(value: str | None, full: bool) -> str:
    return (value or "").strip() if full else mask_address(value)
