"""Masking of personal data by role (个人信息保护法; DOMAIN.md §1).

ID numbers, phones and addresses are shown in full only to an actor with
``Permission.SEE_PERSONAL_DATA`` (管理员); everyone else sees ``1101**********1234``,
``138****5678`` and the first part of an address. :func:`shown` (or :func:`shown_if` where
the decision was taken earlier) is the one function lists, details, exports and prints call,
so a screen and a printout can never disagree. Printed and exported full data is audited by
the caller.
"""

from __future__ import annotations

import enum

from dangqun.core.security import Actor, Permission

MASK = "*"
ADDRESS_KEPT_CHARACTERS = 6


class PersonalField(enum.Enum):
    ID_NUMBER = "id_number"
    PHONE = "phone"
    ADDRESS = "address"


def can_see_personal_data(actor: Actor) -> bool:
    return actor.can(Permission.SEE_PERSONAL_DATA)


def mask_id_number(value: str | None) -> str:
    """``1101**********1234``: the first four and last four characters stay."""
    text = (value or "").strip()
    if not text:
        return ""
    if len(text) <= 8:
        return text[:1] + MASK * (len(text) - 1)
    return text[:4] + MASK * (len(text) - 8) + text[-4:]


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


def id_number_tail(value: str | None) -> str:
    """The last four characters, which a verification code carries instead of the number."""
    return (value or "").strip()[-4:]


def is_masked_form_of(submitted: str | None, stored: str | None, field: PersonalField) -> bool:
    """True when a form sends back the masked value it was shown: the stored value stays.

    A staff member editing a record sees ``1101**********1234``; saving the form unchanged
    must not overwrite the real number with asterisks.
    """
    if not submitted or not stored or MASK not in submitted:
        return False
    return submitted.strip() == _MASKS[field](stored)
