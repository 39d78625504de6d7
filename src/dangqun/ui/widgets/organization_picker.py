"""Choose a party organization from the tree (街道党工委 → 社区党组织 → 网格党支部 → 楼栋党小组).

It looks and behaves like a combo box (Tab, Space, F4, a click), but opens the tree with a
filter box: a center has a few hundred organizations, and a flat list would lose who is under
whom. Used by the member list's branch filter (any organization, "all" on top) and by the
member form (only a 网格党支部 or a 楼栋党小组 can hold members; the others are shown greyed so
the user still sees where a branch sits).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QStandardItem, QStandardItemModel, QWheelEvent
from PySide6.QtWidgets import QComboBox, QFrame, QLineEdit, QTreeView, QVBoxLayout, QWidget

from dangqun.members.service import OrganizationNode

ORGANIZATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ANY_ORGANIZATION = -1
"""The id stored on the "all organizations" entry (the picker reports it as None)."""
POPUP_MINIMUM_WIDTH = 380
POPUP_HEIGHT = 420

_Index = QModelIndex | QPersistentModelIndex


def display_name(node: OrganizationNode, nodes: dict[int, OrganizationNode]) -> str:
    """A building group names its branch too: many branches have a "1栋党小组"."""
    parent = nodes.get(node.parent_id) if node.parent_id is not None else None
    if node.can_hold_members and parent is not None and parent.can_hold_members:
        return f"{parent.name} · {node.name}"
    return node.name


class OrganizationPickerPopup(QFrame):
    picked = Signal(object)

    def __init__(self, picker: OrganizationPicker) -> None:
        super().__init__(picker, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("organizationPickerPopup")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Type part of a name to filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(picker.tree_model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self._pick_first)
        self.view.clicked.connect(self._pick)
        self.view.activated.connect(self._pick)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.view.expandAll()
        first = self._first_selectable(QModelIndex())
        if first is not None:
            self.view.setCurrentIndex(first)

    def _first_selectable(self, parent: QModelIndex) -> QModelIndex | None:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if index.flags() & Qt.ItemFlag.ItemIsSelectable:
                return index
            found = self._first_selectable(index)
            if found is not None:
                return found
        return None

    def _pick_first(self) -> None:
        current = self.view.currentIndex()
        if current.isValid() and current.flags() & Qt.ItemFlag.ItemIsSelectable:
            self._pick(current)
            return
        first = self._first_selectable(QModelIndex())
        if first is not None:
            self._pick(first)

    def _pick(self, index: _Index) -> None:
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            return
        organization_id = index.data(ORGANIZATION_ID_ROLE)
        self.picked.emit(None if organization_id == ANY_ORGANIZATION else organization_id)
        self.close()

    def select(self, organization_id: int | None) -> None:
        wanted = ANY_ORGANIZATION if organization_id is None else organization_id
        matches = self.proxy.match(
            self.proxy.index(0, 0),
            ORGANIZATION_ID_ROLE,
            wanted,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if matches:
            self.view.setCurrentIndex(matches[0])
            self.view.scrollTo(matches[0])


class OrganizationPicker(QComboBox):
    """``organization_changed(int | None)`` when the user picks; None is "all"/"none"."""

    organization_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree_model = QStandardItemModel(self)
        self.nodes: dict[int, OrganizationNode] = {}
        self._selected: int | None = None
        self._any_label: str | None = None
        self._members_only = False
        self._placeholder = self.tr("Choose a branch")
        self._popup: OrganizationPickerPopup | None = None
        self.addItem("")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self._show_selection()

    # -- contents ---------------------------------------------------------------------------

    def set_nodes(
        self,
        nodes: Sequence[OrganizationNode],
        any_label: str | None = None,
        members_only: bool = False,
    ) -> None:
        """Fill the tree (``nodes`` in tree order). ``any_label`` adds an "all" entry on top;
        ``members_only`` lets only organizations that hold members be chosen."""
        self.nodes = {node.id: node for node in nodes}
        self._any_label = any_label
        self._members_only = members_only
        model = self.tree_model
        model.clear()
        root = model.invisibleRootItem()
        if any_label is not None:
            everything = QStandardItem(any_label)
            everything.setData(ANY_ORGANIZATION, ORGANIZATION_ID_ROLE)
            everything.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            root.appendRow(everything)
        items: dict[int, QStandardItem] = {}
        for node in nodes:
            item = QStandardItem(node.name)
            item.setData(node.id, ORGANIZATION_ID_ROLE)
            code = node.code or "—"
            item.setToolTip(
                self.tr("{level} · code {code} · {count} member(s) in the register").format(
                    level=node.level_label, code=code, count=node.members_in_register
                )
            )
            selectable = node.can_hold_members or not members_only
            flags = Qt.ItemFlag.ItemIsEnabled
            if selectable:
                flags |= Qt.ItemFlag.ItemIsSelectable
            else:
                item.setForeground(QColor("#8A919C"))
            item.setFlags(flags)
            items[node.id] = item
            parent = items.get(node.parent_id) if node.parent_id is not None else None
            (parent or root).appendRow(item)
        if self._selected is not None and self._selected not in self.nodes:
            self._selected = None
        self._show_selection()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self._show_selection()

    # -- selection --------------------------------------------------------------------------

    def organization_id(self) -> int | None:
        return self._selected

    def set_organization_id(self, organization_id: int | None, notify: bool = False) -> None:
        changed = organization_id != self._selected
        self._selected = organization_id
        self._show_selection()
        if changed and notify:
            self.organization_changed.emit(organization_id)

    def selected_node(self) -> OrganizationNode | None:
        return None if self._selected is None else self.nodes.get(self._selected)

    def _show_selection(self) -> None:
        node = self.selected_node()
        if node is not None:
            text = display_name(node, self.nodes)
            tip = node.path
        elif self._selected is not None:  # not loaded yet, or gone
            text, tip = self.tr("(organization no. {id})").format(id=self._selected), ""
        elif self._any_label is not None:
            text, tip = self._any_label, ""
        else:
            text, tip = self._placeholder, ""
        self.setItemText(0, text)
        self.setCurrentIndex(0)
        # A long name is elided in a narrow picker (1024×768, issue 11); the tooltip holds
        # the whole text or path, which is what the layout checks accept as elided on purpose.
        self.setToolTip(tip or text)
        self.setProperty("elided", True)

    # -- popup ------------------------------------------------------------------------------

    def popup(self) -> OrganizationPickerPopup:
        if self._popup is None:
            self._popup = OrganizationPickerPopup(self)
            self._popup.picked.connect(self._picked)
        return self._popup

    def showPopup(self) -> None:
        popup = self.popup()
        popup.filter_edit.clear()
        popup.view.expandAll()
        popup.select(self._selected)
        width = max(self.width(), POPUP_MINIMUM_WIDTH)
        popup.resize(width, POPUP_HEIGHT)
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        popup.filter_edit.setFocus()

    def hidePopup(self) -> None:
        if self._popup is not None:
            self._popup.close()
        super().hidePopup()

    def _picked(self, organization_id: int | None) -> None:
        self.set_organization_id(organization_id, notify=True)
        self.setFocus()

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # a wheel over the form scrolls the form, never the choice

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.showPopup()
            return
        super().keyPressEvent(event)
