"""数据同步: the keys, 生成上报数据包, 导入回执 and the history of both (issue 16, DOMAIN.md §5).

At the top the keys: the district key's status — installed (the district's name and
fingerprint: packages are encrypted for it) or not (a warning that packages travel in clear,
with 安装区级公钥…) — and this center's own public key and fingerprint, with 导出本中心公钥… to
hand to the district. Below, the history in two tabs: the packages sent (待确认 until a receipt
names them, then 已确认; date, kind, records, size, change range) and the receipts read. A fresh
center shows an empty state saying what to do first.

Roles follow the permissions the services check (DOMAIN.md §3): making a package needs
``SEE_PERSONAL_DATA`` (it carries the register unmasked) — 管理员 only; reading a receipt needs
``EDIT_RECORDS`` — 工作人员 too; installing the district key needs ``MANAGE_SETTINGS``; anyone
who signs in sees the keys and the history and may hand out the public key. Buttons a role may
not use are not shown, and one line under the title says what this role may do.

Every call goes through the sync services (:mod:`dangqun.sync`) off the GUI thread; a change
is announced as :data:`~dangqun.sync.changes.SYNC` and the page reloads (also on a center or
full change: the public key file carries the center's name).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.changes import CENTER, Changes
from dangqun.core.security import Permission
from dangqun.sync import crypto
from dangqun.sync.changes import SYNC
from dangqun.sync.keys import export_center_public_key, install_district_key
from dangqun.sync.receipts import RECEIPT_SUFFIX, ReceiptOutcome, import_receipt
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.sync.district_notices import DistrictNoticesView
from dangqun.ui.sync.export_dialog import ExportDialog, choose_folder
from dangqun.ui.sync.overview import (
    SyncOverview,
    counter_range,
    file_size,
    issued_moment,
    load_overview,
    local_moment,
    status_text,
)
from dangqun.ui.widgets import file_dialogs, message_boxes
from dangqun.ui.widgets.style_role import set_style_role

KEY_PURPOSE = "sync_keys"
RECEIPT_PURPOSE = "sync_receipts"
TABLE_MINIMUM_HEIGHT = 200
"""The history keeps a few rows in view; below that the page scrolls instead."""


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class SyncPage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.overview: SyncOverview | None = None
        self.loading = False
        self._stale = True
        # The role decides, as in the export service: the masking switch of a screenshot or
        # terminal (``withheld``) governs what is shown, not what goes to the district.
        self.may_export = Permission.SEE_PERSONAL_DATA in context.actor.role.permissions
        self.may_import_receipts = context.can(Permission.EDIT_RECORDS)
        self.may_install = context.can(Permission.MANAGE_SETTINGS)
        self.setObjectName("syncPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.title_label = QLabel(self.tr("Data sync"))
        self.title_label.setObjectName("titleLabel")
        self.title_label.setProperty("role", "pageTitle")
        row.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        self.receipt_button = QPushButton(icon("file_import"), self.tr("Import a receipt…"))
        self.receipt_button.setObjectName("receiptButton")
        self.receipt_button.clicked.connect(self.import_receipt)
        self.receipt_button.setVisible(self.may_import_receipts)
        row.addWidget(self.receipt_button, 0, Qt.AlignmentFlag.AlignTop)
        self.export_button = QPushButton(
            icon("export", "#FFFFFF", None), self.tr("Make a package for the district…")
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.setProperty("role", "primary")
        self.export_button.clicked.connect(self.open_export)
        self.export_button.setVisible(self.may_export)
        row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        # Below the title everything scrolls: at the largest font the keys' sentences need
        # more height than 1024×768 has, and must not be cut (issue 11).
        self.content_scroll = QScrollArea()
        self.content_scroll.setObjectName("syncScroll")
        self.content_scroll.setWidgetResizable(True)
        self.content_scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder.setObjectName("syncContent")
        self.content_scroll.setWidget(holder)
        layout.addWidget(self.content_scroll, 1)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self.role_label = QLabel(self._role_text())
        self.role_label.setObjectName("roleLabel")
        self.role_label.setProperty("role", "muted")
        self.role_label.setWordWrap(True)
        layout.addWidget(self.role_label)
        layout.addWidget(self._build_keys())
        self.empty_label = QLabel(
            self.tr(
                "No package has been made yet. First give this center's public key to the "
                "district and install the district's key; then make the first package — it "
                "holds everything, later ones only the changes."
            )
        )
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(False)
        layout.addWidget(self.empty_label)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.tabs.setDocumentMode(True)
        self.packages_table = _table(
            "packagesTable",
            [
                self.tr("No."),
                self.tr("Made"),
                self.tr("Kind"),
                self.tr("Records"),
                self.tr("Size"),
                self.tr("Changes"),
                self.tr("Status"),
                self.tr("Confirmed"),
                self.tr("File"),
            ],
        )
        self.receipts_table = _table(
            "receiptsTable",
            [
                self.tr("Imported"),
                self.tr("District"),
                self.tr("Issued"),
                self.tr("Newly confirmed"),
                self.tr("File"),
            ],
        )
        self.tabs.addTab(self.packages_table, icon("export"), self.tr("Packages sent"))
        self.tabs.addTab(self.receipts_table, icon("verified"), self.tr("Receipts received"))
        self.notices = DistrictNoticesView(context)
        self.tabs.addTab(self.notices, icon("info"), self.tr("District notices"))
        self.tabs.setMinimumHeight(TABLE_MINIMUM_HEIGHT)
        layout.addWidget(self.tabs, 1)
        context.events.subscribe(self, (SYNC, CENTER), self._on_changes)

    # -- building ---------------------------------------------------------------------------

    def _role_text(self) -> str:
        if self.may_export:
            return self.tr(
                "You may make packages, import the district's receipts and install the "
                "district key."
            )
        if self.may_import_receipts:
            return self.tr(
                "You may import the district's receipts and hand out this center's public "
                "key. Making a package (it holds unmasked personal data) and installing the "
                "district key are for an administrator."
            )
        return self.tr(
            "You may see the keys and the history and hand out this center's public key. "
            "An administrator makes packages; staff import receipts."
        )

    def _build_keys(self) -> QFrame:
        """The two keys side by side, each with its title, its state and its action."""
        frame = QFrame()
        frame.setObjectName("keysFrame")
        frame.setProperty("role", "card")
        row = QHBoxLayout(frame)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(24)
        self.district_label = self._key_label("districtLabel")
        self.install_button = QPushButton(icon("key"), self.tr("Install the district key…"))
        self.install_button.setObjectName("installButton")
        self.install_button.clicked.connect(self.install_key)
        self.install_button.setVisible(self.may_install)
        row.addLayout(
            self._key_column(self.tr("District key"), self.district_label, self.install_button),
            1,
        )
        self.center_label = self._key_label("centerLabel")
        self.public_key_button = QPushButton(
            icon("usb"), self.tr("Export this center's public key…")
        )
        self.public_key_button.setObjectName("publicKeyButton")
        self.public_key_button.clicked.connect(self.export_public_key)
        row.addLayout(
            self._key_column(
                self.tr("This center's key"), self.center_label, self.public_key_button
            ),
            1,
        )
        return frame

    def _key_label(self, name: str) -> QLabel:
        label = QLabel(self.tr("Reading…"))
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label

    def _key_column(self, title: str, label: QLabel, button: QPushButton) -> QVBoxLayout:
        column = QVBoxLayout()
        heading = QLabel(title)
        heading.setProperty("role", "sectionTitle")
        column.addWidget(heading)
        column.addWidget(label, 1)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return column

    # -- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changes(self, _changes: Changes) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        self._stale = False
        self.notices.refresh()
        application = self.context.application
        run_service(
            self,
            self.context,
            partial(
                load_overview, application.database, application.paths.keys, self.context.actor
            ),
            on_success=self._loaded,
            on_failure=self._load_failed,
            failure_title=self.tr("Cannot read the sync status"),
        )

    def is_ready(self) -> bool:
        return self.overview is not None and not self.loading

    def _load_failed(self, _error: BaseException) -> None:
        self.loading = False

    def _loaded(self, overview: object) -> None:
        self.loading = False
        assert isinstance(overview, SyncOverview)
        self.overview = overview
        self._show_keys(overview)
        self._show_packages(overview)
        self._show_receipts(overview)
        self.empty_label.setVisible(not overview.packages and not overview.receipts)
        if self._stale and self.isVisible():
            self.refresh()

    def _show_keys(self, overview: SyncOverview) -> None:
        if overview.district is not None:
            self.district_label.setText(
                self.tr(
                    "Installed: {district}, fingerprint {fingerprint}. Packages are encrypted "
                    "for it and its receipts are checked against it."
                ).format(
                    district=overview.district.name,
                    fingerprint=crypto.grouped_fingerprint(overview.district_fingerprint),
                )
            )
            set_style_role(self.district_label, None)
            self.install_button.setText(self.tr("Replace the district key…"))
        else:
            warning = self.tr(
                "Not installed: packages travel in clear — anyone who finds the USB stick can "
                "read the personal data in them — and receipts cannot be checked. Ask the "
                "district organization department for its key file."
            )
            if overview.district_problem:
                warning = f"{overview.district_problem}\n{warning}"
            self.district_label.setText(warning)
            set_style_role(self.district_label, "warning")
            self.install_button.setText(self.tr("Install the district key…"))
        self.center_label.setText(
            self.tr(
                "Fingerprint {fingerprint}. Give the public key file to the district and read "
                "it the fingerprint by phone, so it knows the file is yours."
            ).format(fingerprint=overview.grouped_fingerprint)
        )

    def _show_packages(self, overview: SyncOverview) -> None:
        table = self.packages_table
        table.setRowCount(len(overview.packages))
        for row, package in enumerate(overview.packages):
            kind = self.tr("full") if package.full else self.tr("incremental")
            if not package.encrypted:
                kind = self.tr("{kind}, not encrypted").format(kind=kind)
            cells = [
                _item(str(package.seq), True),
                _item(local_moment(package.created_at)),
                _item(kind),
                _item(f"{package.rows + package.tombstones:,}", True),
                _item(file_size(package.size), True),
                _item(counter_range(package.counter_from, package.counter_to)),
                _item(status_text(package.acknowledged_at, package.receipt_status)),
                _item(
                    "" if package.acknowledged_at is None else local_moment(package.acknowledged_at)
                ),
                _item(package.file_name),
            ]
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        waiting = overview.waiting
        self.tabs.setTabText(
            0,
            self.tr("Packages sent ({waiting} awaiting confirmation)").format(waiting=waiting)
            if waiting
            else self.tr("Packages sent"),
        )

    def _show_receipts(self, overview: SyncOverview) -> None:
        table = self.receipts_table
        table.setRowCount(len(overview.receipts))
        for row, receipt in enumerate(overview.receipts):
            cells = [
                _item(local_moment(receipt.received_at)),
                _item(receipt.district_name),
                _item(issued_moment(receipt.issued_at)),
                _item(str(receipt.acknowledged), True),
                _item(receipt.file_name),
            ]
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)

    # -- actions ----------------------------------------------------------------------------

    def open_export(self) -> ExportDialog:
        """The export dialog (non-modal to the code, modal to the user); returned for tests."""
        district = None if self.overview is None else self.overview.district
        dialog = ExportDialog(self.context, None if district is None else district.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def import_receipt(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Import a receipt from the district"),
            file_dialogs.last_directory(self.context.ui_state, RECEIPT_PURPOSE),
            self.tr("District receipts (*{suffix})").format(suffix=RECEIPT_SUFFIX),
        )
        if path is None:
            return
        file_dialogs.remember_directory(self.context.ui_state, RECEIPT_PURPOSE, path)
        application = self.context.application
        run_service(
            self,
            self.context,
            partial(
                import_receipt,
                application.database,
                application.paths.keys,
                self.context.actor,
                path,
            ),
            changes=Changes.of(SYNC),
            on_success=self._receipt_imported,
            failure_title=self.tr("Cannot import the receipt"),
        )

    def _receipt_imported(self, outcome: object) -> None:
        assert isinstance(outcome, ReceiptOutcome)
        message_boxes.show_info(self, self.tr("Receipt imported"), self.describe_receipt(outcome))

    def describe_receipt(self, outcome: ReceiptOutcome) -> str:
        """Which packages the receipt confirmed now, which were confirmed before, and which
        it names that were not made here (never confirmed: they travel again)."""

        def numbers(seqs: tuple[int, ...]) -> str:
            return self.tr(", ").join(f"{seq}" for seq in seqs)

        lines = [self.tr("Receipt from {district}.").format(district=outcome.district_name)]
        if outcome.acknowledged:
            lines.append(
                self.tr("Confirmed now: package no. {numbers}.").format(
                    numbers=numbers(outcome.acknowledged)
                )
            )
        else:
            lines.append(self.tr("It confirms no package that was still awaiting confirmation."))
        if outcome.already_acknowledged:
            lines.append(
                self.tr("Confirmed before: package no. {numbers}.").format(
                    numbers=numbers(outcome.already_acknowledged)
                )
            )
        if outcome.unmatched:
            lines.append(
                self.tr(
                    "Not made by this database: package no. {numbers}. They stay unconfirmed; "
                    "their changes travel in the next package."
                ).format(numbers=numbers(outcome.unmatched))
            )
        return "\n".join(lines)

    def install_key(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Install the district's public key"),
            file_dialogs.last_directory(self.context.ui_state, KEY_PURPOSE),
            self.tr("Public key files (*{suffix})").format(suffix=crypto.PUBLIC_KEY_SUFFIX),
        )
        if path is None:
            return
        file_dialogs.remember_directory(self.context.ui_state, KEY_PURPOSE, path)
        installed = None if self.overview is None else self.overview.district
        if installed is not None and not message_boxes.confirm(
            self,
            self.tr("Replace the district key?"),
            self.tr(
                "The key of {district} is installed. Replace it only when the district has "
                "made new keys and told you so."
            ).format(district=installed.name),
            self.tr("Replace"),
        ):
            return
        application = self.context.application
        run_service(
            self,
            self.context,
            partial(
                install_district_key,
                application.database,
                application.paths.keys,
                self.context.actor,
                path,
            ),
            changes=Changes.of(SYNC),
            on_success=self._key_installed,
            failure_title=self.tr("Cannot install the district key"),
        )

    def _key_installed(self, document: object) -> None:
        assert isinstance(document, crypto.PublicKeyFile)
        message_boxes.show_info(
            self,
            self.tr("District key installed"),
            self.tr(
                "The key of {district} is installed, fingerprint {fingerprint}. Compare it with "
                "the one the district gave you; from now on packages are encrypted for it."
            ).format(
                district=document.name,
                fingerprint=crypto.grouped_fingerprint(document.signing_fingerprint),
            ),
        )

    def export_public_key(self) -> None:
        folder = choose_folder(
            self,
            self.tr("Save this center's public key in"),
            file_dialogs.last_directory(self.context.ui_state, KEY_PURPOSE),
        )
        if folder is None:
            return
        application = self.context.application
        run_service(
            self,
            self.context,
            partial(
                export_center_public_key,
                application.database,
                application.paths.keys,
                self.context.actor,
                folder,
            ),
            on_success=self._public_key_saved,
            failure_title=self.tr("Cannot save the public key"),
        )

    def _public_key_saved(self, path: object) -> None:
        assert isinstance(path, Path)
        file_dialogs.remember_directory(self.context.ui_state, KEY_PURPOSE, path)
        fingerprint = "" if self.overview is None else self.overview.grouped_fingerprint
        message_boxes.show_info(
            self,
            self.tr("Public key saved"),
            self.tr(
                "Saved as {path}. Hand it to the district with the fingerprint {fingerprint}."
            ).format(path=path, fingerprint=fingerprint),
        )
