"""The demo identity provider's successful flows over HTTP: discovery, code with PKCE, refresh, userinfo, end-session, revocation, client credentials."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from joserfc import jwt
from joserfc.jwk import KeySet

from tests.idp.conftest import (
    ADMIN_ID,
    API_CLIENT,
    API_SECRET,
    CUSTOMER_TIN,
    PROVIDER_TIN,
    SERVICE_CLIENT,
    SERVICE_SECRET,
    IdpUnderTest,
)
from tests.idp.helpers import authorize, redeem, refresh

LOA = "https://data.gov.dk/concept/core/nsis/loa/Substantial"
AUDIENCE = "https://netseidbroker.dk/privilegeapi"


def verified(idp: IdpUnderTest, token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = KeySet.import_key_set(httpx.get(idp.url("/jwks")).json())
    decoded = jwt.decode(token, keys, algorithms=["ES256", "RS256"])
    return dict(decoded.header), dict(decoded.claims)


def test_discovery_document(idp: IdpUnderTest) -> None:
    document = httpx.get(idp.url("/.well-known/openid-configuration")).json()

    assert document["issuer"] == idp.issuer
    assert document["token_endpoint"] == idp.url("/token")
    assert document["jwks_uri"] == idp.url("/jwks")
    assert document["end_session_endpoint"] == idp.url("/endsession")
    assert document["revocation_endpoint"] == idp.url("/revoke")
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert document["authorization_response_iss_parameter_supported"] is True
    assert set(document["grant_types_supported"]) == {
        "authorization_code",
        "refresh_token",
        "client_credentials",
    }


def test_code_flow_issues_broker_shaped_tokens(idp: IdpUnderTest) -> None:
    authorization = authorize(idp.issuer, ADMIN_ID, state="state-123", nonce="nonce-456")

    assert authorization.location.startswith("http://127.0.0.1:53117/callback?")
    assert authorization.params["state"] == "state-123"
    assert authorization.params["iss"] == idp.issuer

    response = redeem(idp.issuer, authorization)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    tokens = response.json()
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 600
    assert tokens["refresh_token"]

    header, access = verified(idp, tokens["access_token"])
    assert header["typ"] == "at+jwt"
    assert header["alg"] == "ES256"
    assert header["kid"]
    assert access["iss"] == idp.issuer
    assert access["aud"] == AUDIENCE
    assert access["scope"] == ["openid", "nemlogin", "privilege_api", "offline_access"]
    assert access["client_id"] == "privadmin-desktop"
    assert access["idp"] == "mitid_erhverv"
    assert access["identity_type"] == "professional"
    assert access["idp_identity_id"] == ADMIN_ID
    assert access["nemlogin.cvr"] == CUSTOMER_TIN.removeprefix("DK")
    assert access["nemlogin.name"] == "Søren Østergaard"
    assert access["nemlogin.org_name"] == "Ærø Revision ApS"
    assert access["nemlogin.persistent_professional_id"] == f"urn:uuid:{ADMIN_ID}"
    assert access["acr"] == LOA
    assert access["loa"] == LOA
    assert access["exp"] - access["iat"] == 600
    assert "client_org_taxation_number" not in access

    id_header, id_claims = verified(idp, tokens["id_token"])
    assert id_header["kid"] == header["kid"]
    assert id_claims["aud"] == "privadmin-desktop"
    assert id_claims["nonce"] == "nonce-456"
    assert id_claims["sub"] == access["sub"]
    assert id_claims["idp_identity_id"] == ADMIN_ID
    assert id_claims["sid"]


def test_loopback_redirect_accepts_any_port_and_ipv6(idp: IdpUnderTest) -> None:
    for redirect_uri in ("http://127.0.0.1:61001/callback", "http://[::1]:61002/callback"):
        authorization = authorize(idp.issuer, ADMIN_ID, redirect_uri=redirect_uri)

        assert authorization.location.startswith(redirect_uri + "?")
        assert redeem(idp.issuer, authorization).status_code == 200


def test_service_client_token_names_its_organization(idp: IdpUnderTest) -> None:
    authorization = authorize(
        idp.issuer,
        ADMIN_ID,
        client_id=SERVICE_CLIENT,
        scope="openid privileges",
        redirect_uri="http://127.0.0.1/callback",
    )
    response = redeem(idp.issuer, authorization, auth=(SERVICE_CLIENT, SERVICE_SECRET))
    assert response.status_code == 200, response.text
    tokens = response.json()

    _, access = verified(idp, tokens["access_token"])
    assert access["scope"] == ["openid", "privileges"]
    assert access["client_org_taxation_number"] == PROVIDER_TIN
    assert "refresh_token" not in tokens


def test_refresh_rotates_the_token(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()

    first = refresh(idp.issuer, tokens["refresh_token"])
    assert first.status_code == 200, first.text
    rotated = first.json()
    assert rotated["refresh_token"] != tokens["refresh_token"]
    _, access = verified(idp, rotated["access_token"])
    assert access["idp_identity_id"] == ADMIN_ID
    assert access["sid"] == verified(idp, tokens["access_token"])[1]["sid"]

    second = refresh(idp.issuer, rotated["refresh_token"])
    assert second.status_code == 200, second.text
    assert second.json()["refresh_token"] not in (tokens["refresh_token"], rotated["refresh_token"])


def test_refresh_retry_within_grace_gets_same_successor(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()
    first = refresh(idp.issuer, tokens["refresh_token"]).json()

    idp.clock.advance(25)
    retried = refresh(idp.issuer, tokens["refresh_token"])

    assert retried.status_code == 200, retried.text
    assert retried.json()["refresh_token"] == first["refresh_token"]
    assert refresh(idp.issuer, first["refresh_token"]).status_code == 200


def test_client_credentials_with_basic_and_post(idp: IdpUnderTest) -> None:
    basic = httpx.post(
        idp.url("/token"),
        data={"grant_type": "client_credentials", "scope": "privilege_api"},
        auth=(API_CLIENT, API_SECRET),
    )
    post = httpx.post(
        idp.url("/token"),
        data={
            "grant_type": "client_credentials",
            "client_id": API_CLIENT,
            "client_secret": API_SECRET,
        },
    )

    for response in (basic, post):
        assert response.status_code == 200, response.text
        assert "refresh_token" not in response.json()
        header, claims = verified(idp, response.json()["access_token"])
        assert header["typ"] == "at+jwt"
        assert claims["client_at_type"] == "service_token"
        assert claims["scope"] == ["privilege_api"]
        assert claims["client_id"] == API_CLIENT
        assert claims["client_org_taxation_number"] == PROVIDER_TIN
        assert claims["aud"] == AUDIENCE
        assert "idp_identity_id" not in claims


def test_userinfo_returns_identity_claims(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()

    response = httpx.get(
        idp.url("/userinfo"), headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )

    assert response.status_code == 200, response.text
    info = response.json()
    assert info["idp_identity_id"] == ADMIN_ID
    assert info["nemlogin.cvr"] == CUSTOMER_TIN.removeprefix("DK")
    assert info["sub"] == verified(idp, tokens["id_token"])[1]["sub"]


def test_userinfo_rejects_a_service_token(idp: IdpUnderTest) -> None:
    service = httpx.post(
        idp.url("/token"),
        data={"grant_type": "client_credentials"},
        auth=(API_CLIENT, API_SECRET),
    ).json()["access_token"]

    response = httpx.get(idp.url("/userinfo"), headers={"Authorization": f"Bearer {service}"})

    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


def test_end_session_redirects_and_revokes_the_session(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()

    response = httpx.get(
        idp.url("/endsession"),
        params={
            "id_token_hint": tokens["id_token"],
            "post_logout_redirect_uri": "http://127.0.0.1:50000/callback",
            "state": "bye",
        },
    )

    assert response.status_code == 303
    assert response.headers["location"] == "http://127.0.0.1:50000/callback?state=bye"
    assert refresh(idp.issuer, tokens["refresh_token"]).json()["error"] == "invalid_grant"


def test_end_session_without_redirect_shows_a_page(idp: IdpUnderTest) -> None:
    response = httpx.get(idp.url("/endsession"), params={"ui_locales": "en"})

    assert response.status_code == 200
    assert "You are signed out" in response.text


def test_end_session_rejects_an_unregistered_redirect(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()

    response = httpx.get(
        idp.url("/endsession"),
        params={
            "id_token_hint": tokens["id_token"],
            "post_logout_redirect_uri": "http://example.com/",
        },
    )

    assert response.status_code == 400
    assert refresh(idp.issuer, tokens["refresh_token"]).status_code == 200


def test_revocation_ends_the_refresh_token_family(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()
    rotated = refresh(idp.issuer, tokens["refresh_token"]).json()

    response = httpx.post(
        idp.url("/revoke"),
        data={
            "token": rotated["refresh_token"],
            "token_type_hint": "refresh_token",
            "client_id": "privadmin-desktop",
        },
    )

    assert response.status_code == 200
    rejected = refresh(idp.issuer, rotated["refresh_token"])
    assert rejected.status_code == 400
    assert rejected.json()["error"] == "invalid_grant"


def test_revocation_of_unknown_token_is_accepted(idp: IdpUnderTest) -> None:
    response = httpx.post(
        idp.url("/revoke"), data={"token": "no-such-token", "client_id": "privadmin-desktop"}
    )

    assert response.status_code == 200


def test_concurrent_refreshes_share_one_successor(idp: IdpUnderTest) -> None:
    tokens = redeem(idp.issuer, authorize(idp.issuer, ADMIN_ID)).json()

    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(lambda _: refresh(idp.issuer, tokens["refresh_token"]), range(6)))

    assert [response.status_code for response in responses] == [200] * 6
    successors = {response.json()["refresh_token"] for response in responses}
    assert len(successors) == 1
    assert refresh(idp.issuer, successors.pop()).status_code == 200
