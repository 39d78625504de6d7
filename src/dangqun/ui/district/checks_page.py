"""核查: the district's cross-center checks (issue 17, DOMAIN.md §5).

Two tabs. **重复登记**: every 身份号码 在册 at more than one center
(:func:`dangqun.district.checks.list_duplicates`, masked unless the role may see personal data),
the selected person's records side by side, and the clerk's decision — which record is the
current one, or both legitimate (a 流动党员 kept by both centers) — with a required note,
recorded by :func:`~dangqun.district.checks.decide` (编辑记录; never a merge: the centers
correct their own records). **逾期未报**: the centers whose last package is older than the
district's setting, and the setting itself, which a 管理员 (管理设置) may change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.clock import format_local
from dangqun.core.security import Permission
from dangqun.ui.district.pages import DistrictPage, item_of, table_of
from dangqun.ui.district.window import DistrictContext
from dangqun.ui.icons import icon
from dangqun.ui.operations import run_service
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.window_fit import fit_to_layout

if TYPE_CHECKING:
    from dangqun.district.checks import DuplicateGroup, DuplicateRecord, OverdueCenter
    from dangqun.district.database import DistrictDatabase


@dataclass(frozen=True)
class ChecksView:
    """Everything the page shows, read in one call on the worker."""

    groups: list[DuplicateGroup]
    overdue: list[OverdueCenter]
    limit: int


def checks_view(db: DistrictDatabase, full_personal_data: bool) -> ChecksView:
    from dangqun.district import checks

    return ChecksView(
        checks.list_duplicates(db, full_personal_data=full_personal_data),
        checks.overdue_centers(db),
        checks.overdue_days(db),
    )


class DistrictChecksPage(DistrictPage):
    """核查 (module docstring)."""

    def __init__(self, context: DistrictContext) -> None:
        super().__init__(context)
        self.full = context.can(Permission.SEE_PERSONAL_DATA)
        self.may_decide = context.can(Permission.EDIT_RECORDS)
        self.may_set = context.can(Permission.MANAGE_SETTINGS)
        tagline = self.tr(
            "The same ID number registered at two centers: compare the records and record a "
            "decision; nothing is merged, the centers correct their own records. And the "
            "centers whose packages are overdue."
        )
        if not self.full:
            tagline += self.tr(" ID numbers are masked for your role.")
        self.set_heading(self.tr("Checks"), tagline)
        self.view: ChecksView | None = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_duplicates(), icon("members"), self.tr("Duplicates"))
        self.tabs.addTab(self._build_overdue(), icon("clock"), self.tr("Overdue"))
        self.layout_.addWidget(self.tabs, 1)
        self.refresh()

    def _build_duplicates(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        self.duplicates_summary = QLabel()
        self.duplicates_summary.setWordWrap(True)
        refresh = QPushButton(icon("refresh"), self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        self.decide_button = QPushButton(icon("verified", "#FFFFFF", None), self.tr("Decide…"))
        self.decide_button.setProperty("role", "primary")
        self.decide_button.clicked.connect(self.open_decision)
        self.decide_button.setVisible(self.may_decide)
        self.decide_button.setEnabled(False)
        row.addWidget(self.duplicates_summary, 1)
        row.addWidget(refresh)
        row.addWidget(self.decide_button)
        layout.addLayout(row)
        self.groups_table = table_of(
            (
                self.tr("Check no."),
                self.tr("Name"),
                self.tr("ID number"),
                self.tr("Centers"),
                self.tr("State"),
            )
        )
        self.groups_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.groups_table.itemSelectionChanged.connect(self._show_selected)
        # The decision is the comparison's last row (spanning the records' columns): inside the
        # table it scrolls with it instead of taking height a 768-pixel screen does not have.
        self.compare_table = table_of((self.tr("Field"),))
        self.compare_table.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.groups_table)
        splitter.addWidget(self.compare_table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        return holder

    def _build_overdue(self) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 8, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Overdue after (days)")))
        self.days = QSpinBox()
        self.days.setRange(1, 366)
        self.days.setEnabled(self.may_set)
        row.addWidget(self.days)
        self.save_days = QPushButton(icon("save"), self.tr("Save"))
        self.save_days.clicked.connect(self.save_overdue_days)
        self.save_days.setVisible(self.may_set)
        row.addWidget(self.save_days)
        row.addStretch(1)
        layout.addLayout(row)
        self.days_errors_label = QLabel()
        self.days_errors = FieldErrors({"overdue_days": self.days_errors_label})
        layout.addWidget(self.days_errors_label)
        self.overdue_summary = QLabel()
        self.overdue_summary.setWordWrap(True)
        layout.addWidget(self.overdue_summary)
        self.overdue_table = table_of(
            (self.tr("Center"), self.tr("Last package made"), self.tr("Days"))
        )
        layout.addWidget(self.overdue_table, 1)
        return holder

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        run_service(
            self,
            self.context,
            partial(checks_view, self.context.db, self.full),
            on_success=self.show_view,
            failure_title=self.tr("Cannot read the checks"),
        )

    def show_view(self, view: ChecksView) -> None:
        selected = self.selected_group()
        self.view = view
        open_count = sum(group.open for group in view.groups)
        self.duplicates_summary.setText(
            self.tr("{count} people registered at more than one center; {open} to decide.").format(
                count=len(view.groups), open=open_count
            )
            if view.groups
            else self.tr("No ID number is registered at two centers.")
        )
        self.tabs.setTabText(0, self.tr("Duplicates ({open} to decide)").format(open=open_count))
        self.groups_table.setRowCount(len(view.groups))
        for row, group in enumerate(view.groups):
            first = group.records[0]
            values = (
                group.check_number,
                first.name,
                first.id_number,
                self.tr(", ").join(record.center_name for record in group.records),
                self.tr("To decide") if group.open else self.tr("Decided"),
            )
            for column, value in enumerate(values):
                self.groups_table.setItem(row, column, item_of(value))
        self._show_overdue(view)
        again = next(
            (
                row
                for row, group in enumerate(view.groups)
                if selected and group.key == selected.key
            ),
            0 if view.groups else None,
        )
        if again is not None:
            self.groups_table.selectRow(again)
        self._show_selected()  # the same row selected again signals no change: show the new data

    def _show_overdue(self, view: ChecksView) -> None:
        self.days.setValue(view.limit)
        self.tabs.setTabText(1, self.tr("Overdue ({count})").format(count=len(view.overdue)))
        self.overdue_summary.setText(
            self.tr(
                "{count} centers have made no package for more than {days} days: ask them for "
                "this month's package."
            ).format(count=len(view.overdue), days=view.limit)
            if view.overdue
            else self.tr("Every center sent a package within {days} days.").format(days=view.limit)
        )
        self.overdue_table.setRowCount(len(view.overdue))
        for row, center in enumerate(view.overdue):
            values = (
                center.name,
                format_local(center.last_package_at)
                if center.last_package_at
                else self.tr("None received"),
                center.days,
            )
            for column, value in enumerate(values):
                self.overdue_table.setItem(row, column, item_of(value, align_right=column == 2))

    def selected_group(self) -> DuplicateGroup | None:
        rows = self.groups_table.selectionModel().selectedRows()
        if self.view is None or not rows or rows[0].row() >= len(self.view.groups):
            return None
        return self.view.groups[rows[0].row()]

    def _show_selected(self) -> None:
        group = self.selected_group()
        self.decide_button.setEnabled(group is not None)
        if group is None:
            self.compare_table.setColumnCount(1)
            self.compare_table.setRowCount(0)
            return
        fields = self.record_fields()
        table = self.compare_table
        table.setColumnCount(1 + len(group.records))
        header = table.horizontalHeader()  # the records share the width: none is cut
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.setHorizontalHeaderLabels(
            [self.tr("Field"), *(record.center_name for record in group.records)]
        )
        table.clearSpans()
        table.setRowCount(len(fields) + 1)
        for row, (label, read) in enumerate(fields):
            table.setItem(row, 0, item_of(label))
            values = [read(record) for record in group.records]
            for column, value in enumerate(values, 1):
                item = item_of(value)
                if len(set(values)) > 1:
                    font = item.font()
                    font.setBold(True)  # where the records differ, the eye goes first
                    item.setFont(font)
                table.setItem(row, column, item)
        if group.decision is None:
            decision = self.tr("No decision yet.")
        else:
            decision = self.decision_line(group)
        last = len(fields)
        table.setItem(last, 0, item_of(self.tr("Decision")))
        table.setItem(last, 1, item_of(decision))
        table.setSpan(last, 1, 1, len(group.records))
        table.resizeRowToContents(last)

    def decision_line(self, group: DuplicateGroup) -> str:
        """The decision in words, naming the chosen record by its center, not its uuid."""
        from dangqun.district.checks import BOTH

        decision = group.decision
        assert decision is not None
        chosen = next(
            (r.center_name for r in group.records if r.record_uuid == decision.current_uuid),
            self.tr("a record no longer listed"),
        )
        line = self.tr("{resolution}. Note: {note} ({who}, {when})").format(
            resolution=self.tr("Both are legitimate")
            if decision.resolution == BOTH
            else self.tr("The record at {center} is the current one").format(center=chosen),
            note=decision.note,
            who=decision.decided_by,
            when=format_local(decision.decided_at),
        )
        if group.open:
            return self.tr("Decided before, but the records have changed since: {line}").format(
                line=line
            )
        return line

    def decision_text(self) -> str:
        """The comparison's last row: the decision on the selected person (tests, readers)."""
        table = self.compare_table
        cell = table.item(table.rowCount() - 1, 1) if table.rowCount() else None
        return "" if cell is None else cell.text()

    def record_fields(self) -> list[tuple[str, Callable[[DuplicateRecord], str]]]:
        """The rows of the side-by-side comparison: a label and how to read it."""
        return [
            (self.tr("Name"), lambda r: r.name),
            (self.tr("ID number"), lambda r: r.id_number),
            (self.tr("Birth date"), lambda r: r.birth_date),
            (self.tr("Kind"), lambda r: r.kind),
            (self.tr("Party organization"), lambda r: r.organization),
            (self.tr("Joined the Party"), lambda r: r.joined_on),
            (self.tr("Registered here"), lambda r: r.registered_on),
            (self.tr("Came from"), lambda r: r.origin_organization),
            (
                self.tr("Last changed"),
                lambda r: format_local(r.updated_at) if r.updated_at else "",
            ),
            (self.tr("In package no."), lambda r: str(r.package_seq)),
            (self.tr("Record"), lambda r: r.record_uuid),
        ]

    # -- actions ----------------------------------------------------------------------------

    def open_decision(self) -> DistrictDecisionDialog | None:
        """The decision dialog for the selected person (returned for tests)."""
        group = self.selected_group()
        if group is None or not self.may_decide:
            return None
        dialog = DistrictDecisionDialog(self.context, group, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.decided.connect(self.refresh)
        dialog.show()
        return dialog

    def save_overdue_days(self) -> None:
        from dangqun.district import checks

        self.days_errors.clear()
        run_service(
            self,
            self.context,
            partial(
                checks.set_overdue_days, self.context.db, self.context.actor, self.days.value()
            ),
            on_success=lambda _days: self.refresh(),
            field_errors=self.days_errors,
            failure_title=self.tr("Cannot save the setting"),
        )


class DistrictDecisionDialog(QDialog):
    """Which record is current, or both legitimate, and why (the note is required)."""

    decided = Signal()

    def __init__(self, context: DistrictContext, group: DuplicateGroup, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.group = group
        self.setWindowTitle(self.tr("Decide on a duplicate registration"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{name} (check no. {number}) is registered at: {centers}. Choose which record "
                "is the current one, or that both are legitimate (a floating member kept by "
                "both centers), and say why. The centers correct their own records."
            ).format(
                name=group.records[0].name,
                number=group.check_number,
                centers=self.tr(", ").join(record.center_name for record in group.records),
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices = QButtonGroup(self)
        self.record_buttons: list[tuple[QRadioButton, DuplicateRecord]] = []
        for record in group.records:
            button = QRadioButton(
                self.tr("The record at {center} is the current one").format(
                    center=record.center_name
                )
            )
            self.choices.addButton(button)
            self.record_buttons.append((button, record))
            layout.addWidget(button)
        self.both_button = QRadioButton(self.tr("Both are legitimate"))
        self.choices.addButton(self.both_button)
        layout.addWidget(self.both_button)
        self.resolution_error = QLabel()
        layout.addWidget(self.resolution_error)
        layout.addWidget(QLabel(self.tr("Note (required)")))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("Why: e.g. the transfer to the other center was confirmed by phone")
        )
        self.note.setMinimumHeight(80)
        layout.addWidget(self.note, 1)
        self.note_error = QLabel()
        layout.addWidget(self.note_error)
        self.general_error = QLabel()
        layout.addWidget(self.general_error)
        self.errors = FieldErrors(
            {"resolution": self.resolution_error, "current": self.resolution_error,
             "note": self.note_error},
            self.general_error,
            {"note": self.note},
        )  # fmt: skip
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Save waits for a choice: the service would refuse none, in command-line words.
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.choices.buttonToggled.connect(lambda *_: self.save_button.setEnabled(True))
        layout.addWidget(self.buttons)
        hint = self.sizeHint()
        self.resize(max(560, hint.width()), hint.height())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)

    def save(self) -> None:
        from dangqun.district import checks

        current = next(
            (record.record_uuid for button, record in self.record_buttons if button.isChecked()),
            None,
        )
        self.errors.clear()
        self.save_button.setEnabled(False)
        run_service(
            self,
            self.context,
            partial(
                checks.decide,
                self.context.db,
                self.context.actor,
                self.group.check_number,
                current=current,
                both=self.both_button.isChecked(),
                note=self.note.toPlainText(),
            ),
            on_success=self._saved,
            on_failure=self._refused,
            field_errors=self.errors,
            failure_title=self.tr("Cannot record the decision"),
        )

    def _refused(self, _error: BaseException) -> None:
        self.save_button.setEnabled(True)
        fit_to_layout(self)  # the reasons under the fields need room

    def _saved(self, _group: object) -> None:
        self.decided.emit()
        self.accept()
