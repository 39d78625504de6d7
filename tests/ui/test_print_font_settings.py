"""系统设置 → 打印: the fonts in use, the fonts to choose from, and saving the print font.

The font search is pointed at a temporary "Fonts" folder (like C:\\Windows\\Fonts) holding a
fake CFF font and, when this machine has one, a copy of a real Chinese TrueType font, so what
the list shows does not depend on the fonts installed here. Saving goes through the real
settings service and its validator, which loads the font file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from reportlab.pdfbase import pdfmetrics

from dangqun.bootstrap import Application
from dangqun.core.audit import AuditFilter, read_audit_page
from dangqun.core.changes import SETTINGS, Changes
from dangqun.core.errors import PermissionDenied, ValidationError
from dangqun.core.security import Actor, Role
from dangqun.core.settings import read_setting, update_settings
from dangqun.core.users import create_user
from dangqun.printing import fonts as font_module
from dangqun.printing.fonts import (
    PRINT_FONT_PATH,
    FontSearch,
    FontSource,
    document_fonts_for,
)
from dangqun.printing.verification import verification_key_path
from dangqun.ui.print_preview import PrintPreviewWindow
from dangqun.ui.settings import printing_tab
from dangqun.ui.settings.page import SettingsPage
from dangqun.ui.settings.printing_tab import PrintingTab, font_sample_pdf
from dangqun.ui.widgets import message_boxes
from tests.conftest import TEST_FONT_FAMILY, find_test_font, requires_poppler
from tests.ui.conftest import actor_of
from tests.ui.settings_support import make_page

LOAD_TIMEOUT = 60_000
"""Loading every font of a machine checks each file really embeds: seconds, not minutes."""


def a_truetype_font() -> Path:
    """The tests' named Chinese TrueType font (tests/conftest.py), or skip saying what is missing."""
    found = find_test_font()
    if found is None:
        pytest.skip(f"the test font {TEST_FONT_FAMILY} (fonts-wqy-microhei) is not on this machine")
    return found


@pytest.fixture(scope="session")
def fonts_folder_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fake CFF 黑体 and, if possible, a copy of a real TrueType font as 宋体.

    A copy, not a link: the engine remembers a loaded font by its resolved path, so a link
    would make the system font answer to this folder's name. One folder per session, so the
    copy is loaded (a second per face) only once.
    """
    folder = tmp_path_factory.mktemp("fonts") / "Fonts"
    folder.mkdir()
    (folder / "simhei.ttf").write_bytes(b"OTTO" + b"\0" * 64)
    real = find_test_font()
    if real is not None:
        shutil.copyfile(real, folder / "simsun.ttc")
    return folder


@pytest.fixture
def fonts_folder(fonts_folder_template: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The only place fonts are searched while the test runs (no fontconfig)."""
    search = FontSearch((fonts_folder_template,), use_fontconfig=False)
    monkeypatch.setattr(font_module, "default_font_search", lambda: search)
    font_module.reset_font_cache()
    yield fonts_folder_template
    font_module.reset_font_cache()


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        message_boxes, "show_error", lambda _parent, _title, message: shown.append(message)
    )
    return shown


def open_print_tab(qtbot, page: PrintingTab) -> PrintingTab:  # type: ignore[no-untyped-def]
    """Show 打印 (built now: the first time it is shown) and wait for the fonts."""
    tab = page.tab("printing")
    assert isinstance(tab, PrintingTab)
    with qtbot.waitSignal(tab.print_fonts_loaded, timeout=LOAD_TIMEOUT):
        page.show_tab("printing")
    return tab


@pytest.fixture
def settings_page(
    qtbot, application: Application, admin: Actor, fonts_folder: Path
) -> SettingsPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, application, admin)


@pytest.fixture
def page(qtbot, settings_page: SettingsPage) -> PrintingTab:  # type: ignore[no-untyped-def]
    """The 打印 tab (its page is kept alive by the ``settings_page`` fixture)."""
    return open_print_tab(qtbot, settings_page)


def settings_audit(application: Application, admin: Actor) -> list[str]:
    page = read_audit_page(application.database, admin, AuditFilter(action="settings.update"))
    return [record.entity_id or "" for record in page.records]


def test_building_the_page_does_not_load_the_printing_engine_at_start_up() -> None:
    """ReportLab is imported when the 打印 tab is built, never by importing the UI."""
    code = (
        "import sys, dangqun.ui.settings.page\n"
        "assert 'reportlab' not in sys.modules, 'reportlab imported at start-up'\n"
        "assert 'dangqun.printing.fonts' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_the_printing_tab_is_built_only_when_shown(
    qtbot, application: Application, admin: Actor, fonts_folder: Path
) -> None:
    page = make_page(qtbot, application, admin)
    assert "printing" in page.tab_keys()
    assert not page.findChildren(PrintingTab)
    open_print_tab(qtbot, page)
    assert len(page.findChildren(PrintingTab)) == 1


def test_the_tab_lists_the_fonts_and_shows_the_one_in_use(
    page: PrintingTab, application: Application, fonts_folder: Path
) -> None:
    in_use = document_fonts_for(application.database)
    summary = page.ui.printFontsSummaryLabel.text()
    assert f"正文：{in_use.body.label}" in summary
    assert "标题：" in summary and "小标题和表头：" in summary

    font_list = page.ui.printFontList
    values = page.font_list_values()
    assert values[0] == ""  # 自动选择, the saved setting: selected and marked as current
    assert font_list.currentRow() == 0
    assert font_list.item(0).text() == "自动选择（推荐）  · 当前设置"
    assert page.ui.printFontPathEdit.text() == ""

    fake_cff = fonts_folder / "simhei.ttf"
    refused = font_list.item(values.index(None))
    assert not refused.flags() & Qt.ItemFlag.ItemIsEnabled
    assert str(fake_cff) in refused.text()
    assert "不能使用：CFF（PostScript）轮廓的 OpenType 字体，ReportLab 无法嵌入" in refused.text()

    if in_use.body.embedded:
        usable = fonts_folder / "simsun.ttc"
        row = values.index(str(usable))
        assert font_list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
        assert row < values.index(None), "usable fonts come first"
        font_list.setCurrentRow(row)
        assert page.ui.printFontPathEdit.text() == str(usable)
    else:
        assert "未找到可嵌入" in summary


@pytest.mark.parametrize("bad_file", ["cff", "missing", "not_a_font"])
def test_saving_a_file_that_cannot_be_embedded_shows_why_beside_the_field_and_writes_nothing(
    qtbot,  # type: ignore[no-untyped-def]
    page: PrintingTab,
    application: Application,
    admin: Actor,
    fonts_folder: Path,
    tmp_path: Path,
    errors_shown: list[str],
    bad_file: str,
) -> None:
    paths = {
        "cff": (
            fonts_folder / "simhei.ttf",
            "CFF（PostScript）轮廓的 OpenType 字体，ReportLab 无法嵌入",
        ),
        "missing": (tmp_path / "仿宋_GB2312.ttf", "找不到字体文件"),
        "not_a_font": (tmp_path / "readme.ttf", "不是可嵌入的 TrueType 字体"),
    }
    path, reason = paths[bad_file]
    if bad_file == "not_a_font":
        path.write_text("not a font", encoding="utf-8")
    before = settings_audit(application, admin)

    page.set_chosen_font(str(path))
    assert page.ui.printFontList.currentRow() == -1 or bad_file == "cff"
    page.ui.savePrintFontButton.click()
    qtbot.waitUntil(page.ui.printFontPathError.isVisible, timeout=LOAD_TIMEOUT)

    message = page.ui.printFontPathError.text()
    assert message.startswith("打印字体文件") and reason in message
    assert errors_shown == []  # beside the field, not in a box
    assert page.ui.printFontStatusLabel.text() == ""
    assert read_setting(application.database, PRINT_FONT_PATH) == ""
    assert settings_audit(application, admin) == before
    assert page.ui.savePrintFontButton.isEnabled()

    page.set_chosen_font("")  # changing the choice clears the message
    assert not page.ui.printFontPathError.isVisible()


def test_saving_a_truetype_font_changes_what_documents_are_printed_with(
    qtbot,  # type: ignore[no-untyped-def]
    page: PrintingTab,
    application: Application,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    font_file = a_truetype_font()
    announced: list[Changes] = []
    page.context.events.changed.connect(announced.append)

    chosen_in = []

    def choose(_parent: object, _title: str, folder: str, filters: str) -> tuple[str, str]:
        chosen_in.append((folder, filters))
        return str(font_file), ""

    monkeypatch.setattr(printing_tab.QFileDialog, "getOpenFileName", choose)
    page.ui.chooseFontFileButton.click()
    assert page.ui.printFontPathEdit.text() == str(font_file)
    assert "*.ttf" in chosen_in[0][1] and "*.ttc" in chosen_in[0][1]
    with (
        qtbot.waitSignal(page.print_font_saved, timeout=LOAD_TIMEOUT) as saved,
        qtbot.waitSignal(page.print_fonts_loaded, timeout=LOAD_TIMEOUT),
    ):
        page.ui.savePrintFontButton.click()

    assert saved.args == [str(font_file)]
    assert read_setting(application.database, PRINT_FONT_PATH) == str(font_file)
    fonts = document_fonts_for(application.database)
    assert fonts.body.path == font_file and fonts.body.source is FontSource.SETTING
    assert fonts.title.path == fonts.heading.path == font_file
    assert "print_font_path" in settings_audit(application, admin)
    assert announced == [Changes.of(SETTINGS)]
    assert page.ui.printFontStatusLabel.text() == "已保存。"
    assert "设置中选定" in page.ui.printFontsSummaryLabel.text()
    assert str(font_file) in page.ui.printFontsSummaryLabel.text()
    assert not page.ui.printFontPathError.isVisible()

    # Back to automatic: the first entry of the list, saved as an empty setting.
    page.ui.printFontList.setCurrentRow(0)
    assert page.ui.printFontPathEdit.text() == ""
    with qtbot.waitSignal(page.print_fonts_loaded, timeout=LOAD_TIMEOUT):
        page.ui.savePrintFontButton.click()
    assert read_setting(application.database, PRINT_FONT_PATH) == ""
    assert document_fonts_for(application.database).body.source is not FontSource.SETTING
    assert page.ui.printFontList.item(0).text().endswith("· 当前设置")


def test_staff_see_the_font_in_use_but_cannot_choose_one(
    qtbot,  # type: ignore[no-untyped-def]
    application: Application,
    admin: Actor,
    fonts_folder: Path,
) -> None:
    create_user(application.database, admin, "zhangsan", "张三", Role.STAFF, "staff-pass-42")
    staff = actor_of(application, "zhangsan")
    settings = make_page(qtbot, application, staff)
    page = open_print_tab(qtbot, settings)

    assert "正文：" in page.ui.printFontsSummaryLabel.text()
    assert not page.ui.printFontGroup.isVisible()
    assert not page.ui.savePrintFontButton.isVisible()
    assert page.ui.printFontReadOnlyNote.isVisible()
    assert page.ui.printSampleButton.isVisible()
    assert page.font_list_values() == []  # fonts are not even loaded for a role that cannot choose

    page.ui.printFontPathEdit.setText(str(fonts_folder / "simsun.ttc"))
    page.save_print_font()
    assert read_setting(application.database, PRINT_FONT_PATH) == ""
    with pytest.raises(PermissionDenied):
        update_settings(application.database, staff, {"print_font_path": ""})


def test_a_sample_opens_in_the_print_preview(
    qtbot,  # type: ignore[no-untyped-def]
    page: PrintingTab,
) -> None:
    def preview() -> PrintPreviewWindow | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PrintPreviewWindow) and widget.isVisible():
                return widget
        return None

    page.ui.printSampleButton.click()
    qtbot.waitUntil(lambda: preview() is not None, timeout=LOAD_TIMEOUT)
    window = preview()
    assert window is not None
    assert window.page_count >= 6  # one sample of every kind of document
    window.close()


@requires_poppler
def test_the_sample_is_set_in_the_chosen_font_and_never_signed(
    application: Application, admin: Actor, tmp_path: Path
) -> None:
    font_file = a_truetype_font()
    key_file = verification_key_path(application.paths.keys)
    key_existed = key_file.exists()
    pdf = font_sample_pdf(
        application.database,
        admin,
        str(font_file),
        "打印字体样张",
        lambda _done, _total: None,
        threading.Event(),
    )
    path = tmp_path / "sample.pdf"
    path.write_bytes(pdf)

    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    embedded = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    chosen = font_module.choose_document_fonts(str(font_file)).body
    face_name = pdfmetrics.getFont(chosen.name).face.name.decode("latin-1")
    assert embedded and all(f"+{face_name}" in name for name in embedded), listing
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "示例社区党群服务中心" in text  # the sample center, never this center's name
    assert "样张，核验码无效" in text
    assert key_file.exists() == key_existed  # no key made, nothing signed


def test_a_sample_in_a_font_that_cannot_be_embedded_is_refused(
    application: Application, admin: Actor, fonts_folder: Path
) -> None:
    with pytest.raises(ValidationError, match="CFF"):
        font_sample_pdf(
            application.database,
            admin,
            str(fonts_folder / "simhei.ttf"),
            "打印字体样张",
            lambda _done, _total: None,
            threading.Event(),
        )
