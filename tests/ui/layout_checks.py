"""What a user would see as broken on a small screen: text cut off, widgets drawn over each other.

Issue 11: at 1024×768 buttons were cut mid-character and filters covered each other. These
checks look at a shown, laid-out widget tree and name every offender:

* :func:`clipped_texts` — a label, button, check box, radio button or combo box whose text needs
  more room than the widget has (``fontMetrics().horizontalAdvance(text)`` against the space the
  style leaves for text, or the widget's size hint where the style adds padding and icons);
* :func:`overlapping_widgets` — two visible widgets managed by the same layout whose rectangles
  intersect (Qt squeezes a layout below its minimum and draws rows over each other);
* :func:`squeezed_layouts` — a widget given less height than its layout needs, the usual cause.

Elided text is fine when it is meant (an ``ElidedLabel``-style widget sets the property
``elided`` to True and a tooltip with the full text): such widgets are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)

TOLERANCE = 1
"""Pixels of rounding allowed before a text counts as cut."""


def shown_widgets(root: QWidget) -> Iterator[QWidget]:
    """``root`` and every descendant that is visible on screen (not hidden, not in a closed
    popup, not on a page of a stack that is not current)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisible() and (widget is root or not widget.isWindow()):
            yield widget


def _is_intentionally_elided(widget: QWidget) -> bool:
    return bool(widget.property("elided")) and bool(widget.toolTip())


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if label.buddy() is not None:  # "用户名(&U)" is drawn as "用户名(U)", the U underlined
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text or label.textFormat() == label.textFormat().RichText or "<" in text:
        return None
    if label.pixmap() is not None and not label.pixmap().isNull():
        return None
    room = label.contentsRect().width() - 2 * label.margin() - 2 * max(label.indent(), 0)
    metrics = label.fontMetrics()
    if label.wordWrap():
        needed_height = label.heightForWidth(label.width())
        if needed_height > label.height() + TOLERANCE:
            return f"wraps to {needed_height}px but is {label.height()}px high"
        return None
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if widest > room + TOLERANCE:
        return f"needs {widest}px, has {room}px"
    height = metrics.lineSpacing() * len(text.split("\n"))
    if height > label.contentsRect().height() + metrics.leading() + TOLERANCE + 2:
        return f"needs {height}px high, has {label.contentsRect().height()}px"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    if isinstance(button, QToolButton) and button.toolButtonStyle().name == "ToolButtonIconOnly":
        return None
    hint = button.sizeHint()
    if isinstance(button, (QPushButton, QToolButton)) and hint.width() > button.width() + TOLERANCE:
        return f"needs {hint.width()}px, has {button.width()}px"
    if isinstance(button, (QCheckBox, QRadioButton)):
        needed = hint.width()
        if needed > button.width() + TOLERANCE:
            return f"needs {needed}px, has {button.width()}px"
    if hint.height() > button.height() + TOLERANCE + 2:
        return f"needs {hint.height()}px high, has {button.height()}px"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    room = field.width()
    if not combo.itemIcon(combo.currentIndex()).isNull():
        room -= combo.iconSize().width() + 4
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > room + TOLERANCE:
        return f"needs {needed}px, has {room}px"
    return None


def _describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = ""
    for getter in ("text", "currentText", "title"):
        value = getattr(widget, getter, None)
        if callable(value):
            try:
                text = str(value())
            except TypeError:
                continue
            if text:
                break
    return f"{name}“{text[:30]}”" if text else name


def clipped_texts(root: QWidget) -> list[str]:
    """Every shown label, button, check box and combo box under ``root`` that cuts its text."""
    problems = []
    for widget in shown_widgets(root):
        if _is_intentionally_elided(widget):
            continue
        problem: str | None = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        if problem is not None:
            problems.append(f"{_describe(widget)}: {problem}")
    return problems


def _layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is not None:
            yield item.widget()
        elif item.layout() is not None:
            yield from _layout_widgets(item.layout())


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def overlapping_widgets(root: QWidget) -> list[str]:
    """Pairs of shown widgets placed by the same layout whose rectangles intersect."""
    problems = []
    for container in shown_widgets(root):
        layout = container.layout()
        if layout is None or isinstance(container, QAbstractScrollArea):
            continue
        placed = [widget for widget in _layout_widgets(layout) if widget.isVisible()]
        for first_index, first in enumerate(placed):
            first_rect = _global_rect(first)
            for second in placed[first_index + 1 :]:
                overlap = first_rect.intersected(_global_rect(second))
                if overlap.width() > 2 and overlap.height() > 2:
                    problems.append(f"{_describe(first)} overlaps {_describe(second)}")
    return problems


def squeezed_layouts(root: QWidget) -> list[str]:
    """Shown widgets given less height or width than their layout's minimum."""
    problems = []
    for widget in shown_widgets(root):
        layout = widget.layout()
        if layout is None:
            continue
        minimum = layout.totalMinimumSize()
        needed_height = minimum.height()
        if layout.hasHeightForWidth():
            needed_height = max(needed_height, layout.totalHeightForWidth(widget.width()))
        if widget.height() + TOLERANCE < needed_height:
            problems.append(f"{_describe(widget)}: {widget.height()}px high < {needed_height}px")
        if widget.width() + TOLERANCE < minimum.width():
            problems.append(f"{_describe(widget)}: {widget.width()}px wide < {minimum.width()}px")
    return problems


def layout_problems(root: QWidget) -> list[str]:
    """All three checks: what would look broken to the user.

    Pending layout requests run first: a label given new text has its old size until the event
    loop lays it out, and on a busy machine a check could catch it in between (a flaky "wraps
    to 75px but is 25px high" where the user sees a finished dialog).
    """
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QCoreApplication.processEvents()
    return [*clipped_texts(root), *overlapping_widgets(root), *squeezed_layouts(root)]
