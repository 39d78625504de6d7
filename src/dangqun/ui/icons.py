"""Every icon the shell uses, by meaning, drawn by qtawesome (Material Design Icons 6).

Icons are named after what they stand for ("members", "lock"), so a page never spells a font
glyph name and the look can be changed here in one place. Colors follow the theme: calm grey
for ordinary icons, the party red #C8161D only for emphasis.
"""

from __future__ import annotations

import qtawesome
from PySide6.QtGui import QIcon

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
}


def icon(name: str, color: str = ICON_GREY, selected_color: str | None = PARTY_RED) -> QIcon:
    """The icon for ``name``; in selected state (navigation) it turns party red."""
    options: dict[str, str] = {"color": color}
    if selected_color is not None:
        options["color_selected"] = selected_color
        options["color_active"] = color
    return qtawesome.icon(GLYPHS[name], **options)


def accent_icon(name: str) -> QIcon:
    """A party-red icon, for the few places that carry the accent."""
    return qtawesome.icon(GLYPHS[name], color=PARTY_RED)
