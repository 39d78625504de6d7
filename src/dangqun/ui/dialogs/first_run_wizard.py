"""首次设置: the center's identity, its party organization and contact details, its first
administrator, then optionally demo data.

Each page is checked with the same validator :func:`initialize_center` runs
(:func:`validate_first_run`), showing the messages about that page's fields beside them, and
nothing is written until 完成. Then :func:`initialize_center` writes everything in one audited
transaction — the center, the administrator and the 社区党组织 (issue 11: without it the first
roster import failed on every row); if it still refuses (another process initialized the
directory meanwhile), its messages are shown the same way and the wizard goes back to the page
holding the first bad field.

The party organization's name is filled in from the center's name
(:func:`default_party_organization`) each time the page is entered, until the user edits it.
No two controls a page shows share a mnemonic, the wizard's own buttons included (issue 11:
中心名称 and 下一步 were both Alt+N).

Demo data (``加载演示数据？``) are generated on the thread pool behind a progress dialog: 2,000
members take about a second, 100,000 a minute.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, Qt
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget, QWizard, QWizardPage

from dangqun.bootstrap import FirstRunAnswers, initialize_center, validate_first_run
from dangqun.core.center import CenterContact, CenterInfo, default_party_organization
from dangqun.core.db import Database
from dangqun.core.errors import DangqunError, FieldError, ValidationError
from dangqun.core.security import system_actor
from dangqun.ui.forms.ui_first_run_wizard import Ui_FirstRunWizard
from dangqun.ui.icons import mark_icon
from dangqun.ui.threads import run_in_background
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.spin_boxes import pad_spin_boxes

log = logging.getLogger(__name__)

DEFAULT_DEMO_MEMBERS = 2000


class FirstRunWizard(QWizard):
    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        keys_directory: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.keys_directory = keys_directory
        """The data directory's ``keys/``, for the keys made at the first run."""
        self.center: CenterInfo | None = None
        self.demo_loaded = False
        self.ui = Ui_FirstRunWizard()
        self.ui.setupUi(self)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, mark_icon().pixmap(QSize(48, 48)))
        pad_spin_boxes(self)
        self.ui.memberCountSpinBox.setValue(DEFAULT_DEMO_MEMBERS)
        self.ui.memberCountSpinBox.setEnabled(False)
        self.ui.demoCheckBox.toggled.connect(self.ui.memberCountSpinBox.setEnabled)
        self.error_labels: dict[str, QLabel] = {
            "center_name": self.ui.centerNameError,
            "division_code": self.ui.divisionCodeError,
            "party_organization": self.ui.partyOrganizationError,
            "address": self.ui.addressError,
            "contact_person": self.ui.contactPersonError,
            "contact_phone": self.ui.contactPhoneError,
            "username": self.ui.usernameError,
            "display_name": self.ui.displayNameError,
            "password": self.ui.passwordError,
            "password_again": self.ui.passwordAgainError,
        }
        self.field_inputs: dict[str, QWidget] = {
            "center_name": self.ui.centerNameEdit,
            "division_code": self.ui.divisionCodeEdit,
            "party_organization": self.ui.partyOrganizationEdit,
            "address": self.ui.addressEdit,
            "contact_person": self.ui.contactPersonEdit,
            "contact_phone": self.ui.contactPhoneEdit,
            "username": self.ui.usernameEdit,
            "display_name": self.ui.displayNameEdit,
            "password": self.ui.passwordEdit,
            "password_again": self.ui.passwordAgainEdit,
        }
        self.errors = FieldErrors(self.error_labels, self.ui.generalError, self.field_inputs)
        self._pages_of_fields: dict[str, QWizardPage] = {
            "center_name": self.ui.centerPage,
            "division_code": self.ui.centerPage,
            "party_organization": self.ui.contactPage,
            "address": self.ui.contactPage,
            "contact_person": self.ui.contactPage,
            "contact_phone": self.ui.contactPage,
            "username": self.ui.administratorPage,
            "display_name": self.ui.administratorPage,
            "password": self.ui.administratorPage,
            "password_again": self.ui.administratorPage,
        }
        self.currentIdChanged.connect(self._on_page_changed)

    # -- answers ----------------------------------------------------------------------------

    def answers(self) -> FirstRunAnswers:
        return FirstRunAnswers(
            center_name=self.ui.centerNameEdit.text(),
            division_code=self.ui.divisionCodeEdit.text(),
            admin_username=self.ui.usernameEdit.text(),
            admin_display_name=self.ui.displayNameEdit.text(),
            admin_password=self.ui.passwordEdit.text(),
            admin_password_again=self.ui.passwordAgainEdit.text(),
            party_organization=self.ui.partyOrganizationEdit.text(),
            contact=CenterContact(
                address=self.ui.addressEdit.text(),
                contact_person=self.ui.contactPersonEdit.text(),
                contact_phone=self.ui.contactPhoneEdit.text(),
            ),
        )

    def error_message(self, field: str) -> str:
        """What is shown beside ``field`` (empty when nothing is wrong)."""
        label = self.error_labels[field]
        return label.text() if not label.isHidden() else ""

    # -- page checks ------------------------------------------------------------------------

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        answers = self.answers()
        if page is self.ui.demoPage:
            return self._create_center(answers)
        if page in self._pages_of_fields.values():
            _contact, errors = validate_first_run(answers)
            return self._accept_if_valid(
                [error for error in errors if self._pages_of_fields.get(error.field) is page]
            )
        return super().validateCurrentPage()

    def _accept_if_valid(self, errors: list[FieldError]) -> bool:
        if errors:
            self.errors.show(errors)
            return False
        self.errors.clear()
        return True

    def _create_center(self, answers: FirstRunAnswers) -> bool:
        self.errors.clear()
        try:
            self.center = initialize_center(self.database, answers, self.keys_directory)
        except ValidationError as error:
            self._return_to_first_bad_page(error.errors)
            self.errors.show(error.errors)
            return False
        except DangqunError as error:
            self.errors.show_general(error.message)
            return False
        log.info("center %s initialized by the first-run wizard", self.center.center_id)
        if self.ui.demoCheckBox.isChecked():
            self._load_demo_data(self.ui.memberCountSpinBox.value())
        return True

    def _return_to_first_bad_page(self, errors: list[FieldError]) -> None:
        for error in errors:
            target = self._pages_of_fields.get(error.field)
            if target is None:
                continue
            while self.currentPage() is not target and self.currentId() != self.startId():
                self.back()
            return

    # -- demo data --------------------------------------------------------------------------

    def _load_demo_data(self, member_count: int) -> None:
        from dangqun.demo import generate_demo_data

        progress = QProgressDialog(
            self.tr("Creating {count} demo members …").format(count=member_count),
            "",
            0,
            member_count,
            self,
        )
        progress.setWindowTitle(self.tr("Demo data"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setMinimumWidth(460)
        progress.setValue(0)
        waiting = QEventLoop(self)
        outcome: dict[str, object] = {}

        def report(done: int, total: int) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(min(done, total))

        def succeeded(summary: object) -> None:
            outcome["summary"] = summary
            waiting.quit()

        def failed(error: BaseException) -> None:
            outcome["error"] = error
            waiting.quit()

        actor = system_actor("首次设置")
        run_in_background(
            self,
            lambda progress_callback: generate_demo_data(
                self.database, actor, member_count, progress=progress_callback
            ),
            on_success=succeeded,
            on_failure=failed,
            on_progress=report,
        )
        waiting.exec()
        progress.close()
        progress.deleteLater()
        error = outcome.get("error")
        if error is None:
            self.demo_loaded = True
            return
        log.error("demo data not generated", exc_info=error)  # type: ignore[arg-type]
        reason = error.message if isinstance(error, DangqunError) else str(error)
        message_boxes.show_error(
            self,
            self.tr("Demo data"),
            self.tr(
                "The center was created, but the demo data could not be generated: {reason}"
            ).format(reason=reason),
        )

    # -- summary ----------------------------------------------------------------------------

    def _on_page_changed(self, _page_id: int) -> None:
        if self.currentPage() is self.ui.contactPage:
            edit = self.ui.partyOrganizationEdit
            if not edit.isModified():  # what the user typed stays; setText clears the flag
                edit.setText(default_party_organization(self.ui.centerNameEdit.text()))
        if self.currentPage() is self.ui.demoPage:
            answers = self.answers()
            contact = [
                value.strip()
                for value in (
                    answers.contact.address,
                    answers.contact.contact_person,
                    answers.contact.contact_phone,
                )
                if value.strip()
            ]
            rows = [
                (self.tr("Center name"), answers.center_name.strip()),
                (self.tr("Division code"), answers.division_code.strip()),
                (self.tr("Party organization"), answers.party_organization_name),
                (self.tr("Contact"), "，".join(contact) or self.tr("(not given)")),
                (
                    self.tr("Administrator"),
                    self.tr("{name} (user name {username})").format(
                        name=answers.admin_display_name.strip(),
                        username=answers.admin_username.strip(),
                    ),
                ),
            ]
            self.ui.summaryLabel.setText(
                "<table cellspacing='6'>"
                + "".join(
                    f"<tr><td style='color:#5A6270; padding-right:16px'>{html.escape(name)}</td>"
                    f"<td><b>{html.escape(value)}</b></td></tr>"
                    for name, value in rows
                )
                + "</table>"
            )
