"""The feature list: the one place that names dangqun's modules.

Adding a module is a new folder with a ``feature.py`` (see :mod:`dangqun.core.feature_kit` and
"How to add a module" in ARCHITECTURE.md) and one line in :data:`FEATURE_MODULES`. Everything
that used to name members — the schema, migrations, ``dangqun check``, the audit viewer, the
printing registry, the command line, pages, settings tabs, home cards, screenshots, demo data —
asks this module instead.

Reading the list imports only the ``feature.py`` declarations (standard library only); what they
name is imported by the reader that needs it, so start-up stays as light as before.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dangqun.core.feature_kit import Feature, load_reference

FEATURE_MODULES: tuple[str, ...] = (
    "dangqun.printing.feature",
    "dangqun.members.feature",
    "dangqun.timebank.feature",
    "dangqun.bases.feature",
    "dangqun.minutes.feature",
    "dangqun.sync.feature",
)
"""Order matters where order shows: navigation positions are declared, but demo data, CLI
commands and document kinds follow this order (members before the modules that refer to them)."""

PACKAGE_ROOT = Path(__file__).resolve().parent

_extra_features: list[Feature] = []
_loaded: tuple[Feature, ...] | None = None


def registered_features() -> tuple[Feature, ...]:
    """Every feature's declaration, in :data:`FEATURE_MODULES` order."""
    global _loaded
    if _loaded is None:
        _loaded = tuple(
            importlib.import_module(module).FEATURE for module in FEATURE_MODULES
        ) + tuple(_extra_features)
    return _loaded


@contextmanager
def feature_added(feature: Feature) -> Iterator[Feature]:
    """Register ``feature`` for the duration of the block (tests: the fake feature)."""
    global _loaded
    _extra_features.append(feature)
    _loaded = None
    try:
        yield feature
    finally:
        _extra_features.remove(feature)
        _loaded = None


def migration_directories() -> list[Path]:
    """Every folder holding Alembic revisions: the shared one, then each feature's own."""
    from dangqun.migrations import VERSIONS_DIRECTORY

    folders = [VERSIONS_DIRECTORY]
    for feature in registered_features():
        folder = feature.migrations_directory(PACKAGE_ROOT)
        if folder is not None:
            folders.append(folder)
    return folders


def import_models() -> None:
    """Import every feature's ORM models, so the shared metadata holds the whole schema."""
    for feature in registered_features():
        for module in feature.models:
            importlib.import_module(module)


def load_invariants() -> None:
    """Import every feature's ``@invariant`` modules (only ``dangqun check`` needs them)."""
    for feature in registered_features():
        for module in feature.invariants:
            importlib.import_module(module)


def audit_action_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for feature in registered_features():
        labels.update(feature.audit_labels)
    return labels


def audit_entity_labels() -> dict[str, str]:
    """Every feature's audit entity type → Chinese name (issue 11)."""
    labels: dict[str, str] = {}
    for feature in registered_features():
        labels.update(feature.audit_entity_labels)
    return labels


def audit_field_labels() -> dict[str, dict[str, str]]:
    """Every feature's entity type → {detail key → Chinese name}, merged per entity type (a
    feature may name the keys it adds to another's entry, e.g. its counts in ``demo``)."""
    labels: dict[str, dict[str, str]] = {}
    for feature in registered_features():
        for entity_type, fields in feature.audit_field_labels.items():
            labels.setdefault(entity_type, {}).update(fields)
    return labels


def audit_value_labels() -> dict[str, dict[str, dict[str, str]]]:
    """Every feature's entity type → {detail key → {stored code → Chinese}}, merged."""
    labels: dict[str, dict[str, dict[str, str]]] = {}
    for feature in registered_features():
        if feature.audit_value_labels is None:
            continue
        declared: Mapping[str, Mapping[str, Mapping[str, str]]] = load_reference(
            feature.audit_value_labels
        )
        for entity_type, fields in declared.items():
            for key, values in fields.items():
                labels.setdefault(entity_type, {}).setdefault(key, {}).update(values)
    return labels


def loaded(attribute: str) -> Iterator[tuple[Feature, Any]]:
    """``(feature, object)`` for each reference the features list under ``attribute``
    (``"documents"``, ``"cli_commands"``, ``"home_cards"``, ``"demo"``, ``"first_run"``),
    imported now."""
    for feature in registered_features():
        for reference in getattr(feature, attribute):
            yield feature, load_reference(reference)
