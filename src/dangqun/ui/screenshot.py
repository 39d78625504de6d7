"""Render a page of the real UI to a PNG without a display (``dangqun screenshot``).

DEVELOPERS.md: look at what you build. The picture is made from the real main window on the
current data, with the same translators, theme and font as the app, so what the PNG shows is
what a front desk sees. Without a running QApplication, one is created on Qt's ``offscreen``
platform (unless ``QT_QPA_PLATFORM`` says otherwise).

What can be drawn (:func:`screenshot_pages`) comes from the registries: every page of
:mod:`dangqun.ui.pages`, the shell's own dialogs (``login``, ``wizard``, ``lock``) and the
dialogs each feature declares (``Feature.screenshot_dialogs``: names, an opener, the page
drawn behind). Window-sized pages fill ``size``; ``login`` is the main window before sign-in.
Dialogs are drawn at their natural size, centered on a backdrop of ``size`` — the main window
behind the lock and the features' dialogs, a plain desktop colour behind the wizard — as they
appear on a screen of that size. A page or dialog that loads in the background
(``is_ready()``) is drawn once its data has arrived.
Nothing is written to the data directory's ui-state (window geometry, last user name).
"""

from __future__ import annotations

import os
import tempfile
import time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from dangqun.bootstrap import Application
from dangqun.core.feature_kit import ScreenshotDialogs, load_reference
from dangqun.core.security import Actor
from dangqun.core.setting_definitions import FONT_POINT_SIZE, IDLE_LOCK_MINUTES
from dangqun.core.settings import read_setting
from dangqun.core.users import authenticate
from dangqun.features import registered_features
from dangqun.opening import read_opening_facts
from dangqun.ui.context import AppEvents, UiContext
from dangqun.ui.pages import page_keys

SHELL_DIALOGS = ("login", "wizard", "lock")
DESKTOP_COLOR = "#5B6B7C"
READY_TIMEOUT_SECONDS = 30.0


def feature_dialogs() -> dict[str, ScreenshotDialogs]:
    """Each feature dialog's ``--page`` name → the declaration that opens it."""
    return {
        name: declaration
        for feature in registered_features()
        for declaration in feature.screenshot_dialogs
        for name in declaration.names
    }


def screenshot_pages() -> tuple[str, ...]:
    """Every name ``dangqun screenshot --page`` accepts: pages, shell dialogs, feature dialogs."""
    return (*page_keys(), *SHELL_DIALOGS, *feature_dialogs())


def ensure_qt_application(application: Application | None = None) -> QApplication:
    """The running QApplication, or a new offscreen one configured exactly like the app's."""
    from dangqun.ui.startup import (
        DEFAULT_FONT_POINT_SIZE,
        configure_qt_application,
        create_qt_application,
    )

    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a non-widget Qt application is running; cannot render widgets")
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qt_application = create_qt_application(["dangqun-screenshot"])
    font_size = DEFAULT_FONT_POINT_SIZE
    if application is not None:
        font_size = int(read_setting(application.database, FONT_POINT_SIZE))
    configure_qt_application(qt_application, font_size)
    return qt_application


def render_page(
    application: Application,
    actor: Actor | None,
    page: str,
    size: tuple[int, int],
    out_path: Path,
) -> None:
    """Draw ``page`` (one of :func:`screenshot_pages`) at ``size`` and save it as PNG."""
    known = screenshot_pages()
    if page not in known:
        raise ValueError(f"unknown page {page!r}; choose one of: {', '.join(known)}")
    ensure_qt_application(application)
    with tempfile.TemporaryDirectory(prefix="dangqun-screenshot-") as scratch:
        ui_state = QSettings(str(Path(scratch) / "ui-state.ini"), QSettings.Format.IniFormat)
        if page == "wizard":
            picture = _render_wizard(application, size)
        elif page == "login":
            picture = _render_login(application, ui_state, actor, size)
        else:
            if actor is None:
                raise ValueError("a signed-in user is needed to draw the main window")
            picture = _render_main_window(application, actor, ui_state, page, size, scratch)
        ui_state.sync()
        del ui_state
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    if not picture.save(str(out_path), "PNG"):
        raise OSError(f"could not write {out_path}")


def _settle(*widgets: QWidget) -> None:
    """Let layouts, style polish and deferred (queued) work finish before grabbing."""
    for _ in range(3):
        QCoreApplication.processEvents()
    for widget in widgets:
        widget.repaint()
    QCoreApplication.processEvents()


def _wait_until_ready(widget: QWidget) -> None:
    """Let a page that loads in the background (``is_ready()``) get its data."""
    is_ready = getattr(widget, "is_ready", None)
    if is_ready is None:
        return
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while not is_ready() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)


def _render_main_window(
    application: Application,
    actor: Actor,
    ui_state: QSettings,
    page: str,
    size: tuple[int, int],
    scratch: str,
) -> QPixmap:
    from dangqun.ui.main_window import signed_in_window

    context = UiContext(application, actor, ui_state, AppEvents())
    window = signed_in_window(context)
    try:
        window.resize(*size)
        window.show()
        if page == "lock":
            return _render_lock(application, actor, window, size)
        dialog = feature_dialogs().get(page)
        shown_page = page if dialog is None else dialog.over_page
        if shown_page not in window.page_keys():
            raise ValueError(f"the page {shown_page!r} is not available in this build")
        widget = window.show_page(shown_page)
        _settle(window)
        _wait_until_ready(widget)
        _settle(window)
        if dialog is not None:
            return _render_feature_dialog(dialog, page, context, window, size, Path(scratch))
        return window.grab()
    finally:
        window.remember_state = False
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()


def _render_lock(
    application: Application, actor: Actor, window: QWidget, size: tuple[int, int]
) -> QPixmap:
    from dangqun.ui.dialogs.lock_dialog import LockDialog

    window.set_locked(True)  # type: ignore[attr-defined]
    minutes = int(read_setting(application.database, IDLE_LOCK_MINUTES))
    dialog = LockDialog(partial(authenticate, application.database), actor, minutes, window)
    try:
        dialog.show()
        _settle(window, dialog)
        backdrop = window.grab()
        return _compose(backdrop, dialog.grab(), size)
    finally:
        dialog._finish()
        dialog.close()
        dialog.deleteLater()


def _render_feature_dialog(
    declaration: ScreenshotDialogs,
    name: str,
    context: UiContext,
    window: QWidget,
    size: tuple[int, int],
    scratch: Path,
) -> QPixmap:
    open_dialog = load_reference(declaration.opener)
    dialog: QWidget = open_dialog(name, context, window, scratch)
    try:
        dialog.show()
        _settle(window, dialog)
        _wait_until_ready(dialog)
        _settle(window, dialog)
        return _compose(window.grab(), dialog.grab(), size)
    finally:
        dialog.close()
        dialog.deleteLater()


def _render_login(
    application: Application, ui_state: QSettings, actor: Actor | None, size: tuple[int, int]
) -> QPixmap:
    """The main window as the app starts: the center's name and the sign-in card."""
    from dangqun.ui.main_window import MainWindow
    from dangqun.ui.sign_in_panel import LAST_USERNAME_KEY

    if actor is not None and actor.user_id is not None:
        ui_state.setValue(LAST_USERNAME_KEY, actor.username)
    facts = read_opening_facts(application.paths.database)
    window = MainWindow(application.paths, facts, ui_state, AppEvents(), remember_state=False)
    try:
        window.sign_in_panel.set_authenticator(partial(authenticate, application.database))
        window.resize(*size)
        window.show()
        _settle(window)
        return window.grab()
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.processEvents()


def _render_wizard(application: Application, size: tuple[int, int]) -> QPixmap:
    from dangqun.ui.dialogs.first_run_wizard import FirstRunWizard

    wizard = FirstRunWizard(application.database)
    try:
        wizard.show()
        _settle(wizard)
        return _compose(_desktop(size), wizard.grab(), size)
    finally:
        wizard.close()
        wizard.deleteLater()


def _desktop(size: tuple[int, int]) -> QPixmap:
    backdrop = QPixmap(*size)
    backdrop.fill(QColor(DESKTOP_COLOR))
    return backdrop


def _compose(backdrop: QPixmap, dialog: QPixmap, size: tuple[int, int]) -> QPixmap:
    """``dialog`` centered on ``backdrop`` (dimmed), the whole ``size`` big."""
    width, height = size
    canvas = QPixmap(width, height)
    canvas.fill(QColor(DESKTOP_COLOR))
    painter = QPainter(canvas)
    try:
        painter.drawPixmap(0, 0, backdrop)
        painter.fillRect(0, 0, width, height, QColor(0, 0, 0, 70))
        ratio = dialog.devicePixelRatio() or 1.0
        dialog_width = int(dialog.width() / ratio)
        dialog_height = int(dialog.height() / ratio)
        top_left = QPoint(
            max(0, (width - dialog_width) // 2), max(0, (height - dialog_height) // 2)
        )
        painter.fillRect(
            top_left.x() + 3, top_left.y() + 4, dialog_width, dialog_height, QColor(0, 0, 0, 60)
        )
        painter.drawPixmap(top_left, dialog)
        painter.setPen(QColor("#9AA0A8"))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(top_left.x(), top_left.y(), dialog_width - 1, dialog_height - 1)
    finally:
        painter.end()
    return canvas
