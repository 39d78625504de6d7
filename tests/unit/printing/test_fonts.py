"""Fonts that always work: the configured one, the system's, then the built-in CID font.

A test that needs a real TrueType file uses the ``chinese_font`` fixture (WenQuanYi Micro Hei,
found by name), never whichever Chinese font this machine happens to list first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from dangqun.core.setting_definitions import setting_definitions
from dangqun.printing import fonts as font_module
from dangqun.printing.fonts import (
    BUILT_IN_FONT_NAME,
    PRINT_FONT_PATH,
    FontSearch,
    FontSource,
    GlyphStyle,
    available_font_choices,
    choose_document_fonts,
    classify_family,
    parse_font_setting,
)


def test_print_font_setting_is_registered_for_the_settings_page() -> None:
    keys = {definition.key for definition in setting_definitions()}
    assert PRINT_FONT_PATH.key in keys
    assert PRINT_FONT_PATH.default == ""


def test_setting_validation_explains_what_is_wrong(tmp_path: Path) -> None:
    assert PRINT_FONT_PATH.validate("") is None
    assert "找不到字体文件" in (PRINT_FONT_PATH.validate(str(tmp_path / "simfang.ttf")) or "")
    not_a_font = tmp_path / "readme.ttf"
    not_a_font.write_bytes(b"this is not a font at all")
    assert "TrueType" in (PRINT_FONT_PATH.validate(str(not_a_font)) or "")
    assert PRINT_FONT_PATH.validate(42) is not None


def test_the_test_font_prints_digits_latin_and_chinese(chinese_font: Path) -> None:
    """Unlike Droid Sans Fallback, which has no ASCII digits: every printed date needs them."""
    coverage = choose_document_fonts(str(chinese_font)).body.coverage
    assert coverage is not None
    assert all(ord(character) in coverage for character in "0123456789AZaz党群服务中心")


def test_setting_accepts_a_real_truetype_font(chinese_font: Path) -> None:
    assert PRINT_FONT_PATH.validate(str(chinese_font)) is None


def test_cff_opentype_is_skipped_with_a_reason_not_a_crash(tmp_path: Path) -> None:
    fake_cff = tmp_path / "SourceHanSerif.otf"
    fake_cff.write_bytes(b"OTTO" + b"\0" * 64)
    reason = PRINT_FONT_PATH.validate(str(fake_cff))
    assert reason is not None and "CFF" in reason
    fonts = choose_document_fonts(
        str(fake_cff), search=FontSearch((tmp_path / "none",), use_fontconfig=False)
    )
    assert fonts.body.name == BUILT_IN_FONT_NAME
    assert any("CFF" in item.reason for item in fonts.skipped)


def test_real_cff_collection_from_fontconfig_is_skipped(tmp_path: Path) -> None:
    noto = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
    if not noto.exists():
        pytest.skip("Noto CJK (CFF) not installed")
    reason = PRINT_FONT_PATH.validate(str(noto))
    assert reason is not None and "CFF" in reason


def test_configured_font_plays_every_role(chinese_font: Path) -> None:
    fonts = choose_document_fonts(str(chinese_font))
    assert fonts.body.source is FontSource.SETTING
    assert fonts.title == fonts.body == fonts.heading
    assert fonts.body.path == chinese_font


def test_missing_configured_font_falls_back_and_says_why(tmp_path: Path) -> None:
    fonts = choose_document_fonts(str(tmp_path / "gone.ttf"))
    assert fonts.body.source is not FontSource.SETTING
    assert any("不存在" in item.reason for item in fonts.skipped)


def test_known_windows_font_names_are_found_in_a_font_directory(
    tmp_path: Path, chinese_font: Path
) -> None:
    windows_fonts = tmp_path / "Windows" / "Fonts"
    windows_fonts.mkdir(parents=True)
    shutil.copy(chinese_font, windows_fonts / "simfang.ttf")
    fonts = choose_document_fonts(search=FontSearch((windows_fonts,), use_fontconfig=False))
    assert fonts.body.path == windows_fonts / "simfang.ttf"
    assert fonts.body.style is GlyphStyle.FANGSONG
    assert fonts.body.family == "仿宋"


def test_roles_prefer_fangsong_for_body_and_hei_for_headings(
    tmp_path: Path, chinese_font: Path
) -> None:
    directory = tmp_path / "Fonts"
    directory.mkdir()
    for name in ("simfang.ttf", "simhei.ttf"):
        shutil.copy(chinese_font, directory / name)
    fonts = choose_document_fonts(search=FontSearch((directory,), use_fontconfig=False))
    assert fonts.body.path == directory / "simfang.ttf"
    assert fonts.heading.path == directory / "simhei.ttf"
    assert fonts.title.path == directory / "simhei.ttf"


def test_bundled_font_comes_after_system_fonts(tmp_path: Path, chinese_font: Path) -> None:
    bundled = tmp_path / "resources" / "fonts"
    bundled.mkdir(parents=True)
    shutil.copy(chinese_font, bundled / "ShippedSong.ttf")
    empty = tmp_path / "system"
    empty.mkdir()
    fonts = choose_document_fonts(
        search=FontSearch((empty,), use_fontconfig=False, bundled_directories=(bundled,))
    )
    assert fonts.body.source is FontSource.BUNDLED


def test_empty_machine_uses_the_built_in_cid_font(tmp_path: Path) -> None:
    fonts = choose_document_fonts(search=FontSearch((tmp_path,), use_fontconfig=False))
    assert fonts.body.name == fonts.title.name == BUILT_IN_FONT_NAME
    assert not fonts.all_embedded
    assert any("未找到可嵌入" in line for line in fonts.summary_lines())


def test_fonts_are_registered_once_and_the_choice_is_cached(chinese_font: Path) -> None:
    first = choose_document_fonts(str(chinese_font))
    registered = len(pdfmetrics.getRegisteredFontNames())
    font_module.reset_font_cache()
    second = choose_document_fonts(str(chinese_font))
    assert second.body.name == first.body.name
    assert len(pdfmetrics.getRegisteredFontNames()) == registered
    assert choose_document_fonts(str(chinese_font)) is second


def test_summary_names_the_font_in_use(chinese_font: Path) -> None:
    fonts = choose_document_fonts(str(chinese_font))
    lines = fonts.summary_lines()
    assert lines[1].startswith("正文：")
    assert fonts.body.family in lines[1]


def test_font_choices_list_usable_fonts_first(tmp_path: Path, chinese_font: Path) -> None:
    directory = tmp_path / "Fonts"
    directory.mkdir()
    shutil.copy(chinese_font, directory / "simsun.ttc")
    choices = available_font_choices(FontSearch((directory,), use_fontconfig=False))
    assert choices and choices[0].usable
    assert choices[0].setting_value == str(directory / "simsun.ttc")


def test_ttc_face_index_in_the_setting(tmp_path: Path) -> None:
    assert parse_font_setting("/fonts/simsun.ttc#1") == (Path("/fonts/simsun.ttc"), 1)
    assert parse_font_setting("/fonts/simfang.ttf") == (Path("/fonts/simfang.ttf"), 0)


@pytest.mark.parametrize(
    ("family", "style"),
    [
        ("AR PL UMing CN", GlyphStyle.SONG),
        ("WenQuanYi Micro Hei", GlyphStyle.HEI),
        ("仿宋_GB2312", GlyphStyle.FANGSONG),
        ("方正小标宋简体", GlyphStyle.XIAOBIAOSONG),
        ("AR PL UKai CN", GlyphStyle.KAI),
        ("Droid Sans Fallback", GlyphStyle.HEI),
    ],
)
def test_family_names_are_classified(family: str, style: GlyphStyle) -> None:
    assert classify_family(family) is style
