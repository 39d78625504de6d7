"""The rules a member record keeps, checked before anything is written (DOMAIN.md §1).

Every check reports *all* bad fields at once as ``ValidationError([FieldError(field, 中文)])``,
``field`` being the :class:`MemberForm` attribute, so a form shows each message beside its
field and the importer beside its column. Things that are only doubtful (an area code missing
from the tables, a probation longer than two years) are :class:`FieldWarning`\\ s, returned
separately and never refusing a record.

How names, 公民身份号码, phones and roster dates are read is not a member rule: it lives in
:mod:`dangqun.core.parsing`, shared by every module. The parsing functions the members package
and its UI call are re-exported here (``__all__``) so they keep one import path per module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.parsing import (
    DATE_FORMAT_HELP,
    IdNumberFacts,
    check_id_number,
    check_name,
    clean_text,
    has_valid_checksum,
    id_check_character,
    is_han_character,
    is_month_only,
    normalize_id_number,
    normalize_name,
    normalize_phone,
    optional_text,
    parse_date,
)
from dangqun.members.codes import EDUCATIONS, ETHNICITIES, GENDERS
from dangqun.members.glossary import MEMBER_FIELD_LABELS
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus

__all__ = [
    "DATE_FORMAT_HELP",
    "FIELD_LABELS",
    "TEXT_LIMITS",
    "CleanMember",
    "FieldWarning",
    "IdNumberFacts",
    "MemberForm",
    "adulthood",
    "check_id_number",
    "check_name",
    "clean_text",
    "derive_from_id_number",
    "has_valid_checksum",
    "id_check_character",
    "is_han_character",
    "is_month_only",
    "normalize_id_number",
    "normalize_name",
    "normalize_phone",
    "optional_text",
    "parse_date",
    "validate_member",
]

PARTY_FOUNDED = date(1921, 7, 1)
"""No one joined the CPC before its founding congress; an earlier date is a typing error."""
ADULT_AGE = 18
"""党章 art. 1: 年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子."""

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
FIELD_LABELS = MEMBER_FIELD_LABELS


_Reporter = Callable[[str, str], None]


@dataclass(frozen=True)
class FieldWarning:
    """Something doubtful about a field that does not stop the record being saved."""

    field: str
    message: str


# ---------------------------------------------------------------------------------------------
# 公民身份号码 as a form fills it in


def derive_from_id_number(value: str | None, today: date) -> IdNumberFacts:
    """Birth date and gender for a form to fill in as the number is typed."""
    facts, errors = check_id_number(value, today)
    if facts is None:
        raise ValidationError([FieldError("id_number", error) for error in errors])
    return facts


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
