"""党员管理: every person the center manages, found as the front desk types.

The list is a lazy model over the ids of the current search (:mod:`member_table_model`): the
search itself (ids in list order, the first page of rows) runs on the thread pool, so typing
never waits for the database; a newer keystroke makes older answers stale and they are
dropped. Filters (organization incl. everything below it, kind, category, status) and the
search text make one :class:`MemberQuery`, which is also what 导出 writes, so the file holds
exactly the list on screen, masked the same way.

Writes go through the members service in dialogs, which announce what they changed
(``Changes.of(MEMBER)``, ``ORGANIZATION``); the page subscribes to both, so it and the home
page's figures follow. The import, export and print actions live in :mod:`dangqun.ui.members`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from dangqun.core.changes import Changes
from dangqun.core.errors import DangqunError
from dangqun.core.security import Actor, Permission
from dangqun.members.changes import MEMBER, ORGANIZATION
from dangqun.members.search_keys import first_syllable, to_simplified
from dangqun.members.service import (
    CATEGORIES,
    KINDS,
    STATUSES,
    MemberCategory,
    MemberKind,
    MemberQuery,
    MemberRow,
    MemberSort,
    MemberStatus,
    OrganizationNode,
    QueryKind,
    count_members,
    list_member_ids,
    member_rows,
    organization_tree,
    parse_query,
)
from dangqun.ui.context import UiContext
from dangqun.ui.forms.ui_members_page import Ui_MembersPage
from dangqun.ui.icons import ICON_MUTED, accent_icon, icon
from dangqun.ui.members import export_action, import_action, print_action
from dangqun.ui.models.member_table_model import (
    BIRTH_DATE,
    BRANCH,
    CATEGORY,
    COLUMN_COUNT,
    COLUMN_KEYS,
    GENDER,
    ID_NUMBER,
    JOINED_ON,
    KIND,
    NAME,
    PAGE_SIZE,
    PHONE,
    STATUS,
    MemberTableModel,
)
from dangqun.ui.operations import run_service
from dangqun.ui.threads import BackgroundCall, run_in_background
from dangqun.ui.widgets import message_boxes
from dangqun.ui.widgets.responsive import FlowLayout, OverflowMenu

SEARCH_DELAY_MILLISECONDS = 150
"""Typing pauses shorter than this are one search (a front desk types ``zsf`` in ~300 ms)."""
BUSY_HINT_MILLISECONDS = 400
NOTICE_MILLISECONDS = 15_000
OPTIONAL_COLUMNS = (JOINED_ON, BIRTH_DATE, GENDER, ID_NUMBER)
"""Hidden in this order when the list is too narrow for all columns (1024×768, issue 11):
name, category, kind, branch, phone and status always stay."""
COLUMN_CHOICES_KEY = "members/columns"
"""ui-state key: the columns the user showed or hid himself (``key=1`` / ``key=0``)."""
SORTABLE_COLUMNS = {
    NAME: MemberSort.NAME,
    BIRTH_DATE: MemberSort.BIRTH_DATE,
    JOINED_ON: MemberSort.JOINED_ON,
}


@dataclass(frozen=True)
class ListResult:
    """One search's answer, made on the thread pool."""

    generation: int
    query: MemberQuery
    ids: list[int]
    first_rows: list[MemberRow]
    anyone: bool
    """Whether the center has any member at all (empty state vs no result)."""
    seconds: float


def run_list_query(
    database: Any, actor: Actor, query: MemberQuery, generation: int, _progress: Any = None
) -> ListResult:
    started = time.perf_counter()
    ids = list_member_ids(database, actor, query)
    first = member_rows(database, actor, ids[:PAGE_SIZE], query.sort)
    anyone = bool(ids) or count_members(database, actor, MemberQuery()) > 0
    return ListResult(generation, query, ids, first, anyone, time.perf_counter() - started)


class MembersPage(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_MembersPage()
        self.ui.setupUi(self)
        self.may_edit = context.can(Permission.EDIT_RECORDS)
        self.model = MemberTableModel(self._load_rows, self)
        self.organizations: list[OrganizationNode] = []
        self.active_dialog: QDialog | None = None
        self.preview_window: QWidget | None = None
        self.last_result: ListResult | None = None
        self.last_search_latency: float | None = None
        """Seconds from the last keystroke to its result on screen (debounce included)."""
        self.searching = False
        self._generation = 0
        self._typed_at: float | None = None
        self._sort = MemberSort.NAME
        self._descending = False
        self._selected_id: int | None = None
        self._stale = True
        self._organizations_stale = True
        self._organizations_loading = False
        self._search_tables_loaded = False
        self._natural_widths: dict[int, int] = {}
        self.column_choices = self._read_column_choices()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MILLISECONDS)
        self._search_timer.timeout.connect(self.start_search)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_HINT_MILLISECONDS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.hide_notice)
        self._setup_filters()
        self._setup_view()
        self._setup_buttons()
        self.hide_notice()
        context.events.subscribe(self, (MEMBER, ORGANIZATION), self._on_changes)
        context.events.font_size_changed.connect(self._font_size_changed)

    # -- set-up -----------------------------------------------------------------------------

    def _setup_filters(self) -> None:
        ui = self.ui
        ui.branchPicker.set_nodes([], any_label=self.tr("All organizations"))
        ui.branchPicker.organization_changed.connect(self._filters_changed)
        self._fill_combo(ui.kindCombo, self.tr("All kinds"), KINDS.items)
        self._fill_combo(ui.categoryCombo, self.tr("Full and probationary"), CATEGORIES.items)
        self._fill_combo(ui.statusCombo, self.tr("Any status"), STATUSES.items)
        ui.statusCombo.setCurrentIndex(ui.statusCombo.findData(MemberStatus.ACTIVE))
        for combo in (ui.kindCombo, ui.categoryCombo, ui.statusCombo):
            combo.currentIndexChanged.connect(self._filters_changed)
        ui.searchEdit.addAction(
            icon("search", selected_color=None), QLineEdit.ActionPosition.LeadingPosition
        )
        if not self.context.can(Permission.SEE_PERSONAL_DATA):
            # Part of a number matches nothing for this role (issue 10): say so before typing.
            ui.searchEdit.setPlaceholderText(
                self.tr("Find: name, pinyin initials (e.g. zsf), whole phone or ID number")
            )
        ui.searchEdit.textChanged.connect(self._search_text_changed)
        ui.searchEdit.installEventFilter(self)
        ui.searchEdit.returnPressed.connect(self._search_now)
        # Side by side when they fit, on a second line when not (1024×768, issue 11).
        self.filter_layout = FlowLayout(ui.filterBar)
        self.filter_layout.add_widgets(
            (
                ui.filterLabel,
                ui.branchPicker,
                ui.kindCombo,
                ui.categoryCombo,
                ui.statusCombo,
            )
        )
        ui.clearFiltersButton.setIcon(icon("clear_filter"))
        ui.clearFiltersButton.clicked.connect(self.clear_filters)
        ui.clearSearchButton.clicked.connect(self.clear_filters)

    @staticmethod
    def _fill_combo(combo: QComboBox, everything: str, items: Any) -> None:
        combo.addItem(everything, None)
        for item in items:
            combo.addItem(item.label, item.code)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def _setup_view(self) -> None:
        view = self.ui.membersView
        view.setModel(self.model)
        view.verticalHeader().setVisible(False)
        # One fixed height for every row (set with the font below): the view never measures
        # 100,000 rows.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        header.setMinimumSectionSize(48)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        view.viewport().installEventFilter(self)
        self._size_columns()
        view.doubleClicked.connect(self._row_activated)
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # only while the list has focus
            shortcut = QShortcut(QKeySequence(key), view, self.open_selected)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)

    def _size_columns(self) -> None:
        """Widths from the font, never from the data (that would read every row).

        Ten columns must fit beside the navigation on a 1280-pixel screen: the table uses the
        body font one point smaller, and names longer than the column show in a tooltip.
        """
        view = self.ui.membersView
        font = QFont(self.font())
        if font.pointSize() > 11:
            font.setPointSize(font.pointSize() - 1)
            # A style sheet rule, not setFont(): under the app's style sheet a child's own font
            # is replaced by its parent's when the page is put into the window.
            view.setStyleSheet(f"QTableView {{ font-size: {font.pointSize()}pt; }}")
        metrics = QFontMetrics(font)
        view.verticalHeader().setDefaultSectionSize(metrics.height() + 14)
        header = view.horizontalHeader()
        header_font = QFont(font)
        header_font.setBold(True)
        header_metrics = QFontMetrics(header_font)
        cell_padding, header_padding = 14, 22  # theme.qss: section padding 10px each side
        samples = {
            NAME: "欧阳思远",
            GENDER: "男",
            BIRTH_DATE: "2000-12-31",
            ID_NUMBER: "53010219850601123X",
            CATEGORY: "预备",
            KIND: "离退休党员",
            BRANCH: "第16网格党支部",
            JOINED_ON: "2000-12-31",
            PHONE: "13812345678",
            STATUS: "已转出",
        }
        titles = self.model.column_titles()
        for column in range(COLUMN_COUNT):
            title = header_metrics.horizontalAdvance(titles[column]) + header_padding
            width = max(metrics.horizontalAdvance(samples[column]) + cell_padding, title)
            header.resizeSection(column, width)
            self._natural_widths[column] = width
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BRANCH, QHeaderView.ResizeMode.Stretch)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Show the columns the list has room for (issue 11): the optional ones go, in
        :data:`OPTIONAL_COLUMNS` order, while the rest would not fit the view's width. A column
        the user showed or hid from the header's menu stays as chosen."""
        view = self.ui.membersView
        hidden = {column for column, shown in self.column_choices.items() if not shown}
        needed = sum(self._natural_widths.get(c, 0) for c in range(COLUMN_COUNT) if c not in hidden)
        for column in OPTIONAL_COLUMNS:
            if needed <= view.viewport().width():
                break
            if column not in self.column_choices:
                hidden.add(column)
                needed -= self._natural_widths.get(column, 0)
        for column in range(COLUMN_COUNT):
            if view.isColumnHidden(column) != (column in hidden):
                view.setColumnHidden(column, column in hidden)

    def _column_menu(self, position: QPoint) -> None:
        """The header's menu: show or hide each column, or let the width decide again."""
        header = self.ui.membersView.horizontalHeader()
        menu = QMenu(self)
        titles = self.model.column_titles()
        for column in range(COLUMN_COUNT):
            if column == NAME:
                continue  # a list without names identifies nobody
            action = QAction(titles[column], menu)
            action.setCheckable(True)
            action.setChecked(not self.ui.membersView.isColumnHidden(column))
            action.toggled.connect(partial(self.choose_column, column))
            menu.addAction(action)
        menu.addSeparator()
        fit = menu.addAction(self.tr("Fit columns to the window"))
        fit.setEnabled(bool(self.column_choices))
        fit.triggered.connect(self.forget_column_choices)
        menu.popup(header.mapToGlobal(position))

    def choose_column(self, column: int, shown: bool) -> None:
        """The user's own choice for ``column``: kept (also for the next session)."""
        self.column_choices[column] = shown
        self._write_column_choices()
        self.fit_columns()

    def forget_column_choices(self) -> None:
        self.column_choices = {}
        self._write_column_choices()
        self.fit_columns()

    def _read_column_choices(self) -> dict[int, bool]:
        text = str(self.context.ui_state.value(COLUMN_CHOICES_KEY, "") or "")
        choices = {}
        for pair in text.split(","):
            key, _, value = pair.partition("=")
            if key in COLUMN_KEYS and key != COLUMN_KEYS[NAME] and value in ("0", "1"):
                choices[COLUMN_KEYS.index(key)] = value == "1"
        return choices

    def _write_column_choices(self) -> None:
        text = ",".join(
            f"{COLUMN_KEYS[column]}={int(shown)}"
            for column, shown in sorted(self.column_choices.items())
        )
        self.context.ui_state.setValue(COLUMN_CHOICES_KEY, text)

    def _setup_buttons(self) -> None:
        ui = self.ui
        ui.registerButton.setIcon(icon("user_add", "#FFFFFF", None))
        ui.registerFirstButton.setIcon(icon("user_add", "#FFFFFF", None))
        ui.editButton.setIcon(icon("user_edit"))
        ui.importButton.setIcon(icon("file_import"))
        ui.importFirstButton.setIcon(icon("file_import"))
        ui.exportButton.setIcon(icon("export", selected_color=None))
        ui.templateButton.setIcon(icon("template", selected_color=None))
        ui.templateFirstButton.setIcon(icon("template", selected_color=None))
        ui.printButton.setIcon(icon("print", selected_color=None))
        # 打印报到回执 for the selected in-service member, beside 打印花名册 (issue 12).
        self.receiptButton = QPushButton(self.tr("Print receipt"), ui.actionsBar)
        self.receiptButton.setObjectName("receiptButton")
        self.receiptButton.setIcon(icon("print", selected_color=None))
        self.receiptButton.setToolTip(
            self.tr("Print the registration receipt of the selected in-service member")
        )
        ui.actionsLayout.insertWidget(
            ui.actionsLayout.indexOf(ui.printButton) + 1, self.receiptButton
        )
        QWidget.setTabOrder(ui.printButton, self.receiptButton)
        ui.birthdaysButton.setIcon(icon("birthday"))
        ui.organizationsButton.setIcon(icon("organizations"))
        ui.emptyIcon.setPixmap(accent_icon("members").pixmap(QSize(56, 56)))
        ui.noResultIcon.setPixmap(icon("no_result", ICON_MUTED, None).pixmap(QSize(56, 56)))
        ui.noticeCloseButton.clicked.connect(self.hide_notice)
        # 只读 cannot import, so the import template is no use to it either (issue 11).
        editing_only = (
            ui.registerButton,
            ui.importButton,
            ui.registerFirstButton,
            ui.importFirstButton,
            ui.templateButton,
            ui.templateFirstButton,
        )
        for button in editing_only:
            button.setVisible(self.may_edit)
        if not self.may_edit:
            ui.editButton.setText(self.tr("View…"))
        ui.registerButton.clicked.connect(self.register_member)
        ui.registerFirstButton.clicked.connect(self.register_member)
        ui.editButton.clicked.connect(self.open_selected)
        ui.importButton.clicked.connect(partial(import_action.import_roster, self))
        ui.importFirstButton.clicked.connect(partial(import_action.import_roster, self))
        ui.exportButton.clicked.connect(partial(export_action.export_list, self))
        ui.templateButton.clicked.connect(partial(import_action.save_template, self))
        ui.templateFirstButton.clicked.connect(partial(import_action.save_template, self))
        ui.printButton.clicked.connect(partial(print_action.print_roster, self))
        self.receiptButton.clicked.connect(partial(print_action.print_receipt, self))
        ui.birthdaysButton.clicked.connect(self.show_political_birthdays)
        ui.organizationsButton.clicked.connect(self.show_organizations)
        # What does not fit the window's width goes into 更多: the template first, then the
        # receipt, then printing (issue 11). Buttons the role may not use stay hidden.
        collapsible = [
            button
            for button in (
                ui.importButton,
                ui.exportButton,
                ui.printButton,
                self.receiptButton,
                ui.templateButton,
            )
            if not button.isHidden()
        ]
        self.actions_overflow = OverflowMenu(
            ui.actionsBar, ui.actionsLayout, collapsible, ui.moreActionsButton
        )
        self.header_overflow = OverflowMenu(
            ui.headerBar,
            ui.headerLayout,
            (ui.birthdaysButton, ui.organizationsButton),
            ui.moreListsButton,
        )
        self._update_buttons()

    def _font_size_changed(self, _points: int) -> None:
        self._size_columns()

    # -- showing and refreshing -------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._organizations_stale:
            self.reload_organizations()
        if self._stale:
            self.start_search()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches((ORGANIZATION,)):
            self._organizations_stale = True
        self._stale = True
        if self.isVisible():
            if self._organizations_stale:
                self.reload_organizations()
            self.start_search()

    def is_ready(self) -> bool:
        """The list and the organization filter show the current data (screenshots, tests)."""
        return not (self._stale or self.searching or self._organizations_loading)

    def reload_organizations(self) -> None:
        self._organizations_stale = False
        self._organizations_loading = True
        call = run_service(
            self,
            self.context,
            partial(organization_tree, self.context.application.database),
            on_success=self._organizations_loaded,
            failure_title=self.tr("Members"),
        )
        self._reset_when_failed(call)

    def _organizations_loaded(self, nodes: object) -> None:
        self._organizations_loading = False
        if not isinstance(nodes, list):
            return
        self.organizations = nodes
        self.ui.branchPicker.set_nodes(nodes, any_label=self.tr("All organizations"))
        if self.ui.resultStack.currentWidget() is self.ui.emptyPage:
            self._explain_empty()

    # -- searching --------------------------------------------------------------------------

    def current_query(self) -> MemberQuery:
        ui = self.ui
        return MemberQuery(
            text=ui.searchEdit.text(),
            organization_id=ui.branchPicker.organization_id(),
            kinds=_chosen(ui.kindCombo, MemberKind),
            categories=_chosen(ui.categoryCombo, MemberCategory),
            statuses=_chosen(ui.statusCombo, MemberStatus),
            sort=self._sort,
            descending=self._descending,
        )

    def is_filtered(self) -> bool:
        query = self.current_query()
        return bool(
            query.text.strip()
            or query.organization_id is not None
            or query.kinds
            or query.categories
            or query.statuses != frozenset({MemberStatus.ACTIVE})
        )

    def _search_text_changed(self, _text: str) -> None:
        self._typed_at = time.perf_counter()
        self._search_timer.start()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.start_search()

    def _filters_changed(self, *_arguments: object) -> None:
        self._typed_at = None
        self._search_timer.stop()
        self.start_search()

    def start_search(self) -> None:
        """Ask for the current query on the thread pool; earlier answers become stale."""
        self._stale = False
        self._search_timer.stop()
        self._generation += 1
        self.searching = True
        self._busy_timer.start()
        query = self.current_query()
        call = run_service(
            self,
            self.context,
            partial(
                run_list_query,
                self.context.application.database,
                self.context.actor,
                query,
                self._generation,
            ),
            on_success=self._list_loaded,
            failure_title=self.tr("Members"),
        )
        self._reset_when_failed(call)

    def _list_loaded(self, result: object) -> None:
        if not isinstance(result, ListResult) or result.generation != self._generation:
            return  # a newer search is on its way
        self.searching = False
        self._busy_timer.stop()
        self.last_result = result
        if self._typed_at is not None:
            self.last_search_latency = time.perf_counter() - self._typed_at
            self._typed_at = None
        if not self._search_tables_loaded:
            self._search_tables_loaded = True
            run_in_background(self, _load_search_tables)
        self.model.set_row_loader(partial(self._load_rows_sorted, result.query.sort))
        self.model.set_ids(result.ids, result.first_rows)
        self._show_count(len(result.ids))
        ui = self.ui
        if result.ids:
            self._show_result(ui.tablePage)
            self._restore_selection()
        elif not result.anyone:
            self._show_result(ui.emptyPage)
            self._explain_empty()
        else:
            self._show_result(ui.noResultPage)
            ui.noResultText.setText(self._no_result_hint(result.query))
        self._update_buttons()

    def _show_result(self, shown: QWidget) -> None:
        """Show the list, the empty state or the no-result card; only the shown one counts
        for the page's minimum height, so the list keeps its rows on a 768-pixel screen at a
        large font instead of reserving room for a card that is not there (issue 11)."""
        stack = self.ui.resultStack
        for widget in (self.ui.tablePage, self.ui.emptyPage, self.ui.noResultPage):
            policy = widget.sizePolicy()
            policy.setVerticalPolicy(
                QSizePolicy.Policy.Preferred if widget is shown else QSizePolicy.Policy.Ignored
            )
            widget.setSizePolicy(policy)
        stack.setCurrentWidget(shown)
        stack.updateGeometry()  # the page's layout keeps the stack's old minimum otherwise

    def _explain_empty(self) -> None:
        """What to do first; without any branch, a member cannot be registered yet."""
        ui = self.ui
        if not self.may_edit:
            text = self.tr("Members are registered by staff; your role can view the list.")
        elif self.organizations or self._organizations_loading:
            text = self.tr(
                "Register members one by one, or import the roster you keep in Excel. The "
                "template shows the columns the import understands."
            )
        else:
            text = self.tr(
                "First set up the party organizations with “Organization…” (the community "
                "party organization and its grid branches). Then register members one by one, "
                "or import the Excel roster — the import can also create the branches it names."
            )
        ui.emptyText.setText(text)

    def _no_result_hint(self, query: MemberQuery) -> str:
        text = query.text.strip()
        parsed = parse_query(query.text)
        if parsed.kind is QueryKind.NOTHING:
            return self.tr("Type a name, pinyin, ID number or phone number")
        if (
            parsed.kind is QueryKind.DIGITS
            and parsed.whole_value_field is None
            and not self.context.can(Permission.SEE_PERSONAL_DATA)
        ):
            # Part of a hidden number would spell it out search by search (issue 10).
            return self.tr("Your role can search only by a whole ID number or phone number.")
        if text.isdigit() and len(text) < 4:
            return self.tr(
                "Type at least four digits of a phone or ID number, e.g. the last four digits "
                "of the ID card."
            )
        if text:
            return self.tr(
                "Nobody matches “{text}” with the filters chosen. Check the spelling, try the "
                "pinyin initials (e.g. zsf), or clear the filters."
            ).format(text=text)
        return self.tr("Nobody matches the filters chosen.")

    def _show_count(self, count: int) -> None:
        text = self.tr("{count} people").format(count=f"{count:,}")
        if self.is_filtered():
            text = self.tr("{count} people found").format(count=f"{count:,}")
        self.ui.countLabel.setText(text)

    def _show_busy(self) -> None:
        if self.searching:
            self.ui.countLabel.setText(self.tr("Searching…"))

    def _load_rows(self, ids: list[int]) -> list[MemberRow]:
        return self._load_rows_sorted(self._sort, ids)

    def _load_rows_sorted(self, sort: MemberSort, ids: list[int]) -> list[MemberRow]:
        return member_rows(self.context.application.database, self.context.actor, ids, sort)

    def _header_clicked(self, section: int) -> None:
        sort = SORTABLE_COLUMNS.get(section)
        if sort is None:
            self._show_sort_indicator()
            return
        self._descending = not self._descending if sort is self._sort else False
        self._sort = sort
        self._show_sort_indicator()
        self._filters_changed()

    def _show_sort_indicator(self) -> None:
        column = next(column for column, sort in SORTABLE_COLUMNS.items() if sort is self._sort)
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        self.ui.membersView.horizontalHeader().setSortIndicator(column, order)

    def clear_filters(self) -> None:
        ui = self.ui
        widgets = (ui.searchEdit, ui.branchPicker, ui.kindCombo, ui.categoryCombo, ui.statusCombo)
        for widget in widgets:
            widget.blockSignals(True)
        ui.searchEdit.clear()
        ui.branchPicker.set_organization_id(None)
        ui.kindCombo.setCurrentIndex(0)
        ui.categoryCombo.setCurrentIndex(0)
        ui.statusCombo.setCurrentIndex(ui.statusCombo.findData(MemberStatus.ACTIVE))
        for widget in widgets:
            widget.blockSignals(False)
        self._filters_changed()
        ui.searchEdit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ in the search box goes to the list (then Enter opens the person); a resized list
        shows the columns it has room for."""
        if watched is self.ui.membersView.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        if (
            watched is self.ui.searchEdit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            view = self.ui.membersView
            view.setFocus()
            if self.selected_member_id() is None:
                view.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    # -- selection --------------------------------------------------------------------------

    def selected_member_id(self) -> int | None:
        indexes = self.ui.membersView.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.member_id_at(indexes[0].row())

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            return False
        view = self.ui.membersView
        view.selectRow(row)
        view.scrollTo(self.model.index(row, 0))
        return True

    def _restore_selection(self) -> None:
        if self._selected_id is not None and not self.select_member(self._selected_id):
            self._selected_id = None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        member_id = self.selected_member_id()
        if member_id is not None:
            self._selected_id = member_id
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_selection = self.selected_member_id() is not None
        ui = self.ui
        ui.editButton.setEnabled(has_selection)
        has_rows = self.model.rowCount() > 0
        ui.exportButton.setEnabled(has_rows)
        ui.printButton.setEnabled(has_rows)
        self.receiptButton.setEnabled(print_action.receipt_member(self) is not None)

    def _row_activated(self, index: QModelIndex) -> None:
        member_id = self.model.member_id_at(index.row())
        if member_id is not None:
            self.open_member(member_id)

    # -- dialogs ----------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog, on_accepted: Callable[[], None] | None) -> None:
        """Open ``dialog`` window-modal and keep it as :attr:`active_dialog` until it closes."""
        self.active_dialog = dialog
        if on_accepted is not None:
            dialog.accepted.connect(on_accepted)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        dialog = self.sender()
        if isinstance(dialog, QDialog):
            if self.active_dialog is dialog:
                self.active_dialog = None
            dialog.deleteLater()

    def register_member(self) -> None:
        if not self.may_edit:
            return
        from dangqun.ui.dialogs.member_dialog import MemberDialog

        dialog = MemberDialog(
            self.context,
            None,
            self.organizations,
            self,
            branch_id=self.ui.branchPicker.organization_id(),
        )
        self.open_dialog(dialog, partial(self._member_saved, dialog))

    def open_selected(self) -> None:
        member_id = self.selected_member_id()
        if member_id is not None:
            self.open_member(member_id)

    def open_member(self, member_id: int) -> None:
        from dangqun.ui.dialogs.member_dialog import MemberDialog

        try:
            dialog = MemberDialog(self.context, member_id, self.organizations, self)
        except DangqunError as error:
            message_boxes.show_error(self, self.tr("Member"), error.message)
            self.start_search()
            return
        dialog.member_changed.connect(self._member_changed_in_dialog)
        self.open_dialog(dialog, partial(self._member_saved, dialog))

    def _member_saved(self, dialog: Any) -> None:
        saved = dialog.saved
        if saved is None:
            return
        self._selected_id = saved.member.id
        if saved.warnings:
            self.show_notice(
                self.tr("Saved {name}. Please check: {warnings}").format(
                    name=saved.member.name,
                    warnings="；".join(warning.message for warning in saved.warnings),
                )
            )
        else:
            self.show_notice(self.tr("Saved {name}.").format(name=saved.member.name))

    def _member_changed_in_dialog(self, member_id: int) -> None:
        """A dated change (transfer, kind, status) was recorded from the history tab (the
        change dialog announced it): keep that member selected when the list reloads."""
        self._selected_id = member_id

    def show_organizations(self) -> None:
        from dangqun.ui.dialogs.organization_dialog import OrganizationDialog

        dialog = OrganizationDialog(self.context, self)
        self.open_dialog(dialog, None)

    def show_political_birthdays(self) -> None:
        from dangqun.ui.dialogs.political_birthdays_dialog import PoliticalBirthdaysDialog

        dialog = PoliticalBirthdaysDialog(
            self.context,
            self,
            organizations=self.organizations,
            organization_id=self.ui.branchPicker.organization_id(),
        )
        self.open_dialog(dialog, None)

    # -- notices ----------------------------------------------------------------------------

    def show_notice(self, text: str) -> None:
        self.ui.noticeLabel.setText(text)
        self.ui.noticeFrame.setVisible(True)
        self._notice_timer.start(NOTICE_MILLISECONDS)

    def hide_notice(self) -> None:
        self.ui.noticeFrame.setVisible(False)

    def notice(self) -> str:
        return self.ui.noticeLabel.text() if self.ui.noticeFrame.isVisibleTo(self) else ""

    def preview_shown(self, window: QWidget) -> None:
        """The roster's preview window (:mod:`dangqun.ui.members.print_action`), kept for tests."""
        self.preview_window = window

    def _reset_when_failed(self, call: BackgroundCall) -> None:
        """A read that failed (shown by :func:`run_service`, or reported as a crash) leaves
        the page idle rather than searching forever."""
        call.failed.connect(self._read_failed)

    def _read_failed(self, _error: object) -> None:
        self.searching = False
        self._organizations_loading = False
        self._busy_timer.stop()


def _chosen(combo: QComboBox, enum_type: type[Any]) -> frozenset[Any]:
    value = combo.currentData()
    return frozenset({value}) if isinstance(value, enum_type) else frozenset()


def _load_search_tables(_progress: Any = None) -> None:
    """Load the pinyin and Traditional→Simplified tables once the list is on screen: the
    first surname typed would otherwise hold the interpreter for ~0.25 s mid-typing."""
    first_syllable(to_simplified("張"))
