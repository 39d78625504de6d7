"""核验文书: type the check code printed on paper, or scan the QR code (issue 12).

A scanner types the QR code's full text followed by Enter, so Enter in the field verifies. The
verdict is said in plain words and colour — 有效 green; 无效, 已作废 red; 样张, 未找到 amber —
followed by what the document certifies and, for documents of the center's register, its number,
who issued it and whether it was voided. Verification runs off the GUI thread through
:func:`dangqun.printing.register.verify_in_data_directory` (it reads the register).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.threads import BackgroundCall

if TYPE_CHECKING:
    from dangqun.printing.register import DocumentVerdict

VERDICT_COLOURS = {
    "valid": "#1b7f3b",
    "tampered": "#b3261e",
    "malformed": "#b3261e",
    "voided": "#b3261e",
    "other_center": "#8a5a00",
    "sample": "#8a5a00",
    "unknown": "#8a5a00",
}


class VerifyDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._call: BackgroundCall | None = None
        self.verdict: DocumentVerdict | None = None
        self.setWindowTitle(self.tr("Verify a document"))
        self.setObjectName("verifyDialog")
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Type the check code printed beside the QR code (e.g. ZRAE-XX7Q-EVPI-YUX2), "
                "or scan the QR code into the field."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("codeEdit")
        self.code_edit.setPlaceholderText(self.tr("Check code or QR text"))
        self.code_edit.returnPressed.connect(self.verify)
        row.addWidget(self.code_edit, 1)
        self.verify_button = QPushButton(icon("verified"), self.tr("Verify"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify)
        row.addWidget(self.verify_button)
        layout.addLayout(row)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdictLabel")
        self.verdict_label.setWordWrap(True)
        self.details_label = QLabel()
        self.details_label.setObjectName("detailsLabel")
        self.details_label.setWordWrap(True)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.verdict_label)
        details_layout.addWidget(self.details_label)
        details_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 460)

    def verify(self) -> None:
        text = self.code_edit.text().strip()
        if not text or self._call is not None:
            return
        from dangqun.printing.register import verify_in_data_directory

        application = self.context.application
        self.verify_button.setEnabled(False)
        self._call = run_service(
            self,
            self.context,
            partial(verify_in_data_directory, application.database, application.paths.keys, text),
            on_success=self._verified,
            on_failure=self._settle,
            failure_title=self.windowTitle(),
        )

    def _settle(self, _error: object = None) -> None:
        self._call = None
        self.verify_button.setEnabled(True)

    def _verified(self, verdict: object) -> None:
        self._settle()
        from dangqun.printing.register import DocumentVerdict

        if isinstance(verdict, DocumentVerdict):
            self.show_verdict(verdict)
            # Ready for the next scan: the scanner types into the selected text.
            self.code_edit.selectAll()

    def show_verdict(self, verdict: DocumentVerdict) -> None:
        self.verdict = verdict
        colour = VERDICT_COLOURS.get(verdict.status.value, "#b3261e")
        self.verdict_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.verdict_label.setText(verdict.message)
        self.details_label.setText("\n".join(verdict.report_lines()[1:]))


def open_dialog(page: str, context: UiContext, parent: QWidget, scratch: Path) -> QDialog:
    """``dangqun screenshot``: the 核验 dialog answering a sample's code, and the register."""
    del scratch
    if page == "verify_dialog":
        from dangqun.printing.register import verify_in_data_directory
        from dangqun.printing.verification import SAMPLE_CHECK_PREFIX, group_check_code

        dialog = VerifyDialog(context, parent)
        code = group_check_code(SAMPLE_CHECK_PREFIX + "Q7K2")
        dialog.code_edit.setText(code)
        application = context.application
        dialog.show_verdict(
            verify_in_data_directory(application.database, application.paths.keys, code)
        )
        return dialog
    if page == "document_register":
        from dangqun.ui.dialogs.document_register_dialog import DocumentRegisterDialog

        register = DocumentRegisterDialog(context, parent)
        register.load_now()
        return register
    raise ValueError(f"not a printing dialog: {page!r}")
