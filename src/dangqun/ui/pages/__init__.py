"""The pages of the main window: the shell's own, then what the features declare.

The main window builds its navigation, its Ctrl+1…Ctrl+9 shortcuts and its "Go" menu from
:func:`pages`; the home page builds its quick links from it; screenshots accept its keys. The
shell declares 首页 (position 0) and 系统设置 (100); every feature adds its
:class:`~dangqun.core.feature_kit.PageDeclaration` objects (``Feature.pages``), placed by their
``position``.

Pages are imported and built lazily, on first show: start-up stays fast (reading the
declarations imports the standard library only), and a page whose module is not there is
simply not offered instead of breaking the window.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from dangqun.core.feature_kit import PageDeclaration, load_reference
from dangqun.features import registered_features
from dangqun.ui.context import UiContext

_CONTEXT = "Pages"


def _source(marked: object) -> str:
    """``QT_TRANSLATE_NOOP`` marks a string for lupdate and returns it untyped."""
    return str(marked)


@dataclass(frozen=True)
class PageSpec:
    """One page of the navigation, as the window uses it (a declaration, translated)."""

    declaration: PageDeclaration

    @property
    def key(self) -> str:
        return self.declaration.key

    @property
    def icon(self) -> str:
        """A name from :data:`dangqun.ui.icons.GLYPHS`."""
        return self.declaration.icon

    @property
    def position(self) -> int:
        return self.declaration.position

    @property
    def title(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self.declaration.title_source)

    @property
    def summary(self) -> str:
        """One line for the home page's quick link."""
        return QCoreApplication.translate(_CONTEXT, self.declaration.summary_source)

    @property
    def module(self) -> str:
        return self.declaration.widget.partition(":")[0]

    def is_available(self) -> bool:
        try:
            return importlib.util.find_spec(self.module) is not None
        except (ImportError, ValueError):
            return False

    def factory(self, context: UiContext) -> QWidget:
        """Import the page's module and build it: ``PageClass(context)``."""
        widget: QWidget = load_reference(self.declaration.widget)(context)
        return widget


SHELL_PAGES: tuple[PageDeclaration, ...] = (
    PageDeclaration(
        "home",
        _source(QT_TRANSLATE_NOOP("Pages", "Home")),
        "home",
        "dangqun.ui.pages.home_page:HomePage",
        _source(QT_TRANSLATE_NOOP("Pages", "Today's overview")),
        position=0,
    ),
    PageDeclaration(
        "settings",
        _source(QT_TRANSLATE_NOOP("Pages", "System settings")),
        "settings",
        "dangqun.ui.settings.page:SettingsPage",
        _source(QT_TRANSLATE_NOOP("Pages", "Center, users, backups, display")),
        position=100,
    ),
)
"""The shell's own pages: the first and the last of the navigation."""


def pages() -> tuple[PageSpec, ...]:
    """Every registered page, in navigation order (by position; ties keep declaration order)."""
    declared = [page for feature in registered_features() for page in feature.pages]
    every = [*SHELL_PAGES, *declared]
    keys = [page.key for page in every]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"two pages share the key(s) {', '.join(duplicates)}")
    return tuple(
        PageSpec(declaration) for declaration in sorted(every, key=lambda page: page.position)
    )


def page_keys() -> tuple[str, ...]:
    return tuple(spec.key for spec in pages())


def available_pages() -> list[PageSpec]:
    """The registered pages whose module can be imported, in navigation order."""
    return [spec for spec in pages() if spec.is_available()]


def page_spec(key: str) -> PageSpec:
    every = pages()
    for spec in every:
        if spec.key == key:
            return spec
    raise KeyError(f"no page {key!r}; known pages: {', '.join(spec.key for spec in every)}")
