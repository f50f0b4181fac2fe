"""AuthMode.CLIENT_CREDENTIALS: the API client secret is asked for once, kept in the keyring, and used."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QLabel

from privadmin.app import Shell, StartOptions
from privadmin.config.settings import load_config
from privadmin.i18n import Translations
from privadmin.views.start import SecretDialog
from privserver.testing import abrowser_sign_in

from .helpers import Browser, wait_until
from .memory_keyring import MemoryKeyring


def make_shell(live_server: Any, api_client_id: str) -> Shell:
    config = load_config(command_line={
        "environment": "custom",
        "environments.custom.issuer": live_server.issuer,
        "environments.custom.api_base_url": live_server.api_base_url,
        "environments.custom.client_id": "privadmin-desktop",
        "environments.custom.auth_mode": "client_credentials",
        "environments.custom.api_client_id": api_client_id,
    })
    assert config.messages == []
    translations = Translations()
    translations.install("en")
    return Shell(config, translations, StartOptions())


def test_secret_asked_once_and_used(qasync_loop: asyncio.AbstractEventLoop, isolated_dirs: dict[str, Path],
                                    keep_running: None, browser: Browser, memory_keyring: MemoryKeyring,
                                    live_server: Any) -> None:
    api_client = live_server.api_client()
    administrator = live_server.administrator("provider")
    shell = make_shell(live_server, api_client["clientId"])

    async def scenario() -> None:
        shell.start()
        try:
            await wait_until(lambda: shell.start_window.sign_in_page is not None, 60, "the sign-in page")
            shell.start_window.sign_in_page.sign_in_button.click()  # type: ignore[union-attr]
            await wait_until(lambda: browser.urls, 30, "the browser to be opened")
            await abrowser_sign_in(browser.urls[-1], administrator["idpIdentityId"])

            def secret_dialog() -> SecretDialog | None:
                found = [widget for widget in QApplication.topLevelWidgets()
                         if isinstance(widget, SecretDialog) and widget.isVisible()]
                return found[0] if found else None

            await wait_until(secret_dialog, 30, "the API client secret dialog")
            dialog = secret_dialog()
            assert dialog is not None
            assert api_client["clientId"] in dialog.findChild(QLabel, "secretExplanation").text()
            assert "asked only once" in dialog.findChild(QLabel, "secretStorage").text()
            dialog.secret.setText(api_client["clientSecret"])
            dialog.done(QDialog.DialogCode.Accepted)

            await wait_until(lambda: shell.main_window is not None, 60, "the main window")
            assert memory_keyring.entries[("privadmin/custom", f"api-client:{api_client['clientId']}")] \
                == api_client["clientSecret"]
            assert shell.context is not None
            me = await shell.context.client.me()
            assert me is not None
            assert shell.context.caller_identity_id == administrator["idpIdentityId"]

            # Signed out and in again: the stored secret is used without asking.
            await shell.sign_out()
            await wait_until(lambda: shell.start_window.sign_in_page is not None, 30, "the sign-in page again")
            shell.start_window.sign_in_page.sign_in_button.click()  # type: ignore[union-attr]
            await wait_until(lambda: len(browser.urls) == 2, 30, "the browser to be opened again")
            await abrowser_sign_in(browser.urls[-1], administrator["idpIdentityId"])
            await wait_until(lambda: shell.main_window is not None, 60, "the main window again")
            assert secret_dialog() is None
        finally:
            await shell.aclose()
            shell.start_window.close()

    qasync_loop.run_until_complete(scenario())


def test_secret_dialog_says_when_no_keyring(qapp: QApplication) -> None:
    dialog = SecretDialog("acme-api", keyring_available=False)
    assert "No credential store (keyring) is available" in dialog.findChild(QLabel, "secretStorage").text()
