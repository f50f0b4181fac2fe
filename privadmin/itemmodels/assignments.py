"""Table model of the assignments the organization made to the selected employee."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from privadmin.itemmodels import mime
from privadmin.itemmodels.locale import format_datetime, ui_locale
from privadmin.models import Assignment, InactiveReason

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMN_PRIVILEGE = 0
COLUMN_PROVIDER = 1
COLUMN_STATUS = 2
COLUMN_DESCRIPTION = 3
COLUMN_ASSIGNED = 4
_COLUMN_COUNT = 5

# Role under which data() returns the assignment's privilege id as text.
PRIVILEGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AssignmentTableModel(QAbstractTableModel):
    """Active and inactive assignments of one employee, active ones first.

    Privileges dropped here emit `privileges_dropped(privilege_ids)`; dragging
    rows out carries them as the assignments MIME type, which the privilege tree
    accepts as a removal.
    """

    privileges_dropped = Signal(list)  # list[str]

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language
        self._assignments: list[Assignment] = []
        self._provider_name: Callable[[str], str] = lambda tin: tin

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def set_provider_names(self, provider_name: Callable[[str], str]) -> None:
        self._provider_name = provider_name

    def set_assignments(self, assignments: Sequence[Assignment]) -> None:
        self.beginResetModel()
        self._assignments = sorted(
            assignments,
            key=lambda assignment: (not assignment.active, assignment.privilege_name.casefold()),
        )
        self.endResetModel()

    def assignments(self) -> Sequence[Assignment]:
        return self._assignments

    def assignment(self, row: int) -> Assignment:
        return self._assignments[row]

    def remove_privileges(self, privilege_ids: set[str]) -> None:
        """Drop the rows of these privileges in place (after a removal the server confirmed)."""
        for row in reversed(range(len(self._assignments))):
            if str(self._assignments[row].privilege_id) in privilege_ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._assignments[row]
                self.endRemoveRows()

    def inactive_reason_text(self, reason: InactiveReason | None) -> str:
        if reason is InactiveReason.NOT_WHITELISTED:
            return self.tr("Inactive: the organization is no longer on the privilege's whitelist")
        if reason is InactiveReason.PRIVILEGE_PRIVATE:
            return self.tr("Inactive: the provider has made the privilege private")
        return self.tr("Inactive")

    # QAbstractTableModel.

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._assignments)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._assignments):
            return None
        assignment = self._assignments[index.row()]
        column = index.column()
        if role == PRIVILEGE_ID_ROLE:
            return str(assignment.privilege_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COLUMN_PRIVILEGE:
                return assignment.privilege_name
            if column == COLUMN_PROVIDER:
                return self._provider_name(assignment.privilege_organization_tin)
            if column == COLUMN_STATUS:
                return (
                    self.tr("Active")
                    if assignment.active
                    else self.inactive_reason_text(assignment.inactive_reason)
                )
            if column == COLUMN_DESCRIPTION:
                if self._language == "da":
                    return (
                        assignment.privilege_description_danish
                        or assignment.privilege_description_english
                    )
                return (
                    assignment.privilege_description_english
                    or assignment.privilege_description_danish
                )
            if column == COLUMN_ASSIGNED:
                return format_datetime(assignment.created, ui_locale(self._language))
        if role == Qt.ItemDataRole.ForegroundRole and not assignment.active:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.ToolTipRole and not assignment.active:
            return self.inactive_reason_text(assignment.inactive_reason)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Privilege"),
            self.tr("Provider"),
            self.tr("Status"),
            self.tr("Description"),
            self.tr("Assigned"),
        ][section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMN_COUNT - 1)
        if self._assignments:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._assignments) - 1, _COLUMN_COUNT - 1)
            )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    # Drag and drop.

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [mime.PRIVILEGES_MIME, mime.ASSIGNMENTS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        items = [
            [
                self._assignments[row].idp,
                str(self._assignments[row].idp_identity_id),
                str(self._assignments[row].privilege_id),
            ]
            for row in rows
        ]
        return mime.encode(mime.ASSIGNMENTS_MIME, items)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return data.hasFormat(mime.PRIVILEGES_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        privilege_ids = [str(item) for item in mime.decode(data, mime.PRIVILEGES_MIME)]
        if not privilege_ids:
            return False
        self.privileges_dropped.emit(privilege_ids)
        return False
