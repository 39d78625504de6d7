"""系统设置 → 打印, the printing feature's tab: the fonts in use, the print font, the key.

Everyone sees which fonts documents are set in and can print a sample; only ``MANAGE_SETTINGS``
may choose the font, and export or import the verification key (issue 10: ordinary backups no
longer carry it, so an administrator keeps it apart, wrapped with a passphrase). The printing engine (ReportLab) is imported when the tab is built — the
tab is built when first shown, never at start-up — and the fonts are found and loaded on the
thread pool. Saving announces ``SETTINGS``; the tab reads the fonts again when settings change.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QListWidgetItem, QWidget

from dangqun.core.changes import SETTINGS, Changes
from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import DangqunError, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.core.settings import read_setting, update_settings
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_settings_printing_tab import Ui_PrintingTab
from dangqun.ui.operations import run_service
from dangqun.ui.settings.tab_kit import StatusNote, tab_icon
from dangqun.ui.threads import BackgroundCall, run_in_background
from dangqun.ui.widgets import file_dialogs, message_boxes
from dangqun.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from dangqun.printing.fonts import FontChoice
    from dangqun.printing.service import KeyImportOutcome, KeyReplacementRefused

UNUSABLE_FONT_COLOR = "#8A919C"
"""Greyed text for a font that cannot be used (the theme's style sheet hides the palette's)."""
PRINT_FONT_KEY = "print_font_path"
"""The setting registered by ``dangqun.printing.fonts`` (imported when the tab is built)."""
FONT_VALUE_ROLE = Qt.ItemDataRole.UserRole
"""The ``print_font_path`` value an entry of the font list stands for ("" = automatic)."""
KEY_FILES_PURPOSE = "verification_key"
"""The remembered folder of key files (a USB stick), apart from the export folder."""


def ask_passphrase(parent: QWidget, title: str, label: str) -> str | None:
    """One hidden line, or None when cancelled (tests replace this function)."""
    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return value if accepted else None


class PrintingTab(QWidget):
    print_fonts_loaded = Signal()
    """The fonts were read (in use and, for administrators, available)."""
    print_font_saved = Signal(str)
    """An administrator saved the print font; the argument is the new setting ("" = automatic)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        # Registers the print_font_path setting; the engine loads here, when the tab is built.
        from dangqun.printing import fonts as print_fonts

        super().__init__(parent)
        self.context = context
        self.ui = Ui_PrintingTab()
        self.ui.setupUi(self)
        self._fonts_call: BackgroundCall | None = None
        self._save_call: BackgroundCall | None = None
        self._fonts_requested = False
        self._rescan_requested = False
        self.saved_print_font = ""
        """The ``print_font_path`` setting as last read ("" = automatic)."""
        self.print_font_edited = False
        """The administrator changed the chosen font since it was last loaded or saved."""
        self.editable = context.can(Permission.MANAGE_SETTINGS)

        ui = self.ui
        self.errors = FieldErrors(
            {PRINT_FONT_KEY: ui.printFontPathError}, inputs={PRINT_FONT_KEY: ui.printFontPathEdit}
        )
        self.status = StatusNote(ui.printFontStatusLabel)
        ui.printFontGroup.setVisible(self.editable)
        ui.verificationKeyGroup.setVisible(self.editable)
        self._key_call: BackgroundCall | None = None
        ui.exportKeyButton.setIcon(tab_icon("key"))
        ui.importKeyButton.setIcon(tab_icon("file_import"))
        ui.exportKeyButton.clicked.connect(self.export_key)
        ui.importKeyButton.clicked.connect(self.import_key)
        ui.printFontReadOnlyNote.setVisible(not self.editable)
        ui.printFontsSummaryLabel.setText(self.tr("Looking for the fonts on this computer…"))
        ui.printSampleButton.setIcon(tab_icon("print_sample"))
        ui.rescanFontsButton.setIcon(tab_icon("refresh"))
        ui.chooseFontFileButton.setIcon(tab_icon("folder"))
        ui.savePrintFontButton.setIcon(tab_icon("save", on_accent=True))
        ui.printFontPathEdit.setPlaceholderText(self.tr("Automatic (recommended)"))
        ui.printFontList.setMinimumHeight(130)
        ui.printSampleButton.clicked.connect(self.print_font_sample)
        ui.rescanFontsButton.clicked.connect(self.rescan_fonts)
        ui.chooseFontFileButton.clicked.connect(self.choose_font_file)
        ui.savePrintFontButton.clicked.connect(self.save_print_font)
        ui.printFontPathEdit.returnPressed.connect(self.save_print_font)
        ui.printFontPathEdit.textEdited.connect(self._font_typed)
        ui.printFontList.currentItemChanged.connect(self._font_picked)
        self._font_search_directory = next(
            (
                directory
                for directory in print_fonts.default_font_search().directories
                if directory.is_dir()
            ),
            Path.home(),
        )
        context.events.subscribe(self, (SETTINGS,), self._settings_changed)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and not self._fonts_requested:
            self.refresh_print_fonts()

    def _settings_changed(self, _changes: Changes) -> None:
        if self._fonts_requested:
            self.refresh_print_fonts()

    @property
    def print_fonts_loading(self) -> bool:
        return self._fonts_call is not None

    def refresh_print_fonts(self, rescan: bool = False) -> None:
        """Read the fonts in use (and, for administrators, the fonts available) off the GUI thread."""
        self._fonts_requested = True
        self._rescan_requested = self._rescan_requested or rescan
        if self._fonts_call is not None:
            return  # _fonts_done starts another round
        rescan, self._rescan_requested = self._rescan_requested, False
        if self.editable and self.ui.printFontList.count() == 0:
            placeholder = QListWidgetItem(self.tr("Looking for the fonts on this computer…"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.ui.printFontList.addItem(placeholder)
        self._fonts_call = run_in_background(
            self,
            partial(_read_print_fonts, self.context.application.database, self.editable, rescan),
            on_success=self._fonts_read,
            on_failure=self._fonts_failed,
        )
        self._update_buttons()

    def rescan_fonts(self) -> None:
        """Forget what was found, so a font installed meanwhile appears."""
        self.refresh_print_fonts(rescan=True)

    def _fonts_read(self, state: PrintFontState) -> None:
        self._fonts_done()
        ui = self.ui
        self.saved_print_font = state.setting_value
        ui.printFontsSummaryLabel.setText("\n".join(state.summary_lines))
        if state.choices is not None:
            self._fill_font_list(state.choices)
            if not self.print_font_edited:
                ui.printFontPathEdit.setText(state.setting_value)
                ui.printFontPathEdit.setCursorPosition(0)
            self._select_font_value(ui.printFontPathEdit.text().strip())
        self.print_fonts_loaded.emit()

    def _fonts_failed(self, error: BaseException) -> None:
        self._fonts_done()
        if isinstance(error, DangqunError):
            self.ui.printFontsSummaryLabel.setText(error.message)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _fonts_done(self) -> None:
        self._fonts_call = None
        self._update_buttons()
        if self._rescan_requested:
            self.refresh_print_fonts()

    def _fill_font_list(self, choices: list[FontChoice]) -> None:
        from dangqun.printing.fonts import GLYPH_STYLE_LABELS

        font_list = self.ui.printFontList
        font_list.blockSignals(True)
        try:
            font_list.clear()
            automatic = QListWidgetItem(self.tr("Automatic (recommended)"))
            automatic.setData(FONT_VALUE_ROLE, "")
            automatic.setToolTip(self.ui.printFontHint.text())
            font_list.addItem(automatic)
            for choice in choices:
                if choice.usable:
                    text = self.tr("{family} ({style})   {file}").format(
                        family=choice.family,
                        style=GLYPH_STYLE_LABELS[choice.style],
                        file=choice.setting_value,
                    )
                else:
                    text = self.tr("{family}   {file}\nCannot be used: {reason}").format(
                        family=choice.family, file=choice.path, reason=choice.reason
                    )
                item = QListWidgetItem(text)
                item.setData(FONT_VALUE_ROLE, choice.setting_value if choice.usable else None)
                item.setToolTip(choice.reason or choice.setting_value)
                if not choice.usable:
                    # Shown (so the admin learns why a font they expected is missing), never chosen.
                    item.setFlags(Qt.ItemFlag.ItemNeverHasChildren)
                    item.setForeground(QColor(UNUSABLE_FONT_COLOR))
                font_list.addItem(item)
            for row in range(font_list.count()):
                item = font_list.item(row)
                if item.data(FONT_VALUE_ROLE) == self.saved_print_font:
                    item.setText(item.text() + self.tr("  (current setting)"))
        finally:
            font_list.blockSignals(False)

    def font_list_values(self) -> list[str | None]:
        """The setting value of each entry, None for a font that cannot be used (tests)."""
        font_list = self.ui.printFontList
        return [font_list.item(row).data(FONT_VALUE_ROLE) for row in range(font_list.count())]

    def _select_font_value(self, value: str) -> None:
        """Highlight the entry for ``value``; none when it is a file the list does not offer."""
        font_list = self.ui.printFontList
        font_list.blockSignals(True)
        try:
            for row in range(font_list.count()):
                if font_list.item(row).data(FONT_VALUE_ROLE) == value:
                    font_list.setCurrentRow(row)
                    font_list.scrollToItem(font_list.item(row))
                    return
            font_list.setCurrentRow(-1)
            font_list.clearSelection()
        finally:
            font_list.blockSignals(False)

    def _font_picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        value = item.data(FONT_VALUE_ROLE)
        if not isinstance(value, str):
            return
        self.ui.printFontPathEdit.setText(value)
        self.ui.printFontPathEdit.setCursorPosition(0)
        self._font_changed()

    def _font_typed(self, text: str) -> None:
        self._select_font_value(text.strip())
        self._font_changed()

    def _font_changed(self) -> None:
        self.print_font_edited = True
        self.errors.clear()

    def choose_font_file(self) -> None:
        current = self.ui.printFontPathEdit.text().strip()
        start = Path(current).parent if current else self._font_search_directory
        path, _selected_filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a font file"),
            str(start),
            self.tr("TrueType fonts (*.ttf *.ttc *.TTF *.TTC);;All files (*)"),
        )
        if path:
            self.set_chosen_font(str(Path(path)))

    def set_chosen_font(self, value: str) -> None:
        """Put a font file (``path`` or ``path#face``) in the field, as the file dialog does."""
        self.ui.printFontPathEdit.setText(value)
        self.ui.printFontPathEdit.setCursorPosition(0)
        self._select_font_value(value.strip())
        self._font_changed()

    def save_print_font(self) -> None:
        """Save the chosen font; the service checks the file embeds (off the GUI thread: a few
        tenths of a second for a big font)."""
        if not self.editable or self._save_call is not None:
            return
        self.errors.clear()
        value = self.ui.printFontPathEdit.text().strip()
        self._save_call = run_service(
            self,
            self.context,
            partial(
                update_settings,
                self.context.application.database,
                self.context.actor,
                {PRINT_FONT_KEY: value},
            ),
            changes=Changes.of(SETTINGS),
            on_success=lambda _result: self._font_saved(value),
            field_errors=self.errors,
            failure_title=self.tr("Print font"),
        )
        self._save_call.finished.connect(self._save_finished)
        self._update_buttons()

    def _font_saved(self, value: str) -> None:
        self.print_font_edited = False
        self.saved_print_font = value
        self.status.show(self.tr("Saved."))
        self.print_font_saved.emit(value)

    def _save_finished(self) -> None:
        self._save_call = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui = self.ui
        loading = self._fonts_call is not None
        ui.rescanFontsButton.setEnabled(not loading)
        ui.printFontList.setEnabled(not loading)
        ui.savePrintFontButton.setEnabled(self._save_call is None)
        ui.exportKeyButton.setEnabled(self._key_call is None)
        ui.importKeyButton.setEnabled(self._key_call is None)

    def export_key(self) -> None:
        """Ask where and with which passphrase (twice), then export off the GUI thread."""
        from dangqun.printing.key_transfer import KEY_FILE_SUFFIX

        if not self.editable or self._key_call is not None:
            return
        title = self.tr("Export verification key")
        ui_state = self.context.ui_state
        suggested = Path(file_dialogs.last_directory(ui_state, KEY_FILES_PURPOSE))
        path = file_dialogs.save_file(
            self,
            title,
            str(suggested / self.tr("verification key{suffix}").format(suffix=KEY_FILE_SUFFIX)),
            self.tr("Verification key files (*{suffix})").format(suffix=KEY_FILE_SUFFIX),
            suffix=KEY_FILE_SUFFIX,
        )
        if path is None:
            return
        passphrase = ask_passphrase(
            self, title, self.tr("Passphrase protecting the file (at least 10 characters):")
        )
        if passphrase is None:
            return
        if ask_passphrase(self, title, self.tr("The same passphrase again:")) != passphrase:
            message_boxes.show_error(
                self, title, self.tr("The two passphrases differ; the key was not exported.")
            )
            return
        file_dialogs.remember_directory(ui_state, KEY_FILES_PURPOSE, path)
        from dangqun.printing.service import export_verification_key

        application = self.context.application
        self._start_key_call(
            partial(
                export_verification_key,
                application.database,
                application.paths.keys,
                self.context.actor,
                path,
                passphrase,
            ),
            partial(self._key_exported, path),
            title,
        )

    def _key_exported(self, path: Path, key_id: str) -> None:
        message_boxes.show_info(
            self,
            self.tr("Export verification key"),
            self.tr(
                "The verification key (fingerprint {key_id}) was exported to {path}. Keep the "
                "file and the passphrase apart: together they can sign certificates in this "
                "center's name."
            ).format(key_id=key_id, path=path),
        )

    def import_key(self) -> None:
        """Ask for the file and its passphrase; a different key here is replaced only after a
        warning that what it signed stops verifying on this computer."""
        from dangqun.printing.key_transfer import KEY_FILE_SUFFIX

        if not self.editable or self._key_call is not None:
            return
        title = self.tr("Import verification key")
        ui_state = self.context.ui_state
        path = file_dialogs.open_file(
            self,
            title,
            file_dialogs.last_directory(ui_state, KEY_FILES_PURPOSE),
            self.tr("Verification key files (*{suffix});;All files (*)").format(
                suffix=KEY_FILE_SUFFIX
            ),
        )
        if path is None:
            return
        passphrase = ask_passphrase(self, title, self.tr("Passphrase of the key file:"))
        if passphrase is None:
            return
        file_dialogs.remember_directory(ui_state, KEY_FILES_PURPOSE, path)
        self._run_import(path, passphrase, replace_existing=False)

    def _run_import(self, path: Path, passphrase: str, replace_existing: bool) -> None:
        application = self.context.application
        self._start_key_call(
            partial(
                import_key_or_refusal,
                application.database,
                application.paths.keys,
                self.context.actor,
                path,
                passphrase,
                replace_existing,
            ),
            partial(self._key_imported, path, passphrase),
            self.tr("Import verification key"),
        )

    def _key_imported(
        self, path: Path, passphrase: str, outcome: KeyImportOutcome | KeyReplacementRefused
    ) -> None:
        from dangqun.printing.service import KeyReplacementRefused

        title = self.tr("Import verification key")
        if isinstance(outcome, KeyReplacementRefused):
            if message_boxes.confirm(self, title, outcome.message, self.tr("Replace the key")):
                self._run_import(path, passphrase, replace_existing=True)
            return
        message_boxes.show_info(self, title, outcome.report())

    def _start_key_call(
        self, call: Callable[[], object], on_success: Callable[[Any], None], title: str
    ) -> None:
        self._key_call = run_service(
            self, self.context, call, on_success=on_success, failure_title=title
        )
        self._key_call.finished.connect(self._key_call_finished)
        self._update_buttons()

    def _key_call_finished(self) -> None:
        self._key_call = None
        self._update_buttons()

    def print_font_sample(self) -> None:
        """Every kind of document, with sample data, in the chosen (even not yet saved) font."""
        from dangqun.ui.print_preview import preview_pdf_job

        typed = self.ui.printFontPathEdit.text().strip()
        value = typed if self.editable else self.saved_print_font
        title = self.tr("Print font sample")
        job = partial(
            font_sample_pdf, self.context.application.database, self.context.actor, value, title
        )
        preview_pdf_job(self, self.context.ui_state, title, job, f"{title}.pdf")


@dataclass(frozen=True)
class PrintFontState:
    """What the tab shows, read off the GUI thread."""

    setting_value: str
    summary_lines: list[str]
    choices: list[FontChoice] | None
    """The fonts found on this computer; None for a role that cannot choose one."""


def _read_print_fonts(
    database: Database, with_choices: bool, rescan: bool, _progress: object
) -> PrintFontState:
    """The setting, the fonts it leads to, and (loading each one) the fonts to choose from."""
    from dangqun.printing import fonts

    if rescan:
        fonts.reset_font_cache()
    stored = read_setting(database, fonts.PRINT_FONT_PATH)
    value = stored if isinstance(stored, str) else ""
    in_use = fonts.document_fonts_for(database)
    # summary_lines() ends with one line per skipped font. Fonts skipped while searching the
    # system are listed (greyed, with the reason) in the font list; only a problem with the
    # configured file stays here, where everyone sees it.
    lines = in_use.summary_lines()
    base_count = len(lines) - len(in_use.skipped)
    configured = fonts.parse_font_setting(value)[0] if value.strip() else None
    summary = lines[:base_count] + [
        line
        for line, skipped in zip(lines[base_count:], in_use.skipped, strict=True)
        if skipped.path == configured
    ]
    choices = fonts.available_font_choices() if with_choices else None
    return PrintFontState(value, summary, choices)


def import_key_or_refusal(
    database: Database,
    keys_directory: Path,
    actor: Actor,
    path: Path,
    passphrase: str,
    replace_existing: bool,
) -> KeyImportOutcome | KeyReplacementRefused:
    """The import, with "a different key is here" returned (to ask the administrator) rather
    than shown as an error."""
    from dangqun.printing.service import KeyReplacementRefused, import_verification_key

    try:
        return import_verification_key(
            database, keys_directory, actor, path, passphrase, replace_existing
        )
    except KeyReplacementRefused as refusal:
        return refusal


def font_sample_pdf(
    database: Database,
    actor: Actor,
    value: str,
    title: str,
    report: Callable[[int, int | None], None],
    cancel: threading.Event,
) -> bytes:
    """One sample of every document kind set in the font ``value`` ("" = automatic).

    The sample center's name and no verification key: a sample must never look like, or
    verify as, a real document of this center.
    """
    from dangqun.printing import fonts
    from dangqun.printing.batch import render_to_bytes
    from dangqun.printing.page_kit import PrintContext
    from dangqun.printing.registry import document_kinds, sample_plan
    from dangqun.printing.service import SAMPLE_CENTER_ID, SAMPLE_CENTER_NAME

    definition = fonts.PRINT_FONT_PATH
    reason = definition.validate(value)
    if reason:
        raise ValidationError.single(PRINT_FONT_KEY, f"{definition.label}{reason}")
    context = PrintContext(
        center_name=SAMPLE_CENTER_NAME,
        center_id=SAMPLE_CENTER_ID,
        print_date=local_today(),
        fonts=fonts.choose_document_fonts(value),
        operator_name=actor.display_name,
    ).as_sample()
    plans = [sample_plan(kind, context) for kind in document_kinds()]
    return render_to_bytes(plans, context, title, len(plans), report, cancel)
