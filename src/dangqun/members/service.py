"""The members feature's public service: what the UI, the CLI and other features call.

Plain dataclasses in and out, never a Session. Writes are one unit of work each (validate →
change rows → dated history events → audit → commit) and need ``Permission.EDIT_RECORDS``;
reads need ``Permission.VIEW`` and mask ID numbers, phones and addresses unless the actor has
``Permission.SEE_PERSONAL_DATA`` (:mod:`dangqun.core.privacy`).

Such a role is also never handed the day of birth (issue 10: with the day, the sex and the
center's region, a masked ID number has few candidates left): details give the first of the
birth month and an edit form none at all (it is the ID number's). Its edits must not answer
questions about the hidden day either: a 入党日期 it types in the month of the 18th birthday is
refused whether or not it would pass, and never with the full birth date in the message.

The organization tree (:mod:`~dangqun.members.organizations`), search and paging
(:mod:`~dangqun.members.search`), roster import/export and the code lists are re-exported
here so callers outside ``members/`` import one module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotFound, ValidationError
from dangqun.core.privacy import (
    PersonalField,
    can_see_personal_data,
    is_masked_form_of,
    shown,
    shown_birth_date,
)
from dangqun.core.security import Actor, Permission
from dangqun.members.codes import (
    CATEGORIES,
    EDUCATIONS,
    ETHNICITIES,
    EVENT_TYPES,
    GENDERS,
    KINDS,
    STATUSES,
    CodeItem,
    CodeList,
    EventType,
    MemberCodeLabels,
)
from dangqun.members.exporter import ExportResult, export_members, write_import_template
from dangqun.members.glossary import ORGANIZATION
from dangqun.members.importer import (
    ImportMode,
    ImportReport,
    RosterError,
    RosterProblem,
    import_roster,
)
from dangqun.members.models import Member, MemberEvent, Organization
from dangqun.members.organizations import (
    OrganizationNode,
    add_organization,
    branch_choices,
    delete_organization,
    descendant_ids,
    move_organization,
    organization_path,
    organization_tree,
    rename_organization,
)
from dangqun.members.queries import political_birthday_conditions
from dangqun.members.records import (
    create_member_in,
    duplicate_message,
    find_by_id_number,
    form_of,
    organization_errors,
    update_member_in,
)
from dangqun.members.search import (
    MemberPage,
    MemberQuery,
    MemberRow,
    MemberSort,
    QueryKind,
    count_members,
    list_member_ids,
    list_members,
    list_members_after,
    member_rows,
    parse_query,
    search_members,
)
from dangqun.members.validation import (
    CleanMember,
    FieldWarning,
    IdNumberFacts,
    MemberForm,
    adulthood,
    derive_from_id_number,
    validate_member,
)
from dangqun.members.vocabulary import MemberCategory, MemberKind, MemberStatus, OrganizationLevel

__all__ = [
    "CATEGORIES",
    "EDUCATIONS",
    "ETHNICITIES",
    "EVENT_TYPES",
    "GENDERS",
    "KINDS",
    "STATUSES",
    "CodeItem",
    "CodeList",
    "EventType",
    "ExportResult",
    "FieldWarning",
    "IdNumberFacts",
    "ImportMode",
    "ImportReport",
    "MemberCategory",
    "MemberDetail",
    "MemberEventView",
    "MemberForm",
    "MemberKind",
    "MemberPage",
    "MemberQuery",
    "MemberRow",
    "MemberSort",
    "MemberStatus",
    "OrganizationLevel",
    "OrganizationNode",
    "PoliticalBirthday",
    "QueryKind",
    "RosterError",
    "RosterProblem",
    "SavedMember",
    "add_organization",
    "branch_choices",
    "check_member_form",
    "count_members",
    "delete_organization",
    "derive_from_id_number",
    "export_members",
    "get_member",
    "import_roster",
    "list_member_ids",
    "list_members",
    "list_members_after",
    "member_form",
    "member_history",
    "member_rows",
    "move_organization",
    "organization_tree",
    "parse_query",
    "political_birthdays",
    "register_member",
    "rename_organization",
    "search_members",
    "transfer_member_out",
    "update_member",
    "write_import_template",
]


@dataclass(frozen=True)
class MemberDetail(MemberCodeLabels):
    """One member for the detail dialog; ID number, phone and address already masked when
    ``personal_data_masked``."""

    id: int
    uuid: str
    name: str
    gender_code: str
    ethnicity_code: str
    birth_date: date
    id_number: str
    education_code: str | None
    kind: MemberKind
    category: MemberCategory
    status: MemberStatus
    organization_id: int | None
    organization_name: str
    organization_path: str
    joined_on: date
    confirmed_on: date | None
    work_unit: str | None
    phone: str
    household_registration: str | None
    address: str
    party_standing: str
    lost_contact_on: date | None
    outflow_destination: str | None
    registered_on: date | None
    origin_organization: str | None
    activity_card_number: str | None
    notes: str | None
    created_at: datetime
    updated_at: datetime
    personal_data_masked: bool

    @property
    def ethnicity_label(self) -> str:
        return ETHNICITIES.label(self.ethnicity_code)

    @property
    def birth_date_text(self) -> str:
        """``1985-06-15``, or ``1985-06`` when personal data is masked (``birth_date`` is then
        the first of the month)."""
        return shown_birth_date(self.birth_date, not self.personal_data_masked)

    @property
    def education_label(self) -> str:
        return EDUCATIONS.label(self.education_code)


@dataclass(frozen=True)
class SavedMember:
    """The record as saved, and the warnings the user should still read."""

    member: MemberDetail
    warnings: tuple[FieldWarning, ...]
    changed: bool = True


@dataclass(frozen=True)
class MemberEventView:
    id: int
    event_type: EventType | None
    label: str
    occurred_on: date
    description: str
    details: dict[str, str]
    recorded_at: datetime


@dataclass(frozen=True)
class PoliticalBirthday:
    """政治生日: the anniversary of 入党日期 in a month (DOMAIN.md §1, seed 004)."""

    member_id: int
    name: str
    organization_name: str
    branch_name: str
    """The 网格党支部: the organization itself, or the branch above a 楼栋党小组."""
    gender_code: str
    joined_on: date
    anniversary: date
    years: int
    phone: str
    kind: MemberKind

    @property
    def gender_label(self) -> str:
        return GENDERS.label(self.gender_code)


def _detail(session: Session, member: Member, actor: Actor) -> MemberDetail:
    organization = (
        None
        if member.organization_id is None
        else session.get(Organization, member.organization_id)
    )
    full = can_see_personal_data(actor)
    return MemberDetail(
        id=member.id,
        uuid=member.uuid,
        name=member.name,
        gender_code=member.gender_code,
        ethnicity_code=member.ethnicity_code,
        birth_date=member.birth_date if full else member.birth_date.replace(day=1),
        id_number=shown(actor, PersonalField.ID_NUMBER, member.id_number),
        education_code=member.education_code,
        kind=MemberKind(member.kind),
        category=MemberCategory(member.category),
        status=MemberStatus(member.status),
        organization_id=member.organization_id,
        organization_name="" if organization is None else organization.name,
        organization_path=organization_path(session, member.organization_id),
        joined_on=member.joined_on,
        confirmed_on=member.confirmed_on,
        work_unit=member.work_unit,
        phone=shown(actor, PersonalField.PHONE, member.phone),
        household_registration=member.household_registration,
        address=shown(actor, PersonalField.ADDRESS, member.address),
        party_standing=member.party_standing,
        lost_contact_on=member.lost_contact_on,
        outflow_destination=member.outflow_destination,
        registered_on=member.registered_on,
        origin_organization=member.origin_organization,
        activity_card_number=member.activity_card_number,
        notes=member.notes,
        created_at=member.created_at,
        updated_at=member.updated_at,
        personal_data_masked=not full,
    )


def _get_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("这名党员的记录已不存在，请刷新后重试。")
    return member


def _unmasked(form: MemberForm, stored: Member | None) -> MemberForm:
    """Put back the stored values where a form returned what it was shown masked.

    An ID number kept that way keeps its birth date too: a birth date sent with it (the first
    of the month a masked role was shown, or a guess) is not compared with the hidden one, whose
    "does not match the number (1985-06-15)" would tell the day."""
    if stored is None:
        return form
    changes: dict[str, object] = {}
    for field_name, personal_field in (
        ("id_number", PersonalField.ID_NUMBER),
        ("phone", PersonalField.PHONE),
        ("address", PersonalField.ADDRESS),
    ):
        stored_value = getattr(stored, field_name)
        if is_masked_form_of(getattr(form, field_name), stored_value, personal_field):
            changes[field_name] = stored_value
    if "id_number" in changes:
        changes["birth_date"] = None
    return form.with_changes(**changes) if changes else form


def _hidden_birth(form: MemberForm, stored: Member | None, full: bool) -> date | None:
    """The stored birth date a masked role edits without seeing it (its ID number kept)."""
    if full or stored is None or form.id_number != stored.id_number:
        return None
    return stored.birth_date


def _coming_of_age_month_errors(
    form: MemberForm, stored: Member, hidden_birth: date
) -> list[FieldError]:
    """A changed 入党日期 before the month after the 18th birthday, for a role that sees the
    birth year-month only: refused by month, so trying the days of that month one by one does
    not reveal the day of birth (issue 10)."""
    joined = form.joined_on
    if joined is None or joined == stored.joined_on:
        return []
    of_age = adulthood(hidden_birth)
    first_allowed = date(of_age.year + of_age.month // 12, of_age.month % 12 + 1, 1)
    if joined >= first_allowed:
        return []
    return [
        FieldError(
            "joined_on",
            f"入党时须年满 18 周岁：出生于 {shown_birth_date(hidden_birth, False)}，入党日期应在 "
            f"{first_allowed:%Y-%m-%d} 或以后；在满 18 周岁当月入党的，请由管理员核对后录入",
        )
    ]


def _validated(
    session: Session,
    form: MemberForm,
    member_id: int | None,
    today: date,
    stored: Member | None = None,
    full: bool = True,
) -> CleanMember:
    """All rules at once: the form's own (validation.py) and those needing the database.

    ``stored`` and ``full``: the record being edited and whether the editing actor sees
    personal data; a masked role's messages never carry its hidden birth date."""
    errors: list[FieldError] = []
    clean: CleanMember | None = None
    try:
        clean = validate_member(form, today)
    except ValidationError as error:
        errors.extend(error.errors)
    hidden_birth = _hidden_birth(form, stored, full)
    if stored is not None and hidden_birth is not None:
        month_errors = _coming_of_age_month_errors(form, stored, hidden_birth)
        if month_errors:
            errors = [item for item in errors if item.field != "joined_on"] + month_errors
            clean = None
    errors.extend(organization_errors(session, form.organization_id))
    if clean is not None:
        existing = find_by_id_number(session, clean.id_number)
        if existing is not None and existing.id != member_id:
            errors.append(FieldError("id_number", duplicate_message(session, existing)))
    if errors:
        raise ValidationError(errors)
    assert clean is not None
    return clean


def check_member_form(
    database: Database,
    actor: Actor,
    form: MemberForm,
    member_id: int | None = None,
    today: date | None = None,
) -> tuple[FieldWarning, ...]:
    """Validate without saving (a form checking as the user types); raises ValidationError."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        stored = None if member_id is None else _get_member(session, member_id)
        return _validated(
            session,
            _unmasked(form, stored),
            member_id,
            today or local_today(),
            stored,
            can_see_personal_data(actor),
        ).warnings


def register_member(
    database: Database, actor: Actor, form: MemberForm, today: date | None = None
) -> SavedMember:
    """Register a new person; the same 身份号码 already on record is refused, naming them."""
    actor.require(Permission.EDIT_RECORDS)
    today = today or local_today()
    with database.unit_of_work(actor) as work:
        clean = _validated(work.session, form, None, today)
        try:
            member = create_member_in(work, clean, today)
        except IntegrityError:  # a concurrent registration of the same number
            raise ValidationError.single(
                "id_number", "这个身份号码刚刚已被登记，请刷新后查看"
            ) from None
        detail = _detail(work.session, member, actor)
        work.commit()
    return SavedMember(detail, clean.warnings)


def update_member(
    database: Database,
    actor: Actor,
    member_id: int,
    form: MemberForm,
    effective_on: date | None = None,
    today: date | None = None,
) -> SavedMember:
    """Save an edit. Kind, category, status and branch changes become dated history events
    on ``effective_on`` (default today; 转正 on the 转正日期); nothing in the past is rewritten.
    Masked values sent back unchanged keep the stored ones."""
    actor.require(Permission.EDIT_RECORDS)
    today = today or local_today()
    effective_on = effective_on or today
    if effective_on > today:
        raise ValidationError.single("effective_on", "变更日期不能晚于今天")
    with database.unit_of_work(actor) as work:
        member = _get_member(work.session, member_id)
        clean = _validated(
            work.session,
            _unmasked(form, member),
            member_id,
            today,
            member,
            can_see_personal_data(actor),
        )
        changed = update_member_in(work, member, clean, effective_on)
        detail = _detail(work.session, member, actor)
        work.commit()
    return SavedMember(detail, clean.warnings, changed)


def transfer_member_out(
    database: Database,
    actor: Actor,
    member_id: int,
    on: date,
    destination: str,
    today: date | None = None,
) -> SavedMember:
    """组织关系转出: status 已转出 with a dated event naming where the relationship went."""
    actor.require(Permission.EDIT_RECORDS)
    today = today or local_today()
    destination = destination.strip()
    errors = []
    if not destination:
        errors.append(FieldError("destination", "请填写转往的党组织"))
    if on > today:
        errors.append(FieldError("on", "转出日期不能晚于今天"))
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        member = _get_member(work.session, member_id)
        if member.status != MemberStatus.ACTIVE.value:
            raise ValidationError.single(
                "status",
                f"{member.name}的党籍状态是“{STATUSES.label(MemberStatus(member.status))}”，不能转出",
            )
        form = form_of(member).with_changes(
            status=MemberStatus.TRANSFERRED_OUT, outflow_destination=destination
        )
        clean = _validated(work.session, form, member_id, today)
        update_member_in(work, member, clean, on)
        detail = _detail(work.session, member, actor)
        work.commit()
    return SavedMember(detail, clean.warnings)


def get_member(database: Database, actor: Actor, member_id: int) -> MemberDetail:
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return _detail(session, _get_member(session, member_id), actor)


def member_form(database: Database, actor: Actor, member_id: int) -> MemberForm:
    """The stored record as a form to edit; personal data masked as the actor may see it, and
    no birth date for a role that sees it masked (it is the kept ID number's)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        form = form_of(_get_member(session, member_id))
    full = can_see_personal_data(actor)
    return form.with_changes(
        id_number=shown(actor, PersonalField.ID_NUMBER, form.id_number),
        birth_date=form.birth_date if full else None,
        phone=shown(actor, PersonalField.PHONE, form.phone) or None,
        address=shown(actor, PersonalField.ADDRESS, form.address) or None,
    )


def _describe(event_type: EventType | None, details: dict[str, str]) -> str:
    def label(
        code_list: CodeList[MemberKind] | CodeList[MemberStatus] | CodeList[MemberCategory],
        key: str,
    ) -> str:
        value = details.get(key, "")
        for item in code_list.items:
            if item.code.value == value:
                return item.label
        return value

    if event_type is EventType.REPORT:
        return f"到社区报到（组织关系所在：{details.get('organization', '')}）"
    if event_type is EventType.TRANSFER_IN:
        origin = details.get("from") or details.get("from_organization") or ""
        return f"组织关系由“{origin}”转入" if origin else "组织关系转入"
    if event_type is EventType.TRANSFER_OUT:
        target = details.get("to_organization") or details.get("to") or ""
        return f"组织关系转往“{target}”" if target else "组织关系转出"
    if event_type is EventType.FLOATING_IN:
        origin = details.get("from_organization") or details.get("from") or ""
        return f"由“{origin}”流入本社区"
    if event_type is EventType.FLOATING_OUT:
        target = details.get("to_destination") or details.get("to") or ""
        return f"外出流向“{target}”"
    if event_type is EventType.KIND_CHANGE:
        return f"党员类型：{label(KINDS, 'from')} → {label(KINDS, 'to')}"
    if event_type is EventType.CATEGORY_CHANGE:
        return f"人员类别：{label(CATEGORIES, 'from')} → {label(CATEGORIES, 'to')}"
    if event_type is EventType.STATUS_CHANGE:
        return f"党籍状态：{label(STATUSES, 'from')} → {label(STATUSES, 'to')}"
    if event_type is EventType.BRANCH_CHANGE:
        return f"{ORGANIZATION}：{details.get('from') or '无'} → {details.get('to') or '无'}"
    if event_type is EventType.CONFIRMED:
        return "预备党员转为正式党员"
    if event_type is EventType.CREATED:
        return "建立党员档案"
    return "；".join(f"{key}：{value}" for key, value in details.items())


def member_history(database: Database, actor: Actor, member_id: int) -> list[MemberEventView]:
    """The member's dated history, oldest first."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        _get_member(session, member_id)
        events = session.scalars(
            select(MemberEvent)
            .where(MemberEvent.member_id == member_id)
            .order_by(MemberEvent.occurred_on, MemberEvent.id)
        ).all()
    known = {event_type.value: event_type for event_type in EventType}
    views = []
    for event in events:
        event_type = known.get(event.event_type)
        details = {str(k): str(v) for k, v in json.loads(event.details_json or "{}").items()}
        views.append(
            MemberEventView(
                id=event.id,
                event_type=event_type,
                label=EVENT_TYPES.label(event_type) if event_type else event.event_type,
                occurred_on=event.occurred_on,
                description=_describe(event_type, details),
                details=details,
                recorded_at=event.created_at,
            )
        )
    return views


def political_birthdays(
    database: Database,
    actor: Actor,
    month: int,
    year: int | None = None,
    organization_id: int | None = None,
) -> list[PoliticalBirthday]:
    """在册 members whose 入党日期 falls in ``month`` of an earlier year, by day then name, with
    the years of membership they complete in ``year`` (default this year); the home page's count
    uses the same :func:`~dangqun.members.queries.political_birthday_conditions`.

    ``organization_id`` keeps the members of that organization and everything below it, as the
    members list's filter does: a branch secretary's list (issue 11)."""
    actor.require(Permission.VIEW)
    if not 1 <= month <= 12:
        raise ValidationError.single("month", "月份应为 1–12")
    year = year or local_today().year
    parent = aliased(Organization)
    with database.reading() as session:
        within = []
        if organization_id is not None:
            if session.get(Organization, organization_id) is None:
                raise NotFound("所选党组织已不存在，请刷新后重试。")
            within.append(Member.organization_id.in_(descendant_ids(session, organization_id)))
        rows = session.execute(
            select(
                Member.id,
                Member.name,
                Member.joined_on,
                Member.phone,
                Member.kind,
                Member.pinyin_full,
                Organization.name,
                Member.gender_code,
                Organization.level,
                parent.name,
            )
            .outerjoin(Organization, Organization.id == Member.organization_id)
            .outerjoin(parent, parent.id == Organization.parent_id)
            .where(*political_birthday_conditions(month, year), *within)
        ).all()
    birthdays = []
    building_group = OrganizationLevel.BUILDING_GROUP.value
    for row in rows:
        member_id, name, joined, phone, kind, _pinyin, organization_name = row[:7]
        gender_code, level, parent_name = row[7:]
        day = joined.day if (joined.month, joined.day) != (2, 29) or _is_leap(year) else 28
        birthdays.append(
            PoliticalBirthday(
                member_id=member_id,
                name=name,
                organization_name=organization_name or "",
                branch_name=(parent_name if level == building_group else organization_name) or "",
                gender_code=gender_code,
                joined_on=joined,
                anniversary=date(year, month, day),
                years=year - joined.year,
                phone=shown(actor, PersonalField.PHONE, phone),
                kind=MemberKind(kind),
            )
        )
    order = {row[0]: row[5] for row in rows}
    birthdays.sort(key=lambda item: (item.anniversary, order[item.member_id], item.member_id))
    return birthdays


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
