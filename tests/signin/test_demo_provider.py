"""The sign-in against privserver's demo identity provider, with the test acting as the browser."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import httpx
import pytest

from privadmin.config import Environment
from privadmin.oidc import OidcClient, SignInError, SignInErrorCode
from privserver.testing import LiveServer, abrowser_sign_in, parse_sign_in_form
from tests.signin.conftest import MemoryKeyring, make_client, query_of


def demo_environment(server: LiveServer) -> Environment:
    return Environment(
        key="demo",
        issuer=server.issuer,
        api_base_url=server.api_base_url,
        client_id="privadmin-desktop",
    )


def run(scenario: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(scenario())


async def authorization_response(
    authorization_url: str, idp_identity_id: str, *, action: str = "sign_in"
) -> str:
    """Submit the demo provider's form with `action` and return the redirect URL without following it."""
    async with httpx.AsyncClient(follow_redirects=False, timeout=30) as browser:
        page = await browser.get(authorization_url)
        assert page.status_code == 200, page.text[:500]
        form = parse_sign_in_form(page.text)
        data = {**form.fields, "action": action, "identity_id": idp_identity_id}
        answer = await browser.post(urljoin(str(page.url), form.action), data=data)
        assert answer.is_redirect, answer.text[:500]
        return answer.headers["location"]


def with_query(url: str, **changes: str | None) -> str:
    parameters = {**query_of(url), **changes}
    query = urlencode({name: value for name, value in parameters.items() if value is not None})
    return urlunsplit(urlsplit(url)._replace(query=query))


async def get(url: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as browser:
        return await browser.get(url)


async def refresh_with(server: LiveServer, refresh_token: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as http:
        return await http.post(
            server.token_endpoint,
            data={
                "grant_type": "refresh_token",
                "refresh_token": refresh_token,
                "client_id": "privadmin-desktop",
            },
        )


def administrator_id(server: LiveServer) -> str:
    return str(server.administrator("customer")["idpIdentityId"])


def test_sign_in_restore_sign_out(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    environment = demo_environment(live_server)
    administrator = live_server.administrator("customer")

    async def scenario() -> None:
        oidc = make_client(environment, memory_keyring, lock_dir)
        pending = await oidc.begin_sign_in()
        assert query_of(pending.authorization_url)["code_challenge_method"] == "S256"

        page = await abrowser_sign_in(pending.authorization_url, administrator["idpIdentityId"])
        session = await pending.result()
        assert page.status_code == 200
        assert "Du er logget ind" in page.text
        assert session.identity_id == administrator["idpIdentityId"]
        assert session.name == administrator["name"]
        assert session.remembered

        first_token = await session.access_token()
        async with httpx.AsyncClient() as http:
            me = await http.get(
                f"{environment.api_url}/me", headers={"Authorization": f"Bearer {first_token}"}
            )
        assert me.status_code == 200, me.text

        stored_before = oidc.store.load(session.account)
        refreshed = await session.refreshed_access_token(first_token)
        stored_after = oidc.store.load(session.account)
        assert refreshed != first_token
        assert stored_after is not None
        assert stored_after != stored_before
        await oidc.aclose()

        after_restart = make_client(environment, memory_keyring, lock_dir)
        restored = await after_restart.restore_session()
        assert restored is not None
        assert restored.identity_id == administrator["idpIdentityId"]
        assert restored.name == administrator["name"]
        restored_token = await restored.access_token()
        async with httpx.AsyncClient() as http:
            me = await http.get(
                f"{environment.api_url}/me", headers={"Authorization": f"Bearer {restored_token}"}
            )
        assert me.status_code == 200, me.text

        last_refresh_token = after_restart.store.load(restored.account)
        assert last_refresh_token is not None
        await after_restart.sign_out(restored)
        assert memory_keyring.entries == {}
        assert await after_restart.restore_session() is None
        revoked = await refresh_with(live_server, last_refresh_token)
        assert revoked.status_code == 400
        assert revoked.json()["error"] == "invalid_grant"
        await after_restart.aclose()

    run(scenario)


def test_provider_checks_pkce(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        oidc = make_client(demo_environment(live_server), memory_keyring, lock_dir)
        pending = await oidc.begin_sign_in()
        pending._code_verifier = "a-verifier-that-does-not-match-the-challenge-0123456789"
        await abrowser_sign_in(pending.authorization_url, administrator_id(live_server))
        with pytest.raises(SignInError) as caught:
            await pending.result()
        assert caught.value.code is SignInErrorCode.TOKEN_REQUEST_FAILED
        assert "invalid_grant" in caught.value.detail
        assert memory_keyring.entries == {}

        without_challenge = with_query(
            pending.authorization_url, code_challenge=None, code_challenge_method=None
        )
        async with httpx.AsyncClient(follow_redirects=False) as browser:
            page = await browser.get(without_challenge)
        assert page.is_redirect
        assert query_of(page.headers["location"])["error"] == "invalid_request"
        await oidc.aclose()

    run(scenario)


async def start(
    server: LiveServer, backend: MemoryKeyring, lock_dir: Path, **kwargs: Any
) -> tuple[OidcClient, Any]:
    oidc = make_client(demo_environment(server), backend, lock_dir)
    pending = await oidc.begin_sign_in(**kwargs)
    return oidc, pending


async def expect_rejection(pending: Any, code: SignInErrorCode) -> SignInError:
    with pytest.raises(SignInError) as caught:
        await pending.result()
    assert caught.value.code is code
    assert caught.value.message
    return caught.value


def test_state_mismatch(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        oidc, pending = await start(live_server, memory_keyring, lock_dir)
        redirect = await authorization_response(
            pending.authorization_url, administrator_id(live_server)
        )
        page = await get(with_query(redirect, state="forged-state"))
        assert page.status_code == 400
        assert "Log ind mislykkedes" in page.text
        await expect_rejection(pending, SignInErrorCode.STATE_MISMATCH)
        assert memory_keyring.entries == {}
        await oidc.aclose()

    run(scenario)


def test_wrong_nonce_end_to_end(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        oidc, pending = await start(live_server, memory_keyring, lock_dir)
        pending._nonce = "not-the-nonce-in-the-request"
        page = await abrowser_sign_in(pending.authorization_url, administrator_id(live_server))
        assert page.status_code == 400
        error = await expect_rejection(pending, SignInErrorCode.INVALID_ID_TOKEN)
        assert "nonce" in error.detail
        assert memory_keyring.entries == {}
        await oidc.aclose()

    run(scenario)


def test_issuer_parameter_checked(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        for issuer in (None, "https://evil.example/op"):
            oidc, pending = await start(live_server, memory_keyring, lock_dir)
            redirect = await authorization_response(
                pending.authorization_url, administrator_id(live_server)
            )
            assert query_of(redirect)["iss"] == live_server.issuer
            await get(with_query(redirect, iss=issuer))
            await expect_rejection(pending, SignInErrorCode.ISSUER_MISMATCH)
            assert memory_keyring.entries == {}
            await oidc.aclose()

    run(scenario)


def test_provider_error_shown(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        oidc, pending = await start(live_server, memory_keyring, lock_dir)
        state = query_of(pending.authorization_url)["state"]
        error_response = f"{pending.redirect_uri}?" + urlencode(
            {
                "error": "temporarily_unavailable",
                "error_description": "MitID is down for maintenance",
                "state": state,
                "iss": live_server.issuer,
            }
        )
        page = await get(error_response)
        assert page.status_code == 400
        error = await expect_rejection(pending, SignInErrorCode.PROVIDER_ERROR)
        assert error.provider_description == "MitID is down for maintenance"
        assert "temporarily_unavailable" in error.detail
        await oidc.aclose()

    run(scenario)


def test_cancel_at_provider_reported(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        oidc, pending = await start(live_server, memory_keyring, lock_dir)
        redirect = await authorization_response(
            pending.authorization_url, administrator_id(live_server), action="cancel"
        )
        assert query_of(redirect)["error"] == "access_denied"
        page = await get(redirect)
        assert page.status_code == 400
        error = await expect_rejection(pending, SignInErrorCode.ACCESS_DENIED)
        assert error.message == "The sign-in was cancelled or refused at the sign-in service."
        assert memory_keyring.entries == {}
        await oidc.aclose()

    run(scenario)


def test_other_path_and_favicon_ignored(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        oidc, pending = await start(live_server, memory_keyring, lock_dir)
        redirect = await authorization_response(
            pending.authorization_url, administrator_id(live_server)
        )
        base = f"http://127.0.0.1:{pending.port}"

        favicon = await get(f"{base}/favicon.ico")
        other_path = await get(redirect.replace("/callback", "/callback/other"))
        assert favicon.status_code == 404
        assert other_path.status_code == 404
        assert memory_keyring.entries == {}

        page = await get(redirect)
        assert page.status_code == 200
        session = await pending.result()
        assert session.identity_id == administrator_id(live_server)
        await oidc.aclose()

    run(scenario)


def test_second_callback_rejected(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        oidc, pending = await start(live_server, memory_keyring, lock_dir)
        redirect = await authorization_response(
            pending.authorization_url, administrator_id(live_server)
        )
        first, second = await asyncio.gather(get(redirect), get(redirect))
        assert sorted([first.status_code, second.status_code]) == [200, 409]
        session = await pending.result()
        stored = dict(memory_keyring.entries)

        with pytest.raises(httpx.ConnectError):
            await get(redirect)
        assert memory_keyring.entries == stored
        assert session.signed_in
        await oidc.aclose()

    run(scenario)


def test_timeout_stops_listener(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        oidc, pending = await start(live_server, memory_keyring, lock_dir, timeout=0.3)
        await expect_rejection(pending, SignInErrorCode.TIMED_OUT)
        with pytest.raises(httpx.ConnectError):
            await get(pending.redirect_uri)
        assert memory_keyring.entries == {}
        await oidc.aclose()

    run(scenario)


def test_cancel_stops_listener(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        oidc, pending = await start(live_server, memory_keyring, lock_dir)
        pending.cancel()
        await expect_rejection(pending, SignInErrorCode.CANCELLED)
        with pytest.raises(httpx.ConnectError):
            await get(pending.redirect_uri)
        await oidc.aclose()

    run(scenario)


class LosesFirstRefreshResponse(httpx.AsyncBaseTransport):
    """Sends every request, but drops the response of the first refresh as a broken connection would."""

    def __init__(self) -> None:
        self._transport = httpx.AsyncHTTPTransport()
        self.refresh_tokens_sent: list[str] = []
        self.lost = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._transport.handle_async_request(request)
        form = query_of("?" + request.content.decode()) if request.method == "POST" else {}
        if form.get("grant_type") == "refresh_token":
            self.refresh_tokens_sent.append(form["refresh_token"])
            if not self.lost:
                self.lost = True
                await response.aread()
                raise httpx.ReadError(
                    "connection reset after the request was sent", request=request
                )
        return response

    async def aclose(self) -> None:
        await self._transport.aclose()


def test_lost_refresh_response_not_retried(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    from privadmin.api_client import TransportError

    async def scenario() -> None:
        transport = LosesFirstRefreshResponse()
        http = httpx.AsyncClient(transport=transport)
        oidc = make_client(demo_environment(live_server), memory_keyring, lock_dir, http=http)
        pending = await oidc.begin_sign_in()
        await abrowser_sign_in(pending.authorization_url, administrator_id(live_server))
        session = await pending.result()
        rejected = await session.access_token()
        presented = oidc.store.load(session.account)

        with pytest.raises(TransportError):
            await session.refreshed_access_token(rejected)
        assert transport.refresh_tokens_sent == [presented]
        assert oidc.store.load(session.account) == presented

        # The explicit retry presents the same token; the provider's grace period accepts it.
        fresh = await session.refreshed_access_token(rejected)
        assert fresh != rejected
        assert transport.refresh_tokens_sent == [presented, presented]
        assert oidc.store.load(session.account) not in (None, presented)
        await oidc.aclose()
        await http.aclose()

    run(scenario)


def test_second_instance_uses_rotated_token(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    async def scenario() -> None:
        first = make_client(demo_environment(live_server), memory_keyring, lock_dir)
        pending = await first.begin_sign_in()
        await abrowser_sign_in(pending.authorization_url, administrator_id(live_server))
        first_session = await pending.result()

        second = make_client(demo_environment(live_server), memory_keyring, lock_dir)
        second_session = await second.restore_session()
        assert second_session is not None
        stale = second_session._refresh_token

        # The first instance refreshes and rotates the shared refresh token.
        await first_session.refresh()
        rotated = first.store.load(first_session.account)
        assert rotated != stale

        sent: list[str] = []

        async def record(request: httpx.Request) -> None:
            form = query_of("?" + request.content.decode())
            if "refresh_token" in form:
                sent.append(form["refresh_token"])

        second._http.event_hooks["request"].append(record)
        await second_session.refresh()
        assert sent == [rotated]
        assert second_session.signed_in
        await first.aclose()
        await second.aclose()

    run(scenario)


def test_revoked_session_signs_out(
    live_server: LiveServer, memory_keyring: MemoryKeyring, lock_dir: Path
) -> None:
    from privadmin.api_client import SignedOutError

    async def scenario() -> None:
        oidc = make_client(demo_environment(live_server), memory_keyring, lock_dir)
        pending = await oidc.begin_sign_in()
        await abrowser_sign_in(pending.authorization_url, administrator_id(live_server))
        session = await pending.result()
        rejected = await session.access_token()
        refresh_token = oidc.store.load(session.account)
        assert refresh_token is not None

        async with httpx.AsyncClient() as http:
            revoked = await http.post(
                f"{live_server.issuer}/revoke",
                data={"token": refresh_token, "client_id": "privadmin-desktop"},
            )
        assert revoked.status_code == 200

        with pytest.raises(SignedOutError):
            await session.refreshed_access_token(rejected)
        assert memory_keyring.entries == {}
        assert await oidc.restore_session() is None
        await oidc.aclose()

    run(scenario)
