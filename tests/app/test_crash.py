"""The crash handler: a redacted report in the log folder and a dialog, not a vanished app."""

from __future__ import annotations

import asyncio
import sys
import threading
from pathlib import Path

import pytest

from privadmin.crash import CrashHandler, show_error_dialog

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl"


def raise_error() -> None:
    raise RuntimeError(f"refresh failed for {JWT}")


def test_excepthook_saves_redacted_report(tmp_path: Path) -> None:
    shown: list[tuple[str, Path | None]] = []
    handler = CrashHandler(tmp_path, lambda summary, path: shown.append((summary, path)))
    handler.install()
    try:
        try:
            raise_error()
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        handler.uninstall()

    assert len(handler.reports) == 1
    report = handler.reports[0]
    assert report.parent == tmp_path
    assert report.name.startswith("crash-")
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError: refresh failed for [REDACTED]" in text
    assert "raise_error" in text
    assert JWT not in text
    assert shown == [("RuntimeError: refresh failed for [REDACTED]", report)]
    assert sys.excepthook is not handler.excepthook


def test_thread_exception_saves_report(tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path)
    handler.install()
    try:
        thread = threading.Thread(target=raise_error, name="worker-1")
        thread.start()
        thread.join()
    finally:
        handler.uninstall()
    assert len(handler.reports) == 1
    assert "Context: thread worker-1" in handler.reports[0].read_text(encoding="utf-8")


def test_task_exception_saves_report(qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path)
    handler.install(qasync_loop)
    try:
        async def failing() -> None:
            raise_error()

        qasync_loop.call_exception_handler({"message": "Task exception was never retrieved",
                                            "exception": _capture(failing())})
    finally:
        handler.uninstall()
    assert len(handler.reports) == 1
    assert "Context: Task exception was never retrieved" in handler.reports[0].read_text(encoding="utf-8")


def _capture(coroutine: object) -> BaseException:
    try:
        asyncio.new_event_loop().run_until_complete(coroutine)  # type: ignore[arg-type]
    except RuntimeError as error:
        return error
    raise AssertionError("the coroutine did not raise")


def test_unwritable_log_dir_still_shows_dialog(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    shown: list[Path | None] = []
    handler = CrashHandler(blocker / "logs", lambda _summary, path: shown.append(path))
    assert handler.handle(RuntimeError("x")) is None
    assert shown == [None]


def test_error_dialog_is_not_modal(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    show_error_dialog("RuntimeError: x", tmp_path / "crash-1.txt")
    boxes = [widget for widget in QApplication.topLevelWidgets() if widget.objectName() == "crashDialog"]
    assert boxes and isinstance(boxes[-1], QMessageBox)
    box = boxes[-1]
    assert box.isVisible()
    assert not box.isModal()
    assert str(tmp_path / "crash-1.txt") in box.informativeText()
    box.close()


@pytest.fixture(autouse=True)
def restore_hooks() -> object:
    hook = sys.excepthook
    yield
    sys.excepthook = hook
    threading.excepthook = threading.__excepthook__


def test_repeated_errors_limited(tmp_path: Path) -> None:
    from privadmin.crash import MAX_REPORTS

    handler = CrashHandler(tmp_path)
    for _ in range(MAX_REPORTS + 5):
        handler.handle(RuntimeError("again"))
    assert len(handler.reports) == MAX_REPORTS
    assert len(list(tmp_path.glob("crash-*.txt"))) == MAX_REPORTS


def test_one_error_dialog_at_a_time(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    show_error_dialog("RuntimeError: first", None)
    show_error_dialog("RuntimeError: second", None)
    boxes = [widget for widget in QApplication.topLevelWidgets()
             if widget.objectName() == "crashDialog" and widget.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].detailedText() == "RuntimeError: first"
    boxes[0].close()
