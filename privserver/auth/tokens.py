"""Validation of JWT access tokens against the trusted issuer's JWKS (joserfc)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any, Protocol

import httpx
from joserfc import errors as jose_errors
from joserfc import jws, jwt
from joserfc.jwk import KeySet

log = logging.getLogger("privserver.auth")

# Asymmetric algorithms only: "none" and HMAC (a shared secret the issuer's JWKS cannot
# publish) are rejected before any key is looked up.
ALLOWED_ALGORITHMS = ("ES256", "RS256")
# RFC 9068 media type of JWT access tokens; an ID token ("JWT") must not pass as one.
ACCESS_TOKEN_TYPES = frozenset({"at+jwt", "application/at+jwt"})
JWKS_REFETCH_INTERVAL_SECONDS = 30.0


class InvalidTokenError(Exception):
    """An access token was rejected; the message states why and never contains the token."""


class InsufficientScopeError(InvalidTokenError):
    """A valid token that lacks the scope the endpoint requires (RFC 6750: 403)."""


class JwksUnavailableError(Exception):
    """The issuer's discovery document or JWKS could not be fetched."""


class JwksSource(Protocol):
    """Source of the issuer's public keys for the token validator."""

    async def key_set(self, *, refresh: bool = False) -> KeySet: ...


class StaticJwks:
    """Keys handed over in process, e.g. by the demo identity provider; no HTTP involved."""

    def __init__(self, provider: Callable[[], KeySet]) -> None:
        self._provider = provider

    async def key_set(self, *, refresh: bool = False) -> KeySet:
        return self._provider()


class RemoteJwks:
    """The issuer's JWKS found through OpenID discovery, cached.

    A refresh is honoured at most once per `min_refresh_interval` seconds, so
    tokens with made-up key ids cannot make the server hammer the issuer.
    """

    def __init__(
        self,
        issuer: str,
        http: httpx.AsyncClient | None = None,
        *,
        min_refresh_interval: float = JWKS_REFETCH_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.issuer = issuer.rstrip("/")
        self._http = http
        self._min_refresh_interval = min_refresh_interval
        self._clock = clock
        self._keys: KeySet | None = None
        self._jwks_uri: str | None = None
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    async def key_set(self, *, refresh: bool = False) -> KeySet:
        async with self._lock:
            stale = refresh and self._clock() - self._fetched_at >= self._min_refresh_interval
            if self._keys is None or stale:
                self._keys = await self._fetch()
            return self._keys

    async def _fetch(self) -> KeySet:
        http = self._http or httpx.AsyncClient(timeout=10.0)
        try:
            if self._jwks_uri is None:
                self._jwks_uri = await self._discover(http)
            response = await http.get(self._jwks_uri)
            response.raise_for_status()
            keys = KeySet.import_key_set(response.json())
        except (httpx.HTTPError, ValueError, TypeError, jose_errors.JoseError) as error:
            log.warning("Fetching the JWKS of %s failed: %s", self.issuer, error)
            raise JwksUnavailableError(
                f"the JWKS of {self.issuer} could not be fetched: {error}"
            ) from error
        finally:
            if self._http is None:
                await http.aclose()

        self._fetched_at = self._clock()
        log.info("Fetched the JWKS of %s: %d keys", self.issuer, len(keys.keys))
        return keys

    async def _discover(self, http: httpx.AsyncClient) -> str:
        response = await http.get(f"{self.issuer}/.well-known/openid-configuration")
        response.raise_for_status()
        document = response.json()
        if document.get("issuer", "").rstrip("/") != self.issuer:
            raise ValueError(
                f"discovery names issuer {document.get('issuer')!r}, expected {self.issuer!r}"
            )
        jwks_uri = document.get("jwks_uri")
        if not isinstance(jwks_uri, str):
            raise TypeError("discovery document has no jwks_uri string")
        return jwks_uri


def token_scopes(claims: dict[str, Any]) -> set[str]:
    """Return the scopes of a token whose `scope` is a JSON list or a space-delimited string."""
    scope = claims.get("scope")
    if isinstance(scope, str):
        return set(scope.split())
    if isinstance(scope, list) and all(isinstance(item, str) for item in scope):
        return set(scope)
    return set()


class TokenValidator:
    """Checks signature, algorithm, type, iss, aud, exp, nbf and scope of access tokens."""

    def __init__(
        self, issuer: str, audience: str, jwks: JwksSource, leeway_seconds: int = 30
    ) -> None:
        self.issuer = issuer
        self.audience = audience
        self._jwks = jwks
        self._claims_registry = jwt.JWTClaimsRegistry(
            leeway=leeway_seconds,
            iss={"essential": True, "value": issuer},
            aud={"essential": True, "value": audience},
            exp={"essential": True},
        )

    async def validate(self, token: str, required_scope: str) -> dict[str, Any]:
        """Return the claims of `token`, or raise InvalidTokenError saying what is wrong."""
        header = self._checked_header(token)
        decoded = await self._verified(token, header)
        claims = dict(decoded.claims)

        try:
            self._claims_registry.validate(claims)
        except jose_errors.ExpiredTokenError as error:
            raise InvalidTokenError("the token has expired") from error
        except jose_errors.MissingClaimError as error:
            raise InvalidTokenError(
                f"the token lacks a required claim: {error.description}"
            ) from error
        except jose_errors.InvalidClaimError as error:
            raise InvalidTokenError(
                f"the token has an invalid claim: {error.description}"
            ) from error

        if required_scope not in token_scopes(claims):
            raise InsufficientScopeError(f"the token lacks the scope {required_scope!r}")
        return claims

    @staticmethod
    def _checked_header(token: str) -> dict[str, Any]:
        try:
            header = dict(jws.extract_compact(token.encode("ascii")).protected)
        except (jose_errors.JoseError, UnicodeError, ValueError) as error:
            raise InvalidTokenError(
                "the token is not a well-formed JWS compact serialization"
            ) from error

        algorithm = header.get("alg")
        if algorithm not in ALLOWED_ALGORITHMS:
            raise InvalidTokenError(
                f"token algorithm {algorithm!r} is not accepted; accepted: {', '.join(ALLOWED_ALGORITHMS)}"
            )
        token_type = header.get("typ")
        if token_type is not None and str(token_type).lower() not in ACCESS_TOKEN_TYPES:
            raise InvalidTokenError(
                f"token type {token_type!r} is not an access token (expected at+jwt)"
            )
        return header

    async def _verified(self, token: str, header: dict[str, Any]) -> jwt.Token:
        keys = await self._jwks.key_set()
        try:
            return self._decode(token, keys)
        except jose_errors.InvalidKeyIdError:
            # The issuer may have rotated its keys since the last fetch.
            log.info("Unknown key id %r; refreshing the JWKS", header.get("kid"))

        keys = await self._jwks.key_set(refresh=True)
        try:
            return self._decode(token, keys)
        except jose_errors.InvalidKeyIdError as error:
            raise InvalidTokenError(
                f"no key of the issuer has key id {header.get('kid')!r}"
            ) from error

    @staticmethod
    def _decode(token: str, keys: KeySet) -> jwt.Token:
        try:
            return jwt.decode(token, keys, algorithms=list(ALLOWED_ALGORITHMS))
        except jose_errors.InvalidKeyIdError:
            raise
        except jose_errors.BadSignatureError as error:
            raise InvalidTokenError(
                "the token signature does not verify with the issuer's keys"
            ) from error
        except (jose_errors.JoseError, ValueError) as error:
            raise InvalidTokenError(f"the token could not be decoded: {error}") from error
