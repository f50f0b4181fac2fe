"""Steps of the authorization code flow, driven over HTTP like a native client and its browser."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from privserver.testing import parse_sign_in_form


@dataclass
class Authorization:
    """The outcome of an authorization request: the redirect's parameters and the PKCE verifier."""

    location: str
    params: dict[str, str]
    verifier: str
    redirect_uri: str
    nonce: str
    state: str

    @property
    def code(self) -> str:
        return self.params["code"]


def authorization_query(
    client_id: str,
    redirect_uri: str,
    *,
    scope: str = "openid nemlogin privilege_api offline_access",
    verifier: str | None = None,
    method: str | None = "S256",
    state: str | None = None,
    nonce: str | None = None,
    **extra: str,
) -> tuple[dict[str, str], str]:
    verifier = verifier or generate_token(64)
    query = {
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "response_type": "code",
        "scope": scope,
        "state": state or generate_token(16),
        "nonce": nonce or generate_token(16),
    }
    if method == "S256":
        query["code_challenge"] = create_s256_code_challenge(verifier)
    elif method == "plain":
        query["code_challenge"] = verifier
    if method is not None:
        query["code_challenge_method"] = method
    query.update(extra)
    return query, verifier


def redirect_params(location: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(location).query).items()}


def authorize(
    issuer: str,
    identity_id: str,
    *,
    client_id: str = "privadmin-desktop",
    redirect_uri: str = "http://127.0.0.1:53117/callback",
    **options: Any,
) -> Authorization:
    """Open the authorization page, choose `identity_id`, submit, and return the redirect (not followed)."""
    query, verifier = authorization_query(client_id, redirect_uri, **options)
    with httpx.Client(timeout=30.0) as browser:
        page = browser.get(f"{issuer}/authorize?{urlencode(query)}")
        assert page.status_code == 200, page.text
        form = parse_sign_in_form(page.text)
        data = dict(form.fields, action="sign_in", identity_id=identity_id)
        answer = browser.post(form.action, data=data)
    assert answer.status_code == 303, answer.text
    location = answer.headers["location"]
    return Authorization(
        location=location,
        params=redirect_params(location),
        verifier=verifier,
        redirect_uri=redirect_uri,
        nonce=query["nonce"],
        state=query["state"],
    )


def redeem(
    issuer: str,
    authorization: Authorization,
    *,
    client_id: str = "privadmin-desktop",
    auth: tuple[str, str] | None = None,
    **overrides: str | None,
) -> httpx.Response:
    data: dict[str, str | None] = {
        "grant_type": "authorization_code",
        "code": authorization.code,
        "redirect_uri": authorization.redirect_uri,
        "code_verifier": authorization.verifier,
        "client_id": client_id if auth is None else None,
    }
    data.update(overrides)
    body = {name: value for name, value in data.items() if value is not None}
    return httpx.post(f"{issuer}/token", data=body, auth=auth, timeout=30.0)


def refresh(
    issuer: str, refresh_token: str, *, client_id: str = "privadmin-desktop"
) -> httpx.Response:
    return httpx.post(
        f"{issuer}/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": client_id,
        },
        timeout=30.0,
    )


def jwt_parts(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return header and claims of a JWT without verifying it (verification is tested separately)."""
    header, payload, _ = token.split(".")

    def decode(part: str) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
        return result

    return decode(header), decode(payload)
