"""What a feature declares: the one description of everything a module adds to dangqun.

A feature (members, printing; time bank, bases, minutes and sync later) writes one
``<feature>/feature.py`` holding a :class:`Feature`, and :mod:`dangqun.features` lists it in one
line. Everything else — the schema and migrations, ``dangqun check``, the audit viewer's labels,
the printing registry, the command line, the main window's pages, 系统设置's tabs, the home page's
cards, screenshots and the demo generator — reads the declarations instead of naming a feature.

Why module paths and not objects: the declaration is read on the way to the first window
(:func:`dangqun.migrations.known_revisions` needs the feature's migration folder before
SQLAlchemy may be imported), so it names what the feature contributes as ``"module"`` or
``"module:attribute"`` strings and nothing is imported until a reader needs it. This module and
every ``feature.py`` import the standard library only; ``tests/ui/test_start_up_path.py`` holds
that.

Texts shown in the UI (page and tab titles) are English sources marked with
:func:`QT_TRANSLATE_NOOP` so ``pyside6-lupdate`` collects them into the translation file; the
UI translates them with ``QCoreApplication.translate(context, source)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context`` without importing Qt (lupdate matches the
    name of the call, so a module without Qt can mark its UI texts)."""
    del context
    return source


def load_reference(reference: str) -> Any:
    """Import what ``"package.module:attribute"`` names (or the module itself without ``:``)."""
    module_name, _, attribute = reference.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module


@dataclass(frozen=True)
class PageDeclaration:
    """A page of the main window's navigation."""

    key: str
    """Stable name: ``dangqun screenshot --page KEY``, the navigation's row, ui-state keys."""
    title_source: str
    """English source of the navigation title, marked with ``QT_TRANSLATE_NOOP("Pages", …)``."""
    icon: str
    """A name from ``dangqun.ui.icons.GLYPHS``."""
    widget: str
    """``"dangqun.ui.pages.module:Class"``; built as ``Class(context)`` on first show."""
    summary_source: str
    """One line for the home page's quick link (``QT_TRANSLATE_NOOP("Pages", …)``)."""
    position: int
    """Place in the navigation (and Ctrl+number): smaller first. Home is 0, 系统设置 100."""


@dataclass(frozen=True)
class SettingsTabDeclaration:
    """A tab of 系统设置."""

    key: str
    title_source: str
    """English source, marked with ``QT_TRANSLATE_NOOP("SettingsTabs", …)``."""
    widget: str
    """``"module:Class"``; built as ``Class(context)`` when 系统设置 is first shown."""
    position: int
    permission: str | None = None
    """Name of a ``dangqun.core.security.Permission`` the user needs to see the tab."""


@dataclass(frozen=True)
class ScreenshotDialogs:
    """Dialogs ``dangqun screenshot`` can draw over one of the feature's pages."""

    names: tuple[str, ...]
    """The ``--page`` names of the dialogs."""
    opener: str
    """``"module:function"``: ``open_dialog(name, context, window, scratch) -> QDialog``."""
    over_page: str
    """The page key drawn behind the dialog."""


@dataclass(frozen=True)
class Feature:
    """Everything one feature contributes, by module path. Empty where it adds nothing."""

    key: str
    """Folder name and stable identifier (``members``)."""
    title: str
    """Chinese name, as the command line and diagnostics print it (党员管理)."""
    models: tuple[str, ...] = ()
    """Modules defining ORM models (every ``SyncedRecord`` must be reachable from here)."""
    migrations: str | None = None
    """Folder of Alembic revisions, relative to the ``dangqun`` package (``members/migrations``)
    or absolute. Revision ids are four-digit prefixes, one linear chain across all features."""
    invariants: tuple[str, ...] = ()
    """Modules registering ``@invariant`` rules for ``dangqun check`` (imported only then)."""
    audit_labels: Mapping[str, str] = field(default_factory=dict)
    """Audit action → Chinese label, for the audit viewer (``"member.create": "登记党员"``)."""
    audit_entity_labels: Mapping[str, str] = field(default_factory=dict)
    """Audit entity type → Chinese name, for the audit viewer's 对象 column (``"member": "党员"``;
    issue 11: the log showed raw keys such as "document")."""
    audit_field_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Entity type → {key of the before/after details → Chinese name}
    (``{"member": {"kind": "党员类型"}}``): the same key means different things per entity."""
    audit_value_labels: str | None = None
    """``"module:NAME"`` of entity type → {detail key → {stored code → Chinese}}
    (``{"member": {"kind": {"local": "社区党员"}}}``): the viewer shows 社区党员, not ``local``.
    A reference, read only by the audit viewer, so the code tables stay off the start path."""
    documents: tuple[str, ...] = ()
    """``"module:NAME"`` of iterables of ``dangqun.printing.kinds.DocumentKind``."""
    cli_commands: tuple[str, ...] = ()
    """``"module:function"``: ``add_commands(commands, kit: dangqun.cli_kit.CliKit) -> None``."""
    pages: tuple[PageDeclaration, ...] = ()
    settings_tabs: tuple[SettingsTabDeclaration, ...] = ()
    home_cards: tuple[str, ...] = ()
    """``"module:Class"`` of home-page card groups (``dangqun.ui.home_cards.HomeCards``)."""
    screenshot_dialogs: tuple[ScreenshotDialogs, ...] = ()
    demo: tuple[str, ...] = ()
    """``"module:function"``: ``generate(work, options, progress) -> tuple[DemoCount, ...]``
    (:mod:`dangqun.demo`), run in feature order in one unit of work by ``dangqun demo`` and
    the first-run wizard."""
    first_run: tuple[str, ...] = ()
    """``"module:function"``: ``set_up(work, center: CenterInfo) -> None``, run in feature order
    inside the first run's unit of work, after the center row exists (issue 11: 党员管理
    registers the 社区党组织 there, so the first roster import finds it). What it makes is
    audited by that unit of work's actor, :data:`dangqun.core.center.FIRST_RUN_ACTOR`."""
    first_run_keys: tuple[str, ...] = ()
    """``"module:function"``: ``make(keys_directory: Path) -> None``, run once the first run's
    transaction has committed, to make the keys a feature needs from day one in the owner-only
    ``keys/`` folder (issue 16: the center's signing key "is created at init")."""

    def migrations_directory(self, package_root: Path) -> Path | None:
        if self.migrations is None:
            return None
        path = Path(self.migrations)
        return path if path.is_absolute() else package_root / path
