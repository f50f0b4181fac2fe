"""The main window: organization switcher, employees, privileges, and assignment by drag and drop."""

from __future__ import annotations

import asyncio
import logging
import platform
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from privadmin import __version__
from privadmin.context import AppContext
from privadmin.controllers import organization as loading
from privadmin.controllers.assignments import ChangePlan
from privadmin.controllers.tasks import TaskRunner
from privadmin.diagnostics import copy_diagnostics_action, qt_versions
from privadmin.itemmodels.employees import EmployeeKey
from privadmin.models import Me, OrganizationMembership, Role
from privadmin.views.banner import ErrorBanner, describe_error
from privadmin.views.changes import ChangeRunning, ChangeTexts
from privadmin.views.dialogs import (
    AddEmployeeDialog,
    BatchFailureDialog,
    BatchProgressDialog,
    ChangePreviewDialog,
    wait_for_dialog,
)
from privadmin.views.employees_panel import EmployeesPanel
from privadmin.views.icons import clear_icon_cache, icon
from privadmin.views.privileges_panel import PrivilegesPanel

log = logging.getLogger("privadmin.views.main_window")

_catalog_panel_class: Any
try:
    from privadmin.views.catalog import CatalogPanel as _catalog_panel_class
except ImportError:  # A build without the catalog editor shows no catalog tab.
    _catalog_panel_class = None


class MainWindow(ChangeRunning):
    """The window in which an administrator browses employees and assigns privileges to them.

    All server work runs as asyncio tasks on the qasync loop through
    `self.tasks`. The actions start the public coroutines (load_organization,
    apply_plan, undo_last, redo_next, add_employee), and tests drive them
    directly.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language if context.language in ("da", "en") else "en"
        self.me: Me | None = None
        self.organization: OrganizationMembership | None = None
        # Items per atomic batch request; None uses the API client's maximum.
        self.batch_size: int | None = None
        self.undo_group = QUndoGroup(self)
        self.change_texts = ChangeTexts(self)
        self._undo_stacks: dict[str, QUndoStack] = {}
        self.tasks = TaskRunner(self._show_task_error)
        self._organization_task: asyncio.Task[Any] | None = None
        self._assignments_task: asyncio.Task[Any] | None = None
        self._busy = False
        # The most recent dialogs, so that keyboard users and tests can reach them.
        self.preview_dialog: ChangePreviewDialog | None = None
        self.progress_dialog: BatchProgressDialog | None = None
        self.failure_dialog: BatchFailureDialog | None = None
        self.add_dialog: AddEmployeeDialog | None = None
        self.about_box: QMessageBox | None = None
        # Which icon each action shows, so that a palette change can redraw them.
        self._icon_names: dict[QAction, str] = {}

        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()
        self.retranslate()
        self.resize(1280, 800)
        if context.notice:
            self.banner.show_notice(context.notice)
        self.tasks.start(self.load_me, name="load-me")

    # Construction.

    def _build_widgets(self) -> None:
        self.banner = ErrorBanner(self)
        self.organization_label = QLabel(self)
        self.organization_combo = QComboBox(self)
        # Wide enough for a long name and its TIN, which is what tells organizations apart.
        self.organization_combo.setMinimumContentsLength(28)
        self.organization_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.organization_label.setBuddy(self.organization_combo)
        self.roles_label = QLabel(self)
        self.roles_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.employees = EmployeesPanel(self.language, self)
        self.privileges = PrivilegesPanel(self.language, self)
        # Space on both sides of the splitter handle, so that the employee count beside
        # the search field keeps clear of the privileges heading.
        self.employees.setContentsMargins(0, 0, 6, 0)
        self.privileges.setContentsMargins(6, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.employees)
        splitter.addWidget(self.privileges)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.assign_page = QWidget(self)
        assign_layout = QVBoxLayout(self.assign_page)
        assign_layout.setContentsMargins(6, 6, 6, 6)
        assign_layout.addWidget(splitter)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.assign_page, icon("employees"), "")
        self.catalog_panel: QWidget | None = None

        header = QWidget(self)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(6, 6, 6, 0)
        header_layout.addWidget(self.organization_label)
        header_layout.addWidget(self.organization_combo)
        header_layout.addWidget(self.roles_label, 1)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.environment_label = QLabel(self)
        self.identity_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.environment_label)
        self.statusBar().addPermanentWidget(self.identity_label)

        QWidget.setTabOrder(self.organization_combo, self.employees.search)
        QWidget.setTabOrder(self.employees.search, self.employees.table)
        QWidget.setTabOrder(self.employees.table, self.privileges.tree)
        QWidget.setTabOrder(self.privileges.tree, self.privileges.assignments)

    def _action(
        self,
        icon_name: str | None,
        shortcuts: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (),
        action: QAction | None = None,
    ) -> QAction:
        action = action if action is not None else QAction(self)
        if icon_name:
            action.setIcon(icon(icon_name))
            self._icon_names[action] = icon_name
        if shortcuts:
            action.setShortcuts([QKeySequence(shortcut) for shortcut in shortcuts])
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.find_action = self._action("search", [QKeySequence.StandardKey.Find])
        self.add_employee_action = self._action("add-employee", ["Ctrl+N"])
        self.assign_action = self._action("assign", ["Ctrl+Return", "Ctrl+Enter"])
        self.unassign_selected_action = self._action(None, ["Ctrl+Shift+Delete"])
        self.remove_action = self._action("remove", [QKeySequence.StandardKey.Delete])
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.privileges.assignments.addAction(self.remove_action)
        # The undo group's actions follow the organization shown. Their own connection to
        # QUndoGroup.undo/redo is cut, because the server must succeed before the stack moves.
        undo_action = self.undo_group.createUndoAction(self)
        redo_action = self.undo_group.createRedoAction(self)
        undo_action.triggered.disconnect()
        redo_action.triggered.disconnect()
        self.undo_action = self._action("undo", ["Ctrl+Z"], undo_action)
        self.redo_action = self._action("redo", ["Ctrl+Shift+Z", "Ctrl+Y"], redo_action)
        self.switch_organization_action = self._action("organization", ["Ctrl+Shift+O"])
        self.reload_action = self._action("refresh", [QKeySequence.StandardKey.Refresh, "F5"])
        self.sign_out_action = self._action(None)
        self.quit_action = self._action(None, [QKeySequence.StandardKey.Quit])
        self.about_action = self._action(None)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

        self.language_group = QActionGroup(self)
        self.danish_action = QAction("Dansk", self)
        self.english_action = QAction("English", self)
        for action, code in ((self.danish_action, "da"), (self.english_action, "en")):
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == self.language)
            self.language_group.addAction(action)

        self.employees.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.employees.table.addActions(
            [self.assign_action, self.unassign_selected_action, self.add_employee_action]
        )
        self.privileges.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.privileges.tree.addActions([self.assign_action, self.unassign_selected_action])

        toolbar = QToolBar(self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.add_employee_action, self.assign_action, self.remove_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action, self.reload_action])
        self.toolbar = toolbar
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.switch_organization_action)
        self.file_menu.addAction(self.reload_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addAction(self.add_employee_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.assign_action)
        self.edit_menu.addAction(self.unassign_selected_action)
        self.edit_menu.addAction(self.remove_action)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu(icon("language"), "")
        self.language_menu.addAction(self.danish_action)
        self.language_menu.addAction(self.english_action)

        self.help_menu = bar.addMenu("")
        self.copy_diagnostics_action = copy_diagnostics_action(self)
        self.help_menu.addAction(self.copy_diagnostics_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _connect(self) -> None:
        self.organization_combo.activated.connect(self._on_organization_chosen)
        self.find_action.triggered.connect(self.focus_search)
        self.add_employee_action.triggered.connect(
            lambda: self.tasks.start(self.add_employee_interactive, name="add-employee")
        )
        self.assign_action.triggered.connect(self.assign_selected)
        self.unassign_selected_action.triggered.connect(self.unassign_selected)
        self.remove_action.triggered.connect(self.remove_selected_assignments)
        self.undo_action.triggered.connect(lambda: self.tasks.start(self.undo_last, name="undo"))
        self.redo_action.triggered.connect(lambda: self.tasks.start(self.redo_next, name="redo"))
        self.switch_organization_action.triggered.connect(self.focus_organization_switcher)
        self.reload_action.triggered.connect(self.reload)
        self.sign_out_action.triggered.connect(
            lambda: self.tasks.start(self.sign_out, name="sign-out")
        )
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self.show_about)
        self.language_group.triggered.connect(lambda action: self.switch_language(action.data()))
        # Connected after the group's own text updates, so these texts win.
        self.undo_group.activeStackChanged.connect(self._update_undo_actions)
        self.undo_group.indexChanged.connect(self._update_undo_actions)
        self.undo_group.canUndoChanged.connect(self._update_undo_actions)
        self.undo_group.canRedoChanged.connect(self._update_undo_actions)
        self.undo_group.undoTextChanged.connect(self._update_undo_actions)
        self.undo_group.redoTextChanged.connect(self._update_undo_actions)

        self.employees.add_requested.connect(self.add_employee_action.trigger)
        self.employees.load_cancel_requested.connect(self.cancel_loading)
        self.employees.selection_changed.connect(self._on_employee_selection)
        self.employees.model.privileges_dropped.connect(self._on_privileges_dropped_on_employee)
        self.privileges.tree_model.employees_dropped.connect(
            self._on_employees_dropped_on_privilege
        )
        self.privileges.tree_model.assignments_dropped.connect(self._on_assignments_dropped_out)
        self.privileges.assignment_model.privileges_dropped.connect(
            self._on_privileges_dropped_on_assignments
        )

    # Texts.

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Privilege management"))
        self.organization_label.setText(self.tr("&Organization:"))
        self.organization_combo.setAccessibleName(self.tr("Organization"))
        self.tabs.setTabText(0, self.tr("Employees and privileges"))
        if self.catalog_panel is not None:
            self.tabs.setTabText(
                self.tabs.indexOf(self.catalog_panel), self.tr("Privilege catalog")
            )
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About privadmin"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.find_action.setText(self.tr("&Search employees"))
        self.add_employee_action.setText(self.tr("&Add employee…"))
        self.assign_action.setText(self.tr("A&ssign selected privileges to selected employees"))
        self.assign_action.setIconText(self.tr("Assign"))
        self.unassign_selected_action.setText(
            self.tr("Remove selected privileges from selected &employees")
        )
        self.remove_action.setText(self.tr("&Remove selected assignments"))
        self.remove_action.setIconText(self.tr("Remove"))
        self.switch_organization_action.setText(self.tr("Switch &organization…"))
        self.reload_action.setText(self.tr("Re&load"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.retranslate_undo_texts()
        self._update_roles_label()
        self._update_status_bar()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.refresh_icons()
        super().changeEvent(event)

    def refresh_icons(self) -> None:
        """Draw the icons again in the current palette's text colour (after a switch to dark mode)."""
        clear_icon_cache()
        for action, name in self._icon_names.items():
            action.setIcon(icon(name))
        self.language_menu.setIcon(icon("language"))
        self.tabs.setTabIcon(0, icon("employees"))
        if self.catalog_panel is not None:
            self.tabs.setTabIcon(self.tabs.indexOf(self.catalog_panel), icon("privilege"))
        for row in range(self.organization_combo.count()):
            self.organization_combo.setItemIcon(row, icon("organization"))
        self.employees.refresh_icons()
        self.banner.refresh_icons()

    def switch_language(self, language: str) -> None:
        """Switch the UI language: the app installs the translators, the models re-sort and re-describe."""
        if language not in ("da", "en"):
            raise ValueError(f"language must be 'da' or 'en', got {language!r}")
        log.info("switching language to %s", language)
        self.context.switch_language(language)
        # The app leaves context.language unchanged when configuration locks the language.
        if self.context.language != language:
            log.info("language stays %s", self.context.language)
            language = self.context.language
        self.language = language
        for action in (self.danish_action, self.english_action):
            action.setChecked(action.data() == language)
        self.employees.set_language(language)
        self.privileges.set_language(language)
        self.retranslate()

    def _role_text(self, role: Role) -> str:
        texts = {
            Role.PRIVILEGE_ADMINISTRATOR: self.tr("manages privileges"),
            Role.PRIVILEGE_ASSIGNER: self.tr("assigns privileges"),
            Role.ADMINISTRATOR_MANAGER: self.tr("manages administrators"),
            Role.ASSIGN_IDENTITY_PRIVILEGES_READ: self.tr("runtime lookups"),
        }
        return texts.get(role, str(role))

    def _update_roles_label(self) -> None:
        if self.organization is None:
            self.roles_label.setText("")
            return
        roles = ", ".join(self._role_text(role) for role in self.organization.roles) or self.tr(
            "none"
        )
        self.roles_label.setText(self.tr("Your roles: %1").replace("%1", roles))

    def _environment_name(self) -> str:
        environments = {
            "production": self.tr("Production"),
            "preproduction": self.tr("Pre-production"),
            "demo": self.tr("Demo"),
            "custom": self.tr("Custom"),
        }
        key = self.context.environment.key
        return environments.get(key, key)

    def _update_status_bar(self) -> None:
        self.environment_label.setText(
            self.tr("Environment: %1").replace("%1", self._environment_name())
        )
        name = self.context.caller_name or (self.me.identity.name if self.me else None) or ""
        identity_id = self.context.caller_identity_id
        text = self.tr("Signed in as %1").replace("%1", name or identity_id or "?")
        self.identity_label.setText(text)
        if identity_id:
            self.identity_label.setToolTip(identity_id)

    def about_text(self) -> str:
        """Return the About box's text: version, environment, Qt and Python versions."""
        environment = self.context.environment
        lines = [
            self.tr("privadmin %1").replace("%1", __version__),
            self.tr("Environment: %1 (%2)")
            .replace("%1", self._environment_name())
            .replace("%2", environment.api_base_url),
            qt_versions(),
            f"Python {platform.python_version()}",
        ]
        return "\n".join(lines)

    def show_about(self) -> None:
        """Show the About box without blocking the event loop."""
        self._replace_dialog(self.about_box)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About privadmin"), "", parent=self)
        box.setText(self.about_text())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about_box = box
        box.open()

    # Errors.

    def _show_task_error(self, error: BaseException, retry: Any) -> None:
        self.banner.show_error(describe_error(error), retry)

    # Organizations.

    async def load_me(self) -> None:
        me: Me = await self.context.client.me()
        self.me = me
        self.organization_combo.clear()
        for membership in me.organizations:
            self.organization_combo.addItem(
                icon("organization"),
                f"{membership.organization_name} ({membership.organization_tin})",
                membership.organization_tin,
            )
        self._update_status_bar()
        if not me.organizations:
            self.banner.show_error(
                self.tr(
                    "You hold no roles in any organization. Ask an administrator of your organization to add you."
                )
            )
            return
        await self.load_organization(me.organizations[0].organization_tin)

    def _on_organization_chosen(self, row: int) -> None:
        tin = self.organization_combo.itemData(row)
        if tin and (self.organization is None or tin != self.organization.organization_tin):
            self.start_loading(tin)

    def start_loading(self, tin: str) -> None:
        if self._organization_task is not None and not self._organization_task.done():
            self._organization_task.cancel()
        self._organization_task = self.tasks.start(
            lambda: self.load_organization(tin), name=f"load-{tin}"
        )

    def reload(self) -> None:
        if self.organization is not None:
            self.start_loading(self.organization.organization_tin)

    def cancel_loading(self) -> None:
        if self._organization_task is not None and not self._organization_task.done():
            self._organization_task.cancel()
        self.employees.end_loading()
        self.statusBar().showMessage(
            self.tr("Loading cancelled; the list may be incomplete."), 8000
        )

    def membership(self, tin: str) -> OrganizationMembership:
        if self.me is not None:
            for membership in self.me.organizations:
                if membership.organization_tin == tin:
                    return membership
        raise ValueError(
            f"you hold no roles in organization {tin}; choose one of the organizations listed"
        )

    def focus_organization_switcher(self) -> None:
        self.organization_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.organization_combo.showPopup()

    async def load_organization(self, tin: str) -> None:
        """Make `tin` the current organization and load its privileges and whole employee list."""
        membership = self.membership(tin)
        self.organization = membership
        self.undo_group.setActiveStack(self.undo_stack_for(tin))
        row = self.organization_combo.findData(tin)
        if row >= 0 and self.organization_combo.currentIndex() != row:
            self.organization_combo.setCurrentIndex(row)
        self._update_roles_label()
        self._update_catalog_tab(membership)
        self.banner.hide_error()

        can_assign = Role.PRIVILEGE_ASSIGNER in membership.roles
        self.employees.model.set_identities([])
        self.employees.set_can_assign(can_assign)
        self.privileges.assignment_model.set_assignments([])
        self.privileges.show_employee(None, 0)
        self.privileges.tree_model.set_groups([])
        if not can_assign:
            log.info(
                "caller lacks the PrivilegeAssigner role in %s, so employees are not loaded", tin
            )
            return

        self.employees.begin_loading()
        try:
            groups, identities = await asyncio.gather(
                loading.load_assignable_privileges(self.context.client, tin),
                loading.load_employees(self.context.client, tin, self.employees.report_loaded),
            )
        finally:
            self.employees.end_loading()
        if self.organization is None or self.organization.organization_tin != tin:
            return
        self.privileges.tree_model.set_groups(groups)
        self.employees.model.set_identities(identities)

    def _update_catalog_tab(self, membership: OrganizationMembership) -> None:
        administers = Role.PRIVILEGE_ADMINISTRATOR in membership.roles
        if _catalog_panel_class is None:
            return
        if administers and self.catalog_panel is None:
            self.catalog_panel = _catalog_panel_class(self.context, self)
            self.tabs.addTab(self.catalog_panel, icon("privilege"), self.tr("Privilege catalog"))
        if self.catalog_panel is not None:
            index = self.tabs.indexOf(self.catalog_panel)
            self.tabs.setTabVisible(index, administers)
            if administers:
                self.catalog_panel.set_organization(membership.organization_tin, membership.roles)  # type: ignore[attr-defined]

    # Employees.

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.assign_page)
        self.employees.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.employees.search.selectAll()

    def _on_employee_selection(self) -> None:
        keys = self.employees.selected_keys()
        if len(keys) != 1:
            if self._assignments_task is not None:
                self._assignments_task.cancel()
            self.privileges.assignment_model.set_assignments([])
            self.privileges.show_employee(None, len(keys))
            return
        identity = self.employees.model.identity_for(keys[0])
        self.privileges.show_employee(identity, 1)
        self.refresh_assignments()

    def refresh_assignments(self) -> None:
        """Fetch the assignments of the one selected employee again (after a change or a selection)."""
        key = self.employees.current_key()
        if key is None or self.organization is None:
            return
        if self._assignments_task is not None and not self._assignments_task.done():
            self._assignments_task.cancel()
        self._assignments_task = self.tasks.start(
            lambda: self.load_assignments(key), name=f"assignments-{key[1]}"
        )

    async def load_assignments(self, key: EmployeeKey) -> None:
        if self.organization is None:
            return
        tin = self.organization.organization_tin
        assignments = await loading.load_assignments(self.context.client, tin, key[0], key[1])
        if (
            self.organization is not None
            and self.organization.organization_tin == tin
            and self.employees.current_key() == key
        ):
            self.privileges.assignment_model.set_assignments(assignments)

    async def add_employee_interactive(self) -> None:
        """Ask for an employee's UUID (and optional details) in a dialog, then add them."""
        if self.organization is None:
            return
        dialog = AddEmployeeDialog(self)
        self._replace_dialog(self.add_dialog)
        self.add_dialog = dialog
        if await wait_for_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        await self.add_employee(
            str(dialog.identity_id()),
            name=dialog.optional(dialog.name_edit),
            email=dialog.optional(dialog.email_edit),
            rid=dialog.optional(dialog.rid_edit),
        )

    async def add_employee(
        self,
        idp_identity_id: str,
        *,
        name: str | None = None,
        email: str | None = None,
        rid: str | None = None,
    ) -> None:
        if self.organization is None:
            return
        tin = self.organization.organization_tin
        identity = await loading.add_employee(
            self.context.client,
            tin,
            str(uuid.UUID(idp_identity_id)),
            name=name,
            email=email,
            rid=rid,
        )
        if self.organization is None or self.organization.organization_tin != tin:
            return
        self.employees.model.upsert_identity(identity)
        self.employees.search.clear()
        self.employees.select_keys([(identity.idp, str(identity.idp_identity_id))])
        self.statusBar().showMessage(self.tr("Employee added."), 5000)

    # Assigning: drops, actions and their common path.

    def _widen_to_selection(self, target: EmployeeKey) -> list[EmployeeKey]:
        selected = self.employees.selected_keys()
        return selected if target in selected else [target]

    def _on_privileges_dropped_on_employee(
        self, target: EmployeeKey, privilege_ids: list[str]
    ) -> None:
        self.start_plan(ChangePlan.assign(self._widen_to_selection(target), privilege_ids))

    def _on_employees_dropped_on_privilege(self, privilege_id: str, keys: list[list[str]]) -> None:
        selected = self.privileges.selected_privilege_ids()
        privilege_ids = selected if privilege_id in selected else [privilege_id]
        self.start_plan(
            ChangePlan.assign([(idp, identity_id) for idp, identity_id in keys], privilege_ids)
        )

    def _on_assignments_dropped_out(self, items: list[list[str]]) -> None:
        self.start_plan(
            ChangePlan.unassign(
                [(idp, identity_id, privilege_id) for idp, identity_id, privilege_id in items]
            )
        )

    def _on_privileges_dropped_on_assignments(self, privilege_ids: list[str]) -> None:
        key = self.employees.current_key()
        if key is None:
            self.statusBar().showMessage(self.tr("Select one employee first."), 5000)
            return
        self.start_plan(ChangePlan.assign([key], privilege_ids))

    def assign_selected(self) -> None:
        """Assign every selected privilege to every selected employee."""
        employees = self.employees.selected_keys()
        privilege_ids = self.privileges.selected_privilege_ids()
        if not employees or not privilege_ids:
            self.statusBar().showMessage(
                self.tr("Select one or more employees and one or more privileges first."), 6000
            )
            return
        self.start_plan(ChangePlan.assign(employees, privilege_ids))

    def unassign_selected(self) -> None:
        """Remove every selected privilege from every selected employee."""
        employees = self.employees.selected_keys()
        privilege_ids = self.privileges.selected_privilege_ids()
        if not employees or not privilege_ids:
            self.statusBar().showMessage(
                self.tr("Select one or more employees and one or more privileges first."), 6000
            )
            return
        items = [
            (idp, identity_id, privilege_id)
            for idp, identity_id in employees
            for privilege_id in privilege_ids
        ]
        self.start_plan(ChangePlan.unassign(items))

    def remove_selected_assignments(self) -> None:
        items = self.privileges.selected_assignment_items()
        if not items:
            self.statusBar().showMessage(self.tr("Select the assignments to remove first."), 6000)
            return
        self.start_plan(ChangePlan.unassign(items))

    # Shutdown.

    async def sign_out(self) -> None:
        log.info("signing out")
        await self.context.sign_out()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel_all()
        super().closeEvent(event)
