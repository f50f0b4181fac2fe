"""privserver trusts the demo identity provider's tokens, and only those (key, issuer, audience)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import ECKey

from privserver.embedded import EmbeddedServer
from tests.idp.conftest import ADMIN_ID, API_CLIENT, API_SECRET, CUSTOMER_TIN, make_small_database
from tests.idp.helpers import authorize, jwt_parts, redeem


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    database_url = make_small_database(tmp_path_factory.mktemp("trust"))
    with EmbeddedServer(database_url) as running:
        yield running


def me(server: EmbeddedServer, token: str) -> httpx.Response:
    return httpx.get(
        f"{server.api_base_url}/api/v1/me", headers={"Authorization": f"Bearer {token}"}
    )


def administrator_token(server: EmbeddedServer) -> str:
    response = redeem(server.issuer, authorize(server.issuer, ADMIN_ID))
    token: str = response.json()["access_token"]
    return token


def resigned(server: EmbeddedServer, token: str, **changes: Any) -> str:
    """Return the token's claims changed and signed again with the provider's own active key."""
    claims = jwt_parts(token)[1] | changes
    return server.identity_provider.keys.sign(claims, typ="at+jwt")


def test_api_accepts_administrator_token(server: EmbeddedServer) -> None:
    response = me(server, administrator_token(server))

    assert response.status_code == 200, response.text
    assert CUSTOMER_TIN in response.text
    assert "PrivilegeAssigner" in response.text


def test_api_accepts_resigned_token_unchanged(server: EmbeddedServer) -> None:
    # The control for the rejections below: re-signing alone changes nothing.
    response = me(server, resigned(server, administrator_token(server)))

    assert response.status_code == 200, response.text


def test_api_rejects_another_key(server: EmbeddedServer) -> None:
    claims = jwt_parts(administrator_token(server))[1]
    foreign = ECKey.generate_key("P-256", parameters={"alg": "ES256"}, private=True)
    foreign.ensure_kid()
    token = jwt.encode({"alg": "ES256", "typ": "at+jwt", "kid": foreign.kid}, claims, foreign)

    assert me(server, token).status_code == 401


def test_api_rejects_another_key_with_a_published_kid(server: EmbeddedServer) -> None:
    original = administrator_token(server)
    header, claims = jwt_parts(original)
    foreign = ECKey.generate_key("P-256", private=True)
    token = jwt.encode({"alg": "ES256", "typ": "at+jwt", "kid": header["kid"]}, claims, foreign)

    assert me(server, token).status_code == 401


def test_api_rejects_another_issuer(server: EmbeddedServer) -> None:
    token = resigned(server, administrator_token(server), iss="https://pp.netseidbroker.dk/op")

    response = me(server, token)

    assert response.status_code == 401
    assert "'iss'" in response.json()["detail"]


def test_api_rejects_another_audience(server: EmbeddedServer) -> None:
    token = resigned(server, administrator_token(server), aud="privadmin-desktop")

    response = me(server, token)

    assert response.status_code == 401
    assert "'aud'" in response.json()["detail"]


def test_api_rejects_an_id_token(server: EmbeddedServer) -> None:
    tokens = redeem(server.issuer, authorize(server.issuer, ADMIN_ID)).json()

    assert me(server, tokens["id_token"]).status_code == 401


def test_api_rejects_expired_token(server: EmbeddedServer) -> None:
    now = int(time.time())
    token = resigned(
        server, administrator_token(server), iat=now - 3600, nbf=now - 3600, exp=now - 600
    )

    assert me(server, token).status_code == 401


def test_token_before_rotation_validates_after(server: EmbeddedServer) -> None:
    before = administrator_token(server)

    server.identity_provider.rotate_keys()
    after = administrator_token(server)

    assert jwt_parts(before)[0]["kid"] != jwt_parts(after)[0]["kid"]
    assert me(server, before).status_code == 200
    assert me(server, after).status_code == 200


def test_service_token_reaches_the_api(server: EmbeddedServer) -> None:
    token = httpx.post(
        f"{server.issuer}/token",
        data={"grant_type": "client_credentials"},
        auth=(API_CLIENT, API_SECRET),
    ).json()["access_token"]

    response = me(server, token)

    assert response.status_code == 200, response.text
