"""The sign-in page on the qasync loop, with the test acting as the system browser."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

import privadmin.views.signin as signin_module
from privadmin.config import Environment
from privadmin.oidc import Session
from privadmin.views.signin import SignInPage
from privserver.testing import LiveServer, abrowser_sign_in
from tests.signin.conftest import (
    MemoryKeyring,
    make_client,
    make_mock_client,
    mock_browser_sign_in,
    mock_environment,
    query_of,
)


class Browser(QObject):
    """Receives the URLs that QDesktopServices.openUrl hands to the system browser."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []
        # Signs in at the provider when set: (authorization URL) -> final page.
        self.sign_in: Callable[[str], Awaitable[httpx.Response]] | None = None
        self.pages: list[httpx.Response] = []
        self.tasks: list[asyncio.Task[None]] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        address = bytes(url.toEncoded().data()).decode()
        self.opened.append(address)
        if self.sign_in is not None:
            self.tasks.append(asyncio.ensure_future(self._visit(self.sign_in, address)))

    async def _visit(
        self, sign_in: Callable[[str], Awaitable[httpx.Response]], address: str
    ) -> None:
        self.pages.append(await sign_in(address))


@pytest.fixture
def browser() -> Iterator[Browser]:
    handler = Browser()
    QDesktopServices.setUrlHandler("http", handler, "open_url")
    try:
        yield handler
    finally:
        QDesktopServices.unsetUrlHandler("http")


def wait_until(loop: asyncio.AbstractEventLoop, condition: object, timeout: float = 10.0) -> None:
    async def poll() -> None:
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.01)

    loop.run_until_complete(asyncio.wait_for(poll(), timeout))


async def finish(task: asyncio.Task[None], browser: Browser) -> None:
    """Wait for the page and then for the browser, on one run of the loop.

    With qasync 0.28, a browser step still pending when run_until_complete
    returned later failed with "no running event loop". One run for both
    keeps the browser's last steps inside a running loop.
    """
    await asyncio.wait_for(task, 20)
    await asyncio.gather(*browser.tasks)


def make_page(
    qtbot: QtBot, mock_provider_url: str, backend: MemoryKeyring, lock_dir: Path
) -> SignInPage:
    environment = mock_environment(mock_provider_url)
    page = SignInPage(make_mock_client(environment, backend, lock_dir), environment)
    qtbot.addWidget(page)
    page.show()
    return page


def test_url_shown_and_copied(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    browser: Browser,
    mock_provider_url: str,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
) -> None:
    page = make_page(qtbot, mock_provider_url, memory_keyring, lock_dir)
    assert page.sign_in_button.isDefault()
    assert page.sign_in_button.text() == "&Sign in"

    task = page.start()
    assert task is not None
    wait_until(qasync_loop, lambda: bool(page.authorization_url))

    assert browser.opened == [page.authorization_url]
    assert page.authorization_url.startswith(f"{mock_provider_url}/oauth2/authorize?")
    assert page.url_field.isReadOnly()
    assert page.url_field.isVisible()
    assert page.busy.isVisible()
    assert not page.sign_in_button.isEnabled()

    page.copy_button.click()
    assert QGuiApplication.clipboard().text() == page.authorization_url

    page.cancel_button.click()
    qasync_loop.run_until_complete(task)


def test_cancel_stops_listener(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    browser: Browser,
    mock_provider_url: str,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
) -> None:
    page = make_page(qtbot, mock_provider_url, memory_keyring, lock_dir)
    task = page.start()
    assert task is not None
    wait_until(qasync_loop, lambda: bool(page.authorization_url))
    redirect_uri = httpx.URL(page.authorization_url).params["redirect_uri"]

    page.cancel_button.click()
    qasync_loop.run_until_complete(task)

    assert page.status_label.text() == "The sign-in was cancelled."
    assert page.sign_in_button.isEnabled()
    assert not page.cancel_button.isEnabled()
    assert not page.url_field.isVisible()

    async def callback() -> None:
        async with httpx.AsyncClient() as client:
            await client.get(redirect_uri)

    with pytest.raises(httpx.ConnectError):
        qasync_loop.run_until_complete(callback())


def test_completed_sign_in_emits_signed_in(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    browser: Browser,
    mock_provider_url: str,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
) -> None:
    browser.sign_in = lambda address: mock_browser_sign_in(address, "erik@example.dk")
    page = make_page(qtbot, mock_provider_url, memory_keyring, lock_dir)
    emitted: list[object] = []
    page.signed_in.connect(emitted.append)

    task = page.start()
    assert task is not None
    qasync_loop.run_until_complete(finish(task, browser))

    assert len(emitted) == 1
    session = emitted[0]
    assert isinstance(session, Session)
    assert session.identity_id == "erik@example.dk"
    assert browser.pages[0].status_code == 200
    assert page.status_label.text() == "You are signed in."
    assert not page.error_label.isVisible()


def test_demo_provider_sign_in(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    browser: Browser,
    live_server: LiveServer,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
) -> None:
    administrator = live_server.administrator("provider")
    browser.sign_in = lambda address: abrowser_sign_in(address, administrator["idpIdentityId"])
    environment = Environment(
        key="demo",
        issuer=live_server.issuer,
        api_base_url=live_server.api_base_url,
        client_id="privadmin-desktop",
    )
    page = SignInPage(make_client(environment, memory_keyring, lock_dir), environment)
    qtbot.addWidget(page)
    page.show()
    assert page.environment_label.text() == "Environment: Demo (local test data)"

    emitted: list[object] = []
    page.signed_in.connect(emitted.append)

    # Qt events are processed only inside run_until_complete, where asyncio's loop is running.
    task = page.start()
    assert task is not None
    qasync_loop.run_until_complete(finish(task, browser))

    assert len(emitted) == 1
    session = emitted[0]
    assert isinstance(session, Session)
    assert session.identity_id == administrator["idpIdentityId"]
    assert session.remembered
    assert browser.pages[0].status_code == 200


def test_no_browser_offers_url(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch,
    mock_provider_url: str,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
) -> None:
    class NoBrowser:
        @staticmethod
        def openUrl(url: QUrl) -> bool:
            return False

    monkeypatch.setattr(signin_module, "QDesktopServices", NoBrowser)
    page = make_page(qtbot, mock_provider_url, memory_keyring, lock_dir)
    task = page.start()
    assert task is not None
    wait_until(qasync_loop, lambda: bool(page.authorization_url))

    assert "No web browser could be opened" in page.status_label.text()
    assert page.url_field.isVisible()
    page.cancel()
    qasync_loop.run_until_complete(task)


def test_error_shown_in_plain_words(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    browser: Browser,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
) -> None:
    # Nothing listens on port 9 of loopback, so discovery fails to connect.
    environment = mock_environment("http://127.0.0.1:9")
    page = SignInPage(make_mock_client(environment, memory_keyring, lock_dir), environment)
    qtbot.addWidget(page)
    page.show()

    task = page.start()
    assert task is not None
    qasync_loop.run_until_complete(task)

    assert page.error_label.isVisible()
    assert page.error_label.text().startswith("The sign-in service could not be reached.")
    assert page.sign_in_button.isEnabled()
    assert browser.opened == []


def test_keyboard_order(
    qtbot: QtBot, mock_provider_url: str, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    page = make_page(qtbot, mock_provider_url, memory_keyring, lock_dir)
    assert page.url_label.buddy() is page.url_field
    assert page.sign_in_button.nextInFocusChain() is page.cancel_button
    assert page.cancel_button.nextInFocusChain() is page.url_field
    assert page.url_field.nextInFocusChain() is page.copy_button
    for widget in (page.sign_in_button, page.cancel_button, page.copy_button):
        assert "&" in widget.text()


def test_danish_translation(
    qtbot: QtBot, mock_provider_url: str, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    translations = Path(__file__).resolve().parents[2] / "resources" / "translations"
    translator = QTranslator()
    assert translator.load(str(translations / "signin_da.qm"))
    page = make_page(qtbot, mock_provider_url, memory_keyring, lock_dir)

    QCoreApplication.installTranslator(translator)
    try:
        # Qt posts LanguageChange to every widget; the page retranslates itself.
        qtbot.waitUntil(lambda: page.sign_in_button.text() == "&Log ind")
        assert page.environment_label.text() == "Miljø: mock"
        assert page.copy_button.text() == "K&opiér"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: page.sign_in_button.text() == "&Sign in")


def started_url(page: SignInPage, loop: asyncio.AbstractEventLoop) -> str:
    """Start a sign-in, cancel it once the authorization URL is shown, and return that URL."""
    task = page.start()
    assert task is not None
    wait_until(loop, lambda: bool(page.authorization_url))
    url = page.authorization_url
    page.cancel()
    loop.run_until_complete(task)
    return url


@pytest.mark.parametrize("language", ["da", "en"])
def test_page_sends_ui_language(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    browser: Browser,
    mock_provider_url: str,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
    language: str,
) -> None:
    environment = mock_environment(mock_provider_url)
    current = {"language": "en" if language == "da" else "da"}
    page = SignInPage(
        make_mock_client(environment, memory_keyring, lock_dir),
        environment,
        language=lambda: current["language"],
    )
    qtbot.addWidget(page)
    page.show()

    # The language is read when the sign-in starts, so a switch on the start window counts.
    current["language"] = language

    assert query_of(started_url(page, qasync_loop))["ui_locales"] == language


@pytest.mark.parametrize(
    ("locale", "expected"),
    [(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark), "da"),
     (QLocale(QLocale.Language.English, QLocale.Country.Denmark), "en")],
)
def test_page_ui_language_from_default_locale(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    browser: Browser,
    mock_provider_url: str,
    memory_keyring: MemoryKeyring,
    lock_dir: Path,
    locale: QLocale,
    expected: str,
) -> None:
    previous = QLocale()
    QLocale.setDefault(locale)
    try:
        page = make_page(qtbot, mock_provider_url, memory_keyring, lock_dir)

        assert query_of(started_url(page, qasync_loop))["ui_locales"] == expected
    finally:
        QLocale.setDefault(previous)
