"""What a role without personal-data permission sees does not give away what it may not see.

Issue 10: a 工作人员 saw the full 出生日期 beside ``5301**********5495``; with the center's region
the check character left ~9 numbers, and the search box confirmed the right one. These tests
count, with the real GB 11643 check rule of :mod:`dangqun.core.parsing`, every full number
consistent with everything such a role sees of a row — the masked number, the birth
year-month, the sex, an age on any day, the region of the center (assumed to be the first six
digits) — and require at least 100; then again with the exact birth day known (what an age
watched over a year, or a 入党日期 just after the 18th birthday, could give away). Phones alike:
every hidden digit combination the real phone rules accept and the mask shows the same way.
"""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dangqun.core.parsing import (
    birth_date_of_id_number,
    has_valid_checksum,
    id_number_for,
    normalize_phone,
)
from dangqun.core.privacy import mask_id_number, mask_phone, shown_birth_date
from dangqun.members.validation import adulthood

MINIMUM_CANDIDATES = 100
AREAS = ("530102", "110101", "440305", "650104", "810000", "210211")
"""Counties (and a 港澳台 residence-permit area) of centers."""


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def id_candidates(number: str, today: date, day_known: bool = False) -> int:
    """The 18-character numbers a masked role cannot tell from ``number``."""
    area, birth, male = number[:6], birth_date_of_id_number(number), int(number[16]) % 2
    seen = (mask_id_number(number), shown_birth_date(birth, False), male, _age(birth, today))
    days = (
        [birth.day] if day_known else range(1, calendar.monthrange(birth.year, birth.month)[1] + 1)
    )
    count = 0
    for day in days:
        born = date(birth.year, birth.month, day)
        for sequence in range(male, 1000, 2):  # the sex is the parity of the sequence number
            candidate = id_number_for(area, born, sequence)
            assert has_valid_checksum(candidate)
            if (
                mask_id_number(candidate),
                shown_birth_date(born, False),
                sequence % 2,
                _age(born, today),
            ) == seen:
                count += 1
    return count


births = st.dates(min_value=date(1930, 1, 1), max_value=date(2007, 12, 31))


@settings(max_examples=8, deadline=None)
@given(
    area=st.sampled_from(AREAS),
    birth=births,
    sequence=st.integers(0, 999),
    days_after_coming_of_age=st.integers(0, 365 * 40),
)
def test_rule_a_masked_id_number_leaves_at_least_100_candidates(
    area: str, birth: date, sequence: int, days_after_coming_of_age: int
) -> None:
    number = id_number_for(area, birth, sequence)
    today = date.fromordinal(adulthood(birth).toordinal() + days_after_coming_of_age)
    assert id_candidates(number, today) >= MINIMUM_CANDIDATES
    assert id_candidates(number, today, day_known=True) >= MINIMUM_CANDIDATES


def test_the_worst_rows_counted_exhaustively() -> None:
    """The rows with the fewest candidates: February of a common year, and an age read on the
    first of the birth month (which pins a birthday on the 1st). Figures for the issue note:
    28 days × 500 sequence numbers with the year-month; 500 with the exact day."""
    february = id_number_for("530102", date(1985, 2, 1), 549)
    assert id_candidates(february, date(2026, 1, 15)) == 28 * 500
    assert id_candidates(february, date(2026, 2, 1)) == 500  # age says: born on the 1st
    assert id_candidates(february, date(2026, 2, 1), day_known=True) == 500


mobile_prefixes = st.sampled_from(
    ("130", "133", "135", "138", "139", "150", "166", "177", "187", "191", "199")
)
landline_areas = st.sampled_from(("010", "021", "0871", "0991", "0755"))


@st.composite
def phones(draw: st.DrawFn) -> str:
    """A phone as stored (``normalize_phone``): mobile, landline with or without area code and
    extension."""
    kind = draw(st.sampled_from(("mobile", "landline", "local", "extension")))
    if kind == "mobile":
        raw = draw(mobile_prefixes) + draw(st.text("0123456789", min_size=8, max_size=8))
    else:
        length = draw(st.sampled_from((7, 8)))
        # A number starting with 1 is a mobile; without area code a local one starts 2–9.
        first = draw(st.sampled_from("23456789" if kind == "local" else "123456789"))
        local = first + draw(st.text("0123456789", min_size=length - 1, max_size=length - 1))
        raw = local if kind == "local" else f"{draw(landline_areas)}-{local}"
        if kind == "extension":
            raw += "-" + draw(st.text("0123456789", min_size=1, max_size=4))
    stored, error, _warning = normalize_phone(raw)
    assert error is None and stored is not None
    return stored


def phone_candidates(stored: str) -> int:
    """Numbers the real phone rules accept that mask like ``stored``. The attacker is granted
    the mobile prefix (carrier), the area code and the extension; the last four hidden digits
    of the number itself are enumerated (more hidden digits only add candidates)."""
    shown = mask_phone(stored)
    known_prefix = 3 if "-" not in stored and len(stored) == 11 else 0
    number_end = len(stored) if stored.count("-") < 2 else stored.rindex("-")
    hidden = [
        position
        for position in range(known_prefix, number_end)
        if shown[position] == "*" and stored[position].isdigit() and stored.find("-") < position
    ][-4:]
    count = 0
    for value in range(10 ** len(hidden)):
        digits = f"{value:0{len(hidden)}d}"
        candidate = list(stored)
        for position, digit in zip(hidden, digits, strict=True):
            candidate[position] = digit
        text = "".join(candidate)
        if normalize_phone(text)[0] == text and mask_phone(text) == shown:
            count += 1
    return count


@settings(max_examples=40, deadline=None)
@given(stored=phones())
def test_rule_a_masked_phone_leaves_at_least_100_candidates(stored: str) -> None:
    assert phone_candidates(stored) >= MINIMUM_CANDIDATES


def test_phone_candidates_of_the_shortest_numbers() -> None:
    assert mask_phone("13812345678") == "*******5678"
    assert phone_candidates("13812345678") == 10_000  # even with 138 known
    assert phone_candidates("6512345") == 800  # without area code a local number starts 2–9
    assert phone_candidates("0871-6512345") == 900
    assert phone_candidates("0871-6512345-12") == 10_000
