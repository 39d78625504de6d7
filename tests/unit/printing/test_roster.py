"""Issue 12: the member roster as a register — five-digit 序号, one-line masked addresses,
300-character cells inside the page, the notice on every page, a title naming community and
branch, names sorted surname first, page estimates and a cancel that leaves no file."""

from __future__ import annotations

import dataclasses
import math
import re
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.members.documents.member_roster import (
    FONT_SIZE,
    MemberRosterData,
    RosterCounts,
    RosterMember,
    build_member_roster,
    chinese_name_order,
    count_roster,
    estimate_roster_pages,
    load_member_roster,
    roster_title,
)
from dangqun.members.models import Member, Organization
from dangqun.members.search_keys import compute_search_keys
from dangqun.printing.batch import PrintCancelled, render_to_file
from dangqun.printing.fonts import DocumentFonts
from dangqun.printing.page_kit import PAGE_LAYOUTS, PageLayout
from dangqun.printing.streamed_table import table_metrics
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import (
    Word,
    make_context,
    pdf_info,
    pdf_text,
    run_tool,
)
from tests.unit.printing.pdf_tools import pdf_words as all_words


def pdf_words(path: Path, first_page: int = 1) -> list[Word]:
    """The words from ``first_page`` on (a 370-page roster need not be read whole)."""
    if first_page == 1:
        return all_words(path)
    html = run_tool("pdftotext", "-f", str(first_page), "-bbox", str(path), "-")
    return [
        Word(first_page, text, 0, 0, 0, 0) for text in re.findall(r"<word [^>]*>(.*?)</word>", html)
    ]


LONG = "五华区翠湖南路十二号三栋二单元五零一室" * 16  # 304 characters


def members(count: int, address: str = "五华区翠湖南路12号3栋2单元501室") -> Iterator[RosterMember]:
    for number in range(count):
        yield RosterMember(
            name=f"张{'建国伟明丽华'[number % 6]}",
            gender="男",
            ethnicity="汉族",
            birth_date=date(1970, 1, 1),
            id_number="530102197001010031",
            education="大学本科",
            category="正式党员",
            joined_on=date(1995, 7, 1),
            confirmed_on=date(1996, 7, 1),
            work_unit="五华区教育局",
            phone="13908712345",
            address=address,
            kind="社区党员",
        )


def roster(count: int, address: str = "五华区翠湖南路12号3栋2单元501室") -> MemberRosterData:
    return MemberRosterData(
        "第一网格党支部",
        date(2026, 11, 22),
        members(count, address),
        RosterCounts(count, 0, False),
    )


def test_the_title_names_the_community_once() -> None:
    center = "翠湖社区党群服务中心"
    assert roster_title(center, "第一网格党支部") == "翠湖社区第一网格党支部党员花名册"
    assert roster_title(center, "翠湖社区第一网格党支部") == "翠湖社区第一网格党支部党员花名册"
    assert roster_title(center, "中共翠湖社区委员会") == "中共翠湖社区委员会党员花名册"


def test_names_sort_by_surname_read_as_a_surname() -> None:
    names = ["王安", "万里", "尚安", "单力", "谢明", "曾雪", "区伟", "欧阳修", "长孙无忌", "张三"]
    assert sorted(names, key=chinese_name_order) == [
        "区伟",  # ōu, before 欧阳 ōu yáng
        "欧阳修",
        "单力",  # shàn before shàng, whatever the given name
        "尚安",
        "万里",  # wàn before wáng
        "王安",
        "谢明",
        "曾雪",  # zēng, not céng
        "张三",
        "长孙无忌",  # zhǎng sūn
    ]


def test_the_loader_orders_the_roster_the_chinese_way(
    application: Application, admin: Actor
) -> None:
    """Through the database: SQLite sorts with the surname-aware key."""
    names = ["曾雪", "单力", "解放", "区伟", "长孙无忌", "尚安", "谢明", "欧阳修", "张三"]
    with application.database.unit_of_work(admin) as work:
        branch = Organization(level="grid_branch", name="第一网格党支部", sort_order=0)
        work.session.add(branch)
        work.session.flush()
        for number, name in enumerate(names):
            work.session.add(
                Member(
                    name=name,
                    gender_code="1",
                    ethnicity_code="01",
                    birth_date=date(1970, 1, 1),
                    id_number=f"53010219700101{number:03d}X",
                    kind="local",
                    category="full",
                    status="active",
                    organization_id=branch.id,
                    joined_on=date(1995, 7, 1),
                    joined_month_day="07-01",
                )
            )
        work.commit()
        branch_id = branch.id
    data = load_member_roster(application.database, admin, branch_id, date(2026, 11, 22))
    assert [member.name for member in data.members] == [
        "区伟", "欧阳修", "单力", "尚安", "解放", "谢明", "曾雪", "张三", "长孙无忌",
    ]  # fmt: skip
    assert data.counts == count_roster(application.database, admin, branch_id)
    with application.database.reading() as session:
        stored = session.scalar(select(Member.pinyin_full).where(Member.name == "单力"))
    assert stored == compute_search_keys("单力", "", None).pinyin_full == "shanli"


@pytest.mark.slow
@requires_poppler
def test_five_digit_numbers_and_masked_addresses_keep_one_line(
    fonts: DocumentFonts, tmp_path: Path
) -> None:
    context = make_context(fonts)
    plan = build_member_roster(roster(10_000, LONG), context)
    path = tmp_path / "roster.pdf"
    # Only the last pages matter; a 10,000-row roster is still quick when streamed.
    summary = render_to_file([plan], context, path)
    words = pdf_words(path, first_page=summary.pages - 1)
    numbers = [word.text for word in words if re.fullmatch(r"\d{4,5}", word.text)]
    assert "9999" in numbers and "10000" in numbers  # whole, never "1000" + "0"
    addresses = [word for word in words if word.text.startswith("五华区翠")]
    assert addresses and all(word.text.endswith("****") for word in addresses)


@requires_poppler
@pytest.mark.parametrize("full", [False, True])
def test_300_character_addresses_stay_inside_the_text_block(
    fonts: DocumentFonts, tmp_path: Path, full: bool
) -> None:
    context = make_context(fonts, full_personal_data=full)
    path = tmp_path / "long.pdf"
    summary = render_to_file([build_member_roster(roster(40, LONG), context)], context, path)
    specification = PAGE_LAYOUTS[PageLayout.LANDSCAPE]
    width, height = specification.page_size
    margins = specification.margins
    for word in pdf_words(path):
        assert margins.left - 1 <= word.x_min and word.x_max <= width - margins.right + 1, word
        assert word.y_min >= 0 and word.y_max <= height, word
    text = pdf_text(path)
    words = {word.text for word in pdf_words(path)}
    assert {str(number) for number in range(1, 41)} <= words  # every 序号 intact
    if full:
        # A row taller than a page is split inside itself: more pages than rows would need.
        assert summary.pages > 10
        assert "五华区翠湖南路十二号" in "".join(text.split())


@requires_poppler
def test_the_notice_and_the_header_are_on_every_page(fonts: DocumentFonts, tmp_path: Path) -> None:
    context = make_context(fonts)
    path = tmp_path / "roster.pdf"
    summary = render_to_file([build_member_roster(roster(2_000), context)], context, path)
    pages = pdf_text(path).split("\f")[: summary.pages]
    assert summary.pages > 50
    for page in pages:
        assert "已按规定部分隐藏" in page
        assert "公民身份号码" in page and "序号" in page
    assert "翠湖社区第一网格党支部党员花名册" in pages[0]


@requires_poppler
@pytest.mark.parametrize("rows", [0, 30, 400, 2_000])
def test_the_page_estimate_is_within_ten_percent(
    fonts: DocumentFonts, tmp_path: Path, rows: int
) -> None:
    context = make_context(fonts)
    counts = RosterCounts(rows, 0, False)
    estimate = estimate_roster_pages(counts, "第一网格党支部", context)
    summary = render_to_file(
        [build_member_roster(roster(rows), context)], context, tmp_path / "r.pdf"
    )
    assert pdf_info(tmp_path / "r.pdf").pages == summary.pages
    assert abs(estimate - summary.pages) <= max(1, 0.1 * summary.pages), (estimate, summary)


def test_a_cancel_between_pages_leaves_no_file(fonts: DocumentFonts, tmp_path: Path) -> None:
    context = make_context(fonts)
    cancel = threading.Event()
    seen: list[int] = []

    def page_done(pages: int) -> None:
        seen.append(pages)
        if pages == 3:
            cancel.set()

    path = tmp_path / "roster.pdf"
    with pytest.raises(PrintCancelled):
        render_to_file(
            [build_member_roster(roster(2_000), context)],
            context,
            path,
            cancel=cancel,
            page_progress=page_done,
        )
    assert seen == [1, 2, 3]
    assert list(tmp_path.iterdir()) == []


def gaps_to_the_rules(path: Path, word: Word, dpi: int = 144) -> tuple[float, float]:
    """Points of blank paper between ``word``'s box and the first rule left and right of it,
    along the middle of the word (the page rendered by pdftoppm, grey levels read)."""
    run_tool(
        "pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", "1", "-l", "1", str(path), str(path)
    )
    image = Image.open(next(path.parent.glob(f"{path.name}*.png"))).convert("L")
    scale = dpi / 72
    y = round((word.y_min + word.y_max) / 2 * scale)
    left, right = math.floor(word.x_min * scale), math.ceil(word.x_max * scale)

    def blank(x: int, step: int) -> float:
        count = 0
        while image.getpixel((x, y)) > 200:  # type: ignore[operator]  # grey level
            x += step
            count += 1
        return count / scale

    return blank(left - 1, -1), blank(right + 1, 1)


@requires_poppler
def test_headers_keep_their_words_and_months_clear_the_rules(
    fonts: DocumentFonts, tmp_path: Path
) -> None:
    """Issue 12 polish: a header never breaks inside a word (入党时/间 read wrong; each header
    is on one line) and a month (1995.07) has at least a row's padding to the rules, like
    other cells, with the 党小组 column printed too (the narrowest layout)."""
    context = make_context(fonts)
    data = MemberRosterData(
        "第一网格党支部",
        date(2026, 11, 22),
        [dataclasses.replace(member, group="第一楼栋党小组") for member in members(3)],
    )
    path = tmp_path / "roster.pdf"
    render_to_file([build_member_roster(data, context)], context, path)
    words = all_words(path)
    texts = [word.text for word in words]
    for header in (
        "出生年月",
        "入党时间",
        "转正时间",
        "公民身份号码",
        "工作单位及职务",
        "所在党小组",
    ):
        assert header in texts, (header, texts[:30])
    header_tops = {word.y_min for word in words if word.text in ("序号", "入党时间", "出生年月")}
    assert len(header_tops) == 1  # one header line
    padding = table_metrics(FONT_SIZE).padding
    months = [word for word in words if word.text in ("1970.01", "1995.07", "1996.07")]
    assert len(months) == 9
    for month in months[:3]:
        left, right = gaps_to_the_rules(path, month)
        assert left >= padding and right >= padding, (month.text, left, right)
