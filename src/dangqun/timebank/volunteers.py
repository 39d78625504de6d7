"""Account holders and service categories (issue 13, "Volunteers"; DOMAIN.md §3).

A member opens an account by ``member_id``: their name, ID number, phone and address stay in the
member record and are read from there, so a correction in 党员管理 is a correction here. A
resident who is not a member is a person too: the same rules as members' (:mod:`dangqun.core.
parsing` — name, 公民身份号码 with its check character, phone) and the same masking
(:func:`dangqun.core.privacy.shown`). The members table is read through :data:`MEMBERS`, a
table clause naming the columns used, so this feature imports nothing of members' internals.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import column, func, select, table
from sqlalchemy.orm import Session

from dangqun.core.errors import FieldError, NotFound, ValidationError
from dangqun.core.parsing import check_id_number, check_name, clean_text, normalize_phone
from dangqun.core.privacy import PersonalField, can_see_personal_data, is_masked_form_of, shown
from dangqun.core.security import Actor
from dangqun.timebank.models import LedgerAccount, ServiceCategory, ServiceRecord, Volunteer
from dangqun.timebank.vocabulary import (
    VOLUNTEER_NUMBER_PREFIX,
    VOLUNTEER_STATUS_LABELS,
    AccountKind,
    RecordStatus,
    VolunteerStatus,
)

MEMBERS = table(
    "members",
    column("id"),
    column("name"),
    column("id_number"),
    column("phone"),
    column("address"),
    column("pinyin_initials"),
    column("pinyin_full"),
)
"""The member columns the time bank reads (by table name: features share no models); the pinyin
keys let the account list find a member volunteer as 党员管理 does (``zsf`` → 张三丰)."""

MAX_TAGS = 20
MAX_TAG_LENGTH = 32
MAX_ADDRESS_LENGTH = 300
MAX_CATEGORY_LENGTH = 32


@dataclass(frozen=True)
class VolunteerForm:
    """What opening or editing an account takes. For a member only ``member_id`` and the
    time-bank fields; for a resident name and ID number are required, phone and address not."""

    member_id: int | None = None
    name: str | None = None
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None
    skills: tuple[str, ...] = ()
    service_areas: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class VolunteerDetail:
    """One account holder; ID number, phone and address masked when ``personal_data_masked``."""

    id: int
    number: str
    member_id: int | None
    name: str
    id_number: str
    phone: str
    address: str
    skills: tuple[str, ...]
    service_areas: tuple[str, ...]
    status: VolunteerStatus
    opened_on: date
    closed_on: date | None
    notes: str | None
    account_id: int
    personal_data_masked: bool

    @property
    def is_member(self) -> bool:
        return self.member_id is not None

    @property
    def status_label(self) -> str:
        return VOLUNTEER_STATUS_LABELS[self.status]


@dataclass(frozen=True)
class CategoryView:
    id: int
    name: str
    sort_order: int
    retired: bool
    used: bool
    """Service records name it: it may be renamed or retired, never deleted."""


@dataclass(frozen=True)
class _Person:
    name: str
    id_number: str | None
    phone: str | None
    address: str | None


def person_of(session: Session, volunteer: Volunteer) -> _Person:
    """The volunteer's name and personal data, from the member row when they are a member."""
    if volunteer.member_id is None:
        return _Person(
            volunteer.name or "", volunteer.id_number, volunteer.phone, volunteer.address
        )
    row = session.execute(select(MEMBERS).where(MEMBERS.c.id == volunteer.member_id)).one()
    return _Person(row.name, row.id_number, row.phone, row.address)


def volunteer_detail(session: Session, volunteer: Volunteer, actor: Actor) -> VolunteerDetail:
    person = person_of(session, volunteer)
    account_id = session.scalar(
        select(LedgerAccount.id).where(LedgerAccount.volunteer_id == volunteer.id)
    )
    assert account_id is not None  # opened in the same transaction as the volunteer
    return VolunteerDetail(
        id=volunteer.id,
        number=volunteer.number,
        member_id=volunteer.member_id,
        name=person.name,
        id_number=shown(actor, PersonalField.ID_NUMBER, person.id_number),
        phone=shown(actor, PersonalField.PHONE, person.phone),
        address=shown(actor, PersonalField.ADDRESS, person.address),
        skills=tuple(json.loads(volunteer.skills_json)),
        service_areas=tuple(json.loads(volunteer.service_areas_json)),
        status=VolunteerStatus(volunteer.status),
        opened_on=volunteer.opened_on,
        closed_on=volunteer.closed_on,
        notes=volunteer.notes,
        account_id=account_id,
        personal_data_masked=not can_see_personal_data(actor),
    )


def get_volunteer_row(session: Session, volunteer_id: int) -> Volunteer:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        raise NotFound("这名志愿者的账户已不存在，请刷新后重试。")
    return volunteer


def find_volunteer_by_number(session: Session, number: str) -> Volunteer:
    volunteer = session.scalar(
        select(Volunteer).where(Volunteer.number == clean_text(number).upper())
    )
    if volunteer is None:
        raise NotFound(f"没有编号为“{clean_text(number)}”的志愿者。")
    return volunteer


def _tags(field: str, label: str, values: tuple[str, ...]) -> tuple[list[str], list[FieldError]]:
    kept: list[str] = []
    errors: list[FieldError] = []
    for value in values:
        text = clean_text(value)
        if not text or text in kept:
            continue
        if len(text) > MAX_TAG_LENGTH:
            errors.append(
                FieldError(field, f"{label}“{text[:10]}…”太长（最多 {MAX_TAG_LENGTH} 个字）")
            )
        kept.append(text)
    if len(kept) > MAX_TAGS:
        errors.append(FieldError(field, f"{label}最多填写 {MAX_TAGS} 项，现在是 {len(kept)} 项"))
    return kept, errors


@dataclass(frozen=True)
class CleanVolunteer:
    member_id: int | None
    name: str | None
    id_number: str | None
    phone: str | None
    address: str | None
    skills: list[str]
    service_areas: list[str]
    notes: str | None


def validate_volunteer(
    session: Session, form: VolunteerForm, today: date, existing: Volunteer | None
) -> CleanVolunteer:
    """Every rule at once (a :class:`ValidationError` naming each bad field)."""
    errors: list[FieldError] = []
    skills, skill_errors = _tags("skills", "特长", form.skills)
    areas, area_errors = _tags("service_areas", "服务区域", form.service_areas)
    errors += skill_errors + area_errors
    notes = clean_text(form.notes) or None
    member_id = existing.member_id if existing is not None else form.member_id
    if existing is not None and form.member_id not in (None, existing.member_id):
        errors.append(FieldError("member_id", "已开立的账户不能改为另一名党员的账户"))
    if member_id is not None:
        if any((form.name, form.id_number, form.phone, form.address)):
            errors.append(
                FieldError(
                    "name", "党员的姓名、身份号码、电话和住址取自党员档案，请在党员管理中修改"
                )
            )
        if session.execute(select(MEMBERS.c.id).where(MEMBERS.c.id == member_id)).first() is None:
            errors.append(FieldError("member_id", "所选党员已不存在，请重新选择"))
        elif existing is None:
            other = session.scalar(select(Volunteer.number).where(Volunteer.member_id == member_id))
            if other is not None:
                errors.append(
                    FieldError("member_id", f"这名党员已开立时间银行账户（编号 {other}）")
                )
        if errors:
            raise ValidationError(errors)
        return CleanVolunteer(member_id, None, None, None, None, skills, areas, notes)

    form = _unmasked(form, existing)
    name, name_errors, _warnings = check_name(form.name)
    errors += [FieldError("name", message) for message in name_errors]
    facts, id_errors = check_id_number(form.id_number, today)
    errors += [FieldError("id_number", message) for message in id_errors]
    phone, phone_error, _phone_warning = normalize_phone(form.phone)
    if phone_error:
        errors.append(FieldError("phone", phone_error))
    address = clean_text(form.address) or None
    if address is not None and len(address) > MAX_ADDRESS_LENGTH:
        errors.append(FieldError("address", f"住址太长（最多 {MAX_ADDRESS_LENGTH} 个字）"))
    if facts is not None:
        member_name = session.scalar(
            select(MEMBERS.c.name).where(func.upper(MEMBERS.c.id_number) == facts.number)
        )
        if member_name is not None:
            errors.append(
                FieldError(
                    "id_number",
                    f"这个身份号码属于党员 {member_name}，请选择“党员”开户，不要重复登记",
                )
            )
        duplicate = session.scalar(
            select(Volunteer.number).where(
                Volunteer.id_number == facts.number,
                Volunteer.id != (existing.id if existing is not None else -1),
            )
        )
        if duplicate is not None:
            errors.append(FieldError("id_number", f"这个身份号码已开立账户（编号 {duplicate}）"))
    if errors:
        raise ValidationError(errors)
    assert facts is not None
    return CleanVolunteer(None, name, facts.number, phone, address, skills, areas, notes)


def _unmasked(form: VolunteerForm, stored: Volunteer | None) -> VolunteerForm:
    """A form that sends back the masked value it was shown keeps the stored value."""
    if stored is None:
        return form
    values = {
        "id_number": (form.id_number, stored.id_number, PersonalField.ID_NUMBER),
        "phone": (form.phone, stored.phone, PersonalField.PHONE),
        "address": (form.address, stored.address, PersonalField.ADDRESS),
    }
    kept = {
        name: stored_value
        for name, (submitted, stored_value, personal) in values.items()
        if is_masked_form_of(submitted, stored_value, personal)
    }
    return replace(
        form,
        id_number=kept.get("id_number", form.id_number),
        phone=kept.get("phone", form.phone),
        address=kept.get("address", form.address),
    )


def next_volunteer_number(session: Session, today: date) -> str:
    """``ZY`` + year + the next five-digit sequence of that year (never reused)."""
    prefix = f"{VOLUNTEER_NUMBER_PREFIX}{today.year:04d}"
    highest = session.scalar(
        select(func.max(Volunteer.number)).where(Volunteer.number.like(f"{prefix}%"))
    )
    sequence = int(highest[len(prefix) :]) + 1 if highest else 1
    return f"{prefix}{sequence:05d}"


def volunteer_values(volunteer: Volunteer) -> dict[str, object]:
    """What the audit log keeps of an account (personal data masked like every screen)."""
    return {
        "number": volunteer.number,
        "member_id": volunteer.member_id,
        "name": volunteer.name,
        "id_number": shown_masked(PersonalField.ID_NUMBER, volunteer.id_number),
        "phone": shown_masked(PersonalField.PHONE, volunteer.phone),
        "address": shown_masked(PersonalField.ADDRESS, volunteer.address),
        "skills": json.loads(volunteer.skills_json),
        "service_areas": json.loads(volunteer.service_areas_json),
        "status": volunteer.status,
        "notes": volunteer.notes,
    }


def shown_masked(personal_field: PersonalField, value: str | None) -> str | None:
    from dangqun.core.privacy import shown_if

    return shown_if(personal_field, value, False) if value else None


def apply_volunteer(volunteer: Volunteer, clean: CleanVolunteer) -> None:
    volunteer.member_id = clean.member_id
    volunteer.name = clean.name
    volunteer.id_number = clean.id_number
    volunteer.phone = clean.phone
    volunteer.address = clean.address
    volunteer.skills_json = json.dumps(clean.skills, ensure_ascii=False)
    volunteer.service_areas_json = json.dumps(clean.service_areas, ensure_ascii=False)
    volunteer.notes = clean.notes


def new_volunteer(session: Session, clean: CleanVolunteer, today: date) -> Volunteer:
    """The account holder and their ledger account, added to ``session``."""
    volunteer = Volunteer(
        number=next_volunteer_number(session, today),
        status=VolunteerStatus.ACTIVE.value,
        opened_on=today,
    )
    apply_volunteer(volunteer, clean)
    session.add(volunteer)
    session.flush()
    session.add(
        LedgerAccount(
            kind=AccountKind.VOLUNTEER.value, volunteer_id=volunteer.id, name=volunteer.number
        )
    )
    session.flush()
    return volunteer


def status_change_errors(
    session: Session, volunteer: Volunteer, status: VolunteerStatus
) -> list[FieldError]:
    current = VolunteerStatus(volunteer.status)
    if current is VolunteerStatus.CLOSED:
        return [FieldError("status", "账户已注销，不能再改变状态（历史记录保留）")]
    if status is VolunteerStatus.CLOSED:
        pending = session.scalar(
            select(func.count())
            .select_from(ServiceRecord)
            .where(
                ServiceRecord.volunteer_id == volunteer.id,
                ServiceRecord.status == RecordStatus.PENDING.value,
            )
        )
        if pending:
            return [
                FieldError("status", f"还有 {pending} 条待核实的服务记录，请先核实或退回再注销账户")
            ]
    return []


def category_views(session: Session, include_retired: bool) -> list[CategoryView]:
    used = set(session.scalars(select(ServiceRecord.category_id).distinct()))
    query = select(ServiceCategory).order_by(ServiceCategory.sort_order, ServiceCategory.id)
    if not include_retired:
        query = query.where(ServiceCategory.retired.is_(False))
    return [
        CategoryView(row.id, row.name, row.sort_order, row.retired, row.id in used)
        for row in session.scalars(query)
    ]


def category_name_errors(session: Session, name: str, category_id: int | None) -> list[FieldError]:
    if not name:
        return [FieldError("name", "请填写服务类别名称")]
    if len(name) > MAX_CATEGORY_LENGTH:
        return [FieldError("name", f"服务类别名称太长（最多 {MAX_CATEGORY_LENGTH} 个字）")]
    clash = session.scalar(
        select(ServiceCategory.id).where(
            ServiceCategory.name == name, ServiceCategory.id != (category_id or -1)
        )
    )
    if clash is not None:
        return [FieldError("name", f"已有名为“{name}”的服务类别")]
    return []
