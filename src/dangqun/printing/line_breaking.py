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
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, imgNormV, imgVRange

FORBIDDEN_AT_LINE_START = frozenset(
    "、，。．；：？！）〕］｝〉》」』】〗〙”’…‥·～%‰℃°′″!),.:;?]}>々ーぁぃぅぇぉっゃゅょ"
)
"""GB/T 15834: 句号、逗号、顿号、分号、冒号、问号、叹号 and the closing halves of quotes,
brackets and 书名号 do not start a line."""

FORBIDDEN_AT_LINE_END = frozenset("（〔［｛〈《「『【〖〘“‘([{<￥$")
"""The opening halves of quotes, brackets and 书名号 do not end a line."""

NEVER_SPLIT_DOUBLED = frozenset("—…")
"""破折号 —— and 省略号 …… are two characters that stay on one line."""

JOINED_RUN_SHARE = 0.45
"""An underlined value (a filled-in name, date or duration) stays on one line when it is at
most this share of the line; a longer one breaks like plain text, since keeping it whole
would leave a ragged, half-empty line before it."""

_WORD_MARKS = frozenset("-_./:@#+&'*")
_WIDTH_TOLERANCE = 1e-8
_character_widths: dict[tuple[str, float], dict[str, float]] = {}
"""Per (font, size): the width of each character met so far. Paragraph layout asks for the
width of every character of every paragraph; most are the same few hundred characters."""


def is_word_character(character: str) -> bool:
    """Latin letters, digits and the marks inside numbers and codes (``A-2026/07``, ``12.5``,
    a masked ID number ``5301**********0027``, a time ``12:00`` — the brochure's opening hours
    broke into "12:" and "00")."""
    return (
        len(character) == 1
        and character.isascii()
        and (character.isalnum() or character in _WORD_MARKS)
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


def _punctuation_allows(before: str, after: str) -> bool:
    """The second tier: only the punctuation rules; words and numbers may be split."""
    return after not in FORBIDDEN_AT_LINE_START and before not in FORBIDDEN_AT_LINE_END


def break_positions(text: str) -> list[int]:
    """Indexes ``i`` where a line may start at ``text[i]`` (for tests and plain-text layout)."""
    return [
        index for index in range(1, len(text)) if may_break_between(text[index - 1], text[index])
    ]


@dataclass
class _Units:
    """A paragraph cut into characters, each with its fragment (style) and width."""

    characters: list[str]
    fragments: list[Any]
    widths: list[float]


def _width_of(character: str, font_name: str, font_size: float) -> float:
    table = _character_widths.get((font_name, font_size))
    if table is None:
        table = _character_widths.setdefault((font_name, font_size), {})
    width = table.get(character)
    if width is None:
        width = stringWidth(character, font_name, font_size)
        table[character] = width
    return width


def _units_of(fragments: Sequence[Any]) -> _Units:
    units = _Units([], [], [])
    for fragment in fragments:
        text = fragment.text
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        callback = getattr(fragment, "cbDefn", None)
        pieces = list(text) if text else [text]
        for piece in pieces:
            if callback is not None:
                width = float(getattr(callback, "width", 0) or 0)
            elif piece:
                width = _width_of(piece, fragment.fontName, fragment.fontSize)
            else:
                width = 0.0
            units.characters.append(piece)
            units.fragments.append(fragment)
            units.widths.append(width)
    return units


def _is_underlined(fragment: Any) -> bool:
    return any(line[1] == "underline" for line in getattr(fragment, "us_lines", ()) or ())


def _underlined_run_widths(units: _Units) -> list[float]:
    """For each unit, the width of the underlined run it belongs to (0 when not underlined)."""
    flags: dict[int, bool] = {}
    underlined = []
    for fragment in units.fragments:
        key = id(fragment)
        flag = flags.get(key)
        if flag is None:
            flag = flags[key] = _is_underlined(fragment)
        underlined.append(flag)
    widths = [0.0] * len(underlined)
    index = 0
    while index < len(underlined):
        if not underlined[index]:
            index += 1
            continue
        end = index
        total = 0.0
        while end < len(underlined) and underlined[end]:
            total += units.widths[end]
            end += 1
        for position in range(index, end):
            widths[position] = total
        index = end
    return widths


def _make_line(
    units: _Units,
    start: int,
    end: int,
    max_width: float,
    used: float,
    line_break: bool,
    calculate_bounds: bool,
) -> Any:
    """One ReportLab ``FragLine``: consecutive characters of one fragment become one word.

    The same structure as ReportLab's ``makeCJKParaLine``, computed per fragment instead of
    per character (it is called for every line of every cell of every document).
    """
    words: list[Any] = []
    max_size = max_ascent = min_descent = 0.0
    index = start
    while index < end:
        fragment = units.fragments[index]
        run_end = index + 1
        while run_end < end and units.fragments[run_end] is fragment:
            run_end += 1
        font_size = fragment.fontSize
        callback: Any = getattr(fragment, "cbDefn", None)
        callback_width: Any = getattr(callback, "width", 0)
        if calculate_bounds and callback_width:
            descent, ascent = imgVRange(
                imgNormV(callback.height, font_size), callback.valign, font_size
            )
        else:
            ascent, descent = getAscentDescent(fragment.fontName, font_size)
        max_size = max(max_size, font_size)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)
        word = fragment.clone()
        word.text = "".join(units.characters[index:run_end])
        words.append(word)
        index = run_end
    return FragLine(
        kind=1,
        extraSpace=max_width - used,
        wordCount=1,
        words=words,
        fontSize=max_size,
        ascent=max_ascent,
        descent=min_descent,
        maxWidth=max_width,
        currentWidth=used,
        lineBreak=line_break,
    )


def split_into_lines(
    fragments: Sequence[Any], max_widths: Sequence[float], calculate_bounds: bool
) -> Any:
    """Greedy filling of lines with the rules above (ReportLab fragments in, ``ParaLines`` out).

    Breaks are tried in three tiers, so a rule bends only when a line leaves no choice:
    every rule; then the punctuation rules only (an underlined value or a long number may be
    split); then anywhere.
    """
    units = _units_of(fragments)
    characters, widths, unit_fragments = units.characters, units.widths, units.fragments
    count = len(characters)
    run_widths = _underlined_run_widths(units)
    breaks_line = [hasattr(fragment, "lineBreak") for fragment in unit_fragments]
    lines: list[Any] = []

    def skip_spaces(position: int) -> int:
        while position < count and characters[position].isspace() and not breaks_line[position]:
            position += 1
        return position

    start = skip_spaces(0)
    while start < count:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        width = 0.0
        best_break = relaxed_break = -1
        index = start
        forced_end = -1
        while index < count:
            if index > start:
                before, after = characters[index - 1], characters[index]
                if may_break_between(before, after):
                    relaxed_break = index
                    joined = (
                        run_widths[index - 1] > 0
                        and 0 < run_widths[index] <= JOINED_RUN_SHARE * max_width
                    )
                    if not joined:
                        best_break = index
                elif _punctuation_allows(before, after):
                    relaxed_break = index
            if breaks_line[index]:
                forced_end = index + 1
                break
            width += widths[index]
            if width > max_width + _WIDTH_TOLERANCE and index > start:
                break
            index += 1
        line_break = forced_end >= 0
        if line_break:
            end = forced_end
        elif index >= count:
            end = count
        elif best_break > start:
            end = best_break
        elif relaxed_break > start:
            end = relaxed_break
        else:
            end = index
        visible_end = end
        while visible_end > start and characters[visible_end - 1].isspace():
            visible_end -= 1
        measured_end = visible_end - 1 if line_break and visible_end > start else visible_end
        used = sum(widths[start:measured_end])
        lines.append(
            _make_line(units, start, visible_end, max_width, used, line_break, calculate_bounds)
        )
        start = skip_spaces(end)
    return ParaLines(kind=1, lines=lines)


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
        split_part: Any = getattr(self, "_splitpara", 0)
        if hasattr(self, "blPara") and split_part:
            return self.blPara
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return split_into_lines(frags, list(maxWidths), auto_leading not in ("", "off"))
