"""The pages of the main window, registered in this one place.

The main window builds its navigation, its Ctrl+1…Ctrl+7 shortcuts and its "Go" menu from
:data:`PAGES`; the home page builds its quick links from it; screenshots accept its keys. A
later issue that replaces a page changes the ``module``/``class_name`` of its entry here and
nothing else.

Pages are imported and built lazily, on first show: start-up stays fast, and a page whose module
is not there yet (the settings page is written in parallel) is simply not offered instead of
breaking the window.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from dangqun.ui.context import UiContext

PageFactory = Callable[[UiContext], QWidget]
_CONTEXT = "Pages"


def _source(marked: object) -> str:
    """``QT_TRANSLATE_NOOP`` marks a string for lupdate and returns it untyped."""
    return str(marked)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title_source: str
    """English source of the navigation title; :attr:`title` is the translation."""
    icon: str
    """A name from :data:`dangqun.ui.icons.GLYPHS`."""
    module: str
    class_name: str
    summary_source: str
    """One line for the home page's quick link (English source)."""

    @property
    def title(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self.title_source)

    @property
    def summary(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self.summary_source)

    def is_available(self) -> bool:
        try:
            return importlib.util.find_spec(self.module) is not None
        except (ImportError, ValueError):
            return False

    def factory(self, context: UiContext) -> QWidget:
        """Import the page's module and build it: ``PageClass(context)``."""
        page_class = getattr(importlib.import_module(self.module), self.class_name)
        widget: QWidget = page_class(context)
        return widget


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "home",
        _source(QT_TRANSLATE_NOOP("Pages", "Home")),
        "home",
        "dangqun.ui.pages.home_page",
        "HomePage",
        _source(QT_TRANSLATE_NOOP("Pages", "Today's overview")),
    ),
    PageSpec(
        "members",
        _source(QT_TRANSLATE_NOOP("Pages", "Members")),
        "members",
        "dangqun.ui.pages.members_page",
        "MembersPage",
        _source(QT_TRANSLATE_NOOP("Pages", "Registration, dual registration, floating members")),
    ),
    PageSpec(
        "bases",
        _source(QT_TRANSLATE_NOOP("Pages", "Base bookings")),
        "bases",
        "dangqun.ui.pages.bases_page",
        "BasesPage",
        _source(QT_TRANSLATE_NOOP("Pages", "Activity menus, lecturers, bookings and visits")),
    ),
    PageSpec(
        "timebank",
        _source(QT_TRANSLATE_NOOP("Pages", "Time bank")),
        "timebank",
        "dangqun.ui.pages.timebank_page",
        "TimeBankPage",
        _source(QT_TRANSLATE_NOOP("Pages", "Volunteer hours and service certificates")),
    ),
    PageSpec(
        "minutes",
        _source(QT_TRANSLATE_NOOP("Pages", "Meeting minutes")),
        "minutes",
        "dangqun.ui.pages.minutes_page",
        "MinutesPage",
        _source(QT_TRANSLATE_NOOP("Pages", "“Three meetings and one lesson”, party days")),
    ),
    PageSpec(
        "sync",
        _source(QT_TRANSLATE_NOOP("Pages", "Data sync")),
        "sync",
        "dangqun.ui.pages.sync_page",
        "SyncPage",
        _source(QT_TRANSLATE_NOOP("Pages", "Data packages for the district")),
    ),
    PageSpec(
        "settings",
        _source(QT_TRANSLATE_NOOP("Pages", "System settings")),
        "settings",
        "dangqun.ui.pages.settings_page",
        "SettingsPage",
        _source(QT_TRANSLATE_NOOP("Pages", "Center, users, backups, display")),
    ),
)

PAGE_KEYS: tuple[str, ...] = tuple(spec.key for spec in PAGES)


def available_pages() -> list[PageSpec]:
    """The registered pages whose module can be imported, in navigation order."""
    return [spec for spec in PAGES if spec.is_available()]


def page_spec(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(f"no page {key!r}; known pages: {', '.join(PAGE_KEYS)}")
