"""``dangqun screenshot``: every page renders offscreen to a real PNG of the asked size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from dangqun import features
from dangqun.bootstrap import Application
from dangqun.core.feature_kit import Feature, PageDeclaration, ScreenshotDialogs
from dangqun.core.security import Actor
from dangqun.ui.context import UiContext
from dangqun.ui.pages import page_keys
from dangqun.ui.screenshot import render_page, screenshot_pages

SIZE = (1280, 800)


def distinct_colours(image: QImage, step: int = 37) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_the_pages_and_dialogs_come_from_the_registries() -> None:
    declared_dialogs = [
        name
        for feature in features.registered_features()
        for dialogs in feature.screenshot_dialogs
        for name in dialogs.names
    ]
    assert "member_dialog" in declared_dialogs  # members/feature.py declares its dialogs
    shell_dialogs = ("login", "wizard", "lock", "password", "error", "print_preview")
    assert screenshot_pages() == (*page_keys(), *shell_dialogs, *declared_dialogs)


def open_fake_dialog(name: str, context: UiContext, window: QWidget, scratch: Path) -> QDialog:
    """The opener a fake feature declares (``"module:function"``), called with what it needs."""
    assert name == "fake_dialog" and scratch.is_dir() and context.actor.username == "admin"
    dialog = QDialog(window)
    QVBoxLayout(dialog).addWidget(QLabel("测试对话框", dialog))
    return dialog


def test_a_feature_page_and_dialog_render_once_declared(
    qtbot, application: Application, admin_actor: Actor, tmp_path: Path
) -> None:
    feature = Feature(
        key="fake_screens",
        title="测试",
        pages=(
            PageDeclaration(
                "fake_page", "Fake", "info", "dangqun.ui.pages.bases_page:BasesPage", "", 70
            ),
        ),
        screenshot_dialogs=(
            ScreenshotDialogs(
                ("fake_dialog",), "tests.ui.test_screenshot:open_fake_dialog", "fake_page"
            ),
        ),
    )
    assert "fake_page" not in screenshot_pages()
    with features.feature_added(feature):
        assert {"fake_page", "fake_dialog"} <= set(screenshot_pages())
        for page in ("fake_page", "fake_dialog"):
            render_page(application, admin_actor, page, SIZE, tmp_path / f"{page}.png")
            assert distinct_colours(QImage(str(tmp_path / f"{page}.png"))) > 5


@pytest.mark.demo_members(200)  # pages drawn with rows, cards and a tree, not empty
@pytest.mark.parametrize("page", screenshot_pages())
def test_screenshot_writes_a_png_of_every_page_and_dialog(
    qtbot, application: Application, admin_actor: Actor, tmp_path: Path, page: str
) -> None:
    out = tmp_path / "shots" / f"{page}.png"

    render_page(application, admin_actor, page, SIZE, out)

    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZE
    assert distinct_colours(image) > 5  # drawn, not a blank rectangle
    assert not application.paths.ui_settings.exists()  # screenshots leave no trace


def test_the_wizard_renders_before_a_center_exists(
    qtbot, empty_application: Application, tmp_path: Path
) -> None:
    out = tmp_path / "wizard.png"
    render_page(empty_application, None, "wizard", (1024, 768), out)
    assert QImage(str(out)).size().toTuple() == (1024, 768)


def test_an_unknown_page_is_refused(application: Application, admin_actor: Actor, tmp_path):
    with pytest.raises(ValueError, match="unknown page"):
        render_page(application, admin_actor, "reports", SIZE, tmp_path / "x.png")
