"""系统设置 → 打印: the fonts per role, the fonts that cannot be used, the paper settings.

The font search is pointed at a temporary "Fonts" folder (like C:\\Windows\\Fonts) holding a
fake CFF font and, when this machine has one, a copy of a real Chinese TrueType font as 宋体,
plus the fonts shipped with the program, so what the tab shows does not depend on the fonts
installed here. Saving goes through the real settings service and its validators, which load
the font files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
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
    RESOURCE_FONT_DIRECTORY,
    ROLE_SETTINGS,
    FontRole,
    FontSearch,
    FontSource,
    document_fonts_for,
)
from dangqun.printing.page_settings import PageSettings, read_page_settings
from dangqun.printing.verification import verification_key_path
from dangqun.ui.print_preview import PrintPreviewWindow
from dangqun.ui.settings import printing_tab
from dangqun.ui.settings.page import SettingsPage
from dangqun.ui.settings.printing_tab import FONT_ROLES, PrintingTab, font_sample_pdf
from dangqun.ui.widgets import message_boxes
from tests.conftest import TEST_FONT_FAMILY, find_test_font, requires_poppler
from tests.ui.conftest import actor_of
from tests.ui.settings_support import make_page

LOAD_TIMEOUT = 60_000
"""Loading every font of a machine checks each file really embeds: seconds, not minutes."""
SHIPPED_REGULAR = RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Regular.ttf"
SHIPPED_BOLD = RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Bold.ttf"
AUTOMATIC = dict.fromkeys(FONT_ROLES, "")


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
    """The only places fonts are searched while the test runs (no fontconfig)."""
    search = FontSearch(
        (fonts_folder_template,),
        use_fontconfig=False,
        bundled_directories=(RESOURCE_FONT_DIRECTORY,),
    )
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


def open_print_tab(qtbot, page: SettingsPage) -> PrintingTab:  # type: ignore[no-untyped-def]
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


def saved_fonts(application: Application) -> dict[str, str]:
    return {
        role.value: read_setting(application.database, ROLE_SETTINGS[role]) for role in FontRole
    }


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


def test_the_tab_shows_the_font_of_every_role_and_the_fonts_refused(
    page: PrintingTab, application: Application, fonts_folder: Path
) -> None:
    in_use = document_fonts_for(application.database)
    summary = page.ui.printFontsSummaryLabel.text()
    assert "标题：Noto Serif SC 粗体（宋体，程序自带）" in summary
    for role, label in (("正文", in_use.body), ("表格", in_use.table_font)):
        assert f"{role}：{label.label}" in summary
    assert "落款和签名：" in summary and "小标题和表头：" in summary

    for role in FONT_ROLES:
        values = page.font_values(role)
        assert values[0] == ""  # 自动选择, the saved setting
        assert page.combos[role].currentIndex() == 0
        assert page.combos[role].itemText(0) == "自动选择（推荐）"
        assert str(SHIPPED_REGULAR) in values and str(SHIPPED_BOLD) in values
        assert str(fonts_folder / "simhei.ttf") not in values  # refused, never offered
    body = page.combos["body"]
    regular = body.itemText(body.findData(str(SHIPPED_REGULAR)))
    assert regular == "Noto Serif SC（宋体，程序自带）"
    assert (
        body.itemText(body.findData(str(SHIPPED_BOLD))) == "Noto Serif SC（宋体，粗体，程序自带）"
    )
    if find_test_font() is not None:
        assert str(fonts_folder / "simsun.ttc") in page.font_values("body")

    refused = page.refused_font_texts()
    assert refused == [
        f"黑体   {fonts_folder / 'simhei.ttf'}\n不能使用：这种字体文件无法嵌入到 PDF 中"
    ]
    for word in ("CFF", "ReportLab", "TrueType", "轮廓"):
        assert word not in summary and all(word not in line for line in refused)


@pytest.mark.parametrize("bad_file", ["cff", "missing", "not_a_font"])
def test_saving_a_font_that_cannot_be_used_shows_why_beside_its_role_and_writes_nothing(
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
        "cff": (fonts_folder / "simhei.ttf", "正文字体不能使用：这种字体文件无法嵌入到 PDF 中"),
        "missing": (tmp_path / "仿宋_GB2312.ttf", "正文字体找不到：没有文件"),
        "not_a_font": (tmp_path / "readme.ttf", "正文字体不能使用：这种字体文件无法嵌入到 PDF 中"),
    }
    path, reason = paths[bad_file]
    if bad_file == "not_a_font":
        path.write_text("not a font", encoding="utf-8")
    before = settings_audit(application, admin)

    page.add_font_file(str(path))
    page.set_font("body", str(path))
    page.ui.savePrintFontButton.click()
    qtbot.waitUntil(page.ui.bodyFontError.isVisible, timeout=LOAD_TIMEOUT)

    assert page.ui.bodyFontError.text().startswith(reason)
    assert not page.ui.titleFontError.isVisible()
    assert errors_shown == []  # beside the field, not in a box
    assert saved_fonts(application) == AUTOMATIC
    assert settings_audit(application, admin) == before
    assert page.ui.savePrintFontButton.isEnabled()

    page.set_font("body", "")  # changing the choice clears the message
    assert not page.ui.bodyFontError.isVisible()


def test_saving_a_font_per_role_changes_what_documents_are_printed_with(
    qtbot,  # type: ignore[no-untyped-def]
    page: PrintingTab,
    application: Application,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    font_file = a_truetype_font()
    announced: list[Changes] = []
    page.context.events.changed.connect(announced.append)
    automatic = document_fonts_for(application.database)

    chosen_in = []

    def choose(_parent: object, _title: str, folder: str, filters: str) -> tuple[str, str]:
        chosen_in.append((folder, filters))
        return str(font_file), ""

    monkeypatch.setattr(printing_tab.QFileDialog, "getOpenFileName", choose)
    page.ui.chooseFontFileButton.click()
    assert "*.ttf" in chosen_in[0][1] and "*.ttc" in chosen_in[0][1]
    assert all(str(font_file) in page.font_values(role) for role in FONT_ROLES)
    assert page.current_font("signature") == ""  # offered, chosen for no role yet
    page.set_font("signature", str(font_file))
    with (
        qtbot.waitSignal(page.print_font_saved, timeout=LOAD_TIMEOUT) as saved,
        qtbot.waitSignal(page.print_fonts_loaded, timeout=LOAD_TIMEOUT),
    ):
        page.ui.savePrintFontButton.click()

    assert saved.args == [{**AUTOMATIC, "signature": str(font_file)}]
    assert saved_fonts(application) == {**AUTOMATIC, "signature": str(font_file)}
    fonts = document_fonts_for(application.database)
    assert fonts.signature_font.path == font_file
    assert fonts.signature_font.source is FontSource.SETTING
    assert fonts.body == automatic.body and fonts.title.path == SHIPPED_BOLD
    assert "print_font_signature" in settings_audit(application, admin)
    assert announced == [Changes.of(SETTINGS)]
    assert page.ui.printFontStatusLabel.text() == "已保存。"
    assert f"落款和签名：{fonts.signature_font.label}" in page.ui.printFontsSummaryLabel.text()
    assert page.current_font("signature") == str(font_file)

    page.set_font("signature", "")  # back to automatic
    with qtbot.waitSignal(page.print_fonts_loaded, timeout=LOAD_TIMEOUT):
        page.ui.savePrintFontButton.click()
    assert saved_fonts(application) == AUTOMATIC
    assert document_fonts_for(application.database).signature_font == automatic.signature_font


def test_the_older_single_font_shows_in_every_role_and_moves_into_them_on_save(
    qtbot,  # type: ignore[no-untyped-def]
    application: Application,
    admin: Actor,
    fonts_folder: Path,
) -> None:
    font_file = a_truetype_font()
    update_settings(application.database, admin, {"print_font_path": str(font_file)})
    settings = make_page(qtbot, application, admin)
    page = open_print_tab(qtbot, settings)
    assert all(page.current_font(role) == str(font_file) for role in FONT_ROLES)
    assert document_fonts_for(application.database).title.path == font_file

    with qtbot.waitSignal(page.print_fonts_loaded, timeout=LOAD_TIMEOUT):
        page.ui.savePrintFontButton.click()
    assert read_setting(application.database, PRINT_FONT_PATH) == ""
    assert saved_fonts(application) == dict.fromkeys(FONT_ROLES, str(font_file))
    assert document_fonts_for(application.database).title.path == font_file


def test_paper_settings_are_saved_and_the_standard_restored(
    qtbot,  # type: ignore[no-untyped-def]
    page: PrintingTab,
    application: Application,
    admin: Actor,
) -> None:
    ui = page.ui
    assert (ui.topMarginSpin.value(), ui.leftMarginSpin.value()) == (37, 28)
    assert not ui.sealGuideCheck.isChecked()
    ui.topMarginSpin.setValue(52)
    ui.leftMarginSpin.setValue(31)
    ui.sealGuideCheck.setChecked(True)
    with qtbot.waitSignal(page.paper_saved, timeout=LOAD_TIMEOUT):
        ui.savePaperButton.click()
    assert read_page_settings(application.database) == PageSettings(52, 31, True)
    assert {"print_top_margin_mm", "print_seal_guide"} <= set(settings_audit(application, admin))
    assert ui.paperStatusLabel.text() == "已保存。"

    ui.standardMarginsButton.click()
    assert (ui.topMarginSpin.value(), ui.leftMarginSpin.value()) == (37, 28)
    with qtbot.waitSignal(page.paper_saved, timeout=LOAD_TIMEOUT):
        ui.savePaperButton.click()
    assert read_page_settings(application.database) == PageSettings(37, 28, True)


def test_staff_read_the_fonts_and_the_paper_but_cannot_change_them(
    qtbot,  # type: ignore[no-untyped-def]
    application: Application,
    admin: Actor,
    fonts_folder: Path,
) -> None:
    update_settings(application.database, admin, {"print_top_margin_mm": 45})
    create_user(application.database, admin, "zhangsan", "张三", Role.STAFF, "staff-pass-42")
    staff = actor_of(application, "zhangsan")
    settings = make_page(qtbot, application, staff)
    page = open_print_tab(qtbot, settings)

    assert "正文：" in page.ui.printFontsSummaryLabel.text()
    assert not page.ui.printFontGroup.isVisible()
    assert page.ui.printFontReadOnlyNote.isVisible()
    assert page.ui.printSampleButton.isVisible()
    assert page.ui.paperGroup.isVisible()
    assert page.ui.topMarginSpin.value() == 45
    assert not page.ui.topMarginSpin.isEnabled() and not page.ui.sealGuideCheck.isEnabled()
    assert not page.ui.savePaperButton.isVisible()
    assert not page.ui.standardMarginsButton.isVisible()
    assert page.font_values("body") == [
        ""
    ]  # fonts are not even loaded for a role that cannot choose

    page.save_print_fonts()
    page.save_paper()
    assert saved_fonts(application) == AUTOMATIC
    with pytest.raises(PermissionDenied):
        update_settings(application.database, staff, {"print_font_body": ""})


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
        dict.fromkeys(FONT_ROLES, str(font_file)),
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
    assert key_file.exists() == key_existed  # no key made, nothing signed


def test_a_sample_in_a_font_that_cannot_be_used_is_refused(
    application: Application, admin: Actor, fonts_folder: Path
) -> None:
    with pytest.raises(ValidationError, match="标题字体不能使用：这种字体文件无法嵌入到 PDF 中"):
        font_sample_pdf(
            application.database,
            admin,
            {**AUTOMATIC, "title": str(fonts_folder / "simhei.ttf")},
            "打印字体样张",
            lambda _done, _total: None,
            threading.Event(),
        )
