"""The report's figures, computed in the district database (issue 17, "Reports").

Every figure is one grouped SQL statement over :class:`~dangqun.district.models.DistrictRecord`
(one per kind of figure, grouped by center), never a loop over rows; deleted rows (tombstones)
never count. The definitions, each the center's own:

* **党员 by kind and category** — members 在册 (status ``active``) whose record the center had
  created by the end of the period. The store holds each member's newest version, so a member
  who left after the period end is no longer counted for that period (the district sees what
  the centers have sent, not their history).
* **双报到** — 在职党员 (kind ``in_service``) on the register as above; those who reported in the
  period (报到 events); their service minutes: time-bank service records 已核实 with a service
  date in the period of volunteers who are in-service members — the minutes the 双报告 sends
  to their home organization (issue 13). A reversed record (已冲正) no longer counts.
* **流动党员** — 流入 / 流出 members on the register, and the 流入登记 / 外出登记 events dated in
  the period.
* **阵地活动** — 批次 and 人次 from actual check-ins: bookings 已签到 or 已完成 on a date in the
  period, with the real headcount, by the visiting organization's type (bases module, issue 14).
* **时间银行** — the ledger's own totals (issue 13, double entry): minutes earned = what the
  issuance account gave out in the period (net of reversed earns), spent = what the catalogue
  account received (net of reversed spends), outstanding = what volunteers and the donation
  pool hold at the period end (minus the issuance and catalogue balances, since every
  transfer's legs sum to zero).
* **三会一课** — :mod:`.compliance`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from dangqun.bases.vocabulary import ORGANIZATION_TYPE_LABELS, BookingStatus
from dangqun.district.models import DistrictCenter, DistrictRecord
from dangqun.district.reports.compliance import BranchCompliance, branch_compliance
from dangqun.district.reports.json_fields import json_integer, json_text
from dangqun.district.reports.periods import Period
from dangqun.members.vocabulary import (
    MEMBER_CATEGORY_LABELS,
    MEMBER_KIND_LABELS,
    MemberCategory,
    MemberKind,
    MemberStatus,
)
from dangqun.timebank.vocabulary import AccountKind, RecordStatus

KIND_LABELS = {kind.value: label for kind, label in MEMBER_KIND_LABELS.items()}
CATEGORY_LABELS = {category.value: label for category, label in MEMBER_CATEGORY_LABELS.items()}
VISITOR_LABELS = {kind.value: label for kind, label in ORGANIZATION_TYPE_LABELS.items()}
VISITED = (BookingStatus.CHECKED_IN.value, BookingStatus.COMPLETED.value)
REPORT_EVENT, FLOATING_IN_EVENT, FLOATING_OUT_EVENT = "report", "floating_in", "floating_out"
"""members.codes.EventType values (a feature's service is what another imports; the district
reads the stored codes)."""


@dataclass(frozen=True)
class Visits:
    """批次 (visits) and 人次 (people, the real headcounts)."""

    visits: int = 0
    people: int = 0

    def __add__(self, other: Visits) -> Visits:
        return Visits(self.visits + other.visits, self.people + other.people)


@dataclass
class CenterFigures:
    """One center's figures for the period (or the district's total: ``center_uuid`` "")."""

    center_uuid: str
    name: str
    division_code: str
    members_by_kind_category: dict[tuple[str, str], int] = field(default_factory=dict)
    dual_reported_in_period: int = 0
    dual_serving: int = 0
    """In-service members with verified service in the period."""
    dual_service_minutes: int = 0
    floating_in_registered: int = 0
    floating_out_registered: int = 0
    visits_by_type: dict[str, Visits] = field(default_factory=dict)
    minutes_earned: int = 0
    minutes_spent: int = 0
    minutes_outstanding: int = 0
    compliance: list[BranchCompliance] = field(default_factory=list)

    def members_of_kind(self, kind: str) -> int:
        return sum(n for (k, _c), n in self.members_by_kind_category.items() if k == kind)

    def members_of_category(self, category: str) -> int:
        return sum(n for (_k, c), n in self.members_by_kind_category.items() if c == category)

    @property
    def members_total(self) -> int:
        return sum(self.members_by_kind_category.values())

    @property
    def dual_registered(self) -> int:
        return self.members_of_kind(MemberKind.IN_SERVICE_REGISTERED.value)

    @property
    def floating_in(self) -> int:
        return self.members_of_kind(MemberKind.FLOATING_IN.value)

    @property
    def floating_out(self) -> int:
        return self.members_of_kind(MemberKind.FLOATING_OUT.value)

    @property
    def visits(self) -> Visits:
        return sum(self.visits_by_type.values(), Visits())

    @property
    def periods_due(self) -> int:
        return sum(branch.periods_due for branch in self.compliance)

    @property
    def periods_held(self) -> int:
        return sum(branch.periods_held for branch in self.compliance)

    @property
    def overdue(self) -> int:
        return sum(len(branch.overdue) for branch in self.compliance)

    @property
    def compliance_rate(self) -> float | None:
        """Share of the schedule's ended periods that had their meeting; None: none ended."""
        return self.periods_held / self.periods_due if self.periods_due else None

    def add(self, other: CenterFigures) -> None:
        for key, count in other.members_by_kind_category.items():
            self.members_by_kind_category[key] = self.members_by_kind_category.get(key, 0) + count
        for type_code, visits in other.visits_by_type.items():
            self.visits_by_type[type_code] = self.visits_by_type.get(type_code, Visits()) + visits
        for name in (
            "dual_reported_in_period",
            "dual_serving",
            "dual_service_minutes",
            "floating_in_registered",
            "floating_out_registered",
            "minutes_earned",
            "minutes_spent",
            "minutes_outstanding",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.compliance.extend(other.compliance)

    def as_json(self) -> dict[str, Any]:
        return {
            "center_uuid": self.center_uuid,
            "name": self.name,
            "division_code": self.division_code,
            "members": {
                "total": self.members_total,
                "by_kind": {k.value: self.members_of_kind(k.value) for k in MemberKind},
                "by_category": {c.value: self.members_of_category(c.value) for c in MemberCategory},
            },
            "dual_registration": {
                "registered": self.dual_registered,
                "reported_in_period": self.dual_reported_in_period,
                "serving": self.dual_serving,
                "service_minutes": self.dual_service_minutes,
            },
            "floating": {
                "in": self.floating_in,
                "out": self.floating_out,
                "in_registered_in_period": self.floating_in_registered,
                "out_registered_in_period": self.floating_out_registered,
            },
            "base_visits": {
                kind: {"visits": v.visits, "people": v.people}
                for kind, v in sorted(self.visits_by_type.items())
            },
            "timebank": {
                "earned": self.minutes_earned,
                "spent": self.minutes_spent,
                "outstanding": self.minutes_outstanding,
            },
            "compliance": {
                "periods_due": self.periods_due,
                "periods_held": self.periods_held,
                "overdue": self.overdue,
                "branches": [branch.as_json() for branch in self.compliance],
            },
        }


@dataclass(frozen=True)
class DistrictReport:
    """What the PDF, the Excel workbook and ``--json`` show: per center, then the total."""

    district_name: str
    period: Period
    today: date
    generated_at: datetime
    centers: list[CenterFigures]
    total: CenterFigures

    def as_json(self) -> dict[str, Any]:
        return {
            "district": self.district_name,
            "period": {
                "code": self.period.code,
                "label": self.period.label,
                "starts_on": self.period.starts_on.isoformat(),
                "ends_on": self.period.ends_on.isoformat(),
            },
            "generated_at": self.generated_at.isoformat(),
            "centers": [center.as_json() for center in self.centers],
            "total": self.total.as_json(),
        }


def _records(alias: Any, table: str) -> Any:
    return and_(alias.table_name == table, alias.deleted.is_(False))


def compute(
    session: Session, dialect: str, district_name: str, period: Period, today: date, now: datetime
) -> DistrictReport:
    """Every figure of the report (see the module docstring), in one read transaction."""
    centers = {
        center.uuid: CenterFigures(center.uuid, center.name, center.division_code)
        for center in session.execute(select(DistrictCenter).order_by(DistrictCenter.name))
        .scalars()
        .all()
    }

    def figures(center_uuid: str) -> CenterFigures | None:
        return centers.get(center_uuid)

    start, end = period.starts_on.isoformat(), period.ends_on.isoformat()
    record = DistrictRecord

    def text(key: str, alias: Any = record) -> Any:
        return json_text(dialect, alias.data, key)

    kind, category = text("kind"), text("category")
    for center_uuid, member_kind, member_category, count in session.execute(
        select(record.center_uuid, kind, category, func.count())
        .where(
            _records(record, "members"),
            text("status") == MemberStatus.ACTIVE.value,
            record.created_at < period.end_instant(),
        )
        .group_by(record.center_uuid, kind, category)
    ):
        if (found := figures(center_uuid)) is not None:
            found.members_by_kind_category[(str(member_kind), str(member_category))] = count

    event_type, occurred_on = text("event_type"), text("occurred_on")
    events = (REPORT_EVENT, FLOATING_IN_EVENT, FLOATING_OUT_EVENT)
    for center_uuid, type_code, count in session.execute(
        select(record.center_uuid, event_type, func.count())
        .where(
            _records(record, "member_events"),
            event_type.in_(events),
            occurred_on.between(start, end),
        )
        .group_by(record.center_uuid, event_type)
    ):
        if (found := figures(center_uuid)) is not None:
            if type_code == REPORT_EVENT:
                found.dual_reported_in_period = count
            elif type_code == FLOATING_IN_EVENT:
                found.floating_in_registered = count
            else:
                found.floating_out_registered = count

    service, volunteer, member = (aliased(DistrictRecord) for _ in range(3))
    served_on = text("served_on", service)
    for center_uuid, minutes, serving in session.execute(
        select(
            service.center_uuid,
            func.coalesce(func.sum(json_integer(dialect, service.data, "minutes")), 0),
            func.count(func.distinct(member.uuid)),
        )
        .select_from(service)
        .join(
            volunteer,
            and_(
                _records(volunteer, "timebank_volunteers"),
                volunteer.uuid == text("volunteer_id", service),
            ),
        )
        .join(
            member,
            and_(_records(member, "members"), member.uuid == text("member_id", volunteer)),
        )
        .where(
            _records(service, "timebank_service_records"),
            text("status", service) == RecordStatus.VERIFIED.value,
            served_on.between(start, end),
            text("kind", member) == MemberKind.IN_SERVICE_REGISTERED.value,
        )
        .group_by(service.center_uuid)
    ):
        if (found := figures(center_uuid)) is not None:
            found.dual_service_minutes, found.dual_serving = int(minutes), serving

    booking, visitor = aliased(DistrictRecord), aliased(DistrictRecord)
    org_type = text("org_type", visitor)
    for center_uuid, type_code, visits, people in session.execute(
        select(
            booking.center_uuid,
            org_type,
            func.count(),
            func.coalesce(func.sum(json_integer(dialect, booking.data, "actual_headcount")), 0),
        )
        .select_from(booking)
        .join(
            visitor,
            and_(
                _records(visitor, "bases_organizations"),
                visitor.uuid == text("organization_id", booking),
            ),
        )
        .where(
            _records(booking, "bases_bookings"),
            text("status", booking).in_(VISITED),
            text("on_date", booking).between(start, end),
        )
        .group_by(booking.center_uuid, org_type)
    ):
        if (found := figures(center_uuid)) is not None:
            found.visits_by_type[str(type_code)] = Visits(visits, int(people))

    _ledger(session, dialect, period, figures)

    for branch in branch_compliance(session, dialect, period, today):
        if (found := figures(branch.center_uuid)) is not None:
            found.compliance.append(branch)

    total = CenterFigures("", "合计", "")
    for center in centers.values():
        total.add(center)
    return DistrictReport(district_name, period, today, now, list(centers.values()), total)


def _ledger(session: Session, dialect: str, period: Period, figures: Any) -> None:
    """The time bank's totals (module docstring). The center's issuance and catalogue accounts
    are read first (three rows a center), so the entries are scanned once with a list."""
    record = DistrictRecord
    accounts: dict[str, str] = {
        uuid: account_kind
        for uuid, account_kind in session.execute(
            select(record.uuid, json_text(dialect, record.data, "kind")).where(
                _records(record, "timebank_accounts"),
                json_text(dialect, record.data, "kind").in_(
                    (AccountKind.ISSUANCE.value, AccountKind.CATALOGUE.value)
                ),
            )
        )
    }
    if not accounts:
        return
    account, booked_on = (
        json_text(dialect, record.data, "account_id"),
        json_text(dialect, record.data, "booked_on"),
    )
    amount = json_integer(dialect, record.data, "amount")
    in_period = func.sum(case((booked_on >= period.starts_on.isoformat(), amount), else_=0))
    totals: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for center_uuid, account_uuid, period_sum, balance in session.execute(
        select(record.center_uuid, account, in_period, func.sum(amount))
        .where(
            _records(record, "timebank_entries"),
            account.in_(sorted(accounts)),
            booked_on <= period.ends_on.isoformat(),
        )
        .group_by(record.center_uuid, account)
    ):
        kind = accounts[account_uuid]
        previous = totals[center_uuid].get(kind, (0, 0))
        totals[center_uuid][kind] = (previous[0] + int(period_sum), previous[1] + int(balance))
    for center_uuid, by_kind in totals.items():
        if (found := figures(center_uuid)) is None:
            continue
        issued = by_kind.get(AccountKind.ISSUANCE.value, (0, 0))
        spent = by_kind.get(AccountKind.CATALOGUE.value, (0, 0))
        found.minutes_earned = -issued[0]
        found.minutes_spent = spent[0]
        found.minutes_outstanding = -(issued[1] + spent[1])
