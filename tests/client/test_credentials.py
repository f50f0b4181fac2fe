"""Service tokens from API client credentials, and the API client secret in the OS keyring."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

from privadmin.api_client import (
    ClientCredentialsTokenSource,
    CredentialStoreUnavailableError,
    PrivilegesClient,
    ProtocolError,
    SignedOutError,
    StaticTokenSource,
    delete_api_client_secret,
    load_api_client_secret,
    store_api_client_secret,
)

TOKEN_ENDPOINT = "http://127.0.0.1:9/idp/token"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend that keeps passwords in a dict, for tests only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def token_source(handler: Any, clock: Clock) -> ClientCredentialsTokenSource:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return ClientCredentialsTokenSource(TOKEN_ENDPOINT, "api-client-1", "secret-1", http=http, clock=clock)


def issuing(expires_in: Any = 300) -> tuple[Any, list[str]]:
    issued: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        issued.append(f"token-{len(issued) + 1}")
        return httpx.Response(200, json={"access_token": issued[-1], "expires_in": expires_in})

    return handle, issued


@pytest.mark.anyio
async def test_token_cached_until_shortly_before_expiry() -> None:
    handle, issued = issuing(expires_in=300)
    clock = Clock()
    tokens = token_source(handle, clock)

    assert await tokens.access_token() == "token-1"
    clock.now += 239
    assert await tokens.access_token() == "token-1"
    clock.now += 2
    assert await tokens.access_token() == "token-2"
    assert issued == ["token-1", "token-2"]


@pytest.mark.anyio
async def test_refreshed_token_reuses_newer_token() -> None:
    handle, _ = issuing()
    tokens = token_source(handle, Clock())

    first = await tokens.access_token()
    second = await tokens.refreshed_access_token(first)
    again = await tokens.refreshed_access_token(first)
    assert (first, second, again) == ("token-1", "token-2", "token-2")
    assert tokens.token_requests == 2


@pytest.mark.anyio
async def test_rejected_credentials_raise_signed_out() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": "invalid_client"})

    tokens = token_source(handle, Clock())
    with pytest.raises(SignedOutError, match="invalid_client") as caught:
        await tokens.access_token()
    assert "secret-1" not in str(caught.value)
    assert "secret-1" not in repr(tokens)


@pytest.mark.anyio
@pytest.mark.parametrize(
    "body", [{"token_type": "Bearer"}, {"access_token": "t", "expires_in": -5}, ["not", "an", "object"]]
)
async def test_malformed_token_response_is_protocol_error(body: Any) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    with pytest.raises(ProtocolError):
        await token_source(handle, Clock()).access_token()


def test_empty_secret_rejected() -> None:
    with pytest.raises(ValueError, match="api-client-1"):
        ClientCredentialsTokenSource(TOKEN_ENDPOINT, "api-client-1", "")


def test_plain_http_to_remote_host_rejected() -> None:
    tokens = ClientCredentialsTokenSource(TOKEN_ENDPOINT, "api-client-1", "secret-1")
    with pytest.raises(ValueError, match="use https"):
        PrivilegesClient("http://privileges.example.com", tokens)


def test_api_url_accepts_base_with_or_without_prefix() -> None:
    tokens = ClientCredentialsTokenSource(TOKEN_ENDPOINT, "api-client-1", "secret-1")
    assert PrivilegesClient("https://api.example.com/", tokens).api_url == "https://api.example.com/api/v1"
    assert PrivilegesClient("http://[::1]:8/api/v1", tokens).api_url == "http://[::1]:8/api/v1"


def test_secret_round_trip_in_keyring(memory_keyring: MemoryKeyring) -> None:
    assert load_api_client_secret("demo", "api-client-1") is None

    store_api_client_secret("demo", "api-client-1", "secret-1")
    assert memory_keyring.passwords == {("privadmin/demo", "api-client:api-client-1"): "secret-1"}
    assert load_api_client_secret("demo", "api-client-1") == "secret-1"

    assert delete_api_client_secret("demo", "api-client-1") is True
    assert delete_api_client_secret("demo", "api-client-1") is False
    assert load_api_client_secret("demo", "api-client-1") is None


def test_missing_keyring_backend_is_clear_error() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        with pytest.raises(CredentialStoreUnavailableError, match="No OS credential store"):
            store_api_client_secret("demo", "api-client-1", "secret-1")
        with pytest.raises(CredentialStoreUnavailableError):
            load_api_client_secret("demo", "api-client-1")
    finally:
        keyring.set_keyring(previous)


@pytest.mark.anyio
async def test_static_token_rejected_signs_out() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(401, json={"title": "Unauthorized", "status": 401})

    tokens = StaticTokenSource("fixed-token")
    transport = httpx.MockTransport(handle)
    async with PrivilegesClient("http://127.0.0.1:9", tokens, transport=transport) as client:
        with pytest.raises(SignedOutError, match="cannot refresh"):
            await client.me()
    assert len(seen) == 1
    assert seen[0].headers["Authorization"] == "Bearer fixed-token"
