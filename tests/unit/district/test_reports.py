"""The district report (issue 17) on SQLite and PostgreSQL: each figure from hand-made store
rows whose answer is known — the period's edges, deleted rows, statuses that do not count — the
dialect helper, the period parser, and the PDF and Excel files it writes."""

from __future__ import annotations

import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import insert, select

from dangqun.core.errors import ValidationError
from dangqun.district import service as district
from dangqun.district.models import (
    DistrictAuditEntry,
    DistrictCenter,
    DistrictIdentity,
    DistrictRecord,
)
from dangqun.district.reports import service as reports
from dangqun.district.reports.json_fields import json_integer, json_text
from tests.unit.district.databases import BACKENDS, district_database_url

TODAY = date(2026, 10, 15)
PERIOD = "2026-Q3"
BEFORE = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)


class Store:
    """Rows of one center's synced tables, as the loader would keep them."""

    def __init__(self, center: str) -> None:
        self.center = center
        self.rows: list[dict[str, Any]] = []

    def add(
        self,
        table: str,
        created_at: datetime = BEFORE,
        deleted: bool = False,
        **data: Any,
    ) -> str:
        record_uuid = str(uuid.uuid4())
        self.rows.append(
            {
                "center_uuid": self.center,
                "table_name": table,
                "uuid": record_uuid,
                "change_seq": len(self.rows) + 1,
                "database_id": "db-" + self.center[:8],
                "package_seq": 1,
                "created_at": created_at,
                "updated_at": created_at,
                "deleted": deleted,
                "deleted_at": None,
                "data": data,
            }
        )
        return record_uuid


def member(store: Store, kind: str, category: str = "full", **extra: Any) -> str:
    values = {"name": "某某", "kind": kind, "category": category, "status": "active"} | extra
    return store.add("members", **values)


def first_center(store: Store) -> None:
    """Center A: every figure with rows that count and rows that must not (see the asserts)."""
    local = member(store, "local")
    in_service = member(store, "in_service")
    probationary = member(store, "in_service", "probationary")
    member(store, "floating_in")
    member(store, "floating_out")
    member(store, "retired", status="transferred_out")
    member(store, "local", deleted=True)
    member(store, "local", created_at=datetime(2026, 10, 5, 2, 0, tzinfo=UTC))
    for event_type, day in (
        ("report", "2026-07-10"),
        ("floating_in", "2026-08-02"),
        ("floating_in", "2026-06-30"),
        ("floating_out", "2026-09-30"),
        ("created", "2026-08-01"),
    ):
        store.add("member_events", member_id=in_service, event_type=event_type, occurred_on=day)

    volunteers = {
        who: store.add("timebank_volunteers", member_id=who, number=str(n))
        for n, who in enumerate((local, in_service, probationary))
    }
    for who, status, minutes, day in (
        (in_service, "verified", 120, "2026-07-05"),
        (in_service, "verified", 60, "2026-10-01"),
        (probationary, "rejected", 90, "2026-08-01"),
        (probationary, "reversed", 30, "2026-08-02"),
        (probationary, "verified", 15, "2026-09-30"),
        (local, "verified", 45, "2026-08-01"),
    ):
        store.add(
            "timebank_service_records",
            volunteer_id=volunteers[who],
            status=status,
            minutes=minutes,
            served_on=day,
        )

    branch_visitors = store.add("bases_organizations", name="甲支部", org_type="branch")
    two_new = store.add("bases_organizations", name="乙公司", org_type="two_new")
    for visitor, status, day, people in (
        (branch_visitors, "checked_in", "2026-07-01", 10),
        (branch_visitors, "completed", "2026-08-01", 12),
        (branch_visitors, "cancelled", "2026-08-02", None),
        (two_new, "completed", "2026-09-30", 5),
        (two_new, "completed", "2026-10-01", 7),
        (two_new, "confirmed", "2026-07-15", None),
    ):
        store.add(
            "bases_bookings",
            organization_id=visitor,
            status=status,
            on_date=day,
            headcount=20,
            actual_headcount=people,
        )

    issuance = store.add("timebank_accounts", kind="issuance", name="发行")
    catalogue = store.add("timebank_accounts", kind="catalogue", name="兑换目录")
    own = store.add("timebank_accounts", kind="volunteer", name="志愿者")
    for day, legs in (
        ("2026-06-01", ((issuance, -100), (own, 100))),
        ("2026-07-10", ((issuance, -200), (own, 200))),
        ("2026-08-10", ((own, -50), (catalogue, 50))),
        ("2026-09-01", ((issuance, 20), (own, -20))),
        ("2026-10-02", ((issuance, -70), (own, 70))),
    ):
        for account, amount in legs:
            store.add("timebank_entries", account_id=account, amount=amount, booked_on=day)

    store.add("organizations", name="翠湖社区党委", level="community", parent_id=None)
    first = store.add("organizations", name="第一网格党支部", level="grid_branch", parent_id=None)
    group = store.add("organizations", name="一号楼党小组", level="building_group", parent_id=first)
    second = store.add("organizations", name="第二网格党支部", level="grid_branch", parent_id=None)
    for organization, meeting_type, day, deleted in (
        (first, "general_meeting", "2026-08-15", False),
        (first, "committee", "2026-07-03", False),
        (first, "committee", "2026-08-03", False),
        (first, "committee", "2026-09-03", False),
        (group, "group_meeting", "2026-07-20", False),
        (group, "group_meeting", "2026-08-20", False),
        (first, "party_lesson", "2026-09-01", False),
        (first, "theme_day", "2026-07-01", False),
        (first, "theme_day", "2026-08-01", False),
        (first, "theme_day", "2026-09-01", False),
        (second, "general_meeting", "2026-07-07", True),
    ):
        store.add(
            "minutes_meetings",
            deleted=deleted,
            organization_id=organization,
            meeting_type=meeting_type,
            on_date=day,
        )


def build_district(url: str) -> Any:
    db = district.open_district(url, create=True)
    centers = [str(uuid.uuid4()), str(uuid.uuid4())]
    first, second = Store(centers[0]), Store(centers[1])
    first_center(first)
    member(second, "local", "probationary")
    with db.writing() as session:
        session.add(
            DistrictIdentity(
                id=1,
                name="五华区委组织部",
                signing_fingerprint="s" * 64,
                encryption_fingerprint="e" * 64,
                created_at=BEFORE,
            )
        )
        for number, (center, name) in enumerate(
            zip(centers, ("翠湖社区党群服务中心", "华山社区党群服务中心"), strict=True)
        ):
            session.add(
                DistrictCenter(
                    uuid=center,
                    name=name,
                    division_code=f"53010200100{number + 1}",
                    public_key="{}",
                    fingerprint=str(number) * 64,
                    registered_at=BEFORE,
                )
            )
        session.execute(insert(DistrictRecord), first.rows + second.rows)
        session.commit()
    db.first_center = centers[0]  # type: ignore[attr-defined]
    return db


@pytest.fixture(scope="module", params=BACKENDS)
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp(f"district-{request.param}")
    for url in district_database_url(request.param, folder):
        db = build_district(url)
        report = reports.district_report(db, reports.parse_period(PERIOD), today=TODAY)
        yield db, report
        db.dispose()


@pytest.fixture
def figures(built: Any) -> Any:
    db, report = built
    (center,) = [c for c in report.centers if c.center_uuid == db.first_center]
    return center


def test_members_are_counted_by_kind_and_category_as_on_the_register_at_the_period_end(
    figures: Any,
) -> None:
    # Not counted: transferred out, deleted, created after 2026-09-30.
    assert {k: figures.members_of_kind(k) for k in ("local", "in_service", "retired")} == {
        "local": 1,
        "in_service": 2,
        "retired": 0,
    }
    assert (figures.floating_in, figures.floating_out) == (1, 1)
    assert (figures.members_of_category("full"), figures.members_of_category("probationary")) == (
        4,
        1,
    )
    assert figures.members_total == 5


def test_dual_registration_counts_verified_service_of_in_service_members_in_the_period(
    figures: Any,
) -> None:
    assert figures.dual_registered == 2
    assert figures.dual_reported_in_period == 1
    # 120 (in period) + 15 (last day); not the October, rejected, reversed or local minutes.
    assert figures.dual_service_minutes == 135
    assert figures.dual_serving == 2


def test_floating_registrations_are_the_events_dated_in_the_period(figures: Any) -> None:
    assert (figures.floating_in_registered, figures.floating_out_registered) == (1, 1)


def test_base_visits_count_actual_check_ins_with_the_real_headcount_by_visitor_type(
    figures: Any,
) -> None:
    visits = {kind: (v.visits, v.people) for kind, v in figures.visits_by_type.items()}
    assert visits == {"branch": (2, 22), "two_new": (1, 5)}


def test_time_bank_totals_come_from_the_ledger_net_of_reversals(figures: Any) -> None:
    assert figures.minutes_earned == 180  # 200 earned, 20 reversed
    assert figures.minutes_spent == 50
    assert figures.minutes_outstanding == 230  # the volunteer's balance on 2026-09-30


def test_compliance_follows_the_statutory_schedule_and_lists_overdue_periods(
    figures: Any,
) -> None:
    by_branch = {branch.branch_name: branch for branch in figures.compliance}
    assert set(by_branch) == {"第一网格党支部", "第二网格党支部"}
    first = by_branch["第一网格党支部"]
    # A group's meeting counts for its branch; September had none.
    assert [(p.meeting_type.value, p.starts_on.month) for p in first.overdue] == [
        ("group_meeting", 9)
    ]
    assert (first.periods_held, first.periods_due) == (10, 11)
    second = by_branch["第二网格党支部"]
    # The deleted general meeting does not count; no groups, so no 党小组会 is owed; the
    # yearly meetings are still due (the year runs), not overdue.
    assert sorted({p.meeting_type.value for p in second.overdue}) == [
        "committee",
        "general_meeting",
        "party_lesson",
        "theme_day",
    ]
    assert (second.periods_held, len(second.overdue)) == (0, 8)
    assert (figures.periods_due, figures.periods_held, figures.overdue) == (19, 10, 9)


def test_the_total_is_the_sum_of_the_centers(built: Any) -> None:
    _db, report = built
    assert [c.name for c in report.centers] == ["华山社区党群服务中心", "翠湖社区党群服务中心"]
    assert report.total.members_total == 6
    assert report.total.members_of_category("probationary") == 2
    assert report.total.minutes_earned == 180
    payload = report.as_json()
    assert payload["period"]["code"] == PERIOD
    assert payload["total"]["members"]["by_kind"]["in_service"] == 2


def test_the_json_helper_reads_text_and_integers_alike_on_both_dialects(built: Any) -> None:
    db, _report = built
    dialect = db.database.engine.dialect.name
    with db.reading() as session:
        found = session.execute(
            select(
                json_text(dialect, DistrictRecord.data, "booked_on"),
                json_integer(dialect, DistrictRecord.data, "amount"),
            )
            .where(DistrictRecord.table_name == "timebank_entries")
            .order_by(json_integer(dialect, DistrictRecord.data, "amount"))
        ).first()
    assert found == ("2026-07-10", -200)
    with pytest.raises(ValueError):
        json_text(dialect, DistrictRecord.data, "x'); drop table district_records; --")


@pytest.mark.parametrize(
    ("text", "starts_on", "ends_on", "label"),
    [
        ("2026-07", date(2026, 7, 1), date(2026, 7, 31), "2026年7月"),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28), "2026年2月"),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31), "2026年12月"),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "2026年第三季度"),
        ("2026-q4", date(2026, 10, 1), date(2026, 12, 31), "2026年第四季度"),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), "2026年"),
    ],
)
def test_a_period_is_a_month_a_quarter_or_a_year(
    text: str, starts_on: date, ends_on: date, label: str
) -> None:
    period = reports.parse_period(text)
    assert (period.starts_on, period.ends_on, period.label) == (starts_on, ends_on, label)


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "Q3", "2026/07", "", "1999"])
def test_a_bad_period_is_refused_naming_the_option(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        reports.parse_period(text)
    message = refused.value.message_for("period")
    assert message is not None and "--period" in message


@pytest.fixture(scope="module")
def sqlite_built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("district-files")
    db = build_district(str(folder / "district.sqlite3"))
    report = reports.district_report(db, reports.parse_period(PERIOD), today=TODAY)
    yield db, report, folder
    db.dispose()


def _private(path: Path) -> bool:
    return sys.platform == "win32" or stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_pdf_report_has_every_section_charts_in_embedded_fonts_and_is_owner_only(
    sqlite_built: Any,
) -> None:
    db, report, folder = sqlite_built
    path = folder / "R.pdf"
    reports.write_report(db, report, path)
    assert _private(path)
    text = "".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for expected in (
        "五华区委组织部党建工作统计报表",
        "（2026年第三季度）",
        "一、党员情况",
        "二、在职党员“双报到”",
        "三、流动党员",
        "四、阵地活动",
        "五、时间银行",
        "六、三会一课",
        "全区党员类型构成",  # the pie's title, drawn by ReportLab's graphics
        "各中心时间银行（小时）",  # a bar chart's
        "逾期未开的会议",
        "第二网格党支部",
        "翠湖社区",  # tables name a center without the common suffix, and say so
        "略去“党群服务中心”字样",
    ):
        assert expected in text, expected
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts
    with db.reading() as session:
        actions = session.execute(
            select(DistrictAuditEntry.action, DistrictAuditEntry.detail)
        ).all()
    assert ("district.report", {"period": PERIOD, "format": "pdf", "file": str(path)}) in [
        tuple(row) for row in actions
    ]


def test_the_excel_report_has_a_sheet_a_figure_with_frozen_headers_and_native_charts(
    sqlite_built: Any,
) -> None:
    db, report, folder = sqlite_built
    path = folder / "R.xlsx"
    reports.write_report(db, report, path)
    assert _private(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "说明",
        "党员情况",
        "双报到",
        "流动党员",
        "阵地活动",
        "时间银行",
        "三会一课",
        "逾期未开",
    ]
    members = book["党员情况"]
    assert members.freeze_panes == "B2"
    rows = {row[0]: row for row in members.iter_rows(min_row=2, values_only=True)}
    assert rows["翠湖社区党群服务中心"][-1] == 5
    assert rows["合计"][-1] == 6
    ledger = {row[0]: row for row in book["时间银行"].iter_rows(min_row=2, values_only=True)}
    assert ledger["翠湖社区党群服务中心"][1:] == (3.0, 0.8, 3.8)
    meetings = {row[0].value: row for row in book["三会一课"].iter_rows(min_row=2)}
    assert meetings["翠湖社区党群服务中心"][4].value == 9
    assert meetings["翠湖社区党群服务中心"][4].font.color.rgb.endswith("C8161D")
    assert meetings["华山社区党群服务中心"][5].value is None  # no branch, no rate
    overdue = book["逾期未开"]
    assert overdue.max_row == 1 + 9
    assert overdue["A2"].font.color.rgb.endswith("C8161D")
    for name in ("党员情况", "双报到", "阵地活动", "时间银行", "三会一课"):
        # openpyxl reads the charts back into the sheet's list of charts.
        bars = book[name]._charts[0]
        # Kept axes (recent Excel hides an axis whose delete flag is left out), bars from zero.
        assert (bars.x_axis.delete, bars.y_axis.delete, bars.y_axis.scaling.min) == (
            False,
            False,
            0,
        ), name
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
    assert members.print_title_rows == "$1:$1"
    assert book["说明"]["C3"].number_format == "yyyy-mm-dd"


def test_an_output_that_is_neither_pdf_nor_xlsx_is_refused_naming_out(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        reports.report_format(tmp_path / "R.docx")
    assert "--out" in (refused.value.message_for("out") or "")
    with pytest.raises(ValidationError):
        reports.report_format(tmp_path / "missing" / "R.pdf")
