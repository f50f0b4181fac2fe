"""Switching the environment during a sign-in cancels it, so a late browser redirect signs nobody in."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest

from privadmin.app import Shell, StartOptions
from privadmin.i18n import Translations
from privserver.testing import abrowser_sign_in

from .helpers import Browser, custom_environment_config, wait_until


def test_switch_cancels_pending_sign_in(qasync_loop: asyncio.AbstractEventLoop, isolated_dirs: dict[str, Path],
                                        keep_running: None, browser: Browser, live_server: Any) -> None:
    config = custom_environment_config(live_server)
    translations = Translations()
    translations.install("en")
    shell = Shell(config, translations, StartOptions())
    administrator = live_server.administrator("customer")

    async def scenario() -> None:
        shell.start()
        try:
            await wait_until(lambda: shell.start_window.sign_in_page is not None, 60, "the sign-in page")
            shell.start_window.sign_in_page.sign_in_button.click()  # type: ignore[union-attr]
            await wait_until(lambda: browser.urls, 30, "the browser to be opened")

            shell.choose_environment("preproduction")
            assert "environments.preproduction.client_id" in shell.start_window.status_label.text()
            await asyncio.sleep(0.2)

            with pytest.raises(httpx.TransportError):
                await abrowser_sign_in(browser.urls[0], administrator["idpIdentityId"])
            await asyncio.sleep(0.5)
            assert shell.main_window is None
            assert shell.start_window.isVisible()
        finally:
            await shell.aclose()
            shell.start_window.close()

    qasync_loop.run_until_complete(scenario())
