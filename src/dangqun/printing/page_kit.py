"""The page kit: what every printed document is made of, so they all look like one office's.

Conventions borrowed from GB/T 9704《党政机关公文格式》, which front-desk staff see every day:
A4 paper; the title in 方正小标宋 二号, centered; body text in 仿宋 三号 (16 pt) or 四号 (14 pt)
with a two-character first-line indent; headings in 黑体; the issuing organization and the
date at the lower right with the seal (公章) over them; page numbers. Tables split across pages
with their header repeated, every multi-page document says "第 X 页 共 Y 页", and every page
that is not a certificate names the center and the print date, so a loose page can be traced.

Builders in each feature's ``documents/`` package compose these pieces into a
:class:`DocumentPlan`; :mod:`dangqun.printing.batch` lays plans out into one PDF.
"""

from __future__ import annotations

import dataclasses
import enum
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import FF_FORCEBOLD
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from dangqun.core.audit import CLI_ACTOR_PREFIX
from dangqun.core.center import CenterContact
from dangqun.core.security import Actor
from dangqun.printing.fonts import DocumentFonts, GlyphStyle, RegisteredFont
from dangqun.printing.line_breaking import ChineseParagraph
from dangqun.printing.page_settings import PageSettings


class TypeSize:
    """Chinese type sizes in points (号数制), the sizes office staff ask for by name."""

    XIAOCHU = 36.0  # 小初
    YIHAO = 26.0  # 一号
    XIAOYI = 24.0  # 小一
    ERHAO = 22.0  # 二号: document titles
    XIAOER = 18.0  # 小二
    SANHAO = 16.0  # 三号: body text of official documents
    XIAOSAN = 15.0  # 小三
    SIHAO = 14.0  # 四号
    XIAOSI = 12.0  # 小四: table cells
    WUHAO = 10.5  # 五号
    XIAOWU = 9.0  # 小五: footers


OFFICIAL_RED = colors.HexColor("#C8161D")
"""The red of 红头 headings and certificates."""
TEXT_BLACK = colors.HexColor("#111111")
RULE_GREY = colors.HexColor("#555555")
LABEL_BACKGROUND = colors.HexColor("#F1F1F1")
SEAL_GUIDE = colors.HexColor("#D9A3A3")
NOTE_GREY = colors.HexColor("#555555")


class PageLayout(enum.Enum):
    """The page shapes documents use; each becomes one page template of the PDF."""

    PORTRAIT = "portrait"  # forms, minutes, statements: numbered pages with a footer
    CERTIFICATE = "certificate"  # one framed page, no page number (hung on walls)
    SLIP = "slip"  # one page, footer without page numbers
    LANDSCAPE = "landscape"  # wide tables such as rosters


@dataclass(frozen=True)
class Margins:
    top: float
    right: float
    bottom: float
    left: float


@dataclass(frozen=True)
class PageLayoutSpecification:
    page_size: tuple[float, float]
    margins: Margins
    numbered: bool
    footer: bool
    framed: bool

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - self.margins.left - self.margins.right

    @property
    def frame_height(self) -> float:
        return self.page_size[1] - self.margins.top - self.margins.bottom


PAGE_LAYOUTS: dict[PageLayout, PageLayoutSpecification] = {
    PageLayout.PORTRAIT: PageLayoutSpecification(
        A4, Margins(25 * mm, 24 * mm, 24 * mm, 26 * mm), True, True, False
    ),
    PageLayout.CERTIFICATE: PageLayoutSpecification(
        A4, Margins(30 * mm, 28 * mm, 26 * mm, 28 * mm), False, False, True
    ),
    PageLayout.SLIP: PageLayoutSpecification(
        A4, Margins(20 * mm, 22 * mm, 22 * mm, 22 * mm), False, True, False
    ),
    PageLayout.LANDSCAPE: PageLayoutSpecification(
        landscape(A4), Margins(16 * mm, 14 * mm, 18 * mm, 14 * mm), True, True, False
    ),
}


GB9704_TEXT_WIDTH = 156 * mm
GB9704_TEXT_HEIGHT = 225 * mm
"""GB/T 9704-2012 §5.2.1: the text block of A4, 22 lines of 28 characters in 三号."""


def chinese_date(value: date) -> str:
    """``2026年11月22日``, the way dates are written on official paper."""
    return f"{value.year}年{value.month}月{value.day}日"


FILL_IN_MARK = "_"
"""A blank to write on is a run of underscores: an underline on paper, whatever the font."""


def fill_in(value: str, characters: int = 6) -> str:
    """``value``, or a blank line about ``characters`` Chinese characters wide to write it on.

    Issue 12: a value the center has not recorded (a contact person, a phone) is written in by
    hand, so the paper leaves a line for it — never "（待认领）", "—" or "无", which read as
    facts. An underscore is half a character wide in Chinese fonts, hence two per character.
    """
    return value.strip() or FILL_IN_MARK * (2 * characters)


def written_in(value: str, characters: int = 6) -> str | Emphasis:
    """A value filled into running text, underlined (:class:`Emphasis`), or the blank line of
    :func:`fill_in` when there is none, for :func:`rich_paragraph`."""
    return Emphasis(value.strip()) if value.strip() else fill_in("", characters)


def handler_name(context: PrintContext, recorded: str = "") -> str:
    """The handler (经办人) printed on paper: ``recorded`` when the record names one, else the
    person printing (``context.operator_name``, the signed-in user's real name).

    Issue 12: never an account name. The command line's own actor ("命令行:root") and a user
    whose display name is still the account name print as a blank to sign on instead.
    """
    if recorded.strip():
        return recorded.strip()
    name = context.operator_name.strip()
    actor = context.actor
    if name.startswith(CLI_ACTOR_PREFIX):
        return ""
    if actor is not None and (actor.user_id is None or name == actor.username):
        return ""
    return name


def is_heavy_face(font: RegisteredFont) -> bool:
    """Whether ``font`` is already heavy: a 小标宋 or a bold face (the file's weight class is
    600 or more, which ReportLab reports as the FORCEBOLD flag). Faux bold on such a face
    smears the strokes (issue 12)."""
    if font.style is GlyphStyle.XIAOBIAOSONG:
        return True
    face = getattr(getFont(font.name), "face", None)
    return bool(getattr(face, "flags", 0) & FF_FORCEBOLD)


def format_duration(minutes: int) -> str:
    """Service time from whole minutes: ``12 小时 30 分钟``; hours are never floats (DOMAIN §3)."""
    if minutes < 0:
        return "-" + format_duration(-minutes)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} 小时 {rest} 分钟"
    if hours:
        return f"{hours} 小时"
    return f"{rest} 分钟"


@dataclass(frozen=True)
class PrintContext:
    """What every builder needs besides its data: who prints, where, when, with which fonts.

    ``may_see_personal_data`` comes from the acting user's role; without it ID numbers,
    phones and addresses are masked. ``verification_key`` signs the QR codes; without a key
    (a sample printed outside a data directory) the code says it is a sample.
    """

    center_name: str
    center_id: str
    print_date: date
    fonts: DocumentFonts
    verification_key: bytes | None = None
    may_see_personal_data: bool = False
    operator_name: str = ""
    """Who prints (经办人 where a document names the handler and the data does not): the
    signed-in user's real name, never an account name."""
    actor: Actor | None = None
    """The acting user, for loaders that read through a feature service (which checks the
    permission and masks as the role requires); builders never look at it. None for contexts
    built by hand (samples, previews of data already loaded)."""
    contact: CenterContact = field(default_factory=lambda: CenterContact("", "", "", ""))
    """The center's party organization, address, contact person and phone (中心信息); a blank
    value prints as a line to write on."""
    page: PageSettings = field(default_factory=PageSettings)
    """Margins and the seal guide (系统设置 → 打印)."""
    sample: bool = False
    """A 样张: every page says so, and no code on it verifies (issue 12)."""

    @cached_property
    def styles(self) -> DocumentStyles:
        return DocumentStyles.for_fonts(self.fonts)

    def as_sample(self) -> PrintContext:
        """This context for a 样张: marked on every page and signed with no center key, so no
        code on it verifies as a document of this center (issue 12)."""
        return dataclasses.replace(self, sample=True, verification_key=None)

    def layout(self, kind: PageLayout) -> PageLayoutSpecification:
        """The page shape ``kind`` takes with this center's margins."""
        return layout_specification(kind, self.page)


GB9704_LAYOUTS = frozenset({PageLayout.PORTRAIT, PageLayout.CERTIFICATE})
"""The page shapes of running text laid out on the GB/T 9704 text block: minutes and
statements (portrait) and certificates. A slip (PageLayout.SLIP: a booking slip, a 回执) is one
A4 sheet cut in two — the paper handed over and the stub (存根) the office keeps — and keeps
its own narrower margins so both halves fit on the sheet; landscape tables keep theirs."""


def layout_specification(kind: PageLayout, page: PageSettings) -> PageLayoutSpecification:
    """``PAGE_LAYOUTS[kind]`` with the center's margins applied to running-text pages.

    GB/T 9704-2012 §5.2.1: the text block is 156 mm × 225 mm, 37 mm from the top and 28 mm from
    the left edge; a center on pre-printed paper moves it with the two settings, and the right
    and bottom margins follow so the block keeps its size where the paper allows. A slip keeps
    its own margins (:data:`GB9704_LAYOUTS`), and so do landscape tables.
    """
    specification = PAGE_LAYOUTS[kind]
    if kind not in GB9704_LAYOUTS:
        return specification
    width, height = specification.page_size
    top, left = page.top_margin_mm * mm, page.left_margin_mm * mm
    right = max(width - left - GB9704_TEXT_WIDTH, 15 * mm)
    bottom = max(height - top - GB9704_TEXT_HEIGHT, 20 * mm)
    return dataclasses.replace(specification, margins=Margins(top, right, bottom, left))


def _style(name: str, font: RegisteredFont, size: float, leading: float, **extra: Any) -> Any:
    return ParagraphStyle(
        name,
        fontName=font.name,
        fontSize=size,
        leading=leading,
        wordWrap="CJK",
        textColor=extra.pop("textColor", TEXT_BLACK),
        **extra,
    )


@dataclass(frozen=True)
class DocumentStyles:
    """Paragraph styles of the kit, one set per font choice."""

    fonts: DocumentFonts
    title: Any
    certificate_title: Any
    subtitle: Any
    heading: Any
    body: Any
    body_compact: Any
    body_plain: Any
    label: Any
    cell: Any
    cell_center: Any
    cell_right: Any
    cell_header: Any
    note: Any
    signature: Any
    seal_text: Any
    right: Any

    @classmethod
    def for_fonts(cls, fonts: DocumentFonts) -> DocumentStyles:
        """GB/T 9704-2012 §7.3: the title in 2号 (22 pt) in the title font, centered; body text
        and first-level headings in 3号 (16 pt) at a 29 pt pitch (22 lines in the 225 mm block);
        table text smaller but all in the table font (one family per table); signatures and the
        organization under the seal in the signature font."""
        title, body, heading = fonts.title, fonts.body, fonts.heading
        table, signature = fonts.table_font, fonts.signature_font
        return cls(
            fonts=fonts,
            title=_style(
                "title", title, TypeSize.ERHAO, 32, alignment=TA_CENTER, spaceAfter=4 * mm
            ),
            certificate_title=_style(
                "certificate_title",
                title,
                TypeSize.XIAOCHU,
                46,
                alignment=TA_CENTER,
                textColor=OFFICIAL_RED,
            ),
            subtitle=_style(
                "subtitle", body, TypeSize.SIHAO, 22, alignment=TA_CENTER, spaceAfter=3 * mm
            ),
            heading=_style(
                "heading",
                heading,
                TypeSize.SANHAO,
                29,
                firstLineIndent=2 * TypeSize.SANHAO,
                spaceBefore=6,
                keepWithNext=1,
            ),
            body=_style(
                "body",
                body,
                TypeSize.SANHAO,
                29,
                firstLineIndent=2 * TypeSize.SANHAO,
                alignment=TA_JUSTIFY,
            ),
            body_compact=_style(
                "body_compact",
                body,
                TypeSize.SIHAO,
                24,
                firstLineIndent=2 * TypeSize.SIHAO,
                alignment=TA_JUSTIFY,
            ),
            body_plain=_style("body_plain", body, TypeSize.SIHAO, 24),
            label=_style("label", heading, TypeSize.SIHAO, 22),
            cell=_style("cell", table, TypeSize.XIAOSI, 16),
            cell_center=_style("cell_center", table, TypeSize.XIAOSI, 16, alignment=TA_CENTER),
            cell_right=_style("cell_right", table, TypeSize.XIAOSI, 16, alignment=TA_RIGHT),
            cell_header=_style("cell_header", table, TypeSize.XIAOSI, 16, alignment=TA_CENTER),
            note=_style("note", body, TypeSize.WUHAO, 16, textColor=NOTE_GREY),
            signature=_style("signature", signature, TypeSize.SIHAO, 22),
            seal_text=_style("seal_text", signature, TypeSize.SANHAO, 26, alignment=TA_CENTER),
            right=_style("right", body, TypeSize.SIHAO, 24, alignment=TA_RIGHT),
        )


# --- text ---------------------------------------------------------------------------------


def markup(text: str, font: RegisteredFont, fonts: DocumentFonts) -> str:
    """Escape ``text`` for a Paragraph; characters ``font`` lacks are drawn with the first
    font of ``fonts`` that has them (:meth:`DocumentFonts.face_for`).

    A rare character in a name (生僻字) must not print as an empty box on a certificate.
    Line feeds become line breaks.
    """
    coverage = font.coverage
    if coverage is None or all(
        ord(character) in coverage or character.isspace() for character in text
    ):
        return escape(text).replace("\n", "<br/>")
    pieces: list[str] = []
    for character in text:
        if character == "\n":
            pieces.append("<br/>")
            continue
        face = fonts.face_for(character, font)
        if face is font:
            pieces.append(escape(character))
        else:
            pieces.append(f'<font face="{face.name}">{escape(character)}</font>')
    return "".join(pieces)


def paragraph(text: str, style: Any, fonts: DocumentFonts) -> ChineseParagraph:
    """A Paragraph of plain text (never markup) in ``style``, with Chinese line breaking."""
    font = _font_named(fonts, style.fontName)
    return ChineseParagraph(markup(text, font, fonts), style)


@dataclass(frozen=True)
class Emphasis:
    """A filled-in value inside running text (a name, a period, hours), printed underlined
    the way pre-printed forms show what was written in."""

    text: str


def rich_paragraph(
    parts: Sequence[str | Emphasis], style: Any, fonts: DocumentFonts
) -> ChineseParagraph:
    font = _font_named(fonts, style.fontName)
    pieces = []
    for part in parts:
        if isinstance(part, Emphasis):
            pieces.append(f"<u>{markup(part.text, font, fonts)}</u>")
        else:
            pieces.append(markup(part, font, fonts))
    return ChineseParagraph("".join(pieces), style)


def _font_named(fonts: DocumentFonts, name: str) -> RegisteredFont:
    for font in fonts.roles():
        if font.name == name:
            return font
    return fonts.body


def text_runs(text: str, font: RegisteredFont, fonts: DocumentFonts) -> list[tuple[str, str]]:
    """``text`` cut into (font name, run) pieces for direct canvas drawing, with fallback."""
    if font.coverage is None:
        return [(font.name, text)]
    runs: list[tuple[str, str]] = []
    for character in text:
        name = fonts.face_for(character, font).name
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + character)
        else:
            runs.append((name, character))
    return runs


def runs_width(runs: Sequence[tuple[str, str]], size: float, character_space: float = 0) -> float:
    count = sum(len(run) for _name, run in runs)
    width = sum(float(stringWidth(run, name, size)) for name, run in runs)
    return width + character_space * max(count - 1, 0)


def draw_runs(
    canvas: Canvas,
    x: float,
    y: float,
    runs: Sequence[tuple[str, str]],
    size: float,
    character_space: float = 0,
) -> None:
    text = canvas.beginText(x, y)
    text.setCharSpace(character_space)
    for name, run in runs:
        text.setFont(name, size)
        text.textOut(run)
    canvas.drawText(text)


# --- flowables ----------------------------------------------------------------------------


class SpacedTitle(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """A short title drawn with letter spacing (``志 愿 服 务 证 明``), shrunk to fit.

    Paragraphs cannot space letters; certificates need the airy, centered heading people
    expect on a wall. Long text is shrunk, never cut or overflowing.
    """

    def __init__(
        self,
        text: str,
        font: RegisteredFont,
        fonts: DocumentFonts,
        size: float,
        color: Any = TEXT_BLACK,
        letter_spacing_ems: float = 0.5,
        space_after: float = 0,
        heavy: bool = False,
    ) -> None:
        super().__init__()
        self.text = text
        self.runs = text_runs(text, font, fonts)
        self.size = size
        self.color = color
        self.letter_spacing_ems = letter_spacing_ems
        self.space_after = space_after
        self.heavy = heavy
        self._drawn_size = size
        self._spacing = size * letter_spacing_ems

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        size = self.size
        spacing = size * self.letter_spacing_ems
        while runs_width(self.runs, size, spacing) > available_width and spacing > 0:
            spacing = max(spacing - size * 0.1, 0)
        while runs_width(self.runs, size, spacing) > available_width and size > 8:
            size -= 1
        self._drawn_size = size
        self._spacing = spacing
        self.width = available_width
        self.height = size * 1.3
        return available_width, self.height + self.space_after

    def draw(self) -> None:
        canvas = self.canv
        width = runs_width(self.runs, self._drawn_size, self._spacing)
        x = (self.width - width) / 2
        y = self.space_after + self._drawn_size * 0.25
        canvas.saveState()
        canvas.setFillColor(self.color)
        if self.heavy:
            # Faux bold: fill and stroke, so a light face still reads as a heading.
            canvas.setStrokeColor(self.color)
            canvas.setLineWidth(self._drawn_size * 0.025)
            text = canvas.beginText(x, y)
            text.setTextRenderMode(2)
            text.setCharSpace(self._spacing)
            for name, run in self.runs:
                text.setFont(name, self._drawn_size)
                text.textOut(run)
            canvas.drawText(text)
        else:
            draw_runs(canvas, x, y, self.runs, self._drawn_size, self._spacing)
        canvas.restoreState()


class HorizontalRule(Flowable):  # type: ignore[misc]
    """A red or black rule under a heading (the 红头 separator line)."""

    def __init__(
        self, thickness: float = 1.2, color: Any = OFFICIAL_RED, space: float = 2 * mm
    ) -> None:
        super().__init__()
        self.thickness = thickness
        self.color = color
        self.space = space

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.thickness + 2 * self.space

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(self.thickness)
        y = self.space + self.thickness / 2
        canvas.line(0, y, self.width, y)
        canvas.restoreState()


class SealArea(Flowable):  # type: ignore[misc]
    """The issuing organization and the date at the lower right, with room for the seal.

    GB/T 9704-2012 §7.3.5.1: the date (成文日期) four characters from the right edge, the
    organization centered above it, and the seal pressed over both, the text a little below the
    seal's center and the seal's top within a line of the text above. So the flowable leaves
    the blank the upper half of the seal needs above the text (its lower half covers the date
    and the line below it, as on any stamped letter) and "（盖章）" follows the organization:
    the clerk sees where the stamp goes, and nothing printed shows under the red ink. With
    the print_seal_guide setting (centers aligning a stamp by eye) a faint circle marks the
    seal's place; it is off by default.
    """

    SEAL_DIAMETER = 42 * mm
    SEAL_RAISE = 3 * mm
    """How far the seal's center sits above the middle of the organization and date."""
    DATE_RIGHT_INDENT_CHARACTERS = 4
    STAMP_HINT = "（盖章）"

    def __init__(
        self,
        organization: str,
        issued_on: date,
        context: PrintContext,
        block_width: float | None = None,
        show_guide: bool | None = None,
    ) -> None:
        super().__init__()
        style = context.styles.seal_text
        fonts = context.fonts
        self.context = context
        self.show_guide = context.page.seal_guide if show_guide is None else show_guide
        signed = f"{organization.strip() or context.center_name}{self.STAMP_HINT}"
        self.organization = paragraph(signed, style, fonts)
        date_text = chinese_date(issued_on)
        self.date_line = paragraph(date_text, style, fonts)
        self._date_width = runs_width(
            text_runs(date_text, fonts.signature_font, fonts), style.fontSize
        )
        natural = runs_width(text_runs(signed, fonts.signature_font, fonts), style.fontSize) + 2
        self.block_width = block_width if block_width is not None else natural
        self._indent = self.DATE_RIGHT_INDENT_CHARACTERS * style.fontSize
        self._center_x = 0.0
        self._text_height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        half = min(self.block_width, available_width) / 2
        # The date's center four characters from the right edge; the block kept on the line.
        indent = min(self._indent, max(available_width - self._date_width, 0))
        center = available_width - indent - self._date_width / 2
        center = max(min(center, available_width - half), half)
        _w, organization_height = self.organization.wrap(2 * half, available_height)
        if organization_height > 3 * self.organization.style.leading:
            # A name too long for the block takes the whole line rather than a tall column.
            half = center = available_width / 2
            _w, organization_height = self.organization.wrap(available_width, available_height)
        _w, date_height = self.date_line.wrap(2 * half, available_height)
        self._center_x = center
        self._organization_width = 2 * half
        self._text_height = organization_height + date_height
        above = self.SEAL_DIAMETER / 2 + self.SEAL_RAISE - self._text_height / 2
        self.height = self._text_height + max(above, 2 * mm)
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        # The text at the bottom, a little below the seal's center (§7.3.5.1: 居印章中心偏下).
        text_top = self._text_height
        left = self._center_x - self._organization_width / 2
        organization_height = self.organization.height
        self.organization.drawOn(canvas, left, text_top - organization_height)
        self.date_line.drawOn(canvas, left, text_top - organization_height - self.date_line.height)
        if self.show_guide:
            canvas.saveState()
            canvas.setStrokeColor(SEAL_GUIDE)
            canvas.setLineWidth(0.4)
            canvas.setDash(1, 3)
            center_y = self._text_height / 2 + self.SEAL_RAISE
            canvas.circle(self._center_x, center_y, self.SEAL_DIAMETER / 2, stroke=1, fill=0)
            canvas.restoreState()


class VerificationMark(Flowable):  # type: ignore[misc]
    """The QR code and the printed number and check code, for checking a paper copy offline."""

    def __init__(
        self,
        code: str,
        lines: Sequence[str],
        context: PrintContext,
        size: float = 24 * mm,
    ) -> None:
        super().__init__()
        self.code = code
        self.size = size
        self.lines = [paragraph(line, context.styles.note, context.fonts) for line in lines]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        text_width = available_width - self.size - 4 * mm
        text_height = sum(line.wrap(text_width, available_height)[1] for line in self.lines)
        self.height = max(self.size, text_height)
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        draw_qr_code(canvas, self.code, 0, self.height - self.size, self.size)
        x = self.size + 4 * mm
        total = sum(line.height for line in self.lines)
        y = self.height - (self.height - total) / 2
        for line in self.lines:
            y -= line.height
            line.drawOn(canvas, x, y)


def draw_qr_code(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """A QR code from ReportLab's own encoder, at error level M (survives a coffee stain).

    The modules are drawn as one filled path of row runs rather than through
    ``renderPDF`` (which sets an unembedded Helvetica and draws rectangle by rectangle).
    No quiet border is drawn: the white page around it is the quiet zone.
    """
    widget = QrCodeWidget(value, barLevel="M", barBorder=0)
    encoder = widget.qr
    encoder.make()
    count = encoder.getModuleCount()
    module = size / count
    path = canvas.beginPath()
    for row_index, row in enumerate(encoder.modules):
        top = y + size - (row_index + 1) * module
        column = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(x + column * module, top, length * module, module)
            column += length
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _table_font(context: PrintContext) -> tuple[Any, ...]:
    """Empty cells are drawn as strings in the cell font: never let it default to Helvetica,
    which would put an unembedded font into the PDF."""
    return ("FONTNAME", (0, 0), (-1, -1), context.fonts.table_font.name)


@dataclass(frozen=True)
class FormField:
    """One label/value pair of a form grid; ``wide`` values take the whole row."""

    label: str
    value: str
    wide: bool = False
    one_line: bool = False
    """A value that must not wrap (a masked ID number: a lone ``*`` on a second line reads as
    a different number): it is set smaller, down to 小五, until it fits its cell."""


def _fitting_style(text: str, style: Any, available: float, fonts: DocumentFonts) -> Any:
    """``style``, or a smaller copy of it (half a point at a time, not below 小五) in which
    ``text`` fits on one line of ``available`` points."""
    font = _font_named(fonts, style.fontName)
    runs = text_runs(text, font, fonts)
    size = float(style.fontSize)
    while runs_width(runs, size) > available and size > TypeSize.XIAOWU:
        size -= 0.5
    if size == style.fontSize:
        return style
    return ParagraphStyle(
        f"{style.name}_fitted", parent=style, fontSize=size, leading=style.leading
    )


def form_grid(
    fields: Sequence[FormField],
    context: PrintContext,
    width: float,
    label_width: float | None = None,
    value_style: Any = None,
) -> Table:
    """Labels on a light grey ground beside their values, two pairs per row (登记表 look).

    Long values wrap inside their cell; a ``wide`` field or an odd last field spans the row.
    The label column is as wide as the longest label (so labels never wrap), within limits.
    A row taller than the space left splits inside itself (a list of 300-character names
    must not make a row taller than the page); such long rows align to the top, which
    ReportLab's in-row split needs (see :func:`data_table`).
    """
    styles = context.styles
    value_style = value_style or styles.cell
    if label_width is None:
        longest = max(
            (
                stringWidth(item.label, styles.cell_header.fontName, styles.cell_header.fontSize)
                for item in fields
            ),
            default=0.0,
        )
        label_width = min(max(longest + 12, 22 * mm), 42 * mm)
    value_width = (width - 2 * label_width) / 2
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        _table_font(context),
        ("GRID", (0, 0), (-1, -1), 0.6, RULE_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    pending: FormField | None = None

    def label_cell(item: FormField) -> list[ChineseParagraph]:
        return [paragraph(item.label, styles.cell_header, context.fonts)]

    def value_cell(item: FormField) -> list[ChineseParagraph]:
        if len(item.value) > LONG_FORM_VALUE:
            commands.append(("VALIGN", (0, len(rows)), (-1, len(rows)), "TOP"))
        style = value_style
        if item.one_line:
            style = _fitting_style(item.value, value_style, value_width - 10, context.fonts)
        return [paragraph(item.value, style, context.fonts)]

    def add_wide(item: FormField) -> None:
        row = len(rows)
        rows.append([label_cell(item), value_cell(item), "", ""])
        commands.append(("SPAN", (1, row), (3, row)))

    for item in fields:
        if item.wide:
            if pending is not None:
                add_wide(pending)
                pending = None
            add_wide(item)
        elif pending is None:
            pending = item
        else:
            rows.append(
                [label_cell(pending), value_cell(pending), label_cell(item), value_cell(item)]
            )
            pending = None
    if pending is not None:
        add_wide(pending)
    for row in range(len(rows)):
        commands.append(("BACKGROUND", (0, row), (0, row), LABEL_BACKGROUND))
        if rows[row][2] != "":
            commands.append(("BACKGROUND", (2, row), (2, row), LABEL_BACKGROUND))
    table = SplittingTable(
        rows,
        colWidths=[label_width, value_width, label_width, value_width],
        splitByRow=1,
        splitInRow=SPLIT_IN_ROW_MINIMUM,
    )
    table.setStyle(TableStyle(commands))
    return table


LONG_FORM_VALUE = 200
"""Characters past which a form value may fill more than a page's height of its cell."""

SPLIT_IN_ROW_MINIMUM = 36
"""A table row taller than the space left is split inside the row (ReportLab's
``splitInRow``), each part at least this tall: a 300-character address must not make a row
taller than a page, which ReportLab could not place at all."""


class SplittingTable(Table):  # type: ignore[misc]  # ReportLab ships no type hints
    """A Table whose in-row splits leave room for the cell padding.

    ReportLab measures an in-row split without the bottom padding and the next line's
    leading, so the first part can come out a few points taller than the space it was cut
    for and then fits nowhere (a LayoutError on a 300-character address). Asking for a
    split a little shorter than the space keeps every part placeable.
    """

    SPLIT_SAFETY = 14.0

    def split(self, available_width: float, available_height: float) -> list[Any]:
        parts: list[Any] = super().split(available_width, available_height)
        if len(parts) > 1 and self.splitInRow:
            first_height = parts[0].wrap(available_width, available_height)[1]
            if first_height > available_height:
                parts = super().split(available_width, available_height - self.SPLIT_SAFETY)
        return parts


@dataclass(frozen=True)
class Column:
    """A column of a data table: header, share of the width, alignment of its cells."""

    header: str
    share: float
    align: str = "left"  # left, center, right


def data_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    context: PrintContext,
    width: float,
    font_size: float = TypeSize.XIAOSI,
    total_row: Sequence[str] | None = None,
) -> Table:
    """A ruled table that splits across pages by row and repeats its header on each page.

    Column shares are relative: give them in millimetres when the widths matter.
    """
    fonts = context.fonts
    leading = round(font_size * 1.3, 1)
    table_font = fonts.table_font
    header_style = _style("table_header", table_font, font_size, leading, alignment=TA_CENTER)
    cell_styles = {
        "left": _style("table_left", table_font, font_size, leading),
        "center": _style("table_center", table_font, font_size, leading, alignment=TA_CENTER),
        "right": _style("table_right", table_font, font_size, leading, alignment=TA_RIGHT),
    }
    small = font_size < TypeSize.XIAOSI
    total_share = sum(column.share for column in columns)
    widths = [width * column.share / total_share for column in columns]
    data: list[list[Any]] = [
        [paragraph(column.header, header_style, context.fonts) for column in columns]
    ]
    for row in rows:
        # Each cell is a one-element list: ReportLab splits a row inside itself only when
        # its cells are lists of flowables.
        data.append(
            [
                [paragraph(value, cell_styles[column.align], context.fonts)]
                for column, value in zip(columns, row, strict=True)
            ]
        )
    if total_row is not None:
        data.append(
            [
                paragraph(value, cell_styles[column.align], context.fonts)
                for column, value in zip(columns, total_row, strict=True)
            ]
        )
    padding = 3 if small else 4
    commands: list[tuple[Any, ...]] = [
        _table_font(context),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
        ("BOX", (0, 0), (-1, -1), 1.0, TEXT_BLACK),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, TEXT_BLACK),
        # Body cells align to the top: ReportLab's in-row split mutates the padding of
        # vertically centered cells, so rows split across pages would grow without end.
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if total_row is not None:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1.0, TEXT_BLACK))
        commands.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_BACKGROUND))
    table = SplittingTable(
        data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=SPLIT_IN_ROW_MINIMUM
    )
    table.setStyle(TableStyle(commands))
    return table


def signing_grid(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], fonts: DocumentFonts, line_height: float
) -> Table:
    """A sign-in sheet's ruled grid: the header row shaded and ruled off, every other row
    ``line_height`` tall for a hand to write in, the header repeated on each page."""
    table = Table(
        rows,
        colWidths=widths,
        rowHeights=[None] + [line_height] * (len(rows) - 1),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.table_font.name),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
                ("BOX", (0, 0), (-1, -1), 1.0, TEXT_BLACK),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND),
                ("LINEBELOW", (0, 0), (-1, 0), 1.0, TEXT_BLACK),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def signature_lines(
    labels: Sequence[str], context: PrintContext, width: float, per_row: int = 2
) -> Table:
    """``主持人（签字）：________`` blanks, ``per_row`` to a row, with room for a real hand."""
    styles = context.styles
    style = styles.signature
    slot = width / per_row
    label_widths = [
        min(stringWidth(f"{label}：", style.fontName, style.fontSize) + 2, slot * 0.6)
        for label in labels
    ]
    label_width = max(label_widths, default=slot * 0.4)
    blank_width = max(slot - label_width - 8 * mm, slot * 0.3)
    gutter = slot - label_width - blank_width
    cells: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        _table_font(context),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 16),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    row: list[Any] = []
    for label in labels:
        row.extend([paragraph(f"{label}：", style, context.fonts), "", ""])
        if len(row) == 3 * per_row:
            cells.append(row)
            row = []
    if row:
        row.extend([""] * (3 * per_row - len(row)))
        cells.append(row)
    for row_index, cells_row in enumerate(cells):
        for column in range(per_row):
            if cells_row[3 * column] != "":
                commands.append(
                    (
                        "LINEBELOW",
                        (3 * column + 1, row_index),
                        (3 * column + 1, row_index),
                        0.8,
                        TEXT_BLACK,
                    )
                )
    table = Table(cells, colWidths=[label_width, blank_width, gutter] * per_row)
    table.setStyle(TableStyle(commands))
    return table


def gap(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


# --- document plans -----------------------------------------------------------------------


@dataclass
class DocumentPlan:
    """One document ready for layout: its kind, page shape and flowables.

    ``title`` becomes the PDF's title when the plan is printed alone; ``layout`` picks the
    page template (margins, footer, page numbers, certificate frame).
    """

    kind: str
    title: str
    layout: PageLayout
    story: list[Any] = field(default_factory=list)
    page_note: str = ""
    """A line printed at the foot of every page of this document, above the footer rule (the
    personal-data notice of a roster must be on each loose page, not only the last)."""


def draw_certificate_frame(canvas: Canvas, page_size: tuple[float, float]) -> None:
    """A double red frame: thick outside, thin inside, the classic 证书 border."""
    width, height = page_size
    canvas.saveState()
    canvas.setStrokeColor(OFFICIAL_RED)
    canvas.setLineWidth(2.4)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm, stroke=1, fill=0)
    canvas.setLineWidth(0.7)
    canvas.rect(14.5 * mm, 14.5 * mm, width - 29 * mm, height - 29 * mm, stroke=1, fill=0)
    canvas.restoreState()


def page_number_form_name(document_index: int) -> str:
    return f"dangqun-page-total-{document_index}"


def draw_footer(
    canvas: Canvas,
    specification: PageLayoutSpecification,
    context: PrintContext,
    page_in_document: int,
    document_index: int,
) -> None:
    """Center name at the left, print date at the right, "第 X 页 共 Y 页" in the middle.

    Y is unknown while the document is being laid out, so it is drawn by a PDF form (an
    XObject) referenced here and defined once the document's last page is known: one pass,
    and the batch stays streamed.
    """
    width, _height = specification.page_size
    margins = specification.margins
    y = margins.bottom / 2 - 2
    size = TypeSize.XIAOWU
    fonts = context.fonts
    canvas.saveState()
    canvas.setFillColor(NOTE_GREY)
    canvas.setStrokeColor(colors.HexColor("#999999"))
    canvas.setLineWidth(0.4)
    canvas.line(margins.left, y + size + 3, width - margins.right, y + size + 3)
    if specification.footer:
        left = text_runs(context.center_name, fonts.body, fonts)
        available = (width - margins.left - margins.right) / 2 - 30 * mm
        while left and runs_width(left, size) > available:
            name, run = left[-1]
            left[-1] = (name, run[:-2] + "…") if len(run) > 2 else (name, run[:-1])
            if not left[-1][1]:
                left.pop()
        draw_runs(canvas, margins.left, y, left, size)
        right = text_runs(f"打印日期：{chinese_date(context.print_date)}", fonts.body, fonts)
        draw_runs(canvas, width - margins.right - runs_width(right, size), y, right, size)
    if specification.numbered:
        center = width / 2
        first = text_runs(f"第 {page_in_document} 页", fonts.body, fonts)
        draw_runs(canvas, center - 3 - runs_width(first, size), y, first, size)
        canvas.saveState()
        canvas.translate(center + 3, y)
        canvas.doForm(page_number_form_name(document_index))
        canvas.restoreState()
    canvas.restoreState()


def draw_page_note(
    canvas: Canvas, specification: PageLayoutSpecification, context: PrintContext, note: str
) -> None:
    """The document's ``page_note`` just above the footer rule, at the left of the text block."""
    margins = specification.margins
    size = TypeSize.XIAOWU
    y = margins.bottom / 2 + size + 7
    fonts = context.fonts
    canvas.saveState()
    canvas.setFillColor(NOTE_GREY)
    draw_runs(canvas, margins.left, y, text_runs(note, fonts.body, fonts), size)
    canvas.restoreState()


SAMPLE_MARK_TEXT = "样张"
SAMPLE_MARK_GREY = colors.HexColor("#C8C8C8")


def draw_sample_mark(
    canvas: Canvas, specification: PageLayoutSpecification, context: PrintContext
) -> None:
    """ "样张" large and light across the page, and "样张，不是正式文书" at its head: a sample must
    never pass for a document (issue 12). Drawn last, over the content, in an outline that
    leaves the text under it readable. The outline multiplies with the paper rather than
    covering it: light grey painted over a black rule or stroke would cut it into short
    stray pieces (the blank line after 主持人（签字）： read as a dash and a line)."""
    width, height = specification.page_size
    fonts = context.fonts
    size = min(width, height) * 0.32
    runs = text_runs(SAMPLE_MARK_TEXT, fonts.title, fonts)
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.setStrokeColor(SAMPLE_MARK_GREY)
    canvas.setLineWidth(1.2)
    canvas.setBlendMode("Multiply")
    text = canvas.beginText(-runs_width(runs, size, size * 0.2) / 2, -size / 3)
    text.setTextRenderMode(1)  # outline only
    text.setCharSpace(size * 0.2)
    for name, run in runs:
        text.setFont(name, size)
        text.textOut(run)
    canvas.drawText(text)
    canvas.restoreState()
    canvas.saveState()
    canvas.setFillColor(NOTE_GREY)
    head = text_runs("样张，不是正式文书，不能作为证明使用", fonts.body, fonts)
    head_size = TypeSize.XIAOWU
    draw_runs(
        canvas,
        (width - runs_width(head, head_size)) / 2,
        height - 9 * mm,
        head,
        head_size,
    )
    canvas.restoreState()


def define_page_total(
    canvas: Canvas, document_index: int, total: int, fonts: DocumentFonts
) -> None:
    """The "共 Y 页" form the footers of document ``document_index`` refer to."""
    canvas.beginForm(page_number_form_name(document_index))
    canvas.setFillColor(NOTE_GREY)
    draw_runs(canvas, 0, 0, text_runs(f"共 {total} 页", fonts.body, fonts), TypeSize.XIAOWU)
    canvas.endForm()


class SideBySide(Flowable):  # type: ignore[misc]
    """Two flowables on one band, bottoms aligned: the QR code left, the seal right.

    When the band would be taller than the space there is (a 300-character organization
    under the seal), the right one goes under the left one, each across the whole width,
    rather than a narrow column running off the page.
    """

    def __init__(
        self, left: Flowable, right: Flowable, right_width: float, gutter: float = 6 * mm
    ) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.right_width = right_width
        self.gutter = gutter
        self.stacked = False
        self._left_height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        left_width = available_width - self.right_width - self.gutter
        _width, left_height = self.left.wrap(left_width, available_height)
        _width, right_height = self.right.wrap(self.right_width, available_height)
        self.width = available_width
        self.stacked = max(left_height, right_height) > available_height
        if self.stacked:
            _width, self._left_height = self.left.wrap(available_width, available_height)
            _width, right_height = self.right.wrap(available_width, available_height)
            self.height = self._left_height + self.gutter + right_height
        else:
            self.height = max(left_height, right_height)
        return available_width, self.height

    def draw(self) -> None:
        if self.stacked:
            self.left.drawOn(self.canv, 0, self.height - self._left_height)
            self.right.drawOn(self.canv, 0, 0)
            return
        self.left.drawOn(self.canv, 0, 0)
        self.right.drawOn(self.canv, self.width - self.right_width, 0)


class AtPageBottom(Flowable):  # type: ignore[misc]
    """Places its content at the bottom of the space left on the page (certificate footers).

    When the content does not fit in what is left, it moves to the next page like any
    flowable, so nothing overlaps.
    """

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self.content = content
        self._content_height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _width, self._content_height = self.content.wrap(available_width, available_height)
        self.width = available_width
        self.height = max(self._content_height, available_height - 0.01)
        return available_width, self.height

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)


class CutLine(Flowable):  # type: ignore[misc]
    """A dashed line across the page with "沿此线剪开" in its middle: stub and slip."""

    def __init__(
        self, context: PrintContext, label: str = "（沿此线剪开）", space: float = 5 * mm
    ) -> None:
        super().__init__()
        self.runs = text_runs(label, context.fonts.body, context.fonts)
        self.space = space

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = 2 * self.space + TypeSize.XIAOWU
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        label_width = runs_width(self.runs, TypeSize.XIAOWU)
        middle = self.height / 2
        left_end = (self.width - label_width) / 2 - 3 * mm
        canvas.saveState()
        canvas.setStrokeColor(NOTE_GREY)
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 3)
        canvas.line(0, middle, left_end, middle)
        canvas.line(self.width - left_end, middle, self.width, middle)
        canvas.setFillColor(NOTE_GREY)
        draw_runs(
            canvas,
            (self.width - label_width) / 2,
            middle - TypeSize.XIAOWU / 3,
            self.runs,
            TypeSize.XIAOWU,
        )
        canvas.restoreState()
