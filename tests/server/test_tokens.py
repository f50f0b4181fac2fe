"""Access token validation, over HTTP against the live server and for the remote JWKS cache."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from joserfc import jws, jwt
from joserfc.jwk import ECKey, OctKey, RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from privserver.auth.tokens import (
    InvalidTokenError,
    JwksUnavailableError,
    RemoteJwks,
    TokenValidator,
)
from tests.server.conftest import Api, TokenMinter


def _unsigned(claims: dict[str, Any]) -> str:
    def encode(part: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(part).encode()).rstrip(b"=").decode()

    return f"{encode({'alg': 'none', 'typ': 'at+jwt'})}.{encode(claims)}."


def _person_claims(live: Api, **overrides: Any) -> dict[str, Any]:
    person = live.world.people["customer_admin"]
    return live.issuer.claims(
        sub="subject",
        scope=["privilege_api"],
        client_id="privadmin-desktop",
        idp=person.idp,
        idp_identity_id=person.idp_identity_id,
        **overrides,
    )


def test_valid_tokens_accepted(live: Api) -> None:
    claims = _person_claims(live)
    tokens = {
        "ES256": live.issuer.sign(claims),
        "RS256": live.issuer.sign(claims, alg="RS256"),
        "space-delimited scope": live.issuer.sign({**claims, "scope": "openid privilege_api"}),
        "audience list": live.issuer.sign({**claims, "aud": ["other", claims["aud"]]}),
        "no typ header": jws.serialize_compact(
            {"alg": "ES256", "kid": live.issuer.es_key.kid}, json.dumps(claims), live.issuer.es_key
        ),
    }
    for label, token in tokens.items():
        response = live.client(token).get("/me")
        assert response.status_code == 200, f"{label}: {response.text}"


def test_rejected_tokens(live: Api) -> None:
    issuer: TokenMinter = live.issuer
    claims = _person_claims(live)
    now = int(time.time())
    impostor = ECKey.generate_key("P-256", parameters={"kid": issuer.es_key.kid})
    hmac_key = OctKey.generate_key(256, parameters={"kid": issuer.es_key.kid})
    rejected = {
        "another key": issuer.sign(claims, key=impostor),
        "unknown key id": issuer.sign(
            claims, key=ECKey.generate_key("P-256", parameters={"kid": "rotated-away"})
        ),
        "another issuer": issuer.sign({**claims, "iss": "https://evil.example/op"}),
        "another audience": issuer.sign({**claims, "aud": "https://other.example/api"}),
        "expired": issuer.sign({**claims, "exp": now - 120}),
        "not yet valid": issuer.sign({**claims, "nbf": now + 600}),
        "no expiry": issuer.sign({key: value for key, value in claims.items() if key != "exp"}),
        "alg none": _unsigned(claims),
        "HS256": jwt.encode(
            {"alg": "HS256", "typ": "at+jwt", "kid": hmac_key.kid}, claims, hmac_key
        ),
        "ID token type": issuer.sign(claims, typ="JWT"),
        "no person claims": issuer.sign(
            {key: value for key, value in claims.items() if key != "idp_identity_id"}
        ),
        "garbage": "not-a-jwt",
    }
    for label, token in rejected.items():
        response = live.client(token).get("/me")

        assert response.status_code == 401, f"{label}: {response.status_code} {response.text}"
        assert response.headers["content-type"] == "application/problem+json"
        assert 'error="invalid_token"' in response.headers["www-authenticate"], label


def test_missing_scope_forbidden(live: Api) -> None:
    claims = _person_claims(live)
    for label, scope in {
        "other scopes": ["openid", "privileges"],
        "no scope": None,
        "empty": "",
    }.items():
        token = live.issuer.sign(
            {**claims, "scope": scope}
            if scope is not None
            else {key: value for key, value in claims.items() if key != "scope"}
        )
        response = live.client(token).get("/me")

        assert response.status_code == 403, label
        assert 'error="insufficient_scope"' in response.headers["www-authenticate"]


def test_missing_token_unauthorized(live: Api) -> None:
    for headers in ({}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer"}):
        response = httpx.get(f"{live.server.base_url}/api/v1/me", headers=headers)

        assert response.status_code == 401
        assert response.json()["status"] == 401
        assert response.headers["www-authenticate"].startswith("Bearer")


def test_tokens_never_logged(live: Api, caplog: pytest.LogCaptureFixture) -> None:
    token = live.issuer.person_token(live.world.people["customer_admin"])
    bad_token = live.issuer.sign(_person_claims(live, iss="https://evil.example/op"))
    caplog.set_level(logging.DEBUG)

    live.client(token).get("/me")
    live.client(bad_token).get("/me")

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "GET /api/v1/me 200" in logged
    assert token not in logged
    assert bad_token not in logged
    assert token.split(".")[2] not in logged


# --- RemoteJwks against a small issuer on loopback ------------------------------------------


class KeyServer:
    """An issuer serving discovery and a JWKS on loopback, counting JWKS fetches."""

    def __init__(self) -> None:
        self.keys: list[dict[str, Any]] = []
        self.fetches = 0
        self.base_url = ""
        app = Starlette(
            routes=[
                Route("/.well-known/openid-configuration", self.discovery),
                Route("/jwks", self.jwks),
            ]
        )
        self._server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
        )
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    async def discovery(self, request: Request) -> JSONResponse:
        return JSONResponse({"issuer": self.base_url, "jwks_uri": f"{self.base_url}/jwks"})

    async def jwks(self, request: Request) -> JSONResponse:
        self.fetches += 1
        return JSONResponse({"keys": self.keys})

    def start(self) -> None:
        self._thread.start()
        while not self._server.started:
            time.sleep(0.01)
        self.base_url = f"http://127.0.0.1:{self._server.servers[0].sockets[0].getsockname()[1]}"

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


@pytest.fixture
def key_server() -> Iterator[KeyServer]:
    server = KeyServer()
    server.start()
    yield server
    server.stop()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _sign(key: Any, issuer: str, alg: str = "ES256") -> str:
    now = int(time.time())
    claims = {"iss": issuer, "aud": "aud", "exp": now + 60, "scope": ["privilege_api"]}
    return jwt.encode({"alg": alg, "typ": "at+jwt", "kid": key.kid}, claims, key)


def test_remote_jwks_refetch_throttled(key_server: KeyServer) -> None:
    first = ECKey.generate_key("P-256", parameters={"kid": "first"})
    second = RSAKey.generate_key(2048, parameters={"kid": "second"})
    key_server.keys = [first.as_dict(private=False)]
    clock = FakeClock()
    validator = TokenValidator(
        key_server.base_url, "aud", RemoteJwks(key_server.base_url, clock=clock)
    )

    async def scenario() -> None:
        await validator.validate(_sign(first, key_server.base_url), "privilege_api")
        assert key_server.fetches == 1

        # The issuer rotates in a new key: the unknown kid triggers one refetch.
        key_server.keys.append(second.as_dict(private=False))
        clock.now += 31
        await validator.validate(_sign(second, key_server.base_url, "RS256"), "privilege_api")
        assert key_server.fetches == 2

        # Made-up key ids within 30 s of the last fetch do not reach the issuer again.
        stranger = ECKey.generate_key("P-256", parameters={"kid": "made-up"})
        for _ in range(5):
            with pytest.raises(InvalidTokenError, match="made-up"):
                await validator.validate(_sign(stranger, key_server.base_url), "privilege_api")
        assert key_server.fetches == 2

        clock.now += 30
        with pytest.raises(InvalidTokenError):
            await validator.validate(_sign(stranger, key_server.base_url), "privilege_api")
        assert key_server.fetches == 3

    asyncio.run(scenario())


def test_remote_jwks_unreachable() -> None:
    # A port that was free a moment ago: nothing listens, so the connection is refused.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    jwks = RemoteJwks(f"http://127.0.0.1:{port}/op")

    with pytest.raises(JwksUnavailableError, match="could not be fetched"):
        asyncio.run(jwks.key_set())


def test_remote_jwks_issuer_mismatch(key_server: KeyServer) -> None:
    jwks = RemoteJwks(f"{key_server.base_url}/elsewhere")

    with pytest.raises(JwksUnavailableError):
        asyncio.run(jwks.key_set())
