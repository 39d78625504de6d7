"""Real PDFs checked with poppler's tools (pdffonts, pdftotext, pdfinfo), as DEVELOPERS.md asks."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from html import unescape
from pathlib import Path

from dangqun.printing.fonts import DocumentFonts
from dangqun.printing.page_kit import PrintContext

CENTER_ID = "6f1c2e1a-3b4c-4d5e-8f90-123456789abc"
KEY = bytes(range(32))


def make_context(
    fonts: DocumentFonts, full_personal_data: bool = False, key: bytes | None = KEY
) -> PrintContext:
    return PrintContext(
        center_name="翠湖社区党群服务中心",
        center_id=CENTER_ID,
        print_date=date(2026, 11, 22),
        fonts=fonts,
        verification_key=key,
        may_see_personal_data=full_personal_data,
        operator_name="赵丽",
    )


def run_tool(*arguments: str) -> str:
    return subprocess.run(
        arguments, capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout


def pdf_text(path: Path, layout: bool = False) -> str:
    return run_tool("pdftotext", *(["-layout"] if layout else []), str(path), "-")


def compact_text(path: Path) -> str:
    """The text with every space and line break removed (pdftotext splits CJK lines)."""
    return re.sub(r"\s+", "", pdf_text(path))


@dataclass(frozen=True)
class FontRow:
    name: str
    font_type: str
    embedded: bool
    subset: bool


def pdf_fonts(path: Path) -> list[FontRow]:
    rows = []
    for line in run_tool("pdffonts", str(path)).splitlines()[2:]:
        match = re.match(
            r"^(?P<name>\S+)\s+(?P<type>.+?)\s+(?P<encoding>\S+)\s+"
            r"(?P<emb>yes|no)\s+(?P<sub>yes|no)\s+(?P<uni>yes|no)\s+\d+\s+\d+$",
            line,
        )
        assert match, f"unexpected pdffonts line: {line!r}"
        rows.append(
            FontRow(match["name"], match["type"], match["emb"] == "yes", match["sub"] == "yes")
        )
    return rows


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    width: float
    height: float


def pdf_info(path: Path) -> PdfInfo:
    text = run_tool("pdfinfo", str(path))
    pages = int(re.search(r"^Pages:\s+(\d+)", text, re.MULTILINE)[1])  # type: ignore[index]
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", text, re.MULTILINE)
    assert size
    return PdfInfo(pages, float(size[1]), float(size[2]))


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x_min: float


def _attribute(tag: str, name: str) -> float:
    match = re.search(rf'{name}="([\d.\-]+)"', tag)
    assert match, tag
    return float(match[1])


def pdf_words(path: Path) -> list[Word]:
    """Every word with its box, from ``pdftotext -bbox`` (coordinates from the top left)."""
    html = run_tool("pdftotext", "-bbox", str(path), "-")
    words = []
    for page_number, page in enumerate(re.findall(r"<page .*?</page>", html, re.DOTALL), 1):
        for tag, text in re.findall(r"(<word [^>]*>)(.*?)</word>", page):
            words.append(
                Word(
                    page_number,
                    unescape(text),
                    _attribute(tag, "xMin"),
                    _attribute(tag, "yMin"),
                    _attribute(tag, "xMax"),
                    _attribute(tag, "yMax"),
                )
            )
    return words


def pdf_lines(path: Path) -> list[Line]:
    """Every text line (``pdftotext -bbox-layout``), its words joined."""
    html = run_tool("pdftotext", "-bbox-layout", str(path), "-")
    lines = []
    for page_number, page in enumerate(re.findall(r"<page .*?</page>", html, re.DOTALL), 1):
        for line_tag, body in re.findall(r"(<line [^>]*>)(.*?)</line>", page, re.DOTALL):
            words = [unescape(word) for word in re.findall(r"<word [^>]*>(.*?)</word>", body)]
            lines.append(Line(page_number, "".join(words), _attribute(line_tag, "xMin")))
    return lines
