"""Starting asyncio tasks from Qt slots without losing them or their errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger("privadmin.controllers")


class TaskRunner:
    """Keeps a reference to every task it starts (asyncio holds only weak ones) and reports failures.

    `on_error(exception, retry)` receives each exception a task raises, except
    cancellation, with a callable that starts the same work again.
    """

    def __init__(self, on_error: Callable[[BaseException, Callable[[], None]], None]) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._on_error = on_error

    def start(
        self, make: Callable[[], Coroutine[Any, Any, Any]], *, name: str
    ) -> asyncio.Task[Any]:
        """Start `make()` as a task; `make` is kept so that a retry can start it again."""
        task = asyncio.get_event_loop().create_task(make(), name=name)
        self._tasks.add(task)

        def finished(done: asyncio.Task[Any]) -> None:
            self._tasks.discard(done)
            if done.cancelled():
                log.info("task %s cancelled", name)
                return
            error = done.exception()
            if error is not None:
                log.warning("task %s failed: %s", name, error, exc_info=error)

                def retry() -> None:
                    self.start(make, name=name)

                self._on_error(error, retry)

        task.add_done_callback(finished)
        return task

    def pending(self) -> set[asyncio.Task[Any]]:
        return set(self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    async def wait_idle(self) -> None:
        """Wait until every task started so far, and any they start, has finished."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
