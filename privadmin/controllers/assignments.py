"""Planning, running and undoing assignment changes in atomic batches."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand

from privadmin.models import AssignmentChange, BatchItemOutcome, BatchOutcome, BatchResult

log = logging.getLogger("privadmin.controllers.assignments")

EmployeeKey = tuple[str, str]


def change(employee: EmployeeKey, privilege_id: str) -> AssignmentChange:
    return AssignmentChange(
        idp=employee[0],
        idp_identity_id=uuid.UUID(employee[1]),
        privilege_id=uuid.UUID(privilege_id),
    )


def employee_of(item: AssignmentChange) -> EmployeeKey:
    return (item.idp, str(item.idp_identity_id))


@dataclass(frozen=True)
class ChangePlan:
    """Assignments to add and to remove, in the order they will be sent."""

    add: tuple[AssignmentChange, ...] = ()
    remove: tuple[AssignmentChange, ...] = ()

    @property
    def size(self) -> int:
        return len(self.add) + len(self.remove)

    def is_empty(self) -> bool:
        return self.size == 0

    @staticmethod
    def assign(employees: Iterable[EmployeeKey], privilege_ids: Iterable[str]) -> ChangePlan:
        """Build the plan that assigns every privilege to every employee, without duplicates."""
        privilege_list = list(dict.fromkeys(privilege_ids))
        items = [
            change(employee, privilege_id)
            for employee in dict.fromkeys(employees)
            for privilege_id in privilege_list
        ]
        return ChangePlan(add=tuple(items))

    @staticmethod
    def unassign(items: Iterable[tuple[str, str, str]]) -> ChangePlan:
        """Remove each (idp, idp_identity_id, privilege_id)."""
        unique = dict.fromkeys(
            (idp, identity_id.lower(), privilege_id.lower())
            for idp, identity_id, privilege_id in items
        )
        return ChangePlan(
            remove=tuple(
                change((idp, identity_id), privilege_id)
                for idp, identity_id, privilege_id in unique
            )
        )


@dataclass
class ChangeOutcome:
    """The result of one run of a plan: applied items as the server reported them, and items not sent."""

    plan: ChangePlan
    applied: list[BatchItemOutcome] = field(default_factory=list)
    pending: ChangePlan = field(default_factory=ChangePlan)
    error: BaseException | None = None
    cancelled: bool = False

    @property
    def changed(self) -> list[BatchItemOutcome]:
        return [item for item in self.applied if item.outcome is not BatchOutcome.UNCHANGED]

    @property
    def complete(self) -> bool:
        return self.pending.is_empty() and self.error is None and not self.cancelled


def count_deltas(
    items: Iterable[BatchItemOutcome], *, reverse: bool = False
) -> dict[EmployeeKey, int]:
    """Return how each employee's privilege count moves with these changed items (or their undo)."""
    deltas: dict[EmployeeKey, int] = {}
    for item in items:
        if item.outcome is BatchOutcome.ADDED:
            step = 1
        elif item.outcome is BatchOutcome.REMOVED:
            step = -1
        else:
            continue
        if reverse:
            step = -step
        key = employee_of(item.change)
        deltas[key] = deltas.get(key, 0) + step
    return deltas


def reversal(items: Sequence[BatchItemOutcome]) -> ChangePlan:
    """Build the plan that undoes exactly these changed items: remove the added, add the removed."""
    return ChangePlan(
        add=tuple(item.change for item in items if item.outcome is BatchOutcome.REMOVED),
        remove=tuple(item.change for item in items if item.outcome is BatchOutcome.ADDED),
    )


def reapplication(items: Sequence[BatchItemOutcome]) -> ChangePlan:
    """Build the plan that applies these changed items again."""
    return ChangePlan(
        add=tuple(item.change for item in items if item.outcome is BatchOutcome.ADDED),
        remove=tuple(item.change for item in items if item.outcome is BatchOutcome.REMOVED),
    )


def _pending_plan(pending: Any) -> ChangePlan:
    """Read BatchRun.pending, which lists the items not sent, into a plan."""
    if pending is None:
        return ChangePlan()
    if isinstance(pending, ChangePlan):
        return pending
    add = getattr(pending, "add", None)
    remove = getattr(pending, "remove", None)
    if add is not None and remove is not None:
        return ChangePlan(add=tuple(add), remove=tuple(remove))
    adds: list[AssignmentChange] = []
    removes: list[AssignmentChange] = []
    for item in pending:
        operation = getattr(item, "operation", None)
        item_change = getattr(item, "change", item)
        if isinstance(item, tuple) and len(item) == 2:
            operation, item_change = item
        (removes if operation == "remove" else adds).append(item_change)
    return ChangePlan(add=tuple(adds), remove=tuple(removes))


class AssignmentRunner:
    """Runs change plans through the client's run_batches, on the caller's event loop."""

    def __init__(self, client: Any, organization_tin: str, *, max_items: int | None = None) -> None:
        self._client = client
        self.organization_tin = organization_tin
        # Items per atomic batch; None leaves the client's maximum.
        self.max_items = max_items

    async def run(
        self,
        plan: ChangePlan,
        *,
        on_progress: Callable[[int, int], None] | None = None,
        cancel_event: asyncio.Event | None = None,
    ) -> ChangeOutcome:
        log.info(
            "assignment change started: organization %s, %d to add, %d to remove",
            self.organization_tin,
            len(plan.add),
            len(plan.remove),
        )
        options: dict[str, Any] = {}
        if self.max_items is not None:
            options["max_items"] = self.max_items
        run = await self._client.run_batches(
            self.organization_tin,
            add=list(plan.add),
            remove=list(plan.remove),
            on_progress=on_progress,
            cancel_event=cancel_event,
            **options,
        )
        applied: list[BatchItemOutcome] = []
        for result in run.applied:
            applied.extend(result.items if isinstance(result, BatchResult) else result)
        outcome = ChangeOutcome(
            plan=plan,
            applied=applied,
            pending=_pending_plan(run.pending),
            error=run.failed_error,
            cancelled=bool(run.cancelled),
        )
        if outcome.error is not None:
            log.warning(
                "assignment change failed in organization %s after %d items, %d not sent: %s",
                self.organization_tin,
                len(applied),
                outcome.pending.size,
                outcome.error,
            )
        else:
            log.info(
                "assignment change finished: organization %s, %d applied (%d changed), %d not sent%s",
                self.organization_tin,
                len(applied),
                len(outcome.changed),
                outcome.pending.size,
                ", cancelled" if outcome.cancelled else "",
            )
        return outcome


@dataclass(frozen=True)
class ChangeSummary:
    """Counts and names of a recorded change, from which its undo and redo texts are written."""

    # "add", "remove" or "mixed".
    operation: str
    assignments: int
    privileges: int
    employees: int
    # The privilege's and the employee's display names when the change touched only one.
    privilege_name: str | None = None
    employee_name: str | None = None


def summarize(
    changed: Sequence[BatchItemOutcome],
    privilege_name: Callable[[str], str],
    employee_name: Callable[[EmployeeKey], str],
) -> ChangeSummary:
    """Count the assignments, privileges and employees of `changed`, naming a lone privilege or employee."""
    operations = {item.operation for item in changed}
    operation = operations.pop() if len(operations) == 1 else "mixed"
    privilege_ids = list(dict.fromkeys(str(item.change.privilege_id) for item in changed))
    employees = list(dict.fromkeys(employee_of(item.change) for item in changed))
    return ChangeSummary(
        operation=operation,
        assignments=len(changed),
        privileges=len(privilege_ids),
        employees=len(employees),
        privilege_name=privilege_name(privilege_ids[0]) if len(privilege_ids) == 1 else None,
        employee_name=employee_name(employees[0]) if len(employees) == 1 else None,
    )


class AssignmentChangeCommand(QUndoCommand):
    """One applied change on the undo stack: the items the server reported as changed.

    The command is a record only. The main window's undo and redo actions send
    `reversal(changed)` or `reapplication(changed)` to the server, update the
    views from what the server reports, and move the stack only once that
    succeeded, so the stack never runs ahead of the server.
    """

    def __init__(
        self,
        organization_tin: str,
        changed: Sequence[BatchItemOutcome],
        summary: ChangeSummary,
        text: str,
    ) -> None:
        super().__init__(text)
        self.organization_tin = organization_tin
        self.changed = tuple(changed)
        # Kept so that the text can be written again in another language.
        self.summary = summary

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass
