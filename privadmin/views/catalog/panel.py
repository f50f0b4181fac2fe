"""The catalog tab: the selected organization's own privileges and the actions on them."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from privadmin.context import AppContext
from privadmin.controllers.catalog import CatalogController
from privadmin.itemmodels.catalog import CatalogFilterModel, CatalogModel, Column, PrivilegeRole
from privadmin.models import Privilege, Role
from privadmin.views.catalog.editor import PrivilegeEditor
from privadmin.views.catalog.tasks import Retranslating, StatusBar, TaskRunner, ask
from privadmin.views.catalog.texts import count_text, organization_line
from privadmin.views.catalog.whitelist import WhitelistEditor

log = logging.getLogger("privadmin.catalog")


class CatalogPanel(Retranslating, QWidget):
    """Lists the privileges the selected organization owns and lets a PrivilegeAdministrator
    create, edit, delete them and edit their whitelists."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogPanel")
        self.context = context
        self.controller: CatalogController | None = None
        self.organization_tin: str | None = None
        self.may_administer = False
        self.runner = TaskRunner("catalog", self)
        # The open dialog, if any, so it is not garbage-collected while shown.
        self.editor: PrivilegeEditor | None = None
        self.whitelist_editor: WhitelistEditor | None = None

        self.model = CatalogModel(self, language=context.language)
        self.proxy = CatalogFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.filter_label = QLabel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_label.setBuddy(self.filter_edit)
        self.role_note = QLabel(self)
        self.role_note.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.status = StatusBar(self.runner, self)
        # Whether the organization's privileges have been loaded since it was selected.
        self.loaded = False

        self.new_action = self._action(
            QKeySequence(QKeySequence.StandardKey.New), self.new_privilege
        )
        self.edit_action = self._action(QKeySequence("Ctrl+E"), self.edit_selected)
        self.delete_action = self._action(
            QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected
        )
        self.whitelist_action = self._action(
            QKeySequence("Ctrl+L"), self.edit_whitelist_of_selected
        )
        self.reload_action = self._action(
            QKeySequence(QKeySequence.StandardKey.Refresh), self.start_reload
        )
        self.filter_action = self._action(
            QKeySequence(QKeySequence.StandardKey.Find), self.filter_edit.setFocus
        )

        buttons = QHBoxLayout()
        self.tool_buttons: list[QToolButton] = []
        for action in (
            self.new_action,
            self.edit_action,
            self.delete_action,
            self.whitelist_action,
            self.reload_action,
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
            self.tool_buttons.append(button)
        buttons.addStretch(1)
        buttons.addWidget(self.filter_label)
        buttons.addWidget(self.filter_edit)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self._build_empty_page())

        layout = QVBoxLayout(self)
        layout.addWidget(self.role_note)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        # A filter change that leaves no rows either way emits no row signals, so the
        # empty page's text is updated from here too.
        self.filter_edit.textChanged.connect(lambda _text: self._update_empty_state())
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.runner.busy_changed.connect(lambda _busy: self._update_actions())
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_empty_state)

        self.setTabOrder(self.filter_edit, self.table)
        self.retranslate()
        self._update_actions()

    def _build_empty_page(self) -> QWidget:
        """Build the page shown in place of the table when it has no rows to show."""
        page = QWidget(self)
        page.setObjectName("catalogEmpty")
        self.empty_title = QLabel(page)
        self.empty_title.setWordWrap(True)
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_text = QLabel(page)
        self.empty_text.setWordWrap(True)
        self.empty_new_button = QPushButton(page)
        self.empty_new_button.clicked.connect(self.new_privilege)

        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.empty_text)
        layout.addWidget(self.empty_new_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        return page

    def _update_empty_state(self) -> None:
        """Show the table, or in its place a page that says why it is empty and what to do."""
        if not self.loaded or not self.may_administer or self.proxy.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        if self.model.rowCount() == 0:
            self.empty_title.setText(self.tr("No privileges of your own yet"))
            self.empty_text.setText(
                self.tr(
                    "The catalog lists the privileges that %1 owns and offers to other "
                    "organizations, whose administrators can then assign them to their employees. "
                    "Create a privilege, then choose who may assign it: only your organization "
                    "(Private), every organization (Public) or the organizations on its whitelist "
                    "(Whitelist)."
                ).replace("%1", self.organization_tin or "")
            )
        else:
            self.empty_title.setText(
                self.tr("No privileges match “%1”").replace("%1", self.filter_edit.text().strip())
            )
            self.empty_text.setText(
                self.tr("The filter looks in the names and descriptions of the privileges.")
            )
        self.stack.setCurrentIndex(1)

    def _action(self, shortcut: QKeySequence, slot: object) -> QAction:
        action = QAction(self)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def set_organization(self, tin: str, roles: Sequence[Role]) -> None:
        """Show the catalog of `tin`; only a caller with PrivilegeAdministrator there may change it."""
        log.info("Catalog shows organization %s", tin)
        self.organization_tin = tin
        self.may_administer = Role.PRIVILEGE_ADMINISTRATOR in roles
        self.controller = CatalogController(self.context.client, tin)
        self.loaded = False
        self.model.set_privileges([])
        self.status.clear_error()
        self.retranslate()
        self._update_actions()
        if self.may_administer:
            self.start_reload()

    def start_reload(self) -> None:
        if self.controller is not None and self.may_administer:
            self.runner.run(self.reload, "load privileges")

    async def reload(self) -> None:
        controller = self._require_controller()
        selected = self.selected_privilege()
        privileges = await controller.privileges()
        if controller is not self.controller:
            return
        self.loaded = True
        self.model.set_privileges(privileges)
        if selected is not None:
            self.select(selected.id)

    def selected_privilege(self) -> Privilege | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isSelected(index):
            return None
        privilege: Privilege | None = index.siblingAtColumn(0).data(PrivilegeRole)
        return privilege

    def select(self, privilege_id: uuid.UUID) -> None:
        row = self.model.row_of(privilege_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def new_privilege(self) -> PrivilegeEditor | None:
        if not self._may_change():
            return None
        editor = PrivilegeEditor(
            self._require_controller(), [p.name for p in self.model.privileges()], None, self
        )
        self._show_editor(editor)
        return editor

    def edit_selected(self) -> None:
        privilege = self.selected_privilege()
        if privilege is None or not self._may_change():
            return
        self.runner.run(lambda: self.edit(privilege), "open privilege")

    async def edit(self, privilege: Privilege) -> PrivilegeEditor:
        """Load the privilege with its ETag and open the editor on it."""
        current = await self._require_controller().get(privilege.id)
        self.model.put(current)
        editor = PrivilegeEditor(self._require_controller(), [], current, self)
        self._show_editor(editor)
        return editor

    def _show_editor(self, editor: PrivilegeEditor) -> None:
        if self.editor is not None:
            self.editor.close()
        self.editor = editor
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _result: self._forget_editor(editor))
        editor.open()

    def _forget_editor(self, editor: PrivilegeEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _saved(self, privilege: Privilege) -> None:
        self.model.put(privilege)
        self.select(privilege.id)
        # An update response may carry a stale assignment count, so reload to show the server's numbers.
        self.start_reload()

    def delete_selected(self) -> None:
        privilege = self.selected_privilege()
        if privilege is None or not self._may_change():
            return
        self.runner.run(lambda: self.delete(privilege), "delete privilege")

    async def delete(self, privilege: Privilege) -> bool:
        """Ask with the number of assignments that go with it, then delete; return whether it was deleted."""
        controller = self._require_controller()
        usage = await controller.usage(privilege.id)
        count = sum(entry.active_count + entry.inactive_count for entry in usage)

        lines = [self.tr("Delete the privilege “%1”?").replace("%1", privilege.name), ""]
        if count:
            lines.append(
                count_text(
                    count,
                    self.tr("1 assignment will be removed:"),
                    self.tr("%1 assignments will be removed:"),
                )
            )
            lines.extend(
                organization_line(entry.organization_name, entry.organization_tin, total)
                for entry in usage
                if (total := entry.active_count + entry.inactive_count) > 0
            )
        else:
            lines.append(self.tr("It has no assignments."))
        lines.append(self.tr("This cannot be undone."))
        text = "\n".join(lines)
        if not await ask(self, self.tr("Delete privilege"), text, self.tr("Delete")):
            log.info("Kept privilege %s", privilege.id)
            return False
        await controller.delete(privilege.id)
        self.model.remove(privilege.id)
        return True

    def edit_whitelist_of_selected(self) -> None:
        privilege = self.selected_privilege()
        if privilege is None or not self._may_change():
            return
        self.open_whitelist(privilege)

    def open_whitelist(self, privilege: Privilege) -> WhitelistEditor:
        if self.whitelist_editor is not None:
            self.whitelist_editor.close()
        editor = WhitelistEditor(self._require_controller(), privilege, self)
        self.whitelist_editor = editor
        editor.finished.connect(lambda _result: self._forget_whitelist_editor(editor))
        editor.open()
        editor.start_loading()
        return editor

    def _forget_whitelist_editor(self, editor: WhitelistEditor) -> None:
        if self.whitelist_editor is editor:
            self.whitelist_editor = None
        editor.deleteLater()
        self.start_reload()

    def _may_change(self) -> bool:
        return self.controller is not None and self.may_administer

    def _require_controller(self) -> CatalogController:
        if self.controller is None:
            raise RuntimeError(
                "CatalogPanel.set_organization() must be called before the catalog is used"
            )
        return self.controller

    def _update_actions(self) -> None:
        allowed = self._may_change()
        has_selection = self.selected_privilege() is not None
        self.new_action.setEnabled(allowed)
        self.reload_action.setEnabled(allowed and not self.runner.busy)
        for action in (self.edit_action, self.delete_action, self.whitelist_action):
            action.setEnabled(allowed and has_selection)
        self.table.setEnabled(allowed)
        self.filter_edit.setEnabled(allowed)
        self.empty_new_button.setEnabled(allowed)

    async def wait(self) -> None:
        await self.runner.wait()

    def retranslate(self) -> None:
        self.new_action.setText(self.tr("&New privilege"))
        self.edit_action.setText(self.tr("&Edit"))
        self.delete_action.setText(self.tr("&Delete"))
        self.whitelist_action.setText(self.tr("&Whitelist"))
        self.reload_action.setText(self.tr("Re&load"))
        for action, tip in (
            (self.new_action, self.tr("Create a privilege")),
            (
                self.edit_action,
                self.tr("Edit the descriptions and assignability of the selected privilege"),
            ),
            (self.delete_action, self.tr("Delete the selected privilege and its assignments")),
            (
                self.whitelist_action,
                self.tr("Edit the organizations that may assign the selected privilege"),
            ),
            (self.reload_action, self.tr("Load the privileges again from the server")),
        ):
            action.setToolTip(
                f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        self.empty_new_button.setText(self.tr("New privilege…"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter_edit.setPlaceholderText(self.tr("Name or description"))
        if self.organization_tin is not None and not self.may_administer:
            self.role_note.setText(
                self.tr(
                    "You need the PrivilegeAdministrator role in %1 to see and change its privileges."
                ).replace("%1", self.organization_tin)
            )
            self.role_note.setVisible(True)
        else:
            self.role_note.setVisible(False)
        # Qt posts LanguageChange, so the language switch has already updated the context here.
        self.model.set_language(self.context.language)
        self.model.retranslate()
        self._update_empty_state()


__all__ = ["CatalogPanel"]
