"""Every icon the app uses, by meaning, drawn from qtawesome's Material Design Icons 6 font.

Icons are named after what they stand for ("members", "lock"), so a page never spells a font
glyph name and the look can be changed here in one place. Colors follow the theme: calm grey
for ordinary icons, the party red #C8161D only for emphasis.

The glyphs come from the MDI6 font and charmap that the qtawesome package ships, drawn by a
small :class:`QIconEngine`. Importing qtawesome itself costs ~0.2 s at start-up (its qtpy layer
star-imports whole Qt modules and it loads every bundled font on first use); reading one font
file keeps the window's start-up close to a bare Qt window's (tests/benchmarks/bench_startup.py).
"""

from __future__ import annotations

import importlib.util
import json
import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

log = logging.getLogger(__name__)

PARTY_RED = "#C8161D"
ICON_GREY = "#4A5260"
ICON_MUTED = "#8A919C"
ICON_ON_ACCENT = "#FFFFFF"

GLYPHS = {
    "app": "mdi6.star-four-points",
    "home": "mdi6.home-outline",
    "members": "mdi6.account-group-outline",
    "bases": "mdi6.flag-variant-outline",
    "timebank": "mdi6.hand-heart-outline",
    "minutes": "mdi6.notebook-edit-outline",
    "sync": "mdi6.sync",
    "settings": "mdi6.cog-outline",
    "lock": "mdi6.lock-outline",
    "logout": "mdi6.logout",
    "exit": "mdi6.exit-to-app",
    "backup": "mdi6.database-export-outline",
    "about": "mdi6.information-outline",
    "info": "mdi6.information-outline",
    "error": "mdi6.alert-circle-outline",
    "copy": "mdi6.content-copy",
    "user": "mdi6.account-circle-outline",
    "birthday": "mdi6.cake-variant-outline",
    "organizations": "mdi6.sitemap-outline",
    "in_service": "mdi6.account-tie-outline",
    "floating": "mdi6.account-arrow-right-outline",
    "retired": "mdi6.human-cane",
    "full_member": "mdi6.account-check-outline",
    "probationary": "mdi6.timer-sand",
    "usb": "mdi6.usb-flash-drive-outline",
    "verified": "mdi6.shield-check-outline",
    "key": "mdi6.key-outline",
    "next": "mdi6.chevron-right",
    "calendar": "mdi6.calendar-heart",
    "vote": "mdi6.vote-outline",
    "card": "mdi6.card-account-details-outline",
    "clock": "mdi6.clipboard-text-clock-outline",
    "building": "mdi6.office-building-outline",
    "save": "mdi6.content-save-outline",
    "folder": "mdi6.folder-open-outline",
    "user_add": "mdi6.account-plus-outline",
    "user_edit": "mdi6.account-edit-outline",
    "user_enable": "mdi6.account-check-outline",
    "user_disable": "mdi6.account-cancel-outline",
    "password_reset": "mdi6.lock-reset",
    "refresh": "mdi6.refresh",
    "clear_filter": "mdi6.filter-remove-outline",
    "restore": "mdi6.backup-restore",
    "file_import": "mdi6.file-import-outline",
    "export": "mdi6.file-export-outline",
    "template": "mdi6.file-download-outline",
    "print": "mdi6.printer-outline",
    "print_sample": "mdi6.printer-eye",
    "search": "mdi6.magnify",
    "no_result": "mdi6.account-search-outline",
    "success": "mdi6.check-circle-outline",
    "page_previous": "mdi6.chevron-up",
    "page_next": "mdi6.chevron-down",
    "zoom_in": "mdi6.magnify-plus-outline",
    "zoom_out": "mdi6.magnify-minus-outline",
    "fit_width": "mdi6.arrow-expand-horizontal",
    "fit_page": "mdi6.fit-to-page-outline",
    "save_pdf": "mdi6.file-pdf-box",
}


GLYPH_SCALE = 0.875  # the share of the icon box the glyph fills, as qtawesome draws it
_FONT_PREFIX = "mdi6"


@cache
def _glyph_font() -> tuple[str, dict[str, str]]:
    """Register the MDI6 font once; return its family and the glyph-name → character map."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or spec.origin is None:
        raise RuntimeError("qtawesome is not installed; it provides the icon font")
    fonts = Path(spec.origin).parent / "fonts"
    font_file = next(iter(sorted(fonts.glob("materialdesignicons6-webfont-[0-9]*.ttf"))))
    charmap_file = next(iter(sorted(fonts.glob("materialdesignicons6-webfont-charmap-*.json"))))
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    if font_id < 0:
        raise RuntimeError(f"the icon font {font_file} could not be loaded")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    codes = json.loads(charmap_file.read_text(encoding="utf-8"))
    return family, {name: chr(int(code, 16)) for name, code in codes.items()}


class GlyphIconEngine(QIconEngine):
    """Draws one font glyph at any size, in the color of the icon's mode (normal, selected …)."""

    def __init__(self, character: str, color: str, selected_color: str | None) -> None:
        super().__init__()
        self.character = character
        self.color = color
        self.selected_color = selected_color

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        family, _ = _glyph_font()
        color = QColor(self.color)
        if mode == QIcon.Mode.Selected and self.selected_color is not None:
            color = QColor(self.selected_color)
        elif mode == QIcon.Mode.Disabled:
            color = QColor(ICON_MUTED)
        font = QFont(family)
        font.setPixelSize(max(1, round(min(rect.width(), rect.height()) * GLYPH_SCALE)))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.character)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self.character, self.color, self.selected_color)


def glyph_icon(glyph: str, color: str = ICON_GREY, selected_color: str | None = None) -> QIcon:
    """An icon for a raw MDI6 glyph name such as ``"mdi6.home-outline"``."""
    prefix, _, name = glyph.partition(".")
    if prefix != _FONT_PREFIX:
        raise ValueError(f"only {_FONT_PREFIX} glyphs are available, not {glyph!r}")
    try:
        _, characters = _glyph_font()
        character = characters[name]
    except (RuntimeError, OSError, StopIteration, KeyError):
        # A damaged install must cost an icon, never a page.
        log.warning("icon glyph %s unavailable", glyph, exc_info=True)
        return QIcon()
    return QIcon(GlyphIconEngine(character, color, selected_color))


def icon(name: str, color: str = ICON_GREY, selected_color: str | None = PARTY_RED) -> QIcon:
    """The icon for ``name``; in selected state (navigation) it turns party red."""
    return glyph_icon(GLYPHS[name], color, selected_color)


def accent_icon(name: str) -> QIcon:
    """A party-red icon, for the few places that carry the accent."""
    return glyph_icon(GLYPHS[name], PARTY_RED)
