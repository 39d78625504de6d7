"""``dangqun screenshot``: every page renders offscreen to a real PNG of the asked size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from dangqun.bootstrap import Application
from dangqun.core.security import Actor
from dangqun.ui.pages import PAGE_KEYS
from dangqun.ui.screenshot import SCREENSHOT_PAGES, render_page

SIZE = (1280, 800)


def distinct_colours(image: QImage, step: int = 37) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_every_page_and_dialog_can_be_rendered() -> None:
    expected = (
        *PAGE_KEYS,
        "login",
        "wizard",
        "lock",
        "member_dialog",
        "member_import_report",
        "organization_tree",
    )
    assert expected == SCREENSHOT_PAGES


@pytest.mark.parametrize("page", SCREENSHOT_PAGES)
def test_screenshot_writes_a_png_of_the_page(
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
