"""Bearer authentication for httpx: attach the access token, refresh once on 401."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, Awaitable, Generator

import httpx

from privadmin.api_client._errors import ApiError, SignedOutError
from privadmin.api_client.tokens import TokenSource

log = logging.getLogger("privadmin.api_client")


class BearerAuth(httpx.Auth):
    """Send `Authorization: Bearer` with the token source's access token.

    On a 401 it requests from the token source a token newer than the rejected one
    and retries the request once. The token source refreshes under its own
    lock, so many requests rejected at the same moment cause one refresh. A
    second 401 is handed to the caller (the client raises AuthenticationError).
    A failed refresh raises SignedOutError.
    """

    def __init__(self, tokens: TokenSource) -> None:
        self._tokens = tokens

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        raise RuntimeError("BearerAuth works only with httpx.AsyncClient, because token sources are async")
        yield request  # pragma: no cover - makes this a generator, as httpx expects

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self._call_token_source(self._tokens.access_token())
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code != 401:
            return

        log.info(
            "Access token rejected with 401 (request %s); refreshing once",
            request.headers.get("X-Request-ID", "-"),
        )
        refreshed = await self._call_token_source(self._tokens.refreshed_access_token(token))
        request.headers["Authorization"] = f"Bearer {refreshed}"
        yield request

    @staticmethod
    async def _call_token_source(pending: Awaitable[str]) -> str:
        try:
            token = await pending
        except ApiError:
            raise
        except Exception as error:
            # A token source that fails in its own way still means no token: the caller
            # must sign in again. The cause is kept for the log.
            log.warning("Token source failed: %s", type(error).__name__)
            raise SignedOutError(f"Could not get an access token: {type(error).__name__}") from error
        if not isinstance(token, str) or not token:
            raise SignedOutError("The token source returned no access token")
        return token


class StaticTokenSource:
    """A TokenSource for one fixed access token, for scripts, tests and benchmarks.

    It cannot refresh, so a 401 ends in SignedOutError.
    """

    def __init__(self, access_token: str) -> None:
        if not access_token:
            raise ValueError("access_token is empty: pass the access token from a sign-in")
        self._access_token = access_token

    def __repr__(self) -> str:
        return "StaticTokenSource(<token>)"

    async def access_token(self) -> str:
        return self._access_token

    async def refreshed_access_token(self, rejected: str) -> str:
        raise SignedOutError("The access token was rejected and this token source cannot refresh it")
