"""Making a QApplication look and speak like dangqun: translators, theme, font.

Shared by the real start-up (:mod:`dangqun.app`) and offscreen screenshots
(:mod:`dangqun.ui.screenshot`), so a screenshot shows exactly what a front desk sees.

* Two translators: ours (``resources/i18n/dangqun_<lang>.qm``) and Qt's own ``qtbase_<lang>``,
  so standard buttons (OK/Cancel, wizard Next/Back, context menus) speak Chinese too — OpenLP
  installs both for the same reason.
* One style sheet, ``resources/theme.qss``. Its font sizes are written as ``@base@``,
  ``@title@`` … and filled in from the font-size setting, so the whole UI grows together when a
  front desk asks for larger text (many staff are middle-aged, DOMAIN.md).
* A missing or empty database beside backups: :func:`choose_backup_instead_of_new_center`
  offers the newest backup before the first-run wizard (issue 10).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from dangqun import __version__
from dangqun.core.backup import BackupFile
from dangqun.core.setting_definitions import clamped_font_point_size
from dangqun.resources_path import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_ENVIRONMENT_VARIABLE = "DANGQUN_LANGUAGE"
"""``DANGQUN_LANGUAGE=en`` shows the English source strings (for developers and bug reports)."""

STYLE = "Fusion"
"""The same look on Windows 7–11, UOS, Kylin and in tests."""
DEFAULT_FONT_POINT_SIZE = 13
# Preferred UI faces, first found wins: Windows, macOS, then the Linux/UOS/Kylin families.
FONT_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Sans Serif",
)
# Theme size tokens as offsets from the base point size.
_FONT_TOKENS = {
    "small": -2,
    "base": 0,
    "nav": 1,
    "subtitle": 3,
    "title": 8,
    "figure": 11,
}
_TOKEN_PATTERN = re.compile(r"@([a-z]+)@")


def create_qt_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication of the process, named so QSettings and the OS know us."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("dangqun")
    QCoreApplication.setApplicationName("dangqun")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("dangqun")
    program, *qt_arguments = argv if argv else sys.argv[:1] or ["dangqun"]
    # Fusion from the command line rather than setStyle(): the same style, but no Python
    # wrapper of QStyle, whose enums alone cost PySide ~8 ms before the first window.
    application = QApplication([program, "-style", STYLE, *qt_arguments])
    application.setApplicationDisplayName("")
    application._dangqun_styled = True  # type: ignore[attr-defined]
    return application


def chosen_language() -> str:
    return os.environ.get(LANGUAGE_ENVIRONMENT_VARIABLE, "").strip() or DEFAULT_LANGUAGE


def install_translators(application: QApplication, language: str | None = None) -> list[str]:
    """Install Qt's and our translations; returns the names loaded (for logs and tests)."""
    language = language or chosen_language()
    if getattr(application, "_dangqun_language", None) == language:
        return list(getattr(application, "_dangqun_loaded", []))
    for old in getattr(application, "_dangqun_translators", []):
        application.removeTranslator(old)
    QLocale.setDefault(QLocale(language))
    translators: list[QTranslator] = []
    loaded: list[str] = []
    if not language.startswith("en"):
        sources = (
            (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            (f"dangqun_{language}", str(resource_path("i18n"))),
        )
        for name, directory in sources:
            translator = QTranslator(application)
            if translator.load(name, directory):
                application.installTranslator(translator)
                translators.append(translator)
                loaded.append(name)
            else:
                log.warning("translation %s not found in %s", name, directory)
    # Python must keep the translators alive as long as they are installed.
    application._dangqun_translators = translators  # type: ignore[attr-defined]
    application._dangqun_language = language  # type: ignore[attr-defined]
    application._dangqun_loaded = loaded  # type: ignore[attr-defined]
    return loaded


def theme_stylesheet(base_point_size: int) -> str:
    """``resources/theme.qss`` with its ``@token@`` font sizes and icon folder filled in."""
    template = resource_path("theme.qss").read_text(encoding="utf-8")

    icons = resource_path("icons").as_posix()

    def size(match: re.Match[str]) -> str:
        if match.group(1) == "icons":
            return icons
        offset = _FONT_TOKENS.get(match.group(1))
        if offset is None:
            return match.group(0)
        return f"{max(8, base_point_size + offset)}pt"

    return _TOKEN_PATTERN.sub(size, template)


def apply_appearance(application: QApplication, base_point_size: int) -> None:
    """Font and theme together: the style sheet's sizes derive from the font size (within
    the sizes the screens are made for, whatever an older version stored)."""
    base_point_size = clamped_font_point_size(base_point_size)
    font = QFont(application.font())
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSize(base_point_size)
    if font != application.font():
        application.setFont(font)
    try:
        sheet = theme_stylesheet(base_point_size)
    except OSError as error:  # a missing theme must not stop a front desk from working
        log.error("theme not applied: %s", error)
        return
    if sheet != application.styleSheet():  # re-styling every widget is not free
        application.setStyleSheet(sheet)


def configure_qt_application(
    application: QApplication,
    base_point_size: int = DEFAULT_FONT_POINT_SIZE,
    language: str | None = None,
) -> None:
    """Everything the real app does to its QApplication before the first window."""
    if not getattr(application, "_dangqun_styled", False):  # a QApplication made elsewhere
        # Set once: replacing the style of a running application re-creates every widget's
        # style objects.
        application.setStyle(STYLE)
        application._dangqun_styled = True  # type: ignore[attr-defined]
    install_translators(application, language)
    application.setWindowIcon(application_icon())
    apply_appearance(application, base_point_size)


def application_icon() -> QIcon:
    """The window icon: the party-red star mark, the same file Linux packages install."""
    return QIcon(str(resource_path("icons", "dangqun.svg")))


def choose_backup_instead_of_new_center(
    newest: BackupFile, parent: QWidget | None = None
) -> Path | None:
    """The database is missing or empty but backups lie beside it (issue 10: the wizard then
    made a new, empty center): offer the newest backup. Returns the file to restore, or None
    when the user really wants a new center.

    Asked before the first-run wizard by :func:`dangqun.app.open_and_register`; the restore
    itself is :func:`dangqun.bootstrap.restore_from_file`.
    """
    from PySide6.QtWidgets import QFileDialog  # only on this rare path

    translate = QCoreApplication.translate
    while True:
        choice = backup_choice(newest, parent)
        choice.box.exec()
        clicked = choice.box.clickedButton()
        choice.box.deleteLater()
        if clicked is choice.new_center:
            return None
        if clicked is not choice.other:
            return newest.path
        chosen, _filter = QFileDialog.getOpenFileName(
            parent,
            translate("Startup", "Choose a backup file"),
            str(newest.path.parent),
            translate("Startup", "dangqun backups (*.sqlite3);;All files (*)"),
        )
        if chosen:
            return Path(chosen)


@dataclass(frozen=True)
class BackupChoice:
    """The question of :func:`choose_backup_instead_of_new_center` and its three answers."""

    box: QMessageBox
    restore: QAbstractButton
    other: QAbstractButton
    new_center: QAbstractButton


def backup_choice(newest: BackupFile, parent: QWidget | None = None) -> BackupChoice:
    """The message box offering ``newest``, not yet shown.

    QMessageBox keeps its buttons on one row and its width to about half the screen, so on a
    1024×768 screen the three long labels were cut (issue 11): here they stand one under the
    other, each as wide as its whole text.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    translate = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Startup", "The database is missing"),
        translate(
            "Startup",
            "The database file of this data directory is missing or empty, but backups of "
            "a center were found beside it. Restore the newest one?",
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        translate("Startup", "Newest backup: {file}\nTaken: {time} ({kind})\nSize: {size}").format(
            file=newest.path.name,
            time=newest.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
            kind=newest.kind_label,
            size=f"{newest.size_bytes / 1024 / 1024:.1f} MB",
        )
    )
    restore = box.addButton(translate("Startup", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton(
        translate("Startup", "Choose another backup…"), QMessageBox.ButtonRole.ActionRole
    )
    new_center = box.addButton(
        translate("Startup", "Create a new center anyway"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(restore)
    box.setEscapeButton(restore)
    buttons = box.findChild(QDialogButtonBox)
    if buttons is not None:
        buttons.setOrientation(Qt.Orientation.Vertical)
    return BackupChoice(box, restore, other, new_center)
