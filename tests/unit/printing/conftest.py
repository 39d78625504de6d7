"""Fixtures for the printing tests: the test font, a bare machine's fonts, a print context."""

from __future__ import annotations

from pathlib import Path

import pytest

from dangqun.printing.fonts import DocumentFonts, FontSearch, choose_document_fonts
from dangqun.printing.page_kit import PrintContext
from tests.unit.printing.pdf_tools import make_context


@pytest.fixture
def fonts(chinese_font: Path) -> DocumentFonts:
    """The named test font in every role, embedded, whatever else this machine has installed."""
    return choose_document_fonts(str(chinese_font))


@pytest.fixture
def cid_fonts(tmp_path: Path) -> DocumentFonts:
    """A machine with no Chinese font at all: an empty font directory, no fontconfig."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    return choose_document_fonts(search=FontSearch((empty,), use_fontconfig=False))


@pytest.fixture
def context(fonts: DocumentFonts) -> PrintContext:
    return make_context(fonts)
