"""线上调阅 tab of 会议记录: full-text search over the minutes, answering while typing (issue 15).

The box asks :func:`dangqun.minutes.service.search_meetings` (SQLite FTS5 trigram) a moment
after typing stops (:data:`PAUSE_MS`), off the GUI thread; an answer to an older query is
dropped. Each hit shows the meeting (date, type, organization, topic), where the words were
found (议题, 议程, 发言, 决议, 更正) and the snippet with the matched ranges marked; one or two
characters are matched by substring (trigrams need three) and the panel says so. A double-click
or Enter opens the meeting.
"""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dangqun.minutes.service import MeetingHit, SearchResult, search_meetings
from dangqun.minutes.vocabulary import MEETING_TYPE_LABELS, MeetingType
from dangqun.ui.context import UiContext
from dangqun.ui.icons import icon
from dangqun.ui.minutes.meeting_list import meeting_subject
from dangqun.ui.operations import run_service

PAUSE_MS = 250
MARK_STYLE = "background-color:#FFE08A; color:#000000; font-weight:600;"
MEETING_ID = Qt.ItemDataRole.UserRole + 1


def marked_html(snippet: str, marks: tuple[tuple[int, int], ...]) -> str:
    """The snippet as rich text, each ``(start, end)`` range highlighted; the rest escaped."""
    parts: list[str] = []
    position = 0
    for start, end in sorted(marks):
        if start < position:
            continue
        parts.append(html.escape(snippet[position:start]))
        parts.append(f'<span style="{MARK_STYLE}">{html.escape(snippet[start:end])}</span>')
        position = end
    parts.append(html.escape(snippet[position:]))
    return "".join(parts)


class HitList(QListWidget):
    """The hits; each row's height follows its wrapped text when the list is resized."""

    open_requested = Signal(int)

    def fit_rows(self) -> None:
        width = max(self.viewport().width() - 8, 240)
        for row in range(self.count()):
            item = self.item(row)
            label = self.itemWidget(item)
            if label is not None:
                item.setSizeHint(QSize(width, label.heightForWidth(width)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.open_requested.emit(int(item.data(MEETING_ID)))
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    open_requested = Signal(int)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.searching = False
        self._generation = 0
        self.last_result: SearchResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("minutesSearch")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.query_edit.setPlaceholderText(
            self.tr("Search topics, agendas, speeches, resolutions and corrections")
        )
        layout.addWidget(self.query_edit)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("searchStatus")
        self.status_label.setProperty("role", "muted")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.results = HitList(self)
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.itemDoubleClicked.connect(
            lambda item: self.open_requested.emit(int(item.data(MEETING_ID)))
        )
        self.results.open_requested.connect(self.open_requested)
        layout.addWidget(self.results, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.search)
        self.query_edit.textChanged.connect(lambda _text: self.timer.start())
        self.query_edit.returnPressed.connect(self.search)
        self._show_hint()

    def is_ready(self) -> bool:
        return not self.searching and not self.timer.isActive()

    def _show_hint(self) -> None:
        self.status_label.setText(
            self.tr(
                "Type a word or phrase: the minutes containing it are listed as you type, "
                "the words found highlighted."
            )
        )
        self.results.clear()
        self.results.setVisible(False)

    def search(self) -> None:
        self.timer.stop()
        query = self.query_edit.text().strip()
        self._generation += 1
        if not query:
            self.searching = False
            self.last_result = None
            self._show_hint()
            return
        self.searching = True
        database, actor = self.context.application.database, self.context.actor
        run_service(
            self,
            self.context,
            partial(search_meetings, database, actor, query),
            on_success=partial(self._found, self._generation, query),
            on_failure=self._failed,
            failure_title=self.tr("Cannot search the minutes"),
        )

    def _failed(self, _error: BaseException) -> None:
        self.searching = False

    def _found(self, generation: int, query: str, result: SearchResult) -> None:
        if generation != self._generation:
            return
        self.last_result = result
        self.results.clear()
        for hit in result.hits:
            self._add(hit)
        if result.hits:
            text = self.tr("%n meeting record(s) found", "", len(result.hits))
        else:
            text = self.tr("Nothing found for “{query}”.").format(query=query)
        if result.substring_scan:
            text += " " + self.tr("(Short words are matched anywhere in the text.)")
        self.status_label.setText(text)
        self.results.setVisible(bool(result.hits))
        self.searching = False

    def _add(self, hit: MeetingHit) -> None:
        meeting = hit.meeting
        heading = " · ".join(
            (
                f"{meeting.on_date:%Y-%m-%d}",
                MEETING_TYPE_LABELS[MeetingType(meeting.meeting_type)],
                meeting.organization_name,
                meeting_subject(meeting),
            )
        )
        label = QLabel(
            f"<b>{html.escape(heading)}</b><br>"
            f'<span style="color:#666666;">{html.escape(hit.source)}：</span>'
            f"{marked_html(hit.snippet, hit.marks)}"
        )
        label.setObjectName("searchHit")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setContentsMargins(6, 4, 6, 4)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        item = QListWidgetItem(self.results)
        item.setData(MEETING_ID, meeting.id)
        item.setToolTip(heading)
        self.results.setItemWidget(item, label)
        self.results.fit_rows()
