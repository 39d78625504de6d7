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
    "、，。．；：？！）〕］｝〉》」』】〗〙”’…‥·～%‰℃°′″!),.:;?]}>々ーぁぃぅぇぉっゃゅょ"
)
"""GB/T 15834: 句号、逗号、顿号、分号、冒号、问号、叹号 and the closing halves of quotes,
brackets and 书名号 do not start a line."""

FORBIDDEN_AT_LINE_END = frozenset("（〔［｛〈《「『【〖〘“‘([{<￥$")
"""The opening halves of quotes, brackets and 书名号 do not end a line."""

NEVER_SPLIT_DOUBLED = frozenset("—…")
"""破折号 —— and 省略号 …… are two characters that stay on one line."""

_WIDTH_TOLERANCE = 1e-8


def is_word_character(character: str) -> bool:
    """Latin letters, digits and the marks inside numbers and codes (``A-2026/07``, ``12.5``,
    a masked ID number ``5301**********0027``)."""
    return (
        len(character) == 1
        and character.isascii()
        and (character.isalnum() or character in "-_./@#+&'*")
    )


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


JOINED_RUN_SHARE = 0.45
"""An underlined value longer than this share of the line may break like plain text:
keeping a long one whole would leave a ragged, half-empty line before it."""


def _underlined_run_widths(units: Sequence[Any]) -> list[float]:
    """For each unit, the width of the underlined run it belongs to (0 when not underlined)."""
    widths = [0.0] * len(units)
    index = 0
    while index < len(units):
        if not _underlined(units[index]):
            index += 1
            continue
        end = index
        total = 0.0
        while end < len(units) and _underlined(units[end]):
            total += units[end].width
            end += 1
        for position in range(index, end):
            widths[position] = total
        index = end
    return widths


def _underlined(unit: Any) -> bool:
    return any(line[1] == "underline" for line in getattr(unit.frag, "us_lines", ()) or ())


def split_units_into_lines(
    units: Sequence[Any],
    max_widths: Sequence[float],
    calculate_bounds: bool,
) -> ParaLines:
    """Greedy filling with the rules above; ``units`` are ReportLab ``cjkU`` characters.

    Breaks are tried in three tiers, so a rule bends only when the line leaves no choice:
    every rule; then punctuation rules only (an underlined value or a long number may be
    split); then anywhere.
    """
    lines: list[Any] = []
    count = len(units)
    run_widths = _underlined_run_widths(units)
    start = 0
    while start < count and units[start].isspace() and not _is_line_break(units[start]):
        start += 1
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        width = 0.0
        best_break: int | None = None
        relaxed_break: int | None = None
        index = start
        forced_end: int | None = None
        while index < count:
            unit = units[index]
            if index > start:
                before = units[index - 1]
                if may_break_between(before, unit):
                    relaxed_break = index
                    joined = (
                        run_widths[index - 1] > 0
                        and 0 < run_widths[index] <= JOINED_RUN_SHARE * max_width
                    )
                    if not joined:
                        best_break = index
                elif _punctuation_allows(before, unit):
                    relaxed_break = index
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
            if best_break is not None and best_break > start:
                end = best_break
            elif relaxed_break is not None and relaxed_break > start:
                end = relaxed_break
            else:
                end = index
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


def _punctuation_allows(before: str, after: str) -> bool:
    """The second tier: only the punctuation rules, words and numbers may be split."""
    return after not in FORBIDDEN_AT_LINE_START and before not in FORBIDDEN_AT_LINE_END


def _is_line_break(unit: Any) -> bool:
    return hasattr(unit.frag, "lineBreak")


class ChineseParagraph(Paragraph):  # type: ignore[misc]  # ReportLab ships no type hints
    """A ``Paragraph`` whose CJK line splitting follows Chinese punctuation rules.

    Use it with a style whose ``wordWrap`` is ``'CJK'`` (every style of the page kit).
    """

    def breakLinesCJK(self, maxWidths: Any) -> Any:
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
