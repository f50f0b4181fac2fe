"""The sign-in asks the identity provider for the UI language, also after a switch on the start window."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from privadmin.app import Shell, StartOptions
from privadmin.i18n import Translations

from .helpers import Browser, custom_environment_config, wait_until


def test_sign_in_sends_switched_language(qasync_loop: asyncio.AbstractEventLoop, isolated_dirs: dict[str, Path],
                                         keep_running: None, browser: Browser, live_server: Any) -> None:
    config = custom_environment_config(live_server)
    translations = Translations()
    translations.install("da")
    shell = Shell(config, translations, StartOptions())

    async def scenario() -> str:
        shell.start()
        try:
            await wait_until(lambda: shell.start_window.sign_in_page is not None, 60, "the sign-in page")
            shell.switch_language("en")
            page = shell.start_window.sign_in_page
            assert page is not None
            page.sign_in_button.click()  # type: ignore[attr-defined]
            await wait_until(lambda: browser.urls, 30, "the browser to be opened")
            return str(browser.urls[0])
        finally:
            # Cancel the sign-in and let its listener stop while the loop still runs.
            shell.start_window.clear_sign_in()
            await asyncio.sleep(0.2)
            await shell.aclose()
            shell.start_window.close()

    url = qasync_loop.run_until_complete(scenario())

    assert parse_qs(urlsplit(url).query)["ui_locales"] == ["en"]
    # The demo provider's page follows it.
    page = httpx.get(url, timeout=10)
    assert '<html lang="en">' in page.text
