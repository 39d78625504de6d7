"""The UI speaks Simplified Chinese: every source string is translated and the .qm is loaded."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox

from dangqun.resources_path import resource_path
from dangqun.ui.startup import theme_stylesheet

TS_FILE = resource_path("i18n", "dangqun_zh_CN.ts")


def test_every_source_string_has_a_chinese_translation() -> None:
    untranslated = []
    for context in ElementTree.parse(TS_FILE).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not "".join(translation.itertext()).strip()
            ):
                untranslated.append(f"[{context.findtext('name')}] {message.findtext('source')}")
    assert untranslated == [], "run .ci/generate.py and translate:\n" + "\n".join(untranslated)


def test_named_fields_survive_translation() -> None:
    for context in ElementTree.parse(TS_FILE).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = "".join(message.find("translation").itertext())
            if not translation:
                continue  # reported by the test above
            fields = sorted(part.split("}")[0] for part in source.split("{")[1:])
            assert sorted(part.split("}")[0] for part in translation.split("{")[1:]) == fields, (
                source
            )


def test_our_translations_and_qts_own_are_installed(qtbot) -> None:
    assert QCoreApplication.translate("Pages", "Members") == "党员管理"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert QLocale().name() == "zh_CN"


def test_the_compiled_translation_is_shipped_next_to_its_source() -> None:
    compiled = TS_FILE.with_suffix(".qm")
    assert compiled.is_file() and compiled.stat().st_size > 1000


def test_the_theme_has_every_size_filled_in() -> None:
    sheet = theme_stylesheet(13)
    assert "@" not in sheet
    assert "font-size: 21pt" in sheet  # titles: base + 8
    assert "#C8161D" in sheet
