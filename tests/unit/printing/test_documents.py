"""Every registered document kind as a real PDF: fonts, text, pages, paper, and no overflow."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from dangqun.members.documents.member_roster import MemberRosterData
from dangqun.members.documents.political_birthdays import PoliticalBirthdaysData
from dangqun.printing.batch import render_to_file
from dangqun.printing.fonts import DocumentFonts
from dangqun.printing.page_kit import PAGE_LAYOUTS, PrintContext
from dangqun.printing.registry import document_kind, document_kinds
from tests.conftest import requires_poppler, requires_poppler_data
from tests.unit.printing.pdf_tools import (
    compact_text,
    make_context,
    pdf_fonts,
    pdf_info,
    pdf_lines,
    pdf_words,
)

pytestmark = requires_poppler

A4_PORTRAIT = (595.28, 841.89)
A4_LANDSCAPE = (841.89, 595.28)

# What each sample must show, as pdftotext returns it (spaces removed).
EXPECTED_TEXT: dict[str, list[str]] = {
    "volunteer_certificate": [
        "志愿服务证明", "李秀英", "ZYZM-2026-000123", "47小时30分钟", "5301**************",
        "53010220180032145", "翠湖社区党群服务中心", "王建国", "赵丽", "2026年11月22日",
    ],
    "minutes": [
        "第一网格党支部", "HY-2026-000046", "支部党员大会记录", "王建国", "马超（病假）",
        "同意接收宋佳同志为中共预备党员", "主持人（签字）", "更正（原因：记录人笔误）",
    ],
    "minutes_sign_in": [
        "第一网格党支部", "支部党员大会签到表", "王建国", "预备党员", "应到10人",
    ],
    "minutes_compliance": [
        "第三网格党支部2026年三会一课落实情况", "支部党员大会", "逾期未开：",
        "支部党员大会：4—6月",
    ],
    "booking_slip": [
        "开放式组织生活基地活动预约确认单", "YY-2026-000007", "陈志强", "28人", "翠湖红色记忆馆",
        "2026年11月28日（星期六）09:30—11:00", "预约确认单存根",
    ],
    "sign_in_sheet": [
        "翠湖红色记忆馆活动签到表", "YY-2026-000007", "云南某科技有限公司党支部",
        "2026年11月28日（星期六）09:30—11:00", "序号姓名单位联系电话签名", "31", "应到28人",
    ],
    "menu_brochure": [
        "翠湖红色记忆馆", "特色菜单（红色型阵地）", "星期一至星期五09:00—12:00、14:00—17:30",
        "一、重温入党誓词", "杨红梅（党史、革命文化）", "1小时30分钟",
    ],
    "bases_statistics": [
        "翠湖红色记忆馆活动情况统计", "2026年第三季度，先后有23批640余名党员到基地开展活动",
        "流动党员小组238", "合计23647",
    ],
    "time_statement": [
        "时间银行存折", "李秀英", "ZY201800032", "30小时45分钟", "期初余额", "冲正", "已服务时长",
    ],
    "time_ledger": [
        "时间银行月度账簿（2026年11月）", "志愿者账户", "发行账户", "全部账户月末余额合计0分钟",
        "ZY202600001刘桂兰",
    ],
    "service_report": [
        "在职党员参加社区志愿服务情况报告", "张伟", "中共云南某科技有限公司支部委员会", "27小时",
    ],
    "member_roster": [
        "翠湖社区第一网格党支部党员花名册", "王建国", "宋佳", "预备党员", "5301**************",
        "在册党员6名",
    ],
    "registration_receipt": [
        "在职党员到社区报到回执", "张伟", "HZ-2026-000318", "中共云南某科技有限公司支部委员会",
        "2026年3月15日", "中共翠湖社区委员会", "存根",
    ],
    "political_birthdays": [
        "2026年11月政治生日名单", "翠湖社区党群服务中心", "王建国", "赵桂兰",
        "翠湖社区离退休党员党支部", "1956年11月25日70", "*******2345", "11月共9名党员过政治生日",
    ],
}  # fmt: skip

FULL_ID_NUMBERS = {
    "volunteer_certificate": "530102196805120027",
    "member_roster": "530102196803120031",
    "registration_receipt": "530102198509031513",
}

SINGLE_PAGE = {
    "volunteer_certificate",
    "booking_slip",
    "member_roster",
    "registration_receipt",
    "political_birthdays",
    "minutes_sign_in",
    "minutes_compliance",
}


def render_sample(kind: str, context: PrintContext, path: Path, data: Any = None) -> Path:
    definition = document_kind(kind)
    data = definition.sample(context) if data is None else data
    render_to_file([definition.build(data, context)], context, path)
    return path


def test_every_kind_has_expectations() -> None:
    assert set(EXPECTED_TEXT) == set(document_kinds())


@pytest.mark.parametrize("kind", sorted(document_kinds()))
def test_sample_embeds_subset_fonts_and_carries_its_text(
    kind: str, context: PrintContext, tmp_path: Path
) -> None:
    path = render_sample(kind, context, tmp_path / f"{kind}.pdf")
    fonts = pdf_fonts(path)
    assert fonts, "no font in the PDF"
    if context.fonts.all_embedded:
        assert all(row.embedded and row.subset for row in fonts), fonts
        assert all(row.font_type.startswith("TrueType") for row in fonts), fonts
    text = compact_text(path)
    for expected in EXPECTED_TEXT[kind]:
        assert expected in text, f"{expected!r} missing from {kind}"


@pytest.mark.parametrize("kind", sorted(document_kinds()))
def test_sample_paper_and_page_count(kind: str, context: PrintContext, tmp_path: Path) -> None:
    path = render_sample(kind, context, tmp_path / f"{kind}.pdf")
    info = pdf_info(path)
    landscape = ("member_roster", "time_ledger", "minutes_compliance")
    expected = A4_LANDSCAPE if kind in landscape else A4_PORTRAIT
    assert (info.width, info.height) == pytest.approx(expected, abs=0.5)
    if kind in SINGLE_PAGE:
        assert info.pages == 1
    else:
        assert info.pages >= 2
    if PAGE_LAYOUTS[
        document_kind(kind).build(document_kind(kind).sample(context), context).layout
    ].numbered:
        text = compact_text(path)
        for page in range(1, info.pages + 1):
            assert f"第{page}页共{info.pages}页" in text


@pytest.mark.parametrize("kind", sorted(FULL_ID_NUMBERS))
def test_id_numbers_are_masked_unless_allowed(
    kind: str, fonts: DocumentFonts, tmp_path: Path
) -> None:
    masked = render_sample(kind, make_context(fonts), tmp_path / "masked.pdf")
    assert FULL_ID_NUMBERS[kind] not in compact_text(masked)
    full = render_sample(kind, make_context(fonts, full_personal_data=True), tmp_path / "full.pdf")
    assert FULL_ID_NUMBERS[kind] in compact_text(full)


LONG_NAME = ("欧阳" + "家兴德正云龙明超刚平辉鹏华飞" * 30)[:300]
LONG_ADDRESS = ("五华区翠湖南路12号3栋2单元501室（“幸福里”小区），靠近翠湖公园东门；" * 12)[:300]
LONG_DIGITS = "1" * 120


def long_sample(kind: str, context: PrintContext) -> Any:
    """The sample with a 300-character name and address in the fields each kind prints."""
    sample = document_kind(kind).sample(context)
    if kind == "volunteer_certificate":
        return dataclasses.replace(
            sample,
            volunteer_name=LONG_NAME,
            issuing_organization=LONG_ADDRESS,
            service_content=LONG_ADDRESS,
            volunteer_number=LONG_DIGITS,
        )
    if kind == "minutes":
        return dataclasses.replace(
            sample, organization=LONG_NAME, place=LONG_ADDRESS, host=LONG_NAME
        )
    if kind == "minutes_sign_in":
        return dataclasses.replace(sample, organization=LONG_NAME, place=LONG_ADDRESS)
    if kind == "minutes_compliance":
        return dataclasses.replace(sample, organization=LONG_NAME)
    if kind == "booking_slip":
        return dataclasses.replace(
            sample, organization=LONG_NAME, base_address=LONG_ADDRESS, contact_name=LONG_NAME
        )
    if kind == "sign_in_sheet":
        return dataclasses.replace(sample, organization=LONG_NAME, room=LONG_ADDRESS)
    if kind == "menu_brochure":
        first = dataclasses.replace(sample.items[0], lecturers=[LONG_NAME])
        return dataclasses.replace(sample, address=LONG_ADDRESS, items=[first, *sample.items[1:]])
    if kind == "bases_statistics":
        first = dataclasses.replace(sample.by_organization[0], label=LONG_NAME)
        return dataclasses.replace(sample, by_organization=[first, *sample.by_organization[1:]])
    if kind == "time_statement":
        return dataclasses.replace(sample, holder_name=LONG_NAME, volunteer_number=LONG_DIGITS)
    if kind == "time_ledger":
        first_leg = dataclasses.replace(sample.legs[0], account=LONG_NAME, note=LONG_NAME)
        return dataclasses.replace(sample, legs=(first_leg, *sample.legs[1:]))
    if kind == "service_report":
        return dataclasses.replace(
            sample, member_name=LONG_NAME, home_organization=LONG_NAME, work_unit=LONG_ADDRESS
        )
    if kind == "member_roster":
        assert isinstance(sample, MemberRosterData)
        first = dataclasses.replace(
            sample.members[0], name=LONG_NAME, address=LONG_ADDRESS, work_unit=LONG_ADDRESS
        )
        return dataclasses.replace(
            sample, organization_name=LONG_NAME, members=[first, *sample.members[1:]]
        )
    if kind == "registration_receipt":
        return dataclasses.replace(
            sample, member_name=LONG_NAME, home_organization=LONG_NAME, address=LONG_ADDRESS
        )
    if kind == "political_birthdays":
        assert isinstance(sample, PoliticalBirthdaysData)
        first = dataclasses.replace(sample.members[0], branch=LONG_NAME)
        return dataclasses.replace(sample, members=[first, *sample.members[1:]])
    raise AssertionError(f"no long sample for {kind}")


@pytest.mark.parametrize("kind", sorted(document_kinds()))
def test_300_character_name_and_address_wrap_inside_the_page(
    kind: str, fonts: DocumentFonts, tmp_path: Path
) -> None:
    context = make_context(fonts, full_personal_data=True)
    data = long_sample(kind, context)
    plan = document_kind(kind).build(data, context)
    specification = context.layout(plan.layout)
    path = render_sample(kind, context, tmp_path / "long.pdf", data)
    width, height = specification.page_size
    margins = specification.margins
    words = pdf_words(path)
    assert words
    for word in words:
        assert margins.left - 1.5 <= word.x_min, word
        assert word.x_max <= width - margins.right + 1.5, word
        assert word.y_min >= 0 and word.y_max <= height, word
    text = compact_text(path)
    assert LONG_NAME[:40] in text and LONG_NAME[-20:] in text


@pytest.mark.parametrize("kind", sorted(document_kinds()))
def test_no_line_starts_with_closing_punctuation(
    kind: str, fonts: DocumentFonts, tmp_path: Path
) -> None:
    context = make_context(fonts, full_personal_data=True)
    path = render_sample(kind, context, tmp_path / "long.pdf", long_sample(kind, context))
    for line in pdf_lines(path):
        assert line.text[:1] not in "、，。；：？！）》」』】”", line


@requires_poppler_data
@pytest.mark.parametrize("kind", sorted(document_kinds()))
def test_cid_fallback_prints_every_kind_without_any_font_file(
    kind: str, cid_fonts: DocumentFonts, tmp_path: Path
) -> None:
    assert not cid_fonts.all_embedded
    context = make_context(cid_fonts)
    path = render_sample(kind, context, tmp_path / f"{kind}.pdf")
    fonts = pdf_fonts(path)
    assert [row.name for row in fonts] == ["STSong-Light"]
    text = compact_text(path)
    for expected in EXPECTED_TEXT[kind][:3]:
        assert expected in text


@requires_poppler_data
def test_rare_character_missing_from_the_font_falls_back_to_another_font(
    fonts: DocumentFonts, tmp_path: Path
) -> None:
    """The next font of the chain draws it: an embedded fallback (the shipped Song) where
    one has the glyph, else the CID font."""
    if fonts.body.coverage is None:
        pytest.skip("no TrueType font on this machine")
    coverage = fonts.body.coverage
    rare = next(
        chr(code) for code in range(0x3400, 0x4DB6) if code not in coverage
    )  # CJK extension A, which many fonts lack
    context = make_context(fonts)
    sample = document_kind("volunteer_certificate").sample(context)
    path = render_sample(
        "volunteer_certificate",
        context,
        tmp_path / "rare.pdf",
        dataclasses.replace(sample, volunteer_name=f"王{rare}"),
    )
    names = {row.name for row in pdf_fonts(path)}
    drawn_by = context.fonts.face_for(rare, fonts.body)
    assert drawn_by is not fonts.body
    assert any(drawn_by.name in name or drawn_by.family.replace(" ", "") in name for name in names)
    assert len(names) >= 2


def test_footer_names_center_and_print_date(context: PrintContext, tmp_path: Path) -> None:
    path = render_sample("time_statement", context, tmp_path / "statement.pdf")
    text = compact_text(path)
    assert text.count("翠湖社区党群服务中心") >= pdf_info(path).pages
    assert re.search(r"打印日期：2026年11月22日", text)
