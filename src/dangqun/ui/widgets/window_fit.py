"""Top-level windows as large as their word-wrapped text needs (issue 11).

Qt does not hold a top-level window to its layout's height-for-width: a dialog keeps the size
its form was drawn at, and at a large font its wrapped sentences are squeezed and drawn over
each other (the lock dialog at 18 pt). :func:`fit_to_layout` grows the window to what the
layout needs, within the room it has (:func:`room_for`): when the text would be taller than
that, the window grows wider first, so that fewer lines are needed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

WIDEN_STEP = 60
"""Pixels a too-tall window grows wider by, per try."""


def room_for(window: QWidget) -> QSize | None:
    """Where ``window`` appears: within its parent window's inside (title bar and borders
    included, the dialog covers no more than the window it belongs to) or else on its screen;
    None when neither is known."""
    parent = window.parentWidget()
    if parent is not None:
        room = parent.window().size()
    elif window.screen() is not None:
        room = window.screen().availableGeometry().size()
    else:
        return None
    frame = window.frameGeometry().size() - window.size()
    return room - frame


def fit_to_layout(window: QWidget) -> None:
    """Grow ``window`` (never shrink) to its layout's minimum, wrapped text included."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    minimum = layout.totalMinimumSize()
    room = room_for(window) or QSize(16777215, 16777215)

    def needed_height(width: int) -> int:
        if layout.hasHeightForWidth():
            return max(minimum.height(), layout.totalHeightForWidth(width))
        return minimum.height()

    width = max(window.width(), minimum.width())
    height = needed_height(width)
    while height > room.height() and width + WIDEN_STEP <= room.width():
        width += WIDEN_STEP
        height = needed_height(width)
    if height <= room.height():
        height = max(height, min(window.height(), room.height()))  # grown, never shrunk
    width, height = min(width, room.width()), min(height, room.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
