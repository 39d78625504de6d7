"""A ruled table that lays out thousands of rows page by page, pulling them from an iterator.

Why not a ReportLab ``Table`` of ``Paragraph`` cells: the roster of a 20,000-member community
(about 1,300 pages) took 131 s and 1.2 GB that way (issue 12), because every cell became a
Paragraph object and the whole table was measured before the first page was drawn. Here a row
is a sequence of plain strings; a cell is measured with ``stringWidth`` (character widths
cached per font), broken into lines by the Chinese rules of
:mod:`dangqun.printing.line_breaking`, and drawn as text runs with per-character font fallback
(:func:`dangqun.printing.page_kit.text_runs`: a rare character in a name is drawn in the next
font that has it). Memory holds the rows of one page: :meth:`StreamedTable.split`, which
ReportLab calls at every page end, returns this page's part and the rest of the stream.

The header row repeats on every page; a row taller than a whole page (a 300-character
address) is split inside itself, line by line, so it can always be placed. A column may be
``one_line``: its text is shortened to fit (a masked address keeps its mask and loses
characters of the kept part), so such a cell never wraps.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from dangqun.core.privacy import MASK
from dangqun.printing.fonts import DocumentFonts, RegisteredFont
from dangqun.printing.line_breaking import may_break_between
from dangqun.printing.page_kit import (
    LABEL_BACKGROUND,
    RULE_GREY,
    TEXT_BLACK,
    PrintContext,
    TypeSize,
    text_runs,
)

ELLIPSIS = "…"


@dataclass(frozen=True)
class StreamedColumn:
    """A column: header, share of the table width (relative; millimetres read best),
    alignment of its cells, and whether its cells are cut to one line."""

    header: str
    share: float
    align: str = "left"  # left, center, right
    one_line: bool = False


@dataclass(frozen=True)
class TableMetrics:
    """The vertical measures of a streamed table, for layout and for page estimates."""

    font_size: float
    leading: float
    padding: float
    """Above and below the lines of a row."""
    padding_x: float
    """Left and right of a cell's text: narrow, so fifteen columns fit their usual values."""

    @property
    def line_row_height(self) -> float:
        """The height of a row whose cells all take one line."""
        return self.leading + 2 * self.padding

    def row_height(self, lines: int) -> float:
        return lines * self.leading + 2 * self.padding


def table_metrics(font_size: float) -> TableMetrics:
    small = font_size < 12
    return TableMetrics(font_size, round(font_size * 1.3, 1), 3.0 if small else 4.0, 2.0)


Lines = list[list[tuple[str, str]]]
"""A cell's lines, each a list of (font name, text run)."""


class _Row:
    """One measured row: the lines of each cell (a part of a row split across pages)."""

    __slots__ = ("cells", "lines")

    def __init__(self, cells: list[Lines]) -> None:
        self.cells = cells
        self.lines = max((len(cell) for cell in cells), default=1) or 1

    def split(self, lines: int) -> tuple[_Row, _Row]:
        return _Row([cell[:lines] for cell in self.cells]), _Row(
            [cell[lines:] for cell in self.cells]
        )


class _TableStream:
    """What the parts of one table share: the columns, the fonts, the row iterator, and the
    measured rows pulled from it but not placed yet (at most about one page of them)."""

    def __init__(
        self,
        columns: Sequence[StreamedColumn],
        rows: Iterable[Sequence[str]],
        context: PrintContext,
        font_size: float,
        frame_height: float,
        empty_row: Sequence[str] | None,
    ) -> None:
        self.columns = list(columns)
        self.rows: Iterator[Sequence[str]] = iter(rows)
        self.fonts: DocumentFonts = context.fonts
        self.font: RegisteredFont = context.fonts.table_font
        self.header_font: RegisteredFont = context.fonts.heading
        self.metrics = table_metrics(font_size)
        self.frame_height = frame_height
        self.empty_row = list(empty_row) if empty_row is not None else None
        self.pending: deque[_Row] = deque()
        self.exhausted = False
        self.rows_seen = 0
        self.width = -1.0
        self.widths: list[float] = []
        self.header: _Row | None = None
        self.header_height = 0.0
        self._character_widths: dict[str, float] = {}
        self._covered: dict[str, bool] = {}

    # --- measuring ------------------------------------------------------------------------

    def prepare(self, width: float) -> None:
        if abs(width - self.width) < 0.01:
            return
        total = sum(column.share for column in self.columns)
        self.width = width
        self.widths = [width * column.share / total for column in self.columns]
        padding = self.metrics.padding_x
        self.header = _Row(
            [
                self._lines(column.header, self.header_font, self.widths[index] - 2 * padding)
                for index, column in enumerate(self.columns)
            ]
        )
        self.header_height = self.metrics.row_height(self.header.lines)
        if self.pending:  # measured for another width: never happens in one frame shape
            raise RuntimeError("a streamed table cannot change its width between pages")

    def _width(self, character: str, font: RegisteredFont) -> float:
        key = character if font is self.font else f"{font.name}\0{character}"
        width = self._character_widths.get(key)
        if width is None:
            face = self.fonts.face_for(character, font)
            width = float(stringWidth(character, face.name, self.metrics.font_size))
            self._character_widths[key] = width
        return width

    def _is_covered(self, text: str, font: RegisteredFont) -> bool:
        """Whether ``font`` draws every character of ``text`` (the common case: one run)."""
        coverage = font.coverage
        if coverage is None:
            return True
        if font is not self.font:
            return all(ord(character) in coverage or character.isspace() for character in text)
        known = self._covered.get(text)
        if known is None:
            known = all(ord(character) in coverage or character.isspace() for character in text)
            if len(self._covered) > 20_000:
                self._covered.clear()
            self._covered[text] = known
        return known

    def _runs(self, text: str, font: RegisteredFont) -> list[tuple[str, str]]:
        if self._is_covered(text, font):
            return [(font.name, text)]
        return text_runs(text, font, self.fonts)

    def _text_width(self, text: str, font: RegisteredFont) -> float:
        if self._is_covered(text, font):
            return float(stringWidth(text, font.name, self.metrics.font_size))
        return sum(self._width(character, font) for character in text)

    def _lines(self, text: str, font: RegisteredFont, width: float) -> Lines:
        """``text`` broken into lines of at most ``width`` points (line feeds kept)."""
        lines: Lines = []
        for paragraph in text.split("\n"):
            paragraph = paragraph.strip()
            if not paragraph:
                if lines or text.strip():
                    lines.append([])
                continue
            if self._text_width(paragraph, font) <= width:
                lines.append(self._runs(paragraph, font))
                continue
            for piece in self._break(paragraph, font, width):
                lines.append(self._runs(piece, font))
        return lines

    def _break(self, text: str, font: RegisteredFont, width: float) -> list[str]:
        """Greedy Chinese line breaking: the last legal break before the line is full
        (closing punctuation never starts a line, a number stays whole), else where it is
        full — overflowing the page is worse than breaking a rule."""
        pieces: list[str] = []
        start = 0
        count = len(text)
        while start < count:
            used = 0.0
            index = start
            best = -1
            while index < count:
                if index > start and may_break_between(text[index - 1], text[index]):
                    best = index
                used += self._width(text[index], font)
                if used > width + 1e-6 and index > start:
                    break
                index += 1
            if index >= count:
                end = count
            elif best > start:
                end = best
            else:
                end = index
            piece = text[start:end].strip()
            if piece:
                pieces.append(piece)
            start = end
            while start < count and text[start].isspace():
                start += 1
        return pieces

    def _one_line(self, text: str, width: float) -> Lines:
        """``text`` on one line: shortened until it fits. A masked value keeps its mask and
        shows fewer of the kept characters (it hides more, never less); other text ends
        with an ellipsis."""
        text = " ".join(text.split())
        if not text or self._text_width(text, self.font) <= width:
            return [self._runs(text, self.font)] if text else []
        masked = text.find(MASK)
        if masked > 0:
            kept, mask = text[:masked], text[masked:]
            while kept and self._text_width(kept + mask, self.font) > width:
                kept = kept[:-1]
            if kept:
                return [self._runs(kept + mask, self.font)]
        while text and self._text_width(text + ELLIPSIS, self.font) > width:
            text = text[:-1]
        return [self._runs(text + ELLIPSIS, self.font)]

    def measure(self, values: Sequence[str]) -> _Row:
        padding = self.metrics.padding_x
        cells: list[Lines] = []
        for column, value, width in zip(self.columns, values, self.widths, strict=True):
            inner = width - 2 * padding
            if column.one_line:
                cells.append(self._one_line(value, inner))
            else:
                cells.append(self._lines(value, self.font, inner))
        return _Row(cells)

    # --- pulling rows ---------------------------------------------------------------------

    def pull(self) -> bool:
        """Measure one more row into ``pending``; False when the stream has ended."""
        if self.exhausted:
            return False
        values = next(self.rows, None)
        if values is None:
            self.exhausted = True
            if self.rows_seen == 0 and self.empty_row is not None:
                self.rows_seen = 1
                self.pending.append(self.measure(self.empty_row))
                return True
            return False
        self.rows_seen += 1
        self.pending.append(self.measure(values))
        return True

    def take(self, available: float, at_page_top: bool) -> tuple[list[_Row], bool]:
        """The rows that fit in ``available`` points below the header, removed from
        ``pending``; and whether the table ends with them.

        A row that can never fit on a page is split inside itself; any other row that does
        not fit waits for the next page.
        """
        metrics = self.metrics
        room = available - self.header_height
        taken: list[_Row] = []
        used = 0.0
        position = 0
        while True:
            if position >= len(self.pending) and not self.pull():
                break
            row = self.pending[position]
            height = metrics.row_height(row.lines)
            if used + height <= room + 1e-6:
                used += height
                position += 1
                continue
            too_tall = self.header_height + height > self.frame_height - 1e-6
            if too_tall or (at_page_top and position == 0):
                lines = math.floor((room - used - 2 * metrics.padding) / metrics.leading + 1e-6)
                if lines >= 1:
                    first, rest = row.split(lines)
                    self.pending[position] = rest
                    self.pending.insert(position, first)
                    position += 1
            break
        for _ in range(position):
            taken.append(self.pending.popleft())
        done = self.exhausted and not self.pending
        return taken, done

    def height_needed(self, available: float) -> float:
        """The height of header + pending rows, pulling rows until more than ``available``
        is needed or the stream ends (what :meth:`StreamedTable.wrap` reports)."""
        total = self.header_height + sum(self.metrics.row_height(row.lines) for row in self.pending)
        while total <= available and self.pull():
            total += self.metrics.row_height(self.pending[-1].lines)
        return total


class StreamedTable(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """The not-yet-placed rest of a streamed table (see the module docstring).

    ``rows`` is consumed once, as the layout reaches it; ``frame_height`` is the height of
    the page's text frame (``context.layout(...).frame_height``), which tells a row that can
    never fit on a page from one that fits on the next. ``empty_row`` is drawn when there
    are no rows at all.
    """

    def __init__(
        self,
        columns: Sequence[StreamedColumn],
        rows: Iterable[Sequence[str]],
        context: PrintContext,
        frame_height: float,
        font_size: float = TypeSize.XIAOWU,
        empty_row: Sequence[str] | None = None,
    ) -> None:
        super().__init__()
        self.stream = _TableStream(columns, rows, context, font_size, frame_height, empty_row)

    @classmethod
    def _rest_of(cls, stream: _TableStream) -> StreamedTable:
        rest: StreamedTable = cls.__new__(cls)
        Flowable.__init__(rest)
        rest.stream = stream
        return rest

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        stream = self.stream
        stream.prepare(available_width)
        self.width = available_width
        self.height = stream.height_needed(available_height)
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        stream = self.stream
        stream.prepare(available_width)
        at_top = bool(getattr(self, "_postponed", False))
        rows, done = stream.take(available_height, at_top)
        if not rows:
            return []
        part = _TablePart(stream, rows)
        if done:
            return [part]
        return [part, StreamedTable._rest_of(stream)]

    def draw(self) -> None:
        """Everything fitted on one page: draw it all."""
        rows, _done = self.stream.take(self.height + 1, at_page_top=True)
        _draw_part(self.canv, self.stream, rows, self.height)


class _TablePart(Flowable):  # type: ignore[misc]
    """The rows of one page, under a repeated header."""

    def __init__(self, stream: _TableStream, rows: list[_Row]) -> None:
        super().__init__()
        self.stream = stream
        self.rows = rows
        metrics = stream.metrics
        self.height = stream.header_height + sum(metrics.row_height(row.lines) for row in rows)
        self.width = stream.width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        _draw_part(self.canv, self.stream, self.rows, self.height)


def _draw_part(canvas: Any, stream: _TableStream, rows: Sequence[_Row], height: float) -> None:
    """Header background, grid, then all text of the page in one text object."""
    metrics = stream.metrics
    widths = stream.widths
    width = stream.width
    edges = [0.0]
    for column_width in widths:
        edges.append(edges[-1] + column_width)
    header = stream.header
    assert header is not None
    canvas.saveState()
    canvas.setFillColor(LABEL_BACKGROUND)
    canvas.rect(0, height - stream.header_height, width, stream.header_height, stroke=0, fill=1)
    # Grid: one path of thin rules, then the heavy box and the rule under the header.
    path = canvas.beginPath()
    tops = [height, height - stream.header_height]
    y = tops[-1]
    for row in rows:
        y -= metrics.row_height(row.lines)
        tops.append(y)
    bottom = tops[-1]
    for top in tops[1:-1]:
        path.moveTo(0, top)
        path.lineTo(width, top)
    for edge in edges[1:-1]:
        path.moveTo(edge, height)
        path.lineTo(edge, bottom)
    canvas.setStrokeColor(RULE_GREY)
    canvas.setLineWidth(0.5)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setStrokeColor(TEXT_BLACK)
    canvas.setLineWidth(1.0)
    canvas.rect(0, bottom, width, height - bottom, stroke=1, fill=0)
    canvas.line(0, tops[1], width, tops[1])
    canvas.setFillColor(TEXT_BLACK)
    text = canvas.beginText()
    state = {"font": ""}
    size = metrics.font_size
    _draw_row(text, state, stream, header, height, edges, size, header=True)
    for row, top in zip(rows, tops[1:-1], strict=True):
        _draw_row(text, state, stream, row, top, edges, size, header=False)
    canvas.drawText(text)
    canvas.restoreState()


def _draw_row(
    text: Any,
    state: dict[str, str],
    stream: _TableStream,
    row: _Row,
    top: float,
    edges: Sequence[float],
    size: float,
    header: bool,
) -> None:
    metrics = stream.metrics
    padding = metrics.padding
    leading = metrics.leading
    padding_x = metrics.padding_x
    for index, lines in enumerate(row.cells):
        if not lines:
            continue
        column = stream.columns[index]
        align = "center" if header else column.align
        left, right = edges[index] + padding_x, edges[index + 1] - padding_x
        # Vertically centred in the row, as a register reads.
        offset = (row.lines - len(lines)) * leading / 2
        baseline = top - padding - offset - (leading + size * 0.7) / 2
        for runs in lines:
            if runs:
                if align == "left":
                    x = left
                else:
                    line_width = sum(float(stringWidth(run, name, size)) for name, run in runs)
                    x = right - line_width if align == "right" else (left + right - line_width) / 2
                text.setTextOrigin(x, baseline)
                for name, run in runs:
                    if state["font"] != name:
                        text.setFont(name, size, leading)
                        state["font"] = name
                    text.textOut(run)
            baseline -= leading


def header_lines(
    columns: Sequence[StreamedColumn], context: PrintContext, width: float, font_size: float
) -> int:
    """The lines the header row of ``columns`` takes in a table ``width`` points wide, broken
    as the table breaks it: what :func:`estimate_pages` needs, measured, not assumed."""
    stream = _TableStream(columns, (), context, font_size, 0.0, None)
    stream.prepare(width)
    assert stream.header is not None
    return stream.header.lines


def estimate_pages(
    rows: int,
    frame_height: float,
    font_size: float,
    header_lines: int = 1,
    first_page_used: float = 0.0,
    last_page_used: float = 0.0,
    lines_per_row: float = 1.0,
) -> int:
    """How many pages a streamed table of ``rows`` rows takes, without laying it out.

    ``first_page_used`` is the height above the table on its first page (title, summary),
    ``last_page_used`` what follows it (notes, signatures); ``lines_per_row`` the average
    lines of a row (1 when the columns are sized for typical values). Cheap enough to show
    before printing (issue 12: a list says how many pages it will take).
    """
    metrics = table_metrics(font_size)
    header = metrics.row_height(header_lines)
    row_height = metrics.leading * lines_per_row + 2 * metrics.padding
    per_page = max(int((frame_height - header) // row_height), 1)
    first = max(int((frame_height - first_page_used - header) // row_height), 0)
    rows = max(rows, 1)
    if rows <= first:
        pages = 1
        left_on_last = frame_height - first_page_used - header - rows * row_height
    else:
        rest = rows - first
        pages = 1 + math.ceil(rest / per_page)
        on_last = rest - (pages - 2) * per_page
        left_on_last = frame_height - header - on_last * row_height
    if last_page_used > left_on_last:
        pages += 1
    return pages
