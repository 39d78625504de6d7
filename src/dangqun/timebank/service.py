"""The time bank's public service: what the UI, the CLI and other features call (issue 13).

Plain dataclasses in and out, never a Session. Every write is one unit of work — check the
permission, validate everything (a :class:`~dangqun.core.errors.ValidationError` whose
:class:`~dangqun.core.errors.FieldError` names the field, in Chinese), write, audit, commit —
so a refused action leaves no trace. Reads need ``Permission.VIEW``; writes
``Permission.EDIT_RECORDS``; the category list ``Permission.MANAGE_SETTINGS``. Personal data
comes masked unless the actor has ``Permission.SEE_PERSONAL_DATA``.

Postings (spend, give, donate, reversal, and the earn a verification makes) carry a
``request_id`` that the UI makes once per dialog: a second call with the same id — a double
click, a retried save — returns the first transfer with ``repeated=True`` and posts nothing; the
same id with a different posting is refused. Postings are booked on the local date (``today``
may name another for imports and tests), never inside a month already closed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dangqun.core.clock import local_today, utc_now
from dangqun.core.db import Database
from dangqun.core.errors import FieldError, NotFound, ValidationError
from dangqun.core.model_base import new_uuid
from dangqun.core.parsing import clean_text
from dangqun.core.security import Actor, Permission, Role
from dangqun.core.settings import get_setting
from dangqun.core.spreadsheets import ImportMode, SheetError, SheetProblem
from dangqun.core.users import User
from dangqun.timebank.importer import ServiceImportReport, import_services
from dangqun.timebank.ledger import (
    Balances,
    Leg,
    LimitCheck,
    account_id_of,
    balances_of,
    center_account_id,
    clean_request_id,
    legs_of,
    limit_check,
    post_transfer,
    refuse_over_limit,
    transfer_by_request,
)
from dangqun.timebank.limits import VERIFIER_RULE
from dangqun.timebank.models import (
    LedgerAccount,
    MonthlyClosing,
    ServiceCategory,
    ServiceRecord,
    Transfer,
    Volunteer,
)
from dangqun.timebank.month_ledger import (
    AccountKindTotal,
    AccountLine,
    KindTotal,
    LedgerLeg,
    LedgerTransfer,
    MonthSummary,
    month_accounts,
    month_summary,
    month_transfers,
)
from dangqun.timebank.overview import MonthOverview, month_overview
from dangqun.timebank.records import (
    ActivityForm,
    BatchRefused,
    BatchRow,
    Planned,
    RowError,
    ServiceForm,
    check_batch,
    check_service,
    new_record,
    record_values,
)
from dangqun.timebank.statements import (
    CategoryMinutes,
    CertificateData,
    ClosingResult,
    Movement,
    PeriodTotals,
    Statement,
    certificate_data,
    close_month,
    statement,
    statement_totals,
)
from dangqun.timebank.vocabulary import (
    RECORD_STATUS_LABELS,
    TRANSFER_KIND_LABELS,
    AccountKind,
    BeneficiaryKind,
    LimitLevel,
    ReceivedKind,
    RecordStatus,
    TransferKind,
    VerifierRule,
    VolunteerStatus,
    hours_in_words,
)
from dangqun.timebank.volunteers import (
    MEMBERS,
    CategoryView,
    VolunteerDetail,
    VolunteerForm,
    apply_volunteer,
    category_name_errors,
    category_views,
    find_volunteer_by_number,
    get_volunteer_row,
    new_volunteer,
    status_change_errors,
    validate_volunteer,
    volunteer_detail,
    volunteer_values,
)

__all__ = [
    "AccountKindTotal",
    "AccountLine",
    "ActivityForm",
    "Balances",
    "BatchRefused",
    "BatchResult",
    "BatchRow",
    "BeneficiaryKind",
    "CategoryMinutes",
    "CategoryView",
    "CertificateData",
    "ClosingResult",
    "ImportMode",
    "KindTotal",
    "LedgerLeg",
    "LedgerTransfer",
    "LimitCheck",
    "LimitLevel",
    "MonthOverview",
    "MonthSummary",
    "Movement",
    "PeriodTotals",
    "PostedTransfer",
    "ReceivedKind",
    "RecordPage",
    "RecordQuery",
    "RecordStatus",
    "RowError",
    "ServiceForm",
    "ServiceImportReport",
    "ServiceRecordView",
    "SheetError",
    "SheetProblem",
    "Statement",
    "TransferKind",
    "TransferView",
    "VolunteerDetail",
    "VolunteerForm",
    "VolunteerPage",
    "VolunteerRow",
    "VolunteerStatus",
    "add_category",
    "certificate_data",
    "check_outgoing",
    "close_month",
    "donate",
    "find_volunteer",
    "get_balances",
    "get_transfer",
    "get_volunteer",
    "give",
    "hours_in_words",
    "import_services",
    "list_categories",
    "list_service_records",
    "list_volunteers",
    "month_accounts",
    "month_overview",
    "month_summary",
    "month_transfers",
    "open_volunteer",
    "record_batch",
    "record_service",
    "reject_service_record",
    "rename_category",
    "reverse_transfer",
    "set_category_retired",
    "set_volunteer_status",
    "spend",
    "statement",
    "statement_totals",
    "update_volunteer",
    "verification_needs_another_user",
    "verify_service_record",
]

MAX_POSTING_MINUTES = 100_000
MAX_REASON_LENGTH = 500


# ---------------------------------------------------------------------------------------------
# Plain data returned


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    number: str
    name: str
    is_member: bool
    status: VolunteerStatus
    balances: Balances
    skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class VolunteerPage:
    total: int
    rows: tuple[VolunteerRow, ...]


@dataclass(frozen=True)
class ServiceRecordView:
    id: int
    volunteer_id: int
    volunteer_number: str
    volunteer_name: str
    beneficiary_kind: BeneficiaryKind
    beneficiary: str
    category_id: int
    category_name: str
    served_on: date
    starts_at: time
    ends_at: time
    crosses_midnight: bool
    minutes: int
    slip_number: str | None
    content: str
    notes: str | None
    status: RecordStatus
    entered_by: str
    decided_by: str | None
    decided_at: datetime | None
    rejection_reason: str | None
    batch_uuid: str | None
    earn_transfer_id: int | None

    @property
    def status_label(self) -> str:
        return RECORD_STATUS_LABELS[self.status]


@dataclass(frozen=True)
class RecordQuery:
    volunteer_id: int | None = None
    status: RecordStatus | None = None
    start: date | None = None
    end: date | None = None
    batch_uuid: str | None = None


@dataclass(frozen=True)
class RecordPage:
    total: int
    rows: tuple[ServiceRecordView, ...]


@dataclass(frozen=True)
class BatchResult:
    batch_uuid: str
    records: tuple[ServiceRecordView, ...]

    @property
    def total_minutes(self) -> int:
        return sum(record.minutes for record in self.records)


@dataclass(frozen=True)
class PostedTransfer:
    """A transfer as posted. ``repeated``: the request id had been used, nothing new posted."""

    id: int
    kind: TransferKind
    request_id: str
    booked_on: date
    minutes: int
    """The minutes moved (the sum of the positive legs)."""
    legs: tuple[Leg, ...]
    service_record_id: int | None
    reverses_id: int | None
    repeated: bool = False

    @property
    def kind_label(self) -> str:
        return TRANSFER_KIND_LABELS[self.kind]


# ---------------------------------------------------------------------------------------------
# Volunteers


def open_volunteer(
    database: Database, actor: Actor, form: VolunteerForm, *, today: date | None = None
) -> VolunteerDetail:
    """Open an account (and its ledger account) for a member or a resident."""
    actor.require(Permission.EDIT_RECORDS)
    today = today or local_today()
    with database.unit_of_work(actor) as work:
        clean = validate_volunteer(work.session, form, today, None)
        volunteer = new_volunteer(work.session, clean, today)
        work.audit(
            "timebank.volunteer.open",
            "timebank_volunteer",
            volunteer.id,
            None,
            volunteer_values(volunteer),
        )
        detail = volunteer_detail(work.session, volunteer, actor)
        work.commit()
    return detail


def update_volunteer(
    database: Database, actor: Actor, volunteer_id: int, form: VolunteerForm
) -> VolunteerDetail:
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        volunteer = get_volunteer_row(work.session, volunteer_id)
        if volunteer.status == VolunteerStatus.CLOSED.value:
            raise ValidationError.single("status", "账户已注销，信息不能再修改（历史记录保留）")
        before = volunteer_values(volunteer)
        clean = validate_volunteer(work.session, form, local_today(), volunteer)
        apply_volunteer(volunteer, clean)
        after = volunteer_values(volunteer)
        if after != before:
            work.audit(
                "timebank.volunteer.update", "timebank_volunteer", volunteer.id, before, after
            )
        work.session.flush()
        detail = volunteer_detail(work.session, volunteer, actor)
        work.commit()
    return detail


def set_volunteer_status(
    database: Database,
    actor: Actor,
    volunteer_id: int,
    status: VolunteerStatus,
    reason: str,
    *,
    today: date | None = None,
) -> VolunteerDetail:
    """Suspend, reactivate or close an account. Closing is final and refused while records
    wait for verification; the history and the balance stay."""
    actor.require(Permission.EDIT_RECORDS)
    reason_text = clean_text(reason)
    with database.unit_of_work(actor) as work:
        volunteer = get_volunteer_row(work.session, volunteer_id)
        errors = status_change_errors(work.session, volunteer, status)
        if not reason_text:
            errors.append(FieldError("reason", "请填写变更账户状态的原因"))
        if errors:
            raise ValidationError(errors)
        before = volunteer.status
        volunteer.status = status.value
        if status is VolunteerStatus.CLOSED:
            volunteer.closed_on = today or local_today()
        work.audit(
            "timebank.volunteer.status",
            "timebank_volunteer",
            volunteer.id,
            {"status": before},
            {"status": status.value, "reason": reason_text},
        )
        work.session.flush()
        detail = volunteer_detail(work.session, volunteer, actor)
        work.commit()
    return detail


def get_volunteer(database: Database, actor: Actor, volunteer_id: int) -> VolunteerDetail:
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return volunteer_detail(session, get_volunteer_row(session, volunteer_id), actor)


def find_volunteer(database: Database, actor: Actor, number: str) -> VolunteerDetail:
    """The account with 志愿者编号 ``number`` (case and spaces ignored), or :class:`NotFound`."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return volunteer_detail(session, find_volunteer_by_number(session, number), actor)


def list_volunteers(
    database: Database,
    actor: Actor,
    text: str = "",
    status: VolunteerStatus | None = None,
    offset: int = 0,
    limit: int = 50,
) -> VolunteerPage:
    """Accounts by number, whose name or number contains ``text`` (or a member volunteer whose
    pinyin starts with it), with their balances and skills."""
    actor.require(Permission.VIEW)
    name = func.coalesce(Volunteer.name, MEMBERS.c.name)
    query = select(
        Volunteer.id,
        Volunteer.number,
        name,
        Volunteer.member_id,
        Volunteer.status,
        Volunteer.skills_json,
    ).outerjoin(MEMBERS, MEMBERS.c.id == Volunteer.member_id)
    wanted = clean_text(text)
    if wanted:
        matches = [
            name.contains(wanted, autoescape=True),
            Volunteer.number.contains(wanted.upper(), autoescape=True),
        ]
        if wanted.isascii() and wanted.isalpha():
            # Pinyin as 党员管理 takes it (``zsf``, ``zhangsan``): members carry indexed keys;
            # residents are found by name or number.
            pinyin = wanted.lower()
            matches.append(MEMBERS.c.pinyin_initials.startswith(pinyin, autoescape=True))
            matches.append(MEMBERS.c.pinyin_full.startswith(pinyin, autoescape=True))
        query = query.where(or_(*matches))
    if status is not None:
        query = query.where(Volunteer.status == status.value)
    with database.reading() as session:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.execute(query.order_by(Volunteer.number).offset(offset).limit(limit)).all()
        return VolunteerPage(
            total,
            tuple(
                VolunteerRow(
                    row[0],
                    row[1],
                    row[2] or "",
                    row[3] is not None,
                    VolunteerStatus(row[4]),
                    balances_of(session, row[0]),
                    tuple(json.loads(row[5])),
                )
                for row in rows
            ),
        )


def get_balances(database: Database, actor: Actor, volunteer_id: int) -> Balances:
    """Served, spendable and pending minutes of one volunteer (three indexed sums)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        get_volunteer_row(session, volunteer_id)
        return balances_of(session, volunteer_id)


def check_outgoing(database: Database, actor: Actor, volunteer_id: int, minutes: int) -> LimitCheck:
    """Would taking ``minutes`` from the volunteer be near or over the limit? For the UI's
    warning before a spend, give or donate is confirmed (the posting refuses OVER itself)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        get_volunteer_row(session, volunteer_id)
        return limit_check(session, account_id_of(session, volunteer_id), minutes)


# ---------------------------------------------------------------------------------------------
# Service categories


def list_categories(
    database: Database, actor: Actor, include_retired: bool = False
) -> list[CategoryView]:
    actor.require(Permission.VIEW)
    with database.reading() as session:
        return category_views(session, include_retired)


def add_category(database: Database, actor: Actor, name: str) -> CategoryView:
    actor.require(Permission.MANAGE_SETTINGS)
    text = clean_text(name)
    with database.unit_of_work(actor) as work:
        errors = category_name_errors(work.session, text, None)
        if errors:
            raise ValidationError(errors)
        last = work.session.scalar(select(func.max(ServiceCategory.sort_order))) or 0
        category = ServiceCategory(name=text, sort_order=last + 1, retired=False)
        work.session.add(category)
        work.session.flush()
        work.audit(
            "timebank.category.create", "timebank_category", category.id, None, {"name": text}
        )
        view = CategoryView(category.id, text, category.sort_order, False, False)
        work.commit()
    return view


def rename_category(database: Database, actor: Actor, category_id: int, name: str) -> CategoryView:
    """A renamed category keeps its records: they name it by id."""
    actor.require(Permission.MANAGE_SETTINGS)
    text = clean_text(name)
    with database.unit_of_work(actor) as work:
        category = _category(work.session, category_id)
        errors = category_name_errors(work.session, text, category_id)
        if errors:
            raise ValidationError(errors)
        if category.name != text:
            work.audit(
                "timebank.category.rename",
                "timebank_category",
                category.id,
                {"name": category.name},
                {"name": text},
            )
            category.name = text
        work.session.flush()
        view = _category_view(work.session, category)
        work.commit()
    return view


def set_category_retired(
    database: Database, actor: Actor, category_id: int, retired: bool
) -> CategoryView:
    """Retire (no new records) or restore a category; a category is never deleted."""
    actor.require(Permission.MANAGE_SETTINGS)
    with database.unit_of_work(actor) as work:
        category = _category(work.session, category_id)
        if category.retired != retired:
            work.audit(
                "timebank.category.retire" if retired else "timebank.category.restore",
                "timebank_category",
                category.id,
                {"retired": category.retired},
                {"retired": retired},
            )
            category.retired = retired
        work.session.flush()
        view = _category_view(work.session, category)
        work.commit()
    return view


def _category(session: Session, category_id: int) -> ServiceCategory:
    category = session.get(ServiceCategory, category_id)
    if category is None:
        raise NotFound("这个服务类别已不存在，请刷新后重试。")
    return category


def _category_view(session: Session, category: ServiceCategory) -> CategoryView:
    used = session.scalar(
        select(ServiceRecord.id).where(ServiceRecord.category_id == category.id).limit(1)
    )
    return CategoryView(
        category.id, category.name, category.sort_order, category.retired, used is not None
    )


# ---------------------------------------------------------------------------------------------
# Service records


def _local_now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def record_service(
    database: Database, actor: Actor, form: ServiceForm, *, now: datetime | None = None
) -> ServiceRecordView:
    """Enter one record (待核实). ``now``: the local time "future" is judged against."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        clean = check_service(work.session, form, now or _local_now(), Planned())
        record = new_record(work.session, actor, clean, None)
        work.session.flush()
        view = _record_view(work.session, record)
        work.audit(
            "timebank.record.create",
            "timebank_service_record",
            record.id,
            None,
            record_values(record, view.volunteer_number, view.category_name),
        )
        work.commit()
    return view


def record_batch(
    database: Database,
    actor: Actor,
    activity: ActivityForm,
    rows: Sequence[BatchRow],
    *,
    now: datetime | None = None,
) -> BatchResult:
    """Enter one activity's records in one transaction: all rows, or none and a
    :class:`BatchRefused` listing each bad row's index, field and reason."""
    actor.require(Permission.EDIT_RECORDS)
    with database.unit_of_work(actor) as work:
        cleaned = check_batch(work.session, activity, rows, now or _local_now())
        batch_uuid = new_uuid()
        records = [new_record(work.session, actor, clean, batch_uuid) for clean in cleaned]
        work.session.flush()
        views = tuple(_record_view(work.session, record) for record in records)
        first = views[0]
        work.audit(
            "timebank.record.batch",
            "timebank_activity",
            batch_uuid,
            None,
            {
                "category": first.category_name,
                "served_on": activity.served_on,
                "beneficiary": first.beneficiary,
                "content": first.content,
                "records": len(views),
                "record_ids": [view.id for view in views],
                "total_minutes": sum(view.minutes for view in views),
            },
        )
        work.commit()
    return BatchResult(batch_uuid, views)


def verification_needs_another_user(database: Database) -> bool:
    """Whether the rule "not the user who entered it" is in force now (setting
    ``timebank_verifier_rule``; "auto": two or more active 管理员/工作人员 accounts)."""
    with database.reading() as session:
        return _verifier_must_differ(session)


def _verifier_must_differ(session: Session) -> bool:
    rule = VerifierRule(get_setting(session, VERIFIER_RULE))
    if rule is not VerifierRule.AUTO:
        return rule is VerifierRule.ALWAYS
    staff = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.is_active.is_(True), User.role.in_([Role.ADMIN.value, Role.STAFF.value]))
    )
    return (staff or 0) >= 2


def _entered_by_actor(record: ServiceRecord, actor: Actor) -> bool:
    if record.entered_by_user_id is not None and actor.user_id is not None:
        return record.entered_by_user_id == actor.user_id
    return record.entered_by == actor.username


def _pending_record(session: Session, record_id: int) -> ServiceRecord:
    record = session.get(ServiceRecord, record_id)
    if record is None:
        raise NotFound("这条服务记录已不存在，请刷新后重试。")
    status = RecordStatus(record.status)
    if status is not RecordStatus.PENDING:
        raise ValidationError.single(
            "status", f"这条服务记录{RECORD_STATUS_LABELS[status]}，不能再核实或退回"
        )
    return record


def verify_service_record(
    database: Database,
    actor: Actor,
    record_id: int,
    request_id: str,
    *,
    today: date | None = None,
) -> PostedTransfer:
    """已核实: the record credits its minutes — an earn transfer (发行 → volunteer) posted in the
    same transaction. Refused for the user who entered it when the verifier rule is on."""
    actor.require(Permission.EDIT_RECORDS)
    request = clean_request_id(request_id)
    with database.unit_of_work(actor) as work:
        session = work.session
        existing = transfer_by_request(session, request)
        if existing is not None:
            if existing.kind == TransferKind.EARN.value and existing.service_record_id == record_id:
                return _posted(session, existing, repeated=True)
            raise _request_reused()
        record = _pending_record(session, record_id)
        if _verifier_must_differ(session) and _entered_by_actor(record, actor):
            raise ValidationError.single(
                "verified_by",
                "这条记录是您录入的，须由另一名工作人员核实（系统设置：服务记录的核实人）",
            )
        volunteer = get_volunteer_row(session, record.volunteer_id)
        if volunteer.status == VolunteerStatus.CLOSED.value:
            raise ValidationError.single(
                "volunteer_id", f"志愿者 {volunteer.number} 的账户已注销，不能记账"
            )
        booked_on = _booking_date(session, today)
        transfer = post_transfer(
            session,
            actor,
            kind=TransferKind.EARN,
            request_id=request,
            booked_on=booked_on,
            legs=[
                Leg(center_account_id(session, AccountKind.ISSUANCE), -record.minutes),
                Leg(account_id_of(session, record.volunteer_id), record.minutes),
            ],
            service_record_id=record.id,
        )
        record.status = RecordStatus.VERIFIED.value
        _decided(record, actor)
        work.audit(
            "timebank.record.verify",
            "timebank_service_record",
            record.id,
            {"status": RecordStatus.PENDING.value},
            {
                "status": RecordStatus.VERIFIED.value,
                "transfer_id": transfer.id,
                "minutes": record.minutes,
            },
        )
        posted = _posted(session, transfer)
        work.commit()
    return posted


def reject_service_record(
    database: Database, actor: Actor, record_id: int, reason: str
) -> ServiceRecordView:
    """已退回: the record never credits anything; the reason is kept with it."""
    actor.require(Permission.EDIT_RECORDS)
    reason_text = clean_text(reason)
    with database.unit_of_work(actor) as work:
        record = _pending_record(work.session, record_id)
        if not reason_text:
            raise ValidationError.single("reason", "请填写退回的原因")
        if len(reason_text) > MAX_REASON_LENGTH:
            raise ValidationError.single("reason", f"退回原因太长（最多 {MAX_REASON_LENGTH} 个字）")
        record.status = RecordStatus.REJECTED.value
        record.rejection_reason = reason_text
        _decided(record, actor)
        work.audit(
            "timebank.record.reject",
            "timebank_service_record",
            record.id,
            {"status": RecordStatus.PENDING.value},
            {"status": RecordStatus.REJECTED.value, "rejection_reason": reason_text},
        )
        work.session.flush()
        view = _record_view(work.session, record)
        work.commit()
    return view


def _decided(record: ServiceRecord, actor: Actor) -> None:
    record.decided_by_user_id = actor.user_id
    record.decided_by = actor.username
    record.decided_at = utc_now()


def list_service_records(
    database: Database, actor: Actor, query: RecordQuery, offset: int = 0, limit: int = 50
) -> RecordPage:
    """Records newest service first; ``query`` narrows by volunteer, status, period, batch."""
    actor.require(Permission.VIEW)
    statement_ = select(ServiceRecord)
    if query.volunteer_id is not None:
        statement_ = statement_.where(ServiceRecord.volunteer_id == query.volunteer_id)
    if query.status is not None:
        statement_ = statement_.where(ServiceRecord.status == query.status.value)
    if query.start is not None:
        statement_ = statement_.where(ServiceRecord.served_on >= query.start)
    if query.end is not None:
        statement_ = statement_.where(ServiceRecord.served_on <= query.end)
    if query.batch_uuid is not None:
        statement_ = statement_.where(ServiceRecord.batch_uuid == query.batch_uuid)
    with database.reading() as session:
        total = session.scalar(select(func.count()).select_from(statement_.subquery())) or 0
        records = session.scalars(
            statement_.order_by(
                ServiceRecord.served_on.desc(),
                ServiceRecord.starts_at.desc(),
                ServiceRecord.id.desc(),
            )
            .offset(offset)
            .limit(limit)
        ).all()
        return RecordPage(total, tuple(_record_view(session, record) for record in records))


def _record_view(session: Session, record: ServiceRecord) -> ServiceRecordView:
    volunteer = session.get(Volunteer, record.volunteer_id)
    category = session.get(ServiceCategory, record.category_id)
    assert volunteer is not None and category is not None
    from dangqun.timebank.volunteers import person_of

    earn = session.scalar(select(Transfer.id).where(Transfer.service_record_id == record.id))
    return ServiceRecordView(
        id=record.id,
        volunteer_id=record.volunteer_id,
        volunteer_number=volunteer.number,
        volunteer_name=person_of(session, volunteer).name,
        beneficiary_kind=BeneficiaryKind(record.beneficiary_kind),
        beneficiary=record.beneficiary,
        category_id=record.category_id,
        category_name=category.name,
        served_on=record.served_on,
        starts_at=record.starts_at,
        ends_at=record.ends_at,
        crosses_midnight=record.crosses_midnight,
        minutes=record.minutes,
        slip_number=record.slip_number,
        content=record.content,
        notes=record.notes,
        status=RecordStatus(record.status),
        entered_by=record.entered_by,
        decided_by=record.decided_by,
        decided_at=record.decided_at,
        rejection_reason=record.rejection_reason,
        batch_uuid=record.batch_uuid,
        earn_transfer_id=earn,
    )


# ---------------------------------------------------------------------------------------------
# Postings


def _request_reused() -> ValidationError:
    return ValidationError.single(
        "request_id", "这个请求编号已用于另一笔不同的记账，请重新打开对话框再试"
    )


def _minutes_errors(minutes: int) -> list[FieldError]:
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        return [FieldError("minutes", "分钟数必须是整数")]
    if minutes <= 0:
        return [FieldError("minutes", "分钟数必须大于 0")]
    if minutes > MAX_POSTING_MINUTES:
        return [FieldError("minutes", f"一次最多 {MAX_POSTING_MINUTES} 分钟")]
    return []


def _booking_date(session: Session, today: date | None) -> date:
    """The posting's date, which must lie after every closed month (a closing never changes)."""
    booked_on = today or local_today()
    last = session.scalar(select(func.max(MonthlyClosing.month)))
    if last is not None and f"{booked_on:%Y-%m}" <= last:
        raise ValidationError.single(
            "booked_on", f"{last} 及以前的月份已结账，不能再记入 {booked_on:%Y-%m-%d}"
        )
    return booked_on


def _posted(session: Session, transfer: Transfer, *, repeated: bool = False) -> PostedTransfer:
    legs = tuple(legs_of(session, transfer.id))
    return PostedTransfer(
        id=transfer.id,
        kind=TransferKind(transfer.kind),
        request_id=transfer.request_id,
        booked_on=transfer.booked_on,
        minutes=sum(leg.amount for leg in legs if leg.amount > 0),
        legs=legs,
        service_record_id=transfer.service_record_id,
        reverses_id=transfer.reverses_id,
        repeated=repeated,
    )


@dataclass(frozen=True)
class TransferView:
    """One transfer as the reversal dialog shows it: what moved, between whom, and whether it
    was reversed already (``reversed_by``) or is itself a reversal (``reverses_id``)."""

    id: int
    kind: TransferKind
    booked_on: date
    minutes: int
    from_account: str
    to_account: str
    received: str | None
    reason: str | None
    posted_by: str
    service_record_id: int | None
    reverses_id: int | None
    reversed_by: int | None

    @property
    def kind_label(self) -> str:
        return TRANSFER_KIND_LABELS[self.kind]


def get_transfer(database: Database, actor: Actor, transfer_id: int) -> TransferView:
    """One transfer with its accounts named (the first leg that gives, the first that takes)."""
    actor.require(Permission.VIEW)
    with database.reading() as session:
        transfer = session.get(Transfer, transfer_id)
        if transfer is None:
            raise NotFound("这笔账目不存在，请刷新后重试。")
        legs = legs_of(session, transfer.id)
        giving = next(leg for leg in legs if leg.amount < 0)
        taking = next(leg for leg in legs if leg.amount > 0)
        return TransferView(
            id=transfer.id,
            kind=TransferKind(transfer.kind),
            booked_on=transfer.booked_on,
            minutes=sum(leg.amount for leg in legs if leg.amount > 0),
            from_account=_account_name(session, giving.account_id),
            to_account=_account_name(session, taking.account_id),
            received=transfer.received,
            reason=transfer.reason,
            posted_by=transfer.posted_by,
            service_record_id=transfer.service_record_id,
            reverses_id=transfer.reverses_id,
            reversed_by=session.scalar(
                select(Transfer.id).where(Transfer.reverses_id == transfer.id)
            ),
        )


def _account_name(session: Session, account_id: int) -> str:
    account = session.get(LedgerAccount, account_id)
    assert account is not None
    return account.name


def _post_between(
    database: Database,
    actor: Actor,
    kind: TransferKind,
    request_id: str,
    volunteer_id: int,
    target: int | AccountKind,
    minutes: int,
    today: date | None,
    *,
    received_kind: ReceivedKind | None = None,
    received: str | None = None,
    reason: str | None = None,
    extra_errors: Sequence[FieldError] = (),
) -> PostedTransfer:
    """Spend, give and donate: ``minutes`` from a volunteer to a volunteer or a center account."""
    actor.require(Permission.EDIT_RECORDS)
    request = clean_request_id(request_id)
    with database.unit_of_work(actor) as work:
        session = work.session
        giver = get_volunteer_row(session, volunteer_id)
        source = account_id_of(session, giver.id)
        if isinstance(target, AccountKind):
            destination = center_account_id(session, target)
            receivers: list[Volunteer] = []
        else:
            receivers = [get_volunteer_row(session, target)]
            destination = account_id_of(session, target)
        legs = (
            [Leg(source, -minutes), Leg(destination, minutes)]
            if not _minutes_errors(minutes)
            else []
        )
        existing = transfer_by_request(session, request)
        if existing is not None:
            if existing.kind == kind.value and legs_of(session, existing.id) == legs:
                return _posted(session, existing, repeated=True)
            raise _request_reused()
        errors = [*_minutes_errors(minutes), *extra_errors]
        for volunteer in (giver, *receivers):
            if volunteer.status != VolunteerStatus.ACTIVE.value:
                errors.append(
                    FieldError(
                        "volunteer_id" if volunteer is giver else "to_volunteer_id",
                        f"志愿者 {volunteer.number} 的账户不是正常状态（暂停或已注销），不能记账",
                    )
                )
        if errors:
            raise ValidationError(errors)
        refuse_over_limit(session, legs, "minutes")
        transfer = post_transfer(
            session,
            actor,
            kind=kind,
            request_id=request,
            booked_on=_booking_date(session, today),
            legs=legs,
            received_kind=None if received_kind is None else received_kind.value,
            received=received,
            reason=reason,
        )
        action = {
            TransferKind.SPEND: "spend",
            TransferKind.GIVE: "give",
            TransferKind.DONATE: "donate",
        }[kind]
        work.audit(
            f"timebank.transfer.{action}",
            "timebank_transfer",
            transfer.id,
            None,
            {
                "kind": kind.value,
                "request_id": request,
                "minutes": minutes,
                "from": _account_name(session, source),
                "to": _account_name(session, destination),
                "received_kind": transfer.received_kind,
                "received": received,
                "reason": reason,
            },
        )
        posted = _posted(session, transfer)
        work.commit()
    return posted


def spend(
    database: Database,
    actor: Actor,
    volunteer_id: int,
    minutes: int,
    received_kind: ReceivedKind,
    received: str,
    request_id: str,
    *,
    today: date | None = None,
) -> PostedTransfer:
    """兑换: minutes to the exchange catalogue, for an item or a service the volunteer received."""
    text = clean_text(received)
    errors = []
    if not text:
        errors.append(FieldError("received", "请填写兑换的物品或服务"))
    elif len(text) > 200:
        errors.append(FieldError("received", "兑换内容太长（最多 200 个字）"))
    return _post_between(
        database,
        actor,
        TransferKind.SPEND,
        request_id,
        volunteer_id,
        AccountKind.CATALOGUE,
        minutes,
        today,
        received_kind=received_kind,
        received=text,
        extra_errors=errors,
    )


def give(
    database: Database,
    actor: Actor,
    volunteer_id: int,
    to_volunteer_id: int,
    minutes: int,
    request_id: str,
    *,
    note: str | None = None,
    today: date | None = None,
) -> PostedTransfer:
    """转赠: minutes to another volunteer (a relative, anyone); never to oneself."""
    errors = []
    if volunteer_id == to_volunteer_id:
        errors.append(FieldError("to_volunteer_id", "不能转赠给自己，请选择另一名志愿者"))
    return _post_between(
        database,
        actor,
        TransferKind.GIVE,
        request_id,
        volunteer_id,
        to_volunteer_id,
        minutes,
        today,
        reason=clean_text(note) or None,
        extra_errors=errors,
    )


def donate(
    database: Database,
    actor: Actor,
    volunteer_id: int,
    minutes: int,
    request_id: str,
    *,
    today: date | None = None,
) -> PostedTransfer:
    """捐赠: minutes to the center's 公益池."""
    return _post_between(
        database,
        actor,
        TransferKind.DONATE,
        request_id,
        volunteer_id,
        AccountKind.DONATION_POOL,
        minutes,
        today,
    )


def reverse_transfer(
    database: Database,
    actor: Actor,
    transfer_id: int,
    reason: str,
    request_id: str,
    *,
    today: date | None = None,
) -> PostedTransfer:
    """冲正: a linked counter-transfer with every leg negated; the original stays.

    A transfer is reversed at most once (``reverses_id`` is unique) and a reversal is never
    reversed. Reversing an earn turns its record 已冲正: it no longer counts as served, nor for
    overlaps and caps. Limits hold: a reversal that would take a volunteer below the floor
    (minutes already spent) is refused. A closed account takes part in none.
    """
    actor.require(Permission.EDIT_RECORDS)
    request = clean_request_id(request_id)
    reason_text = clean_text(reason)
    with database.unit_of_work(actor) as work:
        session = work.session
        existing = transfer_by_request(session, request)
        if existing is not None:
            if existing.kind == TransferKind.REVERSAL.value and existing.reverses_id == transfer_id:
                return _posted(session, existing, repeated=True)
            raise _request_reused()
        original = session.get(Transfer, transfer_id)
        if original is None:
            raise NotFound("这笔账目不存在，请刷新后重试。")
        errors: list[FieldError] = []
        if original.kind == TransferKind.REVERSAL.value:
            errors.append(FieldError("transfer_id", "冲正账目不能再冲正"))
        earlier = session.scalar(select(Transfer.id).where(Transfer.reverses_id == original.id))
        if earlier is not None:
            errors.append(
                FieldError(
                    "transfer_id", f"这笔账目已冲正过（冲正账目编号 {earlier}），不能重复冲正"
                )
            )
        if not reason_text:
            errors.append(FieldError("reason", "请填写冲正的原因"))
        elif len(reason_text) > MAX_REASON_LENGTH:
            errors.append(FieldError("reason", f"冲正原因太长（最多 {MAX_REASON_LENGTH} 个字）"))
        legs = [Leg(leg.account_id, -leg.amount) for leg in legs_of(session, original.id)]
        for leg in legs:
            account = session.get(LedgerAccount, leg.account_id)
            assert account is not None
            if account.volunteer_id is not None:
                volunteer = get_volunteer_row(session, account.volunteer_id)
                if volunteer.status == VolunteerStatus.CLOSED.value:
                    errors.append(
                        FieldError(
                            "transfer_id", f"志愿者 {volunteer.number} 的账户已注销，不能冲正"
                        )
                    )
        if errors:
            raise ValidationError(errors)
        refuse_over_limit(session, legs, "transfer_id")
        reversal = post_transfer(
            session,
            actor,
            kind=TransferKind.REVERSAL,
            request_id=request,
            booked_on=_booking_date(session, today),
            legs=legs,
            reverses_id=original.id,
            reason=reason_text,
        )
        if original.service_record_id is not None:
            record = session.get(ServiceRecord, original.service_record_id)
            assert record is not None
            record.status = RecordStatus.REVERSED.value
        work.audit(
            "timebank.transfer.reverse",
            "timebank_transfer",
            reversal.id,
            None,
            {
                "kind": TransferKind.REVERSAL.value,
                "request_id": request,
                "reverses": original.id,
                "reason": reason_text,
                "minutes": sum(leg.amount for leg in legs if leg.amount > 0),
                "service_record_id": original.service_record_id,
            },
        )
        posted = _posted(session, reversal)
        work.commit()
    return posted
