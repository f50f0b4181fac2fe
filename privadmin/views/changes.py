"""Running assignment changes for the main window: preview, batches with progress, partial failure, undo."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow

from privadmin.controllers.assignments import (
    AssignmentChangeCommand,
    AssignmentRunner,
    ChangeOutcome,
    ChangePlan,
    ChangeSummary,
    EmployeeKey,
    count_deltas,
    employee_of,
    reapplication,
    reversal,
    summarize,
)
from privadmin.models import AssignmentChange, BatchItemOutcome, BatchOutcome
from privadmin.views.banner import describe_error
from privadmin.views.dialogs import (
    BatchFailureDialog,
    BatchProgressDialog,
    ChangePreviewDialog,
    wait_for_dialog,
)

if TYPE_CHECKING:
    from privadmin.context import AppContext
    from privadmin.controllers.tasks import TaskRunner
    from privadmin.models import OrganizationMembership
    from privadmin.views.banner import ErrorBanner
    from privadmin.views.employees_panel import EmployeesPanel
    from privadmin.views.privileges_panel import PrivilegesPanel

log = logging.getLogger("privadmin.views.changes")


class ChangeTexts(QObject):
    """Status and undo texts that name a change.

    A class of its own because plural texts need their own translation
    context: in a method of ChangeRunning, self.tr() looks a text up under
    MainWindow first, and with %n filled in, the untranslated result no longer
    equals its source, so PySide6 (6.11) stops there.
    """

    def change(self, summary: ChangeSummary) -> str:
        """Name what a change did, e.g. "assign Byggeansøgning to 10 employees", for undo and redo."""
        if summary.employee_name is not None:
            employee_part = summary.employee_name
        else:
            employee_part = self.tr("%n employee(s)", "", summary.employees)
        if summary.operation == "mixed":
            text = self.tr("change %n assignment(s) of %1", "", summary.assignments)
            return text.replace("%1", employee_part)
        if summary.privilege_name is not None:
            privilege_part = summary.privilege_name
        elif summary.operation == "add":
            privilege_part = self.tr("%n privilege(s)", "", summary.privileges)
        else:
            privilege_part = self.tr("%n assignment(s)", "", summary.assignments)
        if summary.operation == "add":
            return (
                self.tr("assign %1 to %2")
                .replace("%1", privilege_part)
                .replace("%2", employee_part)
            )
        return (
            self.tr("remove %1 from %2").replace("%1", privilege_part).replace("%2", employee_part)
        )

    def result(self, outcome: ChangeOutcome) -> str:
        """Say how many assignments a finished change added and removed, and how many were already as requested."""
        added = sum(1 for item in outcome.changed if item.outcome is BatchOutcome.ADDED)
        removed = sum(1 for item in outcome.changed if item.outcome is BatchOutcome.REMOVED)
        unchanged = len(outcome.applied) - len(outcome.changed)
        parts = []
        if added:
            parts.append(self.tr("%n assignment(s) added.", "", added))
        if removed:
            parts.append(self.tr("%n assignment(s) removed.", "", removed))
        if not parts:
            parts.append(self.tr("No assignments changed."))
        if unchanged:
            parts.append(self.tr("%n item(s) were already as requested.", "", unchanged))
        return " ".join(parts)

    def not_sent(self, count: int) -> str:
        return self.tr("Cancelled: %n item(s) were not sent.", "", count)


class ChangeRunning(QMainWindow):
    """The main window's part that sends assignment changes and undoes or redoes them.

    MainWindow inherits it and builds the attributes declared here. Changes go
    to the server first, and the undo stack records only what the server
    reported as changed.
    """

    context: AppContext
    change_texts: ChangeTexts
    organization: OrganizationMembership | None
    batch_size: int | None
    tasks: TaskRunner
    banner: ErrorBanner
    employees: EmployeesPanel
    privileges: PrivilegesPanel
    # One undo stack per organization, so that undo acts on the organization shown.
    undo_group: QUndoGroup
    _undo_stacks: dict[str, QUndoStack]
    undo_action: QAction
    redo_action: QAction
    preview_dialog: ChangePreviewDialog | None
    progress_dialog: BatchProgressDialog | None
    failure_dialog: BatchFailureDialog | None
    _busy: bool

    def refresh_assignments(self) -> None:
        raise NotImplementedError

    @property
    def undo_stack(self) -> QUndoStack:
        """The undo stack of the organization shown (an empty one before any is loaded)."""
        active = self.undo_group.activeStack()
        return active if active is not None else self.undo_stack_for("")

    def undo_stack_for(self, tin: str) -> QUndoStack:
        """Return the undo stack of organization `tin`, creating it on first use."""
        stack = self._undo_stacks.get(tin)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._undo_stacks[tin] = stack
        return stack

    def start_plan(self, plan: ChangePlan) -> None:
        if plan.is_empty():
            return
        if self._busy:
            self.statusBar().showMessage(
                self.tr("Wait until the running change has finished."), 6000
            )
            return
        self.tasks.start(lambda: self.apply_plan(plan), name="apply-plan")

    def _runner(self, tin: str) -> AssignmentRunner:
        return AssignmentRunner(self.context.client, tin, max_items=self.batch_size)

    def describe_change(
        self, item: AssignmentChange, labels: Mapping[EmployeeKey, str] | None = None
    ) -> str:
        """Write one preview line: the privilege and the employee, labelled as in `labels` if given."""
        key = employee_of(item)
        if labels is not None and key in labels:
            employee = labels[key]
        else:
            employee = self._employee_label(key, with_uuid=False)
        privilege_name = self._privilege_name(str(item.privilege_id))
        return self.tr("%1 → %2").replace("%1", privilege_name).replace("%2", employee)

    def _employee_label(self, key: EmployeeKey, *, with_uuid: bool) -> str:
        identity = self.employees.model.identity_for(key)
        short_uuid = self.tr("UUID %1…").replace("%1", key[1][:8])
        if identity is None:
            return short_uuid
        if identity.email:
            detail = identity.email
        elif identity.rid:
            detail = self.tr("RID %1").replace("%1", identity.rid)
        else:
            detail = short_uuid
        if with_uuid and detail != short_uuid:
            detail = f"{detail}, {short_uuid}"
        return f"{identity.name} ({detail})" if identity.name else detail

    def employee_labels(self, keys: Iterable[EmployeeKey]) -> dict[EmployeeKey, str]:
        """Label each employee distinctly: the name with the email, else the RID, else a short UUID.

        Labels that still coincide, such as two "Ægir Kristensen" with one
        email, get the start of the UUID as well.
        """
        labels = {key: self._employee_label(key, with_uuid=False) for key in dict.fromkeys(keys)}
        counts = Counter(labels.values())
        return {
            key: self._employee_label(key, with_uuid=True) if counts[label] > 1 else label
            for key, label in labels.items()
        }

    def known_assignments(self) -> set[tuple[str, str, str]]:
        """Return (idp, identity UUID, privilege id) of the assignments the window has loaded.

        The window loads the assignment list of one selected employee only, so
        this covers that employee and no other.
        """
        return {
            (assignment.idp, str(assignment.idp_identity_id), str(assignment.privilege_id))
            for assignment in self.privileges.assignment_model.assignments()
        }

    def _employee_name(self, key: EmployeeKey) -> str:
        identity = self.employees.model.identity_for(key)
        if identity is None:
            return key[1]
        return identity.name or identity.email or str(identity.idp_identity_id)

    def _privilege_name(self, privilege_id: str) -> str:
        privilege = self.privileges.tree_model.privilege(privilege_id)
        return privilege.name if privilege is not None else privilege_id

    def _record(self, tin: str, changed: Sequence[BatchItemOutcome]) -> None:
        """Push the changed items onto the undo stack of organization `tin`."""
        summary = summarize(changed, self._privilege_name, self._employee_name)
        command = AssignmentChangeCommand(tin, changed, summary, self.change_texts.change(summary))
        self.undo_stack_for(tin).push(command)

    def retranslate_undo_texts(self) -> None:
        """Write every recorded change's text again in the current language."""
        for stack in self._undo_stacks.values():
            for index in range(stack.count()):
                command = stack.command(index)
                if isinstance(command, AssignmentChangeCommand):
                    command.setText(self.change_texts.change(command.summary))
        self._update_undo_actions()

    def _update_undo_actions(self, *_: object) -> None:
        stack = self.undo_stack
        can_undo = stack.canUndo() and not self._busy
        can_redo = stack.canRedo() and not self._busy
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        if stack.canUndo():
            self.undo_action.setText(self.tr("&Undo: %1").replace("%1", stack.undoText()))
        else:
            self.undo_action.setText(self.tr("&Undo"))
        if stack.canRedo():
            self.redo_action.setText(self.tr("&Redo: %1").replace("%1", stack.redoText()))
        else:
            self.redo_action.setText(self.tr("&Redo"))
        self.undo_action.setIconText(self.tr("Undo"))
        self.redo_action.setIconText(self.tr("Redo"))

    def preview_for(self, plan: ChangePlan) -> ChangePreviewDialog:
        """Build the preview of `plan`, marking the additions that the loaded assignment list contains."""
        labels = self.employee_labels(employee_of(item) for item in (*plan.add, *plan.remove))
        return ChangePreviewDialog(
            plan.add,
            plan.remove,
            lambda item: self.describe_change(item, labels),
            self,
            existing=self.known_assignments(),
        )

    async def apply_plan(self, plan: ChangePlan, *, preview: bool = True) -> ChangeOutcome | None:
        """Preview (when more than one item), send in batches with progress, record undo, report failures.

        Returns the outcome, or None when the user declined the preview.
        """
        if self.organization is None or plan.is_empty():
            return None
        tin = self.organization.organization_tin

        if preview and plan.size > 1:
            dialog = self.preview_for(plan)
            self._replace_dialog(self.preview_dialog)
            self.preview_dialog = dialog
            if await wait_for_dialog(dialog) != QDialog.DialogCode.Accepted:
                log.info("change of %d items declined at the preview", plan.size)
                return None

        outcome = await self._run_with_progress(tin, plan)
        if outcome.changed:
            self._record(tin, outcome.changed)

        if outcome.complete:
            self.statusBar().showMessage(self.change_texts.result(outcome), 6000)
            return outcome
        if outcome.cancelled and outcome.error is None:
            self.statusBar().showMessage(self.change_texts.not_sent(outcome.pending.size), 8000)
        await self._offer_recovery(tin, outcome)
        return outcome

    async def _run_with_progress(self, tin: str, plan: ChangePlan) -> ChangeOutcome:
        cancel_event = asyncio.Event()
        progress: BatchProgressDialog | None = None
        if plan.size > 1:
            self._replace_dialog(self.progress_dialog)
            progress = BatchProgressDialog(plan.size, cancel_event, self)
            self.progress_dialog = progress
            progress.show()
        self._set_busy(True)
        try:
            outcome = await self._runner(tin).run(
                plan,
                on_progress=progress.report if progress is not None else None,
                cancel_event=cancel_event,
            )
        finally:
            self._set_busy(False)
            if progress is not None:
                progress.hide()
        self._apply_to_views(tin, outcome.changed)
        return outcome

    async def _offer_recovery(self, tin: str, outcome: ChangeOutcome) -> None:
        """Show what was applied and what was not; retry the rest or undo the applied part on request."""
        reason = (
            describe_error(outcome.error) if outcome.error is not None else self.tr("cancelled")
        )
        dialog = BatchFailureDialog(
            len(outcome.applied), len(outcome.changed), outcome.pending.size, reason, self
        )
        self._replace_dialog(self.failure_dialog)
        self.failure_dialog = dialog
        choice = await wait_for_dialog(dialog)
        if choice == BatchFailureDialog.RETRY:
            log.info("retrying %d items not applied", outcome.pending.size)
            await self.apply_plan(outcome.pending, preview=False)
        elif choice == BatchFailureDialog.UNDO and outcome.changed:
            log.info("undoing the %d applied items", len(outcome.changed))
            await self.undo_last(self.undo_stack_for(tin))

    @staticmethod
    def _replace_dialog(previous: QDialog | None) -> None:
        """Delete the previous dialog of a kind; the latest one stays reachable until the next."""
        if previous is not None and not previous.isVisible():
            previous.deleteLater()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_undo_actions()

    def _apply_to_views(self, tin: str, changed: Sequence[BatchItemOutcome]) -> None:
        """Update counts and the shown assignment list in place from what the server reported."""
        if not changed or self.organization is None or self.organization.organization_tin != tin:
            return
        self.employees.model.adjust_privilege_counts(count_deltas(changed))
        current = self.employees.current_key()
        if current is not None and any(employee_of(item.change) == current for item in changed):
            removed = {
                str(item.change.privilege_id)
                for item in changed
                if employee_of(item.change) == current and item.operation == "remove"
            }
            self.privileges.assignment_model.remove_privileges(removed)
            self.refresh_assignments()

    # Undo and redo: the server first, then the stack.

    async def undo_last(self, stack: QUndoStack | None = None) -> ChangeOutcome | None:
        """Reverse exactly the items the last change reported as changed; the stack moves only on success.

        `stack` defaults to the undo stack of the organization shown.
        """
        stack = stack if stack is not None else self.undo_stack
        if self._busy or not stack.canUndo():
            return None
        command = stack.command(stack.index() - 1)
        assert isinstance(command, AssignmentChangeCommand)
        outcome = await self._run_with_progress(command.organization_tin, reversal(command.changed))
        if not outcome.complete:
            reason = describe_error(outcome.error) if outcome.error else self.tr("cancelled")
            self.banner.show_error(
                self.tr("Undo was only partly applied (%1 of %2 items): %3")
                .replace("%1", str(len(outcome.applied)))
                .replace("%2", str(len(command.changed)))
                .replace("%3", reason),
                lambda: self.undo_action.trigger(),
            )
            return outcome
        stack.undo()
        self.statusBar().showMessage(self.tr("Undone: %1.").replace("%1", command.text()), 6000)
        return outcome

    async def redo_next(self) -> ChangeOutcome | None:
        """Apply the next undone change again, on the organization shown; the stack moves only on success."""
        stack = self.undo_stack
        if self._busy or not stack.canRedo():
            return None
        command = stack.command(stack.index())
        assert isinstance(command, AssignmentChangeCommand)
        outcome = await self._run_with_progress(
            command.organization_tin, reapplication(command.changed)
        )
        if not outcome.complete:
            reason = describe_error(outcome.error) if outcome.error else self.tr("cancelled")
            self.banner.show_error(
                self.tr("Redo was only partly applied: %1").replace("%1", reason),
                lambda: self.redo_action.trigger(),
            )
            return outcome
        stack.redo()
        self.statusBar().showMessage(self.tr("Redone: %1.").replace("%1", command.text()), 6000)
        return outcome
