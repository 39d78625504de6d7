"""The fonts as they come out on paper, checked with pdffonts and pdftotext (issue 12).

- On a machine with no Chinese font at all, every kind of document embeds only subsets of the
  shipped Noto Serif SC: Bold for the title, Regular for the body.
- A rare character in a name (䶮 U+4DAE in CJK Ext A, 堃) is drawn by the next font that has
  it; one that no font has (𠀀 U+20000) is reported, and the CLI says so on stderr.
"""

from __future__ import annotations

import io
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path
from unittest.mock import patch

import pytest

from dangqun.cli import build_parser
from dangqun.cli_kit import CliKit
from dangqun.core.paths import DataPaths
from dangqun.printing import fonts as font_module
from dangqun.printing.batch import render_to_file
from dangqun.printing.fonts import (
    RESOURCE_FONT_DIRECTORY,
    DocumentFonts,
    FontSearch,
    choose_document_fonts,
    missing_glyphs_collected,
)
from dangqun.printing.registry import document_kind, document_kinds, sample_plan
from tests.conftest import ADMIN_PASSWORD, requires_poppler
from tests.unit.printing.pdf_tools import compact_text, make_context, pdf_fonts, run_tool

RARE_NAME = "王䶮堃"
"""Real rare name characters the shipped font has (䶮 is in CJK Ext A; WenQuanYi lacks it)."""
UNPRINTABLE = "𠀀"
"""U+20000, CJK Ext B: no font on the test machines has it."""


@pytest.fixture
def bare_fonts(tmp_path: Path) -> DocumentFonts:
    """No system font at all (an empty folder, no fontconfig): only the shipped fonts."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    return choose_document_fonts(
        search=FontSearch(
            (empty,), use_fontconfig=False, bundled_directories=(RESOURCE_FONT_DIRECTORY,)
        )
    )


def face_name(font_file: Path) -> str:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return str(TTFontFile(str(font_file)).name.decode("latin-1"))


@requires_poppler
def test_every_kind_embeds_only_subsets_of_the_shipped_song(
    bare_fonts: DocumentFonts, tmp_path: Path
) -> None:
    bold = face_name(RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Bold.ttf")
    regular = face_name(RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Regular.ttf")
    assert bare_fonts.title.path == RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Bold.ttf"
    assert bare_fonts.body.path == RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Regular.ttf"
    context = make_context(bare_fonts)
    for kind in document_kinds():
        path = tmp_path / f"{kind}.pdf"
        summary = render_to_file([sample_plan(kind, context)], context, path)
        assert summary.missing_characters == (), kind
        rows = pdf_fonts(path)
        assert rows, kind
        for row in rows:
            assert row.embedded and row.subset, f"{kind}: {row}"
            assert row.name.split("+", 1)[1] in (bold, regular), f"{kind}: {row}"
        assert any(row.name.endswith(f"+{bold}") for row in rows), f"{kind}: no Bold title"
        assert any(row.name.endswith(f"+{regular}") for row in rows), f"{kind}: no Regular body"


def test_an_empty_fontconfig_finds_only_the_shipped_fonts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fc-list reads FONTCONFIG_FILE: an empty configuration is a machine without fonts."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig/>\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    search = FontSearch(
        (empty,), use_fontconfig=True, bundled_directories=(RESOURCE_FONT_DIRECTORY,)
    )
    candidates, skipped = font_module.discover_font_candidates(search)
    assert {candidate.path.parent for candidate in candidates} == {RESOURCE_FONT_DIRECTORY}
    assert skipped == []
    fonts = choose_document_fonts(search=search)
    assert [font.path for font in fonts.fallbacks] == [  # Regular first: it draws body text
        RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Regular.ttf",
        RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Bold.ttf",
    ]


def certificate_for(name: str, fonts: DocumentFonts, path: Path) -> tuple[str, ...]:
    """A certificate for ``name``; the characters no font has, collected as the CLI does
    (the plan is built before the render starts)."""
    context = make_context(fonts)
    definition = document_kind("volunteer_certificate")
    item = replace(definition.sample(context), volunteer_name=name)
    with missing_glyphs_collected() as missing:
        render_to_file([definition.build(item, context)], context, path)
    return tuple(sorted(missing))


@requires_poppler
def test_rare_name_characters_print_in_an_embedded_font(
    bare_fonts: DocumentFonts, tmp_path: Path
) -> None:
    path = tmp_path / "rare.pdf"
    assert certificate_for(RARE_NAME, bare_fonts, path) == ()
    assert RARE_NAME in compact_text(path)
    assert all(row.embedded and row.subset for row in pdf_fonts(path))


@requires_poppler
def test_a_character_the_role_font_lacks_comes_from_the_next_font(
    chinese_font: Path, tmp_path: Path
) -> None:
    """WenQuanYi chosen for every role lacks 䶮: the shipped Regular draws it, embedded."""
    fonts = choose_document_fonts(str(chinese_font))
    assert fonts.body.coverage is not None and ord("䶮") not in fonts.body.coverage
    drawn_by = fonts.face_for("䶮", fonts.body)
    assert drawn_by.path == RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Regular.ttf"
    path = tmp_path / "fallback.pdf"
    assert certificate_for(RARE_NAME, fonts, path) == ()
    assert RARE_NAME in compact_text(path)
    rows = pdf_fonts(path)
    regular = face_name(RESOURCE_FONT_DIRECTORY / "NotoSerifSC-Regular.ttf")
    assert any(row.name.endswith(f"+{regular}") for row in rows), rows
    assert all(row.embedded for row in rows), rows


@requires_poppler
def test_a_character_no_font_has_is_reported(bare_fonts: DocumentFonts, tmp_path: Path) -> None:
    path = tmp_path / "unprintable.pdf"
    assert certificate_for(RARE_NAME + UNPRINTABLE, bare_fonts, path) == (UNPRINTABLE,)
    assert RARE_NAME in compact_text(path)


@requires_poppler
@pytest.mark.demo_members(20)
def test_the_cli_warns_on_stderr_about_characters_no_font_has(
    initialized_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(initialized_paths.root / "dangqun.sqlite3") as connection:
        member_id, organization_id = connection.execute(
            "SELECT id, organization_id FROM members WHERE organization_id IS NOT NULL "
            "AND status = 'active' ORDER BY id LIMIT 1"
        ).fetchone()
        connection.execute(
            "UPDATE members SET name = ? WHERE id = ?", ("王" + UNPRINTABLE, member_id)
        )
    out = tmp_path / "roster.pdf"
    words = ["--data-dir", str(initialized_paths.root), "--user", "admin", "--password-stdin"]
    words += ["print", "member_roster", "--id", str(organization_id), "--out", str(out)]
    arguments = build_parser(CliKit()).parse_args(words)
    with patch.object(sys, "stdin", io.StringIO(ADMIN_PASSWORD + "\n")):
        assert arguments.handler(arguments) == 0
    captured = capsys.readouterr()
    assert f"已生成：{out}" in captured.out
    assert f"注意：本机没有字体含有这些字：{UNPRINTABLE}（U+20000）" in captured.err
    assert run_tool("pdfinfo", str(out))


@requires_poppler
@pytest.mark.demo_members(20)
def test_a_modules_own_print_command_warns_the_same_way(
    initialized_paths: DataPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``minutes sign-in-sheet`` prints through the same path as ``print`` (progress, the
    characters no font has), not a copy of it that forgot the warning."""
    with sqlite3.connect(initialized_paths.root / "dangqun.sqlite3") as connection:
        meeting_id, line_id = connection.execute(
            "SELECT meeting_id, id FROM minutes_attendance ORDER BY id LIMIT 1"
        ).fetchone()
        connection.execute(
            "UPDATE minutes_attendance SET name = ? WHERE id = ?", ("王" + UNPRINTABLE, line_id)
        )
    out = tmp_path / "sign-in.pdf"
    words = ["--data-dir", str(initialized_paths.root), "--user", "admin", "--password-stdin"]
    words += ["minutes", "sign-in-sheet", "--id", str(meeting_id), "--out", str(out)]
    arguments = build_parser(CliKit()).parse_args(words)
    with patch.object(sys, "stdin", io.StringIO(ADMIN_PASSWORD + "\n")):
        assert arguments.handler(arguments) == 0
    captured = capsys.readouterr()
    assert f"已生成：{out}" in captured.out
    assert f"注意：本机没有字体含有这些字：{UNPRINTABLE}（U+20000）" in captured.err
