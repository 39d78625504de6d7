"""Every icon the app uses, by meaning, drawn from qtawesome's Material Design Icons 6 font.

Icons are named after what they stand for ("members", "lock"), so a page never spells a font
glyph name and the look can be changed here in one place. Colors follow the theme: calm grey
for ordinary icons, the party red #C8161D only for emphasis.

The glyphs come from the MDI6 font that the qtawesome package ships, drawn by a small
:class:`QIconEngine`. Importing qtawesome itself costs ~0.2 s at start-up (its qtpy layer
star-imports whole Qt modules and it loads every bundled font on first use), and even its
7,000-entry charmap takes 6 ms to parse; so each glyph's code point is written here (Material
Design Icons never reassigns one; tests/ui/test_icons.py checks them against qtawesome's
charmap), and start-up registers one font file (tests/benchmarks/bench_startup.py).

The star mark of the sign-in cover is a file, ``resources/icons/mark.svg`` (:func:`mark_icon`):
drawing a glyph names PySide's ``Qt`` namespace, ~20 ms of enum creation that the first window
does without (tests/ui/test_start_up_path.py). ``Qt`` is imported where glyphs are drawn.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import cache
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

from dangqun.resources_path import resource_path

log = logging.getLogger(__name__)

PARTY_RED = "#C8161D"
ICON_GREY = "#4A5260"
ICON_MUTED = "#8A919C"
ICON_ON_ACCENT = "#FFFFFF"


class Glyph(NamedTuple):
    name: str
    """The MDI6 name, as in qtawesome's ``mdi6.<name>``."""
    code: int
    """Its code point in the MDI6 font."""


GLYPHS: dict[str, Glyph] = {
    "home": Glyph("home-outline", 0xF06A1),
    "members": Glyph("account-group-outline", 0xF0B58),
    "bases": Glyph("flag-variant-outline", 0xF023E),
    "timebank": Glyph("hand-heart-outline", 0xF157E),
    "minutes": Glyph("notebook-edit-outline", 0xF14E9),
    "sync": Glyph("sync", 0xF04E6),
    "settings": Glyph("cog-outline", 0xF08BB),
    "lock": Glyph("lock-outline", 0xF0341),
    "logout": Glyph("logout", 0xF0343),
    "exit": Glyph("exit-to-app", 0xF0206),
    "backup": Glyph("database-export-outline", 0xF162C),
    "about": Glyph("information-outline", 0xF02FD),
    "info": Glyph("information-outline", 0xF02FD),
    "error": Glyph("alert-circle-outline", 0xF05D6),
    "copy": Glyph("content-copy", 0xF018F),
    "user": Glyph("account-circle-outline", 0xF0B55),
    "birthday": Glyph("cake-variant-outline", 0xF17F0),
    "organizations": Glyph("sitemap-outline", 0xF199C),
    "in_service": Glyph("account-tie-outline", 0xF10CA),
    "floating": Glyph("account-arrow-right-outline", 0xF0B54),
    "retired": Glyph("human-cane", 0xF1581),
    "full_member": Glyph("account-check-outline", 0xF0BE2),
    "probationary": Glyph("timer-sand", 0xF051F),
    "usb": Glyph("usb-flash-drive-outline", 0xF129F),
    "verified": Glyph("shield-check-outline", 0xF0CC8),
    "key": Glyph("key-outline", 0xF0DD6),
    "next": Glyph("chevron-right", 0xF0142),
    "calendar": Glyph("calendar-heart", 0xF09D2),
    "calendar_month": Glyph("calendar-month-outline", 0xF0E18),
    "vote": Glyph("vote-outline", 0xF0A20),
    "card": Glyph("card-account-details-outline", 0xF0DAB),
    "clock": Glyph("clipboard-text-clock-outline", 0xF18FA),
    "building": Glyph("office-building-outline", 0xF151F),
    "save": Glyph("content-save-outline", 0xF0818),
    "folder": Glyph("folder-open-outline", 0xF0DCF),
    "user_add": Glyph("account-plus-outline", 0xF0801),
    "user_edit": Glyph("account-edit-outline", 0xF0FFB),
    "user_enable": Glyph("account-check-outline", 0xF0BE2),
    "user_disable": Glyph("account-cancel-outline", 0xF12E0),
    "password_reset": Glyph("lock-reset", 0xF0773),
    "refresh": Glyph("refresh", 0xF0450),
    "clear_filter": Glyph("filter-remove-outline", 0xF0235),
    "restore": Glyph("backup-restore", 0xF006F),
    "file_import": Glyph("file-import-outline", 0xF102F),
    "export": Glyph("file-export-outline", 0xF102E),
    "template": Glyph("file-download-outline", 0xF0966),
    "print": Glyph("printer-outline", 0xF1786),
    "print_sample": Glyph("printer-eye", 0xF1458),
    "search": Glyph("magnify", 0xF0349),
    "no_result": Glyph("account-search-outline", 0xF0935),
    "success": Glyph("check-circle-outline", 0xF05E1),
    "page_previous": Glyph("chevron-up", 0xF0143),
    "page_next": Glyph("chevron-down", 0xF0140),
    "zoom_in": Glyph("magnify-plus-outline", 0xF06ED),
    "zoom_out": Glyph("magnify-minus-outline", 0xF06EC),
    "fit_width": Glyph("arrow-expand-horizontal", 0xF084E),
    "fit_page": Glyph("fit-to-page-outline", 0xF0EF6),
    "save_pdf": Glyph("file-pdf-box", 0xF0226),
}


GLYPH_SCALE = 0.875  # the share of the icon box the glyph fills, as qtawesome draws it
_FONT_PREFIX = "mdi6"


def mdi6_files() -> tuple[Path, Path]:
    """qtawesome's MDI6 font file and its charmap (the charmap only for tests)."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or spec.origin is None:
        raise RuntimeError("qtawesome is not installed; it provides the icon font")
    fonts = Path(spec.origin).parent / "fonts"
    font_file = next(iter(sorted(fonts.glob("materialdesignicons6-webfont-[0-9]*.ttf"))))
    charmap_file = next(iter(sorted(fonts.glob("materialdesignicons6-webfont-charmap-*.json"))))
    return font_file, charmap_file


@cache
def _glyph_font() -> str:
    """Register the MDI6 font once; return its family."""
    font_file, _ = mdi6_files()
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    if font_id < 0:
        raise RuntimeError(f"the icon font {font_file} could not be loaded")
    return QFontDatabase.applicationFontFamilies(font_id)[0]


class GlyphIconEngine(QIconEngine):
    """Draws one font glyph at any size, in the color of the icon's mode (normal, selected …)."""

    def __init__(self, character: str, color: str, selected_color: str | None) -> None:
        super().__init__()
        self.character = character
        self.color = color
        self.selected_color = selected_color

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        from PySide6.QtCore import Qt

        family = _glyph_font()
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
        from PySide6.QtCore import Qt

        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self.character, self.color, self.selected_color)


def glyph_icon(glyph: Glyph, color: str, selected_color: str | None) -> QIcon:
    try:
        _glyph_font()
    except (RuntimeError, OSError, StopIteration):
        # A damaged install must cost an icon, never a page.
        log.warning("icon font unavailable for %s", glyph.name, exc_info=True)
        return QIcon()
    return QIcon(GlyphIconEngine(chr(glyph.code), color, selected_color))


def icon(name: str, color: str = ICON_GREY, selected_color: str | None = PARTY_RED) -> QIcon:
    """The icon for ``name``; in selected state (navigation) it turns party red."""
    return glyph_icon(GLYPHS[name], color, selected_color)


def accent_icon(name: str) -> QIcon:
    """A party-red icon, for the few places that carry the accent."""
    return glyph_icon(GLYPHS[name], PARTY_RED, None)


def mark_icon() -> QIcon:
    """The party-red four-pointed star: the app's mark on the sign-in cover, the navigation and
    the first-run wizard (the window icon, ``dangqun.svg``, sets the same star on a red tile)."""
    return QIcon(str(resource_path("icons", "mark.svg")))
