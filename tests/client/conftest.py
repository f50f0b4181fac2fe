"""Fixtures for the API client tests: fault-injecting transports and a scripted token endpoint."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from privadmin.api_client import ClientCredentialsTokenSource, PrivilegesClient, RetryPolicy

# Nothing listens here: every request to these URLs goes to a MockTransport.
API_BASE_URL = "http://127.0.0.1:9"
TOKEN_ENDPOINT = "http://127.0.0.1:9/idp/token"
CLIENT_SECRET = "s3cret-value-never-logged"

Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class RecordingTransport(httpx.MockTransport):
    """A MockTransport that keeps every request it saw."""

    def __init__(self, handler: Handler) -> None:
        self.requests: list[httpx.Request] = []

        def record(request: httpx.Request) -> httpx.Response:
            self.requests.append(request)
            return handler(request)

        super().__init__(record)


class TokenEndpoint:
    """A token endpoint issuing token-1, token-2, ... until `reject_from` makes it reject the client."""

    def __init__(self, expires_in: int = 600) -> None:
        self.issued: list[str] = []
        self.reject_from: int | None = None
        self.expires_in = expires_in
        self.transport = RecordingTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.reject_from is not None and len(self.issued) + 1 >= self.reject_from:
            return httpx.Response(401, json={"error": "invalid_client"})
        token = f"token-{len(self.issued) + 1}"
        self.issued.append(token)
        body = {"access_token": token, "token_type": "Bearer", "expires_in": self.expires_in}
        return httpx.Response(200, json=body)


class Sleeps(list[float]):
    """Records backoff waits instead of sleeping."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def client_secret() -> str:
    return CLIENT_SECRET


@pytest.fixture
def token_endpoint() -> TokenEndpoint:
    return TokenEndpoint()


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def connect(
    token_endpoint: TokenEndpoint, sleeps: Sleeps
) -> Iterator[Callable[[Handler], tuple[PrivilegesClient, RecordingTransport]]]:
    """Return a factory: handler -> (client over a recording mock transport, that transport)."""

    def factory(handler: Handler) -> tuple[PrivilegesClient, RecordingTransport]:
        tokens = ClientCredentialsTokenSource(
            TOKEN_ENDPOINT,
            "api-client-test",
            CLIENT_SECRET,
            http=httpx.AsyncClient(transport=token_endpoint.transport),
        )
        transport = RecordingTransport(handler)
        policy = RetryPolicy(sleep=sleeps, random=lambda: 0.5)
        client = PrivilegesClient(API_BASE_URL, tokens, transport=transport, timeout=5.0, retry_policy=policy)
        return client, transport

    yield factory
