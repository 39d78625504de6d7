"""Icons by meaning: each code point written in dangqun.ui.icons is the one qtawesome's MDI6
charmap gives its name, and each draws a visible glyph."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSize

from dangqun.ui.icons import GLYPHS, icon, mdi6_files


def test_every_code_point_matches_the_charmap_of_the_shipped_font() -> None:
    _, charmap_file = mdi6_files()
    charmap = json.loads(charmap_file.read_text(encoding="utf-8"))

    wrong = {
        meaning: (glyph.name, hex(glyph.code), charmap.get(glyph.name))
        for meaning, glyph in GLYPHS.items()
        if int(charmap.get(glyph.name, "0"), 16) != glyph.code
    }
    assert wrong == {}


@pytest.mark.parametrize("meaning", sorted(GLYPHS))
def test_each_icon_draws_something(qapp, meaning: str) -> None:
    image = icon(meaning).pixmap(QSize(32, 32)).toImage()
    opaque = sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha()
    )
    assert opaque > 10
