"""A label's role changes its look on screen, shown or not yet shown."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from dangqun.ui.widgets.style_role import set_style_role

ERROR_RED = QColor("#C8161D")  # theme.qss: QLabel[role="error"]
MUTED_GREY = QColor("#5A6270")  # theme.qss: QLabel[role="muted"]


def text_colour(label: QLabel) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_a_label_on_screen_takes_its_new_role_at_once(qtbot: QtBot) -> None:
    label = QLabel("保存失败")
    qtbot.addWidget(label)
    set_style_role(label, "muted")
    label.show()
    qtbot.waitExposed(label)
    assert text_colour(label) == MUTED_GREY

    set_style_role(label, "error")

    assert label.property("role") == "error"
    assert text_colour(label) == ERROR_RED


def test_a_label_not_yet_shown_looks_its_role_when_it_is(qtbot: QtBot) -> None:
    label = QLabel("尚未备份")
    qtbot.addWidget(label)
    set_style_role(label, "error")
    set_style_role(label, "muted")
    label.show()
    qtbot.waitExposed(label)

    assert text_colour(label) == MUTED_GREY


def test_back_to_no_role_drops_the_role_look(qtbot: QtBot) -> None:
    label = QLabel("上次备份")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    plain = text_colour(label)
    set_style_role(label, "error")
    assert text_colour(label) == ERROR_RED

    set_style_role(label, None)

    assert label.property("role") is None
    assert text_colour(label) == plain
