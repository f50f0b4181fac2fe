"""The privileges the organization may assign, and the selected employee's assignments."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from privadmin.itemmodels.assignments import AssignmentTableModel
from privadmin.itemmodels.privileges import (
    COLUMN_ASSIGNABILITY,
    PRIVILEGE_ID_ROLE,
    PrivilegeTreeModel,
)
from privadmin.models import Identity
from privadmin.views.delegates import BadgeDelegate


class PrivilegesPanel(QWidget):
    """A provider → privilege tree above the assignment list of the employee selected on the left."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree_model = PrivilegeTreeModel(language, self)
        self.assignment_model = AssignmentTableModel(language, self)
        self.assignment_model.set_provider_names(self.tree_model.provider_name)

        self.tree_title = QLabel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree.setItemDelegateForColumn(COLUMN_ASSIGNABILITY, BadgeDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 220)
        self.tree.header().resizeSection(COLUMN_ASSIGNABILITY, 110)
        self.tree.header().setStretchLastSection(True)
        self.tree_title.setBuddy(self.tree)
        self.tree_model.modelReset.connect(self.tree.expandAll)

        self.assignments_title = QLabel(self)
        self.assignments_title.setWordWrap(True)
        self.assignments = QTableView(self)
        self.assignments.setModel(self.assignment_model)
        self.assignments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assignments.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.assignments.setDragEnabled(True)
        self.assignments.setAcceptDrops(True)
        self.assignments.setDropIndicatorShown(True)
        self.assignments.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.assignments.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.assignments.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.assignments.verticalHeader().hide()
        self.assignments.setWordWrap(False)
        self.assignments.horizontalHeader().setStretchLastSection(True)
        self.assignments.horizontalHeader().resizeSection(0, 180)
        self.assignments.horizontalHeader().resizeSection(2, 200)
        self.assignments_title.setBuddy(self.assignments)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tree_title)
        top_layout.addWidget(self.tree)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.assignments_title)
        bottom_layout.addWidget(self.assignments)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        QWidget.setTabOrder(self.tree, self.assignments)
        self._shown: Identity | None = None
        self._selected_count = 0
        self.retranslate()

    def set_language(self, language: str) -> None:
        self.tree_model.set_language(language)
        self.assignment_model.set_language(language)

    def selected_privilege_ids(self) -> list[str]:
        ids: list[str] = []
        for index in self.tree.selectionModel().selectedRows(0):
            privilege_id = index.data(PRIVILEGE_ID_ROLE)
            if privilege_id and privilege_id not in ids:
                ids.append(privilege_id)
        return ids

    def selected_assignment_items(self) -> list[tuple[str, str, str]]:
        items = []
        for index in self.assignments.selectionModel().selectedRows(0):
            assignment = self.assignment_model.assignment(index.row())
            items.append(
                (assignment.idp, str(assignment.idp_identity_id), str(assignment.privilege_id))
            )
        return items

    def show_employee(self, identity: Identity | None, selected_count: int) -> None:
        """Show whose assignments are listed, or why none are."""
        self._shown = identity
        self._selected_count = selected_count
        self._update_title()

    def _update_title(self) -> None:
        identity = self._shown
        if identity is not None:
            name = identity.name or identity.email or str(identity.idp_identity_id)
            self.assignments_title.setText(self.tr("&Assignments of %1").replace("%1", name))
        elif self._selected_count > 1:
            self.assignments_title.setText(
                self.tr(
                    "%n employees selected: drag privileges onto them or press Ctrl+Enter",
                    "",
                    self._selected_count,
                )
            )
        else:
            self.assignments_title.setText(self.tr("&Assignments: select an employee"))

    def retranslate(self) -> None:
        self.tree_title.setText(self.tr("&Privileges you may assign, by provider"))
        self.tree.setAccessibleName(self.tr("Privileges"))
        self.assignments.setAccessibleName(self.tr("Assignments"))
        self.tree_model.retranslate()
        self.assignment_model.retranslate()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
