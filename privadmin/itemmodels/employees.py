"""Table model of an organization's employees, and the proxy that filters it as the user types."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from privadmin.itemmodels import mime
from privadmin.itemmodels.collation import NameCollator
from privadmin.itemmodels.locale import format_datetime, ui_locale
from privadmin.models import Identity

# (idp, idp_identity_id as lowercase text): how employees are named in drags and batches.
EmployeeKey = tuple[str, str]
AnyIndex = QModelIndex | QPersistentModelIndex


def employee_key(identity: Identity) -> EmployeeKey:
    return (identity.idp, str(identity.idp_identity_id))


class EmployeeColumn(enum.IntEnum):
    NAME = 0
    EMAIL = 1
    RID = 2
    LAST_SEEN = 3
    PRIVILEGES = 4


# Role under which data() returns the row's EmployeeKey.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _search_text(identity: Identity) -> str:
    parts = (
        identity.name or "",
        identity.email or "",
        identity.rid or "",
        str(identity.idp_identity_id),
    )
    return "\x1f".join(parts).casefold()


class EmployeeTableModel(QAbstractTableModel):
    """The whole employee list of one organization, sorted locally with the UI language's collation.

    Sorting reorders the rows of this model itself (by ranks computed once per
    load), so a proxy on top only filters and 50,000 rows sort without a Python
    call per comparison. Drops of privileges onto a row emit
    `privileges_dropped(target, privilege_ids)`; the view widens the target to
    its selection.
    """

    privileges_dropped = Signal(object, list)  # EmployeeKey, list[str]

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self._collator = NameCollator(language)
        self._rows: list[Identity] = []
        self._search: list[str] = []
        self._name_ranks: list[int] = []
        self._row_of: dict[EmployeeKey, int] = {}
        self._sort_column = EmployeeColumn.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._locale = ui_locale(language)

    # Loading and updating.

    def set_language(self, language: str) -> None:
        """Switch the collation and the date format, and sort again."""
        self._collator = NameCollator(language)
        self._locale = ui_locale(language)
        self.set_identities(self._rows)

    def set_identities(self, identities: Iterable[Identity]) -> None:
        self.beginResetModel()
        self._rows = list(identities)
        self._name_ranks = self._collator.ranks(
            [self._display_name(identity) for identity in self._rows]
        )
        self._search = [_search_text(identity) for identity in self._rows]
        self._apply_sort()
        self.endResetModel()

    def upsert_identity(self, identity: Identity) -> None:
        """Add an employee, or replace the row of one already listed; the list is sorted again."""
        key = employee_key(identity)
        row = self._row_of.get(key)
        if row is not None:
            self._rows[row] = identity
            self._search[row] = _search_text(identity)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(EmployeeColumn) - 1))
            return
        self.set_identities([*self._rows, identity])

    def adjust_privilege_counts(self, deltas: dict[EmployeeKey, int]) -> None:
        """Add each delta to the employee's privilege count and repaint just those cells."""
        for key, delta in deltas.items():
            row = self._row_of.get(key)
            if row is None or delta == 0:
                continue
            identity = self._rows[row]
            count = max(0, identity.assigned_privilege_count + delta)
            self._rows[row] = identity.model_copy(update={"assigned_privilege_count": count})
            cell = self.index(row, EmployeeColumn.PRIVILEGES)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    # Lookups used by the proxy and the views.

    def identity(self, row: int) -> Identity:
        return self._rows[row]

    def identity_for(self, key: EmployeeKey) -> Identity | None:
        row = self._row_of.get(key)
        return None if row is None else self._rows[row]

    def row_of(self, key: EmployeeKey) -> int | None:
        return self._row_of.get(key)

    def search_text(self, row: int) -> str:
        return self._search[row]

    def search_texts(self) -> Sequence[str]:
        return self._search

    def identities(self) -> Sequence[Identity]:
        return self._rows

    # QAbstractTableModel.

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EmployeeColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        identity = self._rows[index.row()]
        column = EmployeeColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(identity, column)
        if role == KEY_ROLE:
            return employee_key(identity)
        if role == Qt.ItemDataRole.ToolTipRole and column == EmployeeColumn.NAME:
            return str(identity.idp_identity_id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == EmployeeColumn.PRIVILEGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = [
                self.tr("Name"),
                self.tr("Email"),
                self.tr("RID"),
                self.tr("Last seen"),
                self.tr("Privileges"),
            ]
            return headers[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(EmployeeColumn) - 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        keys_before = [
            (employee_key(self._rows[index.row()]), index.column()) for index in persistent
        ]
        self._sort_column = EmployeeColumn(column)
        self._sort_order = order
        self._apply_sort()
        self.changePersistentIndexList(
            persistent, [self.index(self._row_of[key], column) for key, column in keys_before]
        )
        self.layoutChanged.emit()

    # Drag and drop.

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [mime.EMPLOYEES_MIME, mime.PRIVILEGES_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return mime.encode(
            mime.EMPLOYEES_MIME, [list(employee_key(self._rows[row])) for row in rows]
        )

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return data.hasFormat(mime.PRIVILEGES_MIME) and self._drop_row(row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        target_row = self._drop_row(row, parent)
        privilege_ids = [str(item) for item in mime.decode(data, mime.PRIVILEGES_MIME)]
        if target_row is None or not privilege_ids:
            return False
        self.privileges_dropped.emit(employee_key(self._rows[target_row]), privilege_ids)
        # The drop starts an assignment; nothing is inserted into this model.
        return False

    def _drop_row(self, row: int, parent: AnyIndex) -> int | None:
        # A drop onto an item comes with row -1 and the item as parent. A drop
        # between rows comes with the row and an invalid parent.
        if parent.isValid():
            return parent.row()
        if 0 <= row < len(self._rows):
            return row
        return None

    # Internals.

    @staticmethod
    def _display_name(identity: Identity) -> str:
        return identity.name or identity.email or str(identity.idp_identity_id)

    def _display(self, identity: Identity, column: EmployeeColumn) -> str | int | None:
        if column == EmployeeColumn.NAME:
            return identity.name or ""
        if column == EmployeeColumn.EMAIL:
            return identity.email or ""
        if column == EmployeeColumn.RID:
            return identity.rid or ""
        if column == EmployeeColumn.LAST_SEEN:
            if identity.last_seen is None:
                return ""
            return format_datetime(identity.last_seen, self._locale)
        return identity.assigned_privilege_count

    def _sort_value(self, row: int) -> Any:
        identity = self._rows[row]
        column = self._sort_column
        if column == EmployeeColumn.NAME:
            return self._name_ranks[row]
        if column == EmployeeColumn.EMAIL:
            return (identity.email or "").casefold()
        if column == EmployeeColumn.RID:
            return identity.rid or ""
        if column == EmployeeColumn.LAST_SEEN:
            return identity.last_seen or dt.datetime.min.replace(tzinfo=dt.UTC)
        return identity.assigned_privilege_count

    def _apply_sort(self) -> None:
        order = sorted(
            range(len(self._rows)),
            key=self._sort_value,
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [self._rows[row] for row in order]
        self._search = [self._search[row] for row in order]
        self._name_ranks = [self._name_ranks[row] for row in order]
        self._row_of = {employee_key(identity): row for row, identity in enumerate(self._rows)}


class EmployeeFilterProxy(QSortFilterProxyModel):
    """Filters employees by a search text matched across name, email, RID and UUID.

    The match is computed in one pass over the source's search texts into a
    flag per row, so filterAcceptsRow is a list lookup. When the new text
    extends the previous one, only rows that matched before are checked again.
    Sorting is passed on to the source model, which keeps its rows in order.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._accepted: list[bool] | None = None
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        model.modelReset.connect(self._refilter)
        model.layoutChanged.connect(self._refilter)

    def source(self) -> EmployeeTableModel:
        model = self.sourceModel()
        assert isinstance(model, EmployeeTableModel)
        return model

    def search_text(self) -> str:
        return self._text

    def set_search_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._text:
            return
        narrowing = (
            bool(self._text) and needle.startswith(self._text) and self._accepted is not None
        )
        previous = self._accepted
        self.beginFilterChange()
        self._text = needle
        self._compute(previous if narrowing else None)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _compute(self, previous: list[bool] | None) -> None:
        if not self._text:
            self._accepted = None
            return
        needle = self._text
        texts = self.source().search_texts()
        if previous is not None and len(previous) == len(texts):
            self._accepted = [
                was and needle in text for was, text in zip(previous, texts, strict=True)
            ]
        else:
            self._accepted = [needle in text for text in texts]

    def _refilter(self) -> None:
        self.beginFilterChange()
        self._compute(None)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        accepted = self._accepted
        if accepted is None:
            return True
        if source_row >= len(accepted):
            return True
        return accepted[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def employee_key(self, proxy_row: int) -> EmployeeKey:
        source_row = self.mapToSource(self.index(proxy_row, 0)).row()
        return employee_key(self.source().identity(source_row))

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        source_row, source_parent = self._map_drop(row, column, parent)
        return self.source().canDropMimeData(data, action, source_row, -1, source_parent)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        source_row, source_parent = self._map_drop(row, column, parent)
        return self.source().dropMimeData(data, action, source_row, -1, source_parent)

    def _map_drop(self, row: int, column: int, parent: AnyIndex) -> tuple[int, QModelIndex]:
        # A drop onto an item arrives as row = column = -1 with the item as
        # parent; the item is a proxy index and must be mapped to the source.
        if parent.isValid():
            return -1, self.mapToSource(self.index(parent.row(), max(parent.column(), 0)))
        if 0 <= row < self.rowCount():
            return self.mapToSource(self.index(row, 0)).row(), QModelIndex()
        return -1, QModelIndex()
