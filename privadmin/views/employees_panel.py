"""The employee list: search as you type, loading progress with cancel, and the empty state."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from privadmin.itemmodels.employees import (
    EmployeeColumn,
    EmployeeFilterProxy,
    EmployeeKey,
    EmployeeTableModel,
)
from privadmin.views.icons import icon


class EmployeesPanel(QWidget):
    """Shows the organization's employees and lets the user search, select and drag them."""

    add_requested = Signal()
    load_cancel_requested = Signal()
    selection_changed = Signal()

    PAGE_TABLE = 0
    PAGE_EMPTY = 1

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EmployeeTableModel(language, self)
        self.proxy = EmployeeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._loading = False
        self._can_assign = True

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search_icon = self.search.addAction(
            icon("search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search.textChanged.connect(self._on_search)

        self.count_label = QLabel(self)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.load_cancel_requested)
        self.progress_row = QWidget(self)
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress, 1)
        progress_layout.addWidget(self.cancel_button)
        self.progress_row.hide()

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            EmployeeColumn.NAME, Qt.SortOrder.AscendingOrder
        )
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights keep 50,000 rows cheap to lay out.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(EmployeeColumn.NAME, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(EmployeeColumn.NAME, 200)
        header.resizeSection(EmployeeColumn.EMAIL, 230)
        header.resizeSection(EmployeeColumn.RID, 80)
        header.resizeSection(EmployeeColumn.LAST_SEEN, 130)
        header.resizeSection(EmployeeColumn.PRIVILEGES, 80)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selection_changed.emit()
        )

        self.empty_title = QLabel(self)
        self.empty_title.setWordWrap(True)
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_text = QLabel(self)
        self.empty_text.setWordWrap(True)
        self.empty_add_button = QPushButton(icon("add-employee"), "", self)
        self.empty_add_button.clicked.connect(self.add_requested)
        empty_page = QWidget(self)
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_page)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.stack, 1)

        self.setFocusProxy(self.search)
        QWidget.setTabOrder(self.search, self.table)
        self.proxy.modelReset.connect(self._update_state)
        self.proxy.rowsInserted.connect(self._update_state)
        self.proxy.rowsRemoved.connect(self._update_state)
        self.proxy.layoutChanged.connect(self._update_state)
        self.retranslate()

    # State.

    def set_language(self, language: str) -> None:
        self.model.set_language(language)

    def set_can_assign(self, can_assign: bool) -> None:
        """Record whether the caller has the PrivilegeAssigner role here, without which the list cannot load."""
        self._can_assign = can_assign
        self._update_state()

    def can_assign(self) -> bool:
        return self._can_assign

    def begin_loading(self) -> None:
        self._loading = True
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Loading employees…"))
        self.progress_row.show()
        self._update_state()

    def report_loaded(self, count: int) -> None:
        self.progress.setFormat(self.tr("Loading employees… %n loaded", "", count))
        # A busy bar hides the text on some styles, so show it as a full bar with text.
        self.progress.setRange(0, 1)
        self.progress.setValue(1)

    def end_loading(self) -> None:
        self._loading = False
        self.progress_row.hide()
        self._update_state()

    def is_loading(self) -> bool:
        return self._loading

    def refresh_icons(self) -> None:
        self.search_icon.setIcon(icon("search"))
        self.empty_add_button.setIcon(icon("add-employee"))

    # Selection.

    def selected_keys(self) -> list[EmployeeKey]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.employee_key(row) for row in rows]

    def current_key(self) -> EmployeeKey | None:
        keys = self.selected_keys()
        return keys[0] if len(keys) == 1 else None

    def select_keys(self, keys: list[EmployeeKey]) -> None:
        """Select these employees (those visible through the filter) and make the first current."""
        selection_model = self.table.selectionModel()
        selection_model.clearSelection()
        first = None
        for key in keys:
            source_row = self.model.row_of(key)
            if source_row is None:
                continue
            proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if not proxy_index.isValid():
                continue
            selection_model.select(
                proxy_index,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
            first = first or proxy_index
        if first is not None:
            selection_model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)

    # Internals.

    def _on_search(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._update_state()

    def _update_state(self, *_: object) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if self.proxy.search_text():
            self.count_label.setText(
                self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total))
            )
        else:
            self.count_label.setText(self.tr("%n employee(s)", "", total))

        if self._loading or shown > 0:
            self.stack.setCurrentIndex(self.PAGE_TABLE)
            return
        if not self._can_assign:
            self.empty_title.setText(self.tr("You cannot manage employees in this organization"))
            self.empty_text.setText(
                self.tr(
                    "Your roles here do not include assigning privileges (PrivilegeAssigner). "
                    "An administrator of the organization can grant it."
                )
            )
            self.empty_add_button.hide()
        elif total == 0:
            self.empty_title.setText(self.tr("No employees yet"))
            self.empty_text.setText(
                self.tr(
                    "Employees appear here after their first sign-in at a provider's service that "
                    "uses the privilege service. To assign privileges before that, add an employee "
                    "by their MitID Erhverv UUID."
                )
            )
            self.empty_add_button.show()
        else:
            self.empty_title.setText(
                self.tr("No employees match “%1”").replace("%1", self.search.text().strip())
            )
            self.empty_text.setText(
                self.tr(
                    "Search looks in name, email, RID and UUID. If the employee has not signed in "
                    "at a service yet, add them by their MitID Erhverv UUID."
                )
            )
            self.empty_add_button.show()
        self.stack.setCurrentIndex(self.PAGE_EMPTY)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search name, email, RID or UUID (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search employees"))
        self.table.setAccessibleName(self.tr("Employees"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.empty_add_button.setText(self.tr("Add employee…"))
        self.model.retranslate()
        if self._loading:
            self.progress.setFormat(self.tr("Loading employees…"))
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
