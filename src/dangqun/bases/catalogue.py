"""Bases, rooms, opening hours, closed dates, materials, menu items and lecturers (issue 14,
"Bases", "Menu"): what the base editor and the menu editor write, and what the booking rules read.

Who may change what: the places (bases, rooms, hours, closed dates) are the center's set-up and
need ``MANAGE_SETTINGS``; the menu, its materials and the 讲师团 change with the seasons and are
kept by the front desk (``EDIT_RECORDS``). Nothing here is ever deleted once it could have been
used — a base, room, material, menu item or lecturer is retired (and may be restored), so old
bookings and statistics keep their names. Closed dates are the exception: a closure is a rule,
not a record, and removing one leaves no booking without its meaning.

Lecturers are read by table name from the members and time bank tables (their names stay in one
place), as the time bank reads members (:mod:`dangqun.timebank.volunteers`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from itertools import pairwise

from sqlalchemy import column, func, select, table
from sqlalchemy.orm import Session

from dangqun.bases.fields import optional_text, phone_number, required_text, whole_number
from dangqun.bases.models import (
    BaseSite,
    Closure,
    Lecturer,
    Material,
    MenuItem,
    MenuLecturer,
    MenuMaterial,
    OpeningHours,
    Room,
)
from dangqun.bases.schedule import (
    ClosureRule,
    Interval,
    hours_text,
    minute_of,
    valid_month_day,
)
from dangqun.bases.vocabulary import (
    BASE_TYPE_LABELS,
    LECTURER_KIND_LABELS,
    WEEKDAY_LABELS,
    BaseType,
    ClosureKind,
    LecturerKind,
)
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotFound, ValidationError
from dangqun.core.parsing import check_name, clean_text
from dangqun.core.security import Actor, Permission

MEMBERS = table("members", column("id"), column("name"))
VOLUNTEERS = table(
    "timebank_volunteers", column("id"), column("number"), column("member_id"), column("name")
)
"""The columns read from the members and time bank modules (by table name: features share no
models). A member volunteer's name is the member's."""

MAX_CAPACITY = 2000
MAX_QUANTITY = 1000
MAX_GROUP = 2000
MAX_TOPICS = 20


# ---------------------------------------------------------------- forms and what is read back


@dataclass(frozen=True)
class BaseForm:
    name: str
    base_type: BaseType
    address: str | None = None
    contact: str | None = None
    phone: str | None = None
    introduction: str | None = None


@dataclass(frozen=True)
class RoomForm:
    base_id: int
    name: str
    capacity: int
    exclusive: bool = False


@dataclass(frozen=True)
class ClosureForm:
    """Once: ``starts_on`` (and ``ends_on`` for a range, else the same day). Yearly:
    ``yearly_from`` and ``yearly_to`` as ``MM-DD`` (``12-31`` to ``01-02`` runs over the new
    year). 春节 moves with the lunar calendar, so it is a named range entered for each year."""

    name: str
    kind: ClosureKind
    starts_on: date | None = None
    ends_on: date | None = None
    yearly_from: str | None = None
    yearly_to: str | None = None


@dataclass(frozen=True)
class MaterialForm:
    base_id: int
    name: str
    quantity: int


@dataclass(frozen=True)
class MaterialNeed:
    material_id: int
    quantity: int = 1


@dataclass(frozen=True)
class MenuItemForm:
    base_id: int
    name: str
    duration_minutes: int
    min_group: int
    max_group: int
    description: str | None = None
    lecturer_ids: tuple[int, ...] = ()
    materials: tuple[MaterialNeed, ...] = ()


@dataclass(frozen=True)
class LecturerForm:
    """Exactly one of: ``member_id`` (a party member), ``volunteer_id`` (a time-bank
    volunteer) or ``name`` (a guest lecturer)."""

    member_id: int | None = None
    volunteer_id: int | None = None
    name: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoomDetail:
    id: int
    base_id: int
    name: str
    capacity: int
    exclusive: bool
    retired: bool


@dataclass(frozen=True)
class ClosureDetail:
    id: int
    rule: ClosureRule

    @property
    def text(self) -> str:
        return self.rule.text


@dataclass(frozen=True)
class MaterialDetail:
    id: int
    base_id: int
    name: str
    quantity: int
    retired: bool


@dataclass(frozen=True)
class BaseDetail:
    """A base with everything the editor and ``dangqun bases list`` show. The base's phone is
    the number it publishes to visitors (on the 特色菜单 brochure, DOMAIN.md §2), not personal
    data: it is shown in full to every role."""

    id: int
    name: str
    base_type: BaseType
    address: str
    contact: str
    phone: str
    introduction: str
    retired: bool
    rooms: tuple[RoomDetail, ...] = ()
    hours: Mapping[int, tuple[Interval, ...]] = field(default_factory=dict)
    """Weekday (0 = Monday) → opening intervals; a missing weekday is closed."""
    closures: tuple[ClosureDetail, ...] = ()
    materials: tuple[MaterialDetail, ...] = ()

    @property
    def base_type_label(self) -> str:
        return BASE_TYPE_LABELS[self.base_type]

    def hours_lines(self) -> list[str]:
        return [
            f"{WEEKDAY_LABELS[weekday]} {hours_text(self.hours.get(weekday, ()))}"
            for weekday in range(7)
        ]


@dataclass(frozen=True)
class LecturerDetail:
    id: int
    kind: LecturerKind
    name: str
    member_id: int | None
    volunteer_id: int | None
    topics: tuple[str, ...]
    retired: bool

    @property
    def kind_label(self) -> str:
        return LECTURER_KIND_LABELS[self.kind]


@dataclass(frozen=True)
class MenuItemDetail:
    id: int
    base_id: int
    name: str
    description: str
    duration_minutes: int
    min_group: int
    max_group: int
    lecturers: tuple[LecturerDetail, ...]
    materials: tuple[tuple[MaterialDetail, int], ...]
    """Each material the item needs, with the quantity needed."""
    retired: bool


# ---------------------------------------------------------------- bases


def _validated_base(form: BaseForm) -> dict[str, object]:
    errors: list[FieldError] = []
    values: dict[str, object] = {
        "name": required_text(errors, "name", "阵地名称", form.name, 100),
        "address": optional_text(errors, "address", "地址", form.address, 300),
        "contact": optional_text(errors, "contact", "联系人", form.contact, 64),
        "phone": phone_number(errors, "phone", "联系电话", form.phone, required=False),
        "introduction": optional_text(errors, "introduction", "简介", form.introduction, 5000),
    }
    if not isinstance(form.base_type, BaseType):
        errors.append(FieldError("base_type", "请选择阵地类型（基础型、红色型、公益型、科技型）"))
    else:
        values["base_type"] = form.base_type.value
    if errors:
        raise ValidationError(errors)
    return values


def _unique_name(
    session: Session, model: type, name: str, own_id: int | None, label: str, **scope: int
) -> None:
    query = select(model.id).where(model.name == name)  # type: ignore[attr-defined]
    for key, value in scope.items():
        query = query.where(getattr(model, key) == value)
    found = session.scalar(query)
    if found is not None and found != own_id:
        raise ValidationError.single("name", f"已有名为“{name}”的{label}")


def _audited(values: Mapping[str, object]) -> dict[str, object]:
    """Audit details without the phone number (personal data stays out of the log)."""
    return {key: value for key, value in values.items() if key != "phone"}


def create_base(database: Database, actor: Actor, form: BaseForm) -> BaseDetail:
    actor.require(Permission.MANAGE_SETTINGS)
    values = _validated_base(form)
    with database.unit_of_work(actor) as work:
        _unique_name(work.session, BaseSite, str(values["name"]), None, "阵地")
        site = BaseSite(**values, retired=False)
        work.session.add(site)
        work.session.flush()
        work.audit("bases.base.create", "bases_base", site.id, None, _audited(values))
        work.commit()
    return get_base(database, actor, site.id)


def update_base(database: Database, actor: Actor, base_id: int, form: BaseForm) -> BaseDetail:
    """Change a base."""
    actor.require(Permission.MANAGE_SETTINGS)
    with database.unit_of_work(actor) as work:
        site = _get(work.session, BaseSite, base_id, "阵地")
        values = _validated_base(form)
        _unique_name(work.session, BaseSite, str(values["name"]), base_id, "阵地")
        before = {key: getattr(site, key) for key in values}
        for key, value in values.items():
            setattr(site, key, value)
        work.audit("bases.base.update", "bases_base", base_id, _audited(before), _audited(values))
        work.commit()
    return get_base(database, actor, base_id)


def set_base_retired(database: Database, actor: Actor, base_id: int, retired: bool) -> None:
    """Retire a base (no new bookings; its history stays) or bring it back."""
    actor.require(Permission.MANAGE_SETTINGS)
    _set_retired(database, actor, BaseSite, base_id, retired, "阵地", "bases.base", "bases_base")


def set_opening_hours(
    database: Database,
    actor: Actor,
    base_id: int,
    hours: Mapping[int, Sequence[tuple[time, time]]],
) -> BaseDetail:
    """Replace a base's weekly opening hours: weekday (0 = Monday) → intervals. A weekday left
    out is closed. Intervals of one day must not overlap; each ends after it starts."""
    actor.require(Permission.MANAGE_SETTINGS)
    errors: list[FieldError] = []
    rows: list[tuple[int, int, int]] = []
    for weekday, intervals in sorted(hours.items()):
        if not 0 <= weekday <= 6:
            errors.append(FieldError("hours", f"星期的编号 {weekday} 不对（0 为星期一）"))
            continue
        day = sorted((minute_of(opens), minute_of(closes)) for opens, closes in intervals)
        for opens, closes in day:
            if closes <= opens:
                errors.append(
                    FieldError("hours", f"{WEEKDAY_LABELS[weekday]}的开放时间结束必须晚于开始")
                )
        for (_, first_end), (second_start, _) in pairwise(day):
            if second_start < first_end:
                errors.append(FieldError("hours", f"{WEEKDAY_LABELS[weekday]}的开放时间有重叠"))
        rows.extend((weekday, opens, closes) for opens, closes in day)
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        _get(work.session, BaseSite, base_id, "阵地")
        existing = work.session.scalars(
            select(OpeningHours).where(OpeningHours.base_id == base_id)
        ).all()
        before = _hours_summary(_hours_of(existing))
        for row in existing:
            work.session.delete(row)
        work.session.flush()
        added = [
            OpeningHours(base_id=base_id, weekday=w, opens_minute=o, closes_minute=c)
            for w, o, c in rows
        ]
        work.session.add_all(added)
        after = _hours_summary(_hours_of(added))
        work.audit("bases.hours.update", "bases_base", base_id, {"hours": before}, {"hours": after})
        work.commit()
    return get_base(database, actor, base_id)


def add_closure(database: Database, actor: Actor, base_id: int, form: ClosureForm) -> int:
    """A closed date, range or yearly rule; bookings already on those dates are not touched
    (the front desk calls them), new ones are refused."""
    actor.require(Permission.MANAGE_SETTINGS)
    errors: list[FieldError] = []
    name = required_text(errors, "name", "闭馆名称", form.name, 64)
    values: dict[str, object] = {"name": name, "kind": form.kind.value}
    if form.kind is ClosureKind.DATES:
        if form.starts_on is None:
            errors.append(FieldError("starts_on", "请填写闭馆开始日期"))
        ends_on = form.ends_on or form.starts_on
        if form.starts_on and ends_on and ends_on < form.starts_on:
            errors.append(FieldError("ends_on", "闭馆结束日期不能早于开始日期"))
        values.update(starts_on=form.starts_on, ends_on=ends_on)
    else:
        for key, label in (("yearly_from", "每年开始日"), ("yearly_to", "每年结束日")):
            text = clean_text(getattr(form, key))
            if not valid_month_day(text):
                errors.append(FieldError(key, f"{label}应写作 月-日，如 10-01"))
            values[key] = text
    if errors:
        raise ValidationError(errors)
    with database.unit_of_work(actor) as work:
        _get(work.session, BaseSite, base_id, "阵地")
        closure = Closure(base_id=base_id, **values)
        work.session.add(closure)
        work.session.flush()
        shown_values = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}
        work.audit(
            "bases.closure.create",
            "bases_closure",
            closure.id,
            None,
            {"base": base_id, **shown_values},
        )
        work.commit()
        return closure.id


def delete_closure(database: Database, actor: Actor, closure_id: int) -> None:
    actor.require(Permission.MANAGE_SETTINGS)
    with database.unit_of_work(actor) as work:
        closure = _get(work.session, Closure, closure_id, "闭馆日期")
        before = {"base": closure.base_id, "name": closure.name, "kind": closure.kind}
        work.session.delete(closure)
        work.audit("bases.closure.delete", "bases_closure", closure_id, before, None)
        work.commit()


# ---------------------------------------------------------------- rooms and materials


def _validated_room(form: RoomForm) -> dict[str, object]:
    errors: list[FieldError] = []
    values: dict[str, object] = {
        "name": required_text(errors, "name", "活动室名称", form.name, 64),
        "capacity": whole_number(errors, "capacity", "容纳人数", form.capacity, 1, MAX_CAPACITY),
        "exclusive": bool(form.exclusive),
    }
    if errors:
        raise ValidationError(errors)
    return values


def create_room(database: Database, actor: Actor, form: RoomForm) -> RoomDetail:
    actor.require(Permission.MANAGE_SETTINGS)
    values = _validated_room(form)
    with database.unit_of_work(actor) as work:
        _get(work.session, BaseSite, form.base_id, "阵地")
        _unique_name(work.session, Room, str(values["name"]), None, "活动室", base_id=form.base_id)
        room = Room(base_id=form.base_id, **values, retired=False)
        work.session.add(room)
        work.session.flush()
        work.audit(
            "bases.room.create", "bases_room", room.id, None, {"base": form.base_id, **values}
        )
        work.commit()
        return _room_detail(room)


def update_room(database: Database, actor: Actor, room_id: int, form: RoomForm) -> RoomDetail:
    """Rename, resize or change the exclusive flag. A smaller capacity or exclusive use is
    refused while bookings from today on would no longer fit (the booking numbers are named)."""
    from dangqun.bases.rules import room_overloads

    actor.require(Permission.MANAGE_SETTINGS)
    values = _validated_room(form)
    with database.unit_of_work(actor) as work:
        room = _get(work.session, Room, room_id, "活动室")
        _unique_name(
            work.session, Room, str(values["name"]), room_id, "活动室", base_id=room.base_id
        )
        clashes = room_overloads(work.session, room_id, form.capacity, bool(values["exclusive"]))
        if clashes:
            raise ValidationError.single(
                "capacity",
                "已有预约放不下：" + "、".join(clashes[:10]) + "。请先调整这些预约再修改活动室",
            )
        before = {key: getattr(room, key) for key in values}
        for key, value in values.items():
            setattr(room, key, value)
        work.audit("bases.room.update", "bases_room", room_id, before, values)
        work.commit()
        return _room_detail(room)


def set_room_retired(database: Database, actor: Actor, room_id: int, retired: bool) -> None:
    actor.require(Permission.MANAGE_SETTINGS)
    _set_retired(database, actor, Room, room_id, retired, "活动室", "bases.room", "bases_room")


def _validated_material(form: MaterialForm) -> dict[str, object]:
    errors: list[FieldError] = []
    values: dict[str, object] = {
        "name": required_text(errors, "name", "物资名称", form.name, 64),
        "quantity": whole_number(errors, "quantity", "物资数量", form.quantity, 1, MAX_QUANTITY),
    }
    if errors:
        raise ValidationError(errors)
    return values


def create_material(database: Database, actor: Actor, form: MaterialForm) -> MaterialDetail:
    actor.require(Permission.EDIT_RECORDS)
    values = _validated_material(form)
    with database.unit_of_work(actor) as work:
        _get(work.session, BaseSite, form.base_id, "阵地")
        _unique_name(
            work.session, Material, str(values["name"]), None, "物资", base_id=form.base_id
        )
        material = Material(base_id=form.base_id, **values, retired=False)
        work.session.add(material)
        work.session.flush()
        work.audit(
            "bases.material.create",
            "bases_material",
            material.id,
            None,
            {"base": form.base_id, **values},
        )
        work.commit()
        return _material_detail(material)


def update_material(
    database: Database, actor: Actor, material_id: int, form: MaterialForm
) -> MaterialDetail:
    actor.require(Permission.EDIT_RECORDS)
    values = _validated_material(form)
    with database.unit_of_work(actor) as work:
        material = _get(work.session, Material, material_id, "物资")
        _unique_name(
            work.session,
            Material,
            str(values["name"]),
            material_id,
            "物资",
            base_id=material.base_id,
        )
        before = {key: getattr(material, key) for key in values}
        for key, value in values.items():
            setattr(material, key, value)
        work.audit("bases.material.update", "bases_material", material_id, before, values)
        work.commit()
        return _material_detail(material)


def set_material_retired(database: Database, actor: Actor, material_id: int, retired: bool) -> None:
    actor.require(Permission.EDIT_RECORDS)
    _set_retired(
        database, actor, Material, material_id, retired, "物资", "bases.material", "bases_material"
    )


# ---------------------------------------------------------------- lecturers


def _lecturer_values(session: Session, form: LecturerForm) -> dict[str, object]:
    errors: list[FieldError] = []
    given = [
        key for key in ("member_id", "volunteer_id", "name") if getattr(form, key) not in (None, "")
    ]
    if len(given) != 1:
        raise ValidationError.single(
            "member_id", "讲师须是一名党员、一名时间银行志愿者或填写特邀讲师姓名，三者选一"
        )
    values: dict[str, object] = {"member_id": None, "volunteer_id": None, "name": None}
    if form.member_id is not None:
        if session.scalar(select(MEMBERS.c.id).where(MEMBERS.c.id == form.member_id)) is None:
            errors.append(FieldError("member_id", f"党员（编号 {form.member_id}）不存在"))
        values["member_id"] = form.member_id
    elif form.volunteer_id is not None:
        if (
            session.scalar(select(VOLUNTEERS.c.id).where(VOLUNTEERS.c.id == form.volunteer_id))
            is None
        ):
            errors.append(FieldError("volunteer_id", f"志愿者（编号 {form.volunteer_id}）不存在"))
        values["volunteer_id"] = form.volunteer_id
    else:
        name, name_errors, _warnings = check_name(form.name)
        errors.extend(FieldError("name", f"讲师{message}") for message in name_errors)
        values["name"] = name
    topics = tuple(dict.fromkeys(clean_text(topic) for topic in form.topics if clean_text(topic)))
    if len(topics) > MAX_TOPICS or any(len(topic) > 32 for topic in topics):
        errors.append(FieldError("topics", f"擅长主题最多 {MAX_TOPICS} 个，每个不超过 32 个字"))
    values["topics_json"] = json.dumps(list(topics), ensure_ascii=False)
    if errors:
        raise ValidationError(errors)
    return values


def _lecturer_clash(session: Session, values: Mapping[str, object], own_id: int | None) -> None:
    for key, label in (("member_id", "这名党员"), ("volunteer_id", "这名志愿者")):
        if values[key] is None:
            continue
        found = session.scalar(select(Lecturer.id).where(getattr(Lecturer, key) == values[key]))
        if found is not None and found != own_id:
            raise ValidationError.single(key, f"{label}已在讲师团中（讲师编号 {found}）")


def create_lecturer(database: Database, actor: Actor, form: LecturerForm) -> LecturerDetail:
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        values = _lecturer_values(work.session, form)
        _lecturer_clash(work.session, values, None)
        lecturer = Lecturer(**values, retired=False)
        work.session.add(lecturer)
        work.session.flush()
        work.audit(
            "bases.lecturer.create", "bases_lecturer", lecturer.id, None, _lecturer_audit(values)
        )
        work.commit()
        lecturer_id = lecturer.id
    return _lecturers(database, [lecturer_id])[0]


def update_lecturer(
    database: Database, actor: Actor, lecturer_id: int, form: LecturerForm
) -> LecturerDetail:
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        lecturer = _get(work.session, Lecturer, lecturer_id, "讲师")
        values = _lecturer_values(work.session, form)
        _lecturer_clash(work.session, values, lecturer_id)
        before = {key: getattr(lecturer, key) for key in values}
        for key, value in values.items():
            setattr(lecturer, key, value)
        work.audit(
            "bases.lecturer.update",
            "bases_lecturer",
            lecturer_id,
            _lecturer_audit(before),
            _lecturer_audit(values),
        )
        work.commit()
    return _lecturers(database, [lecturer_id])[0]


def set_lecturer_retired(database: Database, actor: Actor, lecturer_id: int, retired: bool) -> None:
    actor.require(Permission.EDIT_RECORDS)
    _set_retired(
        database, actor, Lecturer, lecturer_id, retired, "讲师", "bases.lecturer", "bases_lecturer"
    )


def _lecturer_audit(values: Mapping[str, object]) -> dict[str, object]:
    shown_values = {k: v for k, v in values.items() if k != "topics_json"}
    shown_values["topics"] = json.loads(str(values["topics_json"]))
    return shown_values


def list_lecturers(
    database: Database, actor: Actor, *, include_retired: bool = False
) -> list[LecturerDetail]:
    actor.require(Permission.VIEW)
    with database.reading() as session:
        query = select(Lecturer.id)
        if not include_retired:
            query = query.where(Lecturer.retired.is_(False))
        ids = list(session.scalars(query))
    return sorted(_lecturers(database, ids), key=lambda lecturer: lecturer.name)


def _lecturers(database: Database, ids: Sequence[int]) -> list[LecturerDetail]:
    with database.reading() as session:
        return lecturer_details(session, ids)


def lecturer_details(session: Session, ids: Sequence[int]) -> list[LecturerDetail]:
    """Lecturers by id, their names read from the member or volunteer they are."""
    if not ids:
        return []
    volunteer_member = MEMBERS.alias("volunteer_member")
    rows = session.execute(
        select(
            Lecturer,
            MEMBERS.c.name,
            func.coalesce(VOLUNTEERS.c.name, volunteer_member.c.name),
        )
        .outerjoin(MEMBERS, MEMBERS.c.id == Lecturer.member_id)
        .outerjoin(VOLUNTEERS, VOLUNTEERS.c.id == Lecturer.volunteer_id)
        .outerjoin(volunteer_member, volunteer_member.c.id == VOLUNTEERS.c.member_id)
        .where(Lecturer.id.in_(ids))
    ).all()
    details = {}
    for lecturer, member_name, volunteer_name in rows:
        if lecturer.member_id is not None:
            kind, name = LecturerKind.MEMBER, member_name
        elif lecturer.volunteer_id is not None:
            kind, name = LecturerKind.VOLUNTEER, volunteer_name
        else:
            kind, name = LecturerKind.GUEST, lecturer.name
        details[lecturer.id] = LecturerDetail(
            id=lecturer.id,
            kind=kind,
            name=name or f"讲师 {lecturer.id}",
            member_id=lecturer.member_id,
            volunteer_id=lecturer.volunteer_id,
            topics=tuple(json.loads(lecturer.topics_json)),
            retired=lecturer.retired,
        )
    return [details[i] for i in ids if i in details]


# ---------------------------------------------------------------- menu items


def _menu_values(session: Session, form: MenuItemForm) -> dict[str, object]:
    errors: list[FieldError] = []
    values: dict[str, object] = {
        "name": required_text(errors, "name", "菜单名称", form.name, 64),
        "description": optional_text(errors, "description", "内容介绍", form.description, 5000),
        "duration_minutes": whole_number(
            errors, "duration_minutes", "活动时长（分钟）", form.duration_minutes, 5, 12 * 60
        ),
        "min_group": whole_number(errors, "min_group", "最少人数", form.min_group, 1, MAX_GROUP),
        "max_group": whole_number(errors, "max_group", "最多人数", form.max_group, 1, MAX_GROUP),
    }
    if not errors and form.max_group < form.min_group:
        errors.append(FieldError("max_group", "最多人数不能少于最少人数"))
    lecturers = set(form.lecturer_ids)
    if lecturers:
        known = set(
            session.scalars(
                select(Lecturer.id).where(Lecturer.id.in_(lecturers), Lecturer.retired.is_(False))
            )
        )
        for missing in sorted(lecturers - known):
            errors.append(FieldError("lecturer_ids", f"讲师（编号 {missing}）不存在或已停用"))
    for need in form.materials:
        material = session.get(Material, need.material_id)
        if material is None or material.retired or material.base_id != form.base_id:
            errors.append(
                FieldError("materials", f"物资（编号 {need.material_id}）不是本阵地在用的物资")
            )
        elif not 1 <= need.quantity <= material.quantity:
            errors.append(
                FieldError(
                    "materials",
                    f"物资“{material.name}”的需要数量必须在 1 到 {material.quantity} 之间",
                )
            )
    if len({need.material_id for need in form.materials}) != len(form.materials):
        errors.append(FieldError("materials", "同一种物资只能列一次"))
    if errors:
        raise ValidationError(errors)
    return values


def _write_menu_links(session: Session, item_id: int, form: MenuItemForm) -> None:
    for link in session.scalars(select(MenuLecturer).where(MenuLecturer.menu_item_id == item_id)):
        session.delete(link)
    for need in session.scalars(select(MenuMaterial).where(MenuMaterial.menu_item_id == item_id)):
        session.delete(need)
    session.flush()
    session.add_all(
        MenuLecturer(menu_item_id=item_id, lecturer_id=lecturer_id)
        for lecturer_id in dict.fromkeys(form.lecturer_ids)
    )
    session.add_all(
        MenuMaterial(menu_item_id=item_id, material_id=need.material_id, quantity=need.quantity)
        for need in form.materials
    )


def _menu_audit(values: Mapping[str, object], form: MenuItemForm) -> dict[str, object]:
    return {
        **values,
        "lecturers": list(form.lecturer_ids),
        "materials": {str(need.material_id): need.quantity for need in form.materials},
    }


def create_menu_item(database: Database, actor: Actor, form: MenuItemForm) -> MenuItemDetail:
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        _get(work.session, BaseSite, form.base_id, "阵地")
        values = _menu_values(work.session, form)
        _unique_name(
            work.session, MenuItem, str(values["name"]), None, "特色菜单", base_id=form.base_id
        )
        item = MenuItem(base_id=form.base_id, **values, retired=False)
        work.session.add(item)
        work.session.flush()
        _write_menu_links(work.session, item.id, form)
        work.audit(
            "bases.menu.create",
            "bases_menu_item",
            item.id,
            None,
            {"base": form.base_id, **_menu_audit(values, form)},
        )
        work.commit()
        item_id = item.id
    return _menu_items(database, [item_id])[0]


def update_menu_item(
    database: Database, actor: Actor, item_id: int, form: MenuItemForm
) -> MenuItemDetail:
    """Change a menu item; bookings already taken keep the lecturer and materials they hold."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        item = _get(work.session, MenuItem, item_id, "特色菜单")
        if item.base_id != form.base_id:
            raise ValidationError.single("base_id", "特色菜单不能移到另一个阵地，请在那里新建")
        values = _menu_values(work.session, form)
        _unique_name(
            work.session, MenuItem, str(values["name"]), item_id, "特色菜单", base_id=item.base_id
        )
        before = {key: getattr(item, key) for key in values}
        for key, value in values.items():
            setattr(item, key, value)
        _write_menu_links(work.session, item_id, form)
        work.audit(
            "bases.menu.update", "bases_menu_item", item_id, before, _menu_audit(values, form)
        )
        work.commit()
    return _menu_items(database, [item_id])[0]


def set_menu_item_retired(database: Database, actor: Actor, item_id: int, retired: bool) -> None:
    actor.require(Permission.EDIT_RECORDS)
    _set_retired(
        database, actor, MenuItem, item_id, retired, "特色菜单", "bases.menu", "bases_menu_item"
    )


def list_menu_items(
    database: Database, actor: Actor, base_id: int, *, include_retired: bool = False
) -> list[MenuItemDetail]:
    """A base's 特色菜单 (what the booking dialog offers and the brochure prints)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        query = select(MenuItem.id).where(MenuItem.base_id == base_id).order_by(MenuItem.name)
        if not include_retired:
            query = query.where(MenuItem.retired.is_(False))
        ids = list(session.scalars(query))
    return _menu_items(database, ids)


def _menu_items(database: Database, ids: Sequence[int]) -> list[MenuItemDetail]:
    with database.reading() as session:
        return menu_item_details(session, ids)


def menu_item_details(session: Session, ids: Sequence[int]) -> list[MenuItemDetail]:
    if not ids:
        return []
    items = {
        item.id: item for item in session.scalars(select(MenuItem).where(MenuItem.id.in_(ids)))
    }
    lecturer_links: dict[int, list[int]] = defaultdict(list)
    for item_id, lecturer_id in session.execute(
        select(MenuLecturer.menu_item_id, MenuLecturer.lecturer_id)
        .where(MenuLecturer.menu_item_id.in_(ids))
        .order_by(MenuLecturer.id)
    ):
        lecturer_links[item_id].append(lecturer_id)
    lecturers = {
        lecturer.id: lecturer
        for lecturer in lecturer_details(
            session, sorted({i for links in lecturer_links.values() for i in links})
        )
    }
    needs: dict[int, list[tuple[MaterialDetail, int]]] = defaultdict(list)
    for need, material in session.execute(
        select(MenuMaterial, Material)
        .join(Material, Material.id == MenuMaterial.material_id)
        .where(MenuMaterial.menu_item_id.in_(ids))
        .order_by(Material.name)
    ):
        needs[need.menu_item_id].append((_material_detail(material), need.quantity))
    return [
        MenuItemDetail(
            id=item.id,
            base_id=item.base_id,
            name=item.name,
            description=item.description or "",
            duration_minutes=item.duration_minutes,
            min_group=item.min_group,
            max_group=item.max_group,
            lecturers=tuple(lecturers[i] for i in lecturer_links[item.id] if i in lecturers),
            materials=tuple(needs[item.id]),
            retired=item.retired,
        )
        for item in (items[i] for i in ids if i in items)
    ]


# ---------------------------------------------------------------- reading bases


def list_bases(
    database: Database, actor: Actor, *, include_retired: bool = False
) -> list[BaseDetail]:
    """Every base with its rooms, hours, closed dates and materials, by name."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        query = select(BaseSite).order_by(BaseSite.name)
        if not include_retired:
            query = query.where(BaseSite.retired.is_(False))
        sites = list(session.scalars(query))
        return [_base_detail(session, actor, site, include_retired) for site in sites]


def get_base(database: Database, actor: Actor, base_id: int) -> BaseDetail:
    actor.require(Permission.VIEW)
    with database.reading() as session:
        site = _get(session, BaseSite, base_id, "阵地")
        return _base_detail(session, actor, site, include_retired=True)


def _base_detail(
    session: Session, actor: Actor, site: BaseSite, include_retired: bool
) -> BaseDetail:
    rooms = session.scalars(select(Room).where(Room.base_id == site.id).order_by(Room.id))
    materials = session.scalars(
        select(Material).where(Material.base_id == site.id).order_by(Material.name)
    )
    closures = session.scalars(
        select(Closure).where(Closure.base_id == site.id).order_by(Closure.id)
    )
    hours = session.scalars(select(OpeningHours).where(OpeningHours.base_id == site.id))
    return BaseDetail(
        id=site.id,
        name=site.name,
        base_type=BaseType(site.base_type),
        address=site.address or "",
        contact=site.contact or "",
        phone=site.phone or "",
        introduction=site.introduction or "",
        retired=site.retired,
        rooms=tuple(_room_detail(r) for r in rooms if include_retired or not r.retired),
        hours=_hours_of(hours),
        closures=tuple(ClosureDetail(c.id, closure_rule(c)) for c in closures),
        materials=tuple(_material_detail(m) for m in materials if include_retired or not m.retired),
    )


def closure_rule(closure: Closure) -> ClosureRule:
    return ClosureRule(
        name=closure.name,
        kind=ClosureKind(closure.kind),
        starts_on=closure.starts_on,
        ends_on=closure.ends_on,
        yearly_from=closure.yearly_from,
        yearly_to=closure.yearly_to,
    )


def _hours_of(rows: Iterable[OpeningHours]) -> dict[int, tuple[Interval, ...]]:
    days: dict[int, list[Interval]] = defaultdict(list)
    for row in rows:
        days[row.weekday].append(Interval(row.opens_minute, row.closes_minute))
    return {
        weekday: tuple(sorted(intervals, key=lambda i: i.opens))
        for weekday, intervals in days.items()
    }


def _hours_summary(hours: Mapping[int, Sequence[Interval]]) -> dict[str, str]:
    return {WEEKDAY_LABELS[w]: hours_text(hours[w]) for w in sorted(hours)}


def _room_detail(room: Room) -> RoomDetail:
    return RoomDetail(room.id, room.base_id, room.name, room.capacity, room.exclusive, room.retired)


def _material_detail(material: Material) -> MaterialDetail:
    return MaterialDetail(
        material.id, material.base_id, material.name, material.quantity, material.retired
    )


def _get(session: Session, model: type, record_id: int, label: str):  # type: ignore[no-untyped-def]
    row = session.get(model, record_id)
    if row is None:
        raise NotFound(f"{label}（编号 {record_id}）不存在")
    return row


def _set_retired(
    database: Database,
    actor: Actor,
    model: type,
    record_id: int,
    retired: bool,
    label: str,
    action: str,
    entity: str,
) -> None:
    with database.unit_of_work(actor) as work:
        row = _get(work.session, model, record_id, label)
        if row.retired == retired:
            return
        row.retired = retired
        work.audit(
            f"{action}.{'retire' if retired else 'restore'}",
            entity,
            record_id,
            {"retired": not retired},
            {"retired": retired},
        )
        work.commit()
