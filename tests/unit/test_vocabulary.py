"""One vocabulary (issue 11): no retired synonym in a translation, a form or a Python literal.

The retired words and where they are wrong are :data:`dangqun.members.glossary.RETIRED_TERMS`.
The scan covers the Chinese translations (resources/i18n/*.ts), the Qt Designer forms, every
string literal of the Python sources that is not a docstring (docstrings and comments may name
an old word to explain it), and the glossary's own terms. A failure names file and text.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from dangqun.members import glossary
from dangqun.members.codes import KINDS
from dangqun.members.importer import HEADER_SYNONYMS, PREFERRED_HEADERS
from dangqun.members.validation import FIELD_LABELS
from dangqun.members.vocabulary import MEMBER_CATEGORY_LABELS, MEMBER_KIND_LABELS, MemberKind

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "src" / "dangqun"
GLOSSARY = SOURCES / "members" / "glossary.py"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def retired_in(text: str, where: str) -> list[str]:
    """``retired word → preferred`` for each rule of the glossary that ``text`` breaks."""
    found = []
    for term in glossary.RETIRED_TERMS:
        if term.only_in and where not in term.only_in:
            continue
        word = term.found_in(text)
        if word is not None:
            found.append(f"“{word}” → {term.preferred}")
    return found


def translation_findings(path: Path) -> list[str]:
    findings = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            texts = [translation.text or ""] + [
                form.text or "" for form in translation.iter("numerusform")
            ]
            for text in texts:
                for problem in retired_in(text, name):
                    source = message.findtext("source")
                    findings.append(f"{path.name} [{name}] {source!r} = “{text}”: {problem}")
    return findings


def form_findings(path: Path) -> list[str]:
    findings = []
    for element in ElementTree.parse(path).getroot().iter("string"):
        text = element.text or ""
        for problem in retired_in(text, path.name):
            findings.append(f"{path.relative_to(ROOT)} “{text}”: {problem}")
    return findings


def docstring_nodes(tree: ast.AST) -> set[int]:
    """Ids of string constants that stand alone as statements (docstrings, attribute notes)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def literal_findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = docstring_nodes(tree)
    findings = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) in skipped or not CHINESE.search(node.value):
            continue
        for problem in retired_in(node.value, path.name):
            findings.append(f"{path.relative_to(ROOT)}:{node.lineno} “{node.value}”: {problem}")
    return findings


def glossary_terms() -> dict[str, str]:
    """The glossary's public words: its ``UPPER_CASE`` string constants."""
    return {
        name: value
        for name, value in vars(glossary).items()
        if name.isupper() and isinstance(value, str)
    }


def test_the_translations_use_no_retired_synonym() -> None:
    findings = [
        finding
        for path in sorted((ROOT / "resources" / "i18n").glob("*.ts"))
        for finding in translation_findings(path)
    ]
    assert findings == []


def test_the_forms_use_no_retired_synonym() -> None:
    findings = [
        finding for path in sorted((ROOT / "forms").glob("*.ui")) for finding in form_findings(path)
    ]
    assert findings == []


def test_the_python_literals_use_no_retired_synonym() -> None:
    """The glossary itself lists the retired words (and the old words still read on import)."""
    findings = [
        finding
        for path in sorted(SOURCES.rglob("*.py"))
        if path != GLOSSARY
        for finding in literal_findings(path)
    ]
    assert findings == []


def test_the_glossary_words_are_not_retired_and_each_cites_its_source() -> None:
    terms = glossary_terms()
    assert {"CATEGORY", "KIND", "ORGANIZATION", "IN_SERVICE_MEMBER"} <= set(terms)
    findings = [
        f"{name} = “{value}”: {problem}"
        for name, value in terms.items()
        for problem in retired_in(value, "glossary.py")
    ]
    findings += [
        f"MEMBER_FIELD_LABELS[{key}] = “{value}”: {problem}"
        for key, value in glossary.MEMBER_FIELD_LABELS.items()
        for problem in retired_in(value, "glossary.py")
    ]
    assert findings == []
    tree = ast.parse(GLOSSARY.read_text(encoding="utf-8"))
    documented = {
        target.id
        for statement, following in zip(tree.body, tree.body[1:], strict=False)
        if isinstance(statement, ast.Assign | ast.AnnAssign)
        for target in (
            statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        )
        if isinstance(target, ast.Name)
        and isinstance(following, ast.Expr)
        and isinstance(following.value, ast.Constant)
        and isinstance(following.value.value, str)
    }
    assert set(terms) - documented == set(), "every term has a docstring citing its source"


def test_the_scan_finds_each_kind_of_retired_word() -> None:
    """The rules catch the words issue 11 found on screens, and leave the right uses alone."""
    assert retired_in("在职报到", "MemberTableModel")
    assert retired_in("流动党员·流入", "x.py")
    assert retired_in("流动党员流出", "x.py")
    assert retired_in("服务党支部", "MemberDialog")
    assert retired_in("类别", "MemberTableModel")
    assert retired_in("类型", "BirthdayTableModel")
    assert retired_in("党员类型：正式党员", "x.py")
    assert retired_in("所在党支部", "MemberTableModel")
    assert not retired_in("所在党支部", "BirthdayTableModel"), "a branch-only column"
    assert not retired_in("类型", "BackupTableModel"), "a backup's type is no member kind"
    assert not retired_in("在职党员报到回执", "x.py"), "the receipt of the 报到"


def test_labels_come_from_the_glossary() -> None:
    assert set(MEMBER_KIND_LABELS.values()) == {
        glossary.LOCAL_MEMBER,
        glossary.IN_SERVICE_MEMBER,
        glossary.FLOATING_IN_MEMBER,
        glossary.FLOATING_OUT_MEMBER,
        glossary.RETIRED_MEMBER,
    }
    assert set(MEMBER_CATEGORY_LABELS.values()) == {"正式党员", "预备党员"}
    assert FIELD_LABELS["category"] == glossary.CATEGORY == "人员类别"
    assert FIELD_LABELS["organization_id"] == glossary.ORGANIZATION == "所在党组织"
    assert PREFERRED_HEADERS["category"] == "人员类别"
    assert PREFERRED_HEADERS["kind"] == "党员类型"
    assert PREFERRED_HEADERS["branch"] == "所在党组织", "the column holds 党小组 too"


def test_old_words_are_still_read_on_import() -> None:
    """Exports and rosters written before issue 11 keep importing."""
    for old_header in ("所在党支部", "类别", "人员类型"):
        assert any(old_header in headers for headers in HEADER_SYNONYMS.values()), old_header
    assert KINDS.lookup("在职党员报到") is MemberKind.IN_SERVICE_REGISTERED
    assert KINDS.lookup("在职报到") is MemberKind.IN_SERVICE_REGISTERED
    assert KINDS.lookup("流动党员流入") is MemberKind.FLOATING_IN
    assert KINDS.lookup("本社区") is MemberKind.LOCAL
    assert KINDS.lookup("离退休") is MemberKind.RETIRED
    assert KINDS.lookup("社区党员") is MemberKind.LOCAL
