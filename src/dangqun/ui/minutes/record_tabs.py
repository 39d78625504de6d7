"""附件 and 签字锁定: the tabs of the meeting editor that write at once (issue 15, DOMAIN.md §4).

Each button is one service call (one transaction, audited): adding or removing an attachment,
the host's or the recorder's signature, a correction. The second signature locks the record
(``sign_meeting``); from then on the editor is read-only and this tab offers "添加更正…" — a
dated correction with reason and author, the signed original never rewritten (DOMAIN §4).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.minutes.changes import MEETING
from dangqun.minutes.service import (
    ATTACHMENT_SUFFIXES,
    MAX_ATTACHMENTS_PER_MEETING,
    MeetingDetail,
    add_attachment,
    add_correction,
    attachment_file,
    remove_attachment,
    sign_meeting,
)
from dangqun.minutes.vocabulary import (
    SIGNATURE_ROLE_LABELS,
    MeetingStatus,
    SignatureRole,
)
from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.form_kit import FormRows, TimeBankDialog
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.window_fit import fit_to_layout


def _size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def _read_only_table(columns: int, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentsTab(QWidget):
    """附件: photos and scans of the meeting, added and removed one at a time."""

    def __init__(
        self, context: UiContext, reload: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.reload = reload
        self.meeting_id: int | None = None
        self.attachment_ids: list[int] = []
        layout = QVBoxLayout(self)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("attachmentHint")
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        self.table = _read_only_table(
            3, [self.tr("File"), self.tr("Size"), self.tr("Caption")], "attachmentTable"
        )
        self.table.doubleClicked.connect(lambda _index: self.open_chosen())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add photo or scan…"))
        self.add_button.setObjectName("addAttachmentButton")
        self.add_button.clicked.connect(self.choose_file)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_chosen)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeAttachmentButton")
        self.remove_button.clicked.connect(self.remove_chosen)
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error_label = QLabel()
        layout.addWidget(self.error_label)
        self.errors = FieldErrors({}, self.error_label)

    def show_detail(self, detail: MeetingDetail | None, limit_mb: int, editable: bool) -> None:
        self.meeting_id = None if detail is None else detail.id
        attachments = () if detail is None else detail.attachments
        self.hint_label.setText(
            self.tr(
                "Photos, scans, PDF, Word, Excel or text files of up to {limit} MB each, "
                "at most {count} per meeting. They are kept in the backups too."
            ).format(limit=limit_mb, count=MAX_ATTACHMENTS_PER_MEETING)
        )
        self.attachment_ids = [attachment.id for attachment in attachments]
        self.table.setRowCount(len(attachments))
        for row, attachment in enumerate(attachments):
            self.table.setItem(row, 0, QTableWidgetItem(attachment.file_name))
            self.table.setItem(row, 1, QTableWidgetItem(_size_text(attachment.size)))
            self.table.setItem(row, 2, QTableWidgetItem(attachment.caption or ""))
        self.add_button.setVisible(editable)
        self.remove_button.setVisible(editable)

    def _chosen(self) -> int | None:
        row = self.table.currentRow()
        return self.attachment_ids[row] if 0 <= row < len(self.attachment_ids) else None

    def choose_file(self) -> None:
        pattern = " ".join(f"*{suffix}" for suffix in ATTACHMENT_SUFFIXES)
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Add photo or scan"),
            "",
            self.tr("Photos and scans ({pattern})").format(pattern=pattern),
        )
        if not path:
            return
        caption, given = QInputDialog.getText(
            self, self.tr("Caption"), self.tr("What does it show? (may be left empty)")
        )
        if given:
            self.add_file(Path(path), caption)

    def add_file(self, path: Path, caption: str) -> None:
        if self.meeting_id is None:
            return
        self.errors.clear()
        run_service(
            self,
            self.context,
            partial(
                add_attachment,
                self.context.application.database,
                self.context.actor,
                self.meeting_id,
                path,
                caption,
            ),
            changes=Changes.of(MEETING),
            on_success=lambda _id: self.reload(),
            field_errors=self.errors,
            failure_title=self.tr("Cannot add the attachment"),
        )

    def remove_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        self.errors.clear()
        run_service(
            self,
            self.context,
            partial(
                remove_attachment, self.context.application.database, self.context.actor, chosen
            ),
            changes=Changes.of(MEETING),
            on_success=lambda _result: self.reload(),
            field_errors=self.errors,
            failure_title=self.tr("Cannot remove the attachment"),
        )

    def open_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        run_service(
            self,
            self.context,
            partial(attachment_file, self.context.application.database, self.context.actor, chosen),
            on_success=_open_file,
            field_errors=self.errors,
            failure_title=self.tr("Cannot open the attachment"),
        )


class SignTab(QWidget):
    """签字锁定 and 更正: who signed, the two sign buttons, then the corrections."""

    def __init__(
        self,
        context: UiContext,
        reload: Callable[[], None],
        unsaved: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.reload = reload
        self.unsaved = unsaved
        self.detail: MeetingDetail | None = None
        layout = QVBoxLayout(self)
        self.status_label = QLabel()
        self.status_label.setObjectName("lockStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.signatures_label = QLabel()
        self.signatures_label.setObjectName("signatures")
        self.signatures_label.setWordWrap(True)
        layout.addWidget(self.signatures_label)
        row = QHBoxLayout()
        self.host_button = QPushButton(self.tr("Host signs…"))
        self.host_button.setObjectName("hostSignButton")
        self.host_button.clicked.connect(lambda: self.ask_to_sign(SignatureRole.HOST))
        self.recorder_button = QPushButton(self.tr("Recorder signs…"))
        self.recorder_button.setObjectName("recorderSignButton")
        self.recorder_button.clicked.connect(lambda: self.ask_to_sign(SignatureRole.RECORDER))
        row.addWidget(self.host_button)
        row.addWidget(self.recorder_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.corrections_caption = QLabel(self.tr("Corrections"))
        self.corrections_caption.setProperty("role", "sectionTitle")
        layout.addWidget(self.corrections_caption)
        self.corrections = _read_only_table(
            4,
            [self.tr("Date"), self.tr("Reason"), self.tr("Correction"), self.tr("By")],
            "correctionTable",
        )
        layout.addWidget(self.corrections, 1)
        correction_row = QHBoxLayout()
        self.correction_button = QPushButton(self.tr("Add correction…"))
        self.correction_button.setObjectName("addCorrectionButton")
        self.correction_button.clicked.connect(self.open_correction)
        correction_row.addWidget(self.correction_button)
        correction_row.addStretch(1)
        layout.addLayout(correction_row)
        self.error_label = QLabel()
        layout.addWidget(self.error_label)
        self.errors = FieldErrors({}, self.error_label)

    def show_detail(self, detail: MeetingDetail | None, may_edit: bool) -> None:
        self.detail = detail
        locked = detail is not None and detail.status == MeetingStatus.SIGNED.value
        if detail is None:
            self.status_label.setText(self.tr("Save the meeting first."))
        elif locked:
            self.status_label.setText(
                self.tr(
                    "Signed and locked on {when}; content checksum {hash}. The record no longer "
                    "changes: later changes are dated corrections."
                ).format(
                    when=detail.locked_at.strftime("%Y-%m-%d %H:%M") if detail.locked_at else "",
                    hash=(detail.content_hash or "")[:16],
                )
            )
        else:
            self.status_label.setText(
                self.tr(
                    "Draft. When both the host and the recorder have signed, the record is "
                    "locked and takes only dated corrections."
                )
            )
        signed = {} if detail is None else {s.role: s for s in detail.signatures}
        lines = []
        for role, label in SIGNATURE_ROLE_LABELS.items():
            signature = signed.get(role.value)
            if signature is None:
                lines.append(self.tr("{role}: not signed").format(role=label))
            else:
                lines.append(
                    self.tr("{role}: {name}, {when} (entered by {by})").format(
                        role=label,
                        name=signature.signer_name,
                        when=signature.signed_at.strftime("%Y-%m-%d %H:%M"),
                        by=signature.entered_by,
                    )
                )
        self.signatures_label.setText("\n".join(lines))
        can_sign = may_edit and detail is not None and not locked
        self.host_button.setVisible(can_sign and SignatureRole.HOST.value not in signed)
        self.recorder_button.setVisible(can_sign and SignatureRole.RECORDER.value not in signed)
        corrections = () if detail is None else detail.corrections
        self.corrections.setRowCount(len(corrections))
        for row, correction in enumerate(corrections):
            for column, text in enumerate(
                (
                    correction.made_on.isoformat(),
                    correction.reason,
                    correction.text,
                    correction.author,
                )
            ):
                self.corrections.setItem(row, column, QTableWidgetItem(text))
        for widget in (self.corrections_caption, self.corrections):
            widget.setVisible(locked)
        self.correction_button.setVisible(locked and may_edit)

    def ask_to_sign(self, role: SignatureRole) -> None:
        if self.detail is None:
            return
        self.errors.clear()
        unsaved = self.unsaved()
        if unsaved:
            self.errors.show_general(
                self.tr("Save these tabs before signing: {tabs}").format(tabs="、".join(unsaved))
            )
            return
        name = self.detail.host_name if role is SignatureRole.HOST else self.detail.recorder_name
        answer = QMessageBox.question(
            self,
            self.tr("Sign the minutes"),
            self.tr(
                "Record that {role} {name} signed these minutes? Once both have signed, the "
                "record is locked."
            ).format(role=SIGNATURE_ROLE_LABELS[role], name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.sign(role)

    def sign(self, role: SignatureRole) -> None:
        assert self.detail is not None
        run_service(
            self,
            self.context,
            partial(
                sign_meeting,
                self.context.application.database,
                self.context.actor,
                self.detail.id,
                role,
            ),
            changes=Changes.of(MEETING),
            on_success=lambda _locked: self.reload(),
            field_errors=self.errors,
            failure_title=self.tr("Cannot sign"),
        )

    def open_correction(self) -> CorrectionDialog | None:
        if self.detail is None:
            return None
        dialog = CorrectionDialog(self.context, self.detail.id, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog


class CorrectionDialog(TimeBankDialog):
    """添加更正: the reason and the corrected text, dated today, by the signed-in user."""

    changes = Changes.of(MEETING)

    def __init__(self, context: UiContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.meeting_id = meeting_id
        self.setObjectName("correctionDialog")
        self.setWindowTitle(self.tr("Add a correction"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The signed record stays as it was; the correction is added below it with "
                "today's date, the reason and your name."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.rows = FormRows(form)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("correctionReason")
        self.rows.add("reason", self.tr("Reason"), self.reason_edit)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("correctionText")
        self.text_edit.setTabChangesFocus(True)
        self.rows.add("text", self.tr("Correction"), self.text_edit, "status")
        layout.addLayout(form)
        self.general_label = QLabel()
        layout.addWidget(self.general_label)
        self.errors = self.rows.errors(self.general_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)

    def service_call(self) -> Callable[[], object]:
        return partial(
            add_correction,
            self.context.application.database,
            self.context.actor,
            self.meeting_id,
            self.reason_edit.text(),
            self.text_edit.toPlainText(),
        )
