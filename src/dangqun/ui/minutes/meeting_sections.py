"""议程与发言 and 决议: two tabs of the meeting editor (issue 15, DOMAIN.md §4).

Both are a list on the left and the chosen item on the right, kept as plain values (the form a
draft saves) and sent whole to ``set_agenda`` / ``set_resolutions`` on save.

决议 shows the quorum engine's verdict while the clerk types (:func:`dangqun.minutes.quorum.judge`
with the voting figures of the 出席 tab as they stand): the rule applied (支部工作条例 art. 11 /
12, 选举工作条例 art. 16) and the figures against it. A resolution the engine says failed and
typed as 通过 is flagged here and refused by the service, whose Chinese message is shown under
the list. Meeting types that do not vote (``quorum.voting_rule_applies``) record conclusions only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.core.errors import ValidationError
from dangqun.minutes import quorum
from dangqun.minutes.service import (
    AgendaEntry,
    AgendaItemView,
    AttendanceView,
    ResolutionEntry,
    ResolutionView,
    SpeechEntry,
    figures_of,
)
from dangqun.minutes.vocabulary import (
    DECISION_KIND_LABELS,
    VOTE_LABELS,
    AttendanceStatus,
    DecisionKind,
    MeetingType,
    Vote,
)
from dangqun.ui.minutes.attendance_table import CODE, ChoiceDelegate, cell

LIST_TEXT_LENGTH = 24


def _short(number: int, text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    if len(first) > LIST_TEXT_LENGTH:
        first = first[:LIST_TEXT_LENGTH] + "…"
    return f"{number}. {first}"


class ListAndDetail(QWidget):
    """A list of items with add / remove buttons beside a form for the chosen one."""

    edited = Signal()

    def __init__(self, add_text: str, remove_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[dict[str, Any]] = []
        self._loading = False
        layout = QVBoxLayout(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._chosen)
        column.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(remove_text)
        self.remove_button.clicked.connect(self.remove_item)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        column.addLayout(buttons)
        self.splitter.addWidget(left)
        self.detail = QWidget()
        scroller = QScrollArea()  # a vote's form is taller than the tab at 1024×768
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.detail)
        self.splitter.addWidget(scroller)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)
        self.error_label = QLabel()
        layout.addWidget(self.error_label)
        self.editable = True

    def new_item(self) -> dict[str, Any]:
        raise NotImplementedError

    def item_text(self, item: dict[str, Any]) -> str:
        raise NotImplementedError

    def show_item(self, item: dict[str, Any] | None) -> None:
        raise NotImplementedError

    def current(self) -> dict[str, Any] | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def set_items(self, items: list[dict[str, Any]]) -> None:
        self.items = [dict(item) for item in items]
        self._loading = True
        self.list.clear()
        for number, item in enumerate(self.items, start=1):
            self.list.addItem(_short(number, self.item_text(item)))
        self._loading = False
        self.list.setCurrentRow(0 if self.items else -1)
        self._chosen(self.list.currentRow())

    def _chosen(self, row: int) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            self.show_item(self.current())
        finally:
            self._loading = False
        self.detail.setEnabled(self.current() is not None)
        self.remove_button.setEnabled(self.editable and self.current() is not None)

    def add_item(self) -> None:
        self.items.append(self.new_item())
        self.list.addItem(_short(len(self.items), ""))
        self.list.setCurrentRow(len(self.items) - 1)
        self.edited.emit()

    def remove_item(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self.set_items(self.items)
            self.edited.emit()

    def changed(self) -> None:
        """An input of the chosen item changed: refresh its line in the list, tell the editor."""
        if self._loading:
            return
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            self.list.item(row).setText(_short(row + 1, self.item_text(self.items[row])))
            self.edited.emit()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.add_button.setVisible(editable)
        self.remove_button.setVisible(editable)
        for child in self.detail.findChildren(QWidget):
            if isinstance(child, QLineEdit | QPlainTextEdit):
                child.setReadOnly(not editable)
            elif isinstance(child, QComboBox | QSpinBox | QCheckBox | QPushButton):
                child.setEnabled(editable)
            elif isinstance(child, QTableWidget):
                child.setEditTriggers(
                    QAbstractItemView.EditTrigger.AllEditTriggers
                    if editable
                    else QAbstractItemView.EditTrigger.NoEditTriggers
                )


class AgendaEditor(ListAndDetail):
    """议程与发言: items in order, each with its content and the main points of each speech."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.add_button.setText(self.tr("Add item"))
        self.remove_button.setText(self.tr("Remove item"))
        self.add_button.setObjectName("addAgendaButton")
        self.list.setObjectName("agendaList")
        form = QFormLayout(self.detail)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("agendaTitle")
        self.title_edit.textEdited.connect(self._typed)
        form.addRow(self.tr("Item"), self.title_edit)
        self.content_edit = QPlainTextEdit()
        self.content_edit.setObjectName("agendaContent")
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.textChanged.connect(self._typed)
        form.addRow(self.tr("Content"), self.content_edit)
        self.speeches = QTableWidget(0, 2)
        self.speeches.setObjectName("speechTable")
        self.speeches.setHorizontalHeaderLabels([self.tr("Speaker"), self.tr("Main points")])
        self.speeches.verticalHeader().setVisible(False)
        self.speeches.horizontalHeader().setStretchLastSection(True)
        self.speeches.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.speeches.itemChanged.connect(lambda _item: self._typed())
        form.addRow(self.tr("Speeches"), self.speeches)
        row = QHBoxLayout()
        self.add_speech_button = QPushButton(self.tr("Add speech"))
        self.add_speech_button.setObjectName("addSpeechButton")
        self.add_speech_button.clicked.connect(self.add_speech)
        self.remove_speech_button = QPushButton(self.tr("Remove speech"))
        self.remove_speech_button.clicked.connect(self.remove_speech)
        row.addWidget(self.add_speech_button)
        row.addWidget(self.remove_speech_button)
        row.addStretch(1)
        form.addRow("", row)

    def new_item(self) -> dict[str, Any]:
        return {"title": "", "content": "", "speeches": []}

    def item_text(self, item: dict[str, Any]) -> str:
        return str(item["title"])

    def show_item(self, item: dict[str, Any] | None) -> None:
        item = item or self.new_item()
        self.title_edit.setText(item["title"])
        self.content_edit.setPlainText(item["content"] or "")
        self.speeches.setRowCount(0)
        for speech in item["speeches"]:
            self._append_speech(speech["speaker_name"], speech["points"])

    def _append_speech(self, speaker: str, points: str) -> None:
        row = self.speeches.rowCount()
        self.speeches.insertRow(row)
        self.speeches.setItem(row, 0, QTableWidgetItem(speaker))
        self.speeches.setItem(row, 1, QTableWidgetItem(points))

    def add_speech(self) -> None:
        self._append_speech("", "")
        self.speeches.setCurrentCell(self.speeches.rowCount() - 1, 0)
        self._typed()

    def remove_speech(self) -> None:
        row = self.speeches.currentRow()
        if row >= 0:
            self.speeches.removeRow(row)
            self._typed()

    def _typed(self) -> None:
        item = self.current()
        if self._loading or item is None:
            return
        item["title"] = self.title_edit.text()
        item["content"] = self.content_edit.toPlainText()
        item["speeches"] = [
            {
                "speaker_name": self._cell(row, 0),
                "points": self._cell(row, 1),
            }
            for row in range(self.speeches.rowCount())
        ]
        self.changed()

    def _cell(self, row: int, column: int) -> str:
        item = self.speeches.item(row, column)
        return "" if item is None else item.text()

    def entries(self) -> list[AgendaEntry]:
        return [
            AgendaEntry(
                title=item["title"],
                content=item["content"] or None,
                speeches=tuple(
                    SpeechEntry(speech["speaker_name"], speech["points"])
                    for speech in item["speeches"]
                ),
            )
            for item in self.items
        ]

    def show_views(self, views: tuple[AgendaItemView, ...]) -> None:
        self.set_items([agenda_item_of(view) for view in views])


def agenda_item_of(view: AgendaItemView) -> dict[str, Any]:
    return {
        "title": view.title,
        "content": view.content or "",
        "speeches": [
            {"speaker_name": speech.speaker_name, "points": speech.points}
            for speech in view.speeches
        ],
    }


RECORDED_AUTO, RECORDED_PASSED, RECORDED_FAILED = "auto", "passed", "failed"


class ResolutionEditor(ListAndDetail):
    """决议: text, 决议 or 选举, tallies or per-person votes, and the verdict as typed."""

    def __init__(
        self,
        meeting_type: Callable[[], MeetingType],
        attendance: Callable[[], list[AttendanceView]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", "", parent)
        self.meeting_type = meeting_type
        self.attendance = attendance
        self.add_button.setText(self.tr("Add resolution"))
        self.remove_button.setText(self.tr("Remove resolution"))
        self.add_button.setObjectName("addResolutionButton")
        self.list.setObjectName("resolutionList")
        form = QFormLayout(self.detail)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("resolutionText")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.textChanged.connect(self._typed)
        # Four lines hold a resolution; the tallies and the verdict below stay in view.
        self.text_edit.setFixedHeight(self.text_edit.fontMetrics().lineSpacing() * 4 + 14)
        form.addRow(self.tr("Resolution"), self.text_edit)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("decisionKind")
        for kind, label in DECISION_KIND_LABELS.items():
            self.kind_combo.addItem(label, kind.value)
        self.kind_combo.currentIndexChanged.connect(self._typed)
        self.admission_check = QCheckBox(self.tr("Admits or confirms a member"))
        self.admission_check.setObjectName("onAdmission")
        self.admission_check.toggled.connect(self._typed)
        self.kind_row = QWidget()
        kind_row = QHBoxLayout(self.kind_row)
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addWidget(self.kind_combo)
        kind_row.addWidget(self.admission_check)
        kind_row.addStretch(1)
        form.addRow(self.tr("Kind"), self.kind_row)
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("voteMode")
        self.mode_combo.addItem(self.tr("Tallies"), "tally")
        self.mode_combo.addItem(self.tr("Vote of each person"), "persons")
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        form.addRow(self.tr("Counted as"), self.mode_combo)
        self.yes_spin, self.no_spin, self.abstain_spin = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, caption, name in (
            (self.yes_spin, self.tr("Yes"), "yesCount"),
            (self.no_spin, self.tr("No"), "noCount"),
            (self.abstain_spin, self.tr("Abstain"), "abstainCount"),
        ):
            spin.setObjectName(name)
            spin.setRange(0, 9999)
            spin.valueChanged.connect(self._typed)
            form.addRow(caption, spin)
        self.votes_table = QTableWidget(0, 2)
        self.votes_table.setObjectName("personalVotes")
        self.votes_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Vote")])
        self.votes_table.verticalHeader().setVisible(False)
        self.votes_table.horizontalHeader().setStretchLastSection(True)
        self.votes_table.setItemDelegateForColumn(
            1,
            ChoiceDelegate(
                [("", ""), *((vote.value, label) for vote, label in VOTE_LABELS.items())],
                self.votes_table,
            ),
        )
        self.votes_table.itemChanged.connect(lambda _item: self._typed())
        form.addRow("", self.votes_table)
        self.recorded_combo = QComboBox()
        self.recorded_combo.setObjectName("recordedAs")
        self.recorded_combo.addItem(self.tr("As counted"), RECORDED_AUTO)
        self.recorded_combo.addItem(self.tr("Passed"), RECORDED_PASSED)
        self.recorded_combo.addItem(self.tr("Not passed"), RECORDED_FAILED)
        self.recorded_combo.currentIndexChanged.connect(self._typed)
        form.addRow(self.tr("Minutes say"), self.recorded_combo)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdictLabel")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Rule"), self.verdict_label)
        self.form = form

    def new_item(self) -> dict[str, Any]:
        return {
            "text": "",
            "decision_kind": DecisionKind.RESOLUTION.value,
            "on_admission": False,
            "mode": "tally",
            "yes": 0,
            "no": 0,
            "abstain": 0,
            "votes": {},
            "recorded": RECORDED_AUTO,
        }

    def item_text(self, item: dict[str, Any]) -> str:
        return str(item["text"])

    def voting(self) -> bool:
        return quorum.voting_rule_applies(self.meeting_type())

    def show_item(self, item: dict[str, Any] | None) -> None:
        item = item or self.new_item()
        self.text_edit.setPlainText(item["text"])
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(item["decision_kind"]), 0))
        self.admission_check.setChecked(bool(item["on_admission"]))
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(item["mode"]), 0))
        self.yes_spin.setValue(int(item["yes"] or 0))
        self.no_spin.setValue(int(item["no"] or 0))
        self.abstain_spin.setValue(int(item["abstain"] or 0))
        self.recorded_combo.setCurrentIndex(max(self.recorded_combo.findData(item["recorded"]), 0))
        self._show_voters(item)
        self._arrange()
        self.show_verdict()

    def _voters(self) -> list[AttendanceView]:
        return [
            line
            for line in self.attendance()
            if line.voting and not line.observer and line.status == AttendanceStatus.PRESENT.value
        ]

    def _show_voters(self, item: dict[str, Any]) -> None:
        votes = {int(member): vote for member, vote in item["votes"].items()}
        self.votes_table.setRowCount(0)
        for line in self._voters():
            row = self.votes_table.rowCount()
            self.votes_table.insertRow(row)
            name = QTableWidgetItem(line.name)
            name.setData(CODE, line.member_id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            code = votes.get(line.member_id, "")
            vote = QTableWidgetItem(VOTE_LABELS[Vote(code)] if code else "")
            vote.setData(CODE, code)
            self.votes_table.setItem(row, 0, name)
            self.votes_table.setItem(row, 1, vote)

    def _arrange(self) -> None:
        voting = self.voting()
        persons = self.mode_combo.currentData() == "persons"
        for widget, shown in (
            (self.kind_row, voting),
            (self.mode_combo, voting),
            (self.yes_spin, voting and not persons),
            (self.no_spin, voting and not persons),
            (self.abstain_spin, voting and not persons),
            (self.votes_table, voting and persons),
            (self.recorded_combo, voting),
        ):
            self.form.setRowVisible(widget, shown)
        self.form.setRowVisible(self.verdict_label, True)

    def _mode_changed(self) -> None:
        if self._loading:
            return
        self._arrange()
        self._typed()

    def _typed(self) -> None:
        item = self.current()
        if self._loading or item is None:
            return
        item.update(
            text=self.text_edit.toPlainText(),
            decision_kind=self.kind_combo.currentData(),
            on_admission=self.admission_check.isChecked(),
            mode=self.mode_combo.currentData(),
            yes=self.yes_spin.value(),
            no=self.no_spin.value(),
            abstain=self.abstain_spin.value(),
            recorded=self.recorded_combo.currentData(),
        )
        votes = {}
        for row in range(self.votes_table.rowCount()):
            code = cell(self.votes_table, row, 1).data(CODE)
            if code:
                votes[str(cell(self.votes_table, row, 0).data(CODE))] = code
        item["votes"] = votes
        self.show_verdict()
        self.changed()

    def refresh(self) -> None:
        """The 出席 tab or the meeting type may have changed: show the voters and the verdict
        again (typed votes of people still present are kept)."""
        self._loading = True
        try:
            self.show_item(self.current())
        finally:
            self._loading = False

    def show_verdict(self) -> None:
        """The engine's verdict on the figures as they stand, or why there is none."""
        item = self.current()
        meeting_type = self.meeting_type()
        if item is None:
            self.verdict_label.setText("")
            return
        if not quorum.voting_rule_applies(meeting_type):
            self.verdict_label.setText(
                self.tr("This kind of meeting does not vote: record the conclusion only.")
            )
            return
        figures = figures_of(self.attendance())
        yes, no, abstain = self._counts(item)
        try:
            verdict = quorum.judge(
                meeting_type,
                DecisionKind(item["decision_kind"]),
                quorum.VoteCount(
                    figures.voting_should_attend, figures.voting_present, yes, no, abstain
                ),
            )
        except ValidationError as refusal:
            self.verdict_label.setText("\n".join(error.message for error in refusal.errors))
            return
        outcome = self.tr("Result: passed") if verdict.passed else self.tr("Result: not passed")
        # The article is named; its full wording is the tooltip (at 1024×768 the whole text
        # made the tab taller than the dialog).
        citation = verdict.rule.split("：", 1)[0]
        text = f"{citation}\n{verdict.explanation}\n{outcome}"
        self.verdict_label.setToolTip(verdict.rule)
        if item["recorded"] == RECORDED_PASSED and not verdict.passed:
            text += "\n" + self.tr("It did not pass, so it cannot be recorded as passed.")
        self.verdict_label.setText(text)

    @staticmethod
    def _counts(item: dict[str, Any]) -> tuple[int, int, int]:
        if item["mode"] == "persons":
            votes = list(item["votes"].values())
            return (
                votes.count(Vote.YES.value),
                votes.count(Vote.NO.value),
                votes.count(Vote.ABSTAIN.value),
            )
        return int(item["yes"] or 0), int(item["no"] or 0), int(item["abstain"] or 0)

    def entries(self) -> list[ResolutionEntry]:
        voting = self.voting()
        found = []
        for item in self.items:
            recorded = {RECORDED_PASSED: True, RECORDED_FAILED: False}.get(item["recorded"])
            if not voting:
                found.append(ResolutionEntry(text=item["text"]))
            elif item["mode"] == "persons":
                found.append(
                    ResolutionEntry(
                        text=item["text"],
                        decision_kind=DecisionKind(item["decision_kind"]),
                        votes=tuple(
                            (int(member), Vote(vote)) for member, vote in item["votes"].items()
                        ),
                        on_admission=bool(item["on_admission"]),
                        recorded_as_passed=recorded,
                    )
                )
            else:
                found.append(
                    ResolutionEntry(
                        text=item["text"],
                        decision_kind=DecisionKind(item["decision_kind"]),
                        yes=int(item["yes"] or 0),
                        no=int(item["no"] or 0),
                        abstain=int(item["abstain"] or 0),
                        on_admission=bool(item["on_admission"]),
                        recorded_as_passed=recorded,
                    )
                )
        return found

    def show_views(self, views: tuple[ResolutionView, ...]) -> None:
        self.set_items([resolution_item_of(view) for view in views])


def resolution_item_of(view: ResolutionView) -> dict[str, Any]:
    return {
        "text": view.text,
        "decision_kind": view.decision_kind,
        "on_admission": view.on_admission,
        "mode": "persons" if view.votes else "tally",
        "yes": view.yes or 0,
        "no": view.no or 0,
        "abstain": view.abstain or 0,
        "votes": {str(member): vote for member, vote in view.votes},
        "recorded": RECORDED_AUTO,
    }
