"""Service records: entering, checking and deciding them (issue 13, "Service records", "Bad input").

A record says who served (a volunteer), whom or what for, in which category, on which date from
which local time to which, for how many minutes, on which paper slip. Minutes are computed from
the times; a person may lower them only in 15-minute steps and never above the span. A service
across midnight must be declared (``crosses_midnight``): "22:00–02:00" typed by mistake for
"12:00–14:00" must not silently become four hours.

Refused, each with a Chinese message naming the field, before anything is written: zero or
negative duration, end before start, across midnight undeclared, a service in the future,
overlapping services of one volunteer (pending or verified), more than 24 hours in one service
date or above the daily cap (and the yearly cap when set), a slip number used before, a retired
category, an account that is not active. A batch (one activity, many volunteers) checks each row
against the database *and* the rows before it, and reports every problem with its row index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangqun.core.errors import FieldError, ValidationError
from dangqun.core.parsing import clean_text
from dangqun.core.security import Actor
from dangqun.core.settings import get_setting
from dangqun.timebank.limits import (
    DAILY_CAP_MINUTES,
    MINUTES_IN_A_DAY,
    YEARLY_CAP_MINUTES,
)
from dangqun.timebank.models import ServiceCategory, ServiceRecord, Volunteer
from dangqun.timebank.vocabulary import (
    OCCUPYING_STATUSES,
    VOLUNTEER_STATUS_LABELS,
    BeneficiaryKind,
    RecordStatus,
    VolunteerStatus,
    hours_in_words,
)

MINUTE_STEP = 15
MAX_SLIP_LENGTH = 32
MAX_BENEFICIARY_LENGTH = 200
MAX_CONTENT_LENGTH = 2000


@dataclass(frozen=True)
class ServiceForm:
    """One service record as a form or an import row gives it."""

    volunteer_id: int
    category_id: int
    served_on: date
    starts_at: time
    ends_at: time
    beneficiary_kind: BeneficiaryKind
    beneficiary: str
    content: str
    minutes: int | None = None
    """None: the span from start to end. Otherwise at most the span, in 15-minute steps."""
    crosses_midnight: bool = False
    slip_number: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class ActivityForm:
    """What a batch's rows share: one activity (issue 13, "Batch entry")."""

    category_id: int
    served_on: date
    beneficiary_kind: BeneficiaryKind
    beneficiary: str
    content: str
    notes: str | None = None


@dataclass(frozen=True)
class BatchRow:
    """One volunteer's line of a batch."""

    volunteer_id: int
    starts_at: time
    ends_at: time
    minutes: int | None = None
    crosses_midnight: bool = False
    slip_number: str | None = None


@dataclass(frozen=True)
class RowError:
    """``row``: 0-based index in the batch; ``field``: the :class:`BatchRow` field."""

    row: int
    field: str
    message: str


class BatchRefused(ValidationError):
    """A batch with any bad row saves nothing; ``row_errors`` says where each problem is.

    As a :class:`ValidationError` its :class:`FieldError` fields read ``rows[3].ends_at`` (or a
    field of the :class:`ActivityForm`) and its messages ``第 4 行：……`` for a message box.
    """

    def __init__(self, activity_errors: list[FieldError], row_errors: list[RowError]) -> None:
        self.activity_errors = list(activity_errors)
        self.row_errors = list(row_errors)
        super().__init__(
            self.activity_errors
            + [
                FieldError(
                    f"rows[{error.row}].{error.field}", f"第 {error.row + 1} 行：{error.message}"
                )
                for error in self.row_errors
            ]
        )


@dataclass(frozen=True)
class CleanService:
    volunteer_id: int
    category_id: int
    served_on: date
    starts_at: time
    ends_at: time
    crosses_midnight: bool
    minutes: int
    beneficiary_kind: BeneficiaryKind
    beneficiary: str
    content: str
    slip_number: str | None
    notes: str | None

    @property
    def start_minute(self) -> int:
        """Minutes since an epoch: intervals of different days compare directly."""
        return self.served_on.toordinal() * MINUTES_IN_A_DAY + _minute_of_day(self.starts_at)

    @property
    def end_minute(self) -> int:
        return self.start_minute + span_minutes(self.starts_at, self.ends_at, self.crosses_midnight)


@dataclass
class Planned:
    """What earlier rows of the same batch already claim (overlaps, caps, slip numbers)."""

    services: list[CleanService] = field(default_factory=list)
    stored_slips: dict[str, date] | None = None
    """Slip number → service date of the stored records using it, when the caller read them
    all beforehand (an import reads its sheet's slips in one query); None: ask per slip."""
    _caps: tuple[int, int] | None = None

    def caps(self, session: Session) -> tuple[int, int]:
        """(daily, yearly) cap in minutes, read once per batch: the rows of one transaction
        are judged by the same settings, and a 2,000-row sheet does not read them 4,000 times."""
        if self._caps is None:
            self._caps = (
                int(get_setting(session, DAILY_CAP_MINUTES)),
                int(get_setting(session, YEARLY_CAP_MINUTES)),
            )
        return self._caps

    @property
    def slips(self) -> set[str]:
        return {service.slip_number for service in self.services if service.slip_number}


def _minute_of_day(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def span_minutes(starts_at: time, ends_at: time, crosses_midnight: bool) -> int:
    """Minutes from start to end; across midnight adds a day."""
    span = _minute_of_day(ends_at) - _minute_of_day(starts_at)
    return span + MINUTES_IN_A_DAY if crosses_midnight else span


def _text(
    errors: list[FieldError], field: str, label: str, value: str | None, limit: int, required: bool
) -> str:
    text = clean_text(value)
    if required and not text:
        errors.append(FieldError(field, f"请填写{label}"))
    elif len(text) > limit:
        errors.append(FieldError(field, f"{label}太长（最多 {limit} 个字）"))
    return text


def _time_errors(
    starts_at: time, ends_at: time, crosses_midnight: bool, minutes: int | None
) -> tuple[int, list[FieldError]]:
    """(minutes to record, errors) from the times and an optional edited duration."""
    span = span_minutes(starts_at, ends_at, crosses_midnight)
    if crosses_midnight and span > MINUTES_IN_A_DAY:
        return 0, [
            FieldError(
                "ends_at",
                "跨午夜的服务结束时间应早于开始时间（如 22:00 至次日 02:00），否则超过 24 小时",
            )
        ]
    if span == 0 or (crosses_midnight and span == MINUTES_IN_A_DAY):
        return 0, [FieldError("ends_at", "结束时间与开始时间相同，服务时长为 0")]
    if span < 0:
        return 0, [
            FieldError(
                "ends_at",
                f"结束时间 {ends_at:%H:%M} 早于开始时间 {starts_at:%H:%M}；"
                "如服务跨过午夜，请勾选“跨午夜”",
            )
        ]
    if minutes is None:
        return span, []
    if minutes <= 0:
        return 0, [FieldError("minutes", "服务时长必须大于 0 分钟")]
    if minutes > span:
        return 0, [FieldError("minutes", f"服务时长 {minutes} 分钟超过开始到结束的 {span} 分钟")]
    if minutes != span and minutes % MINUTE_STEP:
        return 0, [
            FieldError("minutes", f"服务时长只能按 {MINUTE_STEP} 分钟调整（如 45、60、75 分钟）")
        ]
    return minutes, []


def _volunteer_errors(session: Session, volunteer_id: int) -> list[FieldError]:
    volunteer = session.get(Volunteer, volunteer_id)
    if volunteer is None:
        return [FieldError("volunteer_id", "所选志愿者已不存在，请重新选择")]
    status = VolunteerStatus(volunteer.status)
    if status is not VolunteerStatus.ACTIVE:
        return [
            FieldError(
                "volunteer_id",
                f"志愿者 {volunteer.number} 的账户{VOLUNTEER_STATUS_LABELS[status]}，不能登记新的服务",
            )
        ]
    return []


def _category_errors(session: Session, category_id: int) -> list[FieldError]:
    category = session.get(ServiceCategory, category_id)
    if category is None:
        return [FieldError("category_id", "所选服务类别已不存在，请重新选择")]
    if category.retired:
        return [FieldError("category_id", f"服务类别“{category.name}”已停用，请选择其他类别")]
    return []


def _occupying(session: Session, volunteer_id: int, first: date, last: date) -> list[ServiceRecord]:
    return list(
        session.scalars(
            select(ServiceRecord).where(
                ServiceRecord.volunteer_id == volunteer_id,
                ServiceRecord.served_on >= first,
                ServiceRecord.served_on <= last,
                ServiceRecord.status.in_(OCCUPYING_STATUSES),
            )
        )
    )


def _as_clean(record: ServiceRecord) -> CleanService:
    return CleanService(
        record.volunteer_id,
        record.category_id,
        record.served_on,
        record.starts_at,
        record.ends_at,
        record.crosses_midnight,
        record.minutes,
        BeneficiaryKind(record.beneficiary_kind),
        record.beneficiary,
        record.content,
        record.slip_number,
        record.notes,
    )


def _describe(service: CleanService) -> str:
    slip = f"，登记单号 {service.slip_number}" if service.slip_number else ""
    return f"{service.served_on:%Y-%m-%d} {service.starts_at:%H:%M}–{service.ends_at:%H:%M}{slip}"


def _schedule_errors(session: Session, service: CleanService, planned: Planned) -> list[FieldError]:
    """Overlaps and the daily / yearly caps, against stored and planned services."""
    day = service.served_on
    stored = [
        _as_clean(record)
        for record in _occupying(
            session, service.volunteer_id, day - timedelta(days=1), day + timedelta(days=1)
        )
    ]
    others = stored + [o for o in planned.services if o.volunteer_id == service.volunteer_id]
    for other in others:
        if service.start_minute < other.end_minute and other.start_minute < service.end_minute:
            return [FieldError("starts_at", f"与这名志愿者 {_describe(other)} 的服务时间重叠")]
    # The day's stored minutes from the records just read (the day lies inside their span).
    stored_day = sum(other.minutes for other in stored if other.served_on == day)
    day_total = (
        stored_day
        + sum(
            o.minutes
            for o in planned.services
            if o.volunteer_id == service.volunteer_id and o.served_on == day
        )
        + service.minutes
    )
    if day_total > MINUTES_IN_A_DAY:
        return [
            FieldError(
                "minutes",
                f"这名志愿者 {day:%Y-%m-%d} 的服务合计 {hours_in_words(day_total)}，超过 24 小时",
            )
        ]
    daily_cap, yearly_cap = planned.caps(session)
    if day_total > daily_cap:
        return [
            FieldError(
                "minutes",
                f"这名志愿者 {day:%Y-%m-%d} 的服务合计 {hours_in_words(day_total)}，"
                f"超过每日上限 {hours_in_words(daily_cap)}",
            )
        ]
    if yearly_cap:
        stored_year = session.scalar(
            select(func.coalesce(func.sum(ServiceRecord.minutes), 0)).where(
                ServiceRecord.volunteer_id == service.volunteer_id,
                ServiceRecord.served_on >= date(day.year, 1, 1),
                ServiceRecord.served_on <= date(day.year, 12, 31),
                ServiceRecord.status.in_(OCCUPYING_STATUSES),
            )
        )
        year_total = (
            int(stored_year or 0)
            + sum(
                o.minutes
                for o in planned.services
                if o.volunteer_id == service.volunteer_id and o.served_on.year == day.year
            )
            + service.minutes
        )
        if year_total > yearly_cap:
            return [
                FieldError(
                    "minutes",
                    f"这名志愿者 {day.year} 年的服务合计 {hours_in_words(year_total)}，"
                    f"超过每年上限 {hours_in_words(yearly_cap)}",
                )
            ]
    return []


def _slip_errors(session: Session, slip: str | None, planned: Planned) -> list[FieldError]:
    if slip is None:
        return []
    if len(slip) > MAX_SLIP_LENGTH:
        return [FieldError("slip_number", f"登记单号太长（最多 {MAX_SLIP_LENGTH} 个字符）")]
    if slip in planned.slips:
        return [FieldError("slip_number", f"登记单号 {slip} 在本批中重复")]
    if planned.stored_slips is not None:
        used = planned.stored_slips.get(slip)
    else:
        used = session.scalar(
            select(ServiceRecord.served_on).where(ServiceRecord.slip_number == slip)
        )
    if used is not None:
        return [
            FieldError(
                "slip_number",
                f"登记单号 {slip} 已登记过（{used:%Y-%m-%d} 的服务），同一张登记单不能录入两次",
            )
        ]
    return []


def check_service(
    session: Session, form: ServiceForm, now: datetime, planned: Planned
) -> CleanService:
    """Every rule for one record; raises :class:`ValidationError` with all problems found."""
    errors: list[FieldError] = []
    errors += _volunteer_errors(session, form.volunteer_id)
    errors += _category_errors(session, form.category_id)
    beneficiary = _text(
        errors, "beneficiary", "服务对象", form.beneficiary, MAX_BENEFICIARY_LENGTH, True
    )
    content = _text(errors, "content", "服务内容", form.content, MAX_CONTENT_LENGTH, True)
    notes = _text(errors, "notes", "备注", form.notes, MAX_CONTENT_LENGTH, False) or None
    slip = clean_text(form.slip_number).upper() or None
    errors += _slip_errors(session, slip, planned)
    minutes, time_errors = _time_errors(
        form.starts_at, form.ends_at, form.crosses_midnight, form.minutes
    )
    errors += time_errors
    today = now.date()
    if form.served_on > today:
        errors.append(
            FieldError(
                "served_on", f"服务日期 {form.served_on:%Y-%m-%d} 晚于今天，不能登记未来的服务"
            )
        )
    elif not time_errors:
        ends = datetime.combine(form.served_on, form.starts_at) + timedelta(
            minutes=span_minutes(form.starts_at, form.ends_at, form.crosses_midnight)
        )
        if ends > now:
            errors.append(
                FieldError(
                    "ends_at", f"服务结束时间 {ends:%Y-%m-%d %H:%M} 还没有到，不能登记未来的服务"
                )
            )
    if errors:
        raise ValidationError(errors)
    clean = CleanService(
        form.volunteer_id,
        form.category_id,
        form.served_on,
        form.starts_at,
        form.ends_at,
        form.crosses_midnight,
        minutes,
        form.beneficiary_kind,
        beneficiary,
        content,
        slip,
        notes,
    )
    schedule = _schedule_errors(session, clean, planned)
    if schedule:
        raise ValidationError(schedule)
    return clean


def check_batch(
    session: Session, activity: ActivityForm, rows: Sequence[BatchRow], now: datetime
) -> list[CleanService]:
    """Every row checked against the database and the rows before it; all or nothing."""
    activity_errors: list[FieldError] = []
    if not rows:
        activity_errors.append(FieldError("rows", "请至少添加一名志愿者"))
    activity_errors += _category_errors(session, activity.category_id)
    _text(
        activity_errors,
        "beneficiary",
        "服务对象",
        activity.beneficiary,
        MAX_BENEFICIARY_LENGTH,
        True,
    )
    _text(activity_errors, "content", "服务内容", activity.content, MAX_CONTENT_LENGTH, True)
    if activity.served_on > now.date():
        activity_errors.append(
            FieldError(
                "served_on", f"服务日期 {activity.served_on:%Y-%m-%d} 晚于今天，不能登记未来的服务"
            )
        )
    if activity_errors:
        raise BatchRefused(activity_errors, [])
    planned = Planned()
    row_errors: list[RowError] = []
    for index, row in enumerate(rows):
        form = ServiceForm(
            volunteer_id=row.volunteer_id,
            category_id=activity.category_id,
            served_on=activity.served_on,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            beneficiary_kind=activity.beneficiary_kind,
            beneficiary=activity.beneficiary,
            content=activity.content,
            minutes=row.minutes,
            crosses_midnight=row.crosses_midnight,
            slip_number=row.slip_number,
            notes=activity.notes,
        )
        try:
            planned.services.append(check_service(session, form, now, planned))
        except ValidationError as refused:
            row_errors += [RowError(index, error.field, error.message) for error in refused.errors]
    if row_errors:
        raise BatchRefused([], row_errors)
    return planned.services


def new_record(
    session: Session, actor: Actor, clean: CleanService, batch_uuid: str | None
) -> ServiceRecord:
    """A checked service as a 待核实 record entered by ``actor``, added to ``session`` (one
    form, a batch's rows and a sign-in sheet's rows alike)."""
    record = ServiceRecord(
        volunteer_id=clean.volunteer_id,
        beneficiary_kind=clean.beneficiary_kind.value,
        beneficiary=clean.beneficiary,
        category_id=clean.category_id,
        served_on=clean.served_on,
        starts_at=clean.starts_at,
        ends_at=clean.ends_at,
        crosses_midnight=clean.crosses_midnight,
        minutes=clean.minutes,
        slip_number=clean.slip_number,
        content=clean.content,
        notes=clean.notes,
        status=RecordStatus.PENDING.value,
        batch_uuid=batch_uuid,
        entered_by_user_id=actor.user_id,
        entered_by=actor.username,
    )
    session.add(record)
    return record


def record_values(
    record: ServiceRecord, volunteer_number: str, category_name: str
) -> dict[str, object]:
    """What the audit log keeps of a record."""
    return {
        "volunteer": volunteer_number,
        "beneficiary_kind": record.beneficiary_kind,
        "beneficiary": record.beneficiary,
        "category": category_name,
        "served_on": record.served_on,
        "starts_at": f"{record.starts_at:%H:%M}",
        "ends_at": f"{record.ends_at:%H:%M}",
        "crosses_midnight": record.crosses_midnight,
        "minutes": record.minutes,
        "slip_number": record.slip_number,
        "content": record.content,
        "notes": record.notes,
        "status": record.status,
    }
