"""Signing keys: published before they sign, kept after, stored across restarts, RS256 on request."""

from __future__ import annotations

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from privserver.db.engine import make_engine, make_session_factory
from privserver.demo_idp import retire_signing_key, rotate_keys
from privserver.embedded import EmbeddedServer
from tests.idp.conftest import ADMIN_ID, API_CLIENT, API_SECRET, IdpUnderTest
from tests.idp.helpers import authorize, jwt_parts, redeem, refresh


def published_kids(issuer: str) -> list[str]:
    return [key["kid"] for key in httpx.get(f"{issuer}/jwks").json()["keys"]]


def service_access_token(issuer: str) -> str:
    response = httpx.post(
        f"{issuer}/token", data={"grant_type": "client_credentials"}, auth=(API_CLIENT, API_SECRET)
    )
    token: str = response.json()["access_token"]
    return token


def test_rotation_keeps_old_tokens_valid(idp: IdpUnderTest) -> None:
    before = service_access_token(idp.issuer)
    old_kid = jwt_parts(before)[0]["kid"]
    kids_before = published_kids(idp.issuer)
    assert len(kids_before) == 2
    assert old_kid in kids_before

    new_kid = idp.server.identity_provider.rotate_keys()

    assert new_kid != old_kid
    assert new_kid in kids_before, "the new signing key was published before it signed"
    kids_after = published_kids(idp.issuer)
    assert old_kid in kids_after
    assert new_kid in kids_after
    assert len(kids_after) == 3

    after = service_access_token(idp.issuer)
    assert jwt_parts(after)[0]["kid"] == new_kid
    keys = KeySet.import_key_set(httpx.get(f"{idp.issuer}/jwks").json())
    assert jwt.decode(before, keys).claims["client_id"] == API_CLIENT
    assert jwt.decode(after, keys).claims["client_id"] == API_CLIENT


def test_second_rotation_retires_oldest_key(idp: IdpUnderTest) -> None:
    first_kid = jwt_parts(service_access_token(idp.issuer))[0]["kid"]
    provider = idp.server.identity_provider

    second_kid = provider.rotate_keys()
    third_kid = provider.rotate_keys()

    kids = published_kids(idp.issuer)
    assert first_kid not in kids
    assert second_kid in kids
    assert third_kid in kids
    assert jwt_parts(service_access_token(idp.issuer))[0]["kid"] == third_kid


def test_rotation_to_rs256(idp: IdpUnderTest) -> None:
    provider = idp.server.identity_provider

    provider.rotate_keys("RS256")
    provider.rotate_keys("RS256")

    token = service_access_token(idp.issuer)
    header = jwt_parts(token)[0]
    assert header["alg"] == "RS256"
    keys = KeySet.import_key_set(httpx.get(f"{idp.issuer}/jwks").json())
    assert jwt.decode(token, keys, algorithms=["RS256"]).claims["client_id"] == API_CLIENT


def test_command_line_rotation_reaches_running_server(idp: IdpUnderTest) -> None:
    next_kid = published_kids(idp.issuer)[-1]

    assert rotate_keys(idp.database_url) == next_kid
    idp.server.identity_provider.keys.reload()

    assert jwt_parts(service_access_token(idp.issuer))[0]["kid"] == next_kid


def test_keys_and_sessions_survive_restart(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()
    kids = published_kids(idp.issuer)
    port = idp.server.port
    idp.server.stop()

    restarted = EmbeddedServer(idp.database_url, serve_api=False, port=port)
    restarted.start()
    try:
        assert published_kids(restarted.issuer) == kids
        response = refresh(restarted.issuer, tokens["refresh_token"])
        assert response.status_code == 200, response.text
        assert (
            jwt_parts(response.json()["access_token"])[0]["kid"]
            == jwt_parts(tokens["access_token"])[0]["kid"]
        )
    finally:
        restarted.stop()


def test_retired_key_leaves_the_jwks(idp: IdpUnderTest) -> None:
    old_kid = jwt_parts(service_access_token(idp.issuer))[0]["kid"]
    provider = idp.server.identity_provider
    new_kid = provider.rotate_keys()
    engine = make_engine(idp.database_url)
    try:
        with make_session_factory(engine).begin() as session:
            retire_signing_key(session, old_kid)
        with (
            make_session_factory(engine).begin() as session,
            pytest.raises(ValueError, match="is active"),
        ):
            retire_signing_key(session, new_kid)
    finally:
        engine.dispose()

    provider.keys.reload()

    kids = published_kids(idp.issuer)
    assert old_kid not in kids
    assert new_kid in kids
