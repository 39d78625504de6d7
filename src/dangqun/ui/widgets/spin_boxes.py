"""Give spin boxes the same inner left margin as line edits.

Qt 6's style sheets ignore ``padding-left`` on the edit field of a QSpinBox/QDateEdit, so with
the theme's border the number would touch the frame. Forms with spin boxes call
:func:`pad_spin_boxes` once after ``setupUi``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QWidget

TEXT_MARGIN_PIXELS = 6


def pad_spin_boxes(root: QWidget) -> None:
    for spin_box in root.findChildren(QAbstractSpinBox):
        line_edit = spin_box.findChild(QWidget, "qt_spinbox_lineedit")
        if line_edit is not None and hasattr(line_edit, "setTextMargins"):
            line_edit.setTextMargins(TEXT_MARGIN_PIXELS, 0, 0, 0)
