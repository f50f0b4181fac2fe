"""The dialog that creates a privilege or edits its descriptions and assignability."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from privadmin.api_client import ConflictError, PreconditionFailedError, ValidationError
from privadmin.controllers import catalog as rules
from privadmin.controllers.catalog import CatalogController, Field, Problem
from privadmin.itemmodels.catalog import assignability_text
from privadmin.models import Assignability, Privilege, PrivilegeChanges, PrivilegeDraft
from privadmin.views.catalog.conflict import ConflictView
from privadmin.views.catalog.tasks import Retranslating, StatusBar, TaskRunner, ask
from privadmin.views.catalog.texts import deactivation_text, problem_text

log = logging.getLogger("privadmin.catalog")


class PrivilegeEditor(Retranslating, QDialog):
    """Creates a privilege (when `privilege` is None) or edits one loaded with its ETag.

    Input is checked first against the limits the client has, then the
    server decides. Its field errors appear beside the fields, and the dialog
    stays open with everything typed until a save succeeds. `saved` emits the
    privilege as the server returned it.
    """

    saved = Signal(object)

    def __init__(
        self,
        controller: CatalogController,
        existing_names: Iterable[str],
        privilege: Privilege | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("privilegeEditor")
        self._controller = controller
        self._existing_names = list(existing_names)
        # The version the user's edits are based on; replaced by theirs after a conflict.
        self._base = privilege
        # The server's version after a 412, while the conflict view shows it.
        self._theirs: Privilege | None = None
        self.runner = TaskRunner("privilege editor", self)

        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(rules.NAME_MAX_LENGTH * 2)
        self.id_label = QLabel(self)
        self.owner_label = QLabel(self)
        self.fixed_note = QLabel(self)
        self.fixed_note.setObjectName("fixedNote")
        self.fixed_note.setWordWrap(True)
        # A wrapped label gets its height from its width, so it may grow but never shrink below that.
        self.fixed_note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.danish_edit = QPlainTextEdit(self)
        self.english_edit = QPlainTextEdit(self)
        for edit in (self.danish_edit, self.english_edit):
            edit.setTabChangesFocus(True)
        self.assignability_combo = QComboBox(self)
        for assignability in Assignability:
            self.assignability_combo.addItem("", assignability)

        self.field_errors: dict[Field, QLabel] = {}
        for field in Field:
            label = QLabel(self)
            label.setWordWrap(True)
            label.setStyleSheet("color: #b00020;")
            label.setVisible(False)
            self.field_errors[field] = label
        self.general_error = QLabel(self)
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.setVisible(False)

        self.form = QFormLayout()
        self.name_label = QLabel(self)
        self.id_caption = QLabel(self)
        self.owner_caption = QLabel(self)
        self.danish_label = QLabel(self)
        self.english_label = QLabel(self)
        self.assignability_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        self.danish_label.setBuddy(self.danish_edit)
        self.english_label.setBuddy(self.english_edit)
        self.assignability_label.setBuddy(self.assignability_combo)
        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow("", self.field_errors[Field.NAME])
        if privilege is not None:
            self.form.addRow(self.id_caption, self.id_label)
            self.form.addRow(self.owner_caption, self.owner_label)
        else:
            # A new privilege has no id or owner to show yet. Widgets outside the layout would
            # be drawn at the dialog's top left corner, over the name row, so they are hidden.
            for widget in (self.id_caption, self.id_label, self.owner_caption, self.owner_label):
                widget.setVisible(False)
        # The note spans both columns of its own row, so it wraps at the dialog's full width.
        self.form.addRow(self.fixed_note)
        self.form.addRow(self.danish_label, self.danish_edit)
        self.form.addRow("", self.field_errors[Field.DESCRIPTION_DANISH])
        self.form.addRow(self.english_label, self.english_edit)
        self.form.addRow("", self.field_errors[Field.DESCRIPTION_ENGLISH])
        self.form.addRow(self.assignability_label, self.assignability_combo)
        self.form.addRow("", self.field_errors[Field.ASSIGNABILITY])

        self.conflict = ConflictView(self)
        self.conflict.setVisible(False)
        self.status = StatusBar(self.runner, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.conflict)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.runner.busy_changed.connect(self._set_busy)
        self.conflict.keep_mine.connect(lambda: self.runner.run(self.keep_mine, "keep mine"))
        self.conflict.take_theirs.connect(self.take_theirs)
        self.conflict.merge.connect(lambda: self.runner.run(self.merge, "merge"))

        if privilege is not None:
            self._show_privilege(privilege)
            self.name_edit.setReadOnly(True)
            self.name_edit.setFrame(False)
            self.name_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setTabOrder(self.name_edit, self.danish_edit)
        self.setTabOrder(self.danish_edit, self.english_edit)
        self.setTabOrder(self.english_edit, self.assignability_combo)
        self.setTabOrder(self.assignability_combo, self.buttons)
        self.retranslate()
        (self.danish_edit if privilege is not None else self.name_edit).setFocus()

    @property
    def creating(self) -> bool:
        return self._base is None

    def _show_privilege(self, privilege: Privilege) -> None:
        self.name_edit.setText(privilege.name)
        self.id_label.setText(str(privilege.id))
        self.owner_label.setText(privilege.organization_tin)
        self.danish_edit.setPlainText(privilege.description_danish)
        self.english_edit.setPlainText(privilege.description_english)
        self.set_assignability(privilege.assignability)

    def set_assignability(self, assignability: Assignability) -> None:
        self.assignability_combo.setCurrentIndex(self.assignability_combo.findData(assignability))

    def assignability(self) -> Assignability:
        return Assignability(self.assignability_combo.currentData())

    def draft(self) -> PrivilegeDraft:
        return PrivilegeDraft(
            name=self.name_edit.text(),
            description_danish=self.danish_edit.toPlainText(),
            description_english=self.english_edit.toPlainText(),
            assignability=self.assignability(),
        )

    def changes(self) -> PrivilegeChanges:
        return PrivilegeChanges(
            description_danish=self.danish_edit.toPlainText(),
            description_english=self.english_edit.toPlainText(),
            assignability=self.assignability(),
        )

    def field_error_text(self, field: Field) -> str:
        label = self.field_errors[field]
        return label.text() if not label.isHidden() else ""

    def _save_clicked(self) -> None:
        self.runner.run(self.save, "save privilege")

    async def save(self) -> Privilege | None:
        """Check, then create or update; return the saved privilege, or None when it was not saved."""
        self._clear_errors()
        if self.creating:
            return await self._create()
        return await self._update()

    async def _create(self) -> Privilege | None:
        draft = self.draft()
        problems = rules.check_draft(draft, self._existing_names)
        if problems:
            self._show_problems(problems)
            return None
        try:
            privilege = await self._controller.create(draft)
        except ValidationError as error:
            self._show_server_errors(error.errors, error.detail or error.title, Field.NAME)
            return None
        except ConflictError as error:
            # A 409 on creation means the name is taken, e.g. by a privilege made since the list loaded.
            self._show_server_errors(
                error.errors, error.detail or error.title, Field.NAME, always_field=True
            )
            return None
        self._finish(privilege)
        return privilege

    async def _update(self) -> Privilege | None:
        assert self._base is not None
        changes = self.changes()
        problems = rules.check_changes(changes)
        if problems:
            self._show_problems(problems)
            return None
        if not await self._confirm_assignability(self._base, changes):
            return None
        return await self._send_update(changes, self._base)

    async def _confirm_assignability(self, current: Privilege, changes: PrivilegeChanges) -> bool:
        new = changes.assignability
        if new is None or new == current.assignability:
            return True
        narrows = new is Assignability.PRIVATE or (
            current.assignability is Assignability.PUBLIC and new is Assignability.WHITELIST
        )
        if not narrows:
            return True
        deactivation = await self._controller.deactivation_by_assignability(current, new)
        text = (
            self.tr("Change the assignability of “%1” from %2 to %3?")
            .replace("%1", current.name)
            .replace("%2", assignability_text(current.assignability))
            .replace("%3", assignability_text(new))
            + "\n\n"
            + deactivation_text(deactivation)
        )
        return await ask(
            self, self.tr("Change assignability"), text, self.tr("Change assignability")
        )

    async def _send_update(self, changes: PrivilegeChanges, version: Privilege) -> Privilege | None:
        assert version.etag is not None, (
            "edit a privilege loaded with get_privilege, which carries its ETag"
        )
        try:
            privilege = await self._controller.update(version.id, changes, version.etag)
        except PreconditionFailedError:
            log.info(
                "Privilege %s changed on the server meanwhile; showing both versions", version.id
            )
            theirs = await self._controller.get(version.id)
            self._theirs = theirs
            self.conflict.show_conflict(self._base or version, changes, theirs)
            return None
        except ValidationError as error:
            self._show_server_errors(error.errors, error.detail or error.title, None)
            return None
        self._finish(privilege)
        return privilege

    async def keep_mine(self) -> Privilege | None:
        """Overwrite their version with the user's, using the ETag of their version."""
        theirs = self._conflicting_version()
        changes = self.changes()
        if not await self._confirm_assignability(theirs, changes):
            return None
        return await self._send_update(changes, theirs)

    async def merge(self) -> Privilege | None:
        """Save the fields chosen from each side, using the ETag of their version."""
        theirs = self._conflicting_version()
        changes = self.conflict.merged()
        self._show_values(changes)
        if not await self._confirm_assignability(theirs, changes):
            return None
        return await self._send_update(changes, theirs)

    def take_theirs(self) -> None:
        """Drop the user's edits in favour of the saved version and close."""
        theirs = self._conflicting_version()
        self._show_privilege(theirs)
        log.info("Took the saved version of privilege %s", theirs.id)
        self._finish(theirs)

    def _conflicting_version(self) -> Privilege:
        if self._theirs is None:
            raise RuntimeError("no conflict to resolve: the server reported no newer version")
        return self._theirs

    def _show_values(self, changes: PrivilegeChanges) -> None:
        if changes.description_danish is not None:
            self.danish_edit.setPlainText(changes.description_danish)
        if changes.description_english is not None:
            self.english_edit.setPlainText(changes.description_english)
        if changes.assignability is not None:
            self.set_assignability(changes.assignability)

    def _finish(self, privilege: Privilege) -> None:
        self._base = privilege
        self._theirs = None
        self.conflict.setVisible(False)
        self.saved.emit(privilege)
        self.accept()

    def _clear_errors(self) -> None:
        for label in self.field_errors.values():
            label.clear()
            label.setVisible(False)
        self.general_error.clear()
        self.general_error.setVisible(False)

    def _show_field_error(self, field: Field, messages: Iterable[str]) -> None:
        label = self.field_errors[field]
        label.setText("\n".join(messages))
        label.setVisible(True)

    def _show_problems(self, problems: dict[Field, list[Problem]]) -> None:
        for field, found in problems.items():
            self._show_field_error(field, (problem_text(problem) for problem in found))
        self._focus_field(next(iter(problems)))

    def _show_server_errors(
        self,
        errors: dict[str, list[str]],
        summary: str,
        fallback: Field | None,
        *,
        always_field: bool = False,
    ) -> None:
        by_field, other = rules.server_errors_by_field(errors)
        if fallback is not None and (always_field or not by_field) and fallback not in by_field:
            by_field[fallback] = [summary]
        for field, messages in by_field.items():
            self._show_field_error(
                field, [self.tr("Server: %1").replace("%1", message) for message in messages]
            )
        if other or not by_field:
            self.general_error.setText(
                "\n".join(
                    [
                        self.tr("The server rejected the privilege: %1").replace("%1", summary),
                        *other,
                    ]
                )
            )
            self.general_error.setVisible(True)
        if by_field:
            self._focus_field(next(iter(by_field)))

    def _focus_field(self, field: Field) -> None:
        widgets = {
            Field.NAME: self.name_edit,
            Field.DESCRIPTION_DANISH: self.danish_edit,
            Field.DESCRIPTION_ENGLISH: self.english_edit,
            Field.ASSIGNABILITY: self.assignability_combo,
        }
        widgets[field].setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)
        self.conflict.setEnabled(not busy)

    async def wait(self) -> None:
        await self.runner.wait()

    def retranslate(self) -> None:
        if self.creating:
            self.setWindowTitle(self.tr("New privilege"))
        else:
            self.setWindowTitle(self.tr("Edit privilege"))

        self.name_label.setText(self.tr("&Name:"))
        self.id_caption.setText(self.tr("Id:"))
        self.owner_caption.setText(self.tr("Owner:"))
        self.fixed_note.setText(
            self.tr(
                "The name, id and owner of a privilege cannot change after it is created. "
                "To use another name, create a new privilege."
            )
        )
        self.name_edit.setPlaceholderText(
            self.tr("1 to %1 characters").replace("%1", str(rules.NAME_MAX_LENGTH))
        )

        self.danish_label.setText(self.tr("&Danish description:"))
        self.english_label.setText(self.tr("&English description:"))
        self.assignability_label.setText(self.tr("&Assignability:"))
        for index in range(self.assignability_combo.count()):
            assignability = Assignability(self.assignability_combo.itemData(index))
            self.assignability_combo.setItemText(index, assignability_text(assignability))
        self.assignability_combo.setToolTip(
            self.tr(
                "Private: only your organization may assign it. Public: any organization may. "
                "Whitelist: your organization and the organizations on its whitelist."
            )
        )

        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
