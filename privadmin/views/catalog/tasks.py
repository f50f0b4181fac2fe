"""Running the catalog editor's requests as asyncio tasks, with busy state, errors and retry."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from privadmin.views.catalog.texts import error_text

log = logging.getLogger("privadmin.catalog")

Operation = Callable[[], Awaitable[Any]]


class TaskRunner(QObject):
    """Starts coroutines as tasks on the running (qasync) loop and keeps a reference to each.

    `busy_changed` reports whether any task runs. An operation that raises is
    logged and reported through `failed` with a plain message, and kept so that
    `retry()` can run it again.
    """

    busy_changed = Signal(bool)
    failed = Signal(str)
    succeeded = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._tasks: set[asyncio.Task[Any]] = set()
        self._retry: Operation | None = None

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def run(self, operation: Operation, description: str) -> asyncio.Task[Any]:
        """Start `operation()` as a task; `description` names it in the log."""
        task = asyncio.get_event_loop().create_task(self._guarded(operation, description))
        was_busy = self.busy
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def retry(self) -> asyncio.Task[Any] | None:
        operation, self._retry = self._retry, None
        if operation is None:
            return None
        log.info("%s: retrying the failed operation", self._name)
        return self.run(operation, "retry")

    async def wait(self) -> None:
        """Wait until no task of this runner runs, including tasks started meanwhile."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _guarded(self, operation: Operation, description: str) -> Any:
        log.debug("%s: starting %s", self._name, description)
        try:
            result = await operation()
        except asyncio.CancelledError:
            log.info("%s: %s cancelled", self._name, description)
            raise
        except Exception as error:  # noqa: BLE001 - every failure is shown to the user with a retry
            log.warning("%s: %s failed: %s", self._name, description, error)
            self._retry = operation
            # The widget showing the outcome may have been closed and deleted meanwhile.
            if shiboken6.isValid(self):
                self.failed.emit(error_text(error))
            return None
        if shiboken6.isValid(self):
            self.succeeded.emit()
        return result

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        # A dialog may close and be deleted by the task itself, before this callback runs.
        if not self._tasks and shiboken6.isValid(self):
            self.busy_changed.emit(False)


class Retranslating:
    """Mixin for the catalog's widgets: calls `retranslate()` when the application's language changes.

    List it before the Qt base class, so that its changeEvent runs first.
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


class StatusBar(Retranslating, QWidget):
    """A busy indicator and an error line with a Retry button, driven by a TaskRunner."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setVisible(False)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.retry_button = QPushButton(self)
        self.retry_button.setVisible(False)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label, 1)
        layout.addWidget(self.retry_button)

        runner.busy_changed.connect(self._show_busy)
        runner.failed.connect(self.show_error)
        runner.succeeded.connect(self.clear_error)
        self.retry_button.clicked.connect(self._retry)
        self.retranslate()

    def retranslate(self) -> None:
        self.retry_button.setText(self.tr("Retry"))
        self.progress.setFormat(self.tr("Working…"))
        self.progress.setToolTip(self.tr("Waiting for the server"))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.retry_button.setVisible(True)

    def clear_error(self) -> None:
        self.error_label.clear()
        self.retry_button.setVisible(False)

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)

    def _retry(self) -> None:
        self.clear_error()
        self._runner.retry()


async def ask(parent: QWidget, title: str, text: str, accept_text: str) -> bool:
    """Ask a yes/no question in a window-modal box without blocking the event loop.

    The box is a child of `parent` named "catalogConfirmation", so tests and
    accessibility tools can find it.
    """
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, parent
    )
    box.setObjectName("catalogConfirmation")
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    answer: asyncio.Future[bool] = asyncio.get_event_loop().create_future()

    def finish(_result: int) -> None:
        if not answer.done():
            answer.set_result(box.clickedButton() is accept)

    def destroyed() -> None:
        # Closing the parent deletes the box without an answer: treat that as Cancel.
        if not answer.done():
            answer.set_result(False)

    box.finished.connect(finish)
    box.destroyed.connect(destroyed)
    box.open()
    try:
        return await answer
    finally:
        box.deleteLater()
