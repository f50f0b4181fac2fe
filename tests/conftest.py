"""Shared pytest set-up: offscreen Qt, the qasync event loop, and the live-server plugin."""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["privserver.testing"]


@pytest.fixture
def qasync_loop(qapp: object) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync event loop on the test's QApplication; drive coroutines with run_until_complete."""
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        asyncio.set_event_loop(None)
        loop.close()
        # Qt wrappers collected later, under another test's loop, have crashed PySide6 6.11.3.
        # Collecting them here frees them while this test's objects are still consistent.
        gc.collect()
