"""Fonts that always work: the administrator's choice per role, the system's formal fonts,
the shipped Song (Noto Serif SC), then the built-in CID font (issue 12).

A test that needs a real TrueType file uses the ``chinese_font`` fixture (WenQuanYi Micro Hei,
found by name), never whichever Chinese font this machine happens to list first; copies of it
under Windows file names (simfang.ttf …) stand for a Windows machine's formal fonts.
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
    RESOURCE_FONT_DIRECTORY,
    ROLE_SETTINGS,
    FontRole,
    FontSearch,
    FontSource,
    GlyphStyle,
    available_font_choices,
    choose_document_fonts,
    classify_family,
    common_hanzi,
    coverage_refusal,
    parse_font_setting,
)

SHIPPED_REGULAR = RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Regular.ttf"
SHIPPED_BOLD = RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Bold.ttf"


def bare_machine(tmp_path: Path, *system: Path) -> FontSearch:
    """A machine whose only fonts are ``system`` folders and the shipped ones, no fontconfig."""
    empty = tmp_path / "no-fonts"
    empty.mkdir(exist_ok=True)
    return FontSearch(
        (*system, empty), use_fontconfig=False, bundled_directories=(RESOURCE_FONT_DIRECTORY,)
    )


def test_print_font_setting_is_registered_for_the_settings_page() -> None:
    keys = {definition.key for definition in setting_definitions()}
    assert PRINT_FONT_PATH.key in keys
    assert PRINT_FONT_PATH.default == ""
    assert {definition.key for definition in ROLE_SETTINGS.values()} <= keys
    assert ROLE_SETTINGS[FontRole.BODY].key == "print_font_body"


def test_setting_validation_explains_what_is_wrong(tmp_path: Path) -> None:
    body = ROLE_SETTINGS[FontRole.BODY]
    assert body.validate("") is None
    assert "没有文件" in (body.validate(str(tmp_path / "simfang.ttf")) or "")
    not_a_font = tmp_path / "readme.ttf"
    not_a_font.write_bytes(b"this is not a font at all")
    assert body.validate(str(not_a_font)) == (
        "不能使用：这种字体文件无法嵌入到 PDF 中（不是可用的字体文件，或文件已损坏）"
    )
    assert body.validate(42) is not None


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
    assert reason == "不能使用：这种字体文件无法嵌入到 PDF 中"
    fonts = choose_document_fonts(
        str(fake_cff), search=FontSearch((tmp_path / "none",), use_fontconfig=False)
    )
    assert fonts.body.name == BUILT_IN_FONT_NAME
    assert any("无法嵌入到 PDF 中" in line for line in fonts.summary_lines())


def test_real_cff_collection_from_fontconfig_is_skipped(tmp_path: Path) -> None:
    noto = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
    if not noto.exists():
        pytest.skip("Noto CJK (CFF) not installed")
    reason = PRINT_FONT_PATH.validate(str(noto))
    assert reason == "不能使用：这种字体文件无法嵌入到 PDF 中"
    assert all("CFF" not in item.reason for item in available_font_choices())


def test_configured_font_plays_every_role(chinese_font: Path) -> None:
    """The older single setting (``print_font_path``) still plays every role."""
    fonts = choose_document_fonts(str(chinese_font))
    assert fonts.body.source is FontSource.SETTING
    assert fonts.title == fonts.body == fonts.heading == fonts.table_font
    assert fonts.signature_font == fonts.body
    assert fonts.body.path == chinese_font


def test_missing_configured_font_falls_back_and_says_why(tmp_path: Path) -> None:
    fonts = choose_document_fonts(str(tmp_path / "gone.ttf"))
    assert fonts.body.source is not FontSource.SETTING
    assert (
        f"正文：设置中选定的字体“{tmp_path / 'gone.ttf'}”不能使用（这台电脑上没有这个文件），已改用自动选择。"
        in fonts.summary_lines()
    )


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


def test_windows_formal_fonts_play_their_roles(tmp_path: Path, chinese_font: Path) -> None:
    """仿宋 body, 宋体 tables, 楷体 signatures, 黑体 headings; no 方正小标宋 here, so the title
    is the shipped Bold (the heaviest Song), never the 黑体."""
    directory = tmp_path / "Fonts"
    directory.mkdir()
    for name in ("simfang.ttf", "simsun.ttc", "simkai.ttf", "simhei.ttf"):
        shutil.copy(chinese_font, directory / name)
    fonts = choose_document_fonts(search=bare_machine(tmp_path, directory))
    assert fonts.body.path == directory / "simfang.ttf"
    assert fonts.table_font.path == directory / "simsun.ttc"
    assert fonts.signature_font.path == directory / "simkai.ttf"
    assert fonts.heading.path == directory / "simhei.ttf"
    assert fonts.title.path == SHIPPED_BOLD and fonts.title.bold


def test_a_real_xiaobiaosong_is_the_title(tmp_path: Path, chinese_font: Path) -> None:
    directory = tmp_path / "Fonts"
    directory.mkdir()
    shutil.copy(chinese_font, directory / "FZXBSJW.TTF")
    fonts = choose_document_fonts(search=bare_machine(tmp_path, directory))
    assert fonts.title.path == directory / "FZXBSJW.TTF"
    assert fonts.title.style is GlyphStyle.XIAOBIAOSONG
    assert fonts.body.path == SHIPPED_REGULAR


def test_without_formal_fonts_the_shipped_song_plays_every_role(tmp_path: Path) -> None:
    fonts = choose_document_fonts(search=bare_machine(tmp_path))
    assert fonts.title.path == fonts.heading.path == SHIPPED_BOLD
    assert fonts.body.path == fonts.table_font.path == SHIPPED_REGULAR
    assert fonts.signature_font == fonts.body
    assert fonts.title.bold and not fonts.body.bold
    assert fonts.title.family == fonts.body.family == "Noto Serif SC"  # one family
    assert fonts.all_embedded
    assert "标题：Noto Serif SC 粗体（宋体，程序自带）" in fonts.summary_lines()
    assert "正文：Noto Serif SC（宋体，程序自带）" in fonts.summary_lines()


def test_the_shipped_bold_is_never_body_text(tmp_path: Path) -> None:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    shutil.copy(SHIPPED_BOLD, bundled / "NotoSerifSC-Bold.ttf")
    fonts = choose_document_fonts(
        search=FontSearch((tmp_path / "none",), False, bundled_directories=(bundled,))
    )
    assert fonts.title.path == bundled / "NotoSerifSC-Bold.ttf"
    assert fonts.body.name == BUILT_IN_FONT_NAME


def test_on_this_machine_no_role_is_a_screen_font() -> None:
    """WenQuanYi (a 黑体 screen font) and the CFF Noto CJK are installed here: the roles are the
    shipped Song, and WenQuanYi only draws characters the shipped fonts lack."""
    fonts = choose_document_fonts()
    families = [fonts.role_font(role).family for role in FontRole]
    assert not any("WenQuanYi" in f or "文泉驿" in f for f in families), families
    assert fonts.title.path == SHIPPED_BOLD and fonts.body.path == SHIPPED_REGULAR
    assert fonts.fallbacks[0].path in (SHIPPED_REGULAR, SHIPPED_BOLD)
    chain = [font.path for font in fonts.fallbacks]
    screen = [path for path in chain if path is not None and "wqy" in path.name]
    if screen:
        assert chain.index(screen[0]) > chain.index(SHIPPED_REGULAR)


def test_a_screen_font_plays_a_role_only_without_the_shipped_font(
    tmp_path: Path, chinese_font: Path
) -> None:
    directory = tmp_path / "Fonts"
    directory.mkdir()
    shutil.copy(chinese_font, directory / "wqy-microhei.ttc")
    with_shipped = choose_document_fonts(search=bare_machine(tmp_path, directory))
    assert with_shipped.body.path == SHIPPED_REGULAR
    assert directory / "wqy-microhei.ttc" in [font.path for font in with_shipped.fallbacks]
    broken_install = choose_document_fonts(search=FontSearch((directory,), False))
    assert broken_install.body.path == directory / "wqy-microhei.ttc"


def test_the_administrator_chooses_per_role(tmp_path: Path, chinese_font: Path) -> None:
    fonts = choose_document_fonts(
        {FontRole.SIGNATURE: str(chinese_font), FontRole.BODY: ""}, search=bare_machine(tmp_path)
    )
    assert fonts.signature_font.path == chinese_font
    assert fonts.signature_font.source is FontSource.SETTING
    assert fonts.body.path == SHIPPED_REGULAR and fonts.title.path == SHIPPED_BOLD


def test_common_hanzi_are_the_gb2312_level_one_set() -> None:
    characters = common_hanzi()
    assert len(characters) == len(set(characters)) == 3755
    assert characters[0] == "啊" and characters[-1] == "座"
    assert "党" in characters and "䶮" not in characters


def test_coverage_refuses_droid_sans_fallback_in_plain_words(chinese_font: Path) -> None:
    """Droid Sans Fallback has hanzi but no ASCII digits or Latin letters: refused."""
    coverage = choose_document_fonts(str(chinese_font)).body.coverage
    assert coverage is not None and coverage_refusal(coverage) is None
    no_ascii = coverage - {
        ord(c) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    }
    assert coverage_refusal(no_ascii) == "缺少阿拉伯数字和英文字母"
    assert coverage_refusal(coverage - {ord("《")}) == "缺少中文标点（如“《”）"
    japanese_like = coverage - {ord(c) for c in common_hanzi()[:100]}
    assert coverage_refusal(japanese_like) == "缺少常用汉字（如“啊阿埃”，共缺 100 个）"
    a_few_missing = coverage - {ord(c) for c in common_hanzi()[:37]}
    assert coverage_refusal(a_few_missing) is None  # drawn one by one by a fallback


def test_the_real_droid_sans_fallback_is_refused_for_roles() -> None:
    droid = next(
        (
            path
            for path in Path("/usr/share/fonts").rglob("DroidSansFallback*.ttf")
            if path.is_file()
        ),
        None,
    )
    if droid is None:
        pytest.skip("Droid Sans Fallback (fonts-droid-fallback) is not installed")
    reason = ROLE_SETTINGS[FontRole.BODY].validate(str(droid))
    assert reason is not None and "缺少阿拉伯数字" in reason


def test_refused_fonts_say_why_without_jargon(tmp_path: Path) -> None:
    directory = tmp_path / "Fonts"
    directory.mkdir()
    (directory / "simhei.ttf").write_bytes(b"OTTO" + b"\0" * 64)
    choices = available_font_choices(bare_machine(tmp_path, directory))
    refused = [choice for choice in choices if not choice.usable]
    assert [choice.reason for choice in refused] == ["这种字体文件无法嵌入到 PDF 中"]
    for word in ("CFF", "ReportLab", "TrueType", "轮廓"):
        assert all(word not in choice.reason for choice in choices)
    usable = [choice for choice in choices if choice.usable]
    assert {choice.path for choice in usable} == {SHIPPED_REGULAR, SHIPPED_BOLD}
    assert [choice.bold for choice in usable if choice.path == SHIPPED_BOLD] == [True]


def test_empty_machine_uses_the_built_in_cid_font(tmp_path: Path) -> None:
    fonts = choose_document_fonts(search=FontSearch((tmp_path,), use_fontconfig=False))
    assert fonts.body.name == fonts.title.name == BUILT_IN_FONT_NAME
    assert not fonts.all_embedded
    assert any("没有能嵌入到 PDF 中的中文字体" in line for line in fonts.summary_lines())


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
    assert fonts.body.family in lines[1] and str(chinese_font) in lines[1]


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
        ("NotoSerifSC-Bold", GlyphStyle.SONG),
        ("华文中宋", GlyphStyle.XIAOBIAOSONG),
    ],
)
def test_family_names_are_classified(family: str, style: GlyphStyle) -> None:
    assert classify_family(family) is style
