"""Chinese line breaking (GB/T 15834): punctuation, numbers and dashes in the right place."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest

from dangqun.printing.batch import render_to_file
from dangqun.printing.fonts import DocumentFonts
from dangqun.printing.line_breaking import (
    FORBIDDEN_AT_LINE_END,
    FORBIDDEN_AT_LINE_START,
    ChineseParagraph,
    break_positions,
    may_break_between,
)
from dangqun.printing.page_kit import DocumentPlan, PageLayout, PrintContext, paragraph
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import make_context, pdf_lines

CLOSING = "、，。；：？！）》」』】”"
OPENING = "（《「『【“"


def lines_of(paragraph_object: ChineseParagraph, width: float) -> list[str]:
    paragraph_object.wrap(width, 10_000)
    return [
        "".join(fragment.text for fragment in line.words) for line in paragraph_object.blPara.lines
    ]


@pytest.mark.parametrize("mark", list(CLOSING))
def test_closing_punctuation_never_starts_a_line(mark: str) -> None:
    assert mark in FORBIDDEN_AT_LINE_START
    assert not may_break_between("字", mark)


@pytest.mark.parametrize("mark", list(OPENING))
def test_opening_brackets_never_end_a_line(mark: str) -> None:
    assert mark in FORBIDDEN_AT_LINE_END
    assert not may_break_between(mark, "字")


def test_numbers_codes_and_dashes_stay_whole() -> None:
    assert not may_break_between("1", "2")
    assert not may_break_between("A", "-")
    assert not may_break_between("—", "—")
    assert not may_break_between("…", "…")
    assert may_break_between("字", "字")
    assert break_positions("第12页") == [1, 3]


def random_text(seed: int, length: int = 400) -> str:
    """Chinese with punctuation, brackets, numbers and dashes, never two marks in a row
    (a run of marks longer than a line may be cut anywhere: that is the documented fallback)."""
    generator = random.Random(seed)
    pieces: list[str] = []
    last_was_mark = True
    while sum(len(piece) for piece in pieces) < length:
        choice = generator.random()
        if choice < 0.55 or last_was_mark:
            pieces.append(
                "".join(
                    generator.choice("党群服务中心志愿社区网格支部会议")
                    for _ in range(generator.randint(1, 6))
                )
            )
            last_was_mark = False
            continue
        if choice < 0.75:
            pieces.append(generator.choice(CLOSING) * generator.randint(1, 2))
        elif choice < 0.85:
            pieces.append(generator.choice(OPENING))
        elif choice < 0.95:
            pieces.append(str(generator.randint(1, 10**6)))
        else:
            pieces.append("——")
        last_was_mark = True
    return "".join(pieces)


def test_a_clock_time_is_not_cut_after_its_colon(context: PrintContext) -> None:
    style = context.styles.cell
    text = "开放时间：星期一至星期五 09:00—12:00、14:00—17:30；星期六 09:00—12:00"
    for width in range(80, 260, 5):
        lines = lines_of(paragraph(text, style, context.fonts), float(width))
        assert not any(line.rstrip().endswith(":") for line in lines), (width, lines)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("width", [61.0, 97.0, 163.5, 300.0])
def test_random_paragraphs_follow_the_rules(seed: int, width: float, context: PrintContext) -> None:
    text = random_text(seed)
    lines = lines_of(paragraph(text, context.styles.cell, context.fonts), width)
    assert "".join(lines) == text, "no character lost or added"
    for previous, line in itertools.pairwise(lines):
        assert line[0] not in FORBIDDEN_AT_LINE_START, (previous, line)
        assert previous[-1] not in FORBIDDEN_AT_LINE_END, (previous, line)


def test_lines_never_exceed_the_width_when_a_legal_break_exists(context: PrintContext) -> None:
    styled = paragraph(random_text(99, 2000), context.styles.cell, context.fonts)
    styled.wrap(150, 10_000)
    for line in styled.blPara.lines:
        assert line.currentWidth <= 150 + 0.01


def test_a_phone_number_is_not_cut_in_half(context: PrintContext) -> None:
    style = context.styles.cell
    text = "联系电话：13812345678，请在工作日拨打。"
    for width in range(92, 200, 7):  # the number and its comma fit from about 86 pt
        lines = lines_of(paragraph(text, style, context.fonts), float(width))
        assert any("13812345678" in line for line in lines), (width, lines)


def test_a_string_without_any_legal_break_is_cut_rather_than_overflow(
    context: PrintContext,
) -> None:
    styled = paragraph("1" * 300, context.styles.cell, context.fonts)
    styled.wrap(100, 10_000)
    assert len(styled.blPara.lines) > 1
    assert all(line.currentWidth <= 100.01 for line in styled.blPara.lines)


def test_explicit_line_breaks_are_kept(context: PrintContext) -> None:
    lines = lines_of(paragraph("第一行\n第二行", context.styles.cell, context.fonts), 300)
    assert lines == ["第一行", "第二行"]


@requires_poppler
def test_pdf_lines_do_not_start_with_closing_punctuation(
    fonts: DocumentFonts, tmp_path: Path
) -> None:
    context = make_context(fonts)
    story: list[Any] = [
        paragraph(random_text(seed, 900), context.styles.body_compact, fonts) for seed in range(6)
    ]
    path = tmp_path / "punctuation.pdf"
    render_to_file([DocumentPlan("test", "标点", PageLayout.PORTRAIT, story)], context, path)
    checked = 0
    for line in pdf_lines(path):
        if line.text.startswith("第") or line.text.startswith("翠湖"):
            continue  # the footer
        assert line.text[:1] not in CLOSING, line
        checked += 1
    assert checked > 50
