"""Requests the demo identity provider rejects, with the standard OAuth error codes."""

from __future__ import annotations

from urllib.parse import urlencode

import httpx
import pytest

from tests.idp.conftest import (
    ADMIN_ID,
    API_CLIENT,
    API_SECRET,
    SERVICE_CLIENT,
    SERVICE_SECRET,
    IdpUnderTest,
)
from tests.idp.helpers import authorization_query, authorize, redeem, redirect_params, refresh


def error_of(response: httpx.Response) -> str:
    error: str = response.json()["error"]
    return error


def open_authorization_page(idp: IdpUnderTest, query: dict[str, str]) -> httpx.Response:
    return httpx.get(f"{idp.issuer}/authorize?{urlencode(query)}")


def test_missing_code_challenge_is_rejected(idp: IdpUnderTest) -> None:
    query, _ = authorization_query(
        "privadmin-desktop", "http://127.0.0.1:5000/callback", method=None, state="s1"
    )

    response = open_authorization_page(idp, query)

    assert response.status_code == 303
    params = redirect_params(response.headers["location"])
    assert params["error"] == "invalid_request"
    assert params["state"] == "s1"
    assert params["iss"] == idp.issuer


def test_plain_code_challenge_method_is_rejected(idp: IdpUnderTest) -> None:
    query, _ = authorization_query(
        "privadmin-desktop", "http://127.0.0.1:5000/callback", method="plain"
    )

    response = open_authorization_page(idp, query)

    assert response.status_code == 303
    assert redirect_params(response.headers["location"])["error"] == "invalid_request"


def test_challenge_without_method_is_rejected(idp: IdpUnderTest) -> None:
    query, _ = authorization_query(
        "privadmin-desktop", "http://127.0.0.1:5000/callback", method="S256"
    )
    del query["code_challenge_method"]

    response = open_authorization_page(idp, query)

    assert redirect_params(response.headers["location"])["error"] == "invalid_request"


def test_unknown_scope_is_rejected(idp: IdpUnderTest) -> None:
    query, _ = authorization_query(
        "privadmin-desktop", "http://127.0.0.1:5000/callback", scope="openid admin"
    )

    response = open_authorization_page(idp, query)

    assert redirect_params(response.headers["location"])["error"] == "invalid_scope"


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "http://127.0.0.1:5000/other",
        "http://127.0.0.2:5000/callback",
        "http://localhost:5000/callback",
        "http://example.com/callback",
        "https://127.0.0.1:5000/callback",
    ],
)
def test_unregistered_redirect_uri_shows_error_page(idp: IdpUnderTest, redirect_uri: str) -> None:
    query, _ = authorization_query("privadmin-desktop", redirect_uri)

    response = open_authorization_page(idp, query)

    assert response.status_code == 400
    assert "location" not in response.headers
    assert "redirect_uri" in response.text


def test_confidential_client_loopback_needs_same_path(idp: IdpUnderTest) -> None:
    accepted, _ = authorization_query(SERVICE_CLIENT, "http://127.0.0.1:5000/callback")
    rejected, _ = authorization_query(SERVICE_CLIENT, "http://127.0.0.1:5000/elsewhere")

    assert open_authorization_page(idp, accepted).status_code == 200
    assert open_authorization_page(idp, rejected).status_code == 400


def test_unknown_client_shows_error_page(idp: IdpUnderTest) -> None:
    query, _ = authorization_query("no-such-client", "http://127.0.0.1:5000/callback")

    response = open_authorization_page(idp, query)

    assert response.status_code == 400
    assert "no-such-client" in response.text


def test_missing_code_verifier(idp: IdpUnderTest) -> None:
    response = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID), code_verifier=None)

    assert response.status_code == 400
    assert error_of(response) == "invalid_request"


def test_wrong_code_verifier(idp: IdpUnderTest) -> None:
    response = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID), code_verifier="x" * 64)

    assert response.status_code == 400
    assert error_of(response) == "invalid_grant"


def test_code_used_twice_revokes_first_tokens(idp: IdpUnderTest) -> None:
    authorization = authorize(idp.issuer, ADMIN_ID)
    first = redeem(idp.issuer, authorization)
    assert first.status_code == 200

    second = redeem(idp.issuer, authorization)

    assert second.status_code == 400
    assert error_of(second) == "invalid_grant"
    assert error_of(refresh(idp.issuer, first.json()["refresh_token"])) == "invalid_grant"


def test_expired_code(idp: IdpUnderTest) -> None:
    authorization = authorize(idp.issuer, ADMIN_ID)
    idp.clock.advance(61)

    response = redeem(idp.issuer, authorization)

    assert response.status_code == 400
    assert error_of(response) == "invalid_grant"


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "http://127.0.0.1:53117/other",
        "http://127.0.0.1:53118/callback",
        "http://[::1]:53117/callback",
    ],
)
def test_token_request_with_other_redirect_uri(idp: IdpUnderTest, redirect_uri: str) -> None:
    response = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID), redirect_uri=redirect_uri)

    assert response.status_code == 400
    assert error_of(response) == "invalid_grant"


def test_code_of_another_client(idp: IdpUnderTest) -> None:
    authorization = authorize(idp.issuer, ADMIN_ID)

    response = redeem(idp.issuer, authorization, auth=(SERVICE_CLIENT, SERVICE_SECRET))

    assert error_of(response) == "invalid_grant"


def test_refresh_reuse_after_grace_revokes_family(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()
    successor = refresh(idp.issuer, tokens["refresh_token"]).json()["refresh_token"]

    idp.clock.advance(31)
    reused = refresh(idp.issuer, tokens["refresh_token"])

    assert reused.status_code == 400
    assert error_of(reused) == "invalid_grant"
    assert error_of(refresh(idp.issuer, successor)) == "invalid_grant"


def test_refresh_token_of_another_client(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()

    response = httpx.post(
        f"{idp.issuer}/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=(SERVICE_CLIENT, SERVICE_SECRET),
    )

    assert error_of(response) == "invalid_grant"


def test_refresh_token_expires_after_sliding_lifetime(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()
    idp.clock.advance(8 * 3600 + 1)

    assert error_of(refresh(idp.issuer, tokens["refresh_token"])) == "invalid_grant"


def test_refresh_family_ends_after_absolute_lifetime(idp: IdpUnderTest) -> None:
    token = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()["refresh_token"]
    for _ in range(4 * 30):
        idp.clock.advance(6 * 3600)
        response = refresh(idp.issuer, token)
        if response.status_code != 200:
            break
        token = response.json()["refresh_token"]

    assert idp.clock.offset > 29 * 86400
    assert idp.clock.offset <= 30 * 86400 + 6 * 3600
    assert error_of(response) == "invalid_grant"


def test_wrong_client_secret(idp: IdpUnderTest) -> None:
    response = httpx.post(
        f"{idp.issuer}/token",
        data={"grant_type": "client_credentials"},
        auth=(API_CLIENT, "wrong-secret"),
    )

    assert response.status_code == 401
    assert error_of(response) == "invalid_client"
    assert response.headers["www-authenticate"].startswith("Basic")


def test_wrong_secret_of_confidential_code_client(idp: IdpUnderTest) -> None:
    authorization = authorize(
        idp.issuer,
        ADMIN_ID,
        client_id=SERVICE_CLIENT,
        redirect_uri="http://127.0.0.1/callback",
    )

    response = redeem(idp.issuer, authorization, auth=(SERVICE_CLIENT, "wrong"))

    assert response.status_code == 401
    assert error_of(response) == "invalid_client"


def test_unknown_client(idp: IdpUnderTest) -> None:
    for data in (
        {"grant_type": "client_credentials", "client_id": "nobody", "client_secret": "x"},
        {"grant_type": "refresh_token", "client_id": "nobody", "refresh_token": "x"},
    ):
        response = httpx.post(f"{idp.issuer}/token", data=data)

        assert response.status_code == 401
        assert error_of(response) == "invalid_client"


def test_client_credentials_with_wrong_scope(idp: IdpUnderTest) -> None:
    response = httpx.post(
        f"{idp.issuer}/token",
        data={"grant_type": "client_credentials", "scope": "privileges"},
        auth=(API_CLIENT, API_SECRET),
    )

    assert error_of(response) == "invalid_scope"


def test_unsupported_grant_type(idp: IdpUnderTest) -> None:
    response = httpx.post(
        f"{idp.issuer}/token", data={"grant_type": "password", "client_id": "privadmin-desktop"}
    )

    assert error_of(response) == "unsupported_grant_type"


def test_missing_grant_type(idp: IdpUnderTest) -> None:
    response = httpx.post(f"{idp.issuer}/token", data={"client_id": "privadmin-desktop"})

    assert error_of(response) == "invalid_request"
