"""Running assignment changes for the main window: preview, batches with progress, partial failure, undo."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow

from privadmin.controllers.assignments import (
    AssignmentChangeCommand,
    AssignmentRunner,
    ChangeOutcome,
    ChangePlan,
    count_deltas,
    employee_of,
    reapplication,
    reversal,
)
from privadmin.models import AssignmentChange, BatchItemOutcome
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


class ChangeRunning(QMainWindow):
    """The main window's part that sends assignment changes and undoes or redoes them.

    MainWindow inherits it and builds the attributes declared here. Changes go
    to the server first, and the undo stack records only what the server
    reported as changed.
    """

    context: AppContext
    organization: OrganizationMembership | None
    batch_size: int | None
    tasks: TaskRunner
    banner: ErrorBanner
    employees: EmployeesPanel
    privileges: PrivilegesPanel
    undo_stack: QUndoStack
    undo_action: QAction
    redo_action: QAction
    preview_dialog: ChangePreviewDialog | None
    progress_dialog: BatchProgressDialog | None
    failure_dialog: BatchFailureDialog | None
    _busy: bool

    def refresh_assignments(self) -> None:
        raise NotImplementedError

    def _update_undo_actions(self, *_: object) -> None:
        raise NotImplementedError

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

    def describe_change(self, item: AssignmentChange) -> str:
        privilege = self.privileges.tree_model.privilege(str(item.privilege_id))
        privilege_name = privilege.name if privilege is not None else str(item.privilege_id)
        identity = self.employees.model.identity_for(employee_of(item))
        if identity is None:
            employee_name = str(item.idp_identity_id)
        else:
            employee_name = identity.name or identity.email or str(identity.idp_identity_id)
        return self.tr("%1 → %2").replace("%1", privilege_name).replace("%2", employee_name)

    def _plan_text(self, plan: ChangePlan) -> str:
        if plan.add and not plan.remove:
            return self.tr("assign %n privilege(s)", "", len(plan.add))
        if plan.remove and not plan.add:
            return self.tr("remove %n privilege(s)", "", len(plan.remove))
        return self.tr("change %n assignment(s)", "", plan.size)

    async def apply_plan(self, plan: ChangePlan, *, preview: bool = True) -> ChangeOutcome | None:
        """Preview (when more than one item), send in batches with progress, record undo, report failures.

        Returns the outcome, or None when the user declined the preview.
        """
        if self.organization is None or plan.is_empty():
            return None
        tin = self.organization.organization_tin

        if preview and plan.size > 1:
            dialog = ChangePreviewDialog(plan.add, plan.remove, self.describe_change, self)
            self._replace_dialog(self.preview_dialog)
            self.preview_dialog = dialog
            if await wait_for_dialog(dialog) != QDialog.DialogCode.Accepted:
                log.info("change of %d items declined at the preview", plan.size)
                return None

        outcome = await self._run_with_progress(tin, plan)
        if outcome.changed:
            self.undo_stack.push(
                AssignmentChangeCommand(tin, outcome.changed, self._plan_text(plan))
            )

        if outcome.complete:
            self.statusBar().showMessage(
                self.tr("%n assignment(s) changed.", "", len(outcome.changed)), 6000
            )
            return outcome
        if outcome.cancelled and outcome.error is None:
            self.statusBar().showMessage(
                self.tr("Cancelled: %n item(s) were not sent.", "", outcome.pending.size), 8000
            )
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
            await self.undo_last()

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

    async def undo_last(self) -> ChangeOutcome | None:
        """Reverse exactly the items the last change reported as changed; the stack moves only on success."""
        if self._busy or not self.undo_stack.canUndo():
            return None
        command = self.undo_stack.command(self.undo_stack.index() - 1)
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
        self.undo_stack.undo()
        self.statusBar().showMessage(
            self.tr("Undone: %n assignment(s).", "", len(outcome.changed)), 6000
        )
        return outcome

    async def redo_next(self) -> ChangeOutcome | None:
        if self._busy or not self.undo_stack.canRedo():
            return None
        command = self.undo_stack.command(self.undo_stack.index())
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
        self.undo_stack.redo()
        self.statusBar().showMessage(
            self.tr("Redone: %n assignment(s).", "", len(outcome.changed)), 6000
        )
        return outcome
