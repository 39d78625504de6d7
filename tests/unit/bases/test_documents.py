"""The bases on paper (issue 14, "Prints"): the 预约确认单 loaded by booking number, the 签到表
with a line for every expected visitor and a margin, the 特色菜单 brochure and the statistics
report — real PDFs from a real SQLite file, read back with pdftotext."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dangqun.bases.documents.menu_brochure import hours_lines
from dangqun.bases.documents.sign_in_sheet import lines_for
from dangqun.bases.documents.statistics_report import (
    StatisticsKey,
    parse_statistics_id,
    people_phrase,
    period_text,
    statistics_id,
)
from dangqun.bases.service import (
    CheckInForm,
    Granularity,
    book,
    check_in,
    confirm_booking,
    get_booking,
    set_menu_item_retired,
    statistics,
)
from dangqun.bases.vocabulary import OrganizationType
from dangqun.core.errors import NotFound, ValidationError
from dangqun.printing.service import print_context_for, print_record
from tests.conftest import requires_poppler
from tests.unit.bases.conftest import FRIDAY, NOW, booking_form
from tests.unit.printing.pdf_tools import compact_text, pdf_words

pytestmark = requires_poppler


def _print(application, actor, kind: str, record_id: str, path, full: bool = False):
    context = print_context_for(
        application.database, application.paths.keys, actor, full_personal_data=full
    )
    summary = print_record(application.database, actor, context, kind, record_id, path)
    return summary, compact_text(path)


@pytest.fixture
def visits(database, admin, site):
    """Three checked-in visits in December 2026 (18 + 28 + 13 people) and one pending booking."""
    rows = [
        ("云南某科技有限公司党支部", OrganizationType.TWO_NEW, 20, 18, (site.lesson,)),
        ("翠湖社区第一网格党支部", OrganizationType.BRANCH, 30, 28, (site.lesson, site.oath)),
        ("五华区税务局机关党支部", OrganizationType.STATIONED_UNIT, 15, 13, (site.oath,)),
    ]
    ids = []
    for offset, (organization, org_type, expected, came, items) in enumerate(rows):
        booking_id = book(
            database,
            admin,
            booking_form(
                site.hall,
                on_date=FRIDAY + timedelta(days=offset),
                organization=organization,
                org_type=org_type,
                headcount=expected,
                menu_item_ids=items,
            ),
            now=NOW,
        )
        confirm_booking(database, admin, booking_id)
        check_in(database, admin, booking_id, CheckInForm(came), now=NOW + timedelta(days=9))
        ids.append(booking_id)
    pending = book(
        database, admin, booking_form(site.hall, on_date=FRIDAY + timedelta(days=7)), now=NOW
    )
    return ids, pending


def test_booking_slip_is_loaded_by_its_number(application, admin, site, tmp_path):
    booking_id = book(
        application.database,
        admin,
        booking_form(site.hall, menu_item_ids=(site.lesson, site.oath)),
        now=NOW,
    )
    number = get_booking(application.database, admin, booking_id).number
    summary, text = _print(application, admin, "booking_slip", number, tmp_path / "slip.pdf")
    assert summary.pages == 1
    for expected in (
        "开放式组织生活基地活动预约确认单",
        number,
        "云南某科技有限公司党支部（两新组织）",
        "2026年12月4日（星期五）09:00—11:00",
        "翠湖红色教育基地（红色型）",
        "党员活动室",
        "20人",
        "专题党课、重温入党誓词",
        "张建国",
        "五华区翠湖南路1号",
        "赵敏",
        "预约须知",
        "预约确认单存根（翠湖红色教育基地留存）",
    ):
        assert expected in text
    assert "13888001234" not in text and "*******1234" in text
    _, full = _print(application, admin, "booking_slip", number, tmp_path / "full.pdf", True)
    assert "13888001234" in full


def test_booking_slip_of_an_unknown_number_is_refused(application, admin, site, tmp_path):
    with pytest.raises(NotFound):
        _print(application, admin, "booking_slip", "YY-2026-999999", tmp_path / "x.pdf")


def test_sign_in_sheet_has_a_line_for_every_expected_visitor_and_a_margin(
    application, admin, site, tmp_path
):
    booking_id = book(application.database, admin, booking_form(site.hall), now=NOW)
    number = get_booking(application.database, admin, booking_id).number
    path = tmp_path / "sheet.pdf"
    _, text = _print(application, admin, "sign_in_sheet", number, path)
    for expected in (
        "翠湖红色教育基地活动签到表",
        number,
        "云南某科技有限公司党支部",
        "2026年12月4日（星期五）09:00—11:00",
        "党员活动室",
        "序号姓名单位联系电话签名",
        "应到20人",
    ):
        assert expected in text
    numbers = {int(word.text) for word in pdf_words(path) if word.text.isdigit()}
    assert lines_for(20) == 23
    assert set(range(1, 24)) <= numbers and 24 not in numbers


def test_sign_in_margin_is_a_tenth_and_at_least_three():
    assert [lines_for(n) for n in (1, 20, 35, 100)] == [4, 23, 39, 110]


def test_menu_brochure_lists_the_items_that_can_be_booked(application, admin, site, tmp_path):
    set_menu_item_retired(application.database, admin, site.oath, True)
    _, text = _print(application, admin, "menu_brochure", str(site.base_id), tmp_path / "m.pdf")
    for expected in (
        "翠湖红色教育基地",
        "特色菜单（红色型阵地）",
        "红色教育与主题党日活动",
        "星期一至星期日09:00–12:00、14:00–20:00",
        "一、专题党课",
        "党史专题",
        "1小时",
        "5—40人",
        "张建国（党史）、李红（党章）",
        "投影仪1",
    ):
        assert expected in text
    assert "重温入党誓词" not in text


def test_brochure_hours_join_runs_of_equal_days():
    week = ["09:00—17:00"] * 5 + ["不开放", "不开放"]
    assert hours_lines(week) == ["星期一至星期五 09:00—17:00", "星期六、星期日 不开放"]
    assert hours_lines(["A", "B", "B", "A", "A", "A", "A"]) == [
        "星期一 A",
        "星期二、星期三 B",
        "星期四至星期日 A",
    ]


def test_statistics_report_states_the_query_figures(application, admin, site, visits, tmp_path):
    key = StatisticsKey(site.base_id, FRIDAY.replace(day=1), FRIDAY.replace(day=31))
    result = statistics(
        application.database, admin, key.starts_on, key.ends_on, base_id=site.base_id
    )
    assert (result.visits, result.people) == (3, 59)
    _, text = _print(application, admin, "bases_statistics", statistics_id(key), tmp_path / "s")
    assert "翠湖红色教育基地活动情况统计" in text
    assert "2026年12月，先后有3批59名党员到基地开展活动。" in text
    assert "支部128" in text and "两新组织118" in text and "驻区单位113" in text
    assert "专题党课246" in text and "重温入党誓词241" in text
    assert "合计359" in text
    assert "按阵地统计" not in text  # one base: no by-base table


def test_statistics_id_round_trips_and_bad_ids_are_explained():
    key = StatisticsKey(None, FRIDAY, FRIDAY, Granularity.QUARTER)
    assert parse_statistics_id(statistics_id(key)) == key
    assert parse_statistics_id("3/2026-01-01/2026-12-31").base_id == 3
    for bad in ("3/2026-13-01/2026-12-31", "x/2026-01-01/2026-12-31", "3/2026-01-01"):
        with pytest.raises(ValidationError) as caught:
            parse_statistics_id(bad)
        assert "阵地编号" in caught.value.message_for("id")
    with pytest.raises(ValidationError, match="结束日期不能早于开始日期"):
        parse_statistics_id("3/2026-12-31/2026-01-01")


def test_people_are_said_to_two_figures_with_yu():
    assert [people_phrase(n) for n in (0, 19, 59, 340, 347, 1234)] == [
        "0 名",
        "19 名",
        "59 名",
        "340 名",
        "340 余名",
        "1200 余名",
    ]


def test_whole_periods_are_named_as_such():
    from datetime import date

    assert period_text(date(2026, 1, 1), date(2026, 12, 31)) == "2026年"
    assert period_text(date(2026, 7, 1), date(2026, 9, 30)) == "2026年第三季度"
    assert period_text(date(2026, 2, 1), date(2026, 2, 28)) == "2026年2月"
    assert period_text(date(2026, 2, 3), date(2026, 2, 28)) == "2026年2月3日至2026年2月28日"
