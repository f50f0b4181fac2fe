"""The published runtime lookups: shapes, scopes per assigner, and what a lookup records."""

from __future__ import annotations

import uuid

from tests.server.conftest import Api, Person


def _end_user(live: Api, person: str, client_org: str | None = None) -> object:
    return live.as_person(
        person,
        scope=["openid", "privileges"],
        client_id="pension-web",
        client_org=client_org or live.world.provider_tin,
    )


def test_end_user_lookup_shape(live: Api) -> None:
    world = live.world
    live.assign("customer_admin", world.customer_tin, "employee", "public")
    live.assign("other_customer_admin", world.other_customer_tin, "employee", "public")
    live.assign("customer_admin", world.customer_tin, "employee", "other_public")
    employee = world.people["employee"].idp_identity_id

    response = _end_user(live, "employee").get("/identity/privileges")  # type: ignore[attr-defined]

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["identity"] == {"idpIdentityId": employee, "idp": "mitid_erhverv"}
    assert body["clientInfo"] == {"clientId": "pension-web", "organizationTin": world.provider_tin}
    assert [scope["organizationTin"] for scope in body["organizationScopes"]] == sorted(
        [world.customer_tin, world.other_customer_tin]
    )
    for scope in body["organizationScopes"]:
        assert set(scope) == {"organizationTin", "privileges"}
        assert [set(item) for item in scope["privileges"]] == [{"id", "name", "updated"}]
        assert scope["privileges"][0]["id"] == world.privileges["public"]
        assert scope["privileges"][0]["name"] == "Pension public"


def test_service_lookup_only_provider_privileges(live: Api) -> None:
    world = live.world
    live.assign("customer_admin", world.customer_tin, "employee", "public")
    live.assign("customer_admin", world.customer_tin, "employee", "other_public")

    assert live.runtime("employee") == {world.customer_tin: {world.privileges["public"]}}
    assert live.runtime("employee", "other_provider_api") == {
        world.customer_tin: {world.privileges["other_public"]}
    }


def test_unknown_identity_empty(live: Api) -> None:
    world = live.world
    response = live.as_service("provider_api").get(
        f"/organizations/{world.provider_tin}/assignedIdentityPrivileges/mitid/{uuid.uuid4()}/runtime"
    )

    assert response.status_code == 200
    assert response.json()["organizationScopes"] == []
    assert response.json()["clientInfo"] == {
        "clientId": "provider-api",
        "organizationTin": world.provider_tin,
    }


def test_lookup_makes_employee_known(live: Api) -> None:
    world = live.world
    newcomer = Person("Ny Medarbejder", world.other_customer_tin)
    world.people["newcomer"] = newcomer
    listing = f"/organizations/{world.other_customer_tin}/identities"
    admin = live.as_person("other_customer_admin")
    assert newcomer.idp_identity_id not in {
        item["idpIdentityId"] for item in admin.get(listing).json()["items"]
    }

    assert _end_user(live, "newcomer").get("/identity/privileges").status_code == 200  # type: ignore[attr-defined]

    known = {item["idpIdentityId"]: item for item in admin.get(listing).json()["items"]}
    assert known[newcomer.idp_identity_id]["lastSeen"] is not None


def test_service_lookup_records_last_seen(live: Api) -> None:
    world = live.world
    live.assign("customer_admin", world.customer_tin, "employee", "public")
    listing = f"/organizations/{world.customer_tin}/identities"
    employee = world.people["employee"].idp_identity_id

    live.runtime("employee")

    known = {
        item["idpIdentityId"]: item
        for item in live.as_person("customer_admin").get(listing).json()["items"]
    }
    assert known[employee]["lastSeen"] is not None


def test_end_user_lookup_needs_client_organization(live: Api) -> None:
    token = live.issuer.person_token(live.world.people["employee"], scope=["privileges"])

    response = live.client(token).get("/identity/privileges")

    assert response.status_code == 403
    assert "client_org_taxation_number" in response.json()["detail"]


def test_administration_token_cannot_look_up_itself(live: Api) -> None:
    response = live.as_person("employee", client_org=live.world.provider_tin).get(
        "/identity/privileges"
    )

    assert response.status_code == 403
