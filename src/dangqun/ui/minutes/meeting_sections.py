"""议程与发言 and 决议: two tabs of the meeting editor (issue 15, DOMAIN.md §4).

Both are a list on the left and the chosen item on the right, kept as plain values (the form a
draft saves) and sent whole to ``set_agenda`` / ``set_resolutions`` on save.

决议 shows the quorum engine's verdict while the clerk types (:func:`dangqun.minutes.quorum.judge`
with the voting figures of the 出席 tab as they stand): the rule applied (支部工作条例 art. 11 /
12, 选举工作条例 art. 16) and the figures against it. A resolution the engine says failed and
typed as 通过 is flagged here and refused by the service, whose Chinese message is shown under
the list. Meeting types that do not vote (``quorum.voting_rule_applies``) record conclusions only.

书面意见 (written opinions, 《中国共产党发展党员工作细则》: "因故不能到会的有表决权的正式党员，在
会前提出的书面意见应当统计在票数内"): in a vote that admits or confirms a member, the clerk adds
the opinions handed in before the meeting — the member is chosen among those the service allows
(:func:`dangqun.minutes.service.written_opinion_candidates`: voting members 缺席 or 请假 on the
出席 tab as it stands, one opinion each), with 赞成/反对/弃权 and the date it was handed in (on or
before the meeting date). The verdict line is the service's own
(:func:`dangqun.minutes.service.judge_resolution`: "计入书面意见 N 份后：…"). An opinion whose
member the 出席 tab no longer allows (marked present since) is marked red at once, and the
service's refusal is shown beside the opinions. Signed records list them only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
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

from dangqun.core.errors import FieldError, ValidationError
from dangqun.minutes import quorum
from dangqun.minutes.service import (
    AgendaEntry,
    AgendaItemView,
    AttendanceView,
    OpinionEntry,
    ResolutionEntry,
    ResolutionView,
    SpeechEntry,
    figures_of,
    judge_resolution,
    written_opinion_candidates,
)
from dangqun.minutes.vocabulary import (
    DECISION_KIND_LABELS,
    VOTE_LABELS,
    AttendanceStatus,
    DecisionKind,
    MeetingType,
    Vote,
)
from dangqun.ui.minutes.attendance_table import (
    CODE,
    ERROR_BACKGROUND,
    ChoiceDelegate,
    cell,
)
from dangqun.ui.widgets.responsive import FlowLayout

LIST_TEXT_LENGTH = 24
OPINION_ROWS = 2
"""Rows of written opinions in view before the table scrolls (a branch's absentees are few)."""
OPINION_MARK = "书面意见"
"""The service's refusals about written opinions all name them: those go beside the opinions."""


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
        meeting_date: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", "", parent)
        self.meeting_type = meeting_type
        self.attendance = attendance
        self.meeting_date = meeting_date
        self.opinion_errors: dict[int, list[str]] = {}
        """The service's refusals about written opinions, by resolution (list position)."""
        self._opinion_meeting_day: date | None = None
        """The meeting date the opinion date's default and limit were set for."""
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
        # The three tallies share one row (wrapping at the largest font), so the verdict and
        # a vote's written opinions stay in view together at 1024×768.
        self.yes_spin, self.no_spin, self.abstain_spin = QSpinBox(), QSpinBox(), QSpinBox()
        self.tally_row = QWidget()
        tallies = FlowLayout(self.tally_row)
        for spin, caption, name in (
            (self.yes_spin, self.tr("Yes"), "yesCount"),
            (self.no_spin, self.tr("No"), "noCount"),
            (self.abstain_spin, self.tr("Abstain"), "abstainCount"),
        ):
            spin.setObjectName(name)
            spin.setRange(0, 9999)
            spin.valueChanged.connect(self._typed)
            pair = QWidget()
            together = QHBoxLayout(pair)
            together.setContentsMargins(0, 0, 0, 0)
            tally_label = QLabel(caption)
            tally_label.setBuddy(spin)
            together.addWidget(tally_label)
            together.addWidget(spin)
            tallies.addWidget(pair)
        form.addRow(self.tr("Votes"), self.tally_row)
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
        self.opinions_box = self._build_opinions()
        form.addRow(self.tr("Written opinions"), self.opinions_box)
        self.form = form

    def _build_opinions(self) -> QWidget:
        """The written opinions of the chosen vote: their list, and a row to add one."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.opinions_table = QTableWidget(0, 3)
        self.opinions_table.setObjectName("opinionsTable")
        self.opinions_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Opinion"), self.tr("Handed in on")]
        )
        self.opinions_table.verticalHeader().setVisible(False)
        self.opinions_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.opinions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.opinions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.opinions_table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows = self.opinions_table.verticalHeader().defaultSectionSize()
        self.opinions_table.setFixedHeight(
            header.sizeHint().height() + rows * OPINION_ROWS + 2 * self.opinions_table.frameWidth()
        )
        self.opinions_table.itemSelectionChanged.connect(self._opinion_selected)
        column.addWidget(self.opinions_table)
        self.opinions_error = QLabel()
        self.opinions_error.setObjectName("opinionsError")
        self.opinions_error.setProperty("role", "error")
        self.opinions_error.setWordWrap(True)
        self.opinions_error.setVisible(False)
        column.addWidget(self.opinions_error)
        self.opinion_adder = QWidget()
        adder = FlowLayout(self.opinion_adder)  # one row, or more at the largest font
        self.opinion_member_combo = QComboBox()
        self.opinion_member_combo.setObjectName("opinionMember")
        self.opinion_member_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.opinion_member_combo.setMinimumContentsLength(8)
        self.opinion_vote_combo = QComboBox()
        self.opinion_vote_combo.setObjectName("opinionVote")
        for vote, label in VOTE_LABELS.items():
            self.opinion_vote_combo.addItem(label, vote.value)
        self.opinion_date_edit = QDateEdit()
        self.opinion_date_edit.setObjectName("opinionDate")
        self.opinion_date_edit.setCalendarPopup(True)
        self.opinion_date_edit.setDisplayFormat("yyyy-MM-dd")
        self.opinion_date_edit.setToolTip(self.tr("The day it was handed in, before the meeting"))
        self.add_opinion_button = QPushButton(self.tr("Add opinion"))
        self.add_opinion_button.setObjectName("addOpinionButton")
        self.add_opinion_button.clicked.connect(self.add_opinion)
        self.remove_opinion_button = QPushButton(self.tr("Remove opinion"))
        self.remove_opinion_button.setObjectName("removeOpinionButton")
        self.remove_opinion_button.clicked.connect(self.remove_opinion)
        adder.add_widgets(
            [
                self.opinion_member_combo,
                self.opinion_vote_combo,
                self.opinion_date_edit,
                self.add_opinion_button,
                self.remove_opinion_button,
            ]
        )
        column.addWidget(self.opinion_adder)
        self.opinions_hint = QLabel()
        self.opinions_hint.setObjectName("opinionsHint")
        self.opinions_hint.setWordWrap(True)
        column.addWidget(self.opinions_hint)
        return box

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
            "opinions": [],
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
        self._show_opinions(item)
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

    # -- written opinions ------------------------------------------------------------------

    def _opinions_of(self, item: dict[str, Any] | None) -> list[dict[str, Any]]:
        """The item's opinions (drafts kept before opinions could be typed have none)."""
        if item is None:
            return []
        opinions: list[dict[str, Any]] = item.setdefault("opinions", [])
        return opinions

    def opinion_candidates(self, item: dict[str, Any] | None) -> list[AttendanceView]:
        """Who may still hand in an opinion on this vote: the service's rule on the 出席 tab as
        it stands, less those who have one already."""
        given = {int(opinion["member_id"]) for opinion in self._opinions_of(item)}
        return [
            line
            for line in written_opinion_candidates(self.attendance())
            if line.member_id not in given
        ]

    def _show_opinions(self, item: dict[str, Any] | None) -> None:
        opinions = self._opinions_of(item)
        index = self.list.currentRow()
        refused = "\n".join(self.opinion_errors.get(index, []))
        self.opinions_error.setText(refused)
        self.opinions_error.setVisible(bool(refused))
        allowed = {line.member_id for line in written_opinion_candidates(self.attendance())}
        self.opinions_table.setRowCount(0)
        for opinion in opinions:
            row = self.opinions_table.rowCount()
            self.opinions_table.insertRow(row)
            cells = (
                str(opinion["name"]),
                VOTE_LABELS[Vote(opinion["vote"])],
                str(opinion["submitted_on"]),
            )
            for column, text in enumerate(cells):
                shown = QTableWidgetItem(text)
                if opinion.get("text"):
                    shown.setToolTip(str(opinion["text"]))
                if int(opinion["member_id"]) not in allowed:  # the 出席 tab changed since
                    shown.setBackground(QBrush(ERROR_BACKGROUND))
                self.opinions_table.setItem(row, column, shown)
        chosen = self.opinion_member_combo.currentData()
        self.opinion_member_combo.clear()
        for line in self.opinion_candidates(item):
            self.opinion_member_combo.addItem(line.name, line.member_id)
        self.opinion_member_combo.setCurrentIndex(
            max(self.opinion_member_combo.findData(chosen), 0)
        )
        meeting_day = self.meeting_date()
        if meeting_day != self._opinion_meeting_day:  # first shown, or the header's date changed
            self._opinion_meeting_day = meeting_day
            day_before = meeting_day - timedelta(days=1)
            self.opinion_date_edit.setMaximumDate(
                QDate(meeting_day.year, meeting_day.month, meeting_day.day)
            )
            self.opinion_date_edit.setDate(QDate(day_before.year, day_before.month, day_before.day))
        can_add = self.opinion_member_combo.count() > 0
        self.add_opinion_button.setEnabled(self.editable and can_add)
        self.opinion_member_combo.setEnabled(self.editable and can_add)
        self.remove_opinion_button.setEnabled(False)
        self.opinions_hint.setText(
            ""
            if can_add or not self.editable
            else self.tr(
                "Only voting members absent or on leave (see the Attendance tab) can have a "
                "written opinion counted."
            )
        )
        self.opinions_hint.setVisible(bool(self.opinions_hint.text()))

    def _opinion_selected(self) -> None:
        self.remove_opinion_button.setEnabled(
            self.editable and bool(self.opinions_table.selectedItems())
        )

    def add_opinion(self) -> None:
        """Add the chosen member's opinion to the chosen vote (counted in the verdict at once)."""
        item = self.current()
        member_id = self.opinion_member_combo.currentData()
        if item is None or member_id is None:
            return
        self._opinions_of(item).append(
            {
                "member_id": int(member_id),
                "name": self.opinion_member_combo.currentText(),
                "vote": self.opinion_vote_combo.currentData(),
                "submitted_on": self.opinion_date_edit.date().toString("yyyy-MM-dd"),
                "text": None,
            }
        )
        self._opinions_changed(item)

    def remove_opinion(self) -> None:
        item = self.current()
        row = self.opinions_table.currentRow()
        opinions = self._opinions_of(item)
        if item is None or not 0 <= row < len(opinions):
            return
        del opinions[row]
        self._opinions_changed(item)

    def _opinions_changed(self, item: dict[str, Any]) -> None:
        self.opinion_errors.pop(self.list.currentRow(), None)
        self._loading = True
        try:
            self._show_opinions(item)
            self._arrange()
        finally:
            self._loading = False
        self.show_verdict()
        self.changed()

    def show_refusal(self, errors: list[FieldError]) -> list[FieldError]:
        """Put the service's refusals about written opinions beside the opinions of the vote
        they name (``resolutions[1]``), that vote chosen and its refused rows marked; return
        the other refusals, for the label under the list."""
        self.opinion_errors = {}
        others = []
        for error in errors:
            where = error.field
            if OPINION_MARK in error.message and where.startswith("resolutions["):
                index = int(where[len("resolutions[") : -1])
                self.opinion_errors.setdefault(index, []).append(error.message)
            else:
                others.append(error)
        if self.opinion_errors:
            first = min(self.opinion_errors)
            if first == self.list.currentRow():
                self.refresh()
            else:
                self.list.setCurrentRow(first)
        return others

    def clear_refusal(self) -> None:
        if self.opinion_errors:
            self.opinion_errors = {}
            self.refresh()

    def _arrange(self) -> None:
        voting = self.voting()
        persons = self.mode_combo.currentData() == "persons"
        item = self.current()
        opinions_shown = voting and (
            self.admission_check.isChecked() or bool(self._opinions_of(item))
        )
        for widget, shown in (
            (self.kind_row, voting),
            (self.mode_combo, voting),
            (self.tally_row, voting and not persons),
            (self.votes_table, voting and persons),
            (self.opinions_box, opinions_shown),
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
        admission_changed = bool(item.get("on_admission")) != self.admission_check.isChecked()
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
        if admission_changed:
            self._arrange()
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
        try:
            verdict = judge_resolution(
                meeting_type,
                DecisionKind(item["decision_kind"]),
                figures_of(self.attendance()),
                self._counts(item),
                tuple(Vote(opinion["vote"]) for opinion in self._opinions_of(item)),
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

    def set_editable(self, editable: bool) -> None:
        super().set_editable(editable)
        self.opinion_adder.setVisible(editable)
        self._show_opinions(self.current())

    def set_items(self, items: list[dict[str, Any]]) -> None:
        self.opinion_errors = {}
        super().set_items(items)

    def entries(self) -> list[ResolutionEntry]:
        voting = self.voting()
        found = []
        for item in self.items:
            recorded = {RECORDED_PASSED: True, RECORDED_FAILED: False}.get(item["recorded"])
            opinions = tuple(
                OpinionEntry(
                    member_id=int(opinion["member_id"]),
                    vote=Vote(opinion["vote"]),
                    submitted_on=date.fromisoformat(opinion["submitted_on"]),
                    text=opinion.get("text"),
                )
                for opinion in self._opinions_of(item)
            )
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
                        opinions=opinions,
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
                        opinions=opinions,
                        on_admission=bool(item["on_admission"]),
                        recorded_as_passed=recorded,
                    )
                )
        return found

    def show_views(self, views: tuple[ResolutionView, ...]) -> None:
        names = {line.member_id: line.name for line in self.attendance()}
        self.set_items([resolution_item_of(view, names) for view in views])


def resolution_item_of(view: ResolutionView, names: dict[int, str]) -> dict[str, Any]:
    """A stored resolution in the editor's (and the draft's) plain form; ``names`` are the
    attendance list's, which every opinion's member is on (the service checked it)."""
    return {
        "text": view.text,
        "decision_kind": view.decision_kind,
        "on_admission": view.on_admission,
        "mode": "persons" if view.votes else "tally",
        "yes": view.yes or 0,
        "no": view.no or 0,
        "abstain": view.abstain or 0,
        "votes": {str(member): vote for member, vote in view.votes},
        "opinions": [
            {
                "member_id": opinion.member_id,
                "name": names.get(opinion.member_id, str(opinion.member_id)),
                "vote": opinion.vote,
                "submitted_on": opinion.submitted_on.isoformat(),
                "text": opinion.text,
            }
            for opinion in view.opinions
        ],
        "recorded": RECORDED_AUTO,
    }
