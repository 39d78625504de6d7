"""Issue 12 polish: the blank line after 主持人（签字）： is one unbroken rule on paper, also on
a 样张 whose outline mark crosses it (the mark was painted over the rule in light grey and
cut it into a short stray dash and a line)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from dangqun.minutes.documents.minutes_record import build_minutes_record, sample_minutes_record
from dangqun.printing.batch import render_to_file
from dangqun.printing.fonts import DocumentFonts
from tests.conftest import requires_poppler
from tests.unit.printing.pdf_tools import make_context, pdf_info, pdf_words, run_tool

DPI = 110
INK = 128
"""A grey level darker than this is ink: the black rule, never the mark's light grey."""


def blank_line_row(image: Image.Image, x_from: int, x_to: int, y_from: int, y_to: int) -> int:
    """The pixel row between ``y_from`` and ``y_to`` with the most ink in ``x_from..x_to``:
    the signature rule under the label."""

    def ink(y: int) -> int:
        return sum(1 for x in range(x_from, x_to) if image.getpixel((x, y)) < INK)  # type: ignore[operator]

    return max(range(y_from, y_to), key=ink)


@requires_poppler
def test_the_signature_rule_of_a_sample_is_unbroken(fonts: DocumentFonts, tmp_path: Path) -> None:
    context = make_context(fonts).as_sample()
    path = tmp_path / "minutes.pdf"
    render_to_file([build_minutes_record(sample_minutes_record(context), context)], context, path)
    last = pdf_info(path).pages
    labels = [
        word
        for word in pdf_words(path)
        if word.page == last and word.text in ("主持人（签字）：", "记录人（签字）：")
    ]
    assert len(labels) == 2
    run_tool("pdftoppm", "-r", str(DPI), "-gray", "-png", "-f", str(last), "-l", str(last),
             str(path), str(tmp_path / "page"))  # fmt: skip
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    scale = DPI / 72
    for label in labels:
        x_from = round(label.x_max * scale) + 1
        x_to = x_from + round(140 * scale)
        y = blank_line_row(
            image, x_from, x_to, round(label.y_min * scale), round((label.y_max + 12) * scale)
        )
        # Either of two pixel rows may carry the 0.8 pt rule: a column is ink if either does.
        inked = [
            x
            for x in range(x_from, x_to)
            if min(image.getpixel((x, y)), image.getpixel((x, y + 1))) < INK  # type: ignore[type-var]
            or min(image.getpixel((x, y)), image.getpixel((x, y - 1))) < INK  # type: ignore[type-var]
        ]
        assert len(inked) > 80 * scale, (label.text, len(inked))  # a rule, not a few dots
        start, end = inked[0], inked[-1]
        gaps = [x for x in range(start, end + 1) if x not in set(inked)]
        assert not gaps, (label.text, start, end, gaps)
