"""Helpers of the app-shell tests that drive the shell on the qasync loop."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QUrl, Slot

from privadmin.config.settings import LoadedConfig, load_config


class Browser(QObject):
    """Stands in for the system browser: QDesktopServices.openUrl hands it the sign-in URL."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


async def wait_until(condition: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.05)


def custom_environment_config(server: Any) -> LoadedConfig:
    """Return a configuration whose custom environment signs in at `server`'s demo identity provider."""
    return load_config(command_line={
        "environment": "custom",
        "environments.custom.issuer": server.issuer,
        "environments.custom.api_base_url": server.api_base_url,
        "environments.custom.client_id": "privadmin-desktop",
    })
