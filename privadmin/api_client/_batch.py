"""Large assignment changes split into atomic batch requests, with progress and cancellation."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field

from privadmin.api_client import _adapter
from privadmin.models import AssignmentChange, BatchResult

log = logging.getLogger("privadmin.api_client")

ProgressCallback = Callable[[int, int], None]
SendBatch = Callable[[Sequence[AssignmentChange], Sequence[AssignmentChange]], Awaitable[BatchResult]]


class BatchCancelled(Exception):
    """Raised by BatchRun.raise_for_outcome when the run was cancelled before every batch was sent."""

    def __init__(self, run: BatchRun) -> None:
        super().__init__(
            f"Cancelled after {run.applied_count} of {run.total} changes; {len(run.pending)} not sent"
        )
        self.run = run


@dataclass(frozen=True)
class BatchItems:
    """Assignment changes to add and to remove."""

    add: tuple[AssignmentChange, ...] = ()
    remove: tuple[AssignmentChange, ...] = ()

    def __len__(self) -> int:
        return len(self.add) + len(self.remove)


@dataclass
class BatchRun:
    """Outcome of run_batches: the batches applied, the changes not applied, and why it stopped.

    Every change is either in one of `applied` or in `pending`. Sending
    `pending.add` and `pending.remove` again is harmless, because adding an
    existing assignment or removing a missing one is reported as unchanged.
    """

    total: int
    applied: list[BatchResult] = field(default_factory=list)
    pending: BatchItems = field(default_factory=BatchItems)
    # The error that stopped the run; the batch it hit was not applied, since each
    # batch is all or nothing. None when the run finished or was cancelled.
    failed_error: Exception | None = None
    cancelled: bool = False

    @property
    def applied_count(self) -> int:
        return sum(len(result.items) for result in self.applied)

    @property
    def complete(self) -> bool:
        return not self.pending and self.failed_error is None and not self.cancelled

    def raise_for_outcome(self) -> None:
        """Raise failed_error if the run failed, or BatchCancelled if it was cancelled."""
        if self.failed_error is not None:
            raise self.failed_error
        if self.cancelled:
            raise BatchCancelled(self)


def prepare_items(
    add: Iterable[AssignmentChange], remove: Iterable[AssignmentChange]
) -> list[tuple[str, AssignmentChange]]:
    """Return (operation, change) pairs, without duplicates, in the order given.

    Raises ValueError for a change that is both added and removed, because the
    result would depend on how the changes are split into batches.
    """
    additions = list(dict.fromkeys(add))
    removals = list(dict.fromkeys(remove))
    both = set(additions) & set(removals)
    if both:
        example = next(iter(both))
        raise ValueError(
            f"{len(both)} change(s) are both added and removed, e.g. privilege {example.privilege_id} "
            f"for {example.idp}/{example.idp_identity_id}; leave each change in one list only"
        )
    return [("add", change) for change in additions] + [("remove", change) for change in removals]


def _items(pairs: Sequence[tuple[str, AssignmentChange]]) -> BatchItems:
    return BatchItems(
        add=tuple(change for operation, change in pairs if operation == "add"),
        remove=tuple(change for operation, change in pairs if operation == "remove"),
    )


async def run_batches(
    send_batch: SendBatch,
    tin: str,
    add: Iterable[AssignmentChange],
    remove: Iterable[AssignmentChange],
    *,
    on_progress: ProgressCallback | None,
    cancel_event: asyncio.Event | None,
    max_items: int,
) -> BatchRun:
    """Send the changes in batches of at most `max_items`, one after the other.

    Stops at the first failed batch and returns the failure in the BatchRun
    instead of raising it, so the caller can retry `pending` or undo
    `applied`. Raises ValueError for invalid input before sending anything.
    `cancel_event` is checked before each batch.
    """
    if not 1 <= max_items <= _adapter.MAX_BATCH_ITEMS:
        raise ValueError(f"max_items must be between 1 and {_adapter.MAX_BATCH_ITEMS}, got {max_items}")
    pairs = prepare_items(add, remove)
    run = BatchRun(total=len(pairs), pending=_items(pairs))
    chunks = [pairs[start : start + max_items] for start in range(0, len(pairs), max_items)]
    log.info("Starting %d change(s) for %s in %d batch(es)", len(pairs), tin, len(chunks))
    if on_progress is not None:
        on_progress(0, run.total)

    done = 0
    for index, chunk in enumerate(chunks):
        if cancel_event is not None and cancel_event.is_set():
            run.cancelled = True
            log.info("Batches for %s cancelled after %d of %d change(s)", tin, done, run.total)
            break

        batch = _items(chunk)
        try:
            result = await send_batch(batch.add, batch.remove)
        except Exception as error:  # noqa: BLE001
            # Reported in the BatchRun instead of raised, so the caller keeps what was applied.
            run.failed_error = error
            log.warning(
                "Batch %d of %d for %s failed after %d of %d change(s): %s",
                index + 1, len(chunks), tin, done, run.total, error,
            )
            break

        run.applied.append(result)
        done += len(chunk)
        run.pending = _items(pairs[done:])
        if on_progress is not None:
            on_progress(done, run.total)

    if run.complete:
        log.info("Finished %d change(s) for %s", run.total, tin)
    return run
