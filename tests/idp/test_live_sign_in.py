"""End to end on the seeded live server: an administrator signs in on the page and assigns, and the provider's lookup returns it."""

from __future__ import annotations

from typing import Any

import httpx

from privserver.testing import LiveServer, browser_sign_in, service_token, sign_in_tokens


def api(live_server: LiveServer, token: str) -> httpx.Client:
    return httpx.Client(
        base_url=f"{live_server.api_base_url}/api/v1",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30.0,
    )


def first_employee(client: httpx.Client, tin: str) -> dict[str, Any]:
    response = client.get(f"/organizations/{tin}/identities", params={"pageSize": 5})
    assert response.status_code == 200, response.text
    employees: list[dict[str, Any]] = response.json()["items"]
    assert employees, f"the seed gave {tin} no employees"
    return employees[0]


def provider_privilege(
    live_server: LiveServer, client: httpx.Client, tin: str
) -> tuple[str, dict[str, Any]]:
    """Return a privilege `tin` may assign whose owner has an API client, with that owner's TIN."""
    response = client.get(f"/organizations/{tin}/assignablePrivileges")
    assert response.status_code == 200, response.text
    providers = {api_client["organizationTin"] for api_client in live_server.seed["apiClients"]}
    for group in response.json():
        if group["organizationTin"] in providers and group["privileges"]:
            return group["organizationTin"], group["privileges"][0]
    raise AssertionError(f"{tin} may assign no privilege of a provider with an API client")


def test_administrator_signs_in_assigns_and_provider_sees_it(live_server: LiveServer) -> None:
    administrator = live_server.administrator("customer")
    tin = administrator["organizationTin"]

    tokens = sign_in_tokens(live_server, administrator["idpIdentityId"])
    assert tokens["refresh_token"]

    with api(live_server, tokens["access_token"]) as client:
        me = client.get("/me")
        assert me.status_code == 200, me.text
        assert tin in me.text

        employee = first_employee(client, tin)
        provider_tin, privilege = provider_privilege(live_server, client, tin)
        path = (
            f"/organizations/{tin}/assignedIdentityPrivileges/"
            f"{employee['idp']}/{employee['idpIdentityId']}/{privilege['id']}"
        )
        assigned = client.put(path)
        assert assigned.status_code in (200, 201), assigned.text

    api_client = live_server.api_client(provider_tin)
    service = service_token(live_server, api_client["clientId"], api_client["clientSecret"])
    with api(live_server, service) as client:
        runtime = client.get(
            f"/organizations/{provider_tin}/assignedIdentityPrivileges/"
            f"{employee['idp']}/{employee['idpIdentityId']}/runtime"
        )
    assert runtime.status_code == 200, runtime.text
    scopes = {scope["organizationTin"]: scope for scope in runtime.json()["organizationScopes"]}
    assert tin in scopes
    assert privilege["id"] in [item["id"] for item in scopes[tin]["privileges"]]


def test_every_seeded_administrator_is_offered(live_server: LiveServer) -> None:
    page = httpx.get(
        live_server.authorization_endpoint,
        params={
            "client_id": "privadmin-desktop",
            "redirect_uri": "http://127.0.0.1:9/callback",
            "response_type": "code",
            "scope": "openid",
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method": "S256",
        },
    )

    assert page.status_code == 200
    for administrator in live_server.seed["administrators"]:
        assert administrator["idpIdentityId"] in page.text
        assert administrator["name"] in page.text


def test_browser_sign_in_returns_the_callback_response(live_server: LiveServer) -> None:
    from privserver.testing import CallbackListener

    administrator = live_server.administrator("provider")
    with CallbackListener() as listener:
        url = (
            f"{live_server.authorization_endpoint}?client_id=privadmin-desktop&response_type=code"
            f"&redirect_uri={listener.redirect_uri}&scope=openid&state=xyz"
            "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
        )
        final = browser_sign_in(url, administrator["idpIdentityId"])

        assert final.status_code == 200
        assert "state=xyz" in listener.response_url
        assert "code=" in listener.response_url


def test_employee_runtime_lookup_with_end_user_token(live_server: LiveServer) -> None:
    service_client = live_server.service_client()
    provider_tin = service_client["organizationTin"]
    administrator = live_server.administrator("customer")
    tin = administrator["organizationTin"]
    admin_tokens = sign_in_tokens(live_server, administrator["idpIdentityId"])

    with api(live_server, admin_tokens["access_token"]) as client:
        employee = first_employee(client, tin)
        groups = client.get(f"/organizations/{tin}/assignablePrivileges").json()
        privilege = next(
            group["privileges"][0]
            for group in groups
            if group["organizationTin"] == provider_tin and group["privileges"]
        )
        path = (
            f"/organizations/{tin}/assignedIdentityPrivileges/"
            f"{employee['idp']}/{employee['idpIdentityId']}/{privilege['id']}"
        )
        assert client.put(path).status_code in (200, 201)

    tokens = sign_in_tokens(
        live_server,
        employee["idpIdentityId"],
        client_id=service_client["clientId"],
        scope="openid privileges",
    )
    with api(live_server, tokens["access_token"]) as client:
        runtime = client.get("/identity/privileges")

    assert runtime.status_code == 200, runtime.text
    body = runtime.json()
    assert body["clientInfo"]["organizationTin"] == provider_tin
    scopes = {scope["organizationTin"]: scope for scope in body["organizationScopes"]}
    assert privilege["id"] in [item["id"] for item in scopes[tin]["privileges"]]
