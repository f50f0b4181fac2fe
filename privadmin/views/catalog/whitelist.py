"""The dialog that lists, adds and removes the organizations on a privilege's whitelist."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privadmin.controllers.catalog import CatalogController
from privadmin.itemmodels.catalog import assignability_text
from privadmin.models import Assignability, Organization, Privilege, WhitelistEntry
from privadmin.views.catalog.tasks import Retranslating, StatusBar, TaskRunner, ask
from privadmin.views.catalog.texts import deactivation_text

log = logging.getLogger("privadmin.catalog")

# Wait this long after the last keystroke before searching, so typing a name sends one request.
SEARCH_DELAY_MS = 300
TIN_ROLE = Qt.ItemDataRole.UserRole + 1


def _organization_text(name: str | None, tin: str) -> str:
    return f"{name} ({tin})" if name else tin


class WhitelistEditor(Retranslating, QDialog):
    """Edits the whitelist of one privilege; warns before a removal deactivates assignments."""

    def __init__(
        self, controller: CatalogController, privilege: Privilege, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("whitelistEditor")
        self._controller = controller
        self.privilege = privilege
        self._entries: list[WhitelistEntry] = []
        self._search_number = 0
        self.runner = TaskRunner("whitelist editor", self)

        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.whitelist_label = QLabel(self)
        self.whitelist_view = QListWidget(self)
        self.whitelist_label.setBuddy(self.whitelist_view)
        self.remove_button = QPushButton(self)
        self.search_label = QLabel(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.results_view = QListWidget(self)
        self.add_button = QPushButton(self)
        self.status = StatusBar(self.runner, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)

        grid = QGridLayout()
        grid.addWidget(self.whitelist_label, 0, 0)
        grid.addWidget(self.search_label, 0, 1)
        grid.addWidget(self.whitelist_view, 1, 0)
        grid.addWidget(self.search_edit, 1, 1)
        grid.addWidget(self.remove_button, 2, 0)
        grid.addWidget(self.results_view, 2, 1)
        grid.addWidget(self.add_button, 3, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_edit.textChanged.connect(self._search_later)
        self.search_timer.timeout.connect(self._search_now)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self._remove_clicked)
        self.results_view.itemActivated.connect(lambda _item: self._add_clicked())
        self.whitelist_view.itemSelectionChanged.connect(self._update_buttons)
        self.results_view.itemSelectionChanged.connect(self._update_buttons)
        self.runner.busy_changed.connect(lambda _busy: self._update_buttons())
        self.buttons.rejected.connect(self.reject)
        remove_shortcut = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), self.whitelist_view
        )
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_shortcut.activated.connect(self._remove_clicked)

        self.setTabOrder(self.search_edit, self.results_view)
        self.setTabOrder(self.results_view, self.add_button)
        self.setTabOrder(self.add_button, self.whitelist_view)
        self.setTabOrder(self.whitelist_view, self.remove_button)
        self.setTabOrder(self.remove_button, self.buttons)
        self.retranslate()
        self._update_buttons()
        self.search_edit.setFocus()

    @property
    def search_count(self) -> int:
        """Number of searches started, after the debounce delay, since the dialog opened."""
        return self._search_number

    def whitelisted_tins(self) -> list[str]:
        return [entry.organization_tin for entry in self._entries]

    def result_tins(self) -> list[str]:
        return [
            self.results_view.item(row).data(TIN_ROLE) for row in range(self.results_view.count())
        ]

    def start_loading(self) -> None:
        self.runner.run(self.load, "load whitelist")

    async def load(self) -> None:
        self._show_entries(await self._controller.whitelist(self.privilege.id))

    def _show_entries(self, entries: list[WhitelistEntry]) -> None:
        self._entries = sorted(
            entries,
            key=lambda entry: (entry.organization_name or entry.organization_tin).casefold(),
        )
        self.whitelist_view.clear()
        for entry in self._entries:
            item = QListWidgetItem(
                _organization_text(entry.organization_name, entry.organization_tin)
            )
            item.setData(TIN_ROLE, entry.organization_tin)
            self.whitelist_view.addItem(item)
        self._update_buttons()

    def _search_later(self) -> None:
        self.search_timer.start()

    def _search_now(self) -> None:
        text = self.search_edit.text()
        self.runner.run(lambda: self.search(text), "search organizations")

    async def search(self, text: str) -> None:
        """Find organizations by name or TIN; a result older than the latest search is dropped."""
        self._search_number += 1
        number = self._search_number
        if not text.strip():
            self.results_view.clear()
            return
        organizations = await self._controller.search_organizations(text.strip())
        if number != self._search_number:
            return
        self._show_results(organizations)

    def _show_results(self, organizations: list[Organization]) -> None:
        skipped = {self.privilege.organization_tin, *self.whitelisted_tins()}
        self.results_view.clear()
        for organization in organizations:
            if organization.tin in skipped:
                continue
            item = QListWidgetItem(_organization_text(organization.name, organization.tin))
            item.setData(TIN_ROLE, organization.tin)
            self.results_view.addItem(item)
        if self.results_view.count():
            self.results_view.setCurrentRow(0)
        self._update_buttons()

    def _add_clicked(self) -> None:
        item = self.results_view.currentItem()
        if item is None or self.runner.busy:
            return
        tin = item.data(TIN_ROLE)
        self.runner.run(lambda: self.add(tin), "add to whitelist")

    def _remove_clicked(self) -> None:
        item = self.whitelist_view.currentItem()
        if item is None or self.runner.busy:
            return
        tin = item.data(TIN_ROLE)
        self.runner.run(lambda: self.remove(tin), "remove from whitelist")

    async def add(self, tin: str) -> None:
        await self._controller.add_to_whitelist(self.privilege.id, tin)
        for row in range(self.results_view.count()):
            if self.results_view.item(row).data(TIN_ROLE) == tin:
                self.results_view.takeItem(row)
                break
        await self.load()

    async def remove(self, tin: str) -> bool:
        """Show what the removal deactivates, ask, and remove; return whether it was removed."""
        deactivation = await self._controller.deactivation_by_whitelist_removal(self.privilege, tin)
        entry = next((entry for entry in self._entries if entry.organization_tin == tin), None)
        name = _organization_text(entry.organization_name if entry else None, tin)
        text = (
            self.tr("Remove %1 from the whitelist of “%2”?")
            .replace("%1", name)
            .replace("%2", self.privilege.name)
        )
        text += "\n\n" + deactivation_text(deactivation)
        if not await ask(self, self.tr("Remove from whitelist"), text, self.tr("Remove")):
            log.info("Kept %s on the whitelist of privilege %s", tin, self.privilege.id)
            return False
        await self._controller.remove_from_whitelist(self.privilege.id, tin)
        await self.load()
        return True

    def _update_buttons(self) -> None:
        busy = self.runner.busy
        self.add_button.setEnabled(not busy and self.results_view.currentItem() is not None)
        self.remove_button.setEnabled(not busy and self.whitelist_view.currentItem() is not None)

    async def wait(self) -> None:
        await self.runner.wait()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Whitelist of “%1”").replace("%1", self.privilege.name))
        if self.privilege.assignability is Assignability.WHITELIST:
            self.note.setText(self.tr("Organizations on the whitelist may assign this privilege."))
        else:
            self.note.setText(
                self.tr(
                    "The privilege is %1: the whitelist only takes effect while its assignability is Whitelist."
                ).replace("%1", assignability_text(self.privilege.assignability))
            )
        self.whitelist_label.setText(self.tr("&Whitelisted organizations:"))
        self.search_label.setText(self.tr("&Find organization by name or CVR number:"))
        self.search_edit.setPlaceholderText(
            self.tr("Name, CVR number or TIN (DK + CVR number), e.g. DK12345678")
        )
        self.add_button.setText(self.tr("&Add to whitelist"))
        self.remove_button.setText(self.tr("&Remove from whitelist"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
