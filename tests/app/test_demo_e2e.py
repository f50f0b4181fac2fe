"""Demo mode end to end: embedded server, sign-in through the "system browser", main window, restart, sign-out."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from privadmin.app import Shell, StartOptions
from privadmin.config.settings import load_config
from privadmin.demo import STATE_FILE, DemoState
from privadmin.i18n import Translations
from privserver.testing import abrowser_sign_in

from .helpers import Browser, wait_until
from .memory_keyring import MemoryKeyring

EMPLOYEES = 60


def make_shell(demo_dir: Path, *, reset: bool = False) -> Shell:
    translations = Translations()
    translations.install("en")
    options = StartOptions(demo=True, reset_demo=reset, demo_employees=EMPLOYEES, demo_dir=demo_dir)
    return Shell(load_config(), translations, options)


@pytest.mark.timeout(600)
def test_demo_sign_in_to_main_window(qasync_loop: asyncio.AbstractEventLoop, isolated_dirs: dict[str, Path],
                                     keep_running: None, browser: Browser, memory_keyring: MemoryKeyring) -> None:
    demo_dir = isolated_dirs["root"] / "demo"

    async def first_run() -> tuple[int, str]:
        shell = make_shell(demo_dir)
        shell.start()
        try:
            await wait_until(lambda: shell.start_window.sign_in_page is not None, 300, "the sign-in page")
            assert shell.environment is not None
            assert shell.environment.key == "demo"
            assert shell.environment.client_id == "privadmin-desktop"
            assert shell.environment.issuer == shell.environment.api_base_url + "/idp"
            assert shell.start_window.environment() == "demo"
            assert shell.demo_launcher is not None and shell.demo_launcher.seed_report is not None
            administrator = shell.demo_launcher.seed_report["administrators"][0]

            page = shell.start_window.sign_in_page
            page.sign_in_button.click()  # type: ignore[union-attr]
            await wait_until(lambda: browser.urls, 30, "the browser to be opened")
            assert browser.urls[0].startswith(shell.environment.issuer + "/authorize?")
            response = await abrowser_sign_in(browser.urls[0], administrator["idpIdentityId"])
            assert response.status_code == 200

            await wait_until(lambda: shell.main_window is not None, 60, "the main window")
            assert shell.main_window.isVisible()
            assert not shell.start_window.isVisible()
            assert shell.context is not None
            assert shell.context.caller_identity_id == administrator["idpIdentityId"]
            # The signed-in administrator can assign a privilege in the demo.
            client = shell.context.client
            tin = administrator["organizationTin"]
            groups = await client.assignable_privileges(tin)
            privilege = next(privilege for group in groups for privilege in group.privileges)
            employees = [identity async for page in client.identities(tin) for identity in page]
            employee = employees[0]
            await client.unassign(tin, employee.idp, str(employee.idp_identity_id), str(privilege.id))
            assert await client.assign(tin, employee.idp, str(employee.idp_identity_id), str(privilege.id))
            assigned = await client.identity_assignments(tin, employee.idp, str(employee.idp_identity_id))
            assert privilege.id in {assignment.privilege_id for assignment in assigned}
            return DemoState.load(demo_dir).port, administrator["idpIdentityId"]  # type: ignore[union-attr]
        finally:
            await shell.aclose()
            if shell.main_window is not None:
                shell.main_window.close()
            shell.start_window.close()

    port, identity_id = qasync_loop.run_until_complete(first_run())
    assert (demo_dir / STATE_FILE).exists()

    async def second_run() -> None:
        # Same port, no new seeding, and the remembered session signs in silently.
        shell = make_shell(demo_dir)
        shell.start()
        try:
            await wait_until(lambda: shell.main_window is not None, 120, "the silent sign-in")
            assert shell.environment is not None
            assert shell.environment.api_base_url == f"http://127.0.0.1:{port}"
            assert shell.demo_launcher is not None and shell.demo_launcher.seed_report is None
            assert shell.context is not None and shell.context.caller_identity_id == identity_id

            await shell.sign_out()
            assert shell.main_window is None
            assert shell.start_window.isVisible()
            assert shell.start_window.sign_in_page is not None
        finally:
            await shell.aclose()
            shell.start_window.close()

    qasync_loop.run_until_complete(second_run())

    async def reset_run() -> None:
        shell = make_shell(demo_dir, reset=True)
        shell.start()
        try:
            await wait_until(lambda: shell.start_window.sign_in_page is not None, 300, "the sign-in page after reset")
            assert shell.demo_launcher is not None and shell.demo_launcher.seed_report is not None
        finally:
            await shell.aclose()
            shell.start_window.close()

    qasync_loop.run_until_complete(reset_run())
