"""Change the ``role`` a widget is styled by (theme.qss selects ``QLabel[role="error"]`` …).

Qt matches style sheet selectors when it polishes a widget, not when a dynamic property changes,
so a widget already polished must be polished again to look its new role. One not yet polished
is left alone: Qt polishes it when it is first shown. That also keeps the main window's first
frame cheap — asking for a widget's style creates PySide's QStyle wrapper, ~8 ms of enums.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style_role(widget: QWidget, role: str | None) -> None:
    """Style ``widget`` as ``role`` (None: no role), now if it is already polished."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    from PySide6.QtCore import Qt  # the Qt namespace: not on the way to the first window

    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
