"""Service tokens from an organization's API client credentials, and their secret in the OS keyring."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
import keyring
import keyring.errors

from privadmin.api_client._errors import ProtocolError, SignedOutError, TransportError
from privadmin.api_client._transport import make_http_client

log = logging.getLogger("privadmin.api_client")

# A cached service token is replaced when less than this many seconds of its lifetime remain.
EXPIRY_MARGIN_SECONDS = 60.0


class ClientCredentialsTokenSource:
    """A TokenSource that gets service tokens with the OAuth 2.0 client credentials grant.

    The client authenticates with client_secret_post (client_id and
    client_secret as form fields, as in the broker's published example).
    Other client authentication methods, such as private_key_jwt, go in an
    override of `_client_authentication`. The token is cached until
    EXPIRY_MARGIN_SECONDS before it expires; fetching happens under one lock,
    so concurrent callers cause one token request. The secret is never logged.
    """

    def __init__(
        self,
        token_endpoint: str,
        client_id: str,
        client_secret: str,
        scope: str = "privilege_api",
        *,
        http: httpx.AsyncClient | None = None,
        timeout: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not client_id:
            raise ValueError("client_id is empty: give the API client's id as issued with its secret")
        if not client_secret:
            raise ValueError(f"client_secret for API client {client_id!r} is empty")
        self.token_endpoint = token_endpoint
        self.client_id = client_id
        self.scope = scope
        self._client_secret = client_secret
        self._http = http
        self._owns_http = http is None
        self._timeout = timeout
        self._clock = clock
        self._lock = asyncio.Lock()
        self._token: str | None = None
        self._expires_at = 0.0
        # Number of token requests sent; for logs and tests.
        self.token_requests = 0

    def __repr__(self) -> str:
        return f"ClientCredentialsTokenSource(client_id={self.client_id!r}, scope={self.scope!r})"

    async def access_token(self) -> str:
        async with self._lock:
            if self._token is None or self._clock() >= self._expires_at - EXPIRY_MARGIN_SECONDS:
                await self._fetch()
            assert self._token is not None
            return self._token

    async def refreshed_access_token(self, rejected: str) -> str:
        async with self._lock:
            if self._token is None or self._token == rejected:
                await self._fetch()
            assert self._token is not None
            return self._token

    async def aclose(self) -> None:
        if self._owns_http and self._http is not None:
            await self._http.aclose()
            self._http = None

    def _client_authentication(self) -> dict[str, str]:
        """Return the form fields that authenticate the client (client_secret_post)."""
        return {"client_id": self.client_id, "client_secret": self._client_secret}

    async def _fetch(self) -> None:
        if self._http is None:
            self._http = make_http_client(timeout=self._timeout)
        form = {"grant_type": "client_credentials", "scope": self.scope, **self._client_authentication()}
        self.token_requests += 1
        log.info("Requesting a service token for API client %s", self.client_id)
        try:
            response = await self._http.post(
                self.token_endpoint, data=form, headers={"Accept": "application/json"}
            )
        except httpx.TransportError as error:
            raise TransportError(
                f"Token request to {self.token_endpoint} failed: {type(error).__name__}"
            ) from error

        body = _json_or_none(response)
        if response.status_code in (400, 401):
            # invalid_client, unauthorized_client, invalid_scope: these credentials will
            # not work again until someone changes them.
            code = body.get("error", "") if isinstance(body, dict) else ""
            self._token = None
            log.warning(
                "Token request for API client %s rejected: HTTP %d %s",
                self.client_id, response.status_code, code,
            )
            raise SignedOutError(
                f"The identity provider rejected API client {self.client_id!r} "
                f"(HTTP {response.status_code} {code}); check its id and secret"
            )
        if response.status_code != 200:
            raise TransportError(
                f"Token request to {self.token_endpoint} failed with HTTP {response.status_code}"
            )

        token, lifetime = _read_token_response(body, self.token_endpoint)
        self._token = token
        self._expires_at = self._clock() + lifetime
        log.info("Got a service token for API client %s, valid %d s", self.client_id, lifetime)


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _read_token_response(body: Any, endpoint: str) -> tuple[str, float]:
    if not isinstance(body, dict):
        raise ProtocolError(f"Token response from {endpoint} is not a JSON object")
    token = body.get("access_token")
    if not isinstance(token, str) or not token:
        raise ProtocolError(f"Token response from {endpoint} has no access_token")
    lifetime = body.get("expires_in", 300)
    if isinstance(lifetime, str) and lifetime.isdigit():
        lifetime = int(lifetime)
    if not isinstance(lifetime, int | float) or isinstance(lifetime, bool) or lifetime <= 0:
        raise ProtocolError(f"Token response from {endpoint} has an invalid expires_in {lifetime!r}")
    return token, float(lifetime)


async def discover_token_endpoint(issuer: str, *, http: httpx.AsyncClient | None = None) -> str:
    """Read the token endpoint from the issuer's OpenID Connect discovery document."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    owned = http is None
    client = http or make_http_client(timeout=30.0)
    try:
        response = await client.get(url)
    except httpx.TransportError as error:
        raise TransportError(f"Discovery at {url} failed: {type(error).__name__}") from error
    finally:
        if owned:
            await client.aclose()
    if response.status_code != 200:
        raise TransportError(f"Discovery at {url} failed with HTTP {response.status_code}")
    document = _json_or_none(response)
    endpoint = document.get("token_endpoint") if isinstance(document, dict) else None
    if not isinstance(endpoint, str) or not endpoint:
        raise ProtocolError(f"Discovery document at {url} has no token_endpoint")
    return endpoint


# The API client secret in the OS credential store.


class CredentialStoreUnavailableError(Exception):
    """No OS credential store (keyring backend) is available to keep the API client secret."""


def _keyring_service(environment_key: str) -> str:
    return f"privadmin/{environment_key}"


def _keyring_account(client_id: str) -> str:
    return f"api-client:{client_id}"


def _require_backend() -> None:
    backend = keyring.get_keyring()
    priority = getattr(backend, "priority", 0)
    if priority <= 0:
        raise CredentialStoreUnavailableError(
            f"No OS credential store is available (keyring backend {type(backend).__name__}). "
            "Install or unlock one (Windows Credential Manager, macOS Keychain, or the "
            "Secret Service on Linux) to keep the API client secret."
        )


def load_api_client_secret(environment_key: str, client_id: str) -> str | None:
    """Return the stored secret of API client `client_id` in an environment, or None when none is stored."""
    _require_backend()
    try:
        return keyring.get_password(_keyring_service(environment_key), _keyring_account(client_id))
    except keyring.errors.KeyringError as error:
        raise CredentialStoreUnavailableError(
            f"Reading the API client secret from the OS credential store failed: {error}"
        ) from error


def store_api_client_secret(environment_key: str, client_id: str, secret: str) -> None:
    """Store the secret of API client `client_id` in the OS credential store, replacing any earlier one."""
    if not secret:
        raise ValueError(f"The secret for API client {client_id!r} is empty")
    _require_backend()
    try:
        keyring.set_password(_keyring_service(environment_key), _keyring_account(client_id), secret)
    except keyring.errors.KeyringError as error:
        raise CredentialStoreUnavailableError(
            f"Storing the API client secret in the OS credential store failed: {error}"
        ) from error
    log.info("Stored the secret of API client %s for environment %s", client_id, environment_key)


def delete_api_client_secret(environment_key: str, client_id: str) -> bool:
    """Remove the stored secret of API client `client_id`; return False when none was stored."""
    _require_backend()
    try:
        keyring.delete_password(_keyring_service(environment_key), _keyring_account(client_id))
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as error:
        raise CredentialStoreUnavailableError(
            f"Removing the API client secret from the OS credential store failed: {error}"
        ) from error
    return True
