"""The sign-in against oidc-provider-mock, an independent OpenID provider."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

from privadmin.oidc import SignedOutError, SignInError, SignInErrorCode
from tests.signin.conftest import (
    BrokenKeyring,
    MemoryKeyring,
    make_client,
    make_mock_client,
    mock_browser_sign_in,
    mock_environment,
    query_of,
)


def test_sign_in_refresh_restore(
    mock_provider_url: str, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    environment = mock_environment(mock_provider_url)

    async def scenario() -> None:
        oidc = make_mock_client(environment, memory_keyring, lock_dir)
        pending = await oidc.begin_sign_in()
        parameters = query_of(pending.authorization_url)
        assert parameters["code_challenge_method"] == "S256"
        assert parameters["redirect_uri"] == f"http://127.0.0.1:{pending.port}/callback"
        assert parameters["nonce"]
        assert parameters["state"]

        page = await mock_browser_sign_in(pending.authorization_url, "anna@example.dk")
        session = await pending.result()
        assert page.status_code == 200
        assert "lukke dette vindue" in page.text
        assert "close this window" in page.text
        assert session.identity_id == "anna@example.dk"
        assert session.remembered
        assert session.remember_notice is None
        first_token = await session.access_token()

        refreshed = await session.refreshed_access_token(first_token)
        assert refreshed != first_token
        assert await session.refreshed_access_token(first_token) == refreshed
        await oidc.aclose()

        after_restart = make_mock_client(environment, memory_keyring, lock_dir)
        restored = await after_restart.restore_session()
        assert restored is not None
        assert restored.identity_id == "anna@example.dk"
        assert await restored.access_token() not in (first_token, refreshed)
        await after_restart.aclose()

    asyncio.run(scenario())


def test_sign_out_forgets_session(
    mock_provider_url: str, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    environment = mock_environment(mock_provider_url)

    async def scenario() -> None:
        oidc = make_mock_client(environment, memory_keyring, lock_dir)
        pending = await oidc.begin_sign_in()
        await mock_browser_sign_in(pending.authorization_url, "bo@example.dk")
        session = await pending.result()
        assert memory_keyring.entries

        end_session_url = await oidc.sign_out(session)
        assert end_session_url is not None
        assert end_session_url.startswith(mock_provider_url)
        assert memory_keyring.entries == {}
        assert await oidc.restore_session() is None
        with pytest.raises(SignedOutError):
            await session.access_token()
        await oidc.aclose()

    asyncio.run(scenario())


def test_denial_without_state_is_rejected(
    mock_provider_url: str, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    import httpx

    environment = mock_environment(mock_provider_url)

    async def scenario() -> None:
        oidc = make_mock_client(environment, memory_keyring, lock_dir)
        pending = await oidc.begin_sign_in()
        async with httpx.AsyncClient() as browser:
            denied = await browser.post(pending.authorization_url, data={"action": "deny"})
            assert denied.status_code in (302, 303)
            page = await browser.get(denied.headers["location"])
        assert page.status_code == 400
        with pytest.raises(SignInError) as caught:
            await pending.result()
        # oidc-provider-mock 0.3.4 leaves state out of its access_denied redirect, which
        # RFC 6749 (section 4.1.2.1) requires, so the response cannot be trusted.
        assert caught.value.code is SignInErrorCode.STATE_MISMATCH
        assert memory_keyring.entries == {}
        await oidc.aclose()

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("backend", "notice"),
    [
        (keyring.backends.fail.Keyring(), "no credential store"),
        (BrokenKeyring(), "could not be saved"),
    ],
)
def test_session_not_remembered_without_store(
    mock_provider_url: str, lock_dir: Path, backend: KeyringBackend, notice: str
) -> None:
    environment = mock_environment(mock_provider_url)

    async def scenario() -> None:
        oidc = make_mock_client(environment, backend, lock_dir)
        pending = await oidc.begin_sign_in()
        await mock_browser_sign_in(pending.authorization_url, "carl@example.dk")
        session = await pending.result()
        assert not session.remembered
        assert session.remember_notice is not None
        assert notice in session.remember_notice
        first = await session.access_token()
        assert await session.refreshed_access_token(first) != first
        assert await oidc.restore_session() is None
        await oidc.aclose()

    asyncio.run(scenario())


def test_concurrent_callers_refresh_once(
    mock_provider_url: str, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    environment = mock_environment(mock_provider_url)
    token_requests = 0

    async def count(request: httpx.Request) -> None:
        nonlocal token_requests
        if request.url.path.endswith("/token"):
            token_requests += 1

    async def scenario() -> None:
        http = httpx.AsyncClient(event_hooks={"request": [count]})
        oidc = make_client(
            environment, memory_keyring, lock_dir, http=http, client_secret="mock-secret"
        )
        pending = await oidc.begin_sign_in()
        await mock_browser_sign_in(pending.authorization_url, "dorte@example.dk")
        session = await pending.result()
        rejected = await session.access_token()
        assert token_requests == 1

        tokens = await asyncio.gather(*(session.refreshed_access_token(rejected) for _ in range(8)))
        assert token_requests == 2
        assert len(set(tokens)) == 1
        assert tokens[0] != rejected
        await oidc.aclose()
        await http.aclose()

    asyncio.run(scenario())


def test_access_token_refreshed_before_expiry(
    mock_provider_url: str, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    environment = mock_environment(mock_provider_url)
    now = [time.time()]

    async def scenario() -> None:
        oidc = make_client(
            environment,
            memory_keyring,
            lock_dir,
            client_secret="mock-secret",
            clock=lambda: now[0],
        )
        pending = await oidc.begin_sign_in()
        await mock_browser_sign_in(pending.authorization_url, "frida@example.dk")
        session = await pending.result()
        first = await session.access_token()

        # oidc-provider-mock issues access tokens for one hour by default.
        now[0] += 3600 - 120
        assert await session.access_token() == first
        now[0] += 90
        second = await session.access_token()
        assert second != first
        assert await session.access_token() == second
        await oidc.aclose()

    asyncio.run(scenario())


class SlowKeyring(MemoryKeyring):
    """A credential store that takes a while for every write, as one waiting to be unlocked does."""

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(0.2)
        super().set_password(service, username, password)


def test_slow_keyring_leaves_loop_free(mock_provider_url: str, lock_dir: Path) -> None:
    environment = mock_environment(mock_provider_url)
    backend = SlowKeyring()

    async def scenario() -> None:
        oidc = make_mock_client(environment, backend, lock_dir)
        pending = await oidc.begin_sign_in()

        ticks = 0
        longest_gap = 0.0

        async def ticker() -> None:
            nonlocal ticks, longest_gap
            last = time.monotonic()
            while True:
                await asyncio.sleep(0.01)
                now = time.monotonic()
                longest_gap = max(longest_gap, now - last)
                last = now
                ticks += 1

        ticking = asyncio.ensure_future(ticker())
        await mock_browser_sign_in(pending.authorization_url, "gorm@example.dk")
        session = await pending.result()
        ticking.cancel()

        assert session.remembered
        # Saving took three writes of 0.2 s each: a part, the header and the pointer entry.
        assert ticks > 20
        assert longest_gap < 0.15
        await oidc.aclose()

    asyncio.run(scenario())
