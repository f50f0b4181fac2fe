"""OpenID Connect discovery: the provider's endpoints and capabilities, and its signing keys."""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from privadmin.oidc.errors import SignInError, SignInErrorCode

log = logging.getLogger("privadmin.oidc")

UNREACHABLE_MESSAGE = (
    "The sign-in service could not be reached. Check the network connection and try again."
)


@dataclass(frozen=True)
class ProviderMetadata:
    """The parts of an OpenID provider's discovery document that the sign-in uses."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    revocation_endpoint: str | None = None
    end_session_endpoint: str | None = None
    # RFC 9207: the provider adds "iss" to authorization responses.
    authorization_response_iss_parameter_supported: bool = False
    code_challenge_methods_supported: tuple[str, ...] = ()


def check_endpoint_url(url: str, parameter_name: str) -> None:
    """Raise SignInError unless `url` is https, or http on a loopback host."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname and _is_loopback(parts.hostname):
        return
    raise SignInError(
        SignInErrorCode.CONFIGURATION,
        "The sign-in service is configured with an address that is not secure. "
        "Ask your IT department to check the environment settings.",
        f"{parameter_name} {url!r} must use https (http is accepted only on loopback)",
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def discover(http: httpx.AsyncClient, issuer: str) -> ProviderMetadata:
    """Fetch and check <issuer>/.well-known/openid-configuration (OpenID Connect Discovery 1.0)."""
    check_endpoint_url(issuer, "issuer")
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    document = await get_json(http, url, SignInErrorCode.DISCOVERY_FAILED)

    # Discovery section 4.3: the issuer in the document must be the one configured.
    if document.get("issuer") != issuer:
        raise SignInError(
            SignInErrorCode.DISCOVERY_FAILED,
            "The sign-in service identified itself differently than configured. "
            "Ask your IT department to check the environment settings.",
            f"discovery at {url} returned issuer {document.get('issuer')!r}, expected {issuer!r}",
        )

    endpoints: dict[str, str] = {}
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        value = document.get(name)
        if not isinstance(value, str) or not value:
            raise SignInError(
                SignInErrorCode.DISCOVERY_FAILED,
                "The sign-in service sent an incomplete configuration.",
                f"discovery at {url} has no {name}",
            )
        check_endpoint_url(value, name)
        endpoints[name] = value

    methods = document.get("code_challenge_methods_supported") or ()
    metadata = ProviderMetadata(
        issuer=issuer,
        revocation_endpoint=_optional_url(document, "revocation_endpoint"),
        end_session_endpoint=_optional_url(document, "end_session_endpoint"),
        authorization_response_iss_parameter_supported=(
            document.get("authorization_response_iss_parameter_supported") is True
        ),
        code_challenge_methods_supported=tuple(str(method) for method in methods),
        **endpoints,
    )
    log.info("Discovered OpenID provider %s", issuer)
    return metadata


def _optional_url(document: dict[str, Any], name: str) -> str | None:
    value = document.get(name)
    if not isinstance(value, str) or not value:
        return None
    check_endpoint_url(value, name)
    return value


async def fetch_key_set(http: httpx.AsyncClient, jwks_uri: str) -> KeySet:
    """Fetch the provider's public signing keys."""
    document = await get_json(http, jwks_uri, SignInErrorCode.DISCOVERY_FAILED)
    try:
        key_set = KeySet.import_key_set(document)  # type: ignore[arg-type]
    except (JoseError, ValueError, TypeError, KeyError) as error:
        raise SignInError(
            SignInErrorCode.DISCOVERY_FAILED,
            "The sign-in service sent signing keys that cannot be used.",
            f"invalid JWKS at {jwks_uri}: {error}",
        ) from error
    log.info("Fetched %d signing keys from %s", len(key_set.keys), jwks_uri)
    return key_set


async def get_json(http: httpx.AsyncClient, url: str, code: SignInErrorCode) -> dict[str, Any]:
    """GET a JSON object, turning every failure into a SignInError."""
    try:
        response = await http.get(url, headers={"Accept": "application/json"})
    except httpx.HTTPError as error:
        raise SignInError(
            SignInErrorCode.NETWORK, UNREACHABLE_MESSAGE, f"GET {url} failed: {error!r}"
        ) from error
    if response.status_code != 200:
        raise SignInError(
            code,
            "The sign-in service is not working as expected. Try again later.",
            f"GET {url} returned HTTP {response.status_code}",
        )
    try:
        document = response.json()
    except ValueError as error:
        document = error
    if not isinstance(document, dict):
        raise SignInError(
            code,
            "The sign-in service is not working as expected. Try again later.",
            f"GET {url} did not return a JSON object",
        )
    return document
