"""GB/T 9704 layout of the running-text documents, checked on real PDFs (issue 12).

Margins and the text block through ``pdftotext -bbox``; the seal area through the page's
drawing operators; no placeholder, account name or partial date on paper.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import zlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.units import mm

from dangqun.core.center import CenterContact
from dangqun.core.security import Actor, Role, system_actor
from dangqun.printing.batch import render_to_file
from dangqun.printing.fonts import DocumentFonts
from dangqun.printing.page_kit import (
    FILL_IN_MARK,
    PageLayout,
    PrintContext,
    SealArea,
    fill_in,
    handler_name,
)
from dangqun.printing.page_settings import PageSettings
from dangqun.printing.registry import document_kind
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import Word, compact_text, make_context, pdf_words

pytestmark = requires_poppler

GB9704_KINDS = ("volunteer_certificate", "minutes", "time_statement")
"""Running text on the GB/T 9704 text block (37 mm top, 28 mm left by default)."""
SLIP_KINDS = ("booking_slip", "registration_receipt")
"""A sheet cut in two (the slip and its stub): the slip's own margins."""
RUNNING_TEXT_KINDS = GB9704_KINDS + SLIP_KINDS
TOLERANCE = 1 * mm
LONG_TEXT = ("欧阳家兴德正云龙（翠湖南路12号3栋）明超刚平辉鹏华飞，" * 20)[:300]


def render(kind: str, context: PrintContext, path: Path, data: Any = None) -> Path:
    definition = document_kind(kind)
    data = definition.sample(context) if data is None else data
    render_to_file([definition.build(data, context)], context, path)
    return path


def layout_of(kind: str, context: PrintContext) -> PageLayout:
    definition = document_kind(kind)
    return definition.build(definition.sample(context), context).layout


def _long(value: Any) -> Any:
    """``value`` with every text in it 300 characters long, nested records and lists too."""
    if isinstance(value, str):
        return LONG_TEXT
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value,
            **{item.name: _long(getattr(value, item.name)) for item in dataclasses.fields(value)},
        )
    if isinstance(value, list | tuple):
        return type(value)(_long(item) for item in value)
    return value


def assert_inside_text_block(words: Sequence[Word], kind: str, context: PrintContext) -> None:
    """Every word between the left and right margins; none above the block; none crossing its
    bottom edge (below it only the footer's line)."""
    specification = context.layout(layout_of(kind, context))
    width, height = specification.page_size
    margins = specification.margins
    bottom = height - margins.bottom
    for word in words:
        assert margins.left - TOLERANCE <= word.x_min, word
        assert word.x_max <= width - margins.right + TOLERANCE, word
        assert word.y_min >= margins.top - TOLERANCE, word
        assert word.y_max <= bottom + TOLERANCE or word.y_min >= bottom - TOLERANCE, word


@pytest.mark.parametrize("kind", RUNNING_TEXT_KINDS)
def test_text_block_starts_at_the_margins(kind: str, fonts: DocumentFonts, tmp_path: Path) -> None:
    context = make_context(fonts)
    specification = context.layout(layout_of(kind, context))
    if kind in GB9704_KINDS:
        assert specification.margins.top == pytest.approx(37 * mm)
        assert specification.margins.left == pytest.approx(28 * mm)
        assert specification.frame_width == pytest.approx(156 * mm)
    words = pdf_words(render(kind, context, tmp_path / f"{kind}.pdf"))
    first_page = [word for word in words if word.page == 1]
    assert min(word.x_min for word in first_page) == pytest.approx(
        specification.margins.left, abs=TOLERANCE
    )
    assert min(word.y_min for word in first_page) == pytest.approx(
        specification.margins.top, abs=TOLERANCE
    )
    assert_inside_text_block(words, kind, context)


@pytest.mark.parametrize("kind", RUNNING_TEXT_KINDS)
def test_300_character_text_fields_stay_inside_the_text_block(
    kind: str, fonts: DocumentFonts, tmp_path: Path
) -> None:
    context = make_context(fonts, full_personal_data=True)
    data = _long(document_kind(kind).sample(context))
    path = render(kind, context, tmp_path / "long.pdf", data)
    words = pdf_words(path)
    assert_inside_text_block(words, kind, context)
    text = compact_text(path)
    assert re.sub(r"\s+", "", LONG_TEXT)[-30:] in text


def test_margin_settings_move_the_text(fonts: DocumentFonts, tmp_path: Path) -> None:
    moved = dataclasses.replace(
        make_context(fonts), page=PageSettings(top_margin_mm=50, left_margin_mm=35)
    )
    for kind in GB9704_KINDS:
        words = [
            word for word in pdf_words(render(kind, moved, tmp_path / "m.pdf")) if word.page == 1
        ]
        assert min(word.x_min for word in words) == pytest.approx(35 * mm, abs=TOLERANCE), kind
        assert min(word.y_min for word in words) == pytest.approx(50 * mm, abs=TOLERANCE), kind
        assert_inside_text_block(words, kind, moved)


def _drawing_operators(path: Path) -> str:
    """The PDF's streams decoded (ReportLab writes page content as ASCII85 over Flate)."""
    data = path.read_bytes()
    texts = []
    for stream in re.findall(rb"(?<!end)stream\r?\n(.*?)endstream", data, re.DOTALL):
        raw = stream.strip()
        if raw.endswith(b"~>"):
            raw = base64.a85decode(raw[:-2].replace(b"\n", b"").replace(b"\r", b""))
        try:
            texts.append(zlib.decompressobj().decompress(raw).decode("latin-1"))
        except zlib.error:
            continue  # not a compressed stream
    return "\n".join(texts)


GUIDE_DASH = "[1 3] 0 d"
CURVE = re.compile(r"^[\d.\- ]+ c$", re.MULTILINE)


@pytest.mark.parametrize("kind", ["volunteer_certificate", "registration_receipt"])
def test_seal_area_is_a_blank_with_the_stamp_hint_and_no_circle(
    kind: str, fonts: DocumentFonts, tmp_path: Path
) -> None:
    context = make_context(fonts)
    path = render(kind, context, tmp_path / "plain.pdf")
    assert "（盖章）" in compact_text(path)
    assert "公章处" not in compact_text(path)
    operators = _drawing_operators(path)
    assert GUIDE_DASH not in operators
    assert not CURVE.search(operators), "a circle (or any curve) is drawn"
    guided = dataclasses.replace(context, page=PageSettings(seal_guide=True))
    operators = _drawing_operators(render(kind, guided, tmp_path / "guide.pdf"))
    assert GUIDE_DASH in operators
    assert len(CURVE.findall(operators)) >= 4  # a circle is four Bézier arcs


def test_seal_area_puts_the_date_four_characters_from_the_right(
    context: PrintContext,
) -> None:
    seal = SealArea("翠湖社区党群服务中心", date(2026, 12, 6), context)
    width, height = seal.wrap(156 * mm, 200 * mm)
    assert height >= SealArea.SEAL_DIAMETER / 2
    date_right = seal._center_x + seal._date_width / 2
    assert width - date_right == pytest.approx(4 * 16, abs=0.5)


PLACEHOLDERS = ("（待认领）", "（待编入）", "（原单位党组织）", "命令行")
TIME_RANGE = re.compile(r"\d{2}:\d{2}—\d{2}:\d{2}")


@pytest.mark.parametrize("kind", RUNNING_TEXT_KINDS)
def test_samples_print_no_placeholder_and_full_dates(
    kind: str, context: PrintContext, tmp_path: Path
) -> None:
    text = compact_text(render(kind, context, tmp_path / f"{kind}.pdf"))
    for placeholder in PLACEHOLDERS:
        assert placeholder not in text, placeholder
    assert "—" not in TIME_RANGE.sub("", text), "a dash standing for a missing value"
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text)
    partial_dates = [
        r"(?<![\w-])\d{4}-\d{1,2}-\d{1,2}(?![\d-])",  # 2026-11-22
        r"(?<![\w.])\d{4}\.\d{1,2}(?:\.\d{1,2})?(?![\d.])",  # 2026.11
        r"(?<![\d/])\d{4}/\d{1,2}(?:/\d{1,2})?",  # 2026/11/22
        r"(?<!年)(?<!\d)\d{1,2}月\d{1,2}日",  # 11月22日 without the year
        r"\d{4}年\d{1,2}月(?!\d{1,2}日)",  # 2026年11月 without the day
    ]
    for pattern in partial_dates:
        assert not re.search(pattern, text), (pattern, re.search(pattern, text))


def test_unrecorded_values_print_as_lines_to_write_on(fonts: DocumentFonts, tmp_path: Path) -> None:
    """A receipt loaded for a member with no branch, no home organization and no claimed post,
    printed from the command line by a center with no contact details: blanks, no
    placeholders, no account name."""
    context = dataclasses.replace(
        make_context(fonts),
        operator_name="命令行:root",
        actor=system_actor("命令行:root"),
        contact=CenterContact("", "", "", ""),
    )
    sample = document_kind("registration_receipt").sample(context)
    data = dataclasses.replace(
        sample, home_organization="", assigned_branch="", service_intentions="", handler=""
    )
    text = compact_text(render("registration_receipt", context, tmp_path / "r.pdf", data))
    for placeholder in PLACEHOLDERS:
        assert placeholder not in text, placeholder
    assert "root" not in text
    assert "联系人：____" in text and "联系电话：____" in text
    assert text.count(FILL_IN_MARK * 8) >= 5


def test_the_handler_is_the_person_printing_never_an_account(context: PrintContext) -> None:
    clerk = Actor(user_id=7, username="clerk", display_name="赵丽", role=Role.STAFF)
    unnamed = Actor(user_id=8, username="admin", display_name="admin", role=Role.ADMIN)
    cli = system_actor("命令行:root")

    def printed_by(actor: Actor) -> str:
        return handler_name(
            dataclasses.replace(context, operator_name=actor.display_name, actor=actor)
        )

    assert printed_by(clerk) == "赵丽"
    assert printed_by(unnamed) == ""
    assert printed_by(cli) == ""
    assert handler_name(context, "王芳") == "王芳"
    assert fill_in("") == FILL_IN_MARK * 12
    assert fill_in(" 王芳 ") == "王芳"
