"""The shared layout of the overview page of a module this version does not have yet.

The bases, time bank, minutes and sync modules arrive in later issues. Their pages must never
claim or deny a capability falsely (issue 11, "no screen may claim or deny a capability
falsely"): the note at the top says plainly that the module is not yet available and what the
user can do today instead, with the existing page or button named; the live figures are real
counts from the register; what the module will do is described in the future tense under
"planned". A subclass provides the texts and fills the figures in :meth:`refresh`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QLabel, QWidget

from dangqun.core.changes import Changes, Entity
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_module_page import Ui_ModulePage
from dangqun.ui.icons import accent_icon, icon
from dangqun.ui.pages import page_spec
from dangqun.ui.widgets.stat_card import (
    CARD_COLUMNS,
    StatCard,
    columns_for_width,
    place_in_grid,
)

MAX_VISIBLE_TABLE_ROWS = 12


def format_count(value: int) -> str:
    """``96,932``: digit grouping by the UI locale, as on the district's printed statistics."""
    return QLocale().toString(value)


def bullet_list_html(introduction: str, points: Sequence[str]) -> str:
    items = "".join(f"<li style='margin-bottom:6px'>{html.escape(point)}</li>" for point in points)
    return (
        f"<p style='margin-bottom:8px'>{html.escape(introduction)}</p>"
        f"<ul style='margin-left:0px; -qt-list-indent:1'>{items}</ul>"
    )


class ModulePage(QWidget):
    icon_name = "info"
    shows: ClassVar[tuple[Entity, ...]] = ()
    """The kinds of entities the figures count: a change to one of them refreshes the page."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_ModulePage()
        self.ui.setupUi(self)
        # Only the spacer at the bottom takes the extra height of a tall window, not the cards.
        self.ui.contentLayout.setStretch(self.ui.contentLayout.count() - 1, 1)
        self.cards: dict[str, StatCard] = {}
        self._card_columns = CARD_COLUMNS
        self._stale = True
        self.ui.iconLabel.setPixmap(accent_icon(self.icon_name).pixmap(QSize(44, 44)))
        self.ui.laterNoteIcon.setPixmap(icon("info", "#2E4A6B", None).pixmap(QSize(22, 22)))
        self.ui.detailsCard.setVisible(False)
        self.ui.flowTitle.setVisible(False)
        self.details_model = QStandardItemModel(self)
        self.ui.detailsTable.setModel(self.details_model)
        self.ui.detailsTable.verticalHeader().setVisible(False)
        context.events.subscribe(self, self.shows, self._mark_stale)

    # -- texts ------------------------------------------------------------------------------

    def set_texts(
        self,
        title: str,
        tagline: str,
        not_yet: str,
        today: str,
        plan: str,
        points: Sequence[str],
    ) -> None:
        """``not_yet`` says the module is missing, ``today`` what to do meanwhile, ``plan`` and
        ``points`` what the module will do (future tense: nothing here works yet)."""
        self.ui.titleLabel.setText(title)
        self.ui.taglineLabel.setText(tagline)
        self.ui.laterNoteText.setText(f"<b>{html.escape(not_yet)}</b>")
        self.ui.todayText.setText(today)
        self.ui.descriptionLabel.setText(bullet_list_html(plan, points))

    @staticmethod
    def page_title(key: str) -> str:
        """The navigation title of another page, for the "today" advice to name it exactly."""
        return page_spec(key).title

    def set_flow(self, title: str, steps: Sequence[str], note: str = "") -> None:
        """A row of status chips joined by arrows (e.g. 待确认 → 已确认 → 已签到 → 已完成)."""
        self.ui.flowTitle.setText(title)
        self.ui.flowTitle.setVisible(True)
        layout = self.ui.flowLayout
        for index, step in enumerate(steps):
            if index:
                arrow = QLabel("→", self)
                arrow.setProperty("role", "arrow")
                layout.addWidget(arrow)
            chip = QLabel(step, self)
            chip.setProperty("role", "chip")
            layout.addWidget(chip)
        if note:
            note_label = QLabel(note, self)
            note_label.setProperty("role", "muted")
            layout.addSpacing(12)
            layout.addWidget(note_label)
        layout.addStretch(1)

    # -- figures ----------------------------------------------------------------------------

    def add_cards(self, cards: Sequence[tuple[str, str, str]], compact: Sequence[str] = ()) -> None:
        """``(key, icon, title)`` for each card, in reading order; ``compact`` keys hold text."""
        for key, icon_name, title in cards:
            card = StatCard(icon_name, title, self, compact=key in compact)
            card.setObjectName(f"{key}Card")
            self.cards[key] = card
        place_in_grid(self.ui.figuresGrid, list(self.cards.values()))
        self._card_columns = CARD_COLUMNS

    def _reflow(self) -> None:
        """Two cards a row instead of four when the window is narrow."""
        if not self.cards:
            return
        margins = self.ui.contentLayout.contentsMargins()
        available = self.ui.pageScroll.viewport().width() - margins.left() - margins.right()
        card_width = max(card.minimumSizeHint().width() for card in self.cards.values())
        columns = columns_for_width(
            available, max(card_width, 190), self.ui.figuresGrid.horizontalSpacing(), CARD_COLUMNS
        )
        if columns != self._card_columns:
            self._card_columns = columns
            place_in_grid(self.ui.figuresGrid, list(self.cards.values()), columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def set_card(self, key: str, value: str, caption: str = "") -> None:
        self.cards[key].set_value(value, caption)

    def show_details(
        self,
        title: str,
        caption: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        numeric_columns: Sequence[int] = (),
        stretch_column: int = 0,
    ) -> None:
        """A small read-only table under the figures (a few dozen rows at most)."""
        self.ui.detailsCard.setVisible(True)
        self.ui.detailsTitle.setText(title)
        self.ui.detailsCaption.setText(caption)
        self.ui.detailsCaption.setVisible(bool(caption))
        model = self.details_model
        model.clear()
        model.setHorizontalHeaderLabels(list(headers))
        for row in rows:
            items = []
            for column, text in enumerate(row):
                item = QStandardItem(text)
                if column in numeric_columns:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                items.append(item)
            model.appendRow(items)
        table = self.ui.detailsTable
        table.setVisible(bool(rows))
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(headers)):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == stretch_column
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        table.resizeRowsToContents()
        visible_rows = min(len(rows), MAX_VISIBLE_TABLE_ROWS)
        row_height = table.verticalHeader().defaultSectionSize()
        if rows:
            row_height = max(row_height, table.rowHeight(0))
        frame = table.frameWidth() * 2
        table.setFixedHeight(header.sizeHint().height() + visible_rows * row_height + frame + 2)

    # -- refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures again; subclasses query their services here."""

    def _mark_stale(self, _changes: Changes) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_now()
        self._reflow()
