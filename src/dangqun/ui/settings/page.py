"""系统设置: a tab host; each tab is its own module, declared like a page.

The tabs come from :data:`dangqun.ui.settings.SHELL_TABS` and every feature's
``settings_tabs``, ordered by position. A tab whose permission the user lacks is not added at
all. A tab is imported and built the first time it is shown, so the page opens quickly and the
printing engine (打印) loads only when its tab is opened.

Tabs are plain widgets built as ``Class(context)``; they read through services off the GUI
thread and announce what they change (``dangqun.ui.operations.run_service``). Two optional
signals of a tab concern the page:

* ``restore_completed()`` — the database was replaced from a backup; the page passes it on to
  the shell, which returns to the sign-in screen.
* ``busy_changed(bool)`` — a restore is swapping the database file: every tab that has
  ``set_paused(bool)`` stops reading until it is done.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from dangqun.core.feature_kit import SettingsTabDeclaration, load_reference
from dangqun.core.security import Actor, Permission
from dangqun.features import registered_features
from dangqun.ui.context import UiContext
from dangqun.ui.settings import SHELL_TABS

log = logging.getLogger(__name__)

TITLE_CONTEXT = "SettingsTabs"


def settings_tab_declarations() -> list[SettingsTabDeclaration]:
    """The shell's tabs and every feature's, in position order."""
    declared = list(SHELL_TABS)
    for feature in registered_features():
        declared.extend(feature.settings_tabs)
    return sorted(declared, key=lambda declaration: declaration.position)


def tabs_for(actor: Actor) -> list[SettingsTabDeclaration]:
    """The tabs ``actor`` may see."""
    return [
        declaration
        for declaration in settings_tab_declarations()
        if declaration.permission is None or actor.can(Permission[declaration.permission])
    ]


class SettingsPage(QWidget):
    restore_completed = Signal()
    """The database was replaced from a backup: the shell must log out to the sign-in screen."""
    busy_changed = Signal(bool)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        QVBoxLayout(self).addWidget(self.tabs)
        self._declarations = tabs_for(context.actor)
        self._tabs: dict[str, QWidget] = {}
        self._holders: dict[str, QVBoxLayout] = {}
        for declaration in self._declarations:
            # A tab taller than the window scrolls: without the scroll area Qt squeezes its
            # groups below their minimum height and draws rows over each other (1024×768).
            scroll = QScrollArea(self.tabs)
            scroll.setObjectName(f"{declaration.key}Scroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            holder = QWidget(scroll)
            holder.setObjectName(f"{declaration.key}Holder")
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            scroll.setWidget(holder)
            self._holders[declaration.key] = layout
            title = QCoreApplication.translate(TITLE_CONTEXT, declaration.title_source)
            self.tabs.addTab(scroll, title)
        self.tabs.currentChanged.connect(self._build_current)

    def tab_keys(self) -> list[str]:
        """Keys of the tabs this user sees, in order (``center``, ``users``…)."""
        return [declaration.key for declaration in self._declarations]

    def tab(self, key: str) -> QWidget:
        """The tab's widget, built now if it was not yet (KeyError for a tab not shown)."""
        existing = self._tabs.get(key)
        if existing is not None:
            return existing
        keys = self.tab_keys()
        if key not in keys:
            raise KeyError(f"no settings tab {key!r} for this user; shown: {', '.join(keys)}")
        index = keys.index(key)
        declaration = self._declarations[index]
        try:
            widget: QWidget = load_reference(declaration.widget)(self.context)
        except Exception:
            log.exception("settings tab %s could not be built", key)
            sys.excepthook(*sys.exc_info())
            widget = QLabel(
                self.tr("This tab could not be opened. The details were written to the log file.")
            )
            widget.setWordWrap(True)
        widget.setObjectName(widget.objectName() or f"{key}Tab")
        self._holders[key].addWidget(widget)
        widget.show()
        self._tabs[key] = widget
        restore_completed = getattr(widget, "restore_completed", None)
        if restore_completed is not None:
            restore_completed.connect(self.restore_completed)
        busy_changed = getattr(widget, "busy_changed", None)
        if busy_changed is not None:
            busy_changed.connect(self._set_busy)
        return widget

    def show_tab(self, key: str) -> QWidget:
        widget = self.tab(key)
        self.tabs.setCurrentIndex(self.tab_keys().index(key))
        return widget

    def current_key(self) -> str | None:
        index = self.tabs.currentIndex()
        return self._declarations[index].key if 0 <= index < len(self._declarations) else None

    def showEvent(self, event: QShowEvent) -> None:
        self._build_current()
        super().showEvent(event)

    def _build_current(self) -> None:
        key = self.current_key()
        if key is not None:
            self.tab(key)

    def _set_busy(self, busy: bool) -> None:
        for widget in self._tabs.values():
            set_paused = getattr(widget, "set_paused", None)
            if set_paused is not None:
                set_paused(busy)
        self.busy_changed.emit(busy)
