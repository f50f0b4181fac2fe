"""Unexpected errors: save a redacted report in the log directory and tell the user, instead of vanishing."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from privadmin import __version__
from privadmin.logging_setup import redact

log = logging.getLogger("privadmin.app")

ShowDialog = Callable[[str, Path | None], None]

# Reports saved per run at most; an error that repeats in a loop is logged after that.
MAX_REPORTS = 20

# Error dialogs on screen; a parentless dialog needs a Python reference to stay open.
_open_dialogs: list[Any] = []


def write_report(log_dir: Path, error: BaseException, *, context: str = "") -> Path | None:
    """Write a redacted crash report for `error`; return its path, or None when it cannot be written."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    text = "\n".join([
        f"privadmin {__version__} crash report {stamp}",
        f"Python {sys.version.split()[0]} on {platform.platform()}",
        f"Thread: {threading.current_thread().name}",
        f"Context: {context}" if context else "",
        "",
        "".join(traceback.format_exception(error)),
    ])
    path = log_dir / f"crash-{stamp}.txt"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(redact(text), encoding="utf-8")
    except OSError as write_error:
        log.error("Could not save crash report in %s: %s", log_dir, write_error)
        return None
    return path


class CrashHandler:
    """Catches uncaught exceptions of the main thread, other threads and asyncio tasks."""

    def __init__(self, log_dir: Path, show_dialog: ShowDialog | None = None) -> None:
        self.log_dir = log_dir
        self.show_dialog = show_dialog
        self.reports: list[Path] = []
        self._previous_hook: Callable[..., Any] | None = None

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook
        if loop is not None:
            loop.set_exception_handler(self.loop_exception_handler)

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        threading.excepthook = threading.__excepthook__

    def handle(self, error: BaseException, context: str = "") -> Path | None:
        """Log `error`, save a report and show the dialog; return the report's path."""
        log.critical("Unexpected error%s", f" ({context})" if context else "", exc_info=error)
        if len(self.reports) >= MAX_REPORTS:
            log.error("Not saving a report: %d reports were saved in this run already", MAX_REPORTS)
            return None
        path = write_report(self.log_dir, error, context=context)
        if path is not None:
            self.reports.append(path)
        if self.show_dialog is not None:
            try:
                self.show_dialog(redact(f"{type(error).__name__}: {error}"), path)
            except Exception:
                log.exception("Could not show the error dialog")
        return path

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        self.handle(error.with_traceback(tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        thread = args.thread.name if args.thread else "unknown"
        self.handle(args.exc_value, f"thread {thread}")

    def loop_exception_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        message = str(context.get("message", ""))
        if not isinstance(error, BaseException):
            log.error("Event loop error: %s", redact(message))
            return
        self.handle(error, message)


def show_error_dialog(summary: str, report: Path | None) -> None:
    """Show a non-blocking message box about an unexpected error and where its report is."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    if _open_dialogs:
        # One dialog at a time: later errors are in the log and their own reports.
        log.info("Error dialog already open; not showing another for %s", summary)
        return
    text = QCoreApplication.translate("CrashDialog", "privadmin hit an unexpected error and may not work as expected.")
    if report is not None:
        detail = QCoreApplication.translate(
            "CrashDialog", "A report was saved in {path}. Send it to your IT department or support.").format(path=report)
    else:
        detail = QCoreApplication.translate("CrashDialog", "The report could not be saved; see the log.")
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("CrashDialog", "Unexpected error"), text)
    box.setInformativeText(detail)
    box.setDetailedText(summary)
    box.setObjectName("crashDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.setModal(False)
    _open_dialogs.append(box)
    box.finished.connect(lambda _result: _open_dialogs.remove(box))
    box.show()
