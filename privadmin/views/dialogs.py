"""Dialogs of the main window: add an employee, preview a change, report a partly applied change."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from privadmin.models import AssignmentChange

# The change preview lists at most this many items; the counts always cover all of them.
PREVIEW_LIST_LIMIT = 200


async def wait_for_dialog(dialog: QDialog) -> int:
    """Open `dialog` window-modally without blocking the event loop and return its result code."""
    future: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    return await future


class AddEmployeeDialog(QDialog):
    """Asks for a MitID Erhverv UUID and optional name, email and RID, and checks the UUID."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add employee"))
        self.uuid_edit = QLineEdit(self)
        self.uuid_edit.setPlaceholderText("00000000-0000-0000-0000-000000000000")
        self.name_edit = QLineEdit(self)
        self.email_edit = QLineEdit(self)
        self.rid_edit = QLineEdit(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("addEmployeeError")
        self.error_label.hide()

        intro = QLabel(
            self.tr(
                "Add an employee by their MitID Erhverv UUID. The employee then appears in the list "
                "before their first sign-in, so you can assign privileges at once."
            ),
            self,
        )
        intro.setWordWrap(True)
        rid_note = QLabel(
            self.tr(
                "The RID number is stored only as an attribute that search finds. Nothing available "
                "here can look up a UUID from a RID, so the UUID is required; the employee's "
                "MitID Erhverv administrator can find it."
            ),
            self,
        )
        rid_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&UUID (required):"), self.uuid_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Email:"), self.email_edit)
        form.addRow(self.tr("&RID:"), self.rid_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._validate_and_accept)
        self.buttons.rejected.connect(self.reject)

        for label in (intro, rid_note, self.error_label):
            _wrap_without_shrinking(label)
        for edit in (self.uuid_edit, self.name_edit, self.email_edit, self.rid_edit):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0" * 38))
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        layout = QVBoxLayout(self)
        # The dialog never becomes smaller than its contents, so a message that
        # appears later makes it taller instead of squeezing the fields.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(rid_note)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.uuid_edit.setFocus()

    def validation_error(self) -> str | None:
        """Return what is wrong with the input in plain words, or None when it can be sent."""
        text = self.uuid_edit.text().strip()
        if not text:
            return self.tr("Enter the employee's MitID Erhverv UUID.")
        try:
            uuid.UUID(text)
        except ValueError:
            return self.tr(
                "“%1” is not a UUID. A UUID has 32 hexadecimal digits in groups of 8-4-4-4-12, "
                "for example 7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b."
            ).replace("%1", text)
        email = self.email_edit.text().strip()
        if email and "@" not in email:
            return self.tr(
                "“%1” is not an email address; leave the field empty or correct it."
            ).replace("%1", email)
        return None

    def identity_id(self) -> uuid.UUID:
        return uuid.UUID(self.uuid_edit.text().strip())

    def optional(self, edit: QLineEdit) -> str | None:
        return edit.text().strip() or None

    def _validate_and_accept(self) -> None:
        error = self.validation_error()
        if error is not None:
            self.error_label.setText(error)
            self.error_label.show()
            return
        self.accept()


def _wrap_without_shrinking(label: QLabel) -> None:
    """Word-wrap `label` and keep it at least as tall as its wrapped text."""
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)


def _assignment_key(item: AssignmentChange) -> tuple[str, str, str]:
    return (item.idp, str(item.idp_identity_id), str(item.privilege_id))


class ChangePreviewDialog(QDialog):
    """Lists what a change will add and remove, with counts, before anything is sent.

    `existing` holds (idp, identity UUID, privilege id) of assignments known to
    exist already. Additions among them are listed as unchanged and left out
    of the count. Other additions may exist on the server too, so the count
    of additions is a maximum.
    """

    def __init__(
        self,
        add: Sequence[AssignmentChange],
        remove: Sequence[AssignmentChange],
        describe: Callable[[AssignmentChange], str],
        parent: QWidget | None = None,
        *,
        existing: Collection[tuple[str, str, str]] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview of changes"))
        known = set(existing)
        to_add = [item for item in add if _assignment_key(item) not in known]
        already = [item for item in add if _assignment_key(item) in known]
        # Additions that may still change something on the server, at most.
        self.add_count = len(to_add)
        self.already_count = len(already)
        self.remove_count = len(remove)
        employees = {(item.idp, item.idp_identity_id) for item in (*add, *remove)}

        summary = QLabel(self)
        summary.setWordWrap(True)
        lines = []
        if to_add:
            lines.append(
                self.tr(
                    "Up to %n assignment(s) to add; existing ones stay unchanged", "", len(to_add)
                )
            )
        if already:
            lines.append(self.tr("%n already assigned; stay(s) unchanged", "", len(already)))
        if remove:
            lines.append(
                self.tr(
                    "Up to %n assignment(s) to remove; missing ones stay unchanged", "", len(remove)
                )
            )
        lines.append(self.tr("%n employee(s) affected", "", len(employees)))
        summary.setText("\n".join(lines))
        self.summary = summary

        details = QPlainTextEdit(self)
        details.setReadOnly(True)
        details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        listed: list[str] = []
        for item in to_add[:PREVIEW_LIST_LIMIT]:
            listed.append("+ " + describe(item))
        already_text = self.tr("(already assigned)")
        for item in already[: max(0, PREVIEW_LIST_LIMIT - len(listed))]:
            listed.append(f"= {describe(item)} {already_text}")
        for item in list(remove)[: max(0, PREVIEW_LIST_LIMIT - len(listed))]:
            listed.append("− " + describe(item))
        hidden = len(add) + len(remove) - len(listed)
        if hidden > 0:
            listed.append(self.tr("… and %n more", "", hidden))
        details.setPlainText("\n".join(listed))
        self.details = details

        note = QLabel(
            self.tr("Assignments that already exist, or are already gone, stay as they are."), self
        )
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply changes"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(details, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(640, 400)


class BatchProgressDialog(QProgressDialog):
    """Progress of a change sent in batches; Cancel stops before the next batch."""

    def __init__(
        self, total: int, cancel_event: asyncio.Event, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Applying changes"))
        self.setLabelText(self.tr("Applying %n change(s)…", "", total))
        self.setCancelButtonText(self.tr("Cancel after this batch"))
        self.setRange(0, max(total, 1))
        self.setValue(0)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # A modal QProgressDialog calls processEvents() in setValue(). Here that would
        # run other asyncio tasks in the middle of the task reporting progress, so
        # the dialog stays non-modal and the main window refuses new changes meanwhile.
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.canceled.connect(cancel_event.set)

    def report(self, done: int, total: int) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(done)


class BatchFailureDialog(QDialog):
    """Says which part of a change was applied and which was not, and offers retry or undo."""

    RETRY = 10
    UNDO = 11

    def __init__(
        self,
        applied: int,
        changed: int,
        not_applied: int,
        reason: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change only partly applied"))
        text = QLabel(self)
        text.setWordWrap(True)
        text.setText(
            "\n\n".join(
                [
                    self.tr("%n item(s) were applied", "", applied)
                    + " "
                    + self.tr("(%n changed on the server).", "", changed),
                    self.tr("%n item(s) were not applied.", "", not_applied),
                    self.tr("Reason: %1").replace("%1", reason),
                    self.tr(
                        "Retry the rest to finish the change, or undo the applied part to return "
                        "to where you started. Closing keeps the applied part; it can be undone later."
                    ),
                ]
            )
        )
        self.text = text
        self.retry_button = QPushButton(self.tr("&Retry the rest"), self)
        self.undo_button = QPushButton(self.tr("&Undo the applied part"), self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.undo_button.setEnabled(changed > 0)
        self.retry_button.clicked.connect(lambda: self.done(self.RETRY))
        self.undo_button.clicked.connect(lambda: self.done(self.UNDO))
        self.close_button.clicked.connect(self.reject)

        buttons = QDialogButtonBox(self)
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.retry_button.setDefault(True)
