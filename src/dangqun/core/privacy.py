"""Masking of personal data by role (个人信息保护法; DOMAIN.md §1; issue 10).

ID numbers, phones, addresses and the day of birth are shown in full only to an actor with
``Permission.SEE_PERSONAL_DATA`` (管理员); everyone else sees ``5301**************``,
``*******5678``, the first part of an address and the birth year-month. :func:`shown` (or
:func:`shown_if` where the decision was taken earlier) is the one function lists, details,
exports and prints call, so a screen and a printout can never disagree. Printed and exported
full data is audited by the caller.

What a role may not see must not be derivable from what it sees (issue 10). An attacker is
assumed to know the center's region (the first six digits of most members' numbers), the birth
year-month and sex shown beside the number, and an age — which, watched over a year, gives the
exact day of birth (so does a 入党日期 just after the 18th birthday). What is left of a
公民身份号码 (GB 11643: area 6 + birth date 8 + sequence 3 + check 1) is then the sequence
number, whose last digit only the sex narrows: 500 numbers. Every character of the sequence or
the check character a mask shows divides that by ten or by eleven: the former mask's last four
left one number per day of the month, about three candidates after the check character; even
the check character alone leaves ~45. So the mask keeps only the first four characters (the
city, which the region gives away anyway) and hides the whole birth date, sequence and check
character: ≥ 500 candidates for every row, each to be confirmed by an audited search with the
full number (``tests/unit/test_masking_not_derivable.py`` counts them with the real check rule).

A mobile keeps only its last four digits (the "尾号" people quote): its first seven are the
carrier prefix and the HLR block, and a city's blocks are public (号码归属地 tables), so
``138****5678`` leaves only the few dozen blocks of the center's city for that prefix, while
``*******5678`` leaves every prefix's blocks — thousands. A landline keeps its last four digits
of a 7- or 8-digit local number whose first digit is never 0: ≥ 900 candidates.
"""

from __future__ import annotations

import enum
import re
from datetime import date

from dangqun.core.security import Actor, Permission

MASK = "*"
ADDRESS_KEPT_CHARACTERS = 6
ID_NUMBER_KEPT_CHARACTERS = 4
PHONE_KEPT_DIGITS = 4


class PersonalField(enum.Enum):
    ID_NUMBER = "id_number"
    PHONE = "phone"
    ADDRESS = "address"


def can_see_personal_data(actor: Actor) -> bool:
    return actor.can(Permission.SEE_PERSONAL_DATA)


def mask_id_number(value: str | None) -> str:
    """``5301**************``: only the first four characters (the city) stay; the birth date,
    sequence number and check character are hidden (module docstring)."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) <= ID_NUMBER_KEPT_CHARACTERS * 2:
        return text[:1] + MASK * (len(text) - 1)
    return text[:ID_NUMBER_KEPT_CHARACTERS] + MASK * (len(text) - ID_NUMBER_KEPT_CHARACTERS)


def mask_phone(value: str | None) -> str:
    """``*******5678``: every number keeps only its last four digits (module docstring)."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) <= PHONE_KEPT_DIGITS:
        return MASK * len(text)
    return MASK * (len(text) - PHONE_KEPT_DIGITS) + text[-PHONE_KEPT_DIGITS:]


def mask_address(value: str | None, kept_characters: int = ADDRESS_KEPT_CHARACTERS) -> str:
    """The district and street part stays, the building and room do not."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) <= kept_characters:
        return text[:2] + MASK * max(len(text) - 2, 0)
    return text[:kept_characters] + MASK * 4


_MASKS = {
    PersonalField.ID_NUMBER: mask_id_number,
    PersonalField.PHONE: mask_phone,
    PersonalField.ADDRESS: mask_address,
}


def shown(actor: Actor, personal_field: PersonalField, value: str | None) -> str:
    """The value as ``actor`` may see it: in full, or masked."""
    return shown_if(personal_field, value, can_see_personal_data(actor))


def shown_if(personal_field: PersonalField, value: str | None, full: bool) -> str:
    """The value in full when ``full`` (already decided from the role), else masked."""
    return (value or "").strip() if full else _MASKS[personal_field](value)


_LONG_NUMBER = re.compile(r"\d{7,17}[\dXx]?")


def masked_numbers(text: str) -> str:
    """Free text (a search typed by the user) as the audit log keeps it: every number long
    enough to be a phone or an ID number masked, so the log of who searched for what does not
    become a list of the numbers searched for."""

    def mask(match: re.Match[str]) -> str:
        number = match.group()
        return mask_id_number(number) if len(number) == 18 else mask_phone(number)

    return _LONG_NUMBER.sub(mask, text)


def shown_birth_date(value: date | None, full: bool) -> str:
    """``1985-03-12`` in full, else ``1985-03``: a full birth date beside a masked ID number
    leaves only a handful of candidates (issue 10), so a role without personal-data
    permission sees the year and month only, on every screen, export and printout."""
    if value is None:
        return ""
    return value.isoformat() if full else f"{value.year:04d}-{value.month:02d}"


def id_number_tail(value: str | None) -> str:
    """The last four characters, which a verification code carries instead of the number."""
    return (value or "").strip()[-4:]


def is_masked_form_of(submitted: str | None, stored: str | None, field: PersonalField) -> bool:
    """True when a form sends back the masked value it was shown: the stored value stays.

    A staff member editing a record sees ``5301**************``; saving the form unchanged
    must not overwrite the real number with asterisks.
    """
    if not submitted or not stored or MASK not in submitted:
        return False
    return submitted.strip() == _MASKS[field](stored)
