"""系统设置 → 打印, the printing feature's tab: the fonts per role, the paper, the key.

Everyone sees which font plays which role (标题, 正文, 表格, 落款和签名, 小标题和表头), the paper
settings and can print a sample; only ``MANAGE_SETTINGS`` may choose a font per role (or
自动), change the margins for pre-printed paper (GB/T 9704-2012 §5.2.1: 37 mm top, 28 mm left)
and the seal guide, and export or import the verification key (issue 10). Fonts that cannot be
used are listed with the reason in plain words (issue 12). The printing engine (ReportLab) is
imported when the tab is built — the tab is built when first shown, never at start-up — and the
fonts are found and loaded on the thread pool. Saving goes through ``update_settings`` (one
audited transaction) and announces ``SETTINGS``; the tab reads everything again then.

The older single ``print_font_path`` (every role) is shown as each role's choice and, when the
administrator saves, moved into the per-role settings and cleared.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from dangqun.core.changes import SETTINGS, Changes
from dangqun.core.clock import local_today
from dangqun.core.db import Database
from dangqun.core.errors import DangqunError, FieldError, ValidationError
from dangqun.core.security import Actor, Permission
from dangqun.core.settings import update_settings
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_settings_printing_tab import Ui_PrintingTab
from dangqun.ui.operations import run_service
from dangqun.ui.settings.tab_kit import StatusNote, tab_icon
from dangqun.ui.threads import BackgroundCall, run_in_background
from dangqun.ui.widgets import file_dialogs, message_boxes
from dangqun.ui.widgets.field_errors import FieldErrors

if TYPE_CHECKING:
    from dangqun.printing.fonts import FontChoice
    from dangqun.printing.page_settings import PageSettings
    from dangqun.printing.service import KeyImportOutcome, KeyReplacementRefused

UNUSABLE_FONT_COLOR = "#8A919C"
"""Greyed text for a font that cannot be used (the theme's style sheet hides the palette's)."""
FONT_ROLES = ("title", "body", "table", "signature", "heading")
"""``dangqun.printing.fonts.FontRole`` values, in the order of the form."""
LEGACY_FONT_KEY = "print_font_path"
"""The older setting that played every role (registered by ``dangqun.printing.fonts``)."""
TOP_MARGIN_KEY = "print_top_margin_mm"
LEFT_MARGIN_KEY = "print_left_margin_mm"
SEAL_GUIDE_KEY = "print_seal_guide"
"""The paper settings registered by ``dangqun.printing.page_settings``."""
KEY_FILES_PURPOSE = "verification_key"
"""The remembered folder of key files (a USB stick), apart from the export folder."""


def role_key(role: str) -> str:
    """The setting of one role (``print_font_body`` …)."""
    return f"print_font_{role}"


def ask_passphrase(parent: QWidget, title: str, label: str) -> str | None:
    """One hidden line, or None when cancelled (tests replace this function)."""
    value, accepted = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return value if accepted else None


class PrintingTab(QWidget):
    print_fonts_loaded = Signal()
    """The fonts and paper settings were read (and, for administrators, the fonts available)."""
    print_font_saved = Signal(dict)
    """An administrator saved the print fonts: role → setting value ("" = automatic)."""
    paper_saved = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        # Registers the font and paper settings; the engine loads here, when the tab is built.
        from dangqun.printing import fonts as print_fonts
        from dangqun.printing import page_settings

        super().__init__(parent)
        self.context = context
        self.ui = Ui_PrintingTab()
        self.ui.setupUi(self)
        self._fonts_call: BackgroundCall | None = None
        self._save_call: BackgroundCall | None = None
        self._paper_call: BackgroundCall | None = None
        self._key_call: BackgroundCall | None = None
        self._fonts_requested = False
        self._rescan_requested = False
        self._choices: list[FontChoice] = []
        self._added_files: list[str] = []
        self.saved_fonts: dict[str, str] = dict.fromkeys(FONT_ROLES, "")
        """Each role's choice as last read ("" = automatic)."""
        self.print_font_edited = False
        """The administrator changed a role's font since it was last loaded or saved."""
        self.paper_edited = False
        self.editable = context.can(Permission.MANAGE_SETTINGS)

        ui = self.ui
        self.combos: dict[str, QComboBox] = {
            "title": ui.titleFontCombo,
            "body": ui.bodyFontCombo,
            "table": ui.tableFontCombo,
            "signature": ui.signatureFontCombo,
            "heading": ui.headingFontCombo,
        }
        error_labels: dict[str, QLabel] = {
            "title": ui.titleFontError,
            "body": ui.bodyFontError,
            "table": ui.tableFontError,
            "signature": ui.signatureFontError,
            "heading": ui.headingFontError,
        }
        self.errors = FieldErrors(
            {role_key(role): label for role, label in error_labels.items()},
            inputs={role_key(role): combo for role, combo in self.combos.items()},
        )
        self.paper_errors = FieldErrors(
            {TOP_MARGIN_KEY: ui.marginsError, LEFT_MARGIN_KEY: ui.marginsError},
            inputs={TOP_MARGIN_KEY: ui.topMarginSpin, LEFT_MARGIN_KEY: ui.leftMarginSpin},
        )
        self.status = StatusNote(ui.printFontStatusLabel)
        self.paper_status = StatusNote(ui.paperStatusLabel)
        ui.printFontGroup.setVisible(self.editable)
        ui.verificationKeyGroup.setVisible(self.editable)
        ui.printFontReadOnlyNote.setVisible(not self.editable)
        ui.printFontsSummaryLabel.setText(self.tr("Looking for the fonts on this computer…"))
        ui.exportKeyButton.setIcon(tab_icon("key"))
        ui.importKeyButton.setIcon(tab_icon("file_import"))
        ui.printSampleButton.setIcon(tab_icon("print_sample"))
        ui.rescanFontsButton.setIcon(tab_icon("refresh"))
        ui.chooseFontFileButton.setIcon(tab_icon("folder"))
        ui.savePrintFontButton.setIcon(tab_icon("save", on_accent=True))
        ui.savePaperButton.setIcon(tab_icon("save", on_accent=True))
        ui.refusedFontList.setMinimumHeight(90)
        ui.exportKeyButton.clicked.connect(self.export_key)
        ui.importKeyButton.clicked.connect(self.import_key)
        # The register of issued documents, where the codes on paper are looked up (issue 12).
        self.registerButton = QPushButton(self.tr("Document register…"), ui.verificationKeyGroup)
        self.registerButton.setObjectName("documentRegisterButton")
        self.registerButton.setIcon(tab_icon("print"))
        layout = ui.verificationKeyActionsLayout
        layout.insertWidget(layout.indexOf(ui.importKeyButton) + 1, self.registerButton)
        self.registerButton.clicked.connect(self.show_document_register)
        ui.printSampleButton.clicked.connect(self.print_font_sample)
        ui.rescanFontsButton.clicked.connect(self.rescan_fonts)
        ui.chooseFontFileButton.clicked.connect(self.choose_font_file)
        ui.savePrintFontButton.clicked.connect(self.save_print_fonts)
        for combo in self.combos.values():
            combo.addItem(self.tr("Automatic (recommended)"), "")
            combo.activated.connect(self._font_changed)

        top = page_settings.PRINT_TOP_MARGIN_MM
        ui.topMarginSpin.setRange(15, 80)
        ui.topMarginSpin.setValue(int(top.default))
        ui.leftMarginSpin.setRange(15, 45)
        ui.leftMarginSpin.setValue(int(page_settings.PRINT_LEFT_MARGIN_MM.default))
        for widget in (ui.topMarginSpin, ui.leftMarginSpin, ui.sealGuideCheck):
            widget.setEnabled(self.editable)
        ui.standardMarginsButton.setVisible(self.editable)
        ui.savePaperButton.setVisible(self.editable)
        ui.standardMarginsButton.clicked.connect(self.restore_standard_margins)
        ui.savePaperButton.clicked.connect(self.save_paper)
        ui.topMarginSpin.valueChanged.connect(self._paper_changed)
        ui.leftMarginSpin.valueChanged.connect(self._paper_changed)
        ui.sealGuideCheck.toggled.connect(self._paper_changed)

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
        """Read the fonts in use, the paper settings and (administrators) the fonts available,
        off the GUI thread."""
        self._fonts_requested = True
        self._rescan_requested = self._rescan_requested or rescan
        if self._fonts_call is not None:
            return  # _fonts_done starts another round
        rescan, self._rescan_requested = self._rescan_requested, False
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
        self.saved_fonts = dict(state.preferences)
        ui.printFontsSummaryLabel.setText("\n".join(state.summary_lines))
        if state.choices is not None:
            self._choices = state.choices
            self._fill_font_combos()
            self._fill_refused_list()
        if not self.paper_edited:
            self._show_paper(state.page)
        self.print_fonts_loaded.emit()

    def _show_paper(self, page: PageSettings) -> None:
        ui = self.ui
        for widget in (ui.topMarginSpin, ui.leftMarginSpin, ui.sealGuideCheck):
            widget.blockSignals(True)
        try:
            ui.topMarginSpin.setValue(page.top_margin_mm)
            ui.leftMarginSpin.setValue(page.left_margin_mm)
            ui.sealGuideCheck.setChecked(page.seal_guide)
        finally:
            for widget in (ui.topMarginSpin, ui.leftMarginSpin, ui.sealGuideCheck):
                widget.blockSignals(False)
        self.paper_edited = False

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

    # --- choosing fonts -------------------------------------------------------------------

    def _fill_font_combos(self) -> None:
        """自动 first, then the usable fonts found, then files added or saved before."""
        from dangqun.printing.fonts import GLYPH_STYLE_LABELS, FontSource

        usable = [choice for choice in self._choices if choice.usable]
        # The shipped Regular before its Bold, formal fonts before screen fonts.
        usable.sort(
            key=lambda choice: (
                not choice.formal,
                choice.source is FontSource.BUNDLED,
                choice.bold,
            )
        )
        entries: list[tuple[str, str, str]] = []
        for choice in usable:
            notes = [GLYPH_STYLE_LABELS[choice.style]]
            if choice.bold:
                notes.append(self.tr("bold"))
            if choice.source is FontSource.BUNDLED:
                notes.append(self.tr("shipped with the program"))
            if not choice.formal:
                notes.append(self.tr("screen font"))
            text = self.tr("{family} ({notes})").format(
                family=choice.family, notes=self.tr(", ").join(notes)
            )
            entries.append((text, choice.setting_value, choice.setting_value))
        offered = {value for _text, value, _tip in entries}
        extra = [*self._added_files, *self.saved_fonts.values(), *self._current_values()]
        for value in extra:
            if value and value not in offered:
                offered.add(value)
                entries.append((Path(value).name, value, value))
        for role, combo in self.combos.items():
            keep = self.current_font(role) if self.print_font_edited else self.saved_fonts[role]
            combo.blockSignals(True)
            try:
                while combo.count() > 1:
                    combo.removeItem(1)
                for text, value, tip in entries:
                    combo.addItem(text, value)
                    combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
                combo.setCurrentIndex(max(combo.findData(keep), 0))
            finally:
                combo.blockSignals(False)

    def _current_values(self) -> list[str]:
        return [self.current_font(role) for role in FONT_ROLES]

    def _fill_refused_list(self) -> None:
        refused_list = self.ui.refusedFontList
        refused_list.clear()
        for choice in self._choices:
            if choice.usable:
                continue
            item = QListWidgetItem(
                self.tr("{family}   {file}\nCannot be used: {reason}").format(
                    family=choice.family, file=choice.path, reason=choice.reason
                )
            )
            item.setFlags(Qt.ItemFlag.ItemNeverHasChildren)
            item.setForeground(QColor(UNUSABLE_FONT_COLOR))
            item.setToolTip(choice.reason)
            refused_list.addItem(item)
        if refused_list.count() == 0:
            item = QListWidgetItem(self.tr("None: every Chinese font found can be used."))
            item.setFlags(Qt.ItemFlag.ItemNeverHasChildren)
            refused_list.addItem(item)

    def refused_font_texts(self) -> list[str]:
        """The refused fonts' lines as shown (tests)."""
        refused = self.ui.refusedFontList
        return [refused.item(row).text() for row in range(refused.count())]

    def font_values(self, role: str) -> list[str]:
        """The setting value of each entry a role offers ("" = automatic; tests)."""
        combo = self.combos[role]
        return [str(combo.itemData(index)) for index in range(combo.count())]

    def current_font(self, role: str) -> str:
        return str(self.combos[role].currentData() or "")

    def set_font(self, role: str, value: str) -> None:
        """Choose ``value`` ("" = automatic) for ``role``, as picking it in the list does."""
        combo = self.combos[role]
        index = combo.findData(value)
        if index < 0:
            combo.addItem(Path(value).name, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        self._font_changed()

    def _font_changed(self, *_arguments: object) -> None:
        self.print_font_edited = True
        self.errors.clear()

    def choose_font_file(self) -> None:
        """Offer a font file that is not installed (a 方正小标宋 copied from a USB stick) in
        every role's list; saving checks it can be embedded and has the characters."""
        path, _selected_filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a font file"),
            str(self._font_search_directory),
            self.tr("TrueType fonts (*.ttf *.ttc *.TTF *.TTC);;All files (*)"),
        )
        if path:
            self.add_font_file(str(Path(path)))

    def add_font_file(self, value: str) -> None:
        if value not in self._added_files:
            self._added_files.append(value)
        for combo in self.combos.values():
            if combo.findData(value) < 0:
                combo.addItem(Path(value).name, value)
                combo.setItemData(combo.count() - 1, value, Qt.ItemDataRole.ToolTipRole)
        self.status.show(
            self.tr("{file} was added: choose it above for the roles it should play.").format(
                file=Path(value).name
            )
        )

    def save_print_fonts(self) -> None:
        """Save every role's choice in one audited change, and clear the older single font
        (its value now lives in the roles). The service checks each file off the GUI thread."""
        if not self.editable or self._save_call is not None:
            return
        self.errors.clear()
        chosen = {role: self.current_font(role) for role in FONT_ROLES}
        changes: dict[str, Any] = {role_key(role): value for role, value in chosen.items()}
        changes[LEGACY_FONT_KEY] = ""
        self._save_call = run_service(
            self,
            self.context,
            partial(
                update_settings, self.context.application.database, self.context.actor, changes
            ),
            changes=Changes.of(SETTINGS),
            on_success=lambda _result: self._fonts_saved(chosen),
            field_errors=self.errors,
            failure_title=self.tr("Print fonts"),
        )
        self._save_call.finished.connect(self._save_finished)
        self._update_buttons()

    def _fonts_saved(self, chosen: dict[str, str]) -> None:
        self.print_font_edited = False
        self.saved_fonts = dict(chosen)
        self.status.show(self.tr("Saved."))
        self.print_font_saved.emit(chosen)

    def _save_finished(self) -> None:
        self._save_call = None
        self._update_buttons()

    # --- paper ----------------------------------------------------------------------------

    def _paper_changed(self, *_arguments: object) -> None:
        self.paper_edited = True
        self.paper_errors.clear()

    def restore_standard_margins(self) -> None:
        """GB/T 9704-2012 §5.2.1: 37 mm from the top edge, 28 mm from the left."""
        from dangqun.printing.page_settings import GB9704_LEFT_MARGIN_MM, GB9704_TOP_MARGIN_MM

        self.ui.topMarginSpin.setValue(GB9704_TOP_MARGIN_MM)
        self.ui.leftMarginSpin.setValue(GB9704_LEFT_MARGIN_MM)

    def save_paper(self) -> None:
        if not self.editable or self._paper_call is not None:
            return
        self.paper_errors.clear()
        ui = self.ui
        changes: dict[str, Any] = {
            TOP_MARGIN_KEY: ui.topMarginSpin.value(),
            LEFT_MARGIN_KEY: ui.leftMarginSpin.value(),
            SEAL_GUIDE_KEY: ui.sealGuideCheck.isChecked(),
        }
        self._paper_call = run_service(
            self,
            self.context,
            partial(
                update_settings, self.context.application.database, self.context.actor, changes
            ),
            changes=Changes.of(SETTINGS),
            on_success=lambda _result: self._paper_saved(),
            field_errors=self.paper_errors,
            failure_title=self.tr("Paper"),
        )
        self._paper_call.finished.connect(self._paper_finished)
        self._update_buttons()

    def _paper_saved(self) -> None:
        self.paper_edited = False
        self.paper_status.show(self.tr("Saved."))
        self.paper_saved.emit()

    def _paper_finished(self) -> None:
        self._paper_call = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui = self.ui
        loading = self._fonts_call is not None
        ui.rescanFontsButton.setEnabled(not loading)
        for combo in self.combos.values():
            combo.setEnabled(not loading)
        ui.savePrintFontButton.setEnabled(self._save_call is None)
        ui.savePaperButton.setEnabled(self._paper_call is None)
        ui.exportKeyButton.setEnabled(self._key_call is None)
        ui.importKeyButton.setEnabled(self._key_call is None)

    # --- verification key -----------------------------------------------------------------

    def show_document_register(self) -> None:
        """文书登记簿: every document issued with a number, its re-prints and voids."""
        from dangqun.ui.dialogs.document_register_dialog import DocumentRegisterDialog

        dialog = DocumentRegisterDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.register_dialog = dialog

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
        """Every kind of document, with sample data, in the chosen (even not yet saved) fonts."""
        from dangqun.ui.print_preview import preview_pdf_job

        if self.editable and self._choices:
            chosen = {role: self.current_font(role) for role in FONT_ROLES}
        else:
            chosen = dict(self.saved_fonts)
        title = self.tr("Print font sample")
        job = partial(
            font_sample_pdf, self.context.application.database, self.context.actor, chosen, title
        )
        preview_pdf_job(self, self.context.ui_state, title, job, f"{title}.pdf")


@dataclass(frozen=True)
class PrintFontState:
    """What the tab shows, read off the GUI thread."""

    preferences: dict[str, str]
    """Each role's choice ("" = automatic), the older single font filled in."""
    summary_lines: list[str]
    choices: list[FontChoice] | None
    """The fonts found on this computer; None for a role that cannot choose one."""
    page: PageSettings


def _read_print_fonts(
    database: Database, with_choices: bool, rescan: bool, _progress: object
) -> PrintFontState:
    """The settings, the fonts they lead to, and (loading each one) the fonts to choose from."""
    from dangqun.printing import fonts
    from dangqun.printing.page_settings import read_page_settings

    if rescan:
        fonts.reset_font_cache()
    preferences = fonts.font_preferences_for(database)
    in_use = fonts.choose_document_fonts(preferences)
    choices = fonts.available_font_choices() if with_choices else None
    return PrintFontState(
        {role.value: value for role, value in preferences.items()},
        in_use.summary_lines(),
        choices,
        read_page_settings(database),
    )


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
    chosen: Mapping[str, str],
    title: str,
    report: Callable[[int, int | None], None],
    cancel: threading.Event,
) -> bytes:
    """One sample of every document kind set in the fonts ``chosen`` (role → file, "" =
    automatic) and on this center's paper settings.

    The sample center's name and no verification key: a sample must never look like, or
    verify as, a real document of this center.
    """
    from dangqun.printing import fonts
    from dangqun.printing.batch import render_to_bytes
    from dangqun.printing.page_kit import PrintContext
    from dangqun.printing.page_settings import read_page_settings
    from dangqun.printing.registry import document_kinds, sample_plan
    from dangqun.printing.service import SAMPLE_CENTER_ID, SAMPLE_CENTER_NAME

    errors: list[FieldError] = []
    for role in fonts.FontRole:
        definition = fonts.ROLE_SETTINGS[role]
        reason = definition.validate(chosen.get(role.value, ""))
        if reason:
            errors.append(FieldError(definition.key, f"{definition.label}{reason}"))
    if errors:
        raise ValidationError(errors)
    context = PrintContext(
        center_name=SAMPLE_CENTER_NAME,
        center_id=SAMPLE_CENTER_ID,
        print_date=local_today(),
        fonts=fonts.choose_document_fonts(
            {role: chosen.get(role.value, "") for role in fonts.FontRole}
        ),
        operator_name=actor.display_name,
        page=read_page_settings(database),
    ).as_sample()
    plans = [sample_plan(kind, context) for kind in document_kinds()]
    return render_to_bytes(plans, context, title, len(plans), report, cancel)
