"""添加列席党员: pick a member who attended without being on the list of the meeting date.

Issue 15 ("an attendee who is not on the roster of that date is refused or marked as observer",
DOMAIN §4 列席): a member of another branch, a member of the community committee, someone who
joined or left around the date — the clerk finds them with the member search every member picker
uses (:func:`dangqun.ui.timebank.volunteer_dialog.find_members`: name, pinyin, number; personal
data masked by role) and the 出席 tab adds them as 列席, never counted in 应到 or 实到. People
who are not members stay in the header's free-text 列席人员. Members already on the list are not
offered (the service would refuse a second line).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.ui.context import UiContext
from dangqun.ui.operations import run_service
from dangqun.ui.timebank.volunteer_dialog import find_members
from dangqun.ui.widgets.window_fit import fit_to_layout

SEARCH_DELAY_MS = 250
"""Search once typing pauses, not at every keystroke."""


class ObserverDialog(QDialog):
    """Find one member; :attr:`chosen` is ``(member_id, name)`` once accepted."""

    def __init__(self, context: UiContext, listed: set[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.listed = listed
        self.chosen: tuple[int, str] | None = None
        self._generation = 0
        self.setObjectName("observerDialog")
        self.setWindowTitle(self.tr("Add a member as observer"))
        self.setMinimumWidth(440)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "A member who attended but is not on this organization's list of the meeting "
                "date is recorded as observer: not counted in should attend or present. Guests "
                "who are not members go in the Observers field of the Meeting tab."
            )
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("observerSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Find the member: name or pinyin (e.g. zsf)"))
        self.search_edit.textChanged.connect(lambda _text: self.search_timer.start())
        layout.addWidget(self.search_edit)
        self.results = QListWidget()
        self.results.setObjectName("observerResults")
        self.results.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.results.currentItemChanged.connect(self._chosen_changed)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.results)
        self.status_label = QLabel()
        self.status_label.setObjectName("observerStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add as observer"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def search(self) -> None:
        """Look the typed text up on a worker; only the latest search's answer is shown."""
        self.search_timer.stop()
        self._generation += 1
        text = self.search_edit.text().strip()
        if not text:
            self.results.clear()
            self.status_label.setText("")
            return
        run_service(
            self,
            self.context,
            partial(find_members, self.context, text),
            on_success=partial(self._found, self._generation),
            failure_title=self.windowTitle(),
        )

    def is_searching(self) -> bool:
        return self.search_timer.isActive()

    def _found(self, generation: int, members: object) -> None:
        if generation != self._generation or not isinstance(members, list):
            return
        self.results.clear()
        skipped = 0
        for member in members:
            if member.id in self.listed:
                skipped += 1
                continue
            item = QListWidgetItem(f"{member.name}  {member.organization_name}")
            item.setData(Qt.ItemDataRole.UserRole, (member.id, member.name))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.status_label.setText("")
        elif skipped:
            self.status_label.setText(self.tr("The members found are already on the list."))
        else:
            self.status_label.setText(self.tr("No member matches."))
        self.ok_button.setEnabled(self.results.currentItem() is not None)

    def _chosen_changed(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.ok_button.setEnabled(item is not None)

    def accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        member_id, name = item.data(Qt.ItemDataRole.UserRole)
        self.chosen = (int(member_id), str(name))
        super().accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_layout(self)
