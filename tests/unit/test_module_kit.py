"""The module kit: every feature is reachable from the registry, and a new one plugs in whole.

``test_a_new_feature_plugs_in_through_one_declaration`` registers the small fake feature of
``tests/fake_feature`` (a synced table with its own migration, an invariant, an audit label, a
document kind, a CLI command and a page) and drives the real command line in a separate process
(the fake models must not join this process's shared metadata).
"""

from __future__ import annotations

import ast
import importlib
import os
import pkgutil
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import dangqun
from dangqun import features, migrations
from dangqun.core.model_base import Base, SyncedRecord

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "dangqun"
PASSWORD = "a-strong-password-1"


def _non_ui_modules() -> list[str]:
    names = []
    for module in pkgutil.walk_packages(dangqun.__path__, "dangqun."):
        skipped = ("dangqun.ui", "dangqun.app", "dangqun.migrations.env", "dangqun.__main__")
        if module.name.startswith(skipped) or ".migrations.versions" in module.name:
            continue  # Qt, Alembic's environment script, revision scripts, the entry point
        names.append(module.name)
    return names


def test_every_synced_model_is_reachable_from_the_registry() -> None:
    """A SyncedRecord model that no feature lists would be missing from migrations, from
    ``dangqun check`` and from sync packages; import everything and compare."""
    for name in _non_ui_modules():
        importlib.import_module(name)
    import dangqun.schema as schema

    core_models = {module.__name__ for module in (schema.audit, schema.center, schema.users)}
    declared = core_models | {
        module for feature in features.registered_features() for module in feature.models
    }
    synced_models = {
        mapper.class_
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, SyncedRecord)
        and not mapper.class_.__module__.startswith("tests.")
    }
    assert synced_models, "no synced model found: the scan itself is broken"
    unreachable = sorted(
        f"{model.__module__}.{model.__name__}"
        for model in synced_models
        if model.__module__ not in declared
    )
    assert unreachable == [], f"synced models no feature declares in Feature.models: {unreachable}"


def _imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_features_use_each_other_only_through_their_service_module() -> None:
    """STYLE.md: features don't import each other's internals, only their ``service.py``.
    The printing engine is shared machinery every feature may use."""
    engine = {"printing"}
    keys = [feature.key for feature in features.registered_features() if feature.key not in engine]
    problems = []
    for key in keys:
        for path in (SOURCE / key).rglob("*.py"):
            for name in _imports_of(path):
                for other in keys:
                    prefix = f"dangqun.{other}"
                    if other == key or not (name == prefix or name.startswith(prefix + ".")):
                        continue
                    allowed = (prefix, f"{prefix}.service", f"{prefix}.changes")
                    if not any(name == item or name.startswith(item + ".") for item in allowed):
                        problems.append(f"{path.relative_to(ROOT)} imports {name}")
    assert problems == []


def test_reading_the_registry_imports_no_feature_code() -> None:
    """The declarations are read on the way to the first window: standard library only."""
    probe = (
        "import sys\n"
        "from dangqun import features, migrations\n"
        "features.registered_features(); migrations.known_revisions()\n"
        "heavy = [m for m in ('sqlalchemy', 'reportlab', 'PySide6', 'dangqun.members.models')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "[]"


def _run(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "tests.fake_feature.run_cli", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=240,
    )


@pytest.mark.slow
def test_a_new_feature_plugs_in_through_one_declaration(tmp_path: Path) -> None:
    data = tmp_path / "center"
    directory = ["--data-dir", str(data)]
    initialized = _run(
        *directory,
        "init",
        "--center-name",
        "翠湖社区党群服务中心",
        "--division-code",
        "530102001001",
        "--admin",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert initialized.returncode == 0, initialized.stderr

    # Its table migrates: created by its own revision, the last of the chain.
    with sqlite3.connect(data / "dangqun.sqlite3") as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert "fake_notes" in tables
    assert revision == ("9900",)

    # Its command appears in --help and writes through a unit of work (synced, audited).
    help_text = _run("--help").stdout
    assert "fake-note" in help_text and "记下一条测试便条" in help_text
    directory += ["--user", "admin", "--password-stdin"]
    signed_in = {"stdin": PASSWORD + "\n"}
    added = _run(*directory, "fake-note", "第一条便条", **signed_in)
    assert added.returncode == 0, added.stderr
    with sqlite3.connect(data / "dangqun.sqlite3") as connection:
        change_seq, uuid = connection.execute("SELECT change_seq, uuid FROM fake_notes").fetchone()
        actions = [row[0] for row in connection.execute("SELECT action FROM audit_log")]
    assert change_seq > 0 and len(uuid) == 36
    assert "fake_note.create" in actions

    # Its invariant runs in `check`, and finds what it is about.
    checked = _run(*directory, "check", **signed_in)
    assert checked.returncode == 0, checked.stderr
    assert "fake_notes_have_text" in checked.stdout
    with sqlite3.connect(data / "dangqun.sqlite3") as connection:
        connection.execute("UPDATE fake_notes SET text = ''")
    broken = _run(*directory, "check", **signed_in)
    assert broken.returncode == 1
    assert "测试便条：第 1 条便条没有内容" in broken.stderr

    # Its document prints through the engine, loaded by id and as a sample.
    with sqlite3.connect(data / "dangqun.sqlite3") as connection:
        connection.execute("UPDATE fake_notes SET text = '打印出来的便条'")
    printed = _run(
        *directory, "print", "fake_slip", "--id", "1", "--out", str(tmp_path / "n.pdf"), **signed_in
    )
    assert printed.returncode == 0, printed.stderr
    assert (tmp_path / "n.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "n.pdf"), "-"], capture_output=True, text=True
        ).stdout
        assert "打印出来的便条" in text
    sample = _run(
        *directory, "print", "fake_slip", "--sample", "--out", str(tmp_path / "s.pdf"), **signed_in
    )
    assert sample.returncode == 0, sample.stderr

    # Its page renders in the main window, with the data read through its service.
    shot = _run(
        *directory,
        "screenshot",
        "--page",
        "fake_notes",
        "--out",
        str(tmp_path / "p.png"),
        **signed_in,
    )
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "p.png").read_bytes().startswith(b"\x89PNG")


def test_the_fake_feature_is_known_only_while_registered() -> None:
    from tests.fake_feature.feature import FEATURE

    with features.feature_added(FEATURE):
        assert "fake" in [feature.key for feature in features.registered_features()]
        assert "9900" in migrations.known_revisions()
    assert "fake" not in [feature.key for feature in features.registered_features()]
