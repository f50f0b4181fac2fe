"""Table model of an organization's own privileges, and the proxy that filters and sorts it."""

from __future__ import annotations

import enum
import logging
import uuid
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from privadmin.itemmodels.locale import format_datetime, ui_locale
from privadmin.models import Assignability, Privilege

log = logging.getLogger("privadmin.catalog")

ModelIndex = QModelIndex | QPersistentModelIndex

# The record of a row, for the views and the proxy.
PrivilegeRole = Qt.ItemDataRole.UserRole + 1
# A value that sorts the column naturally (numbers as numbers, times as times).
SortRole = Qt.ItemDataRole.UserRole + 2


class Column(enum.IntEnum):
    NAME = 0
    ASSIGNABILITY = 1
    UPDATED = 2
    ASSIGNMENTS = 3


def assignability_text(assignability: Assignability) -> str:
    """Return the translated name of an assignability, as the catalog editor shows it."""
    texts = {
        Assignability.PRIVATE: QCoreApplication.translate("Catalog", "Private"),
        Assignability.PUBLIC: QCoreApplication.translate("Catalog", "Public"),
        Assignability.WHITELIST: QCoreApplication.translate("Catalog", "Whitelist"),
    }
    return texts[assignability]


class CatalogModel(QAbstractTableModel):
    """The privileges an organization owns: name, assignability, last change, assignment count."""

    def __init__(self, parent: Any = None, *, language: str = "en") -> None:
        super().__init__(parent)
        self._privileges: list[Privilege] = []
        self._language = language
        self._locale = ui_locale(language)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._privileges)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            Column.NAME: QCoreApplication.translate("Catalog", "Name"),
            Column.ASSIGNABILITY: QCoreApplication.translate("Catalog", "Assignability"),
            Column.UPDATED: QCoreApplication.translate("Catalog", "Last changed"),
            Column.ASSIGNMENTS: QCoreApplication.translate("Catalog", "Assignments"),
        }
        return headers.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            log.warning(
                "CatalogModel.data got an invalid index: row %s, column %s",
                index.row(),
                index.column(),
            )
            return None
        privilege = self._privileges[index.row()]
        column = Column(index.column())

        if role == PrivilegeRole:
            return privilege
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(privilege, column)
        if role == SortRole:
            return self._sort_key(privilege, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(
                text
                for text in (privilege.description_danish, privilege.description_english)
                if text
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.ASSIGNMENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, privilege: Privilege, column: Column) -> str:
        if column == Column.NAME:
            return privilege.name
        if column == Column.ASSIGNABILITY:
            return assignability_text(privilege.assignability)
        if column == Column.UPDATED:
            # Shown in the computer's time zone, like the employee list's dates.
            return format_datetime(privilege.updated, self._locale)
        return str(privilege.assignment_count)

    def _sort_key(self, privilege: Privilege, column: Column) -> Any:
        if column == Column.NAME:
            return privilege.name.casefold()
        if column == Column.ASSIGNABILITY:
            return assignability_text(privilege.assignability)
        if column == Column.UPDATED:
            return privilege.updated.timestamp()
        return privilege.assignment_count

    def set_privileges(self, privileges: Iterable[Privilege]) -> None:
        self.beginResetModel()
        self._privileges = sorted(privileges, key=lambda privilege: privilege.name.casefold())
        self.endResetModel()

    def privileges(self) -> list[Privilege]:
        return list(self._privileges)

    def row_of(self, privilege_id: uuid.UUID) -> int:
        """Return the row of a privilege, or -1 when the model does not contain it."""
        for row, privilege in enumerate(self._privileges):
            if privilege.id == privilege_id:
                return row
        return -1

    def put(self, privilege: Privilege) -> None:
        """Insert a privilege, or replace the row with the same id."""
        row = self.row_of(privilege.id)
        if row < 0:
            self.beginInsertRows(QModelIndex(), len(self._privileges), len(self._privileges))
            self._privileges.append(privilege)
            self.endInsertRows()
            return
        self._privileges[row] = privilege
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def remove(self, privilege_id: uuid.UUID) -> None:
        row = self.row_of(privilege_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._privileges[row]
        self.endRemoveRows()

    def set_language(self, language: str) -> None:
        """Show the dates in the short format of `language` ("da" or "en")."""
        if language == self._language:
            return
        self._language = language
        self._locale = ui_locale(language)
        if self._privileges:
            top_left = self.index(0, Column.UPDATED)
            self.dataChanged.emit(top_left, self.index(len(self._privileges) - 1, Column.UPDATED))

    def retranslate(self) -> None:
        """Refresh the translated header and assignability texts after a language change."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._privileges:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._privileges) - 1, len(Column) - 1)
            )


class CatalogFilterModel(QSortFilterProxyModel):
    """Filters the catalog by a text found in a privilege's name or descriptions, case-insensitively."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filter_text(self, text: str) -> None:
        # beginFilterChange() exists from Qt 6.9 on and replaces the deprecated invalidateRowsFilter().
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self._needle = text.strip().casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = text.strip().casefold()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._needle:
            return True
        privilege = self.sourceModel().index(source_row, 0, source_parent).data(PrivilegeRole)
        if privilege is None:
            return False
        haystack = (
            f"{privilege.name} {privilege.description_danish} {privilege.description_english}"
        )
        return self._needle in haystack.casefold()
