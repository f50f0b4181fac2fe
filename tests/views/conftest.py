"""Fixtures of the main-window tests: signed-in API clients and app contexts against the live server."""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from privadmin.api_client import PrivilegesClient, StaticTokenSource
from privadmin.config import Environment
from privadmin.context import AppContext

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


class FailingBatchTransport(httpx.AsyncBaseTransport):
    """Passes requests through, but answers batch requests number `fail_from` onwards with HTTP 500.

    Set `armed = False` to let batches through again. Only the fault is made up:
    every other request reaches the live server.
    """

    def __init__(self, fail_from: int = 2) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.fail_from = fail_from
        self.armed = False
        self.batch_requests = 0
        self.failed = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith("/batch"):
            self.batch_requests += 1
            if self.armed and self.batch_requests >= self.fail_from:
                self.failed += 1
                body = {
                    "type": "about:blank",
                    "title": "Internal Server Error",
                    "status": 500,
                    "detail": "injected failure of batch request",
                }
                return httpx.Response(
                    500,
                    headers={"content-type": "application/problem+json"},
                    content=json.dumps(body).encode(),
                    request=request,
                )
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


@dataclass
class LanguageSwitch:
    """The AppContext's switch_language: installs the main window's translator, as the app does."""

    calls: list[str] = field(default_factory=list)
    translator: QTranslator | None = None
    context: AppContext | None = None

    def __call__(self, language: str) -> None:
        self.calls.append(language)
        app = QCoreApplication.instance()
        assert app is not None
        if self.translator is not None:
            app.removeTranslator(self.translator)
        translator = QTranslator()
        path = TRANSLATIONS / f"main_{language}.qm"
        if not translator.load(str(path)):
            raise AssertionError(f"could not load {path}")
        app.installTranslator(translator)
        self.translator = translator
        if self.context is not None:
            self.context.language = language

    def remove(self) -> None:
        app = QCoreApplication.instance()
        if self.translator is not None and app is not None:
            app.removeTranslator(self.translator)
            self.translator = None


_token_cache: dict[str, str] = {}


def administrator_token(server: Any, idp_identity_id: str) -> str:
    """Sign in as the administrator through the demo identity provider (once per test session)."""
    from privserver.testing import sign_in_tokens

    if idp_identity_id not in _token_cache:
        _token_cache[idp_identity_id] = sign_in_tokens(server, idp_identity_id)["access_token"]
    return _token_cache[idp_identity_id]


def make_context(
    server: Any,
    administrator: dict[str, Any],
    *,
    language: str = "en",
    transport: httpx.AsyncBaseTransport | None = None,
    notice: str | None = None,
) -> tuple[AppContext, LanguageSwitch]:
    token = administrator_token(server, administrator["idpIdentityId"])
    client = PrivilegesClient(server.api_base_url, StaticTokenSource(token), transport=transport)
    environment = Environment(
        key="demo",
        issuer=server.issuer,
        api_base_url=server.api_base_url,
        client_id="privadmin-desktop",
    )
    switch = LanguageSwitch()

    async def sign_out() -> None:
        await client.aclose()

    context = AppContext(
        environment=environment,
        client=client,
        caller_name=administrator["name"],
        caller_identity_id=administrator["idpIdentityId"],
        language=language,
        sign_out=sign_out,
        switch_language=switch,
        notice=notice,
    )
    switch.context = context
    return context, switch


@pytest.fixture
def open_window(
    qasync_loop: asyncio.AbstractEventLoop, live_server: Any
) -> Iterator[Callable[..., Any]]:
    """Return a function that builds a MainWindow for an administrator and waits until it has loaded."""
    from privadmin.views.main_window import MainWindow

    opened: list[tuple[Any, LanguageSwitch]] = []

    def open_(administrator: dict[str, Any], *, server: Any = None, **options: Any) -> Any:
        context, switch = make_context(server or live_server, administrator, **options)
        # The app installs the translations of the starting language before the window exists.
        switch(context.language)
        switch.calls.clear()
        window = MainWindow(context)
        window.show()
        opened.append((window, switch))
        qasync_loop.run_until_complete(window.tasks.wait_idle())
        if window.banner.showing_error():
            raise AssertionError(
                f"the window reported an error while loading: {window.banner.message.text()}"
            )
        return window

    yield open_

    for window, switch in opened:
        window.close()
        qasync_loop.run_until_complete(window.tasks.wait_idle())
        qasync_loop.run_until_complete(window.context.client.aclose())
        switch.remove()
        # Delete the window here, at a known point. Left to the garbage collector, it
        # could be destroyed during Qt's timer dispatch of a later test, which crashes.
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    opened.clear()
    gc.collect()


@pytest.fixture
def batch_fault() -> FailingBatchTransport:
    """A transport that fails batch requests from the second on, once armed."""
    return FailingBatchTransport(fail_from=2)


@pytest.fixture
def client_with_token(
    qasync_loop: asyncio.AbstractEventLoop, live_server: Any
) -> Iterator[Callable[[str], PrivilegesClient]]:
    """Return a function that makes a PrivilegesClient sending a given access token; closed afterwards."""
    made: list[PrivilegesClient] = []

    def make(token: str) -> PrivilegesClient:
        client = PrivilegesClient(live_server.api_base_url, StaticTokenSource(token))
        made.append(client)
        return client

    yield make

    for client in made:
        qasync_loop.run_until_complete(client.aclose())
