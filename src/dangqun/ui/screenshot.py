"""Render a page of the real UI to a PNG without a display (``dangqun screenshot``).

DEVELOPERS.md: look at what you build. The picture is made from the real main window on the
current data, with the same translators, theme and font as the app, so what the PNG shows is
what a front desk sees. Without a running QApplication, one is created on Qt's ``offscreen``
platform (unless ``QT_QPA_PLATFORM`` says otherwise).

What can be drawn (:func:`screenshot_pages`) comes from the registries: every page of
:mod:`dangqun.ui.pages`, the shell's own screens and dialogs (``login``, ``wizard``, ``lock``,
``password``, ``error``, ``print_preview``) and the dialogs each feature declares
(``Feature.screenshot_dialogs``: names, an opener, the page drawn behind). Window-sized pages
fill ``size``; ``login`` is the main window before sign-in. Dialogs are drawn at their natural
size, centered on a backdrop of ``size`` — the main window behind the lock and the other
dialogs, a plain desktop colour behind the wizard — as they appear on a screen of that size. A
page or dialog that loads in the background (``is_ready()``) is drawn once its data has arrived.
Nothing is written to the data directory's ui-state (window geometry, last user name).

:func:`shown_screen` keeps the same screen on (offscreen) display instead of saving it, so
``tests/ui/test_clipping.py`` can check the live widgets for cut text and overlaps (issue 11).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSettings, Qt
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

SHELL_DIALOGS = ("login", "wizard", "lock", "password", "error", "print_preview")
SHELL_DIALOG_PAGES = {"password": "settings", "error": "home", "print_preview": "home"}
"""The page each of the shell's own dialogs is drawn over (the lock hides every page)."""
SAMPLE_ERROR = (
    "Traceback (most recent call last):\n"
    '  File "dangqun/ui/pages/members_page.py", line 412, in export_roster\n'
    "    path.write_bytes(data)\n"
    "PermissionError: [Errno 13] Permission denied: 'D:/花名册/翠湖社区党员花名册.xlsx'"
)
"""What the error dialog shows in a screenshot: a made-up but typical unexpected error."""
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


@dataclass
class Screen:
    """What a screenshot shows, still on (offscreen) screen: a window and maybe a dialog over it.

    ``window`` is the main window (pages, sign-in, lock, feature dialogs) or None for the
    first-run wizard, which appears on an empty desktop; ``dialog`` is the dialog in front, if
    any. Tests check the live widget tree (issue 11: clipped text, overlapping widgets).
    """

    size: tuple[int, int]
    window: QWidget | None
    dialog: QWidget | None = None

    @property
    def front(self) -> QWidget:
        """The widget the user works with: the dialog when there is one, else the window."""
        front = self.dialog if self.dialog is not None else self.window
        assert front is not None
        return front

    def picture(self) -> QPixmap:
        """The screen as a PNG shows it: the dialog centered over the dimmed window."""
        _settle(*(widget for widget in (self.window, self.dialog) if widget is not None))
        backdrop = self.window.grab() if self.window is not None else _desktop(self.size)
        if self.dialog is None:
            return backdrop
        return _compose(backdrop, self.dialog.grab(), self.size)


def render_page(
    application: Application,
    actor: Actor | None,
    page: str,
    size: tuple[int, int],
    out_path: Path,
) -> None:
    """Draw ``page`` (one of :func:`screenshot_pages`) at ``size`` and save it as PNG."""
    with shown_screen(application, actor, page, size) as screen:
        picture = screen.picture()
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    if not picture.save(str(out_path), "PNG"):
        raise OSError(f"could not write {out_path}")


@contextmanager
def shown_screen(
    application: Application, actor: Actor | None, page: str, size: tuple[int, int]
) -> Iterator[Screen]:
    """``page`` (one of :func:`screenshot_pages`) shown at ``size``, its data loaded; closed
    again on leaving the block. The ui-state it writes goes to a scratch directory."""
    known = screenshot_pages()
    if page not in known:
        raise ValueError(f"unknown page {page!r}; choose one of: {', '.join(known)}")
    ensure_qt_application(application)
    with tempfile.TemporaryDirectory(prefix="dangqun-screenshot-") as scratch:
        ui_state = QSettings(str(Path(scratch) / "ui-state.ini"), QSettings.Format.IniFormat)
        if page == "wizard":
            shown = _shown_wizard(application, size)
        elif page == "login":
            shown = _shown_login(application, ui_state, actor, size)
        else:
            if actor is None:
                raise ValueError("a signed-in user is needed to draw the main window")
            shown = _shown_main_window(application, actor, ui_state, page, size, scratch)
        with shown as screen:
            yield screen
        ui_state.sync()
        del ui_state


def _settle(*widgets: QWidget) -> None:
    """Let layouts, style polish and deferred (queued) work finish before grabbing."""
    for _ in range(3):
        QCoreApplication.processEvents()
    for widget in widgets:
        widget.repaint()
    QCoreApplication.processEvents()


def _dispose(widget: QWidget) -> None:
    """Close and delete ``widget`` now. ``processEvents`` does not run deferred deletes, so
    each screenshot left its window (~200 widgets) alive, and every later restyle (a font-size
    change) walked them all: the clipping tests grew from seconds to minutes."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
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


@contextmanager
def _shown_main_window(
    application: Application,
    actor: Actor,
    ui_state: QSettings,
    page: str,
    size: tuple[int, int],
    scratch: str,
) -> Iterator[Screen]:
    from dangqun.ui.main_window import signed_in_window

    context = UiContext(application, actor, ui_state, AppEvents())
    window = signed_in_window(context)
    try:
        window.resize(*size)
        window.show()
        if page == "lock":
            with _shown_lock(application, actor, window, size) as screen:
                yield screen
            return
        dialog = feature_dialogs().get(page)
        shown_page = page if dialog is None else dialog.over_page
        shown_page = SHELL_DIALOG_PAGES.get(page, shown_page)
        if shown_page not in window.page_keys():
            raise ValueError(f"the page {shown_page!r} is not available in this build")
        widget = window.show_page(shown_page)
        _settle(window)
        _wait_until_ready(widget)
        _settle(window)
        if dialog is not None:
            with _shown_feature_dialog(
                dialog, page, context, window, size, Path(scratch)
            ) as screen:
                yield screen
            return
        if page in SHELL_DIALOG_PAGES:
            with _shown_shell_dialog(page, context, window, size) as screen:
                yield screen
            return
        yield Screen(size, window)
    finally:
        window.remember_state = False
        _dispose(window)


@contextmanager
def _shown_lock(
    application: Application, actor: Actor, window: QWidget, size: tuple[int, int]
) -> Iterator[Screen]:
    from dangqun.ui.dialogs.lock_dialog import LockDialog

    window.set_locked(True)  # type: ignore[attr-defined]
    minutes = int(read_setting(application.database, IDLE_LOCK_MINUTES))
    dialog = LockDialog(partial(authenticate, application.database), actor, minutes, window)
    try:
        dialog.show()
        _settle(window, dialog)
        yield Screen(size, window, dialog)
    finally:
        dialog._finish()
        _dispose(dialog)


@contextmanager
def _shown_shell_dialog(
    name: str, context: UiContext, window: QWidget, size: tuple[int, int]
) -> Iterator[Screen]:
    """The password dialog (my own password), the error dialog or the print preview."""
    dialog: QWidget
    if name == "password":
        from dangqun.ui.dialogs.password_dialog import PasswordDialog

        dialog = PasswordDialog(context, None, window)
    elif name == "error":
        from dangqun.ui.dialogs.error_dialog import ErrorDialog

        log_file = context.application.paths.root / "logs" / "dangqun.log"
        dialog = ErrorDialog(SAMPLE_ERROR, str(log_file), window)
    else:
        from dangqun.ui.print_preview import PrintPreviewWindow

        dialog = PrintPreviewWindow(_sample_pdf(), "党员花名册", context.ui_state, parent=window)
    try:
        dialog.show()
        _settle(window, dialog)
        yield Screen(size, window, dialog)
    finally:
        _dispose(dialog)


def _sample_pdf() -> bytes:
    """Two A4 pages for the print preview's screenshot (the preview, not the document, is
    what is drawn)."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for number in (1, 2):
        canvas.setFont("Helvetica", 14)
        canvas.drawString(72, A4[1] - 72, f"dangqun print preview sample, page {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@contextmanager
def _shown_feature_dialog(
    declaration: ScreenshotDialogs,
    name: str,
    context: UiContext,
    window: QWidget,
    size: tuple[int, int],
    scratch: Path,
) -> Iterator[Screen]:
    open_dialog = load_reference(declaration.opener)
    dialog: QWidget = open_dialog(name, context, window, scratch)
    try:
        dialog.show()
        _settle(window, dialog)
        _wait_until_ready(dialog)
        _settle(window, dialog)
        yield Screen(size, window, dialog)
    finally:
        _dispose(dialog)


@contextmanager
def _shown_login(
    application: Application, ui_state: QSettings, actor: Actor | None, size: tuple[int, int]
) -> Iterator[Screen]:
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
        yield Screen(size, window)
    finally:
        _dispose(window)


@contextmanager
def _shown_wizard(application: Application, size: tuple[int, int]) -> Iterator[Screen]:
    from dangqun.ui.dialogs.first_run_wizard import FirstRunWizard

    wizard = FirstRunWizard(application.database)
    try:
        wizard.show()
        _settle(wizard)
        yield Screen(size, None, wizard)
    finally:
        _dispose(wizard)


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
