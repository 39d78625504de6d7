"""组织架构: the organization tree with grid codes and members, edited through the service.

A center has a few hundred organizations, so a :class:`QStandardItemModel` is right here. Each
change (add a sub-organization, add a top organization, rename, delete an empty one) is one
call of :mod:`dangqun.members.organizations`, which checks the level rules, numbers the grid
code, refuses to delete an organization that still has sub-organizations or members, and
writes the audit log. The call runs off the GUI thread (``save_in_background``) and announces
``Changes.of(ORGANIZATION)``, so the member list's filter follows; then the tree is read again.
A refusal shows in the message line under the tree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from dangqun.core.changes import Changes
from dangqun.core.security import Permission
from dangqun.members.changes import ORGANIZATION
from dangqun.members.organizations import child_level
from dangqun.members.service import (
    OrganizationNode,
    add_organization,
    delete_organization,
    organization_tree,
    rename_organization,
)
from dangqun.members.vocabulary import ORGANIZATION_LEVEL_LABELS, OrganizationLevel
from dangqun.ui.context import UiContext
from dangqun.ui.dialogs.base import ServiceDialog
from dangqun.ui.forms.ui_organization_dialog import Ui_OrganizationDialog
from dangqun.ui.icons import icon
from dangqun.ui.widgets import file_dialogs, message_boxes
from dangqun.ui.widgets.field_errors import FieldErrors
from dangqun.ui.widgets.style_role import set_style_role

NAME, LEVEL, CODE, MEMBERS = range(4)
ORGANIZATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OrganizationDialog(ServiceDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.may_edit = context.can(Permission.EDIT_RECORDS)
        self.changed = False
        self.nodes: dict[int, OrganizationNode] = {}
        self.ui = Ui_OrganizationDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Organization"),
                self.tr("Level"),
                self.tr("Grid code"),
                self.tr("Members in the register"),
            ]
        )
        ui.treeView.setModel(self.model)
        header = ui.treeView.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (LEVEL, CODE, MEMBERS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        ui.treeView.selectionModel().selectionChanged.connect(self._selection_changed)
        ui.addChildButton.setIcon(icon("organizations", "#FFFFFF", None))
        ui.addChildButton.clicked.connect(self.add_child)
        ui.addTopButton.clicked.connect(self.add_top)
        ui.renameButton.clicked.connect(self.rename_selected)
        ui.deleteButton.clicked.connect(self.delete_selected)
        ui.closeButton.clicked.connect(self.accept)
        for button in (ui.addChildButton, ui.addTopButton, ui.renameButton, ui.deleteButton):
            button.setVisible(self.may_edit)
        self.errors = FieldErrors({}, general=ui.messageLabel)
        """Every refusal goes to the message line: the names are asked in small input boxes."""
        self.show_message("")
        self.refresh()
        self.resize(900, 640)

    # -- the tree ---------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        nodes = organization_tree(self.context.application.database)
        self.nodes = {node.id: node for node in nodes}
        totals = self._totals(nodes)
        model = self.model
        model.removeRows(0, model.rowCount())
        items: dict[int, QStandardItem] = {}
        for node in nodes:
            name = QStandardItem(node.name)
            name.setData(node.id, ORGANIZATION_ID_ROLE)
            name.setToolTip(node.path)
            level = QStandardItem(node.level_label)
            code = QStandardItem(node.code or "—")
            members = QStandardItem(f"{totals[node.id]:,}")
            members.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if node.children:
                members.setToolTip(
                    self.tr("{direct} recorded here, {total} with the organizations below").format(
                        direct=node.members_in_register, total=totals[node.id]
                    )
                )
            row = [name, level, code, members]
            for item in row:
                item.setEditable(False)
            items[node.id] = name
            parent = items.get(node.parent_id) if node.parent_id is not None else None
            (parent or model.invisibleRootItem()).appendRow(row)
        view = self.ui.treeView
        view.expandToDepth(1)
        if select_id is not None and select_id in items:
            index = items[select_id].index()
            view.expand(index.parent())
            view.setCurrentIndex(index)
            view.scrollTo(index)
        self._update_buttons()
        if not nodes:
            self.show_message(
                self.tr(
                    "No organization yet. Start with “Add top organization…”: the community "
                    "party organization (or the street working committee above it)."
                ),
                error=False,
            )

    @staticmethod
    def _totals(nodes: list[OrganizationNode]) -> Counter[int]:
        """Members in the register of each organization with everything below it."""
        totals: Counter[int] = Counter()
        parents = {node.id: node.parent_id for node in nodes}
        for node in nodes:
            current: int | None = node.id
            seen: set[int] = set()
            while current is not None and current not in seen:
                seen.add(current)
                totals[current] += node.members_in_register
                current = parents.get(current)
        return totals

    def selected_node(self) -> OrganizationNode | None:
        index = self.ui.treeView.currentIndex()
        if not index.isValid():
            return None
        organization_id = index.siblingAtColumn(NAME).data(ORGANIZATION_ID_ROLE)
        return self.nodes.get(organization_id) if organization_id is not None else None

    def select(self, organization_id: int) -> bool:
        matches = self.model.match(
            self.model.index(0, NAME),
            ORGANIZATION_ID_ROLE,
            organization_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if not matches:
            return False
        view = self.ui.treeView
        view.setCurrentIndex(matches[0])
        view.expand(matches[0])
        view.scrollTo(matches[0], view.ScrollHint.PositionAtCenter)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        node = self.selected_node()
        ui = self.ui
        below = child_level(node.level) if node is not None else None
        ui.addChildButton.setEnabled(below is not None)
        if below is not None:
            ui.addChildButton.setText(
                self.tr("Add {level}…").format(level=ORGANIZATION_LEVEL_LABELS[below])
            )
        else:
            ui.addChildButton.setText(self.tr("Add sub-organization…"))
        ui.renameButton.setEnabled(node is not None)
        ui.deleteButton.setEnabled(node is not None)

    def show_message(self, text: str, error: bool = True) -> None:
        label = self.ui.messageLabel
        set_style_role(label, "error" if error else "muted")
        label.setText(text)
        label.setVisible(bool(text))

    # -- changes ----------------------------------------------------------------------------

    def accept(self) -> None:
        """Close. Each change was saved when it was made; a save under way finishes first."""
        if not self.is_saving:
            QDialog.accept(self)

    def _save(self, call: Callable[[], object], on_success: Callable[[Any], None]) -> None:
        """Write one change off the GUI thread with the whole dialog disabled meanwhile (the
        buttons share no container), so the tree cannot change under it."""
        if self.is_saving:
            return
        self.show_message("")  # the error style, for a refusal shown by self.errors
        self.save_in_background(
            self.context,
            call,
            changes=Changes.of(ORGANIZATION),
            field_errors=self.errors,
            buttons=self,
            on_success=on_success,
        )

    def _done(self, select_id: int | None, message: str) -> None:
        self.changed = True
        self.refresh(select_id)
        self.show_message(message, error=False)

    def add_child(self) -> None:
        parent = self.selected_node()
        if parent is None or not self.may_edit:
            return
        level = child_level(parent.level)
        if level is None:
            return
        label = ORGANIZATION_LEVEL_LABELS[level]
        name = file_dialogs.ask_text(
            self,
            self.tr("Add {level}").format(level=label),
            self.tr("Name of the new {level} under “{parent}”:").format(
                level=label, parent=parent.name
            ),
        )
        if name is None:
            return
        self._add(parent.id, name, None)

    def add_top(self) -> None:
        if not self.may_edit:
            return
        has_community = any(
            node.level is OrganizationLevel.COMMUNITY for node in self.nodes.values()
        )
        level = OrganizationLevel.STREET_COMMITTEE if has_community else OrganizationLevel.COMMUNITY
        label = ORGANIZATION_LEVEL_LABELS[level]
        name = file_dialogs.ask_text(
            self,
            self.tr("Add {level}").format(level=label),
            self.tr("Name of the new {level} (a top organization):").format(level=label),
        )
        if name is None:
            return
        self._add(None, name, level)

    def _add(self, parent_id: int | None, name: str, level: OrganizationLevel | None) -> None:
        self._save(
            partial(
                add_organization,
                self.context.application.database,
                self.context.actor,
                parent_id,
                name,
                level,
            ),
            self._added,
        )

    def _added(self, node: OrganizationNode) -> None:
        self._done(
            node.id,
            self.tr("Added {name} with code {code}.").format(name=node.name, code=node.code or "—"),
        )

    def rename_selected(self) -> None:
        node = self.selected_node()
        if node is None or not self.may_edit:
            return
        name = file_dialogs.ask_text(
            self,
            self.tr("Rename"),
            self.tr("New name for “{name}”:").format(name=node.name),
            node.name,
        )
        if name is None or name.strip() == node.name:
            return
        self._save(
            partial(
                rename_organization,
                self.context.application.database,
                self.context.actor,
                node.id,
                name,
            ),
            self._renamed,
        )

    def _renamed(self, renamed: OrganizationNode) -> None:
        self._done(renamed.id, self.tr("Renamed to {name}.").format(name=renamed.name))

    def delete_selected(self) -> None:
        node = self.selected_node()
        if node is None or not self.may_edit:
            return
        if not message_boxes.confirm(
            self,
            self.tr("Delete organization"),
            self.tr("Delete “{name}”?").format(name=node.name),
            self.tr("Delete"),
            self.tr(
                "Only an organization without sub-organizations and without members can be "
                "deleted. The deletion is recorded in the audit log."
            ),
        ):
            return
        self._save(
            partial(
                delete_organization,
                self.context.application.database,
                self.context.actor,
                node.id,
            ),
            lambda _result: self._done(
                node.parent_id, self.tr("Deleted {name}.").format(name=node.name)
            ),
        )

    def index_of(self, organization_id: int) -> QModelIndex:
        matches = self.model.match(
            self.model.index(0, NAME),
            ORGANIZATION_ID_ROLE,
            organization_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return matches[0] if matches else QModelIndex()
