#!/usr/bin/env python3
"""Regenerate every generated file of the UI from its source, or check that none is stale.

    python .ci/generate.py            # rewrite the generated files in place
    python .ci/generate.py --check    # regenerate into a temp dir; exit 1 if anything differs

What is generated, from what:

* ``forms/<name>.ui`` (Qt Designer, the only copy) → ``src/dangqun/ui/forms/ui_<name>.py`` with
  ``pyside6-uic``. The uic line naming its own version is dropped, so the output only changes
  when the form does, and a "do not edit" line is put on top. A ``ui_*.py`` whose ``.ui`` is
  gone is reported (and deleted when not checking).
* ``resources/i18n/dangqun_zh_CN.ts`` is refreshed with ``pyside6-lupdate`` over every Python
  file of ``src/dangqun`` (the generated ``ui/forms`` excepted: lupdate reads the ``.ui`` files
  themselves) and ``forms/*.ui``. lupdate *keeps every existing translation*, adds new source
  strings as unfinished and drops strings no longer in the code. Locations are not written, so
  moving code does not touch the file and two people adding strings merge cleanly.
* ``resources/i18n/dangqun_zh_CN.qm`` is compiled from the ``.ts`` with ``pyside6-lrelease``.

How to add a translatable string and its translation
----------------------------------------------------
1. Write the *English* text in the code, wrapped for Qt:
   ``self.tr("Save")`` in a QObject/QWidget subclass (the context is the class name);
   ``QCoreApplication.translate("SomeContext", "Save")`` anywhere else; for module-level
   constants, mark them with ``QT_TRANSLATE_NOOP("SomeContext", "Save")`` and call
   ``QCoreApplication.translate("SomeContext", constant)`` where the text is shown. Text that
   takes values uses named fields: ``self.tr("{count} members").format(count=n)``. In Qt
   Designer, type English text; uic wraps it for you.
2. Run ``python .ci/generate.py``. The new strings appear in the ``.ts`` as
   ``<translation type="unfinished"></translation>``.
3. Translate: open the ``.ts`` in Qt Linguist (``pyside6-linguist``) and mark each entry done,
   or edit the XML: put the Chinese text in ``<translation>`` and remove
   ``type="unfinished"``. Keep ``{fields}`` exactly as in the source.
4. Run ``python .ci/generate.py`` again to compile the ``.qm``, then commit the ``.ui``,
   ``ui_*.py``, ``.ts`` and ``.qm`` together. ``tests/ui/test_translations.py`` fails while a
   string is left untranslated.

Core error messages (``DangqunError.message``) are already Chinese by design and are not
translated here.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_DIRECTORY = ROOT / "forms"
SOURCE_PACKAGE = ROOT / "src" / "dangqun"
GENERATED_FORMS_DIRECTORY = SOURCE_PACKAGE / "ui" / "forms"
I18N_DIRECTORY = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)
GENERATED_MARK = "# Generated from forms/{name} by .ci/generate.py — do not edit"
_VERSION_LINE_PREFIX = "## Created by: Qt User Interface Compiler version"


def _run_tool(
    tool: str, *arguments: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a PySide6 tool with *this* interpreter's PySide6, so versions cannot drift."""
    bootstrap = (
        "import sys\n"
        f"from PySide6.scripts.pyside_tool import {tool}\n"
        f"sys.argv[0] = 'pyside6-{tool}'\n"
        f"sys.exit({tool}())\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", bootstrap, *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
    )
    if completed.returncode != 0:
        raise SystemExit(
            f"pyside6-{tool} {' '.join(arguments)} failed ({completed.returncode}):\n"
            f"{completed.stdout}{completed.stderr}"
        )
    return completed


def form_sources() -> list[Path]:
    return sorted(FORMS_DIRECTORY.glob("*.ui"))


def generated_form_name(form: Path) -> str:
    return f"ui_{form.stem}.py"


def compile_form(form: Path) -> str:
    output = _run_tool("uic", str(form)).stdout
    lines = [line for line in output.splitlines() if not line.startswith(_VERSION_LINE_PREFIX)]
    if lines and lines[0].startswith("# -*- coding"):
        lines = lines[1:]
    while lines and not lines[0].strip():
        lines = lines[1:]
    code = "\n".join([GENERATED_MARK.format(name=form.name), "", *lines]) + "\n"
    return drop_unused_qt_imports(code)


_QT_IMPORT = re.compile(r"^from PySide6\.(Qt\w+) import (\([^)]*\)|[^\n(]*)$", re.MULTILINE)


def drop_unused_qt_imports(code: str) -> str:
    """uic imports the same long list of Qt names into every form, most of them unused. Each
    name is a Qt type PySide6 initialises on first import (QConicalGradient, QUrl …), and four
    forms are on the way to the first window; keep only the names the form's code uses."""
    body = _QT_IMPORT.sub("", code)

    def used_names_only(match: re.Match[str]) -> str:
        names = [name.strip() for name in match.group(2).strip("()").replace("\n", " ").split(",")]
        used = [name for name in names if name and re.search(rf"\b{name}\b", body)]
        if not used:
            return ""
        return f"from PySide6.{match.group(1)} import ({', '.join(used)})"

    return _QT_IMPORT.sub(used_names_only, code)


def write_forms(target_directory: Path) -> list[Path]:
    target_directory.mkdir(parents=True, exist_ok=True)
    written = []
    for form in form_sources():
        target = target_directory / generated_form_name(form)
        target.write_text(compile_form(form), encoding="utf-8", newline="\n")
        written.append(target)
    init = target_directory / "__init__.py"
    if not init.exists():
        init.write_text(
            '"""Python modules generated from ../../../../forms/*.ui by .ci/generate.py."""\n',
            encoding="utf-8",
        )
    return written


def orphaned_forms() -> list[Path]:
    """Generated modules whose Designer source no longer exists."""
    expected = {generated_form_name(form) for form in form_sources()}
    return sorted(
        path for path in GENERATED_FORMS_DIRECTORY.glob("ui_*.py") if path.name not in expected
    )


def translation_sources() -> list[Path]:
    python_files = sorted(
        path
        for path in SOURCE_PACKAGE.rglob("*.py")
        if GENERATED_FORMS_DIRECTORY not in path.parents and "__pycache__" not in path.parts
    )
    return [*python_files, *form_sources()]


def ts_path(language: str, directory: Path = I18N_DIRECTORY) -> Path:
    return directory / f"dangqun_{language}.ts"


def qm_path(language: str, directory: Path = I18N_DIRECTORY) -> Path:
    return directory / f"dangqun_{language}.qm"


def update_translation_source(ts_file: Path, language: str) -> None:
    sources = [str(path.relative_to(ROOT)) for path in translation_sources()]
    arguments = [
        *sources,
        "-target-language",
        language,
        "-source-language",
        "en",
        "-locations",
        "none",
        "-no-obsolete",
        "-silent",
        "-ts",
        str(ts_file),
    ]
    _run_tool("lupdate", *arguments, cwd=ROOT)


def release_translation(ts_file: Path, qm_file: Path) -> None:
    """Compile to a temporary file and rename it over the ``.qm``: a running app (or test)
    memory-maps the ``.qm`` it loaded, and rewriting that file in place crashes it in the next
    ``retranslateUi`` (seen as segmentation faults while translations were regenerated)."""
    partial = qm_file.with_name(f".{qm_file.name}.partial")
    _run_tool("lrelease", "-silent", str(ts_file), "-qm", str(partial))
    os.replace(partial, qm_file)


def unfinished_messages(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message still waiting for its translation."""
    if not ts_file.exists():
        return []
    tree = ElementTree.parse(ts_file)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not ("".join(translation.itertext()).strip())
            ):
                missing.append((name, message.findtext("source", "")))
    return missing


def generate() -> int:
    write_forms(GENERATED_FORMS_DIRECTORY)
    for orphan in orphaned_forms():
        print(f"removing {orphan.relative_to(ROOT)}: its .ui file is gone")
        orphan.unlink()
    I18N_DIRECTORY.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        update_translation_source(ts_path(language), language)
        release_translation(ts_path(language), qm_path(language))
    _report_unfinished()
    return 0


def check() -> int:
    stale: list[str] = []
    with tempfile.TemporaryDirectory(prefix="dangqun-generate-") as temporary:
        temporary_directory = Path(temporary)
        forms_directory = temporary_directory / "forms"
        for fresh in write_forms(forms_directory):
            committed = GENERATED_FORMS_DIRECTORY / fresh.name
            if not committed.exists() or not filecmp.cmp(fresh, committed, shallow=False):
                stale.append(str(committed.relative_to(ROOT)))
        stale.extend(
            f"{orphan.relative_to(ROOT)} (its .ui file is gone)" for orphan in orphaned_forms()
        )
        for language in LANGUAGES:
            committed_ts = ts_path(language)
            fresh_ts = ts_path(language, temporary_directory)
            if committed_ts.exists():
                shutil.copyfile(committed_ts, fresh_ts)
            update_translation_source(fresh_ts, language)
            if not committed_ts.exists() or fresh_ts.read_bytes() != committed_ts.read_bytes():
                stale.append(str(committed_ts.relative_to(ROOT)))
            fresh_qm = qm_path(language, temporary_directory)
            committed_qm = qm_path(language)
            release_translation(fresh_ts, fresh_qm)
            if not committed_qm.exists() or fresh_qm.read_bytes() != committed_qm.read_bytes():
                stale.append(str(committed_qm.relative_to(ROOT)))
    _report_unfinished()
    if stale:
        print("Generated files are stale; run `python .ci/generate.py` and commit:")
        for name in stale:
            print(f"  {name}")
        return 1
    print("Generated files are up to date.")
    return 0


def _report_unfinished() -> None:
    for language in LANGUAGES:
        missing = unfinished_messages(ts_path(language))
        if missing:
            print(f"warning: {len(missing)} string(s) not yet translated to {language}:")
            for context, source in missing[:40]:
                print(f"  [{context}] {source[:80]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if a generated file is stale"
    )
    arguments = parser.parse_args(argv)
    return check() if arguments.check else generate()


if __name__ == "__main__":
    sys.exit(main())
