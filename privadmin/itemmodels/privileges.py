"""Tree model of the privileges an organization may assign: provider, then privilege."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from privadmin.itemmodels import mime
from privadmin.itemmodels.collation import NameCollator
from privadmin.models import Assignability, AssignableGroup, Privilege

AnyIndex = QModelIndex | QPersistentModelIndex

# Role under which data() returns the privilege id (text) of a privilege row, None for providers.
PRIVILEGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Role under which data() returns the Assignability of a privilege row.
ASSIGNABILITY_ROLE = Qt.ItemDataRole.UserRole + 2
# Role under which data() returns the badge's (background, text) colours.
BADGE_COLORS_ROLE = Qt.ItemDataRole.UserRole + 3

# Badge colours: saturated mid-tone backgrounds with white text, legible on light and dark
# window backgrounds alike.
BADGE_COLORS: dict[Assignability, tuple[QColor, QColor]] = {
    Assignability.PRIVATE: (QColor("#8e4bb5"), QColor("#ffffff")),
    Assignability.PUBLIC: (QColor("#2e7d32"), QColor("#ffffff")),
    Assignability.WHITELIST: (QColor("#b45309"), QColor("#ffffff")),
}

COLUMN_NAME = 0
COLUMN_ASSIGNABILITY = 1
COLUMN_DESCRIPTION = 2
_COLUMN_COUNT = 3

# Internal ids: a provider row's internal id is 0 ("top level"). A privilege row's
# internal id is its provider's row + 1.
_TOP = 0


def assignability_label(assignability: Assignability) -> str:
    """Return the badge text in the UI language."""
    labels = {
        Assignability.PRIVATE: QCoreApplication.translate("PrivilegeTreeModel", "Private"),
        Assignability.PUBLIC: QCoreApplication.translate("PrivilegeTreeModel", "Public"),
        Assignability.WHITELIST: QCoreApplication.translate("PrivilegeTreeModel", "Whitelist"),
    }
    return labels[assignability]


class PrivilegeTreeModel(QAbstractItemModel):
    """Providers at the top level, each with the privileges it lets the organization assign.

    Privileges drag as a private MIME type carrying their ids. Employees dropped
    onto a privilege emit `employees_dropped(privilege_id, employee_keys)`;
    assignments dropped anywhere on the tree emit `assignments_dropped(items)`,
    which the main window treats as "remove these".
    """

    employees_dropped = Signal(str, list)  # privilege id, list[[idp, uuid]]
    assignments_dropped = Signal(list)  # list[[idp, uuid, privilege id]]

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language
        self._groups: list[AssignableGroup] = []
        self._privilege_by_id: dict[str, Privilege] = {}

    def set_groups(self, groups: Sequence[AssignableGroup]) -> None:
        collator = NameCollator(self._language)
        ordered = sorted(groups, key=lambda group: collator.sort_key(group.organization_name))
        self.beginResetModel()
        self._groups = [
            group.model_copy(
                update={
                    "privileges": tuple(
                        sorted(
                            group.privileges,
                            key=lambda privilege: collator.sort_key(privilege.name),
                        )
                    )
                }
            )
            for group in ordered
        ]
        self._privilege_by_id = {
            str(privilege.id): privilege for group in self._groups for privilege in group.privileges
        }
        self.endResetModel()

    def set_language(self, language: str) -> None:
        self._language = language
        self.set_groups(self._groups)

    def groups(self) -> Sequence[AssignableGroup]:
        return self._groups

    def privilege(self, privilege_id: str) -> Privilege | None:
        return self._privilege_by_id.get(privilege_id)

    def provider_name(self, tin: str) -> str:
        for group in self._groups:
            if group.organization_tin == tin:
                return group.organization_name
        return tin

    def index_of_privilege(self, privilege_id: str) -> QModelIndex:
        for group_row, group in enumerate(self._groups):
            for row, privilege in enumerate(group.privileges):
                if str(privilege.id) == privilege_id:
                    return self.index(row, 0, self.index(group_row, 0))
        return QModelIndex()

    def description(self, privilege: Privilege) -> str:
        if self._language == "da":
            return privilege.description_danish or privilege.description_english
        return privilege.description_english or privilege.description_danish

    # QAbstractItemModel.

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= _COLUMN_COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, _TOP)
        if parent.internalId() != _TOP:
            return QModelIndex()
        group_row = parent.row()
        if row >= len(self._groups[group_row].privileges):
            return QModelIndex()
        return self.createIndex(row, column, group_row + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()].privileges)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return _COLUMN_COUNT

    def _privilege_at(self, index: AnyIndex) -> Privilege | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self._groups[index.internalId() - 1].privileges[index.row()]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        privilege = self._privilege_at(index)
        if privilege is None:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == COLUMN_NAME:
                return group.organization_name
            if role == Qt.ItemDataRole.DisplayRole and index.column() == COLUMN_DESCRIPTION:
                return group.organization_tin
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{group.organization_name} ({group.organization_tin})"
            return None

        column = index.column()
        if role == PRIVILEGE_ID_ROLE:
            return str(privilege.id)
        if role == ASSIGNABILITY_ROLE:
            return privilege.assignability
        if role == BADGE_COLORS_ROLE and column == COLUMN_ASSIGNABILITY:
            return BADGE_COLORS[privilege.assignability]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COLUMN_NAME:
                return privilege.name
            if column == COLUMN_ASSIGNABILITY:
                return assignability_label(privilege.assignability)
            return self.description(privilege)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.description(privilege) or privilege.name
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Privilege"), self.tr("Assignability"), self.tr("Description")][section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMN_COUNT - 1)
        if self._groups:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._groups) - 1, _COLUMN_COUNT - 1)
            )
            for row in range(len(self._groups)):
                parent = self.index(row, 0)
                count = self.rowCount(parent)
                if count:
                    self.dataChanged.emit(
                        self.index(0, 0, parent), self.index(count - 1, _COLUMN_COUNT - 1, parent)
                    )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if self._privilege_at(index) is not None:
            flags |= Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # Drag and drop.

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [mime.PRIVILEGES_MIME, mime.EMPLOYEES_MIME, mime.ASSIGNMENTS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[str] = []
        for index in indexes:
            privilege = self._privilege_at(index)
            if privilege is not None and str(privilege.id) not in ids:
                ids.append(str(privilege.id))
        return mime.encode(mime.PRIVILEGES_MIME, ids)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if data.hasFormat(mime.ASSIGNMENTS_MIME):
            return True
        return data.hasFormat(mime.EMPLOYEES_MIME) and self._privilege_at(parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if data.hasFormat(mime.ASSIGNMENTS_MIME):
            items = [item for item in mime.decode(data, mime.ASSIGNMENTS_MIME) if len(item) == 3]
            if items:
                self.assignments_dropped.emit(items)
            return False
        privilege = self._privilege_at(parent)
        keys = [item for item in mime.decode(data, mime.EMPLOYEES_MIME) if len(item) == 2]
        if privilege is None or not keys:
            return False
        self.employees_dropped.emit(str(privilege.id), keys)
        return False
