"""Chinese line breaking for ReportLab paragraphs (GB/T 15834 标点符号用法 rules).

ReportLab's ``wordWrap='CJK'`` lets a line start with ，；：？！》 (its forbidden list has the
Japanese set, without the full-width comma, semicolon, colon, question and exclamation marks
or the closing 书名号), hangs a stop into the right margin, and cuts Latin words and numbers in
half. Readers of official paper notice all three. So :class:`ChineseParagraph` replaces only
the line splitter:

* closing punctuation (、，。；：？！）》」』】” …) never starts a line, opening brackets
  (（《「『【“ …) never end one: the character before is pushed down with it, so the text
  stays inside its box (no hanging punctuation in table cells);
* a run of Latin letters and digits (a certificate number, a phone number, ``12.5``) is kept
  whole when it fits on a line; ``——`` and ``……`` are never split;
* spaces at a break disappear.

When a line offers no legal break at all (a 300-character string of digits), it is cut where
it is full: overflowing the page is worse than breaking a rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus.paragraph import (
    Paragraph,
    ParaLines,
    cjkU,
    makeCJKParaLine,
)

FORBIDDEN_AT_LINE_START = frozenset(
    "、，。．；：？！）〕］｝〉》」』】〗〙”’…‥·～%‰℃°′″"
    "!),.:;?]}>"
    "々ーぁぃぅぇぉっゃゅょ"
)
"""GB/T 15834: 句号、逗号、顿号、分号、冒号、问号、叹号 and the closing halves of quotes,
brackets and 书名号 do not start a line."""

FORBIDDEN_AT_LINE_END = frozenset("（〔［｛〈《「『【〖〘“‘([{<￥$")
"""The opening halves of quotes, brackets and 书名号 do not end a line."""

NEVER_SPLIT_DOUBLED = frozenset("—…")
"""破折号 —— and 省略号 …… are two characters that stay on one line."""

_WIDTH_TOLERANCE = 1e-8


def is_word_character(character: str) -> bool:
    """Latin letters, digits and the marks inside numbers and codes (``A-2026/07``, ``12.5``)."""
    return character.isascii() and (character.isalnum() or character in "-_./@#+&'")


def may_break_between(before: str, after: str) -> bool:
    """Whether a line may end after ``before`` and the next one start with ``after``."""
    if after in FORBIDDEN_AT_LINE_START or before in FORBIDDEN_AT_LINE_END:
        return False
    if before == after and before in NEVER_SPLIT_DOUBLED:
        return False
    if after.isspace():
        return False  # break after the space instead, so it vanishes at the line end
    return not (is_word_character(before) and is_word_character(after))


def break_positions(text: str) -> list[int]:
    """Indexes ``i`` where a line may start at ``text[i]`` (for tests and plain-text layout)."""
    return [
        index for index in range(1, len(text)) if may_break_between(text[index - 1], text[index])
    ]


def _visible_end(units: Sequence[str], start: int, end: int) -> int:
    while end > start and units[end - 1].isspace():
        end -= 1
    return end


def split_units_into_lines(
    units: Sequence[Any],
    max_widths: Sequence[float],
    calculate_bounds: bool,
) -> ParaLines:
    """Greedy filling with the rules above; ``units`` are ReportLab ``cjkU`` characters."""
    lines: list[Any] = []
    count = len(units)
    start = 0
    while start < count and units[start].isspace() and not _is_line_break(units[start]):
        start += 1
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        width = 0.0
        last_break: int | None = None
        index = start
        forced_end: int | None = None
        while index < count:
            unit = units[index]
            if index > start and may_break_between(units[index - 1], unit):
                last_break = index
            if _is_line_break(unit):
                forced_end = index + 1
                break
            width += unit.width
            if width > max_width + _WIDTH_TOLERANCE and index > start:
                break
            index += 1
        if forced_end is not None:
            end = forced_end
            line_break = True
        elif index >= count:
            end = count
            line_break = False
        else:
            end = last_break if last_break is not None and last_break > start else index
            line_break = False
        visible_end = _visible_end(units, start, end)
        line_units = list(units[start:visible_end])
        if line_break and line_units and _is_line_break(line_units[-1]):
            used = sum(unit.width for unit in line_units[:-1])
        else:
            used = sum(unit.width for unit in line_units)
        lines.append(
            makeCJKParaLine(
                line_units, max_width, used, max_width - used, line_break, calculate_bounds
            )
        )
        start = end
        while start < count and units[start].isspace() and not _is_line_break(units[start]):
            start += 1
    return ParaLines(kind=1, lines=lines)


def _is_line_break(unit: Any) -> bool:
    return hasattr(unit.frag, "lineBreak")


class ChineseParagraph(Paragraph):  # type: ignore[misc]  # ReportLab ships no type hints
    """A ``Paragraph`` whose CJK line splitting follows Chinese punctuation rules.

    Use it with a style whose ``wordWrap`` is ``'CJK'`` (every style of the page kit).
    """

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 - ReportLab's hook name
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        frags = self.frags
        if not frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        units: list[Any] = []
        for frag in frags:
            text = frag.text
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            if text:
                units.extend(cjkU(character, frag, "utf-8") for character in text)
            else:
                units.append(cjkU(text, frag, "utf-8"))
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        calculate_bounds = auto_leading not in ("", "off")
        return split_units_into_lines(units, list(maxWidths), calculate_bounds)
